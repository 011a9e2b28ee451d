/* test_shader.c — shader objects (every stage, wrong stage, malformed bytecode), stream
 * output declarations, input layouts against the vertex shader's signature, class linkage. */
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device *device;

struct blob
{
    void *data;
    size_t size;
};

static struct blob vs_blob, ps_blob, gs_blob, cs_blob, hs_blob, ds_blob;

static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig input 2 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xy TEXCOORD 0 NONE float -\n"
    "dcl_input v0.xyzw\n"
    "dcl_input v1.xy\n"
    "dcl_input_sgv v2.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xy\n"
    "mov o0.xyzw, v0.xyzw\n"
    "mov o1.xy, v1.xyxx\n"
    "ret\n";

static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, l(1.0, 0.0, 0.0, 1.0)\n"
    "ret\n";

static const char gs_text[] =
    "gs_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw TEXCOORD 0 NONE float -\n"
    "dcl_input_siv v[3][0].xyzw, position\n"
    "dcl_inputprimitive triangle\n"
    "dcl_outputtopology trianglestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "dcl_maxout 3\n"
    "mov o0.xyzw, v[0][0].xyzw\n"
    "mov o1.xyzw, v[0][0].xyzw\n"
    "emit\n"
    "ret\n";

static const char cs_text[] =
    "cs_5_0\n"
    "dcl_thread_group 4, 1, 1\n"
    "ret\n";

static bool assemble(const char *text, struct blob *blob)
{
    char error[256];
    bool ret = dxbc_assemble(text, &blob->data, &blob->size, error, sizeof(error));
    ok(ret, "assembling: %s", ret ? "" : error);
    return ret;
}

static bool load_corpus(const char *name, struct blob *blob)
{
    const char *dir = getenv("D3D11VK_TESTDATA");
    char path[1024];
    FILE *f;
    long n;

    blob->data = NULL;
    ok(dir != NULL, "D3D11VK_TESTDATA is set");
    if (!dir)
        return false;
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "rb");
    ok(f != NULL, "opening %s", path);
    if (!f)
        return false;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    blob->data = malloc(n);
    blob->size = fread(blob->data, 1, n, f);
    fclose(f);
    ok(blob->size == (size_t)n && n > 0, "reading %s", name);
    return blob->size == (size_t)n;
}

/* Creates a shader of `stage` (0 vs .. 5 cs, dxbc order) through the matching method. */
static HRESULT create_stage(unsigned int stage, const void *code, SIZE_T size, IUnknown **out)
{
    switch (stage)
    {
        case 0: return ID3D11Device_CreateVertexShader(device, code, size, NULL, (ID3D11VertexShader **)out);
        case 1: return ID3D11Device_CreateHullShader(device, code, size, NULL, (ID3D11HullShader **)out);
        case 2: return ID3D11Device_CreateDomainShader(device, code, size, NULL, (ID3D11DomainShader **)out);
        case 3: return ID3D11Device_CreateGeometryShader(device, code, size, NULL, (ID3D11GeometryShader **)out);
        case 4: return ID3D11Device_CreatePixelShader(device, code, size, NULL, (ID3D11PixelShader **)out);
        default: return ID3D11Device_CreateComputeShader(device, code, size, NULL, (ID3D11ComputeShader **)out);
    }
}

