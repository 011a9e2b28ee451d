/* sharing_resource.c — the resource side of sharing: export at creation, IDXGIResource
 * GetSharedHandle/CreateSharedHandle, opening a share as a NEW resource object over the SAME
 * backend image or buffer (in-process tier, DESIGN decision 4), keyed-mutex hand-off.
 *
 * The resource code (texture.c / buffer.c) calls:
 *   d3d11_resource_share_init(r)      after the backend objects exist (creation)
 *   d3d11_resource_share_destroy(r)   when the resource is destroyed
 *   d3d11_resource_get_shared_handle / d3d11_resource_create_shared_handle from IDXGIResource1
 *   d3d11_resource_keyed_mutex_acquire/release from its IDXGIKeyedMutex face. */
#include "sharing.h"
#include <assert.h>
#if __has_include("resource.h")
# include "resource.h"
# define HAVE_RESOURCES 1
#endif

#define SHARING_MISC (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX \
        | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)

#ifdef HAVE_RESOURCES

/* resource -> its share, kept here so struct d3d11_resource needs no new field. */
struct keyed_face
{
    IDXGIKeyedMutex IDXGIKeyedMutex_iface;
    struct d3d11_resource *resource;
};

struct share_link
{
    struct d3d11_resource *resource;
    struct d3d11_shared *shared;
    struct keyed_face *face;            /* SHARED_KEYEDMUTEX only */
    bool remote;                        /* opened from another process: own image, host tier */
    struct host_gen *gen;               /* host tier: the data generation its memory holds */
};

static const IDXGIKeyedMutexVtbl keyed_face_vtbl;

/* Objects over the same memory (the exporter and this process's openers) share one
 * generation, so data one of them published or fetched is not fetched again. Own
 * allocation: links[] moves when it grows. */
struct host_gen
{
    volatile LONG refs;
    uint64_t value;
};

static void host_gen_release(struct host_gen *gen)
{
    if (gen && !atomic_dec_u32(&gen->refs))
        free(gen);
}

static struct plat_mutex links_lock = PLAT_MUTEX_INIT;
static struct share_link *links;
static size_t link_count, link_capacity;

/* gen: shared with another object over the same memory (a reference is taken), or NULL. */
static bool link_add(struct d3d11_resource *r, struct d3d11_shared *shared, bool remote, struct host_gen *gen)
{
    struct keyed_face *face = NULL;
    struct share_link *p;
    struct host_gen *seen = gen;
    size_t capacity;

    if (seen)
        atomic_inc_u32(&seen->refs);
    else if ((seen = calloc(1, sizeof(*seen))))
        seen->refs = 1;
    else
        return false;
    if (shared->keyed)
    {
        if (!(face = calloc(1, sizeof(*face))))
        {
            host_gen_release(seen);
            return false;
        }
        face->IDXGIKeyedMutex_iface.lpVtbl = &keyed_face_vtbl;
        face->resource = r;
    }
    plat_mutex_lock(&links_lock);
    if (link_count == link_capacity)
    {
        capacity = link_capacity ? link_capacity * 2 : 16;
        if (!(p = realloc(links, capacity * sizeof(*p))))
        {
            plat_mutex_unlock(&links_lock);
            free(face);
            host_gen_release(seen);
            return false;
        }
        links = p;
        link_capacity = capacity;
    }
    links[link_count].resource = r;
    links[link_count].face = face;
    links[link_count].remote = remote;
    links[link_count].gen = seen;
    links[link_count++].shared = shared;
    plat_mutex_unlock(&links_lock);
    return true;
}

static struct d3d11_shared *link_find(struct d3d11_resource *r, bool remove, struct keyed_face **face)
{
    struct d3d11_shared *shared = NULL;
    size_t i;

    assert(!remove || face);   /* the caller frees what the link owned */
    plat_mutex_lock(&links_lock);
    for (i = 0; i < link_count; ++i)
        if (links[i].resource == r)
        {
            shared = links[i].shared;
            if (face)
                *face = links[i].face;
            if (remove)
            {
                host_gen_release(links[i].gen);
                links[i] = links[--link_count];
            }
            break;
        }
    if (remove && !link_count)
    {
        free(links);
        links = NULL;
        link_capacity = 0;
    }
    plat_mutex_unlock(&links_lock);
    return shared;
}

