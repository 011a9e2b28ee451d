/* compile_alu.c — arithmetic, logic, conversion and double instructions with D3D11
 * semantics (integer division by zero gives ~0, shifts use the low 5 bits, ftoi/ftou clamp
 * and map NaN to 0, min/max return the non-NaN operand, firstbit_* give ~0 on no bit). */
#include "compile_private.h"

#define SRC(i) dxbc_instruction_src(ins, (i))
#define DST(i) dxbc_instruction_dst(ins, (i))

static unsigned dmask(const struct dxbc_operand *op)
{
    if (!op)
        return 1;
    return op->components == DXBC_COMPONENTS_4 ? (op->mask ? op->mask : 0xf) : 1;
}

static uint32_t ones(struct dxc *c, unsigned n)
{
    return dxc_splat(c, dxc_u(c, ~0u), VT_U32, n);
}

static uint32_t zeros(struct dxc *c, enum vt t, unsigned n)
{
    return spv_const_null(&c->b, dxc_type(c, t, n));
}

static uint32_t bool_to_mask(struct dxc *c, uint32_t b, unsigned n)
{
    return spv_select(&c->b, dxc_type(c, VT_U32, n), b, ones(c, n), zeros(c, VT_U32, n));
}

static uint32_t splat_u(struct dxc *c, uint32_t v, unsigned n)
{
    return dxc_splat(c, dxc_u(c, v), VT_U32, n);
}

/* Splats a runtime scalar to n lanes. */
static uint32_t splat_value(struct dxc *c, uint32_t v, enum vt t, unsigned n)
{
    uint32_t parts[4] = { v, v, v, v };
    if (n <= 1)
        return v;
    return spv_composite(&c->b, dxc_type(c, t, n), parts, n);
}

/* precise: arithmetic the shader marked precise must not be fused or reassociated. */
static uint32_t precise(struct dxc *c, const struct dxbc_instruction *ins, uint32_t id)
{
    if (ins->precise_mask)
        spv_decorate0(&c->b, id, SpvDecorationNoContraction);
    return id;
}

struct simple_op
{
    enum dxbc_opcode opcode;
    unsigned srcs;
    enum vt type;
    SpvOp op;                /* 0: use ext */
    enum GLSLstd450 ext;
    bool compare;            /* result is bool -> ~0/0 */
};

static const struct simple_op simple_ops[] =
{
    { DXBC_OP_ADD, 2, VT_F32, SpvOpFAdd },
    { DXBC_OP_MUL, 2, VT_F32, SpvOpFMul },
    { DXBC_OP_DIV, 2, VT_F32, SpvOpFDiv },
    { DXBC_OP_MIN, 2, VT_F32, 0, GLSLstd450NMin },
    { DXBC_OP_MAX, 2, VT_F32, 0, GLSLstd450NMax },
    { DXBC_OP_EXP, 1, VT_F32, 0, GLSLstd450Exp2 },
    { DXBC_OP_LOG, 1, VT_F32, 0, GLSLstd450Log2 },
    { DXBC_OP_FRC, 1, VT_F32, 0, GLSLstd450Fract },
    { DXBC_OP_SQRT, 1, VT_F32, 0, GLSLstd450Sqrt },
    { DXBC_OP_RSQ, 1, VT_F32, 0, GLSLstd450InverseSqrt },
    { DXBC_OP_ROUND_NE, 1, VT_F32, 0, GLSLstd450RoundEven },
    { DXBC_OP_ROUND_NI, 1, VT_F32, 0, GLSLstd450Floor },
    { DXBC_OP_ROUND_PI, 1, VT_F32, 0, GLSLstd450Ceil },
    { DXBC_OP_ROUND_Z, 1, VT_F32, 0, GLSLstd450Trunc },
    { DXBC_OP_EQ, 2, VT_F32, SpvOpFOrdEqual, 0, true },
    { DXBC_OP_NE, 2, VT_F32, SpvOpFUnordNotEqual, 0, true },
    { DXBC_OP_LT, 2, VT_F32, SpvOpFOrdLessThan, 0, true },
    { DXBC_OP_GE, 2, VT_F32, SpvOpFOrdGreaterThanEqual, 0, true },
    { DXBC_OP_IADD, 2, VT_U32, SpvOpIAdd },
    { DXBC_OP_IMAX, 2, VT_I32, 0, GLSLstd450SMax },
    { DXBC_OP_IMIN, 2, VT_I32, 0, GLSLstd450SMin },
    { DXBC_OP_UMAX, 2, VT_U32, 0, GLSLstd450UMax },
    { DXBC_OP_UMIN, 2, VT_U32, 0, GLSLstd450UMin },
    { DXBC_OP_INEG, 1, VT_I32, SpvOpSNegate },
    { DXBC_OP_AND, 2, VT_U32, SpvOpBitwiseAnd },
    { DXBC_OP_OR, 2, VT_U32, SpvOpBitwiseOr },
    { DXBC_OP_XOR, 2, VT_U32, SpvOpBitwiseXor },
    { DXBC_OP_NOT, 1, VT_U32, SpvOpNot },
    { DXBC_OP_IEQ, 2, VT_U32, SpvOpIEqual, 0, true },
    { DXBC_OP_INE, 2, VT_U32, SpvOpINotEqual, 0, true },
    { DXBC_OP_ILT, 2, VT_I32, SpvOpSLessThan, 0, true },
    { DXBC_OP_IGE, 2, VT_I32, SpvOpSGreaterThanEqual, 0, true },
    { DXBC_OP_ULT, 2, VT_U32, SpvOpULessThan, 0, true },
    { DXBC_OP_UGE, 2, VT_U32, SpvOpUGreaterThanEqual, 0, true },
    { DXBC_OP_COUNTBITS, 1, VT_U32, SpvOpBitCount },
    { DXBC_OP_BFREV, 1, VT_U32, SpvOpBitReverse },
};

