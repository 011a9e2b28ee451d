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
#include "config.h"
#include "vk_external.h"
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#ifdef D3D11VK_NATIVE
# include <fcntl.h>
# include <unistd.h>
# include <sys/syscall.h>
#endif
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

/* fd tier (native, VK_KHR_external_memory_fd; opaque fds).
 *
 * Export: the texture's image is replaced by an identical one whose dedicated memory is
 * exportable (its contents copied over, or zeroed), and vkGetMemoryFdKHR gives an fd that
 * the share keeps open. The header records the memory's size and type, the fd's NUMBER in
 * the exporting process, and the device/driver UUIDs.
 * Handle transport: the application passes only the section's fd (the NT handle; over a
 * Unix socket with SCM_RIGHTS, or inherited). The opener reads the header and takes the
 * memory fd from the exporter with pidfd_open + pidfd_getfd (Linux 5.6; allowed where the
 * opener may ptrace the exporter: same user, no stricter Yama policy), else by reopening
 * /proc/<pid>/fd/<n> (works for memfd-backed fds such as lavapipe's).
 * Import: an identical image imported with VkImportMemoryFdInfoKHR: zero copies.
 * Buffers get dedicated exportable buffer memory the same way; multisampled images are
 * exported where the device's answer for the format includes the sample count.
 * Synchronisation: exported timeline semaphores where the device has them (keyed mutex,
 * fences), else a CPU wait on the producer's timeline before ReleaseSync / fence Signal.
 * Resources that cannot be exported (formats or usages without external support) fall back
 * to the host tier. */
static int export_handle_value(struct vk_image *image, struct vk_buffer *buffer)
{
#ifdef D3D11VK_NATIVE
    return image ? vk_image_export_fd(image) : vk_buffer_export_fd(buffer);
#else
    /* win32 tier: an NT handle of this process; openers DuplicateHandle it from the exporter
     * (header's pid). Kept open as long as the share (its value in memory_fd). */
    HANDLE h = image ? vk_image_export_win32(image) : vk_buffer_export_win32(buffer);
    int fd = h && (uintptr_t)h <= 0x7fffffffu ? (int)(uintptr_t)h : -1;
    if (h && fd < 0)
        CloseHandle(h);
    return fd;
#endif
}

static bool fd_export_buffer(struct d3d11_resource *r, struct vk_cs *cs, struct shared_tier_payload *payload,
        int *memory_fd)
{
#ifdef D3D11VK_NATIVE
    struct vk_external_memory ext = {VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT, false, -1, NULL, 0, 0};
#else
    struct vk_external_memory ext = {VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT, false, -1, NULL, 0, 0};
#endif
    struct vk_buffer *old = r->backend->buffer, *buffer;
    struct vk_device *vk = r->device->vk;
    struct vk_bufref dst, src;
    int fd;

    if (!old || (old->desc.flags & VK_BUF_DISCARDABLE) || old->desc.domain != VK_MEM_DOMAIN_DEVICE)
        return false;
    if (!vk_buffer_external_supported(vk, old->desc.usage, ext.handle_type))
    {
        LOG_INFO("This buffer cannot be exported: host tier for this resource.");
        return false;
    }
    if (vk_buffer_create_external(vk, &old->desc, &ext, &buffer) != VK_SUCCESS)
        return false;
    if ((fd = export_handle_value(NULL, buffer)) < 0)
    {
        vk_buffer_release(buffer);
        return false;
    }
    r->backend->buffer = buffer;
    if (__atomic_load_n(&r->backend->needs_zero, __ATOMIC_ACQUIRE))
        d3d11_resource_init_contents(r, cs);
    else
    {
        vk_buffer_ref(buffer, 0, &dst);
        vk_buffer_ref(old, 0, &src);
        vk_cs_cmd_copy_buffer(cs, &dst, &src, old->desc.size);
    }
    vk_device_wait_timeline(vk, vk_cs_sync(cs), UINT64_MAX);
    vk_buffer_release(old);
    payload->alloc_size = buffer->slice->allocation.size;
    payload->memory_type_bits = 1u << buffer->slice->allocation.memory_type;
    payload->exporter_handle = (uint32_t)fd;
    *memory_fd = fd;
    return true;
}

