/* test_raster.c — the draw path and the output merger, proven by pixels: every primitive
 * topology (points, lines, triangles, strips, the adjacency topologies through a GS, patch
 * lists of 1..32 control points through HS/DS), index formats and primitive restart, negative
 * base vertex, start instance and instance step rates (0, 1, 2), indirect draws and dispatches
 * whose arguments the GPU wrote; blend factors and ops (dual source included), logic ops,
 * write masks, independent blend, blend factor and sample mask; depth functions, stencil
 * functions and ops per face with reference and masks, depth bias (constant, slope-scaled,
 * clamped), depth clip off; wireframe, cull modes, front-face winding, scissor, viewports
 * chosen by the GS, MSAA with sample mask and alpha-to-coverage, forced sample count,
 * conservative rasterization. Every expected value is computed here. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Small maths of our own: the native test links without libm. */
static float fminf_(float a, float b) { return a < b ? a : b; }
static float fmaxf_(float a, float b) { return a > b ? a : b; }
static double fabs_(double a) { return a < 0 ? -a : a; }
#define fminf fminf_
#define fmaxf fmaxf_
#define fabsf(x) ((float)fabs_(x))
#define fabs fabs_
#define fmin(a, b) ((a) < (b) ? (a) : (b))
#define fmax(a, b) ((a) > (b) ? (a) : (b))

/* 2^(e - 23) for the IEEE exponent e of a positive float: the D3D11 depth bias unit r. */
static double float_depth_unit(float maxz)
{
    uint32_t bits;
    int e;

    memcpy(&bits, &maxz, sizeof(bits));
    e = (int)((bits >> 23) & 0xff) - 127 - 23;
    return e >= 0 ? (double)(1u << e) : 1.0 / (double)(1ull << -e);
}

#define W 64
#define H 64

static ID3D11Device *device;
static ID3D11Device1 *device1;
static ID3D11DeviceContext *context;

/* Helpers ----------------------------------------------------------------------------------- */

static void *assemble(const char *text, size_t *size)
{
    char error[256];
    void *blob = NULL;

    if (!dxbc_assemble(text, &blob, size, error, sizeof(error)))
    {
        ok(0, "assembling: %s", error);
        return NULL;
    }
    return blob;
}

static ID3D11VertexShader *make_vs(const char *text, void **blob, size_t *size)
{
    ID3D11VertexShader *s = NULL;
    HRESULT hr;

    if (!(*blob = assemble(text, size)))
        return NULL;
    hr = ID3D11Device_CreateVertexShader(device, *blob, *size, NULL, &s);
    ok(hr == S_OK, "CreateVertexShader: %#lx", (unsigned long)hr);
    return s;
}

static ID3D11PixelShader *make_ps(const char *text)
{
    ID3D11PixelShader *s = NULL;
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(blob = assemble(text, &size)))
        return NULL;
    hr = ID3D11Device_CreatePixelShader(device, blob, size, NULL, &s);
    ok(hr == S_OK, "CreatePixelShader: %#lx", (unsigned long)hr);
    free(blob);
    return s;
}

static ID3D11GeometryShader *make_gs(const char *text)
{
    ID3D11GeometryShader *s = NULL;
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(blob = assemble(text, &size)))
        return NULL;
    hr = ID3D11Device_CreateGeometryShader(device, blob, size, NULL, &s);
    ok(hr == S_OK, "CreateGeometryShader: %#lx", (unsigned long)hr);
    free(blob);
    return s;
}

static ID3D11HullShader *make_hs(const char *text)
{
    ID3D11HullShader *s = NULL;
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(blob = assemble(text, &size)))
        return NULL;
    hr = ID3D11Device_CreateHullShader(device, blob, size, NULL, &s);
    ok(hr == S_OK, "CreateHullShader: %#lx", (unsigned long)hr);
    free(blob);
    return s;
}

static ID3D11DomainShader *make_ds(const char *text)
{
    ID3D11DomainShader *s = NULL;
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(blob = assemble(text, &size)))
        return NULL;
    hr = ID3D11Device_CreateDomainShader(device, blob, size, NULL, &s);
    ok(hr == S_OK, "CreateDomainShader: %#lx", (unsigned long)hr);
    free(blob);
    return s;
}

static ID3D11ComputeShader *make_cs(const char *text)
{
    ID3D11ComputeShader *s = NULL;
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(blob = assemble(text, &size)))
        return NULL;
    hr = ID3D11Device_CreateComputeShader(device, blob, size, NULL, &s);
    ok(hr == S_OK, "CreateComputeShader: %#lx", (unsigned long)hr);
    free(blob);
    return s;
}

static ID3D11Buffer *make_buffer(UINT size, UINT bind, UINT misc, const void *data)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_DEFAULT, bind, 0, misc, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);
    ok(hr == S_OK, "CreateBuffer(bind %#x misc %#x): %#lx", bind, misc, (unsigned long)hr);
    return buffer;
}

static bool read_buffer(ID3D11Buffer *buffer, void *out, UINT size)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *staging;
    HRESULT hr;

    memset(out, 0, size);
    if (FAILED(ID3D11Device_CreateBuffer(device, &desc, NULL, &staging)))
        return false;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)buffer);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(buffer): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        memcpy(out, map.pData, size);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Buffer_Release(staging);
    return SUCCEEDED(hr);
}

/* A 2D target (colour or depth) with a staging twin for readback. */
struct target
{
    ID3D11Texture2D *tex, *staging;
    ID3D11RenderTargetView *rtv;
    ID3D11DepthStencilView *dsv;
    UINT w, h, bpp;
    uint8_t *data;
};

static UINT format_bpp(DXGI_FORMAT f)
{
    switch (f)
    {
        case DXGI_FORMAT_R32G32B32A32_FLOAT: return 16;
        case DXGI_FORMAT_D16_UNORM: return 2;
        case DXGI_FORMAT_D32_FLOAT_S8X24_UINT: return 8;
        default: return 4;
    }
}

static bool target_init(struct target *t, UINT w, UINT h, DXGI_FORMAT format, UINT samples)
{
    bool depth = format == DXGI_FORMAT_D32_FLOAT || format == DXGI_FORMAT_D24_UNORM_S8_UINT || format == DXGI_FORMAT_D16_UNORM
            || format == DXGI_FORMAT_D32_FLOAT_S8X24_UINT;
    D3D11_TEXTURE2D_DESC desc = { w, h, 1, 1, format, { samples, 0 }, D3D11_USAGE_DEFAULT,
            depth ? D3D11_BIND_DEPTH_STENCIL : D3D11_BIND_RENDER_TARGET, 0, 0 };
    HRESULT hr;

    memset(t, 0, sizeof(*t));
    t->w = w;
    t->h = h;
    t->bpp = format_bpp(format);
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->tex);
    ok(hr == S_OK, "CreateTexture2D(format %u, %u samples): %#lx", format, samples, (unsigned long)hr);
    if (FAILED(hr))
        return false;
    if (depth)
        hr = ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)t->tex, NULL, &t->dsv);
    else
        hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t->tex, NULL, &t->rtv);
    ok(hr == S_OK, "create view: %#lx", (unsigned long)hr);
    if (samples == 1)
    {
        desc.Usage = D3D11_USAGE_STAGING;
        desc.BindFlags = 0;
        desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
        hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->staging);
        ok(hr == S_OK, "CreateTexture2D(staging): %#lx", (unsigned long)hr);
    }
    t->data = calloc(w * h, t->bpp);
    return SUCCEEDED(hr) && t->data;
}

static void target_read(struct target *t)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int y;
    HRESULT hr;

    memset(t->data, 0, t->w * t->h * t->bpp);
    if (!t->staging)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)t->staging, (ID3D11Resource *)t->tex);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)t->staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    for (y = 0; y < t->h; ++y)
        memcpy(t->data + y * t->w * t->bpp, (const uint8_t *)map.pData + y * map.RowPitch, t->w * t->bpp);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)t->staging, 0);
}

static void target_destroy(struct target *t)
{
    if (t->rtv) ID3D11RenderTargetView_Release(t->rtv);
    if (t->dsv) ID3D11DepthStencilView_Release(t->dsv);
    if (t->staging) ID3D11Texture2D_Release(t->staging);
    if (t->tex) ID3D11Texture2D_Release(t->tex);
    free(t->data);
    memset(t, 0, sizeof(*t));
}

static uint32_t px32(const struct target *t, unsigned int x, unsigned int y)
{
    return ((const uint32_t *)t->data)[y * t->w + x];
}

static float pxf(const struct target *t, unsigned int x, unsigned int y, unsigned int c)
{
    return ((const float *)t->data)[(y * t->w + x) * (t->bpp / 4) + c];
}

static uint16_t px16(const struct target *t, unsigned int x, unsigned int y)
{
    return ((const uint16_t *)t->data)[y * t->w + x];
}

static void clear_rt(struct target *t, float r, float g, float b, float a)
{
    const float c[4] = { r, g, b, a };
    ID3D11DeviceContext_ClearRenderTargetView(context, t->rtv, c);
}

#define RGBA(r, g, b, a) ((uint32_t)(r) | ((uint32_t)(g) << 8) | ((uint32_t)(b) << 16) | ((uint32_t)(a) << 24))
#define CLEAR_COLOR RGBA(0, 0, 0xff, 0xff)

/* Pixel coordinates (y down, 0..W) to normalized device coordinates. */
static float nx(float px) { return px * 2.0f / W - 1.0f; }
static float ny(float py) { return 1.0f - py * 2.0f / H; }

struct vtx
{
    float x, y, z, w;
    float r, g, b, a;
};

static struct vtx V(float px, float py, uint32_t color)
{
    struct vtx v = { nx(px), ny(py), 0.5f, 1.0f, (color & 0xff) / 255.0f, ((color >> 8) & 0xff) / 255.0f,
            ((color >> 16) & 0xff) / 255.0f, (color >> 24) / 255.0f };
    return v;
}

/* Position and colour from slot 0, passed through. */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw COLOR 0 NONE float -\n"
    "dcl_input v0.xyzw\n"
    "dcl_input v1.xyzw\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "mov o0.xyzw, v0.xyzw\n"
    "mov o1.xyzw, v1.xyzw\n"
    "ret\n";

/* The provoking vertex's colour (flat). */
static const char ps_flat_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_input_ps constant v1.xyzw\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, v1.xyzw\n"
    "ret\n";

/* Four targets' colours from cb0[0..3] (o1 is the second source of dual-source blending). */
static const char ps_cb_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "// sig output 1 xyzw SV_Target 1 TARGET float -\n"
    "// sig output 2 xyzw SV_Target 2 TARGET float -\n"
    "// sig output 3 xyzw SV_Target 3 TARGET float -\n"
    "dcl_constantbuffer CB0[4], immediateIndexed\n"
    "dcl_output o0.xyzw\n"
    "dcl_output o1.xyzw\n"
    "dcl_output o2.xyzw\n"
    "dcl_output o3.xyzw\n"
    "mov o0.xyzw, cb0[0].xyzw\n"
    "mov o1.xyzw, cb0[1].xyzw\n"
    "mov o2.xyzw, cb0[2].xyzw\n"
    "mov o3.xyzw, cb0[3].xyzw\n"
    "ret\n";

/* cb0[0]'s bits to an integer target. */
static const char ps_uint_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET uint -\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, cb0[0].xyzw\n"
    "ret\n";

static ID3D11VertexShader *vs;
static ID3D11PixelShader *ps_flat, *ps_cb, *ps_uint;
static ID3D11InputLayout *layout;
static ID3D11RasterizerState *rs_nocull;
static ID3D11Buffer *cb;   /* 4 x float4, DEFAULT, updated with UpdateSubresource */

static bool setup(void)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "COLOR", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 16, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE };
    size_t size;
    void *blob;
    HRESULT hr;

    if (!(vs = make_vs(vs_text, &blob, &size)))
        return false;
    hr = ID3D11Device_CreateInputLayout(device, elements, ARRAY_SIZE(elements), blob, size, &layout);
    ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
    free(blob);
    ps_flat = make_ps(ps_flat_text);
    ps_cb = make_ps(ps_cb_text);
    ps_uint = make_ps(ps_uint_text);
    hr = ID3D11Device_CreateRasterizerState(device, &rd, &rs_nocull);
    ok(hr == S_OK, "CreateRasterizerState: %#lx", (unsigned long)hr);
    cb = make_buffer(64, D3D11_BIND_CONSTANT_BUFFER, 0, NULL);
    return layout && ps_flat && ps_cb && ps_uint && rs_nocull && cb;
}

static void teardown(void)
{
    if (vs) ID3D11VertexShader_Release(vs);
    if (ps_flat) ID3D11PixelShader_Release(ps_flat);
    if (ps_cb) ID3D11PixelShader_Release(ps_cb);
    if (ps_uint) ID3D11PixelShader_Release(ps_uint);
    if (layout) ID3D11InputLayout_Release(layout);
    if (rs_nocull) ID3D11RasterizerState_Release(rs_nocull);
    if (cb) ID3D11Buffer_Release(cb);
}

static void set_cb(const float *values, unsigned int float4s)
{
    float data[16] = { 0 };

    memcpy(data, values, float4s * 16);
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)cb, 0, NULL, data, 0, 0);
}

/* Binds the pass-through pipeline on a W x H colour target (and an optional DSV). */
static void bind_basic(struct target *rt, ID3D11DepthStencilView *dsv, ID3D11Buffer *vb, D3D11_PRIMITIVE_TOPOLOGY topology)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, (float)(rt ? rt->w : W), (float)(rt ? rt->h : H), 0.0f, 1.0f };
    UINT stride = sizeof(struct vtx), offset = 0;

    ID3D11DeviceContext_OMSetRenderTargets(context, rt ? 1 : 0, rt ? &rt->rtv : NULL, dsv);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_RSSetState(context, rs_nocull);
    ID3D11DeviceContext_IASetInputLayout(context, layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, topology);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps_flat, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &cb);
}

static ID3D11Buffer *vbuf(const struct vtx *v, unsigned int n)
{
    return make_buffer(n * sizeof(*v), D3D11_BIND_VERTEX_BUFFER, 0, v);
}

/* A full-screen quad (triangle strip) at depth z. */
static ID3D11Buffer *fullscreen_quad(float z, uint32_t color)
{
    struct vtx v[4] = { V(0, 0, color), V(W, 0, color), V(0, H, color), V(W, H, color) };
    unsigned int i;

    for (i = 0; i < 4; ++i)
        v[i].z = z;
    return vbuf(v, 4);
}

/* Counts pixels of a rectangle that differ from `expect` and reports the first. */
static unsigned int check_rect(const struct target *t, unsigned int x0, unsigned int y0, unsigned int x1, unsigned int y1,
        uint32_t expect, const char *what)
{
    unsigned int x, y, bad = 0;

    for (y = y0; y < y1; ++y)
        for (x = x0; x < x1; ++x)
            if (px32(t, x, y) != expect && !bad++)
                ok(0, "%s: pixel (%u,%u) %#x, expected %#x", what, x, y, px32(t, x, y), expect);
    ok(!bad, "%s: %u pixels differ", what, bad);
    return bad;
}

static void check_px(const struct target *t, unsigned int x, unsigned int y, uint32_t expect, const char *what)
{
    ok(px32(t, x, y) == expect, "%s: pixel (%u,%u) %#x, expected %#x", what, x, y, px32(t, x, y), expect);
}

/* Topologies ------------------------------------------------------------------------------- */

