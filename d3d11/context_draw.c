/* context_draw.c — draws and dispatches: the state that changed since the last draw is
 * recorded as backend binding commands (vulkan/vk_draw.h), then the draw itself. Never calls
 * Vulkan; the worker turns the records into descriptor sets, pipelines and draws. */
#include "state.h"
#include "resource.h"
#include "context_methods.h"
#include "context_so.h"
#include "vk_draw.h"

void d3d11_device_mt_enter(struct d3d11_device *device);
void d3d11_device_mt_leave(struct d3d11_device *device);

static inline struct d3d11_context *ctx_from(ID3D11DeviceContext4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11DeviceContext4_iface);
}

static bool ctx_lock(struct d3d11_context *context)
{
    if (!atomic_load_u32(&context->device->mt_protected))
        return false;
    d3d11_device_mt_enter(context->device);
    return true;
}

static void ctx_unlock(struct d3d11_context *context, bool locked)
{
    if (locked)
        d3d11_device_mt_leave(context->device);
}

/* Another path changed the backend's bindings behind the draw path's back (a command list
 * was executed, state was swapped): the next draw records everything. */
void d3d11_context_draw_invalidate(struct d3d11_context *context)
{
    context->draw.valid = false;
}

/* Shaders --------------------------------------------------------------------------------- */

static struct vk_shader *shader_backend(struct d3d11_context *context, struct d3d11_shader *shader)
{
    const struct dxbc_shader_info *info;
    const uint32_t *spirv;
    struct vk_shader *vk, *prev = NULL;
    size_t words;

    if (!shader)
        return NULL;
    if ((vk = __atomic_load_n(&shader->vk_shader, __ATOMIC_ACQUIRE)))
        return vk;
    if (!d3d11_shader_get_spirv(shader, &spirv, &words, &info))
        return NULL;
    if (vk_shader_create(context->device->vk, spirv, words, info, &vk) != VK_SUCCESS)
        return NULL;
    if (shader->so)
    {
        vk->xfb = true;
        vk->rasterized_stream = shader->so->vk_rasterized_stream;
    }
    if (!__atomic_compare_exchange_n(&shader->vk_shader, &prev, vk, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        vk_shader_release(vk);   /* another thread made it first */
        return prev;
    }
    return vk;
}

static uint32_t shader_cb_mask(const struct vk_shader *vk)
{
    uint32_t i, mask = 0;

    if (!vk)
        return 0;
    for (i = 0; i < vk->binding_count; ++i)
        if (vk->bindings[i].kind == DXBC_BINDING_CBV && vk->bindings[i].slot < 32)
            mask |= 1u << vk->bindings[i].slot;
    return mask;
}

/* Recording helpers ------------------------------------------------------------------------ */

/* Constant buffers up to this size are copied at draw time when renamable. */
#define CB_COPY_MAX 16384u

static VkDeviceSize cb_range(const struct d3d11_cb_binding *cb, const struct vk_buffer *buffer)
{
    VkDeviceSize start = (VkDeviceSize)cb->first * 16, size = buffer->desc.size;

    return start < size ? d3d11vk_min((VkDeviceSize)cb->count * 16, size - start) : 0;
}

/* Whether the draw path copies this binding's contents (renamable buffers, small ranges). */
static bool cb_copied(const struct d3d11_stage_state *stage, unsigned int slot, const struct vk_buffer *buffer)
{
    return (buffer->desc.flags & VK_BUF_DISCARDABLE) && cb_range(&stage->cbs[slot], buffer) <= CB_COPY_MAX;
}

struct desc_batch
{
    struct vk_cs *cs;
    uint8_t stage, kind;
    struct vk_descriptor_entry entries[64];
    uint32_t count;
};

static void batch_flush(struct desc_batch *b)
{
    struct vk_cmd_bind_descriptors *c;
    size_t size;

    if (!b->count)
        return;
    size = sizeof(*c) + b->count * sizeof(c->entries[0]);
    if ((c = vk_cs_alloc_cmd(b->cs, (enum vk_cmd_type)VK_CMD_BIND_DESCRIPTORS, size)))
    {
        c->stage = b->stage;
        c->kind = b->kind;
        c->count = (uint16_t)b->count;
        memcpy(c->entries, b->entries, b->count * sizeof(c->entries[0]));
    }
    b->count = 0;
}

static struct vk_descriptor_entry *batch_add(struct desc_batch *b, uint32_t slot)
{
    struct vk_descriptor_entry *e;

