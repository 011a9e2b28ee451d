/* dxbc_compile_exec.c — execution tests of the DXBC -> SPIR-V compiler on a Vulkan device
 * (lavapipe preferred). Shaders are written in the assembler syntax (dxbc_assemble), compiled,
 * run, and their results compared with values computed here in C, including D3D11's edge
 * cases. Validation-layer errors count as failures (run with
 * VK_LOADER_LAYERS_ENABLE=*validation). Without a Vulkan 1.3 device the test fails: there is
 * no skipping. */
#define _GNU_SOURCE   /* dl_iterate_phdr, RTLD_NODELETE */
#include <dlfcn.h>
#include <link.h>
#include <math.h>
#include <string.h>
#include <stdbool.h>
#include <stdint.h>

#include "dxbc.h"
#include "compile.h"
#include "dxbc_test_util.h"
#include "vk_harness.h"

static struct vkh h;
static const struct dxbc_compile_options test_options = { DXBC_COMPILE_POINT_SIZE, NULL };

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static float bitsf(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

#define NAN_BITS 0x7fc00000u

static uint32_t *compile_text(const char *text, size_t *words, struct dxbc_shader_info *info)
{
    char error[512];
    void *blob;
    size_t size;
    uint32_t *spirv = NULL;

    if (!dxbc_assemble(text, &blob, &size, error, sizeof(error)))
    {
        fprintf(stderr, "assemble failed: %s\n%s\n", error, text);
        return NULL;
    }
    /* The harness enables every device feature, shaderTessellationAndGeometryPointSize included. */
    if (!dxbc_compile_blob(blob, size, &test_options, info, &spirv, words, error, sizeof(error)))
        fprintf(stderr, "compile failed: %s\n%s\n", error, text);
    dxbc_free(blob);
    return spirv;
}

/* Runs a cs_5_0 body with u0 = a raw buffer of 1024 words (binding per the formula).
 * `extra` are further declarations. */
static bool run_cs(const char *decls, const char *body, uint32_t *data, size_t count, uint32_t groups,
        const char *tg)
{
    char text[16384];
    struct dxbc_shader_info info;
    struct vkh_buffer buf;
    struct vkh_binding b;
    uint32_t *spirv;
    size_t words;
    bool ok;

    snprintf(text, sizeof(text), "cs_5_0\ndcl_uav_raw u0\n%sdcl_temps 8\ndcl_thread_group %s\n%sret\n",
            decls ? decls : "", tg ? tg : "1, 1, 1", body);
    if (!(spirv = compile_text(text, &words, &info)))
        return false;
    CHECK(info.stage == DXBC_STAGE_CS, "stage %u", info.stage);
    CHECK(info.resource_count >= 1 && info.resources[0].kind == DXBC_BINDING_UAV
            && info.resources[0].binding == dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 0)
            && info.resources[0].descriptor == DXBC_DESCRIPTOR_STORAGE_BUFFER, "u0 interface");
    if (!vkh_buffer_create(&h, &buf, 4096, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED))
        return false;
    memcpy(buf.map, data, count * 4);
    memset(&b, 0, sizeof(b));
    b.set = dxbc_descriptor_set(DXBC_STAGE_CS);
    b.binding = dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 0);
    b.type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    b.buffer = &buf;
    b.image = NULL;
    b.sampler = VK_NULL_HANDLE;
    ok = vkh_dispatch(&h, spirv, words, &b, 1, groups, 1, 1);
    CHECK(ok, "dispatch failed");
    memcpy(data, buf.map, count * 4);
    vkh_buffer_destroy(&h, &buf);
    dxbc_compile_free_spirv(spirv);
    dxbc_shader_info_free(&info);
    return ok;
}

/* r0 = words 0..3, r1 = words 4..7, r2 = words 8..11; <op> writes r3 (and r4); results at
 * words 16..19 (r3) and 20..23 (r4). */
static bool run_op(const char *op_line, const uint32_t a[4], const uint32_t b[4], const uint32_t c[4],
        uint32_t r3[4], uint32_t r4[4])
{
    uint32_t data[32] = { 0 };
    char body[1024];

    memcpy(data, a, 16);
    if (b)
        memcpy(data + 4, b, 16);
    if (c)
        memcpy(data + 8, c, 16);
    snprintf(body, sizeof(body),
            "ld_raw r0.xyzw, l(0), u0.xyzw\n"
            "ld_raw r1.xyzw, l(16), u0.xyzw\n"
            "ld_raw r2.xyzw, l(32), u0.xyzw\n"
            "mov r3.xyzw, l(0, 0, 0, 0)\n"
            "mov r4.xyzw, l(0, 0, 0, 0)\n"
            "%s\n"
            "store_raw u0.xyzw, l(64), r3.xyzw\n"
            "store_raw u0.xyzw, l(80), r4.xyzw\n", op_line);
    if (!run_cs(NULL, body, data, 32, 1, NULL))
        return false;
    memcpy(r3, data + 16, 16);
    if (r4)
        memcpy(r4, data + 20, 16);
    return true;
}

static void expect4(const char *what, const uint32_t got[4], const uint32_t want[4])
{
    unsigned i;
    for (i = 0; i < 4; ++i)
        CHECK(got[i] == want[i], "%s lane %u: got 0x%08x, want 0x%08x", what, i, got[i], want[i]);
}

static void expect4f(const char *what, const uint32_t got[4], const float want[4], float tol)
{
    unsigned i;
    for (i = 0; i < 4; ++i)
        CHECK(fabsf(bitsf(got[i]) - want[i]) <= tol * fmaxf(1.0f, fabsf(want[i])),
                "%s lane %u: got %.9g, want %.9g", what, i, bitsf(got[i]), want[i]);
}

/* ---- integer arithmetic ---- */

static void test_integer(void)
{
    uint32_t a[4] = { 100, 7, 0xffffffffu, 0 }, b[4] = { 7, 0, 2, 0 }, q[4], r[4];
    uint32_t want_q[4] = { 14, 0xffffffffu, 0x7fffffffu, 0xffffffffu }, want_r[4] = { 2, 0xffffffffu, 1, 0xffffffffu };
    uint32_t s[4] = { 1, 33, 32, 0xffffffe1u }, v[4] = { 0x80000001u, 0x80000001u, 0x80000001u, 0x80000001u };
    uint32_t w[4];
    unsigned i;

    if (run_op("udiv r3.xyzw, r4.xyzw, r0.xyzw, r1.xyzw", a, b, NULL, q, r))
    {
        expect4("udiv quotient (x/0 = ~0)", q, want_q);
        expect4("udiv remainder (x%0 = ~0)", r, want_r);
    }
    /* shifts use the low 5 bits: 33 -> 1, 32 -> 0, 0xffffffe1 -> 1 */
    if (run_op("ishl r3.xyzw, r0.xyzw, r1.xyzw", v, s, NULL, q, NULL))
    {
        for (i = 0; i < 4; ++i)
            w[i] = v[i] << (s[i] & 31);
        expect4("ishl", q, w);
    }
    if (run_op("ushr r3.xyzw, r0.xyzw, r1.xyzw", v, s, NULL, q, NULL))
    {
        for (i = 0; i < 4; ++i)
            w[i] = v[i] >> (s[i] & 31);
        expect4("ushr", q, w);
    }
    if (run_op("ishr r3.xyzw, r0.xyzw, r1.xyzw", v, s, NULL, q, NULL))
    {
        for (i = 0; i < 4; ++i)
            w[i] = (uint32_t)((int32_t)v[i] >> (s[i] & 31));
        expect4("ishr", q, w);
    }
    {
        uint32_t x[4] = { 0x12345678u, 0xffffffffu, 0x80000000u, 7 }, y[4] = { 0x9abcdef0u, 0xffffffffu, 2, 0xfffffff9u };
        uint32_t hi[4], lo[4], whi[4], wlo[4];
        if (run_op("umul r3.xyzw, r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                uint64_t p = (uint64_t)x[i] * y[i];
                whi[i] = (uint32_t)(p >> 32);
                wlo[i] = (uint32_t)p;
            }
            expect4("umul hi", hi, whi);
            expect4("umul lo", lo, wlo);
        }
        if (run_op("imul r3.xyzw, r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                int64_t p = (int64_t)(int32_t)x[i] * (int32_t)y[i];
                whi[i] = (uint32_t)((uint64_t)p >> 32);
                wlo[i] = (uint32_t)p;
            }
            expect4("imul hi", hi, whi);
            expect4("imul lo", lo, wlo);
        }
        if (run_op("uaddc r3.xyzw, r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = x[i] + y[i];
                wlo[i] = (uint64_t)x[i] + y[i] > 0xffffffffu;
            }
            expect4("uaddc sum", hi, whi);
            expect4("uaddc carry", lo, wlo);
        }
        if (run_op("usubb r3.xyzw, r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = x[i] - y[i];
                wlo[i] = x[i] < y[i];
            }
            expect4("usubb difference", hi, whi);
            expect4("usubb borrow", lo, wlo);
        }
        if (run_op("imax r3.xyzw, r0.xyzw, r1.xyzw\nimin r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = (int32_t)x[i] > (int32_t)y[i] ? x[i] : y[i];
                wlo[i] = (int32_t)x[i] < (int32_t)y[i] ? x[i] : y[i];
            }
            expect4("imax", hi, whi);
            expect4("imin", lo, wlo);
        }
        if (run_op("umax r3.xyzw, r0.xyzw, r1.xyzw\numin r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = x[i] > y[i] ? x[i] : y[i];
                wlo[i] = x[i] < y[i] ? x[i] : y[i];
            }
            expect4("umax", hi, whi);
            expect4("umin", lo, wlo);
        }
        if (run_op("ilt r3.xyzw, r0.xyzw, r1.xyzw\nuge r4.xyzw, r0.xyzw, r1.xyzw", x, y, NULL, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = (int32_t)x[i] < (int32_t)y[i] ? ~0u : 0;
                wlo[i] = x[i] >= y[i] ? ~0u : 0;
            }
            expect4("ilt", hi, whi);
            expect4("uge", lo, wlo);
        }
        if (run_op("imad r3.xyzw, r0.xyzw, r1.xyzw, r2.xyzw\nineg r4.xyzw, r0.xyzw", x, y, x, hi, lo))
        {
            for (i = 0; i < 4; ++i)
            {
                whi[i] = x[i] * y[i] + x[i];
                wlo[i] = 0u - x[i];
            }
            expect4("imad", hi, whi);
            expect4("ineg", lo, wlo);
        }
    }
}

/* ---- bit instructions ---- */

static uint32_t ref_firstbit_hi(uint32_t v)
{
    int i;
    for (i = 31; i >= 0; --i)
        if (v & (1u << i))
            return 31 - i;
    return ~0u;
}

static uint32_t ref_firstbit_lo(uint32_t v)
{
    unsigned i;
    for (i = 0; i < 32; ++i)
        if (v & (1u << i))
            return i;
    return ~0u;
}

static uint32_t ref_firstbit_shi(uint32_t v)
{
    return ref_firstbit_hi((int32_t)v < 0 ? ~v : v);
}

static uint32_t ref_ubfe(uint32_t w, uint32_t o, uint32_t v)
{
    w &= 31;
    o &= 31;
    if (!w)
        return 0;
    if (w + o < 32)
        return (v << (32 - w - o)) >> (32 - w);
    return v >> o;
}

static uint32_t ref_ibfe(uint32_t w, uint32_t o, uint32_t v)
{
    w &= 31;
    o &= 31;
    if (!w)
        return 0;
    if (w + o < 32)
        return (uint32_t)((int32_t)(v << (32 - w - o)) >> (32 - w));
    return (uint32_t)((int32_t)v >> o);
}

