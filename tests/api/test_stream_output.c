/* test_stream_output.c — stream output: CreateGeometryShaderWithStreamOutput validation,
 * captures of a vertex shader (bytecode of a VS passed as the "geometry shader") and of a
 * geometry shader read back exactly, several output slots with gaps, appending with -1
 * offsets, explicit offsets, GS amplification, two streams, DrawAuto drawing what was
 * captured (pixels), SO statistics and overflow queries, SOSetTargets/SOGetTargets
 * references and the read/write hazard rule. Every expected value is computed here. */
#include "test.h"
#include "dxbc.h"

#ifdef D3D11VK_NATIVE
# include <unistd.h>
static void test_sleep(unsigned int ms) { usleep(ms * 1000); }
#else
static void test_sleep(unsigned int ms) { Sleep(ms); }
#endif

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define RT_SIZE 32
#define FILL 0xcdcdcdcdu

static ID3D11Device *device;
static ID3D11DeviceContext *context;

struct blob
{
    void *data;
    size_t size;
};

/* o0 = POSITION, o1 = POSITION + (10, 20, 30, 40), o2 = 3 * SV_VertexID + 1. */
static const char vs_text[] =
    "vs_4_0\n"
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xyzw TEXCOORD 0 NONE float -\n"
    "// sig output 2 x TEXCOORD 1 NONE uint -\n"
    "dcl_input v0.xyzw\n"
    "dcl_input_sgv v1.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xyzw\n"
    "dcl_output o2.x\n"
    "mov o0.xyzw, v0.xyzw\n"
    "add o1.xyzw, v0.xyzw, l(10.0, 20.0, 30.0, 40.0)\n"
    "imad o2.x, v1.x, l(3), l(1)\n"
    "ret\n";

/* Each point becomes one triangle strip of 3 vertices: x + 0.125 k, TEXCOORD0 = (prim, k). */
static const char gs_text[] =
    "gs_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xy TEXCOORD 0 NONE float -\n"
    "dcl_input_siv v[1][0].xyzw, position\n"
    "dcl_input vPrim\n"
    "dcl_temps 1\n"
    "dcl_inputprimitive point\n"
    "dcl_outputtopology trianglestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xy\n"
    "dcl_maxout 3\n"
    "utof r0.x, vPrim\n"
    "mov o0.xyzw, v[0][0].xyzw\n"
    "mov o1.x, r0.x\n"
    "mov o1.y, l(0.0)\n"
    "emit\n"
    "add o0.x, v[0][0].x, l(0.125)\n"
    "mov o0.yzw, v[0][0].yyzw\n"
    "mov o1.x, r0.x\n"
    "mov o1.y, l(1.0)\n"
    "emit\n"
    "add o0.x, v[0][0].x, l(0.25)\n"
    "mov o0.yzw, v[0][0].yyzw\n"
    "mov o1.x, r0.x\n"
    "mov o1.y, l(2.0)\n"
    "emit\n"
    "cut\n"
    "ret\n";

/* Two streams of points: stream 0 (0.25, 0.5, prim, 1); stream 1 DATA = prim * (1, 2, 3),
 * ID = prim + 100. */
static const char gs2_text[] =
    "gs_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyz DATA 0 NONE float - stream=1\n"
    "// sig output 1 x ID 0 NONE uint - stream=1\n"
    "dcl_input_siv v[1][0].xyzw, position\n"
    "dcl_input vPrim\n"
    "dcl_temps 1\n"
    "dcl_inputprimitive point\n"
    "dcl_stream m0\n"
    "dcl_outputtopology pointlist\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_stream m1\n"
    "dcl_outputtopology pointlist\n"
    "dcl_output o0.xyz\n"
    "dcl_output o1.x\n"
    "dcl_maxout 2\n"
    "utof r0.x, vPrim\n"
    "mov o0.xyzw, l(0.25, 0.5, 0, 1.0)\n"
    "mov o0.z, r0.x\n"
    "emit_stream m0\n"
    "mul o0.xyz, r0.xxxx, l(1.0, 2.0, 3.0, 0)\n"
    "iadd o1.x, vPrim, l(100)\n"
    "emit_stream m1\n"
    "ret\n";

/* Stream 0 carries data only; stream 1 carries points at pixels (4 + 8 prim, 10) of the
 * 32x32 target, and stream 1 is the rasterized one. */
static const char gs3_text[] =
    "gs_5_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw DATA 0 NONE float -\n"
    "// sig output 0 xyzw SV_Position 0 POS float - stream=1\n"
    "dcl_input_siv v[1][0].xyzw, position\n"
    "dcl_input vPrim\n"
    "dcl_temps 1\n"
    "dcl_inputprimitive point\n"
    "dcl_stream m0\n"
    "dcl_outputtopology pointlist\n"
    "dcl_output o0.xyzw\n"
    "dcl_stream m1\n"
    "dcl_outputtopology pointlist\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_maxout 2\n"
    "utof r0.x, vPrim\n"
    "mov o0.xyzw, l(7.0, 8.0, 9.0, 10.0)\n"
    "mov o0.w, r0.x\n"
    "emit_stream m0\n"
    "mad o0.x, r0.x, l(0.5), l(-0.71875)\n"
    "mov o0.yzw, l(0, 0.34375, 0.5, 1.0)\n"
    "emit_stream m1\n"
    "ret\n";

static const char ps_text[] =
    "ps_4_0\n"
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, l(0, 1.0, 0, 1.0)\n"
    "ret\n";

static struct blob vs_blob, gs_blob, gs2_blob, gs3_blob, ps_blob;
static ID3D11VertexShader *vs;
static ID3D11PixelShader *ps;
static ID3D11InputLayout *layout;

static bool assemble(const char *text, struct blob *blob)
{
    char error[256];
    bool ret = dxbc_assemble(text, &blob->data, &blob->size, error, sizeof(error));
    ok(ret, "assembling: %s", ret ? "" : error);
    return ret;
}

static ID3D11Buffer *make_buffer(UINT size, UINT bind, const void *data)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_DEFAULT, bind, 0, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    ID3D11Buffer *buffer = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateBuffer(device, &desc, data ? &init : NULL, &buffer);
    ok(hr == S_OK, "CreateBuffer: %#lx", (unsigned long)hr);
    return buffer;
}

/* A stream-output buffer filled with FILL. */
static ID3D11Buffer *make_so_buffer(UINT size)
{
    uint32_t *fill = malloc(size);
    ID3D11Buffer *b;
    UINT i;

    for (i = 0; i < size / 4; ++i)
        fill[i] = FILL;
    b = make_buffer(size, D3D11_BIND_STREAM_OUTPUT | D3D11_BIND_VERTEX_BUFFER, fill);
    free(fill);
    return b;
}

/* Copies the buffer's first `size` bytes out through a staging buffer. */
static void read_buffer(ID3D11Buffer *buffer, void *out, UINT size)
{
    D3D11_BUFFER_DESC desc = { size, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0 };
    D3D11_MAPPED_SUBRESOURCE map;
    D3D11_BOX box = { 0, 0, 0, size, 1, 1 };
    ID3D11Buffer *staging;
    HRESULT hr;

    memset(out, 0, size);
    hr = ID3D11Device_CreateBuffer(device, &desc, NULL, &staging);
    ok(hr == S_OK, "CreateBuffer(staging): %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)staging, 0, 0, 0, 0,
            (ID3D11Resource *)buffer, 0, &box);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        memcpy(out, map.pData, size);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Buffer_Release(staging);
}