static bool emit_simple(struct dxc *c, const struct dxbc_instruction *ins, const struct simple_op *s)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask), i;
    uint32_t a[3], type = dxc_type(c, s->type, n), r;

    for (i = 0; i < s->srcs; ++i)
    {
        if (!SRC(i))
            return dxc_fail(c, "missing source operand");
        a[i] = dxc_load_src(c, SRC(i), mask, s->type);
    }
    if (s->compare)
    {
        r = spv_op(&c->b, s->op, dxc_type(c, VT_BOOL, n), a, s->srcs);
        dxc_store_dst(c, ins, dst, bool_to_mask(c, r, n), VT_U32);
        return true;
    }
    if (s->op)
        r = precise(c, ins, spv_op(&c->b, s->op, type, a, s->srcs));
    else
        r = spv_ext(&c->b, s->ext, type, a, s->srcs);
    dxc_store_dst(c, ins, dst, r, s->type);
    return true;
}

static bool emit_dot(struct dxc *c, const struct dxbc_instruction *ins, unsigned count)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned n = dxc_popcount(dmask(dst));
    uint32_t a = dxc_load_src_n(c, SRC(0), count, VT_F32), b = dxc_load_src_n(c, SRC(1), count, VT_F32), r;

    r = precise(c, ins, spv_op2(&c->b, SpvOpDot, c->t_f32, a, b));
    dxc_store_dst(c, ins, dst, splat_value(c, r, VT_F32, n), VT_F32);
    return true;
}

/* Shifts: D3D uses the low 5 bits of the shift amount. */
static bool emit_shift(struct dxc *c, const struct dxbc_instruction *ins, SpvOp op, enum vt t)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t a = dxc_load_src(c, SRC(0), mask, t), s = dxc_load_src(c, SRC(1), mask, VT_U32);

    s = spv_op2(&c->b, SpvOpBitwiseAnd, dxc_type(c, VT_U32, n), s, splat_u(c, 31, n));
    dxc_store_dst(c, ins, dst, spv_op2(&c->b, op, dxc_type(c, t, n), a, s), t);
    return true;
}

static bool emit_mad(struct dxc *c, const struct dxbc_instruction *ins, enum vt t)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t type = dxc_type(c, t, n), a, b, d, r;

    a = dxc_load_src(c, SRC(0), mask, t);
    b = dxc_load_src(c, SRC(1), mask, t);
    d = dxc_load_src(c, SRC(2), mask, t);
    if (t == VT_F32)
        r = precise(c, ins, spv_op2(&c->b, SpvOpFAdd, type, precise(c, ins, spv_op2(&c->b, SpvOpFMul, type, a, b)), d));
    else
        r = spv_op2(&c->b, SpvOpIAdd, type, spv_op2(&c->b, SpvOpIMul, type, a, b), d);
    dxc_store_dst(c, ins, dst, r, t);
    return true;
}

/* imul/umul: dst0 = high 32 bits, dst1 = low 32 bits. */
static bool emit_mul_wide(struct dxc *c, const struct dxbc_instruction *ins, bool is_signed)
{
    const struct dxbc_operand *hi = DST(0), *lo = DST(1);
    unsigned mask = dmask(hi->type != DXBC_REG_NULL ? hi : lo), n = dxc_popcount(mask);
    enum vt t = is_signed ? VT_I32 : VT_U32;
    uint32_t type = dxc_type(c, t, n), a, b, st, mem[2];

    if (hi->type != DXBC_REG_NULL && lo->type != DXBC_REG_NULL && hi->mask != lo->mask)
    {
        /* Different masks: compute each half with its own lanes. */
        unsigned m2 = dmask(lo), n2 = dxc_popcount(m2);
        a = dxc_load_src(c, SRC(0), m2, t);
        b = dxc_load_src(c, SRC(1), m2, t);
        dxc_store_dst(c, ins, lo, spv_op2(&c->b, SpvOpIMul, dxc_type(c, t, n2), a, b), t);
        lo = NULL;
    }
    a = dxc_load_src(c, SRC(0), mask, t);
    b = dxc_load_src(c, SRC(1), mask, t);
    if (hi->type == DXBC_REG_NULL)
    {
        if (lo)
            dxc_store_dst(c, ins, lo, spv_op2(&c->b, SpvOpIMul, type, a, b), t);
        return true;
    }
    mem[0] = mem[1] = type;
    st = spv_type_struct(&c->b, mem, 2);
    st = spv_op2(&c->b, is_signed ? SpvOpSMulExtended : SpvOpUMulExtended, st, a, b);
    dxc_store_dst(c, ins, hi, spv_extract(&c->b, type, st, 1), t);
    if (lo && lo->type != DXBC_REG_NULL)
        dxc_store_dst(c, ins, lo, spv_extract(&c->b, type, st, 0), t);
    return true;
}

