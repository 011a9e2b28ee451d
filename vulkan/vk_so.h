/* vk_so.h — stream output through VK_EXT_transform_feedback: the records the frontend sends
 * (target bindings, DrawAuto) and the state the draw context keeps (cmd_so.c).
 *
 * Model: every D3D11 stream-output buffer has a 4-byte counter buffer (its BufferFilledSize
 * in bytes from the start of the buffer). SOSetTargets with an explicit offset writes the
 * offset into the counter (a fill command) and binds the buffer with -1 semantics; so a
 * target is always bound at byte 0 of the buffer and transform feedback resumes from its
 * counter. Transform feedback is active only inside a rendering instance and only while the
 * bound pipeline captures: it ends (writing the counters) when rendering ends, before a
 * pipeline bind and before the targets change; what reads captured data or counters after
 * that (vertex input, DrawAuto, copies, the next Begin) comes after rendering ended, so the
 * draw context's barrier orders it. */
#ifndef D3D11VK_VK_SO_H
#define D3D11VK_VK_SO_H

#include "vk_draw.h"

#define VK_SO_TARGETS 4

struct vk_so_target
{
    VkBuffer buffer;                     /* VK_NULL_HANDLE: unbound */
    VkDeviceSize offset, size;           /* the D3D buffer's range inside buffer */
    VkBuffer counter;                    /* 4 bytes: bytes written so far, relative to offset */
    VkDeviceSize counter_offset;
};

struct vk_cmd_set_so_targets
{
    struct vk_cmd_header hdr;
    struct vk_so_target targets[VK_SO_TARGETS];
};

/* DrawAuto: vertices = (counter - vb_offset) / stride from vertex buffer slot 0. */
struct vk_cmd_draw_auto
{
    struct vk_cmd_header hdr;
    VkBuffer counter;
    VkDeviceSize counter_offset;
    uint32_t vb_offset, stride;
};

struct vk_so_state
{
    struct vk_so_target targets[VK_SO_TARGETS];
    bool active;                         /* between Begin and End in the current rendering */
    bool written;                        /* captured in the current rendering instance */
    bool checked, supported, draw_supported;
    /* Bound to slots the application left unbound (Vulkan stops a capture whose buffer has
     * no room; D3D11 only drops that slot's data): made on first need. */
    struct vk_buffer *dummy;
    struct vk_bufref dummy_ref;
    bool dummy_used;                     /* by the command buffer being recorded */
};

/* Whether the device captures at all (transformFeedback), and draws by byte count. */
bool vk_so_supported(struct vk_so_state *so, struct vk_device *device);
/* Whether pipelines may rasterize a stream other than 0 (transformFeedbackRasterizationStreamSelect). */
bool vk_so_rasterization_stream_select(struct vk_device *device);
/* New targets are taken only while capture is not active (End writes the old targets' counters). */
bool vk_so_targets_equal(const struct vk_so_state *so, const struct vk_cmd_set_so_targets *c);
void vk_so_set_targets(struct vk_so_state *so, const struct vk_cmd_set_so_targets *c);
/* Binds the targets and begins capture (inside rendering, pipeline bound). */
void vk_so_begin(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb);
/* Ends capture, writing the counters. */
void vk_so_end(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb);
bool vk_so_any_target(const struct vk_so_state *so);
/* The command buffer was submitted with timeline value `value` / the context goes away. */
void vk_so_submitted(struct vk_so_state *so, uint64_t value);
void vk_so_destroy(struct vk_so_state *so);
/* The DrawAuto draw itself (prepared draw, inside rendering). */
void vk_so_draw_auto(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb,
        const struct vk_cmd_draw_auto *c);

#endif
