/* buffer.c — ID3D11Buffer (with IDXGIResource1): creation, validation, description. */
#include "resource.h"
#include "sharing.h"  /* sharing (issue 5) */

struct d3d11_buffer
{
    ID3D11Buffer ID3D11Buffer_iface;
    struct d3d11_resource r;
    UINT stride;
};

HRESULT d3d11_validate_usage(D3D11_USAGE usage, UINT bind, UINT cpu, bool buffer);

static const ID3D11BufferVtbl d3d11_buffer_vtbl;

#define BUF_RES_OFF offsetof(struct d3d11_buffer, r) + offsetof(struct d3d11_resource, IDXGIResource1_iface)

static const struct d3d11vk_qi_entry buffer_qi[] =
{
    { &IID_ID3D11Buffer, offsetof(struct d3d11_buffer, ID3D11Buffer_iface) },
    { &IID_ID3D11Resource, offsetof(struct d3d11_buffer, ID3D11Buffer_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_buffer, ID3D11Buffer_iface) },
    { &IID_IDXGIResource1, BUF_RES_OFF },
    { &IID_IDXGIResource, BUF_RES_OFF },
    { &IID_IDXGIDeviceSubObject, BUF_RES_OFF },
    { &IID_IDXGIObject, BUF_RES_OFF },
};

static inline struct d3d11_buffer *impl_from_ID3D11Buffer(ID3D11Buffer *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_buffer, ID3D11Buffer_iface);
}

struct d3d11_resource *d3d11_buffer_from_iface(ID3D11Buffer *iface)
{
    if (!iface || iface->lpVtbl != &d3d11_buffer_vtbl)
        return NULL;
    return &impl_from_ID3D11Buffer(iface)->r;
}

UINT d3d11_buffer_stride(struct d3d11_resource *r)
{
    return CONTAINING_RECORD(r, struct d3d11_buffer, r)->stride;
}

static HRESULT STDMETHODCALLTYPE d3d11_buffer_QueryInterface(ID3D11Buffer *iface, REFIID riid, void **out)
{
    return d3d11_resource_query_interface(&impl_from_ID3D11Buffer(iface)->r, riid, out);
}

D3D11VK_DEVICE_CHILD_BASE_METHODS_AT(d3d11_buffer, ID3D11Buffer, struct d3d11_buffer, ID3D11Buffer_iface, r.child)

static void STDMETHODCALLTYPE d3d11_buffer_GetType(ID3D11Buffer *iface, D3D11_RESOURCE_DIMENSION *dimension)
{
    if (dimension)
        *dimension = D3D11_RESOURCE_DIMENSION_BUFFER;
}

static void STDMETHODCALLTYPE d3d11_buffer_SetEvictionPriority(ID3D11Buffer *iface, UINT priority)
{
    impl_from_ID3D11Buffer(iface)->r.eviction_priority = priority;
}

static UINT STDMETHODCALLTYPE d3d11_buffer_GetEvictionPriority(ID3D11Buffer *iface)
{
    return impl_from_ID3D11Buffer(iface)->r.eviction_priority;
}

static void STDMETHODCALLTYPE d3d11_buffer_GetDesc(ID3D11Buffer *iface, D3D11_BUFFER_DESC *desc)
{
    struct d3d11_buffer *b = impl_from_ID3D11Buffer(iface);

    if (!desc)
        return;
    desc->ByteWidth = b->r.width;
    desc->Usage = b->r.usage;
    desc->BindFlags = b->r.bind_flags;
    desc->CPUAccessFlags = b->r.cpu_access;
    desc->MiscFlags = b->r.misc_flags;
    desc->StructureByteStride = b->stride;
}

static const ID3D11BufferVtbl d3d11_buffer_vtbl =
{
    .QueryInterface = d3d11_buffer_QueryInterface,
    .AddRef = d3d11_buffer_AddRef,
    .Release = d3d11_buffer_Release,
    .GetDevice = d3d11_buffer_GetDevice,
    .GetPrivateData = d3d11_buffer_GetPrivateData,
    .SetPrivateData = d3d11_buffer_SetPrivateData,
    .SetPrivateDataInterface = d3d11_buffer_SetPrivateDataInterface,
    .GetType = d3d11_buffer_GetType,
    .SetEvictionPriority = d3d11_buffer_SetEvictionPriority,
    .GetEvictionPriority = d3d11_buffer_GetEvictionPriority,
    .GetDesc = d3d11_buffer_GetDesc,
};

#define INVALID(...) do { LOG_WARN(__VA_ARGS__); return E_INVALIDARG; } while (0)

static const UINT buffer_binds = D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_INDEX_BUFFER | D3D11_BIND_CONSTANT_BUFFER
        | D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_STREAM_OUTPUT | D3D11_BIND_RENDER_TARGET | D3D11_BIND_UNORDERED_ACCESS;
