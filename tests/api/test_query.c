/* test_query.c — queries, predication and counters: exact occlusion sample counts for
 * rectangles with edges on pixel boundaries (depth test rejecting part, MSAA, queries
 * across flushes, copies and render-target changes, overlapping/nested/restarted queries,
 * more queries than one Vulkan pool block), pipeline statistics of known draws and
 * dispatches and of tessellated patches, the Begin/End/GetData rules, timestamps, queries on deferred contexts,
 * SetPredication skipping draws, dispatches, clears, copies and updates for both predicate
 * values, GetPredication refcounts, and the counter API of a device without counters. */
#include "test.h"
#include "dxbc.h"

#ifdef _WIN32
static void test_sleep(unsigned int ms) { Sleep(ms); }
#else
#include <unistd.h>
static void test_sleep(unsigned int ms) { usleep(ms * 1000); }
#endif

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define RT_SIZE 64

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyz POSITION 0 NONE float xyz\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input v0.xyz\n"
    "dcl_output_siv o0.xyzw, position\n"
    "mov o0.xyz, v0.xyz\n"
    "mov o0.w, l(1.0)\n"
    "ret\n";

static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, cb0[0].xyzw\n"
    "ret\n";

/* u0[i] = i + 7 for the 64 threads of two groups of 32. */
static const char cs_text[] =
    "cs_5_0\n"
    "dcl_uav_raw u0\n"
    "dcl_input vThreadID.x\n"
    "dcl_temps 2\n"
    "dcl_thread_group 32, 1, 1\n"
    "iadd r0.x, vThreadID.x, l(7)\n"
    "ishl r1.x, vThreadID.x, l(2)\n"
    "store_raw u0.x, r1.x, r0.x\n"
    "ret\n";

struct pipe
{
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11ComputeShader *cs;
    ID3D11InputLayout *layout;
    ID3D11Buffer *vb, *cb, *ib;
    ID3D11RasterizerState *rs;
    ID3D11Texture2D *rt, *rt2, *staging, *ds;
    ID3D11RenderTargetView *rtv, *rtv2;
    ID3D11DepthStencilView *dsv;
};

static struct pipe P;

static void *assemble(const char *text, size_t *size)
{
    char error[256];
    void *data = NULL;
    bool ret = dxbc_assemble(text, &data, size, error, sizeof(error));

    ok(ret, "assembling: %s", ret ? "" : error);
    return ret ? data : NULL;
}

static ID3D11Buffer *make_buffer(UINT size, UINT bind, D3D11_USAGE usage, UINT cpu, UINT misc, const void *data)
{
    D3D11_BUFFER_DESC desc = { size, usage, bind, cpu, misc, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);
    ok(hr == S_OK, "CreateBuffer: %#lx", (unsigned long)hr);
    return buffer;
}

static ID3D11Texture2D *make_texture(DXGI_FORMAT format, UINT bind, D3D11_USAGE usage, UINT cpu, UINT samples)
{
    D3D11_TEXTURE2D_DESC desc = { RT_SIZE, RT_SIZE, 1, 1, format, { samples, 0 }, usage, bind, cpu, 0 };
    ID3D11Texture2D *t = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t);
    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    return t;
}

static bool pipe_create(void)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE };
    size_t vs_size, ps_size, cs_size;
    void *vs = assemble(vs_text, &vs_size), *ps = assemble(ps_text, &ps_size), *cs = assemble(cs_text, &cs_size);
    HRESULT hr;

    if (!vs || !ps || !cs)
        return false;
    hr = ID3D11Device_CreateVertexShader(device, vs, vs_size, NULL, &P.vs);
    ok(hr == S_OK, "CreateVertexShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreatePixelShader(device, ps, ps_size, NULL, &P.ps);
    ok(hr == S_OK, "CreatePixelShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateComputeShader(device, cs, cs_size, NULL, &P.cs);
    ok(hr == S_OK, "CreateComputeShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateInputLayout(device, elements, 1, vs, vs_size, &P.layout);
    ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
    free(vs);
    free(ps);
    free(cs);
    hr = ID3D11Device_CreateRasterizerState(device, &rd, &P.rs);
    ok(hr == S_OK, "CreateRasterizerState: %#lx", (unsigned long)hr);
    P.vb = make_buffer(4096, D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, 0, NULL);
    P.cb = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, 0, NULL);
    P.rt = make_texture(DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_RENDER_TARGET, D3D11_USAGE_DEFAULT, 0, 1);
    P.rt2 = make_texture(DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_RENDER_TARGET, D3D11_USAGE_DEFAULT, 0, 1);
    P.staging = make_texture(DXGI_FORMAT_R8G8B8A8_UNORM, 0, D3D11_USAGE_STAGING, D3D11_CPU_ACCESS_READ, 1);
    P.ds = make_texture(DXGI_FORMAT_D32_FLOAT, D3D11_BIND_DEPTH_STENCIL, D3D11_USAGE_DEFAULT, 0, 1);
    if (!P.vb || !P.cb || !P.rt || !P.rt2 || !P.staging || !P.ds || !P.vs || !P.ps || !P.cs || !P.layout || !P.rs)
        return false;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)P.rt, NULL, &P.rtv);
    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)P.rt2, NULL, &P.rtv2);
    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)P.ds, NULL, &P.dsv);
    ok(hr == S_OK, "CreateDepthStencilView: %#lx", (unsigned long)hr);
    return P.rtv && P.rtv2 && P.dsv;
}

static void pipe_destroy(void)
{
    IUnknown **objs[] = { (IUnknown **)&P.vs, (IUnknown **)&P.ps, (IUnknown **)&P.cs, (IUnknown **)&P.layout,
            (IUnknown **)&P.vb, (IUnknown **)&P.cb, (IUnknown **)&P.ib, (IUnknown **)&P.rs, (IUnknown **)&P.rt,
            (IUnknown **)&P.rt2, (IUnknown **)&P.staging, (IUnknown **)&P.ds, (IUnknown **)&P.rtv,
            (IUnknown **)&P.rtv2, (IUnknown **)&P.dsv };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(objs); ++i)
        if (*objs[i])
        {
            IUnknown_Release(*objs[i]);
            *objs[i] = NULL;
        }
}

