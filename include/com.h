/* com.h — the COM object base: QueryInterface tables, refcounts with D3D11's device-child
 * rule, private data. */
#ifndef D3D11VK_COM_H
#define D3D11VK_COM_H

#include "d3d11vk_common.h"

/* A QueryInterface table: interface id -> offset of that interface's vtable pointer. */
struct d3d11vk_qi_entry
{
    const GUID *iid;
    size_t offset;
};

/* Looks riid up (IUnknown matches the first entry), AddRefs through the found face. */
HRESULT d3d11vk_query_interface(void *object, const struct d3d11vk_qi_entry *table, size_t count,
        REFIID riid, void **out);

/* SetPrivateData / SetPrivateDataInterface / GetPrivateData storage, thread-safe. */
struct d3d11vk_private_store
{
    struct plat_mutex lock;
    struct d3d11vk_private_entry *entries;
    unsigned int count, capacity;
};

void d3d11vk_private_store_init(struct d3d11vk_private_store *store);
void d3d11vk_private_store_cleanup(struct d3d11vk_private_store *store);
HRESULT d3d11vk_private_store_set(struct d3d11vk_private_store *store, REFGUID guid, UINT size, const void *data);
HRESULT d3d11vk_private_store_set_interface(struct d3d11vk_private_store *store, REFGUID guid, const IUnknown *iface);
HRESULT d3d11vk_private_store_get(struct d3d11vk_private_store *store, REFGUID guid, UINT *size, void *data);

/* D3D11 device child lifetime. `refcount` counts the application's references; while it is
 * non-zero the child holds one reference on its device. `internal` counts references held by
 * the implementation (bound state, command lists, the public population as one); the object
 * is destroyed when it reaches zero. */
struct d3d11vk_child
{
    volatile LONG refcount;
    volatile LONG internal;
    IUnknown *device;                 /* the ID3D11Device, as IUnknown */
    struct d3d11vk_private_store private_data;
    void (*destroy)(struct d3d11vk_child *child);
};

void d3d11vk_child_init(struct d3d11vk_child *child, IUnknown *device, void (*destroy)(struct d3d11vk_child *));
ULONG d3d11vk_child_addref(struct d3d11vk_child *child);
ULONG d3d11vk_child_release(struct d3d11vk_child *child);
void d3d11vk_child_incref_internal(struct d3d11vk_child *child);
void d3d11vk_child_decref_internal(struct d3d11vk_child *child);

/* The ID3D11DeviceChild methods every device child shares: AddRef/Release with the device-child
 * rule, GetDevice and private data, for an object `type` (a struct with a `child` member)
 * whose `field` is its `iface_type` face. The _METHODS variant adds QueryInterface from the
 * QI table `qi`. */
#define D3D11VK_DEVICE_CHILD_BASE_METHODS(prefix, iface_type, type, field) \
    D3D11VK_DEVICE_CHILD_BASE_METHODS_AT(prefix, iface_type, type, field, child)
/* The same for objects whose struct d3d11vk_child is the member (path) `child`, e.g. r.child. */
#define D3D11VK_DEVICE_CHILD_BASE_METHODS_AT(prefix, iface_type, type, field, child) \
static ULONG STDMETHODCALLTYPE prefix##_AddRef(iface_type *iface) \
{ \
    return d3d11vk_child_addref(&CONTAINING_RECORD(iface, type, field)->child); \
} \
static ULONG STDMETHODCALLTYPE prefix##_Release(iface_type *iface) \
{ \
    return d3d11vk_child_release(&CONTAINING_RECORD(iface, type, field)->child); \
} \
static void STDMETHODCALLTYPE prefix##_GetDevice(iface_type *iface, ID3D11Device **device) \
{ \
    if (!device) \
        return; \
    *device = (ID3D11Device *)CONTAINING_RECORD(iface, type, field)->child.device; \
    ID3D11Device_AddRef(*device); \
} \
static HRESULT STDMETHODCALLTYPE prefix##_GetPrivateData(iface_type *iface, REFGUID guid, UINT *size, void *data) \
{ \
    return d3d11vk_private_store_get(&CONTAINING_RECORD(iface, type, field)->child.private_data, guid, size, data); \
} \
static HRESULT STDMETHODCALLTYPE prefix##_SetPrivateData(iface_type *iface, REFGUID guid, UINT size, const void *data) \
{ \
    return d3d11vk_private_store_set(&CONTAINING_RECORD(iface, type, field)->child.private_data, guid, size, data); \
} \
static HRESULT STDMETHODCALLTYPE prefix##_SetPrivateDataInterface(iface_type *iface, REFGUID guid, const IUnknown *object) \
{ \
    return d3d11vk_private_store_set_interface(&CONTAINING_RECORD(iface, type, field)->child.private_data, guid, object); \
}

#define D3D11VK_DEVICE_CHILD_METHODS(prefix, iface_type, type, field, qi) \
static HRESULT STDMETHODCALLTYPE prefix##_QueryInterface(iface_type *iface, REFIID riid, void **out) \
{ \
    return d3d11vk_query_interface(CONTAINING_RECORD(iface, type, field), qi, ARRAY_SIZE(qi), riid, out); \
} \
D3D11VK_DEVICE_CHILD_BASE_METHODS(prefix, iface_type, type, field)

/* Plain refcounted object (factories, adapters, outputs): destroyed at zero. */
struct d3d11vk_object
{
    volatile LONG refcount;
    struct d3d11vk_private_store private_data;
};

#endif
