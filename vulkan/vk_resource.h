/* vk_resource.h — backend memory, buffers, images, views, query pools, semaphores and their
 * lifetime (DESIGN decision 3). Knows nothing of D3D.
 *
 * How frontend code uses it:
 *   - Create objects from plain descs: vk_buffer_create(), vk_image_create(),
 *     vk_image_view_create(), vk_buffer_view_create(), vk_query_pool_create(),
 *     vk_semaphore_create(). Each returns an object with refcount 1 (the caller's).
 *   - Drop it with vk_object_release(&obj->obj) (or the typed vk_*_release helpers). The
 *     object is destroyed once nobody holds a reference AND the device timeline has passed
 *     the last submission that used it; until then it waits on the device's deferred list.
 *     Commands recorded through vk_cs.h take their own references, so releasing right
 *     after recording a command that uses an object is always safe.
 *   - Buffers are used by commands through a `struct vk_bufref` (VkBuffer + offset + the
 *     object that keeps it alive) from vk_buffer_ref(); a DISCARDABLE buffer changes its
 *     backing slice with vk_buffer_rename() (Map WRITE_DISCARD) while commands already
 *     recorded keep the old slice alive.
 *   - Host access: vk_buffer_map() returns the current slice's persistent pointer (memory
 *     is always host-coherent for UPLOAD/READBACK domains). Before reading, make sure the
 *     GPU is done: vk_cs_wait_object() in vk_cs.h.
 *   - Memory statistics for logs and tests: vk_memory_get_stats().
 */
#ifndef D3D11VK_VK_RESOURCE_H
#define D3D11VK_VK_RESOURCE_H

#include "vk_backend.h"

/* ---------------------------------------------------------------------------------------
 * Lifetime */

enum vk_object_type
{
    VK_OBJ_BUFFER_SLICE = 1,
    VK_OBJ_BUFFER,
    VK_OBJ_IMAGE,
    VK_OBJ_IMAGE_VIEW,
    VK_OBJ_BUFFER_VIEW,
    VK_OBJ_QUERY_POOL,
    VK_OBJ_SEMAPHORE,
    VK_OBJ_STAGING_BLOCK,
    VK_OBJ_SLICE_POOL,
    VK_OBJ_MARKER,
};

struct vk_object
{
    volatile LONG refcount;
    uint32_t type;                       /* enum vk_object_type */
    struct vk_device *device;
    void (*destroy)(struct vk_object *object);   /* runs once the GPU is done with it */
    /* Timeline value of the last submission that used the object (written by the worker at
     * submission, read with __atomic builtins). */
    uint64_t last_use;
    /* The command stream (its device-unique id) that last recorded a use, and that
     * stream's batch number then; tells "recorded but not yet submitted" apart from
     * "submitted". */
    uint64_t last_cs_id;
    uint64_t last_cs_batch;
    struct vk_object *next_deferred;
};

void vk_object_init(struct vk_object *object, struct vk_device *device, enum vk_object_type type,
        void (*destroy)(struct vk_object *object));
void vk_object_addref(struct vk_object *object);
/* Drops a reference; at zero the object is destroyed now if the timeline has passed its
 * last use, else queued on the device's deferred list keyed by that timeline value. */
void vk_object_release(struct vk_object *object);
/* True when every submission that used the object has completed (ignores commands still
 * recorded but unsubmitted: use vk_cs_object_busy() for those). */
bool vk_object_gpu_idle(struct vk_object *object);

/* ---------------------------------------------------------------------------------------
 * Memory */

enum vk_memory_domain
{
    VK_MEM_DOMAIN_DEVICE = 0,         /* device-local, not mapped */
    VK_MEM_DOMAIN_UPLOAD,             /* host-visible, coherent, write-combined: CPU writes, GPU reads */
    VK_MEM_DOMAIN_READBACK,           /* host-visible, coherent, cached when offered: GPU writes, CPU reads */
};

enum vk_alloc_flags
{
    VK_ALLOC_DEDICATED    = 0x1,         /* own VkDeviceMemory */
    VK_ALLOC_HOST_VISIBLE = 0x2,         /* map it persistently (implied by UPLOAD/READBACK) */
    VK_ALLOC_EXPORTABLE   = 0x4,         /* dedicated (sharing: see vk_image_create_external) */
    VK_ALLOC_OPTIMAL      = 0x8,         /* an optimal-tiling image: kept apart from linear
                                          * resources (bufferImageGranularity) */
};