static void set_color(ID3D11DeviceContext *ctx, float r, float g, float b, float a)
{
    D3D11_MAPPED_SUBRESOURCE map;
    float *f;

    if (FAILED(ID3D11DeviceContext_Map(ctx, (ID3D11Resource *)P.cb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
        return;
    f = map.pData;
    f[0] = r;
    f[1] = g;
    f[2] = b;
    f[3] = a;
    ID3D11DeviceContext_Unmap(ctx, (ID3D11Resource *)P.cb, 0);
}

/* Binds the pipeline on ctx with rtv (and dsv, or none). */
static void bind_pipe(ID3D11DeviceContext *ctx, ID3D11RenderTargetView *rtv, ID3D11DepthStencilView *dsv)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT_SIZE, RT_SIZE, 0.0f, 1.0f };
    UINT stride = 12, offset = 0;

    ID3D11DeviceContext_OMSetRenderTargets(ctx, 1, &rtv, dsv);
    ID3D11DeviceContext_RSSetViewports(ctx, 1, &vp);
    ID3D11DeviceContext_RSSetState(ctx, P.rs);
    ID3D11DeviceContext_IASetInputLayout(ctx, P.layout);
    ID3D11DeviceContext_IASetVertexBuffers(ctx, 0, 1, &P.vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(ctx, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(ctx, P.vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(ctx, P.ps, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(ctx, 0, 1, &P.cb);
}

/* Two triangles covering pixels [x0, x1) x [y0, y1) at depth z (edges on pixel boundaries:
 * exactly (x1 - x0) * (y1 - y0) pixels). */
static void draw_rect(ID3D11DeviceContext *ctx, int x0, int y0, int x1, int y1, float z)
{
    D3D11_MAPPED_SUBRESOURCE map;
    float l = x0 / 32.0f - 1.0f, r = x1 / 32.0f - 1.0f, t = 1.0f - y0 / 32.0f, b = 1.0f - y1 / 32.0f;
    const float v[18] = { l, t, z, r, t, z, r, b, z, l, t, z, r, b, z, l, b, z };

    if (FAILED(ID3D11DeviceContext_Map(ctx, (ID3D11Resource *)P.vb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
        return;
    memcpy(map.pData, v, sizeof(v));
    ID3D11DeviceContext_Unmap(ctx, (ID3D11Resource *)P.vb, 0);
    ID3D11DeviceContext_Draw(ctx, 6, 0);
}

static void clear_rt(ID3D11RenderTargetView *rtv, float r, float g, float b, float a)
{
    const float c[4] = { r, g, b, a };
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, c);
}

/* The pixel (x, y) of a render target. */
static uint32_t read_pixel(ID3D11Texture2D *rt, int x, int y)
{
    D3D11_MAPPED_SUBRESOURCE map;
    uint32_t p = 0xdeadbeef;

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)P.staging, (ID3D11Resource *)rt);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)P.staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        memcpy(&p, (const uint8_t *)map.pData + y * map.RowPitch + x * 4, 4);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)P.staging, 0);
    }
    return p;
}

static ID3D11Query *make_query(D3D11_QUERY type)
{
    D3D11_QUERY_DESC desc = { type, 0 };
    ID3D11Query *q = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateQuery(device, &desc, &q);
    ok(hr == S_OK, "CreateQuery(%#x): %#lx", type, (unsigned long)hr);
    return q;
}

static ID3D11Predicate *make_predicate(D3D11_QUERY type)
{
    D3D11_QUERY_DESC desc = { type, 0 };
    ID3D11Predicate *q = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreatePredicate(device, &desc, &q);
    ok(hr == S_OK, "CreatePredicate(%#x): %#lx", type, (unsigned long)hr);
    return q;
}

/* Polls GetData until S_OK (5 s at most). */
static HRESULT get_data(void *q, void *data, UINT size)
{
    HRESULT hr;
    int i;

    for (i = 0; i < 5000; ++i)
    {
        if ((hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, size, 0)) != S_FALSE)
            return hr;
        test_sleep(1);
    }
    return hr;
}

static UINT64 occlusion(ID3D11Query *q)
{
    UINT64 n = ~(UINT64)0;
    HRESULT hr = get_data(q, &n, sizeof(n));

    ok(hr == S_OK, "GetData(OCCLUSION): %#lx", (unsigned long)hr);
    return n;
}

static BOOL predicate_value(void *q)
{
    BOOL b = 0x55;
    HRESULT hr = get_data(q, &b, sizeof(b));

    ok(hr == S_OK, "GetData(predicate): %#lx", (unsigned long)hr);
    return b;
}

#define RELEASE(p) do { if (p) IUnknown_Release((IUnknown *)(p)); } while (0)

/* ----------------------------------------------------------------------------------------- */

