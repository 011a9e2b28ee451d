/* compile_io.c — stage I/O (signature elements as variables or built-ins, the copies between
 * them and the Private register files) and the declaration passes of the compiler. */
#include "compile_private.h"

/* ------------------------------------------------------------------------------------
 * Stage I/O. Each signature element becomes one variable (Location = register,
 * Component = first component), or a built-in. The shader body works on Private copies
 * (v#, o#): main copies inputs in before the body and outputs out after it (GS: at emit;
 * HS: per phase). */

static enum vt sig_type(uint32_t ct)
{
    switch (ct)
    {
        case DXBC_COMPONENT_UINT32: return VT_U32;
        case DXBC_COMPONENT_SINT32: return VT_I32;
        default: return VT_F32;
    }
}

static int builtin_for(struct dxc *c, uint32_t sysval, bool output)
{
    enum dxbc_stage s = c->stage;

    switch (sysval)
    {
        case DXBC_NAME_POSITION:
            return (s == DXBC_STAGE_PS && !output) ? SpvBuiltInFragCoord : SpvBuiltInPosition;
        case DXBC_NAME_CLIP_DISTANCE: return SpvBuiltInClipDistance;
        case DXBC_NAME_CULL_DISTANCE: return SpvBuiltInCullDistance;
        case DXBC_NAME_RENDER_TARGET_ARRAY_INDEX: return SpvBuiltInLayer;
        case DXBC_NAME_VIEWPORT_ARRAY_INDEX: return SpvBuiltInViewportIndex;
        case DXBC_NAME_VERTEX_ID: return s == DXBC_STAGE_VS && !output ? SpvBuiltInVertexIndex : -1;
        case DXBC_NAME_INSTANCE_ID: return s == DXBC_STAGE_VS && !output ? SpvBuiltInInstanceIndex : -1;
        case DXBC_NAME_PRIMITIVE_ID:
            if (s == DXBC_STAGE_PS || (s == DXBC_STAGE_GS && output))
                return SpvBuiltInPrimitiveId;
            return -1;
        case DXBC_NAME_IS_FRONT_FACE: return s == DXBC_STAGE_PS ? SpvBuiltInFrontFacing : -1;
        case DXBC_NAME_SAMPLE_INDEX: return s == DXBC_STAGE_PS ? SpvBuiltInSampleId : -1;
        case DXBC_NAME_FINAL_QUAD_EDGE_TESSFACTOR:
        case DXBC_NAME_FINAL_TRI_EDGE_TESSFACTOR:
        case DXBC_NAME_FINAL_LINE_DETAIL_TESSFACTOR:
        case DXBC_NAME_FINAL_LINE_DENSITY_TESSFACTOR:
            return SpvBuiltInTessLevelOuter;
        case DXBC_NAME_FINAL_QUAD_INSIDE_TESSFACTOR:
        case DXBC_NAME_FINAL_TRI_INSIDE_TESSFACTOR:
            return SpvBuiltInTessLevelInner;
        default:
            return -1;
    }
}

/* Index into TessLevelOuter/Inner for a tess-factor element. */
static uint32_t tess_index(const struct io_elem *e)
{
    switch (e->sysval)
    {
        case DXBC_NAME_FINAL_LINE_DETAIL_TESSFACTOR: return 1;
        case DXBC_NAME_FINAL_LINE_DENSITY_TESSFACTOR: return 0;
        default: return e->semantic_index;
    }
}

static struct io_elem *new_elem(struct dxc *c, bool output)
{
    struct io_elem **list = output ? &c->out : &c->in, *n;
    unsigned *count = output ? &c->out_count : &c->in_count, *cap = output ? &c->out_cap : &c->in_cap;

    if (*count == *cap)
    {
        unsigned nc = *cap ? *cap * 2 : 16;
        if (!(n = realloc(*list, nc * sizeof(*n))))
        {
            c->b.oom = true;
            return NULL;
        }
        *list = n;
        *cap = nc;
    }
    n = &(*list)[(*count)++];
    memset(n, 0, sizeof(*n));
    n->builtin = -1;
    n->location = ~0u;
    return n;
}

static void builtin_caps(struct dxc *c, int bi, bool output)
{
    switch (bi)
    {
        case SpvBuiltInClipDistance: spv_capability(&c->b, SpvCapabilityClipDistance); break;
        case SpvBuiltInCullDistance: spv_capability(&c->b, SpvCapabilityCullDistance); break;
        case SpvBuiltInSampleId: spv_capability(&c->b, SpvCapabilitySampleRateShading); c->ps_flags |= DXBC_PS_SAMPLE_RATE; break;
        case SpvBuiltInLayer:
            if (c->stage == DXBC_STAGE_VS || c->stage == DXBC_STAGE_DS)
                spv_capability(&c->b, SpvCapabilityShaderLayer);
            else
                spv_capability(&c->b, SpvCapabilityGeometry);
            break;
        case SpvBuiltInViewportIndex:
            if (c->stage == DXBC_STAGE_VS || c->stage == DXBC_STAGE_DS)
                spv_capability(&c->b, SpvCapabilityShaderViewportIndex);
            else
                spv_capability(&c->b, SpvCapabilityMultiViewport);
            break;
        case SpvBuiltInPrimitiveId:
            if (c->stage == DXBC_STAGE_PS)
                spv_capability(&c->b, SpvCapabilityGeometry);
            break;
        default: break;
    }
    (void)output;
}

