/* vk_query.h — counting queries (occlusion, pipeline statistics, transform feedback
 * streams) and predicated regions, replayed by the stream worker (cmd_query.c). Knows
 * nothing of D3D.
 *
 * How frontend code uses it:
 *   - One `struct vk_query` per API query object (vk_query_create; a vk_object, so commands
 *     keep it alive). Record vk_cs_cmd_begin_query / vk_cs_cmd_end_query around the work to
 *     count; every END carries a sequence number chosen by the caller (increasing per
 *     query). vk_query_get_results(q, seq, ...) answers VK_NOT_READY until the END with that
 *     number was replayed, submitted and completed on the GPU, then the summed values.
 *     Queries of kind NONE count nothing: their END only tells completion (events,
 *     timestamps).
 *   - Vulkan allows one active query per type (and stream) in a command buffer, and a query
 *     begun inside a rendering instance must end inside it. So an API query becomes a list
 *     of Vulkan query "segments": the worker opens one segment per kind, shared by every API
 *     query of that kind active at that point, lazily before the next draw or dispatch and
 *     outside rendering; it closes it when the set of active queries of the kind changes and
 *     at the end of each command buffer. The result is the sum of the query's segments.
 *     Overlapping and nested queries, queries across flushes, across render-target changes,
 *     and queries begun and ended in command lists (deferred contexts) all work this way.
 *   - Predication: vk_cs_cmd_predicate_begin(cs, queries, test, skip_if) ... records ...
 *     vk_cs_cmd_predicate_end(cs): the worker skips the records in between when the
 *     predicate's value equals skip_if. The value is computed on the worker from the
 *     queries' last results (it submits and waits for the GPU when the predicate query ended
 *     in the command buffer being recorded). Record only self-contained work between the two
 *     (a draw or dispatch record, the records of one copy/clear), never binding records.
 */
#ifndef D3D11VK_VK_QUERY_H
#define D3D11VK_VK_QUERY_H

#include "vk_cs.h"

/* Record types of this file: a range of their own; cmd_replay.c forwards them. */
enum vk_query_cmd_type
{
    VK_CMD_QUERY_BASE = 0x200,
    VK_CMD_BEGIN_QUERY = VK_CMD_QUERY_BASE,
    VK_CMD_END_QUERY,
    VK_CMD_PREDICATE_BEGIN,
    VK_CMD_PREDICATE_END,
    VK_CMD_QUERY_LAST,
};

enum vk_query_kind
{
    VK_QUERY_KIND_NONE,                  /* completion only */
    VK_QUERY_KIND_OCCLUSION,             /* 1 value: samples passed (precise where offered) */
    VK_QUERY_KIND_PIPELINE_STATISTICS,   /* 11 values in D3D11_QUERY_DATA_PIPELINE_STATISTICS order */
    VK_QUERY_KIND_XFB_STREAM0,           /* 2 values: primitives written, primitives needed */
    VK_QUERY_KIND_XFB_STREAM1,
    VK_QUERY_KIND_XFB_STREAM2,
    VK_QUERY_KIND_XFB_STREAM3,
    VK_QUERY_KIND_COUNT,
};

#define VK_QUERY_MAX_VALUES 11

/* How a predicate turns a query's values into a boolean. */
enum vk_predicate_test
{
    VK_PREDICATE_NONZERO,                /* value 0 != 0 (occlusion: anything visible) */
    VK_PREDICATE_OVERFLOW,               /* value 1 > value 0 (stream output overflowed) */
};

struct vk_query;

/* Whether the device can count this kind (features and extensions). */
bool vk_query_kind_supported(struct vk_device *device, enum vk_query_kind kind);
uint32_t vk_query_value_count(enum vk_query_kind kind);
VkResult vk_query_create(struct vk_device *device, enum vk_query_kind kind, struct vk_query **out);
void vk_query_release(struct vk_query *query);
/* VK_SUCCESS with values[vk_query_value_count()] summed; VK_NOT_READY while the END
 * numbered seq has not completed (never waits). */
VkResult vk_query_get_results(struct vk_query *query, uint64_t seq, uint64_t *values);

/* Recording (false only when out of memory). A BEGIN of an active query restarts it. */
bool vk_cs_cmd_begin_query(struct vk_cs *cs, struct vk_query *query);
bool vk_cs_cmd_end_query(struct vk_cs *cs, struct vk_query *query, uint64_t seq);
/* The predicate is the OR of test() over the queries (1 to 4). A query that was never
 * ended, or is between BEGIN and END, counts as false... and then nothing is skipped. */
bool vk_cs_cmd_predicate_begin(struct vk_cs *cs, struct vk_query *const *queries, uint32_t count,
        enum vk_predicate_test test, bool skip_if);
bool vk_cs_cmd_predicate_end(struct vk_cs *cs);

/* Records (plain data). */
struct vk_cmd_query_op
{
    struct vk_cmd_header hdr;
    struct vk_query *query;
    uint64_t seq;                        /* END only */
};

struct vk_cmd_predicate
{
    struct vk_cmd_header hdr;
    uint32_t count, test, skip_if, pad;
    struct vk_query *queries[4];
};

/* The worker side (cmd_replay.c calls these; ctx is the replay's query state). */
struct vk_replay;
struct vk_draw_ctx;
struct vk_query_ctx;
void vk_query_ctx_destroy(struct vk_query_ctx *ctx);
/* A record of the range above. Returns true for a PREDICATE_BEGIN whose records must be skipped. */
bool vk_query_replay(struct vk_replay *replay, struct vk_query_ctx **ctx, struct vk_draw_ctx *draw,
        const struct vk_cmd_header *hdr);
/* Outside rendering, before draws or dispatches: opens the segments queries wait for. */
void vk_query_resume(struct vk_query_ctx *ctx, VkCommandBuffer cb);
/* The command buffer is about to end (rendering ended): closes open segments. */
void vk_query_end_cb(struct vk_query_ctx *ctx, VkCommandBuffer cb);
/* The command buffer (or an empty submission) got timeline value `value`. */
void vk_query_submitted(struct vk_query_ctx *ctx, uint64_t value);

/* What cmd_replay.c offers for predicates: submits what was recorded so far. */
uint64_t vk_replay_submit(struct vk_replay *replay);

#endif
