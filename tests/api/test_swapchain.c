/* test_swapchain.c — IDXGISwapChain4: description rules and HRESULTs, back buffers and
 * resize, fullscreen, presents and statistics, the latency object, and the pixels that
 * reach the X screen (captured by tests/api/capture.sh, which runs the program). The
 * native build has no windows: there, creation must fail with DXGI_ERROR_UNSUPPORTED. */
#include "test.h"

static ID3D11Device *create_device(void)
{
    ID3D11Device *device = NULL;
    HRESULT hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    return SUCCEEDED(hr) ? device : NULL;
}

static IDXGIFactory2 *device_factory(ID3D11Device *device)
{
    IDXGIFactory2 *factory = NULL;
    IDXGIAdapter *adapter;
    IDXGIDevice *dxgi;

    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice, (void **)&dxgi);
    IDXGIDevice_GetAdapter(dxgi, &adapter);
    IDXGIAdapter_GetParent(adapter, &IID_IDXGIFactory2, (void **)&factory);
    IDXGIAdapter_Release(adapter);
    IDXGIDevice_Release(dxgi);
    return factory;
}

static DXGI_SWAP_CHAIN_DESC1 make_desc(DXGI_SWAP_EFFECT effect, UINT buffers, DXGI_FORMAT format)
{
    DXGI_SWAP_CHAIN_DESC1 d;

    memset(&d, 0, sizeof(d));
    d.Width = 64;
    d.Height = 48;
    d.Format = format;
    d.SampleDesc.Count = 1;
    d.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
    d.BufferCount = buffers;
    d.Scaling = DXGI_SCALING_STRETCH;
    d.SwapEffect = effect;
    d.AlphaMode = DXGI_ALPHA_MODE_UNSPECIFIED;
    return d;
}

#ifdef D3D11VK_NATIVE

/* No Win32 windows natively: the documented answer is a clean DXGI_ERROR_UNSUPPORTED after
 * the description checks. */
static void test_native_unsupported(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM);
    DXGI_SWAP_CHAIN_DESC legacy;
    ID3D11Device *device = create_device(), *out_device = NULL;
    IDXGISwapChain1 *sc = (IDXGISwapChain1 *)0x1;
    IDXGISwapChain *sc0 = (IDXGISwapChain *)0x1;
    IDXGIFactory2 *factory;
    HWND fake = (HWND)0x10010;
    ULONG before;
    HRESULT hr;

    if (!device)
        return;
    factory = device_factory(device);
    ok(factory != NULL, "no factory");
    if (!factory)
        return;
    ok(vtable_complete(factory, sizeof(IDXGIFactory2Vtbl)), "incomplete IDXGIFactory2 vtable");
    before = get_refcount(device);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, fake, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_UNSUPPORTED, "CreateSwapChainForHwnd: %#lx", (unsigned long)hr);
    ok(sc == NULL, "swap chain pointer not cleared");
    ok(get_refcount(device) == before, "a failed creation kept a device reference");
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, NULL, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL, "NULL window: %#lx", (unsigned long)hr);
    d.BufferCount = 1;
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, fake, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL, "flip with 1 buffer: %#lx", (unsigned long)hr);
    d.BufferCount = 2;
    d.Format = DXGI_FORMAT_R32_FLOAT;
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, fake, &d, NULL, NULL, &sc);
    ok(hr == E_INVALIDARG, "R32_FLOAT: %#lx", (unsigned long)hr);

    memset(&legacy, 0, sizeof(legacy));
    legacy.BufferDesc.Width = 64;
    legacy.BufferDesc.Height = 48;
    legacy.BufferDesc.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    legacy.SampleDesc.Count = 1;
    legacy.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
    legacy.BufferCount = 1;
    legacy.OutputWindow = fake;
    legacy.Windowed = TRUE;
    hr = IDXGIFactory2_CreateSwapChain(factory, (IUnknown *)device, &legacy, &sc0);
    ok(hr == DXGI_ERROR_UNSUPPORTED, "CreateSwapChain: %#lx", (unsigned long)hr);
    ok(sc0 == NULL, "swap chain pointer not cleared");
    hr = D3D11CreateDeviceAndSwapChain(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &legacy, &sc0, &out_device, NULL, NULL);
    ok(hr == DXGI_ERROR_UNSUPPORTED, "D3D11CreateDeviceAndSwapChain: %#lx", (unsigned long)hr);
    ok(!out_device, "device returned on failure");
    IDXGIFactory2_Release(factory);
    ID3D11Device_Release(device);
}

int main(void)
{
    if (!test_init())
        return test_finish();
    run_test(test_native_unsupported);
    return test_finish();
}

#else

static HWND create_window(UINT width, UINT height)
{
    static bool registered;
    RECT r = { 0, 0, (LONG)width, (LONG)height };
    HWND w;

    if (!registered)
    {
        WNDCLASSA wc;
        memset(&wc, 0, sizeof(wc));
        wc.lpfnWndProc = DefWindowProcA;
        wc.hInstance = GetModuleHandleA(NULL);
        wc.lpszClassName = "d3d11vk_test_swapchain";
        wc.hbrBackground = (HBRUSH)GetStockObject(BLACK_BRUSH);
        RegisterClassA(&wc);
        registered = true;
    }
    AdjustWindowRect(&r, WS_OVERLAPPEDWINDOW, FALSE);
    w = CreateWindowA("d3d11vk_test_swapchain", "d3d11vk swap chain test", WS_OVERLAPPEDWINDOW | WS_VISIBLE,
            40, 40, r.right - r.left, r.bottom - r.top, NULL, NULL, GetModuleHandleA(NULL), NULL);
    ok(w != NULL, "CreateWindow failed");
    return w;
}

static void pump_messages(void)
{
    MSG msg;
    while (PeekMessageA(&msg, NULL, 0, 0, PM_REMOVE))
    {
        TranslateMessage(&msg);
        DispatchMessageA(&msg);
    }
}

static IDXGISwapChain1 *create_swapchain(ID3D11Device *device, HWND window, const DXGI_SWAP_CHAIN_DESC1 *d, HRESULT *hr_out)
{
    IDXGIFactory2 *factory = device_factory(device);
    IDXGISwapChain1 *sc = NULL;
    HRESULT hr;

    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, d, NULL, NULL, &sc);
    IDXGIFactory2_Release(factory);
    if (hr_out)
        *hr_out = hr;
    return sc;
}

struct desc_case
{
    DXGI_SWAP_EFFECT effect;
    UINT buffers;
    DXGI_FORMAT format;
    UINT samples;
    UINT flags;
    DXGI_SCALING scaling;
    DXGI_ALPHA_MODE alpha;
    UINT usage;
    HRESULT expected;
};

static void test_create_matrix(void)
{
    static const struct desc_case cases[] =
    {
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_DISCARD, 0, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_DISCARD, 17, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM_SRGB, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 4, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 0, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R32_FLOAT, 1, 0, DXGI_SCALING_STRETCH, 0, 0, E_INVALIDARG },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, 1, 0, DXGI_SCALING_STRETCH, 0, 0, E_INVALIDARG },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_UNKNOWN, 1, 0, DXGI_SCALING_STRETCH, 0, 0, E_INVALIDARG },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_NONE, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT,
                DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING,
                DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 3, DXGI_FORMAT_R10G10B10A2_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 1, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 2, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 16, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_NONE, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 17, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 2, DXGI_FORMAT_R8G8B8A8_UNORM, 4, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 2, DXGI_FORMAT_R8G8B8A8_UNORM_SRGB, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM_SRGB, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R16G16B16A16_FLOAT, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R10G10B10A2_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 3, DXGI_FORMAT_B8G8R8A8_UNORM, 1,
                DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT | DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING, DXGI_SCALING_STRETCH, 0, 0, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_ASPECT_RATIO_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, DXGI_ALPHA_MODE_PREMULTIPLIED, 0, DXGI_ERROR_INVALID_CALL },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, DXGI_ALPHA_MODE_IGNORE,
                DXGI_USAGE_SHADER_INPUT | DXGI_USAGE_UNORDERED_ACCESS, S_OK },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0x80000000u, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
        { (DXGI_SWAP_EFFECT)5, 2, DXGI_FORMAT_B8G8R8A8_UNORM, 1, 0, DXGI_SCALING_STRETCH, 0, 0, DXGI_ERROR_INVALID_CALL },
    };
    ID3D11Device *device = create_device();
    HWND window = create_window(320, 240);
    unsigned int i;

    if (!device)
        return;
    for (i = 0; i < ARRAYSIZE(cases); ++i)
    {
        const struct desc_case *c = &cases[i];
        DXGI_SWAP_CHAIN_DESC1 d = make_desc(c->effect, c->buffers, c->format), got;
        IDXGISwapChain1 *sc;
        HRESULT hr;

        d.SampleDesc.Count = c->samples;
        d.Flags = c->flags;
        d.Scaling = c->scaling;
        d.AlphaMode = c->alpha;
        d.BufferUsage |= c->usage;
        sc = create_swapchain(device, window, &d, &hr);
        ok(hr == c->expected, "case %u: %#lx, expected %#lx", i, (unsigned long)hr, (unsigned long)c->expected);
        ok(SUCCEEDED(hr) == (sc != NULL), "case %u: pointer %p with %#lx", i, (void *)sc, (unsigned long)hr);
        if (!sc)
            continue;
        hr = IDXGISwapChain1_GetDesc1(sc, &got);
        ok(hr == S_OK && !memcmp(&got, &d, sizeof(d)), "case %u: GetDesc1 differs", i);
        IDXGISwapChain1_Release(sc);
    }
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

