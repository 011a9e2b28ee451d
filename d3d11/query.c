/* query.c — ID3D11Query1 / ID3D11Predicate / ID3D11Counter: event, timestamp and
 * timestamp-disjoint queries on the device timeline; GetData's size and flag rules. */
#include "resource.h"
#include "vk_cs.h"

enum query_state
{
    QUERY_BUILDING,    /* created or begun, not ended */
    QUERY_ISSUED,      /* ended: the result arrives with batch `batch` of stream `cs` */
};

struct d3d11_query
{
    ID3D11Query1 ID3D11Query1_iface;     /* also the ID3D11Predicate face (same layout) */
    struct d3d11vk_child child;
    struct d3d11_device *device;
    D3D11_QUERY_DESC1 desc;
    bool predicate;
    enum query_state state;
    bool ended_once;
    struct vk_cs *cs;                    /* the stream End was recorded on */
    uint64_t batch;
    struct vk_query_pool *pool;          /* timestamps */
};

static const ID3D11Query1Vtbl d3d11_query_vtbl;

static inline struct d3d11_query *impl_from_ID3D11Query1(ID3D11Query1 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_query, ID3D11Query1_iface);
}

struct d3d11_query *d3d11_query_from_iface(ID3D11Asynchronous *iface)
{
    if (!iface || iface->lpVtbl != (const void *)&d3d11_query_vtbl)
        return NULL;
    return impl_from_ID3D11Query1((ID3D11Query1 *)iface);
}

static const struct d3d11vk_qi_entry query_qi[] =
{
    { &IID_ID3D11Query1, 0 }, { &IID_ID3D11Query, 0 }, { &IID_ID3D11Asynchronous, 0 }, { &IID_ID3D11DeviceChild, 0 },
};
static const struct d3d11vk_qi_entry predicate_qi[] =
{
    { &IID_ID3D11Predicate, 0 }, { &IID_ID3D11Query1, 0 }, { &IID_ID3D11Query, 0 }, { &IID_ID3D11Asynchronous, 0 },
    { &IID_ID3D11DeviceChild, 0 },
};

static HRESULT STDMETHODCALLTYPE query_QueryInterface(ID3D11Query1 *iface, REFIID riid, void **out)
{
    struct d3d11_query *q = impl_from_ID3D11Query1(iface);

    if (q->predicate)
        return d3d11vk_query_interface(q, predicate_qi, ARRAY_SIZE(predicate_qi), riid, out);
    return d3d11vk_query_interface(q, query_qi, ARRAY_SIZE(query_qi), riid, out);
}

D3D11VK_DEVICE_CHILD_BASE_METHODS(query, ID3D11Query1, struct d3d11_query, ID3D11Query1_iface)

static UINT query_data_size(D3D11_QUERY type)
{
    switch (type)
    {
        case D3D11_QUERY_EVENT:
        case D3D11_QUERY_OCCLUSION_PREDICATE:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM1:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM2:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM3:
            return sizeof(BOOL);
        case D3D11_QUERY_OCCLUSION:
        case D3D11_QUERY_TIMESTAMP:
            return sizeof(UINT64);
        case D3D11_QUERY_TIMESTAMP_DISJOINT:
            return sizeof(D3D11_QUERY_DATA_TIMESTAMP_DISJOINT);
        case D3D11_QUERY_PIPELINE_STATISTICS:
            return sizeof(D3D11_QUERY_DATA_PIPELINE_STATISTICS);
        case D3D11_QUERY_SO_STATISTICS:
        case D3D11_QUERY_SO_STATISTICS_STREAM0:
        case D3D11_QUERY_SO_STATISTICS_STREAM1:
        case D3D11_QUERY_SO_STATISTICS_STREAM2:
        case D3D11_QUERY_SO_STATISTICS_STREAM3:
            return sizeof(D3D11_QUERY_DATA_SO_STATISTICS);
        default:
            return 0;
    }
}

static UINT STDMETHODCALLTYPE query_GetDataSize(ID3D11Query1 *iface)
{
    return query_data_size(impl_from_ID3D11Query1(iface)->desc.Query);
}

static void STDMETHODCALLTYPE query_GetDesc(ID3D11Query1 *iface, D3D11_QUERY_DESC *desc)
{
    struct d3d11_query *q = impl_from_ID3D11Query1(iface);

    if (!desc)
        return;
    desc->Query = q->desc.Query;
    desc->MiscFlags = q->desc.MiscFlags;
}

static void STDMETHODCALLTYPE query_GetDesc1(ID3D11Query1 *iface, D3D11_QUERY_DESC1 *desc)
{
    if (desc)
        *desc = impl_from_ID3D11Query1(iface)->desc;
}

static const ID3D11Query1Vtbl d3d11_query_vtbl =
{
    .QueryInterface = query_QueryInterface,
    .AddRef = query_AddRef,
    .Release = query_Release,
    .GetDevice = query_GetDevice,
    .GetPrivateData = query_GetPrivateData,
    .SetPrivateData = query_SetPrivateData,
    .SetPrivateDataInterface = query_SetPrivateDataInterface,
    .GetDataSize = query_GetDataSize,
    .GetDesc = query_GetDesc,
    .GetDesc1 = query_GetDesc1,
};

static void query_destroy(struct d3d11vk_child *child)
{
    struct d3d11_query *q = CONTAINING_RECORD(child, struct d3d11_query, child);

    if (q->pool)
        vk_query_pool_release(q->pool);
    free(q);
}

static bool is_predicate_type(D3D11_QUERY type)
{
    return type == D3D11_QUERY_OCCLUSION_PREDICATE || type == D3D11_QUERY_SO_OVERFLOW_PREDICATE
            || (type >= D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0 && type <= D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM3
            && ((type - D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0) % 2) == 0);
}

