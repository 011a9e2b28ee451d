/* presenter.h — presentation of a backend image on a window-system surface: the
 * VkSurfaceKHR (made by a caller callback, so this code knows no window system), the
 * VkSwapchainKHR (recreated when out of date or resized), the blit pass that copies and
 * converts the application's back buffer into the swapchain image, and frame pacing.
 * Knows nothing of D3D. */
#ifndef D3D11VK_VK_PRESENTER_H
#define D3D11VK_VK_PRESENTER_H

#include "vk_backend.h"

struct vk_presenter;
struct vk_image;

/* Makes the window-system surface (vkCreateWin32SurfaceKHR under Wine, an Xlib/XCB/Wayland
 * surface natively). */
typedef VkResult (*vk_presenter_surface_cb)(void *user, VkInstance instance, VkSurfaceKHR *surface);
/* Called on the presenter's completion thread once per presented frame whose GPU work
 * finished (in order), with that frame's present number, the caller's tag
 * (vk_present_params.tag) and the time it completed. */
typedef void (*vk_presenter_frame_cb)(void *user, uint64_t present_id, uint64_t tag, uint64_t time_ns);

enum vk_presenter_scaling
{
    VK_PRESENTER_SCALING_STRETCH = 0,    /* the source fills the surface */
    VK_PRESENTER_SCALING_NONE,           /* top-left aligned, 1:1, the rest cleared */
    VK_PRESENTER_SCALING_ASPECT,         /* centred, aspect kept, bars cleared */
};

/* How the source's values are meant, which picks the swapchain format and colour space. */
enum vk_presenter_color
{
    VK_PRESENTER_COLOR_SRGB = 0,         /* 8/10-bit sRGB-encoded (gamma 2.2) values */
    VK_PRESENTER_COLOR_SCRGB_LINEAR,     /* linear scRGB (FP16) */
    VK_PRESENTER_COLOR_HDR10,            /* ST.2084 PQ, BT.2020 primaries */
};

struct vk_presenter_desc
{
    uint32_t width, height;              /* the window's client size (used when the surface leaves it open) */
    uint32_t min_image_count;            /* swapchain images wanted (the implementation's minimum at least) */
    uint32_t max_frame_latency;          /* frames queued before Present waits (1..16) */
    VkFormat source_format;              /* the back buffer's format (view format for blits) */
    enum vk_presenter_color color;
    enum vk_presenter_scaling scaling;
};

struct vk_present_params
{
    struct vk_image *source;             /* the back buffer (layout policy of vk_resource.h) */
    uint32_t src_width, src_height;      /* region read from its top-left corner */
    uint32_t sync_interval;              /* 0: no wait for vertical blank; 1..4 */
    bool allow_tearing;
    const VkClearColorValue *background; /* colour for bars (NONE/ASPECT scaling); NULL: black */
    uint64_t tag;                        /* handed back to the frame callback */
};

/* Creates the surface through cb; fails with VK_ERROR_EXTENSION_NOT_PRESENT when the device
 * has no VK_KHR_swapchain or the queue cannot present to the surface. */
VkResult vk_presenter_create(struct vk_device *device, vk_presenter_surface_cb surface_cb, void *surface_user,
        vk_presenter_frame_cb frame_cb, void *frame_user, const struct vk_presenter_desc *desc,
        struct vk_presenter **out);
/* Waits for the frames in flight, destroys the swapchain and the surface. */
void vk_presenter_destroy(struct vk_presenter *presenter);

/* New description (resize, format change): the swapchain is recreated at the next present. */
void vk_presenter_update(struct vk_presenter *presenter, const struct vk_presenter_desc *desc);
void vk_presenter_set_frame_latency(struct vk_presenter *presenter, uint32_t max_frame_latency);

/* Frames submitted whose GPU work has not completed yet. */
uint32_t vk_presenter_frames_in_flight(struct vk_presenter *presenter);
/* Waits until fewer than max_frame_latency frames are in flight; false on timeout (ns). */
bool vk_presenter_wait_latency(struct vk_presenter *presenter, uint64_t timeout_ns);

/* Waits until every presented frame's GPU work completed (before the source images go). */
void vk_presenter_wait_idle(struct vk_presenter *presenter);

/* Queues one frame: acquire, blit, present. Returns VK_SUCCESS (presented; *present_id is
 * its number), VK_NOT_READY (the surface has no area, e.g. a minimised window: nothing
 * presented), or an error (VK_ERROR_DEVICE_LOST, VK_ERROR_SURFACE_LOST_KHR...). */
VkResult vk_presenter_present(struct vk_presenter *presenter, const struct vk_present_params *params,
        uint64_t *present_id);

/* The same from host memory (a back buffer read through a staging copy): rows of
 * width texels of format, row_pitch bytes apart. Slower: waits for the frames in flight. */
VkResult vk_presenter_present_memory(struct vk_presenter *presenter, const void *data, size_t row_pitch, VkFormat format,
        uint32_t width, uint32_t height, const struct vk_present_params *params, uint64_t *present_id);

/* The output's gamma ramp, applied in the present pass to SDR surfaces: count control points
 * (2..VK_PRESENTER_GAMMA_MAX_POINTS) evenly spaced on [0, 1], red/green/blue each; the
 * signal value of every channel is mapped through it, linearly between points. NULL: off. */
#define VK_PRESENTER_GAMMA_MAX_POINTS 1025
void vk_presenter_set_gamma(struct vk_presenter *presenter, const float (*curve)[3], uint32_t count);

/* Whether the surface offers the colour for the source format (SetColorSpace1 answers). */
bool vk_presenter_supports_color(struct vk_presenter *presenter, VkFormat source_format, enum vk_presenter_color color);
/* Whether the surface offers a present mode (immediate presentation for tearing). */
bool vk_presenter_supports_mode(struct vk_presenter *presenter, VkPresentModeKHR mode);
/* The swapchain's current size (0x0 before the first present). */
void vk_presenter_get_extent(struct vk_presenter *presenter, uint32_t *width, uint32_t *height);

#endif
