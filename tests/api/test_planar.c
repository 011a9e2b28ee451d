/* test_planar.c — planar 4:2:0 video formats (NV12, P010, P016), emulated with one image per
 * plane on every device: CheckFormatSupport, creation rules, initial data in the D3D layout
 * (luma rows, then chroma rows from pitch * height on), readback through staging copies and
 * Map, UpdateSubresource boxes, CopySubresourceRegion between planar textures, dynamic Map,
 * rendering into the chroma plane through an R8G8/R16G16 render target view and reading the
 * luma plane through an R8/R16 shader resource view in a dispatch. Every texel is compared
 * with what the test computes. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define W 16
#define H 8

static ID3D11Device *device;
static ID3D11DeviceContext *context;

#define HR_OK(expr, what) do { HRESULT hr_ = (expr); ok(hr_ == S_OK, "%s: %#lx", what, (unsigned long)hr_); } while (0)
#define release(p) do { if (p) { IUnknown_Release((IUnknown *)(p)); (p) = NULL; } } while (0)

static const struct planar_format
{
    DXGI_FORMAT format, luma, chroma;
    UINT bytes;   /* per luma texel */
    const char *name;
}
formats[] =
{
    { DXGI_FORMAT_NV12, DXGI_FORMAT_R8_UNORM, DXGI_FORMAT_R8G8_UNORM, 1, "NV12" },
    { DXGI_FORMAT_P010, DXGI_FORMAT_R16_UNORM, DXGI_FORMAT_R16G16_UNORM, 2, "P010" },
    { DXGI_FORMAT_P016, DXGI_FORMAT_R16_UNORM, DXGI_FORMAT_R16G16_UNORM, 2, "P016" },
};

/* The texture's contents as the test expects them: luma[y][x], chroma[y][x][2]. */
struct image
{
    uint32_t luma[H][W];
    uint32_t chroma[H / 2][W / 2][2];
};

static uint32_t mask_of(const struct planar_format *f)
{
    return f->bytes == 1 ? 0xffu : 0xffffu;
}

static void pattern(const struct planar_format *f, struct image *img, uint32_t seed)
{
    UINT x, y;

    for (y = 0; y < H; ++y)
        for (x = 0; x < W; ++x)
            img->luma[y][x] = (x * 37u + y * 101u + seed * 7u + 3u) * 0x0101u & mask_of(f);
    for (y = 0; y < H / 2; ++y)
        for (x = 0; x < W / 2; ++x)
        {
            img->chroma[y][x][0] = (x * 53u + y * 11u + seed * 13u + 200u) * 0x0101u & mask_of(f);
            img->chroma[y][x][1] = (x * 5u + y * 71u + seed * 3u + 17u) * 0x0101u & mask_of(f);
        }
}

static void put(const struct planar_format *f, uint8_t *p, uint32_t v)
{
    if (f->bytes == 1)
        *p = (uint8_t)v;
    else
        memcpy(p, &(uint16_t){ (uint16_t)v }, 2);
}

static uint32_t get(const struct planar_format *f, const uint8_t *p)
{
    uint16_t v;

    if (f->bytes == 1)
        return *p;
    memcpy(&v, p, 2);
    return v;
}

/* Writes the D3D layout of a region (x0, y0, w, h in luma texels, even) of img at mem. */
static void store(const struct planar_format *f, const struct image *img, uint8_t *mem, size_t pitch,
        UINT x0, UINT y0, UINT w, UINT h)
{
    UINT x, y;

    for (y = 0; y < h; ++y)
        for (x = 0; x < w; ++x)
            put(f, mem + y * pitch + x * f->bytes, img->luma[y0 + y][x0 + x]);
    for (y = 0; y < h / 2; ++y)
        for (x = 0; x < w / 2; ++x)
        {
            put(f, mem + pitch * h + y * pitch + x * 2 * f->bytes, img->chroma[y0 / 2 + y][x0 / 2 + x][0]);
            put(f, mem + pitch * h + y * pitch + (x * 2 + 1) * f->bytes, img->chroma[y0 / 2 + y][x0 / 2 + x][1]);
        }
}

