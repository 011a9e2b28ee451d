/* context_transfer.c — the context's transfer, clear, Map, query, flush and command-list methods:
 * validation as D3D11 does it, then plain commands recorded on the context's stream. */
#include <math.h>
#include "d3d11_private.h"
#include "context_methods.h"
#include "sharing.h"
#include "resource.h"

void d3d11_device_mt_enter(struct d3d11_device *device);
void d3d11_device_mt_leave(struct d3d11_device *device);

static inline struct d3d11_context *ctx_from(ID3D11DeviceContext4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11DeviceContext4_iface);
}

static inline struct vk_cs *ctx_cs(struct d3d11_context *context)
{
    return context->cs;
}

/* ID3D11Multithread: while protection is on, context calls hold the device lock. */
static bool ctx_lock(struct d3d11_context *context)
{
    if (!atomic_load_u32(&context->device->mt_protected))
        return false;
    d3d11_device_mt_enter(context->device);
    return true;
}

static void ctx_unlock(struct d3d11_context *context, bool locked)
{
    if (locked)
        d3d11_device_mt_leave(context->device);
}

#define LOCKED_VOID(call) do { struct d3d11_context *c_ = ctx_from(iface); bool l_ = ctx_lock(c_); call; \
    ctx_unlock(c_, l_); } while (0)

/* Operations SetPredication affects (clears, copies, updates, resolves, GenerateMips; draws
 * and dispatches in context_draw.c): recorded inside a predicated region (query.c) that the
 * worker skips when the predicate says so. The resources named get their lazy
 * zero-initialisation first, outside the region. */
static void predication_init(struct d3d11_context *context, struct d3d11_resource *r)
{
    if (r)
        d3d11_resource_init_contents(r, ctx_cs(context));
}

static struct d3d11_resource *view_resource(void *view)
{
    struct d3d11_view *v = view ? d3d11_view_from_iface(view) : NULL;

    return v ? v->resource : NULL;
}

#define PREDICATED_VOID(r1, r2, call) do { struct d3d11_context *c_ = ctx_from(iface); bool l_ = ctx_lock(c_), p_ = false; \
    if (c_->state.predicate) { predication_init(c_, r1); predication_init(c_, r2); p_ = d3d11_predication_open(c_); } \
    call; if (p_) d3d11_predication_close(c_); ctx_unlock(c_, l_); } while (0)

/* Shared resources: the keyed-mutex and read-only rules (commands Windows drops). */
#define SHARE_OK(ctx, r, write) d3d11_resource_usable((r), (write), (ctx)->type == D3D11_DEVICE_CONTEXT_IMMEDIATE)

static bool is_image(const struct d3d11_resource *r)
{
    return r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER && r->backend && r->backend->image;
}

/* Whether a format's D3D layout can go through Vulkan buffer<->image copies as is. */
static bool buffer_copyable(const struct d3d11_resource *r)
{
    if (r->info->flags & D3D11VK_FORMAT_PLANAR)
    {
        FIXME("Buffer copies of %s subresources are not implemented yet.", r->info->name);
        return false;
    }
    return true;
}

/* Map / Unmap ------------------------------------------------------------------------------ */

static HRESULT map_buffer(struct d3d11_context *context, struct d3d11_resource *r, D3D11_MAP type, UINT flags,
        D3D11_MAPPED_SUBRESOURCE *out)
{
    struct vk_buffer *buffer = r->backend->buffer;
    void *ptr;

    if (type == D3D11_MAP_WRITE_DISCARD)
    {
        /* Renaming: commands already recorded keep the old slice. */
        if (vk_buffer_rename(buffer) != VK_SUCCESS)
            return E_OUTOFMEMORY;
    }
    else if (type != D3D11_MAP_WRITE_NO_OVERWRITE)
    {
        if (!vk_cs_wait_object(ctx_cs(context), &buffer->slice->obj,
                (flags & D3D11_MAP_FLAG_DO_NOT_WAIT) ? 0 : UINT64_MAX))
            return DXGI_ERROR_WAS_STILL_DRAWING;
    }
    if (!(ptr = vk_buffer_map(buffer)))
        return E_INVALIDARG;
    out->pData = ptr;
    out->RowPitch = out->DepthPitch = r->width;
    return S_OK;
}

static HRESULT map_texture(struct d3d11_context *context, struct d3d11_resource *r, UINT sub, D3D11_MAP type,
        UINT flags, D3D11_MAPPED_SUBRESOURCE *out)
{
    struct d3d11_resource_backend *b = r->backend;
    size_t row, slice, size;
    uint8_t *ptr;

    if (!d3d11_resource_subresource_layout(r, sub, &row, &slice, &size))
        return E_INVALIDARG;
    if (d3d11_resource_is_staging_texture(r))
    {
        if (!vk_cs_wait_object(ctx_cs(context), &b->buffer->slice->obj,
                (flags & D3D11_MAP_FLAG_DO_NOT_WAIT) ? 0 : UINT64_MAX))
            return DXGI_ERROR_WAS_STILL_DRAWING;
        if (d3d11_resource_is_repack(r))
            d3d11_repack_map(r, sub, true);   /* the D3D layout from the planes */
        if (!(ptr = vk_buffer_map(b->buffer)))
            return E_INVALIDARG;
        ptr += b->sub_offset[sub];
    }
    else
    {
        /* Dynamic textures: fresh upload space now, copied into the image at Unmap. */
        if (b->map_ptr)
            return E_INVALIDARG;
        if (!b->plane[0] && !buffer_copyable(r))
            return E_INVALIDARG;
        if (!vk_cs_staging_alloc(ctx_cs(context), size, 16, &b->map_ref, &b->map_ptr))
            return E_OUTOFMEMORY;
        b->map_subresource = sub;
        b->map_context = context;
        ptr = b->map_ptr;
    }
    out->pData = ptr;
    out->RowPitch = (UINT)row;
    out->DepthPitch = (UINT)slice;
    return S_OK;
}

static HRESULT context_map(struct d3d11_context *context, ID3D11Resource *resource, UINT sub, D3D11_MAP type,
        UINT flags, D3D11_MAPPED_SUBRESOURCE *out)
{
    struct d3d11_resource *r = d3d11_resource_from_iface(resource);
    bool read = type == D3D11_MAP_READ || type == D3D11_MAP_READ_WRITE;
    bool write = type != D3D11_MAP_READ;
    HRESULT hr;

    if (out)
        memset(out, 0, sizeof(*out));
    if (!r || !r->backend || !out || sub >= d3d11_resource_subresource_count(r))
        return E_INVALIDARG;
    if (type < D3D11_MAP_READ || type > D3D11_MAP_WRITE_NO_OVERWRITE || (flags & ~D3D11_MAP_FLAG_DO_NOT_WAIT))
        return E_INVALIDARG;
    if ((read && !(r->cpu_access & D3D11_CPU_ACCESS_READ)) || (write && !(r->cpu_access & D3D11_CPU_ACCESS_WRITE)))
        return E_INVALIDARG;
    if (r->usage == D3D11_USAGE_DYNAMIC)
    {
        if (type != D3D11_MAP_WRITE_DISCARD && type != D3D11_MAP_WRITE_NO_OVERWRITE)
            return E_INVALIDARG;
        if (type == D3D11_MAP_WRITE_NO_OVERWRITE && r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
            return E_INVALIDARG;
    }
    else if (type == D3D11_MAP_WRITE_DISCARD || type == D3D11_MAP_WRITE_NO_OVERWRITE)
        return E_INVALIDARG;
    /* Deferred contexts map only dynamic resources, for writing without reading back. */
    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE && r->usage != D3D11_USAGE_DYNAMIC)
        return E_INVALIDARG;
    d3d11_resource_init_contents(r, ctx_cs(context));
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        hr = map_buffer(context, r, type, flags, out);
    else
        hr = map_texture(context, r, sub, type, flags, out);
    if (SUCCEEDED(hr))
        atomic_inc_u32(&r->map_count);
    return hr;
}

HRESULT STDMETHODCALLTYPE d3d11_context_Map(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource, D3D11_MAP MapType, UINT MapFlags, D3D11_MAPPED_SUBRESOURCE *pMappedResource)
{
    struct d3d11_context *context = ctx_from(iface);
    bool locked = ctx_lock(context);
    HRESULT hr = context_map(context, pResource, Subresource, MapType, MapFlags, pMappedResource);

    ctx_unlock(context, locked);
    return hr;
}

