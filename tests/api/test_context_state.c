/* test_context_state.c — the context's state methods: defaults, Set/Get round trips with
 * D3D11's refcount rules (binding keeps no public reference, Get adds one), ignored
 * out-of-range calls, ClearState, predication values, ID3DDeviceContextState swaps. */
#include "test.h"
#include "dxbc.h"

static ID3D11Device1 *device;
static ID3D11DeviceContext1 *context;

static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input v0.xyzw\n"
    "dcl_output_siv o0.xyzw, position\n"
    "mov o0.xyzw, v0.xyzw\n"
    "ret\n";

static const char ps_text[] =
    "ps_4_0\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, l(1.0, 0.0, 0.0, 1.0)\n"
    "ret\n";

static void *assemble(const char *text, size_t *size)
{
    char error[256];
    void *blob = NULL;

    ok(dxbc_assemble(text, &blob, size, error, sizeof(error)), "assembling: %s", error);
    return blob;
}

static ID3D11SamplerState *create_sampler(float bias)
{
    D3D11_SAMPLER_DESC desc;
    ID3D11SamplerState *s = NULL;

    memset(&desc, 0, sizeof(desc));
    desc.Filter = D3D11_FILTER_MIN_MAG_MIP_POINT;
    desc.AddressU = desc.AddressV = desc.AddressW = D3D11_TEXTURE_ADDRESS_WRAP;
    desc.MipLODBias = bias;
    desc.MaxLOD = D3D11_FLOAT32_MAX;
    ok(ID3D11Device1_CreateSamplerState(device, &desc, &s) == S_OK, "sampler");
    return s;
}

static void test_defaults(void)
{
    ID3D11BlendState *blend = (void *)1;
    ID3D11DepthStencilState *ds = (void *)1;
    ID3D11RasterizerState *rs = (void *)1;
    ID3D11SamplerState *samplers[16];
    ID3D11VertexShader *vs = (void *)1;
    ID3D11Buffer *buffers[2] = { (void *)1, (void *)1 };
    ID3D11Predicate *predicate = (void *)1;
    D3D11_PRIMITIVE_TOPOLOGY topology = 77;
    FLOAT factor[4] = { 0 };
    UINT mask = 0, ref = 9, count = 5, strides[2] = { 1, 1 }, i;
    BOOL value = TRUE;

    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_OMGetBlendState(context, &blend, factor, &mask);
    ok(!blend && factor[0] == 1.0f && factor[3] == 1.0f && mask == D3D11_DEFAULT_SAMPLE_MASK, "blend defaults");
    ID3D11DeviceContext1_OMGetDepthStencilState(context, &ds, &ref);
    ok(!ds && !ref, "depth-stencil defaults");
    ID3D11DeviceContext1_RSGetState(context, &rs);
    ok(!rs, "rasterizer default");
    ID3D11DeviceContext1_RSGetViewports(context, &count, NULL);
    ok(!count, "no viewports");
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_UNDEFINED, "topology %u", topology);
    ID3D11DeviceContext1_VSGetShader(context, &vs, NULL, NULL);
    ok(!vs, "no vertex shader");
    memset(samplers, 0x11, sizeof(samplers));
    ID3D11DeviceContext1_PSGetSamplers(context, 0, 16, samplers);
    for (i = 0; i < 16; ++i)
        ok(!samplers[i], "sampler %u", i);
    ID3D11DeviceContext1_IAGetVertexBuffers(context, 0, 2, buffers, strides, NULL);
    ok(!buffers[0] && !buffers[1] && !strides[0] && !strides[1], "vertex buffers");
    ID3D11DeviceContext1_GetPredication(context, &predicate, &value);
    ok(!predicate && !value, "predication");
}

