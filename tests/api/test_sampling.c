/* test_sampling.c — shader resources and samplers: every texture dimension (1D, 1D array, 2D,
 * 2D array, 3D, cube, cube array, 2DMS and 2DMS array loads, typed/raw/structured buffer SRVs)
 * read with ld / sample_l / sample_d / gather4 (with immediate and programmable offsets and
 * comparison) / sample_c_lz / resinfo / sampleinfo / bufinfo from compute shaders, under point,
 * linear, anisotropic, min/max-reduction and comparison samplers, every address mode (border
 * colours and MIRROR_ONCE included) and LOD clamps; implicit-LOD sampling (sample, sample_b)
 * with MipLODBias and MinLOD/MaxLOD from a pixel shader; render-target-to-SRV transitions; a
 * sampler released by the application while recorded work still uses it. Textures hold values
 * that name their texel, so expected results are computed here; filtered results are checked
 * within 1/256 of the texel spacing (weights of exactly 0.5), implicit LODs within 0.05. */
#include <math.h>
#include "test.h"
#include "dxbc.h"

#ifndef ARRAY_SIZE
# define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

static ID3D11Device *device;
static ID3D11DeviceContext *context;

#define HR_OK(expr, what) do { HRESULT hr_ = (expr); ok(hr_ == S_OK, "%s: %#lx", what, (unsigned long)hr_); } while (0)
#define release(p) do { if (p) { IUnknown_Release((IUnknown *)(p)); (p) = NULL; } } while (0)

static void *assemble(const char *text, size_t *size)
{
    char error[256] = "";
    void *blob = NULL;

    if (!dxbc_assemble(text, &blob, size, error, sizeof(error)))
    {
        ok(0, "assembling: %s\n%s", error, text);
        return NULL;
    }
    return blob;
}

/* ---------------------------------------------------------------------------------------
 * Probes: one compute thread runs a list of instructions, each leaving its result in r0, and
 * stores every result into a raw UAV; results are compared with values computed here. */

struct probe
{
    char ins[200];
    float expect[4];
    unsigned int mask;          /* components checked */
    float tol;
    bool uint;                  /* compare as integers */
    const char *what;
};

#define MAX_PROBES 64
static struct probe probes[MAX_PROBES];
static unsigned int probe_count;
/* Released (unbound first) right after the dispatch is recorded: the last reference. */
static ID3D11SamplerState *release_after_dispatch;

static void probe_f(const char *what, float tol, unsigned int mask, float x, float y, float z, float w,
        const char *fmt, ...) __attribute__((format(printf, 8, 9)));
static void probe_f(const char *what, float tol, unsigned int mask, float x, float y, float z, float w, const char *fmt, ...)
{
    struct probe *p;
    va_list args;

    if (probe_count == MAX_PROBES)
    {
        ok(0, "too many probes");
        return;
    }
    p = &probes[probe_count++];
    memset(p, 0, sizeof(*p));
    va_start(args, fmt);
    vsnprintf(p->ins, sizeof(p->ins), fmt, args);
    va_end(args);
    p->expect[0] = x; p->expect[1] = y; p->expect[2] = z; p->expect[3] = w;
    p->mask = mask;
    p->tol = tol;
    p->what = what;
}

static void probe_u(const char *what, unsigned int mask, uint32_t x, uint32_t y, uint32_t z, uint32_t w,
        const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void probe_u(const char *what, unsigned int mask, uint32_t x, uint32_t y, uint32_t z, uint32_t w, const char *fmt, ...)
{
    struct probe *p;
    va_list args;

    if (probe_count == MAX_PROBES)
    {
        ok(0, "too many probes");
        return;
    }
    p = &probes[probe_count++];
    memset(p, 0, sizeof(*p));
    va_start(args, fmt);
    vsnprintf(p->ins, sizeof(p->ins), fmt, args);
    va_end(args);
    memcpy(&p->expect[0], &x, 4); memcpy(&p->expect[1], &y, 4);
    memcpy(&p->expect[2], &z, 4); memcpy(&p->expect[3], &w, 4);
    p->mask = mask;
    p->uint = true;
    p->what = what;
}

/* Runs the probes with `decls` (resource/sampler declarations), t0.. = srvs, s0.. = samplers. */
static void run_probes(const char *name, const char *decls, ID3D11ShaderResourceView *const *srvs, UINT srv_count,
        ID3D11SamplerState *const *samplers, UINT sampler_count)
{
    D3D11_BUFFER_DESC bd = { MAX_PROBES * 16, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0,
            D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS, 0 };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11UnorderedAccessView *uav = NULL;
    ID3D11Buffer *buffer = NULL, *staging = NULL;
    ID3D11ComputeShader *cs = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    size_t len = 0, cap = 4096 + probe_count * 300, size;
    char *text = malloc(cap);
    unsigned int i, c;
    void *blob;

    if (!text || !probe_count)
        goto done;
    len += snprintf(text + len, cap - len, "cs_5_0\n%sdcl_uav_raw u0\ndcl_temps 2\ndcl_thread_group 1, 1, 1\n", decls);
    for (i = 0; i < probe_count; ++i)
        len += snprintf(text + len, cap - len, "mov r0.xyzw, l(0, 0, 0, 0)\n%s\nstore_raw u0.xyzw, l(%u), r0.xyzw\n",
                probes[i].ins, i * 16);
    snprintf(text + len, cap - len, "ret\n");
    if (!(blob = assemble(text, &size)))
        goto done;
    HR_OK(ID3D11Device_CreateComputeShader(device, blob, size, NULL, &cs), name);
    free(blob);
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, NULL, &buffer), "CreateBuffer");
    bd.Usage = D3D11_USAGE_STAGING;
    bd.BindFlags = 0;
    bd.MiscFlags = 0;
    bd.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, NULL, &staging), "CreateBuffer(staging)");
    if (!cs || !buffer || !staging)
        goto done;
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_TYPELESS;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.NumElements = MAX_PROBES * 4;
    ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    HR_OK(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)buffer, &ud, &uav), "UAV");
    if (!uav)
        goto done;
    ID3D11DeviceContext_CSSetShader(context, cs, NULL, 0);
    if (srv_count)
        ID3D11DeviceContext_CSSetShaderResources(context, 0, srv_count, srvs);
    if (sampler_count)
        ID3D11DeviceContext_CSSetSamplers(context, 0, sampler_count, samplers);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context, 0, 1, &uav, NULL);
    ID3D11DeviceContext_Dispatch(context, 1, 1, 1);
    if (release_after_dispatch)
    {
        ID3D11SamplerState *null_sampler = NULL;

        /* Once more in a new submission, the binding unchanged (not recorded again). */
        ID3D11DeviceContext_Flush(context);
        ID3D11DeviceContext_Dispatch(context, 1, 1, 1);

        ID3D11DeviceContext_CSSetSamplers(context, 0, 1, &null_sampler);
        ok(!ID3D11SamplerState_Release(release_after_dispatch), "sampler still referenced");
        release_after_dispatch = NULL;
    }
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)buffer);
    if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        ok(0, "Map");
        goto done;
    }
    for (i = 0; i < probe_count; ++i)
    {
        const struct probe *p = &probes[i];
        const float *got = (const float *)map.pData + i * 4;
        bool good = true;

        for (c = 0; c < 4; ++c)
        {
            if (!(p->mask & (1u << c)))
                continue;
            if (p->uint)
                good &= !memcmp(&got[c], &p->expect[c], 4);
            else
                good &= fabsf(got[c] - p->expect[c]) <= p->tol;
        }
        if (p->uint)
        {
            const uint32_t *g = (const uint32_t *)got, *e = (const uint32_t *)p->expect;
            ok(good, "%s: %s: (%u %u %u %u), expected (%u %u %u %u) mask %#x [%s]", name, p->what, g[0], g[1], g[2], g[3],
                    e[0], e[1], e[2], e[3], p->mask, p->ins);
        }
        else
            ok(good, "%s: %s: (%g %g %g %g), expected (%g %g %g %g) mask %#x +-%g [%s]", name, p->what, got[0], got[1],
                    got[2], got[3], p->expect[0], p->expect[1], p->expect[2], p->expect[3], p->mask, p->tol, p->ins);
    }
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
done:
    probe_count = 0;
    free(text);
    release(uav); release(buffer); release(staging); release(cs);
    ID3D11DeviceContext_ClearState(context);
}

