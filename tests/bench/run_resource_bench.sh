#!/bin/sh
# run_resource_bench.sh [PE_BUILD_DIR] [SECONDS] — runs resource_bench.exe under Wine with
# d3d11vk, with Wine's builtin d3d11/dxgi, and with every peer implementation found in
# ../shared/peers/*/ (their d3d11.dll/dxgi.dll beside a copy of the program), in one
# invocation, and prints a table of figures with ratios against Wine's builtin d3d11.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build.pe}
secs=${2:-1}
exe="$build/tests/bench/resource_bench.exe"
. "$src/tests/bench/bench_lib.sh"

run() {   # name
    ( cd "$tmp/$1" && WINEDLLOVERRIDES=$(overrides "$1") D3D11VK_LOG_LEVEL=err "$WINE" ./resource_bench.exe "$secs" 2>/dev/null ) \
        | tr -d '\r' | grep -v '^error' > "$tmp/$1.txt" || true
}

bench_impls
names="wine ${names% wine}"   # Wine first: the ratios are against it
for n in $names; do run "$n"; done

printf '%-20s' "benchmark"
for n in $names; do printf ' %16s' "$n"; done
printf '   (ratio vs wine)\n'
for metric in map_discard update_subresource readback create_texture2d create_texture2d_data; do
    base=$(awk -v m=$metric '$1 == m { print $2 }' "$tmp/wine.txt")
    unit=$(awk -v m=$metric '$1 == m { print $3 }' "$tmp/d3d11vk.txt" "$tmp/wine.txt" | head -n1)
    printf '%-20s' "$metric"
    for n in $names; do
        v=$(awk -v m=$metric '$1 == m { print $2 }' "$tmp/$n.txt")
        printf ' %16s' "${v:--}"
    done
    printf '   %s;' "$unit"
    for n in $names; do
        v=$(awk -v m=$metric '$1 == m { print $2 }' "$tmp/$n.txt")
        if [ -n "$v" ] && [ -n "$base" ]; then
            printf ' %s %sx' "$n" "$(awk -v a="$v" -v b="$base" 'BEGIN { printf "%.2f", a / b }')"
        fi
    done
    printf '\n'
done
