/* test_resource.c — CreateBuffer / CreateTexture1D/2D/3D (and the *1 variants): every
 * validation error returns E_INVALIDARG and creates nothing, valid descriptions round-trip,
 * NULL out pointers give S_FALSE, and the DXGI faces resources answer. */
#include "test.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device *device;
static ID3D11Device3 *device3;

#define BAD ((void *)(uintptr_t)0xdeadbeef)

static HRESULT create_buffer(UINT size, D3D11_USAGE usage, UINT bind, UINT cpu, UINT misc, UINT stride,
        const void *data, ID3D11Buffer **out)
{
    D3D11_BUFFER_DESC d = { size, usage, bind, cpu, misc, stride };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    return ID3D11Device_CreateBuffer(device, &d, data ? &init : NULL, out);
}

static void test_buffer_valid(void)
{
    static const struct { UINT size; D3D11_USAGE usage; UINT bind, cpu, misc, stride; bool data; } tests[] =
    {
        { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 12, D3D11_USAGE_DEFAULT, D3D11_BIND_INDEX_BUFFER | D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER, 0, 0, 0 },
        { 65536 * 2, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER, 0, 0, 0 },   /* D3D11.1: larger than one binding */
        { 64, D3D11_USAGE_DYNAMIC, D3D11_BIND_CONSTANT_BUFFER, D3D11_CPU_ACCESS_WRITE, 0, 0 },
        { 64, D3D11_USAGE_IMMUTABLE, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0, true },
        { 64, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 },
        { 64, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE, 0, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_UNORDERED_ACCESS, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 16 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_STREAM_OUTPUT | D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0, 7 },   /* stride ignored, reported 0 */
        { 3, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0, 0, true },
    };
    D3D11_BUFFER_DESC desc;
    ID3D11Buffer *buffer;
    unsigned int i;
    char data[65536 * 2] = {0};
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(tests); ++i)
    {
        hr = create_buffer(tests[i].size, tests[i].usage, tests[i].bind, tests[i].cpu, tests[i].misc, tests[i].stride,
                tests[i].data ? data : NULL, NULL);
        ok(hr == S_FALSE, "%u: validation only: %#lx", i, (unsigned long)hr);
        buffer = BAD;
        hr = create_buffer(tests[i].size, tests[i].usage, tests[i].bind, tests[i].cpu, tests[i].misc, tests[i].stride,
                tests[i].data ? data : NULL, &buffer);
        ok(hr == S_OK, "%u: %#lx", i, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        ID3D11Buffer_GetDesc(buffer, &desc);
        ok(desc.ByteWidth == tests[i].size && desc.Usage == tests[i].usage && desc.BindFlags == tests[i].bind
                && desc.CPUAccessFlags == tests[i].cpu && desc.MiscFlags == tests[i].misc, "%u: desc", i);
        ok(desc.StructureByteStride == ((tests[i].misc & D3D11_RESOURCE_MISC_BUFFER_STRUCTURED) ? tests[i].stride : 0),
                "%u: stride %u", i, desc.StructureByteStride);
        ok(!ID3D11Buffer_Release(buffer), "%u: leaked", i);
    }
}