/* ---------------------------------------------------------------------------------------
 * Resources */

static ID3D11SamplerState *sampler(D3D11_FILTER filter, D3D11_TEXTURE_ADDRESS_MODE address, float bias, float min_lod,
        float max_lod, D3D11_COMPARISON_FUNC cmp, const float *border)
{
    D3D11_SAMPLER_DESC d = { filter, address, address, address, bias, 16, cmp, { 0, 0, 0, 0 }, min_lod, max_lod };
    ID3D11SamplerState *s = NULL;

    if (border)
        memcpy(d.BorderColor, border, sizeof(d.BorderColor));
    HR_OK(ID3D11Device_CreateSamplerState(device, &d, &s), "CreateSamplerState");
    return s;
}

#define POINT_S(addr) sampler(D3D11_FILTER_MIN_MAG_MIP_POINT, addr, 0.0f, 0.0f, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL)

/* An R32_FLOAT texture of any dimension whose texel (x, y, layer-or-z, mip) holds f(). */
typedef float (*texel_fn)(unsigned int x, unsigned int y, unsigned int z, unsigned int mip);

static ID3D11Resource *make_texture(D3D11_RESOURCE_DIMENSION dim, UINT w, UINT h, UINT d_or_layers, UINT mips,
        UINT misc, texel_fn f)
{
    D3D11_SUBRESOURCE_DATA init[64];
    float *data, *p;
    ID3D11Resource *res = NULL;
    UINT layers = dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? 1 : d_or_layers;
    UINT total = 0, l, m, x, y, z;

    for (l = 0; l < layers; ++l)
        for (m = 0; m < mips; ++m)
        {
            UINT mw = w >> m ? w >> m : 1, mh = h >> m ? h >> m : 1;
            UINT md = dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? (d_or_layers >> m ? d_or_layers >> m : 1) : 1;
            total += mw * mh * md;
        }
    if (!(p = data = malloc(total * sizeof(float))))
        return NULL;
    for (l = 0; l < layers; ++l)
        for (m = 0; m < mips; ++m)
        {
            UINT mw = w >> m ? w >> m : 1, mh = h >> m ? h >> m : 1;
            UINT md = dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? (d_or_layers >> m ? d_or_layers >> m : 1) : 1;
            D3D11_SUBRESOURCE_DATA *s = &init[l * mips + m];

            s->pSysMem = p;
            s->SysMemPitch = mw * 4;
            s->SysMemSlicePitch = mw * mh * 4;
            for (z = 0; z < md; ++z)
                for (y = 0; y < mh; ++y)
                    for (x = 0; x < mw; ++x)
                        *p++ = f(x, y, dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D ? z : l, m);
        }
    switch (dim)
    {
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
        {
            D3D11_TEXTURE1D_DESC td = { w, mips, layers, DXGI_FORMAT_R32_FLOAT, D3D11_USAGE_IMMUTABLE,
                    D3D11_BIND_SHADER_RESOURCE, 0, misc };
            HR_OK(ID3D11Device_CreateTexture1D(device, &td, init, (ID3D11Texture1D **)&res), "CreateTexture1D");
            break;
        }
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
        {
            D3D11_TEXTURE2D_DESC td = { w, h, mips, layers, DXGI_FORMAT_R32_FLOAT, { 1, 0 }, D3D11_USAGE_IMMUTABLE,
                    D3D11_BIND_SHADER_RESOURCE, 0, misc };
            HR_OK(ID3D11Device_CreateTexture2D(device, &td, init, (ID3D11Texture2D **)&res), "CreateTexture2D");
            break;
        }
        default:
        {
            D3D11_TEXTURE3D_DESC td = { w, h, d_or_layers, mips, DXGI_FORMAT_R32_FLOAT, D3D11_USAGE_IMMUTABLE,
                    D3D11_BIND_SHADER_RESOURCE, 0, misc };
            HR_OK(ID3D11Device_CreateTexture3D(device, &td, init, (ID3D11Texture3D **)&res), "CreateTexture3D");
            break;
        }
    }
    free(data);
    return res;
}

static ID3D11ShaderResourceView *srv_of(ID3D11Resource *res, const D3D11_SHADER_RESOURCE_VIEW_DESC *desc)
{
    ID3D11ShaderResourceView *srv = NULL;

    if (res)
        HR_OK(ID3D11Device_CreateShaderResourceView(device, res, desc, &srv), "CreateShaderResourceView");
    return srv;
}

#define X 1u
#define XYZW 0xfu
#define TOL 0.004f      /* 1/256 of a texel spacing of 1 */

static void draw_fullscreen(ID3D11PixelShader *ps, UINT width, UINT height);
static ID3D11PixelShader *make_ps(const char *text);

/* ---------------------------------------------------------------------------------------
 * Dimensions */

static float f_1d(unsigned int x, unsigned int y, unsigned int l, unsigned int m) { (void)y; return x + 10.0f * l + 100.0f * m; }
static float f_2d(unsigned int x, unsigned int y, unsigned int l, unsigned int m) { return x + 4.0f * y + 16.0f * l + 100.0f * m; }
static float f_3d(unsigned int x, unsigned int y, unsigned int z, unsigned int m) { return x + 4.0f * y + 16.0f * z + 100.0f * m; }
static float f_cube(unsigned int x, unsigned int y, unsigned int l, unsigned int m) { (void)m; return l * 10.0f + x + 2.0f * y; }

static void test_texture_1d(void)
{
    ID3D11Resource *tex = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE1D, 8, 1, 1, 2, 0, f_1d);
    ID3D11Resource *arr = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE1D, 4, 1, 3, 1, 0, f_1d);
    ID3D11ShaderResourceView *srvs[2] = { srv_of(tex, NULL), srv_of(arr, NULL) };
    ID3D11SamplerState *s[2] = { POINT_S(D3D11_TEXTURE_ADDRESS_CLAMP),
            sampler(D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL) };

    if (!srvs[0] || !srvs[1] || !s[0] || !s[1])
        goto done;
    probe_f("ld 1D", 0, X, 5, 0, 0, 0, "ld r0.xyzw, l(5, 0, 0, 0), t0.xyzw");
    probe_f("ld 1D mip 1", 0, X, 102, 0, 0, 0, "ld r0.xyzw, l(2, 0, 0, 1), t0.xyzw");
    probe_f("sample_l 1D point", 0, X, 5, 0, 0, 0, "sample_l r0.xyzw, l(%.8f, 0, 0, 0), t0.xyzw, s0, l(0)", 5.5 / 8);
    probe_f("sample_l 1D point lod 1", 0, X, 102, 0, 0, 0, "sample_l r0.xyzw, l(%.8f, 0, 0, 0), t0.xyzw, s0, l(1.0)", 2.5 / 4);
    probe_f("sample_l 1D linear", TOL, X, 3.5f, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0, 0, 0), t0.xyzw, s1, l(0)");
    probe_u("resinfo_uint 1D", XYZW, 4, 0, 0, 2, "resinfo_uint r0.xyzw, l(1), t0.xyzw");
    probe_f("ld 1D array", 0, X, 12, 0, 0, 0, "ld r0.xyzw, l(2, 1, 0, 0), t1.xyzw");
    probe_f("sample_l 1D array layer 2.4", 0, X, 21, 0, 0, 0, "sample_l r0.xyzw, l(%.8f, 2.4, 0, 0), t1.xyzw, s0, l(0)", 1.5 / 4);
    probe_f("sample_l 1D array layer 1.6", 0, X, 21, 0, 0, 0, "sample_l r0.xyzw, l(%.8f, 1.6, 0, 0), t1.xyzw, s0, l(0)", 1.5 / 4);
    probe_u("resinfo_uint 1D array", XYZW, 4, 3, 0, 1, "resinfo_uint r0.xyzw, l(0), t1.xyzw");
    run_probes("1D", "dcl_sampler s0, mode_default\ndcl_sampler s1, mode_default\n"
            "dcl_resource_texture1d (float,float,float,float) t0\ndcl_resource_texture1darray (float,float,float,float) t1\n",
            srvs, 2, s, 2);
