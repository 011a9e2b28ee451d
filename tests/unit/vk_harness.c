/* vk_harness.c — see vk_harness.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_harness.h"

unsigned vkh_validation_errors;
const VkSpecializationInfo *vkh_specialization;
struct vkh_stage_code vkh_gs, vkh_hs, vkh_ds;
uint32_t vkh_patch_points = 3;
VkPrimitiveTopology vkh_topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
uint32_t vkh_width = 8, vkh_height = 8;
VkSampleCountFlagBits vkh_samples = VK_SAMPLE_COUNT_1_BIT;
struct vkh_buffer *vkh_xfb[4];
bool vkh_blend_dual_source;
struct vkh_buffer *vkh_stencil_readback;

static VKAPI_ATTR VkBool32 VKAPI_CALL debug_cb(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
        VkDebugUtilsMessageTypeFlagsEXT types, const VkDebugUtilsMessengerCallbackDataEXT *data, void *user)
{
    if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
    {
        ++vkh_validation_errors;
        fprintf(stderr, "VALIDATION ERROR: %s\n", data->pMessage);
    }
    return VK_FALSE;
}

bool vkh_init(struct vkh *h)
{
    VkApplicationInfo app = { VK_STRUCTURE_TYPE_APPLICATION_INFO };
    VkInstanceCreateInfo ici = { VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO };
    VkDebugUtilsMessengerCreateInfoEXT dci = { VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT };
    VkPhysicalDeviceFeatures2 f2 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2 };
    VkPhysicalDeviceVulkan11Features f11 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES };
    VkPhysicalDeviceVulkan12Features f12 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES };
    VkPhysicalDeviceVulkan13Features f13 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES };
    VkPhysicalDeviceTransformFeedbackFeaturesEXT fxfb = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_FEATURES_EXT };
    const char *dev_exts[2];
    uint32_t dev_ext_count = 0;
    bool stencil_export = false;
    VkDeviceQueueCreateInfo qci = { VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO };
    VkDeviceCreateInfo dvci = { VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO };
    VkCommandPoolCreateInfo cpci = { VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO };
    const char *ext_debug = VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
    VkExtensionProperties *exts;
    VkPhysicalDevice devs[16];
    VkQueueFamilyProperties qf[16];
    uint32_t n = 0, i, best = 0;
    bool have_debug = false;
    float prio = 1.0f;

    memset(h, 0, sizeof(*h));
    if (volkInitialize() != VK_SUCCESS)
    {
        fprintf(stderr, "no Vulkan loader\n");
        return false;
    }
    vkEnumerateInstanceExtensionProperties(NULL, &n, NULL);
    if ((exts = calloc(n ? n : 1, sizeof(*exts))))
    {
        vkEnumerateInstanceExtensionProperties(NULL, &n, exts);
        for (i = 0; i < n; ++i)
            if (!strcmp(exts[i].extensionName, ext_debug))
                have_debug = true;
        free(exts);
    }
    app.apiVersion = VK_API_VERSION_1_3;
    app.pApplicationName = "d3d11vk-dxbc-tests";
    ici.pApplicationInfo = &app;
    if (have_debug)
    {
        ici.enabledExtensionCount = 1;
        ici.ppEnabledExtensionNames = &ext_debug;
    }
    if (vkCreateInstance(&ici, NULL, &h->instance) != VK_SUCCESS)
    {
        fprintf(stderr, "vkCreateInstance failed\n");
        return false;
    }
    volkLoadInstance(h->instance);
    if (have_debug)
    {
        dci.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT;
        dci.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT;
        dci.pfnUserCallback = debug_cb;
        vkCreateDebugUtilsMessengerEXT(h->instance, &dci, NULL, &h->messenger);
    }
    n = 16;
    if (vkEnumeratePhysicalDevices(h->instance, &n, devs) < 0 || !n)
    {
        fprintf(stderr, "no Vulkan device\n");
        return false;
    }
    for (i = 0; i < n; ++i)
    {
        VkPhysicalDeviceProperties p;
        vkGetPhysicalDeviceProperties(devs[i], &p);
        if (p.deviceType == VK_PHYSICAL_DEVICE_TYPE_CPU && p.apiVersion >= VK_API_VERSION_1_3)
            best = i;
    }
    h->phys = devs[best];
    {
        VkPhysicalDeviceProperties p;
        vkGetPhysicalDeviceProperties(h->phys, &p);
        snprintf(h->device_name, sizeof(h->device_name), "%s", p.deviceName);
        if (p.apiVersion < VK_API_VERSION_1_3)
        {
            fprintf(stderr, "device %s lacks Vulkan 1.3\n", p.deviceName);
            return false;
        }
    }
    vkGetPhysicalDeviceMemoryProperties(h->phys, &h->mem);
    n = 16;
    vkGetPhysicalDeviceQueueFamilyProperties(h->phys, &n, qf);
    for (i = 0; i < n; ++i)
        if ((qf[i].queueFlags & (VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT)) == (VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT))
            break;
    if (i == n)
        return false;
    h->queue_family = i;

    /* Enable every feature the device has: the tests exercise many of them. */
    f2.pNext = &f11;
    f11.pNext = &f12;
    f12.pNext = &f13;
    {
        VkExtensionProperties *de;
        uint32_t dn = 0, k;
        vkEnumerateDeviceExtensionProperties(h->phys, NULL, &dn, NULL);
        if ((de = calloc(dn ? dn : 1, sizeof(*de))))
        {
            vkEnumerateDeviceExtensionProperties(h->phys, NULL, &dn, de);
            for (k = 0; k < dn; ++k)
            {
                if (!strcmp(de[k].extensionName, VK_EXT_TRANSFORM_FEEDBACK_EXTENSION_NAME))
                    h->transform_feedback = true;
                if (!strcmp(de[k].extensionName, VK_EXT_SHADER_STENCIL_EXPORT_EXTENSION_NAME))
                    stencil_export = true;
            }
            free(de);
        }
    }
    if (h->transform_feedback)
        f13.pNext = &fxfb;
    vkGetPhysicalDeviceFeatures2(h->phys, &f2);
    if (h->transform_feedback && !(fxfb.transformFeedback && fxfb.geometryStreams))
    {
        h->transform_feedback = false;
        f13.pNext = NULL;
    }
    f13.robustImageAccess = VK_FALSE;
    f2.features.robustBufferAccess = VK_FALSE;
    qci.queueFamilyIndex = h->queue_family;
    qci.queueCount = 1;
    qci.pQueuePriorities = &prio;
    dvci.pNext = &f2;
    if (h->transform_feedback)
        dev_exts[dev_ext_count++] = VK_EXT_TRANSFORM_FEEDBACK_EXTENSION_NAME;
    if (stencil_export)
        dev_exts[dev_ext_count++] = VK_EXT_SHADER_STENCIL_EXPORT_EXTENSION_NAME;
    h->stencil_export = stencil_export;
    dvci.enabledExtensionCount = dev_ext_count;
    dvci.ppEnabledExtensionNames = dev_exts;
    dvci.queueCreateInfoCount = 1;
    dvci.pQueueCreateInfos = &qci;
    if (vkCreateDevice(h->phys, &dvci, NULL, &h->device) != VK_SUCCESS)
    {
        fprintf(stderr, "vkCreateDevice failed\n");
        return false;
    }
    volkLoadDevice(h->device);
    vkGetDeviceQueue(h->device, h->queue_family, 0, &h->queue);
    cpci.queueFamilyIndex = h->queue_family;
    cpci.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    return vkCreateCommandPool(h->device, &cpci, NULL, &h->pool) == VK_SUCCESS;
}

