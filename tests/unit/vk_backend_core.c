/* vk_backend_core.c — the backend core on a real device (lavapipe preferred): allocator
 * statistics and suballocation, command-stream round trips (copies, clears, fills, mips,
 * resolve), lifetime of released objects, renaming, command lists replayed twice,
 * timestamps and semaphores, barrier batching. Fails on any Vulkan validation error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "vk_cs.h"

#define VK_STAGING_FREE_MAX_TEST 8   /* staging blocks the device keeps for reuse */

static unsigned failures, checks;

#define CHECK(cond, ...) do { ++checks; if (!(cond)) { ++failures; \
    fprintf(stderr, "%s:%d: FAILED: ", __FILE__, __LINE__); fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); } } while (0)

static struct vk_instance *instance;
static struct vk_device *device;

static bool setup(void)
{
    struct vk_adapter *adapter = NULL;
    uint32_t i;

    if (vk_instance_acquire(&instance) != VK_SUCCESS || !instance->adapter_count)
        return false;
    for (i = 0; i < instance->adapter_count; ++i)
        if (vk_adapter_is_software(instance->adapters[i]))
            adapter = instance->adapters[i];
    if (!adapter)
        adapter = instance->adapters[0];
    if (vk_adapter_get_device(adapter, &device) != VK_SUCCESS)
        return false;
    printf("device: %s, validation %s\n", adapter->properties.properties.deviceName,
            instance->debug_utils ? "on" : "off");
    if (getenv("VK_LOADER_LAYERS_ENABLE"))
        CHECK(instance->messenger != VK_NULL_HANDLE, "validation messages are counted");
    return true;
}

static struct vk_buffer *make_buffer(VkDeviceSize size, enum vk_memory_domain domain, uint32_t flags)
{
    struct vk_buffer_desc desc = { size, 0, domain, flags };
    struct vk_buffer *b = NULL;

    CHECK(vk_buffer_create(device, &desc, &b) == VK_SUCCESS, "buffer of %llu bytes", (unsigned long long)size);
    return b;
}

static struct vk_image *make_image(VkFormat format, uint32_t w, uint32_t h, uint32_t mips, uint32_t layers,
        VkSampleCountFlagBits samples, VkImageUsageFlags usage)
{
    struct vk_image_desc desc = { 0 };
    struct vk_image *img = NULL;

    desc.type = VK_IMAGE_TYPE_2D;
    desc.format = format;
    desc.extent.width = w;
    desc.extent.height = h;
    desc.extent.depth = 1;
    desc.mip_levels = mips;
    desc.array_layers = layers;
    desc.samples = samples;
    desc.usage = usage;
    CHECK(vk_image_create(device, &desc, &img) == VK_SUCCESS, "image %ux%u format %u", w, h, format);
    return img;
}

static VkBufferImageCopy region2d(uint32_t mip, uint32_t layer, uint32_t x, uint32_t y, uint32_t w, uint32_t h,
        VkImageAspectFlags aspect)
{
    VkBufferImageCopy r = { 0 };

    r.imageSubresource.aspectMask = aspect;
    r.imageSubresource.mipLevel = mip;
    r.imageSubresource.baseArrayLayer = layer;
    r.imageSubresource.layerCount = 1;
    r.imageOffset.x = (int32_t)x;
    r.imageOffset.y = (int32_t)y;
    r.imageExtent.width = w;
    r.imageExtent.height = h;
    r.imageExtent.depth = 1;
    return r;
}

/* ---------------------------------------------------------------------------------------- */