static float f_of(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

static uint32_t u_of(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/* Vertex i of the point tests. */
static void vertex(unsigned int i, float *v)
{
    v[0] = 0.5f + i;
    v[1] = -(float)i;
    v[2] = 0.25f * i;
    v[3] = 1.0f;
}

static ID3D11Buffer *make_points(unsigned int count, unsigned int first)
{
    float v[16 * 4];
    unsigned int i;

    for (i = 0; i < count && i < 16; ++i)
        vertex(first + i, &v[i * 4]);
    return make_buffer(count * 16, D3D11_BIND_VERTEX_BUFFER, v);
}

static void bind_vs(ID3D11Buffer *vb, D3D11_PRIMITIVE_TOPOLOGY topology)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, RT_SIZE, RT_SIZE, 0.0f, 1.0f };
    UINT stride = 16, offset = 0;

    ID3D11DeviceContext_ClearState(context);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_IASetInputLayout(context, layout);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &offset);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, topology);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
}

static ID3D11GeometryShader *create_so(const struct blob *b, const D3D11_SO_DECLARATION_ENTRY *entries, UINT count,
        const UINT *strides, UINT stride_count, UINT rasterized)
{
    ID3D11GeometryShader *gs = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, b->data, b->size, entries, count, strides,
            stride_count, rasterized, NULL, &gs);
    ok(hr == S_OK && gs, "CreateGeometryShaderWithStreamOutput: %#lx", (unsigned long)hr);
    return gs;
}

/* The expected 5-word record of test_capture_vs for vertex i (SV_Position, 3 * id + 1). */
static void vs_record(unsigned int i, unsigned int id, uint32_t *r)
{
    float v[4];
    unsigned int k;

    vertex(i, v);
    for (k = 0; k < 4; ++k)
        r[k] = u_of(v[k]);
    r[4] = 3 * id + 1;
}

static unsigned int compare(const uint32_t *got, const uint32_t *expect, unsigned int words, unsigned int *first_bad)
{
    unsigned int i, bad = 0;

    *first_bad = ~0u;
    for (i = 0; i < words; ++i)
        if (got[i] != expect[i] && bad++ == 0)
            *first_bad = i;
    return bad;
}

/* A vertex shader's output captured (its bytecode passed as the geometry shader). */
static void test_capture_vs(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_POSITION", 0, 0, 4, 0 },     /* semantic names compare without case */
        { 0, "TEXCOORD", 1, 0, 1, 0 },
    };
    const UINT stride = 20, offset = 0;
    uint32_t got[6 * 5], expect[6 * 5];
    ID3D11GeometryShader *gs;
    ID3D11Buffer *vb, *so;
    unsigned int i, bad, first;

    if (!(gs = create_so(&vs_blob, entries, ARRAY_SIZE(entries), &stride, 1, 0)))
        return;
    vb = make_points(4, 0);
    so = make_so_buffer(sizeof(got));
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &offset);
    ID3D11DeviceContext_Draw(context, 4, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so, got, sizeof(got));
    for (i = 0; i < 6; ++i)
    {
        if (i < 4)
            vs_record(i, i, &expect[i * 5]);
        else
            memset(&expect[i * 5], 0xcd, 20);
    }
    bad = compare(got, expect, ARRAY_SIZE(got), &first);
    ok(!bad, "VS capture: %u words differ, first %u: %#x, expected %#x", bad, first,
            first < ARRAY_SIZE(got) ? got[first] : 0, first < ARRAY_SIZE(got) ? expect[first] : 0);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

/* Three output slots: component selections, a one-component gap, a five-component gap. */
static void test_slots_and_gaps(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "TEXCOORD", 0, 1, 2, 0 },        /* TEXCOORD0.yz */
        { 0, NULL, 0, 0, 1, 0 },              /* gap */
        { 0, "TEXCOORD", 1, 0, 1, 0 },        /* id */
        { 0, "SV_Position", 0, 0, 2, 1 },     /* slot 1: xy */
        { 0, NULL, 0, 0, 5, 2 },              /* slot 2: 5-component gap */
        { 0, "TEXCOORD", 0, 3, 1, 2 },        /* TEXCOORD0.w */
    };
    const UINT strides[3] = { 16, 8, 24 }, offsets[3] = { 0, 0, 0 };
    uint32_t got0[3 * 4], got1[3 * 2], got2[3 * 6], e0[3 * 4], e1[3 * 2], e2[3 * 6];
    ID3D11Buffer *vb, *so[3];
    ID3D11GeometryShader *gs;
    unsigned int i, k, bad, first;

    if (!(gs = create_so(&vs_blob, entries, ARRAY_SIZE(entries), strides, 3, 0)))
        return;
    vb = make_points(3, 0);
    so[0] = make_so_buffer(sizeof(got0));
    so[1] = make_so_buffer(sizeof(got1));
    so[2] = make_so_buffer(sizeof(got2));
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 3, so, offsets);
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so[0], got0, sizeof(got0));
    read_buffer(so[1], got1, sizeof(got1));
    read_buffer(so[2], got2, sizeof(got2));
    for (i = 0; i < 3; ++i)
    {
        float v[4];

        vertex(i, v);
        e0[i * 4 + 0] = u_of(v[1] + 20.0f);
        e0[i * 4 + 1] = u_of(v[2] + 30.0f);
        e0[i * 4 + 2] = FILL;
        e0[i * 4 + 3] = 3 * i + 1;
        e1[i * 2 + 0] = u_of(v[0]);
        e1[i * 2 + 1] = u_of(v[1]);
        for (k = 0; k < 5; ++k)
            e2[i * 6 + k] = FILL;
        e2[i * 6 + 5] = u_of(v[3] + 40.0f);
    }
    bad = compare(got0, e0, ARRAY_SIZE(got0), &first);
    ok(!bad, "slot 0 (components, gap): %u words differ, first %u: %#x", bad, first, first < 12 ? got0[first] : 0);
    bad = compare(got1, e1, ARRAY_SIZE(got1), &first);
    ok(!bad, "slot 1: %u words differ, first %u: %#x", bad, first, first < 6 ? got1[first] : 0);
    bad = compare(got2, e2, ARRAY_SIZE(got2), &first);
    ok(!bad, "slot 2 (5-component gap): %u words differ, first %u: %#x", bad, first, first < 18 ? got2[first] : 0);
    for (i = 0; i < 3; ++i)
        ID3D11Buffer_Release(so[i]);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

/* Offsets: 0, then -1 appends after what the last capture wrote (across draws and
 * rebindings), an explicit offset starts there, and a fresh buffer bound with -1 starts at 0. */
