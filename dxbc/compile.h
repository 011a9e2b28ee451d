/* compile.h — DXBC (SM4.0/4.1/5.0) to SPIR-V compiler, public interface.
 *
 * Output: SPIR-V 1.6 for Vulkan 1.3 (one entry point named "main").
 * Capabilities the output may declare (each only when the shader needs it; all offered by
 * lavapipe of Mesa 22.3 and by NVIDIA's Vulkan 1.3 drivers):
 *   Shader, Geometry, Tessellation, Float64, ImageQuery, Sampled1D, Image1D, SampledBuffer,
 *   ImageBuffer, SampledCubeArray, ImageCubeArray, ImageMSArray, ImageGatherExtended,
 *   StorageImageWriteWithoutFormat, DemoteToHelperInvocation (core in SPIR-V 1.6),
 *   DerivativeControl, InterpolationFunction, SampleRateShading, ClipDistance, CullDistance,
 *   DrawParameters, ShaderLayer, ShaderViewportIndex, MultiViewport; with stream output
 *   TransformFeedback and GeometryStreams; with DXBC_COMPILE_FLUSH_DENORMS DenormFlushToZero.
 *   StencilExportEXT only for oStencilRef. Read-without-format is never needed (UAV rule below).
 * Device features the pipeline needs where the shader uses them: shaderFloat64,
 *   shaderStorageImageWriteWithoutFormat, shaderImageGatherExtended, sampleRateShading,
 *   geometryShader, tessellationShader, shaderClipDistance, shaderCullDistance, imageCubeArray,
 *   shaderDrawParameters (1.1), shaderOutputLayer/shaderOutputViewportIndex (1.2) for VS/DS
 *   writes of SV_RenderTargetArrayIndex/SV_ViewportArrayIndex, multiViewport,
 *   fragmentStoresAndAtomics, vertexPipelineStoresAndAtomics, shaderDemoteToHelperInvocation
 *   (required in 1.3), dualSrcBlend (DXBC_COMPILE_DUAL_SOURCE_BLEND), and for stream output
 *   VK_EXT_transform_feedback's transformFeedback (+ geometryStreams for several streams).
 *
 * Semantics kept from D3D11: registers are untyped 32-bit (Private uvec4 variables and
 * arrays, bitcast per use, zero-initialised); udiv by 0 gives ~0 (quotient and remainder); shift counts use their
 * low 5 bits; ftoi/ftou clamp and give 0 for NaN; min/max return the non-NaN operand
 * (NMin/NMax); _sat maps NaN to 0; firstbit_* count from the MSB (hi/shi) and give ~0 when no
 * bit is found; ubfe/ibfe/bfi mask width and offset to 5 bits; discard demotes to a helper
 * invocation (derivatives stay valid); SV_Position.w in a pixel shader is the clip-space w;
 * SV_VertexID/SV_InstanceID exclude the base vertex/instance; relative indices into register
 * arrays are clamped to the declared size, immediate ones out of range fail the compile.
 * eval_centroid follows Vulkan's centroid (any covered location of the pixel; D3D picks the
 * centre when fully covered). Without stream output, GS streams other than the rasterized one
 * have no outputs (their emits are no-ops).
 * oStencilRef uses SPV_EXT_shader_stencil_export (VK_EXT_shader_stencil_export), the one
 * extension the output may need. Not expressed (compile error): the `this` register of class
 * linkage.
 * Needing no specialization: alpha-to-coverage (Vulkan's alphaToCoverageEnable acts on
 * output 0 alpha as D3D does) and input layouts (Vulkan vertex formats convert like D3D's;
 * VS input types come from the signature).
 *
 * Resource model (descriptor set dxbc_descriptor_set(stage), binding = dxbc_binding_index()):
 *   cb#       uniform buffer: struct { uvec4 data[N]; } (N = declared size, dynamic indexing ok)
 *   s#        sampler
 *   t# texture       sampled image (OpTypeImage Sampled=1), combined with s# at each use
 *   t# buffer        uniform texel buffer
 *   t# raw/struct    storage buffer (read only): struct { uint data[]; }
 *   u# texture       storage image: format Unknown when only written; R32ui/R32i when used
 *                    with atomics; R32f/R32ui/R32i when read (D3D11 typed UAV load rule)
 *   u# buffer        storage texel buffer (same format rule)
 *   u# raw/struct    storage buffer: struct { uint data[]; }
 *   u# counter       storage buffer: struct { uint counter; } at the UAV_COUNTER binding
 *
 * Stage I/O locations: the DXBC register number is the Location: vN of a VS is
 *   Location N (the vertex attribute whose input-layout element maps to register N), oN of
 *   every stage is Location N, vN of the next stage is Location N. Each signature element
 *   is its own variable with Component = first component of its register mask, so packed
 *   registers work. SV_Target N is Location N (with dual-source blending o1 is Location 0
 *   Index 1). Patch constants (HS outputs / DS inputs that are not tess factors) carry the
 *   Patch decoration at Location B + N for patch-constant register N, where B is the number of
 *   registers of the control-point signature (HS output = DS input signature: max register
 *   + 1): per-patch and per-vertex variables share one location space, and drivers have only
 *   ~32 locations. Control-point I/O uses Location N. Stream-output capture variables take
 *   the locations after a stage's other outputs.
 *
 * Specialization constants (ids fixed):
 *   DXBC_SPEC_SAMPLE_COUNT (0): uint, rasterizer sample count; used by sampleinfo/samplepos
 *     on the rasterizer. Default 1.
 *   DXBC_SPEC_INTERFACE_BASE + s (16..268): uint, class type of interface slot s (SM5 class
 *     linkage; info->interface_slots tells how many slots the shader has). Default 0.
 */