void vkh_cleanup(struct vkh *h)
{
    if (h->device)
    {
        vkDeviceWaitIdle(h->device);
        vkDestroyCommandPool(h->device, h->pool, NULL);
        vkDestroyDevice(h->device, NULL);
    }
    if (h->messenger)
        vkDestroyDebugUtilsMessengerEXT(h->instance, h->messenger, NULL);
    if (h->instance)
        vkDestroyInstance(h->instance, NULL);
}

static bool alloc_memory(struct vkh *h, VkMemoryRequirements *req, VkMemoryPropertyFlags props, VkDeviceMemory *mem)
{
    VkMemoryAllocateInfo mai = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    uint32_t i;

    for (i = 0; i < h->mem.memoryTypeCount; ++i)
        if ((req->memoryTypeBits & (1u << i)) && (h->mem.memoryTypes[i].propertyFlags & props) == props)
            break;
    if (i == h->mem.memoryTypeCount)
        return false;
    mai.allocationSize = req->size;
    mai.memoryTypeIndex = i;
    return vkAllocateMemory(h->device, &mai, NULL, mem) == VK_SUCCESS;
}

bool vkh_buffer_create(struct vkh *h, struct vkh_buffer *b, VkDeviceSize size, VkBufferUsageFlags usage,
        VkFormat view_format)
{
    VkBufferCreateInfo bci = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryRequirements req;

    memset(b, 0, sizeof(*b));
    bci.size = size;
    bci.usage = usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT | VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    if (vkCreateBuffer(h->device, &bci, NULL, &b->buffer) != VK_SUCCESS)
        return false;
    vkGetBufferMemoryRequirements(h->device, b->buffer, &req);
    if (!alloc_memory(h, &req, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT, &b->memory))
        return false;
    vkBindBufferMemory(h->device, b->buffer, b->memory, 0);
    if (vkMapMemory(h->device, b->memory, 0, VK_WHOLE_SIZE, 0, &b->map) != VK_SUCCESS)
        return false;
    memset(b->map, 0, size);
    b->size = size;
    if (view_format != VK_FORMAT_UNDEFINED)
    {
        VkBufferViewCreateInfo vci = { VK_STRUCTURE_TYPE_BUFFER_VIEW_CREATE_INFO };
        vci.buffer = b->buffer;
        vci.format = view_format;
        vci.range = VK_WHOLE_SIZE;
        if (vkCreateBufferView(h->device, &vci, NULL, &b->view) != VK_SUCCESS)
            return false;
    }
    return true;
}