static void test_append(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 0, "TEXCOORD", 1, 0, 1, 0 },
    };
    const UINT stride = 20, zero = 0, append = ~0u, at = 140;
    uint32_t got[10 * 5], expect[10 * 5];
    ID3D11Buffer *vb_a, *vb_b, *vb_c, *so, *so2, *null = NULL;
    ID3D11GeometryShader *gs;
    unsigned int bad, first;
    UINT vstride = 16, voffset = 0;

    if (!(gs = create_so(&vs_blob, entries, ARRAY_SIZE(entries), &stride, 1, 0)))
        return;
    vb_a = make_points(2, 0);      /* vertices 0, 1 */
    vb_b = make_points(3, 4);      /* vertices 4, 5, 6 */
    vb_c = make_points(1, 9);      /* vertex 9 */
    so = make_so_buffer(sizeof(got));
    so2 = make_so_buffer(sizeof(got));
    bind_vs(vb_a, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_Draw(context, 2, 0);                       /* records 0, 1 */
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb_b, &vstride, &voffset);
    ID3D11DeviceContext_Draw(context, 1, 0);                       /* record 2: still bound, appends */
    ID3D11DeviceContext_SOSetTargets(context, 1, &null, NULL);
    ID3D11DeviceContext_Draw(context, 1, 0);                       /* nothing captured */
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &append);
    ID3D11DeviceContext_Draw(context, 3, 0);                       /* records 3, 4, 5 */
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb_c, &vstride, &voffset);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &at);
    ID3D11DeviceContext_Draw(context, 1, 0);                       /* record 7 (byte 140) */
    ID3D11DeviceContext_SOSetTargets(context, 1, &so2, &append);
    ID3D11DeviceContext_Draw(context, 1, 0);                       /* so2 record 0 */
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so, got, sizeof(got));
    memset(expect, 0xcd, sizeof(expect));
    vs_record(0, 0, &expect[0]);
    vs_record(1, 1, &expect[5]);
    vs_record(4, 0, &expect[10]);
    vs_record(4, 0, &expect[15]);
    vs_record(5, 1, &expect[20]);
    vs_record(6, 2, &expect[25]);
    vs_record(9, 0, &expect[35]);
    bad = compare(got, expect, ARRAY_SIZE(got), &first);
    ok(!bad, "appended captures: %u words differ, first %u: %#x, expected %#x", bad, first,
            first < ARRAY_SIZE(got) ? got[first] : 0, first < ARRAY_SIZE(got) ? expect[first] : 0);
    read_buffer(so2, got, 40);
    memset(expect, 0xcd, 40);
    vs_record(9, 0, &expect[0]);
    bad = compare(got, expect, 10, &first);
    ok(!bad, "fresh buffer bound with -1 starts at 0: %u words differ, first %u", bad, first);

    /* Binding again with offset 0 starts over. */
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb_c, &vstride, &voffset);
    ID3D11DeviceContext_Draw(context, 1, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so, got, 40);
    vs_record(9, 0, &expect[0]);
    vs_record(1, 1, &expect[5]);
    bad = compare(got, expect, 10, &first);
    ok(!bad, "offset 0 again overwrites from the start: %u words differ, first %u", bad, first);

    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(so2);
    ID3D11Buffer_Release(vb_a);
    ID3D11Buffer_Release(vb_b);
    ID3D11Buffer_Release(vb_c);
    ID3D11GeometryShader_Release(gs);
}

static bool get_query(ID3D11Asynchronous *q, void *data, UINT size)
{
    unsigned int i;
    HRESULT hr = S_FALSE;

    for (i = 0; i < 2000 && hr == S_FALSE; ++i)
    {
        hr = ID3D11DeviceContext_GetData(context, q, data, size, 0);
        if (hr == S_FALSE)
            test_sleep(1);
    }
    ok(hr == S_OK, "GetData: %#lx", (unsigned long)hr);
    return hr == S_OK;
}

static ID3D11Query *make_query(D3D11_QUERY type)
{
    D3D11_QUERY_DESC desc = { type, 0 };
    ID3D11Query *q = NULL;
    HRESULT hr;

    hr = ID3D11Device_CreateQuery(device, &desc, &q);
    ok(hr == S_OK, "CreateQuery(%u): %#lx", type, (unsigned long)hr);
    return q;
}

/* A GS amplifies 3 points into 3 triangles (9 vertices); SO statistics count primitives;
 * a buffer with room for 2 triangles overflows (2 written, 3 needed). */
static void test_gs_amplification_queries(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 0, "TEXCOORD", 0, 0, 2, 0 },
    };
    const UINT stride = 24, zero = 0;
    uint32_t got[10 * 6], expect[10 * 6];
    D3D11_QUERY_DATA_SO_STATISTICS stats;
    ID3D11Query *q_stats, *q_stats0, *q_over, *q_over0;
    ID3D11Buffer *vb, *so, *tiny;
    ID3D11GeometryShader *gs;
    unsigned int i, k, bad, first;
    BOOL overflow;

    if (!(gs = create_so(&gs_blob, entries, ARRAY_SIZE(entries), &stride, 1, D3D11_SO_NO_RASTERIZED_STREAM)))
        return;
    vb = make_points(3, 0);
    so = make_so_buffer(sizeof(got));
    tiny = make_so_buffer(2 * 3 * 24);
    q_stats = make_query(D3D11_QUERY_SO_STATISTICS);
    q_stats0 = make_query(D3D11_QUERY_SO_STATISTICS_STREAM0);
    q_over = make_query(D3D11_QUERY_SO_OVERFLOW_PREDICATE);
    q_over0 = make_query(D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0);
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    if (q_stats && q_over)
    {
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q_stats);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q_over);
    }
    ID3D11DeviceContext_Draw(context, 3, 0);
    if (q_stats && q_over)
    {
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q_stats);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q_over);
    }
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so, got, sizeof(got));
    memset(expect, 0xcd, sizeof(expect));
    for (i = 0; i < 3; ++i)
    {
        for (k = 0; k < 3; ++k)
        {
            uint32_t *r = &expect[(i * 3 + k) * 6];
            float v[4];

            vertex(i, v);
            r[0] = u_of(v[0] + 0.125f * k);
            r[1] = u_of(v[1]);
            r[2] = u_of(v[2]);
            r[3] = u_of(v[3]);
            r[4] = u_of((float)i);
            r[5] = u_of((float)k);
        }
    }
    bad = compare(got, expect, ARRAY_SIZE(got), &first);
    ok(!bad, "GS capture: %u words differ, first %u: %#x (%g), expected %#x", bad, first,
            first < ARRAY_SIZE(got) ? got[first] : 0, first < ARRAY_SIZE(got) ? f_of(got[first]) : 0.0,
            first < ARRAY_SIZE(got) ? expect[first] : 0);
    if (q_stats && get_query((ID3D11Asynchronous *)q_stats, &stats, sizeof(stats)))
        ok(stats.NumPrimitivesWritten == 3 && stats.PrimitivesStorageNeeded == 3, "SO statistics: %llu written, %llu needed",
                (unsigned long long)stats.NumPrimitivesWritten, (unsigned long long)stats.PrimitivesStorageNeeded);
    if (q_over && get_query((ID3D11Asynchronous *)q_over, &overflow, sizeof(overflow)))
        ok(!overflow, "no overflow reported: %d", overflow);

    /* Overflow: room for two triangles. */
    ID3D11DeviceContext_SOSetTargets(context, 1, &tiny, &zero);
    if (q_stats0 && q_over0)
    {
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q_stats0);
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q_over0);
    }
    ID3D11DeviceContext_Draw(context, 3, 0);
    if (q_stats0 && q_over0)
    {
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q_stats0);
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q_over0);
    }
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(tiny, got, 2 * 3 * 24);
    bad = compare(got, expect, 2 * 3 * 6, &first);
    ok(!bad, "overflowing capture keeps the primitives that fit: %u words differ, first %u", bad, first);
    if (q_stats0 && get_query((ID3D11Asynchronous *)q_stats0, &stats, sizeof(stats)))
        ok(stats.NumPrimitivesWritten == 2 && stats.PrimitivesStorageNeeded == 3,
                "stream 0 statistics: %llu written, %llu needed",
                (unsigned long long)stats.NumPrimitivesWritten, (unsigned long long)stats.PrimitivesStorageNeeded);
    if (q_over0 && get_query((ID3D11Asynchronous *)q_over0, &overflow, sizeof(overflow)))
        ok(overflow == TRUE, "overflow reported: %d", overflow);

    if (q_stats) ID3D11Query_Release(q_stats);
    if (q_stats0) ID3D11Query_Release(q_stats0);
    if (q_over) ID3D11Query_Release(q_over);
    if (q_over0) ID3D11Query_Release(q_over0);
    ID3D11Buffer_Release(tiny);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