/* udiv: dst0 = quotient, dst1 = remainder; division by zero gives ~0 in both. */
static bool emit_udiv(struct dxc *c, const struct dxbc_instruction *ins)
{
    unsigned k;

    for (k = 0; k < 2; ++k)
    {
        const struct dxbc_operand *dst = DST(k);
        unsigned mask = dmask(dst), n = dxc_popcount(mask);
        uint32_t type = dxc_type(c, VT_U32, n), a, b, z, safe, r;

        if (!dst || dst->type == DXBC_REG_NULL)
            continue;
        a = dxc_load_src(c, SRC(0), mask, VT_U32);
        b = dxc_load_src(c, SRC(1), mask, VT_U32);
        z = spv_op2(&c->b, SpvOpIEqual, dxc_type(c, VT_BOOL, n), b, zeros(c, VT_U32, n));
        safe = spv_select(&c->b, type, z, splat_u(c, 1, n), b);
        r = spv_op2(&c->b, k ? SpvOpUMod : SpvOpUDiv, type, a, safe);
        dxc_store_dst(c, ins, dst, spv_select(&c->b, type, z, ones(c, n), r), VT_U32);
    }
    return true;
}

/* ftoi/ftou: clamp to the integer range, NaN -> 0. */
static bool emit_ftoi(struct dxc *c, const struct dxbc_instruction *ins, bool is_signed)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t ft = dxc_type(c, VT_F32, n), bt = dxc_type(c, VT_BOOL, n), v, lo, hi, r, nan, big;
    enum vt t = is_signed ? VT_I32 : VT_U32;

    v = dxc_load_src(c, SRC(0), mask, VT_F32);
    lo = dxc_splat(c, dxc_f(c, is_signed ? -2147483648.0f : 0.0f), VT_F32, n);
    hi = dxc_splat(c, dxc_f(c, is_signed ? 2147483520.0f : 4294967040.0f), VT_F32, n);   /* largest floats below 2^31 / 2^32 */
    nan = spv_op1(&c->b, SpvOpIsNan, bt, v);
    big = spv_op2(&c->b, SpvOpFOrdGreaterThanEqual, bt, v,
            dxc_splat(c, dxc_f(c, is_signed ? 2147483648.0f : 4294967296.0f), VT_F32, n));
    r = spv_ext3(&c->b, GLSLstd450FClamp, ft, v, lo, hi);
    r = spv_op1(&c->b, is_signed ? SpvOpConvertFToS : SpvOpConvertFToU, dxc_type(c, t, n), r);
    r = dxc_bitcast(c, r, t, VT_U32, n);
    r = spv_select(&c->b, dxc_type(c, VT_U32, n), big, splat_u(c, is_signed ? 0x7fffffffu : 0xffffffffu, n), r);
    r = spv_select(&c->b, dxc_type(c, VT_U32, n), nan, zeros(c, VT_U32, n), r);
    dxc_store_dst(c, ins, dst, r, VT_U32);
    return true;
}

static bool emit_itof(struct dxc *c, const struct dxbc_instruction *ins, bool is_signed)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t v = dxc_load_src(c, SRC(0), mask, is_signed ? VT_I32 : VT_U32);

    dxc_store_dst(c, ins, dst, spv_op1(&c->b, is_signed ? SpvOpConvertSToF : SpvOpConvertUToF, dxc_type(c, VT_F32, n), v), VT_F32);
    return true;
}

static bool emit_firstbit(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t ut = dxc_type(c, VT_U32, n), it = dxc_type(c, VT_I32, n), bt = dxc_type(c, VT_BOOL, n), v, m, r, none;

    switch (ins->opcode)
    {
        case DXBC_OP_FIRSTBIT_LO:
            v = dxc_load_src(c, SRC(0), mask, VT_U32);
            r = spv_ext1(&c->b, GLSLstd450FindILsb, ut, v);   /* -1 for 0, as D3D */
            break;
        case DXBC_OP_FIRSTBIT_HI:
            /* D3D counts from the most significant bit. */
            v = dxc_load_src(c, SRC(0), mask, VT_U32);
            m = spv_ext1(&c->b, GLSLstd450FindUMsb, ut, v);
            none = spv_op2(&c->b, SpvOpIEqual, bt, v, zeros(c, VT_U32, n));
            r = spv_op2(&c->b, SpvOpISub, ut, splat_u(c, 31, n), m);
            r = spv_select(&c->b, ut, none, ones(c, n), r);
            break;
        default:
            v = dxc_load_src(c, SRC(0), mask, VT_I32);
            m = spv_ext1(&c->b, GLSLstd450FindSMsb, it, v);
            none = spv_op2(&c->b, SpvOpIEqual, bt, m, dxc_splat(c, dxc_i(c, -1), VT_I32, n));
            r = spv_op2(&c->b, SpvOpISub, ut, splat_u(c, 31, n), spv_bitcast(&c->b, ut, m));
            r = spv_select(&c->b, ut, none, ones(c, n), r);
            break;
    }
    dxc_store_dst(c, ins, dst, r, VT_U32);
    return true;
}

/* ubfe/ibfe dst, width, offset, src. BitField*Extract take scalar offset/count, so this
 * works lane by lane. */