done:
    release(srvs[0]); release(srvs[1]); release(tex); release(arr); release(s[0]); release(s[1]);
}

static void test_texture_2d(void)
{
    ID3D11Resource *tex = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 4, 4, 1, 3, 0, f_2d);
    ID3D11ShaderResourceView *srv = srv_of(tex, NULL);
    ID3D11SamplerState *s[8] = { 0 };
    D3D11_FEATURE_DATA_D3D11_OPTIONS1 o1 = { 0 };
    unsigned int i;

    s[0] = POINT_S(D3D11_TEXTURE_ADDRESS_CLAMP);
    s[1] = sampler(D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
    s[2] = sampler(D3D11_FILTER_MIN_MAG_POINT_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
    s[3] = sampler(D3D11_FILTER_ANISOTROPIC, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
    s[4] = sampler(D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 1.0f, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
    s[5] = sampler(D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, 1.0f, D3D11_COMPARISON_NEVER, NULL);
    HR_OK(ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS1, &o1, sizeof(o1)), "D3D11_OPTIONS1");
    if (o1.MinMaxFiltering)
    {
        s[6] = sampler(D3D11_FILTER_MINIMUM_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
        s[7] = sampler(D3D11_FILTER_MAXIMUM_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL);
    }
    else
        printf("min/max reduction filters not offered: not tested\n");
    if (!srv || !s[0] || !s[1] || !s[2] || !s[3] || !s[4] || !s[5])
        goto done;
    probe_f("ld 2D", 0, X, 9, 0, 0, 0, "ld r0.xyzw, l(1, 2, 0, 0), t0.xyzw");
    probe_f("ld 2D mip 1", 0, X, 105, 0, 0, 0, "ld r0.xyzw, l(1, 1, 0, 1), t0.xyzw");
    probe_f("ld 2D mip 2", 0, X, 200, 0, 0, 0, "ld r0.xyzw, l(0, 0, 0, 2), t0.xyzw");
    probe_f("ld_aoffimmi 2D", 0, X, 14, 0, 0, 0, "ld_aoffimmi(1,1,0) r0.xyzw, l(1, 2, 0, 0), t0.xyzw");
    probe_f("sample_l point", 0, X, 9, 0, 0, 0, "sample_l r0.xyzw, l(0.375, 0.625, 0, 0), t0.xyzw, s0, l(0)");
    probe_f("sample_l point lod 1", 0, X, 101, 0, 0, 0, "sample_l r0.xyzw, l(0.75, 0.25, 0, 0), t0.xyzw, s0, l(1.0)");
    probe_f("sample_l point lod 5 (clamped to the last mip)", 0, X, 200, 0, 0, 0,
            "sample_l r0.xyzw, l(0.75, 0.25, 0, 0), t0.xyzw, s0, l(5.0)");
    probe_f("sample_l_aoffimmi point", 0, X, 10, 0, 0, 0, "sample_l_aoffimmi(1,0,0) r0.xyzw, l(0.375, 0.625, 0, 0), t0.xyzw, s0, l(0)");
    probe_f("sample_l linear in x", TOL, X, 9.5f, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.625, 0, 0), t0.xyzw, s1, l(0)");
    probe_f("sample_l bilinear", TOL, X, 7.5f, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s1, l(0)");
    probe_f("sample_l point, linear mip at 0.5", TOL, X, 50.0f, 0, 0, 0, "sample_l r0.xyzw, l(0.125, 0.125, 0, 0), t0.xyzw, s2, l(0.5)");
    probe_f("sample_l anisotropic (isotropic footprint: bilinear)", TOL, X, 7.5f, 0, 0, 0,
            "sample_l r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s3, l(0)");
    probe_f("sample_d gradients of two texels: lod 1", 0, X, 101, 0, 0, 0,
            "sample_d r0.xyzw, l(0.75, 0.25, 0, 0), t0.xyzw, s0, l(0.5, 0, 0, 0), l(0, 0.5, 0, 0)");
    probe_f("sample_d gradients of one texel: lod 0", 0, X, 9, 0, 0, 0,
            "sample_d r0.xyzw, l(0.375, 0.625, 0, 0), t0.xyzw, s0, l(0.25, 0, 0, 0), l(0, 0.25, 0, 0)");
    probe_f("MinLOD 1 clamps lod 0", 0, X, 101, 0, 0, 0, "sample_l r0.xyzw, l(0.75, 0.25, 0, 0), t0.xyzw, s4, l(0)");
    probe_f("MaxLOD 1 clamps lod 2", 0, X, 101, 0, 0, 0, "sample_l r0.xyzw, l(0.75, 0.25, 0, 0), t0.xyzw, s5, l(2.0)");
    /* gather4: (x, y, z, w) = texels (i, j+1), (i+1, j+1), (i+1, j), (i, j) around the point. */
    probe_f("gather4", 0, XYZW, 9, 10, 6, 5, "gather4 r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s0.x");
    probe_f("gather4_aoffimmi", 0, XYZW, 8, 9, 5, 4, "gather4_aoffimmi(-1,0,0) r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s0.x");
    probe_f("gather4_po", 0, XYZW, 14, 15, 11, 10, "gather4_po r0.xyzw, l(0.5, 0.5, 0, 0), l(1, 1, 0, 0), t0.xyzw, s0.x");
    probe_f("gather4 swizzled result", 0, XYZW, 5, 6, 10, 9, "gather4 r0.xyzw, l(0.5, 0.5, 0, 0), t0.wzyx, s0.x");
    probe_u("resinfo_uint mip 0", XYZW, 4, 4, 0, 3, "resinfo_uint r0.xyzw, l(0), t0.xyzw");
    probe_u("resinfo_uint mip 1", XYZW, 2, 2, 0, 3, "resinfo_uint r0.xyzw, l(1), t0.xyzw");
    probe_f("resinfo float", 0, XYZW, 4, 4, 0, 3, "resinfo r0.xyzw, l(0), t0.xyzw");
    probe_f("resinfo_rcpfloat", 0, 3, 0.25f, 0.25f, 0, 0, "resinfo_rcpFloat r0.xyzw, l(0), t0.xyzw");
    probe_u("resinfo_uint past the mips", 7, 0, 0, 0, 3, "resinfo_uint r0.xyzw, l(3), t0.xyzw");
    if (s[6] && s[7])
    {
        probe_f("MINIMUM filter", TOL, X, 5, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s6, l(0)");
        probe_f("MAXIMUM filter", TOL, X, 10, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s7, l(0)");
    }
    run_probes("2D", "dcl_sampler s0, mode_default\ndcl_sampler s1, mode_default\ndcl_sampler s2, mode_default\n"
            "dcl_sampler s3, mode_default\ndcl_sampler s4, mode_default\ndcl_sampler s5, mode_default\n"
            "dcl_sampler s6, mode_default\ndcl_sampler s7, mode_default\n"
            "dcl_resource_texture2d (float,float,float,float) t0\n", &srv, 1, s, 8);
done:
    for (i = 0; i < ARRAY_SIZE(s); ++i)
        release(s[i]);
    release(srv); release(tex);
}

/* Every address mode with a point sampler on row 0 of the 2D texture (texel value = x), at
 * u = 1.375, -1.375 and -0.375 (texel coordinates 5.5, -5.5, -1.5). */
static void test_address_modes(void)
{
    static const struct
    {
        D3D11_TEXTURE_ADDRESS_MODE mode;
        const char *name;
        float expect[3];        /* -1: the border colour */
    }
    modes[] =
    {
        { D3D11_TEXTURE_ADDRESS_WRAP, "WRAP", { 1, 2, 2 } },
        { D3D11_TEXTURE_ADDRESS_MIRROR, "MIRROR", { 2, 2, 1 } },
        { D3D11_TEXTURE_ADDRESS_CLAMP, "CLAMP", { 3, 0, 0 } },
        { D3D11_TEXTURE_ADDRESS_BORDER, "BORDER", { -1, -1, -1 } },
        { D3D11_TEXTURE_ADDRESS_MIRROR_ONCE, "MIRROR_ONCE", { 3, 3, 1 } },
    };
    static const float coords[3] = { 1.375f, -1.375f, -0.375f };
    static const float borders[3][4] = { { 0.25f, 0.5f, 0.75f, 1.0f }, { 1, 1, 1, 1 }, { 0, 0, 0, 1 } };
    ID3D11Resource *tex = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 4, 4, 1, 1, 0, f_2d);
    ID3D11ShaderResourceView *srv = srv_of(tex, NULL);
    ID3D11SamplerState *s[8] = { 0 };
    unsigned int i, j;
    char decls[512] = "dcl_resource_texture2d (float,float,float,float) t0\n";

    for (i = 0; i < ARRAY_SIZE(modes); ++i)
        s[i] = sampler(D3D11_FILTER_MIN_MAG_MIP_POINT, modes[i].mode, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER,
                borders[0]);
    for (j = 1; j < 3; ++j)
        s[4 + j] = sampler(D3D11_FILTER_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_BORDER, 0, 0, D3D11_FLOAT32_MAX,
                D3D11_COMPARISON_NEVER, borders[j]);
    /* A linear sampler over the border: half texel 0, half border colour. */
    s[7] = sampler(D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_BORDER, 0, 0, D3D11_FLOAT32_MAX,
            D3D11_COMPARISON_NEVER, borders[0]);
    for (i = 0; i < 8; ++i)
    {
        if (!s[i])
            goto done;
        snprintf(decls + strlen(decls), sizeof(decls) - strlen(decls), "dcl_sampler s%u, mode_default\n", i);
    }
    if (!srv)
        goto done;
    for (i = 0; i < ARRAY_SIZE(modes); ++i)
        for (j = 0; j < 3; ++j)
        {
            float e = modes[i].expect[j] < 0 ? borders[0][0] : modes[i].expect[j];
            probe_f(modes[i].name, 0, X, e, 0, 0, 0, "sample_l r0.xyzw, l(%.8f, 0.125, 0, 0), t0.xyzw, s%u, l(0)", coords[j], i);
        }
    /* Border colours: the red channel of an R32_FLOAT texture comes from the colour. */
    probe_f("BORDER opaque white", 0, X, 1, 0, 0, 0, "sample_l r0.xyzw, l(-0.5, 0.125, 0, 0), t0.xyzw, s5, l(0)");
    probe_f("BORDER opaque black", 0, X, 0, 0, 0, 0, "sample_l r0.xyzw, l(-0.5, 0.125, 0, 0), t0.xyzw, s6, l(0)");
    probe_f("BORDER in v", 0, X, 0.25f, 0, 0, 0, "sample_l r0.xyzw, l(0.375, 1.5, 0, 0), t0.xyzw, s3, l(0)");
    probe_f("linear filter at the border edge", TOL, X, (0.0f + 0.25f) / 2, 0, 0, 0,
            "sample_l r0.xyzw, l(0, 0.125, 0, 0), t0.xyzw, s7, l(0)");
    run_probes("address modes", decls, &srv, 1, s, 8);
done:
    for (i = 0; i < ARRAY_SIZE(s); ++i)
        release(s[i]);
    release(srv); release(tex);
}

static void test_texture_arrays_3d(void)
{
    ID3D11Resource *arr = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 4, 4, 3, 1, 0, f_2d);
    ID3D11Resource *vol = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE3D, 4, 4, 4, 2, 0, f_3d);
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    ID3D11ShaderResourceView *srvs[3] = { srv_of(arr, NULL), srv_of(vol, NULL), NULL };
    ID3D11SamplerState *s[2] = { POINT_S(D3D11_TEXTURE_ADDRESS_CLAMP),
            sampler(D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX, D3D11_COMPARISON_NEVER, NULL) };

    /* A view of layers 1..2 of the array: layer 0 of the view is layer 1. */
    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R32_FLOAT;
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DARRAY;
    sd.Texture2DArray.MipLevels = 1;
    sd.Texture2DArray.FirstArraySlice = 1;
    sd.Texture2DArray.ArraySize = 2;
    srvs[2] = srv_of(arr, &sd);
    if (!srvs[0] || !srvs[1] || !srvs[2] || !s[0] || !s[1])
        goto done;
    probe_f("ld 2D array", 0, X, 41, 0, 0, 0, "ld r0.xyzw, l(1, 2, 2, 0), t0.xyzw");
    probe_f("sample_l 2D array layer 1", 0, X, 25, 0, 0, 0, "sample_l r0.xyzw, l(0.375, 0.625, 1.0, 0), t0.xyzw, s0, l(0)");
    probe_f("sample_l 2D array layer 1.6 rounds to 2", 0, X, 41, 0, 0, 0,
            "sample_l r0.xyzw, l(0.375, 0.625, 1.6, 0), t0.xyzw, s0, l(0)");
    probe_f("sample_l 2D array layer -1 clamps to 0", 0, X, 9, 0, 0, 0,
            "sample_l r0.xyzw, l(0.375, 0.625, -1.0, 0), t0.xyzw, s0, l(0)");
    probe_f("sample_l 2D array layer 7 clamps to 2", 0, X, 41, 0, 0, 0,
            "sample_l r0.xyzw, l(0.375, 0.625, 7.0, 0), t0.xyzw, s0, l(0)");
    probe_f("gather4 2D array layer 2", 0, XYZW, 41, 42, 38, 37, "gather4 r0.xyzw, l(0.5, 0.5, 2.0, 0), t0.xyzw, s0.x");
    probe_u("resinfo_uint 2D array", XYZW, 4, 4, 3, 1, "resinfo_uint r0.xyzw, l(0), t0.xyzw");
    probe_f("ld through a layer-range view", 0, X, 25, 0, 0, 0, "ld r0.xyzw, l(1, 2, 0, 0), t2.xyzw");
    probe_f("sample_l through a layer-range view", 0, X, 41, 0, 0, 0, "sample_l r0.xyzw, l(0.375, 0.625, 1.0, 0), t2.xyzw, s0, l(0)");
    probe_u("resinfo_uint of the layer-range view", XYZW, 4, 4, 2, 1, "resinfo_uint r0.xyzw, l(0), t2.xyzw");
    probe_f("ld 3D", 0, X, 57, 0, 0, 0, "ld r0.xyzw, l(1, 2, 3, 0), t1.xyzw");
    probe_f("ld 3D mip 1", 0, X, 121, 0, 0, 0, "ld r0.xyzw, l(1, 1, 1, 1), t1.xyzw");
    probe_f("sample_l 3D point", 0, X, 2 + 4 + 48, 0, 0, 0, "sample_l r0.xyzw, l(0.625, 0.375, 0.875, 0), t1.xyzw, s0, l(0)");
    probe_f("sample_l 3D linear in z", TOL, X, 2 + 4 + 24, 0, 0, 0,
            "sample_l r0.xyzw, l(0.625, 0.375, 0.5, 0), t1.xyzw, s1, l(0)");
    probe_f("sample_l 3D trilinear", TOL, X, 1.5f + 6 + 24, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.5, 0.5, 0), t1.xyzw, s1, l(0)");
    probe_f("sample_l 3D lod 1", 0, X, 100 + 1 + 0 + 16, 0, 0, 0, "sample_l r0.xyzw, l(0.75, 0.25, 0.75, 0), t1.xyzw, s0, l(1.0)");
    probe_u("resinfo_uint 3D", XYZW, 4, 4, 4, 2, "resinfo_uint r0.xyzw, l(0), t1.xyzw");
    probe_u("resinfo_uint 3D mip 1", XYZW, 2, 2, 2, 2, "resinfo_uint r0.xyzw, l(1), t1.xyzw");
    run_probes("arrays/3D", "dcl_sampler s0, mode_default\ndcl_sampler s1, mode_default\n"
            "dcl_resource_texture2darray (float,float,float,float) t0\ndcl_resource_texture3d (float,float,float,float) t1\n"
            "dcl_resource_texture2darray (float,float,float,float) t2\n", srvs, 3, s, 2);
done:
    release(srvs[0]); release(srvs[1]); release(srvs[2]); release(arr); release(vol); release(s[0]); release(s[1]);
}

/* The direction that hits face `face` at face coordinates s, t in [-1, 1] (D3D's cube layout). */
static void cube_dir(unsigned int face, float s, float t, float d[3])
{
    switch (face)
    {
        case 0: d[0] = 1; d[1] = -t; d[2] = -s; break;      /* +X */
        case 1: d[0] = -1; d[1] = -t; d[2] = s; break;      /* -X */
        case 2: d[0] = s; d[1] = 1; d[2] = t; break;        /* +Y */
        case 3: d[0] = s; d[1] = -1; d[2] = -t; break;      /* -Y */
        case 4: d[0] = s; d[1] = -t; d[2] = 1; break;       /* +Z */
        default: d[0] = -s; d[1] = -t; d[2] = -1; break;    /* -Z */
    }
}

static void test_texture_cube(void)
{
    ID3D11Resource *cube = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 2, 2, 12, 1, D3D11_RESOURCE_MISC_TEXTURECUBE, f_cube);
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    ID3D11ShaderResourceView *srvs[2] = { 0 };
    ID3D11SamplerState *s = POINT_S(D3D11_TEXTURE_ADDRESS_CLAMP);
    unsigned int face, cubeidx;
    float d[3];

    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R32_FLOAT;
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURECUBE;
    sd.TextureCube.MipLevels = 1;
    srvs[0] = srv_of(cube, &sd);
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURECUBEARRAY;
    sd.TextureCubeArray.MipLevels = 1;
    sd.TextureCubeArray.First2DArrayFace = 0;
    sd.TextureCubeArray.NumCubes = 2;
    srvs[1] = srv_of(cube, &sd);
    if (!srvs[0] || !srvs[1] || !s)
        goto done;
    for (face = 0; face < 6; ++face)
    {
        /* Texel (1, 0) of each face: s = 0.5, t = -0.5. */
        cube_dir(face, 0.5f, -0.5f, d);
        probe_f("cube face texel (1,0)", 0, X, face * 10.0f + 1, 0, 0, 0,
                "sample_l r0.xyzw, l(%.8f, %.8f, %.8f, 0), t0.xyzw, s0, l(0)", d[0], d[1], d[2]);
        cube_dir(face, -0.5f, 0.5f, d);
        probe_f("cube face texel (0,1)", 0, X, face * 10.0f + 2, 0, 0, 0,
                "sample_l r0.xyzw, l(%.8f, %.8f, %.8f, 0), t0.xyzw, s0, l(0)", d[0] * 3, d[1] * 3, d[2] * 3);
    }
    for (cubeidx = 0; cubeidx < 2; ++cubeidx)
        for (face = 1; face < 6; face += 3)
        {
            cube_dir(face, 0.5f, 0.5f, d);
            probe_f("cube array", 0, X, (cubeidx * 6 + face) * 10.0f + 3, 0, 0, 0,
                    "sample_l r0.xyzw, l(%.8f, %.8f, %.8f, %u.0), t1.xyzw, s0, l(0)", d[0], d[1], d[2], cubeidx);
        }
    probe_u("resinfo_uint cube", 0xb, 2, 2, 0, 1, "resinfo_uint r0.xyzw, l(0), t0.xyzw");
    probe_u("resinfo_uint cube array", XYZW, 2, 2, 2, 1, "resinfo_uint r0.xyzw, l(0), t1.xyzw");
    /* gather4 on a cube face corner-free point: the 2x2 face whole. */
    cube_dir(4, 0.0f, 0.0f, d);
    probe_f("gather4 cube +Z", 0, XYZW, 42, 43, 41, 40, "gather4 r0.xyzw, l(%.8f, %.8f, %.8f, 0), t0.xyzw, s0.x", d[0], d[1], d[2]);
    run_probes("cube", "dcl_sampler s0, mode_default\ndcl_resource_texturecube (float,float,float,float) t0\n"
            "dcl_resource_texturecubearray (float,float,float,float) t1\n", srvs, 2, &s, 1);
done:
    release(srvs[0]); release(srvs[1]); release(cube); release(s);
}

/* Comparison sampling on a depth texture (R32_TYPELESS, SRV R32_FLOAT) whose texel (x, y)
 * holds (x + 4y) / 16 (drawn by a pixel shader writing oDepth): SampleCmpLevelZero point and
 * linear (PCF), GatherCmp with immediate and programmable offsets. */
static void test_comparison(void)
{
    static const char ps_depth[] =
        "ps_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float xy\n"
        "// sig output -1 x SV_Depth 0 DEPTH float -\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_output oDepth\n"
        "dcl_temps 1\n"
        "ftou r0.xy, v0.xyxx\n"
        "imad r0.x, r0.y, l(4), r0.x\n"
        "utof r0.x, r0.x\n"
        "mul oDepth, r0.x, l(0.0625)\n"
        "ret\n";
    D3D11_TEXTURE2D_DESC td = { 4, 4, 1, 1, DXGI_FORMAT_R32_TYPELESS, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_DEPTH_STENCIL_VIEW_DESC dd;
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    ID3D11Texture2D *depth = NULL;
    ID3D11DepthStencilView *dsv = NULL;
    ID3D11ShaderResourceView *srv = NULL;
    ID3D11PixelShader *ps = make_ps(ps_depth);
    ID3D11SamplerState *s[3] = { 0 };
    unsigned int i;

    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &depth), "CreateTexture2D(depth)");
    if (!depth || !ps)
        goto done;
    memset(&dd, 0, sizeof(dd));
    dd.Format = DXGI_FORMAT_D32_FLOAT;
    dd.ViewDimension = D3D11_DSV_DIMENSION_TEXTURE2D;
    HR_OK(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)depth, &dd, &dsv), "DSV");
    if (!dsv)
        goto done;
    ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH, 1.0f, 0);
    ID3D11DeviceContext_OMSetRenderTargets(context, 0, NULL, dsv);
    draw_fullscreen(ps, 4, 4);
    ID3D11DeviceContext_ClearState(context);
    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R32_FLOAT;
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2D;
    sd.Texture2D.MipLevels = 1;
    srv = srv_of((ID3D11Resource *)depth, &sd);
    s[0] = sampler(D3D11_FILTER_COMPARISON_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX,
            D3D11_COMPARISON_LESS, NULL);
    s[1] = sampler(D3D11_FILTER_COMPARISON_MIN_MAG_LINEAR_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX,
            D3D11_COMPARISON_LESS, NULL);
    s[2] = sampler(D3D11_FILTER_COMPARISON_MIN_MAG_MIP_POINT, D3D11_TEXTURE_ADDRESS_CLAMP, 0, 0, D3D11_FLOAT32_MAX,
            D3D11_COMPARISON_GREATER_EQUAL, NULL);
    if (!srv || !s[0] || !s[1] || !s[2])
        goto done;
    /* Texel (1,1) = 5/16 = 0.3125. LESS: passes when the reference is below the texel. */
    probe_f("sample_c_lz LESS pass", 0, X, 1, 0, 0, 0, "sample_c_lz r0.x, l(0.375, 0.375, 0, 0), t0.xxxx, s0, l(0.3)");
    probe_f("sample_c_lz LESS fail", 0, X, 0, 0, 0, 0, "sample_c_lz r0.x, l(0.375, 0.375, 0, 0), t0.xxxx, s0, l(0.32)");
    probe_f("sample_c_lz GREATER_EQUAL equal", 0, X, 1, 0, 0, 0, "sample_c_lz r0.x, l(0.375, 0.375, 0, 0), t0.xxxx, s2, l(0.3125)");
    /* 2x2 footprint 5, 6, 9, 10 (/16) with reference 0.5: two pass -> 0.5. */
    probe_f("sample_c_lz linear (PCF)", 0.01f, X, 0.5f, 0, 0, 0, "sample_c_lz r0.x, l(0.5, 0.5, 0, 0), t0.xxxx, s1, l(0.5)");
    probe_f("sample_c_lz linear, a quarter", 0.01f, X, 0.25f, 0, 0, 0,
            "sample_c_lz r0.x, l(0.5, 0.5, 0, 0), t0.xxxx, s1, l(0.6)");
    probe_f("gather4_c", 0, XYZW, 1, 1, 0, 0, "gather4_c r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s0.x, l(0.5)");
    probe_f("gather4_c_aoffimmi", 0, XYZW, 1, 1, 1, 1, "gather4_c_aoffimmi(0,1,0) r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s0.x, l(0.5)");
    probe_f("gather4_po_c", 0, XYZW, 1, 1, 1, 0, "gather4_po_c r0.xyzw, l(0.5, 0.5, 0, 0), l(1, 0, 0, 0), t0.xyzw, s0.x, l(0.4)");
    run_probes("comparison", "dcl_sampler s0, mode_comparison\ndcl_sampler s1, mode_comparison\n"
            "dcl_sampler s2, mode_comparison\ndcl_resource_texture2d (float,float,float,float) t0\n", &srv, 1, s, 3);