static void test_occlusion(void)
{
    ID3D11Query *q = make_query(D3D11_QUERY_OCCLUSION), *q2 = make_query(D3D11_QUERY_OCCLUSION);
    ID3D11Query *many[80];
    ID3D11Predicate *pred = make_predicate(D3D11_QUERY_OCCLUSION_PREDICATE);
    UINT64 n;
    unsigned int i;

    if (!q || !q2 || !pred)
        return;
    bind_pipe(context, P.rtv, NULL);
    set_color(context, 0.0f, 1.0f, 0.0f, 1.0f);

    /* A 32x32 rectangle. */
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 8, 16, 40, 48, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    n = occlusion(q);
    ok(n == 1024, "32x32 rectangle: %llu samples", (unsigned long long)n);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)pred);
    draw_rect(context, 8, 16, 40, 48, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)pred);
    ok(predicate_value(pred) == TRUE, "predicate after a visible draw");

    /* Nothing drawn. */
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    n = occlusion(q);
    ok(n == 0, "no draw: %llu", (unsigned long long)n);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)pred);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)pred);
    ok(predicate_value(pred) == FALSE, "predicate without draws");

    /* The depth test rejects the left half: an occluder at z 0.25 drawn first (outside). */
    bind_pipe(context, P.rtv, P.dsv);
    ID3D11DeviceContext_ClearDepthStencilView(context, P.dsv, D3D11_CLEAR_DEPTH, 1.0f, 0);
    set_color(context, 1.0f, 0.0f, 0.0f, 1.0f);
    draw_rect(context, 8, 16, 24, 48, 0.25f);
    set_color(context, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 8, 16, 40, 48, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    n = occlusion(q);
    ok(n == 512, "half rejected by depth: %llu", (unsigned long long)n);
    ok(read_pixel(P.rt, 10, 20) == 0xff0000ffu, "occluder pixel %#x", read_pixel(P.rt, 10, 20));
    ok(read_pixel(P.rt, 30, 20) == 0xffff0000u, "visible pixel %#x", read_pixel(P.rt, 30, 20));

    /* Across a flush, a copy (rendering ends) and a render-target change. */
    bind_pipe(context, P.rtv, NULL);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 8, 8, 24, 24, 0.5f);
    ID3D11DeviceContext_Flush(context);
    draw_rect(context, 30, 30, 40, 40, 0.5f);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)P.staging, (ID3D11Resource *)P.rt);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &P.rtv2, NULL);
    draw_rect(context, 0, 0, 10, 10, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    n = occlusion(q);
    ok(n == 256 + 100 + 100, "across flush/copy/RT change: %llu", (unsigned long long)n);

    /* Overlapping queries: q covers A and B, q2 covers B and C. */
    bind_pipe(context, P.rtv, NULL);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 0, 0, 16, 16, 0.5f);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q2);
    draw_rect(context, 0, 0, 8, 8, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 0, 0, 4, 4, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q2);
    n = occlusion(q);
    ok(n == 256 + 64, "overlapping, first: %llu", (unsigned long long)n);
    n = occlusion(q2);
    ok(n == 64 + 16, "overlapping, second: %llu", (unsigned long long)n);

    /* A second Begin restarts the query. */
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 0, 0, 16, 16, 0.5f);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 0, 0, 8, 8, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    n = occlusion(q);
    ok(n == 64, "restarted: %llu", (unsigned long long)n);

    /* End without Begin: an empty query. */
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q2);
    n = occlusion(q2);
    ok(n == 0, "End without Begin: %llu", (unsigned long long)n);

    /* More queries than a Vulkan pool block holds, each around its own draw. */
    for (i = 0; i < ARRAY_SIZE(many); ++i)
    {
        many[i] = make_query(D3D11_QUERY_OCCLUSION);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)many[i]);
        draw_rect(context, 0, i % 8, (int)(i % 64) + 1, i % 8 + 1 + i / 64, 0.5f);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)many[i]);
    }
    for (i = 0; i < ARRAY_SIZE(many); ++i)
    {
        UINT64 expect = (i % 64 + 1) * (1 + i / 64);

        n = occlusion(many[i]);
        ok(n == expect, "query %u: %llu, expected %llu", i, (unsigned long long)n, (unsigned long long)expect);
        RELEASE(many[i]);
    }
    RELEASE(q);
    RELEASE(q2);
    RELEASE(pred);
}

static void test_occlusion_msaa(void)
{
    ID3D11Query *q = make_query(D3D11_QUERY_OCCLUSION);
    ID3D11Texture2D *ms;
    ID3D11RenderTargetView *rtv = NULL;
    UINT levels = 0;
    UINT64 n;

    ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, &levels);
    ok(levels > 0, "4x MSAA levels %u", levels);
    if (!levels || !q || !(ms = make_texture(DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_BIND_RENDER_TARGET, D3D11_USAGE_DEFAULT, 0, 4)))
    {
        RELEASE(q);
        return;
    }
    ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ms, NULL, &rtv);
    ok(!!rtv, "MSAA RTV");
    if (rtv)
    {
        bind_pipe(context, rtv, NULL);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
        draw_rect(context, 4, 4, 12, 12, 0.5f);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
        /* D3D11 counts samples: 8x8 pixels, 4 samples each. */
        n = occlusion(q);
    ok(n == 256, "8x8 pixels at 4x MSAA: %llu samples", (unsigned long long)n);
        ID3D11RenderTargetView_Release(rtv);
    }
    ID3D11Texture2D_Release(ms);
    ID3D11Query_Release(q);
}

static bool stats(ID3D11Query *q, D3D11_QUERY_DATA_PIPELINE_STATISTICS *s)
{
    HRESULT hr;

    memset(s, 0xcc, sizeof(*s));
    hr = get_data(q, s, sizeof(*s));
    ok(hr == S_OK, "GetData(PIPELINE_STATISTICS): %#lx", (unsigned long)hr);
    if (hr == S_OK)
        printf("note: IA %llu/%llu VS %llu GS %llu/%llu C %llu/%llu PS %llu HS %llu DS %llu CS %llu\n",
                (unsigned long long)s->IAVertices, (unsigned long long)s->IAPrimitives, (unsigned long long)s->VSInvocations,
                (unsigned long long)s->GSInvocations, (unsigned long long)s->GSPrimitives, (unsigned long long)s->CInvocations,
                (unsigned long long)s->CPrimitives, (unsigned long long)s->PSInvocations, (unsigned long long)s->HSInvocations,
                (unsigned long long)s->DSInvocations, (unsigned long long)s->CSInvocations);
    return hr == S_OK;
}

