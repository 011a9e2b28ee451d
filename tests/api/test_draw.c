/* test_draw.c — draws and dispatches produce pixels and buffer contents: a clear then
 * triangles coloured by a constant buffer renamed with Map(WRITE_DISCARD) between draws,
 * indexed + instanced draws with base vertex and start instance, strips with primitive
 * restart, indirect draws, a compute shader writing a raw UAV, dispatch indirect. Pixels are
 * read back through staging resources and compared exactly. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define RT_SIZE 64

static ID3D11Device *device;
static ID3D11DeviceContext *context;

struct blob
{
    void *data;
    size_t size;
};

/* Position from slot 0 (float2) plus a per-instance x offset from slot 1 (float). */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig input 1 x OFFSET 0 NONE float x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input v0.xy\n"
    "dcl_input v1.x\n"
    "dcl_output_siv o0.xyzw, position\n"
    "add o0.x, v0.x, v1.x\n"
    "mov o0.y, v0.y\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

/* The colour comes from cb0[0]. */
static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, cb0[0].xyzw\n"
    "ret\n";

/* u0[i] = i * 2 + 1 + cb0[0].x for the global thread index i. */
static const char cs_text[] =
    "cs_5_0\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_uav_raw u0\n"
    "dcl_input vThreadID.x\n"
    "dcl_temps 2\n"
    "dcl_thread_group 32, 1, 1\n"
    "imad r0.x, vThreadID.x, l(2), l(1)\n"
    "iadd r0.x, r0.x, cb0[0].x\n"
    "ishl r1.x, vThreadID.x, l(2)\n"
    "store_raw u0.x, r1.x, r0.x\n"
    "ret\n";

static bool assemble(const char *text, struct blob *blob)
{
    char error[256];
    bool ret = dxbc_assemble(text, &blob->data, &blob->size, error, sizeof(error));
    ok(ret, "assembling: %s", ret ? "" : error);
    return ret;
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

static void set_cb_color(ID3D11Buffer *cb, float r, float g, float b, float a)
{
    D3D11_MAPPED_SUBRESOURCE map;
    HRESULT hr;
    float *f;

    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)cb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
    ok(hr == S_OK, "Map(WRITE_DISCARD): %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    f = map.pData;
    f[0] = r;
    f[1] = g;
    f[2] = b;
    f[3] = a;
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)cb, 0);
}

struct target
{
    ID3D11Texture2D *texture, *staging;
    ID3D11RenderTargetView *rtv;
    uint32_t pixels[RT_SIZE * RT_SIZE];
};

static bool target_create(struct target *t)
{
    D3D11_TEXTURE2D_DESC desc = { RT_SIZE, RT_SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    HRESULT hr;

    memset(t, 0, sizeof(*t));
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->texture);
    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    desc.Usage = D3D11_USAGE_STAGING;
    desc.BindFlags = 0;
    desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->staging);
    ok(hr == S_OK, "CreateTexture2D(staging): %#lx", (unsigned long)hr);
    if (!t->texture || !t->staging)
        return false;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t->texture, NULL, &t->rtv);
    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    return !!t->rtv;
}

static void target_read(struct target *t)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int y;
    HRESULT hr;

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)t->staging, (ID3D11Resource *)t->texture);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)t->staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    if (FAILED(hr))
    {
        memset(t->pixels, 0, sizeof(t->pixels));
        return;
    }
    for (y = 0; y < RT_SIZE; ++y)
        memcpy(&t->pixels[y * RT_SIZE], (const uint8_t *)map.pData + y * map.RowPitch, RT_SIZE * 4);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)t->staging, 0);
}

static void target_destroy(struct target *t)
{
    if (t->rtv)
        ID3D11RenderTargetView_Release(t->rtv);
    if (t->staging)
        ID3D11Texture2D_Release(t->staging);
    if (t->texture)
        ID3D11Texture2D_Release(t->texture);
}

#define PIXEL(t, x, y) ((t)->pixels[(y) * RT_SIZE + (x)])
#define RED    0xff0000ffu
#define GREEN  0xff00ff00u
#define BLUE   0xffff0000u
#define WHITE  0xffffffffu

struct pipeline
{
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11InputLayout *layout;
    ID3D11Buffer *cb, *zero_offsets;
};

