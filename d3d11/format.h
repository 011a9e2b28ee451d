/* format.h — the one DXGI format table: Vulkan format, aspect, component mapping, typeless
 * family, block size, planes, and the D3D11 format-support rules derived from Vulkan's answers.
 * Every path that needs a fact about a DXGI_FORMAT (resources, views, copies, Map pitches,
 * CheckFormatSupport, swap chains, input layouts) asks this table. */
#ifndef D3D11VK_FORMAT_H
#define D3D11VK_FORMAT_H

#include "d3d11vk_common.h"
#include <vulkan/vulkan.h>

enum d3d11vk_format_flags
{
    D3D11VK_FORMAT_TYPELESS     = 0x00000001, /* a family's TYPELESS member (not a view-only typeless) */
    D3D11VK_FORMAT_DEPTH        = 0x00000002, /* the Vulkan image has a depth aspect */
    D3D11VK_FORMAT_STENCIL      = 0x00000004, /* the Vulkan image has a stencil aspect */
    D3D11VK_FORMAT_COMPRESSED   = 0x00000008, /* BC1-BC7: 4x4 blocks */
    D3D11VK_FORMAT_SRGB         = 0x00000010,
    D3D11VK_FORMAT_UINT         = 0x00000020,
    D3D11VK_FORMAT_SINT         = 0x00000040,
    D3D11VK_FORMAT_UNORM        = 0x00000080,
    D3D11VK_FORMAT_SNORM        = 0x00000100,
    D3D11VK_FORMAT_FLOAT        = 0x00000200,
    D3D11VK_FORMAT_VIDEO        = 0x00000400, /* YUV / palettised formats of the video paths */
    D3D11VK_FORMAT_PACKED       = 0x00000800, /* components packed in a 16/32-bit word, or 2x1 422 blocks */
    D3D11VK_FORMAT_PLANAR       = 0x00001000, /* more than one plane (planes > 1) */
    D3D11VK_FORMAT_DSV          = 0x00002000, /* a depth-stencil view format (D16/D24S8/D32/D32S8) */
    D3D11VK_FORMAT_VIEW_ONLY    = 0x00004000, /* R24_UNORM_X8_TYPELESS & co: view formats, never resource formats */
    D3D11VK_FORMAT_SWIZZLED     = 0x00008000, /* swizzle is not the identity: SRVs apply it, RTV/UAV
                                               * users must remap in the pipeline instead (A8_UNORM) */
    D3D11VK_FORMAT_VERTEX       = 0x00010000, /* D3D11 accepts it as an input-layout element format */
    D3D11VK_FORMAT_INDEX        = 0x00020000, /* R16_UINT / R32_UINT */
    D3D11VK_FORMAT_STREAM_OUT   = 0x00040000, /* 32-bit-per-component formats stream output may write */
    D3D11VK_FORMAT_DISPLAY      = 0x00080000, /* swap chain (scan-out) formats */
    D3D11VK_FORMAT_YCBCR        = 0x00100000, /* the Vulkan format needs a sampler Y'CbCr conversion to sample */
    D3D11VK_FORMAT_REPACK       = 0x00200000, /* the D3D memory layout differs from Vulkan's buffer-copy layout
                                               * (combined depth/stencil: Vulkan copies one aspect at a time) */
    D3D11VK_FORMAT_PALETTE      = 0x00400000, /* AI44, IA44, P8, A8P8: no Vulkan equivalent */
    D3D11VK_FORMAT_ATOMIC       = 0x00800000, /* R32_UINT / R32_SINT: D3D11's UAV atomics formats */
    D3D11VK_FORMAT_UAV_LOAD     = 0x01000000, /* R32_UINT/SINT/FLOAT: typed UAV loads without the optional cap */
    D3D11VK_FORMAT_OPAQUE       = 0x02000000, /* 420_OPAQUE: layout is the driver's, never mapped or viewed */
};

/* Which image types a Vulkan format accepts (from vkGetPhysicalDeviceImageFormatProperties2). */
enum d3d11vk_image_types
{
    D3D11VK_IMAGE_1D   = 0x1,
    D3D11VK_IMAGE_2D   = 0x2,
    D3D11VK_IMAGE_3D   = 0x4,
    D3D11VK_IMAGE_CUBE = 0x8,
};