static bool fd_export(struct d3d11_resource *r, struct shared_tier_payload *payload, int *memory_fd)
{
#ifdef D3D11VK_NATIVE
    const VkExternalMemoryHandleTypeFlagBits handle_type = VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT;
#else
    const VkExternalMemoryHandleTypeFlagBits handle_type = VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT;
#endif
    struct vk_external_memory ext = {handle_type, false, -1, NULL, 0, 0};
    struct vk_image *old = r->backend ? r->backend->image : NULL, *image;
    struct vk_device *vk = r->device->vk;
    struct vk_cs *cs;
    VkImageCopy region;
    uint32_t mip;
    int fd;

    if (!r->backend || !r->device->immediate || !(cs = r->device->immediate->cs))
        return false;
    if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        return fd_export_buffer(r, cs, payload, memory_fd);
    if (!old)
        return false;
    if (!vk_image_external_supported(vk, &old->desc, ext.handle_type))
    {
        LOG_INFO("Format %#x cannot be exported: host tier for this resource.", r->format);
        return false;
    }
    if (vk_image_create_external(vk, &old->desc, &ext, &image) != VK_SUCCESS)
        return false;
    fd = export_handle_value(image, NULL);
    if (fd < 0)
    {
        vk_image_release(image);
        return false;
    }
    r->backend->image = image;
    if (__atomic_load_n(&r->backend->needs_zero, __ATOMIC_ACQUIRE))
        d3d11_resource_init_contents(r, cs);
    else
    {
        for (mip = 0; mip < old->desc.mip_levels; ++mip)
        {
            memset(&region, 0, sizeof(region));
            region.srcSubresource.aspectMask = old->aspects;
            region.srcSubresource.mipLevel = mip;
            region.srcSubresource.layerCount = old->desc.array_layers;
            region.dstSubresource = region.srcSubresource;
            region.extent.width = d3d11vk_max(old->desc.extent.width >> mip, 1);
            region.extent.height = d3d11vk_max(old->desc.extent.height >> mip, 1);
            region.extent.depth = d3d11vk_max(old->desc.extent.depth >> mip, 1);
            vk_cs_cmd_copy_image(cs, image, old, &region);
        }
    }
    /* The memory holds defined contents in GENERAL before anyone may import it. */
    vk_device_wait_timeline(vk, vk_cs_sync(cs), UINT64_MAX);
    vk_image_release(old);
    payload->alloc_size = image->allocation.size;
    payload->memory_type_bits = 1u << image->allocation.memory_type;
    payload->exporter_handle = (uint32_t)fd;
    *memory_fd = fd;
    return true;
}

static HRESULT fd_import(struct d3d11_resource *r, struct d3d11_shared *shared)
{
    const struct shared_tier_payload *p = &shared->header.payload;
#ifdef D3D11VK_NATIVE
    struct vk_external_memory ext = {VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT, true, -1, NULL, 0, 0};
#else
    struct vk_external_memory ext = {VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT, true, -1, NULL, 0, 0};
#endif
    struct vk_buffer *buffer = NULL;
    struct vk_image *image = NULL;
    VkResult vr;

    if (!r->backend || !(r->backend->image || r->backend->buffer) || !r->device->vk_adapter)
        return E_FAIL;
    if (memcmp(p->device_uuid, r->device->vk_adapter->id_properties.deviceUUID, 16)
            || memcmp(p->driver_uuid, r->device->vk_adapter->id_properties.driverUUID, 16))
    {
        FIXME("Opening an fd-tier share made on another device or driver is not implemented.");
        return E_NOTIMPL;
    }
#ifdef D3D11VK_NATIVE
    if ((ext.fd = (int)d3d11_shared_take_handle(shared->header.exporter_pid, p->exporter_handle)) < 0)
#else
    if (!(ext.win32_handle = (HANDLE)d3d11_shared_take_handle(shared->header.exporter_pid, p->exporter_handle)))
#endif
    {
        LOG_WARN("Cannot take memory handle %u from process %u (%s).", p->exporter_handle, shared->header.exporter_pid,
                strerror(errno));
        return E_INVALIDARG;
    }
    ext.size = p->alloc_size;
    ext.memory_type = (uint32_t)__builtin_ctz(p->memory_type_bits);
    if (r->backend->image)
        vr = vk_image_create_external(r->device->vk, &r->backend->image->desc, &ext, &image);
    else
        vr = vk_buffer_create_external(r->device->vk, &r->backend->buffer->desc, &ext, &buffer);
#ifdef D3D11VK_NATIVE
    if (vr != VK_SUCCESS)
        close(ext.fd);
#else
    CloseHandle(ext.win32_handle);   /* a win32 import does not take the handle over */
#endif
    if (vr != VK_SUCCESS)
    {
        LOG_WARN("Importing the exported memory failed: %s.", vk_result_str(vr));
        return E_INVALIDARG;
    }
    if (image)
    {
        vk_image_release(r->backend->image);
        r->backend->image = image;
    }
    else
    {
        vk_buffer_release(r->backend->buffer);
        r->backend->buffer = buffer;
    }
    __atomic_store_n(&r->backend->needs_zero, 0, __ATOMIC_RELEASE);
    return S_OK;
}

