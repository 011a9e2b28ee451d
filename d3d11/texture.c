/* texture.c — ID3D11Texture1D/2D1/3D1 with their DXGI faces (IDXGIResource1 on every resource,
 * IDXGISurface2 on single-subresource 2D textures), creation and its validation, and the
 * resource helpers buffers share (format support cache, subresource layout). */
#include "resource.h"
#include "sharing.h"  /* sharing (issue 5) */

/* Shared resource helpers ------------------------------------------------------------ */

UINT d3d11_full_mip_count(UINT w, UINT h, UINT d)
{
    UINT m = d3d11vk_max(w, d3d11vk_max(h, d)), count = 1;

    while (m > 1)
    {
        m >>= 1;
        ++count;
    }
    return count;
}

void d3d11_resource_mip_extent(const struct d3d11_resource *r, UINT level, UINT *w, UINT *h, UINT *d)
{
    *w = d3d11_mip_size(r->width, level);
    *h = d3d11_mip_size(r->height, level);
    *d = d3d11_mip_size(r->depth, level);
}

bool d3d11_resource_subresource_layout(const struct d3d11_resource *r, UINT subresource,
        size_t *row_pitch, size_t *depth_pitch, size_t *size)
{
    UINT w, h, d;

    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        *row_pitch = *depth_pitch = *size = r->width;
        return true;
    }
    d3d11_resource_mip_extent(r, subresource % r->mip_levels, &w, &h, &d);
    if (!d3d11vk_format_pitch(r->info, w, row_pitch))
        return false;
    if (!d3d11vk_format_slice_size_pitched(r->info, *row_pitch, h, depth_pitch))
        return false;
    return size_mul_ok(*depth_pitch, d, size);
}

static UINT cached_format_support(struct d3d11_device *device, DXGI_FORMAT format)
{
    UINT support;

    /* The device caches what Vulkan answers per format. */
    return d3d11_device_format_support(device, format, &support, NULL) ? support : 0;
}

#define FORMAT_CACHE_FORMATS 256

UINT d3d11_resource_format_support(struct d3d11_device *device, DXGI_FORMAT format, bool family)
{
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format), *m;
    UINT support, f;

    if (!info)
        return 0;
    support = cached_format_support(device, format);
    if (!family || !(info->flags & D3D11VK_FORMAT_TYPELESS))
        return support;
    for (f = 1; f < FORMAT_CACHE_FORMATS; ++f)
        if (f != (UINT)format && (m = d3d11vk_format_get(f)) && m->typeless == format)
            support |= cached_format_support(device, f);
    return support;
}

/* D3D11 multisample levels of a resource format; typeless formats take the best member. */
static UINT resource_msaa_levels(struct d3d11_device *device, DXGI_FORMAT format, UINT samples)
{
    ID3D11Device5 *iface = &device->ID3D11Device5_iface;
    const struct d3d11vk_format_info *info = d3d11vk_format_get(format), *m;
    UINT levels = 0, l, f;

    if (FAILED(iface->lpVtbl->CheckMultisampleQualityLevels(iface, format, samples, &levels)))
        levels = 0;
    if (!info || !(info->flags & D3D11VK_FORMAT_TYPELESS))
        return levels;
    for (f = 1; f < FORMAT_CACHE_FORMATS; ++f)
        if (f != (UINT)format && (m = d3d11vk_format_get(f)) && m->typeless == format
                && SUCCEEDED(iface->lpVtbl->CheckMultisampleQualityLevels(iface, f, samples, &l)) && l > levels)
            levels = l;
    return levels;
}

/* The IDXGIResource1 face, common to buffers and textures ------------------------------ */

static inline struct d3d11_resource *impl_from_IDXGIResource1(IDXGIResource1 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_resource, IDXGIResource1_iface);
}

HRESULT d3d11_resource_query_interface(struct d3d11_resource *r, REFIID riid, void **out)
{
    if (out && IsEqualGUID(riid, &IID_IDXGIKeyedMutex))  /* sharing (issue 5) */
        return d3d11_resource_keyed_mutex_qi(r, out);
    return d3d11vk_query_interface(r->outer, r->qi, r->qi_count, riid, out);
}