static void test_pipeline_statistics(void)
{
    static const uint16_t indices[6] = { 0, 1, 2, 0, 2, 3 };
    ID3D11Query *q = make_query(D3D11_QUERY_PIPELINE_STATISTICS);
    D3D11_QUERY_DATA_PIPELINE_STATISTICS s;
    ID3D11UnorderedAccessView *uav = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *buf;

    if (!q)
        return;
    bind_pipe(context, P.rtv, NULL);
    /* Two triangles, 32x32 pixels. */
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    draw_rect(context, 8, 16, 40, 48, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    if (stats(q, &s))
    {
        ok(s.IAVertices == 6, "IAVertices %llu", (unsigned long long)s.IAVertices);
        ok(s.IAPrimitives == 2, "IAPrimitives %llu", (unsigned long long)s.IAPrimitives);
        /* D3D11 lets a post-transform cache skip repeated vertices: 4..6 invocations. */
        ok(s.VSInvocations >= 4 && s.VSInvocations <= 6, "VSInvocations %llu", (unsigned long long)s.VSInvocations);
        ok(s.GSInvocations == 0 && s.GSPrimitives == 0, "GS %llu %llu", (unsigned long long)s.GSInvocations,
                (unsigned long long)s.GSPrimitives);
        ok(s.CInvocations == 2, "CInvocations %llu", (unsigned long long)s.CInvocations);
        /* Clipping may split or pass primitives; nothing is clipped here. */
        ok(s.CPrimitives >= 2 && s.CPrimitives <= 4, "CPrimitives %llu", (unsigned long long)s.CPrimitives);
        /* Every covered pixel runs the shader; helper lanes of partly covered 2x2 quads may
         * count too (at most the two triangles' shared diagonal: 32 extra quads). */
        ok(s.PSInvocations >= 1024 && s.PSInvocations <= 1024 + 32 * 4, "PSInvocations %llu",
                (unsigned long long)s.PSInvocations);
        ok(s.HSInvocations == 0 && s.DSInvocations == 0, "HS/DS %llu %llu", (unsigned long long)s.HSInvocations,
                (unsigned long long)s.DSInvocations);
        ok(s.CSInvocations == 0, "CSInvocations %llu", (unsigned long long)s.CSInvocations);
    }

    /* Indexed: 6 indices over 4 vertices; instanced: 3 vertices x 4 instances. */
    P.ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_IMMUTABLE, 0, 0, indices);
    if (P.ib && SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)P.vb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
    {
        const float v[12] = { -1, 1, 0.5f, 0, 1, 0.5f, 0, 0, 0.5f, -1, 0, 0.5f };

        memcpy(map.pData, v, sizeof(v));
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)P.vb, 0);
        ID3D11DeviceContext_IASetIndexBuffer(context, P.ib, DXGI_FORMAT_R16_UINT, 0);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
        ID3D11DeviceContext_DrawIndexed(context, 6, 0, 0);
        ID3D11DeviceContext_DrawInstanced(context, 3, 4, 0, 0);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
        if (stats(q, &s))
        {
            ok(s.IAVertices == 6 + 12, "IAVertices %llu", (unsigned long long)s.IAVertices);
            ok(s.IAPrimitives == 2 + 4, "IAPrimitives %llu", (unsigned long long)s.IAPrimitives);
            ok(s.VSInvocations >= 4 + 3 && s.VSInvocations <= 18, "VSInvocations %llu", (unsigned long long)s.VSInvocations);
            ok(s.CInvocations == 6, "CInvocations %llu", (unsigned long long)s.CInvocations);
            ok(s.PSInvocations >= 1024, "PSInvocations %llu", (unsigned long long)s.PSInvocations);
        }
    }

    /* A dispatch of 2 groups of 32 threads. */
    buf = make_buffer(256, D3D11_BIND_UNORDERED_ACCESS, D3D11_USAGE_DEFAULT, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, NULL);
    if (buf)
    {
        D3D11_UNORDERED_ACCESS_VIEW_DESC ud;

        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R32_TYPELESS;
        ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
        ud.Buffer.NumElements = 64;
        ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
        ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buf, &ud, &uav);
        ok(!!uav, "raw UAV");
    }
    if (uav)
    {
        ID3D11DeviceContext_CSSetShader(context, P.cs, NULL, 0);
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
        ID3D11DeviceContext_Dispatch(context, 2, 1, 1);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
        if (stats(q, &s))
        {
            ok(s.CSInvocations == 64, "CSInvocations %llu", (unsigned long long)s.CSInvocations);
            ok(s.IAVertices == 0 && s.VSInvocations == 0 && s.PSInvocations == 0, "graphics counts %llu %llu %llu",
                    (unsigned long long)s.IAVertices, (unsigned long long)s.VSInvocations, (unsigned long long)s.PSInvocations);
        }
        ID3D11UnorderedAccessView_Release(uav);
    }
    RELEASE(buf);
    ID3D11Query_Release(q);
}

/* Tessellation: an HS of 3 input control points outputs one (control point 0's position)
 * with every factor 2 (integer partitioning): 7 domain points and 6 triangles per patch;
 * the DS places a small triangle at the control point. */
static const char hs_tess_text[] =
    "hs_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw POSITION 0 NONE float -\n"
    "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
    "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
    "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
    "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
    "hs_decls\n"
    "dcl_input_control_point_count 3\n"
    "dcl_output_control_point_count 1\n"
    "dcl_tessellator_domain domain_tri\n"
    "dcl_tessellator_partitioning partitioning_integer\n"
    "dcl_tessellator_output_primitive output_triangle_cw\n"
    "dcl_hs_max_tessfactor l(64.0)\n"
    "hs_control_point_phase\n"
    "dcl_input vicp[3][0].xyzw\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, vicp[0][0].xyzw\n"
    "ret\n"
    "hs_fork_phase\n"
    "dcl_hs_fork_phase_instance_count 3\n"
    "dcl_input vForkInstanceID\n"
    "dcl_output_siv o0.x, finalTriUeq0EdgeTessFactor\n"
    "dcl_output_siv o1.x, finalTriVeq0EdgeTessFactor\n"
    "dcl_output_siv o2.x, finalTriWeq0EdgeTessFactor\n"
    "dcl_indexrange o0.x 3\n"
    "dcl_temps 1\n"
    "mov r0.x, vForkInstanceID\n"
    "mov o[r0.x + 0].x, l(2.0)\n"
    "ret\n"
    "hs_join_phase\n"
    "dcl_output_siv o3.x, finalTriInsideTessFactor\n"
    "mov o3.x, l(2.0)\n"
    "ret\n";

