#!/bin/bash
# Whether two bitmig binaries give byte-identical `bitmig simulate` output: the text summary, the
# time series, the QEMU migration file, --json and the stream, for every preset in
# resources/presets/ and tests/bench/zipf100x.json (or the scenario files given). Used to check that
# a change meant only to make the engine faster changes no result (the random draws included).
# Where --qemu-file is refused (exit 2), the text summary and the time series are taken without it.
# The streams are compared by size and SHA-256. Exit status 0 when everything is the same.
#
#   tests/bench/compare_simulate.sh OLD_BITMIG NEW_BITMIG [SCENARIO.json ...]
set -u
if [ $# -lt 2 ]; then
    echo "usage: $0 OLD_BITMIG NEW_BITMIG [SCENARIO.json ...]" >&2
    exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
shift 2
root=$(cd "$(dirname "$0")/../.." && pwd)
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
    files=("$root"/resources/presets/*.json "$root"/tests/bench/zipf100x.json)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for f in "${files[@]}"; do
    f=$(realpath "$f")
    name=$(basename "$f" .json)
    for which in old new; do
        bin=$old
        [ $which = new ] && bin=$new
        d=$work/$which/$name
        mkdir -p "$d"
        (
            cd "$d" || exit
            "$bin" simulate --scenario "$f" --progress never --timeseries ts.csv --qemu-file q.bin >text.out 2>text.err
            echo $? >text.rc
            if [ "$(cat text.rc)" = 2 ]; then
                "$bin" simulate --scenario "$f" --progress never --timeseries ts.csv >text.out 2>text2.err
                echo $? >text2.rc
            fi
            "$bin" simulate --scenario "$f" --progress never --json --stream s.bin >json.out 2>json.err
            echo $? >json.rc
            for x in q.bin s.bin; do
                if [ -f $x ]; then
                    { sha256sum <$x; stat -c %s $x; } >$x.sha
                    rm $x
                fi
            done
        )
    done
    if diff -r "$work/old/$name" "$work/new/$name" >"$work/$name.diff"; then
        echo "same       $name"
    else
        echo "DIFFERENT  $name"
        head -20 "$work/$name.diff"
        status=1
    fi
done
exit $status
