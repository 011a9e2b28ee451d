/* compile_resource.c — samplers, textures, buffers, UAVs, group-shared memory, atomics and
 * resource queries. See compile.h for the descriptor model. */
#include "compile_private.h"

#define SRC(i) dxbc_instruction_src(ins, (i))
#define DST(i) dxbc_instruction_dst(ins, (i))

struct dim_info
{
    SpvDim dim;
    bool arrayed, ms;
    unsigned coords;         /* coordinate components including the array layer */
    unsigned offsets;        /* offset/gradient components */
};

static bool dim_info(enum dxbc_resource_dim d, struct dim_info *out)
{
    static const struct dim_info t[] =
    {
        [DXBC_RESOURCE_BUFFER] = { SpvDimBuffer, false, false, 1, 0 },
        [DXBC_RESOURCE_TEXTURE1D] = { SpvDim1D, false, false, 1, 1 },
        [DXBC_RESOURCE_TEXTURE2D] = { SpvDim2D, false, false, 2, 2 },
        [DXBC_RESOURCE_TEXTURE2DMS] = { SpvDim2D, false, true, 2, 2 },
        [DXBC_RESOURCE_TEXTURE3D] = { SpvDim3D, false, false, 3, 3 },
        [DXBC_RESOURCE_TEXTURECUBE] = { SpvDimCube, false, false, 3, 3 },
        [DXBC_RESOURCE_TEXTURE1DARRAY] = { SpvDim1D, true, false, 2, 1 },
        [DXBC_RESOURCE_TEXTURE2DARRAY] = { SpvDim2D, true, false, 3, 2 },
        [DXBC_RESOURCE_TEXTURE2DMSARRAY] = { SpvDim2D, true, true, 3, 2 },
        [DXBC_RESOURCE_TEXTURECUBEARRAY] = { SpvDimCube, true, false, 4, 3 },
    };
    if (d <= DXBC_RESOURCE_UNKNOWN || d > DXBC_RESOURCE_TEXTURECUBEARRAY)
        return false;
    *out = t[d];
    return true;
}

static enum vt ret_vt(enum dxbc_return_type r)
{
    switch (r)
    {
        case DXBC_RETURN_SINT: return VT_I32;
        case DXBC_RETURN_UINT: return VT_U32;
        default: return VT_F32;
    }
}

static const struct dxbc_operand *find_reg(const struct dxbc_instruction *ins, enum dxbc_register_type t)
{
    unsigned i;
    for (i = 0; i < ins->operand_count; ++i)
        if (ins->operands[i].type == t)
            return &ins->operands[i];
    return NULL;
}

void dxc_prescan_resource(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *u;
    uint32_t slot;

    if (ins->opcode == DXBC_OP_STORE_UAV_TYPED || ins->opcode == DXBC_OP_STORE_RAW || ins->opcode == DXBC_OP_STORE_STRUCTURED
            || (ins->opcode >= DXBC_OP_ATOMIC_AND && ins->opcode <= DXBC_OP_IMM_ATOMIC_UMIN))
    {
        if ((u = find_reg(ins, DXBC_REG_UAV)) && u->index_count && u->index[0].imm < DXBC_MAX_UAV_SLOTS)
            c->uav[u->index[0].imm].flags |= DXBC_RESOURCE_WRITTEN;
    }
    if (ins->opcode == DXBC_OP_LD_UAV_TYPED)
    {
        if ((u = find_reg(ins, DXBC_REG_UAV)) && u->index_count && u->index[0].imm < DXBC_MAX_UAV_SLOTS)
            c->uav[u->index[0].imm].flags |= DXBC_RESOURCE_TYPED_READ;
        return;
    }
    if (!(ins->opcode >= DXBC_OP_ATOMIC_AND && ins->opcode <= DXBC_OP_IMM_ATOMIC_UMIN))
        return;
    if (!(u = find_reg(ins, DXBC_REG_UAV)) || !u->index_count || u->index[0].imm >= DXBC_MAX_UAV_SLOTS)
        return;
    slot = (uint32_t)u->index[0].imm;
    if (ins->opcode == DXBC_OP_IMM_ATOMIC_ALLOC || ins->opcode == DXBC_OP_IMM_ATOMIC_CONSUME)
        c->uav[slot].flags |= DXBC_RESOURCE_USES_COUNTER;
    else
        c->uav[slot].atomics = true;
}

static void binding(struct dxc *c, uint32_t var, enum dxbc_binding_kind kind, uint32_t slot)
{
    spv_decorate1(&c->b, var, SpvDecorationDescriptorSet, dxbc_descriptor_set(c->stage));
    spv_decorate1(&c->b, var, SpvDecorationBinding, dxbc_binding_index(c->stage, kind, slot));
}

static uint32_t uint_array_block(struct dxc *c, bool runtime, uint32_t words)
{
    uint32_t arr, st;

    arr = runtime ? spv_type_runtime_array_stride(&c->b, c->t_u32, 4) : spv_type_array_stride(&c->b, c->t_u32, words, 4);
    st = spv_type_struct(&c->b, &arr, 1);
    spv_decorate0(&c->b, st, SpvDecorationBlock);
    spv_member_decorate1(&c->b, st, 0, SpvDecorationOffset, 0);
    return st;
}

static uint32_t new_var(struct dxc *c, SpvStorageClass sc, uint32_t type, const char *name)
{
    uint32_t var = spv_variable(&c->b, dxc_ptr(c, sc, type), sc, 0);
    spv_name(&c->b, var, name);
    dxc_add_iface(c, var);
    return var;
}

static void image_caps(struct dxc *c, const struct dim_info *di, bool storage)
{
    if (di->dim == SpvDim1D)
        spv_capability(&c->b, storage ? SpvCapabilityImage1D : SpvCapabilitySampled1D);
    if (di->dim == SpvDimBuffer)
        spv_capability(&c->b, storage ? SpvCapabilityImageBuffer : SpvCapabilitySampledBuffer);
    if (di->dim == SpvDimCube && di->arrayed)
        spv_capability(&c->b, storage ? SpvCapabilityImageCubeArray : SpvCapabilitySampledCubeArray);
    if (storage && di->ms && di->arrayed)
        spv_capability(&c->b, SpvCapabilityImageMSArray);
    spv_capability(&c->b, SpvCapabilityImageQuery);
}

