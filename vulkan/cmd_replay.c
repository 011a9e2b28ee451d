/* cmd_replay.c — the backend context a stream's worker replays records into: Vulkan
 * command buffers, hazard tracking with batched barriers, image layouts (GENERAL after
 * first use), and splitting submissions at semaphore signals/waits. */
#include "vk_core_private.h"
#include "vk_draw.h"   /* draw/dispatch records are replayed by cmd_draw.c */
#include "vk_query.h"  /* query and predicate records: cmd_query.c */

#define MAX_TRACKED 128
#define MAX_CUR 4
#define MAX_INITS 16
#define MAX_IN_FLIGHT 32

/* One access: buffers use a = byte range, b = [0, 1); images a = mip range, b = layer range. */
struct access
{
    uint64_t handle;
    uint64_t a0, a1;
    uint32_t b0, b1;
};

struct cb_slot
{
    VkCommandBuffer cb;
    uint64_t value;                      /* 0: free */
};

struct vk_replay
{
    struct vk_device *device;
    VkCommandPool pool;
    struct cb_slot slots[MAX_IN_FLIGHT];
    uint32_t slot_count;
    VkCommandBuffer cb;                  /* being recorded, or NULL */
    int cb_slot;
    bool cb_used;

    struct access writes[MAX_TRACKED], reads[MAX_TRACKED];
    uint32_t write_count, read_count;
    struct access cur[MAX_CUR];
    bool cur_write[MAX_CUR];
    uint32_t cur_count;
    VkImageMemoryBarrier inits[MAX_INITS];
    uint32_t init_count;
    bool need_barrier;                   /* a new command buffer: order against earlier submissions */

    struct vk_submit_semaphores sems;
    struct vk_cs_stats *stats;
    struct vk_draw_ctx *draw;            /* cmd_draw.c: bound draw state, created on first draw record */
    struct vk_query_ctx *queries;        /* cmd_query.c: active queries, created on first query record */
    bool skipping;                       /* inside a predicated region whose predicate says skip */
};