void vkh_buffer_destroy(struct vkh *h, struct vkh_buffer *b)
{
    if (b->view)
        vkDestroyBufferView(h->device, b->view, NULL);
    vkDestroyBuffer(h->device, b->buffer, NULL);
    vkFreeMemory(h->device, b->memory, NULL);
    memset(b, 0, sizeof(*b));
}

static bool has_stencil(VkFormat f)
{
    return f == VK_FORMAT_D32_SFLOAT_S8_UINT || f == VK_FORMAT_D24_UNORM_S8_UINT;
}

static bool is_depth(VkFormat f)
{
    if (f == VK_FORMAT_D32_SFLOAT_S8_UINT)
        return true;
    return f == VK_FORMAT_D32_SFLOAT || f == VK_FORMAT_D24_UNORM_S8_UINT || f == VK_FORMAT_D16_UNORM;
}

bool vkh_image_create(struct vkh *h, struct vkh_image *img, VkFormat format, uint32_t width, uint32_t height,
        VkImageUsageFlags usage)
{
    VkImageCreateInfo ici = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkImageViewCreateInfo vci = { VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO };
    VkMemoryRequirements req;

    memset(img, 0, sizeof(*img));
    ici.imageType = VK_IMAGE_TYPE_2D;
    ici.format = format;
    ici.extent.width = width;
    ici.extent.height = height;
    ici.extent.depth = 1;
    ici.mipLevels = 1;
    ici.arrayLayers = 1;
    ici.samples = VK_SAMPLE_COUNT_1_BIT;
    ici.tiling = VK_IMAGE_TILING_OPTIMAL;
    ici.usage = usage | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (vkCreateImage(h->device, &ici, NULL, &img->image) != VK_SUCCESS)
        return false;
    vkGetImageMemoryRequirements(h->device, img->image, &req);
    if (!alloc_memory(h, &req, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, &img->memory)
            && !alloc_memory(h, &req, 0, &img->memory))
        return false;
    vkBindImageMemory(h->device, img->image, img->memory, 0);
    vci.image = img->image;
    vci.viewType = VK_IMAGE_VIEW_TYPE_2D;
    vci.format = format;
    vci.subresourceRange.aspectMask = is_depth(format) ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT;
    if (has_stencil(format))
        vci.subresourceRange.aspectMask |= VK_IMAGE_ASPECT_STENCIL_BIT;
    vci.subresourceRange.levelCount = 1;
    vci.subresourceRange.layerCount = 1;
    if (vkCreateImageView(h->device, &vci, NULL, &img->view) != VK_SUCCESS)
        return false;
    img->format = format;
    img->width = width;
    img->height = height;
    return true;
}

void vkh_image_destroy(struct vkh *h, struct vkh_image *img)
{
    vkDestroyImageView(h->device, img->view, NULL);
    vkDestroyImage(h->device, img->image, NULL);
    vkFreeMemory(h->device, img->memory, NULL);
    memset(img, 0, sizeof(*img));
}