static void test_points_lines(void)
{
    const uint32_t red = RGBA(0xff, 0, 0, 0xff), green = RGBA(0, 0xff, 0, 0xff), white = RGBA(0xff, 0xff, 0xff, 0xff);
    /* Points at pixel centres: one pixel each. */
    const struct vtx points[] = { V(3.5f, 5.5f, red), V(10.5f, 20.5f, red), V(40.5f, 41.5f, red), V(63.5f, 0.5f, red) };
    /* Lines a quarter pixel off the centre rows/columns, so both the diamond rule and the
     * rectangle rule light exactly that row/column. */
    const struct vtx lines[] = { V(2.0f, 10.25f, green), V(30.0f, 10.25f, green), V(20.25f, 14.0f, white), V(20.25f, 44.0f, white) };
    const struct vtx strip[] = { V(34.0f, 30.25f, red), V(60.25f, 30.25f, red), V(60.25f, 60.0f, red) };
    /* Line strip with a cut: 0-1 on row 50, 2-3 on row 55; joined, 1-2 would cross rows 51..54. */
    const struct vtx cut[] = { V(4.0f, 50.25f, green), V(30.0f, 50.25f, green), V(4.0f, 55.25f, green), V(30.0f, 55.25f, green) };
    static const uint16_t cut_indices[] = { 0, 1, 0xffff, 2, 3 };
    ID3D11Buffer *vb, *ib;
    struct target rt = { 0 };
    unsigned int i;

    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;

    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    vb = vbuf(points, ARRAY_SIZE(points));
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_Draw(context, ARRAY_SIZE(points), 0);
    ID3D11Buffer_Release(vb);
    target_read(&rt);
    {
        unsigned int lit = 0, x, y;

        for (y = 0; y < H; ++y)
            for (x = 0; x < W; ++x)
                lit += px32(&rt, x, y) == red;
        ok(lit == 4, "point list: %u pixels lit, expected 4", lit);
        for (i = 0; i < ARRAY_SIZE(points); ++i)
        {
            unsigned int px = (unsigned int)((points[i].x + 1.0f) * W / 2), py = (unsigned int)((1.0f - points[i].y) * H / 2);
            check_px(&rt, px, py, red, "point");
        }
    }

    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    vb = vbuf(lines, ARRAY_SIZE(lines));
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_LINELIST);
    ID3D11DeviceContext_Draw(context, ARRAY_SIZE(lines), 0);
    ID3D11Buffer_Release(vb);
    vb = vbuf(strip, ARRAY_SIZE(strip));
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP);
    ID3D11DeviceContext_Draw(context, ARRAY_SIZE(strip), 0);
    ID3D11Buffer_Release(vb);
    vb = vbuf(cut, ARRAY_SIZE(cut));
    ib = make_buffer(sizeof(cut_indices), D3D11_BIND_INDEX_BUFFER, 0, cut_indices);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib, DXGI_FORMAT_R16_UINT, 0);
    ID3D11DeviceContext_DrawIndexed(context, ARRAY_SIZE(cut_indices), 0, 0);
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(ib);
    target_read(&rt);
    check_rect(&rt, 4, 10, 28, 11, green, "line list, horizontal");
    check_rect(&rt, 4, 9, 28, 10, CLEAR_COLOR, "above the line");
    check_rect(&rt, 4, 11, 28, 12, CLEAR_COLOR, "below the line");
    check_rect(&rt, 20, 16, 21, 42, white, "line list, vertical");
    check_rect(&rt, 19, 16, 20, 42, CLEAR_COLOR, "left of the vertical line");
    check_rect(&rt, 21, 16, 22, 42, CLEAR_COLOR, "right of the vertical line");
    check_rect(&rt, 36, 30, 58, 31, red, "line strip, first segment");
    check_rect(&rt, 60, 33, 61, 58, red, "line strip, second segment");
    check_rect(&rt, 36, 33, 58, 58, CLEAR_COLOR, "inside the strip's corner");
    check_rect(&rt, 6, 50, 28, 51, green, "cut strip, first line");
    check_rect(&rt, 6, 55, 28, 56, green, "cut strip, second line");
    check_rect(&rt, 0, 51, 32, 55, CLEAR_COLOR, "cut strip: no joining segment");
done:
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Triangle strips, non-indexed and with a 32-bit cut index; negative base vertex. */
static void test_triangles_indices(void)
{
    const uint32_t red = RGBA(0xff, 0, 0, 0xff), green = RGBA(0, 0xff, 0, 0xff), white = RGBA(0xff, 0xff, 0xff, 0xff);
    const struct vtx quads[] =
    {
        V(0, 0, red), V(16, 0, red), V(0, 16, red), V(16, 16, red),             /* 0..3 */
        V(32, 0, green), V(48, 0, green), V(32, 16, green), V(48, 16, green),   /* 4..7 */
        V(0, 32, white), V(64, 32, white), V(0, 64, white),                     /* 8..10: lower-left triangle */
    };
    static const uint32_t indices32[] = { 0, 1, 2, 3, 0xffffffffu, 4, 5, 6, 7 };
    /* With base vertex -4 these name vertices 8, 9, 10. */
    static const uint16_t indices16[] = { 12, 13, 14 };
    ID3D11Buffer *vb, *ib32, *ib16;
    struct target rt = { 0 };

    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;
    vb = vbuf(quads, ARRAY_SIZE(quads));
    ib32 = make_buffer(sizeof(indices32), D3D11_BIND_INDEX_BUFFER, 0, indices32);
    ib16 = make_buffer(sizeof(indices16), D3D11_BIND_INDEX_BUFFER, 0, indices16);

    /* Non-indexed strip: the first quad only. */
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
    ID3D11DeviceContext_Draw(context, 4, 0);
    target_read(&rt);
    check_rect(&rt, 0, 0, 16, 16, red, "strip quad");
    check_rect(&rt, 16, 0, 64, 16, CLEAR_COLOR, "right of the strip quad");

    /* 32-bit indices with the cut 0xffffffff: two quads, no triangle between them. */
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib32, DXGI_FORMAT_R32_UINT, 0);
    ID3D11DeviceContext_DrawIndexed(context, ARRAY_SIZE(indices32), 0, 0);
    target_read(&rt);
    check_rect(&rt, 0, 0, 16, 16, red, "32-bit strip, first quad");
    check_rect(&rt, 32, 0, 48, 16, green, "32-bit strip, second quad");
    check_rect(&rt, 16, 0, 32, 16, CLEAR_COLOR, "32-bit strip cut");

    /* Triangle list, 16-bit indices, base vertex -4. */
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_IASetIndexBuffer(context, ib16, DXGI_FORMAT_R16_UINT, 0);
    ID3D11DeviceContext_DrawIndexed(context, 3, 0, -4);
    target_read(&rt);
    check_px(&rt, 2, 34, white, "negative base vertex");
    check_px(&rt, 2, 62, white, "negative base vertex");
    check_rect(&rt, 0, 0, 64, 32, CLEAR_COLOR, "upper half after the negative base vertex draw");

    /* The same with DrawIndexedInstanced (start index 1 into { 12, 13, 14 } + a leading index). */
    {
        static const uint16_t shifted[] = { 0, 12, 13, 14 };
        ID3D11Buffer *ib = make_buffer(sizeof(shifted), D3D11_BIND_INDEX_BUFFER, 0, shifted);

        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_IASetIndexBuffer(context, ib, DXGI_FORMAT_R16_UINT, 0);
        ID3D11DeviceContext_DrawIndexedInstanced(context, 3, 2, 1, -4, 5);
        target_read(&rt);
        check_px(&rt, 2, 62, white, "instanced, negative base vertex, start index");
        check_rect(&rt, 0, 0, 64, 32, CLEAR_COLOR, "upper half");
        ID3D11Buffer_Release(ib);
    }
    ID3D11Buffer_Release(vb);
    ID3D11Buffer_Release(ib32);
    ID3D11Buffer_Release(ib16);
done:
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Adjacency: the GS takes the triangle (or line) from the even (inner) vertices and the
 * colour from the adjacent ones, so the slot each adjacent vertex lands in shows. */
static const char gs_triadj_text[] =
    "gs_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw COLOR 0 NONE float -\n"
    "dcl_input_siv v[6][0].xyzw, position\n"
    "dcl_input v[6][1].xyzw\n"
    "dcl_inputprimitive triangleadj\n"
    "dcl_outputtopology trianglestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "dcl_maxout 3\n"
    "mov o0.xyzw, v[0][0].xyzw\n"
    "mov o1.x, v[1][1].x\n"
    "mov o1.y, v[3][1].x\n"
    "mov o1.z, v[5][1].x\n"
    "mov o1.w, l(1.0)\n"
    "emit\n"
    "mov o0.xyzw, v[2][0].xyzw\n"
    "emit\n"
    "mov o0.xyzw, v[4][0].xyzw\n"
    "emit\n"
    "cut\n"
    "ret\n";

static const char gs_lineadj_text[] =
    "gs_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw COLOR 0 NONE float -\n"
    "dcl_input_siv v[4][0].xyzw, position\n"
    "dcl_input v[4][1].xyzw\n"
    "dcl_inputprimitive lineadj\n"
    "dcl_outputtopology linestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "dcl_maxout 2\n"
    "mov o0.xyzw, v[1][0].xyzw\n"
    "mov o1.x, v[0][1].x\n"
    "mov o1.y, v[3][1].x\n"
    "mov o1.zw, l(0, 0, 0, 1.0)\n"
    "emit\n"
    "mov o0.xyzw, v[2][0].xyzw\n"
    "emit\n"
    "cut\n"
    "ret\n";

/* Vertex k of an adjacency test: its colour's red byte is 20 * k. */
static struct vtx adj_vertex(float px, float py, unsigned int k)
{
    return V(px, py, RGBA(20 * k, 0, 0, 0xff));
}

static void test_adjacency(void)
{
    ID3D11GeometryShader *gs_tri = make_gs(gs_triadj_text), *gs_line = make_gs(gs_lineadj_text);
    struct vtx v[12];
    ID3D11Buffer *vb;
    struct target rt = { 0 };
    unsigned int k;

    if (!gs_tri || !gs_line || !target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;

    /* TRIANGLELIST_ADJ, two triangles: slots 1, 3, 5 hold vertices 1, 3, 5 (then 7, 9, 11). */
    for (k = 0; k < 12; ++k)
        v[k] = adj_vertex(100.0f, 100.0f, k);   /* adjacent vertices lie off screen */
    v[0] = adj_vertex(0, 0, 0); v[2] = adj_vertex(24, 0, 2); v[4] = adj_vertex(0, 24, 4);
    v[6] = adj_vertex(40, 0, 6); v[8] = adj_vertex(64, 0, 8); v[10] = adj_vertex(40, 24, 10);
    vb = vbuf(v, 12);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST_ADJ);
    ID3D11DeviceContext_GSSetShader(context, gs_tri, NULL, 0);
    ID3D11DeviceContext_Draw(context, 12, 0);
    ID3D11Buffer_Release(vb);
    target_read(&rt);
    check_px(&rt, 2, 2, RGBA(20, 60, 100, 0xff), "triangle list adj, first triangle");
    check_px(&rt, 42, 2, RGBA(140, 180, 220, 0xff), "triangle list adj, second triangle");
    check_px(&rt, 30, 2, CLEAR_COLOR, "between the triangles");

    /* TRIANGLESTRIP_ADJ, one triangle (6 vertices): adjacent slots get 1, 5, 3. Then two
     * triangles (8 vertices): (0 2 4 | 1 6 3) and, odd, (2 6 4 | 5 7 0): an odd triangle
     * starts at its lowest vertex, as in plain strips (n, n+2, n+1). */
    for (k = 0; k < 8; ++k)
        v[k] = adj_vertex(100.0f, 100.0f, k);
    v[0] = adj_vertex(0, 32, 0); v[2] = adj_vertex(0, 64, 2); v[4] = adj_vertex(24, 32, 4);
    vb = vbuf(v, 6);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP_ADJ);
    ID3D11DeviceContext_GSSetShader(context, gs_tri, NULL, 0);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11Buffer_Release(vb);
    v[0] = adj_vertex(32, 8, 0); v[2] = adj_vertex(32, 56, 2); v[4] = adj_vertex(56, 8, 4); v[6] = adj_vertex(56, 56, 6);
    vb = vbuf(v, 8);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP_ADJ);
    ID3D11DeviceContext_Draw(context, 8, 0);
    ID3D11Buffer_Release(vb);
    target_read(&rt);
    check_px(&rt, 2, 34, RGBA(20, 100, 60, 0xff), "triangle strip adj, single triangle");
    check_px(&rt, 34, 12, RGBA(20, 120, 60, 0xff), "triangle strip adj, first of two");
    check_px(&rt, 54, 52, RGBA(100, 140, 0, 0xff), "triangle strip adj, second of two");

    /* LINELIST_ADJ (two lines: colour from slots 0 and 3) and LINESTRIP_ADJ (5 vertices, two
     * lines: (0 1 2 3) and (1 2 3 4)). */
    for (k = 0; k < 8; ++k)
        v[k] = adj_vertex(100.0f, 100.0f, k);
    v[1] = adj_vertex(2, 4.25f, 1); v[2] = adj_vertex(30, 4.25f, 2);
    v[5] = adj_vertex(2, 8.25f, 5); v[6] = adj_vertex(30, 8.25f, 6);
    vb = vbuf(v, 8);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_LINELIST_ADJ);
    ID3D11DeviceContext_GSSetShader(context, gs_line, NULL, 0);
    ID3D11DeviceContext_Draw(context, 8, 0);
    ID3D11Buffer_Release(vb);
    for (k = 0; k < 5; ++k)
        v[k] = adj_vertex(100.0f, 100.0f, k);
    v[1] = adj_vertex(2, 20.25f, 1); v[2] = adj_vertex(40.25f, 20.25f, 2); v[3] = adj_vertex(40.25f, 60, 3);
    vb = vbuf(v, 5);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP_ADJ);
    ID3D11DeviceContext_Draw(context, 5, 0);
    ID3D11Buffer_Release(vb);
    target_read(&rt);
    check_rect(&rt, 4, 4, 28, 5, RGBA(0, 60, 0, 0xff), "line list adj, first line");
    check_rect(&rt, 4, 8, 28, 9, RGBA(80, 140, 0, 0xff), "line list adj, second line");
    check_rect(&rt, 4, 20, 38, 21, RGBA(0, 60, 0, 0xff), "line strip adj, first line");
    check_rect(&rt, 40, 23, 41, 58, RGBA(20, 80, 0, 0xff), "line strip adj, second line");
    check_rect(&rt, 4, 5, 28, 8, CLEAR_COLOR, "between the lines");
done:
    if (gs_tri) ID3D11GeometryShader_Release(gs_tri);
    if (gs_line) ID3D11GeometryShader_Release(gs_line);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Patch lists: an HS of N input control points outputs one: the position of control point 0
 * and the colour of control point N-1; the DS makes a cell-sized triangle from it (factors 1:
 * one triangle). Each draw holds two patches, so the patch size decides which vertices form
 * the second patch. 8x8 cells of 8x8 pixels: cell 2(N-1)+p. */
