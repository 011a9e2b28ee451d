/* context_transfer.c — the context's transfer, clear, Map, query, flush and command-list methods. */
#include "d3d11_private.h"
#include "context_methods.h"
#include "sharing.h"

HRESULT STDMETHODCALLTYPE d3d11_context_Map(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource, D3D11_MAP MapType, UINT MapFlags, D3D11_MAPPED_SUBRESOURCE *pMappedResource)
{
    FIXME("ID3D11DeviceContext4::Map is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_Unmap(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, UINT Subresource)
{
    FIXME("ID3D11DeviceContext4::Unmap is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Begin(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    FIXME("ID3D11DeviceContext4::Begin is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_End(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync)
{
    FIXME("ID3D11DeviceContext4::End is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_GetData(ID3D11DeviceContext4 *iface, ID3D11Asynchronous *pAsync, void *pData, UINT DataSize, UINT GetDataFlags)
{
    FIXME("ID3D11DeviceContext4::GetData is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox)
{
    FIXME("ID3D11DeviceContext4::CopySubresourceRegion is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CopyResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, ID3D11Resource *pSrcResource)
{
    FIXME("ID3D11DeviceContext4::CopyResource is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_UpdateSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch)
{
    FIXME("ID3D11DeviceContext4::UpdateSubresource is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CopyStructureCount(ID3D11DeviceContext4 *iface, ID3D11Buffer *pDstBuffer, UINT DstAlignedByteOffset, ID3D11UnorderedAccessView *pSrcView)
{
    FIXME("ID3D11DeviceContext4::CopyStructureCount is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ClearRenderTargetView(ID3D11DeviceContext4 *iface, ID3D11RenderTargetView *pRenderTargetView, const FLOAT ColorRGBA[4])
{
    FIXME("ID3D11DeviceContext4::ClearRenderTargetView is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewUint(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const UINT Values[4])
{
    FIXME("ID3D11DeviceContext4::ClearUnorderedAccessViewUint is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ClearUnorderedAccessViewFloat(ID3D11DeviceContext4 *iface, ID3D11UnorderedAccessView *pUnorderedAccessView, const FLOAT Values[4])
{
    FIXME("ID3D11DeviceContext4::ClearUnorderedAccessViewFloat is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ClearDepthStencilView(ID3D11DeviceContext4 *iface, ID3D11DepthStencilView *pDepthStencilView, UINT ClearFlags, FLOAT Depth, UINT8 Stencil)
{
    FIXME("ID3D11DeviceContext4::ClearDepthStencilView is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GenerateMips(ID3D11DeviceContext4 *iface, ID3D11ShaderResourceView *pShaderResourceView)
{
    FIXME("ID3D11DeviceContext4::GenerateMips is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_SetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource, FLOAT MinLOD)
{
    FIXME("ID3D11DeviceContext4::SetResourceMinLOD is not implemented yet.");
}

FLOAT STDMETHODCALLTYPE d3d11_context_GetResourceMinLOD(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    FIXME("ID3D11DeviceContext4::GetResourceMinLOD is not implemented yet.");
    return 0;
}

void STDMETHODCALLTYPE d3d11_context_ResolveSubresource(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, ID3D11Resource *pSrcResource, UINT SrcSubresource, DXGI_FORMAT Format)
{
    FIXME("ID3D11DeviceContext4::ResolveSubresource is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ExecuteCommandList(ID3D11DeviceContext4 *iface, ID3D11CommandList *pCommandList, BOOL RestoreContextState)
{
    FIXME("ID3D11DeviceContext4::ExecuteCommandList is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Flush(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::Flush is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_FinishCommandList(ID3D11DeviceContext4 *iface, BOOL RestoreDeferredContextState, ID3D11CommandList **ppCommandList)
{
    FIXME("ID3D11DeviceContext4::FinishCommandList is not implemented yet.");
    if (ppCommandList) *ppCommandList = NULL;
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_CopySubresourceRegion1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, UINT DstX, UINT DstY, UINT DstZ, ID3D11Resource *pSrcResource, UINT SrcSubresource, const D3D11_BOX *pSrcBox, UINT CopyFlags)
{
    FIXME("ID3D11DeviceContext4::CopySubresourceRegion1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_UpdateSubresource1(ID3D11DeviceContext4 *iface, ID3D11Resource *pDstResource, UINT DstSubresource, const D3D11_BOX *pDstBox, const void *pSrcData, UINT SrcRowPitch, UINT SrcDepthPitch, UINT CopyFlags)
{
    FIXME("ID3D11DeviceContext4::UpdateSubresource1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DiscardResource(ID3D11DeviceContext4 *iface, ID3D11Resource *pResource)
{
    FIXME("ID3D11DeviceContext4::DiscardResource is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DiscardView(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView)
{
    FIXME("ID3D11DeviceContext4::DiscardView is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_ClearView(ID3D11DeviceContext4 *iface, ID3D11View *pView, const FLOAT Color[4], const D3D11_RECT *pRect, UINT NumRects)
{
    FIXME("ID3D11DeviceContext4::ClearView is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DiscardView1(ID3D11DeviceContext4 *iface, ID3D11View *pResourceView, const D3D11_RECT *pRects, UINT NumRects)
{
    FIXME("ID3D11DeviceContext4::DiscardView1 is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_UpdateTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, UINT region_count, const D3D11_TILED_RESOURCE_COORDINATE *region_start_coordinates, const D3D11_TILE_REGION_SIZE *region_sizes, ID3D11Buffer *pool, UINT range_count, const UINT *range_flags, const UINT *pool_start_offsets, const UINT *range_tile_counts, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

HRESULT STDMETHODCALLTYPE d3d11_context_CopyTileMappings(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, ID3D11Resource *src_resource, const D3D11_TILED_RESOURCE_COORDINATE *src_start_coordinate, const D3D11_TILE_REGION_SIZE *region_size, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTileMappings is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_CopyTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *resource, const D3D11_TILED_RESOURCE_COORDINATE *start_coordinate, const D3D11_TILE_REGION_SIZE *size, ID3D11Buffer *buffer, UINT64 start_offset, UINT flags)
{
    FIXME("ID3D11DeviceContext4::CopyTiles is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_UpdateTiles(ID3D11DeviceContext4 *iface, ID3D11Resource *dst_resource, const D3D11_TILED_RESOURCE_COORDINATE *dst_start_coordinate, const D3D11_TILE_REGION_SIZE *dst_region_size, const void *src_data, UINT flags)
{
    FIXME("ID3D11DeviceContext4::UpdateTiles is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_ResizeTilePool(ID3D11DeviceContext4 *iface, ID3D11Buffer *pool, UINT64 size)
{
    FIXME("ID3D11DeviceContext4::ResizeTilePool is not implemented yet.");
    return E_NOTIMPL;
}

void STDMETHODCALLTYPE d3d11_context_TiledResourceBarrier(ID3D11DeviceContext4 *iface, ID3D11DeviceChild *before_barrier, ID3D11DeviceChild *after_barrier)
{
    FIXME("ID3D11DeviceContext4::TiledResourceBarrier is not implemented yet.");
}

BOOL STDMETHODCALLTYPE d3d11_context_IsAnnotationEnabled(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::IsAnnotationEnabled is not implemented yet.");
    return 0;
}

void STDMETHODCALLTYPE d3d11_context_SetMarkerInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::SetMarkerInt is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_BeginEventInt(ID3D11DeviceContext4 *iface, const WCHAR *label, int data)
{
    FIXME("ID3D11DeviceContext4::BeginEventInt is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_EndEvent(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::EndEvent is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Flush1(ID3D11DeviceContext4 *iface, D3D11_CONTEXT_TYPE type, HANDLE event)
{
    FIXME("ID3D11DeviceContext4::Flush1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_SetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL enable)
{
    FIXME("ID3D11DeviceContext4::SetHardwareProtectionState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GetHardwareProtectionState(ID3D11DeviceContext4 *iface, BOOL *enable)
{
    FIXME("ID3D11DeviceContext4::GetHardwareProtectionState is not implemented yet.");
}

HRESULT STDMETHODCALLTYPE d3d11_context_Signal(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    /* Shared fences (issue 5): d3d11/fence.c. */
    return d3d11_fence_signal_from_context(iface, fence, value);
}

HRESULT STDMETHODCALLTYPE d3d11_context_Wait(ID3D11DeviceContext4 *iface, ID3D11Fence *fence, UINT64 value)
{
    /* Shared fences (issue 5): d3d11/fence.c. */
    return d3d11_fence_wait_from_context(iface, fence, value);
}
