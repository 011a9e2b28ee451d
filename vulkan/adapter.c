/* adapter.c — a Vulkan physical device as the backend sees it: properties, features,
 * extensions, memory, and the one VkDevice it hands to every D3D11 device. */
#include "vk_backend.h"

extern const char *const vk_extension_names[VK_EXT_INDEX_COUNT];
const char *const vk_extension_names[VK_EXT_INDEX_COUNT] =
{
    [VK_EXT_INDEX_SWAPCHAIN] = VK_KHR_SWAPCHAIN_EXTENSION_NAME,
    [VK_EXT_INDEX_MEMORY_BUDGET] = VK_EXT_MEMORY_BUDGET_EXTENSION_NAME,
    [VK_EXT_INDEX_ROBUSTNESS2] = VK_EXT_ROBUSTNESS_2_EXTENSION_NAME,
    [VK_EXT_INDEX_TRANSFORM_FEEDBACK] = VK_EXT_TRANSFORM_FEEDBACK_EXTENSION_NAME,
    [VK_EXT_INDEX_EXTENDED_DYNAMIC_STATE2] = VK_EXT_EXTENDED_DYNAMIC_STATE_2_EXTENSION_NAME,
    [VK_EXT_INDEX_DEPTH_CLIP_ENABLE] = VK_EXT_DEPTH_CLIP_ENABLE_EXTENSION_NAME,
    [VK_EXT_INDEX_CUSTOM_BORDER_COLOR] = VK_EXT_CUSTOM_BORDER_COLOR_EXTENSION_NAME,
    [VK_EXT_INDEX_VERTEX_ATTRIBUTE_DIVISOR] = VK_EXT_VERTEX_ATTRIBUTE_DIVISOR_EXTENSION_NAME,
    [VK_EXT_INDEX_EXTERNAL_MEMORY_HOST] = VK_EXT_EXTERNAL_MEMORY_HOST_EXTENSION_NAME,
    [VK_EXT_INDEX_EXTERNAL_MEMORY_FD] = "VK_KHR_external_memory_fd",
    [VK_EXT_INDEX_EXTERNAL_SEMAPHORE_FD] = "VK_KHR_external_semaphore_fd",
    [VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32] = "VK_KHR_external_memory_win32",
    [VK_EXT_INDEX_EXTERNAL_SEMAPHORE_WIN32] = "VK_KHR_external_semaphore_win32",
    [VK_EXT_INDEX_CONSERVATIVE_RASTERIZATION] = VK_EXT_CONSERVATIVE_RASTERIZATION_EXTENSION_NAME,
    [VK_EXT_INDEX_SAMPLER_FILTER_MINMAX] = VK_EXT_SAMPLER_FILTER_MINMAX_EXTENSION_NAME,
    [VK_EXT_INDEX_DEPTH_RANGE_UNRESTRICTED] = VK_EXT_DEPTH_RANGE_UNRESTRICTED_EXTENSION_NAME,
    [VK_EXT_INDEX_TEXEL_BUFFER_ALIGNMENT] = VK_EXT_TEXEL_BUFFER_ALIGNMENT_EXTENSION_NAME,
    [VK_EXT_INDEX_PRESENT_ID] = VK_KHR_PRESENT_ID_EXTENSION_NAME,
    [VK_EXT_INDEX_PRESENT_WAIT] = VK_KHR_PRESENT_WAIT_EXTENSION_NAME,
};

/* Links the feature structs into one pNext chain, keeping only those whose extension exists. */
static void chain_features(struct vk_adapter_features *f, const bool *ext, uint32_t api_version)
{
    void **next = &f->core.pNext;

    f->core.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2;
    f->v11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES;
    f->v12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES;
    f->v13.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES;
    f->robustness2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ROBUSTNESS_2_FEATURES_EXT;
    f->xfb.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_FEATURES_EXT;
    f->eds2.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTENDED_DYNAMIC_STATE_2_FEATURES_EXT;
    f->depth_clip.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DEPTH_CLIP_ENABLE_FEATURES_EXT;
    f->border_color.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_CUSTOM_BORDER_COLOR_FEATURES_EXT;
    f->divisor.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VERTEX_ATTRIBUTE_DIVISOR_FEATURES_EXT;
    f->texel_alignment.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TEXEL_BUFFER_ALIGNMENT_FEATURES_EXT;
    f->present_id.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PRESENT_ID_FEATURES_KHR;
    f->present_wait.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PRESENT_WAIT_FEATURES_KHR;
#define LINK(s) do { *next = &(s); next = &(s).pNext; } while (0)
    if (api_version >= VK_API_VERSION_1_2) { LINK(f->v11); LINK(f->v12); }
    if (api_version >= VK_API_VERSION_1_3) LINK(f->v13);
    if (ext[VK_EXT_INDEX_ROBUSTNESS2]) LINK(f->robustness2);
    if (ext[VK_EXT_INDEX_TRANSFORM_FEEDBACK]) LINK(f->xfb);
    if (ext[VK_EXT_INDEX_EXTENDED_DYNAMIC_STATE2]) LINK(f->eds2);
    if (ext[VK_EXT_INDEX_DEPTH_CLIP_ENABLE]) LINK(f->depth_clip);
    if (ext[VK_EXT_INDEX_CUSTOM_BORDER_COLOR]) LINK(f->border_color);
    if (ext[VK_EXT_INDEX_VERTEX_ATTRIBUTE_DIVISOR]) LINK(f->divisor);
    if (ext[VK_EXT_INDEX_TEXEL_BUFFER_ALIGNMENT]) LINK(f->texel_alignment);
    if (ext[VK_EXT_INDEX_PRESENT_ID]) LINK(f->present_id);
    if (ext[VK_EXT_INDEX_PRESENT_WAIT]) LINK(f->present_wait);
#undef LINK
    *next = NULL;
}

