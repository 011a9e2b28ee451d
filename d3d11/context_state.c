/* context_state.c — the context state methods: shaders, resources, samplers, input
 * assembler, rasterizer and output-merger state, their Get counterparts, ClearState. */
#include "d3d11_private.h"
#include "context_methods.h"

void STDMETHODCALLTYPE d3d11_context_VSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::VSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_PSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::PSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_PSSetShader(ID3D11DeviceContext4 *iface, ID3D11PixelShader *pPixelShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::PSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_PSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::PSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSSetShader(ID3D11DeviceContext4 *iface, ID3D11VertexShader *pVertexShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::VSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_PSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::PSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_IASetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout *pInputLayout)
{
    FIXME("ID3D11DeviceContext4::IASetInputLayout is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_IASetVertexBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppVertexBuffers, const UINT *pStrides, const UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::IASetVertexBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_IASetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer *pIndexBuffer, DXGI_FORMAT Format, UINT Offset)
{
    FIXME("ID3D11DeviceContext4::IASetIndexBuffer is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::GSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GSSetShader(ID3D11DeviceContext4 *iface, ID3D11GeometryShader *pShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::GSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_IASetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY Topology)
{
    FIXME("ID3D11DeviceContext4::IASetPrimitiveTopology is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::VSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::VSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_SetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate *pPredicate, BOOL PredicateValue)
{
    FIXME("ID3D11DeviceContext4::SetPredication is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::GSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::GSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargets(ID3D11DeviceContext4 *iface, UINT NumViews, ID3D11RenderTargetView *const *ppRenderTargetViews, ID3D11DepthStencilView *pDepthStencilView)
{
    FIXME("ID3D11DeviceContext4::OMSetRenderTargets is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_OMSetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT NumRTVs, ID3D11RenderTargetView *const *ppRenderTargetViews, ID3D11DepthStencilView *pDepthStencilView, UINT UAVStartSlot, UINT NumUAVs, ID3D11UnorderedAccessView *const *ppUnorderedAccessViews, const UINT *pUAVInitialCounts)
{
    FIXME("ID3D11DeviceContext4::OMSetRenderTargetsAndUnorderedAccessViews is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_OMSetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState *pBlendState, const FLOAT BlendFactor[4], UINT SampleMask)
{
    FIXME("ID3D11DeviceContext4::OMSetBlendState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_OMSetDepthStencilState(ID3D11DeviceContext4 *iface, ID3D11DepthStencilState *pDepthStencilState, UINT StencilRef)
{
    FIXME("ID3D11DeviceContext4::OMSetDepthStencilState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_SOSetTargets(ID3D11DeviceContext4 *iface, UINT NumBuffers, ID3D11Buffer *const *ppSOTargets, const UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::SOSetTargets is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_RSSetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState *pRasterizerState)
{
    FIXME("ID3D11DeviceContext4::RSSetState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_RSSetViewports(ID3D11DeviceContext4 *iface, UINT NumViewports, const D3D11_VIEWPORT *pViewports)
{
    FIXME("ID3D11DeviceContext4::RSSetViewports is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_RSSetScissorRects(ID3D11DeviceContext4 *iface, UINT NumRects, const D3D11_RECT *pRects)
{
    FIXME("ID3D11DeviceContext4::RSSetScissorRects is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::HSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSSetShader(ID3D11DeviceContext4 *iface, ID3D11HullShader *pHullShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::HSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::HSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::HSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::DSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DSSetShader(ID3D11DeviceContext4 *iface, ID3D11DomainShader *pDomainShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::DSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::DSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::DSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView *const *ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::CSSetShaderResources is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumUAVs, ID3D11UnorderedAccessView *const *ppUnorderedAccessViews, const UINT *pUAVInitialCounts)
{
    FIXME("ID3D11DeviceContext4::CSSetUnorderedAccessViews is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetShader(ID3D11DeviceContext4 *iface, ID3D11ComputeShader *pComputeShader, ID3D11ClassInstance *const *ppClassInstances, UINT NumClassInstances)
{
    FIXME("ID3D11DeviceContext4::CSSetShader is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState *const *ppSamplers)
{
    FIXME("ID3D11DeviceContext4::CSSetSamplers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::CSSetConstantBuffers is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::VSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_PSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::PSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_PSGetShader(ID3D11DeviceContext4 *iface, ID3D11PixelShader **ppPixelShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::PSGetShader is not implemented yet.");
    if (ppPixelShader) *ppPixelShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_PSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::PSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_VSGetShader(ID3D11DeviceContext4 *iface, ID3D11VertexShader **ppVertexShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::VSGetShader is not implemented yet.");
    if (ppVertexShader) *ppVertexShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_PSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::PSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_IAGetInputLayout(ID3D11DeviceContext4 *iface, ID3D11InputLayout **ppInputLayout)
{
    FIXME("ID3D11DeviceContext4::IAGetInputLayout is not implemented yet.");
    if (ppInputLayout) *ppInputLayout = NULL;
}

void STDMETHODCALLTYPE d3d11_context_IAGetVertexBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppVertexBuffers, UINT *pStrides, UINT *pOffsets)
{
    FIXME("ID3D11DeviceContext4::IAGetVertexBuffers is not implemented yet.");
    if (ppVertexBuffers) memset(ppVertexBuffers, 0, NumBuffers * sizeof(*ppVertexBuffers));
    if (pStrides) memset(pStrides, 0, NumBuffers * sizeof(*pStrides));
    if (pOffsets) memset(pOffsets, 0, NumBuffers * sizeof(*pOffsets));
}

void STDMETHODCALLTYPE d3d11_context_IAGetIndexBuffer(ID3D11DeviceContext4 *iface, ID3D11Buffer **pIndexBuffer, DXGI_FORMAT *Format, UINT *Offset)
{
    FIXME("ID3D11DeviceContext4::IAGetIndexBuffer is not implemented yet.");
    if (pIndexBuffer) *pIndexBuffer = NULL;
}

void STDMETHODCALLTYPE d3d11_context_GSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::GSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_GSGetShader(ID3D11DeviceContext4 *iface, ID3D11GeometryShader **ppGeometryShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::GSGetShader is not implemented yet.");
    if (ppGeometryShader) *ppGeometryShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_IAGetPrimitiveTopology(ID3D11DeviceContext4 *iface, D3D11_PRIMITIVE_TOPOLOGY *pTopology)
{
    FIXME("ID3D11DeviceContext4::IAGetPrimitiveTopology is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::VSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_VSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::VSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_GetPredication(ID3D11DeviceContext4 *iface, ID3D11Predicate **ppPredicate, BOOL *pPredicateValue)
{
    FIXME("ID3D11DeviceContext4::GetPredication is not implemented yet.");
    if (ppPredicate) *ppPredicate = NULL;
}

void STDMETHODCALLTYPE d3d11_context_GSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::GSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_GSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::GSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargets(ID3D11DeviceContext4 *iface, UINT NumViews, ID3D11RenderTargetView **ppRenderTargetViews, ID3D11DepthStencilView **ppDepthStencilView)
{
    FIXME("ID3D11DeviceContext4::OMGetRenderTargets is not implemented yet.");
    if (ppRenderTargetViews) memset(ppRenderTargetViews, 0, NumViews * sizeof(*ppRenderTargetViews));
    if (ppDepthStencilView) *ppDepthStencilView = NULL;
}

void STDMETHODCALLTYPE d3d11_context_OMGetRenderTargetsAndUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT NumRTVs, ID3D11RenderTargetView **ppRenderTargetViews, ID3D11DepthStencilView **ppDepthStencilView, UINT UAVStartSlot, UINT NumUAVs, ID3D11UnorderedAccessView **ppUnorderedAccessViews)
{
    FIXME("ID3D11DeviceContext4::OMGetRenderTargetsAndUnorderedAccessViews is not implemented yet.");
    if (ppRenderTargetViews) memset(ppRenderTargetViews, 0, NumRTVs * sizeof(*ppRenderTargetViews));
    if (ppDepthStencilView) *ppDepthStencilView = NULL;
    if (ppUnorderedAccessViews) memset(ppUnorderedAccessViews, 0, NumUAVs * sizeof(*ppUnorderedAccessViews));
}

void STDMETHODCALLTYPE d3d11_context_OMGetBlendState(ID3D11DeviceContext4 *iface, ID3D11BlendState **ppBlendState, FLOAT BlendFactor[4], UINT *pSampleMask)
{
    FIXME("ID3D11DeviceContext4::OMGetBlendState is not implemented yet.");
    if (ppBlendState) *ppBlendState = NULL;
}

void STDMETHODCALLTYPE d3d11_context_OMGetDepthStencilState(ID3D11DeviceContext4 *iface, ID3D11DepthStencilState **ppDepthStencilState, UINT *pStencilRef)
{
    FIXME("ID3D11DeviceContext4::OMGetDepthStencilState is not implemented yet.");
    if (ppDepthStencilState) *ppDepthStencilState = NULL;
}

void STDMETHODCALLTYPE d3d11_context_SOGetTargets(ID3D11DeviceContext4 *iface, UINT NumBuffers, ID3D11Buffer **ppSOTargets)
{
    FIXME("ID3D11DeviceContext4::SOGetTargets is not implemented yet.");
    if (ppSOTargets) memset(ppSOTargets, 0, NumBuffers * sizeof(*ppSOTargets));
}

void STDMETHODCALLTYPE d3d11_context_RSGetState(ID3D11DeviceContext4 *iface, ID3D11RasterizerState **ppRasterizerState)
{
    FIXME("ID3D11DeviceContext4::RSGetState is not implemented yet.");
    if (ppRasterizerState) *ppRasterizerState = NULL;
}

void STDMETHODCALLTYPE d3d11_context_RSGetViewports(ID3D11DeviceContext4 *iface, UINT *pNumViewports, D3D11_VIEWPORT *pViewports)
{
    FIXME("ID3D11DeviceContext4::RSGetViewports is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_RSGetScissorRects(ID3D11DeviceContext4 *iface, UINT *pNumRects, D3D11_RECT *pRects)
{
    FIXME("ID3D11DeviceContext4::RSGetScissorRects is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::HSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_HSGetShader(ID3D11DeviceContext4 *iface, ID3D11HullShader **ppHullShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::HSGetShader is not implemented yet.");
    if (ppHullShader) *ppHullShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_HSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::HSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_HSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::HSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_DSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::DSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_DSGetShader(ID3D11DeviceContext4 *iface, ID3D11DomainShader **ppDomainShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::DSGetShader is not implemented yet.");
    if (ppDomainShader) *ppDomainShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_DSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::DSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_DSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::DSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_CSGetShaderResources(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumViews, ID3D11ShaderResourceView **ppShaderResourceViews)
{
    FIXME("ID3D11DeviceContext4::CSGetShaderResources is not implemented yet.");
    if (ppShaderResourceViews) memset(ppShaderResourceViews, 0, NumViews * sizeof(*ppShaderResourceViews));
}

void STDMETHODCALLTYPE d3d11_context_CSGetUnorderedAccessViews(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumUAVs, ID3D11UnorderedAccessView **ppUnorderedAccessViews)
{
    FIXME("ID3D11DeviceContext4::CSGetUnorderedAccessViews is not implemented yet.");
    if (ppUnorderedAccessViews) memset(ppUnorderedAccessViews, 0, NumUAVs * sizeof(*ppUnorderedAccessViews));
}

void STDMETHODCALLTYPE d3d11_context_CSGetShader(ID3D11DeviceContext4 *iface, ID3D11ComputeShader **ppComputeShader, ID3D11ClassInstance **ppClassInstances, UINT *pNumClassInstances)
{
    FIXME("ID3D11DeviceContext4::CSGetShader is not implemented yet.");
    if (ppComputeShader) *ppComputeShader = NULL;
    if (ppClassInstances) *ppClassInstances = NULL;
}

void STDMETHODCALLTYPE d3d11_context_CSGetSamplers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumSamplers, ID3D11SamplerState **ppSamplers)
{
    FIXME("ID3D11DeviceContext4::CSGetSamplers is not implemented yet.");
    if (ppSamplers) memset(ppSamplers, 0, NumSamplers * sizeof(*ppSamplers));
}

void STDMETHODCALLTYPE d3d11_context_CSGetConstantBuffers(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers)
{
    FIXME("ID3D11DeviceContext4::CSGetConstantBuffers is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
}

void STDMETHODCALLTYPE d3d11_context_ClearState(ID3D11DeviceContext4 *iface)
{
    FIXME("ID3D11DeviceContext4::ClearState is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::VSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_HSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::HSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_DSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::DSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_GSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::GSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_PSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::PSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_CSSetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer *const *ppConstantBuffers, const UINT *pFirstConstant, const UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::CSSetConstantBuffers1 is not implemented yet.");
}

void STDMETHODCALLTYPE d3d11_context_VSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::VSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_HSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::HSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_DSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::DSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_GSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::GSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_PSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::PSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_CSGetConstantBuffers1(ID3D11DeviceContext4 *iface, UINT StartSlot, UINT NumBuffers, ID3D11Buffer **ppConstantBuffers, UINT *pFirstConstant, UINT *pNumConstants)
{
    FIXME("ID3D11DeviceContext4::CSGetConstantBuffers1 is not implemented yet.");
    if (ppConstantBuffers) memset(ppConstantBuffers, 0, NumBuffers * sizeof(*ppConstantBuffers));
    if (pFirstConstant) memset(pFirstConstant, 0, NumBuffers * sizeof(*pFirstConstant));
    if (pNumConstants) memset(pNumConstants, 0, NumBuffers * sizeof(*pNumConstants));
}

void STDMETHODCALLTYPE d3d11_context_SwapDeviceContextState(ID3D11DeviceContext4 *iface, ID3DDeviceContextState *pState, ID3DDeviceContextState **ppPreviousState)
{
    FIXME("ID3D11DeviceContext4::SwapDeviceContextState is not implemented yet.");
    if (ppPreviousState) *ppPreviousState = NULL;
}
