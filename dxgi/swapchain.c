/* swapchain.c — IDXGISwapChain1..4 for a window: description rules of the four swap
 * effects, back buffers (ID3D11Texture2D objects made by the d3d11 device), Present through
 * the backend presenter, resize, borderless fullscreen, frame latency and statistics.
 * The native build has no Win32 windows: creation fails there with DXGI_ERROR_UNSUPPORTED. */
#include "dxgi_private.h"
#include "presenter.h"
#include "vk_resource.h"
#include "vk_cs.h"

#ifndef DXGI_MAX_SWAP_CHAIN_BUFFERS
# define DXGI_MAX_SWAP_CHAIN_BUFFERS 16
#endif
#define DXGI_DEFAULT_WAITABLE_LATENCY 1

struct dxgi_swapchain
{
    IDXGISwapChain4 IDXGISwapChain4_iface;
    struct d3d11vk_object obj;
    struct dxgi_factory *factory;        /* holds a reference */
    IUnknown *device;                    /* the ID3D11Device (holds a reference) */
    IDXGIDevice1 *dxgi_device;           /* same object, for frame latency and the adapter */
    ID3D11Device *d3d11;                 /* same object */
    ID3D11Multithread *mt;               /* same object: its lock is taken around recording when protected */
    struct vk_cs *cs;                    /* the immediate context's command stream: presents are recorded there */
    /* Without the backend-image hook: buffer 0 is read back through these (public API). */
    ID3D11Texture2D *readback, *resolved;
    struct vk_device *vk;
    HWND window;

    struct plat_mutex lock;
    DXGI_SWAP_CHAIN_DESC1 desc;
    DXGI_SWAP_CHAIN_FULLSCREEN_DESC fs_desc;
    /* Back buffers: no application reference is ours (the refcount the application sees is
     * its own); the swap chain keeps each alive through an internal reference (vkres). */
    ID3D11Texture2D *buffers[DXGI_MAX_SWAP_CHAIN_BUFFERS];
    ID3D11VKResource *vkres[DXGI_MAX_SWAP_CHAIN_BUFFERS];
    struct vk_image *images[DXGI_MAX_SWAP_CHAIN_BUFFERS];
    UINT buffer_count;                   /* textures made (DISCARD, FLIP_DISCARD: 1) */
    ID3D11Texture2D *rotate_tmp;         /* SEQUENTIAL models with several buffers: rotation scratch */
    bool recorded;                       /* a present was recorded: sync the stream before the presenter goes */
    struct vk_presenter *presenter;

    /* Fullscreen (borderless): the output and what the window looked like before. */
    BOOL fullscreen;
    IDXGIOutput *target;
    LONG_PTR saved_style, saved_exstyle;
    RECT saved_rect;

    /* Frame latency: a semaphore released once per completed frame (waitable swap chains). */
    UINT max_latency;
    HANDLE latency_semaphore;
    /* The gamma ramp applied: its monitor (fullscreen only) and the ramps' serial then. */
    HMONITOR gamma_monitor;
    UINT gamma_serial;
    /* Alt+Enter: the window procedure this swap chain replaced (0 when not hooked). */
    LONG_PTR old_wndproc;

    DXGI_COLOR_SPACE_TYPE color_space;
    DXGI_HDR_METADATA_TYPE hdr_type;
    DXGI_RGBA background;
    DXGI_MODE_ROTATION rotation;
    UINT source_width, source_height;
    DXGI_MATRIX_3X2_F matrix;

    /* Frames (stats_lock): presents recorded (queued), frames finished (presented and their
     * GPU work complete, or dropped by the worker), and the statistics of the last one. */
    struct plat_mutex stats_lock;
    struct plat_cond frame_cond;
    UINT present_count;                  /* queued */
    UINT finished_count;
    UINT completed_count;                /* PresentCount of the last frame shown */
    LARGE_INTEGER completed_qpc;
    UINT completed_refresh;
    VkResult worker_error;               /* a present on the worker lost the device */
    DXGI_RGBA worker_background;         /* read by the worker */
    uint64_t last_present_ns;            /* worker: sync intervals 2..4 */
};

/* Platform: Win32 windows, monitors and kernel objects under Wine; the native build has
 * none (creation fails before any of these would be reached). ------------------------ */

#ifndef D3D11VK_NATIVE
static const bool have_windows = true;
static bool window_valid(HWND w) { return IsWindow(w); }
static bool window_minimized(HWND w) { return IsIconic(w); }
static bool window_client_size(HWND w, UINT *width, UINT *height)
{
    RECT r;
    if (!GetClientRect(w, &r))
        return false;
    *width = r.right - r.left;
    *height = r.bottom - r.top;
    return true;
}
static HMONITOR window_monitor(HWND w) { return MonitorFromWindow(w, MONITOR_DEFAULTTOPRIMARY); }
static HANDLE semaphore_create(LONG initial) { return CreateSemaphoreW(NULL, initial, 0x7fffffff, NULL); }
static void semaphore_release(HANDLE h, LONG count) { if (h && count > 0) ReleaseSemaphore(h, count, NULL); }
static void handle_close(HANDLE h) { if (h) CloseHandle(h); }
static HANDLE handle_duplicate(HANDLE h)
{
    HANDLE dup = NULL;
    if (!h || !DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, FALSE, DUPLICATE_SAME_ACCESS))
        return NULL;
    return dup;
}
static LARGE_INTEGER qpc_now(void) { LARGE_INTEGER t; QueryPerformanceCounter(&t); return t; }

static VkResult create_win32_surface(void *user, VkInstance instance, VkSurfaceKHR *surface)
{
    VkWin32SurfaceCreateInfoKHR info = { VK_STRUCTURE_TYPE_WIN32_SURFACE_CREATE_INFO_KHR };
    struct dxgi_swapchain *sc = user;

    if (!vkCreateWin32SurfaceKHR)
        return VK_ERROR_EXTENSION_NOT_PRESENT;
    info.hinstance = GetModuleHandleW(NULL);
    info.hwnd = sc->window;
    return vkCreateWin32SurfaceKHR(instance, &info, NULL, surface);
}

static void window_enter_fullscreen(struct dxgi_swapchain *sc, const RECT *monitor)
{
    sc->saved_style = GetWindowLongPtrW(sc->window, GWL_STYLE);
    sc->saved_exstyle = GetWindowLongPtrW(sc->window, GWL_EXSTYLE);
    GetWindowRect(sc->window, &sc->saved_rect);
    /* Borderless: a popup covering the output. */
    SetWindowLongPtrW(sc->window, GWL_STYLE, (sc->saved_style & ~(WS_OVERLAPPEDWINDOW)) | WS_POPUP);
    SetWindowLongPtrW(sc->window, GWL_EXSTYLE, sc->saved_exstyle & ~(WS_EX_WINDOWEDGE | WS_EX_CLIENTEDGE | WS_EX_DLGMODALFRAME));
    SetWindowPos(sc->window, HWND_TOP, monitor->left, monitor->top, monitor->right - monitor->left,
            monitor->bottom - monitor->top, SWP_FRAMECHANGED | SWP_SHOWWINDOW | SWP_NOACTIVATE);
}

static void window_leave_fullscreen(struct dxgi_swapchain *sc)
{
    SetWindowLongPtrW(sc->window, GWL_STYLE, sc->saved_style);
    SetWindowLongPtrW(sc->window, GWL_EXSTYLE, sc->saved_exstyle);
    SetWindowPos(sc->window, HWND_NOTOPMOST, sc->saved_rect.left, sc->saved_rect.top,
            sc->saved_rect.right - sc->saved_rect.left, sc->saved_rect.bottom - sc->saved_rect.top,
            SWP_FRAMECHANGED | SWP_NOACTIVATE);
}

static bool window_resize_client(HWND w, UINT width, UINT height)
{
    RECT r = { 0, 0, (LONG)width, (LONG)height };
    AdjustWindowRectEx(&r, (DWORD)GetWindowLongPtrW(w, GWL_STYLE), FALSE, (DWORD)GetWindowLongPtrW(w, GWL_EXSTYLE));
    return SetWindowPos(w, NULL, 0, 0, r.right - r.left, r.bottom - r.top, SWP_NOMOVE | SWP_NOZORDER | SWP_NOACTIVATE);
}

static bool monitor_rect(HMONITOR monitor, RECT *rect)
{
    MONITORINFO info = { sizeof(info) };
    if (!GetMonitorInfoW(monitor, &info))
        return false;
    *rect = info.rcMonitor;
    return true;
}

/* Alt+Enter: the swap chain's window procedure is wrapped (one swap chain per window, windows
 * of this process only). WM_SYSKEYDOWN with VK_RETURN and Alt held toggles fullscreen unless
 * the factory's MakeWindowAssociation gave that window DXGI_MWA_NO_ALT_ENTER or
 * DXGI_MWA_NO_WINDOW_CHANGES; the key is then not passed on. Everything else goes to the
 * application's procedure. */
