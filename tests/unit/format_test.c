/* format_test.c — the DXGI format table: coverage of every value, known mappings and bit
 * layouts, view/copy rules, pitch and size arithmetic, support derivation from synthetic caps,
 * and (with a Vulkan device, lavapipe preferred) the feature level 11_1 floor on a real driver. */
#include <stdio.h>
#include <inttypes.h>

#include "format.h"

#define VOLK_IMPLEMENTATION
#include <volk.h>

static unsigned failures, checks;

#define CHECK(cond, ...) do { ++checks; if (!(cond)) { ++failures; \
    printf("FAIL %s:%d: ", __func__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

#define FMT(x) DXGI_FORMAT_##x

static const struct { UINT bit; const char *name; } support_names[] =
{
#define N(x) { D3D11_FORMAT_SUPPORT_##x, #x }
    N(BUFFER), N(IA_VERTEX_BUFFER), N(IA_INDEX_BUFFER), N(SO_BUFFER), N(TEXTURE1D), N(TEXTURE2D),
    N(TEXTURE3D), N(TEXTURECUBE), N(SHADER_LOAD), N(SHADER_SAMPLE), N(SHADER_SAMPLE_COMPARISON),
    N(SHADER_SAMPLE_MONO_TEXT), N(MIP), N(MIP_AUTOGEN), N(RENDER_TARGET), N(BLENDABLE), N(DEPTH_STENCIL),
    N(CPU_LOCKABLE), N(MULTISAMPLE_RESOLVE), N(DISPLAY), N(CAST_WITHIN_BIT_LAYOUT), N(MULTISAMPLE_RENDERTARGET),
    N(MULTISAMPLE_LOAD), N(SHADER_GATHER), N(BACK_BUFFER_CAST), N(TYPED_UNORDERED_ACCESS_VIEW),
    N(SHADER_GATHER_COMPARISON), N(DECODER_OUTPUT), N(VIDEO_PROCESSOR_OUTPUT), N(VIDEO_PROCESSOR_INPUT),
    N(VIDEO_ENCODER),
#undef N
},
support2_names[] =
{
#define N(x) { D3D11_FORMAT_SUPPORT2_##x, #x }
    N(UAV_ATOMIC_ADD), N(UAV_ATOMIC_BITWISE_OPS), N(UAV_ATOMIC_COMPARE_STORE_OR_COMPARE_EXCHANGE),
    N(UAV_ATOMIC_EXCHANGE), N(UAV_ATOMIC_SIGNED_MIN_OR_MAX), N(UAV_ATOMIC_UNSIGNED_MIN_OR_MAX),
    N(UAV_TYPED_LOAD), N(UAV_TYPED_STORE), N(OUTPUT_MERGER_LOGIC_OP), N(TILED), N(SHAREABLE),
    N(MULTIPLANE_OVERLAY),
#undef N
};

static void bits_str(char *buf, size_t size, UINT bits, bool two)
{
    size_t i, n = two ? ARRAY_SIZE(support2_names) : ARRAY_SIZE(support_names), len = 0;

    buf[0] = 0;
    for (i = 0; i < n; ++i)
    {
        UINT bit = two ? support2_names[i].bit : support_names[i].bit;
        const char *name = two ? support2_names[i].name : support_names[i].name;
        if ((bits & bit) && len < size)
            len += snprintf(buf + len, size - len, "%s%s", len ? "|" : "", name);
    }
}

/* ---- coverage and table invariants ---- */

static void test_every_value_queries(void)
{
    static const uint32_t garbage[] = { 116, 120, 129, 133, 134, 189, 190, 200, 0xff, 0xffff, 0x10000,
            0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff };
    struct d3d11vk_format_caps caps;
    unsigned known = 0;
    uint32_t v, w;
    size_t pitch, size;
    size_t i;

    memset(&caps, 0xff, sizeof(caps));
    caps.typed_uav_load_additional_formats = caps.logic_op = caps.stream_output = true;
    for (v = 0; v <= 140; ++v)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get((DXGI_FORMAT)v);
        bool expected = (v >= 1 && v <= 115) || (v >= 130 && v <= 132);

        CHECK(!!info == expected, "format %u: known %d, expected %d", v, !!info, expected);
        CHECK(d3d11vk_format_name((DXGI_FORMAT)v) != NULL, "format %u has no name", v);
        if (info)
        {
            ++known;
            CHECK(info->dxgi == (DXGI_FORMAT)v, "row %u holds %u", v, info->dxgi);
        }
        /* none of these may crash, whatever the value */
        d3d11vk_format_pitch(info, 123, &pitch);
        d3d11vk_format_slice_size(info, 123, 45, &size);
        d3d11vk_format_support(info, &caps);
        d3d11vk_format_support2(info, &caps);
        for (w = 0; w <= 140; ++w)
        {
            d3d11vk_format_compatible_for_view((DXGI_FORMAT)v, (DXGI_FORMAT)w);
            d3d11vk_format_compatible_for_copy((DXGI_FORMAT)v, (DXGI_FORMAT)w);
            d3d11vk_format_video_view_plane((DXGI_FORMAT)v, (DXGI_FORMAT)w);
        }
    }
    CHECK(known == 118, "%u formats known, expected 118 (1..115, 130..132)", known);
    for (i = 0; i < ARRAY_SIZE(garbage); ++i)
    {
        DXGI_FORMAT f = (DXGI_FORMAT)garbage[i];
        CHECK(!d3d11vk_format_get(f), "garbage value %#x answered", garbage[i]);
        CHECK(!d3d11vk_format_compatible_for_view(f, f), "garbage %#x viewable", garbage[i]);
        CHECK(!d3d11vk_format_compatible_for_copy(f, f), "garbage %#x copyable", garbage[i]);
        CHECK(!d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_TYPELESS), f), "view %#x accepted", garbage[i]);
    }
    CHECK(!d3d11vk_format_pitch(NULL, 4, &pitch), "pitch of NULL");
    CHECK(!d3d11vk_format_slice_size(NULL, 4, 4, &size), "size of NULL");
    CHECK(d3d11vk_format_support(NULL, &caps) == 0, "support of NULL");
    CHECK(d3d11vk_format_support2(NULL, &caps) == 0, "support2 of NULL");
    CHECK(d3d11vk_format_query_formats(NULL, NULL) == 0, "query formats of NULL");
}

