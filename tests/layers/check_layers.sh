#!/usr/bin/env bash
# The layers as docs/architecture.md draws them, checked on every #include of the sources:
#   core/          no Qt, nothing outside core/
#   widgets/       core (<bitmig/...>) and widgets/ only, never app/
#   app/scenario/  core only (QtCore)
#   app/qemu/      core only (QtCore, QtNetwork, libnbd): talking to a running QEMU
#   app/cli/       core, app/scenario/ and app/qemu/
#   app/model/     core, app/scenario/, app/qemu/ and the texts of widgets/ that need no widget (byteformat.h,
#                  configerrortext.h, workloadnames.h: bitmig_viewmodels)
#   app/           everything below it
# and an include by bare name ("x.h") must name a file in the including file's own folder: an
# include from another folder spells its layer ("widgets/x.h", "app/model/x.h", <bitmig/x.h>).
# Usage: check_layers.sh SOURCE_DIR. Prints every violation; exit status 1 if there is one.
set -u
src=${1:?usage: check_layers.sh SOURCE_DIR}
cd "$src" || exit 2
fail=0
violation() { echo "$1:$2: $3"; fail=1; }

# allowed_quoted FOLDER INCLUDE -> 0 if FOLDER's files may include "INCLUDE" (a path from the root)
allowed_quoted() {
    local dir=$1 inc=$2
    case "$dir" in
        core|core/*) return 1 ;;
        widgets) [[ $inc == widgets/* ]] ;;
        app/scenario) [[ $inc == app/scenario/* ]] ;;
        app/qemu) [[ $inc == app/qemu/* ]] ;;
        app/cli) [[ $inc == app/cli/* || $inc == app/scenario/* || $inc == app/qemu/* ]] ;;
        app/model) [[ $inc == app/model/* || $inc == app/scenario/* || $inc == app/qemu/* || $inc == widgets/byteformat.h ||
                      $inc == widgets/configerrortext.h || $inc == widgets/workloadnames.h ]] ;;
        app) [[ $inc == app/* || $inc == widgets/* ]] ;;
        *) return 0 ;;
    esac
}

while IFS= read -r file; do
    dir=$(dirname "$file")
    while IFS=: read -r line text; do
        if [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
            inc=${BASH_REMATCH[1]}
            if [[ $inc != */* || $inc == ../* ]]; then
                # Same folder (tests may reach a sibling test folder's helpers with ../).
                [[ -f $dir/$inc ]] || violation "$file" "$line" "\"$inc\" is not in $dir/: name its layer"
            elif [[ -f $dir/$inc ]]; then
                :  # a subfolder of the including file's folder
            elif [[ ! -f $inc ]]; then
                violation "$file" "$line" "\"$inc\" names no file under the project root"
            elif ! allowed_quoted "$dir" "$inc"; then
                violation "$file" "$line" "$dir/ may not include \"$inc\""
            fi
        elif [[ $text =~ ^[[:space:]]*#[[:space:]]*include[[:space:]]*\<(Q[A-Za-z]*)[/\>] ]]; then
            case "$dir" in
                core|core/*) violation "$file" "$line" "core/ has no Qt: <${BASH_REMATCH[1]}...>" ;;
            esac
        fi
    done < <(grep -n '^[[:space:]]*#[[:space:]]*include' "$file")
done < <(find core widgets app tests -type f \( -name '*.cpp' -o -name '*.h' -o -name '*.hpp' \) | sort)

if ((fail)); then
    echo "layering violated (see docs/architecture.md)"
    exit 1
fi
echo "layers respected: $(find core widgets app -name '*.cpp' -o -name '*.h' | wc -l) sources checked"
