/* sharing.h — d3d11.dll's side of shared resources and fences: creation checks, the export
 * state a shared resource carries, opening handles/names/legacy values, the in-process
 * registry, the shared fence, and the IDXGIKeyedMutex glue for the texture object.
 *
 * How the resource code uses it (d3d11/texture.c, d3d11/buffer.c; sharing_resource.c):
 *   validation:  d3d11_sharing_check_desc(dimension, usage, bind, cpu, misc, format)
 *   creation, once the backend objects exist:  d3d11_resource_share_init(r)
 *   destruction:                               d3d11_resource_share_destroy(r)
 *   IDXGIResource::GetSharedHandle:     d3d11_resource_get_shared_handle(r, handle)
 *   IDXGIResource1::CreateSharedHandle: d3d11_resource_create_shared_handle(r, sa, access, name, handle)
 *   QueryInterface(IID_IDXGIKeyedMutex):  d3d11_resource_keyed_mutex_qi(r, out) (the face lives
 *                                          here; E_NOINTERFACE without SHARED_KEYEDMUTEX)
 * Opening (device.c OpenSharedResource/1/ByName) validates the handle here and builds a NEW
 * resource object over the SAME backend image/buffer (in-process tier; DESIGN decision 4). */
#ifndef D3D11VK_SHARING_H
#define D3D11VK_SHARING_H

#include "d3d11_private.h"
#include "shared_handle.h"

/* D3D11's rules for SHARED / SHARED_NTHANDLE / SHARED_KEYEDMUTEX at creation:
 * E_INVALIDARG for NTHANDLE without SHARED or KEYEDMUTEX, SHARED with KEYEDMUTEX, sharing a
 * non-default usage, CPU access, or a resource kind that cannot be shared; S_OK otherwise
 * (also when nothing is shared). */
HRESULT d3d11_sharing_check_desc(D3D11_RESOURCE_DIMENSION dimension, D3D11_USAGE usage, UINT bind,
        UINT cpu_access, UINT misc, DXGI_FORMAT format);

/* The tier this process exports with: D3D11VK_SHARING_TIER forces one (inprocess, host, fd,
 * win32), else the best the device offers. Logged once at INFO. */
enum shared_tier d3d11_sharing_tier(struct d3d11_device *device);

/* What a shared resource carries. Refcounted: the exporter and every opened object over
 * the same backing section hold one. */
struct d3d11_shared
{
    volatile LONG refcount;
    struct shared_section backing;
    struct shared_header header;        /* validated copy */
    char *native_names;                 /* names to unlink (native) when the exporter goes */
    bool exporter;
    bool read_only;                     /* opened through a handle without write access */
    bool keyed;                         /* SHARED_KEYEDMUTEX */
    struct d3d11vk_keyed_mutex keyed_mutex;
    int memory_fd;                      /* fd tier, exporter: the exported memory fd (-1: none);
                                         * win32 tier (PE): the exported NT handle value */
    /* host tier: the section's data area imported as a Vulkan buffer (VK_EXT_external_memory_host)
     * on host_import_device, so hand-offs copy between it and the image on the GPU; NULL:
     * not (yet) tried or not possible (CPU copies through staging). Every GPU use is waited
     * for before the hand-off returns, so releasing it never races the GPU. */
    struct vk_buffer_slice *host_import;
    struct vk_device *host_import_device;
    bool host_import_tried;
    struct vk_object *backend_object;   /* in-process tier: the exporter's image/buffer (openers
                                         * hold a reference; the exporter's is the registry's) */
    /* SHARED_FLAG_SEMAPHORE (fd/win32 tiers where the device exports timeline semaphores):
     * this process's semaphore over the share's payload (exporter: created and registered with
     * the backend object; in-process openers: the exporter's; other processes: imported), and
     * the exporter's exported fd (native) / NT handle value (PE), kept open as long as the share
     * so openers can take it (-1 / 0: none). */
    struct vk_semaphore *semaphore;
    int semaphore_fd;
};

/* Whether shares made on `device` synchronise through exported timeline semaphores (the
 * device's answer to vkGetPhysicalDeviceExternalSemaphoreProperties; logged once: "Sharing
 * synchronisation: ..."); else hand-offs wait on the CPU. */
bool d3d11_sharing_semaphores(struct d3d11_device *device);
/* A new exportable timeline semaphore and its exported fd / NT handle value (owned by the caller). */
HRESULT d3d11_shared_semaphore_export(struct d3d11_device *device, uint64_t initial_value,
        struct vk_semaphore **semaphore, int *handle_value);
/* Fills shared->semaphore for use on `vk` (SHARED_FLAG_SEMAPHORE shares): the exporter's own
 * in its process, else the exporter's handle taken from its process and imported. E_INVALIDARG
 * (logged) when that is impossible. */
HRESULT d3d11_shared_semaphore_open(struct d3d11_shared *shared, struct vk_device *vk);
/* The exporter's fd / NT handle number `value` duplicated into this process (pidfd_getfd, or
 * /proc/<pid>/fd; DuplicateHandle on PE); -1 (native) / 0 (PE) on failure. */
intptr_t d3d11_shared_take_handle(uint32_t pid, uint32_t value);
/* Exporter of a fence: makes shared->semaphore findable by this process's openers. */
bool d3d11_shared_register_semaphore(struct d3d11_shared *shared);

