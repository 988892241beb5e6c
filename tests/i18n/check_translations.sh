#!/usr/bin/env bash
# Every user-visible string is translated: lupdate run over the sources into copies of the .ts
# files finds nothing new, and no message is left unfinished. bitmig_en.ts is English's own file of
# plurals (lupdate -pluralonly): every text with a count and nothing else, each with its singular
# and plural filled and keeping the source's count.
#   check_translations.sh LUPDATE SOURCE_DIR
set -euo pipefail
lupdate=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src"/translations/*.ts "$work"/
status=0
for ts in "$work"/*.ts; do
    name=$(basename "$ts")
    options=(-no-obsolete -locations none)
    if [ "$name" = bitmig_en.ts ]; then
        options+=(-pluralonly)
    fi
    # The sources and include path of app/CMakeLists.txt's update_translations: without the include
    # path lupdate cannot see a class's namespace in its header and files it under another context.
    out=$("$lupdate" "${options[@]}" -I "$src" "$src"/app/*.cpp "$src"/app/model/*.cpp \
          "$src"/app/qemu/*.cpp "$src"/app/scenario/*.cpp "$src"/widgets/*.cpp -ts "$ts" 2>&1)
    if echo "$out" | grep -q "Removed [1-9]"; then
        echo "$name: the file holds strings the sources no longer have (run the update_translations target)"
        status=1
    fi
    if [ "$name" = bitmig_en.ts ]; then
        # lupdate counts every source text as new before it strips those without a count: the
        # file as lupdate leaves it is the one to compare (">" a text the file lacks, "<" one too many).
        if ! cmp -s "$ts" "$src/translations/$name"; then
            echo "$name: not the texts with a count the sources have (run the update_translations target):"
            diff "$src/translations/$name" "$ts" | grep "^[<>].*<source>" || true
            status=1
        fi
        # One message at a time: only texts with a count, each with two filled forms (English's
        # singular and plural) that keep the source's %n or %Ln.
        problems=$(awk '
            /<message/ { numerus = ($0 ~ /numerus="yes"/); forms = 0; filled = 0; source = ""; count = ""; bad = 0 }
            /<source>/ {
                source = $0; sub(/.*<source>/, "", source); sub(/<\/source>.*/, "", source)
                count = (source ~ /%Ln/) ? "%Ln" : "%n"
            }
            /<numerusform/ {
                forms++
                form = $0; sub(/.*<numerusform>/, "", form); sub(/<\/numerusform>.*/, "", form)
                if ($0 ~ /<numerusform\/>/) form = ""
                if (form != "") filled++
                if (form != "" && index(form, count) == 0) bad = 1
            }
            /<\/message>/ {
                if (!numerus) print "a text without a count: " source
                else if (forms != 2 || filled != 2) print "not both English forms filled: " source
                else if (bad) print "a form without the source'"'"'s " count ": " source
            }' "$src/translations/$name")
        if [ -n "$problems" ]; then
            echo "$name:"
            echo "$problems"
            status=1
        fi
    elif echo "$out" | grep -q "([1-9][0-9]* new"; then
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
# Russian writes sizes and rates with Latin units, as Qt's formattedDataSize() writes the sizes it
# formats ("1,5 MiB"): a hand-written "8 КиБ" or "Мбит/с" beside them would mix the two.
cyrillicUnits=$(LC_ALL=C.UTF-8 grep -P '<translation>.*(?:[0-9] |%[0-9] |\()(?:Б|КиБ|МиБ|ГиБ|ТиБ|ПиБ|(?:К|М|Г|Т)бит/с)(?!\p{Cyrillic})' \
                "$src/translations/bitmig_ru.ts" || true)
if [ -n "$cyrillicUnits" ]; then
    echo "bitmig_ru.ts: sizes or rates with Cyrillic units (write B, KiB, MiB, GiB, Mbit/s as the rest):"
    echo "$cyrillicUnits" | head -20
    status=1
fi
[ $status -eq 0 ] && echo "translations: complete"
exit $status