static const char ds_patch_text[] =
    "ds_5_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw COLOR 0 NONE float -\n"
    "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
    "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
    "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
    "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
    "dcl_input_control_point_count 1\n"
    "dcl_tessellator_domain domain_tri\n"
    "dcl_input vDomain.xyz\n"
    "dcl_input vicp[1][0].xyzw\n"
    "dcl_input vicp[1][1].xyzw\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "dcl_temps 1\n"
    "mad r0.x, vDomain.y, l(0.25), vicp[0][0].x\n"
    "mad r0.y, vDomain.z, l(-0.25), vicp[0][0].y\n"
    "mov o0.xy, r0.xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "mov o1.xyzw, vicp[0][1].xyzw\n"
    "ret\n";

static void hs_patch_text(char *buf, size_t size, unsigned int n)
{
    snprintf(buf, size,
        "hs_5_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
        "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
        "// sig output 0 xyzw POSITION 0 NONE float -\n"
        "// sig output 1 xyzw COLOR 0 NONE float -\n"
        "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
        "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
        "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
        "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
        "hs_decls\n"
        "dcl_input_control_point_count %u\n"
        "dcl_output_control_point_count 1\n"
        "dcl_tessellator_domain domain_tri\n"
        "dcl_tessellator_partitioning partitioning_integer\n"
        "dcl_tessellator_output_primitive output_triangle_cw\n"
        "dcl_hs_max_tessfactor l(64.0)\n"
        "hs_control_point_phase\n"
        "dcl_input vicp[%u][0].xyzw\n"
        "dcl_input vicp[%u][1].xyzw\n"
        "dcl_output o0.xyzw\n"
        "dcl_output o1.xyzw\n"
        "mov o0.xyzw, vicp[0][0].xyzw\n"
        "mov o1.xyzw, vicp[%u][1].xyzw\n"
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
        "mov o[r0.x + 0].x, l(1.0)\n"
        "ret\n"
        "hs_join_phase\n"
        "dcl_output_siv o3.x, finalTriInsideTessFactor\n"
        "mov o3.x, l(1.0)\n"
        "ret\n", n, n, n, n - 1);
}

static uint32_t patch_color(unsigned int cell)
{
    return RGBA(cell * 4, 255 - cell * 4, (cell * 37) & 0xff, 0xff);
}

static void test_patch_lists(void)
{
    ID3D11DomainShader *ds = make_ds(ds_patch_text);
    ID3D11HullShader *hs[33] = { 0 };
    struct vtx v[64];
    struct target rt = { 0 };
    unsigned int n, p, k, bad = 0;
    ID3D11Buffer *vb;
    char text[4096];

    if (!ds || !target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    for (n = 1; n <= 32; ++n)
    {
        hs_patch_text(text, sizeof(text), n);
        if (!(hs[n] = make_hs(text)))
            continue;
        for (p = 0; p < 2; ++p)
        {
            unsigned int cell = 2 * (n - 1) + p;

            for (k = 0; k < n; ++k)
                v[p * n + k] = V(100.0f, 100.0f, RGBA(0, 0, 0, 0xff));
            v[p * n] = V((cell % 8) * 8.0f, (cell / 8) * 8.0f, RGBA(0, 0, 0, 0xff));
            v[p * n + n - 1].r = (patch_color(cell) & 0xff) / 255.0f;
            v[p * n + n - 1].g = ((patch_color(cell) >> 8) & 0xff) / 255.0f;
            v[p * n + n - 1].b = ((patch_color(cell) >> 16) & 0xff) / 255.0f;
        }
        vb = vbuf(v, 2 * n);
        bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_1_CONTROL_POINT_PATCHLIST + n - 1);
        ID3D11DeviceContext_HSSetShader(context, hs[n], NULL, 0);
        ID3D11DeviceContext_DSSetShader(context, ds, NULL, 0);
        ID3D11DeviceContext_Draw(context, 2 * n, 0);
        ID3D11Buffer_Release(vb);
    }
    target_read(&rt);
    /* Mismatches draw nothing (D3D11 drops them): a patch list without an HS, an HS and DS with
     * a triangle list, an HS of 32 input control points with patches of 3. */
    {
        const uint32_t white = RGBA(0xff, 0xff, 0xff, 0xff);
        const struct vtx tri[] = { V(0, 0, white), V(64, 0, white), V(0, 64, white) };
        ID3D11Buffer *tvb = vbuf(tri, 3);

        bind_basic(&rt, NULL, tvb, D3D11_PRIMITIVE_TOPOLOGY_3_CONTROL_POINT_PATCHLIST);
        ID3D11DeviceContext_HSSetShader(context, NULL, NULL, 0);
        ID3D11DeviceContext_DSSetShader(context, NULL, NULL, 0);
        ID3D11DeviceContext_Draw(context, 3, 0);
        ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        ID3D11DeviceContext_HSSetShader(context, hs[3], NULL, 0);
        ID3D11DeviceContext_DSSetShader(context, ds, NULL, 0);
        ID3D11DeviceContext_Draw(context, 3, 0);
        ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_3_CONTROL_POINT_PATCHLIST);
        ID3D11DeviceContext_HSSetShader(context, hs[32], NULL, 0);
        ID3D11DeviceContext_Draw(context, 3, 0);
        ID3D11Buffer_Release(tvb);
        ID3D11DeviceContext_ClearState(context);
        target_read(&rt);
    }
    for (k = 0; k < 64; ++k)
    {
        uint32_t got = px32(&rt, (k % 8) * 8 + 1, (k / 8) * 8 + 1), lower = px32(&rt, (k % 8) * 8 + 6, (k / 8) * 8 + 6);

        if ((got != patch_color(k) || lower != CLEAR_COLOR) && !bad++)
            ok(0, "patch list of %u control points, patch %u: %#x (lower corner %#x), expected %#x",
                    k / 2 + 1, k % 2, got, lower, patch_color(k));
    }
    ok(!bad, "%u of 64 patches wrong", bad);
done:
    for (n = 1; n <= 32; ++n)
        if (hs[n])
            ID3D11HullShader_Release(hs[n]);
    if (ds)
        ID3D11DomainShader_Release(ds);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Instancing ------------------------------------------------------------------------------ */

/* A cell-sized quad moved by per-instance offsets: x from slot 1 (step rate 2), y from slot 3
 * (step rate 1); the colour from slot 2 (step rate 0: every instance reads the element at
 * StartInstanceLocation, which D3D11 adds to every per-instance index). */
static const char vs_inst_text[] =
    "vs_4_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig input 1 x OFFX 0 NONE float x\n"
    "// sig input 2 xyzw COLOR 0 NONE float xyzw\n"
    "// sig input 3 x OFFY 0 NONE float x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw COLOR 0 NONE float -\n"
    "dcl_input v0.xy\n"
    "dcl_input v1.x\n"
    "dcl_input v2.xyzw\n"
    "dcl_input v3.x\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "add o0.x, v0.x, v1.x\n"
    "add o0.y, v0.y, v3.x\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "mov o1.xyzw, v2.xyzw\n"
    "ret\n";

static uint32_t inst_color(unsigned int element)
{
    return RGBA(0, 0xff, element * 30, 0xff);
}

struct inst_pipeline
{
    ID3D11VertexShader *vs;
    ID3D11InputLayout *layout;
    ID3D11Buffer *vbs[4], *ib;
};

static bool inst_pipeline_init(struct inst_pipeline *p)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "OFFX", 0, DXGI_FORMAT_R32_FLOAT, 1, 0, D3D11_INPUT_PER_INSTANCE_DATA, 2 },
        { "COLOR", 0, DXGI_FORMAT_R8G8B8A8_UNORM, 2, 0, D3D11_INPUT_PER_INSTANCE_DATA, 0 },
        { "OFFY", 0, DXGI_FORMAT_R32_FLOAT, 3, 0, D3D11_INPUT_PER_INSTANCE_DATA, 1 },
    };
    /* Cell (0,0) as a strip; vertex 4.. repeat it for the indexed draws' base vertex. */
    const float quad[] = { nx(0), ny(0), nx(8), ny(0), nx(0), ny(8), nx(8), ny(8),
            nx(0), ny(0), nx(8), ny(0), nx(0), ny(8), nx(8), ny(8) };
    float offx[8], offy[8];
    uint32_t colors[8];
    static const uint16_t indices[] = { 99, 5, 6, 7, 8 };
    unsigned int i;
    size_t size;
    void *blob;
    HRESULT hr;

    memset(p, 0, sizeof(*p));
    for (i = 0; i < 8; ++i)
    {
        offx[i] = i * 0.25f;
        offy[i] = -(float)i * 0.25f;
        colors[i] = inst_color(i);
    }
    if (!(p->vs = make_vs(vs_inst_text, &blob, &size)))
        return false;
    hr = ID3D11Device_CreateInputLayout(device, elements, ARRAY_SIZE(elements), blob, size, &p->layout);
    ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
    free(blob);
    p->vbs[0] = make_buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER, 0, quad);
    p->vbs[1] = make_buffer(sizeof(offx), D3D11_BIND_VERTEX_BUFFER, 0, offx);
    p->vbs[2] = make_buffer(sizeof(colors), D3D11_BIND_VERTEX_BUFFER, 0, colors);
    p->vbs[3] = make_buffer(sizeof(offy), D3D11_BIND_VERTEX_BUFFER, 0, offy);
    p->ib = make_buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, 0, indices);
    return p->layout && p->vbs[0] && p->vbs[1] && p->vbs[2] && p->vbs[3] && p->ib;
}

static void inst_pipeline_bind(struct inst_pipeline *p, struct target *rt)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, W, H, 0.0f, 1.0f };
    UINT strides[4] = { 8, 4, 4, 4 }, offsets[4] = { 0 };

    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rt->rtv, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_RSSetState(context, rs_nocull);
    ID3D11DeviceContext_IASetInputLayout(context, p->layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 4, p->vbs, strides, offsets);
    ID3D11DeviceContext_IASetIndexBuffer(context, p->ib, DXGI_FORMAT_R16_UINT, 0);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
    ID3D11DeviceContext_VSSetShader(context, p->vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps_flat, NULL, 0);
}

static void inst_pipeline_destroy(struct inst_pipeline *p)
{
    unsigned int i;

    if (p->vs) ID3D11VertexShader_Release(p->vs);
    if (p->layout) ID3D11InputLayout_Release(p->layout);
    for (i = 0; i < 4; ++i)
        if (p->vbs[i])
            ID3D11Buffer_Release(p->vbs[i]);
    if (p->ib) ID3D11Buffer_Release(p->ib);
}

/* Checks the 8x8 grid of cells: instance i of `count` starting at `start` lights cell
 * (start + i / 2, start + i) with colour element `start`; all others keep the clear colour. */
static void check_instances(struct target *rt, unsigned int start, unsigned int count, const char *what)
{
    unsigned int cx, cy, i, bad = 0;

    target_read(rt);
    for (cy = 0; cy < 8; ++cy)
        for (cx = 0; cx < 8; ++cx)
        {
            uint32_t expect = CLEAR_COLOR, got = px32(rt, cx * 8 + 4, cy * 8 + 4);

            for (i = 0; i < count; ++i)
                if (cx == start + i / 2 && cy == start + i)
                    expect = inst_color(start);
            if (got != expect && !bad++)
                ok(0, "%s: cell (%u,%u) %#x, expected %#x", what, cx, cy, got, expect);
        }
    ok(!bad, "%s: %u cells wrong", what, bad);
}

static void test_instancing(void)
{
    struct inst_pipeline p = { 0 };
    struct target rt = { 0 };

    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !inst_pipeline_init(&p))
        goto done;
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    inst_pipeline_bind(&p, &rt);
    ID3D11DeviceContext_DrawInstanced(context, 4, 6, 0, 1);
    check_instances(&rt, 1, 6, "DrawInstanced, start instance 1, step rates 2/1/0");

    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_DrawInstanced(context, 4, 5, 0, 0);
    check_instances(&rt, 0, 5, "DrawInstanced, start instance 0");

    /* Indexed: indices 5..8 with base vertex -1 name vertices 4..7 (the same quad). */
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_DrawIndexedInstanced(context, 4, 4, 1, -1, 2);
    check_instances(&rt, 2, 4, "DrawIndexedInstanced, base vertex -1, start instance 2");
done:
    inst_pipeline_destroy(&p);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Indirect arguments written by the GPU ---------------------------------------------------- */

/* Writes DrawInstanced arguments (4 vertices, 3 instances, vertex 0, instance 1) at byte 16 of
 * a raw UAV. */
static const char cs_args_text[] =
    "cs_5_0\n"
    "dcl_uav_raw u0\n"
    "dcl_thread_group 1, 1, 1\n"
    "store_raw u0.xyzw, l(16), l(4, 3, 0, 1)\n"
    "ret\n";

/* u0[i] = i + 7 for the global thread index i (32 per group). */
static const char cs_fill_text[] =
    "cs_5_0\n"
    "dcl_uav_raw u0\n"
    "dcl_input vThreadID.x\n"
    "dcl_temps 2\n"
    "dcl_thread_group 32, 1, 1\n"
    "iadd r0.x, vThreadID.x, l(7)\n"
    "ishl r1.x, vThreadID.x, l(2)\n"
    "store_raw u0.x, r1.x, r0.x\n"
    "ret\n";

static ID3D11UnorderedAccessView *raw_uav(ID3D11Buffer *buffer, UINT words)
{
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11UnorderedAccessView *uav = NULL;
    HRESULT hr;

    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_TYPELESS;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.NumElements = words;
    ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &ud, &uav);
    ok(hr == S_OK, "CreateUnorderedAccessView: %#lx", (unsigned long)hr);
    return uav;
}