static void test_create_args(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM), got;
    DXGI_SWAP_CHAIN_FULLSCREEN_DESC fs;
    ID3D11Device *device = create_device();
    IDXGIFactory2 *factory;
    IDXGISwapChain1 *sc = (IDXGISwapChain1 *)0x1;
    IUnknown *unk;
    HWND window = create_window(200, 150), dead;
    ULONG refcount, before;
    HRESULT hr;

    if (!device)
        return;
    factory = device_factory(device);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, NULL, window, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL && !sc, "NULL device: %#lx", (unsigned long)hr);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, NULL, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL, "NULL window: %#lx", (unsigned long)hr);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, NULL, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL, "NULL desc: %#lx", (unsigned long)hr);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, &d, NULL, NULL, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "NULL out: %#lx", (unsigned long)hr);
    hr = IDXGIFactory2_CreateSwapChainForComposition(factory, (IUnknown *)device, &d, NULL, &sc);
    ok(FAILED(hr) && !sc, "composition swap chain: %#lx", (unsigned long)hr);
    dead = create_window(64, 64);
    DestroyWindow(dead);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, dead, &d, NULL, NULL, &sc);
    ok(hr == DXGI_ERROR_INVALID_CALL && !sc, "destroyed window: %#lx", (unsigned long)hr);

    /* Zero sizes take the client area. */
    d.Width = d.Height = 0;
    before = get_refcount(device);
    hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, &d, NULL, NULL, &sc);
    ok(hr == S_OK, "CreateSwapChainForHwnd: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ok(get_refcount(device) > before, "the swap chain holds no device reference");
        IDXGISwapChain1_GetDesc1(sc, &got);
        ok(got.Width == 200 && got.Height == 150, "size %ux%u, expected the client size 200x150", got.Width, got.Height);
        hr = IDXGISwapChain1_GetFullscreenDesc(sc, &fs);
        ok(hr == S_OK && fs.Windowed, "GetFullscreenDesc: %#lx, windowed %d", (unsigned long)hr, fs.Windowed);
        hr = IDXGISwapChain1_GetDevice(sc, &IID_ID3D11Device, (void **)&unk);
        ok(hr == S_OK && unk == (IUnknown *)device, "GetDevice: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
            IUnknown_Release(unk);
        hr = IDXGISwapChain1_GetParent(sc, &IID_IDXGIFactory2, (void **)&unk);
        ok(hr == S_OK && unk == (IUnknown *)factory, "GetParent: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
            IUnknown_Release(unk);
        hr = IDXGISwapChain1_QueryInterface(sc, &IID_IDXGISwapChain4, (void **)&unk);
        ok(hr == S_OK, "QueryInterface(IDXGISwapChain4): %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ok(vtable_complete(unk, sizeof(IDXGISwapChain4Vtbl)), "incomplete IDXGISwapChain4 vtable");
            IUnknown_Release(unk);
        }
        refcount = IDXGISwapChain1_Release(sc);
        ok(!refcount, "refcount %lu", (unsigned long)refcount);
        ok(get_refcount(device) == before, "device reference kept after release");
    }
    IDXGIFactory2_Release(factory);
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

static void test_legacy_create(void)
{
    DXGI_SWAP_CHAIN_DESC d, got;
    ID3D11Device *device = NULL;
    ID3D11DeviceContext *context = NULL;
    IDXGISwapChain *sc = NULL;
    HWND window = create_window(160, 120);
    HRESULT hr;

    memset(&d, 0, sizeof(d));
    d.BufferDesc.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    d.SampleDesc.Count = 1;
    d.BufferUsage = DXGI_USAGE_RENDER_TARGET_OUTPUT;
    d.BufferCount = 1;
    d.OutputWindow = window;
    d.Windowed = TRUE;
    d.SwapEffect = DXGI_SWAP_EFFECT_DISCARD;
    hr = D3D11CreateDeviceAndSwapChain(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &d, &sc, &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDeviceAndSwapChain: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        hr = IDXGISwapChain_GetDesc(sc, &got);
        ok(hr == S_OK && got.BufferDesc.Width == 160 && got.BufferDesc.Height == 120 && got.OutputWindow == window
                && got.Windowed && got.BufferCount == 1 && got.SwapEffect == DXGI_SWAP_EFFECT_DISCARD,
                "GetDesc: %#lx %ux%u", (unsigned long)hr, got.BufferDesc.Width, got.BufferDesc.Height);
        hr = IDXGISwapChain_GetDesc(sc, NULL);
        ok(hr == E_INVALIDARG, "GetDesc(NULL): %#lx", (unsigned long)hr);
        IDXGISwapChain_Release(sc);
        ID3D11DeviceContext_Release(context);
        ID3D11Device_Release(device);
    }
    d.BufferCount = 0;
    sc = (IDXGISwapChain *)0x1;
    hr = D3D11CreateDeviceAndSwapChain(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &d, &sc, &device, NULL, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL && !sc, "zero buffers: %#lx", (unsigned long)hr);
    DestroyWindow(window);
}

static void test_buffers_and_resize(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 3, DXGI_FORMAT_R8G8B8A8_UNORM), got;
    ID3D11Device *device = create_device();
    ID3D11Texture2D *b0, *b0_again, *b1;
    D3D11_TEXTURE2D_DESC td;
    IDXGISurface *surface;
    IDXGISwapChain1 *sc;
    HWND window = create_window(300, 200);
    HRESULT hr;

    if (!device)
        return;
    d.BufferUsage |= DXGI_USAGE_SHADER_INPUT;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&b0);
    ok(hr == S_OK, "GetBuffer(0): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&b0_again);
    ok(hr == S_OK && b0 == b0_again, "GetBuffer(0) twice: %#lx, %p vs %p", (unsigned long)hr, (void *)b0, (void *)b0_again);
    ID3D11Texture2D_GetDesc(b0, &td);
    ok(td.Width == 64 && td.Height == 48 && td.Format == DXGI_FORMAT_R8G8B8A8_UNORM && td.MipLevels == 1 && td.ArraySize == 1
            && (td.BindFlags & D3D11_BIND_RENDER_TARGET) && (td.BindFlags & D3D11_BIND_SHADER_RESOURCE)
            && td.Usage == D3D11_USAGE_DEFAULT, "back buffer desc %ux%u fmt %#x bind %#x", td.Width, td.Height, td.Format, td.BindFlags);
    hr = IDXGISwapChain1_GetBuffer(sc, 2, &IID_ID3D11Texture2D, (void **)&b1);
    ok(hr == S_OK && b1 != b0, "GetBuffer(2): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        /* Sequential models: buffer 0 is the application's, the others are read-only. */
        static const DXGI_USAGE base = DXGI_USAGE_RENDER_TARGET_OUTPUT | DXGI_USAGE_SHADER_INPUT | DXGI_USAGE_BACK_BUFFER;
        DXGI_USAGE usage[2] = { 0, 0 };
        IDXGIResource *r;

        if (SUCCEEDED(ID3D11Texture2D_QueryInterface(b0, &IID_IDXGIResource, (void **)&r)))
        {
            IDXGIResource_GetUsage(r, &usage[0]);
            IDXGIResource_Release(r);
        }
        if (SUCCEEDED(ID3D11Texture2D_QueryInterface(b1, &IID_IDXGIResource, (void **)&r)))
        {
            IDXGIResource_GetUsage(r, &usage[1]);
            IDXGIResource_Release(r);
        }
        ok(usage[0] == base, "buffer 0 usage %#x, expected %#x", (unsigned)usage[0], (unsigned)base);
        ok(usage[1] == (base | DXGI_USAGE_READ_ONLY), "buffer 2 usage %#x, expected %#x", (unsigned)usage[1],
                (unsigned)(base | DXGI_USAGE_READ_ONLY));
        ID3D11Texture2D_Release(b1);
    }
    b1 = (ID3D11Texture2D *)0x1;
    hr = IDXGISwapChain1_GetBuffer(sc, 3, &IID_ID3D11Texture2D, (void **)&b1);
    ok(hr == DXGI_ERROR_INVALID_CALL && !b1, "GetBuffer(3): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_IDXGISurface, (void **)&surface);
    ok(hr == S_OK, "GetBuffer(IDXGISurface): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        IDXGISurface_Release(surface);
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetBuffer(NULL): %#lx", (unsigned long)hr);

    /* Outstanding references forbid ResizeBuffers. */
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 128, 96, DXGI_FORMAT_UNKNOWN, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "ResizeBuffers with references: %#lx", (unsigned long)hr);
    ID3D11Texture2D_Release(b0_again);
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 128, 96, DXGI_FORMAT_UNKNOWN, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "ResizeBuffers with one reference left: %#lx", (unsigned long)hr);
    ID3D11Texture2D_Release(b0);
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 128, 96, DXGI_FORMAT_UNKNOWN, 0);
    ok(hr == S_OK, "ResizeBuffers: %#lx", (unsigned long)hr);
    IDXGISwapChain1_GetDesc1(sc, &got);
    ok(got.Width == 128 && got.Height == 96 && got.BufferCount == 3 && got.Format == DXGI_FORMAT_R8G8B8A8_UNORM,
            "after resize %ux%u x%u fmt %#x", got.Width, got.Height, got.BufferCount, got.Format);
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&b0);
    ok(hr == S_OK, "GetBuffer after resize: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Texture2D_GetDesc(b0, &td);
        ok(td.Width == 128 && td.Height == 96, "new back buffer %ux%u", td.Width, td.Height);
        ID3D11Texture2D_Release(b0);
    }
    /* Zero sizes: the client area; new count and format. */
    hr = IDXGISwapChain1_ResizeBuffers(sc, 2, 0, 0, DXGI_FORMAT_B8G8R8A8_UNORM, 0);
    ok(hr == S_OK, "ResizeBuffers(0x0): %#lx", (unsigned long)hr);
    IDXGISwapChain1_GetDesc1(sc, &got);
    ok(got.Width == 300 && got.Height == 200 && got.BufferCount == 2 && got.Format == DXGI_FORMAT_B8G8R8A8_UNORM,
            "after resize %ux%u x%u fmt %#x", got.Width, got.Height, got.BufferCount, got.Format);
    hr = IDXGISwapChain1_ResizeBuffers(sc, 1, 0, 0, DXGI_FORMAT_UNKNOWN, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "flip with one buffer: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 0, 0, DXGI_FORMAT_R8G8B8A8_UNORM_SRGB, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "flip with an sRGB format: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 0, 0, DXGI_FORMAT_UNKNOWN, DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT);
    ok(hr == DXGI_ERROR_INVALID_CALL, "adding the waitable flag: %#lx", (unsigned long)hr);
    IDXGISwapChain1_Release(sc);

    /* DISCARD exposes buffer 0 only. */
    d = make_desc(DXGI_SWAP_EFFECT_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    if ((sc = create_swapchain(device, window, &d, &hr)))
    {
        hr = IDXGISwapChain1_GetBuffer(sc, 1, &IID_ID3D11Texture2D, (void **)&b1);
        ok(hr == DXGI_ERROR_INVALID_CALL, "DISCARD GetBuffer(1): %#lx", (unsigned long)hr);
        IDXGISwapChain1_Release(sc);
    }
    else
        ok(0, "DISCARD creation failed: %#lx", (unsigned long)hr);
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

static void test_misc_methods(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    IDXGISwapChain4 *sc4;
    IDXGISwapChain1 *sc;
    IDXGIOutput *output;
    DXGI_RGBA color = { 0.25f, 0.5f, 0.75f, 1.0f }, got_color;
    DXGI_MODE_ROTATION rotation;
    DXGI_MODE_DESC mode;
    HWND window = create_window(256, 192), hwnd;
    UINT w, h, support, latency;
    IUnknown *unk;
    RECT client;
    HRESULT hr;

    if (!device)
        return;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    IDXGISwapChain1_QueryInterface(sc, &IID_IDXGISwapChain4, (void **)&sc4);
    hr = IDXGISwapChain4_GetHwnd(sc4, &hwnd);
    ok(hr == S_OK && hwnd == window, "GetHwnd: %#lx", (unsigned long)hr);
    unk = (IUnknown *)0x1;
    hr = IDXGISwapChain4_GetCoreWindow(sc4, &IID_IUnknown, (void **)&unk);
    ok(FAILED(hr) && !unk, "GetCoreWindow: %#lx", (unsigned long)hr);
    ok(!IDXGISwapChain4_IsTemporaryMonoSupported(sc4), "temporary mono supported");
    output = (IDXGIOutput *)0x1;
    hr = IDXGISwapChain4_GetRestrictToOutput(sc4, &output);
    ok(hr == S_OK && !output, "GetRestrictToOutput: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetBackgroundColor(sc4, &color);
    ok(hr == S_OK, "SetBackgroundColor: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_GetBackgroundColor(sc4, &got_color);
    ok(hr == S_OK && !memcmp(&color, &got_color, sizeof(color)), "GetBackgroundColor: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetRotation(sc4, DXGI_MODE_ROTATION_IDENTITY);
    ok(hr == S_OK, "SetRotation: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_GetRotation(sc4, &rotation);
    ok(hr == S_OK && rotation == DXGI_MODE_ROTATION_IDENTITY, "GetRotation: %#lx %d", (unsigned long)hr, rotation);
    hr = IDXGISwapChain4_SetRotation(sc4, (DXGI_MODE_ROTATION)9);
    ok(hr == DXGI_ERROR_INVALID_CALL, "SetRotation(9): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_GetSourceSize(sc4, &w, &h);
    ok(hr == S_OK && w == 64 && h == 48, "GetSourceSize: %#lx %ux%u", (unsigned long)hr, w, h);
    hr = IDXGISwapChain4_SetSourceSize(sc4, 32, 16);
    ok(hr == S_OK, "SetSourceSize: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_GetSourceSize(sc4, &w, &h);
    ok(hr == S_OK && w == 32 && h == 16, "GetSourceSize: %ux%u", w, h);
    hr = IDXGISwapChain4_SetSourceSize(sc4, 65, 16);
    ok(hr == E_INVALIDARG, "SetSourceSize beyond the buffers: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetSourceSize(sc4, 0, 16);
    ok(hr == E_INVALIDARG, "SetSourceSize(0): %#lx", (unsigned long)hr);
    ok(IDXGISwapChain4_GetCurrentBackBufferIndex(sc4) == 0, "back buffer index");
    hr = IDXGISwapChain4_CheckColorSpaceSupport(sc4, DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709, &support);
    ok(hr == S_OK && support == DXGI_SWAP_CHAIN_COLOR_SPACE_SUPPORT_FLAG_PRESENT, "sRGB support: %#lx %#x", (unsigned long)hr, support);
    hr = IDXGISwapChain4_CheckColorSpaceSupport(sc4, DXGI_COLOR_SPACE_RGB_FULL_G10_NONE_P709, &support);
    ok(hr == S_OK && !support, "scRGB on an 8-bit format: %#lx %#x", (unsigned long)hr, support);
    hr = IDXGISwapChain4_CheckColorSpaceSupport(sc4, DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709, NULL);
    ok(hr == E_INVALIDARG, "CheckColorSpaceSupport(NULL): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetColorSpace1(sc4, DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709);
    ok(hr == S_OK, "SetColorSpace1(sRGB): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetColorSpace1(sc4, DXGI_COLOR_SPACE_YCBCR_FULL_G22_LEFT_P601);
    ok(hr == E_INVALIDARG, "SetColorSpace1(YCbCr): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetHDRMetaData(sc4, DXGI_HDR_METADATA_TYPE_NONE, 0, NULL);
    ok(hr == S_OK, "SetHDRMetaData(NONE): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetHDRMetaData(sc4, DXGI_HDR_METADATA_TYPE_HDR10, 4, &support);
    ok(hr == E_INVALIDARG, "SetHDRMetaData(HDR10, short): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_GetMaximumFrameLatency(sc4, &latency);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetMaximumFrameLatency without the flag: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain4_SetMaximumFrameLatency(sc4, 2);
    ok(hr == DXGI_ERROR_INVALID_CALL, "SetMaximumFrameLatency without the flag: %#lx", (unsigned long)hr);
    ok(!IDXGISwapChain4_GetFrameLatencyWaitableObject(sc4), "waitable object without the flag");
    hr = IDXGISwapChain4_GetContainingOutput(sc4, &output);
    ok(hr == S_OK && output, "GetContainingOutput: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        IDXGIOutput_Release(output);

    /* ResizeTarget sizes the client area. */
    memset(&mode, 0, sizeof(mode));
    mode.Width = 200;
    mode.Height = 100;
    hr = IDXGISwapChain4_ResizeTarget(sc4, &mode);
    ok(hr == S_OK, "ResizeTarget: %#lx", (unsigned long)hr);
    GetClientRect(window, &client);
    ok(client.right == 200 && client.bottom == 100, "client %ldx%ld after ResizeTarget", client.right, client.bottom);
    hr = IDXGISwapChain4_ResizeTarget(sc4, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "ResizeTarget(NULL): %#lx", (unsigned long)hr);

    IDXGISwapChain4_Release(sc4);
    IDXGISwapChain1_Release(sc);
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

static void test_fullscreen(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM);
    ID3D11Device *device = create_device();
    DXGI_SWAP_CHAIN_FULLSCREEN_DESC fs;
    IDXGIOutput *output, *target;
    DXGI_OUTPUT_DESC od;
    IDXGISwapChain1 *sc;
    RECT before, during, after;
    HWND window = create_window(320, 240);
    BOOL full;
    HRESULT hr;

    if (!device)
        return;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    GetWindowRect(window, &before);
    hr = IDXGISwapChain1_GetFullscreenState(sc, &full, &target);
    ok(hr == S_OK && !full && !target, "GetFullscreenState: %#lx %d %p", (unsigned long)hr, full, (void *)target);
    hr = IDXGISwapChain1_SetFullscreenState(sc, FALSE, (IDXGIOutput *)0x1);
    ok(hr == DXGI_ERROR_INVALID_CALL, "windowed with a target: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_SetFullscreenState(sc, TRUE, NULL);
    ok(hr == S_OK, "SetFullscreenState(TRUE): %#lx", (unsigned long)hr);
    pump_messages();
    hr = IDXGISwapChain1_GetFullscreenState(sc, &full, &target);
    ok(hr == S_OK && full && target, "GetFullscreenState: %#lx %d %p", (unsigned long)hr, full, (void *)target);
    hr = IDXGISwapChain1_GetFullscreenDesc(sc, &fs);
    ok(hr == S_OK && !fs.Windowed, "fullscreen desc windowed %d", fs.Windowed);
    if (target)
    {
        IDXGIOutput_GetDesc(target, &od);
        GetWindowRect(window, &during);
        ok(EqualRect(&during, &od.DesktopCoordinates), "window (%ld,%ld)-(%ld,%ld), output (%ld,%ld)-(%ld,%ld)",
                during.left, during.top, during.right, during.bottom, od.DesktopCoordinates.left,
                od.DesktopCoordinates.top, od.DesktopCoordinates.right, od.DesktopCoordinates.bottom);
        hr = IDXGISwapChain1_GetContainingOutput(sc, &output);
        ok(hr == S_OK && output == target, "GetContainingOutput in fullscreen: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
            IDXGIOutput_Release(output);
        IDXGIOutput_Release(target);
    }
    hr = IDXGISwapChain1_Present(sc, 0, DXGI_PRESENT_TEST);
    ok(hr == S_OK, "Present(TEST) in fullscreen: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_SetFullscreenState(sc, FALSE, NULL);
    ok(hr == S_OK, "SetFullscreenState(FALSE): %#lx", (unsigned long)hr);
    pump_messages();
    hr = IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(hr == S_OK && !full, "still fullscreen");
    GetWindowRect(window, &after);
    ok(EqualRect(&before, &after), "window not restored: (%ld,%ld)-(%ld,%ld) vs (%ld,%ld)-(%ld,%ld)",
            after.left, after.top, after.right, after.bottom, before.left, before.top, before.right, before.bottom);
    /* Created fullscreen: the description's Windowed = FALSE. */
    {
        IDXGIFactory2 *factory = device_factory(device);
        IDXGISwapChain1 *fs_sc = NULL;

        memset(&fs, 0, sizeof(fs));
        fs.Windowed = FALSE;
        hr = IDXGIFactory2_CreateSwapChainForHwnd(factory, (IUnknown *)device, window, &d, &fs, NULL, &fs_sc);
        ok(hr == S_OK, "fullscreen creation: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            hr = IDXGISwapChain1_GetFullscreenState(fs_sc, &full, NULL);
            ok(hr == S_OK && full, "created fullscreen but windowed");
            IDXGISwapChain1_Release(fs_sc);
            GetWindowRect(window, &after);
            ok(EqualRect(&before, &after), "window not restored after a fullscreen swap chain");
        }
        IDXGIFactory2_Release(factory);
    }
    /* Released while fullscreen: the window comes back. */
    IDXGISwapChain1_SetFullscreenState(sc, TRUE, NULL);
    IDXGISwapChain1_Release(sc);
    GetWindowRect(window, &after);
    ok(EqualRect(&before, &after), "window not restored at release");
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Fills buffer 0 with a colour through the public API. */
static bool fill_back_buffer(ID3D11Device *device, IDXGISwapChain1 *sc, const float color[4])
{
    ID3D11DeviceContext *context;
    ID3D11RenderTargetView *rtv;
    ID3D11Texture2D *buffer;
    HRESULT hr;

    if (FAILED(hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&buffer)))
        return false;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)buffer, NULL, &rtv);
    ID3D11Texture2D_Release(buffer);
    ok(hr == S_OK, "CreateRenderTargetView on the back buffer: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return false;
    ID3D11Device_GetImmediateContext(device, &context);
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
    ID3D11DeviceContext_Release(context);
    ID3D11RenderTargetView_Release(rtv);
    return true;
}

static void test_present(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM);
    static const float red[4] = { 1.0f, 0.0f, 0.0f, 1.0f };
    ID3D11Device *device = create_device();
    DXGI_FRAME_STATISTICS stats;
    DXGI_PRESENT_PARAMETERS params;
    IDXGISwapChain1 *sc;
    RECT dirty = { 0, 0, 8, 8 };
    HWND window = create_window(128, 96);
    UINT count, i;
    HRESULT hr;

    if (!device)
        return;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    hr = IDXGISwapChain1_GetLastPresentCount(sc, &count);
    ok(hr == S_OK && count == 0, "GetLastPresentCount: %#lx %u", (unsigned long)hr, count);
    hr = IDXGISwapChain1_GetFrameStatistics(sc, &stats);
    ok(hr == DXGI_ERROR_FRAME_STATISTICS_DISJOINT, "GetFrameStatistics before presenting: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_Present(sc, 5, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "sync interval 5: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_Present(sc, 0, 0x10000);
    ok(hr == DXGI_ERROR_INVALID_CALL, "unknown flags: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_Present(sc, 0, DXGI_PRESENT_ALLOW_TEARING);
    ok(hr == DXGI_ERROR_INVALID_CALL, "tearing without the creation flag: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_Present(sc, 0, DXGI_PRESENT_TEST);
    ok(hr == S_OK, "Present(TEST): %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_GetLastPresentCount(sc, &count);
    ok(hr == S_OK && count == 0, "a test present counted: %u", count);
    hr = IDXGISwapChain1_Present1(sc, 0, 0, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "Present1(NULL params): %#lx", (unsigned long)hr);

    fill_back_buffer(device, sc, red);
    for (i = 0; i < 5; ++i)
    {
        hr = IDXGISwapChain1_Present(sc, i & 1, 0);
        ok(hr == S_OK, "Present %u: %#lx", i, (unsigned long)hr);
    }
    memset(&params, 0, sizeof(params));
    params.DirtyRectsCount = 1;
    params.pDirtyRects = &dirty;
    hr = IDXGISwapChain1_Present1(sc, 1, 0, &params);
    ok(hr == S_OK, "Present1 with a dirty rect: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_GetLastPresentCount(sc, &count);
    ok(hr == S_OK && count == 6, "GetLastPresentCount after 6 presents: %u", count);
    for (i = 0; i < 200; ++i)
    {
        hr = IDXGISwapChain1_GetFrameStatistics(sc, &stats);
        if (hr == S_OK && stats.PresentCount == 6)
            break;
        Sleep(10);
    }
    ok(hr == S_OK && stats.PresentCount == 6 && stats.SyncQPCTime.QuadPart, "frame statistics: %#lx, count %u",
            (unsigned long)hr, stats.PresentCount);

    /* DO_NOT_WAIT: presented, or refused while the queue is full; only presents count. */
    {
        UINT presented = 0, refused = 0, before_count = 0;

        IDXGISwapChain1_GetLastPresentCount(sc, &before_count);
        for (i = 0; i < 20; ++i)
        {
            hr = IDXGISwapChain1_Present(sc, 1, DXGI_PRESENT_DO_NOT_WAIT);
            ok(hr == S_OK || hr == DXGI_ERROR_WAS_STILL_DRAWING, "Present(DO_NOT_WAIT): %#lx", (unsigned long)hr);
            if (hr == S_OK)
                ++presented;
            else
                ++refused;
        }
        hr = IDXGISwapChain1_GetLastPresentCount(sc, &count);
        ok(hr == S_OK && count == before_count + presented, "present count %u after %u+%u presents (%u refused)",
                count, before_count, presented, refused);
    }

    /* A minimised window is occluded. */
    ShowWindow(window, SW_MINIMIZE);
    pump_messages();
    hr = IDXGISwapChain1_Present(sc, 0, 0);
    ok(hr == DXGI_STATUS_OCCLUDED, "Present while minimised: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain1_Present(sc, 0, DXGI_PRESENT_TEST);
    ok(hr == DXGI_STATUS_OCCLUDED, "Present(TEST) while minimised: %#lx", (unsigned long)hr);
    ShowWindow(window, SW_RESTORE);
    pump_messages();
    hr = IDXGISwapChain1_Present(sc, 0, DXGI_PRESENT_TEST);
    ok(hr == S_OK, "Present(TEST) restored: %#lx", (unsigned long)hr);

    /* A destroyed window fails cleanly. */
    DestroyWindow(window);
    window = NULL;
    hr = IDXGISwapChain1_Present(sc, 0, 0);
    ok(FAILED(hr), "Present to a destroyed window: %#lx", (unsigned long)hr);
    IDXGISwapChain1_Release(sc);
done:
    if (window)
        DestroyWindow(window);
    ID3D11Device_Release(device);
}

static void test_waitable(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 3, DXGI_FORMAT_B8G8R8A8_UNORM);
    static const float green[4] = { 0.0f, 1.0f, 0.0f, 1.0f };
    ID3D11Device *device = create_device();
    IDXGISwapChain2 *sc2;
    IDXGISwapChain1 *sc;
    HWND window = create_window(96, 64);
    UINT latency, i, signalled;
    HANDLE h;
    HRESULT hr;

    if (!device)
        return;
    d.Flags = DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT | DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    IDXGISwapChain1_QueryInterface(sc, &IID_IDXGISwapChain2, (void **)&sc2);
    hr = IDXGISwapChain2_GetMaximumFrameLatency(sc2, &latency);
    ok(hr == S_OK && latency == 1, "default latency: %#lx %u", (unsigned long)hr, latency);
    hr = IDXGISwapChain2_SetMaximumFrameLatency(sc2, 0);
    ok(hr == DXGI_ERROR_INVALID_CALL, "latency 0: %#lx", (unsigned long)hr);
    hr = IDXGISwapChain2_SetMaximumFrameLatency(sc2, 17);
    ok(hr == DXGI_ERROR_INVALID_CALL, "latency 17: %#lx", (unsigned long)hr);
    h = IDXGISwapChain2_GetFrameLatencyWaitableObject(sc2);
    ok(h != NULL, "no waitable object");
    if (!h)
        goto release;
    /* One frame may start at once (latency 1), then nothing until a frame completes. */
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "not signalled initially");
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "signalled twice with latency 1");
    hr = IDXGISwapChain2_SetMaximumFrameLatency(sc2, 2);
    ok(hr == S_OK, "SetMaximumFrameLatency(2): %#lx", (unsigned long)hr);
    ok(WaitForSingleObject(h, 0) == WAIT_OBJECT_0, "raising the latency released no frame");
    ok(WaitForSingleObject(h, 0) == WAIT_TIMEOUT, "raising the latency by 1 released more");
    fill_back_buffer(device, (IDXGISwapChain1 *)sc2, green);
    for (i = 0; i < 3; ++i)
    {
        hr = IDXGISwapChain2_Present(sc2, 0, DXGI_PRESENT_ALLOW_TEARING);
        ok(hr == S_OK, "Present(ALLOW_TEARING) %u: %#lx", i, (unsigned long)hr);
    }
    hr = IDXGISwapChain2_Present(sc2, 1, DXGI_PRESENT_ALLOW_TEARING);
    ok(hr == DXGI_ERROR_INVALID_CALL, "tearing with sync interval 1: %#lx", (unsigned long)hr);
    /* Once per completed frame. */
    for (signalled = 0; signalled < 3 && WaitForSingleObject(h, 5000) == WAIT_OBJECT_0; ++signalled)
        ;
    ok(signalled == 3, "signalled %u times for 3 frames", signalled);
    ok(WaitForSingleObject(h, 200) == WAIT_TIMEOUT, "signalled more than once per frame");
    CloseHandle(h);
release:
    IDXGISwapChain2_Release(sc2);
    IDXGISwapChain1_Release(sc);
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Screen capture through tests/api/capture.sh: the program drops a request file in
 * D3D11VK_CAPTURE_DIR and the script answers with the X root window as a PPM. */
struct capture
{
    unsigned int width, height;
    unsigned char *rgb;
};

static bool capture_screen(struct capture *cap)
{
    static unsigned int serial;
    const char *dir = getenv("D3D11VK_CAPTURE_DIR");
    char req[MAX_PATH], res[MAX_PATH], prefix[8] = "";
    unsigned int maxval, i;
    FILE *f;
    int c;

    memset(cap, 0, sizeof(*cap));
    if (!dir || !*dir)
    {
        ok(0, "D3D11VK_CAPTURE_DIR is not set: run the test through tests/api/capture.sh");
        return false;
    }
    if (dir[0] == '/')
        strcpy(prefix, "Z:");    /* a Unix path: Wine's Z: drive is the root */
    ++serial;
    snprintf(req, sizeof(req), "%s%s/req-%u", prefix, dir, serial);
    snprintf(res, sizeof(res), "%s%s/cap-%u.ppm", prefix, dir, serial);
    if (!(f = fopen(req, "w")))
    {
        ok(0, "cannot write %s", req);
        return false;
    }
    fclose(f);
    for (i = 0; i < 1000 && !(f = fopen(res, "rb")); ++i)
        Sleep(20);
    if (!f)
    {
        ok(0, "no capture arrived (%s)", res);
        return false;
    }
    if (fgetc(f) != 'P' || fgetc(f) != '6' || fscanf(f, "%u %u %u", &cap->width, &cap->height, &maxval) != 3
            || maxval != 255 || cap->width > 16384 || cap->height > 16384)
    {
        ok(0, "bad capture header");
        fclose(f);
        return false;
    }
    c = fgetc(f);   /* the single whitespace before the pixels */
    (void)c;
    cap->rgb = malloc((size_t)cap->width * cap->height * 3);
    if (!cap->rgb || fread(cap->rgb, 3, (size_t)cap->width * cap->height, f) != (size_t)cap->width * cap->height)
    {
        ok(0, "short capture");
        free(cap->rgb);
        cap->rgb = NULL;
        fclose(f);
        return false;
    }
    fclose(f);
    remove(res);
    return true;
}

static bool colour_near(const unsigned char *p, unsigned int r, unsigned int g, unsigned int b, unsigned int tol)
{
    return abs((int)p[0] - (int)r) <= (int)tol && abs((int)p[1] - (int)g) <= (int)tol && abs((int)p[2] - (int)b) <= (int)tol;
}

/* Waits until `count` frames were shown (frame statistics), 5 s at most. */
static bool wait_frames(IDXGISwapChain1 *sc, UINT count)
{
    DXGI_FRAME_STATISTICS stats;
    unsigned int i;

    for (i = 0; i < 500; ++i)
    {
        if (IDXGISwapChain1_GetFrameStatistics(sc, &stats) == S_OK && stats.PresentCount >= count)
            return true;
        Sleep(10);
    }
    return false;
}

static const unsigned char *capture_at(const struct capture *cap, HWND window, LONG x, LONG y)
{
    POINT pt = { x, y };

    ClientToScreen(window, &pt);
    if (!cap->rgb || pt.x < 0 || pt.y < 0 || (unsigned int)pt.x >= cap->width || (unsigned int)pt.y >= cap->height)
        return NULL;
    return cap->rgb + ((size_t)pt.y * cap->width + pt.x) * 3;
}

struct pixel_case
{
    DXGI_SWAP_EFFECT effect;
    UINT buffers;
    DXGI_FORMAT format;
    float color[4];
    unsigned char expect[3];
    UINT samples;
};

static void test_presented_pixels(void)
{
    static const struct pixel_case cases[] =
    {
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1.0f, 0.0f, 0.0f, 1.0f }, { 255, 0, 0 } },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 2, DXGI_FORMAT_B8G8R8A8_UNORM, { 0.0f, 1.0f, 0.0f, 1.0f }, { 0, 255, 0 } },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 2, DXGI_FORMAT_R8G8B8A8_UNORM, { 0.0f, 0.0f, 1.0f, 1.0f }, { 0, 0, 255 } },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM, { 1.0f, 1.0f, 0.0f, 1.0f }, { 255, 255, 0 } },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R10G10B10A2_UNORM, { 0.0f, 1.0f, 1.0f, 1.0f }, { 0, 255, 255 } },
        /* Linear 0.5 cleared through an sRGB view is stored, and shown, as 188. */
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_B8G8R8A8_UNORM_SRGB, { 0.5f, 0.5f, 0.5f, 1.0f }, { 188, 188, 188 } },
        /* Linear FP16 0.2140 is sRGB 0.5 on an SDR screen. */
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R16G16B16A16_FLOAT, { 0.2140f, 0.2140f, 0.2140f, 1.0f }, { 128, 128, 128 } },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 1, DXGI_FORMAT_R8G8B8A8_UNORM_SRGB, { 0.2140f, 0.0f, 1.0f, 1.0f }, { 128, 0, 255 } },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 3, DXGI_FORMAT_B8G8R8A8_UNORM, { 0.0f, 0.5f, 1.0f, 1.0f }, { 0, 128, 255 } },
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 2, DXGI_FORMAT_R10G10B10A2_UNORM, { 1.0f, 0.0f, 1.0f, 1.0f }, { 255, 0, 255 } },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 1, DXGI_FORMAT_R16G16B16A16_FLOAT, { 1.0f, 1.0f, 1.0f, 1.0f }, { 255, 255, 255 } },
        /* Multisampled back buffers (blit models) are resolved. */
        { DXGI_SWAP_EFFECT_DISCARD, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 0.25f, 1.0f, 0.5f, 1.0f }, { 64, 255, 128 }, 4 },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 1, DXGI_FORMAT_B8G8R8A8_UNORM, { 1.0f, 0.5f, 0.0f, 1.0f }, { 255, 128, 0 }, 4 },
    };
    ID3D11Device *device = create_device();
    unsigned int i;

    if (!device)
        return;
    for (i = 0; i < ARRAYSIZE(cases); ++i)
    {
        const struct pixel_case *c = &cases[i];
        DXGI_SWAP_CHAIN_DESC1 d = make_desc(c->effect, c->buffers, c->format);
        HWND window = create_window(160, 120);
        IDXGISwapChain1 *sc;
        struct capture cap;
        POINT pt = { 80, 60 };
        HRESULT hr;

        d.Width = d.Height = 0;
        if (c->samples)
            d.SampleDesc.Count = c->samples;
        pump_messages();
        if (!(sc = create_swapchain(device, window, &d, &hr)))
        {
            ok(0, "case %u: creation failed: %#lx", i, (unsigned long)hr);
            DestroyWindow(window);
            continue;
        }
        if (fill_back_buffer(device, sc, c->color))
        {
            /* One present: the sequential models rotate their buffers after it, so a second
             * one would show another buffer. */
            hr = IDXGISwapChain1_Present(sc, 1, 0);
            ok(hr == S_OK, "case %u: Present: %#lx", i, (unsigned long)hr);
            ok(wait_frames(sc, 1), "case %u: the frame never finished", i);
            Sleep(150);
            ClientToScreen(window, &pt);
            if (capture_screen(&cap))
            {
                const unsigned char *p = NULL;
                if ((unsigned int)pt.x < cap.width && (unsigned int)pt.y < cap.height)
                    p = cap.rgb + ((size_t)pt.y * cap.width + pt.x) * 3;
                ok(p && colour_near(p, c->expect[0], c->expect[1], c->expect[2], 3),
                        "case %u: screen at (%ld,%ld) is %u,%u,%u, expected %u,%u,%u", i, pt.x, pt.y,
                        p ? p[0] : 0, p ? p[1] : 0, p ? p[2] : 0, c->expect[0], c->expect[1], c->expect[2]);
                free(cap.rgb);
            }
        }
        else
            ok(0, "case %u: the back buffer could not be filled", i);
        IDXGISwapChain1_Release(sc);
        DestroyWindow(window);
    }
    ID3D11Device_Release(device);
}


/* The texel at (0,0) of a back buffer (8-bit RGBA/BGRA), read through a staging copy. */
static UINT read_texel(ID3D11Device *device, ID3D11Texture2D *texture)
{
    ID3D11DeviceContext *context;
    D3D11_MAPPED_SUBRESOURCE map;
    D3D11_TEXTURE2D_DESC desc;
    ID3D11Texture2D *staging;
    UINT value = 0xdeadbeef;

    ID3D11Texture2D_GetDesc(texture, &desc);
    desc.Usage = D3D11_USAGE_STAGING;
    desc.BindFlags = 0;
    desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    desc.MiscFlags = 0;
    if (FAILED(ID3D11Device_CreateTexture2D(device, &desc, NULL, &staging)))
        return value;
    ID3D11Device_GetImmediateContext(device, &context);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)texture);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        value = *(const UINT *)map.pData;
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11DeviceContext_Release(context);
    ID3D11Texture2D_Release(staging);
    return value;
}

static bool fill_buffer_index(ID3D11Device *device, IDXGISwapChain1 *sc, UINT index, const float color[4])
{
    ID3D11DeviceContext *context;
    ID3D11RenderTargetView *rtv;
    ID3D11Texture2D *buffer;

    if (FAILED(IDXGISwapChain1_GetBuffer(sc, index, &IID_ID3D11Texture2D, (void **)&buffer)))
        return false;
    if (FAILED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)buffer, NULL, &rtv)))
    {
        ID3D11Texture2D_Release(buffer);
        return false;
    }
    ID3D11Device_GetImmediateContext(device, &context);
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
    ID3D11DeviceContext_Release(context);
    ID3D11RenderTargetView_Release(rtv);
    ID3D11Texture2D_Release(buffer);
    return true;
}

