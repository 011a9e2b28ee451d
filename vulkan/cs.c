/* cs.c — command streams: chunks of plain-data records with the references they need, the
 * per-immediate-stream worker thread, batches and their timeline values, command lists,
 * the staging ring, and the recording helpers. */
#include "vk_core_private.h"

struct chunk_array
{
    struct vk_chunk **items;
    size_t count, capacity;
};

struct vk_cmdlist
{
    volatile LONG refcount;
    struct chunk_array chunks;
};

struct vk_batch
{
    struct vk_batch *next;
    uint64_t number;
    struct chunk_array chunks;
};

#define BATCH_HISTORY 64
/* Flushes on its own after this many chunks (immediate streams): bounds memory and latency,
 * and lets the worker and the driver start on a long frame while the application still records
 * it (4 chunks, ~700 small draws: draw_bench 78k -> 123k draws/s natively on a quiet machine;
 * 1 or 2 cost more CPU per draw in submissions than the overlap gains). */
#define AUTO_FLUSH_CHUNKS 4

struct vk_cs
{
    struct vk_device *device;
    enum vk_cs_type type;
    uint64_t id;

    /* Producer side. */
    struct vk_chunk *current;
    struct chunk_array pending;
    uint64_t batch;                      /* number the next flush submits */
    struct vk_staging_block *staging;
    VkDeviceSize staging_offset;
    VkDeviceSize staging_since_flush;

    /* Worker side (lock). */
    struct plat_thread *thread;
    struct plat_mutex lock;
    struct plat_cond work_cond, done_cond;
    struct vk_batch *queue_head, *queue_tail;
    bool stop;
    uint64_t submitted;                  /* last batch the worker submitted */
    struct { uint64_t batch, value; } history[BATCH_HISTORY];
    struct vk_replay *replay;
    struct vk_cs_stats stats;
};

/* ---------------------------------------------------------------------------------------
 * Chunks */

static bool array_push(struct chunk_array *a, struct vk_chunk *chunk)
{
    if (a->count == a->capacity)
    {
        size_t cap = a->capacity ? a->capacity * 2 : 8;
        struct vk_chunk **n = realloc(a->items, cap * sizeof(*n));

        if (!n)
            return false;
        a->items = n;
        a->capacity = cap;
    }
    a->items[a->count++] = chunk;
    return true;
}

static void array_release(struct chunk_array *a)
{
    size_t i;

    for (i = 0; i < a->count; ++i)
        vk_chunk_release(a->items[i]);
    free(a->items);
    memset(a, 0, sizeof(*a));
}

static struct vk_chunk *chunk_create(void)
{
    struct vk_chunk *chunk;

    if (!(chunk = malloc(sizeof(*chunk))))
        return NULL;
    chunk->refcount = 1;
    chunk->used = 0;
    chunk->ref_count = chunk->ref_capacity = 0;
    chunk->refs = NULL;
    return chunk;
}

void vk_chunk_release(struct vk_chunk *chunk)
{
    uint32_t i;

    if (atomic_dec_u32(&chunk->refcount))
        return;
    for (i = 0; i < chunk->ref_count; ++i)
        vk_object_release(chunk->refs[i]);
    free(chunk->refs);
    free(chunk);
}

/* Moves the chunk being recorded to the pending list. */
static bool close_chunk(struct vk_cs *cs)
{
    if (!cs->current)
        return true;
    if (!cs->current->used && !cs->current->ref_count)
        return true;   /* nothing in it: keep recording into it */
    if (!array_push(&cs->pending, cs->current))
        return false;
    cs->current = NULL;
    if (cs->type == VK_CS_IMMEDIATE && cs->pending.count >= AUTO_FLUSH_CHUNKS)
        vk_cs_flush(cs);
    return true;
}

void *vk_cs_alloc_cmd(struct vk_cs *cs, enum vk_cmd_type type, size_t size)
{
    struct vk_cmd_header *hdr;

    size = align_u64(size, 8);
    if (size < sizeof(*hdr) || size > VK_CHUNK_SIZE / 2)
        return NULL;
    if (cs->current && cs->current->used + size > VK_CHUNK_SIZE && !close_chunk(cs))
        return NULL;
    if (!cs->current && !(cs->current = chunk_create()))
        return NULL;
    hdr = (struct vk_cmd_header *)(cs->current->data + cs->current->used);
    cs->current->used += size;
    memset(hdr, 0, size);
    hdr->type = type;
    hdr->size = (uint16_t)size;
    return hdr;
}

