#!/usr/bin/env python3
"""Checks a screenshot of the cube demo against colours computed from its scene.

    cube_check.py --run CUBE.EXE OUT.png [FRAMES]   runs the demo (under Wine, Xvfb when no
                                                    display is set), then checks OUT.png
    cube_check.py OUT.png [FRAMES]                  checks an existing screenshot

The scene numbers mirror tests/apps/cube.c. For a grid of points over the image a ray is cast
through the pixel centre into the rotated cube: a miss must show the clear colour, a hit the
checker texel of the face times the Lambert term. Points near a silhouette, a cube edge or a
check boundary are left out (MSAA and rasterisation differ there within the rules)."""
import math
import os
import struct
import subprocess
import sys
import time
import zlib

CUBE_HALF = 0.8
CAMERA_DIST = 3.2
FOV_Y = 1.0471976
YAW_PER_FRAME = 0.021
PITCH_PER_FRAME = 0.013
TEX_SIZE = 64
TEX_CHECK = 8
CLEAR = (0.10, 0.14, 0.22)
LIGHT = (-0.4, 0.6, -0.7)
CHECK_A = (230, 120, 40)
CHECK_B = (245, 235, 210)
FACES = [  # normal, u axis, v axis (as in cube.c)
    ((1, 0, 0), (0, 0, 1), (0, 1, 0)),
    ((-1, 0, 0), (0, 0, -1), (0, 1, 0)),
    ((0, 1, 0), (1, 0, 0), (0, 0, 1)),
    ((0, -1, 0), (1, 0, 0), (0, 0, -1)),
    ((0, 0, 1), (-1, 0, 0), (0, 1, 0)),
    ((0, 0, -1), (1, 0, 0), (0, 1, 0)),
]
TOLERANCE = 6


def adler32(data):
    s1, s2 = 1, 0
    for i in range(0, len(data), 5552):   # blocks short enough that the sums cannot overflow 2^32
        for byte in data[i:i + 5552]:
            s1 += byte
            s2 += s1
        s1 %= 65521
        s2 %= 65521
    return (s2 << 16) | s1


def inflate(stream):
    """The zlib stream of a PNG: stored (uncompressed) deflate blocks, as the demo writes them,
    are decoded here; a stream with compressed blocks goes to the zlib module."""
    if len(stream) < 6 or (stream[0] & 15) != 8 or ((stream[0] << 8) | stream[1]) % 31 or stream[1] & 32:
        raise ValueError('bad zlib header')
    out, pos = bytearray(), 2
    while True:
        if pos + 5 > len(stream):
            raise ValueError('truncated deflate stream')
        head = stream[pos]
        if (head >> 1) & 3:
            return zlib.decompress(stream)
        size, nsize = stream[pos + 1] | stream[pos + 2] << 8, stream[pos + 3] | stream[pos + 4] << 8
        if size ^ nsize != 0xffff or pos + 5 + size > len(stream):
            raise ValueError('bad stored block')
        out += stream[pos + 5:pos + 5 + size]
        pos += 5 + size
        if head & 1:
            break
    if pos + 4 > len(stream) or struct.unpack('>I', stream[pos:pos + 4])[0] != adler32(out):
        raise ValueError('bad Adler-32')
    return bytes(out)


def read_png(path):
    """8-bit RGB/RGBA PNG to (width, height, rows of RGB tuples); filters 0-4."""
    data = open(path, 'rb').read()
    if data[:8] != b'\x89PNG\r\n\x1a\n':
        raise ValueError('not a PNG')
    pos, idat, ihdr = 8, b'', None
    while pos + 8 <= len(data):
        size, kind = struct.unpack('>I4s', data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + size]
        crc = struct.unpack('>I', data[pos + 8 + size:pos + 12 + size])[0]
        if zlib.crc32(kind + body) != crc:
            raise ValueError('bad CRC in %r chunk' % kind)
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', body)
        elif kind == b'IDAT':
            idat += body
        elif kind == b'IEND':
            break
        pos += 12 + size
    width, height, depth, ctype = ihdr[:4]
    if depth != 8 or ctype not in (2, 6):
        raise ValueError('unsupported PNG (depth %d, colour type %d)' % (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = inflate(idat)
    stride = width * bpp
    if len(raw) != (stride + 1) * height:
        raise ValueError('PNG data size %d, expected %d' % (len(raw), (stride + 1) * height))
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            elif f != 0:
                raise ValueError('bad filter %d' % f)
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(width)])
        prev = line
    return width, height, rows


def rotation(frame):
    yaw, pitch = YAW_PER_FRAME * frame, PITCH_PER_FRAME * frame
    cy, sy, cp, sp = math.cos(yaw), math.sin(yaw), math.cos(pitch), math.sin(pitch)
    return [[cy, sy * sp, sy * cp], [0.0, cp, -sp], [-sy, cy * sp, cy * cp]]


def trace(rot, origin, direction, half):
    """Ray in object space against the box [-half, half]^3: (t, face index, point) or None."""
    o = [sum(rot[r][c] * origin[r] for r in range(3)) for c in range(3)]   # R^T * origin
    d = [sum(rot[r][c] * direction[r] for r in range(3)) for c in range(3)]
    t0, t1, axis, sign = -1e30, 1e30, -1, 0
    for k in range(3):
        if abs(d[k]) < 1e-12:
            if abs(o[k]) > half:
                return None
            continue
        a, b = (-half - o[k]) / d[k], (half - o[k]) / d[k]
        near, s = (a, -1) if a < b else (b, 1)
        if near > t0:
            t0, axis, sign = near, k, s
        t1 = min(t1, max(a, b))
    if t0 > t1 or t1 < 0 or axis < 0:
        return None
    point = [o[k] + t0 * d[k] for k in range(3)]
    normal = [0, 0, 0]
    normal[axis] = sign
    face = next(i for i, f in enumerate(FACES) if list(f[0]) == normal)
    return t0, face, point