static uint32_t ref_bfi(uint32_t w, uint32_t o, uint32_t ins, uint32_t base)
{
    uint32_t mask;
    w &= 31;
    o &= 31;
    mask = ((1u << w) - 1) << o;
    return ((ins << o) & mask) | (base & ~mask);
}

static uint32_t ref_bfrev(uint32_t v)
{
    uint32_t r = 0;
    unsigned i;
    for (i = 0; i < 32; ++i)
        if (v & (1u << i))
            r |= 1u << (31 - i);
    return r;
}

static void test_bits(void)
{
    uint32_t v[4] = { 0, 1, 0x80000000u, 0xfffffff0u }, v2[4] = { 0xffffffffu, 0x00f0f000u, 0x7fffffffu, 12345678 };
    uint32_t got[4], got2[4], want[4], want2[4];
    uint32_t w[4] = { 8, 0, 31, 40 }, o[4] = { 4, 3, 8, 30 }, base[4] = { 0xdeadbeefu, 0x12345678u, 0x80000001u, 0xffffffffu };
    unsigned i, k;

    for (k = 0; k < 2; ++k)
    {
        const uint32_t *in = k ? v2 : v;
        if (run_op("firstbit_hi r3.xyzw, r0.xyzw\nfirstbit_lo r4.xyzw, r0.xyzw", in, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = ref_firstbit_hi(in[i]);
                want2[i] = ref_firstbit_lo(in[i]);
            }
            expect4("firstbit_hi (0 -> ~0)", got, want);
            expect4("firstbit_lo (0 -> ~0)", got2, want2);
        }
        if (run_op("firstbit_shi r3.xyzw, r0.xyzw\ncountbits r4.xyzw, r0.xyzw", in, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = ref_firstbit_shi(in[i]);
                want2[i] = (uint32_t)__builtin_popcount(in[i]);
            }
            expect4("firstbit_shi (0, -1 -> ~0)", got, want);
            expect4("countbits", got2, want2);
        }
        if (run_op("bfrev r3.xyzw, r0.xyzw\nnot r4.xyzw, r0.xyzw", in, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = ref_bfrev(in[i]);
                want2[i] = ~in[i];
            }
            expect4("bfrev", got, want);
            expect4("not", got2, want2);
        }
    }
    if (run_op("ubfe r3.xyzw, r0.xyzw, r1.xyzw, r2.xyzw\nibfe r4.xyzw, r0.xyzw, r1.xyzw, r2.xyzw", w, o, base, got, got2))
    {
        for (i = 0; i < 4; ++i)
        {
            want[i] = ref_ubfe(w[i], o[i], base[i]);
            want2[i] = ref_ibfe(w[i], o[i], base[i]);
        }
        expect4("ubfe", got, want);
        expect4("ibfe", got2, want2);
    }
    {
        uint32_t data[32] = { 0 };
        memcpy(data, w, 16);
        memcpy(data + 4, o, 16);
        memcpy(data + 8, v2, 16);
        memcpy(data + 12, base, 16);
        if (run_cs(NULL, "ld_raw r0.xyzw, l(0), u0.xyzw\nld_raw r1.xyzw, l(16), u0.xyzw\nld_raw r2.xyzw, l(32), u0.xyzw\n"
                "ld_raw r5.xyzw, l(48), u0.xyzw\nbfi r3.xyzw, r0.xyzw, r1.xyzw, r2.xyzw, r5.xyzw\nstore_raw u0.xyzw, l(64), r3.xyzw\n",
                data, 32, 1, NULL))
        {
            for (i = 0; i < 4; ++i)
                want[i] = ref_bfi(w[i], o[i], v2[i], base[i]);
            expect4("bfi", data + 16, want);
        }
    }
}

/* ---- float arithmetic and conversions ---- */

static uint32_t ref_ftoi(float f)
{
    if (isnan(f))
        return 0;
    if (f >= 2147483648.0f)
        return 0x7fffffffu;
    if (f <= -2147483648.0f)
        return 0x80000000u;
    return (uint32_t)(int32_t)f;
}

static uint32_t ref_ftou(float f)
{
    if (isnan(f) || f <= 0.0f)
        return 0;
    if (f >= 4294967296.0f)
        return 0xffffffffu;
    return (uint32_t)f;
}

static void test_float(void)
{
    uint32_t a[4] = { NAN_BITS, fbits(1.5f), fbits(-2.0f), NAN_BITS };
    uint32_t b[4] = { fbits(3.0f), NAN_BITS, fbits(-1.0f), NAN_BITS };
    uint32_t got[4], got2[4], want[4], want2[4];
    uint32_t conv[4] = { NAN_BITS, fbits(3e9f), fbits(-3e9f), fbits(-7.75f) };
    uint32_t conv2[4] = { fbits(1e20f), fbits(4294967040.0f), fbits(0.99f), fbits(-0.5f) };
    unsigned i;

    /* min/max return the non-NaN operand; NaN only when both are NaN */
    if (run_op("min r3.xyzw, r0.xyzw, r1.xyzw\nmax r4.xyzw, r0.xyzw, r1.xyzw", a, b, NULL, got, got2))
    {
        uint32_t wmin[4] = { fbits(3.0f), fbits(1.5f), fbits(-2.0f), 0 }, wmax[4] = { fbits(3.0f), fbits(1.5f), fbits(-1.0f), 0 };
        for (i = 0; i < 3; ++i)
        {
            CHECK(got[i] == wmin[i], "min lane %u: 0x%08x want 0x%08x", i, got[i], wmin[i]);
            CHECK(got2[i] == wmax[i], "max lane %u: 0x%08x want 0x%08x", i, got2[i], wmax[i]);
        }
        CHECK(isnan(bitsf(got[3])) && isnan(bitsf(got2[3])), "min/max of two NaNs is NaN");
    }
    if (run_op("ftoi r3.xyzw, r0.xyzw\nftou r4.xyzw, r0.xyzw", conv, NULL, NULL, got, got2))
    {
        for (i = 0; i < 4; ++i)
        {
            want[i] = ref_ftoi(bitsf(conv[i]));
            want2[i] = ref_ftou(bitsf(conv[i]));
        }
        expect4("ftoi (NaN -> 0, clamped)", got, want);
        expect4("ftou (NaN -> 0, clamped)", got2, want2);
    }
    if (run_op("ftoi r3.xyzw, r0.xyzw\nftou r4.xyzw, r0.xyzw", conv2, NULL, NULL, got, got2))
    {
        for (i = 0; i < 4; ++i)
        {
            want[i] = ref_ftoi(bitsf(conv2[i]));
            want2[i] = ref_ftou(bitsf(conv2[i]));
        }
        expect4("ftoi", got, want);
        expect4("ftou", got2, want2);
    }
    {
        uint32_t iv[4] = { 0, 1, 0xffffffffu, 0x80000000u };
        if (run_op("itof r3.xyzw, r0.xyzw\nutof r4.xyzw, r0.xyzw", iv, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = fbits((float)(int32_t)iv[i]);
                want2[i] = fbits((float)iv[i]);
            }
            expect4("itof", got, want);
            expect4("utof", got2, want2);
        }
    }
    {
        uint32_t x[4] = { fbits(2.5f), fbits(-2.5f), fbits(3.5f), fbits(-0.7f) };
        if (run_op("round_ne r3.xyzw, r0.xyzw\nround_z r4.xyzw, r0.xyzw", x, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = fbits(rintf(bitsf(x[i])));
                want2[i] = fbits(truncf(bitsf(x[i])));
            }
            expect4("round_ne", got, want);
            expect4("round_z", got2, want2);
        }
        if (run_op("round_ni r3.xyzw, r0.xyzw\nround_pi r4.xyzw, r0.xyzw", x, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                want[i] = fbits(floorf(bitsf(x[i])));
                want2[i] = fbits(ceilf(bitsf(x[i])));
            }
            expect4("round_ni", got, want);
            expect4("round_pi", got2, want2);
        }
        if (run_op("frc r3.xyzw, r0.xyzw\nmov_sat r4.xyzw, r0.xyzw", x, NULL, NULL, got, got2))
        {
            float wf[4];
            for (i = 0; i < 4; ++i)
            {
                wf[i] = bitsf(x[i]) - floorf(bitsf(x[i]));
                want2[i] = fbits(fminf(fmaxf(bitsf(x[i]), 0.0f), 1.0f));
            }
            expect4f("frc", got, wf, 1e-6f);
            expect4("mov_sat", got2, want2);
        }
    }
    {
        uint32_t x[4] = { fbits(4.0f), fbits(0.25f), fbits(2.0f), fbits(10.0f) };
        float wf[4], wf2[4];
        if (run_op("sqrt r3.xyzw, r0.xyzw\nrsq r4.xyzw, r0.xyzw", x, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                wf[i] = sqrtf(bitsf(x[i]));
                wf2[i] = 1.0f / sqrtf(bitsf(x[i]));
            }
            expect4f("sqrt", got, wf, 1e-5f);
            expect4f("rsq", got2, wf2, 1e-5f);
        }
        if (run_op("rcp r3.xyzw, r0.xyzw\nexp r4.xyzw, r0.xyzw", x, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                wf[i] = 1.0f / bitsf(x[i]);
                wf2[i] = exp2f(bitsf(x[i]));
            }
            expect4f("rcp", got, wf, 1e-5f);
            expect4f("exp", got2, wf2, 1e-5f);
        }
        if (run_op("log r3.xyzw, r0.xyzw\nsincos r4.xyzw, null, r0.xyzw", x, NULL, NULL, got, got2))
        {
            for (i = 0; i < 4; ++i)
            {
                wf[i] = log2f(bitsf(x[i]));
                wf2[i] = sinf(bitsf(x[i]));
            }
            expect4f("log", got, wf, 1e-5f);
            expect4f("sincos (sin)", got2, wf2, 1e-4f);
        }
        if (run_op("sincos null, r3.xyzw, r0.xyzw\ndp3 r4.xyzw, r0.xyzw, r0.wzyx", x, NULL, NULL, got, got2))
        {
            float d = bitsf(x[0]) * bitsf(x[3]) + bitsf(x[1]) * bitsf(x[2]) + bitsf(x[2]) * bitsf(x[1]);
            for (i = 0; i < 4; ++i)
            {
                wf[i] = cosf(bitsf(x[i]));
                wf2[i] = d;
            }
            expect4f("sincos (cos)", got, wf, 1e-4f);
            expect4f("dp3", got2, wf2, 1e-6f);
        }
    }
    /* comparisons with NaN: eq/lt/ge false, ne true */
    if (run_op("eq r3.xyzw, r0.xyzw, r1.xyzw\nne r4.xyzw, r0.xyzw, r1.xyzw", a, b, NULL, got, got2))
    {
        uint32_t weq[4] = { 0, 0, 0, 0 }, wne[4] = { ~0u, ~0u, ~0u, ~0u };
        expect4("eq with NaN", got, weq);
        expect4("ne with NaN", got2, wne);
    }
    if (run_op("lt r3.xyzw, r0.xyzw, r1.xyzw\nge r4.xyzw, r0.xyzw, r1.xyzw", a, b, NULL, got, got2))
    {
        uint32_t wlt[4] = { 0, 0, ~0u, 0 }, wge[4] = { 0, 0, 0, 0 };
        expect4("lt", got, wlt);
        expect4("ge", got2, wge);
    }
    {
        uint32_t x[4] = { fbits(1.0f), fbits(-2.0f), fbits(65504.0f), fbits(1e-8f) };
        if (run_op("f32tof16 r3.xyzw, r0.xyzw\nf16tof32 r4.xyzw, r3.xyzw", x, NULL, NULL, got, got2))
        {
            uint32_t wh[4] = { 0x3c00, 0xc000, 0x7bff, 0 };
            float wf[4] = { 1.0f, -2.0f, 65504.0f, 0.0f };
            for (i = 0; i < 3; ++i)
                CHECK(got[i] == wh[i], "f32tof16 lane %u: 0x%x want 0x%x", i, got[i], wh[i]);
            CHECK(got[3] == 0 || got[3] == 1, "f32tof16 of a tiny value: 0x%x", got[3]);
            expect4f("f16tof32", got2, wf, 1e-3f);
        }
    }
    {
        uint32_t cond[4] = { 0, 1, 0x80000000u, 0 }, x[4] = { 1, 2, 3, 4 }, y[4] = { 5, 6, 7, 8 };
        if (run_op("movc r3.xyzw, r0.xyzw, r1.xyzw, r2.xyzw\nswapc r4.xyzw, r5.xyzw, r0.xyzw, r1.xyzw, r2.xyzw", cond, x, y, got, got2))
        {
            uint32_t wm[4] = { 5, 2, 3, 8 }, ws[4] = { 1, 6, 7, 4 };
            expect4("movc", got, wm);
            expect4("swapc dst0", got2, ws);
        }
    }
    /* doubles */
    {
        double d0 = 1.25, d1 = -3.5;
        uint32_t x[4], y[4];
        double r;
        memcpy(x, &d0, 8);
        memcpy(x + 2, &d1, 8);
        memcpy(y, &d1, 8);
        memcpy(y + 2, &d0, 8);
        if (run_op("dadd r3.xy, r0.xyxx, r1.xyxx\ndmul r3.zw, r0.xyzw, r1.xyzw\ndlt r4.xy, r0.xyzw, r1.xyzw\ndtoi r4.z, r0.zwzz",
                x, y, NULL, got, got2))
        {
            memcpy(&r, got, 8);
            CHECK(r == d0 + d1, "dadd: %g", r);
            memcpy(&r, got + 2, 8);
            CHECK(r == d1 * d0, "dmul: %g", r);
            CHECK(got2[0] == 0 && got2[1] == ~0u, "dlt: %x %x", got2[0], got2[1]);
            CHECK(got2[2] == (uint32_t)-3, "dtoi: %x", got2[2]);
        }
    }
}

