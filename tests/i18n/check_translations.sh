#!/usr/bin/env bash
# Every user-visible string is translated: lupdate run over the sources into copies of the .ts
# files finds nothing new, and no message is left unfinished.
#   check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/translations/*.ts "$work"/
status=0
for ts in "$work"/*.ts; do
    # The sources and include path of app/CMakeLists.txt's update_translations: without the include
    # path lupdate cannot see a class's namespace in its header and files it under another context.
    out=$("$lupdate" -no-obsolete -locations none -I "$src" "$src"/app/*.cpp "$src"/app/model/*.cpp \
          "$src"/app/qemu/*.cpp "$src"/app/scenario/*.cpp "$src"/widgets/*.cpp -ts "$ts" 2>&1)
    if echo "$out" | grep -q "Removed [1-9]"; then
        echo "$(basename "$ts"): the file holds strings the sources no longer have (run the update_translations target)"
        status=1
    fi
    name=$(basename "$ts")
    if echo "$out" | grep -q "([1-9][0-9]* new"; then
        echo "$name: strings in the sources are missing from the file (run the update_translations target):"
        echo "$out" | grep "Found"
        status=1
    fi
    unfinished=$(grep -c 'type="unfinished"' "$ts" || true)
    if [ "$unfinished" -ne 0 ]; then
        echo "$name: $unfinished unfinished translation(s):"
        grep -B2 'type="unfinished"' "$ts" | grep "<source>" | head -20
        status=1
    fi
done
[ $status -eq 0 ] && echo "translations: complete"
exit $status
