/* memory.c — the device memory allocator: suballocation from large blocks per memory type
 * (linear and optimal resources apart), dedicated allocations, statistics. */
#include "vk_core_private.h"

#define DEDICATED_THRESHOLD (16ull << 20)
#define MAX_BLOCK_SIZE (64ull << 20)
#define MIN_BLOCK_SIZE (4ull << 20)

struct free_range
{
    VkDeviceSize offset, size;
};

struct vk_memory_block
{
    struct vk_memory_block *next;
    VkDeviceMemory memory;
    VkDeviceSize size, used;
    uint8_t *map;
    uint32_t type;
    bool optimal;
    uint32_t allocation_count;
    struct free_range *free;             /* sorted by offset, never adjacent */
    uint32_t free_count, free_capacity;
};

struct vk_memory_allocator
{
    struct plat_mutex lock;
    VkPhysicalDeviceMemoryProperties props;
    struct vk_memory_block *blocks[VK_MAX_MEMORY_TYPES][2];   /* [type][optimal] */
    struct vk_memory_type_stats stats[VK_MAX_MEMORY_TYPES];
    uint32_t device_memory_count, max_allocation_count;
    VkDeviceSize block_size[VK_MAX_MEMORY_TYPES];
    bool ignore_budget;                  /* set while retrying past the budget (under lock) */
};

VkMemoryPropertyFlags vk_memory_domain_properties(enum vk_memory_domain domain)
{
    switch (domain)
    {
        case VK_MEM_DOMAIN_UPLOAD: return VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
        case VK_MEM_DOMAIN_READBACK:
            return VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT | VK_MEMORY_PROPERTY_HOST_CACHED_BIT;
        default: return VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    }
}

VkResult vk_memory_allocator_create(struct vk_device *device, struct vk_memory_allocator **out)
{
    struct vk_memory_allocator *a;
    uint32_t i;

    if (!(a = calloc(1, sizeof(*a))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    plat_mutex_init(&a->lock);
    a->props = device->adapter->memory;
    a->max_allocation_count = device->adapter->properties.properties.limits.maxMemoryAllocationCount;
    for (i = 0; i < a->props.memoryTypeCount; ++i)
    {
        VkDeviceSize heap = a->props.memoryHeaps[a->props.memoryTypes[i].heapIndex].size;
        VkDeviceSize size = MAX_BLOCK_SIZE;

        while (size > MIN_BLOCK_SIZE && size > heap / 16)
            size /= 2;
        a->block_size[i] = size;
    }
    *out = a;
    return VK_SUCCESS;
}

static void block_destroy(struct vk_device *device, struct vk_memory_allocator *a, struct vk_memory_block *block)
{
    struct vk_memory_type_stats *st = &a->stats[block->type];

    device->vk.vkFreeMemory(device->device, block->memory, NULL);
    st->allocated -= block->size;
    --st->block_count;
    --a->device_memory_count;
    free(block->free);
    free(block);
}

void vk_memory_allocator_destroy(struct vk_device *device, struct vk_memory_allocator *a)
{
    uint32_t t, o;

    if (!a)
        return;
    vk_memory_log_stats(device);
    for (t = 0; t < VK_MAX_MEMORY_TYPES; ++t)
        for (o = 0; o < 2; ++o)
            while (a->blocks[t][o])
            {
                struct vk_memory_block *b = a->blocks[t][o];

                if (b->allocation_count)
                    LOG_WARN("Memory block of type %u still has %u allocations at device destruction.",
                            t, b->allocation_count);
                a->blocks[t][o] = b->next;
                block_destroy(device, a, b);
            }
    plat_mutex_destroy(&a->lock);
    free(a);
}

/* Best type for reqs: all of `required`, fewest unwanted host bits for device memory. */
static int find_type(const struct vk_memory_allocator *a, uint32_t bits, VkMemoryPropertyFlags required, uint32_t skip)
{
    uint32_t i;
    int best = -1, best_score = -1;

    for (i = 0; i < a->props.memoryTypeCount; ++i)
    {
        VkMemoryPropertyFlags f = a->props.memoryTypes[i].propertyFlags;
        int score = 100;

        if (!(bits & (1u << i)) || (skip & (1u << i)) || (f & required) != required)
            continue;
        if (!(required & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) && (f & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))
            score -= 10;                 /* keep host-visible types for those who need them */
        if ((required & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) && !(required & VK_MEMORY_PROPERTY_HOST_CACHED_BIT)
                && (f & VK_MEMORY_PROPERTY_HOST_CACHED_BIT))
            score -= 5;
        if (f & (VK_MEMORY_PROPERTY_PROTECTED_BIT | VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT))
            score -= 50;
        if (score > best_score)
        {
            best_score = score;
            best = (int)i;
        }
    }
    return best;
}

/* VK_EXT_memory_budget: whether size more bytes would take the type's heap over budget. */
static bool over_budget(struct vk_device *device, const struct vk_memory_allocator *a, uint32_t type, VkDeviceSize size)
{
    VkPhysicalDeviceMemoryBudgetPropertiesEXT b = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT };
    VkPhysicalDeviceMemoryProperties2 props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2, &b };
    uint32_t heap = a->props.memoryTypes[type].heapIndex;

    if (!device->extensions[VK_EXT_INDEX_MEMORY_BUDGET] || !vkGetPhysicalDeviceMemoryProperties2)
        return false;
    vkGetPhysicalDeviceMemoryProperties2(device->adapter->physical_device, &props);
    return b.heapBudget[heap] && b.heapUsage[heap] + size > b.heapBudget[heap];
}

