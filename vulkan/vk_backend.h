/* vk_backend.h — the Vulkan backend's public face: instance, adapters, devices. Knows
 * nothing of D3D. Function pointers live in objects (device tables) or are loaded per
 * module by vk_module_init(), because dxgi.dll and d3d11.dll each link this code. */
#ifndef D3D11VK_VK_BACKEND_H
#define D3D11VK_VK_BACKEND_H

#include "d3d11vk_common.h"
#include <volk.h>

struct vk_instance
{
    volatile LONG refcount;
    VkInstance instance;
    PFN_vkGetInstanceProcAddr get_instance_proc_addr;
    uint32_t api_version;
    bool debug_utils;
    VkDebugUtilsMessengerEXT messenger;
    volatile LONG validation_errors;
    volatile LONG device_count;          /* live vk_devices, all adapters */
    struct vk_adapter **adapters;
    uint32_t adapter_count;
};

struct vk_adapter_features
{
    VkPhysicalDeviceFeatures2 core;
    VkPhysicalDeviceVulkan11Features v11;
    VkPhysicalDeviceVulkan12Features v12;
    VkPhysicalDeviceVulkan13Features v13;
    VkPhysicalDeviceRobustness2FeaturesEXT robustness2;
    VkPhysicalDeviceTransformFeedbackFeaturesEXT xfb;
    VkPhysicalDeviceExtendedDynamicState2FeaturesEXT eds2;
    VkPhysicalDeviceDepthClipEnableFeaturesEXT depth_clip;
    VkPhysicalDeviceCustomBorderColorFeaturesEXT border_color;
    VkPhysicalDeviceVertexAttributeDivisorFeaturesEXT divisor;
    VkPhysicalDeviceTexelBufferAlignmentFeaturesEXT texel_alignment;   /* typed buffer views at any element */
    VkPhysicalDevicePresentIdFeaturesKHR present_id;       /* frame pacing by vkWaitForPresentKHR (presenter.c) */
    VkPhysicalDevicePresentWaitFeaturesKHR present_wait;
};

enum vk_extension
{
    VK_EXT_INDEX_SWAPCHAIN,
    VK_EXT_INDEX_MEMORY_BUDGET,
    VK_EXT_INDEX_ROBUSTNESS2,
    VK_EXT_INDEX_TRANSFORM_FEEDBACK,
    VK_EXT_INDEX_EXTENDED_DYNAMIC_STATE2,
    VK_EXT_INDEX_DEPTH_CLIP_ENABLE,
    VK_EXT_INDEX_CUSTOM_BORDER_COLOR,
    VK_EXT_INDEX_VERTEX_ATTRIBUTE_DIVISOR,
    VK_EXT_INDEX_EXTERNAL_MEMORY_HOST,
    VK_EXT_INDEX_EXTERNAL_MEMORY_FD,
    VK_EXT_INDEX_EXTERNAL_SEMAPHORE_FD,
    VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32,
    VK_EXT_INDEX_EXTERNAL_SEMAPHORE_WIN32,
    VK_EXT_INDEX_CONSERVATIVE_RASTERIZATION,
    VK_EXT_INDEX_SAMPLER_FILTER_MINMAX,
    VK_EXT_INDEX_DEPTH_RANGE_UNRESTRICTED,
    VK_EXT_INDEX_TEXEL_BUFFER_ALIGNMENT,
    VK_EXT_INDEX_PRESENT_ID,
    VK_EXT_INDEX_PRESENT_WAIT,
    VK_EXT_INDEX_COUNT,
};

struct vk_adapter
{
    struct vk_instance *instance;
    uint32_t index;
    VkPhysicalDevice physical_device;
    VkPhysicalDeviceProperties2 properties;
    VkPhysicalDeviceIDProperties id_properties;
    VkPhysicalDeviceVulkan11Properties properties11;
    VkPhysicalDeviceVulkan12Properties properties12;
    VkPhysicalDeviceMemoryProperties memory;
    struct vk_adapter_features features;
    bool extensions[VK_EXT_INDEX_COUNT];
    uint32_t graphics_queue_family;
    /* DESIGN decision 4: one backend device per adapter per process. */
    struct plat_mutex device_lock;
    struct vk_device *device;
};

struct vk_device
{
    volatile LONG refcount;
    struct vk_adapter *adapter;
    VkDevice device;
    struct VolkDeviceTable vk;
    VkQueue queue;
    uint32_t queue_family;
    struct plat_mutex queue_lock;
    bool extensions[VK_EXT_INDEX_COUNT];
    struct vk_adapter_features enabled;
    /* Backend core (vk_resource.h/vk_cs.h): timeline, allocator, deferred destruction. */
    struct vk_device_core *core;
    /* Shaders, pipeline layouts and pipelines (pipeline.h). */
    struct vk_pipeline_state *pipelines;
    /* The first device loss seen (a VkResult, 0 while none): GetDeviceRemovedReason answers it. */
    volatile LONG lost;
};

/* Process-wide instance (created on first use, destroyed with its last reference). Only
 * dxgi calls these; d3d11 reaches the instance through an adapter. */
VkResult vk_instance_acquire(struct vk_instance **out);
void vk_instance_release(struct vk_instance *instance);
/* Loads instance-level entry points for the calling module (once per module and instance). */
void vk_module_init(struct vk_instance *instance);

/* Device local memory in bytes (sum of DEVICE_LOCAL heaps), and system-shared memory. */
void vk_adapter_memory_sizes(const struct vk_adapter *adapter, uint64_t *dedicated, uint64_t *shared);
/* Budget/usage per segment from VK_EXT_memory_budget; false when not offered. */
bool vk_adapter_memory_budget(const struct vk_adapter *adapter, bool local, uint64_t *budget, uint64_t *usage);
bool vk_adapter_is_software(const struct vk_adapter *adapter);

/* Returns the adapter's device, creating it on first use; released with vk_device_release. */
VkResult vk_adapter_get_device(struct vk_adapter *adapter, struct vk_device **out);
void vk_device_addref(struct vk_device *device);
void vk_device_release(struct vk_device *device);

const char *vk_result_str(VkResult vr);
/* Device loss: recorded once by whoever sees VK_ERROR_DEVICE_LOST (submits, waits, presents);
 * vk_device_lost_result returns it, VK_SUCCESS while the device is alive. */
void vk_device_set_lost(struct vk_device *device, VkResult vr);
VkResult vk_device_lost_result(struct vk_device *device);

#endif
