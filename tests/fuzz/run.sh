#!/bin/sh
# run.sh [SECONDS] [--front-end] — builds the DXBC libFuzzer target with clang (-fsanitize=fuzzer,address,
# undefined) and runs it for SECONDS (default 60), seeded with the DXBC corpus. Exits non-zero
# on any finding (crash, leak, sanitizer report, abort) and keeps the reproducer in
# $DXBC_FUZZ_ARTIFACTS (default /tmp/dxbc-fuzz-artifacts). The SPIR-V compiler is fuzzed
# along when its sources build, unless --front-end is given.
set -eu

# A fixed seed (DXBC_FUZZ_SEED, default 1) makes a run the same sequence of inputs each
# time, so a bounded CI run repeats (a prefix of) what a longer run here explored.
seconds=${1:-60}
front_only=${2:-}
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus="$root/../shared/testdata/dxbc"
artifacts=${DXBC_FUZZ_ARTIFACTS:-/tmp/dxbc-fuzz-artifacts}
cc=${CC:-}
if [ -z "$cc" ]; then
    for c in clang clang-14; do
        if command -v "$c" >/dev/null 2>&1; then cc=$c; break; fi
    done
fi
[ -n "$cc" ] || { echo "run.sh: clang not found" >&2; exit 2; }
[ -d "$corpus" ] || { echo "run.sh: no corpus at $corpus" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/dxbc-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
mkdir -p "$work/corpus" "$artifacts"

front="container.c md5.c signature.c opcodes.c decode.c disasm.c asm.c asm_dcl.c asm_container.c binding.c"
flags="-std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I$root/dxbc -I$root/include"

# The compiler is fuzzed too when its sources build; otherwise the front end alone.
back=""
if [ -f "$root/dxbc/compile.c" ] && [ "$front_only" != "--front-end" ]; then
    back=$(cd "$root/dxbc" && ls *.c | grep -v -x -e tool.c $(for f in $front; do printf -- '-e %s ' "$f"; done) | tr '\n' ' ')
fi
build() {
    srcs=""
    for f in $front $1; do srcs="$srcs $root/dxbc/$f"; done
    # shellcheck disable=SC2086
    "$cc" $flags $2 "$root/tests/fuzz/dxbc_fuzz.c" $srcs -lm -o "$work/dxbc_fuzz"
}
if [ -n "$back" ] && build "$back" "-DDXBC_HAVE_COMPILER" 2>"$work/build.log"; then
    echo "run.sh: fuzzing front end and compiler ($back)"
else
    [ -n "$back" ] && { echo "run.sh: the compiler does not build here, fuzzing the front end only:"; head -5 "$work/build.log"; }
    build "" ""
    echo "run.sh: fuzzing the front end"
fi

find "$corpus" -name '*.dxbc' -exec cp {} "$work/corpus/" \;
echo "run.sh: $(ls "$work/corpus" | wc -l) seeds, $seconds s"
"$work/dxbc_fuzz" -seed="${DXBC_FUZZ_SEED:-1}" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" "$work/corpus"
echo "run.sh: no findings"
