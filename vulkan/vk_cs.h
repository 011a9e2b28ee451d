/* vk_cs.h — the command stream (DESIGN decision 2): plain-data command records in chunks,
 * one worker thread per immediate stream replaying them into Vulkan command buffers, and
 * submission on the device timeline. Knows nothing of D3D.
 *
 * How frontend code uses it:
 *   - Each D3D11 context owns one `struct vk_cs`: vk_cs_create(device, VK_CS_IMMEDIATE) for
 *     the immediate context (starts its worker), VK_CS_DEFERRED for deferred contexts (no
 *     worker; its chunks become command lists).
 *   - Record with the vk_cs_cmd_* helpers below: they copy what they need, take references
 *     on every object involved (so the caller may release them at once) and return false
 *     only when out of memory. Lower level: p = vk_cs_alloc_cmd(cs, TYPE, sizeof(*p)), fill
 *     it, then vk_cs_ref(cs, obj) for each object it names — in that order, so the
 *     references land in the chunk that holds the command.
 *   - Upload data (initial data, UpdateSubresource, typed clears): vk_cs_staging_alloc()
 *     gives a host pointer in the staging ring and a vk_bufref to copy from.
 *   - vk_cs_flush(): hands the recorded chunks to the worker, which submits them (Flush).
 *   - Synchronous paths: vk_cs_object_busy() (Map with DO_NOT_WAIT), vk_cs_wait_object()
 *     (Map READ of a staging resource), vk_cs_sync() + vk_device_wait_timeline() /
 *     vk_device_timeline_completed() (queries: an event query is a timeline value).
 *   - Deferred contexts: vk_cs_finish() turns what was recorded into a `struct vk_cmdlist`
 *     (refcounted chunks, replayable any number of times); vk_cs_execute() appends a
 *     command list to any stream.
 *   - A stream is used by one thread at a time (the D3D11 context rules); the worker and the
 *     frontend only meet in vk_cs_flush/sync/wait.
 */
#ifndef D3D11VK_VK_CS_H
#define D3D11VK_VK_CS_H

#include "vk_resource.h"

enum vk_cs_type
{
    VK_CS_IMMEDIATE,
    VK_CS_DEFERRED,
};

enum vk_cmd_type
{
    VK_CMD_NOP = 0,
    VK_CMD_COPY_BUFFER,
    VK_CMD_COPY_BUFFER_TO_IMAGE,
    VK_CMD_COPY_IMAGE_TO_BUFFER,
    VK_CMD_COPY_IMAGE,
    VK_CMD_CLEAR_COLOR_IMAGE,
    VK_CMD_CLEAR_DEPTH_STENCIL_IMAGE,
    VK_CMD_CLEAR_VIEW,
    VK_CMD_FILL_BUFFER,
    VK_CMD_RESOLVE_IMAGE,
    VK_CMD_RESOLVE_VIEWS,
    VK_CMD_GENERATE_MIPS,
    VK_CMD_RESET_QUERIES,
    VK_CMD_WRITE_TIMESTAMP,
    VK_CMD_SIGNAL_SEMAPHORE,
    VK_CMD_WAIT_SEMAPHORE,
    VK_CMD_DISCARD_IMAGE,
    VK_CMD_PRESENT,
    VK_CMD_HOST_WAIT,
    VK_CMD_TYPE_COUNT,
};

/* Every record starts with this; size is the whole record in bytes, a multiple of 8. */
struct vk_cmd_header
{
    uint16_t type;
    uint16_t size;
};

/* Buffer offsets in the records are absolute (vk_bufref.offset already added). */
struct vk_cmd_copy_buffer
{
    struct vk_cmd_header hdr;
    VkBuffer dst, src;
    VkBufferCopy region;
};

struct vk_cmd_copy_buffer_image          /* COPY_BUFFER_TO_IMAGE and COPY_IMAGE_TO_BUFFER */
{
    struct vk_cmd_header hdr;
    struct vk_image *image;
    VkBuffer buffer;
    VkBufferImageCopy region;            /* bufferOffset absolute */
};

struct vk_cmd_copy_image
{
    struct vk_cmd_header hdr;
    struct vk_image *dst, *src;
    VkImageCopy region;
};

struct vk_cmd_clear_color_image
{
    struct vk_cmd_header hdr;
    struct vk_image *image;
    VkClearColorValue color;             /* interpreted in the image's own format */
    VkImageSubresourceRange range;
};

struct vk_cmd_clear_depth_stencil_image
{
    struct vk_cmd_header hdr;
    struct vk_image *image;
    VkClearDepthStencilValue value;
    VkImageSubresourceRange range;       /* aspectMask chooses depth and/or stencil */
};

/* A clear through a view (its format, its subresources): the whole view when rect_count
 * is 0, else the rects (clamped to the view). The view needs attachment usage. */
#define VK_CMD_CLEAR_VIEW_MAX_RECTS 256
struct vk_cmd_clear_view
{
    struct vk_cmd_header hdr;
    struct vk_image_view *view;
    VkClearValue value;
    VkImageAspectFlags aspects;          /* for depth/stencil views: which to clear */
    uint32_t rect_count;
    VkRect2D rects[];
};

