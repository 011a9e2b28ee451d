/* resource.c — backend object lifetime (deferred destruction by timeline value), buffers
 * and their renamable slices, images, views, query pools, semaphores; the device's core
 * state (timeline semaphore, allocator, deferred list). */
#ifdef D3D11VK_NATIVE
# define _GNU_SOURCE   /* dl_iterate_phdr, RTLD_NODELETE */
# include <dlfcn.h>
# include <link.h>
#endif
#include "vk_core_private.h"

/* ---------------------------------------------------------------------------------------
 * Lifetime */

void vk_object_init(struct vk_object *object, struct vk_device *device, enum vk_object_type type,
        void (*destroy)(struct vk_object *object))
{
    memset(object, 0, sizeof(*object));
    object->refcount = 1;
    object->type = type;
    object->device = device;
    object->destroy = destroy;
}

void vk_object_addref(struct vk_object *object)
{
    atomic_inc_u32(&object->refcount);
}

static bool passed(struct vk_device *device, uint64_t value)
{
    struct vk_device_core *core = vk_core(device);

    return value <= atomic_load_u64(&core->completed) || value <= vk_device_timeline_completed(device);
}

void vk_object_release(struct vk_object *object)
{
    struct vk_device_core *core;

    if (!object || atomic_dec_u32(&object->refcount))
        return;
    core = vk_core(object->device);
    /* The cached completed value only: asking the driver per release costs too much when a
     * submission drops thousands of references; the deferred list catches up. */
    if (atomic_load_u64(&object->last_use) <= atomic_load_u64(&core->completed))
    {
        object->destroy(object);
        return;
    }
    plat_mutex_lock(&core->deferred_lock);
    object->next_deferred = core->deferred;
    __atomic_store_n(&core->deferred, object, __ATOMIC_RELAXED);
    ++core->deferred_count;
    plat_mutex_unlock(&core->deferred_lock);
}

bool vk_object_gpu_idle(struct vk_object *object)
{
    return passed(object->device, atomic_load_u64(&object->last_use));
}

void vk_device_collect_garbage(struct vk_device *device)
{
    struct vk_device_core *core = vk_core(device);
    struct vk_object *list, *next, *keep = NULL, *done = NULL;
    uint64_t completed;
    uint32_t kept = 0;

    if (!__atomic_load_n(&core->deferred, __ATOMIC_RELAXED))   /* peek: a missed object is collected next time */
        return;
    completed = vk_device_timeline_completed(device);
    plat_mutex_lock(&core->deferred_lock);
    list = core->deferred;
    __atomic_store_n(&core->deferred, NULL, __ATOMIC_RELAXED);
    core->deferred_count = 0;
    plat_mutex_unlock(&core->deferred_lock);
    for (; list; list = next)
    {
        next = list->next_deferred;
        if (atomic_load_u64(&list->last_use) <= completed)
        {
            list->next_deferred = done;
            done = list;
        }
        else
        {
            list->next_deferred = keep;
            keep = list;
            ++kept;
        }
    }
    if (keep)
    {
        struct vk_object *tail = keep;

        while (tail->next_deferred)
            tail = tail->next_deferred;
        plat_mutex_lock(&core->deferred_lock);
        tail->next_deferred = core->deferred;
        __atomic_store_n(&core->deferred, keep, __ATOMIC_RELAXED);
        core->deferred_count += kept;
        plat_mutex_unlock(&core->deferred_lock);
    }
    /* Destroyed outside the lock: a destructor may release more objects. */
    for (; done; done = next)
    {
        next = done->next_deferred;
        done->destroy(done);
    }
}

/* ---------------------------------------------------------------------------------------
 * Device core */

#ifdef D3D11VK_NATIVE
static int pin_library(struct dl_phdr_info *info, size_t size, void *ctx)
{
    const char *name = info->dlpi_name, *base;

    (void)size;
    (void)ctx;
    if (!name || !*name)
        return 0;
    base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    if (!strncmp(base, "libvulkan_", 10) || !strncmp(base, "libVkLayer", 10))
        dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    return 0;
}
#endif

/* Native build: the Vulkan driver and layers stay mapped until the process exits. The
 * loader unloads them at vkDestroyInstance, and what their globals still reach then looks
 * leaked to LeakSanitizer (lavapipe after MSAA images); it also keeps late destructor
 * callbacks from running into unmapped code. */
static void pin_vulkan_libraries(void)
{
#ifdef D3D11VK_NATIVE
    dl_iterate_phdr(pin_library, NULL);
#endif
}

