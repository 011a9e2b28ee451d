/* resource.h — buffers, textures, views and queries of d3d11.dll: the shared resource header,
 * creation entry points, and the lookups contexts use to turn interfaces into objects. */
#ifndef D3D11VK_RESOURCE_H
#define D3D11VK_RESOURCE_H

#include "d3d11_private.h"

#include "vk_cs.h"

/* The Vulkan objects behind a resource. Buffers: `buffer`. Textures: `image`, except STAGING
 * textures, which live in a host-visible buffer laid out as D3D maps it (subresources
 * one after the other at sub_offset[], tight pitches). */
struct d3d11_resource_backend
{
    struct vk_buffer *buffer;
    struct vk_image *image;
    VkFormat vk_format;                 /* of the image */
    VkImageAspectFlags aspects;         /* copy aspect (colour or depth) */
    size_t *sub_offset;                 /* staging textures: byte offset of each subresource */
    /* Dynamic textures: the upload space handed out by Map(WRITE_DISCARD), copied at Unmap. */
    struct vk_bufref map_ref;
    void *map_ptr;
    UINT map_subresource;
    struct d3d11_context *map_context;
    /* Created without initial data: zeroed (as Windows does) before the first GPU use. */
    volatile LONG needs_zero;
    /* Staging textures of combined depth/stencil formats (D3D11VK_FORMAT_REPACK): per
     * subresource, where its texels live as the image's two aspect planes (depth words, then
     * stencil bytes); the D3D layout at sub_offset is made from them at Map. planes_d24: the
     * depth plane holds X8_D24 words (else floats), as the device's images of the format do. */
    size_t *scratch_offset;
    bool planes_d24;
    /* Emulated planar formats (NV12, P010, P016): each plane as a resource of its own format
     * and size (luma, chroma) whose backend holds the plane's image, or, for staging textures,
     * the parent's buffer with the plane's offsets. image is plane 0's. Copies, updates, views
     * and initial data work plane by plane through them. */
    struct d3d11_resource *plane[2];
    /* Stream-output buffers: the filled-size counter (context_so.c), made on first binding. */
    struct vk_buffer *so_counter;
};

/* What buffers and textures share: the D3D description fields common to both, lifetime and
 * the backend objects behind them. */
struct d3d11_resource
{
    IDXGIResource1 IDXGIResource1_iface;   /* every resource answers IDXGIResource1 */
    void *outer;                        /* the containing object, base of the qi offsets */
    const struct d3d11vk_qi_entry *qi;
    size_t qi_count;
    D3D11_RESOURCE_DIMENSION dimension;
    struct d3d11vk_child child;
    struct d3d11_device *device;
    ID3D11Resource *iface;              /* the primary face (ID3D11Buffer / ID3D11TextureXD) */
    D3D11_USAGE usage;
    UINT bind_flags, cpu_access, misc_flags;
    DXGI_FORMAT format;                 /* DXGI_FORMAT_UNKNOWN for buffers */
    const struct d3d11vk_format_info *info;
    UINT width, height, depth;          /* top level; buffers: ByteWidth x 1 x 1 */
    UINT mip_levels, array_size, sample_count;
    UINT eviction_priority;
    float min_lod;

    /* Backend state (vulkan/); owned by the resource until the timeline lets go of it. */
    struct d3d11_resource_backend *backend;
    /* Map bookkeeping: how many subresources are mapped now (Unmap must match). */
    volatile LONG map_count;
    /* Shared resources (sharing_resource.c): D3D11_SHARE_GUARD_* bits; 0 for everything else,
     * so contexts test one word before recording a use (d3d11_resource_usable). */
    volatile LONG share_guard;
};

#define D3D11_SHARE_GUARD_KEYED     0x1   /* SHARED_KEYEDMUTEX: usable only while this object holds it */
#define D3D11_SHARE_GUARD_HELD      0x2   /* this object holds the keyed mutex now */
#define D3D11_SHARE_GUARD_READ_ONLY 0x4   /* opened through a handle without write access */