/* Texels of a mapped full subresource that differ from img. */
static unsigned int compare(const struct planar_format *f, const struct image *img, const uint8_t *mem, size_t pitch)
{
    unsigned int bad = 0;
    UINT x, y;

    for (y = 0; y < H; ++y)
        for (x = 0; x < W; ++x)
            bad += get(f, mem + y * pitch + x * f->bytes) != img->luma[y][x];
    for (y = 0; y < H / 2; ++y)
        for (x = 0; x < W / 2; ++x)
        {
            bad += get(f, mem + pitch * H + y * pitch + x * 2 * f->bytes) != img->chroma[y][x][0];
            bad += get(f, mem + pitch * H + y * pitch + (x * 2 + 1) * f->bytes) != img->chroma[y][x][1];
        }
    return bad;
}

static ID3D11Texture2D *make_texture(const struct planar_format *f, D3D11_USAGE usage, UINT bind, UINT cpu,
        const struct image *img, size_t pad)
{
    D3D11_TEXTURE2D_DESC d = { W, H, 1, 1, f->format, { 1, 0 }, usage, bind, cpu, 0 };
    size_t pitch = W * f->bytes + pad;
    D3D11_SUBRESOURCE_DATA init;
    ID3D11Texture2D *t = NULL;
    uint8_t *mem = NULL;
    HRESULT hr;

    if (img)
    {
        mem = calloc(1, pitch * (H + H / 2));
        store(f, img, mem, pitch, 0, 0, W, H);
        init.pSysMem = mem;
        init.SysMemPitch = (UINT)pitch;
        init.SysMemSlicePitch = (UINT)(pitch * (H + H / 2));
    }
    hr = ID3D11Device_CreateTexture2D(device, &d, img ? &init : NULL, &t);
    ok(hr == S_OK && t, "%s: CreateTexture2D usage %u bind %#x: %#lx", f->name, usage, bind, (unsigned long)hr);
    free(mem);
    return t;
}

/* Copies tex into a fresh staging texture and compares every texel of both planes. */
static void check_contents(const struct planar_format *f, ID3D11Texture2D *tex, const struct image *img, const char *what)
{
    ID3D11Texture2D *staging = make_texture(f, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, NULL, 0);
    D3D11_MAPPED_SUBRESOURCE map;
    HRESULT hr;

    if (!staging)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)tex);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "%s %s: Map: %#lx", f->name, what, (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ok(map.RowPitch >= W * f->bytes && map.DepthPitch >= map.RowPitch * (H + H / 2),
                "%s %s: pitches %u %u", f->name, what, map.RowPitch, map.DepthPitch);
        ok(!compare(f, img, map.pData, map.RowPitch), "%s %s: %u texels differ", f->name, what,
                compare(f, img, map.pData, map.RowPitch));
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    release(staging);
}

static void *assemble(const char *text, size_t *size)
{
    char error[256] = "";
    void *blob = NULL;

    if (!dxbc_assemble(text, &blob, size, error, sizeof(error)))
    {
        ok(0, "assembling: %s", error);
        return NULL;
    }
    return blob;
}

static const char vs_fullscreen[] =
    "vs_4_0\n"
    "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input_sgv v0.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_temps 1\n"
    "ushr r0.x, v0.x, l(1)\n"
    "and r0.y, v0.x, l(1)\n"
    "utof r0.xy, r0.xyxx\n"
    "mad o0.xy, r0.xyxx, l(4.0, 4.0, 0, 0), l(-1.0, -1.0, 0, 0)\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

