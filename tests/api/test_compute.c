/* test_compute.c — compute and unordered access: typed (buffer and texture), raw and
 * structured UAVs, atomics with their returned old values, append/consume counters with
 * initial counts and CopyStructureCount, group-shared memory with barriers, Dispatch with many
 * groups, UAVs bound to every graphics stage through OMSetRenderTargetsAndUnorderedAccessViews
 * (its KEEP_* and UAVStartSlot rules), and the implicit ordering D3D11 promises between draws
 * and dispatches that write and read the same UAV. Every value is read back through staging
 * copies and compared with what the test computes. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device *device;
static ID3D11DeviceContext *context;

#define HR_OK(expr, what) do { HRESULT hr_ = (expr); ok(hr_ == S_OK, "%s: %#lx", what, (unsigned long)hr_); } while (0)

static void *make_shader(const char *text, char kind)
{
    void *blob = NULL, *shader = NULL;
    char error[256] = "";
    size_t size;
    HRESULT hr = E_FAIL;

    if (!dxbc_assemble(text, &blob, &size, error, sizeof(error)))
    {
        ok(0, "assembling: %s\n%s", error, text);
        return NULL;
    }
    switch (kind)
    {
        case 'c': hr = ID3D11Device_CreateComputeShader(device, blob, size, NULL, (ID3D11ComputeShader **)&shader); break;
        case 'v': hr = ID3D11Device_CreateVertexShader(device, blob, size, NULL, (ID3D11VertexShader **)&shader); break;
        case 'p': hr = ID3D11Device_CreatePixelShader(device, blob, size, NULL, (ID3D11PixelShader **)&shader); break;
        case 'g': hr = ID3D11Device_CreateGeometryShader(device, blob, size, NULL, (ID3D11GeometryShader **)&shader); break;
        case 'h': hr = ID3D11Device_CreateHullShader(device, blob, size, NULL, (ID3D11HullShader **)&shader); break;
        case 'd': hr = ID3D11Device_CreateDomainShader(device, blob, size, NULL, (ID3D11DomainShader **)&shader); break;
    }
    ok(hr == S_OK, "Create%cShader: %#lx", kind, (unsigned long)hr);
    free(blob);
    return shader;
}

#define release(p) do { if (p) { IUnknown_Release((IUnknown *)(p)); (p) = NULL; } } while (0)

static ID3D11Buffer *make_buffer(UINT size, UINT bind, UINT misc, UINT stride, const void *data)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_DEFAULT, bind, 0, misc, stride };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);
    HR_OK(hr, "CreateBuffer");
    return buffer;
}

static ID3D11UnorderedAccessView *buffer_uav(ID3D11Buffer *buffer, DXGI_FORMAT format, UINT first, UINT count, UINT flags)
{
    D3D11_UNORDERED_ACCESS_VIEW_DESC d;
    ID3D11UnorderedAccessView *uav = NULL;
    HRESULT hr;

    if (!buffer)
        return NULL;
    memset(&d, 0, sizeof(d));
    d.Format = format;
    d.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    d.Buffer.FirstElement = first;
    d.Buffer.NumElements = count;
    d.Buffer.Flags = flags;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &d, &uav);
    HR_OK(hr, "CreateUnorderedAccessView(buffer)");
    return uav;
}

static ID3D11ShaderResourceView *buffer_srv(ID3D11Buffer *buffer, DXGI_FORMAT format, UINT first, UINT count, UINT flags)
{
    D3D11_SHADER_RESOURCE_VIEW_DESC d;
    ID3D11ShaderResourceView *srv = NULL;
    HRESULT hr;

    if (!buffer)
        return NULL;
    memset(&d, 0, sizeof(d));
    d.Format = format;
    d.ViewDimension = D3D11_SRV_DIMENSION_BUFFEREX;
    d.BufferEx.FirstElement = first;
    d.BufferEx.NumElements = count;
    d.BufferEx.Flags = flags;
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)buffer, &d, &srv);
    HR_OK(hr, "CreateShaderResourceView(buffer)");
    return srv;
}

/* Copies `size` bytes of a buffer into `out` through a staging buffer. */
static bool read_buffer(ID3D11Buffer *buffer, void *out, UINT size)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 };
    D3D11_BOX box = { 0, 0, 0, size, 1, 1 };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *staging = NULL;
    HRESULT hr;

    memset(out, 0xcd, size);
    if (!buffer || FAILED(ID3D11Device_CreateBuffer(device, &desc, NULL, &staging)))
    {
        ok(0, "staging buffer");
        return false;
    }
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)staging, 0, 0, 0, 0, (ID3D11Resource *)buffer, 0, &box);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    HR_OK(hr, "Map(READ)");
    if (SUCCEEDED(hr))
    {
        memcpy(out, map.pData, size);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Buffer_Release(staging);
    return SUCCEEDED(hr);
}

/* Reads mip 0 / layer `layer` of a 2D texture (`bpp` bytes a texel) row by row into `out`. */
static bool read_texture2d(ID3D11Texture2D *tex, UINT layer, void *out, UINT bpp)
{
    D3D11_TEXTURE2D_DESC desc;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Texture2D *staging = NULL;
    UINT y, sub;
    HRESULT hr;

    ID3D11Texture2D_GetDesc(tex, &desc);
    sub = layer * desc.MipLevels;
    desc.ArraySize = 1;
    desc.MipLevels = 1;
    desc.Usage = D3D11_USAGE_STAGING;
    desc.BindFlags = 0;
    desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    desc.MiscFlags = 0;
    if (FAILED(ID3D11Device_CreateTexture2D(device, &desc, NULL, &staging)))
    {
        ok(0, "staging texture");
        return false;
    }
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)staging, 0, 0, 0, 0, (ID3D11Resource *)tex, sub, NULL);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    HR_OK(hr, "Map(READ)");
    if (SUCCEEDED(hr))
    {
        for (y = 0; y < desc.Height; ++y)
            memcpy((uint8_t *)out + y * desc.Width * bpp, (const uint8_t *)map.pData + y * map.RowPitch, desc.Width * bpp);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Texture2D_Release(staging);
    return SUCCEEDED(hr);
}

static void dispatch(ID3D11ComputeShader *cs, UINT x, UINT y, UINT z)
{
    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    ID3D11DeviceContext_Dispatch(context, x, y, z);
}

/* ---------------------------------------------------------------------------------------- */

/* A typed R32_UINT buffer UAV: load, transform, store; a typed RGBA8 texture UAV with unorm
 * conversion on store; a 2D array UAV addressed by slice; 128 x 64 groups over an R32_UINT
 * texture (8192 groups of 1 thread and 16 x 8 groups of 8 x 8 threads). */
