/* spirv_builder.c — see spirv_builder.h. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "spirv_builder.h"

static bool buf_grow(struct spv_builder *b, struct spv_buf *buf, size_t extra)
{
    size_t need = buf->count + extra, cap;
    uint32_t *w;

    if (b->oom)
        return false;
    cap = buf->capacity ? buf->capacity * 2 : 64;
    while (cap < need)
        cap *= 2;
    if (!(w = realloc(buf->w, cap * sizeof(*w))))
    {
        b->oom = true;
        return false;
    }
    buf->w = w;
    buf->capacity = cap;
    return true;
}

/* Inline fast path: almost every append fits the current capacity. */
static inline bool buf_reserve(struct spv_builder *b, struct spv_buf *buf, size_t extra)
{
    return buf->count + extra <= buf->capacity || buf_grow(b, buf, extra);
}

/* Reserves n words at the end of buf and returns where they go, or NULL (out of memory). */
static inline uint32_t *buf_append(struct spv_builder *b, struct spv_buf *buf, size_t n)
{
    uint32_t *w;

    if (!buf_reserve(b, buf, n))
        return NULL;
    w = buf->w + buf->count;
    buf->count += n;
    return w;
}

void spv_builder_init(struct spv_builder *b)
{
    memset(b, 0, sizeof(*b));
    b->next_id = 1;
}

void spv_builder_cleanup(struct spv_builder *b)
{
    unsigned i;

    for (i = 0; i < SPV_SECTION_COUNT; ++i)
        free(b->sections[i].w);
    free(b->locals.w);
    free(b->dedup);
    memset(b, 0, sizeof(*b));
}

void spv_builder_reserve(struct spv_builder *b, enum spv_section s, size_t words)
{
    buf_reserve(b, &b->sections[s], words);
}

bool spv_builder_finish(struct spv_builder *b, uint32_t version, uint32_t **words, size_t *count)
{
    struct spv_buf *f = &b->sections[SPV_SECTION_FUNCTION];
    size_t total = 5, pos, head;
    uint32_t *w;
    unsigned i;

    *words = NULL;
    *count = 0;
    if (b->oom)
        return false;
    for (i = 0; i < SPV_SECTION_COUNT; ++i)
        total += b->sections[i].count;
    head = total - f->count;
    /* The function section is most of the module: the module is built in its buffer (moved up
     * to leave room for the header and the other sections), which spares allocating and
     * touching a second block of the module's size. */
    w = f->capacity >= total ? f->w : realloc(f->w, total * sizeof(*w));
    if (w)
    {
        size_t capacity = f->capacity >= total ? f->capacity : total;

        memmove(w + head, w, f->count * sizeof(*w));
        f->w = NULL;
        f->count = f->capacity = 0;
        /* The up-front reservation can overshoot: give a large excess back (in place). */
        if (capacity / 2 > total)
        {
            uint32_t *shrunk = realloc(w, total * sizeof(*w));

            if (shrunk)
                w = shrunk;
        }
    }
    else
    {
        /* realloc failed and f->w is intact: try a separate block. */
        if (!(w = malloc(total * sizeof(*w))))
            return false;
        if (f->count)
            memcpy(w + head, f->w, f->count * sizeof(*w));
    }
    w[0] = SpvMagicNumber;
    w[1] = version;
    w[2] = 0;                /* generator: unregistered */
    w[3] = b->next_id;       /* bound */
    w[4] = 0;
    pos = 5;
    for (i = 0; i < SPV_SECTION_FUNCTION; ++i)
    {
        if (b->sections[i].count)
            memcpy(w + pos, b->sections[i].w, b->sections[i].count * sizeof(*w));
        pos += b->sections[i].count;
    }
    *words = w;
    *count = total;
    return true;
}

uint32_t spv_id(struct spv_builder *b)
{
    return b->next_id++;
}