static void test_double(void)
{
    double x0 = 2.5, x1 = -0.0, y0 = NAN, y1 = 4.0, r;
    uint32_t a[4], b[4], got[4], got2[4], conv[4];

    memcpy(a, &x0, 8);
    memcpy(a + 2, &x1, 8);
    memcpy(b, &y0, 8);
    memcpy(b + 2, &y1, 8);
    /* dmin/dmax return the non-NaN operand */
    if (run_op("dmin r3.xy, r0.xyxx, r1.xyxx\ndmax r3.zw, r0.xyzw, r1.xyzw\ndeq r4.xy, r0.xyzw, r1.xyzw\ndne r4.zw, r0.xyzw, r1.xyzw",
            a, b, NULL, got, got2))
    {
        memcpy(&r, got, 8);
        CHECK(r == 2.5, "dmin with NaN: %g", r);
        memcpy(&r, got + 2, 8);
        CHECK(r == 4.0, "dmax: %g", r);
        CHECK(got2[0] == 0 && got2[1] == 0 && got2[2] == ~0u && got2[3] == ~0u, "deq/dne: %x %x %x %x",
                got2[0], got2[1], got2[2], got2[3]);
    }
    if (run_op("ddiv r3.xy, r1.zwzz, r0.xyxx\ndfma r3.zw, r0.xxxy, r1.zzzw, r0.xxxy\ndrcp r4.xy, r1.zwzz\ndmovc r4.zw, l(0, 0, 0, 0), r0.xxxy, r1.zzzw",
            a, b, NULL, got, got2))
    {
        memcpy(&r, got, 8);
        CHECK(r == 4.0 / 2.5, "ddiv: %g", r);
        memcpy(&r, got + 2, 8);
        CHECK(r == 2.5 * 4.0 + 2.5, "dfma: %g", r);
        memcpy(&r, got2, 8);
        CHECK(r == 0.25, "drcp: %g", r);
        memcpy(&r, got2 + 2, 8);
        CHECK(r == 4.0, "dmovc (false): %g", r);
    }
    conv[0] = fbits(1.5f);
    conv[1] = 0xfffffffbu;
    conv[2] = 7;
    conv[3] = 0;
    if (run_op("ftod r3.xy, r0.x\nitod r3.zw, r0.y\nutod r4.xy, r0.z\ndtou r4.z, r1.xyxx\ndtoi r4.w, r0.zwzz", conv, b, NULL, got, got2))
    {
        memcpy(&r, got, 8);
        CHECK(r == 1.5, "ftod: %g", r);
        memcpy(&r, got + 2, 8);
        CHECK(r == -5.0, "itod: %g", r);
        memcpy(&r, got2, 8);
        CHECK(r == 7.0, "utod: %g", r);
        CHECK(got2[2] == 0, "dtou(NaN) = 0: %u", got2[2]);
    }
}

/* ---- memory: atomics, group-shared memory, typed and structured UAVs ---- */

static void test_memory(void)
{
    uint32_t data[1024];
    unsigned i;

    /* 64 threads: atomic adds, max, or; imm_atomic returns distinct old values. */
    memset(data, 0, sizeof(data));
    data[1] = 5;
    if (run_cs("dcl_input vThreadIDInGroupFlattened\n",
            "imm_atomic_iadd r0.x, u0, l(0), l(1)\n"
            "ishl r1.x, r0.x, l(2)\n"
            "iadd r1.x, r1.x, l(256)\n"
            "store_raw u0.x, r1.x, vThreadIDInGroupFlattened\n"
            "atomic_umax u0, l(4), vThreadIDInGroupFlattened\n"
            "ishl r2.x, l(1), vThreadIDInGroupFlattened\n"
            "atomic_or u0, l(8), r2.x\n"
            "atomic_iadd u0, l(12), l(-1)\n"
            "imm_atomic_cmp_exch r3.x, u0, l(16), l(0), l(77)\n"
            "atomic_imin u0, l(20), l(-5)\n",
            data, 1024, 1, "64, 1, 1"))
    {
        bool seen[64] = { false }, perm = true;
        CHECK(data[0] == 64, "atomic counter %u", data[0]);
        CHECK(data[1] == 63, "atomic_umax %u", data[1]);
        CHECK(data[2] == 0xffffffffu, "atomic_or of 1<<tid (shift by tid&31) 0x%x", data[2]);
        CHECK(data[3] == (uint32_t)-64, "atomic_iadd -1: %d", (int)data[3]);
        CHECK(data[4] == 77, "imm_atomic_cmp_exch %u", data[4]);
        CHECK(data[5] == (uint32_t)-5, "atomic_imin %d", (int)data[5]);
        for (i = 0; i < 64; ++i)
        {
            if (data[64 + i] >= 64 || seen[data[64 + i]])
                perm = false;
            else
                seen[data[64 + i]] = true;
        }
        CHECK(perm, "imm_atomic_iadd returned each old value once");
    }

    /* Group-shared memory with a barrier: each thread reads its mirror's value. */
    memset(data, 0, sizeof(data));
    if (run_cs("dcl_input vThreadIDInGroupFlattened\ndcl_tgsm_structured g0, 4, 64\ndcl_tgsm_raw g1, 16\n",
            "imul null, r0.x, vThreadIDInGroupFlattened, l(3)\n"
            "store_structured g0.x, vThreadIDInGroupFlattened, l(0), r0.x\n"
            "if_z vThreadIDInGroupFlattened\n"
            "store_raw g1.x, l(0), l(0)\n"
            "endif\n"
            "sync_g_t\n"
            "atomic_iadd g1, l(0), vThreadIDInGroupFlattened\n"
            "iadd r1.x, l(63), -vThreadIDInGroupFlattened\n"
            "ld_structured r2.x, r1.x, l(0), g0.xxxx\n"
            "ishl r3.x, vThreadIDInGroupFlattened, l(2)\n"
            "store_raw u0.x, r3.x, r2.x\n"
            "sync_g_t\n"
            "if_z vThreadIDInGroupFlattened\n"
            "ld_raw r4.x, l(0), g1.xxxx\n"
            "store_raw u0.x, l(512), r4.x\n"
            "endif\n",
            data, 1024, 1, "64, 1, 1"))
    {
        bool ok = true;
        for (i = 0; i < 64; ++i)
            if (data[i] != (63 - i) * 3)
                ok = false;
        CHECK(ok, "group-shared exchange (first: %u)", data[0]);
        CHECK(data[128] == 63 * 64 / 2, "group-shared atomic sum %u", data[128]);
    }

    /* Structured buffer view of u0, indexed temps, immediate constant buffer, loops, switch. */
    memset(data, 0, sizeof(data));
    if (run_cs("dcl_immediateConstantBuffer { { 1.000000, 2, 3, 4}, { 5, 6, 7, 8} }\ndcl_indexableTemp x0[8], 4\n",
            "mov r0.x, l(0)\n"
            "loop\n"
            "uge r1.x, r0.x, l(8)\n"
            "breakc_nz r1.x\n"
            "imul null, r2.x, r0.x, r0.x\n"
            "mov x0[r0.x + 0].x, r2.x\n"
            "iadd r0.x, r0.x, l(1)\n"
            "endloop\n"
            "mov r3.x, x0[5].x\n"
            "mov r3.y, icb[1].y\n"
            "mov r5.x, l(1)\n"
            "mov r3.z, icb[r5.x + 0].w\n"
            "switch r3.x\n"
            "case l(24)\n"
            "mov r3.w, l(1)\n"
            "break\n"
            "case l(25)\n"
            "case l(26)\n"
            "mov r3.w, l(2)\n"
            "break\n"
            "default\n"
            "mov r3.w, l(3)\n"
            "break\n"
            "endswitch\n"
            "store_raw u0.xyzw, l(0), r3.xyzw\n",
            data, 1024, 1, NULL))
    {
        uint32_t want[4] = { 25, 6, 8, 2 };
        expect4("loop/indexable temp/icb/switch", data, want);
    }
}