static const UINT buffer_misc = D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS
        | D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS | D3D11_RESOURCE_MISC_BUFFER_STRUCTURED
        | D3D11_RESOURCE_MISC_RESOURCE_CLAMP | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE
        | D3D11_RESOURCE_MISC_RESTRICTED_CONTENT | D3D11_RESOURCE_MISC_RESTRICT_SHARED_RESOURCE
        | D3D11_RESOURCE_MISC_RESTRICT_SHARED_RESOURCE_DRIVER | D3D11_RESOURCE_MISC_GUARDED
        | D3D11_RESOURCE_MISC_HW_PROTECTED;

static HRESULT validate_buffer(const D3D11_BUFFER_DESC *d, const D3D11_SUBRESOURCE_DATA *data)
{
    HRESULT hr;

    if (!d->ByteWidth)
        INVALID("Zero-sized buffer.");
    if (d->BindFlags & ~buffer_binds)
        INVALID("Invalid buffer bind flags %#x.", d->BindFlags);
    if (d->MiscFlags & ~buffer_misc)
        INVALID("Invalid buffer misc flags %#x.", d->MiscFlags);
    if (FAILED(hr = d3d11_validate_usage(d->Usage, d->BindFlags, d->CPUAccessFlags, true)))
        return hr;
    /* Constant buffers are read as float4 rows: whole rows. (The D3D11.1 runtime allows more
     * than D3D11_REQ_CONSTANT_BUFFER_ELEMENT_COUNT rows; a binding sees at most that many.) */
    if ((d->BindFlags & D3D11_BIND_CONSTANT_BUFFER) && (d->ByteWidth % 16))
        INVALID("Constant buffer size %u is not a multiple of 16.", d->ByteWidth);
    if ((d->BindFlags & D3D11_BIND_CONSTANT_BUFFER) && (d->BindFlags & ~D3D11_BIND_CONSTANT_BUFFER))
        INVALID("Constant buffers cannot have other bind flags (%#x).", d->BindFlags);
    if (d->MiscFlags & D3D11_RESOURCE_MISC_BUFFER_STRUCTURED)
    {
        if (!d->StructureByteStride || (d->StructureByteStride % 4) || d->StructureByteStride > 2048)
            INVALID("Invalid structure stride %u.", d->StructureByteStride);
        if (d->ByteWidth % d->StructureByteStride)
            INVALID("Buffer size %u is not a multiple of the stride %u.", d->ByteWidth, d->StructureByteStride);
        if (d->MiscFlags & (D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS | D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS))
            INVALID("Structured buffers cannot be raw or indirect-argument buffers.");
        if (d->BindFlags & (D3D11_BIND_VERTEX_BUFFER | D3D11_BIND_INDEX_BUFFER | D3D11_BIND_CONSTANT_BUFFER
                | D3D11_BIND_STREAM_OUTPUT | D3D11_BIND_RENDER_TARGET))
            INVALID("Structured buffers cannot have bind flags %#x.", d->BindFlags);
    }
    if ((d->MiscFlags & D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS)
            && !(d->BindFlags & (D3D11_BIND_SHADER_RESOURCE | D3D11_BIND_UNORDERED_ACCESS)))
        INVALID("Raw buffers need shader-resource or unordered-access binding.");
    if ((d->MiscFlags & D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS) && d->Usage == D3D11_USAGE_STAGING)
        INVALID("Staging buffers cannot hold indirect arguments.");
    if ((d->MiscFlags & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
            == (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
        INVALID("SHARED and SHARED_KEYEDMUTEX are exclusive.");
    if (FAILED(d3d11_sharing_check_desc(D3D11_RESOURCE_DIMENSION_BUFFER, d->Usage, d->BindFlags, d->CPUAccessFlags,
            d->MiscFlags, DXGI_FORMAT_UNKNOWN)))  /* sharing (issue 5) */
        INVALID("This buffer cannot be shared.");
    if (d->Usage == D3D11_USAGE_IMMUTABLE && !data)
        INVALID("Immutable buffers need initial data.");
    if (data && !data->pSysMem)
        INVALID("Initial data pointer is NULL.");
    return S_OK;
}

static void buffer_destroy(struct d3d11vk_child *child)
{
    struct d3d11_buffer *b = CONTAINING_RECORD(child, struct d3d11_buffer, r.child);

    d3d11_resource_share_destroy(&b->r);  /* sharing (issue 5) */
    d3d11_resource_backend_destroy(&b->r);
    free(b);
}

HRESULT d3d11_buffer_create(struct d3d11_device *device, const D3D11_BUFFER_DESC *desc,
        const D3D11_SUBRESOURCE_DATA *data, ID3D11Buffer **out)
{
    struct d3d11_buffer *b;
    HRESULT hr;

    if (out)
        *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = validate_buffer(desc, data)))
        return hr;
    if (!out)
        return S_FALSE;
    if (!(b = calloc(1, sizeof(*b))))
        return E_OUTOFMEMORY;
    b->ID3D11Buffer_iface.lpVtbl = &d3d11_buffer_vtbl;
    d3d11_resource_init(&b->r, device, b, buffer_qi, ARRAY_SIZE(buffer_qi),
            (ID3D11Resource *)&b->ID3D11Buffer_iface, buffer_destroy);
    b->r.dimension = D3D11_RESOURCE_DIMENSION_BUFFER;
    b->r.usage = desc->Usage;
    b->r.bind_flags = desc->BindFlags;
    b->r.cpu_access = desc->CPUAccessFlags;
    b->r.misc_flags = desc->MiscFlags;
    b->r.format = DXGI_FORMAT_UNKNOWN;
    b->r.info = d3d11vk_format_get(DXGI_FORMAT_R8_UINT);
    b->r.width = desc->ByteWidth;
    b->r.height = b->r.depth = b->r.mip_levels = b->r.array_size = b->r.sample_count = 1;
    /* D3D11 reports the stride only for structured buffers. */
    b->stride = (desc->MiscFlags & D3D11_RESOURCE_MISC_BUFFER_STRUCTURED) ? desc->StructureByteStride : 0;
    if (FAILED(hr = d3d11_resource_backend_init(&b->r, data)) || FAILED(hr = d3d11_resource_share_init(&b->r)))
    {
        d3d11vk_child_release(&b->r.child);
        return hr;
    }
    *out = &b->ID3D11Buffer_iface;
    return S_OK;
}

/* Backend ---------------------------------------------------------------------------------- */

static VkBufferUsageFlags buffer_usage(const struct d3d11_resource *r)
{
    VkBufferUsageFlags usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    UINT bind = r->bind_flags;

    if (bind & D3D11_BIND_VERTEX_BUFFER)
        usage |= VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
    if (bind & D3D11_BIND_INDEX_BUFFER)
        usage |= VK_BUFFER_USAGE_INDEX_BUFFER_BIT;
    if (bind & D3D11_BIND_CONSTANT_BUFFER)
        usage |= VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT;
    if (bind & D3D11_BIND_SHADER_RESOURCE)
        usage |= VK_BUFFER_USAGE_UNIFORM_TEXEL_BUFFER_BIT | VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
    if (bind & (D3D11_BIND_UNORDERED_ACCESS | D3D11_BIND_RENDER_TARGET))
        usage |= VK_BUFFER_USAGE_STORAGE_TEXEL_BUFFER_BIT | VK_BUFFER_USAGE_STORAGE_BUFFER_BIT;
    if ((bind & D3D11_BIND_STREAM_OUTPUT) && r->device->vk->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK])
        usage |= VK_BUFFER_USAGE_TRANSFORM_FEEDBACK_BUFFER_BIT_EXT;
    if (r->misc_flags & D3D11_RESOURCE_MISC_DRAWINDIRECT_ARGS)
        usage |= VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT;
    return usage;
}

