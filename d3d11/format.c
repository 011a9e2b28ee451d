/* format.c — the DXGI format table (data) and the rules read from it: view and copy
 * compatibility, Map pitches, and CheckFormatSupport(2) answers derived from Vulkan's. */
#include "format.h"

#define FS(x)  D3D11_FORMAT_SUPPORT_##x
#define FS2(x) D3D11_FORMAT_SUPPORT2_##x

/* Flags, short. */
#define F_TL     D3D11VK_FORMAT_TYPELESS
#define F_D      D3D11VK_FORMAT_DEPTH
#define F_S      D3D11VK_FORMAT_STENCIL
#define F_BC     D3D11VK_FORMAT_COMPRESSED
#define F_SRGB   D3D11VK_FORMAT_SRGB
#define F_UI     D3D11VK_FORMAT_UINT
#define F_SI     D3D11VK_FORMAT_SINT
#define F_UN     D3D11VK_FORMAT_UNORM
#define F_SN     D3D11VK_FORMAT_SNORM
#define F_FL     D3D11VK_FORMAT_FLOAT
#define F_VID    D3D11VK_FORMAT_VIDEO
#define F_PK     D3D11VK_FORMAT_PACKED
#define F_PL     D3D11VK_FORMAT_PLANAR
#define F_DSV    D3D11VK_FORMAT_DSV
#define F_VO     D3D11VK_FORMAT_VIEW_ONLY
#define F_SWZ    D3D11VK_FORMAT_SWIZZLED
#define F_VTX    D3D11VK_FORMAT_VERTEX
#define F_IDX    D3D11VK_FORMAT_INDEX
#define F_SO     D3D11VK_FORMAT_STREAM_OUT
#define F_DISP   D3D11VK_FORMAT_DISPLAY
#define F_YUV    D3D11VK_FORMAT_YCBCR
#define F_REPACK D3D11VK_FORMAT_REPACK
#define F_PAL    D3D11VK_FORMAT_PALETTE
#define F_ATOM   D3D11VK_FORMAT_ATOMIC
#define F_UAVLD  D3D11VK_FORMAT_UAV_LOAD
#define F_OPQ    D3D11VK_FORMAT_OPAQUE

/* What feature level 11_1 hardware must support, per class of format (Microsoft's "Format
 * support for Direct3D feature level 11.1 hardware" tables, grouped). Optional capabilities
 * are not listed: these are the floor the tests hold the derivation against. */
#define R_TEX      (FS(TEXTURE1D) | FS(TEXTURE2D) | FS(TEXTURE3D) | FS(TEXTURECUBE))
#define R_CAST     FS(CAST_WITHIN_BIT_LAYOUT)
#define R_TYPELESS (R_TEX | FS(MIP) | FS(CPU_LOCKABLE) | R_CAST)
#define R_SAMPLED  (R_TEX | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) | FS(SHADER_GATHER) | FS(MIP) | FS(CPU_LOCKABLE))
#define R_RT_BLEND (FS(RENDER_TARGET) | FS(BLENDABLE))
#define R_MS       (FS(MULTISAMPLE_RENDERTARGET) | FS(MULTISAMPLE_RESOLVE) | FS(MULTISAMPLE_LOAD))
#define R_MS_INT   (FS(MULTISAMPLE_RENDERTARGET) | FS(MULTISAMPLE_LOAD))
#define R_VB       (FS(BUFFER) | FS(IA_VERTEX_BUFFER))
#define R_UAV      FS(TYPED_UNORDERED_ACCESS_VIEW)
#define R_SO       FS(SO_BUFFER)
#define R_CMP      (FS(SHADER_SAMPLE_COMPARISON) | FS(SHADER_GATHER_COMPARISON))
#define R_UNORM    (R_VB | R_SAMPLED | FS(MIP_AUTOGEN) | R_RT_BLEND | R_MS | R_UAV | R_CAST) /* also FLOAT */
#define R_SNORM    (R_VB | R_SAMPLED | R_RT_BLEND | R_MS | R_UAV | R_CAST)
#define R_SRGB     (R_SAMPLED | FS(MIP_AUTOGEN) | R_RT_BLEND | R_MS | R_CAST)
#define R_INT      (R_VB | R_TEX | FS(SHADER_LOAD) | FS(MIP) | FS(CPU_LOCKABLE) | FS(RENDER_TARGET) | R_MS_INT | R_UAV | R_CAST)
#define R_BGRA     (R_SAMPLED | FS(MIP_AUTOGEN) | R_RT_BLEND | R_MS | R_CAST)
#define R_96_INT   (R_VB | R_SO | FS(TEXTURE2D) | FS(SHADER_LOAD) | FS(MIP) | FS(CPU_LOCKABLE))
#define R_DSV      (FS(TEXTURE1D) | FS(TEXTURE2D) | FS(TEXTURECUBE) | FS(MIP) | FS(DEPTH_STENCIL) | FS(MULTISAMPLE_RENDERTARGET))
#define R_DS_TL    (FS(TEXTURE1D) | FS(TEXTURE2D) | FS(TEXTURECUBE) | FS(MIP))
#define R_DEPTH_SRV (FS(TEXTURE1D) | FS(TEXTURE2D) | FS(TEXTURECUBE) | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) \
        | FS(SHADER_GATHER) | FS(MIP) | FS(MULTISAMPLE_LOAD) | R_CMP)
#define R_STENCIL_SRV (FS(TEXTURE2D) | FS(SHADER_LOAD))
#define R_BC       (FS(TEXTURE2D) | FS(TEXTURE3D) | FS(TEXTURECUBE) | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) \
        | FS(MIP) | FS(CPU_LOCKABLE) | R_CAST)
#define R_BC_TL    (FS(TEXTURE2D) | FS(TEXTURE3D) | FS(TEXTURECUBE) | FS(MIP) | FS(CPU_LOCKABLE) | R_CAST)
#define R_16BPP    (FS(TEXTURE2D) | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) | FS(MIP) | R_RT_BLEND | FS(CPU_LOCKABLE))
#define R_422      (FS(TEXTURE2D) | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) | FS(MIP) | FS(CPU_LOCKABLE))

#define R2_STORE   FS2(UAV_TYPED_STORE)
#define R2_LOGIC   FS2(OUTPUT_MERGER_LOGIC_OP)
#define R2_ATOMIC  (FS2(UAV_ATOMIC_ADD) | FS2(UAV_ATOMIC_BITWISE_OPS) \
        | FS2(UAV_ATOMIC_COMPARE_STORE_OR_COMPARE_EXCHANGE) | FS2(UAV_ATOMIC_EXCHANGE) \
        | FS2(UAV_ATOMIC_SIGNED_MIN_OR_MAX) | FS2(UAV_ATOMIC_UNSIGNED_MIN_OR_MAX))
#define R2_R32     (FS2(UAV_TYPED_STORE) | FS2(UAV_TYPED_LOAD))

#define A_C  VK_IMAGE_ASPECT_COLOR_BIT
#define A_D  VK_IMAGE_ASPECT_DEPTH_BIT
#define A_S  VK_IMAGE_ASPECT_STENCIL_BIT
#define A_DS (VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT)

#define SW(r, g, b, a) { VK_COMPONENT_SWIZZLE_##r, VK_COMPONENT_SWIZZLE_##g, \
        VK_COMPONENT_SWIZZLE_##b, VK_COMPONENT_SWIZZLE_##a }

/* Layout of a row: plain texel formats (1x1 blocks, one plane, colour aspect), 4x4 blocks,
 * 2x1 blocks (422), planar video. */
#define L_PLAIN    .aspect = A_C, .block_width = 1, .block_height = 1, .planes = 1
#define L_BLOCK4   .aspect = A_C, .block_width = 4, .block_height = 4, .planes = 1
#define L_PAIR     .aspect = A_C, .block_width = 2, .block_height = 1, .planes = 1
#define L_PLANES(n, sx, sy) .aspect = A_C, .block_width = 1, .block_height = 1, .planes = n, \
        .chroma_shift_x = sx, .chroma_shift_y = sy
