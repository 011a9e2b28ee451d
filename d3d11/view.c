/* view.c — shader-resource, render-target, depth-stencil and unordered-access views (and their
 * *1 variants): desc defaulting, validation against the resource, the objects themselves. */
#include "resource.h"

HRESULT d3d11_view_backend_init(struct d3d11_view *view);
void d3d11_view_backend_destroy(struct d3d11_view *view);

#define INVALID(...) do { LOG_WARN(__VA_ARGS__); return E_INVALIDARG; } while (0)

static const ID3D11ShaderResourceView1Vtbl d3d11_srv_vtbl;
static const ID3D11RenderTargetView1Vtbl d3d11_rtv_vtbl;
static const ID3D11DepthStencilViewVtbl d3d11_dsv_vtbl;
static const ID3D11UnorderedAccessView1Vtbl d3d11_uav_vtbl;

static inline struct d3d11_view *view_from_any(void *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_view, iface);
}

struct d3d11_view *d3d11_view_from_iface(void *iface)
{
    const void *vtbl;

    if (!iface)
        return NULL;
    vtbl = ((IUnknown *)iface)->lpVtbl;
    if (vtbl == &d3d11_srv_vtbl || vtbl == &d3d11_rtv_vtbl || vtbl == &d3d11_dsv_vtbl || vtbl == &d3d11_uav_vtbl)
        return view_from_any(iface);
    return NULL;
}

static const struct d3d11vk_qi_entry srv_qi[] =
{
    { &IID_ID3D11ShaderResourceView1, 0 }, { &IID_ID3D11ShaderResourceView, 0 },
    { &IID_ID3D11View, 0 }, { &IID_ID3D11DeviceChild, 0 },
};
static const struct d3d11vk_qi_entry rtv_qi[] =
{
    { &IID_ID3D11RenderTargetView1, 0 }, { &IID_ID3D11RenderTargetView, 0 },
    { &IID_ID3D11View, 0 }, { &IID_ID3D11DeviceChild, 0 },
};
static const struct d3d11vk_qi_entry dsv_qi[] =
{
    { &IID_ID3D11DepthStencilView, 0 }, { &IID_ID3D11View, 0 }, { &IID_ID3D11DeviceChild, 0 },
};
static const struct d3d11vk_qi_entry uav_qi[] =
{
    { &IID_ID3D11UnorderedAccessView1, 0 }, { &IID_ID3D11UnorderedAccessView, 0 },
    { &IID_ID3D11View, 0 }, { &IID_ID3D11DeviceChild, 0 },
};

static HRESULT STDMETHODCALLTYPE view_QueryInterface(ID3D11View *iface, REFIID riid, void **out)
{
    struct d3d11_view *v = view_from_any(iface);

    switch (v->kind)
    {
        case D3D11_VIEW_SRV: return d3d11vk_query_interface(v, srv_qi, ARRAY_SIZE(srv_qi), riid, out);
        case D3D11_VIEW_RTV: return d3d11vk_query_interface(v, rtv_qi, ARRAY_SIZE(rtv_qi), riid, out);
        case D3D11_VIEW_DSV: return d3d11vk_query_interface(v, dsv_qi, ARRAY_SIZE(dsv_qi), riid, out);
        default: return d3d11vk_query_interface(v, uav_qi, ARRAY_SIZE(uav_qi), riid, out);
    }
}

D3D11VK_DEVICE_CHILD_BASE_METHODS(view, ID3D11View, struct d3d11_view, iface)

static void STDMETHODCALLTYPE view_GetResource(ID3D11View *iface, ID3D11Resource **resource)
{
    struct d3d11_view *v = view_from_any(iface);

    if (!resource)
        return;
    *resource = v->resource->iface;
    ID3D11Resource_AddRef(*resource);
}

/* The *1 descriptions extend the originals at their end (PlaneSlice), so the original is a
 * prefix of the stored one. */
static void STDMETHODCALLTYPE srv_GetDesc(ID3D11ShaderResourceView1 *iface, D3D11_SHADER_RESOURCE_VIEW_DESC *desc)
{
    if (desc)
        memcpy(desc, &view_from_any(iface)->desc.srv, sizeof(*desc));
}

static void STDMETHODCALLTYPE srv_GetDesc1(ID3D11ShaderResourceView1 *iface, D3D11_SHADER_RESOURCE_VIEW_DESC1 *desc)
{
    if (desc)
        *desc = view_from_any(iface)->desc.srv;
}

static void STDMETHODCALLTYPE rtv_GetDesc(ID3D11RenderTargetView1 *iface, D3D11_RENDER_TARGET_VIEW_DESC *desc)
{
    if (desc)
        memcpy(desc, &view_from_any(iface)->desc.rtv, sizeof(*desc));
}

static void STDMETHODCALLTYPE rtv_GetDesc1(ID3D11RenderTargetView1 *iface, D3D11_RENDER_TARGET_VIEW_DESC1 *desc)
{
    if (desc)
        *desc = view_from_any(iface)->desc.rtv;
}

static void STDMETHODCALLTYPE dsv_GetDesc(ID3D11DepthStencilView *iface, D3D11_DEPTH_STENCIL_VIEW_DESC *desc)
{
    if (desc)
        *desc = view_from_any(iface)->desc.dsv;
}

static void STDMETHODCALLTYPE uav_GetDesc(ID3D11UnorderedAccessView1 *iface, D3D11_UNORDERED_ACCESS_VIEW_DESC *desc)
{
    if (desc)
        memcpy(desc, &view_from_any(iface)->desc.uav, sizeof(*desc));
}

static void STDMETHODCALLTYPE uav_GetDesc1(ID3D11UnorderedAccessView1 *iface, D3D11_UNORDERED_ACCESS_VIEW_DESC1 *desc)
{
    if (desc)
        *desc = view_from_any(iface)->desc.uav;
}

