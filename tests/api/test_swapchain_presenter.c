/* test_swapchain_presenter.c — the backend presenter on its own (native build, Xlib window on
 * the X server of $DISPLAY): colours and formats reaching the screen, scaling, resize
 * (swapchain recreation), frame completion callbacks and latency. The screen is read back
 * with ImageMagick's `import`. Exit 77 (skip) when there is no X display. */
#include "vk_backend.h"
#include "presenter.h"
#include "vk_resource.h"
#include <stdio.h>
#include <X11/Xlib.h>
#include <vulkan/vulkan_xlib.h>

static unsigned int checks, failures;

#define check(cond, ...) do { ++checks; if (!(cond)) { ++failures; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); printf("\n"); fflush(stdout); } } while (0)

struct xwin
{
    Display *dpy;
    Window win;
};

static VkResult create_xlib_surface(void *user, VkInstance instance, VkSurfaceKHR *surface)
{
    struct xwin *w = user;
    VkXlibSurfaceCreateInfoKHR info = { VK_STRUCTURE_TYPE_XLIB_SURFACE_CREATE_INFO_KHR };
    PFN_vkCreateXlibSurfaceKHR create = (PFN_vkCreateXlibSurfaceKHR)vkGetInstanceProcAddr(instance, "vkCreateXlibSurfaceKHR");

    if (!create)
        return VK_ERROR_EXTENSION_NOT_PRESENT;
    info.dpy = w->dpy;
    info.window = w->win;
    return create(instance, &info, NULL, surface);
}

static volatile LONG frames_done;
static uint64_t last_done_id;

static void frame_cb(void *user, uint64_t id, uint64_t tag, uint64_t time_ns)
{
    (void)user; (void)time_ns; (void)tag;
    check(id == last_done_id + 1, "frame %llu completed after %llu", (unsigned long long)id, (unsigned long long)last_done_id);
    last_done_id = id;
    atomic_inc_u32(&frames_done);
}

/* A source image filled with one colour through a clear, left in GENERAL layout as the
 * backend's layout policy says. */
struct source
{
    struct vk_image image;
    VkDeviceMemory memory;
};

static bool source_create(struct vk_device *device, VkFormat format, uint32_t w, uint32_t h,
        const VkClearColorValue *color, struct source *s)
{
    VkImageCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    VkCommandPoolCreateInfo pool_info = { VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO };
    VkCommandBufferAllocateInfo cb_info = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO };
    VkCommandBufferBeginInfo begin = { VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO };
    VkSubmitInfo submit = { VK_STRUCTURE_TYPE_SUBMIT_INFO };
    VkImageMemoryBarrier b = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER };
    static const VkImageSubresourceRange range = { VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1 };
    VkMemoryRequirements reqs;
    VkCommandPool pool;
    VkCommandBuffer cb;
    uint32_t i;

    memset(s, 0, sizeof(*s));
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = format;
    info.extent.width = w;
    info.extent.height = h;
    info.extent.depth = 1;
    info.mipLevels = info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (device->vk.vkCreateImage(device->device, &info, NULL, &s->image.image) != VK_SUCCESS)
        return false;
    device->vk.vkGetImageMemoryRequirements(device->device, s->image.image, &reqs);
    alloc.allocationSize = reqs.size;
    for (i = 0; i < device->adapter->memory.memoryTypeCount; ++i)
        if (reqs.memoryTypeBits & (1u << i))
            break;
    alloc.memoryTypeIndex = i;
    if (device->vk.vkAllocateMemory(device->device, &alloc, NULL, &s->memory) != VK_SUCCESS)
        return false;
    device->vk.vkBindImageMemory(device->device, s->image.image, s->memory, 0);
    s->image.desc.type = VK_IMAGE_TYPE_2D;
    s->image.desc.format = format;
    s->image.desc.extent = info.extent;
    s->image.desc.mip_levels = s->image.desc.array_layers = 1;
    s->image.desc.samples = VK_SAMPLE_COUNT_1_BIT;
    s->image.aspects = VK_IMAGE_ASPECT_COLOR_BIT;

    pool_info.queueFamilyIndex = device->queue_family;
    device->vk.vkCreateCommandPool(device->device, &pool_info, NULL, &pool);
    cb_info.commandPool = pool;
    cb_info.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    cb_info.commandBufferCount = 1;
    device->vk.vkAllocateCommandBuffers(device->device, &cb_info, &cb);
    device->vk.vkBeginCommandBuffer(cb, &begin);
    b.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    b.newLayout = VK_IMAGE_LAYOUT_GENERAL;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = s->image.image;
    b.subresourceRange = range;
    device->vk.vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, NULL, 0, NULL, 1, &b);
    device->vk.vkCmdClearColorImage(cb, s->image.image, VK_IMAGE_LAYOUT_GENERAL, color, 1, &range);
    device->vk.vkEndCommandBuffer(cb);
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cb;
    plat_mutex_lock(&device->queue_lock);
    device->vk.vkQueueSubmit(device->queue, 1, &submit, VK_NULL_HANDLE);
    device->vk.vkQueueWaitIdle(device->queue);
    plat_mutex_unlock(&device->queue_lock);
    device->vk.vkDestroyCommandPool(device->device, pool, NULL);
    s->image.initialized = 1;
    return true;
}