static void test_table_invariants(void)
{
    uint32_t v;

    for (v = 1; v <= 132; ++v)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get((DXGI_FORMAT)v), *tl;
        const char *n;

        if (!info)
            continue;
        n = info->name;
        CHECK(info->block_bytes && info->block_width && info->block_height, "%s: empty block", n);
        CHECK(info->planes >= 1 && info->planes <= 3, "%s: %u planes", n, info->planes);
        CHECK((info->planes > 1) == !!(info->flags & D3D11VK_FORMAT_PLANAR), "%s: planar flag", n);
        CHECK(info->aspect != 0, "%s: no aspect", n);
        tl = d3d11vk_format_get(info->typeless);
        CHECK(tl != NULL, "%s: typeless %u unknown", n, info->typeless);
        if (!tl)
            continue;
        CHECK(tl->typeless == tl->dxgi, "%s: family head %s is not its own head", n, tl->name);
        if (tl->dxgi != info->dxgi)
        {
            CHECK(tl->flags & D3D11VK_FORMAT_TYPELESS, "%s: family head %s not TYPELESS", n, tl->name);
            CHECK(tl->block_bytes == info->block_bytes, "%s: %u bytes, family %u", n,
                    info->block_bytes, tl->block_bytes);
            CHECK(tl->block_width == info->block_width, "%s: block width differs from family", n);
        }
        else
        {
            CHECK(!(info->flags & D3D11VK_FORMAT_VIEW_ONLY), "%s: view-only head", n);
        }
        if (info->flags & D3D11VK_FORMAT_TYPELESS)
            CHECK(info->typeless == info->dxgi, "%s: TYPELESS row not its own head", n);
        if (info->flags & (D3D11VK_FORMAT_DSV | D3D11VK_FORMAT_VIEW_ONLY))
            CHECK(info->vk_depth != VK_FORMAT_UNDEFINED && (info->flags & D3D11VK_FORMAT_DEPTH),
                    "%s: depth row without depth format", n);
        if (info->vk_depth != VK_FORMAT_UNDEFINED)
            CHECK(info->aspect_depth != 0, "%s: vk_depth without aspect_depth", n);
        if (info->flags & D3D11VK_FORMAT_DEPTH)
            CHECK(info->vk == info->vk_depth, "%s: depth row whose image is not its depth format", n);
        /* a non-identity swizzle must be declared: render target/UAV paths rely on the flag */
        if (info->swizzle.r || info->swizzle.g || info->swizzle.b || info->swizzle.a)
            CHECK(info->flags & (D3D11VK_FORMAT_SWIZZLED | D3D11VK_FORMAT_VIEW_ONLY), "%s: undeclared swizzle", n);
        if (info->vk_alt == VK_FORMAT_UNDEFINED)
            CHECK(!info->swizzle_alt.r && !info->swizzle_alt.g && !info->swizzle_alt.b && !info->swizzle_alt.a,
                    "%s: swizzle_alt without vk_alt", n);
        /* floors only name bits the derivation can give */
        CHECK(!(info->fl11_1_required & ~(UINT)0x07ffffff), "%s: video bits in the floor", n);
        CHECK(!(info->fl11_1_required2 & (D3D11_FORMAT_SUPPORT2_TILED | D3D11_FORMAT_SUPPORT2_SHAREABLE)),
                "%s: tiled/shareable floor", n);
    }
}

/* ---- known mappings ---- */

#define SWZ(x) VK_COMPONENT_SWIZZLE_##x

static void check_map(DXGI_FORMAT f, VkFormat vk, VkFormat vk_depth, VkImageAspectFlags aspect,
        VkComponentSwizzle r, VkComponentSwizzle g, VkComponentSwizzle b, VkComponentSwizzle a, int line)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(f);

    ++checks;
    if (!info)
    {
        ++failures;
        printf("FAIL line %d: format %u unknown\n", line, f);
        return;
    }
    if (info->vk != vk || info->vk_depth != vk_depth || info->aspect != aspect || info->swizzle.r != r
            || info->swizzle.g != g || info->swizzle.b != b || info->swizzle.a != a)
    {
        ++failures;
        printf("FAIL line %d: %s maps to vk %d depth %d aspect %#x swizzle %d,%d,%d,%d\n", line,
                info->name, info->vk, info->vk_depth, info->aspect,
                info->swizzle.r, info->swizzle.g, info->swizzle.b, info->swizzle.a);
    }
}

#define MAP(f, vk, vkd, asp, r, g, b, a) check_map(FMT(f), VK_FORMAT_##vk, VK_FORMAT_##vkd, \
        asp, SWZ(r), SWZ(g), SWZ(b), SWZ(a), __LINE__)
#define COLOR VK_IMAGE_ASPECT_COLOR_BIT
#define DEPTH VK_IMAGE_ASPECT_DEPTH_BIT
#define STENCIL VK_IMAGE_ASPECT_STENCIL_BIT
#define ID IDENTITY

