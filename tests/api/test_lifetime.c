/* test_lifetime.c — objects bound across submissions outlive the GPU work that uses them.
 * A binding is recorded once; later draws in later submissions use it without recording it
 * again. Each test binds, draws, flushes and waits until the GPU is done (so the submission
 * that recorded the bindings has retired), draws once more without rebinding, then unbinds
 * (or replaces, or ClearState) and releases the application's last reference before that
 * second draw is even submitted; the pixels of both draws are read back. Views (SRV of a
 * texture and of a typed buffer, RTV, DSV, UAV), vertex/index/constant buffers and shaders
 * are covered, and command lists of deferred contexts executed after the application
 * released everything they use. Without the unbind-time references the SRV, CB, VB/IB,
 * target, replace and ClearState cases crash (use after free in the worker's descriptor
 * writes) and the UAV case loses its second dispatch with a validation error; shaders are
 * also kept by the pipelines made of them, and command lists by their own references. */
#include "test.h"
#include "dxbc.h"

#ifdef _WIN32
static void test_sleep(unsigned int ms) { Sleep(ms); }
#else
#include <unistd.h>
static void test_sleep(unsigned int ms) { usleep(ms * 1000); }
#endif

#define RT_SIZE 16
#define EXPECTED 0xff4080ffu   /* R=255 G=128 B=64 A=255 as the RGBA8 bytes in memory order */

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input v0.xy\n"
    "dcl_output_siv o0.xyzw, position\n"
    "mov o0.xy, v0.xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

/* o0 = t0[0,0] (texture) * t1[0] (typed buffer) * cb0[0]. */
static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_resource_buffer (float,float,float,float) t1\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 2\n"
    "ld r0.xyzw, l(0, 0, 0, 0), t0.xyzw\n"
    "ld r1.xyzw, l(0, 0, 0, 0), t1.xyzw\n"
    "mul r0.xyzw, r0.xyzw, r1.xyzw\n"
    "mul o0.xyzw, r0.xyzw, cb0[0].xyzw\n"
    "ret\n";

/* u0[i] = i + 7 for the global thread index i. */
static const char cs_text[] =
    "cs_5_0\n"
    "dcl_uav_typed_buffer (uint,uint,uint,uint) u0\n"
    "dcl_input vThreadID.x\n"
    "dcl_temps 1\n"
    "dcl_thread_group 32, 1, 1\n"
    "iadd r0.x, vThreadID.x, l(7)\n"
    "store_uav_typed u0.xyzw, vThreadID.xxxx, r0.xxxx\n"
    "ret\n";

static bool assemble(const char *text, void **data, size_t *size)
{
    char error[256];
    bool ret = dxbc_assemble(text, data, size, error, sizeof(error));

    ok(ret, "assembling: %s", ret ? "" : error);
    return ret;
}

static ID3D11Buffer *make_buffer(UINT size, UINT bind, UINT misc, const void *data)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_DEFAULT, bind, 0, misc, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);
    ok(hr == S_OK, "CreateBuffer: %#lx", (unsigned long)hr);
    return buffer;
}

/* Everything one draw uses, each object held by the test alone once bound. */
struct scene
{
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11Buffer *vb, *ib, *cb, *tbuf;
    ID3D11Texture2D *tex, *depth;
    ID3D11ShaderResourceView *srv_tex, *srv_buf;
    ID3D11DepthStencilView *dsv;
    ID3D11RenderTargetView *rtv;
    ID3D11InputLayout *layout;
    ID3D11RasterizerState *rs;
    ID3D11Texture2D *target, *staging;   /* kept to the end: the pixels are read from them */
};

