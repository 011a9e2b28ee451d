/* main.c — d3d11.dll's exports: device creation and the entry points Windows also exports. */
#include "d3d11_private.h"

static bool valid_feature_level(D3D_FEATURE_LEVEL level)
{
    switch (level)
    {
        case D3D_FEATURE_LEVEL_9_1: case D3D_FEATURE_LEVEL_9_2: case D3D_FEATURE_LEVEL_9_3:
        case D3D_FEATURE_LEVEL_10_0: case D3D_FEATURE_LEVEL_10_1:
        case D3D_FEATURE_LEVEL_11_0: case D3D_FEATURE_LEVEL_11_1:
        case D3D_FEATURE_LEVEL_12_0: case D3D_FEATURE_LEVEL_12_1:
            return true;
        default:
            return false;
    }
}

/* D3D11: with no list, the default is 11_0, 10_1, 10_0, 9_3, 9_2, 9_1 (11_1 must be asked for). */
static HRESULT choose_feature_level(const D3D_FEATURE_LEVEL *levels, UINT count, D3D_FEATURE_LEVEL max,
        D3D_FEATURE_LEVEL *chosen)
{
    static const D3D_FEATURE_LEVEL defaults[] =
    {
        D3D_FEATURE_LEVEL_11_0, D3D_FEATURE_LEVEL_10_1, D3D_FEATURE_LEVEL_10_0,
        D3D_FEATURE_LEVEL_9_3, D3D_FEATURE_LEVEL_9_2, D3D_FEATURE_LEVEL_9_1,
    };
    UINT i;

    if (!levels || !count)
    {
        levels = defaults;
        count = ARRAY_SIZE(defaults);
    }
    for (i = 0; i < count; ++i)
        if (!valid_feature_level(levels[i]))
        {
            LOG_WARN("Invalid feature level %#x in the list.", levels[i]);
            return E_INVALIDARG;
        }
    for (i = 0; i < count; ++i)
        if (levels[i] <= max)
        {
            *chosen = levels[i];
            return S_OK;
        }
    LOG_WARN("None of the %u requested feature levels is supported (maximum %#x).", count, max);
    return E_INVALIDARG;
}

static HRESULT default_adapter(D3D_DRIVER_TYPE type, IDXGIAdapter **adapter)
{
    IDXGIFactory4 *factory;
    HRESULT hr;

    if (FAILED(hr = CreateDXGIFactory1(&IID_IDXGIFactory4, (void **)&factory)))
    {
        LOG_ERR("No DXGI factory (%#lx).", (unsigned long)hr);
        return hr;
    }
    if (type == D3D_DRIVER_TYPE_WARP)
        hr = IDXGIFactory4_EnumWarpAdapter(factory, &IID_IDXGIAdapter, (void **)adapter);
    else
        hr = IDXGIFactory4_EnumAdapters(factory, 0, adapter);
    IDXGIFactory4_Release(factory);
    if (FAILED(hr))
    {
        LOG_ERR("No adapter for driver type %u.", type);
        return DXGI_ERROR_UNSUPPORTED;
    }
    return S_OK;
}