static void test_typed_uavs(void)
{
    static const char cs_buffer[] =
        "cs_5_0\n"
        "dcl_uav_typed_buffer (uint,uint,uint,uint) u1\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 1\n"
        "dcl_thread_group 16, 1, 1\n"
        "ld_uav_typed r0.x, vThreadID.xxxx, u1.xyzw\n"
        "imad r0.x, r0.x, l(3), vThreadID.x\n"
        "store_uav_typed u1.xyzw, vThreadID.xxxx, r0.xxxx\n"
        "ret\n";
    static const char cs_rgba8[] =
        "cs_5_0\n"
        "dcl_uav_typed_texture2d (unorm,unorm,unorm,unorm) u0\n"
        "dcl_input vThreadID.xy\n"
        "dcl_temps 1\n"
        "dcl_thread_group 4, 4, 1\n"
        "utof r0.xy, vThreadID.xyxx\n"
        "mul r0.xy, r0.xyxx, l(0.25, 0.125, 0, 0)\n"
        "mov r0.zw, l(0, 0, 1.0, 0.5)\n"
        "store_uav_typed u0.xyzw, vThreadID.xyyy, r0.xyzw\n"
        "ret\n";
    static const char cs_array[] =
        "cs_5_0\n"
        "dcl_uav_typed_texture2darray (uint,uint,uint,uint) u0\n"
        "dcl_input vThreadID.xyz\n"
        "dcl_temps 1\n"
        "dcl_thread_group 2, 2, 1\n"
        "imad r0.x, vThreadID.z, l(100), vThreadID.x\n"
        "imad r0.x, vThreadID.y, l(10), r0.x\n"
        "store_uav_typed u0.xyzw, vThreadID.xyzz, r0.xxxx\n"
        "ret\n";
    static const char cs_big[] =
        "cs_5_0\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u0\n"
        "dcl_constantbuffer CB0[1], immediateIndexed\n"
        "dcl_input vThreadID.xy\n"
        "dcl_temps 1\n"
        "dcl_thread_group 8, 8, 1\n"
        "imad r0.x, vThreadID.y, l(1000), vThreadID.x\n"
        "iadd r0.x, r0.x, cb0[0].x\n"
        "store_uav_typed u0.xyzw, vThreadID.xyyy, r0.xxxx\n"
        "ret\n";
    static const char cs_big1[] =
        "cs_5_0\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u0\n"
        "dcl_input vThreadGroupID.xy\n"
        "dcl_temps 1\n"
        "dcl_thread_group 1, 1, 1\n"
        "imad r0.x, vThreadGroupID.y, l(1000), vThreadGroupID.x\n"
        "store_uav_typed u0.xyzw, vThreadGroupID.xyyy, r0.xxxx\n"
        "ret\n";
    uint32_t init[32], data[32], *big = NULL;
    ID3D11ComputeShader *cs[5] = { 0 };
    ID3D11Buffer *buffer = NULL, *cb = NULL;
    ID3D11Texture2D *tex = NULL, *arr = NULL, *bigtex = NULL;
    ID3D11UnorderedAccessView *uav = NULL, *tex_uav = NULL, *arr_uav = NULL, *big_uav = NULL;
    D3D11_TEXTURE2D_DESC td = { 16, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_UNORDERED_ACCESS, 0, 0 };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    unsigned int i, x, y, z, bad;
    uint32_t cbdata[4] = { 7, 0, 0, 0 };
    HRESULT hr;

    cs[0] = make_shader(cs_buffer, 'c');
    cs[1] = make_shader(cs_rgba8, 'c');
    cs[2] = make_shader(cs_array, 'c');
    cs[3] = make_shader(cs_big, 'c');
    cs[4] = make_shader(cs_big1, 'c');
    for (i = 0; i < 32; ++i)
        init[i] = i * 5 + 1;
    buffer = make_buffer(sizeof(init), D3D11_BIND_UNORDERED_ACCESS, 0, 0, init);
    /* Elements 8..23 of the buffer: the view's first element offsets the shader's index. */
    uav = buffer_uav(buffer, DXGI_FORMAT_R32_UINT, 8, 16, 0);
    if (!cs[0] || !cs[1] || !cs[2] || !cs[3] || !cs[4] || !uav)
        goto done;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 1, 1, &uav, NULL);
    dispatch(cs[0], 1, 1, 1);
    read_buffer(buffer, data, sizeof(data));
    for (i = bad = 0; i < 32; ++i)
    {
        uint32_t expect = i >= 8 && i < 24 ? init[i] * 3 + (i - 8) : init[i];
        if (data[i] != expect && !bad++)
            ok(0, "typed buffer element %u: %u, expected %u", i, data[i], expect);
    }
    ok(!bad, "typed buffer UAV: %u wrong elements", bad);

    hr = ID3D11Device_CreateTexture2D(device, &td, NULL, &tex);
    HR_OK(hr, "CreateTexture2D(RGBA8 UAV)");
    if (tex)
    {
        uint32_t px[16 * 8];

        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)tex, NULL, &tex_uav);
        HR_OK(hr, "CreateUnorderedAccessView(RGBA8)");
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &tex_uav, NULL);
        dispatch(cs[1], 4, 2, 1);
        read_texture2d(tex, 0, px, 4);
        for (y = bad = 0; y < 8; ++y)
            for (x = 0; x < 16; ++x)
            {
                /* unorm8 of x/4 (saturated), y/8, 1.0, 0.5 (round to nearest: 128). */
                uint32_t r = x >= 4 ? 255 : (x * 255 + 2) / 4, g = (y * 255 + 4) / 8;
                uint32_t expect = r | g << 8 | 0xffu << 16 | 128u << 24, got = px[y * 16 + x];
                unsigned int c, off = 0;

                for (c = 0; c < 4; ++c)
                {
                    int d = (int)((got >> (c * 8)) & 0xff) - (int)((expect >> (c * 8)) & 0xff);
                    if (d > 1 || d < -1)
                        off = 1;
                }
                if (off && !bad++)
                    ok(0, "RGBA8 UAV (%u,%u): %#x, expected %#x (+-1)", x, y, got, expect);
            }
        ok(!bad, "RGBA8 typed texture UAV: %u wrong texels", bad);
    }

    td.Width = td.Height = 4;
    td.ArraySize = 3;
    td.Format = DXGI_FORMAT_R32_UINT;
    hr = ID3D11Device_CreateTexture2D(device, &td, NULL, &arr);
    HR_OK(hr, "CreateTexture2D(array)");
    if (arr)
    {
        uint32_t px[16];

        /* Slices 1..2 of the array: vThreadID.z = 0 lands in slice 1. */
        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R32_UINT;
        ud.ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2DARRAY;
        ud.Texture2DArray.FirstArraySlice = 1;
        ud.Texture2DArray.ArraySize = 2;
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)arr, &ud, &arr_uav);
        HR_OK(hr, "CreateUnorderedAccessView(array)");
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &arr_uav, NULL);
        dispatch(cs[2], 2, 2, 2);
        for (z = 0; z < 3; ++z)
        {
            read_texture2d(arr, z, px, 4);
            for (i = bad = 0; i < 16; ++i)
            {
                uint32_t expect = z ? (z - 1) * 100 + (i / 4) * 10 + i % 4 : 0;
                if (px[i] != expect && !bad++)
                    ok(0, "array slice %u texel %u: %u, expected %u", z, i, px[i], expect);
            }
            ok(!bad, "typed array UAV slice %u: %u wrong", z, bad);
        }
    }

    td.Width = 128;
    td.Height = 64;
    td.ArraySize = 1;
    hr = ID3D11Device_CreateTexture2D(device, &td, NULL, &bigtex);
    HR_OK(hr, "CreateTexture2D(128x64)");
    cb = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, 0, 0, cbdata);
    big = malloc(128 * 64 * 4);
    if (bigtex && cb && big)
    {
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)bigtex, NULL, &big_uav);
        HR_OK(hr, "CreateUnorderedAccessView(128x64)");
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &big_uav, NULL);
        ID3D11DeviceContext_CSSetConstantBuffers(context, 0, 1, &cb);
        dispatch(cs[3], 16, 8, 1);
        read_texture2d(bigtex, 0, big, 4);
        for (i = bad = 0; i < 128 * 64; ++i)
            if (big[i] != (i / 128) * 1000 + i % 128 + 7 && !bad++)
                ok(0, "8x8 groups texel %u: %u", i, big[i]);
        ok(!bad, "Dispatch(16, 8, 1) of 8x8 threads: %u wrong texels", bad);
        dispatch(cs[4], 128, 64, 1);
        read_texture2d(bigtex, 0, big, 4);
        for (i = bad = 0; i < 128 * 64; ++i)
            if (big[i] != (i / 128) * 1000 + i % 128 && !bad++)
                ok(0, "1-thread groups texel %u: %u", i, big[i]);
        ok(!bad, "Dispatch(128, 64, 1) of single threads: %u wrong texels", bad);
    }