static bool scene_create(struct scene *s)
{
    static const float positions[] = { -1.0f, -1.0f, -1.0f, 3.0f, 3.0f, -1.0f };
    static const uint16_t indices[] = { 0, 1, 2, 0 };   /* a multiple of 4 bytes */
    static const float color[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
    static const float tcolor[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
    static const uint32_t texel = 0xff4080ffu;
    static const D3D11_INPUT_ELEMENT_DESC element = { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 };
    D3D11_TEXTURE2D_DESC tdesc = { 1, 1, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { &texel, 4, 4 };
    D3D11_SHADER_RESOURCE_VIEW_DESC sdesc;
    D3D11_RASTERIZER_DESC rdesc;
    void *vs_code = NULL, *ps_code = NULL;
    size_t vs_size, ps_size;
    HRESULT hr;

    memset(s, 0, sizeof(*s));
    if (!assemble(vs_text, &vs_code, &vs_size) || !assemble(ps_text, &ps_code, &ps_size))
    {
        free(vs_code);
        return false;
    }
    hr = ID3D11Device_CreateVertexShader(device, vs_code, vs_size, NULL, &s->vs);
    ok(hr == S_OK, "CreateVertexShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreatePixelShader(device, ps_code, ps_size, NULL, &s->ps);
    ok(hr == S_OK, "CreatePixelShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateInputLayout(device, &element, 1, vs_code, vs_size, &s->layout);
    ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
    free(vs_code);
    free(ps_code);

    s->vb = make_buffer(sizeof(positions), D3D11_BIND_VERTEX_BUFFER, 0, positions);
    s->ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, 0, indices);
    s->cb = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, 0, color);
    s->tbuf = make_buffer(16, D3D11_BIND_SHADER_RESOURCE, 0, tcolor);

    hr = ID3D11Device_CreateTexture2D(device, &tdesc, &init, &s->tex);
    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    if (s->tex)
    {
        hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)s->tex, NULL, &s->srv_tex);
        ok(hr == S_OK, "CreateShaderResourceView(texture): %#lx", (unsigned long)hr);
    }
    memset(&sdesc, 0, sizeof(sdesc));
    sdesc.Format = DXGI_FORMAT_R32G32B32A32_FLOAT;
    sdesc.ViewDimension = D3D11_SRV_DIMENSION_BUFFER;
    sdesc.Buffer.FirstElement = 0;
    sdesc.Buffer.NumElements = 1;
    if (s->tbuf)
    {
        hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)s->tbuf, &sdesc, &s->srv_buf);
        ok(hr == S_OK, "CreateShaderResourceView(buffer): %#lx", (unsigned long)hr);
    }

    tdesc.Width = tdesc.Height = RT_SIZE;
    tdesc.BindFlags = D3D11_BIND_RENDER_TARGET;
    hr = ID3D11Device_CreateTexture2D(device, &tdesc, NULL, &s->target);
    ok(hr == S_OK, "CreateTexture2D(target): %#lx", (unsigned long)hr);
    if (s->target)
    {
        hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)s->target, NULL, &s->rtv);
        ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    }
    tdesc.BindFlags = 0;
    tdesc.Usage = D3D11_USAGE_STAGING;
    tdesc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    hr = ID3D11Device_CreateTexture2D(device, &tdesc, NULL, &s->staging);
    ok(hr == S_OK, "CreateTexture2D(staging): %#lx", (unsigned long)hr);
    tdesc.Format = DXGI_FORMAT_D32_FLOAT;
    tdesc.BindFlags = D3D11_BIND_DEPTH_STENCIL;
    tdesc.Usage = D3D11_USAGE_DEFAULT;
    tdesc.CPUAccessFlags = 0;
    hr = ID3D11Device_CreateTexture2D(device, &tdesc, NULL, &s->depth);
    ok(hr == S_OK, "CreateTexture2D(depth): %#lx", (unsigned long)hr);
    if (s->depth)
    {
        hr = ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)s->depth, NULL, &s->dsv);
        ok(hr == S_OK, "CreateDepthStencilView: %#lx", (unsigned long)hr);
    }
    memset(&rdesc, 0, sizeof(rdesc));
    rdesc.FillMode = D3D11_FILL_SOLID;
    rdesc.CullMode = D3D11_CULL_NONE;
    rdesc.DepthClipEnable = TRUE;
    hr = ID3D11Device_CreateRasterizerState(device, &rdesc, &s->rs);
    ok(hr == S_OK, "CreateRasterizerState: %#lx", (unsigned long)hr);
    return s->vs && s->ps && s->layout && s->vb && s->ib && s->cb && s->srv_tex && s->srv_buf && s->rtv
            && s->staging && s->dsv && s->rs;
}

