/* cube.c — the demo a new user runs: a lit, textured, spinning cube with depth and 4x MSAA,
 * rendered into a multisampled texture, resolved into the back buffer of a FLIP_DISCARD swap
 * chain and presented in a Win32 window that may be resized.
 *
 *   cube.exe [--frames N] [--screenshot FILE.png] [--size WxH] [--resize-at N:WxH]
 *
 * --frames N runs N frames and exits (the rotation follows the frame number, so a given N
 * always shows the same picture); --screenshot writes the last frame's back buffer as a PNG;
 * --resize-at resizes the window before frame N (as a user would: WM_SIZE, ResizeBuffers).
 * The scene's numbers (camera, rotation, colours) are mirrored by cube_check.py, which
 * checks a screenshot against them. Shaders are assembled at start-up by the project's DXBC
 * assembler (linked in), so the program carries its shader source as text. */
#ifndef COBJMACROS
#define COBJMACROS
#endif
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <windows.h>
#include <d3d11.h>
#include <dxgi1_2.h>

#include "dxbc.h"
#include "cube_png.h"

/* The scene (keep in step with cube_check.py). */
#define CUBE_HALF 0.8f
#define CAMERA_DIST 3.2f
#define FOV_Y 1.0471976f            /* 60 degrees */
#define Z_NEAR 0.1f
#define Z_FAR 100.0f
#define YAW_PER_FRAME 0.021f
#define PITCH_PER_FRAME 0.013f
#define TEX_SIZE 64
#define TEX_CHECK 8                 /* texels per check */
static const float clear_color[4] = { 0.10f, 0.14f, 0.22f, 1.0f };
static const float light_dir[3] = { -0.4f, 0.6f, -0.7f };   /* towards the light, normalised at start */
static const uint8_t check_a[3] = { 230, 120, 40 }, check_b[3] = { 245, 235, 210 };

/* Vertex: position, normal, texture coordinate. cb0 (VS): rows 0-3 the world-view-projection
 * matrix (clip = dot(row, position)), rows 4-6 the world rotation. cb0 (PS): the light. */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyz POSITION 0 NONE float xyz\n"
    "// sig input 1 xyz NORMAL 0 NONE float xyz\n"
    "// sig input 2 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_POSITION 0 POS float -\n"
    "// sig output 1 xyz NORMAL 0 NONE float -\n"
    "// sig output 2 xy TEXCOORD 0 NONE float -\n"
    "dcl_constantbuffer cb0[7], immediateIndexed\n"
    "dcl_input v0.xyz\n"
    "dcl_input v1.xyz\n"
    "dcl_input v2.xy\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyz\n"
    "dcl_output o2.xy\n"
    "dcl_temps 1\n"
    "mov r0.xyz, v0.xyzx\n"
    "mov r0.w, l(1.000000)\n"
    "dp4 o0.x, r0.xyzw, cb0[0].xyzw\n"
    "dp4 o0.y, r0.xyzw, cb0[1].xyzw\n"
    "dp4 o0.z, r0.xyzw, cb0[2].xyzw\n"
    "dp4 o0.w, r0.xyzw, cb0[3].xyzw\n"
    "dp3 o1.x, v1.xyzx, cb0[4].xyzx\n"
    "dp3 o1.y, v1.xyzx, cb0[5].xyzx\n"
    "dp3 o1.z, v1.xyzx, cb0[6].xyzx\n"
    "mov o2.xy, v2.xyxx\n"
    "ret\n";

/* Lambert with ambient: colour = texel * (0.25 + 0.75 * saturate(dot(normalize(n), light))). */
static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_POSITION 0 POS float -\n"
    "// sig input 1 xyz NORMAL 0 NONE float xyz\n"
    "// sig input 2 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_TARGET 0 TARGET float -\n"
    "dcl_constantbuffer cb0[1], immediateIndexed\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_input_ps linear v1.xyz\n"
    "dcl_input_ps linear v2.xy\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 2\n"
    "sample r0.xyzw, v2.xyxx, t0.xyzw, s0\n"
    "dp3 r1.x, v1.xyzx, v1.xyzx\n"
    "rsq r1.x, r1.x\n"
    "mul r1.xyz, r1.xxxx, v1.xyzx\n"
    "dp3_sat r1.x, r1.xyzx, cb0[0].xyzx\n"
    "mad r1.x, r1.x, l(0.750000), l(0.250000)\n"
    "mul o0.xyz, r0.xyzx, r1.xxxx\n"
    "mov o0.w, l(1.000000)\n"
    "ret\n";