def expected(width, height, frame, px, py):
    """The colour at pixel (px, py), or None when the point is too close to an edge."""
    rot = rotation(frame)
    aspect, f = width / height, 1.0 / math.tan(FOV_Y * 0.5)
    x = ((px + 0.5) / width) * 2 - 1
    y = 1 - ((py + 0.5) / height) * 2
    direction = (x * aspect / f, y / f, 1.0)
    origin = (0.0, 0.0, CAMERA_DIST)   # the camera, relative to the cube's centre (which is at +z)
    origin = (-origin[0], -origin[1], -origin[2])
    hit = trace(rot, origin, direction, CUBE_HALF)
    if hit is None:
        if trace(rot, origin, direction, CUBE_HALF * 1.06) is not None:
            return None
        return tuple(round(c * 255) for c in CLEAR)
    _, face, p = hit
    n, u, v = FACES[face]
    a = sum(p[k] * u[k] for k in range(3)) / CUBE_HALF
    b = sum(p[k] * v[k] for k in range(3)) / CUBE_HALF
    if abs(a) > 0.94 or abs(b) > 0.94:
        return None
    s, t = 0.5 + 0.5 * a, 0.5 - 0.5 * b
    cs, ct = s * TEX_SIZE / TEX_CHECK, t * TEX_SIZE / TEX_CHECK
    if min(cs % 1, 1 - cs % 1, ct % 1, 1 - ct % 1) < 0.08:
        return None
    tx, ty = int(s * TEX_SIZE), int(t * TEX_SIZE)
    texel = CHECK_B if ((tx // TEX_CHECK + ty // TEX_CHECK) & 1) else CHECK_A
    ln = math.sqrt(sum(c * c for c in LIGHT))
    light = [c / ln for c in LIGHT]
    wn = [sum(rot[r][k] * n[k] for k in range(3)) for r in range(3)]
    lambert = min(max(sum(wn[k] * light[k] for k in range(3)), 0.0), 1.0)
    shade = 0.25 + 0.75 * lambert
    return tuple(round(c / 255 * shade * 255) for c in texel)


def check(path, frames):
    width, height, rows = read_png(path)
    frame = frames - 1
    failures = checked = hits = misses = 0
    grid = 24
    for j in range(grid):
        for i in range(grid):
            px = int((i + 0.5) * width / grid)
            py = int((j + 0.5) * height / grid)
            want = expected(width, height, frame, px, py)
            if want is None:
                continue
            got = rows[py][px]
            checked += 1
            if want == tuple(round(c * 255) for c in CLEAR):
                misses += 1
            else:
                hits += 1
            if any(abs(g - w) > TOLERANCE for g, w in zip(got, want)):
                failures += 1
                if failures <= 12:
                    print('pixel (%d, %d): got %s, expected %s' % (px, py, got, want))
    print('%s: %dx%d, %d points checked (%d on the cube, %d background), %d wrong'
          % (path, width, height, checked, hits, misses, failures))
    if hits < 20 or misses < 20:
        print('too few points checked')
        return False
    return failures == 0


def run(exe, path, frames):
    env = dict(os.environ)
    xvfb = None
    if not env.get('DISPLAY'):
        for n in range(99, 90, -1):
            if os.path.exists('/tmp/.X11-unix/X%d' % n) or os.path.exists('/tmp/.X%d-lock' % n):
                continue
            xvfb = subprocess.Popen(['Xvfb', ':%d' % n, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            env['DISPLAY'] = ':%d' % n
            for _ in range(50):
                if os.path.exists('/tmp/.X11-unix/X%d' % n):
                    break
                time.sleep(0.1)
            break
    env.setdefault('WINEDEBUG', '-all')
    if os.path.exists(path):
        os.remove(path)
    cmd = [] if exe.endswith('.exe') is False else [env.get('WINE', '/usr/lib/wine/wine64')]
    try:
        # 800x600 at first, 640x480 from frame 100 on: the screenshot also proves the resize.
        r = subprocess.run(cmd + [exe, '--frames', str(frames), '--screenshot', path, '--size', '800x600',
                                  '--resize-at', '%d:640x480' % min(100, frames - 1)],
                           env=env, timeout=240, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                           errors='replace')
    finally:
        if xvfb:
            xvfb.terminate()
    print(r.stdout, end='')
    print('demo exit status %d' % r.returncode)
    # Errors in the log (Vulkan validation messages among them, with the layer on) fail the run.
    errors = [line for line in r.stdout.splitlines() if line.startswith('d3d11vk:err')]
    if errors:
        print('%d error lines in the log' % len(errors))
    return r.returncode == 0 and not errors and os.path.exists(path)


def main(argv):
    frames = 300
    if len(argv) >= 3 and argv[0] == '--run':
        if len(argv) > 3:
            frames = int(argv[3])
        if not run(argv[1], argv[2], frames):
            print('the demo did not produce %s' % argv[2])
            return 1
        path = argv[2]
    elif len(argv) >= 1:
        path = argv[0]
        if len(argv) > 1:
            frames = int(argv[1])
    else:
        print(__doc__)
        return 2
    if len(argv) >= 3 and argv[0] == '--run':
        width, height, _ = read_png(path)
        if (width, height) != (640, 480):
            print('screenshot is %dx%d, expected 640x480 after the resize' % (width, height))
            return 1
    return 0 if check(path, frames) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
