/* test_resource_draw.c — resource behaviour that only shaders can observe: buffer SRVs (typed,
 * raw, structured) of dynamic buffers renamed by Map(WRITE_DISCARD) between dispatches and draws
 * read the new contents while earlier work keeps the old ones; ResolveSubresource of a
 * typeless multisampled target averages as the resolve format reads (UNORM vs sRGB) on pixels
 * a triangle edge covers partly. Results are read back and compared with values computed here. */
#include "test.h"
#include "dxbc.h"
#include <math.h>

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static void *assemble(const char *text, size_t *size)
{
    char error[256];
    void *data = NULL;
    bool ret = dxbc_assemble(text, &data, size, error, sizeof(error));

    ok(ret, "assembling: %s", ret ? "" : error);
    return ret ? data : NULL;
}

static ID3D11Buffer *make_buffer(UINT size, D3D11_USAGE usage, UINT bind, UINT cpu, UINT misc, UINT stride,
        const void *data)
{
    D3D11_BUFFER_DESC desc = { size, usage, bind, cpu, misc, stride };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);

    ok(hr == S_OK, "CreateBuffer: %#lx", (unsigned long)hr);
    return buffer;
}

static bool read_buffer(ID3D11Buffer *b, UINT size, void *out)
{
    ID3D11Buffer *stage = make_buffer(size, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0, NULL);
    D3D11_MAPPED_SUBRESOURCE map;
    bool ret = false;

    if (!stage)
        return false;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)b);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
    {
        memcpy(out, map.pData, size);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
        ret = true;
    }
    ID3D11Buffer_Release(stage);
    return ret;
}

static ID3D11ShaderResourceView *buffer_srv(ID3D11Buffer *b, DXGI_FORMAT format, UINT count, bool raw)
{
    D3D11_SHADER_RESOURCE_VIEW_DESC d;
    ID3D11ShaderResourceView *srv = NULL;
    HRESULT hr;

    memset(&d, 0, sizeof(d));
    d.Format = format;
    d.ViewDimension = D3D11_SRV_DIMENSION_BUFFEREX;
    d.BufferEx.NumElements = count;
    d.BufferEx.Flags = raw ? D3D11_BUFFEREX_SRV_FLAG_RAW : 0;
    hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)b, &d, &srv);
    ok(hr == S_OK, "buffer SRV: %#lx", (unsigned long)hr);
    return srv;
}

/* Fills the three dynamic buffers (typed, raw, structured) for round k. */
static void fill_round(ID3D11Buffer *const *bufs, unsigned int k)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int b, i;
    HRESULT hr;

    for (b = 0; b < 3; ++b)
    {
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)bufs[b], 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
        ok(hr == S_OK, "Map(WRITE_DISCARD) %u/%u: %#lx", b, k, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        for (i = 0; i < 16; ++i)
            ((uint32_t *)map.pData)[i] = (k << 16) | (b << 8) | i;
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)bufs[b], 0);
    }
}

/* Dispatches read a typed, a raw and a structured SRV of three dynamic buffers refilled with
 * Map(WRITE_DISCARD) before each dispatch, without any read-back between rounds; each round
 * copies its output aside. Then a pixel shader reads the typed SRV after further renames. */