struct d3d11vk_format_info
{
    DXGI_FORMAT dxgi;
    const char *name;                /* "R8G8B8A8_UNORM" (without the DXGI_FORMAT_ prefix) */
    /* Image and buffer format for resources of this DXGI format. Typeless families use a member
     * (images then need VK_IMAGE_CREATE_MUTABLE_FORMAT_BIT); depth-only families use the
     * depth/stencil format. VK_FORMAT_UNDEFINED when Vulkan has no equivalent. */
    VkFormat vk;
    /* The depth/stencil image format when a resource of this family is created with
     * D3D11_BIND_DEPTH_STENCIL; for the SRV formats of such resources (R32_FLOAT, R16_UNORM,
     * R24_UNORM_X8_TYPELESS...) the format of the image they then view. UNDEFINED otherwise. */
    VkFormat vk_depth;
    /* A replacement the device may pick when it lacks vk (D24S8 -> D32S8, B4G4R4A4 -> a
     * mandatory 4444 layout with its own swizzle); UNDEFINED when there is none. */
    VkFormat vk_alt;
    VkImageAspectFlags aspect;       /* what a view of this format reads on an image of format vk */
    VkImageAspectFlags aspect_depth; /* what it reads on an image of format vk_depth (0 if none) */
    VkComponentMapping swizzle;      /* SRV component mapping on vk (identity where not needed) */
    VkComponentMapping swizzle_alt;  /* SRV component mapping on vk_alt */
    DXGI_FORMAT typeless;            /* the family's TYPELESS member, or the format itself if it has none */
    uint8_t block_bytes;             /* bytes per block (per texel for plain formats; luma plane for planar) */
    uint8_t block_width, block_height;
    uint8_t planes;                  /* 1, 2 (luma + interleaved chroma) or 3 */
    uint8_t chroma_shift_x, chroma_shift_y; /* log2 subsampling of planes 1.. */
    uint32_t flags;                  /* enum d3d11vk_format_flags */
    UINT fl11_1_required;            /* D3D11_FORMAT_SUPPORT bits that feature level 11_1 hardware must offer */
    UINT fl11_1_required2;           /* D3D11_FORMAT_SUPPORT2 bits likewise */
};

/* NULL for unknown or out-of-range values (including formats Windows defines that this table
 * does not know); never crashes. */
const struct d3d11vk_format_info *d3d11vk_format_get(DXGI_FORMAT format);
const char *d3d11vk_format_name(DXGI_FORMAT format);

/* D3D11 view rule: a view of a fully typed resource uses the resource's format; a view of a
 * TYPELESS resource uses a non-typeless member of the same family; video formats allow their
 * documented per-plane view formats. DXGI_FORMAT_UNKNOWN is not resolved here (callers
 * substitute the resource format first). */
bool d3d11vk_format_compatible_for_view(DXGI_FORMAT resource, DXGI_FORMAT view);
/* For a view of a planar video resource: the plane index it reads (0 luma, 1 chroma), or -1 if
 * the pair is not a video plane view. */
int d3d11vk_format_video_view_plane(DXGI_FORMAT resource, DXGI_FORMAT view);
/* 4:2:0 two-plane formats the project emulates with one image per plane on every device
 * (NV12, P010, P016): true with each plane's format (luma, then the interleaved chroma at half
 * width and height). */
bool d3d11vk_format_planar_emulated(DXGI_FORMAT format, DXGI_FORMAT planes[2]);
/* CopyResource / CopySubresourceRegion: same typeless family, or a block-compressed format and
 * an uncompressed UINT/SINT format whose texel size equals the block size (D3D10.1 rule:
 * 64-bit BC1/BC4 <-> R16G16B16A16_UINT/SINT, R32G32_UINT/SINT; 128-bit BC2/3/5/6H/7 <->
 * R32G32B32A32_UINT/SINT; R9G9B9E5_SHAREDEXP <-> R32_UINT/SINT). */
bool d3d11vk_format_compatible_for_copy(DXGI_FORMAT a, DXGI_FORMAT b);