done:
    free(big);
    release(uav); release(tex_uav); release(arr_uav); release(big_uav);
    release(buffer); release(cb); release(tex); release(arr); release(bigtex);
    for (i = 0; i < ARRAY_SIZE(cs); ++i)
        release(cs[i]);
    ID3D11DeviceContext_ClearState(context);
}

/* Raw views (byte addresses, a view starting at element 4) and structured views (stride 12,
 * partial stores at a byte offset inside the element), read back; then an SRV of each read
 * by a second dispatch. */
static void test_raw_structured(void)
{
    static const char cs_write[] =
        "cs_5_0\n"
        "dcl_uav_raw u0\n"
        "dcl_uav_structured u1, 12\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 3\n"
        "dcl_thread_group 8, 1, 1\n"
        "ishl r0.x, vThreadID.x, l(3)\n"                 /* raw: 8 bytes per thread */
        "imul null, r1.x, vThreadID.x, l(10)\n"
        "iadd r1.y, r1.x, l(1)\n"
        "store_raw u0.xy, r0.x, r1.xyxx\n"
        "iadd r2.x, vThreadID.x, l(100)\n"
        "iadd r2.y, vThreadID.x, l(200)\n"
        "store_structured u1.xy, vThreadID.x, l(4), r2.xyxx\n"   /* bytes 4..11 of element i */
        "ret\n";
    static const char cs_read[] =
        "cs_5_0\n"
        "dcl_resource_raw t0\n"
        "dcl_resource_structured t1, 12\n"
        "dcl_uav_raw u0\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 3\n"
        "dcl_thread_group 8, 1, 1\n"
        "ishl r0.x, vThreadID.x, l(3)\n"
        "ld_raw r1.xy, r0.x, t0.xyxx\n"
        "ld_structured r2.xyz, vThreadID.x, l(0), t1.xyzx\n"
        "iadd r1.x, r1.x, r1.y\n"
        "iadd r1.x, r1.x, r2.x\n"
        "iadd r1.x, r1.x, r2.y\n"
        "iadd r1.x, r1.x, r2.z\n"
        "ishl r0.x, vThreadID.x, l(2)\n"
        "store_raw u0.x, r0.x, r1.x\n"
        "ret\n";
    ID3D11ComputeShader *csw = make_shader(cs_write, 'c'), *csr = make_shader(cs_read, 'c');
    ID3D11Buffer *raw = NULL, *st = NULL, *out = NULL;
    ID3D11UnorderedAccessView *uavs[2] = { 0 }, *out_uav = NULL;
    ID3D11ShaderResourceView *srvs[2] = { 0 };
    uint32_t rawdata[32], stdata[8 * 3], res[8];
    unsigned int i, bad;

    for (i = 0; i < 32; ++i)
        rawdata[i] = 0xaa000000u + i;
    for (i = 0; i < 24; ++i)
        stdata[i] = 0xbb000000u + i;
    raw = make_buffer(sizeof(rawdata), D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_SHADER_RESOURCE,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, rawdata);
    st = make_buffer(sizeof(stdata), D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_SHADER_RESOURCE,
            D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 12, stdata);
    out = make_buffer(sizeof(res), D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    uavs[0] = buffer_uav(raw, DXGI_FORMAT_R32_TYPELESS, 4, 16, D3D11_BUFFER_UAV_FLAG_RAW);
    uavs[1] = buffer_uav(st, DXGI_FORMAT_UNKNOWN, 0, 8, 0);
    out_uav = buffer_uav(out, DXGI_FORMAT_R32_TYPELESS, 0, 8, D3D11_BUFFER_UAV_FLAG_RAW);
    if (!csw || !csr || !uavs[0] || !uavs[1] || !out_uav)
        goto done;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 2, uavs, NULL);
    dispatch(csw, 1, 1, 1);
    read_buffer(raw, rawdata, sizeof(rawdata));
    for (i = bad = 0; i < 32; ++i)
    {
        uint32_t expect = i < 4 || i >= 20 ? 0xaa000000u + i : ((i - 4) & 1) ? (i - 4) / 2 * 10 + 1 : (i - 4) / 2 * 10;
        if (rawdata[i] != expect && !bad++)
            ok(0, "raw word %u: %#x, expected %#x", i, rawdata[i], expect);
    }
    ok(!bad, "raw UAV with FirstElement 4: %u wrong words", bad);
    read_buffer(st, stdata, sizeof(stdata));
    for (i = bad = 0; i < 24; ++i)
    {
        uint32_t e = i / 3, m = i % 3;
        uint32_t expect = m == 0 ? 0xbb000000u + i : m == 1 ? e + 100 : e + 200;
        if (stdata[i] != expect && !bad++)
            ok(0, "structured word %u: %#x, expected %#x", i, stdata[i], expect);
    }
    ok(!bad, "structured UAV partial stores: %u wrong words", bad);

    /* The same buffers as SRVs: the UAVs must be unbound first (else the SRVs are). */
    {
        ID3D11UnorderedAccessView *nulls[2] = { 0 };
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 2, nulls, NULL);
    }
    srvs[0] = buffer_srv(raw, DXGI_FORMAT_R32_TYPELESS, 4, 16, D3D11_BUFFEREX_SRV_FLAG_RAW);
    srvs[1] = buffer_srv(st, DXGI_FORMAT_UNKNOWN, 0, 8, 0);
    ID3D11DeviceContext_CSSetShaderResources(context, 0, 2, srvs);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &out_uav, NULL);
    dispatch(csr, 1, 1, 1);
    read_buffer(out, res, sizeof(res));
    for (i = bad = 0; i < 8; ++i)
    {
        uint32_t expect = i * 10 + i * 10 + 1 + 0xbb000000u + i * 3 + i + 100 + i + 200;
        if (res[i] != expect && !bad++)
            ok(0, "SRV read %u: %#x, expected %#x", i, res[i], expect);
    }
    ok(!bad, "raw/structured SRVs after UAV writes: %u wrong", bad);
done:
    release(srvs[0]); release(srvs[1]); release(uavs[0]); release(uavs[1]); release(out_uav);
    release(raw); release(st); release(out); release(csw); release(csr);
    ID3D11DeviceContext_ClearState(context);
}

/* Atomics on a raw buffer, a structured buffer and an R32_UINT texture from 4 groups of 64
 * threads; imm_atomic_* return each old value exactly once. */
