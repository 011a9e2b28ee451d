/* compile.c — DXBC to SPIR-V: driver, register files, operands, stage I/O, control flow,
 * stage structure (HS phases, GS emission). See compile.h for the interface it produces. */
#include <stdarg.h>

#include "compile_private.h"

bool dxc_fail(struct dxc *c, const char *fmt, ...)
{
    va_list va;

    if (!c->failed && c->error && c->error_size)
    {
        va_start(va, fmt);
        vsnprintf(c->error, c->error_size, fmt, va);
        va_end(va);
    }
    c->failed = true;
    return false;
}

unsigned dxc_popcount(unsigned m)
{
    unsigned n = 0;
    for (; m; m &= m - 1)
        ++n;
    return n;
}

uint32_t dxc_type(struct dxc *c, enum vt t, unsigned n)
{
    if (n < 1 || n > 4)
        n = 1;
    switch (t)
    {
        case VT_F32: return c->t_fv[n];
        case VT_I32: return c->t_iv[n];
        case VT_BOOL: return c->t_bv[n];
        case VT_F64:
            if (!c->t_dv[1])
            {
                spv_capability(&c->b, SpvCapabilityFloat64);
                c->uses_float64 = true;
                c->t_f64 = c->t_dv[1] = spv_type_float(&c->b, 64);
                c->t_dv[2] = spv_type_vector(&c->b, c->t_f64, 2);
            }
            return c->t_dv[n > 2 ? 2 : n];
        default: return c->t_uv[n];
    }
}

uint32_t dxc_ptr(struct dxc *c, SpvStorageClass sc, uint32_t type)
{
    return spv_type_pointer(&c->b, sc, type);
}

uint32_t dxc_u(struct dxc *c, uint32_t v) { return spv_const_u32(&c->b, v); }
uint32_t dxc_i(struct dxc *c, int32_t v) { return spv_const_i32(&c->b, v); }
uint32_t dxc_f(struct dxc *c, float v) { return spv_const_f32(&c->b, v); }

uint32_t dxc_splat(struct dxc *c, uint32_t scalar_const, enum vt t, unsigned n)
{
    uint32_t parts[4] = { scalar_const, scalar_const, scalar_const, scalar_const };

    if (n <= 1)
        return scalar_const;
    return spv_const_composite(&c->b, dxc_type(c, t, n), parts, n);
}

static size_t name_append(char *buf, size_t size, size_t pos, const char *s)
{
    while (*s && pos + 1 < size)
        buf[pos++] = *s++;
    return pos;
}

const char *dxc_format_name(char *buf, size_t size, const char *prefix, uint32_t n, const char *suffix, const char *suffix2)
{
    char digits[11], *d = digits + sizeof(digits);
    size_t pos;

    *--d = 0;
    do
        *--d = (char)('0' + n % 10);
    while (n /= 10);
    pos = name_append(buf, size, 0, prefix);
    pos = name_append(buf, size, pos, d);
    pos = name_append(buf, size, pos, suffix);
    pos = name_append(buf, size, pos, suffix2);
    buf[pos] = 0;
    return buf;
}

void dxc_add_iface(struct dxc *c, uint32_t var)
{
    if (c->iface_count == c->iface_cap)
    {
        unsigned cap = c->iface_cap ? c->iface_cap * 2 : 32;
        uint32_t *n = realloc(c->iface, cap * sizeof(*n));
        if (!n)
        {
            c->b.oom = true;
            return;
        }
        c->iface = n;
        c->iface_cap = cap;
    }
    c->iface[c->iface_count++] = var;
}

uint32_t dxc_global_var(struct dxc *c, SpvStorageClass sc, uint32_t type, const char *name)
{
    uint32_t var = spv_variable(&c->b, dxc_ptr(c, sc, type), sc, 0);

    if (name)
        spv_name(&c->b, var, name);
    dxc_add_iface(c, var);
    return var;
}

uint32_t dxc_builtin_input(struct dxc *c, SpvBuiltIn bi, uint32_t type)
{
    uint32_t var;

    if ((unsigned)bi < 128 && c->bi_var[bi])
        return c->bi_var[bi];
    var = dxc_global_var(c, SpvStorageClassInput, type, NULL);
    spv_builtin(&c->b, var, bi);
    if (c->stage == DXBC_STAGE_PS && (bi == SpvBuiltInSampleId || bi == SpvBuiltInPrimitiveId
            || bi == SpvBuiltInLayer || bi == SpvBuiltInViewportIndex))
        spv_decorate0(&c->b, var, SpvDecorationFlat);
    if ((unsigned)bi < 128)
        c->bi_var[bi] = var;
    return var;
}

uint32_t dxc_bitcast(struct dxc *c, uint32_t v, enum vt from, enum vt to, unsigned n)
{
    if (from == to)
        return v;
    return spv_bitcast(&c->b, dxc_type(c, to, n), v);
}

uint32_t dxc_to_bool(struct dxc *c, uint32_t v, unsigned n)
{
    return spv_op2(&c->b, SpvOpINotEqual, dxc_type(c, VT_BOOL, n), v, dxc_splat(c, dxc_u(c, 0), VT_U32, n));
}

/* ------------------------------------------------------------------------------------
 * Operands */

static unsigned comp_for_lane(const struct dxbc_operand *op, unsigned lane)
{
    if (op->components == DXBC_COMPONENTS_1)
        return 0;
    switch (op->select_mode)
    {
        case DXBC_SELECT_SWIZZLE: return op->swizzle[lane] & 3;
        case DXBC_SELECT_SELECT1: return op->select1 & 3;
        default: return lane;
    }
}

uint32_t dxc_index_value(struct dxc *c, const struct dxbc_operand_index *idx)
{
    uint32_t v = dxc_u(c, (uint32_t)idx->imm);

    if (idx->rel && (idx->repr == DXBC_INDEX_RELATIVE || idx->repr == DXBC_INDEX_IMM32_RELATIVE
            || idx->repr == DXBC_INDEX_IMM64_RELATIVE))
    {
        uint32_t r = dxc_load_src_scalar(c, idx->rel, VT_U32);
        if (idx->imm)
            r = spv_op2(&c->b, SpvOpIAdd, c->t_u32, r, v);
        return r;
    }
    return v;
}

static bool index_is_imm(const struct dxbc_operand_index *idx)
{
    return !idx->rel;
}

/* An index into a register array of `limit` entries: immediates out of range fail the
 * compile; relative indices are clamped (the arrays live in Private memory, where an
 * out-of-range access has no defined result). */
static uint32_t index_in(struct dxc *c, const struct dxbc_operand_index *idx, uint32_t limit, const char *what)
{
    uint32_t v;

    if (!limit)
        return dxc_fail(c, "%s: empty register array", what), dxc_u(c, 0);
    if (index_is_imm(idx))
    {
        if (idx->imm >= limit)
            return dxc_fail(c, "%s index %u out of range (%u)", what, (unsigned)idx->imm, limit), dxc_u(c, 0);
        return dxc_u(c, (uint32_t)idx->imm);
    }
    v = dxc_index_value(c, idx);
    return spv_ext2(&c->b, GLSLstd450UMin, c->t_u32, v, dxc_u(c, limit - 1));
}

