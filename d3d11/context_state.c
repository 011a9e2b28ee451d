/* context_state.c — the context state methods: shaders, resources, samplers, input
 * assembler, rasterizer and output-merger state, their Get counterparts, ClearState,
 * predication, ID3DDeviceContextState; the D3D11 read/write hazard rules. */
#include "state.h"
#include "context_methods.h"
#include "resource.h"

static inline struct d3d11_context *impl_from_ctx(ID3D11DeviceContext4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11DeviceContext4_iface);
}

#define REF(obj)   do { if (obj) d3d11vk_child_incref_internal(&(obj)->child); } while (0)
#define UNREF(obj) do { if (obj) d3d11vk_child_decref_internal(&(obj)->child); } while (0)
/* Get methods hand out public references. */
#define PUBREF(obj) do { if (obj) d3d11vk_child_addref(&(obj)->child); } while (0)

static inline void *view_iface(struct d3d11_view *v)
{
    return v ? (void *)&v->iface : NULL;
}

static inline void *buffer_iface(struct d3d11_resource *r)
{
    return r ? (void *)r->iface : NULL;
}

/* Hazards ------------------------------------------------------------------------------------
 * D3D11: a subresource bound for writing (RTV, writable DSV, UAV, SO target) is unbound from
 * every reading slot (SRVs of all stages; vertex, index and constant buffers); an attempt to
 * bind for reading a subresource bound for writing binds NULL instead. */

#define WRITE_BIND_FLAGS (D3D11_BIND_RENDER_TARGET | D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_UNORDERED_ACCESS \
        | D3D11_BIND_STREAM_OUTPUT)

static bool ranges_overlap(UINT a, UINT an, UINT b, UINT bn)
{
    return a < b + bn && b < a + an;
}