void d3d11_resource_init(struct d3d11_resource *r, struct d3d11_device *device, void *outer,
        const struct d3d11vk_qi_entry *qi, size_t qi_count, ID3D11Resource *iface,
        void (*destroy)(struct d3d11vk_child *))
{
    r->IDXGIResource1_iface.lpVtbl = &d3d11_dxgi_resource_vtbl;
    r->outer = outer;
    r->qi = qi;
    r->qi_count = qi_count;
    r->device = device;
    r->iface = iface;
    r->eviction_priority = DXGI_RESOURCE_PRIORITY_NORMAL;
    d3d11vk_child_init(&r->child, (IUnknown *)&device->ID3D11Device5_iface, destroy);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_QueryInterface(IDXGIResource1 *iface, REFIID riid, void **out)
{
    return d3d11_resource_query_interface(impl_from_IDXGIResource1(iface), riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_resource_AddRef(IDXGIResource1 *iface)
{
    return d3d11vk_child_addref(&impl_from_IDXGIResource1(iface)->child);
}

static ULONG STDMETHODCALLTYPE dxgi_resource_Release(IDXGIResource1 *iface)
{
    return d3d11vk_child_release(&impl_from_IDXGIResource1(iface)->child);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_SetPrivateData(IDXGIResource1 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIResource1(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_SetPrivateDataInterface(IDXGIResource1 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIResource1(iface)->child.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetPrivateData(IDXGIResource1 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIResource1(iface)->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetParent(IDXGIResource1 *iface, REFIID riid, void **parent)
{
    /* The parent of a device-created resource is the device. */
    struct d3d11_device *device = impl_from_IDXGIResource1(iface)->device;
    return IDXGIDevice4_QueryInterface(&device->IDXGIDevice4_iface, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetDevice(IDXGIResource1 *iface, REFIID riid, void **out)
{
    struct d3d11_device *device = impl_from_IDXGIResource1(iface)->device;
    return IDXGIDevice4_QueryInterface(&device->IDXGIDevice4_iface, riid, out);
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetSharedHandle(IDXGIResource1 *iface, HANDLE *handle)
{
    struct d3d11_resource *r = impl_from_IDXGIResource1(iface);

    if (!handle)
        return E_INVALIDARG;
    *handle = NULL;
    if (!(r->misc_flags & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX)))
        return E_INVALIDARG;
    return d3d11_resource_get_shared_handle(r, handle);  /* sharing (issue 5) */
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetUsage(IDXGIResource1 *iface, DXGI_USAGE *usage)
{
    struct d3d11_resource *r = impl_from_IDXGIResource1(iface);
    DXGI_USAGE u = 0, back = 0;
    UINT size = sizeof(back);

    if (!usage)
        return E_INVALIDARG;
    /* Swap chain back buffers (dxgi/swapchain.c) carry their extra usage bits. */
    if (SUCCEEDED(d3d11vk_private_store_get(&r->child.private_data, &D3D11VK_GUID_BACK_BUFFER_USAGE, &size, &back))
            && size == sizeof(back))
        u |= back;
    if (r->bind_flags & D3D11_BIND_SHADER_RESOURCE)
        u |= DXGI_USAGE_SHADER_INPUT;
    if (r->bind_flags & D3D11_BIND_RENDER_TARGET)
        u |= DXGI_USAGE_RENDER_TARGET_OUTPUT;
    if (r->bind_flags & D3D11_BIND_UNORDERED_ACCESS)
        u |= DXGI_USAGE_UNORDERED_ACCESS;
    if (r->usage == D3D11_USAGE_DYNAMIC)
        u |= DXGI_CPU_ACCESS_DYNAMIC;
    else if (r->usage == D3D11_USAGE_STAGING)
        u |= DXGI_CPU_ACCESS_READ_WRITE;
    *usage = u;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_SetEvictionPriority(IDXGIResource1 *iface, UINT priority)
{
    impl_from_IDXGIResource1(iface)->eviction_priority = priority;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_GetEvictionPriority(IDXGIResource1 *iface, UINT *priority)
{
    if (!priority)
        return E_INVALIDARG;
    *priority = impl_from_IDXGIResource1(iface)->eviction_priority;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_CreateSubresourceSurface(IDXGIResource1 *iface, UINT index,
        IDXGISurface2 **surface)
{
    struct d3d11_resource *r = impl_from_IDXGIResource1(iface);

    if (!surface)
        return E_INVALIDARG;
    *surface = NULL;
    if (r->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D || index >= d3d11_resource_subresource_count(r))
        return E_INVALIDARG;
    /* The texture's own surface face stands for its only subresource. */
    if (d3d11_resource_subresource_count(r) == 1)
        return d3d11_resource_query_interface(r, &IID_IDXGISurface2, (void **)surface);
    FIXME("Surfaces of subresources of multi-subresource textures are not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_resource_CreateSharedHandle(IDXGIResource1 *iface,
        const SECURITY_ATTRIBUTES *attributes, DWORD access, const WCHAR *name, HANDLE *handle)
{
    struct d3d11_resource *r = impl_from_IDXGIResource1(iface);

    if (!handle)
        return E_INVALIDARG;
    *handle = NULL;
    if (!(r->misc_flags & D3D11_RESOURCE_MISC_SHARED_NTHANDLE))
        return E_INVALIDARG;
    return d3d11_resource_create_shared_handle(r, attributes, access, name, handle);  /* sharing (issue 5) */
}

const IDXGIResource1Vtbl d3d11_dxgi_resource_vtbl =
{
    .QueryInterface = dxgi_resource_QueryInterface,
    .AddRef = dxgi_resource_AddRef,
    .Release = dxgi_resource_Release,
    .SetPrivateData = dxgi_resource_SetPrivateData,
    .SetPrivateDataInterface = dxgi_resource_SetPrivateDataInterface,
    .GetPrivateData = dxgi_resource_GetPrivateData,
    .GetParent = dxgi_resource_GetParent,
    .GetDevice = dxgi_resource_GetDevice,
    .GetSharedHandle = dxgi_resource_GetSharedHandle,
    .GetUsage = dxgi_resource_GetUsage,
    .SetEvictionPriority = dxgi_resource_SetEvictionPriority,
    .GetEvictionPriority = dxgi_resource_GetEvictionPriority,
    .CreateSubresourceSurface = dxgi_resource_CreateSubresourceSurface,
    .CreateSharedHandle = dxgi_resource_CreateSharedHandle,
};

/* Textures ------------------------------------------------------------------------------ */

struct d3d11_texture
{
    union
    {
        ID3D11Texture1D t1;
        ID3D11Texture2D1 t2;
        ID3D11Texture3D1 t3;
    } iface;
    IDXGISurface2 IDXGISurface2_iface;
    ID3D11VKResource ID3D11VKResource_iface;    /* the backend image, for swap chains */
    struct d3d11_resource r;
    D3D11_TEXTURE_LAYOUT layout;
    UINT sample_quality;
};

static const ID3D11Texture1DVtbl d3d11_texture1d_vtbl;
static const ID3D11Texture2D1Vtbl d3d11_texture2d_vtbl;
static const ID3D11Texture3D1Vtbl d3d11_texture3d_vtbl;
static const IDXGISurface2Vtbl d3d11_dxgi_surface_vtbl;

#define TEX_OFF(field) offsetof(struct d3d11_texture, field)
#define TEX_RES_OFF TEX_OFF(r) + offsetof(struct d3d11_resource, IDXGIResource1_iface)

static const struct d3d11vk_qi_entry texture1d_qi[] =
{
    { &IID_ID3D11Texture1D, TEX_OFF(iface) },
    { &IID_ID3D11Resource, TEX_OFF(iface) },
    { &IID_ID3D11DeviceChild, TEX_OFF(iface) },
    { &IID_IDXGIResource1, TEX_RES_OFF },
    { &IID_IDXGIResource, TEX_RES_OFF },
    { &IID_IDXGIDeviceSubObject, TEX_RES_OFF },
    { &IID_IDXGIObject, TEX_RES_OFF },
};

static const struct d3d11vk_qi_entry texture2d_qi[] =
{
    { &IID_ID3D11Texture2D1, TEX_OFF(iface) },
    { &IID_ID3D11Texture2D, TEX_OFF(iface) },
    { &IID_ID3D11Resource, TEX_OFF(iface) },
    { &IID_ID3D11DeviceChild, TEX_OFF(iface) },
    { &IID_IDXGIResource1, TEX_RES_OFF },
    { &IID_IDXGIResource, TEX_RES_OFF },
    { &IID_IDXGIDeviceSubObject, TEX_RES_OFF },
    { &IID_IDXGIObject, TEX_RES_OFF },
    /* Kept last: only single-subresource textures answer the surface interfaces. */
    { &IID_IDXGISurface2, TEX_OFF(IDXGISurface2_iface) },
    { &IID_IDXGISurface1, TEX_OFF(IDXGISurface2_iface) },
    { &IID_IDXGISurface, TEX_OFF(IDXGISurface2_iface) },
};

static const struct d3d11vk_qi_entry texture3d_qi[] =
{
    { &IID_ID3D11Texture3D1, TEX_OFF(iface) },
    { &IID_ID3D11Texture3D, TEX_OFF(iface) },
    { &IID_ID3D11Resource, TEX_OFF(iface) },
    { &IID_ID3D11DeviceChild, TEX_OFF(iface) },
    { &IID_IDXGIResource1, TEX_RES_OFF },
    { &IID_IDXGIResource, TEX_RES_OFF },
    { &IID_IDXGIDeviceSubObject, TEX_RES_OFF },
    { &IID_IDXGIObject, TEX_RES_OFF },
};

static inline struct d3d11_texture *texture_from_any(void *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_texture, iface);
}

struct d3d11_resource *d3d11_resource_from_iface(ID3D11Resource *iface)
{
    const void *vtbl;

    if (!iface)
        return NULL;
    vtbl = iface->lpVtbl;
    if (vtbl == &d3d11_texture1d_vtbl || vtbl == &d3d11_texture2d_vtbl || vtbl == &d3d11_texture3d_vtbl)
        return &texture_from_any(iface)->r;
    return d3d11_buffer_from_iface((ID3D11Buffer *)iface);
}

/* The ID3D11DeviceChild + ID3D11Resource part of the three texture vtables. */
/* ID3D11VKResource: a private face reached only through QueryInterface. */
static inline struct d3d11_texture *impl_from_ID3D11VKResource(ID3D11VKResource *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_texture, ID3D11VKResource_iface);
}

static HRESULT STDMETHODCALLTYPE texture_vkresource_QueryInterface(ID3D11VKResource *iface, REFIID riid, void **out)
{
    return d3d11_resource_query_interface(&impl_from_ID3D11VKResource(iface)->r, riid, out);
}

static ULONG STDMETHODCALLTYPE texture_vkresource_AddRef(ID3D11VKResource *iface)
{
    return d3d11vk_child_addref(&impl_from_ID3D11VKResource(iface)->r.child);
}

static ULONG STDMETHODCALLTYPE texture_vkresource_Release(ID3D11VKResource *iface)
{
    return d3d11vk_child_release(&impl_from_ID3D11VKResource(iface)->r.child);
}

static struct vk_image *STDMETHODCALLTYPE texture_vkresource_GetBackendImage(ID3D11VKResource *iface)
{
    struct d3d11_texture *t = impl_from_ID3D11VKResource(iface);
    return t->r.backend ? t->r.backend->image : NULL;
}

static void STDMETHODCALLTYPE texture_vkresource_AddRefInternal(ID3D11VKResource *iface)
{
    d3d11vk_child_incref_internal(&impl_from_ID3D11VKResource(iface)->r.child);
}

static void STDMETHODCALLTYPE texture_vkresource_ReleaseInternal(ID3D11VKResource *iface)
{
    d3d11vk_child_decref_internal(&impl_from_ID3D11VKResource(iface)->r.child);
}

static const ID3D11VKResourceVtbl texture_vkresource_vtbl =
{
    texture_vkresource_QueryInterface,
    texture_vkresource_AddRef,
    texture_vkresource_Release,
    texture_vkresource_GetBackendImage,
    texture_vkresource_AddRefInternal,
    texture_vkresource_ReleaseInternal,
};

static HRESULT STDMETHODCALLTYPE texture_QueryInterface(ID3D11Texture2D1 *iface, REFIID riid, void **out)
{
    struct d3d11_texture *t = texture_from_any(iface);

    if (out && IsEqualGUID(riid, &IID_ID3D11VKResource))
    {
        t->ID3D11VKResource_iface.lpVtbl = &texture_vkresource_vtbl;
        d3d11vk_child_addref(&t->r.child);
        *out = &t->ID3D11VKResource_iface;
        return S_OK;
    }
    if (t->r.dimension == D3D11_RESOURCE_DIMENSION_TEXTURE2D && d3d11_resource_subresource_count(&t->r) > 1
            && (IsEqualGUID(riid, &IID_IDXGISurface) || IsEqualGUID(riid, &IID_IDXGISurface1)
            || IsEqualGUID(riid, &IID_IDXGISurface2)))
    {
        if (out)
            *out = NULL;
        return E_NOINTERFACE;
    }
    return d3d11_resource_query_interface(&t->r, riid, out);
}

D3D11VK_DEVICE_CHILD_BASE_METHODS_AT(texture, ID3D11Texture2D1, struct d3d11_texture, iface, r.child)

static void STDMETHODCALLTYPE texture_GetType(ID3D11Texture2D1 *iface, D3D11_RESOURCE_DIMENSION *dimension)
{
    if (dimension)
        *dimension = texture_from_any(iface)->r.dimension;
}

static void STDMETHODCALLTYPE texture_SetEvictionPriority(ID3D11Texture2D1 *iface, UINT priority)
{
    texture_from_any(iface)->r.eviction_priority = priority;
}

static UINT STDMETHODCALLTYPE texture_GetEvictionPriority(ID3D11Texture2D1 *iface)
{
    return texture_from_any(iface)->r.eviction_priority;
}

static void texture_desc1d(const struct d3d11_texture *t, D3D11_TEXTURE1D_DESC *d)
{
    d->Width = t->r.width;
    d->MipLevels = t->r.mip_levels;
    d->ArraySize = t->r.array_size;
    d->Format = t->r.format;
    d->Usage = t->r.usage;
    d->BindFlags = t->r.bind_flags;
    d->CPUAccessFlags = t->r.cpu_access;
    d->MiscFlags = t->r.misc_flags;
}

static void texture_desc2d(const struct d3d11_texture *t, D3D11_TEXTURE2D_DESC1 *d)
{
    d->Width = t->r.width;
    d->Height = t->r.height;
    d->MipLevels = t->r.mip_levels;
    d->ArraySize = t->r.array_size;
    d->Format = t->r.format;
    d->SampleDesc.Count = t->r.sample_count;
    d->SampleDesc.Quality = t->sample_quality;
    d->Usage = t->r.usage;
    d->BindFlags = t->r.bind_flags;
    d->CPUAccessFlags = t->r.cpu_access;
    d->MiscFlags = t->r.misc_flags;
    d->TextureLayout = t->layout;
}

static void texture_desc3d(const struct d3d11_texture *t, D3D11_TEXTURE3D_DESC1 *d)
{
    d->Width = t->r.width;
    d->Height = t->r.height;
    d->Depth = t->r.depth;
    d->MipLevels = t->r.mip_levels;
    d->Format = t->r.format;
    d->Usage = t->r.usage;
    d->BindFlags = t->r.bind_flags;
    d->CPUAccessFlags = t->r.cpu_access;
    d->MiscFlags = t->r.misc_flags;
    d->TextureLayout = t->layout;
}

static void STDMETHODCALLTYPE texture1d_GetDesc(ID3D11Texture1D *iface, D3D11_TEXTURE1D_DESC *desc)
{
    if (desc)
        texture_desc1d(texture_from_any(iface), desc);
}

static void STDMETHODCALLTYPE texture2d_GetDesc(ID3D11Texture2D1 *iface, D3D11_TEXTURE2D_DESC *desc)
{
    D3D11_TEXTURE2D_DESC1 d;

    if (!desc)
        return;
    texture_desc2d(texture_from_any(iface), &d);
    memcpy(desc, &d, sizeof(*desc));
}

static void STDMETHODCALLTYPE texture2d_GetDesc1(ID3D11Texture2D1 *iface, D3D11_TEXTURE2D_DESC1 *desc)
{
    if (desc)
        texture_desc2d(texture_from_any(iface), desc);
}

static void STDMETHODCALLTYPE texture3d_GetDesc(ID3D11Texture3D1 *iface, D3D11_TEXTURE3D_DESC *desc)
{
    D3D11_TEXTURE3D_DESC1 d;

    if (!desc)
        return;
    texture_desc3d(texture_from_any(iface), &d);
    memcpy(desc, &d, sizeof(*desc));
}

static void STDMETHODCALLTYPE texture3d_GetDesc1(ID3D11Texture3D1 *iface, D3D11_TEXTURE3D_DESC1 *desc)
{
    if (desc)
        texture_desc3d(texture_from_any(iface), desc);
}

/* The three vtables share the device-child and resource methods (identical signatures up to
 * the interface pointer type, which is the same object). */
#define TEXTURE_COMMON(type) \
    .QueryInterface = (void *)texture_QueryInterface, \
    .AddRef = (void *)texture_AddRef, \
    .Release = (void *)texture_Release, \
    .GetDevice = (void *)texture_GetDevice, \
    .GetPrivateData = (void *)texture_GetPrivateData, \
    .SetPrivateData = (void *)texture_SetPrivateData, \
    .SetPrivateDataInterface = (void *)texture_SetPrivateDataInterface, \
    .GetType = (void *)texture_GetType, \
    .SetEvictionPriority = (void *)texture_SetEvictionPriority, \
    .GetEvictionPriority = (void *)texture_GetEvictionPriority

static const ID3D11Texture1DVtbl d3d11_texture1d_vtbl =
{
    TEXTURE_COMMON(ID3D11Texture1D),
    .GetDesc = texture1d_GetDesc,
};

static const ID3D11Texture2D1Vtbl d3d11_texture2d_vtbl =
{
    TEXTURE_COMMON(ID3D11Texture2D1),
    .GetDesc = texture2d_GetDesc,
    .GetDesc1 = texture2d_GetDesc1,
};

static const ID3D11Texture3D1Vtbl d3d11_texture3d_vtbl =
{
    TEXTURE_COMMON(ID3D11Texture3D1),
    .GetDesc = texture3d_GetDesc,
    .GetDesc1 = texture3d_GetDesc1,
};

/* IDXGISurface2 (2D textures of one subresource) ----------------------------------------- */

static inline struct d3d11_texture *impl_from_IDXGISurface2(IDXGISurface2 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_texture, IDXGISurface2_iface);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_QueryInterface(IDXGISurface2 *iface, REFIID riid, void **out)
{
    return d3d11_resource_query_interface(&impl_from_IDXGISurface2(iface)->r, riid, out);
}

static ULONG STDMETHODCALLTYPE dxgi_surface_AddRef(IDXGISurface2 *iface)
{
    return d3d11vk_child_addref(&impl_from_IDXGISurface2(iface)->r.child);
}

static ULONG STDMETHODCALLTYPE dxgi_surface_Release(IDXGISurface2 *iface)
{
    return d3d11vk_child_release(&impl_from_IDXGISurface2(iface)->r.child);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_SetPrivateData(IDXGISurface2 *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGISurface2(iface)->r.child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_SetPrivateDataInterface(IDXGISurface2 *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGISurface2(iface)->r.child.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetPrivateData(IDXGISurface2 *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGISurface2(iface)->r.child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetParent(IDXGISurface2 *iface, REFIID riid, void **parent)
{
    IDXGIResource1 *r = &impl_from_IDXGISurface2(iface)->r.IDXGIResource1_iface;
    return r->lpVtbl->GetParent(r, riid, parent);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetDevice(IDXGISurface2 *iface, REFIID riid, void **device)
{
    IDXGIResource1 *r = &impl_from_IDXGISurface2(iface)->r.IDXGIResource1_iface;
    return r->lpVtbl->GetDevice(r, riid, device);
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetDesc(IDXGISurface2 *iface, DXGI_SURFACE_DESC *desc)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);

    if (!desc)
        return E_INVALIDARG;
    desc->Width = t->r.width;
    desc->Height = t->r.height;
    desc->Format = t->r.format;
    desc->SampleDesc.Count = t->r.sample_count;
    desc->SampleDesc.Quality = t->sample_quality;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_Map(IDXGISurface2 *iface, DXGI_MAPPED_RECT *rect, UINT flags)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);
    ID3D11DeviceContext4 *context = &t->r.device->immediate->ID3D11DeviceContext4_iface;
    D3D11_MAPPED_SUBRESOURCE m;
    D3D11_MAP type;
    HRESULT hr;

    if (!rect)
        return E_INVALIDARG;
    /* DXGI maps only CPU-accessible surfaces, through the immediate context. */
    if (t->r.usage != D3D11_USAGE_STAGING && t->r.usage != D3D11_USAGE_DYNAMIC)
        return DXGI_ERROR_INVALID_CALL;
    if ((flags & DXGI_MAP_READ) && (flags & DXGI_MAP_WRITE))
        type = D3D11_MAP_READ_WRITE;
    else if (flags & DXGI_MAP_READ)
        type = D3D11_MAP_READ;
    else if (flags & DXGI_MAP_DISCARD)
        type = D3D11_MAP_WRITE_DISCARD;
    else if (flags & DXGI_MAP_WRITE)
        type = D3D11_MAP_WRITE;
    else
        return E_INVALIDARG;
    if (FAILED(hr = context->lpVtbl->Map(context, t->r.iface, 0, type, 0, &m)))
        return hr;
    rect->Pitch = m.RowPitch;
    rect->pBits = m.pData;
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_Unmap(IDXGISurface2 *iface)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);
    ID3D11DeviceContext4 *context = &t->r.device->immediate->ID3D11DeviceContext4_iface;

    context->lpVtbl->Unmap(context, t->r.iface, 0);
    return S_OK;
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetDC(IDXGISurface2 *iface, BOOL discard, HDC *hdc)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);

    if (!hdc)
        return E_INVALIDARG;
    *hdc = NULL;
    if (!(t->r.misc_flags & D3D11_RESOURCE_MISC_GDI_COMPATIBLE))
        return DXGI_ERROR_INVALID_CALL;
    FIXME("GDI-compatible surfaces are not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_ReleaseDC(IDXGISurface2 *iface, RECT *dirty)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);

    if (!(t->r.misc_flags & D3D11_RESOURCE_MISC_GDI_COMPATIBLE))
        return DXGI_ERROR_INVALID_CALL;
    FIXME("GDI-compatible surfaces are not implemented yet.");
    return E_NOTIMPL;
}

static HRESULT STDMETHODCALLTYPE dxgi_surface_GetResource(IDXGISurface2 *iface, REFIID riid, void **out, UINT *index)
{
    struct d3d11_texture *t = impl_from_IDXGISurface2(iface);

    if (!index)
        return E_INVALIDARG;
    *index = 0;
    return d3d11_resource_query_interface(&t->r, riid, out);
}

static const IDXGISurface2Vtbl d3d11_dxgi_surface_vtbl =
{
    .QueryInterface = dxgi_surface_QueryInterface,
    .AddRef = dxgi_surface_AddRef,
    .Release = dxgi_surface_Release,
    .SetPrivateData = dxgi_surface_SetPrivateData,
    .SetPrivateDataInterface = dxgi_surface_SetPrivateDataInterface,
    .GetPrivateData = dxgi_surface_GetPrivateData,
    .GetParent = dxgi_surface_GetParent,
    .GetDevice = dxgi_surface_GetDevice,
    .GetDesc = dxgi_surface_GetDesc,
    .Map = dxgi_surface_Map,
    .Unmap = dxgi_surface_Unmap,
    .GetDC = dxgi_surface_GetDC,
    .ReleaseDC = dxgi_surface_ReleaseDC,
    .GetResource = dxgi_surface_GetResource,
};

/* Creation and validation ------------------------------------------------------------- */

/* One description for the three dimensions. */
struct texture_desc
{
    D3D11_RESOURCE_DIMENSION dimension;
    UINT width, height, depth, mip_levels, array_size;
    DXGI_FORMAT format;
    DXGI_SAMPLE_DESC samples;
    D3D11_USAGE usage;
    UINT bind, cpu, misc;
    D3D11_TEXTURE_LAYOUT layout;
};

#define INVALID(...) do { LOG_WARN(__VA_ARGS__); return E_INVALIDARG; } while (0)

static const UINT texture_binds = D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET | D3D11_BIND_DEPTH_STENCIL
        | D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_DECODER | D3D11_BIND_VIDEO_ENCODER;
static const UINT texture_misc = D3D11_RESOURCE_MISC_GENERATE_MIPS | D3D11_RESOURCE_MISC_SHARED
        | D3D11_RESOURCE_MISC_TEXTURECUBE | D3D11_RESOURCE_MISC_RESOURCE_CLAMP | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX
        | D3D11_RESOURCE_MISC_GDI_COMPATIBLE | D3D11_RESOURCE_MISC_SHARED_NTHANDLE | D3D11_RESOURCE_MISC_RESTRICTED_CONTENT
        | D3D11_RESOURCE_MISC_RESTRICT_SHARED_RESOURCE | D3D11_RESOURCE_MISC_RESTRICT_SHARED_RESOURCE_DRIVER
        | D3D11_RESOURCE_MISC_GUARDED | D3D11_RESOURCE_MISC_HW_PROTECTED;

/* Usage / bind / CPU access rules common to buffers and textures (D3D11_USAGE docs). */
HRESULT d3d11_validate_usage(D3D11_USAGE usage, UINT bind, UINT cpu, bool buffer);
HRESULT d3d11_validate_usage(D3D11_USAGE usage, UINT bind, UINT cpu, bool buffer)
{
    if (cpu & ~(D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE))
        INVALID("Invalid CPU access flags %#x.", cpu);
    switch (usage)
    {
        case D3D11_USAGE_DEFAULT:
            /* D3D11.1 maps default buffers (MapOnDefaultBuffers); textures need MapOnDefaultTextures. */
            if (cpu && !buffer)
                INVALID("Default textures cannot have CPU access %#x.", cpu);
            break;
        case D3D11_USAGE_IMMUTABLE:
            if (cpu)
                INVALID("Immutable resources cannot have CPU access.");
            if (bind & (D3D11_BIND_RENDER_TARGET | D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_UNORDERED_ACCESS
                    | D3D11_BIND_STREAM_OUTPUT))
                INVALID("Immutable resources cannot have bind flags %#x.", bind);
            break;
        case D3D11_USAGE_DYNAMIC:
            if (cpu != D3D11_CPU_ACCESS_WRITE)
                INVALID("Dynamic resources need exactly CPU write access (%#x).", cpu);
            if (bind & (D3D11_BIND_RENDER_TARGET | D3D11_BIND_DEPTH_STENCIL | D3D11_BIND_UNORDERED_ACCESS
                    | D3D11_BIND_STREAM_OUTPUT))
                INVALID("Dynamic resources cannot have bind flags %#x.", bind);
            break;
        case D3D11_USAGE_STAGING:
            if (bind)
                INVALID("Staging resources cannot have bind flags %#x.", bind);
            if (!cpu)
                INVALID("Staging resources need CPU access.");
            break;
        default:
            INVALID("Invalid usage %#x.", usage);
    }
    return S_OK;
}

static HRESULT validate_texture(struct d3d11_device *device, struct texture_desc *d, const D3D11_SUBRESOURCE_DATA *data)
{
    const struct d3d11vk_format_info *info;
    UINT max_size, max_array, support, need, full, levels, i, count;
    HRESULT hr;

    if (!d->width || !d->height || !d->depth || !d->array_size)
        INVALID("Zero texture size %ux%ux%u, array %u.", d->width, d->height, d->depth, d->array_size);
    switch (d->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            max_size = D3D11_REQ_TEXTURE1D_U_DIMENSION;
            max_array = D3D11_REQ_TEXTURE1D_ARRAY_AXIS_DIMENSION;
            if (d->width > max_size)
                INVALID("1D texture too wide (%u).", d->width);
            need = D3D11_FORMAT_SUPPORT_TEXTURE1D;
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            max_size = D3D11_REQ_TEXTURE2D_U_OR_V_DIMENSION;
            max_array = D3D11_REQ_TEXTURE2D_ARRAY_AXIS_DIMENSION;
            if (d->width > max_size || d->height > max_size)
                INVALID("2D texture too large (%ux%u).", d->width, d->height);
            need = D3D11_FORMAT_SUPPORT_TEXTURE2D;
            break;
        default:
            max_size = D3D11_REQ_TEXTURE3D_U_V_OR_W_DIMENSION;
            max_array = 1;
            if (d->width > max_size || d->height > max_size || d->depth > max_size)
                INVALID("3D texture too large (%ux%ux%u).", d->width, d->height, d->depth);
            need = D3D11_FORMAT_SUPPORT_TEXTURE3D;
            break;
    }
    if (d->array_size > max_array)
        INVALID("Array size %u too large.", d->array_size);
    full = d3d11_full_mip_count(d->width, d->height, d->depth);
    if (d->mip_levels > full)
        INVALID("%u mip levels, at most %u.", d->mip_levels, full);

    if (d->bind & ~texture_binds)
        INVALID("Invalid texture bind flags %#x.", d->bind);
    if (d->misc & ~texture_misc)
        INVALID("Invalid texture misc flags %#x.", d->misc);
    if (FAILED(hr = d3d11_validate_usage(d->usage, d->bind, d->cpu, false)))
        return hr;
    if (d->layout != D3D11_TEXTURE_LAYOUT_UNDEFINED)
        INVALID("Texture layout %#x needs tiled or cross-adapter resources.", d->layout);

    if (!(info = d3d11vk_format_get(d->format)) || d->format == DXGI_FORMAT_UNKNOWN
            || (info->flags & D3D11VK_FORMAT_VIEW_ONLY))
        INVALID("Invalid texture format %#x.", d->format);
    if (!(support = d3d11_resource_format_support(device, d->format, true)))
        INVALID("Format %s is not supported.", info->name);
    if ((d->misc & D3D11_RESOURCE_MISC_TEXTURECUBE))
    {
        if (d->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D)
            INVALID("Only 2D textures can be cube maps.");
        if (d->array_size % 6)
            INVALID("Cube map array size %u is not a multiple of 6.", d->array_size);
        if (d->width != d->height)
            INVALID("Cube map faces must be square (%ux%u).", d->width, d->height);
        need = D3D11_FORMAT_SUPPORT_TEXTURECUBE;
    }
    if (!(support & need))
        INVALID("Format %s does not support this texture dimension.", info->name);
    /* Block-compressed and subsampled formats need whole blocks at the top level. */
    if ((d->width % info->block_width) || (d->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE1D && d->height % info->block_height))
        INVALID("Size %ux%u is not a multiple of the %s block size.", d->width, d->height, info->name);
    if (info->planes > 1 && ((d->width & 1) || (d->height & 1)))
        INVALID("Planar format %s needs even sizes.", info->name);
    if (d3d11vk_format_planar_emulated(d->format, NULL))
    {
        /* One image per plane: 2D, one mip level, single-sampled, shader resource and render
         * target binding of the planes, CPU access through staging and dynamic textures. */
        if (d->mip_levels != 1)
            INVALID("Planar format %s has one mip level (%u).", info->name, d->mip_levels);
        if (d->bind & ~(D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_RENDER_TARGET))
            INVALID("Planar format %s cannot have bind flags %#x.", info->name, d->bind);
        if (d->misc & ~D3D11_RESOURCE_MISC_RESOURCE_CLAMP)
            INVALID("Planar format %s cannot have misc flags %#x (sharing and cubes are not emulated).", info->name, d->misc);
        if (d->samples.Count != 1)
            INVALID("Planar format %s cannot be multisampled.", info->name);
    }

    if ((d->bind & D3D11_BIND_SHADER_RESOURCE) && !(support & (D3D11_FORMAT_SUPPORT_SHADER_LOAD | D3D11_FORMAT_SUPPORT_SHADER_SAMPLE)))
        INVALID("Format %s cannot be bound as a shader resource.", info->name);
    if ((d->bind & D3D11_BIND_RENDER_TARGET) && !(support & D3D11_FORMAT_SUPPORT_RENDER_TARGET))
        INVALID("Format %s cannot be a render target.", info->name);
    if (d->bind & D3D11_BIND_DEPTH_STENCIL)
    {
        if (!(support & D3D11_FORMAT_SUPPORT_DEPTH_STENCIL))
            INVALID("Format %s cannot be a depth-stencil target.", info->name);
        if (d->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
            INVALID("3D textures cannot be depth-stencil targets.");
        if (d->bind & D3D11_BIND_RENDER_TARGET)
            INVALID("A texture cannot be both a render target and a depth-stencil target.");
    }
    if ((d->bind & D3D11_BIND_UNORDERED_ACCESS) && !(support & D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW))
        INVALID("Format %s cannot have unordered access views.", info->name);
    if ((d->bind & (D3D11_BIND_DECODER | D3D11_BIND_VIDEO_ENCODER)) && !(support & D3D11_FORMAT_SUPPORT_DECODER_OUTPUT))
        INVALID("Format %s cannot be a video surface.", info->name);
    if (d->cpu && !(support & D3D11_FORMAT_SUPPORT_CPU_LOCKABLE))
        INVALID("Format %s cannot be mapped.", info->name);
    if (d->usage == D3D11_USAGE_DYNAMIC && (d->mip_levels != 1 || d->array_size != 1))
        INVALID("Dynamic textures have one subresource (mips %u, array %u).", d->mip_levels, d->array_size);
    if (d->misc & D3D11_RESOURCE_MISC_GENERATE_MIPS)
    {
        if ((d->bind & (D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE))
                != (D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE))
            INVALID("GENERATE_MIPS needs render-target and shader-resource binding.");
        if (!(support & D3D11_FORMAT_SUPPORT_MIP_AUTOGEN))
            INVALID("Format %s cannot generate mips.", info->name);
    }
    if ((d->misc & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
            == (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
        INVALID("SHARED and SHARED_KEYEDMUTEX are exclusive.");
    if ((d->misc & D3D11_RESOURCE_MISC_SHARED_NTHANDLE)
            && !(d->misc & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX)))
        INVALID("SHARED_NTHANDLE needs SHARED or SHARED_KEYEDMUTEX.");
    if (FAILED(d3d11_sharing_check_desc(d->dimension, d->usage, d->bind, d->cpu, d->misc, d->format)))  /* sharing (issue 5) */
        INVALID("This texture cannot be shared.");
    if ((d->misc & D3D11_RESOURCE_MISC_GDI_COMPATIBLE) && (d->bind & (D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE))
            != (D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE))
        INVALID("GDI-compatible textures need render-target and shader-resource binding.");

    /* Multisampling: 2D only, one mip, GPU-only usage, a count the format offers. */
    if (!d->samples.Count)
        INVALID("Sample count 0.");
    if (d->samples.Count > 1)
    {
        if (d->dimension != D3D11_RESOURCE_DIMENSION_TEXTURE2D)
            INVALID("Only 2D textures can be multisampled.");
        if (d->mip_levels != 1)
            INVALID("Multisampled textures have one mip level (%u).", d->mip_levels);
        if (d->usage != D3D11_USAGE_DEFAULT)
            INVALID("Multisampled textures must be default usage.");
        if (d->bind & D3D11_BIND_UNORDERED_ACCESS)
            INVALID("Multisampled textures cannot have unordered access.");
        if (d->misc & (D3D11_RESOURCE_MISC_GENERATE_MIPS | D3D11_RESOURCE_MISC_TEXTURECUBE))
            INVALID("Multisampled textures cannot generate mips or be cubes.");
        if (data)
            INVALID("Multisampled textures cannot have initial data.");
    }
    levels = d->samples.Count == 1 ? 1 : resource_msaa_levels(device, d->format, d->samples.Count);
    /* D3D11_STANDARD_MULTISAMPLE_PATTERN (10_1 and up): the standard sample positions, which
     * Vulkan uses for every image where standardSampleLocations is set. */
    if (d->samples.Quality >= levels && !(d->samples.Count > 1 && levels
            && d->samples.Quality == D3D11_STANDARD_MULTISAMPLE_PATTERN && device->feature_level >= D3D_FEATURE_LEVEL_10_1
            && device->vk->adapter->properties.properties.limits.standardSampleLocations))
        INVALID("Sample count %u quality %u not supported by %s (%u levels).", d->samples.Count,
                d->samples.Quality, info->name, levels);

    if (d->usage == D3D11_USAGE_IMMUTABLE && !data)
        INVALID("Immutable textures need initial data.");
    if (data)
    {
        count = d->mip_levels * d->array_size;
        for (i = 0; i < count; ++i)
            if (!data[i].pSysMem)
                INVALID("Initial data of subresource %u is NULL.", i);
    }
    return S_OK;
}

static void texture_destroy(struct d3d11vk_child *child)
{
    struct d3d11_texture *t = CONTAINING_RECORD(child, struct d3d11_texture, r.child);

    d3d11_resource_share_destroy(&t->r);  /* sharing (issue 5) */
    d3d11_resource_backend_destroy(&t->r);
    free(t);
}

static HRESULT texture_create(struct d3d11_device *device, struct texture_desc *d,
        const D3D11_SUBRESOURCE_DATA *data, void **out)
{
    struct d3d11_texture *t;
    HRESULT hr;

    if (d->mip_levels == 0 && d->samples.Count <= 1)
        d->mip_levels = d3d11_full_mip_count(d->width, d->height, d->depth);
    else if (d->mip_levels == 0)
        d->mip_levels = 1;   /* MSAA: the full chain of a multisampled texture is one level */
    if (FAILED(hr = validate_texture(device, d, data)))
        return hr;
    if (!out)
        return S_FALSE;
    if (!(t = calloc(1, sizeof(*t))))
        return E_OUTOFMEMORY;
    switch (d->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
            t->iface.t1.lpVtbl = &d3d11_texture1d_vtbl;
            d3d11_resource_init(&t->r, device, t, texture1d_qi, ARRAY_SIZE(texture1d_qi),
                    (ID3D11Resource *)&t->iface, texture_destroy);
            break;
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
            t->iface.t2.lpVtbl = &d3d11_texture2d_vtbl;
            d3d11_resource_init(&t->r, device, t, texture2d_qi, ARRAY_SIZE(texture2d_qi),
                    (ID3D11Resource *)&t->iface, texture_destroy);
            break;
        default:
            t->iface.t3.lpVtbl = &d3d11_texture3d_vtbl;
            d3d11_resource_init(&t->r, device, t, texture3d_qi, ARRAY_SIZE(texture3d_qi),
                    (ID3D11Resource *)&t->iface, texture_destroy);
            break;
    }
    t->IDXGISurface2_iface.lpVtbl = &d3d11_dxgi_surface_vtbl;
    t->r.dimension = d->dimension;
    t->r.usage = d->usage;
    t->r.bind_flags = d->bind;
    t->r.cpu_access = d->cpu;
    t->r.misc_flags = d->misc;
    t->r.format = d->format;
    t->r.info = d3d11vk_format_get(d->format);
    t->r.width = d->width;
    t->r.height = d->height;
    t->r.depth = d->depth;
    t->r.mip_levels = d->mip_levels;
    t->r.array_size = d->array_size;
    t->r.sample_count = d->samples.Count;
    t->sample_quality = d->samples.Quality;
    t->layout = d->layout;
    if (FAILED(hr = d3d11_resource_backend_init(&t->r, data)) || FAILED(hr = d3d11_resource_share_init(&t->r)))
    {
        /* Nothing else references it yet: drop the application reference and the object. */
        d3d11vk_child_release(&t->r.child);
        return hr;
    }
    *out = &t->iface;
    return S_OK;
}

HRESULT d3d11_texture1d_create(struct d3d11_device *device, const D3D11_TEXTURE1D_DESC *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture1D **out)
{
    struct texture_desc d = { D3D11_RESOURCE_DIMENSION_TEXTURE1D };

    if (out)
        *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    d.width = desc->Width;
    d.height = d.depth = 1;
    d.mip_levels = desc->MipLevels;
    d.array_size = desc->ArraySize;
    d.format = desc->Format;
    d.samples.Count = 1;
    d.usage = desc->Usage;
    d.bind = desc->BindFlags;
    d.cpu = desc->CPUAccessFlags;
    d.misc = desc->MiscFlags;
    return texture_create(device, &d, data, (void **)out);
}

HRESULT d3d11_texture2d_create(struct d3d11_device *device, const D3D11_TEXTURE2D_DESC1 *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture2D1 **out)
{
    struct texture_desc d = { D3D11_RESOURCE_DIMENSION_TEXTURE2D };

    if (out)
        *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    d.width = desc->Width;
    d.height = desc->Height;
    d.depth = 1;
    d.mip_levels = desc->MipLevels;
    d.array_size = desc->ArraySize;
    d.format = desc->Format;
    d.samples = desc->SampleDesc;
    d.usage = desc->Usage;
    d.bind = desc->BindFlags;
    d.cpu = desc->CPUAccessFlags;
    d.misc = desc->MiscFlags;
    d.layout = desc->TextureLayout;
    return texture_create(device, &d, data, (void **)out);
}

HRESULT d3d11_texture3d_create(struct d3d11_device *device, const D3D11_TEXTURE3D_DESC1 *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Texture3D1 **out)
{
    struct texture_desc d = { D3D11_RESOURCE_DIMENSION_TEXTURE3D };

    if (out)
        *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    d.width = desc->Width;
    d.height = desc->Height;
    d.depth = desc->Depth;
    d.mip_levels = desc->MipLevels;
    d.array_size = 1;
    d.format = desc->Format;
    d.samples.Count = 1;
    d.usage = desc->Usage;
    d.bind = desc->BindFlags;
    d.cpu = desc->CPUAccessFlags;
    d.misc = desc->MiscFlags;
    d.layout = desc->TextureLayout;
    return texture_create(device, &d, data, (void **)out);
}

/* Backend ---------------------------------------------------------------------------------- */

void d3d11_copy_rows(uint8_t *dst, size_t dst_row_pitch, size_t dst_slice_pitch, const uint8_t *src,
        size_t src_row_pitch, size_t src_slice_pitch, size_t row_bytes, UINT rows, UINT slices)
{
    UINT z, y;

    for (z = 0; z < slices; ++z)
    {
        if (row_bytes == dst_row_pitch && row_bytes == src_row_pitch)
            memcpy(dst + z * dst_slice_pitch, src + z * src_slice_pitch, row_bytes * rows);
        else
            for (y = 0; y < rows; ++y)
                memcpy(dst + z * dst_slice_pitch + y * dst_row_pitch, src + z * src_slice_pitch + y * src_row_pitch,
                        row_bytes);
    }
}

void d3d11_resource_vk_subresource(const struct d3d11_resource *r, UINT sub, VkImageSubresourceLayers *out)
{
    out->aspectMask = r->backend->aspects;
    out->mipLevel = sub % r->mip_levels;
    out->baseArrayLayer = sub / r->mip_levels;
    out->layerCount = 1;
}

void d3d11_resource_buffer_region(const struct d3d11_resource *r, UINT sub, VkDeviceSize offset, size_t row_pitch,
        size_t slice_pitch, UINT x, UINT y, UINT z, UINT w, UINT h, UINT d, VkBufferImageCopy *out)
{
    const struct d3d11vk_format_info *info = r->info;

    memset(out, 0, sizeof(*out));
    out->bufferOffset = offset;
    out->bufferRowLength = (uint32_t)(row_pitch / info->block_bytes) * info->block_width;
    out->bufferImageHeight = (uint32_t)(slice_pitch / row_pitch) * info->block_height;
    d3d11_resource_vk_subresource(r, sub, &out->imageSubresource);
    out->imageOffset.x = x;
    out->imageOffset.y = y;
    out->imageOffset.z = z;
    out->imageExtent.width = w;
    out->imageExtent.height = h;
    out->imageExtent.depth = d;
}

/* The VkFormat of the image behind a texture of this format and binding. */
VkFormat d3d11_texture_vk_format(struct d3d11_device *device, const struct d3d11vk_format_info *info, UINT bind,
        bool *alt)
{
    bool use_alt = false;

    d3d11_device_format_caps(device, info, &use_alt);
    if (alt)
        *alt = use_alt && info->vk_alt != VK_FORMAT_UNDEFINED;
    if (use_alt && info->vk_alt != VK_FORMAT_UNDEFINED)
        return info->vk_alt;
    if ((bind & D3D11_BIND_DEPTH_STENCIL) && info->vk_depth != VK_FORMAT_UNDEFINED)
        return info->vk_depth;
    return info->vk;
}

/* Typeless colour families (and UAV images, whose clears reinterpret) get every member's
 * VkFormat as a view format. */
static unsigned int family_view_formats(struct d3d11_device *device, const struct d3d11vk_format_info *info,
        VkFormat image_format, VkFormat *formats, unsigned int max)
{
    const struct d3d11vk_format_info *m;
    unsigned int count = 0, i;
    VkFormat f;
    UINT dxgi;

    formats[count++] = image_format;
    for (dxgi = 1; dxgi < FORMAT_CACHE_FORMATS && count < max; ++dxgi)
    {
        if (!(m = d3d11vk_format_get(dxgi)) || m->typeless != info->typeless || (m->flags & D3D11VK_FORMAT_DEPTH))
            continue;
        f = d3d11_texture_vk_format(device, m, 0, NULL);
        if (f == VK_FORMAT_UNDEFINED)
            continue;
        for (i = 0; i < count; ++i)
            if (formats[i] == f)
                break;
        if (i == count)
            formats[count++] = f;
    }
    return count;
}

/* Combined depth/stencil repacking ---------------------------------------------------------- */

size_t d3d11_repack_scratch_size(UINT w, UINT h, UINT d, size_t *stencil_offset)
{
    size_t n = (size_t)w * h * d;

    *stencil_offset = (n * 4 + 15) & ~(size_t)15;
    return *stencil_offset + ((n + 15) & ~(size_t)15);
}

/* One texel between the D3D layout and the two planes. D3D: D24_UNORM_S8_UINT is a 32-bit
 * word, depth in bits 0-23, stencil in 24-31; D32_FLOAT_S8X24_UINT is a float then the stencil
 * byte and 3 unused bytes. Vulkan planes: X8_D24 words (D24S8 images) or floats (D32S8
 * images, also used for D24S8 where the device lacks it), and S8 bytes. */
static void repack_texel(bool to_d3d, bool d3d_d24, bool vk_d24, uint8_t *d3d, uint8_t *depth, uint8_t *stencil)
{
    uint32_t word, unorm;
    float f;

    if (to_d3d)
    {
        if (vk_d24)
        {
            memcpy(&unorm, depth, 4);
            unorm &= 0xffffff;
            f = (float)unorm / 16777215.0f;
        }
        else
        {
            memcpy(&f, depth, 4);
            if (!(f > 0.0f))
                f = 0.0f;
            else if (f > 1.0f)
                f = 1.0f;
            unorm = (uint32_t)(f * 16777215.0f + 0.5f);
            memcpy(&f, depth, 4);
        }
        if (d3d_d24)
        {
            word = unorm | ((uint32_t)*stencil << 24);
            memcpy(d3d, &word, 4);
        }
        else
        {
            memcpy(d3d, &f, 4);
            d3d[4] = *stencil;
            d3d[5] = d3d[6] = d3d[7] = 0;
        }
        return;
    }
    if (d3d_d24)
    {
        memcpy(&word, d3d, 4);
        unorm = word & 0xffffff;
        *stencil = (uint8_t)(word >> 24);
        f = (float)unorm / 16777215.0f;
    }
    else
    {
        memcpy(&f, d3d, 4);
        *stencil = d3d[4];
        if (!(f > 0.0f))
            unorm = 0;
        else
            unorm = f >= 1.0f ? 0xffffff : (uint32_t)(f * 16777215.0f + 0.5f);
    }
    if (vk_d24)
        memcpy(depth, &unorm, 4);
    else
        memcpy(depth, &f, 4);
}

/* Converts w x h x d texels between a pitched D3D region and tight planes. */
static void repack_region(const struct d3d11_resource *r, bool vk_d24, bool to_d3d, uint8_t *d3d, size_t row_pitch,
        size_t slice_pitch, uint8_t *planes, UINT w, UINT h, UINT d)
{
    bool d3d_d24 = r->info->block_bytes == 4;
    size_t stencil_offset, n = 0;
    UINT x, y, z;

    d3d11_repack_scratch_size(w, h, d, &stencil_offset);
    for (z = 0; z < d; ++z)
        for (y = 0; y < h; ++y)
            for (x = 0; x < w; ++x, ++n)
                repack_texel(to_d3d, d3d_d24, vk_d24, d3d + z * slice_pitch + y * row_pitch + (size_t)x * r->info->block_bytes,
                        planes + n * 4, planes + stencil_offset + n);
}

/* The two buffer<->image regions of a tight plane pair at base. */
static void repack_regions(const struct d3d11_resource *r, UINT sub, VkDeviceSize base, UINT x, UINT y, UINT z,
        UINT w, UINT h, UINT d, VkBufferImageCopy out[2])
{
    size_t stencil_offset;
    unsigned int i;

    d3d11_repack_scratch_size(w, h, d, &stencil_offset);
    for (i = 0; i < 2; ++i)
    {
        memset(&out[i], 0, sizeof(out[i]));
        out[i].bufferOffset = base + (i ? stencil_offset : 0);
        out[i].bufferRowLength = w;
        out[i].bufferImageHeight = h;
        d3d11_resource_vk_subresource(r, sub, &out[i].imageSubresource);
        out[i].imageSubresource.aspectMask = i ? VK_IMAGE_ASPECT_STENCIL_BIT : VK_IMAGE_ASPECT_DEPTH_BIT;
        out[i].imageOffset.x = x;
        out[i].imageOffset.y = y;
        out[i].imageOffset.z = z;
        out[i].imageExtent.width = w;
        out[i].imageExtent.height = h;
        out[i].imageExtent.depth = d;
    }
}

bool d3d11_repack_upload(struct vk_cs *cs, struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z, UINT w,
        UINT h, UINT d, const void *src, size_t row_pitch, size_t slice_pitch)
{
    VkBufferImageCopy regions[2];
    struct vk_bufref ref, part;
    size_t stencil_offset, size = d3d11_repack_scratch_size(w, h, d, &stencil_offset);
    void *ptr;

    if (!r->backend->image || !vk_cs_staging_alloc(cs, size, 16, &ref, &ptr))
        return false;
    repack_region(r, r->backend->vk_format == VK_FORMAT_D24_UNORM_S8_UINT, false, (uint8_t *)src, row_pitch, slice_pitch, ptr, w, h, d);
    repack_regions(r, sub, 0, x, y, z, w, h, d, regions);
    /* Each region's offset is relative to its own reference. */
    part = ref;
    if (!vk_cs_cmd_copy_buffer_to_image(cs, r->backend->image, &part, &regions[0]))
        return false;
    return vk_cs_cmd_copy_buffer_to_image(cs, r->backend->image, &part, &regions[1]);
}

/* Where a texel region of a plane pair lies: tight planes in the staging ring (origin 0, pitch
 * w x h) or a staging texture's subresource planes (its own extent as pitch). */
struct plane_loc
{
    struct vk_bufref base;              /* the depth plane's first texel */
    size_t stencil_offset;              /* from base */
    UINT pitch_w, pitch_h, x, y, z;
};

static void plane_loc_staging(struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z, struct plane_loc *out)
{
    UINT w, h, d;

    d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
    vk_buffer_ref(r->backend->buffer, r->backend->scratch_offset[sub], &out->base);
    d3d11_repack_scratch_size(w, h, d, &out->stencil_offset);
    out->pitch_w = w;
    out->pitch_h = h;
    out->x = x;
    out->y = y;
    out->z = z;
}

static void plane_loc_tight(const struct vk_bufref *ref, UINT w, UINT h, UINT d, struct plane_loc *out)
{
    out->base = *ref;
    d3d11_repack_scratch_size(w, h, d, &out->stencil_offset);
    out->pitch_w = w;
    out->pitch_h = h;
    out->x = out->y = out->z = 0;
}

/* Buffer copies of a w x h x d region between two plane pairs (rows merged where contiguous). */
static void copy_planes(struct vk_cs *cs, const struct plane_loc *dst, const struct plane_loc *src, UINT w, UINT h, UINT d)
{
    bool whole_rows = dst->pitch_w == w && src->pitch_w == w;
    bool whole_slices = whole_rows && dst->pitch_h == h && src->pitch_h == h;
    UINT rows = whole_rows ? h : 1, slices = whole_slices ? d : 1, z, y, plane;

    for (z = 0; z < d; z += slices)
        for (y = 0; y < h; y += rows)
            for (plane = 0; plane < 2; ++plane)
            {
                VkDeviceSize bytes = plane ? 1 : 4, n = (VkDeviceSize)w * rows * slices * bytes;
                VkDeviceSize so = (((VkDeviceSize)(src->z + z) * src->pitch_h + src->y + y) * src->pitch_w + src->x) * bytes;
                VkDeviceSize doff = (((VkDeviceSize)(dst->z + z) * dst->pitch_h + dst->y + y) * dst->pitch_w + dst->x) * bytes;
                struct vk_bufref sref = src->base, dref = dst->base;

                sref.offset += so + (plane ? src->stencil_offset : 0);
                dref.offset += doff + (plane ? dst->stencil_offset : 0);
                vk_cs_cmd_copy_buffer(cs, &dref, &sref, n);
            }
}

/* Whether the depth words of an image's buffer copies are laid out as a staging texture's planes. */
static bool planes_match(const struct d3d11_resource *staging, const struct d3d11_resource *image)
{
    if (staging->backend->planes_d24 == (image->backend->vk_format == VK_FORMAT_D24_UNORM_S8_UINT))
        return true;
    FIXME("Copies between %s images and staging textures of another depth layout.", image->info->name);
    return false;
}

/* Staging textures of combined depth/stencil formats hold their texels as the image's two
 * aspect planes (the D3D layout is made from them at Map and folded back at Unmap), so every
 * copy is a GPU copy: image regions go through tight planes in the staging ring (aspect
 * copies want aligned offsets), then buffer copies place them. Deferred contexts record the
 * same commands. */
void d3d11_repack_download(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box)
{
    UINT w = box->right - box->left, h = box->bottom - box->top, d = box->back - box->front;
    struct plane_loc tight, planes;
    VkBufferImageCopy regions[2];
    size_t stencil_offset;
    struct vk_bufref ref;
    void *ptr;

    if (!dst->backend->scratch_offset || !src->backend->image || !planes_match(dst, src)
            || !vk_cs_staging_alloc(cs, d3d11_repack_scratch_size(w, h, d, &stencil_offset), 16, &ref, &ptr))
        return;
    repack_regions(src, ssub, 0, box->left, box->top, box->front, w, h, d, regions);
    vk_cs_cmd_copy_image_to_buffer(cs, &ref, src->backend->image, &regions[0]);
    vk_cs_cmd_copy_image_to_buffer(cs, &ref, src->backend->image, &regions[1]);
    plane_loc_tight(&ref, w, h, d, &tight);
    plane_loc_staging(dst, dsub, x, y, z, &planes);
    copy_planes(cs, &planes, &tight, w, h, d);
}

void d3d11_repack_upload_staging(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box)
{
    UINT w = box->right - box->left, h = box->bottom - box->top, d = box->back - box->front;
    struct plane_loc tight, planes;
    VkBufferImageCopy regions[2];
    size_t stencil_offset;
    struct vk_bufref ref;
    void *ptr;

    if (!src->backend->scratch_offset || !dst->backend->image || !planes_match(src, dst)
            || !vk_cs_staging_alloc(cs, d3d11_repack_scratch_size(w, h, d, &stencil_offset), 16, &ref, &ptr))
        return;
    plane_loc_tight(&ref, w, h, d, &tight);
    plane_loc_staging(src, ssub, box->left, box->top, box->front, &planes);
    copy_planes(cs, &tight, &planes, w, h, d);
    repack_regions(dst, dsub, 0, x, y, z, w, h, d, regions);
    vk_cs_cmd_copy_buffer_to_image(cs, dst->backend->image, &ref, &regions[0]);
    vk_cs_cmd_copy_buffer_to_image(cs, dst->backend->image, &ref, &regions[1]);
}

void d3d11_repack_copy_staging(struct vk_cs *cs, struct d3d11_resource *dst, UINT dsub, UINT x, UINT y, UINT z,
        struct d3d11_resource *src, UINT ssub, const D3D11_BOX *box)
{
    struct plane_loc dloc, sloc;

    if (!src->backend->scratch_offset || !dst->backend->scratch_offset || src->backend->planes_d24 != dst->backend->planes_d24)
        return;
    plane_loc_staging(dst, dsub, x, y, z, &dloc);
    plane_loc_staging(src, ssub, box->left, box->top, box->front, &sloc);
    copy_planes(cs, &dloc, &sloc, box->right - box->left, box->bottom - box->top, box->back - box->front);
}

bool d3d11_repack_update_staging(struct vk_cs *cs, struct d3d11_resource *r, UINT sub, UINT x, UINT y, UINT z,
        UINT w, UINT h, UINT d, const void *src, size_t row_pitch, size_t slice_pitch)
{
    struct plane_loc tight, planes;
    size_t stencil_offset;
    struct vk_bufref ref;
    void *ptr;

    if (!r->backend->scratch_offset
            || !vk_cs_staging_alloc(cs, d3d11_repack_scratch_size(w, h, d, &stencil_offset), 16, &ref, &ptr))
        return false;
    repack_region(r, r->backend->planes_d24, false, (uint8_t *)src, row_pitch, slice_pitch, ptr, w, h, d);
    plane_loc_tight(&ref, w, h, d, &tight);
    plane_loc_staging(r, sub, x, y, z, &planes);
    copy_planes(cs, &planes, &tight, w, h, d);
    return true;
}

/* The CPU side: the D3D layout of a whole subresource from its planes (Map) and back (Unmap of
 * a writable map). The GPU must be done with the buffer. */
void d3d11_repack_map(struct d3d11_resource *r, UINT sub, bool to_d3d)
{
    struct d3d11_resource_backend *b = r->backend;
    size_t row, slice, size;
    UINT w, h, d;
    uint8_t *map;

    if (!b || !b->scratch_offset || !(map = vk_buffer_map(b->buffer))
            || !d3d11_resource_subresource_layout(r, sub, &row, &slice, &size))
        return;
    d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
    repack_region(r, b->planes_d24, to_d3d, map + b->sub_offset[sub], row, slice, map + b->scratch_offset[sub], w, h, d);
}

static HRESULT staging_texture_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    struct d3d11_resource_backend *b = r->backend;
    UINT count = d3d11_resource_subresource_count(r), i, w, h, d;
    struct vk_buffer_desc desc = {0};
    size_t total = 0, row, slice, size;
    uint8_t *map;
    VkResult vr;

    if (!(b->sub_offset = calloc(count, sizeof(*b->sub_offset))))
        return E_OUTOFMEMORY;
    for (i = 0; i < count; ++i)
    {
        if (!d3d11_resource_subresource_layout(r, i, &row, &slice, &size))
            return E_OUTOFMEMORY;
        b->sub_offset[i] = total;
        if (__builtin_add_overflow(total, align_u64(size, 16), &total))
            return E_OUTOFMEMORY;
    }
    if (d3d11_resource_is_repack(r))
    {
        size_t stencil_offset;

        b->planes_d24 = d3d11_texture_vk_format(r->device, r->info, D3D11_BIND_DEPTH_STENCIL, NULL)
                == VK_FORMAT_D24_UNORM_S8_UINT;
        if (!(b->scratch_offset = calloc(count, sizeof(*b->scratch_offset))))
            return E_OUTOFMEMORY;
        for (i = 0; i < count; ++i)
        {
            d3d11_resource_mip_extent(r, i % r->mip_levels, &w, &h, &d);
            b->scratch_offset[i] = total;
            if (__builtin_add_overflow(total, d3d11_repack_scratch_size(w, h, d, &stencil_offset), &total))
                return E_OUTOFMEMORY;
        }
    }
    desc.size = total ? total : 16;
    desc.domain = (r->cpu_access & D3D11_CPU_ACCESS_READ) ? VK_MEM_DOMAIN_READBACK : VK_MEM_DOMAIN_UPLOAD;
    if ((vr = vk_buffer_create(r->device->vk, &desc, &b->buffer)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a staging texture buffer of %zu bytes: %s.", total, vk_result_str(vr));
        return E_OUTOFMEMORY;
    }
    if (!(map = vk_buffer_map(b->buffer)))
        return S_OK;
    if (!data)
    {
        memset(map, 0, total);
        return S_OK;
    }
    for (i = 0; i < count; ++i)
    {
        d3d11_resource_subresource_layout(r, i, &row, &slice, &size);
        d3d11_resource_mip_extent(r, i % r->mip_levels, &w, &h, &d);
        d3d11_copy_rows(map + b->sub_offset[i], row, slice, data[i].pSysMem, data[i].SysMemPitch,
                data[i].SysMemSlicePitch, row, (UINT)(slice / row), d);   /* planar: luma and chroma rows */
        d3d11_repack_map(r, i, false);
    }
    return S_OK;
}

static HRESULT image_texture_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    struct d3d11_resource_backend *b = r->backend;
    struct vk_image_desc desc = {0};
    VkFormat formats[16];
    VkResult vr;

    b->vk_format = d3d11_texture_vk_format(r->device, r->info, r->bind_flags, NULL);
    b->aspects = vk_format_aspects(b->vk_format);
    /* Copies of combined depth/stencil move one aspect at a time; the depth aspect stands for
     * depth-only formats. */
    if (b->aspects & VK_IMAGE_ASPECT_DEPTH_BIT)
        b->aspects = (b->aspects & VK_IMAGE_ASPECT_STENCIL_BIT) ? b->aspects : VK_IMAGE_ASPECT_DEPTH_BIT;
    desc.type = r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE1D ? VK_IMAGE_TYPE_1D
            : r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE2D ? VK_IMAGE_TYPE_2D : VK_IMAGE_TYPE_3D;
    desc.format = b->vk_format;
    desc.extent.width = r->width;
    desc.extent.height = r->height;
    desc.extent.depth = r->depth;
    desc.mip_levels = r->mip_levels;
    desc.array_layers = r->array_size;
    desc.samples = (VkSampleCountFlagBits)r->sample_count;
    desc.usage = VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    if (r->bind_flags & D3D11_BIND_SHADER_RESOURCE)
        desc.usage |= VK_IMAGE_USAGE_SAMPLED_BIT;
    if (r->bind_flags & D3D11_BIND_RENDER_TARGET)
        desc.usage |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    if (r->bind_flags & D3D11_BIND_DEPTH_STENCIL)
        desc.usage |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
    if (r->bind_flags & D3D11_BIND_UNORDERED_ACCESS)
        desc.usage |= VK_IMAGE_USAGE_STORAGE_BIT;
    if (r->misc_flags & D3D11_RESOURCE_MISC_TEXTURECUBE)
        desc.flags |= VK_IMG_CUBE_COMPATIBLE;
    if (desc.type == VK_IMAGE_TYPE_3D && (r->bind_flags & (D3D11_BIND_RENDER_TARGET | D3D11_BIND_UNORDERED_ACCESS)))
        desc.flags |= VK_IMG_2D_ARRAY_COMPATIBLE;
    if (!(b->aspects & (VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT))
            && ((r->info->flags & D3D11VK_FORMAT_TYPELESS) || (r->bind_flags & D3D11_BIND_UNORDERED_ACCESS)))
    {
        desc.view_format_count = family_view_formats(r->device, r->info, b->vk_format, formats, ARRAY_SIZE(formats));
        if (desc.view_format_count > 1)
        {
            desc.view_formats = formats;
            desc.flags |= VK_IMG_MUTABLE_FORMAT;
        }
        else
            desc.view_format_count = 0;
    }
    desc.domain = VK_MEM_DOMAIN_DEVICE;
    if ((vr = vk_image_create(r->device->vk, &desc, &b->image)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a %ux%ux%u %s image: %s.", r->width, r->height, r->depth, r->info->name,
                vk_result_str(vr));
        return vr == VK_ERROR_OUT_OF_HOST_MEMORY || vr == VK_ERROR_OUT_OF_DEVICE_MEMORY ? E_OUTOFMEMORY : E_INVALIDARG;
    }
    if (!data)
    {
        __atomic_store_n(&b->needs_zero, 1, __ATOMIC_RELEASE);
        return S_OK;
    }
    return d3d11_upload_initial(r, data);
}

void d3d11_resource_init_contents(struct d3d11_resource *r, struct vk_cs *cs)
{
    struct d3d11_resource_backend *b = r->backend;
    VkImageSubresourceRange range;
    VkClearDepthStencilValue ds = {0};
    VkClearColorValue color = {0};
    struct vk_bufref ref;

    if (b && b->plane[0] && !b->buffer)
    {
        d3d11_resource_init_contents(b->plane[0], cs);
        d3d11_resource_init_contents(b->plane[1], cs);
        return;
    }
    if (!b || !__atomic_load_n(&b->needs_zero, __ATOMIC_ACQUIRE) || !__atomic_exchange_n(&b->needs_zero, 0, __ATOMIC_ACQ_REL))
        return;
    if (b->buffer)
    {
        vk_buffer_ref(b->buffer, 0, &ref);
        vk_cs_cmd_fill_buffer(cs, &ref, b->buffer->desc.size & ~(VkDeviceSize)3, 0);
        return;
    }
    range.aspectMask = vk_format_aspects(b->vk_format);
    range.baseMipLevel = 0;
    range.levelCount = r->mip_levels;
    range.baseArrayLayer = 0;
    range.layerCount = r->array_size;
    if (range.aspectMask & (VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT))
        vk_cs_cmd_clear_depth_stencil_image(cs, b->image, &ds, &range);
    else if (!(r->info->flags & D3D11VK_FORMAT_COMPRESSED) && !(r->info->flags & (D3D11VK_FORMAT_PLANAR | D3D11VK_FORMAT_YCBCR)))
        vk_cs_cmd_clear_color_image(cs, b->image, &color, &range);
}

struct d3d11_upload_stream
{
    struct plat_mutex lock;
    struct vk_cs *cs;
};

/* The device's upload stream, made by the first creation that needs it (a racing loser
 * destroys its own). */
static struct d3d11_upload_stream *upload_stream_get(struct d3d11_device *device)
{
    struct d3d11_upload_stream *u = __atomic_load_n(&device->upload, __ATOMIC_ACQUIRE), *expected = NULL;

    if (u)
        return u;
    if (!(u = calloc(1, sizeof(*u))))
        return NULL;
    if (vk_cs_create(device->vk, VK_CS_IMMEDIATE, &u->cs) != VK_SUCCESS)
    {
        free(u);
        return NULL;
    }
    plat_mutex_init(&u->lock);
    if (!__atomic_compare_exchange_n(&device->upload, &expected, u, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        vk_cs_destroy(u->cs);
        plat_mutex_destroy(&u->lock);
        free(u);
        return expected;
    }
    return u;
}

void d3d11_upload_stream_destroy(struct d3d11_device *device)
{
    struct d3d11_upload_stream *u = device->upload;

    if (!u)
        return;
    vk_cs_destroy(u->cs);
    plat_mutex_destroy(&u->lock);
    free(u);
    device->upload = NULL;
}

HRESULT d3d11_upload_initial(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    struct d3d11_resource_backend *b = r->backend;
    UINT count = d3d11_resource_subresource_count(r), i, w, h, d;
    size_t row, slice, size;
    VkBufferImageCopy region;
    struct vk_bufref ref, dst;
    struct d3d11_upload_stream *upload;
    struct vk_cs *cs;
    HRESULT hr = S_OK;
    void *ptr;

    if ((r->info->flags & D3D11VK_FORMAT_PLANAR) && r->dimension != D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        FIXME("Initial data for %s textures is not uploaded yet.", r->info->name);
        return S_OK;
    }
    /* Creation is free-threaded: the device's upload stream, under its lock and waited for,
     * keeps uploads off the contexts' streams (whose image layouts and barriers are their own). */
    if (!(upload = upload_stream_get(r->device)))
        return E_OUTOFMEMORY;
    plat_mutex_lock(&upload->lock);
    cs = upload->cs;
    for (i = 0; i < count && SUCCEEDED(hr); ++i)
    {
        if (!d3d11_resource_subresource_layout(r, i, &row, &slice, &size)
                || !vk_cs_staging_alloc(cs, size, 16, &ref, &ptr))
        {
            hr = E_OUTOFMEMORY;
            break;
        }
        if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            memcpy(ptr, data->pSysMem, r->width);
            vk_buffer_ref(b->buffer, 0, &dst);
            if (!vk_cs_cmd_copy_buffer(cs, &dst, &ref, r->width))
                hr = E_OUTOFMEMORY;
            continue;
        }
        d3d11_resource_mip_extent(r, i % r->mip_levels, &w, &h, &d);
        if (d3d11_resource_is_repack(r))
        {
            if (!d3d11_repack_upload(cs, r, i, 0, 0, 0, w, h, d, data[i].pSysMem, data[i].SysMemPitch,
                    data[i].SysMemSlicePitch))
                hr = E_OUTOFMEMORY;
            continue;
        }
        d3d11_copy_rows(ptr, row, slice, data[i].pSysMem, data[i].SysMemPitch, data[i].SysMemSlicePitch,
                row, d3d11vk_format_block_rows(r->info, h), d);
        d3d11_resource_buffer_region(r, i, 0, row, slice, 0, 0, 0, w, h, d, &region);
        if (!vk_cs_cmd_copy_buffer_to_image(cs, b->image, &ref, &region))
            hr = E_OUTOFMEMORY;
    }
    /* No GPU wait: the upload is submitted (vk_cs_sync returns once the worker has handed it
     * to the queue) before creation returns, so every later use of the resource is submitted
     * after it on the one device queue; each command buffer starts with a full barrier, which
     * orders it after the upload's writes, and CPU readers (Map of staging resources) wait for
     * the upload's timeline value through the objects' last use. */
    vk_cs_sync(cs);
    plat_mutex_unlock(&upload->lock);
    return hr;
}

/* Emulated planar formats: the plane resources (see struct d3d11_resource_backend). Staging
 * textures share the parent's buffer (made first, with the initial data in the D3D layout);
 * other textures get one image per plane, plane 0's also being the parent's image. */
static HRESULT planar_texture_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    struct d3d11_resource_backend *b = r->backend;
    D3D11_SUBRESOURCE_DATA *plane_data = NULL;
    UINT count = d3d11_resource_subresource_count(r), i, p;
    DXGI_FORMAT formats[2];
    struct d3d11_resource *pr;
    size_t row, slice, size;
    HRESULT hr;

    d3d11vk_format_planar_emulated(r->format, formats);
    if (r->usage == D3D11_USAGE_STAGING)
    {
        b->aspects = VK_IMAGE_ASPECT_COLOR_BIT;
        if (FAILED(hr = staging_texture_init(r, data)))
            return hr;
    }
    if (data && r->usage != D3D11_USAGE_STAGING && !(plane_data = calloc(count, sizeof(*plane_data))))
        return E_OUTOFMEMORY;
    for (p = 0; p < 2; ++p)
    {
        if (!(pr = b->plane[p] = calloc(1, sizeof(*pr))) || !(pr->backend = calloc(1, sizeof(*pr->backend))))
        {
            free(plane_data);
            return E_OUTOFMEMORY;
        }
        pr->dimension = r->dimension;
        pr->device = r->device;
        pr->iface = r->iface;
        pr->outer = r->outer;
        pr->usage = r->usage;
        pr->bind_flags = r->bind_flags;
        pr->cpu_access = r->cpu_access;
        pr->format = formats[p];
        pr->info = d3d11vk_format_get(formats[p]);
        pr->width = p ? r->width / 2 : r->width;
        pr->height = p ? r->height / 2 : r->height;
        pr->depth = pr->mip_levels = pr->sample_count = 1;
        pr->array_size = r->array_size;
        if (r->usage == D3D11_USAGE_STAGING)
        {
            pr->backend->buffer = b->buffer;   /* borrowed */
            pr->backend->aspects = VK_IMAGE_ASPECT_COLOR_BIT;
            if (!(pr->backend->sub_offset = calloc(count, sizeof(size_t))))
                return E_OUTOFMEMORY;
            d3d11_resource_subresource_layout(r, 0, &row, &slice, &size);
            for (i = 0; i < count; ++i)
                pr->backend->sub_offset[i] = b->sub_offset[i] + (p ? row * r->height : 0);
            continue;
        }
        if (data)
            for (i = 0; i < count; ++i)
            {
                plane_data[i] = data[i];
                plane_data[i].pSysMem = (const uint8_t *)data[i].pSysMem + (p ? (size_t)data[i].SysMemPitch * r->height : 0);
            }
        if (FAILED(hr = image_texture_init(pr, plane_data)))
        {
            free(plane_data);
            return hr;
        }
        if (!p)
        {
            b->image = pr->backend->image;   /* owned by the parent from now on */
            b->vk_format = pr->backend->vk_format;
            b->aspects = pr->backend->aspects;
        }
    }
    free(plane_data);
    return S_OK;
}

static void planar_texture_destroy(struct d3d11_resource *r)
{
    struct d3d11_resource *pr;
    UINT p;

    for (p = 0; p < 2; ++p)
    {
        if (!(pr = r->backend->plane[p]))
            continue;
        if (pr->backend)
        {
            pr->backend->buffer = NULL;   /* the parent's */
            if (!p)
                pr->backend->image = NULL;
        }
        d3d11_resource_backend_destroy(pr);
        free(pr);
        r->backend->plane[p] = NULL;
    }
}

HRESULT d3d11_resource_backend_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    if (!(r->backend = calloc(1, sizeof(*r->backend))))
        return E_OUTOFMEMORY;
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        return d3d11_buffer_backend_init(r, data);
    if (d3d11vk_format_planar_emulated(r->format, NULL))
        return planar_texture_init(r, data);
    if (r->usage == D3D11_USAGE_STAGING)
    {
        r->backend->aspects = VK_IMAGE_ASPECT_COLOR_BIT;
        return staging_texture_init(r, data);
    }
    return image_texture_init(r, data);
}

void d3d11_resource_backend_destroy(struct d3d11_resource *r)
{
    struct d3d11_resource_backend *b = r->backend;

    if (!b)
        return;
    planar_texture_destroy(r);
    if (b->buffer)
        vk_buffer_release(b->buffer);
    if (b->so_counter)
        vk_buffer_release(b->so_counter);
    if (b->image)
        vk_image_release(b->image);
    free(b->sub_offset);
    free(b->scratch_offset);
    free(b);
    r->backend = NULL;
}
