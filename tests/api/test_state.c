/* test_state.c — blend, depth-stencil, rasterizer and sampler state objects: validation
 * (every rejected description creates nothing), deduplication, descriptions, refcounts and
 * the 4096-unique-objects limit. */
#include "test.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device1 *device;

static void default_blend(D3D11_BLEND_DESC1 *desc)
{
    unsigned int i;

    memset(desc, 0, sizeof(*desc));
    for (i = 0; i < 8; ++i)
    {
        desc->RenderTarget[i].SrcBlend = desc->RenderTarget[i].SrcBlendAlpha = D3D11_BLEND_ONE;
        desc->RenderTarget[i].DestBlend = desc->RenderTarget[i].DestBlendAlpha = D3D11_BLEND_ZERO;
        desc->RenderTarget[i].BlendOp = desc->RenderTarget[i].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        desc->RenderTarget[i].LogicOp = D3D11_LOGIC_OP_NOOP;
        desc->RenderTarget[i].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
    }
}

static void check_blend_invalid(const D3D11_BLEND_DESC1 *desc, const char *what)
{
    ID3D11BlendState1 *state = (void *)0xdeadbeef;
    HRESULT hr = ID3D11Device1_CreateBlendState1(device, desc, &state);
    ok(hr == E_INVALIDARG, "%s: hr %#lx", what, (unsigned long)hr);
    ok(!state, "%s: object %p", what, (void *)state);
}

