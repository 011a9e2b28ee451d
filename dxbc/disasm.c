/* disasm.c — the disassembler (shader-assembly text) and the program info printer.
 * The text is what asm.c reads back; anything the usual syntax cannot express about an
 * operand's encoding is written as a trailing {tag} so the round trip stays exact. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"
#include "text_private.h"

const char *const dxbc_text_register_names[DXBC_REG_COUNT] =
{
    "r", "v", "o", "x", "l", "d", "s", "t", "cb", "icb", "l", "vPrim", "oDepth", "null",
    "rasterizer", "oMask", "m", "fb", "ft", "fp", "fi", "fo", "vOutputControlPointID",
    "vForkInstanceID", "vJoinInstanceID", "vicp", "vocp", "vpc", "vDomain", "this", "u", "g",
    "vThreadID", "vThreadGroupID", "vThreadIDInGroup", "vCoverage", "vThreadIDInGroupFlattened",
    "vGSInstanceID", "oDepthGE", "oDepthLE", "vCycleCounter", "oStencilRef", "vInnerCoverage",
};

const char *const dxbc_text_resource_dims[DXBC_RESOURCE_DIM_COUNT] =
{
    "unknown", "buffer", "texture1d", "texture2d", "texture2dms", "texture3d", "texturecube",
    "texture1darray", "texture2darray", "texture2dmsarray", "texturecubearray", "raw_buffer",
    "structured_buffer",
};

const char *const dxbc_text_return_types[10] =
{
    "none", "unorm", "snorm", "sint", "uint", "float", "mixed", "double", "continued", "unused",
};

const char *const dxbc_text_sysvals[DXBC_SV_COUNT] =
{
    "undefined", "position", "clip_distance", "cull_distance", "rendertarget_array_index",
    "viewport_array_index", "vertex_id", "primitive_id", "instance_id", "is_front_face",
    "sampleIndex", "finalQuadUeq0EdgeTessFactor", "finalQuadVeq0EdgeTessFactor",
    "finalQuadUeq1EdgeTessFactor", "finalQuadVeq1EdgeTessFactor", "finalQuadUInsideTessFactor",
    "finalQuadVInsideTessFactor", "finalTriUeq0EdgeTessFactor", "finalTriVeq0EdgeTessFactor",
    "finalTriWeq0EdgeTessFactor", "finalTriInsideTessFactor", "finalLineDetailTessFactor",
    "finalLineDensityTessFactor",
};

const char *const dxbc_text_interpolations[8] =
{
    "undefined", "constant", "linear", "linear centroid", "linear noperspective",
    "linear noperspective centroid", "linear sample", "linear noperspective sample",
};

const char *const dxbc_text_global_flags[8] =
{
    "refactoringAllowed", "enableDoublePrecisionFloatOps", "forceEarlyDepthStencil",
    "enableRawAndStructuredBuffers", "skipOptimization", "enableMinimumPrecision",
    "enable11_1DoubleExtensions", "enable11_1ShaderExtensions",
};

const char *const dxbc_text_sampler_modes[3] = { "mode_default", "mode_comparison", "mode_mono" };
const char *const dxbc_text_tess_domains[4] = { "domain_undefined", "domain_isoline", "domain_tri", "domain_quad" };
const char *const dxbc_text_tess_partitionings[5] =
{
    "partitioning_undefined", "partitioning_integer", "partitioning_pow2", "partitioning_fractional_odd",
    "partitioning_fractional_even",
};
const char *const dxbc_text_tess_outputs[5] =
{
    "output_undefined", "output_point", "output_line", "output_triangle_cw", "output_triangle_ccw",
};
const char *const dxbc_text_topologies[14] =
{
    "undefined", "pointlist", "linelist", "linestrip", "trianglelist", "trianglestrip", NULL, NULL, NULL,
    NULL, "linelist_adj", "linestrip_adj", "trianglelist_adj", "trianglestrip_adj",
};
const char *const dxbc_text_program_prefixes[6] = { "ps", "vs", "gs", "hs", "ds", "cs" };

const struct dxbc_name_value dxbc_text_sig_names[] =
{
    { "NONE", 0 }, { "POS", 1 }, { "CLIPDST", 2 }, { "CULLDST", 3 }, { "RTINDEX", 4 }, { "VPINDEX", 5 },
    { "VERTID", 6 }, { "PRIMID", 7 }, { "INSTID", 8 }, { "FFACE", 9 }, { "SAMPLE", 10 },
    { "QUADEDGE", 11 }, { "QUADINT", 12 }, { "TRIEDGE", 13 }, { "TRIINT", 14 }, { "LINEDET", 15 },
    { "LINEDEN", 16 }, { "BARYCEN", 23 }, { "SHDINGRATE", 24 }, { "CULLPRIM", 25 }, { "TARGET", 64 },
    { "DEPTH", 65 }, { "COVERAGE", 66 }, { "DEPTHGE", 67 }, { "DEPTHLE", 68 }, { "STENCILREF", 69 },
    { "INNERCOV", 70 }, { NULL, 0 },
};

const char *const dxbc_text_component_types[4] = { "unknown", "uint", "int", "float" };
const char *const dxbc_text_min_precisions[6] = { NULL, "min16f", "min2_8f", NULL, "min16i", "min16u" };

void dxbc_text_default_selection(enum dxbc_register_type type, enum dxbc_text_role role, struct dxbc_operand *op)
{
    op->components = DXBC_COMPONENTS_4;
    op->select_mode = role == DXBC_ROLE_SRC ? DXBC_SELECT_SWIZZLE : DXBC_SELECT_MASK;
    op->mask = 0;
    memset(op->swizzle, 0, sizeof(op->swizzle));
    op->select1 = 0;
    switch (type)
    {
        case DXBC_REG_SAMPLER: case DXBC_REG_RESOURCE: case DXBC_REG_LABEL: case DXBC_REG_NULL:
        case DXBC_REG_RASTERIZER: case DXBC_REG_STREAM: case DXBC_REG_FUNCTION_BODY:
        case DXBC_REG_FUNCTION_TABLE: case DXBC_REG_INTERFACE: case DXBC_REG_THIS_POINTER:
        case DXBC_REG_UAV: case DXBC_REG_TGSM:
            op->components = DXBC_COMPONENTS_0;
            return;
        case DXBC_REG_OUTPUT_COVERAGE_MASK: case DXBC_REG_OUTPUT_CONTROL_POINT_ID:
        case DXBC_REG_INPUT_FORK_INSTANCE_ID: case DXBC_REG_INPUT_JOIN_INSTANCE_ID:
        case DXBC_REG_INPUT_THREAD_ID_IN_GROUP_FLATTENED: case DXBC_REG_INPUT_PRIMITIVEID:
        case DXBC_REG_INPUT_GS_INSTANCE_ID:
            op->components = role == DXBC_ROLE_DCL ? DXBC_COMPONENTS_0 : DXBC_COMPONENTS_1;
            return;
        case DXBC_REG_OUTPUT_DEPTH: case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL:
        case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL: case DXBC_REG_INPUT_COVERAGE_MASK:
        case DXBC_REG_OUTPUT_STENCIL_REF: case DXBC_REG_INNER_COVERAGE: case DXBC_REG_CYCLE_COUNTER:
            op->components = DXBC_COMPONENTS_1;
            return;
        case DXBC_REG_CONSTANT_BUFFER:
            if (role == DXBC_ROLE_DCL)
            {
                op->select_mode = DXBC_SELECT_SWIZZLE;
                op->swizzle[0] = 0; op->swizzle[1] = 1; op->swizzle[2] = 2; op->swizzle[3] = 3;
            }
            return;
        default:
            return;
    }
}

bool dxbc_text_brackets_all(enum dxbc_register_type type, unsigned int index_count)
{
    return type == DXBC_REG_IMMEDIATE_CONSTANT_BUFFER || type == DXBC_REG_INPUT_CONTROL_POINT
            || type == DXBC_REG_OUTPUT_CONTROL_POINT || type == DXBC_REG_THIS_POINTER
            || ((type == DXBC_REG_INPUT || type == DXBC_REG_OUTPUT) && index_count == 2);
}

/* ---- growable text ---- */

