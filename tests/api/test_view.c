/* test_view.c — shader-resource, render-target, depth-stencil and unordered-access views:
 * defaults for NULL descriptions, validation against the resource (formats, dimensions, mip
 * and array ranges, flags), GetResource/GetDesc and refcounts. */
#include "test.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define BAD ((void *)(uintptr_t)0xdeadbeef)

static ID3D11Device *device;

static ID3D11Texture2D *tex2d(UINT w, UINT h, UINT mips, UINT array, DXGI_FORMAT format, UINT bind, UINT misc)
{
    D3D11_TEXTURE2D_DESC d = { w, h, mips, array, format, { 1, 0 }, D3D11_USAGE_DEFAULT, bind, 0, misc };
    ID3D11Texture2D *t = NULL;
    HRESULT hr = ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
    ok(hr == S_OK, "texture %s: %#lx", "2d", (unsigned long)hr);
    return t;
}

static ID3D11Buffer *buffer(UINT size, UINT bind, UINT misc, UINT stride)
{
    D3D11_BUFFER_DESC d = { size, D3D11_USAGE_DEFAULT, bind, 0, misc, stride };
    ID3D11Buffer *b = NULL;
    HRESULT hr = ID3D11Device_CreateBuffer(device, &d, NULL, &b);
    ok(hr == S_OK, "buffer: %#lx", (unsigned long)hr);
    return b;
}

static void test_srv(void)
{
    ID3D11Texture2D *t = tex2d(16, 16, 0, 3, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_SHADER_RESOURCE, 0);
    ID3D11Texture2D *tl = tex2d(16, 16, 1, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, D3D11_BIND_SHADER_RESOURCE, 0);
    ID3D11Texture2D *cube = tex2d(8, 8, 1, 12, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_SHADER_RESOURCE, D3D11_RESOURCE_MISC_TEXTURECUBE);
    ID3D11Texture2D *nobind = tex2d(4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_RENDER_TARGET, 0);
    ID3D11Texture2D *depth = tex2d(4, 4, 1, 1, DXGI_FORMAT_R24G8_TYPELESS, D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_SHADER_RESOURCE, 0);
    D3D11_SHADER_RESOURCE_VIEW_DESC d, out;
    ID3D11ShaderResourceView *view;
    ID3D11Resource *res;
    ULONG ref;
    HRESULT hr;

    if (!t || !tl || !cube || !nobind || !depth)
        return;
    /* NULL description: the whole resource in its format. */
    ref = get_refcount(t);
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, NULL, &view);
    ok(hr == S_OK, "default SRV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ok(get_refcount(t) == ref + 1, "view holds a resource ref");
        ID3D11ShaderResourceView_GetDesc(view, &out);
        ok(out.Format == DXGI_FORMAT_R8G8B8A8_UNORM && out.ViewDimension == D3D11_SRV_DIMENSION_TEXTURE2DARRAY
                && out.Texture2DArray.MostDetailedMip == 0 && out.Texture2DArray.MipLevels == 5
                && out.Texture2DArray.FirstArraySlice == 0 && out.Texture2DArray.ArraySize == 3, "default SRV desc");
        ID3D11ShaderResourceView_GetResource(view, &res);
        ok(res == (ID3D11Resource *)t, "GetResource");
        ID3D11Resource_Release(res);
        ok(!ID3D11ShaderResourceView_Release(view), "view leaked");
        ok(get_refcount(t) == ref, "resource ref not given back");
    }
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, NULL, NULL) == S_FALSE, "validation only");

    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)cube, NULL, &view);
    ok(hr == S_OK, "cube SRV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11ShaderResourceView_GetDesc(view, &out);
        ok(out.ViewDimension == D3D11_SRV_DIMENSION_TEXTURECUBEARRAY && out.TextureCubeArray.NumCubes == 2, "cube default desc");
        ID3D11ShaderResourceView_Release(view);
    }

    view = BAD;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tl, NULL, &view) == E_INVALIDARG && !view,
            "typeless default view");
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)nobind, NULL, &view) == E_INVALIDARG && !view,
            "no SRV binding");
    ok(ID3D11Device_CreateShaderResourceView(device, NULL, NULL, &view) == E_INVALIDARG, "NULL resource");

    memset(&d, 0, sizeof(d));
    d.Format = DXGI_FORMAT_R8G8B8A8_UINT;
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
    d.Texture2D.MipLevels = 1;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tl, &d, &view) == S_OK, "typeless UINT view");
    ID3D11ShaderResourceView_Release(view);
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "typed resource, other format");
    d.Format = DXGI_FORMAT_R16G16_UINT;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tl, &d, &view) == E_INVALIDARG, "other family");
    d.Format = DXGI_FORMAT_R8G8B8A8_TYPELESS;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tl, &d, &view) == E_INVALIDARG, "typeless view format");

    d.Format = DXGI_FORMAT_UNKNOWN;
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DARRAY;
    d.Texture2DArray.MostDetailedMip = 1;
    d.Texture2DArray.MipLevels = ~0u;
    d.Texture2DArray.FirstArraySlice = 1;
    d.Texture2DArray.ArraySize = 2;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == S_OK, "mip -1 range");
    ID3D11ShaderResourceView_Release(view);
    d.Texture2DArray.MipLevels = 5;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "mip range too long");
    d.Texture2DArray.MipLevels = 0;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "zero mips");
    d.Texture2DArray.MipLevels = 1;
    d.Texture2DArray.ArraySize = 3;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "array range too long");
    d.Texture2DArray.ArraySize = 0;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "zero slices");
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURECUBE;
    d.TextureCube.MostDetailedMip = 0;
    d.TextureCube.MipLevels = 1;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "cube of non-cube");
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE3D;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "3D of 2D");
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DMS;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "MS of single-sample");
    d.ViewDimension = D3D11_SRV_DIMENSION_BUFFER;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "buffer of 2D");
    d.ViewDimension = 0x55;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &d, &view) == E_INVALIDARG, "bad dimension");

    /* Depth: the SRV format of the family, not the DSV format. */
    d.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
    d.Texture2D.MostDetailedMip = 0;
    d.Texture2D.MipLevels = 1;
    d.Format = DXGI_FORMAT_R24_UNORM_X8_TYPELESS;
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)depth, &d, &view);
    ok(hr == S_OK, "depth SRV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11ShaderResourceView_Release(view);
    d.Format = DXGI_FORMAT_D24_UNORM_S8_UINT;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)depth, &d, &view) == E_INVALIDARG, "DSV format as SRV");

    ID3D11Texture2D_Release(t);
    ID3D11Texture2D_Release(tl);
    ID3D11Texture2D_Release(cube);
    ID3D11Texture2D_Release(nobind);
    ID3D11Texture2D_Release(depth);
}