/* A register file that lives in memory: pointer to its uvec4, or 0. */
static uint32_t reg_ptr(struct dxc *c, const struct dxbc_operand *op, bool for_write)
{
    uint32_t idx[3], pp = dxc_ptr(c, SpvStorageClassPrivate, c->t_uv[4]);
    unsigned i;

    switch (op->type)
    {
        case DXBC_REG_TEMP:
            /* r# are never relatively indexed: each is its own variable, which drivers turn
             * into SSA values more readily than an array. */
            if (op->index_count < 1 || !c->temp_vars)
                return dxc_fail(c, "temp register without dcl_temps"), 0;
            if (op->index[0].rel || op->index[0].imm >= c->temp_count)
                return dxc_fail(c, "temp register r%u out of range", (unsigned)op->index[0].imm), 0;
            return c->temp_vars[op->index[0].imm];
        case DXBC_REG_INDEXABLE_TEMP:
            if (op->index_count < 2)
                return dxc_fail(c, "indexable temp needs two indices"), 0;
            i = op->index[0].imm < c->xreg_count ? (unsigned)op->index[0].imm : c->xreg_count;
            if (op->index[0].rel || i == c->xreg_count || !c->xregs[i].var)
                return dxc_fail(c, "undeclared indexable temp x%u", (unsigned)op->index[0].imm), 0;
            idx[0] = index_in(c, &op->index[1], c->xregs[i].size, "indexable temp");
            return spv_access_chain(&c->b, pp, c->xregs[i].var, idx, 1);
        case DXBC_REG_INPUT:
        case DXBC_REG_INPUT_CONTROL_POINT:
            if (!c->inputs || op->index_count < 1)
                return dxc_fail(c, "input register without declaration"), 0;
            if (c->input_vertices)
            {
                if (op->index_count < 2)
                    return dxc_fail(c, "per-vertex input needs two indices"), 0;
                idx[0] = index_in(c, &op->index[0], c->input_vertices, "input vertex");
                idx[1] = index_in(c, &op->index[1], c->input_count, "input register");
                return spv_access_chain(&c->b, pp, c->inputs, idx, 2);
            }
            if (op->type == DXBC_REG_INPUT_CONTROL_POINT)
                return dxc_fail(c, "control point input outside HS/DS"), 0;
            idx[0] = index_in(c, &op->index[0], c->input_count, "input register");
            return spv_access_chain(&c->b, pp, c->inputs, idx, 1);
        case DXBC_REG_OUTPUT:
            if (op->index_count < 1)
                return dxc_fail(c, "output register without index"), 0;
            if (c->in_hs_fork_join)
            {
                if (!c->patch_outputs)
                    return dxc_fail(c, "patch constant output without declaration"), 0;
                idx[0] = index_in(c, &op->index[0], c->patch_output_count, "patch constant output");
                return spv_access_chain(&c->b, pp, c->patch_outputs, idx, 1);
            }
            if (!c->outputs)
                return dxc_fail(c, "output register without declaration"), 0;
            idx[0] = index_in(c, &op->index[0], c->output_count, "output register");
            return spv_access_chain(&c->b, pp, c->outputs, idx, 1);
        case DXBC_REG_INPUT_PATCH_CONSTANT:
            if (!c->patch_outputs || op->index_count < 1)
                return dxc_fail(c, "patch constant input without declaration"), 0;
            idx[0] = index_in(c, &op->index[0], c->patch_output_count, "patch constant");
            return spv_access_chain(&c->b, pp, c->patch_outputs, idx, 1);
        default:
            (void)for_write;
            return 0;
    }
}

static uint32_t uvec4_from_scalar(struct dxc *c, uint32_t s)
{
    uint32_t parts[4] = { s, s, s, s };
    return spv_composite(&c->b, c->t_uv[4], parts, 4);
}

static uint32_t uvec4_from_uvec3(struct dxc *c, uint32_t v3)
{
    uint32_t comps[4] = { 0, 1, 2, 3 };
    uint32_t zero3 = spv_const_null(&c->b, c->t_uv[3]);
    return spv_shuffle(&c->b, c->t_uv[4], v3, zero3, comps, 4);
}


/* Stages in which a system-value register exists (bit per enum dxbc_stage); 0: any. */
static unsigned reg_stages(enum dxbc_register_type t)
{
    switch (t)
    {
        case DXBC_REG_INPUT_PRIMITIVEID:
            return (1u << DXBC_STAGE_HS) | (1u << DXBC_STAGE_DS) | (1u << DXBC_STAGE_GS) | (1u << DXBC_STAGE_PS);
        case DXBC_REG_INPUT_GS_INSTANCE_ID: return 1u << DXBC_STAGE_GS;
        case DXBC_REG_OUTPUT_CONTROL_POINT_ID: case DXBC_REG_INPUT_FORK_INSTANCE_ID:
        case DXBC_REG_INPUT_JOIN_INSTANCE_ID: case DXBC_REG_OUTPUT_CONTROL_POINT:
            return 1u << DXBC_STAGE_HS;
        case DXBC_REG_INPUT_DOMAIN_POINT: return 1u << DXBC_STAGE_DS;
        case DXBC_REG_INPUT_THREAD_ID: case DXBC_REG_INPUT_THREAD_GROUP_ID: case DXBC_REG_INPUT_THREAD_ID_IN_GROUP:
        case DXBC_REG_INPUT_THREAD_ID_IN_GROUP_FLATTENED:
            return 1u << DXBC_STAGE_CS;
        case DXBC_REG_INPUT_COVERAGE_MASK: case DXBC_REG_INNER_COVERAGE: case DXBC_REG_OUTPUT_DEPTH:
        case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL: case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL:
        case DXBC_REG_OUTPUT_COVERAGE_MASK: case DXBC_REG_OUTPUT_STENCIL_REF:
            return 1u << DXBC_STAGE_PS;
        case DXBC_REG_INPUT_CONTROL_POINT: return (1u << DXBC_STAGE_HS) | (1u << DXBC_STAGE_DS);
        case DXBC_REG_INPUT_PATCH_CONSTANT: return (1u << DXBC_STAGE_HS) | (1u << DXBC_STAGE_DS);   /* HS join phases read fork outputs */
        default: return 0;
    }
}

