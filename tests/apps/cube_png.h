/* cube_png.h — a minimal PNG writer for the demo's screenshots: 8-bit RGB, every row with
 * filter 0, the zlib stream made of "stored" (uncompressed) deflate blocks, so no compression
 * library is needed. CRC-32 per chunk, Adler-32 over the raw data. */
#ifndef D3D11VK_CUBE_PNG_H
#define D3D11VK_CUBE_PNG_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t png_crc_table[256];

static void png_crc_init(void)
{
    uint32_t n, c, k;

    for (n = 0; n < 256; ++n)
    {
        for (c = n, k = 0; k < 8; ++k)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
        png_crc_table[n] = c;
    }
}

static uint32_t png_crc(uint32_t crc, const uint8_t *data, size_t size)
{
    size_t i;

    for (i = 0; i < size; ++i)
        crc = png_crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
    return crc;
}

static void png_be32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24;
    p[1] = v >> 16;
    p[2] = v >> 8;
    p[3] = v;
}

static int png_chunk(FILE *f, const char type[4], const uint8_t *data, size_t size)
{
    uint8_t head[8], tail[4];
    uint32_t crc;

    png_be32(head, (uint32_t)size);
    memcpy(head + 4, type, 4);
    crc = png_crc(0xffffffffu, head + 4, 4);
    crc = png_crc(crc, data, size) ^ 0xffffffffu;
    png_be32(tail, crc);
    return fwrite(head, 1, 8, f) == 8 && (!size || fwrite(data, 1, size, f) == size) && fwrite(tail, 1, 4, f) == 4;
}

/* Writes width x height RGB bytes (rows packed). Returns 1 on success. */
static int png_write_rgb(const char *path, const uint8_t *rgb, uint32_t width, uint32_t height)
{
    static const uint8_t signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    size_t row = (size_t)width * 3 + 1, raw_size = row * height, blocks, z_size, pos = 0, done, i;
    uint32_t s1 = 1, s2 = 0;
    uint8_t ihdr[13], *raw, *z;
    FILE *f;
    int ret;

    png_crc_init();
    if (!width || !height || !(raw = malloc(raw_size)))
        return 0;
    for (i = 0; i < height; ++i)
    {
        raw[i * row] = 0;    /* filter: none */
        memcpy(raw + i * row + 1, rgb + i * (row - 1), row - 1);
    }
    blocks = (raw_size + 65534) / 65535;
    z_size = 2 + blocks * 5 + raw_size + 4;
    if (!(z = malloc(z_size)))
    {
        free(raw);
        return 0;
    }
    z[pos++] = 0x78;    /* deflate, 32K window */
    z[pos++] = 0x01;    /* no preset dictionary, check bits: 0x7801 % 31 == 0 */
    for (done = 0; done < raw_size;)
    {
        size_t n = raw_size - done > 65535 ? 65535 : raw_size - done;
        z[pos++] = done + n == raw_size;    /* BFINAL, BTYPE 00 (stored) */
        z[pos++] = n & 0xff;
        z[pos++] = n >> 8;
        z[pos++] = ~n & 0xff;
        z[pos++] = (~n >> 8) & 0xff;
        memcpy(z + pos, raw + done, n);
        pos += n;
        done += n;
    }
    for (i = 0; i < raw_size; ++i)
    {
        s1 = (s1 + raw[i]) % 65521;
        s2 = (s2 + s1) % 65521;
    }
    png_be32(z + pos, (s2 << 16) | s1);
    pos += 4;

    png_be32(ihdr, width);
    png_be32(ihdr + 4, height);
    ihdr[8] = 8;     /* bit depth */
    ihdr[9] = 2;     /* colour type: RGB */
    ihdr[10] = ihdr[11] = ihdr[12] = 0;
    ret = 0;
    if ((f = fopen(path, "wb")))
    {
        ret = fwrite(signature, 1, 8, f) == 8 && png_chunk(f, "IHDR", ihdr, 13) && png_chunk(f, "IDAT", z, pos)
                && png_chunk(f, "IEND", NULL, 0);
        ret = (fclose(f) == 0) && ret;
    }
    free(raw);
    free(z);
    return ret;
}

#endif