VkResult vk_replay_create(struct vk_device *device, struct vk_replay **out)
{
    VkCommandPoolCreateInfo info = { VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO };
    struct vk_replay *r;
    VkResult vr;

    if (!(r = calloc(1, sizeof(*r))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    r->device = device;
    info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT | VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    info.queueFamilyIndex = device->queue_family;
    if ((vr = device->vk.vkCreateCommandPool(device->device, &info, NULL, &r->pool)) != VK_SUCCESS)
    {
        free(r);
        return vr;
    }
    *out = r;
    return VK_SUCCESS;
}

void vk_replay_destroy(struct vk_replay *r)
{
    struct vk_device *device = r->device;
    uint64_t last = 0;
    uint32_t i;

    for (i = 0; i < r->slot_count; ++i)
        last = d3d11vk_max(last, r->slots[i].value);
    vk_device_wait_timeline(device, last, UINT64_MAX);
    vk_draw_ctx_destroy(r->draw);
    vk_query_ctx_destroy(r->queries);
    device->vk.vkDestroyCommandPool(device->device, r->pool, NULL);
    free(r);
}

/* ---------------------------------------------------------------------------------------
 * Command buffers */

static bool begin_cb(struct vk_replay *r)
{
    struct vk_device *device = r->device;
    VkCommandBufferBeginInfo begin = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
    uint64_t completed, oldest = UINT64_MAX;
    int slot = -1;
    uint32_t i;

    if (r->cb)
        return true;
    completed = vk_device_timeline_completed(device);
    for (i = 0; i < r->slot_count && slot < 0; ++i)
        if (r->slots[i].value <= completed)
            slot = (int)i;
    if (slot < 0 && r->slot_count < MAX_IN_FLIGHT)
    {
        VkCommandBufferAllocateInfo info = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO };

        info.commandPool = r->pool;
        info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        info.commandBufferCount = 1;
        if (device->vk.vkAllocateCommandBuffers(device->device, &info, &r->slots[r->slot_count].cb) == VK_SUCCESS)
        {
            r->slots[r->slot_count].value = 0;
            slot = (int)r->slot_count++;
        }
    }
    if (slot < 0)
    {
        /* Too far ahead of the GPU: throttle on the oldest command buffer. */
        for (i = 0; i < r->slot_count; ++i)
            if (r->slots[i].value < oldest)
            {
                oldest = r->slots[i].value;
                slot = (int)i;
            }
        if (slot < 0)
            return false;
        vk_device_wait_timeline(device, oldest, UINT64_MAX);
    }
    /* The pool lets vkBeginCommandBuffer reset a command buffer the GPU is done with. */
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    if (device->vk.vkBeginCommandBuffer(r->slots[slot].cb, &begin) != VK_SUCCESS)
        return false;
    r->slots[slot].value = UINT64_MAX;   /* being recorded */
    r->cb = r->slots[slot].cb;
    r->cb_slot = slot;
    r->cb_used = false;
    r->need_barrier = true;
    r->write_count = r->read_count = 0;
    return true;
}

static uint64_t submit(struct vk_replay *r)
{
    struct vk_device *device = r->device;
    VkCommandBuffer cb = VK_NULL_HANDLE;
    uint64_t value = 0;

    vk_draw_end_cb(r->draw, r);   /* ends rendering before the command buffer ends */
    vk_query_end_cb(r->queries, r->cb);   /* then the queries' Vulkan segments */
    if (r->cb)
    {
        if (r->cb_used)
        {
            /* Results of this submission are visible to host reads once its value is reached. */
            VkMemoryBarrier mb = { VK_STRUCTURE_TYPE_MEMORY_BARRIER };

            mb.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
            mb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
            device->vk.vkCmdPipelineBarrier(r->cb, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_HOST_BIT,
                    0, 1, &mb, 0, NULL, 0, NULL);
        }
        device->vk.vkEndCommandBuffer(r->cb);
        cb = r->cb;
    }
    vk_device_submit(device, cb, &r->sems, &value);
    vk_draw_submitted(r->draw, value);
    vk_query_submitted(r->queries, value);
    if (r->cb)
    {
        r->slots[r->cb_slot].value = value;
        r->cb = VK_NULL_HANDLE;
    }
    memset(&r->sems, 0, sizeof(r->sems));
    ++r->stats->submissions;
    return value;
}

/* ---------------------------------------------------------------------------------------
 * Hazards */

static bool overlaps(const struct access *x, const struct access *y)
{
    return x->handle == y->handle && x->a0 < y->a1 && y->a0 < x->a1 && x->b0 < y->b1 && y->b0 < x->b1;
}

static void use(struct vk_replay *r, uint64_t handle, uint64_t a0, uint64_t a1, uint32_t b0, uint32_t b1, bool write)
{
    struct access *a;

    if (r->cur_count == MAX_CUR)
        return;   /* commands name at most MAX_CUR ranges */
    a = &r->cur[r->cur_count];
    a->handle = handle;
    a->a0 = a0;
    a->a1 = a1;
    a->b0 = b0;
    a->b1 = b1;
    r->cur_write[r->cur_count++] = write;
}

static void use_buffer(struct vk_replay *r, VkBuffer buffer, VkDeviceSize offset, VkDeviceSize size, bool write)
{
    use(r, (uint64_t)(uintptr_t)buffer, offset, size == VK_WHOLE_SIZE ? UINT64_MAX : offset + size, 0, 1, write);
}

static void use_image(struct vk_replay *r, struct vk_image *image, uint32_t mip, uint32_t mips, uint32_t layer,
        uint32_t layers, bool write)
{
    if (mips == VK_REMAINING_MIP_LEVELS)
        mips = image->desc.mip_levels - d3d11vk_min(mip, image->desc.mip_levels);
    if (layers == VK_REMAINING_ARRAY_LAYERS)
        layers = image->desc.array_layers - d3d11vk_min(layer, image->desc.array_layers);
    if (image->desc.type == VK_IMAGE_TYPE_3D)
    {
        layer = 0;
        layers = UINT32_MAX;
    }
    if (!atomic_load_u32(&image->initialized) && !__atomic_exchange_n(&image->initialized, 1, __ATOMIC_ACQ_REL))
    {
        VkImageMemoryBarrier *b;

        if (r->init_count == MAX_INITS)
        {
            r->device->vk.vkCmdPipelineBarrier(r->cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT,
                    0, 0, NULL, 0, NULL, r->init_count, r->inits);
            r->init_count = 0;
        }
        b = &r->inits[r->init_count++];
        memset(b, 0, sizeof(*b));
        b->sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
        b->srcAccessMask = 0;
        b->dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
        b->oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        b->newLayout = VK_IMAGE_LAYOUT_GENERAL;
        b->srcQueueFamilyIndex = b->dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        b->image = image->image;
        b->subresourceRange.aspectMask = image->aspects;
        b->subresourceRange.levelCount = VK_REMAINING_MIP_LEVELS;
        b->subresourceRange.layerCount = VK_REMAINING_ARRAY_LAYERS;
    }
    use(r, (uint64_t)(uintptr_t)image->image, mip, (uint64_t)mip + mips, layer,
            (uint32_t)d3d11vk_min((uint64_t)layer + layers, (uint64_t)UINT32_MAX), write);
}

static void emit_barrier(struct vk_replay *r, bool memory)
{
    VkMemoryBarrier mb = { VK_STRUCTURE_TYPE_MEMORY_BARRIER };

    mb.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    r->device->vk.vkCmdPipelineBarrier(r->cb, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0,
            memory ? 1 : 0, &mb, 0, NULL, r->init_count, r->inits);
    r->init_count = 0;
    if (memory)
    {
        r->write_count = r->read_count = 0;
        r->need_barrier = false;
        ++r->stats->barriers;
    }
}

/* Before a command: one barrier if it touches what earlier commands wrote (or writes what
 * they read), together with pending first-use layout transitions. */
static void sync(struct vk_replay *r)
{
    bool conflict = r->need_barrier;
    uint32_t i, j;

    for (i = 0; i < r->cur_count && !conflict; ++i)
    {
        for (j = 0; j < r->write_count && !conflict; ++j)
            conflict = overlaps(&r->cur[i], &r->writes[j]);
        if (r->cur_write[i])
            for (j = 0; j < r->read_count && !conflict; ++j)
                conflict = overlaps(&r->cur[i], &r->reads[j]);
    }
    if (conflict || r->init_count)
        emit_barrier(r, conflict);
    for (i = 0; i < r->cur_count; ++i)
    {
        if ((r->cur_write[i] ? r->write_count : r->read_count) == MAX_TRACKED)
            emit_barrier(r, true);
        if (r->cur_write[i])
            r->writes[r->write_count++] = r->cur[i];
        else
            r->reads[r->read_count++] = r->cur[i];
    }
    r->cur_count = 0;
    r->cb_used = true;
}

/* ---------------------------------------------------------------------------------------
 * Commands */

static VkExtent3D mip_extent(const struct vk_image *image, uint32_t mip)
{
    VkExtent3D e = image->desc.extent;

    e.width = d3d11vk_max(1u, e.width >> mip);
    e.height = d3d11vk_max(1u, e.height >> mip);
    e.depth = d3d11vk_max(1u, e.depth >> mip);
    return e;
}

static void replay_clear_view(struct vk_replay *r, const struct vk_cmd_clear_view *c)
{
    struct vk_device *device = r->device;
    const struct vk_image_view *view = c->view;
    struct vk_image *image = view->image;
    VkRenderingInfo ri = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    VkRenderingAttachmentInfo color = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingAttachmentInfo depth = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingAttachmentInfo stencil = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkImageAspectFlags view_aspects = vk_format_aspects(view->desc.format), aspects = c->aspects;
    VkExtent3D extent = mip_extent(image, view->desc.base_mip);
    VkClearAttachment att = { 0 };
    VkClearRect rects[VK_CMD_CLEAR_VIEW_MAX_RECTS];
    uint32_t i, n = 0, layers = view->desc.layer_count;
    bool whole = !c->rect_count;

    if (!aspects)
        aspects = view_aspects;
    if (layers == VK_REMAINING_ARRAY_LAYERS)
        layers = image->desc.array_layers - view->desc.base_layer;
    use_image(r, image, view->desc.base_mip, 1, view->desc.base_layer, layers, true);
    sync(r);
    if (!device->enabled.v13.dynamicRendering)
    {
        FIXME("Clears through views without dynamic rendering.");
        return;
    }
    ri.renderArea.extent.width = extent.width;
    ri.renderArea.extent.height = extent.height;
    ri.layerCount = layers;
    color.imageView = depth.imageView = stencil.imageView = view->view;
    color.imageLayout = depth.imageLayout = stencil.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
    color.storeOp = depth.storeOp = stencil.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    color.clearValue = depth.clearValue = stencil.clearValue = c->value;
    if (view_aspects & VK_IMAGE_ASPECT_COLOR_BIT)
    {
        color.loadOp = whole ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD;
        ri.colorAttachmentCount = 1;
        ri.pColorAttachments = &color;
    }
    if (view_aspects & VK_IMAGE_ASPECT_DEPTH_BIT)
    {
        depth.loadOp = whole && (aspects & VK_IMAGE_ASPECT_DEPTH_BIT) ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD;
        ri.pDepthAttachment = &depth;
    }
    if (view_aspects & VK_IMAGE_ASPECT_STENCIL_BIT)
    {
        stencil.loadOp = whole && (aspects & VK_IMAGE_ASPECT_STENCIL_BIT) ? VK_ATTACHMENT_LOAD_OP_CLEAR : VK_ATTACHMENT_LOAD_OP_LOAD;
        ri.pStencilAttachment = &stencil;
    }
    device->vk.vkCmdBeginRendering(r->cb, &ri);
    if (!whole)
    {
        for (i = 0; i < c->rect_count; ++i)
        {
            int64_t x0 = d3d11vk_max(c->rects[i].offset.x, 0), y0 = d3d11vk_max(c->rects[i].offset.y, 0);
            int64_t x1 = d3d11vk_min((int64_t)c->rects[i].offset.x + c->rects[i].extent.width, (int64_t)extent.width);
            int64_t y1 = d3d11vk_min((int64_t)c->rects[i].offset.y + c->rects[i].extent.height, (int64_t)extent.height);

            if (x1 <= x0 || y1 <= y0)
                continue;
            rects[n].rect.offset.x = (int32_t)x0;
            rects[n].rect.offset.y = (int32_t)y0;
            rects[n].rect.extent.width = (uint32_t)(x1 - x0);
            rects[n].rect.extent.height = (uint32_t)(y1 - y0);
            rects[n].baseArrayLayer = 0;
            rects[n].layerCount = layers;
            ++n;
        }
        att.aspectMask = aspects & view_aspects;
        att.colorAttachment = 0;
        att.clearValue = c->value;
        if (n)
            device->vk.vkCmdClearAttachments(r->cb, 1, &att, n, rects);
    }
    device->vk.vkCmdEndRendering(r->cb);
}

static void replay_generate_mips(struct vk_replay *r, const struct vk_cmd_generate_mips *c)
{
    struct vk_device *device = r->device;
    struct vk_image *image = c->image;
    uint32_t i, layers = c->layer_count;

    if (c->mip_count < 2 || c->base_mip >= image->desc.mip_levels)
        return;
    if (layers == VK_REMAINING_ARRAY_LAYERS)
        layers = image->desc.array_layers - c->base_layer;
    use_image(r, image, c->base_mip, c->mip_count, c->base_layer, layers, true);
    sync(r);
    for (i = c->base_mip + 1; i < c->base_mip + c->mip_count && i < image->desc.mip_levels; ++i)
    {
        VkExtent3D src = mip_extent(image, i - 1), dst = mip_extent(image, i);
        VkImageBlit blit = { 0 };

        if (i > c->base_mip + 1)
            emit_barrier(r, true);   /* level i-1 was just written */
        blit.srcSubresource.aspectMask = blit.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
        blit.srcSubresource.mipLevel = i - 1;
        blit.dstSubresource.mipLevel = i;
        blit.srcSubresource.baseArrayLayer = blit.dstSubresource.baseArrayLayer = c->base_layer;
        blit.srcSubresource.layerCount = blit.dstSubresource.layerCount = layers;
        blit.srcOffsets[1].x = (int32_t)src.width;
        blit.srcOffsets[1].y = (int32_t)src.height;
        blit.srcOffsets[1].z = (int32_t)src.depth;
        blit.dstOffsets[1].x = (int32_t)dst.width;
        blit.dstOffsets[1].y = (int32_t)dst.height;
        blit.dstOffsets[1].z = (int32_t)dst.depth;
        device->vk.vkCmdBlitImage(r->cb, image->image, VK_IMAGE_LAYOUT_GENERAL, image->image, VK_IMAGE_LAYOUT_GENERAL,
                1, &blit, VK_FILTER_LINEAR);
    }
    /* Later commands see the last level written. */
    use_image(r, image, c->base_mip, c->mip_count, c->base_layer, layers, true);
    if (r->write_count == MAX_TRACKED)
        emit_barrier(r, true);
    r->writes[r->write_count++] = r->cur[0];
    r->cur_count = 0;
}

/* DiscardResource/DiscardView: the range goes through a transition from UNDEFINED, so the
 * driver may drop its contents (and compression state) instead of preserving them; ordered
 * after every earlier access like a write. */
static void replay_discard_image(struct vk_replay *r, const struct vk_cmd_discard_image *c)
{
    VkImageMemoryBarrier b = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER };
    uint32_t mips = c->range.levelCount, layers = c->range.layerCount;

    use_image(r, c->image, c->range.baseMipLevel, mips, c->range.baseArrayLayer, layers, true);
    sync(r);
    b.srcAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    b.newLayout = VK_IMAGE_LAYOUT_GENERAL;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = c->image->image;
    b.subresourceRange = c->range;
    b.subresourceRange.aspectMask = c->image->aspects;
    r->device->vk.vkCmdPipelineBarrier(r->cb, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT,
            0, 0, NULL, 0, NULL, 1, &b);
}