VkResult vk_adapter_init(struct vk_adapter *adapter, struct vk_instance *instance, VkPhysicalDevice pd);
VkResult vk_adapter_init(struct vk_adapter *adapter, struct vk_instance *instance, VkPhysicalDevice pd)
{
    VkQueueFamilyProperties *families;
    VkExtensionProperties *exts;
    uint32_t count = 0, i, j, api;

    adapter->instance = instance;
    adapter->physical_device = pd;
    adapter->properties.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2;
    adapter->properties.pNext = &adapter->id_properties;
    adapter->id_properties.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_ID_PROPERTIES;
    vkGetPhysicalDeviceProperties2(pd, &adapter->properties);
    api = adapter->properties.properties.apiVersion;
    if (api < VK_API_VERSION_1_1)
    {
        LOG_WARN("Skipping %s: Vulkan 1.1 or newer is required.", adapter->properties.properties.deviceName);
        return VK_ERROR_INCOMPATIBLE_DRIVER;
    }
    if (api >= VK_API_VERSION_1_2)
    {
        adapter->id_properties.pNext = &adapter->properties11;
        adapter->properties11.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_PROPERTIES;
        adapter->properties11.pNext = &adapter->properties12;
        adapter->properties12.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_PROPERTIES;
        vkGetPhysicalDeviceProperties2(pd, &adapter->properties);
    }
    adapter->properties.pNext = NULL;
    adapter->id_properties.pNext = NULL;
    adapter->properties11.pNext = NULL;
    adapter->properties12.pNext = NULL;
    vkGetPhysicalDeviceMemoryProperties(pd, &adapter->memory);

    vkEnumerateDeviceExtensionProperties(pd, NULL, &count, NULL);
    if ((exts = calloc(count ? count : 1, sizeof(*exts))))
    {
        vkEnumerateDeviceExtensionProperties(pd, NULL, &count, exts);
        for (i = 0; i < count; ++i)
            for (j = 0; j < VK_EXT_INDEX_COUNT; ++j)
                if (!strcmp(exts[i].extensionName, vk_extension_names[j]))
                    adapter->extensions[j] = true;
        free(exts);
    }
    chain_features(&adapter->features, adapter->extensions, api);
    vkGetPhysicalDeviceFeatures2(pd, &adapter->features.core);

    count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(pd, &count, NULL);
    adapter->graphics_queue_family = UINT32_MAX;
    if ((families = calloc(count ? count : 1, sizeof(*families))))
    {
        vkGetPhysicalDeviceQueueFamilyProperties(pd, &count, families);
        for (i = 0; i < count; ++i)
        {
            VkQueueFlags need = VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT;
            if ((families[i].queueFlags & need) == need)
            {
                adapter->graphics_queue_family = i;
                break;
            }
        }
        free(families);
    }
    if (adapter->graphics_queue_family == UINT32_MAX)
    {
        LOG_WARN("Skipping %s: no graphics+compute queue.", adapter->properties.properties.deviceName);
        return VK_ERROR_INCOMPATIBLE_DRIVER;
    }
    plat_mutex_init(&adapter->device_lock);
    return VK_SUCCESS;
}

void vk_adapter_memory_sizes(const struct vk_adapter *adapter, uint64_t *dedicated, uint64_t *shared)
{
    uint32_t i;

    *dedicated = *shared = 0;
    for (i = 0; i < adapter->memory.memoryHeapCount; ++i)
    {
        if (adapter->memory.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT)
            *dedicated += adapter->memory.memoryHeaps[i].size;
        else
            *shared += adapter->memory.memoryHeaps[i].size;
    }
    /* A unified-memory device (a CPU implementation, an integrated GPU) has one heap that is
     * device local; report it as shared system memory, the way such adapters do on Windows. */
    if (!*shared && adapter->properties.properties.deviceType != VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU)
    {
        *shared = *dedicated;
        *dedicated = 0;
    }
}

bool vk_adapter_memory_budget(const struct vk_adapter *adapter, bool local, uint64_t *budget, uint64_t *usage)
{
    VkPhysicalDeviceMemoryBudgetPropertiesEXT b = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_BUDGET_PROPERTIES_EXT };
    VkPhysicalDeviceMemoryProperties2 props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_MEMORY_PROPERTIES_2, &b };
    uint64_t dedicated, shared;
    bool unified;
    uint32_t i;

    *budget = *usage = 0;
    if (!adapter->extensions[VK_EXT_INDEX_MEMORY_BUDGET])
        return false;
    vk_adapter_memory_sizes(adapter, &dedicated, &shared);
    unified = !dedicated;
    vkGetPhysicalDeviceMemoryProperties2(adapter->physical_device, &props);
    for (i = 0; i < props.memoryProperties.memoryHeapCount; ++i)
    {
        bool heap_local = props.memoryProperties.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT;
        if (unified)
            heap_local = false;
        if (heap_local == local)
        {
            *budget += b.heapBudget[i];
            *usage += b.heapUsage[i];
        }
    }
    return true;
}

bool vk_adapter_is_software(const struct vk_adapter *adapter)
{
    return adapter->properties.properties.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU;
}