static void test_buffer_srv_rename(void)
{
    static const char cs_text[] =
        "cs_5_0\n"
        "dcl_resource_buffer (uint,uint,uint,uint) t0\n"
        "dcl_resource_raw t1\n"
        "dcl_resource_structured t2, 4\n"
        "dcl_uav_raw u0\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 3\n"
        "dcl_thread_group 16, 1, 1\n"
        "ld_indexable(buffer)(uint,uint,uint,uint) r0.x, vThreadID.xxxx, t0.xyzw\n"
        "ishl r1.x, vThreadID.x, l(2)\n"
        "store_raw u0.x, r1.x, r0.x\n"
        "ld_raw r0.x, r1.x, t1.xxxx\n"
        "iadd r2.x, r1.x, l(64)\n"
        "store_raw u0.x, r2.x, r0.x\n"
        "ld_structured r0.x, vThreadID.x, l(0), t2.xxxx\n"
        "iadd r2.x, r1.x, l(128)\n"
        "store_raw u0.x, r2.x, r0.x\n"
        "ret\n";
    enum { ROUNDS = 4 };
    ID3D11Buffer *bufs[3] = { 0 }, *out = NULL, *results[ROUNDS] = { 0 };
    ID3D11ShaderResourceView *srvs[3] = { 0 };
    ID3D11UnorderedAccessView *uav = NULL;
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11ComputeShader *cs = NULL;
    uint32_t got[48];
    unsigned int k, i, b, bad;
    size_t size;
    void *code;

    if (!(code = assemble(cs_text, &size)))
        return;
    ok(ID3D11Device_CreateComputeShader(device, code, size, NULL, &cs) == S_OK, "CreateComputeShader");
    free(code);
    bufs[0] = make_buffer(64, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE, 0, 0, NULL);
    bufs[1] = make_buffer(64, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    bufs[2] = make_buffer(64, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE,
            D3D11_RESOURCE_MISC_BUFFER_STRUCTURED, 4, NULL);
    out = make_buffer(sizeof(got), D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0, NULL);
    for (k = 0; k < ROUNDS; ++k)
        results[k] = make_buffer(sizeof(got), D3D11_USAGE_DEFAULT, 0, 0, 0, 0, NULL);
    if (!cs || !bufs[0] || !bufs[1] || !bufs[2] || !out)
        goto done;
    srvs[0] = buffer_srv(bufs[0], DXGI_FORMAT_R32_UINT, 16, false);
    srvs[1] = buffer_srv(bufs[1], DXGI_FORMAT_R32_TYPELESS, 16, true);
    srvs[2] = buffer_srv(bufs[2], DXGI_FORMAT_UNKNOWN, 16, false);
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_TYPELESS;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.NumElements = 48;
    ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    ok(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)out, &ud, &uav) == S_OK, "UAV");
    if (!srvs[0] || !srvs[1] || !srvs[2] || !uav)
        goto done;

    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    ID3D11DeviceContext_CSSetShaderResources(context, 0, 3, srvs);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    for (k = 0; k < ROUNDS; ++k)
    {
        fill_round(bufs, k + 1);
        ID3D11DeviceContext_Dispatch(context, 1, 1, 1);
        if (results[k])
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)results[k], (ID3D11Resource *)out);
    }
    for (k = 0; k < ROUNDS; ++k)
    {
        if (!results[k] || !read_buffer(results[k], sizeof(got), got))
        {
            ok(0, "round %u read back", k);
            continue;
        }
        for (b = bad = 0; b < 3; ++b)
            for (i = 0; i < 16; ++i)
                bad += got[b * 16 + i] != (((k + 1) << 16) | (b << 8) | i);
        ok(!bad, "round %u: %u words wrong (typed %#x raw %#x structured %#x)", k, bad, got[0], got[16], got[32]);
    }

    /* Unbinding and rebinding the same views, and a round with the buffers left as they were
     * (no rename): the dispatch reads the last contents. */
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);
    ok(read_buffer(out, sizeof(got), got) && got[5] == ((ROUNDS << 16) | 5) && got[16 + 5] == ((ROUNDS << 16) | (1 << 8) | 5),
            "dispatch without a rename: %#x %#x", got[5], got[21]);
done:
    ID3D11DeviceContext_ClearState(context);
    for (k = 0; k < ROUNDS; ++k)
        if (results[k]) ID3D11Buffer_Release(results[k]);
    for (b = 0; b < 3; ++b)
    {
        if (srvs[b]) ID3D11ShaderResourceView_Release(srvs[b]);
        if (bufs[b]) ID3D11Buffer_Release(bufs[b]);
    }
    if (uav) ID3D11UnorderedAccessView_Release(uav);
    if (out) ID3D11Buffer_Release(out);
    if (cs) ID3D11ComputeShader_Release(cs);
}

/* A pixel shader reads its colour from a typed SRV of a dynamic buffer; three draws with a
 * Map(WRITE_DISCARD) before each land in three columns of the target. */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input v0.xy\n"
    "dcl_output_siv o0.xyzw, position\n"
    "mov o0.xy, v0.xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

static const char ps_srv_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_resource_buffer (float,float,float,float) t0\n"
    "dcl_output o0.xyzw\n"
    "ld o0.xyzw, l(0, 0, 0, 0), t0.xyzw\n"
    "ret\n";

static const char ps_white_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, l(1.0, 1.0, 1.0, 1.0)\n"
    "ret\n";

struct gfx
{
    ID3D11VertexShader *vs;
    ID3D11InputLayout *layout;
};

static bool gfx_create(struct gfx *g)
{
    static const D3D11_INPUT_ELEMENT_DESC element = { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 };
    size_t size;
    void *code;

    memset(g, 0, sizeof(*g));
    if (!(code = assemble(vs_text, &size)))
        return false;
    ok(ID3D11Device_CreateVertexShader(device, code, size, NULL, &g->vs) == S_OK, "CreateVertexShader");
    ok(ID3D11Device_CreateInputLayout(device, &element, 1, code, size, &g->layout) == S_OK, "CreateInputLayout");
    free(code);
    return g->vs && g->layout;
}