static UINT buffer_texel(ID3D11Device *device, IDXGISwapChain1 *sc, UINT index)
{
    ID3D11Texture2D *buffer;
    UINT value;

    if (FAILED(IDXGISwapChain1_GetBuffer(sc, index, &IID_ID3D11Texture2D, (void **)&buffer)))
        return 0xdeadbeef;
    value = read_texel(device, buffer);
    ID3D11Texture2D_Release(buffer);
    return value;
}

/* The refcount the application sees on a back buffer is its own: the swap chain holds none
 * of the public references. */
static void test_buffer_refcount(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    ID3D11Texture2D *b0, *again;
    IDXGISwapChain1 *sc;
    HWND window = create_window(64, 48);
    ULONG ref;
    HRESULT hr;

    if (!device)
        return;
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&b0);
    ok(hr == S_OK, "GetBuffer: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        goto release;
    ref = ID3D11Texture2D_AddRef(b0);
    ok(ref == 2, "refcount after GetBuffer + AddRef: %lu", ref);
    ref = ID3D11Texture2D_Release(b0);
    ok(ref == 1, "refcount after Release: %lu", ref);
    ref = ID3D11Texture2D_Release(b0);
    ok(ref == 0, "last application reference released: %lu", ref);
    /* Still the same living object. */
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&again);
    ok(hr == S_OK && again == b0, "GetBuffer after the refcount reached 0: %#lx %p %p", (unsigned long)hr, (void *)again, (void *)b0);
    if (SUCCEEDED(hr))
    {
        ref = ID3D11Texture2D_AddRef(again);
        ok(ref == 2, "refcount of the buffer got again: %lu", ref);
        ID3D11Texture2D_Release(again);
        hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 32, 32, DXGI_FORMAT_UNKNOWN, 0);
        ok(hr == DXGI_ERROR_INVALID_CALL, "ResizeBuffers with one reference: %#lx", (unsigned long)hr);
        ref = ID3D11Texture2D_Release(again);
        ok(ref == 0, "refcount: %lu", ref);
    }
    hr = IDXGISwapChain1_ResizeBuffers(sc, 0, 32, 32, DXGI_FORMAT_UNKNOWN, 0);
    ok(hr == S_OK, "ResizeBuffers without references: %#lx", (unsigned long)hr);
    /* A reference kept past the swap chain's release keeps the texture usable. */
    hr = IDXGISwapChain1_GetBuffer(sc, 0, &IID_ID3D11Texture2D, (void **)&b0);
    ok(hr == S_OK, "GetBuffer: %#lx", (unsigned long)hr);