HRESULT d3d11_query_create(struct d3d11_device *device, const D3D11_QUERY_DESC1 *desc, bool predicate,
        ID3D11Query1 **out)
{
    struct d3d11_query *q;
    VkResult vr;

    if (out)
        *out = NULL;
    if (!desc || !query_data_size(desc->Query))
        return E_INVALIDARG;
    if (desc->MiscFlags & ~D3D11_QUERY_MISC_PREDICATEHINT)
        return E_INVALIDARG;
    /* The predicate hint only makes sense on predicates. */
    if ((desc->MiscFlags & D3D11_QUERY_MISC_PREDICATEHINT) && !is_predicate_type(desc->Query))
        return E_INVALIDARG;
    if (predicate && !is_predicate_type(desc->Query))
        return E_INVALIDARG;
    if ((UINT)desc->ContextType > D3D11_CONTEXT_TYPE_VIDEO)
        return E_INVALIDARG;
    if (!out)
        return S_FALSE;
    if (!(q = calloc(1, sizeof(*q))))
        return E_OUTOFMEMORY;
    q->ID3D11Query1_iface.lpVtbl = &d3d11_query_vtbl;
    q->device = device;
    q->desc = *desc;
    q->predicate = is_predicate_type(desc->Query);
    if (desc->Query == D3D11_QUERY_TIMESTAMP
            && (vr = vk_query_pool_create(device->vk, VK_QUERY_TYPE_TIMESTAMP, 1, &q->pool)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a timestamp query pool: %s.", vk_result_str(vr));
        free(q);
        return E_OUTOFMEMORY;
    }
    if (desc->Query != D3D11_QUERY_EVENT && desc->Query != D3D11_QUERY_TIMESTAMP
            && desc->Query != D3D11_QUERY_TIMESTAMP_DISJOINT)
        FIXME("Query type %#x reports zeros: draw-time statistics are not collected yet.", desc->Query);
    d3d11vk_child_init(&q->child, (IUnknown *)&device->ID3D11Device5_iface, query_destroy);
    *out = &q->ID3D11Query1_iface;
    return S_OK;
}

HRESULT d3d11_counter_create(struct d3d11_device *device, const D3D11_COUNTER_DESC *desc, ID3D11Counter **out)
{
    if (out)
        *out = NULL;
    /* CheckCounterInfo reports no device-dependent counters, and D3D11 defines no others. */
    return E_INVALIDARG;
}

/* Context side --------------------------------------------------------------------------- */

static bool query_has_begin(D3D11_QUERY type)
{
    return type != D3D11_QUERY_EVENT && type != D3D11_QUERY_TIMESTAMP;
}

void d3d11_query_begin(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs)
{
    /* D3D11: Begin on an event or timestamp query is ignored. */
    if (!query_has_begin(q->desc.Query))
        return;
    q->state = QUERY_BUILDING;
}

void d3d11_query_end(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs)
{
    if (q->desc.Query == D3D11_QUERY_TIMESTAMP && q->pool)
    {
        if (q->ended_once)
            vk_cs_cmd_reset_queries(cs, q->pool, 0, 1);
        vk_cs_cmd_write_timestamp(cs, q->pool, 0);
    }
    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
    {
        /* GetData is only answered on the immediate context: track its stream. */
        FIXME("Queries ended on deferred contexts complete with the immediate context's next batch.");
        cs = q->device->immediate->cs;
    }
    q->cs = cs;
    q->batch = vk_cs_current_batch(cs);
    q->state = QUERY_ISSUED;
    q->ended_once = true;
}

HRESULT d3d11_query_get_data(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs,
        void *data, UINT size, UINT flags)
{
    UINT expected = query_data_size(q->desc.Query);
    uint64_t ts = 0;

    if (flags & ~D3D11_ASYNC_GETDATA_DONOTFLUSH)
        return E_INVALIDARG;
    if (size && size != expected)
        return E_INVALIDARG;
    if (!data && size)
        return E_INVALIDARG;
    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
        return DXGI_ERROR_INVALID_CALL;
    if (q->state != QUERY_ISSUED)
        return DXGI_ERROR_INVALID_CALL;
    if (q->cs != cs)
        cs = q->cs;
    if (!vk_cs_batch_complete(cs, q->batch, !(flags & D3D11_ASYNC_GETDATA_DONOTFLUSH)))
        return S_FALSE;
    if (q->desc.Query == D3D11_QUERY_TIMESTAMP)
    {
        if (vk_query_pool_get_results(q->pool, 0, 1, &ts, false) != VK_SUCCESS)
            return S_FALSE;
    }
    if (!data)
        return S_OK;
    switch (q->desc.Query)
    {
        case D3D11_QUERY_EVENT:
        case D3D11_QUERY_OCCLUSION_PREDICATE:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM1:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM2:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM3:
            *(BOOL *)data = q->desc.Query == D3D11_QUERY_EVENT;
            break;
        case D3D11_QUERY_TIMESTAMP:
            memcpy(data, &ts, sizeof(ts));
            break;
        case D3D11_QUERY_TIMESTAMP_DISJOINT:
        {
            D3D11_QUERY_DATA_TIMESTAMP_DISJOINT d;
            double period = vk_device_timestamp_period(q->device->vk);
            d.Frequency = (UINT64)(1e9 / (period > 0.0 ? period : 1.0));
            d.Disjoint = FALSE;
            memcpy(data, &d, sizeof(d));
            break;
        }
        default:
            memset(data, 0, expected);
            break;
    }
    return S_OK;
}