done:
    for (i = 0; i < 3; ++i)
        release(s[i]);
    release(srv); release(depth); release(dsv); release(ps);
    ID3D11DeviceContext_ClearState(context);
}

/* ---------------------------------------------------------------------------------------
 * Pixel-shader helpers: a full-screen triangle from SV_VertexID, a PS chosen by the test. */

static const char vs_fullscreen[] =
    "vs_4_0\n"
    "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "dcl_input_sgv v0.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_temps 1\n"
    "ushr r0.x, v0.x, l(1)\n"                 /* (0,0) (0,1) (1,0): clockwise, not culled */
    "and r0.y, v0.x, l(1)\n"
    "utof r0.xy, r0.xyxx\n"
    "mad o0.xy, r0.xyxx, l(4.0, 4.0, 0, 0), l(-1.0, -1.0, 0, 0)\n"
    "mov o0.zw, l(0, 0, 0.5, 1.0)\n"
    "ret\n";

static void draw_fullscreen(ID3D11PixelShader *ps, UINT width, UINT height)
{
    D3D11_VIEWPORT vp = { 0.0f, 0.0f, (float)width, (float)height, 0.0f, 1.0f };
    ID3D11VertexShader *vs = NULL;
    size_t size;
    void *blob;

    if (!(blob = assemble(vs_fullscreen, &size)))
        return;
    HR_OK(ID3D11Device_CreateVertexShader(device, blob, size, NULL, &vs), "CreateVertexShader");
    free(blob);
    ID3D11DeviceContext_IASetInputLayout(context, NULL);
    ID3D11DeviceContext_IASetPrimitiveTopology(context, D3D11_PRIMITIVE_TOPOLOGY_TRIANGLELIST);
    ID3D11DeviceContext_RSSetViewports(context, 1, &vp);
    ID3D11DeviceContext_VSSetShader(context, vs, NULL, 0);
    ID3D11DeviceContext_PSSetShader(context, ps, NULL, 0);
    ID3D11DeviceContext_Draw(context, 3, 0);
    release(vs);
}

