/* context.c — ID3D11DeviceContext..4: the immediate and deferred contexts. */
#include "d3d11_private.h"

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

static void STDMETHODCALLTYPE d3d11_context_VSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::VSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_PSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::PSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_PSSetShader(ID3D11DeviceContext4 *iface, ID3D11PixelShader *pPixelShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::PSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_PSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::PSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSSetShader(ID3D11DeviceContext4 *iface, ID3D11VertexShader *pVertexShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::VSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawIndexed(ID3D11DeviceContext4 *iface, UINT IndexCount, UINT StartIndexLocation, INT BaseVertexLocation)
{
    FIXME("ID3D11DeviceContext4::DrawIndexed is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_Draw(ID3D11DeviceContext4 *iface, UINT VertexCount, UINT StartVertexLocation)
{
    FIXME("ID3D11DeviceContext4::Draw is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_Map(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource, D3D11_MAP MapType, UINT MapFlags, D3D11_MAPPED_SUBRESOURCE *pMappedResource)
{
    FIXME("ID3D11DeviceContext4::Map is not implemented yet.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE d3d11_context_Unmap(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource)
{
    FIXME("ID3D11DeviceContext4::Unmap is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_PSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::PSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_IASetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout *pInputLayout)
{
    FIXME("ID3D11DeviceContext4::IASetInputLayout is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_IASetVertexBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppVertexBuffers, const UINT *pStrides, const UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::IASetVertexBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_IASetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer *pIndexBuffer, DXGI_FORMAT Format, UINT Offset)
{
    FIXME("ID3D11DeviceContext4::IASetIndexBuffer is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstanced(ID3D11DeviceContext4 *iface, UINT IndexCountPerInstance, UINT InstanceCount, UINT StartIndexLocation, INT BaseVertexLocation, UINT StartInstanceLocation)
{
    FIXME("ID3D11DeviceContext4::DrawIndexedInstanced is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawInstanced(ID3D11DeviceContext4 *iface, UINT VertexCountPerInstance, UINT InstanceCount, UINT StartVertexLocation, UINT StartInstanceLocation)
{
    FIXME("ID3D11DeviceContext4::DrawInstanced is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::GSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GSSetShader(ID3D11DeviceContext4 *iface, ID3D11GeometryShader *pShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::GSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_IASetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY Topology)
{
    FIXME("ID3D11DeviceContext4::IASetPrimitiveTopology is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::VSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::VSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_Begin(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    FIXME("ID3D11DeviceContext4::Begin is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_End(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    FIXME("ID3D11DeviceContext4::End is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_GetData(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync, void *pData, UINT DataSize, UINT GetDataFlags)
{
    FIXME("ID3D11DeviceContext4::GetData is not implemented yet.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE d3d11_context_SetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate *pPredicate, BOOL PredicateValue)
{
    FIXME("ID3D11DeviceContext4::SetPredication is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::GSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::GSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargets(ID3D11DeviceContext4 *iface, UINT NumViews, ID3D11RenderTargetView *const *ppRenderTargetViews, ID3D11DepthStencilView *pDepthStencilView)
{
    FIXME("ID3D11DeviceContext4::OMSetRenderTargets is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT NumRTVs, ID3D11RenderTargetView *const *ppRenderTargetViews, ID3D11DepthStencilView *pDepthStencilView, UINT UAVStartSlot, UINT NumUAVs, ID3D11UnorderedAccessView *const *ppUnorderedAccessViews, const UINT *pUAVInitialCounts)
{
    FIXME("ID3D11DeviceContext4::OMSetRenderTargetsAndUnorderedAccessViews is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_OMSetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState *pBlendState, const FLOAT BlendFactor[4], UINT SampleMask)
{
    FIXME("ID3D11DeviceContext4::OMSetBlendState is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_OMSetDepthStencilState(ID3D11DeviceContext4 *iface, ID3D11DepthStencilState *pDepthStencilState, UINT StencilRef)
{
    FIXME("ID3D11DeviceContext4::OMSetDepthStencilState is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_SOSetTargets(ID3D11DeviceContext4 *iface, UINT NumBuffers, ID3D11Buffer *const *ppSOTargets, const UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::SOSetTargets is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawAuto(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::DrawAuto is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DrawIndexedInstancedIndirect is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DrawInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DrawInstancedIndirect is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_Dispatch(ID3D11DeviceContext4 *iface, UINT ThreadGroupCountX, UINT ThreadGroupCountY, UINT ThreadGroupCountZ)
{
    FIXME("ID3D11DeviceContext4::Dispatch is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DispatchIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DispatchIndirect is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_RSSetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState *pRasterizerState)
{
    FIXME("ID3D11DeviceContext4::RSSetState is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_RSSetViewports(ID3D11DeviceContext4 *iface, UINT NumViewports, const D3D11_VIEWPORT *pViewports)
{
    FIXME("ID3D11DeviceContext4::RSSetViewports is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_RSSetScissorRects(ID3D11DeviceContext4 *iface, UINT NumRects, const D3D11_RECT *pRects)
{
    FIXME("ID3D11DeviceContext4::RSSetScissorRects is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox)
{
    FIXME("ID3D11DeviceContext4::CopySubresourceRegion is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CopyResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, ID3D11Resource *pSrcResource)
{
    FIXME("ID3D11DeviceContext4::CopyResource is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_UpdateSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch)
{
    FIXME("ID3D11DeviceContext4::UpdateSubresource is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CopyStructureCount(ID3D11DeviceContext4 *iface, ID3D11Buffer *pDstBuffer, UINT DstAlignedByteOffset, ID3D11UnorderedAccessView *pSrcView)
{
    FIXME("ID3D11DeviceContext4::CopyStructureCount is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_ClearRenderTargetView(ID3D11DeviceContext4 *iface, ID3D11RenderTargetView *pRenderTargetView, const FLOAT ColorRGBA[4])
{
    FIXME("ID3D11DeviceContext4::ClearRenderTargetView is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewUint(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const UINT Values[4])
{
    FIXME("ID3D11DeviceContext4::ClearUnorderedAccessViewUint is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewFloat(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const FLOAT Values[4])
{
    FIXME("ID3D11DeviceContext4::ClearUnorderedAccessViewFloat is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_ClearDepthStencilView(ID3D11DeviceContext4 *iface, ID3D11DepthStencilView *pDepthStencilView, UINT ClearFlags, FLOAT Depth, UINT8 Stencil)
{
    FIXME("ID3D11DeviceContext4::ClearDepthStencilView is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GenerateMips(ID3D11DeviceContext4 *iface, ID3D11ShaderResourceView *pShaderResourceView)
{
    FIXME("ID3D11DeviceContext4::GenerateMips is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_SetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, FLOAT MinLOD)
{
    FIXME("ID3D11DeviceContext4::SetResourceMinLOD is not implemented yet.");
}

static FLOAT STDMETHODCALLTYPE d3d11_context_GetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    FIXME("ID3D11DeviceContext4::GetResourceMinLOD is not implemented yet.");
    return 0;
}

static void STDMETHODCALLTYPE d3d11_context_ResolveSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, ID3D11Resource *pSrcResource, UINT SrcSubresource, DXGI_FORMAT Format)
{
    FIXME("ID3D11DeviceContext4::ResolveSubresource is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_ExecuteCommandList(ID3D11DeviceContext4 *iface, ID3D11CommandList *pCommandList, BOOL RestoreContextState)
{
    FIXME("ID3D11DeviceContext4::ExecuteCommandList is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::HSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSSetShader(ID3D11DeviceContext4 *iface, ID3D11HullShader *pHullShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::HSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::HSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::HSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::DSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DSSetShader(ID3D11DeviceContext4 *iface, ID3D11DomainShader *pDomainShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::DSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::DSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::DSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::CSSetShaderResources is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumUAVs, ID3D11UnorderedAccessView *const *ppUnorderedAccessViews, const UINT *pUAVInitialCounts)
{
    FIXME("ID3D11DeviceContext4::CSSetUnorderedAccessViews is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetShader(ID3D11DeviceContext4 *iface, ID3D11ComputeShader *pComputeShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::CSSetShader is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::CSSetSamplers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::CSSetConstantBuffers is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::VSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_PSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::PSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_PSGetShader(ID3D11DeviceContext4 *iface, ID3D11PixelShader **ppPixelShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::PSGetShader is not implemented yet.");
    if (ppPixelShader) *ppPixelShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_PSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::PSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_VSGetShader(ID3D11DeviceContext4 *iface, ID3D11VertexShader **ppVertexShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::VSGetShader is not implemented yet.");
    if (ppVertexShader) *ppVertexShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_PSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::PSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_IAGetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout **ppInputLayout)
{
    FIXME("ID3D11DeviceContext4::IAGetInputLayout is not implemented yet.");
    if (ppInputLayout) *ppInputLayout = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_IAGetVertexBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppVertexBuffers, UINT *pStrides, UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::IAGetVertexBuffers is not implemented yet.");
    if (ppVertexBuffers) memset(ppVertexBuffers, 0, NumBuffers * sizeof(*ppVertexBuffers));
    if (pStrides) memset(pStrides, 0, NumBuffers * sizeof(*pStrides));
    if (pOffsets) memset(pOffsets, 0, NumBuffers * sizeof(*pOffsets));
}

static void STDMETHODCALLTYPE d3d11_context_IAGetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer **pIndexBuffer, DXGI_FORMAT *Format, UINT *Offset)
{
    FIXME("ID3D11DeviceContext4::IAGetIndexBuffer is not implemented yet.");
    if (pIndexBuffer) *pIndexBuffer = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_GSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::GSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_GSGetShader(ID3D11DeviceContext4 *iface, ID3D11GeometryShader **ppGeometryShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::GSGetShader is not implemented yet.");
    if (ppGeometryShader) *ppGeometryShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_IAGetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY *pTopology)
{
    FIXME("ID3D11DeviceContext4::IAGetPrimitiveTopology is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::VSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_VSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::VSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_GetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate **ppPredicate, BOOL *pPredicateValue)
{
    FIXME("ID3D11DeviceContext4::GetPredication is not implemented yet.");
    if (ppPredicate) *ppPredicate = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_GSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::GSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_GSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::GSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargets(ID3D11DeviceContext4 *iface, UINT NumViews, ID3D11RenderTargetView **ppRenderTargetViews, ID3D11DepthStencilView **ppDepthStencilView)
{
    FIXME("ID3D11DeviceContext4::OMGetRenderTargets is not implemented yet.");
    if (ppRenderTargetViews) memset(ppRenderTargetViews, 0, NumViews * sizeof(*ppRenderTargetViews));
    if (ppDepthStencilView) *ppDepthStencilView = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT NumRTVs, ID3D11RenderTargetView **ppRenderTargetViews, ID3D11DepthStencilView **ppDepthStencilView, UINT UAVStartSlot, UINT NumUAVs, ID3D11UnorderedAccessView **ppUnorderedAccessViews)
{
    FIXME("ID3D11DeviceContext4::OMGetRenderTargetsAndUnorderedAccessViews is not implemented yet.");
    if (ppRenderTargetViews) memset(ppRenderTargetViews, 0, NumRTVs * sizeof(*ppRenderTargetViews));
    if (ppDepthStencilView) *ppDepthStencilView = NULL;
    if (ppUnorderedAccessViews) memset(ppUnorderedAccessViews, 0, NumUAVs * sizeof(*ppUnorderedAccessViews));
}

static void STDMETHODCALLTYPE d3d11_context_OMGetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState **ppBlendState, FLOAT BlendFactor[4], UINT *pSampleMask)
{
    FIXME("ID3D11DeviceContext4::OMGetBlendState is not implemented yet.");
    if (ppBlendState) *ppBlendState = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_OMGetDepthStencilState(ID3D11DeviceContext4 *iface, ID3D11DepthStencilState **ppDepthStencilState, UINT *pStencilRef)
{
    FIXME("ID3D11DeviceContext4::OMGetDepthStencilState is not implemented yet.");
    if (ppDepthStencilState) *ppDepthStencilState = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_SOGetTargets(ID3D11DeviceContext4 *iface, UINT NumBuffers, ID3D11Buffer **ppSOTargets)
{
    FIXME("ID3D11DeviceContext4::SOGetTargets is not implemented yet.");
    if (ppSOTargets) memset(ppSOTargets, 0, NumBuffers * sizeof(*ppSOTargets));
}

static void STDMETHODCALLTYPE d3d11_context_RSGetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState **ppRasterizerState)
{
    FIXME("ID3D11DeviceContext4::RSGetState is not implemented yet.");
    if (ppRasterizerState) *ppRasterizerState = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_RSGetViewports(ID3D11DeviceContext4 *iface, UINT *pNumViewports, D3D11_VIEWPORT *pViewports)
{
    FIXME("ID3D11DeviceContext4::RSGetViewports is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_RSGetScissorRects(ID3D11DeviceContext4 *iface, UINT *pNumRects, D3D11_RECT *pRects)
{
    FIXME("ID3D11DeviceContext4::RSGetScissorRects is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::HSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_HSGetShader(ID3D11DeviceContext4 *iface, ID3D11HullShader **ppHullShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::HSGetShader is not implemented yet.");
    if (ppHullShader) *ppHullShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_HSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::HSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_HSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::HSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_DSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::DSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_DSGetShader(ID3D11DeviceContext4 *iface, ID3D11DomainShader **ppDomainShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::DSGetShader is not implemented yet.");
    if (ppDomainShader) *ppDomainShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_DSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::DSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_DSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::DSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_CSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::CSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

static void STDMETHODCALLTYPE d3d11_context_CSGetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumUAVs, ID3D11UnorderedAccessView **ppUnorderedAccessViews)
{
    FIXME("ID3D11DeviceContext4::CSGetUnorderedAccessViews is not implemented yet.");
    if (ppUnorderedAccessViews) memset(ppUnorderedAccessViews, 0, NumUAVs * sizeof(*ppUnorderedAccessViews));
}

static void STDMETHODCALLTYPE d3d11_context_CSGetShader(ID3D11DeviceContext4 *iface, ID3D11ComputeShader **ppComputeShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::CSGetShader is not implemented yet.");
    if (ppComputeShader) *ppComputeShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_CSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::CSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

static void STDMETHODCALLTYPE d3d11_context_CSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::CSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

static void STDMETHODCALLTYPE d3d11_context_ClearState(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::ClearState is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_Flush(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::Flush is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_FinishCommandList(ID3D11DeviceContext4 *iface, BOOL RestoreDeferredContextState, ID3D11CommandList **ppCommandList)
{
    FIXME("ID3D11DeviceContext4::FinishCommandList is not implemented yet.");
    if (ppCommandList) *ppCommandList = NULL;
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox, UINT CopyFlags)
{
    FIXME("ID3D11DeviceContext4::CopySubresourceRegion1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_UpdateSubresource1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch, UINT CopyFlags)
{
    FIXME("ID3D11DeviceContext4::UpdateSubresource1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DiscardResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    FIXME("ID3D11DeviceContext4::DiscardResource is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DiscardView(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView)
{
    FIXME("ID3D11DeviceContext4::DiscardView is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::VSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_HSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::HSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::DSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::GSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_PSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::PSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_CSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::CSSetConstantBuffers1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_VSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::VSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_HSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::HSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_DSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::DSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_GSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::GSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_PSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::PSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_CSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::CSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

static void STDMETHODCALLTYPE d3d11_context_SwapDeviceContextState(ID3D11DeviceContext4 *iface, ID3DDeviceContextState *pState, ID3DDeviceContextState **ppPreviousState)
{
    FIXME("ID3D11DeviceContext4::SwapDeviceContextState is not implemented yet.");
    if (ppPreviousState) *ppPreviousState = NULL;
}

static void STDMETHODCALLTYPE d3d11_context_ClearView(ID3D11DeviceContext4 *iface, ID3D11View *pView, const FLOAT Color[4], const D3D11_RECT *pRect, UINT NumRects)
{
    FIXME("ID3D11DeviceContext4::ClearView is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_DiscardView1(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView, const D3D11_RECT *pRects, UINT NumRects)
{
    FIXME("ID3D11DeviceContext4::DiscardView1 is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_UpdateTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, UINT region_count, const D3D11_TILED_RESOURCE_COORDINATE *region_start_coordinates, const D3D11_TILE_REGION_SIZE *region_sizes, ID3D11Buffer *pool, UINT range_count, const UINT *range_flags, const UINT *pool_start_offsets, const UINT *range_tile_counts, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE d3d11_context_CopyTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, ID3D11Resource *src_resource, const D3D11_TILED_RESOURCE_COORDINATE *src_start_coordinate, const D3D11_TILE_REGION_SIZE *region_size, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE d3d11_context_CopyTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, const D3D11_TILED_RESOURCE_COORDINATE *start_coordinate, const D3D11_TILE_REGION_SIZE *size, ID3D11Buffer *buffer, UINT64 start_offset, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTiles is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_UpdateTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, const D3D11_TILE_REGION_SIZE *dst_region_size, const void *src_data, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTiles is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_ResizeTilePool(ID3D11DeviceContext4 *iface, ID3D11Buffer *pool, UINT64 size)
{
    FIXME("ID3D11DeviceContext4::ResizeTilePool is not implemented yet.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE d3d11_context_TiledResourceBarrier(ID3D11DeviceContext4 *iface, ID3D11DeviceChild *before_barrier, ID3D11DeviceChild *after_barrier)
{
    FIXME("ID3D11DeviceContext4::TiledResourceBarrier is not implemented yet.");
}

static BOOL STDMETHODCALLTYPE d3d11_context_IsAnnotationEnabled(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::IsAnnotationEnabled is not implemented yet.");
    return 0;
}

static void STDMETHODCALLTYPE d3d11_context_SetMarkerInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::SetMarkerInt is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_BeginEventInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::BeginEventInt is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_EndEvent(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::EndEvent is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_Flush1(ID3D11DeviceContext4 *iface, D3D11_CONTEXT_TYPE type, HANDLE event)
{
    FIXME("ID3D11DeviceContext4::Flush1 is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_SetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL enable)
{
    FIXME("ID3D11DeviceContext4::SetHardwareProtectionState is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_context_GetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL *enable)
{
    FIXME("ID3D11DeviceContext4::GetHardwareProtectionState is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_context_Signal(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    FIXME("ID3D11DeviceContext4::Signal is not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE d3d11_context_Wait(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    FIXME("ID3D11DeviceContext4::Wait is not implemented yet.");
    return E_NOTIMPL;
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