static VkResult allocate_device_memory(struct vk_device *device, struct vk_memory_allocator *a, VkDeviceSize size,
        uint32_t type, const void *next, VkDeviceMemory *memory, uint8_t **map)
{
    VkMemoryAllocateInfo info = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    void *ptr = NULL;
    VkResult vr;

    if (a->device_memory_count >= a->max_allocation_count)
        return VK_ERROR_TOO_MANY_OBJECTS;
    /* Over budget: let the caller try another type first (device-local spills to system
     * memory); the last resort ignores the budget. */
    if (!a->ignore_budget && over_budget(device, a, type, size))
    {
        LOG_WARN("Memory heap %u over budget for %llu more bytes.", a->props.memoryTypes[type].heapIndex,
                (unsigned long long)size);
        return VK_ERROR_OUT_OF_DEVICE_MEMORY;
    }
    info.pNext = next;
    info.allocationSize = size;
    info.memoryTypeIndex = type;
    if ((vr = device->vk.vkAllocateMemory(device->device, &info, NULL, memory)) != VK_SUCCESS)
        return vr;
    if (a->props.memoryTypes[type].propertyFlags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT)
    {
        if ((vr = device->vk.vkMapMemory(device->device, *memory, 0, VK_WHOLE_SIZE, 0, &ptr)) != VK_SUCCESS)
        {
            device->vk.vkFreeMemory(device->device, *memory, NULL);
            return vr;
        }
    }
    *map = ptr;
    ++a->device_memory_count;
    return VK_SUCCESS;
}

static bool block_carve(struct vk_memory_block *b, VkDeviceSize size, VkDeviceSize align, VkDeviceSize *offset)
{
    uint32_t i;

    for (i = 0; i < b->free_count; ++i)
    {
        struct free_range *r = &b->free[i];
        VkDeviceSize start = align_u64(r->offset, align), end = r->offset + r->size;

        if (start + size > end)
            continue;
        *offset = start;
        if (start == r->offset && start + size == end)
        {
            memmove(r, r + 1, (b->free_count - i - 1) * sizeof(*r));
            --b->free_count;
        }
        else if (start == r->offset)
        {
            r->offset += size;
            r->size -= size;
        }
        else if (start + size == end)
            r->size = start - r->offset;
        else
        {
            /* Splits into padding before and the rest after. */
            if (b->free_count == b->free_capacity)
            {
                uint32_t cap = b->free_capacity * 2;
                struct free_range *n = realloc(b->free, cap * sizeof(*n));

                if (!n)
                    return false;
                b->free = n;
                b->free_capacity = cap;
                r = &b->free[i];
            }
            memmove(r + 2, r + 1, (b->free_count - i - 1) * sizeof(*r));
            ++b->free_count;
            r[1].offset = start + size;
            r[1].size = end - (start + size);
            r->size = start - r->offset;
        }
        b->used += size;
        ++b->allocation_count;
        return true;
    }
    return false;
}