/* Releases what the test still holds; each object whose last reference goes must be gone. */
#define DROP(p) do { if (p) { ok(!IUnknown_Release((IUnknown *)(p)), "%s still referenced", #p); (p) = NULL; } } while (0)

static void scene_release(struct scene *s)
{
    DROP(s->vs);
    DROP(s->ps);
    DROP(s->layout);
    DROP(s->srv_tex);
    DROP(s->srv_buf);
    DROP(s->tex);
    DROP(s->tbuf);
    DROP(s->vb);
    DROP(s->ib);
    DROP(s->cb);
    DROP(s->rtv);
    DROP(s->dsv);
    DROP(s->depth);
    if (s->rs)   /* equal descriptions share one state object: another scene may hold it */
        ID3D11RasterizerState_Release(s->rs);
    s->rs = NULL;
    DROP(s->target);
    DROP(s->staging);
}

static void scene_bind(ID3D11DeviceContext *ctx, struct scene *s)
{
    ID3D11ShaderResourceView *srvs[2] = { s->srv_tex, s->srv_buf };
    UINT stride = 8, offset = 0;

    ID3D11DeviceContext_IASetInputLayout(ctx, s->layout);
    ID3D11DeviceContext_IASetVertexBuffers(ctx, 0, 1, &s->vb, &stride, &offset);
    ID3D11DeviceContext_IASetIndexBuffer(ctx, s->ib, DXGI_FORMAT_R16_UINT, 0);
    ID3D11DeviceContext_IASetPrimitiveTopology(ctx, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(ctx, s->vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(ctx, s->ps, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(ctx, 0, 1, &s->cb);
    ID3D11DeviceContext_PSSetShaderResources(ctx, 0, 2, srvs);
    ID3D11DeviceContext_RSSetState(ctx, s->rs);
    ID3D11DeviceContext_OMSetRenderTargets(ctx, 1, &s->rtv, s->dsv);
}

/* Draws into the left (half 0) or right (half 1) half of the target. */
static void scene_draw(ID3D11DeviceContext *ctx, unsigned int half)
{
    D3D11_VIEWPORT vp = { half * RT_SIZE / 2.0f, 0.0f, RT_SIZE / 2.0f, RT_SIZE, 0.0f, 1.0f };

    ID3D11DeviceContext_RSSetViewports(ctx, 1, &vp);
    ID3D11DeviceContext_DrawIndexed(ctx, 3, 0, 0);
}

static void scene_clear(struct scene *s)
{
    static const float black[4] = { 0.0f, 0.0f, 0.0f, 0.0f };

    ID3D11DeviceContext_ClearRenderTargetView(context, s->rtv, black);
    ID3D11DeviceContext_ClearDepthStencilView(context, s->dsv, D3D11_CLEAR_DEPTH, 1.0f, 0);
}

/* Submits what is recorded and waits until the GPU has done it (an event query polled
 * without flushing), so that the submission holding the binding records retires. */
static void flush_and_wait(void)
{
    D3D11_QUERY_DESC desc = { D3D11_QUERY_EVENT, 0 };
    ID3D11Query *query;
    unsigned int i;
    BOOL done = FALSE;
    HRESULT hr;

    hr = ID3D11Device_CreateQuery(device, &desc, &query);
    ok(hr == S_OK, "CreateQuery: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)query);
    ID3D11DeviceContext_Flush(context);
    for (i = 0; i < 20000; ++i)
    {
        hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)query, &done, sizeof(done),
                D3D11_ASYNC_GETDATA_DONOTFLUSH);
        if (hr != S_FALSE)
            break;
        test_sleep(1);
    }
    ok(hr == S_OK && done, "event query: %#lx", (unsigned long)hr);
    ID3D11Query_Release(query);
}

/* Both halves (or only those in `halves`, a bit per half) hold the expected colour. */
static void check_target(struct scene *s, unsigned int halves, const char *what)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int x, y, bad = 0;
    HRESULT hr;

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)s->staging, (ID3D11Resource *)s->target);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)s->staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    for (y = 0; y < RT_SIZE; ++y)
        for (x = 0; x < RT_SIZE; ++x)
        {
            uint32_t v = ((const uint32_t *)((const uint8_t *)map.pData + y * map.RowPitch))[x];
            uint32_t expect = (halves & (1u << (x / (RT_SIZE / 2)))) ? EXPECTED : 0;

            if (v != expect && !bad++)
                ok(0, "%s: pixel (%u,%u) %#x, expected %#x", what, x, y, v, expect);
        }
    ok(!bad, "%s: %u wrong pixels", what, bad);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)s->staging, 0);
}