static void test_typed_uav(void)
{
    const char *text =
        "cs_5_0\n"
        "dcl_uav_typed_buffer (uint,uint,uint,uint) u1\n"
        "dcl_uav_structured u2, 8\n"
        "dcl_input vThreadID.x\n"
        "dcl_temps 2\n"
        "dcl_thread_group 16, 1, 1\n"
        "ld_uav_typed r0.x, vThreadID.xxxx, u1.xyzw\n"
        "imul null, r0.y, r0.x, l(2)\n"
        "store_uav_typed u1.xyzw, vThreadID.xxxx, r0.yyyy\n"
        "store_structured u2.xy, vThreadID.x, l(0), r0.xyxx\n"
        "ret\n";
    struct dxbc_shader_info info;
    struct vkh_buffer tb, sb;
    struct vkh_binding b[2];
    uint32_t *spirv, *t, *s;
    size_t words;
    unsigned i;
    bool ok = true;

    if (!(spirv = compile_text(text, &words, &info)))
    {
        CHECK(0, "typed UAV shader did not compile");
        return;
    }
    CHECK(info.resource_count == 2 && info.resources[0].descriptor == DXBC_DESCRIPTOR_STORAGE_TEXEL_BUFFER
            && info.resources[1].descriptor == DXBC_DESCRIPTOR_STORAGE_BUFFER && info.resources[1].stride == 8,
            "typed/structured UAV interface");
    if (!vkh_buffer_create(&h, &tb, 64, VK_BUFFER_USAGE_STORAGE_TEXEL_BUFFER_BIT, VK_FORMAT_R32_UINT)
            || !vkh_buffer_create(&h, &sb, 128, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED))
    {
        CHECK(0, "buffers");
        return;
    }
    t = tb.map;
    for (i = 0; i < 16; ++i)
        t[i] = i * 10 + 1;
    memset(b, 0, sizeof(b));
    b[0].set = dxbc_descriptor_set(DXBC_STAGE_CS);
    b[0].binding = dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 1);
    b[0].type = VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER;
    b[0].buffer = &tb;
    b[0].image = NULL;
    b[0].sampler = VK_NULL_HANDLE;
    b[1] = b[0];
    b[1].binding = dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 2);
    b[1].type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    b[1].buffer = &sb;
    CHECK(vkh_dispatch(&h, spirv, words, b, 2, 1, 1, 1), "dispatch");
    s = sb.map;
    for (i = 0; i < 16; ++i)
        if (t[i] != (i * 10 + 1) * 2 || s[2 * i] != i * 10 + 1 || s[2 * i + 1] != (i * 10 + 1) * 2)
            ok = false;
    CHECK(ok, "typed UAV load/store and structured store (t[1]=%u s[2]=%u s[3]=%u)", t[1], s[2], s[3]);
    vkh_buffer_destroy(&h, &tb);
    vkh_buffer_destroy(&h, &sb);
    dxbc_compile_free_spirv(spirv);
    dxbc_shader_info_free(&info);
}

static struct vkh_binding bind_buffer(enum dxbc_binding_kind kind, uint32_t slot, VkDescriptorType type, struct vkh_buffer *b);

/* ---- typed UAV textures: store, load, image atomics ---- */

static void test_uav_image(void)
{
    const char *text =
        "cs_5_0\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u0\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u1\n"
        "dcl_input vThreadID.xy\n"
        "dcl_temps 3\n"
        "dcl_thread_group 4, 4, 1\n"
        "imad r0.x, vThreadID.y, l(4), vThreadID.x\n"
        "store_uav_typed u0.xyzw, vThreadID.xyyy, r0.xxxx\n"
        "imm_atomic_iadd r1.x, u1, l(0, 4, 0, 0), l(1)\n"
        "atomic_umax u1, l(1, 4, 0, 0), r0.x\n"
        "imm_atomic_exch r2.x, u1, vThreadID.xyyy, r1.x\n"
        "ret\n";
    const char *text2 =
        "cs_5_0\n"
        "dcl_uav_typed_texture2d (uint,uint,uint,uint) u0\n"
        "dcl_uav_raw u2\n"
        "dcl_input vThreadID.xy\n"
        "dcl_temps 2\n"
        "dcl_thread_group 4, 4, 1\n"
        "ld_uav_typed r0.x, vThreadID.xyyy, u0.xyzw\n"
        "imad r1.x, vThreadID.y, l(16), vThreadID.x\n"
        "ishl r1.x, r1.x, l(2)\n"
        "store_raw u2.x, r1.x, r0.x\n"
        "ret\n";
    struct dxbc_shader_info info, info2;
    struct vkh_image img0, img1;
    struct vkh_buffer out, rb;
    struct vkh_binding b[3];
    uint32_t *spirv, *spirv2, zeros[32] = { 0 };
    size_t words, words2;
    unsigned i;

    if (!(spirv = compile_text(text, &words, &info)) || !(spirv2 = compile_text(text2, &words2, &info2)))
    {
        CHECK(0, "typed UAV texture shaders did not compile");
        return;
    }
    CHECK(info.resources[1].flags & DXBC_RESOURCE_USES_ATOMICS, "u1 reports atomics");
    CHECK((info.resources[0].flags & DXBC_RESOURCE_WRITTEN) && !(info2.resources[0].flags & DXBC_RESOURCE_WRITTEN),
            "written flag of u0: 0x%x / 0x%x", info.resources[0].flags, info2.resources[0].flags);
    CHECK(info2.resources[0].flags & DXBC_RESOURCE_TYPED_READ, "u0 reports typed reads");
    if (!vkh_image_create(&h, &img0, VK_FORMAT_R32_UINT, 4, 4, VK_IMAGE_USAGE_STORAGE_BIT)
            || !vkh_image_create(&h, &img1, VK_FORMAT_R32_UINT, 4, 8, VK_IMAGE_USAGE_STORAGE_BIT)
            || !vkh_image_upload(&h, &img1, zeros, sizeof(zeros))
            || !vkh_buffer_create(&h, &out, 1024, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &rb, 128, 0, VK_FORMAT_UNDEFINED))
    {
        CHECK(0, "images");
        return;
    }
    memset(b, 0, sizeof(b));
    b[0].binding = dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 0);
    b[0].type = VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;
    b[0].image = &img0;
    b[1] = b[0];
    b[1].binding = dxbc_binding_index(DXBC_STAGE_CS, DXBC_BINDING_UAV, 1);
    b[1].image = &img1;
    if (vkh_dispatch(&h, spirv, words, b, 2, 1, 1, 1))
    {
        img0.uploaded = true;   /* keep its contents for the second dispatch */
        b[1] = bind_buffer(DXBC_BINDING_UAV, 2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &out);
        if (vkh_dispatch(&h, spirv2, words2, b, 2, 1, 1, 1))
        {
            const uint32_t *o = out.map;
            bool ok = true;
            for (i = 0; i < 16; ++i)
                if (o[(i / 4) * 16 + i % 4] != i)
                    ok = false;
            CHECK(ok, "store_uav_typed then ld_uav_typed on an R32_UINT image (o[1]=%u o[16]=%u)", o[1], o[16]);
        }
        else
            CHECK(0, "second dispatch");
    }
    else
        CHECK(0, "dispatch");
    /* img1 rows 0-3: each thread exchanged in the old value of the counter texel (0,4), so they
     * hold a permutation of 0..15; the counter ends at 16 and (1,4) at the max index 15. */
    {
        VkCommandBufferAllocateInfo cbai = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO };
        VkCommandBufferBeginInfo bi = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
        VkSubmitInfo si = { VK_STRUCTURE_TYPE_SUBMIT_INFO };
        VkBufferImageCopy copy = { 0 };
        VkCommandBuffer cmd;
        const uint32_t *t = rb.map;
        bool seen[16] = { false }, perm = true;

        cbai.commandPool = h.pool;
        cbai.commandBufferCount = 1;
        vkAllocateCommandBuffers(h.device, &cbai, &cmd);
        vkBeginCommandBuffer(cmd, &bi);
        copy.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
        copy.imageSubresource.layerCount = 1;
        copy.imageExtent.width = 4;
        copy.imageExtent.height = 8;
        copy.imageExtent.depth = 1;
        vkCmdCopyImageToBuffer(cmd, img1.image, VK_IMAGE_LAYOUT_GENERAL, rb.buffer, 1, &copy);
        vkEndCommandBuffer(cmd);
        si.commandBufferCount = 1;
        si.pCommandBuffers = &cmd;
        vkQueueSubmit(h.queue, 1, &si, VK_NULL_HANDLE);
        vkQueueWaitIdle(h.queue);
        vkFreeCommandBuffers(h.device, h.pool, 1, &cmd);
        for (i = 0; i < 16; ++i)
        {
            if (t[i] >= 16 || seen[t[i]])
                perm = false;
            else
                seen[t[i]] = true;
        }
        CHECK(perm, "imm_atomic_iadd/imm_atomic_exch on an image: distinct old values (%u %u %u)", t[0], t[1], t[2]);
        CHECK(t[16] == 16 && t[17] == 15, "image atomic counter %u, atomic_umax %u", t[16], t[17]);
    }
    vkh_image_destroy(&h, &img0);
    vkh_image_destroy(&h, &img1);
    vkh_buffer_destroy(&h, &out);
    vkh_buffer_destroy(&h, &rb);
    dxbc_compile_free_spirv(spirv);
    dxbc_compile_free_spirv(spirv2);
    dxbc_shader_info_free(&info);
    dxbc_shader_info_free(&info2);
}

/* ---- SRVs, samplers, constant buffers, counters ---- */

static struct vkh_binding bind_buffer(enum dxbc_binding_kind kind, uint32_t slot, VkDescriptorType type, struct vkh_buffer *b)
{
    struct vkh_binding r = { 0 };
    r.set = dxbc_descriptor_set(DXBC_STAGE_CS);
    r.binding = dxbc_binding_index(DXBC_STAGE_CS, kind, slot);
    r.type = type;
    r.buffer = b;
    return r;
}

