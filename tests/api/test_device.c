/* test_device.c — D3D11CreateDevice, the device's interfaces, refcounts, private data and
 * feature/format queries, and the error paths Windows documents. */
#include "test.h"

static const D3D_FEATURE_LEVEL all_levels[] =
{
    D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0, D3D_FEATURE_LEVEL_10_1, D3D_FEATURE_LEVEL_10_0,
    D3D_FEATURE_LEVEL_9_3, D3D_FEATURE_LEVEL_9_2, D3D_FEATURE_LEVEL_9_1,
};

static ID3D11Device *create_device(const D3D_FEATURE_LEVEL *levels, UINT count)
{
    ID3D11Device *device = NULL;
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, levels, count, D3D11_SDK_VERSION,
            &device, NULL, NULL)))
        return NULL;
    return device;
}

static D3D_FEATURE_LEVEL max_level;

static void test_create_device_levels(void)
{
    D3D_FEATURE_LEVEL level = 0, one;
    ID3D11DeviceContext *context;
    ID3D11Device *device;
    unsigned int i;
    HRESULT hr;

    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, all_levels, 7, D3D11_SDK_VERSION, NULL, &max_level, NULL);
    ok(hr == S_FALSE, "level query without a device: %#lx", (unsigned long)hr);
    ok(max_level >= D3D_FEATURE_LEVEL_10_0, "maximum level %#x", max_level);
    printf("   maximum feature level %#x\n", max_level);

    /* Default list: 11_0 at most. */
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, &level, &context);
    ok(hr == S_OK, "default levels: %#lx", (unsigned long)hr);
    ok(level == (max_level > D3D_FEATURE_LEVEL_11_0 ? D3D_FEATURE_LEVEL_11_0 : max_level), "default level %#x", level);
    if (SUCCEEDED(hr))
    {
        ok(ID3D11Device_GetFeatureLevel(device) == level, "GetFeatureLevel %#x", ID3D11Device_GetFeatureLevel(device));
        ok(context != NULL, "no immediate context");
        ID3D11DeviceContext_Release(context);
        ok(!ID3D11Device_Release(device), "device leaked");
    }
    /* Each single level: supported ones are created, higher ones fail cleanly. */
    for (i = 0; i < 7; ++i)
    {
        one = all_levels[i];
        device = (void *)0xdeadbeef;
        level = 0xdead;
        hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, &one, 1, D3D11_SDK_VERSION, &device, &level, NULL);
        if (one <= max_level)
        {
            ok(hr == S_OK && level == one, "level %#x: %#lx got %#x", one, (unsigned long)hr, level);
            if (SUCCEEDED(hr))
            {
                ok(ID3D11Device_GetFeatureLevel(device) == one, "GetFeatureLevel");
                ID3D11Device_Release(device);
            }
        }
        else
            ok(hr == E_INVALIDARG && !device && !level, "unsupported level %#x: %#lx", one, (unsigned long)hr);
    }
    /* 12_x is beyond this implementation: the list yields the first level it supports. */
    {
        const D3D_FEATURE_LEVEL list[] = { D3D_FEATURE_LEVEL_12_1, D3D_FEATURE_LEVEL_12_0, D3D_FEATURE_LEVEL_10_0 };
        hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, list, 3, D3D11_SDK_VERSION, &device, &level, NULL);
        ok(hr == S_OK && level == D3D_FEATURE_LEVEL_10_0, "12_x then 10_0: %#lx %#x", (unsigned long)hr, level);
        if (SUCCEEDED(hr))
            ID3D11Device_Release(device);
    }
    /* Invalid values anywhere in the list: E_INVALIDARG, nothing created. */
    {
        const D3D_FEATURE_LEVEL bad[] = { D3D_FEATURE_LEVEL_11_0, 0x1234 };
        device = (void *)0xdeadbeef;
        context = (void *)0xdeadbeef;
        hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, bad, 2, D3D11_SDK_VERSION, &device, &level, &context);
        ok(hr == E_INVALIDARG && !device && !context, "invalid level in list: %#lx", (unsigned long)hr);
    }
}