static void test_buffer_views(void)
{
    ID3D11Buffer *typed = buffer(256, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_UNORDERED_ACCESS, 0, 0);
    ID3D11Buffer *structured = buffer(256, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_UNORDERED_ACCESS,
            D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 16);
    ID3D11Buffer *raw = buffer(256, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_UNORDERED_ACCESS,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0);
    D3D11_SHADER_RESOURCE_VIEW_DESC s, out;
    D3D11_UNORDERED_ACCESS_VIEW_DESC u, uout;
    ID3D11ShaderResourceView *srv;
    ID3D11UnorderedAccessView *uav;
    HRESULT hr;

    if (!typed || !structured || !raw)
        return;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, NULL, &srv) == E_INVALIDARG, "typed buffer, NULL desc");
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)structured, NULL, &srv);
    ok(hr == S_OK, "structured NULL desc: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11ShaderResourceView_GetDesc(srv, &out);
        ok(out.Format == DXGI_FORMAT_UNKNOWN && out.ViewDimension == D3D11_SRV_DIMENSION_BUFFER
                && out.Buffer.FirstElement == 0 && out.Buffer.NumElements == 16, "structured default desc");
        ID3D11ShaderResourceView_Release(srv);
    }
    memset(&s, 0, sizeof(s));
    s.Format = DXGI_FORMAT_R32G32B32A32_FLOAT;
    s.ViewDimension = D3D11_SRV_DIMENSION_BUFFER;
    s.Buffer.FirstElement = 4;
    s.Buffer.NumElements = 12;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, &s, &srv) == S_OK, "typed range");
    ID3D11ShaderResourceView_Release(srv);
    s.Buffer.NumElements = 13;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, &s, &srv) == E_INVALIDARG, "typed range past the end");
    s.Buffer.NumElements = 0;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, &s, &srv) == E_INVALIDARG, "zero elements");
    s.Buffer.NumElements = 4;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)structured, &s, &srv) == E_INVALIDARG, "typed view of structured");
    s.Format = DXGI_FORMAT_UNKNOWN;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, &s, &srv) == E_INVALIDARG, "UNKNOWN on typed buffer");
    s.Format = DXGI_FORMAT_R32_TYPELESS;
    s.ViewDimension = D3D11_SRV_DIMENSION_BUFFEREX;
    s.BufferEx.FirstElement = 0;
    s.BufferEx.NumElements = 64;
    s.BufferEx.Flags = D3D11_BUFFEREX_SRV_FLAG_RAW;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)raw, &s, &srv) == S_OK, "raw SRV");
    ID3D11ShaderResourceView_Release(srv);
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)typed, &s, &srv) == E_INVALIDARG, "raw SRV without ALLOW_RAW_VIEWS");
    s.Format = DXGI_FORMAT_R32_UINT;
    ok(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)raw, &s, &srv) == E_INVALIDARG, "raw SRV with R32_UINT");

    memset(&u, 0, sizeof(u));
    u.Format = DXGI_FORMAT_UNKNOWN;
    u.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    u.Buffer.NumElements = 16;
    u.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_APPEND;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)structured, &u, &uav);
    ok(hr == S_OK, "append UAV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11UnorderedAccessView_GetDesc(uav, &uout);
        ok(uout.Buffer.Flags == D3D11_BUFFER_UAV_FLAG_APPEND && uout.Buffer.NumElements == 16, "append desc");
        ID3D11UnorderedAccessView_Release(uav);
    }
    u.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_COUNTER;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)structured, &u, &uav) == S_OK, "counter UAV");
    ID3D11UnorderedAccessView_Release(uav);
    u.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_COUNTER | D3D11_BUFFER_UAV_FLAG_APPEND;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)structured, &u, &uav) == E_INVALIDARG, "append|counter");
    u.Format = DXGI_FORMAT_R32_UINT;
    u.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_APPEND;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)typed, &u, &uav) == E_INVALIDARG, "append on typed");
    u.Format = DXGI_FORMAT_R32_TYPELESS;
    u.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    u.Buffer.NumElements = 64;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &u, &uav) == S_OK, "raw UAV");
    ID3D11UnorderedAccessView_Release(uav);
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)typed, &u, &uav) == E_INVALIDARG, "raw UAV without raw views");
    u.Format = DXGI_FORMAT_R32_FLOAT;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &u, &uav) == E_INVALIDARG, "raw UAV with a float format");
    u.Buffer.Flags = 0x10;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)typed, &u, &uav) == E_INVALIDARG, "unknown UAV flag");

    ID3D11Buffer_Release(typed);
    ID3D11Buffer_Release(structured);
    ID3D11Buffer_Release(raw);
}

