/* state.h — immutable pipeline objects of d3d11.dll: blend, depth-stencil, rasterizer and
 * sampler states (deduplicated per device), shaders, input layouts and class linkage. Each
 * carries what the draw path needs precomputed: the Vulkan translation and a 64-bit hash
 * for pipeline keys, so binding one at draw time costs a pointer compare. */
#ifndef D3D11VK_STATE_H
#define D3D11VK_STATE_H

#include "d3d11_private.h"
#include "dxbc.h"
#include "compile.h"

/* Limits the headers at hand may lack (values from the D3D11 headers' definitions). */
#ifndef D3D11_IA_VERTEX_INPUT_STRUCTURE_ELEMENT_COUNT
# define D3D11_IA_VERTEX_INPUT_STRUCTURE_ELEMENT_COUNT 32
#endif
#ifndef D3D11_MIP_LOD_BIAS_MIN
# define D3D11_MIP_LOD_BIAS_MIN (-16.0f)
#endif
#ifndef D3D11_MIP_LOD_BIAS_MAX
# define D3D11_MIP_LOD_BIAS_MAX 15.99f
#endif

/* Deduplication ---------------------------------------------------------------------- */

enum d3d11_state_kind
{
    D3D11_STATE_BLEND,
    D3D11_STATE_DEPTH_STENCIL,
    D3D11_STATE_RASTERIZER,
    D3D11_STATE_SAMPLER,
    D3D11_STATE_KIND_COUNT,
};

/* D3D11: at most 4096 unique state objects of each kind live on a device at a time. */
#define D3D11_MAX_UNIQUE_STATES 4096u

struct d3d11_state_cache;

/* The part every deduplicated state shares: its place in the device's table. */
struct d3d11_state_entry
{
    struct d3d11_state_entry *next;      /* hash chain */
    struct d3d11_state_cache *cache;     /* holds a reference on the cache */
    enum d3d11_state_kind kind;
    uint64_t hash;                       /* of the normalized description; also the pipeline-key hash */
    const void *key;                     /* the normalized description */
    size_t key_size;
    struct d3d11vk_child *child;
};

/* Called from device creation and destruction; the cache outlives the device while states
 * that only the implementation still references are alive. */
HRESULT d3d11_state_cache_create(struct d3d11_state_cache **out);
void d3d11_state_cache_release(struct d3d11_state_cache *cache);

/* State objects ---------------------------------------------------------------------- */

struct d3d11_blend_state
{
    ID3D11BlendState1 ID3D11BlendState1_iface;
    struct d3d11vk_child child;
    struct d3d11_state_entry entry;
    D3D11_BLEND_DESC1 desc;              /* normalized: RT[1..7] = RT[0] without independent blend */
    VkPipelineColorBlendAttachmentState attachments[D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT];
    VkBool32 logic_op_enable;
    VkLogicOp logic_op;
    VkBool32 alpha_to_coverage;
    bool uses_blend_factor;              /* some factor reads the blend constant */
    bool dual_source;                    /* RT0 reads SRC1 */
};

struct d3d11_depthstencil_state
{
    ID3D11DepthStencilState ID3D11DepthStencilState_iface;
    struct d3d11vk_child child;
    struct d3d11_state_entry entry;
    D3D11_DEPTH_STENCIL_DESC desc;       /* normalized: disabled parts hold the defaults */
    VkBool32 depth_test, depth_write, stencil_test;
    VkCompareOp depth_compare;
    VkStencilOpState front, back;        /* reference is dynamic (OMSetDepthStencilState) */
};

struct d3d11_rasterizer_state
{
    ID3D11RasterizerState2 ID3D11RasterizerState2_iface;
    struct d3d11vk_child child;
    struct d3d11_state_entry entry;
    D3D11_RASTERIZER_DESC2 desc;
    VkPolygonMode polygon_mode;
    VkCullModeFlags cull_mode;
    VkFrontFace front_face;
    VkBool32 depth_bias_enable;
    float depth_bias_constant, depth_bias_clamp, depth_bias_slope;
    VkBool32 depth_clip_enable;          /* D3D11 DepthClipEnable; FALSE needs depth clamp */
    bool scissor_enable;
    bool conservative;
    VkSampleCountFlagBits forced_samples; /* 0: not forced */
};