/* Instructions are a handful of words: a plain loop beats a call to memcpy. */
static inline void copy_words(uint32_t *dst, const uint32_t *src, unsigned count)
{
    unsigned i;

    for (i = 0; i < count; ++i)
        dst[i] = src[i];
}

static void inst_to(struct spv_builder *b, struct spv_buf *buf, SpvOp op, const uint32_t *ops, unsigned count)
{
    uint32_t *w;

    if (!(w = buf_append(b, buf, count + 1)))
        return;
    w[0] = ((count + 1) << SpvWordCountShift) | (uint32_t)op;
    copy_words(w + 1, ops, count);
}

void spv_inst(struct spv_builder *b, enum spv_section s, SpvOp op, const uint32_t *ops, unsigned count)
{
    inst_to(b, &b->sections[s], op, ops, count);
}

void spv_inst_v(struct spv_builder *b, enum spv_section s, SpvOp op, unsigned count, ...)
{
    uint32_t ops[16];
    unsigned i;
    va_list va;

    va_start(va, count);
    for (i = 0; i < count && i < 16; ++i)
        ops[i] = va_arg(va, uint32_t);
    va_end(va);
    spv_inst(b, s, op, ops, i);
}

void spv_inst_str(struct spv_builder *b, enum spv_section s, SpvOp op, const uint32_t *ops, unsigned count,
        const char *str, const uint32_t *tail, unsigned tail_count)
{
    struct spv_buf *buf = &b->sections[s];
    size_t len = strlen(str), str_words = len / 4 + 1;
    size_t total = 1 + count + str_words + tail_count;

    if (!buf_reserve(b, buf, total))
        return;
    buf->w[buf->count++] = ((uint32_t)total << SpvWordCountShift) | (uint32_t)op;
    if (count)
        memcpy(buf->w + buf->count, ops, count * sizeof(*ops));
    buf->count += count;
    memset(buf->w + buf->count, 0, str_words * sizeof(uint32_t));
    memcpy(buf->w + buf->count, str, len);   /* little-endian hosts only, as is the project */
    buf->count += str_words;
    if (tail_count)
        memcpy(buf->w + buf->count, tail, tail_count * sizeof(*tail));
    buf->count += tail_count;
}

void spv_capability(struct spv_builder *b, SpvCapability cap)
{
    unsigned i;

    for (i = 0; i < b->cap_count; ++i)
        if (b->caps[i] == (uint32_t)cap)
            return;
    if (b->cap_count < 32)
        b->caps[b->cap_count++] = cap;
    spv_inst_v(b, SPV_SECTION_CAPABILITY, SpvOpCapability, 1, (uint32_t)cap);
}

void spv_extension(struct spv_builder *b, const char *name)
{
    spv_inst_str(b, SPV_SECTION_EXTENSION, SpvOpExtension, NULL, 0, name, NULL, 0);
}

uint32_t spv_glsl(struct spv_builder *b)
{
    if (!b->glsl_ext)
    {
        b->glsl_ext = spv_id(b);
        spv_inst_str(b, SPV_SECTION_EXT_IMPORT, SpvOpExtInstImport, &b->glsl_ext, 1, "GLSL.std.450", NULL, 0);
    }
    return b->glsl_ext;
}

void spv_name(struct spv_builder *b, uint32_t id, const char *name)
{
    spv_inst_str(b, SPV_SECTION_DEBUG, SpvOpName, &id, 1, name, NULL, 0);
}

void spv_member_name(struct spv_builder *b, uint32_t id, uint32_t member, const char *name)
{
    uint32_t ops[2] = { id, member };
    spv_inst_str(b, SPV_SECTION_DEBUG, SpvOpMemberName, ops, 2, name, NULL, 0);
}

void spv_decorate(struct spv_builder *b, uint32_t id, SpvDecoration dec, const uint32_t *args, unsigned count)
{
    uint32_t ops[8];
    unsigned i;

    ops[0] = id;
    ops[1] = dec;
    for (i = 0; i < count && i < 6; ++i)
        ops[2 + i] = args[i];
    spv_inst(b, SPV_SECTION_ANNOTATION, SpvOpDecorate, ops, 2 + i);
}