#define VIEW_COMMON \
    .QueryInterface = (void *)view_QueryInterface, \
    .AddRef = (void *)view_AddRef, \
    .Release = (void *)view_Release, \
    .GetDevice = (void *)view_GetDevice, \
    .GetPrivateData = (void *)view_GetPrivateData, \
    .SetPrivateData = (void *)view_SetPrivateData, \
    .SetPrivateDataInterface = (void *)view_SetPrivateDataInterface, \
    .GetResource = (void *)view_GetResource

static const ID3D11ShaderResourceView1Vtbl d3d11_srv_vtbl = { VIEW_COMMON, .GetDesc = srv_GetDesc, .GetDesc1 = srv_GetDesc1 };
static const ID3D11RenderTargetView1Vtbl d3d11_rtv_vtbl = { VIEW_COMMON, .GetDesc = rtv_GetDesc, .GetDesc1 = rtv_GetDesc1 };
static const ID3D11DepthStencilViewVtbl d3d11_dsv_vtbl = { VIEW_COMMON, .GetDesc = dsv_GetDesc };
static const ID3D11UnorderedAccessView1Vtbl d3d11_uav_vtbl = { VIEW_COMMON, .GetDesc = uav_GetDesc, .GetDesc1 = uav_GetDesc1 };

/* Validation helpers ------------------------------------------------------------------- */

/* The view format (UNKNOWN -> the resource's), checked against the resource's family and the
 * support bit the view kind needs. */
static HRESULT resolve_format(struct d3d11_device *device, const struct d3d11_resource *r, DXGI_FORMAT *format,
        UINT need)
{
    const struct d3d11vk_format_info *info;

    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        if (*format == DXGI_FORMAT_UNKNOWN)
            return S_OK;   /* structured: checked by the caller */
        if (!(info = d3d11vk_format_get(*format)) || (info->flags & D3D11VK_FORMAT_TYPELESS && *format != DXGI_FORMAT_R32_TYPELESS))
            INVALID("Invalid buffer view format %#x.", *format);
        if (*format != DXGI_FORMAT_R32_TYPELESS && !(d3d11_resource_format_support(device, *format, false) & need))
            INVALID("Format %s cannot be used for this buffer view.", info->name);
        return S_OK;
    }
    if (*format == DXGI_FORMAT_UNKNOWN)
        *format = r->format;
    if (!(info = d3d11vk_format_get(*format)) || (info->flags & D3D11VK_FORMAT_TYPELESS))
        INVALID("View format %#x is typeless or unknown.", *format);
    if (!d3d11vk_format_compatible_for_view(r->format, *format))
        INVALID("View format %s is incompatible with resource format %s.", info->name, r->info->name);
    if (!(d3d11_resource_format_support(device, *format, false) & need))
        INVALID("Format %s cannot be used for this view.", info->name);
    return S_OK;
}

/* A mip range; count (UINT)-1 means every level from first on. */
static HRESULT check_mips(const struct d3d11_resource *r, UINT first, UINT *count)
{
    if (first >= r->mip_levels)
        INVALID("First mip %u of %u.", first, r->mip_levels);
    if (*count == ~0u)
        *count = r->mip_levels - first;
    if (!*count || *count > r->mip_levels - first)
        INVALID("Mip range %u+%u of %u.", first, *count, r->mip_levels);
    return S_OK;
}

static HRESULT check_layers(UINT total, UINT first, UINT *count)
{
    if (first >= total)
        INVALID("First array slice %u of %u.", first, total);
    if (*count == ~0u)
        *count = total - first;
    if (!*count || *count > total - first)
        INVALID("Array range %u+%u of %u.", first, *count, total);
    return S_OK;
}

static HRESULT check_mip_slice(const struct d3d11_resource *r, UINT mip)
{
    if (mip >= r->mip_levels)
        INVALID("Mip slice %u of %u.", mip, r->mip_levels);
    return S_OK;
}

static HRESULT check_plane(const struct d3d11_view *v, UINT plane)
{
    const struct d3d11vk_format_info *info = v->resource->info;

    if (plane && (!info || plane >= info->planes))
        INVALID("Plane slice %u invalid for this format.", plane);
    return S_OK;
}

/* Buffer element range: bytes [first * size, (first + count) * size). */
static HRESULT check_elements(struct d3d11_view *v, UINT first, UINT count, UINT size)
{
    UINT64 end;

    if (!size)
        INVALID("Zero element size.");
    if (!count)
        INVALID("Zero elements.");
    end = ((UINT64)first + count) * size;
    if (end > v->resource->width)
        INVALID("Elements %u+%u of %u bytes exceed the buffer (%u bytes).", first, count, size, v->resource->width);
    v->buffer_offset = (UINT64)first * size;
    v->buffer_size = (UINT64)count * size;
    return S_OK;
}

static UINT format_bytes(DXGI_FORMAT format)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format);
    return info && info->block_width == 1 ? info->block_bytes : 0;
}

/* Whether a 2D texture is multisampled / a cube. */
static bool is_ms(const struct d3d11_resource *r) { return r->sample_count > 1; }
static bool is_cube(const struct d3d11_resource *r) { return r->misc_flags & D3D11_RESOURCE_MISC_TEXTURECUBE; }

/* Shader resource views ------------------------------------------------------------------- */

