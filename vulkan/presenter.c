/* presenter.c — a VkSwapchainKHR on a caller-made surface, the blit pass from the back
 * buffer into the swapchain image, and frame completion tracking for frame latency. */
#include "presenter.h"
#include "vk_resource.h"
#include "hud.h"   /* HUD overlay (D3D11VK_HUD) */
#include "config.h"
#include "present_gamma_vs.h"
#include "present_gamma_fs.h"

#define PRESENTER_MAX_IMAGES 16
#define PRESENTER_MAX_FRAMES 16

struct presenter_frame
{
    VkCommandBuffer cmd;
    VkFence fence;
    VkSemaphore acquire;
    uint64_t id, tag;
};

struct vk_presenter
{
    struct vk_device *device;
    VkInstance instance;
    VkPhysicalDevice physical_device;
    VkSurfaceKHR surface;
    vk_presenter_frame_cb frame_cb;
    void *frame_user;

    struct plat_mutex lock;              /* serialises presents and swapchain changes */
    struct vk_presenter_desc desc;
    bool dirty;
    VkSwapchainKHR swapchain;
    VkSurfaceFormatKHR format;
    VkPresentModeKHR mode;
    VkExtent2D extent;
    uint32_t image_count;
    VkImage images[PRESENTER_MAX_IMAGES];
    VkSemaphore present_sems[PRESENTER_MAX_IMAGES];
    VkCommandPool pool;
    struct presenter_frame frames[PRESENTER_MAX_FRAMES];

    /* Multisampled sources are resolved here first. */
    VkImage resolve_image;
    VkDeviceMemory resolve_memory;
    VkFormat resolve_format;
    VkExtent3D resolve_extent;

    /* Sources given as host memory: a buffer they are copied into, and an image of ours
     * the blit reads (copied to at the start of the frame's command buffer). */
    struct vk_image upload_image;
    VkDeviceMemory upload_image_memory;
    VkBuffer upload_buffer;
    VkDeviceMemory upload_memory;
    void *upload_map;
    VkDeviceSize upload_size;
    bool upload_pending;

    /* Completion: frames [completed, submitted) are in flight, in frames[n % MAX]. */
    struct plat_mutex done_lock;
    struct plat_cond done_cond;
    uint64_t submitted, completed;
    uint32_t max_latency;
    bool stop, lost;
    bool test_lost;                      /* D3D11VK_TEST_DEVICE_LOST: tests simulate a loss at present */
    /* VK_KHR_present_wait pacing (lock): frames carry present ids (their frame id); ids before
     * wait_first_id went to an older swapchain and are never waited for. */
    bool present_wait;
    VkSwapchainKHR wait_swapchain;
    uint64_t wait_first_id;
    struct plat_thread *thread;

    struct vk_hud *hud;                  /* HUD overlay (hud.h); NULL when off */

    /* Gamma ramp (lock): the blit writes gamma_image (the swapchain's format, mutable), a
     * pass through the ramp writes the swapchain image. Made on first use. */
    bool gamma_on, gamma_dirty;
    uint32_t gamma_points;
    float (*gamma_pending)[4];           /* VK_PRESENTER_GAMMA_MAX_POINTS */
    VkBuffer gamma_buffer;
    VkDeviceMemory gamma_buffer_memory;
    void *gamma_map;
    VkDescriptorSetLayout gamma_set_layout;
    VkPipelineLayout gamma_layout;
    VkDescriptorPool gamma_pool;
    VkDescriptorSet gamma_set;
    VkSampler gamma_sampler;
    VkPipeline gamma_pipeline;
    VkFormat gamma_pipeline_format;
    VkImage gamma_image;
    VkDeviceMemory gamma_image_memory;
    VkImageView gamma_image_view;        /* UNORM view: encoded values */
    VkFormat gamma_image_format;
    VkExtent2D gamma_extent;
    VkImageView gamma_views[PRESENTER_MAX_IMAGES];   /* the swapchain images, as attachments */
    uint32_t gamma_view_count;
    bool gamma_failed;
};

static void presenter_thread(void *arg)
{
    struct vk_presenter *p = arg;
    struct vk_device *device = p->device;

    plat_mutex_lock(&p->done_lock);
    for (;;)
    {
        struct presenter_frame *frame;
        uint64_t id, tag;
        VkResult vr;

        while (!p->stop && p->completed == p->submitted)
            plat_cond_wait(&p->done_cond, &p->done_lock);
        if (p->completed == p->submitted)
            break;
        frame = &p->frames[p->completed % PRESENTER_MAX_FRAMES];
        id = frame->id;
        tag = frame->tag;
        plat_mutex_unlock(&p->done_lock);
        /* The fence of a submitted frame always signals (or the device is lost). */
        do
            vr = device->vk.vkWaitForFences(device->device, 1, &frame->fence, VK_TRUE, 100000000ull);
        while (vr == VK_TIMEOUT);
        plat_mutex_lock(&p->done_lock);
        if (vr < 0)
            p->lost = true;
        if (vr == VK_ERROR_DEVICE_LOST)
            vk_device_set_lost(device, vr);
        ++p->completed;
        plat_cond_broadcast(&p->done_cond);
        plat_mutex_unlock(&p->done_lock);
        if (p->frame_cb)
            p->frame_cb(p->frame_user, id, tag, plat_time_ns());
        plat_mutex_lock(&p->done_lock);
    }
    plat_mutex_unlock(&p->done_lock);
}

uint32_t vk_presenter_frames_in_flight(struct vk_presenter *p)
{
    uint32_t n;

    plat_mutex_lock(&p->done_lock);
    n = (uint32_t)(p->submitted - p->completed);
    plat_mutex_unlock(&p->done_lock);
    return n;
}

static bool wait_in_flight_below(struct vk_presenter *p, uint32_t count, uint64_t timeout_ns)
{
    uint64_t end = plat_time_ns() + timeout_ns;
    bool ret = true;

    plat_mutex_lock(&p->done_lock);
    while (p->submitted - p->completed >= count)
    {
        uint64_t now = plat_time_ns();
        if (now >= end)
        {
            ret = false;
            break;
        }
        plat_cond_wait_ms(&p->done_cond, &p->done_lock, (uint32_t)d3d11vk_min((end - now) / 1000000 + 1, 1000));
    }
    plat_mutex_unlock(&p->done_lock);
    return ret;
}

bool vk_presenter_wait_latency(struct vk_presenter *p, uint64_t timeout_ns)
{
    uint32_t latency;

    plat_mutex_lock(&p->done_lock);
    latency = p->max_latency;
    plat_mutex_unlock(&p->done_lock);
    return wait_in_flight_below(p, latency, timeout_ns);
}

static void destroy_gamma_views(struct vk_presenter *p);

static void wait_idle(struct vk_presenter *p)
{
    wait_in_flight_below(p, 1, UINT64_MAX / 2);
}

void vk_presenter_wait_idle(struct vk_presenter *p)
{
    wait_idle(p);
}

void vk_presenter_set_frame_latency(struct vk_presenter *p, uint32_t max_frame_latency)
{
    plat_mutex_lock(&p->done_lock);
    p->max_latency = max_frame_latency < 1 ? 1 : max_frame_latency > PRESENTER_MAX_FRAMES ? PRESENTER_MAX_FRAMES : max_frame_latency;
    plat_cond_broadcast(&p->done_cond);
    plat_mutex_unlock(&p->done_lock);
}

/* Swapchain ------------------------------------------------------------------------- */

static void destroy_swapchain(struct vk_presenter *p)
{
    struct vk_device *device = p->device;
    uint32_t i;

    wait_idle(p);
    destroy_gamma_views(p);
    /* Presentation may still read images: the queue must be idle before they go. */
    plat_mutex_lock(&device->queue_lock);
    device->vk.vkQueueWaitIdle(device->queue);
    plat_mutex_unlock(&device->queue_lock);
    for (i = 0; i < p->image_count; ++i)
    {
        device->vk.vkDestroySemaphore(device->device, p->present_sems[i], NULL);
        p->present_sems[i] = VK_NULL_HANDLE;
    }
    p->image_count = 0;
    if (p->swapchain)
        device->vk.vkDestroySwapchainKHR(device->device, p->swapchain, NULL);
    p->swapchain = VK_NULL_HANDLE;
}

