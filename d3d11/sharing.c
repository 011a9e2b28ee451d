/* sharing.c — shared resources on d3d11.dll's side: creation checks, the export state
 * (backing section, legacy and NT handles), opening handles/names/legacy values, the
 * in-process registry of exported backend objects, keyed-mutex entry points. */
#include "sharing.h"
#include "config.h"
#include "vk_resource.h"
#include "vk_external.h"
#include <errno.h>
#include <stdio.h>
#ifdef D3D11VK_NATIVE
# include <fcntl.h>
# include <unistd.h>
# include <sys/syscall.h>
#endif

static void handle_value_close(int value)
{
#ifdef D3D11VK_NATIVE
    if (value >= 0)
        close(value);
#else
    if (value > 0)
        CloseHandle((HANDLE)(uintptr_t)value);
#endif
}

#define SHARING_MISC (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX \
        | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)

HRESULT d3d11_sharing_check_desc(D3D11_RESOURCE_DIMENSION dimension, D3D11_USAGE usage, UINT bind,
        UINT cpu_access, UINT misc, DXGI_FORMAT format)
{
    if (!(misc & SHARING_MISC))
        return S_OK;
    if ((misc & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
            == (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
    {
        LOG_WARN("SHARED and SHARED_KEYEDMUTEX are exclusive.");
        return E_INVALIDARG;
    }
    if ((misc & D3D11_RESOURCE_MISC_SHARED_NTHANDLE)
            && !(misc & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX)))
    {
        LOG_WARN("SHARED_NTHANDLE needs SHARED or SHARED_KEYEDMUTEX.");
        return E_INVALIDARG;
    }
    /* Only GPU resources are shared: no staging/dynamic/immutable usage, no CPU access. */
    if (usage != D3D11_USAGE_DEFAULT || cpu_access)
    {
        LOG_WARN("Shared resources must be default usage without CPU access (usage %u, cpu %#x).", usage, cpu_access);
        return E_INVALIDARG;
    }
    if (dimension != D3D11_RESOURCE_DIMENSION_BUFFER && format == DXGI_FORMAT_UNKNOWN)
        return E_INVALIDARG;
    return S_OK;
}

enum shared_tier d3d11_sharing_tier(struct d3d11_device *device)
{
    static volatile LONG logged;
    const char *forced = d3d11vk_config_get("SHARING_TIER");
    enum shared_tier tier = SHARED_TIER_HOST;

    /* In-process openers always share the exporter's backend object; the tier in the header
     * says how other processes get the data. host: through the section (any driver). fd
     * (native, VK_KHR_external_memory_fd): the memory itself, chosen by default where the
     * device has the extension; each resource still falls back to host where its image
     * cannot be exported (sharing_resource.c). win32 is not wired up yet: host. */
#ifdef D3D11VK_NATIVE
    if (device && device->vk && device->vk->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_FD])
        tier = SHARED_TIER_FD;
#else
    if (device && device->vk && device->vk->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32])
        tier = SHARED_TIER_WIN32;
#endif
    if (forced && *forced)
    {
        tier = shared_tier_from_name(forced);
        if (tier == SHARED_TIER_NONE)
            LOG_WARN("Unknown D3D11VK_SHARING_TIER \"%s\".", forced);
#ifdef D3D11VK_NATIVE
        if (tier == SHARED_TIER_WIN32)
            tier = SHARED_TIER_HOST;
#else
        if (tier == SHARED_TIER_FD)
            tier = SHARED_TIER_HOST;
#endif
        if (tier == SHARED_TIER_NONE)
            tier = SHARED_TIER_HOST;
    }
    if (!__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
    {
        LOG_INFO("Sharing tier: %s%s.", shared_tier_name(tier), forced && *forced ? " (forced)" : "");
        d3d11_sharing_semaphores(device);   /* logs the synchronisation path */
    }
    return tier;
}

/* The in-process registry: unique id -> the exporter's backend object. */
struct registry_entry
{
    uint64_t unique_id;
    struct vk_object *object;           /* holds a reference */
    struct vk_semaphore *semaphore;     /* SHARED_FLAG_SEMAPHORE: the exporter's (a reference), or NULL */
};

static struct plat_mutex registry_lock = PLAT_MUTEX_INIT;
static struct registry_entry *registry;
static size_t registry_count, registry_capacity;

static bool registry_add(uint64_t id, struct vk_object *object, struct vk_semaphore *semaphore)
{
    struct registry_entry *p;
    size_t capacity;

    plat_mutex_lock(&registry_lock);
    if (registry_count == registry_capacity)
    {
        capacity = registry_capacity ? registry_capacity * 2 : 16;
        if (!(p = realloc(registry, capacity * sizeof(*p))))
        {
            plat_mutex_unlock(&registry_lock);
            return false;
        }
        registry = p;
        registry_capacity = capacity;
    }
    if (object)
        vk_object_addref(object);
    if (semaphore)
        vk_object_addref(&semaphore->obj);
    registry[registry_count].unique_id = id;
    registry[registry_count].semaphore = semaphore;
    registry[registry_count++].object = object;
    plat_mutex_unlock(&registry_lock);
    return true;
}

static void registry_remove(uint64_t id)
{
    struct vk_semaphore *semaphore = NULL;
    struct vk_object *object = NULL;
    size_t i;

    plat_mutex_lock(&registry_lock);
    for (i = 0; i < registry_count; ++i)
        if (registry[i].unique_id == id)
        {
            object = registry[i].object;
            semaphore = registry[i].semaphore;
            registry[i] = registry[--registry_count];
            break;
        }
    if (!registry_count)
    {
        free(registry);
        registry = NULL;
        registry_capacity = 0;
    }
    plat_mutex_unlock(&registry_lock);
    if (object)
        vk_object_release(object);
    if (semaphore)
        vk_semaphore_release(semaphore);
}

/* The exporter's semaphore of an in-process share, with a new reference (NULL: none). */
static struct vk_semaphore *registry_semaphore(uint64_t unique_id)
{
    struct vk_semaphore *semaphore = NULL;
    size_t i;

    plat_mutex_lock(&registry_lock);
    for (i = 0; i < registry_count; ++i)
        if (registry[i].unique_id == unique_id && (semaphore = registry[i].semaphore))
        {
            vk_object_addref(&semaphore->obj);
            break;
        }
    plat_mutex_unlock(&registry_lock);
    return semaphore;
}

bool d3d11_shared_register_semaphore(struct d3d11_shared *shared)
{
    return registry_add(shared->header.unique_id, NULL, shared->semaphore);
}

bool d3d11_sharing_semaphores(struct d3d11_device *device)
{
    static volatile LONG logged;
    bool yes = device && device->vk && vk_device_external_semaphores(device->vk);

    if (!__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
        LOG_INFO("Sharing synchronisation: %s.", yes
                ? "exported timeline semaphores (GPU-side waits for keyed-mutex hand-offs and shared fences)"
                : "CPU waits (the device exports no timeline semaphore of this build's handle type, "
                  "or D3D11VK_SHARING_SEMAPHORES=0)");
    return yes;
}

HRESULT d3d11_shared_semaphore_export(struct d3d11_device *device, uint64_t initial_value,
        struct vk_semaphore **semaphore, int *handle_value)
{
    struct vk_semaphore *s;
    int value;

    *semaphore = NULL;
    *handle_value = -1;
    if (vk_semaphore_create_exportable(device->vk, initial_value, &s) != VK_SUCCESS)
        return E_FAIL;
#ifdef D3D11VK_NATIVE
    value = vk_semaphore_export_fd(s);
#else
    {
        HANDLE h = vk_semaphore_export_win32(s);
        value = h && (uintptr_t)h <= 0x7fffffffu ? (int)(uintptr_t)h : -1;
        if (h && value < 0)
            CloseHandle(h);
    }
#endif
    if (value < 0)
    {
        vk_semaphore_release(s);
        LOG_WARN("Exporting a timeline semaphore failed: CPU waits for this share.");
        return E_FAIL;
    }
    *semaphore = s;
    *handle_value = value;
    return S_OK;
}

intptr_t d3d11_shared_take_handle(uint32_t pid, uint32_t value)
{
#ifdef D3D11VK_NATIVE
    char path[64];
    int pidfd, fd = -1;

# if defined(SYS_pidfd_open) && defined(SYS_pidfd_getfd)
    if ((pidfd = (int)syscall(SYS_pidfd_open, (pid_t)pid, 0)) >= 0)
    {
        fd = (int)syscall(SYS_pidfd_getfd, pidfd, (int)value, 0);
        close(pidfd);
    }
# else
    (void)pidfd;
# endif
    if (fd < 0)
    {
        snprintf(path, sizeof(path), "/proc/%u/fd/%u", pid, value);
        fd = open(path, O_RDWR | O_CLOEXEC);
    }
    return fd;
#else
    HANDLE process, h = NULL;

    if (!(process = OpenProcess(PROCESS_DUP_HANDLE, FALSE, pid)))
        return 0;
    if (!DuplicateHandle(process, (HANDLE)(uintptr_t)value, GetCurrentProcess(), &h, 0, FALSE, DUPLICATE_SAME_ACCESS))
        h = NULL;
    CloseHandle(process);
    return (intptr_t)h;
#endif
}

HRESULT d3d11_shared_semaphore_open(struct d3d11_shared *shared, struct vk_device *vk)
{
    const struct shared_header *h = &shared->header;
    intptr_t handle;
    VkResult vr;

    if (shared->semaphore)
        return shared->semaphore->obj.device == vk ? S_OK : E_INVALIDARG;
    if (!(h->flags & SHARED_FLAG_SEMAPHORE))
        return S_OK;
    /* In the exporting process: its own semaphore (one backend device per adapter). */
    if (h->exporter_pid == plat_process_id() && (shared->semaphore = registry_semaphore(h->unique_id)))
    {
        if (shared->semaphore->obj.device == vk)
            return S_OK;
        vk_semaphore_release(shared->semaphore);
        shared->semaphore = NULL;
    }
    if (!vk_device_external_semaphores(vk))
    {
        LOG_ERR("Share %#llx is synchronised through an exported timeline semaphore, which this device cannot "
                "import.", (unsigned long long)h->unique_id);
        return E_INVALIDARG;
    }
    handle = d3d11_shared_take_handle(h->exporter_pid, h->payload.semaphore_handle);
#ifdef D3D11VK_NATIVE
    if (handle < 0)
#else
    if (!handle)
#endif
    {
        LOG_ERR("Cannot take semaphore handle %u from process %u (%s).", h->payload.semaphore_handle,
                h->exporter_pid, strerror(errno));
        return E_INVALIDARG;
    }
#ifdef D3D11VK_NATIVE
    if ((vr = vk_semaphore_import_fd(vk, (int)handle, &shared->semaphore)) != VK_SUCCESS)
        close((int)handle);
#else
    vr = vk_semaphore_import_win32(vk, (void *)handle, &shared->semaphore);
    CloseHandle((HANDLE)handle);   /* a win32 import does not take the handle over */
#endif
    if (vr != VK_SUCCESS)
    {
        LOG_ERR("Importing the share's timeline semaphore failed: %s.", vk_result_str(vr));
        shared->semaphore = NULL;
        return E_INVALIDARG;
    }
    LOG_INFO("Imported the timeline semaphore of share %#llx from process %u.", (unsigned long long)h->unique_id,
            h->exporter_pid);
    return S_OK;
}

struct vk_object *d3d11_shared_lookup_backend(uint64_t unique_id)
{
    struct vk_object *object = NULL;
    size_t i;

    plat_mutex_lock(&registry_lock);
    for (i = 0; i < registry_count; ++i)
        if (registry[i].unique_id == unique_id)
        {
            if ((object = registry[i].object))
                vk_object_addref(object);
            break;
        }
    plat_mutex_unlock(&registry_lock);
    return object;
}

HRESULT d3d11_shared_wrap(struct shared_section *backing, bool read_only, bool exporter, struct d3d11_shared **out)
{
    struct d3d11_shared *shared;
    HRESULT hr;

    if (!(shared = calloc(1, sizeof(*shared))))
        return E_OUTOFMEMORY;
    shared->refcount = 1;
    shared->memory_fd = -1;
    shared->semaphore_fd = -1;
    shared->backing = *backing;
    memcpy(&shared->header, backing->base, sizeof(shared->header));
    shared->read_only = read_only;
    shared->exporter = exporter;
    shared->keyed = !!(shared->header.flags & SHARED_FLAG_KEYEDMUTEX);
    if (shared->keyed && FAILED(hr = d3d11vk_keyed_mutex_init(&shared->keyed_mutex,
            shared_section_sync(&shared->backing), shared->header.key)))
    {
        free(shared);
        return hr;
    }
    *out = shared;
    return S_OK;
}

HRESULT d3d11_shared_export_create(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, struct d3d11_shared **out)
{
    return d3d11_shared_export_create_external(device, desc, backend_object, SHARED_TIER_NONE, NULL, -1, out);
}

HRESULT d3d11_shared_export_create_external(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, enum shared_tier forced_tier, const struct shared_tier_payload *payload,
        int memory_fd, struct d3d11_shared **out)
{
    return d3d11_shared_export_create_synced(device, desc, backend_object, forced_tier, payload, memory_fd,
            NULL, -1, out);
}

HRESULT d3d11_shared_export_create_synced(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, enum shared_tier forced_tier, const struct shared_tier_payload *payload,
        int memory_fd, struct vk_semaphore *semaphore, int semaphore_fd, struct d3d11_shared **out)
{
    static volatile LONG serial;
    uint64_t data_offset, section_size, data_size = 0;
    struct shared_section backing;
    struct shared_header *h;
    enum shared_tier tier;
    HRESULT hr;

    *out = NULL;
    tier = payload ? forced_tier : d3d11_sharing_tier(device);
    if (!payload && (tier == SHARED_TIER_FD || tier == SHARED_TIER_WIN32))
        tier = SHARED_TIER_HOST;    /* nothing exported for this resource */
    if (tier == SHARED_TIER_HOST)
    {
        /* The data area holds the pixels: tight rows, every subresource; the backend imports
         * it when it supports host-memory import. */
        if (desc->dimension == D3D11_RESOURCE_DIMENSION_BUFFER)
            data_size = desc->width;
        else    /* 16 bytes per texel at most, a mip chain is less than twice its top level */
            data_size = (uint64_t)desc->width * d3d11vk_max(desc->height, 1) * d3d11vk_max(desc->depth, 1)
                    * d3d11vk_max(desc->array_size, 1) * d3d11vk_max(desc->sample_count, 1) * 16 * 2;
    }
    hr = S_OK;
    if (!semaphore || tier != forced_tier || !payload)
    {
        if (semaphore)
            vk_semaphore_release(semaphore);
        handle_value_close(semaphore_fd);
        semaphore = NULL;
        semaphore_fd = -1;
    }
    if (!shared_section_layout(data_size, &data_offset, &section_size) || section_size > SIZE_MAX
            || FAILED(hr = shared_section_create_backing((size_t)section_size, &backing)))
    {
        handle_value_close(memory_fd);
        handle_value_close(semaphore_fd);
        if (semaphore)
            vk_semaphore_release(semaphore);
        return FAILED(hr) ? hr : E_OUTOFMEMORY;
    }
    h = shared_section_header(&backing);
    memset(h, 0, sizeof(*h));
    h->section_size = section_size;
    h->kind = SHARED_KIND_RESOURCE;
    h->api = (desc->misc_flags & D3D11_RESOURCE_MISC_SHARED_NTHANDLE) ? SHARED_API_NT : SHARED_API_KMT;
    h->tier = tier;
    h->key = backing.key;
    h->unique_id = ((uint64_t)backing.key << 32) | (atomic_inc_u32(&serial) & 0xffffffffu);
    h->exporter_pid = plat_process_id();
    h->desc = *desc;
    if (desc->misc_flags & D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX)
        h->flags |= SHARED_FLAG_KEYEDMUTEX;
    h->payload.object_id = h->unique_id;
    h->payload.data_offset = data_offset;
    h->payload.data_size = data_size;
    if (payload)
    {
        h->payload.alloc_size = payload->alloc_size;
        h->payload.memory_type_bits = payload->memory_type_bits;
        h->payload.exporter_handle = payload->exporter_handle;
    }
    if (semaphore)
    {
        h->flags |= SHARED_FLAG_SEMAPHORE;
        h->payload.semaphore_handle = (uint32_t)semaphore_fd;
    }
    if (device->vk_adapter)
    {
        memcpy(h->payload.device_uuid, device->vk_adapter->id_properties.deviceUUID, 16);
        memcpy(h->payload.driver_uuid, device->vk_adapter->id_properties.driverUUID, 16);
    }
    shared_header_seal(h);
    if (FAILED(hr = shared_header_validate(h, backing.size, SHARED_KIND_RESOURCE, 0)))
    {
        LOG_ERR("Exported header does not validate (%#lx).", (unsigned long)hr);
        shared_section_close(&backing);
        handle_value_close(memory_fd);
        handle_value_close(semaphore_fd);
        if (semaphore)
            vk_semaphore_release(semaphore);
        return E_INVALIDARG;
    }
    if (FAILED(hr = d3d11_shared_wrap(&backing, false, true, out)))
    {
        shared_section_close(&backing);
        handle_value_close(memory_fd);
        handle_value_close(semaphore_fd);
        if (semaphore)
            vk_semaphore_release(semaphore);
        return hr;
    }
    (*out)->memory_fd = memory_fd;
    (*out)->semaphore = semaphore;
    (*out)->semaphore_fd = semaphore_fd;
    (*out)->backend_object = backend_object;
    if (backend_object && !registry_add(h->unique_id, backend_object, semaphore))
    {
        d3d11_shared_release(*out);
        *out = NULL;
        return E_OUTOFMEMORY;
    }
    LOG_TRACE("Exported resource %#llx (key %#x, tier %s%s).", (unsigned long long)h->unique_id, h->key,
            shared_tier_name(tier), semaphore ? ", exported semaphore" : "");
    return S_OK;
}

void d3d11_shared_addref(struct d3d11_shared *shared)
{
    atomic_inc_u32(&shared->refcount);
}

void d3d11_shared_release(struct d3d11_shared *shared)
{
    if (!shared || atomic_dec_u32(&shared->refcount))
        return;
    if (shared->exporter && (shared->backend_object || shared->semaphore))
        registry_remove(shared->header.unique_id);
    else if (shared->backend_object)
        vk_object_release(shared->backend_object);
    if (shared->keyed)
        d3d11vk_keyed_mutex_cleanup(&shared->keyed_mutex);
    if (shared->host_import)   /* idle (see sharing.h): destroyed before the mapping goes */
        vk_object_release(&shared->host_import->obj);
    if (shared->semaphore)
        vk_semaphore_release(shared->semaphore);
    handle_value_close(shared->semaphore_fd);
    shared_section_close(&shared->backing);
    shared_section_unlink_names(shared->native_names);
    handle_value_close(shared->memory_fd);   /* win32 tier: the exported NT handle's value */
    free(shared);
}

HRESULT d3d11_shared_get_legacy_handle(struct d3d11_shared *shared, UINT misc_flags, HANDLE *handle)
{
    if (!handle)
        return E_INVALIDARG;
    *handle = NULL;
    /* NT-handle resources are exported with CreateSharedHandle only. */
    if (!shared || !(misc_flags & (D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX))
            || (misc_flags & D3D11_RESOURCE_MISC_SHARED_NTHANDLE))
        return E_INVALIDARG;
    *handle = shared_key_to_handle(shared->header.key);
    return S_OK;
}

HRESULT d3d11_shared_create_handle(struct d3d11_shared *shared, UINT misc_flags, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *handle)
{
    if (!handle)
        return E_INVALIDARG;
    *handle = NULL;
    if (!shared || !(misc_flags & D3D11_RESOURCE_MISC_SHARED_NTHANDLE) || !shared_access_is_valid(access))
        return E_INVALIDARG;
    return shared_section_export(&shared->backing, sa, access, name, handle, &shared->native_names);
}

HRESULT d3d11_shared_open(enum d3d11_shared_source source, HANDLE handle, const WCHAR *name, DWORD access,
        uint32_t kind, struct d3d11_shared **out)
{
    struct shared_section first, backing;
    uint32_t api = source == D3D11_SHARED_FROM_LEGACY ? SHARED_API_KMT : SHARED_API_NT;
    struct shared_header h;
    bool read_only;
    HRESULT hr;

    *out = NULL;
    switch (source)
    {
        case D3D11_SHARED_FROM_NT:
            /* A legacy value on the NT path is not a handle. */
            if (shared_key_is_valid((uintptr_t)handle))
                return E_INVALIDARG;
            hr = shared_section_open_handle(handle, &first);
            break;
        case D3D11_SHARED_FROM_NAME:
            if (!shared_access_is_valid(access))
                return E_INVALIDARG;
            hr = shared_section_open_name(name, access, &first);
            break;
        default:
            /* An NT handle (or anything else) on the legacy path. */
            if (!shared_key_is_valid((uintptr_t)handle))
                return E_INVALIDARG;
            hr = shared_section_open_key(shared_handle_to_key(handle), true, &first);
            break;
    }
    if (FAILED(hr))
        return hr;
    if (FAILED(hr = shared_header_validate(first.base, first.size, kind, api)))
    {
        LOG_INFO("Not a d3d11vk shared %s handle, or a damaged one.", kind == SHARED_KIND_FENCE ? "fence" : "resource");
        shared_section_close(&first);
        return hr;
    }
    memcpy(&h, first.base, sizeof(h));
    read_only = !first.writable;
    if (source == D3D11_SHARED_FROM_NAME && !shared_access_allows_write(access))
        read_only = true;
    if ((h.flags & SHARED_FLAG_REDIRECT) || !first.writable)
    {
        /* Named handles point at the backing; read-only handles still need the sync block. */
        hr = shared_section_open_key(h.key, true, &backing);
        shared_section_close(&first);
        if (FAILED(hr))
            return hr;
        if (FAILED(hr = shared_header_validate(backing.base, backing.size, kind, api))
                || (shared_section_header(&backing)->flags & SHARED_FLAG_REDIRECT)
                || shared_section_header(&backing)->unique_id != h.unique_id)
        {
            shared_section_close(&backing);
            return E_INVALIDARG;
        }
    }
    else
    {
        backing = first;
        backing.key = h.key;
    }
    /* The exporter publishes host-tier data once another process opened the share. */
    if (shared_section_header(&backing)->exporter_pid != plat_process_id())
        __atomic_add_fetch(&shared_section_sync(&backing)->opens, 1, __ATOMIC_RELEASE);
    if (FAILED(hr = d3d11_shared_wrap(&backing, read_only, false, out)))
    {
        shared_section_close(&backing);
        return hr;
    }
    if ((*out)->header.exporter_pid == plat_process_id())
        (*out)->backend_object = d3d11_shared_lookup_backend((*out)->header.unique_id);
    return S_OK;
}

HRESULT d3d11_device_open_shared_resource(struct d3d11_device *device, enum d3d11_shared_source source,
        HANDLE handle, const WCHAR *name, DWORD access, REFIID riid, void **out)
{
    struct d3d11_shared *shared;
    enum shared_tier tier;
    HRESULT hr;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (!riid)
        return E_INVALIDARG;
    if (source == D3D11_SHARED_FROM_NAME && (!name || !*name))
        return E_INVALIDARG;
    if (FAILED(hr = d3d11_shared_open(source, handle, name, access, SHARED_KIND_RESOURCE, &shared)))
        return hr;
    tier = shared->backend_object ? SHARED_TIER_INPROCESS : shared->header.tier;
    LOG_INFO("Opening shared resource %#llx from process %u through tier %s%s.",
            (unsigned long long)shared->header.unique_id, shared->header.exporter_pid, shared_tier_name(tier),
            shared->read_only ? " (read-only)" : "");
    hr = d3d11_resource_open_shared(device, shared, riid, out);
    d3d11_shared_release(shared);
    return hr;
}

HRESULT d3d11_keyed_mutex_acquire(struct d3d11_shared *shared, UINT64 key, DWORD ms)
{
    if (!shared || !shared->keyed)
        return E_FAIL;
    return d3d11vk_keyed_mutex_acquire(&shared->keyed_mutex, key, ms);
}

HRESULT d3d11_keyed_mutex_release(struct d3d11_shared *shared, UINT64 key)
{
    if (!shared || !shared->keyed)
        return E_FAIL;
    return d3d11vk_keyed_mutex_release(&shared->keyed_mutex, key);
}