#ifndef DXBC_COMPILE_H
#define DXBC_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dxbc_binding.h"

struct dxbc_program;

#define DXBC_SPEC_SAMPLE_COUNT 0u
/* Class linkage: interface slot s selects its class through spec constant id
 * DXBC_SPEC_INTERFACE_BASE + s (value: index into the interface's function-table list). */
#define DXBC_SPEC_INTERFACE_BASE 16u

enum dxbc_descriptor_type
{
    DXBC_DESCRIPTOR_UNIFORM_BUFFER,
    DXBC_DESCRIPTOR_SAMPLER,
    DXBC_DESCRIPTOR_SAMPLED_IMAGE,
    DXBC_DESCRIPTOR_UNIFORM_TEXEL_BUFFER,
    DXBC_DESCRIPTOR_STORAGE_IMAGE,
    DXBC_DESCRIPTOR_STORAGE_TEXEL_BUFFER,
    DXBC_DESCRIPTOR_STORAGE_BUFFER,
};

enum dxbc_res_dim
{
    DXBC_RES_DIM_NONE = 0,       /* constant buffers, samplers */
    DXBC_RES_DIM_BUFFER,
    DXBC_RES_DIM_RAW_BUFFER,
    DXBC_RES_DIM_STRUCTURED_BUFFER,
    DXBC_RES_DIM_1D,
    DXBC_RES_DIM_1D_ARRAY,
    DXBC_RES_DIM_2D,
    DXBC_RES_DIM_2D_ARRAY,
    DXBC_RES_DIM_2D_MS,
    DXBC_RES_DIM_2D_MS_ARRAY,
    DXBC_RES_DIM_3D,
    DXBC_RES_DIM_CUBE,
    DXBC_RES_DIM_CUBE_ARRAY,
};

enum dxbc_scalar_type
{
    DXBC_SCALAR_FLOAT = 0,
    DXBC_SCALAR_UINT,
    DXBC_SCALAR_SINT,
};

#define DXBC_RESOURCE_USES_COUNTER   0x1u   /* UAV: append/consume/imm_atomic_alloc */
#define DXBC_RESOURCE_USES_ATOMICS   0x2u
#define DXBC_RESOURCE_GLOBALLY_COHERENT 0x4u
#define DXBC_RESOURCE_COMPARISON     0x8u   /* sampler declared comparison mode */
#define DXBC_RESOURCE_WRITTEN        0x10u   /* UAV: stored to or used with atomics */
#define DXBC_RESOURCE_TYPED_READ     0x20u   /* typed UAV read: declared R32 (float/uint/sint by return type) */

struct dxbc_resource_info
{
    enum dxbc_binding_kind kind;
    uint32_t slot;               /* D3D11 register number (cb#, s#, t#, u#) */
    uint32_t binding;            /* dxbc_binding_index(stage, kind, slot) */
    enum dxbc_descriptor_type descriptor;
    enum dxbc_res_dim dim;
    enum dxbc_scalar_type return_type;
    uint32_t stride;             /* structured buffers: bytes per element; cb: size in bytes */
    uint32_t flags;              /* DXBC_RESOURCE_* */
};

struct dxbc_io_info
{
    char semantic[32];
    uint32_t semantic_index;
    uint32_t reg;                /* DXBC register */
    uint32_t mask;               /* components of the register, bit 0 = x */
    uint32_t location;           /* Vulkan location, or ~0u for built-ins */
    uint32_t component;
    uint32_t builtin;            /* SpvBuiltIn, or ~0u */
    uint32_t sysval;             /* D3D_NAME value of the signature, 0 if none */
    enum dxbc_scalar_type type;
    bool patch;
    uint32_t stream;
    bool stream_output;          /* a stream-output capture variable (XfbBuffer/Offset) */
};

#define DXBC_PS_USES_DISCARD       0x1u
#define DXBC_PS_WRITES_DEPTH       0x2u
#define DXBC_PS_DEPTH_GREATER      0x4u
#define DXBC_PS_DEPTH_LESS         0x8u
#define DXBC_PS_EARLY_DEPTH        0x10u
#define DXBC_PS_SAMPLE_RATE        0x20u
#define DXBC_PS_READS_COVERAGE     0x40u
#define DXBC_PS_WRITES_COVERAGE    0x80u
#define DXBC_PS_WRITES_STENCIL_REF 0x100u   /* needs VK_EXT_shader_stencil_export */