static const char ds_tess_text[] =
    "ds_5_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
    "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
    "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
    "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
    "dcl_input_control_point_count 1\n"
    "dcl_tessellator_domain domain_tri\n"
    "dcl_input vDomain.xyz\n"
    "dcl_input vicp[1][0].xyzw\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_temps 1\n"
    "mad r0.x, vDomain.y, l(0.25), vicp[0][0].x\n"
    "mad r0.y, vDomain.z, l(-0.25), vicp[0][0].y\n"
    "mov o0.xy, r0.xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

static void test_tessellation_statistics(void)
{
    ID3D11Query *q = make_query(D3D11_QUERY_PIPELINE_STATISTICS), *occ = make_query(D3D11_QUERY_OCCLUSION);
    D3D11_QUERY_DATA_PIPELINE_STATISTICS s;
    ID3D11HullShader *hs = NULL;
    ID3D11DomainShader *ds = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    size_t hs_size, ds_size;
    void *hs_code = assemble(hs_tess_text, &hs_size), *ds_code = assemble(ds_tess_text, &ds_size);
    HRESULT hr;

    if (hs_code)
    {
        hr = ID3D11Device_CreateHullShader(device, hs_code, hs_size, NULL, &hs);
        ok(hr == S_OK, "CreateHullShader: %#lx", (unsigned long)hr);
    }
    if (ds_code)
    {
        hr = ID3D11Device_CreateDomainShader(device, ds_code, ds_size, NULL, &ds);
        ok(hr == S_OK, "CreateDomainShader: %#lx", (unsigned long)hr);
    }
    free(hs_code);
    free(ds_code);
    if (hs && ds && q && occ && SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)P.vb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
    {
        /* Two patches of 3 control points; control point 0 of each anchors its triangle. */
        const float v[18] = { -0.5f, 0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0.25f, 0.5f, 0.5f, 0, 0, 0, 0, 0, 0 };

        memcpy(map.pData, v, sizeof(v));
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)P.vb, 0);
        bind_pipe(context, P.rtv, NULL);
        ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_3_CONTROL_POINT_PATCHLIST);
        ID3D11DeviceContext_HSSetShader(context, hs, NULL, 0);
        ID3D11DeviceContext_DSSetShader(context, ds, NULL, 0);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)occ);
        ID3D11DeviceContext_Draw(context, 6, 0);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)occ);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
        ID3D11DeviceContext_HSSetShader(context, NULL, NULL, 0);
        ID3D11DeviceContext_DSSetShader(context, NULL, NULL, 0);
        if (stats(q, &s))
        {
            ok(s.IAVertices == 6, "IAVertices %llu", (unsigned long long)s.IAVertices);
            ok(s.IAPrimitives == 2, "IAPrimitives (patches) %llu", (unsigned long long)s.IAPrimitives);
            ok(s.VSInvocations >= 2 && s.VSInvocations <= 6, "VSInvocations %llu", (unsigned long long)s.VSInvocations);
            /* One hull shader run per patch (Vulkan counts patches). */
            ok(s.HSInvocations == 2, "HSInvocations %llu", (unsigned long long)s.HSInvocations);
            /* 7 domain points per patch; an implementation may shade shared points again
             * (at most 3 per triangle). */
            ok(s.DSInvocations >= 14 && s.DSInvocations <= 36, "DSInvocations %llu", (unsigned long long)s.DSInvocations);
            ok(s.CInvocations == 12, "CInvocations (6 triangles per patch) %llu", (unsigned long long)s.CInvocations);
            ok(s.PSInvocations >= 1, "PSInvocations %llu", (unsigned long long)s.PSInvocations);
        }
        /* Each patch covers a right triangle of 8x8 pixels: 36 pixel centres inside
         * (x + y < 8 with the top-left rule along the diagonal). */
        {
            UINT64 n = occlusion(occ);

            ok(n > 0 && n <= 2 * 64, "tessellated patches: %llu samples", (unsigned long long)n);
        }
    }
    RELEASE(hs);
    RELEASE(ds);
    RELEASE(q);
    RELEASE(occ);
}

