/* cmd_query.c — counting queries as sums of Vulkan query segments, and predicated regions
 * evaluated on the worker (see vk_query.h for the model). */
#include "vk_core_private.h"
#include "vk_query.h"
#include "vk_draw.h"

#define BLOCK_SLOTS 64u

struct segment
{
    struct vk_query_pool *pool;          /* holds a reference */
    uint32_t index;
};

struct vk_query
{
    struct vk_object obj;
    enum vk_query_kind kind;
    struct plat_mutex lock;              /* segments: appended by the worker, summed by readers */
    struct segment *segs;
    uint32_t seg_count, seg_cap;

    /* Worker only. */
    bool active;                         /* between BEGIN and END */
    bool ended;                          /* an END was replayed after the last BEGIN */
    bool end_pending;                    /* ... in the command buffer being recorded */
    uint64_t end_seq, end_value;
    bool cached;                         /* cache[] holds the last END's first two values */
    uint64_t cache[2];

    /* Published at submission for readers: done_value first, then done_seq (release). */
    uint64_t done_seq, done_value;
};

struct kind_state
{
    struct vk_query **active;            /* API queries between BEGIN and END (references) */
    uint32_t count, cap;
    struct vk_query_pool *pool;          /* current block of slots (reference) */
    uint32_t next;
    uint32_t open_index;
};

struct vk_query_ctx
{
    struct vk_device *device;
    struct kind_state kinds[VK_QUERY_KIND_COUNT];
    uint32_t pending;                    /* kinds with active queries and no open segment */
    uint32_t open;                       /* kinds with a Vulkan query begun in this command buffer */
    struct vk_query_pool **held;         /* pools used by the command buffer (references) */
    uint32_t held_count, held_cap;
    struct vk_query **ended;             /* queries ended in the command buffer (references) */
    uint32_t ended_count, ended_cap;
    VkQueryControlFlags occlusion_flags;
};

/* ---------------------------------------------------------------------------------------
 * Query objects */

uint32_t vk_query_value_count(enum vk_query_kind kind)
{
    switch (kind)
    {
        case VK_QUERY_KIND_OCCLUSION:
            return 1;
        case VK_QUERY_KIND_PIPELINE_STATISTICS:
            return 11;
        case VK_QUERY_KIND_XFB_STREAM0:
        case VK_QUERY_KIND_XFB_STREAM1:
        case VK_QUERY_KIND_XFB_STREAM2:
        case VK_QUERY_KIND_XFB_STREAM3:
            return 2;
        default:
            return 0;
    }
}

static bool is_xfb(enum vk_query_kind kind)
{
    return kind >= VK_QUERY_KIND_XFB_STREAM0 && kind <= VK_QUERY_KIND_XFB_STREAM3;
}

bool vk_query_kind_supported(struct vk_device *device, enum vk_query_kind kind)
{
    const VkPhysicalDeviceFeatures *f = &device->enabled.core.features;

    switch (kind)
    {
        case VK_QUERY_KIND_NONE:
        case VK_QUERY_KIND_OCCLUSION:
            return true;
        case VK_QUERY_KIND_PIPELINE_STATISTICS:
            /* The pools count all eleven statistics. */
            return f->pipelineStatisticsQuery && f->geometryShader && f->tessellationShader;
        default:
            if (!is_xfb(kind) || !device->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK]
                    || !device->enabled.xfb.transformFeedback)
                return false;
            return kind == VK_QUERY_KIND_XFB_STREAM0 || device->enabled.xfb.geometryStreams;
    }
}

static void clear_segments(struct vk_query *q)
{
    struct segment *segs;
    uint32_t i, count;

    plat_mutex_lock(&q->lock);
    segs = q->segs;
    count = q->seg_count;
    q->segs = NULL;
    q->seg_count = q->seg_cap = 0;
    plat_mutex_unlock(&q->lock);
    for (i = 0; i < count; ++i)
        vk_query_pool_release(segs[i].pool);
    free(segs);
}