void spv_decorate1(struct spv_builder *b, uint32_t id, SpvDecoration dec, uint32_t arg)
{
    spv_decorate(b, id, dec, &arg, 1);
}

void spv_decorate0(struct spv_builder *b, uint32_t id, SpvDecoration dec)
{
    spv_decorate(b, id, dec, NULL, 0);
}

void spv_member_decorate1(struct spv_builder *b, uint32_t id, uint32_t member, SpvDecoration dec, uint32_t arg)
{
    spv_inst_v(b, SPV_SECTION_ANNOTATION, SpvOpMemberDecorate, 4, id, member, (uint32_t)dec, arg);
}

void spv_member_decorate0(struct spv_builder *b, uint32_t id, uint32_t member, SpvDecoration dec)
{
    spv_inst_v(b, SPV_SECTION_ANNOTATION, SpvOpMemberDecorate, 3, id, member, (uint32_t)dec);
}

void spv_builtin(struct spv_builder *b, uint32_t id, SpvBuiltIn builtin)
{
    spv_decorate1(b, id, SpvDecorationBuiltIn, builtin);
}

/* Deduplication: open addressing over (opcode, operands without the result id). The hash
 * multiplies by a 64-bit odd constant and keeps the high half, so every input bit reaches the
 * bits that pick the slot (a 32-bit FNV keeps low slot bits blind to high operand bits). */
static inline uint32_t hash_words(SpvOp op, const uint32_t *w, unsigned count)
{
    uint64_t h = ((uint64_t)op << 8 | count) * 0x9e3779b97f4a7c15ull;
    unsigned i;

    for (i = 0; i < count; ++i)
        h = (h ^ w[i]) * 0x9e3779b97f4a7c15ull;
    return (uint32_t)(h >> 32);
}

/* The entry key: opcode and count, then the first operands, zero-padded. */
static inline void make_key(uint32_t key[1 + SPV_DEDUP_KEY_OPS], SpvOp op, const uint32_t *ops, unsigned count)
{
    unsigned i;

    key[0] = (uint32_t)op | count << 16;
    for (i = 0; i < SPV_DEDUP_KEY_OPS; ++i)
        key[1 + i] = i < count ? ops[i] : 0;
}

static inline bool key_equal(const uint32_t *a, const uint32_t *b)
{
    unsigned i;

    for (i = 0; i < 1 + SPV_DEDUP_KEY_OPS; ++i)
        if (a[i] != b[i])
            return false;
    return true;
}

static bool dedup_grow(struct spv_builder *b)
{
    size_t cap = b->dedup_capacity ? b->dedup_capacity * 2 : 256, i, j;
    struct spv_dedup_entry *t;

    if (!(t = calloc(cap, sizeof(*t))))
    {
        b->oom = true;
        return false;
    }
    for (i = 0; i < b->dedup_capacity; ++i)
    {
        if (!b->dedup[i].id)
            continue;
        for (j = b->dedup[i].hash & (cap - 1); t[j].id; j = (j + 1) & (cap - 1))
            ;
        t[j] = b->dedup[i];
    }
    free(b->dedup);
    b->dedup = t;
    b->dedup_capacity = cap;
    return true;
}

/* Operands past those in the key, compared with the stored instruction's words. */
static bool dedup_match_tail(struct spv_builder *b, const struct spv_dedup_entry *e, bool has_type,
        const uint32_t *ops, unsigned count)
{
    /* In the section: head, [type,] id, operands; ops[] has no id. */
    const uint32_t *w = b->sections[SPV_SECTION_GLOBAL].w + e->offset + (has_type ? 3 : 2);
    unsigned i, first = has_type ? 1 : 0;

    for (i = SPV_DEDUP_KEY_OPS; i < count; ++i)
        if (w[i - first] != ops[i])
            return false;
    return true;
}