struct vk_cmd_fill_buffer
{
    struct vk_cmd_header hdr;
    VkBuffer dst;
    VkDeviceSize offset, size;           /* multiples of 4 */
    uint32_t data;
};

struct vk_cmd_resolve_image
{
    struct vk_cmd_header hdr;
    struct vk_image *dst, *src;
    VkImageResolve region;
};

/* A resolve through views (formats other than the images' own): src a multisampled colour
 * view, dst a single-sampled one of the same format, both of one mip and layer and with
 * colour attachment usage; extent: the region from (0, 0). */
struct vk_cmd_resolve_views
{
    struct vk_cmd_header hdr;
    struct vk_image_view *dst, *src;
    VkExtent2D extent;
};

/* Mip i (i > base_mip) = linear blit of mip i-1, for every layer in the range. */
struct vk_cmd_generate_mips
{
    struct vk_cmd_header hdr;
    struct vk_image *image;
    uint32_t base_mip, mip_count, base_layer, layer_count;
};

struct vk_cmd_query
{
    struct vk_cmd_header hdr;
    struct vk_query_pool *pool;
    uint32_t first, count;               /* WRITE_TIMESTAMP writes query `first` */
};

struct vk_cmd_semaphore
{
    struct vk_cmd_header hdr;
    struct vk_semaphore *semaphore;
    uint64_t value;
};

/* The worker submits what came before, then blocks in wait(owner, value) until it returns
 * (a value counted on the CPU, e.g. a fence counter another process sets); later commands
 * are submitted after it. owner is referenced by the chunk. */
struct vk_cmd_host_wait
{
    struct vk_cmd_header hdr;
    struct vk_object *owner;
    void (*wait)(struct vk_object *owner, uint64_t value);
    uint64_t value;
};

struct vk_cmd_discard_image
{
    struct vk_cmd_header hdr;
    struct vk_image *image;
    VkImageSubresourceRange range;
};

/* Presentation (swap chains): the worker first submits everything recorded before the
 * record, then calls present(user, source, arg) on its own thread, so the application
 * thread never waits for acquire or present. The callback submits its own work on the
 * device queue (after the back buffer's commands, in queue order); the worker starts a new
 * command buffer afterwards, whose first barrier orders later writes to the source after
 * the callback's reads. `source` is kept alive by the record. */
typedef void (*vk_cs_present_fn)(void *user, struct vk_image *source, uint64_t arg);
struct vk_cmd_present
{
    struct vk_cmd_header hdr;
    vk_cs_present_fn present;
    void *user;
    struct vk_image *source;
    uint64_t arg;
};

/* ---------------------------------------------------------------------------------------
 * Streams */

struct vk_cs;
struct vk_cmdlist;

VkResult vk_cs_create(struct vk_device *device, enum vk_cs_type type, struct vk_cs **out);
/* Flushes, waits for the worker to submit, stops it, drops what a deferred stream held. */
void vk_cs_destroy(struct vk_cs *cs);
struct vk_device *vk_cs_device(const struct vk_cs *cs);

/* Room for a record of `size` bytes (>= sizeof(struct vk_cmd_header), <= 32 KiB), header
 * filled in; NULL when out of memory. */
void *vk_cs_alloc_cmd(struct vk_cs *cs, enum vk_cmd_type type, size_t size);
/* Keeps obj alive for the chunk being recorded (call after vk_cs_alloc_cmd). */
bool vk_cs_ref(struct vk_cs *cs, struct vk_object *obj);

/* Host-visible upload space valid until the commands recorded after it have executed.
 * align: a power of two (>= 4 is always used). */
bool vk_cs_staging_alloc(struct vk_cs *cs, VkDeviceSize size, VkDeviceSize align, struct vk_bufref *ref, void **ptr);

/* Immediate: hands the recorded chunks to the worker and submits them. Returns the
 * stream's batch number of that submission (0 when nothing was pending: then the previous
 * batch number). Deferred: no-op. */
uint64_t vk_cs_flush(struct vk_cs *cs);
/* Flushes, waits until the worker has submitted, and returns the device timeline value
 * after which everything recorded so far is complete. */
uint64_t vk_cs_sync(struct vk_cs *cs);
/* The timeline value of batch `batch` once submitted (waits for the worker to submit it;
 * flush first). */
uint64_t vk_cs_batch_timeline(struct vk_cs *cs, uint64_t batch);
/* The batch number that what is recorded now will be submitted in (event queries: End
 * remembers it, GetData asks vk_cs_batch_complete). Marks the point: the batch completes
 * only after a flush, even when nothing else is recorded. */
uint64_t vk_cs_current_batch(struct vk_cs *cs);
/* Whether batch has completed on the GPU. When still unflushed: flushes first if `flush`
 * (else answers false). Never waits. */
bool vk_cs_batch_complete(struct vk_cs *cs, uint64_t batch, bool flush);
/* Whether pending or executing commands (of this stream, or submitted by any stream) use
 * obj. Never flushes. */