volatile LONG d3d11_share_guards_live;

static void guard_set(struct d3d11_resource *r, LONG guard)
{
    if (!guard)
        return;
    __atomic_store_n(&r->share_guard, guard, __ATOMIC_RELEASE);
    atomic_inc_u32(&d3d11_share_guards_live);
}

HRESULT d3d11_resource_share_init(struct d3d11_resource *r)
{
    static volatile LONG logged_msaa;
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
    /* Openers (other devices, other processes) may use it first: zero it now, not lazily. */
    if (r->device->immediate && r->device->immediate->cs)
        d3d11_resource_init_contents(r, r->device->immediate->cs);
    {
        struct shared_tier_payload payload = {0};
        int memory_fd = -1;

        enum shared_tier tier = d3d11_sharing_tier(r->device);
        struct vk_semaphore *semaphore = NULL;
        int semaphore_fd = -1;

        if ((tier == SHARED_TIER_FD || tier == SHARED_TIER_WIN32) && fd_export(r, &payload, &memory_fd))
        {
            /* Keyed-mutex hand-offs wait on the GPU where the device exports timeline
             * semaphores (else the releaser waits on the CPU). */
            if ((r->misc_flags & D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX) && d3d11_sharing_semaphores(r->device)
                    && SUCCEEDED(d3d11_shared_semaphore_export(r->device, 0, &semaphore, &semaphore_fd)))
                payload.semaphore_handle = (uint32_t)semaphore_fd;
            hr = d3d11_shared_export_create_synced(r->device, &desc, resource_backend_object(r), tier,
                    &payload, memory_fd, semaphore, semaphore_fd, &shared);
        }
        else
            hr = d3d11_shared_export_create(r->device, &desc, resource_backend_object(r), &shared);
        if (FAILED(hr))
            return hr;
    }
    if (shared->header.tier == SHARED_TIER_HOST && r->sample_count > 1 && !__atomic_exchange_n(&logged_msaa, 1, __ATOMIC_RELAXED))
        LOG_WARN("A %ux multisampled resource is shared on the host tier: objects in this process share its "
                "image; other processes cannot open it (E_NOTIMPL).", r->sample_count);
    if (!link_add(r, shared, false, NULL))
    {
        d3d11_shared_release(shared);
        return E_OUTOFMEMORY;
    }
    if (shared->keyed)
        guard_set(r, D3D11_SHARE_GUARD_KEYED);
    return S_OK;
}

static bool view_usable(const struct d3d11_view *v, bool write)
{
    return !v || d3d11_resource_usable(v->resource, write, true);
}

bool d3d11_sharing_draw_allowed(struct d3d11_context *context, bool compute)
{
    const struct d3d11_context_state *st = &context->state;
    enum d3d11_stage s, first = compute ? D3D11_STAGE_CS : D3D11_STAGE_VS, last = compute ? D3D11_STAGE_CS : D3D11_STAGE_PS;
    uint64_t mask;
    unsigned int i;

    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
        return true;   /* the keyed-mutex rule applies when commands run; read-only opens have no writable views */
    for (s = first; s <= last; ++s)
    {
        const struct d3d11_stage_state *stage = &st->stages[s];

        for (i = 0; i < 2; ++i)
            for (mask = stage->srv_mask[i]; mask; mask &= mask - 1)
                if (!view_usable(stage->srvs[i * 64 + __builtin_ctzll(mask)], false))
                    return false;
        for (mask = stage->cb_mask; mask; mask &= mask - 1)
            if (!d3d11_resource_usable(stage->cbs[__builtin_ctzll(mask)].buffer, false, true))
                return false;
    }
    if (compute)
    {
        for (mask = st->cs_uav_mask; mask; mask &= mask - 1)
            if (!view_usable(st->cs_uavs[__builtin_ctzll(mask)], true))
                return false;
        return true;
    }
    for (i = 0; i < st->rtv_count && i < D3D11_RTV_SLOTS; ++i)
        if (!view_usable(st->rtvs[i], true))
            return false;
    if (!view_usable(st->dsv, true))
        return false;
    for (mask = st->uav_mask; mask; mask &= mask - 1)
        if (!view_usable(st->uavs[__builtin_ctzll(mask)], true))
            return false;
    for (mask = st->vb_mask; mask; mask &= mask - 1)
        if (!d3d11_resource_usable(st->vbs[__builtin_ctzll(mask)].buffer, false, true))
            return false;
    if (!d3d11_resource_usable(st->index_buffer, false, true))
        return false;
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
        if (!d3d11_resource_usable(st->so[i].buffer, true, true))
            return false;
    return true;
}