static bool views_overlap(const struct d3d11_view *a, const struct d3d11_view *b)
{
    if (a->resource != b->resource)
        return false;
    /* A buffer is one subresource; a 3D mip is one subresource whatever its slices. */
    if (a->resource->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        return true;
    if (!ranges_overlap(a->first_mip, a->mip_count, b->first_mip, b->mip_count))
        return false;
    if (a->resource->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
        return true;
    return ranges_overlap(a->first_layer, a->layer_count, b->first_layer, b->layer_count);
}

static bool dsv_writes(const struct d3d11_view *dsv)
{
    return (dsv->desc.dsv.Flags & (D3D11_DSV_READ_ONLY_DEPTH | D3D11_DSV_READ_ONLY_STENCIL))
            != (D3D11_DSV_READ_ONLY_DEPTH | D3D11_DSV_READ_ONLY_STENCIL);
}

static bool view_in_mask(struct d3d11_view *const *views, uint64_t mask, const struct d3d11_view *v)
{
    while (mask)
    {
        unsigned int i = __builtin_ctzll(mask);
        mask &= mask - 1;
        if (views_overlap(views[i], v))
            return true;
    }
    return false;
}

static bool buffer_in_mask(struct d3d11_view *const *views, uint64_t mask, const struct d3d11_resource *r)
{
    while (mask)
    {
        unsigned int i = __builtin_ctzll(mask);
        mask &= mask - 1;
        if (views[i]->resource == r)
            return true;
    }
    return false;
}

/* Whether some subresource of v is bound for writing. */
static bool view_written(const struct d3d11_context_state *st, const struct d3d11_view *v)
{
    unsigned int i;

    if (!(v->resource->bind_flags & WRITE_BIND_FLAGS))
        return false;
    for (i = 0; i < st->rtv_count; ++i)
        if (st->rtvs[i] && views_overlap(st->rtvs[i], v))
            return true;
    if (st->dsv && dsv_writes(st->dsv) && views_overlap(st->dsv, v))
        return true;
    if (view_in_mask(st->uavs, st->uav_mask, v) || view_in_mask(st->cs_uavs, st->cs_uav_mask, v))
        return true;
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        if (st->so[i].buffer == v->resource)
            return true;
    return false;
}

static bool buffer_written(const struct d3d11_context_state *st, const struct d3d11_resource *r)
{
    unsigned int i;

    if (!(r->bind_flags & (D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_STREAM_OUTPUT)))
        return false;
    if (buffer_in_mask(st->uavs, st->uav_mask, r) || buffer_in_mask(st->cs_uavs, st->cs_uav_mask, r))
        return true;
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        if (st->so[i].buffer == r)
            return true;
    return false;
}

/* Bound objects are referenced by the records that bind them, not by every draw: an object
 * being unbound (replaced, cleared, swapped out) is referenced once more by what is recorded
 * now, so that its Vulkan objects outlive every draw recorded while it was bound, in this
 * submission or earlier ones, whatever the application releases. Nothing here runs per draw.
 * The states passed to these helpers are always a context's own. */
static struct vk_cs *state_cs(struct d3d11_context_state *st)
{
    return CONTAINING_RECORD(st, struct d3d11_context, state)->cs;
}

static void keep_buffer(struct vk_cs *cs, struct d3d11_resource *r)
{
    struct vk_buffer *b;

    if (!r || !r->backend || !(b = r->backend->buffer))
        return;
    vk_cs_ref(cs, &b->slice->obj);   /* renamed slices are referenced by each draw already */
    if ((b = __atomic_load_n(&r->backend->so_counter, __ATOMIC_ACQUIRE)))
        vk_cs_ref(cs, &b->slice->obj);
}

static void keep_view(struct vk_cs *cs, struct d3d11_view *v)
{
    struct d3d11_view_backend *b;

    if (!v || !(b = v->backend))
        return;
    if (b->view)
        vk_cs_ref(cs, &b->view->obj);
    if (b->counter)
        vk_cs_ref(cs, &b->counter->slice->obj);
    if (v->resource->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
        return;
    keep_buffer(cs, v->resource);
    plat_mutex_lock(&b->texel_lock);
    if (b->texel)
        vk_cs_ref(cs, &b->texel->obj);
    plat_mutex_unlock(&b->texel_lock);
}

static void keep_shader(struct vk_cs *cs, struct d3d11_shader *shader)
{
    if (shader)
        d3d11_shader_keep(shader, cs);
}

static void keep_sampler(struct vk_cs *cs, struct d3d11_sampler_state *sampler)
{
    if (sampler && sampler->sampler_obj)
        vk_cs_ref(cs, sampler->sampler_obj);
}

/* Everything bound (ClearState, a state swap). */
static void keep_all(struct d3d11_context_state *st)
{
    struct vk_cs *cs = state_cs(st);
    unsigned int s, i;

    for (s = 0; s < D3D11_STAGE_COUNT; ++s)
    {
        struct d3d11_stage_state *stage = &st->stages[s];

        keep_shader(cs, stage->shader);
        for (i = 0; i < D3D11_CB_SLOTS; ++i)
            keep_buffer(cs, stage->cbs[i].buffer);
        for (i = 0; i < D3D11_SAMPLER_SLOTS; ++i)
            keep_sampler(cs, stage->samplers[i]);
        for (i = 0; i < D3D11_SRV_SLOTS; ++i)
            if (stage->srv_mask[i >> 6] & (1ull << (i & 63)))
                keep_view(cs, stage->srvs[i]);
    }
    for (i = 0; i < D3D11_VB_SLOTS; ++i)
        keep_buffer(cs, st->vbs[i].buffer);
    keep_buffer(cs, st->index_buffer);
    for (i = 0; i < D3D11_RTV_SLOTS; ++i)
        keep_view(cs, st->rtvs[i]);
    keep_view(cs, st->dsv);
    for (i = 0; i < D3D11_UAV_SLOTS; ++i)
    {
        keep_view(cs, st->uavs[i]);
        keep_view(cs, st->cs_uavs[i]);
    }
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        keep_buffer(cs, st->so[i].buffer);
}

static void unbind_srv_slot(struct d3d11_context_state *st, enum d3d11_stage s, unsigned int i)
{
    struct d3d11_stage_state *stage = &st->stages[s];
    uint64_t bit = 1ull << (i & 63);

    keep_view(state_cs(st), stage->srvs[i]);
    UNREF(stage->srvs[i]);
    stage->srvs[i] = NULL;
    stage->srv_mask[i >> 6] &= ~bit;
    stage->srv_hazard_mask[i >> 6] &= ~bit;
    stage->dirty_srvs[i >> 6] |= bit;
    st->dirty |= D3D11_DIRTY_SRVS(s);
}

/* A subresource becomes bound for writing: drop it from every reading slot. `w` is the
 * written view, or NULL with `buffer` for a stream-output target. */
static void unbind_reads(struct d3d11_context_state *st, const struct d3d11_view *w, struct d3d11_resource *buffer)
{
    struct d3d11_resource *r = w ? w->resource : buffer;
    unsigned int s, i, half;

    for (s = 0; s < D3D11_STAGE_COUNT; ++s)
    {
        struct d3d11_stage_state *stage = &st->stages[s];

        for (half = 0; half < 2; ++half)
        {
            uint64_t mask = stage->srv_hazard_mask[half];
            while (mask)
            {
                unsigned int slot = half * 64 + __builtin_ctzll(mask);
                struct d3d11_view *v = stage->srvs[slot];
                mask &= mask - 1;
                if (w ? views_overlap(v, w) : v->resource == r)
                {
                    LOG_DEBUG("Unbinding SRV slot %u of stage %u: its resource is bound for writing.", slot, s);
                    unbind_srv_slot(st, s, slot);
                }
            }
        }
        if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
            continue;
        for (i = 0; i < D3D11_CB_SLOTS; ++i)
        {
            if (stage->cbs[i].buffer != r)
                continue;
            keep_buffer(state_cs(st), stage->cbs[i].buffer);
            UNREF(stage->cbs[i].buffer);
            stage->cbs[i].buffer = NULL;
            stage->cb_mask &= ~(1u << i);
            stage->dirty_cbs |= 1u << i;
            st->dirty |= D3D11_DIRTY_CBS(s);
        }
    }
    if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
        return;
    for (i = 0; i < D3D11_VB_SLOTS; ++i)
    {
        if (st->vbs[i].buffer != r)
            continue;
        keep_buffer(state_cs(st), st->vbs[i].buffer);
        UNREF(st->vbs[i].buffer);
        st->vbs[i].buffer = NULL;
        st->vb_mask &= ~(1u << i);
        st->dirty_vbs |= 1u << i;
        st->dirty |= D3D11_DIRTY_VERTEX_BUFFERS;
    }
    if (st->index_buffer == r)
    {
        keep_buffer(state_cs(st), st->index_buffer);
        UNREF(st->index_buffer);
        st->index_buffer = NULL;
        st->dirty |= D3D11_DIRTY_INDEX_BUFFER;
    }
}

static void unbind_reads_of_view(struct d3d11_context_state *st, const struct d3d11_view *w)
{
    if (w && (w->resource->bind_flags & WRITE_BIND_FLAGS))
        unbind_reads(st, w, NULL);
}

/* Lookups that ignore what is not ours (Windows would crash or drop the call). */
static struct d3d11_resource *buffer_impl(ID3D11Buffer *iface)
{
    return iface ? d3d11_buffer_from_iface(iface) : NULL;
}

static struct d3d11_view *view_impl(void *iface, enum d3d11_view_kind kind)
{
    struct d3d11_view *v;

    if (!iface || !(v = d3d11_view_from_iface(iface)) || v->kind != kind)
        return NULL;
    return v;
}

/* Per-stage bindings ------------------------------------------------------------------------ */

static void set_constant_buffers(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11Buffer *const *buffers, const UINT *first, const UINT *num)
{
    struct d3d11_context_state *st = &context->state;
    struct d3d11_stage_state *stage = &st->stages[s];
    UINT i;

    if (start >= D3D11_CB_SLOTS || count > D3D11_CB_SLOTS - start)
    {
        LOG_DEBUG("Ignoring constant buffer slots %u+%u.", start, count);
        return;
    }
    if (!first != !num)
        return;
    if (first)
    {
        /* D3D11.1: offsets and sizes in multiples of 16 constants, at most 4096 constants. */
        for (i = 0; i < count; ++i)
            if (buffers && buffers[i] && ((first[i] & 15) || (num[i] & 15) || num[i] > D3D11_CB_LEGACY_CONSTANTS))
            {
                LOG_DEBUG("Ignoring constant buffer range %u+%u.", first[i], num[i]);
                return;
            }
    }
    for (i = 0; i < count; ++i)
    {
        struct d3d11_cb_binding *b = &stage->cbs[start + i];
        struct d3d11_resource *r = buffer_impl(buffers ? buffers[i] : NULL);
        UINT f = r && first ? first[i] : 0, n = r ? (num ? num[i] : D3D11_CB_LEGACY_CONSTANTS) : 0;

        if (r && buffer_written(st, r))
            r = NULL, f = n = 0;
        if (b->buffer == r && b->first == f && b->count == n)
            continue;
        REF(r);
        if (b->buffer != r)
            keep_buffer(context->cs, b->buffer);
        UNREF(b->buffer);
        b->buffer = r;
        b->first = f;
        b->count = n;
        if (r)
            stage->cb_mask |= 1u << (start + i);
        else
            stage->cb_mask &= ~(1u << (start + i));
        stage->dirty_cbs |= 1u << (start + i);
        st->dirty |= D3D11_DIRTY_CBS(s);
    }
}

static void get_constant_buffers(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11Buffer **buffers, UINT *first, UINT *num)
{
    const struct d3d11_stage_state *stage = &context->state.stages[s];
    UINT i;

    for (i = 0; i < count; ++i)
    {
        const struct d3d11_cb_binding *b = start + i < D3D11_CB_SLOTS ? &stage->cbs[start + i] : NULL;

        if (buffers)
        {
            buffers[i] = b ? buffer_iface(b->buffer) : NULL;
            if (b)
                PUBREF(b->buffer);
        }
        if (first)
            first[i] = b ? b->first : 0;
        if (num)
            num[i] = b ? b->count : 0;
    }
}

static void set_shader_resources(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11ShaderResourceView *const *views)
{
    struct d3d11_context_state *st = &context->state;
    struct d3d11_stage_state *stage = &st->stages[s];
    UINT i;

    if (start >= D3D11_SRV_SLOTS || count > D3D11_SRV_SLOTS - start)
    {
        LOG_DEBUG("Ignoring shader resource slots %u+%u.", start, count);
        return;
    }
    for (i = 0; i < count; ++i)
    {
        UINT slot = start + i;
        uint64_t bit = 1ull << (slot & 63);
        struct d3d11_view *v = view_impl(views ? views[i] : NULL, D3D11_VIEW_SRV);

        if (v && view_written(st, v))
        {
            LOG_DEBUG("Binding NULL to SRV slot %u: its resource is bound for writing.", slot);
            v = NULL;
        }
        if (stage->srvs[slot] == v)
            continue;
        REF(v);
        keep_view(context->cs, stage->srvs[slot]);
        UNREF(stage->srvs[slot]);
        stage->srvs[slot] = v;
        if (v)
        {
            stage->srv_mask[slot >> 6] |= bit;
            if (v->resource->bind_flags & WRITE_BIND_FLAGS)
                stage->srv_hazard_mask[slot >> 6] |= bit;
            else
                stage->srv_hazard_mask[slot >> 6] &= ~bit;
        }
        else
        {
            stage->srv_mask[slot >> 6] &= ~bit;
            stage->srv_hazard_mask[slot >> 6] &= ~bit;
        }
        stage->dirty_srvs[slot >> 6] |= bit;
        st->dirty |= D3D11_DIRTY_SRVS(s);
    }
}

static void get_shader_resources(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11ShaderResourceView **views)
{
    const struct d3d11_stage_state *stage = &context->state.stages[s];
    UINT i;

    if (!views)
        return;
    for (i = 0; i < count; ++i)
    {
        struct d3d11_view *v = start + i < D3D11_SRV_SLOTS ? stage->srvs[start + i] : NULL;
        views[i] = view_iface(v);
        PUBREF(v);
    }
}

static void set_samplers(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11SamplerState *const *samplers)
{
    struct d3d11_context_state *st = &context->state;
    struct d3d11_stage_state *stage = &st->stages[s];
    UINT i;

    if (start >= D3D11_SAMPLER_SLOTS || count > D3D11_SAMPLER_SLOTS - start)
    {
        LOG_DEBUG("Ignoring sampler slots %u+%u.", start, count);
        return;
    }
    for (i = 0; i < count; ++i)
    {
        struct d3d11_sampler_state *sampler = d3d11_sampler_state_from_iface(samplers ? samplers[i] : NULL);
        UINT slot = start + i;

        if (stage->samplers[slot] == sampler)
            continue;
        REF(sampler);
        keep_sampler(context->cs, stage->samplers[slot]);
        UNREF(stage->samplers[slot]);
        stage->samplers[slot] = sampler;
        if (sampler)
            stage->sampler_mask |= 1u << slot;
        else
            stage->sampler_mask &= ~(1u << slot);
        stage->dirty_samplers |= 1u << slot;
        st->dirty |= D3D11_DIRTY_SAMPLERS(s);
    }
}

static void get_samplers(struct d3d11_context *context, enum d3d11_stage s, UINT start, UINT count,
        ID3D11SamplerState **samplers)
{
    const struct d3d11_stage_state *stage = &context->state.stages[s];
    UINT i;

    if (!samplers)
        return;
    for (i = 0; i < count; ++i)
    {
        struct d3d11_sampler_state *sampler = start + i < D3D11_SAMPLER_SLOTS ? stage->samplers[start + i] : NULL;
        samplers[i] = sampler ? &sampler->ID3D11SamplerState_iface : NULL;
        PUBREF(sampler);
    }
}

static void release_instances(struct d3d11_stage_state *stage)
{
    UINT i;

    for (i = 0; i < stage->instance_count; ++i)
        UNREF(stage->instances[i]);
    free(stage->instances);
    stage->instances = NULL;
    stage->instance_count = 0;
}

static void set_shader(struct d3d11_context *context, enum d3d11_stage s, void *iface,
        ID3D11ClassInstance *const *instances, UINT instance_count)
{
    struct d3d11_context_state *st = &context->state;
    struct d3d11_stage_state *stage = &st->stages[s];
    struct d3d11_class_instance **array = NULL;
    struct d3d11_shader *shader = NULL;
    UINT i;

    if (iface && !(shader = d3d11_shader_from_iface(iface, (enum dxbc_stage)s)))
    {
        LOG_DEBUG("Ignoring a shader that is not a stage %u shader of this implementation.", s);
        return;
    }
    if (instance_count > D3D11_SHADER_MAX_INTERFACES || (instance_count && !instances))
        instance_count = 0;
    if (stage->shader == shader && !instance_count && !stage->instance_count)
        return;
    if (instance_count)
    {
        if (!(array = calloc(instance_count, sizeof(*array))))
            return;
        for (i = 0; i < instance_count; ++i)
        {
            array[i] = d3d11_class_instance_from_iface(instances[i]);
            REF(array[i]);
        }
    }
    REF(shader);
    if (stage->shader != shader)
        keep_shader(context->cs, stage->shader);
    UNREF(stage->shader);
    release_instances(stage);
    stage->shader = shader;
    stage->instances = array;
    stage->instance_count = instance_count;
    st->dirty |= D3D11_DIRTY_SHADER(s);
}

static void get_shader(struct d3d11_context *context, enum d3d11_stage s, void **out,
        ID3D11ClassInstance **instances, UINT *instance_count)
{
    const struct d3d11_stage_state *stage = &context->state.stages[s];
    UINT i, n;

    if (out)
    {
        *out = stage->shader ? &stage->shader->IUnknown_iface : NULL;
        PUBREF(stage->shader);
    }
    if (!instance_count)
        return;
    if (!instances)
    {
        *instance_count = stage->instance_count;
        return;
    }
    n = *instance_count < stage->instance_count ? *instance_count : stage->instance_count;
    for (i = 0; i < n; ++i)
    {
        instances[i] = stage->instances[i] ? &stage->instances[i]->ID3D11ClassInstance_iface : NULL;
        PUBREF(stage->instances[i]);
    }
    for (; i < *instance_count; ++i)
        instances[i] = NULL;
    *instance_count = n;
}

/* The 6 x 10 per-stage methods. */
#define STAGE_METHODS(P, S, IFACE) \
void STDMETHODCALLTYPE d3d11_context_##P##SetConstantBuffers(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11Buffer *const *buffers) \
{ \
    set_constant_buffers(impl_from_ctx(iface), S, start, count, buffers, NULL, NULL); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##SetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11Buffer *const *buffers, const UINT *first, const UINT *num) \
{ \
    set_constant_buffers(impl_from_ctx(iface), S, start, count, buffers, first, num); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##GetConstantBuffers(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11Buffer **buffers) \
{ \
    get_constant_buffers(impl_from_ctx(iface), S, start, count, buffers, NULL, NULL); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##GetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11Buffer **buffers, UINT *first, UINT *num) \
{ \
    get_constant_buffers(impl_from_ctx(iface), S, start, count, buffers, first, num); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##SetShaderResources(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11ShaderResourceView *const *views) \
{ \
    set_shader_resources(impl_from_ctx(iface), S, start, count, views); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##GetShaderResources(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11ShaderResourceView **views) \
{ \
    get_shader_resources(impl_from_ctx(iface), S, start, count, views); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##SetSamplers(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11SamplerState *const *samplers) \
{ \
    set_samplers(impl_from_ctx(iface), S, start, count, samplers); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##GetSamplers(ID3D11DeviceContext4 *iface, UINT start, UINT count, \
        ID3D11SamplerState **samplers) \
{ \
    get_samplers(impl_from_ctx(iface), S, start, count, samplers); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##SetShader(ID3D11DeviceContext4 *iface, IFACE *shader, \
        ID3D11ClassInstance *const *instances, UINT instance_count) \
{ \
    set_shader(impl_from_ctx(iface), S, shader, instances, instance_count); \
} \
void STDMETHODCALLTYPE d3d11_context_##P##GetShader(ID3D11DeviceContext4 *iface, IFACE **shader, \
        ID3D11ClassInstance **instances, UINT *instance_count) \
{ \
    get_shader(impl_from_ctx(iface), S, (void **)shader, instances, instance_count); \
}

STAGE_METHODS(VS, D3D11_STAGE_VS, ID3D11VertexShader)
STAGE_METHODS(HS, D3D11_STAGE_HS, ID3D11HullShader)
STAGE_METHODS(DS, D3D11_STAGE_DS, ID3D11DomainShader)
STAGE_METHODS(GS, D3D11_STAGE_GS, ID3D11GeometryShader)
STAGE_METHODS(PS, D3D11_STAGE_PS, ID3D11PixelShader)
STAGE_METHODS(CS, D3D11_STAGE_CS, ID3D11ComputeShader)

/* Unordered access views ------------------------------------------------------------------- */

static UINT uav_slot_count(const struct d3d11_context *context)
{
    return context->device->feature_level >= D3D_FEATURE_LEVEL_11_1 ? D3D11_UAV_SLOTS : D3D11_PS_CS_UAV_REGISTER_COUNT;
}

/* Binds one UAV slot of `views`; returns whether it changed. */
static bool set_uav_slot(struct d3d11_context_state *st, struct d3d11_view **views, uint64_t *mask, uint64_t *dirty,
        UINT *counts, uint64_t *pending, UINT slot, struct d3d11_view *v, UINT initial_count)
{
    uint64_t bit = 1ull << slot;

    if (v && initial_count != ~0u)
    {
        counts[slot] = initial_count;
        *pending |= bit;
        *dirty |= bit;
    }
    if (views[slot] == v)
        return v && initial_count != ~0u;
    REF(v);
    keep_view(state_cs(st), views[slot]);
    UNREF(views[slot]);
    views[slot] = v;
    if (v)
    {
        *mask |= bit;
        unbind_reads_of_view(st, v);
    }
    else
    {
        *mask &= ~bit;
        *pending &= ~bit;
    }
    *dirty |= bit;
    return true;
}

void STDMETHODCALLTYPE d3d11_context_CSSetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT start, UINT count,
        ID3D11UnorderedAccessView *const *views, const UINT *initial_counts)
{
    struct d3d11_context *context = impl_from_ctx(iface);
    struct d3d11_context_state *st = &context->state;
    UINT i, max = uav_slot_count(context);

    if (start >= max || count > max - start)
    {
        LOG_DEBUG("Ignoring compute UAV slots %u+%u.", start, count);
        return;
    }
    for (i = 0; i < count; ++i)
    {
        struct d3d11_view *v = view_impl(views ? views[i] : NULL, D3D11_VIEW_UAV);
        if (set_uav_slot(st, st->cs_uavs, &st->cs_uav_mask, &st->dirty_cs_uavs, st->cs_uav_initial_counts,
                &st->cs_uav_counts_pending, start + i, v, initial_counts ? initial_counts[i] : ~0u))
            st->dirty |= D3D11_DIRTY_CS_UAVS;
    }
}

void STDMETHODCALLTYPE d3d11_context_CSGetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT start, UINT count,
        ID3D11UnorderedAccessView **views)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (!views)
        return;
    for (i = 0; i < count; ++i)
    {
        struct d3d11_view *v = start + i < D3D11_UAV_SLOTS ? st->cs_uavs[start + i] : NULL;
        views[i] = view_iface(v);
        PUBREF(v);
    }
}

/* Output merger --------------------------------------------------------------------------------- */

static void set_render_targets(struct d3d11_context_state *st, UINT count, ID3D11RenderTargetView *const *rtvs,
        ID3D11DepthStencilView *dsv_iface)
{
    struct d3d11_view *new_rtvs[D3D11_RTV_SLOTS] = { 0 };
    struct d3d11_view *dsv = view_impl(dsv_iface, D3D11_VIEW_DSV);
    bool changed = false;
    UINT i, rtv_count = 0;

    for (i = 0; i < count; ++i)
        if ((new_rtvs[i] = view_impl(rtvs ? rtvs[i] : NULL, D3D11_VIEW_RTV)))
            rtv_count = i + 1;
    for (i = 0; i < D3D11_RTV_SLOTS; ++i)
    {
        if (st->rtvs[i] == new_rtvs[i])
            continue;
        REF(new_rtvs[i]);
        keep_view(state_cs(st), st->rtvs[i]);
        UNREF(st->rtvs[i]);
        st->rtvs[i] = new_rtvs[i];
        changed = true;
    }
    if (st->dsv != dsv)
    {
        REF(dsv);
        keep_view(state_cs(st), st->dsv);
        UNREF(st->dsv);
        st->dsv = dsv;
        changed = true;
    }
    st->rtv_count = rtv_count;
    if (!changed)
        return;
    st->dirty |= D3D11_DIRTY_RENDER_TARGETS;
    for (i = 0; i < rtv_count; ++i)
        unbind_reads_of_view(st, st->rtvs[i]);
    if (dsv && dsv_writes(dsv))
        unbind_reads_of_view(st, dsv);
}

void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargets(ID3D11DeviceContext4 *iface, UINT count,
        ID3D11RenderTargetView *const *rtvs, ID3D11DepthStencilView *dsv)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (count > D3D11_RTV_SLOTS)
    {
        LOG_DEBUG("Ignoring %u render targets.", count);
        return;
    }
    set_render_targets(st, count, rtvs, dsv);
    /* Render targets and pixel-shader UAVs share the first slots. */
    for (i = 0; i < count; ++i)
        if (set_uav_slot(st, st->uavs, &st->uav_mask, &st->dirty_uavs, st->uav_initial_counts,
                &st->uav_counts_pending, i, NULL, ~0u))
            st->dirty |= D3D11_DIRTY_UAVS;
}

void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface,
        UINT rtv_count, ID3D11RenderTargetView *const *rtvs, ID3D11DepthStencilView *dsv, UINT uav_start,
        UINT uav_count, ID3D11UnorderedAccessView *const *uavs, const UINT *initial_counts)
{
    struct d3d11_context *context = impl_from_ctx(iface);
    struct d3d11_context_state *st = &context->state;
    bool keep_rtvs = rtv_count == D3D11_KEEP_RENDER_TARGETS_AND_DEPTH_STENCIL;
    bool keep_uavs = uav_count == D3D11_KEEP_UNORDERED_ACCESS_VIEWS;
    UINT i, max = uav_slot_count(context);

    if (!keep_rtvs && rtv_count > D3D11_RTV_SLOTS)
        return;
    if (!keep_uavs && (uav_start >= max || uav_count > max - uav_start
            || (!keep_rtvs && uav_count && uav_start < rtv_count)))
    {
        LOG_DEBUG("Ignoring UAV slots %u+%u with %u render targets.", uav_start, uav_count, rtv_count);
        return;
    }
    if (!keep_rtvs)
        set_render_targets(st, rtv_count, rtvs, dsv);
    if (keep_uavs)
        return;
    /* The UAV set is replaced as a whole: slots outside the range are unbound. */
    for (i = 0; i < D3D11_UAV_SLOTS; ++i)
    {
        struct d3d11_view *v = NULL;
        UINT initial = ~0u;

        if (i >= uav_start && i - uav_start < uav_count)
        {
            v = view_impl(uavs ? uavs[i - uav_start] : NULL, D3D11_VIEW_UAV);
            initial = initial_counts ? initial_counts[i - uav_start] : ~0u;
        }
        if (set_uav_slot(st, st->uavs, &st->uav_mask, &st->dirty_uavs, st->uav_initial_counts,
                &st->uav_counts_pending, i, v, initial))
            st->dirty |= D3D11_DIRTY_UAVS;
    }
}

void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargets(ID3D11DeviceContext4 *iface, UINT count,
        ID3D11RenderTargetView **rtvs, ID3D11DepthStencilView **dsv)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (rtvs)
        for (i = 0; i < count; ++i)
        {
            struct d3d11_view *v = i < D3D11_RTV_SLOTS ? st->rtvs[i] : NULL;
            rtvs[i] = view_iface(v);
            PUBREF(v);
        }
    if (dsv)
    {
        *dsv = view_iface(st->dsv);
        PUBREF(st->dsv);
    }
}

void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface,
        UINT rtv_count, ID3D11RenderTargetView **rtvs, ID3D11DepthStencilView **dsv, UINT uav_start,
        UINT uav_count, ID3D11UnorderedAccessView **uavs)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    d3d11_context_OMGetRenderTargets(iface, rtvs ? rtv_count : 0, rtvs, dsv);
    if (uavs)
        for (i = 0; i < uav_count; ++i)
        {
            struct d3d11_view *v = uav_start + i < D3D11_UAV_SLOTS ? st->uavs[uav_start + i] : NULL;
            uavs[i] = view_iface(v);
            PUBREF(v);
        }
}