struct vk_memory_block;

struct vk_allocation
{
    VkDeviceMemory memory;
    VkDeviceSize offset, size;
    uint8_t *map;                        /* NULL unless host visible */
    uint32_t memory_type;
    struct vk_memory_block *block;       /* NULL for dedicated allocations */
};

/* properties: the VkMemoryPropertyFlags wanted (preferred types first, then any type with
 * these bits). dedicated_info may be NULL or a VkMemoryDedicatedAllocateInfo for the
 * resource (used when flags has VK_ALLOC_DEDICATED). */
VkResult vk_memory_alloc(struct vk_device *device, const VkMemoryRequirements *reqs,
        VkMemoryPropertyFlags properties, uint32_t flags, const VkMemoryDedicatedAllocateInfo *dedicated_info,
        struct vk_allocation *out);
void vk_memory_free(struct vk_device *device, struct vk_allocation *allocation);
/* Property flags for a domain (required bits). */
VkMemoryPropertyFlags vk_memory_domain_properties(enum vk_memory_domain domain);

#define VK_MEMORY_STATS_MAX_TYPES 32
struct vk_memory_type_stats
{
    uint64_t allocated;                  /* bytes of VkDeviceMemory held (blocks + dedicated) */
    uint64_t used;                       /* bytes handed out to resources */
    uint32_t block_count;                /* suballocation blocks */
    uint32_t dedicated_count;            /* dedicated allocations */
    uint32_t allocation_count;           /* live suballocations + dedicated */
};

struct vk_memory_stats
{
    uint32_t type_count;
    struct vk_memory_type_stats types[VK_MEMORY_STATS_MAX_TYPES];
    uint64_t allocated, used;            /* sums */
    uint32_t device_memory_count;        /* live vkAllocateMemory objects */
};

void vk_memory_get_stats(struct vk_device *device, struct vk_memory_stats *stats);
/* Writes the statistics to the log at INFO. */
void vk_memory_log_stats(struct vk_device *device);

/* ---------------------------------------------------------------------------------------
 * Buffers */

enum vk_buffer_flags
{
    VK_BUF_DISCARDABLE = 0x1,         /* may be renamed (Map WRITE_DISCARD) */
};

struct vk_buffer_desc
{
    VkDeviceSize size;
    VkBufferUsageFlags usage;            /* TRANSFER_SRC|DST are always added */
    enum vk_memory_domain domain;
    uint32_t flags;                      /* enum vk_buffer_flags */
};

struct vk_slice_pool;

/* A buffer's backing store at one time: what commands recorded at that time use. */
struct vk_buffer_slice
{
    struct vk_object obj;
    VkBuffer buffer;
    VkDeviceSize offset, size;           /* range inside buffer */
    uint8_t *map;                        /* persistent pointer to offset, NULL when not host visible */
    struct vk_allocation allocation;
    struct vk_slice_pool *pool;          /* where it goes back when the GPU is done (renamable buffers) */
    struct vk_buffer_slice *next_free;
    void *block;                         /* renamable: the pool's shared VkBuffer it lives in, or NULL */
};

struct vk_buffer
{
    struct vk_object obj;
    struct vk_buffer_desc desc;
    struct vk_buffer_slice *slice;       /* current slice (holds a reference) */
    struct vk_slice_pool *pool;          /* DISCARDABLE buffers only */
};

/* A range of a buffer as a command sees it. owner keeps it alive (a slice or staging block). */
struct vk_bufref
{
    struct vk_object *owner;
    VkBuffer buffer;
    VkDeviceSize offset;
};

VkResult vk_buffer_create(struct vk_device *device, const struct vk_buffer_desc *desc, struct vk_buffer **out);
static inline void vk_buffer_release(struct vk_buffer *buffer) { vk_object_release(&buffer->obj); }
/* The current slice at offset. */
void vk_buffer_ref(struct vk_buffer *buffer, VkDeviceSize offset, struct vk_bufref *out);
/* Persistent pointer to the current slice (host-visible domains), else NULL. */
void *vk_buffer_map(struct vk_buffer *buffer);
/* Map WRITE_DISCARD: gives the buffer a fresh slice (recycled from slices the GPU is done
 * with, or new) and drops the buffer's reference on the old one; commands already recorded
 * keep using the old one. Contents of the new slice are undefined. */