static void test_create_device_driver_types(void)
{
    ID3D11Device *device = (void *)0xdeadbeef;
    IDXGIAdapter *adapter;
    HRESULT hr;

    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_UNKNOWN, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == E_INVALIDARG && !device, "UNKNOWN without an adapter: %#lx", (unsigned long)hr);
    IDXGIFactory1_EnumAdapters(test_factory, 0, &adapter);
    hr = D3D11CreateDevice(adapter, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == E_INVALIDARG, "HARDWARE with an adapter: %#lx", (unsigned long)hr);
    hr = D3D11CreateDevice(adapter, D3D_DRIVER_TYPE_UNKNOWN, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == S_OK, "UNKNOWN with an adapter: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        IDXGIDevice *dxgi_device;
        IDXGIAdapter *got;
        DXGI_ADAPTER_DESC a, b;

        ID3D11Device_QueryInterface(device, &IID_IDXGIDevice, (void **)&dxgi_device);
        IDXGIDevice_GetAdapter(dxgi_device, &got);
        IDXGIAdapter_GetDesc(got, &a);
        IDXGIAdapter_GetDesc(adapter, &b);
        ok(got == adapter, "GetAdapter returns another object");
        ok(!memcmp(&a.AdapterLuid, &b.AdapterLuid, sizeof(LUID)), "device on another adapter");
        IDXGIAdapter_Release(got);
        IDXGIDevice_Release(dxgi_device);
        ID3D11Device_Release(device);
    }
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_SOFTWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == E_INVALIDARG, "SOFTWARE without a module: %#lx", (unsigned long)hr);
    hr = D3D11CreateDevice(NULL, 0x42, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == E_INVALIDARG, "invalid driver type: %#lx", (unsigned long)hr);
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_REFERENCE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(FAILED(hr) && !device, "REFERENCE: %#lx", (unsigned long)hr);
    IDXGIAdapter_Release(adapter);

    /* No swap chain asked for: D3D11CreateDeviceAndSwapChain is D3D11CreateDevice. */
    hr = D3D11CreateDeviceAndSwapChain(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            NULL, NULL, &device, NULL, NULL);
    ok(hr == S_OK, "D3D11CreateDeviceAndSwapChain without a swap chain: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11Device_Release(device);
    {
        IDXGISwapChain *swapchain = (void *)0xdeadbeef;
        hr = D3D11CreateDeviceAndSwapChain(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
                NULL, &swapchain, &device, NULL, NULL);
        ok(hr == E_INVALIDARG && !swapchain, "swap chain without a description: %#lx", (unsigned long)hr);
    }
}

