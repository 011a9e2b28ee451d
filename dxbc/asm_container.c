/* asm_container.c — the assembler's output: signature chunks, SFI0, SHDR/SHEX and the
 * container header with its checksum. */
#include <stdlib.h>
#include <string.h>

#include "asm_private.h"

struct bytes
{
    uint8_t *data;
    size_t size, capacity;
    bool oom;
};

static void put_bytes(struct bytes *b, const void *data, size_t size)
{
    if (b->oom)
        return;
    if (b->size + size > b->capacity)
    {
        size_t cap = b->capacity ? b->capacity : 1024;
        uint8_t *d;

        while (cap < b->size + size)
            cap *= 2;
        if (!(d = realloc(b->data, cap)))
        {
            b->oom = true;
            return;
        }
        b->data = d;
        b->capacity = cap;
    }
    if (data)
        memcpy(b->data + b->size, data, size);
    else
        memset(b->data + b->size, 0, size);
    b->size += size;
}

static void put_u32(struct bytes *b, uint32_t v)
{
    uint8_t p[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

    put_bytes(b, p, 4);
}

static void set_u32(struct bytes *b, size_t offset, uint32_t v)
{
    if (b->oom)
        return;
    b->data[offset] = (uint8_t)v;
    b->data[offset + 1] = (uint8_t)(v >> 8);
    b->data[offset + 2] = (uint8_t)(v >> 16);
    b->data[offset + 3] = (uint8_t)(v >> 24);
}

static int compare_elements(const void *x, const void *y)
{
    const struct sig_element *a = x, *b = y;

    if (a->reg != b->reg)
        return a->reg < b->reg ? -1 : 1;
    return (int)(a->mask & -a->mask) - (int)(b->mask & -b->mask);
}

static void write_signature(struct bytes *out, struct sig *sig, unsigned int kind, uint32_t *tag)
{
    bool minprec = false, stream = false;
    uint32_t i, element_size, strings, name_offsets[MAX_SIG_ELEMENTS];
    size_t start = out->size;

    if (!sig->explicit)
        qsort(sig->elements, sig->count, sizeof(*sig->elements), compare_elements);
    for (i = 0; i < sig->count; ++i)
    {
        minprec |= sig->elements[i].minprec != 0;
        stream |= sig->elements[i].stream != 0;
    }
    if (minprec)
    {
        element_size = 32;
        *tag = kind == 0 ? DXBC_TAG_ISG1 : kind == 1 ? DXBC_TAG_OSG1 : DXBC_TAG_PSG1;
    }
    else if (stream && kind == 1)
    {
        element_size = 28;
        *tag = DXBC_TAG_OSG5;
    }
    else
    {
        element_size = 24;
        *tag = kind == 0 ? DXBC_TAG_ISGN : kind == 1 ? DXBC_TAG_OSGN : DXBC_TAG_PCSG;
    }
    put_u32(out, sig->count);
    put_u32(out, 8);
    strings = 8 + sig->count * element_size;
    for (i = 0; i < sig->count; ++i)
    {
        const struct sig_element *e = &sig->elements[i];
        uint32_t m;

        /* identical names are stored once */
        for (m = 0; m < i; ++m)
            if (!strcmp(sig->elements[m].name, e->name))
                break;
        if (m < i)
            name_offsets[i] = name_offsets[m];
        else
        {
            name_offsets[i] = strings;
            strings += (uint32_t)strlen(e->name) + 1;
        }
        if (element_size >= 28)
            put_u32(out, e->stream);
        put_u32(out, name_offsets[i]);
        put_u32(out, e->index);
        put_u32(out, e->sysval);
        put_u32(out, e->type);
        put_u32(out, e->reg);
        put_u32(out, (e->mask & 0xff) | ((e->used & 0xff) << 8));
        if (element_size == 32)
            put_u32(out, e->minprec);
    }
    for (i = 0; i < sig->count; ++i)
    {
        uint32_t m;

        for (m = 0; m < i; ++m)
            if (!strcmp(sig->elements[m].name, sig->elements[i].name))
                break;
        if (m == i)
            put_bytes(out, sig->elements[i].name, strlen(sig->elements[i].name) + 1);
    }
    while ((out->size - start) % 4)
        put_bytes(out, "\xab", 1);
}

bool dxbc_asm_build_container(struct assembler *a, void **blob, size_t *size)
{
    struct bytes out = { 0 };
    uint32_t offsets[8], tags[8], count = 0, i, tag;
    bool patch = a->sigs[2].count || a->program_type == 3 || a->program_type == 4;
    unsigned int kind;

    put_bytes(&out, "DXBC", 4);
    put_bytes(&out, NULL, 16);
    put_u32(&out, 1);
    put_u32(&out, 0);                 /* total size, patched below */
    count = 2 + patch + a->has_sfi0 + 1;
    put_u32(&out, count);
    put_bytes(&out, NULL, 4 * count); /* chunk offsets, patched below */

    count = 0;
    for (kind = 0; kind < 3; ++kind)
    {
        size_t header;

        if (kind == 2 && !patch)
            continue;
        offsets[count] = (uint32_t)out.size;
        put_u32(&out, 0);
        put_u32(&out, 0);
        header = out.size;
        write_signature(&out, &a->sigs[kind], kind, &tag);
        tags[count] = tag;
        set_u32(&out, offsets[count], tag);
        set_u32(&out, offsets[count] + 4, (uint32_t)(out.size - header));
        ++count;
    }
    if (a->has_sfi0)
    {
        offsets[count] = (uint32_t)out.size;
        tags[count] = DXBC_TAG_SFI0;
        put_u32(&out, DXBC_TAG_SFI0);
        put_u32(&out, 8);
        put_u32(&out, (uint32_t)a->sfi0);
        put_u32(&out, (uint32_t)(a->sfi0 >> 32));
        ++count;
    }
    offsets[count] = (uint32_t)out.size;
    tags[count] = a->major >= 5 ? DXBC_TAG_SHEX : DXBC_TAG_SHDR;
    put_u32(&out, tags[count]);
    put_u32(&out, (uint32_t)(a->tokens.count * 4));
    for (i = 0; i < a->tokens.count; ++i)
        put_u32(&out, a->tokens.data[i]);
    ++count;

    if (out.oom)
    {
        free(out.data);
        dxbc_asm_fail(a, "out of memory");
        return false;
    }
    set_u32(&out, 24, (uint32_t)out.size);
    for (i = 0; i < count; ++i)
        set_u32(&out, 32 + 4 * i, offsets[i]);
    (void)tags;
    dxbc_checksum_compute(out.data, out.size, out.data + 4);
    *blob = out.data;
    *size = out.size;
    return true;
}