static void context_unmap(struct d3d11_context *context, ID3D11Resource *resource, UINT sub)
{
    struct d3d11_resource *r = d3d11_resource_from_iface(resource);
    struct d3d11_resource_backend *b;
    VkBufferImageCopy region;
    size_t row, slice, size;
    UINT w, h, d;

    if (!r || !(b = r->backend) || !atomic_load_u32(&r->map_count))
        return;
    atomic_dec_u32(&r->map_count);
    if (d3d11_resource_is_staging_texture(r) && d3d11_resource_is_repack(r) && (r->cpu_access & D3D11_CPU_ACCESS_WRITE))
    {
        d3d11_repack_map(r, sub, false);   /* what the CPU wrote back into the planes */
        return;
    }
    if (!b->map_ptr || b->map_subresource != sub)
        return;
    d3d11_resource_subresource_layout(r, sub, &row, &slice, &size);
    d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
    if (d3d11_resource_is_repack(r))
        d3d11_repack_upload(ctx_cs(b->map_context), r, sub, 0, 0, 0, w, h, d, b->map_ptr, row, slice);
    else if (b->plane[0])
    {
        /* Emulated planar formats: the luma rows, then the chroma rows at row * height. */
        struct vk_bufref ref = b->map_ref;
        UINT p;

        for (p = 0; p < 2; ++p)
        {
            ref.offset = b->map_ref.offset + (p ? row * h : 0);
            d3d11_resource_buffer_region(b->plane[p], sub, 0, row, row * (h >> p), 0, 0, 0, w >> p, h >> p, 1, &region);
            vk_cs_cmd_copy_buffer_to_image(ctx_cs(b->map_context), b->plane[p]->backend->image, &ref, &region);
        }
    }
    else
    {
        d3d11_resource_buffer_region(r, sub, 0, row, slice, 0, 0, 0, w, h, d, &region);
        vk_cs_cmd_copy_buffer_to_image(ctx_cs(b->map_context), b->image, &b->map_ref, &region);
    }
    b->map_ptr = NULL;
    b->map_context = NULL;
}

void STDMETHODCALLTYPE d3d11_context_Unmap(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource)
{
    LOCKED_VOID(context_unmap(c_, pResource, Subresource));
}

/* Queries ---------------------------------------------------------------------------------- */

void STDMETHODCALLTYPE d3d11_context_Begin(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    struct d3d11_query *q = d3d11_query_from_iface(pAsync);

    if (q)
        LOCKED_VOID(d3d11_query_begin(q, c_, ctx_cs(c_)));
}

void STDMETHODCALLTYPE d3d11_context_End(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    struct d3d11_query *q = d3d11_query_from_iface(pAsync);

    if (q)
        LOCKED_VOID(d3d11_query_end(q, c_, ctx_cs(c_)));
}

HRESULT STDMETHODCALLTYPE d3d11_context_GetData(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync, void *pData, UINT DataSize, UINT GetDataFlags)
{
    struct d3d11_query *q = d3d11_query_from_iface(pAsync);
    struct d3d11_context *context = ctx_from(iface);
    bool locked;
    HRESULT hr;

    if (!q)
        return E_INVALIDARG;
    locked = ctx_lock(context);
    hr = d3d11_query_get_data(q, context, ctx_cs(context), pData, DataSize, GetDataFlags);
    ctx_unlock(context, locked);
    return hr;
}

/* Copies ------------------------------------------------------------------------------------ */

/* The byte offset of texel block (x, y, z) in a staging texture's subresource. */
static VkDeviceSize staging_offset(const struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z,
        size_t *row, size_t *slice)
{
    size_t size;

    d3d11_resource_subresource_layout(r, sub, row, slice, &size);
    return r->backend->sub_offset[sub] + (VkDeviceSize)z * *slice + (VkDeviceSize)(y / r->info->block_height) * *row
            + (VkDeviceSize)(x / r->info->block_width) * r->info->block_bytes;
}

/* One validated region copy between two textures (any of image / staging on either side). */
static void copy_texture_region(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box)
{
    UINT w = box->right - box->left, h = box->bottom - box->top, d = box->back - box->front, row_i, slice_i;
    struct vk_bufref dref, sref;
    VkBufferImageCopy bic;
    size_t drow, dslice, srow, sslice, row_bytes;
    VkDeviceSize doff, soff;
    VkImageCopy ic;
    D3D11_BOX pbox;
    UINT p;

    if (dst->backend->plane[0] && src->backend->plane[0])
    {
        /* Emulated planar formats: plane by plane, the chroma plane at half the coordinates
         * (callers checked that they are even). */
        for (p = 0; p < 2; ++p)
        {
            pbox = *box;
            pbox.left >>= p;
            pbox.right >>= p;
            pbox.top >>= p;
            pbox.bottom >>= p;
            copy_texture_region(cs, dst->backend->plane[p], dsub, x >> p, y >> p, z, src->backend->plane[p], ssub, &pbox);
        }
        return;
    }
    if (is_image(dst) && is_image(src))
    {
        memset(&ic, 0, sizeof(ic));
        d3d11_resource_vk_subresource(src, ssub, &ic.srcSubresource);
        d3d11_resource_vk_subresource(dst, dsub, &ic.dstSubresource);
        ic.srcOffset.x = box->left;
        ic.srcOffset.y = box->top;
        ic.srcOffset.z = box->front;
        ic.dstOffset.x = x;
        ic.dstOffset.y = y;
        ic.dstOffset.z = z;
        ic.extent.width = w;
        ic.extent.height = h;
        ic.extent.depth = d;
        vk_cs_cmd_copy_image(cs, dst->backend->image, src->backend->image, &ic);
        return;
    }
    if (is_image(src) && d3d11_resource_is_repack(src))
    {
        d3d11_repack_download(cs, dst, dsub, x, y, z, src, ssub, box);
        return;
    }
    if (is_image(dst) && d3d11_resource_is_repack(dst))
    {
        d3d11_repack_upload_staging(cs, dst, dsub, x, y, z, src, ssub, box);
        return;
    }
    if (is_image(src))
    {
        if (!buffer_copyable(src))
            return;
        doff = staging_offset(dst, dsub, x, y, z, &drow, &dslice);
        vk_buffer_ref(dst->backend->buffer, doff, &dref);
        d3d11_resource_buffer_region(src, ssub, 0, drow, dslice, box->left, box->top, box->front, w, h, d, &bic);
        vk_cs_cmd_copy_image_to_buffer(cs, &dref, src->backend->image, &bic);
        return;
    }
    if (is_image(dst))
    {
        if (!buffer_copyable(dst))
            return;
        soff = staging_offset(src, ssub, box->left, box->top, box->front, &srow, &sslice);
        vk_buffer_ref(src->backend->buffer, soff, &sref);
        d3d11_resource_buffer_region(dst, dsub, 0, srow, sslice, x, y, z, w, h, d, &bic);
        vk_cs_cmd_copy_buffer_to_image(cs, dst->backend->image, &sref, &bic);
        return;
    }
    /* Staging to staging: row by row (combined depth/stencil: plane by plane). */
    if (d3d11_resource_is_repack(src))
    {
        d3d11_repack_copy_staging(cs, dst, dsub, x, y, z, src, ssub, box);
        return;
    }
    d3d11vk_format_pitch(src->info, w, &row_bytes);
    for (slice_i = 0; slice_i < d; ++slice_i)
    {
        for (row_i = 0; row_i < d3d11vk_format_block_rows(src->info, h); ++row_i)
        {
            soff = staging_offset(src, ssub, box->left, box->top, box->front + slice_i, &srow, &sslice) + row_i * srow;
            doff = staging_offset(dst, dsub, x, y, z + slice_i, &drow, &dslice) + row_i * drow;
            vk_buffer_ref(src->backend->buffer, soff, &sref);
            vk_buffer_ref(dst->backend->buffer, doff, &dref);
            vk_cs_cmd_copy_buffer(cs, &dref, &sref, row_bytes);
        }
    }
}

/* A box in block units fits a mip level and is block aligned (edges may end at the level's size). */
static bool box_valid(const struct d3d11_resource *r, UINT mip, const D3D11_BOX *box)
{
    const struct d3d11vk_format_info *info = r->info;
    UINT w, h, d;

    w = d3d11_mip_size(r->width, mip);
    h = d3d11_mip_size(r->height, mip);
    d = d3d11_mip_size(r->depth, mip);
    if (box->left >= box->right || box->top >= box->bottom || box->front >= box->back)
        return false;
    if (box->right > w || box->bottom > h || box->back > d)
        return false;
    if ((box->left % info->block_width) || (box->top % info->block_height))
        return false;
    if ((box->right % info->block_width && box->right != w) || (box->bottom % info->block_height && box->bottom != h))
        return false;
    return true;
}