static void declare_sig(struct dxc *c, const struct dxbc_signature *sig, bool output, bool patch, uint32_t array_size)
{
    SpvStorageClass sc = output ? SpvStorageClassOutput : SpvStorageClassInput;
    uint32_t clip_total[2] = { 0, 0 }, shared_var[2] = { 0, 0 }, tess_var[2] = { 0, 0 };
    unsigned i, j;

    /* Clip/cull components get consecutive array indices in register/component order. */
    for (i = 0; i < sig->element_count; ++i)
    {
        const struct dxbc_signature_element *el = &sig->elements[i];
        if (el->system_value == DXBC_NAME_CLIP_DISTANCE || el->system_value == DXBC_NAME_CULL_DISTANCE)
            clip_total[el->system_value == DXBC_NAME_CULL_DISTANCE] += dxc_popcount(el->mask);
    }

    for (i = 0; i < sig->element_count; ++i)
    {
        const struct dxbc_signature_element *el = &sig->elements[i];
        struct io_elem *e;
        uint32_t type, var;
        int bi;

        if (el->register_index == ~0u || !el->mask)
            continue;
        if (el->system_value == DXBC_NAME_DEPTH || el->system_value == DXBC_NAME_COVERAGE
                || el->system_value == DXBC_NAME_DEPTH_GREATER_EQUAL || el->system_value == DXBC_NAME_DEPTH_LESS_EQUAL
                || el->system_value == DXBC_NAME_STENCIL_REF || el->system_value == DXBC_NAME_INNER_COVERAGE)
            continue;
        /* Only the rasterized stream keeps register-located varyings; what other streams
         * carry reaches memory through the stream-output variables (declare_stream_output). */
        if (output && c->stage == DXBC_STAGE_GS && el->stream != c->primary_stream)
            continue;
        /* Dual-source blending: only o0 and o1 exist (see DXBC_COMPILE_DUAL_SOURCE_BLEND). */
        if (output && c->stage == DXBC_STAGE_PS && c->options && (c->options->flags & DXBC_COMPILE_DUAL_SOURCE_BLEND)
                && el->system_value == DXBC_NAME_TARGET && el->register_index > 1)
            continue;
        /* VS/PS inputs the shader does not declare get no variable: a vertex attribute or a
         * varying that nothing provides would otherwise be required of the pipeline. */
        if (!output && (c->stage == DXBC_STAGE_VS || c->stage == DXBC_STAGE_PS)
                && (el->register_index >= 64 || !(c->in_declared[el->register_index] & el->mask)))
            continue;
        if (el->register_index >= 64)
        {
            dxc_fail(c, "signature register %u out of range", el->register_index);
            return;
        }
        /* Signature masks name components x..w only: an element with none names nothing. */
        if (!(el->mask & 0xf))
            continue;
        if (!(e = new_elem(c, output)))
            return;
        e->reg = el->register_index;
        e->mask = el->mask & 0xf;
        for (e->first = 0; !(e->mask & (1u << e->first)); ++e->first)
            ;
        /* Only contiguous masks make a vector; a hole still works as a wider vector. */
        for (j = 3; !(e->mask & (1u << j)); --j)
            ;
        e->comps = j - e->first + 1;
        e->type = sig_type(el->component_type);
        e->sysval = el->system_value;
        e->semantic_index = el->semantic_index;
        e->stream = el->stream;
        e->patch = patch;
        e->array_size = array_size;
        bi = builtin_for(c, el->system_value, output);
        if (c->stage == DXBC_STAGE_HS && !output && bi == SpvBuiltInPrimitiveId)
            bi = -1;
        e->builtin = bi;
        builtin_caps(c, bi, output);

        if (bi == SpvBuiltInClipDistance || bi == SpvBuiltInCullDistance)
        {
            unsigned k = bi == SpvBuiltInCullDistance;
            unsigned idx = 0;
            for (j = 0; j < i; ++j)
                if (sig->elements[j].system_value == el->system_value)
                    idx += dxc_popcount(sig->elements[j].mask);
            e->clip_index = idx;
            e->type = VT_F32;
            if (!shared_var[k])
            {
                type = spv_type_array(&c->b, c->t_f32, clip_total[k]);
                if (array_size)
                    type = spv_type_array(&c->b, type, array_size);
                shared_var[k] = dxc_global_var(c, sc, type, NULL);
                spv_builtin(&c->b, shared_var[k], bi);
            }
            e->var = shared_var[k];
            continue;
        }
        if (bi == SpvBuiltInTessLevelOuter || bi == SpvBuiltInTessLevelInner)
        {
            unsigned k = bi == SpvBuiltInTessLevelInner;
            e->type = VT_F32;
            e->patch = true;
            e->array_size = 0;
            if (!tess_var[k])
            {
                type = spv_type_array(&c->b, c->t_f32, k ? 2 : 4);
                tess_var[k] = dxc_global_var(c, sc, type, NULL);
                spv_builtin(&c->b, tess_var[k], bi);
                spv_decorate0(&c->b, tess_var[k], SpvDecorationPatch);
            }
            e->var = tess_var[k];
            continue;
        }
        if (bi >= 0)
        {
            switch (bi)
            {
                case SpvBuiltInPosition:
                case SpvBuiltInFragCoord:
                    type = c->t_fv[4]; e->type = VT_F32; e->comps = 4; e->first = 0; break;
                case SpvBuiltInFrontFacing:
                    type = c->t_bool; e->type = VT_BOOL; e->comps = 1; break;
                default:
                    type = c->t_i32; e->type = VT_I32; e->comps = 1; break;
            }
            if (!output && !array_size && bi != SpvBuiltInPosition)
            {
                e->var = dxc_builtin_input(c, bi, type);
                continue;
            }
            if (array_size)
                type = spv_type_array(&c->b, type, array_size);
            e->var = var = dxc_global_var(c, sc, type, NULL);
            spv_builtin(&c->b, var, bi);
            if (output && c->multi_stream)
                spv_decorate1(&c->b, var, SpvDecorationStream, dxc_vk_stream(c, e->stream));
            continue;
        }

        type = dxc_type(c, e->type, e->comps);
        if (array_size)
            type = spv_type_array(&c->b, type, array_size);
        e->var = var = dxc_global_var(c, sc, type, NULL);
        {
            char name[48];
            dxc_format_name(name, sizeof(name), output ? "o" : "v", e->reg, "_", el->semantic_name ? el->semantic_name : "");
            spv_name(&c->b, var, name);
        }
        /* Per-patch and per-vertex variables share one location space: patch constants follow
         * the control-point registers (see compile.h). */
        e->location = patch ? c->patch_location_base + e->reg : e->reg;
        if (output && c->stage == DXBC_STAGE_PS && c->options && (c->options->flags & DXBC_COMPILE_DUAL_SOURCE_BLEND))
        {
            spv_decorate1(&c->b, var, SpvDecorationIndex, e->reg);
            e->location = 0;
        }
        spv_decorate1(&c->b, var, SpvDecorationLocation, e->location);
        if (e->first)
            spv_decorate1(&c->b, var, SpvDecorationComponent, e->first);
        if (patch)
            spv_decorate0(&c->b, var, SpvDecorationPatch);
        if (output && c->multi_stream)
            spv_decorate1(&c->b, var, SpvDecorationStream, dxc_vk_stream(c, e->stream));
        if (c->stage == DXBC_STAGE_PS && !output)
        {
            unsigned mode = c->interp[e->reg];
            if (e->type != VT_F32 || mode == DXBC_INTERP_CONSTANT)
                spv_decorate0(&c->b, var, SpvDecorationFlat);
            else
            {
                if (mode == DXBC_INTERP_LINEAR_NOPERSPECTIVE || mode == DXBC_INTERP_LINEAR_NOPERSPECTIVE_CENTROID
                        || mode == DXBC_INTERP_LINEAR_NOPERSPECTIVE_SAMPLE)
                    spv_decorate0(&c->b, var, SpvDecorationNoPerspective);
                if (mode == DXBC_INTERP_LINEAR_CENTROID || mode == DXBC_INTERP_LINEAR_NOPERSPECTIVE_CENTROID)
                    spv_decorate0(&c->b, var, SpvDecorationCentroid);
                if (mode == DXBC_INTERP_LINEAR_SAMPLE || mode == DXBC_INTERP_LINEAR_NOPERSPECTIVE_SAMPLE)
                {
                    spv_capability(&c->b, SpvCapabilitySampleRateShading);
                    spv_decorate0(&c->b, var, SpvDecorationSample);
                    c->ps_flags |= DXBC_PS_SAMPLE_RATE;
                }
            }
        }
    }
}