    if (b->count == ARRAY_SIZE(b->entries))
        batch_flush(b);
    e = &b->entries[b->count++];
    memset(e, 0, sizeof(*e));
    e->slot = slot;
    return e;
}

/* The record that holds the references must exist before vk_cs_ref: refs taken now land in the
 * chunk being recorded, which is where the batch's record will go unless the chunk fills up;
 * a full chunk closes with its refs, and the next one takes the record, so objects are kept
 * alive by the earlier chunk until the whole batch completes (chunks retire in order). */
static void ref(struct vk_cs *cs, struct vk_object *obj)
{
    vk_cs_ref(cs, obj);
}

static bool buffer_view_is_raw(const struct d3d11_view *v)
{
    if (v->resource->misc_flags & (D3D11_RESOURCE_MISC_BUFFER_STRUCTURED | D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS))
    {
        if (v->kind == D3D11_VIEW_SRV)
            return v->desc.srv.ViewDimension != D3D11_SRV_DIMENSION_BUFFEREX ? v->format == DXGI_FORMAT_UNKNOWN
                    : (v->desc.srv.BufferEx.Flags & D3D11_BUFFEREX_SRV_FLAG_RAW) || v->format == DXGI_FORMAT_UNKNOWN;
        return (v->desc.uav.Buffer.Flags & D3D11_BUFFER_UAV_FLAG_RAW) || v->format == DXGI_FORMAT_UNKNOWN;
    }
    return v->format == DXGI_FORMAT_UNKNOWN;
}

/* A view as a descriptor entry (textures: the image view; buffers: the current slice's range
 * and, for typed views, a texel view of it). */
static void view_entry(struct vk_cs *cs, struct d3d11_view *v, struct vk_descriptor_entry *e)
{
    struct d3d11_resource *r;

    if (!v || !v->backend)
        return;
    r = v->resource;
    d3d11_resource_init_contents(r, cs);   /* never-written resources read as zero */
    if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        if ((e->view = v->backend->view))
            ref(cs, &e->view->obj);
        return;
    }
    if (r->backend && r->backend->buffer)
    {
        struct vk_buffer *buffer = r->backend->buffer;
        struct vk_bufref bref;

        vk_buffer_ref(buffer, v->buffer_offset, &bref);
        e->buffer = bref.buffer;
        e->offset = bref.offset;
        e->range = v->buffer_size;
        ref(cs, bref.owner);
        if (!buffer_view_is_raw(v))
        {
            /* The view keeps its texel view per slice: the worker may write it into descriptor
             * sets again while the binding stands (view.c). */
            struct vk_buffer_view *bv = d3d11_view_texel(v, cs);

            if (bv)
                e->texel = bv->view;
        }
    }
    if (v->kind == D3D11_VIEW_UAV && v->backend->counter)
    {
        struct vk_bufref cref;

        vk_buffer_ref(v->backend->counter, 0, &cref);
        e->counter = cref.buffer;
        ref(cs, cref.owner);
    }
}

/* Per-stage bindings ------------------------------------------------------------------------ */

/* A "geometry shader" with stream output made from vertex or domain shader bytecode is that
 * shader compiled with the capture: it takes the place of the VS or DS, with no GS. */
static struct d3d11_shader *stage_shader(struct d3d11_context *context, enum d3d11_stage s)
{
    struct d3d11_shader *shader = context->state.stages[s].shader;
    struct d3d11_shader *gs = context->state.stages[D3D11_STAGE_GS].shader;

    if (!gs || !gs->so || (gs->program && gs->program->stage == DXBC_STAGE_GS))
        return shader;
    if (s == D3D11_STAGE_GS)
        return NULL;
    /* Declared on an output signature alone: d3d11_so_variant() compiles the VS or DS. */
    return gs->program && s == (enum d3d11_stage)gs->program->stage ? gs : shader;
}

/* The pixel shader for a blend state with SRC1_* factors: compiled once more with o1 as
 * blend unit 0's second source (Location 0, Index 1), as Vulkan's dual-source blending wants. */
static struct vk_shader *shader_backend_dual(struct d3d11_context *context, struct d3d11_shader *shader)
{
    struct dxbc_compile_options options = { DXBC_COMPILE_DUAL_SOURCE_BLEND, NULL };
    struct vk_shader *vk, *prev = NULL;
    struct dxbc_shader_info info;
    uint32_t *spirv;
    char error[256];
    size_t words;
    VkResult vr;

    if ((vk = __atomic_load_n(&shader->vk_shader_dual, __ATOMIC_ACQUIRE)))
        return vk;
    if (!dxbc_compile(shader->program, &options, &info, &spirv, &words, error, sizeof(error)))
    {
        LOG_ERR("The dual-source variant of a pixel shader does not compile: %s.", error);
        return shader_backend(context, shader);
    }
    vr = vk_shader_create(context->device->vk, spirv, words, &info, &vk);
    dxbc_compile_free_spirv(spirv);
    dxbc_shader_info_free(&info);
    if (vr != VK_SUCCESS)
        return NULL;
    if (!__atomic_compare_exchange_n(&shader->vk_shader_dual, &prev, vk, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        vk_shader_release(vk);   /* another thread made it first */
        return prev;
    }
    return vk;
}

static void record_shader(struct d3d11_context *context, enum d3d11_stage s)
{
    struct vk_cs *cs = context->cs;
    struct d3d11_shader *shader = stage_shader(context, s);
    bool dual = s == D3D11_STAGE_PS && shader && context->state.blend && context->state.blend->dual_source;
    struct vk_shader *vk;
    struct vk_cmd_bind_shader *c;

    if (!d3d11_so_variant(context, s, shader, &vk))
        vk = dual ? shader_backend_dual(context, shader) : shader_backend(context, shader);

    if ((c = vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_BIND_SHADER, sizeof(*c))))
    {
        c->stage = s;
        c->shader = vk;
        if (vk)
            ref(cs, &vk->obj);
    }
    context->draw.cb_used[s] = shader_cb_mask(vk);
    if (s == D3D11_STAGE_PS)
        context->draw.ps_dual = dual;
}