uint32_t spv_global_dedup(struct spv_builder *b, SpvOp op, bool has_type, const uint32_t *ops, unsigned count)
{
    uint32_t h, id, words[24], key[1 + SPV_DEDUP_KEY_OPS];
    struct spv_buf *g = &b->sections[SPV_SECTION_GLOBAL];
    struct spv_dedup_entry *e;
    size_t i, mask;

    if (count > 22)
    {
        /* Too long to key; emit without deduplication. */
        uint32_t *w = buf_append(b, g, count + 2);

        id = spv_id(b);
        if (!w)
            return id;
        w[0] = ((count + 2) << SpvWordCountShift) | (uint32_t)op;
        if (has_type)
        {
            w[1] = ops[0];
            w[2] = id;
            copy_words(w + 3, ops + 1, count - 1);
        }
        else
        {
            w[1] = id;
            copy_words(w + 2, ops, count);
        }
        return id;
    }
    if (b->dedup_count * 2 >= b->dedup_capacity && !dedup_grow(b))
        return spv_id(b);
    h = hash_words(op, ops, count);
    make_key(key, op, ops, count);
    mask = b->dedup_capacity - 1;
    for (i = h & mask; (e = &b->dedup[i])->id; i = (i + 1) & mask)
    {
        if (e->hash == h && key_equal(e->key, key)
                && (count <= SPV_DEDUP_KEY_OPS || dedup_match_tail(b, e, has_type, ops, count)))
            return e->id;
    }
    id = spv_id(b);
    if (has_type)
    {
        words[0] = ops[0];
        words[1] = id;
        copy_words(words + 2, ops + 1, count - 1);
    }
    else
    {
        words[0] = id;
        copy_words(words + 1, ops, count);
    }
    e->hash = h;
    e->id = id;
    e->offset = (uint32_t)g->count;
    memcpy(e->key, key, sizeof(key));
    ++b->dedup_count;
    spv_inst(b, SPV_SECTION_GLOBAL, op, words, count + 1);
    return id;
}

uint32_t spv_type_void(struct spv_builder *b)
{
    return spv_global_dedup(b, SpvOpTypeVoid, false, NULL, 0);
}

uint32_t spv_type_bool(struct spv_builder *b)
{
    if (!b->t_bool)
        b->t_bool = spv_global_dedup(b, SpvOpTypeBool, false, NULL, 0);
    return b->t_bool;
}

uint32_t spv_type_int(struct spv_builder *b, unsigned width, bool is_signed)
{
    uint32_t ops[2] = { width, is_signed }, *memo;

    if (width != 32)
        return spv_global_dedup(b, SpvOpTypeInt, false, ops, 2);
    memo = is_signed ? &b->t_int : &b->t_uint;
    if (!*memo)
        *memo = spv_global_dedup(b, SpvOpTypeInt, false, ops, 2);
    return *memo;
}

uint32_t spv_type_float(struct spv_builder *b, unsigned width)
{
    uint32_t ops[1] = { width };

    if (width != 32)
        return spv_global_dedup(b, SpvOpTypeFloat, false, ops, 1);
    if (!b->t_float)
        b->t_float = spv_global_dedup(b, SpvOpTypeFloat, false, ops, 1);
    return b->t_float;
}

uint32_t spv_type_vector(struct spv_builder *b, uint32_t component, unsigned count)
{
    uint32_t ops[2] = { component, count }, *memo = NULL;

    if (count <= 4 && component)
    {
        if (component == b->t_uint)
            memo = &b->t_uvec[count];
        else if (component == b->t_float)
            memo = &b->t_fvec[count];
    }
    if (!memo)
        return spv_global_dedup(b, SpvOpTypeVector, false, ops, 2);
    if (!*memo)
        *memo = spv_global_dedup(b, SpvOpTypeVector, false, ops, 2);
    return *memo;
}

uint32_t spv_type_vec(struct spv_builder *b, uint32_t component, unsigned count)
{
    return count <= 1 ? component : spv_type_vector(b, component, count);
}

