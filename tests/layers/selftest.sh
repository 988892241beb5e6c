#!/usr/bin/env bash
# check_layers.sh must refuse each kind of violation: builds a small tree per case and expects
# exit status 1 with the offending file named, and 0 for a tree that keeps the rules.
set -u
checker=$(cd "$(dirname "$0")" && pwd)/check_layers.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

tree() {  # a minimal tree that keeps the rules
    rm -rf "$tmp/t" && mkdir -p "$tmp/t"/{core/src,core/include/bitmig,widgets,app/model,app/scenario,app/cli,app/qemu,tests}
    cd "$tmp/t" || exit 2
    echo '#include <bitmig/a.h>' > core/src/a.cpp; echo '#pragma once' > core/include/bitmig/a.h
    printf '#include "w.h"\n#include <bitmig/a.h>\n#include <QWidget>\n' > widgets/w.cpp; echo '#pragma once' > widgets/w.h
    echo '#include "widgets/byteformat.h"' > app/model/m.cpp; echo '#pragma once' > widgets/byteformat.h
    echo '#include "app/scenario/s.h"' > app/cli/c.cpp; echo '#pragma once' > app/scenario/s.h
    printf '#include "q.h"\n#include <bitmig/a.h>\n#include <QLocalSocket>\n' > app/qemu/q.cpp; echo '#pragma once' > app/qemu/q.h
    echo '#include "app/qemu/q.h"' >> app/cli/c.cpp; echo '#include "app/qemu/q.h"' >> app/model/m.cpp
    printf '#include "app/model/m.h"\n#include "widgets/w.h"\n' > app/main.cpp; echo '#pragma once' > app/model/m.h
}
expect() {  # expect STATUS NAME WORD-IN-OUTPUT
    local out code
    out=$(bash "$checker" "$tmp/t" 2>&1); code=$?
    if [[ $code != "$1" || $out != *"$3"* ]]; then
        echo "FAIL: $2: exit $code, wanted $1 with \"$3\"; output:"; echo "$out"; status=1
    else
        echo "ok: $2"
    fi
}

tree; expect 0 "a tree that keeps the rules" "layers respected"
tree; echo '#include "app/model/m.h"' >> widgets/w.cpp; expect 1 "widgets including app/" "widgets/w.cpp"
tree; echo '#include <QString>' >> core/src/a.cpp; expect 1 "Qt in core" "core/src/a.cpp"
tree; echo '#include "widgets/w.h"' >> core/src/a.cpp; expect 1 "core including widgets" "core/src/a.cpp"
tree; echo '#include "m.h"' >> app/main.cpp; expect 1 "a bare name from another folder" "name its layer"
tree; echo '#include "app/model/m.h"' >> app/scenario/s.h; expect 1 "scenario including the glue" "app/scenario/s.h"
tree; echo '#include "widgets/w.h"' >> app/model/m.cpp; expect 1 "glue including a widget" "app/model/m.cpp"
tree; echo '#include "app/model/m.h"' >> app/cli/c.cpp; expect 1 "the command line including the glue" "app/cli/c.cpp"
tree; echo '#include "app/scenario/s.h"' >> app/qemu/q.cpp; expect 1 "the QEMU client including scenario files" "app/qemu/q.cpp"
tree; echo '#include "app/cli/c.h"' >> app/qemu/q.h; touch app/cli/c.h; expect 1 "the QEMU client including the command line" "app/qemu/q.h"
tree; echo '#include "app/qemu/q.h"' >> widgets/w.cpp; expect 1 "widgets including the QEMU client" "widgets/w.cpp"
exit $status
