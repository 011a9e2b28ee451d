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

#include "asm_private.h"

void dxbc_asm_fail(struct assembler *a, const char *fmt, ...)
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

void dxbc_asm_emit(struct words *w, uint32_t value)
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

void dxbc_asm_skip_ws(struct assembler *a)
{
    while (*a->p == ' ' || *a->p == '\t' || *a->p == '\r' || *a->p == '\n')
        a->p++;
}

bool dxbc_asm_accept(struct assembler *a, const char *s)
{
    size_t n = strlen(s);

    dxbc_asm_skip_ws(a);
    if (strncmp(a->p, s, n))
        return false;
    a->p += n;
    return true;
}

bool dxbc_asm_expect(struct assembler *a, const char *s)
{
    if (dxbc_asm_accept(a, s))
        return true;
    dxbc_asm_fail(a, "expected '%s' at '%.20s'", s, a->p);
    return false;
}

bool dxbc_asm_parse_u32(struct assembler *a, uint32_t *value)
{
    unsigned long long v;
    char *end;

    dxbc_asm_skip_ws(a);
    if (!isdigit((unsigned char)*a->p))
    {
        dxbc_asm_fail(a, "expected a number at '%.20s'", a->p);
        return false;
    }
    v = strtoull(a->p, &end, 0);
    if (v > 0xffffffffull)
    {
        dxbc_asm_fail(a, "number out of range at '%.20s'", a->p);
        return false;
    }
    a->p = end;
    *value = (uint32_t)v;
    return true;
}

