/* device.c — the backend VkDevice: one per adapter per process (DESIGN decision 4),
 * shared by every D3D11 device created on that adapter. */
#include "vk_backend.h"
#include "vk_resource.h"
#include "pipeline.h"

extern const char *const vk_extension_names[VK_EXT_INDEX_COUNT];

/* Enables what the adapter offers, less what costs without helping D3D11. */
/* VK_KHR_present_id + VK_KHR_present_wait: enabled together, with both features, or neither. */
static bool present_wait_offered(const struct vk_adapter *adapter)
{
    return adapter->extensions[VK_EXT_INDEX_PRESENT_ID] && adapter->extensions[VK_EXT_INDEX_PRESENT_WAIT]
            && adapter->features.present_id.presentId && adapter->features.present_wait.presentWait;
}

static void choose_features(struct vk_adapter_features *e, const struct vk_adapter *adapter)
{
    *e = adapter->features;
    e->core.features.sparseBinding = VK_FALSE;
    e->core.features.sparseResidencyBuffer = VK_FALSE;
    e->core.features.sparseResidencyImage2D = VK_FALSE;
    e->core.features.sparseResidencyImage3D = VK_FALSE;
    e->core.features.sparseResidency2Samples = VK_FALSE;
    e->core.features.sparseResidency4Samples = VK_FALSE;
    e->core.features.sparseResidency8Samples = VK_FALSE;
    e->core.features.sparseResidency16Samples = VK_FALSE;
    e->core.features.sparseResidencyAliased = VK_FALSE;
    e->core.features.inheritedQueries = VK_FALSE;
    e->v11.protectedMemory = VK_FALSE;
    e->v12.bufferDeviceAddressCaptureReplay = VK_FALSE;
    e->v12.bufferDeviceAddressMultiDevice = VK_FALSE;
    e->v13.robustImageAccess = VK_FALSE;           /* robustness2 gives the D3D11 rules */
    e->v13.privateData = VK_FALSE;
    e->robustness2.robustImageAccess2 = VK_FALSE;
    if (e->robustness2.robustBufferAccess2)
        e->core.features.robustBufferAccess = VK_TRUE;
    if (!present_wait_offered(adapter))
        e->present_id.presentId = e->present_wait.presentWait = VK_FALSE;
}

static void relink(struct vk_adapter_features *f)
{
    /* The copied pNext pointers point into the adapter's struct: rebase them onto ours. */
    void **next = &f->core.pNext;
    void *p = f->core.pNext;

    while (p)
    {
        VkBaseOutStructure *base = p;
        void *mine = NULL;

        switch (base->sType)
        {
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES: mine = &f->v11; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES: mine = &f->v12; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES: mine = &f->v13; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ROBUSTNESS_2_FEATURES_EXT: mine = &f->robustness2; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_FEATURES_EXT: mine = &f->xfb; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTENDED_DYNAMIC_STATE_2_FEATURES_EXT: mine = &f->eds2; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DEPTH_CLIP_ENABLE_FEATURES_EXT: mine = &f->depth_clip; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_CUSTOM_BORDER_COLOR_FEATURES_EXT: mine = &f->border_color; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VERTEX_ATTRIBUTE_DIVISOR_FEATURES_EXT: mine = &f->divisor; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TEXEL_BUFFER_ALIGNMENT_FEATURES_EXT: mine = &f->texel_alignment; break;
            /* Present id/wait: chained only when both are enabled (choose_features). */
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PRESENT_ID_FEATURES_KHR: mine = f->present_id.presentId ? &f->present_id : NULL; break;
            case VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PRESENT_WAIT_FEATURES_KHR: mine = f->present_wait.presentWait ? &f->present_wait : NULL; break;
            default: break;
        }
        p = base->pNext;
        *next = mine;
        if (mine)
            next = (void **)&((VkBaseOutStructure *)mine)->pNext;
    }
    *next = NULL;
}

