/* test_draw_state.c — draws through the fixed-function state: a texture sampled with a point
 * sampler (every quadrant of a 2x2 texture), the depth test against a cleared depth buffer,
 * additive blending, and a scissor rectangle; pixels read back and compared exactly. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define RT_SIZE 32

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xy TEXCOORD 0 NONE float -\n"
    "dcl_input v0.xyzw\n"
    "dcl_input v1.xy\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xy\n"
    "mov o0.xyzw, v0.xyzw\n"
    "mov o1.xy, v1.xyxx\n"
    "ret\n";

static const char ps_sample_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_input_ps linear v1.xy\n"
    "dcl_output o0.xyzw\n"
    "sample o0.xyzw, v1.xyxx, t0.xyzw, s0\n"
    "ret\n";

static const char ps_color_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_constantbuffer CB0[1], immediateIndexed\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, cb0[0].xyzw\n"
    "ret\n";

struct vertex
{
    float x, y, z, w, u, v;
};

static ID3D11VertexShader *vs;
static ID3D11PixelShader *ps_sample, *ps_color;
static ID3D11InputLayout *layout;
static ID3D11Texture2D *rt, *staging;
static ID3D11RenderTargetView *rtv;
static uint32_t pixels[RT_SIZE * RT_SIZE];

#define PIXEL(x, y) pixels[(y) * RT_SIZE + (x)]

static bool setup(void)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "TEXCOORD", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 16, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    D3D11_TEXTURE2D_DESC td = { RT_SIZE, RT_SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    void *vs_blob, *blob;
    size_t vs_size, size;
    char error[256];
    bool ret = true;

    ok(dxbc_assemble(vs_text, &vs_blob, &vs_size, error, sizeof(error)), "vs: %s", error);
    ret &= SUCCEEDED(ID3D11Device_CreateVertexShader(device, vs_blob, vs_size, NULL, &vs));
    ret &= SUCCEEDED(ID3D11Device_CreateInputLayout(device, elements, ARRAY_SIZE(elements), vs_blob, vs_size, &layout));
    free(vs_blob);
    ok(dxbc_assemble(ps_sample_text, &blob, &size, error, sizeof(error)), "ps: %s", error);
    ret &= SUCCEEDED(ID3D11Device_CreatePixelShader(device, blob, size, NULL, &ps_sample));
    free(blob);
    ok(dxbc_assemble(ps_color_text, &blob, &size, error, sizeof(error)), "ps: %s", error);
    ret &= SUCCEEDED(ID3D11Device_CreatePixelShader(device, blob, size, NULL, &ps_color));
    free(blob);
    ret &= SUCCEEDED(ID3D11Device_CreateTexture2D(device, &td, NULL, &rt));
    ret &= SUCCEEDED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv));
    td.Usage = D3D11_USAGE_STAGING;
    td.BindFlags = 0;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    ret &= SUCCEEDED(ID3D11Device_CreateTexture2D(device, &td, NULL, &staging));
    ok(ret, "setup");
    return ret;
}

static void read_rt(void)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int y;

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)rt);
    memset(pixels, 0, sizeof(pixels));
    if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        ok(0, "Map failed");
        return;
    }
    for (y = 0; y < RT_SIZE; ++y)
        memcpy(&pixels[y * RT_SIZE], (const uint8_t *)map.pData + y * map.RowPitch, RT_SIZE * 4);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
}

/* A full-screen quad (strip) at depth z, texture coordinates 0..1. */
static ID3D11Buffer *quad(float z)
{
    const struct vertex v[4] =
    {
        { -1.0f, 1.0f, z, 1.0f, 0.0f, 0.0f }, { 1.0f, 1.0f, z, 1.0f, 1.0f, 0.0f },
        { -1.0f, -1.0f, z, 1.0f, 0.0f, 1.0f }, { 1.0f, -1.0f, z, 1.0f, 1.0f, 1.0f },
    };
    D3D11_BUFFER_DESC d = { sizeof(v), D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { v, 0, 0 };
    ID3D11Buffer *b = NULL;

    ID3D11Device_CreateBuffer(device, &d, &init, &b);
    return b;
}

static ID3D11Buffer *color_cb(float r, float g, float b, float a)
{
    const float c[4] = { r, g, b, a };
    D3D11_BUFFER_DESC d = { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER, 0, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { c, 0, 0 };
    ID3D11Buffer *buf = NULL;

    ID3D11Device_CreateBuffer(device, &d, &init, &buf);
    return buf;
}

static void bind_common(ID3D11Buffer *vb, ID3D11DepthStencilView *dsv)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT_SIZE, RT_SIZE, 0.0f, 1.0f };
    UINT stride = sizeof(struct vertex), offset = 0;

    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, dsv);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLESTRIP);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
}