bool dxc_declare_resource(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *op = ins->operand_count ? &ins->operands[0] : NULL;
    struct res_slot *r;
    struct dim_info di;
    uint32_t slot, type, var;
    char name[16];

    switch (ins->opcode)
    {
        case DXBC_OP_DCL_SAMPLER:
            if (!op || !op->index_count || op->index[0].imm >= 16)
                return dxc_fail(c, "bad sampler declaration");
            slot = (uint32_t)op->index[0].imm;
            if (c->sampler_var[slot])
                return true;
            if (ins->dcl.sampler_mode == DXBC_SAMPLER_COMPARISON)
                c->sampler_comparison |= 1u << slot;
            dxc_format_name(name, sizeof(name), "s", slot, "", "");
            c->sampler_var[slot] = var = new_var(c, SpvStorageClassUniformConstant, spv_type_sampler(&c->b), name);
            binding(c, var, DXBC_BINDING_SAMPLER, slot);
            return true;
        case DXBC_OP_DCL_RESOURCE:
        case DXBC_OP_DCL_RESOURCE_RAW:
        case DXBC_OP_DCL_RESOURCE_STRUCTURED:
            if (!op || !op->index_count || op->index[0].imm >= DXBC_MAX_SRV_SLOTS)
                return dxc_fail(c, "bad resource declaration");
            slot = (uint32_t)op->index[0].imm;
            r = &c->srv[slot];
            if (r->declared)
                return true;
            r->declared = true;
            dxc_format_name(name, sizeof(name), "t", slot, "", "");
            if (ins->opcode != DXBC_OP_DCL_RESOURCE)
            {
                r->buffer = true;
                r->dim = ins->opcode == DXBC_OP_DCL_RESOURCE_RAW ? DXBC_RESOURCE_RAW_BUFFER : DXBC_RESOURCE_STRUCTURED_BUFFER;
                r->stride = ins->dcl.resource.stride;
                r->type = VT_U32;
                r->var = var = new_var(c, SpvStorageClassStorageBuffer, uint_array_block(c, true, 0), name);
                spv_decorate0(&c->b, var, SpvDecorationNonWritable);
                binding(c, var, DXBC_BINDING_SRV, slot);
                return true;
            }
            r->dim = ins->dcl.resource.dim;
            if (!dim_info(r->dim, &di))
                return dxc_fail(c, "unknown resource dimension %u", (unsigned)r->dim);
            r->type = ret_vt(ins->dcl.resource.return_type[0]);
            image_caps(c, &di, false);
            r->image_type = type = spv_type_image(&c->b, dxc_type(c, r->type, 1), di.dim, 0, di.arrayed, di.ms, 1, SpvImageFormatUnknown);
            r->var = var = new_var(c, SpvStorageClassUniformConstant, type, name);
            binding(c, var, DXBC_BINDING_SRV, slot);
            return true;
        case DXBC_OP_DCL_UAV_TYPED:
        case DXBC_OP_DCL_UAV_RAW:
        case DXBC_OP_DCL_UAV_STRUCTURED:
        {
            SpvImageFormat fmt = SpvImageFormatUnknown;
            if (!op || !op->index_count || op->index[0].imm >= DXBC_MAX_UAV_SLOTS)
                return dxc_fail(c, "bad UAV declaration");
            slot = (uint32_t)op->index[0].imm;
            r = &c->uav[slot];
            if (r->declared)
                return true;
            r->declared = true;
            if (ins->dcl.resource.globally_coherent)
                r->flags |= DXBC_RESOURCE_GLOBALLY_COHERENT;
            if (r->atomics)
                r->flags |= DXBC_RESOURCE_USES_ATOMICS;
            dxc_format_name(name, sizeof(name), "u", slot, "", "");
            if (ins->opcode != DXBC_OP_DCL_UAV_TYPED)
            {
                r->buffer = true;
                r->dim = ins->opcode == DXBC_OP_DCL_UAV_RAW ? DXBC_RESOURCE_RAW_BUFFER : DXBC_RESOURCE_STRUCTURED_BUFFER;
                r->stride = ins->dcl.resource.stride;
                r->type = VT_U32;
                r->var = var = new_var(c, SpvStorageClassStorageBuffer, uint_array_block(c, true, 0), name);
                binding(c, var, DXBC_BINDING_UAV, slot);
                if (ins->dcl.resource.globally_coherent)
                    spv_decorate0(&c->b, var, SpvDecorationCoherent);
                if (ins->dcl.resource.has_counter)
                    r->flags |= DXBC_RESOURCE_USES_COUNTER;
            }
            else
            {
                r->dim = ins->dcl.resource.dim;
                if (!dim_info(r->dim, &di))
                    return dxc_fail(c, "unknown UAV dimension %u", (unsigned)r->dim);
                r->type = ret_vt(ins->dcl.resource.return_type[0]);
                if (r->atomics)
                {
                    /* Atomics need an R32 format on the image type. */
                    if (r->type == VT_F32)
                        r->type = VT_U32;
                    fmt = r->type == VT_I32 ? SpvImageFormatR32i : SpvImageFormatR32ui;
                }
                else if (r->flags & DXBC_RESOURCE_TYPED_READ)
                {
                    /* D3D11 allows typed UAV loads from single-component 32-bit formats only,
                     * so a read UAV is declared R32: no read-without-format needed. */
                    fmt = r->type == VT_I32 ? SpvImageFormatR32i : r->type == VT_U32 ? SpvImageFormatR32ui : SpvImageFormatR32f;
                }
                else
                    spv_capability(&c->b, SpvCapabilityStorageImageWriteWithoutFormat);
                image_caps(c, &di, true);
                r->image_type = type = spv_type_image(&c->b, dxc_type(c, r->type, 1), di.dim, 0, di.arrayed, di.ms, 2, fmt);
                r->var = var = new_var(c, SpvStorageClassUniformConstant, type, name);
                binding(c, var, DXBC_BINDING_UAV, slot);
                if (ins->dcl.resource.globally_coherent)
                    spv_decorate0(&c->b, var, SpvDecorationCoherent);
            }
            if (r->flags & DXBC_RESOURCE_USES_COUNTER)
            {
                dxc_format_name(name, sizeof(name), "u", slot, "_counter", "");
                r->counter_var = var = new_var(c, SpvStorageClassStorageBuffer, uint_array_block(c, false, 1), name);
                spv_decorate1(&c->b, var, SpvDecorationDescriptorSet, dxbc_descriptor_set(c->stage));
                spv_decorate1(&c->b, var, SpvDecorationBinding, dxbc_binding_index(c->stage, DXBC_BINDING_UAV_COUNTER, slot));
            }
            return true;
        }
        case DXBC_OP_DCL_TGSM_RAW:
        case DXBC_OP_DCL_TGSM_STRUCTURED:
        {
            uint32_t words, stride = 0;
            struct tgsm *n;
            if (!op || !op->index_count || op->index[0].imm >= 4096)
                return dxc_fail(c, "bad group-shared memory declaration");
            slot = (uint32_t)op->index[0].imm;
            if (ins->opcode == DXBC_OP_DCL_TGSM_RAW)
                words = ins->dcl.tgsm.byte_count / 4;
            else
            {
                stride = ins->dcl.tgsm.stride;
                if (stride > 8192 || ins->dcl.tgsm.count > 8192)
                    return dxc_fail(c, "group-shared memory too large");
                words = stride / 4 * ins->dcl.tgsm.count;
            }
            if (!words || words > 8192)
                return dxc_fail(c, "group-shared memory size out of range");
            if (slot >= c->tgsm_count)
            {
                if (!(n = realloc(c->tgsm, (slot + 1) * sizeof(*n))))
                    return dxc_fail(c, "out of memory");
                memset(n + c->tgsm_count, 0, (slot + 1 - c->tgsm_count) * sizeof(*n));
                c->tgsm = n;
                c->tgsm_count = slot + 1;
            }
            if (c->tgsm[slot].var)
                return true;
            dxc_format_name(name, sizeof(name), "g", slot, "", "");
            c->tgsm[slot].var = new_var(c, SpvStorageClassWorkgroup, spv_type_array(&c->b, c->t_u32, words), name);
            c->tgsm[slot].stride = stride;
            c->tgsm[slot].words = words;
            return true;
        }
        default:
            return false;
    }
}