uint32_t spv_type_array(struct spv_builder *b, uint32_t element, uint32_t length)
{
    uint32_t ops[2] = { element, spv_const_u32(b, length) };
    return spv_global_dedup(b, SpvOpTypeArray, false, ops, 2);
}

uint32_t spv_type_array_stride(struct spv_builder *b, uint32_t element, uint32_t length, uint32_t stride)
{
    uint32_t len = spv_const_u32(b, length), id = spv_id(b);

    spv_inst_v(b, SPV_SECTION_GLOBAL, SpvOpTypeArray, 3, id, element, len);
    spv_decorate1(b, id, SpvDecorationArrayStride, stride);
    return id;
}

uint32_t spv_type_runtime_array_stride(struct spv_builder *b, uint32_t element, uint32_t stride)
{
    uint32_t id = spv_id(b);

    spv_inst_v(b, SPV_SECTION_GLOBAL, SpvOpTypeRuntimeArray, 2, id, element);
    spv_decorate1(b, id, SpvDecorationArrayStride, stride);
    return id;
}

uint32_t spv_type_struct(struct spv_builder *b, const uint32_t *members, unsigned count)
{
    uint32_t ops[64], id = spv_id(b);
    unsigned i;

    ops[0] = id;
    for (i = 0; i < count && i < 63; ++i)
        ops[1 + i] = members[i];
    spv_inst(b, SPV_SECTION_GLOBAL, SpvOpTypeStruct, ops, 1 + i);
    return id;
}

uint32_t spv_type_pointer(struct spv_builder *b, SpvStorageClass sc, uint32_t type)
{
    uint32_t ops[2] = { sc, type };
    unsigned slot = ((type ^ (uint32_t)sc << 16) * 0x9e3779b1u) >> (32 - SPV_PTR_CACHE_BITS);

    if (b->ptr_cache[slot].id && b->ptr_cache[slot].type == type && b->ptr_cache[slot].sc == (uint32_t)sc)
        return b->ptr_cache[slot].id;
    b->ptr_cache[slot].sc = sc;
    b->ptr_cache[slot].type = type;
    return b->ptr_cache[slot].id = spv_global_dedup(b, SpvOpTypePointer, false, ops, 2);
}

uint32_t spv_type_function(struct spv_builder *b, uint32_t ret, const uint32_t *params, unsigned count)
{
    uint32_t ops[16];
    unsigned i;

    ops[0] = ret;
    for (i = 0; i < count && i < 15; ++i)
        ops[1 + i] = params[i];
    return spv_global_dedup(b, SpvOpTypeFunction, false, ops, 1 + i);
}

uint32_t spv_type_image(struct spv_builder *b, uint32_t sampled_type, SpvDim dim, unsigned depth, bool arrayed,
        bool ms, unsigned sampled, SpvImageFormat format)
{
    uint32_t ops[7] = { sampled_type, dim, depth, arrayed, ms, sampled, format };
    return spv_global_dedup(b, SpvOpTypeImage, false, ops, 7);
}

uint32_t spv_type_sampler(struct spv_builder *b)
{
    return spv_global_dedup(b, SpvOpTypeSampler, false, NULL, 0);
}

uint32_t spv_type_sampled_image(struct spv_builder *b, uint32_t image)
{
    return spv_global_dedup(b, SpvOpTypeSampledImage, false, &image, 1);
}

uint32_t spv_const_u32(struct spv_builder *b, uint32_t v)
{
    uint32_t ops[2];

    if (v < SPV_SMALL_U32 && b->u32_small[v])
        return b->u32_small[v];
    ops[0] = spv_type_int(b, 32, false);
    ops[1] = v;
    ops[0] = spv_global_dedup(b, SpvOpConstant, true, ops, 2);
    if (v < SPV_SMALL_U32)
        b->u32_small[v] = ops[0];
    return ops[0];
}