/* A 2x2 texture (red, green / blue, white) sampled with a point sampler: one colour per quadrant. */
static void test_draw_sample_texture(void)
{
    static const uint32_t texels[4] = { 0xff0000ff, 0xff00ff00, 0xffff0000, 0xffffffff };
    D3D11_TEXTURE2D_DESC td = { 2, 2, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_IMMUTABLE,
            D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { texels, 8, 0 };
    D3D11_SAMPLER_DESC sd = { D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, D3D11_TEXTURE_ADDRESS_CLAMP,
            D3D11_TEXTURE_ADDRESS_CLAMP, 0.0f, 1, D3D11_COMPARISON_NEVER, { 0 }, 0.0f, D3D11_FLOAT32_MAX };
    ID3D11ShaderResourceView *srv = NULL;
    ID3D11SamplerState *sampler = NULL;
    ID3D11Texture2D *tex = NULL;
    ID3D11Buffer *vb = quad(0.5f);

    ok(SUCCEEDED(ID3D11Device_CreateTexture2D(device, &td, &init, &tex)), "texture");
    ok(tex && SUCCEEDED(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)tex, NULL, &srv)), "srv");
    ok(SUCCEEDED(ID3D11Device_CreateSamplerState(device, &sd, &sampler)), "sampler");
    if (!srv || !sampler || !vb)
        goto done;
    bind_common(vb, NULL);
    ID3D11DeviceContext_PSSetShader(context, ps_sample, NULL, 0);
    ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &srv);
    ID3D11DeviceContext_PSSetSamplers(context, 0, 1, &sampler);
    ID3D11DeviceContext_Draw(context, 4, 0);
    read_rt();
    ok(PIXEL(4, 4) == texels[0], "top-left %#x", PIXEL(4, 4));
    ok(PIXEL(27, 4) == texels[1], "top-right %#x", PIXEL(27, 4));
    ok(PIXEL(4, 27) == texels[2], "bottom-left %#x", PIXEL(4, 27));
    ok(PIXEL(27, 27) == texels[3], "bottom-right %#x", PIXEL(27, 27));
done:
    if (srv) ID3D11ShaderResourceView_Release(srv);
    if (sampler) ID3D11SamplerState_Release(sampler);
    if (tex) ID3D11Texture2D_Release(tex);
    if (vb) ID3D11Buffer_Release(vb);
    ID3D11DeviceContext_ClearState(context);
}

/* Depth test LESS against a buffer cleared to 0.5: a quad at 0.7 is rejected, one at 0.3 drawn;
 * then additive blending adds to the clear colour; then a scissor limits a draw to its rect. */