/* The whole register as uvec4. */
static uint32_t load_reg(struct dxc *c, const struct dxbc_operand *op)
{
    uint32_t ptr, v, idx[2];
    unsigned stages = reg_stages(op->type);

    if (stages && !(stages & (1u << c->stage)))
        return dxc_fail(c, "register type %u does not exist in this shader stage", (unsigned)op->type), 0;

    switch (op->type)
    {
        case DXBC_REG_IMMEDIATE32:
        {
            uint32_t w[4];
            unsigned i;
            for (i = 0; i < 4; ++i)
                w[i] = op->imm.u32[op->imm_count == 4 ? i : 0];
            return spv_const_uvec(&c->b, w, 4);
        }
        case DXBC_REG_IMMEDIATE64:
        {
            uint32_t w[4];
            w[0] = (uint32_t)op->imm.u64[0];
            w[1] = (uint32_t)(op->imm.u64[0] >> 32);
            w[2] = (uint32_t)op->imm.u64[op->imm_count >= 2 ? 1 : 0];
            w[3] = (uint32_t)(op->imm.u64[op->imm_count >= 2 ? 1 : 0] >> 32);
            return spv_const_uvec(&c->b, w, 4);
        }
        case DXBC_REG_CONSTANT_BUFFER:
        {
            uint32_t slot;
            if (op->index_count < 2 || op->index[0].rel || op->index[0].imm >= 16 || !c->cb_var[op->index[0].imm])
                return dxc_fail(c, "undeclared constant buffer"), 0;
            slot = (uint32_t)op->index[0].imm;
            idx[0] = dxc_u(c, 0);
            if (!op->index[1].rel && op->index[1].imm >= c->cb_size[slot])
                return dxc_fail(c, "cb%u[%u] beyond the declared size", slot, (unsigned)op->index[1].imm), 0;
            idx[1] = dxc_index_value(c, &op->index[1]);
            ptr = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassUniform, c->t_uv[4]), c->cb_var[slot], idx, 2);
            return spv_load(&c->b, c->t_uv[4], ptr);
        }
        case DXBC_REG_IMMEDIATE_CONSTANT_BUFFER:
            if (!c->icb_var || op->index_count < 1)
                return dxc_fail(c, "immediate constant buffer not declared"), 0;
            idx[0] = index_in(c, &op->index[0], c->icb_size, "icb");
            ptr = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_uv[4]), c->icb_var, idx, 1);
            return spv_load(&c->b, c->t_uv[4], ptr);
        case DXBC_REG_INPUT_PRIMITIVEID:
            v = spv_load(&c->b, c->t_i32, dxc_builtin_input(c, SpvBuiltInPrimitiveId, c->t_i32));
            return uvec4_from_scalar(c, spv_bitcast(&c->b, c->t_u32, v));
        case DXBC_REG_INPUT_GS_INSTANCE_ID:
        case DXBC_REG_OUTPUT_CONTROL_POINT_ID:
            v = spv_load(&c->b, c->t_i32, dxc_builtin_input(c, SpvBuiltInInvocationId, c->t_i32));
            return uvec4_from_scalar(c, spv_bitcast(&c->b, c->t_u32, v));
        case DXBC_REG_INPUT_THREAD_ID:
            return uvec4_from_uvec3(c, spv_load(&c->b, c->t_uv[3], dxc_builtin_input(c, SpvBuiltInGlobalInvocationId, c->t_uv[3])));
        case DXBC_REG_INPUT_THREAD_GROUP_ID:
            return uvec4_from_uvec3(c, spv_load(&c->b, c->t_uv[3], dxc_builtin_input(c, SpvBuiltInWorkgroupId, c->t_uv[3])));
        case DXBC_REG_INPUT_THREAD_ID_IN_GROUP:
            return uvec4_from_uvec3(c, spv_load(&c->b, c->t_uv[3], dxc_builtin_input(c, SpvBuiltInLocalInvocationId, c->t_uv[3])));
        case DXBC_REG_INPUT_THREAD_ID_IN_GROUP_FLATTENED:
            return uvec4_from_scalar(c, spv_load(&c->b, c->t_u32, dxc_builtin_input(c, SpvBuiltInLocalInvocationIndex, c->t_u32)));
        case DXBC_REG_INPUT_COVERAGE_MASK:
        {
            uint32_t arr = spv_type_array(&c->b, c->t_i32, 1), var, p;
            var = dxc_builtin_input(c, SpvBuiltInSampleMask, arr);
            idx[0] = dxc_u(c, 0);
            p = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassInput, c->t_i32), var, idx, 1);
            v = spv_bitcast(&c->b, c->t_u32, spv_load(&c->b, c->t_i32, p));
            c->ps_flags |= DXBC_PS_READS_COVERAGE;
            return uvec4_from_scalar(c, v);
        }
        case DXBC_REG_INPUT_FORK_INSTANCE_ID:
        case DXBC_REG_INPUT_JOIN_INSTANCE_ID:
            if (!c->fork_instance)
                return dxc_fail(c, "fork/join instance id outside a phase"), 0;
            return uvec4_from_scalar(c, spv_load(&c->b, c->t_u32, c->fork_instance));
        case DXBC_REG_INPUT_DOMAIN_POINT:
        {
            uint32_t tc = spv_load(&c->b, c->t_fv[3], dxc_builtin_input(c, SpvBuiltInTessCoord, c->t_fv[3]));
            return uvec4_from_uvec3(c, spv_bitcast(&c->b, c->t_uv[3], tc));
        }
        case DXBC_REG_OUTPUT_CONTROL_POINT:
            return dxc_hs_output_cp(c, op);
        case DXBC_REG_CYCLE_COUNTER:
        case DXBC_REG_INNER_COVERAGE:
        case DXBC_REG_NULL:
            return spv_const_null(&c->b, c->t_uv[4]);
        case DXBC_REG_OUTPUT_DEPTH:
        case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL:
        case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL:
            if (!c->depth_out)
                return dxc_fail(c, "depth output read before declaration"), 0;
            return uvec4_from_scalar(c, spv_load(&c->b, c->t_u32, c->depth_out));
        case DXBC_REG_OUTPUT_COVERAGE_MASK:
            if (!c->mask_out)
                return dxc_fail(c, "coverage output read before declaration"), 0;
            return uvec4_from_scalar(c, spv_load(&c->b, c->t_u32, c->mask_out));
        default:
            break;
    }
    if (!(ptr = reg_ptr(c, op, false)))
    {
        if (!c->failed)
            dxc_fail(c, "unsupported source register type %u", (unsigned)op->type);
        return 0;
    }
    return spv_load(&c->b, c->t_uv[4], ptr);
}

uint32_t dxc_swizzle(struct dxc *c, uint32_t vec4, enum vt t, const struct dxbc_operand *op, unsigned mask)
{
    uint32_t comps[4];
    unsigned n = 0, lane;

    for (lane = 0; lane < 4; ++lane)
        if (mask & (1u << lane))
            comps[n++] = comp_for_lane(op, lane);
    if (n == 1)
        return spv_extract(&c->b, dxc_type(c, t, 1), vec4, comps[0]);
    if (n == 4 && comps[0] == 0 && comps[1] == 1 && comps[2] == 2 && comps[3] == 3)
        return vec4;
    return spv_shuffle(&c->b, dxc_type(c, t, n), vec4, vec4, comps, n);
}

static uint32_t apply_modifiers(struct dxc *c, const struct dxbc_operand *op, uint32_t v, enum vt t, unsigned n)
{
    uint32_t type = dxc_type(c, t, n);

    if (op->abs)
    {
        if (t == VT_F32 || t == VT_F64)
            v = spv_ext1(&c->b, GLSLstd450FAbs, type, v);
        else if (t == VT_I32)
            v = spv_ext1(&c->b, GLSLstd450SAbs, type, v);
    }
    if (op->neg)
    {
        if (t == VT_F32 || t == VT_F64)
            v = spv_op1(&c->b, SpvOpFNegate, type, v);
        else if (t != VT_BOOL)
            v = spv_op1(&c->b, SpvOpSNegate, type, v);
    }
    return v;
}