struct text
{
    char *data;
    size_t length, capacity;
    bool oom;
};

/* Works with both C99 vsnprintf (returns the needed length) and the older convention
 * (returns -1 on truncation) that some Windows C runtimes follow. */
static void put(struct text *t, const char *fmt, ...)
{
    va_list args;
    int n;

    if (t->oom)
        return;
    for (;;)
    {
        size_t avail = t->capacity - t->length;

        if (avail >= 2)
        {
            va_start(args, fmt);
            n = vsnprintf(t->data + t->length, avail, fmt, args);
            va_end(args);
            if (n >= 0 && (size_t)n < avail)
            {
                t->length += n;
                return;
            }
        }
        else
            n = -1;
        {
            size_t cap = t->capacity ? t->capacity * 2 : 1024;
            char *d;

            while (n >= 0 && cap < t->length + (size_t)n + 1)
                cap *= 2;
            if (cap > ((size_t)1 << 30) || !(d = realloc(t->data, cap)))
            {
                t->oom = true;
                return;
            }
            t->data = d;
            t->capacity = cap;
        }
    }
}

static char *text_finish(struct text *t)
{
    if (t->oom || !t->data)
    {
        free(t->data);
        if (t->oom)
            return NULL;
        return calloc(1, 1);
    }
    return t->data;
}

/* ---- numbers ---- */

enum num_kind { NUM_UNTYPED, NUM_FLOAT, NUM_INT, NUM_UINT, NUM_DOUBLE };

/* The shortest of "%f" and "%.9g" that reads back to the same bits; raw bits otherwise. */
static void put_float(struct text *t, uint32_t bits)
{
    char buf[64];
    bool ok;
    float f;

    memcpy(&f, &bits, 4);
    if (isfinite(f))
    {
        uint32_t back_bits;
        float back;

        snprintf(buf, sizeof(buf), "%f", f);
        dxbc_text_number_to_c(buf);
        back = dxbc_text_strtof(buf, &ok);
        memcpy(&back_bits, &back, 4);
        if (!ok || back_bits != bits)
        {
            snprintf(buf, sizeof(buf), "%.9g", f);
            dxbc_text_number_to_c(buf);
            if (!strpbrk(buf, ".e"))
                strcat(buf, ".0");
            back = dxbc_text_strtof(buf, &ok);
            memcpy(&back_bits, &back, 4);
        }
        if (ok && back_bits == bits)
        {
            put(t, "%s", buf);
            return;
        }
    }
    put(t, "0x%08x", bits);
}