release:
    IDXGISwapChain1_Release(sc);
    if (SUCCEEDED(hr))
    {
        D3D11_TEXTURE2D_DESC td;
        ID3D11Texture2D_GetDesc(b0, &td);
        ok(td.Width == 32 && td.Height == 32, "buffer outliving its swap chain: %ux%u", td.Width, td.Height);
        ref = ID3D11Texture2D_Release(b0);
        ok(ref == 0, "final release: %lu", ref);
    }
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Sequential models rotate the buffers' contents at each Present (buffer i gets buffer
 * i+1's, the last one the image presented); discard models expose buffer 0 only. */
static void test_buffer_rotation(void)
{
    static const float red[4] = { 1.0f, 0.0f, 0.0f, 1.0f }, green[4] = { 0.0f, 1.0f, 0.0f, 1.0f };
    static const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f }, white[4] = { 1.0f, 1.0f, 1.0f, 1.0f };
    static const struct { DXGI_SWAP_EFFECT effect; UINT buffers; } cases[] =
    {
        { DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL, 3 },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 2 },
        { DXGI_SWAP_EFFECT_SEQUENTIAL, 1 },
        { DXGI_SWAP_EFFECT_FLIP_DISCARD, 3 },
        { DXGI_SWAP_EFFECT_DISCARD, 2 },
    };
    const UINT R = 0xff0000ff, G = 0xff00ff00, B = 0xffff0000, W = 0xffffffff;   /* RGBA8 texels */
    ID3D11Device *device = create_device();
    HWND window = create_window(64, 48);
    unsigned int i;

    if (!device)
        return;
    for (i = 0; i < ARRAYSIZE(cases); ++i)
    {
        DXGI_SWAP_CHAIN_DESC1 d = make_desc(cases[i].effect, cases[i].buffers, DXGI_FORMAT_R8G8B8A8_UNORM);
        bool discard = cases[i].effect == DXGI_SWAP_EFFECT_DISCARD || cases[i].effect == DXGI_SWAP_EFFECT_FLIP_DISCARD;
        ID3D11Texture2D *b;
        IDXGISwapChain1 *sc;
        HRESULT hr;
        UINT t0, t1, t2;

        if (!(sc = create_swapchain(device, window, &d, &hr)))
        {
            ok(0, "case %u: creation failed: %#lx", i, (unsigned long)hr);
            continue;
        }
        b = (ID3D11Texture2D *)0x1;
        hr = IDXGISwapChain1_GetBuffer(sc, 1, &IID_ID3D11Texture2D, (void **)&b);
        if (discard || cases[i].buffers == 1)
        {
            ok(hr == DXGI_ERROR_INVALID_CALL && !b, "case %u: GetBuffer(1): %#lx", i, (unsigned long)hr);
            /* Buffer 0 keeps what was drawn (a valid result of DISCARD too). */
            fill_buffer_index(device, sc, 0, red);
            hr = IDXGISwapChain1_Present(sc, 0, 0);
            ok(hr == S_OK, "case %u: Present: %#lx", i, (unsigned long)hr);
            t0 = buffer_texel(device, sc, 0);
            if (cases[i].effect == DXGI_SWAP_EFFECT_SEQUENTIAL)
                ok(t0 == R, "case %u: one sequential buffer lost its contents: %#x", i, t0);
            IDXGISwapChain1_Release(sc);
            continue;
        }
        ok(hr == S_OK, "case %u: GetBuffer(1): %#lx", i, (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11Texture2D_Release(b);
        fill_buffer_index(device, sc, 0, red);
        fill_buffer_index(device, sc, 1, green);
        if (cases[i].buffers > 2)
            fill_buffer_index(device, sc, 2, blue);
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        ok(hr == S_OK, "case %u: Present: %#lx", i, (unsigned long)hr);
        t0 = buffer_texel(device, sc, 0);
        t1 = buffer_texel(device, sc, 1);
        if (cases[i].buffers > 2)
        {
            t2 = buffer_texel(device, sc, 2);
            ok(t0 == G && t1 == B && t2 == R, "case %u: after one present %#x %#x %#x, expected %#x %#x %#x",
                    i, t0, t1, t2, G, B, R);
        }
        else
            ok(t0 == G && t1 == R, "case %u: after one present %#x %#x, expected %#x %#x", i, t0, t1, G, R);
        fill_buffer_index(device, sc, 0, white);
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        ok(hr == S_OK, "case %u: Present: %#lx", i, (unsigned long)hr);
        t0 = buffer_texel(device, sc, 0);
        t1 = buffer_texel(device, sc, cases[i].buffers - 1);
        ok(t0 == (cases[i].buffers > 2 ? B : R) && t1 == W, "case %u: after two presents %#x .. %#x", i, t0, t1);
        IDXGISwapChain1_Release(sc);
    }
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Presentation runs on the context's worker: what the application draws into the back
 * buffer after Present must not reach the frame already presented. */
static void test_present_ordering(void)
{
    static const float red[4] = { 1.0f, 0.0f, 0.0f, 1.0f }, blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    HWND window = create_window(160, 120);
    IDXGISwapChain1 *sc;
    struct capture cap;
    const unsigned char *p;
    unsigned int round;
    HRESULT hr;

    if (!device)
        return;
    d.Width = d.Height = 0;
    pump_messages();
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    for (round = 0; round < 2; ++round)
    {
        fill_back_buffer(device, sc, round ? blue : red);
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        ok(hr == S_OK, "Present: %#lx", (unsigned long)hr);
        /* Drawn at once after Present, before the worker may have presented. */
        fill_back_buffer(device, sc, round ? red : blue);
        ok(wait_frames(sc, round + 1), "frame %u never finished", round + 1);
        Sleep(150);
        if (capture_screen(&cap))
        {
            p = capture_at(&cap, window, 80, 60);
            ok(p && colour_near(p, round ? 0 : 255, 0, round ? 255 : 0, 3), "round %u: screen %u,%u,%u", round,
                    p ? p[0] : 0, p ? p[1] : 0, p ? p[2] : 0);
            free(cap.rgb);
        }
    }
    IDXGISwapChain1_Release(sc);
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Alt+Enter toggles fullscreen unless MakeWindowAssociation says no. */
static void test_alt_enter(void)
{
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    HWND window = create_window(120, 90);
    const LPARAM alt = (LPARAM)1 << 29;
    IDXGIFactory2 *factory;
    IDXGISwapChain1 *sc;
    WNDPROC proc;
    BOOL full;
    HRESULT hr;

    if (!device)
        return;
    factory = device_factory(device);
    proc = (WNDPROC)GetWindowLongPtrA(window, GWLP_WNDPROC);
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | 1);
    hr = IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(hr == S_OK && full, "Alt+Enter did not enter fullscreen");
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | 1);
    IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(!full, "a second Alt+Enter did not leave fullscreen");
    /* Enter without Alt, and a repeated key, change nothing. */
    SendMessageA(window, WM_KEYDOWN, VK_RETURN, 1);
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | ((LPARAM)1 << 30) | 1);
    IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(!full, "Enter alone or a repeat toggled fullscreen");
    hr = IDXGIFactory2_MakeWindowAssociation(factory, window, DXGI_MWA_NO_ALT_ENTER);
    ok(hr == S_OK, "MakeWindowAssociation: %#lx", (unsigned long)hr);
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | 1);
    IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(!full, "Alt+Enter honoured despite DXGI_MWA_NO_ALT_ENTER");
    IDXGIFactory2_MakeWindowAssociation(factory, window, DXGI_MWA_NO_WINDOW_CHANGES);
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | 1);
    IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(!full, "Alt+Enter honoured despite DXGI_MWA_NO_WINDOW_CHANGES");
    IDXGIFactory2_MakeWindowAssociation(factory, NULL, 0);
    SendMessageA(window, WM_SYSKEYDOWN, VK_RETURN, alt | 1);
    IDXGISwapChain1_GetFullscreenState(sc, &full, NULL);
    ok(full, "Alt+Enter ignored after the association was cleared");
    IDXGISwapChain1_Release(sc);
    /* The window procedure is the application's again. */
    ok((WNDPROC)GetWindowLongPtrA(window, GWLP_WNDPROC) == proc, "window procedure not restored");