static void test_getdata_rules(void)
{
    static const struct { D3D11_QUERY type; UINT size; } sizes[] =
    {
        { D3D11_QUERY_EVENT, sizeof(BOOL) }, { D3D11_QUERY_OCCLUSION, sizeof(UINT64) },
        { D3D11_QUERY_TIMESTAMP, sizeof(UINT64) }, { D3D11_QUERY_TIMESTAMP_DISJOINT, sizeof(D3D11_QUERY_DATA_TIMESTAMP_DISJOINT) },
        { D3D11_QUERY_PIPELINE_STATISTICS, sizeof(D3D11_QUERY_DATA_PIPELINE_STATISTICS) },
        { D3D11_QUERY_OCCLUSION_PREDICATE, sizeof(BOOL) }, { D3D11_QUERY_SO_STATISTICS, sizeof(D3D11_QUERY_DATA_SO_STATISTICS) },
        { D3D11_QUERY_SO_OVERFLOW_PREDICATE, sizeof(BOOL) },
    };
    D3D11_QUERY_DESC desc = { D3D11_QUERY_OCCLUSION, D3D11_QUERY_MISC_PREDICATEHINT };
    ID3D11Query *q, *ev, *ts1, *ts2, *dj, *bad = (ID3D11Query *)(uintptr_t)1;
    D3D11_QUERY_DATA_TIMESTAMP_DISJOINT d;
    ID3D11Predicate *pred = NULL;
    UINT64 data[16], t1 = 0, t2 = 0;
    unsigned int i, sfalse;
    BOOL b;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(sizes); ++i)
    {
        if (!(q = make_query(sizes[i].type)))
            continue;
        ok(ID3D11Query_GetDataSize(q) == sizes[i].size, "type %#x: GetDataSize %u", sizes[i].type, ID3D11Query_GetDataSize(q));
        ID3D11Query_Release(q);
    }
    /* Creation errors. */
    hr = ID3D11Device_CreateQuery(device, &desc, &bad);
    ok(hr == E_INVALIDARG && !bad, "PREDICATEHINT on a query: %#lx", (unsigned long)hr);
    desc.MiscFlags = 0;
    hr = ID3D11Device_CreatePredicate(device, &desc, &pred);
    ok(hr == E_INVALIDARG && !pred, "CreatePredicate(OCCLUSION): %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateQuery(device, NULL, &q);
    ok(hr == E_INVALIDARG, "CreateQuery(NULL): %#lx", (unsigned long)hr);
    desc.Query = (D3D11_QUERY)0x1234;
    hr = ID3D11Device_CreateQuery(device, &desc, &q);
    ok(hr == E_INVALIDARG, "CreateQuery(bad type): %#lx", (unsigned long)hr);
    desc.Query = D3D11_QUERY_OCCLUSION;
    hr = ID3D11Device_CreateQuery(device, &desc, NULL);
    ok(hr == S_FALSE, "CreateQuery(NULL out): %#lx", (unsigned long)hr);
    desc.Query = D3D11_QUERY_OCCLUSION_PREDICATE;
    desc.MiscFlags = D3D11_QUERY_MISC_PREDICATEHINT;
    hr = ID3D11Device_CreatePredicate(device, &desc, &pred);
    ok(hr == S_OK, "CreatePredicate(hint): %#lx", (unsigned long)hr);
    RELEASE(pred);

    if (!(q = make_query(D3D11_QUERY_OCCLUSION)))
        return;
    bind_pipe(context, P.rtv, NULL);
    /* Never issued / being built. */
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, NULL, 0, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetData before End: %#lx", (unsigned long)hr);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, NULL, 0, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetData while building: %#lx", (unsigned long)hr);
    draw_rect(context, 0, 0, 5, 5, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    /* DONOTFLUSH: the End is not submitted, the answer stays S_FALSE. */
    for (i = 0, sfalse = 0; i < 5; ++i)
    {
        if (ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64), D3D11_ASYNC_GETDATA_DONOTFLUSH) == S_FALSE)
            ++sfalse;
        test_sleep(20);
    }
    ok(sfalse == 5, "DONOTFLUSH without a flush: S_FALSE %u of 5", sfalse);
    /* Size and flag checks. */
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64) - 1, 0);
    ok(hr == E_INVALIDARG, "short size: %#lx", (unsigned long)hr);
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64) + 8, 0);
    ok(hr == E_INVALIDARG, "long size: %#lx", (unsigned long)hr);
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, NULL, sizeof(UINT64), 0);
    ok(hr == E_INVALIDARG, "NULL data with a size: %#lx", (unsigned long)hr);
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64), 2);
    ok(hr == E_INVALIDARG, "bad flags: %#lx", (unsigned long)hr);
    hr = get_data(q, NULL, 0);
    ok(hr == S_OK, "GetData(NULL, 0) once done: %#lx", (unsigned long)hr);
    data[0] = 0;
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64), D3D11_ASYNC_GETDATA_DONOTFLUSH);
    ok(hr == S_OK && data[0] == 25, "done: %#lx, %llu", (unsigned long)hr, (unsigned long long)data[0]);
    /* The result stays until the next Begin. */
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, data, sizeof(UINT64), 0);
    ok(hr == S_OK && data[0] == 25, "again: %#lx, %llu", (unsigned long)hr, (unsigned long long)data[0]);
    ID3D11Query_Release(q);

    /* Events: Begin is ignored, End issues. */
    if ((ev = make_query(D3D11_QUERY_EVENT)))
    {
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)ev);
        hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)ev, NULL, 0, 0);
        ok(hr == DXGI_ERROR_INVALID_CALL, "event after Begin only: %#lx", (unsigned long)hr);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)ev);
        b = FALSE;
        hr = get_data(ev, &b, sizeof(b));
        ok(hr == S_OK && b == TRUE, "event: %#lx %d", (unsigned long)hr, b);
        ID3D11Query_Release(ev);
    }

    /* Timestamps inside a disjoint query. */
    ts1 = make_query(D3D11_QUERY_TIMESTAMP);
    ts2 = make_query(D3D11_QUERY_TIMESTAMP);
    dj = make_query(D3D11_QUERY_TIMESTAMP_DISJOINT);
    if (ts1 && ts2 && dj)
    {
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)dj);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)ts1);   /* ignored */
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)ts1);
        draw_rect(context, 0, 0, 64, 64, 0.5f);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)ts2);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)dj);
        hr = get_data(ts1, &t1, sizeof(t1));
        ok(hr == S_OK, "timestamp 1: %#lx", (unsigned long)hr);
        hr = get_data(ts2, &t2, sizeof(t2));
        ok(hr == S_OK, "timestamp 2: %#lx", (unsigned long)hr);
        memset(&d, 0xcc, sizeof(d));
        hr = get_data(dj, &d, sizeof(d));
        ok(hr == S_OK, "disjoint: %#lx", (unsigned long)hr);
        ok(!d.Disjoint, "Disjoint %d", d.Disjoint);
        ok(d.Frequency >= 1000000 && d.Frequency <= 100000000000ull, "Frequency %llu", (unsigned long long)d.Frequency);
        ok(t2 >= t1, "timestamps %llu, %llu", (unsigned long long)t1, (unsigned long long)t2);
        ok(d.Frequency && (t2 - t1) / d.Frequency < 10, "%llu ticks between timestamps", (unsigned long long)(t2 - t1));
    }
    RELEASE(ts1);
    RELEASE(ts2);
    RELEASE(dj);
}