/* ------------------------------------------------------------------------------------
 * Helpers */

static unsigned dmask(const struct dxbc_operand *op)
{
    return op->components == DXBC_COMPONENTS_4 ? (op->mask ? op->mask : 0xf) : 1;
}

static struct res_slot *get_res(struct dxc *c, const struct dxbc_operand *op)
{
    struct res_slot *r = NULL;
    uint32_t slot;

    if (!op || !op->index_count)
        return dxc_fail(c, "missing resource operand"), NULL;
    if (op->index[0].rel)
        return dxc_fail(c, "dynamically indexed resources are not supported"), NULL;
    slot = (uint32_t)op->index[0].imm;
    if (op->type == DXBC_REG_RESOURCE && slot < DXBC_MAX_SRV_SLOTS)
        r = &c->srv[slot];
    else if (op->type == DXBC_REG_UAV && slot < DXBC_MAX_UAV_SLOTS)
        r = &c->uav[slot];
    if (!r || !r->declared)
        return dxc_fail(c, "undeclared resource %c%u", op->type == DXBC_REG_UAV ? 'u' : 't', slot), NULL;
    return r;
}

static uint32_t load_image(struct dxc *c, const struct res_slot *r)
{
    return spv_load(&c->b, r->image_type, r->var);
}

static uint32_t sampled_image(struct dxc *c, const struct res_slot *r, const struct dxbc_operand *s)
{
    uint32_t sampler;

    if (!s || s->type != DXBC_REG_SAMPLER || !s->index_count || s->index[0].imm >= 16 || !c->sampler_var[s->index[0].imm])
        return dxc_fail(c, "undeclared sampler"), 0;
    sampler = spv_load(&c->b, spv_type_sampler(&c->b), c->sampler_var[s->index[0].imm]);
    return spv_op2(&c->b, SpvOpSampledImage, spv_type_sampled_image(&c->b, r->image_type), load_image(c, r), sampler);
}

static uint32_t const_offset(struct dxc *c, const struct dxbc_instruction *ins, unsigned n)
{
    int32_t v[3] = { ins->offset_u, ins->offset_v, ins->offset_w };
    uint32_t parts[3];
    unsigned i;

    for (i = 0; i < n; ++i)
        parts[i] = dxc_i(c, v[i]);
    return n == 1 ? parts[0] : spv_const_composite(&c->b, dxc_type(c, VT_I32, n), parts, n);
}

static bool has_offset(const struct dxbc_instruction *ins)
{
    return ins->has_offsets && (ins->offset_u || ins->offset_v || ins->offset_w);
}

/* Result vec4 of the resource's type: swizzle by the resource operand, store. */
static void store_result(struct dxc *c, const struct dxbc_instruction *ins, const struct dxbc_operand *resop,
        uint32_t vec4, enum vt t)
{
    const struct dxbc_operand *dst = DST(0);
    dxc_store_dst(c, ins, dst, dxc_swizzle(c, vec4, t, resop, dmask(dst)), t);
}

static uint32_t splat4(struct dxc *c, uint32_t v, enum vt t)
{
    uint32_t parts[4] = { v, v, v, v };
    return spv_composite(&c->b, dxc_type(c, t, 4), parts, 4);
}

/* A scalar result written to every lane of the destination mask. */
static void store_scalar(struct dxc *c, const struct dxbc_instruction *ins, const struct dxbc_operand *dst, uint32_t v, enum vt t)
{
    unsigned n = dxc_popcount(dmask(dst));
    uint32_t parts[4] = { v, v, v, v };

    dxc_store_dst(c, ins, dst, n == 1 ? v : spv_composite(&c->b, dxc_type(c, t, n), parts, n), t);
}

/* ------------------------------------------------------------------------------------
 * Sampling */