static HRESULT srv_default(const struct d3d11_resource *r, D3D11_SHADER_RESOURCE_VIEW_DESC1 *d)
{
    memset(d, 0, sizeof(*d));
    d->Format = r->format;
    switch (r->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_BUFFER:
        {
            UINT stride = d3d11_buffer_stride((struct d3d11_resource *)r);
            if (!stride)
                INVALID("A view of a non-structured buffer needs a description.");
            d->ViewDimension = D3D11_SRV_DIMENSION_BUFFER;
            d->Buffer.FirstElement = 0;
            d->Buffer.NumElements = r->width / stride;
            return S_OK;
        }
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE1DARRAY;
                d->Texture1DArray.MipLevels = r->mip_levels;
                d->Texture1DArray.ArraySize = r->array_size;
            }
            else
            {
                d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE1D;
                d->Texture1D.MipLevels = r->mip_levels;
            }
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            if (is_ms(r))
            {
                if (r->array_size > 1)
                {
                    d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DMSARRAY;
                    d->Texture2DMSArray.ArraySize = r->array_size;
                }
                else
                    d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DMS;
            }
            else if (is_cube(r))
            {
                if (r->array_size > 6)
                {
                    d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURECUBEARRAY;
                    d->TextureCubeArray.MipLevels = r->mip_levels;
                    d->TextureCubeArray.NumCubes = r->array_size / 6;
                }
                else
                {
                    d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURECUBE;
                    d->TextureCube.MipLevels = r->mip_levels;
                }
            }
            else if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DARRAY;
                d->Texture2DArray.MipLevels = r->mip_levels;
                d->Texture2DArray.ArraySize = r->array_size;
            }
            else
            {
                d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
                d->Texture2D.MipLevels = r->mip_levels;
            }
            break;
        default:
            d->ViewDimension = D3D11_SRV_DIMENSION_TEXTURE3D;
            d->Texture3D.MipLevels = r->mip_levels;
            break;
    }
    return S_OK;
}

static HRESULT srv_validate(struct d3d11_device *device, struct d3d11_view *v)
{
    D3D11_SHADER_RESOURCE_VIEW_DESC1 *d = &v->desc.srv;
    struct d3d11_resource *r = v->resource;
    HRESULT hr;

    if (!(r->bind_flags & D3D11_BIND_SHADER_RESOURCE))
        INVALID("Resource lacks D3D11_BIND_SHADER_RESOURCE.");
    if (FAILED(hr = resolve_format(device, r, &d->Format, r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER
            ? D3D11_FORMAT_SUPPORT_BUFFER : (D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE))))
        return hr;
    v->format = d->Format;
    v->first_mip = v->first_layer = 0;
    v->mip_count = v->layer_count = 1;
    switch (d->ViewDimension)
    {
        case D3D11_SRV_DIMENSION_BUFFER:
        case D3D11_SRV_DIMENSION_BUFFEREX:
        {
            UINT stride = d3d11_buffer_stride(r), flags = 0, size;
            if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
                INVALID("Buffer view of a texture.");
            if (d->ViewDimension == D3D11_SRV_DIMENSION_BUFFEREX)
                flags = d->BufferEx.Flags;
            if (flags & ~D3D11_BUFFEREX_SRV_FLAG_RAW)
                INVALID("Invalid BUFFEREX flags %#x.", flags);
            if (flags & D3D11_BUFFEREX_SRV_FLAG_RAW)
            {
                if (d->Format != DXGI_FORMAT_R32_TYPELESS || !(r->misc_flags & D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS))
                    INVALID("Raw views need R32_TYPELESS and a buffer allowing raw views.");
                size = 4;
            }
            else if (stride)
            {
                if (d->Format != DXGI_FORMAT_UNKNOWN)
                    INVALID("Views of structured buffers have format UNKNOWN.");
                size = stride;
            }
            else
            {
                if (d->Format == DXGI_FORMAT_UNKNOWN || d->Format == DXGI_FORMAT_R32_TYPELESS)
                    INVALID("Typed buffer views need a typed format.");
                size = format_bytes(d->Format);
            }
            return check_elements(v, d->Buffer.FirstElement, d->Buffer.NumElements, size);
        }
        case D3D11_SRV_DIMENSION_TEXTURE1D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1D.MostDetailedMip;
            v->mip_count = d->Texture1D.MipLevels;
            break;
        case D3D11_SRV_DIMENSION_TEXTURE1DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1DArray.MostDetailedMip;
            v->mip_count = d->Texture1DArray.MipLevels;
            v->first_layer = d->Texture1DArray.FirstArraySlice;
            v->layer_count = d->Texture1DArray.ArraySize;
            break;
        case D3D11_SRV_DIMENSION_TEXTURE2D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2D.MostDetailedMip;
            v->mip_count = d->Texture2D.MipLevels;
            v->plane = d->Texture2D.PlaneSlice;
            break;
        case D3D11_SRV_DIMENSION_TEXTURE2DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2DArray.MostDetailedMip;
            v->mip_count = d->Texture2DArray.MipLevels;
            v->first_layer = d->Texture2DArray.FirstArraySlice;
            v->layer_count = d->Texture2DArray.ArraySize;
            v->plane = d->Texture2DArray.PlaneSlice;
            break;
        case D3D11_SRV_DIMENSION_TEXTURE2DMS:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            break;
        case D3D11_SRV_DIMENSION_TEXTURE2DMSARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_layer = d->Texture2DMSArray.FirstArraySlice;
            v->layer_count = d->Texture2DMSArray.ArraySize;
            break;
        case D3D11_SRV_DIMENSION_TEXTURECUBE:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_cube(r))
                INVALID("Cube view of a texture without D3D11_RESOURCE_MISC_TEXTURECUBE.");
            v->first_mip = d->TextureCube.MostDetailedMip;
            v->mip_count = d->TextureCube.MipLevels;
            v->layer_count = 6;
            break;
        case D3D11_SRV_DIMENSION_TEXTURECUBEARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_cube(r))
                INVALID("Cube view of a texture without D3D11_RESOURCE_MISC_TEXTURECUBE.");
            v->first_mip = d->TextureCubeArray.MostDetailedMip;
            v->mip_count = d->TextureCubeArray.MipLevels;
            v->first_layer = d->TextureCubeArray.First2DArrayFace;
            if (d->TextureCubeArray.NumCubes == ~0u)
                v->layer_count = v->first_layer < r->array_size ? (r->array_size - v->first_layer) / 6 * 6 : 0;
            else if (d->TextureCubeArray.NumCubes > r->array_size / 6)
                INVALID("%u cubes in an array of %u.", d->TextureCubeArray.NumCubes, r->array_size);
            else
                v->layer_count = d->TextureCubeArray.NumCubes * 6;
            if (!v->layer_count)
                INVALID("Empty cube array view.");
            break;
        case D3D11_SRV_DIMENSION_TEXTURE3D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE3D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture3D.MostDetailedMip;
            v->mip_count = d->Texture3D.MipLevels;
            break;
        default:
            INVALID("Invalid SRV dimension %#x.", d->ViewDimension);
    }
    if (FAILED(hr = check_mips(r, v->first_mip, &v->mip_count)))
        return hr;
    if (FAILED(hr = check_layers(r->array_size, v->first_layer, &v->layer_count)))
        return hr;
    return check_plane(v, v->plane);
}