static void test_create_shaders(void)
{
    static const GUID *const iids[] = { &IID_ID3D11VertexShader, &IID_ID3D11HullShader, &IID_ID3D11DomainShader,
            &IID_ID3D11GeometryShader, &IID_ID3D11PixelShader, &IID_ID3D11ComputeShader };
    const struct blob *blobs[] = { &vs_blob, &hs_blob, &ds_blob, &gs_blob, &ps_blob, &cs_blob };
    unsigned int stage, other;
    ULONG device_refs = get_refcount(device);
    unsigned char garbage[256];
    IUnknown *shader, *face;
    HRESULT hr;

    for (stage = 0; stage < 6; ++stage)
    {
        if (!blobs[stage]->data)
            continue;
        hr = create_stage(stage, blobs[stage]->data, blobs[stage]->size, &shader);
        ok(hr == S_OK, "stage %u: %#lx", stage, (unsigned long)hr);
        if (FAILED(hr))
            continue;
        ok(get_refcount(device) == device_refs + 1, "stage %u holds the device", stage);
        ok(vtable_complete(shader, sizeof(ID3D11DeviceChildVtbl)), "stage %u vtable", stage);
        for (other = 0; other < 6; ++other)
        {
            hr = IUnknown_QueryInterface(shader, iids[other], (void **)&face);
            ok(other == stage ? hr == S_OK : hr == E_NOINTERFACE, "stage %u QI of stage %u: %#lx", stage, other,
                    (unsigned long)hr);
            if (SUCCEEDED(hr))
                IUnknown_Release(face);
        }
        hr = IUnknown_QueryInterface(shader, &IID_ID3D11DeviceChild, (void **)&face);
        ok(hr == S_OK && face == shader, "QI DeviceChild");
        if (SUCCEEDED(hr))
            IUnknown_Release(face);
        ok(IUnknown_Release(shader) == 0, "release");
        ok(get_refcount(device) == device_refs, "device reference dropped");

        /* The same bytecode through every other stage's method: E_INVALIDARG, nothing created. */
        for (other = 0; other < 6; ++other)
        {
            if (other == stage)
                continue;
            shader = (IUnknown *)0xdeadbeef;
            hr = create_stage(other, blobs[stage]->data, blobs[stage]->size, &shader);
            ok(hr == E_INVALIDARG && !shader, "stage %u bytecode as stage %u: %#lx", stage, other, (unsigned long)hr);
        }
        /* Truncated bytecode. */
        shader = (IUnknown *)0xdeadbeef;
        hr = create_stage(stage, blobs[stage]->data, blobs[stage]->size - 1, &shader);
        ok(hr == E_INVALIDARG && !shader, "stage %u truncated: %#lx", stage, (unsigned long)hr);
        /* Validation only. */
        hr = create_stage(stage, blobs[stage]->data, blobs[stage]->size, NULL);
        ok(hr == S_FALSE, "stage %u NULL out: %#lx", stage, (unsigned long)hr);
    }
    ok(get_refcount(device) == device_refs, "no objects leaked");

    /* Malformed containers. */
    memset(garbage, 0x5a, sizeof(garbage));
    hr = ID3D11Device_CreateVertexShader(device, garbage, sizeof(garbage), NULL, (ID3D11VertexShader **)&shader);
    ok(hr == E_INVALIDARG && !shader, "garbage: %#lx", (unsigned long)hr);
    memcpy(garbage, vs_blob.data, vs_blob.size < sizeof(garbage) ? vs_blob.size : sizeof(garbage));
    hr = ID3D11Device_CreateVertexShader(device, garbage, sizeof(garbage) / 2, NULL, (ID3D11VertexShader **)&shader);
    ok(hr == E_INVALIDARG && !shader, "half a shader: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateVertexShader(device, NULL, 100, NULL, (ID3D11VertexShader **)&shader);
    ok(hr == E_INVALIDARG && !shader, "NULL bytecode: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateVertexShader(device, vs_blob.data, 0, NULL, (ID3D11VertexShader **)&shader);
    ok(hr == E_INVALIDARG && !shader, "size 0: %#lx", (unsigned long)hr);
    if (vs_blob.data)
    {
        /* A corrupted chunk table: every byte of the header flipped in turn. */
        unsigned char *copy = malloc(vs_blob.size);
        unsigned int i, accepted = 0;

        for (i = 32; i < 64 && i < vs_blob.size; ++i)
        {
            memcpy(copy, vs_blob.data, vs_blob.size);
            copy[i] ^= 0xff;
            hr = ID3D11Device_CreateVertexShader(device, copy, vs_blob.size, NULL, (ID3D11VertexShader **)&shader);
            if (SUCCEEDED(hr))
            {
                ++accepted;
                IUnknown_Release(shader);
            }
            else
                ok(hr == E_INVALIDARG && !shader, "byte %u: %#lx", i, (unsigned long)hr);
        }
        ok(accepted < 32, "corruptions were noticed (%u of 32 accepted)", accepted);
        free(copy);
    }
}

static void so_entry(D3D11_SO_DECLARATION_ENTRY *e, UINT stream, const char *name, UINT index, BYTE start,
        BYTE count, BYTE slot)
{
    e->Stream = stream;
    e->SemanticName = name;
    e->SemanticIndex = index;
    e->StartComponent = start;
    e->ComponentCount = count;
    e->OutputSlot = slot;
}

static HRESULT create_so(const struct blob *blob, const D3D11_SO_DECLARATION_ENTRY *entries, UINT count,
        const UINT *strides, UINT stride_count, UINT rasterized)
{
    ID3D11GeometryShader *gs = (void *)0xdeadbeef;
    HRESULT hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, blob->data, blob->size, entries, count,
            strides, stride_count, rasterized, NULL, &gs);

    if (SUCCEEDED(hr))
        ID3D11GeometryShader_Release(gs);
    else
        ok(!gs, "failed creation returned %p", (void *)gs);
    return hr;
}

static void test_stream_output(void)
{
    D3D11_SO_DECLARATION_ENTRY e[4];
    UINT strides[4] = { 32, 16, 0, 0 };
    HRESULT hr;

    if (!gs_blob.data)
        return;
    so_entry(&e[0], 0, "SV_Position", 0, 0, 4, 0);
    so_entry(&e[1], 0, "texcoord", 0, 0, 4, 0);
    hr = create_so(&gs_blob, e, 2, strides, 1, 0);
    ok(hr == S_OK, "valid declaration: %#lx", (unsigned long)hr);
    hr = create_so(&gs_blob, e, 2, strides, 1, D3D11_SO_NO_RASTERIZED_STREAM);
    ok(hr == S_OK, "no rasterized stream: %#lx", (unsigned long)hr);
    hr = create_so(&vs_blob, e, 1, strides, 1, 0);
    ok(hr == S_OK, "vertex shader bytecode with stream output: %#lx", (unsigned long)hr);
    hr = create_so(&ps_blob, e, 1, strides, 1, 0);
    ok(hr == E_INVALIDARG, "pixel shader bytecode: %#lx", (unsigned long)hr);
    /* A gap (NULL name) counts its components. */
    so_entry(&e[2], 0, NULL, 0, 0, 2, 1);
    so_entry(&e[3], 0, "TEXCOORD", 0, 2, 2, 1);
    hr = create_so(&gs_blob, e, 4, strides, 2, 0);
    ok(hr == S_OK, "gap: %#lx", (unsigned long)hr);

    so_entry(&e[0], 0, "NOSUCH", 0, 0, 4, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "unknown semantic");
    so_entry(&e[0], 0, "SV_Position", 1, 0, 4, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "unknown semantic index");
    so_entry(&e[0], 4, "SV_Position", 0, 0, 4, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "stream 4");
    so_entry(&e[0], 0, "SV_Position", 0, 3, 2, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "components past w");
    so_entry(&e[0], 0, "SV_Position", 0, 0, 0, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "no components");
    so_entry(&e[0], 0, "SV_Position", 0, 0, 4, 4);
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "output slot 4");
    so_entry(&e[0], 0, "SV_Position", 0, 0, 4, 0);
    ok(create_so(&gs_blob, e, 1, strides, 1, 4) == E_INVALIDARG, "rasterized stream 4");
    strides[0] = 2052;
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "stride 2052");
    strides[0] = 18;
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "stride 18");
    strides[0] = 8;
    ok(create_so(&gs_blob, e, 1, strides, 1, 0) == E_INVALIDARG, "stride smaller than the vertex");
    strides[0] = 32;
    ok(create_so(&gs_blob, e, 1, strides, 5, 0) == E_INVALIDARG, "5 strides");
    ok(create_so(&gs_blob, NULL, 1, strides, 1, 0) == E_INVALIDARG, "NULL entries");
    /* One output slot takes one stream only. */
    so_entry(&e[0], 0, "SV_Position", 0, 0, 4, 0);
    so_entry(&e[1], 1, "TEXCOORD", 0, 0, 4, 0);
    ok(create_so(&gs_blob, e, 2, strides, 1, 0) == E_INVALIDARG, "two streams in one slot");
}

