/* cmd_draw.c — the backend draw context: replays binding, draw and dispatch records into the
 * worker's command buffer. Descriptor sets per stage from pooled sets recycled by timeline
 * value, pipelines looked up only when their key changed, dynamic state set only when it
 * changed, dynamic rendering begun lazily and ended by non-draw work. */
#include "vk_draw.h"
#include "vk_so.h"
#include "vk_core_private.h"

#define POOL_SETS 1024u
#define MAX_INITS 32u

enum
{
    DYN_VIEWPORT = 0x1,
    DYN_RASTER   = 0x2,                  /* cull mode, front face, depth bias */
    DYN_DEPTH    = 0x4,                  /* depth/stencil test, ops, masks, reference */
    DYN_TOPOLOGY = 0x8,                  /* topology, primitive restart */
    DYN_BLEND    = 0x10,                 /* blend constants */
    DYN_ALL      = 0x1f,
};

struct desc_pool
{
    VkDescriptorPool pool;
    uint64_t value;                      /* timeline value of its last use; UINT64_MAX: the open command buffer */
};

struct stage_bindings
{
    struct vk_shader *shader;
    struct vk_descriptor_entry cbs[DXBC_MAX_CBV_SLOTS], samplers[DXBC_MAX_SAMPLER_SLOTS];
    struct vk_descriptor_entry srvs[DXBC_MAX_SRV_SLOTS], uavs[DXBC_MAX_UAV_SLOTS];
    bool dirty;                          /* the set must be written again */
    bool offsets_dirty;                  /* only dynamic constant-buffer offsets changed: rebind */
    VkDescriptorSet set;                 /* written for the current bindings (this command buffer) */
    /* What the set's dynamic constant buffers were written with (offsets come at bind time). */
    VkBuffer cb_written[DXBC_MAX_CBV_SLOTS];
    VkDeviceSize cb_range_written[DXBC_MAX_CBV_SLOTS];
};

struct vk_draw_ctx
{
    struct vk_device *device;
    VkCommandBuffer cb;                  /* the command buffer the bound state applies to */
    struct stage_bindings stages[VK_DRAW_STAGE_COUNT];

    struct desc_pool *pools;
    uint32_t pool_count, pool_capacity;
    int current_pool;

    /* Graphics */
    struct vk_cmd_set_input_layout layout;
    struct vk_draw_state state;
    struct vk_cmd_set_viewports viewports;
    struct vk_vertex_buffer_entry vbs[VK_MAX_VERTEX_ATTRIBUTES];
    uint32_t vb_dirty;
    struct vk_cmd_bind_index_buffer ib;
    bool ib_dirty;
    struct vk_cmd_set_render_targets rts;
    struct vk_graphics_key key;
    bool key_dirty;
    uint32_t dyn_dirty;
    const struct vk_pipeline *pipeline; /* for the current key */
    bool pipeline_dirty;                 /* not bound in this command buffer yet */
    const struct vk_pipeline_layout *layout_bound;
    bool rendering;
    bool indexed_restart;                /* strip topology: primitive restart on */
    struct vk_so_state so;               /* stream output (cmd_so.c) */
    bool pipeline_xfb;                   /* the key's last geometry stage captures */

    /* Compute */
    const struct vk_pipeline *compute;
    bool compute_dirty;

    bool gpu_writes;                     /* draws or dispatches wrote since the last barrier */
    bool key_uav_writes;                 /* a shader of the current key writes UAVs */
    bool draw_uav_writes;                /* a draw in the open rendering wrote UAVs */
    VkImageMemoryBarrier inits[MAX_INITS];
    uint32_t init_count;

    VkSampler default_sampler;
    bool null_descriptor;
    VkDeviceSize max_ubo_range;
};

/* ---------------------------------------------------------------------------------------
 * Creation */

static struct vk_draw_ctx *ctx_create(struct vk_device *device)
{
    VkSamplerCreateInfo si = { VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO };
    struct vk_draw_ctx *ctx;

    if (!(ctx = calloc(1, sizeof(*ctx))))
        return NULL;
    ctx->device = device;
    ctx->current_pool = -1;
    ctx->null_descriptor = device->enabled.robustness2.nullDescriptor;
    ctx->max_ubo_range = device->adapter->properties.properties.limits.maxUniformBufferRange;
    /* D3D11's default sampler: trilinear, clamp, no comparison (unbound sampler slots). */
    si.magFilter = si.minFilter = VK_FILTER_LINEAR;
    si.mipmapMode = VK_SAMPLER_MIPMAP_MODE_LINEAR;
    si.addressModeU = si.addressModeV = si.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    si.maxLod = VK_LOD_CLAMP_NONE;
    if (device->vk.vkCreateSampler(device->device, &si, NULL, &ctx->default_sampler) != VK_SUCCESS)
        ctx->default_sampler = VK_NULL_HANDLE;
    ctx->state.sample_mask = ~0u;
    ctx->key_dirty = true;
    ctx->compute_dirty = true;
    if (!ctx->null_descriptor)
        FIXME("Unbound resource slots need robustness2 nullDescriptor on this device.");
    return ctx;
}

void vk_draw_ctx_destroy(struct vk_draw_ctx *ctx)
{
    struct vk_device *device;
    uint32_t i;

    if (!ctx)
        return;
    device = ctx->device;
    vk_so_destroy(&ctx->so);
    for (i = 0; i < ctx->pool_count; ++i)
        device->vk.vkDestroyDescriptorPool(device->device, ctx->pools[i].pool, NULL);
    if (ctx->default_sampler)
        device->vk.vkDestroySampler(device->device, ctx->default_sampler, NULL);
    free(ctx->pools);
    free(ctx);
}

/* ---------------------------------------------------------------------------------------
 * Descriptor pools: a ring of pools, each reset once the timeline passed its last use. */