static VkResult device_create(struct vk_adapter *adapter, struct vk_device **out)
{
    static const float priority = 1.0f;
    VkDeviceQueueCreateInfo queue = { VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO };
    VkDeviceCreateInfo info = { VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO };
    const char *exts[VK_EXT_INDEX_COUNT];
    struct vk_device *device;
    uint32_t i, n = 0;
    VkResult vr;

    if (!(device = calloc(1, sizeof(*device))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    device->refcount = 1;
    device->adapter = adapter;
    for (i = 0; i < VK_EXT_INDEX_COUNT; ++i)
    {
        if (!adapter->extensions[i])
            continue;
        if ((i == VK_EXT_INDEX_PRESENT_ID || i == VK_EXT_INDEX_PRESENT_WAIT) && !present_wait_offered(adapter))
            continue;
#ifdef D3D11VK_NATIVE
        if (i == VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32 || i == VK_EXT_INDEX_EXTERNAL_SEMAPHORE_WIN32)
            continue;
#else
        if (i == VK_EXT_INDEX_EXTERNAL_MEMORY_FD || i == VK_EXT_INDEX_EXTERNAL_SEMAPHORE_FD)
            continue;
#endif
        device->extensions[i] = true;
        exts[n++] = vk_extension_names[i];
    }
    choose_features(&device->enabled, adapter);
    relink(&device->enabled);

    queue.queueFamilyIndex = adapter->graphics_queue_family;
    queue.queueCount = 1;
    queue.pQueuePriorities = &priority;
    info.pNext = &device->enabled.core;
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queue;
    info.enabledExtensionCount = n;
    info.ppEnabledExtensionNames = exts;
    if ((vr = vkCreateDevice(adapter->physical_device, &info, NULL, &device->device)) != VK_SUCCESS)
    {
        LOG_ERR("vkCreateDevice failed on %s: %s.", adapter->properties.properties.deviceName, vk_result_str(vr));
        free(device);
        return vr;
    }
    volkLoadDeviceTable(&device->vk, device->device);
    device->queue_family = adapter->graphics_queue_family;
    device->vk.vkGetDeviceQueue(device->device, device->queue_family, 0, &device->queue);
    plat_mutex_init(&device->queue_lock);
    if ((vr = vk_device_core_init(device)) != VK_SUCCESS)
    {
        LOG_ERR("Backend core init failed on %s: %s.", adapter->properties.properties.deviceName, vk_result_str(vr));
        plat_mutex_destroy(&device->queue_lock);
        device->vk.vkDestroyDevice(device->device, NULL);
        free(device);
        return vr;
    }
    if ((vr = vk_pipeline_state_init(device)) != VK_SUCCESS)
    {
        LOG_ERR("Pipeline state init failed on %s: %s.", adapter->properties.properties.deviceName, vk_result_str(vr));
        vk_device_core_cleanup(device);
        plat_mutex_destroy(&device->queue_lock);
        device->vk.vkDestroyDevice(device->device, NULL);
        free(device);
        return vr;
    }
    atomic_inc_u32(&adapter->instance->device_count);
    LOG_INFO("Created the Vulkan device for %s with %u extensions.", adapter->properties.properties.deviceName, n);
    *out = device;
    return VK_SUCCESS;
}

VkResult vk_adapter_get_device(struct vk_adapter *adapter, struct vk_device **out)
{
    VkResult vr = VK_SUCCESS;

    plat_mutex_lock(&adapter->device_lock);
    if (adapter->device)
        atomic_inc_u32(&adapter->device->refcount);
    else
        vr = device_create(adapter, &adapter->device);
    *out = adapter->device;
    plat_mutex_unlock(&adapter->device_lock);
    return vr;
}

void vk_device_addref(struct vk_device *device)
{
    atomic_inc_u32(&device->refcount);
}

void vk_device_release(struct vk_device *device)
{
    struct vk_adapter *adapter = device->adapter;

    plat_mutex_lock(&adapter->device_lock);
    if (atomic_dec_u32(&device->refcount))
    {
        plat_mutex_unlock(&adapter->device_lock);
        return;
    }
    adapter->device = NULL;
    plat_mutex_unlock(&adapter->device_lock);

    device->vk.vkDeviceWaitIdle(device->device);   /* shutdown: the one place a full wait is right */
    vk_pipeline_state_cleanup(device);
    vk_device_core_cleanup(device);
    device->vk.vkDestroyDevice(device->device, NULL);
    plat_mutex_destroy(&device->queue_lock);
    atomic_dec_u32(&adapter->instance->device_count);
    free(device);
}
