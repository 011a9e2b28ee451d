/* query.c — ID3D11Query1 / ID3D11Predicate / ID3D11Counter: every query type on backend
 * queries (vulkan/vk_query.h: occlusion, pipeline statistics and stream-output counts summed
 * over Vulkan query segments; events and timestamps complete with their END record), the
 * Begin/End/GetData rules, on immediate and deferred contexts; predication brackets. */
#include "resource.h"
#include "vk_cs.h"
#include "vk_query.h"

enum query_state
{
    QUERY_CREATED,     /* never ended: GetData is an invalid call */
    QUERY_BUILDING,    /* begun, not ended */
    QUERY_ISSUED,      /* ended: the result arrives when the backend END numbered `seq` completes */
};

struct d3d11_query
{
    ID3D11Query1 ID3D11Query1_iface;     /* also the ID3D11Predicate face (same layout) */
    struct d3d11vk_child child;
    struct d3d11_device *device;
    D3D11_QUERY_DESC1 desc;
    bool predicate;
    enum query_state state;
    uint64_t seq;                        /* number of the last End */
    struct vk_query *vq[4];              /* one per counted stream (SO_OVERFLOW_PREDICATE: 4) */
    uint32_t vq_count;
    struct vk_query_pool *pool;          /* timestamps */
    bool have_result;                    /* result[] holds the answer for seq */
    uint64_t result[VK_QUERY_MAX_VALUES * 4];
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
    uint32_t i;