/* Pointer to one scalar component `k` (0-based within the element) of an element. */
static uint32_t elem_comp_ptr(struct dxc *c, const struct io_elem *e, SpvStorageClass sc, uint32_t vtx, unsigned k,
        uint32_t scalar_type)
{
    uint32_t idx[3];
    unsigned n = 0;

    if (e->array_size && vtx)
        idx[n++] = vtx;
    if (e->builtin == SpvBuiltInClipDistance || e->builtin == SpvBuiltInCullDistance)
        idx[n++] = dxc_u(c, e->clip_index + k);
    else if (e->builtin == SpvBuiltInTessLevelOuter || e->builtin == SpvBuiltInTessLevelInner)
        idx[n++] = dxc_u(c, tess_index(e) + k);
    else if (e->comps > 1)
        idx[n++] = dxc_u(c, k);
    if (!n)
        return e->var;
    return spv_access_chain(&c->b, dxc_ptr(c, sc, scalar_type), e->var, idx, n);
}

static unsigned elem_comp_of_lane(const struct io_elem *e, unsigned lane)
{
    /* Clip/tess elements count only the components present; others are vectors from `first`. */
    if (e->builtin == SpvBuiltInClipDistance || e->builtin == SpvBuiltInCullDistance
            || e->builtin == SpvBuiltInTessLevelOuter || e->builtin == SpvBuiltInTessLevelInner)
        return dxc_popcount(e->mask & ((1u << lane) - 1));
    if (e->builtin == SpvBuiltInPosition || e->builtin == SpvBuiltInFragCoord)
        return lane;
    return lane - e->first;
}

/* Reads one lane of an input element as uint. */
static uint32_t read_elem_lane(struct dxc *c, const struct io_elem *e, SpvStorageClass sc, uint32_t vtx, unsigned lane)
{
    uint32_t st = dxc_type(c, e->type, 1), v, ptr;
    unsigned k = elem_comp_of_lane(e, lane);

    if (e->builtin >= 0 && e->comps == 1 && !(e->builtin == SpvBuiltInClipDistance || e->builtin == SpvBuiltInCullDistance
            || e->builtin == SpvBuiltInTessLevelOuter || e->builtin == SpvBuiltInTessLevelInner))
        k = 0;
    ptr = elem_comp_ptr(c, e, sc, vtx, k, st);
    v = spv_load(&c->b, st, ptr);
    switch (e->builtin)
    {
        case SpvBuiltInFragCoord:
            if (lane == 3)    /* D3D's SV_Position.w is the clip-space w, Vulkan gives 1/w */
                v = spv_op2(&c->b, SpvOpFDiv, c->t_f32, dxc_f(c, 1.0f), v);
            break;
        case SpvBuiltInFrontFacing:
            return spv_select(&c->b, c->t_u32, v, dxc_u(c, ~0u), dxc_u(c, 0));
        case SpvBuiltInVertexIndex:
            v = spv_op2(&c->b, SpvOpISub, c->t_i32, v, spv_load(&c->b, c->t_i32, dxc_builtin_input(c, SpvBuiltInBaseVertex, c->t_i32)));
            spv_capability(&c->b, SpvCapabilityDrawParameters);
            break;
        case SpvBuiltInInstanceIndex:
            v = spv_op2(&c->b, SpvOpISub, c->t_i32, v, spv_load(&c->b, c->t_i32, dxc_builtin_input(c, SpvBuiltInBaseInstance, c->t_i32)));
            spv_capability(&c->b, SpvCapabilityDrawParameters);
            break;
        default:
            break;
    }
    return dxc_bitcast(c, v, e->type, VT_U32, 1);
}

