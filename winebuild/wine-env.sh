# Sourced by the scripts: an X server for Wine's Vulkan (Xvfb when no display is set) and a
# private, initialised Wine prefix. Sets D3D11VK_XVFB_PID when it started Xvfb.
: "${WINE:=/usr/lib/wine/wine64}"
export WINEDEBUG="${WINEDEBUG:--all}"
if [ -z "${XDG_RUNTIME_DIR:-}" ]; then
    export XDG_RUNTIME_DIR="${TMPDIR:-/tmp}/d3d11vk-xdg-$(id -u)"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
fi
# Whether a display's X server answers (xdpyinfo where it exists, else a connection to its
# socket: one left by a killed server refuses). Remote displays are trusted.
d3d11vk_display_alive() {
    case "$1" in :*) ;; *) return 0 ;; esac
    if command -v xdpyinfo >/dev/null 2>&1; then
        xdpyinfo -display "$1" >/dev/null 2>&1
        return
    fi
    d3d11vk_n=${1#:}
    d3d11vk_n=${d3d11vk_n%%.*}
    [ -S "/tmp/.X11-unix/X$d3d11vk_n" ] || return 1
    command -v python3 >/dev/null 2>&1 || return 0
    python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).connect(sys.argv[1])' \
        "/tmp/.X11-unix/X$d3d11vk_n" 2>/dev/null
}
# Without a live display Wine loads no X11 driver, so no Vulkan (the loader offers 1.0). An
# inherited DISPLAY whose server died is replaced. Xvfb picks a free display number itself
# (-displayfd: it skips live servers and reclaims the lock files that killed ones left, which
# a fixed list of numbers runs out of) and writes it only once it accepts connections.
if [ -z "${DISPLAY:-}" ] || ! d3d11vk_display_alive "$DISPLAY"; then
    unset DISPLAY
    d3d11vk_dfile=$(mktemp "${TMPDIR:-/tmp}/d3d11vk-display.XXXXXX")
    Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$d3d11vk_dfile" >/dev/null 2>&1 &
    D3D11VK_XVFB_PID=$!
    d3d11vk_i=0
    while [ "$(wc -l < "$d3d11vk_dfile")" -lt 1 ] && kill -0 "$D3D11VK_XVFB_PID" 2>/dev/null \
            && [ $d3d11vk_i -lt 1200 ]; do
        sleep 0.1
        d3d11vk_i=$((d3d11vk_i + 1))
    done
    d3d11vk_n=$(tr -dc 0-9 < "$d3d11vk_dfile")
    rm -f "$d3d11vk_dfile"
    if [ -n "$d3d11vk_n" ]; then
        export DISPLAY=":$d3d11vk_n"
    else
        echo "wine-env.sh: Xvfb did not start: Wine will have no Vulkan" >&2
    fi
fi
wine_prefix_init() {
    export WINEPREFIX="$1"
    if [ ! -f "$WINEPREFIX/system.reg" ]; then
        mkdir -p "$WINEPREFIX"
        WINEDLLOVERRIDES="mscoree,mshtml=" "$WINE" wineboot -i >/dev/null 2>&1 || true
        "${WINESERVER:-/usr/lib/wine/wineserver}" -w || true
    fi
    # One server (and with it the desktop process, explorer.exe) lives across the test
    # programs instead of a cold start for each: a cold one waits a bounded time for the
    # desktop, which a loaded machine can exceed (no desktop: no X11 driver, no Vulkan).
    "${WINESERVER:-/usr/lib/wine/wineserver}" -p120 2>/dev/null || true
    # The services that server keeps (services.exe, winedevice.exe, explorer.exe) are started
    # here with no inherited output: started by the first test they would hold its output pipe
    # open for as long as the server lives, and meson waits for the pipe, not the process.
    "$WINE" cmd /c exit </dev/null >/dev/null 2>&1 || true
}
