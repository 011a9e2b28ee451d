#!/bin/sh
# Installs d3d11vk's d3d11.dll and dxgi.dll into a Wine prefix (64-bit system32) and makes
# Wine prefer them to its own:  winebuild/install.sh [PREFIX] [BUILD_DIR]
#   PREFIX     the Wine prefix (default: $WINEPREFIX, else ~/.wine)
#   BUILD_DIR  the PE build folder (default: build.pe beside this script's parent)
# winebuild/install.sh --uninstall [PREFIX] restores Wine's own DLLs.
set -e
here=$(cd "$(dirname "$0")" && pwd)
WINE="${WINE:-/usr/lib/wine/wine64}"
uninstall=0
[ "${1:-}" = "--uninstall" ] && { uninstall=1; shift; }
prefix="${1:-${WINEPREFIX:-$HOME/.wine}}"
build="${2:-$here/../build.pe}"
export WINEPREFIX="$prefix" WINEDEBUG="${WINEDEBUG:--all}"
[ -f "$prefix/system.reg" ] || { mkdir -p "$prefix"; WINEDLLOVERRIDES="mscoree,mshtml=" "$WINE" wineboot -i >/dev/null 2>&1; }
sys32="$prefix/drive_c/windows/system32"
for dll in d3d11 dxgi; do
    if [ $uninstall = 1 ]; then
        "$WINE" reg delete 'HKEY_CURRENT_USER\Software\Wine\DllOverrides' /v $dll /f >/dev/null 2>&1 || true
        [ -f "$sys32/$dll.dll.orig" ] && mv -f "$sys32/$dll.dll.orig" "$sys32/$dll.dll"
        continue
    fi
    src=$(find "$build" -name "$dll.dll" -path "*/$dll/*" | head -1)
    [ -n "$src" ] || { echo "no $dll.dll under $build: build first (ninja -C build.pe)"; exit 1; }
    [ -f "$sys32/$dll.dll" ] && [ ! -f "$sys32/$dll.dll.orig" ] && cp "$sys32/$dll.dll" "$sys32/$dll.dll.orig"
    cp -f "$src" "$sys32/$dll.dll"
    "$WINE" reg add 'HKEY_CURRENT_USER\Software\Wine\DllOverrides' /v $dll /d native /f >/dev/null
done
"${WINESERVER:-/usr/lib/wine/wineserver}" -w
echo "d3d11vk: $( [ $uninstall = 1 ] && echo removed from || echo installed into ) $prefix"