void STDMETHODCALLTYPE d3d11_context_OMSetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState *blend_iface,
        const FLOAT factor[4], UINT sample_mask)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    struct d3d11_blend_state *blend = d3d11_blend_state_from_iface(blend_iface);
    static const float default_factor[4] = { 1.0f, 1.0f, 1.0f, 1.0f };

    if (blend_iface && !blend)
        return;
    if (!factor)
        factor = default_factor;
    if (st->blend != blend)
    {
        REF(blend);
        UNREF(st->blend);
        st->blend = blend;
        st->dirty |= D3D11_DIRTY_BLEND;
    }
    if (memcmp(st->blend_factor, factor, sizeof(st->blend_factor)))
    {
        memcpy(st->blend_factor, factor, sizeof(st->blend_factor));
        st->dirty |= D3D11_DIRTY_BLEND_FACTOR;
    }
    if (st->sample_mask != sample_mask)
    {
        st->sample_mask = sample_mask;
        st->dirty |= D3D11_DIRTY_SAMPLE_MASK;
    }
}

void STDMETHODCALLTYPE d3d11_context_OMGetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState **blend,
        FLOAT factor[4], UINT *sample_mask)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (blend)
    {
        *blend = st->blend ? (ID3D11BlendState *)&st->blend->ID3D11BlendState1_iface : NULL;
        PUBREF(st->blend);
    }
    if (factor)
        memcpy(factor, st->blend_factor, sizeof(st->blend_factor));
    if (sample_mask)
        *sample_mask = st->sample_mask;
}