VkResult vk_buffer_rename(struct vk_buffer *buffer);

/* ---------------------------------------------------------------------------------------
 * Images */

enum vk_image_flags
{
    VK_IMG_CUBE_COMPATIBLE = 0x1,
    VK_IMG_MUTABLE_FORMAT  = 0x2,      /* typeless: views may use view_formats[] */
    VK_IMG_LINEAR          = 0x4,      /* linear tiling (rarely useful: prefer buffers for staging) */
    VK_IMG_2D_ARRAY_COMPATIBLE = 0x8,  /* 3D image viewable as 2D array (RTV/UAV slices) */
};

struct vk_image_desc
{
    VkImageType type;
    VkFormat format;
    const VkFormat *view_formats;        /* VK_IMG_MUTABLE_FORMAT: every format views may take */
    uint32_t view_format_count;
    VkExtent3D extent;
    uint32_t mip_levels, array_layers;
    VkSampleCountFlagBits samples;
    VkImageUsageFlags usage;             /* TRANSFER_SRC|DST are always added */
    uint32_t flags;                      /* enum vk_image_flags */
    enum vk_memory_domain domain;        /* DEVICE normally */
};

struct vk_image
{
    struct vk_object obj;
    struct vk_image_desc desc;           /* view_formats copied into formats[] */
    VkFormat *formats;
    VkImage image;
    VkImageAspectFlags aspects;          /* every aspect of the format */
    struct vk_allocation allocation;
    /* Layout policy: UNDEFINED until first used by a command, then GENERAL forever. Set by
     * the worker that records the first use. */
    volatile LONG initialized;
};

VkResult vk_image_create(struct vk_device *device, const struct vk_image_desc *desc, struct vk_image **out);
static inline void vk_image_release(struct vk_image *image) { vk_object_release(&image->obj); }
/* The aspects a format has (colour, depth, stencil). */
VkImageAspectFlags vk_format_aspects(VkFormat format);

struct vk_image_view_desc
{
    VkImageViewType type;
    VkFormat format;
    VkImageAspectFlags aspects;          /* 0: every aspect of the format */
    uint32_t base_mip, mip_count;
    uint32_t base_layer, layer_count;
    VkComponentMapping swizzle;
    VkImageUsageFlags usage;             /* 0: the image's usage; else restricts (VkImageViewUsageCreateInfo) */
};

struct vk_image_view
{
    struct vk_object obj;
    struct vk_image *image;              /* holds a reference */
    struct vk_image_view_desc desc;
    VkImageView view;
};

VkResult vk_image_view_create(struct vk_image *image, const struct vk_image_view_desc *desc, struct vk_image_view **out);
static inline void vk_image_view_release(struct vk_image_view *view) { vk_object_release(&view->obj); }

struct vk_buffer_view
{
    struct vk_object obj;
    struct vk_buffer_slice *slice;       /* holds a reference: a view names one slice */
    VkFormat format;
    VkDeviceSize offset, range;
    VkBufferView view;
};

/* A typed view of the buffer's current slice. */
VkResult vk_buffer_view_create(struct vk_buffer *buffer, VkFormat format, VkDeviceSize offset,
        VkDeviceSize range, struct vk_buffer_view **out);
static inline void vk_buffer_view_release(struct vk_buffer_view *view) { vk_object_release(&view->obj); }

/* ---------------------------------------------------------------------------------------
 * External memory (sharing): images whose memory is exported to, or imported from, another
 * VkDevice (another process) through a handle. */

struct vk_external_memory
{
    VkExternalMemoryHandleTypeFlagBits handle_type;   /* OPAQUE_FD (native) / OPAQUE_WIN32 */
    bool import;                         /* false: allocate exportable memory */
    int fd;                              /* import, fd handle types: consumed on success */
    void *win32_handle;                  /* import, win32 handle types (not consumed) */
    VkDeviceSize size;                   /* import: the exporter's allocation size */
    uint32_t memory_type;                /* import: the exporter's memory type index */
};

/* Whether images of `desc` can be exported AND imported with handle_type on this device
 * (vkGetPhysicalDeviceImageFormatProperties2 with VkPhysicalDeviceExternalImageFormatInfo;
 * the device must have the handle type's extension enabled). */