uint32_t dxc_load_src(struct dxc *c, const struct dxbc_operand *op, unsigned mask, enum vt t)
{
    unsigned n = dxc_popcount(mask);
    uint32_t v;

    if (!n)
        mask = 1, n = 1;
    if (op->type == DXBC_REG_IMMEDIATE32)
    {
        uint32_t w[4];
        unsigned lane, k = 0;
        for (lane = 0; lane < 4; ++lane)
            if (mask & (1u << lane))
                w[k++] = op->imm.u32[op->imm_count == 4 ? lane : 0];
        v = spv_const_uvec(&c->b, w, n);
    }
    else
    {
        if (!(v = load_reg(c, op)))
            return spv_const_null(&c->b, dxc_type(c, t, n));
        v = dxc_swizzle(c, v, VT_U32, op, mask);
    }
    v = dxc_bitcast(c, v, VT_U32, t, n);
    return apply_modifiers(c, op, v, t, n);
}

uint32_t dxc_load_src_n(struct dxc *c, const struct dxbc_operand *op, unsigned n, enum vt t)
{
    return dxc_load_src(c, op, (1u << n) - 1, t);
}

uint32_t dxc_load_src_scalar(struct dxc *c, const struct dxbc_operand *op, enum vt t)
{
    return dxc_load_src(c, op, 1, t);
}

/* Doubles: `lanes` names the 32-bit lanes (pairs xy/zw) whose swizzled source components
 * hold the doubles, as for 32-bit operations: a .zw destination reads swizzle[2], swizzle[3]. */
uint32_t dxc_load_src_double(struct dxc *c, const struct dxbc_operand *op, unsigned lanes)
{
    uint32_t v, comps[4];
    unsigned lane, k = 0, n;

    lanes &= 0xf;
    n = dxc_popcount(lanes) / 2;
    if (!n || (lanes != 0x3 && lanes != 0xc && lanes != 0xf))
        return dxc_fail(c, "bad double lanes 0x%x", lanes), spv_const_null(&c->b, dxc_type(c, VT_F64, 1));
    if (!(v = load_reg(c, op)))
        return spv_const_null(&c->b, dxc_type(c, VT_F64, n));
    for (lane = 0; lane < 4; ++lane)
        if (lanes & (1u << lane))
            comps[k++] = comp_for_lane(op, lane);
    v = spv_shuffle(&c->b, c->t_uv[2 * n], v, v, comps, 2 * n);
    v = spv_bitcast(&c->b, dxc_type(c, VT_F64, n), v);
    return apply_modifiers(c, op, v, VT_F64, n);
}

static uint32_t saturate(struct dxc *c, uint32_t v, enum vt t, unsigned n)
{
    uint32_t type = dxc_type(c, t, n), zero, one;

    if (t == VT_F64)
    {
        zero = spv_const_f64(&c->b, 0.0);
        one = spv_const_f64(&c->b, 1.0);
        if (n > 1)
        {
            uint32_t z[2] = { zero, zero }, o[2] = { one, one };
            zero = spv_const_composite(&c->b, type, z, n);
            one = spv_const_composite(&c->b, type, o, n);
        }
    }
    else
    {
        zero = dxc_splat(c, dxc_f(c, 0.0f), VT_F32, n);
        one = dxc_splat(c, dxc_f(c, 1.0f), VT_F32, n);
    }
    /* NMax first so that NaN becomes 0, as D3D's saturate requires. */
    v = spv_ext2(&c->b, GLSLstd450NMax, type, v, zero);
    return spv_ext2(&c->b, GLSLstd450NMin, type, v, one);
}

static void store_scalar_special(struct dxc *c, const struct dxbc_operand *op, uint32_t u)
{
    switch (op->type)
    {
        case DXBC_REG_OUTPUT_DEPTH:
        case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL:
        case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL:
            if (c->depth_out)
                spv_store(&c->b, c->depth_out, u);
            else
                dxc_fail(c, "depth output not declared");
            break;
        case DXBC_REG_OUTPUT_COVERAGE_MASK:
            if (c->mask_out)
                spv_store(&c->b, c->mask_out, u);
            else
                dxc_fail(c, "coverage output not declared");
            break;
        case DXBC_REG_OUTPUT_STENCIL_REF:
            if (c->stencil_out)
                spv_store(&c->b, c->stencil_out, u);
            break;
        default:
            dxc_fail(c, "unsupported destination register type %u", (unsigned)op->type);
    }
}

void dxc_store_dst(struct dxc *c, const struct dxbc_instruction *ins, const struct dxbc_operand *op, uint32_t value, enum vt t)
{
    unsigned mask = op->components == DXBC_COMPONENTS_4 ? op->mask : 1;
    unsigned n = dxc_popcount(mask), lane, k = 0;
    uint32_t ptr, u, idx;

    if (op->type == DXBC_REG_NULL || !n)
        return;
    if (reg_stages(op->type) && !(reg_stages(op->type) & (1u << c->stage)))
    {
        dxc_fail(c, "register type %u does not exist in this shader stage", (unsigned)op->type);
        return;
    }
    if (ins && ins->saturate && t == VT_F32)
        value = saturate(c, value, t, n);
    u = dxc_bitcast(c, value, t, VT_U32, n);
    if (op->type == DXBC_REG_OUTPUT_DEPTH || op->type == DXBC_REG_OUTPUT_COVERAGE_MASK
            || op->type == DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL || op->type == DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL
            || op->type == DXBC_REG_OUTPUT_STENCIL_REF)
    {
        store_scalar_special(c, op, n == 1 ? u : spv_extract(&c->b, c->t_u32, u, 0));
        return;
    }
    if (!(ptr = reg_ptr(c, op, true)))
    {
        if (!c->failed)
            dxc_fail(c, "unsupported destination register type %u", (unsigned)op->type);
        return;
    }
    if (n == 4)
    {
        spv_store(&c->b, ptr, u);
        return;
    }
    for (lane = 0; lane < 4; ++lane)
    {
        if (!(mask & (1u << lane)))
            continue;
        idx = dxc_u(c, lane);
        spv_store(&c->b, spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_u32), ptr, &idx, 1),
                n == 1 ? u : spv_extract(&c->b, c->t_u32, u, k));
        ++k;
    }
}

void dxc_store_dst_double(struct dxc *c, const struct dxbc_operand *op, uint32_t value, unsigned n)
{
    uint32_t u = spv_bitcast(&c->b, c->t_uv[2 * n], value), ptr, idx;
    unsigned lane, k = 0;

    if (op->type == DXBC_REG_NULL)
        return;
    if (!(ptr = reg_ptr(c, op, true)))
    {
        if (!c->failed)
            dxc_fail(c, "unsupported double destination");
        return;
    }
    for (lane = 0; lane < 4 && k < 2 * n; ++lane)
    {
        if (!(op->mask & (1u << lane)))
            continue;
        idx = dxc_u(c, lane);
        spv_store(&c->b, spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_u32), ptr, &idx, 1),
                spv_extract(&c->b, c->t_u32, u, k));
        ++k;
    }
}