#define VKH_MAX_SETS 6

struct descriptors
{
    VkDescriptorSetLayout layouts[VKH_MAX_SETS];
    unsigned set_count;
    VkPipelineLayout pipeline_layout;
    VkDescriptorPool pool;
    VkDescriptorSet sets[VKH_MAX_SETS];
};

static bool make_descriptors(struct vkh *h, struct descriptors *d, const struct vkh_binding *bindings, unsigned count,
        VkShaderStageFlags stages)
{
    VkDescriptorSetLayoutBinding lb[32];
    VkDescriptorPoolSize ps[32];
    VkPipelineLayoutCreateInfo plci = { VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO };
    VkDescriptorPoolCreateInfo dpci = { VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO };
    VkDescriptorSetAllocateInfo dsai = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO };
    unsigned i, set;

    memset(d, 0, sizeof(*d));
    if (count > 32)
        return false;
    d->set_count = 1;
    for (i = 0; i < count; ++i)
    {
        if (bindings[i].set >= VKH_MAX_SETS)
            return false;
        if (bindings[i].set + 1 > d->set_count)
            d->set_count = bindings[i].set + 1;
    }
    for (set = 0; set < d->set_count; ++set)
    {
        VkDescriptorSetLayoutCreateInfo lci = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO };
        unsigned n = 0;
        for (i = 0; i < count; ++i)
        {
            if (bindings[i].set != set)
                continue;
            memset(&lb[n], 0, sizeof(lb[n]));
            lb[n].binding = bindings[i].binding;
            lb[n].descriptorType = bindings[i].type;
            lb[n].descriptorCount = 1;
            lb[n].stageFlags = stages;
            ++n;
        }
        lci.bindingCount = n;
        lci.pBindings = lb;
        if (vkCreateDescriptorSetLayout(h->device, &lci, NULL, &d->layouts[set]) != VK_SUCCESS)
            return false;
    }
    plci.setLayoutCount = d->set_count;
    plci.pSetLayouts = d->layouts;
    if (vkCreatePipelineLayout(h->device, &plci, NULL, &d->pipeline_layout) != VK_SUCCESS)
        return false;
    if (!count)
        return true;
    for (i = 0; i < count; ++i)
    {
        ps[i].type = bindings[i].type;
        ps[i].descriptorCount = 1;
    }
    dpci.maxSets = d->set_count;
    dpci.poolSizeCount = count;
    dpci.pPoolSizes = ps;
    if (vkCreateDescriptorPool(h->device, &dpci, NULL, &d->pool) != VK_SUCCESS)
        return false;
    dsai.descriptorPool = d->pool;
    dsai.descriptorSetCount = d->set_count;
    dsai.pSetLayouts = d->layouts;
    if (vkAllocateDescriptorSets(h->device, &dsai, d->sets) != VK_SUCCESS)
        return false;
    for (i = 0; i < count; ++i)
    {
        VkWriteDescriptorSet w = { VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET };
        VkDescriptorBufferInfo bi = { 0 };
        VkDescriptorImageInfo ii = { 0 };

        w.dstSet = d->sets[bindings[i].set];
        w.dstBinding = bindings[i].binding;
        w.descriptorCount = 1;
        w.descriptorType = bindings[i].type;
        switch (bindings[i].type)
        {
            case VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER:
            case VK_DESCRIPTOR_TYPE_STORAGE_BUFFER:
                bi.buffer = bindings[i].buffer->buffer;
                bi.range = VK_WHOLE_SIZE;
                w.pBufferInfo = &bi;
                break;
            case VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER:
            case VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER:
                w.pTexelBufferView = &bindings[i].buffer->view;
                break;
            case VK_DESCRIPTOR_TYPE_SAMPLER:
                ii.sampler = bindings[i].sampler;
                w.pImageInfo = &ii;
                break;
            default:
                ii.imageView = bindings[i].image->view;
                ii.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
                w.pImageInfo = &ii;
                break;
        }
        vkUpdateDescriptorSets(h->device, 1, &w, 0, NULL);
    }
    return true;
}