static void query_destroy(struct vk_object *obj)
{
    struct vk_query *q = CONTAINING_RECORD(obj, struct vk_query, obj);

    clear_segments(q);
    plat_mutex_destroy(&q->lock);
    free(q);
}

VkResult vk_query_create(struct vk_device *device, enum vk_query_kind kind, struct vk_query **out)
{
    struct vk_query *q;

    if ((unsigned int)kind >= VK_QUERY_KIND_COUNT)
        return VK_ERROR_INITIALIZATION_FAILED;
    if (!(q = calloc(1, sizeof(*q))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&q->obj, device, VK_OBJ_QUERY_POOL, query_destroy);
    q->kind = kind;
    plat_mutex_init(&q->lock);
    *out = q;
    return VK_SUCCESS;
}

void vk_query_release(struct vk_query *query)
{
    if (query)
        vk_object_release(&query->obj);
}

/* Sums the segments; VK_NOT_READY if one has no result yet. */
static VkResult sum_segments(struct vk_query *q, uint64_t *values)
{
    struct vk_device *device = q->obj.device;
    uint32_t n = vk_query_value_count(q->kind), i, j;
    uint64_t r[VK_QUERY_MAX_VALUES];
    VkResult vr = VK_SUCCESS;

    memset(values, 0, n * sizeof(*values));
    plat_mutex_lock(&q->lock);
    for (i = 0; i < q->seg_count && vr == VK_SUCCESS; ++i)
    {
        vr = device->vk.vkGetQueryPoolResults(device->device, q->segs[i].pool->pool, q->segs[i].index, 1,
                sizeof(r), r, sizeof(r), VK_QUERY_RESULT_64_BIT);
        if (vr == VK_SUCCESS)
            for (j = 0; j < n; ++j)
                values[j] += r[j];
    }
    plat_mutex_unlock(&q->lock);
    return vr;
}

VkResult vk_query_get_results(struct vk_query *q, uint64_t seq, uint64_t *values)
{
    if (__atomic_load_n(&q->done_seq, __ATOMIC_ACQUIRE) < seq)
        return VK_NOT_READY;
    if (vk_device_timeline_completed(q->obj.device) < atomic_load_u64(&q->done_value))
        return VK_NOT_READY;
    return sum_segments(q, values);
}

/* ---------------------------------------------------------------------------------------
 * Recording */

bool vk_cs_cmd_begin_query(struct vk_cs *cs, struct vk_query *query)
{
    struct vk_cmd_query_op *c;

    if (!(c = vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_BEGIN_QUERY, sizeof(*c))))
        return false;
    c->query = query;
    return vk_cs_ref(cs, &query->obj);
}

bool vk_cs_cmd_end_query(struct vk_cs *cs, struct vk_query *query, uint64_t seq)
{
    struct vk_cmd_query_op *c;

    if (!(c = vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_END_QUERY, sizeof(*c))))
        return false;
    c->query = query;
    c->seq = seq;
    return vk_cs_ref(cs, &query->obj);
}

bool vk_cs_cmd_predicate_begin(struct vk_cs *cs, struct vk_query *const *queries, uint32_t count,
        enum vk_predicate_test test, bool skip_if)
{
    struct vk_cmd_predicate *c;
    uint32_t i;

    if (!count || count > ARRAY_SIZE(c->queries))
        return false;
    if (!(c = vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_PREDICATE_BEGIN, sizeof(*c))))
        return false;
    c->count = count;
    c->test = test;
    c->skip_if = skip_if;
    for (i = 0; i < count; ++i)
        c->queries[i] = queries[i];
    for (i = 0; i < count; ++i)
        if (!vk_cs_ref(cs, &queries[i]->obj))
            return false;
    return true;
}

bool vk_cs_cmd_predicate_end(struct vk_cs *cs)
{
    return !!vk_cs_alloc_cmd(cs, (enum vk_cmd_type)VK_CMD_PREDICATE_END, sizeof(struct vk_cmd_header));
}