static const WCHAR prop_swapchain[] = { 'd','3','d','1','1','v','k','.','s','c',0 };
static const WCHAR prop_wndproc[] = { 'd','3','d','1','1','v','k','.','p','r','o','c',0 };

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetFullscreenState(IDXGISwapChain4 *iface, BOOL *fullscreen, IDXGIOutput **target);
static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetFullscreenState(IDXGISwapChain4 *iface, BOOL fullscreen, IDXGIOutput *target);

static bool alt_enter_allowed(struct dxgi_swapchain *sc)
{
    struct dxgi_factory *factory = sc->factory;
    bool allowed = true;

    plat_mutex_lock(&factory->lock);
    if (factory->window && (factory->window == sc->window || factory->window == GetAncestor(sc->window, GA_ROOT))
            && (factory->window_flags & (DXGI_MWA_NO_ALT_ENTER | DXGI_MWA_NO_WINDOW_CHANGES)))
        allowed = false;
    plat_mutex_unlock(&factory->lock);
    return allowed;
}

static LRESULT CALLBACK swapchain_wndproc(HWND window, UINT msg, WPARAM wparam, LPARAM lparam)
{
    struct dxgi_swapchain *sc = GetPropW(window, prop_swapchain);
    WNDPROC old = (WNDPROC)GetPropW(window, prop_wndproc);

    if (sc && msg == WM_SYSKEYDOWN && wparam == VK_RETURN && (lparam & (1l << 29)) && !(lparam & (1l << 30))
            && alt_enter_allowed(sc))
    {
        BOOL fullscreen = FALSE;

        dxgi_swapchain_GetFullscreenState(&sc->IDXGISwapChain4_iface, &fullscreen, NULL);
        LOG_INFO("Alt+Enter: %s.", fullscreen ? "windowed" : "fullscreen");
        dxgi_swapchain_SetFullscreenState(&sc->IDXGISwapChain4_iface, !fullscreen, NULL);
        return 0;
    }
    if (old)
        return CallWindowProcW(old, window, msg, wparam, lparam);
    return DefWindowProcW(window, msg, wparam, lparam);
}

static void window_hook(struct dxgi_swapchain *sc)
{
    DWORD pid = 0;
    LONG_PTR current;

    GetWindowThreadProcessId(sc->window, &pid);
    if (pid != GetCurrentProcessId() || GetPropW(sc->window, prop_swapchain))
        return;
    current = GetWindowLongPtrW(sc->window, GWLP_WNDPROC);
    if (current != (LONG_PTR)swapchain_wndproc)
    {
        SetPropW(sc->window, prop_wndproc, (HANDLE)current);
        SetWindowLongPtrW(sc->window, GWLP_WNDPROC, (LONG_PTR)swapchain_wndproc);
    }
    SetPropW(sc->window, prop_swapchain, sc);
    sc->old_wndproc = current;
}

static void window_unhook(struct dxgi_swapchain *sc)
{
    if (!sc->old_wndproc || !IsWindow(sc->window) || GetPropW(sc->window, prop_swapchain) != sc)
        return;
    RemovePropW(sc->window, prop_swapchain);
    /* Put the application's procedure back unless someone wrapped ours since (then ours
     * stays in the chain and passes everything on). */
    if (GetWindowLongPtrW(sc->window, GWLP_WNDPROC) == (LONG_PTR)swapchain_wndproc)
    {
        SetWindowLongPtrW(sc->window, GWLP_WNDPROC, (LONG_PTR)GetPropW(sc->window, prop_wndproc));
        RemovePropW(sc->window, prop_wndproc);
    }
    sc->old_wndproc = 0;
}
#else
static const bool have_windows = false;
static bool window_valid(HWND w) { (void)w; return false; }
static bool window_minimized(HWND w) { (void)w; return false; }
static bool window_client_size(HWND w, UINT *width, UINT *height) { (void)w; *width = *height = 0; return false; }
static HMONITOR window_monitor(HWND w) { (void)w; return NULL; }
static HANDLE semaphore_create(LONG initial) { (void)initial; return NULL; }
static void semaphore_release(HANDLE h, LONG count) { (void)h; (void)count; }
static void handle_close(HANDLE h) { (void)h; }
static HANDLE handle_duplicate(HANDLE h) { (void)h; return NULL; }
static LARGE_INTEGER qpc_now(void) { LARGE_INTEGER t; t.QuadPart = (LONGLONG)(plat_time_ns() / 100); return t; }
static VkResult create_win32_surface(void *user, VkInstance instance, VkSurfaceKHR *surface)
{
    (void)user; (void)instance; (void)surface;
    return VK_ERROR_EXTENSION_NOT_PRESENT;
}
static void window_enter_fullscreen(struct dxgi_swapchain *sc, const RECT *monitor) { (void)sc; (void)monitor; }
static void window_leave_fullscreen(struct dxgi_swapchain *sc) { (void)sc; }
static bool window_resize_client(HWND w, UINT width, UINT height) { (void)w; (void)width; (void)height; return false; }
static bool monitor_rect(HMONITOR monitor, RECT *rect) { (void)monitor; (void)rect; return false; }
static void window_hook(struct dxgi_swapchain *sc) { (void)sc; }
static void window_unhook(struct dxgi_swapchain *sc) { (void)sc; }
#endif

/* Description rules --------------------------------------------------------------------- */

static bool is_flip_model(DXGI_SWAP_EFFECT effect)
{
    return effect == DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL || effect == DXGI_SWAP_EFFECT_FLIP_DISCARD;
}

struct swapchain_format
{
    DXGI_FORMAT format;
    VkFormat vk;
    bool flip;                           /* allowed as a flip-model buffer format */
};

static const struct swapchain_format swapchain_formats[] =
{
    { DXGI_FORMAT_R16G16B16A16_FLOAT,      VK_FORMAT_R16G16B16A16_SFLOAT,      true },
    { DXGI_FORMAT_R10G10B10A2_UNORM,       VK_FORMAT_A2B10G10R10_UNORM_PACK32, true },
    { DXGI_FORMAT_R8G8B8A8_UNORM,          VK_FORMAT_R8G8B8A8_UNORM,           true },
    { DXGI_FORMAT_R8G8B8A8_UNORM_SRGB,     VK_FORMAT_R8G8B8A8_SRGB,            false },
    { DXGI_FORMAT_B8G8R8A8_UNORM,          VK_FORMAT_B8G8R8A8_UNORM,           true },
    { DXGI_FORMAT_B8G8R8A8_UNORM_SRGB,     VK_FORMAT_B8G8R8A8_SRGB,            false },
};

static const struct swapchain_format *find_format(DXGI_FORMAT format)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(swapchain_formats); ++i)
        if (swapchain_formats[i].format == format)
            return &swapchain_formats[i];
    return NULL;
}

#define SWAPCHAIN_VALID_FLAGS (DXGI_SWAP_CHAIN_FLAG_NONPREROTATED | DXGI_SWAP_CHAIN_FLAG_ALLOW_MODE_SWITCH \
        | DXGI_SWAP_CHAIN_FLAG_GDI_COMPATIBLE | DXGI_SWAP_CHAIN_FLAG_RESTRICTED_CONTENT \
        | DXGI_SWAP_CHAIN_FLAG_RESTRICT_SHARED_RESOURCE_DRIVER | DXGI_SWAP_CHAIN_FLAG_DISPLAY_ONLY \
        | DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT | DXGI_SWAP_CHAIN_FLAG_FOREGROUND_LAYER \
        | DXGI_SWAP_CHAIN_FLAG_FULLSCREEN_VIDEO | DXGI_SWAP_CHAIN_FLAG_YUV_VIDEO | DXGI_SWAP_CHAIN_FLAG_HW_PROTECTED \
        | DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING)
#define SWAPCHAIN_VALID_USAGE (DXGI_USAGE_SHADER_INPUT | DXGI_USAGE_RENDER_TARGET_OUTPUT | DXGI_USAGE_BACK_BUFFER \
        | DXGI_USAGE_DISCARD_ON_PRESENT | DXGI_USAGE_UNORDERED_ACCESS)

/* DXGI's rules for a window swap chain description; the caller has checked the pointers.
 * Structural misuse is DXGI_ERROR_INVALID_CALL; a format the swap chain cannot hold is
 * E_INVALIDARG. */