static void test_shader_binding_refcounts(void)
{
    ID3D11VertexShader *vs, *got;
    ID3D11PixelShader *ps, *got_ps;
    size_t vs_size, ps_size;
    void *vs_code = assemble(vs_text, &vs_size), *ps_code = assemble(ps_text, &ps_size);

    if (!vs_code || !ps_code)
        return;
    ok(ID3D11Device1_CreateVertexShader(device, vs_code, vs_size, NULL, &vs) == S_OK, "vs");
    ok(ID3D11Device1_CreatePixelShader(device, ps_code, ps_size, NULL, &ps) == S_OK, "ps");
    ID3D11DeviceContext1_VSSetShader(context, vs, NULL, 0);
    ok(get_refcount(vs) == 1, "binding adds no public reference: %lu", (unsigned long)get_refcount(vs));
    ID3D11DeviceContext1_VSGetShader(context, &got, NULL, NULL);
    ok(got == vs && get_refcount(vs) == 2, "Get adds one: %lu", (unsigned long)get_refcount(vs));
    ID3D11VertexShader_Release(got);
    /* A pixel shader through VSSetShader is not a vertex shader: the call is ignored. */
    ID3D11DeviceContext1_VSSetShader(context, (ID3D11VertexShader *)ps, NULL, 0);
    ID3D11DeviceContext1_VSGetShader(context, &got, NULL, NULL);
    ok(got == vs, "wrong-stage shader ignored");
    if (got)
        ID3D11VertexShader_Release(got);
    /* The bound shader outlives its last public reference. */
    ok(ID3D11VertexShader_Release(vs) == 0, "public release");
    ID3D11DeviceContext1_VSGetShader(context, &got, NULL, NULL);
    ok(got == vs && get_refcount(got) == 1, "still bound after the last public release");
    ID3D11DeviceContext1_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_PSGetShader(context, &got_ps, NULL, NULL);
    ok(!got_ps, "ClearState unbinds");
    ID3D11VertexShader_Release(got);
    ok(ID3D11PixelShader_Release(ps) == 0, "ps released");
    dxbc_free(vs_code);
    dxbc_free(ps_code);
}

static void test_samplers(void)
{
    ID3D11SamplerState *a = create_sampler(1.0f), *b = create_sampler(2.0f), *got[4], *pair[2];
    unsigned int i;

    pair[0] = a;
    pair[1] = b;
    ID3D11DeviceContext1_CSSetSamplers(context, 14, 2, pair);
    ok(get_refcount(a) == 1 && get_refcount(b) == 1, "no public references taken");
    /* Out of range: 15 + 2 > 16, the whole call is ignored. */
    pair[0] = b;
    pair[1] = a;
    ID3D11DeviceContext1_CSSetSamplers(context, 15, 2, pair);
    memset(got, 0x11, sizeof(got));
    ID3D11DeviceContext1_CSGetSamplers(context, 13, 3, got);
    ok(!got[0] && got[1] == a && got[2] == b, "samplers %p %p %p", (void *)got[0], (void *)got[1], (void *)got[2]);
    for (i = 0; i < 3; ++i)
        if (got[i])
            ID3D11SamplerState_Release(got[i]);
    /* Other stages are separate. */
    ID3D11DeviceContext1_PSGetSamplers(context, 14, 1, got);
    ok(!got[0], "PS slot 14 empty");
    /* NULL entries unbind. */
    pair[0] = NULL;
    ID3D11DeviceContext1_CSSetSamplers(context, 14, 1, pair);
    ID3D11DeviceContext1_CSGetSamplers(context, 14, 1, got);
    ok(!got[0], "unbound");
    ID3D11DeviceContext1_ClearState(context);
    ok(ID3D11SamplerState_Release(a) == 0 && ID3D11SamplerState_Release(b) == 0, "released");
}

static void test_output_merger_states(void)
{
    D3D11_BLEND_DESC blend_desc;
    D3D11_DEPTH_STENCIL_DESC ds_desc;
    ID3D11BlendState *blend, *got_blend;
    ID3D11DepthStencilState *ds, *got_ds;
    static const FLOAT factor[4] = { 0.25f, 0.5f, 0.75f, 1.0f };
    FLOAT got_factor[4];
    UINT mask, ref;

    memset(&blend_desc, 0, sizeof(blend_desc));
    blend_desc.RenderTarget[0].BlendEnable = TRUE;
    blend_desc.RenderTarget[0].SrcBlend = blend_desc.RenderTarget[0].SrcBlendAlpha = D3D11_BLEND_BLEND_FACTOR;
    blend_desc.RenderTarget[0].DestBlend = blend_desc.RenderTarget[0].DestBlendAlpha = D3D11_BLEND_ZERO;
    blend_desc.RenderTarget[0].BlendOp = blend_desc.RenderTarget[0].BlendOpAlpha = D3D11_BLEND_OP_ADD;
    blend_desc.RenderTarget[0].RenderTargetWriteMask = 0xf;
    ok(ID3D11Device1_CreateBlendState(device, &blend_desc, &blend) == S_OK, "blend");
    memset(&ds_desc, 0, sizeof(ds_desc));
    ds_desc.StencilEnable = TRUE;
    ds_desc.StencilReadMask = ds_desc.StencilWriteMask = 0xff;
    ds_desc.FrontFace.StencilFailOp = ds_desc.FrontFace.StencilDepthFailOp = D3D11_STENCIL_OP_KEEP;
    ds_desc.FrontFace.StencilPassOp = D3D11_STENCIL_OP_REPLACE;
    ds_desc.FrontFace.StencilFunc = D3D11_COMPARISON_ALWAYS;
    ds_desc.BackFace = ds_desc.FrontFace;
    ok(ID3D11Device1_CreateDepthStencilState(device, &ds_desc, &ds) == S_OK, "depth-stencil");

    ID3D11DeviceContext1_OMSetBlendState(context, blend, factor, 0x5);
    ID3D11DeviceContext1_OMGetBlendState(context, &got_blend, got_factor, &mask);
    ok(got_blend == blend && !memcmp(got_factor, factor, sizeof(factor)) && mask == 0x5, "blend state round trip");
    ok(get_refcount(blend) == 2, "one public reference from Get");
    ID3D11BlendState_Release(got_blend);
    /* A NULL factor means 1.0 for each component. */
    ID3D11DeviceContext1_OMSetBlendState(context, NULL, NULL, 0xffffffff);
    ID3D11DeviceContext1_OMGetBlendState(context, &got_blend, got_factor, &mask);
    ok(!got_blend && got_factor[0] == 1.0f && got_factor[1] == 1.0f && mask == 0xffffffff, "NULL blend state");

    ID3D11DeviceContext1_OMSetDepthStencilState(context, ds, 0x42);
    ID3D11DeviceContext1_OMGetDepthStencilState(context, &got_ds, &ref);
    ok(got_ds == ds && ref == 0x42, "depth-stencil round trip");
    ID3D11DepthStencilState_Release(got_ds);
    ID3D11DeviceContext1_OMGetDepthStencilState(context, NULL, &ref);
    ok(ref == 0x42, "stencil ref alone");
    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_OMGetDepthStencilState(context, &got_ds, &ref);
    ok(!got_ds && !ref, "cleared");
    ok(ID3D11BlendState_Release(blend) == 0 && ID3D11DepthStencilState_Release(ds) == 0, "released");
}

