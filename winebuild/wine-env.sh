# Sourced by the scripts: an X server for Wine's Vulkan (Xvfb when no display is set) and a
# private, initialised Wine prefix. Sets D3D11VK_XVFB_PID when it started Xvfb.
: "${WINE:=/usr/lib/wine/wine64}"
export WINEDEBUG="${WINEDEBUG:--all}"
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="${TMPDIR:-/tmp}/d3d11vk-xdg-$(id -u)"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi
if [ -z "${DISPLAY:-}" ]; then
    for n in 99 98 97 96 95 94 93 92 91 90 89 88 87 86 85; do
        [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] && continue
        Xvfb ":$n" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
        D3D11VK_XVFB_PID=$!
        export DISPLAY=":$n"
        i=0
        while [ ! -e "/tmp/.X11-unix/X$n" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        break
    done
fi
wine_prefix_init() {
    export WINEPREFIX="$1"
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        WINEDLLOVERRIDES="mscoree,mshtml=" "$WINE" wineboot -i >/dev/null 2>&1 || true
        "${WINESERVER:-/usr/lib/wine/wineserver}" -w || true
    fi
}