/* ---------------------------------------------------------------------------------------
 * Worker */

static bool grow(void **array, uint32_t *cap, uint32_t count, size_t size)
{
    uint32_t n;
    void *p;

    if (count < *cap)
        return true;
    n = *cap ? *cap * 2 : 8;
    if (!(p = realloc(*array, n * size)))
        return false;
    *array = p;
    *cap = n;
    return true;
}

static struct vk_query_ctx *ctx_create(struct vk_device *device)
{
    struct vk_query_ctx *ctx;

    if (!(ctx = calloc(1, sizeof(*ctx))))
        return NULL;
    ctx->device = device;
    if (device->enabled.core.features.occlusionQueryPrecise)
        ctx->occlusion_flags = VK_QUERY_CONTROL_PRECISE_BIT;
    return ctx;
}

void vk_query_ctx_destroy(struct vk_query_ctx *ctx)
{
    uint32_t i, j;

    if (!ctx)
        return;
    for (i = 0; i < VK_QUERY_KIND_COUNT; ++i)
    {
        struct kind_state *ks = &ctx->kinds[i];

        for (j = 0; j < ks->count; ++j)
        {
            ks->active[j]->active = false;
            vk_query_release(ks->active[j]);
        }
        free(ks->active);
        if (ks->pool)
            vk_query_pool_release(ks->pool);
    }
    for (i = 0; i < ctx->held_count; ++i)
        vk_query_pool_release(ctx->held[i]);
    for (i = 0; i < ctx->ended_count; ++i)
        vk_query_release(ctx->ended[i]);
    free(ctx->held);
    free(ctx->ended);
    free(ctx);
}

static VkQueryType vk_type(enum vk_query_kind kind)
{
    if (kind == VK_QUERY_KIND_OCCLUSION)
        return VK_QUERY_TYPE_OCCLUSION;
    if (kind == VK_QUERY_KIND_PIPELINE_STATISTICS)
        return VK_QUERY_TYPE_PIPELINE_STATISTICS;
    return VK_QUERY_TYPE_TRANSFORM_FEEDBACK_STREAM_EXT;
}

static void open_segment(struct vk_query_ctx *ctx, enum vk_query_kind kind, VkCommandBuffer cb)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;
    struct kind_state *ks = &ctx->kinds[kind];
    uint32_t i, index;

    ctx->pending &= ~(1u << kind);
    if (!ks->count || !vk_query_kind_supported(ctx->device, kind))
        return;
    if (!ks->pool || ks->next == ks->pool->count)
    {
        if (ks->pool)
            vk_query_pool_release(ks->pool);
        ks->pool = NULL;
        if (vk_query_pool_create(ctx->device, vk_type(kind), BLOCK_SLOTS, &ks->pool) != VK_SUCCESS)
        {
            LOG_ERR("Cannot create a query pool: queries of kind %u count nothing here.", kind);
            ks->pool = NULL;
            return;
        }
        ks->next = 0;
    }
    if ((!ctx->held_count || ctx->held[ctx->held_count - 1] != ks->pool))
    {
        if (!grow((void **)&ctx->held, &ctx->held_cap, ctx->held_count, sizeof(*ctx->held)))
            return;
        vk_object_addref(&ks->pool->obj);
        ctx->held[ctx->held_count++] = ks->pool;
    }
    index = ks->next++;
    if (!ctx->device->enabled.v12.hostQueryReset)
        vk->vkCmdResetQueryPool(cb, ks->pool->pool, index, 1);
    if (is_xfb(kind))
        vk->vkCmdBeginQueryIndexedEXT(cb, ks->pool->pool, index, 0, kind - VK_QUERY_KIND_XFB_STREAM0);
    else
        vk->vkCmdBeginQuery(cb, ks->pool->pool, index, kind == VK_QUERY_KIND_OCCLUSION ? ctx->occlusion_flags : 0);
    ks->open_index = index;
    ctx->open |= 1u << kind;
    for (i = 0; i < ks->count; ++i)
    {
        struct vk_query *q = ks->active[i];

        plat_mutex_lock(&q->lock);
        if (grow((void **)&q->segs, &q->seg_cap, q->seg_count, sizeof(*q->segs)))
        {
            vk_object_addref(&ks->pool->obj);
            q->segs[q->seg_count].pool = ks->pool;
            q->segs[q->seg_count++].index = index;
        }
        plat_mutex_unlock(&q->lock);
    }
}

