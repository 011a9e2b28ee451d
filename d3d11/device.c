/* device.c — ID3D11Device..Device5 with its IDXGIDevice4, ID3D11Multithread and
 * ID3D10Multithread faces: lifetime, feature and format queries, creation entry points. */
#include "d3d11_private.h"
#include "resource.h"
#include "sharing.h"
#include "state.h"

static const struct d3d11vk_qi_entry device_qi[] =
{
    { &IID_ID3D11Device5, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_ID3D11Device4, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_ID3D11Device3, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_ID3D11Device2, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_ID3D11Device1, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_ID3D11Device, offsetof(struct d3d11_device, ID3D11Device5_iface) },
    { &IID_IDXGIDevice4, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_IDXGIDevice3, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_IDXGIDevice2, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_IDXGIDevice1, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_IDXGIDevice, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_IDXGIObject, offsetof(struct d3d11_device, IDXGIDevice4_iface) },
    { &IID_ID3D11Multithread, offsetof(struct d3d11_device, ID3D11Multithread_iface) },
    { &IID_ID3D10Multithread, offsetof(struct d3d11_device, ID3D10Multithread_iface) },
    { &IID_ID3D11VKDevice, offsetof(struct d3d11_device, ID3D11VKDevice_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_device_QueryInterface(ID3D11Device5 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_ID3D11Device5(iface), device_qi, ARRAY_SIZE(device_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE d3d11_device_AddRef(ID3D11Device5 *iface)
{
    return atomic_inc_u32(&impl_from_ID3D11Device5(iface)->obj.refcount);
}

static void device_destroy(struct d3d11_device *device)
{
    d3d11_context_destroy_immediate(device->immediate);
    d3d11_upload_stream_destroy(device);
    d3d11_state_cache_release(device->state_cache);
    d3d11vk_private_store_cleanup(&device->obj.private_data);
    vk_device_release(device->vk);
    IDXGIAdapter_Release(device->adapter);
    plat_cond_destroy(&device->mt_cond);
    plat_mutex_destroy(&device->format_lock);
    plat_mutex_destroy(&device->mt_lock);
    free(device);
}

static ULONG STDMETHODCALLTYPE d3d11_device_Release(ID3D11Device5 *iface)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    ULONG refcount = atomic_dec_u32(&device->obj.refcount);

    if (!refcount)
        device_destroy(device);
    return refcount;
}

/* D3D11: with a NULL out pointer a creation method validates, creates nothing and returns
 * S_FALSE; otherwise the new object is handed out. */
static HRESULT publish_object(IUnknown *object, void **out)
{
    if (!out)
    {
        IUnknown_Release(object);
        return S_FALSE;
    }
    *out = object;
    return S_OK;
}

/* Deferred contexts (created here, implemented in context.c / context_transfer.c). */
static HRESULT create_deferred_context(struct d3d11_device *device, UINT flags, REFIID riid, void **out)
{
    struct d3d11_context *context;
    HRESULT hr;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (flags)
        return E_INVALIDARG;
    /* D3D11: a single-threaded device has no deferred contexts. */
    if (device->flags & D3D11_CREATE_DEVICE_SINGLETHREADED)
        return DXGI_ERROR_INVALID_CALL;
    if (FAILED(hr = d3d11_context_create(device, D3D11_DEVICE_CONTEXT_DEFERRED, 0, &context)))
        return hr;
    hr = ID3D11DeviceContext4_QueryInterface(&context->ID3D11DeviceContext4_iface, riid, out);
    ID3D11DeviceContext4_Release(&context->ID3D11DeviceContext4_iface);
    return hr;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateBuffer(ID3D11Device5 *iface, const D3D11_BUFFER_DESC *pDesc, const D3D11_SUBRESOURCE_DATA *pInitialData, ID3D11Buffer **ppBuffer)
{
    return d3d11_buffer_create(impl_from_ID3D11Device5(iface), pDesc, pInitialData, ppBuffer);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateTexture1D(ID3D11Device5 *iface, const D3D11_TEXTURE1D_DESC *pDesc, const D3D11_SUBRESOURCE_DATA *pInitialData, ID3D11Texture1D **ppTexture1D)
{
    return d3d11_texture1d_create(impl_from_ID3D11Device5(iface), pDesc, pInitialData, ppTexture1D);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateTexture2D(ID3D11Device5 *iface, const D3D11_TEXTURE2D_DESC *pDesc, const D3D11_SUBRESOURCE_DATA *pInitialData, ID3D11Texture2D **ppTexture2D)
{
    D3D11_TEXTURE2D_DESC1 d;

    if (!pDesc)
    {
        if (ppTexture2D) *ppTexture2D = NULL;
        return E_INVALIDARG;
    }
    memcpy(&d, pDesc, sizeof(*pDesc));
    d.TextureLayout = D3D11_TEXTURE_LAYOUT_UNDEFINED;
    return d3d11_texture2d_create(impl_from_ID3D11Device5(iface), &d, pInitialData, (ID3D11Texture2D1 **)ppTexture2D);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateTexture3D(ID3D11Device5 *iface, const D3D11_TEXTURE3D_DESC *pDesc, const D3D11_SUBRESOURCE_DATA *pInitialData, ID3D11Texture3D **ppTexture3D)
{
    D3D11_TEXTURE3D_DESC1 d;

    if (!pDesc)
    {
        if (ppTexture3D) *ppTexture3D = NULL;
        return E_INVALIDARG;
    }
    memcpy(&d, pDesc, sizeof(*pDesc));
    d.TextureLayout = D3D11_TEXTURE_LAYOUT_UNDEFINED;
    return d3d11_texture3d_create(impl_from_ID3D11Device5(iface), &d, pInitialData, (ID3D11Texture3D1 **)ppTexture3D);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateShaderResourceView(ID3D11Device5 *iface, ID3D11Resource *pResource, const D3D11_SHADER_RESOURCE_VIEW_DESC *pDesc, ID3D11ShaderResourceView **ppSRView)
{
    return d3d11_srv_create(impl_from_ID3D11Device5(iface), pResource, (const D3D11_SHADER_RESOURCE_VIEW_DESC1 *)pDesc, false, (ID3D11ShaderResourceView1 **)ppSRView);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateUnorderedAccessView(ID3D11Device5 *iface, ID3D11Resource *pResource, const D3D11_UNORDERED_ACCESS_VIEW_DESC *pDesc, ID3D11UnorderedAccessView **ppUAView)
{
    return d3d11_uav_create(impl_from_ID3D11Device5(iface), pResource, (const D3D11_UNORDERED_ACCESS_VIEW_DESC1 *)pDesc, false, (ID3D11UnorderedAccessView1 **)ppUAView);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRenderTargetView(ID3D11Device5 *iface, ID3D11Resource *pResource, const D3D11_RENDER_TARGET_VIEW_DESC *pDesc, ID3D11RenderTargetView **ppRTView)
{
    return d3d11_rtv_create(impl_from_ID3D11Device5(iface), pResource, (const D3D11_RENDER_TARGET_VIEW_DESC1 *)pDesc, false, (ID3D11RenderTargetView1 **)ppRTView);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDepthStencilView(ID3D11Device5 *iface, ID3D11Resource *pResource, const D3D11_DEPTH_STENCIL_VIEW_DESC *pDesc, ID3D11DepthStencilView **ppDepthStencilView)
{
    return d3d11_dsv_create(impl_from_ID3D11Device5(iface), pResource, pDesc, ppDepthStencilView);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateInputLayout(ID3D11Device5 *iface, const D3D11_INPUT_ELEMENT_DESC *pInputElementDescs, UINT NumElements, const void *pShaderBytecodeWithInputSignature, SIZE_T BytecodeLength, ID3D11InputLayout **ppInputLayout)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_input_layout *layout;
    HRESULT hr;

    if (ppInputLayout)
        *ppInputLayout = NULL;
    if (FAILED(hr = d3d11_input_layout_create(device, pInputElementDescs, NumElements,
            pShaderBytecodeWithInputSignature, BytecodeLength, &layout)))
        return hr;
    return publish_object((IUnknown *)&layout->ID3D11InputLayout_iface, (void **)ppInputLayout);
}

/* The six Create*Shader methods: parse and check the stage; a NULL out pointer validates only. */
static HRESULT create_shader(struct d3d11_device *device, enum dxbc_stage stage, const void *bytecode, SIZE_T size,
        ID3D11ClassLinkage *linkage, void **out)
{
    struct d3d11_shader *shader;
    HRESULT hr;

    if (out)
        *out = NULL;
    if (FAILED(hr = d3d11_shader_create(device, stage, bytecode, size, linkage, &shader)))
        return hr;
    return publish_object((IUnknown *)&shader->IUnknown_iface, (void **)out);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateVertexShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11VertexShader **ppVertexShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_VS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppVertexShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateGeometryShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11GeometryShader **ppGeometryShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_GS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppGeometryShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateGeometryShaderWithStreamOutput(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, const D3D11_SO_DECLARATION_ENTRY *pSODeclaration, UINT NumEntries, const UINT *pBufferStrides, UINT NumStrides, UINT RasterizedStream, ID3D11ClassLinkage *pClassLinkage, ID3D11GeometryShader **ppGeometryShader)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_shader *shader;
    HRESULT hr;

    if (ppGeometryShader)
        *ppGeometryShader = NULL;
    if (FAILED(hr = d3d11_shader_create_with_stream_output(device, pShaderBytecode, BytecodeLength, pSODeclaration,
            NumEntries, pBufferStrides, NumStrides, RasterizedStream, pClassLinkage, &shader)))
        return hr;
    if (!ppGeometryShader)
    {
        IUnknown_Release(&shader->IUnknown_iface);
        return S_FALSE;
    }
    *ppGeometryShader = &shader->ID3D11GeometryShader_iface;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreatePixelShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11PixelShader **ppPixelShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_PS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppPixelShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateHullShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11HullShader **ppHullShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_HS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppHullShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDomainShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11DomainShader **ppDomainShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_DS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppDomainShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateComputeShader(ID3D11Device5 *iface, const void *pShaderBytecode, SIZE_T BytecodeLength, ID3D11ClassLinkage *pClassLinkage, ID3D11ComputeShader **ppComputeShader)
{
    return create_shader(impl_from_ID3D11Device5(iface), DXBC_STAGE_CS, pShaderBytecode, BytecodeLength,
            pClassLinkage, (void **)ppComputeShader);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateClassLinkage(ID3D11Device5 *iface, ID3D11ClassLinkage **ppLinkage)
{
    if (!ppLinkage)
        return E_INVALIDARG;
    return d3d11_class_linkage_create(impl_from_ID3D11Device5(iface), ppLinkage);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateBlendState(ID3D11Device5 *iface, const D3D11_BLEND_DESC *pBlendStateDesc, ID3D11BlendState **ppBlendState)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_blend_state *state;
    D3D11_BLEND_DESC1 desc1;
    unsigned int i;
    HRESULT hr;

    if (ppBlendState)
        *ppBlendState = NULL;
    if (!pBlendStateDesc)
        return E_INVALIDARG;
    memset(&desc1, 0, sizeof(desc1));
    desc1.AlphaToCoverageEnable = pBlendStateDesc->AlphaToCoverageEnable;
    desc1.IndependentBlendEnable = pBlendStateDesc->IndependentBlendEnable;
    for (i = 0; i < D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT; ++i)
    {
        const D3D11_RENDER_TARGET_BLEND_DESC *rt = &pBlendStateDesc->RenderTarget[i];
        desc1.RenderTarget[i].BlendEnable = rt->BlendEnable;
        desc1.RenderTarget[i].LogicOpEnable = FALSE;
        desc1.RenderTarget[i].SrcBlend = rt->SrcBlend;
        desc1.RenderTarget[i].DestBlend = rt->DestBlend;
        desc1.RenderTarget[i].BlendOp = rt->BlendOp;
        desc1.RenderTarget[i].SrcBlendAlpha = rt->SrcBlendAlpha;
        desc1.RenderTarget[i].DestBlendAlpha = rt->DestBlendAlpha;
        desc1.RenderTarget[i].BlendOpAlpha = rt->BlendOpAlpha;
        desc1.RenderTarget[i].LogicOp = D3D11_LOGIC_OP_NOOP;
        desc1.RenderTarget[i].RenderTargetWriteMask = rt->RenderTargetWriteMask;
    }
    if (FAILED(hr = d3d11_blend_state_create(device, &desc1, &state)))
        return hr;
    if (!ppBlendState)
    {
        ID3D11BlendState1_Release(&state->ID3D11BlendState1_iface);
        return S_FALSE;
    }
    *ppBlendState = (ID3D11BlendState *)&state->ID3D11BlendState1_iface;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDepthStencilState(ID3D11Device5 *iface, const D3D11_DEPTH_STENCIL_DESC *pDepthStencilDesc, ID3D11DepthStencilState **ppDepthStencilState)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_depthstencil_state *state;
    HRESULT hr;

    if (ppDepthStencilState)
        *ppDepthStencilState = NULL;
    if (FAILED(hr = d3d11_depthstencil_state_create(device, pDepthStencilDesc, &state)))
        return hr;
    return publish_object((IUnknown *)&state->ID3D11DepthStencilState_iface, (void **)ppDepthStencilState);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRasterizerState2(ID3D11Device5 *iface, const D3D11_RASTERIZER_DESC2 *desc, ID3D11RasterizerState2 **state);

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRasterizerState(ID3D11Device5 *iface, const D3D11_RASTERIZER_DESC *pRasterizerDesc, ID3D11RasterizerState **ppRasterizerState)
{
    D3D11_RASTERIZER_DESC2 desc2;

    if (ppRasterizerState)
        *ppRasterizerState = NULL;
    if (!pRasterizerDesc)
        return E_INVALIDARG;
    memset(&desc2, 0, sizeof(desc2));
    memcpy(&desc2, pRasterizerDesc, sizeof(*pRasterizerDesc));
    return d3d11_device_CreateRasterizerState2(iface, &desc2, (ID3D11RasterizerState2 **)ppRasterizerState);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateSamplerState(ID3D11Device5 *iface, const D3D11_SAMPLER_DESC *pSamplerDesc, ID3D11SamplerState **ppSamplerState)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_sampler_state *state;
    HRESULT hr;

    if (ppSamplerState)
        *ppSamplerState = NULL;
    if (FAILED(hr = d3d11_sampler_state_create(device, pSamplerDesc, &state)))
        return hr;
    return publish_object((IUnknown *)&state->ID3D11SamplerState_iface, (void **)ppSamplerState);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateQuery(ID3D11Device5 *iface, const D3D11_QUERY_DESC *pQueryDesc, ID3D11Query **ppQuery)
{
    D3D11_QUERY_DESC1 d;

    if (!pQueryDesc)
    {
        if (ppQuery) *ppQuery = NULL;
        return E_INVALIDARG;
    }
    d.Query = pQueryDesc->Query;
    d.MiscFlags = pQueryDesc->MiscFlags;
    d.ContextType = D3D11_CONTEXT_TYPE_ALL;
    return d3d11_query_create(impl_from_ID3D11Device5(iface), &d, false, (ID3D11Query1 **)ppQuery);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreatePredicate(ID3D11Device5 *iface, const D3D11_QUERY_DESC *pPredicateDesc, ID3D11Predicate **ppPredicate)
{
    D3D11_QUERY_DESC1 d;

    if (!pPredicateDesc)
    {
        if (ppPredicate) *ppPredicate = NULL;
        return E_INVALIDARG;
    }
    d.Query = pPredicateDesc->Query;
    d.MiscFlags = pPredicateDesc->MiscFlags;
    d.ContextType = D3D11_CONTEXT_TYPE_ALL;
    return d3d11_query_create(impl_from_ID3D11Device5(iface), &d, true, (ID3D11Query1 **)ppPredicate);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateCounter(ID3D11Device5 *iface, const D3D11_COUNTER_DESC *pCounterDesc, ID3D11Counter **ppCounter)
{
    return d3d11_counter_create(impl_from_ID3D11Device5(iface), pCounterDesc, ppCounter);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDeferredContext(ID3D11Device5 *iface, UINT ContextFlags, ID3D11DeviceContext **ppDeferredContext)
{
    return create_deferred_context(impl_from_ID3D11Device5(iface), ContextFlags, &IID_ID3D11DeviceContext, (void **)ppDeferredContext);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_OpenSharedResource(ID3D11Device5 *iface, HANDLE hResource, REFIID ReturnedInterface, void **ppResource)
{
    /* Legacy (D3D11_RESOURCE_MISC_SHARED) global handles: sharing.c. */
    return d3d11_device_open_shared_resource(impl_from_ID3D11Device5(iface), D3D11_SHARED_FROM_LEGACY,
            hResource, NULL, 0, ReturnedInterface, ppResource);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDeferredContext1(ID3D11Device5 *iface, UINT ContextFlags, ID3D11DeviceContext1 **ppDeferredContext)
{
    return create_deferred_context(impl_from_ID3D11Device5(iface), ContextFlags, &IID_ID3D11DeviceContext1, (void **)ppDeferredContext);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateBlendState1(ID3D11Device5 *iface, const D3D11_BLEND_DESC1 *pBlendStateDesc, ID3D11BlendState1 **ppBlendState)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_blend_state *state;
    HRESULT hr;

    if (ppBlendState)
        *ppBlendState = NULL;
    if (FAILED(hr = d3d11_blend_state_create(device, pBlendStateDesc, &state)))
        return hr;
    return publish_object((IUnknown *)&state->ID3D11BlendState1_iface, (void **)ppBlendState);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRasterizerState1(ID3D11Device5 *iface, const D3D11_RASTERIZER_DESC1 *pRasterizerDesc, ID3D11RasterizerState1 **ppRasterizerState)
{
    D3D11_RASTERIZER_DESC2 desc2;

    if (ppRasterizerState)
        *ppRasterizerState = NULL;
    if (!pRasterizerDesc)
        return E_INVALIDARG;
    memset(&desc2, 0, sizeof(desc2));
    memcpy(&desc2, pRasterizerDesc, sizeof(*pRasterizerDesc));
    return d3d11_device_CreateRasterizerState2(iface, &desc2, (ID3D11RasterizerState2 **)ppRasterizerState);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDeviceContextState(ID3D11Device5 *iface, UINT Flags, const D3D_FEATURE_LEVEL *pFeatureLevels, UINT FeatureLevels, UINT SDKVersion, REFIID EmulatedInterface, D3D_FEATURE_LEVEL *pChosenFeatureLevel, ID3DDeviceContextState **ppContextState)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    static const GUID *const emulated[] = { &IID_ID3D10Device, &IID_ID3D10Device1, &IID_ID3D11Device,
            &IID_ID3D11Device1, &IID_ID3D11Device2, &IID_ID3D11Device3, &IID_ID3D11Device4, &IID_ID3D11Device5 };
    D3D_FEATURE_LEVEL level = 0;
    unsigned int i;
    HRESULT hr;

    if (ppContextState)
        *ppContextState = NULL;
    if (pChosenFeatureLevel)
        *pChosenFeatureLevel = 0;
    if ((Flags & ~D3D11_1_CREATE_DEVICE_CONTEXT_STATE_SINGLETHREADED) || !pFeatureLevels || !FeatureLevels
            || !EmulatedInterface)
        return E_INVALIDARG;
    for (i = 0; i < ARRAY_SIZE(emulated) && !IsEqualGUID(EmulatedInterface, emulated[i]); ++i)
        ;
    if (i == ARRAY_SIZE(emulated))
        return E_INVALIDARG;
    /* The first requested level the device supports. */
    for (i = 0; i < FeatureLevels && !level; ++i)
        if (pFeatureLevels[i] <= device->feature_level && pFeatureLevels[i] >= D3D_FEATURE_LEVEL_9_1)
            level = pFeatureLevels[i];
    if (!level)
        return E_INVALIDARG;
    if (pChosenFeatureLevel)
        *pChosenFeatureLevel = level;
    if (!ppContextState)
        return S_FALSE;
    if (FAILED(hr = d3d11_device_context_state_create(device, EmulatedInterface, level, ppContextState)))
        return hr;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_OpenSharedResource1(ID3D11Device5 *iface, HANDLE hResource, REFIID returnedInterface, void **ppResource)
{
    return d3d11_device_open_shared_resource(impl_from_ID3D11Device5(iface), D3D11_SHARED_FROM_NT,
            hResource, NULL, 0, returnedInterface, ppResource);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_OpenSharedResourceByName(ID3D11Device5 *iface, LPCWSTR lpName, DWORD dwDesiredAccess, REFIID returnedInterface, void **ppResource)
{
    return d3d11_device_open_shared_resource(impl_from_ID3D11Device5(iface), D3D11_SHARED_FROM_NAME,
            NULL, lpName, dwDesiredAccess, returnedInterface, ppResource);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDeferredContext2(ID3D11Device5 *iface, UINT flags, ID3D11DeviceContext2 **context)
{
    return create_deferred_context(impl_from_ID3D11Device5(iface), flags, &IID_ID3D11DeviceContext2, (void **)context);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateTexture2D1(ID3D11Device5 *iface, const D3D11_TEXTURE2D_DESC1 *desc, const D3D11_SUBRESOURCE_DATA *initial_data, ID3D11Texture2D1 **texture)
{
    return d3d11_texture2d_create(impl_from_ID3D11Device5(iface), desc, initial_data, texture);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateTexture3D1(ID3D11Device5 *iface, const D3D11_TEXTURE3D_DESC1 *desc, const D3D11_SUBRESOURCE_DATA *initial_data, ID3D11Texture3D1 **texture)
{
    return d3d11_texture3d_create(impl_from_ID3D11Device5(iface), desc, initial_data, texture);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRasterizerState2(ID3D11Device5 *iface, const D3D11_RASTERIZER_DESC2 *desc, ID3D11RasterizerState2 **state)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    struct d3d11_rasterizer_state *rs;
    HRESULT hr;

    if (state)
        *state = NULL;
    if (FAILED(hr = d3d11_rasterizer_state_create(device, desc, &rs)))
        return hr;
    return publish_object((IUnknown *)&rs->ID3D11RasterizerState2_iface, (void **)state);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateShaderResourceView1(ID3D11Device5 *iface, ID3D11Resource *resource, const D3D11_SHADER_RESOURCE_VIEW_DESC1 *desc, ID3D11ShaderResourceView1 **view)
{
    return d3d11_srv_create(impl_from_ID3D11Device5(iface), resource, desc, true, view);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateUnorderedAccessView1(ID3D11Device5 *iface, ID3D11Resource *resource, const D3D11_UNORDERED_ACCESS_VIEW_DESC1 *desc, ID3D11UnorderedAccessView1 **view)
{
    return d3d11_uav_create(impl_from_ID3D11Device5(iface), resource, desc, true, view);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateRenderTargetView1(ID3D11Device5 *iface, ID3D11Resource *resource, const D3D11_RENDER_TARGET_VIEW_DESC1 *desc, ID3D11RenderTargetView1 **view)
{
    return d3d11_rtv_create(impl_from_ID3D11Device5(iface), resource, desc, true, view);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateQuery1(ID3D11Device5 *iface, const D3D11_QUERY_DESC1 *desc, ID3D11Query1 **query)
{
    return d3d11_query_create(impl_from_ID3D11Device5(iface), desc, false, query);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateDeferredContext3(ID3D11Device5 *iface, UINT flags, ID3D11DeviceContext3 **context)
{
    return create_deferred_context(impl_from_ID3D11Device5(iface), flags, &IID_ID3D11DeviceContext3, (void **)context);
}

static void STDMETHODCALLTYPE d3d11_device_WriteToSubresource(ID3D11Device5 *iface, ID3D11Resource *dst_resource, UINT dst_subresource, const D3D11_BOX *dst_box, const void *src_data, UINT src_row_pitch, UINT src_depth_pitch)
{
    FIXME("ID3D11Device5::WriteToSubresource is not implemented yet.");
}

static void STDMETHODCALLTYPE d3d11_device_ReadFromSubresource(ID3D11Device5 *iface, void *dst_data, UINT dst_row_pitch, UINT dst_depth_pitch, ID3D11Resource *src_resource, UINT src_subresource, const D3D11_BOX *src_box)
{
    FIXME("ID3D11Device5::ReadFromSubresource is not implemented yet.");
}

static HRESULT STDMETHODCALLTYPE d3d11_device_OpenSharedFence(ID3D11Device5 *iface, HANDLE handle, REFIID iid, void **fence)
{
    return d3d11_fence_open(impl_from_ID3D11Device5(iface), handle, iid, fence);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CreateFence(ID3D11Device5 *iface, UINT64 initial_value, D3D11_FENCE_FLAG flags, REFIID iid, void **fence)
{
    return d3d11_fence_create(impl_from_ID3D11Device5(iface), initial_value, flags, iid, fence);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_GetPrivateData(ID3D11Device5 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_ID3D11Device5(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_SetPrivateData(ID3D11Device5 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_ID3D11Device5(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_SetPrivateDataInterface(ID3D11Device5 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_ID3D11Device5(iface)->obj.private_data, guid, object);
}

static D3D_FEATURE_LEVEL STDMETHODCALLTYPE d3d11_device_GetFeatureLevel(ID3D11Device5 *iface)
{
    return impl_from_ID3D11Device5(iface)->feature_level;
}

static UINT STDMETHODCALLTYPE d3d11_device_GetCreationFlags(ID3D11Device5 *iface)
{
    return impl_from_ID3D11Device5(iface)->flags;
}

/* Vulkan reports a loss as VK_ERROR_DEVICE_LOST without a cause; a device that stopped
 * answering is what Windows calls a hung device (its answer after a GPU timeout). */
static HRESULT STDMETHODCALLTYPE d3d11_device_GetDeviceRemovedReason(ID3D11Device5 *iface)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);

    switch (vk_device_lost_result(device->vk))
    {
        case VK_SUCCESS: return S_OK;
        case VK_ERROR_DEVICE_LOST: return DXGI_ERROR_DEVICE_HUNG;
        case VK_ERROR_OUT_OF_DEVICE_MEMORY: case VK_ERROR_OUT_OF_HOST_MEMORY: return E_OUTOFMEMORY;
        default: return DXGI_ERROR_DEVICE_RESET;
    }
}

static void get_immediate_context(struct d3d11_device *device, REFIID riid, void **context)
{
    if (!context)
        return;
    ID3D11DeviceContext4_QueryInterface(&device->immediate->ID3D11DeviceContext4_iface, riid, context);
}

static void STDMETHODCALLTYPE d3d11_device_GetImmediateContext(ID3D11Device5 *iface, ID3D11DeviceContext **context)
{
    get_immediate_context(impl_from_ID3D11Device5(iface), &IID_ID3D11DeviceContext, (void **)context);
}

static void STDMETHODCALLTYPE d3d11_device_GetImmediateContext1(ID3D11Device5 *iface, ID3D11DeviceContext1 **context)
{
    get_immediate_context(impl_from_ID3D11Device5(iface), &IID_ID3D11DeviceContext1, (void **)context);
}

static void STDMETHODCALLTYPE d3d11_device_GetImmediateContext2(ID3D11Device5 *iface, ID3D11DeviceContext2 **context)
{
    get_immediate_context(impl_from_ID3D11Device5(iface), &IID_ID3D11DeviceContext2, (void **)context);
}

static void STDMETHODCALLTYPE d3d11_device_GetImmediateContext3(ID3D11Device5 *iface, ID3D11DeviceContext3 **context)
{
    get_immediate_context(impl_from_ID3D11Device5(iface), &IID_ID3D11DeviceContext3, (void **)context);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_SetExceptionMode(ID3D11Device5 *iface, UINT flags)
{
    if (flags & ~D3D11_RAISE_FLAG_DRIVER_INTERNAL_ERROR)
        return E_INVALIDARG;
    impl_from_ID3D11Device5(iface)->exception_mode = flags;
    return S_OK;
}

static UINT STDMETHODCALLTYPE d3d11_device_GetExceptionMode(ID3D11Device5 *iface)
{
    return impl_from_ID3D11Device5(iface)->exception_mode;
}

/* Format queries ------------------------------------------------------------------------ */

/* Format caps through the table's one query path, cached per device (the answers of a
 * physical device do not change). */
const struct d3d11vk_format_caps *d3d11_device_format_caps(struct d3d11_device *device,
        const struct d3d11vk_format_info *info, bool *use_alt)
{
    const struct vk_adapter_features *f = &device->vk->enabled;
    struct d3d11_format_cache *entry;
    struct d3d11vk_format_query q;
    struct d3d11vk_format_caps caps;
    bool alt;

    if ((unsigned int)info->dxgi >= ARRAY_SIZE(device->format_cache))
        return NULL;
    entry = &device->format_cache[info->dxgi];
    if (__atomic_load_n(&entry->valid, __ATOMIC_ACQUIRE))
    {
        if (use_alt)
            *use_alt = entry->use_alt;
        return &entry->caps;
    }
    memset(&q, 0, sizeof(q));
    q.phys = device->vk_adapter->physical_device;
    q.get_format_properties2 = vkGetPhysicalDeviceFormatProperties2;
    q.get_image_format_properties2 = vkGetPhysicalDeviceImageFormatProperties2;
    q.format_feature_flags2 = device->vk_adapter->properties.properties.apiVersion >= VK_API_VERSION_1_3;
    q.storage_read_without_format = f->core.features.shaderStorageImageReadWithoutFormat;
    q.storage_write_without_format = f->core.features.shaderStorageImageWriteWithoutFormat;
    q.logic_op = f->core.features.logicOp;
    q.stream_output = device->vk->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK] && f->xfb.transformFeedback;
    d3d11vk_format_query_caps(&q, info, false, &caps);
    if ((alt = d3d11vk_format_needs_alt(info, &caps)))
        d3d11vk_format_query_caps(&q, info, true, &caps);
    plat_mutex_lock(&device->format_lock);
    if (!entry->valid)
    {
        entry->caps = caps;
        entry->use_alt = alt;
        __atomic_store_n(&entry->valid, true, __ATOMIC_RELEASE);
    }
    plat_mutex_unlock(&device->format_lock);
    if (use_alt)
        *use_alt = entry->use_alt;
    return &entry->caps;
}

bool d3d11_device_format_support(struct d3d11_device *device, DXGI_FORMAT format, UINT *support, UINT *support2)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format);
    const struct d3d11vk_format_caps *caps;

    *support = 0;
    if (support2)
        *support2 = 0;
    if (!info || !(caps = d3d11_device_format_caps(device, info, NULL)))
        return false;
    *support = d3d11vk_format_support(info, caps);
    if (support2)
        *support2 = d3d11vk_format_support2(info, caps);
    return true;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CheckFormatSupport(ID3D11Device5 *iface, DXGI_FORMAT format, UINT *support)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);

    if (!support)
        return E_INVALIDARG;
    /* D3D11: a format the device cannot use at all fails with E_FAIL. */
    if (!d3d11_device_format_support(device, format, support, NULL) || !*support)
    {
        *support = 0;
        return E_FAIL;
    }
    return S_OK;
}

static HRESULT check_msaa(struct d3d11_device *device, DXGI_FORMAT format, UINT samples, UINT flags, UINT *levels)
{
    const struct d3d11vk_format_info *info;
    const struct d3d11vk_format_caps *caps;
    VkSampleCountFlags counts;
    UINT support;

    if (!levels)
        return E_INVALIDARG;
    *levels = 0;
    if (flags & ~D3D11_CHECK_MULTISAMPLE_QUALITY_LEVELS_TILED_RESOURCE)
        return E_INVALIDARG;
    if (flags)
        return S_OK;   /* no tiled resources */
    /* D3D11: sample counts are 1..32; others are invalid. */
    if (!samples || samples > D3D11_MAX_MULTISAMPLE_SAMPLE_COUNT)
        return E_FAIL;
    if (!(info = d3d11vk_format_get(format)) || format == DXGI_FORMAT_UNKNOWN)
        return E_INVALIDARG;
    if (samples == 1)
    {
        *levels = 1;
        return S_OK;
    }
    if (samples & (samples - 1))
        return S_OK;
    if (!(caps = d3d11_device_format_caps(device, info, NULL)))
        return S_OK;
    support = d3d11vk_format_support(info, caps);
    if (!(support & (D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET | D3D11_FORMAT_SUPPORT_MULTISAMPLE_LOAD)))
        return S_OK;
    counts = caps->vk.sample_counts | caps->depth.sample_counts;
    if (counts & samples)
        *levels = 1;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CheckMultisampleQualityLevels(ID3D11Device5 *iface, DXGI_FORMAT format,
        UINT samples, UINT *levels)
{
    return check_msaa(impl_from_ID3D11Device5(iface), format, samples, 0, levels);
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CheckMultisampleQualityLevels1(ID3D11Device5 *iface, DXGI_FORMAT format,
        UINT samples, UINT flags, UINT *levels)
{
    return check_msaa(impl_from_ID3D11Device5(iface), format, samples, flags, levels);
}

static void STDMETHODCALLTYPE d3d11_device_CheckCounterInfo(ID3D11Device5 *iface, D3D11_COUNTER_INFO *info)
{
    /* A driver without hardware counters. */
    if (info)
        memset(info, 0, sizeof(*info));
}

static HRESULT STDMETHODCALLTYPE d3d11_device_CheckCounter(ID3D11Device5 *iface, const D3D11_COUNTER_DESC *desc,
        D3D11_COUNTER_TYPE *type, UINT *active_counters, char *name, UINT *name_length, char *units,
        UINT *units_length, char *description, UINT *description_length)
{
    /* D3D11: with no device-dependent counters every counter id is invalid. */
    return E_INVALIDARG;
}

/* Feature support -------------------------------------------------------------------- */

D3D_FEATURE_LEVEL d3d11_max_feature_level(const struct vk_adapter *adapter)
{
    const VkPhysicalDeviceFeatures *f = &adapter->features.core.features;
    bool xfb = adapter->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK] && adapter->features.xfb.transformFeedback;
    bool fl10_0, fl10_1, fl11_0;

    /* What each level needs that Vulkan makes optional. */
    fl10_0 = f->geometryShader && f->textureCompressionBC && f->fullDrawIndexUint32 && f->occlusionQueryPrecise
            && f->pipelineStatisticsQuery && f->depthClamp && f->fillModeNonSolid && f->independentBlend
            && f->sampleRateShading && f->shaderClipDistance && f->shaderCullDistance && xfb;
    fl10_1 = fl10_0 && f->imageCubeArray && f->multiViewport;
    fl11_0 = fl10_1 && f->tessellationShader && f->dualSrcBlend && f->drawIndirectFirstInstance
            && f->fragmentStoresAndAtomics && f->shaderImageGatherExtended && f->depthBiasClamp
            && f->shaderStorageImageWriteWithoutFormat && f->textureCompressionBC;
    /* UAV-only rendering at a forced sample count needs no variableMultisampleRate: a render
     * pass instance without attachments is begun per sample count. */
    if (fl11_0 && f->logicOp && f->vertexPipelineStoresAndAtomics)
        return D3D_FEATURE_LEVEL_11_1;
    if (fl11_0)
        return D3D_FEATURE_LEVEL_11_0;
    if (fl10_1)
        return D3D_FEATURE_LEVEL_10_1;
    if (fl10_0)
        return D3D_FEATURE_LEVEL_10_0;
    return D3D_FEATURE_LEVEL_9_3;
}

#define CHECK_SIZE(type) do { if (size != sizeof(type)) { \
    LOG_WARN("Feature %u: size %u, expected %u.", feature, size, (UINT)sizeof(type)); return E_INVALIDARG; } } while (0)

static HRESULT STDMETHODCALLTYPE d3d11_device_CheckFeatureSupport(ID3D11Device5 *iface, D3D11_FEATURE feature,
        void *data, UINT size)
{
    struct d3d11_device *device = impl_from_ID3D11Device5(iface);
    const struct vk_adapter_features *f = &device->vk->enabled;
    const struct vk_adapter *adapter = device->vk_adapter;
    bool fl11_1 = device->feature_level >= D3D_FEATURE_LEVEL_11_1;
    bool unified = adapter->properties.properties.deviceType != VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU;

    if (!data)
        return E_INVALIDARG;
    switch (feature)
    {
        case D3D11_FEATURE_THREADING:
        {
            D3D11_FEATURE_DATA_THREADING *d = data;
            CHECK_SIZE(*d);
            d->DriverConcurrentCreates = TRUE;
            d->DriverCommandLists = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_DOUBLES:
        {
            D3D11_FEATURE_DATA_DOUBLES *d = data;
            CHECK_SIZE(*d);
            d->DoublePrecisionFloatShaderOps = f->core.features.shaderFloat64;
            return S_OK;
        }
        case D3D11_FEATURE_FORMAT_SUPPORT:
        {
            D3D11_FEATURE_DATA_FORMAT_SUPPORT *d = data;
            CHECK_SIZE(*d);
            if (!d3d11_device_format_support(device, d->InFormat, &d->OutFormatSupport, NULL) || !d->OutFormatSupport)
            {
                d->OutFormatSupport = 0;
                return E_FAIL;
            }
            return S_OK;
        }
        case D3D11_FEATURE_FORMAT_SUPPORT2:
        {
            D3D11_FEATURE_DATA_FORMAT_SUPPORT2 *d = data;
            UINT support;
            CHECK_SIZE(*d);
            if (!d3d11_device_format_support(device, d->InFormat, &support, &d->OutFormatSupport2) || !support)
            {
                d->OutFormatSupport2 = 0;
                return E_FAIL;
            }
            return S_OK;
        }
        case D3D11_FEATURE_D3D10_X_HARDWARE_OPTIONS:
        {
            D3D11_FEATURE_DATA_D3D10_X_HARDWARE_OPTIONS *d = data;
            CHECK_SIZE(*d);
            d->ComputeShaders_Plus_RawAndStructuredBuffers_Via_Shader_4_x = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS *d = data;
            CHECK_SIZE(*d);
            d->OutputMergerLogicOp = f->core.features.logicOp;
            d->UAVOnlyRenderingForcedSampleCount = fl11_1;
            d->DiscardAPIsSeenByDriver = TRUE;
            d->FlagsForUpdateAndCopySeenByDriver = TRUE;
            d->ClearView = TRUE;
            d->CopyWithOverlap = TRUE;
            d->ConstantBufferPartialUpdate = TRUE;
            d->ConstantBufferOffsetting = TRUE;
            d->MapNoOverwriteOnDynamicConstantBuffer = TRUE;
            d->MapNoOverwriteOnDynamicBufferSRV = TRUE;
            d->MultisampleRTVWithForcedSampleCountOne = TRUE;
            d->SAD4ShaderInstructions = TRUE;
            d->ExtendedDoublesShaderInstructions = f->core.features.shaderFloat64;
            d->ExtendedResourceSharing = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_ARCHITECTURE_INFO:
        {
            D3D11_FEATURE_DATA_ARCHITECTURE_INFO *d = data;
            CHECK_SIZE(*d);
            d->TileBasedDeferredRenderer = FALSE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D9_OPTIONS:
        {
            D3D11_FEATURE_DATA_D3D9_OPTIONS *d = data;
            CHECK_SIZE(*d);
            d->FullNonPow2TextureSupport = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_SHADER_MIN_PRECISION_SUPPORT:
        {
            D3D11_FEATURE_DATA_SHADER_MIN_PRECISION_SUPPORT *d = data;
            CHECK_SIZE(*d);
            /* Minimum-precision shaders run at full 32-bit precision. */
            d->PixelShaderMinPrecision = 0;
            d->AllOtherShaderStagesMinPrecision = 0;
            return S_OK;
        }
        case D3D11_FEATURE_D3D9_SHADOW_SUPPORT:
        {
            D3D11_FEATURE_DATA_D3D9_SHADOW_SUPPORT *d = data;
            CHECK_SIZE(*d);
            d->SupportsDepthAsTextureWithLessEqualComparisonFilter = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS1:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS1 *d = data;
            CHECK_SIZE(*d);
            d->TiledResourcesTier = D3D11_TILED_RESOURCES_NOT_SUPPORTED;
            d->MinMaxFiltering = device->vk->extensions[VK_EXT_INDEX_SAMPLER_FILTER_MINMAX] || f->v12.samplerFilterMinmax;
            d->ClearViewAlsoSupportsDepthOnlyFormats = TRUE;
            d->MapOnDefaultBuffers = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D9_SIMPLE_INSTANCING_SUPPORT:
        {
            D3D11_FEATURE_DATA_D3D9_SIMPLE_INSTANCING_SUPPORT *d = data;
            CHECK_SIZE(*d);
            d->SimpleInstancingSupported = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_MARKER_SUPPORT:
        {
            D3D11_FEATURE_DATA_MARKER_SUPPORT *d = data;
            CHECK_SIZE(*d);
            d->Profile = FALSE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D9_OPTIONS1:
        {
            D3D11_FEATURE_DATA_D3D9_OPTIONS1 *d = data;
            CHECK_SIZE(*d);
            d->FullNonPow2TextureSupported = TRUE;
            d->DepthAsTextureWithLessEqualComparisonFilterSupported = TRUE;
            d->SimpleInstancingSupported = TRUE;
            d->TextureCubeFaceRenderTargetWithNonCubeDepthStencilSupported = TRUE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS2:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS2 *d = data;
            CHECK_SIZE(*d);
            d->PSSpecifiedStencilRefSupported = FALSE;
            d->TypedUAVLoadAdditionalFormats = f->core.features.shaderStorageImageReadWithoutFormat;
            d->ROVsSupported = FALSE;
            d->ConservativeRasterizationTier = D3D11_CONSERVATIVE_RASTERIZATION_NOT_SUPPORTED;
            d->TiledResourcesTier = D3D11_TILED_RESOURCES_NOT_SUPPORTED;
            d->MapOnDefaultTextures = FALSE;
            d->StandardSwizzle = FALSE;
            d->UnifiedMemoryArchitecture = unified;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS3:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS3 *d = data;
            CHECK_SIZE(*d);
            d->VPAndRTArrayIndexFromAnyShaderFeedingRasterizer = f->v12.shaderOutputViewportIndex && f->v12.shaderOutputLayer;
            return S_OK;
        }
        case D3D11_FEATURE_GPU_VIRTUAL_ADDRESS_SUPPORT:
        {
            D3D11_FEATURE_DATA_GPU_VIRTUAL_ADDRESS_SUPPORT *d = data;
            CHECK_SIZE(*d);
            d->MaxGPUVirtualAddressBitsPerResource = 40;
            d->MaxGPUVirtualAddressBitsPerProcess = 40;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS4:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS4 *d = data;
            CHECK_SIZE(*d);
            d->ExtendedNV12SharedTextureSupported = FALSE;
            return S_OK;
        }
        case D3D11_FEATURE_SHADER_CACHE:
        {
            D3D11_FEATURE_DATA_SHADER_CACHE *d = data;
            CHECK_SIZE(*d);
            d->SupportFlags = D3D11_SHADER_CACHE_SUPPORT_NONE;
            return S_OK;
        }
        case D3D11_FEATURE_D3D11_OPTIONS5:
        {
            D3D11_FEATURE_DATA_D3D11_OPTIONS5 *d = data;
            CHECK_SIZE(*d);
            d->SharedResourceTier = D3D11_SHARED_RESOURCE_TIER_0;
            return S_OK;
        }
        default:
            LOG_WARN("Unknown feature %#x.", feature);
            return E_INVALIDARG;
    }
}

#undef CHECK_SIZE

static void STDMETHODCALLTYPE d3d11_device_GetResourceTiling(ID3D11Device5 *iface, ID3D11Resource *resource,
        UINT *tile_count, D3D11_PACKED_MIP_DESC *mip_desc, D3D11_TILE_SHAPE *tile_shape,
        UINT *subresource_tiling_count, UINT first_subresource, D3D11_SUBRESOURCE_TILING *tilings)
{
    /* No tiled resources: nothing is tiled. */
    if (tile_count)
        *tile_count = 0;
    if (mip_desc)
        memset(mip_desc, 0, sizeof(*mip_desc));
    if (tile_shape)
        memset(tile_shape, 0, sizeof(*tile_shape));
    if (subresource_tiling_count)
        *subresource_tiling_count = 0;
}

static HRESULT STDMETHODCALLTYPE d3d11_device_RegisterDeviceRemovedEvent(ID3D11Device5 *iface, HANDLE event, DWORD *cookie)
{
    if (!event || !cookie)
        return E_INVALIDARG;
    /* The event fires on device removal, which this device reports through
     * GetDeviceRemovedReason; registration itself always succeeds. */
    *cookie = 1;
    FIXME("Device removal events are not signalled yet.");
    return S_OK;
}

static void STDMETHODCALLTYPE d3d11_device_UnregisterDeviceRemoved(ID3D11Device5 *iface, DWORD cookie)
{
}

static const ID3D11Device5Vtbl d3d11_device_vtbl =
{
    .QueryInterface = d3d11_device_QueryInterface,
    .AddRef = d3d11_device_AddRef,
    .Release = d3d11_device_Release,
    .CreateBuffer = d3d11_device_CreateBuffer,
    .CreateTexture1D = d3d11_device_CreateTexture1D,
    .CreateTexture2D = d3d11_device_CreateTexture2D,
    .CreateTexture3D = d3d11_device_CreateTexture3D,
    .CreateShaderResourceView = d3d11_device_CreateShaderResourceView,
    .CreateUnorderedAccessView = d3d11_device_CreateUnorderedAccessView,
    .CreateRenderTargetView = d3d11_device_CreateRenderTargetView,
    .CreateDepthStencilView = d3d11_device_CreateDepthStencilView,
    .CreateInputLayout = d3d11_device_CreateInputLayout,
    .CreateVertexShader = d3d11_device_CreateVertexShader,
    .CreateGeometryShader = d3d11_device_CreateGeometryShader,
    .CreateGeometryShaderWithStreamOutput = d3d11_device_CreateGeometryShaderWithStreamOutput,
    .CreatePixelShader = d3d11_device_CreatePixelShader,
    .CreateHullShader = d3d11_device_CreateHullShader,
    .CreateDomainShader = d3d11_device_CreateDomainShader,
    .CreateComputeShader = d3d11_device_CreateComputeShader,
    .CreateClassLinkage = d3d11_device_CreateClassLinkage,
    .CreateBlendState = d3d11_device_CreateBlendState,
    .CreateDepthStencilState = d3d11_device_CreateDepthStencilState,
    .CreateRasterizerState = d3d11_device_CreateRasterizerState,
    .CreateSamplerState = d3d11_device_CreateSamplerState,
    .CreateQuery = d3d11_device_CreateQuery,
    .CreatePredicate = d3d11_device_CreatePredicate,
    .CreateCounter = d3d11_device_CreateCounter,
    .CreateDeferredContext = d3d11_device_CreateDeferredContext,
    .OpenSharedResource = d3d11_device_OpenSharedResource,
    .CheckFormatSupport = d3d11_device_CheckFormatSupport,
    .CheckMultisampleQualityLevels = d3d11_device_CheckMultisampleQualityLevels,
    .CheckCounterInfo = d3d11_device_CheckCounterInfo,
    .CheckCounter = d3d11_device_CheckCounter,
    .CheckFeatureSupport = d3d11_device_CheckFeatureSupport,
    .GetPrivateData = d3d11_device_GetPrivateData,
    .SetPrivateData = d3d11_device_SetPrivateData,
    .SetPrivateDataInterface = d3d11_device_SetPrivateDataInterface,
    .GetFeatureLevel = d3d11_device_GetFeatureLevel,
    .GetCreationFlags = d3d11_device_GetCreationFlags,
    .GetDeviceRemovedReason = d3d11_device_GetDeviceRemovedReason,
    .GetImmediateContext = d3d11_device_GetImmediateContext,
    .SetExceptionMode = d3d11_device_SetExceptionMode,
    .GetExceptionMode = d3d11_device_GetExceptionMode,
    .GetImmediateContext1 = d3d11_device_GetImmediateContext1,
    .CreateDeferredContext1 = d3d11_device_CreateDeferredContext1,
    .CreateBlendState1 = d3d11_device_CreateBlendState1,
    .CreateRasterizerState1 = d3d11_device_CreateRasterizerState1,
    .CreateDeviceContextState = d3d11_device_CreateDeviceContextState,
    .OpenSharedResource1 = d3d11_device_OpenSharedResource1,
    .OpenSharedResourceByName = d3d11_device_OpenSharedResourceByName,
    .GetImmediateContext2 = d3d11_device_GetImmediateContext2,
    .CreateDeferredContext2 = d3d11_device_CreateDeferredContext2,
    .GetResourceTiling = d3d11_device_GetResourceTiling,
    .CheckMultisampleQualityLevels1 = d3d11_device_CheckMultisampleQualityLevels1,
    .CreateTexture2D1 = d3d11_device_CreateTexture2D1,
    .CreateTexture3D1 = d3d11_device_CreateTexture3D1,
    .CreateRasterizerState2 = d3d11_device_CreateRasterizerState2,
    .CreateShaderResourceView1 = d3d11_device_CreateShaderResourceView1,
    .CreateUnorderedAccessView1 = d3d11_device_CreateUnorderedAccessView1,
    .CreateRenderTargetView1 = d3d11_device_CreateRenderTargetView1,
    .CreateQuery1 = d3d11_device_CreateQuery1,
    .GetImmediateContext3 = d3d11_device_GetImmediateContext3,
    .CreateDeferredContext3 = d3d11_device_CreateDeferredContext3,
    .WriteToSubresource = d3d11_device_WriteToSubresource,
    .ReadFromSubresource = d3d11_device_ReadFromSubresource,
    .RegisterDeviceRemovedEvent = d3d11_device_RegisterDeviceRemovedEvent,
    .UnregisterDeviceRemoved = d3d11_device_UnregisterDeviceRemoved,
    .OpenSharedFence = d3d11_device_OpenSharedFence,
    .CreateFence = d3d11_device_CreateFence,
};

/* IDXGIDevice4 ------------------------------------------------------------------------ */

static inline struct d3d11_device *impl_from_IDXGIDevice4(IDXGIDevice4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_device, IDXGIDevice4_iface);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_QueryInterface(IDXGIDevice4 *iface, REFIID riid, void **out)
{
    return d3d11_device_QueryInterface(&impl_from_IDXGIDevice4(iface)->ID3D11Device5_iface, riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_device_AddRef(IDXGIDevice4 *iface)
{
    return d3d11_device_AddRef(&impl_from_IDXGIDevice4(iface)->ID3D11Device5_iface);
}

static ULONG STDMETHODCALLTYPE dxgi_device_Release(IDXGIDevice4 *iface)
{
    return d3d11_device_Release(&impl_from_IDXGIDevice4(iface)->ID3D11Device5_iface);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_SetPrivateData(IDXGIDevice4 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIDevice4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_SetPrivateDataInterface(IDXGIDevice4 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIDevice4(iface)->obj.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_GetPrivateData(IDXGIDevice4 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIDevice4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_GetParent(IDXGIDevice4 *iface, REFIID riid, void **parent)
{
    if (!parent)
        return E_INVALIDARG;
    return IDXGIAdapter_QueryInterface(impl_from_IDXGIDevice4(iface)->adapter, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_GetAdapter(IDXGIDevice4 *iface, IDXGIAdapter **adapter)
{
    struct d3d11_device *device = impl_from_IDXGIDevice4(iface);

    if (!adapter)
        return E_INVALIDARG;
    IDXGIAdapter_AddRef(device->adapter);
    *adapter = device->adapter;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_CreateSurface(IDXGIDevice4 *iface, const DXGI_SURFACE_DESC *desc,
        UINT count, DXGI_USAGE usage, const DXGI_SHARED_RESOURCE *shared, IDXGISurface **surface)
{
    if (surface)
        *surface = NULL;
    FIXME("IDXGIDevice::CreateSurface is not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_QueryResourceResidency(IDXGIDevice4 *iface, IUnknown *const *resources,
        DXGI_RESIDENCY *status, UINT count)
{
    UINT i;

    if (!resources || !status)
        return E_INVALIDARG;
    /* Vulkan memory is resident while it exists. */
    for (i = 0; i < count; ++i)
        status[i] = DXGI_RESIDENCY_FULLY_RESIDENT;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_SetGPUThreadPriority(IDXGIDevice4 *iface, INT priority)
{
    if (priority < -7 || priority > 7)
        return E_INVALIDARG;
    impl_from_IDXGIDevice4(iface)->gpu_thread_priority = priority;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_GetGPUThreadPriority(IDXGIDevice4 *iface, INT *priority)
{
    if (!priority)
        return E_POINTER;
    *priority = impl_from_IDXGIDevice4(iface)->gpu_thread_priority;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_SetMaximumFrameLatency(IDXGIDevice4 *iface, UINT latency)
{
    /* DXGI: 0 restores the default of 3; the maximum is 16. */
    if (latency > 16)
        return DXGI_ERROR_INVALID_CALL;
    impl_from_IDXGIDevice4(iface)->max_frame_latency = latency ? latency : 3;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_GetMaximumFrameLatency(IDXGIDevice4 *iface, UINT *latency)
{
    if (!latency)
        return DXGI_ERROR_INVALID_CALL;
    *latency = impl_from_IDXGIDevice4(iface)->max_frame_latency;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_OfferResources(IDXGIDevice4 *iface, UINT count,
        IDXGIResource *const *resources, DXGI_OFFER_RESOURCE_PRIORITY priority)
{
    if (!count || !resources)
        return E_INVALIDARG;
    /* Offering is a hint; keeping the memory is a valid answer. */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_ReclaimResources(IDXGIDevice4 *iface, UINT count,
        IDXGIResource *const *resources, BOOL *discarded)
{
    UINT i;

    if (!count || !resources)
        return E_INVALIDARG;
    if (discarded)
        for (i = 0; i < count; ++i)
            discarded[i] = FALSE;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_device_EnqueueSetEvent(IDXGIDevice4 *iface, HANDLE event)
{
    if (!event)
        return E_INVALIDARG;
    /* No GPU work is queued by this device yet, so all of it is complete. */
#ifdef D3D11VK_NATIVE
    FIXME("Events are not available in the native build.");
    return E_NOTIMPL;
#else
    return SetEvent(event) ? S_OK : HRESULT_FROM_WIN32(GetLastError());
#endif
}

static void STDMETHODCALLTYPE dxgi_device_Trim(IDXGIDevice4 *iface)
{
}

static HRESULT STDMETHODCALLTYPE dxgi_device_OfferResources1(IDXGIDevice4 *iface, UINT count,
        IDXGIResource *const *resources, DXGI_OFFER_RESOURCE_PRIORITY priority, UINT flags)
{
    if (flags & ~DXGI_OFFER_RESOURCE_FLAG_ALLOW_DECOMMIT)
        return E_INVALIDARG;
    return dxgi_device_OfferResources(iface, count, resources, priority);
}

static HRESULT STDMETHODCALLTYPE dxgi_device_ReclaimResources1(IDXGIDevice4 *iface, UINT count,
        IDXGIResource *const *resources, DXGI_RECLAIM_RESOURCE_RESULTS *results)
{
    UINT i;

    if (!count || !resources)
        return E_INVALIDARG;
    if (results)
        for (i = 0; i < count; ++i)
            results[i] = DXGI_RECLAIM_RESOURCE_RESULT_OK;
    return S_OK;
}

static const IDXGIDevice4Vtbl dxgi_device_vtbl =
{
    .QueryInterface = dxgi_device_QueryInterface,
    .AddRef = dxgi_device_AddRef,
    .Release = dxgi_device_Release,
    .SetPrivateData = dxgi_device_SetPrivateData,
    .SetPrivateDataInterface = dxgi_device_SetPrivateDataInterface,
    .GetPrivateData = dxgi_device_GetPrivateData,
    .GetParent = dxgi_device_GetParent,
    .GetAdapter = dxgi_device_GetAdapter,
    .CreateSurface = dxgi_device_CreateSurface,
    .QueryResourceResidency = dxgi_device_QueryResourceResidency,
    .SetGPUThreadPriority = dxgi_device_SetGPUThreadPriority,
    .GetGPUThreadPriority = dxgi_device_GetGPUThreadPriority,
    .SetMaximumFrameLatency = dxgi_device_SetMaximumFrameLatency,
    .GetMaximumFrameLatency = dxgi_device_GetMaximumFrameLatency,
    .OfferResources = dxgi_device_OfferResources,
    .ReclaimResources = dxgi_device_ReclaimResources,
    .EnqueueSetEvent = dxgi_device_EnqueueSetEvent,
    .Trim = dxgi_device_Trim,
    .OfferResources1 = dxgi_device_OfferResources1,
    .ReclaimResources1 = dxgi_device_ReclaimResources1,
};

/* ID3D11Multithread / ID3D10Multithread: one recursive lock ---------------------------- */

static uint32_t current_thread_id(void)
{
#ifdef D3D11VK_NATIVE
    return (uint32_t)(uintptr_t)pthread_self() | 1;
#else
    return GetCurrentThreadId();
#endif
}

void d3d11_device_mt_enter(struct d3d11_device *device);
void d3d11_device_mt_leave(struct d3d11_device *device);

void d3d11_device_mt_enter(struct d3d11_device *device)
{
    uint32_t self = current_thread_id();

    plat_mutex_lock(&device->mt_lock);
    while (device->mt_depth && (uint32_t)device->mt_owner != self)
        plat_cond_wait(&device->mt_cond, &device->mt_lock);
    device->mt_owner = self;
    device->mt_depth++;
    plat_mutex_unlock(&device->mt_lock);
}

void d3d11_device_mt_leave(struct d3d11_device *device)
{
    plat_mutex_lock(&device->mt_lock);
    if (device->mt_depth && (uint32_t)device->mt_owner == current_thread_id() && !--device->mt_depth)
    {
        device->mt_owner = 0;
        plat_cond_signal(&device->mt_cond);
    }
    plat_mutex_unlock(&device->mt_lock);
}

#define DEFINE_MULTITHREAD(name, iface_type) \
static inline struct d3d11_device *impl_from_##iface_type(iface_type *iface) \
{ \
    return CONTAINING_RECORD(iface, struct d3d11_device, iface_type##_iface); \
} \
static HRESULT STDMETHODCALLTYPE name##_QueryInterface(iface_type *iface, REFIID riid, void **out) \
{ \
    return d3d11_device_QueryInterface(&impl_from_##iface_type(iface)->ID3D11Device5_iface, riid, out); \
} \
static ULONG STDMETHODCALLTYPE name##_AddRef(iface_type *iface) \
{ \
    return d3d11_device_AddRef(&impl_from_##iface_type(iface)->ID3D11Device5_iface); \
} \
static ULONG STDMETHODCALLTYPE name##_Release(iface_type *iface) \
{ \
    return d3d11_device_Release(&impl_from_##iface_type(iface)->ID3D11Device5_iface); \
} \
static void STDMETHODCALLTYPE name##_Enter(iface_type *iface) \
{ \
    d3d11_device_mt_enter(impl_from_##iface_type(iface)); \
} \
static void STDMETHODCALLTYPE name##_Leave(iface_type *iface) \
{ \
    d3d11_device_mt_leave(impl_from_##iface_type(iface)); \
} \
static BOOL STDMETHODCALLTYPE name##_SetMultithreadProtected(iface_type *iface, BOOL protect) \
{ \
    return __atomic_exchange_n(&impl_from_##iface_type(iface)->mt_protected, !!protect, __ATOMIC_SEQ_CST); \
} \
static BOOL STDMETHODCALLTYPE name##_GetMultithreadProtected(iface_type *iface) \
{ \
    return atomic_load_u32(&impl_from_##iface_type(iface)->mt_protected); \
} \
static const iface_type##Vtbl name##_vtbl = \
{ \
    name##_QueryInterface, name##_AddRef, name##_Release, name##_Enter, name##_Leave, \
    name##_SetMultithreadProtected, name##_GetMultithreadProtected, \
};

DEFINE_MULTITHREAD(d3d11_multithread, ID3D11Multithread)
DEFINE_MULTITHREAD(d3d10_multithread, ID3D10Multithread)

/* ID3D11VKDevice ----------------------------------------------------------------------- */

static inline struct d3d11_device *impl_from_ID3D11VKDevice(ID3D11VKDevice *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_device, ID3D11VKDevice_iface);
}

static HRESULT STDMETHODCALLTYPE vkdevice_QueryInterface(ID3D11VKDevice *iface, REFIID riid, void **out)
{
    return d3d11_device_QueryInterface(&impl_from_ID3D11VKDevice(iface)->ID3D11Device5_iface, riid, out);
}

static ULONG STDMETHODCALLTYPE vkdevice_AddRef(ID3D11VKDevice *iface)
{
    return d3d11_device_AddRef(&impl_from_ID3D11VKDevice(iface)->ID3D11Device5_iface);
}

static ULONG STDMETHODCALLTYPE vkdevice_Release(ID3D11VKDevice *iface)
{
    return d3d11_device_Release(&impl_from_ID3D11VKDevice(iface)->ID3D11Device5_iface);
}

static struct vk_device *STDMETHODCALLTYPE vkdevice_GetBackendDevice(ID3D11VKDevice *iface)
{
    return impl_from_ID3D11VKDevice(iface)->vk;
}

static UINT STDMETHODCALLTYPE vkdevice_GetValidationErrorCount(ID3D11VKDevice *iface)
{
    return atomic_load_u32(&impl_from_ID3D11VKDevice(iface)->vk_adapter->instance->validation_errors);
}

static struct vk_cs *STDMETHODCALLTYPE vkdevice_GetImmediateStream(ID3D11VKDevice *iface)
{
    struct d3d11_device *device = impl_from_ID3D11VKDevice(iface);
    return device->immediate ? device->immediate->cs : NULL;
}

static const ID3D11VKDeviceVtbl vkdevice_vtbl =
{
    vkdevice_QueryInterface,
    vkdevice_AddRef,
    vkdevice_Release,
    vkdevice_GetBackendDevice,
    vkdevice_GetValidationErrorCount,
    vkdevice_GetImmediateStream,
};

HRESULT d3d11_device_create(IDXGIAdapter *adapter, struct vk_adapter *vk_adapter, D3D_FEATURE_LEVEL level,
        UINT flags, struct d3d11_device **out)
{
    struct d3d11_device *device;
    VkResult vr;
    HRESULT hr;

    if (!(device = calloc(1, sizeof(*device))))
        return E_OUTOFMEMORY;
    device->ID3D11Device5_iface.lpVtbl = &d3d11_device_vtbl;
    device->IDXGIDevice4_iface.lpVtbl = &dxgi_device_vtbl;
    device->ID3D11Multithread_iface.lpVtbl = &d3d11_multithread_vtbl;
    device->ID3D10Multithread_iface.lpVtbl = &d3d10_multithread_vtbl;
    device->ID3D11VKDevice_iface.lpVtbl = &vkdevice_vtbl;
    device->obj.refcount = 1;
    d3d11vk_private_store_init(&device->obj.private_data);
    plat_mutex_init(&device->mt_lock);
    plat_mutex_init(&device->format_lock);
    plat_cond_init(&device->mt_cond);
    device->feature_level = level;
    device->flags = flags;
    device->max_frame_latency = 3;
    device->adapter = adapter;
    IDXGIAdapter_AddRef(adapter);
    device->vk_adapter = vk_adapter;

    if ((vr = vk_adapter_get_device(vk_adapter, &device->vk)) != VK_SUCCESS)
    {
        hr = vr == VK_ERROR_OUT_OF_HOST_MEMORY || vr == VK_ERROR_OUT_OF_DEVICE_MEMORY ? E_OUTOFMEMORY : DXGI_ERROR_UNSUPPORTED;
        goto fail;
    }
    if (FAILED(hr = d3d11_state_cache_create(&device->state_cache)))
    {
        vk_device_release(device->vk);
        goto fail;
    }
    if (FAILED(hr = d3d11_context_create(device, D3D11_DEVICE_CONTEXT_IMMEDIATE, 0, &device->immediate)))
    {
        d3d11_state_cache_release(device->state_cache);
        vk_device_release(device->vk);
        goto fail;
    }
    LOG_INFO("Created a feature level %#x device on %s.", level, vk_adapter->properties.properties.deviceName);
    *out = device;
    return S_OK;

fail:
    IDXGIAdapter_Release(adapter);
    d3d11vk_private_store_cleanup(&device->obj.private_data);
    plat_cond_destroy(&device->mt_cond);
    plat_mutex_destroy(&device->format_lock);
    plat_mutex_destroy(&device->mt_lock);
    free(device);
    return hr;
}