static void test_counters(void)
{
    D3D11_COUNTER_DESC desc = { D3D11_COUNTER_DEVICE_DEPENDENT_0, 0 };
    ID3D11Counter *counter = (ID3D11Counter *)(uintptr_t)1;
    D3D11_COUNTER_TYPE type;
    D3D11_COUNTER_INFO info;
    UINT active = 0;
    HRESULT hr;

    memset(&info, 0xcc, sizeof(info));
    ID3D11Device_CheckCounterInfo(device, &info);
    ok(info.LastDeviceDependentCounter == 0, "LastDeviceDependentCounter %#x", info.LastDeviceDependentCounter);
    ok(info.NumSimultaneousCounters == 0, "NumSimultaneousCounters %u", info.NumSimultaneousCounters);
    hr = ID3D11Device_CreateCounter(device, &desc, &counter);
    ok(hr == E_INVALIDARG && !counter, "CreateCounter(DEVICE_DEPENDENT_0): %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateCounter(device, NULL, &counter);
    ok(hr == E_INVALIDARG, "CreateCounter(NULL): %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckCounter(device, &desc, &type, &active, NULL, NULL, NULL, NULL, NULL, NULL);
    ok(hr == E_INVALIDARG, "CheckCounter(DEVICE_DEPENDENT_0): %#lx", (unsigned long)hr);
}

/* Draws a full-target rectangle (colour c) under predication and reads pixel (1, 1). */
static uint32_t predicated_draw(ID3D11Predicate *pred, BOOL value)
{
    bind_pipe(context, P.rtv, NULL);
    clear_rt(P.rtv, 0, 0, 0, 1);
    set_color(context, 0.0f, 1.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_SetPredication(context, pred, value);
    draw_rect(context, 0, 0, 64, 64, 0.5f);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    return read_pixel(P.rt, 1, 1);
}

static void test_predication(void)
{
    ID3D11Predicate *yes = make_predicate(D3D11_QUERY_OCCLUSION_PREDICATE), *no = make_predicate(D3D11_QUERY_OCCLUSION_PREDICATE);
    ID3D11Predicate *unused = make_predicate(D3D11_QUERY_OCCLUSION_PREDICATE), *got = NULL;
    static const uint32_t init[64] = { 1, 2, 3, 4 }, upd[64] = { 9, 9, 9, 9 };
    ID3D11Buffer *buf = NULL, *src = NULL, *stage = NULL;
    ID3D11UnorderedAccessView *uav = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    const UINT zeros[4] = { 0 };
    uint32_t words[64], p;
    ULONG ref;
    BOOL value = 7;

    if (!yes || !no || !unused)
        return;
    bind_pipe(context, P.rtv, NULL);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)yes);
    draw_rect(context, 0, 0, 4, 4, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)yes);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)no);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)no);

    /* Skipped when the predicate's result equals PredicateValue (results not waited for by
     * the application: the worker evaluates them). */
    p = predicated_draw(no, FALSE);
    ok(p == 0xff000000u, "FALSE predicate, value FALSE: %#x (skipped)", p);
    p = predicated_draw(no, TRUE);
    ok(p == 0xff00ff00u, "FALSE predicate, value TRUE: %#x (drawn)", p);
    p = predicated_draw(yes, TRUE);
    ok(p == 0xff000000u, "TRUE predicate, value TRUE: %#x (skipped)", p);
    p = predicated_draw(yes, FALSE);
    ok(p == 0xff00ff00u, "TRUE predicate, value FALSE: %#x (drawn)", p);
    p = predicated_draw(unused, FALSE);
    ok(p == 0xff00ff00u, "never issued predicate: %#x (drawn)", p);
    ok(predicate_value(yes) == TRUE && predicate_value(no) == FALSE, "predicate results");

    /* GetPredication and references. */
    ref = get_refcount(yes);
    ID3D11DeviceContext_SetPredication(context, yes, TRUE);
    ok(get_refcount(yes) == ref + 1, "refcount with predication set: %lu, was %lu", (unsigned long)get_refcount(yes), (unsigned long)ref);
    ID3D11DeviceContext_GetPredication(context, &got, &value);
    ok(got == yes && value == TRUE, "GetPredication: %p %d", (void *)got, value);
    ok(get_refcount(yes) == ref + 2, "GetPredication adds a reference: %lu", (unsigned long)get_refcount(yes));
    RELEASE(got);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    ok(get_refcount(yes) == ref, "refcount after SetPredication(NULL): %lu", (unsigned long)get_refcount(yes));
    ID3D11DeviceContext_GetPredication(context, &got, &value);
    ok(!got && !value, "GetPredication after unset: %p %d", (void *)got, value);

    /* Clears under predication. */
    clear_rt(P.rtv, 1, 0, 0, 1);
    ID3D11DeviceContext_SetPredication(context, yes, TRUE);
    clear_rt(P.rtv, 0, 0, 1, 1);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    p = read_pixel(P.rt, 5, 5);
    ok(p == 0xff0000ffu, "skipped clear: %#x", p);
    ID3D11DeviceContext_SetPredication(context, yes, FALSE);
    clear_rt(P.rtv, 0, 0, 1, 1);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    p = read_pixel(P.rt, 5, 5);
    ok(p == 0xffff0000u, "performed clear: %#x", p);

    /* Copies: rt2 holds green, rt blue. */
    clear_rt(P.rtv2, 0, 1, 0, 1);
    ID3D11DeviceContext_SetPredication(context, yes, TRUE);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)P.rt, (ID3D11Resource *)P.rt2);
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)P.rt, 0, 0, 0, 0, (ID3D11Resource *)P.rt2, 0, NULL);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    p = read_pixel(P.rt, 5, 5);
    ok(p == 0xffff0000u, "skipped copies: %#x", p);
    ID3D11DeviceContext_SetPredication(context, no, TRUE);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)P.rt, (ID3D11Resource *)P.rt2);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    p = read_pixel(P.rt, 5, 5);
    ok(p == 0xff00ff00u, "performed copy: %#x", p);

    /* UpdateSubresource, ClearUnorderedAccessView and Dispatch on a raw buffer. */
    buf = make_buffer(256, D3D11_BIND_UNORDERED_ACCESS, D3D11_USAGE_DEFAULT, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, init);
    stage = make_buffer(256, 0, D3D11_USAGE_STAGING, D3D11_CPU_ACCESS_READ, 0, NULL);
    src = make_buffer(256, 0, D3D11_USAGE_DEFAULT, 0, 0, upd);
    if (buf)
    {
        D3D11_UNORDERED_ACCESS_VIEW_DESC ud;

        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R32_TYPELESS;
        ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
        ud.Buffer.NumElements = 64;
        ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
        ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buf, &ud, &uav);
    }
    ok(buf && stage && src && uav, "buffers");
    if (buf && stage && src && uav)
    {
#define READ_BUF() do { memset(words, 0xcc, sizeof(words)); \
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)buf); \
        if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map))) { \
            memcpy(words, map.pData, sizeof(words)); ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0); } } while (0)

        ID3D11DeviceContext_SetPredication(context, yes, TRUE);
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)buf, 0, NULL, upd, 0, 0);
        ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)buf, 0, 0, 0, 0, (ID3D11Resource *)src, 0, NULL);
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, zeros);
        ID3D11DeviceContext_CSSetShader(context, P.cs, NULL, 0);
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
        ID3D11DeviceContext_Dispatch(context, 2, 1, 1);
        ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
        READ_BUF();
        ok(words[0] == 1 && words[3] == 4 && words[4] == 0 && words[63] == 0, "skipped update/copy/clear/dispatch: %u %u %u %u",
                words[0], words[3], words[4], words[63]);

        ID3D11DeviceContext_SetPredication(context, yes, FALSE);
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)buf, 0, NULL, upd, 0, 0);
        ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
        READ_BUF();
        ok(words[0] == 9 && words[3] == 9 && words[4] == 0, "performed update: %u %u %u", words[0], words[3], words[4]);
        ID3D11DeviceContext_SetPredication(context, yes, FALSE);
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, zeros);
        ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
        READ_BUF();
        ok(words[0] == 0 && words[3] == 0, "performed UAV clear: %u %u", words[0], words[3]);
        ID3D11DeviceContext_SetPredication(context, no, TRUE);
        ID3D11DeviceContext_Dispatch(context, 2, 1, 1);
        ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
        READ_BUF();
        ok(words[0] == 7 && words[63] == 70, "performed dispatch: %u %u", words[0], words[63]);