static void close_segment(struct vk_query_ctx *ctx, enum vk_query_kind kind, VkCommandBuffer cb)
{
    const struct VolkDeviceTable *vk = &ctx->device->vk;
    struct kind_state *ks = &ctx->kinds[kind];

    if (!(ctx->open & (1u << kind)))
        return;
    if (is_xfb(kind))
        vk->vkCmdEndQueryIndexedEXT(cb, ks->pool->pool, ks->open_index, kind - VK_QUERY_KIND_XFB_STREAM0);
    else
        vk->vkCmdEndQuery(cb, ks->pool->pool, ks->open_index);
    ctx->open &= ~(1u << kind);
    if (ks->count)
        ctx->pending |= 1u << kind;
}

void vk_query_resume(struct vk_query_ctx *ctx, VkCommandBuffer cb)
{
    uint32_t mask;

    if (!ctx || !ctx->pending || !cb)
        return;
    for (mask = ctx->pending; mask; mask &= mask - 1)
        open_segment(ctx, (enum vk_query_kind)__builtin_ctz(mask), cb);
}

void vk_query_end_cb(struct vk_query_ctx *ctx, VkCommandBuffer cb)
{
    uint32_t mask;

    if (!ctx || !ctx->open || !cb)
        return;
    for (mask = ctx->open; mask; mask &= mask - 1)
        close_segment(ctx, (enum vk_query_kind)__builtin_ctz(mask), cb);
}

void vk_query_submitted(struct vk_query_ctx *ctx, uint64_t value)
{
    uint32_t i;

    if (!ctx)
        return;
    /* A command buffer that did not end (no command buffer at all) cannot hold open segments. */
    ctx->open = 0;
    for (i = 0; i < VK_QUERY_KIND_COUNT; ++i)
        if (ctx->kinds[i].count)
            ctx->pending |= 1u << i;
    for (i = 0; i < ctx->held_count; ++i)
    {
        atomic_max_u64(&ctx->held[i]->obj.last_use, value);
        vk_query_pool_release(ctx->held[i]);
    }
    ctx->held_count = 0;
    for (i = 0; i < ctx->ended_count; ++i)
    {
        struct vk_query *q = ctx->ended[i];

        if (q->end_pending)
        {
            q->end_pending = false;
            q->end_value = value;
            __atomic_store_n(&q->done_value, value, __ATOMIC_RELEASE);
            __atomic_store_n(&q->done_seq, q->end_seq, __ATOMIC_RELEASE);
        }
        vk_query_release(q);
    }
    ctx->ended_count = 0;
}

/* Leaves rendering and closes the kind's open segment (a change of its active set follows). */
static void split(struct vk_replay *r, struct vk_query_ctx *ctx, struct vk_draw_ctx *draw, enum vk_query_kind kind)
{
    VkCommandBuffer cb;

    if (!(ctx->open & (1u << kind)))
        return;
    if (!(cb = vk_replay_command_buffer(r)))
        return;
    vk_draw_suspend(draw, r);
    close_segment(ctx, kind, cb);
}