static void context_copy_region(struct d3d11_context *context, ID3D11Resource *dst_iface, UINT dsub, UINT x, UINT y,
        UINT z, ID3D11Resource *src_iface, UINT ssub, const D3D11_BOX *src_box, UINT flags)
{
    struct d3d11_resource *dst = d3d11_resource_from_iface(dst_iface), *src = d3d11_resource_from_iface(src_iface);
    struct vk_bufref dref, sref;
    D3D11_BOX box, dbox;
    UINT w, h, d, dw, dh;

    if (!dst || !src || !dst->backend || !src->backend || dst->dimension != src->dimension)
        return;
    if (dsub >= d3d11_resource_subresource_count(dst) || ssub >= d3d11_resource_subresource_count(src))
        return;
    if (dst->usage == D3D11_USAGE_IMMUTABLE || (flags & ~(D3D11_COPY_NO_OVERWRITE | D3D11_COPY_DISCARD)))
        return;
    if (!SHARE_OK(context, src, false) || !SHARE_OK(context, dst, true))
        return;
    d3d11_resource_init_contents(src, ctx_cs(context));
    d3d11_resource_init_contents(dst, ctx_cs(context));
    if (dst->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        box.left = src_box ? src_box->left : 0;
        box.right = src_box ? src_box->right : src->width;
        if (box.left >= box.right || box.right > src->width || x >= dst->width || box.right - box.left > dst->width - x)
            return;
        vk_buffer_ref(dst->backend->buffer, x, &dref);
        vk_buffer_ref(src->backend->buffer, box.left, &sref);
        vk_cs_cmd_copy_buffer(ctx_cs(context), &dref, &sref, box.right - box.left);
        return;
    }
    /* D3D11: multisampled and depth-stencil subresources are copied whole (no box, no offset). */
    if (dst->sample_count != src->sample_count)
        return;
    if ((dst->sample_count > 1 || ((dst->bind_flags | src->bind_flags) & D3D11_BIND_DEPTH_STENCIL))
            && (src_box || x || y || z))
        return;
    if (!d3d11vk_format_compatible_for_copy(dst->format, src->format))
        return;
    d3d11_resource_mip_extent(src, ssub % src->mip_levels, &w, &h, &d);
    if (src_box)
        box = *src_box;
    else
    {
        box.left = box.top = box.front = 0;
        box.right = w;
        box.bottom = h;
        box.back = d;
    }
    if (src->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE3D)
        box.front = 0, box.back = 1;
    if (src->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE1D)
        box.top = 0, box.bottom = 1;
    if (!box_valid(src, ssub % src->mip_levels, &box))
        return;
    if ((src->backend->plane[0] || dst->backend->plane[0]) && (!src->backend->plane[0] || !dst->backend->plane[0]
            || ((box.left | box.right | box.top | box.bottom | x | y) & 1)))
    {
        LOG_WARN("Planar copies need planar textures on both sides and even coordinates.");
        return;
    }
    /* The destination box, in destination texels (block <-> texel copies scale by the block). */
    dw = (box.right - box.left) / src->info->block_width * dst->info->block_width;
    dh = (box.bottom - box.top) / src->info->block_height * dst->info->block_height;
    if ((box.right - box.left) % src->info->block_width)
        dw = dst->info->block_width == 1 ? (box.right - box.left + src->info->block_width - 1) / src->info->block_width
                : box.right - box.left;
    if ((box.bottom - box.top) % src->info->block_height)
        dh = dst->info->block_height == 1 ? (box.bottom - box.top + src->info->block_height - 1) / src->info->block_height
                : box.bottom - box.top;
    dbox.left = x;
    dbox.top = y;
    dbox.front = z;
    dbox.right = x + dw;
    dbox.bottom = y + dh;
    dbox.back = z + (box.back - box.front);
    if (dbox.right < x || dbox.bottom < y || dbox.back < z || !box_valid(dst, dsub % dst->mip_levels, &dbox))
        return;
    copy_texture_region(ctx_cs(context), dst, dsub, x, y, z, src, ssub, &box);
}

void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), d3d11_resource_from_iface(pSrcResource),
            context_copy_region(c_, pDstResource, DstSubresource, DstX, DstY, DstZ, pSrcResource, SrcSubresource, pSrcBox, 0));
}

void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox, UINT CopyFlags)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), d3d11_resource_from_iface(pSrcResource),
            context_copy_region(c_, pDstResource, DstSubresource, DstX, DstY, DstZ, pSrcResource, SrcSubresource, pSrcBox, CopyFlags));
}

static void context_copy_resource(struct d3d11_context *context, ID3D11Resource *dst_iface, ID3D11Resource *src_iface)
{
    struct d3d11_resource *dst = d3d11_resource_from_iface(dst_iface), *src = d3d11_resource_from_iface(src_iface);
    struct vk_bufref dref, sref;
    UINT sub, w, h, d;
    D3D11_BOX box;

    if (!dst || !src || dst == src || !dst->backend || !src->backend || dst->usage == D3D11_USAGE_IMMUTABLE)
        return;
    if (dst->dimension != src->dimension || dst->mip_levels != src->mip_levels || dst->array_size != src->array_size
            || dst->sample_count != src->sample_count)
        return;
    if (!SHARE_OK(context, src, false) || !SHARE_OK(context, dst, true))
        return;
    d3d11_resource_init_contents(src, ctx_cs(context));
    d3d11_resource_init_contents(dst, ctx_cs(context));
    if (dst->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        if (dst->width != src->width)
            return;
        vk_buffer_ref(dst->backend->buffer, 0, &dref);
        vk_buffer_ref(src->backend->buffer, 0, &sref);
        vk_cs_cmd_copy_buffer(ctx_cs(context), &dref, &sref, src->width);
        return;
    }
    if (!d3d11vk_format_compatible_for_copy(dst->format, src->format))
        return;
    /* Same size in blocks (BC <-> uint copies: the uncompressed side is 1/4 the size). */
    if ((dst->width + dst->info->block_width - 1) / dst->info->block_width
            != (src->width + src->info->block_width - 1) / src->info->block_width
            || (dst->height + dst->info->block_height - 1) / dst->info->block_height
            != (src->height + src->info->block_height - 1) / src->info->block_height || dst->depth != src->depth)
        return;
    /* Two staging textures of one layout: one buffer copy. */
    if (d3d11_resource_is_staging_texture(dst) && d3d11_resource_is_staging_texture(src)
            && dst->info->block_bytes == src->info->block_bytes && dst->info->block_width == src->info->block_width
            && dst->info->block_height == src->info->block_height && dst->width == src->width && dst->height == src->height)
    {
        vk_buffer_ref(dst->backend->buffer, 0, &dref);
        vk_buffer_ref(src->backend->buffer, 0, &sref);
        vk_cs_cmd_copy_buffer(ctx_cs(context), &dref, &sref, src->backend->buffer->desc.size);
        return;
    }
    for (sub = 0; sub < d3d11_resource_subresource_count(src); ++sub)
    {
        d3d11_resource_mip_extent(src, sub % src->mip_levels, &w, &h, &d);
        box.left = box.top = box.front = 0;
        box.right = w;
        box.bottom = h;
        box.back = d;
        copy_texture_region(ctx_cs(context), dst, sub, 0, 0, 0, src, sub, &box);
    }
}

void STDMETHODCALLTYPE d3d11_context_CopyResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, ID3D11Resource *pSrcResource)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), d3d11_resource_from_iface(pSrcResource), context_copy_resource(c_, pDstResource, pSrcResource));
}

static void update_resource(struct d3d11_context *context, struct d3d11_resource *r, UINT sub, const D3D11_BOX *dst_box,
        const void *data, UINT row_pitch, UINT depth_pitch, UINT flags)
{
    struct vk_cs *cs = ctx_cs(context);
    size_t row, slice, size, rows;
    struct vk_bufref ref, dref;
    VkBufferImageCopy region;
    D3D11_BOX box;
    UINT w, h, d, i, j;
    void *ptr;

    if (!r || !r->backend || !data || sub >= d3d11_resource_subresource_count(r))
        return;
    if (r->usage == D3D11_USAGE_IMMUTABLE || r->sample_count > 1 || (r->bind_flags & D3D11_BIND_DEPTH_STENCIL))
        return;
    if ((flags & ~(D3D11_COPY_NO_OVERWRITE | D3D11_COPY_DISCARD)) || !SHARE_OK(context, r, true))
        return;
    d3d11_resource_init_contents(r, cs);
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        box.left = dst_box ? dst_box->left : 0;
        box.right = dst_box ? dst_box->right : r->width;
        if (box.left >= box.right || box.right > r->width)
            return;
        if (!vk_cs_staging_alloc(cs, box.right - box.left, 16, &ref, &ptr))
            return;
        memcpy(ptr, data, box.right - box.left);
        vk_buffer_ref(r->backend->buffer, box.left, &dref);
        vk_cs_cmd_copy_buffer(cs, &dref, &ref, box.right - box.left);
        return;
    }
    d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
    if (dst_box)
        box = *dst_box;
    else
    {
        box.left = box.top = box.front = 0;
        box.right = w;
        box.bottom = h;
        box.back = d;
    }
    if (!box_valid(r, sub % r->mip_levels, &box))
        return;
    if (r->backend->plane[0])
    {
        D3D11_BOX pbox;
        UINT p;

        /* Emulated planar formats: the luma rows, then the chroma rows from row_pitch * rows
         * on (the D3D layout of the box), each plane at its own scale. */
        if ((box.left | box.right | box.top | box.bottom) & 1)
        {
            LOG_WARN("Planar updates need even box coordinates.");
            return;
        }
        for (p = 0; p < 2; ++p)
        {
            pbox = box;
            pbox.left >>= p;
            pbox.right >>= p;
            pbox.top >>= p;
            pbox.bottom >>= p;
            update_resource(context, r->backend->plane[p], sub, &pbox, (const uint8_t *)data
                    + (p ? (size_t)row_pitch * (box.bottom - box.top) : 0), row_pitch, depth_pitch, flags);
        }
        return;
    }
    w = box.right - box.left;
    h = box.bottom - box.top;
    d = box.back - box.front;
    rows = d3d11vk_format_block_rows(r->info, h);
    if (!d3d11vk_format_pitch(r->info, w, &row) || !size_mul_ok(row, rows, &slice) || !size_mul_ok(slice, d, &size))
        return;
    if (!is_image(r))
    {
        /* Staging textures: rows into the host buffer through the stream (ordered with copies). */
        if (d3d11_resource_is_repack(r))
        {
            d3d11_repack_update_staging(cs, r, sub, box.left, box.top, box.front, w, h, d, data, row_pitch, depth_pitch);
            return;
        }
        for (j = 0; j < d; ++j)
            for (i = 0; i < rows; ++i)
            {
                if (!vk_cs_staging_alloc(cs, row, 16, &ref, &ptr))
                    return;
                memcpy(ptr, (const uint8_t *)data + (size_t)j * depth_pitch + (size_t)i * row_pitch, row);
                vk_buffer_ref(r->backend->buffer, staging_offset(r, sub, box.left, box.top + i * r->info->block_height,
                        box.front + j, &size, &slice), &dref);
                vk_cs_cmd_copy_buffer(cs, &dref, &ref, row);
            }
        return;
    }
    if (d3d11_resource_is_repack(r))
    {
        d3d11_repack_upload(cs, r, sub, box.left, box.top, box.front, w, h, d, data, row_pitch, depth_pitch);
        return;
    }
    if (!buffer_copyable(r) || !vk_cs_staging_alloc(cs, size, 16, &ref, &ptr))
        return;
    d3d11_copy_rows(ptr, row, slice, data, row_pitch, depth_pitch, row, (UINT)rows, d);
    d3d11_resource_buffer_region(r, sub, 0, row, slice, box.left, box.top, box.front, w, h, d, &region);
    vk_cs_cmd_copy_buffer_to_image(cs, r->backend->image, &ref, &region);
}