/* Stream 0 into slot 0 and stream 1 into slot 1 (points); per-stream statistics. */
static void test_two_streams(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 1, "DATA", 0, 0, 3, 1 },
        { 1, "ID", 0, 0, 1, 1 },
    };
    const UINT strides[2] = { 16, 16 }, offsets[2] = { 0, 0 };
    uint32_t got0[4 * 4], got1[4 * 4], e0[4 * 4], e1[4 * 4];
    D3D11_QUERY_DATA_SO_STATISTICS stats;
    ID3D11Buffer *vb, *so[2];
    ID3D11GeometryShader *gs;
    ID3D11Query *q1;
    unsigned int i, bad, first;

    if (!(gs = create_so(&gs2_blob, entries, ARRAY_SIZE(entries), strides, 2, D3D11_SO_NO_RASTERIZED_STREAM)))
        return;
    vb = make_points(3, 0);
    so[0] = make_so_buffer(sizeof(got0));
    so[1] = make_so_buffer(sizeof(got1));
    q1 = make_query(D3D11_QUERY_SO_STATISTICS_STREAM1);
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 2, so, offsets);
    if (q1)
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q1);
    ID3D11DeviceContext_Draw(context, 3, 0);
    if (q1)
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q1);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so[0], got0, sizeof(got0));
    read_buffer(so[1], got1, sizeof(got1));
    memset(e0, 0xcd, sizeof(e0));
    memset(e1, 0xcd, sizeof(e1));
    for (i = 0; i < 3; ++i)
    {
        e0[i * 4 + 0] = u_of(0.25f);
        e0[i * 4 + 1] = u_of(0.5f);
        e0[i * 4 + 2] = u_of((float)i);
        e0[i * 4 + 3] = u_of(1.0f);
        e1[i * 4 + 0] = u_of((float)i);
        e1[i * 4 + 1] = u_of(2.0f * i);
        e1[i * 4 + 2] = u_of(3.0f * i);
        e1[i * 4 + 3] = 100 + i;
    }
    bad = compare(got0, e0, ARRAY_SIZE(got0), &first);
    ok(!bad, "stream 0 capture: %u words differ, first %u: %#x", bad, first, first < 16 ? got0[first] : 0);
    bad = compare(got1, e1, ARRAY_SIZE(got1), &first);
    ok(!bad, "stream 1 capture: %u words differ, first %u: %#x", bad, first, first < 16 ? got1[first] : 0);
    if (q1 && get_query((ID3D11Asynchronous *)q1, &stats, sizeof(stats)))
        ok(stats.NumPrimitivesWritten == 3 && stats.PrimitivesStorageNeeded == 3, "stream 1 statistics: %llu, %llu",
                (unsigned long long)stats.NumPrimitivesWritten, (unsigned long long)stats.PrimitivesStorageNeeded);
    if (q1)
        ID3D11Query_Release(q1);
    ID3D11Buffer_Release(so[0]);
    ID3D11Buffer_Release(so[1]);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

struct target
{
    ID3D11Texture2D *texture, *staging;
    ID3D11RenderTargetView *rtv;
    uint32_t pixels[RT_SIZE * RT_SIZE];
};

static bool target_create(struct target *t)
{
    D3D11_TEXTURE2D_DESC desc = { RT_SIZE, RT_SIZE, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    HRESULT hr;

    memset(t, 0, sizeof(*t));
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->texture);
    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    desc.Usage = D3D11_USAGE_STAGING;
    desc.BindFlags = 0;
    desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, &t->staging);
    ok(hr == S_OK, "CreateTexture2D(staging): %#lx", (unsigned long)hr);
    if (!t->texture || !t->staging)
        return false;
    hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t->texture, NULL, &t->rtv);
    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    return !!t->rtv;
}

static void target_read(struct target *t)
{
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int y;
    HRESULT hr;

    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)t->staging, (ID3D11Resource *)t->texture);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)t->staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map(READ): %#lx", (unsigned long)hr);
    memset(t->pixels, 0, sizeof(t->pixels));
    if (FAILED(hr))
        return;
    for (y = 0; y < RT_SIZE; ++y)
        memcpy(&t->pixels[y * RT_SIZE], (const uint8_t *)map.pData + y * map.RowPitch, RT_SIZE * 4);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)t->staging, 0);
}

static void target_destroy(struct target *t)
{
    if (t->rtv) ID3D11RenderTargetView_Release(t->rtv);
    if (t->staging) ID3D11Texture2D_Release(t->staging);
    if (t->texture) ID3D11Texture2D_Release(t->texture);
}

#define GREEN 0xff00ff00u
#define BLUE  0xffff0000u

/* Pixels of the target: left half `left`, right half `right`; returns the mismatch count. */
static unsigned int count_bad(const struct target *t, uint32_t left, uint32_t right, unsigned int *bx, unsigned int *by)
{
    unsigned int x, y, bad = 0;

    for (y = 0; y < RT_SIZE; ++y)
        for (x = 0; x < RT_SIZE; ++x)
            if (t->pixels[y * RT_SIZE + x] != (x < RT_SIZE / 2 ? left : right) && bad++ == 0)
            {
                *bx = x;
                *by = y;
            }
    return bad;
}

/* Capture two triangles covering the left half with no rasterized stream (nothing drawn),
 * then DrawAuto them from the capture buffer: the left half turns green. Twice through
 * appending doubles the vertex count (still the same pixels); a fresh buffer draws nothing. */