static HRESULT create_device(IDXGIAdapter *adapter, D3D_DRIVER_TYPE driver_type, HMODULE swrast, UINT flags,
        const D3D_FEATURE_LEVEL *levels, UINT level_count, ID3D11Device **device_out,
        D3D_FEATURE_LEVEL *level_out, ID3D11DeviceContext **context_out)
{
    struct vk_adapter *vk_adapter;
    ID3D11VKAdapter *vkadapter;
    struct d3d11_device *device;
    D3D_FEATURE_LEVEL level;
    HRESULT hr;

    if (device_out)
        *device_out = NULL;
    if (level_out)
        *level_out = 0;
    if (context_out)
        *context_out = NULL;

    /* D3D11: an explicit adapter goes with D3D_DRIVER_TYPE_UNKNOWN, and only with it. */
    if (adapter ? driver_type != D3D_DRIVER_TYPE_UNKNOWN : driver_type == D3D_DRIVER_TYPE_UNKNOWN)
    {
        LOG_WARN("Adapter %p with driver type %u.", adapter, driver_type);
        return E_INVALIDARG;
    }
    if (driver_type == D3D_DRIVER_TYPE_SOFTWARE ? !swrast : !!swrast)
        return E_INVALIDARG;
    switch (driver_type)
    {
        case D3D_DRIVER_TYPE_UNKNOWN:
            IDXGIAdapter_AddRef(adapter);
            break;
        case D3D_DRIVER_TYPE_HARDWARE:
        case D3D_DRIVER_TYPE_WARP:
            if (FAILED(hr = default_adapter(driver_type, &adapter)))
                return hr;
            break;
        case D3D_DRIVER_TYPE_REFERENCE:
        case D3D_DRIVER_TYPE_NULL:
        case D3D_DRIVER_TYPE_SOFTWARE:
            LOG_WARN("Driver type %u is not available.", driver_type);
            return DXGI_ERROR_UNSUPPORTED;
        default:
            return E_INVALIDARG;
    }
    if (FAILED(IDXGIAdapter_QueryInterface(adapter, &IID_ID3D11VKAdapter, (void **)&vkadapter)))
    {
        LOG_ERR("Adapter %p does not come from this DXGI.", adapter);
        IDXGIAdapter_Release(adapter);
        return E_INVALIDARG;
    }
    vk_adapter = vkadapter->lpVtbl->GetBackendAdapter(vkadapter);
    vkadapter->lpVtbl->Release(vkadapter);
    vk_module_init(vk_adapter->instance);

    if (FAILED(hr = choose_feature_level(levels, level_count, d3d11_max_feature_level(vk_adapter), &level)))
    {
        IDXGIAdapter_Release(adapter);
        return hr;
    }
    if (level_out)
        *level_out = level;
    /* D3D11: without a device pointer the call only reports the feature level. */
    if (!device_out)
    {
        IDXGIAdapter_Release(adapter);
        return S_FALSE;
    }
    hr = d3d11_device_create(adapter, vk_adapter, level, flags, &device);
    IDXGIAdapter_Release(adapter);
    if (FAILED(hr))
        return hr;
    *device_out = (ID3D11Device *)&device->ID3D11Device5_iface;
    if (context_out)
        ID3D11Device_GetImmediateContext(*device_out, context_out);
    return S_OK;
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CreateDevice(IDXGIAdapter *adapter, D3D_DRIVER_TYPE driver_type, HMODULE swrast,
        UINT flags, const D3D_FEATURE_LEVEL *levels, UINT level_count, UINT sdk_version, ID3D11Device **device,
        D3D_FEATURE_LEVEL *level, ID3D11DeviceContext **context)
{
    LOG_TRACE("adapter %p, driver type %u, flags %#x, %u levels, SDK %u.", adapter, driver_type, flags, level_count, sdk_version);
    return create_device(adapter, driver_type, swrast, flags, levels, level_count, device, level, context);
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CreateDeviceAndSwapChain(IDXGIAdapter *adapter, D3D_DRIVER_TYPE driver_type,
        HMODULE swrast, UINT flags, const D3D_FEATURE_LEVEL *levels, UINT level_count, UINT sdk_version,
        const DXGI_SWAP_CHAIN_DESC *swapchain_desc, IDXGISwapChain **swapchain, ID3D11Device **device_out,
        D3D_FEATURE_LEVEL *level, ID3D11DeviceContext **context)
{
    ID3D11Device *device = NULL;
    IDXGIDevice *dxgi_device;
    IDXGIAdapter *dxgi_adapter;
    IDXGIFactory *factory;
    DXGI_SWAP_CHAIN_DESC desc;
    HRESULT hr;

    if (swapchain)
        *swapchain = NULL;
    if (device_out)
        *device_out = NULL;
    if (context)
        *context = NULL;
    /* D3D11: a swap chain pointer needs a description. */
    if (swapchain && !swapchain_desc)
        return E_INVALIDARG;
    if (FAILED(hr = create_device(adapter, driver_type, swrast, flags, levels, level_count,
            swapchain || device_out || context ? &device : NULL, level, NULL)))
        return hr;
    if (!device)
        return hr;
    if (swapchain)
    {
        ID3D11Device_QueryInterface(device, &IID_IDXGIDevice, (void **)&dxgi_device);
        IDXGIDevice_GetAdapter(dxgi_device, &dxgi_adapter);
        IDXGIDevice_Release(dxgi_device);
        hr = IDXGIAdapter_GetParent(dxgi_adapter, &IID_IDXGIFactory, (void **)&factory);
        IDXGIAdapter_Release(dxgi_adapter);
        if (SUCCEEDED(hr))
        {
            desc = *swapchain_desc;
            hr = IDXGIFactory_CreateSwapChain(factory, (IUnknown *)device, &desc, swapchain);
            IDXGIFactory_Release(factory);
        }
        if (FAILED(hr))
        {
            LOG_WARN("Swap chain creation failed (%#lx).", (unsigned long)hr);
            ID3D11Device_Release(device);
            return hr;
        }
    }
    if (context)
        ID3D11Device_GetImmediateContext(device, context);
    if (device_out)
        *device_out = device;
    else
        ID3D11Device_Release(device);
    return S_OK;
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CoreCreateDevice(IDXGIFactory *factory, IDXGIAdapter *adapter, UINT flags,
        const D3D_FEATURE_LEVEL *levels, UINT level_count, ID3D11Device **device)
{
    if (!adapter)
        return E_INVALIDARG;
    return create_device(adapter, D3D_DRIVER_TYPE_UNKNOWN, NULL, flags, levels, level_count, device, NULL, NULL);
}

D3D11VK_EXPORT HRESULT WINAPI D3D11On12CreateDevice(IUnknown *d3d12_device, UINT flags,
        const D3D_FEATURE_LEVEL *levels, UINT level_count, IUnknown *const *queues, UINT queue_count,
        UINT node_mask, ID3D11Device **device, ID3D11DeviceContext **context, D3D_FEATURE_LEVEL *level)
{
    if (device)
        *device = NULL;
    if (context)
        *context = NULL;
    if (level)
        *level = 0;
    FIXME("Direct3D 11 on 12 is not implemented.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CreateDeviceForD3D12(IUnknown *d3d12_device, UINT flags,
        const D3D_FEATURE_LEVEL *levels, UINT level_count, IUnknown *const *queues, UINT queue_count,
        UINT node_mask, ID3D11Device **device, ID3D11DeviceContext **context, D3D_FEATURE_LEVEL *level)
{
    return D3D11On12CreateDevice(d3d12_device, flags, levels, level_count, queues, queue_count, node_mask,
            device, context, level);
}

/* WinRT interop and layered-runtime entry points. */
D3D11VK_EXPORT HRESULT WINAPI CreateDirect3D11DeviceFromDXGIDevice(IDXGIDevice *dxgi_device, IUnknown **out)
{
    if (out)
        *out = NULL;
    FIXME("WinRT interop is not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI CreateDirect3D11SurfaceFromDXGISurface(IDXGISurface *surface, IUnknown **out)
{
    if (out)
        *out = NULL;
    FIXME("WinRT interop is not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CoreCreateLayeredDevice(const void *unknown0, DWORD unknown1,
        const void *unknown2, REFIID riid, void **device)
{
    if (device)
        *device = NULL;
    FIXME("Layered devices are not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT SIZE_T WINAPI D3D11CoreGetLayeredDeviceSize(const void *unknown0, DWORD unknown1)
{
    FIXME("Layered devices are not supported.");
    return 0;
}

D3D11VK_EXPORT HRESULT WINAPI D3D11CoreRegisterLayers(const void *unknown0, DWORD unknown1)
{
    FIXME("Layered devices are not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI EnableFeatureLevelUpgrade(void)
{
    FIXME("Feature level upgrade is not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI OpenAdapter10(void *args)
{
    FIXME("The Direct3D 10 driver interface is not exposed.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI OpenAdapter10_2(void *args)
{
    FIXME("The Direct3D 10 driver interface is not exposed.");
    return E_NOTIMPL;
}

/* Kernel-thunk exports kept for compatibility; the kernel interface is gdi32's. */
D3D11VK_EXPORT LONG WINAPI D3D11VKKernelThunkUnsupported(void *args)
{
    (void)args;
    return (LONG)0xc00000bb; /* STATUS_NOT_SUPPORTED */
}

D3D11VK_EXPORT int WINAPI D3DPerformance_BeginEvent(void *ctx, const WCHAR *name)
{
    return -1;
}

D3D11VK_EXPORT int WINAPI D3DPerformance_EndEvent(void *ctx)
{
    return -1;
}

D3D11VK_EXPORT BOOL WINAPI D3DPerformance_GetAvailable(void *ctx)
{
    return FALSE;
}

D3D11VK_EXPORT void WINAPI D3DPerformance_SetMarker(void *ctx, const WCHAR *name)
{
}