static bool block_release(struct vk_memory_block *b, VkDeviceSize offset, VkDeviceSize size)
{
    uint32_t i = 0;
    bool merge_prev, merge_next;

    while (i < b->free_count && b->free[i].offset < offset)
        ++i;
    merge_prev = i > 0 && b->free[i - 1].offset + b->free[i - 1].size == offset;
    merge_next = i < b->free_count && offset + size == b->free[i].offset;
    if (merge_prev && merge_next)
    {
        b->free[i - 1].size += size + b->free[i].size;
        memmove(&b->free[i], &b->free[i + 1], (b->free_count - i - 1) * sizeof(*b->free));
        --b->free_count;
    }
    else if (merge_prev)
        b->free[i - 1].size += size;
    else if (merge_next)
    {
        b->free[i].offset = offset;
        b->free[i].size += size;
    }
    else
    {
        if (b->free_count == b->free_capacity)
        {
            uint32_t cap = b->free_capacity * 2;
            struct free_range *n = realloc(b->free, cap * sizeof(*n));

            if (!n)
                return false;   /* leaks the range inside the block; the block still frees whole */
            b->free = n;
            b->free_capacity = cap;
        }
        memmove(&b->free[i + 1], &b->free[i], (b->free_count - i) * sizeof(*b->free));
        b->free[i].offset = offset;
        b->free[i].size = size;
        ++b->free_count;
    }
    b->used -= size;
    --b->allocation_count;
    return true;
}

static VkResult suballocate(struct vk_device *device, struct vk_memory_allocator *a, uint32_t type, bool optimal,
        const VkMemoryRequirements *reqs, struct vk_allocation *out)
{
    struct vk_memory_block *b;
    VkDeviceSize offset, align = reqs->alignment ? reqs->alignment : 1;
    VkResult vr;

    for (b = a->blocks[type][optimal]; b; b = b->next)
        if (b->size - b->used >= reqs->size && block_carve(b, reqs->size, align, &offset))
            goto done;

    if (!(b = calloc(1, sizeof(*b))) || !(b->free = malloc(8 * sizeof(*b->free))))
    {
        free(b);
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    }
    b->free_capacity = 8;
    b->size = a->block_size[type];
    while (b->size < reqs->size)
        b->size *= 2;
    b->type = type;
    b->optimal = optimal;
    if ((vr = allocate_device_memory(device, a, b->size, type, NULL, &b->memory, &b->map)) != VK_SUCCESS)
    {
        free(b->free);
        free(b);
        return vr;
    }
    b->free[0].offset = 0;
    b->free[0].size = b->size;
    b->free_count = 1;
    b->next = a->blocks[type][optimal];
    a->blocks[type][optimal] = b;
    a->stats[type].allocated += b->size;
    ++a->stats[type].block_count;
    LOG_INFO("New %s memory block of %llu KiB, type %u (%u blocks, %llu KiB allocated of this type).",
            optimal ? "optimal" : "linear", (unsigned long long)(b->size >> 10), type,
            a->stats[type].block_count, (unsigned long long)(a->stats[type].allocated >> 10));
    if (!block_carve(b, reqs->size, align, &offset))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
done:
    out->memory = b->memory;
    out->offset = offset;
    out->size = reqs->size;
    out->map = b->map ? b->map + offset : NULL;
    out->memory_type = type;
    out->block = b;
    a->stats[type].used += reqs->size;
    ++a->stats[type].allocation_count;
    return VK_SUCCESS;
}

