#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root, or with sudo available):
#   ./run.sh app [ARGS...]   install what is missing, build, launch the desktop app bitmig-lab
#   ./run.sh test            install what is missing, build, run the whole test suite
#   ./run.sh test-asan       the same suite built with AddressSanitizer + UBSan, leak detection on
#   ./run.sh bench           install what is missing, build (release), run the benchmarks
#   ./run.sh build           install what is missing and build only
# Idempotent: when everything is installed and built it only rebuilds what changed.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(g++ cmake ninja-build pkg-config libssl-dev
          qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev
          qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
          qt6-translations-l10n catch2 xvfb xauth desktop-file-utils appstream
          qemu-utils qemu-system-x86 python3 fio librsvg2-bin libnbd-dev libnbd-bin)

install_missing() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "run.sh: installing ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    local preset=$1
    cmake --preset "$preset" >/dev/null
    cmake --build --preset "$preset"
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
    app)
        install_missing
        build dev
        if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
            echo "run.sh: no display found; starting bitmig-lab on a virtual X display (xvfb-run)"
            exec xvfb-run -a build/dev/app/bitmig-lab "$@"
        fi
        exec build/dev/app/bitmig-lab "$@"
        ;;
    test)
        install_missing
        build dev
        export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
        ctest --preset dev -j"$(nproc)"
        ;;
    test-asan)
        install_missing
        # Leak reports fail a test; tests/lsan.supp names the few leaks that belong to the system
        # libraries under Qt (and why), never ours. Set before the build: test discovery runs the
        # test executables.
        export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
        export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tests/lsan.supp:print_suppressions=0}
        export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
        build asan
        export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
        ctest --preset asan -j"$(nproc)"
        ;;
    bench)
        install_missing
        build release
        for b in build/release/tests/bench/bench_*; do
            [ -x "$b" ] && "$b" "$@"
        done
        ;;
    build)
        install_missing
        build dev
        ;;
    *)
        echo "usage: ./run.sh app [ARGS...] | test | test-asan | bench | build" >&2
        exit 2
        ;;
esac