static HRESULT validate_desc(const DXGI_SWAP_CHAIN_DESC1 *desc)
{
    const struct swapchain_format *format;
    bool flip = is_flip_model(desc->SwapEffect);

    switch (desc->SwapEffect)
    {
        case DXGI_SWAP_EFFECT_DISCARD:
        case DXGI_SWAP_EFFECT_SEQUENTIAL:
        case DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL:
        case DXGI_SWAP_EFFECT_FLIP_DISCARD:
            break;
        default:
            LOG_WARN("Invalid swap effect %#x.", desc->SwapEffect);
            return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->BufferCount > DXGI_MAX_SWAP_CHAIN_BUFFERS || (flip ? desc->BufferCount < 2 : desc->BufferCount < 1))
    {
        LOG_WARN("Invalid buffer count %u for swap effect %#x.", desc->BufferCount, desc->SwapEffect);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (!desc->SampleDesc.Count || (flip && (desc->SampleDesc.Count != 1 || desc->SampleDesc.Quality)))
    {
        LOG_WARN("Invalid sample description %u/%u.", desc->SampleDesc.Count, desc->SampleDesc.Quality);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->Stereo)
    {
        LOG_WARN("Stereo swap chains are not supported.");
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->Flags & ~SWAPCHAIN_VALID_FLAGS)
    {
        LOG_WARN("Invalid flags %#x.", desc->Flags);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (!flip && (desc->Flags & (DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT | DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING)))
    {
        LOG_WARN("Flags %#x need a flip-model swap chain.", desc->Flags);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->Scaling != DXGI_SCALING_STRETCH && desc->Scaling != DXGI_SCALING_NONE)
    {
        /* ASPECT_RATIO_STRETCH is for composition and CoreWindow swap chains only. */
        LOG_WARN("Invalid scaling %#x for a window swap chain.", desc->Scaling);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->Scaling == DXGI_SCALING_NONE && !flip)
    {
        LOG_WARN("DXGI_SCALING_NONE needs a flip-model swap chain.");
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->AlphaMode != DXGI_ALPHA_MODE_UNSPECIFIED && desc->AlphaMode != DXGI_ALPHA_MODE_IGNORE)
    {
        LOG_WARN("Alpha mode %#x is not available for window swap chains.", desc->AlphaMode);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (desc->BufferUsage & ~SWAPCHAIN_VALID_USAGE)
    {
        LOG_WARN("Invalid buffer usage %#x.", desc->BufferUsage);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (!(format = find_format(desc->Format)))
    {
        LOG_WARN("Format %#x cannot be a swap chain format.", desc->Format);
        return E_INVALIDARG;
    }
    if (flip && !format->flip)
    {
        /* Flip models take sRGB through render-target views, not the buffer format. */
        LOG_WARN("Format %#x is not a flip-model format.", desc->Format);
        return DXGI_ERROR_INVALID_CALL;
    }
    return S_OK;
}

/* Back buffers -------------------------------------------------------------------------- */

/* What the swap effect lets the application reach: DISCARD and FLIP_DISCARD expose buffer
 * 0 alone (their other buffers are the presentation engine's); SEQUENTIAL and
 * FLIP_SEQUENTIAL expose every buffer, 0 for drawing and the others to read what was
 * presented (after each Present the contents rotate: buffer i gets buffer i+1's, the last
 * one the image just presented). */
static UINT reachable_buffers(const DXGI_SWAP_CHAIN_DESC1 *desc)
{
    if (desc->SwapEffect == DXGI_SWAP_EFFECT_DISCARD || desc->SwapEffect == DXGI_SWAP_EFFECT_FLIP_DISCARD)
        return 1;
    return desc->BufferCount;
}

static void release_buffers(struct dxgi_swapchain *sc)
{
    UINT i;

    /* Presents recorded earlier keep the images they read alive (command-stream references). */
    for (i = 0; i < sc->buffer_count; ++i)
        if (sc->vkres[i])
            sc->vkres[i]->lpVtbl->ReleaseInternal(sc->vkres[i]);
    memset(sc->buffers, 0, sizeof(sc->buffers));
    memset(sc->vkres, 0, sizeof(sc->vkres));
    memset(sc->images, 0, sizeof(sc->images));
    if (sc->readback)
        ID3D11Texture2D_Release(sc->readback);
    if (sc->resolved)
        ID3D11Texture2D_Release(sc->resolved);
    if (sc->rotate_tmp)
        ID3D11Texture2D_Release(sc->rotate_tmp);
    sc->readback = sc->resolved = sc->rotate_tmp = NULL;
    sc->buffer_count = 0;
}

static HRESULT create_buffers(struct dxgi_swapchain *sc)
{
    D3D11_TEXTURE2D_DESC desc;
    ID3D11Texture2D *texture;
    ID3D11VKResource *res;
    DXGI_USAGE back_usage;
    UINT i, count;
    HRESULT hr;

    memset(&desc, 0, sizeof(desc));
    desc.Width = sc->desc.Width;
    desc.Height = sc->desc.Height;
    desc.MipLevels = 1;
    desc.ArraySize = 1;
    desc.Format = sc->desc.Format;
    desc.SampleDesc = sc->desc.SampleDesc;
    desc.Usage = D3D11_USAGE_DEFAULT;
    desc.BindFlags = D3D11_BIND_RENDER_TARGET;
    if (sc->desc.BufferUsage & DXGI_USAGE_SHADER_INPUT)
        desc.BindFlags |= D3D11_BIND_SHADER_RESOURCE;
    if (sc->desc.BufferUsage & DXGI_USAGE_UNORDERED_ACCESS)
        desc.BindFlags |= D3D11_BIND_UNORDERED_ACCESS;
    if (sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_GDI_COMPATIBLE)
        desc.MiscFlags |= D3D11_RESOURCE_MISC_GDI_COMPATIBLE;
    count = reachable_buffers(&sc->desc);
    for (i = 0; i < count; ++i)
    {
        if (FAILED(hr = ID3D11Device_CreateTexture2D(sc->d3d11, &desc, NULL, &texture)))
        {
            LOG_ERR("Creating back buffer %u (%ux%u, format %#x) failed: %#lx.", i, desc.Width, desc.Height,
                    desc.Format, (unsigned long)hr);
            release_buffers(sc);
            return hr;
        }
        if (FAILED(hr = ID3D11Texture2D_QueryInterface(texture, &IID_ID3D11VKResource, (void **)&res)))
        {
            LOG_ERR("The back buffer is not a d3d11vk texture.");
            ID3D11Texture2D_Release(texture);
            release_buffers(sc);
            return E_FAIL;
        }
        /* Sequential models: buffers past 0 are read-only for the application (GetBuffer docs). */
        back_usage = DXGI_USAGE_BACK_BUFFER;
        if (i && (sc->desc.SwapEffect == DXGI_SWAP_EFFECT_SEQUENTIAL || sc->desc.SwapEffect == DXGI_SWAP_EFFECT_FLIP_SEQUENTIAL))
            back_usage |= DXGI_USAGE_READ_ONLY;
        ID3D11Texture2D_SetPrivateData(texture, &D3D11VK_GUID_BACK_BUFFER_USAGE, sizeof(back_usage), &back_usage);
        /* Only an internal reference stays: the application's count starts at 0. */
        res->lpVtbl->AddRefInternal(res);
        sc->buffers[i] = texture;
        sc->vkres[i] = res;
        sc->images[i] = res->lpVtbl->GetBackendImage(res);
        sc->buffer_count = i + 1;
        res->lpVtbl->Release(res);
        ID3D11Texture2D_Release(texture);
    }
    if (count > 1)
    {
        if (FAILED(hr = ID3D11Device_CreateTexture2D(sc->d3d11, &desc, NULL, &sc->rotate_tmp)))
        {
            release_buffers(sc);
            return hr;
        }
    }
    return S_OK;
}

/* Whether the application holds references on back buffers (none of the public ones are ours). */
static bool buffers_referenced(struct dxgi_swapchain *sc)
{
    UINT i;

    for (i = 0; i < sc->buffer_count; ++i)
    {
        ULONG refcount = ID3D11Texture2D_AddRef(sc->buffers[i]);
        ID3D11Texture2D_Release(sc->buffers[i]);
        if (refcount > 1)
            return true;
    }
    return false;
}

/* Presenter ----------------------------------------------------------------------------- */

static enum vk_presenter_color presenter_color(DXGI_COLOR_SPACE_TYPE cs)
{
    switch (cs)
    {
        case DXGI_COLOR_SPACE_RGB_FULL_G10_NONE_P709: return VK_PRESENTER_COLOR_SCRGB_LINEAR;
        case DXGI_COLOR_SPACE_RGB_FULL_G2084_NONE_P2020: return VK_PRESENTER_COLOR_HDR10;
        default: return VK_PRESENTER_COLOR_SRGB;
    }
}

static UINT presenter_latency(struct dxgi_swapchain *sc)
{
    UINT latency = 3;

    /* Waitable swap chains pace through their object; others by the device's latency. */
    if (sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT)
        return DXGI_MAX_SWAP_CHAIN_BUFFERS;
    if (FAILED(IDXGIDevice1_GetMaximumFrameLatency(sc->dxgi_device, &latency)) || !latency)
        latency = 3;
    return latency;
}

static void presenter_desc(struct dxgi_swapchain *sc, struct vk_presenter_desc *d)
{
    const struct swapchain_format *format = find_format(sc->desc.Format);

    memset(d, 0, sizeof(*d));
    d->width = sc->desc.Width;
    d->height = sc->desc.Height;
    d->min_image_count = d3d11vk_max(sc->desc.BufferCount, 2);
    d->max_frame_latency = presenter_latency(sc);
    d->source_format = format ? format->vk : VK_FORMAT_B8G8R8A8_UNORM;
    d->color = presenter_color(sc->color_space);
    d->scaling = sc->desc.Scaling == DXGI_SCALING_NONE ? VK_PRESENTER_SCALING_NONE : VK_PRESENTER_SCALING_STRETCH;
}

/* One frame left the queue: presented (seq: its present number) or dropped (seq 0). The
 * application's Present waits on this, and the latency object is released once. */
static void frame_finished(struct dxgi_swapchain *sc, UINT seq, uint64_t time_ns)
{
    plat_mutex_lock(&sc->stats_lock);
    ++sc->finished_count;
    if (seq)
    {
        sc->completed_count = seq;
        sc->completed_qpc = qpc_now();
        sc->completed_refresh = (UINT)(time_ns / (1000000000ull / 60));
    }
    plat_cond_broadcast(&sc->frame_cond);
    plat_mutex_unlock(&sc->stats_lock);
    semaphore_release(sc->latency_semaphore, 1);
}

/* The presenter's completion thread: the frame's GPU work is done (tag: its present number). */
static void frame_done(void *user, uint64_t present_id, uint64_t tag, uint64_t time_ns)
{
    (void)present_id;
    frame_finished(user, (UINT)tag, time_ns);
}

/* IDXGISwapChain4 ----------------------------------------------------------------------- */

static inline struct dxgi_swapchain *impl_from_IDXGISwapChain4(IDXGISwapChain4 *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_swapchain, IDXGISwapChain4_iface);
}

static const struct d3d11vk_qi_entry swapchain_qi[] =
{
    { &IID_IDXGISwapChain4, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGISwapChain3, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGISwapChain2, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGISwapChain1, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGISwapChain, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGIDeviceSubObject, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
    { &IID_IDXGIObject, offsetof(struct dxgi_swapchain, IDXGISwapChain4_iface) },
};

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_QueryInterface(IDXGISwapChain4 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_IDXGISwapChain4(iface), swapchain_qi, ARRAY_SIZE(swapchain_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_swapchain_AddRef(IDXGISwapChain4 *iface)
{
    return atomic_inc_u32(&impl_from_IDXGISwapChain4(iface)->obj.refcount);
}

/* The fullscreen target's monitor is owned by this swap chain (gamma control answers). */
static void own_target(struct dxgi_swapchain *sc, bool owned)
{
    DXGI_OUTPUT_DESC desc;

    if (sc->target && SUCCEEDED(IDXGIOutput_GetDesc(sc->target, &desc)))
        dxgi_output_set_owned(desc.Monitor, owned);
}

static void swapchain_destroy(struct dxgi_swapchain *sc)
{
    window_unhook(sc);
    if (sc->fullscreen)
    {
        window_leave_fullscreen(sc);
        own_target(sc, false);
    }
    if (sc->target)
        IDXGIOutput_Release(sc->target);
    if (sc->recorded)
    {
        /* Every present record must have run before the presenter goes. */
        bool protect = sc->mt && ID3D11Multithread_GetMultithreadProtected(sc->mt);

        if (protect)
            ID3D11Multithread_Enter(sc->mt);
        vk_cs_sync(sc->cs);
        if (protect)
            ID3D11Multithread_Leave(sc->mt);
    }
    if (sc->presenter)
        vk_presenter_wait_idle(sc->presenter);
    release_buffers(sc);
    vk_presenter_destroy(sc->presenter);
    if (sc->mt)
        ID3D11Multithread_Release(sc->mt);
    handle_close(sc->latency_semaphore);
    d3d11vk_private_store_cleanup(&sc->obj.private_data);
    plat_cond_destroy(&sc->frame_cond);
    plat_mutex_destroy(&sc->stats_lock);
    plat_mutex_destroy(&sc->lock);
    IDXGIDevice1_Release(sc->dxgi_device);
    ID3D11Device_Release(sc->d3d11);
    IUnknown_Release(sc->device);
    IDXGIFactory6_Release(&sc->factory->IDXGIFactory6_iface);
    free(sc);
}

static ULONG STDMETHODCALLTYPE dxgi_swapchain_Release(IDXGISwapChain4 *iface)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    ULONG refcount = atomic_dec_u32(&sc->obj.refcount);

    if (!refcount)
        swapchain_destroy(sc);
    return refcount;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetPrivateData(IDXGISwapChain4 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGISwapChain4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetPrivateDataInterface(IDXGISwapChain4 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGISwapChain4(iface)->obj.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetPrivateData(IDXGISwapChain4 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGISwapChain4(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetParent(IDXGISwapChain4 *iface, REFIID riid, void **parent)
{
    if (!parent)
        return E_INVALIDARG;
    return IDXGIFactory6_QueryInterface(&impl_from_IDXGISwapChain4(iface)->factory->IDXGIFactory6_iface, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetDevice(IDXGISwapChain4 *iface, REFIID riid, void **device)
{
    if (!device)
        return E_INVALIDARG;
    return IUnknown_QueryInterface(impl_from_IDXGISwapChain4(iface)->device, riid, device);
}

#define PRESENT_VALID_FLAGS (DXGI_PRESENT_TEST | DXGI_PRESENT_DO_NOT_SEQUENCE | DXGI_PRESENT_RESTART \
        | DXGI_PRESENT_DO_NOT_WAIT | DXGI_PRESENT_STEREO_PREFER_RIGHT | DXGI_PRESENT_STEREO_TEMPORARY_MONO \
        | DXGI_PRESENT_RESTRICT_TO_OUTPUT | DXGI_PRESENT_USE_DURATION | DXGI_PRESENT_ALLOW_TEARING)

/* Presents buffer 0 through a staging copy mapped for reading: every step is public D3D11
 * API, so it works whatever the texture implementation; Map also orders the read after the
 * commands that drew the buffer. */
static VkResult present_readback(struct dxgi_swapchain *sc, ID3D11DeviceContext *context,
        const struct vk_present_params *params, uint64_t *id)
{
    const struct swapchain_format *format = find_format(sc->desc.Format);
    D3D11_MAPPED_SUBRESOURCE map;
    D3D11_TEXTURE2D_DESC desc;
    ID3D11Resource *src = (ID3D11Resource *)sc->buffers[0];
    VkResult vr;
    HRESULT hr;

    if (!format)
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    ID3D11Texture2D_GetDesc(sc->buffers[0], &desc);
    if (desc.SampleDesc.Count > 1)
    {
        if (!sc->resolved)
        {
            D3D11_TEXTURE2D_DESC rd = desc;
            rd.SampleDesc.Count = 1;
            rd.SampleDesc.Quality = 0;
            rd.BindFlags = D3D11_BIND_RENDER_TARGET;
            rd.MiscFlags = 0;
            if (FAILED(hr = ID3D11Device_CreateTexture2D(sc->d3d11, &rd, NULL, &sc->resolved)))
                return VK_ERROR_OUT_OF_DEVICE_MEMORY;
        }
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)sc->resolved, 0, src, 0, desc.Format);
        src = (ID3D11Resource *)sc->resolved;
    }
    if (!sc->readback)
    {
        D3D11_TEXTURE2D_DESC sd = desc;
        sd.SampleDesc.Count = 1;
        sd.SampleDesc.Quality = 0;
        sd.Usage = D3D11_USAGE_STAGING;
        sd.BindFlags = 0;
        sd.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
        sd.MiscFlags = 0;
        if (FAILED(hr = ID3D11Device_CreateTexture2D(sc->d3d11, &sd, NULL, &sc->readback)))
            return VK_ERROR_OUT_OF_DEVICE_MEMORY;
    }
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)sc->readback, src);
    if (FAILED(hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)sc->readback, 0, D3D11_MAP_READ, 0, &map)))
    {
        LOG_ERR("Reading the back buffer failed: %#lx.", (unsigned long)hr);
        return VK_ERROR_MEMORY_MAP_FAILED;
    }
    vr = vk_presenter_present_memory(sc->presenter, map.pData, map.RowPitch, format->vk, desc.Width, desc.Height, params, id);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)sc->readback, 0);
    return vr;
}

static HRESULT hr_from_vk(VkResult vr)
{
    switch (vr)
    {
        case VK_SUCCESS: return S_OK;
        case VK_NOT_READY: return DXGI_STATUS_OCCLUDED;
        case VK_ERROR_DEVICE_LOST: return DXGI_ERROR_DEVICE_REMOVED;
        case VK_ERROR_OUT_OF_HOST_MEMORY: case VK_ERROR_OUT_OF_DEVICE_MEMORY: return E_OUTOFMEMORY;
        default: return DXGI_ERROR_DEVICE_RESET;
    }
}

/* What a present record carries besides the image: the source size, sync interval and
 * tearing flag as the application asked at Present time, and the present number. */
#define PRESENT_ARG(w, h, interval, tearing, seq) ((uint64_t)(w) | (uint64_t)(h) << 16 | (uint64_t)(interval) << 32 \
        | (uint64_t)(tearing) << 35 | (uint64_t)(seq) << 36)

/* Sync intervals 2..4 show each frame for that many refreshes: the worker holds the next
 * present back until that many refresh periods after the previous one (FIFO presentation
 * itself waits for one). Refresh: the output's, 60 Hz where Wine reports none. */
static void pace_sync_interval(struct dxgi_swapchain *sc, UINT interval)
{
    const uint64_t period = 1000000000ull / 60;
    uint64_t now = plat_time_ns(), target;

    if (interval >= 2 && sc->last_present_ns)
    {
        target = sc->last_present_ns + interval * period;
        while (now < target)
        {
            plat_sleep_ms((uint32_t)d3d11vk_min((target - now) / 1000000 + 1, 100));
            now = plat_time_ns();
        }
    }
    sc->last_present_ns = now;
}

/* Runs on the immediate context's worker thread (vk_cs_cmd_present), after the commands
 * recorded before Present were submitted. */
static void present_on_worker(void *user, struct vk_image *source, uint64_t arg)
{
    struct dxgi_swapchain *sc = user;
    struct vk_present_params p;
    VkClearColorValue background;
    UINT interval = (UINT)(arg >> 32) & 7, seq = (UINT)(arg >> 36);
    uint64_t id;
    VkResult vr;

    memset(&p, 0, sizeof(p));
    p.source = source;
    p.src_width = (uint32_t)(arg & 0xffff);
    p.src_height = (uint32_t)((arg >> 16) & 0xffff);
    p.sync_interval = interval;
    p.allow_tearing = !!(arg & (1ull << 35));
    p.tag = seq;
    plat_mutex_lock(&sc->stats_lock);
    background.float32[0] = sc->worker_background.r;
    background.float32[1] = sc->worker_background.g;
    background.float32[2] = sc->worker_background.b;
    plat_mutex_unlock(&sc->stats_lock);
    background.float32[3] = 1.0f;
    p.background = &background;
    pace_sync_interval(sc, interval);
    vr = vk_presenter_present(sc->presenter, &p, &id);
    if (vr == VK_SUCCESS)
        return;   /* finished by frame_done once its GPU work completes */
    if (vr == VK_ERROR_DEVICE_LOST)
    {
        plat_mutex_lock(&sc->stats_lock);
        sc->worker_error = vr;
        plat_mutex_unlock(&sc->stats_lock);
    }
    if (vr != VK_NOT_READY)
        LOG_WARN("Present %u failed on the worker: %s.", seq, vk_result_str(vr));
    frame_finished(sc, 0, plat_time_ns());   /* dropped: the queue moves on */
}

/* IDXGIOutput::SetGammaControl takes effect for swap chains in fullscreen on that output:
 * the presenter maps each channel through Scale * curve + Offset. */
static void update_gamma(struct dxgi_swapchain *sc)
{
    HMONITOR monitor = NULL;
    DXGI_OUTPUT_DESC desc;
    DXGI_GAMMA_CONTROL *ramp;
    float (*curve)[3];
    UINT serial = dxgi_output_gamma_serial(), i;

    if (sc->fullscreen && sc->target && SUCCEEDED(IDXGIOutput_GetDesc(sc->target, &desc)))
        monitor = desc.Monitor;
    if (monitor == sc->gamma_monitor && serial == sc->gamma_serial)
        return;
    sc->gamma_monitor = monitor;
    sc->gamma_serial = serial;
    ramp = malloc(sizeof(*ramp));
    curve = malloc(1025 * sizeof(*curve));
    if (monitor && ramp && curve && dxgi_output_get_gamma(monitor, ramp))
    {
        for (i = 0; i < 1025; ++i)
        {
            curve[i][0] = ramp->GammaCurve[i].Red * ramp->Scale.Red + ramp->Offset.Red;
            curve[i][1] = ramp->GammaCurve[i].Green * ramp->Scale.Green + ramp->Offset.Green;
            curve[i][2] = ramp->GammaCurve[i].Blue * ramp->Scale.Blue + ramp->Offset.Blue;
        }
        vk_presenter_set_gamma(sc->presenter, (const float (*)[3])curve, 1025);
    }
    else
        vk_presenter_set_gamma(sc->presenter, NULL, 0);
    free(curve);
    free(ramp);
}

/* SEQUENTIAL and FLIP_SEQUENTIAL with several buffers: buffer i gets buffer i+1's contents
 * and the last buffer the image just presented (recorded after the present, so the blit
 * reads buffer 0 first). */
static void rotate_buffers(struct dxgi_swapchain *sc, ID3D11DeviceContext *context)
{
    UINT i;

    if (sc->buffer_count < 2 || !sc->rotate_tmp)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)sc->rotate_tmp, (ID3D11Resource *)sc->buffers[0]);
    for (i = 0; i + 1 < sc->buffer_count; ++i)
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)sc->buffers[i], (ID3D11Resource *)sc->buffers[i + 1]);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)sc->buffers[sc->buffer_count - 1],
            (ID3D11Resource *)sc->rotate_tmp);
}

