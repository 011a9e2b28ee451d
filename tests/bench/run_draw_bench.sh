#!/bin/sh
# run_draw_bench.sh [PE_BUILD_DIR] [SECONDS] [DRAWS_PER_FRAME] [ROUNDS] — runs draw_bench.exe under
# Wine with d3d11vk, with every peer implementation found in ../shared/peers/*/ (their d3d11.dll
# and dxgi.dll beside a copy of the program) and with Wine's builtin d3d11/dxgi, interleaved
# (A B C A B C ...) for ROUNDS rounds in one invocation on the same machine, so that load from
# other work falls on all of them alike. Each run prints draws per second (wall clock) and the
# CPU time of the whole process (all threads: frontend, worker, driver) per draw, both measured
# over the timed loop only. The table gives the median over the rounds of each figure (and the
# lowest CPU time per draw seen, the run least disturbed by other load) and the median of the
# per-round ratios d3d11vk / implementation. The load average is printed before
# and after. Then the first-use stutter (draw_bench.exe stutter): 50 never-seen state
# combinations in one frame, for d3d11vk without and with its on-disk pipeline cache
# (D3D11VK_CACHE_PATH) and for each peer: cold (a fresh Mesa shader cache, so that the driver's own
# disk cache does not hide compilation) and as a second run with the caches the first one left
# (STUTTER=0 skips this part).
# wineserver is started once beforehand, so its start-up is not counted.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build.pe}
secs=${2:-2}
per_frame=${3:-2000}
rounds=${4:-5}
exe="$build/tests/bench/draw_bench.exe"
. "$src/tests/bench/bench_lib.sh"

run() {   # name round
    ( cd "$tmp/$1" && WINEDLLOVERRIDES=$(overrides "$1") DXVK_LOG_LEVEL=none D3D11VK_LOG_LEVEL=err \
        "$WINE" ./draw_bench.exe "$secs" "$per_frame" 2>/dev/null ) | tr -d '\r' > "$tmp/$1.$2.txt" || true
}

( cd "$tmp" && WINEDLLOVERRIDES="d3d11,dxgi=b" "$WINE" cmd /c exit >/dev/null 2>&1 ) || true   # warm wineserver
bench_impls

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)   ($(nproc) cores; $rounds rounds of $secs s, $per_frame draws/frame)"
r=1
while [ "$r" -le "$rounds" ]; do
    for n in $names; do run "$n" "$r"; done
    line="round $r:"
    for n in $names; do
        line="$line $n $(field "$tmp/$n.$r.txt" draws_per_second)/s $(field "$tmp/$n.$r.txt" cpu_us_per_draw)us"
    done
    echo "$line"
    r=$((r + 1))
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

printf '%-14s %10s %13s %9s %6s   %s\n' implementation draws/s "cpu us/draw" "(best)" bad "d3d11vk vs it (median of per-round ratios): draws/s, cpu/draw"
for n in $names; do
    d=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" draws_per_second; done | median)
    c=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" cpu_us_per_draw; done | median)
    cb=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" cpu_us_per_draw; done | sort -g | head -n 1)
    b=$(for r in $(seq 1 "$rounds"); do field "$tmp/$n.$r.txt" bad_frames; done | awk '{ s += $1 } END { print NR ? s : "-" }')
    rd=$(for r in $(seq 1 "$rounds"); do
        a=$(field "$tmp/d3d11vk.$r.txt" draws_per_second); o=$(field "$tmp/$n.$r.txt" draws_per_second)
        [ -n "$a" ] && [ -n "$o" ] && awk -v a="$a" -v b="$o" 'BEGIN { print a / b }'; done | median)
    rc=$(for r in $(seq 1 "$rounds"); do
        a=$(field "$tmp/d3d11vk.$r.txt" cpu_us_per_draw); o=$(field "$tmp/$n.$r.txt" cpu_us_per_draw)
        [ -n "$a" ] && [ -n "$o" ] && awk -v a="$a" -v b="$o" 'BEGIN { print b / a }'; done | median)
    [ "$rd" = - ] || rd=$(printf '%.2fx' "$rd")
    [ "$rc" = - ] || rc=$(printf '%.2fx less' "$rc")
    printf '%-14s %10s %13s %9s %6s   %s, %s\n' "$n" "$d" "$c" "(${cb:--})" "$b" "$rd" "$rc"
    cat "$tmp/$n".*.txt | grep '^error' | head -n 2 | sed "s/^/  $n: /" || true
done

[ "${STUTTER:-1}" = 0 ] && exit 0
stutter() {   # name label mesa-cache-folder extra-env...
    n=$1 label=$2 mesa=$3
    shift 3
    mkdir -p "$tmp/$mesa"
    ( cd "$tmp/$n" && env WINEDLLOVERRIDES=$(overrides "$n") DXVK_LOG_LEVEL=none D3D11VK_LOG_LEVEL=err \
        MESA_SHADER_CACHE_DIR="$tmp/$mesa" "$@" "$WINE" ./draw_bench.exe stutter 2>/dev/null ) \
        | tr -d '\r' > "$tmp/stutter.txt" || true
    printf '%-46s first-use frame %8s ms, same frame seen %7s ms, stutter %8s ms\n' "$label" \
        "$(field "$tmp/stutter.txt" first_use_ms)" "$(field "$tmp/stutter.txt" seen_ms)" \
        "$(field "$tmp/stutter.txt" stutter_ms)"
    grep '^error' "$tmp/stutter.txt" | head -n 2 | sed "s/^/  /" || true
}
echo "first-use stutter: 50 never-seen state combinations (pixel shader + blend state) in one frame"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$tmp/cache"
stutter d3d11vk "d3d11vk, cold (empty Mesa and pipeline caches)" mesa.ours D3D11VK_CACHE_PATH="$tmp/cache"
stutter d3d11vk "d3d11vk, second run (both caches from above)" mesa.ours D3D11VK_CACHE_PATH="$tmp/cache"
stutter d3d11vk "d3d11vk, second run, own cache off" mesa.ours D3D11VK_CACHE=0
for n in $names; do
    case "$n" in d3d11vk|wine) continue ;; esac
    mkdir -p "$tmp/$n.state"
    stutter "$n" "$n, cold (empty Mesa and state caches)" "mesa.$n" DXVK_STATE_CACHE_PATH="$tmp/$n.state"
    stutter "$n" "$n, second run (both caches from above)" "mesa.$n" DXVK_STATE_CACHE_PATH="$tmp/$n.state"
done
stutter wine "wine, cold (empty Mesa cache)" mesa.wine
stutter wine "wine, second run (Mesa cache from above)" mesa.wine