static void free_descriptors(struct vkh *h, struct descriptors *d)
{
    unsigned i;

    if (d->pool)
        vkDestroyDescriptorPool(h->device, d->pool, NULL);
    if (d->pipeline_layout)
        vkDestroyPipelineLayout(h->device, d->pipeline_layout, NULL);
    for (i = 0; i < d->set_count; ++i)
        if (d->layouts[i])
            vkDestroyDescriptorSetLayout(h->device, d->layouts[i], NULL);
}

static VkShaderModule make_module(struct vkh *h, const uint32_t *code, size_t words)
{
    VkShaderModuleCreateInfo smci = { VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO };
    VkShaderModule m = VK_NULL_HANDLE;

    smci.codeSize = words * 4;
    smci.pCode = code;
    vkCreateShaderModule(h->device, &smci, NULL, &m);
    return m;
}

static VkCommandBuffer begin_cmd(struct vkh *h)
{
    VkCommandBufferAllocateInfo cbai = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO };
    VkCommandBufferBeginInfo bi = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
    VkCommandBuffer cmd;

    cbai.commandPool = h->pool;
    cbai.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cbai.commandBufferCount = 1;
    if (vkAllocateCommandBuffers(h->device, &cbai, &cmd) != VK_SUCCESS)
        return VK_NULL_HANDLE;
    bi.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(cmd, &bi);
    return cmd;
}

static bool submit_wait(struct vkh *h, VkCommandBuffer cmd)
{
    VkSubmitInfo si = { VK_STRUCTURE_TYPE_SUBMIT_INFO };
    bool ok;

    vkEndCommandBuffer(cmd);
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    ok = vkQueueSubmit(h->queue, 1, &si, VK_NULL_HANDLE) == VK_SUCCESS && vkQueueWaitIdle(h->queue) == VK_SUCCESS;
    vkFreeCommandBuffers(h->device, h->pool, 1, &cmd);
    return ok;
}

static void image_barrier(VkCommandBuffer cmd, VkImage image, VkImageAspectFlags aspect, VkImageLayout from, VkImageLayout to)
{
    VkImageMemoryBarrier b = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER };

    b.srcAccessMask = VK_ACCESS_MEMORY_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_MEMORY_READ_BIT | VK_ACCESS_MEMORY_WRITE_BIT;
    b.oldLayout = from;
    b.newLayout = to;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange.aspectMask = aspect;
    b.subresourceRange.levelCount = 1;
    b.subresourceRange.layerCount = 1;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0,
            0, NULL, 0, NULL, 1, &b);
}

bool vkh_image_upload(struct vkh *h, struct vkh_image *img, const void *data, size_t size)
{
    struct vkh_buffer staging;
    VkBufferImageCopy copy = { 0 };
    VkCommandBuffer cmd;
    bool ok;

    if (!vkh_buffer_create(h, &staging, size, 0, VK_FORMAT_UNDEFINED))
        return false;
    memcpy(staging.map, data, size);
    if (!(cmd = begin_cmd(h)))
        return false;
    image_barrier(cmd, img->image, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL);
    copy.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    copy.imageSubresource.layerCount = 1;
    copy.imageExtent.width = img->width;
    copy.imageExtent.height = img->height;
    copy.imageExtent.depth = 1;
    vkCmdCopyBufferToImage(cmd, staging.buffer, img->image, VK_IMAGE_LAYOUT_GENERAL, 1, &copy);
    image_barrier(cmd, img->image, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_GENERAL, VK_IMAGE_LAYOUT_GENERAL);
    ok = submit_wait(h, cmd);
    vkh_buffer_destroy(h, &staging);
    img->uploaded = true;
    return ok;
}

VkSampler vkh_sampler(struct vkh *h, VkFilter filter, VkSamplerAddressMode address)
{
    VkSamplerCreateInfo sci = { VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO };
    VkSampler s = VK_NULL_HANDLE;

    sci.magFilter = sci.minFilter = filter;
    sci.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
    sci.addressModeU = sci.addressModeV = sci.addressModeW = address;
    sci.maxLod = 16.0f;
    vkCreateSampler(h->device, &sci, NULL, &s);
    return s;
}

static void prepare_images(VkCommandBuffer cmd, const struct vkh_binding *bindings, unsigned count)
{
    unsigned i;

    for (i = 0; i < count; ++i)
        if (bindings[i].image)
            image_barrier(cmd, bindings[i].image->image, VK_IMAGE_ASPECT_COLOR_BIT,
                    bindings[i].image->uploaded ? VK_IMAGE_LAYOUT_GENERAL : VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL);
}