static void test_rasterizer(void)
{
    D3D11_VIEWPORT vps[3] = { { 0, 0, 64, 32, 0, 1 }, { 8, 8, 16, 16, 0.25f, 0.75f }, { 0 } }, got[4];
    D3D11_RECT rects[2] = { { 1, 2, 3, 4 }, { 5, 6, 7, 8 } }, got_rects[3];
    D3D11_VIEWPORT many[17];
    D3D11_RASTERIZER_DESC desc;
    ID3D11RasterizerState *rs, *got_rs;
    UINT count;

    memset(&desc, 0, sizeof(desc));
    desc.FillMode = D3D11_FILL_SOLID;
    desc.CullMode = D3D11_CULL_FRONT;
    ok(ID3D11Device1_CreateRasterizerState(device, &desc, &rs) == S_OK, "rasterizer state");
    ID3D11DeviceContext1_RSSetState(context, rs);
    ID3D11DeviceContext1_RSGetState(context, &got_rs);
    ok(got_rs == rs, "RSGetState");
    ID3D11RasterizerState_Release(got_rs);

    ID3D11DeviceContext1_RSSetViewports(context, 2, vps);
    count = 0;
    ID3D11DeviceContext1_RSGetViewports(context, &count, NULL);
    ok(count == 2, "viewport count %u", count);
    count = 4;
    memset(got, 0x55, sizeof(got));
    ID3D11DeviceContext1_RSGetViewports(context, &count, got);
    ok(!memcmp(got, vps, 2 * sizeof(*vps)), "viewports");
    ok(!memcmp(&got[2], &vps[2], sizeof(vps[2])) && !memcmp(&got[3], &vps[2], sizeof(vps[2])), "the rest is zeroed");
    /* 17 viewports is too many: ignored. */
    memset(many, 0, sizeof(many));
    ID3D11DeviceContext1_RSSetViewports(context, 17, many);
    ID3D11DeviceContext1_RSGetViewports(context, &count, NULL);
    ok(count == 2, "17 viewports ignored (%u)", count);

    ID3D11DeviceContext1_RSSetScissorRects(context, 2, rects);
    count = 3;
    memset(got_rects, 0x55, sizeof(got_rects));
    ID3D11DeviceContext1_RSGetScissorRects(context, &count, got_rects);
    ok(!memcmp(got_rects, rects, sizeof(rects)) && !got_rects[2].right, "scissors");
    ID3D11DeviceContext1_RSSetScissorRects(context, 0, NULL);
    ID3D11DeviceContext1_RSGetScissorRects(context, &count, NULL);
    ok(!count, "scissors cleared by a zero count");

    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_RSGetState(context, &got_rs);
    ID3D11DeviceContext1_RSGetViewports(context, &count, NULL);
    ok(!got_rs && !count, "cleared");
    ok(ID3D11RasterizerState_Release(rs) == 0, "released");
}