static void source_destroy(struct vk_device *device, struct source *s)
{
    device->vk.vkDestroyImage(device->device, s->image.image, NULL);
    device->vk.vkFreeMemory(device->device, s->memory, NULL);
}

/* The root window as RGB via ImageMagick; reads pixel (x, y). */
static bool screen_pixel(int x, int y, unsigned char rgb[3])
{
    char cmd[256], path[64];
    unsigned int w, h, maxval;
    bool ret = false;
    FILE *f;
    long pos;

    snprintf(path, sizeof(path), "/tmp/d3d11vk-presenter-%u.ppm", plat_process_id());
    snprintf(cmd, sizeof(cmd), "import -silent -window root -depth 8 ppm:%s", path);
    if (system(cmd) != 0)
        return false;
    if (!(f = fopen(path, "rb")))
        return false;
    if (fgetc(f) == 'P' && fgetc(f) == '6' && fscanf(f, "%u %u %u", &w, &h, &maxval) == 3 && maxval == 255
            && x >= 0 && y >= 0 && (unsigned int)x < w && (unsigned int)y < h)
    {
        fgetc(f);
        pos = ftell(f) + ((long)y * w + x) * 3;
        ret = !fseek(f, pos, SEEK_SET) && fread(rgb, 1, 3, f) == 3;
    }
    fclose(f);
    remove(path);
    return ret;
}

static bool colour_near(const unsigned char *p, int r, int g, int b)
{
    return abs(p[0] - r) <= 3 && abs(p[1] - g) <= 3 && abs(p[2] - b) <= 3;
}

static void wait_frames(uint32_t count)
{
    int i;
    for (i = 0; i < 500 && atomic_load_u32(&frames_done) < count; ++i)
        plat_sleep_ms(10);
}

struct colour_case
{
    VkFormat format;
    VkClearColorValue clear;
    int expect[3];
};