static void test_atomics(void)
{
    static const char cs_text[] =
        "cs_5_0\n"
        "dcl_uav_raw u0\n"
        "dcl_uav_structured u1, 8\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u2\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 4\n"
        "dcl_thread_group 64, 1, 1\n"
        "imm_atomic_iadd r0.x, u0, l(0), l(1)\n"          /* a ticket 0..255 */
        "ishl r1.x, r0.x, l(2)\n"
        "iadd r1.x, r1.x, l(64)\n"
        "store_raw u0.x, r1.x, vThreadID.x\n"             /* words 16.. : who took ticket n */
        "atomic_umax u0, l(4), vThreadID.x\n"
        "atomic_umin u0, l(8), vThreadID.x\n"
        "and r2.x, vThreadID.x, l(31)\n"
        "ishl r2.x, l(1), r2.x\n"
        "atomic_or u0, l(12), r2.x\n"
        "atomic_xor u0, l(16), vThreadID.x\n"
        "atomic_imax u0, l(20), l(-3)\n"
        "imm_atomic_cmp_exch r3.x, u0, l(24), l(0), l(77)\n"
        "atomic_iadd u0, l(28), l(-2)\n"
        "atomic_iadd u1, l(1, 4, 0, 0), vThreadID.x\n"        /* structured element 1, byte 4 */
        "imm_atomic_exch r3.y, u1, l(0, 0, 0, 0), vThreadID.x\n"
        "atomic_iadd u2, l(1, 1, 0, 0), l(3)\n"
        "imm_atomic_iadd r3.z, u2, l(0, 0, 0, 0), l(1)\n"
        "ishl r1.x, r3.z, l(2)\n"
        "iadd r1.x, r1.x, l(2048)\n"
        "store_raw u0.x, r1.x, l(1)\n"                    /* words 512..767: tickets of the image counter */
        "ret\n";
    ID3D11ComputeShader *cs = make_shader(cs_text, 'c');
    ID3D11Buffer *raw = NULL, *st = NULL;
    ID3D11Texture2D *tex = NULL;
    ID3D11UnorderedAccessView *uavs[3] = { 0 };
    D3D11_TEXTURE2D_DESC td = { 2, 2, 1, 1, DXGI_FORMAT_R32_UINT, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_UNORDERED_ACCESS, 0, 0 };
    static const uint32_t tex_init[4] = { 0, 0, 0, 1000 };
    D3D11_SUBRESOURCE_DATA tinit = { tex_init, 8, 0 };
    uint32_t *data = calloc(1024, 4), stdata[4] = { 0, 0, 0, 0 }, px[4], xr = 0;
    bool seen[256] = { false }, perm = true;
    unsigned int i, bad;
    HRESULT hr;

    if (!data)
        return;
    data[2] = 0xffffffffu;      /* umin start */
    data[5] = (uint32_t)-10;    /* imax start */
    raw = make_buffer(4096, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, data);
    st = make_buffer(sizeof(stdata), D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 8, stdata);
    hr = ID3D11Device_CreateTexture2D(device, &td, &tinit, &tex);
    HR_OK(hr, "CreateTexture2D");
    uavs[0] = buffer_uav(raw, DXGI_FORMAT_R32_TYPELESS, 0, 1024, D3D11_BUFFER_UAV_FLAG_RAW);
    uavs[1] = buffer_uav(st, DXGI_FORMAT_UNKNOWN, 0, 2, 0);
    if (tex)
        ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)tex, NULL, &uavs[2]);
    if (!cs || !uavs[0] || !uavs[1] || !uavs[2])
        goto done;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 3, uavs, NULL);
    dispatch(cs, 4, 1, 1);
    read_buffer(raw, data, 4096);
    ok(data[0] == 256, "imm_atomic_iadd counter %u", data[0]);
    ok(data[1] == 255, "atomic_umax %u", data[1]);
    ok(data[2] == 0, "atomic_umin %u", data[2]);
    ok(data[3] == 0xffffffffu, "atomic_or %#x", data[3]);
    for (i = 0; i < 256; ++i)
        xr ^= i;
    ok(data[4] == xr, "atomic_xor %#x, expected %#x", data[4], xr);
    ok(data[5] == (uint32_t)-3, "atomic_imax %d", (int)data[5]);
    ok(data[6] == 77, "imm_atomic_cmp_exch %u", data[6]);
    ok(data[7] == (uint32_t)-512, "atomic_iadd -2: %d", (int)data[7]);
    for (i = 0; i < 256; ++i)
    {
        if (data[16 + i] >= 256 || seen[data[16 + i]])
            perm = false;
        else
            seen[data[16 + i]] = true;
    }
    ok(perm, "imm_atomic_iadd handed every ticket to exactly one thread");
    for (i = bad = 0; i < 256; ++i)
        bad += data[512 + i] != 1;
    ok(!bad, "image imm_atomic_iadd returned %u wrong tickets", bad);
    read_buffer(st, stdata, sizeof(stdata));
    ok(stdata[3] == 255 * 256 / 2, "structured atomic_iadd %u", stdata[3]);
    ok(stdata[0] < 256, "structured imm_atomic_exch left %u", stdata[0]);
    read_texture2d(tex, 0, px, 4);
    ok(px[0] == 256, "image counter %u", px[0]);
    ok(px[3] == 1000 + 3 * 256, "image atomic_iadd %u", px[3]);
    ok(px[1] == 0 && px[2] == 0, "untouched texels %u %u", px[1], px[2]);
done:
    free(data);
    for (i = 0; i < 3; ++i)
        release(uavs[i]);
    release(raw); release(st); release(tex); release(cs);
    ID3D11DeviceContext_ClearState(context);
}

/* Append/consume: the hidden counter starts at the initial count given to
 * CSSetUnorderedAccessViews (-1 keeps it), CopyStructureCount copies it into a buffer. */
static void test_append_consume(void)
{
    static const char cs_append[] =
        "cs_5_0\n"
        "dcl_uav_structured_opc u0, 4\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 1\n"
        "dcl_thread_group 32, 1, 1\n"
        "imm_atomic_alloc r0.x, u0\n"
        "iadd r0.y, vThreadID.x, l(1000)\n"
        "store_structured u0.x, r0.x, l(0), r0.y\n"
        "ret\n";
    static const char cs_consume[] =
        "cs_5_0\n"
        "dcl_uav_structured_opc u0, 4\n"
        "dcl_uav_raw u1\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 2\n"
        "dcl_thread_group 16, 1, 1\n"
        "imm_atomic_consume r0.x, u0\n"
        "ld_structured r1.x, r0.x, l(0), u0.xxxx\n"
        "ishl r0.y, vThreadID.x, l(2)\n"
        "store_raw u1.x, r0.y, r1.x\n"
        "ret\n";
    ID3D11ComputeShader *csa = make_shader(cs_append, 'c'), *csc = make_shader(cs_consume, 'c');
    ID3D11Buffer *buf = NULL, *counts = NULL, *out = NULL;
    ID3D11UnorderedAccessView *uav = NULL, *cuav = NULL, *out_uav = NULL;
    uint32_t data[128], c[8], res[16];
    bool seen[128] = { false }, dup = false;
    unsigned int i, bad;
    UINT initial;

    memset(data, 0, sizeof(data));
    buf = make_buffer(sizeof(data), D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 4, data);
    counts = make_buffer(sizeof(c), 0, 0, 0, NULL);
    out = make_buffer(sizeof(res), D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    uav = buffer_uav(buf, DXGI_FORMAT_UNKNOWN, 0, 128, D3D11_BUFFER_UAV_FLAG_APPEND);
    cuav = buffer_uav(buf, DXGI_FORMAT_UNKNOWN, 0, 128, D3D11_BUFFER_UAV_FLAG_COUNTER);
    out_uav = buffer_uav(out, DXGI_FORMAT_R32_TYPELESS, 0, 16, D3D11_BUFFER_UAV_FLAG_RAW);
    if (!csa || !csc || !uav || !cuav || !counts || !out_uav)
        goto done;

    initial = 5;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, &initial);
    dispatch(csa, 2, 1, 1);                                   /* 64 appends: 5..68 */
    ID3D11DeviceContext_CopyStructureCount(context, counts, 0, uav);
    initial = ~0u;                                            /* keep: 69.. */
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, &initial);
    dispatch(csa, 1, 1, 1);                                   /* 32 more: 69..100 */
    ID3D11DeviceContext_CopyStructureCount(context, counts, 4, uav);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);   /* NULL counts: kept too */
    ID3D11DeviceContext_CopyStructureCount(context, counts, 8, uav);
    read_buffer(counts, c, 12);
    ok(c[0] == 69, "count after 64 appends from 5: %u", c[0]);
    ok(c[1] == 101, "count after 32 more (kept): %u", c[1]);
    ok(c[2] == 101, "count with NULL initial counts: %u", c[2]);
    read_buffer(buf, data, sizeof(data));
    for (i = 0; i < 5; ++i)
        ok(!data[i], "element %u below the initial count written: %u", i, data[i]);
    for (i = 5, bad = 0; i < 101; ++i)
    {
        uint32_t v = data[i] - 1000;
        if (v >= 64 || seen[v + (i >= 69 ? 64 : 0)])
            ++bad;
        else
            seen[v + (i >= 69 ? 64 : 0)] = true;
        if (i < 69 && data[i] >= 1064)
            dup = true;
    }
    ok(!bad && !dup, "appended values: %u bad", bad);
    ok(!data[101], "element past the count written: %u", data[101]);

    /* Consume from a counter view (same buffer, its own counter) starting at 16: the 16
     * threads read elements 15..0, which the test fills with known values first. */
    for (i = 0; i < 128; ++i)
        data[i] = 5000 + i;
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)buf, 0, NULL, data, 0, 0);
    {
        ID3D11UnorderedAccessView *two[2] = { cuav, out_uav };
        UINT inits[2] = { 16, 0 };

        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 2, two, inits);
    }
    dispatch(csc, 1, 1, 1);
    ID3D11DeviceContext_CopyStructureCount(context, counts, 16, cuav);
    read_buffer(counts, c, 20);
    ok(c[4] == 0, "count after 16 consumes from 16: %u", c[4]);
    read_buffer(out, res, sizeof(res));
    memset(seen, 0, sizeof(seen));
    for (i = bad = 0; i < 16; ++i)
    {
        if (res[i] < 5000 || res[i] >= 5016 || seen[res[i] - 5000])
            ++bad;
        else
            seen[res[i] - 5000] = true;
    }
    ok(!bad, "consumed values: %u bad (first %u)", bad, res[0]);