bool d3d11_resource_guard_refuses(struct d3d11_resource *r, bool write, bool immediate)
{
    static volatile LONG logged_keyed, logged_read_only;
    LONG guard = __atomic_load_n(&r->share_guard, __ATOMIC_ACQUIRE);

    if (write && (guard & D3D11_SHARE_GUARD_READ_ONLY))
    {
        if (!__atomic_exchange_n(&logged_read_only, 1, __ATOMIC_RELAXED))
            LOG_WARN("A write into a shared resource opened read-only is dropped.");
        return true;
    }
    if (immediate && (guard & D3D11_SHARE_GUARD_KEYED) && !(guard & D3D11_SHARE_GUARD_HELD))
    {
        if (!__atomic_exchange_n(&logged_keyed, 1, __ATOMIC_RELAXED))
            LOG_WARN("A command using a keyed-mutex resource whose mutex this object does not hold is dropped "
                    "(AcquireSync first).");
        return true;
    }
    return false;
}

void d3d11_resource_share_destroy(struct d3d11_resource *r)
{
    struct keyed_face *face = NULL;
    struct d3d11_shared *shared = link_find(r, true, &face);

    if (__atomic_exchange_n(&r->share_guard, 0, __ATOMIC_ACQ_REL))
        atomic_dec_u32(&d3d11_share_guards_live);
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

/* Host tier, zero CPU copies: the section's data area imported as a buffer on r's device
 * (once per share object; D3D11VK_SHARING_HOST_IMPORT=0 turns it off). The property query
 * may report nothing where the import still works (Wine 8): the import's result decides. */
static struct vk_buffer_slice *host_import(struct d3d11_resource *r, struct d3d11_shared *shared)
{
    static struct plat_mutex import_lock = PLAT_MUTEX_INIT;
    static volatile LONG logged;
    const char *setting = d3d11vk_config_get("SHARING_HOST_IMPORT");
    struct vk_device *vk = r->device->vk;
    struct vk_buffer_slice *slice = NULL;
    VkDeviceSize align, size;
    VkResult vr = VK_ERROR_FEATURE_NOT_PRESENT;

    plat_mutex_lock(&import_lock);
    if (!shared->host_import_tried)
    {
        shared->host_import_tried = true;
        align = vk_device_host_import_alignment(vk);
        if (setting && !strcmp(setting, "0"))
            vr = VK_ERROR_FEATURE_NOT_PRESENT;
        else if (!align || shared->read_only || !shared->backing.writable)
            vr = VK_ERROR_EXTENSION_NOT_PRESENT;
        else if ((size = align_u64(shared->header.payload.data_size, align))
                > shared->backing.size - shared->header.payload.data_offset)
            vr = VK_ERROR_INVALID_EXTERNAL_HANDLE;
        else
            vr = vk_buffer_import_host(vk, (uint8_t *)shared->backing.base + shared->header.payload.data_offset,
                    size, 0, &shared->host_import);
        if (vr == VK_SUCCESS)
            shared->host_import_device = vk;
        if (!__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
            LOG_INFO("Host tier: %s (%s).", vr == VK_SUCCESS ? "the section is imported as host memory, GPU copies"
                    : "CPU copies through staging", vk_result_str(vr));
    }
    if (shared->host_import && shared->host_import_device == vk)
        slice = shared->host_import;
    plat_mutex_unlock(&import_lock);
    return slice;
}

static HRESULT host_publish(struct d3d11_resource *r, struct d3d11_shared *shared, uint64_t *seen)
{
    struct vk_buffer_slice *import = host_import(r, shared);
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
    if (import)
        buffer = NULL;
    else if (vk_buffer_create(r->device->vk, &desc, &buffer) != VK_SUCCESS)
        return E_OUTOFMEMORY;
    for (sub = 0; sub < count; ++sub)
    {
        host_layout(r, shared, sub, &offset, &row, &slice, &size);
        if (import)
        {
            ref.owner = &import->obj;
            ref.buffer = import->buffer;
            ref.offset = offset;
        }
        else
            vk_buffer_ref(buffer, offset, &ref);
        if (r->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
        {
            vk_buffer_ref(r->backend->buffer, 0, &src);
            vk_cs_cmd_copy_buffer(cs, &ref, &src, size);
            continue;
        }
        d3d11_resource_mip_extent(r, sub % r->mip_levels, &w, &h, &d);
        /* ref.offset already points at the subresource (the command adds it to bufferOffset). */
        d3d11_resource_buffer_region(r, sub, 0, row, slice, 0, 0, 0, w, h, d, &region);
        vk_cs_cmd_copy_image_to_buffer(cs, &ref, r->backend->image, &region);
    }
    timeline = vk_cs_sync(cs);
    vk_device_wait_timeline(r->device->vk, timeline, UINT64_MAX);
    if (import)
        map = import->map;   /* the GPU wrote the section itself */
    else if ((map = vk_buffer_map(buffer)))
        memcpy((uint8_t *)shared->backing.base + shared->header.payload.data_offset, map, (size_t)total);
    if (buffer)
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

    struct vk_buffer_slice *import;

    if (generation == __atomic_load_n(seen, __ATOMIC_ACQUIRE))
        return S_OK;
    if (r->sample_count > 1)
        return E_NOTIMPL;
    import = host_import(r, shared);
    for (sub = 0; sub < count; ++sub)
    {
        if (!host_layout(r, shared, sub, &offset, &row, &slice, &size))
            return E_OUTOFMEMORY;
        if (import)
        {
            ref.owner = &import->obj;
            ref.buffer = import->buffer;
            ref.offset = offset;
        }
        else if (!vk_cs_staging_alloc(cs, size, 16, &ref, &ptr))
            return E_OUTOFMEMORY;
        else
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
    /* The imported section is read before the hand-off returns (the next publisher may
     * overwrite it, and the import must be idle whenever the share goes). */
    if (import)
        vk_device_wait_timeline(r->device->vk, vk_cs_sync(cs), UINT64_MAX);
    __atomic_store_n(seen, generation, __ATOMIC_RELEASE);
    return S_OK;
}

/* Whether hand-offs go through the section: every object of a host-tier share, since an
 * opener in another process may come at any time and acquire a key released before it
 * opened. (D3D11VK_SHARING_TIER=inprocess avoids the copies for single-process sharing.)
 * Not multisampled ones: the section carries no samples (buffer-image copies exclude them),
 * other processes cannot open those shares, and this process's objects share the image. */
static bool host_active(struct d3d11_shared *shared, bool remote)
{
    return shared->header.tier == SHARED_TIER_HOST && shared->header.payload.data_size
            && shared->header.desc.sample_count <= 1;
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

size_t d3d11_sharing_device_host_links(struct d3d11_device *device)
{
    struct d3d11_resource **list;
    size_t i, count = device_links(device, &list);

    for (i = 0; i < count; ++i)
        d3d11vk_child_decref_internal(&list[i]->child);
    free(list);
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
    if (hr != S_OK && hr != WAIT_ABANDONED)
        return hr;
    __atomic_or_fetch(&r->share_guard, D3D11_SHARE_GUARD_HELD, __ATOMIC_ACQ_REL);
    if (link_host_state(r, &remote, &seen) && host_active(shared, remote))
        host_fetch(r, shared, seen);
    else if (shared->semaphore && r->device->immediate && r->device->immediate->cs)
    {
        /* GPU-side: this device's later work waits for the last releaser's signal. */
        uint64_t value = __atomic_load_n(&shared_section_sync(&shared->backing)->gpu_value, __ATOMIC_ACQUIRE);
        if (value)
            vk_cs_cmd_wait_semaphore(r->device->immediate->cs, shared->semaphore, value);
    }
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
    else if (shared->semaphore && r->device->immediate && r->device->immediate->cs)
    {
        /* GPU-side: the work recorded so far signals the next value; the next acquirer's device
         * waits for it on the GPU. Submitted before the mutex is released (a value nobody will
         * submit would block the acquirer's queue for ever). */
        struct shared_sync *sync = shared_section_sync(&shared->backing);
        struct vk_cs *cs = r->device->immediate->cs;
        uint64_t value = __atomic_load_n(&sync->gpu_value, __ATOMIC_ACQUIRE) + 1;

        vk_cs_cmd_signal_semaphore(cs, shared->semaphore, value);
        vk_cs_sync(cs);
        __atomic_store_n(&sync->gpu_value, value, __ATOMIC_RELEASE);
    }
    else if (shared->header.tier == SHARED_TIER_INPROCESS && r->device->immediate && r->device->immediate->cs)
        /* Every holder records on this process's one backend device and queue: once submitted,
         * the work is ordered before whatever the next holder submits (each command buffer
         * starts with a barrier against earlier submissions). */
        vk_cs_sync(r->device->immediate->cs);
    else
        device_finish(r->device);
    __atomic_and_fetch(&r->share_guard, ~D3D11_SHARE_GUARD_HELD, __ATOMIC_ACQ_REL);
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
    HRESULT hr, hr2;

    bool remote = !object;

#ifdef D3D11VK_NATIVE
    if (remote && shared->header.tier != SHARED_TIER_HOST && shared->header.tier != SHARED_TIER_FD)
#else
    if (remote && shared->header.tier != SHARED_TIER_HOST && shared->header.tier != SHARED_TIER_WIN32)
#endif
    {
        /* In-process shares (D3D11VK_SHARING_TIER=inprocess) hold nothing another process can
         * reach; a win32 share natively (or an fd share on PE) cannot be taken either. */
        LOG_ERR("Share %#llx was exported by process %u with the %s tier, which other processes cannot open%s.",
                (unsigned long long)shared->header.unique_id, shared->header.exporter_pid,
                shared_tier_name(shared->header.tier),
                shared->header.tier == SHARED_TIER_INPROCESS ? " (D3D11VK_SHARING_TIER=inprocess in the exporter)" : "");
        return E_INVALIDARG;
    }
    if (remote && shared->header.tier == SHARED_TIER_HOST && d->sample_count > 1)
    {
        /* The host tier moves data with buffer-image copies, which multisampled images do not
         * have: the opener would see zeros and its writes would be lost. */
        LOG_ERR("Share %#llx is a %ux multisampled resource on the host tier, which carries no samples "
                "across processes: not opened (E_NOTIMPL).", (unsigned long long)shared->header.unique_id,
                d->sample_count);
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
    /* The share's timeline semaphore on this device (GPU-side hand-offs). */
    if (FAILED(hr2 = d3d11_shared_semaphore_open(shared, device->vk)))
    {
        ID3D11Resource_Release(resource);
        return hr2;
    }
    r = d3d11_resource_from_iface(resource);
    if (!r || !r->backend || (d->dimension == D3D11_RESOURCE_DIMENSION_BUFFER ? !r->backend->buffer : !r->backend->image))
    {
        ID3D11Resource_Release(resource);
        return E_FAIL;
    }
    /* Same memory: the new object's own backend object goes, the exporter's takes its place.
     * From another process: fd tier, an image over the imported memory; host tier, the
     * object keeps its own and takes the published data. */
    if (remote && (shared->header.tier == SHARED_TIER_FD || shared->header.tier == SHARED_TIER_WIN32)
            && FAILED(hr = fd_import(r, shared)))
    {
        ID3D11Resource_Release(resource);
        return hr;
    }
    /* The new object's contents are the share's: the opener must not zero them on first use
     * (host tier: zeroed now, then the published data is fetched over it). */
    if (remote && shared->header.tier == SHARED_TIER_HOST && device->immediate && device->immediate->cs)
        d3d11_resource_init_contents(r, device->immediate->cs);
    __atomic_store_n(&r->backend->needs_zero, 0, __ATOMIC_RELEASE);
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
    guard_set(r, (shared->keyed ? D3D11_SHARE_GUARD_KEYED : 0) | (shared->read_only ? D3D11_SHARE_GUARD_READ_ONLY : 0));
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

size_t d3d11_sharing_device_host_links(struct d3d11_device *device)
{
    return 0;
}

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
