/* vk_draw.h — command records for bindings, draws and dispatches, and the backend draw
 * context that replays them (cmd_draw.c). Knows nothing of D3D.
 *
 * How frontend code uses it:
 *   - Record only what changed since the last draw: shaders (vk_cmd_bind_shader), per-stage
 *     descriptors by (kind, slot) (vk_cmd_bind_descriptors), vertex/index buffers, the
 *     fixed-function state (vk_cmd_set_state: everything of rasterizer, blend and
 *     depth-stencil state objects plus blend factor, sample mask and stencil reference),
 *     the input layout, viewports/scissors and render targets; then a draw or dispatch.
 *     Take a reference (vk_cs_ref) on every object a record names, after allocating it.
 *   - The worker keeps the bound state across records and, at each draw: writes a
 *     descriptor set only for stages whose bindings changed (pooled sets recycled by
 *     timeline value), looks a pipeline up only when non-dynamic state changed, sets dynamic
 *     state only when it changed, and begins dynamic rendering lazily. Rendering ends (and one
 *     barrier orders what draws wrote) when a transfer, clear, dispatch, or a render-target
 *     change comes.
 *   - A new command buffer forgets nothing the records said, it only rebinds.
 */
#ifndef D3D11VK_VK_DRAW_H
#define D3D11VK_VK_DRAW_H

#include "vk_cs.h"
#include "pipeline.h"

/* Record types of this file: a range above the core's (vk_cs.h) so the replay forwards them. */
enum vk_draw_cmd_type
{
    VK_CMD_DRAW_BASE = 0x100,
    VK_CMD_BIND_SHADER = VK_CMD_DRAW_BASE,
    VK_CMD_BIND_DESCRIPTORS,
    VK_CMD_BIND_VERTEX_BUFFERS,
    VK_CMD_BIND_INDEX_BUFFER,
    VK_CMD_SET_INPUT_LAYOUT,
    VK_CMD_SET_STATE,
    VK_CMD_SET_VIEWPORTS,
    VK_CMD_SET_RENDER_TARGETS,
    VK_CMD_DRAW,
    VK_CMD_DRAW_INDIRECT,
    VK_CMD_DISPATCH,
    VK_CMD_DISPATCH_INDIRECT,
    VK_CMD_RESET_BINDINGS,
    VK_CMD_SET_SO_TARGETS,               /* struct vk_cmd_set_so_targets (vk_so.h) */
    VK_CMD_DRAW_AUTO,                    /* struct vk_cmd_draw_auto (vk_so.h) */
    VK_CMD_DRAW_END,
};

#define VK_DRAW_STAGE_COUNT 6          /* VS HS DS GS PS CS (enum dxbc_stage) */

struct vk_cmd_bind_shader
{
    struct vk_cmd_header hdr;
    uint32_t stage;                      /* enum dxbc_stage */
    struct vk_shader *shader;            /* NULL: unbound */
};

/* One bound resource: which members count depends on the binding's descriptor type. */
struct vk_descriptor_entry
{
    uint32_t slot;
    uint32_t pad;
    VkBuffer buffer;                     /* CB, raw/structured SRV/UAV (VK_NULL_HANDLE: unbound) */
    VkDeviceSize offset, range;
    VkBufferView texel;                  /* typed buffer SRV/UAV */
    struct vk_image_view *view;          /* texture SRV/UAV (NULL: none) */
    VkSampler sampler;
    VkBuffer counter;                    /* UAV append/consume counter (4 bytes at offset 0) */
};

struct vk_cmd_bind_descriptors
{
    struct vk_cmd_header hdr;
    uint8_t stage;                       /* enum dxbc_stage */
    uint8_t kind;                        /* enum dxbc_binding_kind: CBV, SAMPLER, SRV, UAV */
    uint16_t count;
    uint32_t pad;
    struct vk_descriptor_entry entries[];
};

struct vk_vertex_buffer_entry
{
    VkBuffer buffer;                     /* VK_NULL_HANDLE: unbound */
    VkDeviceSize offset;
    VkDeviceSize stride;
};

struct vk_cmd_bind_vertex_buffers
{
    struct vk_cmd_header hdr;
    uint32_t first, count;
    struct vk_vertex_buffer_entry entries[];
};

struct vk_cmd_bind_index_buffer
{
    struct vk_cmd_header hdr;
    VkBuffer buffer;
    VkDeviceSize offset;
    VkIndexType type;
};