static void test_indirect_gpu_args(void)
{
    /* Indexed arguments at byte 4: 4 indices, 2 instances, start index 1, base vertex -1, start instance 3. */
    static const uint32_t indexed_args[] = { 0xdeadbeef, 4, 2, 1, (uint32_t)-1, 3, 0, 0 };
    static const uint32_t dispatch_args[] = { 2, 1, 1 };
    ID3D11ComputeShader *cs_args = make_cs(cs_args_text), *cs_fill = make_cs(cs_fill_text);
    ID3D11Buffer *args = NULL, *src = NULL, *dargs = NULL, *dsrc = NULL, *out = NULL;
    ID3D11UnorderedAccessView *args_uav = NULL, *out_uav = NULL;
    struct inst_pipeline p;
    struct target rt = { 0 };
    uint32_t words[128];
    unsigned int i, bad;

    memset(&p, 0, sizeof(p));
    if (!cs_args || !cs_fill || !target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !inst_pipeline_init(&p))
        goto done;
    args = make_buffer(64, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS
            | D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, NULL);
    src = make_buffer(sizeof(indexed_args), 0, 0, indexed_args);
    if (!args || !src || !(args_uav = raw_uav(args, 16)))
        goto done;

    /* A compute shader writes the arguments; the draw reads them at offset 16. */
    ID3D11DeviceContext_CSSetShader(context, cs_args, NULL, 0);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &args_uav, NULL);
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    inst_pipeline_bind(&p, &rt);
    ID3D11DeviceContext_DrawInstancedIndirect(context, args, 16);
    check_instances(&rt, 1, 3, "DrawInstancedIndirect, arguments from a UAV");

    /* CopyResource replaces them; DrawIndexedInstancedIndirect reads at offset 4. */
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)args, 0, 0, 0, 0, (ID3D11Resource *)src, 0, NULL);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_DrawIndexedInstancedIndirect(context, args, 4);
    check_instances(&rt, 3, 2, "DrawIndexedInstancedIndirect, arguments copied");

    /* CopyResource of a whole buffer: DrawInstanced arguments (4 vertices, 2 instances, start
     * instance 4) at byte 32. */
    {
        uint32_t whole[16] = { 0 };
        ID3D11Buffer *src2;

        whole[8] = 4; whole[9] = 2; whole[10] = 0; whole[11] = 4;
        if ((src2 = make_buffer(sizeof(whole), 0, 0, whole)))
        {
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)args, (ID3D11Resource *)src2);
            clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
            ID3D11DeviceContext_DrawInstancedIndirect(context, args, 32);
            check_instances(&rt, 4, 2, "DrawInstancedIndirect, arguments from CopyResource");
            ID3D11Buffer_Release(src2);
        }
    }

    /* The UAV writes again over the copied ones; the next indirect draw sees the new values. */
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DeviceContext_DrawInstancedIndirect(context, args, 16);
    check_instances(&rt, 1, 3, "DrawInstancedIndirect after the second UAV write");

    /* DispatchIndirect: { 2, 1, 1 } copied to byte 12 of a zeroed argument buffer. */
    {
        D3D11_BOX box = { 0, 0, 0, 12, 1, 1 };
        static const uint32_t zeros[8];

        dargs = make_buffer(32, 0, D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS, zeros);
        dsrc = make_buffer(sizeof(dispatch_args), 0, 0, dispatch_args);
        out = make_buffer(sizeof(words), D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, NULL);
        if (!dargs || !dsrc || !out || !(out_uav = raw_uav(out, 128)))
            goto done;
        ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)dargs, 0, 12, 0, 0, (ID3D11Resource *)dsrc, 0, &box);
        ID3D11DeviceContext_CSSetShader(context, cs_fill, NULL, 0);
        ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &out_uav, NULL);
        ID3D11DeviceContext_DispatchIndirect(context, dargs, 12);
        ID3D11DeviceContext_DispatchIndirect(context, dargs, 0);   /* zero groups: nothing */
        read_buffer(out, words, sizeof(words));
        for (i = bad = 0; i < 128; ++i)
        {
            uint32_t expect = i < 64 ? i + 7 : 0;
            if (words[i] != expect && !bad++)
                ok(0, "DispatchIndirect: word %u = %u, expected %u", i, words[i], expect);
        }
        ok(!bad, "DispatchIndirect: %u words wrong", bad);
    }
done:
    if (args_uav) ID3D11UnorderedAccessView_Release(args_uav);
    if (out_uav) ID3D11UnorderedAccessView_Release(out_uav);
    if (args) ID3D11Buffer_Release(args);
    if (src) ID3D11Buffer_Release(src);
    if (dargs) ID3D11Buffer_Release(dargs);
    if (dsrc) ID3D11Buffer_Release(dsrc);
    if (out) ID3D11Buffer_Release(out);
    if (cs_args) ID3D11ComputeShader_Release(cs_args);
    if (cs_fill) ID3D11ComputeShader_Release(cs_fill);
    inst_pipeline_destroy(&p);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}


/* Output merger: blending ------------------------------------------------------------------ */

static const D3D11_BLEND color_factors[] =
{
    D3D11_BLEND_ZERO, D3D11_BLEND_ONE, D3D11_BLEND_SRC_COLOR, D3D11_BLEND_INV_SRC_COLOR, D3D11_BLEND_SRC_ALPHA,
    D3D11_BLEND_INV_SRC_ALPHA, D3D11_BLEND_DEST_ALPHA, D3D11_BLEND_INV_DEST_ALPHA, D3D11_BLEND_DEST_COLOR,
    D3D11_BLEND_INV_DEST_COLOR, D3D11_BLEND_SRC_ALPHA_SAT, D3D11_BLEND_BLEND_FACTOR, D3D11_BLEND_INV_BLEND_FACTOR,
    D3D11_BLEND_SRC1_COLOR, D3D11_BLEND_INV_SRC1_COLOR, D3D11_BLEND_SRC1_ALPHA, D3D11_BLEND_INV_SRC1_ALPHA,
};

static const D3D11_BLEND alpha_factors[] =
{
    D3D11_BLEND_ZERO, D3D11_BLEND_ONE, D3D11_BLEND_SRC_ALPHA, D3D11_BLEND_INV_SRC_ALPHA, D3D11_BLEND_DEST_ALPHA,
    D3D11_BLEND_INV_DEST_ALPHA, D3D11_BLEND_SRC_ALPHA_SAT, D3D11_BLEND_BLEND_FACTOR, D3D11_BLEND_INV_BLEND_FACTOR,
    D3D11_BLEND_SRC1_ALPHA, D3D11_BLEND_INV_SRC1_ALPHA,
};

static const D3D11_BLEND_OP blend_ops[] =
{
    D3D11_BLEND_OP_ADD, D3D11_BLEND_OP_SUBTRACT, D3D11_BLEND_OP_REV_SUBTRACT, D3D11_BLEND_OP_MIN, D3D11_BLEND_OP_MAX,
};

/* D3D11's blend factor for component c (3: alpha). */
static float factor_value(D3D11_BLEND f, unsigned int c, const float *s, const float *s1, const float *d, const float *bf)
{
    switch (f)
    {
        case D3D11_BLEND_ZERO: return 0.0f;
        case D3D11_BLEND_ONE: return 1.0f;
        case D3D11_BLEND_SRC_COLOR: return s[c];
        case D3D11_BLEND_INV_SRC_COLOR: return 1.0f - s[c];
        case D3D11_BLEND_SRC_ALPHA: return s[3];
        case D3D11_BLEND_INV_SRC_ALPHA: return 1.0f - s[3];
        case D3D11_BLEND_DEST_ALPHA: return d[3];
        case D3D11_BLEND_INV_DEST_ALPHA: return 1.0f - d[3];
        case D3D11_BLEND_DEST_COLOR: return d[c];
        case D3D11_BLEND_INV_DEST_COLOR: return 1.0f - d[c];
        case D3D11_BLEND_SRC_ALPHA_SAT: return c == 3 ? 1.0f : fminf(s[3], 1.0f - d[3]);
        case D3D11_BLEND_BLEND_FACTOR: return bf[c];
        case D3D11_BLEND_INV_BLEND_FACTOR: return 1.0f - bf[c];
        case D3D11_BLEND_SRC1_COLOR: return s1[c];
        case D3D11_BLEND_INV_SRC1_COLOR: return 1.0f - s1[c];
        case D3D11_BLEND_SRC1_ALPHA: return s1[3];
        case D3D11_BLEND_INV_SRC1_ALPHA: return 1.0f - s1[3];
    }
    return -1.0f;
}

static float blend_value(D3D11_BLEND_OP op, float s, float fs, float d, float fd)
{
    switch (op)
    {
        case D3D11_BLEND_OP_ADD: return s * fs + d * fd;
        case D3D11_BLEND_OP_SUBTRACT: return s * fs - d * fd;
        case D3D11_BLEND_OP_REV_SUBTRACT: return d * fd - s * fs;
        case D3D11_BLEND_OP_MIN: return fminf(s, d);
        case D3D11_BLEND_OP_MAX: return fmaxf(s, d);
    }
    return -1.0f;
}

static ID3D11BlendState *make_blend(const D3D11_BLEND_DESC *bd)
{
    ID3D11BlendState *state = NULL;
    HRESULT hr = ID3D11Device_CreateBlendState(device, bd, &state);

    ok(hr == S_OK, "CreateBlendState: %#lx", (unsigned long)hr);
    return state;
}

/* Every factor as a source and as a destination factor of the colour equation, every
 * alpha-equation factor on both sides, every op on both equations, on a float target (no
 * clamping): 17 states, each result computed here. */
static void test_blend_factors_ops(void)
{
    const float s[4] = { 0.6f, 0.3f, 0.9f, 0.7f }, s1[4] = { 0.2f, 0.8f, 0.5f, 0.4f };
    const float d[4] = { 0.25f, 0.5f, 0.75f, 0.35f }, bf[4] = { 0.3f, 0.6f, 0.1f, 0.45f };
    float consts[8];
    ID3D11Buffer *quad = fullscreen_quad(0.5f, 0);
    struct target rt = { 0 };
    unsigned int i, c;

    if (!quad || !target_init(&rt, 8, 8, DXGI_FORMAT_R32G32B32A32_FLOAT, 1))
        goto done;
    memcpy(consts, s, sizeof(s));
    memcpy(consts + 4, s1, sizeof(s1));
    set_cb(consts, 2);
    for (i = 0; i < ARRAY_SIZE(color_factors); ++i)
    {
        D3D11_BLEND_DESC bd;
        D3D11_RENDER_TARGET_BLEND_DESC *b = &bd.RenderTarget[0];
        ID3D11BlendState *state;
        float expect[4];
        bool good = true;

        memset(&bd, 0, sizeof(bd));
        b->BlendEnable = TRUE;
        b->SrcBlend = color_factors[i];
        b->DestBlend = color_factors[(i + 6) % ARRAY_SIZE(color_factors)];
        b->BlendOp = blend_ops[i % ARRAY_SIZE(blend_ops)];
        b->SrcBlendAlpha = alpha_factors[i % ARRAY_SIZE(alpha_factors)];
        b->DestBlendAlpha = alpha_factors[(i + 4) % ARRAY_SIZE(alpha_factors)];
        b->BlendOpAlpha = blend_ops[(i + 2) % ARRAY_SIZE(blend_ops)];
        b->RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
        if (!(state = make_blend(&bd)))
            continue;
        for (c = 0; c < 4; ++c)
        {
            bool alpha = c == 3;
            expect[c] = blend_value(alpha ? b->BlendOpAlpha : b->BlendOp, s[c],
                    factor_value(alpha ? b->SrcBlendAlpha : b->SrcBlend, c, s, s1, d, bf), d[c],
                    factor_value(alpha ? b->DestBlendAlpha : b->DestBlend, c, s, s1, d, bf));
        }
        clear_rt(&rt, d[0], d[1], d[2], d[3]);
        bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
        ID3D11DeviceContext_OMSetBlendState(context, state, bf, ~0u);
        ID3D11DeviceContext_Draw(context, 4, 0);
        ID3D11BlendState_Release(state);
        target_read(&rt);
        for (c = 0; c < 4; ++c)
            good &= fabsf(pxf(&rt, 3, 3, c) - expect[c]) <= 1e-5f;
        ok(good, "blend %u (src %u dst %u op %u, alpha src %u dst %u op %u): got %.6f %.6f %.6f %.6f, expected %.6f %.6f %.6f %.6f",
                i, b->SrcBlend, b->DestBlend, b->BlendOp, b->SrcBlendAlpha, b->DestBlendAlpha, b->BlendOpAlpha,
                pxf(&rt, 3, 3, 0), pxf(&rt, 3, 3, 1), pxf(&rt, 3, 3, 2), pxf(&rt, 3, 3, 3),
                expect[0], expect[1], expect[2], expect[3]);
    }

    /* Colour factors are not allowed in the alpha equation. */
    {
        D3D11_BLEND_DESC bd;
        ID3D11BlendState *state = NULL;
        HRESULT hr;

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].BlendEnable = TRUE;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].DestBlend = D3D11_BLEND_ONE;
        bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_SRC1_COLOR;
        bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        hr = ID3D11Device_CreateBlendState(device, &bd, &state);
        ok(hr == E_INVALIDARG && !state, "SRC1_COLOR as an alpha factor: %#lx", (unsigned long)hr);
    }
done:
    if (quad) ID3D11Buffer_Release(quad);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

static bool near_u8(uint32_t got, uint32_t expect, unsigned int tolerance)
{
    unsigned int c;

    for (c = 0; c < 32; c += 8)
        if (abs((int)((got >> c) & 0xff) - (int)((expect >> c) & 0xff)) > (int)tolerance)
            return false;
    return true;
}

/* Three targets: independent blend (add / write mask G|A / alpha blend with mask RGB), then
 * the same state without IndependentBlendEnable (RT0's description for all). Then the blend
 * factor and the sample mask. UNORM8 results within one unit. */
static void test_blend_independent_masks(void)
{
    const float consts[12] = { 0.2f, 0.2f, 0.2f, 0.2f,  1.0f, 1.0f, 1.0f, 1.0f,  1.0f, 0.0f, 0.6f, 0.6f };
    ID3D11RenderTargetView *rtvs[3];
    ID3D11Buffer *quad = fullscreen_quad(0.5f, 0);
    ID3D11BlendState *state = NULL, *state2 = NULL;
    D3D11_BLEND_DESC bd;
    struct target rt[3];
    unsigned int i;

    memset(rt, 0, sizeof(rt));
    for (i = 0; i < 3; ++i)
        if (!target_init(&rt[i], 8, 8, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
            goto done;
    memset(&bd, 0, sizeof(bd));
    bd.IndependentBlendEnable = TRUE;
    bd.RenderTarget[0].BlendEnable = TRUE;
    bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].DestBlend = D3D11_BLEND_ONE;
    bd.RenderTarget[0].SrcBlendAlpha = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ONE;
    bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
    bd.RenderTarget[0].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
    bd.RenderTarget[1].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_GREEN | D3D11_COLOR_WRITE_ENABLE_ALPHA;
    bd.RenderTarget[2].BlendEnable = TRUE;
    bd.RenderTarget[2].SrcBlend = D3D11_BLEND_SRC_ALPHA;
    bd.RenderTarget[2].DestBlend = D3D11_BLEND_INV_SRC_ALPHA;
    bd.RenderTarget[2].SrcBlendAlpha = D3D11_BLEND_ONE;
    bd.RenderTarget[2].DestBlendAlpha = D3D11_BLEND_ZERO;
    bd.RenderTarget[2].BlendOp = bd.RenderTarget[2].BlendOpAlpha = D3D11_BLEND_OP_ADD;
    bd.RenderTarget[2].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_RED | D3D11_COLOR_WRITE_ENABLE_GREEN
            | D3D11_COLOR_WRITE_ENABLE_BLUE;
    if (!quad || !(state = make_blend(&bd)))
        goto done;
    bd.IndependentBlendEnable = FALSE;
    if (!(state2 = make_blend(&bd)))
        goto done;
    for (i = 0; i < 3; ++i)
        rtvs[i] = rt[i].rtv;

    set_cb(consts, 3);
    for (i = 0; i < 3; ++i)
        clear_rt(&rt[i], 0.2f, 0.4f, 0.6f, 0.8f);
    bind_basic(&rt[0], NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
    ID3D11DeviceContext_OMSetRenderTargets(context, 3, rtvs, NULL);
    ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
    ID3D11DeviceContext_OMSetBlendState(context, state, NULL, ~0u);
    ID3D11DeviceContext_Draw(context, 4, 0);
    for (i = 0; i < 3; ++i)
        target_read(&rt[i]);
    ok(near_u8(px32(&rt[0], 4, 4), RGBA(102, 153, 204, 255), 1), "RT0 additive: %#x", px32(&rt[0], 4, 4));
    ok(near_u8(px32(&rt[1], 4, 4), RGBA(51, 255, 153, 255), 0), "RT1 write mask G|A: %#x", px32(&rt[1], 4, 4));
    ok(near_u8(px32(&rt[2], 4, 4), RGBA(173, 41, 153, 204), 1), "RT2 alpha blend, mask RGB: %#x", px32(&rt[2], 4, 4));

    /* Not independent: RT0's additive blend everywhere. */
    for (i = 0; i < 3; ++i)
        clear_rt(&rt[i], 0.2f, 0.4f, 0.6f, 0.8f);
    ID3D11DeviceContext_OMSetBlendState(context, state2, NULL, ~0u);
    ID3D11DeviceContext_Draw(context, 4, 0);
    for (i = 0; i < 3; ++i)
        target_read(&rt[i]);
    ok(near_u8(px32(&rt[0], 4, 4), RGBA(102, 153, 204, 255), 1), "RT0, shared description: %#x", px32(&rt[0], 4, 4));
    ok(near_u8(px32(&rt[1], 4, 4), RGBA(255, 255, 255, 255), 0), "RT1, shared description: %#x", px32(&rt[1], 4, 4));
    ok(near_u8(px32(&rt[2], 4, 4), RGBA(255, 102, 255, 255), 1), "RT2, shared description: %#x", px32(&rt[2], 4, 4));

    /* Sample mask on a single-sample target: bit 0 decides. */
    for (i = 0; i < 3; ++i)
        clear_rt(&rt[i], 0.2f, 0.4f, 0.6f, 0.8f);
    ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, ~1u);
    ID3D11DeviceContext_Draw(context, 4, 0);
    target_read(&rt[0]);
    ok(px32(&rt[0], 4, 4) == RGBA(51, 102, 153, 204), "sample mask without bit 0: %#x", px32(&rt[0], 4, 4));
    ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, 1u);
    ID3D11DeviceContext_Draw(context, 4, 0);
    target_read(&rt[0]);
    target_read(&rt[2]);
    ok(px32(&rt[0], 4, 4) == RGBA(51, 51, 51, 51), "sample mask 1: %#x", px32(&rt[0], 4, 4));
    ok(px32(&rt[2], 4, 4) == RGBA(255, 0, 153, 153), "sample mask 1, RT2: %#x", px32(&rt[2], 4, 4));

    /* The blend factor alone: dst * (1 - factor) + src * factor, per channel. */
    {
        const float factor[4] = { 0.0f, 1.0f, 0.6f, 0.2f };
        ID3D11BlendState *fs;

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].BlendEnable = TRUE;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_BLEND_FACTOR;
        bd.RenderTarget[0].DestBlend = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_INV_BLEND_FACTOR;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        if ((fs = make_blend(&bd)))
        {
            const float white[4] = { 1.0f, 1.0f, 1.0f, 1.0f };

            set_cb(white, 1);
            clear_rt(&rt[0], 0.2f, 0.4f, 0.6f, 0.8f);
            ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rt[0].rtv, NULL);
            ID3D11DeviceContext_OMSetBlendState(context, fs, factor, ~0u);
            ID3D11DeviceContext_Draw(context, 4, 0);
            target_read(&rt[0]);
            /* r: 0.2; g: 1; b: 0.6 + 0.6 * 0.4 = 0.84; a: 0.2 + 0.8 * 0.8 = 0.84 */
            ok(near_u8(px32(&rt[0], 4, 4), RGBA(51, 255, 214, 214), 1), "blend factor: %#x", px32(&rt[0], 4, 4));
            ID3D11BlendState_Release(fs);
        }
    }