static bool is_srgb_format(VkFormat f)
{
    return f == VK_FORMAT_B8G8R8A8_SRGB || f == VK_FORMAT_R8G8B8A8_SRGB || f == VK_FORMAT_A8B8G8R8_SRGB_PACK32;
}

static bool is_10bit_format(VkFormat f)
{
    return f == VK_FORMAT_A2B10G10R10_UNORM_PACK32 || f == VK_FORMAT_A2R10G10B10_UNORM_PACK32;
}

/* Picks the surface format for the source: exact colour-space matches first, then an sRGB
 * fallback that keeps the source's encoding (the blit converts between UNORM and SRGB). */
static bool choose_format(const VkSurfaceFormatKHR *formats, uint32_t count, VkFormat source,
        enum vk_presenter_color color, VkSurfaceFormatKHR *out)
{
    VkFormat wanted[4];
    VkColorSpaceKHR cs = VK_COLOR_SPACE_SRGB_NONLINEAR_KHR;
    uint32_t n = 0, i, j;

    if (color == VK_PRESENTER_COLOR_SCRGB_LINEAR)
    {
        for (i = 0; i < count; ++i)
            if (formats[i].colorSpace == VK_COLOR_SPACE_EXTENDED_SRGB_LINEAR_EXT && formats[i].format == VK_FORMAT_R16G16B16A16_SFLOAT)
            {
                *out = formats[i];
                return true;
            }
    }
    else if (color == VK_PRESENTER_COLOR_HDR10)
    {
        for (i = 0; i < count; ++i)
            if (formats[i].colorSpace == VK_COLOR_SPACE_HDR10_ST2084_EXT && is_10bit_format(formats[i].format))
            {
                *out = formats[i];
                return true;
            }
    }
    /* Linear FP16 content shown on an sRGB surface is encoded by an SRGB destination. */
    if (is_srgb_format(source) || source == VK_FORMAT_R16G16B16A16_SFLOAT)
    {
        wanted[n++] = VK_FORMAT_B8G8R8A8_SRGB;
        wanted[n++] = VK_FORMAT_R8G8B8A8_SRGB;
    }
    else
    {
        if (is_10bit_format(source))
        {
            wanted[n++] = VK_FORMAT_A2B10G10R10_UNORM_PACK32;
            wanted[n++] = VK_FORMAT_A2R10G10B10_UNORM_PACK32;
        }
        wanted[n++] = VK_FORMAT_B8G8R8A8_UNORM;
        wanted[n++] = VK_FORMAT_R8G8B8A8_UNORM;
    }
    for (j = 0; j < n; ++j)
        for (i = 0; i < count; ++i)
            if (formats[i].format == wanted[j] && formats[i].colorSpace == cs)
            {
                *out = formats[i];
                return true;
            }
    for (i = 0; i < count; ++i)
        if (formats[i].colorSpace == cs && formats[i].format != VK_FORMAT_UNDEFINED)
        {
            *out = formats[i];
            return true;
        }
    if (count == 1 && formats[0].format == VK_FORMAT_UNDEFINED)
    {
        out->format = VK_FORMAT_B8G8R8A8_UNORM;
        out->colorSpace = cs;
        return true;
    }
    return false;
}

static VkPresentModeKHR choose_mode(struct vk_presenter *p, uint32_t sync_interval, bool tearing)
{
    static const VkPresentModeKHR vsync[] = { VK_PRESENT_MODE_FIFO_KHR };
    static const VkPresentModeKHR no_tear[] = { VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR };
    static const VkPresentModeKHR tear[] = { VK_PRESENT_MODE_IMMEDIATE_KHR, VK_PRESENT_MODE_MAILBOX_KHR };
    const VkPresentModeKHR *list = sync_interval ? vsync : tearing ? tear : no_tear;
    uint32_t n = sync_interval ? 1 : 2, i;

    for (i = 0; i < n; ++i)
        if (vk_presenter_supports_mode(p, list[i]))
            return list[i];
    return VK_PRESENT_MODE_FIFO_KHR;   /* always offered */
}

bool vk_presenter_supports_mode(struct vk_presenter *p, VkPresentModeKHR mode)
{
    VkPresentModeKHR modes[16];
    uint32_t count = ARRAY_SIZE(modes), i;

    if (vkGetPhysicalDeviceSurfacePresentModesKHR(p->physical_device, p->surface, &count, modes) < 0)
        return false;
    for (i = 0; i < count; ++i)
        if (modes[i] == mode)
            return true;
    return false;
}

static VkSurfaceFormatKHR *get_formats(struct vk_presenter *p, uint32_t *count)
{
    VkSurfaceFormatKHR *formats;

    *count = 0;
    if (vkGetPhysicalDeviceSurfaceFormatsKHR(p->physical_device, p->surface, count, NULL) < 0 || !*count)
        return NULL;
    if (!(formats = calloc(*count, sizeof(*formats))))
        return NULL;
    if (vkGetPhysicalDeviceSurfaceFormatsKHR(p->physical_device, p->surface, count, formats) < 0)
    {
        free(formats);
        return NULL;
    }
    return formats;
}

bool vk_presenter_supports_color(struct vk_presenter *p, VkFormat source, enum vk_presenter_color color)
{
    VkSurfaceFormatKHR *formats, chosen;
    uint32_t count;
    bool ret;

    if (!(formats = get_formats(p, &count)))
        return false;
    ret = choose_format(formats, count, source, color, &chosen);
    if (ret && color == VK_PRESENTER_COLOR_SCRGB_LINEAR)
        ret = chosen.colorSpace == VK_COLOR_SPACE_EXTENDED_SRGB_LINEAR_EXT;
    else if (ret && color == VK_PRESENTER_COLOR_HDR10)
        ret = chosen.colorSpace == VK_COLOR_SPACE_HDR10_ST2084_EXT;
    free(formats);
    return ret;
}