bool vkh_dispatch(struct vkh *h, const uint32_t *spirv, size_t words, const struct vkh_binding *bindings,
        unsigned binding_count, uint32_t x, uint32_t y, uint32_t z)
{
    VkComputePipelineCreateInfo cpci = { VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO };
    VkMemoryBarrier mb = { VK_STRUCTURE_TYPE_MEMORY_BARRIER };
    struct descriptors d;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VkShaderModule module;
    VkCommandBuffer cmd;
    bool ok = false;

    if (!make_descriptors(h, &d, bindings, binding_count, VK_SHADER_STAGE_COMPUTE_BIT))
        return false;
    if (!(module = make_module(h, spirv, words)))
        goto done;
    cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
    cpci.stage.module = module;
    cpci.stage.pName = "main";
    cpci.stage.pSpecializationInfo = vkh_specialization;
    cpci.layout = d.pipeline_layout;
    if (vkCreateComputePipelines(h->device, VK_NULL_HANDLE, 1, &cpci, NULL, &pipeline) != VK_SUCCESS)
        goto done;
    if (!(cmd = begin_cmd(h)))
        goto done;
    prepare_images(cmd, bindings, binding_count);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, pipeline);
    if (binding_count)
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_COMPUTE, d.pipeline_layout, 0, d.set_count, d.sets, 0, NULL);
    vkCmdDispatch(cmd, x, y, z);
    mb.srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &mb, 0, NULL, 0, NULL);
    ok = submit_wait(h, cmd);
done:
    if (pipeline)
        vkDestroyPipeline(h->device, pipeline, NULL);
    if (module)
        vkDestroyShaderModule(h->device, module, NULL);
    free_descriptors(h, &d);
    return ok;
}