static void test_known_mappings(void)
{
    const struct d3d11vk_format_info *info;

    MAP(R8G8B8A8_UNORM, R8G8B8A8_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R8G8B8A8_UNORM_SRGB, R8G8B8A8_SRGB, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(B8G8R8A8_UNORM, B8G8R8A8_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(B8G8R8X8_UNORM, B8G8R8A8_UNORM, UNDEFINED, COLOR, ID, ID, ID, ONE);
    MAP(B8G8R8X8_UNORM_SRGB, B8G8R8A8_SRGB, UNDEFINED, COLOR, ID, ID, ID, ONE);
    MAP(R10G10B10A2_UNORM, A2B10G10R10_UNORM_PACK32, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R10G10B10A2_UINT, A2B10G10R10_UINT_PACK32, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R11G11B10_FLOAT, B10G11R11_UFLOAT_PACK32, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R9G9B9E5_SHAREDEXP, E5B9G9R9_UFLOAT_PACK32, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(B5G6R5_UNORM, R5G6B5_UNORM_PACK16, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(B5G5R5A1_UNORM, A1R5G5B5_UNORM_PACK16, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(B4G4R4A4_UNORM, A4R4G4B4_UNORM_PACK16, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(A8_UNORM, R8_UNORM, UNDEFINED, COLOR, ZERO, ZERO, ZERO, R);
    MAP(R32_TYPELESS, R32_SFLOAT, D32_SFLOAT, COLOR, ID, ID, ID, ID);
    MAP(R32_FLOAT, R32_SFLOAT, D32_SFLOAT, COLOR, ID, ID, ID, ID);
    MAP(R32_UINT, R32_UINT, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(D32_FLOAT, D32_SFLOAT, D32_SFLOAT, DEPTH, ID, ID, ID, ID);
    MAP(R16_TYPELESS, R16_UNORM, D16_UNORM, COLOR, ID, ID, ID, ID);
    MAP(D16_UNORM, D16_UNORM, D16_UNORM, DEPTH, ID, ID, ID, ID);
    MAP(R24G8_TYPELESS, D24_UNORM_S8_UINT, D24_UNORM_S8_UINT, DEPTH | STENCIL, ID, ID, ID, ID);
    MAP(R24_UNORM_X8_TYPELESS, D24_UNORM_S8_UINT, D24_UNORM_S8_UINT, DEPTH, R, ZERO, ZERO, ONE);
    MAP(X24_TYPELESS_G8_UINT, D24_UNORM_S8_UINT, D24_UNORM_S8_UINT, STENCIL, ZERO, R, ZERO, ONE);
    MAP(R32_FLOAT_X8X24_TYPELESS, D32_SFLOAT_S8_UINT, D32_SFLOAT_S8_UINT, DEPTH, R, ZERO, ZERO, ONE);
    MAP(X32_TYPELESS_G8X24_UINT, D32_SFLOAT_S8_UINT, D32_SFLOAT_S8_UINT, STENCIL, ZERO, R, ZERO, ONE);
    MAP(BC1_UNORM, BC1_RGBA_UNORM_BLOCK, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(BC1_UNORM_SRGB, BC1_RGBA_SRGB_BLOCK, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(BC4_SNORM, BC4_SNORM_BLOCK, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(BC6H_SF16, BC6H_SFLOAT_BLOCK, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(BC7_UNORM_SRGB, BC7_SRGB_BLOCK, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R8G8_B8G8_UNORM, B8G8R8G8_422_UNORM, UNDEFINED, COLOR, B, G, R, ONE);
    MAP(G8R8_G8B8_UNORM, G8B8G8R8_422_UNORM, UNDEFINED, COLOR, B, G, R, ONE);
    MAP(NV12, G8_B8R8_2PLANE_420_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(P010, G10X6_B10X6R10X6_2PLANE_420_UNORM_3PACK16, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(P016, G16_B16R16_2PLANE_420_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(YUY2, G8B8G8R8_422_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(Y210, G10X6B10X6G10X6R10X6_422_UNORM_4PACK16, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(Y216, G16B16G16R16_422_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(P208, G8_B8R8_2PLANE_422_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(V408, G8_B8_R8_3PLANE_444_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(AYUV, R8G8B8A8_UNORM, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(Y410, A2B10G10R10_UNORM_PACK32, UNDEFINED, COLOR, ID, ID, ID, ID);
    /* no Vulkan equivalent */
    MAP(R1_UNORM, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(R10G10B10_XR_BIAS_A2_UNORM, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(NV11, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(V208, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(P8, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(A8P8, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(AI44, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);
    MAP(IA44, UNDEFINED, UNDEFINED, COLOR, ID, ID, ID, ID);

    info = d3d11vk_format_get(FMT(D24_UNORM_S8_UINT));
    CHECK(info && info->vk_alt == VK_FORMAT_D32_SFLOAT_S8_UINT && info->aspect == (VK_IMAGE_ASPECT_DEPTH_BIT
            | VK_IMAGE_ASPECT_STENCIL_BIT) && (info->flags & D3D11VK_FORMAT_DSV), "D24S8 row");
    info = d3d11vk_format_get(FMT(R32_FLOAT));
    CHECK(info && info->aspect_depth == VK_IMAGE_ASPECT_DEPTH_BIT, "R32_FLOAT reads depth of a D32 image");
    info = d3d11vk_format_get(FMT(R16_FLOAT));
    CHECK(info && info->vk_depth == VK_FORMAT_UNDEFINED, "R16_FLOAT never views depth");
    info = d3d11vk_format_get(FMT(BC3_UNORM));
    CHECK(info && info->block_bytes == 16 && info->block_width == 4 && info->block_height == 4
            && (info->flags & D3D11VK_FORMAT_COMPRESSED), "BC3 block");
    info = d3d11vk_format_get(FMT(NV12));
    CHECK(info && info->planes == 2 && info->chroma_shift_x == 1 && info->chroma_shift_y == 1, "NV12 planes");
    info = d3d11vk_format_get(FMT(R32G32B32A32_FLOAT));
    CHECK(info && !strcmp(info->name, "R32G32B32A32_FLOAT"), "name");
    CHECK(!strcmp(d3d11vk_format_name(FMT(UNKNOWN)), "UNKNOWN"), "UNKNOWN name");
}

/* ---- bit layouts: DXGI names components from bit 0 up (Microsoft's DXGI_FORMAT page); Vulkan's
 * PACK16/PACK32 names from the top bit down (Vulkan spec, "Formats"). Writing each component
 * as the DXGI layout says and reading it as the Vulkan layout says, then applying the swizzle,
 * must give back what was written. ---- */

struct field { int comp; unsigned shift, bits; }; /* comp: 0 r, 1 g, 2 b, 3 a, -1 end */

struct layout_case
{
    DXGI_FORMAT dxgi;
    bool alt;
    struct field dxgi_fields[5], vk_fields[5];
};

static const struct layout_case layout_cases[] =
{
    { FMT(B5G6R5_UNORM), false, { {2, 0, 5}, {1, 5, 6}, {0, 11, 5}, {-1} },          /* R5G6B5_PACK16 */
            { {0, 11, 5}, {1, 5, 6}, {2, 0, 5}, {-1} } },
    { FMT(B5G5R5A1_UNORM), false, { {2, 0, 5}, {1, 5, 5}, {0, 10, 5}, {3, 15, 1}, {-1} }, /* A1R5G5B5 */
            { {3, 15, 1}, {0, 10, 5}, {1, 5, 5}, {2, 0, 5}, {-1} } },
    { FMT(B4G4R4A4_UNORM), false, { {2, 0, 4}, {1, 4, 4}, {0, 8, 4}, {3, 12, 4}, {-1} }, /* A4R4G4B4 */
            { {3, 12, 4}, {0, 8, 4}, {1, 4, 4}, {2, 0, 4}, {-1} } },
    { FMT(B4G4R4A4_UNORM), true, { {2, 0, 4}, {1, 4, 4}, {0, 8, 4}, {3, 12, 4}, {-1} },  /* B4G4R4A4_PACK16 */
            { {2, 12, 4}, {1, 8, 4}, {0, 4, 4}, {3, 0, 4}, {-1} } },
    { FMT(R10G10B10A2_UNORM), false, { {0, 0, 10}, {1, 10, 10}, {2, 20, 10}, {3, 30, 2}, {-1} }, /* A2B10G10R10 */
            { {3, 30, 2}, {2, 20, 10}, {1, 10, 10}, {0, 0, 10}, {-1} } },
    { FMT(R11G11B10_FLOAT), false, { {0, 0, 11}, {1, 11, 11}, {2, 22, 10}, {-1} },   /* B10G11R11 */
            { {2, 22, 10}, {1, 11, 11}, {0, 0, 11}, {-1} } },
    { FMT(R8G8B8A8_UNORM), false, { {0, 0, 8}, {1, 8, 8}, {2, 16, 8}, {3, 24, 8}, {-1} }, /* bytes R,G,B,A */
            { {0, 0, 8}, {1, 8, 8}, {2, 16, 8}, {3, 24, 8}, {-1} } },
    { FMT(B8G8R8A8_UNORM), false, { {2, 0, 8}, {1, 8, 8}, {0, 16, 8}, {3, 24, 8}, {-1} }, /* bytes B,G,R,A */
            { {2, 0, 8}, {1, 8, 8}, {0, 16, 8}, {3, 24, 8}, {-1} } },
    /* 422 pairs, first pixel: bytes R,G0,B,G1 read as Vulkan B8G8R8G8 (B,G0,R,G1) */
    { FMT(R8G8_B8G8_UNORM), false, { {0, 0, 8}, {1, 8, 8}, {2, 16, 8}, {-1} },
            { {2, 0, 8}, {1, 8, 8}, {0, 16, 8}, {-1} } },
    /* bytes G0,R,G1,B read as Vulkan G8B8G8R8 (G0,B,G1,R) */
    { FMT(G8R8_G8B8_UNORM), false, { {1, 0, 8}, {0, 8, 8}, {2, 24, 8}, {-1} },
            { {1, 0, 8}, {2, 8, 8}, {0, 24, 8}, {-1} } },
};

static unsigned swizzled_source(VkComponentSwizzle s, unsigned self, const unsigned vk[4], bool *constant)
{
    *constant = false;
    switch (s)
    {
        case VK_COMPONENT_SWIZZLE_IDENTITY: return vk[self];
        case VK_COMPONENT_SWIZZLE_R: return vk[0];
        case VK_COMPONENT_SWIZZLE_G: return vk[1];
        case VK_COMPONENT_SWIZZLE_B: return vk[2];
        case VK_COMPONENT_SWIZZLE_A: return vk[3];
        default: *constant = true; return 0;
    }
}

static void test_bit_layouts(void)
{
    size_t i, j;

    for (i = 0; i < ARRAY_SIZE(layout_cases); ++i)
    {
        const struct layout_case *c = &layout_cases[i];
        const struct d3d11vk_format_info *info = d3d11vk_format_get(c->dxgi);
        const VkComponentMapping *m;
        unsigned written[4] = {0}, vk[4] = {0}, seed;
        uint32_t word = 0;
        bool present[4] = {0};

        if (!info)
        {
            CHECK(0, "format %u missing", c->dxgi);
            continue;
        }
        m = c->alt ? &info->swizzle_alt : &info->swizzle;
        for (seed = 0; seed < 3; ++seed)
        {
            word = 0;
            memset(written, 0, sizeof(written));
            memset(vk, 0, sizeof(vk));
            /* distinct values per component, within each field's range */
            for (j = 0; c->dxgi_fields[j].comp >= 0; ++j)
            {
                const struct field *f = &c->dxgi_fields[j];
                unsigned value = (0x5a3u * (seed + 1) + 0x111u * (unsigned)f->comp) & ((1u << f->bits) - 1);
                if (f->bits == 1) value = (seed + (unsigned)f->comp) & 1;
                written[f->comp] = value;
                present[f->comp] = true;
                word |= (uint32_t)value << f->shift;
            }
            for (j = 0; c->vk_fields[j].comp >= 0; ++j)
            {
                const struct field *f = &c->vk_fields[j];
                vk[f->comp] = (word >> f->shift) & ((1u << f->bits) - 1);
            }
            {
                const VkComponentSwizzle sw[4] = { m->r, m->g, m->b, m->a };
                unsigned comp;
                for (comp = 0; comp < 4; ++comp)
                {
                    bool constant;
                    unsigned got = swizzled_source(sw[comp], comp, vk, &constant);
                    if (!present[comp])
                        continue;
                    CHECK(!constant && got == written[comp], "%s%s: component %u reads %#x, wrote %#x",
                            info->name, c->alt ? " (alt)" : "", comp, got, written[comp]);
                }
            }
        }
    }
}

/* ---- view and copy rules ---- */

static void test_view_rules(void)
{
    static const DXGI_FORMAT rgba_ok[] = { FMT(R8G8B8A8_UNORM), FMT(R8G8B8A8_UNORM_SRGB), FMT(R8G8B8A8_UINT),
            FMT(R8G8B8A8_SNORM), FMT(R8G8B8A8_SINT) };
    static const DXGI_FORMAT rgba_bad[] = { FMT(R32_FLOAT), FMT(R32_UINT), FMT(B8G8R8A8_UNORM), FMT(R8G8B8A8_TYPELESS),
            FMT(R10G10B10A2_UNORM), FMT(R16G16_UNORM), FMT(UNKNOWN), FMT(R24_UNORM_X8_TYPELESS) };
    size_t i;

    for (i = 0; i < ARRAY_SIZE(rgba_ok); ++i)
        CHECK(d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_TYPELESS), rgba_ok[i]), "RGBA8 typeless as %s",
                d3d11vk_format_name(rgba_ok[i]));
    for (i = 0; i < ARRAY_SIZE(rgba_bad); ++i)
        CHECK(!d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_TYPELESS), rgba_bad[i]), "RGBA8 typeless as %s",
                d3d11vk_format_name(rgba_bad[i]));
    /* fully typed resources: own format only */
    CHECK(d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_UNORM), FMT(R8G8B8A8_UNORM)), "typed same");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_UNORM), FMT(R8G8B8A8_UNORM_SRGB)), "typed srgb");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(R8G8B8A8_UNORM), FMT(R8G8B8A8_UINT)), "typed uint");
    /* depth families */
    CHECK(d3d11vk_format_compatible_for_view(FMT(R24G8_TYPELESS), FMT(D24_UNORM_S8_UINT)), "DSV of R24G8");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R24G8_TYPELESS), FMT(R24_UNORM_X8_TYPELESS)), "depth SRV");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R24G8_TYPELESS), FMT(X24_TYPELESS_G8_UINT)), "stencil SRV");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(R24G8_TYPELESS), FMT(R32_FLOAT)), "R24G8 as R32F");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R32_TYPELESS), FMT(D32_FLOAT)), "DSV of R32");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R32_TYPELESS), FMT(R32_FLOAT)), "R32F of R32");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R32_TYPELESS), FMT(R32_UINT)), "R32U of R32");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(R32_TYPELESS), FMT(D24_UNORM_S8_UINT)), "D24 of R32");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R32G8X24_TYPELESS), FMT(R32_FLOAT_X8X24_TYPELESS)), "D32S8 depth");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R32G8X24_TYPELESS), FMT(X32_TYPELESS_G8X24_UINT)), "D32S8 stencil");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R16_TYPELESS), FMT(D16_UNORM)), "D16 of R16");
    CHECK(d3d11vk_format_compatible_for_view(FMT(R16_TYPELESS), FMT(R16_UNORM)), "R16 unorm");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(D24_UNORM_S8_UINT), FMT(R24_UNORM_X8_TYPELESS)),
            "typed D24S8 resource has no SRV format");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(R24_UNORM_X8_TYPELESS), FMT(R24_UNORM_X8_TYPELESS)),
            "view-only format as resource");
    /* BC and BGRA families */
    CHECK(d3d11vk_format_compatible_for_view(FMT(BC1_TYPELESS), FMT(BC1_UNORM_SRGB)), "BC1 srgb");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(BC1_TYPELESS), FMT(BC2_UNORM)), "BC1 as BC2");
    CHECK(d3d11vk_format_compatible_for_view(FMT(B8G8R8A8_TYPELESS), FMT(B8G8R8A8_UNORM_SRGB)), "BGRA srgb");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(B8G8R8A8_TYPELESS), FMT(B8G8R8X8_UNORM)), "BGRA as BGRX");
    CHECK(d3d11vk_format_compatible_for_view(FMT(BC6H_TYPELESS), FMT(BC6H_SF16)), "BC6H sf16");
    /* video planes */
    CHECK(d3d11vk_format_compatible_for_view(FMT(NV12), FMT(R8_UNORM)), "NV12 luma");
    CHECK(d3d11vk_format_compatible_for_view(FMT(NV12), FMT(R8G8_UNORM)), "NV12 chroma");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(NV12), FMT(R16_UNORM)), "NV12 as R16");
    CHECK(d3d11vk_format_video_view_plane(FMT(NV12), FMT(R8_UINT)) == 0, "NV12 R8 plane");
    CHECK(d3d11vk_format_video_view_plane(FMT(NV12), FMT(R8G8_UINT)) == 1, "NV12 R8G8 plane");
    CHECK(d3d11vk_format_video_view_plane(FMT(P010), FMT(R16G16_UNORM)) == 1, "P010 chroma");
    CHECK(d3d11vk_format_video_view_plane(FMT(P010), FMT(R8_UNORM)) == -1, "P010 R8");
    CHECK(d3d11vk_format_video_view_plane(FMT(YUY2), FMT(R8G8B8A8_UNORM)) == 0, "YUY2 RGBA");
    CHECK(d3d11vk_format_video_view_plane(FMT(R8G8B8A8_TYPELESS), FMT(R8G8B8A8_UNORM)) == -1, "not video");
    CHECK(!d3d11vk_format_compatible_for_view(FMT(AYUV), FMT(R8G8B8A8_SNORM)), "AYUV snorm");
}