done:
    if (state) ID3D11BlendState_Release(state);
    if (state2) ID3D11BlendState_Release(state2);
    if (quad) ID3D11Buffer_Release(quad);
    for (i = 0; i < 3; ++i)
        target_destroy(&rt[i]);
    ID3D11DeviceContext_ClearState(context);
}

/* Logic ops (ID3D11BlendState1) on an R8G8B8A8_UINT target: all sixteen, against values
 * computed here. */
static void test_logic_ops(void)
{
    static const uint32_t src[4] = { 0x5a, 0x0f, 0xf0, 0x33 }, dst[4] = { 0xca, 0x3c, 0xff, 0x00 };
    struct target rt = { 0 };
    ID3D11Buffer *quad = fullscreen_quad(0.5f, 0);
    unsigned int op, c;
    float consts[4];

    D3D11_FEATURE_DATA_D3D11_OPTIONS options;
    HRESULT hr;

    if (!device1 || !quad || !target_init(&rt, 8, 8, DXGI_FORMAT_R8G8B8A8_UINT, 1))
        goto done;
    /* Optional on 10_0..11_0, required on 11_1: blend states with logic ops exist where offered. */
    memset(&options, 0, sizeof(options));
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS, &options, sizeof(options));
    ok(hr == S_OK, "CheckFeatureSupport(D3D11_OPTIONS): %#lx", (unsigned long)hr);
    if (!options.OutputMergerLogicOp)
    {
        D3D11_BLEND_DESC1 bd;
        ID3D11BlendState1 *state = NULL;

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].LogicOpEnable = TRUE;
        bd.RenderTarget[0].LogicOp = D3D11_LOGIC_OP_XOR;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        hr = ID3D11Device1_CreateBlendState1(device1, &bd, &state);
        ok(hr == E_INVALIDARG && !state, "logic op without OutputMergerLogicOp: %#lx", (unsigned long)hr);
        printf("note: the device offers no logic ops (OutputMergerLogicOp FALSE)\n");
        goto done;
    }
    memcpy(consts, src, sizeof(src));
    set_cb(consts, 1);
    for (op = D3D11_LOGIC_OP_CLEAR; op <= D3D11_LOGIC_OP_OR_INVERTED; ++op)
    {
        D3D11_BLEND_DESC1 bd;
        ID3D11BlendState1 *state = NULL;
        uint32_t expect = 0;

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].LogicOpEnable = TRUE;
        bd.RenderTarget[0].LogicOp = op;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlend = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        hr = ID3D11Device1_CreateBlendState1(device1, &bd, &state);
        ok(hr == S_OK, "CreateBlendState1(logic op %u): %#lx", op, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        for (c = 0; c < 4; ++c)
        {
            uint32_t s = src[c], d = dst[c], v = 0;

            switch (op)
            {
                case D3D11_LOGIC_OP_CLEAR: v = 0; break;
                case D3D11_LOGIC_OP_SET: v = ~0u; break;
                case D3D11_LOGIC_OP_COPY: v = s; break;
                case D3D11_LOGIC_OP_COPY_INVERTED: v = ~s; break;
                case D3D11_LOGIC_OP_NOOP: v = d; break;
                case D3D11_LOGIC_OP_INVERT: v = ~d; break;
                case D3D11_LOGIC_OP_AND: v = s & d; break;
                case D3D11_LOGIC_OP_NAND: v = ~(s & d); break;
                case D3D11_LOGIC_OP_OR: v = s | d; break;
                case D3D11_LOGIC_OP_NOR: v = ~(s | d); break;
                case D3D11_LOGIC_OP_XOR: v = s ^ d; break;
                case D3D11_LOGIC_OP_EQUIV: v = ~(s ^ d); break;
                case D3D11_LOGIC_OP_AND_REVERSE: v = s & ~d; break;
                case D3D11_LOGIC_OP_AND_INVERTED: v = ~s & d; break;
                case D3D11_LOGIC_OP_OR_REVERSE: v = s | ~d; break;
                case D3D11_LOGIC_OP_OR_INVERTED: v = ~s | d; break;
            }
            expect |= (v & 0xff) << (8 * c);
        }
        clear_rt(&rt, (float)dst[0], (float)dst[1], (float)dst[2], (float)dst[3]);
        bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_PSSetShader(context, ps_uint, NULL, 0);
        ID3D11DeviceContext_OMSetBlendState(context, (ID3D11BlendState *)state, NULL, ~0u);
        ID3D11DeviceContext_Draw(context, 4, 0);
        ID3D11BlendState1_Release(state);
        target_read(&rt);
        ok(px32(&rt, 2, 2) == expect, "logic op %u: %#x, expected %#x", op, px32(&rt, 2, 2), expect);
    }
    /* Blending is bypassed on integer targets: an additive state writes the source as is. */
    {
        D3D11_BLEND_DESC bd;
        ID3D11BlendState *add;
        uint32_t expect = src[0] | (src[1] << 8) | (src[2] << 16) | (src[3] << 24);

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].BlendEnable = TRUE;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].DestBlend = D3D11_BLEND_ONE;
        bd.RenderTarget[0].SrcBlendAlpha = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ONE;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        if ((add = make_blend(&bd)))
        {
            clear_rt(&rt, (float)dst[0], (float)dst[1], (float)dst[2], (float)dst[3]);
            bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
            ID3D11DeviceContext_PSSetShader(context, ps_uint, NULL, 0);
            ID3D11DeviceContext_OMSetBlendState(context, add, NULL, ~0u);
            ID3D11DeviceContext_Draw(context, 4, 0);
            ID3D11BlendState_Release(add);
            target_read(&rt);
            ok(px32(&rt, 2, 2) == expect, "additive blend state on an integer target: %#x, expected %#x", px32(&rt, 2, 2), expect);
        }
    }
    /* Logic ops with blending, or with independent blend, are invalid. */
    {
        D3D11_BLEND_DESC1 bd;
        ID3D11BlendState1 *state = NULL;

        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].LogicOpEnable = TRUE;
        bd.RenderTarget[0].BlendEnable = TRUE;
        bd.RenderTarget[0].LogicOp = D3D11_LOGIC_OP_XOR;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlend = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        hr = ID3D11Device1_CreateBlendState1(device1, &bd, &state);
        ok(hr == E_INVALIDARG && !state, "logic op with blending: %#lx", (unsigned long)hr);
    }
done:
    if (quad) ID3D11Buffer_Release(quad);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Depth and stencil ------------------------------------------------------------------------ */

/* Appends an axis-aligned quad as two triangles, clockwise on screen (front-facing by
 * default) or counter-clockwise. */
static unsigned int add_quad(struct vtx *v, unsigned int n, float x0, float y0, float x1, float y1, float z,
        uint32_t color, bool ccw)
{
    struct vtx a = V(x0, y0, color), b = V(x1, y0, color), c = V(x0, y1, color), d = V(x1, y1, color);

    a.z = b.z = c.z = d.z = z;
    if (!ccw)
    {
        v[n++] = a; v[n++] = b; v[n++] = c;
        v[n++] = b; v[n++] = d; v[n++] = c;
    }
    else
    {
        v[n++] = a; v[n++] = c; v[n++] = b;
        v[n++] = b; v[n++] = c; v[n++] = d;
    }
    return n;
}

static ID3D11DepthStencilState *make_ds_state(const D3D11_DEPTH_STENCIL_DESC *dd)
{
    ID3D11DepthStencilState *state = NULL;
    HRESULT hr = ID3D11Device_CreateDepthStencilState(device, dd, &state);

    ok(hr == S_OK, "CreateDepthStencilState: %#lx", (unsigned long)hr);
    return state;
}

static bool compare(D3D11_COMPARISON_FUNC f, float a, float b)
{
    switch (f)
    {
        case D3D11_COMPARISON_NEVER: return false;
        case D3D11_COMPARISON_LESS: return a < b;
        case D3D11_COMPARISON_EQUAL: return a == b;
        case D3D11_COMPARISON_LESS_EQUAL: return a <= b;
        case D3D11_COMPARISON_GREATER: return a > b;
        case D3D11_COMPARISON_NOT_EQUAL: return a != b;
        case D3D11_COMPARISON_GREATER_EQUAL: return a >= b;
        case D3D11_COMPARISON_ALWAYS: return true;
    }
    return false;
}

/* Each depth function against a buffer cleared to 0.5, with quads at 0.25, 0.5 and 0.75:
 * colour where the test passes, the quad's depth written there; then writes masked off. */
static void test_depth_functions(void)
{
    static const float zs[3] = { 0.25f, 0.5f, 0.75f };
    const uint32_t green = RGBA(0, 0xff, 0, 0xff);
    struct vtx v[18];
    struct target rt = { 0 }, ds = { 0 };
    ID3D11Buffer *vb = NULL;
    unsigned int f, i, n = 0;

    memset(&ds, 0, sizeof(ds));
    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !target_init(&ds, W, H, DXGI_FORMAT_D32_FLOAT, 1))
        goto done;
    for (i = 0; i < 3; ++i)
        n = add_quad(v, n, i * 16.0f, 0, i * 16.0f + 16.0f, 64, zs[i], green, false);
    if (!(vb = vbuf(v, n)))
        goto done;
    for (f = D3D11_COMPARISON_NEVER; f <= D3D11_COMPARISON_ALWAYS + 1; ++f)
    {
        D3D11_DEPTH_STENCIL_DESC dd;
        ID3D11DepthStencilState *state;
        bool write = f <= D3D11_COMPARISON_ALWAYS;
        D3D11_COMPARISON_FUNC func = write ? f : D3D11_COMPARISON_LESS_EQUAL;

        memset(&dd, 0, sizeof(dd));
        dd.DepthEnable = TRUE;
        dd.DepthWriteMask = write ? D3D11_DEPTH_WRITE_MASK_ALL : D3D11_DEPTH_WRITE_MASK_ZERO;
        dd.DepthFunc = func;
        if (!(state = make_ds_state(&dd)))
            continue;
        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_ClearDepthStencilView(context, ds.dsv, D3D11_CLEAR_DEPTH, 0.5f, 0);
        bind_basic(&rt, ds.dsv, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        ID3D11DeviceContext_OMSetDepthStencilState(context, state, 0);
        ID3D11DeviceContext_Draw(context, n, 0);
        ID3D11DepthStencilState_Release(state);
        target_read(&rt);
        target_read(&ds);
        for (i = 0; i < 3; ++i)
        {
            bool pass = compare(func, zs[i], 0.5f);
            float depth = pass && write ? zs[i] : 0.5f;

            ok(px32(&rt, i * 16 + 8, 30) == (pass ? green : CLEAR_COLOR), "depth func %u%s, z %.2f: colour %#x",
                    func, write ? "" : " (no writes)", zs[i], px32(&rt, i * 16 + 8, 30));
            ok(pxf(&ds, i * 16 + 8, 30, 0) == depth, "depth func %u%s, z %.2f: depth %.6f, expected %.6f",
                    func, write ? "" : " (no writes)", zs[i], pxf(&ds, i * 16 + 8, 30, 0), depth);
        }
        ok(pxf(&ds, 56, 30, 0) == 0.5f, "depth outside the quads: %.6f", pxf(&ds, 56, 30, 0));
    }
done:
    if (vb) ID3D11Buffer_Release(vb);
    target_destroy(&rt);
    target_destroy(&ds);
    ID3D11DeviceContext_ClearState(context);
}

static uint8_t stencil_op(D3D11_STENCIL_OP op, uint8_t s, uint8_t ref)
{
    switch (op)
    {
        case D3D11_STENCIL_OP_KEEP: return s;
        case D3D11_STENCIL_OP_ZERO: return 0;
        case D3D11_STENCIL_OP_REPLACE: return ref;
        case D3D11_STENCIL_OP_INCR_SAT: return s == 0xff ? s : s + 1;
        case D3D11_STENCIL_OP_DECR_SAT: return s ? s - 1 : 0;
        case D3D11_STENCIL_OP_INVERT: return ~s;
        case D3D11_STENCIL_OP_INCR: return s + 1;
        case D3D11_STENCIL_OP_DECR: return s - 1;
    }
    return 0;
}

/* Stencil functions and ops per face: a front-facing quad on the left half, a back-facing one
 * on the right; each case has its own function, ops, reference, masks and depth outcome.
 * The stencil values (and colour: only where both tests pass) are read back; D24S8 for all
 * cases, D32S8X24 for every third. */