static void mark_use(struct vk_cs *cs, struct vk_object *obj)
{
    atomic_store_u64(&obj->last_cs_batch, cs->batch);
    atomic_store_u64(&obj->last_cs_id, cs->id);
}

bool vk_cs_ref(struct vk_cs *cs, struct vk_object *obj)
{
    struct vk_chunk *chunk;
    uint32_t i;

    if (!obj)
        return true;
    if (!cs->current && !(cs->current = chunk_create()))
        return false;
    chunk = cs->current;
    mark_use(cs, obj);
    for (i = chunk->ref_count; i > 0 && i + 8 > chunk->ref_count; --i)
        if (chunk->refs[i - 1] == obj)
            return true;
    if (chunk->ref_count == chunk->ref_capacity)
    {
        uint32_t cap = chunk->ref_capacity ? chunk->ref_capacity * 2 : 32;
        struct vk_object **n = realloc(chunk->refs, cap * sizeof(*n));

        if (!n)
            return false;
        chunk->refs = n;
        chunk->ref_capacity = cap;
    }
    vk_object_addref(obj);
    chunk->refs[chunk->ref_count++] = obj;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Worker */

static void stamp_chunks(struct vk_chunk *const *chunks, size_t count, uint64_t value)
{
    size_t i;
    uint32_t j;

    for (i = 0; i < count; ++i)
        for (j = 0; j < chunks[i]->ref_count; ++j)
            atomic_max_u64(&chunks[i]->refs[j]->last_use, value);
}

static void worker_main(void *arg)
{
    struct vk_cs *cs = arg;
    struct vk_batch *batch;
    uint64_t value;

    for (;;)
    {
        plat_mutex_lock(&cs->lock);
        while (!cs->queue_head && !cs->stop)
            plat_cond_wait(&cs->work_cond, &cs->lock);
        if (!(batch = cs->queue_head))
        {
            plat_mutex_unlock(&cs->lock);
            break;
        }
        if (!(cs->queue_head = batch->next))
            cs->queue_tail = NULL;
        plat_mutex_unlock(&cs->lock);

        value = vk_replay_chunks(cs->replay, batch->chunks.items, batch->chunks.count, &cs->stats);
        /* Before anyone may learn the batch is submitted, and before the chunks drop their
         * references: a release then sees the right last use. */
        stamp_chunks(batch->chunks.items, batch->chunks.count, value);

        plat_mutex_lock(&cs->lock);
        cs->history[batch->number % BATCH_HISTORY].batch = batch->number;
        cs->history[batch->number % BATCH_HISTORY].value = value;
        atomic_store_u64(&cs->submitted, batch->number);
        plat_cond_broadcast(&cs->done_cond);
        plat_mutex_unlock(&cs->lock);

        array_release(&batch->chunks);
        free(batch);
        vk_device_collect_garbage(cs->device);
    }
}

VkResult vk_cs_create(struct vk_device *device, enum vk_cs_type type, struct vk_cs **out)
{
    struct vk_cs *cs;
    VkResult vr;

    if (!(cs = calloc(1, sizeof(*cs))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    cs->device = device;
    cs->type = type;
    cs->id = atomic_inc_u32(&vk_core(device)->next_cs_id);
    cs->batch = 1;
    plat_mutex_init(&cs->lock);
    plat_cond_init(&cs->work_cond);
    plat_cond_init(&cs->done_cond);
    if (type == VK_CS_IMMEDIATE)
    {
        if ((vr = vk_replay_create(device, &cs->replay)) != VK_SUCCESS)
            goto fail;
        if (!(cs->thread = plat_thread_start(worker_main, cs, "d3d11vk-cs")))
        {
            vk_replay_destroy(cs->replay);
            vr = VK_ERROR_INITIALIZATION_FAILED;
            goto fail;
        }
    }
    *out = cs;
    return VK_SUCCESS;

fail:
    plat_cond_destroy(&cs->work_cond);
    plat_cond_destroy(&cs->done_cond);
    plat_mutex_destroy(&cs->lock);
    free(cs);
    return vr;
}

void vk_cs_destroy(struct vk_cs *cs)
{
    if (!cs)
        return;
    if (cs->type == VK_CS_IMMEDIATE)
    {
        vk_cs_flush(cs);
        plat_mutex_lock(&cs->lock);
        cs->stop = true;
        plat_cond_signal(&cs->work_cond);
        plat_mutex_unlock(&cs->lock);
        plat_thread_join(cs->thread);
        vk_replay_destroy(cs->replay);
    }
    if (cs->current)
        vk_chunk_release(cs->current);
    array_release(&cs->pending);
    if (cs->staging)
        vk_object_release(&cs->staging->obj);
    plat_cond_destroy(&cs->work_cond);
    plat_cond_destroy(&cs->done_cond);
    plat_mutex_destroy(&cs->lock);
    vk_device_collect_garbage(cs->device);
    free(cs);
}

struct vk_device *vk_cs_device(const struct vk_cs *cs)
{
    return cs->device;
}

uint64_t vk_cs_flush(struct vk_cs *cs)
{
    struct vk_batch *batch;
    uint64_t number;

    if (cs->type != VK_CS_IMMEDIATE)
        return 0;
    if (cs->current && (cs->current->used || cs->current->ref_count))
    {
        if (!array_push(&cs->pending, cs->current))
            return cs->batch - 1;
        cs->current = NULL;
    }
    if (!cs->pending.count)
        return cs->batch - 1;
    cs->staging_since_flush = 0;
    if (!(batch = calloc(1, sizeof(*batch))))
        return cs->batch - 1;
    number = batch->number = cs->batch++;
    batch->chunks = cs->pending;
    memset(&cs->pending, 0, sizeof(cs->pending));
    plat_mutex_lock(&cs->lock);
    if (cs->queue_tail)
        cs->queue_tail->next = batch;
    else
        cs->queue_head = batch;
    cs->queue_tail = batch;
    plat_cond_signal(&cs->work_cond);
    plat_mutex_unlock(&cs->lock);
    return number;   /* the worker may have freed the batch already */
}

uint64_t vk_cs_batch_timeline(struct vk_cs *cs, uint64_t batch)
{
    uint64_t value;

    if (!batch || cs->type != VK_CS_IMMEDIATE)
        return 0;
    if (batch >= cs->batch)
        batch = cs->batch - 1;   /* never flushed: cannot wait for it */
    plat_mutex_lock(&cs->lock);
    while (cs->submitted < batch)
        plat_cond_wait(&cs->done_cond, &cs->lock);
    if (cs->history[batch % BATCH_HISTORY].batch == batch)
        value = cs->history[batch % BATCH_HISTORY].value;
    else   /* older than the history: the oldest value kept is a safe upper bound */
        value = cs->history[(cs->submitted + 1) % BATCH_HISTORY].value;
    plat_mutex_unlock(&cs->lock);
    return value;
}

uint64_t vk_cs_sync(struct vk_cs *cs)
{
    return vk_cs_batch_timeline(cs, vk_cs_flush(cs));
}

uint64_t vk_cs_current_batch(struct vk_cs *cs)
{
    /* A point in the stream (an event query's End): the batch must exist even if nothing
     * else is recorded into it, so that it completes only once flushed. */
    if (cs->type == VK_CS_IMMEDIATE && !cs->pending.count && !(cs->current && (cs->current->used || cs->current->ref_count)))
        vk_cs_alloc_cmd(cs, VK_CMD_NOP, sizeof(struct vk_cmd_header));
    return cs->batch;
}

bool vk_cs_batch_complete(struct vk_cs *cs, uint64_t batch, bool flush)
{
    if (cs->type != VK_CS_IMMEDIATE)
        return true;
    if (batch >= cs->batch)
    {
        bool recorded = cs->pending.count || (cs->current && (cs->current->used || cs->current->ref_count));

        if (!recorded && batch == cs->batch)
            batch = cs->batch - 1;   /* nothing recorded since: the previous batch decides */
        else if (!flush)
            return false;
        else
            vk_cs_flush(cs);
    }
    if (atomic_load_u64(&cs->submitted) < batch)
        return false;
    return vk_device_wait_timeline(cs->device, vk_cs_batch_timeline(cs, batch), 0);
}

bool vk_cs_object_busy(struct vk_cs *cs, struct vk_object *obj)
{
    if (atomic_load_u64(&obj->last_cs_id) == cs->id && atomic_load_u64(&obj->last_cs_batch) > atomic_load_u64(&cs->submitted))
        return true;
    return !vk_object_gpu_idle(obj);
}

bool vk_cs_wait_object(struct vk_cs *cs, struct vk_object *obj, uint64_t timeout)
{
    if (atomic_load_u64(&obj->last_cs_id) == cs->id && cs->type == VK_CS_IMMEDIATE)
    {
        uint64_t batch = atomic_load_u64(&obj->last_cs_batch);

        if (batch >= cs->batch)
            vk_cs_flush(cs);
        if (batch > atomic_load_u64(&cs->submitted))
            vk_cs_batch_timeline(cs, batch);   /* waits for the worker to submit it */
    }
    return vk_device_wait_timeline(cs->device, atomic_load_u64(&obj->last_use), timeout);
}

/* ---------------------------------------------------------------------------------------
 * Command lists */

struct vk_cmdlist *vk_cs_finish(struct vk_cs *cs)
{
    struct vk_cmdlist *list;

    if (!close_chunk(cs) || !(list = calloc(1, sizeof(*list))))
        return NULL;
    if (cs->current)   /* empty chunk kept for recording */
    {
        vk_chunk_release(cs->current);
        cs->current = NULL;
    }
    list->refcount = 1;
    list->chunks = cs->pending;
    memset(&cs->pending, 0, sizeof(cs->pending));
    ++cs->batch;
    return list;
}

void vk_cmdlist_addref(struct vk_cmdlist *list)
{
    atomic_inc_u32(&list->refcount);
}

void vk_cmdlist_release(struct vk_cmdlist *list)
{
    if (list && !atomic_dec_u32(&list->refcount))
    {
        array_release(&list->chunks);
        free(list);
    }
}

bool vk_cs_execute(struct vk_cs *cs, struct vk_cmdlist *list)
{
    size_t i;
    uint32_t j;

    if (cs->current && (cs->current->used || cs->current->ref_count))
    {
        if (!array_push(&cs->pending, cs->current))
            return false;
        cs->current = NULL;
    }
    for (i = 0; i < list->chunks.count; ++i)
    {
        struct vk_chunk *chunk = list->chunks.items[i];

        if (!array_push(&cs->pending, chunk))
            return false;
        atomic_inc_u32(&chunk->refcount);
        /* What the list uses is now pending in this stream (busy checks, waits). */
        for (j = 0; j < chunk->ref_count; ++j)
            mark_use(cs, chunk->refs[j]);
    }
    if (cs->type == VK_CS_IMMEDIATE && cs->pending.count >= AUTO_FLUSH_CHUNKS)
        vk_cs_flush(cs);
    return true;
}

void vk_cs_get_stats(struct vk_cs *cs, struct vk_cs_stats *stats)
{
    plat_mutex_lock(&cs->lock);
    *stats = cs->stats;
    plat_mutex_unlock(&cs->lock);
}

/* ---------------------------------------------------------------------------------------
 * Staging ring */

/* Keeps an application that uploads without flushing from holding unbounded staging
 * memory: flush every VK_STAGING_FLUSH_BYTES, and while too much staging is alive wait for
 * the batch a few flushes back. */
static void staging_throttle(struct vk_cs *cs)
{
    struct vk_device_core *core = vk_core(cs->device);

    if (cs->staging_since_flush >= VK_STAGING_FLUSH_BYTES)
        vk_cs_flush(cs);
    if (atomic_load_u64(&core->staging_live) > VK_STAGING_THROTTLE && cs->batch > 4)
    {
        vk_device_wait_timeline(cs->device, vk_cs_batch_timeline(cs, cs->batch - 4), UINT64_MAX);
        vk_device_collect_garbage(cs->device);
    }
}

bool vk_cs_staging_alloc(struct vk_cs *cs, VkDeviceSize size, VkDeviceSize align, struct vk_bufref *ref, void **ptr)
{
    VkDeviceSize offset;

    if (align < 16)
        align = 16;
    if (!size || (align & (align - 1)))
        return false;
    offset = align_u64(cs->staging_offset, align);
    if (!cs->staging || offset + size > cs->staging->size)
    {
        struct vk_staging_block *block;

        if (cs->type == VK_CS_IMMEDIATE)
            staging_throttle(cs);

        if (vk_staging_block_get(cs->device, size, &block) != VK_SUCCESS)
            return false;
        if (cs->staging)
            vk_object_release(&cs->staging->obj);
        cs->staging = block;
        offset = 0;
    }
    cs->staging_offset = offset + size;
    cs->staging_since_flush += size;
    ref->owner = &cs->staging->obj;
    ref->buffer = cs->staging->buffer;
    ref->offset = offset;
    *ptr = cs->staging->map + offset;
    return true;
}

/* ---------------------------------------------------------------------------------------
 * Recording helpers */

bool vk_cs_cmd_copy_buffer(struct vk_cs *cs, const struct vk_bufref *dst, const struct vk_bufref *src, VkDeviceSize size)
{
    struct vk_cmd_copy_buffer *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_COPY_BUFFER, sizeof(*c))))
        return false;
    c->dst = dst->buffer;
    c->src = src->buffer;
    c->region.dstOffset = dst->offset;
    c->region.srcOffset = src->offset;
    c->region.size = size;
    return vk_cs_ref(cs, dst->owner) && vk_cs_ref(cs, src->owner);
}