struct d3d11_sampler_state
{
    ID3D11SamplerState ID3D11SamplerState_iface;
    struct d3d11vk_child child;
    struct d3d11_state_entry entry;
    D3D11_SAMPLER_DESC desc;
    struct vk_device *vk;                /* holds a reference while the sampler exists */
    VkSampler sampler;
    /* Owns `sampler`: work recorded with it references this, so the Vulkan sampler outlives
     * the application's last Release until the GPU is done (context_draw.c takes the refs). */
    struct vk_object *sampler_obj;
};

HRESULT d3d11_blend_state_create(struct d3d11_device *device, const D3D11_BLEND_DESC1 *desc,
        struct d3d11_blend_state **out);
HRESULT d3d11_depthstencil_state_create(struct d3d11_device *device, const D3D11_DEPTH_STENCIL_DESC *desc,
        struct d3d11_depthstencil_state **out);
HRESULT d3d11_rasterizer_state_create(struct d3d11_device *device, const D3D11_RASTERIZER_DESC2 *desc,
        struct d3d11_rasterizer_state **out);
HRESULT d3d11_sampler_state_create(struct d3d11_device *device, const D3D11_SAMPLER_DESC *desc,
        struct d3d11_sampler_state **out);

/* These trust the caller: the pointer must be one of this implementation's objects (the
 * context checks the vtable first through the *_from_iface helpers below). */
struct d3d11_blend_state *d3d11_blend_state_from_iface(ID3D11BlendState *iface);
struct d3d11_depthstencil_state *d3d11_depthstencil_state_from_iface(ID3D11DepthStencilState *iface);
struct d3d11_rasterizer_state *d3d11_rasterizer_state_from_iface(ID3D11RasterizerState *iface);
struct d3d11_sampler_state *d3d11_sampler_state_from_iface(ID3D11SamplerState *iface);

/* Shaders ----------------------------------------------------------------------------- */

struct d3d11_so_element
{
    UINT stream;
    char semantic[64];                   /* "" for a gap */
    UINT semantic_index;
    BYTE start_component, component_count;
    BYTE output_slot;
    UINT register_index;                 /* output register of the GS, ~0u for gaps */
    UINT offset;                         /* byte offset in the output slot's vertex */
};

struct d3d11_stream_output
{
    UINT element_count;
    struct d3d11_so_element *elements;
    UINT strides[D3D11_SO_BUFFER_SLOT_COUNT];
    UINT stride_count;
    UINT rasterized_stream;              /* D3D11_SO_NO_RASTERIZED_STREAM or 0..3 */
    UINT vk_rasterized_stream;           /* the compiled module's: 0 where the device cannot select */
};

struct d3d11_shader
{
    /* One face per stage kind; only the one matching `stage` is answered. */
    union
    {
        ID3D11VertexShader ID3D11VertexShader_iface;
        ID3D11HullShader ID3D11HullShader_iface;
        ID3D11DomainShader ID3D11DomainShader_iface;
        ID3D11GeometryShader ID3D11GeometryShader_iface;
        ID3D11PixelShader ID3D11PixelShader_iface;
        ID3D11ComputeShader ID3D11ComputeShader_iface;
        IUnknown IUnknown_iface;
    };
    struct d3d11vk_child child;
    struct d3d11_device *device;
    enum dxbc_stage stage;
    uint64_t hash;                       /* of the bytecode (and SO layout): the pipeline-key part */
    struct dxbc_program *program;        /* parsed, bounds-checked */
    bool uses_interfaces;                /* SM5 dynamic linkage */
    struct d3d11_stream_output *so;      /* GS with stream output, else NULL */

    /* Compiled on first use (dxbc_compile), under the lock. */
    struct plat_mutex lock;
    bool compiled, compile_failed;
    uint32_t *spirv;
    size_t spirv_words;
    struct dxbc_shader_info info;
    /* The backend shader, made on first draw by context_draw.c (atomic pointer, released here). */
    struct vk_shader *vk_shader;
    /* A PS's variant for dual-source blend states (o1 as Location 0 Index 1), made on first need. */
    struct vk_shader *vk_shader_dual;
    /* Stream output declared on an output signature alone (no code; program is NULL): the
     * bound VS or DS is compiled with the capture. */
    struct dxbc_signature *so_signature;
    /* A VS's or DS's variants compiled with such declarations (under the lock, never evicted). */
    struct d3d11_so_variant *so_variants;
};