void STDMETHODCALLTYPE d3d11_context_OMSetDepthStencilState(ID3D11DeviceContext4 *iface,
        ID3D11DepthStencilState *ds_iface, UINT stencil_ref)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    struct d3d11_depthstencil_state *ds = d3d11_depthstencil_state_from_iface(ds_iface);

    if (ds_iface && !ds)
        return;
    if (st->depth_stencil != ds)
    {
        REF(ds);
        UNREF(st->depth_stencil);
        st->depth_stencil = ds;
        st->dirty |= D3D11_DIRTY_DEPTH_STENCIL;
    }
    if (st->stencil_ref != stencil_ref)
    {
        st->stencil_ref = stencil_ref;
        st->dirty |= D3D11_DIRTY_STENCIL_REF;
    }
}

void STDMETHODCALLTYPE d3d11_context_OMGetDepthStencilState(ID3D11DeviceContext4 *iface,
        ID3D11DepthStencilState **ds, UINT *stencil_ref)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (ds)
    {
        *ds = st->depth_stencil ? &st->depth_stencil->ID3D11DepthStencilState_iface : NULL;
        PUBREF(st->depth_stencil);
    }
    if (stencil_ref)
        *stencil_ref = st->stencil_ref;
}

/* Stream output ----------------------------------------------------------------------------- */