static void test_draw_auto(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] = { { 0, "SV_Position", 0, 0, 4, 0 } };
    static const float quad[] =
    {
        -1.0f, 1.0f, 0.5f, 1.0f,   0.0f, 1.0f, 0.5f, 1.0f,   -1.0f, -1.0f, 0.5f, 1.0f,
        0.0f, 1.0f, 0.5f, 1.0f,    0.0f, -1.0f, 0.5f, 1.0f,  -1.0f, -1.0f, 0.5f, 1.0f,
    };
    const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    const UINT stride = 16, zero = 0, append = ~0u;
    D3D11_QUERY_DATA_SO_STATISTICS stats;
    ID3D11Buffer *vb, *so, *fresh;
    ID3D11GeometryShader *gs;
    unsigned int bad, x = 0, y = 0;
    struct target t;
    ID3D11Query *q;
    float got[24];

    if (!target_create(&t) || !(gs = create_so(&vs_blob, entries, 1, &stride, 1, D3D11_SO_NO_RASTERIZED_STREAM)))
    {
        target_destroy(&t);
        return;
    }
    vb = make_buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER, quad);
    so = make_so_buffer(2 * sizeof(quad));
    fresh = make_so_buffer(sizeof(quad));
    q = make_query(D3D11_QUERY_SO_STATISTICS);

    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &t.rtv, NULL);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    target_read(&t);
    bad = count_bad(&t, BLUE, BLUE, &x, &y);
    ok(!bad, "no rasterized stream: %u pixels drawn, first (%u,%u) %#x", bad, x, y, bad ? t.pixels[y * RT_SIZE + x] : 0);
    read_buffer(so, got, sizeof(got));
    ok(!memcmp(got, quad, sizeof(quad)), "captured positions: %g %g %g %g", got[0], got[1], got[2], got[3]);

    /* DrawAuto: the capture buffer is vertex buffer 0. */
    ID3D11DeviceContext_GSSetShader(context, NULL, NULL, 0);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &so, &stride, &zero);
    ID3D11DeviceContext_DrawAuto(context);
    target_read(&t);
    bad = count_bad(&t, GREEN, BLUE, &x, &y);
    ok(!bad, "DrawAuto: %u pixels differ, first (%u,%u) %#x", bad, x, y, bad ? t.pixels[y * RT_SIZE + x] : 0);

    /* Append the same capture again (12 vertices), then count what DrawAuto draws. */
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &zero);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &append);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &so, &stride, &zero);
    ID3D11DeviceContext_SOSetTargets(context, 1, &fresh, &zero);
    if (q)
        ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)q);
    ID3D11DeviceContext_DrawAuto(context);   /* re-captures the 12 vertices: 4 triangles, 2 fit */
    if (q)
        ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)q);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    if (q && get_query((ID3D11Asynchronous *)q, &stats, sizeof(stats)))
        ok(stats.NumPrimitivesWritten == 2 && stats.PrimitivesStorageNeeded == 4,
                "DrawAuto of the appended capture: %llu written, %llu needed",
                (unsigned long long)stats.NumPrimitivesWritten, (unsigned long long)stats.PrimitivesStorageNeeded);
    read_buffer(fresh, got, sizeof(got));
    ok(!memcmp(got, quad, sizeof(quad)), "DrawAuto into stream output: %g %g %g %g", got[0], got[1], got[2], got[3]);

    /* A buffer that never captured: DrawAuto draws nothing. */
    {
        ID3D11Buffer *never = make_buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_STREAM_OUTPUT, quad);

        ID3D11DeviceContext_GSSetShader(context, NULL, NULL, 0);
        ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
        ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &never, &stride, &zero);
        ID3D11DeviceContext_DrawAuto(context);
        target_read(&t);
        bad = count_bad(&t, BLUE, BLUE, &x, &y);
        ok(!bad, "DrawAuto of a never-captured buffer: %u pixels drawn", bad);
        ID3D11Buffer_Release(never);
    }

    if (q)
        ID3D11Query_Release(q);
    ID3D11Buffer_Release(fresh);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
    target_destroy(&t);
}

/* The keyed-mutex rule for DrawAuto: a capture buffer shared with a keyed mutex is drawn
 * from only while this object holds the mutex (the draw is dropped otherwise). */
static void test_draw_auto_keyed_mutex(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] = { { 0, "SV_Position", 0, 0, 4, 0 } };
    static const float quad[] =
    {
        -1.0f, 1.0f, 0.5f, 1.0f,   0.0f, 1.0f, 0.5f, 1.0f,   -1.0f, -1.0f, 0.5f, 1.0f,
        0.0f, 1.0f, 0.5f, 1.0f,    0.0f, -1.0f, 0.5f, 1.0f,  -1.0f, -1.0f, 0.5f, 1.0f,
    };
    D3D11_BUFFER_DESC bd = { sizeof(quad), D3D11_USAGE_DEFAULT, D3D11_BIND_STREAM_OUTPUT | D3D11_BIND_VERTEX_BUFFER,
            0, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE, 0 };
    const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    const UINT stride = 16, zero = 0;
    ID3D11Buffer *vb, *so = NULL;
    IDXGIKeyedMutex *km = NULL;
    ID3D11GeometryShader *gs;
    unsigned int bad, x = 0, y = 0;
    struct target t;

    if (!target_create(&t) || !(gs = create_so(&vs_blob, entries, 1, &stride, 1, D3D11_SO_NO_RASTERIZED_STREAM)))
    {
        target_destroy(&t);
        return;
    }
    vb = make_buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER, quad);
    if (SUCCEEDED(ID3D11Device_CreateBuffer(device, &bd, NULL, &so)))
        ID3D11Buffer_QueryInterface(so, &IID_IDXGIKeyedMutex, (void **)&km);
    ok(so && km, "keyed-mutex capture buffer");
    if (!so || !km || IDXGIKeyedMutex_AcquireSync(km, 0, 1000) != S_OK)
        goto done;
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &t.rtv, NULL);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_Draw(context, 6, 0);                 /* held: captured */
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    ID3D11DeviceContext_GSSetShader(context, NULL, NULL, 0);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &so, &stride, &zero);
    IDXGIKeyedMutex_ReleaseSync(km, 0);
    ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
    ID3D11DeviceContext_DrawAuto(context);                   /* not held: dropped */
    target_read(&t);
    bad = count_bad(&t, BLUE, BLUE, &x, &y);
    ok(!bad, "DrawAuto without the mutex: %u pixels drawn, first (%u,%u)", bad, x, y);
    ok(IDXGIKeyedMutex_AcquireSync(km, 0, 1000) == S_OK, "acquire 0 again");
    ID3D11DeviceContext_DrawAuto(context);                   /* held: drawn */
    target_read(&t);
    bad = count_bad(&t, GREEN, BLUE, &x, &y);
    ok(!bad, "DrawAuto while holding: %u pixels differ, first (%u,%u)", bad, x, y);
    IDXGIKeyedMutex_ReleaseSync(km, 0);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &vb, &stride, &zero);
done:
    if (km)
        IDXGIKeyedMutex_Release(km);
    if (so)
        ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
    target_destroy(&t);
}

/* Rasterized stream 1: its points are drawn while stream 0 is captured. */
static void test_rasterized_stream(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] = { { 0, "DATA", 0, 0, 4, 0 } };
    const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    const UINT stride = 16, zero = 0;
    uint32_t got[4 * 4], expect[4 * 4];
    unsigned int i, x, y, bad = 0, first;
    ID3D11GeometryShader *gs;
    ID3D11Buffer *vb, *so;
    struct target t;

    if (!target_create(&t) || !(gs = create_so(&gs3_blob, entries, 1, &stride, 1, 1)))
    {
        target_destroy(&t);
        return;
    }
    vb = make_points(3, 0);
    so = make_so_buffer(sizeof(got));
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &t.rtv, NULL);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    target_read(&t);
    for (y = 0; y < RT_SIZE; ++y)
        for (x = 0; x < RT_SIZE; ++x)
        {
            bool point = y == 10 && x < 24 && x % 8 == 4;
            if (t.pixels[y * RT_SIZE + x] != (point ? GREEN : BLUE) && bad++ < 3)
                printf("pixel (%u,%u) %#x\n", x, y, t.pixels[y * RT_SIZE + x]);
        }
    ok(!bad, "stream 1 rasterized: %u pixels differ", bad);
    read_buffer(so, got, sizeof(got));
    memset(expect, 0xcd, sizeof(expect));
    for (i = 0; i < 3; ++i)
    {
        expect[i * 4 + 0] = u_of(7.0f);
        expect[i * 4 + 1] = u_of(8.0f);
        expect[i * 4 + 2] = u_of(9.0f);
        expect[i * 4 + 3] = u_of((float)i);
    }
    bad = compare(got, expect, ARRAY_SIZE(got), &first);
    ok(!bad, "stream 0 captured beside rasterized stream 1: %u words differ, first %u", bad, first);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
    target_destroy(&t);
}

/* A deferred context's command list captures; executed twice it writes the same records
 * (its explicit offset applies each time), then a list binding with -1 appends. */
