/* dxbc_binding.h — DESIGN decision 5: a D3D11 slot maps to a fixed Vulkan binding computed
 * from (stage, kind, slot). The compiler and the pipeline layout both call this function. */
#ifndef DXBC_BINDING_H
#define DXBC_BINDING_H

#include <stdint.h>

enum dxbc_stage
{
    DXBC_STAGE_VS = 0,
    DXBC_STAGE_HS,
    DXBC_STAGE_DS,
    DXBC_STAGE_GS,
    DXBC_STAGE_PS,
    DXBC_STAGE_CS,
    DXBC_STAGE_COUNT,
};

enum dxbc_binding_kind
{
    DXBC_BINDING_CBV = 0,        /* constant buffers, slots 0..13 (14, 15 reserved) */
    DXBC_BINDING_SAMPLER,        /* samplers, slots 0..15 */
    DXBC_BINDING_SRV,            /* shader resource views, slots 0..127 */
    DXBC_BINDING_UAV,            /* unordered access views, slots 0..63 */
    DXBC_BINDING_UAV_COUNTER,    /* hidden append/consume counters of UAV slots 0..63 */
    DXBC_BINDING_KIND_COUNT,
};

#define DXBC_MAX_CBV_SLOTS     16u
#define DXBC_MAX_SAMPLER_SLOTS 16u
#define DXBC_MAX_SRV_SLOTS     128u
#define DXBC_MAX_UAV_SLOTS     64u

#define DXBC_BINDINGS_PER_STAGE 288u

/* Each graphics stage has its own descriptor set (set index = stage), so that a draw
 * rewrites and rebinds only the sets of the stages whose bindings changed; compute uses set 0. */
static inline uint32_t dxbc_descriptor_set(enum dxbc_stage stage)
{
    return stage == DXBC_STAGE_CS ? 0u : (uint32_t)stage;
}
#define DXBC_DESCRIPTOR_SET_COUNT 5u

static inline uint32_t dxbc_binding_base(enum dxbc_binding_kind kind)
{
    static const uint32_t base[DXBC_BINDING_KIND_COUNT] = { 0, 16, 32, 160, 224 };
    return base[kind];
}

static inline uint32_t dxbc_binding_index(enum dxbc_stage stage, enum dxbc_binding_kind kind, uint32_t slot)
{
    return (uint32_t)stage * DXBC_BINDINGS_PER_STAGE + dxbc_binding_base(kind) + slot;
}

#endif