static bool new_pool(struct vk_draw_ctx *ctx)
{
    static const VkDescriptorPoolSize sizes[] =
    {
        { VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, POOL_SETS * 4 },
        { VK_DESCRIPTOR_TYPE_SAMPLER, POOL_SETS * 2 },
        { VK_DESCRIPTOR_TYPE_SAMPLED_IMAGE, POOL_SETS * 4 },
        { VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER, POOL_SETS },
        { VK_DESCRIPTOR_TYPE_STORAGE_IMAGE, POOL_SETS },
        { VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER, POOL_SETS },
        { VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, POOL_SETS * 2 },
    };
    VkDescriptorPoolCreateInfo info = { VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO };
    struct vk_device *device = ctx->device;
    VkDescriptorPool pool;

    if (ctx->pool_count == ctx->pool_capacity)
    {
        uint32_t cap = ctx->pool_capacity ? ctx->pool_capacity * 2 : 8;
        struct desc_pool *p = realloc(ctx->pools, cap * sizeof(*p));

        if (!p)
            return false;
        ctx->pools = p;
        ctx->pool_capacity = cap;
    }
    info.maxSets = POOL_SETS;
    info.poolSizeCount = ARRAY_SIZE(sizes);
    info.pPoolSizes = sizes;
    if (device->vk.vkCreateDescriptorPool(device->device, &info, NULL, &pool) != VK_SUCCESS)
        return false;
    ctx->pools[ctx->pool_count].pool = pool;
    ctx->pools[ctx->pool_count].value = 0;
    ctx->current_pool = (int)ctx->pool_count++;
    return true;
}

static bool next_pool(struct vk_draw_ctx *ctx)
{
    struct vk_device *device = ctx->device;
    uint64_t completed = vk_device_timeline_completed(device);
    uint32_t i;

    for (i = 0; i < ctx->pool_count; ++i)
    {
        if ((int)i == ctx->current_pool || ctx->pools[i].value > completed)
            continue;
        device->vk.vkResetDescriptorPool(device->device, ctx->pools[i].pool, 0);
        ctx->current_pool = (int)i;
        return true;
    }
    return new_pool(ctx);
}

static VkDescriptorSet alloc_set(struct vk_draw_ctx *ctx, VkDescriptorSetLayout layout)
{
    VkDescriptorSetAllocateInfo info = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO };
    struct vk_device *device = ctx->device;
    VkDescriptorSet set;
    unsigned int attempt;
    VkResult vr;

    info.descriptorSetCount = 1;
    info.pSetLayouts = &layout;
    for (attempt = 0; attempt < 2; ++attempt)
    {
        if (ctx->current_pool < 0 && !next_pool(ctx))
            return VK_NULL_HANDLE;
        info.descriptorPool = ctx->pools[ctx->current_pool].pool;
        vr = device->vk.vkAllocateDescriptorSets(device->device, &info, &set);
        if (vr == VK_SUCCESS)
        {
            ctx->pools[ctx->current_pool].value = UINT64_MAX;
            return set;
        }
        if (vr != VK_ERROR_OUT_OF_POOL_MEMORY && vr != VK_ERROR_FRAGMENTED_POOL)
            break;
        ctx->pools[ctx->current_pool].value = UINT64_MAX;   /* used by this command buffer */
        if (!next_pool(ctx))
            return VK_NULL_HANDLE;
    }
    LOG_ERR("Cannot allocate a descriptor set.");
    return VK_NULL_HANDLE;
}

/* Writes the stage's set from its bindings in the order of the shader's binding list. */
static VkDescriptorSet write_set(struct vk_draw_ctx *ctx, struct stage_bindings *sb)
{
    struct vk_shader *shader = sb->shader;
    /* D3D11.1: the output merger's UAVs (recorded for PS) serve every graphics stage. */
    const struct stage_bindings *uav_sb = sb == &ctx->stages[DXBC_STAGE_CS] ? sb : &ctx->stages[DXBC_STAGE_PS];
    union vk_descriptor data[64], *d = data;
    VkDescriptorSet set;
    uint32_t i;

    if (!shader->binding_count)
        return VK_NULL_HANDLE;
    if (shader->binding_count > ARRAY_SIZE(data) && !(d = malloc(shader->binding_count * sizeof(*d))))
        return VK_NULL_HANDLE;
    for (i = 0; i < shader->binding_count; ++i)
    {
        const struct vk_shader_binding *b = &shader->bindings[i];
        const struct vk_descriptor_entry *e;
        uint32_t slot = b->slot;

        switch (b->kind)
        {
            case DXBC_BINDING_CBV: e = &sb->cbs[slot % DXBC_MAX_CBV_SLOTS]; break;
            case DXBC_BINDING_SAMPLER: e = &sb->samplers[slot % DXBC_MAX_SAMPLER_SLOTS]; break;
            case DXBC_BINDING_SRV: e = &sb->srvs[slot % DXBC_MAX_SRV_SLOTS]; break;
            default: e = &uav_sb->uavs[slot % DXBC_MAX_UAV_SLOTS]; break;
        }
        memset(&d[i], 0, sizeof(d[i]));
        switch (b->type)
        {
            case VK_DESCRIPTOR_TYPE_SAMPLER:
                d[i].image.sampler = e->sampler ? e->sampler : ctx->default_sampler;
                break;
            case VK_DESCRIPTOR_TYPE_SAMPLED_IMAGE:
            case VK_DESCRIPTOR_TYPE_STORAGE_IMAGE:
                d[i].image.imageView = e->view ? e->view->view : VK_NULL_HANDLE;
                d[i].image.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
                break;
            case VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER:
            case VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER:
                d[i].texel = e->texel;
                break;
            case VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC:
                /* Offsets are given at bind time (dynamic_offsets()). */
                d[i].buffer.buffer = e->buffer;
                d[i].buffer.range = e->buffer ? d3d11vk_min(e->range, ctx->max_ubo_range) : VK_WHOLE_SIZE;
                if (b->kind == DXBC_BINDING_CBV && slot < DXBC_MAX_CBV_SLOTS)
                {
                    sb->cb_written[slot] = e->buffer;
                    sb->cb_range_written[slot] = e->range;
                }
                break;
            case VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER:
            case VK_DESCRIPTOR_TYPE_STORAGE_BUFFER:
                if (b->kind == DXBC_BINDING_UAV_COUNTER)
                {
                    d[i].buffer.buffer = e->counter;
                    d[i].buffer.range = e->counter ? 4 : VK_WHOLE_SIZE;
                    break;
                }
                d[i].buffer.buffer = e->buffer;
                d[i].buffer.offset = e->buffer ? e->offset : 0;
                d[i].buffer.range = e->buffer ? e->range : VK_WHOLE_SIZE;
                if (e->buffer && b->type == VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER && d[i].buffer.range > ctx->max_ubo_range)
                    d[i].buffer.range = ctx->max_ubo_range;
                break;
            default:
                break;
        }
    }
    if ((set = alloc_set(ctx, shader->set_layout)))
        vk_shader_write_set(shader, set, d);
    if (d != data)
        free(d);
    return set;
}

