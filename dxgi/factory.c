/* factory.c — IDXGIFactory1..7: adapter enumeration, window association, feature checks. */
#include "dxgi_private.h"

static inline struct dxgi_factory *impl_from_IDXGIFactory6(IDXGIFactory6 *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_factory, IDXGIFactory6_iface);
}

static const struct d3d11vk_qi_entry factory_qi[] =
{
    { &IID_IDXGIFactory6, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory5, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory4, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory3, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory2, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory1, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIFactory, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_IDXGIObject, offsetof(struct dxgi_factory, IDXGIFactory6_iface) },
    { &IID_ID3D11VKFactory, offsetof(struct dxgi_factory, ID3D11VKFactory_iface) },
};

static HRESULT STDMETHODCALLTYPE dxgi_factory_QueryInterface(IDXGIFactory6 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_IDXGIFactory6(iface), factory_qi, ARRAY_SIZE(factory_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_factory_AddRef(IDXGIFactory6 *iface)
{
    return atomic_inc_u32(&impl_from_IDXGIFactory6(iface)->obj.refcount);
}

static ULONG STDMETHODCALLTYPE dxgi_factory_Release(IDXGIFactory6 *iface)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);
    ULONG refcount = atomic_dec_u32(&factory->obj.refcount);

    if (!refcount)
    {
        d3d11vk_private_store_cleanup(&factory->obj.private_data);
        plat_mutex_destroy(&factory->lock);
        vk_instance_release(factory->instance);
        free(factory);
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_SetPrivateData(IDXGIFactory6 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIFactory6(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_SetPrivateDataInterface(IDXGIFactory6 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIFactory6(iface)->obj.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_GetPrivateData(IDXGIFactory6 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIFactory6(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_GetParent(IDXGIFactory6 *iface, REFIID riid, void **parent)
{
    /* DXGI: a factory has no parent. */
    if (!parent)
        return E_INVALIDARG;
    *parent = NULL;
    return E_NOINTERFACE;
}

static HRESULT enum_adapter(struct dxgi_factory *factory, UINT index, REFIID riid, void **out)
{
    struct dxgi_adapter *adapter;
    HRESULT hr;

    if (!out)
        return DXGI_ERROR_INVALID_CALL;
    *out = NULL;
    if (index >= factory->instance->adapter_count)
        return DXGI_ERROR_NOT_FOUND;
    if (FAILED(hr = dxgi_adapter_create(factory, factory->instance->adapters[index], &adapter)))
        return hr;
    hr = IDXGIAdapter4_QueryInterface(&adapter->IDXGIAdapter4_iface, riid, out);
    IDXGIAdapter4_Release(&adapter->IDXGIAdapter4_iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_EnumAdapters(IDXGIFactory6 *iface, UINT index, IDXGIAdapter **adapter)
{
    return enum_adapter(impl_from_IDXGIFactory6(iface), index, &IID_IDXGIAdapter, (void **)adapter);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_EnumAdapters1(IDXGIFactory6 *iface, UINT index, IDXGIAdapter1 **adapter)
{
    return enum_adapter(impl_from_IDXGIFactory6(iface), index, &IID_IDXGIAdapter1, (void **)adapter);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_MakeWindowAssociation(IDXGIFactory6 *iface, HWND window, UINT flags)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);

    if (flags & ~DXGI_MWA_VALID)
        return DXGI_ERROR_INVALID_CALL;
    plat_mutex_lock(&factory->lock);
    factory->window = window;
    factory->window_flags = window ? flags : 0;
    plat_mutex_unlock(&factory->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_GetWindowAssociation(IDXGIFactory6 *iface, HWND *window)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);

    if (!window)
        return DXGI_ERROR_INVALID_CALL;
    plat_mutex_lock(&factory->lock);
    *window = factory->window;
    plat_mutex_unlock(&factory->lock);
    return S_OK;
}

/* swapchain.c */
HRESULT dxgi_swapchain_create(struct dxgi_factory *factory, IUnknown *device, HWND window,
        const DXGI_SWAP_CHAIN_DESC1 *desc, const DXGI_SWAP_CHAIN_FULLSCREEN_DESC *fs_desc,
        IDXGIOutput *output, IDXGISwapChain1 **out);

static HRESULT STDMETHODCALLTYPE dxgi_factory_CreateSwapChain(IDXGIFactory6 *iface, IUnknown *device,
        DXGI_SWAP_CHAIN_DESC *desc, IDXGISwapChain **swapchain)
{
    DXGI_SWAP_CHAIN_FULLSCREEN_DESC fs_desc;
    DXGI_SWAP_CHAIN_DESC1 desc1;

    if (swapchain)
        *swapchain = NULL;
    if (!device || !desc || !swapchain || !desc->OutputWindow)
        return DXGI_ERROR_INVALID_CALL;
    memset(&desc1, 0, sizeof(desc1));
    desc1.Width = desc->BufferDesc.Width;
    desc1.Height = desc->BufferDesc.Height;
    desc1.Format = desc->BufferDesc.Format;
    desc1.SampleDesc = desc->SampleDesc;
    desc1.BufferUsage = desc->BufferUsage;
    desc1.BufferCount = desc->BufferCount;
    desc1.Scaling = DXGI_SCALING_STRETCH;
    desc1.SwapEffect = desc->SwapEffect;
    desc1.AlphaMode = DXGI_ALPHA_MODE_IGNORE;
    desc1.Flags = desc->Flags;
    fs_desc.RefreshRate = desc->BufferDesc.RefreshRate;
    fs_desc.ScanlineOrdering = desc->BufferDesc.ScanlineOrdering;
    fs_desc.Scaling = desc->BufferDesc.Scaling;
    fs_desc.Windowed = desc->Windowed;
    return dxgi_swapchain_create(impl_from_IDXGIFactory6(iface), device, desc->OutputWindow, &desc1, &fs_desc,
            NULL, (IDXGISwapChain1 **)swapchain);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_CreateSoftwareAdapter(IDXGIFactory6 *iface, HMODULE module, IDXGIAdapter **adapter)
{
    /* DXGI: a software rasterizer module is a Windows driver binary; none can be loaded here. */
    if (!adapter)
        return DXGI_ERROR_INVALID_CALL;
    *adapter = NULL;
    LOG_WARN("Software adapter modules are not supported.");
    return DXGI_ERROR_UNSUPPORTED;
}

static BOOL STDMETHODCALLTYPE dxgi_factory_IsCurrent(IDXGIFactory6 *iface)
{
    return TRUE;
}

static BOOL STDMETHODCALLTYPE dxgi_factory_IsWindowedStereoEnabled(IDXGIFactory6 *iface)
{
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_CreateSwapChainForHwnd(IDXGIFactory6 *iface, IUnknown *device,
        HWND window, const DXGI_SWAP_CHAIN_DESC1 *desc, const DXGI_SWAP_CHAIN_FULLSCREEN_DESC *fs_desc,
        IDXGIOutput *output, IDXGISwapChain1 **swapchain)
{
    if (swapchain)
        *swapchain = NULL;
    if (!device || !window || !desc || !swapchain)
        return DXGI_ERROR_INVALID_CALL;
    return dxgi_swapchain_create(impl_from_IDXGIFactory6(iface), device, window, desc, fs_desc, output, swapchain);
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_CreateSwapChainForCoreWindow(IDXGIFactory6 *iface, IUnknown *device,
        IUnknown *window, const DXGI_SWAP_CHAIN_DESC1 *desc, IDXGIOutput *output, IDXGISwapChain1 **swapchain)
{
    /* Core windows need a compositor this platform lacks. */
    if (swapchain)
        *swapchain = NULL;
    LOG_WARN("CoreWindow swap chains are not available on this platform.");
    return DXGI_ERROR_INVALID_CALL;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_CreateSwapChainForComposition(IDXGIFactory6 *iface, IUnknown *device,
        const DXGI_SWAP_CHAIN_DESC1 *desc, IDXGIOutput *output, IDXGISwapChain1 **swapchain)
{
    if (swapchain)
        *swapchain = NULL;
    LOG_WARN("Composition swap chains are not available on this platform.");
    return DXGI_ERROR_INVALID_CALL;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_GetSharedResourceAdapterLuid(IDXGIFactory6 *iface, HANDLE resource, LUID *luid)
{
    if (!luid)
        return E_INVALIDARG;
    FIXME("Shared resources are not implemented yet.");
    return DXGI_ERROR_INVALID_CALL;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_RegisterStereoStatusWindow(IDXGIFactory6 *iface, HWND window, UINT msg, DWORD *cookie)
{
    FIXME("Stereo status is not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_RegisterStereoStatusEvent(IDXGIFactory6 *iface, HANDLE event, DWORD *cookie)
{
    FIXME("Stereo status is not supported.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE dxgi_factory_UnregisterStereoStatus(IDXGIFactory6 *iface, DWORD cookie)
{
    FIXME("Stereo status is not supported.");
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_RegisterOcclusionStatusWindow(IDXGIFactory6 *iface, HWND window, UINT msg, DWORD *cookie)
{
    FIXME("Occlusion status notifications are not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_RegisterOcclusionStatusEvent(IDXGIFactory6 *iface, HANDLE event, DWORD *cookie)
{
    FIXME("Occlusion status notifications are not supported.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE dxgi_factory_UnregisterOcclusionStatus(IDXGIFactory6 *iface, DWORD cookie)
{
    FIXME("Occlusion status notifications are not supported.");
}

static UINT STDMETHODCALLTYPE dxgi_factory_GetCreationFlags(IDXGIFactory6 *iface)
{
    return impl_from_IDXGIFactory6(iface)->flags;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_EnumAdapterByLuid(IDXGIFactory6 *iface, LUID luid, REFIID riid, void **out)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);
    IDXGIAdapter1 *adapter;
    DXGI_ADAPTER_DESC1 desc;
    HRESULT hr;
    UINT i;

    if (!out)
        return DXGI_ERROR_INVALID_CALL;
    *out = NULL;
    for (i = 0; SUCCEEDED(enum_adapter(factory, i, &IID_IDXGIAdapter1, (void **)&adapter)); ++i)
    {
        IDXGIAdapter1_GetDesc1(adapter, &desc);
        if (desc.AdapterLuid.LowPart == luid.LowPart && desc.AdapterLuid.HighPart == luid.HighPart)
        {
            hr = IDXGIAdapter1_QueryInterface(adapter, riid, out);
            IDXGIAdapter1_Release(adapter);
            return hr;
        }
        IDXGIAdapter1_Release(adapter);
    }
    return DXGI_ERROR_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_EnumWarpAdapter(IDXGIFactory6 *iface, REFIID riid, void **out)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);
    UINT i;

    if (!out)
        return DXGI_ERROR_INVALID_CALL;
    *out = NULL;
    /* WARP is a CPU rasterizer: a CPU Vulkan implementation is the honest answer. */
    for (i = 0; i < factory->instance->adapter_count; ++i)
        if (vk_adapter_is_software(factory->instance->adapters[i]))
            return enum_adapter(factory, i, riid, out);
    return DXGI_ERROR_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_CheckFeatureSupport(IDXGIFactory6 *iface, DXGI_FEATURE feature, void *data, UINT size)
{
    switch (feature)
    {
        case DXGI_FEATURE_PRESENT_ALLOW_TEARING:
            if (!data || size != sizeof(BOOL))
                return E_INVALIDARG;
            *(BOOL *)data = TRUE;   /* immediate presentation is offered by the X11 and Win32 surfaces */
            return S_OK;
        default:
            LOG_WARN("Unknown feature %#x.", feature);
            return DXGI_ERROR_UNSUPPORTED;
    }
}

static HRESULT STDMETHODCALLTYPE dxgi_factory_EnumAdapterByGpuPreference(IDXGIFactory6 *iface, UINT index,
        DXGI_GPU_PREFERENCE preference, REFIID riid, void **out)
{
    struct dxgi_factory *factory = impl_from_IDXGIFactory6(iface);
    struct vk_instance *instance = factory->instance;
    UINT order[64], count = 0, i, pass;
    static const VkPhysicalDeviceType high[] = { VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU, VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU };
    static const VkPhysicalDeviceType low[] = { VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU, VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU };
    const VkPhysicalDeviceType *pref;

    if (!out)
        return DXGI_ERROR_INVALID_CALL;
    *out = NULL;
    if (preference == DXGI_GPU_PREFERENCE_UNSPECIFIED)
        return enum_adapter(factory, index, riid, out);
    if (preference != DXGI_GPU_PREFERENCE_MINIMUM_POWER && preference != DXGI_GPU_PREFERENCE_HIGH_PERFORMANCE)
        return E_INVALIDARG;
    pref = preference == DXGI_GPU_PREFERENCE_HIGH_PERFORMANCE ? high : low;
    /* The preferred kinds first, then everything else in enumeration order. */
    for (pass = 0; pass < 3; ++pass)
        for (i = 0; i < instance->adapter_count && count < ARRAY_SIZE(order); ++i)
        {
            VkPhysicalDeviceType type = instance->adapters[i]->properties.properties.deviceType;
            bool take = pass < 2 ? type == pref[pass] : (type != pref[0] && type != pref[1]);
            if (take)
                order[count++] = i;
        }
    if (index >= count)
        return DXGI_ERROR_NOT_FOUND;
    return enum_adapter(factory, order[index], riid, out);
}

static const IDXGIFactory6Vtbl dxgi_factory_vtbl =
{
    .QueryInterface = dxgi_factory_QueryInterface,
    .AddRef = dxgi_factory_AddRef,
    .Release = dxgi_factory_Release,
    .SetPrivateData = dxgi_factory_SetPrivateData,
    .SetPrivateDataInterface = dxgi_factory_SetPrivateDataInterface,
    .GetPrivateData = dxgi_factory_GetPrivateData,
    .GetParent = dxgi_factory_GetParent,
    .EnumAdapters = dxgi_factory_EnumAdapters,
    .MakeWindowAssociation = dxgi_factory_MakeWindowAssociation,
    .GetWindowAssociation = dxgi_factory_GetWindowAssociation,
    .CreateSwapChain = dxgi_factory_CreateSwapChain,
    .CreateSoftwareAdapter = dxgi_factory_CreateSoftwareAdapter,
    .EnumAdapters1 = dxgi_factory_EnumAdapters1,
    .IsCurrent = dxgi_factory_IsCurrent,
    .IsWindowedStereoEnabled = dxgi_factory_IsWindowedStereoEnabled,
    .CreateSwapChainForHwnd = dxgi_factory_CreateSwapChainForHwnd,
    .CreateSwapChainForCoreWindow = dxgi_factory_CreateSwapChainForCoreWindow,
    .GetSharedResourceAdapterLuid = dxgi_factory_GetSharedResourceAdapterLuid,
    .RegisterStereoStatusWindow = dxgi_factory_RegisterStereoStatusWindow,
    .RegisterStereoStatusEvent = dxgi_factory_RegisterStereoStatusEvent,
    .UnregisterStereoStatus = dxgi_factory_UnregisterStereoStatus,
    .RegisterOcclusionStatusWindow = dxgi_factory_RegisterOcclusionStatusWindow,
    .RegisterOcclusionStatusEvent = dxgi_factory_RegisterOcclusionStatusEvent,
    .UnregisterOcclusionStatus = dxgi_factory_UnregisterOcclusionStatus,
    .CreateSwapChainForComposition = dxgi_factory_CreateSwapChainForComposition,
    .GetCreationFlags = dxgi_factory_GetCreationFlags,
    .EnumAdapterByLuid = dxgi_factory_EnumAdapterByLuid,
    .EnumWarpAdapter = dxgi_factory_EnumWarpAdapter,
    .CheckFeatureSupport = dxgi_factory_CheckFeatureSupport,
    .EnumAdapterByGpuPreference = dxgi_factory_EnumAdapterByGpuPreference,
};

/* ID3D11VKFactory ------------------------------------------------------------------ */

static inline struct dxgi_factory *impl_from_ID3D11VKFactory(ID3D11VKFactory *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_factory, ID3D11VKFactory_iface);
}

static HRESULT STDMETHODCALLTYPE vkfactory_QueryInterface(ID3D11VKFactory *iface, REFIID riid, void **out)
{
    return dxgi_factory_QueryInterface(&impl_from_ID3D11VKFactory(iface)->IDXGIFactory6_iface, riid, out);
}

static ULONG STDMETHODCALLTYPE vkfactory_AddRef(ID3D11VKFactory *iface)
{
    return dxgi_factory_AddRef(&impl_from_ID3D11VKFactory(iface)->IDXGIFactory6_iface);
}

static ULONG STDMETHODCALLTYPE vkfactory_Release(ID3D11VKFactory *iface)
{
    return dxgi_factory_Release(&impl_from_ID3D11VKFactory(iface)->IDXGIFactory6_iface);
}

static UINT STDMETHODCALLTYPE vkfactory_GetValidationErrorCount(ID3D11VKFactory *iface)
{
    return atomic_load_u32(&impl_from_ID3D11VKFactory(iface)->instance->validation_errors);
}

static UINT STDMETHODCALLTYPE vkfactory_GetBackendDeviceCount(ID3D11VKFactory *iface)
{
    return atomic_load_u32(&impl_from_ID3D11VKFactory(iface)->instance->device_count);
}

static const ID3D11VKFactoryVtbl vkfactory_vtbl =
{
    vkfactory_QueryInterface,
    vkfactory_AddRef,
    vkfactory_Release,
    vkfactory_GetValidationErrorCount,
    vkfactory_GetBackendDeviceCount,
};

struct dxgi_factory *unsafe_impl_from_IDXGIFactory(IUnknown *iface)
{
    IDXGIFactory6 *f;

    if (!iface || FAILED(IUnknown_QueryInterface(iface, &IID_IDXGIFactory6, (void **)&f)))
        return NULL;
    IDXGIFactory6_Release(f);
    if (f->lpVtbl != &dxgi_factory_vtbl)
        return NULL;
    return impl_from_IDXGIFactory6(f);
}

HRESULT dxgi_factory_create(UINT flags, REFIID riid, void **out)
{
    struct dxgi_factory *factory;
    VkResult vr;
    HRESULT hr;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (flags & ~DXGI_CREATE_FACTORY_DEBUG)
    {
        LOG_WARN("Invalid flags %#x.", flags);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (!(factory = calloc(1, sizeof(*factory))))
        return E_OUTOFMEMORY;
    if ((vr = vk_instance_acquire(&factory->instance)) != VK_SUCCESS)
    {
        free(factory);
        return vr == VK_ERROR_OUT_OF_HOST_MEMORY ? E_OUTOFMEMORY : DXGI_ERROR_UNSUPPORTED;
    }
    factory->IDXGIFactory6_iface.lpVtbl = &dxgi_factory_vtbl;
    factory->ID3D11VKFactory_iface.lpVtbl = &vkfactory_vtbl;
    factory->obj.refcount = 1;
    factory->flags = flags;
    d3d11vk_private_store_init(&factory->obj.private_data);
    plat_mutex_init(&factory->lock);
    hr = IDXGIFactory6_QueryInterface(&factory->IDXGIFactory6_iface, riid, out);
    IDXGIFactory6_Release(&factory->IDXGIFactory6_iface);
    return hr;
}