static bool emit_bfe(struct dxc *c, const struct dxbc_instruction *ins, bool is_signed)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask), lane, k = 0;
    enum vt t = is_signed ? VT_I32 : VT_U32;
    uint32_t ut = c->t_u32, tt = dxc_type(c, t, 1), bt = c->t_bool, parts[4];

    for (lane = 0; lane < 4; ++lane)
    {
        uint32_t w, o, v, sum, in_range, w_safe, args[3], ext, shr, r;
        if (!(mask & (1u << lane)))
            continue;
        w = spv_op2(&c->b, SpvOpBitwiseAnd, ut, dxc_load_src(c, SRC(0), 1u << lane, VT_U32), dxc_u(c, 31));
        o = spv_op2(&c->b, SpvOpBitwiseAnd, ut, dxc_load_src(c, SRC(1), 1u << lane, VT_U32), dxc_u(c, 31));
        v = dxc_load_src(c, SRC(2), 1u << lane, t);
        sum = spv_op2(&c->b, SpvOpIAdd, ut, w, o);
        /* width + offset >= 32 runs off the top: a plain shift (the extract is kept in range). */
        in_range = spv_op2(&c->b, SpvOpULessThan, bt, sum, dxc_u(c, 32));
        w_safe = spv_select(&c->b, ut, in_range, w, dxc_u(c, 0));
        args[0] = v;
        args[1] = o;
        args[2] = w_safe;
        ext = spv_op(&c->b, is_signed ? SpvOpBitFieldSExtract : SpvOpBitFieldUExtract, tt, args, 3);
        shr = spv_op2(&c->b, is_signed ? SpvOpShiftRightArithmetic : SpvOpShiftRightLogical, tt, v, o);
        r = spv_select(&c->b, tt, in_range, ext, shr);
        r = spv_select(&c->b, tt, spv_op2(&c->b, SpvOpIEqual, bt, w, dxc_u(c, 0)), zeros(c, t, 1), r);
        parts[k++] = r;
    }
    dxc_store_dst(c, ins, dst, n == 1 ? parts[0] : spv_composite(&c->b, dxc_type(c, t, n), parts, n), t);
    return true;
}

/* bfi dst, width, offset, insert, base */
static bool emit_bfi(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t ut = dxc_type(c, VT_U32, n), w, o, ins_v, base, bits, r;

    w = spv_op2(&c->b, SpvOpBitwiseAnd, ut, dxc_load_src(c, SRC(0), mask, VT_U32), splat_u(c, 31, n));
    o = spv_op2(&c->b, SpvOpBitwiseAnd, ut, dxc_load_src(c, SRC(1), mask, VT_U32), splat_u(c, 31, n));
    ins_v = dxc_load_src(c, SRC(2), mask, VT_U32);
    base = dxc_load_src(c, SRC(3), mask, VT_U32);
    bits = spv_op2(&c->b, SpvOpISub, ut, spv_op2(&c->b, SpvOpShiftLeftLogical, ut, splat_u(c, 1, n), w), splat_u(c, 1, n));
    bits = spv_op2(&c->b, SpvOpShiftLeftLogical, ut, bits, o);
    r = spv_op2(&c->b, SpvOpBitwiseAnd, ut, spv_op2(&c->b, SpvOpShiftLeftLogical, ut, ins_v, o), bits);
    r = spv_op2(&c->b, SpvOpBitwiseOr, ut, r, spv_op2(&c->b, SpvOpBitwiseAnd, ut, base, spv_op1(&c->b, SpvOpNot, ut, bits)));
    dxc_store_dst(c, ins, dst, r, VT_U32);
    return true;
}

static bool emit_carry(struct dxc *c, const struct dxbc_instruction *ins, bool add)
{
    const struct dxbc_operand *d0 = DST(0), *d1 = DST(1);
    unsigned mask = dmask(d0->type != DXBC_REG_NULL ? d0 : d1), n = dxc_popcount(mask);
    uint32_t ut = dxc_type(c, VT_U32, n), mem[2] = { ut, ut }, st, r;

    st = spv_type_struct(&c->b, mem, 2);
    r = spv_op2(&c->b, add ? SpvOpIAddCarry : SpvOpISubBorrow, st, dxc_load_src(c, SRC(0), mask, VT_U32),
            dxc_load_src(c, SRC(1), mask, VT_U32));
    dxc_store_dst(c, ins, d0, spv_extract(&c->b, ut, r, 0), VT_U32);
    if (d1)
        dxc_store_dst(c, ins, d1, spv_extract(&c->b, ut, r, 1), VT_U32);
    return true;
}

static bool emit_sincos(struct dxc *c, const struct dxbc_instruction *ins)
{
    unsigned k;

    for (k = 0; k < 2; ++k)
    {
        const struct dxbc_operand *dst = DST(k);
        unsigned mask = dmask(dst), n = dxc_popcount(mask);
        if (!dst || dst->type == DXBC_REG_NULL)
            continue;
        dxc_store_dst(c, ins, dst, spv_ext1(&c->b, k ? GLSLstd450Cos : GLSLstd450Sin, dxc_type(c, VT_F32, n),
                dxc_load_src(c, SRC(0), mask, VT_F32)), VT_F32);
    }
    return true;
}

static bool emit_movc(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    enum vt t = (ins->saturate || SRC(1)->neg || SRC(1)->abs || SRC(2)->neg || SRC(2)->abs) ? VT_F32 : VT_U32;
    uint32_t cond = dxc_to_bool(c, dxc_load_src(c, SRC(0), mask, VT_U32), n);
    uint32_t a = dxc_load_src(c, SRC(1), mask, t), b = dxc_load_src(c, SRC(2), mask, t);

    dxc_store_dst(c, ins, dst, spv_select(&c->b, dxc_type(c, t, n), cond, a, b), t);
    return true;
}