/* Render-target views ------------------------------------------------------------------ */

static HRESULT rtv_default(const struct d3d11_resource *r, D3D11_RENDER_TARGET_VIEW_DESC1 *d)
{
    memset(d, 0, sizeof(*d));
    d->Format = r->format;
    switch (r->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_BUFFER:
            INVALID("A render-target view of a buffer needs a description.");
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_RTV_DIMENSION_TEXTURE1DARRAY;
                d->Texture1DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = D3D11_RTV_DIMENSION_TEXTURE1D;
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            if (r->array_size > 1)
            {
                d->ViewDimension = is_ms(r) ? D3D11_RTV_DIMENSION_TEXTURE2DMSARRAY : D3D11_RTV_DIMENSION_TEXTURE2DARRAY;
                if (is_ms(r))
                    d->Texture2DMSArray.ArraySize = r->array_size;
                else
                    d->Texture2DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = is_ms(r) ? D3D11_RTV_DIMENSION_TEXTURE2DMS : D3D11_RTV_DIMENSION_TEXTURE2D;
            break;
        default:
            d->ViewDimension = D3D11_RTV_DIMENSION_TEXTURE3D;
            d->Texture3D.WSize = r->depth;
            break;
    }
    return S_OK;
}

/* A 3D slice range (RTV/UAV): WSize (UINT)-1 means every slice from first on. */
static HRESULT check_wslices(struct d3d11_view *v, UINT mip, UINT first, UINT *count)
{
    UINT depth = d3d11_mip_size(v->resource->depth, mip);
    return check_layers(depth, first, count);
}

static HRESULT rtv_validate(struct d3d11_device *device, struct d3d11_view *v)
{
    D3D11_RENDER_TARGET_VIEW_DESC1 *d = &v->desc.rtv;
    struct d3d11_resource *r = v->resource;
    HRESULT hr;

    if (!(r->bind_flags & D3D11_BIND_RENDER_TARGET))
        INVALID("Resource lacks D3D11_BIND_RENDER_TARGET.");
    if (r->share_guard & D3D11_SHARE_GUARD_READ_ONLY)
        INVALID("Writable view of a shared resource opened read-only.");
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER && d->Format == DXGI_FORMAT_UNKNOWN)
        INVALID("Buffer render-target views need a format.");
    if (FAILED(hr = resolve_format(device, r, &d->Format, D3D11_FORMAT_SUPPORT_RENDER_TARGET)))
        return hr;
    v->format = d->Format;
    v->first_mip = v->first_layer = 0;
    v->mip_count = v->layer_count = 1;
    switch (d->ViewDimension)
    {
        case D3D11_RTV_DIMENSION_BUFFER:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
                INVALID("Dimension mismatch.");
            return check_elements(v, d->Buffer.FirstElement, d->Buffer.NumElements, format_bytes(d->Format));
        case D3D11_RTV_DIMENSION_TEXTURE1D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1D.MipSlice;
            break;
        case D3D11_RTV_DIMENSION_TEXTURE1DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1DArray.MipSlice;
            v->first_layer = d->Texture1DArray.FirstArraySlice;
            v->layer_count = d->Texture1DArray.ArraySize;
            break;
        case D3D11_RTV_DIMENSION_TEXTURE2D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2D.MipSlice;
            v->plane = d->Texture2D.PlaneSlice;
            break;
        case D3D11_RTV_DIMENSION_TEXTURE2DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2DArray.MipSlice;
            v->first_layer = d->Texture2DArray.FirstArraySlice;
            v->layer_count = d->Texture2DArray.ArraySize;
            v->plane = d->Texture2DArray.PlaneSlice;
            break;
        case D3D11_RTV_DIMENSION_TEXTURE2DMS:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            break;
        case D3D11_RTV_DIMENSION_TEXTURE2DMSARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_layer = d->Texture2DMSArray.FirstArraySlice;
            v->layer_count = d->Texture2DMSArray.ArraySize;
            break;
        case D3D11_RTV_DIMENSION_TEXTURE3D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE3D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture3D.MipSlice;
            if (FAILED(hr = check_mip_slice(r, v->first_mip)))
                return hr;
            v->first_layer = d->Texture3D.FirstWSlice;
            v->layer_count = d->Texture3D.WSize;
            return check_wslices(v, v->first_mip, v->first_layer, &v->layer_count);
        default:
            INVALID("Invalid RTV dimension %#x.", d->ViewDimension);
    }
    if (FAILED(hr = check_mip_slice(r, v->first_mip)))
        return hr;
    if (FAILED(hr = check_layers(r->array_size, v->first_layer, &v->layer_count)))
        return hr;
    return check_plane(v, v->plane);
}

/* Depth-stencil views ------------------------------------------------------------------- */