static bool copy_buffer_image(struct vk_cs *cs, enum vk_cmd_type type, struct vk_image *image,
        const struct vk_bufref *buffer, const VkBufferImageCopy *region)
{
    struct vk_cmd_copy_buffer_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, type, sizeof(*c))))
        return false;
    c->image = image;
    c->buffer = buffer->buffer;
    c->region = *region;
    c->region.bufferOffset += buffer->offset;
    return vk_cs_ref(cs, &image->obj) && vk_cs_ref(cs, buffer->owner);
}

bool vk_cs_cmd_copy_buffer_to_image(struct vk_cs *cs, struct vk_image *dst, const struct vk_bufref *src,
        const VkBufferImageCopy *region)
{
    return copy_buffer_image(cs, VK_CMD_COPY_BUFFER_TO_IMAGE, dst, src, region);
}

bool vk_cs_cmd_copy_image_to_buffer(struct vk_cs *cs, const struct vk_bufref *dst, struct vk_image *src,
        const VkBufferImageCopy *region)
{
    return copy_buffer_image(cs, VK_CMD_COPY_IMAGE_TO_BUFFER, src, dst, region);
}

bool vk_cs_cmd_copy_image(struct vk_cs *cs, struct vk_image *dst, struct vk_image *src, const VkImageCopy *region)
{
    struct vk_cmd_copy_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_COPY_IMAGE, sizeof(*c))))
        return false;
    c->dst = dst;
    c->src = src;
    c->region = *region;
    return vk_cs_ref(cs, &dst->obj) && vk_cs_ref(cs, &src->obj);
}