done:
    IDXGIFactory2_Release(factory);
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* Sync intervals 2..4 show each frame for that many refreshes (60 Hz here). */
static void test_sync_interval(void)
{
    static const float grey[4] = { 0.5f, 0.5f, 0.5f, 1.0f };
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    HWND window = create_window(64, 48);
    IDXGIDevice1 *dxgi;
    IDXGISwapChain1 *sc;
    LARGE_INTEGER freq, t0, t1;
    double ms[2];
    UINT i, pass;
    HRESULT hr;

    if (!device)
        return;
    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice1, (void **)&dxgi);
    IDXGIDevice1_SetMaximumFrameLatency(dxgi, 1);
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    fill_back_buffer(device, sc, grey);
    QueryPerformanceFrequency(&freq);
    for (pass = 0; pass < 2; ++pass)
    {
        UINT interval = pass ? 3 : 0, base;

        IDXGISwapChain1_GetLastPresentCount(sc, &base);
        IDXGISwapChain1_Present(sc, interval, 0);
        wait_frames(sc, base + 1);
        QueryPerformanceCounter(&t0);
        for (i = 0; i < 6; ++i)
        {
            hr = IDXGISwapChain1_Present(sc, interval, 0);
            ok(hr == S_OK, "Present(%u): %#lx", interval, (unsigned long)hr);
        }
        ok(wait_frames(sc, base + 7), "interval %u: frames never finished", interval);
        QueryPerformanceCounter(&t1);
        ms[pass] = (double)(t1.QuadPart - t0.QuadPart) * 1000.0 / (double)freq.QuadPart;
    }
    /* Six frames after one shown, three refreshes each: 6 x 50 ms (a little slack for timers). */
    ok(ms[1] >= 280.0, "6 presents at sync interval 3 took %.1f ms", ms[1]);
    ok(ms[1] > ms[0], "interval 3 (%.1f ms) not slower than interval 0 (%.1f ms)", ms[1], ms[0]);
    printf("6 presents: interval 0 %.1f ms, interval 3 %.1f ms\n", ms[0], ms[1]);
    IDXGISwapChain1_Release(sc);