bool vk_image_external_supported(struct vk_device *device, const struct vk_image_desc *desc,
        VkExternalMemoryHandleTypeFlagBits handle_type);
/* vk_image_create with external memory (dedicated allocation). */
VkResult vk_image_create_external(struct vk_device *device, const struct vk_image_desc *desc,
        const struct vk_external_memory *ext, struct vk_image **out);
/* A new fd for an exportable image's memory (vkGetMemoryFdKHR), -1 on failure. */
int vk_image_export_fd(struct vk_image *image);
/* A new NT handle for an exportable image's memory (vkGetMemoryWin32HandleKHR), NULL on
 * failure or where the extension is not built in. */
void *vk_image_export_win32(struct vk_image *image);
/* VK_EXT_external_memory_host: a buffer over `size` bytes of this process's memory at `ptr`
 * (both multiples of the device's minImportedHostPointerAlignment, else
 * VK_ERROR_INVALID_EXTERNAL_HANDLE). The memory type comes from
 * vkGetMemoryHostPointerPropertiesEXT; where that reports none (some layered drivers do
 * while the import works), every host-visible type the buffer allows is tried. The memory
 * must outlive the returned slice (refcount 1, the caller's; use it through a vk_bufref
 * {&slice->obj, slice->buffer, 0}). */
VkResult vk_buffer_import_host(struct vk_device *device, void *ptr, VkDeviceSize size,
        VkBufferUsageFlags usage, struct vk_buffer_slice **out);
/* minImportedHostPointerAlignment, 0 where host import is not available. */
VkDeviceSize vk_device_host_import_alignment(struct vk_device *device);
/* The property flags of memory type `type` (0 past the last). */
VkMemoryPropertyFlags vk_device_memory_type_flags(struct vk_device *device, uint32_t type);
/* Allocation behind vk_image_create_external (memory.c). */
VkResult vk_memory_alloc_external(struct vk_device *device, VkDeviceSize size, uint32_t type_bits,
        VkMemoryPropertyFlags properties, int type, const void *next, struct vk_allocation *out);

/* ---------------------------------------------------------------------------------------
 * Queries and semaphores */

struct vk_query_pool
{
    struct vk_object obj;
    VkQueryPool pool;
    VkQueryType type;
    uint32_t count;
};

/* Queries start reset (host reset at creation). */
VkResult vk_query_pool_create(struct vk_device *device, VkQueryType type, uint32_t count, struct vk_query_pool **out);
static inline void vk_query_pool_release(struct vk_query_pool *pool) { vk_object_release(&pool->obj); }
/* 64-bit results; VK_NOT_READY when not available and !wait. */
VkResult vk_query_pool_get_results(struct vk_query_pool *pool, uint32_t first, uint32_t count,
        uint64_t *results, bool wait);
/* Nanoseconds per timestamp tick. */
double vk_device_timestamp_period(const struct vk_device *device);

/* A timeline semaphore (ID3D11Fence): signalled/waited by commands or the host. */
struct vk_semaphore
{
    struct vk_object obj;
    VkSemaphore semaphore;
};

VkResult vk_semaphore_create(struct vk_device *device, uint64_t initial_value, struct vk_semaphore **out);
static inline void vk_semaphore_release(struct vk_semaphore *s) { vk_object_release(&s->obj); }
uint64_t vk_semaphore_value(struct vk_semaphore *s);
VkResult vk_semaphore_signal(struct vk_semaphore *s, uint64_t value);
/* timeout in ns; VK_TIMEOUT when it passed. */
VkResult vk_semaphore_wait(struct vk_semaphore *s, uint64_t value, uint64_t timeout);

/* ---------------------------------------------------------------------------------------
 * The device timeline (one per vk_device; every submission on its queue signals the next
 * value under queue_lock). */

uint64_t vk_device_timeline_completed(struct vk_device *device);
/* timeout in ns (0: check only); true when the timeline reached value. */
bool vk_device_wait_timeline(struct vk_device *device, uint64_t value, uint64_t timeout);
/* Destroys deferred objects whose last use has completed. Called by workers; harmless anywhere. */
void vk_device_collect_garbage(struct vk_device *device);

/* Called by device.c at creation/destruction (timeline, allocator, deferred list). */
VkResult vk_device_core_init(struct vk_device *device);
void vk_device_core_cleanup(struct vk_device *device);

#endif