struct d3d11_shared *d3d11_resource_shared(struct d3d11_resource *r)
{
    return r ? link_find(r, false, NULL) : NULL;
}

static struct vk_object *resource_backend_object(struct d3d11_resource *r)
{
    if (!r->backend)
        return NULL;
    if (r->backend->image)
        return &r->backend->image->obj;
    if (r->backend->buffer)
        return &r->backend->buffer->obj;
    return NULL;
}

/* The generation of this process's objects over `object`, with a new reference (NULL if
 * none of them is linked). */
static struct host_gen *gen_of_object(struct vk_object *object)
{
    struct host_gen *gen = NULL;
    size_t i;

    plat_mutex_lock(&links_lock);
    for (i = 0; i < link_count && !gen; ++i)
        if (resource_backend_object(links[i].resource) == object)
            gen = links[i].gen;
    if (gen)
        atomic_inc_u32(&gen->refs);
    plat_mutex_unlock(&links_lock);
    return gen;
}

HRESULT d3d11_resource_share_init(struct d3d11_resource *r)
{
    struct shared_resource_desc desc = {0};
    struct d3d11_shared *shared;
    HRESULT hr;

    if (!(r->misc_flags & SHARING_MISC))
        return S_OK;
    desc.dimension = r->dimension;
    desc.width = r->width;
    desc.height = r->height;
    desc.depth = r->depth;
    desc.array_size = r->array_size;
    desc.mip_levels = r->mip_levels;
    desc.format = r->format;
    desc.sample_count = r->sample_count;
    desc.usage = r->usage;
    desc.bind_flags = r->bind_flags;
    desc.cpu_access_flags = r->cpu_access;
    desc.misc_flags = r->misc_flags;
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
    {
        desc.height = desc.depth = desc.array_size = desc.mip_levels = 1;
        desc.sample_count = 0;
        if (r->iface)
        {
            D3D11_BUFFER_DESC bd;
            ID3D11Buffer_GetDesc((ID3D11Buffer *)r->iface, &bd);
            desc.structure_stride = bd.StructureByteStride;
        }
    }
    else if (r->dimension == D3D11_RESOURCE_DIMENSION_TEXTURE2D)
    {
        D3D11_TEXTURE2D_DESC td;
        ID3D11Texture2D_GetDesc((ID3D11Texture2D *)r->iface, &td);
        desc.sample_quality = td.SampleDesc.Quality;
    }
    if (FAILED(hr = d3d11_shared_export_create(r->device, &desc, resource_backend_object(r), &shared)))
        return hr;
    if (!link_add(r, shared, false, NULL))
    {
        d3d11_shared_release(shared);
        return E_OUTOFMEMORY;
    }
    return S_OK;
}

void d3d11_resource_share_destroy(struct d3d11_resource *r)
{
    struct keyed_face *face = NULL;
    struct d3d11_shared *shared = link_find(r, true, &face);

    /* A holder going away leaves the mutex free with its key. */
    if (shared)
        d3d11_shared_release(shared);
    free(face);
}

HRESULT d3d11_resource_get_shared_handle(struct d3d11_resource *r, HANDLE *handle)
{
    return d3d11_shared_get_legacy_handle(d3d11_resource_shared(r), r->misc_flags, handle);
}

HRESULT d3d11_resource_create_shared_handle(struct d3d11_resource *r, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *handle)
{
    struct d3d11_shared *shared = d3d11_resource_shared(r);

    /* A resource opened through a read-only handle cannot hand out write access. */
    if (shared && shared->read_only && shared_access_allows_write(access))
    {
        if (handle)
            *handle = NULL;
        return E_ACCESSDENIED;
    }
    return d3d11_shared_create_handle(shared, r->misc_flags, sa, access, name, handle);
}

/* Work this device recorded is complete before another device or process may see it. */
static void device_finish(struct d3d11_device *device)
{
    uint64_t value;

    if (!device || !device->immediate || !device->immediate->cs)
        return;
    value = vk_cs_sync(device->immediate->cs);
    vk_device_wait_timeline(device->vk, value, UINT64_MAX);
}

/* Host tier (cross-process): the backing's data area holds every subresource, tightly
 * packed in D3D layout. A hand-off (ReleaseSync) publishes the GPU contents into it and bumps
 * the generation; the next acquirer whose copy is older fetches it. The copies go through
 * host-visible buffers (a CPU copy each way); importing the section itself as host memory
 * (VK_EXT_external_memory_host) would save that copy. */