static void test_memory(void)
{
    VkBufferCreateInfo bci = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    struct vk_memory_stats s0, s1, s2;
    struct vk_allocation a[8], big, again;
    VkMemoryRequirements reqs;
    VkBuffer probe;
    uint32_t type, i, j;

    /* Real memory type bits from a probe buffer. */
    bci.size = 4096;
    bci.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    device->vk.vkCreateBuffer(device->device, &bci, NULL, &probe);
    device->vk.vkGetBufferMemoryRequirements(device->device, probe, &reqs);
    device->vk.vkDestroyBuffer(device->device, probe, NULL);

    vk_memory_get_stats(device, &s0);
    for (i = 0; i < 8; ++i)
    {
        reqs.size = 1000 + i * 300;
        reqs.alignment = 256;
        CHECK(vk_memory_alloc(device, &reqs, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0, NULL, &a[i]) == VK_SUCCESS, "alloc %u", i);
        CHECK(a[i].offset % 256 == 0, "alignment of %u: %llu", i, (unsigned long long)a[i].offset);
        CHECK(a[i].block != NULL, "suballocated %u", i);
    }
    type = a[0].memory_type;
    for (i = 0; i < 8; ++i)
        for (j = i + 1; j < 8; ++j)
            if (a[i].memory == a[j].memory)
                CHECK(a[i].offset + a[i].size <= a[j].offset || a[j].offset + a[j].size <= a[i].offset,
                        "allocations %u and %u overlap", i, j);
    CHECK(a[0].memory == a[7].memory, "small allocations share a block");
    vk_memory_get_stats(device, &s1);
    CHECK(s1.types[type].used - s0.types[type].used == 8 * 1000 + 300 * 28, "used grew by %llu",
            (unsigned long long)(s1.types[type].used - s0.types[type].used));
    CHECK(s1.types[type].allocation_count - s0.types[type].allocation_count == 8, "8 more allocations");
    CHECK(s1.types[type].block_count >= 1 && s1.types[type].block_count <= s0.types[type].block_count + 1,
            "at most one new block (%u -> %u)", s0.types[type].block_count, s1.types[type].block_count);

    /* A hole is reused at the same place. */
    reqs.size = 1000 + 3 * 300;
    vk_memory_free(device, &a[3]);
    CHECK(vk_memory_alloc(device, &reqs, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0, NULL, &again) == VK_SUCCESS, "realloc");
    CHECK(again.memory == a[0].memory, "hole reused in the same block");
    a[3] = again;

    /* Large: dedicated. */
    reqs.size = 32ull << 20;
    CHECK(vk_memory_alloc(device, &reqs, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0, NULL, &big) == VK_SUCCESS, "big alloc");
    CHECK(!big.block && !big.offset, "32 MiB is dedicated");
    vk_memory_get_stats(device, &s2);
    CHECK(s2.types[big.memory_type].dedicated_count == s0.types[big.memory_type].dedicated_count + 1, "dedicated count");
    CHECK(s2.device_memory_count >= s1.device_memory_count + 1, "device memory count grew");
    vk_memory_free(device, &big);

    /* Host-visible allocations are mapped. */
    reqs.size = 4096;
    CHECK(vk_memory_alloc(device, &reqs, vk_memory_domain_properties(VK_MEM_DOMAIN_UPLOAD), VK_ALLOC_HOST_VISIBLE, NULL, &again)
            == VK_SUCCESS && again.map, "mapped upload allocation");
    if (again.map)
        memset(again.map, 0xab, 4096);
    vk_memory_free(device, &again);

    for (i = 0; i < 8; ++i)
        vk_memory_free(device, &a[i]);
    vk_memory_get_stats(device, &s2);
    CHECK(s2.used == s0.used, "everything freed: used %llu, was %llu", (unsigned long long)s2.used, (unsigned long long)s0.used);
    CHECK(s2.types[type].allocation_count == s0.types[type].allocation_count, "allocation count back");
    CHECK(s2.types[type].dedicated_count == s0.types[type].dedicated_count, "dedicated freed");

    /* Three blocks' worth, then everything freed: at most one empty block is kept. */
    {
        struct vk_allocation many[512];
        uint32_t blocks_before = s2.types[type].block_count, n = 0;

        reqs.size = 1u << 20;
        reqs.alignment = 4096;
        for (n = 0; n < 512; ++n)
        {
            CHECK(vk_memory_alloc(device, &reqs, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, 0, NULL, &many[n]) == VK_SUCCESS, "many %u", n);
            vk_memory_get_stats(device, &s1);
            if (s1.types[type].block_count >= blocks_before + 3)
            {
                ++n;
                break;
            }
        }
        for (i = 0; i < n; ++i)
            vk_memory_free(device, &many[i]);
        vk_memory_get_stats(device, &s2);
        printf("memory: %u x 1 MiB; blocks %u -> %u -> %u, allocated %llu KiB -> %llu KiB\n", n, blocks_before,
                s1.types[type].block_count, s2.types[type].block_count,
                (unsigned long long)(s1.types[type].allocated >> 10), (unsigned long long)(s2.types[type].allocated >> 10));
        CHECK(s1.types[type].block_count >= blocks_before + 3, "new blocks made");
        CHECK(s2.types[type].block_count <= d3d11vk_max(blocks_before, 1u), "empty blocks freed (%u left)",
                s2.types[type].block_count);
        CHECK(s2.types[type].allocated < s1.types[type].allocated, "allocated shrank");
    }
    vk_memory_log_stats(device);
}