/* (0.2, 0.6) everywhere: 51/153 as 8-bit unorm, 13107/39321 as 16-bit. */
static const char ps_const[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, l(0.2, 0.6, 0, 1.0)\n"
    "ret\n";

/* u0[y * 16 + x] = t0.Load(x, y).x for the 16x8 luma plane. */
static const char cs_luma[] =
    "cs_5_0\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_uav_typed_buffer (float,float,float,float) u0\n"
    "dcl_input vThreadID.xy\n"
    "dcl_temps 2\n"
    "dcl_thread_group 8, 8, 1\n"
    "mov r0.xy, vThreadID.xyxx\n"
    "mov r0.zw, l(0, 0, 0, 0)\n"
    "ld r1.xyzw, r0.xyzw, t0.xyzw\n"
    "imad r0.x, vThreadID.y, l(16), vThreadID.x\n"
    "store_uav_typed u0.xyzw, r0.xxxx, r1.xxxx\n"
    "ret\n";

static void test_support_and_creation(void)
{
    const UINT need = D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE
            | D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_RENDER_TARGET;
    D3D11_SHADER_RESOURCE_VIEW_DESC1 sd;
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    D3D11_TEXTURE2D_DESC d;
    D3D11_TEXTURE1D_DESC d1 = { W, 1, 1, DXGI_FORMAT_NV12, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    ID3D11ShaderResourceView1 *srv1;
    ID3D11ShaderResourceView *srv;
    ID3D11RenderTargetView *rtv;
    ID3D11Texture1D *t1 = NULL;
    ID3D11Texture2D *t;
    ID3D11Device3 *dev3 = NULL;
    unsigned int i;
    UINT support;
    HRESULT hr;

    ID3D11Device_QueryInterface(device, &IID_ID3D11Device3, (void **)&dev3);
    for (i = 0; i < ARRAY_SIZE(formats); ++i)
    {
        const struct planar_format *f = &formats[i];
        const struct { UINT w, h, mips, bind, misc; const char *what; } bad[] =
        {
            { W - 1, H, 1, D3D11_BIND_SHADER_RESOURCE, 0, "odd width" },
            { W, H - 1, 1, D3D11_BIND_SHADER_RESOURCE, 0, "odd height" },
            { W, H, 2, D3D11_BIND_SHADER_RESOURCE, 0, "two mips" },
            { W, H, 0, D3D11_BIND_SHADER_RESOURCE, 0, "full mip chain" },
            { W, H, 1, D3D11_BIND_DEPTH_STENCIL, 0, "depth-stencil binding" },
            { W, H, 1, D3D11_BIND_UNORDERED_ACCESS, 0, "unordered access" },
            { W, W, 1, D3D11_BIND_SHADER_RESOURCE, D3D11_RESOURCE_MISC_TEXTURECUBE, "cube" },
        };
        unsigned int j;

        support = 0;
        hr = ID3D11Device_CheckFormatSupport(device, f->format, &support);
        ok(hr == S_OK && (support & need) == need, "%s: support %#x (%#lx)", f->name, support, (unsigned long)hr);
        ok(!(support & (D3D11_FORMAT_SUPPORT_TEXTURE1D | D3D11_FORMAT_SUPPORT_TEXTURE3D | D3D11_FORMAT_SUPPORT_MIP
                | D3D11_FORMAT_SUPPORT_DEPTH_STENCIL | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)),
                "%s: support %#x offers what is not emulated", f->name, support);
        for (j = 0; j < ARRAY_SIZE(bad); ++j)
        {
            D3D11_TEXTURE2D_DESC b = { bad[j].w, bad[j].h, bad[j].mips, bad[j].misc & D3D11_RESOURCE_MISC_TEXTURECUBE ? 6 : 1,
                    f->format, { 1, 0 }, D3D11_USAGE_DEFAULT, bad[j].bind, 0, bad[j].misc };

            t = NULL;
            hr = ID3D11Device_CreateTexture2D(device, &b, NULL, &t);
            ok(hr == E_INVALIDARG && !t, "%s with %s: %#lx", f->name, bad[j].what, (unsigned long)hr);
            release(t);
        }
        d1.Format = f->format;
        hr = ID3D11Device_CreateTexture1D(device, &d1, NULL, &t1);
        ok(hr == E_INVALIDARG && !t1, "%s 1D texture: %#lx", f->name, (unsigned long)hr);
        release(t1);

        /* Arrays, dynamic and staging textures are fine. */
        d = (D3D11_TEXTURE2D_DESC){ W, H, 1, 3, f->format, { 1, 0 }, D3D11_USAGE_DEFAULT,
                D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET, 0, 0 };
        t = NULL;
        HR_OK(ID3D11Device_CreateTexture2D(device, &d, NULL, &t), "planar array");
        if (t)
        {
            /* Views: the plane follows the format; the wrong slice, the planar format itself
             * and a format of the other plane's size are refused. */
            memset(&rd, 0, sizeof(rd));
            rd.Format = f->chroma;
            rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2DARRAY;
            rd.Texture2DArray.FirstArraySlice = 1;
            rd.Texture2DArray.ArraySize = 2;
            rtv = NULL;
            HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t, &rd, &rtv), "chroma array RTV");
            release(rtv);
            rd.Format = f->format;
            hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t, &rd, &rtv);
            ok(hr == E_INVALIDARG, "%s: RTV of the planar format: %#lx", f->name, (unsigned long)hr);
            release(rtv);
            hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, NULL, &srv);
            ok(hr == E_INVALIDARG, "%s: default SRV: %#lx", f->name, (unsigned long)hr);
            if (SUCCEEDED(hr)) release(srv);
            if (dev3)
            {
                memset(&sd, 0, sizeof(sd));
                sd.Format = f->chroma;
                sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DARRAY;
                sd.Texture2DArray.MipLevels = 1;
                sd.Texture2DArray.ArraySize = 3;
                sd.Texture2DArray.PlaneSlice = 0;
                srv1 = NULL;
                hr = ID3D11Device3_CreateShaderResourceView1(dev3, (ID3D11Resource *)t, &sd, &srv1);
                ok(hr == E_INVALIDARG, "%s: chroma format with plane slice 0: %#lx", f->name, (unsigned long)hr);
                release(srv1);
                sd.Texture2DArray.PlaneSlice = 1;
                hr = ID3D11Device3_CreateShaderResourceView1(dev3, (ID3D11Resource *)t, &sd, &srv1);
                ok(hr == S_OK, "%s: chroma SRV with plane slice 1: %#lx", f->name, (unsigned long)hr);
                release(srv1);
            }
            release(t);
        }
        d.ArraySize = 1;
        d.Usage = D3D11_USAGE_DYNAMIC;
        d.BindFlags = D3D11_BIND_SHADER_RESOURCE;
        d.CPUAccessFlags = D3D11_CPU_ACCESS_WRITE;
        HR_OK(ID3D11Device_CreateTexture2D(device, &d, NULL, &t), "planar dynamic");
        release(t);
    }
    release(dev3);
}