done:
    IDXGIDevice1_SetMaximumFrameLatency(dxgi, 3);
    IDXGIDevice1_Release(dxgi);
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* D3D11VK_HUD draws into the presented image: text on a backdrop at the top left. */
static unsigned int count_unlike(const struct capture *cap, HWND window, LONG x0, LONG y0, LONG x1, LONG y1,
        unsigned int r, unsigned int g, unsigned int b)
{
    unsigned int n = 0;
    LONG x, y;

    for (y = y0; y < y1; ++y)
        for (x = x0; x < x1; ++x)
        {
            const unsigned char *p = capture_at(cap, window, x, y);
            if (p && !colour_near(p, r, g, b, 8))
                ++n;
        }
    return n;
}

static void test_hud(void)
{
    static const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    ID3D11Device *device = create_device();
    unsigned int pass, hud_pixels[2] = { 0, 0 }, far_pixels[2] = { 0, 0 };

    if (!device)
        return;
    for (pass = 0; pass < 2; ++pass)
    {
        DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM);
        HWND window = create_window(320, 240);
        IDXGISwapChain1 *sc;
        struct capture cap;
        HRESULT hr;
        UINT i;

        /* The presenter reads the configuration when the swap chain is made. */
        _putenv(pass ? "D3D11VK_HUD=fps,devinfo,version" : "D3D11VK_HUD=");
        d.Width = d.Height = 0;
        pump_messages();
        sc = create_swapchain(device, window, &d, &hr);
        _putenv("D3D11VK_HUD=");
        if (!sc)
        {
            ok(0, "pass %u: creation failed: %#lx", pass, (unsigned long)hr);
            DestroyWindow(window);
            continue;
        }
        for (i = 0; i < 3; ++i)
        {
            fill_back_buffer(device, sc, blue);
            IDXGISwapChain1_Present(sc, 1, 0);
        }
        ok(wait_frames(sc, 3), "pass %u: frames never finished", pass);
        Sleep(150);
        if (capture_screen(&cap))
        {
            hud_pixels[pass] = count_unlike(&cap, window, 0, 0, 160, 40, 0, 0, 255);
            far_pixels[pass] = count_unlike(&cap, window, 200, 160, 320, 240, 0, 0, 255);
            free(cap.rgb);
        }
        IDXGISwapChain1_Release(sc);
        DestroyWindow(window);
    }
    ok(hud_pixels[0] == 0 && far_pixels[0] == 0, "without the HUD: %u / %u pixels not blue", hud_pixels[0], far_pixels[0]);
    ok(hud_pixels[1] > 500 && far_pixels[1] == 0, "with the HUD: %u pixels of the top-left corner and %u far away not blue",
            hud_pixels[1], far_pixels[1]);
    ID3D11Device_Release(device);
}