/* ---------------------------------------------------------------------------------------
 * Barriers and rendering */

static void queue_init(struct vk_draw_ctx *ctx, struct vk_image *image)
{
    VkImageMemoryBarrier *b;

    if (atomic_load_u32(&image->initialized) || __atomic_exchange_n(&image->initialized, 1, __ATOMIC_ACQ_REL))
        return;
    if (ctx->init_count == MAX_INITS && ctx->cb)
    {
        ctx->device->vk.vkCmdPipelineBarrier(ctx->cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT,
                VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, NULL, 0, NULL, ctx->init_count, ctx->inits);
        ctx->init_count = 0;
    }
    if (ctx->init_count == MAX_INITS)
        return;
    b = &ctx->inits[ctx->init_count++];
    memset(b, 0, sizeof(*b));
    b->sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
    b->dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    b->oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    b->newLayout = VK_IMAGE_LAYOUT_GENERAL;
    b->srcQueueFamilyIndex = b->dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b->image = image->image;
    b->subresourceRange.aspectMask = image->aspects;
    b->subresourceRange.levelCount = VK_REMAINING_MIP_LEVELS;
    b->subresourceRange.layerCount = VK_REMAINING_ARRAY_LAYERS;
}

static void end_rendering(struct vk_draw_ctx *ctx)
{
    if (!ctx->rendering)
        return;
    vk_so_end(&ctx->so, ctx->device, ctx->cb);
    ctx->so.written = false;
    ctx->device->vk.vkCmdEndRendering(ctx->cb);
    ctx->rendering = false;
    ctx->gpu_writes = true;
}

/* Outside rendering: order earlier writes before what comes, and do first-use transitions. */
static void barrier_if_needed(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    if (ctx->gpu_writes || vk_replay_needs_barrier(r))
    {
        vk_replay_full_barrier(r);
        ctx->gpu_writes = false;
    }
    if (ctx->init_count)
    {
        ctx->device->vk.vkCmdPipelineBarrier(ctx->cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT,
                VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, NULL, 0, NULL, ctx->init_count, ctx->inits);
        ctx->init_count = 0;
    }
}

static VkExtent3D view_extent(const struct vk_image_view *v)
{
    VkExtent3D e = v->image->desc.extent;
    uint32_t mip = v->desc.base_mip;

    e.width = d3d11vk_max(1u, e.width >> mip);
    e.height = d3d11vk_max(1u, e.height >> mip);
    e.depth = d3d11vk_max(1u, e.depth >> mip);
    return e;
}

static uint32_t view_layers(const struct vk_image_view *v)
{
    if (v->image->desc.type == VK_IMAGE_TYPE_3D)
        return v->desc.layer_count == VK_REMAINING_ARRAY_LAYERS ? 1 : v->desc.layer_count;
    if (v->desc.layer_count == VK_REMAINING_ARRAY_LAYERS)
        return v->image->desc.array_layers - v->desc.base_layer;
    return v->desc.layer_count;
}

static void begin_rendering(struct vk_draw_ctx *ctx)
{
    VkRenderingAttachmentInfo colors[VK_MAX_RENDER_TARGETS], depth = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingAttachmentInfo stencil;
    VkRenderingInfo ri = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    uint32_t i, w = UINT32_MAX, h = UINT32_MAX, layers = UINT32_MAX;
    const struct vk_image_view *v;

    for (i = 0; i < ctx->rts.count; ++i)
    {
        memset(&colors[i], 0, sizeof(colors[i]));
        colors[i].sType = VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO;
        if (!(v = ctx->rts.rtvs[i]))
            continue;
        colors[i].imageView = v->view;
        colors[i].imageLayout = VK_IMAGE_LAYOUT_GENERAL;
        colors[i].loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
        colors[i].storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        w = d3d11vk_min(w, view_extent(v).width);
        h = d3d11vk_min(h, view_extent(v).height);
        layers = d3d11vk_min(layers, view_layers(v));
    }
    ri.colorAttachmentCount = ctx->rts.count;
    ri.pColorAttachments = colors;
    if ((v = ctx->rts.dsv))
    {
        VkImageAspectFlags aspects = vk_format_aspects(v->desc.format);

        depth.imageView = v->view;
        depth.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
        depth.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
        depth.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
        stencil = depth;
        if (aspects & VK_IMAGE_ASPECT_DEPTH_BIT)
            ri.pDepthAttachment = &depth;
        if (aspects & VK_IMAGE_ASPECT_STENCIL_BIT)
            ri.pStencilAttachment = &stencil;
        w = d3d11vk_min(w, view_extent(v).width);
        h = d3d11vk_min(h, view_extent(v).height);
        layers = d3d11vk_min(layers, view_layers(v));
    }
    if (w == UINT32_MAX)
    {
        /* No attachment (UAV-only rendering): the viewport bounds the area. */
        w = h = 1;
        for (i = 0; i < ctx->viewports.viewport_count; ++i)
        {
            const VkViewport *vp = &ctx->viewports.viewports[i];
            w = d3d11vk_max(w, (uint32_t)d3d11vk_max(0.0f, vp->x + vp->width));
            h = d3d11vk_max(h, (uint32_t)d3d11vk_max(0.0f, vp->y + vp->height));
        }
        layers = 1;
    }
    ri.renderArea.extent.width = w;
    ri.renderArea.extent.height = h;
    ri.layerCount = layers ? layers : 1;
    ctx->device->vk.vkCmdBeginRendering(ctx->cb, &ri);
    ctx->rendering = true;
}

/* ---------------------------------------------------------------------------------------
 * Hooks called by cmd_replay.c */

