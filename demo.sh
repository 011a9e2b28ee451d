#!/bin/sh
# One command for a new user: installs what is missing (Debian 12), builds d3d11vk, installs
# it into a private Wine prefix and runs the bundled demo on it (under Xvfb without a display).
set -e
root=$(cd "$(dirname "$0")" && pwd)
cd "$root"
sh winebuild/deps.sh
[ -f build.pe/build.ninja ] || meson setup build.pe --cross-file winebuild/x86_64-w64-mingw32.txt --prefix "$root/build.pe/dist" >/dev/null
ninja -C build.pe >/dev/null
. winebuild/wine-env.sh
trap '"${WINESERVER:-/usr/lib/wine/wineserver}" -k 2>/dev/null; [ -n "${D3D11VK_XVFB_PID:-}" ] && kill $D3D11VK_XVFB_PID 2>/dev/null' EXIT
prefix="${D3D11VK_PREFIX:-$root/build.pe/demo-prefix}"
sh winebuild/install.sh "$prefix" build.pe
export WINEPREFIX="$prefix"
"$WINE" build.pe/tests/apps/d3d11vk-info.exe "$@"