static void test_deferred(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 0, "TEXCOORD", 1, 0, 1, 0 },
    };
    const UINT stride = 20, zero = 0, append = ~0u, vstride = 16;
    uint32_t got[6 * 5], expect[6 * 5];
    ID3D11CommandList *list = NULL, *list2 = NULL;
    ID3D11DeviceContext *deferred = NULL;
    ID3D11GeometryShader *gs;
    ID3D11Buffer *vb, *so;
    unsigned int bad, first;
    HRESULT hr;

    hr = ID3D11Device_CreateDeferredContext(device, 0, &deferred);
    ok(hr == S_OK, "CreateDeferredContext: %#lx", (unsigned long)hr);
    if (FAILED(hr) || !(gs = create_so(&vs_blob, entries, ARRAY_SIZE(entries), &stride, 1, 0)))
    {
        if (deferred)
            ID3D11DeviceContext_Release(deferred);
        return;
    }
    vb = make_points(2, 3);
    so = make_so_buffer(sizeof(got));
    ID3D11DeviceContext_IASetInputLayout(deferred, layout);
    ID3D11DeviceContext_IASetVertexBuffers(deferred, 0, 1, &vb, &vstride, &zero);
    ID3D11DeviceContext_IASetPrimitiveTopology(deferred, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_VSSetShader(deferred, vs, NULL, 0);
    ID3D11DeviceContext_GSSetShader(deferred, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(deferred, 1, &so, &zero);
    ID3D11DeviceContext_Draw(deferred, 2, 0);
    hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    ID3D11DeviceContext_IASetInputLayout(deferred, layout);
    ID3D11DeviceContext_IASetVertexBuffers(deferred, 0, 1, &vb, &vstride, &zero);
    ID3D11DeviceContext_IASetPrimitiveTopology(deferred, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_VSSetShader(deferred, vs, NULL, 0);
    ID3D11DeviceContext_GSSetShader(deferred, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(deferred, 1, &so, &append);
    ID3D11DeviceContext_Draw(deferred, 1, 0);
    hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list2);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    if (list && list2)
    {
        ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
        ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
        ID3D11DeviceContext_ExecuteCommandList(context, list2, FALSE);
        read_buffer(so, got, sizeof(got));
        memset(expect, 0xcd, sizeof(expect));
        vs_record(3, 0, &expect[0]);
        vs_record(4, 1, &expect[5]);
        vs_record(3, 0, &expect[10]);
        bad = compare(got, expect, ARRAY_SIZE(got), &first);
        ok(!bad, "command lists: %u words differ, first %u: %#x", bad, first, first < ARRAY_SIZE(got) ? got[first] : 0);
    }
    if (list)
        ID3D11CommandList_Release(list);
    if (list2)
        ID3D11CommandList_Release(list2);
    ID3D11DeviceContext_Release(deferred);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

/* SO_OVERFLOW_PREDICATE as predicate: a draw predicated on an overflowed capture (value
 * TRUE) is skipped, one predicated on a capture that fit is drawn; DrawAuto likewise. */
static void test_overflow_predication(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] = { { 0, "SV_Position", 0, 0, 4, 0 } };
    static const float quad[] =
    {
        -1.0f, 1.0f, 0.5f, 1.0f,   0.0f, 1.0f, 0.5f, 1.0f,   -1.0f, -1.0f, 0.5f, 1.0f,
        0.0f, 1.0f, 0.5f, 1.0f,    0.0f, -1.0f, 0.5f, 1.0f,  -1.0f, -1.0f, 0.5f, 1.0f,
    };
    const D3D11_QUERY_DESC desc = { D3D11_QUERY_SO_OVERFLOW_PREDICATE, 0 };
    const float blue[4] = { 0.0f, 0.0f, 1.0f, 1.0f };
    const UINT stride = 16, zero = 0;
    ID3D11Predicate *over = NULL, *fit = NULL;
    ID3D11Buffer *vb, *tiny, *big;
    ID3D11GeometryShader *gs;
    unsigned int bad, x = 0, y = 0;
    struct target t;
    BOOL value;
    HRESULT hr;

    if (!target_create(&t) || !(gs = create_so(&vs_blob, entries, 1, &stride, 1, D3D11_SO_NO_RASTERIZED_STREAM)))
    {
        target_destroy(&t);
        return;
    }
    hr = ID3D11Device_CreatePredicate(device, &desc, &over);
    ok(hr == S_OK, "CreatePredicate: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreatePredicate(device, &desc, &fit);
    ok(hr == S_OK, "CreatePredicate: %#lx", (unsigned long)hr);
    vb = make_buffer(sizeof(quad), D3D11_BIND_VERTEX_BUFFER, quad);
    tiny = make_so_buffer(3 * 16);
    big = make_so_buffer(sizeof(quad));
    if (!over || !fit)
        goto done;

    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &tiny, &zero);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)over);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)over);
    ID3D11DeviceContext_SOSetTargets(context, 1, &big, &zero);
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)fit);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)fit);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    if (get_query((ID3D11Asynchronous *)over, &value, sizeof(value)))
        ok(value == TRUE, "overflowed: %d", value);
    if (get_query((ID3D11Asynchronous *)fit, &value, sizeof(value)))
        ok(value == FALSE, "fitted: %d", value);

    /* Plain draws of the left half under each predicate. */
    ID3D11DeviceContext_GSSetShader(context, NULL, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &t.rtv, NULL);
    ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
    ID3D11DeviceContext_SetPredication(context, over, TRUE);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    target_read(&t);
    bad = count_bad(&t, BLUE, BLUE, &x, &y);
    ok(!bad, "draw predicated on an overflow is skipped: %u pixels drawn", bad);
    ID3D11DeviceContext_SetPredication(context, fit, TRUE);
    ID3D11DeviceContext_Draw(context, 6, 0);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    target_read(&t);
    bad = count_bad(&t, GREEN, BLUE, &x, &y);
    ok(!bad, "draw predicated on no overflow is drawn: %u pixels differ, first (%u,%u)", bad, x, y);

    /* DrawAuto under the overflow predicate: skipped; under the other: drawn. */
    ID3D11DeviceContext_ClearRenderTargetView(context, t.rtv, blue);
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &big, &stride, &zero);
    ID3D11DeviceContext_SetPredication(context, over, TRUE);
    ID3D11DeviceContext_DrawAuto(context);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    target_read(&t);
    bad = count_bad(&t, BLUE, BLUE, &x, &y);
    ok(!bad, "DrawAuto predicated on an overflow is skipped: %u pixels drawn", bad);
    ID3D11DeviceContext_SetPredication(context, fit, TRUE);
    ID3D11DeviceContext_DrawAuto(context);
    ID3D11DeviceContext_SetPredication(context, NULL, FALSE);
    target_read(&t);
    bad = count_bad(&t, GREEN, BLUE, &x, &y);
    ok(!bad, "DrawAuto predicated on no overflow is drawn: %u pixels differ, first (%u,%u)", bad, x, y);

done:
    if (over) ID3D11Predicate_Release(over);
    if (fit) ID3D11Predicate_Release(fit);
    ID3D11Buffer_Release(big);
    ID3D11Buffer_Release(tiny);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
    target_destroy(&t);
}

/* A container holding only the vertex shader's signatures (what D3DGetOutputSignatureBlob
 * returns): built here from the assembled shader's ISGN and OSGN chunks. */