void vk_draw_suspend(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    if (!ctx)
        return;
    if (ctx->init_count)
    {
        /* First-use transitions queued by bindings precede the command, which may use the image. */
        VkCommandBuffer cb = vk_replay_command_buffer(r);

        end_rendering(ctx);
        if (cb)
            ctx->device->vk.vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT,
                    VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, NULL, 0, NULL, ctx->init_count, ctx->inits);
        ctx->init_count = 0;
    }
    if (!ctx->cb)
        return;
    end_rendering(ctx);
    if (ctx->gpu_writes)
    {
        vk_replay_full_barrier(r);
        ctx->gpu_writes = false;
    }
}

void vk_draw_end_cb(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    (void)r;
    if (!ctx || !ctx->cb)
        return;
    end_rendering(ctx);
    ctx->cb = VK_NULL_HANDLE;
    ctx->gpu_writes = false;
}

void vk_draw_submitted(struct vk_draw_ctx *ctx, uint64_t value)
{
    uint32_t i;

    if (!ctx)
        return;
    vk_so_submitted(&ctx->so, value);
    for (i = 0; i < ctx->pool_count; ++i)
        if (ctx->pools[i].value == UINT64_MAX)
            ctx->pools[i].value = value;
}

/* A new command buffer: every binding and every dynamic state must be set again in it. */
static bool use_cb(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    VkCommandBuffer cb = vk_replay_command_buffer(r);
    unsigned int i;

    if (!cb)
        return false;
    if (cb == ctx->cb)
        return true;
    ctx->cb = cb;
    ctx->rendering = false;
    for (i = 0; i < VK_DRAW_STAGE_COUNT; ++i)
        ctx->stages[i].dirty = true;
    ctx->pipeline_dirty = true;
    ctx->layout_bound = NULL;
    ctx->compute = NULL;
    ctx->compute_dirty = true;
    ctx->dyn_dirty = DYN_ALL;
    ctx->vb_dirty = ~0u;
    ctx->ib_dirty = true;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Records */

static void bind_descriptors(struct vk_draw_ctx *ctx, const struct vk_cmd_bind_descriptors *c)
{
    struct stage_bindings *sb;
    struct vk_descriptor_entry *array;
    uint32_t i, size;

    if (c->stage >= VK_DRAW_STAGE_COUNT)
        return;
    sb = &ctx->stages[c->stage];
    switch (c->kind)
    {
        case DXBC_BINDING_CBV: array = sb->cbs; size = DXBC_MAX_CBV_SLOTS; break;
        case DXBC_BINDING_SAMPLER: array = sb->samplers; size = DXBC_MAX_SAMPLER_SLOTS; break;
        case DXBC_BINDING_SRV: array = sb->srvs; size = DXBC_MAX_SRV_SLOTS; break;
        case DXBC_BINDING_UAV: array = sb->uavs; size = DXBC_MAX_UAV_SLOTS; break;
        default: return;
    }
    for (i = 0; i < c->count; ++i)
    {
        const struct vk_descriptor_entry *e = &c->entries[i];

        if (e->slot >= size)
            continue;
        array[e->slot] = *e;
        if (e->view)
            queue_init(ctx, e->view->image);
        /* A constant buffer at a new offset of the buffer the set holds: a dynamic offset. */
        if (c->kind == DXBC_BINDING_CBV && sb->shader && sb->shader->dynamic_count && !sb->dirty
                && sb->cb_written[e->slot] == e->buffer && sb->cb_range_written[e->slot] == e->range)
            sb->offsets_dirty = true;
        else
            sb->dirty = true;
    }
    if (c->kind == DXBC_BINDING_UAV && c->stage == DXBC_STAGE_PS)
        for (i = DXBC_STAGE_VS; i < DXBC_STAGE_PS; ++i)
            ctx->stages[i].dirty = true;
}

static void set_state(struct vk_draw_ctx *ctx, const struct vk_draw_state *s)
{
    struct vk_draw_state *o = &ctx->state;

    if (o->topology_class != s->topology_class || o->patch_control_points != s->patch_control_points
            || o->fill_mode != s->fill_mode || o->depth_clip != s->depth_clip || o->depth_clamp != s->depth_clamp
            || o->alpha_to_coverage != s->alpha_to_coverage || o->logic_op_enable != s->logic_op_enable
            || o->logic_op != s->logic_op || o->forced_samples != s->forced_samples
            || o->conservative != s->conservative || o->sample_mask != s->sample_mask
            || memcmp(o->blend, s->blend, sizeof(s->blend)))
        ctx->key_dirty = true;
    if (o->topology != s->topology)
        ctx->dyn_dirty |= DYN_TOPOLOGY;
    if (o->cull_mode != s->cull_mode || o->front_face != s->front_face || o->depth_bias_enable != s->depth_bias_enable
            || o->depth_bias_constant != s->depth_bias_constant || o->depth_bias_clamp != s->depth_bias_clamp
            || o->depth_bias_slope != s->depth_bias_slope)
        ctx->dyn_dirty |= DYN_RASTER;
    if (o->depth_test != s->depth_test || o->depth_write != s->depth_write || o->depth_compare != s->depth_compare
            || o->stencil_test != s->stencil_test || memcmp(&o->front, &s->front, sizeof(s->front))
            || memcmp(&o->back, &s->back, sizeof(s->back)) || o->stencil_ref != s->stencil_ref)
        ctx->dyn_dirty |= DYN_DEPTH;
    if (memcmp(o->blend_factor, s->blend_factor, sizeof(s->blend_factor)))
        ctx->dyn_dirty |= DYN_BLEND;
    if (o->scissor_enable != s->scissor_enable)
        ctx->dyn_dirty |= DYN_VIEWPORT;
    *o = *s;
}

static void set_render_targets(struct vk_draw_ctx *ctx, const struct vk_cmd_set_render_targets *c)
{
    uint32_t i;

    end_rendering(ctx);
    ctx->rts = *c;
    if (ctx->rts.count > VK_MAX_RENDER_TARGETS)
        ctx->rts.count = VK_MAX_RENDER_TARGETS;
    for (i = 0; i < ctx->rts.count; ++i)
        if (ctx->rts.rtvs[i])
            queue_init(ctx, ctx->rts.rtvs[i]->image);
    if (ctx->rts.dsv)
        queue_init(ctx, ctx->rts.dsv->image);
    ctx->key_dirty = true;
}

/* Integer colour formats D3D11 render targets map to: they cannot blend. */
static bool format_is_integer(VkFormat f)
{
    switch (f)
    {
        case VK_FORMAT_R8_UINT: case VK_FORMAT_R8_SINT: case VK_FORMAT_R8G8_UINT: case VK_FORMAT_R8G8_SINT:
        case VK_FORMAT_R8G8B8A8_UINT: case VK_FORMAT_R8G8B8A8_SINT: case VK_FORMAT_A2B10G10R10_UINT_PACK32:
        case VK_FORMAT_R16_UINT: case VK_FORMAT_R16_SINT: case VK_FORMAT_R16G16_UINT: case VK_FORMAT_R16G16_SINT:
        case VK_FORMAT_R16G16B16A16_UINT: case VK_FORMAT_R16G16B16A16_SINT: case VK_FORMAT_R32_UINT:
        case VK_FORMAT_R32_SINT: case VK_FORMAT_R32G32_UINT: case VK_FORMAT_R32G32_SINT: case VK_FORMAT_R32G32B32_UINT:
        case VK_FORMAT_R32G32B32_SINT: case VK_FORMAT_R32G32B32A32_UINT: case VK_FORMAT_R32G32B32A32_SINT:
            return true;
        default:
            return false;
    }
}

static void build_key(struct vk_draw_ctx *ctx)
{
    struct vk_graphics_key *k = &ctx->key;
    const struct vk_draw_state *s = &ctx->state;
    VkSampleCountFlagBits samples = 0;
    uint32_t i;

    memset(k, 0, sizeof(*k));
    for (i = 0; i < 5; ++i)
        k->shaders[i] = ctx->stages[i].shader;
    k->attribute_count = d3d11vk_min(ctx->layout.attribute_count, (uint32_t)VK_MAX_VERTEX_ATTRIBUTES);
    k->binding_count = d3d11vk_min(ctx->layout.binding_count, (uint32_t)VK_MAX_VERTEX_ATTRIBUTES);
    memcpy(k->attributes, ctx->layout.attributes, k->attribute_count * sizeof(*k->attributes));
    memcpy(k->bindings, ctx->layout.bindings, k->binding_count * sizeof(*k->bindings));
    k->topology_class = s->topology_class;
    k->patch_control_points = s->topology_class == VK_PRIMITIVE_TOPOLOGY_PATCH_LIST ? s->patch_control_points : 0;
    k->fill_mode = s->fill_mode;
    k->depth_clip = s->depth_clip;
    k->depth_clamp = s->depth_clamp;
    k->alpha_to_coverage = s->alpha_to_coverage;
    k->logic_op_enable = s->logic_op_enable;
    k->logic_op = s->logic_op;
    k->conservative = s->conservative;
    k->sample_mask = s->sample_mask;
    k->rt_count = (uint8_t)ctx->rts.count;
    for (i = 0; i < ctx->rts.count; ++i)
    {
        const struct vk_image_view *v = ctx->rts.rtvs[i];

        k->rt_formats[i] = v ? v->desc.format : VK_FORMAT_UNDEFINED;
        if (v && !samples)
            samples = v->image->desc.samples;
        k->blend[i] = s->blend[i];
        if (v && format_is_integer(v->desc.format))
            k->blend[i].enable = 0;   /* D3D11 bypasses blending there; Vulkan forbids it */
    }
    if (ctx->rts.dsv)
    {
        k->ds_format = ctx->rts.dsv->desc.format;
        if (!samples)
            samples = ctx->rts.dsv->image->desc.samples;
    }
    if (!samples)
    {
        VkSampleCountFlags counts = ctx->device->adapter->properties.properties.limits.framebufferNoAttachmentsSampleCounts;

        samples = s->forced_samples ? s->forced_samples : VK_SAMPLE_COUNT_1_BIT;
        /* Without attachments only the counts the device rasterizes at (lavapipe: 1 and 4). */
        while (samples > VK_SAMPLE_COUNT_1_BIT && !(counts & samples))
            samples >>= 1;
    }
    k->samples = (uint8_t)samples;
    k->rasterized_stream = 0;
    ctx->key_uav_writes = false;
    for (i = 0; i < 5; ++i)
    {
        const struct vk_shader *sh = k->shaders[i];
        uint32_t j;

        for (j = 0; sh && j < sh->info.resource_count; ++j)
            if (sh->info.resources[j].kind == DXBC_BINDING_UAV && (sh->info.resources[j].flags & DXBC_RESOURCE_WRITTEN))
                ctx->key_uav_writes = true;
    }
    ctx->pipeline_xfb = false;
    for (i = DXBC_STAGE_GS + 1; i-- > DXBC_STAGE_VS;)
    {
        /* The last geometry stage decides stream output and the rasterized stream. */
        if (i == DXBC_STAGE_HS || !k->shaders[i])
            continue;
        ctx->pipeline_xfb = k->shaders[i]->xfb;
        if (k->shaders[i]->xfb)
            k->rasterized_stream = k->shaders[i]->rasterized_stream;
        break;
    }
}

static bool is_strip(uint32_t topology)
{
    return topology == VK_PRIMITIVE_TOPOLOGY_LINE_STRIP || topology == VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP
            || topology == VK_PRIMITIVE_TOPOLOGY_LINE_STRIP_WITH_ADJACENCY
            || topology == VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP_WITH_ADJACENCY;
}

static void set_dynamic(struct vk_draw_ctx *ctx)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;
    const struct vk_draw_state *s = &ctx->state;
    VkCommandBuffer cb = ctx->cb;

    if (ctx->dyn_dirty & DYN_VIEWPORT)
    {
        VkViewport vps[16];
        VkRect2D sc[16];
        uint32_t i, n = d3d11vk_min(ctx->viewports.viewport_count, 16u);

        for (i = 0; i < n; ++i)
        {
            const VkViewport *v = &ctx->viewports.viewports[i];

            /* D3D's y axis points down in NDC-to-window terms Vulkan flips: negative height. */
            vps[i] = *v;
            vps[i].y = v->y + v->height;
            vps[i].height = -v->height;
            if (!s->scissor_enable)
            {
                sc[i].offset.x = sc[i].offset.y = 0;
                sc[i].extent.width = sc[i].extent.height = 32767;
            }
            else if (i < ctx->viewports.scissor_count)
                sc[i] = ctx->viewports.scissors[i];
            else
                memset(&sc[i], 0, sizeof(sc[i]));
            /* D3D11 allows empty viewports (nothing is drawn); Vulkan wants a positive width. */
            if (!(v->width > 0.0f) || !(v->height > 0.0f))
            {
                vps[i].y = v->y;
                vps[i].width = vps[i].height = 1.0f;
                memset(&sc[i], 0, sizeof(sc[i]));
            }
        }
        if (!n)
        {
            memset(&vps[0], 0, sizeof(vps[0]));
            vps[0].width = vps[0].height = 1.0f;
            memset(&sc[0], 0, sizeof(sc[0]));
            n = 1;
        }
        vk->vkCmdSetViewportWithCount(cb, n, vps);
        vk->vkCmdSetScissorWithCount(cb, n, sc);
    }
    if (ctx->dyn_dirty & DYN_RASTER)
    {
        vk->vkCmdSetCullMode(cb, s->cull_mode);
        vk->vkCmdSetFrontFace(cb, s->front_face);
        vk->vkCmdSetDepthBiasEnable(cb, s->depth_bias_enable);
        vk->vkCmdSetDepthBias(cb, s->depth_bias_constant, s->depth_bias_clamp, s->depth_bias_slope);
    }
    if (ctx->dyn_dirty & DYN_DEPTH)
    {
        vk->vkCmdSetDepthTestEnable(cb, s->depth_test);
        vk->vkCmdSetDepthWriteEnable(cb, s->depth_write);
        vk->vkCmdSetDepthCompareOp(cb, s->depth_compare);
        vk->vkCmdSetDepthBoundsTestEnable(cb, VK_FALSE);
        vk->vkCmdSetDepthBounds(cb, 0.0f, 1.0f);
        vk->vkCmdSetStencilTestEnable(cb, s->stencil_test);
        vk->vkCmdSetStencilOp(cb, VK_STENCIL_FACE_FRONT_BIT, s->front.failOp, s->front.passOp, s->front.depthFailOp,
                s->front.compareOp);
        vk->vkCmdSetStencilOp(cb, VK_STENCIL_FACE_BACK_BIT, s->back.failOp, s->back.passOp, s->back.depthFailOp,
                s->back.compareOp);
        vk->vkCmdSetStencilCompareMask(cb, VK_STENCIL_FACE_FRONT_AND_BACK, s->front.compareMask);
        vk->vkCmdSetStencilWriteMask(cb, VK_STENCIL_FACE_FRONT_AND_BACK, s->front.writeMask);
        vk->vkCmdSetStencilReference(cb, VK_STENCIL_FACE_FRONT_AND_BACK, s->stencil_ref);
    }
    if (ctx->dyn_dirty & DYN_TOPOLOGY)
    {
        vk->vkCmdSetPrimitiveTopology(cb, s->topology);
        /* D3D11: strips always restart at the all-ones index. */
        vk->vkCmdSetPrimitiveRestartEnable(cb, is_strip(s->topology));
    }
    if (ctx->dyn_dirty & DYN_BLEND)
        vk->vkCmdSetBlendConstants(cb, s->blend_factor);
    ctx->dyn_dirty = 0;
}