static bool pipeline_create(struct pipeline *p)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "OFFSET", 0, DXGI_FORMAT_R32_FLOAT, 1, 0, D3D11_INPUT_PER_INSTANCE_DATA, 1 },
    };
    static const float zeros[8];
    struct blob vs, ps;
    HRESULT hr;

    memset(p, 0, sizeof(*p));
    if (!assemble(vs_text, &vs) || !assemble(ps_text, &ps))
        return false;
    hr = ID3D11Device_CreateVertexShader(device, vs.data, vs.size, NULL, &p->vs);
    ok(hr == S_OK, "CreateVertexShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreatePixelShader(device, ps.data, ps.size, NULL, &p->ps);
    ok(hr == S_OK, "CreatePixelShader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateInputLayout(device, elements, ARRAY_SIZE(elements), vs.data, vs.size, &p->layout);
    ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
    free(vs.data);
    free(ps.data);
    p->cb = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, 0, NULL);
    p->zero_offsets = make_buffer(sizeof(zeros), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_IMMUTABLE, 0, 0, zeros);
    return p->vs && p->ps && p->layout && p->cb && p->zero_offsets;
}

static void pipeline_bind(struct pipeline *p, struct target *t, ID3D11Buffer *vb, D3D11_PRIMITIVE_TOPOLOGY topology)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT_SIZE, RT_SIZE, 0.0f, 1.0f };
    ID3D11Buffer *vbs[2] = { vb, p->zero_offsets };
    UINT strides[2] = { 8, 4 }, offsets[2] = { 0, 0 };

    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &t->rtv, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, p->layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 2, vbs, strides, offsets);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, topology);
    ID3D11DeviceContext_VSSetShader(context, p->vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, p->ps, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &p->cb);
}

static void pipeline_destroy(struct pipeline *p)
{
    if (p->vs) ID3D11VertexShader_Release(p->vs);
    if (p->ps) ID3D11PixelShader_Release(p->ps);
    if (p->layout) ID3D11InputLayout_Release(p->layout);
    if (p->cb) ID3D11Buffer_Release(p->cb);
    if (p->zero_offsets) ID3D11Buffer_Release(p->zero_offsets);
}

static void clear(struct target *t, float r, float g, float b, float a)
{
    const float color[4] = { r, g, b, a };
    ID3D11DeviceContext_ClearRenderTargetView(context, t->rtv, color);
}

/* Two triangles, each coloured by the constant buffer renamed between the draws. The first
 * covers the upper-left half (clockwise on screen: D3D11's default front face, so it is not
 * culled; upside down it would land in the lower-left half). */