static void test_rtv_dsv(void)
{
    ID3D11Texture2D *rt = tex2d(8, 8, 2, 4, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_RENDER_TARGET, 0);
    ID3D11Texture2D *ds = tex2d(8, 8, 1, 1, DXGI_FORMAT_D24_UNORM_S8_UINT, D3D11_BIND_DEPTH_STENCIL, 0);
    ID3D11Texture2D *d32 = tex2d(8, 8, 1, 1, DXGI_FORMAT_D32_FLOAT, D3D11_BIND_DEPTH_STENCIL, 0);
    D3D11_TEXTURE3D_DESC d3 = { 8, 8, 8, 2, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET };
    D3D11_RENDER_TARGET_VIEW_DESC r, rout;
    D3D11_DEPTH_STENCIL_VIEW_DESC d, dout;
    ID3D11RenderTargetView *rtv;
    ID3D11DepthStencilView *dsv;
    ID3D11Texture3D *t3 = NULL;
    HRESULT hr;

    if (!rt || !ds || !d32)
        return;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv);
    ok(hr == S_OK, "default RTV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11RenderTargetView_GetDesc(rtv, &rout);
        ok(rout.ViewDimension == D3D11_RTV_DIMENSION_TEXTURE2DARRAY && rout.Texture2DArray.MipSlice == 0
                && rout.Texture2DArray.ArraySize == 4, "default RTV desc");
        ID3D11RenderTargetView_Release(rtv);
    }
    memset(&r, 0, sizeof(r));
    r.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    r.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2DARRAY;
    r.Texture2DArray.MipSlice = 2;
    r.Texture2DArray.ArraySize = 1;
    ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, &r, &rtv) == E_INVALIDARG, "mip slice past the end");
    r.Texture2DArray.MipSlice = 1;
    r.Texture2DArray.FirstArraySlice = 3;
    r.Texture2DArray.ArraySize = 2;
    ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, &r, &rtv) == E_INVALIDARG, "slices past the end");
    r.Format = DXGI_FORMAT_R8G8B8A8_UNORM_SRGB;
    r.Texture2DArray.ArraySize = 1;
    ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, &r, &rtv) == E_INVALIDARG, "sRGB view of typed UNORM");
    ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ds, NULL, &rtv) == E_INVALIDARG, "RTV of depth");

    if (SUCCEEDED(ID3D11Device_CreateTexture3D(device, &d3, NULL, &t3)))
    {
        r.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
        r.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE3D;
        r.Texture3D.MipSlice = 1;
        r.Texture3D.FirstWSlice = 1;
        r.Texture3D.WSize = ~0u;
        ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t3, &r, &rtv) == S_OK, "3D RTV, all slices from 1");
        ID3D11RenderTargetView_Release(rtv);
        r.Texture3D.WSize = 4;   /* mip 1 has 4 slices */
        ok(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t3, &r, &rtv) == E_INVALIDARG, "3D RTV past the end");
        ID3D11Texture3D_Release(t3);
    }

    hr = ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)ds, NULL, &dsv);
    ok(hr == S_OK, "default DSV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11DepthStencilView_GetDesc(dsv, &dout);
        ok(dout.Format == DXGI_FORMAT_D24_UNORM_S8_UINT && dout.ViewDimension == D3D11_DSV_DIMENSION_TEXTURE2D
                && !dout.Flags, "default DSV desc");
        ID3D11DepthStencilView_Release(dsv);
    }
    memset(&d, 0, sizeof(d));
    d.Format = DXGI_FORMAT_D24_UNORM_S8_UINT;
    d.ViewDimension = D3D11_DSV_DIMENSION_TEXTURE2D;
    d.Flags = D3D11_DSV_READ_ONLY_DEPTH | D3D11_DSV_READ_ONLY_STENCIL;
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)ds, &d, &dsv) == S_OK, "read-only DSV");
    ID3D11DepthStencilView_Release(dsv);
    d.Flags = 0x4;
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)ds, &d, &dsv) == E_INVALIDARG, "unknown DSV flag");
    d.Format = DXGI_FORMAT_D32_FLOAT;
    d.Flags = D3D11_DSV_READ_ONLY_STENCIL;
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)d32, &d, &dsv) == E_INVALIDARG, "read-only stencil without stencil");
    d.Flags = D3D11_DSV_READ_ONLY_DEPTH;
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)d32, &d, &dsv) == S_OK, "read-only depth on D32");
    ID3D11DepthStencilView_Release(dsv);
    d.Format = DXGI_FORMAT_D24_UNORM_S8_UINT;
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)d32, &d, &dsv) == E_INVALIDARG, "other family");
    ok(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)rt, NULL, &dsv) == E_INVALIDARG, "DSV of colour");

    ID3D11Texture2D_Release(rt);
    ID3D11Texture2D_Release(ds);
    ID3D11Texture2D_Release(d32);
}