VkResult vk_device_core_init(struct vk_device *device)
{
    VkSemaphoreTypeCreateInfo type_info = { VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO };
    VkSemaphoreCreateInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO };
    struct vk_device_core *core;
    VkResult vr;

    if (!device->enabled.v12.timelineSemaphore)
    {
        LOG_ERR("The device lacks timeline semaphores.");
        return VK_ERROR_FEATURE_NOT_PRESENT;
    }
    if (!(core = calloc(1, sizeof(*core))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    device->core = core;
    type_info.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    type_info.initialValue = 0;
    info.pNext = &type_info;
    if ((vr = device->vk.vkCreateSemaphore(device->device, &info, NULL, &core->timeline)) != VK_SUCCESS)
        goto fail;
    if ((vr = vk_memory_allocator_create(device, &core->allocator)) != VK_SUCCESS)
        goto fail;
    plat_mutex_init(&core->deferred_lock);
    plat_mutex_init(&core->staging_lock);
    core->timestamp_period = device->adapter->properties.properties.limits.timestampPeriod;
    pin_vulkan_libraries();
    return VK_SUCCESS;

fail:
    if (core->timeline)
        device->vk.vkDestroySemaphore(device->device, core->timeline, NULL);
    free(core);
    device->core = NULL;
    return vr;
}

void vk_device_core_cleanup(struct vk_device *device)
{
    struct vk_device_core *core = vk_core(device);

    if (!core)
        return;
    /* The device is idle: everything deferred can go (destructors may defer more). */
    while (core->deferred)
    {
        vk_device_collect_garbage(device);
        if (core->deferred && atomic_load_u64(&core->deferred->last_use) > vk_device_timeline_completed(device))
        {
            LOG_WARN("%u deferred objects wait on timeline values never submitted.", core->deferred_count);
            break;
        }
    }
    vk_staging_pool_cleanup(device);
    vk_memory_allocator_destroy(device, core->allocator);
    device->vk.vkDestroySemaphore(device->device, core->timeline, NULL);
    plat_mutex_destroy(&core->deferred_lock);
    plat_mutex_destroy(&core->staging_lock);
    free(core);
    device->core = NULL;
}

double vk_device_timestamp_period(const struct vk_device *device)
{
    return vk_core(device)->timestamp_period;
}

/* ---------------------------------------------------------------------------------------
 * Buffers */

/* Renamed slices come from shared VkBuffers holding several slices each, so that a rename
 * costs no Vulkan call once the pool is warm. */
struct slice_block
{
    struct slice_block *next;
    VkBuffer buffer;
    struct vk_allocation allocation;
    struct vk_buffer_slice *slices;
    uint32_t count;
};

#define SLICE_BLOCK_BYTES (64u << 10)
#define SLICE_BLOCK_MAX 256

struct vk_slice_pool
{
    struct vk_object obj;
    struct vk_buffer_desc desc;
    struct plat_mutex lock;
    struct vk_buffer_slice *free;
    struct slice_block *blocks;
    VkDeviceSize stride;
    uint32_t slice_count;
};

static VkBufferUsageFlags buffer_usage(const struct vk_buffer_desc *desc)
{
    return desc->usage | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
}

static void slice_free_resources(struct vk_device *device, struct vk_buffer_slice *slice)
{
    if (slice->block)
        return;   /* freed with its block */
    device->vk.vkDestroyBuffer(device->device, slice->buffer, NULL);
    vk_memory_free(device, &slice->allocation);
    free(slice);
}

static void slice_destroy(struct vk_object *obj)
{
    struct vk_buffer_slice *slice = CONTAINING_RECORD(obj, struct vk_buffer_slice, obj);
    struct vk_slice_pool *pool = slice->pool;

    if (!pool)
    {
        slice_free_resources(obj->device, slice);
        return;
    }
    /* The GPU is done with it: back to the buffer's pool for the next rename. */
    plat_mutex_lock(&pool->lock);
    slice->next_free = pool->free;
    pool->free = slice;
    plat_mutex_unlock(&pool->lock);
    vk_object_release(&pool->obj);
}

static void slice_pool_destroy(struct vk_object *obj)
{
    struct vk_slice_pool *pool = CONTAINING_RECORD(obj, struct vk_slice_pool, obj);
    struct vk_buffer_slice *s, *next;

    struct slice_block *b, *bnext;

    for (s = pool->free; s; s = next)
    {
        next = s->next_free;
        slice_free_resources(obj->device, s);
    }
    for (b = pool->blocks; b; b = bnext)
    {
        bnext = b->next;
        obj->device->vk.vkDestroyBuffer(obj->device->device, b->buffer, NULL);
        vk_memory_free(obj->device, &b->allocation);
        free(b->slices);
        free(b);
    }
    plat_mutex_destroy(&pool->lock);
    free(pool);
}

static VkResult slice_create(struct vk_device *device, const struct vk_buffer_desc *desc, struct vk_buffer_slice **out)
{
    VkBufferCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkBufferMemoryRequirementsInfo2 req_info = { VK_STRUCTURE_TYPE_BUFFER_MEMORY_REQUIREMENTS_INFO_2 };
    VkMemoryDedicatedRequirements dedicated = { VK_STRUCTURE_TYPE_MEMORY_DEDICATED_REQUIREMENTS };
    VkMemoryRequirements2 reqs = { VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2 };
    VkMemoryDedicatedAllocateInfo dedicated_info = { VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO };
    struct vk_buffer_slice *slice;
    uint32_t flags = 0;
    VkResult vr;

    if (!(slice = calloc(1, sizeof(*slice))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&slice->obj, device, VK_OBJ_BUFFER_SLICE, slice_destroy);
    info.size = desc->size;
    info.usage = buffer_usage(desc);
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if ((vr = device->vk.vkCreateBuffer(device->device, &info, NULL, &slice->buffer)) != VK_SUCCESS)
    {
        free(slice);
        return vr;
    }
    req_info.buffer = slice->buffer;
    reqs.pNext = &dedicated;
    device->vk.vkGetBufferMemoryRequirements2(device->device, &req_info, &reqs);
    if (dedicated.prefersDedicatedAllocation || dedicated.requiresDedicatedAllocation)
        flags |= VK_ALLOC_DEDICATED;
    if (desc->domain != VK_MEM_DOMAIN_DEVICE)
        flags |= VK_ALLOC_HOST_VISIBLE;
    dedicated_info.buffer = slice->buffer;
    if ((vr = vk_memory_alloc(device, &reqs.memoryRequirements, vk_memory_domain_properties(desc->domain), flags,
            &dedicated_info, &slice->allocation)) != VK_SUCCESS)
        goto fail;
    if ((vr = device->vk.vkBindBufferMemory(device->device, slice->buffer, slice->allocation.memory,
            slice->allocation.offset)) != VK_SUCCESS)
        goto fail;
    slice->offset = 0;
    slice->size = desc->size;
    slice->map = slice->allocation.map;
    *out = slice;
    return VK_SUCCESS;

fail:
    vk_memory_free(device, &slice->allocation);
    device->vk.vkDestroyBuffer(device->device, slice->buffer, NULL);
    free(slice);
    return vr;
}

/* Adds a block of slices to the pool's free list (pool lock held by the caller). */
static VkResult slice_pool_grow(struct vk_device *device, struct vk_slice_pool *pool)
{
    VkBufferCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryRequirements reqs;
    struct slice_block *b;
    uint32_t i, count;
    VkResult vr;

    count = (uint32_t)d3d11vk_min((uint64_t)SLICE_BLOCK_MAX, d3d11vk_max(1ull, (uint64_t)(SLICE_BLOCK_BYTES / pool->stride)));
    /* Grows with use: a buffer renamed often gets bigger blocks. */
    count = d3d11vk_max(count, d3d11vk_min(pool->slice_count, (uint32_t)SLICE_BLOCK_MAX));
    if (!(b = calloc(1, sizeof(*b))) || !(b->slices = calloc(count, sizeof(*b->slices))))
    {
        free(b);
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    }
    info.size = pool->stride * count;
    info.usage = buffer_usage(&pool->desc);
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if ((vr = device->vk.vkCreateBuffer(device->device, &info, NULL, &b->buffer)) != VK_SUCCESS)
        goto fail;
    device->vk.vkGetBufferMemoryRequirements(device->device, b->buffer, &reqs);
    if ((vr = vk_memory_alloc(device, &reqs, vk_memory_domain_properties(pool->desc.domain),
            pool->desc.domain != VK_MEM_DOMAIN_DEVICE ? VK_ALLOC_HOST_VISIBLE : 0, NULL, &b->allocation)) != VK_SUCCESS
            || (vr = device->vk.vkBindBufferMemory(device->device, b->buffer, b->allocation.memory,
            b->allocation.offset)) != VK_SUCCESS)
        goto fail;
    b->count = count;
    for (i = 0; i < count; ++i)
    {
        struct vk_buffer_slice *slice = &b->slices[i];

        vk_object_init(&slice->obj, device, VK_OBJ_BUFFER_SLICE, slice_destroy);
        slice->buffer = b->buffer;
        slice->offset = i * pool->stride;
        slice->size = pool->desc.size;
        slice->map = b->allocation.map ? b->allocation.map + slice->offset : NULL;
        slice->pool = pool;
        slice->block = b;
        slice->next_free = pool->free;
        pool->free = slice;
    }
    pool->slice_count += count;
    b->next = pool->blocks;
    pool->blocks = b;
    return VK_SUCCESS;

fail:
    vk_memory_free(device, &b->allocation);
    device->vk.vkDestroyBuffer(device->device, b->buffer, NULL);
    free(b->slices);
    free(b);
    return vr;
}

static void buffer_destroy(struct vk_object *obj)
{
    struct vk_buffer *buffer = CONTAINING_RECORD(obj, struct vk_buffer, obj);

    vk_object_release(&buffer->slice->obj);
    if (buffer->pool)
        vk_object_release(&buffer->pool->obj);
    free(buffer);
}

VkResult vk_buffer_create(struct vk_device *device, const struct vk_buffer_desc *desc, struct vk_buffer **out)
{
    struct vk_buffer *buffer;
    VkResult vr;

    if (!desc->size)
        return VK_ERROR_INITIALIZATION_FAILED;
    if (!(buffer = calloc(1, sizeof(*buffer))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&buffer->obj, device, VK_OBJ_BUFFER, buffer_destroy);
    buffer->desc = *desc;
    if ((vr = slice_create(device, desc, &buffer->slice)) != VK_SUCCESS)
    {
        free(buffer);
        return vr;
    }
    if (desc->flags & VK_BUF_DISCARDABLE)
    {
        if (!(buffer->pool = calloc(1, sizeof(*buffer->pool))))
        {
            vk_object_release(&buffer->slice->obj);
            free(buffer);
            return VK_ERROR_OUT_OF_HOST_MEMORY;
        }
        const VkPhysicalDeviceLimits *limits = &device->adapter->properties.properties.limits;
        VkDeviceSize align = 256;

        vk_object_init(&buffer->pool->obj, device, VK_OBJ_SLICE_POOL, slice_pool_destroy);
        buffer->pool->desc = *desc;
        align = d3d11vk_max(align, limits->minUniformBufferOffsetAlignment);
        align = d3d11vk_max(align, limits->minStorageBufferOffsetAlignment);
        align = d3d11vk_max(align, limits->minTexelBufferOffsetAlignment);
        buffer->pool->stride = align_u64(desc->size, align);
        plat_mutex_init(&buffer->pool->lock);
        buffer->slice->pool = buffer->pool;
        vk_object_addref(&buffer->pool->obj);   /* the live slice's reference */
    }
    *out = buffer;
    return VK_SUCCESS;
}

void vk_buffer_ref(struct vk_buffer *buffer, VkDeviceSize offset, struct vk_bufref *out)
{
    out->owner = &buffer->slice->obj;
    out->buffer = buffer->slice->buffer;
    out->offset = buffer->slice->offset + offset;
}

void *vk_buffer_map(struct vk_buffer *buffer)
{
    return buffer->slice->map;
}

VkResult vk_buffer_rename(struct vk_buffer *buffer)
{
    struct vk_slice_pool *pool = buffer->pool;
    struct vk_buffer_slice *slice, *old = buffer->slice;
    VkResult vr;

    if (!pool)
        return VK_ERROR_FEATURE_NOT_PRESENT;
    /* A slice nobody else uses needs no renaming. */
    if (atomic_load_u32(&old->obj.refcount) == 1 && vk_object_gpu_idle(&old->obj))
        return VK_SUCCESS;
    plat_mutex_lock(&pool->lock);
    if (!pool->free && (vr = slice_pool_grow(buffer->obj.device, pool)) != VK_SUCCESS)
    {
        plat_mutex_unlock(&pool->lock);
        return vr;
    }
    slice = pool->free;
    pool->free = slice->next_free;
    plat_mutex_unlock(&pool->lock);
    {
        uint64_t last_use = slice->obj.last_use;

        vk_object_init(&slice->obj, buffer->obj.device, VK_OBJ_BUFFER_SLICE, slice_destroy);
        slice->obj.last_use = last_use;
    }
    vk_object_addref(&pool->obj);
    buffer->slice = slice;
    vk_object_release(&old->obj);
    return VK_SUCCESS;
}

static void buffer_view_destroy(struct vk_object *obj)
{
    struct vk_buffer_view *view = CONTAINING_RECORD(obj, struct vk_buffer_view, obj);

    obj->device->vk.vkDestroyBufferView(obj->device->device, view->view, NULL);
    vk_object_release(&view->slice->obj);
    free(view);
}

VkResult vk_buffer_view_create(struct vk_buffer *buffer, VkFormat format, VkDeviceSize offset,
        VkDeviceSize range, struct vk_buffer_view **out)
{
    VkBufferViewCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_VIEW_CREATE_INFO };
    struct vk_device *device = buffer->obj.device;
    struct vk_buffer_view *view;
    VkResult vr;

    if (!(view = calloc(1, sizeof(*view))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&view->obj, device, VK_OBJ_BUFFER_VIEW, buffer_view_destroy);
    info.buffer = buffer->slice->buffer;
    info.format = format;
    info.offset = buffer->slice->offset + offset;
    info.range = range;
    if ((vr = device->vk.vkCreateBufferView(device->device, &info, NULL, &view->view)) != VK_SUCCESS)
    {
        free(view);
        return vr;
    }
    view->slice = buffer->slice;
    vk_object_addref(&view->slice->obj);
    view->format = format;
    view->offset = offset;
    view->range = range;
    *out = view;
    return VK_SUCCESS;
}

/* ---------------------------------------------------------------------------------------
 * Images */

VkImageAspectFlags vk_format_aspects(VkFormat format)
{
    switch (format)
    {
        case VK_FORMAT_D16_UNORM:
        case VK_FORMAT_X8_D24_UNORM_PACK32:
        case VK_FORMAT_D32_SFLOAT:
            return VK_IMAGE_ASPECT_DEPTH_BIT;
        case VK_FORMAT_S8_UINT:
            return VK_IMAGE_ASPECT_STENCIL_BIT;
        case VK_FORMAT_D16_UNORM_S8_UINT:
        case VK_FORMAT_D24_UNORM_S8_UINT:
        case VK_FORMAT_D32_SFLOAT_S8_UINT:
            return VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT;
        default:
            return VK_IMAGE_ASPECT_COLOR_BIT;
    }
}

/* Bytes per texel block and block size, for the buffer side of buffer<->image copies (the
 * aspect picks the depth or stencil part of combined formats). False when unknown. */
static bool format_block(VkFormat f, VkImageAspectFlags aspect, uint32_t *bytes, uint32_t *bw)
{
    *bw = 1;
    if (aspect == VK_IMAGE_ASPECT_STENCIL_BIT)
        return (*bytes = 1);
    if (f >= VK_FORMAT_BC1_RGB_UNORM_BLOCK && f <= VK_FORMAT_BC7_SRGB_BLOCK)
    {
        *bw = 4;
        *bytes = (f <= VK_FORMAT_BC1_RGBA_SRGB_BLOCK || f == VK_FORMAT_BC4_UNORM_BLOCK || f == VK_FORMAT_BC4_SNORM_BLOCK) ? 8 : 16;
        return true;
    }
    if (f == VK_FORMAT_R4G4_UNORM_PACK8 || (f >= VK_FORMAT_R8_UNORM && f <= VK_FORMAT_R8_SRGB) || f == VK_FORMAT_S8_UINT)
        *bytes = 1;
    else if ((f >= VK_FORMAT_R4G4B4A4_UNORM_PACK16 && f <= VK_FORMAT_A1R5G5B5_UNORM_PACK16)
            || (f >= VK_FORMAT_R8G8_UNORM && f <= VK_FORMAT_R8G8_SRGB) || (f >= VK_FORMAT_R16_UNORM && f <= VK_FORMAT_R16_SFLOAT)
            || f == VK_FORMAT_D16_UNORM || f == VK_FORMAT_D16_UNORM_S8_UINT)
        *bytes = 2;
    else if (f >= VK_FORMAT_R8G8B8_UNORM && f <= VK_FORMAT_B8G8R8_SRGB)
        *bytes = 3;
    else if ((f >= VK_FORMAT_R8G8B8A8_UNORM && f <= VK_FORMAT_A2B10G10R10_SINT_PACK32)
            || (f >= VK_FORMAT_R16G16_UNORM && f <= VK_FORMAT_R16G16_SFLOAT) || (f >= VK_FORMAT_R32_UINT && f <= VK_FORMAT_R32_SFLOAT)
            || f == VK_FORMAT_B10G11R11_UFLOAT_PACK32 || f == VK_FORMAT_E5B9G9R9_UFLOAT_PACK32
            || f == VK_FORMAT_X8_D24_UNORM_PACK32 || f == VK_FORMAT_D32_SFLOAT || f == VK_FORMAT_D24_UNORM_S8_UINT
            || f == VK_FORMAT_D32_SFLOAT_S8_UINT)
        *bytes = 4;
    else if (f >= VK_FORMAT_R16G16B16_UNORM && f <= VK_FORMAT_R16G16B16_SFLOAT)
        *bytes = 6;
    else if ((f >= VK_FORMAT_R16G16B16A16_UNORM && f <= VK_FORMAT_R16G16B16A16_SFLOAT)
            || (f >= VK_FORMAT_R32G32_UINT && f <= VK_FORMAT_R32G32_SFLOAT) || (f >= VK_FORMAT_R64_UINT && f <= VK_FORMAT_R64_SFLOAT))
        *bytes = 8;
    else if (f >= VK_FORMAT_R32G32B32_UINT && f <= VK_FORMAT_R32G32B32_SFLOAT)
        *bytes = 12;
    else if ((f >= VK_FORMAT_R32G32B32A32_UINT && f <= VK_FORMAT_R32G32B32A32_SFLOAT)
            || (f >= VK_FORMAT_R64G64_UINT && f <= VK_FORMAT_R64G64_SFLOAT))
        *bytes = 16;
    else
        return false;
    return true;
}

VkDeviceSize vk_buffer_image_copy_size(const struct vk_image *image, const VkBufferImageCopy *region)
{
    uint32_t bytes, bw, row = region->bufferRowLength ? region->bufferRowLength : region->imageExtent.width;
    uint32_t height = region->bufferImageHeight ? region->bufferImageHeight : region->imageExtent.height;
    uint64_t blocks_x, blocks_y, slices;

    if (!format_block(image->desc.format, region->imageSubresource.aspectMask, &bytes, &bw))
        return VK_WHOLE_SIZE;
    blocks_x = (row + bw - 1) / bw;
    blocks_y = (height + bw - 1) / bw;
    slices = (uint64_t)d3d11vk_max(region->imageExtent.depth, 1u) * d3d11vk_max(region->imageSubresource.layerCount, 1u);
    return blocks_x * bytes * blocks_y * slices;
}

static void image_destroy(struct vk_object *obj)
{
    struct vk_image *image = CONTAINING_RECORD(obj, struct vk_image, obj);

    obj->device->vk.vkDestroyImage(obj->device->device, image->image, NULL);
    vk_memory_free(obj->device, &image->allocation);
    free(image->formats);
    free(image);
}

/* External memory (sharing): the allocation of an exported or imported image. */
static VkResult image_alloc_external(struct vk_device *device, const VkMemoryRequirements *reqs,
        const struct vk_external_memory *ext, VkMemoryDedicatedAllocateInfo *dedicated, struct vk_allocation *out)
{
    VkExportMemoryAllocateInfo export_info = { VK_STRUCTURE_TYPE_EXPORT_MEMORY_ALLOCATE_INFO };
    VkImportMemoryFdInfoKHR fd_info = { VK_STRUCTURE_TYPE_IMPORT_MEMORY_FD_INFO_KHR };
#ifdef VK_USE_PLATFORM_WIN32_KHR
    VkImportMemoryWin32HandleInfoKHR win32_info = { VK_STRUCTURE_TYPE_IMPORT_MEMORY_WIN32_HANDLE_INFO_KHR };
#endif
    const void *next = dedicated;

    if (!ext->import)
    {
        export_info.handleTypes = ext->handle_type;
        export_info.pNext = dedicated;
        return vk_memory_alloc_external(device, reqs->size, reqs->memoryTypeBits,
                VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, -1, &export_info, out);
    }
    /* Same driver and device (the caller compared UUIDs): the exporter's size and type fit. */
    if (ext->size < reqs->size || ext->memory_type >= 32 || !(reqs->memoryTypeBits & (1u << ext->memory_type)))
        return VK_ERROR_INVALID_EXTERNAL_HANDLE;
    if (ext->handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT)
    {
        fd_info.handleType = ext->handle_type;
        fd_info.fd = ext->fd;
        fd_info.pNext = dedicated;
        next = &fd_info;
    }
#ifdef VK_USE_PLATFORM_WIN32_KHR
    else if (ext->handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT)
    {
        win32_info.handleType = ext->handle_type;
        win32_info.handle = ext->win32_handle;
        win32_info.pNext = dedicated;
        next = &win32_info;
    }
#endif
    else
        return VK_ERROR_INVALID_EXTERNAL_HANDLE;
    return vk_memory_alloc_external(device, ext->size, reqs->memoryTypeBits, 0, (int)ext->memory_type, next, out);
}

static VkResult image_create(struct vk_device *device, const struct vk_image_desc *desc,
        const struct vk_external_memory *ext, struct vk_image **out)
{
    VkExternalMemoryImageCreateInfo ext_info = { VK_STRUCTURE_TYPE_EXTERNAL_MEMORY_IMAGE_CREATE_INFO };
    VkImageCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkImageFormatListCreateInfo list = { VK_STRUCTURE_TYPE_IMAGE_FORMAT_LIST_CREATE_INFO };
    VkImageMemoryRequirementsInfo2 req_info = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_REQUIREMENTS_INFO_2 };
    VkMemoryDedicatedRequirements dedicated = { VK_STRUCTURE_TYPE_MEMORY_DEDICATED_REQUIREMENTS };
    VkMemoryRequirements2 reqs = { VK_STRUCTURE_TYPE_MEMORY_REQUIREMENTS_2 };
    VkMemoryDedicatedAllocateInfo dedicated_info = { VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO };
    struct vk_image *image;
    uint32_t flags = 0;
    VkResult vr;

    if (!desc->extent.width || !desc->extent.height || !desc->extent.depth || !desc->mip_levels || !desc->array_layers)
        return VK_ERROR_INITIALIZATION_FAILED;
    if (!(image = calloc(1, sizeof(*image))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&image->obj, device, VK_OBJ_IMAGE, image_destroy);
    image->desc = *desc;
    image->desc.view_formats = NULL;
    image->desc.view_format_count = 0;
    image->desc.samples = desc->samples ? desc->samples : VK_SAMPLE_COUNT_1_BIT;
    image->aspects = vk_format_aspects(desc->format);

    info.imageType = desc->type;
    info.format = desc->format;
    info.extent = desc->extent;
    info.mipLevels = desc->mip_levels;
    info.arrayLayers = desc->array_layers;
    info.samples = image->desc.samples;
    info.tiling = (desc->flags & VK_IMG_LINEAR) ? VK_IMAGE_TILING_LINEAR : VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc->usage | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    if (desc->flags & VK_IMG_CUBE_COMPATIBLE)
        info.flags |= VK_IMAGE_CREATE_CUBE_COMPATIBLE_BIT;
    if (desc->flags & VK_IMG_2D_ARRAY_COMPATIBLE)
        info.flags |= VK_IMAGE_CREATE_2D_ARRAY_COMPATIBLE_BIT;
    if (desc->flags & VK_IMG_MUTABLE_FORMAT)
    {
        /* Views may take formats whose features lack some usage of the image. */
        info.flags |= VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT | VK_IMAGE_CREATE_EXTENDED_USAGE_BIT;
        if (desc->view_format_count)
        {
            if (!(image->formats = malloc(desc->view_format_count * sizeof(*image->formats))))
            {
                free(image);
                return VK_ERROR_OUT_OF_HOST_MEMORY;
            }
            memcpy(image->formats, desc->view_formats, desc->view_format_count * sizeof(*image->formats));
            image->desc.view_formats = image->formats;
            image->desc.view_format_count = desc->view_format_count;
            list.viewFormatCount = desc->view_format_count;
            list.pViewFormats = image->formats;
            info.pNext = &list;
        }
    }
    if (ext)
    {
        ext_info.handleTypes = ext->handle_type;
        ext_info.pNext = info.pNext;
        info.pNext = &ext_info;
    }
    if ((vr = device->vk.vkCreateImage(device->device, &info, NULL, &image->image)) != VK_SUCCESS)
    {
        free(image->formats);
        free(image);
        return vr;
    }
    req_info.image = image->image;
    reqs.pNext = &dedicated;
    device->vk.vkGetImageMemoryRequirements2(device->device, &req_info, &reqs);
    if (dedicated.prefersDedicatedAllocation || dedicated.requiresDedicatedAllocation)
        flags |= VK_ALLOC_DEDICATED;
    if (info.tiling == VK_IMAGE_TILING_OPTIMAL)
        flags |= VK_ALLOC_OPTIMAL;
    if (desc->domain != VK_MEM_DOMAIN_DEVICE)
        flags |= VK_ALLOC_HOST_VISIBLE;
    dedicated_info.image = image->image;
    if (ext)
        vr = image_alloc_external(device, &reqs.memoryRequirements, ext, &dedicated_info, &image->allocation);
    else
        vr = vk_memory_alloc(device, &reqs.memoryRequirements, vk_memory_domain_properties(desc->domain), flags,
                &dedicated_info, &image->allocation);
    if (vr != VK_SUCCESS
            || (vr = device->vk.vkBindImageMemory(device->device, image->image, image->allocation.memory,
            image->allocation.offset)) != VK_SUCCESS)
    {
        image_destroy(&image->obj);
        return vr;
    }
    *out = image;
    return VK_SUCCESS;
}

VkResult vk_image_create(struct vk_device *device, const struct vk_image_desc *desc, struct vk_image **out)
{
    return image_create(device, desc, NULL, out);
}

bool vk_image_external_supported(struct vk_device *device, const struct vk_image_desc *desc,
        VkExternalMemoryHandleTypeFlagBits handle_type)
{
    VkPhysicalDeviceExternalImageFormatInfo ext_info = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTERNAL_IMAGE_FORMAT_INFO };
    VkPhysicalDeviceImageFormatInfo2 info = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_IMAGE_FORMAT_INFO_2, &ext_info };
    VkExternalImageFormatProperties ext_props = { VK_STRUCTURE_TYPE_EXTERNAL_IMAGE_FORMAT_PROPERTIES };
    VkImageFormatProperties2 props = { VK_STRUCTURE_TYPE_IMAGE_FORMAT_PROPERTIES_2, &ext_props };
    VkExternalMemoryFeatureFlags need = VK_EXTERNAL_MEMORY_FEATURE_EXPORTABLE_BIT | VK_EXTERNAL_MEMORY_FEATURE_IMPORTABLE_BIT;

    if (handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT
            ? !device->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_FD] || !device->vk.vkGetMemoryFdKHR
            : !device->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32])
        return false;
    if (!vkGetPhysicalDeviceImageFormatProperties2 || (desc->flags & VK_IMG_LINEAR))
        return false;
    ext_info.handleType = handle_type;
    info.format = desc->format;
    info.type = desc->type;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = desc->usage | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (desc->flags & VK_IMG_CUBE_COMPATIBLE)
        info.flags |= VK_IMAGE_CREATE_CUBE_COMPATIBLE_BIT;
    if (desc->flags & VK_IMG_2D_ARRAY_COMPATIBLE)
        info.flags |= VK_IMAGE_CREATE_2D_ARRAY_COMPATIBLE_BIT;
    if (desc->flags & VK_IMG_MUTABLE_FORMAT)
        info.flags |= VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT | VK_IMAGE_CREATE_EXTENDED_USAGE_BIT;
    if (vkGetPhysicalDeviceImageFormatProperties2(device->adapter->physical_device, &info, &props) != VK_SUCCESS)
        return false;
    return (ext_props.externalMemoryProperties.externalMemoryFeatures & need) == need
            && (props.imageFormatProperties.sampleCounts & (desc->samples ? desc->samples : VK_SAMPLE_COUNT_1_BIT))
            && props.imageFormatProperties.maxExtent.width >= desc->extent.width
            && props.imageFormatProperties.maxExtent.height >= desc->extent.height
            && props.imageFormatProperties.maxArrayLayers >= desc->array_layers;
}