static void test_interfaces(void)
{
    static const IID *const device_iids[] = { &IID_IUnknown, &IID_ID3D11Device, &IID_ID3D11Device1, &IID_ID3D11Device2,
        &IID_ID3D11Device3, &IID_ID3D11Device4, &IID_ID3D11Device5, &IID_IDXGIObject, &IID_IDXGIDevice,
        &IID_IDXGIDevice1, &IID_IDXGIDevice2, &IID_IDXGIDevice3, &IID_IDXGIDevice4, &IID_ID3D11Multithread,
        &IID_ID3D10Multithread };
    static const IID *const no_iids[] = { &IID_ID3D11DeviceContext, &IID_IDXGIAdapter, &IID_IDXGIFactory,
        &IID_ID3D10Device, &IID_ID3D11Texture2D };
    static const IID *const context_iids[] = { &IID_IUnknown, &IID_ID3D11DeviceChild, &IID_ID3D11DeviceContext,
        &IID_ID3D11DeviceContext1, &IID_ID3D11DeviceContext2, &IID_ID3D11DeviceContext3, &IID_ID3D11DeviceContext4,
        &IID_ID3D11Multithread };
    ID3D11Device *device = create_device(NULL, 0);
    ID3D11DeviceContext *context;
    ID3D11Device5 *d5;
    IDXGIDevice4 *x4;
    ID3D11DeviceContext4 *c4;
    IUnknown *base, *unk, *again;
    unsigned int i;
    HRESULT hr;

    if (!device)
    {
        ok(0, "no device");
        return;
    }
    ID3D11Device_QueryInterface(device, &IID_IUnknown, (void **)&base);
    for (i = 0; i < sizeof(device_iids) / sizeof(*device_iids); ++i)
    {
        hr = ID3D11Device_QueryInterface(device, device_iids[i], (void **)&unk);
        ok(hr == S_OK, "device interface %u: %#lx", i, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        IUnknown_QueryInterface(unk, &IID_IUnknown, (void **)&again);
        ok(again == base, "COM identity broken for device interface %u", i);
        IUnknown_Release(again);
        IUnknown_Release(unk);
    }
    for (i = 0; i < sizeof(no_iids) / sizeof(*no_iids); ++i)
    {
        unk = (void *)0xdeadbeef;
        hr = ID3D11Device_QueryInterface(device, no_iids[i], (void **)&unk);
        ok(hr == E_NOINTERFACE && !unk, "device answers foreign interface %u: %#lx", i, (unsigned long)hr);
    }
    IUnknown_Release(base);
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device5, (void **)&d5);
    ok(vtable_complete(d5, sizeof(ID3D11Device5Vtbl)), "ID3D11Device5 vtable has holes");
    ID3D11Device5_Release(d5);
    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice4, (void **)&x4);
    ok(vtable_complete(x4, sizeof(IDXGIDevice4Vtbl)), "IDXGIDevice4 vtable has holes");
    IDXGIDevice4_Release(x4);

    ID3D11Device_GetImmediateContext(device, &context);
    ID3D11DeviceContext_QueryInterface(context, &IID_IUnknown, (void **)&base);
    for (i = 0; i < sizeof(context_iids) / sizeof(*context_iids); ++i)
    {
        hr = ID3D11DeviceContext_QueryInterface(context, context_iids[i], (void **)&unk);
        ok(hr == S_OK, "context interface %u: %#lx", i, (unsigned long)hr);
        if (SUCCEEDED(hr))
            IUnknown_Release(unk);
    }
    IUnknown_Release(base);
    ok(ID3D11DeviceContext_GetType(context) == D3D11_DEVICE_CONTEXT_IMMEDIATE, "context type");
    ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext4, (void **)&c4);
    ok(vtable_complete(c4, sizeof(ID3D11DeviceContext4Vtbl)), "ID3D11DeviceContext4 vtable has holes");
    ID3D11DeviceContext4_Release(c4);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
}

static void test_refcounts(void)
{
    ID3D11Device *device = create_device(NULL, 0), *got;
    ID3D11DeviceContext *context, *context2;
    ULONG refcount;

    if (!device)
        return;
    refcount = get_refcount(device);
    ok(refcount == 1, "new device refcount %lu", (unsigned long)refcount);
    ID3D11Device_GetImmediateContext(device, &context);
    ok(get_refcount(device) == 2, "immediate context holds no device reference: %lu", (unsigned long)get_refcount(device));
    ok(get_refcount(context) == 1, "context refcount %lu", (unsigned long)get_refcount(context));
    ID3D11Device_GetImmediateContext(device, &context2);
    ok(context2 == context, "another immediate context object");
    ok(get_refcount(context) == 2 && get_refcount(device) == 2, "second GetImmediateContext: %lu %lu",
            (unsigned long)get_refcount(context), (unsigned long)get_refcount(device));
    ID3D11DeviceContext_Release(context2);
    ID3D11DeviceContext_GetDevice(context, &got);
    ok(got == device && get_refcount(device) == 3, "GetDevice");
    ID3D11Device_Release(got);
    ok(ID3D11DeviceContext_Release(context) == 0, "context refcount after release");
    ok(get_refcount(device) == 1, "device refcount after the context went: %lu", (unsigned long)get_refcount(device));
    ok(ID3D11Device_Release(device) == 0, "device leaked");
}