done:
    release(uav); release(cuav); release(out_uav); release(buf); release(counts); release(out);
    release(csa); release(csc);
    ID3D11DeviceContext_ClearState(context);
}

/* Group-shared memory: 256 threads store, barrier, read the mirrored thread's value, and a
 * shared atomic sum; 8 groups each with their own shared memory. */
static void test_group_shared(void)
{
    static const char cs_text[] =
        "cs_5_0\n"
        "dcl_uav_raw u0\n"
        "dcl_input vThreadIDInGroupFlattened\n"
        "dcl_input vThreadGroupID.x\n"
        "dcl_input vThreadID.x\n"
        "dcl_tgsm_structured g0, 4, 256\n"
        "dcl_tgsm_raw g1, 4\n"
        "dcl_temps 4\n"
        "dcl_thread_group 16, 16, 1\n"
        "imad r0.x, vThreadGroupID.x, l(1000), vThreadIDInGroupFlattened\n"
        "store_structured g0.x, vThreadIDInGroupFlattened, l(0), r0.x\n"
        "if_z vThreadIDInGroupFlattened\n"
        "store_raw g1.x, l(0), l(0)\n"
        "endif\n"
        "sync_g_t\n"
        "atomic_iadd g1, l(0), vThreadIDInGroupFlattened\n"
        "iadd r1.x, l(255), -vThreadIDInGroupFlattened\n"
        "ld_structured r2.x, r1.x, l(0), g0.xxxx\n"
        "imad r3.x, vThreadGroupID.x, l(256), vThreadIDInGroupFlattened\n"
        "ishl r3.x, r3.x, l(2)\n"
        "store_raw u0.x, r3.x, r2.x\n"
        "sync_g_t\n"
        "if_z vThreadIDInGroupFlattened\n"
        "ld_raw r2.x, l(0), g1.xxxx\n"
        "ishl r3.x, vThreadGroupID.x, l(2)\n"
        "iadd r3.x, r3.x, l(8192)\n"
        "store_raw u0.x, r3.x, r2.x\n"
        "endif\n"
        "ret\n";
    ID3D11ComputeShader *cs = make_shader(cs_text, 'c');
    ID3D11Buffer *buf = make_buffer(8192 + 32, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    ID3D11UnorderedAccessView *uav = buffer_uav(buf, DXGI_FORMAT_R32_TYPELESS, 0, 2048 + 8, D3D11_BUFFER_UAV_FLAG_RAW);
    uint32_t *data = malloc(8192 + 32);
    unsigned int g, i, bad;

    if (!cs || !uav || !data)
        goto done;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    dispatch(cs, 8, 1, 1);
    read_buffer(buf, data, 8192 + 32);
    for (g = bad = 0; g < 8; ++g)
        for (i = 0; i < 256; ++i)
            if (data[g * 256 + i] != g * 1000 + 255 - i && !bad++)
                ok(0, "group %u thread %u read %u", g, i, data[g * 256 + i]);
    ok(!bad, "group-shared exchange across a barrier: %u wrong", bad);
    for (g = 0; g < 8; ++g)
        ok(data[2048 + g] == 255 * 256 / 2, "group %u shared atomic sum %u", g, data[2048 + g]);
done:
    free(data);
    release(uav); release(buf); release(cs);
    ID3D11DeviceContext_ClearState(context);
}

/* A chain of dispatches on one buffer: each reads what the previous one wrote (as a UAV, then
 * as an SRV), 16 times in a row without any call in between that would synchronise. */
static void test_dispatch_chain(void)
{
    static const char cs_inc[] =
        "cs_5_0\n"
        "dcl_uav_raw u0\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 2\n"
        "dcl_thread_group 64, 1, 1\n"
        "ishl r0.x, vThreadID.x, l(2)\n"
        "xor r0.y, r0.x, l(4)\n"                     /* the neighbour's word: a real dependency */
        "ld_raw r1.x, r0.y, u0.xxxx\n"
        "iadd r1.x, r1.x, l(1)\n"
        "sync_g_t\n"
        "store_raw u0.x, r0.x, r1.x\n"
        "ret\n";
    static const char cs_copy[] =
        "cs_5_0\n"
        "dcl_resource_raw t0\n"
        "dcl_uav_raw u0\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 2\n"
        "dcl_thread_group 64, 1, 1\n"
        "ishl r0.x, vThreadID.x, l(2)\n"
        "ld_raw r1.x, r0.x, t0.xxxx\n"
        "imul null, r1.x, r1.x, l(2)\n"
        "store_raw u0.x, r0.x, r1.x\n"
        "ret\n";
    ID3D11ComputeShader *inc = make_shader(cs_inc, 'c'), *copy = make_shader(cs_copy, 'c');
    ID3D11Buffer *a = make_buffer(256, D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_SHADER_RESOURCE,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    ID3D11Buffer *b = make_buffer(256, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    ID3D11UnorderedAccessView *ua = buffer_uav(a, DXGI_FORMAT_R32_TYPELESS, 0, 64, D3D11_BUFFER_UAV_FLAG_RAW);
    ID3D11UnorderedAccessView *ub = buffer_uav(b, DXGI_FORMAT_R32_TYPELESS, 0, 64, D3D11_BUFFER_UAV_FLAG_RAW);
    ID3D11ShaderResourceView *sa = buffer_srv(a, DXGI_FORMAT_R32_TYPELESS, 0, 64, D3D11_BUFFEREX_SRV_FLAG_RAW);
    ID3D11UnorderedAccessView *null_uav = NULL;
    uint32_t data[64];
    unsigned int i, bad;

    if (!inc || !copy || !ua || !ub || !sa)
        goto done;
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &ua, NULL);
    for (i = 0; i < 16; ++i)
        dispatch(inc, 1, 1, 1);
    /* Then as an SRV (unbinding the UAV first) into b. */
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &null_uav, NULL);
    ID3D11DeviceContext_CSSetShaderResources(context, 0, 1, &sa);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &ub, NULL);
    dispatch(copy, 1, 1, 1);
    read_buffer(a, data, sizeof(data));
    for (i = bad = 0; i < 64; ++i)
        bad += data[i] != 16;
    ok(!bad, "16 dependent dispatches: %u wrong words (first %u)", bad, data[0]);
    read_buffer(b, data, sizeof(data));
    for (i = bad = 0; i < 64; ++i)
        bad += data[i] != 32;
    ok(!bad, "SRV read after UAV writes: %u wrong words (first %u)", bad, data[0]);
done:
    release(ua); release(ub); release(sa); release(a); release(b); release(inc); release(copy);
    ID3D11DeviceContext_ClearState(context);
}