static void replay_begin(struct vk_replay *r, struct vk_query_ctx *ctx, struct vk_draw_ctx *draw, struct vk_query *q)
{
    struct kind_state *ks = &ctx->kinds[q->kind];

    q->ended = q->cached = false;
    if (q->kind == VK_QUERY_KIND_NONE)
        return;
    split(r, ctx, draw, q->kind);
    /* The next draw must begin rendering again, after opening the segment. */
    vk_draw_suspend(draw, r);
    clear_segments(q);   /* a BEGIN of an active query restarts it */
    if (!q->active)
    {
        if (!grow((void **)&ks->active, &ks->cap, ks->count, sizeof(*ks->active)))
            return;
        vk_object_addref(&q->obj);
        ks->active[ks->count++] = q;
        q->active = true;
    }
    ctx->pending |= 1u << q->kind;
}

static void replay_end(struct vk_replay *r, struct vk_query_ctx *ctx, struct vk_draw_ctx *draw, struct vk_query *q,
        uint64_t seq)
{
    struct kind_state *ks = &ctx->kinds[q->kind];
    uint32_t i;

    if (q->kind != VK_QUERY_KIND_NONE)
    {
        if (q->active)
        {
            split(r, ctx, draw, q->kind);
            for (i = 0; i < ks->count; ++i)
                if (ks->active[i] == q)
                {
                    ks->active[i] = ks->active[--ks->count];
                    break;
                }
            q->active = false;
            vk_query_release(q);
            if (ks->count)
                ctx->pending |= 1u << q->kind;
            else
                ctx->pending &= ~(1u << q->kind);
        }
        else
            clear_segments(q);   /* END without BEGIN: an empty query */
    }
    if (!grow((void **)&ctx->ended, &ctx->ended_cap, ctx->ended_count, sizeof(*ctx->ended)))
        return;
    vk_object_addref(&q->obj);
    ctx->ended[ctx->ended_count++] = q;
    q->ended = true;
    q->cached = false;
    q->end_pending = true;
    q->end_seq = seq;
}

static bool evaluate(struct vk_replay *r, struct vk_query_ctx *ctx, const struct vk_cmd_predicate *c)
{
    uint64_t values[VK_QUERY_MAX_VALUES] = { 0 };
    bool result = false;
    uint32_t i;

    for (i = 0; i < c->count && i < ARRAY_SIZE(c->queries); ++i)
    {
        struct vk_query *q = c->queries[i];

        if (!q->ended || q->active || q->kind == VK_QUERY_KIND_NONE)
            return false;   /* no result to go by: nothing is skipped */
        if (!q->cached)
        {
            if (q->end_pending)
                vk_replay_submit(r);
            vk_device_wait_timeline(ctx->device, q->end_value, UINT64_MAX);
            if (sum_segments(q, values) != VK_SUCCESS)
                return false;
            q->cache[0] = values[0];
            q->cache[1] = values[1];
            q->cached = true;
        }
        values[0] = q->cache[0];
        values[1] = q->cache[1];
        if (c->test == VK_PREDICATE_OVERFLOW)
            result |= vk_query_value_count(q->kind) >= 2 && values[1] > values[0];
        else
            result |= values[0] != 0;
    }
    return result == !!c->skip_if;
}

bool vk_query_replay(struct vk_replay *r, struct vk_query_ctx **pctx, struct vk_draw_ctx *draw,
        const struct vk_cmd_header *h)
{
    struct vk_query_ctx *ctx = *pctx;

    if (!ctx && !(ctx = *pctx = ctx_create(vk_replay_device(r))))
        return false;
    switch (h->type)
    {
        case VK_CMD_BEGIN_QUERY:
            replay_begin(r, ctx, draw, ((const struct vk_cmd_query_op *)h)->query);
            return false;
        case VK_CMD_END_QUERY:
        {
            const struct vk_cmd_query_op *c = (const void *)h;

            replay_end(r, ctx, draw, c->query, c->seq);
            return false;
        }
        case VK_CMD_PREDICATE_BEGIN:
            return evaluate(r, ctx, (const struct vk_cmd_predicate *)h);
        case VK_CMD_PREDICATE_END:
            return false;
        default:
            LOG_ERR("Unknown query command type %#x.", h->type);
            return false;
    }
}