/* (Re)creates the swapchain for the current description. VK_NOT_READY: no area to present to. */
static VkResult create_swapchain(struct vk_presenter *p, VkPresentModeKHR mode)
{
    VkSwapchainCreateInfoKHR info = { VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR };
    VkSemaphoreCreateInfo sem_info = { VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO };
    struct vk_device *device = p->device;
    VkSurfaceCapabilitiesKHR caps;
    VkSurfaceFormatKHR *formats;
    VkSwapchainKHR old = p->swapchain;
    uint32_t count, i, images;
    VkResult vr;

    if ((vr = vkGetPhysicalDeviceSurfaceCapabilitiesKHR(p->physical_device, p->surface, &caps)) < 0)
        return vr;
    if (caps.currentExtent.width == 0xffffffffu)
    {
        p->extent.width = d3d11vk_max(caps.minImageExtent.width, d3d11vk_min(caps.maxImageExtent.width, p->desc.width));
        p->extent.height = d3d11vk_max(caps.minImageExtent.height, d3d11vk_min(caps.maxImageExtent.height, p->desc.height));
    }
    else
        p->extent = caps.currentExtent;
    if (!p->extent.width || !p->extent.height)
        return VK_NOT_READY;
    if (!(caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_DST_BIT))
    {
        LOG_ERR("The surface's images cannot be transfer destinations.");
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    }
    if (!(formats = get_formats(p, &count)))
        return VK_ERROR_SURFACE_LOST_KHR;
    if (!choose_format(formats, count, p->desc.source_format, p->desc.color, &p->format))
    {
        free(formats);
        LOG_ERR("The surface offers no usable format.");
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    }
    free(formats);

    images = d3d11vk_max(p->desc.min_image_count, caps.minImageCount);
    if (caps.maxImageCount)
        images = d3d11vk_min(images, caps.maxImageCount);
    images = d3d11vk_min(images, PRESENTER_MAX_IMAGES);

    info.surface = p->surface;
    info.minImageCount = images;
    info.imageFormat = p->format.format;
    info.imageColorSpace = p->format.colorSpace;
    info.imageExtent = p->extent;
    info.imageArrayLayers = 1;
    /* The HUD and the gamma ramp's pass render into the images. */
    info.imageUsage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | vk_hud_image_usage(p->hud);
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = (caps.supportedTransforms & VK_SURFACE_TRANSFORM_IDENTITY_BIT_KHR)
            ? VK_SURFACE_TRANSFORM_IDENTITY_BIT_KHR : caps.currentTransform;
    info.compositeAlpha = (caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR)
            ? VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR : (VkCompositeAlphaFlagBitsKHR)(caps.supportedCompositeAlpha & -caps.supportedCompositeAlpha);
    info.presentMode = mode;
    info.clipped = VK_TRUE;
    info.oldSwapchain = old;

    /* The old swapchain's images must be idle before it goes. */
    wait_idle(p);
    destroy_gamma_views(p);
    for (i = 0; i < p->image_count; ++i)
    {
        device->vk.vkDestroySemaphore(device->device, p->present_sems[i], NULL);
        p->present_sems[i] = VK_NULL_HANDLE;
    }
    p->image_count = 0;
    vr = device->vk.vkCreateSwapchainKHR(device->device, &info, NULL, &p->swapchain);
    if (old)
    {
        plat_mutex_lock(&device->queue_lock);
        device->vk.vkQueueWaitIdle(device->queue);
        plat_mutex_unlock(&device->queue_lock);
        device->vk.vkDestroySwapchainKHR(device->device, old, NULL);
    }
    if (vr != VK_SUCCESS)
    {
        p->swapchain = VK_NULL_HANDLE;
        LOG_ERR("vkCreateSwapchainKHR failed: %s.", vk_result_str(vr));
        return vr;
    }
    count = PRESENTER_MAX_IMAGES;
    if ((vr = device->vk.vkGetSwapchainImagesKHR(device->device, p->swapchain, &count, p->images)) < 0)
        goto fail;
    for (i = 0; i < count; ++i)
        if ((vr = device->vk.vkCreateSemaphore(device->device, &sem_info, NULL, &p->present_sems[i])) != VK_SUCCESS)
            goto fail;
        else
            p->image_count = i + 1;
    p->mode = mode;
    p->dirty = false;
    LOG_INFO("Swapchain %ux%u, %u images, format %d, colour space %d, present mode %d.", p->extent.width,
            p->extent.height, count, p->format.format, p->format.colorSpace, mode);
    return VK_SUCCESS;

fail:
    destroy_swapchain(p);
    return vr;
}

/* The resolve target for multisampled sources. */
static VkResult ensure_resolve_image(struct vk_presenter *p, const struct vk_image *src)
{
    VkImageCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    const VkPhysicalDeviceMemoryProperties *mem = &p->device->adapter->memory;
    struct vk_device *device = p->device;
    VkMemoryRequirements reqs;
    uint32_t i;
    VkResult vr;

    if (p->resolve_image && p->resolve_format == src->desc.format
            && !memcmp(&p->resolve_extent, &src->desc.extent, sizeof(p->resolve_extent)))
        return VK_SUCCESS;
    if (p->resolve_image)
    {
        wait_idle(p);
        device->vk.vkDestroyImage(device->device, p->resolve_image, NULL);
        device->vk.vkFreeMemory(device->device, p->resolve_memory, NULL);
        p->resolve_image = VK_NULL_HANDLE;
        p->resolve_memory = VK_NULL_HANDLE;
    }
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = src->desc.format;
    info.extent = src->desc.extent;
    info.mipLevels = 1;
    info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if ((vr = device->vk.vkCreateImage(device->device, &info, NULL, &p->resolve_image)) != VK_SUCCESS)
        return vr;
    device->vk.vkGetImageMemoryRequirements(device->device, p->resolve_image, &reqs);
    alloc.allocationSize = reqs.size;
    alloc.memoryTypeIndex = UINT32_MAX;
    for (i = 0; i < mem->memoryTypeCount; ++i)
        if ((reqs.memoryTypeBits & (1u << i)) && (mem->memoryTypes[i].propertyFlags & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT))
        {
            alloc.memoryTypeIndex = i;
            break;
        }
    for (i = 0; alloc.memoryTypeIndex == UINT32_MAX && i < mem->memoryTypeCount; ++i)
        if (reqs.memoryTypeBits & (1u << i))
            alloc.memoryTypeIndex = i;
    if ((vr = device->vk.vkAllocateMemory(device->device, &alloc, NULL, &p->resolve_memory)) != VK_SUCCESS
            || (vr = device->vk.vkBindImageMemory(device->device, p->resolve_image, p->resolve_memory, 0)) != VK_SUCCESS)
    {
        device->vk.vkDestroyImage(device->device, p->resolve_image, NULL);
        if (p->resolve_memory)
            device->vk.vkFreeMemory(device->device, p->resolve_memory, NULL);
        p->resolve_image = VK_NULL_HANDLE;
        p->resolve_memory = VK_NULL_HANDLE;
        return vr;
    }
    p->resolve_format = src->desc.format;
    p->resolve_extent = src->desc.extent;
    return VK_SUCCESS;
}

static void image_barrier(struct vk_device *device, VkCommandBuffer cmd, VkImage image,
        VkPipelineStageFlags src_stage, VkAccessFlags src_access, VkImageLayout old_layout,
        VkPipelineStageFlags dst_stage, VkAccessFlags dst_access, VkImageLayout new_layout)
{
    VkImageMemoryBarrier b = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER };

    b.srcAccessMask = src_access;
    b.dstAccessMask = dst_access;
    b.oldLayout = old_layout;
    b.newLayout = new_layout;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    b.subresourceRange.levelCount = 1;
    b.subresourceRange.layerCount = 1;
    device->vk.vkCmdPipelineBarrier(cmd, src_stage, dst_stage, 0, 0, NULL, 0, NULL, 1, &b);
}

static bool format_filters_linearly(struct vk_presenter *p, VkFormat format)
{
    VkFormatProperties props;

    vkGetPhysicalDeviceFormatProperties(p->physical_device, format, &props);
    return !!(props.optimalTilingFeatures & VK_FORMAT_FEATURE_SAMPLED_IMAGE_FILTER_LINEAR_BIT);
}

/* Destination rectangle of the source on the swapchain image for the scaling mode. */
static void dst_rect(struct vk_presenter *p, uint32_t sw, uint32_t sh, VkOffset3D *o0, VkOffset3D *o1)
{
    uint32_t dw = p->extent.width, dh = p->extent.height;

    o0->x = o0->y = o0->z = 0;
    o1->z = 1;
    switch (p->desc.scaling)
    {
        case VK_PRESENTER_SCALING_NONE:
            o1->x = (int32_t)d3d11vk_min(sw, dw);
            o1->y = (int32_t)d3d11vk_min(sh, dh);
            break;
        case VK_PRESENTER_SCALING_ASPECT:
            if ((uint64_t)dw * sh > (uint64_t)dh * sw)
            {
                uint32_t w = (uint32_t)((uint64_t)dh * sw / sh);
                o0->x = (int32_t)(dw - w) / 2;
                o1->x = o0->x + (int32_t)w;
                o1->y = (int32_t)dh;
            }
            else
            {
                uint32_t h = (uint32_t)((uint64_t)dw * sh / sw);
                o0->y = (int32_t)(dh - h) / 2;
                o1->y = o0->y + (int32_t)h;
                o1->x = (int32_t)dw;
            }
            break;
        default:
            o1->x = (int32_t)dw;
            o1->y = (int32_t)dh;
            break;
    }
}

/* Gamma ramp ------------------------------------------------------------------------ */

static uint32_t find_memory_type(struct vk_presenter *p, uint32_t bits, VkMemoryPropertyFlags want);