static void test_stencil_format(DXGI_FORMAT format, unsigned int step)
{
    static const uint8_t values[] = { 0x00, 0x01, 0x80, 0xff, 0x7f, 0x55, 0xa3, 0x10 };
    const uint32_t green = RGBA(0, 0xff, 0, 0xff);
    struct target rt = { 0 }, ds = { 0 };
    struct vtx v[12];
    ID3D11Buffer *vbs[4] = { 0 };
    unsigned int i, k;

    memset(&ds, 0, sizeof(ds));
    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !target_init(&ds, W, H, format, 1))
        goto done;
    /* Four geometry variants: front / back quad at depth 0.25 (passes LESS against 0.5) or 0.75. */
    for (k = 0; k < 4; ++k)
    {
        unsigned int n = add_quad(v, 0, 0, 0, 32, 64, (k & 1) ? 0.75f : 0.25f, green, false);
        n = add_quad(v, n, 32, 0, 64, 64, (k & 2) ? 0.75f : 0.25f, green, true);
        vbs[k] = vbuf(v, n);
    }
    for (i = 0; i < 24; i += step)
    {
        D3D11_DEPTH_STENCIL_DESC dd;
        ID3D11DepthStencilState *state;
        uint8_t s0 = values[i % 8], ref = values[(i * 3 + 1) % 8], rmask = (i & 4) ? 0xf0 : 0xff;
        uint8_t wmask = (i & 8) ? 0x3c : 0xff;
        unsigned int face, geometry = i & 3;

        memset(&dd, 0, sizeof(dd));
        dd.DepthEnable = TRUE;
        dd.DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ZERO;
        dd.DepthFunc = D3D11_COMPARISON_LESS;
        dd.StencilEnable = TRUE;
        dd.StencilReadMask = rmask;
        dd.StencilWriteMask = wmask;
        dd.FrontFace.StencilFunc = D3D11_COMPARISON_NEVER + i % 8;
        dd.FrontFace.StencilFailOp = D3D11_STENCIL_OP_KEEP + i % 8;
        dd.FrontFace.StencilDepthFailOp = D3D11_STENCIL_OP_KEEP + (i + 3) % 8;
        dd.FrontFace.StencilPassOp = D3D11_STENCIL_OP_KEEP + (i + 5) % 8;
        dd.BackFace.StencilFunc = D3D11_COMPARISON_NEVER + (i + 3) % 8;
        dd.BackFace.StencilFailOp = D3D11_STENCIL_OP_KEEP + (i + 1) % 8;
        dd.BackFace.StencilDepthFailOp = D3D11_STENCIL_OP_KEEP + (i + 4) % 8;
        dd.BackFace.StencilPassOp = D3D11_STENCIL_OP_KEEP + (i + 6) % 8;
        if (!(state = make_ds_state(&dd)))
            continue;
        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_ClearDepthStencilView(context, ds.dsv, D3D11_CLEAR_DEPTH | D3D11_CLEAR_STENCIL, 0.5f, s0);
        bind_basic(&rt, ds.dsv, vbs[geometry], D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        ID3D11DeviceContext_OMSetDepthStencilState(context, state, ref);
        ID3D11DeviceContext_Draw(context, 12, 0);
        ID3D11DepthStencilState_Release(state);
        target_read(&rt);
        target_read(&ds);
        for (face = 0; face < 2; ++face)
        {
            const D3D11_DEPTH_STENCILOP_DESC *fd = face ? &dd.BackFace : &dd.FrontFace;
            bool depth_pass = !(geometry & (1u << face));
            bool stencil_pass = compare(fd->StencilFunc, (float)(ref & rmask), (float)(s0 & rmask));
            D3D11_STENCIL_OP op = !stencil_pass ? fd->StencilFailOp : !depth_pass ? fd->StencilDepthFailOp : fd->StencilPassOp;
            uint8_t expect = (s0 & ~wmask) | (stencil_op(op, s0, ref) & wmask);
            unsigned int x = face ? 48 : 16;
            uint32_t got = format == DXGI_FORMAT_D24_UNORM_S8_UINT ? px32(&ds, x, 20) >> 24
                    : ds.data[(20 * W + x) * 8 + 4];

            ok(got == expect, "stencil (format %u) case %u, %s face: func %u ref %#x rmask %#x wmask %#x, initial %#x, op %u: %#x, expected %#x",
                    format, i, face ? "back" : "front", fd->StencilFunc, ref, rmask, wmask, s0, op, got, expect);
            ok(px32(&rt, x, 20) == (stencil_pass && depth_pass ? green : CLEAR_COLOR), "stencil case %u, %s face: colour %#x",
                    i, face ? "back" : "front", px32(&rt, x, 20));
        }
    }
done:
    for (k = 0; k < 4; ++k)
        if (vbs[k])
            ID3D11Buffer_Release(vbs[k]);
    target_destroy(&rt);
    target_destroy(&ds);
    ID3D11DeviceContext_ClearState(context);
}

static void test_stencil(void)
{
    test_stencil_format(DXGI_FORMAT_D24_UNORM_S8_UINT, 1);
    test_stencil_format(DXGI_FORMAT_D32_FLOAT_S8X24_UINT, 3);
}

/* Depth bias per the D3D11 formula: bias = DepthBias * r + SlopeScaledDepthBias * MaxDepthSlope,
 * clamped by DepthBiasClamp (min for > 0, max for < 0); r = 2^(exponent(max z) - 23) for float
 * depth, 1 / (2^n - 1) for n-bit UNORM (one unit; Vulkan lets drivers use up to two units
 * unless VK_EXT_depth_bias_control is used, so 2r is accepted there and said). Tolerance:
 * 1e-6 for the float constant part, 1e-5 with slopes, one unit for UNORM. */
static void test_depth_bias(void)
{
    struct { INT bias; float clamp, slope; bool sloped; DXGI_FORMAT format; } cases[] =
    {
        { 1000, 0.0f, 0.0f, false, DXGI_FORMAT_D32_FLOAT },
        { -3000, 0.0f, 0.0f, false, DXGI_FORMAT_D32_FLOAT },
        { 0, 0.0f, 2.0f, true, DXGI_FORMAT_D32_FLOAT },
        { 0, 0.01f, 2.0f, true, DXGI_FORMAT_D32_FLOAT },
        { 0, -0.005f, -2.0f, true, DXGI_FORMAT_D32_FLOAT },
        { 4000, 0.0f, 1.0f, true, DXGI_FORMAT_D32_FLOAT },
        { -500, 0.0f, 0.0f, false, DXGI_FORMAT_D16_UNORM },
        { 70000, 0.0f, 0.0f, false, DXGI_FORMAT_D24_UNORM_S8_UINT },
    };
    D3D11_DEPTH_STENCIL_DESC dd;
    ID3D11DepthStencilState *always = NULL;
    bool exact_unorm = false, double_unorm = false;
    struct target ds = { 0 };
    unsigned int i;

    memset(&ds, 0, sizeof(ds));
    memset(&dd, 0, sizeof(dd));
    dd.DepthEnable = TRUE;
    dd.DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ALL;
    dd.DepthFunc = D3D11_COMPARISON_ALWAYS;
    if (!(always = make_ds_state(&dd)))
        goto done;
    for (i = 0; i < ARRAY_SIZE(cases); ++i)
    {
        D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, cases[i].bias, cases[i].clamp,
                cases[i].slope, TRUE, FALSE, FALSE, FALSE };
        ID3D11RasterizerState *rs = NULL;
        struct vtx v[4];
        ID3D11Buffer *vb;
        unsigned int x, bad = 0;
        bool unorm = cases[i].format != DXGI_FORMAT_D32_FLOAT;
        double unorm_max = cases[i].format == DXGI_FORMAT_D16_UNORM ? 65535.0 : 16777215.0;
        float z0 = cases[i].sloped ? 0.25f : (unorm ? 0.25f : 0.5f);
        float z1 = cases[i].sloped ? 0.75f : z0;

        if (!target_init(&ds, W, H, cases[i].format, 1))
            continue;
        v[0] = V(0, 0, 0); v[1] = V(W, 0, 0); v[2] = V(0, H, 0); v[3] = V(W, H, 0);
        v[0].z = v[2].z = z0;
        v[1].z = v[3].z = z1;
        vb = vbuf(v, 4);
        ok(SUCCEEDED(ID3D11Device_CreateRasterizerState(device, &rd, &rs)), "CreateRasterizerState");
        ID3D11DeviceContext_ClearDepthStencilView(context, ds.dsv, D3D11_CLEAR_DEPTH, 1.0f, 0);
        bind_basic(NULL, ds.dsv, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_RSSetState(context, rs);
        ID3D11DeviceContext_OMSetDepthStencilState(context, always, 0);
        ID3D11DeviceContext_Draw(context, 4, 0);
        target_read(&ds);
        for (x = 0; x < W; x += 7)
        {
            float z = z0 + (z1 - z0) * (x + 0.5f) / W, slope = (z1 - z0) / W, maxz = fmaxf(z0, z1);
            double r, bias, expect, got;

            if (unorm)
                r = 1.0 / unorm_max;   /* the smallest value above 0 the format holds */
            else
                r = float_depth_unit(maxz);
            bias = cases[i].bias * r + cases[i].slope * slope;
            if (cases[i].clamp > 0.0f)
                bias = fmin(bias, cases[i].clamp);
            else if (cases[i].clamp < 0.0f)
                bias = fmax(bias, cases[i].clamp);
            expect = z + bias;
            if (unorm)
            {
                /* Vulkan lets a driver's unit for fixed-point depth be up to 2 r unless
                 * VK_EXT_depth_bias_control makes it exact: either is accepted, and said. */
                double expect2 = (double)(long)((z + 2.0 * bias) * unorm_max + 0.5);

                got = cases[i].format == DXGI_FORMAT_D16_UNORM ? px16(&ds, x, 10) : (px32(&ds, x, 10) & 0xffffff);
                expect = (double)(long)(expect * unorm_max + 0.5);
                if (fabs(got - expect) <= 1.0)
                    exact_unorm = true;
                else if (fabs(got - expect2) <= 1.0)
                    double_unorm = true;
                else if (!bad++)
                    ok(0, "depth bias case %u (UNORM), x %u: %.0f, expected %.0f (or %.0f with 2r)", i, x, got, expect, expect2);
            }
            else
            {
                got = pxf(&ds, x, 10, 0);
                if (fabs(got - expect) > (cases[i].sloped ? 1e-5 : 1e-6) && !bad++)
                    ok(0, "depth bias case %u, x %u: %.8f, expected %.8f (z %.8f)", i, x, got, expect, z);
            }
        }
        ok(!bad, "depth bias case %u: %u values wrong", i, bad);
        if (rs) ID3D11RasterizerState_Release(rs);
        ID3D11Buffer_Release(vb);
        target_destroy(&ds);
    }
    ok(!(exact_unorm && double_unorm), "UNORM depth bias unit differs between pixels or formats");
    if (double_unorm)
        printf("note: UNORM depth bias uses 2 r on this driver (no VK_EXT_depth_bias_control)\n");
done:
    if (always) ID3D11DepthStencilState_Release(always);
    ID3D11DeviceContext_ClearState(context);
}

/* Depth clip off: geometry beyond the near and far planes is drawn with its depth clamped to
 * the viewport's MinDepth/MaxDepth; with clipping on it is not drawn. */
static void test_depth_clip(void)
{
    const uint32_t green = RGBA(0, 0xff, 0, 0xff);
    D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, FALSE, FALSE, FALSE, FALSE };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, W, H, 0.2f, 0.8f };
    D3D11_DEPTH_STENCIL_DESC dd;
    ID3D11DepthStencilState *always = NULL;
    ID3D11RasterizerState *noclip = NULL;
    ID3D11Buffer *vb = NULL;
    struct target rt = { 0 }, ds = { 0 };
    struct vtx v[18];
    unsigned int n, pass;

    memset(&ds, 0, sizeof(ds));
    memset(&dd, 0, sizeof(dd));
    dd.DepthEnable = TRUE;
    dd.DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ALL;
    dd.DepthFunc = D3D11_COMPARISON_ALWAYS;
    if (!(always = make_ds_state(&dd)) || FAILED(ID3D11Device_CreateRasterizerState(device, &rd, &noclip))
            || !target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !target_init(&ds, W, H, DXGI_FORMAT_D32_FLOAT, 1))
        goto done;
    n = add_quad(v, 0, 0, 0, 16, 64, 1.5f, green, false);
    n = add_quad(v, n, 16, 0, 32, 64, -0.5f, green, false);
    n = add_quad(v, n, 32, 0, 48, 64, 0.5f, green, false);
    vb = vbuf(v, n);
    for (pass = 0; pass < 2; ++pass)
    {
        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        ID3D11DeviceContext_ClearDepthStencilView(context, ds.dsv, D3D11_CLEAR_DEPTH, 1.0f, 0);
        bind_basic(&rt, ds.dsv, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
        ID3D11DeviceContext_RSSetState(context, pass ? rs_nocull : noclip);
        ID3D11DeviceContext_OMSetDepthStencilState(context, always, 0);
        ID3D11DeviceContext_Draw(context, n, 0);
        target_read(&rt);
        target_read(&ds);
        if (!pass)
        {
            check_px(&rt, 8, 8, green, "depth clip off, beyond far");
            check_px(&rt, 24, 8, green, "depth clip off, before near");
            ok(pxf(&ds, 8, 8, 0) == 0.8f, "depth clip off, beyond far: depth %.6f, expected MaxDepth 0.8", pxf(&ds, 8, 8, 0));
            ok(pxf(&ds, 24, 8, 0) == 0.2f, "depth clip off, before near: depth %.6f, expected MinDepth 0.2", pxf(&ds, 24, 8, 0));
        }
        else
        {
            check_px(&rt, 8, 8, CLEAR_COLOR, "depth clip on, beyond far");
            check_px(&rt, 24, 8, CLEAR_COLOR, "depth clip on, before near");
            ok(pxf(&ds, 8, 8, 0) == 1.0f, "depth clip on: depth %.6f", pxf(&ds, 8, 8, 0));
        }
        check_px(&rt, 40, 8, green, "inside the depth range");
        ok(fabsf(pxf(&ds, 40, 8, 0) - 0.5f) < 1e-6f, "inside the depth range: depth %.6f, expected 0.5", pxf(&ds, 40, 8, 0));
    }
done:
    if (vb) ID3D11Buffer_Release(vb);
    if (always) ID3D11DepthStencilState_Release(always);
    if (noclip) ID3D11RasterizerState_Release(noclip);
    target_destroy(&rt);
    target_destroy(&ds);
    ID3D11DeviceContext_ClearState(context);
}

/* Rasterizer ------------------------------------------------------------------------------- */

static ID3D11RasterizerState *make_rs(D3D11_FILL_MODE fill, D3D11_CULL_MODE cull, BOOL ccw, BOOL scissor)
{
    D3D11_RASTERIZER_DESC rd = { fill, cull, ccw, 0, 0.0f, 0.0f, TRUE, scissor, FALSE, FALSE };
    ID3D11RasterizerState *rs = NULL;
    HRESULT hr = ID3D11Device_CreateRasterizerState(device, &rd, &rs);

    ok(hr == S_OK, "CreateRasterizerState: %#lx", (unsigned long)hr);
    return rs;
}

/* Wireframe: the edges of a right triangle drawn, its inside not. Then every cull mode with
 * both front-face windings on a clockwise (left) and a counter-clockwise (right) triangle. */
