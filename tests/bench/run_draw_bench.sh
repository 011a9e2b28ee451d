#!/bin/sh
# run_draw_bench.sh [PE_BUILD_DIR] [SECONDS] [DRAWS_PER_FRAME] — runs draw_bench.exe under Wine
# with d3d11vk, with every peer implementation found in ../shared/peers/*/ (their d3d11.dll and
# dxgi.dll beside a copy of the program) and with Wine's builtin d3d11/dxgi, in one invocation
# on the same machine, and prints draws per second with ratios against each of them, and the
# CPU time (user + system, all threads: frontend, worker, driver) spent per draw, which stays
# meaningful when other work shares the machine. wineserver is started once beforehand, so
# its start-up is not counted.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build.h9pe}
secs=${2:-3}
per_frame=${3:-2000}
exe="$build/tests/bench/draw_bench.exe"
[ -f "$exe" ] || { echo "no $exe (build the PE tree first)" >&2; exit 1; }
. "$src/winebuild/wine-env.sh"
wine_prefix_init "${BENCH_PREFIX:-${TMPDIR:-/tmp}/d3d11vk-bench-prefix}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ -n "${D3D11VK_XVFB_PID:-}" ] && kill "$D3D11VK_XVFB_PID" 2>/dev/null; true' EXIT

run() {   # name overrides
    cp "$exe" "$tmp/$1/"
    ( cd "$tmp/$1" && WINEDLLOVERRIDES="$2" DXVK_LOG_LEVEL=none D3D11VK_LOG_LEVEL=err \
        /usr/bin/time -f "cpu_seconds %U %S" -o "$tmp/$1.time" "$WINE" ./draw_bench.exe "$secs" "$per_frame" 2>/dev/null ) \
        | tr -d '\r' > "$tmp/$1.txt" || true
    d=$(awk '$1 == "draws" { print $2 }' "$tmp/$1.txt")
    [ -n "$d" ] && awk -v d="$d" '$1 == "cpu_seconds" { printf "cpu_us_per_draw %.2f us\n", ($2 + $3) * 1e6 / d }' "$tmp/$1.time" >> "$tmp/$1.txt"
    true
}

( cd "$tmp" && WINEDLLOVERRIDES="d3d11,dxgi=b" "$WINE" cmd /c exit >/dev/null 2>&1 ) || true   # warm wineserver
names="d3d11vk"
mkdir -p "$tmp/d3d11vk"
cp "$build/d3d11/d3d11.dll" "$build/dxgi/dxgi.dll" "$tmp/d3d11vk/"
run d3d11vk "d3d11,dxgi=n"
for peer in "$src"/../shared/peers/*/; do
    [ -f "$peer/d3d11.dll" ] && [ -f "$peer/dxgi.dll" ] || continue
    p=$(basename "$peer")
    mkdir -p "$tmp/$p"
    cp "$peer/d3d11.dll" "$peer/dxgi.dll" "$tmp/$p/"
    run "$p" "d3d11,dxgi=n"
    names="$names $p"
done
mkdir -p "$tmp/wine"
run wine "d3d11,dxgi=b"
names="$names wine"

ours=$(awk '$1 == "draws_per_second" { print $2 }' "$tmp/d3d11vk.txt")
ours_cpu=$(awk '$1 == "cpu_us_per_draw" { print $2 }' "$tmp/d3d11vk.txt")
printf '%-14s %10s %9s %6s %13s   %s\n' implementation draws/s frames/s bad "cpu us/draw" "d3d11vk vs it: draws/s, cpu/draw"
for n in $names; do
    d=$(awk '$1 == "draws_per_second" { print $2 }' "$tmp/$n.txt")
    f=$(awk '$1 == "frames_per_second" { print $2 }' "$tmp/$n.txt")
    b=$(awk '$1 == "bad_frames" { print $2 }' "$tmp/$n.txt")
    c=$(awk '$1 == "cpu_us_per_draw" { print $2 }' "$tmp/$n.txt")
    r=- rc=-
    [ -n "$d" ] && [ -n "$ours" ] && r=$(awk -v a="$ours" -v b="$d" 'BEGIN { printf "%.2fx", a / b }')
    [ -n "$c" ] && [ -n "$ours_cpu" ] && rc=$(awk -v a="$ours_cpu" -v b="$c" 'BEGIN { printf "%.2fx less", b / a }')
    printf '%-14s %10s %9s %6s %13s   %s, %s\n' "$n" "${d:--}" "${f:--}" "${b:--}" "${c:--}" "$r" "$rc"
    grep '^error' "$tmp/$n.txt" | head -n 2 | sed "s/^/  $n: /" || true
done