VkResult vk_image_create_external(struct vk_device *device, const struct vk_image_desc *desc,
        const struct vk_external_memory *ext, struct vk_image **out)
{
    VkResult vr;

    if (!ext || (desc->flags & VK_IMG_LINEAR))
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    if ((vr = image_create(device, desc, ext, out)) == VK_SUCCESS && ext->import)
        __atomic_store_n(&(*out)->initialized, 1, __ATOMIC_RELEASE);   /* the exporter made it GENERAL */
    return vr;
}

VkDeviceSize vk_device_host_import_alignment(struct vk_device *device)
{
    VkPhysicalDeviceExternalMemoryHostPropertiesEXT host = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTERNAL_MEMORY_HOST_PROPERTIES_EXT };
    VkPhysicalDeviceProperties2 props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &host };

    if (!device->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_HOST] || !vkGetPhysicalDeviceProperties2)
        return 0;
    vkGetPhysicalDeviceProperties2(device->adapter->physical_device, &props);
    return host.minImportedHostPointerAlignment;
}

VkResult vk_buffer_import_host(struct vk_device *device, void *ptr, VkDeviceSize size,
        VkBufferUsageFlags usage, struct vk_buffer_slice **out)
{
    const VkExternalMemoryHandleTypeFlagBits type = VK_EXTERNAL_MEMORY_HANDLE_TYPE_HOST_ALLOCATION_BIT_EXT;
    VkExternalMemoryBufferCreateInfo ext_info = { VK_STRUCTURE_TYPE_EXTERNAL_MEMORY_BUFFER_CREATE_INFO };
    VkMemoryHostPointerPropertiesEXT ptr_props = { VK_STRUCTURE_TYPE_MEMORY_HOST_POINTER_PROPERTIES_EXT };
    VkImportMemoryHostPointerInfoEXT import = { VK_STRUCTURE_TYPE_IMPORT_MEMORY_HOST_POINTER_INFO_EXT };
    VkBufferCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO, &ext_info };
    VkDeviceSize align = vk_device_host_import_alignment(device);
    struct vk_buffer_slice *slice;
    VkMemoryRequirements reqs;
    uint32_t bits, t;
    VkResult vr = VK_ERROR_INVALID_EXTERNAL_HANDLE;

    *out = NULL;
    if (!align || !ptr || !size || ((uintptr_t)ptr % align) || (size % align))
        return VK_ERROR_INVALID_EXTERNAL_HANDLE;
    if (!(slice = calloc(1, sizeof(*slice))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&slice->obj, device, VK_OBJ_BUFFER_SLICE, slice_destroy);
    ext_info.handleTypes = type;
    info.size = size;
    info.usage = usage | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if ((vr = device->vk.vkCreateBuffer(device->device, &info, NULL, &slice->buffer)) != VK_SUCCESS)
    {
        free(slice);
        return vr;
    }
    device->vk.vkGetBufferMemoryRequirements(device->device, slice->buffer, &reqs);
    bits = reqs.memoryTypeBits;
    if (device->vk.vkGetMemoryHostPointerPropertiesEXT
            && device->vk.vkGetMemoryHostPointerPropertiesEXT(device->device, type, ptr, &ptr_props) == VK_SUCCESS
            && (ptr_props.memoryTypeBits & bits))
        bits &= ptr_props.memoryTypeBits;
    import.handleType = type;
    import.pHostPointer = ptr;
    vr = VK_ERROR_INVALID_EXTERNAL_HANDLE;
    /* Host-visible types first (an import is host memory), the rest after. */
    for (t = 0; t < 64 && vr != VK_SUCCESS; ++t)
    {
        uint32_t i = t % 32;
        VkMemoryPropertyFlags flags = vk_device_memory_type_flags(device, i);
        if (!(bits & (1u << i)) || (t < 32) != !!(flags & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))
            continue;
        if (reqs.size <= size)
            vr = vk_memory_alloc_external(device, size, 1u << i, 0, (int)i, &import, &slice->allocation);
    }
    if (vr != VK_SUCCESS || (vr = device->vk.vkBindBufferMemory(device->device, slice->buffer,
            slice->allocation.memory, 0)) != VK_SUCCESS)
    {
        slice_free_resources(device, slice);
        return vr;
    }
    slice->offset = 0;
    slice->size = size;
    slice->map = ptr;
    *out = slice;
    return VK_SUCCESS;
}