static void test_fill_cull(void)
{
    const uint32_t green = RGBA(0, 0xff, 0, 0xff);
    const struct vtx tri[] = { V(8.25f, 8.25f, green), V(56.25f, 8.25f, green), V(8.25f, 56.25f, green) };
    const struct vtx both[] =
    {
        V(2, 2, green), V(30, 2, green), V(2, 30, green),       /* clockwise on screen */
        V(34, 2, green), V(34, 30, green), V(62, 2, green),     /* counter-clockwise */
    };
    static const D3D11_CULL_MODE culls[] = { D3D11_CULL_NONE, D3D11_CULL_FRONT, D3D11_CULL_BACK };
    ID3D11RasterizerState *rs;
    ID3D11Buffer *vb;
    struct target rt = { 0 };
    unsigned int c, ccw;

    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    vb = vbuf(tri, 3);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    if ((rs = make_rs(D3D11_FILL_WIREFRAME, D3D11_CULL_NONE, FALSE, FALSE)))
    {
        ID3D11DeviceContext_RSSetState(context, rs);
        ID3D11RasterizerState_Release(rs);
    }
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11Buffer_Release(vb);
    target_read(&rt);
    check_rect(&rt, 12, 8, 52, 9, green, "wireframe, top edge");
    check_rect(&rt, 8, 12, 9, 52, green, "wireframe, left edge");
    check_px(&rt, 30, 34, green, "wireframe, diagonal edge");
    check_rect(&rt, 10, 10, 30, 30, CLEAR_COLOR, "wireframe, inside");
    check_rect(&rt, 12, 7, 52, 8, CLEAR_COLOR, "wireframe, above the top edge");
    check_px(&rt, 50, 50, CLEAR_COLOR, "wireframe, outside");

    vb = vbuf(both, 6);
    for (c = 0; c < ARRAY_SIZE(culls); ++c)
        for (ccw = 0; ccw < 2; ++ccw)
        {
            bool cw_front = !ccw, draw_cw, draw_ccw;

            if (!(rs = make_rs(D3D11_FILL_SOLID, culls[c], ccw, FALSE)))
                continue;
            draw_cw = culls[c] == D3D11_CULL_NONE || (culls[c] == D3D11_CULL_FRONT) != cw_front;
            draw_ccw = culls[c] == D3D11_CULL_NONE || (culls[c] == D3D11_CULL_FRONT) != !cw_front;
            clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
            bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
            ID3D11DeviceContext_RSSetState(context, rs);
            ID3D11RasterizerState_Release(rs);
            ID3D11DeviceContext_Draw(context, 6, 0);
            target_read(&rt);
            ok(px32(&rt, 6, 6) == (draw_cw ? green : CLEAR_COLOR), "cull %u, FrontCounterClockwise %u: clockwise triangle %#x",
                    culls[c], ccw, px32(&rt, 6, 6));
            ok(px32(&rt, 38, 6) == (draw_ccw ? green : CLEAR_COLOR), "cull %u, FrontCounterClockwise %u: counter-clockwise triangle %#x",
                    culls[c], ccw, px32(&rt, 38, 6));
        }
    /* No rasterizer state: back faces (counter-clockwise) culled. */
    clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
    bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_RSSetState(context, NULL);
    ID3D11DeviceContext_Draw(context, 6, 0);
    target_read(&rt);
    check_px(&rt, 6, 6, green, "default state, clockwise");
    check_px(&rt, 38, 6, CLEAR_COLOR, "default state, counter-clockwise");
    ID3D11Buffer_Release(vb);
done:
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* The GS sends each triangle to four viewports (the quadrants) through SV_ViewportArrayIndex,
 * coloured by viewport; each viewport has its own scissor rectangle. */
static void gs_viewports_text(char *buf, size_t size)
{
    int n = snprintf(buf, size,
        "gs_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
        "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 xyzw COLOR 0 NONE float -\n"
        "// sig output 2 x SV_ViewportArrayIndex 0 VPINDEX uint -\n"
        "dcl_input_siv v[3][0].xyzw, position\n"
        "dcl_input v[3][1].xyzw\n"
        "dcl_inputprimitive triangle\n"
        "dcl_outputtopology trianglestrip\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output o1.xyzw\n"
        "dcl_output_siv o2.x, viewport_array_index\n"
        "dcl_maxout 12\n");
    unsigned int k, j;

    for (k = 0; k < 4; ++k)
    {
        for (j = 0; j < 3; ++j)
            n += snprintf(buf + n, size - n,
                "mov o0.xyzw, v[%u][0].xyzw\n"
                "mov o1.xyzw, l(%u.0, %u.0, %u.0, 1.0)\n"
                "mov o2.x, l(%u)\n"
                "emit\n", j, k & 1, (k >> 1) & 1, k == 0, k);
        n += snprintf(buf + n, size - n, "cut\n");
    }
    snprintf(buf + n, size - n, "ret\n");
}

static uint32_t viewport_color(unsigned int k)
{
    return RGBA((k & 1) ? 0xff : 0, (k & 2) ? 0xff : 0, k == 0 ? 0xff : 0, 0xff);
}

static void test_scissor_viewports(void)
{
    D3D11_VIEWPORT vps[4];
    D3D11_RECT rects[4];
    ID3D11GeometryShader *gs = NULL;
    ID3D11RasterizerState *rs_scissor = NULL, *rs_noscissor = NULL;
    ID3D11Buffer *quad = NULL;
    struct target rt = { 0 };
    char text[8192];
    unsigned int k, pass;

    if (!target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        goto done;
    gs_viewports_text(text, sizeof(text));
    gs = make_gs(text);
    rs_scissor = make_rs(D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, TRUE);
    rs_noscissor = make_rs(D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, FALSE);
    quad = fullscreen_quad(0.5f, RGBA(0xff, 0xff, 0xff, 0xff));
    if (!gs || !rs_scissor || !rs_noscissor || !quad)
        goto done;
    for (k = 0; k < 4; ++k)
    {
        UINT qx = (k & 1) * 32, qy = (k >> 1) * 32;

        vps[k].TopLeftX = (float)qx;
        vps[k].TopLeftY = (float)qy;
        vps[k].Width = vps[k].Height = 32.0f;
        vps[k].MinDepth = 0.0f;
        vps[k].MaxDepth = 1.0f;
        rects[k].left = qx + 4;
        rects[k].top = qy + 4;
        rects[k].right = qx + 12 + 4 * k;
        rects[k].bottom = qy + 12 + 2 * k;
    }

    /* Without a GS, only viewport 0 and scissor 0 count; a disabled scissor clips nothing. */
    for (pass = 0; pass < 2; ++pass)
    {
        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_RSSetViewports(context, 4, vps);
        ID3D11DeviceContext_RSSetScissorRects(context, 4, rects);
        ID3D11DeviceContext_RSSetState(context, pass ? rs_scissor : rs_noscissor);
        ID3D11DeviceContext_Draw(context, 4, 0);
        target_read(&rt);
        if (!pass)
        {
            check_rect(&rt, 0, 0, 32, 32, RGBA(0xff, 0xff, 0xff, 0xff), "viewport 0, scissor off");
            check_rect(&rt, 32, 0, 64, 64, CLEAR_COLOR, "outside viewport 0 (right)");
            check_rect(&rt, 0, 32, 32, 64, CLEAR_COLOR, "outside viewport 0 (below)");
        }
        else
        {
            check_rect(&rt, 4, 4, 12, 12, RGBA(0xff, 0xff, 0xff, 0xff), "viewport 0, scissor 0");
            check_rect(&rt, 12, 0, 64, 64, CLEAR_COLOR, "right of scissor 0");
            check_rect(&rt, 0, 12, 12, 64, CLEAR_COLOR, "below scissor 0");
            check_rect(&rt, 0, 0, 4, 12, CLEAR_COLOR, "left of scissor 0");
        }
    }

    /* Empty viewports (D3D11 allows width or height 0) draw nothing; no viewport at all neither. */
    {
        D3D11_VIEWPORT empty[2] = { { 0.0f, 0.0f, 0.0f, 32.0f, 0.0f, 1.0f }, { 0.0f, 0.0f, 32.0f, 0.0f, 0.0f, 1.0f } };

        for (k = 0; k < 3; ++k)
        {
            clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
            bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
            ID3D11DeviceContext_RSSetViewports(context, k < 2 ? 1 : 0, k < 2 ? &empty[k] : NULL);
            ID3D11DeviceContext_Draw(context, 4, 0);
            target_read(&rt);
            check_rect(&rt, 0, 0, W, H, CLEAR_COLOR, k == 0 ? "viewport of width 0" : k == 1 ? "viewport of height 0" : "no viewport");
        }
    }

    /* With the GS: each quadrant in its own colour, clipped by its own scissor when enabled. */
    for (pass = 0; pass < 2; ++pass)
    {
        clear_rt(&rt, 0.0f, 0.0f, 0.0f, 0.0f);
        bind_basic(&rt, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
        ID3D11DeviceContext_RSSetViewports(context, 4, vps);
        ID3D11DeviceContext_RSSetScissorRects(context, 4, rects);
        ID3D11DeviceContext_RSSetState(context, pass ? rs_scissor : rs_noscissor);
        ID3D11DeviceContext_Draw(context, 4, 0);
        target_read(&rt);
        for (k = 0; k < 4; ++k)
        {
            UINT qx = (k & 1) * 32, qy = (k >> 1) * 32, x, y, bad = 0;

            for (y = qy; y < qy + 32; ++y)
                for (x = qx; x < qx + 32; ++x)
                {
                    bool inside = !pass || ((LONG)x >= rects[k].left && (LONG)x < rects[k].right
                            && (LONG)y >= rects[k].top && (LONG)y < rects[k].bottom);
                    uint32_t expect = inside ? viewport_color(k) : 0;

                    if (px32(&rt, x, y) != expect && !bad++)
                        ok(0, "viewport %u, scissor %s: pixel (%u,%u) %#x, expected %#x", k, pass ? "on" : "off",
                                x, y, px32(&rt, x, y), expect);
                }
            ok(!bad, "viewport %u, scissor %s: %u pixels wrong", k, pass ? "on" : "off", bad);
        }
    }
done:
    if (gs) ID3D11GeometryShader_Release(gs);
    if (rs_scissor) ID3D11RasterizerState_Release(rs_scissor);
    if (rs_noscissor) ID3D11RasterizerState_Release(rs_noscissor);
    if (quad) ID3D11Buffer_Release(quad);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* MSAA ------------------------------------------------------------------------------------- */

#define MS 16   /* multisampled targets are MS x MS */

/* Reads every sample of a 4x R32_FLOAT texture: u0[(s * MS + y) * MS + x] = t0.sample(s)[x, y]. */
static const char cs_samples_text[] =
    "cs_5_0\n"
    "dcl_resource_texture2dms(4) (float,float,float,float) t0\n"
    "dcl_uav_raw u0\n"
    "dcl_input vThreadID.xyz\n"
    "dcl_temps 2\n"
    "dcl_thread_group 16, 16, 1\n"
    "mov r0.xy, vThreadID.xyxx\n"
    "mov r0.zw, l(0, 0, 0, 0)\n"
    "ld_ms r1.x, r0.xyzw, t0.xyzw, vThreadID.z\n"
    "imad r0.z, vThreadID.z, l(16), vThreadID.y\n"
    "imad r0.z, r0.z, l(16), vThreadID.x\n"
    "ishl r0.z, r0.z, l(2)\n"
    "store_raw u0.x, r0.z, r1.x\n"
    "ret\n";

struct ms_target
{
    ID3D11Texture2D *tex;
    ID3D11RenderTargetView *rtv;
    ID3D11ShaderResourceView *srv;
};

static bool ms_target_init(struct ms_target *t, DXGI_FORMAT format, UINT quality, bool srv)
{
    D3D11_TEXTURE2D_DESC desc = { MS, MS, 1, 1, format, { 4, quality }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | (srv ? D3D11_BIND_SHADER_RESOURCE : 0), 0, 0 };
    HRESULT hr;

    memset(t, 0, sizeof(*t));
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->tex);
    ok(hr == S_OK, "CreateTexture2D(4 samples, quality %#x): %#lx", quality, (unsigned long)hr);
    if (FAILED(hr))
        return false;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t->tex, NULL, &t->rtv);
    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    if (srv)
    {
        hr = ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t->tex, NULL, &t->srv);
        ok(hr == S_OK, "CreateShaderResourceView: %#lx", (unsigned long)hr);
    }
    return t->rtv && (!srv || t->srv);
}

static void ms_target_destroy(struct ms_target *t)
{
    if (t->srv) ID3D11ShaderResourceView_Release(t->srv);
    if (t->rtv) ID3D11RenderTargetView_Release(t->rtv);
    if (t->tex) ID3D11Texture2D_Release(t->tex);
}

/* Every sample of every pixel through a compute shader's ld_ms. */
static bool read_samples(ID3D11ComputeShader *cs, struct ms_target *t, ID3D11UnorderedAccessView *uav,
        ID3D11Buffer *out, float *samples)
{
    ID3D11DeviceContext_OMSetRenderTargets(context, 0, NULL, NULL);
    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    ID3D11DeviceContext_CSSetShaderResources(context, 0, 1, &t->srv);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    ID3D11DeviceContext_Dispatch(context, 1, 1, 4);
    return read_buffer(out, samples, 4 * MS * MS * sizeof(float));
}

/* Sample masks per sample, alpha-to-coverage, partial coverage of the standard pattern, and
 * a resolve. */
static void test_msaa(void)
{
    ID3D11ComputeShader *cs = make_cs(cs_samples_text);
    ID3D11Buffer *out = make_buffer(4 * MS * MS * 4, D3D11_BIND_UNORDERED_ACCESS, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, NULL);
    ID3D11Buffer *quad = fullscreen_quad(0.5f, 0);
    ID3D11UnorderedAccessView *uav = NULL;
    ID3D11BlendState *a2c = NULL;
    struct ms_target ms, ms8, std;
    static float samples[4 * MS * MS];
    static const UINT masks[] = { 0x5, 0xf, 0xa, 0x0, 0x8 };
    UINT quality = 0;
    unsigned int i, x, y, s, bad;
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, MS, MS, 0.0f, 1.0f };
    float consts[4] = { 1.0f, 0.0f, 0.0f, 1.0f };

    memset(&ms, 0, sizeof(ms));
    memset(&ms8, 0, sizeof(ms8));
    memset(&std, 0, sizeof(std));
    ok(SUCCEEDED(ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R32_FLOAT, 4, &quality)) && quality,
            "R32_FLOAT supports 4 samples");
    if (!cs || !out || !quad || !(uav = raw_uav(out, 4 * MS * MS)) || !ms_target_init(&ms, DXGI_FORMAT_R32_FLOAT, 0, true))
        goto done;

    for (i = 0; i < ARRAY_SIZE(masks); ++i)
    {
        const float zero[4] = { 0 };

        set_cb(consts, 1);
        ID3D11DeviceContext_ClearRenderTargetView(context, ms.rtv, zero);
        bind_basic(NULL, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &ms.rtv, NULL);
        ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
        ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
        ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, masks[i]);
        ID3D11DeviceContext_Draw(context, 4, 0);
        read_samples(cs, &ms, uav, out, samples);
        for (s = bad = 0; s < 4; ++s)
            for (y = 0; y < MS; ++y)
                for (x = 0; x < MS; ++x)
                {
                    float expect = (masks[i] >> s) & 1 ? 1.0f : 0.0f, got = samples[(s * MS + y) * MS + x];
                    if (got != expect && !bad++)
                        ok(0, "sample mask %#x: pixel (%u,%u) sample %u = %.3f, expected %.0f", masks[i], x, y, s, got, expect);
                }
        ok(!bad, "sample mask %#x: %u samples wrong", masks[i], bad);
        ID3D11DeviceContext_ClearState(context);
    }

    /* Alpha to coverage: alpha 0 covers no sample, alpha 1 all; 0.5 covers between a quarter
     * and three quarters of them over the target (the pattern is the implementation's). */
    {
        D3D11_BLEND_DESC bd;
        static const float alphas[] = { 0.0f, 1.0f, 0.5f };

        memset(&bd, 0, sizeof(bd));
        bd.AlphaToCoverageEnable = TRUE;
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlend = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = 0xf;
        if (!(a2c = make_blend(&bd)))
            goto done;
        for (i = 0; i < ARRAY_SIZE(alphas); ++i)
        {
            const float zero[4] = { 0 };
            unsigned int covered = 0, others = 0;

            consts[3] = alphas[i];
            set_cb(consts, 1);
            ID3D11DeviceContext_ClearRenderTargetView(context, ms.rtv, zero);
            bind_basic(NULL, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
            ID3D11DeviceContext_OMSetRenderTargets(context, 1, &ms.rtv, NULL);
            ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
            ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
            ID3D11DeviceContext_OMSetBlendState(context, a2c, NULL, ~0u);
            ID3D11DeviceContext_Draw(context, 4, 0);
            read_samples(cs, &ms, uav, out, samples);
            for (s = 0; s < 4 * MS * MS; ++s)
            {
                if (samples[s] == 1.0f)
                    ++covered;
                else if (samples[s] != 0.0f)
                    ++others;
            }
            ok(!others, "alpha to coverage %.1f: %u samples neither cleared nor written", alphas[i], others);
            if (alphas[i] == 0.0f)
                ok(!covered, "alpha to coverage 0: %u samples covered", covered);
            else if (alphas[i] == 1.0f)
                ok(covered == 4 * MS * MS, "alpha to coverage 1: %u of %u samples covered", covered, 4 * MS * MS);
            else
                ok(covered >= MS * MS && covered <= 3 * MS * MS, "alpha to coverage 0.5: %u of %u samples covered",
                        covered, 4 * MS * MS);
            ID3D11DeviceContext_ClearState(context);
        }
    }

    /* The standard 4x pattern (samples at (-2,-6) (6,-2) (-6,2) (2,6) sixteenths of a pixel
     * from the centre): a quad whose right edge runs through the centres of column 5 covers
     * samples 0 and 2 of that column, all of columns 0..4, none right of it. */
    if (ms_target_init(&std, DXGI_FORMAT_R32_FLOAT, D3D11_STANDARD_MULTISAMPLE_PATTERN, true))
    {
        const float zero[4] = { 0 };
        struct vtx v[4] = { V(0, 0, 0), V(5.5f * W / MS, 0, 0), V(0, H, 0), V(5.5f * W / MS, H, 0) };
        ID3D11Buffer *vb = vbuf(v, 4);

        consts[3] = 1.0f;
        set_cb(consts, 1);
        ID3D11DeviceContext_ClearRenderTargetView(context, std.rtv, zero);
        bind_basic(NULL, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &std.rtv, NULL);
        ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
        ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
        ID3D11DeviceContext_Draw(context, 4, 0);
        read_samples(cs, &std, uav, out, samples);
        for (s = bad = 0; s < 4; ++s)
            for (y = 0; y < MS; ++y)
                for (x = 0; x < MS; ++x)
                {
                    float expect = x < 5 || (x == 5 && (s == 0 || s == 2)) ? 1.0f : 0.0f, got = samples[(s * MS + y) * MS + x];
                    if (got != expect && !bad++)
                        ok(0, "standard pattern: pixel (%u,%u) sample %u = %.3f, expected %.0f", x, y, s, got, expect);
                }
        ok(!bad, "standard pattern: %u samples wrong", bad);
        ID3D11Buffer_Release(vb);
        ID3D11DeviceContext_ClearState(context);
    }

    /* Resolve: white through sample mask 0x5 over black averages to half. */
    if (ms_target_init(&ms8, DXGI_FORMAT_R8G8B8A8_UNORM, 0, false))
    {
        const float black[4] = { 0.0f, 0.0f, 0.0f, 0.0f }, white[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
        struct target rt;

        if (target_init(&rt, MS, MS, DXGI_FORMAT_R8G8B8A8_UNORM, 1))
        {
            set_cb(white, 1);
            ID3D11DeviceContext_ClearRenderTargetView(context, ms8.rtv, black);
            bind_basic(NULL, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
            ID3D11DeviceContext_OMSetRenderTargets(context, 1, &ms8.rtv, NULL);
            ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
            ID3D11DeviceContext_PSSetShader(context, ps_cb, NULL, 0);
            ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, 0x5);
            ID3D11DeviceContext_Draw(context, 4, 0);
            ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)rt.tex, 0, (ID3D11Resource *)ms8.tex, 0,
                    DXGI_FORMAT_R8G8B8A8_UNORM);
            target_read(&rt);
            ok(near_u8(px32(&rt, 7, 7), RGBA(128, 128, 128, 128), 1), "resolve of mask 0x5: %#x", px32(&rt, 7, 7));
            target_destroy(&rt);
        }
    }