/* ------------------------------------------------------------------------------------
 * Control flow. DXBC's structured flow maps onto SPIR-V selection/loop/switch constructs;
 * after a terminator (break, ret, ...) code continues in a fresh unreachable block. */

static void ensure_block(struct dxc *c)
{
    if (!c->block_open)
    {
        spv_label(&c->b, spv_id(&c->b));
        c->block_open = true;
    }
}

static void branch_to(struct dxc *c, uint32_t target)
{
    if (c->block_open)
        spv_branch(&c->b, target);
    c->block_open = false;
}

static void start_block(struct dxc *c, uint32_t label)
{
    spv_label(&c->b, label);
    c->block_open = true;
}

static uint32_t test_cond(struct dxc *c, const struct dxbc_instruction *ins, const struct dxbc_operand *op)
{
    uint32_t v = dxc_load_src_scalar(c, op, VT_U32);
    return spv_op2(&c->b, ins->test_nz ? SpvOpINotEqual : SpvOpIEqual, c->t_bool, v, dxc_u(c, 0));
}

static struct cf_entry *cf_push(struct dxc *c, enum cf_kind kind)
{
    struct cf_entry *e;

    if (c->cf_depth >= 64)
        return dxc_fail(c, "control flow nested too deeply"), NULL;
    e = &c->cf[c->cf_depth++];
    memset(e, 0, sizeof(*e));
    e->kind = kind;
    e->merge = spv_id(&c->b);
    return e;
}

static struct cf_entry *cf_find(struct dxc *c, bool loop_only)
{
    unsigned i;

    for (i = c->cf_depth; i > 0; --i)
        if (c->cf[i - 1].kind == CF_LOOP || (!loop_only && c->cf[i - 1].kind == CF_SWITCH))
            return &c->cf[i - 1];
    return NULL;
}

/* if (cond) { <terminator emitted by fn> } */
static void conditional(struct dxc *c, uint32_t cond, uint32_t target, SpvOp term)
{
    uint32_t t = spv_id(&c->b), m = spv_id(&c->b);

    spv_selection_merge(&c->b, m);
    spv_branch_cond(&c->b, cond, t, m);
    start_block(c, t);
    if (term == SpvOpBranch)
        spv_branch(&c->b, target);
    else if (term == SpvOpDemoteToHelperInvocation)
    {
        spv_op_void(&c->b, SpvOpDemoteToHelperInvocation, NULL, 0);
        spv_branch(&c->b, m);
    }
    else
        spv_op_void(&c->b, term, NULL, 0);
    start_block(c, m);
}

static bool emit_switch(struct dxc *c, unsigned at, unsigned end)
{
    const struct dxbc_program *p = c->p;
    const struct dxbc_instruction *ins = &p->instructions[at];
    struct cf_entry *e;
    uint32_t sel, *ops, label = 0;
    unsigned i, depth = 0, n = 0, cap = 16, nops = 0;
    bool prev_case = false;

    sel = dxc_load_src_scalar(c, dxbc_instruction_src(ins, 0) ? dxbc_instruction_src(ins, 0) : &ins->operands[0], VT_U32);
    if (!(e = cf_push(c, CF_SWITCH)))
        return false;
    if (!(e->case_labels = malloc(cap * sizeof(uint32_t))) || !(ops = malloc((2 + 2 * 256) * sizeof(uint32_t))))
    {
        free(e->case_labels);
        e->case_labels = NULL;
        return dxc_fail(c, "out of memory");
    }
    ops[0] = sel;
    ops[1] = 0;
    nops = 2;
    for (i = at + 1; i < end; ++i)
    {
        const struct dxbc_instruction *s = &p->instructions[i];
        bool is_case = s->opcode == DXBC_OP_CASE || s->opcode == DXBC_OP_DEFAULT;

        if (s->opcode == DXBC_OP_SWITCH)
            ++depth;
        else if (s->opcode == DXBC_OP_ENDSWITCH)
        {
            if (!depth)
                break;
            --depth;
        }
        if (depth || !is_case)
        {
            if (!depth)
                prev_case = false;
            continue;
        }
        if (!prev_case)
        {
            if (n == cap)
            {
                uint32_t *nl = realloc(e->case_labels, (cap *= 2) * sizeof(uint32_t));
                if (!nl)
                {
                    free(ops);
                    return dxc_fail(c, "out of memory");
                }
                e->case_labels = nl;
            }
            label = e->case_labels[n++] = spv_id(&c->b);
        }
        prev_case = true;
        if (s->opcode == DXBC_OP_DEFAULT)
            e->default_label = label;
        else
        {
            const struct dxbc_operand *v = s->operand_count ? &s->operands[0] : NULL;
            if (!v || nops >= 2 + 2 * 256)
            {
                free(ops);
                return dxc_fail(c, "bad or too many case labels");
            }
            ops[nops++] = v->imm.u32[0];
            ops[nops++] = label;
        }
    }
    e->case_count = n;
    ops[1] = e->default_label ? e->default_label : e->merge;
    spv_selection_merge(&c->b, e->merge);
    spv_inst(&c->b, SPV_SECTION_FUNCTION, SpvOpSwitch, ops, nops);
    free(ops);
    c->block_open = false;
    return true;
}