static bool emit_swapc(struct dxc *c, const struct dxbc_instruction *ins)
{
    unsigned k;

    /* Load everything first: a destination may alias a source. */
    uint32_t cond[2], a[2], b[2];
    for (k = 0; k < 2; ++k)
    {
        unsigned mask = dmask(DST(k)), n = dxc_popcount(mask);
        cond[k] = dxc_to_bool(c, dxc_load_src(c, SRC(0), mask, VT_U32), n);
        a[k] = dxc_load_src(c, SRC(1), mask, VT_U32);
        b[k] = dxc_load_src(c, SRC(2), mask, VT_U32);
    }
    for (k = 0; k < 2; ++k)
    {
        unsigned n = dxc_popcount(dmask(DST(k)));
        /* dst0 = cond ? src2 : src1; dst1 = cond ? src1 : src2 */
        dxc_store_dst(c, ins, DST(k), spv_select(&c->b, dxc_type(c, VT_U32, n), cond[k], k ? a[k] : b[k], k ? b[k] : a[k]), VT_U32);
    }
    return true;
}

static bool emit_deriv(struct dxc *c, const struct dxbc_instruction *ins, SpvOp op)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t v = dxc_load_src(c, SRC(0), mask, VT_F32);

    if (c->stage != DXBC_STAGE_PS)
    {
        /* Derivatives outside pixel shaders are zero. */
        dxc_store_dst(c, ins, dst, zeros(c, VT_F32, n), VT_F32);
        return true;
    }
    if (op != SpvOpDPdx && op != SpvOpDPdy)
        spv_capability(&c->b, SpvCapabilityDerivativeControl);
    dxc_store_dst(c, ins, dst, spv_op1(&c->b, op, dxc_type(c, VT_F32, n), v), VT_F32);
    return true;
}

static bool emit_f16(struct dxc *c, const struct dxbc_instruction *ins, bool to_half)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), lane, k = 0, n = dxc_popcount(mask);
    uint32_t parts[4], v;

    for (lane = 0; lane < 4; ++lane)
    {
        if (!(mask & (1u << lane)))
            continue;
        if (to_half)
        {
            uint32_t f = dxc_load_src(c, SRC(0), 1u << lane, VT_F32), pair[2] = { f, dxc_f(c, 0.0f) };
            parts[k++] = spv_ext1(&c->b, GLSLstd450PackHalf2x16, c->t_u32, spv_composite(&c->b, c->t_fv[2], pair, 2));
        }
        else
        {
            uint32_t u = dxc_load_src(c, SRC(0), 1u << lane, VT_U32);
            u = spv_op2(&c->b, SpvOpBitwiseAnd, c->t_u32, u, dxc_u(c, 0xffff));
            parts[k++] = spv_extract(&c->b, c->t_f32, spv_ext1(&c->b, GLSLstd450UnpackHalf2x16, c->t_fv[2], u), 0);
        }
    }
    v = n == 1 ? parts[0] : spv_composite(&c->b, dxc_type(c, to_half ? VT_U32 : VT_F32, n), parts, n);
    dxc_store_dst(c, ins, dst, v, to_half ? VT_U32 : VT_F32);
    return true;
}

static bool emit_mov(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0), *src = SRC(0);
    unsigned mask = dmask(dst);
    enum vt t = (ins->saturate || src->neg || src->abs) ? VT_F32 : VT_U32;

    dxc_store_dst(c, ins, dst, dxc_load_src(c, src, mask, t), t);
    return true;
}

static bool emit_rcp(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask);
    uint32_t v = dxc_load_src(c, SRC(0), mask, VT_F32);

    dxc_store_dst(c, ins, dst, spv_op2(&c->b, SpvOpFDiv, dxc_type(c, VT_F32, n),
            dxc_splat(c, dxc_f(c, 1.0f), VT_F32, n), v), VT_F32);
    return true;
}

/* msad: masked sum of absolute byte differences (reference bytes of 0 are skipped). */
static bool emit_msad(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned mask = dmask(dst), n = dxc_popcount(mask), k;
    uint32_t ut = dxc_type(c, VT_U32, n), it = dxc_type(c, VT_I32, n), bt = dxc_type(c, VT_BOOL, n);
    uint32_t ref = dxc_load_src(c, SRC(0), mask, VT_U32), src = dxc_load_src(c, SRC(1), mask, VT_U32);
    uint32_t acc = dxc_load_src(c, SRC(2), mask, VT_U32);

    for (k = 0; k < 4; ++k)
    {
        uint32_t args_r[3] = { ref, dxc_u(c, 8 * k), dxc_u(c, 8) }, args_s[3] = { src, args_r[1], args_r[2] };
        uint32_t rb = spv_op(&c->b, SpvOpBitFieldUExtract, ut, args_r, 3);
        uint32_t sb = spv_op(&c->b, SpvOpBitFieldUExtract, ut, args_s, 3);
        uint32_t d = spv_op2(&c->b, SpvOpISub, it, spv_bitcast(&c->b, it, rb), spv_bitcast(&c->b, it, sb));
        d = spv_bitcast(&c->b, ut, spv_ext1(&c->b, GLSLstd450SAbs, it, d));
        d = spv_select(&c->b, ut, spv_op2(&c->b, SpvOpIEqual, bt, rb, zeros(c, VT_U32, n)), zeros(c, VT_U32, n), d);
        acc = spv_op2(&c->b, SpvOpIAdd, ut, acc, d);
    }
    dxc_store_dst(c, ins, dst, acc, VT_U32);
    return true;
}