static HRESULT create_layout(const D3D11_INPUT_ELEMENT_DESC *elements, UINT count, const struct blob *blob)
{
    ID3D11InputLayout *layout = (void *)0xdeadbeef;
    HRESULT hr = ID3D11Device_CreateInputLayout(device, elements, count, blob->data, blob->size, &layout);

    if (SUCCEEDED(hr))
        ID3D11InputLayout_Release(layout);
    else
        ok(!layout, "failed creation returned %p", (void *)layout);
    return hr;
}

static void test_input_layout(void)
{
    D3D11_INPUT_ELEMENT_DESC e[4] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "TEXCOORD", 0, DXGI_FORMAT_R16G16_UNORM, 0, D3D11_APPEND_ALIGNED_ELEMENT, D3D11_INPUT_PER_VERTEX_DATA, 0 },
        { "COLOR", 0, DXGI_FORMAT_R8G8B8A8_UNORM, 1, 0, D3D11_INPUT_PER_INSTANCE_DATA, 0 },
        { "COLOR", 1, DXGI_FORMAT_R8G8B8A8_UNORM, 2, 0, D3D11_INPUT_PER_INSTANCE_DATA, 3 },
    };
    D3D11_INPUT_ELEMENT_DESC bad[4];
    ID3D11InputLayout *layout;
    ULONG device_refs = get_refcount(device);
    HRESULT hr;

    if (!vs_blob.data)
        return;
    ok(create_layout(e, 2, &vs_blob) == S_OK, "position + texcoord");
    if (SUCCEEDED(ID3D11Device_CreateInputLayout(device, e, 2, vs_blob.data, vs_blob.size, &layout)))
    {
        ok(vtable_complete(layout, sizeof(ID3D11InputLayoutVtbl)), "input layout vtable");
        ID3D11InputLayout_Release(layout);
    }
    /* Extra elements the shader does not read, per-instance rates 0 and 3. */
    ok(create_layout(e, 4, &vs_blob) == S_OK, "extra per-instance elements");
    /* Semantic names match without regard to case. */
    memcpy(bad, e, sizeof(bad));
    bad[0].SemanticName = "position";
    bad[1].SemanticName = "TexCoord";
    ok(create_layout(bad, 2, &vs_blob) == S_OK, "case-insensitive names");
    hr = ID3D11Device_CreateInputLayout(device, e, 2, vs_blob.data, vs_blob.size, NULL);
    ok(hr == S_FALSE, "validation only: %#lx", (unsigned long)hr);

    /* Every non-system-value input of the shader must be present. */
    ok(create_layout(e, 1, &vs_blob) == E_INVALIDARG, "TEXCOORD missing");
    memcpy(bad, e, sizeof(bad));
    bad[1].SemanticIndex = 1;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "TEXCOORD1 instead of TEXCOORD0");
    memcpy(bad, e, sizeof(bad));
    bad[1].Format = DXGI_FORMAT_BC1_UNORM;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "BC1 is no vertex format");
    memcpy(bad, e, sizeof(bad));
    bad[1].Format = DXGI_FORMAT_UNKNOWN;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "UNKNOWN format");
    memcpy(bad, e, sizeof(bad));
    bad[1].InputSlot = 32;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "input slot 32");
    memcpy(bad, e, sizeof(bad));
    bad[1].InstanceDataStepRate = 1;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "per-vertex element with a step rate");
    memcpy(bad, e, sizeof(bad));
    bad[1].InputSlotClass = (D3D11_INPUT_CLASSIFICATION)2;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "classification 2");
    memcpy(bad, e, sizeof(bad));
    bad[2].SemanticName = "POSITION";
    bad[2].SemanticIndex = 0;
    ok(create_layout(bad, 3, &vs_blob) == E_INVALIDARG, "duplicate semantic");
    memcpy(bad, e, sizeof(bad));
    bad[1].AlignedByteOffset = 2047;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "element past 2048 bytes");
    memcpy(bad, e, sizeof(bad));
    bad[0].SemanticName = NULL;
    ok(create_layout(bad, 2, &vs_blob) == E_INVALIDARG, "NULL semantic");
    ok(create_layout(e, 33, &vs_blob) == E_INVALIDARG, "33 elements");
    /* Elements the shader does not read are fine: a signature of system values needs none. */
    ok(create_layout(e, 2, &ps_blob) == S_OK, "layout for a signature holding only SV_Position");
    hr = ID3D11Device_CreateInputLayout(device, e, 2, "garbage", 8, &layout);
    ok(hr == E_INVALIDARG && !layout, "garbage bytecode: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateInputLayout(device, e, 2, NULL, 0, &layout);
    ok(hr == E_INVALIDARG && !layout, "NULL bytecode: %#lx", (unsigned long)hr);
    ok(get_refcount(device) == device_refs, "no objects leaked");
}