static bool emit_sample(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *coord_op = SRC(0), *resop, *samp;
    unsigned src_base = 1;
    struct res_slot *r;
    struct dim_info di;
    uint32_t si, coord, ops[12], n = 0, mask = 0, dref = 0, result, rt4;
    uint32_t extra[8] = { 0 }, ne = 0, offset_dyn = 0;
    bool gather = false, implicit = c->stage == DXBC_STAGE_PS;
    SpvOp op;

    if (ins->opcode == DXBC_OP_GATHER4_PO || ins->opcode == DXBC_OP_GATHER4_PO_C)
        src_base = 2;
    resop = SRC(src_base);
    samp = SRC(src_base + 1);
    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di) || di.dim == SpvDimBuffer || di.ms)
        return c->failed ? false : dxc_fail(c, "sampling a buffer or a multisampled texture");
    if (!(si = sampled_image(c, r, samp)))
        return false;
    coord = dxc_load_src_n(c, coord_op, di.coords, VT_F32);
    rt4 = dxc_type(c, r->type, 4);

    switch (ins->opcode)
    {
        case DXBC_OP_SAMPLE:
            op = implicit ? SpvOpImageSampleImplicitLod : SpvOpImageSampleExplicitLod;
            if (!implicit)
            {
                mask |= SpvImageOperandsLodMask;
                extra[ne++] = dxc_f(c, 0.0f);
            }
            break;
        case DXBC_OP_SAMPLE_B:
            op = implicit ? SpvOpImageSampleImplicitLod : SpvOpImageSampleExplicitLod;
            mask |= implicit ? SpvImageOperandsBiasMask : SpvImageOperandsLodMask;
            extra[ne++] = implicit ? dxc_load_src_scalar(c, SRC(3), VT_F32) : dxc_f(c, 0.0f);
            break;
        case DXBC_OP_SAMPLE_L:
            op = SpvOpImageSampleExplicitLod;
            mask |= SpvImageOperandsLodMask;
            extra[ne++] = dxc_load_src_scalar(c, SRC(3), VT_F32);
            break;
        case DXBC_OP_SAMPLE_D:
            op = SpvOpImageSampleExplicitLod;
            mask |= SpvImageOperandsGradMask;
            extra[ne++] = dxc_load_src_n(c, SRC(3), di.offsets, VT_F32);
            extra[ne++] = dxc_load_src_n(c, SRC(4), di.offsets, VT_F32);
            break;
        case DXBC_OP_SAMPLE_C:
            op = implicit ? SpvOpImageSampleDrefImplicitLod : SpvOpImageSampleDrefExplicitLod;
            dref = dxc_load_src_scalar(c, SRC(3), VT_F32);
            if (!implicit)
            {
                mask |= SpvImageOperandsLodMask;
                extra[ne++] = dxc_f(c, 0.0f);
            }
            break;
        case DXBC_OP_SAMPLE_C_LZ:
            op = SpvOpImageSampleDrefExplicitLod;
            dref = dxc_load_src_scalar(c, SRC(3), VT_F32);
            mask |= SpvImageOperandsLodMask;
            extra[ne++] = dxc_f(c, 0.0f);
            break;
        case DXBC_OP_GATHER4:
        case DXBC_OP_GATHER4_PO:
            op = SpvOpImageGather;
            gather = true;
            break;
        case DXBC_OP_GATHER4_C:
        case DXBC_OP_GATHER4_PO_C:
            op = SpvOpImageDrefGather;
            gather = true;
            dref = dxc_load_src_scalar(c, SRC(src_base + 2), VT_F32);
            break;
        default:
            return false;
    }
    if (src_base == 2)
    {
        spv_capability(&c->b, SpvCapabilityImageGatherExtended);
        offset_dyn = dxc_load_src_n(c, SRC(1), di.offsets, VT_I32);
        mask |= SpvImageOperandsOffsetMask;
    }
    else if (has_offset(ins) && di.dim != SpvDimCube)
    {
        mask |= SpvImageOperandsConstOffsetMask;
        offset_dyn = const_offset(c, ins, di.offsets);
    }

    ops[n++] = si;
    ops[n++] = coord;
    if (op == SpvOpImageGather)
        ops[n++] = dxc_u(c, samp->select_mode == DXBC_SELECT_SELECT1 ? samp->select1 & 3 : samp->swizzle[0] & 3);
    if (dref)
        ops[n++] = dref;
    if (mask)
    {
        unsigned i;
        ops[n++] = mask;
        for (i = 0; i < ne; ++i)
            ops[n++] = extra[i];
        if (offset_dyn)
            ops[n++] = offset_dyn;
    }
    if (dref && !gather)
    {
        result = spv_op(&c->b, op, dxc_type(c, r->type, 1), ops, n);
        result = splat4(c, result, r->type);
    }
    else
        result = spv_op(&c->b, op, rt4, ops, n);
    store_result(c, ins, resop, result, r->type);
    return true;
}

static bool emit_lod(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(1);
    struct res_slot *r;
    struct dim_info di;
    uint32_t si, coord, v, parts[4];

    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di) || di.dim == SpvDimBuffer || di.ms)
        return c->failed ? false : dxc_fail(c, "lod on a buffer or a multisampled texture");
    if (!(si = sampled_image(c, r, SRC(2))))
        return false;
    if (c->stage != DXBC_STAGE_PS)
        return dxc_fail(c, "lod outside a pixel shader");
    coord = dxc_load_src_n(c, SRC(0), di.offsets, VT_F32);
    v = spv_op2(&c->b, SpvOpImageQueryLod, c->t_fv[2], si, coord);
    parts[0] = spv_extract(&c->b, c->t_f32, v, 0);
    parts[1] = spv_extract(&c->b, c->t_f32, v, 1);
    parts[2] = parts[3] = dxc_f(c, 0.0f);
    store_result(c, ins, resop, spv_composite(&c->b, c->t_fv[4], parts, 4), VT_F32);
    return true;
}

/* ------------------------------------------------------------------------------------
 * Loads and stores */