struct dxbc_shader_info
{
    enum dxbc_stage stage;
    uint32_t major, minor;

    struct dxbc_resource_info *resources;
    unsigned resource_count;
    struct dxbc_io_info *inputs, *outputs;
    unsigned input_count, output_count;

    uint32_t uav_mask[2];        /* u# slots used (bits) */
    uint32_t ps_flags;           /* DXBC_PS_* */
    uint32_t cs_group_size[3];
    uint32_t gs_input_primitive; /* D3D10_SB_PRIMITIVE value */
    uint32_t gs_output_topology; /* D3D10_SB_PRIMITIVE_TOPOLOGY value */
    uint32_t gs_max_vertices, gs_instances, gs_stream_mask;
    uint32_t hs_input_control_points, hs_output_control_points;
    uint32_t tess_domain;        /* D3D11_SB_TESSELLATOR_DOMAIN */
    uint32_t tess_partitioning;  /* D3D11_SB_TESSELLATOR_PARTITIONING */
    uint32_t tess_output_primitive; /* D3D11_SB_TESSELLATOR_OUTPUT_PRIMITIVE */
    uint32_t spec_constant_mask; /* bit n (< 16): specialization constant id n is used */
    uint32_t interface_slots;    /* class linkage: slots 0 .. interface_slots-1 have spec constants */
    uint32_t uses_float64;
};

/* One D3D11_SO_DECLARATION_ENTRY. */
struct dxbc_so_entry
{
    uint32_t stream;
    const char *semantic;        /* NULL: a gap of component_count components */
    uint32_t semantic_index;
    uint8_t start_component;     /* first component of the output register (0 = x) */
    uint8_t component_count;
    uint8_t output_slot;         /* stream-output buffer 0..3 */
};

#define DXBC_NO_RASTERIZED_STREAM (~0u)

/* Stream output (transform feedback) of the last geometry stage: GS, or VS/DS without a GS.
 * Each captured entry becomes its own Output variable decorated XfbBuffer/XfbStride/Offset
 * (Location after the stage's other outputs); the module declares Xfb and, for several
 * streams, GeometryStreams (VK_EXT_transform_feedback with geometryStreams). Only the
 * rasterized stream keeps the register-numbered varyings and built-ins. */
struct dxbc_stream_output
{
    const struct dxbc_so_entry *entries;
    unsigned entry_count;
    uint32_t strides[4];         /* bytes per vertex of each buffer */
    uint32_t rasterized_stream;  /* or DXBC_NO_RASTERIZED_STREAM */
};

/* Flush 32-bit float denormals (D3D11 rule): SPIR-V DenormFlushToZero 32, needs
 * shaderDenormFlushToZeroFloat32 (VK_KHR_shader_float_controls / Vulkan 1.2). */
#define DXBC_COMPILE_FLUSH_DENORMS 0x1u

/* The device enables shaderTessellationAndGeometryPointSize: a GS or DS then writes PointSize
 * (1.0, D3D's point size) as Vulkan requires. A VS always writes it. */
#define DXBC_COMPILE_POINT_SIZE 0x2u

/* Pixel shader for a blend state with dual-source factors (SRC1_*): o1 becomes the second
 * input of blend unit 0 (Location 0, Index 1); outputs above o1 are dropped, as in D3D11. */
#define DXBC_COMPILE_DUAL_SOURCE_BLEND 0x4u

/* Stream output with a rasterized stream R other than 0 on a device without
 * transformFeedbackRasterizationStreamSelect: the module numbers D3D stream R as SPIR-V
 * stream 0 and D3D stream 0 as R, so the pipeline rasterizes stream 0. */
#define DXBC_COMPILE_RASTERIZED_STREAM_ZERO 0x8u

struct dxbc_compile_options
{
    uint32_t flags;              /* DXBC_COMPILE_* */
    const struct dxbc_stream_output *stream_output;   /* NULL: none */
};

/* Compiles a parsed program. On success *spirv (free with dxbc_compile_free_spirv) and
 * info_out (free with dxbc_shader_info_free; may be NULL) are filled and true is returned;
 * on failure error holds a message and nothing needs freeing. */
bool dxbc_compile(const struct dxbc_program *program, const struct dxbc_compile_options *options,
        struct dxbc_shader_info *info_out, uint32_t **spirv, size_t *word_count, char *error, size_t error_size);
/* Parses a DXBC container, then compiles it. */
bool dxbc_compile_blob(const void *blob, size_t size, const struct dxbc_compile_options *options,
        struct dxbc_shader_info *info_out, uint32_t **spirv, size_t *word_count, char *error, size_t error_size);
void dxbc_compile_free_spirv(uint32_t *spirv);
void dxbc_shader_info_free(struct dxbc_shader_info *info);

#endif