static void test_transfers(void)
{
    D3D11_MAPPED_SUBRESOURCE map;
    struct image img, src_img;
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(formats); ++i)
    {
        const struct planar_format *f = &formats[i];
        ID3D11Texture2D *tex, *staging, *dyn;
        D3D11_BOX box = { 2, 2, 0, 10, 6, 1 };
        size_t pitch = 12 * f->bytes;   /* an 8-texel box with a padded pitch */
        uint8_t *mem;
        struct image upd;
        UINT x, y;

        /* Initial data with a padded pitch, read back whole. */
        pattern(f, &img, 1 + i);
        if (!(tex = make_texture(f, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET, 0, &img, 6)))
            continue;
        check_contents(f, tex, &img, "initial data");

        /* UpdateSubresource of an even box: luma rows, then chroma rows from pitch * 4 on. */
        pattern(f, &upd, 40 + i);
        mem = calloc(1, pitch * 6);
        for (y = 0; y < 4; ++y)
            for (x = 0; x < 8; ++x)
                img.luma[2 + y][2 + x] = upd.luma[y][x];
        for (y = 0; y < 2; ++y)
            for (x = 0; x < 4; ++x)
            {
                img.chroma[1 + y][1 + x][0] = upd.chroma[y][x][0];
                img.chroma[1 + y][1 + x][1] = upd.chroma[y][x][1];
            }
        store(f, &upd, mem, pitch, 0, 0, 8, 4);
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tex, 0, &box, mem, (UINT)pitch, 0);
        free(mem);
        check_contents(f, tex, &img, "UpdateSubresource box");
        /* An odd box is dropped. */
        box.left = 1;
        mem = calloc(1, pitch * 6);
        memset(mem, 0x5a, pitch * 6);
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tex, 0, &box, mem, (UINT)pitch, 0);
        free(mem);
        check_contents(f, tex, &img, "odd UpdateSubresource box");

        /* A staging texture with initial data, mapped, then CopySubresourceRegion of an even
         * box into the default texture. */
        pattern(f, &src_img, 70 + i);
        staging = make_texture(f, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE, &src_img, 2);
        if (staging)
        {
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
            ok(hr == S_OK, "%s: Map staging: %#lx", f->name, (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                ok(!compare(f, &src_img, map.pData, map.RowPitch), "%s: staging initial data: %u texels differ",
                        f->name, compare(f, &src_img, map.pData, map.RowPitch));
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
            }
            box = (D3D11_BOX){ 4, 2, 0, 12, 8, 1 };
            ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)tex, 0, 6, 0, 0,
                    (ID3D11Resource *)staging, 0, &box);
            for (y = 0; y < 6; ++y)
                for (x = 0; x < 8; ++x)
                    img.luma[y][6 + x] = src_img.luma[2 + y][4 + x];
            for (y = 0; y < 3; ++y)
                for (x = 0; x < 4; ++x)
                {
                    img.chroma[y][3 + x][0] = src_img.chroma[1 + y][2 + x][0];
                    img.chroma[y][3 + x][1] = src_img.chroma[1 + y][2 + x][1];
                }
            check_contents(f, tex, &img, "CopySubresourceRegion staging -> default");
            /* Odd destination coordinates are dropped. */
            ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)tex, 0, 1, 0, 0,
                    (ID3D11Resource *)staging, 0, &box);
            check_contents(f, tex, &img, "odd CopySubresourceRegion");
            /* Staging -> staging through CopyResource, and a written map. */
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_WRITE, 0, &map);
            ok(hr == S_OK, "%s: Map staging for writing: %#lx", f->name, (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                pattern(f, &src_img, 90 + i);
                store(f, &src_img, map.pData, map.RowPitch, 0, 0, W, H);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
            }
            check_contents(f, staging, &src_img, "staging written through Map");
            release(staging);
        }

        /* Dynamic: Map(WRITE_DISCARD) in the D3D layout, Unmap uploads both planes. */
        dyn = make_texture(f, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE, NULL, 0);
        if (dyn)
        {
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
            ok(hr == S_OK, "%s: Map dynamic: %#lx", f->name, (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                pattern(f, &src_img, 120 + i);
                store(f, &src_img, map.pData, map.RowPitch, 0, 0, W, H);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)dyn, 0);
                check_contents(f, dyn, &src_img, "dynamic Map");
            }
            release(dyn);
        }
        release(tex);
    }
}

