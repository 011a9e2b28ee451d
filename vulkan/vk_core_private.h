/* vk_core_private.h — what the backend core's files share among themselves (memory.c,
 * resource.c, cs.c, cmd_replay.c, submit.c, staging.c); not for the frontend. */
#ifndef D3D11VK_VK_CORE_PRIVATE_H
#define D3D11VK_VK_CORE_PRIVATE_H

#include "vk_cs.h"

struct vk_memory_allocator;

struct vk_staging_block
{
    struct vk_object obj;
    VkBuffer buffer;
    VkDeviceSize size;
    uint8_t *map;
    struct vk_allocation allocation;
    struct vk_staging_block *next_free;
};

#define VK_STAGING_BLOCK_SIZE (4u << 20)
#define VK_STAGING_FREE_MAX 8
/* An immediate stream flushes on its own after this much staging data, and throttles on
 * older batches while more than VK_STAGING_THROTTLE bytes of staging are alive. */
#define VK_STAGING_FLUSH_BYTES (16u << 20)
#define VK_STAGING_THROTTLE (96u << 20)

/* Per vk_device state of the core (device->core). */
struct vk_device_core
{
    VkSemaphore timeline;
    uint64_t timeline_value;             /* last value submitted (under device->queue_lock) */
    uint64_t completed;                  /* cache of the semaphore's value (atomic max) */
    struct vk_memory_allocator *allocator;
    struct plat_mutex deferred_lock;
    struct vk_object *deferred;
    uint32_t deferred_count;
    struct plat_mutex staging_lock;
    struct vk_staging_block *staging_free;
    uint32_t staging_free_count;
    uint64_t staging_live;               /* bytes of staging blocks not on the free list (atomic) */
    volatile LONG next_cs_id;
    double timestamp_period;
};

static inline struct vk_device_core *vk_core(const struct vk_device *device)
{
    return device->core;
}

static inline uint64_t atomic_load_u64(const uint64_t *v)
{
    return __atomic_load_n(v, __ATOMIC_ACQUIRE);
}

static inline void atomic_store_u64(uint64_t *v, uint64_t value)
{
    __atomic_store_n(v, value, __ATOMIC_RELEASE);
}

static inline void atomic_max_u64(uint64_t *v, uint64_t value)
{
    uint64_t cur = __atomic_load_n(v, __ATOMIC_RELAXED);

    while (cur < value && !__atomic_compare_exchange_n(v, &cur, value, true, __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
        ;
}

/* memory.c */
VkResult vk_memory_allocator_create(struct vk_device *device, struct vk_memory_allocator **out);
void vk_memory_allocator_destroy(struct vk_device *device, struct vk_memory_allocator *allocator);

/* resource.c: bytes a buffer<->image copy touches on the buffer side (an upper bound, or
 * VK_WHOLE_SIZE for formats it does not know). */
VkDeviceSize vk_buffer_image_copy_size(const struct vk_image *image, const VkBufferImageCopy *region);

/* staging.c */
VkResult vk_staging_block_get(struct vk_device *device, VkDeviceSize size, struct vk_staging_block **out);
void vk_staging_pool_cleanup(struct vk_device *device);

/* submit.c: one submission on the device queue, signalling the next timeline value (and
 * the given extra timeline semaphores), waiting for the given ones. */
struct vk_submit_semaphores
{
    uint32_t wait_count, signal_count;
    VkSemaphore wait[8], signal[8];
    uint64_t wait_values[8], signal_values[8];
};
VkResult vk_device_submit(struct vk_device *device, VkCommandBuffer cb, const struct vk_submit_semaphores *sems,
        uint64_t *value);

/* A chunk of plain-data command records plus the references that keep what they name alive. */
#define VK_CHUNK_SIZE (64u << 10)
struct vk_chunk
{
    volatile LONG refcount;
    uint32_t used;
    uint32_t ref_count, ref_capacity;
    struct vk_object **refs;
    uint8_t data[VK_CHUNK_SIZE];
};

void vk_chunk_release(struct vk_chunk *chunk);

/* cmd_replay.c: the backend context a worker records into. */
struct vk_replay;
VkResult vk_replay_create(struct vk_device *device, struct vk_replay **out);
/* Waits for the GPU to finish with the replay's command buffers, then frees it. */
void vk_replay_destroy(struct vk_replay *replay);
/* Records the chunks' commands and submits them; returns the timeline value of the last
 * submission (every command of the chunks completes by then). */
uint64_t vk_replay_chunks(struct vk_replay *replay, struct vk_chunk *const *chunks, size_t count,
        struct vk_cs_stats *stats);

#endif