static ID3D11PixelShader *make_ps(const char *text)
{
    ID3D11PixelShader *ps = NULL;
    size_t size;
    void *blob;

    if (!(blob = assemble(text, &size)))
        return NULL;
    HR_OK(ID3D11Device_CreatePixelShader(device, blob, size, NULL, &ps), "CreatePixelShader");
    free(blob);
    return ps;
}

/* 2DMS and 2DMS array (4 samples): cleared, then a draw with sample mask 0x5 writes samples 0
 * and 2 only; ld_ms reads every sample back, sampleinfo and resinfo answer the shape. */
static void test_multisample(void)
{
    static const char ps_text[] =
        "ps_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, l(7.0, 0, 0, 1.0)\n"
        "ret\n";
    D3D11_TEXTURE2D_DESC td = { 4, 4, 1, 2, DXGI_FORMAT_R32_FLOAT, { 4, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    ID3D11Texture2D *ms = NULL;
    ID3D11RenderTargetView *rtv[2] = { 0 };
    ID3D11ShaderResourceView *srvs[2] = { 0 };
    ID3D11PixelShader *ps = make_ps(ps_text);
    UINT levels = 0, i, s;

    HR_OK(ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R32_FLOAT, 4, &levels), "quality levels");
    if (!levels)
    {
        ok(0, "R32_FLOAT does not offer 4 samples");
        goto done;
    }
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &ms), "CreateTexture2D(MS array)");
    if (!ms || !ps)
        goto done;
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R32_FLOAT;
    rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2DMSARRAY;
    rd.Texture2DMSArray.ArraySize = 1;
    for (i = 0; i < 2; ++i)
    {
        const float colour[4] = { 1.0f + 2.0f * i, 0, 0, 0 };

        rd.Texture2DMSArray.FirstArraySlice = i;
        HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ms, &rd, &rtv[i]), "RTV");
        if (rtv[i])
            ID3D11DeviceContext_ClearRenderTargetView(context, rtv[i], colour);
    }
    if (!rtv[0] || !rtv[1])
        goto done;
    /* Layer 1: samples 0 and 2 become 7. */
    ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv[1], NULL);
    ID3D11DeviceContext_OMSetBlendState(context, NULL, NULL, 0x5);
    draw_fullscreen(ps, 4, 4);
    ID3D11DeviceContext_ClearState(context);

    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R32_FLOAT;
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DMS;     /* a 2DMS view of layer 0 of an array: not allowed */
    sd.ViewDimension = D3D11_SRV_DIMENSION_TEXTURE2DMSARRAY;
    sd.Texture2DMSArray.FirstArraySlice = 1;
    sd.Texture2DMSArray.ArraySize = 1;
    srvs[0] = srv_of((ID3D11Resource *)ms, &sd);            /* layer 1 alone */
    sd.Texture2DMSArray.FirstArraySlice = 0;
    sd.Texture2DMSArray.ArraySize = 2;
    srvs[1] = srv_of((ID3D11Resource *)ms, &sd);
    if (!srvs[0] || !srvs[1])
        goto done;
    for (s = 0; s < 4; ++s)
    {
        float e = s & 1 ? 3.0f : 7.0f;
        probe_f("ld_ms layer 1", 0, X, e, 0, 0, 0, "ld_ms r0.xyzw, l(1, 2, 0, 0), t0.xyzw, l(%u)", s);
        probe_f("ld_ms array layer 0", 0, X, 1, 0, 0, 0, "ld_ms r0.xyzw, l(3, 0, 0, 0), t1.xyzw, l(%u)", s);
        probe_f("ld_ms array layer 1", 0, X, e, 0, 0, 0, "ld_ms r0.xyzw, l(3, 0, 1, 0), t1.xyzw, l(%u)", s);
    }
    probe_u("sampleinfo_uint", X, 4, 0, 0, 0, "sampleinfo_uint r0.x, t0.xyzw");
    probe_u("resinfo_uint 2DMS array", XYZW, 4, 4, 2, 1, "resinfo_uint r0.xyzw, l(0), t1.xyzw");
    run_probes("multisample", "dcl_resource_texture2dmsarray(4) (float,float,float,float) t0\n"
            "dcl_resource_texture2dmsarray(4) (float,float,float,float) t1\n", srvs, 2, NULL, 0);
