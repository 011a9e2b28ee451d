/* d3d11vk_private.h — private COM interfaces between dxgi.dll and d3d11.dll (and the tests,
 * which use them to prove the project's DLLs are the ones loaded). */
#ifndef D3D11VK_PRIVATE_H
#define D3D11VK_PRIVATE_H

#include "d3d11vk_common.h"

struct vk_adapter;
struct vk_device;

/* On every IDXGIAdapter of the project: the backend adapter behind it. */
DEFINE_GUID(IID_ID3D11VKAdapter, 0x6a3c1d52, 0x8f0e, 0x4b7a, 0x9d, 0x31, 0x5e, 0x27, 0xc4, 0x80, 0x11, 0xa1);
typedef struct ID3D11VKAdapter ID3D11VKAdapter;
typedef struct ID3D11VKAdapterVtbl
{
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ID3D11VKAdapter *iface, REFIID riid, void **out);
    ULONG (STDMETHODCALLTYPE *AddRef)(ID3D11VKAdapter *iface);
    ULONG (STDMETHODCALLTYPE *Release)(ID3D11VKAdapter *iface);
    struct vk_adapter *(STDMETHODCALLTYPE *GetBackendAdapter)(ID3D11VKAdapter *iface);
} ID3D11VKAdapterVtbl;
struct ID3D11VKAdapter { const ID3D11VKAdapterVtbl *lpVtbl; };

/* On every ID3D11Device of the project: the backend device, and facts tests may check. */
struct vk_cs;
DEFINE_GUID(IID_ID3D11VKDevice, 0x0f6d3a21, 0x2c45, 0x4e8b, 0xa9, 0x07, 0x3b, 0x61, 0xd2, 0x9e, 0x44, 0x5c);
typedef struct ID3D11VKDevice ID3D11VKDevice;
typedef struct ID3D11VKDeviceVtbl
{
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ID3D11VKDevice *iface, REFIID riid, void **out);
    ULONG (STDMETHODCALLTYPE *AddRef)(ID3D11VKDevice *iface);
    ULONG (STDMETHODCALLTYPE *Release)(ID3D11VKDevice *iface);
    struct vk_device *(STDMETHODCALLTYPE *GetBackendDevice)(ID3D11VKDevice *iface);
    /* Number of Vulkan validation-layer errors seen by this process's backend so far. */
    UINT (STDMETHODCALLTYPE *GetValidationErrorCount)(ID3D11VKDevice *iface);
    /* The immediate context's command stream (vulkan/vk_cs.h): swap chains record their
     * presents into it (used under the context's threading rules). */
    struct vk_cs *(STDMETHODCALLTYPE *GetImmediateStream)(ID3D11VKDevice *iface);
} ID3D11VKDeviceVtbl;
struct ID3D11VKDevice { const ID3D11VKDeviceVtbl *lpVtbl; };

/* On every texture of the project: the backend image behind it (swap chains blit from it). */
struct vk_image;
DEFINE_GUID(IID_ID3D11VKResource, 0x3c9b7e14, 0x51d2, 0x4a6f, 0x8e, 0x0b, 0x27, 0xd4, 0x91, 0x6a, 0xc3, 0x58);
/* Private data that swap chains put on their back buffers: DXGI_USAGE bits (DXGI_USAGE_BACK_BUFFER,
 * DXGI_USAGE_READ_ONLY) that IDXGIResource::GetUsage adds to those the bind flags give. */
DEFINE_GUID(D3D11VK_GUID_BACK_BUFFER_USAGE, 0x5e2f9a63, 0x0b7d, 0x4c31, 0x9d, 0x48, 0x6a, 0x13, 0xe2, 0x7f, 0xb0, 0x95);
typedef struct ID3D11VKResource ID3D11VKResource;
typedef struct ID3D11VKResourceVtbl
{
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ID3D11VKResource *iface, REFIID riid, void **out);
    ULONG (STDMETHODCALLTYPE *AddRef)(ID3D11VKResource *iface);
    ULONG (STDMETHODCALLTYPE *Release)(ID3D11VKResource *iface);
    struct vk_image *(STDMETHODCALLTYPE *GetBackendImage)(ID3D11VKResource *iface);
    /* References that are not the application's (the device-child rule): swap chains keep
     * their back buffers alive with these, so the refcount the application sees is its own. */
    void (STDMETHODCALLTYPE *AddRefInternal)(ID3D11VKResource *iface);
    void (STDMETHODCALLTYPE *ReleaseInternal)(ID3D11VKResource *iface);
} ID3D11VKResourceVtbl;
struct ID3D11VKResource { const ID3D11VKResourceVtbl *lpVtbl; };

/* On the project's IDXGIFactory: process-wide facts for tests. */
DEFINE_GUID(IID_ID3D11VKFactory, 0x8b1e4f70, 0x5d2a, 0x4c19, 0xb6, 0x4e, 0x71, 0x0a, 0x93, 0xcd, 0x28, 0x3f);
typedef struct ID3D11VKFactory ID3D11VKFactory;
typedef struct ID3D11VKFactoryVtbl
{
    HRESULT (STDMETHODCALLTYPE *QueryInterface)(ID3D11VKFactory *iface, REFIID riid, void **out);
    ULONG (STDMETHODCALLTYPE *AddRef)(ID3D11VKFactory *iface);
    ULONG (STDMETHODCALLTYPE *Release)(ID3D11VKFactory *iface);
    UINT (STDMETHODCALLTYPE *GetValidationErrorCount)(ID3D11VKFactory *iface);
    /* Number of live backend VkDevices in the process (DESIGN decision 4: one per adapter). */
    UINT (STDMETHODCALLTYPE *GetBackendDeviceCount)(ID3D11VKFactory *iface);
} ID3D11VKFactoryVtbl;
struct ID3D11VKFactory { const ID3D11VKFactoryVtbl *lpVtbl; };

#endif
