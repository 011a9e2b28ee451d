/* resource_bench.c — resource throughput through the public D3D11 API (runs on any d3d11.dll):
 * MAP_WRITE_DISCARD rate on a small dynamic buffer, UpdateSubresource MB/s into a 1024x1024
 * RGBA8 texture, readback MB/s through a staging texture, CreateTexture2D+Release rate.
 * Prints "name value unit" lines; run_resource_bench.sh compares implementations. */
#ifndef COBJMACROS
# define COBJMACROS
#endif
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>
#include <d3d11.h>

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static double now(void)
{
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart / (double)f.QuadPart;
}

/* Waits until the GPU has done everything submitted so far. */
static void finish(void)
{
    D3D11_QUERY_DESC qd = { D3D11_QUERY_EVENT, 0 };
    ID3D11Query *q;
    BOOL done = FALSE;

    if (FAILED(ID3D11Device_CreateQuery(device, &qd, &q)))
        return;
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    while (ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, &done, sizeof(done), 0) == S_FALSE)
        Sleep(0);
    ID3D11Query_Release(q);
}

static void bench_map_discard(double seconds)
{
    D3D11_BUFFER_DESC d = { 256, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_WRITE };
    D3D11_BUFFER_DESC gd = { 256, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0 };
    D3D11_BOX box = { 0, 0, 0, 16, 1, 1 };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *b, *g;
    double start, t;
    unsigned long n = 0;

    /* Each map's contents are used by a copy, so every DISCARD must give fresh memory. */
    if (FAILED(ID3D11Device_CreateBuffer(device, &d, NULL, &b)) || FAILED(ID3D11Device_CreateBuffer(device, &gd, NULL, &g)))
        return;
    start = now();
    do
    {
        unsigned int i;
        for (i = 0; i < 256; ++i, ++n)
        {
            if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)b, 0, D3D11_MAP_WRITE_DISCARD, 0, &map)))
                return;
            memset(map.pData, (int)n, 256);
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)b, 0);
            ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)g, 0, (n % 16) * 16, 0, 0,
                    (ID3D11Resource *)b, 0, &box);
        }
        ID3D11DeviceContext_Flush(context);
        t = now() - start;
    } while (t < seconds);
    finish();
    printf("map_discard %.0f maps/s\n", n / t);
    ID3D11Buffer_Release(b);
    ID3D11Buffer_Release(g);
}

static ID3D11Texture2D *tex(D3D11_USAGE usage, UINT bind, UINT cpu)
{
    D3D11_TEXTURE2D_DESC d = { 1024, 1024, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, usage, bind, cpu };
    ID3D11Texture2D *t = NULL;
    ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
    return t;
}

static void bench_update(double seconds)
{
    ID3D11Texture2D *t = tex(D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0);
    uint8_t *data = malloc(1024 * 1024 * 4);
    double start, t0;
    unsigned long n = 0;

    if (!t || !data)
        return;
    memset(data, 0x42, 1024 * 1024 * 4);
    start = now();
    do
    {
        data[n % 4096] = (uint8_t)n;
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)t, 0, NULL, data, 4096, 0);
        ++n;
        if (!(n % 8))
            ID3D11DeviceContext_Flush(context);
        t0 = now() - start;
    } while (t0 < seconds);
    finish();
    t0 = now() - start;
    printf("update_subresource %.1f MB/s\n", n * 4.0 / t0);
    free(data);
    ID3D11Texture2D_Release(t);
}

static void bench_readback(double seconds)
{
    ID3D11Texture2D *src = tex(D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0);
    ID3D11Texture2D *st = tex(D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ);
    uint8_t *out = malloc(1024 * 1024 * 4);
    D3D11_MAPPED_SUBRESOURCE map;
    double start, t;
    unsigned long n = 0;
    unsigned int y;

    if (!src || !st || !out)
        return;
    start = now();
    do
    {
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)st, (ID3D11Resource *)src);
        if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)st, 0, D3D11_MAP_READ, 0, &map)))
            return;
        for (y = 0; y < 1024; ++y)
            memcpy(out + y * 4096, (uint8_t *)map.pData + y * map.RowPitch, 4096);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)st, 0);
        ++n;
        t = now() - start;
    } while (t < seconds);
    printf("readback %.1f MB/s\n", n * 4.0 / t);
    free(out);
    ID3D11Texture2D_Release(src);
    ID3D11Texture2D_Release(st);
}

static void bench_create(double seconds)
{
    D3D11_TEXTURE2D_DESC d = { 256, 256, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    ID3D11Texture2D *t;
    double start, el;
    unsigned long n = 0;

    start = now();
    do
    {
        unsigned int i;
        for (i = 0; i < 16; ++i, ++n)
        {
            if (FAILED(ID3D11Device_CreateTexture2D(device, &d, NULL, &t)))
                return;
            ID3D11Texture2D_Release(t);
        }
        el = now() - start;
    } while (el < seconds);
    printf("create_texture2d %.0f creates/s\n", n / el);
}

/* CreateTexture2D with initial data (256x256 RGBA8) + Release. */
static void bench_create_data(double seconds)
{
    D3D11_TEXTURE2D_DESC d = { 256, 256, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE };
    static uint32_t pixels[256 * 256];
    D3D11_SUBRESOURCE_DATA data = { pixels, 256 * 4, 0 };
    ID3D11Texture2D *t;
    double start, el;
    unsigned long n = 0;

    start = now();
    do
    {
        unsigned int i;
        for (i = 0; i < 16; ++i, ++n)
        {
            pixels[n & 0xffff] = (uint32_t)n;
            if (FAILED(ID3D11Device_CreateTexture2D(device, &d, &data, &t)))
                return;
            ID3D11Texture2D_Release(t);
        }
        el = now() - start;
    } while (el < seconds);
    printf("create_texture2d_data %.0f creates/s\n", n / el);
}

int main(int argc, char **argv)
{
    double seconds = argc > 1 ? atof(argv[1]) : 1.0;
    HRESULT hr;

    setvbuf(stdout, NULL, _IONBF, 0);
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context);
    if (FAILED(hr))
    {
        printf("error D3D11CreateDevice %#lx\n", (unsigned long)hr);
        return 1;
    }
    bench_map_discard(seconds);
    bench_update(seconds);
    bench_readback(seconds);
    bench_create(seconds);
    bench_create_data(seconds);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return 0;
}