/* The dynamic offsets of the stage's constant buffers, in binding order. */
static uint32_t dynamic_offsets(const struct stage_bindings *sb, uint32_t *offsets)
{
    const struct vk_shader *shader = sb->shader;
    uint32_t i, n = 0;

    for (i = 0; i < shader->binding_count && n < DXBC_MAX_CBV_SLOTS; ++i)
    {
        const struct vk_shader_binding *b = &shader->bindings[i];

        if (b->type != VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC)
            continue;
        offsets[n++] = b->slot < DXBC_MAX_CBV_SLOTS && sb->cbs[b->slot].buffer ? (uint32_t)sb->cbs[b->slot].offset : 0;
    }
    return n;
}

static void bind_sets(struct vk_draw_ctx *ctx, VkPipelineBindPoint point, const struct vk_pipeline_layout *layout,
        uint32_t first, uint32_t last, bool all)
{
    uint32_t i;

    for (i = first; i <= last; ++i)
    {
        struct stage_bindings *sb = &ctx->stages[i];
        uint32_t offsets[DXBC_MAX_CBV_SLOTS], count = 0;
        bool rebind = all || sb->offsets_dirty;

        if (!sb->shader)
        {
            sb->dirty = sb->offsets_dirty = false;
            continue;
        }
        if (sb->dirty)
        {
            sb->set = write_set(ctx, sb);
            rebind = true;
        }
        sb->dirty = sb->offsets_dirty = false;
        if (!rebind || !sb->set)
            continue;
        if (sb->shader->dynamic_count)
            count = dynamic_offsets(sb, offsets);
        ctx->device->vk.vkCmdBindDescriptorSets(ctx->cb, point, layout->layout,
                point == VK_PIPELINE_BIND_POINT_COMPUTE ? 0 : i, 1, &sb->set, count, offsets);
    }
}