static void test_shared_backend_device(void)
{
    ID3D11VKFactory *vkfactory;
    ID3D11Device *a, *b;
    UINT count;

    IDXGIFactory1_QueryInterface(test_factory, &IID_ID3D11VKFactory, (void **)&vkfactory);
    a = create_device(NULL, 0);
    b = create_device(NULL, 0);
    count = vkfactory->lpVtbl->GetBackendDeviceCount(vkfactory);
    ok(a && b && count == 1, "two devices on one adapter use %u backend devices", count);
    if (a) ID3D11Device_Release(a);
    if (b) ID3D11Device_Release(b);
    count = vkfactory->lpVtbl->GetBackendDeviceCount(vkfactory);
    ok(count == 0, "%u backend devices after the last device went", count);
    vkfactory->lpVtbl->Release(vkfactory);
}

static void test_private_data(void)
{
    static const GUID guid = { 0xfeedf00d, 0x1, 0x2, { 1, 2, 3, 4, 5, 6, 7, 9 } };
    ID3D11Device *device = create_device(NULL, 0);
    IDXGIDevice *dxgi_device;
    char name[32] = {0};
    UINT size, value = 7, out = 0;
    HRESULT hr;

    if (!device)
        return;
    hr = ID3D11Device_SetPrivateData(device, &WKPDID_D3DDebugObjectName, 7, "device0");
    ok(hr == S_OK, "debug name: %#lx", (unsigned long)hr);
    size = sizeof(name);
    hr = ID3D11Device_GetPrivateData(device, &WKPDID_D3DDebugObjectName, &size, name);
    ok(hr == S_OK && size == 7 && !memcmp(name, "device0", 7), "debug name back: %#lx %u", (unsigned long)hr, size);
    /* The DXGI face shares the store. */
    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice, (void **)&dxgi_device);
    IDXGIDevice_SetPrivateData(dxgi_device, &guid, sizeof(value), &value);
    size = sizeof(out);
    hr = ID3D11Device_GetPrivateData(device, &guid, &size, &out);
    ok(hr == S_OK && out == value, "private data through IDXGIDevice: %#lx", (unsigned long)hr);
    IDXGIDevice_Release(dxgi_device);
    size = 1;
    hr = ID3D11Device_GetPrivateData(device, &guid, &size, &out);
    ok(hr == DXGI_ERROR_MORE_DATA && size == sizeof(value), "short buffer: %#lx", (unsigned long)hr);
    ok(ID3D11Device_SetPrivateDataInterface(device, &guid, NULL) == S_OK, "delete by NULL interface");
    size = 4;
    ok(ID3D11Device_GetPrivateData(device, &guid, &size, &out) == DXGI_ERROR_NOT_FOUND && !size, "deleted");
    ok(!ID3D11Device_Release(device), "device leaked");
}

