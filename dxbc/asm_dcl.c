/* asm_dcl.c — the assembler's declarations (dcl_*), custom data, interfaces and sync, and
 * the signatures it derives from dcl_input/dcl_output when the text gives none. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "asm_private.h"

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

static bool parse_braced_numbers(struct assembler *a, struct words *out)
{
    int depth = 0;

    dxbc_asm_skip_ws(a);
    do
    {
        dxbc_asm_skip_ws(a);
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
            dxbc_asm_fail(a, "unterminated '{'");
            return false;
        }
        else
        {
            uint32_t v;

            if (depth <= 0)
            {
                dxbc_asm_fail(a, "expected '{'");
                return false;
            }
            if (!dxbc_asm_parse_number32(a, &v))
                return false;
            dxbc_asm_emit(out, v);
        }
    } while (depth > 0);
    return true;
}

static bool parse_id_list(struct assembler *a, const char *prefix, struct words *out)
{
    if (!dxbc_asm_expect(a, "{"))
        return false;
    if (dxbc_asm_accept(a, "}"))
        return true;
    do
    {
        uint32_t v;

        if (!dxbc_asm_expect(a, prefix) || !dxbc_asm_parse_u32(a, &v))
            return false;
        dxbc_asm_emit(out, v);
    } while (dxbc_asm_accept(a, ","));
    return dxbc_asm_expect(a, "}");
}

bool dxbc_asm_assemble_declaration(struct assembler *a, const char *mnemonic, size_t mlen)
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
        if (!parse_braced_numbers(a, &data) || !dxbc_asm_at_end(a))
        {
            free(data.data);
            return false;
        }
        dxbc_asm_emit(&a->tokens, dxbc_asm_opcode_token(DXBC_OP_CUSTOMDATA, 0) | (cls << 11));
        dxbc_asm_emit(&a->tokens, (uint32_t)data.count + 2);
        for (i = 0; i < data.count; ++i)
            dxbc_asm_emit(&a->tokens, data.data[i]);
        free(data.data);
        if (data.oom)
            dxbc_asm_fail(a, "out of memory");
        return !a->failed;
    }
    if (STARTS("dcl_resource_") && !IS("dcl_resource_raw") && !IS("dcl_resource_structured"))
    {
        const char *save = a->p;
        uint32_t dim, samples = 0;

        a->p = mnemonic + 13;
        if (!PARSE_TABLE(a, dxbc_text_resource_dims, &dim))
            return false;
        if (*a->p == '(' && (a->p++, !dxbc_asm_parse_u32(a, &samples) || !dxbc_asm_expect(a, ")")))
            return false;
        a->p = save;
        if (!dxbc_asm_parse_return_types(a, &rt))
            return false;
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(DXBC_OP_DCL_RESOURCE, dim | (samples << 5)));
        if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        dxbc_asm_emit(&a->tokens, rt);
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
    }
    if (STARTS("dcl_uav_typed_"))
    {
        const char *save = a->p;
        uint32_t dim, flags = 0;

        a->p = mnemonic + 14;
        if (!PARSE_TABLE_LOOSE(a, dxbc_text_resource_dims, &dim))
            return false;
        if (dxbc_asm_accept(a, "_glc")) flags |= 1u << 5;
        if (dxbc_asm_accept(a, "_rov")) flags |= 1u << 6;
        a->p = save;
        if (!dxbc_asm_parse_return_types(a, &rt))
            return false;
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(DXBC_OP_DCL_UAV_TYPED, dim | flags));
        if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        dxbc_asm_emit(&a->tokens, rt);
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
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
                dxbc_asm_fail(a, "unknown suffix '%.*s'", (int)(e - s), s);
                return false;
            }
            s += 4;
        }
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(structured ? DXBC_OP_DCL_UAV_STRUCTURED : DXBC_OP_DCL_UAV_RAW, flags));
        if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL))
            return false;
        if (structured)
        {
            if (!dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &v))
                return false;
            dxbc_asm_emit(&a->tokens, v);
        }
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
    }
    if (STARTS("dcl_interface"))
    {
        uint32_t id, arr, sites;
        struct words list = { 0 };
        size_t i;

        if (!IS("dcl_interface") && !IS("dcl_interface_dynamicindexed"))
            return false;
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(DXBC_OP_DCL_INTERFACE, IS("dcl_interface") ? 0 : 1));
        dxbc_asm_skip_ws(a);
        if (*a->p == '{')
        {
            if (!parse_braced_numbers(a, &list))
                goto interface_fail;
            for (i = 0; i < list.count; ++i)
                dxbc_asm_emit(&a->tokens, list.data[i]);
        }
        else
        {
            if (!dxbc_asm_expect(a, "fp") || !dxbc_asm_parse_u32(a, &id) || !dxbc_asm_expect(a, "[") || !dxbc_asm_parse_u32(a, &arr) || !dxbc_asm_expect(a, "]")
                    || !dxbc_asm_expect(a, "[") || !dxbc_asm_parse_u32(a, &sites) || !dxbc_asm_expect(a, "]") || !dxbc_asm_expect(a, "=")
                    || !parse_id_list(a, "ft", &list))
                goto interface_fail;
            dxbc_asm_emit(&a->tokens, id);
            dxbc_asm_emit(&a->tokens, sites);
            dxbc_asm_emit(&a->tokens, (uint32_t)list.count | (arr << 16));
            for (i = 0; i < list.count; ++i)
                dxbc_asm_emit(&a->tokens, list.data[i]);
        }
        free(list.data);
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
interface_fail:
        free(list.data);
        return false;
    }
    if (STARTS("fcall("))
    {
        a->p = mnemonic + 6;
        if (!dxbc_asm_parse_u32(a, &v) || !dxbc_asm_expect(a, ")"))
            return false;
        a->p = mnemonic + mlen;
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(DXBC_OP_INTERFACE_CALL, 0));
        dxbc_asm_emit(&a->tokens, v);
        if (!dxbc_asm_emit_operand(a, DXBC_ROLE_SRC, NULL))
            return false;
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
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
                dxbc_asm_fail(a, "unknown sync flag '%.*s'", (int)(e - s), s);
                return false;
            }
        }
        dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(DXBC_OP_SYNC, flags));
        dxbc_asm_end(a, &b);
        return dxbc_asm_at_end(a);
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
                    dxbc_asm_skip_ws(a);
                    if (isdigit((unsigned char)*a->p))
                    {
                        if (!dxbc_asm_parse_u32(a, &v))
                            return false;
                        flags |= v >> 11 ? v >> 11 : v;
                    }
                    else
                    {
                        if (!PARSE_TABLE(a, dxbc_text_global_flags, &v))
                            return false;
                        flags |= 1u << v;
                    }
                } while (dxbc_asm_accept(a, "|"));
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, flags));
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            }
            case DXBC_OP_DCL_CONSTANT_BUFFER:
                dxbc_asm_begin(a, &b, 0);
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL) || !dxbc_asm_expect(a, ","))
                    return false;
                if (dxbc_asm_accept(a, "dynamicIndexed"))
                    v = 1;
                else if (dxbc_asm_expect(a, "immediateIndexed"))
                    v = 0;
                else
                    return false;
                a->tokens.data[b.start] = dxbc_asm_opcode_token(opcode, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_SAMPLER:
                dxbc_asm_begin(a, &b, 0);
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL) || !dxbc_asm_expect(a, ",")
                        || !PARSE_TABLE(a, dxbc_text_sampler_modes, &v))
                    return false;
                a->tokens.data[b.start] = dxbc_asm_opcode_token(opcode, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_INDEX_RANGE:
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL) || !dxbc_asm_parse_u32(a, &v))
                    return false;
                dxbc_asm_emit(&a->tokens, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY:
                if (!PARSE_TABLE(a, dxbc_text_topologies, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, v));
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_GS_INPUT_PRIMITIVE:
            {
                static const char *const prims[8] = { "undefined", "point", "line", "triangle", NULL, NULL, "lineadj", "triangleadj" };

                if (dxbc_asm_accept(a, "patch"))
                {
                    if (!dxbc_asm_parse_u32(a, &v))
                        return false;
                    v += 7;
                }
                else if (!PARSE_TABLE(a, prims, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, v));
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            }
            case DXBC_OP_DCL_INPUT_PS:
            case DXBC_OP_DCL_INPUT_PS_SGV:
            case DXBC_OP_DCL_INPUT_PS_SIV:
            {
                uint32_t interp = 0;

                dxbc_asm_skip_ws(a);
                if (!(*a->p == 'v' && !isalpha((unsigned char)a->p[1])) && strncmp(a->p, "v[", 2) && isalpha((unsigned char)*a->p)
                        && strncmp(a->p, "vPrim", 5) && strncmp(a->p, "vCoverage", 9) && strncmp(a->p, "vInnerCoverage", 14))
                {
                    if (!PARSE_TABLE(a, dxbc_text_interpolations, &interp))
                        return false;
                }
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, interp));
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, &op))
                    return false;
                v = 0;
                if (opcode != DXBC_OP_DCL_INPUT_PS)
                {
                    if (!dxbc_asm_expect(a, ",") || !PARSE_TABLE(a, dxbc_text_sysvals, &v))
                        return false;
                    dxbc_asm_emit(&a->tokens, v);
                }
                dxbc_asm_end(a, &b);
                derive_element(a, 0, &op, v);
                return dxbc_asm_at_end(a);
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

                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, &op))
                    return false;
                v = 0;
                if (opcode != DXBC_OP_DCL_INPUT && opcode != DXBC_OP_DCL_OUTPUT)
                {
                    if (!dxbc_asm_expect(a, ",") || !PARSE_TABLE(a, dxbc_text_sysvals, &v))
                        return false;
                    dxbc_asm_emit(&a->tokens, v);
                }
                dxbc_asm_end(a, &b);
                kind = output ? (a->program_type == 3 && a->in_fork_join ? 2 : 1)
                        : (op.type == DXBC_REG_INPUT_PATCH_CONSTANT ? 2 : 0);
                if (!(a->program_type == 3 && !output && a->in_fork_join))   /* HS fork/join inputs repeat the CP signature */
                    derive_element(a, kind, &op, v);
                return dxbc_asm_at_end(a);
            }
            case DXBC_OP_DCL_STREAM:
            case DXBC_OP_DCL_RESOURCE_RAW:
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL))
                    return false;
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_RESOURCE_STRUCTURED:
            case DXBC_OP_DCL_TGSM_RAW:
            case DXBC_OP_DCL_TGSM_STRUCTURED:
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                if (!dxbc_asm_emit_operand(a, DXBC_ROLE_DCL, NULL) || !dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &v))
                    return false;
                dxbc_asm_emit(&a->tokens, v);
                if (opcode == DXBC_OP_DCL_TGSM_STRUCTURED)
                {
                    if (!dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &v))
                        return false;
                    dxbc_asm_emit(&a->tokens, v);
                }
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_TEMPS:
            case DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT:
            case DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT:
            case DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT:
            case DXBC_OP_DCL_GS_INSTANCE_COUNT:
                if (!dxbc_asm_parse_u32(a, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_emit(&a->tokens, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT:
            case DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT:
                if (!dxbc_asm_parse_u32(a, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, v & 0x3f));
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_TESS_DOMAIN:
            case DXBC_OP_DCL_TESS_PARTITIONING:
            case DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE:
                if (opcode == DXBC_OP_DCL_TESS_DOMAIN ? !PARSE_TABLE(a, dxbc_text_tess_domains, &v)
                        : opcode == DXBC_OP_DCL_TESS_PARTITIONING ? !PARSE_TABLE(a, dxbc_text_tess_partitionings, &v)
                        : !PARSE_TABLE(a, dxbc_text_tess_outputs, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, v));
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_HS_MAX_TESSFACTOR:
                if (!dxbc_asm_expect(a, "l(") || !dxbc_asm_parse_number32(a, &v) || !dxbc_asm_expect(a, ")"))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_emit(&a->tokens, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_THREAD_GROUP:
            {
                uint32_t x, y, z;

                if (!dxbc_asm_parse_u32(a, &x) || !dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &y) || !dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &z))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_emit(&a->tokens, x);
                dxbc_asm_emit(&a->tokens, y);
                dxbc_asm_emit(&a->tokens, z);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            }
            case DXBC_OP_DCL_INDEXABLE_TEMP:
            {
                uint32_t reg, size, comps;

                if (!dxbc_asm_expect(a, "x") || !dxbc_asm_parse_u32(a, &reg) || !dxbc_asm_expect(a, "[") || !dxbc_asm_parse_u32(a, &size) || !dxbc_asm_expect(a, "]")
                        || !dxbc_asm_expect(a, ",") || !dxbc_asm_parse_u32(a, &comps))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_emit(&a->tokens, reg);
                dxbc_asm_emit(&a->tokens, size);
                dxbc_asm_emit(&a->tokens, comps);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            }
            case DXBC_OP_DCL_FUNCTION_BODY:
                if (!dxbc_asm_expect(a, "fb") || !dxbc_asm_parse_u32(a, &v))
                    return false;
                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_emit(&a->tokens, v);
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            case DXBC_OP_DCL_FUNCTION_TABLE:
            {
                struct words list = { 0 };
                size_t i;
                bool ok;

                dxbc_asm_begin(a, &b, dxbc_asm_opcode_token(opcode, 0));
                dxbc_asm_skip_ws(a);
                if (*a->p == '{')
                    ok = parse_braced_numbers(a, &list);
                else
                {
                    ok = dxbc_asm_expect(a, "ft") && dxbc_asm_parse_u32(a, &v) && dxbc_asm_expect(a, "=") && parse_id_list(a, "fb", &list);
                    if (ok)
                    {
                        dxbc_asm_emit(&a->tokens, v);
                        dxbc_asm_emit(&a->tokens, (uint32_t)list.count);
                    }
                }
                for (i = 0; ok && i < list.count; ++i)
                    dxbc_asm_emit(&a->tokens, list.data[i]);
                free(list.data);
                if (!ok)
                    return false;
                dxbc_asm_end(a, &b);
                return dxbc_asm_at_end(a);
            }
            default:
                dxbc_asm_fail(a, "cannot assemble '%.*s'", (int)mlen, mnemonic);
                return false;
        }
    }
#undef IS
#undef STARTS
}

/* Suffixes after the opcode name of a plain instruction. */
