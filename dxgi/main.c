/* main.c — dxgi.dll's exports. */

#include "dxgi_private.h"

#ifndef DXGI_ERROR_ALREADY_EXISTS
# define DXGI_ERROR_ALREADY_EXISTS_D3D11VK ((HRESULT)0x887a0036)
#else
# define DXGI_ERROR_ALREADY_EXISTS_D3D11VK DXGI_ERROR_ALREADY_EXISTS
#endif

D3D11VK_EXPORT HRESULT WINAPI CreateDXGIFactory2(UINT flags, REFIID riid, void **factory)
{
    LOG_TRACE("flags %#x, riid %s.", flags, debugstr_guid(riid));
    return dxgi_factory_create(flags, riid, factory);
}

D3D11VK_EXPORT HRESULT WINAPI CreateDXGIFactory1(REFIID riid, void **factory)
{
    return dxgi_factory_create(0, riid, factory);
}

D3D11VK_EXPORT HRESULT WINAPI CreateDXGIFactory(REFIID riid, void **factory)
{
    return dxgi_factory_create(0, riid, factory);
}

D3D11VK_EXPORT HRESULT WINAPI DXGIGetDebugInterface1(UINT flags, REFIID riid, void **debug)
{
    /* The DXGI debug layer is part of the Windows SDK, not of the runtime. */
    if (debug)
        *debug = NULL;
    LOG_WARN("The DXGI debug interface (%s) is not available.", debugstr_guid(riid));
    return E_NOINTERFACE;
}

D3D11VK_EXPORT HRESULT WINAPI DXGIDeclareAdapterRemovalSupport(void)
{
    static volatile LONG declared;

    /* DXGI: declaring twice is an error. */
    if (__atomic_exchange_n(&declared, 1, __ATOMIC_SEQ_CST))
        return DXGI_ERROR_ALREADY_EXISTS_D3D11VK;
    return S_OK;
}

D3D11VK_EXPORT HRESULT WINAPI DXGIDisableVBlankVirtualization(void)
{
    return S_OK;
}

D3D11VK_EXPORT void WINAPI DXGIReportAdapterConfiguration(void *data)
{
    (void)data;
}

/* Entry points the Direct3D 10 layered runtime and tools call; they are not part of what
 * applications use, and answer as unsupported. */
D3D11VK_EXPORT HRESULT WINAPI DXGID3D10CreateDevice(HMODULE d3d10core, IDXGIFactory *factory, IDXGIAdapter *adapter,
        UINT flags, const void *feature_levels, void **device)
{
    if (device)
        *device = NULL;
    FIXME("Direct3D 10 devices are not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI DXGID3D10CreateLayeredDevice(IDXGIAdapter *adapter, UINT layers, UINT flags, void *args, REFIID riid, void **device)
{
    if (device)
        *device = NULL;
    FIXME("Layered Direct3D 10 devices are not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT SIZE_T WINAPI DXGID3D10GetLayeredDeviceSize(const void *layers, UINT layer_count)
{
    FIXME("Layered Direct3D 10 devices are not supported.");
    return 0;
}

D3D11VK_EXPORT HRESULT WINAPI DXGID3D10RegisterLayers(const void *layers, UINT layer_count)
{
    FIXME("Direct3D 10 layers are not supported.");
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI DXGIDumpJournal(void *callback)
{
    return E_NOTIMPL;
}

D3D11VK_EXPORT HRESULT WINAPI PIXBeginCapture(INT64 flags, void *params)
{
    return DXGI_ERROR_UNSUPPORTED;
}

D3D11VK_EXPORT HRESULT WINAPI PIXEndCapture(BOOL discard)
{
    return DXGI_ERROR_UNSUPPORTED;
}

D3D11VK_EXPORT DWORD WINAPI PIXGetCaptureState(void)
{
    return 0;
}

D3D11VK_EXPORT HRESULT WINAPI DXGIUnsupportedCompatEntry(void)
{
    return E_NOTIMPL;
}