static bool signature_blob(const struct blob *shader, struct blob *out)
{
    struct dxbc_container c;
    const struct dxbc_chunk *chunks[2];
    uint32_t tags[2] = { DXBC_TAG_ISGN, DXBC_TAG_OSGN }, size, pos, i;
    uint8_t *data;

    memset(out, 0, sizeof(*out));
    if (dxbc_parse_container(shader->data, shader->size, &c) != DXBC_OK)
        return false;
    size = DXBC_HEADER_SIZE + 2 * 4;
    for (i = 0; i < 2; ++i)
    {
        if (!(chunks[i] = dxbc_container_find_chunk(&c, tags[i])))
            return false;
        size += 8 + chunks[i]->size;
    }
    if (!(data = calloc(1, size)))
        return false;
    memcpy(data, "DXBC", 4);
    pos = 1;
    memcpy(data + 20, &pos, 4);          /* version */
    memcpy(data + 24, &size, 4);
    pos = 2;
    memcpy(data + 28, &pos, 4);          /* chunk count */
    pos = DXBC_HEADER_SIZE + 2 * 4;
    for (i = 0; i < 2; ++i)
    {
        memcpy(data + DXBC_HEADER_SIZE + 4 * i, &pos, 4);
        memcpy(data + pos, &tags[i], 4);
        memcpy(data + pos + 4, &chunks[i]->size, 4);
        memcpy(data + pos + 8, chunks[i]->data, chunks[i]->size);
        pos += 8 + chunks[i]->size;
    }
    dxbc_checksum_compute(data, size, data + 4);
    out->data = data;
    out->size = size;
    return true;
}

/* Stream output declared on the vertex shader's output signature alone: the bound VS is
 * compiled with the capture. */
static void test_signature_only(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 0, "TEXCOORD", 1, 0, 1, 0 },
    };
    static const D3D11_SO_DECLARATION_ENTRY bad_entry[] = { { 0, "NORMAL", 0, 0, 3, 0 } };
    const UINT stride = 20, zero = 0;
    uint32_t got[4 * 5], expect[4 * 5];
    ID3D11GeometryShader *gs = NULL;
    ID3D11Buffer *vb, *so;
    unsigned int i, bad, first;
    struct blob sig;
    HRESULT hr;

    if (!signature_blob(&vs_blob, &sig))
    {
        ok(0, "building a signature-only container");
        return;
    }
    hr = ID3D11Device_CreateGeometryShader(device, sig.data, sig.size, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "CreateGeometryShader of a signature alone: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, sig.data, sig.size, bad_entry, 1, &stride, 1, 0,
            NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "signature alone, semantic it lacks: %#lx", (unsigned long)hr);
    if (!(gs = create_so(&sig, entries, ARRAY_SIZE(entries), &stride, 1, 0)))
    {
        free(sig.data);
        return;
    }
    vb = make_points(3, 2);
    so = make_so_buffer(sizeof(got));
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 1, &so, &zero);
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so, got, sizeof(got));
    memset(expect, 0xcd, sizeof(expect));
    for (i = 0; i < 3; ++i)
        vs_record(2 + i, i, &expect[i * 5]);
    bad = compare(got, expect, ARRAY_SIZE(got), &first);
    ok(!bad, "capture through a signature-only object: %u words differ, first %u: %#x", bad, first,
            first < ARRAY_SIZE(got) ? got[first] : 0);
    ID3D11Buffer_Release(so);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
    free(sig.data);
}

/* A declaration writing two slots with only slot 1 bound: slot 1 is written, slot 0's data
 * goes nowhere. */
static void test_unbound_slot(void)
{
    static const D3D11_SO_DECLARATION_ENTRY entries[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 0, "TEXCOORD", 1, 0, 1, 1 },
    };
    const UINT strides[2] = { 16, 4 }, offsets[2] = { 0, 0 };
    uint32_t got[4], expect[4];
    ID3D11Buffer *vb, *so[2];
    ID3D11GeometryShader *gs;
    unsigned int i;

    if (!(gs = create_so(&vs_blob, entries, ARRAY_SIZE(entries), strides, 2, 0)))
        return;
    vb = make_points(3, 0);
    so[0] = NULL;
    so[1] = make_so_buffer(sizeof(got));
    bind_vs(vb, D3D11_PRIMITIVE_TOPOLOGY_POINTLIST);
    ID3D11DeviceContext_GSSetShader(context, gs, NULL, 0);
    ID3D11DeviceContext_SOSetTargets(context, 2, so, offsets);
    ID3D11DeviceContext_Draw(context, 3, 0);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    read_buffer(so[1], got, sizeof(got));
    for (i = 0; i < 4; ++i)
        expect[i] = i < 3 ? 3 * i + 1 : FILL;
    ok(!memcmp(got, expect, sizeof(got)), "slot 1 alone: %#x %#x %#x %#x", got[0], got[1], got[2], got[3]);
    ID3D11Buffer_Release(so[1]);
    ID3D11Buffer_Release(vb);
    ID3D11GeometryShader_Release(gs);
}

/* Declarations D3D11 rejects: E_INVALIDARG and no object. */
static void test_bad_declarations(void)
{
    static const struct
    {
        D3D11_SO_DECLARATION_ENTRY entry;
        UINT stride;
        UINT rasterized;
        const char *what;
    }
    bad[] =
    {
        { { 4, "SV_Position", 0, 0, 4, 0 }, 16, 0, "stream 4" },
        { { 0, "SV_Position", 0, 0, 4, 4 }, 16, 0, "output slot 4" },
        { { 0, "SV_Position", 0, 0, 0, 0 }, 16, 0, "no components" },
        { { 0, "SV_Position", 0, 3, 2, 0 }, 16, 0, "components past w" },
        { { 0, "SV_Position", 0, 4, 1, 0 }, 16, 0, "start component 4" },
        { { 0, "SV_Position", 0, 0, 5, 0 }, 20, 0, "five components of a register" },
        { { 0, "NORMAL", 0, 0, 3, 0 }, 16, 0, "semantic not in the output signature" },
        { { 0, "TEXCOORD", 2, 0, 1, 0 }, 16, 0, "semantic index not in the output signature" },
        { { 0, "TEXCOORD", 1, 0, 2, 0 }, 16, 0, "components the output does not have" },
        { { 1, "SV_Position", 0, 0, 4, 0 }, 16, 0, "stream 1 of a vertex shader" },
        { { 0, "SV_Position", 0, 0, 4, 0 }, 18, 0, "stride not a multiple of 4" },
        { { 0, "SV_Position", 0, 0, 4, 0 }, 2052, 0, "stride over 2048" },
        { { 0, "SV_Position", 0, 0, 4, 0 }, 12, 0, "entries overflow the stride" },
        { { 0, "SV_Position", 0, 0, 4, 0 }, 16, 4, "rasterized stream 4" },
    };
    static const D3D11_SO_DECLARATION_ENTRY two_streams_one_slot[] =
    {
        { 0, "SV_Position", 0, 0, 4, 0 },
        { 1, "DATA", 0, 0, 3, 0 },
    };
    static const D3D11_SO_DECLARATION_ENTRY pos[] = { { 0, "SV_Position", 0, 0, 4, 0 } };
    const UINT strides[5] = { 16, 16, 16, 16, 16 };
    ID3D11GeometryShader *gs;
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < ARRAY_SIZE(bad); ++i)
    {
        gs = (ID3D11GeometryShader *)(uintptr_t)1;
        hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size, &bad[i].entry, 1,
                &bad[i].stride, 1, bad[i].rasterized, NULL, &gs);
        ok(hr == E_INVALIDARG && !gs, "%s: %#lx, %p", bad[i].what, (unsigned long)hr, (void *)gs);
        if (SUCCEEDED(hr) && gs && gs != (ID3D11GeometryShader *)(uintptr_t)1)
            ID3D11GeometryShader_Release(gs);
    }
    gs = NULL;
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, gs2_blob.data, gs2_blob.size, two_streams_one_slot, 2,
            strides, 1, D3D11_SO_NO_RASTERIZED_STREAM, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "two streams into one slot: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size, pos, 1, strides, 5, 0, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "five strides: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size, NULL, 1, strides, 1, 0, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "NULL entries: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, ps_blob.data, ps_blob.size, pos, 1, strides, 1, 0, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "pixel shader bytecode: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, NULL, 0, pos, 1, strides, 1, 0, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "no bytecode: %#lx", (unsigned long)hr);
    hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size / 2, pos, 1, strides, 1, 0, NULL, &gs);
    ok(hr == E_INVALIDARG && !gs, "truncated bytecode: %#lx", (unsigned long)hr);

    /* Valid edge cases: NULL out pointer validates only; a 2048-byte stride; stream 3 rasterized. */
    {
        const UINT big = 2048;

        hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size, pos, 1, &big, 1, 0, NULL, NULL);
        ok(hr == S_FALSE, "validation only: %#lx", (unsigned long)hr);
        hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, vs_blob.data, vs_blob.size, pos, 1, &big, 1, 0, NULL, &gs);
        ok(hr == S_OK && gs, "stride 2048: %#lx", (unsigned long)hr);
        if (gs)
            ID3D11GeometryShader_Release(gs);
        gs = NULL;
        hr = ID3D11Device_CreateGeometryShaderWithStreamOutput(device, gs2_blob.data, gs2_blob.size, pos, 1, strides, 1, 3, NULL, &gs);
        ok(hr == S_OK && gs, "rasterized stream 3: %#lx", (unsigned long)hr);
        if (gs)
            ID3D11GeometryShader_Release(gs);
    }
}