int main(void)
{
    static const struct colour_case cases[] =
    {
        { VK_FORMAT_R8G8B8A8_UNORM, { { 1.0f, 0.0f, 0.0f, 1.0f } }, { 255, 0, 0 } },
        { VK_FORMAT_B8G8R8A8_UNORM, { { 0.0f, 1.0f, 0.0f, 1.0f } }, { 0, 255, 0 } },
        { VK_FORMAT_A2B10G10R10_UNORM_PACK32, { { 0.0f, 0.0f, 1.0f, 1.0f } }, { 0, 0, 255 } },
        /* sRGB images store encoded values: linear 0.5 shows as 188. */
        { VK_FORMAT_R8G8B8A8_SRGB, { { 0.5f, 0.5f, 0.5f, 1.0f } }, { 188, 188, 188 } },
        /* Linear FP16 is encoded for the sRGB screen: 0.214 shows as 128. */
        { VK_FORMAT_R16G16B16A16_SFLOAT, { { 0.2140f, 0.2140f, 0.2140f, 1.0f } }, { 128, 128, 128 } },
    };
    struct vk_presenter_desc desc;
    struct vk_present_params params;
    struct vk_presenter *presenter = NULL;
    struct vk_instance *instance;
    struct vk_device *device;
    struct xwin xw;
    unsigned char px[3];
    uint32_t i, w, h, presented = 0;
    uint64_t id;
    VkResult vr;

    setvbuf(stdout, NULL, _IONBF, 0);
    if (!(xw.dpy = XOpenDisplay(NULL)))
    {
        printf("no X display: skipped\n");
        return 77;
    }
    xw.win = XCreateSimpleWindow(xw.dpy, DefaultRootWindow(xw.dpy), 30, 30, 160, 120, 0, 0, 0);
    XMapWindow(xw.dpy, xw.win);
    XSync(xw.dpy, False);
    plat_sleep_ms(100);

    vr = vk_instance_acquire(&instance);
    check(vr == VK_SUCCESS && instance->adapter_count, "no Vulkan instance/adapter: %d", vr);
    if (vr != VK_SUCCESS || !instance->adapter_count)
        return 1;
    vr = vk_adapter_get_device(instance->adapters[0], &device);
    check(vr == VK_SUCCESS, "no device: %d", vr);
    if (vr != VK_SUCCESS)
        return 1;

    for (i = 0; i < sizeof(cases) / sizeof(cases[0]); ++i)
    {
        const struct colour_case *c = &cases[i];
        struct source src;

        if (!source_create(device, c->format, 64, 48, &c->clear, &src))
        {
            check(0, "case %u: source image", i);
            continue;
        }
        memset(&desc, 0, sizeof(desc));
        desc.width = 160;
        desc.height = 120;
        desc.min_image_count = 2;
        desc.max_frame_latency = 2;
        desc.source_format = c->format;
        if (!presenter)
        {
            vr = vk_presenter_create(device, create_xlib_surface, &xw, frame_cb, NULL, &desc, &presenter);
            check(vr == VK_SUCCESS, "vk_presenter_create: %d", vr);
            if (vr != VK_SUCCESS)
                return 1;
        }
        else
            vk_presenter_update(presenter, &desc);
        memset(&params, 0, sizeof(params));
        params.source = &src.image;
        params.src_width = 64;
        params.src_height = 48;
        params.sync_interval = i & 1;
        vr = vk_presenter_present(presenter, &params, &id);
        check(vr == VK_SUCCESS && id == presented + 1, "case %u: present %d, id %llu", i, vr, (unsigned long long)id);
        presented += vr == VK_SUCCESS;
        wait_frames(presented);
        vk_presenter_wait_idle(presenter);
        plat_sleep_ms(100);
        check(screen_pixel(30 + 80, 30 + 60, px) && colour_near(px, c->expect[0], c->expect[1], c->expect[2]),
                "case %u (format %d): screen %u,%u,%u, expected %d,%d,%d", i, c->format, px[0], px[1], px[2],
                c->expect[0], c->expect[1], c->expect[2]);
        source_destroy(device, &src);
    }
    check(atomic_load_u32(&frames_done) == presented, "%u frames completed, %u presented", atomic_load_u32(&frames_done), presented);

    /* Scaling NONE: the source stays 64x48 at the top left, the rest is the background. */
    if (presenter)
    {
        static const VkClearColorValue white = { { 1.0f, 1.0f, 1.0f, 1.0f } }, bg = { { 0.0f, 0.0f, 1.0f, 1.0f } };
        struct source src;

        if (source_create(device, VK_FORMAT_B8G8R8A8_UNORM, 64, 48, &white, &src))
        {
            desc.source_format = VK_FORMAT_B8G8R8A8_UNORM;
            desc.scaling = VK_PRESENTER_SCALING_NONE;
            vk_presenter_update(presenter, &desc);
            params.source = &src.image;
            params.background = &bg;
            vr = vk_presenter_present(presenter, &params, &id);
            check(vr == VK_SUCCESS, "scaling none: %d", vr);
            vk_presenter_wait_idle(presenter);
            plat_sleep_ms(100);
            check(screen_pixel(30 + 10, 30 + 10, px) && colour_near(px, 255, 255, 255), "inside the source: %u,%u,%u", px[0], px[1], px[2]);
            check(screen_pixel(30 + 120, 30 + 100, px) && colour_near(px, 0, 0, 255), "outside the source: %u,%u,%u", px[0], px[1], px[2]);

            /* A resized window: the swapchain follows it. */
            XResizeWindow(xw.dpy, xw.win, 200, 100);
            XSync(xw.dpy, False);
            plat_sleep_ms(100);
            desc.scaling = VK_PRESENTER_SCALING_STRETCH;
            desc.width = 200;
            desc.height = 100;
            vk_presenter_update(presenter, &desc);
            params.background = NULL;
            for (i = 0; i < 3; ++i)
            {
                vr = vk_presenter_present(presenter, &params, &id);
                check(vr == VK_SUCCESS, "present after resize: %d", vr);
            }
            vk_presenter_wait_idle(presenter);
            vk_presenter_get_extent(presenter, &w, &h);
            check(w == 200 && h == 100, "swapchain %ux%u after resize", w, h);
            plat_sleep_ms(100);
            check(screen_pixel(30 + 190, 30 + 90, px) && colour_near(px, 255, 255, 255), "stretched corner: %u,%u,%u", px[0], px[1], px[2]);
            check(vk_presenter_frames_in_flight(presenter) == 0, "frames still in flight");
            source_destroy(device, &src);
        }
        else
            check(0, "white source");
        check(vk_presenter_supports_mode(presenter, VK_PRESENT_MODE_FIFO_KHR), "FIFO not offered");
        check(vk_presenter_supports_color(presenter, VK_FORMAT_B8G8R8A8_UNORM, VK_PRESENTER_COLOR_SRGB), "sRGB colour refused");
        vk_presenter_destroy(presenter);
    }
    vk_device_release(device);
    check(!atomic_load_u32(&instance->validation_errors), "%u Vulkan validation errors", atomic_load_u32(&instance->validation_errors));
    vk_instance_release(instance);
    XDestroyWindow(xw.dpy, xw.win);
    XCloseDisplay(xw.dpy);
    printf("%u checks, %u failed\n", checks, failures);
    return failures ? 1 : 0;
}
