/* draw_bench.c — CPU-bound draw throughput through the public D3D11 API (runs on any
 * d3d11.dll), in the shape of a game frame: thousands of tiny indexed draws (2x2 pixels, so
 * that a software rasteriser spends little on them), each after a Map(WRITE_DISCARD) of its
 * constant buffer, with vertex/index buffers and a texture rebound every draw (alternating
 * between two of each) and a blend-state change every few draws. Each frame ends in a readback
 * that checks the last draw's pixels. One untimed frame first (pipeline creation is not
 * throughput). Besides wall-clock draws per second it prints the CPU time of the whole process
 * (every thread: application, command-stream worker, driver) per draw, which other load on the
 * machine disturbs less. Shaders are DXBC from the project's assembler. Prints
 * "name value unit" lines; run_draw_bench.sh compares implementations.
 *
 * Usage: draw_bench.exe [seconds] [draws_per_frame]
 *        draw_bench.exe stutter — first-use stutter: one frame drawing with 50 never-seen state
 *        combinations (each its own pixel shader and blend state, created beforehand as a game
 *        does at load time), ended by a readback that checks all 50 cells; then the same frame
 *        again, every combination seen. Prints both times in milliseconds. */
#ifndef COBJMACROS
# define COBJMACROS
#endif
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <d3d11.h>
#include "dxbc.h"

#define RT_W 256
#define RT_H 256
#define GRID 64                          /* draws land on a 64x64 grid of 4x4-pixel cells */
#define QUAD 2                           /* each draw covers QUADxQUAD pixels at its cell's corner */
#define COMBOS 50                        /* stutter mode: never-seen state combinations */

static ID3D11Device *device;
static ID3D11DeviceContext *context;

/* cb0[0].xy: cell offset in NDC; the PS multiplies the texture by cb0[1]. */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xy POSITION 0 NONE float xy\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xy TEXCOORD 0 NONE float -\n"
    "dcl_constantbuffer CB0[2], immediateIndexed\n"
    "dcl_input v0.xy\n"
    "dcl_input v1.xy\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xy\n"
    "add o0.xy, v0.xyxx, cb0[0].xyxx\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "mov o1.xy, v1.xyxx\n"
    "ret\n";

static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_constantbuffer CB0[2], immediateIndexed\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_input_ps linear v1.xy\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 1\n"
    "sample r0.xyzw, v1.xyxx, t0.xyzw, s0\n"
    "mul o0.xyzw, r0.xyzw, cb0[1].xyzw\n"
    "ret\n";

#ifdef D3D11VK_NATIVE
# include <time.h>
# include <sys/resource.h>
# include <unistd.h>
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* User + system time of every thread of the process. */
static double cpu_seconds(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}
#else
static double now(void)
{
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / (double)f.QuadPart;
}

static double cpu_seconds(void)
{
    FILETIME create, exit_time, kernel, user;
    ULARGE_INTEGER k, u;

    if (!GetProcessTimes(GetCurrentProcess(), &create, &exit_time, &kernel, &user))
        return 0.0;
    k.LowPart = kernel.dwLowDateTime;
    k.HighPart = kernel.dwHighDateTime;
    u.LowPart = user.dwLowDateTime;
    u.HighPart = user.dwHighDateTime;
    return (double)(k.QuadPart + u.QuadPart) * 1e-7;
}
#endif

static ID3D11Buffer *buffer(UINT size, UINT bind, D3D11_USAGE usage, UINT cpu, const void *data)
{
    D3D11_BUFFER_DESC d = { size, usage, bind, cpu, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *b = NULL;

    if (FAILED(ID3D11Device_CreateBuffer(device, &d, data ? &init : NULL, &b)))
        return NULL;
    return b;
}

static ID3D11ShaderResourceView *white_texture(void)
{
    D3D11_TEXTURE2D_DESC d = { 4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_IMMUTABLE,
            D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    uint32_t texels[16];
    D3D11_SUBRESOURCE_DATA init = { texels, 16, 0 };
    ID3D11ShaderResourceView *srv = NULL;
    ID3D11Texture2D *t;

    memset(texels, 0xff, sizeof(texels));
    if (FAILED(ID3D11Device_CreateTexture2D(device, &d, &init, &t)))
        return NULL;
    ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, NULL, &srv);
    ID3D11Texture2D_Release(t);
    return srv;
}

static ID3D11Buffer *vbs[2], *ibs[2], *cb;
static ID3D11ShaderResourceView *srvs[2];
static ID3D11BlendState *blends[2];
static ID3D11Texture2D *rt, *staging;
static ID3D11RenderTargetView *rtv;

/* Writes the constant buffer: the cell's offset in NDC and the colour the PS multiplies by. */
static int write_cb(unsigned int cell, const float colour[4])
{
    D3D11_MAPPED_SUBRESOURCE map;
    float *f;

    if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)cb, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
        return 0;
    f = map.pData;
    f[0] = (float)(cell % GRID) * 2.0f * 4 / RT_W;
    f[1] = -(float)(cell / GRID) * 2.0f * 4 / RT_H;
    f[2] = f[3] = 0.0f;
    memcpy(&f[4], colour, 4 * sizeof(float));
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)cb, 0);
    return 1;
}