static void test_copy_rules(void)
{
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R8G8B8A8_UNORM), FMT(R8G8B8A8_UINT)), "same family");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R8G8B8A8_TYPELESS), FMT(R8G8B8A8_UNORM_SRGB)), "typeless member");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(R8G8B8A8_UNORM), FMT(B8G8R8A8_UNORM)), "RGBA/BGRA");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(R8G8B8A8_UNORM), FMT(R32_UINT)), "same size, other family");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R32_TYPELESS), FMT(D32_FLOAT)), "R32 typeless / D32");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(D24_UNORM_S8_UINT), FMT(R24G8_TYPELESS)), "D24S8 family");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(D24_UNORM_S8_UINT), FMT(R24_UNORM_X8_TYPELESS)), "view-only");
    /* D3D10.1 prestructured copies */
    CHECK(d3d11vk_format_compatible_for_copy(FMT(BC1_UNORM), FMT(R16G16B16A16_UINT)), "BC1 <-> 64-bit uint");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R32G32_SINT), FMT(BC4_SNORM)), "64-bit sint <-> BC4");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(BC1_TYPELESS), FMT(R32G32_UINT)), "BC1 typeless <-> R32G32_UINT");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(BC7_UNORM_SRGB), FMT(R32G32B32A32_UINT)), "BC7 <-> 128-bit");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R32G32B32A32_SINT), FMT(BC3_UNORM)), "128-bit <-> BC3");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(BC6H_UF16), FMT(R32G32B32A32_UINT)), "BC6H <-> 128-bit");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(R9G9B9E5_SHAREDEXP), FMT(R32_UINT)), "RGB9E5 <-> R32_UINT");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC1_UNORM), FMT(R32G32B32A32_UINT)), "BC1 <-> 128-bit");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC3_UNORM), FMT(R16G16B16A16_UINT)), "BC3 <-> 64-bit");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC1_UNORM), FMT(R16G16B16A16_FLOAT)), "BC1 <-> float");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC1_UNORM), FMT(R32G32_TYPELESS)), "BC1 <-> typeless");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC1_UNORM), FMT(BC4_UNORM)), "BC1 <-> BC4");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(BC2_UNORM), FMT(BC3_UNORM)), "BC2 <-> BC3");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(R32_FLOAT), FMT(R9G9B9E5_SHAREDEXP)), "RGB9E5 <-> R32_FLOAT");
    CHECK(d3d11vk_format_compatible_for_copy(FMT(NV12), FMT(NV12)), "NV12 itself");
    CHECK(!d3d11vk_format_compatible_for_copy(FMT(NV12), FMT(R8_UNORM)), "NV12 <-> R8");
}