struct vk_cmd_set_input_layout
{
    struct vk_cmd_header hdr;
    uint32_t attribute_count, binding_count;
    struct vk_vertex_attribute attributes[VK_MAX_VERTEX_ATTRIBUTES];
    struct vk_vertex_binding bindings[VK_MAX_VERTEX_ATTRIBUTES];
};

/* Fixed-function state as plain values (precomputed by the state objects). */
struct vk_draw_state
{
    /* pipeline key parts */
    uint8_t topology_class, patch_control_points, fill_mode, depth_clip, depth_clamp;
    uint8_t alpha_to_coverage, logic_op_enable, logic_op, forced_samples, conservative;
    uint32_t sample_mask;
    struct vk_blend_attachment blend[VK_MAX_RENDER_TARGETS];
    /* dynamic */
    uint32_t topology;                   /* VkPrimitiveTopology */
    uint32_t cull_mode, front_face;
    uint8_t depth_bias_enable, depth_test, depth_write, stencil_test, scissor_enable;
    uint8_t pad[3];
    uint32_t depth_compare;
    float depth_bias_constant, depth_bias_clamp, depth_bias_slope;
    VkStencilOpState front, back;        /* reference taken from stencil_ref */
    uint32_t stencil_ref;
    float blend_factor[4];
};

struct vk_cmd_set_state
{
    struct vk_cmd_header hdr;
    struct vk_draw_state state;
};

struct vk_cmd_set_viewports
{
    struct vk_cmd_header hdr;
    uint32_t viewport_count, scissor_count;
    VkViewport viewports[16];            /* D3D11 conventions (y down, positive height) */
    VkRect2D scissors[16];
};

struct vk_cmd_set_render_targets
{
    struct vk_cmd_header hdr;
    uint32_t count;                      /* highest bound slot + 1 */
    struct vk_image_view *rtvs[VK_MAX_RENDER_TARGETS];
    struct vk_image_view *dsv;
    VkImageAspectFlags dsv_read_only;    /* aspects the DSV does not write */
};

enum vk_draw_kind
{
    VK_DRAW_VERTICES,
    VK_DRAW_INDEXED,
};

struct vk_cmd_draw
{
    struct vk_cmd_header hdr;
    uint32_t indexed;
    uint32_t count, instance_count, first, first_instance;
    int32_t base_vertex;
};

struct vk_cmd_draw_indirect
{
    struct vk_cmd_header hdr;
    uint32_t indexed;                    /* for DISPATCH_INDIRECT: unused */
    VkBuffer buffer;
    VkDeviceSize offset;
};

struct vk_cmd_dispatch
{
    struct vk_cmd_header hdr;
    uint32_t x, y, z;
};

/* The replay side: cmd_replay.c forwards records of the range above, and calls the hooks. */
struct vk_replay;
struct vk_draw_ctx;

void vk_draw_replay(struct vk_replay *replay, struct vk_draw_ctx **ctx, const struct vk_cmd_header *hdr);
/* A non-draw command follows: end rendering, order what draws/dispatches wrote. */
void vk_draw_suspend(struct vk_draw_ctx *ctx, struct vk_replay *replay);
/* The command buffer is about to end (ctx may be NULL) / was submitted with timeline value. */
void vk_draw_end_cb(struct vk_draw_ctx *ctx, struct vk_replay *replay);
void vk_draw_submitted(struct vk_draw_ctx *ctx, uint64_t value);
void vk_draw_ctx_destroy(struct vk_draw_ctx *ctx);

/* What cmd_replay.c offers the draw context. */
struct vk_device *vk_replay_device(struct vk_replay *replay);
VkCommandBuffer vk_replay_command_buffer(struct vk_replay *replay);   /* begins one when needed */
/* One full memory barrier (with pending first-use layout transitions), forgetting tracked accesses. */
void vk_replay_full_barrier(struct vk_replay *replay);
/* Whether commands since the last barrier wrote something (or the command buffer is new). */
bool vk_replay_needs_barrier(struct vk_replay *replay);
/* Before rendering begins and before dispatches: opens the Vulkan query segments active
 * queries wait for (cmd_query.c; nothing when no query is active). */
void vk_replay_resume_queries(struct vk_replay *replay, VkCommandBuffer cb);

#endif