/* D3D11 draws nothing where the topology and the shaders disagree: a patch list without HS
 * and DS (or those with another topology, or patches of another size than the HS reads), a
 * GS reading other primitives than the input assembler makes. Vulkan forbids such pipelines
 * or leaves them undefined. */
static bool shapes_match(const struct vk_draw_ctx *ctx)
{
    const struct vk_shader *hs = ctx->stages[DXBC_STAGE_HS].shader, *gs = ctx->stages[DXBC_STAGE_GS].shader;
    uint32_t prim;

    if (!hs != !ctx->stages[DXBC_STAGE_DS].shader || (ctx->state.topology_class == VK_PRIMITIVE_TOPOLOGY_PATCH_LIST) != !!hs
            || (hs && hs->info.hs_input_control_points && hs->info.hs_input_control_points != ctx->state.patch_control_points))
        return false;
    if (!gs || hs || gs->dxbc_stage != DXBC_STAGE_GS)
        return true;
    switch (ctx->state.topology)
    {
        case VK_PRIMITIVE_TOPOLOGY_POINT_LIST: prim = 1; break;
        case VK_PRIMITIVE_TOPOLOGY_LINE_LIST: case VK_PRIMITIVE_TOPOLOGY_LINE_STRIP: prim = 2; break;
        case VK_PRIMITIVE_TOPOLOGY_LINE_LIST_WITH_ADJACENCY: case VK_PRIMITIVE_TOPOLOGY_LINE_STRIP_WITH_ADJACENCY: prim = 6; break;
        case VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST_WITH_ADJACENCY: case VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP_WITH_ADJACENCY: prim = 7; break;
        default: prim = 3; break;
    }
    return gs->info.gs_input_primitive == prim;   /* D3D10_SB_PRIMITIVE */
}

