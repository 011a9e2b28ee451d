#!/bin/sh
# One command for a new user: installs what is missing (Debian 12), builds d3d11vk, installs
# it into a private prefix (meson install into build.pe/dist, the DLLs into a private Wine
# prefix) and runs the cube demo on it, under Xvfb when no display is set.
#   ./demo.sh                      300 frames, screenshot in build.pe/cube.png
#   ./demo.sh --frames 0           runs until the window is closed (Esc)
#   ./demo.sh [cube.exe options]   e.g. --size 1280x720 --frames 600 --screenshot out.png
# The HUD is on unless D3D11VK_HUD is set (D3D11VK_HUD=0 turns it off).
set -e
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
build="${D3D11VK_BUILD:-build.pe}"   # the PE build folder
sh winebuild/deps.sh
[ -f "$build/build.ninja" ] || meson setup "$build" --cross-file winebuild/x86_64-w64-mingw32.txt --prefix "$root/$build/dist" >/dev/null
ninja -C "$build" >/dev/null
meson install -C "$build" --no-rebuild >/dev/null
. winebuild/wine-env.sh
trap '"${WINESERVER:-/usr/lib/wine/wineserver}" -k 2>/dev/null; [ -n "${D3D11VK_XVFB_PID:-}" ] && kill $D3D11VK_XVFB_PID 2>/dev/null' EXIT
prefix="${D3D11VK_PREFIX:-$root/$build/demo-prefix}"
sh winebuild/install.sh "$prefix" "$build"
export WINEPREFIX="$prefix"
export D3D11VK_HUD="${D3D11VK_HUD-fps,frametimes,devinfo,memory,submissions,pipelines,version}"
bin="$root/$build/dist/bin"
[ -f "$bin/cube.exe" ] || bin="$root/$build/tests/apps"
if [ $# -eq 0 ]; then
    set -- --frames 300 --screenshot "$root/$build/cube.png"
fi
[ "$1" = "--frames" ] && [ "$2" = "0" ] && shift 2
"$WINE" "$bin/cube.exe" "$@"
for a in "$@"; do
    [ "${prev:-}" = "--screenshot" ] && echo "demo.sh: the last frame's back buffer is in $a (the HUD is drawn only on screen)"
    prev=$a
done
echo "demo.sh: d3d11vk-info shows what a D3D11 program sees: $WINE $bin/d3d11vk-info.exe (with WINEPREFIX=$prefix)"