static HRESULT present(struct dxgi_swapchain *sc, UINT sync_interval, UINT flags, const DXGI_PRESENT_PARAMETERS *params)
{
    ID3D11DeviceContext *context;
    UINT latency, seq;
    bool protect;
    VkResult vr;
    HRESULT hr = S_OK;

    if (sync_interval > 4 || (flags & ~PRESENT_VALID_FLAGS))
        return DXGI_ERROR_INVALID_CALL;
    if (flags & DXGI_PRESENT_ALLOW_TEARING)
    {
        /* DXGI: tearing needs the creation flag, sync interval 0 and windowed presentation. */
        if (!(sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING) || sync_interval || sc->fullscreen)
            return DXGI_ERROR_INVALID_CALL;
    }
    if (params && params->DirtyRectsCount && !params->pDirtyRects)
        return DXGI_ERROR_INVALID_CALL;
    if (!window_valid(sc->window))
    {
        LOG_WARN("The swap chain's window %p no longer exists.", sc->window);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (window_minimized(sc->window))
        return DXGI_STATUS_OCCLUDED;
    if (flags & DXGI_PRESENT_TEST)
        return S_OK;

    plat_mutex_lock(&sc->lock);
    latency = presenter_latency(sc);
    /* IDXGIDevice1::SetMaximumFrameLatency may have changed since the last frame. */
    vk_presenter_set_frame_latency(sc->presenter, latency);

    /* Frame pacing: at most `latency` frames queued and not finished; the application
     * thread waits here (or DO_NOT_WAIT refuses), never on acquire or present. */
    plat_mutex_lock(&sc->stats_lock);
    if (sc->worker_error)
        hr = hr_from_vk(sc->worker_error);
    while (hr == S_OK && sc->present_count - sc->finished_count >= latency)
    {
        if (flags & DXGI_PRESENT_DO_NOT_WAIT)
            hr = DXGI_ERROR_WAS_STILL_DRAWING;
        else
            plat_cond_wait_ms(&sc->frame_cond, &sc->stats_lock, 100);
        if (sc->worker_error)
            hr = hr_from_vk(sc->worker_error);
    }
    sc->worker_background = sc->background;
    plat_mutex_unlock(&sc->stats_lock);
    if (hr != S_OK)
    {
        plat_mutex_unlock(&sc->lock);
        return hr;
    }

    seq = sc->present_count + 1;
    update_gamma(sc);
    ID3D11Device_GetImmediateContext(sc->d3d11, &context);
    if (sc->cs && sc->images[0])
    {
        protect = sc->mt && ID3D11Multithread_GetMultithreadProtected(sc->mt);
        if (protect)
            ID3D11Multithread_Enter(sc->mt);
        if (!vk_cs_cmd_present(sc->cs, present_on_worker, sc, sc->images[0],
                PRESENT_ARG(d3d11vk_min(sc->source_width, 0xffffu), d3d11vk_min(sc->source_height, 0xffffu),
                sync_interval, !!(flags & DXGI_PRESENT_ALLOW_TEARING), seq)))
            hr = E_OUTOFMEMORY;
        else
        {
            sc->recorded = true;
            rotate_buffers(sc, context);
            vk_cs_flush(sc->cs);
        }
        if (protect)
            ID3D11Multithread_Leave(sc->mt);
    }
    else
    {
        /* No backend image: synchronously, through a staging copy. */
        struct vk_present_params p;
        uint64_t id;

        memset(&p, 0, sizeof(p));
        p.src_width = sc->source_width;
        p.src_height = sc->source_height;
        p.sync_interval = sync_interval;
        p.allow_tearing = !!(flags & DXGI_PRESENT_ALLOW_TEARING);
        p.tag = seq;
        vr = present_readback(sc, context, &p, &id);
        if (vr != VK_SUCCESS)
            hr = hr_from_vk(vr);
        else
            rotate_buffers(sc, context);
    }
    ID3D11DeviceContext_Release(context);
    if (hr == S_OK)
    {
        plat_mutex_lock(&sc->stats_lock);
        sc->present_count = seq;
        plat_mutex_unlock(&sc->stats_lock);
    }
    plat_mutex_unlock(&sc->lock);
    return hr;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_Present(IDXGISwapChain4 *iface, UINT sync_interval, UINT flags)
{
    return present(impl_from_IDXGISwapChain4(iface), sync_interval, flags, NULL);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_Present1(IDXGISwapChain4 *iface, UINT sync_interval, UINT flags,
        const DXGI_PRESENT_PARAMETERS *params)
{
    if (!params)
        return DXGI_ERROR_INVALID_CALL;
    return present(impl_from_IDXGISwapChain4(iface), sync_interval, flags, params);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetBuffer(IDXGISwapChain4 *iface, UINT index, REFIID riid, void **surface)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    HRESULT hr;

    if (!surface)
        return DXGI_ERROR_INVALID_CALL;
    *surface = NULL;
    plat_mutex_lock(&sc->lock);
    if (index >= sc->buffer_count)
    {
        /* DISCARD: only buffer 0 can be reached. */
        plat_mutex_unlock(&sc->lock);
        return DXGI_ERROR_INVALID_CALL;
    }
    hr = ID3D11Texture2D_QueryInterface(sc->buffers[index], riid, surface);
    plat_mutex_unlock(&sc->lock);
    return hr;
}

static HRESULT find_output(struct dxgi_swapchain *sc, HMONITOR monitor, IDXGIOutput **out)
{
    IDXGIAdapter *adapter;
    IDXGIOutput *output;
    DXGI_OUTPUT_DESC desc;
    UINT i;
    HRESULT hr;

    *out = NULL;
    if (FAILED(hr = IDXGIDevice1_GetAdapter(sc->dxgi_device, &adapter)))
        return hr;
    for (i = 0; IDXGIAdapter_EnumOutputs(adapter, i, &output) == S_OK; ++i)
    {
        if (SUCCEEDED(IDXGIOutput_GetDesc(output, &desc)) && desc.Monitor == monitor)
        {
            *out = output;
            IDXGIAdapter_Release(adapter);
            return S_OK;
        }
        IDXGIOutput_Release(output);
    }
    IDXGIAdapter_Release(adapter);
    return DXGI_ERROR_NOT_FOUND;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetContainingOutput(IDXGISwapChain4 *iface, IDXGIOutput **output)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!output)
        return DXGI_ERROR_INVALID_CALL;
    *output = NULL;
    if (sc->target)
    {
        IDXGIOutput_AddRef(sc->target);
        *output = sc->target;
        return S_OK;
    }
    if (!window_valid(sc->window))
        return DXGI_ERROR_INVALID_CALL;
    return find_output(sc, window_monitor(sc->window), output);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetFullscreenState(IDXGISwapChain4 *iface, BOOL fullscreen, IDXGIOutput *target)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    DXGI_OUTPUT_DESC desc;
    IDXGIOutput *output = NULL;
    RECT rect;
    HRESULT hr;

    if (!fullscreen && target)
        return DXGI_ERROR_INVALID_CALL;
    if (!window_valid(sc->window))
        return DXGI_ERROR_INVALID_CALL;
    plat_mutex_lock(&sc->lock);
    fullscreen = !!fullscreen;
    if (fullscreen == sc->fullscreen && (!fullscreen || !target || target == sc->target))
    {
        plat_mutex_unlock(&sc->lock);
        return S_OK;
    }
    if (fullscreen)
    {
        if (target)
        {
            IDXGIOutput_AddRef(target);
            output = target;
        }
        else if (FAILED(hr = find_output(sc, window_monitor(sc->window), &output)))
        {
            plat_mutex_unlock(&sc->lock);
            return DXGI_ERROR_NOT_CURRENTLY_AVAILABLE;
        }
        if (FAILED(IDXGIOutput_GetDesc(output, &desc)) || !monitor_rect(desc.Monitor, &rect))
        {
            IDXGIOutput_Release(output);
            plat_mutex_unlock(&sc->lock);
            return DXGI_ERROR_NOT_CURRENTLY_AVAILABLE;
        }
        if (sc->fullscreen)
        {
            window_leave_fullscreen(sc);
            own_target(sc, false);
        }
        if (sc->target)
            IDXGIOutput_Release(sc->target);
        sc->target = output;
        own_target(sc, true);
        window_enter_fullscreen(sc, &rect);
        sc->fullscreen = TRUE;
        sc->fs_desc.Windowed = FALSE;
    }
    else
    {
        window_leave_fullscreen(sc);
        own_target(sc, false);
        if (sc->target)
            IDXGIOutput_Release(sc->target);
        sc->target = NULL;
        sc->fullscreen = FALSE;
        sc->fs_desc.Windowed = TRUE;
    }
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetFullscreenState(IDXGISwapChain4 *iface, BOOL *fullscreen, IDXGIOutput **target)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    plat_mutex_lock(&sc->lock);
    if (fullscreen)
        *fullscreen = sc->fullscreen;
    if (target)
    {
        *target = sc->target;
        if (*target)
            IDXGIOutput_AddRef(*target);
    }
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetDesc1(IDXGISwapChain4 *iface, DXGI_SWAP_CHAIN_DESC1 *desc)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!desc)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    *desc = sc->desc;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetFullscreenDesc(IDXGISwapChain4 *iface, DXGI_SWAP_CHAIN_FULLSCREEN_DESC *desc)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!desc)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    *desc = sc->fs_desc;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetDesc(IDXGISwapChain4 *iface, DXGI_SWAP_CHAIN_DESC *desc)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!desc)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    desc->BufferDesc.Width = sc->desc.Width;
    desc->BufferDesc.Height = sc->desc.Height;
    desc->BufferDesc.RefreshRate = sc->fs_desc.RefreshRate;
    desc->BufferDesc.Format = sc->desc.Format;
    desc->BufferDesc.ScanlineOrdering = sc->fs_desc.ScanlineOrdering;
    desc->BufferDesc.Scaling = sc->fs_desc.Scaling;
    desc->SampleDesc = sc->desc.SampleDesc;
    desc->BufferUsage = sc->desc.BufferUsage;
    desc->BufferCount = sc->desc.BufferCount;
    desc->OutputWindow = sc->window;
    desc->Windowed = sc->fs_desc.Windowed;
    desc->SwapEffect = sc->desc.SwapEffect;
    desc->Flags = sc->desc.Flags;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT resize_buffers(struct dxgi_swapchain *sc, UINT count, UINT width, UINT height, DXGI_FORMAT format, UINT flags)
{
    DXGI_SWAP_CHAIN_DESC1 desc, old;
    struct vk_presenter_desc pd;
    HRESULT hr;

    plat_mutex_lock(&sc->lock);
    desc = old = sc->desc;
    if (count)
        desc.BufferCount = count;
    if (format != DXGI_FORMAT_UNKNOWN)
        desc.Format = format;
    desc.Flags = flags;
    /* DXGI: the waitable-object and tearing choices are made at creation for good. */
    if ((flags ^ old.Flags) & (DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT | DXGI_SWAP_CHAIN_FLAG_ALLOW_TEARING))
    {
        plat_mutex_unlock(&sc->lock);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (FAILED(hr = validate_desc(&desc)))
    {
        plat_mutex_unlock(&sc->lock);
        return hr;
    }
    if (!width || !height)
    {
        UINT w = 0, h = 0;
        if (!window_client_size(sc->window, &w, &h))
        {
            plat_mutex_unlock(&sc->lock);
            return DXGI_ERROR_INVALID_CALL;
        }
        if (!width)
            width = w ? w : 8;
        if (!height)
            height = h ? h : 8;
    }
    desc.Width = width;
    desc.Height = height;
    if (buffers_referenced(sc))
    {
        LOG_WARN("Back buffers are still referenced.");
        plat_mutex_unlock(&sc->lock);
        return DXGI_ERROR_INVALID_CALL;
    }
    release_buffers(sc);
    sc->desc = desc;
    if (FAILED(hr = create_buffers(sc)))
    {
        /* Keep a usable swap chain: the old buffers again. */
        sc->desc = old;
        if (FAILED(create_buffers(sc)))
            LOG_ERR("Restoring the back buffers failed.");
        plat_mutex_unlock(&sc->lock);
        return hr;
    }
    sc->source_width = width;
    sc->source_height = height;
    presenter_desc(sc, &pd);
    vk_presenter_update(sc->presenter, &pd);
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_ResizeBuffers(IDXGISwapChain4 *iface, UINT count, UINT width,
        UINT height, DXGI_FORMAT format, UINT flags)
{
    return resize_buffers(impl_from_IDXGISwapChain4(iface), count, width, height, format, flags);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_ResizeBuffers1(IDXGISwapChain4 *iface, UINT count, UINT width,
        UINT height, DXGI_FORMAT format, UINT flags, const UINT *node_masks, IUnknown *const *queues)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    UINT i, n = count ? count : sc->desc.BufferCount;

    /* D3D11 swap chains have one node and no queues: masks must name node 0 (or be absent). */
    for (i = 0; node_masks && i < n; ++i)
        if (node_masks[i] > 1)
            return DXGI_ERROR_INVALID_CALL;
    for (i = 0; queues && i < n; ++i)
        if (queues[i] && queues[i] != sc->device)
            return DXGI_ERROR_INVALID_CALL;
    return resize_buffers(sc, count, width, height, format, flags);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_ResizeTarget(IDXGISwapChain4 *iface, const DXGI_MODE_DESC *mode)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!mode)
        return DXGI_ERROR_INVALID_CALL;
    if (!window_valid(sc->window))
        return DXGI_ERROR_INVALID_CALL;
    plat_mutex_lock(&sc->lock);
    if (mode->RefreshRate.Numerator || mode->RefreshRate.Denominator)
        sc->fs_desc.RefreshRate = mode->RefreshRate;
    sc->fs_desc.ScanlineOrdering = mode->ScanlineOrdering;
    sc->fs_desc.Scaling = mode->Scaling;
    if (sc->fullscreen)
    {
        /* Borderless fullscreen keeps the desktop mode: the window already covers the output. */
        plat_mutex_unlock(&sc->lock);
        return S_OK;
    }
    plat_mutex_unlock(&sc->lock);
    if (mode->Width && mode->Height && !window_resize_client(sc->window, mode->Width, mode->Height))
        return DXGI_ERROR_INVALID_CALL;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetFrameStatistics(IDXGISwapChain4 *iface, DXGI_FRAME_STATISTICS *stats)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    HRESULT hr = S_OK;

    if (!stats)
        return E_INVALIDARG;
    memset(stats, 0, sizeof(*stats));
    plat_mutex_lock(&sc->stats_lock);
    if (!sc->completed_count)
        hr = DXGI_ERROR_FRAME_STATISTICS_DISJOINT;
    else
    {
        stats->PresentCount = sc->completed_count;
        stats->PresentRefreshCount = sc->completed_refresh;
        stats->SyncRefreshCount = sc->completed_refresh;
        stats->SyncQPCTime = sc->completed_qpc;
        stats->SyncGPUTime.QuadPart = 0;
    }
    plat_mutex_unlock(&sc->stats_lock);
    return hr;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetLastPresentCount(IDXGISwapChain4 *iface, UINT *count)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!count)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->stats_lock);
    *count = sc->present_count;
    plat_mutex_unlock(&sc->stats_lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetHwnd(IDXGISwapChain4 *iface, HWND *window)
{
    if (!window)
        return DXGI_ERROR_INVALID_CALL;
    *window = impl_from_IDXGISwapChain4(iface)->window;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetCoreWindow(IDXGISwapChain4 *iface, REFIID riid, void **window)
{
    /* DXGI: a window swap chain has no CoreWindow. */
    if (!window)
        return DXGI_ERROR_INVALID_CALL;
    *window = NULL;
    return DXGI_ERROR_INVALID_CALL;
}

static BOOL STDMETHODCALLTYPE dxgi_swapchain_IsTemporaryMonoSupported(IDXGISwapChain4 *iface)
{
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetRestrictToOutput(IDXGISwapChain4 *iface, IDXGIOutput **output)
{
    if (!output)
        return E_INVALIDARG;
    *output = NULL;    /* never restricted */
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetBackgroundColor(IDXGISwapChain4 *iface, const DXGI_RGBA *color)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!color)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    sc->background = *color;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetBackgroundColor(IDXGISwapChain4 *iface, DXGI_RGBA *color)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!color)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    *color = sc->background;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetRotation(IDXGISwapChain4 *iface, DXGI_MODE_ROTATION rotation)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (rotation < DXGI_MODE_ROTATION_IDENTITY || rotation > DXGI_MODE_ROTATION_ROTATE270)
        return DXGI_ERROR_INVALID_CALL;
    /* DXGI: rotation applies to flip-model swap chains; the presenter shows identity only. */
    if (!is_flip_model(sc->desc.SwapEffect))
        return DXGI_ERROR_INVALID_CALL;
    if (rotation != DXGI_MODE_ROTATION_IDENTITY)
    {
        FIXME("Rotated presentation is not supported.");
        return DXGI_ERROR_UNSUPPORTED;
    }
    sc->rotation = rotation;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetRotation(IDXGISwapChain4 *iface, DXGI_MODE_ROTATION *rotation)
{
    if (!rotation)
        return E_INVALIDARG;
    *rotation = impl_from_IDXGISwapChain4(iface)->rotation;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetSourceSize(IDXGISwapChain4 *iface, UINT width, UINT height)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    plat_mutex_lock(&sc->lock);
    /* DXGI: a non-empty region inside the buffers. */
    if (!width || !height || width > sc->desc.Width || height > sc->desc.Height)
    {
        plat_mutex_unlock(&sc->lock);
        return E_INVALIDARG;
    }
    sc->source_width = width;
    sc->source_height = height;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetSourceSize(IDXGISwapChain4 *iface, UINT *width, UINT *height)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!width || !height)
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    *width = sc->source_width;
    *height = sc->source_height;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetMaximumFrameLatency(IDXGISwapChain4 *iface, UINT latency)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!(sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT))
        return DXGI_ERROR_INVALID_CALL;
    if (!latency || latency > DXGI_MAX_SWAP_CHAIN_BUFFERS)
        return DXGI_ERROR_INVALID_CALL;
    plat_mutex_lock(&sc->lock);
    /* A higher limit lets that many more frames start at once. */
    if (latency > sc->max_latency)
        semaphore_release(sc->latency_semaphore, (LONG)(latency - sc->max_latency));
    sc->max_latency = latency;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetMaximumFrameLatency(IDXGISwapChain4 *iface, UINT *latency)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    if (!latency)
        return DXGI_ERROR_INVALID_CALL;
    if (!(sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT))
    {
        *latency = 0;
        return DXGI_ERROR_INVALID_CALL;
    }
    *latency = sc->max_latency;
    return S_OK;
}