/* ---------------------------------------------------------------------------------------- */
/* UAVs in graphics stages */

#define RT 8

static const char vs_uav_text[] =
    "vs_5_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig input 1 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_uav_raw u1\n"
    "dcl_input v0.xy\n"
    "dcl_input_sgv v1.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_temps 1\n"
    "atomic_iadd u1, l(0), l(1)\n"                  /* word 0: vertex invocations */
    "ishl r0.x, v1.x, l(2)\n"
    "iadd r0.x, r0.x, l(16)\n"
    "store_raw u1.x, r0.x, v1.x\n"                  /* words 4..: each vertex id */
    "mov o0.xy, v0.xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

/* Writes the pixel's linear index + 1 into u2 (typed R32_UINT, RT x RT), and colours red. */
static const char ps_uav_text[] =
    "ps_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xy\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float xyzw\n"
    "dcl_uav_typed_texture2d (uint,uint,uint,uint) u2\n"
    "dcl_input_ps_siv linear noperspective v0.xy, position\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 1\n"
    "ftou r0.xy, v0.xyxx\n"
    "imad r0.z, r0.y, l(8), r0.x\n"
    "iadd r0.z, r0.z, l(1)\n"
    "store_uav_typed u2.xyzw, r0.xyyy, r0.zzzz\n"
    "mov o0.xyzw, l(1.0, 0, 0, 1.0)\n"
    "ret\n";

static const char gs_uav_text[] =
    "gs_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float xyzw\n"
    "dcl_uav_raw u1\n"
    "dcl_input_siv v[3][0].xyzw, position\n"
    "dcl_input vPrim\n"
    "dcl_temps 1\n"
    "dcl_inputprimitive triangle\n"
    "dcl_stream m0\n"
    "dcl_outputtopology trianglestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_maxout 3\n"
    "atomic_iadd u1, l(4), l(1)\n"                  /* word 1: GS invocations */
    "atomic_iadd u1, l(8), vPrim\n"                 /* word 2: sum of primitive ids */
    "mov o0.xyzw, v[0][0].xyzw\n"
    "emit_stream m0\n"
    "mov o0.xyzw, v[1][0].xyzw\n"
    "emit_stream m0\n"
    "mov o0.xyzw, v[2][0].xyzw\n"
    "emit_stream m0\n"
    "cut_stream m0\n"
    "ret\n";

struct gfx
{
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11GeometryShader *gs;
    ID3D11InputLayout *layout;
    ID3D11Buffer *vb;
    ID3D11Texture2D *rt;
    ID3D11RenderTargetView *rtv;
};

static bool gfx_create(struct gfx *g)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    /* Two triangles covering the target. */
    static const float verts[] = { -1, 1, 1, 1, -1, -1,  1, 1, 1, -1, -1, -1 };
    D3D11_TEXTURE2D_DESC td = { RT, RT, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    void *blob = NULL;
    char error[256];
    size_t size;

    memset(g, 0, sizeof(*g));
    g->vs = make_shader(vs_uav_text, 'v');
    g->ps = make_shader(ps_uav_text, 'p');
    g->gs = make_shader(gs_uav_text, 'g');
    if (dxbc_assemble(vs_uav_text, &blob, &size, error, sizeof(error)))
    {
        HR_OK(ID3D11Device_CreateInputLayout(device, elements, 1, blob, size, &g->layout), "CreateInputLayout");
        free(blob);
    }
    g->vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, 0, 0, verts);
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &g->rt), "CreateTexture2D(RT)");
    if (g->rt)
        HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)g->rt, NULL, &g->rtv), "CreateRTV");
    return g->vs && g->ps && g->gs && g->layout && g->vb && g->rtv;
}

static void gfx_bind(struct gfx *g)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT, RT, 0.0f, 1.0f };
    UINT stride = 8, offset = 0;

    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, g->layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &g->vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(context, g->vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, g->ps, NULL, 0);
}

static void gfx_destroy(struct gfx *g)
{
    release(g->vs); release(g->ps); release(g->gs); release(g->layout); release(g->vb);
    release(g->rtv); release(g->rt);
}

/* VS, GS and PS write UAVs bound with OMSetRenderTargetsAndUnorderedAccessViews next to a
 * render target (slot 0): counts and values land; the KEEP_* values and the UAVStartSlot rule
 * (UAV slots must not overlap the render targets) behave as D3D11 documents. */