/* Creation: the bytecode is parsed with bounds checks and must hold a program of `stage`
 * (or, with stream output, a GS, VS or DS program). */
HRESULT d3d11_shader_create(struct d3d11_device *device, enum dxbc_stage stage, const void *bytecode,
        SIZE_T size, ID3D11ClassLinkage *linkage, struct d3d11_shader **out);
HRESULT d3d11_shader_create_with_stream_output(struct d3d11_device *device, const void *bytecode, SIZE_T size,
        const D3D11_SO_DECLARATION_ENTRY *entries, UINT entry_count, const UINT *strides, UINT stride_count,
        UINT rasterized_stream, ID3D11ClassLinkage *linkage, struct d3d11_shader **out);
/* Validates a stream-output declaration against an output signature. */
HRESULT d3d11_stream_output_create(struct d3d11_device *device, const struct dxbc_signature *output,
        const D3D11_SO_DECLARATION_ENTRY *entries, UINT entry_count, const UINT *strides, UINT stride_count,
        UINT rasterized_stream, struct d3d11_stream_output **out);
void d3d11_stream_output_free(struct d3d11_stream_output *so);
/* The shader behind a stage interface, or NULL when it is not one of ours of that stage. */
struct d3d11_shader *d3d11_shader_from_iface(IUnknown *iface, enum dxbc_stage stage);
/* Compiles on first call; false (logged once per shader) when the compiler rejects it. */
/* References every backend shader made of `shader` (plain, dual-source, stream-output
 * variants) on cs: a shader being unbound outlives the work recorded while it was bound. */
struct vk_cs;
void d3d11_shader_keep(struct d3d11_shader *shader, struct vk_cs *cs);
bool d3d11_shader_get_spirv(struct d3d11_shader *shader, const uint32_t **spirv, size_t *words,
        const struct dxbc_shader_info **info);
/* The VS or DS compiled with the stream output of a signature-only object (cached on shader;
 * NULL when it does not compile). */
struct vk_shader *d3d11_shader_so_variant(struct d3d11_shader *shader, const struct d3d11_shader *so_object);

/* Input layouts ------------------------------------------------------------------------- */

struct d3d11_input_layout
{
    ID3D11InputLayout ID3D11InputLayout_iface;
    struct d3d11vk_child child;
    uint64_t hash;                       /* of attributes + per-slot rates: the pipeline-key part */
    UINT attribute_count;
    VkVertexInputAttributeDescription attributes[D3D11_IA_VERTEX_INPUT_STRUCTURE_ELEMENT_COUNT];
    uint32_t slot_mask;                  /* input slots the layout reads */
    uint32_t instance_mask;              /* slots stepping per instance */
    UINT step_rates[D3D11_IA_VERTEX_INPUT_RESOURCE_SLOT_COUNT]; /* per-instance slots; 0 = never step */
    UINT element_count;
    D3D11_INPUT_ELEMENT_DESC *elements;  /* the application's description, names copied */
};

HRESULT d3d11_input_layout_create(struct d3d11_device *device, const D3D11_INPUT_ELEMENT_DESC *elements,
        UINT element_count, const void *bytecode, SIZE_T size, struct d3d11_input_layout **out);
struct d3d11_input_layout *d3d11_input_layout_from_iface(ID3D11InputLayout *iface);

/* Class linkage ------------------------------------------------------------------------- */

struct d3d11_class_linkage;

struct d3d11_class_instance
{
    ID3D11ClassInstance ID3D11ClassInstance_iface;
    struct d3d11vk_child child;
    ID3D11ClassLinkage *linkage;         /* holds a reference */
    D3D11_CLASS_INSTANCE_DESC desc;
    char type_name[256];
    char instance_name[256];
};

HRESULT d3d11_class_linkage_create(struct d3d11_device *device, ID3D11ClassLinkage **out);
bool d3d11_class_linkage_is_ours(ID3D11ClassLinkage *iface);
struct d3d11_class_instance *d3d11_class_instance_from_iface(ID3D11ClassInstance *iface);

/* ID3DDeviceContextState ---------------------------------------------------------------- */

HRESULT d3d11_device_context_state_create(struct d3d11_device *device, REFIID emulated_interface,
        D3D_FEATURE_LEVEL level, ID3DDeviceContextState **out);

#endif
