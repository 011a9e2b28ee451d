/* present_bench.c — presentation throughput through the public D3D11/DXGI API (runs on any
 * d3d11.dll + dxgi.dll): an almost empty 1280x720 frame (one ClearRenderTargetView of the
 * back buffer) presented with sync interval 0 in a window, as fast as the implementation
 * allows. Prints presented frames per second (wall clock), the mean and 99th-percentile time
 * the application thread spends inside Present, and the CPU time of the whole process (every
 * thread: application, command-stream worker, presenter, driver) per frame, all over the timed
 * loop only (60 untimed frames first). Never asks for outputs (GetContainingOutput,
 * fullscreen): some implementations cannot enumerate Wine's outputs. Prints "name value unit"
 * lines; run_present_bench.sh compares implementations.
 *
 * Usage: present_bench.exe [seconds] [flip|blit] */
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
#include <dxgi1_2.h>

#define WIDTH 1280
#define HEIGHT 720
#define MAX_SAMPLES (1 << 20)

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

static void pump(void)
{
    MSG msg;

    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE))
    {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 3.0;
    bool blit = argc > 2 && !strcmp(argv[2], "blit");
    RECT r = { 0, 0, WIDTH, HEIGHT };
    DXGI_SWAP_CHAIN_DESC1 desc;
    ID3D11DeviceContext *context;
    ID3D11RenderTargetView *rtv;
    ID3D11Texture2D *buffer;
    IDXGISwapChain1 *sc;
    IDXGIFactory2 *factory;
    IDXGIAdapter *adapter;
    ID3D11Device *device;
    IDXGIDevice *dxgi;
    WNDCLASSA wc;
    HWND window;
    double *samples, t0 = 0.0, t1, c0 = 0.0, c1, in_present = 0.0, end = 0.0;
    unsigned long frames = 0, failures = 0, i;
    HRESULT hr;

    if (secs <= 0.0)
        secs = 3.0;
    if (!(samples = malloc(MAX_SAMPLES * sizeof(*samples))))
        return 1;
    memset(&wc, 0, sizeof(wc));
    wc.lpfnWndProc = DefWindowProcA;
    wc.hInstance = GetModuleHandleA(NULL);
    wc.lpszClassName = "present_bench";
    RegisterClassA(&wc);
    AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
    window = CreateWindowA("present_bench", "present_bench", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0, 0,
            r.right - r.left, r.bottom - r.top, NULL, NULL, wc.hInstance, NULL);
    if (!window)
    {
        printf("error CreateWindow\n");
        return 1;
    }
    pump();
    if (FAILED(hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL,
            &context)))
    {
        printf("error D3D11CreateDevice %#lx\n", (unsigned long)hr);
        return 1;
    }
    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice, (void **)&dxgi);
    IDXGIDevice_GetAdapter(dxgi, &adapter);
    IDXGIAdapter_GetParent(adapter, &IID_IDXGIFactory2, (void **)&factory);
    memset(&desc, 0, sizeof(desc));
    desc.Width = WIDTH;
    desc.Height = HEIGHT;
    desc.Format = DXGI_FORMAT_B8G8R8A8_UNORM;
    desc.SampleDesc.Count = 1;
    desc.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
    desc.BufferCount = blit ? 1 : 2;
    desc.SwapEffect = blit ? DXGI_SWAP_EFFECT_DISCARD : DXGI_SWAP_EFFECT_FLIP_DISCARD;
    desc.Scaling = DXGI_SCALING_STRETCH;
    if (FAILED(hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, &desc, NULL, NULL, &sc)))
    {
        printf("error CreateSwapChainForHwnd %#lx\n", (unsigned long)hr);
        return 1;
    }
    IDXGIFactory2_MakeWindowAssociation(factory, window, DXGI_MWA_NO_WINDOW_CHANGES);
    if (FAILED(hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&buffer))
            || FAILED(hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)buffer, NULL, &rtv)))
    {
        printf("error back buffer %#lx\n", (unsigned long)hr);
        return 1;
    }
    ID3D11Texture2D_Release(buffer);

    for (i = 0;; ++i)
    {
        float color[4] = { (float)(i & 255) / 255.0f, 0.25f, 0.5f, 1.0f };
        double p0, p1;
        bool timed = i >= 60;

        if (i == 60)
        {
            t0 = now();
            c0 = cpu_seconds();
            end = t0 + secs;
        }
        pump();
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
        p0 = now();
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        p1 = now();
        if (FAILED(hr))
            ++failures;
        if (timed)
        {
            if (frames < MAX_SAMPLES)
                samples[frames] = p1 - p0;
            in_present += p1 - p0;
            ++frames;
            if (p1 >= end)
                break;
        }
    }
    t1 = now();
    c1 = cpu_seconds();
    qsort(samples, frames < MAX_SAMPLES ? frames : MAX_SAMPLES, sizeof(*samples), cmp_double);
    printf("model %s\n", blit ? "discard" : "flip_discard");
    printf("frames %lu\n", frames);
    printf("frames_per_second %.1f\n", frames / (t1 - t0));
    printf("present_us %.1f\n", in_present / frames * 1e6);
    printf("present_p99_us %.1f\n", samples[(frames < MAX_SAMPLES ? frames : MAX_SAMPLES) * 99 / 100] * 1e6);
    printf("cpu_us_per_frame %.1f\n", (c1 - c0) / frames * 1e6);
    if (failures)
        printf("error %lu presents failed (last %#lx)\n", failures, (unsigned long)hr);

    ID3D11RenderTargetView_Release(rtv);
    ID3D11DeviceContext_ClearState(context);
    IDXGISwapChain1_Release(sc);
    IDXGIFactory2_Release(factory);
    IDXGIAdapter_Release(adapter);
    IDXGIDevice_Release(dxgi);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    DestroyWindow(window);
    free(samples);
    return 0;
}