static bool parse_i32(struct assembler *a, int32_t *value)
{
    bool neg = dxbc_asm_accept(a, "-");
    uint32_t v;

    if (!dxbc_asm_parse_u32(a, &v))
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
bool dxbc_asm_parse_table(struct assembler *a, const char *const *table, size_t count, uint32_t *value, bool loose)
{
    size_t i, best_len = 0;

    dxbc_asm_skip_ws(a);
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
        return dxbc_asm_parse_u32(a, value);
    dxbc_asm_fail(a, "unknown name at '%.20s'", a->p);
    return false;
}


/* A number as the disassembler writes it: 0x bits, float (with '.'/exponent) or integer. */
bool dxbc_asm_parse_number32(struct assembler *a, uint32_t *bits)
{
    const char *start;
    char buf[64];
    size_t n;

    dxbc_asm_skip_ws(a);
    start = a->p;
    while (*a->p && *a->p != ',' && *a->p != ')' && *a->p != '}' && *a->p != ' ' && *a->p != '\t')
        a->p++;
    n = (size_t)(a->p - start);
    if (!n || n >= sizeof(buf))
    {
        dxbc_asm_fail(a, "expected a number at '%.20s'", start);
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
        bool ok;
        float f = dxbc_text_strtof(buf, &ok);

        if (!ok)
        {
            dxbc_asm_fail(a, "bad number '%s'", buf);
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
            dxbc_asm_fail(a, "bad number '%s'", buf);
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
    bool ok;
    size_t n;

    dxbc_asm_skip_ws(a);
    start = a->p;
    while (*a->p && *a->p != ',' && *a->p != ')' && *a->p != ' ')
        a->p++;
    n = (size_t)(a->p - start);
    if (!n || n >= sizeof(buf))
    {
        dxbc_asm_fail(a, "expected a number at '%.20s'", start);
        return false;
    }
    memcpy(buf, start, n);
    buf[n] = 0;
    if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X'))
    {
        *bits = strtoull(buf, &end, 16);
        ok = !*end;
    }
    else
    {
        double d = dxbc_text_strtod(buf, &ok);

        memcpy(bits, &d, 8);
    }
    if (!ok)
    {
        dxbc_asm_fail(a, "bad number '%s'", buf);
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

bool dxbc_asm_parse_mask_letters(struct assembler *a, uint32_t *mask)
{
    *mask = 0;
    dxbc_asm_skip_ws(a);
    if (*a->p == '-')
    {
        a->p++;
        return true;
    }
    while (component_index(*a->p) >= 0)
        *mask |= 1u << component_index(*a->p++);
    if (!*mask)
    {
        dxbc_asm_fail(a, "expected a component mask at '%.20s'", a->p);
        return false;
    }
    return true;
}

/* ---- operands ---- */

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

    dxbc_asm_skip_ws(a);
    if (isdigit((unsigned char)*a->p))
    {
        uint32_t v;

        if (!dxbc_asm_parse_u32(a, &v))
            return false;
        index->repr = DXBC_INDEX_IMM32;
        index->imm = v;
        return dxbc_asm_expect(a, "]");
    }
    if (!(o->rel[i] = calloc(1, sizeof(*o->rel[i]))))
    {
        dxbc_asm_fail(a, "out of memory");
        return false;
    }
    if (!parse_operand(a, o->rel[i], DXBC_ROLE_SRC, depth + 1))
        return false;
    if (!(o->rel[i]->op.components == DXBC_COMPONENTS_1 || (o->rel[i]->op.components == DXBC_COMPONENTS_4
            && o->rel[i]->op.select_mode == DXBC_SELECT_SELECT1)))
    {
        dxbc_asm_fail(a, "a relative index must be a scalar (e.g. r0.x)");
        return false;
    }
    index->repr = DXBC_INDEX_RELATIVE;
    if (dxbc_asm_accept(a, "+"))
    {
        uint32_t v;

        if (!dxbc_asm_parse_u32(a, &v))
            return false;
        index->repr = DXBC_INDEX_IMM32_RELATIVE;
        index->imm = v;
    }
    return dxbc_asm_expect(a, "]");
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
    dxbc_asm_fail(a, "unknown register at '%.20s'", a->p);
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

        dxbc_asm_skip_ws(a);
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
                dxbc_asm_fail(a, "unknown operand tag at '%.20s'", a->p);
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
        if (!dxbc_asm_expect(a, "}"))
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
        dxbc_asm_fail(a, "relative addressing nested too deeply");
        return false;
    }
    memset(o, 0, sizeof(*o));
    dxbc_asm_skip_ws(a);
    if (*a->p == '-')
    {
        op->neg = true;
        a->p++;
    }
    dxbc_asm_skip_ws(a);
    if (*a->p == '|')
    {
        op->abs = true;
        a->p++;
    }
    dxbc_asm_skip_ws(a);
    if ((a->p[0] == 'l' || a->p[0] == 'd') && a->p[1] == '(')
    {
        bool is64 = a->p[0] == 'd';

        op->type = is64 ? DXBC_REG_IMMEDIATE64 : DXBC_REG_IMMEDIATE32;
        a->p += 2;
        for (i = 0; i < (is64 ? 2u : 4u); ++i)
        {
            if (i && !dxbc_asm_accept(a, ","))
                break;
            if (is64 ? !parse_number64(a, &op->imm.u64[i]) : !dxbc_asm_parse_number32(a, &op->imm.u32[i]))
                return false;
        }
        if (!dxbc_asm_expect(a, ")"))
            return false;
        op->imm_count = i;
        if (is64 ? (i != 1 && i != 2) : (i != 1 && i != 4))
        {
            dxbc_asm_fail(a, "an immediate has 1 or %u values", is64 ? 2 : 4);
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

            if (!dxbc_asm_parse_u32(a, &v))
                return false;
            op->index[0].repr = DXBC_INDEX_IMM32;
            op->index[0].imm = v;
            op->index_count = 1;
        }
        while (*a->p == '[')
        {
            if (op->index_count == 3)
            {
                dxbc_asm_fail(a, "too many indices");
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
                dxbc_asm_fail(a, "expected components after '.'");
                return false;
            }
        }
    }
    if (op->abs && !dxbc_asm_expect(a, "|"))
        return false;
    if (!parse_tags(a, o, &forced))
        return false;
    if (op->neg || op->abs)
        op->extended = true;

    if (op->type == DXBC_REG_IMMEDIATE32 || op->type == DXBC_REG_IMMEDIATE64)
    {
        if (role != DXBC_ROLE_SRC)
        {
            dxbc_asm_fail(a, "an immediate cannot be a destination");
            return false;
        }
        return true;
    }
    if (!dxbc_register_index_count_valid(op->type, op->index_count))
    {
        dxbc_asm_fail(a, "%s takes another number of indices", dxbc_text_register_names[op->type]);
        return false;
    }
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
    dxbc_asm_emit(w, token);
    if (op->extended)
        dxbc_asm_emit(w, 1u | ((uint32_t)(op->neg | (op->abs << 1)) << 6) | ((uint32_t)op->min_precision << 14)
                | ((uint32_t)op->nonuniform << 17));
    if (op->type == DXBC_REG_IMMEDIATE32)
        for (i = 0; i < op->imm_count; ++i)
            dxbc_asm_emit(w, op->imm.u32[i]);
    else if (op->type == DXBC_REG_IMMEDIATE64)
        for (i = 0; i < 2 * op->imm_count; ++i)
            dxbc_asm_emit(w, op->imm.u32[i]);
    for (i = 0; i < op->index_count; ++i)
    {
        if (op->index[i].repr != DXBC_INDEX_RELATIVE)
            dxbc_asm_emit(w, (uint32_t)op->index[i].imm);
        if (o->rel[i])
            encode_operand(w, o->rel[i]);
    }
}

/* ---- statements ---- */

void dxbc_asm_begin(struct assembler *a, struct ins_builder *b, uint32_t token)
{
    b->start = a->tokens.count;
    dxbc_asm_emit(&a->tokens, token);
}

void dxbc_asm_end(struct assembler *a, struct ins_builder *b)
{
    size_t length = a->tokens.count - b->start;

    if (a->tokens.oom)
        return;
    if (length > 127)
    {
        dxbc_asm_fail(a, "instruction longer than 127 tokens");
        return;
    }
    a->tokens.data[b->start] |= (uint32_t)length << 24;
}

bool dxbc_asm_emit_operand(struct assembler *a, enum dxbc_text_role role, struct dxbc_operand *out)
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

bool dxbc_asm_parse_return_types(struct assembler *a, uint32_t *token)
{
    uint32_t i, v;

    *token = 0;
    if (!dxbc_asm_expect(a, "("))
        return false;
    for (i = 0; i < 4; ++i)
    {
        if (i && !dxbc_asm_expect(a, ","))
            return false;
        if (!PARSE_TABLE(a, dxbc_text_return_types, &v))
            return false;
        *token |= (v & 0xf) << (4 * i);
    }
    return dxbc_asm_expect(a, ")");
}

bool dxbc_asm_at_end(struct assembler *a)
{
    dxbc_asm_skip_ws(a);
    if (*a->p)
    {
        dxbc_asm_fail(a, "unexpected text '%.20s'", a->p);
        return false;
    }
    return true;
}

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
            ok = parse_i32(a, &sf->off[0]) && dxbc_asm_expect(a, ",") && parse_i32(a, &sf->off[1]) && dxbc_asm_expect(a, ",")
                    && parse_i32(a, &sf->off[2]) && dxbc_asm_expect(a, ")");
            if (ok && dim)
            {
                sf->has_dim = true;
                ok = dxbc_asm_expect(a, "(") && PARSE_TABLE(a, dxbc_text_resource_dims, &sf->dim);
                if (ok && dxbc_asm_accept(a, ","))
                    ok = dxbc_asm_expect(a, "stride=") && dxbc_asm_parse_u32(a, &sf->stride);
                ok = ok && dxbc_asm_expect(a, ")");
            }
        }
        else if (!strncmp(a->p, "_indexable(", 11))
        {
            a->p += 11;
            sf->has_dim = true;
            ok = PARSE_TABLE(a, dxbc_text_resource_dims, &sf->dim);
            if (ok && dxbc_asm_accept(a, ","))
                ok = dxbc_asm_expect(a, "stride=") && dxbc_asm_parse_u32(a, &sf->stride);
            ok = ok && dxbc_asm_expect(a, ")");
        }
        else if (*a->p == '(')
        {
            sf->has_rt = true;
            ok = dxbc_asm_parse_return_types(a, &sf->rt);
        }
        else if (!strncmp(a->p, "_precise(", 9))
        {
            a->p += 9;
            ok = dxbc_asm_parse_mask_letters(a, &sf->precise) && dxbc_asm_expect(a, ")");
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
        dxbc_asm_fail(a, "unknown instruction '%.*s'", (int)mlen, mnemonic);
        return false;
    }
    info = best_info;
    sf = best_sf;

    if (sf.sat) controls |= 1u << 2;
    if ((info->flags & DXBC_OPF_TEST) && sf.nz) controls |= 1u << 7;
    if ((info->flags & DXBC_OPF_TEST) && !sf.nz && !sf.z)
    {
        dxbc_asm_fail(a, "'%s' needs _z or _nz", info->name);
        return false;
    }
    if (best == DXBC_OP_RESINFO)
        controls |= sf.uint_ ? DXBC_RESINFO_UINT : sf.rcp ? DXBC_RESINFO_RCP_FLOAT : 0;
    else if (best == DXBC_OP_SAMPLE_INFO && sf.uint_)
        controls |= 1;
    controls |= sf.precise << 8;
    token = dxbc_asm_opcode_token(best, controls);
    ext_count = sf.has_offsets + sf.has_dim + sf.has_rt;
    if (ext_count)
        token |= 1u << 31;
    dxbc_asm_begin(a, &b, token);
    if (sf.has_offsets)
        dxbc_asm_emit(&a->tokens, 1u | ((uint32_t)(sf.off[0] & 0xf) << 9) | ((uint32_t)(sf.off[1] & 0xf) << 13)
                | ((uint32_t)(sf.off[2] & 0xf) << 17) | (--ext_count ? 1u << 31 : 0));
    if (sf.has_dim)
        dxbc_asm_emit(&a->tokens, 2u | ((sf.dim & 0x1f) << 6) | ((sf.stride & 0xfff) << 11) | (--ext_count ? 1u << 31 : 0));
    if (sf.has_rt)
        dxbc_asm_emit(&a->tokens, 3u | (sf.rt << 6));

    for (i = 0; i < (uint32_t)info->dst_count + info->src_count; ++i)
    {
        if (i && !dxbc_asm_expect(a, ","))
            return false;
        if (!dxbc_asm_emit_operand(a, i < info->dst_count ? DXBC_ROLE_DST : DXBC_ROLE_SRC, NULL))
            return false;
    }
    dxbc_asm_end(a, &b);
    if (best == DXBC_OP_HS_FORK_PHASE || best == DXBC_OP_HS_JOIN_PHASE)
        a->in_fork_join = true;
    else if (best == DXBC_OP_HS_CONTROL_POINT_PHASE)
        a->in_fork_join = false;
    return dxbc_asm_at_end(a);
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
    if (dxbc_asm_accept(a, "-1"))
        e.reg = ~0u;
    else if (!dxbc_asm_parse_u32(a, &e.reg))
        return false;
    if (!dxbc_asm_parse_mask_letters(a, &e.mask))
        return false;
    dxbc_asm_skip_ws(a);
    if (!strncmp(a->p, "\"\"", 2))
        a->p += 2;
    else
    {
        n = 0;
        while (a->p[n] && a->p[n] != ' ' && a->p[n] != '\t')
            ++n;
        if (!n || n >= sizeof(e.name))
        {
            dxbc_asm_fail(a, "bad semantic name");
            return false;
        }
        memcpy(e.name, a->p, n);
        a->p += n;
    }
    if (!dxbc_asm_parse_u32(a, &e.index))
        return false;
    dxbc_asm_skip_ws(a);
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
    if (!dxbc_text_sig_names[i].name && !dxbc_asm_parse_u32(a, &e.sysval))
        return false;
    if (!PARSE_TABLE(a, dxbc_text_component_types, &e.type) || !dxbc_asm_parse_mask_letters(a, &e.used))
        return false;
    for (;;)
    {
        if (dxbc_asm_accept(a, "stream="))
        {
            if (!dxbc_asm_parse_u32(a, &v))
                return false;
            e.stream = v;
        }
        else if (dxbc_asm_accept(a, "minprecision="))
        {
            if (!dxbc_asm_parse_u32(a, &v))
                return false;
            e.minprec = v;
        }
        else
            break;
    }
    if (!dxbc_asm_at_end(a))
        return false;
    sig = &a->sigs[kind];
    if (!sig->explicit)
    {
        sig->explicit = true;
        sig->count = 0;    /* explicit lines replace anything derived so far */
    }
    if (sig->count == MAX_SIG_ELEMENTS)
    {
        dxbc_asm_fail(a, "too many signature elements");
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
    dxbc_asm_skip_ws(a);
    if (!strncmp(a->p, "//", 2))
    {
        a->p += 2;
        if (dxbc_asm_accept(a, "sig "))
            return parse_signature_line(a);
        if (dxbc_asm_accept(a, "sfi0 "))
        {
            dxbc_asm_skip_ws(a);
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
    dxbc_asm_skip_ws(a);
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
            dxbc_asm_fail(a, "expected a version line (e.g. vs_5_0) before '%.*s'", (int)mlen, mnemonic);
            return false;
        }
        return dxbc_asm_at_end(a);
    }
    if (dxbc_asm_assemble_declaration(a, mnemonic, mlen))
        return true;
    if (a->failed)
        return false;
    return assemble_instruction(a, mnemonic, mlen);
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
    dxbc_asm_emit(&a->tokens, 0);   /* version, patched below */
    dxbc_asm_emit(&a->tokens, 0);   /* length */

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
                    dxbc_asm_fail(a, "out of memory");
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
            dxbc_asm_fail(a, "syntax error");
    }
    if (!a->failed && !a->have_version)
        dxbc_asm_fail(a, "no version line");
    if (a->failed)
        goto done;
    if (a->tokens.oom)
    {
        dxbc_asm_fail(a, "out of memory");
        goto done;
    }
    a->tokens.data[0] = (a->program_type << 16) | (a->major << 4) | a->minor;
    a->tokens.data[1] = (uint32_t)a->tokens.count;
    ok = dxbc_asm_build_container(a, blob, size);

done:
    free(statement);
    free(a->tokens.data);
    free(a);
    return ok;
}