/* One frame of draws_per_frame draws; returns the number of bad pixels (0 or 1), -1 on failure. */
static int frame(unsigned int draws_per_frame, unsigned long long frame_index)
{
    static const float clear[4] = { 0.0f, 0.0f, 0.0f, 1.0f };
    D3D11_MAPPED_SUBRESOURCE map;
    uint32_t expect = 0, got;
    unsigned int cell = 0, i;

    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, clear);
    for (i = 0; i < draws_per_frame; ++i)
    {
        UINT stride = 16, offset = 0;
        float colour[4];

        cell = (i * 7 + (unsigned int)frame_index) % (GRID * GRID);
        colour[0] = (float)(i & 1);
        colour[1] = (float)((i >> 1) & 1);
        colour[2] = (float)((i >> 2) & 1);
        colour[3] = 1.0f;
        if (!write_cb(cell, colour))
            return -1;
        expect = 0xff000000u | ((i & 1) ? 0xffu : 0) | ((i & 2) ? 0xff00u : 0) | ((i & 4) ? 0xff0000u : 0);
        ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vbs[i & 1], &stride, &offset);
        ID3D11DeviceContext_IASetIndexBuffer(context, ibs[i & 1], DXGI_FORMAT_R16_UINT, 0);
        ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &srvs[(i >> 1) & 1]);
        if (!(i % 4))
            ID3D11DeviceContext_OMSetBlendState(context, blends[(i >> 2) & 1], NULL, ~0u);
        ID3D11DeviceContext_DrawIndexed(context, 6, 0, 0);
    }
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)rt);
    if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
        return -1;
    /* The last draw's cell, a pixel inside its quad. */
    got = *(const uint32_t *)((const uint8_t *)map.pData + ((cell / GRID) * 4 + QUAD / 2) * map.RowPitch
            + ((cell % GRID) * 4 + QUAD / 2) * 4);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    if (got != expect)
    {
        printf("error frame %llu: pixel %#x, expected %#x\n", frame_index, got, expect);
        return 1;
    }
    return 0;
}

/* The first-use frame: COMBOS draws, each with its own pixel shader and blend state; the
 * readback checks every cell (shader k writes red = k). Returns the milliseconds it took, < 0
 * on a failure or a wrong pixel. */
static double combo_frame(ID3D11PixelShader *const *shaders, ID3D11BlendState *const *states)
{
    static const float clear[4] = { 0.0f, 0.0f, 0.0f, 1.0f };
    static const float white[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
    D3D11_MAPPED_SUBRESOURCE map;
    double start = now(), ms;
    unsigned int k, bad = 0;

    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, clear);
    for (k = 0; k < COMBOS; ++k)
    {
        if (!write_cb(k, white))
            return -1.0;
        ID3D11DeviceContext_PSSetShader(context, shaders[k], NULL, 0);
        ID3D11DeviceContext_OMSetBlendState(context, states[k], NULL, ~0u);
        ID3D11DeviceContext_DrawIndexed(context, 6, 0, 0);
    }
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)rt);
    if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
        return -1.0;
    ms = (now() - start) * 1e3;
    for (k = 0; k < COMBOS; ++k)
    {
        uint32_t got = *(const uint32_t *)((const uint8_t *)map.pData + ((k / GRID) * 4 + QUAD / 2) * map.RowPitch
                + ((k % GRID) * 4 + QUAD / 2) * 4), expect = 0xff000000u | 0xff00u | k;

        if (got != expect && !bad++)
            printf("error combination %u: pixel %#x, expected %#x\n", k, got, expect);
    }
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    return bad ? -1.0 : ms;
}