#define L_DEPTH(a, ad) .aspect = a, .aspect_depth = ad, .block_width = 1, .block_height = 1, .planes = 1

#define ROW(fmt, vkf, tl, bytes, fl, rq, rq2, ...) \
    [DXGI_FORMAT_##fmt] = { .dxgi = DXGI_FORMAT_##fmt, .name = #fmt, .vk = VK_FORMAT_##vkf, \
        .typeless = DXGI_FORMAT_##tl, .block_bytes = bytes, .flags = fl, \
        .fl11_1_required = rq, .fl11_1_required2 = rq2, __VA_ARGS__ }

static const struct d3d11vk_format_info format_table[] =
{
    /* 128-bit */
    ROW(R32G32B32A32_TYPELESS, R32G32B32A32_SFLOAT, R32G32B32A32_TYPELESS, 16, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R32G32B32A32_FLOAT, R32G32B32A32_SFLOAT, R32G32B32A32_TYPELESS, 16, F_FL | F_VTX | F_SO,
            (R_UNORM & ~R_MS) | R_SO, R2_STORE, L_PLAIN),
    ROW(R32G32B32A32_UINT, R32G32B32A32_UINT, R32G32B32A32_TYPELESS, 16, F_UI | F_VTX | F_SO,
            (R_INT & ~R_MS_INT) | R_SO, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R32G32B32A32_SINT, R32G32B32A32_SINT, R32G32B32A32_TYPELESS, 16, F_SI | F_VTX | F_SO,
            (R_INT & ~R_MS_INT) | R_SO, R2_STORE, L_PLAIN),
    /* 96-bit: textures are 2D-only in the floor; render targets optional */
    ROW(R32G32B32_TYPELESS, R32G32B32_SFLOAT, R32G32B32_TYPELESS, 12, F_TL, FS(TEXTURE2D), 0, L_PLAIN),
    ROW(R32G32B32_FLOAT, R32G32B32_SFLOAT, R32G32B32_TYPELESS, 12, F_FL | F_VTX | F_SO,
            R_96_INT | FS(SHADER_SAMPLE), 0, L_PLAIN),
    ROW(R32G32B32_UINT, R32G32B32_UINT, R32G32B32_TYPELESS, 12, F_UI | F_VTX | F_SO, R_96_INT, 0, L_PLAIN),
    ROW(R32G32B32_SINT, R32G32B32_SINT, R32G32B32_TYPELESS, 12, F_SI | F_VTX | F_SO, R_96_INT, 0, L_PLAIN),
    /* 64-bit */
    ROW(R16G16B16A16_TYPELESS, R16G16B16A16_UNORM, R16G16B16A16_TYPELESS, 8, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R16G16B16A16_FLOAT, R16G16B16A16_SFLOAT, R16G16B16A16_TYPELESS, 8, F_FL | F_VTX | F_DISP,
            R_UNORM | FS(DISPLAY), R2_STORE, L_PLAIN),
    ROW(R16G16B16A16_UNORM, R16G16B16A16_UNORM, R16G16B16A16_TYPELESS, 8, F_UN | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(R16G16B16A16_UINT, R16G16B16A16_UINT, R16G16B16A16_TYPELESS, 8, F_UI | F_VTX, R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R16G16B16A16_SNORM, R16G16B16A16_SNORM, R16G16B16A16_TYPELESS, 8, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R16G16B16A16_SINT, R16G16B16A16_SINT, R16G16B16A16_TYPELESS, 8, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    ROW(R32G32_TYPELESS, R32G32_SFLOAT, R32G32_TYPELESS, 8, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R32G32_FLOAT, R32G32_SFLOAT, R32G32_TYPELESS, 8, F_FL | F_VTX | F_SO, R_UNORM | R_SO, R2_STORE, L_PLAIN),
    ROW(R32G32_UINT, R32G32_UINT, R32G32_TYPELESS, 8, F_UI | F_VTX | F_SO, R_INT | R_SO, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R32G32_SINT, R32G32_SINT, R32G32_TYPELESS, 8, F_SI | F_VTX | F_SO, R_INT | R_SO, R2_STORE, L_PLAIN),
    /* 32-bit depth + 8-bit stencil + 24 unused: D3D's 8-byte texel, Vulkan's separate aspects */
    ROW(R32G8X24_TYPELESS, D32_SFLOAT_S8_UINT, R32G8X24_TYPELESS, 8, F_TL | F_D | F_S | F_REPACK, R_DS_TL, 0,
            L_DEPTH(A_DS, A_DS), .vk_depth = VK_FORMAT_D32_SFLOAT_S8_UINT),
    ROW(D32_FLOAT_S8X24_UINT, D32_SFLOAT_S8_UINT, R32G8X24_TYPELESS, 8, F_D | F_S | F_DSV | F_REPACK, R_DSV, 0,
            L_DEPTH(A_DS, A_DS), .vk_depth = VK_FORMAT_D32_SFLOAT_S8_UINT),
    ROW(R32_FLOAT_X8X24_TYPELESS, D32_SFLOAT_S8_UINT, R32G8X24_TYPELESS, 8, F_D | F_S | F_VO | F_FL | F_REPACK,
            R_DEPTH_SRV, 0, L_DEPTH(A_D, A_D), .vk_depth = VK_FORMAT_D32_SFLOAT_S8_UINT,
            .swizzle = SW(R, ZERO, ZERO, ONE)),
    ROW(X32_TYPELESS_G8X24_UINT, D32_SFLOAT_S8_UINT, R32G8X24_TYPELESS, 8, F_D | F_S | F_VO | F_UI | F_REPACK,
            R_STENCIL_SRV, 0, L_DEPTH(A_S, A_S), .vk_depth = VK_FORMAT_D32_SFLOAT_S8_UINT,
            .swizzle = SW(ZERO, R, ZERO, ONE)), /* D3D11 returns stencil in .g */
    /* 32-bit packed: DXGI names components from the low bits up, Vulkan's PACK32 names from the
     * high bits down, so R10G10B10A2 == A2B10G10R10_PACK32 bit for bit. */
    ROW(R10G10B10A2_TYPELESS, A2B10G10R10_UNORM_PACK32, R10G10B10A2_TYPELESS, 4, F_TL | F_PK, R_TYPELESS, 0, L_PLAIN),
    ROW(R10G10B10A2_UNORM, A2B10G10R10_UNORM_PACK32, R10G10B10A2_TYPELESS, 4, F_UN | F_PK | F_VTX | F_DISP,
            R_UNORM | FS(DISPLAY), R2_STORE, L_PLAIN),
    ROW(R10G10B10A2_UINT, A2B10G10R10_UINT_PACK32, R10G10B10A2_TYPELESS, 4, F_UI | F_PK | F_VTX,
            R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R11G11B10_FLOAT, B10G11R11_UFLOAT_PACK32, R11G11B10_FLOAT, 4, F_FL | F_PK | F_VTX,
            (R_UNORM & ~(R_VB | R_CAST)), R2_STORE, L_PLAIN),
    ROW(R8G8B8A8_TYPELESS, R8G8B8A8_UNORM, R8G8B8A8_TYPELESS, 4, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R8G8B8A8_UNORM, R8G8B8A8_UNORM, R8G8B8A8_TYPELESS, 4, F_UN | F_VTX | F_DISP, R_UNORM | FS(DISPLAY), R2_STORE, L_PLAIN),
    ROW(R8G8B8A8_UNORM_SRGB, R8G8B8A8_SRGB, R8G8B8A8_TYPELESS, 4, F_UN | F_SRGB | F_DISP, R_SRGB | FS(DISPLAY), 0, L_PLAIN),
    ROW(R8G8B8A8_UINT, R8G8B8A8_UINT, R8G8B8A8_TYPELESS, 4, F_UI | F_VTX, R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R8G8B8A8_SNORM, R8G8B8A8_SNORM, R8G8B8A8_TYPELESS, 4, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R8G8B8A8_SINT, R8G8B8A8_SINT, R8G8B8A8_TYPELESS, 4, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    ROW(R16G16_TYPELESS, R16G16_UNORM, R16G16_TYPELESS, 4, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R16G16_FLOAT, R16G16_SFLOAT, R16G16_TYPELESS, 4, F_FL | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(R16G16_UNORM, R16G16_UNORM, R16G16_TYPELESS, 4, F_UN | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(R16G16_UINT, R16G16_UINT, R16G16_TYPELESS, 4, F_UI | F_VTX, R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R16G16_SNORM, R16G16_SNORM, R16G16_TYPELESS, 4, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R16G16_SINT, R16G16_SINT, R16G16_TYPELESS, 4, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    /* R32: colour family whose resources become D32 when bound as depth-stencil */
    ROW(R32_TYPELESS, R32_SFLOAT, R32_TYPELESS, 4, F_TL, R_TYPELESS, 0,
            L_DEPTH(A_C, A_D), .vk_depth = VK_FORMAT_D32_SFLOAT),
    ROW(D32_FLOAT, D32_SFLOAT, R32_TYPELESS, 4, F_D | F_DSV | F_FL, R_DSV, 0,
            L_DEPTH(A_D, A_D), .vk_depth = VK_FORMAT_D32_SFLOAT),
    ROW(R32_FLOAT, R32_SFLOAT, R32_TYPELESS, 4, F_FL | F_VTX | F_SO | F_UAVLD, R_UNORM | R_SO | R_CMP, R2_R32,
            L_DEPTH(A_C, A_D), .vk_depth = VK_FORMAT_D32_SFLOAT),
    ROW(R32_UINT, R32_UINT, R32_TYPELESS, 4, F_UI | F_VTX | F_SO | F_IDX | F_ATOM | F_UAVLD,
            R_INT | R_SO | FS(IA_INDEX_BUFFER), R2_R32 | R2_ATOMIC | R2_LOGIC, L_PLAIN),
    ROW(R32_SINT, R32_SINT, R32_TYPELESS, 4, F_SI | F_VTX | F_SO | F_ATOM | F_UAVLD,
            R_INT | R_SO, R2_R32 | R2_ATOMIC, L_PLAIN),
    /* 24-bit depth + 8-bit stencil; devices without D24S8 use D32S8 (vk_alt) */
    ROW(R24G8_TYPELESS, D24_UNORM_S8_UINT, R24G8_TYPELESS, 4, F_TL | F_D | F_S | F_REPACK, R_DS_TL, 0,
            L_DEPTH(A_DS, A_DS), .vk_depth = VK_FORMAT_D24_UNORM_S8_UINT, .vk_alt = VK_FORMAT_D32_SFLOAT_S8_UINT),
    ROW(D24_UNORM_S8_UINT, D24_UNORM_S8_UINT, R24G8_TYPELESS, 4, F_D | F_S | F_DSV | F_UN | F_REPACK, R_DSV, 0,
            L_DEPTH(A_DS, A_DS), .vk_depth = VK_FORMAT_D24_UNORM_S8_UINT, .vk_alt = VK_FORMAT_D32_SFLOAT_S8_UINT),
    ROW(R24_UNORM_X8_TYPELESS, D24_UNORM_S8_UINT, R24G8_TYPELESS, 4, F_D | F_S | F_VO | F_UN | F_REPACK, R_DEPTH_SRV, 0,
            L_DEPTH(A_D, A_D), .vk_depth = VK_FORMAT_D24_UNORM_S8_UINT, .vk_alt = VK_FORMAT_D32_SFLOAT_S8_UINT,
            .swizzle = SW(R, ZERO, ZERO, ONE), .swizzle_alt = SW(R, ZERO, ZERO, ONE)),
    ROW(X24_TYPELESS_G8_UINT, D24_UNORM_S8_UINT, R24G8_TYPELESS, 4, F_D | F_S | F_VO | F_UI | F_REPACK, R_STENCIL_SRV, 0,
            L_DEPTH(A_S, A_S), .vk_depth = VK_FORMAT_D24_UNORM_S8_UINT, .vk_alt = VK_FORMAT_D32_SFLOAT_S8_UINT,
            .swizzle = SW(ZERO, R, ZERO, ONE), .swizzle_alt = SW(ZERO, R, ZERO, ONE)),
    /* 16-bit */
    ROW(R8G8_TYPELESS, R8G8_UNORM, R8G8_TYPELESS, 2, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R8G8_UNORM, R8G8_UNORM, R8G8_TYPELESS, 2, F_UN | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(R8G8_UINT, R8G8_UINT, R8G8_TYPELESS, 2, F_UI | F_VTX, R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R8G8_SNORM, R8G8_SNORM, R8G8_TYPELESS, 2, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R8G8_SINT, R8G8_SINT, R8G8_TYPELESS, 2, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    ROW(R16_TYPELESS, R16_UNORM, R16_TYPELESS, 2, F_TL, R_TYPELESS, 0,
            L_DEPTH(A_C, A_D), .vk_depth = VK_FORMAT_D16_UNORM),
    ROW(R16_FLOAT, R16_SFLOAT, R16_TYPELESS, 2, F_FL | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(D16_UNORM, D16_UNORM, R16_TYPELESS, 2, F_D | F_DSV | F_UN, R_DSV, 0,
            L_DEPTH(A_D, A_D), .vk_depth = VK_FORMAT_D16_UNORM),
    ROW(R16_UNORM, R16_UNORM, R16_TYPELESS, 2, F_UN | F_VTX, R_UNORM | R_CMP, R2_STORE,
            L_DEPTH(A_C, A_D), .vk_depth = VK_FORMAT_D16_UNORM),
    ROW(R16_UINT, R16_UINT, R16_TYPELESS, 2, F_UI | F_VTX | F_IDX, R_INT | FS(IA_INDEX_BUFFER), R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R16_SNORM, R16_SNORM, R16_TYPELESS, 2, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R16_SINT, R16_SINT, R16_TYPELESS, 2, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    /* 8-bit */
    ROW(R8_TYPELESS, R8_UNORM, R8_TYPELESS, 1, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(R8_UNORM, R8_UNORM, R8_TYPELESS, 1, F_UN | F_VTX, R_UNORM, R2_STORE, L_PLAIN),
    ROW(R8_UINT, R8_UINT, R8_TYPELESS, 1, F_UI | F_VTX, R_INT, R2_STORE | R2_LOGIC, L_PLAIN),
    ROW(R8_SNORM, R8_SNORM, R8_TYPELESS, 1, F_SN | F_VTX, R_SNORM, R2_STORE, L_PLAIN),
    ROW(R8_SINT, R8_SINT, R8_TYPELESS, 1, F_SI | F_VTX, R_INT, R2_STORE, L_PLAIN),
    /* alpha-only: stored in R, read back through the swizzle */
    ROW(A8_UNORM, R8_UNORM, A8_UNORM, 1, F_UN | F_SWZ,
            (R_SAMPLED & ~FS(SHADER_GATHER)) | FS(MIP_AUTOGEN) | R_RT_BLEND | R_MS, 0,
            L_PLAIN, .swizzle = SW(ZERO, ZERO, ZERO, R)),
    /* 1 bit per texel, 8 texels a byte: Vulkan has no such format */
    ROW(R1_UNORM, UNDEFINED, R1_UNORM, 1, F_UN, FS(TEXTURE2D) | FS(SHADER_SAMPLE_MONO_TEXT), 0,
            .aspect = A_C, .block_width = 8, .block_height = 1, .planes = 1),
    ROW(R9G9B9E5_SHAREDEXP, E5B9G9R9_UFLOAT_PACK32, R9G9B9E5_SHAREDEXP, 4, F_FL | F_PK,
            R_SAMPLED & ~FS(SHADER_GATHER), 0, L_PLAIN),
    /* 422 pairs: byte order R,G0,B,G1 and G0,R,G1,B; Vulkan's 422 formats hold B,G0,R,G1 and
     * G0,B,G1,R, so red and blue swap in the swizzle */
    ROW(R8G8_B8G8_UNORM, B8G8R8G8_422_UNORM, R8G8_B8G8_UNORM, 4, F_UN | F_PK | F_YUV | F_SWZ, R_422, 0,
            L_PAIR, .swizzle = SW(B, G, R, ONE)),
    ROW(G8R8_G8B8_UNORM, G8B8G8R8_422_UNORM, G8R8_G8B8_UNORM, 4, F_UN | F_PK | F_YUV | F_SWZ, R_422, 0,
            L_PAIR, .swizzle = SW(B, G, R, ONE)),
    /* block compressed */
    ROW(BC1_TYPELESS, BC1_RGBA_UNORM_BLOCK, BC1_TYPELESS, 8, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC1_UNORM, BC1_RGBA_UNORM_BLOCK, BC1_TYPELESS, 8, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC1_UNORM_SRGB, BC1_RGBA_SRGB_BLOCK, BC1_TYPELESS, 8, F_BC | F_UN | F_SRGB, R_BC, 0, L_BLOCK4),
    ROW(BC2_TYPELESS, BC2_UNORM_BLOCK, BC2_TYPELESS, 16, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC2_UNORM, BC2_UNORM_BLOCK, BC2_TYPELESS, 16, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC2_UNORM_SRGB, BC2_SRGB_BLOCK, BC2_TYPELESS, 16, F_BC | F_UN | F_SRGB, R_BC, 0, L_BLOCK4),
    ROW(BC3_TYPELESS, BC3_UNORM_BLOCK, BC3_TYPELESS, 16, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC3_UNORM, BC3_UNORM_BLOCK, BC3_TYPELESS, 16, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC3_UNORM_SRGB, BC3_SRGB_BLOCK, BC3_TYPELESS, 16, F_BC | F_UN | F_SRGB, R_BC, 0, L_BLOCK4),
    ROW(BC4_TYPELESS, BC4_UNORM_BLOCK, BC4_TYPELESS, 8, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC4_UNORM, BC4_UNORM_BLOCK, BC4_TYPELESS, 8, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC4_SNORM, BC4_SNORM_BLOCK, BC4_TYPELESS, 8, F_BC | F_SN, R_BC, 0, L_BLOCK4),
    ROW(BC5_TYPELESS, BC5_UNORM_BLOCK, BC5_TYPELESS, 16, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC5_UNORM, BC5_UNORM_BLOCK, BC5_TYPELESS, 16, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC5_SNORM, BC5_SNORM_BLOCK, BC5_TYPELESS, 16, F_BC | F_SN, R_BC, 0, L_BLOCK4),
    /* 16-bit packed: B5G6R5 has blue in bits 0-4, as R5G6B5_PACK16 does; B5G5R5A1 matches
     * A1R5G5B5_PACK16 and B4G4R4A4 matches A4R4G4B4_PACK16 bit for bit (identity swizzles).
     * The fallback for B4G4R4A4, Vulkan's mandatory B4G4R4A4_UNORM_PACK16, reads the same word
     * as (r,g,b,a) = (dxgi G, dxgi R, dxgi A, dxgi B): swizzle_alt undoes that. */
    ROW(B5G6R5_UNORM, R5G6B5_UNORM_PACK16, B5G6R5_UNORM, 2, F_UN | F_PK, R_16BPP, 0, L_PLAIN),
    ROW(B5G5R5A1_UNORM, A1R5G5B5_UNORM_PACK16, B5G5R5A1_UNORM, 2, F_UN | F_PK, R_16BPP, 0, L_PLAIN),
    /* BGRA */
    ROW(B8G8R8A8_UNORM, B8G8R8A8_UNORM, B8G8R8A8_TYPELESS, 4, F_UN | F_VTX | F_DISP, R_BGRA | FS(DISPLAY), 0, L_PLAIN),
    ROW(B8G8R8X8_UNORM, B8G8R8A8_UNORM, B8G8R8X8_TYPELESS, 4, F_UN | F_SWZ, R_BGRA, 0,
            L_PLAIN, .swizzle = SW(IDENTITY, IDENTITY, IDENTITY, ONE)),
    /* extended-range scan-out format: value = (x - 384) / 510, no Vulkan equivalent */
    ROW(R10G10B10_XR_BIAS_A2_UNORM, UNDEFINED, R10G10B10_XR_BIAS_A2_UNORM, 4, F_UN | F_PK,
            FS(TEXTURE2D) | FS(SHADER_LOAD) | FS(SHADER_SAMPLE) | FS(MIP) | FS(CPU_LOCKABLE), 0, L_PLAIN),
    ROW(B8G8R8A8_TYPELESS, B8G8R8A8_UNORM, B8G8R8A8_TYPELESS, 4, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(B8G8R8A8_UNORM_SRGB, B8G8R8A8_SRGB, B8G8R8A8_TYPELESS, 4, F_UN | F_SRGB | F_DISP, R_BGRA | FS(DISPLAY), 0, L_PLAIN),
    ROW(B8G8R8X8_TYPELESS, B8G8R8A8_UNORM, B8G8R8X8_TYPELESS, 4, F_TL, R_TYPELESS, 0, L_PLAIN),
    ROW(B8G8R8X8_UNORM_SRGB, B8G8R8A8_SRGB, B8G8R8X8_TYPELESS, 4, F_UN | F_SRGB | F_SWZ, R_BGRA, 0,
            L_PLAIN, .swizzle = SW(IDENTITY, IDENTITY, IDENTITY, ONE)),
    ROW(BC6H_TYPELESS, BC6H_UFLOAT_BLOCK, BC6H_TYPELESS, 16, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC6H_UF16, BC6H_UFLOAT_BLOCK, BC6H_TYPELESS, 16, F_BC | F_FL, R_BC, 0, L_BLOCK4),
    ROW(BC6H_SF16, BC6H_SFLOAT_BLOCK, BC6H_TYPELESS, 16, F_BC | F_FL, R_BC, 0, L_BLOCK4),
    ROW(BC7_TYPELESS, BC7_UNORM_BLOCK, BC7_TYPELESS, 16, F_TL | F_BC, R_BC_TL, 0, L_BLOCK4),
    ROW(BC7_UNORM, BC7_UNORM_BLOCK, BC7_TYPELESS, 16, F_BC | F_UN, R_BC, 0, L_BLOCK4),
    ROW(BC7_UNORM_SRGB, BC7_SRGB_BLOCK, BC7_TYPELESS, 16, F_BC | F_UN | F_SRGB, R_BC, 0, L_BLOCK4),
    /* Video. Packed 444 formats are plain texel formats (their D3D views are RGBA views of the
     * same bits: AYUV bytes V,U,Y,A; Y410 U,Y,V,A in 10:10:10:2; Y416 U,Y,V,A in 16 bits).
     * Planar and 422 formats map to Vulkan's multi-planar / 422 formats. Feature level 11_1
     * requires none of them. */
    ROW(AYUV, R8G8B8A8_UNORM, AYUV, 4, F_VID | F_UN, 0, 0, L_PLAIN),
    ROW(Y410, A2B10G10R10_UNORM_PACK32, Y410, 4, F_VID | F_UN | F_PK, 0, 0, L_PLAIN),
    ROW(Y416, R16G16B16A16_UNORM, Y416, 8, F_VID | F_UN, 0, 0, L_PLAIN),
    ROW(NV12, G8_B8R8_2PLANE_420_UNORM, NV12, 1, F_VID | F_UN | F_PL | F_YUV, 0, 0, L_PLANES(2, 1, 1)),
    ROW(P010, G10X6_B10X6R10X6_2PLANE_420_UNORM_3PACK16, P010, 2, F_VID | F_UN | F_PL | F_YUV, 0, 0, L_PLANES(2, 1, 1)),
    ROW(P016, G16_B16R16_2PLANE_420_UNORM, P016, 2, F_VID | F_UN | F_PL | F_YUV, 0, 0, L_PLANES(2, 1, 1)),
    ROW(420_OPAQUE, G8_B8R8_2PLANE_420_UNORM, 420_OPAQUE, 1, F_VID | F_UN | F_PL | F_YUV | F_OPQ, 0, 0,
            L_PLANES(2, 1, 1)),
    ROW(YUY2, G8B8G8R8_422_UNORM, YUY2, 4, F_VID | F_UN | F_PK | F_YUV, 0, 0, L_PAIR),
    ROW(Y210, G10X6B10X6G10X6R10X6_422_UNORM_4PACK16, Y210, 8, F_VID | F_UN | F_PK | F_YUV, 0, 0, L_PAIR),
    ROW(Y216, G16B16G16R16_422_UNORM, Y216, 8, F_VID | F_UN | F_PK | F_YUV, 0, 0, L_PAIR),
    /* 4:1:1 has no Vulkan format */
    ROW(NV11, UNDEFINED, NV11, 1, F_VID | F_UN | F_PL, 0, 0, L_PLANES(2, 2, 0)),
    ROW(AI44, UNDEFINED, AI44, 1, F_VID | F_PAL, 0, 0, L_PLAIN),
    ROW(IA44, UNDEFINED, IA44, 1, F_VID | F_PAL, 0, 0, L_PLAIN),
    ROW(P8, UNDEFINED, P8, 1, F_VID | F_PAL, 0, 0, L_PLAIN),
    ROW(A8P8, UNDEFINED, A8P8, 2, F_VID | F_PAL, 0, 0, L_PLAIN),
    ROW(B4G4R4A4_UNORM, A4R4G4B4_UNORM_PACK16, B4G4R4A4_UNORM, 2, F_UN | F_PK, R_16BPP, 0, L_PLAIN,
            .vk_alt = VK_FORMAT_B4G4R4A4_UNORM_PACK16, .swizzle_alt = SW(G, R, A, B)),
    /* 422 two-plane, 440 three-plane (no Vulkan format), 444 three-plane */
    ROW(P208, G8_B8R8_2PLANE_422_UNORM, P208, 1, F_VID | F_UN | F_PL | F_YUV, 0, 0, L_PLANES(2, 1, 0)),
    ROW(V208, UNDEFINED, V208, 1, F_VID | F_UN | F_PL, 0, 0, L_PLANES(3, 0, 1)),
    ROW(V408, G8_B8_R8_3PLANE_444_UNORM, V408, 1, F_VID | F_UN | F_PL | F_YUV, 0, 0, L_PLANES(3, 0, 0)),
};

const struct d3d11vk_format_info *d3d11vk_format_get(DXGI_FORMAT format)
{
    const struct d3d11vk_format_info *info;

    /* DXGI_FORMAT is an enum the application fills: compare as unsigned, any value. */
    if ((uint32_t)format >= ARRAY_SIZE(format_table))
        return NULL;
    info = &format_table[(uint32_t)format];
    /* holes of the designated table are zero rows (dxgi == UNKNOWN, name NULL) */
    return info->name ? info : NULL;
}

const char *d3d11vk_format_name(DXGI_FORMAT format)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format);

    if (format == DXGI_FORMAT_UNKNOWN)
        return "UNKNOWN";
    return info ? info->name : "(invalid)";
}

/* D3D11 video resource views: which plane a view format reads (values are plane + 1 so that
 * zero means "no such view"). */
static const struct
{
    DXGI_FORMAT resource, view;
    uint8_t plane_plus_1;
}
video_views[] =
{
    { DXGI_FORMAT_NV12, DXGI_FORMAT_R8_UNORM, 1 },   { DXGI_FORMAT_NV12, DXGI_FORMAT_R8_UINT, 1 },
    { DXGI_FORMAT_NV12, DXGI_FORMAT_R8G8_UNORM, 2 }, { DXGI_FORMAT_NV12, DXGI_FORMAT_R8G8_UINT, 2 },
    { DXGI_FORMAT_NV11, DXGI_FORMAT_R8_UNORM, 1 },   { DXGI_FORMAT_NV11, DXGI_FORMAT_R8_UINT, 1 },
    { DXGI_FORMAT_NV11, DXGI_FORMAT_R8G8_UNORM, 2 }, { DXGI_FORMAT_NV11, DXGI_FORMAT_R8G8_UINT, 2 },
    { DXGI_FORMAT_P208, DXGI_FORMAT_R8_UNORM, 1 },   { DXGI_FORMAT_P208, DXGI_FORMAT_R8_UINT, 1 },
    { DXGI_FORMAT_P208, DXGI_FORMAT_R8G8_UNORM, 2 }, { DXGI_FORMAT_P208, DXGI_FORMAT_R8G8_UINT, 2 },
    { DXGI_FORMAT_P010, DXGI_FORMAT_R16_UNORM, 1 },  { DXGI_FORMAT_P010, DXGI_FORMAT_R16_UINT, 1 },
    { DXGI_FORMAT_P010, DXGI_FORMAT_R16G16_UNORM, 2 }, { DXGI_FORMAT_P010, DXGI_FORMAT_R16G16_UINT, 2 },
    { DXGI_FORMAT_P016, DXGI_FORMAT_R16_UNORM, 1 },  { DXGI_FORMAT_P016, DXGI_FORMAT_R16_UINT, 1 },
    { DXGI_FORMAT_P016, DXGI_FORMAT_R16G16_UNORM, 2 }, { DXGI_FORMAT_P016, DXGI_FORMAT_R16G16_UINT, 2 },
    { DXGI_FORMAT_AYUV, DXGI_FORMAT_R8G8B8A8_UNORM, 1 }, { DXGI_FORMAT_AYUV, DXGI_FORMAT_R8G8B8A8_UINT, 1 },
    { DXGI_FORMAT_YUY2, DXGI_FORMAT_R8G8B8A8_UNORM, 1 }, { DXGI_FORMAT_YUY2, DXGI_FORMAT_R8G8B8A8_UINT, 1 },
    { DXGI_FORMAT_Y410, DXGI_FORMAT_R10G10B10A2_UNORM, 1 }, { DXGI_FORMAT_Y410, DXGI_FORMAT_R10G10B10A2_UINT, 1 },
    { DXGI_FORMAT_Y416, DXGI_FORMAT_R16G16B16A16_UNORM, 1 }, { DXGI_FORMAT_Y416, DXGI_FORMAT_R16G16B16A16_UINT, 1 },
    { DXGI_FORMAT_Y210, DXGI_FORMAT_R16G16B16A16_UNORM, 1 }, { DXGI_FORMAT_Y210, DXGI_FORMAT_R16G16B16A16_UINT, 1 },
    { DXGI_FORMAT_Y216, DXGI_FORMAT_R16G16B16A16_UNORM, 1 }, { DXGI_FORMAT_Y216, DXGI_FORMAT_R16G16B16A16_UINT, 1 },
};

int d3d11vk_format_video_view_plane(DXGI_FORMAT resource, DXGI_FORMAT view)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(video_views); ++i)
        if (video_views[i].resource == resource && video_views[i].view == view)
            return video_views[i].plane_plus_1 - 1;
    return -1;
}

bool d3d11vk_format_planar_emulated(DXGI_FORMAT format, DXGI_FORMAT planes[2])
{
    DXGI_FORMAT luma, chroma;

    switch (format)
    {
        case DXGI_FORMAT_NV12: luma = DXGI_FORMAT_R8_UNORM; chroma = DXGI_FORMAT_R8G8_UNORM; break;
        case DXGI_FORMAT_P010:
        case DXGI_FORMAT_P016: luma = DXGI_FORMAT_R16_UNORM; chroma = DXGI_FORMAT_R16G16_UNORM; break;
        default: return false;
    }
    if (planes)
    {
        planes[0] = luma;
        planes[1] = chroma;
    }
    return true;
}

bool d3d11vk_format_compatible_for_view(DXGI_FORMAT resource, DXGI_FORMAT view)
{
    const struct d3d11vk_format_info *r = d3d11vk_format_get(resource), *v = d3d11vk_format_get(view);

    if (!r || !v || (r->flags & D3D11VK_FORMAT_VIEW_ONLY))
        return false;
    if (v->flags & D3D11VK_FORMAT_TYPELESS)
        return false; /* a view is always typed (the view-only "TYPELESS" names are typed views) */
    if (d3d11vk_format_video_view_plane(resource, view) >= 0)
        return true;
    if (resource == view)
        return true;
    /* D3D11: a fully typed resource is viewed with its own format only. */
    return (r->flags & D3D11VK_FORMAT_TYPELESS) && v->typeless == r->dxgi;
}

/* The uncompressed side of D3D10.1's prestructured copies: raw integer formats whose texel
 * size matches a block size (their family members of other types do not qualify). */
static bool is_raw_integer(DXGI_FORMAT f)
{
    switch (f)
    {
        case DXGI_FORMAT_R32G32B32A32_UINT: case DXGI_FORMAT_R32G32B32A32_SINT:
        case DXGI_FORMAT_R16G16B16A16_UINT: case DXGI_FORMAT_R16G16B16A16_SINT:
        case DXGI_FORMAT_R32G32_UINT: case DXGI_FORMAT_R32G32_SINT:
        case DXGI_FORMAT_R32_UINT: case DXGI_FORMAT_R32_SINT:
            return true;
        default:
            return false;
    }
}

static bool is_prestructured(const struct d3d11vk_format_info *info)
{
    return (info->flags & D3D11VK_FORMAT_COMPRESSED) || info->dxgi == DXGI_FORMAT_R9G9B9E5_SHAREDEXP;
}

bool d3d11vk_format_compatible_for_copy(DXGI_FORMAT a, DXGI_FORMAT b)
{
    const struct d3d11vk_format_info *fa = d3d11vk_format_get(a), *fb = d3d11vk_format_get(b);

    if (!fa || !fb || ((fa->flags | fb->flags) & D3D11VK_FORMAT_VIEW_ONLY))
        return false;
    if (fa->typeless == fb->typeless)
        return true;
    if (is_prestructured(fa) && is_raw_integer(b))
        return fa->block_bytes == fb->block_bytes;
    if (is_prestructured(fb) && is_raw_integer(a))
        return fa->block_bytes == fb->block_bytes;
    return false;
}

unsigned d3d11vk_format_query_formats(const struct d3d11vk_format_info *info, VkFormat formats[2])
{
    unsigned n = 0;

    if (!info)
        return 0;
    if (info->vk != VK_FORMAT_UNDEFINED)
        formats[n++] = info->vk;
    if (info->vk_depth != VK_FORMAT_UNDEFINED && info->vk_depth != info->vk)
        formats[n++] = info->vk_depth;
    return n;
}

static VkFormatFeatureFlags2 features2(const struct d3d11vk_format_query *q, VkFormat format,
        VkFormatFeatureFlags flags1, VkFormatFeatureFlags2 flags2)
{
    VkFormatFeatureFlags2 f;

    if (q->format_feature_flags2)
        return flags2;
    /* Vulkan 1.0 meaning, spelled in 1.3 bits (the low 32 bits are the same): sampleable depth
     * formats compare, and the *_WITHOUT_FORMAT bits follow the device features. */
    f = flags1;
    if ((f & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT) && (format == VK_FORMAT_D16_UNORM
            || format == VK_FORMAT_X8_D24_UNORM_PACK32 || format == VK_FORMAT_D32_SFLOAT
            || format == VK_FORMAT_D16_UNORM_S8_UINT || format == VK_FORMAT_D24_UNORM_S8_UINT
            || format == VK_FORMAT_D32_SFLOAT_S8_UINT))
        f |= VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_DEPTH_COMPARISON_BIT;
    if ((f & VK_FORMAT_FEATURE_2_STORAGE_IMAGE_BIT) && q->storage_read_without_format)
        f |= VK_FORMAT_FEATURE_2_STORAGE_READ_WITHOUT_FORMAT_BIT;
    if ((f & VK_FORMAT_FEATURE_2_STORAGE_IMAGE_BIT) && q->storage_write_without_format)
        f |= VK_FORMAT_FEATURE_2_STORAGE_WRITE_WITHOUT_FORMAT_BIT;
    return f;
}

static bool image_ok(const struct d3d11vk_format_query *q, VkFormat format, VkImageType type,
        VkImageUsageFlags usage, VkImageCreateFlags flags, VkSampleCountFlags *samples)
{
    VkPhysicalDeviceImageFormatInfo2 info = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_IMAGE_FORMAT_INFO_2 };
    VkImageFormatProperties2 props = { VK_STRUCTURE_TYPE_IMAGE_FORMAT_PROPERTIES_2 };

    info.format = format;
    info.type = type;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = usage;
    info.flags = flags;
    if (q->get_image_format_properties2(q->phys, &info, &props) != VK_SUCCESS)
        return false;
    if (samples)
        *samples = props.imageFormatProperties.sampleCounts;
    return true;
}

static void query_one(const struct d3d11vk_format_query *q, VkFormat format, struct d3d11vk_vk_format_caps *out)
{
    VkFormatProperties3 p3 = { VK_STRUCTURE_TYPE_FORMAT_PROPERTIES_3 };
    VkFormatProperties2 p2 = { VK_STRUCTURE_TYPE_FORMAT_PROPERTIES_2 };
    VkImageUsageFlags usage = 0, attachment = 0;

    memset(out, 0, sizeof(*out));
    if (format == VK_FORMAT_UNDEFINED)
        return;
    if (q->format_feature_flags2)
        p2.pNext = &p3;
    q->get_format_properties2(q->phys, format, &p2);
    out->optimal = features2(q, format, p2.formatProperties.optimalTilingFeatures, p3.optimalTilingFeatures);
    out->linear = features2(q, format, p2.formatProperties.linearTilingFeatures, p3.linearTilingFeatures);
    out->buffer = features2(q, format, p2.formatProperties.bufferFeatures, p3.bufferFeatures);

    if (out->optimal & VK_FORMAT_FEATURE_2_COLOR_ATTACHMENT_BIT)
        attachment = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    else if (out->optimal & VK_FORMAT_FEATURE_2_DEPTH_STENCIL_ATTACHMENT_BIT)
        attachment = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    if (out->optimal & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT)
        usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    else if (attachment)
        usage = attachment;
    else if (out->optimal & VK_FORMAT_FEATURE_2_STORAGE_IMAGE_BIT)
        usage = VK_IMAGE_USAGE_STORAGE_BIT;
    else if (out->optimal & VK_FORMAT_FEATURE_2_TRANSFER_SRC_BIT)
        usage = VK_IMAGE_USAGE_TRANSFER_SRC_BIT;
    if (!usage)
        return;
    if (image_ok(q, format, VK_IMAGE_TYPE_1D, usage, 0, NULL))
        out->image_types |= D3D11VK_IMAGE_1D;
    if (image_ok(q, format, VK_IMAGE_TYPE_2D, usage, 0, NULL))
        out->image_types |= D3D11VK_IMAGE_2D;
    if (image_ok(q, format, VK_IMAGE_TYPE_3D, usage, 0, NULL))
        out->image_types |= D3D11VK_IMAGE_3D;
    if (image_ok(q, format, VK_IMAGE_TYPE_2D, usage, VK_IMAGE_CREATE_CUBE_COMPATIBLE_BIT, NULL))
        out->image_types |= D3D11VK_IMAGE_CUBE;
    if (attachment && !image_ok(q, format, VK_IMAGE_TYPE_2D, usage | attachment, 0, &out->sample_counts))
        out->sample_counts = 0;
}

void d3d11vk_format_query_caps(const struct d3d11vk_format_query *query, const struct d3d11vk_format_info *info,
        bool use_alt, struct d3d11vk_format_caps *caps)
{
    VkFormat vk, vk_depth;

    memset(caps, 0, sizeof(*caps));
    if (!query || !info)
        return;
    vk = info->vk;
    vk_depth = info->vk_depth;
    if (use_alt && info->vk_alt != VK_FORMAT_UNDEFINED)
    {
        if (vk_depth == vk)
            vk_depth = info->vk_alt;
        vk = info->vk_alt;
    }
    query_one(query, vk, &caps->vk);
    if (vk_depth != vk)
        query_one(query, vk_depth, &caps->depth);
    else
        caps->depth = caps->vk;
    caps->typed_uav_load_additional_formats = query->storage_read_without_format;
    caps->logic_op = query->logic_op;
    caps->stream_output = query->stream_output;
}

bool d3d11vk_format_needs_alt(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps)
{
    if (!info || !caps || info->vk_alt == VK_FORMAT_UNDEFINED)
        return false;
    if (info->flags & D3D11VK_FORMAT_DEPTH)
        return !(caps->vk.optimal & VK_FORMAT_FEATURE_2_DEPTH_STENCIL_ATTACHMENT_BIT);
    return !(caps->vk.optimal & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT);
}

/* Texture dimensions D3D11 allows for a class of format at all. */
static uint32_t d3d_image_types(uint32_t flags)
{
    if (flags & (D3D11VK_FORMAT_VIDEO | D3D11VK_FORMAT_YCBCR | D3D11VK_FORMAT_PLANAR))
        return D3D11VK_IMAGE_2D;
    if (flags & D3D11VK_FORMAT_COMPRESSED)
        return D3D11VK_IMAGE_2D | D3D11VK_IMAGE_3D | D3D11VK_IMAGE_CUBE;
    if (flags & D3D11VK_FORMAT_DEPTH)
        return D3D11VK_IMAGE_1D | D3D11VK_IMAGE_2D | D3D11VK_IMAGE_CUBE;
    return D3D11VK_IMAGE_1D | D3D11VK_IMAGE_2D | D3D11VK_IMAGE_3D | D3D11VK_IMAGE_CUBE;
}

static const struct
{
    uint32_t image_type;
    UINT support;
}
dimension_bits[] =
{
    { D3D11VK_IMAGE_1D, D3D11_FORMAT_SUPPORT_TEXTURE1D },
    { D3D11VK_IMAGE_2D, D3D11_FORMAT_SUPPORT_TEXTURE2D },
    { D3D11VK_IMAGE_3D, D3D11_FORMAT_SUPPORT_TEXTURE3D },
    { D3D11VK_IMAGE_CUBE, D3D11_FORMAT_SUPPORT_TEXTURECUBE },
};

static const struct d3d11vk_vk_format_caps *depth_caps(const struct d3d11vk_format_info *info,
        const struct d3d11vk_format_caps *caps)
{
    return info->vk_depth == info->vk ? &caps->vk : &caps->depth;
}

UINT d3d11vk_format_support(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps)
{
    const uint32_t no_shader = D3D11VK_FORMAT_TYPELESS | D3D11VK_FORMAT_DSV | D3D11VK_FORMAT_VIDEO
            | D3D11VK_FORMAT_YCBCR | D3D11VK_FORMAT_PALETTE;
    const uint32_t no_rt = no_shader | D3D11VK_FORMAT_DEPTH | D3D11VK_FORMAT_COMPRESSED;
    const struct d3d11vk_vk_format_caps *vk, *depth;
    VkFormatFeatureFlags2 opt;
    uint32_t flags, types;
    bool integer;
    UINT s = 0;
    size_t i;

    /* Emulated 4:2:0 planar formats: one R8/R16 and one R8G8/R16G16 image, formats feature
     * level 11 requires to be sampled and rendered: 2D textures, CPU access in the D3D layout,
     * and shader resource / render target views of each plane (no mips, no UAVs). */
    if (info && d3d11vk_format_planar_emulated(info->dxgi, NULL))
        return D3D11_FORMAT_SUPPORT_TEXTURE2D | D3D11_FORMAT_SUPPORT_CPU_LOCKABLE | D3D11_FORMAT_SUPPORT_SHADER_LOAD
                | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE | D3D11_FORMAT_SUPPORT_RENDER_TARGET;
    if (!info || !caps || info->vk == VK_FORMAT_UNDEFINED)
        return 0;
    vk = &caps->vk;
    depth = depth_caps(info, caps);
    opt = vk->optimal;
    flags = info->flags;
    integer = flags & (D3D11VK_FORMAT_UINT | D3D11VK_FORMAT_SINT);

    /* Resources: a texture must be bindable somewhere or D3D has no use for it. */
    if (opt & (VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT | VK_FORMAT_FEATURE_2_COLOR_ATTACHMENT_BIT
            | VK_FORMAT_FEATURE_2_DEPTH_STENCIL_ATTACHMENT_BIT | VK_FORMAT_FEATURE_2_STORAGE_IMAGE_BIT))
    {
        types = vk->image_types & d3d_image_types(flags);
        for (i = 0; i < ARRAY_SIZE(dimension_bits); ++i)
            if (types & dimension_bits[i].image_type)
                s |= dimension_bits[i].support;
    }
    if (s && !(flags & (D3D11VK_FORMAT_VIDEO | D3D11VK_FORMAT_YCBCR)))
        s |= D3D11_FORMAT_SUPPORT_MIP;
    if (s && info->block_bytes && !(flags & (D3D11VK_FORMAT_PALETTE | D3D11VK_FORMAT_OPAQUE | D3D11VK_FORMAT_VIEW_ONLY))
            && (opt & VK_FORMAT_FEATURE_2_TRANSFER_SRC_BIT) && (opt & VK_FORMAT_FEATURE_2_TRANSFER_DST_BIT))
        s |= D3D11_FORMAT_SUPPORT_CPU_LOCKABLE;
    if (s && (info->typeless != info->dxgi || (flags & D3D11VK_FORMAT_TYPELESS)))
        s |= D3D11_FORMAT_SUPPORT_CAST_WITHIN_BIT_LAYOUT;

    /* Buffers: typed views read through texel buffers; swizzled formats cannot be (a buffer view
     * has no component mapping), and D3D11 has no sRGB buffer views. */
    if (!(flags & (no_shader | D3D11VK_FORMAT_DEPTH | D3D11VK_FORMAT_VIEW_ONLY | D3D11VK_FORMAT_COMPRESSED
            | D3D11VK_FORMAT_SWIZZLED | D3D11VK_FORMAT_SRGB)) && (vk->buffer & VK_FORMAT_FEATURE_2_UNIFORM_TEXEL_BUFFER_BIT))
        s |= D3D11_FORMAT_SUPPORT_BUFFER;
    if ((flags & D3D11VK_FORMAT_VERTEX) && (vk->buffer & VK_FORMAT_FEATURE_2_VERTEX_BUFFER_BIT))
        s |= D3D11_FORMAT_SUPPORT_IA_VERTEX_BUFFER;
    if (flags & D3D11VK_FORMAT_INDEX)
        s |= D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER; /* VK_INDEX_TYPE_UINT16/32 are core */
    if ((flags & D3D11VK_FORMAT_STREAM_OUT) && caps->stream_output)
        s |= D3D11_FORMAT_SUPPORT_SO_BUFFER;

    /* Shader resource views. */
    if (!(flags & no_shader) && (opt & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT))
    {
        s |= D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_SHADER_GATHER;
        if (!integer && (opt & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_FILTER_LINEAR_BIT))
            s |= D3D11_FORMAT_SUPPORT_SHADER_SAMPLE;
        if (vk->sample_counts & ~VK_SAMPLE_COUNT_1_BIT)
            s |= D3D11_FORMAT_SUPPORT_MULTISAMPLE_LOAD;
    }
    /* Comparison sampling reads the depth image the view format stands for. Vulkan lets
     * comparison samplers filter linearly on DEPTH_COMPARISON alone (FILTER_LINEAR governs
     * samplers without compareEnable), so D3D's comparison filters need only that bit. */
    if (!(flags & no_shader) && (info->aspect_depth & VK_IMAGE_ASPECT_DEPTH_BIT) && !integer
            && (depth->optimal & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_BIT)
            && (depth->optimal & VK_FORMAT_FEATURE_2_SAMPLED_IMAGE_DEPTH_COMPARISON_BIT))
        s |= D3D11_FORMAT_SUPPORT_SHADER_SAMPLE_COMPARISON | D3D11_FORMAT_SUPPORT_SHADER_GATHER_COMPARISON;

    /* Output merger. */
    if (!(flags & no_rt) && (opt & VK_FORMAT_FEATURE_2_COLOR_ATTACHMENT_BIT))
    {
        s |= D3D11_FORMAT_SUPPORT_RENDER_TARGET;
        if (!integer && (opt & VK_FORMAT_FEATURE_2_COLOR_ATTACHMENT_BLEND_BIT))
            s |= D3D11_FORMAT_SUPPORT_BLENDABLE;
        if (vk->sample_counts & ~VK_SAMPLE_COUNT_1_BIT)
        {
            s |= D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET;
            if (!integer) /* D3D11 resolves float/unorm/snorm formats only */
                s |= D3D11_FORMAT_SUPPORT_MULTISAMPLE_RESOLVE;
        }
        /* GenerateMips is a chain of linear blits. */
        if ((s & D3D11_FORMAT_SUPPORT_SHADER_SAMPLE) && (opt & VK_FORMAT_FEATURE_2_BLIT_SRC_BIT)
                && (opt & VK_FORMAT_FEATURE_2_BLIT_DST_BIT))
            s |= D3D11_FORMAT_SUPPORT_MIP_AUTOGEN;
        if (flags & D3D11VK_FORMAT_DISPLAY)
            s |= D3D11_FORMAT_SUPPORT_DISPLAY;
    }
    if ((flags & D3D11VK_FORMAT_DSV) && (depth->optimal & VK_FORMAT_FEATURE_2_DEPTH_STENCIL_ATTACHMENT_BIT))
    {
        s |= D3D11_FORMAT_SUPPORT_DEPTH_STENCIL;
        if (depth->sample_counts & ~VK_SAMPLE_COUNT_1_BIT)
            s |= D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET;
    }

    /* Typed UAVs: the compiler declares typed UAVs with an Unknown image format, so stores need
     * STORAGE_WRITE_WITHOUT_FORMAT; sRGB and swizzled formats cannot be storage views. */
    if (!(flags & (no_rt | D3D11VK_FORMAT_SRGB | D3D11VK_FORMAT_SWIZZLED))
            && (opt & VK_FORMAT_FEATURE_2_STORAGE_IMAGE_BIT)
            && (opt & VK_FORMAT_FEATURE_2_STORAGE_WRITE_WITHOUT_FORMAT_BIT))
        s |= D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW;

    /* Never offered: SHADER_SAMPLE_MONO_TEXT (R1_UNORM has no Vulkan format), BACK_BUFFER_CAST,
     * and the video decoder/processor/encoder bits (no video path). */
    return s;
}

UINT d3d11vk_format_support2(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps)
{
    VkFormatFeatureFlags2 opt;
    UINT s = 0, s1;

    if (!info || !caps || info->vk == VK_FORMAT_UNDEFINED)
        return 0;
    s1 = d3d11vk_format_support(info, caps);
    opt = caps->vk.optimal;
    if (s1 & D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW)
    {
        s |= D3D11_FORMAT_SUPPORT2_UAV_TYPED_STORE;
        /* R32 loads are core D3D11 and the compiler can declare their format; the others need
         * reads without a declared format. */
        if ((info->flags & D3D11VK_FORMAT_UAV_LOAD)
                || (caps->typed_uav_load_additional_formats && (opt & VK_FORMAT_FEATURE_2_STORAGE_READ_WITHOUT_FORMAT_BIT)))
            s |= D3D11_FORMAT_SUPPORT2_UAV_TYPED_LOAD;
        if ((info->flags & D3D11VK_FORMAT_ATOMIC) && (opt & VK_FORMAT_FEATURE_2_STORAGE_IMAGE_ATOMIC_BIT))
            s |= R2_ATOMIC;
    }
    /* D3D11.1 logic ops apply to UINT render targets. */
    if (caps->logic_op && (s1 & D3D11_FORMAT_SUPPORT_RENDER_TARGET) && (info->flags & D3D11VK_FORMAT_UINT))
        s |= D3D11_FORMAT_SUPPORT2_OUTPUT_MERGER_LOGIC_OP;
    /* Never offered: TILED (no tiled resources), SHAREABLE and MULTIPLANE_OVERLAY. */
    return s;
}

UINT d3d11vk_format_block_rows(const struct d3d11vk_format_info *info, UINT height)
{
    if (!info || !info->block_height)
        return 0;
    return (UINT)(((uint64_t)height + info->block_height - 1) / info->block_height);
}

bool d3d11vk_format_pitch(const struct d3d11vk_format_info *info, UINT width, size_t *row_pitch)
{
    uint64_t blocks;

    if (!info || !info->block_bytes || !info->block_width)
        return false;
    blocks = ((uint64_t)width + info->block_width - 1) / info->block_width;
    if (blocks > SIZE_MAX)
        return false;
    return size_mul_ok((size_t)blocks, info->block_bytes, row_pitch);
}

bool d3d11vk_format_slice_size_pitched(const struct d3d11vk_format_info *info, size_t row_pitch,
        UINT height, size_t *size)
{
    size_t total, chroma_pitch, chroma_size;
    uint64_t chroma_rows;
    unsigned chroma_planes;

    if (!info || !info->block_bytes || !info->block_height)
        return false;
    if (!size_mul_ok(row_pitch, d3d11vk_format_block_rows(info, height), &total))
        return false;
    if (info->planes > 1)
    {
        /* Two-plane formats interleave U and V (twice the luma texel per chroma texel); three-
         * plane formats hold U and V apart. Pitches scale from the luma pitch. */
        chroma_planes = info->planes == 2 ? 1 : 2;
        if (!size_mul_ok(row_pitch, info->planes == 2 ? 2 : 1, &chroma_pitch))
            return false;
        chroma_pitch = (chroma_pitch >> info->chroma_shift_x)
                + ((chroma_pitch & ((1u << info->chroma_shift_x) - 1)) ? 1 : 0);
        chroma_rows = ((uint64_t)height + (1u << info->chroma_shift_y) - 1) >> info->chroma_shift_y;
        if (!size_mul_ok(chroma_pitch, (size_t)chroma_rows, &chroma_size)
                || !size_mul_ok(chroma_size, chroma_planes, &chroma_size)
                || __builtin_add_overflow(total, chroma_size, &total))
            return false;
    }
    *size = total;
    return true;
}

bool d3d11vk_format_slice_size(const struct d3d11vk_format_info *info, UINT width, UINT height, size_t *size)
{
    size_t pitch;

    return d3d11vk_format_pitch(info, width, &pitch) && d3d11vk_format_slice_size_pitched(info, pitch, height, size);
}