/* SOSetTargets/SOGetTargets: no public references while bound, one per Get, unset slots
 * become NULL; a buffer bound as stream-output target is unbound from vertex input and
 * cannot be bound for reading while it stays a target. */
static void test_targets_state(void)
{
    ID3D11Buffer *a, *b, *got[4], *vb_got;
    UINT offsets[2] = { 0, 0 }, stride = 16, zero = 0, got_stride, got_offset;

    a = make_so_buffer(64);
    b = make_so_buffer(64);
    ID3D11DeviceContext_ClearState(context);
    ID3D11DeviceContext_SOSetTargets(context, 1, &a, offsets);
    ok(get_refcount(a) == 1, "binding adds no public reference: %lu", (unsigned long)get_refcount(a));
    memset(got, 0x55, sizeof(got));
    ID3D11DeviceContext_SOGetTargets(context, 4, got);
    ok(got[0] == a && !got[1] && !got[2] && !got[3], "SOGetTargets: %p %p %p %p", (void *)got[0], (void *)got[1],
            (void *)got[2], (void *)got[3]);
    ok(get_refcount(a) == 2, "Get adds one: %lu", (unsigned long)get_refcount(a));
    if (got[0])
        ID3D11Buffer_Release(got[0]);

    /* Binding as a vertex buffer while a target: NULL is bound instead. */
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &a, &stride, &zero);
    ID3D11DeviceContext_IAGetVertexBuffers(context, 0, 1, &vb_got, &got_stride, &got_offset);
    ok(!vb_got, "a stream-output target is not bound as vertex buffer: %p", (void *)vb_got);
    if (vb_got)
        ID3D11Buffer_Release(vb_got);

    /* Binding as target unbinds it from vertex input. */
    ID3D11DeviceContext_IASetVertexBuffers(context, 0, 1, &b, &stride, &zero);
    {
        ID3D11Buffer *pair[2] = { a, b };
        ID3D11DeviceContext_SOSetTargets(context, 2, pair, offsets);
    }
    ID3D11DeviceContext_IAGetVertexBuffers(context, 0, 1, &vb_got, &got_stride, &got_offset);
    ok(!vb_got, "binding as target unbinds the vertex buffer: %p", (void *)vb_got);
    if (vb_got)
        ID3D11Buffer_Release(vb_got);

    /* Fewer targets unbind the rest. */
    ID3D11DeviceContext_SOSetTargets(context, 1, &b, offsets);
    ID3D11DeviceContext_SOGetTargets(context, 2, got);
    ok(got[0] == b && !got[1], "SOSetTargets(1) unbinds slot 1: %p %p", (void *)got[0], (void *)got[1]);
    if (got[0])
        ID3D11Buffer_Release(got[0]);
    if (got[1])
        ID3D11Buffer_Release(got[1]);
    ID3D11DeviceContext_SOSetTargets(context, 0, NULL, NULL);
    ID3D11DeviceContext_SOGetTargets(context, 1, got);
    ok(!got[0], "SOSetTargets(0) unbinds everything");
    ok(get_refcount(a) == 1 && get_refcount(b) == 1, "references back to 1: %lu %lu", (unsigned long)get_refcount(a),
            (unsigned long)get_refcount(b));

    /* A buffer without the stream-output bind flag is not bound as target. */
    {
        ID3D11Buffer *plain = make_buffer(64, D3D11_BIND_VERTEX_BUFFER, NULL);

        ID3D11DeviceContext_SOSetTargets(context, 1, &plain, offsets);
        ID3D11DeviceContext_SOGetTargets(context, 1, got);
        ok(!got[0], "a buffer without BIND_STREAM_OUTPUT is not bound: %p", (void *)got[0]);
        if (got[0])
            ID3D11Buffer_Release(got[0]);
        ID3D11Buffer_Release(plain);
    }
    ID3D11Buffer_Release(a);
    ID3D11Buffer_Release(b);
}

int main(void)
{
    static const D3D11_INPUT_ELEMENT_DESC elements[] =
    {
        { "POSITION", 0, DXGI_FORMAT_R32G32B32A32_FLOAT, 0, 0, D3D11_INPUT_PER_VERTEX_DATA, 0 },
    };
    D3D_FEATURE_LEVEL level = D3D_FEATURE_LEVEL_11_0;
    HRESULT hr;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, &level, 1, D3D11_SDK_VERSION, &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    if (assemble(vs_text, &vs_blob) && assemble(gs_text, &gs_blob) && assemble(gs2_text, &gs2_blob)
            && assemble(gs3_text, &gs3_blob)
            && assemble(ps_text, &ps_blob))
    {
        hr = ID3D11Device_CreateVertexShader(device, vs_blob.data, vs_blob.size, NULL, &vs);
        ok(hr == S_OK, "CreateVertexShader: %#lx", (unsigned long)hr);
        hr = ID3D11Device_CreatePixelShader(device, ps_blob.data, ps_blob.size, NULL, &ps);
        ok(hr == S_OK, "CreatePixelShader: %#lx", (unsigned long)hr);
        hr = ID3D11Device_CreateInputLayout(device, elements, 1, vs_blob.data, vs_blob.size, &layout);
        ok(hr == S_OK, "CreateInputLayout: %#lx", (unsigned long)hr);
        if (vs && ps && layout)
        {
            run_test(test_bad_declarations);
            run_test(test_targets_state);
            run_test(test_capture_vs);
            run_test(test_slots_and_gaps);
            run_test(test_append);
            run_test(test_gs_amplification_queries);
            run_test(test_two_streams);
            run_test(test_draw_auto);
            run_test(test_draw_auto_keyed_mutex);
            run_test(test_rasterized_stream);
            run_test(test_deferred);
            run_test(test_overflow_predication);
            run_test(test_signature_only);
            run_test(test_unbound_slot);
        }
        if (layout) ID3D11InputLayout_Release(layout);
        if (ps) ID3D11PixelShader_Release(ps);
        if (vs) ID3D11VertexShader_Release(vs);
    }
    free(vs_blob.data);
    free(gs_blob.data);
    free(gs2_blob.data);
    free(gs3_blob.data);
    free(ps_blob.data);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return test_finish();
}