static void put_double(struct text *t, uint64_t bits)
{
    char buf[64];
    bool ok;
    double f;

    memcpy(&f, &bits, 8);
    if (isfinite(f))
    {
        uint64_t back_bits;
        double back;

        snprintf(buf, sizeof(buf), "%f", f);
        dxbc_text_number_to_c(buf);
        back = dxbc_text_strtod(buf, &ok);
        memcpy(&back_bits, &back, 8);
        if (!ok || back_bits != bits)
        {
            snprintf(buf, sizeof(buf), "%.17g", f);
            dxbc_text_number_to_c(buf);
            if (!strpbrk(buf, ".e"))
                strcat(buf, ".0");
            back = dxbc_text_strtod(buf, &ok);
            memcpy(&back_bits, &back, 8);
        }
        if (ok && back_bits == bits)
        {
            put(t, "%s", buf);
            return;
        }
    }
    put(t, "0x%016llx", (unsigned long long)bits);
}

static void put_number(struct text *t, uint32_t bits, enum num_kind kind)
{
    switch (kind)
    {
        case NUM_FLOAT:
            put_float(t, bits);
            return;
        case NUM_INT:
            put(t, "%d", (int32_t)bits);
            return;
        case NUM_UINT:
            if (bits > 0xffff)
                put(t, "0x%08x", bits);
            else
                put(t, "%u", bits);
            return;
        default:
        {
            /* Untyped (mov, movc, ICB): ints when small, floats when they look like floats. */
            uint32_t exponent = (bits >> 23) & 0xff;

            if ((int32_t)bits > -0x10000 && (int32_t)bits < 0x10000)
                put(t, "%d", (int32_t)bits);
            else if (exponent >= 100 && exponent <= 160)
                put_float(t, bits);
            else
                put(t, "0x%08x", bits);
            return;
        }
    }
}

static enum num_kind opcode_kind(const struct dxbc_opcode_info *info)
{
    if (info->flags & DXBC_OPF_FLOAT) return NUM_FLOAT;
    if (info->flags & DXBC_OPF_INT) return NUM_INT;
    if (info->flags & DXBC_OPF_UINT) return NUM_UINT;
    if (info->flags & DXBC_OPF_DOUBLE) return NUM_DOUBLE;
    return NUM_UNTYPED;
}

/* The type of immediate source `src` (index among sources) of an instruction. */
static enum num_kind src_kind(const struct dxbc_instruction *ins, uint32_t src)
{
    const struct dxbc_opcode_info *info = dxbc_opcode_get_info(ins->opcode);

    switch (ins->opcode)
    {
        case DXBC_OP_ITOF: case DXBC_OP_ITOD: return NUM_INT;
        case DXBC_OP_UTOF: case DXBC_OP_UTOD: case DXBC_OP_F16TOF32: return NUM_UINT;
        case DXBC_OP_FTOI: case DXBC_OP_FTOU: case DXBC_OP_F32TOF16: case DXBC_OP_FTOD: return NUM_FLOAT;
        case DXBC_OP_MOVC: case DXBC_OP_SWAPC: return src == 0 ? NUM_UINT : NUM_UNTYPED;
        case DXBC_OP_DMOVC: return src == 0 ? NUM_UINT : NUM_DOUBLE;
        case DXBC_OP_LD: case DXBC_OP_LD_MS: case DXBC_OP_LD_UAV_TYPED: return NUM_INT;
        case DXBC_OP_LD_RAW: case DXBC_OP_LD_STRUCTURED: case DXBC_OP_RESINFO: case DXBC_OP_SAMPLE_POS:
            return NUM_UINT;
        case DXBC_OP_STORE_UAV_TYPED: return src == 0 ? NUM_INT : NUM_UNTYPED;
        case DXBC_OP_STORE_RAW: return src == 0 ? NUM_UINT : NUM_UNTYPED;
        case DXBC_OP_STORE_STRUCTURED: return src < 2 ? NUM_UINT : NUM_UNTYPED;
        case DXBC_OP_GATHER4_PO: case DXBC_OP_GATHER4_PO_C: return src == 1 ? NUM_INT : NUM_FLOAT;
        case DXBC_OP_EVAL_SAMPLE_INDEX: case DXBC_OP_EVAL_SNAPPED: return src == 1 ? NUM_INT : NUM_FLOAT;
        case DXBC_OP_ATOMIC_AND: case DXBC_OP_ATOMIC_OR: case DXBC_OP_ATOMIC_XOR: case DXBC_OP_ATOMIC_CMP_STORE:
        case DXBC_OP_ATOMIC_IADD: case DXBC_OP_ATOMIC_IMAX: case DXBC_OP_ATOMIC_IMIN: case DXBC_OP_ATOMIC_UMAX:
        case DXBC_OP_ATOMIC_UMIN: case DXBC_OP_IMM_ATOMIC_IADD: case DXBC_OP_IMM_ATOMIC_AND:
        case DXBC_OP_IMM_ATOMIC_OR: case DXBC_OP_IMM_ATOMIC_XOR: case DXBC_OP_IMM_ATOMIC_EXCH:
        case DXBC_OP_IMM_ATOMIC_CMP_EXCH: case DXBC_OP_IMM_ATOMIC_IMAX: case DXBC_OP_IMM_ATOMIC_IMIN:
        case DXBC_OP_IMM_ATOMIC_UMAX: case DXBC_OP_IMM_ATOMIC_UMIN:
            return src == 0 ? NUM_UINT : (info->flags & DXBC_OPF_INT ? NUM_INT : NUM_UINT);
        default:
            return info ? opcode_kind(info) : NUM_UNTYPED;
    }
}