static void image_view_destroy(struct vk_object *obj)
{
    struct vk_image_view *view = CONTAINING_RECORD(obj, struct vk_image_view, obj);

    obj->device->vk.vkDestroyImageView(obj->device->device, view->view, NULL);
    vk_object_release(&view->image->obj);
    free(view);
}

VkResult vk_image_view_create(struct vk_image *image, const struct vk_image_view_desc *desc, struct vk_image_view **out)
{
    VkImageViewCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO };
    VkImageViewUsageCreateInfo usage = { VK_STRUCTURE_TYPE_IMAGE_VIEW_USAGE_CREATE_INFO };
    struct vk_device *device = image->obj.device;
    struct vk_image_view *view;
    VkResult vr;

    if (!desc->mip_count || !desc->layer_count)
        return VK_ERROR_INITIALIZATION_FAILED;
    if (!(view = calloc(1, sizeof(*view))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&view->obj, device, VK_OBJ_IMAGE_VIEW, image_view_destroy);
    view->desc = *desc;
    if (!view->desc.aspects)
        view->desc.aspects = vk_format_aspects(desc->format);
    info.image = image->image;
    info.viewType = desc->type;
    info.format = desc->format;
    info.components = desc->swizzle;
    info.subresourceRange.aspectMask = view->desc.aspects;
    info.subresourceRange.baseMipLevel = desc->base_mip;
    info.subresourceRange.levelCount = desc->mip_count;
    info.subresourceRange.baseArrayLayer = desc->base_layer;
    info.subresourceRange.layerCount = desc->layer_count;
    if (desc->usage)
    {
        usage.usage = desc->usage;
        info.pNext = &usage;
    }
    if ((vr = device->vk.vkCreateImageView(device->device, &info, NULL, &view->view)) != VK_SUCCESS)
    {
        free(view);
        return vr;
    }
    view->image = image;
    vk_object_addref(&image->obj);
    *out = view;
    return VK_SUCCESS;
}