struct vertex
{
    float pos[3], normal[3], uv[2];
};

struct app
{
    HWND hwnd;
    ID3D11Device *device;
    ID3D11DeviceContext *context;
    IDXGISwapChain1 *swapchain;
    UINT width, height, samples, quality;
    ID3D11Texture2D *color, *depth;
    ID3D11RenderTargetView *rtv;
    ID3D11DepthStencilView *dsv;
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11InputLayout *layout;
    ID3D11Buffer *vb, *ib, *vs_cb, *ps_cb;
    ID3D11ShaderResourceView *srv;
    ID3D11SamplerState *sampler;
    ID3D11RasterizerState *rs;
    ID3D11DepthStencilState *dss;
    UINT pending_width, pending_height;
    BOOL resize_pending, quit;
};

static struct app app;

static void fail(const char *what, HRESULT hr)
{
    fprintf(stderr, "cube: %s failed (%#lx).\n", what, (unsigned long)hr);
    exit(1);
}

#define RELEASE(p) do { if (p) { IUnknown_Release((IUnknown *)(p)); (p) = NULL; } } while (0)

static LRESULT CALLBACK wnd_proc(HWND hwnd, UINT msg, WPARAM wparam, LPARAM lparam)
{
    switch (msg)
    {
        case WM_SIZE:
            if (wparam != SIZE_MINIMIZED && LOWORD(lparam) && HIWORD(lparam))
            {
                app.pending_width = LOWORD(lparam);
                app.pending_height = HIWORD(lparam);
                app.resize_pending = TRUE;
            }
            return 0;
        case WM_KEYDOWN:
            if (wparam == VK_ESCAPE)
                DestroyWindow(hwnd);
            return 0;
        case WM_DESTROY:
            app.quit = TRUE;
            PostQuitMessage(0);
            return 0;
    }
    return DefWindowProcW(hwnd, msg, wparam, lparam);
}

/* The multisampled colour and depth targets at the window's size. */
static void create_targets(void)
{
    D3D11_TEXTURE2D_DESC desc = { app.width, app.height, 1, 1, DXGI_FORMAT_B8G8R8A8_UNORM, { app.samples, app.quality },
            D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0 };
    HRESULT hr;

    RELEASE(app.rtv);
    RELEASE(app.dsv);
    RELEASE(app.color);
    RELEASE(app.depth);
    if (FAILED(hr = ID3D11Device_CreateTexture2D(app.device, &desc, NULL, &app.color)))
        fail("CreateTexture2D (colour)", hr);
    if (FAILED(hr = ID3D11Device_CreateRenderTargetView(app.device, (ID3D11Resource *)app.color, NULL, &app.rtv)))
        fail("CreateRenderTargetView", hr);
    desc.Format = DXGI_FORMAT_D24_UNORM_S8_UINT;
    desc.BindFlags = D3D11_BIND_DEPTH_STENCIL;
    if (FAILED(hr = ID3D11Device_CreateTexture2D(app.device, &desc, NULL, &app.depth)))
        fail("CreateTexture2D (depth)", hr);
    if (FAILED(hr = ID3D11Device_CreateDepthStencilView(app.device, (ID3D11Resource *)app.depth, NULL, &app.dsv)))
        fail("CreateDepthStencilView", hr);
}

static void assemble(const char *text, void **data, size_t *size)
{
    char error[256];

    if (!dxbc_assemble(text, data, size, error, sizeof(error)))
    {
        fprintf(stderr, "cube: shader assembly failed: %s\n", error);
        exit(1);
    }
}