static void context_update(struct d3d11_context *context, ID3D11Resource *dst_iface, UINT sub, const D3D11_BOX *dst_box,
        const void *data, UINT row_pitch, UINT depth_pitch, UINT flags)
{
    update_resource(context, d3d11_resource_from_iface(dst_iface), sub, dst_box, data, row_pitch, depth_pitch, flags);
}

void STDMETHODCALLTYPE d3d11_context_UpdateSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), NULL,
            context_update(c_, pDstResource, DstSubresource, pDstBox, pSrcData, SrcRowPitch, SrcDepthPitch, 0));
}

void STDMETHODCALLTYPE d3d11_context_UpdateSubresource1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch, UINT CopyFlags)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), NULL,
            context_update(c_, pDstResource, DstSubresource, pDstBox, pSrcData, SrcRowPitch, SrcDepthPitch, CopyFlags));
}

static void context_copy_structure_count(struct d3d11_context *context, ID3D11Buffer *dst_iface, UINT offset,
        ID3D11UnorderedAccessView *uav)
{
    struct d3d11_resource *dst = d3d11_buffer_from_iface(dst_iface);
    struct d3d11_view *v = d3d11_view_from_iface(uav);
    struct vk_bufref dref, sref;

    if (!dst || !v || v->kind != D3D11_VIEW_UAV || (offset & 3) || offset > dst->width - 4 || dst->width < 4)
        return;
    if (!v->backend || !v->backend->counter || !SHARE_OK(context, dst, true))
        return;
    d3d11_resource_init_contents(dst, ctx_cs(context));
    vk_buffer_ref(dst->backend->buffer, offset, &dref);
    vk_buffer_ref(v->backend->counter, 0, &sref);
    vk_cs_cmd_copy_buffer(ctx_cs(context), &dref, &sref, 4);
}

void STDMETHODCALLTYPE d3d11_context_CopyStructureCount(ID3D11DeviceContext4 *iface, ID3D11Buffer *pDstBuffer, UINT DstAlignedByteOffset, ID3D11UnorderedAccessView *pSrcView)
{
    LOCKED_VOID(context_copy_structure_count(c_, pDstBuffer, DstAlignedByteOffset, pSrcView));
}

/* Clears -------------------------------------------------------------------------------------- */

static void color_value(DXGI_FORMAT format, const FLOAT color[4], VkClearValue *value)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format);
    unsigned int i;

    memset(value, 0, sizeof(*value));
    for (i = 0; i < 4; ++i)
    {
        if (info && (info->flags & D3D11VK_FORMAT_UINT))
            value->color.uint32[i] = color[i] <= 0.0f ? 0 : color[i] >= 4294967295.0f ? 0xffffffffu : (uint32_t)color[i];
        else if (info && (info->flags & D3D11VK_FORMAT_SINT))
            value->color.int32[i] = color[i] <= -2147483648.0f ? INT32_MIN : color[i] >= 2147483647.0f ? INT32_MAX
                    : (int32_t)color[i];
        else
            value->color.float32[i] = color[i];
    }
}

static void clear_view_rects(struct d3d11_context *context, struct d3d11_view *v, const VkClearValue *value,
        VkImageAspectFlags aspects, const D3D11_RECT *rects, UINT count)
{
    VkRect2D vk_rects[VK_CMD_CLEAR_VIEW_MAX_RECTS];
    UINT i, n = 0;

    if (!v->backend || !v->backend->view)
    {
        FIXME("Clears of buffer views are not implemented yet.");
        return;
    }
    if (!SHARE_OK(context, v->resource, true))
        return;
    d3d11_resource_init_contents(v->resource, ctx_cs(context));
    if (!count)
    {
        vk_cs_cmd_clear_view(ctx_cs(context), v->backend->view, value, aspects, NULL, 0);
        return;
    }
    for (i = 0; i < count; ++i)
    {
        if (rects[i].right <= rects[i].left || rects[i].bottom <= rects[i].top || rects[i].right <= 0 || rects[i].bottom <= 0)
            continue;
        vk_rects[n].offset.x = rects[i].left > 0 ? rects[i].left : 0;
        vk_rects[n].offset.y = rects[i].top > 0 ? rects[i].top : 0;
        vk_rects[n].extent.width = rects[i].right - vk_rects[n].offset.x;
        vk_rects[n].extent.height = rects[i].bottom - vk_rects[n].offset.y;
        if (++n == VK_CMD_CLEAR_VIEW_MAX_RECTS || i + 1 == count)
        {
            vk_cs_cmd_clear_view(ctx_cs(context), v->backend->view, value, aspects, vk_rects, n);
            n = 0;
        }
    }
    if (n)
        vk_cs_cmd_clear_view(ctx_cs(context), v->backend->view, value, aspects, vk_rects, n);
}

static void clear_view_pattern(struct d3d11_context *context, struct d3d11_view *v, const FLOAT *color,
        const D3D11_RECT *rects, UINT count);

void STDMETHODCALLTYPE d3d11_context_ClearRenderTargetView(ID3D11DeviceContext4 *iface, ID3D11RenderTargetView *pRenderTargetView, const FLOAT ColorRGBA[4])
{
    struct d3d11_view *v = d3d11_view_from_iface(pRenderTargetView);
    VkClearValue value;

    if (!v || v->kind != D3D11_VIEW_RTV || !ColorRGBA)
        return;
    if (v->resource->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        PREDICATED_VOID(v->resource, NULL, clear_view_pattern(c_, v, ColorRGBA, NULL, 0));
        return;
    }
    color_value(v->format, ColorRGBA, &value);
    PREDICATED_VOID(v->resource, NULL, clear_view_rects(c_, v, &value, VK_IMAGE_ASPECT_COLOR_BIT, NULL, 0));
}

void STDMETHODCALLTYPE d3d11_context_ClearDepthStencilView(ID3D11DeviceContext4 *iface, ID3D11DepthStencilView *pDepthStencilView, UINT ClearFlags, FLOAT Depth, UINT8 Stencil)
{
    struct d3d11_view *v = d3d11_view_from_iface(pDepthStencilView);
    const struct d3d11vk_format_info *info;
    VkImageAspectFlags aspects = 0;
    VkClearValue value;

    if (!v || v->kind != D3D11_VIEW_DSV)
        return;
    info = d3d11vk_format_get(v->format);
    if ((ClearFlags & D3D11_CLEAR_DEPTH) && (info->flags & D3D11VK_FORMAT_DEPTH))
        aspects |= VK_IMAGE_ASPECT_DEPTH_BIT;
    if ((ClearFlags & D3D11_CLEAR_STENCIL) && (info->flags & D3D11VK_FORMAT_STENCIL))
        aspects |= VK_IMAGE_ASPECT_STENCIL_BIT;
    if (!aspects)
        return;
    memset(&value, 0, sizeof(value));
    value.depthStencil.depth = Depth < 0.0f ? 0.0f : Depth > 1.0f ? 1.0f : Depth;
    value.depthStencil.stencil = Stencil;
    PREDICATED_VOID(v->resource, NULL, clear_view_rects(c_, v, &value, aspects, NULL, 0));
}

/* The row of the image's own VkFormat (a typeless resource's image uses a member's format). */
static const struct d3d11vk_format_info *image_format_info(const struct d3d11_resource *r)
{
    const struct d3d11vk_format_info *m;
    UINT f;

    if (!(r->info->flags & D3D11VK_FORMAT_TYPELESS))
        return r->info;
    for (f = 1; f < 256; ++f)
        if ((m = d3d11vk_format_get(f)) && m->typeless == r->info->dxgi && !(m->flags & D3D11VK_FORMAT_TYPELESS)
                && m->vk == r->backend->vk_format)
            return m;
    return r->info;
}

