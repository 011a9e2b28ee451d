/* context_draw.c — draws and dispatches. */
#include "d3d11_private.h"
#include "context_methods.h"

void STDMETHODCALLTYPE d3d11_context_DrawIndexed(ID3D11DeviceContext4 *iface, UINT IndexCount, UINT StartIndexLocation, INT BaseVertexLocation)
{
    FIXME("ID3D11DeviceContext4::DrawIndexed is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Draw(ID3D11DeviceContext4 *iface, UINT VertexCount, UINT StartVertexLocation)
{
    FIXME("ID3D11DeviceContext4::Draw is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstanced(ID3D11DeviceContext4 *iface, UINT IndexCountPerInstance, UINT InstanceCount, UINT StartIndexLocation, INT BaseVertexLocation, UINT StartInstanceLocation)
{
    FIXME("ID3D11DeviceContext4::DrawIndexedInstanced is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DrawInstanced(ID3D11DeviceContext4 *iface, UINT VertexCountPerInstance, UINT InstanceCount, UINT StartVertexLocation, UINT StartInstanceLocation)
{
    FIXME("ID3D11DeviceContext4::DrawInstanced is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DrawAuto(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::DrawAuto is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DrawIndexedInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DrawIndexedInstancedIndirect is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DrawInstancedIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DrawInstancedIndirect is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_Dispatch(ID3D11DeviceContext4 *iface, UINT ThreadGroupCountX, UINT ThreadGroupCountY, UINT ThreadGroupCountZ)
{
    FIXME("ID3D11DeviceContext4::Dispatch is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DispatchIndirect(ID3D11DeviceContext4 *iface, ID3D11Buffer *pBufferForArgs, UINT AlignedByteOffsetForArgs)
{
    FIXME("ID3D11DeviceContext4::DispatchIndirect is not implemented yet.");
}