static VkFormat unorm_format(VkFormat f)
{
    switch (f)
    {
        case VK_FORMAT_B8G8R8A8_SRGB: return VK_FORMAT_B8G8R8A8_UNORM;
        case VK_FORMAT_R8G8B8A8_SRGB: return VK_FORMAT_R8G8B8A8_UNORM;
        case VK_FORMAT_A8B8G8R8_SRGB_PACK32: return VK_FORMAT_A8B8G8R8_UNORM_PACK32;
        default: return f;
    }
}

/* The ramp maps SDR signal values; scRGB and HDR10 surfaces are left alone. */
static bool gamma_applies(const struct vk_presenter *p)
{
    return p->gamma_on && !p->gamma_failed && p->format.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR
            && p->format.format != VK_FORMAT_R16G16B16A16_SFLOAT;
}

static void destroy_gamma_views(struct vk_presenter *p)
{
    struct vk_device *device = p->device;
    uint32_t i;

    for (i = 0; i < p->gamma_view_count; ++i)
        device->vk.vkDestroyImageView(device->device, p->gamma_views[i], NULL);
    p->gamma_view_count = 0;
}

static void destroy_gamma_image(struct vk_presenter *p)
{
    struct vk_device *device = p->device;

    if (p->gamma_image_view)
        device->vk.vkDestroyImageView(device->device, p->gamma_image_view, NULL);
    if (p->gamma_image)
        device->vk.vkDestroyImage(device->device, p->gamma_image, NULL);
    if (p->gamma_image_memory)
        device->vk.vkFreeMemory(device->device, p->gamma_image_memory, NULL);
    p->gamma_image_view = VK_NULL_HANDLE;
    p->gamma_image = VK_NULL_HANDLE;
    p->gamma_image_memory = VK_NULL_HANDLE;
    p->gamma_image_format = VK_FORMAT_UNDEFINED;
}

static void destroy_gamma(struct vk_presenter *p)
{
    struct vk_device *device = p->device;

    destroy_gamma_views(p);
    destroy_gamma_image(p);
    if (p->gamma_pipeline)
        device->vk.vkDestroyPipeline(device->device, p->gamma_pipeline, NULL);
    if (p->gamma_layout)
        device->vk.vkDestroyPipelineLayout(device->device, p->gamma_layout, NULL);
    if (p->gamma_pool)
        device->vk.vkDestroyDescriptorPool(device->device, p->gamma_pool, NULL);
    if (p->gamma_set_layout)
        device->vk.vkDestroyDescriptorSetLayout(device->device, p->gamma_set_layout, NULL);
    if (p->gamma_sampler)
        device->vk.vkDestroySampler(device->device, p->gamma_sampler, NULL);
    if (p->gamma_buffer)
        device->vk.vkDestroyBuffer(device->device, p->gamma_buffer, NULL);
    if (p->gamma_buffer_memory)
        device->vk.vkFreeMemory(device->device, p->gamma_buffer_memory, NULL);
    free(p->gamma_pending);
}

/* What does not depend on the swapchain: the ramp buffer, layouts, the descriptor set. */
static VkResult gamma_init(struct vk_presenter *p)
{
    VkBufferCreateInfo binfo = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    VkSamplerCreateInfo sinfo = { VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO };
    VkDescriptorSetLayoutBinding bindings[2];
    VkDescriptorSetLayoutCreateInfo linfo = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO };
    VkPushConstantRange push = { VK_SHADER_STAGE_FRAGMENT_BIT, 0, 2 * sizeof(uint32_t) };
    VkPipelineLayoutCreateInfo pinfo = { VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO };
    VkDescriptorPoolSize sizes[2] = { { VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1 }, { VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1 } };
    VkDescriptorPoolCreateInfo poolinfo = { VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO };
    VkDescriptorSetAllocateInfo setinfo = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO };
    VkDescriptorBufferInfo buffer_desc;
    VkWriteDescriptorSet write = { VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET };
    struct vk_device *device = p->device;
    VkMemoryRequirements reqs;
    VkResult vr;

    if (p->gamma_set)
        return VK_SUCCESS;
    binfo.size = VK_PRESENTER_GAMMA_MAX_POINTS * 4 * sizeof(float);
    binfo.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
    if ((vr = device->vk.vkCreateBuffer(device->device, &binfo, NULL, &p->gamma_buffer)) != VK_SUCCESS)
        return vr;
    device->vk.vkGetBufferMemoryRequirements(device->device, p->gamma_buffer, &reqs);
    alloc.allocationSize = reqs.size;
    if ((alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits,
            VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT)) == UINT32_MAX)
        return VK_ERROR_OUT_OF_DEVICE_MEMORY;
    if ((vr = device->vk.vkAllocateMemory(device->device, &alloc, NULL, &p->gamma_buffer_memory)) != VK_SUCCESS
            || (vr = device->vk.vkBindBufferMemory(device->device, p->gamma_buffer, p->gamma_buffer_memory, 0)) != VK_SUCCESS
            || (vr = device->vk.vkMapMemory(device->device, p->gamma_buffer_memory, 0, VK_WHOLE_SIZE, 0, &p->gamma_map)) != VK_SUCCESS)
        return vr;
    sinfo.magFilter = sinfo.minFilter = VK_FILTER_NEAREST;
    sinfo.addressModeU = sinfo.addressModeV = sinfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
    if ((vr = device->vk.vkCreateSampler(device->device, &sinfo, NULL, &p->gamma_sampler)) != VK_SUCCESS)
        return vr;
    memset(bindings, 0, sizeof(bindings));
    bindings[0].binding = 0;
    bindings[0].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    bindings[0].descriptorCount = 1;
    bindings[0].stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT;
    bindings[0].pImmutableSamplers = &p->gamma_sampler;
    bindings[1].binding = 1;
    bindings[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    bindings[1].descriptorCount = 1;
    bindings[1].stageFlags = VK_SHADER_STAGE_FRAGMENT_BIT;
    linfo.bindingCount = 2;
    linfo.pBindings = bindings;
    if ((vr = device->vk.vkCreateDescriptorSetLayout(device->device, &linfo, NULL, &p->gamma_set_layout)) != VK_SUCCESS)
        return vr;
    pinfo.setLayoutCount = 1;
    pinfo.pSetLayouts = &p->gamma_set_layout;
    pinfo.pushConstantRangeCount = 1;
    pinfo.pPushConstantRanges = &push;
    if ((vr = device->vk.vkCreatePipelineLayout(device->device, &pinfo, NULL, &p->gamma_layout)) != VK_SUCCESS)
        return vr;
    poolinfo.maxSets = 1;
    poolinfo.poolSizeCount = 2;
    poolinfo.pPoolSizes = sizes;
    if ((vr = device->vk.vkCreateDescriptorPool(device->device, &poolinfo, NULL, &p->gamma_pool)) != VK_SUCCESS)
        return vr;
    setinfo.descriptorPool = p->gamma_pool;
    setinfo.descriptorSetCount = 1;
    setinfo.pSetLayouts = &p->gamma_set_layout;
    if ((vr = device->vk.vkAllocateDescriptorSets(device->device, &setinfo, &p->gamma_set)) != VK_SUCCESS)
    {
        p->gamma_set = VK_NULL_HANDLE;
        return vr;
    }
    buffer_desc.buffer = p->gamma_buffer;
    buffer_desc.offset = 0;
    buffer_desc.range = VK_WHOLE_SIZE;
    write.dstSet = p->gamma_set;
    write.dstBinding = 1;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    write.pBufferInfo = &buffer_desc;
    device->vk.vkUpdateDescriptorSets(device->device, 1, &write, 0, NULL);
    return VK_SUCCESS;
}