static bool emit_ld(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(1);
    struct res_slot *r;
    struct dim_info di;
    uint32_t img, coord, ops[8], n = 0, mask = 0, v, lod = 0, sample = 0;

    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di))
        return c->failed ? false : dxc_fail(c, "ld on a raw/structured buffer");
    img = load_image(c, r);
    coord = dxc_load_src_n(c, SRC(0), di.coords, VT_I32);
    if (ins->opcode == DXBC_OP_LD_MS && !di.ms)
        return dxc_fail(c, "ld2dms on a resource that is not multisampled");
    if (ins->opcode == DXBC_OP_LD_MS)
    {
        sample = dxc_load_src_scalar(c, SRC(2), VT_I32);
        mask |= SpvImageOperandsSampleMask;
    }
    else if (di.dim != SpvDimBuffer && !di.ms)
    {
        lod = dxc_load_src(c, SRC(0), 8, VT_I32);
        mask |= SpvImageOperandsLodMask;
    }
    else if (di.ms)
    {
        sample = dxc_i(c, 0);
        mask |= SpvImageOperandsSampleMask;
    }
    if (has_offset(ins) && di.dim != SpvDimBuffer && di.dim != SpvDimCube)
        mask |= SpvImageOperandsConstOffsetMask;
    ops[n++] = img;
    ops[n++] = coord;
    if (mask)
    {
        ops[n++] = mask;
        if (lod)
            ops[n++] = lod;
        if (mask & SpvImageOperandsConstOffsetMask)
            ops[n++] = const_offset(c, ins, di.offsets);
        if (sample)
            ops[n++] = sample;
    }
    v = spv_op(&c->b, SpvOpImageFetch, dxc_type(c, r->type, 4), ops, n);
    store_result(c, ins, resop, v, r->type);
    return true;
}

static bool emit_ld_uav_typed(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(1);
    struct res_slot *r;
    struct dim_info di;
    uint32_t coord, v;

    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di))
        return c->failed ? false : dxc_fail(c, "typed load from a raw/structured UAV");
    coord = dxc_load_src_n(c, SRC(0), di.coords, VT_I32);
    v = spv_op2(&c->b, SpvOpImageRead, dxc_type(c, r->type, 4), load_image(c, r), coord);
    store_result(c, ins, resop, v, r->type);
    return true;
}

static bool emit_store_uav_typed(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = DST(0);
    struct res_slot *r;
    struct dim_info di;
    uint32_t coord, v, ops[3];

    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di))
        return c->failed ? false : dxc_fail(c, "typed store to a raw/structured UAV");
    coord = dxc_load_src_n(c, SRC(0), di.coords, VT_I32);
    v = dxc_load_src_n(c, SRC(1), 4, r->type);
    ops[0] = load_image(c, r);
    ops[1] = coord;
    ops[2] = v;
    spv_op_void(&c->b, SpvOpImageWrite, ops, 3);
    return true;
}

/* Raw/structured memory: a uint array in a storage buffer or in group-shared memory. */
struct mem
{
    uint32_t var;
    SpvStorageClass sc;
    bool ssbo;                   /* the array is member 0 of a block */
    uint32_t stride;
};

static bool get_mem(struct dxc *c, const struct dxbc_operand *op, struct mem *m)
{
    memset(m, 0, sizeof(*m));
    if (op && op->type == DXBC_REG_TGSM)
    {
        if (!op->index_count || op->index[0].imm >= c->tgsm_count || !c->tgsm[op->index[0].imm].var)
            return dxc_fail(c, "undeclared group-shared memory");
        m->var = c->tgsm[op->index[0].imm].var;
        m->sc = SpvStorageClassWorkgroup;
        m->stride = c->tgsm[op->index[0].imm].stride;
        return true;
    }
    {
        struct res_slot *r = get_res(c, op);
        if (!r)
            return false;
        if (!r->buffer)
            return dxc_fail(c, "raw/structured access to a typed resource");
        m->var = r->var;
        m->sc = SpvStorageClassStorageBuffer;
        m->ssbo = true;
        m->stride = r->stride;
        return true;
    }
}

static uint32_t mem_ptr(struct dxc *c, const struct mem *m, uint32_t word_index)
{
    uint32_t idx[2];
    unsigned n = 0;

    if (m->ssbo)
        idx[n++] = dxc_u(c, 0);
    idx[n++] = word_index;
    return spv_access_chain(&c->b, dxc_ptr(c, m->sc, c->t_u32), m->var, idx, n);
}

/* Byte address -> word index for raw; (index, offset) for structured. */
static uint32_t mem_address(struct dxc *c, const struct mem *m, const struct dxbc_operand *a0, const struct dxbc_operand *a1)
{
    uint32_t addr;

    if (a1)
    {
        uint32_t index = dxc_load_src_scalar(c, a0, VT_U32), off = dxc_load_src_scalar(c, a1, VT_U32);
        addr = spv_op2(&c->b, SpvOpIAdd, c->t_u32, spv_op2(&c->b, SpvOpIMul, c->t_u32, index, dxc_u(c, m->stride)), off);
    }
    else
        addr = dxc_load_src_scalar(c, a0, VT_U32);
    return spv_op2(&c->b, SpvOpShiftRightLogical, c->t_u32, addr, dxc_u(c, 2));
}

static bool emit_ld_mem(struct dxc *c, const struct dxbc_instruction *ins, bool structured)
{
    const struct dxbc_operand *dst = DST(0), *resop = SRC(structured ? 2 : 1);
    unsigned mask = dmask(dst), lane, k = 0, n = dxc_popcount(mask);
    uint32_t word, parts[4];
    struct mem m;

    if (!get_mem(c, resop, &m))
        return false;
    word = mem_address(c, &m, SRC(0), structured ? SRC(1) : NULL);
    for (lane = 0; lane < 4; ++lane)
    {
        unsigned comp;
        if (!(mask & (1u << lane)))
            continue;
        comp = resop->select_mode == DXBC_SELECT_SWIZZLE ? resop->swizzle[lane] & 3
                : resop->select_mode == DXBC_SELECT_SELECT1 ? resop->select1 & 3 : lane;
        parts[k++] = spv_load(&c->b, c->t_u32, mem_ptr(c, &m, comp ? spv_op2(&c->b, SpvOpIAdd, c->t_u32, word, dxc_u(c, comp)) : word));
    }
    dxc_store_dst(c, ins, dst, n == 1 ? parts[0] : spv_composite(&c->b, c->t_uv[n], parts, n), VT_U32);
    return true;
}