static void test_buffer_invalid(void)
{
    static const struct { UINT size; D3D11_USAGE usage; UINT bind, cpu, misc, stride; bool data; } tests[] =
    {
        { 0, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 16, 4, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, 0 },
        { 16, D3D11_USAGE_DEFAULT, 0x100000, 0, 0, 0 },
        { 17, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER, 0, 0, 0 },
        { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER | D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 16, D3D11_USAGE_IMMUTABLE, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },                      /* no data */
        { 16, D3D11_USAGE_IMMUTABLE, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_READ, 0, 0, true },
        { 16, D3D11_USAGE_IMMUTABLE, D3D11_BIND_UNORDERED_ACCESS, 0, 0, 0, true },
        { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 },
        { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_READ, 0, 0 },
        { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE, 0, 0 },
        { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_UNORDERED_ACCESS, D3D11_CPU_ACCESS_WRITE, 0, 0 },
        { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_STREAM_OUTPUT, D3D11_CPU_ACCESS_WRITE, 0, 0 },
        { 16, D3D11_USAGE_STAGING, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_READ, 0, 0 },
        { 16, D3D11_USAGE_STAGING, 0, 0, 0, 0 },
        { 16, D3D11_USAGE_STAGING, 0, 0x40000, 0, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 6 },
        { 4096, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 2052 },
        { 60, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 16 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0,
                D3D11_RESOURCE_MISC_BUFFER_STRUCTURED | D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 16 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 16 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_GENERATE_MIPS, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_TEXTURECUBE, 0 },
        { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_READ | 0x100, 0, 0 },
    };
    D3D11_BUFFER_DESC d = { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER };
    D3D11_SUBRESOURCE_DATA init = { NULL };
    ID3D11Buffer *buffer;
    unsigned int i;
    char data[4096] = {0};
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(tests); ++i)
    {
        buffer = BAD;
        hr = create_buffer(tests[i].size, tests[i].usage, tests[i].bind, tests[i].cpu, tests[i].misc, tests[i].stride,
                tests[i].data ? data : NULL, &buffer);
        ok(hr == E_INVALIDARG, "%u: %#lx", i, (unsigned long)hr);
        ok(!buffer, "%u: out pointer %p", i, (void *)buffer);
        if (SUCCEEDED(hr) && buffer && buffer != BAD)
            ID3D11Buffer_Release(buffer);
        hr = create_buffer(tests[i].size, tests[i].usage, tests[i].bind, tests[i].cpu, tests[i].misc, tests[i].stride,
                tests[i].data ? data : NULL, NULL);
        ok(hr == E_INVALIDARG, "%u: validation only: %#lx", i, (unsigned long)hr);
    }
    buffer = BAD;
    ok(ID3D11Device_CreateBuffer(device, NULL, NULL, &buffer) == E_INVALIDARG && !buffer, "NULL desc");
    ok(ID3D11Device_CreateBuffer(device, &d, &init, &buffer) == E_INVALIDARG && !buffer, "NULL pSysMem");
}

struct tex2d_case
{
    UINT w, h, mips, array;
    DXGI_FORMAT format;
    UINT samples, quality;
    D3D11_USAGE usage;
    UINT bind, cpu, misc;
    bool data;
};

static HRESULT create_tex2d(const struct tex2d_case *c, ID3D11Texture2D **out)
{
    static char data[64 * 64 * 16 * 4];
    D3D11_SUBRESOURCE_DATA init[64];
    D3D11_TEXTURE2D_DESC d;
    unsigned int i;

    d.Width = c->w;
    d.Height = c->h;
    d.MipLevels = c->mips;
    d.ArraySize = c->array;
    d.Format = c->format;
    d.SampleDesc.Count = c->samples;
    d.SampleDesc.Quality = c->quality;
    d.Usage = c->usage;
    d.BindFlags = c->bind;
    d.CPUAccessFlags = c->cpu;
    d.MiscFlags = c->misc;
    for (i = 0; i < ARRAY_SIZE(init); ++i)
    {
        init[i].pSysMem = data;
        init[i].SysMemPitch = 64 * 16;
        init[i].SysMemSlicePitch = 64 * 64 * 16;
    }
    return ID3D11Device_CreateTexture2D(device, &d, c->data ? init : NULL, out);
}