static void test_uav_textures(void)
{
    ID3D11Texture2D *t = tex2d(8, 8, 3, 2, DXGI_FORMAT_R32_FLOAT, D3D11_BIND_UNORDERED_ACCESS, 0);
    D3D11_UNORDERED_ACCESS_VIEW_DESC u, out;
    ID3D11UnorderedAccessView *uav;
    ID3D11View *view;
    HRESULT hr;

    if (!t)
        return;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)t, NULL, &uav);
    ok(hr == S_OK, "default UAV: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11UnorderedAccessView_GetDesc(uav, &out);
        ok(out.ViewDimension == D3D11_UAV_DIMENSION_TEXTURE2DARRAY && out.Texture2DArray.ArraySize == 2, "default UAV desc");
        ok(SUCCEEDED(ID3D11UnorderedAccessView_QueryInterface(uav, &IID_ID3D11View, (void **)&view)), "ID3D11View");
        ID3D11View_Release(view);
        ID3D11UnorderedAccessView_Release(uav);
    }
    memset(&u, 0, sizeof(u));
    u.Format = DXGI_FORMAT_R32_FLOAT;
    u.ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2D;
    u.Texture2D.MipSlice = 3;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)t, &u, &uav) == E_INVALIDARG, "UAV mip past the end");
    u.Texture2D.MipSlice = 2;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)t, &u, &uav) == S_OK, "UAV mip 2");
    ID3D11UnorderedAccessView_Release(uav);
    u.ViewDimension = D3D11_UAV_DIMENSION_TEXTURE3D;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)t, &u, &uav) == E_INVALIDARG, "3D UAV of 2D");
    ID3D11Texture2D_Release(t);
}