void STDMETHODCALLTYPE d3d11_context_SOSetTargets(ID3D11DeviceContext4 *iface, UINT count, ID3D11Buffer *const *buffers,
        const UINT *offsets)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (count > D3D11_SO_SLOTS)
    {
        LOG_DEBUG("Ignoring %u stream-output targets.", count);
        return;
    }
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
    {
        struct d3d11_resource *r = i < count ? buffer_impl(buffers ? buffers[i] : NULL) : NULL;
        UINT offset;

        if (r && !(r->bind_flags & D3D11_BIND_STREAM_OUTPUT))
        {
            LOG_WARN("A buffer without D3D11_BIND_STREAM_OUTPUT bound as stream-output target %u: NULL bound.", i);
            r = NULL;
        }
        offset = r && offsets ? offsets[i] : 0;

        /* Rebinding a buffer counts: an explicit offset resets its filled size again. */
        if (st->so[i].buffer == r && !r)
            continue;
        REF(r);
        if (st->so[i].buffer != r)
            keep_buffer(state_cs(st), st->so[i].buffer);
        UNREF(st->so[i].buffer);
        st->so[i].buffer = r;
        st->so[i].offset = offset;
        st->dirty |= D3D11_DIRTY_SO_TARGETS;
        if (r)
            unbind_reads(st, NULL, r);
    }
}