bool vk_cs_cmd_clear_color_image(struct vk_cs *cs, struct vk_image *image, const VkClearColorValue *color,
        const VkImageSubresourceRange *range)
{
    struct vk_cmd_clear_color_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_CLEAR_COLOR_IMAGE, sizeof(*c))))
        return false;
    c->image = image;
    c->color = *color;
    c->range = *range;
    return vk_cs_ref(cs, &image->obj);
}

bool vk_cs_cmd_clear_depth_stencil_image(struct vk_cs *cs, struct vk_image *image, const VkClearDepthStencilValue *value,
        const VkImageSubresourceRange *range)
{
    struct vk_cmd_clear_depth_stencil_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_CLEAR_DEPTH_STENCIL_IMAGE, sizeof(*c))))
        return false;
    c->image = image;
    c->value = *value;
    c->range = *range;
    return vk_cs_ref(cs, &image->obj);
}

bool vk_cs_cmd_clear_view(struct vk_cs *cs, struct vk_image_view *view, const VkClearValue *value,
        VkImageAspectFlags aspects, const VkRect2D *rects, uint32_t rect_count)
{
    do
    {
        uint32_t n = d3d11vk_min(rect_count, (uint32_t)VK_CMD_CLEAR_VIEW_MAX_RECTS);
        struct vk_cmd_clear_view *c;

        if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_CLEAR_VIEW, sizeof(*c) + n * sizeof(VkRect2D))))
            return false;
        c->view = view;
        c->value = *value;
        c->aspects = aspects;
        c->rect_count = n;
        if (n)
            memcpy(c->rects, rects, n * sizeof(*rects));
        if (!vk_cs_ref(cs, &view->obj))
            return false;
        rects += n;
        rect_count -= n;
    } while (rect_count);
    return true;
}