/* A resolve through views (ResolveSubresource in a format other than the images' own, or
 * between images of different formats): an empty dynamic rendering pass that loads the
 * multisampled view and resolves it (average) into the single-sampled view. */
static void replay_resolve_views(struct vk_replay *r, const struct vk_cmd_resolve_views *c)
{
    struct vk_device *device = r->device;
    VkRenderingInfo ri = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    VkRenderingAttachmentInfo color = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    const struct vk_image_view *src = c->src, *dst = c->dst;

    use_image(r, src->image, src->desc.base_mip, 1, src->desc.base_layer, 1, false);
    use_image(r, dst->image, dst->desc.base_mip, 1, dst->desc.base_layer, 1, true);
    sync(r);
    if (!device->enabled.v13.dynamicRendering)
    {
        FIXME("Resolves through views without dynamic rendering.");
        return;
    }
    ri.renderArea.extent = c->extent;
    ri.layerCount = 1;
    ri.colorAttachmentCount = 1;
    ri.pColorAttachments = &color;
    color.imageView = src->view;
    color.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
    color.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    color.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    color.resolveMode = VK_RESOLVE_MODE_AVERAGE_BIT;
    color.resolveImageView = dst->view;
    color.resolveImageLayout = VK_IMAGE_LAYOUT_GENERAL;
    device->vk.vkCmdBeginRendering(r->cb, &ri);
    device->vk.vkCmdEndRendering(r->cb);
}