enum release_what
{
    REL_SRVS,        /* texture SRV, typed buffer SRV and their resources */
    REL_CB,
    REL_VB_IB,
    REL_SHADERS,
    REL_TARGETS,     /* RTV, DSV and the depth texture (the target texture stays for reading) */
    REL_REPLACE,     /* every slot bound to other objects, then the first ones released */
    REL_CLEAR_STATE, /* ClearState, then everything but the target released */
};

/* Draw, flush and wait, draw again without rebinding, drop the objects, flush, draw more with
 * a fresh scene bound where the objects were, and read both halves back. */
static void run_bound_across_submissions(enum release_what what, const char *name)
{
    struct scene s, other;
    bool have_other = false;

    if (!scene_create(&s))
    {
        scene_release(&s);
        return;
    }
    scene_clear(&s);
    scene_bind(context, &s);
    scene_draw(context, 0);
    flush_and_wait();
    scene_draw(context, 1);   /* recorded without any binding record: the worker's state */

    switch (what)
    {
        case REL_SRVS:
        {
            ID3D11ShaderResourceView *null_srvs[2] = { NULL, NULL };

            ID3D11DeviceContext_PSSetShaderResources(context, 0, 2, null_srvs);
            DROP(s.srv_tex);
            DROP(s.srv_buf);
            DROP(s.tex);
            DROP(s.tbuf);
            break;
        }
        case REL_CB:
        {
            ID3D11Buffer *null_cb = NULL;

            ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &null_cb);
            DROP(s.cb);
            break;
        }
        case REL_VB_IB:
        {
            ID3D11Buffer *null_vb = NULL;
            UINT zero = 0;

            ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &null_vb, &zero, &zero);
            ID3D11DeviceContext_IASetIndexBuffer(context, NULL, DXGI_FORMAT_UNKNOWN, 0);
            DROP(s.vb);
            DROP(s.ib);
            break;
        }
        case REL_SHADERS:
            ID3D11DeviceContext_VSSetShader(context, NULL, NULL, 0);
            ID3D11DeviceContext_PSSetShader(context, NULL, NULL, 0);
            ID3D11DeviceContext_IASetInputLayout(context, NULL);
            DROP(s.vs);
            DROP(s.ps);
            DROP(s.layout);
            break;
        case REL_TARGETS:
            ID3D11DeviceContext_OMSetRenderTargets(context, 0, NULL, NULL);
            DROP(s.rtv);
            DROP(s.dsv);
            DROP(s.depth);
            break;
        case REL_REPLACE:
            /* Every slot but the target's gets another scene's object. */
            if ((have_other = scene_create(&other)))
            {
                scene_bind(context, &other);
                ID3D11DeviceContext_OMSetRenderTargets(context, 1, &s.rtv, s.dsv);
                DROP(s.vs);
                DROP(s.ps);
                DROP(s.layout);
                DROP(s.srv_tex);
                DROP(s.srv_buf);
                DROP(s.tex);
                DROP(s.tbuf);
                DROP(s.vb);
                DROP(s.ib);
                DROP(s.cb);
            }
            break;
        case REL_CLEAR_STATE:
            ID3D11DeviceContext_ClearState(context);
            DROP(s.vs);
            DROP(s.ps);
            DROP(s.layout);
            DROP(s.srv_tex);
            DROP(s.srv_buf);
            DROP(s.tex);
            DROP(s.tbuf);
            DROP(s.vb);
            DROP(s.ib);
            DROP(s.cb);
            DROP(s.rtv);
            DROP(s.dsv);
            DROP(s.depth);
            DROP(s.rs);
            break;
    }
    ID3D11DeviceContext_Flush(context);

    /* Both draws landed, though their objects went before the second was submitted. */
    check_target(&s, 3, name);
    ID3D11DeviceContext_ClearState(context);
    scene_release(&s);
    if (have_other)
        scene_release(&other);
}