static void test_draw_triangles_cb_discard(void)
{
    static const float verts[] =
    {
        -1.0f, 1.0f,  1.0f, 1.0f,  -1.0f, -1.0f,     /* upper-left half */
        1.0f, 1.0f,   1.0f, -1.0f,  -1.0f, -1.0f,    /* lower-right half */
    };
    struct pipeline p;
    struct target t;
    ID3D11Buffer *vb;

    if (!target_create(&t) || !pipeline_create(&p))
        goto done;
    vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, verts);
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    set_cb_color(p.cb, 1.0f, 0.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_Draw(context, 3, 0);
    set_cb_color(p.cb, 0.0f, 1.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_Draw(context, 3, 3);
    target_read(&t);
    ok(PIXEL(&t, 2, 2) == RED, "upper-left pixel %#x", PIXEL(&t, 2, 2));
    ok(PIXEL(&t, 20, 10) == RED, "pixel (20,10) %#x", PIXEL(&t, 20, 10));
    ok(PIXEL(&t, 61, 61) == GREEN, "lower-right pixel %#x", PIXEL(&t, 61, 61));
    ok(PIXEL(&t, 10, 60) == GREEN, "pixel (10,60) %#x", PIXEL(&t, 10, 60));

    /* Only the first half drawn: the rest keeps the clear colour. */
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    set_cb_color(p.cb, 1.0f, 1.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_Draw(context, 3, 0);
    target_read(&t);
    ok(PIXEL(&t, 2, 2) == WHITE, "upper-left pixel %#x", PIXEL(&t, 2, 2));
    ok(PIXEL(&t, 61, 61) == BLUE, "lower-right pixel %#x (clear colour expected)", PIXEL(&t, 61, 61));

    /* Many renames in one frame: each draw sees its own contents. */
    {
        unsigned int i;

        for (i = 0; i < 200; ++i)
        {
            set_cb_color(p.cb, (i & 1) ? 1.0f : 0.0f, (i & 1) ? 0.0f : 1.0f, 0.0f, 1.0f);
            ID3D11DeviceContext_Draw(context, 3, (i & 1) * 3);
        }
        target_read(&t);
        ok(PIXEL(&t, 2, 2) == GREEN, "upper-left pixel after 200 draws %#x", PIXEL(&t, 2, 2));
        ok(PIXEL(&t, 61, 61) == RED, "lower-right pixel after 200 draws %#x", PIXEL(&t, 61, 61));
    }
    ID3D11Buffer_Release(vb);
done:
    pipeline_destroy(&p);
    target_destroy(&t);
    ID3D11DeviceContext_ClearState(context);
}

/* DrawIndexedInstanced with a base vertex and a start instance: vertices 0..2 lie off screen,
 * 3..5 form a triangle in the left quarter; instances 1..3 shift it right by their offsets. */
static void test_draw_indexed_instanced(void)
{
    static const float verts[] =
    {
        5.0f, 5.0f,  6.0f, 5.0f,  5.0f, 6.0f,
        -1.0f, 1.0f,  -0.5f, 1.0f,  -1.0f, -1.0f,
    };
    static const float offsets[] = { 0.0f, 0.5f, 1.0f, 1.5f };
    static const uint16_t indices[] = { 0, 1, 2 };
    ID3D11Buffer *vb, *ib, *inst, *vbs[2];
    UINT strides[2] = { 8, 4 }, zero[2] = { 0, 0 };
    struct pipeline p;
    struct target t;
    unsigned int k;

    if (!target_create(&t) || !pipeline_create(&p))
        goto done;
    vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, verts);
    ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, indices);
    inst = make_buffer(sizeof(offsets), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, offsets);
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    vbs[0] = vb;
    vbs[1] = inst;
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 2, vbs, strides, zero);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib, DXGI_FORMAT_R16_UINT, 0);
    set_cb_color(p.cb, 1.0f, 0.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_DrawIndexedInstanced(context, 3, 3, 0, 3, 1);
    target_read(&t);
    ok(PIXEL(&t, 2, 8) == BLUE, "cell 0 %#x (instance 0 is before the start instance)", PIXEL(&t, 2, 8));
    for (k = 1; k < 4; ++k)
        ok(PIXEL(&t, 2 + 16 * k, 8) == RED, "cell %u: %#x", k, PIXEL(&t, 2 + 16 * k, 8));
    ok(PIXEL(&t, 14, 60) == BLUE, "below the triangles %#x", PIXEL(&t, 14, 60));

    /* DrawIndexed with a 32-bit index buffer at an offset, base vertex 3: one triangle in cell 0. */
    {
        static const uint32_t indices32[] = { 7, 7, 0, 1, 2 };
        ID3D11Buffer *ib32 = make_buffer(sizeof(indices32), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, indices32);

        vbs[1] = p.zero_offsets;
        ID3D11DeviceContext_IASetVertexBuffers(context, 0, 2, vbs, strides, zero);
        ID3D11DeviceContext_IASetIndexBuffer(context, ib32, DXGI_FORMAT_R32_UINT, 4);
        set_cb_color(p.cb, 0.0f, 1.0f, 0.0f, 1.0f);
        ID3D11DeviceContext_DrawIndexed(context, 3, 1, 3);
        target_read(&t);
        ok(PIXEL(&t, 2, 8) == GREEN, "cell 0 after DrawIndexed %#x", PIXEL(&t, 2, 8));
        ok(PIXEL(&t, 18, 8) == RED, "cell 1 unchanged %#x", PIXEL(&t, 18, 8));
        ID3D11Buffer_Release(ib32);
    }
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(ib);
    ID3D11Buffer_Release(inst);
done:
    pipeline_destroy(&p);
    target_destroy(&t);
    ID3D11DeviceContext_ClearState(context);
}

/* A triangle strip with a restart index (0xffff): two separate triangles, the gap between them
 * untouched. Without restart the strip would join them and cover the gap. */
static void test_draw_strip_restart(void)
{
    static const float verts[] =
    {
        -1.0f, 1.0f,  -0.5f, 1.0f,  -1.0f, -1.0f,  -0.5f, -1.0f,    /* left quad */
        0.5f, 1.0f,  1.0f, 1.0f,  0.5f, -1.0f,  1.0f, -1.0f,        /* right quad */
    };
    static const uint16_t indices[] = { 0, 1, 2, 3, 0xffff, 4, 5, 6, 7 };
    struct pipeline p;
    struct target t;
    ID3D11Buffer *vb, *ib;

    if (!target_create(&t) || !pipeline_create(&p))
        goto done;
    vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, verts);
    ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, indices);
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib, DXGI_FORMAT_R16_UINT, 0);
    /* Strips alternate winding: turn culling off. */
    {
        D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE };
        ID3D11RasterizerState *rs;

        if (SUCCEEDED(ID3D11Device_CreateRasterizerState(device, &rd, &rs)))
        {
            ID3D11DeviceContext_RSSetState(context, rs);
            ID3D11RasterizerState_Release(rs);
        }
    }
    set_cb_color(p.cb, 1.0f, 0.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_DrawIndexed(context, ARRAY_SIZE(indices), 0, 0);
    target_read(&t);
    ok(PIXEL(&t, 4, 32) == RED, "left quad %#x", PIXEL(&t, 4, 32));
    ok(PIXEL(&t, 60, 32) == RED, "right quad %#x", PIXEL(&t, 60, 32));
    ok(PIXEL(&t, 32, 32) == BLUE, "gap %#x (restart expected)", PIXEL(&t, 32, 32));
    ok(PIXEL(&t, 32, 5) == BLUE, "gap top %#x", PIXEL(&t, 32, 5));
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(ib);
done:
    pipeline_destroy(&p);
    target_destroy(&t);
    ID3D11DeviceContext_ClearState(context);
}