static void create_scene(void)
{
    static const float faces[6][3][3] =
    {
        /* normal, u axis, v axis */
        { { 1, 0, 0 }, { 0, 0, 1 }, { 0, 1, 0 } },
        { { -1, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } },
        { { 0, 1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } },
        { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, -1 } },
        { { 0, 0, 1 }, { -1, 0, 0 }, { 0, 1, 0 } },
        { { 0, 0, -1 }, { 1, 0, 0 }, { 0, 1, 0 } },
    };
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "NORMAL", 0, DXGI_FORMAT_R32G32B32_FLOAT, 0, 12, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "TEXCOORD", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 24, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    struct vertex vertices[24];
    uint16_t indices[36];
    static uint8_t texels[TEX_SIZE * TEX_SIZE * 4];
    D3D11_BUFFER_DESC bdesc = { 0 };
    D3D11_SUBRESOURCE_DATA init = { 0 };
    D3D11_TEXTURE2D_DESC tdesc = { TEX_SIZE, TEX_SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_IMMUTABLE,
            D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_SAMPLER_DESC sdesc = { D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, D3D11_TEXTURE_ADDRESS_CLAMP,
            D3D11_TEXTURE_ADDRESS_CLAMP, 0.0f, 1, D3D11_COMPARISON_NEVER, { 0, 0, 0, 0 }, 0.0f, D3D11_FLOAT32_MAX };
    D3D11_RASTERIZER_DESC rdesc = { D3D11_FILL_SOLID, D3D11_CULL_NONE, FALSE, 0, 0.0f, 0.0f, TRUE, FALSE, TRUE, FALSE };
    D3D11_DEPTH_STENCIL_DESC ddesc = { 0 };
    ID3D11Texture2D *texture;
    void *vs_code, *ps_code;
    size_t vs_size, ps_size;
    float light[4], len;
    HRESULT hr;
    int f, i, x, y;

    for (f = 0; f < 6; ++f)
    {
        static const float corners[4][2] = { { -1, -1 }, { -1, 1 }, { 1, 1 }, { 1, -1 } };
        for (i = 0; i < 4; ++i)
        {
            struct vertex *v = &vertices[f * 4 + i];
            float a = corners[i][0], b = corners[i][1];
            int k;
            for (k = 0; k < 3; ++k)
            {
                v->pos[k] = CUBE_HALF * (faces[f][0][k] + a * faces[f][1][k] + b * faces[f][2][k]);
                v->normal[k] = faces[f][0][k];
            }
            v->uv[0] = 0.5f + 0.5f * a;
            v->uv[1] = 0.5f - 0.5f * b;
        }
        indices[f * 6 + 0] = f * 4 + 0;
        indices[f * 6 + 1] = f * 4 + 1;
        indices[f * 6 + 2] = f * 4 + 2;
        indices[f * 6 + 3] = f * 4 + 0;
        indices[f * 6 + 4] = f * 4 + 2;
        indices[f * 6 + 5] = f * 4 + 3;
    }
    bdesc.Usage = D3D11_USAGE_IMMUTABLE;
    bdesc.ByteWidth = sizeof(vertices);
    bdesc.BindFlags = D3D11_BIND_VERTEX_BUFFER;
    init.pSysMem = vertices;
    if (FAILED(hr = ID3D11Device_CreateBuffer(app.device, &bdesc, &init, &app.vb)))
        fail("CreateBuffer (vertices)", hr);
    bdesc.ByteWidth = sizeof(indices);
    bdesc.BindFlags = D3D11_BIND_INDEX_BUFFER;
    init.pSysMem = indices;
    if (FAILED(hr = ID3D11Device_CreateBuffer(app.device, &bdesc, &init, &app.ib)))
        fail("CreateBuffer (indices)", hr);
    bdesc.Usage = D3D11_USAGE_DYNAMIC;
    bdesc.ByteWidth = 128;
    bdesc.BindFlags = D3D11_BIND_CONSTANT_BUFFER;
    bdesc.CPUAccessFlags = D3D11_CPU_ACCESS_WRITE;
    if (FAILED(hr = ID3D11Device_CreateBuffer(app.device, &bdesc, NULL, &app.vs_cb)))
        fail("CreateBuffer (VS constants)", hr);
    len = sqrtf(light_dir[0] * light_dir[0] + light_dir[1] * light_dir[1] + light_dir[2] * light_dir[2]);
    light[0] = light_dir[0] / len;
    light[1] = light_dir[1] / len;
    light[2] = light_dir[2] / len;
    light[3] = 0.0f;
    bdesc.Usage = D3D11_USAGE_IMMUTABLE;
    bdesc.ByteWidth = 16;
    bdesc.CPUAccessFlags = 0;
    init.pSysMem = light;
    if (FAILED(hr = ID3D11Device_CreateBuffer(app.device, &bdesc, &init, &app.ps_cb)))
        fail("CreateBuffer (PS constants)", hr);

    /* The procedural texture: a checkerboard of two warm colours, uploaded as initial data. */
    for (y = 0; y < TEX_SIZE; ++y)
        for (x = 0; x < TEX_SIZE; ++x)
        {
            const uint8_t *c = ((x / TEX_CHECK + y / TEX_CHECK) & 1) ? check_b : check_a;
            uint8_t *t = &texels[(y * TEX_SIZE + x) * 4];
            t[0] = c[0];
            t[1] = c[1];
            t[2] = c[2];
            t[3] = 255;
        }
    init.pSysMem = texels;
    init.SysMemPitch = TEX_SIZE * 4;
    if (FAILED(hr = ID3D11Device_CreateTexture2D(app.device, &tdesc, &init, &texture)))
        fail("CreateTexture2D (texture)", hr);
    hr = ID3D11Device_CreateShaderResourceView(app.device, (ID3D11Resource *)texture, NULL, &app.srv);
    ID3D11Texture2D_Release(texture);
    if (FAILED(hr))
        fail("CreateShaderResourceView", hr);
    if (FAILED(hr = ID3D11Device_CreateSamplerState(app.device, &sdesc, &app.sampler)))
        fail("CreateSamplerState", hr);
    if (FAILED(hr = ID3D11Device_CreateRasterizerState(app.device, &rdesc, &app.rs)))
        fail("CreateRasterizerState", hr);
    ddesc.DepthEnable = TRUE;
    ddesc.DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ALL;
    ddesc.DepthFunc = D3D11_COMPARISON_LESS;
    if (FAILED(hr = ID3D11Device_CreateDepthStencilState(app.device, &ddesc, &app.dss)))
        fail("CreateDepthStencilState", hr);

    assemble(vs_text, &vs_code, &vs_size);
    assemble(ps_text, &ps_code, &ps_size);
    if (FAILED(hr = ID3D11Device_CreateVertexShader(app.device, vs_code, vs_size, NULL, &app.vs)))
        fail("CreateVertexShader", hr);
    if (FAILED(hr = ID3D11Device_CreatePixelShader(app.device, ps_code, ps_size, NULL, &app.ps)))
        fail("CreatePixelShader", hr);
    if (FAILED(hr = ID3D11Device_CreateInputLayout(app.device, elements, ARRAYSIZE(elements), vs_code, vs_size, &app.layout)))
        fail("CreateInputLayout", hr);
    free(vs_code);
    free(ps_code);
}