static bool emit_flow(struct dxc *c, unsigned at, unsigned end, const struct program_layout *layout, bool *handled)
{
    const struct dxbc_instruction *ins = &c->p->instructions[at];
    const struct dxbc_operand *src0 = ins->operand_count ? &ins->operands[0] : NULL;
    struct cf_entry *e;
    uint32_t cond, t;
    unsigned i;

    *handled = true;
    switch (ins->opcode)
    {
        case DXBC_OP_IF:
            ensure_block(c);
            cond = test_cond(c, ins, src0);
            if (!(e = cf_push(c, CF_IF)))
                return false;
            e->else_label = spv_id(&c->b);
            t = spv_id(&c->b);
            spv_selection_merge(&c->b, e->merge);
            spv_branch_cond(&c->b, cond, t, e->else_label);
            start_block(c, t);
            return true;
        case DXBC_OP_ELSE:
            if (!c->cf_depth || (e = &c->cf[c->cf_depth - 1])->kind != CF_IF || e->has_else)
                return dxc_fail(c, "else without if");
            branch_to(c, e->merge);
            start_block(c, e->else_label);
            e->has_else = true;
            return true;
        case DXBC_OP_ENDIF:
            if (!c->cf_depth || (e = &c->cf[c->cf_depth - 1])->kind != CF_IF)
                return dxc_fail(c, "endif without if");
            branch_to(c, e->merge);
            if (!e->has_else)
            {
                start_block(c, e->else_label);
                branch_to(c, e->merge);
            }
            start_block(c, e->merge);
            --c->cf_depth;
            return true;
        case DXBC_OP_LOOP:
            ensure_block(c);
            if (!(e = cf_push(c, CF_LOOP)))
                return false;
            e->cont = spv_id(&c->b);
            e->else_label = spv_id(&c->b);      /* loop header */
            t = spv_id(&c->b);
            branch_to(c, e->else_label);
            start_block(c, e->else_label);
            spv_loop_merge(&c->b, e->merge, e->cont);
            spv_branch(&c->b, t);
            start_block(c, t);
            return true;
        case DXBC_OP_ENDLOOP:
            if (!c->cf_depth || (e = &c->cf[c->cf_depth - 1])->kind != CF_LOOP)
                return dxc_fail(c, "endloop without loop");
            branch_to(c, e->cont);
            start_block(c, e->cont);
            branch_to(c, e->else_label);
            start_block(c, e->merge);
            --c->cf_depth;
            return true;
        case DXBC_OP_BREAK:
            if (!(e = cf_find(c, false)))
                return dxc_fail(c, "break outside loop/switch");
            ensure_block(c);
            branch_to(c, e->merge);
            return true;
        case DXBC_OP_BREAKC:
            if (!(e = cf_find(c, false)))
                return dxc_fail(c, "breakc outside loop/switch");
            ensure_block(c);
            conditional(c, test_cond(c, ins, src0), e->merge, SpvOpBranch);
            return true;
        case DXBC_OP_CONTINUE:
            if (!(e = cf_find(c, true)))
                return dxc_fail(c, "continue outside loop");
            ensure_block(c);
            branch_to(c, e->cont);
            return true;
        case DXBC_OP_CONTINUEC:
            if (!(e = cf_find(c, true)))
                return dxc_fail(c, "continuec outside loop");
            ensure_block(c);
            conditional(c, test_cond(c, ins, src0), e->cont, SpvOpBranch);
            return true;
        case DXBC_OP_SWITCH:
            ensure_block(c);
            return emit_switch(c, at, end);
        case DXBC_OP_CASE:
        case DXBC_OP_DEFAULT:
            if (!c->cf_depth || (e = &c->cf[c->cf_depth - 1])->kind != CF_SWITCH)
                return dxc_fail(c, "case outside switch");
            if (at > 0 && (c->p->instructions[at - 1].opcode == DXBC_OP_CASE || c->p->instructions[at - 1].opcode == DXBC_OP_DEFAULT))
                return true;   /* same group as the previous label */
            if (e->case_next >= e->case_count)
                return dxc_fail(c, "case label bookkeeping mismatch");
            branch_to(c, e->case_labels[e->case_next]);   /* fall-through */
            start_block(c, e->case_labels[e->case_next++]);
            return true;
        case DXBC_OP_ENDSWITCH:
            if (!c->cf_depth || (e = &c->cf[c->cf_depth - 1])->kind != CF_SWITCH)
                return dxc_fail(c, "endswitch without switch");
            branch_to(c, e->merge);
            start_block(c, e->merge);
            free(e->case_labels);
            e->case_labels = NULL;
            --c->cf_depth;
            return true;
        case DXBC_OP_RET:
            ensure_block(c);
            spv_return(&c->b);
            c->block_open = false;
            return true;
        case DXBC_OP_RETC:
            ensure_block(c);
            conditional(c, test_cond(c, ins, src0), 0, SpvOpReturn);
            return true;
        case DXBC_OP_DISCARD:
            ensure_block(c);
            if (c->stage != DXBC_STAGE_PS)
                return dxc_fail(c, "discard outside a pixel shader");
            c->ps_flags |= DXBC_PS_USES_DISCARD;
            spv_capability(&c->b, SpvCapabilityDemoteToHelperInvocation);
            conditional(c, test_cond(c, ins, src0), 0, SpvOpDemoteToHelperInvocation);
            return true;
        case DXBC_OP_CALL:
        case DXBC_OP_CALLC:
        {
            const struct dxbc_operand *l = ins->opcode == DXBC_OP_CALL ? src0 : (ins->operand_count > 1 ? &ins->operands[1] : NULL);
            uint32_t func = 0, args[1];
            if (!l || !l->index_count)
                return dxc_fail(c, "call without label");
            for (i = 0; i < layout->count; ++i)
                if (layout->ranges[i].kind == DXBC_OP_LABEL && layout->ranges[i].label_type == DXBC_REG_LABEL
                        && layout->ranges[i].label == l->index[0].imm)
                    func = layout->ranges[i].func;
            if (!func)
                return dxc_fail(c, "call to undefined label l%u", (unsigned)l->index[0].imm);
            ensure_block(c);
            args[0] = func;
            if (ins->opcode == DXBC_OP_CALLC)
            {
                uint32_t tl = spv_id(&c->b), m = spv_id(&c->b);
                cond = test_cond(c, ins, src0);
                spv_selection_merge(&c->b, m);
                spv_branch_cond(&c->b, cond, tl, m);
                start_block(c, tl);
                spv_op(&c->b, SpvOpFunctionCall, c->t_void, args, 1);
                spv_branch(&c->b, m);
                start_block(c, m);
            }
            else
                spv_op(&c->b, SpvOpFunctionCall, c->t_void, args, 1);
            return true;
        }
        case DXBC_OP_INTERFACE_CALL:
            ensure_block(c);
            return dxc_emit_fcall(c, ins, layout);
        default:
            *handled = false;
            return true;
    }
}

/* GS emission: copy o# of the stream to the outputs, then emit. */
static void gs_emit(struct dxc *c, const struct dxbc_instruction *ins)
{
    uint32_t stream = 0;
    bool emit = ins->opcode == DXBC_OP_EMIT || ins->opcode == DXBC_OP_EMITTHENCUT
            || ins->opcode == DXBC_OP_EMIT_STREAM || ins->opcode == DXBC_OP_EMITTHENCUT_STREAM;
    bool cut = ins->opcode == DXBC_OP_CUT || ins->opcode == DXBC_OP_EMITTHENCUT
            || ins->opcode == DXBC_OP_CUT_STREAM || ins->opcode == DXBC_OP_EMITTHENCUT_STREAM;
    bool streamed = ins->opcode == DXBC_OP_EMIT_STREAM || ins->opcode == DXBC_OP_CUT_STREAM
            || ins->opcode == DXBC_OP_EMITTHENCUT_STREAM;
    uint32_t sid;

    if (streamed && ins->operand_count && ins->operands[0].index_count)
        stream = (uint32_t)ins->operands[0].index[0].imm;
    if (stream > 3)
    {
        dxc_fail(c, "stream index out of range");
        return;
    }
    /* Without stream output only the rasterized stream has outputs; emits to others drop. */
    if (!c->multi_stream && stream != c->primary_stream)
        return;
    sid = dxc_u(c, dxc_vk_stream(c, stream));
    if (emit)
    {
        dxc_copy_outputs(c, c->out, c->out_count, c->outputs, c->multi_stream ? (int)stream : -1, 0, false);
        if (c->point_size_var && stream == c->primary_stream)
            spv_store(&c->b, c->point_size_var, dxc_f(c, 1.0f));
        if (c->multi_stream)
            spv_op_void(&c->b, SpvOpEmitStreamVertex, &sid, 1);
        else
            spv_op_void(&c->b, SpvOpEmitVertex, NULL, 0);
    }
    if (cut)
    {
        if (c->multi_stream)
            spv_op_void(&c->b, SpvOpEndStreamPrimitive, &sid, 1);
        else
            spv_op_void(&c->b, SpvOpEndPrimitive, NULL, 0);
    }
}