static void test_blend_state(void)
{
    ID3D11BlendState *a, *legacy;
    ID3D11BlendState1 *s1, *s2;
    D3D11_BLEND_DESC legacy_desc;
    D3D11_BLEND_DESC1 desc, out;
    ULONG device_refs;
    unsigned int i;
    HRESULT hr;

    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].SrcBlend = D3D11_BLEND_SRC_ALPHA;
    desc.RenderTarget[0].DestBlend = D3D11_BLEND_INV_SRC_ALPHA;
    device_refs = get_refcount(device);
    hr = ID3D11Device1_CreateBlendState1(device, &desc, &s1);
    ok(hr == S_OK, "CreateBlendState1 %#lx", (unsigned long)hr);
    ok(get_refcount(device) == device_refs + 1, "a state holds a device reference");
    ok(vtable_complete(s1, sizeof(ID3D11BlendState1Vtbl)), "blend state vtable");
    hr = ID3D11Device1_CreateBlendState1(device, &desc, &s2);
    ok(hr == S_OK && s1 == s2, "equal descriptions give the same object (%p, %p)", (void *)s1, (void *)s2);
    ok(get_refcount(s1) == 2, "refcount %lu", (unsigned long)get_refcount(s1));
    ok(get_refcount(device) == device_refs + 1, "one device reference per object");
    /* Independent blend off: every render target reports RT0's description. */
    ID3D11BlendState1_GetDesc1(s1, &out);
    for (i = 1; i < 8; ++i)
        ok(!memcmp(&out.RenderTarget[i], &out.RenderTarget[0], sizeof(out.RenderTarget[0])), "RT%u differs from RT0", i);
    ok(out.RenderTarget[0].SrcBlend == D3D11_BLEND_SRC_ALPHA && out.RenderTarget[0].BlendEnable, "GetDesc1");
    hr = ID3D11BlendState1_QueryInterface(s1, &IID_ID3D11BlendState, (void **)&a);
    ok(hr == S_OK && (void *)a == (void *)s1, "QI ID3D11BlendState");
    ID3D11BlendState_Release(a);
    ok(ID3D11BlendState1_QueryInterface(s1, &IID_ID3D11DepthStencilState, (void **)&a) == E_NOINTERFACE, "QI DS");

    /* The legacy entry point finds the same object. */
    memset(&legacy_desc, 0, sizeof(legacy_desc));
    for (i = 0; i < 8; ++i)
    {
        legacy_desc.RenderTarget[i].SrcBlend = legacy_desc.RenderTarget[i].SrcBlendAlpha = D3D11_BLEND_ONE;
        legacy_desc.RenderTarget[i].DestBlend = legacy_desc.RenderTarget[i].DestBlendAlpha = D3D11_BLEND_ZERO;
        legacy_desc.RenderTarget[i].BlendOp = legacy_desc.RenderTarget[i].BlendOpAlpha = D3D11_BLEND_OP_ADD;
        legacy_desc.RenderTarget[i].RenderTargetWriteMask = D3D11_COLOR_WRITE_ENABLE_ALL;
    }
    legacy_desc.RenderTarget[0].BlendEnable = TRUE;
    legacy_desc.RenderTarget[0].SrcBlend = D3D11_BLEND_SRC_ALPHA;
    legacy_desc.RenderTarget[0].DestBlend = D3D11_BLEND_INV_SRC_ALPHA;
    hr = ID3D11Device1_CreateBlendState(device, &legacy_desc, &legacy);
    ok(hr == S_OK && (void *)legacy == (void *)s1, "CreateBlendState dedups with CreateBlendState1");
    ID3D11BlendState_Release(legacy);
    ID3D11BlendState1_Release(s2);
    ok(ID3D11BlendState1_Release(s1) == 0, "last release");
    ok(get_refcount(device) == device_refs, "device reference dropped");

    /* Disabled blending ignores the equation: such states are equal. */
    default_blend(&desc);
    hr = ID3D11Device1_CreateBlendState1(device, &desc, &s1);
    desc.RenderTarget[0].SrcBlend = D3D11_BLEND_SRC_COLOR;
    hr |= ID3D11Device1_CreateBlendState1(device, &desc, &s2);
    ok(hr == S_OK && s1 == s2, "disabled blend factors do not matter");
    ID3D11BlendState1_Release(s1);
    ID3D11BlendState1_Release(s2);

    /* A NULL out pointer validates only. */
    default_blend(&desc);
    hr = ID3D11Device1_CreateBlendState1(device, &desc, NULL);
    ok(hr == S_FALSE, "validation only: %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateBlendState1(device, NULL, &s1);
    ok(hr == E_INVALIDARG && !s1, "NULL desc %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateBlendState(device, NULL, &a);
    ok(hr == E_INVALIDARG && !a, "NULL legacy desc %#lx", (unsigned long)hr);

    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_SRC_COLOR;
    check_blend_invalid(&desc, "colour factor in the alpha equation");
    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_INV_DEST_COLOR;
    check_blend_invalid(&desc, "INV_DEST_COLOR in the alpha equation");
    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].SrcBlend = (D3D11_BLEND)12;
    check_blend_invalid(&desc, "blend factor 12");
    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].BlendOp = (D3D11_BLEND_OP)0;
    check_blend_invalid(&desc, "blend op 0");
    default_blend(&desc);
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].BlendOpAlpha = (D3D11_BLEND_OP)6;
    check_blend_invalid(&desc, "blend op 6");
    default_blend(&desc);
    desc.RenderTarget[0].RenderTargetWriteMask = 0x10;
    check_blend_invalid(&desc, "write mask 0x10");
    /* With independent blend, every target is checked. */
    default_blend(&desc);
    desc.IndependentBlendEnable = TRUE;
    desc.RenderTarget[5].BlendEnable = TRUE;
    desc.RenderTarget[5].DestBlend = (D3D11_BLEND)0;
    check_blend_invalid(&desc, "RT5 factor 0");
    /* Logic ops exclude blending and independent blend. */
    default_blend(&desc);
    desc.RenderTarget[0].LogicOpEnable = TRUE;
    desc.RenderTarget[0].BlendEnable = TRUE;
    desc.RenderTarget[0].LogicOp = D3D11_LOGIC_OP_XOR;
    check_blend_invalid(&desc, "logic op with blending");
    default_blend(&desc);
    desc.IndependentBlendEnable = TRUE;
    desc.RenderTarget[0].LogicOpEnable = TRUE;
    desc.RenderTarget[0].LogicOp = D3D11_LOGIC_OP_XOR;
    check_blend_invalid(&desc, "logic op with independent blend");
    default_blend(&desc);
    desc.RenderTarget[0].LogicOpEnable = TRUE;
    desc.RenderTarget[0].LogicOp = (D3D11_LOGIC_OP)16;
    check_blend_invalid(&desc, "logic op 16");
    if (ID3D11Device1_GetFeatureLevel(device) >= D3D_FEATURE_LEVEL_11_1)
    {
        default_blend(&desc);
        desc.RenderTarget[0].LogicOpEnable = TRUE;
        desc.RenderTarget[0].LogicOp = D3D11_LOGIC_OP_XOR;
        hr = ID3D11Device1_CreateBlendState1(device, &desc, &s1);
        ok(hr == S_OK, "logic op XOR: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11BlendState1_GetDesc1(s1, &out);
            ok(out.RenderTarget[0].LogicOpEnable && out.RenderTarget[0].LogicOp == D3D11_LOGIC_OP_XOR, "logic op desc");
            ID3D11BlendState1_Release(s1);
        }
    }
    ok(get_refcount(device) == device_refs, "failed creations hold nothing");
}