/* ---- doubles: a double occupies a pair of lanes (xy or zw) ---- */

static unsigned double_count(const struct dxbc_operand *dst)
{
    unsigned m = dmask(dst);
    return ((m & 3) ? 1 : 0) + ((m & 0xc) ? 1 : 0);
}

static uint32_t d_splat(struct dxc *c, double v, unsigned n)
{
    uint32_t k = spv_const_f64(&c->b, v), parts[2] = { k, k };
    return n == 1 ? k : spv_const_composite(&c->b, dxc_type(c, VT_F64, 2), parts, 2);
}

static bool emit_double(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0);
    unsigned n, mask = dmask(dst), nm = dxc_popcount(mask);
    uint32_t dt, a, b, d, r;
    bool narrow = ins->opcode == DXBC_OP_DEQ || ins->opcode == DXBC_OP_DNE || ins->opcode == DXBC_OP_DLT
            || ins->opcode == DXBC_OP_DGE || ins->opcode == DXBC_OP_DTOF || ins->opcode == DXBC_OP_DTOI
            || ins->opcode == DXBC_OP_DTOU;

    /* 64-bit results take lane pairs (xy, zw); 32-bit results of double sources one lane each. */
    if (narrow ? nm > 2 : (mask != 0x3 && mask != 0xc && mask != 0xf))
        return dxc_fail(c, "bad destination mask 0x%x for a double-precision instruction", mask);

    switch (ins->opcode)
    {
        case DXBC_OP_DADD: case DXBC_OP_DMUL: case DXBC_OP_DMIN: case DXBC_OP_DMAX: case DXBC_OP_DDIV:
            n = double_count(dst);
            dt = dxc_type(c, VT_F64, n);
            a = dxc_load_src_double(c, SRC(0), mask);
            b = dxc_load_src_double(c, SRC(1), mask);
            if (ins->opcode == DXBC_OP_DMIN || ins->opcode == DXBC_OP_DMAX)
                r = spv_ext2(&c->b, ins->opcode == DXBC_OP_DMIN ? GLSLstd450NMin : GLSLstd450NMax, dt, a, b);
            else
                r = spv_op2(&c->b, ins->opcode == DXBC_OP_DADD ? SpvOpFAdd : ins->opcode == DXBC_OP_DMUL ? SpvOpFMul : SpvOpFDiv, dt, a, b);
            break;
        case DXBC_OP_DFMA:
            n = double_count(dst);
            dt = dxc_type(c, VT_F64, n);
            a = dxc_load_src_double(c, SRC(0), mask);
            b = dxc_load_src_double(c, SRC(1), mask);
            d = dxc_load_src_double(c, SRC(2), mask);
            r = spv_ext3(&c->b, GLSLstd450Fma, dt, a, b, d);
            break;
        case DXBC_OP_DRCP:
            n = double_count(dst);
            dt = dxc_type(c, VT_F64, n);
            r = spv_op2(&c->b, SpvOpFDiv, dt, d_splat(c, 1.0, n), dxc_load_src_double(c, SRC(0), mask));
            break;
        case DXBC_OP_DMOV:
            n = double_count(dst);
            r = dxc_load_src_double(c, SRC(0), mask);
            break;
        case DXBC_OP_DMOVC:
        {
            /* The condition is 32-bit per double: its lanes are taken one per double. */
            uint32_t cv, parts[2];
            unsigned k;
            n = double_count(dst);
            dt = dxc_type(c, VT_F64, n);
            /* the condition is the 32-bit lane at the start of each destination pair */
            cv = dxc_load_src(c, SRC(0), mask & 0x5, VT_U32);
            a = dxc_load_src_double(c, SRC(1), mask);
            b = dxc_load_src_double(c, SRC(2), mask);
            for (k = 0; k < n; ++k)
                parts[k] = n == 1 ? cv : spv_extract(&c->b, c->t_u32, cv, k);
            cv = n == 1 ? parts[0] : spv_composite(&c->b, c->t_uv[2], parts, 2);
            r = spv_select(&c->b, dt, dxc_to_bool(c, cv, n), a, b);
            break;
        }
        case DXBC_OP_DEQ: case DXBC_OP_DNE: case DXBC_OP_DLT: case DXBC_OP_DGE:
        {
            SpvOp op = ins->opcode == DXBC_OP_DEQ ? SpvOpFOrdEqual : ins->opcode == DXBC_OP_DNE ? SpvOpFUnordNotEqual
                    : ins->opcode == DXBC_OP_DLT ? SpvOpFOrdLessThan : SpvOpFOrdGreaterThanEqual;
            n = nm > 2 ? 2 : nm;
            a = dxc_load_src_double(c, SRC(0), n == 2 ? 0xf : 0x3);
            b = dxc_load_src_double(c, SRC(1), n == 2 ? 0xf : 0x3);
            r = bool_to_mask(c, spv_op2(&c->b, op, dxc_type(c, VT_BOOL, n), a, b), n);
            dxc_store_dst(c, ins, dst, r, VT_U32);
            return true;
        }
        case DXBC_OP_DTOF: case DXBC_OP_DTOI: case DXBC_OP_DTOU:
        {
            enum vt t = ins->opcode == DXBC_OP_DTOF ? VT_F32 : ins->opcode == DXBC_OP_DTOI ? VT_I32 : VT_U32;
            n = nm > 2 ? 2 : nm;
            a = dxc_load_src_double(c, SRC(0), n == 2 ? 0xf : 0x3);
            if (t == VT_F32)
                r = spv_op1(&c->b, SpvOpFConvert, dxc_type(c, VT_F32, n), a);
            else
            {
                /* Clamp like ftoi; NaN -> 0. */
                uint32_t ddt = dxc_type(c, VT_F64, n), bt = dxc_type(c, VT_BOOL, n), nan;
                nan = spv_op1(&c->b, SpvOpIsNan, bt, a);
                a = spv_ext3(&c->b, GLSLstd450FClamp, ddt, a, d_splat(c, t == VT_I32 ? -2147483648.0 : 0.0, n),
                        d_splat(c, t == VT_I32 ? 2147483647.0 : 4294967295.0, n));
                r = spv_op1(&c->b, t == VT_I32 ? SpvOpConvertFToS : SpvOpConvertFToU, dxc_type(c, t, n), a);
                r = spv_select(&c->b, dxc_type(c, t, n), nan, zeros(c, t, n), r);
            }
            dxc_store_dst(c, ins, dst, r, t);
            return true;
        }
        case DXBC_OP_FTOD: case DXBC_OP_ITOD: case DXBC_OP_UTOD:
        {
            enum vt t = ins->opcode == DXBC_OP_FTOD ? VT_F32 : ins->opcode == DXBC_OP_ITOD ? VT_I32 : VT_U32;
            n = double_count(dst);
            a = dxc_load_src_n(c, SRC(0), n, t);
            r = spv_op1(&c->b, t == VT_F32 ? SpvOpFConvert : t == VT_I32 ? SpvOpConvertSToF : SpvOpConvertUToF,
                    dxc_type(c, VT_F64, n), a);
            break;
        }
        default:
            return false;
    }
    if (ins->saturate)
    {
        uint32_t dt2 = dxc_type(c, VT_F64, n);
        r = spv_ext2(&c->b, GLSLstd450NMax, dt2, r, d_splat(c, 0.0, n));
        r = spv_ext2(&c->b, GLSLstd450NMin, dt2, r, d_splat(c, 1.0, n));
    }
    dxc_store_dst_double(c, dst, r, n);
    return true;
}