static void emit_sync(struct dxc *c, const struct dxbc_instruction *ins)
{
    uint32_t f = ins->sync_flags, sem = SpvMemorySemanticsAcquireReleaseMask, scope = SpvScopeWorkgroup, ops[3];

    if (f & DXBC_SYNC_TGSM)
        sem |= SpvMemorySemanticsWorkgroupMemoryMask;
    if (f & (DXBC_SYNC_UAV_GROUP | DXBC_SYNC_UAV_GLOBAL))
        sem |= SpvMemorySemanticsUniformMemoryMask | SpvMemorySemanticsImageMemoryMask;
    if (f & DXBC_SYNC_UAV_GLOBAL)
        scope = SpvScopeDevice;
    if (!(f & (DXBC_SYNC_TGSM | DXBC_SYNC_UAV_GROUP | DXBC_SYNC_UAV_GLOBAL)))
        sem = SpvMemorySemanticsMaskNone;
    if (c->stage != DXBC_STAGE_CS)
    {
        /* Thread-group sync and group-shared memory exist in compute shaders only; elsewhere a
         * UAV sync is a device-scope memory barrier. */
        f &= ~DXBC_SYNC_THREADS_IN_GROUP;
        sem &= ~(uint32_t)SpvMemorySemanticsWorkgroupMemoryMask;
        scope = SpvScopeDevice;
        if (sem == SpvMemorySemanticsAcquireReleaseMask)
            sem = SpvMemorySemanticsMaskNone;
    }
    if (f & DXBC_SYNC_THREADS_IN_GROUP)
    {
        ops[0] = dxc_u(c, SpvScopeWorkgroup);
        ops[1] = dxc_u(c, scope);
        ops[2] = dxc_u(c, sem);
        spv_op_void(&c->b, SpvOpControlBarrier, ops, 3);
    }
    else if (sem != SpvMemorySemanticsMaskNone)
    {
        ops[0] = dxc_u(c, scope);
        ops[1] = dxc_u(c, sem);
        spv_op_void(&c->b, SpvOpMemoryBarrier, ops, 2);
    }
}

static bool emit_range(struct dxc *c, const struct func_range *r, const struct program_layout *layout)
{
    const struct dxbc_program *p = c->p;
    unsigned i;
    bool handled;

    c->cf_depth = 0;
    c->block_open = true;
    for (i = r->start; i < r->end && !c->failed; ++i)
    {
        const struct dxbc_instruction *ins = &p->instructions[i];
        const struct dxbc_opcode_info *info = dxbc_opcode_get_info(ins->opcode);

        if (ins->opcode == DXBC_OP_CUSTOMDATA || ins->opcode == DXBC_OP_NOP || ins->opcode == DXBC_OP_LABEL
                || (info && (info->flags & DXBC_OPF_DECLARATION)))
            continue;
        if (info && !(info->flags & DXBC_OPF_CUSTOM_LAYOUT)
                && (ins->dst_count < info->dst_count || ins->operand_count < (uint32_t)info->dst_count + info->src_count))
            return dxc_fail(c, "%s: missing operands", info->name);
        if (!emit_flow(c, i, r->end, layout, &handled))
            return false;
        if (handled)
            continue;
        ensure_block(c);
        switch (ins->opcode)
        {
            case DXBC_OP_EMIT: case DXBC_OP_CUT: case DXBC_OP_EMITTHENCUT:
            case DXBC_OP_EMIT_STREAM: case DXBC_OP_CUT_STREAM: case DXBC_OP_EMITTHENCUT_STREAM:
                if (c->stage != DXBC_STAGE_GS)
                    return dxc_fail(c, "emit/cut outside a geometry shader");
                gs_emit(c, ins);
                continue;
            case DXBC_OP_SYNC:
                emit_sync(c, ins);
                continue;
            case DXBC_OP_ABORT:
            case DXBC_OP_DEBUG_BREAK:
                continue;
            default:
                break;
        }
        if (dxc_emit_alu(c, ins))
            continue;
        if (c->failed)
            return false;
        if (dxc_emit_resource(c, ins))
            continue;
        if (!c->failed)
            dxc_fail(c, "unsupported instruction %s (0x%x) at dword %u", info ? info->name : "?", (unsigned)ins->opcode,
                    ins->offset);
        return false;
    }
    if (c->cf_depth)
        return dxc_fail(c, "unterminated control flow at the end of a function");
    if (c->block_open)
        spv_return(&c->b);
    c->block_open = false;
    return !c->failed;
}

/* ------------------------------------------------------------------------------------
 * Program structure and the entry point */

static bool make_layout(struct dxc *c, struct program_layout *l)
{
    const struct dxbc_program *p = c->p;
    unsigned i, max = 1;

    /* One range per label or hull-shader phase, plus the main body: count them first rather
     * than sizing the array by the instruction count. */
    for (i = 0; i < p->instruction_count; ++i)
    {
        enum dxbc_opcode op = p->instructions[i].opcode;

        if (op == DXBC_OP_LABEL || op == DXBC_OP_HS_CONTROL_POINT_PHASE || op == DXBC_OP_HS_FORK_PHASE
                || op == DXBC_OP_HS_JOIN_PHASE || op == DXBC_OP_HS_DECLS)
            ++max;
    }
    if (!(l->ranges = calloc(max, sizeof(*l->ranges))))
        return dxc_fail(c, "out of memory");
    l->count = 0;
    if (c->stage != DXBC_STAGE_HS)
    {
        l->ranges[l->count++].start = 0;
    }
    for (i = 0; i < p->instruction_count; ++i)
    {
        const struct dxbc_instruction *ins = &p->instructions[i];
        struct func_range *r;

        if (ins->opcode == DXBC_OP_LABEL || ins->opcode == DXBC_OP_HS_CONTROL_POINT_PHASE
                || ins->opcode == DXBC_OP_HS_FORK_PHASE || ins->opcode == DXBC_OP_HS_JOIN_PHASE
                || ins->opcode == DXBC_OP_HS_DECLS)
        {
            if (l->count)
                l->ranges[l->count - 1].end = i;
            if (ins->opcode == DXBC_OP_HS_DECLS)
                continue;
            r = &l->ranges[l->count++];
            r->start = i + 1;
            r->kind = ins->opcode;
            r->instances = 1;
            if (ins->opcode == DXBC_OP_LABEL)
            {
                if (!ins->operand_count || !ins->operands[0].index_count)
                    return dxc_fail(c, "label without number");
                r->label = (uint32_t)ins->operands[0].index[0].imm;
                r->label_type = ins->operands[0].type;
            }
        }
        else if ((ins->opcode == DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT || ins->opcode == DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT)
                && l->count)
        {
            if (ins->dcl.phase_instance_count > 1024)
                return dxc_fail(c, "phase instance count out of range");
            l->ranges[l->count - 1].instances = ins->dcl.phase_instance_count;
        }
    }
    if (l->count)
        l->ranges[l->count - 1].end = p->instruction_count;
    for (i = 0; i < l->count; ++i)
        l->ranges[i].func = spv_id(&c->b);
    return true;
}