static float half_to_float(uint16_t h)
{
    uint32_t sign = (uint32_t)(h >> 15) << 31, exp = (h >> 10) & 0x1f, mant = h & 0x3ff, bits;
    float f;

    if (!exp)
    {
        f = mant / 16777216.0f;   /* 2^-24 */
        return sign ? -f : f;
    }
    if (exp == 31)
        bits = sign | 0x7f800000u | (mant << 13);
    else
        bits = sign | ((exp + 112) << 23) | (mant << 13);
    memcpy(&f, &bits, sizeof(f));
    return f;
}

/* ClearUnorderedAccessViewUint/Float on a texture: the value in the image's own format. */
static bool uav_clear_value(const struct d3d11_resource *r, const struct d3d11_view *v, const UINT *u, const FLOAT *f,
        VkClearColorValue *out)
{
    const struct d3d11vk_format_info *img = image_format_info(r);
    unsigned int i, bits = img->block_bytes * 8;
    uint32_t mask;

    memset(out, 0, sizeof(*out));
    /* Channels of equal width: 4 for RGBA-like rows is an overestimate that the masks absorb
     * only for integer images; bit copies into normalized/float images need the width. */
    if (img->flags & (D3D11VK_FORMAT_UINT | D3D11VK_FORMAT_SINT))
    {
        for (i = 0; i < 4; ++i)
            out->uint32[i] = u ? u[i] : (img->flags & D3D11VK_FORMAT_UINT) ? (uint32_t)(f[i] < 0 ? 0 : f[i])
                    : (uint32_t)(int32_t)f[i];
        return true;
    }
    if (f)
    {
        for (i = 0; i < 4; ++i)
            out->float32[i] = f[i];
        return true;
    }
    /* Bit copies into non-integer images: the per-channel width from the row's size and name. */
    if (img->flags & D3D11VK_FORMAT_PACKED)
        return false;
    if (!strncmp(img->name, "R32G32B32A32", 12) || !strncmp(img->name, "R32G32", 6) || !strncmp(img->name, "R32_", 4))
        bits = 32;
    else if (!strncmp(img->name, "R16G16B16A16", 12) || !strncmp(img->name, "R16G16_", 7) || !strncmp(img->name, "R16_", 4))
        bits = 16;
    else if (!strncmp(img->name, "R8G8B8A8", 8) || !strncmp(img->name, "B8G8R8A8", 8) || !strncmp(img->name, "R8G8_", 5)
            || !strncmp(img->name, "R8_", 3) || !strncmp(img->name, "A8_", 3) || !strncmp(img->name, "B8G8R8X8", 8))
        bits = 8;
    else
        return false;
    mask = bits == 32 ? 0xffffffffu : (1u << bits) - 1;
    for (i = 0; i < 4; ++i)
    {
        uint32_t b = u[i] & mask;
        if (img->flags & D3D11VK_FORMAT_FLOAT)
        {
            if (bits == 32)
                memcpy(&out->float32[i], &b, 4);
            else if (bits == 16)
                out->float32[i] = half_to_float((uint16_t)b);
            else
                return false;
        }
        else if (img->flags & D3D11VK_FORMAT_UNORM)
            out->float32[i] = (float)b / (float)mask;
        else if (img->flags & D3D11VK_FORMAT_SNORM)
        {
            int32_t s = (int32_t)(b << (32 - bits)) >> (32 - bits);
            float x = (float)s / (float)(mask >> 1);
            out->float32[i] = x < -1.0f ? -1.0f : x;
        }
        else
            return false;
    }
    return true;
}

/* A half float from a float (round to nearest even; overflow to infinity, NaN kept). */
static uint16_t float_to_half(float f)
{
    uint32_t x, sign, mant;
    int32_t exp;

    memcpy(&x, &f, 4);
    sign = (x >> 16) & 0x8000;
    exp = (int32_t)((x >> 23) & 0xff) - 127 + 15;
    mant = x & 0x7fffff;
    if (((x >> 23) & 0xff) == 0xff)
        return (uint16_t)(sign | 0x7c00 | (mant ? 0x200 : 0));
    if (exp >= 31)
        return (uint16_t)(sign | 0x7c00);
    if (exp <= 0)
    {
        uint32_t shift, half, rem;
        if (exp < -10)
            return (uint16_t)sign;
        mant |= 0x800000;
        shift = (uint32_t)(14 - exp);
        half = mant >> shift;
        rem = mant & ((1u << shift) - 1);
        if (rem > (1u << (shift - 1)) || (rem == (1u << (shift - 1)) && (half & 1)))
            ++half;
        return (uint16_t)(sign | half);
    }
    {
        uint32_t h = ((uint32_t)exp << 10) | (mant >> 13), rem = mant & 0x1fff;
        if (rem > 0x1000 || (rem == 0x1000 && (h & 1)))
            ++h;
        return (uint16_t)(sign | h);
    }
}

/* Packs a typed UAV clear value into one texel of format info (channels named in the format's
 * name, least significant bits first). Uint clears copy the low bits of each value; float
 * clears convert as the format stores. False for layouts not handled (R11G11B10 float values,
 * shared exponents, video formats). */
static bool pack_uav_clear(const struct d3d11vk_format_info *info, const UINT *u, const FLOAT *f, uint8_t *out)
{
    unsigned int bits[4] = {0}, count = 0, pos = 0, i, b;
    const char *p = info->name;

    memset(out, 0, 16);
    while (count < 4 && (*p == 'R' || *p == 'G' || *p == 'B' || *p == 'A'))
    {
        ++p;
        bits[count] = 0;
        while (*p >= '0' && *p <= '9')
            bits[count] = bits[count] * 10 + (unsigned int)(*p++ - '0');
        if (!bits[count] || bits[count] > 32)
            return false;
        ++count;
    }
    if (!count || *p != '_' || info->block_width != 1 || (info->flags & (D3D11VK_FORMAT_VIDEO | D3D11VK_FORMAT_PLANAR)))
        return false;
    for (i = 0; i < count; ++i)
    {
        uint64_t mask = bits[i] == 32 ? 0xffffffffu : ((1ull << bits[i]) - 1), v;
        if (u)
            v = u[i] & mask;
        else if (info->flags & D3D11VK_FORMAT_FLOAT)
        {
            if (bits[i] == 32)
            {
                uint32_t w;
                memcpy(&w, &f[i], 4);
                v = w;
            }
            else if (bits[i] == 16)
                v = float_to_half(f[i]);
            else
                return false;
        }
        else if (info->flags & D3D11VK_FORMAT_UNORM)
        {
            float x = f[i] > 0.0f ? (f[i] < 1.0f ? f[i] : 1.0f) : 0.0f;
            v = (uint64_t)((double)x * (double)mask + 0.5);
        }
        else if (info->flags & D3D11VK_FORMAT_SNORM)
        {
            float x = f[i] > -1.0f ? (f[i] < 1.0f ? f[i] : 1.0f) : -1.0f;
            double m = (double)(mask >> 1), y = (double)x * m;
            v = (uint64_t)(int64_t)(y < 0 ? y - 0.5 : y + 0.5) & mask;
        }
        else if (info->flags & D3D11VK_FORMAT_SINT)
        {
            double lo = -(double)((mask >> 1) + 1), hi = (double)(mask >> 1), x = f[i];
            x = x < lo ? lo : x > hi ? hi : x;
            v = (uint64_t)(int64_t)x & mask;
        }
        else if (info->flags & D3D11VK_FORMAT_UINT)
        {
            double x = f[i] > 0.0f ? f[i] : 0.0;
            v = x >= (double)mask ? mask : (uint64_t)x;
        }
        else
            return false;
        for (b = 0; b < bits[i]; ++b, ++pos)
            if (v & (1ull << b))
                out[pos / 8] |= (uint8_t)(1u << (pos % 8));
    }
    return pos == info->block_bytes * 8u;
}

/* The sRGB encoding of a linear value (clamped to [0, 1]). */
static float linear_to_srgb(float x)
{
    if (!(x > 0.0f))
        return 0.0f;
    if (x >= 1.0f)
        return 1.0f;
    return x <= 0.0031308f ? x * 12.92f : 1.055f * powf(x, 1.0f / 2.4f) - 0.055f;
}

/* Repeats one texel over size bytes of a buffer: a fill for 4-byte texels, else a pattern
 * uploaded once and copied. */
static void fill_buffer_pattern(struct vk_cs *cs, struct vk_buffer *buffer, VkDeviceSize offset, VkDeviceSize size,
        const uint8_t *texel, UINT bytes)
{
    VkDeviceSize done = 0, chunk;
    struct vk_bufref ref, dref;
    uint8_t *ptr;
    uint32_t word;
    size_t i;

    if (bytes == 4 && !(offset & 3))
    {
        memcpy(&word, texel, 4);
        vk_buffer_ref(buffer, offset, &ref);
        vk_cs_cmd_fill_buffer(cs, &ref, size & ~(VkDeviceSize)3, word);
        return;
    }
    chunk = size < 65536 ? size : 65536 / bytes * bytes;
    if (!chunk || !vk_cs_staging_alloc(cs, chunk, 16, &ref, (void **)&ptr))
        return;
    for (i = 0; i + bytes <= chunk; i += bytes)
        memcpy(ptr + i, texel, bytes);
    while (done < size)
    {
        VkDeviceSize n = size - done < chunk ? size - done : chunk;
        vk_buffer_ref(buffer, offset + done, &dref);
        vk_cs_cmd_copy_buffer(cs, &dref, &ref, n);
        done += n;
    }
}

