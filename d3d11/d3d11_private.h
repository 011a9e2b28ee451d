/* d3d11_private.h — d3d11.dll's objects: the device and its contexts. */
#ifndef D3D11VK_D3D11_PRIVATE_H
#define D3D11VK_D3D11_PRIVATE_H

#include "com.h"
#include "d3d11vk_private.h"
#include "vk_backend.h"
#include "vk_cs.h"
#include "format.h"
#include "context_state.h"

struct d3d11_device;

/* What the draw path last recorded (context_draw.c): buffer slices, so that a
 * Map(WRITE_DISCARD) rename is rebound, and the constant-buffer slots each bound shader reads. */
struct d3d11_draw_tracking
{
    bool valid;                          /* false: the backend's bindings are unknown (record all) */
    bool cs_stale;                       /* the compute bindings must be recorded again */
    bool ps_dual;                        /* the PS was recorded as its dual-source variant */
    uint32_t ubo_align;                  /* minUniformBufferOffsetAlignment */
    uint32_t cb_used[D3D11_STAGE_COUNT];
    const void *cb_slices[D3D11_STAGE_COUNT][D3D11_CB_SLOTS];
    const void *vb_slices[D3D11_VB_SLOTS];
    const void *ib_slice;
    /* SRV slots recorded with a renamable (dynamic) buffer's slice, and that slice: a
     * Map(WRITE_DISCARD) of the buffer makes the next draw/dispatch record the view again. */
    uint64_t srv_renamable[D3D11_STAGE_COUNT][2];
    const void *srv_slices[D3D11_STAGE_COUNT][D3D11_SRV_SLOTS];
};

struct d3d11_context
{
    ID3D11DeviceContext4 ID3D11DeviceContext4_iface;
    ID3D11Multithread ID3D11Multithread_iface;
    struct d3d11vk_child child;
    struct d3d11_device *device;
    D3D11_DEVICE_CONTEXT_TYPE type;
    UINT flags;
    struct vk_cs *cs;                   /* its command stream (vulkan/vk_cs.h): immediate = worker-backed */
    struct d3d11_context_state state;   /* pipeline bindings and dirty bits (context_state.c) */
    struct d3d11_draw_tracking draw;    /* context_draw.c */
};

struct d3d11_device
{
    ID3D11Device5 ID3D11Device5_iface;
    IDXGIDevice4 IDXGIDevice4_iface;
    ID3D11Multithread ID3D11Multithread_iface;
    ID3D10Multithread ID3D10Multithread_iface;
    ID3D11VKDevice ID3D11VKDevice_iface;
    struct d3d11vk_object obj;

    IDXGIAdapter *adapter;              /* holds a reference */
    struct vk_adapter *vk_adapter;
    struct vk_device *vk;               /* the adapter's shared backend device */
    D3D_FEATURE_LEVEL feature_level;
    UINT flags;
    UINT exception_mode;
    UINT max_frame_latency;
    INT gpu_thread_priority;

    /* ID3D11Multithread: a recursive lock taken around context calls when protected. */
    struct plat_mutex mt_lock;
    volatile LONG mt_protected;
    volatile LONG mt_owner, mt_depth;
    struct plat_cond mt_cond;

    struct d3d11_context *immediate;
    struct d3d11_state_cache *state_cache;  /* deduplicated state objects (state.c) */
    /* The stream initial data is uploaded on (texture.c), made on first use; its own lock keeps
     * creation free-threaded. Destroyed with the device (d3d11_upload_stream_destroy). */
    struct d3d11_upload_stream *upload;

    struct plat_mutex format_lock;
    struct d3d11_format_cache
    {
        bool valid;
        bool use_alt;                   /* the row's vk_alt stands in for vk on this device */
        struct d3d11vk_format_caps caps;
    } format_cache[192];
};

static inline struct d3d11_device *impl_from_ID3D11Device5(ID3D11Device5 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_device, ID3D11Device5_iface);
}

/* The highest feature level the backend device supports (D3D_FEATURE_LEVEL_11_1 at most). */
D3D_FEATURE_LEVEL d3d11_max_feature_level(const struct vk_adapter *adapter);
HRESULT d3d11_device_create(IDXGIAdapter *adapter, struct vk_adapter *vk_adapter, D3D_FEATURE_LEVEL level,
        UINT flags, struct d3d11_device **out);
HRESULT d3d11_context_create(struct d3d11_device *device, D3D11_DEVICE_CONTEXT_TYPE type, UINT flags,
        struct d3d11_context **out);
void d3d11_context_destroy_immediate(struct d3d11_context *context);
/* The backend's bindings changed behind the draw path (command lists): the next draw or
 * dispatch records every binding again (context_draw.c). */
void d3d11_context_draw_invalidate(struct d3d11_context *context);

/* What the device's Vulkan implementation offers for a table row (cached); *use_alt tells
 * whether resources of the format use the row's vk_alt instead of vk. */
const struct d3d11vk_format_caps *d3d11_device_format_caps(struct d3d11_device *device,
        const struct d3d11vk_format_info *info, bool *use_alt);
/* Format support as the device's Vulkan implementation answers it; false for unknown formats. */
bool d3d11_device_format_support(struct d3d11_device *device, DXGI_FORMAT format, UINT *support, UINT *support2);

/* Predication (query.c), around each operation SetPredication affects (draws, dispatches,
 * clears, copies, updates, resolves, GenerateMips), after its binding records: when the
 * context has a predicate, open records the start of a predicated region and returns true;
 * then close must follow the operation's records. Checked as context->state.predicate first. */
bool d3d11_predication_open(struct d3d11_context *context);
void d3d11_predication_close(struct d3d11_context *context);

#endif