static HRESULT dsv_default(const struct d3d11_resource *r, D3D11_DEPTH_STENCIL_VIEW_DESC *d)
{
    memset(d, 0, sizeof(*d));
    d->Format = r->format;
    switch (r->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_DSV_DIMENSION_TEXTURE1DARRAY;
                d->Texture1DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = D3D11_DSV_DIMENSION_TEXTURE1D;
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            if (r->array_size > 1)
            {
                d->ViewDimension = is_ms(r) ? D3D11_DSV_DIMENSION_TEXTURE2DMSARRAY : D3D11_DSV_DIMENSION_TEXTURE2DARRAY;
                if (is_ms(r))
                    d->Texture2DMSArray.ArraySize = r->array_size;
                else
                    d->Texture2DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = is_ms(r) ? D3D11_DSV_DIMENSION_TEXTURE2DMS : D3D11_DSV_DIMENSION_TEXTURE2D;
            break;
        default:
            INVALID("No depth-stencil views of buffers or 3D textures.");
    }
    return S_OK;
}

static HRESULT dsv_validate(struct d3d11_device *device, struct d3d11_view *v)
{
    D3D11_DEPTH_STENCIL_VIEW_DESC *d = &v->desc.dsv;
    struct d3d11_resource *r = v->resource;
    const struct d3d11vk_format_info *info;
    HRESULT hr;

    if (!(r->bind_flags & D3D11_BIND_DEPTH_STENCIL))
        INVALID("Resource lacks D3D11_BIND_DEPTH_STENCIL.");
    if (r->share_guard & D3D11_SHARE_GUARD_READ_ONLY)
        INVALID("Writable view of a shared resource opened read-only.");
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER || r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
        INVALID("No depth-stencil views of buffers or 3D textures.");
    if (FAILED(hr = resolve_format(device, r, &d->Format, D3D11_FORMAT_SUPPORT_DEPTH_STENCIL)))
        return hr;
    info = d3d11vk_format_get(d->Format);
    if (d->Flags & ~(D3D11_DSV_READ_ONLY_DEPTH | D3D11_DSV_READ_ONLY_STENCIL))
        INVALID("Invalid DSV flags %#x.", d->Flags);
    if ((d->Flags & D3D11_DSV_READ_ONLY_STENCIL) && !(info->flags & D3D11VK_FORMAT_STENCIL))
        INVALID("READ_ONLY_STENCIL on format %s without stencil.", info->name);
    v->format = d->Format;
    v->first_mip = v->first_layer = 0;
    v->mip_count = v->layer_count = 1;
    switch (d->ViewDimension)
    {
        case D3D11_DSV_DIMENSION_TEXTURE1D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1D.MipSlice;
            break;
        case D3D11_DSV_DIMENSION_TEXTURE1DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1DArray.MipSlice;
            v->first_layer = d->Texture1DArray.FirstArraySlice;
            v->layer_count = d->Texture1DArray.ArraySize;
            break;
        case D3D11_DSV_DIMENSION_TEXTURE2D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2D.MipSlice;
            break;
        case D3D11_DSV_DIMENSION_TEXTURE2DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2DArray.MipSlice;
            v->first_layer = d->Texture2DArray.FirstArraySlice;
            v->layer_count = d->Texture2DArray.ArraySize;
            break;
        case D3D11_DSV_DIMENSION_TEXTURE2DMS:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            break;
        case D3D11_DSV_DIMENSION_TEXTURE2DMSARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || !is_ms(r))
                INVALID("Dimension mismatch.");
            v->first_layer = d->Texture2DMSArray.FirstArraySlice;
            v->layer_count = d->Texture2DMSArray.ArraySize;
            break;
        default:
            INVALID("Invalid DSV dimension %#x.", d->ViewDimension);
    }
    if (FAILED(hr = check_mip_slice(r, v->first_mip)))
        return hr;
    return check_layers(r->array_size, v->first_layer, &v->layer_count);
}

/* Unordered-access views ---------------------------------------------------------------- */

static HRESULT uav_default(const struct d3d11_resource *r, D3D11_UNORDERED_ACCESS_VIEW_DESC1 *d)
{
    memset(d, 0, sizeof(*d));
    d->Format = r->format;
    switch (r->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_BUFFER:
        {
            UINT stride = d3d11_buffer_stride((struct d3d11_resource *)r);
            if (!stride)
                INVALID("A view of a non-structured buffer needs a description.");
            d->ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
            d->Buffer.NumElements = r->width / stride;
            return S_OK;
        }
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_UAV_DIMENSION_TEXTURE1DARRAY;
                d->Texture1DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = D3D11_UAV_DIMENSION_TEXTURE1D;
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            if (r->array_size > 1)
            {
                d->ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2DARRAY;
                d->Texture2DArray.ArraySize = r->array_size;
            }
            else
                d->ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2D;
            break;
        default:
            d->ViewDimension = D3D11_UAV_DIMENSION_TEXTURE3D;
            d->Texture3D.WSize = r->depth;
            break;
    }
    return S_OK;
}

