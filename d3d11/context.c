/* context.c — ID3D11DeviceContext..4: the immediate and deferred contexts. */
#include "d3d11_private.h"
#include "context_methods.h"

void d3d11_device_mt_enter(struct d3d11_device *device);
void d3d11_device_mt_leave(struct d3d11_device *device);

static inline struct d3d11_context *impl_from_ID3D11DeviceContext4(ID3D11DeviceContext4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11DeviceContext4_iface);
}

static const struct d3d11vk_qi_entry context_qi[] =
{
    { &IID_ID3D11DeviceContext4, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11DeviceContext3, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11DeviceContext2, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11DeviceContext1, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11DeviceContext, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_context, ID3D11DeviceContext4_iface) },
    { &IID_ID3D11Multithread, offsetof(struct d3d11_context, ID3D11Multithread_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_context_QueryInterface(ID3D11DeviceContext4 *iface, REFIID riid, void **out)
{
    struct d3d11_context *context = impl_from_ID3D11DeviceContext4(iface);

    /* Only the immediate context answers ID3D11Multithread. */
    if (IsEqualGUID(riid, &IID_ID3D11Multithread) && context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
    {
        if (out)
            *out = NULL;
        return E_NOINTERFACE;
    }
    return d3d11vk_query_interface(context, context_qi, ARRAY_SIZE(context_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE d3d11_context_AddRef(ID3D11DeviceContext4 *iface)
{
    return d3d11vk_child_addref(&impl_from_ID3D11DeviceContext4(iface)->child);
}

static ULONG STDMETHODCALLTYPE d3d11_context_Release(ID3D11DeviceContext4 *iface)
{
    return d3d11vk_child_release(&impl_from_ID3D11DeviceContext4(iface)->child);
}

static void STDMETHODCALLTYPE d3d11_context_GetDevice(ID3D11DeviceContext4 *iface, ID3D11Device **device)
{
    struct d3d11_context *context = impl_from_ID3D11DeviceContext4(iface);

    if (!device)
        return;
    *device = (ID3D11Device *)&context->device->ID3D11Device5_iface;
    ID3D11Device_AddRef(*device);
}

static HRESULT STDMETHODCALLTYPE d3d11_context_GetPrivateData(ID3D11DeviceContext4 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_ID3D11DeviceContext4(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE d3d11_context_SetPrivateData(ID3D11DeviceContext4 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_ID3D11DeviceContext4(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE d3d11_context_SetPrivateDataInterface(ID3D11DeviceContext4 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_ID3D11DeviceContext4(iface)->child.private_data, guid, object);
}

static D3D11_DEVICE_CONTEXT_TYPE STDMETHODCALLTYPE d3d11_context_GetType(ID3D11DeviceContext4 *iface)
{
    return impl_from_ID3D11DeviceContext4(iface)->type;
}

static UINT STDMETHODCALLTYPE d3d11_context_GetContextFlags(ID3D11DeviceContext4 *iface)
{
    return impl_from_ID3D11DeviceContext4(iface)->flags;
}

static const ID3D11DeviceContext4Vtbl d3d11_context_vtbl =
{
    .QueryInterface = d3d11_context_QueryInterface,
    .AddRef = d3d11_context_AddRef,
    .Release = d3d11_context_Release,
    .GetDevice = d3d11_context_GetDevice,
    .GetPrivateData = d3d11_context_GetPrivateData,
    .SetPrivateData = d3d11_context_SetPrivateData,
    .SetPrivateDataInterface = d3d11_context_SetPrivateDataInterface,
    .VSSetConstantBuffers = d3d11_context_VSSetConstantBuffers,
    .PSSetShaderResources = d3d11_context_PSSetShaderResources,
    .PSSetShader = d3d11_context_PSSetShader,
    .PSSetSamplers = d3d11_context_PSSetSamplers,
    .VSSetShader = d3d11_context_VSSetShader,
    .DrawIndexed = d3d11_context_DrawIndexed,
    .Draw = d3d11_context_Draw,
    .Map = d3d11_context_Map,
    .Unmap = d3d11_context_Unmap,
    .PSSetConstantBuffers = d3d11_context_PSSetConstantBuffers,
    .IASetInputLayout = d3d11_context_IASetInputLayout,
    .IASetVertexBuffers = d3d11_context_IASetVertexBuffers,
    .IASetIndexBuffer = d3d11_context_IASetIndexBuffer,
    .DrawIndexedInstanced = d3d11_context_DrawIndexedInstanced,
    .DrawInstanced = d3d11_context_DrawInstanced,
    .GSSetConstantBuffers = d3d11_context_GSSetConstantBuffers,
    .GSSetShader = d3d11_context_GSSetShader,
    .IASetPrimitiveTopology = d3d11_context_IASetPrimitiveTopology,
    .VSSetShaderResources = d3d11_context_VSSetShaderResources,
    .VSSetSamplers = d3d11_context_VSSetSamplers,
    .Begin = d3d11_context_Begin,
    .End = d3d11_context_End,
    .GetData = d3d11_context_GetData,
    .SetPredication = d3d11_context_SetPredication,
    .GSSetShaderResources = d3d11_context_GSSetShaderResources,
    .GSSetSamplers = d3d11_context_GSSetSamplers,
    .OMSetRenderTargets = d3d11_context_OMSetRenderTargets,
    .OMSetRenderTargetsAndUnorderedAccessViews = d3d11_context_OMSetRenderTargetsAndUnorderedAccessViews,
    .OMSetBlendState = d3d11_context_OMSetBlendState,
    .OMSetDepthStencilState = d3d11_context_OMSetDepthStencilState,
    .SOSetTargets = d3d11_context_SOSetTargets,
    .DrawAuto = d3d11_context_DrawAuto,
    .DrawIndexedInstancedIndirect = d3d11_context_DrawIndexedInstancedIndirect,
    .DrawInstancedIndirect = d3d11_context_DrawInstancedIndirect,
    .Dispatch = d3d11_context_Dispatch,
    .DispatchIndirect = d3d11_context_DispatchIndirect,
    .RSSetState = d3d11_context_RSSetState,
    .RSSetViewports = d3d11_context_RSSetViewports,
    .RSSetScissorRects = d3d11_context_RSSetScissorRects,
    .CopySubresourceRegion = d3d11_context_CopySubresourceRegion,
    .CopyResource = d3d11_context_CopyResource,
    .UpdateSubresource = d3d11_context_UpdateSubresource,
    .CopyStructureCount = d3d11_context_CopyStructureCount,
    .ClearRenderTargetView = d3d11_context_ClearRenderTargetView,
    .ClearUnorderedAccessViewUint = d3d11_context_ClearUnorderedAccessViewUint,
    .ClearUnorderedAccessViewFloat = d3d11_context_ClearUnorderedAccessViewFloat,
    .ClearDepthStencilView = d3d11_context_ClearDepthStencilView,
    .GenerateMips = d3d11_context_GenerateMips,
    .SetResourceMinLOD = d3d11_context_SetResourceMinLOD,
    .GetResourceMinLOD = d3d11_context_GetResourceMinLOD,
    .ResolveSubresource = d3d11_context_ResolveSubresource,
    .ExecuteCommandList = d3d11_context_ExecuteCommandList,
    .HSSetShaderResources = d3d11_context_HSSetShaderResources,
    .HSSetShader = d3d11_context_HSSetShader,
    .HSSetSamplers = d3d11_context_HSSetSamplers,
    .HSSetConstantBuffers = d3d11_context_HSSetConstantBuffers,
    .DSSetShaderResources = d3d11_context_DSSetShaderResources,
    .DSSetShader = d3d11_context_DSSetShader,
    .DSSetSamplers = d3d11_context_DSSetSamplers,
    .DSSetConstantBuffers = d3d11_context_DSSetConstantBuffers,
    .CSSetShaderResources = d3d11_context_CSSetShaderResources,
    .CSSetUnorderedAccessViews = d3d11_context_CSSetUnorderedAccessViews,
    .CSSetShader = d3d11_context_CSSetShader,
    .CSSetSamplers = d3d11_context_CSSetSamplers,
    .CSSetConstantBuffers = d3d11_context_CSSetConstantBuffers,
    .VSGetConstantBuffers = d3d11_context_VSGetConstantBuffers,
    .PSGetShaderResources = d3d11_context_PSGetShaderResources,
    .PSGetShader = d3d11_context_PSGetShader,
    .PSGetSamplers = d3d11_context_PSGetSamplers,
    .VSGetShader = d3d11_context_VSGetShader,
    .PSGetConstantBuffers = d3d11_context_PSGetConstantBuffers,
    .IAGetInputLayout = d3d11_context_IAGetInputLayout,
    .IAGetVertexBuffers = d3d11_context_IAGetVertexBuffers,
    .IAGetIndexBuffer = d3d11_context_IAGetIndexBuffer,
    .GSGetConstantBuffers = d3d11_context_GSGetConstantBuffers,
    .GSGetShader = d3d11_context_GSGetShader,
    .IAGetPrimitiveTopology = d3d11_context_IAGetPrimitiveTopology,
    .VSGetShaderResources = d3d11_context_VSGetShaderResources,
    .VSGetSamplers = d3d11_context_VSGetSamplers,
    .GetPredication = d3d11_context_GetPredication,
    .GSGetShaderResources = d3d11_context_GSGetShaderResources,
    .GSGetSamplers = d3d11_context_GSGetSamplers,
    .OMGetRenderTargets = d3d11_context_OMGetRenderTargets,
    .OMGetRenderTargetsAndUnorderedAccessViews = d3d11_context_OMGetRenderTargetsAndUnorderedAccessViews,
    .OMGetBlendState = d3d11_context_OMGetBlendState,
    .OMGetDepthStencilState = d3d11_context_OMGetDepthStencilState,
    .SOGetTargets = d3d11_context_SOGetTargets,
    .RSGetState = d3d11_context_RSGetState,
    .RSGetViewports = d3d11_context_RSGetViewports,
    .RSGetScissorRects = d3d11_context_RSGetScissorRects,
    .HSGetShaderResources = d3d11_context_HSGetShaderResources,
    .HSGetShader = d3d11_context_HSGetShader,
    .HSGetSamplers = d3d11_context_HSGetSamplers,
    .HSGetConstantBuffers = d3d11_context_HSGetConstantBuffers,
    .DSGetShaderResources = d3d11_context_DSGetShaderResources,
    .DSGetShader = d3d11_context_DSGetShader,
    .DSGetSamplers = d3d11_context_DSGetSamplers,
    .DSGetConstantBuffers = d3d11_context_DSGetConstantBuffers,
    .CSGetShaderResources = d3d11_context_CSGetShaderResources,
    .CSGetUnorderedAccessViews = d3d11_context_CSGetUnorderedAccessViews,
    .CSGetShader = d3d11_context_CSGetShader,
    .CSGetSamplers = d3d11_context_CSGetSamplers,
    .CSGetConstantBuffers = d3d11_context_CSGetConstantBuffers,
    .ClearState = d3d11_context_ClearState,
    .Flush = d3d11_context_Flush,
    .GetType = d3d11_context_GetType,
    .GetContextFlags = d3d11_context_GetContextFlags,
    .FinishCommandList = d3d11_context_FinishCommandList,
    .CopySubresourceRegion1 = d3d11_context_CopySubresourceRegion1,
    .UpdateSubresource1 = d3d11_context_UpdateSubresource1,
    .DiscardResource = d3d11_context_DiscardResource,
    .DiscardView = d3d11_context_DiscardView,
    .VSSetConstantBuffers1 = d3d11_context_VSSetConstantBuffers1,
    .HSSetConstantBuffers1 = d3d11_context_HSSetConstantBuffers1,
    .DSSetConstantBuffers1 = d3d11_context_DSSetConstantBuffers1,
    .GSSetConstantBuffers1 = d3d11_context_GSSetConstantBuffers1,
    .PSSetConstantBuffers1 = d3d11_context_PSSetConstantBuffers1,
    .CSSetConstantBuffers1 = d3d11_context_CSSetConstantBuffers1,
    .VSGetConstantBuffers1 = d3d11_context_VSGetConstantBuffers1,
    .HSGetConstantBuffers1 = d3d11_context_HSGetConstantBuffers1,
    .DSGetConstantBuffers1 = d3d11_context_DSGetConstantBuffers1,
    .GSGetConstantBuffers1 = d3d11_context_GSGetConstantBuffers1,
    .PSGetConstantBuffers1 = d3d11_context_PSGetConstantBuffers1,
    .CSGetConstantBuffers1 = d3d11_context_CSGetConstantBuffers1,
    .SwapDeviceContextState = d3d11_context_SwapDeviceContextState,
    .ClearView = d3d11_context_ClearView,
    .DiscardView1 = d3d11_context_DiscardView1,
    .UpdateTileMappings = d3d11_context_UpdateTileMappings,
    .CopyTileMappings = d3d11_context_CopyTileMappings,
    .CopyTiles = d3d11_context_CopyTiles,
    .UpdateTiles = d3d11_context_UpdateTiles,
    .ResizeTilePool = d3d11_context_ResizeTilePool,
    .TiledResourceBarrier = d3d11_context_TiledResourceBarrier,
    .IsAnnotationEnabled = d3d11_context_IsAnnotationEnabled,
    .SetMarkerInt = d3d11_context_SetMarkerInt,
    .BeginEventInt = d3d11_context_BeginEventInt,
    .EndEvent = d3d11_context_EndEvent,
    .Flush1 = d3d11_context_Flush1,
    .SetHardwareProtectionState = d3d11_context_SetHardwareProtectionState,
    .GetHardwareProtectionState = d3d11_context_GetHardwareProtectionState,
    .Signal = d3d11_context_Signal,
    .Wait = d3d11_context_Wait,
};

/* ID3D11Multithread on the immediate context: the device's lock. */
static inline struct d3d11_context *impl_from_ID3D11Multithread(ID3D11Multithread *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11Multithread_iface);
}

static HRESULT STDMETHODCALLTYPE context_mt_QueryInterface(ID3D11Multithread *iface, REFIID riid, void **out)
{
    return d3d11_context_QueryInterface(&impl_from_ID3D11Multithread(iface)->ID3D11DeviceContext4_iface, riid, out);
}

static ULONG STDMETHODCALLTYPE context_mt_AddRef(ID3D11Multithread *iface)
{
    return d3d11_context_AddRef(&impl_from_ID3D11Multithread(iface)->ID3D11DeviceContext4_iface);
}

static ULONG STDMETHODCALLTYPE context_mt_Release(ID3D11Multithread *iface)
{
    return d3d11_context_Release(&impl_from_ID3D11Multithread(iface)->ID3D11DeviceContext4_iface);
}

static void STDMETHODCALLTYPE context_mt_Enter(ID3D11Multithread *iface)
{
    d3d11_device_mt_enter(impl_from_ID3D11Multithread(iface)->device);
}

static void STDMETHODCALLTYPE context_mt_Leave(ID3D11Multithread *iface)
{
    d3d11_device_mt_leave(impl_from_ID3D11Multithread(iface)->device);
}

static BOOL STDMETHODCALLTYPE context_mt_SetMultithreadProtected(ID3D11Multithread *iface, BOOL protect)
{
    ID3D11Multithread *mt = &impl_from_ID3D11Multithread(iface)->device->ID3D11Multithread_iface;
    return mt->lpVtbl->SetMultithreadProtected(mt, protect);
}

static BOOL STDMETHODCALLTYPE context_mt_GetMultithreadProtected(ID3D11Multithread *iface)
{
    ID3D11Multithread *mt = &impl_from_ID3D11Multithread(iface)->device->ID3D11Multithread_iface;
    return mt->lpVtbl->GetMultithreadProtected(mt);
}

static const ID3D11MultithreadVtbl context_mt_vtbl =
{
    context_mt_QueryInterface,
    context_mt_AddRef,
    context_mt_Release,
    context_mt_Enter,
    context_mt_Leave,
    context_mt_SetMultithreadProtected,
    context_mt_GetMultithreadProtected,
};

static void context_destroy(struct d3d11vk_child *child)
{
    struct d3d11_context *context = CONTAINING_RECORD(child, struct d3d11_context, child);

    /* Flushes what the context recorded and stops its worker (immediate). */
    vk_cs_destroy(context->cs);
    d3d11_context_state_cleanup(&context->state);
    free(context);
}

HRESULT d3d11_context_create(struct d3d11_device *device, D3D11_DEVICE_CONTEXT_TYPE type, UINT flags,
        struct d3d11_context **out)
{
    struct d3d11_context *context;

    if (!(context = calloc(1, sizeof(*context))))
        return E_OUTOFMEMORY;
    context->ID3D11DeviceContext4_iface.lpVtbl = &d3d11_context_vtbl;
    context->ID3D11Multithread_iface.lpVtbl = &context_mt_vtbl;
    context->device = device;
    context->type = type;
    context->flags = flags;
    if (vk_cs_create(device->vk, type == D3D11_DEVICE_CONTEXT_IMMEDIATE ? VK_CS_IMMEDIATE : VK_CS_DEFERRED,
            &context->cs) != VK_SUCCESS)
    {
        free(context);
        return E_OUTOFMEMORY;
    }
    d3d11_context_state_init(&context->state);
    if (type == D3D11_DEVICE_CONTEXT_IMMEDIATE)
    {
        /* The immediate context lives as long as the device: no application references
         * yet, and it takes a device reference only while the application holds one. */
        context->child.refcount = 0;
        context->child.internal = 1;
        context->child.device = (IUnknown *)&device->ID3D11Device5_iface;
        context->child.destroy = context_destroy;
        d3d11vk_private_store_init(&context->child.private_data);
    }
    else
        d3d11vk_child_init(&context->child, (IUnknown *)&device->ID3D11Device5_iface, context_destroy);
    *out = context;
    return S_OK;
}

void d3d11_context_destroy_immediate(struct d3d11_context *context)
{
    d3d11vk_child_decref_internal(&context->child);
}