static VkResult gamma_create_pipeline(struct vk_presenter *p, VkFormat format)
{
    VkPipelineColorBlendAttachmentState blend_att = { 0 };
    struct vk_device *device = p->device;
    VkResult vr;

    if (p->gamma_pipeline && p->gamma_pipeline_format == format)
        return VK_SUCCESS;
    if (p->gamma_pipeline)
        device->vk.vkDestroyPipeline(device->device, p->gamma_pipeline, NULL);
    p->gamma_pipeline = VK_NULL_HANDLE;
    blend_att.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT
            | VK_COLOR_COMPONENT_A_BIT;
    if ((vr = vk_overlay_pipeline_create(device, present_gamma_vs, sizeof(present_gamma_vs), present_gamma_fs,
            sizeof(present_gamma_fs), NULL, &blend_att, p->gamma_layout, format, &p->gamma_pipeline)) == VK_SUCCESS)
        p->gamma_pipeline_format = format;
    return vr;
}

/* The image the blit writes when the ramp is on: the swapchain's size and format (mutable,
 * so that the pass reads encoded values through a UNORM view). */
static VkResult gamma_create_image(struct vk_presenter *p)
{
    VkImageCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkImageViewCreateInfo vinfo = { VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    VkDescriptorImageInfo image_desc;
    VkWriteDescriptorSet write = { VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET };
    struct vk_device *device = p->device;
    VkMemoryRequirements reqs;
    VkResult vr;

    if (p->gamma_image && p->gamma_image_format == p->format.format && p->gamma_extent.width == p->extent.width
            && p->gamma_extent.height == p->extent.height)
        return VK_SUCCESS;
    wait_idle(p);   /* frames in flight read the old image through the descriptor set */
    destroy_gamma_image(p);
    info.flags = unorm_format(p->format.format) != p->format.format ? VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT : 0;
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = p->format.format;
    info.extent.width = p->extent.width;
    info.extent.height = p->extent.height;
    info.extent.depth = 1;
    info.mipLevels = info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    if ((vr = device->vk.vkCreateImage(device->device, &info, NULL, &p->gamma_image)) != VK_SUCCESS)
    {
        p->gamma_image = VK_NULL_HANDLE;
        return vr;
    }
    device->vk.vkGetImageMemoryRequirements(device->device, p->gamma_image, &reqs);
    alloc.allocationSize = reqs.size;
    if ((alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT)) == UINT32_MAX)
        alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits, 0);
    if ((vr = device->vk.vkAllocateMemory(device->device, &alloc, NULL, &p->gamma_image_memory)) != VK_SUCCESS
            || (vr = device->vk.vkBindImageMemory(device->device, p->gamma_image, p->gamma_image_memory, 0)) != VK_SUCCESS)
        return vr;
    vinfo.image = p->gamma_image;
    vinfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
    vinfo.format = unorm_format(p->format.format);
    vinfo.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    vinfo.subresourceRange.levelCount = vinfo.subresourceRange.layerCount = 1;
    if ((vr = device->vk.vkCreateImageView(device->device, &vinfo, NULL, &p->gamma_image_view)) != VK_SUCCESS)
    {
        p->gamma_image_view = VK_NULL_HANDLE;
        return vr;
    }
    p->gamma_image_format = p->format.format;
    p->gamma_extent = p->extent;
    image_desc.sampler = VK_NULL_HANDLE;
    image_desc.imageView = p->gamma_image_view;
    image_desc.imageLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
    write.dstSet = p->gamma_set;
    write.dstBinding = 0;
    write.descriptorCount = 1;
    write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
    write.pImageInfo = &image_desc;
    device->vk.vkUpdateDescriptorSets(device->device, 1, &write, 0, NULL);
    return VK_SUCCESS;
}

/* Everything the pass needs for this frame, under the lock. False: no gamma this frame. */
static bool gamma_prepare(struct vk_presenter *p)
{
    VkImageViewCreateInfo vinfo = { VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO };
    struct vk_device *device = p->device;
    VkResult vr;
    uint32_t i;

    if (!gamma_applies(p))
        return false;
    if ((vr = gamma_init(p)) != VK_SUCCESS || (vr = gamma_create_pipeline(p, p->format.format)) != VK_SUCCESS
            || (vr = gamma_create_image(p)) != VK_SUCCESS)
        goto fail;
    if (!p->gamma_view_count)
    {
        vinfo.viewType = VK_IMAGE_VIEW_TYPE_2D;
        vinfo.format = p->format.format;
        vinfo.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
        vinfo.subresourceRange.levelCount = vinfo.subresourceRange.layerCount = 1;
        for (i = 0; i < p->image_count; ++i)
        {
            vinfo.image = p->images[i];
            if ((vr = device->vk.vkCreateImageView(device->device, &vinfo, NULL, &p->gamma_views[i])) != VK_SUCCESS)
                goto fail;
            p->gamma_view_count = i + 1;
        }
    }
    if (p->gamma_dirty)
    {
        wait_idle(p);   /* frames in flight read the ramp */
        memcpy(p->gamma_map, p->gamma_pending, (size_t)p->gamma_points * 4 * sizeof(float));
        p->gamma_dirty = false;
    }
    return true;

fail:
    LOG_ERR("The gamma ramp cannot be applied (%s); presenting without it.", vk_result_str(vr));
    p->gamma_failed = true;
    return false;
}

/* gamma_image (TRANSFER_DST, written by the blit) through the ramp into swapchain image
 * `index` (not yet in any layout), which is left in TRANSFER_DST_OPTIMAL. */