    for (i = 0; i < q->vq_count; ++i)
        vk_query_release(q->vq[i]);
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

/* The backend kinds a query type counts with (up to 4); 0 for completion-only types. */
static uint32_t query_kinds(D3D11_QUERY type, enum vk_query_kind *kinds)
{
    uint32_t i;

    switch (type)
    {
        case D3D11_QUERY_OCCLUSION:
        case D3D11_QUERY_OCCLUSION_PREDICATE:
            kinds[0] = VK_QUERY_KIND_OCCLUSION;
            return 1;
        case D3D11_QUERY_PIPELINE_STATISTICS:
            kinds[0] = VK_QUERY_KIND_PIPELINE_STATISTICS;
            return 1;
        case D3D11_QUERY_SO_STATISTICS:
        case D3D11_QUERY_SO_STATISTICS_STREAM0:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0:
            kinds[0] = VK_QUERY_KIND_XFB_STREAM0;
            return 1;
        case D3D11_QUERY_SO_STATISTICS_STREAM1:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM1:
            kinds[0] = VK_QUERY_KIND_XFB_STREAM1;
            return 1;
        case D3D11_QUERY_SO_STATISTICS_STREAM2:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM2:
            kinds[0] = VK_QUERY_KIND_XFB_STREAM2;
            return 1;
        case D3D11_QUERY_SO_STATISTICS_STREAM3:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM3:
            kinds[0] = VK_QUERY_KIND_XFB_STREAM3;
            return 1;
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE:
            for (i = 0; i < 4; ++i)
                kinds[i] = VK_QUERY_KIND_XFB_STREAM0 + i;
            return 4;
        default:
            return 0;
    }
}

HRESULT d3d11_query_create(struct d3d11_device *device, const D3D11_QUERY_DESC1 *desc, bool predicate,
        ID3D11Query1 **out)
{
    enum vk_query_kind kinds[4];
    struct d3d11_query *q;
    uint32_t i, n;
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
    if (!(n = query_kinds(desc->Query, kinds)))
    {
        kinds[0] = VK_QUERY_KIND_NONE;
        n = 1;
    }
    for (i = 0; i < n; ++i)
    {
        if (!vk_query_kind_supported(device->vk, kinds[i]))
        {
            FIXME("Query type %#x: the device cannot count it (backend kind %u); it reports zeros.", desc->Query, kinds[i]);
            kinds[i] = VK_QUERY_KIND_NONE;
        }
        if ((vr = vk_query_create(device->vk, kinds[i], &q->vq[i])) != VK_SUCCESS)
        {
            query_destroy(&q->child);
            return E_OUTOFMEMORY;
        }
        q->vq_count = i + 1;
    }
    if (desc->Query == D3D11_QUERY_TIMESTAMP
            && (vr = vk_query_pool_create(device->vk, VK_QUERY_TYPE_TIMESTAMP, 1, &q->pool)) != VK_SUCCESS)
    {
        LOG_ERR("Cannot create a timestamp query pool: %s.", vk_result_str(vr));
        query_destroy(&q->child);
        return E_OUTOFMEMORY;
    }
    d3d11vk_child_init(&q->child, (IUnknown *)&device->ID3D11Device5_iface, query_destroy);
    *out = &q->ID3D11Query1_iface;
    return S_OK;
}

HRESULT d3d11_counter_create(struct d3d11_device *device, const D3D11_COUNTER_DESC *desc, ID3D11Counter **out)
{
    if (out)
        *out = NULL;
    /* CheckCounterInfo reports no device-dependent counters (LastDeviceDependentCounter 0),
     * and D3D11 defines no well-known ones: every id is out of range, which D3D11 answers
     * with E_INVALIDARG (as it does for a NULL description). */
    return E_INVALIDARG;
}

/* Context side --------------------------------------------------------------------------- */

static bool query_has_begin(D3D11_QUERY type)
{
    return type != D3D11_QUERY_EVENT && type != D3D11_QUERY_TIMESTAMP;
}

static void record_begin(struct d3d11_query *q, struct vk_cs *cs)
{
    uint32_t i;

    for (i = 0; i < q->vq_count; ++i)
        vk_cs_cmd_begin_query(cs, q->vq[i]);
}

void d3d11_query_begin(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs)
{
    /* D3D11: Begin on an event or timestamp query is ignored. A Begin of a query being built
     * restarts it. */
    if (!query_has_begin(q->desc.Query))
        return;
    record_begin(q, cs);
    q->state = QUERY_BUILDING;
    q->have_result = false;
}

void d3d11_query_end(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs)
{
    uint32_t i;

    /* End without Begin: the runtime begins the query right before (an empty query). */
    if (query_has_begin(q->desc.Query) && q->state != QUERY_BUILDING)
        record_begin(q, cs);
    if (q->desc.Query == D3D11_QUERY_TIMESTAMP && q->pool)
    {
        vk_cs_cmd_reset_queries(cs, q->pool, 0, 1);
        vk_cs_cmd_write_timestamp(cs, q->pool, 0);
    }
    /* Queries ended on deferred contexts complete when their command list ran (the END
     * record is in the list); GetData is answered by the immediate context. */
    ++q->seq;
    for (i = 0; i < q->vq_count; ++i)
        vk_cs_cmd_end_query(cs, q->vq[i], q->seq);
    q->state = QUERY_ISSUED;
    q->have_result = false;
}

HRESULT d3d11_query_get_data(struct d3d11_query *q, struct d3d11_context *context, struct vk_cs *cs,
        void *data, UINT size, UINT flags)
{
    UINT expected = query_data_size(q->desc.Query);
    uint64_t *v = q->result;
    uint32_t i;

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
    if (!q->have_result)
    {
        for (i = 0; i < q->vq_count; ++i)
            if (vk_query_get_results(q->vq[i], q->seq, &q->result[i * VK_QUERY_MAX_VALUES]) != VK_SUCCESS)
            {
                if (!(flags & D3D11_ASYNC_GETDATA_DONOTFLUSH))
                    vk_cs_flush(cs);
                return S_FALSE;
            }
        if (q->desc.Query == D3D11_QUERY_TIMESTAMP
                && vk_query_pool_get_results(q->pool, 0, 1, &q->result[0], false) != VK_SUCCESS)
            return S_FALSE;
        q->have_result = true;
    }
    if (!data)
        return S_OK;
    switch (q->desc.Query)
    {
        case D3D11_QUERY_EVENT:
            *(BOOL *)data = TRUE;
            break;
        case D3D11_QUERY_OCCLUSION_PREDICATE:
            *(BOOL *)data = v[0] != 0;
            break;
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM0:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM1:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM2:
        case D3D11_QUERY_SO_OVERFLOW_PREDICATE_STREAM3:
        {
            BOOL overflow = FALSE;

            for (i = 0; i < q->vq_count; ++i)
                overflow |= v[i * VK_QUERY_MAX_VALUES + 1] > v[i * VK_QUERY_MAX_VALUES];
            *(BOOL *)data = overflow;
            break;
        }
        case D3D11_QUERY_OCCLUSION:
        case D3D11_QUERY_TIMESTAMP:
            memcpy(data, &v[0], sizeof(UINT64));
            break;
        case D3D11_QUERY_TIMESTAMP_DISJOINT:
        {
            D3D11_QUERY_DATA_TIMESTAMP_DISJOINT d;
            double period = vk_device_timestamp_period(q->device->vk);

            /* Ticks per second from the nanoseconds per tick; the clock never changes
             * frequency under Vulkan, so the interval is never disjoint. */
            d.Frequency = (UINT64)(1e9 / (period > 0.0 ? period : 1.0) + 0.5);
            d.Disjoint = FALSE;
            memcpy(data, &d, sizeof(d));
            break;
        }
        case D3D11_QUERY_PIPELINE_STATISTICS:
        {
            /* Vulkan's statistic bits are in the order of the structure's members. */
            D3D11_QUERY_DATA_PIPELINE_STATISTICS d;

            d.IAVertices = v[0];
            d.IAPrimitives = v[1];
            d.VSInvocations = v[2];
            d.GSInvocations = v[3];
            d.GSPrimitives = v[4];
            d.CInvocations = v[5];
            d.CPrimitives = v[6];
            d.PSInvocations = v[7];
            d.HSInvocations = v[8];
            d.DSInvocations = v[9];
            d.CSInvocations = v[10];
            memcpy(data, &d, sizeof(d));
            break;
        }
        case D3D11_QUERY_SO_STATISTICS:
        case D3D11_QUERY_SO_STATISTICS_STREAM0:
        case D3D11_QUERY_SO_STATISTICS_STREAM1:
        case D3D11_QUERY_SO_STATISTICS_STREAM2:
        case D3D11_QUERY_SO_STATISTICS_STREAM3:
        {
            D3D11_QUERY_DATA_SO_STATISTICS d;

            d.NumPrimitivesWritten = v[0];
            d.PrimitivesStorageNeeded = v[1];
            memcpy(data, &d, sizeof(d));
            break;
        }
        default:
            memset(data, 0, expected);
            break;
    }
    return S_OK;
}

/* Predication ------------------------------------------------------------------------------- */

bool d3d11_predication_open(struct d3d11_context *context)
{
    struct d3d11_context_state *st = &context->state;
    struct d3d11_query *q;

    if (!st->predicate || !(q = d3d11_query_from_iface((ID3D11Asynchronous *)st->predicate)))
        return false;
    /* D3D11: the operation is skipped when the predicate's result equals PredicateValue. */
    return vk_cs_cmd_predicate_begin(context->cs, q->vq, q->vq_count,
            q->desc.Query == D3D11_QUERY_OCCLUSION_PREDICATE ? VK_PREDICATE_NONZERO : VK_PREDICATE_OVERFLOW,
            !!st->predicate_value);
}

void d3d11_predication_close(struct d3d11_context *context)
{
    vk_cs_cmd_predicate_end(context->cs);
}