static bool prepare_draw(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;
    bool rebind_all = false;

    if (!use_cb(ctx, r))
        return false;
    if (!ctx->stages[DXBC_STAGE_VS].shader || !shapes_match(ctx))
        return false;
    if (ctx->key_dirty)
    {
        const struct vk_pipeline *p;

        build_key(ctx);
        ctx->key_dirty = false;
        if (!(p = vk_graphics_pipeline_get(ctx->device, &ctx->key)))
        {
            ctx->pipeline = NULL;
            ctx->key_dirty = true;
            return false;
        }
        if (p != ctx->pipeline)
        {
            ctx->pipeline = p;
            ctx->pipeline_dirty = true;
        }
    }
    if (!ctx->pipeline)
        return false;
    /* Capture stops before a pipeline bind; what a capture wrote is read only after a barrier. */
    if (ctx->rendering && ((ctx->pipeline_dirty && ctx->so.active) || (!ctx->pipeline_xfb && ctx->so.written)))
        end_rendering(ctx);
    if (ctx->pipeline_dirty)
    {
        vk->vkCmdBindPipeline(ctx->cb, VK_PIPELINE_BIND_POINT_GRAPHICS, ctx->pipeline->pipeline);
        ctx->pipeline_dirty = false;
        if (ctx->pipeline->layout != ctx->layout_bound)
        {
            ctx->layout_bound = ctx->pipeline->layout;
            rebind_all = true;
        }
    }
    if (!ctx->rendering)
    {
        barrier_if_needed(ctx, r);
        vk_replay_resume_queries(r, ctx->cb);   /* queries' Vulkan segments open outside rendering */
        begin_rendering(ctx);
    }
    else if (ctx->init_count || ctx->draw_uav_writes)
    {
        /* A first-use transition cannot happen inside rendering; UAV writes of earlier draws
         * are visible to later ones (D3D11), which a render pass instance cannot promise:
         * end it, one barrier, begin again (only after draws that write UAVs). */
        end_rendering(ctx);
        barrier_if_needed(ctx, r);
        vk_replay_resume_queries(r, ctx->cb);
        begin_rendering(ctx);
    }
    ctx->draw_uav_writes = ctx->key_uav_writes;
    bind_sets(ctx, VK_PIPELINE_BIND_POINT_GRAPHICS, ctx->layout_bound, DXBC_STAGE_VS, DXBC_STAGE_PS, rebind_all);
    if (ctx->dyn_dirty)
        set_dynamic(ctx);
    if (ctx->vb_dirty)
    {
        VkBuffer buffers[VK_MAX_VERTEX_ATTRIBUTES];
        VkDeviceSize offsets[VK_MAX_VERTEX_ATTRIBUTES], strides[VK_MAX_VERTEX_ATTRIBUTES];
        uint32_t mask = ctx->vb_dirty, i;

        while (mask)
        {
            uint32_t first = __builtin_ctz(mask), n = 0;

            for (i = first; i < VK_MAX_VERTEX_ATTRIBUTES && (mask & (1u << i)); ++i, ++n)
            {
                buffers[n] = ctx->vbs[i].buffer;
                offsets[n] = ctx->vbs[i].buffer ? ctx->vbs[i].offset : 0;
                strides[n] = ctx->vbs[i].stride;
                mask &= ~(1u << i);
            }
            vk->vkCmdBindVertexBuffers2(ctx->cb, first, n, buffers, offsets, NULL, strides);
        }
        ctx->vb_dirty = 0;
    }
    if (ctx->pipeline_xfb && !ctx->so.active && vk_so_any_target(&ctx->so))
        vk_so_begin(&ctx->so, ctx->device, ctx->cb);
    return true;
}

static void replay_draw(struct vk_draw_ctx *ctx, struct vk_replay *r, const struct vk_cmd_draw *c)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;

    if (!prepare_draw(ctx, r))
        return;
    if (c->indexed)
    {
        if (!ctx->ib.buffer)
            return;
        if (ctx->ib_dirty)
        {
            vk->vkCmdBindIndexBuffer(ctx->cb, ctx->ib.buffer, ctx->ib.offset, ctx->ib.type);
            ctx->ib_dirty = false;
        }
        vk->vkCmdDrawIndexed(ctx->cb, c->count, c->instance_count, c->first, c->base_vertex, c->first_instance);
    }
    else
        vk->vkCmdDraw(ctx->cb, c->count, c->instance_count, c->first, c->first_instance);
}

static void replay_draw_indirect(struct vk_draw_ctx *ctx, struct vk_replay *r, const struct vk_cmd_draw_indirect *c)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;

    if (!prepare_draw(ctx, r))
        return;
    if (c->indexed)
    {
        if (!ctx->ib.buffer)
            return;
        if (ctx->ib_dirty)
        {
            vk->vkCmdBindIndexBuffer(ctx->cb, ctx->ib.buffer, ctx->ib.offset, ctx->ib.type);
            ctx->ib_dirty = false;
        }
        vk->vkCmdDrawIndexedIndirect(ctx->cb, c->buffer, c->offset, 1, 0);
    }
    else
        vk->vkCmdDrawIndirect(ctx->cb, c->buffer, c->offset, 1, 0);
}

