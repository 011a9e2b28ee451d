/* output.c — IDXGIOutput1..6 for a monitor: descriptions and display modes. Under Wine the
 * monitors and modes come from the Win32 monitor APIs; the native build has no Win32
 * desktop and enumerates no outputs. */
#include "dxgi_private.h"

struct dxgi_output
{
    IDXGIOutput6 IDXGIOutput6_iface;
    struct d3d11vk_object obj;
    struct dxgi_adapter *adapter;      /* holds a reference */
    HMONITOR monitor;
    UINT index;
};

/* Gamma ramps belong to the monitor (every IDXGIOutput of it sees the same one); swap chains
 * in fullscreen on it apply the ramp in their present pass. A change bumps the serial. */
#define GAMMA_MONITORS 16
static struct plat_mutex gamma_lock = PLAT_MUTEX_INIT;
static struct { HMONITOR monitor; DXGI_GAMMA_CONTROL *ramp; } gamma_ramps[GAMMA_MONITORS];
static volatile LONG gamma_serial;
/* Fullscreen swap chains per monitor: gamma control is only available while one owns it
 * (SetGammaControl docs: "only valid while in full-screen mode"). */
static struct { HMONITOR monitor; UINT count; } gamma_owners[GAMMA_MONITORS];

void dxgi_output_set_owned(HMONITOR monitor, bool owned)
{
    unsigned int i, slot = GAMMA_MONITORS;

    plat_mutex_lock(&gamma_lock);
    for (i = 0; i < GAMMA_MONITORS; ++i)
    {
        if (gamma_owners[i].count && gamma_owners[i].monitor == monitor)
        {
            slot = i;
            break;
        }
        if (!gamma_owners[i].count && slot == GAMMA_MONITORS)
            slot = i;
    }
    if (slot < GAMMA_MONITORS)
    {
        if (owned)
        {
            gamma_owners[slot].monitor = monitor;
            ++gamma_owners[slot].count;
        }
        else if (gamma_owners[slot].count && gamma_owners[slot].monitor == monitor)
            --gamma_owners[slot].count;
    }
    plat_mutex_unlock(&gamma_lock);
}

static bool output_owned(HMONITOR monitor)
{
    bool owned = false;
    unsigned int i;

    plat_mutex_lock(&gamma_lock);
    for (i = 0; i < GAMMA_MONITORS && !owned; ++i)
        owned = gamma_owners[i].count && gamma_owners[i].monitor == monitor;
    plat_mutex_unlock(&gamma_lock);
    return owned;
}

UINT dxgi_output_gamma_serial(void)
{
    return atomic_load_u32(&gamma_serial);
}

bool dxgi_output_get_gamma(HMONITOR monitor, DXGI_GAMMA_CONTROL *ramp)
{
    bool found = false;
    unsigned int i;

    plat_mutex_lock(&gamma_lock);
    for (i = 0; i < GAMMA_MONITORS && !found; ++i)
        if (gamma_ramps[i].ramp && gamma_ramps[i].monitor == monitor)
        {
            *ramp = *gamma_ramps[i].ramp;
            found = true;
        }
    plat_mutex_unlock(&gamma_lock);
    return found;
}

static HRESULT set_gamma(HMONITOR monitor, const DXGI_GAMMA_CONTROL *ramp)
{
    HRESULT hr = E_OUTOFMEMORY;
    unsigned int i, slot = GAMMA_MONITORS;

    plat_mutex_lock(&gamma_lock);
    for (i = 0; i < GAMMA_MONITORS; ++i)
    {
        if (gamma_ramps[i].ramp && gamma_ramps[i].monitor == monitor)
        {
            slot = i;
            break;
        }
        if (!gamma_ramps[i].ramp && slot == GAMMA_MONITORS)
            slot = i;
    }
    if (slot < GAMMA_MONITORS && (gamma_ramps[slot].ramp || (gamma_ramps[slot].ramp = malloc(sizeof(*ramp)))))
    {
        gamma_ramps[slot].monitor = monitor;
        *gamma_ramps[slot].ramp = *ramp;
        atomic_inc_u32(&gamma_serial);
        hr = S_OK;
    }
    plat_mutex_unlock(&gamma_lock);
    return hr;
}