uint32_t spv_const_i32(struct spv_builder *b, int32_t v)
{
    uint32_t ops[2] = { spv_type_int(b, 32, true), (uint32_t)v };
    return spv_global_dedup(b, SpvOpConstant, true, ops, 2);
}

uint32_t spv_const_f32_bits(struct spv_builder *b, uint32_t bits)
{
    uint32_t ops[2] = { spv_type_float(b, 32), bits };
    return spv_global_dedup(b, SpvOpConstant, true, ops, 2);
}

uint32_t spv_const_f32(struct spv_builder *b, float v)
{
    uint32_t bits;
    memcpy(&bits, &v, 4);
    return spv_const_f32_bits(b, bits);
}

uint32_t spv_const_f64(struct spv_builder *b, double v)
{
    uint32_t ops[3];
    uint64_t bits;

    memcpy(&bits, &v, 8);
    ops[0] = spv_type_float(b, 64);
    ops[1] = (uint32_t)bits;
    ops[2] = (uint32_t)(bits >> 32);
    return spv_global_dedup(b, SpvOpConstant, true, ops, 3);
}

uint32_t spv_const_bool(struct spv_builder *b, bool v)
{
    uint32_t t = spv_type_bool(b);
    return spv_global_dedup(b, v ? SpvOpConstantTrue : SpvOpConstantFalse, true, &t, 1);
}

uint32_t spv_const_null(struct spv_builder *b, uint32_t type)
{
    return spv_global_dedup(b, SpvOpConstantNull, true, &type, 1);
}

uint32_t spv_const_composite(struct spv_builder *b, uint32_t type, const uint32_t *parts, unsigned count)
{
    uint32_t ops[24];
    unsigned i;

    if (count > 21)
    {
        uint32_t *tmp = malloc((count + 2) * sizeof(*tmp)), id = spv_id(b);
        if (!tmp)
        {
            b->oom = true;
            return id;
        }
        tmp[0] = type;
        tmp[1] = id;
        memcpy(tmp + 2, parts, count * sizeof(*parts));
        spv_inst(b, SPV_SECTION_GLOBAL, SpvOpConstantComposite, tmp, count + 2);
        free(tmp);
        return id;
    }
    ops[0] = type;
    for (i = 0; i < count; ++i)
        ops[1 + i] = parts[i];
    return spv_global_dedup(b, SpvOpConstantComposite, true, ops, 1 + count);
}

uint32_t spv_const_uvec(struct spv_builder *b, const uint32_t *v, unsigned count)
{
    uint32_t parts[4];
    unsigned i;

    if (count == 1)
        return spv_const_u32(b, v[0]);
    for (i = 0; i < count; ++i)
        parts[i] = spv_const_u32(b, v[i]);
    return spv_const_composite(b, spv_type_vector(b, spv_type_int(b, 32, false), count), parts, count);
}

uint32_t spv_const_fvec(struct spv_builder *b, const float *v, unsigned count)
{
    uint32_t parts[4];
    unsigned i;

    if (count == 1)
        return spv_const_f32(b, v[0]);
    for (i = 0; i < count; ++i)
        parts[i] = spv_const_f32(b, v[i]);
    return spv_const_composite(b, spv_type_vector(b, spv_type_float(b, 32), count), parts, count);
}

uint32_t spv_spec_const_u32(struct spv_builder *b, uint32_t spec_id, uint32_t def)
{
    uint32_t id = spv_id(b);

    spv_inst_v(b, SPV_SECTION_GLOBAL, SpvOpSpecConstant, 3, spv_type_int(b, 32, false), id, def);
    spv_decorate1(b, id, SpvDecorationSpecId, spec_id);
    return id;
}

uint32_t spv_spec_const_bool(struct spv_builder *b, uint32_t spec_id, bool def)
{
    uint32_t id = spv_id(b);

    spv_inst_v(b, SPV_SECTION_GLOBAL, def ? SpvOpSpecConstantTrue : SpvOpSpecConstantFalse, 2, spv_type_bool(b), id);
    spv_decorate1(b, id, SpvDecorationSpecId, spec_id);
    return id;
}