static bool prepare_dispatch(struct vk_draw_ctx *ctx, struct vk_replay *r)
{
    struct stage_bindings *sb = &ctx->stages[DXBC_STAGE_CS];
    bool rebind = false;

    if (!use_cb(ctx, r) || !sb->shader)
        return false;
    end_rendering(ctx);
    /* UAV writes of earlier dispatches and draws become visible (D3D11's implicit ordering). */
    barrier_if_needed(ctx, r);
    vk_replay_resume_queries(r, ctx->cb);
    if (ctx->compute_dirty || !ctx->compute)
    {
        const struct vk_pipeline *p = vk_compute_pipeline_get(ctx->device, sb->shader);

        if (!p)
            return false;
        if (p != ctx->compute)
        {
            ctx->device->vk.vkCmdBindPipeline(ctx->cb, VK_PIPELINE_BIND_POINT_COMPUTE, p->pipeline);
            rebind = !ctx->compute || ctx->compute->layout != p->layout;
            ctx->compute = p;
        }
        ctx->compute_dirty = false;
    }
    bind_sets(ctx, VK_PIPELINE_BIND_POINT_COMPUTE, ctx->compute->layout, DXBC_STAGE_CS, DXBC_STAGE_CS, rebind);
    return true;
}

void vk_draw_replay(struct vk_replay *r, struct vk_draw_ctx **pctx, const struct vk_cmd_header *h)
{
    struct vk_draw_ctx *ctx = *pctx;

    if (!ctx && !(ctx = *pctx = ctx_create(vk_replay_device(r))))
        return;
    switch (h->type)
    {
        case VK_CMD_BIND_SHADER:
        {
            const struct vk_cmd_bind_shader *c = (const void *)h;
            struct stage_bindings *sb;

            if (c->stage >= VK_DRAW_STAGE_COUNT)
                return;
            sb = &ctx->stages[c->stage];
            if (sb->shader == c->shader)
                return;
            sb->shader = c->shader;
            sb->dirty = true;
            if (c->stage == DXBC_STAGE_CS)
                ctx->compute_dirty = true;
            else
                ctx->key_dirty = true;
            return;
        }
        case VK_CMD_BIND_DESCRIPTORS:
            bind_descriptors(ctx, (const struct vk_cmd_bind_descriptors *)h);
            return;
        case VK_CMD_BIND_VERTEX_BUFFERS:
        {
            const struct vk_cmd_bind_vertex_buffers *c = (const void *)h;
            uint32_t i;

            for (i = 0; i < c->count && c->first + i < VK_MAX_VERTEX_ATTRIBUTES; ++i)
            {
                ctx->vbs[c->first + i] = c->entries[i];
                ctx->vb_dirty |= 1u << (c->first + i);
            }
            return;
        }
        case VK_CMD_BIND_INDEX_BUFFER:
            ctx->ib = *(const struct vk_cmd_bind_index_buffer *)h;
            ctx->ib_dirty = true;
            return;
        case VK_CMD_SET_INPUT_LAYOUT:
            ctx->layout = *(const struct vk_cmd_set_input_layout *)h;
            ctx->key_dirty = true;
            return;
        case VK_CMD_SET_STATE:
            set_state(ctx, &((const struct vk_cmd_set_state *)h)->state);
            return;
        case VK_CMD_SET_VIEWPORTS:
            ctx->viewports = *(const struct vk_cmd_set_viewports *)h;
            ctx->dyn_dirty |= DYN_VIEWPORT;
            return;
        case VK_CMD_SET_RENDER_TARGETS:
            set_render_targets(ctx, (const struct vk_cmd_set_render_targets *)h);
            return;
        case VK_CMD_DRAW:
            replay_draw(ctx, r, (const struct vk_cmd_draw *)h);
            return;
        case VK_CMD_DRAW_INDIRECT:
            replay_draw_indirect(ctx, r, (const struct vk_cmd_draw_indirect *)h);
            return;
        case VK_CMD_SET_SO_TARGETS:
            if (vk_so_targets_equal(&ctx->so, (const struct vk_cmd_set_so_targets *)h))
                return;
            if (ctx->so.active)
                end_rendering(ctx);   /* ends the capture: the old targets' counters are written */
            vk_so_set_targets(&ctx->so, (const struct vk_cmd_set_so_targets *)h);
            return;
        case VK_CMD_DRAW_AUTO:
            /* The counter and the vertices come from an earlier capture: after a barrier. */
            if (ctx->so.written)
                end_rendering(ctx);
            if (prepare_draw(ctx, r))
                vk_so_draw_auto(&ctx->so, ctx->device, ctx->cb, (const struct vk_cmd_draw_auto *)h);
            return;
        case VK_CMD_DISPATCH:
        {
            const struct vk_cmd_dispatch *c = (const void *)h;

            if (!prepare_dispatch(ctx, r))
                return;
            ctx->device->vk.vkCmdDispatch(ctx->cb, c->x, c->y, c->z);
            ctx->gpu_writes = true;
            return;
        }
        case VK_CMD_DISPATCH_INDIRECT:
        {
            const struct vk_cmd_draw_indirect *c = (const void *)h;

            if (!prepare_dispatch(ctx, r))
                return;
            ctx->device->vk.vkCmdDispatchIndirect(ctx->cb, c->buffer, c->offset);
            ctx->gpu_writes = true;
            return;
        }
        case VK_CMD_RESET_BINDINGS:
        {
            /* A command list starts from the default state (D3D11 deferred contexts). */
            unsigned int i;

            end_rendering(ctx);
            for (i = 0; i < VK_DRAW_STAGE_COUNT; ++i)
            {
                memset(&ctx->stages[i], 0, sizeof(ctx->stages[i]));
                ctx->stages[i].dirty = true;
            }
            memset(&ctx->layout, 0, sizeof(ctx->layout));
            memset(ctx->vbs, 0, sizeof(ctx->vbs));
            memset(&ctx->ib, 0, sizeof(ctx->ib));
            memset(&ctx->rts, 0, sizeof(ctx->rts));
            memset(ctx->so.targets, 0, sizeof(ctx->so.targets));
            ctx->vb_dirty = ~0u;
            ctx->key_dirty = ctx->compute_dirty = true;
            ctx->dyn_dirty = DYN_ALL;
            return;
        }
        default:
            LOG_ERR("Unknown draw command type %#x.", h->type);
            return;
    }
}
