/* signature.c — input/output/patch-constant signature chunks (ISGN, ISG1, OSGN, OSG1, OSG5,
 * PCSG, PSG1). Names are validated to be NUL-terminated inside the chunk, then copied. */
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

void dxbc_signature_free(struct dxbc_signature *signature)
{
    if (!signature)
        return;
    free(signature->elements);
    free(signature->strings);
    memset(signature, 0, sizeof(*signature));
}

enum dxbc_result dxbc_signature_parse(const struct dxbc_chunk *chunk, struct dxbc_signature *signature)
{
    uint32_t count, offset, element_size, i;
    bool has_stream, has_min_precision;
    size_t strings_size = 0, pos = 0;
    const uint8_t *d;

    if (!signature)
        return DXBC_ERROR_INVALID_ARGUMENT;
    memset(signature, 0, sizeof(*signature));
    if (!chunk)
        return DXBC_ERROR_INVALID_ARGUMENT;

    switch (chunk->tag)
    {
        case DXBC_TAG_ISGN: case DXBC_TAG_OSGN: case DXBC_TAG_PCSG:
            element_size = 24; has_stream = false; has_min_precision = false; break;
        case DXBC_TAG_OSG5:
            element_size = 28; has_stream = true; has_min_precision = false; break;
        case DXBC_TAG_ISG1: case DXBC_TAG_OSG1: case DXBC_TAG_PSG1:
            element_size = 32; has_stream = true; has_min_precision = true; break;
        default:
            return DXBC_ERROR_INVALID_ARGUMENT;
    }
    d = chunk->data;
    if (chunk->size < 8)
        return DXBC_ERROR_BAD_SIGNATURE;
    count = rd32(d);
    offset = rd32(d + 4);
    if (offset > chunk->size || count > (chunk->size - offset) / element_size)
        return DXBC_ERROR_BAD_SIGNATURE;

    /* First pass: validate the names and size the string storage. */
    for (i = 0; i < count; ++i)
    {
        const uint8_t *e = d + offset + i * element_size;
        uint32_t name = rd32(e + (has_stream ? 4 : 0));
        const void *nul;

        if (name >= chunk->size)
            return DXBC_ERROR_BAD_SIGNATURE;
        if (!(nul = memchr(d + name, 0, chunk->size - name)))
            return DXBC_ERROR_BAD_SIGNATURE;
        strings_size += (size_t)((const uint8_t *)nul - (d + name)) + 1;
    }

    signature->tag = chunk->tag;
    if (!count)
        return DXBC_OK;
    if (!(signature->elements = calloc(count, sizeof(*signature->elements)))
            || !(signature->strings = malloc(strings_size)))
    {
        dxbc_signature_free(signature);
        return DXBC_ERROR_OUT_OF_MEMORY;
    }
    for (i = 0; i < count; ++i)
    {
        const uint8_t *e = d + offset + i * element_size;
        struct dxbc_signature_element *el = &signature->elements[i];
        const char *name;
        size_t len;

        if (has_stream)
        {
            el->stream = rd32(e);
            e += 4;
        }
        name = (const char *)d + rd32(e);
        len = strlen(name) + 1;   /* bounded: a NUL was found inside the chunk above */
        memcpy(signature->strings + pos, name, len);
        el->semantic_name = signature->strings + pos;
        pos += len;
        el->semantic_index = rd32(e + 4);
        el->system_value = rd32(e + 8);
        el->component_type = rd32(e + 12);
        el->register_index = rd32(e + 16);
        el->mask = e[20];
        el->rw_mask = e[21];
        if (has_min_precision)
            el->min_precision = rd32(e + 24);
    }
    signature->element_count = count;
    return DXBC_OK;
}

const struct dxbc_signature_element *dxbc_signature_find_register(const struct dxbc_signature *signature,
        uint32_t reg, uint32_t mask)
{
    uint32_t i;

    if (!signature)
        return NULL;
    for (i = 0; i < signature->element_count; ++i)
    {
        const struct dxbc_signature_element *e = &signature->elements[i];

        if (e->register_index == reg && e->stream == 0 && (e->mask & mask))
            return e;
    }
    return NULL;
}

static bool name_equal(const char *a, const char *b)
{
    for (;; ++a, ++b)
    {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
        char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;

        if (x != y)
            return false;
        if (!x)
            return true;
    }
}

const struct dxbc_signature_element *dxbc_signature_find_semantic(const struct dxbc_signature *signature,
        const char *name, uint32_t index)
{
    uint32_t i;

    if (!signature || !name)
        return NULL;
    for (i = 0; i < signature->element_count; ++i)
    {
        const struct dxbc_signature_element *e = &signature->elements[i];

        if (e->semantic_index == index && name_equal(e->semantic_name, name))
            return e;
    }
    return NULL;
}