static void test_release_srvs(void) { run_bound_across_submissions(REL_SRVS, "SRVs released"); }
static void test_release_cb(void) { run_bound_across_submissions(REL_CB, "constant buffer released"); }
static void test_release_vb_ib(void) { run_bound_across_submissions(REL_VB_IB, "vertex and index buffers released"); }
static void test_release_shaders(void) { run_bound_across_submissions(REL_SHADERS, "shaders released"); }
static void test_release_targets(void) { run_bound_across_submissions(REL_TARGETS, "RTV and DSV released"); }
static void test_release_replaced(void) { run_bound_across_submissions(REL_REPLACE, "replaced objects released"); }
static void test_release_clear_state(void) { run_bound_across_submissions(REL_CLEAR_STATE, "released after ClearState"); }

/* A typed buffer UAV and the compute shader, dropped while a dispatch that uses them without
 * recording them again waits for its submission. */
static void test_release_uav(void)
{
    D3D11_UNORDERED_ACCESS_VIEW_DESC udesc;
    ID3D11UnorderedAccessView *uav = NULL, *null_uav = NULL;
    ID3D11Buffer *buffer, *staging;
    D3D11_BUFFER_DESC desc = { 64 * 4, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11ComputeShader *cs = NULL;
    uint32_t zeros[64] = { 0 };
    unsigned int i, bad = 0;
    void *code;
    size_t size;
    HRESULT hr;

    if (!assemble(cs_text, &code, &size))
        return;
    hr = ID3D11Device_CreateComputeShader(device, code, size, NULL, &cs);
    ok(hr == S_OK, "CreateComputeShader: %#lx", (unsigned long)hr);
    free(code);
    buffer = make_buffer(sizeof(zeros), D3D11_BIND_UNORDERED_ACCESS, 0, zeros);
    hr = ID3D11Device_CreateBuffer(device, &desc, NULL, &staging);
    ok(hr == S_OK, "CreateBuffer(staging): %#lx", (unsigned long)hr);
    memset(&udesc, 0, sizeof(udesc));
    udesc.Format = DXGI_FORMAT_R32_UINT;
    udesc.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    udesc.Buffer.NumElements = 64;
    if (buffer)
    {
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &udesc, &uav);
        ok(hr == S_OK, "CreateUnorderedAccessView: %#lx", (unsigned long)hr);
    }
    if (!cs || !buffer || !staging || !uav)
        goto done;

    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);   /* elements 0..31 */
    flush_and_wait();
    ID3D11DeviceContext_Dispatch(context, 2, 1, 1);   /* 0..63, bindings not recorded again */
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &null_uav, NULL);
    ID3D11DeviceContext_CSSetShader(context, NULL, NULL, 0);
    DROP(uav);
    DROP(cs);
    ID3D11DeviceContext_Flush(context);

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)buffer);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        for (i = 0; i < 64; ++i)
            if (((const uint32_t *)map.pData)[i] != i + 7 && !bad++)
                ok(0, "u0[%u] = %u, expected %u", i, ((const uint32_t *)map.pData)[i], i + 7);
        ok(!bad, "%u wrong elements", bad);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