static void test_resources(void)
{
    const char *text =
        "cs_5_0\n"
        "dcl_constantbuffer CB0[4], dynamicIndexed\n"
        "dcl_sampler s0, mode_default\n"
        "dcl_sampler s1, mode_default\n"
        "dcl_resource_texture2d (float,float,float,float) t0\n"
        "dcl_resource_buffer (uint,uint,uint,uint) t1\n"
        "dcl_resource_raw t2\n"
        "dcl_resource_structured t3, 8\n"
        "dcl_uav_raw u0\n"
        "dcl_uav_structured_opc u1, 4\n"
        "dcl_temps 8\n"
        "dcl_thread_group 1, 1, 1\n"
        "ld r0.xyzw, l(1, 2, 0, 0), t0.xyzw\n"
        "store_raw u0.xyzw, l(0), r0.xyzw\n"
        "sample_l r1.xyzw, l(0.375000, 0.625000, 0, 0), t0.xyzw, s0, l(0)\n"
        "store_raw u0.xyzw, l(16), r1.xyzw\n"
        "sample_l r1.xyzw, l(0.500000, 0.500000, 0, 0), t0.xyzw, s1, l(0)\n"
        "store_raw u0.xyzw, l(32), r1.xyzw\n"
        "gather4 r2.xyzw, l(0.500000, 0.500000, 0, 0), t0.xyzw, s0.x\n"
        "store_raw u0.xyzw, l(48), r2.xyzw\n"
        "resinfo_uint r3.xyzw, l(0), t0.xyzw\n"
        "store_raw u0.xyzw, l(64), r3.xyzw\n"
        "ld r4.x, l(3, 0, 0, 0), t1.xyzw\n"
        "bufinfo r4.y, t1.xxxx\n"
        "ld_raw r4.z, l(8), t2.xxxx\n"
        "ld_structured r4.w, l(1), l(4), t3.xxxx\n"
        "store_raw u0.xyzw, l(80), r4.xyzw\n"
        "mov r5.x, l(2)\n"
        "mov r6.xyzw, cb0[r5.x + 1].xyzw\n"
        "store_raw u0.xyzw, l(96), r6.xyzw\n"
        "bufinfo r7.x, t2.xxxx\n"
        "bufinfo r7.y, t3.xxxx\n"
        "imm_atomic_alloc r7.z, u1\n"
        "imm_atomic_alloc r7.z, u1\n"
        "imm_atomic_consume r7.w, u1\n"
        "store_raw u0.xyzw, l(112), r7.xyzw\n"
        "resinfo r3.xyzw, l(0), t0.wzyx\n"
        "store_raw u0.xyzw, l(128), r3.xyzw\n"
        "ret\n";
    struct dxbc_shader_info info;
    struct vkh_buffer out, cb, tb, raw, st, u1, counter;
    struct vkh_image tex;
    struct vkh_binding b[10];
    VkSampler point, linear;
    float texels[4][4][4];
    uint32_t *spirv, *o;
    size_t words;
    unsigned x, y, i;

    if (!(spirv = compile_text(text, &words, &info)))
    {
        CHECK(0, "resource shader did not compile");
        return;
    }
    CHECK(info.resource_count == 10, "resource count %u", info.resource_count);
    for (y = 0; y < 4; ++y)
        for (x = 0; x < 4; ++x)
        {
            texels[y][x][0] = x + 10.0f * y;
            texels[y][x][1] = (float)(x * y);
            texels[y][x][2] = 100.0f + x;
            texels[y][x][3] = 1.0f;
        }
    if (!vkh_buffer_create(&h, &out, 256, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &cb, 64, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &tb, 40, VK_BUFFER_USAGE_UNIFORM_TEXEL_BUFFER_BIT, VK_FORMAT_R32_UINT)
            || !vkh_buffer_create(&h, &raw, 64, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &st, 32, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &u1, 64, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &counter, 4, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED)
            || !vkh_image_create(&h, &tex, VK_FORMAT_R32G32B32A32_SFLOAT, 4, 4, VK_IMAGE_USAGE_SAMPLED_BIT)
            || !vkh_image_upload(&h, &tex, texels, sizeof(texels)))
    {
        CHECK(0, "resources");
        return;
    }
    for (i = 0; i < 16; ++i)
        ((uint32_t *)cb.map)[i] = 1000 + i;
    for (i = 0; i < 10; ++i)
        ((uint32_t *)tb.map)[i] = 50 + i;
    for (i = 0; i < 16; ++i)
        ((uint32_t *)raw.map)[i] = 70 + i;
    for (i = 0; i < 8; ++i)
        ((uint32_t *)st.map)[i] = 90 + i;
    point = vkh_sampler(&h, VK_FILTER_NEAREST, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE);
    linear = vkh_sampler(&h, VK_FILTER_LINEAR, VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE);
    b[0] = bind_buffer(DXBC_BINDING_UAV, 0, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &out);
    b[1] = bind_buffer(DXBC_BINDING_CBV, 0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, &cb);
    b[2] = bind_buffer(DXBC_BINDING_SRV, 1, VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER, &tb);
    b[3] = bind_buffer(DXBC_BINDING_SRV, 2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &raw);
    b[4] = bind_buffer(DXBC_BINDING_SRV, 3, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &st);
    b[5] = bind_buffer(DXBC_BINDING_UAV, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &u1);
    b[6] = bind_buffer(DXBC_BINDING_UAV_COUNTER, 1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, &counter);
    b[7] = bind_buffer(DXBC_BINDING_SRV, 0, VK_DESCRIPTOR_TYPE_SAMPLED_IMAGE, NULL);
    b[7].image = &tex;
    b[8] = bind_buffer(DXBC_BINDING_SAMPLER, 0, VK_DESCRIPTOR_TYPE_SAMPLER, NULL);
    b[8].sampler = point;
    b[9] = bind_buffer(DXBC_BINDING_SAMPLER, 1, VK_DESCRIPTOR_TYPE_SAMPLER, NULL);
    b[9].sampler = linear;
    for (i = 0; i < info.resource_count; ++i)
    {
        unsigned k;
        bool found = false;
        for (k = 0; k < 10; ++k)
            if (b[k].binding == info.resources[i].binding)
                found = true;
        CHECK(found, "interface binding %u (kind %u slot %u) is bound", info.resources[i].binding,
                info.resources[i].kind, info.resources[i].slot);
    }
    if (vkh_dispatch(&h, spirv, words, b, 10, 1, 1, 1))
    {
        float *f;
        o = out.map;
        f = (float *)o;
        CHECK(f[0] == 21.0f && f[1] == 2.0f && f[2] == 101.0f && f[3] == 1.0f, "ld: %g %g %g %g", f[0], f[1], f[2], f[3]);
        CHECK(f[4] == 21.0f && f[5] == 2.0f && f[6] == 101.0f, "sample_l point: %g %g %g", f[4], f[5], f[6]);
        /* bilinear at the centre: texels (1,1) (2,1) (1,2) (2,2) */
        CHECK(fabsf(f[8] - 16.5f) < 1e-3f && fabsf(f[9] - 2.25f) < 1e-3f && fabsf(f[10] - 101.5f) < 1e-3f,
                "sample_l linear: %g %g %g", f[8], f[9], f[10]);
        /* gather4 red: x = (1,2), y = (2,2), z = (2,1), w = (1,1) */
        CHECK(f[12] == 21.0f && f[13] == 22.0f && f[14] == 12.0f && f[15] == 11.0f, "gather4: %g %g %g %g",
                f[12], f[13], f[14], f[15]);
        CHECK(o[16] == 4 && o[17] == 4 && o[18] == 0 && o[19] == 1, "resinfo_uint: %u %u %u %u", o[16], o[17], o[18], o[19]);
        CHECK(o[20] == 53 && o[21] == 10 && o[22] == 72 && o[23] == 93, "typed/raw/structured SRV: %u %u %u %u",
                o[20], o[21], o[22], o[23]);
        CHECK(o[24] == 1012 && o[25] == 1013 && o[26] == 1014 && o[27] == 1015, "cb dynamic index: %u %u %u %u",
                o[24], o[25], o[26], o[27]);
        CHECK(o[28] == 64 && o[29] == 4 && o[30] == 1 && o[31] == 1, "bufinfo raw/structured, alloc, consume: %u %u %u %u",
                o[28], o[29], o[30], o[31]);
        CHECK(*(uint32_t *)counter.map == 1, "counter after 2 alloc + 1 consume: %u", *(uint32_t *)counter.map);
        /* resinfo float with swizzle .wzyx: (mips, 0, height, width) */
        CHECK(f[32] == 1.0f && f[33] == 0.0f && f[34] == 4.0f && f[35] == 4.0f, "resinfo swizzled: %g %g %g %g",
                f[32], f[33], f[34], f[35]);
    }
    else
        CHECK(0, "dispatch");
    vkDestroySampler(h.device, point, NULL);
    vkDestroySampler(h.device, linear, NULL);
    vkh_image_destroy(&h, &tex);
    vkh_buffer_destroy(&h, &out);
    vkh_buffer_destroy(&h, &cb);
    vkh_buffer_destroy(&h, &tb);
    vkh_buffer_destroy(&h, &raw);
    vkh_buffer_destroy(&h, &st);
    vkh_buffer_destroy(&h, &u1);
    vkh_buffer_destroy(&h, &counter);
    dxbc_compile_free_spirv(spirv);
    dxbc_shader_info_free(&info);
}

/* ---- class linkage: the class of an interface slot comes from a specialization constant ---- */

static void test_linkage(void)
{
    const char *decls =
        "dcl_function_body fb0\n"
        "dcl_function_body fb1\n"
        "dcl_function_table ft0 = {fb0}\n"
        "dcl_function_table ft1 = {fb1}\n"
        "dcl_interface fp0[1][1] = {ft0, ft1}\n";
    const char *body =
        "mov r0.x, l(5)\n"
        "fcall(0) fp0[0]\n"
        "store_raw u0.x, l(0), r0.x\n"
        "ret\n"
        "label fb0\n"
        "iadd r0.x, r0.x, l(1)\n"
        "ret\n"
        "label fb1\n"
        "imul null, r0.x, r0.x, l(10)\n";
    VkSpecializationMapEntry entry = { DXBC_SPEC_INTERFACE_BASE, 0, 4 };
    VkSpecializationInfo spec = { 1, &entry, 4, NULL };
    uint32_t data[4] = { 0 }, one = 1;

    if (run_cs(decls, body, data, 4, 1, NULL))
        CHECK(data[0] == 6, "class 0 by default: %u", data[0]);
    spec.pData = &one;
    vkh_specialization = &spec;
    data[0] = 0;
    if (run_cs(decls, body, data, 4, 1, NULL))
        CHECK(data[0] == 50, "class 1 by specialization: %u", data[0]);
    vkh_specialization = NULL;
}

/* ---- VS + PS: interpolation modes, system values, discard, depth output ---- */

static void test_graphics(void)
{
    /* A triangle covering the 8x8 target: NDC (-1,-1) (3,-1) (-1,3), with clip w = 1, 2, 3 so
     * that perspective and screen-linear interpolation differ. */
    const char *vs_text =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 xy TEXCOORD 0 NONE float -\n"
        "// sig output 2 x TEXCOORD 1 NONE uint -\n"
        "// sig output 3 x TEXCOORD 2 NONE float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output o1.xy\n"
        "dcl_output o2.x\n"
        "dcl_output o3.x\n"
        "dcl_temps 2\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "iadd r1.x, v0.x, l(1)\n"
        "utof r1.x, r1.x\n"
        "mad r0.zw, r0.xxxy, l(0, 0, 4.000000, 4.000000), l(0, 0, -1.000000, -1.000000)\n"
        "mul o0.xy, r0.zwzz, r1.xxxx\n"
        "mul o0.z, r1.x, l(0.500000)\n"
        "mov o0.w, r1.x\n"
        "add o1.xy, r0.xyxx, r0.xyxx\n"
        "iadd o2.x, v0.x, l(7)\n"
        "add o3.x, r0.x, r0.x\n"
        "ret\n";
    /* o0 = (perspective u, screen-linear u, flat value of the provoking vertex, SV_Position.w);
     * discard where SV_Position.x < 2; depth = SV_Position.x / 16. */
    const char *ps_text =
        "// sig input 0 xyzw SV_Position 0 POS float xw\n"
        "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
        "// sig input 2 x TEXCOORD 1 NONE uint x\n"
        "// sig input 3 x TEXCOORD 2 NONE float x\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "// sig output -1 x SV_Depth 0 DEPTH float -\n"
        "ps_5_0\n"
        "dcl_input_ps_siv linear noperspective v0.xw, position\n"
        "dcl_input_ps linear v1.x\n"
        "dcl_input_ps constant v2.x\n"
        "dcl_input_ps linear noperspective v3.x\n"
        "dcl_output o0.xyzw\n"
        "dcl_output oDepth\n"
        "dcl_temps 1\n"
        "lt r0.x, v0.x, l(2.000000)\n"
        "discard_nz r0.x\n"
        "mov o0.x, v1.x\n"
        "mov o0.y, v3.x\n"
        "utof o0.z, v2.x\n"
        "mov o0.w, v0.w\n"
        "mul oDepth, v0.x, l(0.062500)\n"
        "ret\n";
    struct dxbc_shader_info vi, pi;
    struct vkh_image colour, depth;
    struct vkh_buffer rb, drb;
    uint32_t *vs, *ps;
    size_t vw, pw;
    unsigned x, y, bad = 0, bad_depth = 0;

    if (!(vs = compile_text(vs_text, &vw, &vi)) || !(ps = compile_text(ps_text, &pw, &pi)))
    {
        CHECK(0, "graphics shaders did not compile");
        return;
    }
    CHECK(pi.ps_flags & DXBC_PS_USES_DISCARD, "ps flags report discard");
    CHECK(pi.ps_flags & DXBC_PS_WRITES_DEPTH, "ps flags report depth output");
    CHECK(vi.input_count == 1 && vi.inputs[0].builtin == 42 /* SpvBuiltInVertexIndex */, "VS vertex id input");
    if (!vkh_image_create(&h, &colour, VK_FORMAT_R32G32B32A32_SFLOAT, 8, 8, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT)
            || !vkh_image_create(&h, &depth, VK_FORMAT_D32_SFLOAT, 8, 8, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT)
            || !vkh_buffer_create(&h, &rb, 8 * 8 * 16, 0, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &drb, 8 * 8 * 4, 0, VK_FORMAT_UNDEFINED))
    {
        CHECK(0, "render targets");
        return;
    }
    if (vkh_draw(&h, vs, vw, ps, pw, NULL, 0, 3, &colour, &depth, 1.0f, &rb, &drb))
    {
        const float *px = rb.map, *dp = drb.map;
        for (y = 0; y < 8; ++y)
            for (x = 0; x < 8; ++x)
            {
                const float *p = px + 4 * (y * 8 + x);
                float fx = x + 0.5f, fy = y + 0.5f;
                /* window-space barycentrics of (0,0) (16,0) (0,16) */
                float b1 = fx / 16.0f, b2 = fy / 16.0f, b0 = 1.0f - b1 - b2;
                float inv_w = b0 / 1.0f + b1 / 2.0f + b2 / 3.0f;
                float persp = (2.0f * b1 / 2.0f) / inv_w, linear = 2.0f * b1, w = 1.0f / inv_w;
                float d = dp[y * 8 + x];
                if (x < 2)
                {
                    /* discarded: clear colour (0) and the cleared depth */
                    if (p[0] != 0.0f || p[3] != 0.0f || d != 1.0f)
                        ++bad;
                    continue;
                }
                if (fabsf(p[0] - persp) > 1e-4f || fabsf(p[1] - linear) > 1e-4f || p[2] != 7.0f || fabsf(p[3] - w) > 1e-4f)
                {
                    if (bad < 4)
                        fprintf(stderr, "pixel %u,%u: %g %g %g %g want %g %g 7 %g\n", x, y, p[0], p[1], p[2], p[3],
                                persp, linear, w);
                    ++bad;
                }
                if (fabsf(d - fx / 16.0f) > 1e-6f)
                {
                    if (bad_depth < 4)
                        fprintf(stderr, "depth %u,%u: %g want %g\n", x, y, d, fx / 16.0f);
                    ++bad_depth;
                }
            }
        CHECK(!bad, "%u pixels differ (perspective/noperspective/flat interpolation, SV_Position.w, discard)", bad);
        CHECK(!bad_depth, "%u depth values differ (oDepth)", bad_depth);
    }
    else
        CHECK(0, "draw failed");
    vkh_image_destroy(&h, &colour);
    vkh_image_destroy(&h, &depth);
    vkh_buffer_destroy(&h, &rb);
    vkh_buffer_destroy(&h, &drb);
    dxbc_compile_free_spirv(vs);
    dxbc_compile_free_spirv(ps);
    dxbc_shader_info_free(&vi);
    dxbc_shader_info_free(&pi);
}