done:
    if (a2c) ID3D11BlendState_Release(a2c);
    if (uav) ID3D11UnorderedAccessView_Release(uav);
    if (out) ID3D11Buffer_Release(out);
    if (quad) ID3D11Buffer_Release(quad);
    if (cs) ID3D11ComputeShader_Release(cs);
    ms_target_destroy(&ms);
    ms_target_destroy(&ms8);
    ms_target_destroy(&std);
    ID3D11DeviceContext_ClearState(context);
}

/* ForcedSampleCount (UAV-only rendering): the PS ORs SV_Coverage into its pixel's word (a
 * pixel may be shaded once per triangle where a clipped primitive was split). */
static const char ps_coverage_text[] =
    "ps_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xy\n"
    "dcl_uav_typed_buffer (uint,uint,uint,uint) u0\n"
    "dcl_input_ps_siv linear noperspective v0.xy, position\n"
    "dcl_input vCoverage\n"
    "dcl_temps 1\n"
    "ftou r0.xy, v0.xyxx\n"
    "imad r0.x, r0.y, l(16), r0.x\n"
    "atomic_or u0, r0.x, vCoverage.x\n"
    "ret\n";

static void test_forced_sample_count(void)
{
    D3D11_FEATURE_DATA_D3D11_OPTIONS options;
    ID3D11PixelShader *ps = make_ps(ps_coverage_text);
    ID3D11Buffer *out = make_buffer(MS * MS * 4, D3D11_BIND_UNORDERED_ACCESS, 0, NULL);
    /* One triangle over the whole viewport: a pixel on a shared edge would run the PS once per
     * triangle, each with part of the coverage. */
    const struct vtx big[3] = { V(0, 0, 0), V(2 * W, 0, 0), V(0, 2 * H, 0) };
    ID3D11Buffer *quad = vbuf(big, 3);
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, MS, MS, 0.0f, 1.0f };
    /* 8 and 16 are valid counts too, but lavapipe rasterizes without attachments at 1 and 4
     * samples only (framebufferNoAttachmentsSampleCounts): there they are drawn at the highest
     * count the device offers, so only "a full mask of 4..N samples" is checked. */
    static const UINT counts[] = { 0, 1, 4, 8, 16 }, more[] = { 2, 8, 16 };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11UnorderedAccessView *uav = NULL;
    uint32_t words[MS * MS];
    unsigned int i, p, bad;
    HRESULT hr;

    memset(&options, 0, sizeof(options));
    ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS, &options, sizeof(options));
    /* Invalid counts are refused whatever the device. */
    {
        D3D11_RASTERIZER_DESC1 rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE, 3 };
        ID3D11RasterizerState1 *rs = NULL;

        hr = ID3D11Device1_CreateRasterizerState1(device1, &rd, &rs);
        ok(hr == E_INVALIDARG && !rs, "ForcedSampleCount 3: %#lx", (unsigned long)hr);
        for (i = 0; i < ARRAY_SIZE(more); ++i)
        {
            rd.ForcedSampleCount = more[i];
            hr = ID3D11Device1_CreateRasterizerState1(device1, &rd, &rs);
            ok(hr == S_OK, "ForcedSampleCount %u: %#lx", more[i], (unsigned long)hr);
            if (SUCCEEDED(hr))
                ID3D11RasterizerState1_Release(rs);
        }
    }
    if (!options.UAVOnlyRenderingForcedSampleCount)
    {
        printf("note: no UAV-only rendering with a forced sample count on this device\n");
        goto done;
    }
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_UINT;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.NumElements = MS * MS;
    if (!ps || !out || !quad || FAILED(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)out, &ud, &uav)))
        goto done;
    for (i = 0; i < ARRAY_SIZE(counts); ++i)
    {
        D3D11_RASTERIZER_DESC1 rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE, counts[i] };
        const UINT zero[4] = { 0 };
        ID3D11RasterizerState1 *rs = NULL;
        UINT expect = counts[i] ? counts[i] : 1;

        hr = ID3D11Device1_CreateRasterizerState1(device1, &rd, &rs);
        ok(hr == S_OK, "CreateRasterizerState1(ForcedSampleCount %u): %#lx", counts[i], (unsigned long)hr);
        if (FAILED(hr))
            continue;
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, zero);
        bind_basic(NULL, NULL, quad, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        ID3D11DeviceContext_OMSetRenderTargetsAndUnorderedAccessViews(context, 0, NULL, NULL, 0, 1, &uav, NULL);
        ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
        ID3D11DeviceContext_RSSetState(context, (ID3D11RasterizerState *)rs);
        ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
        ID3D11DeviceContext_Draw(context, 3, 0);
        ID3D11RasterizerState1_Release(rs);
        ID3D11DeviceContext_ClearState(context);
        read_buffer(out, words, sizeof(words));
        for (p = bad = 0; p < MS * MS; ++p)
        {
            bool good = words[p] == (1u << expect) - 1;

            if (expect > 4)
                good = (words[p] == 0xf || words[p] == 0xff || words[p] == 0xffff) && words[p] <= (1u << expect) - 1
                        && words[p] == (words[0]);
            if (!good && !bad++)
                ok(0, "ForcedSampleCount %u: pixel %u coverage %#x, expected %u samples", counts[i], p, words[p], expect);
        }
        if (expect > 4 && words[0] != (1u << expect) - 1)
            printf("note: ForcedSampleCount %u rasterized with coverage %#x on this device\n", counts[i], words[0]);
        ok(!bad, "ForcedSampleCount %u: %u pixels wrong", counts[i], bad);
    }
done:
    if (uav) ID3D11UnorderedAccessView_Release(uav);
    if (ps) ID3D11PixelShader_Release(ps);
    if (out) ID3D11Buffer_Release(out);
    if (quad) ID3D11Buffer_Release(quad);
    ID3D11DeviceContext_ClearState(context);
}

/* Conservative rasterization where CheckFeatureSupport offers it: a tiny triangle that covers
 * no pixel centre lights its pixel; where not offered, CreateRasterizerState2 fails. */
static void test_conservative(void)
{
    D3D11_FEATURE_DATA_D3D11_OPTIONS2 options;
    D3D11_RASTERIZER_DESC2 rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, FALSE, FALSE, 0,
            D3D11_CONSERVATIVE_RASTERIZATION_MODE_ON };
    const uint32_t green = RGBA(0, 0xff, 0, 0xff);
    const struct vtx tri[] = { V(10.1f, 10.1f, green), V(10.3f, 10.1f, green), V(10.1f, 10.3f, green) };
    ID3D11RasterizerState2 *rs = NULL;
    ID3D11Device3 *device3 = NULL;
    ID3D11Buffer *vb = NULL;
    struct target rt = { 0 };
    unsigned int pass;
    HRESULT hr;

    memset(&rt, 0, sizeof(rt));
    hr = ID3D11Device_QueryInterface(device, &IID_ID3D11Device3, (void **)&device3);
    ok(hr == S_OK, "QueryInterface(ID3D11Device3): %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    memset(&options, 0, sizeof(options));
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS2, &options, sizeof(options));
    ok(hr == S_OK, "CheckFeatureSupport(D3D11_OPTIONS2): %#lx", (unsigned long)hr);
    hr = ID3D11Device3_CreateRasterizerState2(device3, &rd, &rs);
    if (options.ConservativeRasterizationTier == D3D11_CONSERVATIVE_RASTERIZATION_NOT_SUPPORTED)
    {
        ok(hr == E_INVALIDARG && !rs, "conservative rasterization where the tier is NOT_SUPPORTED: %#lx", (unsigned long)hr);
        printf("note: no conservative rasterization on this device\n");
        goto done;
    }
    ok(hr == S_OK, "CreateRasterizerState2(conservative): %#lx", (unsigned long)hr);
    if (FAILED(hr) || !target_init(&rt, W, H, DXGI_FORMAT_R8G8B8A8_UNORM, 1) || !(vb = vbuf(tri, 3)))
        goto done;
    for (pass = 0; pass < 2; ++pass)
    {
        clear_rt(&rt, 0.0f, 0.0f, 1.0f, 1.0f);
        bind_basic(&rt, NULL, vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
        if (pass)
            ID3D11DeviceContext_RSSetState(context, (ID3D11RasterizerState *)rs);
        ID3D11DeviceContext_Draw(context, 3, 0);
        target_read(&rt);
        check_px(&rt, 10, 10, pass ? green : CLEAR_COLOR, pass ? "conservative: the touched pixel" : "not conservative");
        check_px(&rt, 12, 12, CLEAR_COLOR, "conservative: an untouched pixel");
    }
done:
    if (vb) ID3D11Buffer_Release(vb);
    if (rs) ID3D11RasterizerState2_Release(rs);
    ID3D11Device3_Release(device3);
    target_destroy(&rt);
    ID3D11DeviceContext_ClearState(context);
}

/* Main ------------------------------------------------------------------------------------- */

int main(void)
{
    static const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0 };
    HRESULT hr;

    if (!test_init())
        return test_finish();
    /* 11_1 where offered: UAV-only rendering with a forced sample count is an 11_1 feature. */
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, levels, ARRAY_SIZE(levels), D3D11_SDK_VERSION,
            &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    hr = ID3D11Device_QueryInterface(device, &IID_ID3D11Device1, (void **)&device1);
    ok(hr == S_OK, "QueryInterface(ID3D11Device1): %#lx", (unsigned long)hr);
    if (setup())
    {
        run_test(test_points_lines);
        run_test(test_triangles_indices);
        run_test(test_adjacency);
        run_test(test_patch_lists);
        run_test(test_instancing);
        run_test(test_indirect_gpu_args);
        run_test(test_blend_factors_ops);
        run_test(test_blend_independent_masks);
        run_test(test_logic_ops);
        run_test(test_depth_functions);
        run_test(test_stencil);
        run_test(test_depth_bias);
        run_test(test_depth_clip);
        run_test(test_fill_cull);
        run_test(test_scissor_viewports);
        run_test(test_msaa);
        run_test(test_forced_sample_count);
        run_test(test_conservative);
    }
    teardown();
    if (device1)
        ID3D11Device1_Release(device1);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