static void init_types(struct dxc *c)
{
    unsigned n;

    c->t_void = spv_type_void(&c->b);
    c->t_bool = spv_type_bool(&c->b);
    c->t_u32 = spv_type_int(&c->b, 32, false);
    c->t_i32 = spv_type_int(&c->b, 32, true);
    c->t_f32 = spv_type_float(&c->b, 32);
    c->t_uv[1] = c->t_u32;
    c->t_iv[1] = c->t_i32;
    c->t_fv[1] = c->t_f32;
    c->t_bv[1] = c->t_bool;
    for (n = 2; n <= 4; ++n)
    {
        c->t_uv[n] = spv_type_vector(&c->b, c->t_u32, n);
        c->t_iv[n] = spv_type_vector(&c->b, c->t_i32, n);
        c->t_fv[n] = spv_type_vector(&c->b, c->t_f32, n);
        c->t_bv[n] = spv_type_vector(&c->b, c->t_bool, n);
    }
    c->t_func_void = spv_type_function(&c->b, c->t_void, NULL, 0);
}

bool dxbc_compile(const struct dxbc_program *program, const struct dxbc_compile_options *options,
        struct dxbc_shader_info *info_out, uint32_t **spirv, size_t *word_count, char *error, size_t error_size)
{
    struct program_layout layout = { 0 };
    struct dxc *c;
    unsigned i;
    bool ok = false;

    if (spirv)
        *spirv = NULL;
    if (word_count)
        *word_count = 0;
    if (info_out)
        memset(info_out, 0, sizeof(*info_out));
    if (error && error_size)
        error[0] = 0;
    if (!program || !spirv || !word_count)
    {
        if (error && error_size)
            snprintf(error, error_size, "invalid argument");
        return false;
    }
    if (!(c = calloc(1, sizeof(*c))))
    {
        if (error && error_size)
            snprintf(error, error_size, "out of memory");
        return false;
    }
    spv_builder_init(&c->b);
    /* Size hints from the corpus: function code runs about five SPIR-V words per DXBC token;
     * sizing up front spares the copies of a doubling growth. */
    spv_builder_reserve(&c->b, SPV_SECTION_FUNCTION, (size_t)program->token_count * 6 + 64);
    spv_builder_reserve(&c->b, SPV_SECTION_GLOBAL, 1024);
    c->p = program;
    c->options = options;
    c->stage = program->stage;
    c->error = error;
    c->error_size = error_size;
    if (c->stage >= DXBC_STAGE_COUNT)
    {
        dxc_fail(c, "unknown shader stage");
        goto done;
    }

    spv_capability(&c->b, SpvCapabilityShader);
    switch (c->stage)
    {
        case DXBC_STAGE_GS: spv_capability(&c->b, SpvCapabilityGeometry); break;
        case DXBC_STAGE_HS: case DXBC_STAGE_DS: spv_capability(&c->b, SpvCapabilityTessellation); break;
        default: break;
    }
    spv_inst_v(&c->b, SPV_SECTION_MEMORY_MODEL, SpvOpMemoryModel, 2, (uint32_t)SpvAddressingModelLogical, (uint32_t)SpvMemoryModelGLSL450);
    init_types(c);
    c->main_func = spv_id(&c->b);

    if (!dxc_prescan(c))
        goto done;
    c->so = options && options->stream_output && options->stream_output->entry_count ? options->stream_output : NULL;
    if (c->so && c->so->rasterized_stream < 4)
        c->primary_stream = c->so->rasterized_stream;
    if (c->stage == DXBC_STAGE_GS && c->so)
    {
        unsigned k;
        uint32_t streams = c->gs_stream_mask | (1u << c->primary_stream);
        for (k = 0; k < c->so->entry_count; ++k)
            if (c->so->entries[k].stream < 4)
                streams |= 1u << c->so->entries[k].stream;
        c->multi_stream = streams != 1;
        if (c->multi_stream)
            spv_capability(&c->b, SpvCapabilityGeometryStreams);
        if (c->multi_stream && (options->flags & DXBC_COMPILE_RASTERIZED_STREAM_ZERO))
            c->stream_swap = c->primary_stream;
    }
    if (!dxc_declare_all(c) || !make_layout(c, &layout))
        goto done;
    if (c->stage != DXBC_STAGE_HS && !layout.count)
    {
        dxc_fail(c, "empty program");
        goto done;
    }
    for (i = 0; i < layout.count; ++i)
    {
        c->in_hs_fork_join = layout.ranges[i].kind == DXBC_OP_HS_FORK_PHASE || layout.ranges[i].kind == DXBC_OP_HS_JOIN_PHASE;
        spv_function_begin(&c->b, c->t_void, c->t_func_void, layout.ranges[i].func);
        if (!emit_range(c, &layout.ranges[i], &layout))
            goto done;
        spv_function_end(&c->b);
    }
    c->in_hs_fork_join = false;
    dxc_emit_main(c, &layout);
    if (c->failed)
        goto done;
    spv_name(&c->b, c->main_func, "main");
    spv_entry_point(&c->b, dxc_exec_model(c->stage), c->main_func, "main", c->iface, c->iface_count);
    dxc_execution_modes(c);
    if (c->b.oom)
    {
        dxc_fail(c, "out of memory");
        goto done;
    }
    if (!spv_builder_finish(&c->b, 0x10600, spirv, word_count))
    {
        dxc_fail(c, "out of memory");
        goto done;
    }
    if (info_out)
        dxc_fill_info(c, info_out);
    ok = true;

done:
    for (i = 0; i < c->cf_depth; ++i)
        free(c->cf[i].case_labels);
    free(layout.ranges);
    free(c->iface);
    free(c->xregs);
    free(c->temp_vars);
    free(c->tgsm);
    free(c->ftables);
    free(c->ifaces);
    free(c->in);
    free(c->out);
    spv_builder_cleanup(&c->b);
    free(c);
    return ok;
}

bool dxbc_compile_blob(const void *blob, size_t size, const struct dxbc_compile_options *options,
        struct dxbc_shader_info *info_out, uint32_t **spirv, size_t *word_count, char *error, size_t error_size)
{
    struct dxbc_program *program = NULL;
    bool ok;

    if (spirv)
        *spirv = NULL;
    if (word_count)
        *word_count = 0;
    if (dxbc_program_parse(blob, size, &program, error, error_size) != DXBC_OK || !program)
    {
        if (error && error_size && !error[0])
            snprintf(error, error_size, "cannot parse the DXBC container");
        return false;
    }
    ok = dxbc_compile(program, options, info_out, spirv, word_count, error, error_size);
    dxbc_program_free(program);
    return ok;
}

void dxbc_compile_free_spirv(uint32_t *spirv)
{
    free(spirv);
}

void dxbc_shader_info_free(struct dxbc_shader_info *info)
{
    if (!info)
        return;
    free(info->resources);
    free(info->inputs);
    free(info->outputs);
    memset(info, 0, sizeof(*info));
}