#undef READ_BUF
    }
    if (uav)
        ID3D11UnorderedAccessView_Release(uav);
    RELEASE(buf);
    RELEASE(src);
    RELEASE(stage);
    RELEASE(yes);
    RELEASE(no);
    RELEASE(unused);
}

static void test_deferred(void)
{
    ID3D11Query *q = make_query(D3D11_QUERY_OCCLUSION), *ev = make_query(D3D11_QUERY_EVENT);
    ID3D11Predicate *yes = make_predicate(D3D11_QUERY_OCCLUSION_PREDICATE);
    ID3D11DeviceContext *dc = NULL;
    ID3D11CommandList *list = NULL;
    UINT64 n = 0;
    unsigned int i, sfalse;
    uint32_t p;
    HRESULT hr;

    hr = ID3D11Device_CreateDeferredContext(device, 0, &dc);
    ok(hr == S_OK, "CreateDeferredContext: %#lx", (unsigned long)hr);
    if (!dc || !q || !ev || !yes)
        goto done;
    bind_pipe(context, P.rtv, NULL);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)yes);
    draw_rect(context, 0, 0, 2, 2, 0.5f);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)yes);
    clear_rt(P.rtv, 0, 0, 0, 1);

    /* Record: an occlusion query around 16x16 pixels, an event, a predicated draw. */
    bind_pipe(dc, P.rtv, NULL);
    set_color(dc, 1.0f, 1.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_Begin(dc, (ID3D11Asynchronous *)q);
    draw_rect(dc, 0, 0, 16, 16, 0.5f);
    ID3D11DeviceContext_End(dc, (ID3D11Asynchronous *)q);
    ID3D11DeviceContext_End(dc, (ID3D11Asynchronous *)ev);
    ID3D11DeviceContext_SetPredication(dc, yes, TRUE);
    draw_rect(dc, 32, 32, 64, 64, 0.5f);
    ID3D11DeviceContext_SetPredication(dc, NULL, FALSE);
    hr = ID3D11DeviceContext_GetData(dc, (ID3D11Asynchronous *)q, &n, sizeof(n), 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetData on the deferred context: %#lx", (unsigned long)hr);
    hr = ID3D11DeviceContext_FinishCommandList(dc, FALSE, &list);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    if (!list)
        goto done;
    /* Not executed yet: never complete, even with flushes. */
    for (i = 0, sfalse = 0; i < 5; ++i)
    {
        if (ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, &n, sizeof(n), 0) == S_FALSE)
            ++sfalse;
        test_sleep(10);
    }
    ok(sfalse == 5, "unexecuted list: S_FALSE %u of 5", sfalse);
    ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
    n = occlusion(q);
    ok(n == 256, "deferred occlusion: %llu", (unsigned long long)n);
    ok(predicate_value(ev) == TRUE, "deferred event");
    p = read_pixel(P.rt, 8, 8);
    ok(p == 0xffffffffu, "list's draw: %#x", p);
    p = read_pixel(P.rt, 40, 40);
    ok(p == 0xff000000u, "list's predicated draw skipped: %#x", p);
    /* Executed again: the same count. */
    ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
    n = occlusion(q);
    ok(n == 256, "second execution: %llu", (unsigned long long)n);
    ID3D11CommandList_Release(list);
done:
    RELEASE(dc);
    RELEASE(q);
    RELEASE(ev);
    RELEASE(yes);
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
    if (pipe_create())
    {
        run_test(test_occlusion);
        run_test(test_occlusion_msaa);
        run_test(test_pipeline_statistics);
        run_test(test_tessellation_statistics);
        run_test(test_getdata_rules);
        run_test(test_counters);
        run_test(test_predication);
        run_test(test_deferred);
    }
    pipe_destroy();
    ID3D11DeviceContext_ClearState(context);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