static int stutter(void)
{
    ID3D11PixelShader *shaders[COMBOS];
    ID3D11BlendState *states[COMBOS];
    double first, seen;
    unsigned int k;

    for (k = 0; k < COMBOS; ++k)
    {
        /* red = k/255 exactly, green from the constant buffer (1), the texture unused. */
        char text[1024];
        char error[256];
        D3D11_BLEND_DESC bd;
        void *blob;
        size_t size;

        snprintf(text, sizeof(text),
                "ps_4_0\n"
                "// sig input 0 xyzw SV_Position 0 POS float -\n"
                "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
                "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
                "dcl_constantbuffer CB0[2], immediateIndexed\n"
                "dcl_output o0.xyzw\n"
                "mov o0.xzw, l(%.9g, 0, 0, 1.0)\n"
                "mov o0.y, cb0[1].y\n"
                "ret\n", k / 255.0);
        if (!dxbc_assemble(text, &blob, &size, error, sizeof(error)))
        {
            printf("error assembling: %s\n", error);
            return 1;
        }
        if (FAILED(ID3D11Device_CreatePixelShader(device, blob, size, NULL, &shaders[k])))
        {
            printf("error creating pixel shader %u\n", k);
            return 1;
        }
        free(blob);
        /* Blend ONE/ZERO (the same pixels) with a distinct alpha equation per combination:
         * alpha is 1 in source and destination, so ADD/MAX/MIN of ONE/ZERO-weighted terms give 1. */
        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].BlendEnable = TRUE;
        bd.RenderTarget[0].SrcBlend = D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlend = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].SrcBlendAlpha = (k & 1) ? D3D11_BLEND_SRC_ALPHA : D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlendAlpha = (k & 2) ? D3D11_BLEND_INV_DEST_ALPHA : D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOpAlpha = (k & 4) ? D3D11_BLEND_OP_MAX : D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
        bd.AlphaToCoverageEnable = FALSE;
        bd.IndependentBlendEnable = (k >> 3) & 1;
        if (k >= 16)   /* unused slots, another description */
        {
            bd.RenderTarget[1].RenderTargetWriteMask = (UINT8)((k - 16) % 15 + 1);
            bd.RenderTarget[2].RenderTargetWriteMask = (UINT8)((k - 16) / 15);
        }
        if (FAILED(ID3D11Device_CreateBlendState(device, &bd, &states[k])))
        {
            printf("error creating blend state %u\n", k);
            return 1;
        }
    }
    if ((first = combo_frame(shaders, states)) < 0.0 || (seen = combo_frame(shaders, states)) < 0.0)
        return 2;
    printf("first_use_ms %.2f ms\n", first);
    printf("seen_ms %.2f ms\n", seen);
    printf("stutter_ms %.2f ms\n", first - seen);
    fflush(stdout);
    /* A program runs on after its first frames: give the on-disk pipeline cache the second of
     * quiet after which it is written. */
#ifdef D3D11VK_NATIVE
    usleep(1500 * 1000);
#else
    Sleep(1500);
#endif
    return 0;
}