static VkResult allocate_dedicated(struct vk_device *device, struct vk_memory_allocator *a, uint32_t type,
        const VkMemoryRequirements *reqs, const VkMemoryDedicatedAllocateInfo *dedicated_info, struct vk_allocation *out)
{
    VkMemoryDedicatedAllocateInfo info;
    uint8_t *map;
    VkResult vr;

    if (dedicated_info)
    {
        info = *dedicated_info;
        info.sType = VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO;
        info.pNext = NULL;
    }
    if ((vr = allocate_device_memory(device, a, reqs->size, type, dedicated_info ? &info : NULL,
            &out->memory, &map)) != VK_SUCCESS)
        return vr;
    out->offset = 0;
    out->size = reqs->size;
    out->map = map;
    out->memory_type = type;
    out->block = NULL;
    a->stats[type].allocated += reqs->size;
    a->stats[type].used += reqs->size;
    ++a->stats[type].dedicated_count;
    ++a->stats[type].allocation_count;
    return VK_SUCCESS;
}

VkResult vk_memory_alloc(struct vk_device *device, const VkMemoryRequirements *reqs,
        VkMemoryPropertyFlags properties, uint32_t flags, const VkMemoryDedicatedAllocateInfo *dedicated_info,
        struct vk_allocation *out)
{
    struct vk_memory_allocator *a = vk_core(device)->allocator;
    VkMemoryPropertyFlags relaxed = properties & ~(VK_MEMORY_PROPERTY_HOST_CACHED_BIT | VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    bool dedicated = (flags & (VK_ALLOC_DEDICATED | VK_ALLOC_EXPORTABLE)) || reqs->size >= DEDICATED_THRESHOLD;
    bool optimal = !!(flags & VK_ALLOC_OPTIMAL);
    VkResult vr = VK_ERROR_OUT_OF_DEVICE_MEMORY;
    uint32_t skip = 0;
    int type;

    memset(out, 0, sizeof(*out));
    if (flags & VK_ALLOC_HOST_VISIBLE)
        properties |= VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    if (!reqs->size)
        return VK_ERROR_INITIALIZATION_FAILED;
    plat_mutex_lock(&a->lock);
    /* Preferred properties first, then the relaxed set, skipping types that ran out. */
    for (;;)
    {
        if ((type = find_type(a, reqs->memoryTypeBits, properties, skip)) < 0
                && (type = find_type(a, reqs->memoryTypeBits, relaxed, skip)) < 0)
        {
            if (a->ignore_budget || !skip)
                break;
            a->ignore_budget = true;   /* every type refused: try again past the budget */
            skip = 0;
            continue;
        }
        if (dedicated && a->device_memory_count + 16 < a->max_allocation_count)
            vr = allocate_dedicated(device, a, (uint32_t)type, reqs, dedicated_info, out);
        else if (flags & VK_ALLOC_EXPORTABLE)
            vr = VK_ERROR_TOO_MANY_OBJECTS;
        else
            vr = suballocate(device, a, (uint32_t)type, optimal, reqs, out);
        if (vr == VK_SUCCESS || (vr != VK_ERROR_OUT_OF_DEVICE_MEMORY && vr != VK_ERROR_OUT_OF_HOST_MEMORY))
            break;
        skip |= 1u << type;
    }
    a->ignore_budget = false;
    plat_mutex_unlock(&a->lock);
    if (vr != VK_SUCCESS)
        LOG_WARN("Failed to allocate %llu bytes (types %#x, properties %#x): %s.", (unsigned long long)reqs->size,
                reqs->memoryTypeBits, properties, vk_result_str(vr));
    return vr;
}

void vk_memory_free(struct vk_device *device, struct vk_allocation *allocation)
{
    struct vk_memory_allocator *a = vk_core(device)->allocator;
    struct vk_memory_block *b = allocation->block, **p, *other;
    struct vk_memory_type_stats *st;

    if (!allocation->memory)
        return;
    plat_mutex_lock(&a->lock);
    st = &a->stats[allocation->memory_type];
    st->used -= allocation->size;
    --st->allocation_count;
    if (!b)
    {
        device->vk.vkFreeMemory(device->device, allocation->memory, NULL);
        st->allocated -= allocation->size;
        --st->dedicated_count;
        --a->device_memory_count;
    }
    else
    {
        block_release(b, allocation->offset, allocation->size);
        if (!b->allocation_count)
        {
            /* Frees the empty block unless it is the only empty one of its pool: keeps a
             * create/release loop from churning vkAllocateMemory. */
            for (other = a->blocks[b->type][b->optimal]; other; other = other->next)
                if (other != b && !other->allocation_count)
                    break;
            if (other)
            {
                for (p = &a->blocks[b->type][b->optimal]; *p != b; p = &(*p)->next)
                    ;
                *p = b->next;
                block_destroy(device, a, b);
            }
        }
    }
    memset(allocation, 0, sizeof(*allocation));
    plat_mutex_unlock(&a->lock);
}

void vk_memory_get_stats(struct vk_device *device, struct vk_memory_stats *stats)
{
    struct vk_memory_allocator *a = vk_core(device)->allocator;
    uint32_t i;

    memset(stats, 0, sizeof(*stats));
    plat_mutex_lock(&a->lock);
    stats->type_count = d3d11vk_min(a->props.memoryTypeCount, VK_MEMORY_STATS_MAX_TYPES);
    for (i = 0; i < stats->type_count; ++i)
    {
        stats->types[i] = a->stats[i];
        stats->allocated += a->stats[i].allocated;
        stats->used += a->stats[i].used;
    }
    stats->device_memory_count = a->device_memory_count;
    plat_mutex_unlock(&a->lock);
}

void vk_memory_log_stats(struct vk_device *device)
{
    struct vk_memory_stats s;
    uint32_t i;

    if (d3d11vk_log_level() < D3D11VK_LOG_INFO)
        return;
    vk_memory_get_stats(device, &s);
    LOG_INFO("Device memory: %llu KiB allocated, %llu KiB used, %u VkDeviceMemory objects.",
            (unsigned long long)(s.allocated >> 10), (unsigned long long)(s.used >> 10), s.device_memory_count);
    for (i = 0; i < s.type_count; ++i)
        if (s.types[i].allocated)
            LOG_INFO("  type %u: %llu KiB allocated, %llu KiB used, %u blocks, %u dedicated, %u allocations.", i,
                    (unsigned long long)(s.types[i].allocated >> 10), (unsigned long long)(s.types[i].used >> 10),
                    s.types[i].block_count, s.types[i].dedicated_count, s.types[i].allocation_count);
}

/* ---------------------------------------------------------------------------------------
 * External memory (sharing): one VkDeviceMemory of its own per resource, exported or
 * imported through `next` (VkExportMemoryAllocateInfo / VkImportMemory*Info chained with a
 * VkMemoryDedicatedAllocateInfo). Counted like a dedicated allocation, freed by
 * vk_memory_free. `type` >= 0 forces the memory type (an import must use the exporter's). */
VkResult vk_memory_alloc_external(struct vk_device *device, VkDeviceSize size, uint32_t type_bits,
        VkMemoryPropertyFlags properties, int type, const void *next, struct vk_allocation *out)
{
    struct vk_memory_allocator *a = vk_core(device)->allocator;
    uint8_t *map = NULL;
    VkResult vr;

    memset(out, 0, sizeof(*out));
    if (!size)
        return VK_ERROR_INITIALIZATION_FAILED;
    plat_mutex_lock(&a->lock);
    if (type < 0 && (type = find_type(a, type_bits, properties, 0)) < 0)
        type = find_type(a, type_bits, 0, 0);
    if (type < 0 || (uint32_t)type >= a->props.memoryTypeCount || !(type_bits & (1u << type)))
    {
        plat_mutex_unlock(&a->lock);
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    }
    a->ignore_budget = true;    /* the memory exists already (import) or must be this type */
    vr = allocate_device_memory(device, a, size, (uint32_t)type, next, &out->memory, &map);
    a->ignore_budget = false;
    if (vr == VK_SUCCESS)
    {
        out->offset = 0;
        out->size = size;
        out->map = map;
        out->memory_type = (uint32_t)type;
        a->stats[type].allocated += size;
        a->stats[type].used += size;
        ++a->stats[type].dedicated_count;
        ++a->stats[type].allocation_count;
    }
    plat_mutex_unlock(&a->lock);
    return vr;
}

VkMemoryPropertyFlags vk_device_memory_type_flags(struct vk_device *device, uint32_t type)
{
    const struct vk_memory_allocator *a = vk_core(device)->allocator;

    return type < a->props.memoryTypeCount ? a->props.memoryTypes[type].propertyFlags : 0;
}