done:
    release(srvs[0]); release(srvs[1]); release(rtv[0]); release(rtv[1]); release(ms); release(ps);
    ID3D11DeviceContext_ClearState(context);
}

/* Buffer SRVs: typed (RGBA8 unorm, R32_UINT with a first element), raw and structured. */
static void test_buffer_srvs(void)
{
    uint32_t data[64];
    D3D11_BUFFER_DESC bd = { sizeof(data), D3D11_USAGE_IMMUTABLE, D3D11_BIND_SHADER_RESOURCE, 0, 0, 0 };
    D3D11_SUBRESOURCE_DATA init = { data, 0, 0 };
    D3D11_SHADER_RESOURCE_VIEW_DESC sd;
    ID3D11Buffer *typed = NULL, *raw = NULL, *st = NULL;
    ID3D11ShaderResourceView *srvs[4] = { 0 };
    unsigned int i;

    for (i = 0; i < 64; ++i)
        data[i] = i == 5 ? 0x80ff4000u : 1000 + i;
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, &init, &typed), "CreateBuffer(typed)");
    bd.MiscFlags = D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS;
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, &init, &raw), "CreateBuffer(raw)");
    bd.MiscFlags = D3D11_RESOURCE_MISC_BUFFER_STRUCTURED;
    bd.StructureByteStride = 12;
    bd.ByteWidth = 60 * 4;
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, &init, &st), "CreateBuffer(structured)");
    memset(&sd, 0, sizeof(sd));
    sd.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    sd.ViewDimension = D3D11_SRV_DIMENSION_BUFFER;
    sd.Buffer.FirstElement = 0;
    sd.Buffer.NumElements = 64;
    srvs[0] = srv_of((ID3D11Resource *)typed, &sd);
    sd.Format = DXGI_FORMAT_R32_UINT;
    sd.Buffer.FirstElement = 10;
    sd.Buffer.NumElements = 20;
    srvs[1] = srv_of((ID3D11Resource *)typed, &sd);
    sd.Format = DXGI_FORMAT_R32_TYPELESS;
    sd.ViewDimension = D3D11_SRV_DIMENSION_BUFFEREX;
    sd.BufferEx.FirstElement = 4;
    sd.BufferEx.NumElements = 16;
    sd.BufferEx.Flags = D3D11_BUFFEREX_SRV_FLAG_RAW;
    srvs[2] = srv_of((ID3D11Resource *)raw, &sd);
    sd.Format = DXGI_FORMAT_UNKNOWN;
    sd.BufferEx.FirstElement = 2;
    sd.BufferEx.NumElements = 10;
    sd.BufferEx.Flags = 0;
    srvs[3] = srv_of((ID3D11Resource *)st, &sd);
    if (!srvs[0] || !srvs[1] || !srvs[2] || !srvs[3])
        goto done;
    probe_f("typed RGBA8 buffer", 0.0001f, XYZW, 0.0f, 64 / 255.0f, 1.0f, 128 / 255.0f, "ld r0.xyzw, l(5, 0, 0, 0), t0.xyzw");
    probe_u("typed R32_UINT buffer with FirstElement 10", X, 1013, 0, 0, 0, "ld r0.xyzw, l(3, 0, 0, 0), t1.xyzw");
    probe_u("typed buffer past the view", X, 0, 0, 0, 0, "ld r0.xyzw, l(20, 0, 0, 0), t1.xyzw");
    probe_u("bufinfo typed", X, 20, 0, 0, 0, "bufinfo r0.x, t1.xxxx");
    probe_u("ld_raw with FirstElement 4", 3, 1006, 1007, 0, 0, "ld_raw r0.xy, l(8), t2.xyxx");
    probe_u("bufinfo raw (bytes)", X, 64, 0, 0, 0, "bufinfo r0.x, t2.xxxx");
    probe_u("ld_structured with FirstElement 2", 7, 1000 + 3 * 3 + 1, 1000 + 3 * 3 + 2, 0, 0,
            "ld_structured r0.xy, l(1), l(4), t3.xyxx");
    probe_u("bufinfo structured (elements)", X, 10, 0, 0, 0, "bufinfo r0.x, t3.xxxx");
    run_probes("buffers", "dcl_resource_buffer (float,float,float,float) t0\ndcl_resource_buffer (uint,uint,uint,uint) t1\n"
            "dcl_resource_raw t2\ndcl_resource_structured t3, 12\n", srvs, 4, NULL, 0);
