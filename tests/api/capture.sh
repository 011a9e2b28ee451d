#!/bin/sh
# Runs an API test program and answers its screen-capture requests: the program writes
# $D3D11VK_CAPTURE_DIR/req-N, this script grabs the X root window into cap-N.ppm (written
# under another name, then renamed, so the program never reads half a file). Exits with
# the program's status. PE programs run under Wine ($WINE, default wine64).
#   capture.sh PROGRAM [ARGS...]
set -u
[ $# -ge 1 ] || { echo "usage: $0 PROGRAM [ARGS...]" >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/d3d11vk-capture.XXXXXX") || exit 1
trap 'rm -rf "$dir"' EXIT
export D3D11VK_CAPTURE_DIR="$dir"

case "$1" in
    *.exe) "${WINE:-/usr/lib/wine/wine64}" "$@" & ;;
    *) "$@" & ;;
esac
pid=$!

grab() {
    # import (ImageMagick) reads the root window; xwd + convert is the fallback.
    if command -v import >/dev/null 2>&1; then
        import -silent -window root -depth 8 "ppm:$1"
    else
        xwd -root -silent | convert xwd:- -depth 8 "ppm:$1"
    fi
}

while kill -0 "$pid" 2>/dev/null; do
    for req in "$dir"/req-*; do
        [ -e "$req" ] || continue
        n=${req##*/req-}
        if grab "$dir/tmp.ppm"; then
            mv "$dir/tmp.ppm" "$dir/cap-$n.ppm"
        else
            echo "capture.sh: grabbing the screen failed (DISPLAY=${DISPLAY:-unset})" >&2
        fi
        rm -f "$req"
    done
    sleep 0.05
done
wait "$pid"