/* ---- operands ---- */

static const char comp_letters[4] = { 'x', 'y', 'z', 'w' };

static void put_operand(struct text *t, const struct dxbc_operand *op, enum dxbc_text_role role, enum num_kind kind,
        bool dcl_cb);

static void put_index(struct text *t, const struct dxbc_operand_index *index)
{
    if (index->rel)
    {
        put_operand(t, index->rel, DXBC_ROLE_SRC, NUM_INT, false);
        if (index->repr != DXBC_INDEX_RELATIVE)
            put(t, " + %llu", (unsigned long long)index->imm);
    }
    else
        put(t, "%llu", (unsigned long long)index->imm);
}

static bool selection_matches_default(const struct dxbc_operand *op, enum dxbc_text_role role)
{
    struct dxbc_operand def;

    dxbc_text_default_selection(op->type, role, &def);
    if (def.components != op->components)
        return false;
    if (op->components != DXBC_COMPONENTS_4)
        return true;
    if (def.select_mode != op->select_mode)
        return false;
    if (op->select_mode == DXBC_SELECT_MASK)
        return op->mask == def.mask;
    return !memcmp(op->swizzle, def.swizzle, 4);
}

/* The selection mode the assembler infers from the letters written. */
static enum dxbc_select_mode inferred_mode(unsigned int letters, enum dxbc_text_role role)
{
    if (role != DXBC_ROLE_SRC)
        return DXBC_SELECT_MASK;
    return letters == 4 ? DXBC_SELECT_SWIZZLE : letters == 1 ? DXBC_SELECT_SELECT1 : DXBC_SELECT_MASK;
}

static void put_operand(struct text *t, const struct dxbc_operand *op, enum dxbc_text_role role, enum num_kind kind,
        bool dcl_cb)
{
    const char *tag = NULL;
    unsigned int i, letters = 0;
    char suffix[8];

    if (op->neg)
        put(t, "-");
    if (op->abs)
        put(t, "|");

    if (op->type == DXBC_REG_IMMEDIATE32 || op->type == DXBC_REG_IMMEDIATE64)
    {
        put(t, op->type == DXBC_REG_IMMEDIATE32 ? "l(" : "d(");
        for (i = 0; i < op->imm_count; ++i)
        {
            if (i)
                put(t, ", ");
            if (op->type == DXBC_REG_IMMEDIATE32)
                put_number(t, op->imm.u32[i], kind == NUM_DOUBLE ? NUM_UNTYPED : kind);
            else
                put_double(t, op->imm.u64[i]);
        }
        put(t, ")");
    }
    else
    {
        put(t, "%s", dcl_cb ? "CB" : dxbc_text_register_names[op->type]);
        i = 0;
        if (op->index_count && !dxbc_text_brackets_all(op->type, op->index_count)
                && op->index[0].repr == DXBC_INDEX_IMM32)
        {
            put(t, "%llu", (unsigned long long)op->index[0].imm);
            i = 1;
        }
        for (; i < op->index_count; ++i)
        {
            put(t, "[");
            put_index(t, &op->index[i]);
            put(t, "]");
        }
    }

    /* component selection */
    suffix[0] = 0;
    if (op->components == DXBC_COMPONENTS_4 && op->type != DXBC_REG_IMMEDIATE32 && op->type != DXBC_REG_IMMEDIATE64)
    {
        if (op->select_mode == DXBC_SELECT_MASK)
        {
            for (i = 0; i < 4; ++i)
                if (op->mask & (1u << i))
                    suffix[letters++] = comp_letters[i];
        }
        else if (op->select_mode == DXBC_SELECT_SWIZZLE)
        {
            for (i = 0; i < 4; ++i)
                suffix[letters++] = comp_letters[op->swizzle[i] & 3];
        }
        else
            suffix[letters++] = comp_letters[op->select1 & 3];
        suffix[letters] = 0;
        if (letters && role == DXBC_ROLE_DCL && selection_matches_default(op, role) && op->select_mode != DXBC_SELECT_MASK)
            letters = 0;   /* e.g. the CB0[4] of dcl_constantbuffer */
        else if (!letters && !selection_matches_default(op, role))
            tag = "c4";
        else if (letters && inferred_mode(letters, role) != op->select_mode)
            tag = op->select_mode == DXBC_SELECT_MASK ? "mask" : op->select_mode == DXBC_SELECT_SWIZZLE ? "swizzle" : "select1";
        if (letters)
            put(t, ".%s", suffix);
    }
    else if (op->type != DXBC_REG_IMMEDIATE32 && op->type != DXBC_REG_IMMEDIATE64 && !selection_matches_default(op, role))
        tag = op->components == DXBC_COMPONENTS_0 ? "c0" : "c1";

    if (op->abs)
        put(t, "|");
    if (tag)
        put(t, " {%s}", tag);
    if (op->min_precision)
    {
        if (op->min_precision < 6 && dxbc_text_min_precisions[op->min_precision])
            put(t, " {%s}", dxbc_text_min_precisions[op->min_precision]);
        else
            put(t, " {minp%u}", op->min_precision);
    }
    if (op->nonuniform)
        put(t, " {nonuniform}");
    if (op->extended && !op->neg && !op->abs && !op->min_precision && !op->nonuniform)
        put(t, " {ext}");
}