/* eval_* read an input at another position: the interpolation instruction needs the Input
 * variable itself, so each lane comes from the element that holds it. */
static bool emit_eval(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *dst = DST(0), *src = SRC(0);
    unsigned mask = dmask(dst), lane, k = 0, n = dxc_popcount(mask), i;
    uint32_t parts[4], extra = 0;
    enum GLSLstd450 inst;

    if (c->stage != DXBC_STAGE_PS || !src || src->type != DXBC_REG_INPUT || !src->index_count || src->index[0].rel)
        return dxc_fail(c, "eval_* needs a pixel shader input register with an immediate index");
    spv_capability(&c->b, SpvCapabilityInterpolationFunction);
    switch (ins->opcode)
    {
        case DXBC_OP_EVAL_CENTROID: inst = GLSLstd450InterpolateAtCentroid; break;
        case DXBC_OP_EVAL_SAMPLE_INDEX:
            inst = GLSLstd450InterpolateAtSample;
            extra = dxc_load_src_scalar(c, SRC(1), VT_I32);
            break;
        default:
        {
            /* eval_snapped: offsets in 1/16 pixel units, signed 4-bit (-8..7). */
            uint32_t xy = dxc_load_src_n(c, SRC(1), 2, VT_I32), f;
            uint32_t sh[2] = { dxc_i(c, 28), dxc_i(c, 28) }, s2;
            s2 = spv_const_composite(&c->b, c->t_iv[2], sh, 2);
            xy = spv_op2(&c->b, SpvOpShiftLeftLogical, c->t_iv[2], xy, s2);
            xy = spv_op2(&c->b, SpvOpShiftRightArithmetic, c->t_iv[2], xy, s2);
            f = spv_op1(&c->b, SpvOpConvertSToF, c->t_fv[2], xy);
            extra = spv_op2(&c->b, SpvOpVectorTimesScalar, c->t_fv[2], f, dxc_f(c, 1.0f / 16.0f));
            inst = GLSLstd450InterpolateAtOffset;
            break;
        }
    }
    for (lane = 0; lane < 4; ++lane)
    {
        unsigned comp;
        uint32_t v = 0;
        if (!(mask & (1u << lane)))
            continue;
        comp = (src->select_mode == DXBC_SELECT_SWIZZLE) ? src->swizzle[lane] & 3
                : src->select_mode == DXBC_SELECT_SELECT1 ? src->select1 & 3 : lane;
        for (i = 0; i < c->in_count; ++i)
        {
            const struct io_elem *e = &c->in[i];
            if (e->reg != src->index[0].imm || !(e->mask & (1u << comp)) || e->builtin >= 0)
                continue;
            if (e->type != VT_F32)
                break;
            {
                uint32_t args[2] = { e->var, extra }, vt = dxc_type(c, VT_F32, e->comps);
                v = spv_ext(&c->b, inst, vt, args, extra ? 2 : 1);
                if (e->comps > 1)
                    v = spv_extract(&c->b, c->t_f32, v, comp - e->first);
            }
            break;
        }
        if (!v)
        {
            /* Not an interpolated float input: the plain value. */
            v = dxc_load_src(c, src, 1u << lane, VT_F32);
        }
        parts[k++] = v;
    }
    {
        uint32_t r = n == 1 ? parts[0] : spv_composite(&c->b, dxc_type(c, VT_F32, n), parts, n);
        if (src->abs)
            r = spv_ext1(&c->b, GLSLstd450FAbs, dxc_type(c, VT_F32, n), r);
        if (src->neg)
            r = spv_op1(&c->b, SpvOpFNegate, dxc_type(c, VT_F32, n), r);
        dxc_store_dst(c, ins, dst, r, VT_F32);
    }
    return true;
}