static bool emit_store_mem(struct dxc *c, const struct dxbc_instruction *ins, bool structured)
{
    const struct dxbc_operand *resop = DST(0);
    unsigned mask = dmask(resop), lane, k = 0, n = dxc_popcount(mask);
    uint32_t word, v;
    struct mem m;

    if (!get_mem(c, resop, &m))
        return false;
    word = mem_address(c, &m, SRC(0), structured ? SRC(1) : NULL);
    v = dxc_load_src(c, SRC(structured ? 2 : 1), mask, VT_U32);
    for (lane = 0; lane < 4; ++lane)
    {
        if (!(mask & (1u << lane)))
            continue;
        spv_store(&c->b, mem_ptr(c, &m, lane ? spv_op2(&c->b, SpvOpIAdd, c->t_u32, word, dxc_u(c, lane)) : word),
                n == 1 ? v : spv_extract(&c->b, c->t_u32, v, k));
        ++k;
    }
    return true;
}

/* ------------------------------------------------------------------------------------
 * Atomics */

static bool emit_atomic(struct dxc *c, const struct dxbc_instruction *ins)
{
    bool imm = ins->opcode >= DXBC_OP_IMM_ATOMIC_ALLOC;
    const struct dxbc_operand *target = imm ? DST(1) : DST(0);
    unsigned s = 0;
    uint32_t ptr, scope, sem, ops[6], r = 0, ut = c->t_u32, pt;
    enum vt t = VT_U32;
    SpvOp op;

    if (!target)
        return dxc_fail(c, "atomic without target");
    if (ins->opcode == DXBC_OP_IMM_ATOMIC_ALLOC || ins->opcode == DXBC_OP_IMM_ATOMIC_CONSUME)
    {
        struct res_slot *res = get_res(c, target);
        uint32_t idx[2] = { dxc_u(c, 0), dxc_u(c, 0) };
        if (!res)
            return false;
        if (!res->counter_var)
            return dxc_fail(c, "UAV u%u has no counter", (unsigned)target->index[0].imm);
        ptr = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassStorageBuffer, ut), res->counter_var, idx, 2);
        ops[0] = ptr;
        ops[1] = dxc_u(c, SpvScopeDevice);
        ops[2] = dxc_u(c, SpvMemorySemanticsMaskNone);
        ops[3] = dxc_u(c, 1);
        if (ins->opcode == DXBC_OP_IMM_ATOMIC_ALLOC)
            r = spv_op(&c->b, SpvOpAtomicIAdd, ut, ops, 4);
        else
            r = spv_op2(&c->b, SpvOpISub, ut, spv_op(&c->b, SpvOpAtomicISub, ut, ops, 4), dxc_u(c, 1));
        store_scalar(c, ins, DST(0), r, VT_U32);
        return true;
    }

    if (target->type == DXBC_REG_UAV && c->uav[target->index_count ? target->index[0].imm % DXBC_MAX_UAV_SLOTS : 0].declared
            && !c->uav[target->index[0].imm % DXBC_MAX_UAV_SLOTS].buffer)
    {
        struct res_slot *res = get_res(c, target);
        struct dim_info di;
        uint32_t coord, tp[3];
        if (!res || !dim_info(res->dim, &di))
            return false;
        t = res->type == VT_I32 ? VT_I32 : VT_U32;
        coord = dxc_load_src_n(c, SRC(0), di.coords, VT_I32);
        tp[0] = res->var;
        tp[1] = coord;
        tp[2] = dxc_u(c, 0);
        pt = dxc_type(c, t, 1);
        ptr = spv_op(&c->b, SpvOpImageTexelPointer, dxc_ptr(c, SpvStorageClassImage, pt), tp, 3);
        scope = SpvScopeDevice;
    }
    else
    {
        struct mem m;
        if (!get_mem(c, target, &m))
            return false;
        /* Structured targets address with an (index, offset) pair in src0 .x/.y. */
        if (!m.stride)
            ptr = mem_ptr(c, &m, mem_address(c, &m, SRC(0), NULL));
        else
        {
            uint32_t xy = dxc_load_src_n(c, SRC(0), 2, VT_U32);
            uint32_t a = spv_op2(&c->b, SpvOpIAdd, ut, spv_op2(&c->b, SpvOpIMul, ut, spv_extract(&c->b, ut, xy, 0), dxc_u(c, m.stride)),
                    spv_extract(&c->b, ut, xy, 1));
            ptr = mem_ptr(c, &m, spv_op2(&c->b, SpvOpShiftRightLogical, ut, a, dxc_u(c, 2)));
        }
        scope = m.sc == SpvStorageClassWorkgroup ? SpvScopeWorkgroup : SpvScopeDevice;
        pt = ut;
    }
    sem = SpvMemorySemanticsMaskNone;
    s = 1;
    ops[0] = ptr;
    ops[1] = dxc_u(c, scope);
    ops[2] = dxc_u(c, sem);
    switch (ins->opcode)
    {
        case DXBC_OP_ATOMIC_AND: case DXBC_OP_IMM_ATOMIC_AND: op = SpvOpAtomicAnd; break;
        case DXBC_OP_ATOMIC_OR: case DXBC_OP_IMM_ATOMIC_OR: op = SpvOpAtomicOr; break;
        case DXBC_OP_ATOMIC_XOR: case DXBC_OP_IMM_ATOMIC_XOR: op = SpvOpAtomicXor; break;
        case DXBC_OP_ATOMIC_IADD: case DXBC_OP_IMM_ATOMIC_IADD: op = SpvOpAtomicIAdd; break;
        case DXBC_OP_ATOMIC_IMAX: case DXBC_OP_IMM_ATOMIC_IMAX: op = SpvOpAtomicSMax; break;
        case DXBC_OP_ATOMIC_IMIN: case DXBC_OP_IMM_ATOMIC_IMIN: op = SpvOpAtomicSMin; break;
        case DXBC_OP_ATOMIC_UMAX: case DXBC_OP_IMM_ATOMIC_UMAX: op = SpvOpAtomicUMax; break;
        case DXBC_OP_ATOMIC_UMIN: case DXBC_OP_IMM_ATOMIC_UMIN: op = SpvOpAtomicUMin; break;
        case DXBC_OP_IMM_ATOMIC_EXCH: op = SpvOpAtomicExchange; break;
        case DXBC_OP_ATOMIC_CMP_STORE: case DXBC_OP_IMM_ATOMIC_CMP_EXCH: op = SpvOpAtomicCompareExchange; break;
        default: return false;
    }
    if (op == SpvOpAtomicCompareExchange)
    {
        uint32_t cmp = dxc_load_src_scalar(c, SRC(s), t), val = dxc_load_src_scalar(c, SRC(s + 1), t);
        ops[3] = dxc_u(c, sem);
        ops[4] = val;
        ops[5] = cmp;
        r = spv_op(&c->b, op, pt, ops, 6);
    }
    else
    {
        ops[3] = dxc_load_src_scalar(c, SRC(s), t);
        r = spv_op(&c->b, op, pt, ops, 4);
    }
    if (imm)
        store_scalar(c, ins, DST(0), dxc_bitcast(c, r, t, VT_U32, 1), VT_U32);
    return true;
}

