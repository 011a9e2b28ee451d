/* asm.c — the assembler: shader-assembly text (the disassembler's syntax) to a complete DXBC
 * container (signatures, optional SFI0, SHDR/SHEX) with a valid checksum.
 *
 * Syntax, one statement per line ("//" starts a comment, except the two forms below):
 *
 *   // sig <input|output|patch> <reg> <mask> <SEMANTIC> <index> <sysvalue> <type> <used> [stream=N] [minprecision=N]
 *       One signature element. <reg> is the register number or -1 (oDepth, oMask...), <mask>
 *       and <used> are component letters ("xyzw", "-" for none), <sysvalue> is a D3D_NAME
 *       (NONE POS CLIPDST CULLDST RTINDEX VPINDEX VERTID PRIMID INSTID FFACE SAMPLE QUADEDGE
 *       QUADINT TRIEDGE TRIINT LINEDET LINEDEN TARGET DEPTH COVERAGE DEPTHGE DEPTHLE
 *       STENCILREF INNERCOV or a number), <type> is float|uint|int|unknown. <used> is the
 *       read mask of inputs and the never-written mask of outputs. An empty name is "".
 *       When a kind has no "// sig" line at all, its signature is derived from the dcl_input*
 *       / dcl_output* declarations (SV_* names for system values, SV_Target for pixel shader
 *       outputs, TEXCOORD<register> otherwise; HS fork/join outputs and DS vpc inputs form
 *       the patch-constant signature).
 *   // sfi0 <hex>          adds an SFI0 chunk with those feature flags
 *
 *   vs_5_0                  the version line (ps, vs, gs, hs, ds, cs; 4_0, 4_1, 5_0) comes first
 *   <mnemonic> <operands>   instructions and declarations as the disassembler prints them:
 *       mnemonic suffixes _sat _z _nz _uint _rcpFloat _aoffimmi(u,v,w) _indexable(dim[, stride=N])
 *       (rt,rt,rt,rt) _precise(mask), with _aoffimmi_indexable(u,v,w)(dim)(rt,...) when both; operands r0.xyzw, -|v1.x|, cb0[r0.x + 2].xyzw,
 *       vicp[2][0].xyz, l(1.0, 2, 0x3f800000, -1), d(1.000000, 2.000000), icb[r1.x + 0].y ...
 *       Trailing operand tags: {min16f} {min2_8f} {min16i} {min16u} {nonuniform}, and the
 *       encoding hints the disassembler writes when the plain syntax would assemble to other
 *       bits: {c0} {c1} {c4} (component count), {mask} {swizzle} {select1}, {ext}.
 *   Numbers: 0x… are raw bits; a number with '.' or an exponent is a float (a double in d());
 *   anything else is a decimal integer.
 *   dcl_immediateConstantBuffer { { a, b, c, d}, ... } may span lines until its braces close.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"
#include "text_private.h"

#define MAX_SIG_ELEMENTS 128

struct words
{
    uint32_t *data;
    size_t count, capacity;
    bool oom;
};

struct sig_element
{
    char name[64];
    uint32_t index, sysval, type, reg, mask, used, stream, minprec;
};

struct sig
{
    bool explicit;
    uint32_t count;
    struct sig_element elements[MAX_SIG_ELEMENTS];
};

struct assembler
{
    struct words tokens;
    struct sig sigs[3];            /* input, output, patch */
    bool has_sfi0;
    uint64_t sfi0;
    uint32_t program_type, major, minor;
    bool have_version;
    bool in_fork_join;             /* HS: after hs_fork_phase / hs_join_phase */
    unsigned int line;
    const char *p;                 /* cursor in the current statement */
    bool failed;
    char *error;
    size_t error_size;
};

static void fail(struct assembler *a, const char *fmt, ...)
{
    va_list args;
    int n;

    if (a->failed)
        return;
    a->failed = true;
    if (!a->error || !a->error_size)
        return;
    n = snprintf(a->error, a->error_size, "line %u: ", a->line);
    if (n < 0 || (size_t)n >= a->error_size)
    {
        a->error[a->error_size - 1] = 0;
        return;
    }
    va_start(args, fmt);
    vsnprintf(a->error + n, a->error_size - n, fmt, args);
    va_end(args);
    a->error[a->error_size - 1] = 0;   /* some C runtimes do not terminate on truncation */
}

static void emit(struct words *w, uint32_t value)
{
    if (w->oom)
        return;
    if (w->count == w->capacity)
    {
        size_t cap = w->capacity ? w->capacity * 2 : 256;
        uint32_t *d;

        if (!(d = realloc(w->data, cap * sizeof(*d))))
        {
            w->oom = true;
            return;
        }
        w->data = d;
        w->capacity = cap;
    }
    w->data[w->count++] = value;
}

/* ---- lexing helpers ---- */

static void skip_ws(struct assembler *a)
{
    while (*a->p == ' ' || *a->p == '\t' || *a->p == '\r' || *a->p == '\n')
        a->p++;
}

static bool accept(struct assembler *a, const char *s)
{
    size_t n = strlen(s);

    skip_ws(a);
    if (strncmp(a->p, s, n))
        return false;
    a->p += n;
    return true;
}

static bool expect(struct assembler *a, const char *s)
{
    if (accept(a, s))
        return true;
    fail(a, "expected '%s' at '%.20s'", s, a->p);
    return false;
}

static bool parse_u32(struct assembler *a, uint32_t *value)
{
    unsigned long long v;
    char *end;

    skip_ws(a);
    if (!isdigit((unsigned char)*a->p))
    {
        fail(a, "expected a number at '%.20s'", a->p);
        return false;
    }
    v = strtoull(a->p, &end, 0);
    if (v > 0xffffffffull)
    {
        fail(a, "number out of range at '%.20s'", a->p);
        return false;
    }
    a->p = end;
    *value = (uint32_t)v;
    return true;
}

static bool parse_i32(struct assembler *a, int32_t *value)
{
    bool neg = accept(a, "-");
    uint32_t v;

    if (!parse_u32(a, &v))
        return false;
    *value = neg ? -(int32_t)v : (int32_t)v;
    return true;
}

static size_t word_length(const char *p)
{
    size_t n = 0;

    while (isalnum((unsigned char)p[n]) || p[n] == '_')
        ++n;
    return n;
}

/* Matches one of `table` followed by a non-identifier character; longest match wins. */
static bool parse_table(struct assembler *a, const char *const *table, size_t count, uint32_t *value, bool loose)
{
    size_t i, best_len = 0;

    skip_ws(a);
    for (i = 0; i < count; ++i)
    {
        size_t n;

        if (!table[i])
            continue;
        n = strlen(table[i]);
        if (n > best_len && !strncmp(a->p, table[i], n) && !isalnum((unsigned char)a->p[n]) && (loose || a->p[n] != '_'))
        {
            best_len = n;
            *value = (uint32_t)i;
        }
    }
    if (best_len)
    {
        a->p += best_len;
        return true;
    }
    if (isdigit((unsigned char)*a->p))
        return parse_u32(a, value);
    fail(a, "unknown name at '%.20s'", a->p);
    return false;
}

#define PARSE_TABLE(a, table, value) parse_table(a, table, sizeof(table) / sizeof(*(table)), value, false)
/* For a name followed by more mnemonic suffixes ("texture2d_glc"). */
#define PARSE_TABLE_LOOSE(a, table, value) parse_table(a, table, sizeof(table) / sizeof(*(table)), value, true)