void STDMETHODCALLTYPE d3d11_context_SOGetTargets(ID3D11DeviceContext4 *iface, UINT count, ID3D11Buffer **buffers)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (!buffers)
        return;
    for (i = 0; i < count; ++i)
    {
        struct d3d11_resource *r = i < D3D11_SO_SLOTS ? st->so[i].buffer : NULL;
        buffers[i] = buffer_iface(r);
        PUBREF(r);
    }
}

/* Input assembler ------------------------------------------------------------------------------ */

void STDMETHODCALLTYPE d3d11_context_IASetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout *layout_iface)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    struct d3d11_input_layout *layout = d3d11_input_layout_from_iface(layout_iface);

    if ((layout_iface && !layout) || st->input_layout == layout)
        return;
    REF(layout);
    UNREF(st->input_layout);
    st->input_layout = layout;
    st->dirty |= D3D11_DIRTY_INPUT_LAYOUT;
}

void STDMETHODCALLTYPE d3d11_context_IAGetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout **layout)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (!layout)
        return;
    *layout = st->input_layout ? &st->input_layout->ID3D11InputLayout_iface : NULL;
    PUBREF(st->input_layout);
}

void STDMETHODCALLTYPE d3d11_context_IASetVertexBuffers(ID3D11DeviceContext4 *iface, UINT start, UINT count,
        ID3D11Buffer *const *buffers, const UINT *strides, const UINT *offsets)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (start >= D3D11_VB_SLOTS || count > D3D11_VB_SLOTS - start)
    {
        LOG_DEBUG("Ignoring vertex buffer slots %u+%u.", start, count);
        return;
    }
    for (i = 0; i < count; ++i)
    {
        struct d3d11_vb_binding *b = &st->vbs[start + i];
        struct d3d11_resource *r = buffer_impl(buffers ? buffers[i] : NULL);
        UINT stride = strides ? strides[i] : 0, offset = offsets ? offsets[i] : 0;

        if (r && buffer_written(st, r))
            r = NULL;
        if (b->buffer == r && b->stride == stride && b->offset == offset)
            continue;
        if (b->buffer != r)
        {
            REF(r);
            keep_buffer(state_cs(st), b->buffer);
            UNREF(b->buffer);
            b->buffer = r;
        }
        b->stride = stride;
        b->offset = offset;
        if (r)
            st->vb_mask |= 1u << (start + i);
        else
            st->vb_mask &= ~(1u << (start + i));
        st->dirty_vbs |= 1u << (start + i);
        st->dirty |= D3D11_DIRTY_VERTEX_BUFFERS;
    }
}

void STDMETHODCALLTYPE d3d11_context_IAGetVertexBuffers(ID3D11DeviceContext4 *iface, UINT start, UINT count,
        ID3D11Buffer **buffers, UINT *strides, UINT *offsets)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    for (i = 0; i < count; ++i)
    {
        const struct d3d11_vb_binding *b = start + i < D3D11_VB_SLOTS ? &st->vbs[start + i] : NULL;

        if (buffers)
        {
            buffers[i] = b ? buffer_iface(b->buffer) : NULL;
            if (b)
                PUBREF(b->buffer);
        }
        if (strides)
            strides[i] = b ? b->stride : 0;
        if (offsets)
            offsets[i] = b ? b->offset : 0;
    }
}

void STDMETHODCALLTYPE d3d11_context_IASetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer *buffer,
        DXGI_FORMAT format, UINT offset)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    struct d3d11_resource *r = buffer_impl(buffer);

    /* D3D11: index buffers are R16_UINT or R32_UINT. */
    if (r && format != DXGI_FORMAT_R16_UINT && format != DXGI_FORMAT_R32_UINT)
    {
        LOG_DEBUG("Ignoring index buffer format %#x.", format);
        return;
    }
    if (r && buffer_written(st, r))
        r = NULL;
    if (st->index_buffer == r && st->index_format == format && st->index_offset == offset)
        return;
    if (st->index_buffer != r)
    {
        REF(r);
        keep_buffer(state_cs(st), st->index_buffer);
        UNREF(st->index_buffer);
        st->index_buffer = r;
    }
    st->index_format = format;
    st->index_offset = offset;
    st->dirty |= D3D11_DIRTY_INDEX_BUFFER;
}

void STDMETHODCALLTYPE d3d11_context_IAGetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer **buffer,
        DXGI_FORMAT *format, UINT *offset)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (buffer)
    {
        *buffer = buffer_iface(st->index_buffer);
        PUBREF(st->index_buffer);
    }
    if (format)
        *format = st->index_format;
    if (offset)
        *offset = st->index_offset;
}

void STDMETHODCALLTYPE d3d11_context_IASetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY topology)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (!(topology <= D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP
            || (topology >= D3D11_PRIMITIVE_TOPOLOGY_LINELIST_ADJ && topology <= D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP_ADJ)
            || (topology >= D3D11_PRIMITIVE_TOPOLOGY_1_CONTROL_POINT_PATCHLIST
                && topology <= D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST)))
    {
        LOG_DEBUG("Ignoring primitive topology %#x.", topology);
        return;
    }
    if (st->topology == topology)
        return;
    st->topology = topology;
    st->dirty |= D3D11_DIRTY_TOPOLOGY;
}

void STDMETHODCALLTYPE d3d11_context_IAGetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY *topology)
{
    if (topology)
        *topology = impl_from_ctx(iface)->state.topology;
}

/* Rasterizer ---------------------------------------------------------------------------------- */

void STDMETHODCALLTYPE d3d11_context_RSSetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState *rs_iface)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    struct d3d11_rasterizer_state *rs = d3d11_rasterizer_state_from_iface(rs_iface);

    if ((rs_iface && !rs) || st->rasterizer == rs)
        return;
    REF(rs);
    UNREF(st->rasterizer);
    st->rasterizer = rs;
    st->dirty |= D3D11_DIRTY_RASTERIZER;
}

void STDMETHODCALLTYPE d3d11_context_RSGetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState **rs)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (!rs)
        return;
    *rs = st->rasterizer ? (ID3D11RasterizerState *)&st->rasterizer->ID3D11RasterizerState2_iface : NULL;
    PUBREF(st->rasterizer);
}

void STDMETHODCALLTYPE d3d11_context_RSSetViewports(ID3D11DeviceContext4 *iface, UINT count, const D3D11_VIEWPORT *viewports)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (count > D3D11_VIEWPORT_SLOTS || (count && !viewports))
    {
        LOG_DEBUG("Ignoring %u viewports.", count);
        return;
    }
    if (st->viewport_count == count && !memcmp(st->viewports, viewports, count * sizeof(*viewports)))
        return;
    memset(st->viewports, 0, sizeof(st->viewports));
    if (count)
        memcpy(st->viewports, viewports, count * sizeof(*viewports));
    st->viewport_count = count;
    st->dirty |= D3D11_DIRTY_VIEWPORTS;
}