/* Whether a context may use r now (write: as a destination). Windows drops commands that use
 * a keyed-mutex resource whose mutex the device does not hold, and writes through a
 * read-only open; the slow path logs it once (sharing_resource.c). */
bool d3d11_resource_guard_refuses(struct d3d11_resource *r, bool write, bool immediate);
/* immediate: an immediate context (deferred contexts record before the mutex is taken: only
 * the read-only rule applies to them). */
static inline bool d3d11_resource_usable(struct d3d11_resource *r, bool write, bool immediate)
{
    return !r || !__atomic_load_n(&r->share_guard, __ATOMIC_ACQUIRE) || !d3d11_resource_guard_refuses(r, write, immediate);
}
/* Draws and dispatches: while any guarded resource exists in the process (one load when
 * none does), the bindings the command uses are checked; false: drop the command. */
extern volatile LONG d3d11_share_guards_live;
struct d3d11_context;
bool d3d11_sharing_draw_allowed(struct d3d11_context *context, bool compute);
#define D3D11_SHARE_DRAW_OK(context, compute) (!__atomic_load_n(&d3d11_share_guards_live, __ATOMIC_RELAXED) \
        || d3d11_sharing_draw_allowed((context), (compute)))

extern const IDXGIResource1Vtbl d3d11_dxgi_resource_vtbl;
HRESULT d3d11_resource_query_interface(struct d3d11_resource *r, REFIID riid, void **out);
/* Fills the common fields; the child's destroy callback frees the outer object. */
void d3d11_resource_init(struct d3d11_resource *r, struct d3d11_device *device, void *outer,
        const struct d3d11vk_qi_entry *qi, size_t qi_count, ID3D11Resource *iface,
        void (*destroy)(struct d3d11vk_child *));
/* Backend objects: created after validation (with the initial data), released when the
 * resource is destroyed (the backend keeps them alive while the GPU uses them). */
HRESULT d3d11_resource_backend_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data);
void d3d11_resource_backend_destroy(struct d3d11_resource *r);

/* Backend helpers shared by creation and the context's transfer methods (texture.c). */
static inline bool d3d11_resource_is_staging_texture(const struct d3d11_resource *r)
{
    return r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER && r->backend && r->backend->buffer;
}
/* The image subresource of a D3D subresource index. */
void d3d11_resource_vk_subresource(const struct d3d11_resource *r, UINT sub, VkImageSubresourceLayers *out);
/* A buffer<->image region for texels [x,x+w)x[y,y+h)x[z,z+d) of subresource sub, the buffer side
 * laid out with row_pitch bytes per block row and slice_pitch per slice from offset. */
void d3d11_resource_buffer_region(const struct d3d11_resource *r, UINT sub, VkDeviceSize offset, size_t row_pitch,
        size_t slice_pitch, UINT x, UINT y, UINT z, UINT w, UINT h, UINT d, VkBufferImageCopy *out);
/* Copies rows of a 3D block between two pitched layouts. */
void d3d11_copy_rows(uint8_t *dst, size_t dst_row_pitch, size_t dst_slice_pitch, const uint8_t *src,
        size_t src_row_pitch, size_t src_slice_pitch, size_t row_bytes, UINT rows, UINT slices);
/* New resources read as zero (Windows zero-fills them). GPU-only resources are cleared lazily
 * by the first context that uses them: every path that records a use of a resource on a
 * stream (copies, clears, binding for draws/dispatches) calls this first. Cheap when done. */
void d3d11_resource_init_contents(struct d3d11_resource *r, struct vk_cs *cs);
/* Combined depth/stencil formats (D3D11VK_FORMAT_REPACK): D3D interleaves depth and stencil in
 * one texel, Vulkan copies each aspect on its own. Uploads split texels into a depth plane
 * (4 bytes a texel, as Vulkan's buffer layout of the image's depth aspect) and a stencil plane
 * (1 byte) in the staging ring; staging textures keep their texels as such planes. */