/* Upload through the staging ring, copy buffer->image->image->buffer, clears, fills. */
static void test_round_trip(struct vk_cs *cs)
{
    struct vk_image *img = make_image(VK_FORMAT_R8G8B8A8_UNORM, 64, 64, 2, 1, VK_SAMPLE_COUNT_1_BIT,
            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT);
    struct vk_image *img2 = make_image(VK_FORMAT_R8G8B8A8_UINT, 64, 64, 1, 2, VK_SAMPLE_COUNT_1_BIT, 0);
    struct vk_image *depth = make_image(VK_FORMAT_D32_SFLOAT, 16, 16, 1, 1, VK_SAMPLE_COUNT_1_BIT,
            VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT);
    struct vk_buffer *rb = make_buffer(64 * 64 * 4 * 4, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_buffer *dev = make_buffer(4096, VK_MEM_DOMAIN_DEVICE, 0);
    struct vk_image_view_desc vd = { 0 };
    struct vk_image_view *rtv = NULL;
    struct vk_bufref src, dst;
    VkClearColorValue color = { .float32 = { 1.0f, 0.0f, 0.0f, 1.0f } };
    VkClearDepthStencilValue dv = { 0.25f, 0 };
    VkImageSubresourceRange range = { VK_IMAGE_ASPECT_COLOR_BIT, 1, 1, 0, 1 };
    VkImageCopy ic = { 0 };
    VkClearValue cv;
    VkRect2D rects[2] = { { { 4, 4 }, { 8, 8 } }, { { 60, 60 }, { 100, 100 } } };
    VkBufferImageCopy r;
    uint32_t *pix, x, y, bad = 0;
    uint8_t *base;
    float *dep;
    void *ptr;
    uint64_t value;

    if (!img || !img2 || !depth || !rb || !dev)
        return;
    /* Mip 0 from the staging ring: pixel (x, y) = x | y << 8 | 0x55 << 16 | 0xff << 24. */
    CHECK(vk_cs_staging_alloc(cs, 64 * 64 * 4, 16, &src, &ptr), "staging alloc");
    pix = ptr;
    for (y = 0; y < 64; ++y)
        for (x = 0; x < 64; ++x)
            pix[y * 64 + x] = x | y << 8 | 0x55u << 16 | 0xffu << 24;
    r = region2d(0, 0, 0, 0, 64, 64, VK_IMAGE_ASPECT_COLOR_BIT);
    CHECK(vk_cs_cmd_copy_buffer_to_image(cs, img, &src, &r), "record upload");
    CHECK(vk_cs_cmd_clear_color_image(cs, img, &color, &range), "record clear");
    /* A view clear with rects on mip 0 (second rect clamped). */
    vd.type = VK_IMAGE_VIEW_TYPE_2D;
    vd.format = VK_FORMAT_R8G8B8A8_UNORM;
    vd.mip_count = 1;
    vd.layer_count = 1;
    CHECK(vk_image_view_create(img, &vd, &rtv) == VK_SUCCESS, "rtv");
    cv.color.float32[0] = 0.0f;
    cv.color.float32[1] = 0.0f;
    cv.color.float32[2] = 1.0f;
    cv.color.float32[3] = 1.0f;
    if (rtv)
        CHECK(vk_cs_cmd_clear_view(cs, rtv, &cv, 0, rects, 2), "record clear view");
    /* Image -> image (UNORM -> UINT, same size class) into layer 1 of img2 at an offset. */
    ic.srcSubresource.aspectMask = ic.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    ic.srcSubresource.layerCount = ic.dstSubresource.layerCount = 1;
    ic.dstSubresource.baseArrayLayer = 1;
    ic.srcOffset.x = 2;
    ic.srcOffset.y = 3;
    ic.dstOffset.x = 5;
    ic.dstOffset.y = 7;
    ic.extent.width = 20;
    ic.extent.height = 10;
    ic.extent.depth = 1;
    CHECK(vk_cs_cmd_copy_image(cs, img2, img, &ic), "record image copy");
    /* Read back: img mip 0 at 0, img mip 1 at 16 KiB, img2 layer 1 at 32 KiB (row pitch 64). */
    vk_buffer_ref(rb, 0, &dst);
    r = region2d(0, 0, 0, 0, 64, 64, VK_IMAGE_ASPECT_COLOR_BIT);
    CHECK(vk_cs_cmd_copy_image_to_buffer(cs, &dst, img, &r), "record readback 0");
    vk_buffer_ref(rb, 16384, &dst);
    r = region2d(1, 0, 0, 0, 32, 32, VK_IMAGE_ASPECT_COLOR_BIT);
    CHECK(vk_cs_cmd_copy_image_to_buffer(cs, &dst, img, &r), "record readback 1");
    vk_buffer_ref(rb, 32768, &dst);
    r = region2d(0, 1, 0, 0, 64, 64, VK_IMAGE_ASPECT_COLOR_BIT);
    CHECK(vk_cs_cmd_copy_image_to_buffer(cs, &dst, img2, &r), "record readback 2");
    /* Depth clear and readback into the device buffer, then to rb's tail; fill + copy. */
    range.aspectMask = VK_IMAGE_ASPECT_DEPTH_BIT;
    range.baseMipLevel = 0;
    CHECK(vk_cs_cmd_clear_depth_stencil_image(cs, depth, &dv, &range), "record depth clear");
    vk_buffer_ref(dev, 0, &dst);
    r = region2d(0, 0, 0, 0, 16, 16, VK_IMAGE_ASPECT_DEPTH_BIT);
    CHECK(vk_cs_cmd_copy_image_to_buffer(cs, &dst, depth, &r), "record depth readback");
    vk_buffer_ref(dev, 1024, &dst);
    CHECK(vk_cs_cmd_fill_buffer(cs, &dst, 256, 0xdeadbeef), "record fill");
    vk_buffer_ref(dev, 0, &src);
    vk_buffer_ref(rb, 49152, &dst);
    CHECK(vk_cs_cmd_copy_buffer(cs, &dst, &src, 2048), "record buffer copy");

    value = vk_cs_sync(cs);
    CHECK(value > 0, "timeline value %llu", (unsigned long long)value);
    CHECK(vk_device_wait_timeline(device, value, 5000000000ull), "wait");
    CHECK(vk_device_timeline_completed(device) >= value, "completed");

    base = vk_buffer_map(rb);
    CHECK(base != NULL, "readback mapped");
    if (!base)
        goto done;
    pix = (uint32_t *)base;
    for (y = 0; y < 64; ++y)
        for (x = 0; x < 64; ++x)
        {
            bool in_rect = (x >= 4 && x < 12 && y >= 4 && y < 12) || (x >= 60 && y >= 60);
            uint32_t expect = in_rect ? 0xffff0000u : (x | y << 8 | 0x55u << 16 | 0xffu << 24);

            if (pix[y * 64 + x] != expect && !bad++)
                CHECK(0, "mip 0 (%u,%u) = %08x, expected %08x", x, y, pix[y * 64 + x], expect);
        }
    CHECK(!bad, "%u bad pixels in mip 0", bad);
    pix = (uint32_t *)(base + 16384);
    for (bad = 0, x = 0; x < 32 * 32; ++x)
        bad += pix[x] != 0xff0000ffu;
    CHECK(!bad, "%u bad pixels in mip 1 (first %08x)", bad, pix[0]);
    pix = (uint32_t *)(base + 32768);
    for (bad = 0, y = 0; y < 64; ++y)
        for (x = 0; x < 64; ++x)
        {
            uint32_t expect = 0;
            uint32_t sx = x - 5 + 2, sy = y - 7 + 3;

            if (x >= 5 && x < 25 && y >= 7 && y < 17)
                expect = (sx >= 4 && sx < 12 && sy >= 4 && sy < 12) ? 0xffff0000u : (sx | sy << 8 | 0x55u << 16 | 0xffu << 24);
            else
                continue;   /* outside the copy: undefined */
            bad += pix[y * 64 + x] != expect;
        }
    CHECK(!bad, "%u bad pixels in the image copy", bad);
    dep = (float *)(base + 49152);
    for (bad = 0, x = 0; x < 256; ++x)
        bad += dep[x] != 0.25f;
    CHECK(!bad, "%u bad depth values (first %f)", bad, dep[0]);
    pix = (uint32_t *)(base + 49152 + 1024);
    for (bad = 0, x = 0; x < 64; ++x)
        bad += pix[x] != 0xdeadbeef;
    CHECK(!bad, "%u bad filled words", bad);
done:
    if (rtv)
        vk_image_view_release(rtv);
    vk_image_release(img);
    vk_image_release(img2);
    vk_image_release(depth);
    vk_buffer_release(rb);
    vk_buffer_release(dev);
}

/* BC1 blocks <-> R32G32_UINT texels (size-compatible copy), typeless-style view list. */
static void test_block_copy(struct vk_cs *cs)
{
    static const VkFormat views[] = { VK_FORMAT_BC1_RGBA_UNORM_BLOCK, VK_FORMAT_BC1_RGBA_SRGB_BLOCK };
    struct vk_image_desc desc = { 0 };
    struct vk_image *bc = NULL, *u = make_image(VK_FORMAT_R32G32_UINT, 2, 2, 1, 1, VK_SAMPLE_COUNT_1_BIT, 0);
    struct vk_buffer *rb = make_buffer(256, VK_MEM_DOMAIN_READBACK, 0);
    VkFormatProperties fp;
    VkBufferImageCopy r;
    VkImageCopy ic = { 0 };
    struct vk_bufref s, d;
    uint32_t *p, i, bad = 0;
    void *ptr;

    vkGetPhysicalDeviceFormatProperties(device->adapter->physical_device, VK_FORMAT_BC1_RGBA_UNORM_BLOCK, &fp);
    if (!(fp.optimalTilingFeatures & VK_FORMAT_FEATURE_TRANSFER_DST_BIT))
    {
        printf("BC1 not offered: block copy not tested\n");
        goto done;
    }
    desc.type = VK_IMAGE_TYPE_2D;
    desc.format = VK_FORMAT_BC1_RGBA_UNORM_BLOCK;
    desc.view_formats = views;
    desc.view_format_count = 2;
    desc.flags = VK_IMG_MUTABLE_FORMAT;
    desc.extent.width = desc.extent.height = 8;
    desc.extent.depth = 1;
    desc.mip_levels = desc.array_layers = 1;
    desc.usage = VK_IMAGE_USAGE_SAMPLED_BIT;
    CHECK(vk_image_create(device, &desc, &bc) == VK_SUCCESS, "BC1 image");
    if (!bc || !u || !rb)
        goto done;
    /* 2x2 blocks of 8 bytes uploaded, copied block-for-texel into the uint image, read back. */
    CHECK(vk_cs_staging_alloc(cs, 32, 16, &s, &ptr), "staging");
    for (i = 0, p = ptr; i < 8; ++i)
        p[i] = 0x01020304u * (i + 1);
    r = region2d(0, 0, 0, 0, 8, 8, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_buffer_to_image(cs, bc, &s, &r);
    ic.srcSubresource.aspectMask = ic.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    ic.srcSubresource.layerCount = ic.dstSubresource.layerCount = 1;
    ic.extent.width = ic.extent.height = 8;   /* in source texels */
    ic.extent.depth = 1;
    CHECK(vk_cs_cmd_copy_image(cs, u, bc, &ic), "record block copy");
    vk_buffer_ref(rb, 0, &d);
    r = region2d(0, 0, 0, 0, 2, 2, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_image_to_buffer(cs, &d, u, &r);
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
    for (i = 0, p = vk_buffer_map(rb); i < 8; ++i)
        bad += p[i] != 0x01020304u * (i + 1);
    CHECK(!bad, "%u bad words after BC1 -> uint copy (first %08x)", bad, p[0]);
done:
    if (bc)
        vk_image_release(bc);
    if (u)
        vk_image_release(u);
    if (rb)
        vk_buffer_release(rb);
}

/* Releasing right after recording a copy from an object: the copy still reads it. */
static void test_lifetime(struct vk_cs *cs)
{
    struct vk_buffer *src = make_buffer(1 << 20, VK_MEM_DOMAIN_UPLOAD, 0);
    struct vk_buffer *dst = make_buffer(1 << 20, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_memory_stats before, after;
    struct vk_bufref s, d;
    uint32_t *p, i, bad = 0;

    if (!src || !dst)
        return;
    p = vk_buffer_map(src);
    for (i = 0; i < (1 << 18); ++i)
        p[i] = i * 2654435761u;
    vk_buffer_ref(src, 0, &s);
    vk_buffer_ref(dst, 0, &d);
    CHECK(vk_cs_cmd_copy_buffer(cs, &d, &s, 1 << 20), "record");
    vk_memory_get_stats(device, &before);
    vk_buffer_release(src);                       /* the stream keeps it alive */
    vk_memory_get_stats(device, &after);
    CHECK(after.used == before.used, "released source still allocated before submission");
    CHECK(vk_cs_object_busy(cs, d.owner), "destination busy while unflushed");
    CHECK(vk_cs_wait_object(cs, d.owner, 5000000000ull), "wait for the copy");
    CHECK(!vk_cs_object_busy(cs, d.owner), "destination idle after the wait");
    p = vk_buffer_map(dst);
    for (i = 0; i < (1 << 18); ++i)
        bad += p[i] != i * 2654435761u;
    CHECK(!bad, "%u bad words after the source was released", bad);
    vk_device_collect_garbage(device);
    vk_memory_get_stats(device, &after);
    CHECK(after.used + (1 << 20) <= before.used, "released source freed once done (%llu -> %llu)",
            (unsigned long long)before.used, (unsigned long long)after.used);
    vk_buffer_release(dst);
}

/* WRITE_DISCARD renaming: commands recorded before the rename read the old contents. */
static void test_rename(struct vk_cs *cs)
{
    struct vk_buffer *dyn = make_buffer(256, VK_MEM_DOMAIN_UPLOAD, VK_BUF_DISCARDABLE);
    struct vk_buffer *dst = make_buffer(256 * 8, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_bufref s, d;
    uint32_t *p, i, k, bad = 0;
    void *first;

    if (!dyn || !dst)
        return;
    first = vk_buffer_map(dyn);
    CHECK(vk_buffer_rename(dyn) == VK_SUCCESS && vk_buffer_map(dyn) == first, "unused slice kept on rename");
    for (k = 0; k < 8; ++k)
    {
        CHECK(vk_buffer_rename(dyn) == VK_SUCCESS, "rename %u", k);
        p = vk_buffer_map(dyn);
        for (i = 0; i < 64; ++i)
            p[i] = k * 1000 + i;
        vk_buffer_ref(dyn, 0, &s);
        vk_buffer_ref(dst, 256 * k, &d);
        CHECK(vk_cs_cmd_copy_buffer(cs, &d, &s, 256), "record %u", k);
        if (k == 3)
            vk_cs_flush(cs);
    }
    CHECK(vk_cs_object_busy(cs, s.owner), "current slice busy");
    vk_cs_wait_object(cs, s.owner, 5000000000ull);
    p = vk_buffer_map(dst);
    for (k = 0; k < 8; ++k)
        for (i = 0; i < 64; ++i)
            bad += p[k * 64 + i] != k * 1000 + i;
    CHECK(!bad, "%u bad words across renames", bad);
    vk_buffer_release(dyn);
    vk_buffer_release(dst);
}

/* A command list replayed twice picks up the data of each time. */
static void test_cmdlist(struct vk_cs *cs)
{
    struct vk_buffer *src = make_buffer(1024, VK_MEM_DOMAIN_DEVICE, 0);
    struct vk_buffer *dst = make_buffer(2048, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_cmdlist *list;
    struct vk_cs *def = NULL;
    struct vk_bufref s, d;
    uint32_t *p, i, bad = 0;
    void *ptr;

    CHECK(vk_cs_create(device, VK_CS_DEFERRED, &def) == VK_SUCCESS, "deferred stream");
    if (!src || !dst || !def)
        return;
    /* The list: copy src -> dst[0..1024), then a staged constant into dst[1024..2048). */
    vk_buffer_ref(src, 0, &s);
    vk_buffer_ref(dst, 0, &d);
    CHECK(vk_cs_cmd_copy_buffer(def, &d, &s, 1024), "deferred copy");
    CHECK(vk_cs_staging_alloc(def, 1024, 16, &s, &ptr), "deferred staging");
    memset(ptr, 0x5a, 1024);
    vk_buffer_ref(dst, 1024, &d);
    CHECK(vk_cs_cmd_copy_buffer(def, &d, &s, 1024), "deferred staged copy");
    CHECK((list = vk_cs_finish(def)) != NULL, "finish");
    vk_cs_destroy(def);                          /* the list outlives its stream */
    if (!list)
        return;

    vk_buffer_ref(src, 0, &d);
    CHECK(vk_cs_cmd_fill_buffer(cs, &d, 1024, 0x11111111), "fill 1");
    CHECK(vk_cs_execute(cs, list), "execute 1");
    vk_cs_wait_object(cs, &dst->slice->obj, 5000000000ull);
    p = vk_buffer_map(dst);
    for (i = 0; i < 256; ++i)
        bad += p[i] != 0x11111111 || p[256 + i] != 0x5a5a5a5a;
    CHECK(!bad, "%u bad words after the first execution", bad);

    memset(p, 0, 2048);
    CHECK(vk_cs_cmd_fill_buffer(cs, &d, 1024, 0x22222222), "fill 2");
    CHECK(vk_cs_execute(cs, list), "execute 2");
    vk_cmdlist_release(list);                    /* the stream keeps the chunks */
    vk_cs_wait_object(cs, &dst->slice->obj, 5000000000ull);
    for (bad = 0, i = 0; i < 256; ++i)
        bad += p[i] != 0x22222222 || p[256 + i] != 0x5a5a5a5a;
    CHECK(!bad, "%u bad words after the second execution", bad);
    vk_buffer_release(src);
    vk_buffer_release(dst);
}

/* Generate mips (box filter of a 2x2 pattern) and an MSAA resolve. */
static void test_mips_resolve(struct vk_cs *cs)
{
    struct vk_image *img = make_image(VK_FORMAT_R8G8B8A8_UNORM, 4, 4, 3, 1, VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_USAGE_SAMPLED_BIT);
    struct vk_image *ms = make_image(VK_FORMAT_R8G8B8A8_UNORM, 8, 8, 1, 1, VK_SAMPLE_COUNT_4_BIT,
            VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT);
    struct vk_image *rs = make_image(VK_FORMAT_R8G8B8A8_UNORM, 8, 8, 1, 1, VK_SAMPLE_COUNT_1_BIT, 0);
    struct vk_buffer *rb = make_buffer(4096, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_image_view_desc vd = { 0 };
    struct vk_image_view *view = NULL;
    VkImageResolve res = { 0 };
    VkBufferImageCopy r;
    struct vk_bufref s, d;
    VkClearValue cv = { .color = { .float32 = { 0.0f, 1.0f, 0.0f, 0.5f } } };
    uint32_t *pix, i, bad = 0;
    uint8_t *b;
    void *ptr;

    if (!img || !ms || !rs || !rb)
        return;
    CHECK(vk_cs_staging_alloc(cs, 64, 4, &s, &ptr), "staging");
    pix = ptr;
    for (i = 0; i < 16; ++i)   /* columns alternate 0 and 200 in red, rows 0 and 100 in green */
        pix[i] = ((i & 1) ? 200u : 0u) | (((i >> 2) & 1) ? 100u : 0u) << 8 | 0xffu << 24;
    r = region2d(0, 0, 0, 0, 4, 4, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_buffer_to_image(cs, img, &s, &r);
    CHECK(vk_cs_cmd_generate_mips(cs, img, 0, 3, 0, 1), "record mips");
    vk_buffer_ref(rb, 0, &d);
    r = region2d(1, 0, 0, 0, 2, 2, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_image_to_buffer(cs, &d, img, &r);
    vk_buffer_ref(rb, 64, &d);
    r = region2d(2, 0, 0, 0, 1, 1, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_image_to_buffer(cs, &d, img, &r);

    vd.type = VK_IMAGE_VIEW_TYPE_2D;
    vd.format = VK_FORMAT_R8G8B8A8_UNORM;
    vd.mip_count = vd.layer_count = 1;
    CHECK(vk_image_view_create(ms, &vd, &view) == VK_SUCCESS, "msaa view");
    if (view)
        vk_cs_cmd_clear_view(cs, view, &cv, 0, NULL, 0);
    res.srcSubresource.aspectMask = res.dstSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    res.srcSubresource.layerCount = res.dstSubresource.layerCount = 1;
    res.extent.width = res.extent.height = 8;
    res.extent.depth = 1;
    CHECK(vk_cs_cmd_resolve_image(cs, rs, ms, &res), "record resolve");
    vk_buffer_ref(rb, 1024, &d);
    r = region2d(0, 0, 0, 0, 8, 8, VK_IMAGE_ASPECT_COLOR_BIT);
    vk_cs_cmd_copy_image_to_buffer(cs, &d, rs, &r);
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);

    b = vk_buffer_map(rb);
    for (i = 0; i < 4; ++i)   /* each 2x2 box averages 0/200 red and 0/100 green exactly */
        bad += abs(b[i * 4] - 100) > 1 || abs(b[i * 4 + 1] - 50) > 1 || b[i * 4 + 3] != 255;
    CHECK(!bad, "mip 1 box filter: %u %u %u %u", b[0], b[1], b[2], b[3]);
    CHECK(abs(b[64] - 100) <= 1 && abs(b[65] - 50) <= 1, "mip 2: %u %u", b[64], b[65]);
    for (bad = 0, i = 0; i < 64; ++i)
        bad += b[1024 + i * 4] != 0 || b[1024 + i * 4 + 1] != 255 || abs(b[1024 + i * 4 + 3] - 128) > 1;
    CHECK(!bad, "%u bad resolved pixels (first %u %u %u %u)", bad, b[1024], b[1025], b[1026], b[1027]);
    if (view)
        vk_image_view_release(view);
    vk_image_release(img);
    vk_image_release(ms);
    vk_image_release(rs);
    vk_buffer_release(rb);
}

/* Timestamps, semaphore signal/wait through the stream, batch completion. */
static void test_sync(struct vk_cs *cs)
{
    struct vk_query_pool *pool = NULL;
    struct vk_semaphore *sem = NULL;
    struct vk_buffer *dst = make_buffer(256, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_bufref d;
    uint64_t ts[2] = { 0, 0 }, batch;
    uint32_t *p;

    CHECK(vk_query_pool_create(device, VK_QUERY_TYPE_TIMESTAMP, 4, &pool) == VK_SUCCESS, "query pool");
    CHECK(vk_semaphore_create(device, 0, &sem) == VK_SUCCESS, "semaphore");
    if (!pool || !sem || !dst)
        return;
    vk_cs_cmd_reset_queries(cs, pool, 0, 2);
    vk_cs_cmd_write_timestamp(cs, pool, 0);
    vk_buffer_ref(dst, 0, &d);
    vk_cs_cmd_fill_buffer(cs, &d, 256, 1);
    vk_cs_cmd_write_timestamp(cs, pool, 1);
    vk_cs_cmd_signal_semaphore(cs, sem, 5);
    batch = vk_cs_current_batch(cs);
    CHECK(!vk_cs_batch_complete(cs, batch, false), "unflushed batch is not complete");
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
    CHECK(vk_cs_batch_complete(cs, batch, false), "synced batch complete");
    CHECK(vk_query_pool_get_results(pool, 0, 2, ts, false) == VK_SUCCESS, "timestamps available");
    CHECK(ts[1] >= ts[0], "timestamps ordered: %llu %llu", (unsigned long long)ts[0], (unsigned long long)ts[1]);
    CHECK(vk_semaphore_value(sem) == 5, "semaphore signalled by the stream: %llu", (unsigned long long)vk_semaphore_value(sem));

    /* An empty point (event query End right after a sync) completes only once flushed. */
    batch = vk_cs_current_batch(cs);
    plat_sleep_ms(10);
    CHECK(!vk_cs_batch_complete(cs, batch, false), "empty unflushed point not complete");
    vk_cs_batch_complete(cs, batch, true);
    CHECK(vk_device_wait_timeline(device, vk_cs_batch_timeline(cs, batch), 5000000000ull), "point done after flush");
    CHECK(vk_cs_batch_complete(cs, batch, false), "point complete");

    /* The stream waits for the host to signal 7 before filling. */
    vk_cs_cmd_wait_semaphore(cs, sem, 7);
    vk_cs_cmd_fill_buffer(cs, &d, 256, 2);
    batch = vk_cs_current_batch(cs);
    vk_cs_flush(cs);
    plat_sleep_ms(50);
    CHECK(!vk_cs_batch_complete(cs, batch, true), "waiting batch not complete before the signal");
    p = vk_buffer_map(dst);
    CHECK(p[0] == 1, "fill not run before the signal (%u)", p[0]);
    CHECK(vk_semaphore_signal(sem, 7) == VK_SUCCESS, "host signal");
    CHECK(vk_device_wait_timeline(device, vk_cs_batch_timeline(cs, batch), 5000000000ull), "wait after signal");
    CHECK(p[0] == 2 && p[63] == 2, "fill ran after the signal (%u)", p[0]);
    vk_query_pool_release(pool);
    vk_semaphore_release(sem);
    vk_buffer_release(dst);
}

/* Independent copies share one barrier; dependent ones get one each. */
static void test_barriers(struct vk_cs *cs)
{
    struct vk_buffer *a = make_buffer(1 << 16, VK_MEM_DOMAIN_DEVICE, 0);
    struct vk_buffer *b = make_buffer(1 << 16, VK_MEM_DOMAIN_DEVICE, 0);
    struct vk_buffer *rb = make_buffer(1 << 16, VK_MEM_DOMAIN_READBACK, 0);
    struct vk_cs_stats s0, s1, s2;
    struct vk_bufref s, d;
    uint32_t i, *p, bad = 0;

    if (!a || !b || !rb)
        return;
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
    vk_cs_get_stats(cs, &s0);
    for (i = 0; i < 16; ++i)   /* 16 fills of disjoint ranges */
    {
        vk_buffer_ref(a, i * 4096, &d);
        vk_cs_cmd_fill_buffer(cs, &d, 4096, i);
    }
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
    vk_cs_get_stats(cs, &s1);
    CHECK(s1.barriers - s0.barriers == 1, "independent fills: %llu barriers", (unsigned long long)(s1.barriers - s0.barriers));
    for (i = 0; i < 8; ++i)    /* a -> b -> a ...: each depends on the last */
    {
        vk_buffer_ref(i & 1 ? b : a, 0, &s);
        vk_buffer_ref(i & 1 ? a : b, 0, &d);
        vk_cs_cmd_copy_buffer(cs, &d, &s, 1 << 16);
    }
    vk_buffer_ref(a, 0, &s);
    vk_buffer_ref(rb, 0, &d);
    vk_cs_cmd_copy_buffer(cs, &d, &s, 1 << 16);
    vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
    vk_cs_get_stats(cs, &s2);
    CHECK(s2.barriers - s1.barriers == 9, "dependent copies: %llu barriers", (unsigned long long)(s2.barriers - s1.barriers));
    p = vk_buffer_map(rb);
    for (i = 0; i < (1 << 14); ++i)
        bad += p[i] != i / 1024;
    CHECK(!bad, "%u bad words through the copy chain", bad);
    /* Readbacks of four mips into disjoint ranges of one buffer need no barrier between them. */
    {
        struct vk_image *img = make_image(VK_FORMAT_R8G8B8A8_UNORM, 16, 16, 4, 1, VK_SAMPLE_COUNT_1_BIT, 0);
        VkClearColorValue color = { .uint32 = { 0 } };
        VkImageSubresourceRange range = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 4, 0, 1 };
        struct vk_cs_stats s3;
        VkBufferImageCopy r;

        if (img)
        {
            vk_cs_cmd_clear_color_image(cs, img, &color, &range);
            vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
            vk_cs_get_stats(cs, &s2);
            for (i = 0; i < 4; ++i)
            {
                r = region2d(i, 0, 0, 0, 16 >> i, 16 >> i, VK_IMAGE_ASPECT_COLOR_BIT);
                vk_buffer_ref(rb, i * 1024, &d);
                vk_cs_cmd_copy_image_to_buffer(cs, &d, img, &r);
            }
            vk_device_wait_timeline(device, vk_cs_sync(cs), 5000000000ull);
            vk_cs_get_stats(cs, &s3);
            CHECK(s3.barriers - s2.barriers == 1, "disjoint readbacks: %llu barriers", (unsigned long long)(s3.barriers - s2.barriers));
            vk_image_release(img);
        }
    }
    printf("stream: %llu commands, %llu submissions, %llu barriers, %llu chunks\n", (unsigned long long)s2.commands,
            (unsigned long long)s2.submissions, (unsigned long long)s2.barriers, (unsigned long long)s2.chunks);
    vk_buffer_release(a);
    vk_buffer_release(b);
    vk_buffer_release(rb);
}

/* Two immediate streams on one device, each on its own thread, sharing the queue and the
 * timeline; every object is released by the thread right after recording. */
struct thread_args
{
    uint32_t seed, bad, iterations, done;
};

static void stream_thread(void *arg)
{
    struct thread_args *t = arg;
    struct vk_cs *cs = NULL;
    uint32_t it, i;

    if (vk_cs_create(device, VK_CS_IMMEDIATE, &cs) != VK_SUCCESS)
    {
        t->bad = ~0u;
        return;
    }
    for (it = 0; it < t->iterations; ++it)
    {
        struct vk_buffer_desc dd = { 4096, 0, VK_MEM_DOMAIN_DEVICE, 0 }, rd = { 4096, 0, VK_MEM_DOMAIN_READBACK, 0 };
        struct vk_buffer *mid = NULL, *rb = NULL;
        struct vk_bufref s, d;
        uint32_t *p, expect = t->seed * 100000 + it;
        void *ptr;

        if (vk_buffer_create(device, &dd, &mid) != VK_SUCCESS || vk_buffer_create(device, &rd, &rb) != VK_SUCCESS
                || !vk_cs_staging_alloc(cs, 4096, 16, &s, &ptr))
        {
            ++t->bad;
            break;
        }
        for (i = 0, p = ptr; i < 1024; ++i)
            p[i] = expect + i;
        vk_buffer_ref(mid, 0, &d);
        vk_cs_cmd_copy_buffer(cs, &d, &s, 4096);
        vk_buffer_ref(mid, 0, &s);
        vk_buffer_release(mid);                  /* the stream keeps it until done */
        vk_buffer_ref(rb, 0, &d);
        vk_cs_cmd_copy_buffer(cs, &d, &s, 4096);
        if (it % 3)
            vk_cs_flush(cs);                     /* sometimes several iterations per batch */
        if (!vk_cs_wait_object(cs, d.owner, 10000000000ull))
            ++t->bad;
        for (i = 0, p = vk_buffer_map(rb); i < 1024; ++i)
            t->bad += p[i] != expect + i;
        vk_buffer_release(rb);
        ++t->done;
    }
    vk_cs_destroy(cs);
}

static void test_threads(void)
{
    struct thread_args args[3] = { { 1, 0, 150 }, { 2, 0, 150 }, { 3, 0, 150 } };
    struct plat_thread *threads[3];
    struct vk_memory_stats before, after;
    uint32_t i;

    vk_memory_get_stats(device, &before);
    for (i = 0; i < 3; ++i)
        threads[i] = plat_thread_start(stream_thread, &args[i], "test-stream");
    for (i = 0; i < 3; ++i)
    {
        plat_thread_join(threads[i]);
        CHECK(!args[i].bad, "thread %u: %u bad words", i, args[i].bad);
        CHECK(args[i].done == args[i].iterations, "thread %u: %u iterations done", i, args[i].done);
    }
    vk_device_collect_garbage(device);
    vk_memory_get_stats(device, &after);
    /* Only staging blocks kept for reuse may remain. */
    CHECK(after.used <= before.used + VK_STAGING_FREE_MAX_TEST * (4u << 20), "memory released: %llu -> %llu",
            (unsigned long long)before.used, (unsigned long long)after.used);
}

int main(int argc, char **argv)
{
    const char *only = argc > 1 ? argv[1] : NULL;
    struct vk_cs *cs = NULL;
    uint32_t errors;

    if (!setup())
    {
        fprintf(stderr, "SKIP: no Vulkan device\n");
        return 77;
    }
#define RUN(name, ...) if (!only || !strcmp(only, #name)) { printf("test_%s\n", #name); test_##name(__VA_ARGS__); }
    RUN(memory);
    CHECK(vk_cs_create(device, VK_CS_IMMEDIATE, &cs) == VK_SUCCESS, "immediate stream");
    if (cs)
    {
        RUN(round_trip, cs);
        RUN(block_copy, cs);
        RUN(lifetime, cs);
        RUN(rename, cs);
        RUN(cmdlist, cs);
        RUN(mips_resolve, cs);
        RUN(sync, cs);
        RUN(barriers, cs);
        vk_cs_destroy(cs);
    }
    RUN(threads);
#undef RUN
    vk_device_release(device);
    errors = instance->validation_errors;
    CHECK(!errors, "%u Vulkan validation errors", errors);
    vk_instance_release(instance);
    printf("%u checks, %u failures\n", checks, failures);
    return failures ? 1 : 0;
}