static void put_mask_name(struct text *t, uint32_t mask)
{
    unsigned int i;

    if (!mask)
        put(t, "-");
    for (i = 0; i < 4; ++i)
        if (mask & (1u << i))
            put(t, "%c", comp_letters[i]);
}

static const char *table_name(const char *const *table, size_t count, uint32_t value)
{
    return value < count ? table[value] : NULL;
}

#define TABLE_NAME(table, value) table_name(table, sizeof(table) / sizeof(*(table)), value)

static void put_enum(struct text *t, const char *name, uint32_t value)
{
    if (name)
        put(t, "%s", name);
    else
        put(t, "%u", value);
}

static void put_return_types(struct text *t, const enum dxbc_return_type rt[4])
{
    unsigned int i;

    put(t, "(");
    for (i = 0; i < 4; ++i)
    {
        if (i)
            put(t, ",");
        put_enum(t, TABLE_NAME(dxbc_text_return_types, rt[i]), rt[i]);
    }
    put(t, ")");
}

static void put_raw_tokens(struct text *t, const uint32_t *tokens, uint32_t count)
{
    uint32_t i;

    put(t, "{");
    for (i = 0; i < count; ++i)
        put(t, "%s0x%08x", i ? ", " : " ", tokens[i]);
    put(t, " }");
}