done:
    DROP(uav);
    DROP(cs);
    DROP(buffer);
    DROP(staging);
}

/* Command lists of a deferred context run after the application released every object they
 * use: list 1 binds and draws the left half; list 2 (the deferred state kept) draws the right
 * half, then the deferred context is cleared and everything released before either runs. The
 * lists run twice, the target made black in between. */
static void test_deferred_released(void)
{
    D3D11_TEXTURE2D_DESC tdesc = { RT_SIZE, RT_SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            0, 0, 0 };
    static uint32_t zeros[RT_SIZE * RT_SIZE];
    D3D11_SUBRESOURCE_DATA init = { zeros, RT_SIZE * 4, 0 };
    ID3D11CommandList *list1 = NULL, *list2 = NULL;
    ID3D11DeviceContext *deferred = NULL;
    ID3D11Texture2D *black = NULL;
    struct scene s;
    unsigned int round;
    HRESULT hr;

    hr = ID3D11Device_CreateDeferredContext(device, 0, &deferred);
    ok(hr == S_OK, "CreateDeferredContext: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    hr = ID3D11Device_CreateTexture2D(device, &tdesc, &init, &black);
    ok(hr == S_OK, "CreateTexture2D(black): %#lx", (unsigned long)hr);
    if (!scene_create(&s) || !black)
    {
        scene_release(&s);
        DROP(black);
        ID3D11DeviceContext_Release(deferred);
        return;
    }
    scene_bind(deferred, &s);
    ID3D11DeviceContext_OMSetRenderTargets(deferred, 1, &s.rtv, NULL);
    scene_draw(deferred, 0);
    hr = ID3D11DeviceContext_FinishCommandList(deferred, TRUE, &list1);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    scene_draw(deferred, 1);
    ID3D11DeviceContext_ClearState(deferred);
    hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list2);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    /* Everything but the target and its staging copy goes. */
    DROP(s.vs);
    DROP(s.ps);
    DROP(s.layout);
    DROP(s.srv_tex);
    DROP(s.srv_buf);
    DROP(s.tex);
    DROP(s.tbuf);
    DROP(s.vb);
    DROP(s.ib);
    DROP(s.cb);
    DROP(s.rtv);
    DROP(s.dsv);
    DROP(s.depth);
    DROP(s.rs);
    if (list1 && list2)
    {
        for (round = 0; round < 2; ++round)
        {
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)s.target, (ID3D11Resource *)black);
            ID3D11DeviceContext_ExecuteCommandList(context, list1, FALSE);
            flush_and_wait();
            ID3D11DeviceContext_ExecuteCommandList(context, list2, FALSE);
            ID3D11DeviceContext_Flush(context);
            check_target(&s, 3, round ? "command lists, second run" : "command lists");
        }
        /* Released right after being executed: the submission keeps what they hold. */
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)s.target, (ID3D11Resource *)black);
        ID3D11DeviceContext_ExecuteCommandList(context, list1, FALSE);
        ID3D11DeviceContext_ExecuteCommandList(context, list2, FALSE);
    }
    DROP(list1);
    DROP(list2);
    ID3D11DeviceContext_Flush(context);
    if (s.staging)
        check_target(&s, 3, "command lists released after execution");
    DROP(black);
    scene_release(&s);
    ok(!ID3D11DeviceContext_Release(deferred), "deferred context leaked");
}

/* With an argument, only the tests whose names contain it run. */
static const char *only;
#define run_selected(fn) do { if (!only || strstr(#fn, only)) run_test(fn); } while (0)

int main(int argc, char **argv)
{
    HRESULT hr;

    only = argc > 1 ? argv[1] : NULL;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    run_selected(test_release_srvs);
    run_selected(test_release_cb);
    run_selected(test_release_vb_ib);
    run_selected(test_release_shaders);
    run_selected(test_release_targets);
    run_selected(test_release_replaced);
    run_selected(test_release_clear_state);
    run_selected(test_release_uav);
    run_selected(test_deferred_released);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