static bool link_host_state(struct d3d11_resource *r, bool *remote, uint64_t **seen)
{
    bool found = false;
    size_t i;

    plat_mutex_lock(&links_lock);
    for (i = 0; i < link_count; ++i)
        if (links[i].resource == r)
        {
            *remote = links[i].remote;
            *seen = &links[i].gen->value;   /* lives as long as the resource */
            found = true;
            break;
        }
    plat_mutex_unlock(&links_lock);
    return found;
}

static bool host_layout(struct d3d11_resource *r, struct d3d11_shared *shared, UINT sub, uint64_t *offset,
        size_t *row, size_t *slice, size_t *size)
{
    uint64_t at = 0;
    UINT i;

    for (i = 0; i <= sub; ++i)
    {
        if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            *row = *slice = *size = r->width;
        }
        else if (!d3d11_resource_subresource_layout(r, i, row, slice, size))
            return false;
        if (i < sub)
            at += align_u64(*size, 16);
    }
    *offset = at;
    return at + *size <= shared->header.payload.data_size;
}

static HRESULT host_publish(struct d3d11_resource *r, struct d3d11_shared *shared, uint64_t *seen)
{
    struct vk_cs *cs = r->device->immediate->cs;
    struct vk_buffer_desc desc = {0};
    UINT sub, count = d3d11_resource_subresource_count(r);
    struct vk_bufref ref, src;
    struct vk_buffer *buffer;
    uint64_t offset, total, timeline;
    size_t row, slice, size;
    VkBufferImageCopy region;
    UINT w, h, d;
    void *map;

    if (r->sample_count > 1 || !host_layout(r, shared, count - 1, &offset, &row, &slice, &size))
    {
        FIXME("Cross-process hand-off of this resource (samples %u) is not implemented.", r->sample_count);
        return E_NOTIMPL;
    }
    total = offset + size;
    desc.size = total;
    desc.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    desc.domain = VK_MEM_DOMAIN_READBACK;
    if (vk_buffer_create(r->device->vk, &desc, &buffer) != VK_SUCCESS)
        return E_OUTOFMEMORY;
    for (sub = 0; sub < count; ++sub)
    {
        host_layout(r, shared, sub, &offset, &row, &slice, &size);
        vk_buffer_ref(buffer, offset, &ref);
        if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            vk_buffer_ref(r->backend->buffer, 0, &src);
            vk_cs_cmd_copy_buffer(cs, &ref, &src, size);
            continue;
        }
        d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
        d3d11_resource_buffer_region(r, sub, offset, row, slice, 0, 0, 0, w, h, d, &region);
        vk_cs_cmd_copy_image_to_buffer(cs, &ref, r->backend->image, &region);
    }
    timeline = vk_cs_sync(cs);
    vk_device_wait_timeline(r->device->vk, timeline, UINT64_MAX);
    if ((map = vk_buffer_map(buffer)))
        memcpy((uint8_t *)shared->backing.base + shared->header.payload.data_offset, map, (size_t)total);
    vk_buffer_release(buffer);
    __atomic_store_n(seen, __atomic_add_fetch(&shared_section_sync(&shared->backing)->writes, 1, __ATOMIC_ACQ_REL),
            __ATOMIC_RELEASE);
    return map ? S_OK : E_FAIL;
}

static HRESULT host_fetch(struct d3d11_resource *r, struct d3d11_shared *shared, uint64_t *seen)
{
    uint64_t generation = __atomic_load_n(&shared_section_sync(&shared->backing)->writes, __ATOMIC_ACQUIRE);
    struct vk_cs *cs = r->device->immediate->cs;
    UINT sub, count = d3d11_resource_subresource_count(r);
    const uint8_t *data = (const uint8_t *)shared->backing.base + shared->header.payload.data_offset;
    size_t row, slice, size;
    VkBufferImageCopy region;
    struct vk_bufref ref, dst;
    uint64_t offset;
    UINT w, h, d;
    void *ptr;

    if (generation == __atomic_load_n(seen, __ATOMIC_ACQUIRE))
        return S_OK;
    if (r->sample_count > 1)
        return E_NOTIMPL;
    for (sub = 0; sub < count; ++sub)
    {
        if (!host_layout(r, shared, sub, &offset, &row, &slice, &size)
                || !vk_cs_staging_alloc(cs, size, 16, &ref, &ptr))
            return E_OUTOFMEMORY;
        memcpy(ptr, data + offset, size);
        if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            vk_buffer_ref(r->backend->buffer, 0, &dst);
            vk_cs_cmd_copy_buffer(cs, &dst, &ref, size);
            continue;
        }
        d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
        d3d11_resource_buffer_region(r, sub, 0, row, slice, 0, 0, 0, w, h, d, &region);
        vk_cs_cmd_copy_buffer_to_image(cs, r->backend->image, &ref, &region);
    }
    __atomic_store_n(seen, generation, __ATOMIC_RELEASE);
    return S_OK;
}