bool vkh_draw(struct vkh *h, const uint32_t *vs, size_t vs_words, const uint32_t *ps, size_t ps_words,
        const struct vkh_binding *bindings, unsigned binding_count, uint32_t vertex_count,
        struct vkh_image *colour, struct vkh_image *depth, float clear_depth,
        struct vkh_buffer *readback, struct vkh_buffer *depth_readback)
{
    VkGraphicsPipelineCreateInfo gpci = { VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO };
    VkPipelineShaderStageCreateInfo stages[5];
    VkPipelineTessellationStateCreateInfo ts = { VK_STRUCTURE_TYPE_PIPELINE_TESSELLATION_STATE_CREATE_INFO };
    VkShaderModule extra[3] = { VK_NULL_HANDLE, VK_NULL_HANDLE, VK_NULL_HANDLE };
    const struct vkh_stage_code *extra_code[3] = { &vkh_hs, &vkh_ds, &vkh_gs };
    static const VkShaderStageFlagBits extra_stage[3] = { VK_SHADER_STAGE_TESSELLATION_CONTROL_BIT,
            VK_SHADER_STAGE_TESSELLATION_EVALUATION_BIT, VK_SHADER_STAGE_GEOMETRY_BIT };
    unsigned stage_count = 2, k;
    VkPipelineVertexInputStateCreateInfo vi = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO };
    VkPipelineInputAssemblyStateCreateInfo ia = { VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO };
    VkPipelineViewportStateCreateInfo vps = { VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO };
    VkPipelineRasterizationStateCreateInfo rs = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO };
    VkPipelineMultisampleStateCreateInfo ms = { VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO };
    VkPipelineDepthStencilStateCreateInfo ds = { VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO };
    VkPipelineColorBlendStateCreateInfo cb = { VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO };
    VkPipelineColorBlendAttachmentState cba = { 0 };
    VkPipelineRenderingCreateInfo pri = { VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO };
    VkRenderingInfo ri = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    VkRenderingAttachmentInfo ca = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingAttachmentInfo da = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    uint32_t width = colour ? colour->width : vkh_width, height = colour ? colour->height : vkh_height;
    VkViewport viewport = { 0, 0, (float)width, (float)height, 0.0f, 1.0f };
    VkRect2D scissor = { { 0, 0 }, { width, height } };
    VkBufferImageCopy copy = { 0 };
    VkMemoryBarrier mb = { VK_STRUCTURE_TYPE_MEMORY_BARRIER };
    VkShaderModule vsm = VK_NULL_HANDLE, psm = VK_NULL_HANDLE;
    VkPipeline pipeline = VK_NULL_HANDLE;
    struct descriptors d;
    VkCommandBuffer cmd;
    bool ok = false;

    if (!make_descriptors(h, &d, bindings, binding_count, VK_SHADER_STAGE_ALL_GRAPHICS))
        return false;
    if (!(vsm = make_module(h, vs, vs_words)) || !(psm = make_module(h, ps, ps_words)))
        goto done;
    memset(stages, 0, sizeof(stages));
    for (k = 0; k < 5; ++k)
        stages[k].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
    for (k = 0; k < 3; ++k)
    {
        if (!extra_code[k]->code)
            continue;
        if (!(extra[k] = make_module(h, extra_code[k]->code, extra_code[k]->words)))
            goto done;
        stages[stage_count].stage = extra_stage[k];
        stages[stage_count].module = extra[k];
        stages[stage_count].pName = "main";
        stages[stage_count].pSpecializationInfo = vkh_specialization;
        ++stage_count;
    }
    stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
    stages[0].module = vsm;
    stages[0].pName = "main";
    stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
    stages[1].module = psm;
    stages[1].pName = "main";
    stages[0].pSpecializationInfo = stages[1].pSpecializationInfo = vkh_specialization;
    ia.topology = vkh_hs.code ? VK_PRIMITIVE_TOPOLOGY_PATCH_LIST : vkh_topology;
    ts.patchControlPoints = vkh_patch_points;
    vps.viewportCount = 1;
    vps.pViewports = &viewport;
    vps.scissorCount = 1;
    vps.pScissors = &scissor;
    rs.polygonMode = VK_POLYGON_MODE_FILL;
    rs.cullMode = VK_CULL_MODE_NONE;
    rs.frontFace = VK_FRONT_FACE_CLOCKWISE;
    rs.lineWidth = 1.0f;
    ms.rasterizationSamples = colour ? VK_SAMPLE_COUNT_1_BIT : vkh_samples;
    ds.depthTestEnable = depth != NULL;
    ds.depthWriteEnable = depth != NULL;
    ds.depthCompareOp = VK_COMPARE_OP_ALWAYS;
    if (depth && has_stencil(depth->format))
    {
        /* the reference comes from the shader (StencilRefReplacingEXT) when it writes one */
        ds.stencilTestEnable = VK_TRUE;
        ds.front.failOp = ds.front.depthFailOp = VK_STENCIL_OP_KEEP;
        ds.front.passOp = VK_STENCIL_OP_REPLACE;
        ds.front.compareOp = VK_COMPARE_OP_ALWAYS;
        ds.front.compareMask = ds.front.writeMask = 0xff;
        ds.back = ds.front;
    }
    cba.colorWriteMask = 0xf;
    if (vkh_blend_dual_source)
    {
        cba.blendEnable = VK_TRUE;
        cba.srcColorBlendFactor = VK_BLEND_FACTOR_SRC1_COLOR;
        cba.dstColorBlendFactor = VK_BLEND_FACTOR_ZERO;
        cba.colorBlendOp = VK_BLEND_OP_ADD;
        cba.srcAlphaBlendFactor = VK_BLEND_FACTOR_SRC1_ALPHA;
        cba.dstAlphaBlendFactor = VK_BLEND_FACTOR_ZERO;
        cba.alphaBlendOp = VK_BLEND_OP_ADD;
    }
    cb.attachmentCount = colour ? 1 : 0;
    cb.pAttachments = &cba;
    pri.colorAttachmentCount = colour ? 1 : 0;
    pri.pColorAttachmentFormats = colour ? &colour->format : NULL;
    pri.depthAttachmentFormat = depth ? depth->format : VK_FORMAT_UNDEFINED;
    pri.stencilAttachmentFormat = depth && has_stencil(depth->format) ? depth->format : VK_FORMAT_UNDEFINED;
    gpci.pNext = &pri;
    gpci.stageCount = stage_count;
    gpci.pTessellationState = vkh_hs.code ? &ts : NULL;
    gpci.pStages = stages;
    gpci.pVertexInputState = &vi;
    gpci.pInputAssemblyState = &ia;
    gpci.pViewportState = &vps;
    gpci.pRasterizationState = &rs;
    gpci.pMultisampleState = &ms;
    gpci.pDepthStencilState = &ds;
    gpci.pColorBlendState = &cb;
    gpci.layout = d.pipeline_layout;
    if (vkCreateGraphicsPipelines(h->device, VK_NULL_HANDLE, 1, &gpci, NULL, &pipeline) != VK_SUCCESS)
        goto done;
    if (!(cmd = begin_cmd(h)))
        goto done;
    prepare_images(cmd, bindings, binding_count);
    if (colour)
        image_barrier(cmd, colour->image, VK_IMAGE_ASPECT_COLOR_BIT, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL);
    if (depth)
        image_barrier(cmd, depth->image, VK_IMAGE_ASPECT_DEPTH_BIT | (has_stencil(depth->format) ? VK_IMAGE_ASPECT_STENCIL_BIT : 0),
                VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_GENERAL);
    ca.imageView = colour ? colour->view : VK_NULL_HANDLE;
    ca.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
    ca.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    ca.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    da.imageView = depth ? depth->view : VK_NULL_HANDLE;
    da.imageLayout = VK_IMAGE_LAYOUT_GENERAL;
    da.loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
    da.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    da.clearValue.depthStencil.depth = clear_depth;
    ri.renderArea = scissor;
    ri.layerCount = 1;
    ri.colorAttachmentCount = colour ? 1 : 0;
    ri.pColorAttachments = &ca;
    ri.pDepthAttachment = depth ? &da : NULL;
    ri.pStencilAttachment = depth && has_stencil(depth->format) ? &da : NULL;
    vkCmdBeginRendering(cmd, &ri);
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
    if (binding_count)
        vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, d.pipeline_layout, 0, d.set_count, d.sets, 0, NULL);
    {
        VkBuffer xb[4];
        VkDeviceSize xo[4] = { 0, 0, 0, 0 }, xs[4];
        unsigned xn = 0;
        for (k = 0; k < 4 && vkh_xfb[k]; ++k)
        {
            xb[k] = vkh_xfb[k]->buffer;
            xs[k] = vkh_xfb[k]->size;
            xn = k + 1;
        }
        if (xn)
        {
            vkCmdBindTransformFeedbackBuffersEXT(cmd, 0, xn, xb, xo, xs);
            vkCmdBeginTransformFeedbackEXT(cmd, 0, 0, NULL, NULL);
        }
        vkCmdDraw(cmd, vertex_count, 1, 0, 0);
        if (xn)
            vkCmdEndTransformFeedbackEXT(cmd, 0, 0, NULL, NULL);
    }
    vkCmdEndRendering(cmd);
    mb.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_GRAPHICS_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 1, &mb, 0, NULL, 0, NULL);
    copy.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    copy.imageSubresource.layerCount = 1;
    copy.imageExtent.width = width;
    copy.imageExtent.height = height;
    copy.imageExtent.depth = 1;
    if (colour && readback)
        vkCmdCopyImageToBuffer(cmd, colour->image, VK_IMAGE_LAYOUT_GENERAL, readback->buffer, 1, &copy);
    if (depth && vkh_stencil_readback && has_stencil(depth->format))
    {
        VkBufferImageCopy sc = copy;
        sc.imageSubresource.aspectMask = VK_IMAGE_ASPECT_STENCIL_BIT;
        vkCmdCopyImageToBuffer(cmd, depth->image, VK_IMAGE_LAYOUT_GENERAL, vkh_stencil_readback->buffer, 1, &sc);
    }
    if (depth && depth_readback)
    {
        copy.imageSubresource.aspectMask = VK_IMAGE_ASPECT_DEPTH_BIT;
        vkCmdCopyImageToBuffer(cmd, depth->image, VK_IMAGE_LAYOUT_GENERAL, depth_readback->buffer, 1, &copy);
    }
    mb.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT | VK_ACCESS_SHADER_WRITE_BIT;
    mb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 1, &mb, 0, NULL, 0, NULL);
    ok = submit_wait(h, cmd);
done:
    if (pipeline)
        vkDestroyPipeline(h->device, pipeline, NULL);
    if (vsm)
        vkDestroyShaderModule(h->device, vsm, NULL);
    if (psm)
        vkDestroyShaderModule(h->device, psm, NULL);
    for (k = 0; k < 3; ++k)
        if (extra[k])
            vkDestroyShaderModule(h->device, extra[k], NULL);
    free_descriptors(h, &d);
    return ok;
}