static void record_gamma(struct vk_presenter *p, VkCommandBuffer cmd, uint32_t index)
{
    VkRenderingAttachmentInfo attachment = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingInfo rendering = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    struct vk_device *device = p->device;
    VkViewport viewport;
    VkRect2D scissor;
    uint32_t push[2];

    image_barrier(device, cmd, p->gamma_image, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
            VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, VK_ACCESS_SHADER_READ_BIT,
            VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    image_barrier(device, cmd, p->images[index], VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, 0, VK_IMAGE_LAYOUT_UNDEFINED,
            VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
            VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
    attachment.imageView = p->gamma_views[index];
    attachment.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    attachment.loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    attachment.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    rendering.renderArea.extent = p->extent;
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &attachment;
    device->vk.vkCmdBeginRendering(cmd, &rendering);
    viewport.x = viewport.y = 0.0f;
    viewport.width = (float)p->extent.width;
    viewport.height = (float)p->extent.height;
    viewport.minDepth = 0.0f;
    viewport.maxDepth = 1.0f;
    scissor.offset.x = scissor.offset.y = 0;
    scissor.extent = p->extent;
    device->vk.vkCmdSetViewport(cmd, 0, 1, &viewport);
    device->vk.vkCmdSetScissor(cmd, 0, 1, &scissor);
    device->vk.vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p->gamma_pipeline);
    device->vk.vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, p->gamma_layout, 0, 1, &p->gamma_set, 0, NULL);
    push[0] = p->gamma_points;
    push[1] = unorm_format(p->format.format) != p->format.format;
    device->vk.vkCmdPushConstants(cmd, p->gamma_layout, VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(push), push);
    device->vk.vkCmdDraw(cmd, 3, 1, 0, 0);
    device->vk.vkCmdEndRendering(cmd);
    image_barrier(device, cmd, p->images[index], VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
            VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_TRANSFER_BIT,
            VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
}

void vk_presenter_set_gamma(struct vk_presenter *p, const float (*curve)[3], uint32_t count)
{
    uint32_t i;

    plat_mutex_lock(&p->lock);
    if (!curve || count < 2 || count > VK_PRESENTER_GAMMA_MAX_POINTS)
        p->gamma_on = false;
    else if (p->gamma_pending || (p->gamma_pending = calloc(VK_PRESENTER_GAMMA_MAX_POINTS, sizeof(*p->gamma_pending))))
    {
        for (i = 0; i < count; ++i)
        {
            p->gamma_pending[i][0] = curve[i][0];
            p->gamma_pending[i][1] = curve[i][1];
            p->gamma_pending[i][2] = curve[i][2];
            p->gamma_pending[i][3] = 1.0f;
        }
        p->gamma_points = count;
        p->gamma_on = p->gamma_dirty = true;
    }
    plat_mutex_unlock(&p->lock);
}

static VkResult record_blit(struct vk_presenter *p, VkCommandBuffer cmd, const struct vk_present_params *params,
        VkImage dst, uint32_t index, bool gamma)
{
    VkCommandBufferBeginInfo begin = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
    static const VkImageSubresourceRange range = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1 };
    struct vk_device *device = p->device;
    struct vk_image *src = params->source;
    VkClearColorValue clear = { { 0.0f, 0.0f, 0.0f, 1.0f } };
    uint32_t sw = d3d11vk_min(params->src_width, src->desc.extent.width);
    uint32_t sh = d3d11vk_min(params->src_height, src->desc.extent.height);
    VkImage blit_src = src->image;
    VkImageLayout blit_layout = VK_IMAGE_LAYOUT_GENERAL;
    bool initialized = __atomic_load_n(&src->initialized, __ATOMIC_ACQUIRE);
    VkImageBlit region;
    VkImage target = gamma ? p->gamma_image : dst;   /* the ramp's pass writes dst from it */
    VkResult vr;

    if (params->background)
        clear = *params->background;
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    if ((vr = device->vk.vkBeginCommandBuffer(cmd, &begin)) != VK_SUCCESS)
        return vr;
    if (src == &p->upload_image && p->upload_pending)
    {
        VkBufferImageCopy copy;

        memset(&copy, 0, sizeof(copy));
        copy.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
        copy.imageSubresource.layerCount = 1;
        copy.imageExtent = src->desc.extent;
        image_barrier(device, cmd, src->image, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, VK_IMAGE_LAYOUT_UNDEFINED,
                VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_GENERAL);
        device->vk.vkCmdCopyBufferToImage(cmd, p->upload_buffer, src->image, VK_IMAGE_LAYOUT_GENERAL, 1, &copy);
        p->upload_pending = false;
    }
    image_barrier(device, cmd, target, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, VK_IMAGE_LAYOUT_UNDEFINED,
            VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
    if (!initialized)
    {
        /* Never written: its contents are undefined; show black and leave it in the layout
         * every later user expects. */
        image_barrier(device, cmd, src->image, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, 0, VK_IMAGE_LAYOUT_UNDEFINED,
                VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT, VK_IMAGE_LAYOUT_GENERAL);
        __atomic_store_n(&src->initialized, 1, __ATOMIC_RELEASE);
        device->vk.vkCmdClearColorImage(cmd, target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &clear, 1, &range);
    }
    else
    {
        VkMemoryBarrier mb = { VK_STRUCTURE_TYPE_MEMORY_BARRIER };
        VkOffset3D d0, d1;

        /* Everything earlier on the queue wrote the back buffer in GENERAL layout. */
        mb.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
        mb.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT;
        device->vk.vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT,
                0, 1, &mb, 0, NULL, 0, NULL);
        if (src->desc.samples != VK_SAMPLE_COUNT_1_BIT && p->resolve_image)
        {
            VkImageResolve r;

            memset(&r, 0, sizeof(r));
            r.srcSubresource.aspectMask = r.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
            r.srcSubresource.layerCount = r.dstSubresource.layerCount = 1;
            r.extent = src->desc.extent;
            image_barrier(device, cmd, p->resolve_image, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, VK_IMAGE_LAYOUT_UNDEFINED,
                    VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
            device->vk.vkCmdResolveImage(cmd, src->image, VK_IMAGE_LAYOUT_GENERAL, p->resolve_image,
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &r);
            image_barrier(device, cmd, p->resolve_image, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_READ_BIT,
                    VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL);
            blit_src = p->resolve_image;
            blit_layout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
        }
        dst_rect(p, sw, sh, &d0, &d1);
        if (d0.x || d0.y || d1.x != (int32_t)p->extent.width || d1.y != (int32_t)p->extent.height)
        {
            device->vk.vkCmdClearColorImage(cmd, target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &clear, 1, &range);
            image_barrier(device, cmd, target, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
                    VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
        }
        memset(&region, 0, sizeof(region));
        region.srcSubresource.aspectMask = region.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
        region.srcSubresource.layerCount = region.dstSubresource.layerCount = 1;
        region.srcOffsets[1].x = (int32_t)sw;
        region.srcOffsets[1].y = (int32_t)sh;
        region.srcOffsets[1].z = 1;
        if (p->desc.scaling == VK_PRESENTER_SCALING_NONE)
        {
            region.srcOffsets[1].x = d1.x;
            region.srcOffsets[1].y = d1.y;
        }
        region.dstOffsets[0] = d0;
        region.dstOffsets[1] = d1;
        device->vk.vkCmdBlitImage(cmd, blit_src, blit_layout, target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region,
                (sw == (uint32_t)(d1.x - d0.x) && sh == (uint32_t)(d1.y - d0.y)) || !format_filters_linearly(p, src->desc.format)
                ? VK_FILTER_NEAREST : VK_FILTER_LINEAR);
        /* Later commands on the queue may overwrite the back buffer once the blit has read it. */
        mb.srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
        mb.dstAccessMask = 0;
        device->vk.vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT,
                0, 1, &mb, 0, NULL, 0, NULL);
    }
    if (gamma)
        record_gamma(p, cmd, index);
    if (p->hud)
    {
        /* HUD overlay (hud.h): drawn over the blitted image, which stays in TRANSFER_DST layout. */
        struct vk_hud_stats hud_stats = { .presents = p->submitted };
        vk_hud_record(p->hud, cmd, p->swapchain, p->images, p->image_count, dst, p->format.format, p->extent, &hud_stats);
    }
    image_barrier(device, cmd, dst, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
            VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, 0, VK_IMAGE_LAYOUT_PRESENT_SRC_KHR);
    return device->vk.vkEndCommandBuffer(cmd);
}

static uint32_t find_memory_type(struct vk_presenter *p, uint32_t bits, VkMemoryPropertyFlags want)
{
    const VkPhysicalDeviceMemoryProperties *mem = &p->device->adapter->memory;
    uint32_t i;

    for (i = 0; i < mem->memoryTypeCount; ++i)
        if ((bits & (1u << i)) && (mem->memoryTypes[i].propertyFlags & want) == want)
            return i;
    return UINT32_MAX;
}

static void destroy_upload(struct vk_presenter *p)
{
    struct vk_device *device = p->device;

    if (p->upload_image.image)
        device->vk.vkDestroyImage(device->device, p->upload_image.image, NULL);
    if (p->upload_image_memory)
        device->vk.vkFreeMemory(device->device, p->upload_image_memory, NULL);
    if (p->upload_buffer)
        device->vk.vkDestroyBuffer(device->device, p->upload_buffer, NULL);
    if (p->upload_memory)
        device->vk.vkFreeMemory(device->device, p->upload_memory, NULL);
    memset(&p->upload_image, 0, sizeof(p->upload_image));
    p->upload_image_memory = p->upload_memory = VK_NULL_HANDLE;
    p->upload_buffer = VK_NULL_HANDLE;
    p->upload_map = NULL;
    p->upload_size = 0;
}

static VkResult ensure_upload(struct vk_presenter *p, VkFormat format, uint32_t width, uint32_t height, VkDeviceSize size)
{
    VkImageCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkBufferCreateInfo binfo = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    struct vk_device *device = p->device;
    VkMemoryRequirements reqs;
    VkResult vr;

    if (p->upload_image.image && p->upload_image.desc.format == format && p->upload_image.desc.extent.width == width
            && p->upload_image.desc.extent.height == height && p->upload_size >= size)
        return VK_SUCCESS;
    destroy_upload(p);
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = format;
    info.extent.width = width;
    info.extent.height = height;
    info.extent.depth = 1;
    info.mipLevels = info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if ((vr = device->vk.vkCreateImage(device->device, &info, NULL, &p->upload_image.image)) != VK_SUCCESS)
        goto fail;
    device->vk.vkGetImageMemoryRequirements(device->device, p->upload_image.image, &reqs);
    alloc.allocationSize = reqs.size;
    if ((alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT)) == UINT32_MAX)
        alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits, 0);
    if ((vr = device->vk.vkAllocateMemory(device->device, &alloc, NULL, &p->upload_image_memory)) != VK_SUCCESS
            || (vr = device->vk.vkBindImageMemory(device->device, p->upload_image.image, p->upload_image_memory, 0)) != VK_SUCCESS)
        goto fail;
    binfo.size = size;
    binfo.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    if ((vr = device->vk.vkCreateBuffer(device->device, &binfo, NULL, &p->upload_buffer)) != VK_SUCCESS)
        goto fail;
    device->vk.vkGetBufferMemoryRequirements(device->device, p->upload_buffer, &reqs);
    alloc.allocationSize = reqs.size;
    if ((alloc.memoryTypeIndex = find_memory_type(p, reqs.memoryTypeBits,
            VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT)) == UINT32_MAX)
    {
        vr = VK_ERROR_OUT_OF_DEVICE_MEMORY;
        goto fail;
    }
    if ((vr = device->vk.vkAllocateMemory(device->device, &alloc, NULL, &p->upload_memory)) != VK_SUCCESS
            || (vr = device->vk.vkBindBufferMemory(device->device, p->upload_buffer, p->upload_memory, 0)) != VK_SUCCESS
            || (vr = device->vk.vkMapMemory(device->device, p->upload_memory, 0, VK_WHOLE_SIZE, 0, &p->upload_map)) != VK_SUCCESS)
        goto fail;
    p->upload_size = size;
    p->upload_image.desc.type = VK_IMAGE_TYPE_2D;
    p->upload_image.desc.format = format;
    p->upload_image.desc.extent = info.extent;
    p->upload_image.desc.mip_levels = p->upload_image.desc.array_layers = 1;
    p->upload_image.desc.samples = VK_SAMPLE_COUNT_1_BIT;
    p->upload_image.aspects = VK_IMAGE_ASPECT_COLOR_BIT;
    p->upload_image.initialized = 1;   /* the frame's copy writes it whole before the blit */
    return VK_SUCCESS;

