/* sharing.h — d3d11.dll's side of shared resources and fences: creation checks, the export
 * state a shared resource carries, opening handles/names/legacy values, the in-process
 * registry, the shared fence, and the IDXGIKeyedMutex glue for the texture object.
 *
 * How the resource code uses it (d3d11/texture.c, d3d11/buffer.c):
 *   creation:  hr = d3d11_sharing_check_desc(dimension, usage, bind, cpu, misc, format);
 *              after the backend object exists:
 *              hr = d3d11_shared_export_create(device, &desc, backend_object, &r->shared);
 *   GetSharedHandle:     d3d11_shared_get_legacy_handle(r->shared, handle)
 *   CreateSharedHandle:  d3d11_shared_create_handle(r->shared, sa, access, name, handle)
 *   destroy:   d3d11_shared_export_release(r->shared)
 *   keyed mutex face:  D3D11_KEYED_MUTEX_VTBL (below) over r->shared->keyed_mutex.
 * Opening (device.c OpenSharedResource*) validates the handle here, then asks the texture
 * code for a NEW resource object over the SAME backend object through
 * d3d11_shared_open_hook (in-process tier; DESIGN decision 4). */
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
    void *backend_object;               /* in-process tier: the exporter's backend object */
};

/* Creates the backing section for a new shared resource. `backend_object` is what
 * openers in this process share (the texture's backend state), registered under the
 * header's unique id until the export is released. */
HRESULT d3d11_shared_export_create(struct d3d11_device *device, const struct shared_resource_desc *desc,
        void *backend_object, struct d3d11_shared **out);
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
/* The in-process registry: the exporter's backend object for a unique id (NULL when the
 * exporter is in another process or gone). */
void *d3d11_shared_lookup_backend(uint64_t unique_id);

/* Set by the texture/buffer code: builds a new resource object for `device` over an opened
 * share and QueryInterfaces it for riid. NULL until resources support opening. */
typedef HRESULT (*d3d11_shared_open_fn)(struct d3d11_device *device, struct d3d11_shared *shared,
        REFIID riid, void **out);
extern d3d11_shared_open_fn d3d11_shared_open_hook;

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

/* IDXGIKeyedMutex for an object that embeds `IDXGIKeyedMutex <iface_field>` and reaches
 * its struct d3d11_shared through `<shared_expr>` (an expression over `obj`). The other
 * methods forward to the object's IDXGIResource1 face `<resource_iface_expr>`. Usage in
 * texture.c:
 *     D3D11_KEYED_MUTEX_VTBL(texture_km, struct d3d11_texture, IDXGIKeyedMutex_iface,
 *             obj->r.shared, &obj->r.IDXGIResource1_iface)
 * defines `static const IDXGIKeyedMutexVtbl texture_km_vtbl`. AcquireSync/ReleaseSync on a
 * resource without SHARED_KEYEDMUTEX answer E_FAIL (the face should not be exposed then). */
HRESULT d3d11_keyed_mutex_acquire(struct d3d11_shared *shared, UINT64 key, DWORD ms);
HRESULT d3d11_keyed_mutex_release(struct d3d11_shared *shared, UINT64 key);

#define D3D11_KEYED_MUTEX_VTBL(prefix, type, iface_field, shared_expr, resource_iface_expr) \
static inline type *prefix##_impl(IDXGIKeyedMutex *iface) { return CONTAINING_RECORD(iface, type, iface_field); } \
static HRESULT STDMETHODCALLTYPE prefix##_QueryInterface(IDXGIKeyedMutex *iface, REFIID riid, void **out) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_QueryInterface(resource_iface_expr, riid, out); } \
static ULONG STDMETHODCALLTYPE prefix##_AddRef(IDXGIKeyedMutex *iface) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_AddRef(resource_iface_expr); } \
static ULONG STDMETHODCALLTYPE prefix##_Release(IDXGIKeyedMutex *iface) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_Release(resource_iface_expr); } \
static HRESULT STDMETHODCALLTYPE prefix##_SetPrivateData(IDXGIKeyedMutex *iface, REFGUID g, UINT n, const void *d) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_SetPrivateData(resource_iface_expr, g, n, d); } \
static HRESULT STDMETHODCALLTYPE prefix##_SetPrivateDataInterface(IDXGIKeyedMutex *iface, REFGUID g, const IUnknown *u) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_SetPrivateDataInterface(resource_iface_expr, g, u); } \
static HRESULT STDMETHODCALLTYPE prefix##_GetPrivateData(IDXGIKeyedMutex *iface, REFGUID g, UINT *n, void *d) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_GetPrivateData(resource_iface_expr, g, n, d); } \
static HRESULT STDMETHODCALLTYPE prefix##_GetParent(IDXGIKeyedMutex *iface, REFIID riid, void **out) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_GetParent(resource_iface_expr, riid, out); } \
static HRESULT STDMETHODCALLTYPE prefix##_GetDevice(IDXGIKeyedMutex *iface, REFIID riid, void **out) \
{ type *obj = prefix##_impl(iface); return IDXGIResource1_GetDevice(resource_iface_expr, riid, out); } \
static HRESULT STDMETHODCALLTYPE prefix##_AcquireSync(IDXGIKeyedMutex *iface, UINT64 key, DWORD ms) \
{ type *obj = prefix##_impl(iface); return d3d11_keyed_mutex_acquire(shared_expr, key, ms); } \
static HRESULT STDMETHODCALLTYPE prefix##_ReleaseSync(IDXGIKeyedMutex *iface, UINT64 key) \
{ type *obj = prefix##_impl(iface); return d3d11_keyed_mutex_release(shared_expr, key); } \
static const IDXGIKeyedMutexVtbl prefix##_vtbl = \
{ \
    .QueryInterface = prefix##_QueryInterface, .AddRef = prefix##_AddRef, .Release = prefix##_Release, \
    .SetPrivateData = prefix##_SetPrivateData, .SetPrivateDataInterface = prefix##_SetPrivateDataInterface, \
    .GetPrivateData = prefix##_GetPrivateData, .GetParent = prefix##_GetParent, .GetDevice = prefix##_GetDevice, \
    .AcquireSync = prefix##_AcquireSync, .ReleaseSync = prefix##_ReleaseSync, \
};

#endif