done:
    for (i = 0; i < 4; ++i)
        release(srvs[i]);
    release(typed); release(raw); release(st);
}

/* Implicit LOD from screen-space derivatives: a 32x32 texture whose mip m holds m everywhere,
 * drawn to 8x8 pixels with uv = position * 0.125 (4 texels a pixel: LOD 2). sample and
 * sample_b under sampler MipLODBias and MinLOD/MaxLOD, point and linear mip filters. */
static float f_mip(unsigned int x, unsigned int y, unsigned int l, unsigned int m) { (void)x; (void)y; (void)l; return (float)m; }

static void test_implicit_lod(void)
{
    static const char ps_text[] =
        "ps_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float xy\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "dcl_sampler s0, mode_default\n"
        "dcl_resource_texture2d (float,float,float,float) t0\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_output o0.xyzw\n"
        "dcl_temps 2\n"
        "mul r0.xy, v0.xyxx, l(0.125, 0.125, 0, 0)\n"
        "sample r1.xyzw, r0.xyxx, t0.xyzw, s0\n"
        "mov o0.x, r1.x\n"
        "sample_b r1.xyzw, r0.xyxx, t0.xyzw, s0, l(-1.0)\n"
        "mov o0.y, r1.x\n"
        "sample_b r1.xyzw, r0.xyxx, t0.xyzw, s0, l(1.0)\n"
        "mov o0.z, r1.x\n"
        "sample_l r1.xyzw, r0.xyxx, t0.xyzw, s0, l(0)\n"
        "mov o0.w, r1.x\n"
        "ret\n";
    static const struct
    {
        D3D11_FILTER filter;
        float bias, min_lod, max_lod;
        float expect[3];        /* sample, sample_b -1, sample_b +1 */
        const char *what;
    }
    cases[] =
    {
        { D3D11_FILTER_MIN_MAG_MIP_POINT, 0.0f, 0.0f, D3D11_FLOAT32_MAX, { 2, 1, 3 }, "no bias" },
        { D3D11_FILTER_MIN_MAG_MIP_POINT, 1.0f, 0.0f, D3D11_FLOAT32_MAX, { 3, 2, 4 }, "MipLODBias 1" },
        { D3D11_FILTER_MIN_MAG_MIP_POINT, -2.0f, 0.0f, D3D11_FLOAT32_MAX, { 0, 0, 1 }, "MipLODBias -2" },
        { D3D11_FILTER_MIN_MAG_MIP_POINT, 0.0f, 0.0f, 1.0f, { 1, 1, 1 }, "MaxLOD 1" },
        { D3D11_FILTER_MIN_MAG_MIP_POINT, 0.0f, 3.0f, D3D11_FLOAT32_MAX, { 3, 3, 3 }, "MinLOD 3" },
        { D3D11_FILTER_MIN_MAG_MIP_LINEAR, 0.5f, 0.0f, D3D11_FLOAT32_MAX, { 2.5f, 1.5f, 3.5f }, "linear mips, MipLODBias 0.5" },
        { D3D11_FILTER_MIN_MAG_MIP_LINEAR, 0.0f, 0.0f, 2.25f, { 2, 1, 2.25f }, "linear mips, MaxLOD 2.25" },
    };
    D3D11_TEXTURE2D_DESC td = { 8, 8, 1, 1, DXGI_FORMAT_R32G32B32A32_FLOAT, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, 0 };
    ID3D11Resource *tex = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 32, 32, 1, 6, 0, f_mip);
    ID3D11ShaderResourceView *srv = srv_of(tex, NULL);
    ID3D11PixelShader *ps = make_ps(ps_text);
    ID3D11Texture2D *rt = NULL, *staging = NULL;
    ID3D11RenderTargetView *rtv = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int i, p, c;

    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &rt), "CreateTexture2D(RT)");
    td.Usage = D3D11_USAGE_STAGING;
    td.BindFlags = 0;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &staging), "CreateTexture2D(staging)");
    if (rt)
        HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv), "RTV");
    if (!srv || !ps || !rtv || !staging)
        goto done;
    for (i = 0; i < ARRAY_SIZE(cases); ++i)
    {
        ID3D11SamplerState *s = sampler(cases[i].filter, D3D11_TEXTURE_ADDRESS_WRAP, cases[i].bias, cases[i].min_lod,
                cases[i].max_lod, D3D11_COMPARISON_NEVER, NULL);
        unsigned int bad = 0;

        if (!s)
            continue;
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtv, NULL);
        ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &srv);
        ID3D11DeviceContext_PSSetSamplers(context, 0, 1, &s);
        draw_fullscreen(ps, 8, 8);
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)rt);
        if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
        {
            for (p = 0; p < 64; ++p)
            {
                const float *px = (const float *)((const uint8_t *)map.pData + (p / 8) * map.RowPitch) + (p % 8) * 4;
                for (c = 0; c < 3; ++c)
                    if (fabsf(px[c] - cases[i].expect[c]) > 0.05f && !bad++)
                        ok(0, "%s: pixel %u component %u: %g, expected %g", cases[i].what, p, c, px[c], cases[i].expect[c]);
            }
            ok(!bad, "%s: %u wrong pixels", cases[i].what, bad);
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
        }
        else
            ok(0, "Map");
        ID3D11DeviceContext_ClearState(context);
        release(s);
    }