fail:
    destroy_upload(p);
    return vr;
}

static uint32_t format_texel_size(VkFormat format)
{
    switch (format)
    {
        case VK_FORMAT_R16G16B16A16_SFLOAT: return 8;
        case VK_FORMAT_R8G8B8A8_UNORM: case VK_FORMAT_R8G8B8A8_SRGB: case VK_FORMAT_B8G8R8A8_UNORM:
        case VK_FORMAT_B8G8R8A8_SRGB: case VK_FORMAT_A2B10G10R10_UNORM_PACK32: case VK_FORMAT_A2R10G10B10_UNORM_PACK32:
            return 4;
        default: return 0;
    }
}

VkResult vk_presenter_present_memory(struct vk_presenter *p, const void *data, size_t row_pitch, VkFormat format,
        uint32_t width, uint32_t height, const struct vk_present_params *params, uint64_t *present_id)
{
    struct vk_present_params copy = *params;
    uint32_t texel = format_texel_size(format), y;
    size_t row = (size_t)width * texel;
    VkResult vr;

    if (present_id)
        *present_id = 0;
    if (!texel || !width || !height || row_pitch < row)
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    /* The upload buffer is reused: the frames that read it must be done. */
    wait_idle(p);
    plat_mutex_lock(&p->lock);
    if ((vr = ensure_upload(p, format, width, height, (VkDeviceSize)row * height)) == VK_SUCCESS)
    {
        for (y = 0; y < height; ++y)
            memcpy((uint8_t *)p->upload_map + (size_t)y * row, (const uint8_t *)data + (size_t)y * row_pitch, row);
        p->upload_pending = true;
    }
    plat_mutex_unlock(&p->lock);
    if (vr != VK_SUCCESS)
        return vr;
    copy.source = &p->upload_image;
    return vk_presenter_present(p, &copy, present_id);
}

VkResult vk_presenter_present(struct vk_presenter *p, const struct vk_present_params *params, uint64_t *present_id)
{
    VkSubmitInfo submit = { VK_STRUCTURE_TYPE_SUBMIT_INFO };
    VkPresentInfoKHR present = { VK_STRUCTURE_TYPE_PRESENT_INFO_KHR };
    VkPresentIdKHR present_ids = { VK_STRUCTURE_TYPE_PRESENT_ID_KHR };
    uint64_t wait_id = 0;
    VkPipelineStageFlags wait_stage = VK_PIPELINE_STAGE_TRANSFER_BIT;
    struct vk_device *device = p->device;
    struct presenter_frame *frame;
    VkPresentModeKHR mode;
    uint32_t index = 0, tries;
    VkResult vr, pr;

    if (present_id)
        *present_id = 0;
    if (!params->source || !params->source->image)
        return VK_ERROR_INITIALIZATION_FAILED;
    plat_mutex_lock(&p->lock);
    plat_mutex_lock(&p->done_lock);
    if (p->test_lost)
        vk_device_set_lost(device, VK_ERROR_DEVICE_LOST);   /* as if the present saw it */
    vr = p->lost || vk_device_lost_result(device) ? VK_ERROR_DEVICE_LOST : VK_SUCCESS;
    plat_mutex_unlock(&p->done_lock);
    if (vr != VK_SUCCESS)
        goto done;
    if (params->source->desc.samples != VK_SAMPLE_COUNT_1_BIT && (vr = ensure_resolve_image(p, params->source)) != VK_SUCCESS)
        goto done;
    mode = choose_mode(p, params->sync_interval, params->allow_tearing);
    vk_presenter_wait_latency(p, UINT64_MAX / 2);
    if (p->present_wait && p->swapchain && p->swapchain == p->wait_swapchain)
    {
        /* Besides the fences: at most max_latency frames presented and not yet on screen. */
        uint64_t target;
        VkResult wr;

        plat_mutex_lock(&p->done_lock);
        target = p->submitted + 1 > p->max_latency ? p->submitted + 1 - p->max_latency : 0;
        plat_mutex_unlock(&p->done_lock);
        if (target && target >= p->wait_first_id)
        {
            wr = device->vk.vkWaitForPresentKHR(device->device, p->swapchain, target, 100000000ull);
            if (wr == VK_ERROR_DEVICE_LOST)
            {
                vr = wr;
                goto done;
            }
        }
    }
    frame = &p->frames[p->submitted % PRESENTER_MAX_FRAMES];

    for (tries = 0;; ++tries)
    {
        if (!p->swapchain || p->dirty || mode != p->mode)
        {
            if ((vr = create_swapchain(p, mode)) != VK_SUCCESS)
                goto done;
        }
        vr = device->vk.vkAcquireNextImageKHR(device->device, p->swapchain, 5000000000ull, frame->acquire,
                VK_NULL_HANDLE, &index);
        if (vr == VK_ERROR_OUT_OF_DATE_KHR && tries < 3)
        {
            p->dirty = true;
            continue;
        }
        if (vr == VK_SUBOPTIMAL_KHR)
        {
            p->dirty = true;    /* use this image, recreate next time */
            vr = VK_SUCCESS;
        }
        break;
    }
    if (vr != VK_SUCCESS)
    {
        LOG_WARN("vkAcquireNextImageKHR: %s.", vk_result_str(vr));
        if (vr == VK_TIMEOUT || vr == VK_NOT_READY)
            vr = VK_NOT_READY;
        goto done;
    }

    device->vk.vkResetFences(device->device, 1, &frame->fence);
    device->vk.vkResetCommandBuffer(frame->cmd, 0);
    if ((vr = record_blit(p, frame->cmd, params, p->images[index], index, gamma_prepare(p))) != VK_SUCCESS)
        goto done;

    submit.waitSemaphoreCount = 1;
    submit.pWaitSemaphores = &frame->acquire;
    submit.pWaitDstStageMask = &wait_stage;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &frame->cmd;
    submit.signalSemaphoreCount = 1;
    submit.pSignalSemaphores = &p->present_sems[index];
    present.waitSemaphoreCount = 1;
    present.pWaitSemaphores = &p->present_sems[index];
    present.swapchainCount = 1;
    present.pSwapchains = &p->swapchain;
    present.pImageIndices = &index;
    present.pResults = &pr;
    if (p->present_wait)
    {
        if (p->wait_swapchain != p->swapchain)
        {
            p->wait_swapchain = p->swapchain;
            p->wait_first_id = p->submitted + 1;
        }
        present_ids.swapchainCount = 1;
        wait_id = p->submitted + 1;   /* the frame's id, given below */
        present_ids.pPresentIds = &wait_id;
        present.pNext = &present_ids;
    }

    plat_mutex_lock(&device->queue_lock);
    vr = device->vk.vkQueueSubmit(device->queue, 1, &submit, frame->fence);
    if (vr == VK_SUCCESS)
        pr = vr = device->vk.vkQueuePresentKHR(device->queue, &present);
    plat_mutex_unlock(&device->queue_lock);

    if (vr == VK_SUCCESS || vr == VK_SUBOPTIMAL_KHR || vr == VK_ERROR_OUT_OF_DATE_KHR
            || vr == VK_ERROR_SURFACE_LOST_KHR)
    {
        /* The command buffer was submitted: the frame completes whatever presentation said. */
        plat_mutex_lock(&p->done_lock);
        frame->id = ++p->submitted;
        frame->tag = params->tag;
        if (present_id)
            *present_id = frame->id;
        plat_cond_broadcast(&p->done_cond);
        plat_mutex_unlock(&p->done_lock);
        if (vr == VK_SUBOPTIMAL_KHR || vr == VK_ERROR_OUT_OF_DATE_KHR)
        {
            p->dirty = true;
            vr = VK_SUCCESS;
        }
    }
    else
        LOG_ERR("Presentation failed: %s.", vk_result_str(vr));

done:
    if (vr == VK_ERROR_DEVICE_LOST)
    {
        plat_mutex_lock(&p->done_lock);
        p->lost = true;
        plat_mutex_unlock(&p->done_lock);
        vk_device_set_lost(device, vr);
    }
    plat_mutex_unlock(&p->lock);
    return vr;
}