HRESULT d3d11_buffer_backend_init(struct d3d11_resource *r, const D3D11_SUBRESOURCE_DATA *data)
{
    struct d3d11_resource_backend *b = r->backend;
    struct vk_buffer_desc desc = {0};
    VkResult vr;
    void *map;

    desc.size = align_u64(r->width, 4);
    desc.usage = buffer_usage(r);
    if (r->usage == D3D11_USAGE_DYNAMIC)
    {
        desc.domain = VK_MEM_DOMAIN_UPLOAD;
        desc.flags = VK_BUF_DISCARDABLE;
    }
    else if (r->cpu_access & D3D11_CPU_ACCESS_READ)
        desc.domain = VK_MEM_DOMAIN_READBACK;
    else if (r->cpu_access)
        desc.domain = VK_MEM_DOMAIN_UPLOAD;
    else
        desc.domain = VK_MEM_DOMAIN_DEVICE;
    if ((vr = vk_buffer_create(r->device->vk, &desc, &b->buffer)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a buffer of %u bytes: %s.", r->width, vk_result_str(vr));
        return E_OUTOFMEMORY;
    }
    /* A fresh host-visible buffer is not used by the GPU yet: write it directly. */
    if ((map = vk_buffer_map(b->buffer)))
    {
        if (data)
            memcpy(map, data->pSysMem, r->width);
        else
            memset(map, 0, r->width);
        return S_OK;
    }
    if (!data)
    {
        __atomic_store_n(&b->needs_zero, 1, __ATOMIC_RELEASE);
        return S_OK;
    }
    return d3d11_upload_initial(r, data);
}