/* ------------------------------------------------------------------------------------
 * Queries */

static bool emit_resinfo(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(1);
    struct res_slot *r;
    struct dim_info di;
    uint32_t img, size, levels, lod, parts[4], v, n, i, ok;
    bool storage;

    if (!(r = get_res(c, resop)) || r->buffer || !dim_info(r->dim, &di))
        return c->failed ? false : dxc_fail(c, "resinfo on a buffer");
    storage = resop->type == DXBC_REG_UAV;
    img = load_image(c, r);
    n = di.coords - (di.dim == SpvDimCube ? 1 : 0);
    if (di.dim == SpvDimCube && di.arrayed)
        n = 3;
    lod = dxc_load_src_scalar(c, SRC(0), VT_U32);
    if (storage || di.ms || di.dim == SpvDimBuffer)
    {
        size = spv_op1(&c->b, SpvOpImageQuerySize, dxc_type(c, VT_U32, n), img);
        levels = dxc_u(c, 1);
        ok = spv_const_bool(&c->b, true);
    }
    else
    {
        levels = spv_op1(&c->b, SpvOpImageQueryLevels, c->t_u32, img);
        ok = spv_op2(&c->b, SpvOpULessThan, c->t_bool, lod, levels);
        size = spv_op2(&c->b, SpvOpImageQuerySizeLod, dxc_type(c, VT_U32, n), img,
                spv_select(&c->b, c->t_u32, ok, lod, dxc_u(c, 0)));
    }
    for (i = 0; i < 3; ++i)
    {
        if (i < n)
            parts[i] = spv_select(&c->b, c->t_u32, ok, n == 1 ? size : spv_extract(&c->b, c->t_u32, size, i), dxc_u(c, 0));
        else
            parts[i] = dxc_u(c, 0);
    }
    parts[3] = levels;
    v = spv_composite(&c->b, c->t_uv[4], parts, 4);
    if (ins->resinfo_return == DXBC_RESINFO_UINT)
    {
        store_result(c, ins, resop, v, VT_U32);
        return true;
    }
    v = spv_op1(&c->b, SpvOpConvertUToF, c->t_fv[4], v);
    if (ins->resinfo_return == DXBC_RESINFO_RCP_FLOAT)
    {
        uint32_t one = dxc_f(c, 1.0f), f[4];
        for (i = 0; i < 4; ++i)
        {
            f[i] = spv_extract(&c->b, c->t_f32, v, i);
            if (i < 3)
                f[i] = spv_op2(&c->b, SpvOpFDiv, c->t_f32, one, f[i]);
        }
        v = spv_composite(&c->b, c->t_fv[4], f, 4);
    }
    store_result(c, ins, resop, v, VT_F32);
    return true;
}

static bool emit_bufinfo(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(0);
    struct res_slot *r;
    uint32_t v;

    if (!(r = get_res(c, resop)))
        return false;
    if (r->buffer)
    {
        v = spv_op2(&c->b, SpvOpArrayLength, c->t_u32, r->var, 0);
        /* words -> bytes (raw) or structures (structured) */
        if (r->dim == DXBC_RESOURCE_STRUCTURED_BUFFER && r->stride)
            v = spv_op2(&c->b, SpvOpUDiv, c->t_u32, spv_op2(&c->b, SpvOpIMul, c->t_u32, v, dxc_u(c, 4)), dxc_u(c, r->stride));
        else
            v = spv_op2(&c->b, SpvOpIMul, c->t_u32, v, dxc_u(c, 4));
    }
    else
    {
        if (r->dim != DXBC_RESOURCE_BUFFER)
            return dxc_fail(c, "bufinfo on a texture");
        v = spv_op1(&c->b, SpvOpImageQuerySize, c->t_u32, load_image(c, r));
    }
    dxc_store_dst(c, ins, DST(0), dxc_swizzle(c, splat4(c, v, VT_U32), VT_U32, resop, dmask(DST(0))), VT_U32);
    return true;
}

static uint32_t sample_count(struct dxc *c, const struct dxbc_operand *op)
{
    struct res_slot *r;

    if (op->type == DXBC_REG_RASTERIZER)
    {
        if (!c->spec_sample_count)
        {
            c->spec_sample_count = spv_spec_const_u32(&c->b, DXBC_SPEC_SAMPLE_COUNT, 1);
            spv_name(&c->b, c->spec_sample_count, "spec_sample_count");
        }
        c->spec_used |= 1u << DXBC_SPEC_SAMPLE_COUNT;
        return c->spec_sample_count;
    }
    if (!(r = get_res(c, op)))
        return 0;
    {
        struct dim_info di;
        if (r->buffer || !dim_info(r->dim, &di) || !di.ms)
            return dxc_u(c, 1);
    }
    return spv_op1(&c->b, SpvOpImageQuerySamples, c->t_u32, load_image(c, r));
}

