/* staging.c — host-visible upload blocks behind every stream's staging ring: standard-size
 * blocks return to a per-device free list once the GPU is done with them. */
#include "vk_core_private.h"

static void block_free_resources(struct vk_device *device, struct vk_staging_block *block)
{
    device->vk.vkDestroyBuffer(device->device, block->buffer, NULL);
    vk_memory_free(device, &block->allocation);
    free(block);
}

static void staging_block_destroy(struct vk_object *obj)
{
    struct vk_staging_block *block = CONTAINING_RECORD(obj, struct vk_staging_block, obj);
    struct vk_device_core *core = vk_core(obj->device);

    __atomic_sub_fetch(&core->staging_live, block->size, __ATOMIC_RELAXED);
    if (block->size == VK_STAGING_BLOCK_SIZE)
    {
        plat_mutex_lock(&core->staging_lock);
        if (core->staging_free_count < VK_STAGING_FREE_MAX)
        {
            block->next_free = core->staging_free;
            core->staging_free = block;
            ++core->staging_free_count;
            block = NULL;
        }
        plat_mutex_unlock(&core->staging_lock);
    }
    if (block)
        block_free_resources(obj->device, block);
}

VkResult vk_staging_block_get(struct vk_device *device, VkDeviceSize size, struct vk_staging_block **out)
{
    struct vk_device_core *core = vk_core(device);
    VkBufferCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryRequirements reqs;
    struct vk_staging_block *block = NULL;
    uint64_t last_use = 0;
    VkResult vr;

    size = size <= VK_STAGING_BLOCK_SIZE ? VK_STAGING_BLOCK_SIZE : align_u64(size, 1u << 16);
    if (size == VK_STAGING_BLOCK_SIZE)
    {
        plat_mutex_lock(&core->staging_lock);
        if ((block = core->staging_free))
        {
            core->staging_free = block->next_free;
            --core->staging_free_count;
        }
        plat_mutex_unlock(&core->staging_lock);
    }
    if (block)
    {
        last_use = block->obj.last_use;
        vk_object_init(&block->obj, device, VK_OBJ_STAGING_BLOCK, staging_block_destroy);
        block->obj.last_use = last_use;
        __atomic_add_fetch(&core->staging_live, block->size, __ATOMIC_RELAXED);
        *out = block;
        return VK_SUCCESS;
    }
    if (!(block = calloc(1, sizeof(*block))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&block->obj, device, VK_OBJ_STAGING_BLOCK, staging_block_destroy);
    info.size = size;
    /* Uniform: the draw path copies renamed constant buffers here (one VkBuffer, dynamic offsets). */
    info.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if ((vr = device->vk.vkCreateBuffer(device->device, &info, NULL, &block->buffer)) != VK_SUCCESS)
    {
        free(block);
        return vr;
    }
    device->vk.vkGetBufferMemoryRequirements(device->device, block->buffer, &reqs);
    if ((vr = vk_memory_alloc(device, &reqs, vk_memory_domain_properties(VK_MEM_DOMAIN_UPLOAD),
            VK_ALLOC_HOST_VISIBLE, NULL, &block->allocation)) != VK_SUCCESS
            || (vr = device->vk.vkBindBufferMemory(device->device, block->buffer, block->allocation.memory,
            block->allocation.offset)) != VK_SUCCESS)
    {
        block_free_resources(device, block);
        return vr;
    }
    block->size = size;
    block->map = block->allocation.map;
    __atomic_add_fetch(&core->staging_live, block->size, __ATOMIC_RELAXED);
    *out = block;
    return VK_SUCCESS;
}

void vk_staging_pool_cleanup(struct vk_device *device)
{
    struct vk_device_core *core = vk_core(device);
    struct vk_staging_block *block;

    while ((block = core->staging_free))
    {
        core->staging_free = block->next_free;
        block_free_resources(device, block);
    }
    core->staging_free_count = 0;
}