/* Renders with the given stages into an 8x8 RGBA32F target; returns the pixels (caller frees). */
static float *render(const char *vs_text, const char *hs_text, const char *ds_text, const char *gs_text,
        const char *ps_text, uint32_t vertex_count)
{
    const char *texts[5] = { vs_text, hs_text, ds_text, gs_text, ps_text };
    struct dxbc_shader_info info[5];
    uint32_t *code[5] = { 0 };
    size_t words[5] = { 0 };
    struct vkh_image colour;
    struct vkh_buffer rb;
    float *pixels = NULL;
    unsigned i;
    bool ok = true;

    for (i = 0; i < 5; ++i)
    {
        memset(&info[i], 0, sizeof(info[i]));
        if (texts[i] && !(code[i] = compile_text(texts[i], &words[i], &info[i])))
            ok = false;
    }
    if (ok && vkh_image_create(&h, &colour, VK_FORMAT_R32G32B32A32_SFLOAT, 8, 8, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT))
    {
        if (vkh_buffer_create(&h, &rb, 8 * 8 * 16, 0, VK_FORMAT_UNDEFINED))
        {
            vkh_hs.code = code[1];
            vkh_hs.words = words[1];
            vkh_ds.code = code[2];
            vkh_ds.words = words[2];
            vkh_gs.code = code[3];
            vkh_gs.words = words[3];
            if (vkh_draw(&h, code[0], words[0], code[4], words[4], NULL, 0, vertex_count, &colour, NULL, 1.0f, &rb, NULL)
                    && (pixels = malloc(8 * 8 * 16)))
                memcpy(pixels, rb.map, 8 * 8 * 16);
            memset(&vkh_hs, 0, sizeof(vkh_hs));
            memset(&vkh_ds, 0, sizeof(vkh_ds));
            memset(&vkh_gs, 0, sizeof(vkh_gs));
            vkh_buffer_destroy(&h, &rb);
        }
        vkh_image_destroy(&h, &colour);
    }
    for (i = 0; i < 5; ++i)
    {
        dxbc_compile_free_spirv(code[i]);
        dxbc_shader_info_free(&info[i]);
    }
    CHECK(pixels != NULL, "render failed");
    return pixels;
}

/* GS: point input, two instances, triangle-strip quads per (primitive, instance). */
static void test_geometry(void)
{
    const char *vs =
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "vs_5_0\n"
        "dcl_output_siv o0.xyzw, position\n"
        "mov o0.xyzw, l(0, 0, 0, 1.000000)\n"
        "ret\n";
    const char *gs =
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 xyzw COLOR 0 NONE float -\n"
        "gs_5_0\n"
        "dcl_input_siv v[1][0].xyzw, position\n"
        "dcl_input vPrim\n"
        "dcl_input vGSInstanceID\n"
        "dcl_temps 2\n"
        "dcl_inputprimitive point\n"
        "dcl_stream m0\n"
        "dcl_outputtopology trianglestrip\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output o1.xyzw\n"
        "dcl_maxout 4\n"
        "dcl_gsinstances 2\n"
        "utof r0.x, vGSInstanceID\n"
        "utof r0.y, vPrim\n"
        "add r0.zw, r0.xxxy, l(0, 0, -1.000000, -1.000000)\n"
        "add r1.xy, r0.zwzz, l(1.000000, 1.000000, 0, 0)\n"
        "mov o0.xy, r0.zwzz\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "mov o1.xyzw, r0.yxyy\n"
        "mov o1.z, l(7.000000)\n"
        "emit_stream m0\n"
        "mov o0.x, r1.x\n"
        "mov o0.y, r0.w\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "mov o1.xyzw, r0.yxyy\n"
        "mov o1.z, l(7.000000)\n"
        "emit_stream m0\n"
        "mov o0.x, r0.z\n"
        "mov o0.y, r1.y\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "mov o1.xyzw, r0.yxyy\n"
        "mov o1.z, l(7.000000)\n"
        "emit_stream m0\n"
        "mov o0.xy, r1.xyxx\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "mov o1.xyzw, r0.yxyy\n"
        "mov o1.z, l(7.000000)\n"
        "emit_stream m0\n"
        "cut_stream m0\n"
        "ret\n";
    const char *ps =
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "ps_5_0\n"
        "dcl_input_ps linear v1.xyzw\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, v1.xyzw\n"
        "ret\n";
    unsigned x, y, bad = 0;
    float *px;

    vkh_topology = VK_PRIMITIVE_TOPOLOGY_POINT_LIST;
    px = render(vs, NULL, NULL, gs, ps, 2);
    vkh_topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    if (!px)
        return;
    /* primitive iy covers rows 4*iy.., instance ix columns 4*ix..: colour (iy, ix, 7, iy) */
    for (y = 0; y < 8; ++y)
        for (x = 0; x < 8; ++x)
        {
            const float *p = px + 4 * (y * 8 + x);
            float iy = (float)(y / 4), ix = (float)(x / 4);
            if (p[0] != iy || p[1] != ix || p[2] != 7.0f || p[3] != iy)
            {
                if (bad < 4)
                    fprintf(stderr, "GS pixel %u,%u: %g %g %g %g want %g %g 7 %g\n", x, y, p[0], p[1], p[2], p[3], iy, ix, iy);
                ++bad;
            }
        }
    CHECK(!bad, "%u GS pixels differ (vPrim, vGSInstanceID, emit/cut, strips)", bad);
    free(px);
}

/* SV_ClipDistance: a VS clip distance of (x - 0.25) in NDC clips the left part of the target;
 * the PS reads the interpolated distance back through its own SV_ClipDistance input. */
static void test_clip_distance(void)
{
    const char *vs =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 x SV_ClipDistance 0 CLIPDST float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output_siv o1.x, clip_distance\n"
        "dcl_temps 1\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "mad r0.xy, r0.xyxx, l(4.000000, 4.000000, 0, 0), l(-1.000000, -1.000000, 0, 0)\n"
        "mov o0.xy, r0.xyxx\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "add o1.x, r0.x, l(-0.250000)\n"
        "ret\n";
    const char *ps =
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig input 1 x SV_ClipDistance 0 CLIPDST float x\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "ps_5_0\n"
        "dcl_input_ps_siv linear v1.x, clip_distance\n"
        "dcl_output o0.xyzw\n"
        "mov o0.x, v1.x\n"
        "mov o0.yzw, l(0, 1.000000, 1.000000, 1.000000)\n"
        "ret\n";
    unsigned x, y, bad = 0;
    float *px;

    if (!(px = render(vs, NULL, NULL, NULL, ps, 3)))
        return;
    for (y = 0; y < 8; ++y)
        for (x = 0; x < 8; ++x)
        {
            const float *p = px + 4 * (y * 8 + x);
            float ndc = (x + 0.5f) / 4.0f - 1.0f, d = ndc - 0.25f;
            bool visible = d > 0.0f;
            if (visible ? (fabsf(p[0] - d) > 1e-4f || p[3] != 1.0f) : (p[3] != 0.0f))
            {
                if (bad < 4)
                    fprintf(stderr, "clip pixel %u,%u: %g %g want %s %g\n", x, y, p[0], p[3], visible ? "drawn" : "clipped", d);
                ++bad;
            }
        }
    CHECK(!bad, "%u pixels differ (SV_ClipDistance output and input)", bad);
    free(px);
}