static HRESULT uav_validate(struct d3d11_device *device, struct d3d11_view *v)
{
    D3D11_UNORDERED_ACCESS_VIEW_DESC1 *d = &v->desc.uav;
    struct d3d11_resource *r = v->resource;
    HRESULT hr;

    if (!(r->bind_flags & D3D11_BIND_UNORDERED_ACCESS))
        INVALID("Resource lacks D3D11_BIND_UNORDERED_ACCESS.");
    if (r->share_guard & D3D11_SHARE_GUARD_READ_ONLY)
        INVALID("Writable view of a shared resource opened read-only.");
    if (FAILED(hr = resolve_format(device, r, &d->Format, D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)))
        return hr;
    v->format = d->Format;
    v->first_mip = v->first_layer = 0;
    v->mip_count = v->layer_count = 1;
    switch (d->ViewDimension)
    {
        case D3D11_UAV_DIMENSION_BUFFER:
        {
            UINT stride = d3d11_buffer_stride(r), flags = d->Buffer.Flags, size;
            if (r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
                INVALID("Buffer view of a texture.");
            if (flags & ~(D3D11_BUFFER_UAV_FLAG_RAW | D3D11_BUFFER_UAV_FLAG_APPEND | D3D11_BUFFER_UAV_FLAG_COUNTER))
                INVALID("Invalid buffer UAV flags %#x.", flags);
            if ((flags & D3D11_BUFFER_UAV_FLAG_RAW) && (flags & ~D3D11_BUFFER_UAV_FLAG_RAW))
                INVALID("Raw UAVs have no counter.");
            if ((flags & D3D11_BUFFER_UAV_FLAG_APPEND) && (flags & D3D11_BUFFER_UAV_FLAG_COUNTER))
                INVALID("APPEND and COUNTER are exclusive.");
            if (flags & D3D11_BUFFER_UAV_FLAG_RAW)
            {
                if (d->Format != DXGI_FORMAT_R32_TYPELESS || !(r->misc_flags & D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS))
                    INVALID("Raw views need R32_TYPELESS and a buffer allowing raw views.");
                size = 4;
            }
            else if (stride)
            {
                if (d->Format != DXGI_FORMAT_UNKNOWN)
                    INVALID("Views of structured buffers have format UNKNOWN.");
                size = stride;
            }
            else
            {
                if (flags & (D3D11_BUFFER_UAV_FLAG_APPEND | D3D11_BUFFER_UAV_FLAG_COUNTER))
                    INVALID("Counters need a structured buffer.");
                if (d->Format == DXGI_FORMAT_UNKNOWN || d->Format == DXGI_FORMAT_R32_TYPELESS)
                    INVALID("Typed buffer views need a typed format.");
                size = format_bytes(d->Format);
            }
            return check_elements(v, d->Buffer.FirstElement, d->Buffer.NumElements, size);
        }
        case D3D11_UAV_DIMENSION_TEXTURE1D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1D.MipSlice;
            break;
        case D3D11_UAV_DIMENSION_TEXTURE1DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture1DArray.MipSlice;
            v->first_layer = d->Texture1DArray.FirstArraySlice;
            v->layer_count = d->Texture1DArray.ArraySize;
            break;
        case D3D11_UAV_DIMENSION_TEXTURE2D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2D.MipSlice;
            v->plane = d->Texture2D.PlaneSlice;
            break;
        case D3D11_UAV_DIMENSION_TEXTURE2DARRAY:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture2DArray.MipSlice;
            v->first_layer = d->Texture2DArray.FirstArraySlice;
            v->layer_count = d->Texture2DArray.ArraySize;
            v->plane = d->Texture2DArray.PlaneSlice;
            break;
        case D3D11_UAV_DIMENSION_TEXTURE3D:
            if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE3D)
                INVALID("Dimension mismatch.");
            v->first_mip = d->Texture3D.MipSlice;
            if (FAILED(hr = check_mip_slice(r, v->first_mip)))
                return hr;
            v->first_layer = d->Texture3D.FirstWSlice;
            v->layer_count = d->Texture3D.WSize;
            return check_wslices(v, v->first_mip, v->first_layer, &v->layer_count);
        default:
            INVALID("Invalid UAV dimension %#x.", d->ViewDimension);
    }
    if (FAILED(hr = check_mip_slice(r, v->first_mip)))
        return hr;
    if (FAILED(hr = check_layers(r->array_size, v->first_layer, &v->layer_count)))
        return hr;
    return check_plane(v, v->plane);
}

/* Creation ------------------------------------------------------------------------------ */

static void view_destroy(struct d3d11vk_child *child)
{
    struct d3d11_view *v = CONTAINING_RECORD(child, struct d3d11_view, child);

    d3d11_view_backend_destroy(v);
    ID3D11Resource_Release(v->resource->iface);
    free(v);
}

/* v is a stack template holding the validated desc; on success a heap copy is returned. */
static HRESULT view_finish(struct d3d11_device *device, const struct d3d11_view *tmpl, const void *vtbl, void **out)
{
    struct d3d11_view *v;
    HRESULT hr;

    if (!out)
        return S_FALSE;
    if (!(v = malloc(sizeof(*v))))
        return E_OUTOFMEMORY;
    *v = *tmpl;
    v->iface.srv.lpVtbl = (void *)vtbl;
    d3d11vk_child_init(&v->child, (IUnknown *)&device->ID3D11Device5_iface, view_destroy);
    ID3D11Resource_AddRef(v->resource->iface);
    v->backend = NULL;
    if (FAILED(hr = d3d11_view_backend_init(v)))
    {
        d3d11vk_child_release(&v->child);
        return hr;
    }
    *out = &v->iface;
    return S_OK;
}

static HRESULT view_begin(ID3D11Resource *resource, struct d3d11_view *v, enum d3d11_view_kind kind, void **out)
{
    if (out)
        *out = NULL;
    memset(v, 0, sizeof(*v));
    v->kind = kind;
    if (!(v->resource = d3d11_resource_from_iface(resource)))
        INVALID("Not a resource of this device.");
    return S_OK;
}

/* What the four view kinds differ in at creation: the *1 and original description sizes (the
 * original's union is shorter: a PlaneSlice read from it may be another member's bytes, so a
 * 2D view's is zeroed), the vtable. */