static void record_cbs(struct d3d11_context *context, enum d3d11_stage s, uint32_t mask)
{
    struct d3d11_stage_state *stage = &context->state.stages[s];
    struct desc_batch b;

    b.cs = context->cs;
    b.stage = s;
    b.kind = DXBC_BINDING_CBV;
    b.count = 0;
    while (mask)
    {
        unsigned int i = __builtin_ctz(mask);
        const struct d3d11_cb_binding *cb = &stage->cbs[i];
        struct vk_descriptor_entry *e = batch_add(&b, i);

        mask &= mask - 1;
        context->draw.cb_slices[s][i] = NULL;
        if (cb->buffer && cb->buffer->backend && cb->buffer->backend->buffer)
        {
            struct vk_buffer *buffer = cb->buffer->backend->buffer;
            VkDeviceSize start = (VkDeviceSize)cb->first * 16;
            const uint8_t *data;
            struct vk_bufref bref;
            void *ptr;

            e->range = cb_range(cb, buffer);
            context->draw.cb_slices[s][i] = buffer->slice;
            if (!e->range)
                continue;
            /* A renamable (Map WRITE_DISCARD) buffer's contents are copied into the stream's
             * upload ring: consecutive copies share one VkBuffer, so the worker only changes a
             * dynamic offset instead of writing a new descriptor set. */
            if (cb_copied(stage, i, buffer) && (data = vk_buffer_map(buffer))
                    && vk_cs_staging_alloc(b.cs, e->range, context->draw.ubo_align, &bref, &ptr))
            {
                memcpy(ptr, data + start, e->range);
                e->buffer = bref.buffer;
                e->offset = bref.offset;
                ref(b.cs, bref.owner);
                continue;
            }
            d3d11_resource_init_contents(cb->buffer, b.cs);
            vk_buffer_ref(buffer, start, &bref);
            e->buffer = bref.buffer;
            e->offset = bref.offset;
            ref(b.cs, bref.owner);
        }
    }
    batch_flush(&b);
}

static void record_samplers(struct d3d11_context *context, enum d3d11_stage s, uint32_t mask)
{
    struct d3d11_stage_state *stage = &context->state.stages[s];
    struct desc_batch b;

    b.cs = context->cs;
    b.stage = s;
    b.kind = DXBC_BINDING_SAMPLER;
    b.count = 0;
    while (mask)
    {
        unsigned int i = __builtin_ctz(mask);
        struct vk_descriptor_entry *e = batch_add(&b, i);

        mask &= mask - 1;
        if (stage->samplers[i])
        {
            e->sampler = stage->samplers[i]->sampler;
            if (stage->samplers[i]->sampler_obj)
                ref(context->cs, stage->samplers[i]->sampler_obj);
        }
    }
    batch_flush(&b);
}

/* Remembers which SRV slots hold views of renamable buffers (see touch_srvs). */
static void track_srv(struct d3d11_context *context, enum d3d11_stage s, unsigned int i, const struct d3d11_view *v)
{
    uint64_t bit = 1ull << (i & 63);
    struct vk_buffer *buffer;

    if (v && v->backend && v->resource->dimension == D3D11_RESOURCE_DIMENSION_BUFFER && v->resource->backend
            && (buffer = v->resource->backend->buffer) && (buffer->desc.flags & VK_BUF_DISCARDABLE))
    {
        context->draw.srv_renamable[s][i >> 6] |= bit;
        context->draw.srv_slices[s][i] = buffer->slice;
    }
    else
        context->draw.srv_renamable[s][i >> 6] &= ~bit;
}

static void record_views(struct d3d11_context *context, enum d3d11_stage s, enum dxbc_binding_kind kind,
        struct d3d11_view *const *views, const uint64_t *dirty, unsigned int halves)
{
    struct desc_batch b;
    unsigned int h;

    b.cs = context->cs;
    b.stage = s;
    b.kind = kind;
    b.count = 0;
    for (h = 0; h < halves; ++h)
    {
        uint64_t mask = dirty[h];

        while (mask)
        {
            unsigned int i = h * 64 + __builtin_ctzll(mask);

            mask &= mask - 1;
            view_entry(b.cs, views[i], batch_add(&b, i));
            if (kind == DXBC_BINDING_SRV)
                track_srv(context, s, i, views[i]);
        }
    }
    batch_flush(&b);
}

/* SRVs of renamed buffers are recorded again (they name the slice current at the draw); an
 * unchanged renamable slice is marked used by this draw, as constant buffers are. */
static void touch_srvs(struct d3d11_context *context, enum d3d11_stage s)
{
    uint64_t renamed[2] = { 0, 0 }, mask;
    unsigned int h, i;

    if (!(context->draw.srv_renamable[s][0] | context->draw.srv_renamable[s][1]))
        return;
    for (h = 0; h < 2; ++h)
        for (mask = context->draw.srv_renamable[s][h]; mask; mask &= mask - 1)
        {
            struct vk_buffer *buffer;

            i = h * 64 + __builtin_ctzll(mask);
            buffer = context->state.stages[s].srvs[i]->resource->backend->buffer;
            if ((const void *)buffer->slice != context->draw.srv_slices[s][i])
                renamed[h] |= 1ull << (i & 63);
            else
                ref(context->cs, &buffer->slice->obj);
        }
    if (renamed[0] | renamed[1])
        record_views(context, s, DXBC_BINDING_SRV, context->state.stages[s].srvs, renamed, 2);
}

/* UAV initial counts (append/consume): written into the hidden counters before the draw. */
static void record_uav_counts(struct d3d11_context *context, struct d3d11_view *const *views, const UINT *counts,
        uint64_t *pending)
{
    uint64_t mask = *pending;

    while (mask)
    {
        unsigned int i = __builtin_ctzll(mask);
        struct d3d11_view *v = views[i];

        mask &= mask - 1;
        if (v && v->backend && v->backend->counter && counts[i] != ~0u)
        {
            struct vk_bufref dst;

            vk_buffer_ref(v->backend->counter, 0, &dst);
            vk_cs_cmd_fill_buffer(context->cs, &dst, 4, counts[i]);
        }
    }
    *pending = 0;
}