static void write_elem_lane(struct dxc *c, const struct io_elem *e, uint32_t vtx, unsigned lane, uint32_t u)
{
    uint32_t st = dxc_type(c, e->type, 1), v;
    unsigned k = elem_comp_of_lane(e, lane);

    if (e->builtin >= 0 && e->comps == 1 && !(e->builtin == SpvBuiltInClipDistance || e->builtin == SpvBuiltInCullDistance
            || e->builtin == SpvBuiltInTessLevelOuter || e->builtin == SpvBuiltInTessLevelInner))
        k = 0;
    v = dxc_bitcast(c, u, VT_U32, e->type, 1);
    if ((e->builtin == SpvBuiltInTessLevelOuter || e->builtin == SpvBuiltInTessLevelInner) && c->max_tess_factor > 0.0f)
    {
        /* dcl_hs_maxtessfactor clamps the factors; NaN stays NaN (the patch is culled). */
        uint32_t max = dxc_f(c, c->max_tess_factor);
        v = spv_select(&c->b, c->t_f32, spv_op2(&c->b, SpvOpFOrdGreaterThan, c->t_bool, v, max), max, v);
    }
    spv_store(&c->b, elem_comp_ptr(c, e, SpvStorageClassOutput, vtx, k, st), v);
}

static bool same_name(const char *a, const char *b)
{
    for (; *a && *b; ++a, ++b)
    {
        char x = *a >= 'a' && *a <= 'z' ? (char)(*a - 32) : *a, y = *b >= 'a' && *b <= 'z' ? (char)(*b - 32) : *b;
        if (x != y)
            return false;
    }
    return *a == *b;
}

/* Stream output: one capture variable per declaration entry, after the other outputs. */
static bool declare_stream_output(struct dxc *c)
{
    const struct dxbc_stream_output *so = c->so;
    uint32_t offsets[4] = { 0, 0, 0, 0 }, location = 0, type, var;
    unsigned i, j;

    for (i = 0; i < c->out_count; ++i)
        if (!c->out[i].patch && c->out[i].builtin < 0 && c->out[i].reg + 1 > location)
            location = c->out[i].reg + 1;
    for (i = 0; i < so->entry_count; ++i)
    {
        const struct dxbc_so_entry *en = &so->entries[i];
        const struct dxbc_signature_element *el = NULL;
        struct io_elem *e;

        if (en->output_slot >= 4 || en->stream >= 4 || !en->component_count || en->start_component + en->component_count > 4)
            return dxc_fail(c, "bad stream-output entry %u", i);
        if (en->stream && c->stage != DXBC_STAGE_GS)
            return dxc_fail(c, "stream-output entry %u names stream %u without a geometry shader", i, en->stream);
        if (!en->semantic)
        {
            offsets[en->output_slot] += 4u * en->component_count;
            continue;
        }
        for (j = 0; j < c->p->output.element_count && !el; ++j)
        {
            const struct dxbc_signature_element *s = &c->p->output.elements[j];
            if (s->stream == en->stream && s->semantic_index == en->semantic_index && s->semantic_name
                    && same_name(s->semantic_name, en->semantic) && s->register_index < 64)
                el = s;
        }
        if (!el)
            return dxc_fail(c, "stream-output entry %s%u (stream %u) is not an output of the shader", en->semantic,
                    en->semantic_index, en->stream);
        if (!(e = new_elem(c, true)))
            return false;
        e->reg = el->register_index;
        e->first = en->start_component;
        e->comps = en->component_count;
        e->mask = (uint8_t)(((1u << en->component_count) - 1) << en->start_component);
        e->type = sig_type(el->component_type);
        e->sysval = 0;
        e->semantic_index = el->semantic_index;
        e->stream = en->stream;
        e->so_only = true;
        type = dxc_type(c, e->type, e->comps);
        e->var = var = dxc_global_var(c, SpvStorageClassOutput, type, "so");
        e->location = location++;
        spv_decorate1(&c->b, var, SpvDecorationLocation, e->location);
        spv_decorate1(&c->b, var, SpvDecorationXfbBuffer, en->output_slot);
        spv_decorate1(&c->b, var, SpvDecorationXfbStride, so->strides[en->output_slot]);
        spv_decorate1(&c->b, var, SpvDecorationOffset, offsets[en->output_slot]);
        if (c->multi_stream)
            spv_decorate1(&c->b, var, SpvDecorationStream, dxc_vk_stream(c, en->stream));
        offsets[en->output_slot] += 4u * en->component_count;
        if (offsets[en->output_slot] > so->strides[en->output_slot])
            return dxc_fail(c, "stream-output entries overflow the stride of buffer %u", en->output_slot);
    }
    spv_capability(&c->b, SpvCapabilityTransformFeedback);
    return true;
}