/* ---- pitch and size ---- */

static void check_size(DXGI_FORMAT f, UINT w, UINT h, size_t pitch, size_t size, int line)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(f);
    size_t p = 0, s = 0;
    bool okp = d3d11vk_format_pitch(info, w, &p), oks = d3d11vk_format_slice_size(info, w, h, &s);

    ++checks;
    if (!okp || !oks || p != pitch || s != size)
    {
        ++failures;
        printf("FAIL line %d: %s %ux%u: pitch %zu (%d) size %zu (%d), expected %zu %zu\n", line,
                d3d11vk_format_name(f), w, h, p, okp, s, oks, pitch, size);
    }
}
#define SIZE(f, w, h, p, s) check_size(FMT(f), w, h, p, s, __LINE__)

static void test_pitch_and_size(void)
{
    const struct d3d11vk_format_info *info;
    size_t v = 0;

    SIZE(R8G8B8A8_UNORM, 3, 5, 12, 60);
    SIZE(R32G32B32_FLOAT, 7, 1, 84, 84);
    SIZE(R32G32B32A32_FLOAT, 1, 1, 16, 16);
    SIZE(D32_FLOAT_S8X24_UINT, 2, 2, 16, 32);
    SIZE(R8_UNORM, 0, 0, 0, 0);
    SIZE(BC1_UNORM, 1, 1, 8, 8);
    SIZE(BC1_UNORM, 4, 4, 8, 8);
    SIZE(BC1_UNORM, 5, 5, 16, 32);
    SIZE(BC3_UNORM, 13, 9, 64, 192);
    SIZE(BC7_UNORM, 256, 256, 1024, 65536);
    SIZE(R1_UNORM, 9, 3, 2, 6);
    SIZE(R1_UNORM, 8, 1, 1, 1);
    SIZE(YUY2, 3, 2, 8, 16);
    SIZE(R8G8_B8G8_UNORM, 4, 1, 8, 8);
    SIZE(Y216, 2, 2, 8, 16);
    SIZE(NV12, 4, 4, 4, 24);
    SIZE(NV12, 3, 3, 3, 15);
    SIZE(P010, 4, 4, 8, 48);
    SIZE(NV11, 8, 2, 8, 24);
    SIZE(P208, 4, 4, 4, 32);
    SIZE(V408, 4, 4, 4, 48);
    SIZE(V208, 4, 4, 4, 32);
    SIZE(B5G6R5_UNORM, 3, 3, 6, 18);

    /* pitched: Map's aligned pitch */
    info = d3d11vk_format_get(FMT(NV12));
    CHECK(d3d11vk_format_slice_size_pitched(info, 256, 4, &v) && v == 256 * 6, "NV12 pitched %zu", v);
    info = d3d11vk_format_get(FMT(BC1_UNORM));
    CHECK(d3d11vk_format_block_rows(info, 0) == 0 && d3d11vk_format_block_rows(info, 1) == 1
            && d3d11vk_format_block_rows(info, 8) == 2 && d3d11vk_format_block_rows(info, 0xffffffffu) == 0x40000000u,
            "BC block rows");
    /* overflow */
    info = d3d11vk_format_get(FMT(R32G32B32A32_FLOAT));
    CHECK(d3d11vk_format_pitch(info, 0xffffffffu, &v) && v == (size_t)0xffffffffu * 16, "max width pitch");
    CHECK(!d3d11vk_format_slice_size(info, 0xffffffffu, 0xffffffffu, &v), "max size overflows");
    CHECK(!d3d11vk_format_slice_size_pitched(info, SIZE_MAX, 2, &v), "pitch * rows overflows");
    CHECK(d3d11vk_format_slice_size_pitched(info, SIZE_MAX, 1, &v) && v == SIZE_MAX, "one row of SIZE_MAX");
    info = d3d11vk_format_get(FMT(NV12));
    CHECK(!d3d11vk_format_slice_size_pitched(info, SIZE_MAX / 2, 2, &v), "chroma plane overflows");
    CHECK(!d3d11vk_format_slice_size_pitched(info, SIZE_MAX / 3 + 1, 2, &v), "luma + chroma overflows");
    CHECK(d3d11vk_format_slice_size_pitched(info, SIZE_MAX / 4, 2, &v) && v == SIZE_MAX / 4 * 3, "3/4 of SIZE_MAX");
    info = d3d11vk_format_get(FMT(BC1_UNORM));
    CHECK(d3d11vk_format_pitch(info, 0xffffffffu, &v) && v == (size_t)0x40000000u * 8, "BC max width");
}

/* ---- support from synthetic caps ---- */

static const VkFormatFeatureFlags2 all_features = ~(VkFormatFeatureFlags2)0;

static void full_caps(struct d3d11vk_format_caps *caps)
{
    memset(caps, 0, sizeof(*caps));
    caps->vk.optimal = caps->vk.linear = caps->vk.buffer = all_features;
    caps->vk.sample_counts = VK_SAMPLE_COUNT_1_BIT | VK_SAMPLE_COUNT_4_BIT;
    caps->vk.image_types = D3D11VK_IMAGE_1D | D3D11VK_IMAGE_2D | D3D11VK_IMAGE_3D | D3D11VK_IMAGE_CUBE;
    caps->depth = caps->vk;
    caps->typed_uav_load_additional_formats = caps->logic_op = caps->stream_output = true;
}

static UINT sup(DXGI_FORMAT f, const struct d3d11vk_format_caps *caps)
{
    return d3d11vk_format_support(d3d11vk_format_get(f), caps);
}

static UINT sup2(DXGI_FORMAT f, const struct d3d11vk_format_caps *caps)
{
    return d3d11vk_format_support2(d3d11vk_format_get(f), caps);
}

#define HAS(s, bits) (((s) & (bits)) == (bits))
#define PLANAR_EMULATED_SUPPORT (D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE \
        | D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_RENDER_TARGET)