/* What the device says about the Vulkan formats of one table row. The caller fills vk from
 * info->vk (or the vk_alt it picked) and depth from info->vk_depth (zeroed when UNDEFINED;
 * identical to vk when both are the same format).
 * - features: VkFormatProperties3 (Vulkan 1.3 / VK_KHR_format_feature_flags2). A caller that only
 *   has VkFormatProperties must add SAMPLED_IMAGE_DEPTH_COMPARISON to depth formats that are
 *   sampleable and the *_WITHOUT_FORMAT bits according to the device features, as Vulkan 1.3 does.
 * - sample_counts: 2D optimal image, usage SAMPLED (if offered) plus the attachment usage the
 *   format offers; 0 for formats that cannot be attachments.
 * - image_types: D3D11VK_IMAGE_* that vkGetPhysicalDeviceImageFormatProperties2 accepts. */
struct d3d11vk_vk_format_caps
{
    VkFormatFeatureFlags2 optimal, linear, buffer;
    VkSampleCountFlags sample_counts;
    uint32_t image_types;
};

struct d3d11vk_format_caps
{
    struct d3d11vk_vk_format_caps vk, depth;
    bool typed_uav_load_additional_formats; /* shaderStorageImageReadWithoutFormat */
    bool logic_op;                          /* VkPhysicalDeviceFeatures::logicOp */
    bool stream_output;                     /* VK_EXT_transform_feedback usable */
};

/* The VkFormats whose properties make up d3d11vk_format_caps (vk, then vk_depth if it
 * differs); returns how many were written (0..2). */
unsigned d3d11vk_format_query_formats(const struct d3d11vk_format_info *info, VkFormat formats[2]);

/* How to ask a device: the caller's dispatch and the device features that matter. Every path
 * (CheckFormatSupport, resource creation, tests) fills its caps through d3d11vk_format_query_caps
 * so the answers cannot drift apart. */
struct d3d11vk_format_query
{
    VkPhysicalDevice phys;
    PFN_vkGetPhysicalDeviceFormatProperties2 get_format_properties2;
    PFN_vkGetPhysicalDeviceImageFormatProperties2 get_image_format_properties2;
    bool format_feature_flags2;        /* Vulkan 1.3 or VK_KHR_format_feature_flags2 */
    bool storage_read_without_format;  /* shaderStorageImageReadWithoutFormat */
    bool storage_write_without_format; /* shaderStorageImageWriteWithoutFormat */
    bool logic_op;
    bool stream_output;
};

/* Fills caps for info's row; with use_alt, vk_alt stands in for vk (and for vk_depth where that
 * is the same format). */
void d3d11vk_format_query_caps(const struct d3d11vk_format_query *query, const struct d3d11vk_format_info *info,
        bool use_alt, struct d3d11vk_format_caps *caps);
/* Whether a device whose answers for vk are caps should use vk_alt instead (vk_alt exists and vk
 * cannot serve the row's main use: depth-stencil attachment for depth rows, sampling otherwise). */
bool d3d11vk_format_needs_alt(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps);

UINT d3d11vk_format_support(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps);
UINT d3d11vk_format_support2(const struct d3d11vk_format_info *info, const struct d3d11vk_format_caps *caps);

/* Tight row pitch of a width-texel row (a row of blocks for BC and 422 pairs, whole bytes for
 * R1_UNORM, the luma plane for planar formats) and the size of one 2D slice with a given row
 * pitch (all planes: chroma planes follow the luma plane, their pitch scaled from the luma
 * pitch, so NV12 is pitch * (h + ceil(h/2))). false for a NULL info and on size_t overflow. */
bool d3d11vk_format_pitch(const struct d3d11vk_format_info *info, UINT width, size_t *row_pitch);
bool d3d11vk_format_slice_size_pitched(const struct d3d11vk_format_info *info, size_t row_pitch,
        UINT height, size_t *size);
bool d3d11vk_format_slice_size(const struct d3d11vk_format_info *info, UINT width, UINT height, size_t *size);
/* Number of block rows in height texel rows of the first plane. */
UINT d3d11vk_format_block_rows(const struct d3d11vk_format_info *info, UINT height);

#endif