static inline bool d3d11_resource_is_repack(const struct d3d11_resource *r)
{
    return r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER && (r->info->flags & D3D11VK_FORMAT_REPACK);
}
/* Size of the two planes of w x h x d texels; *stencil_offset is the stencil plane's (16-aligned). */
size_t d3d11_repack_scratch_size(UINT w, UINT h, UINT d, size_t *stencil_offset);
/* Records the upload of a region of D3D-layout texels (src at the region's first texel). */
bool d3d11_repack_upload(struct vk_cs *cs, struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z, UINT w,
        UINT h, UINT d, const void *src, size_t row_pitch, size_t slice_pitch);
/* Staging textures (their planes): GPU copies from an image region to texel (x, y, z) of dst's
 * subresource dsub, to an image, between two staging textures, and of D3D-layout data
 * (UpdateSubresource). All work on deferred contexts too. */
void d3d11_repack_download(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box);
void d3d11_repack_upload_staging(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box);
void d3d11_repack_copy_staging(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box);
bool d3d11_repack_update_staging(struct vk_cs *cs, struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z,
        UINT w, UINT h, UINT d, const void *src, size_t row_pitch, size_t slice_pitch);
/* Map (to_d3d) and Unmap of a writable map: the subresource's D3D layout from its planes and
 * back, on the CPU; the GPU must be done with the texture. */
void d3d11_repack_map(struct d3d11_resource *r, UINT sub, bool to_d3d);
/* The single-threaded stream uploads run on when no context is at hand (initial data). */
HRESULT d3d11_upload_initial(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data);
void d3d11_upload_stream_destroy(struct d3d11_device *device);
UINT d3d11_buffer_stride(struct d3d11_resource *r);
/* The VkFormat of images (or views) of a format; *alt tells whether the row's vk_alt was picked. */
VkFormat d3d11_texture_vk_format(struct d3d11_device *device, const struct d3d11vk_format_info *info, UINT bind,
        bool *alt);
HRESULT d3d11_buffer_backend_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data);

/* Buffer and texture creation; out may be NULL (validation only, S_FALSE). */
HRESULT d3d11_buffer_create(struct d3d11_device *device, const D3D11_BUFFER_DESC *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Buffer **out);
HRESULT d3d11_texture1d_create(struct d3d11_device *device, const D3D11_TEXTURE1D_DESC *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture1D **out);
HRESULT d3d11_texture2d_create(struct d3d11_device *device, const D3D11_TEXTURE2D_DESC1 *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture2D1 **out);
HRESULT d3d11_texture3d_create(struct d3d11_device *device, const D3D11_TEXTURE3D_DESC1 *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture3D1 **out);

/* The object behind an ID3D11Resource this DLL created; NULL for anything else. */
struct d3d11_resource *d3d11_resource_from_iface(ID3D11Resource *iface);
struct d3d11_resource *d3d11_buffer_from_iface(ID3D11Buffer *iface);

/* Subresource geometry. */
static inline UINT d3d11_resource_subresource_count(const struct d3d11_resource *r)
{
    return r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER ? 1 : r->mip_levels * r->array_size;
}
static inline UINT d3d11_mip_size(UINT size, UINT level)
{
    size >>= level;
    return size ? size : 1;
}
/* Extent of one mip level (depth is 1 for non-3D textures). */
void d3d11_resource_mip_extent(const struct d3d11_resource *r, UINT level, UINT *w, UINT *h, UINT *d);
/* Tight D3D layout of one subresource: row pitch, depth pitch, total size. false on overflow. */
bool d3d11_resource_subresource_layout(const struct d3d11_resource *r, UINT subresource,
        size_t *row_pitch, size_t *depth_pitch, size_t *size);

/* Full mip chain length for a size. */
UINT d3d11_full_mip_count(UINT w, UINT h, UINT d);

/* Format support for a resource format, OR'ed over the typeless family's members for TYPELESS
 * formats (D3D11 lets a typeless resource be bound wherever a member could be). */