static void gfx_destroy(struct gfx *g)
{
    if (g->vs) ID3D11VertexShader_Release(g->vs);
    if (g->layout) ID3D11InputLayout_Release(g->layout);
}

static ID3D11PixelShader *make_ps(const char *text)
{
    ID3D11PixelShader *ps = NULL;
    size_t size;
    void *code;

    if (!(code = assemble(text, &size)))
        return NULL;
    ok(ID3D11Device_CreatePixelShader(device, code, size, NULL, &ps) == S_OK, "CreatePixelShader");
    free(code);
    return ps;
}

static void test_buffer_srv_rename_draw(void)
{
    /* Three quads (two triangles each, clockwise) covering x in [-1,-1/3], [-1/3,1/3], [1/3,1]. */
    float quads[3][6][2];
    D3D11_TEXTURE2D_DESC td = { 6, 2, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, 6.0f, 2.0f, 0.0f, 1.0f };
    static const float colors[3][4] = { { 1, 0, 0, 1 }, { 0, 1, 0, 1 }, { 0, 0, 1, 1 } };
    static const uint32_t expect[3] = { 0xff0000ffu, 0xff00ff00u, 0xffff0000u };
    ID3D11Texture2D *rt = NULL, *stage = NULL;
    ID3D11RenderTargetView *rtv = NULL;
    ID3D11ShaderResourceView *srv = NULL;
    ID3D11Buffer *vb = NULL, *colour = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11PixelShader *ps;
    UINT stride = 8, offset = 0;
    unsigned int q, x, y, bad;
    struct gfx g;

    for (q = 0; q < 3; ++q)
    {
        float x0 = -1.0f + q * (2.0f / 3.0f), x1 = x0 + 2.0f / 3.0f;
        float v[6][2] = { { x0, 1 }, { x1, 1 }, { x0, -1 }, { x0, -1 }, { x1, 1 }, { x1, -1 } };
        memcpy(quads[q], v, sizeof(v));
    }
    ps = make_ps(ps_srv_text);
    if (!gfx_create(&g) || !ps)
        goto done;
    vb = make_buffer(sizeof(quads), D3D11_USAGE_IMMUTABLE, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0, quads);
    colour = make_buffer(16, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE, 0, 0, NULL);
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &rt) == S_OK, "render target");
    td.Usage = D3D11_USAGE_STAGING;
    td.BindFlags = 0;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &stage) == S_OK, "staging");
    if (!vb || !colour || !rt || !stage)
        goto done;
    if (!(srv = buffer_srv(colour, DXGI_FORMAT_R32G32B32A32_FLOAT, 1, false))
            || FAILED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv)))
        goto done;
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, g.layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(context, g.vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &srv);
    for (q = 0; q < 3; ++q)
    {
        if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)colour, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
            continue;
        memcpy(map.pData, colors[q], 16);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)colour, 0);
        ID3D11DeviceContext_Draw(context, 6, q * 6);
    }
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)rt);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
    {
        for (y = bad = 0; y < 2; ++y)
            for (x = 0; x < 6; ++x)
                bad += ((const uint32_t *)((const uint8_t *)map.pData + y * map.RowPitch))[x] != expect[x / 2];
        ok(!bad, "draws reading a renamed buffer SRV: %u pixels wrong (%#x %#x %#x)", bad,
                ((const uint32_t *)map.pData)[0], ((const uint32_t *)map.pData)[2], ((const uint32_t *)map.pData)[4]);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
    }
    else
        ok(0, "Map of the read-back texture");
done:
    ID3D11DeviceContext_ClearState(context);
    if (srv) ID3D11ShaderResourceView_Release(srv);
    if (rtv) ID3D11RenderTargetView_Release(rtv);
    if (rt) ID3D11Texture2D_Release(rt);
    if (stage) ID3D11Texture2D_Release(stage);
    if (vb) ID3D11Buffer_Release(vb);
    if (colour) ID3D11Buffer_Release(colour);
    if (ps) ID3D11PixelShader_Release(ps);
    gfx_destroy(&g);
}

static double srgb_encode(double x)
{
    return x <= 0.0031308 ? x * 12.92 : 1.055 * pow(x, 1.0 / 2.4) - 0.055;
}

/* A white triangle on black in a 4x typeless target: pixels along its edge hold white and
 * black samples. Resolved as UNORM they average the stored bytes; resolved as sRGB they average
 * the linear values, so a pixel with half its samples white is 0.5 in UNORM and encode(0.5)
 * in sRGB. */