uint32_t spv_variable(struct spv_builder *b, uint32_t ptr_type, SpvStorageClass sc, uint32_t init)
{
    uint32_t id = spv_id(b), ops[4] = { ptr_type, id, (uint32_t)sc, init };

    spv_inst(b, SPV_SECTION_GLOBAL, SpvOpVariable, ops, init ? 4 : 3);
    return id;
}

uint32_t spv_local_variable(struct spv_builder *b, uint32_t ptr_type)
{
    uint32_t id = spv_id(b), ops[3] = { ptr_type, id, SpvStorageClassFunction };

    inst_to(b, &b->locals, SpvOpVariable, ops, 3);
    return id;
}

void spv_entry_point(struct spv_builder *b, SpvExecutionModel model, uint32_t func, const char *name,
        const uint32_t *interface, unsigned count)
{
    uint32_t ops[2] = { model, func };
    spv_inst_str(b, SPV_SECTION_ENTRY_POINT, SpvOpEntryPoint, ops, 2, name, interface, count);
}

void spv_execution_mode(struct spv_builder *b, uint32_t func, SpvExecutionMode mode, const uint32_t *args, unsigned count)
{
    uint32_t ops[8];
    unsigned i;

    ops[0] = func;
    ops[1] = mode;
    for (i = 0; i < count && i < 6; ++i)
        ops[2 + i] = args[i];
    spv_inst(b, SPV_SECTION_EXECUTION_MODE, SpvOpExecutionMode, ops, 2 + i);
}

uint32_t spv_function_begin(struct spv_builder *b, uint32_t ret_type, uint32_t func_type, uint32_t id)
{
    if (!id)
        id = spv_id(b);
    spv_inst_v(b, SPV_SECTION_FUNCTION, SpvOpFunction, 4, ret_type, id, (uint32_t)SpvFunctionControlMaskNone, func_type);
    spv_label(b, spv_id(b));
    b->function_first_block = b->sections[SPV_SECTION_FUNCTION].count;
    b->locals.count = 0;
    b->in_function = true;
    return id;
}

void spv_function_end(struct spv_builder *b)
{
    struct spv_buf *f = &b->sections[SPV_SECTION_FUNCTION];
    size_t n = b->locals.count, at = b->function_first_block;

    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpFunctionEnd, NULL, 0);
    if (n && buf_reserve(b, f, n))
    {
        memmove(f->w + at + n, f->w + at, (f->count - at) * sizeof(uint32_t));
        memcpy(f->w + at, b->locals.w, n * sizeof(uint32_t));
        f->count += n;
    }
    b->locals.count = 0;
    b->in_function = false;
}

void spv_label(struct spv_builder *b, uint32_t id)
{
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpLabel, &id, 1);
}

uint32_t spv_op(struct spv_builder *b, SpvOp op, uint32_t type, const uint32_t *args, unsigned count)
{
    uint32_t id = spv_id(b), *w;

    if (count > 22)
        count = 22;
    /* The most frequent append: written in place, without a staging copy. */
    if (!(w = buf_append(b, &b->sections[SPV_SECTION_FUNCTION], 3 + count)))
        return id;
    w[0] = ((3 + count) << SpvWordCountShift) | (uint32_t)op;
    w[1] = type;
    w[2] = id;
    copy_words(w + 3, args, count);
    return id;
}

uint32_t spv_op1(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a)
{
    return spv_op(b, op, type, &a, 1);
}

uint32_t spv_op2(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a, uint32_t c)
{
    uint32_t ops[2] = { a, c };
    return spv_op(b, op, type, ops, 2);
}

uint32_t spv_op3(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a, uint32_t c, uint32_t d)
{
    uint32_t ops[3] = { a, c, d };
    return spv_op(b, op, type, ops, 3);
}