bool vk_cs_cmd_fill_buffer(struct vk_cs *cs, const struct vk_bufref *dst, VkDeviceSize size, uint32_t data)
{
    struct vk_cmd_fill_buffer *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_FILL_BUFFER, sizeof(*c))))
        return false;
    c->dst = dst->buffer;
    c->offset = dst->offset;
    c->size = size;
    c->data = data;
    return vk_cs_ref(cs, dst->owner);
}

bool vk_cs_cmd_resolve_image(struct vk_cs *cs, struct vk_image *dst, struct vk_image *src, const VkImageResolve *region)
{
    struct vk_cmd_resolve_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_RESOLVE_IMAGE, sizeof(*c))))
        return false;
    c->dst = dst;
    c->src = src;
    c->region = *region;
    return vk_cs_ref(cs, &dst->obj) && vk_cs_ref(cs, &src->obj);
}

bool vk_cs_cmd_resolve_views(struct vk_cs *cs, struct vk_image_view *dst, struct vk_image_view *src, VkExtent2D extent)
{
    struct vk_cmd_resolve_views *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_RESOLVE_VIEWS, sizeof(*c))))
        return false;
    c->dst = dst;
    c->src = src;
    c->extent = extent;
    return vk_cs_ref(cs, &dst->obj) && vk_cs_ref(cs, &src->obj);
}