bool dxc_emit_alu(struct dxc *c, const struct dxbc_instruction *ins)
{
    unsigned i;

    if (ins->dst_count && !DST(0))
        return dxc_fail(c, "missing destination");
    for (i = 0; i < sizeof(simple_ops) / sizeof(simple_ops[0]); ++i)
        if (simple_ops[i].opcode == ins->opcode)
            return emit_simple(c, ins, &simple_ops[i]);
    switch (ins->opcode)
    {
        case DXBC_OP_MOV: return emit_mov(c, ins);
        case DXBC_OP_MOVC: return emit_movc(c, ins);
        case DXBC_OP_SWAPC: return emit_swapc(c, ins);
        case DXBC_OP_DP2: return emit_dot(c, ins, 2);
        case DXBC_OP_DP3: return emit_dot(c, ins, 3);
        case DXBC_OP_DP4: return emit_dot(c, ins, 4);
        case DXBC_OP_MAD: return emit_mad(c, ins, VT_F32);
        case DXBC_OP_IMAD: return emit_mad(c, ins, VT_I32);
        case DXBC_OP_UMAD: return emit_mad(c, ins, VT_U32);
        case DXBC_OP_IMUL: return emit_mul_wide(c, ins, true);
        case DXBC_OP_UMUL: return emit_mul_wide(c, ins, false);
        case DXBC_OP_UDIV: return emit_udiv(c, ins);
        case DXBC_OP_ISHL: return emit_shift(c, ins, SpvOpShiftLeftLogical, VT_U32);
        case DXBC_OP_ISHR: return emit_shift(c, ins, SpvOpShiftRightArithmetic, VT_I32);
        case DXBC_OP_USHR: return emit_shift(c, ins, SpvOpShiftRightLogical, VT_U32);
        case DXBC_OP_FTOI: return emit_ftoi(c, ins, true);
        case DXBC_OP_FTOU: return emit_ftoi(c, ins, false);
        case DXBC_OP_ITOF: return emit_itof(c, ins, true);
        case DXBC_OP_UTOF: return emit_itof(c, ins, false);
        case DXBC_OP_FIRSTBIT_HI: case DXBC_OP_FIRSTBIT_LO: case DXBC_OP_FIRSTBIT_SHI: return emit_firstbit(c, ins);
        case DXBC_OP_UBFE: return emit_bfe(c, ins, false);
        case DXBC_OP_IBFE: return emit_bfe(c, ins, true);
        case DXBC_OP_BFI: return emit_bfi(c, ins);
        case DXBC_OP_UADDC: return emit_carry(c, ins, true);
        case DXBC_OP_USUBB: return emit_carry(c, ins, false);
        case DXBC_OP_SINCOS: return emit_sincos(c, ins);
        case DXBC_OP_RCP: return emit_rcp(c, ins);
        case DXBC_OP_F32TOF16: return emit_f16(c, ins, true);
        case DXBC_OP_F16TOF32: return emit_f16(c, ins, false);
        case DXBC_OP_MSAD: return emit_msad(c, ins);
        case DXBC_OP_DERIV_RTX: return emit_deriv(c, ins, SpvOpDPdx);
        case DXBC_OP_DERIV_RTY: return emit_deriv(c, ins, SpvOpDPdy);
        case DXBC_OP_DERIV_RTX_COARSE: return emit_deriv(c, ins, SpvOpDPdxCoarse);
        case DXBC_OP_DERIV_RTX_FINE: return emit_deriv(c, ins, SpvOpDPdxFine);
        case DXBC_OP_DERIV_RTY_COARSE: return emit_deriv(c, ins, SpvOpDPdyCoarse);
        case DXBC_OP_DERIV_RTY_FINE: return emit_deriv(c, ins, SpvOpDPdyFine);
        case DXBC_OP_EVAL_CENTROID: case DXBC_OP_EVAL_SAMPLE_INDEX: case DXBC_OP_EVAL_SNAPPED: return emit_eval(c, ins);
        case DXBC_OP_DADD: case DXBC_OP_DMUL: case DXBC_OP_DMIN: case DXBC_OP_DMAX: case DXBC_OP_DDIV:
        case DXBC_OP_DFMA: case DXBC_OP_DRCP: case DXBC_OP_DMOV: case DXBC_OP_DMOVC:
        case DXBC_OP_DEQ: case DXBC_OP_DNE: case DXBC_OP_DLT: case DXBC_OP_DGE:
        case DXBC_OP_DTOF: case DXBC_OP_DTOI: case DXBC_OP_DTOU: case DXBC_OP_FTOD: case DXBC_OP_ITOD: case DXBC_OP_UTOD:
            return emit_double(c, ins);
        default:
            return false;
    }
}