static void replay_semaphore(struct vk_replay *r, const struct vk_cmd_semaphore *c, bool signal)
{
    struct vk_submit_semaphores *s = &r->sems;

    if (signal)
    {
        if (s->signal_count == ARRAY_SIZE(s->signal))
            submit(r);
        s->signal[s->signal_count] = c->semaphore->semaphore;
        s->signal_values[s->signal_count++] = c->value;
        submit(r);   /* the signal covers everything recorded before it */
        return;
    }
    if (r->cb && r->cb_used)
        submit(r);   /* work before the wait must not wait */
    if (s->wait_count == ARRAY_SIZE(s->wait))
        submit(r);
    s->wait[s->wait_count] = c->semaphore->semaphore;
    s->wait_values[s->wait_count++] = c->value;
}

static void replay_one(struct vk_replay *r, const struct vk_cmd_header *h)
{
    const struct VolkDeviceTable *vk = &r->device->vk;

    if (h->type >= VK_CMD_QUERY_BASE && h->type < VK_CMD_QUERY_LAST)
    {
        bool skip = vk_query_replay(r, &r->queries, r->draw, h);

        r->skipping = h->type == VK_CMD_PREDICATE_BEGIN && skip;
        return;
    }
    if (r->skipping)
        return;   /* predicated away (SetPredication) */
    switch (h->type)
    {
        case VK_CMD_NOP:
            return;
        case VK_CMD_SIGNAL_SEMAPHORE:
        case VK_CMD_WAIT_SEMAPHORE:
            replay_semaphore(r, (const struct vk_cmd_semaphore *)h, h->type == VK_CMD_SIGNAL_SEMAPHORE);
            return;
        case VK_CMD_HOST_WAIT:
        {
            const struct vk_cmd_host_wait *c = (const void *)h;

            /* Work before the wait must not wait (another context may need it to signal). */
            if ((r->cb && r->cb_used) || r->sems.wait_count || r->sems.signal_count)
                submit(r);
            c->wait(c->owner, c->value);
            return;
        }
        case VK_CMD_PRESENT:
        {
            const struct vk_cmd_present *c = (const void *)h;

            /* The back buffer's commands reach the queue first; the next command buffer
             * begins with a full barrier (need_barrier), after the callback's reads. */
            if (r->cb || r->sems.wait_count || r->sems.signal_count)
                submit(r);
            c->present(c->user, c->source, c->arg);
            return;
        }
        default:
            if (h->type >= VK_CMD_DRAW_BASE)
            {
                vk_draw_replay(r, &r->draw, h);
                return;
            }
            break;
    }
    if (!begin_cb(r))
        return;
    vk_draw_suspend(r->draw, r);   /* transfers and clears run outside rendering, after draws' writes */
    switch (h->type)
    {
        case VK_CMD_COPY_BUFFER:
        {
            const struct vk_cmd_copy_buffer *c = (const void *)h;

            use_buffer(r, c->src, c->region.srcOffset, c->region.size, false);
            use_buffer(r, c->dst, c->region.dstOffset, c->region.size, true);
            sync(r);
            vk->vkCmdCopyBuffer(r->cb, c->src, c->dst, 1, &c->region);
            break;
        }
        case VK_CMD_COPY_BUFFER_TO_IMAGE:
        case VK_CMD_COPY_IMAGE_TO_BUFFER:
        {
            const struct vk_cmd_copy_buffer_image *c = (const void *)h;
            const VkImageSubresourceLayers *sub = &c->region.imageSubresource;
            bool to_image = h->type == VK_CMD_COPY_BUFFER_TO_IMAGE;

            use_buffer(r, c->buffer, c->region.bufferOffset, vk_buffer_image_copy_size(c->image, &c->region), !to_image);
            use_image(r, c->image, sub->mipLevel, 1, sub->baseArrayLayer, sub->layerCount, to_image);
            sync(r);
            if (to_image)
                vk->vkCmdCopyBufferToImage(r->cb, c->buffer, c->image->image, VK_IMAGE_LAYOUT_GENERAL, 1, &c->region);
            else
                vk->vkCmdCopyImageToBuffer(r->cb, c->image->image, VK_IMAGE_LAYOUT_GENERAL, c->buffer, 1, &c->region);
            break;
        }
        case VK_CMD_COPY_IMAGE:
        {
            const struct vk_cmd_copy_image *c = (const void *)h;

            use_image(r, c->src, c->region.srcSubresource.mipLevel, 1, c->region.srcSubresource.baseArrayLayer,
                    c->region.srcSubresource.layerCount, false);
            use_image(r, c->dst, c->region.dstSubresource.mipLevel, 1, c->region.dstSubresource.baseArrayLayer,
                    c->region.dstSubresource.layerCount, true);
            sync(r);
            vk->vkCmdCopyImage(r->cb, c->src->image, VK_IMAGE_LAYOUT_GENERAL, c->dst->image, VK_IMAGE_LAYOUT_GENERAL,
                    1, &c->region);
            break;
        }
        case VK_CMD_CLEAR_COLOR_IMAGE:
        {
            const struct vk_cmd_clear_color_image *c = (const void *)h;

            use_image(r, c->image, c->range.baseMipLevel, c->range.levelCount, c->range.baseArrayLayer,
                    c->range.layerCount, true);
            sync(r);
            vk->vkCmdClearColorImage(r->cb, c->image->image, VK_IMAGE_LAYOUT_GENERAL, &c->color, 1, &c->range);
            break;
        }
        case VK_CMD_CLEAR_DEPTH_STENCIL_IMAGE:
        {
            const struct vk_cmd_clear_depth_stencil_image *c = (const void *)h;

            use_image(r, c->image, c->range.baseMipLevel, c->range.levelCount, c->range.baseArrayLayer,
                    c->range.layerCount, true);
            sync(r);
            vk->vkCmdClearDepthStencilImage(r->cb, c->image->image, VK_IMAGE_LAYOUT_GENERAL, &c->value, 1, &c->range);
            break;
        }
        case VK_CMD_CLEAR_VIEW:
            replay_clear_view(r, (const struct vk_cmd_clear_view *)h);
            break;
        case VK_CMD_FILL_BUFFER:
        {
            const struct vk_cmd_fill_buffer *c = (const void *)h;

            use_buffer(r, c->dst, c->offset, c->size, true);
            sync(r);
            vk->vkCmdFillBuffer(r->cb, c->dst, c->offset, c->size, c->data);
            break;
        }
        case VK_CMD_RESOLVE_IMAGE:
        {
            const struct vk_cmd_resolve_image *c = (const void *)h;

            use_image(r, c->src, c->region.srcSubresource.mipLevel, 1, c->region.srcSubresource.baseArrayLayer,
                    c->region.srcSubresource.layerCount, false);
            use_image(r, c->dst, c->region.dstSubresource.mipLevel, 1, c->region.dstSubresource.baseArrayLayer,
                    c->region.dstSubresource.layerCount, true);
            sync(r);
            vk->vkCmdResolveImage(r->cb, c->src->image, VK_IMAGE_LAYOUT_GENERAL, c->dst->image, VK_IMAGE_LAYOUT_GENERAL,
                    1, &c->region);
            break;
        }
        case VK_CMD_GENERATE_MIPS:
            replay_generate_mips(r, (const struct vk_cmd_generate_mips *)h);
            break;
        case VK_CMD_DISCARD_IMAGE:
            replay_discard_image(r, (const struct vk_cmd_discard_image *)h);
            break;
        case VK_CMD_RESOLVE_VIEWS:
            replay_resolve_views(r, (const struct vk_cmd_resolve_views *)h);
            break;
        case VK_CMD_RESET_QUERIES:
        {
            const struct vk_cmd_query *c = (const void *)h;

            sync(r);
            vk->vkCmdResetQueryPool(r->cb, c->pool->pool, c->first, c->count);
            break;
        }
        case VK_CMD_WRITE_TIMESTAMP:
        {
            const struct vk_cmd_query *c = (const void *)h;

            sync(r);
            vk->vkCmdWriteTimestamp(r->cb, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, c->pool->pool, c->first);
            break;
        }
        default:
            LOG_ERR("Unknown command type %u.", h->type);
            return;
    }
}

