/* pipeline.h — shaders, descriptor set layouts, pipeline layouts and pipelines (DESIGN
 * decision 5). Knows nothing of D3D; consumes the compiler's interface description.
 *
 * How the draw path uses it:
 *   - vk_shader_create() once per D3D11 shader object: a VkShaderModule, the descriptor set
 *     layout of its stage's set (set dxbc_descriptor_set(stage): one shader per stage, so the
 *     set layout is the shader's alone) and an update template. To write the set, fill an
 *     array of `union vk_descriptor` in the order of shader->bindings and call
 *     vk_shader_write_set().
 *   - vk_pipeline_layout_get() for the shaders of a draw or a dispatch (cached by device).
 *   - vk_graphics_pipeline_get() / vk_compute_pipeline_get() with a plain-data key: cached in a
 *     per-device hash map; created on first use; the VkPipelineCache persists on disk
 *     (D3D11VK_CACHE_PATH, default: the user's cache folder) so a second run compiles nothing.
 *   - Everything Vulkan 1.3 makes dynamic stays out of the key: viewports and scissors (with
 *     count), cull mode, front face, topology within its class, depth test/write/compare,
 *     depth bounds test, stencil test/ops, depth bias enable and values, primitive restart,
 *     vertex strides, blend constants, stencil reference and masks. */
#ifndef D3D11VK_VK_PIPELINE_H
#define D3D11VK_VK_PIPELINE_H

#include "vk_resource.h"
#include "compile.h"

union vk_descriptor
{
    VkDescriptorImageInfo image;        /* samplers, sampled and storage images */
    VkDescriptorBufferInfo buffer;      /* uniform and storage buffers */
    VkBufferView texel;                 /* texel buffers */
};

struct vk_shader_binding
{
    uint32_t binding;                   /* in the stage's set: 0..binding_count-1 (renumbered densely) */
    VkDescriptorType type;
    enum dxbc_binding_kind kind;
    uint32_t slot;
    enum dxbc_res_dim dim;
};

struct vk_shader
{
    struct vk_object obj;
    VkShaderModule module;
    VkShaderStageFlagBits stage;
    enum dxbc_stage dxbc_stage;
    uint64_t hash;                      /* of the SPIR-V: stable across runs (pipeline keys) */
    VkDescriptorSetLayout set_layout;
    VkDescriptorUpdateTemplate update_template;   /* VK_NULL_HANDLE without bindings */
    struct vk_shader_binding *bindings;
    uint32_t binding_count;
    /* Constant buffers are UNIFORM_BUFFER_DYNAMIC when the device allows enough of them (then a
     * new offset into the same buffer needs no new set); their count, in binding order. */
    uint32_t dynamic_count;
    struct dxbc_shader_info info;       /* owned copy of the interface description */
    /* Stream output (set by the creator before the shader is shared): the module captures
     * (Xfb), and which of its streams is rasterized (~0u: none). */
    bool xfb;
    uint32_t rasterized_stream;
};

VkResult vk_shader_create(struct vk_device *device, const uint32_t *spirv, size_t word_count,
        const struct dxbc_shader_info *info, struct vk_shader **out);
static inline void vk_shader_release(struct vk_shader *shader) { vk_object_release(&shader->obj); }
void vk_shader_write_set(struct vk_shader *shader, VkDescriptorSet set, const union vk_descriptor *data);

struct vk_pipeline_layout
{
    VkPipelineLayout layout;
    VkDescriptorSetLayout set_layouts[DXBC_DESCRIPTOR_SET_COUNT];
    uint32_t set_count;
};

/* shaders[set] is the shader whose bindings make up descriptor set `set` (NULL: an empty set).
 * For compute, pass one shader. The layout lives as long as the device. */
const struct vk_pipeline_layout *vk_pipeline_layout_get(struct vk_device *device,
        struct vk_shader *const *shaders, uint32_t count);

#define VK_MAX_VERTEX_ATTRIBUTES 32
#define VK_MAX_RENDER_TARGETS 8

struct vk_vertex_attribute
{
    uint8_t location, binding;
    uint16_t offset;
    VkFormat format;
};

struct vk_vertex_binding
{
    uint8_t binding;
    uint8_t per_instance;
    uint32_t divisor;                   /* per-instance step rate; 0 = every instance sees element 0 */
};

struct vk_blend_attachment
{
    uint8_t enable, write_mask;
    uint8_t src_color, dst_color, color_op, src_alpha, dst_alpha, alpha_op;   /* Vk enums */
};

/* Everything in a graphics pipeline that is not dynamic. Zero the struct before filling it:
 * it is hashed and compared bytewise. */
struct vk_graphics_key
{
    struct vk_shader *shaders[5];       /* VS, HS, DS, GS, PS (NULL where absent) */
    uint32_t attribute_count, binding_count;
    struct vk_vertex_attribute attributes[VK_MAX_VERTEX_ATTRIBUTES];
    struct vk_vertex_binding bindings[VK_MAX_VERTEX_ATTRIBUTES];
    uint8_t topology_class;             /* VkPrimitiveTopology of the class: POINT_LIST, LINE_LIST, TRIANGLE_LIST, PATCH_LIST */
    uint8_t patch_control_points;
    uint8_t fill_mode;                  /* VkPolygonMode */
    uint8_t depth_clip;
    uint8_t depth_clamp;
    uint8_t samples;                    /* rasterization samples */
    uint8_t alpha_to_coverage;
    uint8_t logic_op_enable, logic_op;
    uint8_t rt_count;
    uint8_t conservative;
    uint32_t sample_mask;
    VkFormat rt_formats[VK_MAX_RENDER_TARGETS];
    VkFormat ds_format;
    struct vk_blend_attachment blend[VK_MAX_RENDER_TARGETS];
    uint32_t rasterized_stream;         /* ~0u: rasterizer discard (no rasterized stream) */
};

struct vk_pipeline
{
    VkPipeline pipeline;
    const struct vk_pipeline_layout *layout;
    uint64_t create_ns;                 /* how long creation took (first-use stutter figures) */
};

/* Cached; NULL when creation failed (logged once per key). */
const struct vk_pipeline *vk_graphics_pipeline_get(struct vk_device *device, const struct vk_graphics_key *key);
const struct vk_pipeline *vk_compute_pipeline_get(struct vk_device *device, struct vk_shader *shader);

struct vk_pipeline_stats
{
    uint64_t graphics, compute;         /* pipelines created */
    uint64_t create_ns;                 /* total creation time */
    uint64_t cache_bytes_loaded;        /* size of the on-disk cache found at start */
};
void vk_pipeline_get_stats(struct vk_device *device, struct vk_pipeline_stats *stats);

/* Device lifetime (called by device.c). */
VkResult vk_pipeline_state_init(struct vk_device *device);
void vk_pipeline_state_cleanup(struct vk_device *device);

#endif