void utf8_to_wide(const char *src, WCHAR *dst, size_t dst_len)
{
    size_t n = 0;

    /* Decodes UTF-8 to UTF-16 (with surrogates); invalid bytes become U+FFFD. */
    while (*src && n + 1 < dst_len)
    {
        unsigned char c = *src++;
        uint32_t cp;
        int extra;

        if (c < 0x80) { cp = c; extra = 0; }
        else if ((c & 0xe0) == 0xc0) { cp = c & 0x1f; extra = 1; }
        else if ((c & 0xf0) == 0xe0) { cp = c & 0x0f; extra = 2; }
        else if ((c & 0xf8) == 0xf0) { cp = c & 0x07; extra = 3; }
        else { cp = 0xfffd; extra = 0; }
        while (extra--)
        {
            if ((*src & 0xc0) != 0x80) { cp = 0xfffd; break; }
            cp = (cp << 6) | (*src++ & 0x3f);
        }
        if (cp >= 0x10000)
        {
            if (n + 2 >= dst_len)
                break;
            cp -= 0x10000;
            dst[n++] = 0xd800 | (cp >> 10);
            dst[n++] = 0xdc00 | (cp & 0x3ff);
        }
        else
            dst[n++] = cp;
    }
    if (dst_len)
        dst[n] = 0;
}

#ifndef D3D11VK_NATIVE
struct monitor_list { HMONITOR *monitors; UINT count, max; };

static BOOL CALLBACK monitor_proc(HMONITOR monitor, HDC dc, RECT *rect, LPARAM param)
{
    struct monitor_list *list = (struct monitor_list *)param;
    MONITORINFO info = { sizeof(info) };

    (void)dc; (void)rect;
    if (list->count >= list->max)
        return FALSE;
    /* The primary monitor is output 0. */
    if (GetMonitorInfoW(monitor, &info) && (info.dwFlags & MONITORINFOF_PRIMARY) && list->count)
    {
        memmove(list->monitors + 1, list->monitors, list->count * sizeof(*list->monitors));
        list->monitors[0] = monitor;
    }
    else
        list->monitors[list->count] = monitor;
    list->count++;
    return TRUE;
}

UINT dxgi_enum_monitors(HMONITOR *monitors, UINT max)
{
    struct monitor_list list = { monitors, 0, max };

    EnumDisplayMonitors(NULL, NULL, monitor_proc, (LPARAM)&list);
    return list.count;
}
#else
UINT dxgi_enum_monitors(HMONITOR *monitors, UINT max)
{
    (void)monitors; (void)max;
    return 0;
}
#endif

static inline struct dxgi_output *impl_from_IDXGIOutput6(IDXGIOutput6 *iface)
{
    return CONTAINING_RECORD(iface, struct dxgi_output, IDXGIOutput6_iface);
}