void STDMETHODCALLTYPE d3d11_context_RSGetViewports(ID3D11DeviceContext4 *iface, UINT *count, D3D11_VIEWPORT *viewports)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (!count)
        return;
    if (!viewports)
    {
        *count = st->viewport_count;
        return;
    }
    for (i = 0; i < *count; ++i)
    {
        if (i < st->viewport_count)
            viewports[i] = st->viewports[i];
        else
            memset(&viewports[i], 0, sizeof(viewports[i]));
    }
}

void STDMETHODCALLTYPE d3d11_context_RSSetScissorRects(ID3D11DeviceContext4 *iface, UINT count, const D3D11_RECT *rects)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (count > D3D11_VIEWPORT_SLOTS || (count && !rects))
    {
        LOG_DEBUG("Ignoring %u scissor rectangles.", count);
        return;
    }
    if (st->scissor_count == count && !memcmp(st->scissors, rects, count * sizeof(*rects)))
        return;
    memset(st->scissors, 0, sizeof(st->scissors));
    if (count)
        memcpy(st->scissors, rects, count * sizeof(*rects));
    st->scissor_count = count;
    st->dirty |= D3D11_DIRTY_SCISSORS;
}

void STDMETHODCALLTYPE d3d11_context_RSGetScissorRects(ID3D11DeviceContext4 *iface, UINT *count, D3D11_RECT *rects)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;
    UINT i;

    if (!count)
        return;
    if (!rects)
    {
        *count = st->scissor_count;
        return;
    }
    for (i = 0; i < *count; ++i)
    {
        if (i < st->scissor_count)
            rects[i] = st->scissors[i];
        else
            memset(&rects[i], 0, sizeof(rects[i]));
    }
}

/* Predication ----------------------------------------------------------------------------------- */

void STDMETHODCALLTYPE d3d11_context_SetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate *predicate, BOOL value)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (st->predicate == predicate && st->predicate_value == value)
        return;
    if (predicate)
        ID3D11Predicate_AddRef(predicate);
    if (st->predicate)
        ID3D11Predicate_Release(st->predicate);
    st->predicate = predicate;
    st->predicate_value = value;
    st->dirty |= D3D11_DIRTY_PREDICATION;
}

void STDMETHODCALLTYPE d3d11_context_GetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate **predicate, BOOL *value)
{
    struct d3d11_context_state *st = &impl_from_ctx(iface)->state;

    if (predicate)
    {
        *predicate = st->predicate;
        if (*predicate)
            ID3D11Predicate_AddRef(*predicate);
    }
    if (value)
        *value = st->predicate_value;
}

/* Whole-state operations ------------------------------------------------------------------------ */

void d3d11_context_state_init(struct d3d11_context_state *st)
{
    memset(st, 0, sizeof(*st));
    st->blend_factor[0] = st->blend_factor[1] = st->blend_factor[2] = st->blend_factor[3] = 1.0f;
    st->sample_mask = D3D11_DEFAULT_SAMPLE_MASK;
    st->index_format = DXGI_FORMAT_UNKNOWN;
    st->topology = D3D11_PRIMITIVE_TOPOLOGY_UNDEFINED;
    st->dirty = D3D11_DIRTY_ALL;
}

static void release_all(struct d3d11_context_state *st)
{
    unsigned int s, i;

    for (s = 0; s < D3D11_STAGE_COUNT; ++s)
    {
        struct d3d11_stage_state *stage = &st->stages[s];

        UNREF(stage->shader);
        release_instances(stage);
        for (i = 0; i < D3D11_CB_SLOTS; ++i)
            UNREF(stage->cbs[i].buffer);
        for (i = 0; i < D3D11_SAMPLER_SLOTS; ++i)
            UNREF(stage->samplers[i]);
        for (i = 0; i < D3D11_SRV_SLOTS; ++i)
            UNREF(stage->srvs[i]);
    }
    UNREF(st->input_layout);
    for (i = 0; i < D3D11_VB_SLOTS; ++i)
        UNREF(st->vbs[i].buffer);
    UNREF(st->index_buffer);
    UNREF(st->rasterizer);
    for (i = 0; i < D3D11_RTV_SLOTS; ++i)
        UNREF(st->rtvs[i]);
    UNREF(st->dsv);
    for (i = 0; i < D3D11_UAV_SLOTS; ++i)
    {
        UNREF(st->uavs[i]);
        UNREF(st->cs_uavs[i]);
    }
    UNREF(st->blend);
    UNREF(st->depth_stencil);
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        UNREF(st->so[i].buffer);
    if (st->predicate)
        ID3D11Predicate_Release(st->predicate);
}

static void dcs_release_internal(struct d3d11_device_context_state *dcs);

void d3d11_context_state_cleanup(struct d3d11_context_state *st)
{
    struct d3d11_device_context_state *active = st->active_object;

    release_all(st);
    d3d11_context_state_init(st);
    if (active)
        dcs_release_internal(active);
}

void d3d11_context_state_invalidate(struct d3d11_context_state *st)
{
    unsigned int s;

    for (s = 0; s < D3D11_STAGE_COUNT; ++s)
    {
        st->stages[s].dirty_cbs = (1u << D3D11_CB_SLOTS) - 1;
        st->stages[s].dirty_samplers = (1u << D3D11_SAMPLER_SLOTS) - 1;
        st->stages[s].dirty_srvs[0] = st->stages[s].dirty_srvs[1] = ~0ull;
    }
    st->dirty_vbs = (uint32_t)((1ull << D3D11_VB_SLOTS) - 1);
    st->dirty_uavs = st->dirty_cs_uavs = ~0ull;
    st->dirty = D3D11_DIRTY_ALL;
}

void d3d11_context_state_clear(struct d3d11_context_state *st)
{
    struct d3d11_device_context_state *active = st->active_object;

    /* Every slot mask is marked dirty so the draw path rebinds from scratch. */
    release_all(st);
    d3d11_context_state_init(st);
    st->active_object = active;
    d3d11_context_state_invalidate(st);
}

