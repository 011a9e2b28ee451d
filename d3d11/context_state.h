/* context_state.h — the D3D11 pipeline state a context holds, shaped for the draw path:
 * bound objects as implementation pointers (the application's interface pointers are one
 * member away), internal references instead of public ones, and dirty bits per group plus
 * per-slot masks so that a draw only looks at what changed since the last one.
 *
 * Dirty protocol: every Set method that changes something ORs its D3D11_DIRTY_* bit into
 * `dirty` and, for slot arrays, the slot bits into that array's dirty mask. Rebinding what
 * is already bound changes nothing and sets no bit. The draw/dispatch path tests
 * `dirty & D3D11_DIRTY_GRAPHICS` (or D3D11_DIRTY_COMPUTE), handles the groups it finds,
 * and clears the bits and masks it consumed. When the backend loses what it had bound (a new
 * command buffer, ExecuteCommandList with RestoreContextState), d3d11_context_state_invalidate()
 * marks everything dirty without touching the bindings. */
#ifndef D3D11VK_CONTEXT_STATE_H
#define D3D11VK_CONTEXT_STATE_H

#include "d3d11vk_common.h"

struct d3d11_shader;
struct d3d11_input_layout;
struct d3d11_blend_state;
struct d3d11_depthstencil_state;
struct d3d11_rasterizer_state;
struct d3d11_sampler_state;
struct d3d11_class_instance;
struct d3d11_resource;
struct d3d11_view;
struct d3d11_device;
struct d3d11_device_context_state;

/* Stages in the shader compiler's order (enum dxbc_stage). */
enum d3d11_stage
{
    D3D11_STAGE_VS,
    D3D11_STAGE_HS,
    D3D11_STAGE_DS,
    D3D11_STAGE_GS,
    D3D11_STAGE_PS,
    D3D11_STAGE_CS,
    D3D11_STAGE_COUNT,
};

#define D3D11_CB_SLOTS       D3D11_COMMONSHADER_CONSTANT_BUFFER_API_SLOT_COUNT   /* 14 */
#define D3D11_SAMPLER_SLOTS  D3D11_COMMONSHADER_SAMPLER_SLOT_COUNT               /* 16 */
#define D3D11_SRV_SLOTS      D3D11_COMMONSHADER_INPUT_RESOURCE_SLOT_COUNT        /* 128 */
#define D3D11_UAV_SLOTS      64                                                  /* D3D11_1_UAV_SLOT_COUNT */
#define D3D11_RTV_SLOTS      D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT              /* 8 */
#define D3D11_VB_SLOTS       D3D11_IA_VERTEX_INPUT_RESOURCE_SLOT_COUNT           /* 32 */
#define D3D11_SO_SLOTS       D3D11_SO_BUFFER_SLOT_COUNT                          /* 4 */
#define D3D11_VIEWPORT_SLOTS D3D11_VIEWPORT_AND_SCISSORRECT_OBJECT_COUNT_PER_PIPELINE /* 16 */
/* Constants bound by the legacy *SetConstantBuffers: the whole buffer, up to 4096. */
#define D3D11_CB_LEGACY_CONSTANTS 4096u

/* Dirty bits. Per-stage groups are the stage's bit shifted into the group. */
#define D3D11_DIRTY_SHADER(stage)   (1ull << (stage))
#define D3D11_DIRTY_CBS(stage)      (1ull << (6 + (stage)))
#define D3D11_DIRTY_SAMPLERS(stage) (1ull << (12 + (stage)))
#define D3D11_DIRTY_SRVS(stage)     (1ull << (18 + (stage)))
#define D3D11_DIRTY_UAVS            (1ull << 24)     /* OM (graphics) UAVs and their initial counts */
#define D3D11_DIRTY_CS_UAVS         (1ull << 25)
#define D3D11_DIRTY_INPUT_LAYOUT    (1ull << 26)
#define D3D11_DIRTY_VERTEX_BUFFERS  (1ull << 27)
#define D3D11_DIRTY_INDEX_BUFFER    (1ull << 28)
#define D3D11_DIRTY_TOPOLOGY        (1ull << 29)
#define D3D11_DIRTY_RASTERIZER      (1ull << 30)
#define D3D11_DIRTY_VIEWPORTS       (1ull << 31)
#define D3D11_DIRTY_SCISSORS        (1ull << 32)
#define D3D11_DIRTY_RENDER_TARGETS  (1ull << 33)     /* RTVs and DSV: the render pass / formats */
#define D3D11_DIRTY_BLEND           (1ull << 34)
#define D3D11_DIRTY_BLEND_FACTOR    (1ull << 35)
#define D3D11_DIRTY_SAMPLE_MASK     (1ull << 36)
#define D3D11_DIRTY_DEPTH_STENCIL   (1ull << 37)
#define D3D11_DIRTY_STENCIL_REF     (1ull << 38)
#define D3D11_DIRTY_SO_TARGETS      (1ull << 39)
#define D3D11_DIRTY_PREDICATION     (1ull << 40)

#define D3D11_DIRTY_STAGE_ALL(stage) (D3D11_DIRTY_SHADER(stage) | D3D11_DIRTY_CBS(stage) \
        | D3D11_DIRTY_SAMPLERS(stage) | D3D11_DIRTY_SRVS(stage))
