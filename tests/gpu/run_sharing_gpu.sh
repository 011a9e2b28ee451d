#!/bin/sh
# run_sharing_gpu.sh — the native build's sharing suite and sharing_bench on a machine with a
# real GPU (the NVIDIA machine reached through the `device` tool), printing which sharing tier
# and which synchronisation path (exported timeline semaphores or CPU waits) each run used.
#
# Needs only a native build (or its slim copy) and, where the machine has no Vulkan loader,
# the loader packages (.gl/*.deb, see the device tool's README).
#
#   here:   sh tests/gpu/run_sharing_gpu.sh pack build.native .gpurun
#           (copies the two libraries, the three tests and the bench into .gpurun/, about
#           9 MiB, keeping the build's folders; adds /.gpurun/ to .git/info/exclude)
#   there:  device run, carry [".gl", ".gpurun"], command:
#           sh tests/gpu/run_sharing_gpu.sh run .gpurun
#
# `run BUILD [LOGDIR]` unpacks .gl/*.deb into / when no libvulkan is installed, points
# VK_DRIVER_FILES at the NVIDIA ICD when none is registered, then runs shared_handle_test,
# test_sharing and test_sharing_fence with D3D11VK_SHARING_TIER unset, fd, host and
# inprocess, and fd with D3D11VK_SHARING_SEMAPHORES=0 (the CPU-wait fallback), then
# sharing_bench (512² and 2048²) for each. Logs go to LOGDIR (default ./gpu-logs); when $OUT
# is set (the device tool) they also come back as one archive, $OUT/sharing_gpu_logs.tgz.
# Exit status: the number of failed test runs.
set -u

mode=${1:-}
build=${2:-}
if [ "$mode" = pack ]; then
    dest=${3:-.gpurun}
    [ -n "$build" ] && [ -f "$build/d3d11/libd3d11.so" ] || { echo "usage: $0 pack NATIVE_BUILD_DIR [DEST]" >&2; exit 2; }
    for f in d3d11/libd3d11.so dxgi/libdxgi.so tests/api/test_sharing tests/api/test_sharing_fence \
            tests/unit/shared_handle_test tests/bench/sharing_bench; do
        mkdir -p "$dest/$(dirname "$f")" && cp "$build/$f" "$dest/$f" || exit 1
    done
    if [ -d .git ] && ! grep -qx "/$dest/" .git/info/exclude 2>/dev/null; then
        echo "/$dest/" >> .git/info/exclude
    fi
    du -sh "$dest"
    exit 0
fi
if [ "$mode" != run ] || [ -z "$build" ] || [ ! -x "$build/tests/api/test_sharing" ]; then
    echo "usage: $0 pack NATIVE_BUILD_DIR [DEST] | $0 run BUILD_OR_COPY [LOGDIR]" >&2
    exit 2
fi
logs=${3:-./gpu-logs}
mkdir -p "$logs"

# The Vulkan loader and the NVIDIA ICD.
if ! ldconfig -p 2>/dev/null | grep -q libvulkan.so.1; then
    for f in .gl/*.deb; do [ -f "$f" ] && dpkg -x "$f" / >/dev/null 2>&1; done
    ldconfig
fi
if [ -z "${VK_DRIVER_FILES:-}" ] && ! ls /usr/share/vulkan/icd.d/*nvidia* /etc/vulkan/icd.d/*nvidia* >/dev/null 2>&1 \
        && [ -f /usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json ]; then
    export VK_DRIVER_FILES=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
fi
command -v nvidia-smi >/dev/null && nvidia-smi -L
ldconfig -p | grep -q libvulkan.so.1 || echo "WARNING: no libvulkan.so.1 on this machine"

failed=0
# summarise LOG: checks, tier, synchronisation path, semaphore imports, opens per tier
summary() {
    grep -E "checks|^FAIL" "$1" | sort | uniq -c | head -12
    grep -ohE "Created the Vulkan device for [^.]*|Sharing tier: [a-z0-9 ()]*|Sharing synchronisation: [a-zA-Z ]*|Shared fence [0-9a-fx]*: [a-z ]*|Host tier: [a-z ,]*" "$1" \
        | sed -E 's/Shared fence [0-9a-fx]*/Shared fence/' | sort | uniq -c
    grep -ohE "through tier [a-z]+|Imported the timeline semaphore|exported by process [0-9]+ with the [a-z]+ tier|Cannot take [a-z]+ handle|Importing [a-z' ]+ failed" "$1" \
        | sed -E 's/process [0-9]+/process N/' | sort | uniq -c
}

run_one() {   # name env... -- binary args
    name=$1; shift
    log="$logs/$name.log"
    env "$@" > "$log" 2>&1
    rc=$?
    echo "--- $name: rc=$rc"
    summary "$log"
    [ $rc -eq 0 ] || failed=$((failed + 1))
}

run_one shared_handle_test timeout 120 "$build/tests/unit/shared_handle_test"
for cfg in auto fd host inprocess fd-cpuwait; do
    case $cfg in
        auto) set -- ;;
        fd-cpuwait) set -- D3D11VK_SHARING_TIER=fd D3D11VK_SHARING_SEMAPHORES=0 ;;
        *) set -- D3D11VK_SHARING_TIER=$cfg ;;
    esac
    echo "=== configuration $cfg: ${*:-(defaults)}"
    for t in test_sharing test_sharing_fence; do
        run_one "${t}_$cfg" "$@" D3D11VK_LOG_LEVEL=info timeout 300 "$build/tests/api/$t"
    done
    for size in 512 2048; do
        iterations=200; [ $size -gt 512 ] && iterations=50
        env "$@" D3D11VK_LOG_LEVEL=info timeout 120 "$build/tests/bench/sharing_bench" $size $iterations \
                > "$logs/bench_${cfg}_$size.log" 2>&1 || echo "bench $cfg $size: rc=$?"
        grep -vE "^d3d11vk:|^error: XDG" "$logs/bench_${cfg}_$size.log"
        grep -ohE "Sharing synchronisation: [a-zA-Z ]*" "$logs/bench_${cfg}_$size.log" | head -1 | sed 's/^/  /'
    done
done
echo "=== $failed failed test runs (logs in $logs)"
[ -n "${OUT:-}" ] && [ -d "$OUT" ] && tar czf "$OUT/sharing_gpu_logs.tgz" -C "$logs" . && echo "logs: \$OUT/sharing_gpu_logs.tgz"
exit $failed