/* Copies input elements into the Private register array. vtx: vertex index constant or 0. */
void dxc_copy_inputs(struct dxc *c, const struct io_elem *elems, unsigned count, uint32_t reg_array, uint32_t vtx,
        uint32_t vtx_array_index, bool patch_only)
{
    uint32_t pu = dxc_ptr(c, SpvStorageClassPrivate, c->t_u32), idx[3];
    unsigned i, lane;

    for (i = 0; i < count; ++i)
    {
        const struct io_elem *e = &elems[i];
        if (e->patch != patch_only)
            continue;
        if (!e->array_size != !vtx)
            continue;
        for (lane = 0; lane < 4; ++lane)
        {
            unsigned n = 0;
            if (!(e->mask & (1u << lane)))
                continue;
            if (vtx)
                idx[n++] = vtx_array_index;
            idx[n++] = dxc_u(c, e->reg);
            idx[n++] = dxc_u(c, lane);
            spv_store(&c->b, spv_access_chain(&c->b, pu, reg_array, idx, n), read_elem_lane(c, e, SpvStorageClassInput, vtx, lane));
        }
    }
}

/* Writes Private registers out to output elements. stream: -1 for all. vtx: per-vertex index or 0. */
void dxc_copy_outputs(struct dxc *c, const struct io_elem *elems, unsigned count, uint32_t reg_array, int stream,
        uint32_t vtx, bool patch)
{
    uint32_t pu = dxc_ptr(c, SpvStorageClassPrivate, c->t_u32), idx[2];
    unsigned i, lane;

    if (!reg_array)
        return;
    for (i = 0; i < count; ++i)
    {
        const struct io_elem *e = &elems[i];
        if (stream >= 0 && e->stream != (uint32_t)stream)
            continue;
        if (e->patch != patch)
            continue;
        for (lane = 0; lane < 4; ++lane)
        {
            if (!(e->mask & (1u << lane)))
                continue;
            idx[0] = dxc_u(c, e->reg);
            idx[1] = dxc_u(c, lane);
            write_elem_lane(c, e, vtx, lane, spv_load(&c->b, c->t_u32, spv_access_chain(&c->b, pu, reg_array, idx, 2)));
        }
    }
}

/* HS: vocp[cp][reg] reads the control-point outputs written by the control point phase. */
uint32_t dxc_hs_output_cp(struct dxc *c, const struct dxbc_operand *op)
{
    uint32_t v = spv_const_null(&c->b, c->t_uv[4]), vtx;
    unsigned i, lane;

    if (op->index_count < 2 || op->index[1].rel || !c->hs_out_cp)
        return dxc_fail(c, "vocp needs an immediate register index"), 0;
    if (op->index[0].rel)
        vtx = spv_ext2(&c->b, GLSLstd450UMin, c->t_u32, dxc_index_value(c, &op->index[0]), dxc_u(c, c->hs_out_cp - 1));
    else if (op->index[0].imm >= c->hs_out_cp)
        return dxc_fail(c, "vocp control point out of range"), 0;
    else
        vtx = dxc_u(c, (uint32_t)op->index[0].imm);
    for (i = 0; i < c->out_count; ++i)
    {
        const struct io_elem *e = &c->out[i];
        if (e->patch || e->reg != op->index[1].imm)
            continue;
        for (lane = 0; lane < 4; ++lane)
            if (e->mask & (1u << lane))
            {
                uint32_t u = read_elem_lane(c, e, SpvStorageClassOutput, vtx, lane);
                v = spv_op3(&c->b, SpvOpCompositeInsert, c->t_uv[4], u, v, lane);
            }
    }
    return v;
}

/* ------------------------------------------------------------------------------------
 * Declarations */

static uint32_t reg_array(struct dxc *c, uint32_t count, uint32_t outer, const char *name)
{
    uint32_t type = spv_type_array(&c->b, c->t_uv[4], count ? count : 1);
    uint32_t var;

    if (outer)
        type = spv_type_array(&c->b, type, outer);
    /* Zero-initialised: registers never written (outputs, unused lanes) read as 0. */
    var = spv_variable(&c->b, dxc_ptr(c, SpvStorageClassPrivate, type), SpvStorageClassPrivate, spv_const_null(&c->b, type));
    spv_name(&c->b, var, name);
    dxc_add_iface(c, var);
    return var;
}

static uint32_t gs_vertex_count(uint32_t prim)
{
    switch (prim)
    {
        case DXBC_PRIMITIVE_POINT: return 1;
        case DXBC_PRIMITIVE_LINE: return 2;
        case DXBC_PRIMITIVE_TRIANGLE: return 3;
        case DXBC_PRIMITIVE_LINE_ADJ: return 4;
        case DXBC_PRIMITIVE_TRIANGLE_ADJ: return 6;
        default:
            if (prim >= DXBC_PRIMITIVE_1_CONTROL_POINT_PATCH && prim <= DXBC_PRIMITIVE_32_CONTROL_POINT_PATCH)
                return prim - DXBC_PRIMITIVE_1_CONTROL_POINT_PATCH + 1;
            return 0;
    }
}

static uint32_t operand_reg(const struct dxbc_operand *op)
{
    if (!op->index_count)
        return 0;
    return (uint32_t)op->index[op->index_count - 1].imm;
}