static void flush_stage(struct d3d11_context *context, enum d3d11_stage s, uint64_t dirty, bool all)
{
    struct d3d11_stage_state *stage = &context->state.stages[s];

    if (all || (dirty & D3D11_DIRTY_SHADER(s)))
        record_shader(context, s);
    if (all)
        record_cbs(context, s, (1u << D3D11_CB_SLOTS) - 1);
    else if (dirty & D3D11_DIRTY_CBS(s))
        record_cbs(context, s, stage->dirty_cbs);
    if (all)
        record_samplers(context, s, (1u << D3D11_SAMPLER_SLOTS) - 1);
    else if (dirty & D3D11_DIRTY_SAMPLERS(s))
        record_samplers(context, s, stage->dirty_samplers);
    if (all)
    {
        static const uint64_t everything[2] = { ~0ull, ~0ull };
        record_views(context, s, DXBC_BINDING_SRV, stage->srvs, everything, 2);
    }
    else if (dirty & D3D11_DIRTY_SRVS(s))
        record_views(context, s, DXBC_BINDING_SRV, stage->srvs, stage->dirty_srvs, 2);
    stage->dirty_cbs = stage->dirty_samplers = 0;
    stage->dirty_srvs[0] = stage->dirty_srvs[1] = 0;
}

/* Input assembler and fixed-function state ------------------------------------------------ */

static void record_input_layout(struct d3d11_context *context)
{
    const struct d3d11_input_layout *l = context->state.input_layout;
    struct vk_cmd_set_input_layout *c;
    uint32_t i, slots;

    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_SET_INPUT_LAYOUT, sizeof(*c))))
        return;
    if (!l)
        return;
    c->attribute_count = d3d11vk_min(l->attribute_count, (UINT)VK_MAX_VERTEX_ATTRIBUTES);
    for (i = 0; i < c->attribute_count; ++i)
    {
        c->attributes[i].location = (uint8_t)l->attributes[i].location;
        c->attributes[i].binding = (uint8_t)l->attributes[i].binding;
        c->attributes[i].offset = (uint16_t)l->attributes[i].offset;
        c->attributes[i].format = l->attributes[i].format;
    }
    for (slots = l->slot_mask; slots; slots &= slots - 1)
    {
        unsigned int slot = __builtin_ctz(slots);
        struct vk_vertex_binding *b = &c->bindings[c->binding_count++];

        b->binding = (uint8_t)slot;
        b->per_instance = !!(l->instance_mask & (1u << slot));
        b->divisor = b->per_instance ? l->step_rates[slot] : 1;
    }
}

static void record_vertex_buffers(struct d3d11_context *context, uint32_t mask)
{
    struct d3d11_context_state *st = &context->state;
    struct vk_cs *cs = context->cs;

    while (mask)
    {
        uint32_t first = __builtin_ctz(mask), n = 0, i;
        struct vk_cmd_bind_vertex_buffers *c;

        while (first + n < D3D11_VB_SLOTS && (mask & (1u << (first + n))))
            ++n;
        mask &= ~(((n == 32) ? ~0u : ((1u << n) - 1)) << first);
        if (!(c = vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_BIND_VERTEX_BUFFERS, sizeof(*c) + n * sizeof(c->entries[0]))))
            return;
        c->first = first;
        c->count = n;
        for (i = 0; i < n; ++i)
        {
            const struct d3d11_vb_binding *vb = &st->vbs[first + i];
            struct vk_vertex_buffer_entry *e = &c->entries[i];

            context->draw.vb_slices[first + i] = NULL;
            e->stride = vb->stride;
            if (vb->buffer && vb->buffer->backend && vb->buffer->backend->buffer)
            {
                struct vk_buffer *buffer = vb->buffer->backend->buffer;
                struct vk_bufref bref;

                d3d11_resource_init_contents(vb->buffer, cs);
                vk_buffer_ref(buffer, vb->offset, &bref);
                e->buffer = bref.buffer;
                e->offset = bref.offset;
                ref(cs, bref.owner);
                context->draw.vb_slices[first + i] = buffer->slice;
            }
        }
    }
}

static void record_index_buffer(struct d3d11_context *context)
{
    struct d3d11_context_state *st = &context->state;
    struct vk_cmd_bind_index_buffer *c;

    context->draw.ib_slice = NULL;
    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_BIND_INDEX_BUFFER, sizeof(*c))))
        return;
    c->type = st->index_format == DXGI_FORMAT_R32_UINT ? VK_INDEX_TYPE_UINT32 : VK_INDEX_TYPE_UINT16;
    if (st->index_buffer && st->index_buffer->backend && st->index_buffer->backend->buffer)
    {
        struct vk_buffer *buffer = st->index_buffer->backend->buffer;
        struct vk_bufref bref;

        d3d11_resource_init_contents(st->index_buffer, context->cs);
        vk_buffer_ref(buffer, st->index_offset, &bref);
        c->buffer = bref.buffer;
        c->offset = bref.offset;
        ref(context->cs, bref.owner);
        context->draw.ib_slice = buffer->slice;
    }
}

