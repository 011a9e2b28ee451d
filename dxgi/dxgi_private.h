/* dxgi_private.h — dxgi.dll's objects: factory, adapter, output. */
#ifndef D3D11VK_DXGI_PRIVATE_H
#define D3D11VK_DXGI_PRIVATE_H

#include "com.h"
#include "d3d11vk_private.h"
#include "vk_backend.h"

struct dxgi_factory
{
    IDXGIFactory6 IDXGIFactory6_iface;
    ID3D11VKFactory ID3D11VKFactory_iface;
    struct d3d11vk_object obj;
    struct vk_instance *instance;
    UINT flags;
    HWND window;
    UINT window_flags;
    struct plat_mutex lock;
};

struct dxgi_adapter
{
    IDXGIAdapter4 IDXGIAdapter4_iface;
    ID3D11VKAdapter ID3D11VKAdapter_iface;
    struct d3d11vk_object obj;
    struct dxgi_factory *factory;      /* holds a reference */
    struct vk_adapter *backend;
    LUID luid;
};

HRESULT dxgi_factory_create(UINT flags, REFIID riid, void **out);
struct dxgi_factory *unsafe_impl_from_IDXGIFactory(IUnknown *iface);
HRESULT dxgi_adapter_create(struct dxgi_factory *factory, struct vk_adapter *backend, struct dxgi_adapter **out);
HRESULT dxgi_output_create(struct dxgi_adapter *adapter, HMONITOR monitor, UINT index, IDXGIOutput **out);
/* The monitor's gamma ramp (SetGammaControl), if one was set; the serial changes with every set. */
bool dxgi_output_get_gamma(HMONITOR monitor, DXGI_GAMMA_CONTROL *ramp);
UINT dxgi_output_gamma_serial(void);
/* A swap chain entering (owned) or leaving fullscreen on the monitor: the gamma methods of its
 * outputs answer only while at least one fullscreen swap chain owns it. */
void dxgi_output_set_owned(HMONITOR monitor, bool owned);
/* Monitors attached to the desktop, in EnumDisplayMonitors order (primary first). */
UINT dxgi_enum_monitors(HMONITOR *monitors, UINT max);

void utf8_to_wide(const char *src, WCHAR *dst, size_t dst_len);

#endif