/* Whether hand-offs go through the section: every object of a host-tier share, since an
 * opener in another process may come at any time and acquire a key released before it
 * opened. (D3D11VK_SHARING_TIER=inprocess avoids the copies for single-process sharing.) */
static bool host_active(struct d3d11_shared *shared, bool remote)
{
    return shared->header.tier == SHARED_TIER_HOST && shared->header.payload.data_size;
}

/* Fences order work across processes too: a Signal publishes the host-tier shares the
 * device uses, a Wait fetches the ones another process published since. */
static size_t device_links(struct d3d11_device *device, struct d3d11_resource ***out)
{
    struct d3d11_resource **list = NULL;
    size_t i, count = 0;

    plat_mutex_lock(&links_lock);
    if (link_count && (list = malloc(link_count * sizeof(*list))))
    {
        for (i = 0; i < link_count; ++i)
            if (links[i].resource->device == device && host_active(links[i].shared, links[i].remote)
                    && !links[i].shared->read_only)
            {
                d3d11vk_child_incref_internal(&links[i].resource->child);
                list[count++] = links[i].resource;
            }
    }
    plat_mutex_unlock(&links_lock);
    *out = list;
    return count;
}

void d3d11_sharing_device_signal(struct d3d11_device *device)
{
    struct d3d11_resource **list;
    struct d3d11_shared *shared;
    size_t i, count = device_links(device, &list);
    uint64_t *seen;
    bool remote;

    for (i = 0; i < count; ++i)
    {
        if ((shared = d3d11_resource_shared(list[i])) && link_host_state(list[i], &remote, &seen))
            host_publish(list[i], shared, seen);
        d3d11vk_child_decref_internal(&list[i]->child);
    }
    free(list);
}

void d3d11_sharing_device_wait(struct d3d11_device *device)
{
    struct d3d11_resource **list;
    struct d3d11_shared *shared;
    size_t i, count = device_links(device, &list);
    uint64_t *seen;
    bool remote;

    for (i = 0; i < count; ++i)
    {
        if ((shared = d3d11_resource_shared(list[i])) && link_host_state(list[i], &remote, &seen))
            host_fetch(list[i], shared, seen);
        d3d11vk_child_decref_internal(&list[i]->child);
    }
    free(list);
}

static inline struct keyed_face *impl_from_IDXGIKeyedMutex(IDXGIKeyedMutex *iface)
{
    return CONTAINING_RECORD(iface, struct keyed_face, IDXGIKeyedMutex_iface);
}

static HRESULT STDMETHODCALLTYPE keyed_face_QueryInterface(IDXGIKeyedMutex *iface, REFIID riid, void **out)
{
    return d3d11_resource_query_interface(impl_from_IDXGIKeyedMutex(iface)->resource, riid, out);
}

static ULONG STDMETHODCALLTYPE keyed_face_AddRef(IDXGIKeyedMutex *iface)
{
    return d3d11vk_child_addref(&impl_from_IDXGIKeyedMutex(iface)->resource->child);
}

static ULONG STDMETHODCALLTYPE keyed_face_Release(IDXGIKeyedMutex *iface)
{
    return d3d11vk_child_release(&impl_from_IDXGIKeyedMutex(iface)->resource->child);
}