static void test_input_assembler(void)
{
    D3D11_INPUT_ELEMENT_DESC element = { "POSITION", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 };
    ID3D11InputLayout *layout, *got;
    D3D11_PRIMITIVE_TOPOLOGY topology;
    ID3D11Buffer *ib = (void *)1;
    DXGI_FORMAT format = 1;
    UINT offset = 1;
    size_t size;
    void *code = assemble(vs_text, &size);

    ok(ID3D11Device1_CreateInputLayout(device, &element, 1, code, size, &layout) == S_OK, "layout");
    ID3D11DeviceContext1_IASetInputLayout(context, layout);
    ok(get_refcount(layout) == 1, "no public reference");
    ID3D11DeviceContext1_IAGetInputLayout(context, &got);
    ok(got == layout, "IAGetInputLayout");
    ID3D11InputLayout_Release(got);

    ID3D11DeviceContext1_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST_ADJ);
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST_ADJ, "adjacency topology");
    ID3D11DeviceContext1_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST);
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST, "patch topology");
    ID3D11DeviceContext1_IASetPrimitiveTopology(context, (D3D11_PRIMITIVE_TOPOLOGY)6);
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST, "invalid topology 6 ignored");
    ID3D11DeviceContext1_IASetPrimitiveTopology(context, (D3D11_PRIMITIVE_TOPOLOGY)65);
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_32_CONTROL_POINT_PATCHLIST, "invalid topology 65 ignored");

    ID3D11DeviceContext1_IAGetIndexBuffer(context, &ib, &format, &offset);
    ok(!ib && format == DXGI_FORMAT_UNKNOWN && !offset, "no index buffer");
    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_IAGetInputLayout(context, &got);
    ID3D11DeviceContext1_IAGetPrimitiveTopology(context, &topology);
    ok(!got && topology == D3D11_PRIMITIVE_TOPOLOGY_UNDEFINED, "cleared");
    ok(ID3D11InputLayout_Release(layout) == 0, "released");
    dxbc_free(code);
}

static void test_predication(void)
{
    ID3D11Predicate *predicate = (void *)1;
    BOOL value = FALSE;

    ID3D11DeviceContext1_SetPredication(context, NULL, TRUE);
    ID3D11DeviceContext1_GetPredication(context, &predicate, &value);
    ok(!predicate && value == TRUE, "predicate value kept");
    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_GetPredication(context, NULL, &value);
    ok(!value, "cleared");
}

static void test_constant_buffer_slots(void)
{
    ID3D11Buffer *got[3] = { (void *)1, (void *)1, (void *)1 };
    UINT first[3] = { 7, 7, 7 }, num[3] = { 7, 7, 7 };

    /* Empty slots read back as NULL with zero ranges; slots past 13 too. */
    ID3D11DeviceContext1_VSGetConstantBuffers1(context, 12, 3, got, first, num);
    ok(!got[0] && !got[1] && !got[2] && !first[0] && !num[2], "empty constant buffer slots");
}

static ID3D11Buffer *create_buffer(UINT size, UINT bind, UINT misc)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_DEFAULT, bind, 0, misc, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr = ID3D11Device1_CreateBuffer(device, &desc, NULL, &buffer);

    ok(hr == S_OK, "CreateBuffer(bind %#x): %#lx", bind, (unsigned long)hr);
    return buffer;
}