static void test_support_synthetic(void)
{
    struct d3d11vk_format_caps caps, c;
    UINT s, s2;
    uint32_t v;

    /* nothing from nothing */
    memset(&caps, 0, sizeof(caps));
    for (v = 0; v <= 132; ++v)
    {
        s = sup((DXGI_FORMAT)v, &caps);
        /* the 4:2:0 planar formats are emulated with R8/R16 and R8G8/R16G16 images, formats
         * every feature level 11 device samples and renders: their answer needs no Vulkan one */
        if (d3d11vk_format_planar_emulated((DXGI_FORMAT)v, NULL))
            CHECK(s == PLANAR_EMULATED_SUPPORT, "%s: %#x emulated", d3d11vk_format_name((DXGI_FORMAT)v), s);
        /* index buffers need no Vulkan format query: R16/R32_UINT keep that bit alone */
        else
            CHECK((s & ~(UINT)D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER) == 0, "%s: %#x from empty caps",
                    d3d11vk_format_name((DXGI_FORMAT)v), s);
        CHECK(sup2((DXGI_FORMAT)v, &caps) == 0, "%s: support2 from empty caps", d3d11vk_format_name((DXGI_FORMAT)v));
    }

    full_caps(&caps);
    s = sup(FMT(R8G8B8A8_UNORM), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_BUFFER | D3D11_FORMAT_SUPPORT_IA_VERTEX_BUFFER | D3D11_FORMAT_SUPPORT_TEXTURE1D
            | D3D11_FORMAT_SUPPORT_TEXTURE3D | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_MIP_AUTOGEN
            | D3D11_FORMAT_SUPPORT_BLENDABLE | D3D11_FORMAT_SUPPORT_DISPLAY | D3D11_FORMAT_SUPPORT_MULTISAMPLE_RESOLVE
            | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW | D3D11_FORMAT_SUPPORT_CAST_WITHIN_BIT_LAYOUT
            | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE), "RGBA8 full: %#x", s);
    CHECK(!(s & (D3D11_FORMAT_SUPPORT_DEPTH_STENCIL | D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER | D3D11_FORMAT_SUPPORT_SO_BUFFER
            | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_MONO_TEXT)),
            "RGBA8 extra: %#x", s);
    s2 = sup2(FMT(R8G8B8A8_UNORM), &caps);
    CHECK(s2 == (D3D11_FORMAT_SUPPORT2_UAV_TYPED_LOAD | D3D11_FORMAT_SUPPORT2_UAV_TYPED_STORE), "RGBA8 support2 %#x", s2);
    s2 = sup2(FMT(R32_UINT), &caps);
    CHECK(HAS(s2, D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_ADD | D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_SIGNED_MIN_OR_MAX
            | D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_COMPARE_STORE_OR_COMPARE_EXCHANGE | D3D11_FORMAT_SUPPORT2_OUTPUT_MERGER_LOGIC_OP),
            "R32_UINT support2 %#x", s2);
    CHECK(!(sup2(FMT(R32_SINT), &caps) & D3D11_FORMAT_SUPPORT2_OUTPUT_MERGER_LOGIC_OP), "logic op on SINT");
    CHECK(!(sup2(FMT(R32_FLOAT), &caps) & D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_ADD), "atomics on R32_FLOAT");
    CHECK(!(sup2(FMT(R32G32_UINT), &caps) & D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_ADD), "atomics on R32G32_UINT");
    CHECK(sup(FMT(R32_UINT), &caps) & D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER, "R32_UINT index");
    CHECK(sup(FMT(R16_UINT), &caps) & D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER, "R16_UINT index");
    CHECK(!(sup(FMT(R8_UINT), &caps) & D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER), "R8_UINT index");
    CHECK(sup(FMT(R32G32B32_FLOAT), &caps) & D3D11_FORMAT_SUPPORT_SO_BUFFER, "R32G32B32 SO");
    CHECK(!(sup(FMT(R16G16B16A16_FLOAT), &caps) & D3D11_FORMAT_SUPPORT_SO_BUFFER), "R16x4 SO");
    /* integers: no filtering, blending or resolve */
    s = sup(FMT(R16G16_UINT), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_RENDER_TARGET | D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET)
            && !(s & (D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_BLENDABLE | D3D11_FORMAT_SUPPORT_MIP_AUTOGEN
            | D3D11_FORMAT_SUPPORT_MULTISAMPLE_RESOLVE)), "R16G16_UINT %#x", s);
    /* sRGB: no UAV; typeless: no views of any kind */
    CHECK(!(sup(FMT(R8G8B8A8_UNORM_SRGB), &caps) & D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW), "sRGB UAV");
    CHECK(!(sup(FMT(R8G8B8A8_UNORM_SRGB), &caps) & D3D11_FORMAT_SUPPORT_BUFFER), "sRGB buffer");
    s = sup(FMT(R8G8B8A8_TYPELESS), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_MIP | D3D11_FORMAT_SUPPORT_CAST_WITHIN_BIT_LAYOUT
            | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE) && !(s & (D3D11_FORMAT_SUPPORT_RENDER_TARGET | D3D11_FORMAT_SUPPORT_SHADER_LOAD
            | D3D11_FORMAT_SUPPORT_BUFFER | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)), "typeless %#x", s);
    /* depth */
    s = sup(FMT(D24_UNORM_S8_UINT), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_DEPTH_STENCIL | D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_TEXTURECUBE
            | D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET) && !(s & (D3D11_FORMAT_SUPPORT_TEXTURE3D
            | D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_RENDER_TARGET | D3D11_FORMAT_SUPPORT_BUFFER)), "D24S8 %#x", s);
    s = sup(FMT(R24_UNORM_X8_TYPELESS), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON
            | D3D11_FORMAT_SUPPORT_SHADER_GATHER_COMPARISON | D3D11_FORMAT_SUPPORT_MULTISAMPLE_LOAD)
            && !(s & (D3D11_FORMAT_SUPPORT_DEPTH_STENCIL | D3D11_FORMAT_SUPPORT_RENDER_TARGET
            | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE)), "R24X8 %#x", s);
    s = sup(FMT(X24_TYPELESS_G8_UINT), &caps);
    CHECK((s & D3D11_FORMAT_SUPPORT_SHADER_LOAD) && !(s & (D3D11_FORMAT_SUPPORT_SHADER_SAMPLE
            | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON)), "X24G8 %#x", s);
    CHECK(sup(FMT(R32_FLOAT), &caps) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON, "R32F comparison");
    CHECK(!(sup(FMT(R32_UINT), &caps) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON), "R32U comparison");
    CHECK(!(sup(FMT(R16_FLOAT), &caps) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON), "R16F comparison");
    /* comparison comes from the depth image's answers, not the colour format's */
    c = caps;
    c.depth.optimal &= ~VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_DEPTH_COMPARISON_BIT;
    CHECK(!(sup(FMT(R32_FLOAT), &c) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON), "R32F comparison w/o depth");
    CHECK(sup(FMT(R32_FLOAT), &c) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE, "R32F sample w/o depth compare");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_DEPTH_COMPARISON_BIT;
    CHECK(sup(FMT(R32_FLOAT), &c) & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON, "R32F comparison from D32");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    s = sup(FMT(R24_UNORM_X8_TYPELESS), &c);
    CHECK((s & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON) && !(s & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE),
            "depth without linear filter: comparison only %#x", s);
    /* A8 and BGRX: swizzled views cannot be buffers or UAVs */
    s = sup(FMT(A8_UNORM), &caps);
    CHECK((s & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE) && !(s & (D3D11_FORMAT_SUPPORT_BUFFER
            | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)), "A8 %#x", s);
    CHECK(!(sup(FMT(B8G8R8X8_UNORM), &caps) & D3D11_FORMAT_SUPPORT_DISPLAY), "BGRX display");
    CHECK(sup(FMT(B8G8R8A8_UNORM_SRGB), &caps) & D3D11_FORMAT_SUPPORT_DISPLAY, "BGRA sRGB display");
    CHECK(!(sup(FMT(R32G32B32A32_FLOAT), &caps) & D3D11_FORMAT_SUPPORT_DISPLAY), "RGBA32F display");
    /* BC: no 1D, no render target, no buffer */
    s = sup(FMT(BC1_UNORM), &caps);
    CHECK(HAS(s, D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_TEXTURE3D | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE)
            && !(s & (D3D11_FORMAT_SUPPORT_TEXTURE1D | D3D11_FORMAT_SUPPORT_RENDER_TARGET | D3D11_FORMAT_SUPPORT_BUFFER
            | D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)), "BC1 %#x", s);
    /* video: textures only; opaque never mapped; palettes nothing */
    s = sup(FMT(NV12), &caps);
    CHECK(s == PLANAR_EMULATED_SUPPORT, "NV12 %#x", s);
    CHECK(sup(FMT(420_OPAQUE), &caps) == D3D11_FORMAT_SUPPORT_TEXTURE2D, "420_OPAQUE");
    CHECK(sup(FMT(P8), &caps) == 0 && sup(FMT(R1_UNORM), &caps) == 0, "formats without Vulkan equivalent");

    /* each Vulkan answer removes what depends on it */
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_FILTER_LINEAR_BIT;
    s = sup(FMT(R16G16B16A16_FLOAT), &c);
    CHECK((s & D3D11_FORMAT_SUPPORT_SHADER_LOAD) && !(s & (D3D11_FORMAT_SUPPORT_SHADER_SAMPLE
            | D3D11_FORMAT_SUPPORT_MIP_AUTOGEN)), "no linear filter %#x", s);
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_BLIT_DST_BIT;
    CHECK(!(sup(FMT(R8G8B8A8_UNORM), &c) & D3D11_FORMAT_SUPPORT_MIP_AUTOGEN), "no blit dst");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_COLOR_ATTACHMENT_BLEND_BIT;
    s = sup(FMT(R8G8B8A8_UNORM), &c);
    CHECK((s & D3D11_FORMAT_SUPPORT_RENDER_TARGET) && !(s & D3D11_FORMAT_SUPPORT_BLENDABLE), "no blend %#x", s);
    c = caps;
    c.vk.sample_counts = VK_SAMPLE_COUNT_1_BIT;
    s = sup(FMT(R8G8B8A8_UNORM), &c);
    CHECK(!(s & (D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET | D3D11_FORMAT_SUPPORT_MULTISAMPLE_RESOLVE
            | D3D11_FORMAT_SUPPORT_MULTISAMPLE_LOAD)), "single-sampled %#x", s);
    c = caps;
    c.vk.image_types = D3D11VK_IMAGE_2D;
    s = sup(FMT(R8G8B8A8_UNORM), &c);
    CHECK((s & D3D11_FORMAT_SUPPORT_TEXTURE2D) && !(s & (D3D11_FORMAT_SUPPORT_TEXTURE1D | D3D11_FORMAT_SUPPORT_TEXTURE3D
            | D3D11_FORMAT_SUPPORT_TEXTURECUBE)), "2D only %#x", s);
    c = caps;
    c.vk.buffer = 0;
    s = sup(FMT(R32_FLOAT), &c);
    CHECK(!(s & (D3D11_FORMAT_SUPPORT_BUFFER | D3D11_FORMAT_SUPPORT_IA_VERTEX_BUFFER)) && (s & D3D11_FORMAT_SUPPORT_SO_BUFFER),
            "no buffer features %#x", s);
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_STORAGE_WRITE_WITHOUT_FORMAT_BIT;
    CHECK(!(sup(FMT(R8G8B8A8_UNORM), &c) & D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW), "no write w/o format");
    c = caps;
    c.typed_uav_load_additional_formats = false;
    CHECK(!(sup2(FMT(R8G8B8A8_UNORM), &c) & D3D11_FORMAT_SUPPORT2_UAV_TYPED_LOAD), "no additional loads");
    CHECK(sup2(FMT(R32_FLOAT), &c) & D3D11_FORMAT_SUPPORT2_UAV_TYPED_LOAD, "R32 loads are core");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_STORAGE_IMAGE_ATOMIC_BIT;
    CHECK(!(sup2(FMT(R32_UINT), &c) & D3D11_FORMAT_SUPPORT2_UAV_ATOMIC_ADD), "no image atomics");
    c = caps;
    c.logic_op = c.stream_output = false;
    CHECK(!(sup2(FMT(R32_UINT), &c) & D3D11_FORMAT_SUPPORT2_OUTPUT_MERGER_LOGIC_OP), "no logic op");
    CHECK(!(sup(FMT(R32_UINT), &c) & D3D11_FORMAT_SUPPORT_SO_BUFFER), "no stream output");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_DEPTH_STENCIL_ATTACHMENT_BIT;
    CHECK(!(sup(FMT(D32_FLOAT), &c) & D3D11_FORMAT_SUPPORT_DEPTH_STENCIL), "no DS attachment");
    CHECK(d3d11vk_format_needs_alt(d3d11vk_format_get(FMT(D24_UNORM_S8_UINT)), &c), "D24S8 falls back");
    CHECK(!d3d11vk_format_needs_alt(d3d11vk_format_get(FMT(D24_UNORM_S8_UINT)), &caps), "D24S8 kept");
    CHECK(!d3d11vk_format_needs_alt(d3d11vk_format_get(FMT(D32_FLOAT)), &c), "D32 has no alt");
    c = caps;
    c.vk.optimal &= ~VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT;
    CHECK(d3d11vk_format_needs_alt(d3d11vk_format_get(FMT(B4G4R4A4_UNORM)), &c), "4444 falls back");

    /* The floor is reachable: with every Vulkan feature, only rows that lack a Vulkan format or
     * need a Y'CbCr sampler (which a D3D SRV cannot carry) stay below it. */
    for (v = 1; v <= 132; ++v)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get((DXGI_FORMAT)v);
        UINT missing, missing2;
        bool known_gap;

        if (!info)
            continue;
        missing = info->fl11_1_required & ~d3d11vk_format_support(info, &caps);
        missing2 = info->fl11_1_required2 & ~d3d11vk_format_support2(info, &caps);
        known_gap = v == FMT(R1_UNORM) || v == FMT(R10G10B10_XR_BIAS_A2_UNORM)
                || v == FMT(R8G8_B8G8_UNORM) || v == FMT(G8R8_G8B8_UNORM);
        CHECK(!!(missing | missing2) == known_gap, "%s: floor missing %#x/%#x with full caps", info->name,
                missing, missing2);
    }
}