bool d3d11_context_state_copy(struct d3d11_context_state *dst, const struct d3d11_context_state *src)
{
    unsigned int s, i;

    struct d3d11_device_context_state *active = dst->active_object;

    if (dst == src)
        return true;
    release_all(dst);
    memcpy(dst, src, sizeof(*dst));
    dst->active_object = active;
    for (s = 0; s < D3D11_STAGE_COUNT; ++s)
    {
        struct d3d11_stage_state *stage = &dst->stages[s];

        REF(stage->shader);
        if (stage->instance_count)
        {
            struct d3d11_class_instance **array = calloc(stage->instance_count, sizeof(*array));
            if (!array)
                stage->instance_count = 0;
            else
                memcpy(array, src->stages[s].instances, stage->instance_count * sizeof(*array));
            stage->instances = array;
            for (i = 0; i < stage->instance_count; ++i)
                REF(stage->instances[i]);
        }
        for (i = 0; i < D3D11_CB_SLOTS; ++i)
            REF(stage->cbs[i].buffer);
        for (i = 0; i < D3D11_SAMPLER_SLOTS; ++i)
            REF(stage->samplers[i]);
        for (i = 0; i < D3D11_SRV_SLOTS; ++i)
            REF(stage->srvs[i]);
    }
    REF(dst->input_layout);
    for (i = 0; i < D3D11_VB_SLOTS; ++i)
        REF(dst->vbs[i].buffer);
    REF(dst->index_buffer);
    REF(dst->rasterizer);
    for (i = 0; i < D3D11_RTV_SLOTS; ++i)
        REF(dst->rtvs[i]);
    REF(dst->dsv);
    for (i = 0; i < D3D11_UAV_SLOTS; ++i)
    {
        REF(dst->uavs[i]);
        REF(dst->cs_uavs[i]);
    }
    REF(dst->blend);
    REF(dst->depth_stencil);
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        REF(dst->so[i].buffer);
    if (dst->predicate)
        ID3D11Predicate_AddRef(dst->predicate);
    d3d11_context_state_invalidate(dst);
    return true;
}

void STDMETHODCALLTYPE d3d11_context_ClearState(ID3D11DeviceContext4 *iface)
{
    struct d3d11_context *context = impl_from_ctx(iface);

    keep_all(&context->state);
    d3d11_context_state_clear(&context->state);
}

/* ID3DDeviceContextState ----------------------------------------------------------------------- */

struct d3d11_device_context_state
{
    ID3DDeviceContextState ID3DDeviceContextState_iface;
    struct d3d11vk_child child;
    GUID emulated_interface;
    D3D_FEATURE_LEVEL feature_level;
    struct d3d11_context_state state;    /* the saved state while not active */
};

static inline struct d3d11_device_context_state *impl_from_ID3DDeviceContextState(ID3DDeviceContextState *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_device_context_state, ID3DDeviceContextState_iface);
}

static const struct d3d11vk_qi_entry dcs_qi[] =
{
    { &IID_ID3DDeviceContextState, offsetof(struct d3d11_device_context_state, ID3DDeviceContextState_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_device_context_state, ID3DDeviceContextState_iface) },
};

static HRESULT STDMETHODCALLTYPE dcs_QueryInterface(ID3DDeviceContextState *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_ID3DDeviceContextState(iface), dcs_qi, ARRAY_SIZE(dcs_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE dcs_AddRef(ID3DDeviceContextState *iface)
{
    return d3d11vk_child_addref(&impl_from_ID3DDeviceContextState(iface)->child);
}

static ULONG STDMETHODCALLTYPE dcs_Release(ID3DDeviceContextState *iface)
{
    return d3d11vk_child_release(&impl_from_ID3DDeviceContextState(iface)->child);
}

static void STDMETHODCALLTYPE dcs_GetDevice(ID3DDeviceContextState *iface, ID3D11Device **device)
{
    *device = (ID3D11Device *)impl_from_ID3DDeviceContextState(iface)->child.device;
    ID3D11Device_AddRef(*device);
}

static HRESULT STDMETHODCALLTYPE dcs_GetPrivateData(ID3DDeviceContextState *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_ID3DDeviceContextState(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dcs_SetPrivateData(ID3DDeviceContextState *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_ID3DDeviceContextState(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dcs_SetPrivateDataInterface(ID3DDeviceContextState *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_ID3DDeviceContextState(iface)->child.private_data, guid, object);
}

static const ID3DDeviceContextStateVtbl dcs_vtbl =
{
    .QueryInterface = dcs_QueryInterface,
    .AddRef = dcs_AddRef,
    .Release = dcs_Release,
    .GetDevice = dcs_GetDevice,
    .GetPrivateData = dcs_GetPrivateData,
    .SetPrivateData = dcs_SetPrivateData,
    .SetPrivateDataInterface = dcs_SetPrivateDataInterface,
};

static void dcs_destroy(struct d3d11vk_child *child)
{
    struct d3d11_device_context_state *dcs = CONTAINING_RECORD(child, struct d3d11_device_context_state, child);

    d3d11_context_state_cleanup(&dcs->state);
    free(dcs);
}

static void dcs_release_internal(struct d3d11_device_context_state *dcs)
{
    d3d11vk_child_decref_internal(&dcs->child);
}

static struct d3d11_device_context_state *dcs_alloc(struct d3d11_device *device, REFIID emulated, D3D_FEATURE_LEVEL level)
{
    struct d3d11_device_context_state *dcs;

    if (!(dcs = calloc(1, sizeof(*dcs))))
        return NULL;
    dcs->ID3DDeviceContextState_iface.lpVtbl = &dcs_vtbl;
    dcs->emulated_interface = *emulated;
    dcs->feature_level = level;
    d3d11_context_state_init(&dcs->state);
    d3d11vk_child_init(&dcs->child, (IUnknown *)&device->ID3D11Device5_iface, dcs_destroy);
    return dcs;
}

HRESULT d3d11_device_context_state_create(struct d3d11_device *device, REFIID emulated_interface,
        D3D_FEATURE_LEVEL level, ID3DDeviceContextState **out)
{
    struct d3d11_device_context_state *dcs;

    if (!(dcs = dcs_alloc(device, emulated_interface, level)))
        return E_OUTOFMEMORY;
    *out = &dcs->ID3DDeviceContextState_iface;
    return S_OK;
}

void STDMETHODCALLTYPE d3d11_context_SwapDeviceContextState(ID3D11DeviceContext4 *iface, ID3DDeviceContextState *state_iface,
        ID3DDeviceContextState **previous)
{
    struct d3d11_context *context = impl_from_ctx(iface);
    struct d3d11_context_state *st = &context->state;
    struct d3d11_device_context_state *next, *prev;

    if (previous)
        *previous = NULL;
    if (!state_iface || state_iface->lpVtbl != &dcs_vtbl)
        return;
    next = impl_from_ID3DDeviceContextState(state_iface);
    if (!(prev = st->active_object))
    {
        /* First swap: the state the context ran so far becomes an object of its own, held
         * internally by the context. */
        if (!(prev = dcs_alloc(context->device, &IID_ID3D11Device, context->device->feature_level)))
            return;
        d3d11vk_child_incref_internal(&prev->child);
        d3d11vk_child_release(&prev->child);
        st->active_object = prev;
    }
    if (prev != next)
    {
        keep_all(st);   /* the saved state's objects may be released before they are bound again */
        d3d11_context_state_copy(&prev->state, st);
        d3d11_context_state_copy(st, &next->state);
        d3d11vk_child_incref_internal(&next->child);
        st->active_object = next;
    }
    if (previous)
    {
        *previous = &prev->ID3DDeviceContextState_iface;
        d3d11vk_child_addref(&prev->child);
    }
    if (prev != next)
        d3d11vk_child_decref_internal(&prev->child);
}