static void test_buffer_bindings(void)
{
    ID3D11Buffer *cb = create_buffer(65536, D3D11_BIND_CONSTANT_BUFFER, 0), *got[2];
    ID3D11Buffer *vb = create_buffer(256, D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_INDEX_BUFFER, 0);
    UINT first[2], num[2], stride, offset, strides[2] = { 16, 32 }, offsets[2] = { 4, 8 };
    UINT f16 = 16, n32 = 32, f8 = 8, n4112 = 4112;
    ID3D11Buffer *vbs[2];
    DXGI_FORMAT format;

    if (!cb || !vb)
        return;
    ID3D11DeviceContext1_VSSetConstantBuffers1(context, 2, 1, &cb, &f16, &n32);
    ok(get_refcount(cb) == 1, "binding adds no public reference");
    ID3D11DeviceContext1_VSGetConstantBuffers1(context, 2, 1, got, first, num);
    ok(got[0] == cb && first[0] == 16 && num[0] == 32, "range %u+%u", first[0], num[0]);
    ok(get_refcount(cb) == 2, "Get adds one");
    if (got[0])
        ID3D11Buffer_Release(got[0]);
    /* Offsets and sizes must be multiples of 16 constants, sizes at most 4096: else ignored. */
    ID3D11DeviceContext1_VSSetConstantBuffers1(context, 2, 1, &cb, &f8, &n32);
    ID3D11DeviceContext1_VSGetConstantBuffers1(context, 2, 1, NULL, first, num);
    ok(first[0] == 16 && num[0] == 32, "first 8 ignored (%u+%u)", first[0], num[0]);
    ID3D11DeviceContext1_VSSetConstantBuffers1(context, 2, 1, &cb, &f16, &n4112);
    ID3D11DeviceContext1_VSGetConstantBuffers1(context, 2, 1, NULL, first, num);
    ok(first[0] == 16 && num[0] == 32, "4112 constants ignored (%u+%u)", first[0], num[0]);
    /* The legacy method binds from the start. */
    ID3D11DeviceContext1_VSSetConstantBuffers(context, 2, 1, &cb);
    ID3D11DeviceContext1_VSGetConstantBuffers1(context, 2, 1, NULL, first, num);
    ok(first[0] == 0 && num[0] == 4096, "legacy binding %u+%u", first[0], num[0]);
    /* 14 slots: 13 + 2 is out of range and ignored. */
    got[0] = got[1] = cb;
    ID3D11DeviceContext1_PSSetConstantBuffers(context, 13, 2, got);
    ID3D11DeviceContext1_PSGetConstantBuffers(context, 13, 1, got);
    ok(!got[0], "slots 13+2 ignored");

    vbs[0] = vbs[1] = vb;
    ID3D11DeviceContext1_IASetVertexBuffers(context, 30, 2, vbs, strides, offsets);
    ID3D11DeviceContext1_IAGetVertexBuffers(context, 31, 1, got, &stride, &offset);
    ok(got[0] == vb && stride == 32 && offset == 8, "vertex buffer 31: stride %u offset %u", stride, offset);
    if (got[0])
        ID3D11Buffer_Release(got[0]);
    vbs[0] = vbs[1] = NULL;
    ID3D11DeviceContext1_IASetVertexBuffers(context, 31, 2, vbs, strides, offsets);
    ID3D11DeviceContext1_IAGetVertexBuffers(context, 31, 1, got, NULL, NULL);
    ok(got[0] == vb, "slots 31+2 ignored");
    if (got[0])
        ID3D11Buffer_Release(got[0]);

    ID3D11DeviceContext1_IASetIndexBuffer(context, vb, DXGI_FORMAT_R16_UINT, 6);
    ID3D11DeviceContext1_IASetIndexBuffer(context, vb, DXGI_FORMAT_R8_UINT, 2);
    ID3D11DeviceContext1_IAGetIndexBuffer(context, got, &format, &offset);
    ok(got[0] == vb && format == DXGI_FORMAT_R16_UINT && offset == 6, "index buffer (R8_UINT ignored)");
    if (got[0])
        ID3D11Buffer_Release(got[0]);
    ok(get_refcount(vb) == 1, "public refcount unchanged by bindings");

    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_VSGetConstantBuffers(context, 2, 1, got);
    ok(!got[0], "ClearState unbinds constant buffers");
    ID3D11DeviceContext1_IAGetIndexBuffer(context, got, &format, &offset);
    ok(!got[0] && format == DXGI_FORMAT_UNKNOWN && !offset, "ClearState unbinds the index buffer");
    ok(ID3D11Buffer_Release(cb) == 0 && ID3D11Buffer_Release(vb) == 0, "released");
}

static ID3D11Texture2D *create_texture(UINT mips, UINT bind)
{
    D3D11_TEXTURE2D_DESC desc = { 8, 8, mips, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT, bind, 0, 0 };
    ID3D11Texture2D *texture = NULL;
    HRESULT hr = ID3D11Device1_CreateTexture2D(device, &desc, NULL, &texture);

    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    return texture;
}

static ID3D11ShaderResourceView *create_srv(ID3D11Resource *r, UINT mip, UINT mips)
{
    D3D11_SHADER_RESOURCE_VIEW_DESC desc;
    ID3D11ShaderResourceView *view = NULL;

    memset(&desc, 0, sizeof(desc));
    desc.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    desc.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
    desc.Texture2D.MostDetailedMip = mip;
    desc.Texture2D.MipLevels = mips;
    ok(ID3D11Device1_CreateShaderResourceView(device, r, &desc, &view) == S_OK, "SRV");
    return view;
}

static ID3D11RenderTargetView *create_rtv(ID3D11Resource *r, UINT mip)
{
    D3D11_RENDER_TARGET_VIEW_DESC desc;
    ID3D11RenderTargetView *view = NULL;

    memset(&desc, 0, sizeof(desc));
    desc.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    desc.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2D;
    desc.Texture2D.MipSlice = mip;
    ok(ID3D11Device1_CreateRenderTargetView(device, r, &desc, &view) == S_OK, "RTV");
    return view;
}

/* D3D11: binding a subresource for writing unbinds it from every reading slot; binding for
 * reading what is bound for writing binds NULL. Subresources count, not whole resources. */