static void test_feature_support(void)
{
    ID3D11Device *device = create_device(all_levels, 7);
    D3D11_FEATURE_DATA_THREADING threading;
    D3D11_FEATURE_DATA_D3D11_OPTIONS options;
    D3D11_FEATURE_DATA_FORMAT_SUPPORT fs;
    D3D11_FEATURE_DATA_D3D10_X_HARDWARE_OPTIONS hw;
    D3D11_FEATURE_DATA_ARCHITECTURE_INFO arch;
    D3D11_FEATURE_DATA_D3D11_OPTIONS5 o5;
    HRESULT hr;

    if (!device)
        return;
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_THREADING, &threading, sizeof(threading));
    ok(hr == S_OK && threading.DriverConcurrentCreates && threading.DriverCommandLists, "threading: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_THREADING, &threading, sizeof(threading) + 1);
    ok(hr == E_INVALIDARG, "wrong size: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS, &options, sizeof(options));
    ok(hr == S_OK && options.ClearView && options.ConstantBufferOffsetting, "options: %#lx", (unsigned long)hr);
    if (max_level >= D3D_FEATURE_LEVEL_11_1)
        ok(options.OutputMergerLogicOp, "11_1 without logic ops");
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D10_X_HARDWARE_OPTIONS, &hw, sizeof(hw));
    ok(hr == S_OK && hw.ComputeShaders_Plus_RawAndStructuredBuffers_Via_Shader_4_x, "10.x options: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_ARCHITECTURE_INFO, &arch, sizeof(arch));
    ok(hr == S_OK, "architecture: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS5, &o5, sizeof(o5));
    ok(hr == S_OK, "options5: %#lx", (unsigned long)hr);
    fs.InFormat = DXGI_FORMAT_R8G8B8A8_UNORM;
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_FORMAT_SUPPORT, &fs, sizeof(fs));
    ok(hr == S_OK && (fs.OutFormatSupport & D3D11_FORMAT_SUPPORT_RENDER_TARGET), "format support: %#lx %#x",
            (unsigned long)hr, fs.OutFormatSupport);
    hr = ID3D11Device_CheckFeatureSupport(device, 0x7777, &fs, sizeof(fs));
    ok(hr == E_INVALIDARG, "unknown feature: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_THREADING, NULL, sizeof(threading));
    ok(hr == E_INVALIDARG, "NULL data: %#lx", (unsigned long)hr);
    ID3D11Device_Release(device);
}

static void test_format_support(void)
{
    static const struct { DXGI_FORMAT format; UINT need; } cases[] =
    {
        { DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_RENDER_TARGET
                | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_MIP | D3D11_FORMAT_SUPPORT_BLENDABLE
                | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE | D3D11_FORMAT_SUPPORT_DISPLAY },
        { DXGI_FORMAT_R16_UINT, D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER | D3D11_FORMAT_SUPPORT_BUFFER },
        { DXGI_FORMAT_R32_UINT, D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW },
        { DXGI_FORMAT_R32G32B32A32_FLOAT, D3D11_FORMAT_SUPPORT_IA_VERTEX_BUFFER | D3D11_FORMAT_SUPPORT_RENDER_TARGET },
        { DXGI_FORMAT_D24_UNORM_S8_UINT, D3D11_FORMAT_SUPPORT_DEPTH_STENCIL | D3D11_FORMAT_SUPPORT_TEXTURE2D },
        { DXGI_FORMAT_D32_FLOAT, D3D11_FORMAT_SUPPORT_DEPTH_STENCIL },
        { DXGI_FORMAT_BC1_UNORM, D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE },
    };
    ID3D11Device *device = create_device(all_levels, 7);
    UINT support, levels, i;
    HRESULT hr;

    if (!device)
        return;
    for (i = 0; i < sizeof(cases) / sizeof(*cases); ++i)
    {
        hr = ID3D11Device_CheckFormatSupport(device, cases[i].format, &support);
        ok(hr == S_OK && (support & cases[i].need) == cases[i].need, "format %u: %#lx support %#x, missing %#x",
                cases[i].format, (unsigned long)hr, support, cases[i].need & ~support);
    }
    hr = ID3D11Device_CheckFormatSupport(device, DXGI_FORMAT_R8G8B8A8_UNORM, &support);
    ok(!(support & D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER), "RGBA8 as an index format");
    hr = ID3D11Device_CheckFormatSupport(device, DXGI_FORMAT_D24_UNORM_S8_UINT, &support);
    ok(!(support & D3D11_FORMAT_SUPPORT_RENDER_TARGET), "D24S8 as a render target");
    support = 0xdead;
    hr = ID3D11Device_CheckFormatSupport(device, 0xffff, &support);
    ok(hr == E_FAIL && !support, "invalid format: %#lx %#x", (unsigned long)hr, support);
    hr = ID3D11Device_CheckFormatSupport(device, DXGI_FORMAT_R8G8B8A8_UNORM, NULL);
    ok(hr == E_INVALIDARG, "NULL support: %#lx", (unsigned long)hr);

    hr = ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 1, &levels);
    ok(hr == S_OK && levels == 1, "1 sample: %#lx %u", (unsigned long)hr, levels);
    hr = ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, &levels);
    ok(hr == S_OK && levels >= 1, "4 samples (required by 10_1+): %#lx %u", (unsigned long)hr, levels);
    hr = ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 3, &levels);
    ok(hr == S_OK && !levels, "3 samples: %#lx %u", (unsigned long)hr, levels);
    hr = ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, NULL);
    ok(hr == E_INVALIDARG, "NULL levels: %#lx", (unsigned long)hr);
    ID3D11Device_Release(device);
}