/* DrawInstancedIndirect and DrawIndexedInstancedIndirect with arguments from a buffer. */
static void test_draw_indirect(void)
{
    static const float verts[] =
    {
        -1.0f, 1.0f,  1.0f, 1.0f,  -1.0f, -1.0f,
        1.0f, 1.0f,   1.0f, -1.0f,  -1.0f, -1.0f,
    };
    static const uint16_t indices[] = { 3, 4, 5 };
    /* Draw args (vertices, instances, first vertex, first instance), then indexed args
     * (indices, instances, first index, base vertex, first instance) at byte 16. */
    static const uint32_t args[] = { 3, 1, 0, 0,  3, 1, 0, 0, 0 };
    struct pipeline p;
    struct target t;
    ID3D11Buffer *vb, *ib, *argbuf;

    if (!target_create(&t) || !pipeline_create(&p))
        goto done;
    vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, verts);
    ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, indices);
    argbuf = make_buffer(sizeof(args), 0, D3D11_USAGE_DEFAULT, 0, D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS, args);
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib, DXGI_FORMAT_R16_UINT, 0);
    set_cb_color(p.cb, 1.0f, 0.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_DrawInstancedIndirect(context, argbuf, 0);
    set_cb_color(p.cb, 0.0f, 1.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_DrawIndexedInstancedIndirect(context, argbuf, 16);
    target_read(&t);
    ok(PIXEL(&t, 2, 2) == RED, "indirect draw %#x", PIXEL(&t, 2, 2));
    ok(PIXEL(&t, 61, 61) == GREEN, "indexed indirect draw %#x", PIXEL(&t, 61, 61));
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(ib);
    ID3D11Buffer_Release(argbuf);
done:
    pipeline_destroy(&p);
    target_destroy(&t);
    ID3D11DeviceContext_ClearState(context);
}

/* A deferred context records state and a draw into a command list; the immediate context
 * executes it (the list carries every binding it needs), then draws again with its own state. */
static void test_draw_deferred(void)
{
    static const float verts[] =
    {
        -1.0f, 1.0f,  1.0f, 1.0f,  -1.0f, -1.0f,
        1.0f, 1.0f,   1.0f, -1.0f,  -1.0f, -1.0f,
    };
    ID3D11DeviceContext *immediate = context, *deferred = NULL;
    ID3D11CommandList *list = NULL;
    ID3D11Buffer *vb, *cb2;
    struct pipeline p;
    struct target t;
    HRESULT hr;

    if (!target_create(&t) || !pipeline_create(&p))
        goto done;
    hr = ID3D11Device_CreateDeferredContext(device, 0, &deferred);
    ok(hr == S_OK, "CreateDeferredContext: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        goto done;
    vb = make_buffer(sizeof(verts), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, verts);
    {
        static const float red[4] = { 1.0f, 0.0f, 0.0f, 1.0f };
        cb2 = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, D3D11_USAGE_DEFAULT, 0, 0, red);
    }
    clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
    /* The immediate context has a green draw's state bound when the list runs. */
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    set_cb_color(p.cb, 0.0f, 1.0f, 0.0f, 1.0f);
    ID3D11DeviceContext_Draw(context, 3, 3);

    context = deferred;
    pipeline_bind(&p, &t, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &cb2);
    ID3D11DeviceContext_Draw(context, 3, 0);
    hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list);
    context = immediate;
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    if (list)
    {
        ID3D11DeviceContext_ExecuteCommandList(context, list, TRUE);
        target_read(&t);
        ok(PIXEL(&t, 2, 2) == RED, "the list's draw: %#x", PIXEL(&t, 2, 2));
        ok(PIXEL(&t, 61, 61) == GREEN, "the immediate draw before it: %#x", PIXEL(&t, 61, 61));
        /* RestoreContextState: the immediate state (green constant buffer) draws again. */
        clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_Draw(context, 3, 0);
        target_read(&t);
        ok(PIXEL(&t, 2, 2) == GREEN, "the immediate state after the list: %#x", PIXEL(&t, 2, 2));
        ok(PIXEL(&t, 61, 61) == BLUE, "untouched: %#x", PIXEL(&t, 61, 61));
        /* The list again, twice: a list replays any number of times. */
        clear(&t, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
        ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
        target_read(&t);
        ok(PIXEL(&t, 2, 2) == RED, "the list replayed: %#x", PIXEL(&t, 2, 2));
        ID3D11CommandList_Release(list);
    }
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(cb2);
done:
    if (deferred)
        ID3D11DeviceContext_Release(deferred);
    pipeline_destroy(&p);
    target_destroy(&t);
    ID3D11DeviceContext_ClearState(context);
}

/* A compute shader writes a raw UAV; the buffer is read back through a staging copy. Then a
 * second dispatch with another constant, and DispatchIndirect. */
static void test_compute_raw_uav(void)
{
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11UnorderedAccessView *uav = NULL;
    ID3D11Buffer *buffer, *staging, *cb, *argbuf;
    static const uint32_t dispatch_args[] = { 1, 1, 1 };
    ID3D11ComputeShader *cs = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int i, bad;
    struct blob blob;
    const uint32_t *data;
    HRESULT hr;

    if (!assemble(cs_text, &blob))
        return;
    hr = ID3D11Device_CreateComputeShader(device, blob.data, blob.size, NULL, &cs);
    ok(hr == S_OK, "CreateComputeShader: %#lx", (unsigned long)hr);
    free(blob.data);
    buffer = make_buffer(256, D3D11_BIND_UNORDERED_ACCESS, D3D11_USAGE_DEFAULT, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, NULL);
    staging = make_buffer(256, 0, D3D11_USAGE_STAGING, D3D11_CPU_ACCESS_READ, 0, NULL);
    cb = make_buffer(16, D3D11_BIND_CONSTANT_BUFFER, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, 0, NULL);
    argbuf = make_buffer(sizeof(dispatch_args), 0, D3D11_USAGE_DEFAULT, 0, D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS, dispatch_args);
    if (!cs || !buffer || !staging || !cb || !argbuf)
        return;
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_TYPELESS;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.NumElements = 64;
    ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &ud, &uav);
    ok(hr == S_OK, "CreateUnorderedAccessView: %#lx", (unsigned long)hr);
    if (!uav)
        return;

    set_cb_color(cb, 0.0f, 0.0f, 0.0f, 0.0f);   /* cb0[0].x = 0 */
    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    ID3D11DeviceContext_CSSetConstantBuffers(context, 0, 1, &cb);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    ID3D11DeviceContext_Dispatch(context, 2, 1, 1);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)buffer);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        data = map.pData;
        for (i = bad = 0; i < 64; ++i)
            if (data[i] != i * 2 + 1 && !bad++)
                ok(0, "u0[%u] = %u, expected %u", i, data[i], i * 2 + 1);
        ok(!bad, "%u wrong words", bad);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }

    /* cb0[0].x = 1000 (as bits: a float constant buffer holds the raw integer). */
    {
        D3D11_MAPPED_SUBRESOURCE m;

        if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)cb, 0, D3D11_MAP_WRITE_DISCARD, 0, &m)))
        {
            ((uint32_t *)m.pData)[0] = 1000;
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)cb, 0);
        }
    }
    ID3D11DeviceContext_DispatchIndirect(context, argbuf, 0);   /* one group: words 0..31 */
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)buffer);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        data = map.pData;
        for (i = bad = 0; i < 64; ++i)
        {
            uint32_t expect = i < 32 ? i * 2 + 1001 : i * 2 + 1;
            if (data[i] != expect && !bad++)
                ok(0, "u0[%u] = %u, expected %u", i, data[i], expect);
        }
        ok(!bad, "%u wrong words after DispatchIndirect", bad);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11UnorderedAccessView_Release(uav);
    ID3D11Buffer_Release(buffer);
    ID3D11Buffer_Release(staging);
    ID3D11Buffer_Release(cb);
    ID3D11Buffer_Release(argbuf);
    ID3D11ComputeShader_Release(cs);
    ID3D11DeviceContext_ClearState(context);
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
    run_test(test_draw_triangles_cb_discard);
    run_test(test_draw_indexed_instanced);
    run_test(test_draw_strip_restart);
    run_test(test_draw_indirect);
    run_test(test_draw_deferred);
    run_test(test_compute_raw_uav);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