static void topology_state(D3D11_PRIMITIVE_TOPOLOGY t, struct vk_draw_state *s)
{
    static const uint8_t table[14][2] =
    {
        /* D3D11 value -> VkPrimitiveTopology, class */
        [D3D11_PRIMITIVE_TOPOLOGY_POINTLIST] = { VK_PRIMITIVE_TOPOLOGY_POINT_LIST, VK_PRIMITIVE_TOPOLOGY_POINT_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_LINELIST] = { VK_PRIMITIVE_TOPOLOGY_LINE_LIST, VK_PRIMITIVE_TOPOLOGY_LINE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP] = { VK_PRIMITIVE_TOPOLOGY_LINE_STRIP, VK_PRIMITIVE_TOPOLOGY_LINE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST] = { VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST, VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP] = { VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP, VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_LINELIST_ADJ] = { VK_PRIMITIVE_TOPOLOGY_LINE_LIST_WITH_ADJACENCY, VK_PRIMITIVE_TOPOLOGY_LINE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP_ADJ] = { VK_PRIMITIVE_TOPOLOGY_LINE_STRIP_WITH_ADJACENCY, VK_PRIMITIVE_TOPOLOGY_LINE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST_ADJ] = { VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST_WITH_ADJACENCY, VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST },
        [D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP_ADJ] = { VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP_WITH_ADJACENCY, VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST },
    };

    if (t >= D3D11_PRIMITIVE_TOPOLOGY_1_CONTROL_POINT_PATCHLIST && t <= D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST)
    {
        s->topology = s->topology_class = VK_PRIMITIVE_TOPOLOGY_PATCH_LIST;
        s->patch_control_points = (uint8_t)(t - D3D11_PRIMITIVE_TOPOLOGY_1_CONTROL_POINT_PATCHLIST + 1);
        return;
    }
    if ((unsigned int)t < ARRAY_SIZE(table) && (table[t][0] || t == D3D11_PRIMITIVE_TOPOLOGY_POINTLIST))
    {
        s->topology = table[t][0];
        s->topology_class = table[t][1];
        return;
    }
    /* UNDEFINED: D3D11 draws nothing; points keep the pipeline valid. */
    s->topology = s->topology_class = VK_PRIMITIVE_TOPOLOGY_POINT_LIST;
}

static void record_state(struct d3d11_context *context)
{
    const struct d3d11_context_state *st = &context->state;
    const struct d3d11_rasterizer_state *rs = st->rasterizer;
    const struct d3d11_blend_state *bs = st->blend;
    const struct d3d11_depthstencil_state *ds = st->depth_stencil;
    struct vk_cmd_set_state *c;
    struct vk_draw_state *s;
    unsigned int i;

    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_SET_STATE, sizeof(*c))))
        return;
    s = &c->state;
    topology_state(st->topology, s);
    if (rs)
    {
        s->fill_mode = rs->polygon_mode;
        s->cull_mode = rs->cull_mode;
        s->front_face = rs->front_face;
        s->depth_bias_enable = rs->depth_bias_enable;
        s->depth_bias_constant = rs->depth_bias_constant;
        s->depth_bias_clamp = rs->depth_bias_clamp;
        s->depth_bias_slope = rs->depth_bias_slope;
        s->depth_clip = rs->depth_clip_enable;
        s->scissor_enable = rs->scissor_enable;
        s->conservative = rs->conservative;
        s->forced_samples = (uint8_t)rs->forced_samples;
    }
    else
    {
        /* D3D11 default rasterizer: solid, back faces culled, clockwise front, depth clip on. */
        s->fill_mode = VK_POLYGON_MODE_FILL;
        s->cull_mode = VK_CULL_MODE_BACK_BIT;
        s->front_face = VK_FRONT_FACE_CLOCKWISE;
        s->depth_clip = 1;
    }
    s->depth_clamp = !s->depth_clip;
    for (i = 0; i < VK_MAX_RENDER_TARGETS; ++i)
    {
        struct vk_blend_attachment *a = &s->blend[i];

        if (bs)
        {
            const VkPipelineColorBlendAttachmentState *b = &bs->attachments[i];

            a->enable = (uint8_t)b->blendEnable;
            a->write_mask = (uint8_t)b->colorWriteMask;
            a->src_color = (uint8_t)b->srcColorBlendFactor;
            a->dst_color = (uint8_t)b->dstColorBlendFactor;
            a->color_op = (uint8_t)b->colorBlendOp;
            a->src_alpha = (uint8_t)b->srcAlphaBlendFactor;
            a->dst_alpha = (uint8_t)b->dstAlphaBlendFactor;
            a->alpha_op = (uint8_t)b->alphaBlendOp;
        }
        else
        {
            a->write_mask = 0xf;
            a->src_color = a->src_alpha = VK_BLEND_FACTOR_ONE;
        }
    }
    if (bs)
    {
        s->alpha_to_coverage = (uint8_t)bs->alpha_to_coverage;
        s->logic_op_enable = (uint8_t)bs->logic_op_enable;
        s->logic_op = bs->logic_op_enable ? (uint8_t)bs->logic_op : 0;
    }
    s->sample_mask = st->sample_mask;
    if (ds)
    {
        s->depth_test = (uint8_t)ds->depth_test;
        s->depth_write = (uint8_t)ds->depth_write;
        s->depth_compare = ds->depth_compare;
        s->stencil_test = (uint8_t)ds->stencil_test;
        s->front = ds->front;
        s->back = ds->back;
    }
    else
    {
        /* D3D11 default: depth test LESS with writes, no stencil (masks 0xff, ops KEEP, ALWAYS). */
        s->depth_test = s->depth_write = 1;
        s->depth_compare = VK_COMPARE_OP_LESS;
        s->front.compareOp = s->back.compareOp = VK_COMPARE_OP_ALWAYS;
        s->front.compareMask = s->back.compareMask = 0xff;
        s->front.writeMask = s->back.writeMask = 0xff;
    }
    s->front.reference = s->back.reference = 0;
    s->stencil_ref = st->stencil_ref;
    memcpy(s->blend_factor, st->blend_factor, sizeof(s->blend_factor));
}