/* IDXGIOutput::SetGammaControl: applied in the present pass of fullscreen swap chains on that
 * output (an inverting ramp turns the frame into its negative on screen), not to windowed ones. */
static void test_gamma(void)
{
    static const float colour[4] = { 1.0f, 0.25f, 0.0f, 1.0f };
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_B8G8R8A8_UNORM);
    ID3D11Device *device = create_device();
    HWND window = create_window(160, 120);
    DXGI_GAMMA_CONTROL_CAPABILITIES caps;
    DXGI_GAMMA_CONTROL *ramp, *got;
    IDXGISwapChain1 *sc;
    IDXGIOutput *output;
    struct capture cap;
    const unsigned char *p;
    unsigned int pass, i;
    HRESULT hr;

    if (!device)
        return;
    ramp = calloc(1, sizeof(*ramp));
    got = calloc(1, sizeof(*got));
    d.Width = d.Height = 0;
    pump_messages();
    if (!(sc = create_swapchain(device, window, &d, &hr)))
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    hr = IDXGISwapChain1_GetContainingOutput(sc, &output);
    ok(hr == S_OK, "GetContainingOutput: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        goto release;
    /* Gamma control is only available while a fullscreen swap chain owns the output. */
    ramp->Scale.Red = ramp->Scale.Green = ramp->Scale.Blue = 1.0f;
    for (i = 0; i < 1025; ++i)
        ramp->GammaCurve[i].Red = ramp->GammaCurve[i].Green = ramp->GammaCurve[i].Blue = 1.0f - (float)i / 1024.0f;
    hr = IDXGIOutput_GetGammaControlCapabilities(output, &caps);
    ok(hr == DXGI_ERROR_NOT_CURRENTLY_AVAILABLE, "windowed: GetGammaControlCapabilities: %#lx", (unsigned long)hr);
    hr = IDXGIOutput_SetGammaControl(output, ramp);
    ok(hr == DXGI_ERROR_NOT_CURRENTLY_AVAILABLE, "windowed: SetGammaControl: %#lx", (unsigned long)hr);
    hr = IDXGIOutput_GetGammaControl(output, got);
    ok(hr == DXGI_ERROR_NOT_CURRENTLY_AVAILABLE, "windowed: GetGammaControl: %#lx", (unsigned long)hr);
    for (pass = 0; pass < 3; ++pass)
    {
        /* 0: windowed (no ramp); 1: fullscreen, inverted; 2: fullscreen, identity ramp. */
        static const unsigned char expect[3][3] = { { 255, 64, 0 }, { 0, 191, 255 }, { 255, 64, 0 } };
        UINT base;

        if (pass == 1)
        {
            hr = IDXGISwapChain1_SetFullscreenState(sc, TRUE, output);
            ok(hr == S_OK, "SetFullscreenState: %#lx", (unsigned long)hr);
            pump_messages();
            hr = IDXGIOutput_GetGammaControlCapabilities(output, &caps);
            ok(hr == S_OK && caps.NumGammaControlPoints == 1025 && caps.ControlPointPositions[1024] == 1.0f,
                    "GetGammaControlCapabilities: %#lx %u", (unsigned long)hr, caps.NumGammaControlPoints);
            hr = IDXGIOutput_SetGammaControl(output, ramp);
            ok(hr == S_OK, "SetGammaControl: %#lx", (unsigned long)hr);
            hr = IDXGIOutput_GetGammaControl(output, got);
            ok(hr == S_OK && !memcmp(got, ramp, sizeof(*ramp)), "GetGammaControl: %#lx", (unsigned long)hr);
        }
        if (pass == 2)
        {
            for (i = 0; i < 1025; ++i)
                ramp->GammaCurve[i].Red = ramp->GammaCurve[i].Green = ramp->GammaCurve[i].Blue = (float)i / 1024.0f;
            IDXGIOutput_SetGammaControl(output, ramp);
        }
        IDXGISwapChain1_GetLastPresentCount(sc, &base);
        fill_back_buffer(device, sc, colour);
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        ok(hr == S_OK, "pass %u: Present: %#lx", pass, (unsigned long)hr);
        ok(wait_frames(sc, base + 1), "pass %u: the frame never finished", pass);
        Sleep(150);
        if (capture_screen(&cap))
        {
            p = capture_at(&cap, window, 40, 30);
            ok(p && colour_near(p, expect[pass][0], expect[pass][1], expect[pass][2], 3),
                    "pass %u: screen %u,%u,%u, expected %u,%u,%u", pass, p ? p[0] : 0, p ? p[1] : 0, p ? p[2] : 0,
                    expect[pass][0], expect[pass][1], expect[pass][2]);
            free(cap.rgb);
        }
    }
    IDXGISwapChain1_SetFullscreenState(sc, FALSE, NULL);
    hr = IDXGIOutput_SetGammaControl(output, ramp);
    ok(hr == DXGI_ERROR_NOT_CURRENTLY_AVAILABLE, "after leaving fullscreen: SetGammaControl: %#lx", (unsigned long)hr);
    hr = IDXGIOutput_GetGammaControl(output, got);
    ok(hr == DXGI_ERROR_NOT_CURRENTLY_AVAILABLE, "after leaving fullscreen: GetGammaControl: %#lx", (unsigned long)hr);
    IDXGIOutput_Release(output);
release:
    IDXGISwapChain1_Release(sc);
done:
    free(ramp);
    free(got);
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

/* A device loss seen by the presenter (simulated through D3D11VK_TEST_DEVICE_LOST, read when
 * the swap chain is made): Present answers DXGI_ERROR_DEVICE_REMOVED from then on, and
 * GetDeviceRemovedReason tells why. Runs last: the backend device stays lost while used. */
static void test_device_lost(void)
{
    static const float grey[4] = { 0.5f, 0.5f, 0.5f, 1.0f };
    DXGI_SWAP_CHAIN_DESC1 d = make_desc(DXGI_SWAP_EFFECT_FLIP_DISCARD, 2, DXGI_FORMAT_R8G8B8A8_UNORM);
    ID3D11Device *device = create_device();
    HWND window = create_window(64, 48);
    IDXGISwapChain1 *sc;
    HRESULT hr;
    UINT i;

    if (!device)
        return;
    hr = ID3D11Device_GetDeviceRemovedReason(device);
    ok(hr == S_OK, "GetDeviceRemovedReason before: %#lx", (unsigned long)hr);
    _putenv("D3D11VK_TEST_DEVICE_LOST=1");
    sc = create_swapchain(device, window, &d, &hr);
    _putenv("D3D11VK_TEST_DEVICE_LOST=");
    if (!sc)
    {
        ok(0, "creation failed: %#lx", (unsigned long)hr);
        goto done;
    }
    fill_back_buffer(device, sc, grey);
    /* The present runs on the worker: a later Present reports what it saw. */
    for (i = 0; i < 50; ++i)
    {
        hr = IDXGISwapChain1_Present(sc, 0, 0);
        if (hr != S_OK)
            break;
        Sleep(20);
    }
    ok(hr == DXGI_ERROR_DEVICE_REMOVED, "Present after the loss: %#lx after %u presents", (unsigned long)hr, i);
    hr = IDXGISwapChain1_Present(sc, 0, 0);
    ok(hr == DXGI_ERROR_DEVICE_REMOVED, "Present again: %#lx", (unsigned long)hr);
    hr = ID3D11Device_GetDeviceRemovedReason(device);
    ok(hr == DXGI_ERROR_DEVICE_HUNG, "GetDeviceRemovedReason: %#lx", (unsigned long)hr);
    IDXGISwapChain1_Release(sc);
done:
    DestroyWindow(window);
    ID3D11Device_Release(device);
}

int main(void)
{
    if (!test_init())
        return test_finish();
    run_test(test_create_args);
    run_test(test_create_matrix);
    run_test(test_legacy_create);
    run_test(test_buffers_and_resize);
    run_test(test_misc_methods);
    run_test(test_fullscreen);
    run_test(test_present);
    run_test(test_waitable);
    run_test(test_presented_pixels);
    run_test(test_buffer_refcount);
    run_test(test_buffer_rotation);
    run_test(test_present_ordering);
    run_test(test_alt_enter);
    run_test(test_sync_interval);
    run_test(test_hud);
    run_test(test_gamma);
    run_test(test_device_lost);
    return test_finish();
}

#endif