static void test_graphics_uavs(void)
{
    D3D11_TEXTURE2D_DESC td = { RT, RT, 1, 1, DXGI_FORMAT_R32_UINT, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_UNORDERED_ACCESS, 0, 0 };
    D3D11_FEATURE_DATA_D3D11_OPTIONS opts;
    ID3D11UnorderedAccessView *uavs[2] = { 0 }, *got[3] = { 0 };
    ID3D11RenderTargetView *got_rtv = NULL;
    ID3D11Texture2D *img = NULL;
    ID3D11Buffer *counter = NULL;
    uint32_t words[16], px[RT * RT];
    unsigned int i, bad;
    struct gfx g;
    HRESULT hr;

    ok(ID3D11Device_GetFeatureLevel(device) >= D3D_FEATURE_LEVEL_11_1, "feature level %#x",
            ID3D11Device_GetFeatureLevel(device));
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS, &opts, sizeof(opts));
    HR_OK(hr, "CheckFeatureSupport(D3D11_OPTIONS)");
    ok(opts.UAVOnlyRenderingForcedSampleCount, "UAVOnlyRenderingForcedSampleCount at 11_1");
    if (!gfx_create(&g))
        goto done;
    counter = make_buffer(64, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    uavs[0] = buffer_uav(counter, DXGI_FORMAT_R32_TYPELESS, 0, 16, D3D11_BUFFER_UAV_FLAG_RAW);
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &img), "CreateTexture2D(R32_UINT)");
    if (img)
        HR_OK(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)img, NULL, &uavs[1]), "UAV");
    if (!uavs[0] || !uavs[1])
        goto done;

    gfx_bind(&g);
    /* UAVStartSlot 0 with one render target overlaps: the whole call is ignored. */
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &g.rtv, NULL, 0, 2, uavs, NULL);
    ID3D11DeviceContext_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, &got_rtv, NULL, 0, 3, got);
    ok(!got_rtv && !got[0] && !got[1] && !got[2], "overlapping UAV slots were bound (%p %p %p)", (void *)got_rtv,
            (void *)got[0], (void *)got[1]);
    release(got_rtv);
    for (i = 0; i < 3; ++i)
        release(got[i]);

    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &g.rtv, NULL, 1, 2, uavs, NULL);
    ID3D11DeviceContext_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, &got_rtv, NULL, 0, 3, got);
    ok(got_rtv == g.rtv && !got[0] && got[1] == uavs[0] && got[2] == uavs[1], "bound: %p %p %p %p",
            (void *)got_rtv, (void *)got[0], (void *)got[1], (void *)got[2]);
    release(got_rtv);
    for (i = 0; i < 3; ++i)
        release(got[i]);
    ID3D11DeviceContext_GSSetShader(context, g.gs, NULL, 0);
    ID3D11DeviceContext_Draw(context, 6, 0);
    read_buffer(counter, words, sizeof(words));
    ok(words[0] >= 6, "VS UAV: %u vertex invocations, expected at least 6", words[0]);
    for (i = 0; i < 6; ++i)
        ok(words[4 + i] == i, "VS UAV: word %u = %u", 4 + i, words[4 + i]);
    ok(words[1] == 2, "GS UAV: %u invocations, expected 2", words[1]);
    ok(words[2] == 1, "GS UAV: primitive id sum %u, expected 1", words[2]);
    read_texture2d(img, 0, px, 4);
    for (i = bad = 0; i < RT * RT; ++i)
        if (px[i] != i + 1 && !bad++)
            ok(0, "PS UAV texel %u: %u", i, px[i]);
    ok(!bad, "PS UAV: %u wrong texels", bad);

    /* KEEP_RENDER_TARGETS_AND_DEPTH_STENCIL: new UAVs (slot 1 only), the RTV stays. */
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, D3D11_KEEP_RENDER_TARGETS_AND_DEPTH_STENCIL,
            NULL, NULL, 2, 1, &uavs[1], NULL);
    ID3D11DeviceContext_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, &got_rtv, NULL, 0, 3, got);
    ok(got_rtv == g.rtv && !got[0] && !got[1] && got[2] == uavs[1], "KEEP_RENDER_TARGETS: %p %p %p %p",
            (void *)got_rtv, (void *)got[0], (void *)got[1], (void *)got[2]);
    release(got_rtv);
    for (i = 0; i < 3; ++i)
        release(got[i]);
    /* KEEP_UNORDERED_ACCESS_VIEWS: no render target now, the UAVs stay. */
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 0, NULL, NULL, 0,
            D3D11_KEEP_UNORDERED_ACCESS_VIEWS, NULL, NULL);
    ID3D11DeviceContext_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, &got_rtv, NULL, 0, 3, got);
    ok(!got_rtv && !got[0] && !got[1] && got[2] == uavs[1], "KEEP_UNORDERED_ACCESS_VIEWS: %p %p %p %p",
            (void *)got_rtv, (void *)got[0], (void *)got[1], (void *)got[2]);
    release(got_rtv);
    for (i = 0; i < 3; ++i)
        release(got[i]);

    /* UAV-only rendering (no render target): the PS still writes every pixel. */
    {
        const UINT zero[4] = { 0 };
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uavs[1], zero);
    }
    ID3D11DeviceContext_GSSetShader(context, NULL, NULL, 0);
    ID3D11DeviceContext_Draw(context, 6, 0);
    read_texture2d(img, 0, px, 4);
    for (i = bad = 0; i < RT * RT; ++i)
        if (px[i] != i + 1 && !bad++)
            ok(0, "UAV-only PS texel %u: %u", i, px[i]);
    ok(!bad, "UAV-only rendering: %u wrong texels", bad);
done:
    release(uavs[0]); release(uavs[1]); release(img); release(counter);
    gfx_destroy(&g);
    ID3D11DeviceContext_ClearState(context);
}

/* Hull and domain shaders write UAVs: a triangle patch with tessellation factors 1 gives one
 * triangle; the HS patch-constant phase and the DS count their invocations. */
static void test_tessellation_uavs(void)
{
    static const char vs_text[] =
        "vs_5_0\n"
        "// sig input 0 xy POSITION 0 NONE float xy\n"
        "// sig output 0 xyzw POSITION 0 NONE float xyzw\n"
        "dcl_input v0.xy\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xy, v0.xyxx\n"
        "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
        "ret\n";
    static const char hs_text[] =
        "hs_5_0\n"
        "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
        "// sig output 0 xyzw POSITION 0 NONE float xyzw\n"
        "// sig patch 0 x SV_TessFactor 0 TRIEDGE float x\n"
        "// sig patch 1 x SV_TessFactor 1 TRIEDGE float x\n"
        "// sig patch 2 x SV_TessFactor 2 TRIEDGE float x\n"
        "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float x\n"
        "hs_decls\n"
        "dcl_input_control_point_count 3\n"
        "dcl_output_control_point_count 3\n"
        "dcl_tessellator_domain domain_tri\n"
        "dcl_tessellator_partitioning partitioning_integer\n"
        "dcl_tessellator_output_primitive output_triangle_cw\n"
        "dcl_hs_max_tessfactor l(64.000000)\n"
        "dcl_uav_raw u1\n"
        "hs_control_point_phase\n"
        "dcl_input vicp[3][0].xyzw\n"
        "dcl_input vOutputControlPointID\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, vicp[vOutputControlPointID][0].xyzw\n"
        "ret\n"
        "hs_fork_phase\n"
        "dcl_output_siv o0.x, finalTriUeq0EdgeTessFactor\n"
        "dcl_output_siv o1.x, finalTriVeq0EdgeTessFactor\n"
        "dcl_output_siv o2.x, finalTriWeq0EdgeTessFactor\n"
        "dcl_output_siv o3.x, finalTriInsideTessFactor\n"
        "atomic_iadd u1, l(0), l(1)\n"
        "mov o0.x, l(1.0)\n"
        "mov o1.x, l(1.0)\n"
        "mov o2.x, l(1.0)\n"
        "mov o3.x, l(1.0)\n"
        "ret\n";
    static const char ds_text[] =
        "ds_5_0\n"
        "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
        "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
        "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
        "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
        "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
        "// sig output 0 xyzw SV_Position 0 POS float xyzw\n"
        "dcl_input_control_point_count 3\n"
        "dcl_tessellator_domain domain_tri\n"
        "dcl_uav_raw u1\n"
        "dcl_input vDomain.xyz\n"
        "dcl_input vicp[3][0].xyzw\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 1\n"
        "atomic_iadd u1, l(4), l(1)\n"
        "mul r0.xyzw, vDomain.xxxx, vicp[0][0].xyzw\n"
        "mad r0.xyzw, vDomain.yyyy, vicp[1][0].xyzw, r0.xyzw\n"
        "mad o0.xyzw, vDomain.zzzz, vicp[2][0].xyzw, r0.xyzw\n"
        "ret\n";
    static const char ps_text[] =
        "ps_5_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float xyzw\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, l(0, 1.0, 0, 1.0)\n"
        "ret\n";
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    static const float verts[] = { -1, 1, 1, 1, -1, -1,  1, 1, 1, -1, -1, -1 };
    ID3D11VertexShader *vs = make_shader(vs_text, 'v');
    ID3D11HullShader *hs = make_shader(hs_text, 'h');
    ID3D11DomainShader *ds = make_shader(ds_text, 'd');
    ID3D11PixelShader *ps = make_shader(ps_text, 'p');
    ID3D11Buffer *vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, 0, 0, verts);
    ID3D11Buffer *counter = make_buffer(64, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    ID3D11UnorderedAccessView *uav = buffer_uav(counter, DXGI_FORMAT_R32_TYPELESS, 0, 16, D3D11_BUFFER_UAV_FLAG_RAW);
    D3D11_TEXTURE2D_DESC td = { RT, RT, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT, RT, 0.0f, 1.0f };
    D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE };
    ID3D11RasterizerState *rs = NULL;
    ID3D11InputLayout *layout = NULL;
    ID3D11RenderTargetView *rtv = NULL;
    ID3D11Texture2D *rt = NULL;
    UINT stride = 8, offset = 0;
    uint32_t words[16], px[RT * RT];
    void *blob;
    size_t size;
    char error[256];
    unsigned int i, bad;

    if (dxbc_assemble(vs_text, &blob, &size, error, sizeof(error)))
    {
        HR_OK(ID3D11Device_CreateInputLayout(device, elements, 1, blob, size, &layout), "CreateInputLayout");
        free(blob);
    }
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &rt), "CreateTexture2D");
    if (rt)
        HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv), "RTV");
    if (!vs || !hs || !ds || !ps || !vb || !uav || !layout || !rtv)
        goto done;
    HR_OK(ID3D11Device_CreateRasterizerState(device, &rd, &rs), "CreateRasterizerState");
    ID3D11DeviceContext_RSSetState(context, rs);
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &rtv, NULL, 1, 1, &uav, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_3_CONTROL_POINT_PATCHLIST);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
    ID3D11DeviceContext_HSSetShader(context, hs, NULL, 0);
    ID3D11DeviceContext_DSSetShader(context, ds, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_Draw(context, 6, 0);
    read_buffer(counter, words, sizeof(words));
    ok(words[0] == 2, "HS UAV: %u patch-constant invocations, expected 2", words[0]);
    /* Factors 1: three domain points a patch; an implementation may shade a shared point more
     * than once but never less. */
    ok(words[1] >= 6, "DS UAV: %u domain invocations, expected at least 6", words[1]);
    read_texture2d(rt, 0, px, 4);
    for (i = bad = 0; i < RT * RT; ++i)
        bad += px[i] != 0xff00ff00u;
    ok(!bad, "tessellated quad: %u pixels not green", bad);
done:
    release(vs); release(hs); release(ds); release(ps); release(vb); release(counter); release(uav);
    release(layout); release(rtv); release(rt); release(rs);
    ID3D11DeviceContext_ClearState(context);
}