static void record_viewports(struct d3d11_context *context)
{
    const struct d3d11_context_state *st = &context->state;
    struct vk_cmd_set_viewports *c;
    unsigned int i;

    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_SET_VIEWPORTS, sizeof(*c))))
        return;
    c->viewport_count = d3d11vk_min(st->viewport_count, 16u);
    c->scissor_count = d3d11vk_min(st->scissor_count, 16u);
    for (i = 0; i < c->viewport_count; ++i)
    {
        c->viewports[i].x = st->viewports[i].TopLeftX;
        c->viewports[i].y = st->viewports[i].TopLeftY;
        c->viewports[i].width = st->viewports[i].Width;
        c->viewports[i].height = st->viewports[i].Height;
        c->viewports[i].minDepth = st->viewports[i].MinDepth;
        c->viewports[i].maxDepth = st->viewports[i].MaxDepth;
    }
    for (i = 0; i < c->scissor_count; ++i)
    {
        const D3D11_RECT *r = &st->scissors[i];

        c->scissors[i].offset.x = d3d11vk_max(r->left, 0);
        c->scissors[i].offset.y = d3d11vk_max(r->top, 0);
        c->scissors[i].extent.width = r->right > c->scissors[i].offset.x ? (uint32_t)(r->right - c->scissors[i].offset.x) : 0;
        c->scissors[i].extent.height = r->bottom > c->scissors[i].offset.y ? (uint32_t)(r->bottom - c->scissors[i].offset.y) : 0;
    }
}

static void record_render_targets(struct d3d11_context *context)
{
    const struct d3d11_context_state *st = &context->state;
    struct vk_cmd_set_render_targets *c;
    unsigned int i;

    /* Lazy zero-initialisation comes first: its clear must not land after the draws. */
    for (i = 0; i < st->rtv_count && i < VK_MAX_RENDER_TARGETS; ++i)
        if (st->rtvs[i])
            d3d11_resource_init_contents(st->rtvs[i]->resource, context->cs);
    if (st->dsv)
        d3d11_resource_init_contents(st->dsv->resource, context->cs);
    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_SET_RENDER_TARGETS, sizeof(*c))))
        return;
    c->count = d3d11vk_min(st->rtv_count, (UINT)VK_MAX_RENDER_TARGETS);
    for (i = 0; i < c->count; ++i)
        if (st->rtvs[i] && st->rtvs[i]->backend && (c->rtvs[i] = st->rtvs[i]->backend->view))
            ref(context->cs, &c->rtvs[i]->obj);
    if (st->dsv && st->dsv->backend && (c->dsv = st->dsv->backend->view))
    {
        ref(context->cs, &c->dsv->obj);
        if (st->dsv->desc.dsv.Flags & D3D11_DSV_READ_ONLY_DEPTH)
            c->dsv_read_only |= VK_IMAGE_ASPECT_DEPTH_BIT;
        if (st->dsv->desc.dsv.Flags & D3D11_DSV_READ_ONLY_STENCIL)
            c->dsv_read_only |= VK_IMAGE_ASPECT_STENCIL_BIT;
    }
}

/* Constant buffers the stage's shader reads: a Map(WRITE_DISCARD) rename is rebound; an
 * unchanged renamable slice is marked used by this draw, so that the next Map(WRITE_DISCARD)
 * renames it instead of writing over what this draw will read. */
static void touch_cbs(struct d3d11_context *context, enum d3d11_stage s)
{
    struct d3d11_stage_state *stage = &context->state.stages[s];
    uint32_t mask = stage->cb_mask & context->draw.cb_used[s], renamed = 0;

    while (mask)
    {
        unsigned int i = __builtin_ctz(mask);
        struct d3d11_resource *r = stage->cbs[i].buffer;
        struct vk_buffer *buffer;

        mask &= mask - 1;
        if (!r->backend || !(buffer = r->backend->buffer) || !(buffer->desc.flags & VK_BUF_DISCARDABLE))
            continue;
        /* Copied ones are copied again for every draw: Map(WRITE_DISCARD) of a slice the GPU is
         * done with writes in place, so only the contents tell what changed. */
        if (cb_copied(stage, i, buffer) || (const void *)buffer->slice != context->draw.cb_slices[s][i])
            renamed |= 1u << i;
        else
            ref(context->cs, &buffer->slice->obj);   /* bound in place */
    }
    if (renamed)
        record_cbs(context, s, renamed);
}

#define STATE_BITS (D3D11_DIRTY_TOPOLOGY | D3D11_DIRTY_RASTERIZER | D3D11_DIRTY_BLEND | D3D11_DIRTY_BLEND_FACTOR \
        | D3D11_DIRTY_SAMPLE_MASK | D3D11_DIRTY_DEPTH_STENCIL | D3D11_DIRTY_STENCIL_REF)

