/* vk_harness.h — a minimal raw-Vulkan harness for compiler execution tests (native only):
 * one instance/device (lavapipe when present), host-visible buffers and images, a compute
 * dispatch and a single-draw render, and a count of validation-layer errors. */
#ifndef VK_HARNESS_H
#define VK_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <volk.h>

struct vkh
{
    VkInstance instance;
    VkPhysicalDevice phys;
    VkDevice device;
    VkQueue queue;
    uint32_t queue_family;
    VkCommandPool pool;
    VkDebugUtilsMessengerEXT messenger;
    VkPhysicalDeviceMemoryProperties mem;
    char device_name[256];
    bool transform_feedback;     /* VK_EXT_transform_feedback with geometryStreams enabled */
    bool stencil_export;         /* VK_EXT_shader_stencil_export enabled */
};

extern unsigned vkh_validation_errors;
/* When set, the next pipelines are created with this specialization info. */
extern const VkSpecializationInfo *vkh_specialization;
/* Optional extra stages for vkh_draw (NULL code: absent). With a hull shader the draw uses
 * patch lists of vkh_patch_points control points. */
struct vkh_stage_code
{
    const uint32_t *code;
    size_t words;
};
extern struct vkh_stage_code vkh_gs, vkh_hs, vkh_ds;
extern uint32_t vkh_patch_points;
extern VkPrimitiveTopology vkh_topology;   /* without a hull shader; default triangle list */
/* vkh_draw with colour == NULL renders without attachments at this size and sample count. */
extern uint32_t vkh_width, vkh_height;
extern VkSampleCountFlagBits vkh_samples;
/* Transform-feedback buffers for vkh_draw (VK_EXT_transform_feedback; NULL entries: none). */
extern struct vkh_buffer *vkh_xfb[4];
/* vkh_draw blends colour = src0 * src1 (dual-source) when set. */
extern bool vkh_blend_dual_source;
/* With a depth/stencil format of the depth image: the stencil aspect is copied here (1 byte/texel). */
extern struct vkh_buffer *vkh_stencil_readback;

struct vkh_buffer
{
    VkBuffer buffer;
    VkDeviceMemory memory;
    VkBufferView view;
    VkDeviceSize size;
    void *map;
};

struct vkh_image
{
    VkImage image;
    VkDeviceMemory memory;
    VkImageView view;
    VkFormat format;
    uint32_t width, height;
    bool uploaded;
};

/* One descriptor of a dispatch/draw. Exactly one of buffer/image/sampler is used. */
struct vkh_binding
{
    uint32_t set;                /* dxbc_descriptor_set(stage) */
    uint32_t binding;
    VkDescriptorType type;
    struct vkh_buffer *buffer;
    struct vkh_image *image;
    VkSampler sampler;
};

/* Returns false (and prints why) when no Vulkan device can be made. */
bool vkh_init(struct vkh *h);
void vkh_cleanup(struct vkh *h);
bool vkh_buffer_create(struct vkh *h, struct vkh_buffer *b, VkDeviceSize size, VkBufferUsageFlags usage,
        VkFormat view_format);
void vkh_buffer_destroy(struct vkh *h, struct vkh_buffer *b);
/* A 2D image usable as storage, sampled, colour or depth attachment and transfer source. */
bool vkh_image_create(struct vkh *h, struct vkh_image *img, VkFormat format, uint32_t width, uint32_t height,
        VkImageUsageFlags usage);
void vkh_image_destroy(struct vkh *h, struct vkh_image *img);

/* Fills a whole single-level image from tightly packed texels and leaves it in GENERAL layout. */
bool vkh_image_upload(struct vkh *h, struct vkh_image *img, const void *data, size_t size);
VkSampler vkh_sampler(struct vkh *h, VkFilter filter, VkSamplerAddressMode address);

bool vkh_dispatch(struct vkh *h, const uint32_t *spirv, size_t words, const struct vkh_binding *bindings,
        unsigned binding_count, uint32_t x, uint32_t y, uint32_t z);
/* Draws vertex_count vertices as a triangle list (no vertex buffers) into colour (and depth if
 * non-NULL, cleared to clear_depth, compare ALWAYS, writes on), then copies the colour image into
 * readback (tightly packed) and depth into depth_readback if given. */
bool vkh_draw(struct vkh *h, const uint32_t *vs, size_t vs_words, const uint32_t *ps, size_t ps_words,
        const struct vkh_binding *bindings, unsigned binding_count, uint32_t vertex_count,
        struct vkh_image *colour, struct vkh_image *depth, float clear_depth,
        struct vkh_buffer *readback, struct vkh_buffer *depth_readback);

#endif
