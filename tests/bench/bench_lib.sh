# Sourced by the run_*_bench.sh scripts once they have set src (the source root), build (a PE
# build folder) and exe (the benchmark program): an X server and a Wine prefix, a scratch folder
# removed at exit, and one folder per implementation under it.
[ -f "$exe" ] || { echo "no $exe (build the PE tree first)" >&2; exit 1; }
. "$src/winebuild/wine-env.sh"
wine_prefix_init "${BENCH_PREFIX:-${TMPDIR:-/tmp}/d3d11vk-bench-prefix}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; [ -n "${D3D11VK_XVFB_PID:-}" ] && kill "$D3D11VK_XVFB_PID" 2>/dev/null; true' EXIT

# WINEDLLOVERRIDES for an implementation: Wine's builtin DLLs for "wine", the folder's otherwise.
overrides() { [ "$1" = wine ] && echo "d3d11,dxgi=b" || echo "d3d11,dxgi=n"; }
# The median of the numbers on standard input ("-" for none).
median() { sort -g | awk '{ v[NR] = $1 } END { if (!NR) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# The value after key $2 in the "key value" lines of file $1.
field() { awk -v k="$2" '$1 == k { print $2 }' "$1" 2>/dev/null; }

# $tmp/NAME for d3d11vk, each peer in ../shared/peers/*/ (their d3d11.dll and dxgi.dll) and Wine's
# builtin d3d11, each with a copy of $exe; their names in that order in $names.
bench_impls() {
    names="d3d11vk"
    mkdir -p "$tmp/d3d11vk"
    cp "$build/d3d11/d3d11.dll" "$build/dxgi/dxgi.dll" "$tmp/d3d11vk/"
    for peer in "$src"/../shared/peers/*/; do
        [ -f "$peer/d3d11.dll" ] && [ -f "$peer/dxgi.dll" ] || continue
        p=$(basename "$peer")
        mkdir -p "$tmp/$p"
        cp "$peer/d3d11.dll" "$peer/dxgi.dll" "$tmp/$p/"
        names="$names $p"
    done
    mkdir -p "$tmp/wine"
    names="$names wine"
    for n in $names; do cp "$exe" "$tmp/$n/"; done
}