/* ---------------------------------------------------------------------------------------
 * Query pools and semaphores */

static void query_pool_destroy(struct vk_object *obj)
{
    struct vk_query_pool *pool = CONTAINING_RECORD(obj, struct vk_query_pool, obj);

    obj->device->vk.vkDestroyQueryPool(obj->device->device, pool->pool, NULL);
    free(pool);
}

VkResult vk_query_pool_create(struct vk_device *device, VkQueryType type, uint32_t count, struct vk_query_pool **out)
{
    VkQueryPoolCreateInfo info = { VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO };
    struct vk_query_pool *pool;
    VkResult vr;

    if (!count)
        return VK_ERROR_INITIALIZATION_FAILED;
    if (!(pool = calloc(1, sizeof(*pool))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&pool->obj, device, VK_OBJ_QUERY_POOL, query_pool_destroy);
    info.queryType = type;
    info.queryCount = count;
    if (type == VK_QUERY_TYPE_PIPELINE_STATISTICS)
        info.pipelineStatistics = 0x7ff;
    if ((vr = device->vk.vkCreateQueryPool(device->device, &info, NULL, &pool->pool)) != VK_SUCCESS)
    {
        free(pool);
        return vr;
    }
    pool->type = type;
    pool->count = count;
    /* Without host reset the user must record vk_cs_cmd_reset_queries before first use. */
    if (device->enabled.v12.hostQueryReset)
        device->vk.vkResetQueryPool(device->device, pool->pool, 0, count);
    *out = pool;
    return VK_SUCCESS;
}

VkResult vk_query_pool_get_results(struct vk_query_pool *pool, uint32_t first, uint32_t count,
        uint64_t *results, bool wait)
{
    struct vk_device *device = pool->obj.device;

    if (first >= pool->count || count > pool->count - first)
        return VK_ERROR_INITIALIZATION_FAILED;
    return device->vk.vkGetQueryPoolResults(device->device, pool->pool, first, count, count * sizeof(uint64_t),
            results, sizeof(uint64_t), VK_QUERY_RESULT_64_BIT | (wait ? VK_QUERY_RESULT_WAIT_BIT : 0));
}

static void semaphore_destroy(struct vk_object *obj)
{
    struct vk_semaphore *s = CONTAINING_RECORD(obj, struct vk_semaphore, obj);

    obj->device->vk.vkDestroySemaphore(obj->device->device, s->semaphore, NULL);
    free(s);
}

VkResult vk_semaphore_create(struct vk_device *device, uint64_t initial_value, struct vk_semaphore **out)
{
    VkSemaphoreTypeCreateInfo type_info = { VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO };
    VkSemaphoreCreateInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO };
    struct vk_semaphore *s;
    VkResult vr;

    if (!(s = calloc(1, sizeof(*s))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&s->obj, device, VK_OBJ_SEMAPHORE, semaphore_destroy);
    type_info.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    type_info.initialValue = initial_value;
    info.pNext = &type_info;
    if ((vr = device->vk.vkCreateSemaphore(device->device, &info, NULL, &s->semaphore)) != VK_SUCCESS)
    {
        free(s);
        return vr;
    }
    *out = s;
    return VK_SUCCESS;
}

uint64_t vk_semaphore_value(struct vk_semaphore *s)
{
    uint64_t value = 0;

    s->obj.device->vk.vkGetSemaphoreCounterValue(s->obj.device->device, s->semaphore, &value);
    return value;
}

VkResult vk_semaphore_signal(struct vk_semaphore *s, uint64_t value)
{
    VkSemaphoreSignalInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO };

    info.semaphore = s->semaphore;
    info.value = value;
    return s->obj.device->vk.vkSignalSemaphore(s->obj.device->device, &info);
}

VkResult vk_semaphore_wait(struct vk_semaphore *s, uint64_t value, uint64_t timeout)
{
    VkSemaphoreWaitInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO };

    info.semaphoreCount = 1;
    info.pSemaphores = &s->semaphore;
    info.pValues = &value;
    return s->obj.device->vk.vkWaitSemaphores(s->obj.device->device, &info, timeout);
}