/* First pass: counts and stage properties that shape the declarations. */
bool dxc_prescan(struct dxc *c)
{
    const struct dxbc_program *p = c->p;
    bool fork_join = false;
    unsigned i;

    for (i = 0; i < p->instruction_count; ++i)
    {
        const struct dxbc_instruction *ins = &p->instructions[i];
        const struct dxbc_operand *op = ins->operand_count ? &ins->operands[0] : NULL;

        switch (ins->opcode)
        {
            case DXBC_OP_HS_FORK_PHASE:
            case DXBC_OP_HS_JOIN_PHASE:
                fork_join = true;
                break;
            case DXBC_OP_HS_CONTROL_POINT_PHASE:
                fork_join = false;
                break;
            case DXBC_OP_DCL_TEMPS:
                if (ins->dcl.temp_count > 4096)
                    return dxc_fail(c, "too many temps");
                if (ins->dcl.temp_count > c->temp_count)
                    c->temp_count = ins->dcl.temp_count;
                break;
            case DXBC_OP_DCL_INDEXABLE_TEMP:
            {
                uint32_t r = ins->dcl.indexable_temp.reg;
                if (r >= 4096 || ins->dcl.indexable_temp.size > 65536)
                    return dxc_fail(c, "indexable temp out of range");
                if (r >= c->xreg_count)
                {
                    struct xreg *n = realloc(c->xregs, (r + 1) * sizeof(*n));
                    if (!n)
                        return dxc_fail(c, "out of memory");
                    memset(n + c->xreg_count, 0, (r + 1 - c->xreg_count) * sizeof(*n));
                    c->xregs = n;
                    c->xreg_count = r + 1;
                }
                if (ins->dcl.indexable_temp.size > c->xregs[r].size)
                    c->xregs[r].size = ins->dcl.indexable_temp.size;
                break;
            }
            case DXBC_OP_DCL_INPUT:
            case DXBC_OP_DCL_INPUT_SGV:
            case DXBC_OP_DCL_INPUT_SIV:
            case DXBC_OP_DCL_INPUT_PS:
            case DXBC_OP_DCL_INPUT_PS_SGV:
            case DXBC_OP_DCL_INPUT_PS_SIV:
                if (!op)
                    break;
                if (op->type == DXBC_REG_INPUT || op->type == DXBC_REG_INPUT_CONTROL_POINT)
                {
                    uint32_t r = operand_reg(op);
                    if (r >= 64)
                        return dxc_fail(c, "input register %u out of range", r);
                    if (r + 1 > c->input_count)
                        c->input_count = r + 1;
                    if (ins->opcode >= DXBC_OP_DCL_INPUT_PS)
                        c->interp[r] = (uint8_t)ins->dcl.io.interpolation;
                    c->in_declared[r] |= op->components == DXBC_COMPONENTS_4 ? op->mask : 0xf;
                }
                else if (op->type == DXBC_REG_INPUT_PATCH_CONSTANT)
                {
                    uint32_t r = operand_reg(op);
                    if (r >= 64)
                        return dxc_fail(c, "patch constant register %u out of range", r);
                    if (r + 1 > c->patch_output_count)
                        c->patch_output_count = r + 1;
                }
                break;
            case DXBC_OP_DCL_OUTPUT:
            case DXBC_OP_DCL_OUTPUT_SGV:
            case DXBC_OP_DCL_OUTPUT_SIV:
                if (op && op->type == DXBC_REG_OUTPUT)
                {
                    uint32_t r = operand_reg(op);
                    if (r >= 64)
                        return dxc_fail(c, "output register %u out of range", r);
                    if (fork_join)
                    {
                        if (r + 1 > c->patch_output_count)
                            c->patch_output_count = r + 1;
                    }
                    else if (r + 1 > c->output_count)
                        c->output_count = r + 1;
                }
                break;
            case DXBC_OP_DCL_GS_INPUT_PRIMITIVE:
                c->gs_in_prim = ins->dcl.gs_input_primitive;
                break;
            case DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY:
                c->gs_out_topology = ins->dcl.gs_output_topology;
                break;
            case DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT:
                c->gs_max_vertices = ins->dcl.max_output_vertex_count;
                break;
            case DXBC_OP_DCL_GS_INSTANCE_COUNT:
                c->gs_instances = ins->dcl.gs_instance_count;
                break;
            case DXBC_OP_DCL_STREAM:
                if (op && op->index_count && op->index[0].imm < 4)
                    c->gs_stream_mask |= 1u << op->index[0].imm;
                break;
            case DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT:
                c->hs_in_cp = ins->dcl.control_point_count;
                break;
            case DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT:
                c->hs_out_cp = ins->dcl.control_point_count;
                break;
            case DXBC_OP_DCL_TESS_DOMAIN:
                c->tess_domain = ins->dcl.tess_domain;
                break;
            case DXBC_OP_DCL_TESS_PARTITIONING:
                c->tess_partitioning = ins->dcl.tess_partitioning;
                break;
            case DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE:
                c->tess_output = ins->dcl.tess_output_primitive;
                break;
            case DXBC_OP_DCL_HS_MAX_TESSFACTOR:
                if (ins->dcl.max_tess_factor >= 1.0f && ins->dcl.max_tess_factor < 64.0f)
                    c->max_tess_factor = ins->dcl.max_tess_factor;
                break;
            case DXBC_OP_DCL_THREAD_GROUP:
                memcpy(c->thread_group, ins->dcl.thread_group, sizeof(c->thread_group));
                break;
            case DXBC_OP_DCL_GLOBAL_FLAGS:
                if (ins->dcl.global_flags & DXBC_GLOBAL_FORCE_EARLY_DEPTH_STENCIL)
                    c->ps_flags |= DXBC_PS_EARLY_DEPTH;
                break;
            case DXBC_OP_DCL_FUNCTION_TABLE:
            case DXBC_OP_DCL_INTERFACE:
                if (!dxc_declare_linkage(c, ins))
                    return false;
                break;
            default:
                dxc_prescan_resource(c, ins);
                break;
        }
    }
    return !c->failed;
}