static HRESULT STDMETHODCALLTYPE keyed_face_SetPrivateData(IDXGIKeyedMutex *iface, REFGUID guid, UINT size, const void *data)
{
    return d3d11vk_private_store_set(&impl_from_IDXGIKeyedMutex(iface)->resource->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE keyed_face_SetPrivateDataInterface(IDXGIKeyedMutex *iface, REFGUID guid, const IUnknown *object)
{
    return d3d11vk_private_store_set_interface(&impl_from_IDXGIKeyedMutex(iface)->resource->child.private_data, guid, object);
}

static HRESULT STDMETHODCALLTYPE keyed_face_GetPrivateData(IDXGIKeyedMutex *iface, REFGUID guid, UINT *size, void *data)
{
    return d3d11vk_private_store_get(&impl_from_IDXGIKeyedMutex(iface)->resource->child.private_data, guid, size, data);
}

static HRESULT STDMETHODCALLTYPE keyed_face_GetParent(IDXGIKeyedMutex *iface, REFIID riid, void **parent)
{
    struct d3d11_resource *r = impl_from_IDXGIKeyedMutex(iface)->resource;
    return IDXGIResource1_GetParent(&r->IDXGIResource1_iface, riid, parent);
}

static HRESULT STDMETHODCALLTYPE keyed_face_GetDevice(IDXGIKeyedMutex *iface, REFIID riid, void **device)
{
    struct d3d11_resource *r = impl_from_IDXGIKeyedMutex(iface)->resource;
    return IDXGIResource1_GetDevice(&r->IDXGIResource1_iface, riid, device);
}

static HRESULT STDMETHODCALLTYPE keyed_face_AcquireSync(IDXGIKeyedMutex *iface, UINT64 key, DWORD ms)
{
    struct d3d11_resource *r = impl_from_IDXGIKeyedMutex(iface)->resource;
    struct d3d11_shared *shared = d3d11_resource_shared(r);
    uint64_t *seen;
    bool remote;
    HRESULT hr;

    hr = d3d11_keyed_mutex_acquire(shared, key, ms);
    if ((hr == S_OK || hr == WAIT_ABANDONED) && link_host_state(r, &remote, &seen) && host_active(shared, remote))
        host_fetch(r, shared, seen);
    return hr;
}

static HRESULT STDMETHODCALLTYPE keyed_face_ReleaseSync(IDXGIKeyedMutex *iface, UINT64 key)
{
    struct d3d11_resource *r = impl_from_IDXGIKeyedMutex(iface)->resource;
    struct d3d11_shared *shared = d3d11_resource_shared(r);
    uint64_t *seen;
    bool remote;

    if (!shared || !shared->keyed)
        return E_FAIL;
    if (!d3d11vk_keyed_mutex_is_held(&shared->keyed_mutex))
        return DXGI_ERROR_INVALID_CALL;
    if (link_host_state(r, &remote, &seen) && host_active(shared, remote) && !shared->read_only)
        host_publish(r, shared, seen);
    else
        device_finish(r->device);
    return d3d11_keyed_mutex_release(shared, key);
}

static const IDXGIKeyedMutexVtbl keyed_face_vtbl =
{
    .QueryInterface = keyed_face_QueryInterface,
    .AddRef = keyed_face_AddRef,
    .Release = keyed_face_Release,
    .SetPrivateData = keyed_face_SetPrivateData,
    .SetPrivateDataInterface = keyed_face_SetPrivateDataInterface,
    .GetPrivateData = keyed_face_GetPrivateData,
    .GetParent = keyed_face_GetParent,
    .GetDevice = keyed_face_GetDevice,
    .AcquireSync = keyed_face_AcquireSync,
    .ReleaseSync = keyed_face_ReleaseSync,
};

HRESULT d3d11_resource_keyed_mutex_qi(struct d3d11_resource *r, void **out)
{
    struct keyed_face *face = NULL;

    if (!out)
        return E_POINTER;
    *out = NULL;
    if (!link_find(r, false, &face) || !face)
        return E_NOINTERFACE;
    IDXGIKeyedMutex_AddRef(&face->IDXGIKeyedMutex_iface);
    *out = &face->IDXGIKeyedMutex_iface;
    return S_OK;
}

/* Creates the D3D object from the header's description (sharing flags left out so it does
 * not export itself), then puts the exporter's backend object in place of its own. */
HRESULT d3d11_resource_open_shared(struct d3d11_device *device, struct d3d11_shared *shared, REFIID riid, void **out)
{
    const struct shared_resource_desc *d = &shared->header.desc;
    UINT misc = d->misc_flags & ~SHARING_MISC;
    struct d3d11_resource *r = NULL;
    struct vk_object *object = shared->backend_object;
    ID3D11Resource *resource = NULL;
    struct host_gen *gen;
    bool added;
    HRESULT hr;

    bool remote = !object;

    if (remote && shared->header.tier != SHARED_TIER_HOST)
    {
        FIXME("Opening %s-tier shares from another process is not implemented yet.",
                shared_tier_name(shared->header.tier));
        return E_NOTIMPL;
    }
    if (object && object->device != device->vk)
    {
        FIXME("Opening a share on another adapter is not implemented yet.");
        return E_NOTIMPL;
    }
    switch (d->dimension)
    {
        case D3D11_RESOURCE_DIMENSION_BUFFER:
        {
            D3D11_BUFFER_DESC bd = {d->width, d->usage, d->bind_flags, d->cpu_access_flags, misc, d->structure_stride};
            hr = d3d11_buffer_create(device, &bd, NULL, (ID3D11Buffer **)&resource);
            break;
        }
        case D3D11_RESOURCE_DIMENSION_TEXTURE1D:
        {
            D3D11_TEXTURE1D_DESC td = {d->width, d->mip_levels, d->array_size, d->format, d->usage, d->bind_flags,
                    d->cpu_access_flags, misc};
            hr = d3d11_texture1d_create(device, &td, NULL, (ID3D11Texture1D **)&resource);
            break;
        }
        case D3D11_RESOURCE_DIMENSION_TEXTURE2D:
        {
            D3D11_TEXTURE2D_DESC1 td = {d->width, d->height, d->mip_levels, d->array_size, d->format,
                    {d->sample_count, d->sample_quality}, d->usage, d->bind_flags, d->cpu_access_flags, misc,
                    d->texture_layout};
            hr = d3d11_texture2d_create(device, &td, NULL, (ID3D11Texture2D1 **)&resource);
            break;
        }
        default:
        {
            D3D11_TEXTURE3D_DESC1 td = {d->width, d->height, d->depth, d->mip_levels, d->format, d->usage,
                    d->bind_flags, d->cpu_access_flags, misc, d->texture_layout};
            hr = d3d11_texture3d_create(device, &td, NULL, (ID3D11Texture3D1 **)&resource);
            break;
        }
    }
    if (FAILED(hr))
        return hr;
    r = d3d11_resource_from_iface(resource);
    if (!r || !r->backend || (d->dimension == D3D11_RESOURCE_DIMENSION_BUFFER ? !r->backend->buffer : !r->backend->image))
    {
        ID3D11Resource_Release(resource);
        return E_FAIL;
    }
    /* Same memory: the new object's own backend object goes, the exporter's takes its place.
     * From another process (host tier) the object keeps its own and takes the published data. */
    if (object)
    {
        vk_object_addref(object);
        if (d->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            vk_buffer_release(r->backend->buffer);
            r->backend->buffer = CONTAINING_RECORD(object, struct vk_buffer, obj);
        }
        else
        {
            vk_image_release(r->backend->image);
            r->backend->image = CONTAINING_RECORD(object, struct vk_image, obj);
        }
    }
    r->misc_flags = d->misc_flags;
    d3d11_shared_addref(shared);
    gen = object ? gen_of_object(object) : NULL;
    added = link_add(r, shared, remote, gen);
    host_gen_release(gen);
    if (!added)
    {
        d3d11_shared_release(shared);
        ID3D11Resource_Release(resource);
        return E_OUTOFMEMORY;
    }
    if (remote)
    {
        uint64_t *seen;
        bool is_remote;
        if (link_host_state(r, &is_remote, &seen))
            host_fetch(r, shared, seen);
    }
    hr = ID3D11Resource_QueryInterface(resource, riid, out);
    ID3D11Resource_Release(resource);
    return hr;
}

#else  /* resources not built yet */

void d3d11_sharing_device_signal(struct d3d11_device *device)
{
}

void d3d11_sharing_device_wait(struct d3d11_device *device)
{
}

HRESULT d3d11_resource_keyed_mutex_qi(struct d3d11_resource *r, void **out)
{
    return E_NOINTERFACE;
}

HRESULT d3d11_resource_open_shared(struct d3d11_device *device, struct d3d11_shared *shared, REFIID riid, void **out)
{
    FIXME("Opening shared resources needs the resource code.");
    return E_NOTIMPL;
}

#endif