static void test_hazards(void)
{
    ID3D11Texture2D *texture = create_texture(2, D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET);
    ID3D11ShaderResourceView *srv_all, *srv_mip1, *got[2];
    ID3D11RenderTargetView *rtv0, *rtv1, *got_rtv[2];
    ID3D11UnorderedAccessView *uav, *got_uav;
    D3D11_UNORDERED_ACCESS_VIEW_DESC uav_desc;
    ID3D11Buffer *buffer, *so_buffer, *got_buffer;
    UINT stride = 4, offset = 0;

    if (!texture)
        return;
    srv_all = create_srv((ID3D11Resource *)texture, 0, 2);
    srv_mip1 = create_srv((ID3D11Resource *)texture, 1, 1);
    rtv0 = create_rtv((ID3D11Resource *)texture, 0);
    rtv1 = create_rtv((ID3D11Resource *)texture, 1);
    if (!srv_all || !srv_mip1 || !rtv0 || !rtv1)
        return;

    ID3D11DeviceContext1_PSSetShaderResources(context, 0, 1, &srv_all);
    ID3D11DeviceContext1_VSSetShaderResources(context, 5, 1, &srv_mip1);
    ID3D11DeviceContext1_OMSetRenderTargets(context, 1, &rtv0, NULL);
    ID3D11DeviceContext1_PSGetShaderResources(context, 0, 1, got);
    ok(!got[0], "an SRV overlapping the new RTV is unbound");
    ID3D11DeviceContext1_VSGetShaderResources(context, 5, 1, got);
    ok(got[0] == srv_mip1, "an SRV of another mip stays bound");
    if (got[0])
        ID3D11ShaderResourceView_Release(got[0]);
    /* Binding an SRV of the render target binds NULL. */
    ID3D11DeviceContext1_CSSetShaderResources(context, 1, 1, &srv_all);
    ID3D11DeviceContext1_CSGetShaderResources(context, 1, 1, got);
    ok(!got[0], "an SRV of a bound render target is not bound");
    ID3D11DeviceContext1_OMGetRenderTargets(context, 2, got_rtv, NULL);
    ok(got_rtv[0] == rtv0 && !got_rtv[1], "render targets");
    if (got_rtv[0])
        ID3D11RenderTargetView_Release(got_rtv[0]);
    /* Now mip 1 becomes a render target: the VS SRV of mip 1 goes. */
    ID3D11DeviceContext1_OMSetRenderTargets(context, 1, &rtv1, NULL);
    ID3D11DeviceContext1_VSGetShaderResources(context, 5, 1, got);
    ok(!got[0], "the mip-1 SRV is unbound by the mip-1 RTV");
    ID3D11DeviceContext1_PSSetShaderResources(context, 0, 1, &srv_all);
    ID3D11DeviceContext1_PSGetShaderResources(context, 0, 1, got);
    ok(!got[0], "an SRV of all mips overlaps the RTV of mip 1");
    ID3D11DeviceContext1_OMSetRenderTargets(context, 0, NULL, NULL);
    ID3D11DeviceContext1_PSSetShaderResources(context, 0, 1, &srv_all);
    ID3D11DeviceContext1_PSGetShaderResources(context, 0, 1, got);
    ok(got[0] == srv_all, "bound once the render target is gone");
    if (got[0])
        ID3D11ShaderResourceView_Release(got[0]);

    /* A buffer bound as a vertex buffer, then as a compute UAV. */
    buffer = create_buffer(256, D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_UNORDERED_ACCESS, 0);
    memset(&uav_desc, 0, sizeof(uav_desc));
    uav_desc.Format = DXGI_FORMAT_R32_UINT;
    uav_desc.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    uav_desc.Buffer.NumElements = 64;
    uav = NULL;
    if (buffer)
        ok(ID3D11Device1_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &uav_desc, &uav) == S_OK, "UAV");
    if (uav)
    {
        ID3D11DeviceContext1_IASetVertexBuffers(context, 3, 1, &buffer, &stride, &offset);
        ID3D11DeviceContext1_CSSetUnorderedAccessViews(context, 2, 1, &uav, NULL);
        ID3D11DeviceContext1_IAGetVertexBuffers(context, 3, 1, &got_buffer, NULL, NULL);
        ok(!got_buffer, "the vertex buffer is unbound by the UAV");
        ID3D11DeviceContext1_IASetVertexBuffers(context, 3, 1, &buffer, &stride, &offset);
        ID3D11DeviceContext1_IAGetVertexBuffers(context, 3, 1, &got_buffer, NULL, NULL);
        ok(!got_buffer, "a buffer bound as a UAV is not bound as a vertex buffer");
        ID3D11DeviceContext1_CSGetUnorderedAccessViews(context, 2, 1, &got_uav);
        ok(got_uav == uav, "CSGetUnorderedAccessViews");
        if (got_uav)
            ID3D11UnorderedAccessView_Release(got_uav);
        /* Pixel-shader UAVs: slots below the render-target count are refused. */
        ID3D11DeviceContext1_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &rtv0, NULL, 0, 1, &uav, NULL);
        ID3D11DeviceContext1_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, got_rtv, NULL, 0, 1, &got_uav);
        ok(!got_rtv[0] && !got_uav, "UAV start slot below the RTV count: ignored");
        ID3D11DeviceContext1_OMSetRenderTargetsAndUnorderedAccessViews(context, 1, &rtv0, NULL, 1, 1, &uav, NULL);
        ID3D11DeviceContext1_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, got_rtv, NULL, 1, 1, &got_uav);
        ok(got_rtv[0] == rtv0 && got_uav == uav, "RTV 0 and UAV 1");
        if (got_rtv[0])
            ID3D11RenderTargetView_Release(got_rtv[0]);
        if (got_uav)
            ID3D11UnorderedAccessView_Release(got_uav);
        /* Keep the render targets, replace the UAVs: the set is replaced as a whole. */
        ID3D11DeviceContext1_OMSetRenderTargetsAndUnorderedAccessViews(context,
                D3D11_KEEP_RENDER_TARGETS_AND_DEPTH_STENCIL, NULL, NULL, 2, 1, &uav, NULL);
        ID3D11DeviceContext1_OMGetRenderTargets(context, 1, got_rtv, NULL);
        ok(got_rtv[0] == rtv0, "render targets kept");
        if (got_rtv[0])
            ID3D11RenderTargetView_Release(got_rtv[0]);
        {
            ID3D11UnorderedAccessView *pair[2];
            ID3D11DeviceContext1_OMGetRenderTargetsAndUnorderedAccessViews(context, 0, NULL, NULL, 1, 2, pair);
            ok(!pair[0] && pair[1] == uav, "UAV slot 1 cleared, slot 2 bound");
            if (pair[1])
                ID3D11UnorderedAccessView_Release(pair[1]);
        }
        /* Keep the UAVs, replace the render targets. */
        ID3D11DeviceContext1_OMSetRenderTargetsAndUnorderedAccessViews(context, 0, NULL, NULL, 0,
                D3D11_KEEP_UNORDERED_ACCESS_VIEWS, NULL, NULL);
        ID3D11DeviceContext1_OMGetRenderTargetsAndUnorderedAccessViews(context, 1, got_rtv, NULL, 2, 1, &got_uav);
        ok(!got_rtv[0] && got_uav == uav, "UAVs kept");
        if (got_uav)
            ID3D11UnorderedAccessView_Release(got_uav);
        ID3D11UnorderedAccessView_Release(uav);
    }
    if (buffer)
        ID3D11Buffer_Release(buffer);

    /* Stream output targets unbind vertex buffers and refuse them. */
    so_buffer = create_buffer(256, D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_STREAM_OUTPUT, 0);
    if (so_buffer)
    {
        ID3D11DeviceContext1_IASetVertexBuffers(context, 0, 1, &so_buffer, &stride, &offset);
        ID3D11DeviceContext1_SOSetTargets(context, 1, &so_buffer, &offset);
        ID3D11DeviceContext1_IAGetVertexBuffers(context, 0, 1, &got_buffer, NULL, NULL);
        ok(!got_buffer, "the vertex buffer is unbound by the stream-output target");
        ID3D11DeviceContext1_SOGetTargets(context, 1, &got_buffer);
        ok(got_buffer == so_buffer, "SOGetTargets");
        if (got_buffer)
            ID3D11Buffer_Release(got_buffer);
        ID3D11DeviceContext1_SOSetTargets(context, 0, NULL, NULL);
        ID3D11DeviceContext1_SOGetTargets(context, 1, &got_buffer);
        ok(!got_buffer, "SOSetTargets(0) unbinds");
        ok(ID3D11Buffer_Release(so_buffer) == 0, "so buffer released");
    }

    ID3D11DeviceContext1_ClearState(context);
    ID3D11DeviceContext1_OMGetRenderTargets(context, 1, got_rtv, NULL);
    ok(!got_rtv[0], "ClearState unbinds render targets");
    ID3D11ShaderResourceView_Release(srv_all);
    ID3D11ShaderResourceView_Release(srv_mip1);
    ID3D11RenderTargetView_Release(rtv0);
    ID3D11RenderTargetView_Release(rtv1);
    ok(ID3D11Texture2D_Release(texture) == 0, "texture released");
}