static const struct
{
    size_t desc_size, desc1_size, plane_offset;
    UINT tex2d_dimension;
    const void *vtbl;
}
view_kinds[] =
{
    [D3D11_VIEW_SRV] = { sizeof(D3D11_SHADER_RESOURCE_VIEW_DESC), sizeof(D3D11_SHADER_RESOURCE_VIEW_DESC1),
            offsetof(D3D11_SHADER_RESOURCE_VIEW_DESC1, Texture2D.PlaneSlice), D3D11_SRV_DIMENSION_TEXTURE2D, &d3d11_srv_vtbl },
    [D3D11_VIEW_RTV] = { sizeof(D3D11_RENDER_TARGET_VIEW_DESC), sizeof(D3D11_RENDER_TARGET_VIEW_DESC1),
            offsetof(D3D11_RENDER_TARGET_VIEW_DESC1, Texture2D.PlaneSlice), D3D11_RTV_DIMENSION_TEXTURE2D, &d3d11_rtv_vtbl },
    [D3D11_VIEW_DSV] = { sizeof(D3D11_DEPTH_STENCIL_VIEW_DESC), sizeof(D3D11_DEPTH_STENCIL_VIEW_DESC), 0, ~0u,
            &d3d11_dsv_vtbl },
    [D3D11_VIEW_UAV] = { sizeof(D3D11_UNORDERED_ACCESS_VIEW_DESC), sizeof(D3D11_UNORDERED_ACCESS_VIEW_DESC1),
            offsetof(D3D11_UNORDERED_ACCESS_VIEW_DESC1, Texture2D.PlaneSlice), D3D11_UAV_DIMENSION_TEXTURE2D, &d3d11_uav_vtbl },
};

static HRESULT view_default(struct d3d11_view *v)
{
    switch (v->kind)
    {
        case D3D11_VIEW_SRV: return srv_default(v->resource, &v->desc.srv);
        case D3D11_VIEW_RTV: return rtv_default(v->resource, &v->desc.rtv);
        case D3D11_VIEW_DSV: return dsv_default(v->resource, &v->desc.dsv);
        default: return uav_default(v->resource, &v->desc.uav);
    }
}

static HRESULT view_validate(struct d3d11_device *device, struct d3d11_view *v)
{
    switch (v->kind)
    {
        case D3D11_VIEW_SRV: return srv_validate(device, v);
        case D3D11_VIEW_RTV: return rtv_validate(device, v);
        case D3D11_VIEW_DSV: return dsv_validate(device, v);
        default: return uav_validate(device, v);
    }
}

/* One creation path for every kind: desc NULL = the resource's default view; desc1: desc is
 * the *1 description (else the original). */
static HRESULT view_create(struct d3d11_device *device, ID3D11Resource *resource, enum d3d11_view_kind kind,
        const void *desc, bool desc1, void **out)
{
    struct d3d11_view v;
    UINT dimension;
    HRESULT hr;

    if (FAILED(hr = view_begin(resource, &v, kind, out)))
        return hr;
    if (!desc)
    {
        if (FAILED(hr = view_default(&v)))
            return hr;
    }
    else
    {
        memcpy(&v.desc, desc, desc1 ? view_kinds[kind].desc1_size : view_kinds[kind].desc_size);
        memcpy(&dimension, (const uint8_t *)desc + offsetof(D3D11_SHADER_RESOURCE_VIEW_DESC, ViewDimension), sizeof(dimension));
        if (!desc1 && dimension == view_kinds[kind].tex2d_dimension)
            memset((uint8_t *)&v.desc + view_kinds[kind].plane_offset, 0, sizeof(UINT));
    }
    if (FAILED(hr = view_validate(device, &v)))
        return hr;
    if (v.resource->dimension != D3D11_RESOURCE_DIMENSION_BUFFER && d3d11vk_format_planar_emulated(v.resource->format, NULL))
    {
        /* Emulated planar formats: a view reads the plane its format names (R8/R16: luma,
         * R8G8/R16G16: chroma); the *1 descriptions' PlaneSlice must agree. */
        int plane = d3d11vk_format_video_view_plane(v.resource->format, v.format);

        if (plane < 0)
            INVALID("View format %s is not a plane format of %s.", d3d11vk_format_name(v.format), v.resource->info->name);
        if (desc1 && v.plane != (UINT)plane)
            INVALID("Plane slice %u does not match view format %s.", v.plane, d3d11vk_format_name(v.format));
        v.plane = plane;
    }
    return view_finish(device, &v, view_kinds[kind].vtbl, out);
}

HRESULT d3d11_srv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_SHADER_RESOURCE_VIEW_DESC1 *desc, bool desc1, ID3D11ShaderResourceView1 **out)
{
    return view_create(device, resource, D3D11_VIEW_SRV, desc, desc1, (void **)out);
}

HRESULT d3d11_rtv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_RENDER_TARGET_VIEW_DESC1 *desc, bool desc1, ID3D11RenderTargetView1 **out)
{
    return view_create(device, resource, D3D11_VIEW_RTV, desc, desc1, (void **)out);
}

HRESULT d3d11_dsv_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_DEPTH_STENCIL_VIEW_DESC *desc, ID3D11DepthStencilView **out)
{
    return view_create(device, resource, D3D11_VIEW_DSV, desc, false, (void **)out);
}

HRESULT d3d11_uav_create(struct d3d11_device *device, ID3D11Resource *resource,
        const D3D11_UNORDERED_ACCESS_VIEW_DESC1 *desc, bool desc1, ID3D11UnorderedAccessView1 **out)
{
    return view_create(device, resource, D3D11_VIEW_UAV, desc, desc1, (void **)out);
}

/* Backend ---------------------------------------------------------------------------------- */