done:
    release(srv); release(tex); release(ps); release(rt); release(rtv); release(staging);
    ID3D11DeviceContext_ClearState(context);
}

/* A render target drawn, then sampled by the next draw and by a dispatch (the transition from
 * attachment to shader resource), twice in a row with different contents. */
static void test_rt_to_srv(void)
{
    static const char ps_color[] =
        "ps_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "dcl_constantbuffer CB0[1], immediateIndexed\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, cb0[0].xyzw\n"
        "ret\n";
    static const char ps_copy[] =
        "ps_4_0\n"
        "// sig input 0 xyzw SV_Position 0 POS float xy\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "dcl_resource_texture2d (float,float,float,float) t0\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_output o0.xyzw\n"
        "dcl_temps 1\n"
        "ftou r0.xy, v0.xyxx\n"
        "mov r0.zw, l(0, 0, 0, 0)\n"
        "ld r0.xyzw, r0.xyzw, t0.xyzw\n"
        "add o0.xyzw, r0.xyzw, l(1.0, 1.0, 1.0, 1.0)\n"
        "ret\n";
    D3D11_TEXTURE2D_DESC td = { 4, 4, 1, 1, DXGI_FORMAT_R32G32B32A32_FLOAT, { 1, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, 0 };
    D3D11_BUFFER_DESC bd = { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_CONSTANT_BUFFER, 0, 0, 0 };
    ID3D11PixelShader *psc = make_ps(ps_color), *psk = make_ps(ps_copy);
    ID3D11Texture2D *a = NULL, *b = NULL, *staging = NULL;
    ID3D11RenderTargetView *rta = NULL, *rtb = NULL;
    ID3D11ShaderResourceView *sra = NULL;
    ID3D11Buffer *cb = NULL;
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int round;

    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &a), "CreateTexture2D");
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &b), "CreateTexture2D");
    td.Usage = D3D11_USAGE_STAGING;
    td.BindFlags = 0;
    td.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    HR_OK(ID3D11Device_CreateTexture2D(device, &td, NULL, &staging), "CreateTexture2D(staging)");
    HR_OK(ID3D11Device_CreateBuffer(device, &bd, NULL, &cb), "CreateBuffer");
    if (!a || !b || !staging || !cb || !psc || !psk)
        goto done;
    HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)a, NULL, &rta), "RTV");
    HR_OK(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)b, NULL, &rtb), "RTV");
    sra = srv_of((ID3D11Resource *)a, NULL);
    if (!rta || !rtb || !sra)
        goto done;
    for (round = 0; round < 2; ++round)
    {
        const float colour[4] = { 10.0f + round, 20.0f, 30.0f, 40.0f };
        ID3D11ShaderResourceView *null_srv = NULL;
        const float *px;

        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)cb, 0, NULL, colour, 0, 0);
        ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &null_srv);
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rta, NULL);
        ID3D11DeviceContext_PSSetConstantBuffers(context, 0, 1, &cb);
        draw_fullscreen(psc, 4, 4);
        ID3D11DeviceContext_OMSetRenderTargets(context, 1, &rtb, NULL);
        ID3D11DeviceContext_PSSetShaderResources(context, 0, 1, &sra);
        draw_fullscreen(psk, 4, 4);
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)b);
        if (FAILED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
        {
            ok(0, "Map");
            break;
        }
        px = (const float *)((const uint8_t *)map.pData + 3 * map.RowPitch) + 3 * 4;
        ok(px[0] == 11.0f + round && px[1] == 21.0f && px[2] == 31.0f && px[3] == 41.0f,
                "round %u: sampled render target (%g %g %g %g)", round, px[0], px[1], px[2], px[3]);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
done:
    release(psc); release(psk); release(a); release(b); release(staging); release(rta); release(rtb); release(sra); release(cb);
    ID3D11DeviceContext_ClearState(context);
}

/* The application releases a sampler (its last reference: unbound, then released) right after
 * the dispatch that samples with it is recorded; that work still runs with it. Three rounds,
 * each with a description never used before, so that each object really dies. */
static void test_sampler_lifetime(void)
{
    ID3D11Resource *tex = make_texture(D3D11_RESOURCE_DIMENSION_TEXTURE2D, 4, 4, 1, 1, 0, f_2d);
    ID3D11ShaderResourceView *srv = srv_of(tex, NULL);
    unsigned int round;

    if (!srv)
        goto done;
    for (round = 0; round < 3; ++round)
    {
        ID3D11SamplerState *s = sampler(D3D11_FILTER_MIN_MAG_MIP_LINEAR, D3D11_TEXTURE_ADDRESS_WRAP,
                0.0f, 0.0f, 100.0f + round, D3D11_COMPARISON_NEVER, NULL);

        if (!s)
            break;
        probe_f("bilinear with a released sampler", TOL, X, 7.5f, 0, 0, 0, "sample_l r0.xyzw, l(0.5, 0.5, 0, 0), t0.xyzw, s0, l(0)");
        release_after_dispatch = s;
        run_probes("lifetime", "dcl_sampler s0, mode_default\ndcl_resource_texture2d (float,float,float,float) t0\n",
                &srv, 1, &s, 1);
    }
done:
    release(srv); release(tex);
}

int main(void)
{
    static const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0 };
    HRESULT hr;

    if (!test_init())
        return test_finish();
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, levels, ARRAY_SIZE(levels), D3D11_SDK_VERSION,
            &device, NULL, &context);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return test_finish();
    run_test(test_texture_1d);
    run_test(test_texture_2d);
    run_test(test_address_modes);
    run_test(test_texture_arrays_3d);
    run_test(test_texture_cube);
    run_test(test_comparison);
    run_test(test_multisample);
    run_test(test_buffer_srvs);
    run_test(test_implicit_lod);
    run_test(test_rt_to_srv);
    run_test(test_sampler_lifetime);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