bool vk_cs_object_busy(struct vk_cs *cs, struct vk_object *obj);
/* Waits (flushing if obj is used by unflushed commands of cs) until the GPU is done with
 * obj; timeout in ns, 0 = only check (flushes anyway when needed, as D3D11 does for
 * DO_NOT_WAIT). True when idle. */
bool vk_cs_wait_object(struct vk_cs *cs, struct vk_object *obj, uint64_t timeout);

/* Deferred streams: the recorded chunks become a command list (refcount 1), the stream
 * starts empty again. NULL when out of memory. */
struct vk_cmdlist *vk_cs_finish(struct vk_cs *cs);
void vk_cmdlist_addref(struct vk_cmdlist *list);
void vk_cmdlist_release(struct vk_cmdlist *list);
/* Appends the list's chunks (shared, not copied) after what cs recorded so far. */
bool vk_cs_execute(struct vk_cs *cs, struct vk_cmdlist *list);

/* Counters for tests and logs. */
struct vk_cs_stats
{
    uint64_t commands;                   /* records replayed */
    uint64_t submissions;                /* vkQueueSubmit calls */
    uint64_t barriers;                   /* pipeline barriers inserted by hazard tracking */
    uint64_t chunks;                     /* chunks replayed */
};
void vk_cs_get_stats(struct vk_cs *cs, struct vk_cs_stats *stats);

/* ---------------------------------------------------------------------------------------
 * Recording helpers (take references, copy regions). False only when out of memory. */

bool vk_cs_cmd_copy_buffer(struct vk_cs *cs, const struct vk_bufref *dst, const struct vk_bufref *src, VkDeviceSize size);
/* region->bufferOffset is relative to src/dst->offset. */
bool vk_cs_cmd_copy_buffer_to_image(struct vk_cs *cs, struct vk_image *dst, const struct vk_bufref *src,
        const VkBufferImageCopy *region);
bool vk_cs_cmd_copy_image_to_buffer(struct vk_cs *cs, const struct vk_bufref *dst, struct vk_image *src,
        const VkBufferImageCopy *region);
/* Formats must be size-compatible (typeless families; BC blocks <-> uint texels). */
bool vk_cs_cmd_copy_image(struct vk_cs *cs, struct vk_image *dst, struct vk_image *src, const VkImageCopy *region);
bool vk_cs_cmd_clear_color_image(struct vk_cs *cs, struct vk_image *image, const VkClearColorValue *color,
        const VkImageSubresourceRange *range);
bool vk_cs_cmd_clear_depth_stencil_image(struct vk_cs *cs, struct vk_image *image, const VkClearDepthStencilValue *value,
        const VkImageSubresourceRange *range);
/* rect_count <= VK_CMD_CLEAR_VIEW_MAX_RECTS (more are split into several records). */
bool vk_cs_cmd_clear_view(struct vk_cs *cs, struct vk_image_view *view, const VkClearValue *value,
        VkImageAspectFlags aspects, const VkRect2D *rects, uint32_t rect_count);
bool vk_cs_cmd_fill_buffer(struct vk_cs *cs, const struct vk_bufref *dst, VkDeviceSize size, uint32_t data);
bool vk_cs_cmd_resolve_image(struct vk_cs *cs, struct vk_image *dst, struct vk_image *src, const VkImageResolve *region);
bool vk_cs_cmd_resolve_views(struct vk_cs *cs, struct vk_image_view *dst, struct vk_image_view *src, VkExtent2D extent);
bool vk_cs_cmd_generate_mips(struct vk_cs *cs, struct vk_image *image, uint32_t base_mip, uint32_t mip_count,
        uint32_t base_layer, uint32_t layer_count);
bool vk_cs_cmd_reset_queries(struct vk_cs *cs, struct vk_query_pool *pool, uint32_t first, uint32_t count);
bool vk_cs_cmd_write_timestamp(struct vk_cs *cs, struct vk_query_pool *pool, uint32_t query);
/* ID3D11DeviceContext4::Signal/Wait: the worker splits the submission there. */
bool vk_cs_cmd_signal_semaphore(struct vk_cs *cs, struct vk_semaphore *semaphore, uint64_t value);
bool vk_cs_cmd_wait_semaphore(struct vk_cs *cs, struct vk_semaphore *semaphore, uint64_t value);
/* ID3D11DeviceContext4::Wait on a value only the CPU sees: the worker waits, not the caller. */
bool vk_cs_cmd_host_wait(struct vk_cs *cs, void (*wait)(struct vk_object *owner, uint64_t value),
        struct vk_object *owner, uint64_t value);
/* DiscardResource/DiscardView: contents become undefined (the range is transitioned from
 * VK_IMAGE_LAYOUT_UNDEFINED, so the driver may drop them). */
bool vk_cs_cmd_discard_image(struct vk_cs *cs, struct vk_image *image, const VkImageSubresourceRange *range);
/* Swap chains: see struct vk_cmd_present (immediate streams; the caller keeps `user` alive
 * until vk_cs_sync returns after its last present record). */
bool vk_cs_cmd_present(struct vk_cs *cs, vk_cs_present_fn present, void *user, struct vk_image *source, uint64_t arg);

#endif