/* Ordering between draws in one render pass: draw 1's pixel shader writes a UAV, draw 2's
 * vertex shader reads it (vertex work of a later draw must see fragment writes of an earlier
 * one), then a dispatch reads what draw 2 wrote, then a draw reads what the dispatch wrote. */
static void test_draw_uav_ordering(void)
{
    static const char ps_write[] =
        "ps_5_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float xyzw\n"
        "dcl_uav_raw u1\n"
        "dcl_output o0.xyzw\n"
        "atomic_iadd u1, l(0), l(1)\n"
        "mov o0.xyzw, l(1.0, 0, 0, 1.0)\n"
        "ret\n";
    static const char vs_plain[] =
        "vs_5_0\n"
        "// sig input 0 xy POSITION 0 NONE float xy\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "dcl_input v0.xy\n"
        "dcl_output_siv o0.xyzw, position\n"
        "mov o0.xy, v0.xyxx\n"
        "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
        "ret\n";
    static const char vs_read[] =
        "vs_5_0\n"
        "// sig input 0 xy POSITION 0 NONE float xy\n"
        "// sig input 1 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "dcl_uav_raw u1\n"
        "dcl_input v0.xy\n"
        "dcl_input_sgv v1.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 2\n"
        "ld_raw r0.x, l(0), u1.xxxx\n"                /* what draw 1's pixels counted */
        "ishl r1.x, v1.x, l(2)\n"
        "iadd r1.x, r1.x, l(16)\n"
        "store_raw u1.x, r1.x, r0.x\n"
        "mov o0.xy, v0.xyxx\n"
        "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
        "ret\n";
    static const char cs_read[] =
        "cs_5_0\n"
        "dcl_uav_raw u1\n"
        "dcl_temps 1\n"
        "dcl_thread_group 1, 1, 1\n"
        "ld_raw r0.x, l(16), u1.xxxx\n"
        "iadd r0.x, r0.x, l(1000)\n"
        "store_raw u1.x, l(8), r0.x\n"
        "ret\n";
    static const char vs_read2[] =
        "vs_5_0\n"
        "// sig input 0 xy POSITION 0 NONE float xy\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "dcl_uav_raw u1\n"
        "dcl_input v0.xy\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 1\n"
        "ld_raw r0.x, l(8), u1.xxxx\n"
        "store_raw u1.x, l(12), r0.x\n"
        "mov o0.xy, v0.xyxx\n"
        "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
        "ret\n";
    ID3D11PixelShader *psw = make_shader(ps_write, 'p');
    ID3D11VertexShader *vsr = make_shader(vs_read, 'v'), *vsr2 = make_shader(vs_read2, 'v');
    ID3D11VertexShader *vsp = make_shader(vs_plain, 'v');
    ID3D11ComputeShader *csr = make_shader(cs_read, 'c');
    ID3D11Buffer *buf = make_buffer(64, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    ID3D11UnorderedAccessView *uav = buffer_uav(buf, DXGI_FORMAT_R32_TYPELESS, 0, 16, D3D11_BUFFER_UAV_FLAG_RAW);
    uint32_t words[16];
    struct gfx g;
    unsigned int i;

    if (!gfx_create(&g) || !psw || !vsr || !vsr2 || !vsp || !csr || !uav)
        goto done;
    gfx_bind(&g);
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &g.rtv, NULL, 1, 1, &uav, NULL);
    ID3D11DeviceContext_VSSetShader(context, vsp, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, psw, NULL, 0);
    ID3D11DeviceContext_Draw(context, 6, 0);            /* 64 pixels count */
    ID3D11DeviceContext_PSSetShader(context, NULL, NULL, 0);
    ID3D11DeviceContext_VSSetShader(context, vsr, NULL, 0);
    ID3D11DeviceContext_Draw(context, 3, 0);            /* each vertex stores the count: 64 */
    ID3D11DeviceContext_CSSetShader(context, csr, NULL, 0);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 1, 1, &uav, NULL);   /* unbinds it from OM */
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);     /* word 2 = word 4 + 1000 */
    ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &g.rtv, NULL, 1, 1, &uav, NULL);
    ID3D11DeviceContext_VSSetShader(context, vsr2, NULL, 0);
    ID3D11DeviceContext_Draw(context, 3, 0);            /* word 3 = word 2 */
    read_buffer(buf, words, sizeof(words));
    ok(words[0] == 64, "pixel count %u, expected 64", words[0]);
    for (i = 0; i < 3; ++i)
        ok(words[4 + i] == 64, "vertex %u of draw 2 read %u, expected 64 (draw 1's pixel writes)", i, words[4 + i]);
    ok(words[2] == 1064, "dispatch after draws read %u, expected 1064", words[2]);
    ok(words[3] == 1064, "draw after dispatch read %u, expected 1064", words[3]);
done:
    release(psw); release(vsr); release(vsr2); release(vsp); release(csr); release(buf); release(uav);
    gfx_destroy(&g);
    ID3D11DeviceContext_ClearState(context);
}

int main(void)
{
    static const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0 };
    HRESULT hr;

    if (!test_init())
        return test_finish();
    /* 11_1 must be asked for: the default list stops at 11_0 (and 11_1 brings UAVs to every stage). */
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, levels, ARRAY_SIZE(levels), D3D11_SDK_VERSION,
            &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    run_test(test_typed_uavs);
    run_test(test_raw_structured);
    run_test(test_atomics);
    run_test(test_append_consume);
    run_test(test_group_shared);
    run_test(test_dispatch_chain);
    run_test(test_graphics_uavs);
    run_test(test_tessellation_uavs);
    run_test(test_draw_uav_ordering);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