static void test_texture2d_validation(void)
{
    static const struct tex2d_case valid[] =
    {
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 0, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET },
        { 4, 4, 3, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE },
        { 8, 8, 1, 6, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_TEXTURECUBE },
        { 8, 8, 1, 12, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_TEXTURECUBE },
        { 8, 8, 0, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT,
                D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET, 0, D3D11_RESOURCE_MISC_GENERATE_MIPS },
        { 4, 4, 1, 1, DXGI_FORMAT_D24_UNORM_S8_UINT, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL },
        { 4, 4, 1, 1, DXGI_FORMAT_R24G8_TYPELESS, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R32_TYPELESS, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE },
        { 4, 4, 2, 3, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_IMMUTABLE, D3D11_BIND_SHADER_RESOURCE, 0, 0, true },
        { 8, 8, 1, 1, DXGI_FORMAT_BC1_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 16384, 1, 1, 1, DXGI_FORMAT_R8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 1, 1, 1, 2048, DXGI_FORMAT_R8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R32_FLOAT, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS },
    };
    static const struct tex2d_case invalid[] =
    {
        { 0, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 0, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 0, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 4, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },      /* > chain */
        { 16385, 1, 1, 1, DXGI_FORMAT_R8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 1, 1, 1, 2049, DXGI_FORMAT_R8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_UNKNOWN, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, (DXGI_FORMAT)0xffff, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 0, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 1, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 3, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 64, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_READ },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_IMMUTABLE, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_IMMUTABLE, D3D11_BIND_RENDER_TARGET, 0, 0, true },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_READ },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DYNAMIC, D3D11_BIND_RENDER_TARGET, D3D11_CPU_ACCESS_WRITE },
        { 4, 4, 2, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE },
        { 4, 4, 1, 2, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_STAGING, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_READ },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_STAGING, 0, 0 },
        { 8, 8, 1, 5, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_TEXTURECUBE },
        { 8, 4, 1, 6, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_TEXTURECUBE },
        { 8, 8, 0, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_GENERATE_MIPS },
        { 8, 8, 0, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, D3D11_RESOURCE_MISC_GENERATE_MIPS },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_BUFFER_STRUCTURED },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL },
        { 4, 4, 1, 1, DXGI_FORMAT_D32_FLOAT, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_D32_FLOAT, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET },
        { 4, 4, 1, 1, DXGI_FORMAT_BC1_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET },
        { 6, 4, 1, 1, DXGI_FORMAT_BC1_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R24_UNORM_X8_TYPELESS, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER },
        { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER },
    };
    D3D11_TEXTURE2D_DESC desc;
    ID3D11Texture2D *texture;
    struct tex2d_case c;
    UINT levels = 0;
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(valid); ++i)
    {
        ok(create_tex2d(&valid[i], NULL) == S_FALSE, "valid %u: validation only", i);
        texture = BAD;
        hr = create_tex2d(&valid[i], &texture);
        ok(hr == S_OK, "valid %u: %#lx", i, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        ID3D11Texture2D_GetDesc(texture, &desc);
        ok(desc.Width == valid[i].w && desc.Height == valid[i].h && desc.ArraySize == valid[i].array
                && desc.Format == valid[i].format && desc.BindFlags == valid[i].bind && desc.MiscFlags == valid[i].misc,
                "valid %u: desc", i);
        if (valid[i].mips)
            ok(desc.MipLevels == valid[i].mips, "valid %u: mips %u", i, desc.MipLevels);
        else
        {
            UINT m = valid[i].w > valid[i].h ? valid[i].w : valid[i].h, n = 1;
            while (m > 1) m >>= 1, ++n;
            ok(desc.MipLevels == n, "valid %u: full chain %u, expected %u", i, desc.MipLevels, n);
        }
        ok(!ID3D11Texture2D_Release(texture), "valid %u: leaked", i);
    }
    for (i = 0; i < ARRAY_SIZE(invalid); ++i)
    {
        texture = BAD;
        hr = create_tex2d(&invalid[i], &texture);
        ok(hr == E_INVALIDARG, "invalid %u: %#lx", i, (unsigned long)hr);
        ok(!texture, "invalid %u: out pointer", i);
        if (SUCCEEDED(hr) && texture && texture != BAD)
            ID3D11Texture2D_Release(texture);
        ok(create_tex2d(&invalid[i], NULL) == E_INVALIDARG, "invalid %u: validation only", i);
    }

    /* Multisampling follows CheckMultisampleQualityLevels. */
    ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, &levels);
    c = valid[1];
    c.mips = 1;
    c.samples = 4;
    hr = create_tex2d(&c, &texture);
    ok(levels ? hr == S_OK : hr == E_INVALIDARG, "4x MSAA with %u levels: %#lx", levels, (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11Texture2D_Release(texture);
    c.quality = levels;
    ok(create_tex2d(&c, NULL) == E_INVALIDARG, "quality = levels accepted");
    c.quality = 0;
    c.mips = 2;
    ok(create_tex2d(&c, NULL) == E_INVALIDARG, "MSAA with mips accepted");
    c.mips = 1;
    c.bind = D3D11_BIND_UNORDERED_ACCESS;
    ok(create_tex2d(&c, NULL) == E_INVALIDARG, "MSAA UAV accepted");
    c.bind = D3D11_BIND_SHADER_RESOURCE;
    c.data = true;
    ok(create_tex2d(&c, NULL) == E_INVALIDARG, "MSAA with initial data accepted");
    c = valid[0];
    c.data = true;
    {
        D3D11_TEXTURE2D_DESC d = { 4, 4, 2, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
        static const char bytes[64];
        D3D11_SUBRESOURCE_DATA init[2] = { { bytes, 16, 0 }, { NULL, 8, 0 } };
        texture = BAD;
        ok(ID3D11Device_CreateTexture2D(device, &d, init, &texture) == E_INVALIDARG && !texture, "NULL pSysMem of mip 1");
        ok(ID3D11Device_CreateTexture2D(device, NULL, NULL, &texture) == E_INVALIDARG && !texture, "NULL desc");
    }
}

static void test_texture1d3d_validation(void)
{
    D3D11_TEXTURE1D_DESC d1 = { 16, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    D3D11_TEXTURE3D_DESC d3 = { 8, 8, 8, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    D3D11_TEXTURE3D_DESC1 d31;
    D3D11_TEXTURE2D_DESC1 d21 = { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_SHADER_RESOURCE, 0, 0, D3D11_TEXTURE_LAYOUT_UNDEFINED };
    D3D11_TEXTURE1D_DESC d1b;
    D3D11_TEXTURE3D_DESC d3b;
    ID3D11Texture1D *t1;
    ID3D11Texture3D *t3;
    ID3D11Texture3D1 *t31;
    ID3D11Texture2D1 *t21;
    HRESULT hr;

    hr = ID3D11Device_CreateTexture1D(device, &d1, NULL, &t1);
    ok(hr == S_OK, "1D: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Texture1D_GetDesc(t1, &d1b);
        ok(!memcmp(&d1, &d1b, sizeof(d1)), "1D desc");
        ID3D11Texture1D_Release(t1);
    }
    d1b = d1; d1b.Width = 16385;
    ok(ID3D11Device_CreateTexture1D(device, &d1b, NULL, &t1) == E_INVALIDARG, "1D too wide");
    d1b = d1; d1b.ArraySize = 2049;
    ok(ID3D11Device_CreateTexture1D(device, &d1b, NULL, &t1) == E_INVALIDARG, "1D array too large");
    d1b = d1; d1b.MiscFlags = D3D11_RESOURCE_MISC_TEXTURECUBE;
    ok(ID3D11Device_CreateTexture1D(device, &d1b, NULL, &t1) == E_INVALIDARG, "1D cube");
    d1b = d1; d1b.BindFlags = D3D11_BIND_DEPTH_STENCIL; d1b.Format = DXGI_FORMAT_D32_FLOAT;
    ok(ID3D11Device_CreateTexture1D(device, &d1b, NULL, NULL) == S_FALSE, "1D depth");

    hr = ID3D11Device_CreateTexture3D(device, &d3, NULL, &t3);
    ok(hr == S_OK, "3D: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Texture3D_GetDesc(t3, &d3b);
        ok(!memcmp(&d3, &d3b, sizeof(d3)), "3D desc");
        ID3D11Texture3D_Release(t3);
    }
    d3b = d3; d3b.Depth = 2049;
    ok(ID3D11Device_CreateTexture3D(device, &d3b, NULL, &t3) == E_INVALIDARG, "3D too deep");
    d3b = d3; d3b.MipLevels = 5;
    ok(ID3D11Device_CreateTexture3D(device, &d3b, NULL, &t3) == E_INVALIDARG, "3D mips");
    d3b = d3; d3b.Format = DXGI_FORMAT_D32_FLOAT; d3b.BindFlags = D3D11_BIND_DEPTH_STENCIL;
    ok(ID3D11Device_CreateTexture3D(device, &d3b, NULL, &t3) == E_INVALIDARG, "3D depth-stencil");
    d3b = d3; d3b.Depth = 0;
    ok(ID3D11Device_CreateTexture3D(device, &d3b, NULL, &t3) == E_INVALIDARG, "3D zero depth");

    if (device3)
    {
        hr = ID3D11Device3_CreateTexture2D1(device3, &d21, NULL, &t21);
        ok(hr == S_OK, "CreateTexture2D1: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            D3D11_TEXTURE2D_DESC1 out;
            ID3D11Texture2D1_GetDesc1(t21, &out);
            ok(!memcmp(&out, &d21, sizeof(out)), "2D1 desc");
            ID3D11Texture2D1_Release(t21);
        }
        d21.TextureLayout = D3D11_TEXTURE_LAYOUT_64K_STANDARD_SWIZZLE;
        ok(ID3D11Device3_CreateTexture2D1(device3, &d21, NULL, &t21) == E_INVALIDARG, "standard swizzle layout");
        memcpy(&d31, &d3, sizeof(d3));
        d31.TextureLayout = D3D11_TEXTURE_LAYOUT_UNDEFINED;
        hr = ID3D11Device3_CreateTexture3D1(device3, &d31, NULL, &t31);
        ok(hr == S_OK, "CreateTexture3D1: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11Texture3D1_Release(t31);
        d31.TextureLayout = D3D11_TEXTURE_LAYOUT_ROW_MAJOR;
        ok(ID3D11Device3_CreateTexture3D1(device3, &d31, NULL, &t31) == E_INVALIDARG, "row-major 3D");
    }
}

static void check_iface(void *obj, REFIID iid, bool expected, const char *what)
{
    IUnknown *unk = obj, *out = BAD;
    HRESULT hr = IUnknown_QueryInterface(unk, iid, (void **)&out);
    ok(expected ? hr == S_OK : hr == E_NOINTERFACE, "%s: %#lx", what, (unsigned long)hr);
    if (SUCCEEDED(hr))
        IUnknown_Release(out);
    else
        ok(!out, "%s: out pointer not cleared", what);
}

static void test_interfaces(void)
{
    D3D11_TEXTURE2D_DESC d = { 8, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    D3D11_TEXTURE3D_DESC d3 = { 4, 4, 4, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    ID3D11Texture2D *tex, *tex_mips;
    ID3D11Texture3D *tex3;
    ID3D11Buffer *buffer;
    IDXGISurface1 *surface;
    IDXGIResource *dxgi_resource;
    ID3D11Device *dev2;
    DXGI_SURFACE_DESC sd;
    D3D11_RESOURCE_DIMENSION dim;
    DXGI_USAGE usage;
    ULONG ref, dev_ref;
    UINT prio, size;
    DWORD value = 0x1234, got;
    HRESULT hr;

    dev_ref = get_refcount(device);
    if (FAILED(ID3D11Device_CreateTexture2D(device, &d, NULL, &tex)))
    {
        ok(0, "cannot create a texture");
        return;
    }
    ok(get_refcount(device) == dev_ref + 1, "texture holds %lu device refs", (unsigned long)(get_refcount(device) - dev_ref));
    check_iface(tex, &IID_ID3D11Texture2D, true, "tex2d ID3D11Texture2D");
    check_iface(tex, &IID_ID3D11Texture2D1, true, "tex2d ID3D11Texture2D1");
    check_iface(tex, &IID_ID3D11Resource, true, "tex2d ID3D11Resource");
    check_iface(tex, &IID_ID3D11DeviceChild, true, "tex2d ID3D11DeviceChild");
    check_iface(tex, &IID_IDXGIResource, true, "tex2d IDXGIResource");
    check_iface(tex, &IID_IDXGIResource1, true, "tex2d IDXGIResource1");
    check_iface(tex, &IID_IDXGISurface, true, "tex2d IDXGISurface");
    check_iface(tex, &IID_IDXGISurface2, true, "tex2d IDXGISurface2");
    check_iface(tex, &IID_ID3D11Texture3D, false, "tex2d ID3D11Texture3D");
    check_iface(tex, &IID_ID3D11Buffer, false, "tex2d ID3D11Buffer");

    hr = ID3D11Texture2D_QueryInterface(tex, &IID_IDXGISurface1, (void **)&surface);
    if (SUCCEEDED(hr))
    {
        ok(IDXGISurface1_GetDesc(surface, &sd) == S_OK && sd.Width == 8 && sd.Height == 4
                && sd.Format == DXGI_FORMAT_R8G8B8A8_UNORM && sd.SampleDesc.Count == 1, "surface desc");
        ref = get_refcount(tex);
        ok(ref == 2, "refcount through the surface %lu", (unsigned long)ref);
        /* One private data store for every face. */
        ok(IDXGISurface1_SetPrivateData(surface, &IID_IUnknown, sizeof(value), &value) == S_OK, "SetPrivateData");
        size = sizeof(got);
        ok(ID3D11Texture2D_GetPrivateData(tex, &IID_IUnknown, &size, &got) == S_OK && got == value, "shared private data");
        {
            HDC dc;
            ok(IDXGISurface1_GetDC(surface, FALSE, &dc) == DXGI_ERROR_INVALID_CALL, "GetDC without GDI_COMPATIBLE");
        }
        IDXGISurface1_Release(surface);
    }
    hr = ID3D11Texture2D_QueryInterface(tex, &IID_IDXGIResource, (void **)&dxgi_resource);
    if (SUCCEEDED(hr))
    {
        ok(IDXGIResource_GetUsage(dxgi_resource, &usage) == S_OK && (usage & DXGI_USAGE_SHADER_INPUT), "usage %#x", (unsigned)usage);
        ok(IDXGIResource_SetEvictionPriority(dxgi_resource, DXGI_RESOURCE_PRIORITY_HIGH) == S_OK, "SetEvictionPriority");
        ok(ID3D11Texture2D_GetEvictionPriority(tex) == DXGI_RESOURCE_PRIORITY_HIGH, "eviction priority shared");
        ID3D11Texture2D_SetEvictionPriority(tex, DXGI_RESOURCE_PRIORITY_LOW);
        ok(IDXGIResource_GetEvictionPriority(dxgi_resource, &prio) == S_OK && prio == DXGI_RESOURCE_PRIORITY_LOW, "priority");
        IDXGIResource_Release(dxgi_resource);
    }
    ID3D11Texture2D_GetType(tex, &dim);
    ok(dim == D3D11_RESOURCE_DIMENSION_TEXTURE2D, "type %u", dim);
    ID3D11Texture2D_GetDevice(tex, &dev2);
    ok(dev2 == device, "GetDevice");
    ID3D11Device_Release(dev2);
    ok(!ID3D11Texture2D_Release(tex), "texture leaked");
    ok(get_refcount(device) == dev_ref, "device ref not given back");

    d.MipLevels = 2;
    if (SUCCEEDED(ID3D11Device_CreateTexture2D(device, &d, NULL, &tex_mips)))
    {
        check_iface(tex_mips, &IID_IDXGISurface, false, "mipped tex2d IDXGISurface");
        check_iface(tex_mips, &IID_IDXGIResource, true, "mipped tex2d IDXGIResource");
        ID3D11Texture2D_Release(tex_mips);
    }
    if (SUCCEEDED(ID3D11Device_CreateTexture3D(device, &d3, NULL, &tex3)))
    {
        check_iface(tex3, &IID_IDXGISurface, false, "tex3d IDXGISurface");
        check_iface(tex3, &IID_ID3D11Texture3D1, true, "tex3d ID3D11Texture3D1");
        check_iface(tex3, &IID_IDXGIResource1, true, "tex3d IDXGIResource1");
        ID3D11Texture3D_GetType(tex3, &dim);
        ok(dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D, "3D type %u", dim);
        ID3D11Texture3D_Release(tex3);
    }
    if (SUCCEEDED(create_buffer(16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0, NULL, &buffer)))
    {
        check_iface(buffer, &IID_ID3D11Buffer, true, "buffer ID3D11Buffer");
        check_iface(buffer, &IID_ID3D11Resource, true, "buffer ID3D11Resource");
        check_iface(buffer, &IID_IDXGIResource, true, "buffer IDXGIResource");
        check_iface(buffer, &IID_IDXGISurface, false, "buffer IDXGISurface");
        check_iface(buffer, &IID_ID3D11Texture2D, false, "buffer ID3D11Texture2D");
        ID3D11Buffer_GetType(buffer, &dim);
        ok(dim == D3D11_RESOURCE_DIMENSION_BUFFER, "buffer type %u", dim);
        ok(!ID3D11Buffer_Release(buffer), "buffer leaked");
    }
}

/* Planar video formats (NV12, P010, P016): a device answers CheckFormatSupport from its Vulkan
 * multi-planar formats; creation follows that answer (E_INVALIDARG where TEXTURE2D is not
 * reported, as on hardware without them). Where they exist: odd sizes are refused (4:2:0
 * needs even dimensions) and plane views take the documented per-plane formats. */
static void test_planar_formats(void)
{
    static const struct { DXGI_FORMAT format, luma, chroma; } planar[] =
    {
        { DXGI_FORMAT_NV12, DXGI_FORMAT_R8_UNORM, DXGI_FORMAT_R8G8_UNORM },
        { DXGI_FORMAT_P010, DXGI_FORMAT_R16_UNORM, DXGI_FORMAT_R16G16_UNORM },
        { DXGI_FORMAT_P016, DXGI_FORMAT_R16_UNORM, DXGI_FORMAT_R16G16_UNORM },
    };
    D3D11_TEXTURE2D_DESC d = { 64, 32, 1, 1, 0, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    ID3D11Texture2D *t;
    unsigned int i;
    UINT support;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(planar); ++i)
    {
        support = 0;
        hr = ID3D11Device_CheckFormatSupport(device, planar[i].format, &support);
        d.Format = planar[i].format;
        d.Width = 64;
        d.Height = 32;
        t = NULL;
        hr = ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
        if (!(support & D3D11_FORMAT_SUPPORT_TEXTURE2D) || !(support & D3D11_FORMAT_SUPPORT_SHADER_LOAD))
        {
            ok(hr == E_INVALIDARG && !t, "format %#x unsupported (support %#x): creation %#lx", planar[i].format, support,
                    (unsigned long)hr);
            if (t) ID3D11Texture2D_Release(t);
            printf("   format %#x: no TEXTURE2D/SHADER_LOAD support on this device (support %#x)\n", planar[i].format, support);
            continue;
        }
        ok(hr == S_OK && t, "format %#x: creation %#lx", planar[i].format, (unsigned long)hr);
        if (t)
        {
            D3D11_SHADER_RESOURCE_VIEW_DESC1 sd;
            ID3D11ShaderResourceView1 *srv;
            ID3D11Device3 *dev3;

            if (SUCCEEDED(ID3D11Device_QueryInterface(device, &IID_ID3D11Device3, (void **)&dev3)))
            {
                memset(&sd, 0, sizeof(sd));
                sd.Format = planar[i].luma;
                sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
                sd.Texture2D.MipLevels = 1;
                hr = ID3D11Device3_CreateShaderResourceView1(dev3, (ID3D11Resource *)t, &sd, &srv);
                ok(hr == S_OK, "luma plane SRV: %#lx", (unsigned long)hr);
                if (SUCCEEDED(hr)) ID3D11ShaderResourceView1_Release(srv);
                sd.Format = planar[i].chroma;
                sd.Texture2D.PlaneSlice = 1;
                hr = ID3D11Device3_CreateShaderResourceView1(dev3, (ID3D11Resource *)t, &sd, &srv);
                ok(hr == S_OK, "chroma plane SRV: %#lx", (unsigned long)hr);
                if (SUCCEEDED(hr)) ID3D11ShaderResourceView1_Release(srv);
                sd.Texture2D.PlaneSlice = 2;
                hr = ID3D11Device3_CreateShaderResourceView1(dev3, (ID3D11Resource *)t, &sd, &srv);
                ok(hr == E_INVALIDARG, "plane slice 2: %#lx", (unsigned long)hr);
                if (SUCCEEDED(hr)) ID3D11ShaderResourceView1_Release(srv);
                ID3D11Device3_Release(dev3);
            }
            ID3D11Texture2D_Release(t);
        }
        d.Width = 63;
        hr = ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
        ok(hr == E_INVALIDARG, "format %#x with an odd width: %#lx", planar[i].format, (unsigned long)hr);
        if (SUCCEEDED(hr)) ID3D11Texture2D_Release(t);
    }
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
    if (FAILED(ID3D11Device_QueryInterface(device, &IID_ID3D11Device3, (void **)&device3)))
        device3 = NULL;
    run_test(test_buffer_valid);
    run_test(test_buffer_invalid);
    run_test(test_texture2d_validation);
    run_test(test_texture1d3d_validation);
    run_test(test_interfaces);
    run_test(test_planar_formats);
    if (device3)
        ID3D11Device3_Release(device3);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