static void test_views(void)
{
    static const float clear[4] = { 1.0f, 0.0f, 0.0f, 0.0f };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, W / 2, H / 2, 0.0f, 1.0f };
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    D3D11_BUFFER_DESC bd;
    D3D11_MAPPED_SUBRESOURCE map;
    struct image img;
    unsigned int i;
    size_t size;
    void *blob;
    HRESULT hr;
    ID3D11VertexShader *vs = NULL;
    ID3D11PixelShader *ps = NULL;
    ID3D11ComputeShader *cs = NULL;

    if ((blob = assemble(vs_fullscreen, &size)))
    {
        HR_OK(ID3D11Device_CreateVertexShader(device, blob, size, NULL, &vs), "CreateVertexShader");
        free(blob);
    }
    if ((blob = assemble(ps_const, &size)))
    {
        HR_OK(ID3D11Device_CreatePixelShader(device, blob, size, NULL, &ps), "CreatePixelShader");
        free(blob);
    }
    if ((blob = assemble(cs_luma, &size)))
    {
        HR_OK(ID3D11Device_CreateComputeShader(device, blob, size, NULL, &cs), "CreateComputeShader");
        free(blob);
    }
    for (i = 0; i < ARRAY_SIZE(formats); ++i)
    {
        const struct planar_format *f = &formats[i];
        ID3D11RenderTargetView *rtv = NULL;
        ID3D11ShaderResourceView *srv = NULL;
        ID3D11UnorderedAccessView *uav = NULL;
        ID3D11Buffer *buffer = NULL, *readback = NULL;
        ID3D11Texture2D *tex;
        unsigned int bad = 0;
        UINT x, y;

        pattern(f, &img, 200 + i);
        if (!(tex = make_texture(f, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET, 0, &img, 0)))
            continue;

        /* The chroma plane through a render target view (the old description: the plane
         * follows the format): a clear, then a draw over its top-left quarter. */
        memset(&rd, 0, sizeof(rd));
        rd.Format = f->chroma;
        rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2D;
        HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)tex, &rd, &rtv), "chroma RTV");
        if (rtv && vs && ps)
        {
            ID3D11DeviceContext_ClearRenderTargetView(context, rtv, clear);
            for (y = 0; y < H / 2; ++y)
                for (x = 0; x < W / 2; ++x)
                {
                    img.chroma[y][x][0] = mask_of(f);
                    img.chroma[y][x][1] = 0;
                }
            check_contents(f, tex, &img, "chroma RTV clear");
            vp.Width = W / 4;
            vp.Height = H / 4;
            ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
            ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
            ID3D11DeviceContext_IASetInputLayout(context, NULL);
            ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
            ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
            ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
            ID3D11DeviceContext_Draw(context, 3, 0);
            ID3D11DeviceContext_OMSetRenderTargets(context, 0, NULL, NULL);
            for (y = 0; y < H / 4; ++y)
                for (x = 0; x < W / 4; ++x)
                {
                    img.chroma[y][x][0] = f->bytes == 1 ? 51 : 13107;
                    img.chroma[y][x][1] = f->bytes == 1 ? 153 : 39321;
                }
            check_contents(f, tex, &img, "draw into the chroma plane");
        }
        release(rtv);

        /* The luma plane through a shader resource view, loaded in a dispatch. */
        memset(&sd, 0, sizeof(sd));
        sd.Format = f->luma;
        sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
        sd.Texture2D.MipLevels = 1;
        HR_OK(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tex, &sd, &srv), "luma SRV");
        bd = (D3D11_BUFFER_DESC){ W * H * 4, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, 0, 0 };
        HR_OK(ID3D11Device_CreateBuffer(device, &bd, NULL, &buffer), "UAV buffer");
        bd = (D3D11_BUFFER_DESC){ W * H * 4, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 };
        HR_OK(ID3D11Device_CreateBuffer(device, &bd, NULL, &readback), "readback buffer");
        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R32_FLOAT;
        ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
        ud.Buffer.NumElements = W * H;
        if (buffer)
            HR_OK(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &ud, &uav), "buffer UAV");
        if (srv && uav && readback && cs)
        {
            ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
            ID3D11DeviceContext_CSSetShaderResources(context, 0, 1, &srv);
            ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
            ID3D11DeviceContext_Dispatch(context, W / 8, H / 8, 1);
            ID3D11DeviceContext_CSSetShaderResources(context, 0, 1, &(ID3D11ShaderResourceView *){ NULL });
            ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &(ID3D11UnorderedAccessView *){ NULL }, NULL);
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)readback, (ID3D11Resource *)buffer);
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)readback, 0, D3D11_MAP_READ, 0, &map);
            ok(hr == S_OK, "%s: Map readback: %#lx", f->name, (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                const float *v = map.pData;

                for (y = 0; y < H; ++y)
                    for (x = 0; x < W; ++x)
                    {
                        float expect = (float)img.luma[y][x] / (float)mask_of(f);
                        float diff = v[y * W + x] - expect;

                        if (diff > 1e-5f || diff < -1e-5f)
                        {
                            if (!bad++)
                                printf("   %s (%u,%u): %.6f, expected %.6f\n", f->name, x, y, v[y * W + x], expect);
                        }
                    }
                ok(!bad, "%s: luma SRV in a dispatch: %u texels differ", f->name, bad);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)readback, 0);
            }
        }
        release(uav);
        release(srv);
        release(buffer);
        release(readback);
        release(tex);
    }
    release(vs);
    release(ps);
    release(cs);
}

int main(void)
{
    ULONG refs;

    if (!test_init())
        return test_finish();
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context)))
    {
        ok(0, "no device");
        return test_finish();
    }
    run_test(test_support_and_creation);
    run_test(test_transfers);
    run_test(test_views);
    ID3D11DeviceContext_Release(context);
    refs = ID3D11Device_Release(device);
    ok(!refs, "device references left: %u", (unsigned int)refs);
    return test_finish();
}