void spv_op_void(struct spv_builder *b, SpvOp op, const uint32_t *args, unsigned count)
{
    spv_inst(b, SPV_SECTION_FUNCTION, op, args, count);
}

uint32_t spv_ext(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, const uint32_t *args, unsigned count)
{
    uint32_t ops[8];
    unsigned i;

    ops[0] = spv_glsl(b);
    ops[1] = inst;
    for (i = 0; i < count && i < 6; ++i)
        ops[2 + i] = args[i];
    return spv_op(b, SpvOpExtInst, type, ops, 2 + i);
}

uint32_t spv_ext1(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a)
{
    return spv_ext(b, inst, type, &a, 1);
}

uint32_t spv_ext2(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a, uint32_t c)
{
    uint32_t ops[2] = { a, c };
    return spv_ext(b, inst, type, ops, 2);
}

uint32_t spv_ext3(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a, uint32_t c, uint32_t d)
{
    uint32_t ops[3] = { a, c, d };
    return spv_ext(b, inst, type, ops, 3);
}

uint32_t spv_load(struct spv_builder *b, uint32_t type, uint32_t ptr)
{
    return spv_op1(b, SpvOpLoad, type, ptr);
}

void spv_store(struct spv_builder *b, uint32_t ptr, uint32_t value)
{
    uint32_t ops[2] = { ptr, value };
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpStore, ops, 2);
}

uint32_t spv_access_chain(struct spv_builder *b, uint32_t ptr_type, uint32_t base, const uint32_t *indices, unsigned count)
{
    uint32_t ops[8];
    unsigned i;

    ops[0] = base;
    for (i = 0; i < count && i < 7; ++i)
        ops[1 + i] = indices[i];
    return spv_op(b, SpvOpAccessChain, ptr_type, ops, 1 + i);
}

uint32_t spv_extract(struct spv_builder *b, uint32_t type, uint32_t composite, uint32_t index)
{
    return spv_op2(b, SpvOpCompositeExtract, type, composite, index);
}

uint32_t spv_composite(struct spv_builder *b, uint32_t type, const uint32_t *parts, unsigned count)
{
    return spv_op(b, SpvOpCompositeConstruct, type, parts, count);
}

uint32_t spv_shuffle(struct spv_builder *b, uint32_t type, uint32_t v1, uint32_t v2, const uint32_t *comps, unsigned count)
{
    uint32_t ops[6];
    unsigned i;

    ops[0] = v1;
    ops[1] = v2;
    for (i = 0; i < count && i < 4; ++i)
        ops[2 + i] = comps[i];
    return spv_op(b, SpvOpVectorShuffle, type, ops, 2 + i);
}

uint32_t spv_select(struct spv_builder *b, uint32_t type, uint32_t cond, uint32_t t, uint32_t f)
{
    return spv_op3(b, SpvOpSelect, type, cond, t, f);
}

uint32_t spv_bitcast(struct spv_builder *b, uint32_t type, uint32_t v)
{
    return spv_op1(b, SpvOpBitcast, type, v);
}

void spv_branch(struct spv_builder *b, uint32_t target)
{
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpBranch, &target, 1);
}

void spv_branch_cond(struct spv_builder *b, uint32_t cond, uint32_t t, uint32_t f)
{
    uint32_t ops[3] = { cond, t, f };
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpBranchConditional, ops, 3);
}

void spv_selection_merge(struct spv_builder *b, uint32_t merge)
{
    uint32_t ops[2] = { merge, (uint32_t)SpvSelectionControlMaskNone };
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpSelectionMerge, ops, 2);
}

void spv_loop_merge(struct spv_builder *b, uint32_t merge, uint32_t cont)
{
    uint32_t ops[3] = { merge, cont, (uint32_t)SpvLoopControlMaskNone };
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpLoopMerge, ops, 3);
}

void spv_return(struct spv_builder *b)
{
    spv_inst(b, SPV_SECTION_FUNCTION, SpvOpReturn, NULL, 0);
}