static void default_ds(D3D11_DEPTH_STENCIL_DESC *desc)
{
    memset(desc, 0, sizeof(*desc));
    desc->DepthEnable = TRUE;
    desc->DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ALL;
    desc->DepthFunc = D3D11_COMPARISON_LESS;
    desc->StencilReadMask = desc->StencilWriteMask = 0xff;
    desc->FrontFace.StencilFailOp = desc->FrontFace.StencilDepthFailOp = desc->FrontFace.StencilPassOp = D3D11_STENCIL_OP_KEEP;
    desc->FrontFace.StencilFunc = D3D11_COMPARISON_ALWAYS;
    desc->BackFace = desc->FrontFace;
}

static void check_ds_invalid(const D3D11_DEPTH_STENCIL_DESC *desc, const char *what)
{
    ID3D11DepthStencilState *state = (void *)0xdeadbeef;
    HRESULT hr = ID3D11Device1_CreateDepthStencilState(device, desc, &state);
    ok(hr == E_INVALIDARG && !state, "%s: hr %#lx", what, (unsigned long)hr);
}

static void test_depth_stencil_state(void)
{
    ID3D11DepthStencilState *a, *b;
    D3D11_DEPTH_STENCIL_DESC desc, out;
    HRESULT hr;

    default_ds(&desc);
    desc.DepthFunc = D3D11_COMPARISON_GREATER_EQUAL;
    hr = ID3D11Device1_CreateDepthStencilState(device, &desc, &a);
    ok(hr == S_OK, "create %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateDepthStencilState(device, &desc, &b);
    ok(hr == S_OK && a == b, "dedup");
    ok(vtable_complete(a, sizeof(ID3D11DepthStencilStateVtbl)), "depth-stencil vtable");
    ID3D11DepthStencilState_GetDesc(a, &out);
    ok(out.DepthFunc == D3D11_COMPARISON_GREATER_EQUAL && out.DepthEnable && out.DepthWriteMask == D3D11_DEPTH_WRITE_MASK_ALL,
            "GetDesc");
    ID3D11DepthStencilState_Release(b);
    ID3D11DepthStencilState_Release(a);

    /* Zeroed description: depth and stencil off, nothing else matters. */
    memset(&desc, 0, sizeof(desc));
    hr = ID3D11Device1_CreateDepthStencilState(device, &desc, &a);
    ok(hr == S_OK, "zeroed desc %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11DepthStencilState_Release(a);
    ok(ID3D11Device1_CreateDepthStencilState(device, &desc, NULL) == S_FALSE, "validation only");

    default_ds(&desc);
    desc.DepthFunc = (D3D11_COMPARISON_FUNC)0;
    check_ds_invalid(&desc, "depth func 0");
    default_ds(&desc);
    desc.DepthFunc = (D3D11_COMPARISON_FUNC)9;
    check_ds_invalid(&desc, "depth func 9");
    default_ds(&desc);
    desc.DepthWriteMask = (D3D11_DEPTH_WRITE_MASK)2;
    check_ds_invalid(&desc, "write mask 2");
    default_ds(&desc);
    desc.StencilEnable = TRUE;
    desc.FrontFace.StencilPassOp = (D3D11_STENCIL_OP)9;
    check_ds_invalid(&desc, "stencil op 9");
    default_ds(&desc);
    desc.StencilEnable = TRUE;
    desc.BackFace.StencilFunc = (D3D11_COMPARISON_FUNC)0;
    check_ds_invalid(&desc, "stencil func 0");
    check_ds_invalid(NULL, "NULL desc");
}

static void default_rs(D3D11_RASTERIZER_DESC2 *desc)
{
    memset(desc, 0, sizeof(*desc));
    desc->FillMode = D3D11_FILL_SOLID;
    desc->CullMode = D3D11_CULL_BACK;
    desc->DepthClipEnable = TRUE;
}

static void check_rs_invalid(const D3D11_RASTERIZER_DESC2 *desc, const char *what)
{
    ID3D11RasterizerState2 *state = (void *)0xdeadbeef;
    ID3D11Device3 *device3;
    HRESULT hr;

    if (FAILED(ID3D11Device1_QueryInterface(device, &IID_ID3D11Device3, (void **)&device3)))
        return;
    hr = ID3D11Device3_CreateRasterizerState2(device3, desc, &state);
    ok(hr == E_INVALIDARG && !state, "%s: hr %#lx", what, (unsigned long)hr);
    ID3D11Device3_Release(device3);
}

static void test_rasterizer_state(void)
{
    ID3D11RasterizerState *a, *b;
    ID3D11RasterizerState1 *r1;
    D3D11_RASTERIZER_DESC desc;
    D3D11_RASTERIZER_DESC2 desc2, out2;
    ID3D11RasterizerState2 *r2;
    ID3D11Device3 *device3;
    HRESULT hr;

    memset(&desc, 0, sizeof(desc));
    desc.FillMode = D3D11_FILL_WIREFRAME;
    desc.CullMode = D3D11_CULL_NONE;
    desc.DepthBias = 7;
    desc.SlopeScaledDepthBias = 0.5f;
    desc.DepthClipEnable = TRUE;
    hr = ID3D11Device1_CreateRasterizerState(device, &desc, &a);
    ok(hr == S_OK, "create %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateRasterizerState(device, &desc, &b);
    ok(hr == S_OK && a == b, "dedup");
    ok(vtable_complete(a, sizeof(ID3D11RasterizerState2Vtbl)), "rasterizer vtable");
    hr = ID3D11RasterizerState_QueryInterface(a, &IID_ID3D11RasterizerState1, (void **)&r1);
    ok(hr == S_OK, "QI RasterizerState1");
    if (SUCCEEDED(hr))
        ID3D11RasterizerState1_Release(r1);
    hr = ID3D11Device1_QueryInterface(device, &IID_ID3D11Device3, (void **)&device3);
    ok(hr == S_OK, "QI Device3");
    if (SUCCEEDED(hr))
    {
        default_rs(&desc2);
        desc2.FillMode = D3D11_FILL_WIREFRAME;
        desc2.CullMode = D3D11_CULL_NONE;
        desc2.DepthBias = 7;
        desc2.SlopeScaledDepthBias = 0.5f;
        hr = ID3D11Device3_CreateRasterizerState2(device3, &desc2, &r2);
        ok(hr == S_OK && (void *)r2 == (void *)a, "RasterizerState2 dedups with the legacy state");
        ID3D11RasterizerState2_GetDesc2(r2, &out2);
        ok(out2.DepthBias == 7 && out2.SlopeScaledDepthBias == 0.5f && out2.FillMode == D3D11_FILL_WIREFRAME
                && !out2.ForcedSampleCount && out2.ConservativeRaster == D3D11_CONSERVATIVE_RASTERIZATION_MODE_OFF, "GetDesc2");
        ID3D11RasterizerState2_Release(r2);
        ID3D11Device3_Release(device3);
    }
    ID3D11RasterizerState_Release(b);
    ID3D11RasterizerState_Release(a);

    default_rs(&desc2);
    desc2.FillMode = (D3D11_FILL_MODE)1;
    check_rs_invalid(&desc2, "fill mode 1");
    default_rs(&desc2);
    desc2.CullMode = (D3D11_CULL_MODE)0;
    check_rs_invalid(&desc2, "cull mode 0");
    default_rs(&desc2);
    desc2.CullMode = (D3D11_CULL_MODE)4;
    check_rs_invalid(&desc2, "cull mode 4");
    default_rs(&desc2);
    desc2.ForcedSampleCount = 3;
    check_rs_invalid(&desc2, "forced sample count 3");
    default_rs(&desc2);
    desc2.ConservativeRaster = (D3D11_CONSERVATIVE_RASTERIZATION_MODE)2;
    check_rs_invalid(&desc2, "conservative mode 2");
    hr = ID3D11Device1_CreateRasterizerState(device, NULL, &a);
    ok(hr == E_INVALIDARG && !a, "NULL desc");
}

static void default_sampler(D3D11_SAMPLER_DESC *desc)
{
    memset(desc, 0, sizeof(*desc));
    desc->Filter = D3D11_FILTER_MIN_MAG_MIP_LINEAR;
    desc->AddressU = desc->AddressV = desc->AddressW = D3D11_TEXTURE_ADDRESS_CLAMP;
    desc->MaxAnisotropy = 1;
    desc->ComparisonFunc = D3D11_COMPARISON_NEVER;
    desc->MaxLOD = D3D11_FLOAT32_MAX;
}

static void check_sampler_invalid(const D3D11_SAMPLER_DESC *desc, const char *what)
{
    ID3D11SamplerState *state = (void *)0xdeadbeef;
    HRESULT hr = ID3D11Device1_CreateSamplerState(device, desc, &state);
    ok(hr == E_INVALIDARG && !state, "%s: hr %#lx", what, (unsigned long)hr);
}

static void test_sampler_state(void)
{
    static const D3D11_FILTER valid[] =
    {
        D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_FILTER_MIN_MAG_POINT_MIP_LINEAR, D3D11_FILTER_MIN_LINEAR_MAG_MIP_POINT,
        D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_FILTER_ANISOTROPIC, D3D11_FILTER_COMPARISON_MIN_MAG_MIP_LINEAR,
        D3D11_FILTER_COMPARISON_ANISOTROPIC, D3D11_FILTER_COMPARISON_MIN_MAG_MIP_POINT,
    };
    D3D11_SAMPLER_DESC desc, out;
    ID3D11SamplerState *a, *b;
    unsigned int i;
    HRESULT hr;

    default_sampler(&desc);
    desc.BorderColor[0] = 0.25f;
    desc.AddressU = D3D11_TEXTURE_ADDRESS_BORDER;
    desc.MipLODBias = -2.5f;
    hr = ID3D11Device1_CreateSamplerState(device, &desc, &a);
    ok(hr == S_OK, "create %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateSamplerState(device, &desc, &b);
    ok(hr == S_OK && a == b, "dedup");
    ok(vtable_complete(a, sizeof(ID3D11SamplerStateVtbl)), "sampler vtable");
    ID3D11SamplerState_GetDesc(a, &out);
    ok(!memcmp(&out, &desc, sizeof(desc)), "GetDesc returns the description");
    ID3D11SamplerState_Release(b);
    ID3D11SamplerState_Release(a);

    for (i = 0; i < ARRAY_SIZE(valid); ++i)
    {
        default_sampler(&desc);
        desc.Filter = valid[i];
        desc.MaxAnisotropy = 16;
        desc.ComparisonFunc = D3D11_COMPARISON_LESS_EQUAL;
        hr = ID3D11Device1_CreateSamplerState(device, &desc, &a);
        ok(hr == S_OK, "filter %#x: %#lx", valid[i], (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11SamplerState_Release(a);
    }
    /* A zeroed description with a plain filter: comparison func and anisotropy are unused. */
    default_sampler(&desc);
    desc.MaxAnisotropy = 0;
    desc.ComparisonFunc = (D3D11_COMPARISON_FUNC)0;
    ok(ID3D11Device1_CreateSamplerState(device, &desc, NULL) == S_FALSE, "unused fields are not checked");

    default_sampler(&desc);
    desc.Filter = (D3D11_FILTER)0x2;
    check_sampler_invalid(&desc, "filter 0x2");
    default_sampler(&desc);
    desc.Filter = (D3D11_FILTER)0x41;
    check_sampler_invalid(&desc, "anisotropic without linear");
    default_sampler(&desc);
    desc.Filter = (D3D11_FILTER)0x200;
    check_sampler_invalid(&desc, "filter 0x200");
    default_sampler(&desc);
    desc.AddressU = (D3D11_TEXTURE_ADDRESS_MODE)0;
    check_sampler_invalid(&desc, "address 0");
    default_sampler(&desc);
    desc.AddressW = (D3D11_TEXTURE_ADDRESS_MODE)6;
    check_sampler_invalid(&desc, "address 6");
    default_sampler(&desc);
    desc.MaxAnisotropy = 17;
    check_sampler_invalid(&desc, "anisotropy 17");
    default_sampler(&desc);
    desc.MipLODBias = 16.0f;
    check_sampler_invalid(&desc, "LOD bias 16");
    default_sampler(&desc);
    desc.MipLODBias = -16.5f;
    check_sampler_invalid(&desc, "LOD bias -16.5");
    default_sampler(&desc);
    desc.MinLOD = 3.0f;
    desc.MaxLOD = 2.0f;
    check_sampler_invalid(&desc, "MinLOD > MaxLOD");
    default_sampler(&desc);
    desc.Filter = D3D11_FILTER_COMPARISON_MIN_MAG_MIP_POINT;
    desc.ComparisonFunc = (D3D11_COMPARISON_FUNC)0;
    check_sampler_invalid(&desc, "comparison func 0");
    check_sampler_invalid(NULL, "NULL desc");
}

/* D3D11: 4096 unique objects of a kind; the next one fails with the documented code, and
 * releasing one makes room again. */
static void test_unique_limit(void)
{
    ID3D11RasterizerState **states;
    ID3D11RasterizerState *extra, *again;
    D3D11_RASTERIZER_DESC desc;
    unsigned int i, created = 0;
    HRESULT hr = S_OK;

    if (!(states = calloc(4096, sizeof(*states))))
        return;
    memset(&desc, 0, sizeof(desc));
    desc.FillMode = D3D11_FILL_SOLID;
    desc.CullMode = D3D11_CULL_BACK;
    for (i = 0; i < 4096; ++i)
    {
        desc.DepthBias = 100000 + i;
        if (FAILED(hr = ID3D11Device1_CreateRasterizerState(device, &desc, &states[i])))
            break;
        ++created;
    }
    ok(created == 4096, "created %u unique states (hr %#lx)", created, (unsigned long)hr);
    desc.DepthBias = 100000 + 4096;
    hr = ID3D11Device1_CreateRasterizerState(device, &desc, &extra);
    ok(hr == D3D11_ERROR_TOO_MANY_UNIQUE_STATE_OBJECTS && !extra, "4097th: %#lx", (unsigned long)hr);
    desc.DepthBias = 100000;
    hr = ID3D11Device1_CreateRasterizerState(device, &desc, &again);
    ok(hr == S_OK && again == states[0], "an existing description still dedups at the limit");
    if (SUCCEEDED(hr))
        ID3D11RasterizerState_Release(again);
    ID3D11RasterizerState_Release(states[4095]);
    desc.DepthBias = 100000 + 4096;
    hr = ID3D11Device1_CreateRasterizerState(device, &desc, &extra);
    ok(hr == S_OK, "room after a release: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11RasterizerState_Release(extra);
    for (i = 0; i < created && i < 4095; ++i)
        ID3D11RasterizerState_Release(states[i]);
    free(states);
}

/* A state whose last public reference is gone while it is bound is still the same object
 * for the next equal description. */
static void test_dedup_bound_state(void)
{
    ID3D11DeviceContext *context;
    ID3D11DepthStencilState *a, *b, *got;
    D3D11_DEPTH_STENCIL_DESC desc;
    UINT ref;

    default_ds(&desc);
    desc.DepthFunc = D3D11_COMPARISON_NOT_EQUAL;
    ID3D11Device1_GetImmediateContext(device, &context);
    ok(ID3D11Device1_CreateDepthStencilState(device, &desc, &a) == S_OK, "create");
    ID3D11DeviceContext_OMSetDepthStencilState(context, a, 3);
    ok(get_refcount(a) == 1, "binding keeps the public refcount: %lu", (unsigned long)get_refcount(a));
    ok(ID3D11DepthStencilState_Release(a) == 0, "public release to 0");
    ok(ID3D11Device1_CreateDepthStencilState(device, &desc, &b) == S_OK && b == a, "the bound object is found again");
    ok(get_refcount(b) == 1, "refcount %lu", (unsigned long)get_refcount(b));
    ID3D11DeviceContext_OMGetDepthStencilState(context, &got, &ref);
    ok(got == b && ref == 3, "bound state %p ref %u", (void *)got, ref);
    ID3D11DepthStencilState_Release(got);
    ID3D11DeviceContext_ClearState(context);
    ID3D11DepthStencilState_Release(b);
    ID3D11DeviceContext_Release(context);
}

int main(void)
{
    ID3D11Device *d;
    HRESULT hr;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &d, NULL, NULL);
    ok(hr == S_OK, "D3D11CreateDevice %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    hr = ID3D11Device_QueryInterface(d, &IID_ID3D11Device1, (void **)&device);
    ID3D11Device_Release(d);
    ok(hr == S_OK, "ID3D11Device1");
    if (FAILED(hr))
        return test_finish();
    run_test(test_blend_state);
    run_test(test_depth_stencil_state);
    run_test(test_rasterizer_state);
    run_test(test_sampler_state);
    run_test(test_unique_limit);
    run_test(test_dedup_bound_state);
    ok(ID3D11Device1_Release(device) == 0, "device leaked");
    return test_finish();
}