bool vk_cs_cmd_generate_mips(struct vk_cs *cs, struct vk_image *image, uint32_t base_mip, uint32_t mip_count,
        uint32_t base_layer, uint32_t layer_count)
{
    struct vk_cmd_generate_mips *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_GENERATE_MIPS, sizeof(*c))))
        return false;
    c->image = image;
    c->base_mip = base_mip;
    c->mip_count = mip_count;
    c->base_layer = base_layer;
    c->layer_count = layer_count;
    return vk_cs_ref(cs, &image->obj);
}

static bool query_cmd(struct vk_cs *cs, enum vk_cmd_type type, struct vk_query_pool *pool, uint32_t first, uint32_t count)
{
    struct vk_cmd_query *c;

    if (!(c = vk_cs_alloc_cmd(cs, type, sizeof(*c))))
        return false;
    c->pool = pool;
    c->first = first;
    c->count = count;
    return vk_cs_ref(cs, &pool->obj);
}

bool vk_cs_cmd_reset_queries(struct vk_cs *cs, struct vk_query_pool *pool, uint32_t first, uint32_t count)
{
    return query_cmd(cs, VK_CMD_RESET_QUERIES, pool, first, count);
}

bool vk_cs_cmd_write_timestamp(struct vk_cs *cs, struct vk_query_pool *pool, uint32_t query)
{
    return query_cmd(cs, VK_CMD_WRITE_TIMESTAMP, pool, query, 1);
}

static bool semaphore_cmd(struct vk_cs *cs, enum vk_cmd_type type, struct vk_semaphore *semaphore, uint64_t value)
{
    struct vk_cmd_semaphore *c;

    if (!(c = vk_cs_alloc_cmd(cs, type, sizeof(*c))))
        return false;
    c->semaphore = semaphore;
    c->value = value;
    return vk_cs_ref(cs, &semaphore->obj);
}

bool vk_cs_cmd_signal_semaphore(struct vk_cs *cs, struct vk_semaphore *semaphore, uint64_t value)
{
    return semaphore_cmd(cs, VK_CMD_SIGNAL_SEMAPHORE, semaphore, value);
}

bool vk_cs_cmd_wait_semaphore(struct vk_cs *cs, struct vk_semaphore *semaphore, uint64_t value)
{
    return semaphore_cmd(cs, VK_CMD_WAIT_SEMAPHORE, semaphore, value);
}

bool vk_cs_cmd_host_wait(struct vk_cs *cs, void (*wait)(struct vk_object *owner, uint64_t value),
        struct vk_object *owner, uint64_t value)
{
    struct vk_cmd_host_wait *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_HOST_WAIT, sizeof(*c))))
        return false;
    c->owner = owner;
    c->wait = wait;
    c->value = value;
    return vk_cs_ref(cs, owner);
}

bool vk_cs_cmd_discard_image(struct vk_cs *cs, struct vk_image *image, const VkImageSubresourceRange *range)
{
    struct vk_cmd_discard_image *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_DISCARD_IMAGE, sizeof(*c))))
        return false;
    c->image = image;
    c->range = *range;
    return vk_cs_ref(cs, &image->obj);
}

bool vk_cs_cmd_present(struct vk_cs *cs, vk_cs_present_fn present, void *user, struct vk_image *source, uint64_t arg)
{
    struct vk_cmd_present *c;

    if (!(c = vk_cs_alloc_cmd(cs, VK_CMD_PRESENT, sizeof(*c))))
        return false;
    c->present = present;
    c->user = user;
    c->source = source;
    c->arg = arg;
    return !source || vk_cs_ref(cs, &source->obj);
}