/* A deferred context has its own state: nothing crosses to the immediate context. */
static void test_deferred_state(void)
{
    ID3D11SamplerState *sampler = create_sampler(5.0f), *got;
    ID3D11DeviceContext *deferred;
    D3D11_PRIMITIVE_TOPOLOGY topology;
    HRESULT hr;

    hr = ID3D11Device1_CreateDeferredContext(device, 0, &deferred);
    ok(hr == S_OK, "CreateDeferredContext %#lx", (unsigned long)hr);
    if (FAILED(hr))
    {
        ID3D11SamplerState_Release(sampler);
        return;
    }
    ID3D11DeviceContext_DSSetSamplers(deferred, 7, 1, &sampler);
    ID3D11DeviceContext_IASetPrimitiveTopology(deferred, D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP);
    ID3D11DeviceContext1_DSGetSamplers(context, 7, 1, &got);
    ok(!got, "the immediate context does not see the deferred binding");
    ID3D11DeviceContext_DSGetSamplers(deferred, 7, 1, &got);
    ok(got == sampler, "the deferred context keeps its binding");
    if (got)
        ID3D11SamplerState_Release(got);
    ID3D11DeviceContext_IAGetPrimitiveTopology(deferred, &topology);
    ok(topology == D3D11_PRIMITIVE_TOPOLOGY_LINESTRIP, "deferred topology");
    ID3D11DeviceContext_ClearState(deferred);
    ID3D11DeviceContext_DSGetSamplers(deferred, 7, 1, &got);
    ok(!got, "deferred ClearState");
    ID3D11DeviceContext_DSSetSamplers(deferred, 7, 1, &sampler);
    /* Releasing the context drops its bindings. */
    ok(ID3D11DeviceContext_Release(deferred) == 0, "deferred context released");
    ok(ID3D11SamplerState_Release(sampler) == 0, "sampler released");
}