/* A number as the disassembler writes it: 0x bits, float (with '.'/exponent) or integer. */
static bool parse_number32(struct assembler *a, uint32_t *bits)
{
    const char *start;
    char buf[64];
    size_t n;

    skip_ws(a);
    start = a->p;
    while (*a->p && *a->p != ',' && *a->p != ')' && *a->p != '}' && *a->p != ' ' && *a->p != '\t')
        a->p++;
    n = (size_t)(a->p - start);
    if (!n || n >= sizeof(buf))
    {
        fail(a, "expected a number at '%.20s'", start);
        return false;
    }
    memcpy(buf, start, n);
    buf[n] = 0;
    if ((buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X')))
    {
        unsigned long long v = strtoull(buf, NULL, 16);

        *bits = (uint32_t)v;
        return true;
    }
    if (strpbrk(buf, ".eEnN"))
    {
        char *end;
        float f = strtof(buf, &end);

        if (*end)
        {
            fail(a, "bad number '%s'", buf);
            return false;
        }
        memcpy(bits, &f, 4);
        return true;
    }
    {
        char *end;
        long long v = strtoll(buf, &end, 10);

        if (*end)
        {
            fail(a, "bad number '%s'", buf);
            return false;
        }
        *bits = (uint32_t)v;
        return true;
    }
}

static bool parse_number64(struct assembler *a, uint64_t *bits)
{
    const char *start;
    char buf[64], *end;
    size_t n;

    skip_ws(a);
    start = a->p;
    while (*a->p && *a->p != ',' && *a->p != ')' && *a->p != ' ')
        a->p++;
    n = (size_t)(a->p - start);
    if (!n || n >= sizeof(buf))
    {
        fail(a, "expected a number at '%.20s'", start);
        return false;
    }
    memcpy(buf, start, n);
    buf[n] = 0;
    if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X'))
        *bits = strtoull(buf, &end, 16);
    else
    {
        double d = strtod(buf, &end);

        memcpy(bits, &d, 8);
    }
    if (*end)
    {
        fail(a, "bad number '%s'", buf);
        return false;
    }
    return true;
}

static int component_index(char c)
{
    switch (c)
    {
        case 'x': case 'r': return 0;
        case 'y': case 'g': return 1;
        case 'z': case 'b': return 2;
        case 'w': case 'a': return 3;
        default: return -1;
    }
}

static bool parse_mask_letters(struct assembler *a, uint32_t *mask)
{
    *mask = 0;
    skip_ws(a);
    if (*a->p == '-')
    {
        a->p++;
        return true;
    }
    while (component_index(*a->p) >= 0)
        *mask |= 1u << component_index(*a->p++);
    if (!*mask)
    {
        fail(a, "expected a component mask at '%.20s'", a->p);
        return false;
    }
    return true;
}

/* ---- operands ---- */

struct operand
{
    struct dxbc_operand op;
    struct operand *rel[3];
};

static void free_operand(struct operand *o)
{
    unsigned int i;

    if (!o)
        return;
    for (i = 0; i < 3; ++i)
    {
        free_operand(o->rel[i]);
        free(o->rel[i]);
    }
}

static bool parse_operand(struct assembler *a, struct operand *o, enum dxbc_text_role role, unsigned int depth);

static bool parse_index(struct assembler *a, struct operand *o, unsigned int i, unsigned int depth)
{
    struct dxbc_operand_index *index = &o->op.index[i];

    skip_ws(a);
    if (isdigit((unsigned char)*a->p))
    {
        uint32_t v;

        if (!parse_u32(a, &v))
            return false;
        index->repr = DXBC_INDEX_IMM32;
        index->imm = v;
        return expect(a, "]");
    }
    if (!(o->rel[i] = calloc(1, sizeof(*o->rel[i]))))
    {
        fail(a, "out of memory");
        return false;
    }
    if (!parse_operand(a, o->rel[i], DXBC_ROLE_SRC, depth + 1))
        return false;
    index->repr = DXBC_INDEX_RELATIVE;
    if (accept(a, "+"))
    {
        uint32_t v;

        if (!parse_u32(a, &v))
            return false;
        index->repr = DXBC_INDEX_IMM32_RELATIVE;
        index->imm = v;
    }
    return expect(a, "]");
}

static bool parse_register_name(struct assembler *a, enum dxbc_register_type *type)
{
    size_t n = 0, i;

    while (isalpha((unsigned char)a->p[n]))
        ++n;
    if (n == 2 && !strncmp(a->p, "CB", 2))
    {
        *type = DXBC_REG_CONSTANT_BUFFER;
        a->p += 2;
        return true;
    }
    for (i = 0; i < DXBC_REG_COUNT; ++i)
    {
        if (strlen(dxbc_text_register_names[i]) == n && !strncmp(a->p, dxbc_text_register_names[i], n)
                && i != DXBC_REG_IMMEDIATE32 && i != DXBC_REG_IMMEDIATE64)
        {
            *type = (enum dxbc_register_type)i;
            a->p += n;
            return true;
        }
    }
    fail(a, "unknown register at '%.20s'", a->p);
    return false;
}

static bool parse_tags(struct assembler *a, struct operand *o, int *forced)
{
    static const struct { const char *name; int value; } tags[] =
    {
        { "min16f", 100 + DXBC_MIN_PRECISION_FLOAT_16 }, { "min2_8f", 100 + DXBC_MIN_PRECISION_FLOAT_2_8 },
        { "min16i", 100 + DXBC_MIN_PRECISION_SINT_16 }, { "min16u", 100 + DXBC_MIN_PRECISION_UINT_16 },
        { "nonuniform", 1 }, { "ext", 2 }, { "c0", 10 }, { "c1", 11 }, { "c4", 12 },
        { "mask", 20 + DXBC_SELECT_MASK }, { "swizzle", 20 + DXBC_SELECT_SWIZZLE }, { "select1", 20 + DXBC_SELECT_SELECT1 },
    };

    for (;;)
    {
        const char *save = a->p;
        size_t i, n;

        skip_ws(a);
        if (*a->p != '{')
        {
            a->p = save;
            return true;
        }
        a->p++;
        n = word_length(a->p);
        for (i = 0; i < sizeof(tags) / sizeof(*tags); ++i)
            if (strlen(tags[i].name) == n && !strncmp(a->p, tags[i].name, n))
                break;
        if (i == sizeof(tags) / sizeof(*tags))
        {
            if (n > 4 && !strncmp(a->p, "minp", 4))
            {
                o->op.min_precision = (enum dxbc_min_precision)atoi(a->p + 4);
                o->op.extended = true;
            }
            else
            {
                fail(a, "unknown operand tag at '%.20s'", a->p);
                return false;
            }
        }
        else if (tags[i].value >= 100)
        {
            o->op.min_precision = (enum dxbc_min_precision)(tags[i].value - 100);
            o->op.extended = true;
        }
        else if (tags[i].value == 1)
            o->op.nonuniform = o->op.extended = true;
        else if (tags[i].value == 2)
            o->op.extended = true;
        else
            *forced = tags[i].value;
        a->p += n;
        if (!expect(a, "}"))
            return false;
    }
}

static bool parse_operand(struct assembler *a, struct operand *o, enum dxbc_text_role role, unsigned int depth)
{
    struct dxbc_operand *op = &o->op;
    unsigned int letters = 0, i;
    int comps[4], forced = 0;

    if (depth > 4)
    {
        fail(a, "relative addressing nested too deeply");
        return false;
    }
    memset(o, 0, sizeof(*o));
    skip_ws(a);
    if (*a->p == '-')
    {
        op->neg = true;
        a->p++;
    }
    skip_ws(a);
    if (*a->p == '|')
    {
        op->abs = true;
        a->p++;
    }
    skip_ws(a);
    if ((a->p[0] == 'l' || a->p[0] == 'd') && a->p[1] == '(')
    {
        bool is64 = a->p[0] == 'd';

        op->type = is64 ? DXBC_REG_IMMEDIATE64 : DXBC_REG_IMMEDIATE32;
        a->p += 2;
        for (i = 0; i < (is64 ? 2u : 4u); ++i)
        {
            if (i && !accept(a, ","))
                break;
            if (is64 ? !parse_number64(a, &op->imm.u64[i]) : !parse_number32(a, &op->imm.u32[i]))
                return false;
        }
        if (!expect(a, ")"))
            return false;
        op->imm_count = i;
        if (is64 ? (i != 1 && i != 2) : (i != 1 && i != 4))
        {
            fail(a, "an immediate has 1 or %u values", is64 ? 2 : 4);
            return false;
        }
        op->components = i == 1 ? DXBC_COMPONENTS_1 : DXBC_COMPONENTS_4;
        op->select_mode = DXBC_SELECT_MASK;
        op->mask = 0;
    }
    else
    {
        if (!parse_register_name(a, &op->type))
            return false;
        if (isdigit((unsigned char)*a->p))
        {
            uint32_t v;

            if (!parse_u32(a, &v))
                return false;
            op->index[0].repr = DXBC_INDEX_IMM32;
            op->index[0].imm = v;
            op->index_count = 1;
        }
        while (*a->p == '[')
        {
            if (op->index_count == 3)
            {
                fail(a, "too many indices");
                return false;
            }
            a->p++;
            if (!parse_index(a, o, op->index_count, depth))
                return false;
            op->index_count++;
        }
        if (*a->p == '.')
        {
            a->p++;
            while (letters < 4 && component_index(*a->p) >= 0)
                comps[letters++] = component_index(*a->p++);
            if (!letters)
            {
                fail(a, "expected components after '.'");
                return false;
            }
        }
    }
    if (op->abs && !expect(a, "|"))
        return false;
    if (!parse_tags(a, o, &forced))
        return false;
    if (op->neg || op->abs)
        op->extended = true;

    if (op->type == DXBC_REG_IMMEDIATE32 || op->type == DXBC_REG_IMMEDIATE64)
        return true;
    if (!letters)
    {
        dxbc_text_default_selection(op->type, role, op);
        if (forced == 10) op->components = DXBC_COMPONENTS_0;
        else if (forced == 11) op->components = DXBC_COMPONENTS_1;
        else if (forced == 12)
        {
            op->components = DXBC_COMPONENTS_4;
            op->select_mode = DXBC_SELECT_MASK;
            op->mask = 0;
        }
        return true;
    }
    op->components = DXBC_COMPONENTS_4;
    if (forced >= 20)
        op->select_mode = (enum dxbc_select_mode)(forced - 20);
    else if (role != DXBC_ROLE_SRC)
        op->select_mode = DXBC_SELECT_MASK;
    else
        op->select_mode = letters == 4 ? DXBC_SELECT_SWIZZLE : letters == 1 ? DXBC_SELECT_SELECT1 : DXBC_SELECT_MASK;
    switch (op->select_mode)
    {
        case DXBC_SELECT_MASK:
            for (i = 0; i < letters; ++i)
                op->mask |= 1u << comps[i];
            break;
        case DXBC_SELECT_SWIZZLE:
            for (i = 0; i < 4; ++i)
                op->swizzle[i] = (uint8_t)comps[i < letters ? i : letters - 1];
            break;
        default:
            op->select1 = (uint8_t)comps[0];
            break;
    }
    return true;
}

static void encode_operand(struct words *w, const struct operand *o)
{
    const struct dxbc_operand *op = &o->op;
    uint32_t token = op->components, i;

    if (op->components == DXBC_COMPONENTS_4 && op->type != DXBC_REG_IMMEDIATE32 && op->type != DXBC_REG_IMMEDIATE64)
    {
        token |= (uint32_t)op->select_mode << 2;
        if (op->select_mode == DXBC_SELECT_MASK)
            token |= (uint32_t)op->mask << 4;
        else if (op->select_mode == DXBC_SELECT_SWIZZLE)
            for (i = 0; i < 4; ++i)
                token |= (uint32_t)(op->swizzle[i] & 3) << (4 + 2 * i);
        else
            token |= (uint32_t)(op->select1 & 3) << 4;
    }
    token |= (uint32_t)op->type << 12;
    token |= (uint32_t)op->index_count << 20;
    for (i = 0; i < op->index_count; ++i)
        token |= (uint32_t)op->index[i].repr << (22 + 3 * i);
    if (op->extended)
        token |= 1u << 31;
    emit(w, token);
    if (op->extended)
        emit(w, 1u | ((uint32_t)(op->neg | (op->abs << 1)) << 6) | ((uint32_t)op->min_precision << 14)
                | ((uint32_t)op->nonuniform << 17));
    if (op->type == DXBC_REG_IMMEDIATE32)
        for (i = 0; i < op->imm_count; ++i)
            emit(w, op->imm.u32[i]);
    else if (op->type == DXBC_REG_IMMEDIATE64)
        for (i = 0; i < 2 * op->imm_count; ++i)
            emit(w, op->imm.u32[i]);
    for (i = 0; i < op->index_count; ++i)
    {
        if (op->index[i].repr != DXBC_INDEX_RELATIVE)
            emit(w, (uint32_t)op->index[i].imm);
        if (o->rel[i])
            encode_operand(w, o->rel[i]);
    }
}

/* ---- signatures derived from declarations ---- */

static const struct { uint32_t sv; const char *name; uint32_t d3d_name; uint32_t type; } sysval_semantics[] =
{
    { DXBC_SV_POSITION, "SV_Position", 1, 3 }, { DXBC_SV_CLIP_DISTANCE, "SV_ClipDistance", 2, 3 },
    { DXBC_SV_CULL_DISTANCE, "SV_CullDistance", 3, 3 }, { DXBC_SV_RENDER_TARGET_ARRAY_INDEX, "SV_RenderTargetArrayIndex", 4, 1 },
    { DXBC_SV_VIEWPORT_ARRAY_INDEX, "SV_ViewportArrayIndex", 5, 1 }, { DXBC_SV_VERTEX_ID, "SV_VertexID", 6, 1 },
    { DXBC_SV_PRIMITIVE_ID, "SV_PrimitiveID", 7, 1 }, { DXBC_SV_INSTANCE_ID, "SV_InstanceID", 8, 1 },
    { DXBC_SV_IS_FRONT_FACE, "SV_IsFrontFace", 9, 1 }, { DXBC_SV_SAMPLE_INDEX, "SV_SampleIndex", 10, 1 },
    { DXBC_SV_FINAL_QUAD_U_EQ_0_EDGE_TESSFACTOR, "SV_TessFactor", 11, 3 },
    { DXBC_SV_FINAL_QUAD_V_EQ_0_EDGE_TESSFACTOR, "SV_TessFactor", 11, 3 },
    { DXBC_SV_FINAL_QUAD_U_EQ_1_EDGE_TESSFACTOR, "SV_TessFactor", 11, 3 },
    { DXBC_SV_FINAL_QUAD_V_EQ_1_EDGE_TESSFACTOR, "SV_TessFactor", 11, 3 },
    { DXBC_SV_FINAL_QUAD_U_INSIDE_TESSFACTOR, "SV_InsideTessFactor", 12, 3 },
    { DXBC_SV_FINAL_QUAD_V_INSIDE_TESSFACTOR, "SV_InsideTessFactor", 12, 3 },
    { DXBC_SV_FINAL_TRI_U_EQ_0_EDGE_TESSFACTOR, "SV_TessFactor", 13, 3 },
    { DXBC_SV_FINAL_TRI_V_EQ_0_EDGE_TESSFACTOR, "SV_TessFactor", 13, 3 },
    { DXBC_SV_FINAL_TRI_W_EQ_0_EDGE_TESSFACTOR, "SV_TessFactor", 13, 3 },
    { DXBC_SV_FINAL_TRI_INSIDE_TESSFACTOR, "SV_InsideTessFactor", 14, 3 },
    { DXBC_SV_FINAL_LINE_DETAIL_TESSFACTOR, "SV_TessFactor", 15, 3 },
    { DXBC_SV_FINAL_LINE_DENSITY_TESSFACTOR, "SV_TessFactor", 16, 3 },
};

static void derive_element(struct assembler *a, unsigned int kind, const struct dxbc_operand *op, uint32_t sysval)
{
    struct sig *sig = &a->sigs[kind];
    struct sig_element *e;
    unsigned int i;

    if (sig->explicit || sig->count == MAX_SIG_ELEMENTS)
        return;
    e = &sig->elements[sig->count];
    memset(e, 0, sizeof(*e));
    e->type = 3;
    e->mask = op->components == DXBC_COMPONENTS_4 && op->select_mode == DXBC_SELECT_MASK ? op->mask : 1;
    e->reg = op->index_count ? (uint32_t)op->index[op->index_count - 1].imm : 0;
    switch (op->type)
    {
        case DXBC_REG_OUTPUT_DEPTH: strcpy(e->name, "SV_Depth"); e->sysval = 65; e->reg = ~0u; break;
        case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL: strcpy(e->name, "SV_DepthGreaterEqual"); e->sysval = 67; e->reg = ~0u; break;
        case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL: strcpy(e->name, "SV_DepthLessEqual"); e->sysval = 68; e->reg = ~0u; break;
        case DXBC_REG_OUTPUT_COVERAGE_MASK: strcpy(e->name, "SV_Coverage"); e->sysval = 66; e->reg = ~0u; e->type = 1; break;
        case DXBC_REG_INPUT: case DXBC_REG_OUTPUT: case DXBC_REG_INPUT_CONTROL_POINT:
        case DXBC_REG_OUTPUT_CONTROL_POINT: case DXBC_REG_INPUT_PATCH_CONSTANT:
            if (sysval)
            {
                for (i = 0; i < sizeof(sysval_semantics) / sizeof(*sysval_semantics); ++i)
                    if (sysval_semantics[i].sv == sysval)
                        break;
                if (i == sizeof(sysval_semantics) / sizeof(*sysval_semantics))
                    return;
                strcpy(e->name, sysval_semantics[i].name);
                e->sysval = sysval_semantics[i].d3d_name;
                e->type = sysval_semantics[i].type;
                e->index = sysval >= DXBC_SV_FINAL_QUAD_U_EQ_0_EDGE_TESSFACTOR && sysval <= DXBC_SV_FINAL_QUAD_V_EQ_1_EDGE_TESSFACTOR
                        ? sysval - DXBC_SV_FINAL_QUAD_U_EQ_0_EDGE_TESSFACTOR
                        : sysval >= DXBC_SV_FINAL_TRI_U_EQ_0_EDGE_TESSFACTOR && sysval <= DXBC_SV_FINAL_TRI_W_EQ_0_EDGE_TESSFACTOR
                        ? sysval - DXBC_SV_FINAL_TRI_U_EQ_0_EDGE_TESSFACTOR
                        : sysval == DXBC_SV_FINAL_QUAD_V_INSIDE_TESSFACTOR || sysval == DXBC_SV_FINAL_LINE_DENSITY_TESSFACTOR ? 1 : 0;
            }
            else if (kind == 1 && a->program_type == 0)
            {
                strcpy(e->name, "SV_Target");
                e->index = e->reg;
                e->sysval = 64;
            }
            else
            {
                strcpy(e->name, "TEXCOORD");
                e->index = e->reg;
            }
            break;
        default:
            return;    /* vThreadID and friends have no signature element */
    }
    e->used = kind == 0 ? e->mask : 0;
    sig->count++;
}

/* ---- statements ---- */

static uint32_t opcode_token(enum dxbc_opcode opcode, uint32_t controls)
{
    return (uint32_t)opcode | (controls << 11);
}

/* Emits an instruction: patches the length once its operands are out. */
struct ins_builder
{
    size_t start;
};

static void begin(struct assembler *a, struct ins_builder *b, uint32_t token)
{
    b->start = a->tokens.count;
    emit(&a->tokens, token);
}

static void end(struct assembler *a, struct ins_builder *b)
{
    size_t length = a->tokens.count - b->start;

    if (a->tokens.oom)
        return;
    if (length > 127)
    {
        fail(a, "instruction longer than 127 tokens");
        return;
    }
    a->tokens.data[b->start] |= (uint32_t)length << 24;
}

static bool emit_operand(struct assembler *a, enum dxbc_text_role role, struct dxbc_operand *out)
{
    struct operand o;
    bool ok = parse_operand(a, &o, role, 0);

    if (ok)
    {
        encode_operand(&a->tokens, &o);
        if (out)
            *out = o.op;
    }
    free_operand(&o);
    return ok;
}

static bool parse_return_types(struct assembler *a, uint32_t *token)
{
    uint32_t i, v;

    *token = 0;
    if (!expect(a, "("))
        return false;
    for (i = 0; i < 4; ++i)
    {
        if (i && !expect(a, ","))
            return false;
        if (!PARSE_TABLE(a, dxbc_text_return_types, &v))
            return false;
        *token |= (v & 0xf) << (4 * i);
    }
    return expect(a, ")");
}

static bool parse_braced_numbers(struct assembler *a, struct words *out)
{
    int depth = 0;

    skip_ws(a);
    do
    {
        skip_ws(a);
        if (*a->p == '{')
        {
            depth++;
            a->p++;
        }
        else if (*a->p == '}')
        {
            depth--;
            a->p++;
        }
        else if (*a->p == ',')
            a->p++;
        else if (!*a->p)
        {
            fail(a, "unterminated '{'");
            return false;
        }
        else
        {
            uint32_t v;

            if (depth <= 0)
            {
                fail(a, "expected '{'");
                return false;
            }
            if (!parse_number32(a, &v))
                return false;
            emit(out, v);
        }
    } while (depth > 0);
    return true;
}

static bool at_end(struct assembler *a)
{
    skip_ws(a);
    if (*a->p)
    {
        fail(a, "unexpected text '%.20s'", a->p);
        return false;
    }
    return true;
}

static bool parse_id_list(struct assembler *a, const char *prefix, struct words *out)
{
    if (!expect(a, "{"))
        return false;
    if (accept(a, "}"))
        return true;
    do
    {
        uint32_t v;

        if (!expect(a, prefix) || !parse_u32(a, &v))
            return false;
        emit(out, v);
    } while (accept(a, ","));
    return expect(a, "}");
}

static bool assemble_declaration(struct assembler *a, const char *mnemonic, size_t mlen)
{
    struct ins_builder b;
    struct dxbc_operand op;
    uint32_t v, rt;

#define IS(s) (mlen == strlen(s) && !strncmp(mnemonic, s, mlen))
#define STARTS(s) (mlen >= strlen(s) && !strncmp(mnemonic, s, strlen(s)))

    if (IS("dcl_immediateConstantBuffer") || STARTS("customdata("))
    {
        struct words data = { 0 };
        uint32_t cls = DXBC_CUSTOMDATA_IMMEDIATE_CONSTANT_BUFFER;
        size_t i;

        if (STARTS("customdata("))
            cls = (uint32_t)strtoul(mnemonic + 11, NULL, 10);
        if (!parse_braced_numbers(a, &data) || !at_end(a))
        {
            free(data.data);
            return false;
        }
        emit(&a->tokens, opcode_token(DXBC_OP_CUSTOMDATA, 0) | (cls << 11));
        emit(&a->tokens, (uint32_t)data.count + 2);
        for (i = 0; i < data.count; ++i)
            emit(&a->tokens, data.data[i]);
        free(data.data);
        if (data.oom)
            fail(a, "out of memory");
        return !a->failed;
    }
    if (STARTS("dcl_resource_") && !IS("dcl_resource_raw") && !IS("dcl_resource_structured"))
    {
        const char *save = a->p;
        uint32_t dim, samples = 0;

        a->p = mnemonic + 13;
        if (!PARSE_TABLE(a, dxbc_text_resource_dims, &dim))
            return false;
        if (*a->p == '(' && (a->p++, !parse_u32(a, &samples) || !expect(a, ")")))
            return false;
        a->p = save;
        if (!parse_return_types(a, &rt))
            return false;
        begin(a, &b, opcode_token(DXBC_OP_DCL_RESOURCE, dim | (samples << 5)));
        if (!emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        emit(&a->tokens, rt);
        end(a, &b);
        return at_end(a);
    }
    if (STARTS("dcl_uav_typed_"))
    {
        const char *save = a->p;
        uint32_t dim, flags = 0;

        a->p = mnemonic + 14;
        if (!PARSE_TABLE_LOOSE(a, dxbc_text_resource_dims, &dim))
            return false;
        if (accept(a, "_glc")) flags |= 1u << 5;
        if (accept(a, "_rov")) flags |= 1u << 6;
        a->p = save;
        if (!parse_return_types(a, &rt))
            return false;
        begin(a, &b, opcode_token(DXBC_OP_DCL_UAV_TYPED, dim | flags));
        if (!emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        emit(&a->tokens, rt);
        end(a, &b);
        return at_end(a);
    }
    if (STARTS("dcl_uav_raw") || STARTS("dcl_uav_structured"))
    {
        bool structured = STARTS("dcl_uav_structured");
        const char *s = mnemonic + (structured ? 18 : 11), *e = mnemonic + mlen;
        uint32_t flags = 0;

        while (s < e)
        {
            if (!strncmp(s, "_glc", 4)) flags |= 1u << 5;
            else if (!strncmp(s, "_rov", 4)) flags |= 1u << 6;
            else if (structured && !strncmp(s, "_opc", 4)) flags |= 1u << 12;
            else
            {
                fail(a, "unknown suffix '%.*s'", (int)(e - s), s);
                return false;
            }
            s += 4;
        }
        begin(a, &b, opcode_token(structured ? DXBC_OP_DCL_UAV_STRUCTURED : DXBC_OP_DCL_UAV_RAW, flags));
        if (!emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        if (structured)
        {
            if (!expect(a, ",") || !parse_u32(a, &v))
                return false;
            emit(&a->tokens, v);
        }
        end(a, &b);
        return at_end(a);
    }
    if (STARTS("dcl_interface"))
    {
        uint32_t id, arr, sites;
        struct words list = { 0 };
        size_t i;

        if (!IS("dcl_interface") && !IS("dcl_interface_dynamicindexed"))
            return false;
        begin(a, &b, opcode_token(DXBC_OP_DCL_INTERFACE, IS("dcl_interface") ? 0 : 1));
        skip_ws(a);
        if (*a->p == '{')
        {
            if (!parse_braced_numbers(a, &list))
                goto interface_fail;
            for (i = 0; i < list.count; ++i)
                emit(&a->tokens, list.data[i]);
        }
        else
        {
            if (!expect(a, "fp") || !parse_u32(a, &id) || !expect(a, "[") || !parse_u32(a, &arr) || !expect(a, "]")
                    || !expect(a, "[") || !parse_u32(a, &sites) || !expect(a, "]") || !expect(a, "=")
                    || !parse_id_list(a, "ft", &list))
                goto interface_fail;
            emit(&a->tokens, id);
            emit(&a->tokens, sites);
            emit(&a->tokens, (uint32_t)list.count | (arr << 16));
            for (i = 0; i < list.count; ++i)
                emit(&a->tokens, list.data[i]);
        }
        free(list.data);
        end(a, &b);
        return at_end(a);
interface_fail:
        free(list.data);
        return false;
    }
    if (STARTS("fcall("))
    {
        a->p = mnemonic + 6;
        if (!parse_u32(a, &v) || !expect(a, ")"))
            return false;
        a->p = mnemonic + mlen;
        begin(a, &b, opcode_token(DXBC_OP_INTERFACE_CALL, 0));
        emit(&a->tokens, v);
        if (!emit_operand(a, DXBC_ROLE_SRC, NULL))
            return false;
        end(a, &b);
        return at_end(a);
    }
    if (STARTS("sync"))
    {
        const char *s = mnemonic + 4, *e = mnemonic + mlen;
        uint32_t flags = 0;

        while (s < e)
        {
            if (!strncmp(s, "_uglobal", 8)) { flags |= DXBC_SYNC_UAV_GLOBAL; s += 8; }
            else if (!strncmp(s, "_ugroup", 7)) { flags |= DXBC_SYNC_UAV_GROUP; s += 7; }
            else if (!strncmp(s, "_g", 2)) { flags |= DXBC_SYNC_TGSM; s += 2; }
            else if (!strncmp(s, "_t", 2)) { flags |= DXBC_SYNC_THREADS_IN_GROUP; s += 2; }
            else
            {
                fail(a, "unknown sync flag '%.*s'", (int)(e - s), s);
                return false;
            }
        }
        begin(a, &b, opcode_token(DXBC_OP_SYNC, flags));
        end(a, &b);
        return at_end(a);
    }

    {
        enum dxbc_opcode opcode;
        const struct dxbc_opcode_info *info;

        if (!dxbc_opcode_from_name(mnemonic, mlen, &opcode))
            return false;
        info = dxbc_opcode_get_info(opcode);
        if (!(info->flags & DXBC_OPF_CUSTOM_LAYOUT))
            return false;

        switch (opcode)
        {
            case DXBC_OP_DCL_GLOBAL_FLAGS:
            {
                uint32_t flags = 0;

                do
                {
                    skip_ws(a);
                    if (isdigit((unsigned char)*a->p))
                    {
                        if (!parse_u32(a, &v))
                            return false;
                        flags |= v >> 11 ? v >> 11 : v;
                    }
                    else
                    {
                        if (!PARSE_TABLE(a, dxbc_text_global_flags, &v))
                            return false;
                        flags |= 1u << v;
                    }
                } while (accept(a, "|"));
                begin(a, &b, opcode_token(opcode, flags));
                end(a, &b);
                return at_end(a);
            }
            case DXBC_OP_DCL_CONSTANT_BUFFER:
                begin(a, &b, 0);
                if (!emit_operand(a, DXBC_ROLE_DCL, NULL) || !expect(a, ","))
                    return false;
                if (accept(a, "dynamicIndexed"))
                    v = 1;
                else if (expect(a, "immediateIndexed"))
                    v = 0;
                else
                    return false;
                a->tokens.data[b.start] = opcode_token(opcode, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_SAMPLER:
                begin(a, &b, 0);
                if (!emit_operand(a, DXBC_ROLE_DCL, NULL) || !expect(a, ",")
                        || !PARSE_TABLE(a, dxbc_text_sampler_modes, &v))
                    return false;
                a->tokens.data[b.start] = opcode_token(opcode, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_INDEX_RANGE:
                begin(a, &b, opcode_token(opcode, 0));
                if (!emit_operand(a, DXBC_ROLE_DCL, NULL) || !parse_u32(a, &v))
                    return false;
                emit(&a->tokens, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY:
                if (!PARSE_TABLE(a, dxbc_text_topologies, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, v));
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_GS_INPUT_PRIMITIVE:
            {
                static const char *const prims[8] = { "undefined", "point", "line", "triangle", NULL, NULL, "lineadj", "triangleadj" };

                if (accept(a, "patch"))
                {
                    if (!parse_u32(a, &v))
                        return false;
                    v += 7;
                }
                else if (!PARSE_TABLE(a, prims, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, v));
                end(a, &b);
                return at_end(a);
            }
            case DXBC_OP_DCL_INPUT_PS:
            case DXBC_OP_DCL_INPUT_PS_SGV:
            case DXBC_OP_DCL_INPUT_PS_SIV:
            {
                uint32_t interp = 0;

                skip_ws(a);
                if (!(*a->p == 'v' && !isalpha((unsigned char)a->p[1])) && strncmp(a->p, "v[", 2) && isalpha((unsigned char)*a->p)
                        && strncmp(a->p, "vPrim", 5) && strncmp(a->p, "vCoverage", 9) && strncmp(a->p, "vInnerCoverage", 14))
                {
                    if (!PARSE_TABLE(a, dxbc_text_interpolations, &interp))
                        return false;
                }
                begin(a, &b, opcode_token(opcode, interp));
                if (!emit_operand(a, DXBC_ROLE_DCL, &op))
                    return false;
                v = 0;
                if (opcode != DXBC_OP_DCL_INPUT_PS)
                {
                    if (!expect(a, ",") || !PARSE_TABLE(a, dxbc_text_sysvals, &v))
                        return false;
                    emit(&a->tokens, v);
                }
                end(a, &b);
                derive_element(a, 0, &op, v);
                return at_end(a);
            }
            case DXBC_OP_DCL_INPUT:
            case DXBC_OP_DCL_OUTPUT:
            case DXBC_OP_DCL_INPUT_SGV:
            case DXBC_OP_DCL_INPUT_SIV:
            case DXBC_OP_DCL_OUTPUT_SGV:
            case DXBC_OP_DCL_OUTPUT_SIV:
            {
                bool output = opcode == DXBC_OP_DCL_OUTPUT || opcode == DXBC_OP_DCL_OUTPUT_SGV || opcode == DXBC_OP_DCL_OUTPUT_SIV;
                unsigned int kind;

                begin(a, &b, opcode_token(opcode, 0));
                if (!emit_operand(a, DXBC_ROLE_DCL, &op))
                    return false;
                v = 0;
                if (opcode != DXBC_OP_DCL_INPUT && opcode != DXBC_OP_DCL_OUTPUT)
                {
                    if (!expect(a, ",") || !PARSE_TABLE(a, dxbc_text_sysvals, &v))
                        return false;
                    emit(&a->tokens, v);
                }
                end(a, &b);
                kind = output ? (a->program_type == 3 && a->in_fork_join ? 2 : 1)
                        : (op.type == DXBC_REG_INPUT_PATCH_CONSTANT ? 2 : 0);
                if (!(a->program_type == 3 && !output && a->in_fork_join))   /* HS fork/join inputs repeat the CP signature */
                    derive_element(a, kind, &op, v);
                return at_end(a);
            }
            case DXBC_OP_DCL_STREAM:
            case DXBC_OP_DCL_RESOURCE_RAW:
                begin(a, &b, opcode_token(opcode, 0));
                if (!emit_operand(a, DXBC_ROLE_DCL, NULL))
                    return false;
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_RESOURCE_STRUCTURED:
            case DXBC_OP_DCL_TGSM_RAW:
            case DXBC_OP_DCL_TGSM_STRUCTURED:
                begin(a, &b, opcode_token(opcode, 0));
                if (!emit_operand(a, DXBC_ROLE_DCL, NULL) || !expect(a, ",") || !parse_u32(a, &v))
                    return false;
                emit(&a->tokens, v);
                if (opcode == DXBC_OP_DCL_TGSM_STRUCTURED)
                {
                    if (!expect(a, ",") || !parse_u32(a, &v))
                        return false;
                    emit(&a->tokens, v);
                }
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_TEMPS:
            case DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT:
            case DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT:
            case DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT:
            case DXBC_OP_DCL_GS_INSTANCE_COUNT:
                if (!parse_u32(a, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, 0));
                emit(&a->tokens, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT:
            case DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT:
                if (!parse_u32(a, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, v & 0x3f));
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_TESS_DOMAIN:
            case DXBC_OP_DCL_TESS_PARTITIONING:
            case DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE:
                if (opcode == DXBC_OP_DCL_TESS_DOMAIN ? !PARSE_TABLE(a, dxbc_text_tess_domains, &v)
                        : opcode == DXBC_OP_DCL_TESS_PARTITIONING ? !PARSE_TABLE(a, dxbc_text_tess_partitionings, &v)
                        : !PARSE_TABLE(a, dxbc_text_tess_outputs, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, v));
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_HS_MAX_TESSFACTOR:
                if (!expect(a, "l(") || !parse_number32(a, &v) || !expect(a, ")"))
                    return false;
                begin(a, &b, opcode_token(opcode, 0));
                emit(&a->tokens, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_THREAD_GROUP:
            {
                uint32_t x, y, z;

                if (!parse_u32(a, &x) || !expect(a, ",") || !parse_u32(a, &y) || !expect(a, ",") || !parse_u32(a, &z))
                    return false;
                begin(a, &b, opcode_token(opcode, 0));
                emit(&a->tokens, x);
                emit(&a->tokens, y);
                emit(&a->tokens, z);
                end(a, &b);
                return at_end(a);
            }
            case DXBC_OP_DCL_INDEXABLE_TEMP:
            {
                uint32_t reg, size, comps;

                if (!expect(a, "x") || !parse_u32(a, &reg) || !expect(a, "[") || !parse_u32(a, &size) || !expect(a, "]")
                        || !expect(a, ",") || !parse_u32(a, &comps))
                    return false;
                begin(a, &b, opcode_token(opcode, 0));
                emit(&a->tokens, reg);
                emit(&a->tokens, size);
                emit(&a->tokens, comps);
                end(a, &b);
                return at_end(a);
            }
            case DXBC_OP_DCL_FUNCTION_BODY:
                if (!expect(a, "fb") || !parse_u32(a, &v))
                    return false;
                begin(a, &b, opcode_token(opcode, 0));
                emit(&a->tokens, v);
                end(a, &b);
                return at_end(a);
            case DXBC_OP_DCL_FUNCTION_TABLE:
            {
                struct words list = { 0 };
                size_t i;
                bool ok;

                begin(a, &b, opcode_token(opcode, 0));
                skip_ws(a);
                if (*a->p == '{')
                    ok = parse_braced_numbers(a, &list);
                else
                {
                    ok = expect(a, "ft") && parse_u32(a, &v) && expect(a, "=") && parse_id_list(a, "fb", &list);
                    if (ok)
                    {
                        emit(&a->tokens, v);
                        emit(&a->tokens, (uint32_t)list.count);
                    }
                }
                for (i = 0; ok && i < list.count; ++i)
                    emit(&a->tokens, list.data[i]);
                free(list.data);
                if (!ok)
                    return false;
                end(a, &b);
                return at_end(a);
            }
            default:
                fail(a, "cannot assemble '%.*s'", (int)mlen, mnemonic);
                return false;
        }
    }
#undef IS
#undef STARTS
}

/* Suffixes after the opcode name of a plain instruction. */
struct suffixes
{
    bool sat, nz, z, uint_, rcp;
    bool has_offsets, has_dim, has_rt;
    int32_t off[3];
    uint32_t dim, stride, rt, precise;
};

static bool parse_suffixes(struct assembler *a, const char *s, const char *e, struct suffixes *sf)
{
    const char *save = a->p;
    bool ok = true;

    memset(sf, 0, sizeof(*sf));
    a->p = s;
    while (ok && a->p < e)
    {
        if (!strncmp(a->p, "_sat", 4)) { sf->sat = true; a->p += 4; }
        else if (!strncmp(a->p, "_nz", 3)) { sf->nz = true; a->p += 3; }
        else if (!strncmp(a->p, "_z", 2)) { sf->z = true; a->p += 2; }
        else if (!strncmp(a->p, "_uint", 5)) { sf->uint_ = true; a->p += 5; }
        else if (!strncmp(a->p, "_rcpFloat", 9)) { sf->rcp = true; a->p += 9; }
        else if (!strncmp(a->p, "_aoffimmi(", 10) || !strncmp(a->p, "_aoffimmi_indexable(", 20))
        {
            bool dim = a->p[9] == '_';

            a->p += dim ? 20 : 10;
            sf->has_offsets = true;
            ok = parse_i32(a, &sf->off[0]) && expect(a, ",") && parse_i32(a, &sf->off[1]) && expect(a, ",")
                    && parse_i32(a, &sf->off[2]) && expect(a, ")");
            if (ok && dim)
            {
                sf->has_dim = true;
                ok = expect(a, "(") && PARSE_TABLE(a, dxbc_text_resource_dims, &sf->dim);
                if (ok && accept(a, ","))
                    ok = expect(a, "stride=") && parse_u32(a, &sf->stride);
                ok = ok && expect(a, ")");
            }
        }
        else if (!strncmp(a->p, "_indexable(", 11))
        {
            a->p += 11;
            sf->has_dim = true;
            ok = PARSE_TABLE(a, dxbc_text_resource_dims, &sf->dim);
            if (ok && accept(a, ","))
                ok = expect(a, "stride=") && parse_u32(a, &sf->stride);
            ok = ok && expect(a, ")");
        }
        else if (*a->p == '(')
        {
            sf->has_rt = true;
            ok = parse_return_types(a, &sf->rt);
        }
        else if (!strncmp(a->p, "_precise(", 9))
        {
            a->p += 9;
            ok = parse_mask_letters(a, &sf->precise) && expect(a, ")");
        }
        else
            ok = false;
    }
    a->p = save;
    return ok && !a->failed;
}

static bool assemble_instruction(struct assembler *a, const char *mnemonic, size_t mlen)
{
    const struct dxbc_opcode_info *info, *best_info = NULL;
    struct suffixes sf, best_sf;
    enum dxbc_opcode best = DXBC_OP_NOP;
    size_t best_len = 0;
    struct ins_builder b;
    uint32_t i, token, controls = 0;
    unsigned int ext_count = 0;

    for (i = 0; i < DXBC_OP_COUNT; ++i)
    {
        size_t n;

        if (!(info = dxbc_opcode_get_info(i)) || (info->flags & (DXBC_OPF_CUSTOM_LAYOUT | DXBC_OPF_RESERVED)))
            continue;
        n = strlen(info->name);
        if (n <= mlen && n > best_len && !strncmp(mnemonic, info->name, n))
        {
            bool failed = a->failed;

            if (parse_suffixes(a, mnemonic + n, mnemonic + mlen, &sf))
            {
                best = (enum dxbc_opcode)i;
                best_info = info;
                best_len = n;
                best_sf = sf;
            }
            a->failed = failed;
        }
    }
    if (!best_info)
    {
        fail(a, "unknown instruction '%.*s'", (int)mlen, mnemonic);
        return false;
    }
    info = best_info;
    sf = best_sf;

    if (sf.sat) controls |= 1u << 2;
    if ((info->flags & DXBC_OPF_TEST) && sf.nz) controls |= 1u << 7;
    if ((info->flags & DXBC_OPF_TEST) && !sf.nz && !sf.z)
    {
        fail(a, "'%s' needs _z or _nz", info->name);
        return false;
    }
    if (best == DXBC_OP_RESINFO)
        controls |= sf.uint_ ? DXBC_RESINFO_UINT : sf.rcp ? DXBC_RESINFO_RCP_FLOAT : 0;
    else if (best == DXBC_OP_SAMPLE_INFO && sf.uint_)
        controls |= 1;
    controls |= sf.precise << 8;
    token = opcode_token(best, controls);
    ext_count = sf.has_offsets + sf.has_dim + sf.has_rt;
    if (ext_count)
        token |= 1u << 31;
    begin(a, &b, token);
    if (sf.has_offsets)
        emit(&a->tokens, 1u | ((uint32_t)(sf.off[0] & 0xf) << 9) | ((uint32_t)(sf.off[1] & 0xf) << 13)
                | ((uint32_t)(sf.off[2] & 0xf) << 17) | (--ext_count ? 1u << 31 : 0));
    if (sf.has_dim)
        emit(&a->tokens, 2u | ((sf.dim & 0x1f) << 6) | ((sf.stride & 0xfff) << 11) | (--ext_count ? 1u << 31 : 0));
    if (sf.has_rt)
        emit(&a->tokens, 3u | (sf.rt << 6));

    for (i = 0; i < (uint32_t)info->dst_count + info->src_count; ++i)
    {
        if (i && !expect(a, ","))
            return false;
        if (!emit_operand(a, i < info->dst_count ? DXBC_ROLE_DST : DXBC_ROLE_SRC, NULL))
            return false;
    }
    end(a, &b);
    if (best == DXBC_OP_HS_FORK_PHASE || best == DXBC_OP_HS_JOIN_PHASE)
        a->in_fork_join = true;
    else if (best == DXBC_OP_HS_CONTROL_POINT_PHASE)
        a->in_fork_join = false;
    return at_end(a);
}

static const char *const sig_kinds[3] = { "input", "output", "patch" };

static bool parse_signature_line(struct assembler *a)
{
    struct sig_element e;
    uint32_t kind, v;
    struct sig *sig;
    size_t n, i;

    memset(&e, 0, sizeof(e));
    if (!PARSE_TABLE(a, sig_kinds, &kind))
        return false;
    if (accept(a, "-1"))
        e.reg = ~0u;
    else if (!parse_u32(a, &e.reg))
        return false;
    if (!parse_mask_letters(a, &e.mask))
        return false;
    skip_ws(a);
    if (!strncmp(a->p, "\"\"", 2))
        a->p += 2;
    else
    {
        n = 0;
        while (a->p[n] && a->p[n] != ' ' && a->p[n] != '\t')
            ++n;
        if (!n || n >= sizeof(e.name))
        {
            fail(a, "bad semantic name");
            return false;
        }
        memcpy(e.name, a->p, n);
        a->p += n;
    }
    if (!parse_u32(a, &e.index))
        return false;
    skip_ws(a);
    for (i = 0; dxbc_text_sig_names[i].name; ++i)
    {
        n = strlen(dxbc_text_sig_names[i].name);
        if (!strncmp(a->p, dxbc_text_sig_names[i].name, n) && (a->p[n] == ' ' || a->p[n] == '\t'))
        {
            e.sysval = dxbc_text_sig_names[i].value;
            a->p += n;
            break;
        }
    }
    if (!dxbc_text_sig_names[i].name && !parse_u32(a, &e.sysval))
        return false;
    if (!PARSE_TABLE(a, dxbc_text_component_types, &e.type) || !parse_mask_letters(a, &e.used))
        return false;
    for (;;)
    {
        if (accept(a, "stream="))
        {
            if (!parse_u32(a, &v))
                return false;
            e.stream = v;
        }
        else if (accept(a, "minprecision="))
        {
            if (!parse_u32(a, &v))
                return false;
            e.minprec = v;
        }
        else
            break;
    }
    if (!at_end(a))
        return false;
    sig = &a->sigs[kind];
    if (!sig->explicit)
    {
        sig->explicit = true;
        sig->count = 0;    /* explicit lines replace anything derived so far */
    }
    if (sig->count == MAX_SIG_ELEMENTS)
    {
        fail(a, "too many signature elements");
        return false;
    }
    sig->elements[sig->count++] = e;
    return true;
}

static bool parse_version(struct assembler *a, const char *s, size_t n)
{
    unsigned int i;

    for (i = 0; i < 6; ++i)
    {
        if (n == 6 && !strncmp(s, dxbc_text_program_prefixes[i], 2) && s[2] == '_' && s[4] == '_'
                && (s[3] == '4' || s[3] == '5') && (s[5] == '0' || s[5] == '1') && !(s[3] == '5' && s[5] == '1'))
        {
            a->program_type = i;
            a->major = (uint32_t)(s[3] - '0');
            a->minor = (uint32_t)(s[5] - '0');
            a->have_version = true;
            return true;
        }
    }
    return false;
}

static bool assemble_statement(struct assembler *a, char *line)
{
    const char *mnemonic;
    size_t mlen = 0;
    int depth = 0;

    a->p = line;
    skip_ws(a);
    if (!strncmp(a->p, "//", 2))
    {
        a->p += 2;
        if (accept(a, "sig "))
            return parse_signature_line(a);
        if (accept(a, "sfi0 "))
        {
            skip_ws(a);
            a->sfi0 = strtoull(a->p, NULL, 0);
            a->has_sfi0 = true;
        }
        return true;
    }
    {
        char *comment = strstr(line, "//");

        if (comment)
            *comment = 0;
    }
    skip_ws(a);
    if (!*a->p)
        return true;
    mnemonic = a->p;
    while (mnemonic[mlen] && (depth > 0 || (mnemonic[mlen] != ' ' && mnemonic[mlen] != '\t')))
    {
        if (mnemonic[mlen] == '(') depth++;
        else if (mnemonic[mlen] == ')') depth--;
        ++mlen;
    }
    a->p = mnemonic + mlen;

    if (!a->have_version)
    {
        if (!parse_version(a, mnemonic, mlen))
        {
            fail(a, "expected a version line (e.g. vs_5_0) before '%.*s'", (int)mlen, mnemonic);
            return false;
        }
        return at_end(a);
    }
    if (assemble_declaration(a, mnemonic, mlen))
        return true;
    if (a->failed)
        return false;
    return assemble_instruction(a, mnemonic, mlen);
}

/* ---- container output ---- */

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

static bool build_container(struct assembler *a, void **blob, size_t *size)
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
        fail(a, "out of memory");
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

bool dxbc_assemble(const char *text, void **blob, size_t *size, char *error, size_t error_size)
{
    struct assembler *a;
    const char *p = text;
    char *statement = NULL;
    size_t capacity = 0;
    bool ok = false;

    if (error && error_size)
        error[0] = 0;
    if (!blob || !size)
        return false;
    *blob = NULL;
    *size = 0;
    if (!text)
        return false;
    if (!(a = calloc(1, sizeof(*a))))
        return false;
    a->error = error;
    a->error_size = error_size;
    emit(&a->tokens, 0);   /* version, patched below */
    emit(&a->tokens, 0);   /* length */

    while (*p && !a->failed)
    {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p), used = 0;
        int braces = 0;
        size_t k;

        a->line++;
        /* Gather one statement: a line, or several while a '{' is open. */
        for (;;)
        {
            if (used + n + 2 > capacity)
            {
                char *s;

                capacity = (used + n + 2) * 2;
                if (!(s = realloc(statement, capacity)))
                {
                    fail(a, "out of memory");
                    goto done;
                }
                statement = s;
            }
            memcpy(statement + used, p, n);
            used += n;
            statement[used++] = ' ';
            statement[used] = 0;
            p += n + (eol ? 1 : 0);
            if (strncmp(statement + strspn(statement, " \t"), "//", 2))
                for (k = used - n - 1; k < used; ++k)
                    braces += statement[k] == '{' ? 1 : statement[k] == '}' ? -1 : 0;
            if (braces <= 0 || !*p)
                break;
            eol = strchr(p, '\n');
            n = eol ? (size_t)(eol - p) : strlen(p);
        }
        if (!assemble_statement(a, statement) && !a->failed)
            fail(a, "syntax error");
    }
    if (!a->failed && !a->have_version)
        fail(a, "no version line");
    if (a->failed)
        goto done;
    if (a->tokens.oom)
    {
        fail(a, "out of memory");
        goto done;
    }
    a->tokens.data[0] = (a->program_type << 16) | (a->major << 4) | a->minor;
    a->tokens.data[1] = (uint32_t)a->tokens.count;
    ok = build_container(a, blob, size);

done:
    free(statement);
    free(a->tokens.data);
    free(a);
    return ok;
}
