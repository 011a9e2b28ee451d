/* com.c — QueryInterface tables, device-child refcounts, private data. */
#include "com.h"

HRESULT d3d11vk_query_interface(void *object, const struct d3d11vk_qi_entry *table, size_t count,
        REFIID riid, void **out)
{
    size_t i;

    if (!out)
        return E_POINTER;
    for (i = 0; i < count; ++i)
    {
        if (IsEqualGUID(riid, table[i].iid) || (!i && IsEqualGUID(riid, &IID_IUnknown)))
        {
            IUnknown *iface = (IUnknown *)((char *)object + table[i].offset);
            IUnknown_AddRef(iface);
            *out = iface;
            return S_OK;
        }
    }
    LOG_DEBUG("%s not supported.", debugstr_guid(riid));
    *out = NULL;
    return E_NOINTERFACE;
}

/* Private data ---------------------------------------------------------------------- */

struct d3d11vk_private_entry
{
    GUID guid;
    UINT size;
    IUnknown *iface;      /* set for SetPrivateDataInterface entries; data holds the pointer */
    void *data;
};

void d3d11vk_private_store_init(struct d3d11vk_private_store *store)
{
    plat_mutex_init(&store->lock);
    store->entries = NULL;
    store->count = store->capacity = 0;
}

static void entry_free(struct d3d11vk_private_entry *e)
{
    if (e->iface)
        IUnknown_Release(e->iface);
    free(e->data);
}

void d3d11vk_private_store_cleanup(struct d3d11vk_private_store *store)
{
    unsigned int i;

    for (i = 0; i < store->count; ++i)
        entry_free(&store->entries[i]);
    free(store->entries);
    store->entries = NULL;
    store->count = store->capacity = 0;
    plat_mutex_destroy(&store->lock);
}

static struct d3d11vk_private_entry *find_entry(struct d3d11vk_private_store *store, REFGUID guid)
{
    unsigned int i;

    for (i = 0; i < store->count; ++i)
        if (IsEqualGUID(&store->entries[i].guid, guid))
            return &store->entries[i];
    return NULL;
}

static bool remove_entry(struct d3d11vk_private_store *store, REFGUID guid)
{
    struct d3d11vk_private_entry *e = find_entry(store, guid);

    if (!e)
        return false;
    entry_free(e);
    *e = store->entries[--store->count];
    return true;
}

/* Replaces any entry for guid; takes ownership of data (and of the reference on iface). */
static HRESULT store_entry(struct d3d11vk_private_store *store, REFGUID guid, UINT size, void *data, IUnknown *iface)
{
    struct d3d11vk_private_entry *e;

    remove_entry(store, guid);
    if (store->count == store->capacity)
    {
        unsigned int cap = store->capacity ? store->capacity * 2 : 4;
        struct d3d11vk_private_entry *n = realloc(store->entries, cap * sizeof(*n));
        if (!n)
            return E_OUTOFMEMORY;
        store->entries = n;
        store->capacity = cap;
    }
    e = &store->entries[store->count++];
    e->guid = *guid;
    e->size = size;
    e->data = data;
    e->iface = iface;
    return S_OK;
}

/* D3D11: SetPrivateData with NULL data deletes the entry (S_FALSE when there was none);
 * otherwise the bytes are copied and replace any earlier entry. */
HRESULT d3d11vk_private_store_set(struct d3d11vk_private_store *store, REFGUID guid, UINT size, const void *data)
{
    HRESULT hr;
    void *copy;

    if (!guid)
        return E_INVALIDARG;
    plat_mutex_lock(&store->lock);
    if (!data)
    {
        hr = remove_entry(store, guid) ? S_OK : S_FALSE;
        plat_mutex_unlock(&store->lock);
        return hr;
    }
    if (!(copy = malloc(size ? size : 1)))
    {
        plat_mutex_unlock(&store->lock);
        return E_OUTOFMEMORY;
    }
    memcpy(copy, data, size);
    if (FAILED(hr = store_entry(store, guid, size, copy, NULL)))
        free(copy);
    plat_mutex_unlock(&store->lock);
    return hr;
}

HRESULT d3d11vk_private_store_set_interface(struct d3d11vk_private_store *store, REFGUID guid, const IUnknown *iface)
{
    IUnknown **copy;
    HRESULT hr;

    if (!guid)
        return E_INVALIDARG;
    plat_mutex_lock(&store->lock);
    if (!iface)
    {
        remove_entry(store, guid);
        plat_mutex_unlock(&store->lock);
        return S_OK;
    }
    if (!(copy = malloc(sizeof(*copy))))
    {
        plat_mutex_unlock(&store->lock);
        return E_OUTOFMEMORY;
    }
    *copy = (IUnknown *)iface;
    IUnknown_AddRef((IUnknown *)iface);
    if (FAILED(hr = store_entry(store, guid, sizeof(iface), copy, (IUnknown *)iface)))
    {
        IUnknown_Release((IUnknown *)iface);
        free(copy);
    }
    plat_mutex_unlock(&store->lock);
    return hr;
}

/* D3D11: unknown guid -> DXGI_ERROR_NOT_FOUND with *size = 0; NULL data returns the size;
 * a short buffer -> DXGI_ERROR_MORE_DATA with *size set to what is needed. Interface
 * entries hand out an AddRef'd pointer. */
HRESULT d3d11vk_private_store_get(struct d3d11vk_private_store *store, REFGUID guid, UINT *size, void *data)
{
    struct d3d11vk_private_entry *e;
    HRESULT hr = S_OK;

    if (!guid || !size)
        return E_INVALIDARG;
    plat_mutex_lock(&store->lock);
    if (!(e = find_entry(store, guid)))
    {
        *size = 0;
        hr = DXGI_ERROR_NOT_FOUND;
    }
    else if (!data)
        *size = e->size;
    else if (*size < e->size)
    {
        *size = e->size;
        hr = DXGI_ERROR_MORE_DATA;
    }
    else
    {
        *size = e->size;
        memcpy(data, e->data, e->size);
        if (e->iface)
            IUnknown_AddRef(e->iface);
    }
    plat_mutex_unlock(&store->lock);
    return hr;
}

/* Device children ------------------------------------------------------------------- */

void d3d11vk_child_init(struct d3d11vk_child *child, IUnknown *device, void (*destroy)(struct d3d11vk_child *))
{
    child->refcount = 1;
    child->internal = 1;
    child->device = device;
    child->destroy = destroy;
    d3d11vk_private_store_init(&child->private_data);
    IUnknown_AddRef(device);
}

ULONG d3d11vk_child_addref(struct d3d11vk_child *child)
{
    ULONG refcount = atomic_inc_u32(&child->refcount);

    if (refcount == 1)
    {
        /* Back from zero (through a pointer the implementation kept): take the device again. */
        d3d11vk_child_incref_internal(child);
        IUnknown_AddRef(child->device);
    }
    return refcount;
}

ULONG d3d11vk_child_release(struct d3d11vk_child *child)
{
    ULONG refcount = atomic_dec_u32(&child->refcount);

    if (!refcount)
    {
        IUnknown *device = child->device;
        d3d11vk_child_decref_internal(child);
        IUnknown_Release(device);
    }
    return refcount;
}

void d3d11vk_child_incref_internal(struct d3d11vk_child *child)
{
    atomic_inc_u32(&child->internal);
}

void d3d11vk_child_decref_internal(struct d3d11vk_child *child)
{
    if (!atomic_dec_u32(&child->internal))
    {
        d3d11vk_private_store_cleanup(&child->private_data);
        child->destroy(child);
    }
}