static const struct d3d11vk_qi_entry output_qi[] =
{
    { &IID_IDXGIOutput6, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput5, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput4, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput3, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput2, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput1, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIOutput, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
    { &IID_IDXGIObject, offsetof(struct dxgi_output, IDXGIOutput6_iface) },
};

static HRESULT STDMETHODCALLTYPE dxgi_output_QueryInterface(IDXGIOutput6 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(impl_from_IDXGIOutput6(iface), output_qi, ARRAY_SIZE(output_qi), riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_output_AddRef(IDXGIOutput6 *iface)
{
    return atomic_inc_u32(&impl_from_IDXGIOutput6(iface)->obj.refcount);
}

static ULONG STDMETHODCALLTYPE dxgi_output_Release(IDXGIOutput6 *iface)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);
    ULONG refcount = atomic_dec_u32(&output->obj.refcount);

    if (!refcount)
    {
        d3d11vk_private_store_cleanup(&output->obj.private_data);
        IDXGIAdapter4_Release(&output->adapter->IDXGIAdapter4_iface);
        free(output);
    }
    return refcount;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_SetPrivateData(IDXGIOutput6 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIOutput6(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_SetPrivateDataInterface(IDXGIOutput6 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIOutput6(iface)->obj.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetPrivateData(IDXGIOutput6 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIOutput6(iface)->obj.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetParent(IDXGIOutput6 *iface, REFIID riid, void **parent)
{
    if (!parent)
        return E_INVALIDARG;
    return IDXGIAdapter4_QueryInterface(&impl_from_IDXGIOutput6(iface)->adapter->IDXGIAdapter4_iface, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDesc1(IDXGIOutput6 *iface, DXGI_OUTPUT_DESC1 *desc)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);

    if (!desc)
        return E_INVALIDARG;
    memset(desc, 0, sizeof(*desc));
#ifndef D3D11VK_NATIVE
    {
        MONITORINFOEXW info;
        info.cbSize = sizeof(info);
        if (!GetMonitorInfoW(output->monitor, (MONITORINFO *)&info))
            return DXGI_ERROR_DEVICE_REMOVED;
        memcpy(desc->DeviceName, info.szDevice, sizeof(desc->DeviceName));
        desc->DesktopCoordinates = info.rcMonitor;
    }
#endif
    desc->AttachedToDesktop = TRUE;
    desc->Rotation = DXGI_MODE_ROTATION_IDENTITY;
    desc->Monitor = output->monitor;
    desc->BitsPerColor = 8;
    desc->ColorSpace = DXGI_COLOR_SPACE_RGB_FULL_G22_NONE_P709;
    /* sRGB primaries and D65 white point; luminance typical of an SDR desktop. */
    desc->RedPrimary[0] = 0.640f; desc->RedPrimary[1] = 0.330f;
    desc->GreenPrimary[0] = 0.300f; desc->GreenPrimary[1] = 0.600f;
    desc->BluePrimary[0] = 0.150f; desc->BluePrimary[1] = 0.060f;
    desc->WhitePoint[0] = 0.3127f; desc->WhitePoint[1] = 0.3290f;
    desc->MinLuminance = 0.5f;
    desc->MaxLuminance = 270.0f;
    desc->MaxFullFrameLuminance = 270.0f;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDesc(IDXGIOutput6 *iface, DXGI_OUTPUT_DESC *desc)
{
    DXGI_OUTPUT_DESC1 d;
    HRESULT hr;

    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = dxgi_output_GetDesc1(iface, &d)))
        return hr;
    memcpy(desc->DeviceName, d.DeviceName, sizeof(desc->DeviceName));
    desc->DesktopCoordinates = d.DesktopCoordinates;
    desc->AttachedToDesktop = d.AttachedToDesktop;
    desc->Rotation = d.Rotation;
    desc->Monitor = d.Monitor;
    return S_OK;
}

/* Formats a desktop scan-out can present; other formats list no modes. */
static bool is_display_format(DXGI_FORMAT format)
{
    switch (format)
    {
        case DXGI_FORMAT_R8G8B8A8_UNORM:
        case DXGI_FORMAT_R8G8B8A8_UNORM_SRGB:
        case DXGI_FORMAT_B8G8R8A8_UNORM:
        case DXGI_FORMAT_B8G8R8A8_UNORM_SRGB:
        case DXGI_FORMAT_R10G10B10A2_UNORM:
        case DXGI_FORMAT_R16G16B16A16_FLOAT:
            return true;
        default:
            return false;
    }
}

/* Collects the monitor's modes (unique size+rate, sorted by width, height, rate). A refresh
 * rate the system reports as 0 or 1 ("hardware default") is given as 60 Hz. */
static UINT collect_modes(struct dxgi_output *output, DXGI_FORMAT format, DXGI_MODE_DESC1 *modes, UINT max)
{
    UINT count = 0;
#ifndef D3D11VK_NATIVE
    MONITORINFOEXW info;
    DEVMODEW dm;
    DWORD i, j;

    info.cbSize = sizeof(info);
    if (!GetMonitorInfoW(output->monitor, (MONITORINFO *)&info))
        return 0;
    for (i = 0;; ++i)
    {
        DXGI_MODE_DESC1 m;
        memset(&dm, 0, sizeof(dm));
        dm.dmSize = sizeof(dm);
        if (!EnumDisplaySettingsExW(info.szDevice, i, &dm, 0))
            break;
        if (dm.dmBitsPerPel && dm.dmBitsPerPel != 32)
            continue;
        memset(&m, 0, sizeof(m));
        m.Width = dm.dmPelsWidth;
        m.Height = dm.dmPelsHeight;
        m.RefreshRate.Numerator = dm.dmDisplayFrequency > 1 ? dm.dmDisplayFrequency : 60;
        m.RefreshRate.Denominator = 1;
        m.Format = format;
        m.ScanlineOrdering = DXGI_MODE_SCANLINE_ORDER_PROGRESSIVE;
        m.Scaling = DXGI_MODE_SCALING_UNSPECIFIED;
        for (j = 0; j < count; ++j)
            if (modes[j].Width == m.Width && modes[j].Height == m.Height && modes[j].RefreshRate.Numerator == m.RefreshRate.Numerator)
                break;
        if (j < count)
            continue;
        if (count >= max)
            break;
        /* insertion sort */
        for (j = count; j > 0; --j)
        {
            const DXGI_MODE_DESC1 *p = &modes[j - 1];
            if (p->Width < m.Width || (p->Width == m.Width && (p->Height < m.Height
                    || (p->Height == m.Height && p->RefreshRate.Numerator <= m.RefreshRate.Numerator))))
                break;
            modes[j] = *p;
        }
        modes[j] = m;
        ++count;
    }
    if (!count && max)
    {
        /* No enumerable modes: the current desktop size is the one mode. */
        modes[0].Width = info.rcMonitor.right - info.rcMonitor.left;
        modes[0].Height = info.rcMonitor.bottom - info.rcMonitor.top;
        modes[0].RefreshRate.Numerator = 60;
        modes[0].RefreshRate.Denominator = 1;
        modes[0].Format = format;
        modes[0].ScanlineOrdering = DXGI_MODE_SCANLINE_ORDER_PROGRESSIVE;
        modes[0].Scaling = DXGI_MODE_SCALING_UNSPECIFIED;
        modes[0].Stereo = FALSE;
        count = 1;
    }
#else
    (void)output; (void)format; (void)modes; (void)max;
#endif
    return count;
}

#define MAX_MODES 512

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDisplayModeList1(IDXGIOutput6 *iface, DXGI_FORMAT format,
        UINT flags, UINT *mode_count, DXGI_MODE_DESC1 *desc)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);
    DXGI_MODE_DESC1 *modes;
    UINT count, i, n = 0;
    HRESULT hr = S_OK;

    if (!mode_count)
        return DXGI_ERROR_INVALID_CALL;
    if (format == DXGI_FORMAT_UNKNOWN)
    {
        *mode_count = 0;
        return S_OK;
    }
    if (!is_display_format(format))
    {
        *mode_count = 0;
        return S_OK;
    }
    if (!(modes = calloc(MAX_MODES, sizeof(*modes))))
        return E_OUTOFMEMORY;
    count = collect_modes(output, format, modes, MAX_MODES);
    for (i = 0; i < count; ++i)
    {
        if (desc)
        {
            if (n >= *mode_count)
            {
                hr = DXGI_ERROR_MORE_DATA;
                break;
            }
            desc[n] = modes[i];
        }
        ++n;
    }
    *mode_count = n;
    free(modes);
    (void)flags;
    return hr;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDisplayModeList(IDXGIOutput6 *iface, DXGI_FORMAT format,
        UINT flags, UINT *mode_count, DXGI_MODE_DESC *desc)
{
    DXGI_MODE_DESC1 *modes = NULL;
    UINT count, i;
    HRESULT hr;

    if (!mode_count)
        return DXGI_ERROR_INVALID_CALL;
    if (!desc)
        return dxgi_output_GetDisplayModeList1(iface, format, flags, mode_count, NULL);
    count = *mode_count;
    if (count && !(modes = calloc(count, sizeof(*modes))))
        return E_OUTOFMEMORY;
    hr = dxgi_output_GetDisplayModeList1(iface, format, flags, &count, modes ? modes : (DXGI_MODE_DESC1 *)desc);
    for (i = 0; modes && i < count; ++i)
        memcpy(&desc[i], &modes[i], sizeof(*desc));
    *mode_count = count;
    free(modes);
    return hr;
}

static HRESULT find_closest(struct dxgi_output *output, const DXGI_MODE_DESC1 *want, DXGI_MODE_DESC1 *closest, IUnknown *device)
{
    DXGI_FORMAT format = want->Format;
    DXGI_MODE_DESC1 *modes;
    uint64_t best_score = UINT64_MAX;
    UINT count, i, best = 0;

    if (!want || !closest)
        return DXGI_ERROR_INVALID_CALL;
    /* DXGI: a zero width with a non-zero height (or the reverse) is invalid, as is half a rate. */
    if ((!want->Width) != (!want->Height))
        return DXGI_ERROR_INVALID_CALL;
    if ((!want->RefreshRate.Numerator) != (!want->RefreshRate.Denominator))
        return DXGI_ERROR_INVALID_CALL;
    if (format == DXGI_FORMAT_UNKNOWN)
    {
        if (!device)
            return DXGI_ERROR_INVALID_CALL;
        format = DXGI_FORMAT_R8G8B8A8_UNORM;
    }
    if (!is_display_format(format))
        return DXGI_ERROR_NOT_FOUND;
    if (!(modes = calloc(MAX_MODES, sizeof(*modes))))
        return E_OUTOFMEMORY;
    if (!(count = collect_modes(output, format, modes, MAX_MODES)))
    {
        free(modes);
        return DXGI_ERROR_NOT_FOUND;
    }
    for (i = 0; i < count; ++i)
    {
        uint64_t score = 0;
        if (want->Width)
        {
            int64_t dw = (int64_t)modes[i].Width - want->Width, dh = (int64_t)modes[i].Height - want->Height;
            score += (uint64_t)(dw * dw + dh * dh) << 16;
        }
        if (want->RefreshRate.Numerator)
        {
            double hz = (double)want->RefreshRate.Numerator / want->RefreshRate.Denominator;
            double d = modes[i].RefreshRate.Numerator - hz;
            score += (uint64_t)(d < 0 ? -d : d);
        }
        if (score < best_score)
        {
            best_score = score;
            best = i;
        }
    }
    *closest = modes[best];
    if (want->ScanlineOrdering != DXGI_MODE_SCANLINE_ORDER_UNSPECIFIED)
        closest->ScanlineOrdering = want->ScanlineOrdering;
    if (want->Scaling != DXGI_MODE_SCALING_UNSPECIFIED)
        closest->Scaling = want->Scaling;
    free(modes);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_FindClosestMatchingMode1(IDXGIOutput6 *iface, const DXGI_MODE_DESC1 *mode,
        DXGI_MODE_DESC1 *closest, IUnknown *device)
{
    if (!mode || !closest)
        return DXGI_ERROR_INVALID_CALL;
    return find_closest(impl_from_IDXGIOutput6(iface), mode, closest, device);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_FindClosestMatchingMode(IDXGIOutput6 *iface, const DXGI_MODE_DESC *mode,
        DXGI_MODE_DESC *closest, IUnknown *device)
{
    DXGI_MODE_DESC1 m1, c1;
    HRESULT hr;

    if (!mode || !closest)
        return DXGI_ERROR_INVALID_CALL;
    memset(&m1, 0, sizeof(m1));
    memcpy(&m1, mode, sizeof(*mode));
    if (SUCCEEDED(hr = find_closest(impl_from_IDXGIOutput6(iface), &m1, &c1, device)))
        memcpy(closest, &c1, sizeof(*closest));
    return hr;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_WaitForVBlank(IDXGIOutput6 *iface)
{
    /* No vblank source is exposed by the window systems here: pace at 60 Hz. */
    uint64_t period = 1000000000ull / 60, now = plat_time_ns();
    plat_sleep_ms((uint32_t)((period - now % period) / 1000000) + 1);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_TakeOwnership(IDXGIOutput6 *iface, IUnknown *device, BOOL exclusive)
{
    if (!device)
        return DXGI_ERROR_INVALID_CALL;
    FIXME("Exclusive ownership is not supported.");
    return E_NOTIMPL;
}

static void STDMETHODCALLTYPE dxgi_output_ReleaseOwnership(IDXGIOutput6 *iface)
{
    FIXME("Exclusive ownership is not supported.");
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetGammaControlCapabilities(IDXGIOutput6 *iface, DXGI_GAMMA_CONTROL_CAPABILITIES *caps)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);
    UINT i;

    if (!caps)
        return E_INVALIDARG;
    if (!output_owned(output->monitor))
        return DXGI_ERROR_NOT_CURRENTLY_AVAILABLE;
    caps->ScaleAndOffsetSupported = FALSE;
    caps->MaxConvertedValue = 1.0f;
    caps->MinConvertedValue = 0.0f;
    caps->NumGammaControlPoints = 1025;
    for (i = 0; i < caps->NumGammaControlPoints; ++i)
        caps->ControlPointPositions[i] = (float)i / (caps->NumGammaControlPoints - 1);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_SetGammaControl(IDXGIOutput6 *iface, const DXGI_GAMMA_CONTROL *gamma)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);

    if (!gamma)
        return E_INVALIDARG;
    if (!output_owned(output->monitor))
        return DXGI_ERROR_NOT_CURRENTLY_AVAILABLE;
    return set_gamma(output->monitor, gamma);
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetGammaControl(IDXGIOutput6 *iface, DXGI_GAMMA_CONTROL *gamma)
{
    struct dxgi_output *output = impl_from_IDXGIOutput6(iface);
    UINT i;

    if (!gamma)
        return E_INVALIDARG;
    if (!output_owned(output->monitor))
        return DXGI_ERROR_NOT_CURRENTLY_AVAILABLE;
    if (dxgi_output_get_gamma(output->monitor, gamma))
        return S_OK;
    memset(gamma, 0, sizeof(*gamma));
    gamma->Scale.Red = gamma->Scale.Green = gamma->Scale.Blue = 1.0f;
    for (i = 0; i < 1025; ++i)
        gamma->GammaCurve[i].Red = gamma->GammaCurve[i].Green = gamma->GammaCurve[i].Blue = (float)i / 1024.0f;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_SetDisplaySurface(IDXGIOutput6 *iface, IDXGISurface *surface)
{
    FIXME("Display surfaces are not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDisplaySurfaceData(IDXGIOutput6 *iface, IDXGISurface *surface)
{
    FIXME("Reading the desktop is not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetFrameStatistics(IDXGIOutput6 *iface, DXGI_FRAME_STATISTICS *stats)
{
    LARGE_INTEGER now;

    if (!stats)
        return E_INVALIDARG;
    memset(stats, 0, sizeof(*stats));
    now.QuadPart = (LONGLONG)(plat_time_ns() / 100);
    stats->SyncQPCTime = now;
    stats->SyncRefreshCount = (UINT)(plat_time_ns() / (1000000000ull / 60));
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_GetDisplaySurfaceData1(IDXGIOutput6 *iface, IDXGIResource *resource)
{
    FIXME("Reading the desktop is not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_DuplicateOutput(IDXGIOutput6 *iface, IUnknown *device, IDXGIOutputDuplication **dup)
{
    if (dup)
        *dup = NULL;
    FIXME("Desktop duplication is not supported.");
    return E_NOTIMPL;
}

static BOOL STDMETHODCALLTYPE dxgi_output_SupportsOverlays(IDXGIOutput6 *iface)
{
    return FALSE;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_CheckOverlaySupport(IDXGIOutput6 *iface, DXGI_FORMAT format, IUnknown *device, UINT *flags)
{
    if (!device || !flags)
        return E_INVALIDARG;
    *flags = 0;
    return DXGI_ERROR_UNSUPPORTED;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_CheckOverlayColorSpaceSupport(IDXGIOutput6 *iface, DXGI_FORMAT format,
        DXGI_COLOR_SPACE_TYPE color_space, IUnknown *device, UINT *flags)
{
    if (!device || !flags)
        return E_INVALIDARG;
    *flags = 0;
    return DXGI_ERROR_UNSUPPORTED;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_DuplicateOutput1(IDXGIOutput6 *iface, IUnknown *device, UINT flags,
        UINT format_count, const DXGI_FORMAT *formats, IDXGIOutputDuplication **dup)
{
    if (dup)
        *dup = NULL;
    FIXME("Desktop duplication is not supported.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_output_CheckHardwareCompositionSupport(IDXGIOutput6 *iface, UINT *flags)
{
    if (!flags)
        return E_INVALIDARG;
    *flags = 0;
    return S_OK;
}

static const IDXGIOutput6Vtbl dxgi_output_vtbl =
{
    .QueryInterface = dxgi_output_QueryInterface,
    .AddRef = dxgi_output_AddRef,
    .Release = dxgi_output_Release,
    .SetPrivateData = dxgi_output_SetPrivateData,
    .SetPrivateDataInterface = dxgi_output_SetPrivateDataInterface,
    .GetPrivateData = dxgi_output_GetPrivateData,
    .GetParent = dxgi_output_GetParent,
    .GetDesc = dxgi_output_GetDesc,
    .GetDisplayModeList = dxgi_output_GetDisplayModeList,
    .FindClosestMatchingMode = dxgi_output_FindClosestMatchingMode,
    .WaitForVBlank = dxgi_output_WaitForVBlank,
    .TakeOwnership = dxgi_output_TakeOwnership,
    .ReleaseOwnership = dxgi_output_ReleaseOwnership,
    .GetGammaControlCapabilities = dxgi_output_GetGammaControlCapabilities,
    .SetGammaControl = dxgi_output_SetGammaControl,
    .GetGammaControl = dxgi_output_GetGammaControl,
    .SetDisplaySurface = dxgi_output_SetDisplaySurface,
    .GetDisplaySurfaceData = dxgi_output_GetDisplaySurfaceData,
    .GetFrameStatistics = dxgi_output_GetFrameStatistics,
    .GetDisplayModeList1 = dxgi_output_GetDisplayModeList1,
    .FindClosestMatchingMode1 = dxgi_output_FindClosestMatchingMode1,
    .GetDisplaySurfaceData1 = dxgi_output_GetDisplaySurfaceData1,
    .DuplicateOutput = dxgi_output_DuplicateOutput,
    .SupportsOverlays = dxgi_output_SupportsOverlays,
    .CheckOverlaySupport = dxgi_output_CheckOverlaySupport,
    .CheckOverlayColorSpaceSupport = dxgi_output_CheckOverlayColorSpaceSupport,
    .DuplicateOutput1 = dxgi_output_DuplicateOutput1,
    .GetDesc1 = dxgi_output_GetDesc1,
    .CheckHardwareCompositionSupport = dxgi_output_CheckHardwareCompositionSupport,
};

HRESULT dxgi_output_create(struct dxgi_adapter *adapter, HMONITOR monitor, UINT index, IDXGIOutput **out)
{
    struct dxgi_output *output;

    if (!(output = calloc(1, sizeof(*output))))
        return E_OUTOFMEMORY;
    output->IDXGIOutput6_iface.lpVtbl = &dxgi_output_vtbl;
    output->obj.refcount = 1;
    d3d11vk_private_store_init(&output->obj.private_data);
    output->adapter = adapter;
    IDXGIAdapter4_AddRef(&adapter->IDXGIAdapter4_iface);
    output->monitor = monitor;
    output->index = index;
    *out = (IDXGIOutput *)&output->IDXGIOutput6_iface;
    return S_OK;
}