/* Everything a draw consumes that changed since the last draw, as binding records. */
static void flush_graphics(struct d3d11_context *context)
{
    struct d3d11_context_state *st = &context->state;
    uint64_t dirty = st->dirty;
    bool all = !context->draw.valid;
    uint32_t vb_mask = st->dirty_vbs, m;
    unsigned int s;

    if (all)
    {
        vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_RESET_BINDINGS, sizeof(struct vk_cmd_header));
        memset(&context->draw, 0, sizeof(context->draw));
        context->draw.valid = true;
        context->draw.ubo_align = context->device->vk->adapter->properties.properties.limits.minUniformBufferOffsetAlignment;
        context->draw.cs_stale = true;   /* the reset dropped the compute bindings too */
        dirty = D3D11_DIRTY_ALL;
        vb_mask = (uint32_t)((1ull << D3D11_VB_SLOTS) - 1);
    }
    if (dirty & D3D11_DIRTY_GRAPHICS)
    {
        if (dirty & (D3D11_DIRTY_SHADER(D3D11_STAGE_GS) | D3D11_DIRTY_SHADER(D3D11_STAGE_DS)))   /* SO may change the VS or DS */
            dirty |= D3D11_DIRTY_SHADER(D3D11_STAGE_VS) | D3D11_DIRTY_SHADER(D3D11_STAGE_DS);
        /* A blend state change between dual-source and not switches the PS variant. */
        if ((dirty & D3D11_DIRTY_BLEND) && context->draw.ps_dual != (st->blend && st->blend->dual_source))
            dirty |= D3D11_DIRTY_SHADER(D3D11_STAGE_PS);
        for (s = D3D11_STAGE_VS; s <= D3D11_STAGE_PS; ++s)
            if (dirty & D3D11_DIRTY_STAGE_ALL(s))
                flush_stage(context, s, dirty, all);
        if (dirty & D3D11_DIRTY_UAVS)
        {
            static const uint64_t everything[2] = { ~0ull, 0 };
            record_views(context, D3D11_STAGE_PS, DXBC_BINDING_UAV, st->uavs, all ? everything : &st->dirty_uavs, 1);
            st->dirty_uavs = 0;
        }
        if (dirty & D3D11_DIRTY_INPUT_LAYOUT)
            record_input_layout(context);
        if (dirty & STATE_BITS)
            record_state(context);
        if (dirty & (D3D11_DIRTY_VIEWPORTS | D3D11_DIRTY_SCISSORS))
            record_viewports(context);
        if (dirty & D3D11_DIRTY_RENDER_TARGETS)
            record_render_targets(context);
        if (dirty & D3D11_DIRTY_SO_TARGETS)
            d3d11_so_record_targets(context);
    }
    for (s = D3D11_STAGE_VS; s <= D3D11_STAGE_PS; ++s)
    {
        touch_cbs(context, s);
        touch_srvs(context, s);
    }
    /* Vertex and index buffers, including renamed ones (dynamic buffers). */
    for (m = st->vb_mask & ~vb_mask; m; m &= m - 1)
    {
        unsigned int i = __builtin_ctz(m);
        struct d3d11_resource *r = st->vbs[i].buffer;

        if (!r->backend || !r->backend->buffer || !(r->backend->buffer->desc.flags & VK_BUF_DISCARDABLE))
            continue;
        if ((const void *)r->backend->buffer->slice != context->draw.vb_slices[i])
            vb_mask |= 1u << i;
        else
            ref(context->cs, &r->backend->buffer->slice->obj);
    }
    if (vb_mask)
        record_vertex_buffers(context, vb_mask);
    st->dirty_vbs = 0;
    if ((dirty & D3D11_DIRTY_INDEX_BUFFER) || (st->index_buffer && st->index_buffer->backend
            && st->index_buffer->backend->buffer && (const void *)st->index_buffer->backend->buffer->slice != context->draw.ib_slice))
        record_index_buffer(context);
    else if (st->index_buffer && st->index_buffer->backend && st->index_buffer->backend->buffer
            && (st->index_buffer->backend->buffer->desc.flags & VK_BUF_DISCARDABLE))
        ref(context->cs, &st->index_buffer->backend->buffer->slice->obj);
    if (st->uav_counts_pending)
        record_uav_counts(context, st->uavs, st->uav_initial_counts, &st->uav_counts_pending);
    st->dirty &= ~D3D11_DIRTY_GRAPHICS;
}

static void flush_compute(struct d3d11_context *context)
{
    struct d3d11_context_state *st = &context->state;
    uint64_t dirty = st->dirty;
    bool all;

    if (!context->draw.valid)
        flush_graphics(context);   /* records everything (and resets the backend) first */
    if ((all = context->draw.cs_stale))
    {
        dirty = D3D11_DIRTY_ALL;
        context->draw.cs_stale = false;
    }
    flush_stage(context, D3D11_STAGE_CS, dirty, all);
    if (all || (dirty & D3D11_DIRTY_CS_UAVS))
    {
        static const uint64_t everything[2] = { ~0ull, 0 };
        record_views(context, D3D11_STAGE_CS, DXBC_BINDING_UAV, st->cs_uavs, all ? everything : &st->dirty_cs_uavs, 1);
        st->dirty_cs_uavs = 0;
    }
    touch_cbs(context, D3D11_STAGE_CS);
    touch_srvs(context, D3D11_STAGE_CS);
    if (st->cs_uav_counts_pending)
        record_uav_counts(context, st->cs_uavs, st->cs_uav_initial_counts, &st->cs_uav_counts_pending);
    st->dirty &= ~D3D11_DIRTY_COMPUTE;
}

/* Draws ------------------------------------------------------------------------------------- */