/* Typed buffer UAVs: the converted value over the view's elements. */
static void clear_typed_buffer_uav(struct d3d11_context *context, struct d3d11_view *v,
        const struct d3d11vk_format_info *info, const UINT *u, const FLOAT *f)
{
    uint8_t texel[16];

    if (!info || !pack_uav_clear(info, u, f, texel))
    {
        FIXME("Clears of typed %s buffer UAVs with these values are not implemented.", info ? info->name : "?");
        return;
    }
    fill_buffer_pattern(ctx_cs(context), v->resource->backend->buffer, v->buffer_offset, v->buffer_size, texel,
            info->block_bytes);
}

/* ClearView on UAVs (with rects) and on buffer RTVs: the colour packed as the view's format
 * stores it, written with buffer fills/copies (buffers: rect x ranges are elements) or with
 * buffer -> image copies of a uploaded block per rect and layer (images). */
static void clear_view_pattern(struct d3d11_context *context, struct d3d11_view *v, const FLOAT *color,
        const D3D11_RECT *rects, UINT count)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(v->format);
    struct d3d11_resource *r = v->resource;
    struct vk_cs *cs = ctx_cs(context);
    UINT i, layer, elements, w, h, d, x0, y0, x1, y1, bytes;
    D3D11_RECT whole;
    VkBufferImageCopy region;
    struct vk_bufref ref;
    uint8_t texel[16], *ptr;
    FLOAT srgb[4];
    size_t n, k;

    if (!SHARE_OK(context, r, true))
        return;
    if (info && (info->flags & D3D11VK_FORMAT_SRGB))
    {
        /* The colour is linear; sRGB views store it encoded (alpha stays linear). */
        for (i = 0; i < 4; ++i)
            srgb[i] = i < 3 ? linear_to_srgb(color[i]) : color[i];
        color = srgb;
    }
    if (!info || !pack_uav_clear(info, NULL, color, texel))
    {
        FIXME("ClearView of %s views is not implemented.", info ? info->name : "?");
        return;
    }
    bytes = info->block_bytes;
    d3d11_resource_init_contents(r, cs);
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        elements = (UINT)(v->buffer_size / bytes);
        if (!count)
        {
            fill_buffer_pattern(cs, r->backend->buffer, v->buffer_offset, (VkDeviceSize)elements * bytes, texel, bytes);
            return;
        }
        for (i = 0; i < count; ++i)
        {
            x0 = rects[i].left > 0 ? (UINT)rects[i].left : 0;
            x1 = rects[i].right > 0 ? (UINT)rects[i].right : 0;
            if (x1 > elements)
                x1 = elements;
            if (x0 < x1 && rects[i].bottom > rects[i].top)
                fill_buffer_pattern(cs, r->backend->buffer, v->buffer_offset + (VkDeviceSize)x0 * bytes,
                        (VkDeviceSize)(x1 - x0) * bytes, texel, bytes);
        }
        return;
    }
    if (!is_image(r) || info->block_width != 1)
        return;
    w = d3d11_mip_size(r->width, v->first_mip);
    h = d3d11_mip_size(r->height, v->first_mip);
    d = d3d11_mip_size(r->depth, v->first_mip);
    if (!count)
    {
        whole.left = whole.top = 0;
        whole.right = (LONG)w;
        whole.bottom = (LONG)h;
        rects = &whole;
        count = 1;
    }
    for (i = 0; i < count; ++i)
    {
        x0 = rects[i].left > 0 ? (UINT)rects[i].left : 0;
        y0 = rects[i].top > 0 ? (UINT)rects[i].top : 0;
        x1 = rects[i].right > 0 ? (UINT)rects[i].right : 0;
        y1 = rects[i].bottom > 0 ? (UINT)rects[i].bottom : 0;
        if (x1 > w)
            x1 = w;
        if (y1 > h)
            y1 = h;
        if (x0 >= x1 || y0 >= y1)
            continue;
        n = (size_t)(x1 - x0) * (y1 - y0);
        if (!vk_cs_staging_alloc(cs, n * bytes, 16, &ref, (void **)&ptr))
            return;
        for (k = 0; k < n; ++k)
            memcpy(ptr + k * bytes, texel, bytes);
        for (layer = 0; layer < v->layer_count; ++layer)
        {
            memset(&region, 0, sizeof(region));
            region.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
            region.imageSubresource.mipLevel = v->first_mip;
            region.imageSubresource.layerCount = 1;
            region.imageOffset.x = (int32_t)x0;
            region.imageOffset.y = (int32_t)y0;
            region.imageExtent.width = x1 - x0;
            region.imageExtent.height = y1 - y0;
            region.imageExtent.depth = 1;
            if (r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
            {
                if (v->first_layer + layer >= d)
                    break;
                region.imageOffset.z = (int32_t)(v->first_layer + layer);
            }
            else
                region.imageSubresource.baseArrayLayer = v->first_layer + layer;
            vk_cs_cmd_copy_buffer_to_image(cs, r->backend->image, &ref, &region);
        }
    }
}

static void context_clear_uav(struct d3d11_context *context, ID3D11UnorderedAccessView *uav, const UINT *u, const FLOAT *f)
{
    struct d3d11_view *v = d3d11_view_from_iface(uav);
    VkImageSubresourceRange range;
    struct d3d11_resource *r;
    VkClearColorValue color;
    struct vk_bufref ref;
    uint32_t word;

    if (!v || v->kind != D3D11_VIEW_UAV || !SHARE_OK(context, v->resource, true))
        return;
    r = v->resource;
    d3d11_resource_init_contents(r, ctx_cs(context));
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get(v->format);
        /* Raw, structured and single 32-bit channel views: a buffer fill with the first value. */
        if (v->format != DXGI_FORMAT_UNKNOWN && v->format != DXGI_FORMAT_R32_TYPELESS
                && !(info && info->block_bytes == 4 && !strncmp(info->name, "R32_", 4)))
        {
            clear_typed_buffer_uav(context, v, info, u, f);
            return;
        }
        if (u)
            word = u[0];
        else if (info && (info->flags & D3D11VK_FORMAT_UINT))
            word = (uint32_t)f[0];
        else if (info && (info->flags & D3D11VK_FORMAT_SINT))
            word = (uint32_t)(int32_t)f[0];
        else
            memcpy(&word, &f[0], 4);
        vk_buffer_ref(r->backend->buffer, v->buffer_offset, &ref);
        vk_cs_cmd_fill_buffer(ctx_cs(context), &ref, v->buffer_size & ~(VkDeviceSize)3, word);
        return;
    }
    if (!is_image(r) || !uav_clear_value(r, v, u, f, &color))
    {
        FIXME("Clears of %s UAVs with these values are not implemented yet.", d3d11vk_format_name(v->format));
        return;
    }
    range.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    range.baseMipLevel = v->first_mip;
    range.levelCount = 1;
    range.baseArrayLayer = r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 0 : v->first_layer;
    range.layerCount = r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 1 : v->layer_count;
    vk_cs_cmd_clear_color_image(ctx_cs(context), r->backend->image, &color, &range);
}

void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewUint(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const UINT Values[4])
{
    if (Values)
        PREDICATED_VOID(view_resource(pUnorderedAccessView), NULL, context_clear_uav(c_, pUnorderedAccessView, Values, NULL));
}

void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewFloat(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const FLOAT Values[4])
{
    if (Values)
        PREDICATED_VOID(view_resource(pUnorderedAccessView), NULL, context_clear_uav(c_, pUnorderedAccessView, NULL, Values));
}