static void declare_special_outputs(struct dxc *c, const struct dxbc_instruction *ins)
{
    const struct dxbc_operand *op = &ins->operands[0];
    uint32_t var;

    switch (op->type)
    {
        case DXBC_REG_OUTPUT_DEPTH:
        case DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL:
        case DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL:
            if (c->depth_out)
                return;
            c->depth_out = dxc_global_var(c, SpvStorageClassPrivate, c->t_u32, "oDepth");
            var = dxc_global_var(c, SpvStorageClassOutput, c->t_f32, "FragDepth");
            spv_builtin(&c->b, var, SpvBuiltInFragDepth);
            c->frag_depth_var = var;
            c->ps_flags |= DXBC_PS_WRITES_DEPTH;
            if (op->type == DXBC_REG_OUTPUT_DEPTH_GREATER_EQUAL)
                c->ps_flags |= DXBC_PS_DEPTH_GREATER;
            if (op->type == DXBC_REG_OUTPUT_DEPTH_LESS_EQUAL)
                c->ps_flags |= DXBC_PS_DEPTH_LESS;
            break;
        case DXBC_REG_OUTPUT_COVERAGE_MASK:
            if (c->mask_out)
                return;
            c->mask_out = dxc_global_var(c, SpvStorageClassPrivate, c->t_u32, "oMask");
            var = dxc_global_var(c, SpvStorageClassOutput, spv_type_array(&c->b, c->t_i32, 1), "SampleMaskOut");
            spv_builtin(&c->b, var, SpvBuiltInSampleMask);
            c->sample_mask_out_var = var;
            c->ps_flags |= DXBC_PS_WRITES_COVERAGE;
            break;
        case DXBC_REG_OUTPUT_STENCIL_REF:
            /* SPV_EXT_shader_stencil_export (VK_EXT_shader_stencil_export). */
            if (c->stencil_out)
                return;
            c->stencil_out = dxc_global_var(c, SpvStorageClassPrivate, c->t_u32, "oStencilRef");
            var = dxc_global_var(c, SpvStorageClassOutput, c->t_i32, "FragStencilRef");
            spv_builtin(&c->b, var, SpvBuiltInFragStencilRefEXT);
            spv_capability(&c->b, SpvCapabilityStencilExportEXT);
            spv_extension(&c->b, "SPV_EXT_shader_stencil_export");
            c->stencil_ref_var = var;
            c->ps_flags |= DXBC_PS_WRITES_STENCIL_REF;
            break;
        default:
            break;
    }
}

/* Registers of the control-point signature (HS output = DS input): patch constants are located
 * after them. */
static uint32_t control_point_registers(const struct dxbc_signature *sig)
{
    uint32_t n = 0, i;

    for (i = 0; i < sig->element_count; ++i)
        if (sig->elements[i].register_index < 64 && sig->elements[i].register_index + 1 > n)
            n = sig->elements[i].register_index + 1;
    return n;
}