/* Views made from the original (non-*1) descriptions: their union is shorter, so the bytes where
 * a *1 description keeps Texture2D.PlaneSlice belong to other members there; the view reads
 * plane 0, and GetDesc1 reports it. One creation path serves all four kinds. */
static void test_old_desc_plane_slice(void)
{
    ID3D11Texture2D *t = tex2d(8, 8, 1, 4, DXGI_FORMAT_R8G8B8A8_UNORM,
            D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET | D3D11_BIND_UNORDERED_ACCESS, 0);
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    D3D11_SHADER_RESOURCE_VIEW_DESC1 sd1;
    D3D11_RENDER_TARGET_VIEW_DESC1 rd1;
    D3D11_UNORDERED_ACCESS_VIEW_DESC1 ud1;
    ID3D11ShaderResourceView1 *srv1;
    ID3D11RenderTargetView1 *rtv1;
    ID3D11UnorderedAccessView1 *uav1;
    ID3D11ShaderResourceView *srv;
    ID3D11RenderTargetView *rtv;
    ID3D11UnorderedAccessView *uav;
    HRESULT hr;

    if (!t)
        return;
    /* Texture2DArray members first, then the dimension switched to TEXTURE2D: the word after
     * MipSlice (RTV/UAV) or MipLevels (SRV) is a nonzero first slice. */
    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    sd.Texture2DArray.MipLevels = 1;
    sd.Texture2DArray.FirstArraySlice = 3;
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, &sd, &srv);
    ok(hr == S_OK, "SRV from an old description: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        if (SUCCEEDED(ID3D11ShaderResourceView_QueryInterface(srv, &IID_ID3D11ShaderResourceView1, (void **)&srv1)))
        {
            ID3D11ShaderResourceView1_GetDesc1(srv1, &sd1);
            ok(sd1.Texture2D.PlaneSlice == 0 && sd1.Texture2D.MipLevels == 1, "SRV plane slice %u", sd1.Texture2D.PlaneSlice);
            ID3D11ShaderResourceView1_Release(srv1);
        }
        ID3D11ShaderResourceView_Release(srv);
    }
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    rd.Texture2DArray.FirstArraySlice = 2;
    rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2D;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t, &rd, &rtv);
    ok(hr == S_OK, "RTV from an old description: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        if (SUCCEEDED(ID3D11RenderTargetView_QueryInterface(rtv, &IID_ID3D11RenderTargetView1, (void **)&rtv1)))
        {
            ID3D11RenderTargetView1_GetDesc1(rtv1, &rd1);
            ok(rd1.Texture2D.PlaneSlice == 0, "RTV plane slice %u", rd1.Texture2D.PlaneSlice);
            ID3D11RenderTargetView1_Release(rtv1);
        }
        ID3D11RenderTargetView_Release(rtv);
    }
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    ud.Texture2DArray.FirstArraySlice = 1;
    ud.ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2D;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)t, &ud, &uav);
    ok(hr == S_OK, "UAV from an old description: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        if (SUCCEEDED(ID3D11UnorderedAccessView_QueryInterface(uav, &IID_ID3D11UnorderedAccessView1, (void **)&uav1)))
        {
            ID3D11UnorderedAccessView1_GetDesc1(uav1, &ud1);
            ok(ud1.Texture2D.PlaneSlice == 0, "UAV plane slice %u", ud1.Texture2D.PlaneSlice);
            ID3D11UnorderedAccessView1_Release(uav1);
        }
        ID3D11UnorderedAccessView_Release(uav);
    }
    ID3D11Texture2D_Release(t);
}

int main(void)
{
    if (!test_init())
        return test_finish();
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL)))
    {
        ok(0, "no device");
        return test_finish();
    }
    run_test(test_srv);
    run_test(test_buffer_views);
    run_test(test_rtv_dsv);
    run_test(test_uav_textures);
    run_test(test_old_desc_plane_slice);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
