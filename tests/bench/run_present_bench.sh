#!/bin/sh
# run_present_bench.sh [PE_BUILD_DIR] [SECONDS] [ROUNDS] [MODEL] — runs present_bench.exe under
# Wine with d3d11vk, with every peer implementation found in ../shared/peers/*/ (their d3d11.dll
# and dxgi.dll beside a copy of the program) and with Wine's builtin d3d11/dxgi, interleaved
# (A B C A B C ...) for ROUNDS rounds in one invocation on the same machine and X server, so
# that load from other work falls on all of them alike. MODEL: flip (FLIP_DISCARD, 2 buffers;
# the default) or blit (DISCARD, 1 buffer). Each run presents an almost empty 1280x720 frame
# at sync interval 0 for SECONDS and prints presented frames per second, the time the
# application thread spends in Present (mean and 99th percentile) and the CPU time of the
# whole process per frame. The table gives the medians over the rounds and the median of the
# per-round ratios d3d11vk / implementation. wineserver is started once beforehand.
# The prefix gets UseXRandR=N (Wine's X11 driver then reports its outputs at 60 Hz instead of
# the 0 Hz that Xvfb's RandR modes give): one peer divides by the refresh rate when it
# presents and crashes on 0 Hz. It applies to every implementation alike.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build.pe}
secs=${2:-3}
rounds=${3:-3}
model=${4:-flip}
exe="$build/tests/bench/present_bench.exe"
. "$src/tests/bench/bench_lib.sh"

run() {   # name round
    ( cd "$tmp/$1" && WINEDLLOVERRIDES=$(overrides "$1") DXVK_LOG_LEVEL=none D3D11VK_LOG_LEVEL=err \
        timeout $((secs * 4 + 60)) "$WINE" ./present_bench.exe "$secs" "$model" 2>/dev/null ) | tr -d '\r' > "$tmp/$1.$2.txt" || true
}

"$WINE" reg add 'HKCU\Software\Wine\X11 Driver' /v UseXRandR /t REG_SZ /d N /f >/dev/null 2>&1 || true
"${WINESERVER:-/usr/lib/wine/wineserver}" -w || true
( cd "$tmp" && WINEDLLOVERRIDES="d3d11,dxgi=b" "$WINE" cmd /c exit >/dev/null 2>&1 ) || true   # warm wineserver
bench_impls

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   ($(nproc) cores; $rounds rounds of $secs s, 1280x720, sync interval 0, $model model)"
r=1
while [ "$r" -le "$rounds" ]; do
    for n in $names; do run "$n" "$r"; done
    line="round $r:"
    for n in $names; do
        line="$line $n $(field "$tmp/$n.$r.txt" frames_per_second)fps $(field "$tmp/$n.$r.txt" present_us)us"
    done
    echo "$line"
    r=$((r + 1))
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%-14s %9s %12s %12s %13s   %s\n' implementation frames/s "Present us" "Present p99" "cpu us/frame" \
    "d3d11vk vs it (median of per-round ratios): frames/s, cpu/frame"
for n in $names; do
    f=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" frames_per_second; done | median)
    p=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" present_us; done | median)
    q=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" present_p99_us; done | median)
    c=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" cpu_us_per_frame; done | median)
    rf=$(for r in $(seq 1 "$rounds"); do
        a=$(field "$tmp/d3d11vk.$r.txt" frames_per_second); o=$(field "$tmp/$n.$r.txt" frames_per_second)
        [ -n "$a" ] && [ -n "$o" ] && awk -v a="$a" -v b="$o" 'BEGIN { print a / b }'; done | median)
    rc=$(for r in $(seq 1 "$rounds"); do
        a=$(field "$tmp/d3d11vk.$r.txt" cpu_us_per_frame); o=$(field "$tmp/$n.$r.txt" cpu_us_per_frame)
        [ -n "$a" ] && [ -n "$o" ] && awk -v a="$a" -v b="$o" 'BEGIN { print b / a }'; done | median)
    [ "$rf" = - ] || rf=$(printf '%.2fx' "$rf")
    [ "$rc" = - ] || rc=$(printf '%.2fx less' "$rc")
    printf '%-14s %9s %12s %12s %13s   %s, %s\n' "$n" "$f" "$p" "$q" "$c" "$rf" "$rc"
    cat "$tmp/$n".*.txt | grep '^error' | head -n 2 | sed "s/^/  $n: /" || true
done
