/* test_dxgi.c — factories, adapters and outputs: enumeration, descriptions, error paths. */
#include "test.h"
#include <volk.h>

static void test_factory_creation(void)
{
    IDXGIFactory *f0;
    IDXGIFactory1 *f1;
    IDXGIFactory2 *f2;
    HRESULT hr;

    hr = CreateDXGIFactory(&IID_IDXGIFactory, (void **)&f0);
    ok(hr == S_OK, "CreateDXGIFactory: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr)) IDXGIFactory_Release(f0);
    hr = CreateDXGIFactory1(&IID_IDXGIFactory1, (void **)&f1);
    ok(hr == S_OK, "CreateDXGIFactory1: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr)) IDXGIFactory1_Release(f1);
    hr = CreateDXGIFactory2(DXGI_CREATE_FACTORY_DEBUG, &IID_IDXGIFactory2, (void **)&f2);
    ok(hr == S_OK, "CreateDXGIFactory2(DEBUG): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        IDXGIFactory3 *f3;
        ok(SUCCEEDED(IDXGIFactory2_QueryInterface(f2, &IID_IDXGIFactory3, (void **)&f3)), "no IDXGIFactory3");
        ok(IDXGIFactory3_GetCreationFlags(f3) == DXGI_CREATE_FACTORY_DEBUG, "creation flags %#x", IDXGIFactory3_GetCreationFlags(f3));
        IDXGIFactory3_Release(f3);
        IDXGIFactory2_Release(f2);
    }
    hr = CreateDXGIFactory2(0x10, &IID_IDXGIFactory2, (void **)&f2);
    ok(hr == DXGI_ERROR_INVALID_CALL, "invalid flags: %#lx", (unsigned long)hr);
    hr = CreateDXGIFactory1(&IID_IDXGIFactory1, NULL);
    ok(hr == E_INVALIDARG, "NULL out: %#lx", (unsigned long)hr);
    f1 = (void *)0xdeadbeef;
    hr = CreateDXGIFactory1(&IID_ID3D11Device, (void **)&f1);
    ok(hr == E_NOINTERFACE && !f1, "wrong riid: %#lx %p", (unsigned long)hr, (void *)f1);
}

static void test_factory_interfaces(void)
{
    static const IID *const iids[] = { &IID_IUnknown, &IID_IDXGIObject, &IID_IDXGIFactory, &IID_IDXGIFactory1,
        &IID_IDXGIFactory2, &IID_IDXGIFactory3, &IID_IDXGIFactory4, &IID_IDXGIFactory5, &IID_IDXGIFactory6 };
    IUnknown *unk, *base;
    IDXGIFactory6 *f6;
    unsigned int i;
    HRESULT hr;

    IDXGIFactory1_QueryInterface(test_factory, &IID_IUnknown, (void **)&base);
    for (i = 0; i < sizeof(iids) / sizeof(*iids); ++i)
    {
        IUnknown *again;
        hr = IDXGIFactory1_QueryInterface(test_factory, iids[i], (void **)&unk);
        ok(hr == S_OK, "interface %u: %#lx", i, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        IUnknown_QueryInterface(unk, &IID_IUnknown, (void **)&again);
        ok(again == base, "COM identity broken for interface %u", i);
        IUnknown_Release(again);
        IUnknown_Release(unk);
    }
    IUnknown_Release(base);
    unk = (void *)0xdeadbeef;
    hr = IDXGIFactory1_QueryInterface(test_factory, &IID_IDXGIAdapter, (void **)&unk);
    ok(hr == E_NOINTERFACE && !unk, "IDXGIAdapter from a factory: %#lx", (unsigned long)hr);
    hr = IDXGIFactory1_QueryInterface(test_factory, &IID_IDXGIFactory6, (void **)&f6);
    if (SUCCEEDED(hr))
    {
        ok(vtable_complete(f6, sizeof(IDXGIFactory6Vtbl)), "IDXGIFactory6 vtable has holes");
        ok(IDXGIFactory6_IsCurrent(f6), "not current");
        IDXGIFactory6_Release(f6);
    }
}

static void test_adapters(void)
{
    IDXGIAdapter1 *adapter, *again;
    DXGI_ADAPTER_DESC1 desc1;
    DXGI_ADAPTER_DESC desc;
    DXGI_ADAPTER_DESC3 desc3;
    IDXGIAdapter4 *a4;
    IDXGIFactory4 *f4;
    IDXGIFactory6 *f6;
    IDXGIFactory1 *parent;
    ULONG before, after;
    UINT count = 0, i;
    HRESULT hr;

    before = get_refcount(test_factory);
    while (SUCCEEDED(IDXGIFactory1_EnumAdapters1(test_factory, count, &adapter)))
    {
        after = get_refcount(test_factory);
        ok(after == before + 1, "adapter holds no factory reference (%lu -> %lu)", (unsigned long)before, (unsigned long)after);
        hr = IDXGIAdapter1_GetDesc1(adapter, &desc1);
        ok(hr == S_OK, "GetDesc1: %#lx", (unsigned long)hr);
        ok(desc1.Description[0] != 0, "empty description");
        ok(desc1.VendorId != 0, "vendor id 0");
        ok(desc1.DedicatedVideoMemory + desc1.SharedSystemMemory > 0, "no memory reported");
        hr = IDXGIAdapter1_GetDesc(adapter, &desc);
        ok(hr == S_OK && !memcmp(desc.Description, desc1.Description, sizeof(desc.Description))
                && !memcmp(&desc.AdapterLuid, &desc1.AdapterLuid, sizeof(LUID)), "GetDesc differs from GetDesc1");
        ok(IDXGIAdapter1_GetDesc1(adapter, NULL) == E_INVALIDARG, "GetDesc1(NULL)");
        if (SUCCEEDED(IDXGIAdapter1_QueryInterface(adapter, &IID_IDXGIAdapter4, (void **)&a4)))
        {
            DXGI_QUERY_VIDEO_MEMORY_INFO info;
            ok(vtable_complete(a4, sizeof(IDXGIAdapter4Vtbl)), "IDXGIAdapter4 vtable has holes");
            hr = IDXGIAdapter4_GetDesc3(a4, &desc3);
            ok(hr == S_OK && desc3.VendorId == desc1.VendorId && desc3.DeviceId == desc1.DeviceId
                    && !!(desc3.Flags & DXGI_ADAPTER_FLAG3_SOFTWARE) == !!(desc1.Flags & DXGI_ADAPTER_FLAG_SOFTWARE),
                    "GetDesc3 differs from GetDesc1");
            hr = IDXGIAdapter4_QueryVideoMemoryInfo(a4, 0, DXGI_MEMORY_SEGMENT_GROUP_LOCAL, &info);
            ok(hr == S_OK && info.Budget > 0, "QueryVideoMemoryInfo local: %#lx, budget %llu", (unsigned long)hr,
                    (unsigned long long)info.Budget);
            ok(IDXGIAdapter4_QueryVideoMemoryInfo(a4, 1, DXGI_MEMORY_SEGMENT_GROUP_LOCAL, &info) == E_INVALIDARG, "node 1");
            ok(IDXGIAdapter4_QueryVideoMemoryInfo(a4, 0, 7, &info) == E_INVALIDARG, "segment group 7");
            IDXGIAdapter4_Release(a4);
        }
        else
            ok(0, "no IDXGIAdapter4");
        ok(IDXGIAdapter1_CheckInterfaceSupport(adapter, &IID_ID3D11Device, NULL) == DXGI_ERROR_UNSUPPORTED,
                "CheckInterfaceSupport(ID3D11Device)");
        hr = IDXGIAdapter1_GetParent(adapter, &IID_IDXGIFactory1, (void **)&parent);
        ok(hr == S_OK && parent == test_factory, "GetParent: %#lx %p", (unsigned long)hr, (void *)parent);
        if (SUCCEEDED(hr))
            IDXGIFactory1_Release(parent);

        /* By LUID. */
        if (SUCCEEDED(IDXGIFactory1_QueryInterface(test_factory, &IID_IDXGIFactory4, (void **)&f4)))
        {
            hr = IDXGIFactory4_EnumAdapterByLuid(f4, desc1.AdapterLuid, &IID_IDXGIAdapter1, (void **)&again);
            ok(hr == S_OK, "EnumAdapterByLuid: %#lx", (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                DXGI_ADAPTER_DESC1 d;
                IDXGIAdapter1_GetDesc1(again, &d);
                ok(!memcmp(&d, &desc1, sizeof(d)), "adapter by LUID has another description");
                IDXGIAdapter1_Release(again);
            }
            IDXGIFactory4_Release(f4);
        }
        IDXGIAdapter1_Release(adapter);
        ok(get_refcount(test_factory) == before, "factory reference leaked");
        ++count;
    }
    ok(count >= 1, "no adapters");
    printf("   %u adapter(s)\n", count);
    adapter = (void *)0xdeadbeef;
    hr = IDXGIFactory1_EnumAdapters1(test_factory, count, &adapter);
    ok(hr == DXGI_ERROR_NOT_FOUND && !adapter, "adapter past the end: %#lx", (unsigned long)hr);
    hr = IDXGIFactory1_EnumAdapters1(test_factory, 0, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "EnumAdapters1(NULL): %#lx", (unsigned long)hr);

    if (SUCCEEDED(IDXGIFactory1_QueryInterface(test_factory, &IID_IDXGIFactory6, (void **)&f6)))
    {
        LUID bogus = { 0x12345678, 0x7654321 };
        IDXGIAdapter1 *first, *pref;

        hr = IDXGIFactory6_EnumAdapterByLuid(f6, bogus, &IID_IDXGIAdapter1, (void **)&again);
        ok(hr == DXGI_ERROR_NOT_FOUND, "bogus LUID: %#lx", (unsigned long)hr);
        hr = IDXGIFactory6_EnumAdapterByGpuPreference(f6, 0, 42, &IID_IDXGIAdapter1, (void **)&again);
        ok(hr == E_INVALIDARG, "invalid preference: %#lx", (unsigned long)hr);
        IDXGIFactory6_EnumAdapters1(f6, 0, &first);
        IDXGIAdapter1_GetDesc1(first, &desc1);
        for (i = DXGI_GPU_PREFERENCE_UNSPECIFIED; i <= DXGI_GPU_PREFERENCE_HIGH_PERFORMANCE; ++i)
        {
            UINT n = 0;
            while (SUCCEEDED(IDXGIFactory6_EnumAdapterByGpuPreference(f6, n, i, &IID_IDXGIAdapter1, (void **)&pref)))
            {
                IDXGIAdapter1_Release(pref);
                ++n;
            }
            ok(n == count, "preference %u lists %u adapters, not %u", i, n, count);
        }
        hr = IDXGIFactory6_EnumAdapterByGpuPreference(f6, 0, DXGI_GPU_PREFERENCE_UNSPECIFIED, &IID_IDXGIAdapter1, (void **)&pref);
        if (SUCCEEDED(hr))
        {
            DXGI_ADAPTER_DESC1 d;
            IDXGIAdapter1_GetDesc1(pref, &d);
            ok(!memcmp(&d.AdapterLuid, &desc1.AdapterLuid, sizeof(LUID)), "unspecified preference reorders");
            IDXGIAdapter1_Release(pref);
        }
        IDXGIAdapter1_Release(first);

        /* WARP is the CPU implementation when there is one. */
        hr = IDXGIFactory6_EnumWarpAdapter(f6, &IID_IDXGIAdapter1, (void **)&pref);
        if (SUCCEEDED(hr))
        {
            DXGI_ADAPTER_DESC1 d;
            IDXGIAdapter1_GetDesc1(pref, &d);
            ok(d.Flags & DXGI_ADAPTER_FLAG_SOFTWARE, "WARP adapter is not a software adapter");
            IDXGIAdapter1_Release(pref);
        }
        else
            ok(hr == DXGI_ERROR_NOT_FOUND, "EnumWarpAdapter: %#lx", (unsigned long)hr);
        IDXGIFactory6_Release(f6);
    }
}

static void test_factory_features(void)
{
    IDXGIFactory5 *f5;
    BOOL tearing = 2;
    HWND window = (HWND)0x1;
    HRESULT hr;

    if (FAILED(IDXGIFactory1_QueryInterface(test_factory, &IID_IDXGIFactory5, (void **)&f5)))
    {
        ok(0, "no IDXGIFactory5");
        return;
    }
    hr = IDXGIFactory5_CheckFeatureSupport(f5, DXGI_FEATURE_PRESENT_ALLOW_TEARING, &tearing, sizeof(tearing));
    ok(hr == S_OK && (tearing == TRUE || tearing == FALSE), "tearing: %#lx %d", (unsigned long)hr, tearing);
    hr = IDXGIFactory5_CheckFeatureSupport(f5, DXGI_FEATURE_PRESENT_ALLOW_TEARING, &tearing, 1);
    ok(hr == E_INVALIDARG, "wrong size: %#lx", (unsigned long)hr);
    hr = IDXGIFactory5_CheckFeatureSupport(f5, 0x1234, &tearing, sizeof(tearing));
    ok(hr == DXGI_ERROR_UNSUPPORTED, "unknown feature: %#lx", (unsigned long)hr);

    hr = IDXGIFactory5_MakeWindowAssociation(f5, NULL, 0x100);
    ok(hr == DXGI_ERROR_INVALID_CALL, "invalid association flags: %#lx", (unsigned long)hr);
    hr = IDXGIFactory5_GetWindowAssociation(f5, NULL);
    ok(hr == DXGI_ERROR_INVALID_CALL, "GetWindowAssociation(NULL): %#lx", (unsigned long)hr);
    hr = IDXGIFactory5_MakeWindowAssociation(f5, NULL, DXGI_MWA_NO_ALT_ENTER);
    ok(hr == S_OK, "MakeWindowAssociation: %#lx", (unsigned long)hr);
    hr = IDXGIFactory5_GetWindowAssociation(f5, &window);
    ok(hr == S_OK && !window, "GetWindowAssociation: %#lx %p", (unsigned long)hr, (void *)window);
    IDXGIFactory5_Release(f5);
}

static void test_private_data(void)
{
    static const GUID guid = { 0xdeadbeef, 0x1234, 0x5678, { 1, 2, 3, 4, 5, 6, 7, 8 } };
    DWORD value = 0x11223344, out = 0;
    IDXGIFactory1 *other;
    IUnknown *iface = NULL;
    UINT size;
    ULONG refcount;
    HRESULT hr;

    size = 42;
    hr = IDXGIFactory1_GetPrivateData(test_factory, &guid, &size, &out);
    ok(hr == DXGI_ERROR_NOT_FOUND && !size, "unset: %#lx size %u", (unsigned long)hr, size);
    hr = IDXGIFactory1_SetPrivateData(test_factory, &guid, sizeof(value), &value);
    ok(hr == S_OK, "SetPrivateData: %#lx", (unsigned long)hr);
    size = 0;
    hr = IDXGIFactory1_GetPrivateData(test_factory, &guid, &size, NULL);
    ok(hr == S_OK && size == sizeof(value), "size query: %#lx %u", (unsigned long)hr, size);
    size = 2;
    hr = IDXGIFactory1_GetPrivateData(test_factory, &guid, &size, &out);
    ok(hr == DXGI_ERROR_MORE_DATA && size == sizeof(value), "short buffer: %#lx %u", (unsigned long)hr, size);
    size = sizeof(out);
    hr = IDXGIFactory1_GetPrivateData(test_factory, &guid, &size, &out);
    ok(hr == S_OK && out == value, "get: %#lx %#lx", (unsigned long)hr, (unsigned long)out);
    ok(IDXGIFactory1_GetPrivateData(test_factory, &guid, NULL, &out) == E_INVALIDARG, "NULL size");

    CreateDXGIFactory1(&IID_IDXGIFactory1, (void **)&other);
    refcount = get_refcount(other);
    hr = IDXGIFactory1_SetPrivateDataInterface(test_factory, &guid, (IUnknown *)other);
    ok(hr == S_OK && get_refcount(other) == refcount + 1, "SetPrivateDataInterface holds no reference");
    size = sizeof(iface);
    hr = IDXGIFactory1_GetPrivateData(test_factory, &guid, &size, &iface);
    ok(hr == S_OK && iface == (IUnknown *)other && get_refcount(other) == refcount + 2, "interface get");
    if (iface)
        IUnknown_Release(iface);
    hr = IDXGIFactory1_SetPrivateData(test_factory, &guid, 0, NULL);
    ok(hr == S_OK && get_refcount(other) == refcount, "delete: %#lx", (unsigned long)hr);
    hr = IDXGIFactory1_SetPrivateData(test_factory, &guid, 0, NULL);
    ok(hr == S_FALSE, "delete again: %#lx", (unsigned long)hr);
    IDXGIFactory1_Release(other);
}

static void test_outputs(void)
{
    IDXGIAdapter1 *adapter;
    IDXGIOutput *output;
    IDXGIOutput6 *o6;
    DXGI_OUTPUT_DESC desc;
    DXGI_MODE_DESC *modes, want, closest;
    UINT count, i, n = 0;
    HRESULT hr;

    if (FAILED(IDXGIFactory1_EnumAdapters1(test_factory, 0, &adapter)))
        return;
    while (SUCCEEDED(IDXGIAdapter1_EnumOutputs(adapter, n, &output)))
    {
        bool desktop_size = false;

        hr = IDXGIOutput_GetDesc(output, &desc);
        ok(hr == S_OK && desc.AttachedToDesktop, "GetDesc: %#lx", (unsigned long)hr);
        ok(desc.DesktopCoordinates.right > desc.DesktopCoordinates.left
                && desc.DesktopCoordinates.bottom > desc.DesktopCoordinates.top, "empty desktop rect");
        ok(desc.DeviceName[0] != 0, "no device name");
        ok(IDXGIOutput_QueryInterface(output, &IID_IDXGIOutput6, (void **)&o6) == S_OK, "no IDXGIOutput6");
        if (o6)
        {
            DXGI_OUTPUT_DESC1 d1;
            ok(vtable_complete(o6, sizeof(IDXGIOutput6Vtbl)), "IDXGIOutput6 vtable has holes");
            ok(IDXGIOutput6_GetDesc1(o6, &d1) == S_OK && d1.Monitor == desc.Monitor, "GetDesc1");
            IDXGIOutput6_Release(o6);
        }
        hr = IDXGIOutput_GetDisplayModeList(output, DXGI_FORMAT_R8G8B8A8_UNORM, 0, NULL, NULL);
        ok(hr == DXGI_ERROR_INVALID_CALL, "NULL count: %#lx", (unsigned long)hr);
        count = 0;
        hr = IDXGIOutput_GetDisplayModeList(output, DXGI_FORMAT_R8G8B8A8_UNORM, 0, &count, NULL);
        ok(hr == S_OK && count >= 1, "mode count: %#lx %u", (unsigned long)hr, count);
        modes = calloc(count + 1, sizeof(*modes));
        hr = IDXGIOutput_GetDisplayModeList(output, DXGI_FORMAT_R8G8B8A8_UNORM, 0, &count, modes);
        ok(hr == S_OK, "mode list: %#lx", (unsigned long)hr);
        for (i = 0; i < count; ++i)
        {
            ok(modes[i].RefreshRate.Numerator && modes[i].RefreshRate.Denominator, "mode %u has no refresh rate", i);
            ok(modes[i].Format == DXGI_FORMAT_R8G8B8A8_UNORM, "mode %u format %u", i, modes[i].Format);
            if (modes[i].Width == (UINT)(desc.DesktopCoordinates.right - desc.DesktopCoordinates.left)
                    && modes[i].Height == (UINT)(desc.DesktopCoordinates.bottom - desc.DesktopCoordinates.top))
                desktop_size = true;
        }
        ok(desktop_size, "the desktop size is not among the %u modes", count);
        if (count > 1)
        {
            UINT fewer = count - 1;
            hr = IDXGIOutput_GetDisplayModeList(output, DXGI_FORMAT_R8G8B8A8_UNORM, 0, &fewer, modes);
            ok(hr == DXGI_ERROR_MORE_DATA, "short mode list: %#lx", (unsigned long)hr);
        }
        memset(&want, 0, sizeof(want));
        want.Width = desc.DesktopCoordinates.right - desc.DesktopCoordinates.left;
        want.Height = desc.DesktopCoordinates.bottom - desc.DesktopCoordinates.top;
        want.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
        hr = IDXGIOutput_FindClosestMatchingMode(output, &want, &closest, NULL);
        ok(hr == S_OK && closest.Width == want.Width && closest.Height == want.Height && closest.RefreshRate.Numerator,
                "closest mode: %#lx %ux%u", (unsigned long)hr, closest.Width, closest.Height);
        want.Height = 0;
        hr = IDXGIOutput_FindClosestMatchingMode(output, &want, &closest, NULL);
        ok(hr == DXGI_ERROR_INVALID_CALL, "width without height: %#lx", (unsigned long)hr);
        want.Width = 0;
        want.Format = DXGI_FORMAT_UNKNOWN;
        hr = IDXGIOutput_FindClosestMatchingMode(output, &want, &closest, NULL);
        ok(hr == DXGI_ERROR_INVALID_CALL, "unknown format without a device: %#lx", (unsigned long)hr);
        free(modes);
        IDXGIOutput_Release(output);
        ++n;
    }
    printf("   %u output(s)\n", n);
#ifdef D3D11VK_NATIVE
    ok(n == 0, "the native build has no Win32 desktop, yet lists %u outputs", n);
#else
    ok(n >= 1, "no outputs on the primary adapter");
#endif
    IDXGIAdapter1_Release(adapter);
}

/* The adapters are the Vulkan physical devices: same count, same names. */
static void test_adapters_match_vulkan(void)
{
    VkInstanceCreateInfo info = { VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO };
    VkApplicationInfo app = { VK_STRUCTURE_TYPE_APPLICATION_INFO };
    VkPhysicalDevice devices[16];
    uint32_t count = 16, i, j, matched = 0;
    IDXGIAdapter1 *adapter;
    VkInstance instance;

    if (volkInitialize() != VK_SUCCESS)
    {
        ok(0, "no Vulkan loader");
        return;
    }
    app.apiVersion = VK_API_VERSION_1_1;
    info.pApplicationInfo = &app;
    if (vkCreateInstance(&info, NULL, &instance) != VK_SUCCESS)
    {
        ok(0, "no Vulkan instance");
        return;
    }
    volkLoadInstanceOnly(instance);
    vkEnumeratePhysicalDevices(instance, &count, devices);
    for (i = 0; SUCCEEDED(IDXGIFactory1_EnumAdapters1(test_factory, i, &adapter)); ++i)
    {
        DXGI_ADAPTER_DESC1 desc;
        char name[128];

        IDXGIAdapter1_GetDesc1(adapter, &desc);
        for (j = 0; j < 127 && desc.Description[j]; ++j)
            name[j] = (char)desc.Description[j];
        name[j] = 0;
        for (j = 0; j < count; ++j)
        {
            VkPhysicalDeviceProperties props;
            vkGetPhysicalDeviceProperties(devices[j], &props);
            if (!strcmp(props.deviceName, name) && props.vendorID == desc.VendorId && props.deviceID == desc.DeviceId)
            {
                ++matched;
                break;
            }
        }
        ok(j < count, "adapter %u (%s) is no Vulkan device", i, name);
        printf("   adapter %u: %s\n", i, name);
        IDXGIAdapter1_Release(adapter);
    }
    ok(i == count && matched == count, "%u adapters, %u Vulkan devices, %u matched", i, count, matched);
    vkDestroyInstance(instance, NULL);
}

int main(void)
{
    if (!test_init())
        return test_finish() | 1;
    run_test(test_factory_creation);
    run_test(test_factory_interfaces);
    run_test(test_adapters);
    run_test(test_adapters_match_vulkan);
    run_test(test_factory_features);
    run_test(test_private_data);
    run_test(test_outputs);
    return test_finish();
}