/* Creates the backing section for a new shared resource. `backend_object` is what
 * openers in this process share (the texture's backend state), registered under the
 * header's unique id until the export is released. */
HRESULT d3d11_shared_export_create(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, struct d3d11_shared **out);
/* The same for a resource whose memory was exported (fd/win32 tiers): `payload` gives
 * alloc_size, memory_type_bits and exporter_handle; memory_fd (fd tier) is owned by the share
 * from then on, also on failure. */
HRESULT d3d11_shared_export_create_external(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, enum shared_tier tier, const struct shared_tier_payload *payload,
        int memory_fd, struct d3d11_shared **out);
/* The same with an exported semaphore (payload->semaphore_handle; semaphore and semaphore_fd
 * owned by the share from then on, also on failure). */
HRESULT d3d11_shared_export_create_synced(struct d3d11_device *device, const struct shared_resource_desc *desc,
        struct vk_object *backend_object, enum shared_tier tier, const struct shared_tier_payload *payload,
        int memory_fd, struct vk_semaphore *semaphore, int semaphore_fd, struct d3d11_shared **out);
/* Wraps a mapped backing whose header is sealed (takes the mapping over). */
HRESULT d3d11_shared_wrap(struct shared_section *backing, bool read_only, bool exporter, struct d3d11_shared **out);
void d3d11_shared_addref(struct d3d11_shared *shared);
void d3d11_shared_release(struct d3d11_shared *shared);
/* IDXGIResource::GetSharedHandle (legacy value) and IDXGIResource1::CreateSharedHandle. */
HRESULT d3d11_shared_get_legacy_handle(struct d3d11_shared *shared, UINT misc_flags, HANDLE *handle);
HRESULT d3d11_shared_create_handle(struct d3d11_shared *shared, UINT misc_flags, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *handle);

/* Opening: NT handle, name, legacy value. On success *out holds a new reference on an
 * object describing the backing (header validated, kind checked). */
enum d3d11_shared_source
{
    D3D11_SHARED_FROM_NT,
    D3D11_SHARED_FROM_NAME,
    D3D11_SHARED_FROM_LEGACY,
};
HRESULT d3d11_shared_open(enum d3d11_shared_source source, HANDLE handle, const WCHAR *name, DWORD access,
        uint32_t kind, struct d3d11_shared **out);
/* The in-process registry: the exporter's backend object for a unique id, with a new
 * reference (NULL when the exporter is in another process or gone). */
struct vk_object *d3d11_shared_lookup_backend(uint64_t unique_id);

/* Resource side (sharing_resource.c): see the top of this file. */
struct d3d11_resource;
HRESULT d3d11_resource_share_init(struct d3d11_resource *r);
void d3d11_resource_share_destroy(struct d3d11_resource *r);
struct d3d11_shared *d3d11_resource_shared(struct d3d11_resource *r);
HRESULT d3d11_resource_get_shared_handle(struct d3d11_resource *r, HANDLE *handle);
HRESULT d3d11_resource_create_shared_handle(struct d3d11_resource *r, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *handle);
/* The IDXGIKeyedMutex face of a SHARED_KEYEDMUTEX resource, AddRef'd; E_NOINTERFACE for
 * others. ReleaseSync first waits until the work the device recorded has completed. */
HRESULT d3d11_resource_keyed_mutex_qi(struct d3d11_resource *r, void **out);
/* Fence Signal / Wait on `device`: publish / fetch its host-tier shares (cross-process data). */
void d3d11_sharing_device_signal(struct d3d11_device *device);
/* How many host-tier shares `device` publishes/fetches at fences (0: none, GPU-side fences). */
size_t d3d11_sharing_device_host_links(struct d3d11_device *device);
void d3d11_sharing_device_wait(struct d3d11_device *device);
/* A NEW resource object for `device` over an opened share (QueryInterface'd for riid). */
HRESULT d3d11_resource_open_shared(struct d3d11_device *device, struct d3d11_shared *shared, REFIID riid, void **out);

/* ID3D11Device methods (device.c calls these). */
HRESULT d3d11_device_open_shared_resource(struct d3d11_device *device, enum d3d11_shared_source source,
        HANDLE handle, const WCHAR *name, DWORD access, REFIID riid, void **out);

/* Fences (fence.c). */
HRESULT d3d11_fence_create(struct d3d11_device *device, UINT64 initial_value, UINT flags, REFIID riid, void **out);
HRESULT d3d11_fence_open(struct d3d11_device *device, HANDLE handle, REFIID riid, void **out);
/* ID3D11DeviceContext4::Signal / Wait. Until the backend exposes per-submission timeline
 * values, Signal flushes the context and sets the value once the device's submitted work
 * completed; Wait blocks the calling thread until the value is reached (it must then be
 * signalled by another context, device or process). E_INVALIDARG for a foreign object. */
HRESULT d3d11_fence_signal_from_context(ID3D11DeviceContext4 *context, ID3D11Fence *fence, UINT64 value);
HRESULT d3d11_fence_wait_from_context(ID3D11DeviceContext4 *context, ID3D11Fence *fence, UINT64 value);

/* Keyed mutex over a share (fails with E_FAIL when the share has none). */
HRESULT d3d11_keyed_mutex_acquire(struct d3d11_shared *shared, UINT64 key, DWORD ms);
HRESULT d3d11_keyed_mutex_release(struct d3d11_shared *shared, UINT64 key);

#endif