/* Dual-source blending: o1 feeds SRC1 of blend unit 0; colour = o0 * o1. */
static void test_dual_source(void)
{
    const char *vs =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 1\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "mad o0.xy, r0.xyxx, l(4.000000, 4.000000, 0, 0), l(-1.000000, -1.000000, 0, 0)\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "ret\n";
    const char *ps =
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "// sig output 1 xyzw SV_Target 1 TARGET float -\n"
        "// sig output 2 xyzw SV_Target 2 TARGET float -\n"
        "ps_5_0\n"
        "dcl_output o0.xyzw\n"
        "dcl_output o1.xyzw\n"
        "dcl_output o2.xyzw\n"
        "mov o0.xyzw, l(0.500000, 2.000000, 4.000000, 1.000000)\n"
        "mov o1.xyzw, l(2.000000, 0.250000, 0.500000, 0.750000)\n"
        "mov o2.xyzw, l(9.000000, 9.000000, 9.000000, 9.000000)\n"
        "ret\n";
    struct dxbc_compile_options options = { DXBC_COMPILE_DUAL_SOURCE_BLEND, NULL };
    struct dxbc_shader_info vi, pi;
    struct vkh_image colour;
    struct vkh_buffer rb;
    uint32_t *vsc, *psc = NULL;
    size_t vw, pw, size;
    char error[256];
    void *blob;
    unsigned i, bad = 0;

    if (!(vsc = compile_text(vs, &vw, &vi)))
        return;
    if (dxbc_assemble(ps, &blob, &size, error, sizeof(error)))
    {
        CHECK(dxbc_compile_blob(blob, size, &options, &pi, &psc, &pw, error, sizeof(error)), "dual-source PS: %s", error);
        dxbc_free(blob);
    }
    if (!psc)
    {
        CHECK(0, "dual-source PS did not compile");
        return;
    }
    CHECK(pi.output_count == 2, "dual-source PS keeps o0 and o1 only: %u outputs", pi.output_count);
    if (vkh_image_create(&h, &colour, VK_FORMAT_R32G32B32A32_SFLOAT, 8, 8, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT)
            && vkh_buffer_create(&h, &rb, 8 * 8 * 16, 0, VK_FORMAT_UNDEFINED))
    {
        vkh_blend_dual_source = true;
        if (vkh_draw(&h, vsc, vw, psc, pw, NULL, 0, 3, &colour, NULL, 1.0f, &rb, NULL))
        {
            const float *p = rb.map;
            for (i = 0; i < 64; ++i)
                if (p[4 * i] != 1.0f || p[4 * i + 1] != 0.5f || p[4 * i + 2] != 2.0f || p[4 * i + 3] != 0.75f)
                    ++bad;
            CHECK(!bad, "%u pixels differ from o0 * o1 (first %g %g %g %g)", bad, p[0], p[1], p[2], p[3]);
        }
        else
            CHECK(0, "dual-source draw");
        vkh_blend_dual_source = false;
        vkh_buffer_destroy(&h, &rb);
        vkh_image_destroy(&h, &colour);
    }
    dxbc_compile_free_spirv(vsc);
    dxbc_compile_free_spirv(psc);
    dxbc_shader_info_free(&vi);
    dxbc_shader_info_free(&pi);
}

/* oStencilRef: the shader's stencil reference replaces the stencil value (x + 8y). */
static void test_stencil_ref(void)
{
    const char *vs =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 1\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "mad o0.xy, r0.xyxx, l(4.000000, 4.000000, 0, 0), l(-1.000000, -1.000000, 0, 0)\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "ret\n";
    const char *ps =
        "// sig input 0 xyzw SV_Position 0 POS float xy\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "// sig output -1 x SV_StencilRef 0 STENCILREF uint -\n"
        "ps_5_0\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_output o0.xyzw\n"
        "dcl_output oStencilRef\n"
        "dcl_temps 1\n"
        "ftou r0.xy, v0.xyxx\n"
        "imad oStencilRef, r0.y, l(8), r0.x\n"
        "mov o0.xyzw, l(1.000000, 1.000000, 1.000000, 1.000000)\n"
        "ret\n";
    struct dxbc_shader_info vi, pi;
    struct vkh_image colour, depth;
    struct vkh_buffer rb, srb;
    uint32_t *vsc, *psc;
    size_t vw, pw;
    unsigned i, bad = 0;

    if (!h.stencil_export)
    {
        CHECK(0, "the device has no VK_EXT_shader_stencil_export");
        return;
    }
    if (!(vsc = compile_text(vs, &vw, &vi)) || !(psc = compile_text(ps, &pw, &pi)))
    {
        CHECK(0, "stencil-reference shaders did not compile");
        return;
    }
    CHECK(pi.ps_flags & DXBC_PS_WRITES_STENCIL_REF, "ps flags report the stencil reference");
    if (vkh_image_create(&h, &colour, VK_FORMAT_R32G32B32A32_SFLOAT, 8, 8, VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT)
            && vkh_image_create(&h, &depth, VK_FORMAT_D32_SFLOAT_S8_UINT, 8, 8, VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT)
            && vkh_buffer_create(&h, &rb, 8 * 8 * 16, 0, VK_FORMAT_UNDEFINED)
            && vkh_buffer_create(&h, &srb, 64, 0, VK_FORMAT_UNDEFINED))
    {
        vkh_stencil_readback = &srb;
        if (vkh_draw(&h, vsc, vw, psc, pw, NULL, 0, 3, &colour, &depth, 1.0f, &rb, NULL))
        {
            const uint8_t *st = srb.map;
            for (i = 0; i < 64; ++i)
                if (st[i] != i)
                    ++bad;
            CHECK(!bad, "%u stencil values differ from x + 8y (first %u %u)", bad, st[0], st[1]);
        }
        else
            CHECK(0, "stencil draw");
        vkh_stencil_readback = NULL;
        vkh_buffer_destroy(&h, &rb);
        vkh_buffer_destroy(&h, &srb);
        vkh_image_destroy(&h, &colour);
        vkh_image_destroy(&h, &depth);
    }
    else
        CHECK(0, "stencil attachments");
    dxbc_compile_free_spirv(vsc);
    dxbc_compile_free_spirv(psc);
    dxbc_shader_info_free(&vi);
    dxbc_shader_info_free(&pi);
}

/* HS (control point, fork with indexed outputs, join) + DS: a tessellated triangle whose colour
 * is the domain location and a patch constant. */
static void test_tessellation(void)
{
    const char *vs =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_temps 1\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "mad o0.xy, r0.xyxx, l(4.000000, 4.000000, 0, 0), l(-1.000000, -1.000000, 0, 0)\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "ret\n";
    const char *hs =
        "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
        "// sig output 0 xyzw POSITION 0 NONE float -\n"
        "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
        "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
        "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
        "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
        "// sig patch 4 x VALUE 0 NONE float -\n"
        "hs_5_0\n"
        "hs_decls\n"
        "dcl_input_control_point_count 3\n"
        "dcl_output_control_point_count 3\n"
        "dcl_tessellator_domain domain_tri\n"
        "dcl_tessellator_partitioning partitioning_integer\n"
        "dcl_tessellator_output_primitive output_triangle_cw\n"
        "dcl_hs_max_tessfactor l(64.000000)\n"
        "hs_control_point_phase\n"
        "dcl_input vicp[3][0].xyzw\n"
        "dcl_input vOutputControlPointID\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, vicp[vOutputControlPointID][0].xyzw\n"
        "ret\n"
        "hs_fork_phase\n"
        "dcl_hs_fork_phase_instance_count 3\n"
        "dcl_input vForkInstanceID\n"
        "dcl_output_siv o0.x, finalTriUeq0EdgeTessFactor\n"
        "dcl_output_siv o1.x, finalTriVeq0EdgeTessFactor\n"
        "dcl_output_siv o2.x, finalTriWeq0EdgeTessFactor\n"
        "dcl_indexrange o0.x 3\n"
        "dcl_temps 1\n"
        "mov r0.x, vForkInstanceID\n"
        "mov o[r0.x + 0].x, l(4.000000)\n"
        "ret\n"
        "hs_join_phase\n"
        "dcl_output_siv o3.x, finalTriInsideTessFactor\n"
        "dcl_output o4.x\n"
        "mov o3.x, l(4.000000)\n"
        "mov o4.x, l(0.750000)\n"
        "ret\n";
    const char *ds =
        "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 xyzw COLOR 0 NONE float -\n"
        "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
        "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
        "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
        "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
        "// sig patch 4 x VALUE 0 NONE float x\n"
        "ds_5_0\n"
        "dcl_input_control_point_count 3\n"
        "dcl_tessellator_domain domain_tri\n"
        "dcl_input vDomain.xyz\n"
        "dcl_input vicp[3][0].xyzw\n"
        "dcl_input vpc4.x\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output o1.xyzw\n"
        "dcl_temps 1\n"
        "mul r0.xyzw, vDomain.yyyy, vicp[1][0].xyzw\n"
        "mad r0.xyzw, vicp[0][0].xyzw, vDomain.xxxx, r0.xyzw\n"
        "mad o0.xyzw, vicp[2][0].xyzw, vDomain.zzzz, r0.xyzw\n"
        "mov o1.xyz, vDomain.xyzx\n"
        "mov o1.w, vpc4.x\n"
        "ret\n";
    const char *ps =
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig input 1 xyzw COLOR 0 NONE float xyzw\n"
        "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
        "ps_5_0\n"
        "dcl_input_ps linear v1.xyzw\n"
        "dcl_output o0.xyzw\n"
        "mov o0.xyzw, v1.xyzw\n"
        "ret\n";
    unsigned x, y, bad = 0;
    float *px;

    vkh_patch_points = 3;
    if (!(px = render(vs, hs, ds, NULL, ps, 3)))
        return;
    for (y = 0; y < 8; ++y)
        for (x = 0; x < 8; ++x)
        {
            const float *p = px + 4 * (y * 8 + x);
            float b1 = (x + 0.5f) / 16.0f, b2 = (y + 0.5f) / 16.0f, b0 = 1.0f - b1 - b2;
            if (fabsf(p[0] - b0) > 1e-3f || fabsf(p[1] - b1) > 1e-3f || fabsf(p[2] - b2) > 1e-3f || p[3] != 0.75f)
            {
                if (bad < 4)
                    fprintf(stderr, "tess pixel %u,%u: %g %g %g %g want %g %g %g 0.75\n", x, y, p[0], p[1], p[2], p[3], b0, b1, b2);
                ++bad;
            }
        }
    CHECK(!bad, "%u tessellation pixels differ (HS phases, patch constants, vDomain)", bad);
    free(px);
}

/* Sample-rate shading on 4 samples without attachments: SV_SampleIndex, vCoverage,
 * eval_sample_index, samplepos/sampleinfo on the rasterizer (sample count by specialization). */
