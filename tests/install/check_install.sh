#!/usr/bin/env bash
# Installs the build into a fresh prefix and checks that it is a launchable desktop app: binaries,
# icon, desktop entry, AppStream metadata and translations where a desktop expects them, the
# desktop entry and metadata valid, and the installed bitmig-lab starting and drawing its window.
#   check_install.sh BUILD_DIR
set -euo pipefail
build=$1
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT

cmake --install "$build" --prefix "$prefix" >/dev/null

id=io.github.bitmig.BitmapMigrationLab
expect=(
    "bin/bitmig-lab"
    "bin/bitmig"
    "share/icons/hicolor/scalable/apps/$id.svg"
    "share/applications/$id.desktop"
    "share/metainfo/$id.metainfo.xml"
    "share/bitmig-lab/translations/bitmig_de.qm"
    "share/bitmig-lab/translations/bitmig_en.qm"
    "share/bitmig-lab/translations/bitmig_ru.qm"
)
for f in "${expect[@]}"; do
    [ -s "$prefix/$f" ] || { echo "install: $f is missing or empty in the prefix"; exit 1; }
done
[ -x "$prefix/bin/bitmig-lab" ] || { echo "install: bin/bitmig-lab is not executable"; exit 1; }

desktop-file-validate "$prefix/share/applications/$id.desktop"
appstreamcli validate --no-net --pedantic "$prefix/share/metainfo/$id.metainfo.xml"
# The desktop entry's Exec and Icon name what was installed.
grep -q "^Exec=bitmig-lab" "$prefix/share/applications/$id.desktop"
grep -q "^Icon=$id$" "$prefix/share/applications/$id.desktop"
# The icon is an SVG document.
grep -q "<svg" "$prefix/share/icons/hicolor/scalable/apps/$id.svg"

shot="$prefix/shot.png"
QT_QPA_PLATFORM=offscreen "$prefix/bin/bitmig-lab" --no-settings --screenshot "$shot" --after 500
[ -s "$shot" ] || { echo "install: the installed bitmig-lab did not save its window"; exit 1; }
# In German, from the installed translation (tests/app checks which file a language is loaded from).
QT_QPA_PLATFORM=offscreen "$prefix/bin/bitmig-lab" --no-settings --lang de --screenshot "$prefix/de.png" --after 300
[ -s "$prefix/de.png" ] || { echo "install: the installed bitmig-lab did not start in German"; exit 1; }
"$prefix/bin/bitmig" geometry --granularity 64K >/dev/null
echo "install: ok ($prefix)"