static void put_declaration(struct text *t, const struct dxbc_instruction *ins, const struct dxbc_opcode_info *info)
{
    const union dxbc_declaration *dcl = &ins->dcl;
    const struct dxbc_operand *op0 = ins->operand_count ? &ins->operands[0] : NULL;
    uint32_t i;

    switch (ins->opcode)
    {
        case DXBC_OP_CUSTOMDATA:
            if (dcl->custom_data.data_class == DXBC_CUSTOMDATA_IMMEDIATE_CONSTANT_BUFFER && !(dcl->custom_data.count % 4))
            {
                put(t, "dcl_immediateConstantBuffer {");
                for (i = 0; i < dcl->custom_data.count; i += 4)
                {
                    unsigned int j;

                    put(t, i ? ",\n                              { " : " { ");
                    for (j = 0; j < 4; ++j)
                    {
                        if (j)
                            put(t, ", ");
                        put_number(t, dcl->custom_data.data[i + j], NUM_UNTYPED);
                    }
                    put(t, "}");
                }
                put(t, " }");
            }
            else
            {
                put(t, "customdata(%u) ", (unsigned int)dcl->custom_data.data_class);
                put_raw_tokens(t, dcl->custom_data.data, dcl->custom_data.count);
            }
            return;
        case DXBC_OP_DCL_GLOBAL_FLAGS:
        {
            bool first = true;

            put(t, "dcl_globalFlags ");
            for (i = 0; i < 13; ++i)
            {
                if (!(dcl->global_flags & (1u << i)))
                    continue;
                put(t, "%s", first ? "" : " | ");
                if (i < 8)
                    put(t, "%s", dxbc_text_global_flags[i]);
                else
                    put(t, "0x%x", 1u << i);
                first = false;
            }
            if (first)
                put(t, "0");
            return;
        }
        case DXBC_OP_DCL_RESOURCE:
            put(t, "dcl_resource_");
            put_enum(t, TABLE_NAME(dxbc_text_resource_dims, dcl->resource.dim), dcl->resource.dim);
            if (dcl->resource.dim == DXBC_RESOURCE_TEXTURE2DMS || dcl->resource.dim == DXBC_RESOURCE_TEXTURE2DMSARRAY
                    || dcl->resource.sample_count)
                put(t, "(%u)", dcl->resource.sample_count);
            put(t, " ");
            put_return_types(t, dcl->resource.return_type);
            put(t, " ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            return;
        case DXBC_OP_DCL_UAV_TYPED:
            put(t, "dcl_uav_typed_");
            put_enum(t, TABLE_NAME(dxbc_text_resource_dims, dcl->resource.dim), dcl->resource.dim);
            put(t, "%s%s ", dcl->resource.globally_coherent ? "_glc" : "", dcl->resource.rasterizer_ordered ? "_rov" : "");
            put_return_types(t, dcl->resource.return_type);
            put(t, " ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            return;
        case DXBC_OP_DCL_UAV_RAW:
        case DXBC_OP_DCL_UAV_STRUCTURED:
            put(t, "%s%s%s%s ", info->name, dcl->resource.globally_coherent ? "_glc" : "",
                    dcl->resource.rasterizer_ordered ? "_rov" : "", dcl->resource.has_counter ? "_opc" : "");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            if (ins->opcode == DXBC_OP_DCL_UAV_STRUCTURED)
                put(t, ", %u", dcl->resource.stride);
            return;
        case DXBC_OP_DCL_CONSTANT_BUFFER:
            put(t, "dcl_constantbuffer ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, true);
            put(t, ", %s", dcl->constant_buffer.dynamic_indexed ? "dynamicIndexed" : "immediateIndexed");
            return;
        case DXBC_OP_DCL_SAMPLER:
            put(t, "dcl_sampler ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, ", ");
            put_enum(t, TABLE_NAME(dxbc_text_sampler_modes, dcl->sampler_mode), dcl->sampler_mode);
            return;
        case DXBC_OP_DCL_INDEX_RANGE:
            put(t, "dcl_indexrange ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, " %u", dcl->index_range_count);
            return;
        case DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY:
            put(t, "dcl_outputtopology ");
            put_enum(t, TABLE_NAME(dxbc_text_topologies, dcl->gs_output_topology), dcl->gs_output_topology);
            return;
        case DXBC_OP_DCL_GS_INPUT_PRIMITIVE:
        {
            static const char *const prims[8] = { "undefined", "point", "line", "triangle", NULL, NULL, "lineadj", "triangleadj" };
            uint32_t p = dcl->gs_input_primitive;

            put(t, "dcl_inputprimitive ");
            if (p >= 8 && p <= 39)
                put(t, "patch%u", p - 7);
            else
                put_enum(t, TABLE_NAME(prims, p), p);
            return;
        }
        case DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT:
            put(t, "dcl_maxout %u", dcl->max_output_vertex_count);
            return;
        case DXBC_OP_DCL_INPUT_PS:
        case DXBC_OP_DCL_INPUT_PS_SGV:
        case DXBC_OP_DCL_INPUT_PS_SIV:
            put(t, "%s ", info->name);
            if (dcl->io.interpolation)
            {
                put_enum(t, TABLE_NAME(dxbc_text_interpolations, dcl->io.interpolation), dcl->io.interpolation);
                put(t, " ");
            }
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            if (ins->opcode != DXBC_OP_DCL_INPUT_PS)
            {
                put(t, ", ");
                put_enum(t, TABLE_NAME(dxbc_text_sysvals, dcl->io.sysval), dcl->io.sysval);
            }
            return;
        case DXBC_OP_DCL_INPUT:
        case DXBC_OP_DCL_OUTPUT:
        case DXBC_OP_DCL_STREAM:
        case DXBC_OP_DCL_RESOURCE_RAW:
            put(t, "%s ", info->name);
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            return;
        case DXBC_OP_DCL_INPUT_SGV:
        case DXBC_OP_DCL_INPUT_SIV:
        case DXBC_OP_DCL_OUTPUT_SGV:
        case DXBC_OP_DCL_OUTPUT_SIV:
            put(t, "%s ", info->name);
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, ", ");
            put_enum(t, TABLE_NAME(dxbc_text_sysvals, dcl->io.sysval), dcl->io.sysval);
            return;
        case DXBC_OP_DCL_TEMPS:
            put(t, "dcl_temps %u", dcl->temp_count);
            return;
        case DXBC_OP_DCL_INDEXABLE_TEMP:
            put(t, "dcl_indexableTemp x%u[%u], %u", dcl->indexable_temp.reg, dcl->indexable_temp.size,
                    dcl->indexable_temp.components);
            return;
        case DXBC_OP_DCL_FUNCTION_BODY:
            put(t, "dcl_function_body fb%u", dcl->function_body);
            return;
        case DXBC_OP_DCL_FUNCTION_TABLE:
            if (dcl->raw.count >= 2 && dcl->raw.tokens[1] == dcl->raw.count - 2)
            {
                put(t, "dcl_function_table ft%u = {", dcl->raw.tokens[0]);
                for (i = 2; i < dcl->raw.count; ++i)
                    put(t, "%sfb%u", i > 2 ? ", " : "", dcl->raw.tokens[i]);
                put(t, "}");
            }
            else
            {
                put(t, "dcl_function_table ");
                put_raw_tokens(t, dcl->raw.tokens, dcl->raw.count);
            }
            return;
        case DXBC_OP_DCL_INTERFACE:
            put(t, "dcl_interface%s ", (ins->controls & 1) ? "_dynamicindexed" : "");
            if (dcl->raw.count >= 3 && (dcl->raw.tokens[2] & 0xffff) == dcl->raw.count - 3)
            {
                put(t, "fp%u[%u][%u] = {", dcl->raw.tokens[0], dcl->raw.tokens[2] >> 16, dcl->raw.tokens[1]);
                for (i = 3; i < dcl->raw.count; ++i)
                    put(t, "%sft%u", i > 3 ? ", " : "", dcl->raw.tokens[i]);
                put(t, "}");
            }
            else
                put_raw_tokens(t, dcl->raw.tokens, dcl->raw.count);
            return;
        case DXBC_OP_INTERFACE_CALL:
            put(t, "fcall(%u) ", dcl->raw.tokens[0]);
            put_operand(t, op0, DXBC_ROLE_SRC, NUM_UINT, false);
            return;
        case DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT:
        case DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT:
            put(t, "%s %u", info->name, dcl->control_point_count);
            return;
        case DXBC_OP_DCL_TESS_DOMAIN:
            put(t, "%s ", info->name);
            put_enum(t, TABLE_NAME(dxbc_text_tess_domains, dcl->tess_domain), dcl->tess_domain);
            return;
        case DXBC_OP_DCL_TESS_PARTITIONING:
            put(t, "%s ", info->name);
            put_enum(t, TABLE_NAME(dxbc_text_tess_partitionings, dcl->tess_partitioning), dcl->tess_partitioning);
            return;
        case DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE:
            put(t, "%s ", info->name);
            put_enum(t, TABLE_NAME(dxbc_text_tess_outputs, dcl->tess_output_primitive), dcl->tess_output_primitive);
            return;
        case DXBC_OP_DCL_HS_MAX_TESSFACTOR:
        {
            uint32_t bits;

            memcpy(&bits, &dcl->max_tess_factor, 4);
            put(t, "%s l(", info->name);
            put_float(t, bits);
            put(t, ")");
            return;
        }
        case DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT:
        case DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT:
            put(t, "%s %u", info->name, dcl->phase_instance_count);
            return;
        case DXBC_OP_DCL_GS_INSTANCE_COUNT:
            put(t, "%s %u", info->name, dcl->gs_instance_count);
            return;
        case DXBC_OP_DCL_THREAD_GROUP:
            put(t, "dcl_thread_group %u, %u, %u", dcl->thread_group[0], dcl->thread_group[1], dcl->thread_group[2]);
            return;
        case DXBC_OP_DCL_TGSM_RAW:
            put(t, "dcl_tgsm_raw ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, ", %u", dcl->tgsm.byte_count);
            return;
        case DXBC_OP_DCL_TGSM_STRUCTURED:
            put(t, "dcl_tgsm_structured ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, ", %u, %u", dcl->tgsm.stride, dcl->tgsm.count);
            return;
        case DXBC_OP_DCL_RESOURCE_STRUCTURED:
            put(t, "dcl_resource_structured ");
            put_operand(t, op0, DXBC_ROLE_DCL, NUM_UINT, false);
            put(t, ", %u", dcl->resource.stride);
            return;
        default:
            put(t, "%s", info->name);
            return;
    }
}

static void put_instruction(struct text *t, const struct dxbc_instruction *ins)
{
    const struct dxbc_opcode_info *info = dxbc_opcode_get_info(ins->opcode);
    uint32_t i;

    if (!info)
    {
        put(t, "<unknown opcode %u>", (unsigned int)ins->opcode);
        return;
    }
    if (info->flags & DXBC_OPF_CUSTOM_LAYOUT)
    {
        put_declaration(t, ins, info);
        return;
    }

    put(t, "%s", info->name);
    if (ins->opcode == DXBC_OP_SYNC)
        put(t, "%s%s%s%s", (ins->sync_flags & DXBC_SYNC_UAV_GLOBAL) ? "_uglobal" : "",
                (ins->sync_flags & DXBC_SYNC_UAV_GROUP) ? "_ugroup" : "", (ins->sync_flags & DXBC_SYNC_TGSM) ? "_g" : "",
                (ins->sync_flags & DXBC_SYNC_THREADS_IN_GROUP) ? "_t" : "");
    /* With both: sample_aoffimmi_indexable(u,v,w)(dim)(types) */
    if (ins->has_offsets)
        put(t, "_aoffimmi%s(%d,%d,%d)", ins->has_resource_dim ? "_indexable" : "", ins->offset_u, ins->offset_v,
                ins->offset_w);
    if (ins->has_resource_dim)
    {
        put(t, ins->has_offsets ? "(" : "_indexable(");
        put_enum(t, TABLE_NAME(dxbc_text_resource_dims, ins->resource_dim), ins->resource_dim);
        if (ins->resource_stride)
            put(t, ", stride=%u", ins->resource_stride);
        put(t, ")");
    }
    if (ins->has_return_type)
        put_return_types(t, ins->return_type);
    if (ins->saturate)
        put(t, "_sat");
    if (info->flags & DXBC_OPF_TEST)
        put(t, ins->test_nz ? "_nz" : "_z");
    if (ins->opcode == DXBC_OP_RESINFO)
        put(t, ins->resinfo_return == DXBC_RESINFO_UINT ? "_uint" : ins->resinfo_return == DXBC_RESINFO_RCP_FLOAT ? "_rcpFloat" : "");
    if (ins->opcode == DXBC_OP_SAMPLE_INFO && ins->sampleinfo_uint)
        put(t, "_uint");
    if (ins->precise_mask)
    {
        put(t, "_precise(");
        put_mask_name(t, ins->precise_mask);
        put(t, ")");
    }

    for (i = 0; i < ins->operand_count; ++i)
    {
        bool dst = i < ins->dst_count;
        enum num_kind kind = dst ? NUM_UNTYPED : src_kind(ins, i - ins->dst_count);

        put(t, i ? ", " : " ");
        put_operand(t, &ins->operands[i], dst ? DXBC_ROLE_DST : DXBC_ROLE_SRC, kind, false);
    }
}

static const char *sig_name_string(uint32_t value)
{
    unsigned int i;

    for (i = 0; dxbc_text_sig_names[i].name; ++i)
        if (dxbc_text_sig_names[i].value == value)
            return dxbc_text_sig_names[i].name;
    return NULL;
}

static void put_signature_lines(struct text *t, const struct dxbc_signature *sig, const char *kind)
{
    uint32_t i;

    for (i = 0; i < sig->element_count; ++i)
    {
        const struct dxbc_signature_element *e = &sig->elements[i];
        const char *sv = sig_name_string(e->system_value);

        put(t, "// sig %s ", kind);
        if (e->register_index == 0xffffffffu)
            put(t, "-1 ");
        else
            put(t, "%u ", e->register_index);
        put_mask_name(t, e->mask);
        put(t, " %s %u ", e->semantic_name[0] ? e->semantic_name : "\"\"", e->semantic_index);
        put_enum(t, sv, e->system_value);
        put(t, " ");
        put_enum(t, TABLE_NAME(dxbc_text_component_types, e->component_type), e->component_type);
        put(t, " ");
        put_mask_name(t, e->rw_mask);
        if (e->stream)
            put(t, " stream=%u", e->stream);
        if (e->min_precision)
            put(t, " minprecision=%u", e->min_precision);
        put(t, "\n");
    }
}

static void put_program(struct text *t, const struct dxbc_program *program)
{
    uint32_t i;

    put_signature_lines(t, &program->input, "input");
    put_signature_lines(t, &program->output, "output");
    put_signature_lines(t, &program->patch_constant, "patch");
    if (program->has_feature_flags)
        put(t, "// sfi0 0x%llx\n", (unsigned long long)program->feature_flags);
    put(t, "%s_%u_%u\n", dxbc_text_program_prefixes[program->program_type], program->major, program->minor);
    for (i = 0; i < program->instruction_count; ++i)
    {
        put_instruction(t, &program->instructions[i]);
        put(t, "\n");
    }
}

char *dxbc_disassemble(const struct dxbc_program *program)
{
    struct text t = { 0 };

    if (!program)
        return NULL;
    put_program(&t, program);
    return text_finish(&t);
}

size_t dxbc_disassemble_instruction(const struct dxbc_program *program, const struct dxbc_instruction *ins,
        char *buffer, size_t size)
{
    struct text t = { 0 };
    size_t length;

    (void)program;
    if (!ins)
        return 0;
    put_instruction(&t, ins);
    length = t.length;
    if (buffer && size)
    {
        size_t n = length < size - 1 ? length : size - 1;

        if (t.data)
            memcpy(buffer, t.data, n);
        buffer[n] = 0;
    }
    free(t.data);
    return length;
}

/* ---- info ---- */

static void put_signature_table(struct text *t, const struct dxbc_signature *sig, const char *title)
{
    uint32_t i;

    put(t, "%s signature (%.4s):\n", title, sig->tag ? (const char *)&sig->tag : "none");
    if (!sig->element_count)
    {
        put(t, "  (empty)\n");
        return;
    }
    put(t, "  %-20s %5s %6s %8s %10s %7s %6s %6s\n", "Name", "Index", "Mask", "Register", "SysValue", "Format", "Used", "Stream");
    for (i = 0; i < sig->element_count; ++i)
    {
        const struct dxbc_signature_element *e = &sig->elements[i];
        const char *sv = sig_name_string(e->system_value);
        const char *ct = TABLE_NAME(dxbc_text_component_types, e->component_type);
        char mask[5] = "    ", used[5] = "    ", reg[16];
        unsigned int c;

        for (c = 0; c < 4; ++c)
        {
            if (e->mask & (1u << c)) mask[c] = comp_letters[c];
            if (e->rw_mask & (1u << c)) used[c] = comp_letters[c];
        }
        if (e->register_index == 0xffffffffu)
            snprintf(reg, sizeof(reg), "N/A");
        else
            snprintf(reg, sizeof(reg), "%u", e->register_index);
        put(t, "  %-20s %5u %6s %8s %10s %7s %6s %6u", e->semantic_name, e->semantic_index, mask, reg,
                sv ? sv : "?", ct ? ct : "?", used, e->stream);
        if (e->min_precision)
            put(t, "  minprecision=%u", e->min_precision);
        put(t, "\n");
    }
}

char *dxbc_program_info(const struct dxbc_program *program, dxbc_info_hook hook, void *user)
{
    struct text t = { 0 };
    uint32_t i, decls = 0;

    if (!program)
        return NULL;
    put(&t, "Shader: %s_%u_%u (%s chunk, %u tokens, %u instructions)\n",
            dxbc_text_program_prefixes[program->program_type], program->major, program->minor,
            program->is_shex ? "SHEX" : "SHDR", program->token_count, program->instruction_count);
    put(&t, "Chunks:");
    for (i = 0; i < program->container.chunk_count; ++i)
        put(&t, " %.4s(%u)", (const char *)&program->container.chunks[i].tag, program->container.chunks[i].size);
    put(&t, "\n");
    put(&t, "Checksum: %s\n", dxbc_checksum_verify(program->blob, program->container.size) == DXBC_OK ? "valid" : "INVALID");
    if (program->has_feature_flags)
        put(&t, "Feature flags (SFI0): 0x%llx\n", (unsigned long long)program->feature_flags);
    put_signature_table(&t, &program->input, "Input");
    put_signature_table(&t, &program->output, "Output");
    if (program->patch_constant.tag)
        put_signature_table(&t, &program->patch_constant, "Patch constant");
    put(&t, "Declarations:\n");
    for (i = 0; i < program->instruction_count; ++i)
    {
        const struct dxbc_instruction *ins = &program->instructions[i];
        const struct dxbc_opcode_info *info = dxbc_opcode_get_info(ins->opcode);

        if (!info || !(info->flags & DXBC_OPF_DECLARATION))
            continue;
        ++decls;
        put(&t, "  ");
        put_instruction(&t, ins);
        put(&t, "\n");
    }
    put(&t, "  (%u declarations, %u other instructions)\n", decls, program->instruction_count - decls);
    if (hook)
    {
        char *extra = hook(program, user);

        if (extra)
        {
            put(&t, "%s", extra);
            free(extra);
        }
    }
    return text_finish(&t);
}