void STDMETHODCALLTYPE d3d11_context_ClearView(ID3D11DeviceContext4 *iface, ID3D11View *pView, const FLOAT Color[4], const D3D11_RECT *pRect, UINT NumRects)
{
    struct d3d11_view *v = d3d11_view_from_iface(pView);
    VkClearValue value;

    if (!v || !Color || (NumRects && !pRect))
        return;
    if (v->kind == D3D11_VIEW_RTV && v->resource->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        PREDICATED_VOID(v->resource, NULL, clear_view_pattern(c_, v, Color, pRect, NumRects));
    else if (v->kind == D3D11_VIEW_RTV)
    {
        color_value(v->format, Color, &value);
        PREDICATED_VOID(v->resource, NULL, clear_view_rects(c_, v, &value, VK_IMAGE_ASPECT_COLOR_BIT, pRect, NumRects));
    }
    else if (v->kind == D3D11_VIEW_DSV)
    {
        /* ClearViewAlsoSupportsDepthOnlyFormats: Color[0] is the depth. */
        memset(&value, 0, sizeof(value));
        value.depthStencil.depth = Color[0] < 0.0f ? 0.0f : Color[0] > 1.0f ? 1.0f : Color[0];
        if (d3d11vk_format_get(v->format)->flags & D3D11VK_FORMAT_STENCIL)
            return;   /* D3D11: depth-only formats only */
        PREDICATED_VOID(v->resource, NULL, clear_view_rects(c_, v, &value, VK_IMAGE_ASPECT_DEPTH_BIT, pRect, NumRects));
    }
    else if (v->kind == D3D11_VIEW_UAV && !NumRects)
        PREDICATED_VOID(v->resource, NULL, context_clear_uav(c_, (ID3D11UnorderedAccessView *)pView, NULL, Color));
    else if (v->kind == D3D11_VIEW_UAV)
        PREDICATED_VOID(v->resource, NULL, clear_view_pattern(c_, v, Color, pRect, NumRects));
}

/* Resolve, mips, discard, LOD -------------------------------------------------------------------- */

/* Whether views of format f with colour attachment usage can be made of an image. */
static bool image_attachable_as(const struct vk_image *image, VkFormat f)
{
    uint32_t i;

    if (!(image->desc.usage & VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT))
        return false;
    if (image->desc.format == f)
        return true;
    if (!(image->desc.flags & VK_IMG_MUTABLE_FORMAT))
        return false;
    for (i = 0; i < image->desc.view_format_count; ++i)
        if (image->formats[i] == f)
            return true;
    return false;
}

static struct vk_image_view *resolve_view(struct vk_image *image, const struct d3d11_resource *r, UINT sub, VkFormat f)
{
    struct vk_image_view_desc desc;
    struct vk_image_view *view;

    memset(&desc, 0, sizeof(desc));
    desc.type = VK_IMAGE_VIEW_TYPE_2D;
    desc.format = f;
    desc.aspects = VK_IMAGE_ASPECT_COLOR_BIT;
    desc.base_mip = r ? sub % r->mip_levels : 0;
    desc.mip_count = 1;
    desc.base_layer = r ? sub / r->mip_levels : 0;
    desc.layer_count = 1;
    desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    return vk_image_view_create(image, &desc, &view) == VK_SUCCESS ? view : NULL;
}

/* ResolveSubresource where the format differs from the images' own (a typeless resource
 * resolved as UNORM or sRGB, or images of two members of a family): the samples are averaged
 * as `format` reads them, by a rendering pass resolve between views of that format. A
 * destination that cannot be an attachment of that format gets the result through a
 * single-sampled scratch image and an image copy (same texel size). */
static void resolve_views(struct d3d11_context *context, struct d3d11_resource *dst, UINT dsub,
        struct d3d11_resource *src, UINT ssub, VkFormat format, UINT w, UINT h)
{
    struct vk_image *dst_image = dst->backend->image, *scratch = NULL;
    struct vk_image_view *src_view = NULL, *dst_view = NULL;
    struct vk_image_desc desc;
    VkExtent2D extent = { w, h };
    VkImageCopy copy;

    if (!image_attachable_as(src->backend->image, format))
    {
        FIXME("Resolves of %s images as VkFormat %d are not implemented.", src->info->name, format);
        return;
    }
    if (!image_attachable_as(dst_image, format))
    {
        memset(&desc, 0, sizeof(desc));
        desc.type = VK_IMAGE_TYPE_2D;
        desc.format = format;
        desc.extent.width = w;
        desc.extent.height = h;
        desc.extent.depth = 1;
        desc.mip_levels = desc.array_layers = 1;
        desc.samples = VK_SAMPLE_COUNT_1_BIT;
        desc.usage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
        desc.domain = VK_MEM_DOMAIN_DEVICE;
        if (vk_image_create(context->device->vk, &desc, &scratch) != VK_SUCCESS)
            return;
    }
    if ((src_view = resolve_view(src->backend->image, src, ssub, format))
            && (dst_view = resolve_view(scratch ? scratch : dst_image, scratch ? NULL : dst, dsub, format)))
    {
        vk_cs_cmd_resolve_views(ctx_cs(context), dst_view, src_view, extent);
        if (scratch)
        {
            memset(&copy, 0, sizeof(copy));
            copy.srcSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
            copy.srcSubresource.layerCount = 1;
            d3d11_resource_vk_subresource(dst, dsub, &copy.dstSubresource);
            copy.extent.width = w;
            copy.extent.height = h;
            copy.extent.depth = 1;
            vk_cs_cmd_copy_image(ctx_cs(context), dst_image, scratch, &copy);
        }
    }
    if (src_view)
        vk_image_view_release(src_view);
    if (dst_view)
        vk_image_view_release(dst_view);
    if (scratch)
        vk_image_release(scratch);
}

static void context_resolve(struct d3d11_context *context, ID3D11Resource *dst_iface, UINT dsub,
        ID3D11Resource *src_iface, UINT ssub, DXGI_FORMAT format)
{
    struct d3d11_resource *dst = d3d11_resource_from_iface(dst_iface), *src = d3d11_resource_from_iface(src_iface);
    const struct d3d11vk_format_info *info;
    VkImageResolve region;
    VkFormat vk_format;
    UINT w, h, d;

    if (!dst || !src || !is_image(dst) || !is_image(src) || src->sample_count <= 1 || dst->sample_count != 1)
        return;
    if (dsub >= d3d11_resource_subresource_count(dst) || ssub >= d3d11_resource_subresource_count(src))
        return;
    if (!d3d11vk_format_compatible_for_view(dst->format, format) && dst->format != format)
        return;
    if (!d3d11vk_format_compatible_for_view(src->format, format) && src->format != format)
        return;
    d3d11_resource_mip_extent(dst, dsub % dst->mip_levels, &w, &h, &d);
    if (w != src->width || h != src->height || !SHARE_OK(context, src, false) || !SHARE_OK(context, dst, true))
        return;
    d3d11_resource_init_contents(src, ctx_cs(context));
    d3d11_resource_init_contents(dst, ctx_cs(context));
    if (!(info = d3d11vk_format_get(format)) || (info->flags & D3D11VK_FORMAT_TYPELESS)
            || (vk_format = d3d11_texture_vk_format(context->device, info, 0, NULL))
            == VK_FORMAT_UNDEFINED)
        return;
    if (dst->backend->vk_format != src->backend->vk_format || vk_format != src->backend->vk_format)
    {
        resolve_views(context, dst, dsub, src, ssub, vk_format, w, h);
        return;
    }
    memset(&region, 0, sizeof(region));
    d3d11_resource_vk_subresource(src, ssub, &region.srcSubresource);
    d3d11_resource_vk_subresource(dst, dsub, &region.dstSubresource);
    region.extent.width = w;
    region.extent.height = h;
    region.extent.depth = 1;
    vk_cs_cmd_resolve_image(ctx_cs(context), dst->backend->image, src->backend->image, &region);
}

void STDMETHODCALLTYPE d3d11_context_ResolveSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, ID3D11Resource *pSrcResource, UINT SrcSubresource, DXGI_FORMAT Format)
{
    PREDICATED_VOID(d3d11_resource_from_iface(pDstResource), d3d11_resource_from_iface(pSrcResource),
            context_resolve(c_, pDstResource, DstSubresource, pSrcResource, SrcSubresource, Format));
}

void STDMETHODCALLTYPE d3d11_context_GenerateMips(ID3D11DeviceContext4 *iface, ID3D11ShaderResourceView *pShaderResourceView)
{
    struct d3d11_view *v = d3d11_view_from_iface(pShaderResourceView);

    if (!v || v->kind != D3D11_VIEW_SRV || !is_image(v->resource)
            || !(v->resource->misc_flags & D3D11_RESOURCE_MISC_GENERATE_MIPS) || v->mip_count < 2)
        return;
    if (!SHARE_OK(ctx_from(iface), v->resource, true))
        return;
    LOCKED_VOID(d3d11_resource_init_contents(v->resource, ctx_cs(c_)));
    PREDICATED_VOID(NULL, NULL, vk_cs_cmd_generate_mips(ctx_cs(c_), v->resource->backend->image, v->first_mip, v->mip_count,
            v->resource->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 0 : v->first_layer,
            v->resource->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 1 : v->layer_count));
}

void STDMETHODCALLTYPE d3d11_context_SetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, FLOAT MinLOD)
{
    struct d3d11_resource *r = d3d11_resource_from_iface(pResource);

    if (r && r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
        r->min_lod = MinLOD < 0.0f ? 0.0f : MinLOD;
}

FLOAT STDMETHODCALLTYPE d3d11_context_GetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    struct d3d11_resource *r = d3d11_resource_from_iface(pResource);

    return r ? r->min_lod : 0.0f;
}

static void discard_range(struct d3d11_context *context, struct d3d11_resource *r, UINT first_mip, UINT mips,
        UINT first_layer, UINT layers)
{
    VkImageSubresourceRange range;

    if (!is_image(r))
        return;
    range.aspectMask = vk_format_aspects(r->backend->vk_format);
    range.baseMipLevel = first_mip;
    range.levelCount = mips;
    range.baseArrayLayer = r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 0 : first_layer;
    range.layerCount = r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 1 : layers;
    vk_cs_cmd_discard_image(ctx_cs(context), r->backend->image, &range);
}

void STDMETHODCALLTYPE d3d11_context_DiscardResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    struct d3d11_resource *r = d3d11_resource_from_iface(pResource);

    /* D3D11: only default and dynamic resources may be discarded. */
    if (r && (r->usage == D3D11_USAGE_DEFAULT || r->usage == D3D11_USAGE_DYNAMIC))
        LOCKED_VOID(discard_range(c_, r, 0, r->mip_levels, 0, r->array_size));
}