/* ---------------------------------------------------------------------------------------
 * What the draw context (cmd_draw.c) uses */

struct vk_device *vk_replay_device(struct vk_replay *r)
{
    return r->device;
}

VkCommandBuffer vk_replay_command_buffer(struct vk_replay *r)
{
    if (!begin_cb(r))
        return VK_NULL_HANDLE;
    r->cb_used = true;
    return r->cb;
}

void vk_replay_full_barrier(struct vk_replay *r)
{
    emit_barrier(r, true);
}

bool vk_replay_needs_barrier(struct vk_replay *r)
{
    return r->need_barrier || r->write_count || r->init_count;
}

uint64_t vk_replay_submit(struct vk_replay *r)
{
    return submit(r);
}

void vk_replay_resume_queries(struct vk_replay *r, VkCommandBuffer cb)
{
    vk_query_resume(r->queries, cb);
}

uint64_t vk_replay_chunks(struct vk_replay *r, struct vk_chunk *const *chunks, size_t count, struct vk_cs_stats *stats)
{
    size_t i;
    uint32_t pos;

    r->stats = stats;
    for (i = 0; i < count; ++i)
    {
        const struct vk_chunk *chunk = chunks[i];

        for (pos = 0; pos + sizeof(struct vk_cmd_header) <= chunk->used;)
        {
            const struct vk_cmd_header *h = (const void *)(chunk->data + pos);

            if (h->size < sizeof(*h) || pos + h->size > chunk->used)
            {
                LOG_ERR("Corrupt command record at %u.", pos);
                break;
            }
            replay_one(r, h);
            ++stats->commands;
            pos += h->size;
        }
        ++stats->chunks;
    }
    return submit(r);
}
