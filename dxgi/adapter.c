/* adapter.c — IDXGIAdapter1..4 over a backend adapter: descriptions, memory, outputs. */
#include "dxgi_private.h"

static inline struct dxgi_adapter *impl_from_IDXGIAdapter4(IDXGIAdapter4 *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_adapter, IDXGIAdapter4_iface);
}

static const struct d3d11vk_qi_entry adapter_qi[] =
{
    { &IID_IDXGIAdapter4, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_IDXGIAdapter3, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_IDXGIAdapter2, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_IDXGIAdapter1, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_IDXGIAdapter, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_IDXGIObject, offsetof(struct dxgi_adapter, IDXGIAdapter4_iface) },
    { &IID_ID3D11VKAdapter, offsetof(struct dxgi_adapter, ID3D11VKAdapter_iface) },
};

static HRESULT STDMETHODCALLTYPE dxgi_adapter_QueryInterface(IDXGIAdapter4 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_IDXGIAdapter4(iface), adapter_qi, ARRAY_SIZE(adapter_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_adapter_AddRef(IDXGIAdapter4 *iface)
{
    return atomic_inc_u32(&impl_from_IDXGIAdapter4(iface)->obj.refcount);
}

static ULONG STDMETHODCALLTYPE dxgi_adapter_Release(IDXGIAdapter4 *iface)
{
    struct dxgi_adapter *adapter = impl_from_IDXGIAdapter4(iface);
    ULONG refcount = atomic_dec_u32(&adapter->obj.refcount);

    if (!refcount)
    {
        d3d11vk_private_store_cleanup(&adapter->obj.private_data);
        IDXGIFactory6_Release(&adapter->factory->IDXGIFactory6_iface);
        free(adapter);
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_SetPrivateData(IDXGIAdapter4 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIAdapter4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_SetPrivateDataInterface(IDXGIAdapter4 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIAdapter4(iface)->obj.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetPrivateData(IDXGIAdapter4 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIAdapter4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetParent(IDXGIAdapter4 *iface, REFIID riid, void **parent)
{
    if (!parent)
        return E_INVALIDARG;
    return IDXGIFactory6_QueryInterface(&impl_from_IDXGIAdapter4(iface)->factory->IDXGIFactory6_iface, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_EnumOutputs(IDXGIAdapter4 *iface, UINT index, IDXGIOutput **output)
{
    struct dxgi_adapter *adapter = impl_from_IDXGIAdapter4(iface);
    HMONITOR monitors[32];
    UINT count;

    if (!output)
        return E_INVALIDARG;
    *output = NULL;
    /* The primary adapter drives the desktop's monitors. */
    if (adapter->backend->index != 0)
        return DXGI_ERROR_NOT_FOUND;
    count = dxgi_enum_monitors(monitors, ARRAY_SIZE(monitors));
    if (index >= count)
        return DXGI_ERROR_NOT_FOUND;
    return dxgi_output_create(adapter, monitors[index], index, output);
}

static void fill_desc3(struct dxgi_adapter *adapter, DXGI_ADAPTER_DESC3 *desc)
{
    const VkPhysicalDeviceProperties *p = &adapter->backend->properties.properties;
    uint64_t dedicated, shared;

    memset(desc, 0, sizeof(*desc));
    utf8_to_wide(p->deviceName, desc->Description, ARRAY_SIZE(desc->Description));
    desc->VendorId = p->vendorID;
    desc->DeviceId = p->deviceID;
    vk_adapter_memory_sizes(adapter->backend, &dedicated, &shared);
    desc->DedicatedVideoMemory = dedicated;
    desc->DedicatedSystemMemory = 0;
    desc->SharedSystemMemory = shared;
    desc->AdapterLuid = adapter->luid;
    desc->Flags = vk_adapter_is_software(adapter->backend) ? DXGI_ADAPTER_FLAG3_SOFTWARE : DXGI_ADAPTER_FLAG3_NONE;
    desc->GraphicsPreemptionGranularity = DXGI_GRAPHICS_PREEMPTION_PRIMITIVE_BOUNDARY;
    desc->ComputePreemptionGranularity = DXGI_COMPUTE_PREEMPTION_DISPATCH_BOUNDARY;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetDesc(IDXGIAdapter4 *iface, DXGI_ADAPTER_DESC *desc)
{
    DXGI_ADAPTER_DESC3 d;

    if (!desc)
        return E_INVALIDARG;
    fill_desc3(impl_from_IDXGIAdapter4(iface), &d);
    memcpy(desc->Description, d.Description, sizeof(desc->Description));
    desc->VendorId = d.VendorId;
    desc->DeviceId = d.DeviceId;
    desc->SubSysId = d.SubSysId;
    desc->Revision = d.Revision;
    desc->DedicatedVideoMemory = d.DedicatedVideoMemory;
    desc->DedicatedSystemMemory = d.DedicatedSystemMemory;
    desc->SharedSystemMemory = d.SharedSystemMemory;
    desc->AdapterLuid = d.AdapterLuid;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetDesc2(IDXGIAdapter4 *iface, DXGI_ADAPTER_DESC2 *desc)
{
    DXGI_ADAPTER_DESC3 d;

    if (!desc)
        return E_INVALIDARG;
    fill_desc3(impl_from_IDXGIAdapter4(iface), &d);
    memcpy(desc, &d, offsetof(DXGI_ADAPTER_DESC2, Flags));
    desc->Flags = d.Flags & DXGI_ADAPTER_FLAG_SOFTWARE;
    desc->GraphicsPreemptionGranularity = d.GraphicsPreemptionGranularity;
    desc->ComputePreemptionGranularity = d.ComputePreemptionGranularity;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetDesc1(IDXGIAdapter4 *iface, DXGI_ADAPTER_DESC1 *desc)
{
    DXGI_ADAPTER_DESC2 d;

    if (!desc)
        return E_INVALIDARG;
    dxgi_adapter_GetDesc2(iface, &d);
    memcpy(desc, &d, sizeof(*desc));
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_GetDesc3(IDXGIAdapter4 *iface, DXGI_ADAPTER_DESC3 *desc)
{
    if (!desc)
        return E_INVALIDARG;
    fill_desc3(impl_from_IDXGIAdapter4(iface), desc);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_CheckInterfaceSupport(IDXGIAdapter4 *iface, REFGUID guid, LARGE_INTEGER *umd_version)
{
    /* DXGI: only answers for the Direct3D 10 device interfaces; D3D11 and later report unsupported. */
    if (IsEqualGUID(guid, &IID_IDXGIDevice) || IsEqualGUID(guid, &IID_ID3D10Device) || IsEqualGUID(guid, &IID_ID3D10Device1))
    {
        if (umd_version)
            umd_version->QuadPart = ((LONGLONG)10 << 48) | ((LONGLONG)1 << 32);
        return S_OK;
    }
    return DXGI_ERROR_UNSUPPORTED;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_RegisterHardwareContentProtectionTeardownStatusEvent(IDXGIAdapter4 *iface,
        HANDLE event, DWORD *cookie)
{
    FIXME("Content protection is not supported.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE dxgi_adapter_UnregisterHardwareContentProtectionTeardownStatus(IDXGIAdapter4 *iface, DWORD cookie)
{
    FIXME("Content protection is not supported.");
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_QueryVideoMemoryInfo(IDXGIAdapter4 *iface, UINT node,
        DXGI_MEMORY_SEGMENT_GROUP group, DXGI_QUERY_VIDEO_MEMORY_INFO *info)
{
    struct dxgi_adapter *adapter = impl_from_IDXGIAdapter4(iface);
    uint64_t dedicated, shared, budget, usage;
    bool local;

    if (!info)
        return E_INVALIDARG;
    if (node)
        return E_INVALIDARG;
    if (group != DXGI_MEMORY_SEGMENT_GROUP_LOCAL && group != DXGI_MEMORY_SEGMENT_GROUP_NON_LOCAL)
        return E_INVALIDARG;
    vk_adapter_memory_sizes(adapter->backend, &dedicated, &shared);
    /* A unified-memory adapter's one segment is its local group. */
    local = group == DXGI_MEMORY_SEGMENT_GROUP_LOCAL;
    if (!dedicated)
    {
        if (!vk_adapter_memory_budget(adapter->backend, false, &budget, &usage))
        {
            budget = local ? shared : 0;
            usage = 0;
        }
        else if (!local)
            budget = usage = 0;
    }
    else if (!vk_adapter_memory_budget(adapter->backend, local, &budget, &usage))
    {
        budget = local ? dedicated : shared;
        usage = 0;
    }
    info->Budget = budget;
    info->CurrentUsage = usage;
    info->AvailableForReservation = budget / 2;
    info->CurrentReservation = 0;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_SetVideoMemoryReservation(IDXGIAdapter4 *iface, UINT node,
        DXGI_MEMORY_SEGMENT_GROUP group, UINT64 reservation)
{
    if (node || (group != DXGI_MEMORY_SEGMENT_GROUP_LOCAL && group != DXGI_MEMORY_SEGMENT_GROUP_NON_LOCAL))
        return E_INVALIDARG;
    LOG_INFO("Reservation of %llu bytes noted; Vulkan has no reservations.", (unsigned long long)reservation);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_adapter_RegisterVideoMemoryBudgetChangeNotificationEvent(IDXGIAdapter4 *iface,
        HANDLE event, DWORD *cookie)
{
    FIXME("Budget change notifications are not supported.");
    if (!event || !cookie)
        return E_INVALIDARG;
    *cookie = 0;
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE dxgi_adapter_UnregisterVideoMemoryBudgetChangeNotification(IDXGIAdapter4 *iface, DWORD cookie)
{
    FIXME("Budget change notifications are not supported.");
}

static const IDXGIAdapter4Vtbl dxgi_adapter_vtbl =
{
    .QueryInterface = dxgi_adapter_QueryInterface,
    .AddRef = dxgi_adapter_AddRef,
    .Release = dxgi_adapter_Release,
    .SetPrivateData = dxgi_adapter_SetPrivateData,
    .SetPrivateDataInterface = dxgi_adapter_SetPrivateDataInterface,
    .GetPrivateData = dxgi_adapter_GetPrivateData,
    .GetParent = dxgi_adapter_GetParent,
    .EnumOutputs = dxgi_adapter_EnumOutputs,
    .GetDesc = dxgi_adapter_GetDesc,
    .CheckInterfaceSupport = dxgi_adapter_CheckInterfaceSupport,
    .GetDesc1 = dxgi_adapter_GetDesc1,
    .GetDesc2 = dxgi_adapter_GetDesc2,
    .RegisterHardwareContentProtectionTeardownStatusEvent = dxgi_adapter_RegisterHardwareContentProtectionTeardownStatusEvent,
    .UnregisterHardwareContentProtectionTeardownStatus = dxgi_adapter_UnregisterHardwareContentProtectionTeardownStatus,
    .QueryVideoMemoryInfo = dxgi_adapter_QueryVideoMemoryInfo,
    .SetVideoMemoryReservation = dxgi_adapter_SetVideoMemoryReservation,
    .RegisterVideoMemoryBudgetChangeNotificationEvent = dxgi_adapter_RegisterVideoMemoryBudgetChangeNotificationEvent,
    .UnregisterVideoMemoryBudgetChangeNotification = dxgi_adapter_UnregisterVideoMemoryBudgetChangeNotification,
    .GetDesc3 = dxgi_adapter_GetDesc3,
};

/* ID3D11VKAdapter -------------------------------------------------------------------- */

static inline struct dxgi_adapter *impl_from_ID3D11VKAdapter(ID3D11VKAdapter *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_adapter, ID3D11VKAdapter_iface);
}

static HRESULT STDMETHODCALLTYPE vkadapter_QueryInterface(ID3D11VKAdapter *iface, REFIID riid, void **out)
{
    return dxgi_adapter_QueryInterface(&impl_from_ID3D11VKAdapter(iface)->IDXGIAdapter4_iface, riid, out);
}

static ULONG STDMETHODCALLTYPE vkadapter_AddRef(ID3D11VKAdapter *iface)
{
    return dxgi_adapter_AddRef(&impl_from_ID3D11VKAdapter(iface)->IDXGIAdapter4_iface);
}

static ULONG STDMETHODCALLTYPE vkadapter_Release(ID3D11VKAdapter *iface)
{
    return dxgi_adapter_Release(&impl_from_ID3D11VKAdapter(iface)->IDXGIAdapter4_iface);
}

static struct vk_adapter *STDMETHODCALLTYPE vkadapter_GetBackendAdapter(ID3D11VKAdapter *iface)
{
    return impl_from_ID3D11VKAdapter(iface)->backend;
}

static const ID3D11VKAdapterVtbl vkadapter_vtbl =
{
    vkadapter_QueryInterface,
    vkadapter_AddRef,
    vkadapter_Release,
    vkadapter_GetBackendAdapter,
};

HRESULT dxgi_adapter_create(struct dxgi_factory *factory, struct vk_adapter *backend, struct dxgi_adapter **out)
{
    struct dxgi_adapter *adapter;

    if (!(adapter = calloc(1, sizeof(*adapter))))
        return E_OUTOFMEMORY;
    adapter->IDXGIAdapter4_iface.lpVtbl = &dxgi_adapter_vtbl;
    adapter->ID3D11VKAdapter_iface.lpVtbl = &vkadapter_vtbl;
    adapter->obj.refcount = 1;
    d3d11vk_private_store_init(&adapter->obj.private_data);
    adapter->factory = factory;
    IDXGIFactory6_AddRef(&factory->IDXGIFactory6_iface);
    adapter->backend = backend;
    if (backend->id_properties.deviceLUIDValid)
        memcpy(&adapter->luid, backend->id_properties.deviceLUID, sizeof(adapter->luid));
    else
    {
        /* Without a Vulkan LUID: a stable, process-unique value derived from the adapter index. */
        adapter->luid.LowPart = 0x3d11f000u | backend->index;
        adapter->luid.HighPart = 0;
    }
    *out = adapter;
    return S_OK;
}