void vk_presenter_update(struct vk_presenter *p, const struct vk_presenter_desc *desc)
{
    plat_mutex_lock(&p->lock);
    p->desc = *desc;
    p->dirty = true;
    plat_mutex_unlock(&p->lock);
    vk_presenter_set_frame_latency(p, desc->max_frame_latency);
}

void vk_presenter_get_extent(struct vk_presenter *p, uint32_t *width, uint32_t *height)
{
    plat_mutex_lock(&p->lock);
    *width = p->swapchain ? p->extent.width : 0;
    *height = p->swapchain ? p->extent.height : 0;
    plat_mutex_unlock(&p->lock);
}

VkResult vk_presenter_create(struct vk_device *device, vk_presenter_surface_cb surface_cb, void *surface_user,
        vk_presenter_frame_cb frame_cb, void *frame_user, const struct vk_presenter_desc *desc,
        struct vk_presenter **out)
{
    VkCommandPoolCreateInfo pool_info = { VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO };
    VkCommandBufferAllocateInfo cmd_info = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO };
    VkSemaphoreCreateInfo sem_info = { VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO };
    VkFenceCreateInfo fence_info = { VK_STRUCTURE_TYPE_FENCE_CREATE_INFO };
    struct vk_presenter *p;
    VkBool32 supported = VK_FALSE;
    VkResult vr;
    uint32_t i;

    *out = NULL;
    if (!device->extensions[VK_EXT_INDEX_SWAPCHAIN] || !device->vk.vkCreateSwapchainKHR)
    {
        LOG_ERR("The Vulkan device has no VK_KHR_swapchain.");
        return VK_ERROR_EXTENSION_NOT_PRESENT;
    }
    if (!(p = calloc(1, sizeof(*p))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    p->device = device;
    p->test_lost = d3d11vk_config_get_bool("TEST_DEVICE_LOST", false);
    p->present_wait = device->enabled.present_id.presentId && device->enabled.present_wait.presentWait
            && device->vk.vkWaitForPresentKHR;
    LOG_INFO("Frame pacing: %s.", p->present_wait ? "vkWaitForPresentKHR (VK_KHR_present_wait)" : "fences");
    p->instance = device->adapter->instance->instance;
    p->physical_device = device->adapter->physical_device;
    p->desc = *desc;
    p->frame_cb = frame_cb;
    p->frame_user = frame_user;
    p->max_latency = desc->max_frame_latency < 1 ? 1 : d3d11vk_min(desc->max_frame_latency, PRESENTER_MAX_FRAMES);
    plat_mutex_init(&p->lock);
    plat_mutex_init(&p->done_lock);
    plat_cond_init(&p->done_cond);

    if ((vr = surface_cb(surface_user, p->instance, &p->surface)) != VK_SUCCESS)
    {
        LOG_ERR("Creating the window surface failed: %s.", vk_result_str(vr));
        goto fail;
    }
    if ((vr = vkGetPhysicalDeviceSurfaceSupportKHR(p->physical_device, device->queue_family, p->surface, &supported)) < 0
            || !supported)
    {
        LOG_ERR("The device's queue cannot present to the window (%s).", vk_result_str(vr));
        vr = VK_ERROR_EXTENSION_NOT_PRESENT;
        goto fail;
    }
    pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool_info.queueFamilyIndex = device->queue_family;
    if ((vr = device->vk.vkCreateCommandPool(device->device, &pool_info, NULL, &p->pool)) != VK_SUCCESS)
        goto fail;
    for (i = 0; i < PRESENTER_MAX_FRAMES; ++i)
    {
        cmd_info.commandPool = p->pool;
        cmd_info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        cmd_info.commandBufferCount = 1;
        if ((vr = device->vk.vkAllocateCommandBuffers(device->device, &cmd_info, &p->frames[i].cmd)) != VK_SUCCESS
                || (vr = device->vk.vkCreateFence(device->device, &fence_info, NULL, &p->frames[i].fence)) != VK_SUCCESS
                || (vr = device->vk.vkCreateSemaphore(device->device, &sem_info, NULL, &p->frames[i].acquire)) != VK_SUCCESS)
            goto fail;
    }
    p->hud = vk_hud_create(device);   /* HUD overlay: NULL unless D3D11VK_HUD / hud = ... asks for it */
    if (!(p->thread = plat_thread_start(presenter_thread, p, "d3d11vk-present")))
    {
        vr = VK_ERROR_INITIALIZATION_FAILED;
        goto fail;
    }
    *out = p;
    return VK_SUCCESS;

fail:
    vk_presenter_destroy(p);
    return vr;
}

void vk_presenter_destroy(struct vk_presenter *p)
{
    struct vk_device *device;
    uint32_t i;

    if (!p)
        return;
    device = p->device;
    if (p->thread)
    {
        wait_idle(p);
        plat_mutex_lock(&p->done_lock);
        p->stop = true;
        plat_cond_broadcast(&p->done_cond);
        plat_mutex_unlock(&p->done_lock);
        plat_thread_join(p->thread);
    }
    destroy_swapchain(p);
    destroy_gamma(p);
    vk_hud_destroy(p->hud);   /* HUD overlay */
    for (i = 0; i < PRESENTER_MAX_FRAMES; ++i)
    {
        if (p->frames[i].fence)
            device->vk.vkDestroyFence(device->device, p->frames[i].fence, NULL);
        if (p->frames[i].acquire)
            device->vk.vkDestroySemaphore(device->device, p->frames[i].acquire, NULL);
    }
    if (p->pool)
        device->vk.vkDestroyCommandPool(device->device, p->pool, NULL);
    if (p->resolve_image)
        device->vk.vkDestroyImage(device->device, p->resolve_image, NULL);
    if (p->resolve_memory)
        device->vk.vkFreeMemory(device->device, p->resolve_memory, NULL);
    destroy_upload(p);
    if (p->surface)
        vkDestroySurfaceKHR(p->instance, p->surface, NULL);
    plat_cond_destroy(&p->done_cond);
    plat_mutex_destroy(&p->done_lock);
    plat_mutex_destroy(&p->lock);
    free(p);
}
