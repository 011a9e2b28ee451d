#!/bin/sh
# Runs the whole test suite: builds the native and the PE targets, starts what Wine needs
# (an X server, a private prefix), runs every meson test of both builds, and prints
# "N passed, M failed" last. Exit status 0 only when nothing failed.
#   tests/run.sh            build and test
#   D3D11VK_FUZZ_SECONDS=60 tests/run.sh   also run the DXBC fuzzer for that long
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ "${D3D11VK_SKIP_DEPS:-0}" = 1 ] || sh winebuild/deps.sh || { echo "d3d11vk: installing dependencies failed"; echo "0 passed, 1 failed"; exit 1; }
. winebuild/wine-env.sh
trap '"${WINESERVER:-/usr/lib/wine/wineserver}" -k 2>/dev/null; [ -n "${D3D11VK_XVFB_PID:-}" ] && kill $D3D11VK_XVFB_PID 2>/dev/null' EXIT

build_failed=0
[ -f build.native/build.ninja ] || meson setup build.native >/dev/null || build_failed=$((build_failed + 1))
ninja -C build.native >/dev/null || { ninja -C build.native | tail -30; build_failed=$((build_failed + 1)); }
[ -f build.pe/build.ninja ] || meson setup build.pe --cross-file winebuild/x86_64-w64-mingw32.txt >/dev/null || build_failed=$((build_failed + 1))
ninja -C build.pe >/dev/null || { ninja -C build.pe | tail -30; build_failed=$((build_failed + 1)); }

# The native tests again under AddressSanitizer (with leak detection) and UBSan.
if [ "${D3D11VK_ASAN:-1}" = 1 ]; then
    [ -f build.asan/build.ninja ] || meson setup build.asan -Db_sanitize=address,undefined -Db_lundef=false >/dev/null || build_failed=$((build_failed + 1))
    ninja -C build.asan >/dev/null || { ninja -C build.asan | tail -30; build_failed=$((build_failed + 1)); }
fi

wine_prefix_init "${D3D11VK_TEST_PREFIX:-$root/build.pe/wineprefix}"

meson test -C build.native --no-rebuild --print-errorlogs
meson test -C build.pe --no-rebuild --print-errorlogs
logs="native=build.native/meson-logs/testlog.json pe=build.pe/meson-logs/testlog.json"
if [ "${D3D11VK_ASAN:-1}" = 1 ]; then
    ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}" UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
        meson test -C build.asan --no-rebuild --print-errorlogs --timeout-multiplier 3
    logs="$logs asan=build.asan/meson-logs/testlog.json"
fi

extra_fail=$build_failed
extra_pass=0
if [ "${D3D11VK_FUZZ_SECONDS:-0}" -gt 0 ] && [ -x tests/fuzz/run.sh ]; then
    if tests/fuzz/run.sh "$D3D11VK_FUZZ_SECONDS"; then extra_pass=$((extra_pass + 1)); echo "ok   fuzz"; else extra_fail=$((extra_fail + 1)); echo "FAIL fuzz"; fi
fi

python3 - "$extra_pass" "$extra_fail" $logs <<'PY'
import json, sys
passed, failed = int(sys.argv[1]), int(sys.argv[2])
for arg in sys.argv[3:]:
    label, path = arg.split("=", 1)
    try:
        lines = open(path).read().splitlines()
    except OSError:
        print("missing test log %s" % path); failed += 1; continue
    for line in lines:
        r = json.loads(line)
        if r.get("result") in ("OK", "EXPECTEDFAIL"):
            passed += 1
        else:
            failed += 1
            print("failed: %s: %s (%s)" % (label, r.get("name"), r.get("result")))
print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