static void test_draw_depth_blend_scissor(void)
{
    D3D11_TEXTURE2D_DESC td = { RT_SIZE, RT_SIZE, 1, 1, DXGI_FORMAT_D32_FLOAT, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_DEPTH_STENCIL, 0, 0 };
    const float clear[4] = { 0.25f, 0.0f, 0.0f, 1.0f };
    D3D11_RASTERIZER_DESC rd = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, TRUE, FALSE, FALSE };
    D3D11_RECT scissor = { 8, 8, 16, 12 };
    ID3D11Buffer *far_quad = quad(0.7f), *near_quad = quad(0.3f);
    ID3D11Buffer *green = color_cb(0.0f, 1.0f, 0.0f, 1.0f), *red = color_cb(0.4f, 0.0f, 0.0f, 0.0f);
    ID3D11Buffer *blue = color_cb(0.0f, 0.0f, 1.0f, 1.0f);
    ID3D11DepthStencilView *dsv = NULL;
    ID3D11RasterizerState *rs = NULL;
    ID3D11Texture2D *depth = NULL;
    ID3D11BlendState *add = NULL;
    D3D11_BLEND_DESC bd;
    UINT stride = sizeof(struct vertex), offset = 0;

    ok(SUCCEEDED(ID3D11Device_CreateTexture2D(device, &td, NULL, &depth)), "depth texture");
    ok(depth && SUCCEEDED(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)depth, NULL, &dsv)), "dsv");
    memset(&bd, 0, sizeof(bd));
    bd.RenderTarget[0].BlendEnable = TRUE;
    bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].DestBlend = D3D11_BLEND_ONE;
    bd.RenderTarget[0].SrcBlendAlpha = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ONE;
    bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
    bd.RenderTarget[0].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
    ok(SUCCEEDED(ID3D11Device_CreateBlendState(device, &bd, &add)), "blend state");
    ok(SUCCEEDED(ID3D11Device_CreateRasterizerState(device, &rd, &rs)), "rasterizer state");
    if (!dsv || !add || !rs || !far_quad || !near_quad || !green || !red || !blue)
        goto done;

    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, clear);
    ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH, 0.5f, 0);
    bind_common(far_quad, dsv);
    ID3D11DeviceContext_PSSetShader(context, ps_color, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &green);
    ID3D11DeviceContext_Draw(context, 4, 0);   /* default depth state: LESS, rejected */
    read_rt();
    ok(PIXEL(16, 16) == 0xff000040, "far quad must fail the depth test: %#x", PIXEL(16, 16));
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &near_quad, &stride, &offset);
    ID3D11DeviceContext_Draw(context, 4, 0);
    read_rt();
    ok(PIXEL(16, 16) == 0xff00ff00, "near quad must pass: %#x", PIXEL(16, 16));

    /* Additive blending without depth: 0.25 + 0.4 red. */
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, clear);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
    ID3D11DeviceContext_OMSetBlendState(context, add, NULL, ~0u);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &red);
    ID3D11DeviceContext_Draw(context, 4, 0);
    read_rt();
    ok(PIXEL(3, 3) == 0xff0000a6, "0.25 + 0.4 red: %#x", PIXEL(3, 3));

    /* Scissor: only [8,16) x [8,12) turns blue. */
    ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, ~0u);
    ID3D11DeviceContext_RSSetState(context, rs);
    ID3D11DeviceContext_RSSetScissorRects(context, 1, &scissor);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &blue);
    ID3D11DeviceContext_Draw(context, 4, 0);
    read_rt();
    ok(PIXEL(8, 8) == 0xffff0000, "inside the scissor: %#x", PIXEL(8, 8));
    ok(PIXEL(15, 11) == 0xffff0000, "inside the scissor: %#x", PIXEL(15, 11));
    ok(PIXEL(16, 11) == 0xff0000a6, "right of the scissor: %#x", PIXEL(16, 11));
    ok(PIXEL(8, 12) == 0xff0000a6, "below the scissor: %#x", PIXEL(8, 12));
    ok(PIXEL(7, 8) == 0xff0000a6, "left of the scissor: %#x", PIXEL(7, 8));
done:
    if (dsv) ID3D11DepthStencilView_Release(dsv);
    if (depth) ID3D11Texture2D_Release(depth);
    if (add) ID3D11BlendState_Release(add);
    if (rs) ID3D11RasterizerState_Release(rs);
    if (far_quad) ID3D11Buffer_Release(far_quad);
    if (near_quad) ID3D11Buffer_Release(near_quad);
    if (green) ID3D11Buffer_Release(green);
    if (red) ID3D11Buffer_Release(red);
    if (blue) ID3D11Buffer_Release(blue);
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
    if (setup())
    {
        run_test(test_draw_sample_texture);
        run_test(test_draw_depth_blend_scissor);
    }
    ID3D11VertexShader_Release(vs);
    ID3D11PixelShader_Release(ps_sample);
    ID3D11PixelShader_Release(ps_color);
    ID3D11InputLayout_Release(layout);
    ID3D11RenderTargetView_Release(rtv);
    ID3D11Texture2D_Release(rt);
    ID3D11Texture2D_Release(staging);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