static void test_device_context_state(void)
{
    static const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_0 };
    ID3DDeviceContextState *state, *previous, *back;
    ID3D11SamplerState *sampler = create_sampler(3.0f), *got;
    D3D_FEATURE_LEVEL chosen = 0;
    HRESULT hr;

    hr = ID3D11Device1_CreateDeviceContextState(device, 0, levels, 1, D3D11_SDK_VERSION, &IID_ID3D11Device1,
            &chosen, &state);
    ok(hr == S_OK && chosen == D3D_FEATURE_LEVEL_11_0, "CreateDeviceContextState %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ok(vtable_complete(state, sizeof(ID3DDeviceContextStateVtbl)), "context state vtable");
    hr = ID3D11Device1_CreateDeviceContextState(device, 0, NULL, 0, D3D11_SDK_VERSION, &IID_ID3D11Device1,
            &chosen, &back);
    ok(hr == E_INVALIDARG, "no feature levels: %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateDeviceContextState(device, 0, levels, 1, D3D11_SDK_VERSION, &IID_IUnknown,
            &chosen, &back);
    ok(hr == E_INVALIDARG, "IUnknown is no device interface: %#lx", (unsigned long)hr);
    hr = ID3D11Device1_CreateDeviceContextState(device, 0x100, levels, 1, D3D11_SDK_VERSION, &IID_ID3D11Device1,
            &chosen, &back);
    ok(hr == E_INVALIDARG, "unknown flag: %#lx", (unsigned long)hr);

    ID3D11DeviceContext1_PSSetSamplers(context, 3, 1, &sampler);
    ID3D11DeviceContext1_SwapDeviceContextState(context, state, &previous);
    ok(previous != NULL && previous != state, "previous state object %p", (void *)previous);
    ID3D11DeviceContext1_PSGetSamplers(context, 3, 1, &got);
    ok(!got, "the new state object starts empty");
    ID3D11DeviceContext1_SwapDeviceContextState(context, previous, &back);
    ok(back == state, "swapping back returns the object swapped in");
    ID3D11DeviceContext1_PSGetSamplers(context, 3, 1, &got);
    ok(got == sampler, "the saved state comes back");
    if (got)
        ID3D11SamplerState_Release(got);
    if (back)
        ID3DDeviceContextState_Release(back);
    if (previous)
        ID3DDeviceContextState_Release(previous);
    ID3D11DeviceContext1_ClearState(context);
    ok(ID3DDeviceContextState_Release(state) == 0, "state object released");
    ok(ID3D11SamplerState_Release(sampler) == 0, "sampler released");
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
    if (FAILED(hr))
        return test_finish();
    ID3D11Device1_GetImmediateContext1(device, &context);
    run_test(test_defaults);
    run_test(test_shader_binding_refcounts);
    run_test(test_samplers);
    run_test(test_output_merger_states);
    run_test(test_rasterizer);
    run_test(test_input_assembler);
    run_test(test_predication);
    run_test(test_constant_buffer_slots);
    run_test(test_buffer_bindings);
    run_test(test_hazards);
    run_test(test_deferred_state);
    run_test(test_device_context_state);
    ID3D11DeviceContext1_Release(context);
    ok(ID3D11Device1_Release(device) == 0, "device leaked");
    return test_finish();
}