static void test_multisample(void)
{
    const char *vs =
        "// sig input 0 x SV_VertexID 0 VERTID uint x\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 1 x TEXCOORD 0 NONE float -\n"
        "vs_5_0\n"
        "dcl_input_sgv v0.x, vertex_id\n"
        "dcl_output_siv o0.xyzw, position\n"
        "dcl_output o1.x\n"
        "dcl_temps 1\n"
        "and r0.x, v0.x, l(1)\n"
        "ushr r0.y, v0.x, l(1)\n"
        "utof r0.xy, r0.xyxx\n"
        "mad o0.xy, r0.xyxx, l(4.000000, 4.000000, 0, 0), l(-1.000000, -1.000000, 0, 0)\n"
        "mov o0.zw, l(0, 0, 0.500000, 1.000000)\n"
        "add o1.x, r0.x, r0.x\n"
        "ret\n";
    const char *ps =
        "// sig input 0 xyzw SV_Position 0 POS float xy\n"
        "// sig input 1 x TEXCOORD 0 NONE float x\n"
        "// sig input 2 x SV_SampleIndex 0 SAMPLE uint x\n"
        "ps_5_0\n"
        "dcl_uav_raw u1\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_input_ps linear v1.x\n"
        "dcl_input_ps_sgv constant v2.x, sampleIndex\n"
        "dcl_input vCoverage\n"
        "dcl_temps 4\n"
        "ftou r0.xy, v0.xyxx\n"
        "imad r0.x, r0.y, l(2), r0.x\n"
        "imad r0.x, r0.x, l(4), v2.x\n"
        "ishl r0.x, r0.x, l(4)\n"
        "mov r1.x, v2.x\n"
        "mov r1.y, vCoverage.x\n"
        "eval_sample_index r1.z, v1.x, v2.x\n"
        "samplepos r2.xy, rasterizer.xyxx, v2.x\n"
        "mov r1.w, r2.x\n"
        "store_raw u1.xyzw, r0.x, r1.xyzw\n"
        "sampleinfo_uint r3.x, rasterizer.x\n"
        "store_raw u1.x, l(256), r3.x\n"
        "eval_centroid r3.x, v1.x\n"
        "eval_snapped r3.y, v1.x, l(8, 0, 0, 0)\n"
        "iadd r0.x, r0.x, l(512)\n"
        "store_raw u1.xy, r0.x, r3.xyxx\n"
        "ret\n";
    static const int8_t pos4[4][2] = { { -2, -6 }, { 6, -2 }, { -6, 2 }, { 2, 6 } };
    VkSpecializationMapEntry entry = { DXBC_SPEC_SAMPLE_COUNT, 0, 4 };
    uint32_t four = 4;
    VkSpecializationInfo spec = { 1, &entry, 4, &four };
    struct dxbc_shader_info vi, pi;
    struct vkh_buffer out;
    struct vkh_binding b;
    uint32_t *vsc, *psc;
    size_t vw, pw;
    unsigned px, smp, bad = 0;

    if (!(vsc = compile_text(vs, &vw, &vi)) || !(psc = compile_text(ps, &pw, &pi)))
    {
        CHECK(0, "multisample shaders did not compile");
        return;
    }
    CHECK(pi.ps_flags & DXBC_PS_SAMPLE_RATE, "sample-rate flag");
    CHECK(pi.spec_constant_mask == (1u << DXBC_SPEC_SAMPLE_COUNT), "spec constant mask 0x%x", pi.spec_constant_mask);
    if (!vkh_buffer_create(&h, &out, 1024, VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, VK_FORMAT_UNDEFINED))
        return;
    memset(&b, 0, sizeof(b));
    b.set = dxbc_descriptor_set(DXBC_STAGE_PS);
    b.binding = dxbc_binding_index(DXBC_STAGE_PS, DXBC_BINDING_UAV, 1);
    b.type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    b.buffer = &out;
    vkh_width = vkh_height = 2;
    vkh_samples = VK_SAMPLE_COUNT_4_BIT;
    vkh_specialization = &spec;
    if (vkh_draw(&h, vsc, vw, psc, pw, &b, 1, 3, NULL, NULL, 1.0f, NULL, NULL))
    {
        const uint32_t *o = out.map;
        for (px = 0; px < 4; ++px)
            for (smp = 0; smp < 4; ++smp)
            {
                const uint32_t *r = o + 4 * (px * 4 + smp);
                float x = (px % 2) + 0.5f + pos4[smp][0] / 16.0f;
                float u = x / 2.0f, sx = pos4[smp][0] / 16.0f;
                if (r[0] != smp || r[1] != 1u << smp || fabsf(bitsf(r[2]) - u) > 1e-4f || bitsf(r[3]) != sx)
                {
                    if (bad < 4)
                        fprintf(stderr, "pixel %u sample %u: index %u coverage 0x%x eval %g pos %g; want %u 0x%x %g %g\n",
                                px, smp, r[0], r[1], bitsf(r[2]), bitsf(r[3]), smp, 1u << smp, u, sx);
                    ++bad;
                }
            }
        CHECK(!bad, "%u samples differ (SV_SampleIndex, vCoverage, eval_sample_index, samplepos)", bad);
        bad = 0;
        for (px = 0; px < 4; ++px)
            for (smp = 0; smp < 4; ++smp)
            {
                const uint32_t *r = o + 128 + 4 * (px * 4 + smp);
                /* Vulkan lets the centroid of a covered pixel be any covered location of it (D3D
                 * uses the centre): u stays within the pixel. Snapped offset (-8/16, 0). */
                float centre = ((px % 2) + 0.5f) / 2.0f, snapped = (float)(px % 2) / 2.0f;
                if (fabsf(bitsf(r[0]) - centre) > 0.25f + 1e-4f || fabsf(bitsf(r[1]) - snapped) > 1e-4f)
                {
                    if (bad < 4)
                        fprintf(stderr, "pixel %u sample %u: centroid %g snapped %g; want %g %g\n", px, smp,
                                bitsf(r[0]), bitsf(r[1]), centre, snapped);
                    ++bad;
                }
            }
        CHECK(!bad, "%u samples differ (eval_centroid, eval_snapped)", bad);
        CHECK(o[64] == 4, "sampleinfo on the rasterizer: %u", o[64]);
    }
    else
        CHECK(0, "multisample draw");
    vkh_specialization = NULL;
    vkh_samples = VK_SAMPLE_COUNT_1_BIT;
    vkh_width = vkh_height = 8;
    vkh_buffer_destroy(&h, &out);
    dxbc_compile_free_spirv(vsc);
    dxbc_compile_free_spirv(psc);
    dxbc_shader_info_free(&vi);
    dxbc_shader_info_free(&pi);
}

/* Stream output: a two-stream GS (points) captures stream 1 into buffer 0 and stream 0's
 * position into buffer 1; through VK_EXT_transform_feedback. */
static void test_stream_output(void)
{
    const char *vs =
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "vs_5_0\n"
        "dcl_output_siv o0.xyzw, position\n"
        "mov o0.xyzw, l(0, 0, 0, 1.000000)\n"
        "ret\n";
    const char *gs =
        "// sig input 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyzw SV_Position 0 POS float -\n"
        "// sig output 0 xyz DATA 0 NONE float - stream=1\n"
        "// sig output 1 x ID 0 NONE uint - stream=1\n"
        "gs_5_0\n"
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
        "mov o0.xyzw, l(0.250000, 0.500000, 0, 1.000000)\n"
        "mov o0.z, r0.x\n"
        "emit_stream m0\n"
        "mul o0.xyz, r0.xxxx, l(1.000000, 2.000000, 3.000000, 0)\n"
        "iadd o1.x, vPrim, l(100)\n"
        "emit_stream m1\n"
        "ret\n";
    const char *ps =
        "ps_5_0\n"
        "ret\n";
    /* buffer 0: DATA.yz (8 bytes) + ID (4) = stride 12; buffer 1: SV_Position.z after a 4-byte gap */
    const struct dxbc_so_entry entries[] =
    {
        { 1, "DATA", 0, 1, 2, 0 },
        { 1, "ID", 0, 0, 1, 0 },
        { 0, NULL, 0, 0, 1, 1 },
        { 0, "SV_Position", 0, 2, 1, 1 },
    };
    struct dxbc_stream_output so = { entries, 4, { 12, 8, 0, 0 }, 0 };
    struct dxbc_compile_options options = { DXBC_COMPILE_POINT_SIZE, &so };
    struct dxbc_shader_info vi, gi, pi;
    uint32_t *vsc = NULL, *gsc = NULL, *psc = NULL;
    size_t vw, gw, pw;
    struct vkh_buffer b0, b1;
    char error[512];
    void *blob;
    size_t size;
    unsigned i;

    if (!h.transform_feedback)
    {
        CHECK(0, "the device has no VK_EXT_transform_feedback with geometryStreams");
        return;
    }
    if (!(vsc = compile_text(vs, &vw, &vi)) || !(psc = compile_text(ps, &pw, &pi)))
    {
        CHECK(0, "stream-output VS/PS did not compile");
        return;
    }
    if (!dxbc_assemble(gs, &blob, &size, error, sizeof(error)))
    {
        CHECK(0, "assemble: %s", error);
        return;
    }
    CHECK(dxbc_compile_blob(blob, size, &options, &gi, &gsc, &gw, error, sizeof(error)), "GS with stream output: %s", error);
    dxbc_free(blob);
    if (!gsc)
        return;
    if (getenv("DXBC_TEST_DUMP"))
    {
        FILE *f = fopen(getenv("DXBC_TEST_DUMP"), "wb");
        if (f)
        {
            fwrite(gsc, 4, gw, f);
            fclose(f);
        }
    }
    {
        unsigned so_vars = 0;
        for (i = 0; i < gi.output_count; ++i)
            so_vars += gi.outputs[i].stream_output;
        CHECK(so_vars == 3, "stream-output variables reported: %u", so_vars);
    }
    if (!vkh_buffer_create(&h, &b0, 64, VK_BUFFER_USAGE_TRANSFORM_FEEDBACK_BUFFER_BIT_EXT, VK_FORMAT_UNDEFINED)
            || !vkh_buffer_create(&h, &b1, 64, VK_BUFFER_USAGE_TRANSFORM_FEEDBACK_BUFFER_BIT_EXT, VK_FORMAT_UNDEFINED))
        return;
    memset(b0.map, 0xcd, 64);
    memset(b1.map, 0xcd, 64);
    vkh_xfb[0] = &b0;
    vkh_xfb[1] = &b1;
    vkh_gs.code = gsc;
    vkh_gs.words = gw;
    vkh_topology = VK_PRIMITIVE_TOPOLOGY_POINT_LIST;
    if (vkh_draw(&h, vsc, vw, psc, pw, NULL, 0, 3, NULL, NULL, 1.0f, NULL, NULL))
    {
        const uint32_t *u0 = b0.map, *u1 = b1.map;
        bool ok0 = true, ok1 = true;
        for (i = 0; i < 3; ++i)
        {
            if (bitsf(u0[3 * i]) != 2.0f * i || bitsf(u0[3 * i + 1]) != 3.0f * i || u0[3 * i + 2] != 100 + i)
                ok0 = false;
            if (u1[2 * i] != 0xcdcdcdcdu || bitsf(u1[2 * i + 1]) != (float)i)
                ok1 = false;
        }
        CHECK(ok0, "stream 1 capture: %g %g %u / %g %g %u", bitsf(u0[0]), bitsf(u0[1]), u0[2], bitsf(u0[3]), bitsf(u0[4]), u0[5]);
        CHECK(ok1, "stream 0 capture with a gap: %08x %g / %08x %g", u1[0], bitsf(u1[1]), u1[2], bitsf(u1[3]));
    }
    else
        CHECK(0, "stream-output draw");
    memset(&vkh_gs, 0, sizeof(vkh_gs));
    vkh_xfb[0] = vkh_xfb[1] = NULL;
    vkh_topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    vkh_buffer_destroy(&h, &b0);
    vkh_buffer_destroy(&h, &b1);
    dxbc_compile_free_spirv(vsc);
    dxbc_compile_free_spirv(gsc);
    dxbc_compile_free_spirv(psc);
    dxbc_shader_info_free(&vi);
    dxbc_shader_info_free(&gi);
    dxbc_shader_info_free(&pi);
}

static int pin_library(struct dl_phdr_info *info, size_t size, void *ctx)
{
    const char *name = info->dlpi_name, *base;

    (void)size;
    (void)ctx;
    if (!name || !*name)
        return 0;
    base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    if (!strncmp(base, "libvulkan_", 10) || !strncmp(base, "libVkLayer", 10))
        dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    return 0;
}

int main(void)
{
    if (!vkh_init(&h))
    {
        fprintf(stderr, "dxbc_compile_exec: no usable Vulkan 1.3 device\n");
        return 1;
    }
    printf("device: %s\n", h.device_name);
    test_integer();
    test_bits();
    test_float();
    test_double();
    test_memory();
    test_typed_uav();
    test_resources();
    test_uav_image();
    test_linkage();
    test_graphics();
    test_geometry();
    test_tessellation();
    test_clip_distance();
    test_dual_source();
    test_stencil_ref();
    test_multisample();
    test_stream_output();
    /* The Vulkan driver and layers stay mapped until exit: the loader unloads them at
     * vkDestroyInstance, and what their globals still reach then looks leaked to
     * LeakSanitizer (lavapipe keeps allocations behind after some of these pipelines). */
    dl_iterate_phdr(pin_library, NULL);
    vkh_cleanup(&h);
    CHECK(vkh_validation_errors == 0, "%u validation errors", vkh_validation_errors);
    printf("dxbc_compile_exec: %u checks, %u failures\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}