bool dxc_declare_all(struct dxc *c)
{
    const struct dxbc_program *p = c->p;
    unsigned i;

    for (i = 0; i < p->input.element_count; ++i)
        if (p->input.elements[i].register_index < 64 && p->input.elements[i].register_index + 1 > c->input_count)
            c->input_count = p->input.elements[i].register_index + 1;
    for (i = 0; i < p->output.element_count; ++i)
        if (p->output.elements[i].register_index < 64 && p->output.elements[i].register_index + 1 > c->output_count)
            c->output_count = p->output.elements[i].register_index + 1;
    for (i = 0; i < p->patch_constant.element_count; ++i)
        if (p->patch_constant.elements[i].register_index < 64
                && p->patch_constant.elements[i].register_index + 1 > c->patch_output_count)
            c->patch_output_count = p->patch_constant.elements[i].register_index + 1;

    if (c->temp_count)
    {
        uint32_t type = c->t_uv[4], null = spv_const_null(&c->b, type), ptr = dxc_ptr(c, SpvStorageClassPrivate, type);
        char name[16];
        if (!(c->temp_vars = calloc(c->temp_count, sizeof(*c->temp_vars))))
            return dxc_fail(c, "out of memory");
        for (i = 0; i < c->temp_count; ++i)
        {
            c->temp_vars[i] = spv_variable(&c->b, ptr, SpvStorageClassPrivate, null);
            dxc_format_name(name, sizeof(name), "r", i, "", "");
            spv_name(&c->b, c->temp_vars[i], name);
            dxc_add_iface(c, c->temp_vars[i]);
        }
    }
    for (i = 0; i < c->xreg_count; ++i)
    {
        char name[16];
        if (!c->xregs[i].size)
            continue;
        dxc_format_name(name, sizeof(name), "x", i, "", "");
        c->xregs[i].var = reg_array(c, c->xregs[i].size, 0, name);
    }

    switch (c->stage)
    {
        case DXBC_STAGE_VS:
        case DXBC_STAGE_PS:
            declare_sig(c, &p->input, false, false, 0);
            declare_sig(c, &p->output, true, false, 0);
            if (c->input_count)
                c->inputs = reg_array(c, c->input_count, 0, "v");
            break;
        case DXBC_STAGE_GS:
            c->input_vertices = gs_vertex_count(c->gs_in_prim);
            if (!c->input_vertices)
                return dxc_fail(c, "geometry shader without a valid input primitive");
            if (!c->gs_stream_mask)
                c->gs_stream_mask = 1;
            declare_sig(c, &p->input, false, false, c->input_vertices);
            declare_sig(c, &p->output, true, false, 0);
            if (c->input_count)
                c->inputs = reg_array(c, c->input_count, c->input_vertices, "v");
            break;
        case DXBC_STAGE_HS:
            if (!c->hs_in_cp || c->hs_in_cp > 32 || c->hs_out_cp > 32)
                return dxc_fail(c, "hull shader control point counts out of range");
            c->patch_location_base = control_point_registers(&p->output);
            c->input_vertices = c->hs_in_cp;
            declare_sig(c, &p->input, false, false, c->hs_in_cp);
            if (c->hs_out_cp)
                declare_sig(c, &p->output, true, false, c->hs_out_cp);
            declare_sig(c, &p->patch_constant, true, true, 0);
            if (c->input_count)
                c->inputs = reg_array(c, c->input_count, c->input_vertices, "vicp");
            if (c->patch_output_count)
                c->patch_outputs = reg_array(c, c->patch_output_count, 0, "opc");
            c->fork_instance = dxc_global_var(c, SpvStorageClassPrivate, c->t_u32, "vForkInstanceID");
            break;
        case DXBC_STAGE_DS:
            if (!c->hs_in_cp || c->hs_in_cp > 32)
                return dxc_fail(c, "domain shader control point count out of range");
            c->patch_location_base = control_point_registers(&p->input);
            c->input_vertices = c->hs_in_cp;
            declare_sig(c, &p->input, false, false, c->hs_in_cp);
            declare_sig(c, &p->patch_constant, false, true, 0);
            declare_sig(c, &p->output, true, false, 0);
            if (c->input_count)
                c->inputs = reg_array(c, c->input_count, c->input_vertices, "vicp");
            if (c->patch_output_count)
                c->patch_outputs = reg_array(c, c->patch_output_count, 0, "vpc");
            break;
        default:
            break;
    }
    if (c->so && (c->stage == DXBC_STAGE_VS || c->stage == DXBC_STAGE_DS || c->stage == DXBC_STAGE_GS)
            && !declare_stream_output(c))
        return false;
    /* D3D points are one pixel: the last vertex stage writes PointSize = 1 (GS/DS only where
     * the device enables shaderTessellationAndGeometryPointSize, which then requires it). */
    if (c->stage == DXBC_STAGE_VS || ((c->stage == DXBC_STAGE_DS || c->stage == DXBC_STAGE_GS)
            && c->options && (c->options->flags & DXBC_COMPILE_POINT_SIZE)))
    {
        c->point_size_var = dxc_global_var(c, SpvStorageClassOutput, c->t_f32, "PointSize");
        spv_builtin(&c->b, c->point_size_var, SpvBuiltInPointSize);
        if (c->multi_stream)
            spv_decorate1(&c->b, c->point_size_var, SpvDecorationStream, dxc_vk_stream(c, c->primary_stream));
    }
    if (c->output_count && c->stage != DXBC_STAGE_CS)
        c->outputs = reg_array(c, c->output_count, 0, "o");

    for (i = 0; i < p->instruction_count && !c->failed; ++i)
    {
        const struct dxbc_instruction *ins = &p->instructions[i];

        switch (ins->opcode)
        {
            case DXBC_OP_DCL_OUTPUT:
                if (ins->operand_count)
                    declare_special_outputs(c, ins);
                break;
            case DXBC_OP_CUSTOMDATA:
                if (ins->dcl.custom_data.data_class == DXBC_CUSTOMDATA_IMMEDIATE_CONSTANT_BUFFER && !c->icb_var)
                {
                    uint32_t n = ins->dcl.custom_data.count / 4, *parts, k, init, type;
                    if (!n)
                        break;
                    if (!(parts = malloc(n * sizeof(*parts))))
                        return dxc_fail(c, "out of memory");
                    for (k = 0; k < n; ++k)
                        parts[k] = spv_const_uvec(&c->b, ins->dcl.custom_data.data + 4 * k, 4);
                    type = spv_type_array(&c->b, c->t_uv[4], n);
                    init = spv_const_composite(&c->b, type, parts, n);
                    free(parts);
                    c->icb_var = spv_variable(&c->b, dxc_ptr(c, SpvStorageClassPrivate, type), SpvStorageClassPrivate, init);
                    spv_name(&c->b, c->icb_var, "icb");
                    dxc_add_iface(c, c->icb_var);
                    c->icb_size = n;
                }
                break;
            case DXBC_OP_DCL_CONSTANT_BUFFER:
            {
                const struct dxbc_operand *op = &ins->operands[0];
                uint32_t slot, size, arr, st, var;
                char name[16];
                if (!ins->operand_count || op->index_count < 2 || op->index[0].imm >= 14)
                    return dxc_fail(c, "bad constant buffer declaration");
                slot = (uint32_t)op->index[0].imm;
                size = (uint32_t)op->index[1].imm;
                if (size > 4096)
                    return dxc_fail(c, "constant buffer larger than 4096 vectors");
                if (c->cb_var[slot])
                    break;
                if (!size || ins->dcl.constant_buffer.dynamic_indexed)
                    size = size ? size : 4096;
                arr = spv_type_array_stride(&c->b, c->t_uv[4], size, 16);
                st = spv_type_struct(&c->b, &arr, 1);
                spv_decorate0(&c->b, st, SpvDecorationBlock);
                spv_member_decorate1(&c->b, st, 0, SpvDecorationOffset, 0);
                var = dxc_global_var(c, SpvStorageClassUniform, st, NULL);
                dxc_format_name(name, sizeof(name), "cb", slot, "", "");
                spv_name(&c->b, var, name);
                spv_decorate1(&c->b, var, SpvDecorationDescriptorSet, dxbc_descriptor_set(c->stage));
                spv_decorate1(&c->b, var, SpvDecorationBinding, dxbc_binding_index(c->stage, DXBC_BINDING_CBV, slot));
                c->cb_var[slot] = var;
                c->cb_size[slot] = size;
                break;
            }
            default:
                if (!dxc_declare_resource(c, ins) && c->failed)
                    return false;
                break;
        }
    }
    return !c->failed;
}

