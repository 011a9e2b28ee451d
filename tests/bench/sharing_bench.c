/* sharing_bench.c — shared-texture hand-off round trip between two devices (A clears and
 * releases, B acquires, copies and releases back) against a same-device clear + copy of the
 * same size in the same run, and CreateSharedHandle + OpenSharedResource1 latency. The tier
 * comes from D3D11VK_SHARING_TIER (default: fd natively where the device exports memory, host
 * on PE); run it once per tier. Each round trip ends when B's copy has completed on the GPU,
 * as each same-device iteration ends when its copy has, whichever way the tier synchronises
 * (CPU waits at ReleaseSync, or exported timeline semaphores waited on by the GPU). */
#ifdef D3D11VK_NATIVE
# define _GNU_SOURCE
# define USE_WS_PREFIX
#endif
#ifndef COBJMACROS
# define COBJMACROS
#endif
#define INITGUID
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <windows.h>
#include <d3d11_4.h>
#ifdef D3D11VK_NATIVE
# include <unistd.h>
#endif

static double now_ms(void)
{
#ifdef D3D11VK_NATIVE
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
#else
    LARGE_INTEGER f, c;
    QueryPerformanceFrequency(&f);
    QueryPerformanceCounter(&c);
    return (double)c.QuadPart * 1e3 / (double)f.QuadPart;
#endif
}

static void close_handle(HANDLE h)
{
#ifdef D3D11VK_NATIVE
    close((int)(intptr_t)h);
#else
    CloseHandle(h);
#endif
}

static ID3D11Texture2D *tex(ID3D11Device *device, UINT size, UINT misc)
{
    D3D11_TEXTURE2D_DESC d = {size, size, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, {1, 0}, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, misc};
    ID3D11Texture2D *t = NULL;
    ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
    return t;
}

static void wait_idle(ID3D11Device *device, ID3D11DeviceContext *context)
{
    D3D11_QUERY_DESC qd = {D3D11_QUERY_EVENT, 0};
    ID3D11Query *q;
    BOOL done = FALSE;

    if (FAILED(ID3D11Device_CreateQuery(device, &qd, &q)))
        return;
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    while (ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)q, &done, sizeof(done), 0) == S_FALSE)
        ;
    ID3D11Query_Release(q);
}

int main(int argc, char **argv)
{
    static const float color[4] = {0.25f, 0.5f, 0.75f, 1.0f};
    UINT size = argc > 1 ? (UINT)atoi(argv[1]) : 512, iterations = argc > 2 ? (UINT)atoi(argv[2]) : 50, i;
    ID3D11Device *a, *b;
    ID3D11Device1 *b1;
    ID3D11DeviceContext *ca, *cb;
    ID3D11Texture2D *ta, *tb, *dst_a, *dst_b, *plain;
    ID3D11RenderTargetView *rtv_a, *rtv_plain;
    IDXGIKeyedMutex *ka, *kb;
    IDXGIResource1 *r;
    const char *tier = getenv("D3D11VK_SHARING_TIER");
    double t0, same, handoff, open_us;
    unsigned int open_failures = 0;
    HANDLE h;

    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &a, NULL, &ca))
            || FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &b, NULL, &cb)))
        return 1;
    ID3D11Device_QueryInterface(b, &IID_ID3D11Device1, (void **)&b1);

    /* Same device: clear, copy, wait. */
    plain = tex(a, size, 0);
    dst_a = tex(a, size, 0);
    ID3D11Device_CreateRenderTargetView(a, (ID3D11Resource *)plain, NULL, &rtv_plain);
    for (i = 0; i < 3; ++i)   /* warm up */
    {
        ID3D11DeviceContext_ClearRenderTargetView(ca, rtv_plain, color);
        ID3D11DeviceContext_CopyResource(ca, (ID3D11Resource *)dst_a, (ID3D11Resource *)plain);
        wait_idle(a, ca);
    }
    t0 = now_ms();
    for (i = 0; i < iterations; ++i)
    {
        ID3D11DeviceContext_ClearRenderTargetView(ca, rtv_plain, color);
        ID3D11DeviceContext_CopyResource(ca, (ID3D11Resource *)dst_a, (ID3D11Resource *)plain);
        wait_idle(a, ca);
    }
    same = (now_ms() - t0) / iterations;

    /* Shared: A clears and releases, B acquires, copies and releases back. */
    ta = tex(a, size, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
    ID3D11Texture2D_QueryInterface(ta, &IID_IDXGIResource1, (void **)&r);
    IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h);
    if (!ta || FAILED(ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&tb)))
    {
        printf("sharing unavailable\n");
        return 1;
    }
    close_handle(h);
    dst_b = tex(b, size, 0);
    ID3D11Device_CreateRenderTargetView(a, (ID3D11Resource *)ta, NULL, &rtv_a);
    ID3D11Texture2D_QueryInterface(ta, &IID_IDXGIKeyedMutex, (void **)&ka);
    ID3D11Texture2D_QueryInterface(tb, &IID_IDXGIKeyedMutex, (void **)&kb);
    t0 = now_ms();
    for (i = 0; i < iterations; ++i)
    {
        IDXGIKeyedMutex_AcquireSync(ka, 0, INFINITE);
        ID3D11DeviceContext_ClearRenderTargetView(ca, rtv_a, color);
        IDXGIKeyedMutex_ReleaseSync(ka, 1);
        IDXGIKeyedMutex_AcquireSync(kb, 1, INFINITE);
        ID3D11DeviceContext_CopyResource(cb, (ID3D11Resource *)dst_b, (ID3D11Resource *)tb);
        IDXGIKeyedMutex_ReleaseSync(kb, 0);
        wait_idle(b, cb);
    }
    handoff = (now_ms() - t0) / iterations;

    /* CreateSharedHandle + OpenSharedResource1 + release. */
    t0 = now_ms();
    for (i = 0; i < iterations * 4; ++i)
    {
        ID3D11Texture2D *o;
        IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h);
        if (SUCCEEDED(ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&o)))
            ID3D11Texture2D_Release(o);
        else
            ++open_failures;
        close_handle(h);
    }
    open_us = (now_ms() - t0) * 1e3 / (iterations * 4);

    printf("sharing bench: %ux%u RGBA8, %u iterations, tier %s\n", size, size, iterations, tier && *tier ? tier : "default");
    printf("  same-device clear+copy+wait:        %8.3f ms\n", same);
    printf("  shared hand-off round trip (A->B->A): %8.3f ms  (%.2fx the same-device copy)\n", handoff, handoff / same);
    printf("  CreateSharedHandle+OpenSharedResource1+Release: %8.1f us (%u failures)\n", open_us, open_failures);

    IDXGIKeyedMutex_Release(ka);
    IDXGIKeyedMutex_Release(kb);
    IDXGIResource1_Release(r);
    ID3D11RenderTargetView_Release(rtv_a);
    ID3D11RenderTargetView_Release(rtv_plain);
    ID3D11Texture2D_Release(ta);
    ID3D11Texture2D_Release(tb);
    ID3D11Texture2D_Release(dst_a);
    ID3D11Texture2D_Release(dst_b);
    ID3D11Texture2D_Release(plain);
    ID3D11Device1_Release(b1);
    ID3D11DeviceContext_Release(ca);
    ID3D11DeviceContext_Release(cb);
    ID3D11Device_Release(a);
    ID3D11Device_Release(b);
    return 0;
}