static bool emit_sampleinfo(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(0);
    uint32_t n = sample_count(c, resop), parts[4];

    if (!n)
        return false;
    parts[0] = n;
    parts[1] = parts[2] = parts[3] = dxc_u(c, 0);
    if (ins->sampleinfo_uint)
        store_result(c, ins, resop, spv_composite(&c->b, c->t_uv[4], parts, 4), VT_U32);
    else
        store_result(c, ins, resop, spv_op1(&c->b, SpvOpConvertUToF, c->t_fv[4], spv_composite(&c->b, c->t_uv[4], parts, 4)), VT_F32);
    return true;
}

/* The standard sample positions (D3D11 spec 3.5.3.1), in 1/16 pixel units from the centre. */
static const int8_t sample_pos[31][2] =
{
    { 0, 0 },
    { 4, 4 }, { -4, -4 },
    { -2, -6 }, { 6, -2 }, { -6, 2 }, { 2, 6 },
    { 1, -3 }, { -1, 3 }, { 5, 1 }, { -3, -5 }, { -5, 5 }, { -7, -1 }, { 3, 7 }, { 7, -7 },
    { 1, 1 }, { -1, -3 }, { -3, 2 }, { 4, -1 }, { -5, -2 }, { 2, 5 }, { 5, 3 }, { 3, -5 },
    { -2, 6 }, { 0, -7 }, { -4, -6 }, { -6, 4 }, { -8, 0 }, { 7, -4 }, { 6, 7 }, { -7, -8 },
};

static bool emit_samplepos(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *resop = SRC(0);
    uint32_t count = sample_count(c, resop), idx, parts[31], type, table, base, valid, p, v, xy[4];
    unsigned i;

    if (!count)
        return false;
    for (i = 0; i < 31; ++i)
    {
        float f[2] = { sample_pos[i][0] / 16.0f, sample_pos[i][1] / 16.0f };
        parts[i] = spv_const_fvec(&c->b, f, 2);
    }
    type = spv_type_array(&c->b, c->t_fv[2], 31);
    if (!c->sample_pos_table)
    {
        c->sample_pos_table = spv_variable(&c->b, dxc_ptr(c, SpvStorageClassPrivate, type), SpvStorageClassPrivate,
                spv_const_composite(&c->b, type, parts, 31));
        dxc_add_iface(c, c->sample_pos_table);
    }
    table = c->sample_pos_table;
    idx = dxc_load_src_scalar(c, SRC(1), VT_U32);
    /* Table offset for count n (1, 2, 4, 8, 16) is n - 1; other counts and indices >= n give 0. */
    valid = spv_op2(&c->b, SpvOpULessThan, c->t_bool, idx, count);
    {
        uint32_t pow2 = spv_op2(&c->b, SpvOpIEqual, c->t_bool,
                spv_op2(&c->b, SpvOpBitwiseAnd, c->t_u32, count, spv_op2(&c->b, SpvOpISub, c->t_u32, count, dxc_u(c, 1))), dxc_u(c, 0));
        uint32_t small = spv_op2(&c->b, SpvOpULessThanEqual, c->t_bool, count, dxc_u(c, 16));
        valid = spv_op2(&c->b, SpvOpLogicalAnd, c->t_bool, valid, spv_op2(&c->b, SpvOpLogicalAnd, c->t_bool, pow2, small));
    }
    base = spv_op2(&c->b, SpvOpIAdd, c->t_u32, spv_op2(&c->b, SpvOpISub, c->t_u32, count, dxc_u(c, 1)), idx);
    base = spv_select(&c->b, c->t_u32, valid, base, dxc_u(c, 0));
    p = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_fv[2]), table, &base, 1);
    v = spv_load(&c->b, c->t_fv[2], p);
    v = spv_select(&c->b, c->t_fv[2], valid, v, spv_const_null(&c->b, c->t_fv[2]));
    xy[0] = spv_extract(&c->b, c->t_f32, v, 0);
    xy[1] = spv_extract(&c->b, c->t_f32, v, 1);
    xy[2] = xy[3] = dxc_f(c, 0.0f);
    store_result(c, ins, resop, spv_composite(&c->b, c->t_fv[4], xy, 4), VT_F32);
    return true;
}

bool dxc_emit_resource(struct dxc *c, const struct dxbc_instruction *ins)
{
    switch (ins->opcode)
    {
        case DXBC_OP_SAMPLE: case DXBC_OP_SAMPLE_B: case DXBC_OP_SAMPLE_L: case DXBC_OP_SAMPLE_D:
        case DXBC_OP_SAMPLE_C: case DXBC_OP_SAMPLE_C_LZ:
        case DXBC_OP_GATHER4: case DXBC_OP_GATHER4_C: case DXBC_OP_GATHER4_PO: case DXBC_OP_GATHER4_PO_C:
            return emit_sample(c, ins);
        case DXBC_OP_LOD: return emit_lod(c, ins);
        case DXBC_OP_LD: case DXBC_OP_LD_MS: return emit_ld(c, ins);
        case DXBC_OP_LD_UAV_TYPED: return emit_ld_uav_typed(c, ins);
        case DXBC_OP_STORE_UAV_TYPED: return emit_store_uav_typed(c, ins);
        case DXBC_OP_LD_RAW: return emit_ld_mem(c, ins, false);
        case DXBC_OP_LD_STRUCTURED: return emit_ld_mem(c, ins, true);
        case DXBC_OP_STORE_RAW: return emit_store_mem(c, ins, false);
        case DXBC_OP_STORE_STRUCTURED: return emit_store_mem(c, ins, true);
        case DXBC_OP_RESINFO: return emit_resinfo(c, ins);
        case DXBC_OP_BUFINFO: return emit_bufinfo(c, ins);
        case DXBC_OP_SAMPLE_INFO: return emit_sampleinfo(c, ins);
        case DXBC_OP_SAMPLE_POS: return emit_samplepos(c, ins);
        default:
            if (ins->opcode >= DXBC_OP_ATOMIC_AND && ins->opcode <= DXBC_OP_IMM_ATOMIC_UMIN)
                return emit_atomic(c, ins);
            return false;
    }
}