static void test_class_linkage(void)
{
    ID3D11ClassInstance *instance, *got;
    ID3D11ClassLinkage *linkage, *parent;
    D3D11_CLASS_INSTANCE_DESC desc;
    ID3D11VertexShader *vs;
    char name[64];
    SIZE_T length;
    HRESULT hr;

    hr = ID3D11Device_CreateClassLinkage(device, &linkage);
    ok(hr == S_OK, "CreateClassLinkage %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ok(vtable_complete(linkage, sizeof(ID3D11ClassLinkageVtbl)), "class linkage vtable");
    hr = ID3D11ClassLinkage_CreateClassInstance(linkage, "Light", 1, 2, 3, 4, &instance);
    ok(hr == S_OK, "CreateClassInstance %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ok(vtable_complete(instance, sizeof(ID3D11ClassInstanceVtbl)), "class instance vtable");
        ID3D11ClassInstance_GetDesc(instance, &desc);
        ok(desc.ConstantBuffer == 1 && desc.BaseConstantBufferOffset == 2 && desc.BaseTexture == 3
                && desc.BaseSampler == 4 && desc.Created, "GetDesc");
        length = 0;
        ID3D11ClassInstance_GetTypeName(instance, NULL, &length);
        ok(length == 6, "type name length %lu", (unsigned long)length);
        length = sizeof(name);
        ID3D11ClassInstance_GetTypeName(instance, name, &length);
        ok(!strcmp(name, "Light"), "type name %s", name);
        ID3D11ClassInstance_GetClassLinkage(instance, &parent);
        ok(parent == linkage, "GetClassLinkage");
        ID3D11ClassLinkage_Release(parent);
        /* Binding a shader with instances; the Get method returns them. */
        if (vs_blob.data && SUCCEEDED(ID3D11Device_CreateVertexShader(device, vs_blob.data, vs_blob.size, linkage, &vs)))
        {
            ID3D11DeviceContext *context;
            ID3D11VertexShader *got_vs;
            UINT count = 2;
            ID3D11ClassInstance *instances[2];

            ID3D11Device_GetImmediateContext(device, &context);
            ID3D11DeviceContext_VSSetShader(context, vs, &instance, 1);
            ID3D11DeviceContext_VSGetShader(context, &got_vs, instances, &count);
            ok(got_vs == vs && count == 1 && instances[0] == instance && !instances[1], "instances %u", count);
            if (got_vs)
                ID3D11VertexShader_Release(got_vs);
            if (count && instances[0])
                ID3D11ClassInstance_Release(instances[0]);
            ID3D11DeviceContext_ClearState(context);
            ID3D11DeviceContext_Release(context);
            ID3D11VertexShader_Release(vs);
        }
        ok(ID3D11ClassInstance_Release(instance) == 0, "instance released");
    }
    /* SM5 shaders with interfaces are accepted with and without a linkage. */
    {
        struct blob iface_blob;
        ID3D11PixelShader *ps;

        if (load_corpus("hlslcrosscompiler/interfaces_multifunc.dxbc", &iface_blob))
        {
            hr = ID3D11Device_CreatePixelShader(device, iface_blob.data, iface_blob.size, linkage, &ps);
            ok(hr == S_OK, "shader with interfaces and a linkage: %#lx", (unsigned long)hr);
            if (SUCCEEDED(hr))
                ID3D11PixelShader_Release(ps);
            hr = ID3D11Device_CreatePixelShader(device, iface_blob.data, iface_blob.size, NULL, &ps);
            ok(hr == S_OK, "shader with interfaces, no linkage: %#lx", (unsigned long)hr);
            if (SUCCEEDED(hr))
                ID3D11PixelShader_Release(ps);
        }
        free(iface_blob.data);
    }
    hr = ID3D11ClassLinkage_CreateClassInstance(linkage, NULL, 0, 0, 0, 0, &instance);
    ok(hr == E_INVALIDARG, "NULL type name %#lx", (unsigned long)hr);
    hr = ID3D11ClassLinkage_GetClassInstance(linkage, "nosuch", 0, &got);
    ok(hr == E_INVALIDARG && !got, "GetClassInstance of an unknown instance %#lx", (unsigned long)hr);
    ok(ID3D11ClassLinkage_Release(linkage) == 0, "linkage released");
}

int main(void)
{
    HRESULT hr;
    D3D_FEATURE_LEVEL level = D3D_FEATURE_LEVEL_11_0;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, &level, 1, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == S_OK, "D3D11CreateDevice %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    assemble(vs_text, &vs_blob);
    assemble(ps_text, &ps_blob);
    assemble(gs_text, &gs_blob);
    assemble(cs_text, &cs_blob);
    load_corpus("hlslcrosscompiler/basic_2.dxbc", &hs_blob);
    load_corpus("hlslcrosscompiler/tessellationDS.dxbc", &ds_blob);
    run_test(test_create_shaders);
    run_test(test_stream_output);
    run_test(test_input_layout);
    run_test(test_class_linkage);
    ok(ID3D11Device_Release(device) == 0, "device leaked");
    dxbc_free(vs_blob.data);
    dxbc_free(ps_blob.data);
    dxbc_free(gs_blob.data);
    dxbc_free(cs_blob.data);
    free(hs_blob.data);
    free(ds_blob.data);
    return test_finish();
}