UINT d3d11_resource_format_support(struct d3d11_device *device, DXGI_FORMAT format, bool family);

/* Views ------------------------------------------------------------------------------ */

enum d3d11_view_kind
{
    D3D11_VIEW_SRV,
    D3D11_VIEW_RTV,
    D3D11_VIEW_DSV,
    D3D11_VIEW_UAV,
};

struct d3d11_view_backend
{
    struct vk_image_view *view;         /* texture views */
    struct vk_buffer *counter;          /* append/consume UAVs: the hidden 4-byte counter */
    /* Typed buffer views: the texel view of the slice last bound (a rename makes a new one). */
    struct plat_mutex texel_lock;
    struct vk_buffer_view *texel;
};

struct d3d11_view
{
    union
    {
        ID3D11ShaderResourceView1 srv;
        ID3D11RenderTargetView1 rtv;
        ID3D11DepthStencilView dsv;
        ID3D11UnorderedAccessView1 uav;
    } iface;
    struct d3d11vk_child child;
    enum d3d11_view_kind kind;
    struct d3d11_resource *resource;    /* holds an application reference on the resource */
    union
    {
        D3D11_SHADER_RESOURCE_VIEW_DESC1 srv;
        D3D11_RENDER_TARGET_VIEW_DESC1 rtv;
        D3D11_DEPTH_STENCIL_VIEW_DESC dsv;
        D3D11_UNORDERED_ACCESS_VIEW_DESC1 uav;
    } desc;
    DXGI_FORMAT format;                 /* resolved view format */
    /* The subresource range viewed, in resource terms (buffers: element range in bytes). */
    UINT first_mip, mip_count, first_layer, layer_count, plane;
    UINT64 buffer_offset, buffer_size;
    /* UAV append/consume counter: hidden storage, the initial/current value. */
    UINT counter_value;
    struct d3d11_view_backend *backend;
};

HRESULT d3d11_srv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_SHADER_RESOURCE_VIEW_DESC1 *desc, bool desc1, ID3D11ShaderResourceView1 **out);
HRESULT d3d11_rtv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_RENDER_TARGET_VIEW_DESC1 *desc, bool desc1, ID3D11RenderTargetView1 **out);
HRESULT d3d11_dsv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_DEPTH_STENCIL_VIEW_DESC *desc, ID3D11DepthStencilView **out);
HRESULT d3d11_uav_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_UNORDERED_ACCESS_VIEW_DESC1 *desc, bool desc1, ID3D11UnorderedAccessView1 **out);

/* A typed buffer view's texel view of its buffer's current slice, referenced on cs (made once
 * per slice and kept by the view, so descriptor sets that still name it stay valid); NULL
 * when it cannot be made. */
struct vk_buffer_view *d3d11_view_texel(struct d3d11_view *v, struct vk_cs *cs);

/* The view behind an interface this DLL created (any view kind, through ID3D11View or a
 * specific view interface); NULL otherwise. */
struct d3d11_view *d3d11_view_from_iface(void *iface);

/* Queries ---------------------------------------------------------------------------- */

struct d3d11_query;
HRESULT d3d11_query_create(struct d3d11_device *device, const D3D11_QUERY_DESC1 *desc, bool predicate,
        ID3D11Query1 **out);
HRESULT d3d11_counter_create(struct d3d11_device *device, const D3D11_COUNTER_DESC *desc, ID3D11Counter **out);
struct d3d11_query *d3d11_query_from_iface(ID3D11Asynchronous *iface);
/* Context side (context_transfer.c calls these with the context's stream). */
struct vk_cs;
void d3d11_query_begin(struct d3d11_query *query, struct d3d11_context *context, struct vk_cs *cs);
void d3d11_query_end(struct d3d11_query *query, struct d3d11_context *context, struct vk_cs *cs);
HRESULT d3d11_query_get_data(struct d3d11_query *query, struct d3d11_context *context, struct vk_cs *cs,
        void *data, UINT size, UINT flags);

#endif