/* cb0 of the vertex shader for frame n: rows of world-view-projection, then the rotation. */
static void update_constants(unsigned int frame)
{
    float yaw = YAW_PER_FRAME * frame, pitch = PITCH_PER_FRAME * frame;
    float cy = cosf(yaw), sy = sinf(yaw), cp = cosf(pitch), sp = sinf(pitch);
    float aspect = (float)app.width / (float)app.height, f = 1.0f / tanf(FOV_Y * 0.5f);
    float q = Z_FAR / (Z_FAR - Z_NEAR);
    float rot[3][3], cb[8][4] = { { 0 } };
    D3D11_MAPPED_SUBRESOURCE map;
    HRESULT hr;
    int r, c;

    /* world = Ry(yaw) * Rx(pitch): the cube turns about x, then about y. */
    rot[0][0] = cy;  rot[0][1] = sy * sp;  rot[0][2] = sy * cp;
    rot[1][0] = 0;   rot[1][1] = cp;       rot[1][2] = -sp;
    rot[2][0] = -sy; rot[2][1] = cy * sp;  rot[2][2] = cy * cp;
    /* view: the camera at (0, 0, -CAMERA_DIST) looks along +z; left-handed perspective. */
    for (c = 0; c < 3; ++c)
    {
        cb[0][c] = rot[0][c] * f / aspect;
        cb[1][c] = rot[1][c] * f;
        cb[2][c] = rot[2][c] * q;
        cb[3][c] = rot[2][c];
    }
    cb[0][3] = 0.0f;
    cb[1][3] = 0.0f;
    cb[2][3] = CAMERA_DIST * q - Z_NEAR * q;
    cb[3][3] = CAMERA_DIST;
    for (r = 0; r < 3; ++r)
        for (c = 0; c < 3; ++c)
            cb[4 + r][c] = rot[r][c];
    if (FAILED(hr = ID3D11DeviceContext_Map(app.context, (ID3D11Resource *)app.vs_cb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
        fail("Map (constants)", hr);
    memcpy(map.pData, cb, sizeof(cb));
    ID3D11DeviceContext_Unmap(app.context, (ID3D11Resource *)app.vs_cb, 0);
}

static void render(unsigned int frame)
{
    static const UINT stride = sizeof(struct vertex), offset = 0;
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, (float)app.width, (float)app.height, 0.0f, 1.0f };
    ID3D11Texture2D *back;
    HRESULT hr;

    update_constants(frame);
    ID3D11DeviceContext_ClearRenderTargetView(app.context, app.rtv, clear_color);
    ID3D11DeviceContext_ClearDepthStencilView(app.context, app.dsv, D3D11_CLEAR_DEPTH | D3D11_CLEAR_STENCIL, 1.0f, 0);
    ID3D11DeviceContext_OMSetRenderTargets(app.context, 1, &app.rtv, app.dsv);
    ID3D11DeviceContext_OMSetDepthStencilState(app.context, app.dss, 0);
    ID3D11DeviceContext_RSSetState(app.context, app.rs);
    ID3D11DeviceContext_RSSetViewports(app.context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(app.context, app.layout);
    ID3D11DeviceContext_IASetPrimitiveTopology(app.context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_IASetVertexBuffers(app.context, 0, 1, &app.vb, &stride, &offset);
    ID3D11DeviceContext_IASetIndexBuffer(app.context, app.ib, DXGI_FORMAT_R16_UINT, 0);
    ID3D11DeviceContext_VSSetShader(app.context, app.vs, NULL, 0);
    ID3D11DeviceContext_VSSetConstantBuffers(app.context, 0, 1, &app.vs_cb);
    ID3D11DeviceContext_PSSetShader(app.context, app.ps, NULL, 0);
    ID3D11DeviceContext_PSSetConstantBuffers(app.context, 0, 1, &app.ps_cb);
    ID3D11DeviceContext_PSSetShaderResources(app.context, 0, 1, &app.srv);
    ID3D11DeviceContext_PSSetSamplers(app.context, 0, 1, &app.sampler);
    ID3D11DeviceContext_DrawIndexed(app.context, 36, 0, 0);
    /* The back buffer is not bound anywhere: FLIP_DISCARD swaps it under us each Present. */
    ID3D11DeviceContext_OMSetRenderTargets(app.context, 0, NULL, NULL);
    if (FAILED(hr = IDXGISwapChain1_GetBuffer(app.swapchain, 0, &IID_ID3D11Texture2D, (void **)&back)))
        fail("GetBuffer", hr);
    if (app.samples > 1)
        ID3D11DeviceContext_ResolveSubresource(app.context, (ID3D11Resource *)back, 0, (ID3D11Resource *)app.color, 0,
                DXGI_FORMAT_B8G8R8A8_UNORM);
    else
        ID3D11DeviceContext_CopyResource(app.context, (ID3D11Resource *)back, (ID3D11Resource *)app.color);
    ID3D11Texture2D_Release(back);
}

/* Copies the back buffer to a staging texture and writes it as an RGB PNG. */
static int screenshot(const char *path)
{
    D3D11_TEXTURE2D_DESC desc;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Texture2D *back, *staging;
    uint8_t *rgb;
    UINT x, y;
    HRESULT hr;
    int ret;

    if (FAILED(hr = IDXGISwapChain1_GetBuffer(app.swapchain, 0, &IID_ID3D11Texture2D, (void **)&back)))
        fail("GetBuffer", hr);
    ID3D11Texture2D_GetDesc(back, &desc);
    desc.Usage = D3D11_USAGE_STAGING;
    desc.BindFlags = 0;
    desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    desc.MiscFlags = 0;
    if (FAILED(hr = ID3D11Device_CreateTexture2D(app.device, &desc, NULL, &staging)))
        fail("CreateTexture2D (staging)", hr);
    ID3D11DeviceContext_CopyResource(app.context, (ID3D11Resource *)staging, (ID3D11Resource *)back);
    ID3D11Texture2D_Release(back);
    if (FAILED(hr = ID3D11DeviceContext_Map(app.context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
        fail("Map (staging)", hr);
    if (!(rgb = malloc((size_t)desc.Width * desc.Height * 3)))
        fail("malloc", E_OUTOFMEMORY);
    for (y = 0; y < desc.Height; ++y)
    {
        const uint8_t *row = (const uint8_t *)map.pData + (size_t)y * map.RowPitch;
        for (x = 0; x < desc.Width; ++x)
        {
            /* B8G8R8A8 texels to R, G, B bytes. */
            rgb[((size_t)y * desc.Width + x) * 3 + 0] = row[x * 4 + 2];
            rgb[((size_t)y * desc.Width + x) * 3 + 1] = row[x * 4 + 1];
            rgb[((size_t)y * desc.Width + x) * 3 + 2] = row[x * 4 + 0];
        }
    }
    ID3D11DeviceContext_Unmap(app.context, (ID3D11Resource *)staging, 0);
    ID3D11Texture2D_Release(staging);
    ret = png_write_rgb(path, rgb, desc.Width, desc.Height);
    free(rgb);
    if (ret)
        printf("cube: screenshot (%ux%u) written to %s\n", desc.Width, desc.Height, path);
    else
        fprintf(stderr, "cube: cannot write %s\n", path);
    return ret;
}

static void usage(void)
{
    fprintf(stderr, "usage: cube.exe [--frames N] [--screenshot FILE.png] [--size WxH] [--resize-at N:WxH]\n");
    exit(2);
}

int main(int argc, char **argv)
{
    static const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0 };
    DXGI_SWAP_CHAIN_DESC1 scd = { 0 };
    WNDCLASSW wc = { 0 };
    RECT rect = { 0, 0, 800, 600 };
    const char *shot = NULL;
    long frames = -1, resize_frame = -1, resize_w = 0, resize_h = 0;
    unsigned int frame = 0;
    IDXGIDevice *dxgi_device;
    IDXGIAdapter *adapter;
    IDXGIFactory2 *factory;
    LARGE_INTEGER freq, start, now;
    UINT levels_ok = 0;
    HRESULT hr;
    int i;

    for (i = 1; i < argc; ++i)
    {
        if (!strcmp(argv[i], "--frames") && i + 1 < argc)
        {
            char *end;
            frames = strtol(argv[++i], &end, 10);
            if (*end || frames < 1)
                usage();
        }
        else if (!strcmp(argv[i], "--screenshot") && i + 1 < argc)
            shot = argv[++i];
        else if (!strcmp(argv[i], "--size") && i + 1 < argc)
        {
            long w, h;
            if (sscanf(argv[++i], "%ldx%ld", &w, &h) != 2 || w < 16 || h < 16 || w > 8192 || h > 8192)
                usage();
            rect.right = w;
            rect.bottom = h;
        }
        else if (!strcmp(argv[i], "--resize-at") && i + 1 < argc)
        {
            if (sscanf(argv[++i], "%ld:%ldx%ld", &resize_frame, &resize_w, &resize_h) != 3 || resize_frame < 0
                    || resize_w < 16 || resize_h < 16 || resize_w > 8192 || resize_h > 8192)
                usage();
        }
        else
            usage();
    }

    wc.lpfnWndProc = wnd_proc;
    wc.hInstance = GetModuleHandleW(NULL);
    wc.hCursor = LoadCursorW(NULL, (LPCWSTR)IDC_ARROW);
    wc.lpszClassName = L"d3d11vk-cube";
    RegisterClassW(&wc);
    AdjustWindowRect(&rect, WS_OVERLAPPEDWINDOW, FALSE);
    app.hwnd = CreateWindowW(L"d3d11vk-cube", L"d3d11vk cube", WS_OVERLAPPEDWINDOW, CW_USEDEFAULT, CW_USEDEFAULT,
            rect.right - rect.left, rect.bottom - rect.top, NULL, NULL, wc.hInstance, NULL);
    if (!app.hwnd)
        fail("CreateWindow", HRESULT_FROM_WIN32(GetLastError()));
    GetClientRect(app.hwnd, &rect);
    app.width = rect.right > 0 ? (UINT)rect.right : 800;
    app.height = rect.bottom > 0 ? (UINT)rect.bottom : 600;

    if (FAILED(hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, levels, ARRAYSIZE(levels),
            D3D11_SDK_VERSION, &app.device, NULL, &app.context)))
        fail("D3D11CreateDevice", hr);
    /* The factory that made the device's adapter (no output enumeration needed). */
    if (FAILED(hr = ID3D11Device_QueryInterface(app.device, &IID_IDXGIDevice, (void **)&dxgi_device)))
        fail("QueryInterface(IDXGIDevice)", hr);
    hr = IDXGIDevice_GetAdapter(dxgi_device, &adapter);
    IDXGIDevice_Release(dxgi_device);
    if (FAILED(hr))
        fail("GetAdapter", hr);
    hr = IDXGIAdapter_GetParent(adapter, &IID_IDXGIFactory2, (void **)&factory);
    IDXGIAdapter_Release(adapter);
    if (FAILED(hr))
        fail("GetParent(IDXGIFactory2)", hr);

    scd.Width = app.width;
    scd.Height = app.height;
    scd.Format = DXGI_FORMAT_B8G8R8A8_UNORM;
    scd.SampleDesc.Count = 1;
    scd.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
    scd.BufferCount = 2;
    scd.Scaling = DXGI_SCALING_STRETCH;
    scd.SwapEffect = DXGI_SWAP_EFFECT_FLIP_DISCARD;
    scd.AlphaMode = DXGI_ALPHA_MODE_IGNORE;
    if (FAILED(hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)app.device, app.hwnd, &scd, NULL, NULL,
            &app.swapchain)))
        fail("CreateSwapChainForHwnd", hr);
    IDXGIFactory2_Release(factory);

    app.samples = 4;
    if (FAILED(ID3D11Device_CheckMultisampleQualityLevels(app.device, DXGI_FORMAT_B8G8R8A8_UNORM, 4, &levels_ok)) || !levels_ok)
    {
        fprintf(stderr, "cube: 4x MSAA not offered, rendering without it.\n");
        app.samples = 1;
    }
    app.quality = 0;
    create_targets();
    create_scene();
    ShowWindow(app.hwnd, SW_SHOWNORMAL);

    QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&start);
    while (!app.quit && (frames < 0 || frame < (unsigned long)frames))
    {
        MSG msg;

        if (frame == (unsigned long)resize_frame)
        {
            RECT r = { 0, 0, resize_w, resize_h };
            AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
            SetWindowPos(app.hwnd, NULL, 0, 0, r.right - r.left, r.bottom - r.top, SWP_NOMOVE | SWP_NOZORDER);
        }
        while (PeekMessageW(&msg, NULL, 0, 0, PM_REMOVE))
        {
            if (msg.message == WM_QUIT)
                app.quit = TRUE;
            TranslateMessage(&msg);
            DispatchMessageW(&msg);
        }
        if (app.quit)
            break;
        if (app.resize_pending)
        {
            app.resize_pending = FALSE;
            if (app.pending_width != app.width || app.pending_height != app.height)
            {
                app.width = app.pending_width;
                app.height = app.pending_height;
                /* No references to the back buffers are held between frames. */
                if (FAILED(hr = IDXGISwapChain1_ResizeBuffers(app.swapchain, 0, app.width, app.height,
                        DXGI_FORMAT_UNKNOWN, 0)))
                    fail("ResizeBuffers", hr);
                create_targets();
                printf("cube: resized to %ux%u\n", app.width, app.height);
            }
        }
        render(frame);
        if (shot && frames > 0 && frame + 1 == (unsigned long)frames && !screenshot(shot))
            return 1;
        /* A fixed run is not paced by the display; an interactive one is. */
        hr = IDXGISwapChain1_Present(app.swapchain, frames > 0 ? 0 : 1, 0);
        if (FAILED(hr))
            fail("Present", hr);
        ++frame;
    }
    QueryPerformanceCounter(&now);
    if (frame)
        printf("cube: %u frames at %ux%u, %.1f frames per second, %ux MSAA\n", frame, app.width, app.height,
                frame * (double)freq.QuadPart / (double)(now.QuadPart - start.QuadPart + 1), app.samples);
    if (shot && frames < 0 && frame && !screenshot(shot))
        return 1;

    ID3D11DeviceContext_ClearState(app.context);
    RELEASE(app.rtv);
    RELEASE(app.dsv);
    RELEASE(app.color);
    RELEASE(app.depth);
    RELEASE(app.vs);
    RELEASE(app.ps);
    RELEASE(app.layout);
    RELEASE(app.vb);
    RELEASE(app.ib);
    RELEASE(app.vs_cb);
    RELEASE(app.ps_cb);
    RELEASE(app.srv);
    RELEASE(app.sampler);
    RELEASE(app.rs);
    RELEASE(app.dss);
    RELEASE(app.swapchain);
    RELEASE(app.context);
    RELEASE(app.device);
    if (IsWindow(app.hwnd))
        DestroyWindow(app.hwnd);
    return 0;
}