static VkImageViewType view_type(const struct d3d11_view *v)
{
    const struct d3d11_resource *r = v->resource;

    if (v->kind == D3D11_VIEW_SRV)
    {
        switch (v->desc.srv.ViewDimension)
        {
            case D3D11_SRV_DIMENSION_TEXTURE1D: return VK_IMAGE_VIEW_TYPE_1D;
            case D3D11_SRV_DIMENSION_TEXTURE1DARRAY: return VK_IMAGE_VIEW_TYPE_1D_ARRAY;
            case D3D11_SRV_DIMENSION_TEXTURE2D: case D3D11_SRV_DIMENSION_TEXTURE2DMS: return VK_IMAGE_VIEW_TYPE_2D;
            case D3D11_SRV_DIMENSION_TEXTURECUBE: return VK_IMAGE_VIEW_TYPE_CUBE;
            case D3D11_SRV_DIMENSION_TEXTURECUBEARRAY: return VK_IMAGE_VIEW_TYPE_CUBE_ARRAY;
            case D3D11_SRV_DIMENSION_TEXTURE3D: return VK_IMAGE_VIEW_TYPE_3D;
            default: return VK_IMAGE_VIEW_TYPE_2D_ARRAY;
        }
    }
    if (r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE1D)
        return r->array_size > 1 || v->layer_count > 1 ? VK_IMAGE_VIEW_TYPE_1D_ARRAY : VK_IMAGE_VIEW_TYPE_1D;
    if (r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
        return v->kind == D3D11_VIEW_UAV ? VK_IMAGE_VIEW_TYPE_3D : VK_IMAGE_VIEW_TYPE_2D_ARRAY;
    return v->layer_count > 1 ? VK_IMAGE_VIEW_TYPE_2D_ARRAY : VK_IMAGE_VIEW_TYPE_2D;
}

HRESULT d3d11_view_backend_init(struct d3d11_view *v)
{
    struct d3d11_resource *r = v->resource;
    const struct d3d11vk_format_info *info = d3d11vk_format_get(v->format);
    struct vk_image_view_desc desc = {0};
    struct vk_buffer_desc bdesc = {0};
    struct d3d11_view_backend *b;
    bool alt = false;
    VkResult vr;

    if (!(b = v->backend = calloc(1, sizeof(*b))))
        return E_OUTOFMEMORY;
    plat_mutex_init(&b->texel_lock);
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        if (v->kind == D3D11_VIEW_UAV && (v->desc.uav.Buffer.Flags & (D3D11_BUFFER_UAV_FLAG_APPEND | D3D11_BUFFER_UAV_FLAG_COUNTER)))
        {
            bdesc.size = 4;
            bdesc.usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
            bdesc.domain = VK_MEM_DOMAIN_DEVICE;
            if ((vr = vk_buffer_create(r->device->vk, &bdesc, &b->counter)) != VK_SUCCESS)
                return E_OUTOFMEMORY;
        }
        /* Typed buffer views are made by the binding code: a view names one slice of a
         * renamable buffer. */
        return S_OK;
    }
    if (r->backend && r->backend->plane[0] && v->plane < 2)
        r = r->backend->plane[v->plane];   /* emulated planar formats: the plane's image */
    if (!r->backend || !r->backend->image)
        return S_OK;
    desc.type = view_type(v);
    if (r->backend->aspects & (VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT))
    {
        desc.format = r->backend->image->desc.format;
        desc.aspects = v->kind == D3D11_VIEW_DSV ? 0 : info->aspect_depth;
    }
    else
    {
        desc.format = d3d11_texture_vk_format(r->device, info, 0, &alt);
        desc.aspects = VK_IMAGE_ASPECT_COLOR_BIT;
    }
    desc.base_mip = v->first_mip;
    desc.mip_count = v->kind == D3D11_VIEW_SRV ? v->mip_count : 1;
    desc.base_layer = v->first_layer;
    desc.layer_count = v->layer_count;
    if (desc.type == VK_IMAGE_VIEW_TYPE_3D)
    {
        desc.base_layer = 0;
        desc.layer_count = 1;
    }
    if (v->kind == D3D11_VIEW_SRV)
    {
        desc.swizzle = alt ? info->swizzle_alt : info->swizzle;
        desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    }
    else
        desc.usage = v->kind == D3D11_VIEW_RTV ? VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT
                : v->kind == D3D11_VIEW_DSV ? VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT : VK_IMAGE_USAGE_STORAGE_BIT;
    if ((vr = vk_image_view_create(r->backend->image, &desc, &b->view)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a %s view: %s.", info->name, vk_result_str(vr));
        return E_OUTOFMEMORY;
    }
    return S_OK;
}

void d3d11_view_backend_destroy(struct d3d11_view *v)
{
    struct d3d11_view_backend *b = v->backend;

    if (!b)
        return;
    if (b->view)
        vk_image_view_release(b->view);
    if (b->counter)
        vk_buffer_release(b->counter);
    if (b->texel)
        vk_buffer_view_release(b->texel);
    plat_mutex_destroy(&b->texel_lock);
    free(b);
    v->backend = NULL;
}

struct vk_buffer_view *d3d11_view_texel(struct d3d11_view *v, struct vk_cs *cs)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(v->format);
    struct d3d11_view_backend *b = v->backend;
    struct vk_buffer *buffer;
    struct vk_buffer_view *bv;

    if (!b || !info || !info->vk || !v->resource->backend || !(buffer = v->resource->backend->buffer))
        return NULL;
    /* Views may be bound on several contexts at once (deferred contexts on other threads). */
    plat_mutex_lock(&b->texel_lock);
    if (!(bv = b->texel) || bv->slice != buffer->slice)
    {
        if (vk_buffer_view_create(buffer, info->vk, v->buffer_offset, v->buffer_size, &bv) != VK_SUCCESS)
            bv = NULL;
        else
        {
            if (b->texel)
                vk_buffer_view_release(b->texel);   /* commands recorded with it hold their own references */
            b->texel = bv;
        }
    }
    if (bv)
        vk_cs_ref(cs, &bv->obj);
    plat_mutex_unlock(&b->texel_lock);
    return bv;
}