static HANDLE STDMETHODCALLTYPE dxgi_swapchain_GetFrameLatencyWaitableObject(IDXGISwapChain4 *iface)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    /* The application closes what it gets: a handle of its own each time. */
    if (!(sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT))
        return NULL;
    return handle_duplicate(sc->latency_semaphore);
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetMatrixTransform(IDXGISwapChain4 *iface, const DXGI_MATRIX_3X2_F *matrix)
{
    /* DXGI: only composition swap chains take a transform. */
    if (!matrix)
        return E_INVALIDARG;
    return DXGI_ERROR_INVALID_CALL;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_GetMatrixTransform(IDXGISwapChain4 *iface, DXGI_MATRIX_3X2_F *matrix)
{
    if (!matrix)
        return E_INVALIDARG;
    return DXGI_ERROR_INVALID_CALL;
}

static UINT STDMETHODCALLTYPE dxgi_swapchain_GetCurrentBackBufferIndex(IDXGISwapChain4 *iface)
{
    /* D3D11 swap chains: buffer 0 is always the one being drawn. */
    return 0;
}

static bool color_space_valid_for_format(DXGI_FORMAT format, DXGI_COLOR_SPACE_TYPE cs)
{
    switch (cs)
    {
        case DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709:
            return true;
        case DXGI_COLOR_SPACE_RGB_FULL_G10_NONE_P709:
            return format == DXGI_FORMAT_R16G16B16A16_FLOAT;
        case DXGI_COLOR_SPACE_RGB_FULL_G2084_NONE_P2020:
            return format == DXGI_FORMAT_R10G10B10A2_UNORM || format == DXGI_FORMAT_R16G16B16A16_FLOAT;
        default:
            return false;
    }
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_CheckColorSpaceSupport(IDXGISwapChain4 *iface,
        DXGI_COLOR_SPACE_TYPE cs, UINT *support)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    const struct swapchain_format *format;

    if (!support)
        return E_INVALIDARG;
    *support = 0;
    plat_mutex_lock(&sc->lock);
    format = find_format(sc->desc.Format);
    if (format && color_space_valid_for_format(sc->desc.Format, cs)
            && (cs == DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709
            || vk_presenter_supports_color(sc->presenter, format->vk, presenter_color(cs))))
        *support = DXGI_SWAP_CHAIN_COLOR_SPACE_SUPPORT_FLAG_PRESENT;
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetColorSpace1(IDXGISwapChain4 *iface, DXGI_COLOR_SPACE_TYPE cs)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);
    struct vk_presenter_desc pd;
    UINT support = 0;

    dxgi_swapchain_CheckColorSpaceSupport(iface, cs, &support);
    if (!(support & DXGI_SWAP_CHAIN_COLOR_SPACE_SUPPORT_FLAG_PRESENT))
        return E_INVALIDARG;
    plat_mutex_lock(&sc->lock);
    if (sc->color_space != cs)
    {
        sc->color_space = cs;
        presenter_desc(sc, &pd);
        vk_presenter_update(sc->presenter, &pd);
    }
    plat_mutex_unlock(&sc->lock);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_swapchain_SetHDRMetaData(IDXGISwapChain4 *iface, DXGI_HDR_METADATA_TYPE type,
        UINT size, void *data)
{
    struct dxgi_swapchain *sc = impl_from_IDXGISwapChain4(iface);

    switch (type)
    {
        case DXGI_HDR_METADATA_TYPE_NONE:
            if (size || data)
                return E_INVALIDARG;
            break;
        case DXGI_HDR_METADATA_TYPE_HDR10:
            if (size != sizeof(DXGI_HDR_METADATA_HDR10) || !data)
                return E_INVALIDARG;
            /* The metadata only guides tone mapping on HDR outputs; the surfaces here are SDR. */
            break;
        default:
            return E_INVALIDARG;
    }
    sc->hdr_type = type;
    return S_OK;
}

static const IDXGISwapChain4Vtbl dxgi_swapchain_vtbl =
{
    .QueryInterface = dxgi_swapchain_QueryInterface,
    .AddRef = dxgi_swapchain_AddRef,
    .Release = dxgi_swapchain_Release,
    .SetPrivateData = dxgi_swapchain_SetPrivateData,
    .SetPrivateDataInterface = dxgi_swapchain_SetPrivateDataInterface,
    .GetPrivateData = dxgi_swapchain_GetPrivateData,
    .GetParent = dxgi_swapchain_GetParent,
    .GetDevice = dxgi_swapchain_GetDevice,
    .Present = dxgi_swapchain_Present,
    .GetBuffer = dxgi_swapchain_GetBuffer,
    .SetFullscreenState = dxgi_swapchain_SetFullscreenState,
    .GetFullscreenState = dxgi_swapchain_GetFullscreenState,
    .GetDesc = dxgi_swapchain_GetDesc,
    .ResizeBuffers = dxgi_swapchain_ResizeBuffers,
    .ResizeTarget = dxgi_swapchain_ResizeTarget,
    .GetContainingOutput = dxgi_swapchain_GetContainingOutput,
    .GetFrameStatistics = dxgi_swapchain_GetFrameStatistics,
    .GetLastPresentCount = dxgi_swapchain_GetLastPresentCount,
    .GetDesc1 = dxgi_swapchain_GetDesc1,
    .GetFullscreenDesc = dxgi_swapchain_GetFullscreenDesc,
    .GetHwnd = dxgi_swapchain_GetHwnd,
    .GetCoreWindow = dxgi_swapchain_GetCoreWindow,
    .Present1 = dxgi_swapchain_Present1,
    .IsTemporaryMonoSupported = dxgi_swapchain_IsTemporaryMonoSupported,
    .GetRestrictToOutput = dxgi_swapchain_GetRestrictToOutput,
    .SetBackgroundColor = dxgi_swapchain_SetBackgroundColor,
    .GetBackgroundColor = dxgi_swapchain_GetBackgroundColor,
    .SetRotation = dxgi_swapchain_SetRotation,
    .GetRotation = dxgi_swapchain_GetRotation,
    .SetSourceSize = dxgi_swapchain_SetSourceSize,
    .GetSourceSize = dxgi_swapchain_GetSourceSize,
    .SetMaximumFrameLatency = dxgi_swapchain_SetMaximumFrameLatency,
    .GetMaximumFrameLatency = dxgi_swapchain_GetMaximumFrameLatency,
    .GetFrameLatencyWaitableObject = dxgi_swapchain_GetFrameLatencyWaitableObject,
    .SetMatrixTransform = dxgi_swapchain_SetMatrixTransform,
    .GetMatrixTransform = dxgi_swapchain_GetMatrixTransform,
    .GetCurrentBackBufferIndex = dxgi_swapchain_GetCurrentBackBufferIndex,
    .CheckColorSpaceSupport = dxgi_swapchain_CheckColorSpaceSupport,
    .SetColorSpace1 = dxgi_swapchain_SetColorSpace1,
    .ResizeBuffers1 = dxgi_swapchain_ResizeBuffers1,
    .SetHDRMetaData = dxgi_swapchain_SetHDRMetaData,
};

/* Creation ------------------------------------------------------------------------------ */

HRESULT dxgi_swapchain_create(struct dxgi_factory *factory, IUnknown *device, HWND window,
        const DXGI_SWAP_CHAIN_DESC1 *desc, const DXGI_SWAP_CHAIN_FULLSCREEN_DESC *fs_desc,
        IDXGIOutput *output, IDXGISwapChain1 **out)
{
    struct dxgi_swapchain *sc;
    struct vk_presenter_desc pd;
    ID3D11VKDevice *vkdevice;
    VkResult vr;
    HRESULT hr;

    *out = NULL;
    if (FAILED(hr = validate_desc(desc)))
        return hr;
    if (FAILED(IUnknown_QueryInterface(device, &IID_ID3D11VKDevice, (void **)&vkdevice)))
    {
        LOG_WARN("The device %p is not a d3d11vk device.", device);
        return E_INVALIDARG;
    }
    if (!have_windows)
    {
        vkdevice->lpVtbl->Release(vkdevice);
        LOG_WARN("The native build has no Win32 windows to present to; swap chains are not available.");
        return DXGI_ERROR_UNSUPPORTED;
    }
    if (!window_valid(window))
    {
        vkdevice->lpVtbl->Release(vkdevice);
        LOG_WARN("Window %p does not exist.", window);
        return DXGI_ERROR_INVALID_CALL;
    }
    if (!(sc = calloc(1, sizeof(*sc))))
    {
        vkdevice->lpVtbl->Release(vkdevice);
        return E_OUTOFMEMORY;
    }
    sc->IDXGISwapChain4_iface.lpVtbl = &dxgi_swapchain_vtbl;
    sc->obj.refcount = 1;
    d3d11vk_private_store_init(&sc->obj.private_data);
    plat_mutex_init(&sc->lock);
    plat_mutex_init(&sc->stats_lock);
    plat_cond_init(&sc->frame_cond);
    sc->vk = vkdevice->lpVtbl->GetBackendDevice(vkdevice);
    sc->cs = vkdevice->lpVtbl->GetImmediateStream(vkdevice);
    vkdevice->lpVtbl->Release(vkdevice);
    sc->factory = factory;
    IDXGIFactory6_AddRef(&factory->IDXGIFactory6_iface);
    sc->device = device;
    IUnknown_AddRef(device);
    if (FAILED(hr = IUnknown_QueryInterface(device, &IID_ID3D11Device, (void **)&sc->d3d11))
            || FAILED(hr = IUnknown_QueryInterface(device, &IID_IDXGIDevice1, (void **)&sc->dxgi_device)))
    {
        if (sc->d3d11)
            ID3D11Device_Release(sc->d3d11);
        IUnknown_Release(device);
        IDXGIFactory6_Release(&factory->IDXGIFactory6_iface);
        free(sc);
        return E_INVALIDARG;
    }
    sc->window = window;
    sc->desc = *desc;
    if (!sc->desc.Width || !sc->desc.Height)
    {
        UINT w = 0, h = 0;
        window_client_size(window, &w, &h);
        /* DXGI: a zero size takes the window's client size (at least 8x8 here: an empty
         * client area gives no usable buffer). */
        if (!sc->desc.Width)
            sc->desc.Width = w ? w : 8;
        if (!sc->desc.Height)
            sc->desc.Height = h ? h : 8;
    }
    if (fs_desc)
        sc->fs_desc = *fs_desc;
    else
        sc->fs_desc.Windowed = TRUE;
    sc->source_width = sc->desc.Width;
    sc->source_height = sc->desc.Height;
    sc->color_space = sc->desc.Format == DXGI_FORMAT_R16G16B16A16_FLOAT
            ? DXGI_COLOR_SPACE_RGB_FULL_G10_NONE_P709 : DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709;
    sc->rotation = DXGI_MODE_ROTATION_IDENTITY;
    if (sc->desc.Flags & DXGI_SWAP_CHAIN_FLAG_FRAME_LATENCY_WAITABLE_OBJECT)
    {
        sc->max_latency = DXGI_DEFAULT_WAITABLE_LATENCY;
        if (!(sc->latency_semaphore = semaphore_create((LONG)sc->max_latency)))
        {
            hr = E_OUTOFMEMORY;
            goto fail;
        }
    }
    if (FAILED(IUnknown_QueryInterface(device, &IID_ID3D11Multithread, (void **)&sc->mt)))
        sc->mt = NULL;
    presenter_desc(sc, &pd);
    if ((vr = vk_presenter_create(sc->vk, create_win32_surface, sc, frame_done, sc, &pd, &sc->presenter)) != VK_SUCCESS)
    {
        LOG_ERR("The window %p cannot be presented to: %s.", window, vk_result_str(vr));
        hr = vr == VK_ERROR_OUT_OF_HOST_MEMORY ? E_OUTOFMEMORY : DXGI_ERROR_UNSUPPORTED;
        goto fail;
    }
    if (FAILED(hr = create_buffers(sc)))
        goto fail;
    window_hook(sc);
    if (!sc->fs_desc.Windowed)
    {
        sc->fs_desc.Windowed = TRUE;
        if (FAILED(hr = dxgi_swapchain_SetFullscreenState(&sc->IDXGISwapChain4_iface, TRUE, output)))
            LOG_WARN("Starting in fullscreen failed (%#lx); the swap chain stays windowed.", (unsigned long)hr);
    }
    LOG_INFO("Swap chain %p: window %p, %ux%u, format %#x, %u buffers, effect %#x, flags %#x.", sc, window,
            sc->desc.Width, sc->desc.Height, sc->desc.Format, sc->desc.BufferCount, sc->desc.SwapEffect, sc->desc.Flags);
    *out = (IDXGISwapChain1 *)&sc->IDXGISwapChain4_iface;
    return S_OK;

fail:
    swapchain_destroy(sc);
    return hr;
}