/* ---- a real device ---- */

struct gap { DXGI_FORMAT format; UINT missing, missing2; };

/* What lavapipe (Mesa 22.3, llvmpipe) cannot give of the floor. The check is exact: a gap that
 * closes (newer driver, better derivation) or opens (regression) fails and must be looked at. */
#define GAP_FLOOR_UNREACHABLE (D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_SHADER_LOAD \
        | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_MIP | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE)
static const struct gap lavapipe_gaps[] =
{
    /* lavapipe offers no COLOR_ATTACHMENT_BLEND on SNORM formats */
    { FMT(R16G16B16A16_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    { FMT(R8G8B8A8_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    { FMT(R16G16_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    { FMT(R8G8_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    { FMT(R16_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    { FMT(R8_SNORM), D3D11_FORMAT_SUPPORT_BLENDABLE },
    /* no SAMPLED_IMAGE_FILTER_LINEAR on D24S8/D32S8 (comparison filtering is there) */
    { FMT(R24_UNORM_X8_TYPELESS), D3D11_FORMAT_SUPPORT_SHADER_SAMPLE },
    { FMT(R32_FLOAT_X8X24_TYPELESS), D3D11_FORMAT_SUPPORT_SHADER_SAMPLE },
    /* no BLIT_DST on B10G11R11_UFLOAT: GenerateMips by blits cannot write it */
    { FMT(R11G11B10_FLOAT), D3D11_FORMAT_SUPPORT_MIP_AUTOGEN },
    /* no Vulkan format at all (any driver) */
    { FMT(R1_UNORM), D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_MONO_TEXT },
    { FMT(R10G10B10_XR_BIAS_A2_UNORM), GAP_FLOOR_UNREACHABLE },
    /* 422 formats: lavapipe has no Y'CbCr formats, and any driver would need a Y'CbCr sampler */
    { FMT(R8G8_B8G8_UNORM), GAP_FLOOR_UNREACHABLE },
    { FMT(G8R8_G8B8_UNORM), GAP_FLOOR_UNREACHABLE },
};

static int test_device(void)
{
    VkApplicationInfo app = { VK_STRUCTURE_TYPE_APPLICATION_INFO };
    VkInstanceCreateInfo ici = { VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO };
    VkPhysicalDeviceDriverProperties driver = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES };
    VkPhysicalDeviceProperties2 props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, &driver };
    VkPhysicalDeviceTransformFeedbackFeaturesEXT xfb = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_FEATURES_EXT };
    VkPhysicalDeviceFeatures2 features = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, &xfb };
    struct d3d11vk_format_query q = { 0 };
    VkPhysicalDevice devs[16];
    VkInstance instance;
    VkExtensionProperties *exts;
    uint32_t n = ARRAY_SIZE(devs), i, ext_count = 0, chosen = 0;
    bool lavapipe, have_xfb = false;
    unsigned gaps = 0, unexpected = 0;
    uint32_t v;

    if (volkInitialize() != VK_SUCCESS)
    {
        printf("SKIP device checks: no Vulkan loader\n");
        return 77;
    }
    app.apiVersion = VK_API_VERSION_1_3;
    app.pApplicationName = "d3d11vk-format-test";
    ici.pApplicationInfo = &app;
    if (vkCreateInstance(&ici, NULL, &instance) != VK_SUCCESS)
    {
        printf("SKIP device checks: vkCreateInstance failed\n");
        return 77;
    }
    volkLoadInstanceOnly(instance);
    if (vkEnumeratePhysicalDevices(instance, &n, devs) < 0 || !n)
    {
        printf("SKIP device checks: no Vulkan device\n");
        vkDestroyInstance(instance, NULL);
        return 77;
    }
    for (i = 0; i < n; ++i)
    {
        vkGetPhysicalDeviceProperties2(devs[i], &props);
        if (driver.driverID == VK_DRIVER_ID_MESA_LLVMPIPE)
            chosen = i;
    }
    q.phys = devs[chosen];
    vkGetPhysicalDeviceProperties2(q.phys, &props);
    lavapipe = driver.driverID == VK_DRIVER_ID_MESA_LLVMPIPE;
    printf("device: %s (%s %s), Vulkan %u.%u\n", props.properties.deviceName, driver.driverName, driver.driverInfo,
            VK_API_VERSION_MAJOR(props.properties.apiVersion), VK_API_VERSION_MINOR(props.properties.apiVersion));

    vkEnumerateDeviceExtensionProperties(q.phys, NULL, &ext_count, NULL);
    if ((exts = calloc(ext_count ? ext_count : 1, sizeof(*exts))))
    {
        vkEnumerateDeviceExtensionProperties(q.phys, NULL, &ext_count, exts);
        for (i = 0; i < ext_count; ++i)
            if (!strcmp(exts[i].extensionName, VK_EXT_TRANSFORM_FEEDBACK_EXTENSION_NAME))
                have_xfb = true;
        free(exts);
    }
    if (!have_xfb)
        features.pNext = NULL;
    vkGetPhysicalDeviceFeatures2(q.phys, &features);
    q.get_format_properties2 = vkGetPhysicalDeviceFormatProperties2;
    q.get_image_format_properties2 = vkGetPhysicalDeviceImageFormatProperties2;
    q.format_feature_flags2 = props.properties.apiVersion >= VK_API_VERSION_1_3;
    q.storage_read_without_format = features.features.shaderStorageImageReadWithoutFormat;
    q.storage_write_without_format = features.features.shaderStorageImageWriteWithoutFormat;
    q.logic_op = features.features.logicOp;
    q.stream_output = have_xfb && xfb.transformFeedback;
    printf("features: flags2 %d, read w/o format %d, write w/o format %d, logicOp %d, transform feedback %d\n",
            q.format_feature_flags2, q.storage_read_without_format, q.storage_write_without_format, q.logic_op,
            q.stream_output);

    for (v = 1; v <= 132; ++v)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get((DXGI_FORMAT)v);
        struct d3d11vk_format_caps caps;
        UINT s, s2, missing, missing2, expect = 0, expect2 = 0;
        bool alt = false, listed = false;
        char buf[512], buf2[256];
        size_t k;

        if (!info)
            continue;
        d3d11vk_format_query_caps(&q, info, false, &caps);
        if (d3d11vk_format_needs_alt(info, &caps))
        {
            alt = true;
            d3d11vk_format_query_caps(&q, info, true, &caps);
        }
        s = d3d11vk_format_support(info, &caps);
        s2 = d3d11vk_format_support2(info, &caps);
        /* derived bits never exceed what the rows say D3D11 can mean */
        CHECK(!(s & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_MONO_TEXT), "%s mono text", info->name);
        CHECK(!(s2 & (D3D11_FORMAT_SUPPORT2_TILED | D3D11_FORMAT_SUPPORT2_SHAREABLE)), "%s tiled", info->name);
        missing = info->fl11_1_required & ~s;
        missing2 = info->fl11_1_required2 & ~s2;
        bits_str(buf, sizeof(buf), s, false);
        bits_str(buf2, sizeof(buf2), s2, true);
        printf("  %-28s %soptimal %#" PRIx64 " buffer %#" PRIx64 " depth %#" PRIx64 " samples %#x/%#x types %#x\n"
                "      [%s] [%s]\n", info->name, alt ? "(alt) " : "", (uint64_t)caps.vk.optimal, (uint64_t)caps.vk.buffer,
                (uint64_t)caps.depth.optimal, caps.vk.sample_counts, caps.depth.sample_counts, caps.vk.image_types, buf, buf2);
        if (lavapipe)
            for (k = 0; k < ARRAY_SIZE(lavapipe_gaps); ++k)
                if (lavapipe_gaps[k].format == (DXGI_FORMAT)v)
                {
                    expect = lavapipe_gaps[k].missing;
                    expect2 = lavapipe_gaps[k].missing2;
                    listed = true;
                }
        if (missing | missing2)
        {
            ++gaps;
            bits_str(buf, sizeof(buf), missing, false);
            bits_str(buf2, sizeof(buf2), missing2, true);
            printf("GAP %s: FL11_1 requires [%s] [%s]\n", info->name, buf, buf2);
        }
        if (lavapipe && (missing != expect || missing2 != expect2))
        {
            ++unexpected;
            CHECK(0, "%s: missing %#x/%#x, lavapipe list says %#x/%#x%s", info->name, missing, missing2, expect,
                    expect2, listed ? "" : " (not listed)");
        }
    }
    printf("%u formats below the FL11_1 floor on %s%s\n", gaps, props.properties.deviceName,
            lavapipe ? "" : " (not lavapipe: gaps reported, not compared)");
    (void)unexpected;
    vkDestroyInstance(instance, NULL);
    return 0;
}

int main(int argc, char **argv)
{
    bool device = !(argc > 1 && !strcmp(argv[1], "--no-device"));
    int device_rc = 0;

    test_every_value_queries();
    test_table_invariants();
    test_known_mappings();
    test_bit_layouts();
    test_view_rules();
    test_copy_rules();
    test_pitch_and_size();
    test_support_synthetic();
    if (device)
        device_rc = test_device();
    printf("%u checks, %u failures\n", checks, failures);
    if (failures)
        return 1;
    return device_rc;
}
