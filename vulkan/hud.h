/* hud.h — the on-screen overlay (D3D11VK_HUD / "hud = ..." in d3d11vk.conf): lines of text
 * and a frame-time graph drawn with the project's own shaders into the swapchain image after
 * the present blit. Items, comma-separated: fps, frametimes, devinfo, memory, submissions,
 * pipelines, version, or "full" for all. Knows nothing of D3D. */
#ifndef D3D11VK_VK_HUD_H
#define D3D11VK_VK_HUD_H

#include "vk_backend.h"

struct vk_hud;

/* Figures the HUD cannot gather from the device itself (filled by the presenter). */
struct vk_hud_stats
{
    uint64_t presents;                   /* frames presented so far */
    uint64_t queue_submissions;          /* device submissions, when the caller counts them; 0: the HUD
                                          * reads the device timeline (one value per submission) */
};

/* NULL when the configuration asks for no HUD, or it cannot be drawn on this device (logged). */
/* A pipeline for a pass drawn into one swapchain-sized colour attachment (the HUD, the gamma
 * pass): the two SPIR-V stages, triangle lists, no culling, one sample, dynamic viewport and
 * scissor, dynamic rendering; `vertex` may be NULL (no vertex input). */
VkResult vk_overlay_pipeline_create(struct vk_device *device, const uint32_t *vs, size_t vs_size,
        const uint32_t *fs, size_t fs_size, const VkPipelineVertexInputStateCreateInfo *vertex,
        const VkPipelineColorBlendAttachmentState *blend_att, VkPipelineLayout layout, VkFormat format,
        VkPipeline *pipeline);

struct vk_hud *vk_hud_create(struct vk_device *device);
void vk_hud_destroy(struct vk_hud *hud);
/* Swapchain image usage the HUD needs (0 without a HUD). */
VkImageUsageFlags vk_hud_image_usage(const struct vk_hud *hud);
/* Records the overlay into cmd: image (one of the swapchain's images, all of them in images[])
 * is in TRANSFER_DST_OPTIMAL layout before and after. Frame times are measured between calls.
 * Nothing is recorded when hud is NULL or something fails (logged once). */
void vk_hud_record(struct vk_hud *hud, VkCommandBuffer cmd, VkSwapchainKHR swapchain, const VkImage *images,
        uint32_t image_count, VkImage image, VkFormat format, VkExtent2D extent, const struct vk_hud_stats *stats);

#endif