static void test_misc(void)
{
    ID3D11Device *device = create_device(NULL, 0);
    ID3D11Multithread *mt;
    IDXGIDevice1 *dxgi;
    UINT latency;
    HRESULT hr;

    if (!device)
        return;
    ok(ID3D11Device_GetDeviceRemovedReason(device) == S_OK, "removed reason");
    ok(ID3D11Device_SetExceptionMode(device, D3D11_RAISE_FLAG_DRIVER_INTERNAL_ERROR) == S_OK, "exception mode");
    ok(ID3D11Device_GetExceptionMode(device) == D3D11_RAISE_FLAG_DRIVER_INTERNAL_ERROR, "GetExceptionMode");
    ok(ID3D11Device_SetExceptionMode(device, 0x10) == E_INVALIDARG, "invalid exception mode");
    ok(ID3D11Device_GetCreationFlags(device) == 0, "creation flags");

    ID3D11Device_QueryInterface(device, &IID_ID3D11Multithread, (void **)&mt);
    ok(!ID3D11Multithread_SetMultithreadProtected(mt, TRUE), "initially protected");
    ok(ID3D11Multithread_GetMultithreadProtected(mt), "not protected");
    ID3D11Multithread_Enter(mt);
    ID3D11Multithread_Enter(mt);   /* recursive */
    ID3D11Multithread_Leave(mt);
    ID3D11Multithread_Leave(mt);
    ok(ID3D11Multithread_SetMultithreadProtected(mt, FALSE), "previous state");
    ID3D11Multithread_Release(mt);

    ID3D11Device_QueryInterface(device, &IID_IDXGIDevice1, (void **)&dxgi);
    hr = IDXGIDevice1_GetMaximumFrameLatency(dxgi, &latency);
    ok(hr == S_OK && latency == 3, "default latency: %#lx %u", (unsigned long)hr, latency);
    ok(IDXGIDevice1_SetMaximumFrameLatency(dxgi, 17) == DXGI_ERROR_INVALID_CALL, "latency 17");
    ok(IDXGIDevice1_SetMaximumFrameLatency(dxgi, 5) == S_OK, "latency 5");
    IDXGIDevice1_GetMaximumFrameLatency(dxgi, &latency);
    ok(latency == 5, "latency %u", latency);
    IDXGIDevice1_SetMaximumFrameLatency(dxgi, 0);
    IDXGIDevice1_GetMaximumFrameLatency(dxgi, &latency);
    ok(latency == 3, "latency 0 restores the default: %u", latency);
    IDXGIDevice1_Release(dxgi);
    ID3D11Device_Release(device);
}

int main(void)
{
    if (!test_init())
        return test_finish() | 1;
    run_test(test_create_device_levels);
    run_test(test_create_device_driver_types);
    run_test(test_interfaces);
    run_test(test_refcounts);
    run_test(test_shared_backend_device);
    run_test(test_private_data);
    run_test(test_feature_support);
    run_test(test_format_support);
    run_test(test_misc);
    return test_finish();
}