static void draw(struct d3d11_context *context, bool indexed, UINT count, UINT instances, UINT first,
        INT base_vertex, UINT first_instance)
{
    struct vk_cmd_draw *c;
    bool predicated;

    if (!count || !instances || !D3D11_SHARE_DRAW_OK(context, false))
        return;
    flush_graphics(context);
    predicated = context->state.predicate && d3d11_predication_open(context);
    if ((c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_DRAW, sizeof(*c))))
    {
        c->indexed = indexed;
        c->count = count;
        c->instance_count = instances;
        c->first = first;
        c->base_vertex = base_vertex;
        c->first_instance = first_instance;
    }
    if (predicated)
        d3d11_predication_close(context);
}

static void draw_indirect(struct d3d11_context *context, enum vk_draw_cmd_type type, bool indexed,
        ID3D11Buffer *args, UINT offset)
{
    struct d3d11_resource *r = args ? d3d11_buffer_from_iface(args) : NULL;
    struct vk_cmd_draw_indirect *c;
    struct vk_bufref bref;
    bool predicated;

    if (!r || !r->backend || !r->backend->buffer || (offset & 3))
        return;
    if (!(r->misc_flags & D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS))
    {
        LOG_WARN("Indirect arguments in a buffer without D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS.");
        return;
    }
    if (!D3D11_SHARE_DRAW_OK(context, type == VK_CMD_DISPATCH_INDIRECT)
            || !d3d11_resource_usable(r, false, context->type == D3D11_DEVICE_CONTEXT_IMMEDIATE))
        return;
    d3d11_resource_init_contents(r, context->cs);
    if (type == VK_CMD_DISPATCH_INDIRECT)
        flush_compute(context);
    else
        flush_graphics(context);
    predicated = context->state.predicate && d3d11_predication_open(context);
    if ((c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)type, sizeof(*c))))
    {
        vk_buffer_ref(r->backend->buffer, offset, &bref);
        c->indexed = indexed;
        c->buffer = bref.buffer;
        c->offset = bref.offset;
        ref(context->cs, bref.owner);
    }
    if (predicated)
        d3d11_predication_close(context);
}

void STDMETHODCALLTYPE d3d11_context_DrawIndexed(ID3D11DeviceContext4 *iface, UINT IndexCount, UINT StartIndexLocation, INT BaseVertexLocation)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw(context, true, IndexCount, 1, StartIndexLocation, BaseVertexLocation, 0);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_Draw(ID3D11DeviceContext4 *iface, UINT VertexCount, UINT StartVertexLocation)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw(context, false, VertexCount, 1, StartVertexLocation, 0, 0);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstanced(ID3D11DeviceContext4 *iface, UINT IndexCountPerInstance, UINT InstanceCount, UINT StartIndexLocation, INT BaseVertexLocation, UINT StartInstanceLocation)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw(context, true, IndexCountPerInstance, InstanceCount, StartIndexLocation, BaseVertexLocation, StartInstanceLocation);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DrawInstanced(ID3D11DeviceContext4 *iface, UINT VertexCountPerInstance, UINT InstanceCount, UINT StartVertexLocation, UINT StartInstanceLocation)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw(context, false, VertexCountPerInstance, InstanceCount, StartVertexLocation, 0, StartInstanceLocation);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DrawAuto(ID3D11DeviceContext4 *iface)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context), predicated;

    /* The keyed-mutex rule as for other draws: the SO target read as vertex buffer 0 is one
     * of the bound vertex buffers the check covers. */
    if (!D3D11_SHARE_DRAW_OK(context, false))
    {
        ctx_unlock(context, locked);
        return;
    }
    flush_graphics(context);
    predicated = context->state.predicate && d3d11_predication_open(context);
    d3d11_so_record_draw_auto(context);
    if (predicated)
        d3d11_predication_close(context);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw_indirect(context, VK_CMD_DRAW_INDIRECT, true, pBufferForArgs, AlignedByteOffsetForArgs);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DrawInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw_indirect(context, VK_CMD_DRAW_INDIRECT, false, pBufferForArgs, AlignedByteOffsetForArgs);
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_Dispatch(ID3D11DeviceContext4 *iface, UINT ThreadGroupCountX, UINT ThreadGroupCountY, UINT ThreadGroupCountZ)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);
    struct vk_cmd_dispatch *c;

    /* D3D11: each dimension is at most 65535 groups; larger dispatches are dropped. */
    if (ThreadGroupCountX && ThreadGroupCountY && ThreadGroupCountZ
            && ThreadGroupCountX <= D3D11_CS_DISPATCH_MAX_THREAD_GROUPS_PER_DIMENSION
            && ThreadGroupCountY <= D3D11_CS_DISPATCH_MAX_THREAD_GROUPS_PER_DIMENSION
            && ThreadGroupCountZ <= D3D11_CS_DISPATCH_MAX_THREAD_GROUPS_PER_DIMENSION
            && D3D11_SHARE_DRAW_OK(context, true))
    {
        bool predicated;

        flush_compute(context);
        predicated = context->state.predicate && d3d11_predication_open(context);
        if ((c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_DISPATCH, sizeof(*c))))
        {
            c->x = ThreadGroupCountX;
            c->y = ThreadGroupCountY;
            c->z = ThreadGroupCountZ;
        }
        if (predicated)
            d3d11_predication_close(context);
    }
    ctx_unlock(context, locked);
}

void STDMETHODCALLTYPE d3d11_context_DispatchIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);

    draw_indirect(context, VK_CMD_DISPATCH_INDIRECT, false, pBufferForArgs, AlignedByteOffsetForArgs);
    ctx_unlock(context, locked);
}