void STDMETHODCALLTYPE d3d11_context_DiscardView(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView)
{
    struct d3d11_view *v = d3d11_view_from_iface(pResourceView);

    if (v && v->resource->usage == D3D11_USAGE_DEFAULT)
        LOCKED_VOID(discard_range(c_, v->resource, v->first_mip, v->mip_count, v->first_layer, v->layer_count));
}

void STDMETHODCALLTYPE d3d11_context_DiscardView1(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView, const D3D11_RECT *pRects, UINT NumRects)
{
    /* Discarding part of a view is a hint; only whole views are discarded. */
    if (!NumRects)
        d3d11_context_DiscardView(iface, pResourceView);
}

/* Flush and command lists ------------------------------------------------------------------------ */

void STDMETHODCALLTYPE d3d11_context_Flush(ID3D11DeviceContext4 *iface)
{
    struct d3d11_context *context = ctx_from(iface);

    if (context->type == D3D11_DEVICE_CONTEXT_IMMEDIATE)
        LOCKED_VOID(vk_cs_flush(ctx_cs(c_)));
}

struct d3d11_command_list
{
    ID3D11CommandList ID3D11CommandList_iface;
    struct d3d11vk_child child;
    struct d3d11_device *device;
    struct vk_cmdlist *list;
    UINT context_flags;
};

static const ID3D11CommandListVtbl d3d11_command_list_vtbl;

static inline struct d3d11_command_list *impl_from_ID3D11CommandList(ID3D11CommandList *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_command_list, ID3D11CommandList_iface);
}

static const struct d3d11vk_qi_entry command_list_qi[] =
{
    { &IID_ID3D11CommandList, 0 }, { &IID_ID3D11DeviceChild, 0 },
};

static HRESULT STDMETHODCALLTYPE command_list_QueryInterface(ID3D11CommandList *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_ID3D11CommandList(iface), command_list_qi, ARRAY_SIZE(command_list_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE command_list_AddRef(ID3D11CommandList *iface)
{
    return d3d11vk_child_addref(&impl_from_ID3D11CommandList(iface)->child);
}

static ULONG STDMETHODCALLTYPE command_list_Release(ID3D11CommandList *iface)
{
    return d3d11vk_child_release(&impl_from_ID3D11CommandList(iface)->child);
}

static void STDMETHODCALLTYPE command_list_GetDevice(ID3D11CommandList *iface, ID3D11Device **device)
{
    if (!device)
        return;
    *device = (ID3D11Device *)&impl_from_ID3D11CommandList(iface)->device->ID3D11Device5_iface;
    ID3D11Device_AddRef(*device);
}

static HRESULT STDMETHODCALLTYPE command_list_GetPrivateData(ID3D11CommandList *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_ID3D11CommandList(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE command_list_SetPrivateData(ID3D11CommandList *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_ID3D11CommandList(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE command_list_SetPrivateDataInterface(ID3D11CommandList *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_ID3D11CommandList(iface)->child.private_data, guid, object);
}

static UINT STDMETHODCALLTYPE command_list_GetContextFlags(ID3D11CommandList *iface)
{
    return impl_from_ID3D11CommandList(iface)->context_flags;
}

static const ID3D11CommandListVtbl d3d11_command_list_vtbl =
{
    .QueryInterface = command_list_QueryInterface,
    .AddRef = command_list_AddRef,
    .Release = command_list_Release,
    .GetDevice = command_list_GetDevice,
    .GetPrivateData = command_list_GetPrivateData,
    .SetPrivateData = command_list_SetPrivateData,
    .SetPrivateDataInterface = command_list_SetPrivateDataInterface,
    .GetContextFlags = command_list_GetContextFlags,
};

static void command_list_destroy(struct d3d11vk_child *child)
{
    struct d3d11_command_list *list = CONTAINING_RECORD(child, struct d3d11_command_list, child);

    if (list->list)
        vk_cmdlist_release(list->list);
    free(list);
}

HRESULT STDMETHODCALLTYPE d3d11_context_FinishCommandList(ID3D11DeviceContext4 *iface, BOOL RestoreDeferredContextState, ID3D11CommandList **ppCommandList)
{
    struct d3d11_context *context = ctx_from(iface);
    struct d3d11_command_list *list;

    if (!ppCommandList)
        return E_INVALIDARG;
    *ppCommandList = NULL;
    if (context->type != D3D11_DEVICE_CONTEXT_DEFERRED)
        return DXGI_ERROR_INVALID_CALL;
    if (!(list = calloc(1, sizeof(*list))))
        return E_OUTOFMEMORY;
    if (!(list->list = vk_cs_finish(ctx_cs(context))))
    {
        free(list);
        return E_OUTOFMEMORY;
    }
    list->ID3D11CommandList_iface.lpVtbl = &d3d11_command_list_vtbl;
    list->device = context->device;
    list->context_flags = context->flags;
    d3d11vk_child_init(&list->child, (IUnknown *)&context->device->ID3D11Device5_iface, command_list_destroy);
    /* D3D11: without RestoreDeferredContextState the deferred context starts over from the
     * default state; with it, the next list must still set the kept state again. */
    if (!RestoreDeferredContextState)
        iface->lpVtbl->ClearState(iface);
    else
        d3d11_context_state_invalidate(&context->state);
    d3d11_context_draw_invalidate(context);   /* the next list records every binding (context_draw.c) */
    *ppCommandList = &list->ID3D11CommandList_iface;
    return S_OK;
}

void STDMETHODCALLTYPE d3d11_context_ExecuteCommandList(ID3D11DeviceContext4 *iface, ID3D11CommandList *pCommandList, BOOL RestoreContextState)
{
    struct d3d11_context *context = ctx_from(iface);
    struct d3d11_command_list *list;
    bool locked;

    if (!pCommandList || pCommandList->lpVtbl != &d3d11_command_list_vtbl)
        return;
    list = impl_from_ID3D11CommandList(pCommandList);
    locked = ctx_lock(context);
    vk_cs_execute(ctx_cs(context), list->list);
    /* D3D11: the context's state is cleared after the list unless RestoreContextState; then
     * the list has changed what the backend has bound, so every binding is sent again. */
    if (!RestoreContextState)
        iface->lpVtbl->ClearState(iface);
    else
        d3d11_context_state_invalidate(&context->state);
    d3d11_context_draw_invalidate(context);   /* the list changed the backend's bindings */
    ctx_unlock(context, locked);
}

HRESULT STDMETHODCALLTYPE d3d11_context_UpdateTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, UINT region_count, const D3D11_TILED_RESOURCE_COORDINATE *region_start_coordinates, const D3D11_TILE_REGION_SIZE *region_sizes, ID3D11Buffer *pool, UINT range_count, const UINT *range_flags, const UINT *pool_start_offsets, const UINT *range_tile_counts, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

HRESULT STDMETHODCALLTYPE d3d11_context_CopyTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, ID3D11Resource *src_resource, const D3D11_TILED_RESOURCE_COORDINATE *src_start_coordinate, const D3D11_TILE_REGION_SIZE *region_size, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_CopyTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, const D3D11_TILED_RESOURCE_COORDINATE *start_coordinate, const D3D11_TILE_REGION_SIZE *size, ID3D11Buffer *buffer, UINT64 start_offset, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTiles is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_UpdateTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, const D3D11_TILE_REGION_SIZE *dst_region_size, const void *src_data, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTiles is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_ResizeTilePool(ID3D11DeviceContext4 *iface, ID3D11Buffer *pool, UINT64 size)
{
    FIXME("ID3D11DeviceContext4::ResizeTilePool is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_TiledResourceBarrier(ID3D11DeviceContext4 *iface, ID3D11DeviceChild *before_barrier, ID3D11DeviceChild *after_barrier)
{
    FIXME("ID3D11DeviceContext4::TiledResourceBarrier is not implemented yet.");
}

BOOL STDMETHODCALLTYPE d3d11_context_IsAnnotationEnabled(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::IsAnnotationEnabled is not implemented yet.");
    return 0;
}

void STDMETHODCALLTYPE d3d11_context_SetMarkerInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::SetMarkerInt is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_BeginEventInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::BeginEventInt is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_EndEvent(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::EndEvent is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Flush1(ID3D11DeviceContext4 *iface, D3D11_CONTEXT_TYPE type, HANDLE event)
{
    /* The context type is a hint and the event is set when the flush is submitted. */
    d3d11_context_Flush(iface);
    if (event)
        FIXME("Flush1 does not signal its event yet.");
}

void STDMETHODCALLTYPE d3d11_context_SetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL enable)
{
    FIXME("ID3D11DeviceContext4::SetHardwareProtectionState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL *enable)
{
    FIXME("ID3D11DeviceContext4::GetHardwareProtectionState is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_Signal(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    /* Shared fences (issue 5): d3d11/fence.c. */
    return d3d11_fence_signal_from_context(iface, fence, value);
}

HRESULT STDMETHODCALLTYPE d3d11_context_Wait(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    /* Shared fences (issue 5): d3d11/fence.c. */
    return d3d11_fence_wait_from_context(iface, fence, value);
}