int main(int argc, char **argv)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "TEXCOORD", 0, DXGI_FORMAT_R32G32_FLOAT, 0, 8, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    /* A QUADxQUAD-pixel quad at the top-left cell (NDC), two triangles, clockwise. */
    const float cw = 2.0f * QUAD / RT_W, ch = 2.0f * QUAD / RT_H;
    const float quad[] =
    {
        -1.0f, 1.0f, 0.0f, 0.0f,   -1.0f + cw, 1.0f, 1.0f, 0.0f,
        -1.0f, 1.0f - ch, 0.0f, 1.0f,   -1.0f + cw, 1.0f - ch, 1.0f, 1.0f,
    };
    static const uint16_t indices[] = { 0, 1, 2, 2, 1, 3 };
    D3D11_TEXTURE2D_DESC td = { RT_W, RT_H, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT_W, RT_H, 0.0f, 1.0f };
    D3D11_SAMPLER_DESC sd = { D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, D3D11_TEXTURE_ADDRESS_CLAMP,
            D3D11_TEXTURE_ADDRESS_CLAMP, 0.0f, 1, D3D11_COMPARISON_NEVER, { 0 }, 0.0f, D3D11_FLOAT32_MAX };
    D3D11_BLEND_DESC bd;
    bool stutter_mode = argc > 1 && !strcmp(argv[1], "stutter");
    double seconds = argc > 1 && !stutter_mode ? atof(argv[1]) : 2.0, start, elapsed, cpu;
    unsigned int draws_per_frame = argc > 2 ? (unsigned int)atoi(argv[2]) : 2000;
    ID3D11SamplerState *sampler;
    ID3D11VertexShader *vs;
    ID3D11PixelShader *ps;
    ID3D11InputLayout *layout;
    void *vs_blob, *ps_blob;
    size_t vs_size, ps_size;
    unsigned long long draws = 0, frames = 0, bad_frames = 0;
    char error[256];
    unsigned int i;
    HRESULT hr;
    int r;

    if (!dxbc_assemble(vs_text, &vs_blob, &vs_size, error, sizeof(error))
            || !dxbc_assemble(ps_text, &ps_blob, &ps_size, error, sizeof(error)))
    {
        printf("error assembling: %s\n", error);
        return 1;
    }
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context);
    if (FAILED(hr))
    {
        printf("error D3D11CreateDevice %#lx\n", (unsigned long)hr);
        return 1;
    }
    if (FAILED(ID3D11Device_CreateVertexShader(device, vs_blob, vs_size, NULL, &vs))
            || FAILED(ID3D11Device_CreatePixelShader(device, ps_blob, ps_size, NULL, &ps))
            || FAILED(ID3D11Device_CreateInputLayout(device, elements, 2, vs_blob, vs_size, &layout)))
    {
        printf("error creating shaders\n");
        return 1;
    }
    for (i = 0; i < 2; ++i)
    {
        vbs[i] = buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER, D3D11_USAGE_IMMUTABLE, 0, quad);
        ibs[i] = buffer(sizeof(indices), D3D11_BIND_INDEX_BUFFER, D3D11_USAGE_IMMUTABLE, 0, indices);
        srvs[i] = white_texture();
        memset(&bd, 0, sizeof(bd));
        bd.RenderTarget[0].BlendEnable = i;   /* enabled as ONE/ZERO: the same pixels, another pipeline */
        bd.RenderTarget[0].SrcBlend = bd.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_ONE;
        bd.RenderTarget[0].DestBlend = bd.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
        bd.RenderTarget[0].BlendOp = bd.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        bd.RenderTarget[0].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
        ID3D11Device_CreateBlendState(device, &bd, &blends[i]);
    }
    cb = buffer(32, D3D11_BIND_CONSTANT_BUFFER, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, NULL);
    ID3D11Device_CreateSamplerState(device, &sd, &sampler);
    ID3D11Device_CreateTexture2D(device, &td, NULL, &rt);
    td.Usage = D3D11_USAGE_STAGING;
    td.BindFlags = 0;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    ID3D11Device_CreateTexture2D(device, &td, NULL, &staging);
    ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv);
    if (!cb || !rtv || !staging || !sampler || !vbs[1] || !ibs[1] || !srvs[1] || !blends[1])
    {
        printf("error creating resources\n");
        return 1;
    }

    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, layout);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_VSSetConstantBuffers(context, 0, 1, &cb);
    ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &cb);
    ID3D11DeviceContext_PSSetSamplers(context, 0, 1, &sampler);

    /* Untimed: pipelines for both blend states, the first command buffers. */
    if ((r = frame(16, 0)) != 0)
        return r < 0 ? 1 : 2;
    if (stutter_mode)
        return stutter();

    cpu = cpu_seconds();
    start = now();
    do
    {
        if ((r = frame(draws_per_frame, frames)) < 0)
            return 1;
        bad_frames += (unsigned int)r;
        draws += draws_per_frame;
        ++frames;
        elapsed = now() - start;
    } while (elapsed < seconds);
    cpu = cpu_seconds() - cpu;

    printf("draws_per_second %.0f draws/s\n", draws / elapsed);
    printf("frames_per_second %.1f frames/s\n", frames / elapsed);
    printf("draws %llu draws\n", draws);
    printf("cpu_us_per_draw %.3f us\n", cpu * 1e6 / (double)draws);
    printf("cpu_load %.2f cores\n", cpu / elapsed);
    printf("bad_frames %llu frames\n", bad_frames);
    return bad_frames ? 2 : 0;
}