static void test_resolve_edge_formats(void)
{
    enum { SIZE = 16 };
    static const float tri[3][2] = { { -1.0f, 1.0f }, { 1.0f, 1.0f }, { -1.0f, -0.9f } };
    static const float black[4] = { 0.0f, 0.0f, 0.0f, 0.0f };
    D3D11_TEXTURE2D_DESC td = { SIZE, SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, { 4, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, SIZE, SIZE, 0.0f, 1.0f };
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    ID3D11Texture2D *ms = NULL, *as_unorm = NULL, *as_srgb = NULL, *stage = NULL;
    ID3D11RenderTargetView *rtv = NULL;
    ID3D11Buffer *vb = NULL;
    ID3D11PixelShader *ps;
    D3D11_MAPPED_SUBRESOURCE map;
    uint8_t unorm[SIZE * SIZE * 4], srgb[SIZE * SIZE * 4];
    UINT stride = 8, offset = 0, levels = 0, y;
    unsigned int i, partial = 0, bad = 0, ends = 0;
    struct gfx g;

    memset(&g, 0, sizeof(g));
    ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, &levels);
    ps = make_ps(ps_white_text);
    if (!levels || !gfx_create(&g) || !ps)
        goto done;
    vb = make_buffer(sizeof(tri), D3D11_USAGE_IMMUTABLE, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0, tri);
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &ms) == S_OK, "MSAA target");
    td.SampleDesc.Count = 1;
    td.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    td.BindFlags = 0;
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &as_unorm) == S_OK, "UNORM texture");
    td.Format = DXGI_FORMAT_R8G8B8A8_UNORM_SRGB;
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &as_srgb) == S_OK, "sRGB texture");
    td.Format = DXGI_FORMAT_R8G8B8A8_TYPELESS;
    td.Usage = D3D11_USAGE_STAGING;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &stage) == S_OK, "staging");
    if (!vb || !ms || !as_unorm || !as_srgb || !stage)
        goto done;
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2DMS;
    if (FAILED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ms, &rd, &rtv)))
        goto done;
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, black);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, g.layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(context, g.vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)as_unorm, 0, (ID3D11Resource *)ms, 0,
            DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)as_srgb, 0, (ID3D11Resource *)ms, 0,
            DXGI_FORMAT_R8G8B8A8_UNORM_SRGB);
    for (i = 0; i < 2; ++i)
    {
        uint8_t *out = i ? srgb : unorm;

        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)(i ? as_srgb : as_unorm));
        if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
        {
            ok(0, "Map of the read-back texture");
            goto done;
        }
        for (y = 0; y < SIZE; ++y)
            memcpy(out + y * SIZE * 4, (const uint8_t *)map.pData + y * map.RowPitch, SIZE * 4);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
    }
    for (i = 0; i < SIZE * SIZE; ++i)
    {
        unsigned int u = unorm[i * 4], s = srgb[i * 4];
        double want;

        if (u == 0 || u == 255)
        {
            /* Fully covered or uncovered: both resolves agree exactly. */
            bad += s != u;
            ++ends;
            continue;
        }
        ++partial;
        /* Alpha is linear in both: the UNORM average of 1.0 and 0.0 samples. */
        want = srgb_encode(unorm[i * 4 + 3] / 255.0) * 255.0;
        if (fabs(s - want) > 2.0)
        {
            if (!bad)
                ok(0, "pixel %u: UNORM %u sRGB %u, expected about %.1f", i, u, s, want);
            ++bad;
        }
    }
    ok(partial > 0 && ends > 0, "the edge covers pixels partly: %u partial, %u whole", partial, ends);
    ok(!bad, "sRGB vs UNORM resolves of one typeless target: %u pixels wrong", bad);
done:
    ID3D11DeviceContext_ClearState(context);
    if (rtv) ID3D11RenderTargetView_Release(rtv);
    if (ms) ID3D11Texture2D_Release(ms);
    if (as_unorm) ID3D11Texture2D_Release(as_unorm);
    if (as_srgb) ID3D11Texture2D_Release(as_srgb);
    if (stage) ID3D11Texture2D_Release(stage);
    if (vb) ID3D11Buffer_Release(vb);
    if (ps) ID3D11PixelShader_Release(ps);
    gfx_destroy(&g);
}

int main(void)
{
    HRESULT hr;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    run_test(test_buffer_srv_rename);
    run_test(test_buffer_srv_rename_draw);
    run_test(test_resolve_edge_formats);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return test_finish();
}