/* Bits that feed the graphics pipeline object (its key). */
#define D3D11_DIRTY_GRAPHICS_PIPELINE (D3D11_DIRTY_SHADER(D3D11_STAGE_VS) | D3D11_DIRTY_SHADER(D3D11_STAGE_HS) \
        | D3D11_DIRTY_SHADER(D3D11_STAGE_DS) | D3D11_DIRTY_SHADER(D3D11_STAGE_GS) | D3D11_DIRTY_SHADER(D3D11_STAGE_PS) \
        | D3D11_DIRTY_INPUT_LAYOUT | D3D11_DIRTY_TOPOLOGY | D3D11_DIRTY_RASTERIZER | D3D11_DIRTY_BLEND \
        | D3D11_DIRTY_DEPTH_STENCIL | D3D11_DIRTY_RENDER_TARGETS | D3D11_DIRTY_SAMPLE_MASK)
/* Everything a draw consumes; everything a dispatch consumes. */
#define D3D11_DIRTY_GRAPHICS (D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_VS) | D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_HS) \
        | D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_DS) | D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_GS) \
        | D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_PS) | D3D11_DIRTY_UAVS | (((1ull << 41) - 1) & ~((1ull << 26) - 1)))
#define D3D11_DIRTY_COMPUTE (D3D11_DIRTY_STAGE_ALL(D3D11_STAGE_CS) | D3D11_DIRTY_CS_UAVS)
#define D3D11_DIRTY_ALL ((1ull << 41) - 1)

struct d3d11_cb_binding
{
    struct d3d11_resource *buffer;
    UINT first, count;                   /* in 16-byte constants */
};

struct d3d11_stage_state
{
    struct d3d11_shader *shader;
    struct d3d11_class_instance **instances;   /* heap array of instance_count, or NULL */
    UINT instance_count;

    struct d3d11_cb_binding cbs[D3D11_CB_SLOTS];
    struct d3d11_sampler_state *samplers[D3D11_SAMPLER_SLOTS];
    struct d3d11_view *srvs[D3D11_SRV_SLOTS];

    /* Non-NULL slots, and the slots changed since the draw path last looked. */
    uint32_t cb_mask, dirty_cbs;
    uint32_t sampler_mask, dirty_samplers;
    uint64_t srv_mask[2], dirty_srvs[2];
    /* SRVs whose resource can also be bound for writing (hazard candidates). */
    uint64_t srv_hazard_mask[2];
};

struct d3d11_vb_binding
{
    struct d3d11_resource *buffer;
    UINT stride, offset;
};

struct d3d11_so_binding
{
    struct d3d11_resource *buffer;
    UINT offset;                         /* ~0u: append after the current filled size */
};

struct d3d11_context_state
{
    uint64_t dirty;                      /* D3D11_DIRTY_* */

    struct d3d11_stage_state stages[D3D11_STAGE_COUNT];

    /* Input assembler */
    struct d3d11_input_layout *input_layout;
    struct d3d11_vb_binding vbs[D3D11_VB_SLOTS];
    uint32_t vb_mask, dirty_vbs;
    struct d3d11_resource *index_buffer;
    DXGI_FORMAT index_format;
    UINT index_offset;
    D3D11_PRIMITIVE_TOPOLOGY topology;

    /* Rasterizer */
    struct d3d11_rasterizer_state *rasterizer;  /* NULL: the default state */
    UINT viewport_count, scissor_count;
    D3D11_VIEWPORT viewports[D3D11_VIEWPORT_SLOTS];
    D3D11_RECT scissors[D3D11_VIEWPORT_SLOTS];

    /* Output merger */
    struct d3d11_view *rtvs[D3D11_RTV_SLOTS];
    struct d3d11_view *dsv;
    UINT rtv_count;                      /* highest bound RTV slot + 1 */
    struct d3d11_view *uavs[D3D11_UAV_SLOTS];      /* OMSetRenderTargetsAndUnorderedAccessViews */
    uint64_t uav_mask, dirty_uavs;
    UINT uav_initial_counts[D3D11_UAV_SLOTS];      /* applied by the draw path where pending */
    uint64_t uav_counts_pending;
    struct d3d11_blend_state *blend;     /* NULL: the default state */
    float blend_factor[4];
    UINT sample_mask;
    struct d3d11_depthstencil_state *depth_stencil;  /* NULL: the default state */
    UINT stencil_ref;

    /* Compute UAVs */
    struct d3d11_view *cs_uavs[D3D11_UAV_SLOTS];
    uint64_t cs_uav_mask, dirty_cs_uavs;
    UINT cs_uav_initial_counts[D3D11_UAV_SLOTS];
    uint64_t cs_uav_counts_pending;

    /* Stream output */
    struct d3d11_so_binding so[D3D11_SO_SLOTS];

    /* Predication (holds a reference through the public interface: queries are opaque here) */
    ID3D11Predicate *predicate;
    BOOL predicate_value;

    /* SwapDeviceContextState: the active ID3DDeviceContextState (internal reference); not
     * part of the state proper, so copies and ClearState keep it. */
    struct d3d11_device_context_state *active_object;
};

/* Zeroed memory plus the D3D11 defaults; no references held. */
void d3d11_context_state_init(struct d3d11_context_state *state);
/* Drops every reference (as ClearState, without marking anything dirty). */
void d3d11_context_state_cleanup(struct d3d11_context_state *state);
/* Every bit and slot mask dirty; bindings unchanged. */
void d3d11_context_state_invalidate(struct d3d11_context_state *state);
/* ClearState: every binding to NULL and every value to its default; marks what changed. */
void d3d11_context_state_clear(struct d3d11_context_state *state);
/* dst becomes a copy of src with its own references; dst's old references are dropped and
 * everything is marked dirty. false only when out of memory (dst is then cleared). */
bool d3d11_context_state_copy(struct d3d11_context_state *dst, const struct d3d11_context_state *src);

#endif
