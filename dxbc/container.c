/* container.c — the DXBC container: header, chunk table, chunk lookup, result strings. */
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

const char *dxbc_result_string(enum dxbc_result result)
{
    switch (result)
    {
        case DXBC_OK: return "success";
        case DXBC_ERROR_INVALID_ARGUMENT: return "invalid argument";
        case DXBC_ERROR_OUT_OF_MEMORY: return "out of memory";
        case DXBC_ERROR_TRUNCATED: return "truncated data";
        case DXBC_ERROR_BAD_MAGIC: return "not a DXBC container";
        case DXBC_ERROR_BAD_CONTAINER: return "malformed container";
        case DXBC_ERROR_BAD_CHECKSUM: return "bad checksum";
        case DXBC_ERROR_NO_SHADER: return "no SHDR/SHEX chunk";
        case DXBC_ERROR_BAD_SIGNATURE: return "malformed signature";
        case DXBC_ERROR_BAD_PROGRAM: return "malformed shader program";
        case DXBC_ERROR_UNSUPPORTED: return "unsupported shader feature";
        case DXBC_ERROR_SYNTAX: return "syntax error";
    }
    return "unknown error";
}

enum dxbc_result dxbc_parse_container(const void *data, size_t size, struct dxbc_container *container)
{
    const uint8_t *p = data;
    uint32_t total, count, i;

    if (!container)
        return DXBC_ERROR_INVALID_ARGUMENT;
    memset(container, 0, sizeof(*container));
    if (!data)
        return DXBC_ERROR_INVALID_ARGUMENT;
    if (size < DXBC_HEADER_SIZE)
        return size >= 4 && rd32(p) != DXBC_TAG_DXBC ? DXBC_ERROR_BAD_MAGIC : DXBC_ERROR_TRUNCATED;
    if (rd32(p) != DXBC_TAG_DXBC)
        return DXBC_ERROR_BAD_MAGIC;
    total = rd32(p + 24);
    count = rd32(p + 28);
    /* The total-size field must describe the bytes we were given; a larger buffer is
     * tolerated (D3D11 takes the size argument as an upper bound), a smaller one is not. */
    if (total > size)
        return DXBC_ERROR_TRUNCATED;
    if (total < DXBC_HEADER_SIZE)
        return DXBC_ERROR_BAD_CONTAINER;
    if (count > DXBC_MAX_CHUNKS || count > (total - DXBC_HEADER_SIZE) / 4)
        return DXBC_ERROR_BAD_CONTAINER;

    container->data = p;
    container->size = total;
    memcpy(container->checksum, p + 4, 16);
    container->version = rd32(p + 20);
    for (i = 0; i < count; ++i)
    {
        uint32_t offset = rd32(p + DXBC_HEADER_SIZE + 4 * i), chunk_size;

        if (offset < DXBC_HEADER_SIZE + 4 * count || offset > total || total - offset < 8)
            return DXBC_ERROR_BAD_CONTAINER;
        chunk_size = rd32(p + offset + 4);
        if (chunk_size > total - offset - 8)
            return DXBC_ERROR_BAD_CONTAINER;
        container->chunks[i].tag = rd32(p + offset);
        container->chunks[i].offset = offset + 8;
        container->chunks[i].size = chunk_size;
        container->chunks[i].data = p + offset + 8;
    }
    container->chunk_count = count;
    return DXBC_OK;
}

const struct dxbc_chunk *dxbc_container_find_chunk(const struct dxbc_container *container, uint32_t tag)
{
    uint32_t i;

    if (!container)
        return NULL;
    for (i = 0; i < container->chunk_count; ++i)
    {
        if (container->chunks[i].tag == tag)
            return &container->chunks[i];
    }
    return NULL;
}

void dxbc_free(void *ptr)
{
    free(ptr);
}
