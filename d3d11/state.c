/* state.c — ID3D11BlendState1, ID3D11DepthStencilState, ID3D11RasterizerState2 and
 * ID3D11SamplerState: validation, normalization, per-device deduplication and the Vulkan
 * translation computed once at creation. */
#include <math.h>
#include "state.h"

/* Deduplication table ------------------------------------------------------------------- */

#define STATE_CACHE_BUCKETS 1024u

struct d3d11_state_cache
{
    volatile LONG refcount;              /* the device's, plus one per live entry */
    struct plat_mutex lock;
    unsigned int counts[D3D11_STATE_KIND_COUNT];
    struct d3d11_state_entry *buckets[STATE_CACHE_BUCKETS];
};

HRESULT d3d11_state_cache_create(struct d3d11_state_cache **out)
{
    struct d3d11_state_cache *cache;

    if (!(cache = calloc(1, sizeof(*cache))))
        return E_OUTOFMEMORY;
    cache->refcount = 1;
    plat_mutex_init(&cache->lock);
    *out = cache;
    return S_OK;
}

void d3d11_state_cache_release(struct d3d11_state_cache *cache)
{
    if (cache && !atomic_dec_u32(&cache->refcount))
    {
        plat_mutex_destroy(&cache->lock);
        free(cache);
    }
}

static uint64_t hash_bytes(const void *data, size_t size, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    size_t i;

    for (i = 0; i < size; ++i)
    {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    return h;
}

/* Takes an internal reference unless the object is already being destroyed. */
static bool child_tryref_internal(struct d3d11vk_child *child)
{
    LONG v = __atomic_load_n(&child->internal, __ATOMIC_ACQUIRE);

    while (v > 0)
        if (__atomic_compare_exchange_n(&child->internal, &v, v + 1, false, __ATOMIC_SEQ_CST, __ATOMIC_ACQUIRE))
            return true;
    return false;
}

/* Looks the description up; on a hit returns the live object's child with a public
 * reference added. On a miss, inserts `entry` (unless the kind is full) and returns NULL. */
static HRESULT state_cache_lookup_or_insert(struct d3d11_state_cache *cache, struct d3d11_state_entry *entry,
        struct d3d11vk_child **found)
{
    struct d3d11_state_entry *e;
    unsigned int bucket = entry->hash & (STATE_CACHE_BUCKETS - 1);

    *found = NULL;
    plat_mutex_lock(&cache->lock);
    for (e = cache->buckets[bucket]; e; e = e->next)
    {
        if (e->kind != entry->kind || e->hash != entry->hash || e->key_size != entry->key_size
                || memcmp(e->key, entry->key, entry->key_size))
            continue;
        /* An object whose last internal reference is gone is being destroyed: skip it. */
        if (!child_tryref_internal(e->child))
            continue;
        plat_mutex_unlock(&cache->lock);
        d3d11vk_child_addref(e->child);
        d3d11vk_child_decref_internal(e->child);
        *found = e->child;
        return S_OK;
    }
    if (cache->counts[entry->kind] >= D3D11_MAX_UNIQUE_STATES)
    {
        plat_mutex_unlock(&cache->lock);
        return D3D11_ERROR_TOO_MANY_UNIQUE_STATE_OBJECTS;
    }
    ++cache->counts[entry->kind];
    entry->next = cache->buckets[bucket];
    cache->buckets[bucket] = entry;
    entry->cache = cache;
    atomic_inc_u32(&cache->refcount);
    plat_mutex_unlock(&cache->lock);
    return S_OK;
}

static void state_cache_remove(struct d3d11_state_entry *entry)
{
    struct d3d11_state_cache *cache = entry->cache;
    struct d3d11_state_entry **p;

    if (!cache)
        return;
    plat_mutex_lock(&cache->lock);
    for (p = &cache->buckets[entry->hash & (STATE_CACHE_BUCKETS - 1)]; *p; p = &(*p)->next)
    {
        if (*p == entry)
        {
            *p = entry->next;
            --cache->counts[entry->kind];
            break;
        }
    }
    plat_mutex_unlock(&cache->lock);
    entry->cache = NULL;
    d3d11_state_cache_release(cache);
}

/* Shared creation tail: dedup or publish. `object` is freshly built with one public ref;
 * when an equal live object exists, `object` is destroyed and the other one returned. */
static HRESULT state_publish(struct d3d11_device *device, struct d3d11_state_entry *entry, void **object,
        size_t child_offset, size_t iface_offset, void (*free_fresh)(void *object), void **iface_out)
{
    struct d3d11vk_child *found;
    HRESULT hr;

    if (FAILED(hr = state_cache_lookup_or_insert(device->state_cache, entry, &found)))
    {
        free_fresh(*object);
        *object = NULL;
        return hr;
    }
    if (found)
    {
        free_fresh(*object);
        *object = (char *)found - child_offset;
    }
    *iface_out = (char *)*object + iface_offset;
    return S_OK;
}

static void state_child_init(struct d3d11vk_child *child, struct d3d11_device *device,
        void (*destroy)(struct d3d11vk_child *))
{
    d3d11vk_child_init(child, (IUnknown *)&device->ID3D11Device5_iface, destroy);
}

/* Frees an object that was never published: it holds one public and one internal ref and a
 * device reference. */
static void state_child_abandon(struct d3d11vk_child *child)
{
    IUnknown *device = child->device;

    d3d11vk_private_store_cleanup(&child->private_data);
    IUnknown_Release(device);
}

/* Blend state ----------------------------------------------------------------------------- */

D3D11VK_DEVICE_CHILD_BASE_METHODS(d3d11_blend_state, ID3D11BlendState1, struct d3d11_blend_state, ID3D11BlendState1_iface)

static const struct d3d11vk_qi_entry blend_qi[] =
{
    { &IID_ID3D11BlendState1, offsetof(struct d3d11_blend_state, ID3D11BlendState1_iface) },
    { &IID_ID3D11BlendState, offsetof(struct d3d11_blend_state, ID3D11BlendState1_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_blend_state, ID3D11BlendState1_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_blend_state_QueryInterface(ID3D11BlendState1 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(CONTAINING_RECORD(iface, struct d3d11_blend_state, ID3D11BlendState1_iface),
            blend_qi, ARRAY_SIZE(blend_qi), riid, out);
}

static void STDMETHODCALLTYPE d3d11_blend_state_GetDesc(ID3D11BlendState1 *iface, D3D11_BLEND_DESC *desc)
{
    const D3D11_BLEND_DESC1 *d = &CONTAINING_RECORD(iface, struct d3d11_blend_state, ID3D11BlendState1_iface)->desc;
    unsigned int i;

    desc->AlphaToCoverageEnable = d->AlphaToCoverageEnable;
    desc->IndependentBlendEnable = d->IndependentBlendEnable;
    for (i = 0; i < D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT; ++i)
    {
        desc->RenderTarget[i].BlendEnable = d->RenderTarget[i].BlendEnable;
        desc->RenderTarget[i].SrcBlend = d->RenderTarget[i].SrcBlend;
        desc->RenderTarget[i].DestBlend = d->RenderTarget[i].DestBlend;
        desc->RenderTarget[i].BlendOp = d->RenderTarget[i].BlendOp;
        desc->RenderTarget[i].SrcBlendAlpha = d->RenderTarget[i].SrcBlendAlpha;
        desc->RenderTarget[i].DestBlendAlpha = d->RenderTarget[i].DestBlendAlpha;
        desc->RenderTarget[i].BlendOpAlpha = d->RenderTarget[i].BlendOpAlpha;
        desc->RenderTarget[i].RenderTargetWriteMask = d->RenderTarget[i].RenderTargetWriteMask;
    }
}

static void STDMETHODCALLTYPE d3d11_blend_state_GetDesc1(ID3D11BlendState1 *iface, D3D11_BLEND_DESC1 *desc)
{
    *desc = CONTAINING_RECORD(iface, struct d3d11_blend_state, ID3D11BlendState1_iface)->desc;
}

static const ID3D11BlendState1Vtbl d3d11_blend_state_vtbl =
{
    .QueryInterface = d3d11_blend_state_QueryInterface,
    .AddRef = d3d11_blend_state_AddRef,
    .Release = d3d11_blend_state_Release,
    .GetDevice = d3d11_blend_state_GetDevice,
    .GetPrivateData = d3d11_blend_state_GetPrivateData,
    .SetPrivateData = d3d11_blend_state_SetPrivateData,
    .SetPrivateDataInterface = d3d11_blend_state_SetPrivateDataInterface,
    .GetDesc = d3d11_blend_state_GetDesc,
    .GetDesc1 = d3d11_blend_state_GetDesc1,
};

struct d3d11_blend_state *d3d11_blend_state_from_iface(ID3D11BlendState *iface)
{
    if (!iface || iface->lpVtbl != (const void *)&d3d11_blend_state_vtbl)
        return NULL;
    return CONTAINING_RECORD(iface, struct d3d11_blend_state, ID3D11BlendState1_iface);
}

static bool blend_factor_valid(D3D11_BLEND b, bool alpha)
{
    switch (b)
    {
        case D3D11_BLEND_SRC_COLOR: case D3D11_BLEND_INV_SRC_COLOR:
        case D3D11_BLEND_DEST_COLOR: case D3D11_BLEND_INV_DEST_COLOR:
        case D3D11_BLEND_SRC1_COLOR: case D3D11_BLEND_INV_SRC1_COLOR:
            /* D3D11: colour factors are not allowed in the alpha equation. */
            return !alpha;
        case D3D11_BLEND_ZERO: case D3D11_BLEND_ONE:
        case D3D11_BLEND_SRC_ALPHA: case D3D11_BLEND_INV_SRC_ALPHA:
        case D3D11_BLEND_DEST_ALPHA: case D3D11_BLEND_INV_DEST_ALPHA:
        case D3D11_BLEND_SRC_ALPHA_SAT: case D3D11_BLEND_BLEND_FACTOR: case D3D11_BLEND_INV_BLEND_FACTOR:
        case D3D11_BLEND_SRC1_ALPHA: case D3D11_BLEND_INV_SRC1_ALPHA:
            return true;
    }
    return false;
}

static bool blend_op_valid(D3D11_BLEND_OP op)
{
    return op >= D3D11_BLEND_OP_ADD && op <= D3D11_BLEND_OP_MAX;
}

static VkBlendFactor vk_blend_factor(D3D11_BLEND b)
{
    switch (b)
    {
        case D3D11_BLEND_ZERO: return VK_BLEND_FACTOR_ZERO;
        case D3D11_BLEND_ONE: return VK_BLEND_FACTOR_ONE;
        case D3D11_BLEND_SRC_COLOR: return VK_BLEND_FACTOR_SRC_COLOR;
        case D3D11_BLEND_INV_SRC_COLOR: return VK_BLEND_FACTOR_ONE_MINUS_SRC_COLOR;
        case D3D11_BLEND_SRC_ALPHA: return VK_BLEND_FACTOR_SRC_ALPHA;
        case D3D11_BLEND_INV_SRC_ALPHA: return VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
        case D3D11_BLEND_DEST_ALPHA: return VK_BLEND_FACTOR_DST_ALPHA;
        case D3D11_BLEND_INV_DEST_ALPHA: return VK_BLEND_FACTOR_ONE_MINUS_DST_ALPHA;
        case D3D11_BLEND_DEST_COLOR: return VK_BLEND_FACTOR_DST_COLOR;
        case D3D11_BLEND_INV_DEST_COLOR: return VK_BLEND_FACTOR_ONE_MINUS_DST_COLOR;
        case D3D11_BLEND_SRC_ALPHA_SAT: return VK_BLEND_FACTOR_SRC_ALPHA_SATURATE;
        case D3D11_BLEND_BLEND_FACTOR: return VK_BLEND_FACTOR_CONSTANT_COLOR;
        case D3D11_BLEND_INV_BLEND_FACTOR: return VK_BLEND_FACTOR_ONE_MINUS_CONSTANT_COLOR;
        case D3D11_BLEND_SRC1_COLOR: return VK_BLEND_FACTOR_SRC1_COLOR;
        case D3D11_BLEND_INV_SRC1_COLOR: return VK_BLEND_FACTOR_ONE_MINUS_SRC1_COLOR;
        case D3D11_BLEND_SRC1_ALPHA: return VK_BLEND_FACTOR_SRC1_ALPHA;
        case D3D11_BLEND_INV_SRC1_ALPHA: return VK_BLEND_FACTOR_ONE_MINUS_SRC1_ALPHA;
    }
    return VK_BLEND_FACTOR_ZERO;
}

/* In the alpha equation the blend constant's alpha is meant. */
static VkBlendFactor vk_blend_factor_alpha(D3D11_BLEND b)
{
    if (b == D3D11_BLEND_BLEND_FACTOR)
        return VK_BLEND_FACTOR_CONSTANT_ALPHA;
    if (b == D3D11_BLEND_INV_BLEND_FACTOR)
        return VK_BLEND_FACTOR_ONE_MINUS_CONSTANT_ALPHA;
    return vk_blend_factor(b);
}

static bool factor_is_src1(D3D11_BLEND b)
{
    return b >= D3D11_BLEND_SRC1_COLOR && b <= D3D11_BLEND_INV_SRC1_ALPHA;
}

static bool factor_is_constant(D3D11_BLEND b)
{
    return b == D3D11_BLEND_BLEND_FACTOR || b == D3D11_BLEND_INV_BLEND_FACTOR;
}

static HRESULT normalize_blend_desc(struct d3d11_device *device, const D3D11_BLEND_DESC1 *in, D3D11_BLEND_DESC1 *out)
{
    unsigned int i, count;

    memset(out, 0, sizeof(*out));
    out->AlphaToCoverageEnable = !!in->AlphaToCoverageEnable;
    out->IndependentBlendEnable = !!in->IndependentBlendEnable;
    count = out->IndependentBlendEnable ? D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT : 1;
    for (i = 0; i < count; ++i)
    {
        const D3D11_RENDER_TARGET_BLEND_DESC1 *rt = &in->RenderTarget[i];
        D3D11_RENDER_TARGET_BLEND_DESC1 *o = &out->RenderTarget[i];

        if (rt->RenderTargetWriteMask & ~D3D11_COLOR_WRITE_ENABLE_ALL)
            return E_INVALIDARG;
        o->RenderTargetWriteMask = rt->RenderTargetWriteMask;
        o->BlendEnable = !!rt->BlendEnable;
        o->LogicOpEnable = !!rt->LogicOpEnable;
        if (o->BlendEnable)
        {
            if (!blend_factor_valid(rt->SrcBlend, false) || !blend_factor_valid(rt->DestBlend, false)
                    || !blend_factor_valid(rt->SrcBlendAlpha, true) || !blend_factor_valid(rt->DestBlendAlpha, true)
                    || !blend_op_valid(rt->BlendOp) || !blend_op_valid(rt->BlendOpAlpha))
                return E_INVALIDARG;
            o->SrcBlend = rt->SrcBlend;
            o->DestBlend = rt->DestBlend;
            o->BlendOp = rt->BlendOp;
            o->SrcBlendAlpha = rt->SrcBlendAlpha;
            o->DestBlendAlpha = rt->DestBlendAlpha;
            o->BlendOpAlpha = rt->BlendOpAlpha;
        }
        else
        {
            /* Disabled blending ignores the equation: store the defaults so equal states match. */
            o->SrcBlend = o->SrcBlendAlpha = D3D11_BLEND_ONE;
            o->DestBlend = o->DestBlendAlpha = D3D11_BLEND_ZERO;
            o->BlendOp = o->BlendOpAlpha = D3D11_BLEND_OP_ADD;
        }
        if (o->LogicOpEnable)
        {
            /* D3D11.1: logic ops only on RT0, without blending and without independent blend,
             * where D3D11_FEATURE_D3D11_OPTIONS reports OutputMergerLogicOp (optional on 10_0..11_0,
             * never on 9_x). */
            if (o->BlendEnable || out->IndependentBlendEnable || rt->LogicOp > D3D11_LOGIC_OP_OR_INVERTED
                    || device->feature_level < D3D_FEATURE_LEVEL_10_0 || !device->vk->enabled.core.features.logicOp)
                return E_INVALIDARG;
            o->LogicOp = rt->LogicOp;
        }
        else
            o->LogicOp = D3D11_LOGIC_OP_NOOP;
    }
    /* memcpy keeps the zeroed padding: the description is compared bytewise. */
    for (; i < D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT; ++i)
        memcpy(&out->RenderTarget[i], &out->RenderTarget[0], sizeof(out->RenderTarget[0]));
    return S_OK;
}

static void blend_translate(struct d3d11_blend_state *state)
{
    static const VkBlendOp ops[] = { VK_BLEND_OP_ADD, VK_BLEND_OP_ADD, VK_BLEND_OP_SUBTRACT,
            VK_BLEND_OP_REVERSE_SUBTRACT, VK_BLEND_OP_MIN, VK_BLEND_OP_MAX };
    static const VkLogicOp logic_ops[] =
    {
        [D3D11_LOGIC_OP_CLEAR] = VK_LOGIC_OP_CLEAR, [D3D11_LOGIC_OP_SET] = VK_LOGIC_OP_SET,
        [D3D11_LOGIC_OP_COPY] = VK_LOGIC_OP_COPY, [D3D11_LOGIC_OP_COPY_INVERTED] = VK_LOGIC_OP_COPY_INVERTED,
        [D3D11_LOGIC_OP_NOOP] = VK_LOGIC_OP_NO_OP, [D3D11_LOGIC_OP_INVERT] = VK_LOGIC_OP_INVERT,
        [D3D11_LOGIC_OP_AND] = VK_LOGIC_OP_AND, [D3D11_LOGIC_OP_NAND] = VK_LOGIC_OP_NAND,
        [D3D11_LOGIC_OP_OR] = VK_LOGIC_OP_OR, [D3D11_LOGIC_OP_NOR] = VK_LOGIC_OP_NOR,
        [D3D11_LOGIC_OP_XOR] = VK_LOGIC_OP_XOR, [D3D11_LOGIC_OP_EQUIV] = VK_LOGIC_OP_EQUIVALENT,
        [D3D11_LOGIC_OP_AND_REVERSE] = VK_LOGIC_OP_AND_REVERSE, [D3D11_LOGIC_OP_AND_INVERTED] = VK_LOGIC_OP_AND_INVERTED,
        [D3D11_LOGIC_OP_OR_REVERSE] = VK_LOGIC_OP_OR_REVERSE, [D3D11_LOGIC_OP_OR_INVERTED] = VK_LOGIC_OP_OR_INVERTED,
    };
    const D3D11_BLEND_DESC1 *d = &state->desc;
    unsigned int i;

    for (i = 0; i < D3D11_SIMULTANEOUS_RENDER_TARGET_COUNT; ++i)
    {
        const D3D11_RENDER_TARGET_BLEND_DESC1 *rt = &d->RenderTarget[i];
        VkPipelineColorBlendAttachmentState *a = &state->attachments[i];

        a->blendEnable = rt->BlendEnable;
        a->srcColorBlendFactor = vk_blend_factor(rt->SrcBlend);
        a->dstColorBlendFactor = vk_blend_factor(rt->DestBlend);
        a->colorBlendOp = ops[rt->BlendOp];
        a->srcAlphaBlendFactor = vk_blend_factor_alpha(rt->SrcBlendAlpha);
        a->dstAlphaBlendFactor = vk_blend_factor_alpha(rt->DestBlendAlpha);
        a->alphaBlendOp = ops[rt->BlendOpAlpha];
        a->colorWriteMask = rt->RenderTargetWriteMask;   /* same bit order: R=1 G=2 B=4 A=8 */
        if (rt->BlendEnable && (factor_is_constant(rt->SrcBlend) || factor_is_constant(rt->DestBlend)
                || factor_is_constant(rt->SrcBlendAlpha) || factor_is_constant(rt->DestBlendAlpha)))
            state->uses_blend_factor = true;
    }
    state->dual_source = d->RenderTarget[0].BlendEnable && (factor_is_src1(d->RenderTarget[0].SrcBlend)
            || factor_is_src1(d->RenderTarget[0].DestBlend) || factor_is_src1(d->RenderTarget[0].SrcBlendAlpha)
            || factor_is_src1(d->RenderTarget[0].DestBlendAlpha));
    state->logic_op_enable = d->RenderTarget[0].LogicOpEnable;
    state->logic_op = logic_ops[d->RenderTarget[0].LogicOp];
    state->alpha_to_coverage = d->AlphaToCoverageEnable;
}

static void blend_state_destroy(struct d3d11vk_child *child)
{
    struct d3d11_blend_state *state = CONTAINING_RECORD(child, struct d3d11_blend_state, child);
    state_cache_remove(&state->entry);
    free(state);
}

static void blend_state_free_fresh(void *object)
{
    struct d3d11_blend_state *state = object;
    state_child_abandon(&state->child);
    free(state);
}

HRESULT d3d11_blend_state_create(struct d3d11_device *device, const D3D11_BLEND_DESC1 *desc,
        struct d3d11_blend_state **out)
{
    struct d3d11_blend_state *state;
    D3D11_BLEND_DESC1 normalized;
    void *object, *iface;
    HRESULT hr;

    *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = normalize_blend_desc(device, desc, &normalized)))
        return hr;
    if (!(state = calloc(1, sizeof(*state))))
        return E_OUTOFMEMORY;
    state->ID3D11BlendState1_iface.lpVtbl = &d3d11_blend_state_vtbl;
    state->desc = normalized;
    blend_translate(state);
    state->entry.kind = D3D11_STATE_BLEND;
    state->entry.key = &state->desc;
    state->entry.key_size = sizeof(state->desc);
    state->entry.hash = hash_bytes(&state->desc, sizeof(state->desc), D3D11_STATE_BLEND);
    state->entry.child = &state->child;
    state_child_init(&state->child, device, blend_state_destroy);
    object = state;
    if (FAILED(hr = state_publish(device, &state->entry, &object, offsetof(struct d3d11_blend_state, child),
            offsetof(struct d3d11_blend_state, ID3D11BlendState1_iface), blend_state_free_fresh, &iface)))
        return hr;
    *out = object;
    return S_OK;
}

/* Depth-stencil state ---------------------------------------------------------------------- */

D3D11VK_DEVICE_CHILD_BASE_METHODS(d3d11_ds_state, ID3D11DepthStencilState, struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface)

static const struct d3d11vk_qi_entry ds_qi[] =
{
    { &IID_ID3D11DepthStencilState, offsetof(struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_ds_state_QueryInterface(ID3D11DepthStencilState *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(CONTAINING_RECORD(iface, struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface),
            ds_qi, ARRAY_SIZE(ds_qi), riid, out);
}

static void STDMETHODCALLTYPE d3d11_ds_state_GetDesc(ID3D11DepthStencilState *iface, D3D11_DEPTH_STENCIL_DESC *desc)
{
    *desc = CONTAINING_RECORD(iface, struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface)->desc;
}

static const ID3D11DepthStencilStateVtbl d3d11_ds_state_vtbl =
{
    .QueryInterface = d3d11_ds_state_QueryInterface,
    .AddRef = d3d11_ds_state_AddRef,
    .Release = d3d11_ds_state_Release,
    .GetDevice = d3d11_ds_state_GetDevice,
    .GetPrivateData = d3d11_ds_state_GetPrivateData,
    .SetPrivateData = d3d11_ds_state_SetPrivateData,
    .SetPrivateDataInterface = d3d11_ds_state_SetPrivateDataInterface,
    .GetDesc = d3d11_ds_state_GetDesc,
};

struct d3d11_depthstencil_state *d3d11_depthstencil_state_from_iface(ID3D11DepthStencilState *iface)
{
    if (!iface || iface->lpVtbl != &d3d11_ds_state_vtbl)
        return NULL;
    return CONTAINING_RECORD(iface, struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface);
}

static bool comparison_valid(D3D11_COMPARISON_FUNC f)
{
    return f >= D3D11_COMPARISON_NEVER && f <= D3D11_COMPARISON_ALWAYS;
}

static bool stencil_op_valid(D3D11_STENCIL_OP op)
{
    return op >= D3D11_STENCIL_OP_KEEP && op <= D3D11_STENCIL_OP_DECR;
}

static bool stencil_face_valid(const D3D11_DEPTH_STENCILOP_DESC *f)
{
    return stencil_op_valid(f->StencilFailOp) && stencil_op_valid(f->StencilDepthFailOp)
            && stencil_op_valid(f->StencilPassOp) && comparison_valid(f->StencilFunc);
}

static VkCompareOp vk_compare_op(D3D11_COMPARISON_FUNC f)
{
    /* D3D11 NEVER..ALWAYS = 1..8 in Vulkan's order. */
    return (VkCompareOp)(f - D3D11_COMPARISON_NEVER);
}

static VkStencilOp vk_stencil_op(D3D11_STENCIL_OP op)
{
    static const VkStencilOp ops[] = { VK_STENCIL_OP_KEEP, VK_STENCIL_OP_KEEP, VK_STENCIL_OP_ZERO,
            VK_STENCIL_OP_REPLACE, VK_STENCIL_OP_INCREMENT_AND_CLAMP, VK_STENCIL_OP_DECREMENT_AND_CLAMP,
            VK_STENCIL_OP_INVERT, VK_STENCIL_OP_INCREMENT_AND_WRAP, VK_STENCIL_OP_DECREMENT_AND_WRAP };
    return ops[op];
}

static void vk_stencil_face(const D3D11_DEPTH_STENCIL_DESC *d, const D3D11_DEPTH_STENCILOP_DESC *f, VkStencilOpState *o)
{
    o->failOp = vk_stencil_op(f->StencilFailOp);
    o->passOp = vk_stencil_op(f->StencilPassOp);
    o->depthFailOp = vk_stencil_op(f->StencilDepthFailOp);
    o->compareOp = vk_compare_op(f->StencilFunc);
    o->compareMask = d->StencilReadMask;
    o->writeMask = d->StencilWriteMask;
    o->reference = 0;
}

static HRESULT normalize_ds_desc(const D3D11_DEPTH_STENCIL_DESC *in, D3D11_DEPTH_STENCIL_DESC *out)
{
    static const D3D11_DEPTH_STENCILOP_DESC default_face =
            { D3D11_STENCIL_OP_KEEP, D3D11_STENCIL_OP_KEEP, D3D11_STENCIL_OP_KEEP, D3D11_COMPARISON_ALWAYS };

    memset(out, 0, sizeof(*out));
    if (in->DepthWriteMask != D3D11_DEPTH_WRITE_MASK_ZERO && in->DepthWriteMask != D3D11_DEPTH_WRITE_MASK_ALL)
        return E_INVALIDARG;
    out->DepthEnable = !!in->DepthEnable;
    if (out->DepthEnable)
    {
        if (!comparison_valid(in->DepthFunc))
            return E_INVALIDARG;
        out->DepthWriteMask = in->DepthWriteMask;
        out->DepthFunc = in->DepthFunc;
    }
    else
    {
        /* Disabled depth ignores these: store the defaults so equal states match. */
        out->DepthWriteMask = D3D11_DEPTH_WRITE_MASK_ALL;
        out->DepthFunc = D3D11_COMPARISON_LESS;
    }
    out->StencilEnable = !!in->StencilEnable;
    if (out->StencilEnable)
    {
        if (!stencil_face_valid(&in->FrontFace) || !stencil_face_valid(&in->BackFace))
            return E_INVALIDARG;
        out->StencilReadMask = in->StencilReadMask;
        out->StencilWriteMask = in->StencilWriteMask;
        out->FrontFace = in->FrontFace;
        out->BackFace = in->BackFace;
    }
    else
    {
        out->StencilReadMask = D3D11_DEFAULT_STENCIL_READ_MASK;
        out->StencilWriteMask = D3D11_DEFAULT_STENCIL_WRITE_MASK;
        out->FrontFace = out->BackFace = default_face;
    }
    return S_OK;
}

static void ds_state_destroy(struct d3d11vk_child *child)
{
    struct d3d11_depthstencil_state *state = CONTAINING_RECORD(child, struct d3d11_depthstencil_state, child);
    state_cache_remove(&state->entry);
    free(state);
}

static void ds_state_free_fresh(void *object)
{
    struct d3d11_depthstencil_state *state = object;
    state_child_abandon(&state->child);
    free(state);
}

HRESULT d3d11_depthstencil_state_create(struct d3d11_device *device, const D3D11_DEPTH_STENCIL_DESC *desc,
        struct d3d11_depthstencil_state **out)
{
    struct d3d11_depthstencil_state *state;
    D3D11_DEPTH_STENCIL_DESC normalized;
    void *object, *iface;
    HRESULT hr;

    *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = normalize_ds_desc(desc, &normalized)))
        return hr;
    if (!(state = calloc(1, sizeof(*state))))
        return E_OUTOFMEMORY;
    state->ID3D11DepthStencilState_iface.lpVtbl = &d3d11_ds_state_vtbl;
    state->desc = normalized;
    state->depth_test = normalized.DepthEnable;
    state->depth_write = normalized.DepthEnable && normalized.DepthWriteMask == D3D11_DEPTH_WRITE_MASK_ALL;
    state->depth_compare = vk_compare_op(normalized.DepthFunc);
    state->stencil_test = normalized.StencilEnable;
    vk_stencil_face(&normalized, &normalized.FrontFace, &state->front);
    vk_stencil_face(&normalized, &normalized.BackFace, &state->back);
    state->entry.kind = D3D11_STATE_DEPTH_STENCIL;
    state->entry.key = &state->desc;
    state->entry.key_size = sizeof(state->desc);
    state->entry.hash = hash_bytes(&state->desc, sizeof(state->desc), D3D11_STATE_DEPTH_STENCIL);
    state->entry.child = &state->child;
    state_child_init(&state->child, device, ds_state_destroy);
    object = state;
    if (FAILED(hr = state_publish(device, &state->entry, &object, offsetof(struct d3d11_depthstencil_state, child),
            offsetof(struct d3d11_depthstencil_state, ID3D11DepthStencilState_iface), ds_state_free_fresh, &iface)))
        return hr;
    *out = object;
    return S_OK;
}

/* Rasterizer state ------------------------------------------------------------------------- */

D3D11VK_DEVICE_CHILD_BASE_METHODS(d3d11_rs_state, ID3D11RasterizerState2, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface)

static const struct d3d11vk_qi_entry rs_qi[] =
{
    { &IID_ID3D11RasterizerState2, offsetof(struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface) },
    { &IID_ID3D11RasterizerState1, offsetof(struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface) },
    { &IID_ID3D11RasterizerState, offsetof(struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_rs_state_QueryInterface(ID3D11RasterizerState2 *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(CONTAINING_RECORD(iface, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface),
            rs_qi, ARRAY_SIZE(rs_qi), riid, out);
}

static void STDMETHODCALLTYPE d3d11_rs_state_GetDesc(ID3D11RasterizerState2 *iface, D3D11_RASTERIZER_DESC *desc)
{
    const D3D11_RASTERIZER_DESC2 *d = &CONTAINING_RECORD(iface, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface)->desc;
    memcpy(desc, d, sizeof(*desc));   /* DESC is DESC2's prefix */
}

static void STDMETHODCALLTYPE d3d11_rs_state_GetDesc1(ID3D11RasterizerState2 *iface, D3D11_RASTERIZER_DESC1 *desc)
{
    const D3D11_RASTERIZER_DESC2 *d = &CONTAINING_RECORD(iface, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface)->desc;
    memcpy(desc, d, sizeof(*desc));   /* DESC1 is DESC2's prefix */
}

static void STDMETHODCALLTYPE d3d11_rs_state_GetDesc2(ID3D11RasterizerState2 *iface, D3D11_RASTERIZER_DESC2 *desc)
{
    *desc = CONTAINING_RECORD(iface, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface)->desc;
}

static const ID3D11RasterizerState2Vtbl d3d11_rs_state_vtbl =
{
    .QueryInterface = d3d11_rs_state_QueryInterface,
    .AddRef = d3d11_rs_state_AddRef,
    .Release = d3d11_rs_state_Release,
    .GetDevice = d3d11_rs_state_GetDevice,
    .GetPrivateData = d3d11_rs_state_GetPrivateData,
    .SetPrivateData = d3d11_rs_state_SetPrivateData,
    .SetPrivateDataInterface = d3d11_rs_state_SetPrivateDataInterface,
    .GetDesc = d3d11_rs_state_GetDesc,
    .GetDesc1 = d3d11_rs_state_GetDesc1,
    .GetDesc2 = d3d11_rs_state_GetDesc2,
};

struct d3d11_rasterizer_state *d3d11_rasterizer_state_from_iface(ID3D11RasterizerState *iface)
{
    if (!iface || iface->lpVtbl != (const void *)&d3d11_rs_state_vtbl)
        return NULL;
    return CONTAINING_RECORD(iface, struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface);
}

static HRESULT normalize_rs_desc(struct d3d11_device *device, const D3D11_RASTERIZER_DESC2 *in, D3D11_RASTERIZER_DESC2 *out)
{
    UINT n = in->ForcedSampleCount;

    if (in->FillMode != D3D11_FILL_WIREFRAME && in->FillMode != D3D11_FILL_SOLID)
        return E_INVALIDARG;
    if (in->CullMode < D3D11_CULL_NONE || in->CullMode > D3D11_CULL_BACK)
        return E_INVALIDARG;
    /* D3D11.1: forced sample counts 0 (not forced), 1, 2, 4, 8 and 16. */
    if (n != 0 && n != 1 && n != 2 && n != 4 && n != 8 && n != 16)
        return E_INVALIDARG;
    if (n && device->feature_level < D3D_FEATURE_LEVEL_11_0)
        return E_INVALIDARG;
    /* CheckFeatureSupport reports no conservative rasterization tier and pipelines have no
     * conservative state yet: ON is refused, as D3D11 does on such a device. */
    if (in->ConservativeRaster != D3D11_CONSERVATIVE_RASTERIZATION_MODE_OFF)
        return E_INVALIDARG;
    *out = *in;
    out->FrontCounterClockwise = !!in->FrontCounterClockwise;
    out->DepthClipEnable = !!in->DepthClipEnable;
    out->ScissorEnable = !!in->ScissorEnable;
    out->MultisampleEnable = !!in->MultisampleEnable;
    out->AntialiasedLineEnable = !!in->AntialiasedLineEnable;
    return S_OK;
}

static void rs_state_destroy(struct d3d11vk_child *child)
{
    struct d3d11_rasterizer_state *state = CONTAINING_RECORD(child, struct d3d11_rasterizer_state, child);
    state_cache_remove(&state->entry);
    free(state);
}

static void rs_state_free_fresh(void *object)
{
    struct d3d11_rasterizer_state *state = object;
    state_child_abandon(&state->child);
    free(state);
}

HRESULT d3d11_rasterizer_state_create(struct d3d11_device *device, const D3D11_RASTERIZER_DESC2 *desc,
        struct d3d11_rasterizer_state **out)
{
    struct d3d11_rasterizer_state *state;
    D3D11_RASTERIZER_DESC2 normalized;
    void *object, *iface;
    HRESULT hr;

    *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = normalize_rs_desc(device, desc, &normalized)))
        return hr;
    if (!(state = calloc(1, sizeof(*state))))
        return E_OUTOFMEMORY;
    state->ID3D11RasterizerState2_iface.lpVtbl = &d3d11_rs_state_vtbl;
    state->desc = normalized;
    state->polygon_mode = normalized.FillMode == D3D11_FILL_WIREFRAME ? VK_POLYGON_MODE_LINE : VK_POLYGON_MODE_FILL;
    state->cull_mode = normalized.CullMode == D3D11_CULL_FRONT ? VK_CULL_MODE_FRONT_BIT
            : normalized.CullMode == D3D11_CULL_BACK ? VK_CULL_MODE_BACK_BIT : VK_CULL_MODE_NONE;
    /* D3D11 front faces are clockwise unless FrontCounterClockwise; Vulkan's y-down viewport
     * (as the backend sets it) keeps the winding as D3D sees it. */
    state->front_face = normalized.FrontCounterClockwise ? VK_FRONT_FACE_COUNTER_CLOCKWISE : VK_FRONT_FACE_CLOCKWISE;
    state->depth_bias_enable = normalized.DepthBias || normalized.SlopeScaledDepthBias != 0.0f;
    state->depth_bias_constant = (float)normalized.DepthBias;
    state->depth_bias_clamp = normalized.DepthBiasClamp;
    state->depth_bias_slope = normalized.SlopeScaledDepthBias;
    state->depth_clip_enable = normalized.DepthClipEnable;
    state->scissor_enable = normalized.ScissorEnable;
    state->conservative = normalized.ConservativeRaster == D3D11_CONSERVATIVE_RASTERIZATION_MODE_ON;
    state->forced_samples = (VkSampleCountFlagBits)normalized.ForcedSampleCount;
    state->entry.kind = D3D11_STATE_RASTERIZER;
    state->entry.key = &state->desc;
    state->entry.key_size = sizeof(state->desc);
    state->entry.hash = hash_bytes(&state->desc, sizeof(state->desc), D3D11_STATE_RASTERIZER);
    state->entry.child = &state->child;
    state_child_init(&state->child, device, rs_state_destroy);
    object = state;
    if (FAILED(hr = state_publish(device, &state->entry, &object, offsetof(struct d3d11_rasterizer_state, child),
            offsetof(struct d3d11_rasterizer_state, ID3D11RasterizerState2_iface), rs_state_free_fresh, &iface)))
        return hr;
    *out = object;
    return S_OK;
}

/* Sampler state --------------------------------------------------------------------------- */

D3D11VK_DEVICE_CHILD_BASE_METHODS(d3d11_sampler, ID3D11SamplerState, struct d3d11_sampler_state, ID3D11SamplerState_iface)

static const struct d3d11vk_qi_entry sampler_qi[] =
{
    { &IID_ID3D11SamplerState, offsetof(struct d3d11_sampler_state, ID3D11SamplerState_iface) },
    { &IID_ID3D11DeviceChild, offsetof(struct d3d11_sampler_state, ID3D11SamplerState_iface) },
};

static HRESULT STDMETHODCALLTYPE d3d11_sampler_QueryInterface(ID3D11SamplerState *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(CONTAINING_RECORD(iface, struct d3d11_sampler_state, ID3D11SamplerState_iface),
            sampler_qi, ARRAY_SIZE(sampler_qi), riid, out);
}

static void STDMETHODCALLTYPE d3d11_sampler_GetDesc(ID3D11SamplerState *iface, D3D11_SAMPLER_DESC *desc)
{
    *desc = CONTAINING_RECORD(iface, struct d3d11_sampler_state, ID3D11SamplerState_iface)->desc;
}

static const ID3D11SamplerStateVtbl d3d11_sampler_vtbl =
{
    .QueryInterface = d3d11_sampler_QueryInterface,
    .AddRef = d3d11_sampler_AddRef,
    .Release = d3d11_sampler_Release,
    .GetDevice = d3d11_sampler_GetDevice,
    .GetPrivateData = d3d11_sampler_GetPrivateData,
    .SetPrivateData = d3d11_sampler_SetPrivateData,
    .SetPrivateDataInterface = d3d11_sampler_SetPrivateDataInterface,
    .GetDesc = d3d11_sampler_GetDesc,
};

struct d3d11_sampler_state *d3d11_sampler_state_from_iface(ID3D11SamplerState *iface)
{
    if (!iface || iface->lpVtbl != &d3d11_sampler_vtbl)
        return NULL;
    return CONTAINING_RECORD(iface, struct d3d11_sampler_state, ID3D11SamplerState_iface);
}

/* D3D11_FILTER bits: mip linear 0x1, mag linear 0x4, min linear 0x10, anisotropic 0x40
 * (always with all three linear bits: 0x55), reduction in bits 7-8. */
#define FILTER_MIP_LINEAR 0x1u
#define FILTER_MAG_LINEAR 0x4u
#define FILTER_MIN_LINEAR 0x10u
#define FILTER_ANISO      0x40u
#define FILTER_REDUCTION_SHIFT 7
enum filter_reduction { REDUCTION_STANDARD, REDUCTION_COMPARISON, REDUCTION_MINIMUM, REDUCTION_MAXIMUM };

static bool filter_valid(UINT f)
{
    if (f & ~(FILTER_MIP_LINEAR | FILTER_MAG_LINEAR | FILTER_MIN_LINEAR | FILTER_ANISO | (3u << FILTER_REDUCTION_SHIFT)))
        return false;
    if ((f & FILTER_ANISO) && (f & 0x15u) != 0x15u)
        return false;
    return true;
}

static bool address_valid(D3D11_TEXTURE_ADDRESS_MODE m)
{
    return m >= D3D11_TEXTURE_ADDRESS_WRAP && m <= D3D11_TEXTURE_ADDRESS_MIRROR_ONCE;
}

static HRESULT validate_sampler_desc(struct d3d11_device *device, const D3D11_SAMPLER_DESC *d)
{
    UINT reduction = (d->Filter >> FILTER_REDUCTION_SHIFT) & 3u;

    if (!filter_valid(d->Filter))
        return E_INVALIDARG;
    if ((reduction == REDUCTION_MINIMUM || reduction == REDUCTION_MAXIMUM)
            && !device->vk->extensions[VK_EXT_INDEX_SAMPLER_FILTER_MINMAX])
        return E_INVALIDARG;
    if (!address_valid(d->AddressU) || !address_valid(d->AddressV) || !address_valid(d->AddressW))
        return E_INVALIDARG;
    /* D3D11_MIP_LOD_BIAS_MIN/MAX; NaN fails every comparison and is rejected too. */
    if (!(d->MipLODBias >= D3D11_MIP_LOD_BIAS_MIN && d->MipLODBias <= D3D11_MIP_LOD_BIAS_MAX))
        return E_INVALIDARG;
    if (d->MaxAnisotropy > D3D11_MAX_MAXANISOTROPY)
        return E_INVALIDARG;
    if (reduction == REDUCTION_COMPARISON && !comparison_valid(d->ComparisonFunc))
        return E_INVALIDARG;
    if (isnan(d->MinLOD) || isnan(d->MaxLOD) || d->MinLOD > d->MaxLOD)
        return E_INVALIDARG;
    return S_OK;
}

static VkSamplerAddressMode vk_address_mode(D3D11_TEXTURE_ADDRESS_MODE m)
{
    switch (m)
    {
        case D3D11_TEXTURE_ADDRESS_WRAP: return VK_SAMPLER_ADDRESS_MODE_REPEAT;
        case D3D11_TEXTURE_ADDRESS_MIRROR: return VK_SAMPLER_ADDRESS_MODE_MIRRORED_REPEAT;
        case D3D11_TEXTURE_ADDRESS_CLAMP: return VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_EDGE;
        case D3D11_TEXTURE_ADDRESS_BORDER: return VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
        case D3D11_TEXTURE_ADDRESS_MIRROR_ONCE: return VK_SAMPLER_ADDRESS_MODE_MIRROR_CLAMP_TO_EDGE;
    }
    return VK_SAMPLER_ADDRESS_MODE_REPEAT;
}

static bool uses_border(const D3D11_SAMPLER_DESC *d)
{
    return d->AddressU == D3D11_TEXTURE_ADDRESS_BORDER || d->AddressV == D3D11_TEXTURE_ADDRESS_BORDER
            || d->AddressW == D3D11_TEXTURE_ADDRESS_BORDER;
}

static VkResult create_vk_sampler(struct vk_device *vk, const D3D11_SAMPLER_DESC *d, VkSampler *sampler)
{
    VkSamplerCustomBorderColorCreateInfoEXT custom = { VK_STRUCTURE_TYPE_SAMPLER_CUSTOM_BORDER_COLOR_CREATE_INFO_EXT };
    VkSamplerReductionModeCreateInfo reduction_info = { VK_STRUCTURE_TYPE_SAMPLER_REDUCTION_MODE_CREATE_INFO };
    VkSamplerCreateInfo info = { VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO };
    UINT reduction = (d->Filter >> FILTER_REDUCTION_SHIFT) & 3u;
    const float *c = d->BorderColor;
    const void **chain = &info.pNext;

    info.magFilter = (d->Filter & FILTER_MAG_LINEAR) ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
    info.minFilter = (d->Filter & FILTER_MIN_LINEAR) ? VK_FILTER_LINEAR : VK_FILTER_NEAREST;
    info.mipmapMode = (d->Filter & FILTER_MIP_LINEAR) ? VK_SAMPLER_MIPMAP_MODE_LINEAR : VK_SAMPLER_MIPMAP_MODE_NEAREST;
    info.addressModeU = vk_address_mode(d->AddressU);
    info.addressModeV = vk_address_mode(d->AddressV);
    info.addressModeW = vk_address_mode(d->AddressW);
    info.mipLodBias = d->MipLODBias;
    if ((d->Filter & FILTER_ANISO) && vk->enabled.core.features.samplerAnisotropy && d->MaxAnisotropy > 1)
    {
        info.anisotropyEnable = VK_TRUE;
        info.maxAnisotropy = (float)d->MaxAnisotropy;
        if (info.maxAnisotropy > vk->adapter->properties.properties.limits.maxSamplerAnisotropy)
            info.maxAnisotropy = vk->adapter->properties.properties.limits.maxSamplerAnisotropy;
    }
    if (reduction == REDUCTION_COMPARISON)
    {
        info.compareEnable = VK_TRUE;
        info.compareOp = vk_compare_op(d->ComparisonFunc);
    }
    else if (reduction != REDUCTION_STANDARD)
    {
        reduction_info.reductionMode = reduction == REDUCTION_MINIMUM ? VK_SAMPLER_REDUCTION_MODE_MIN
                : VK_SAMPLER_REDUCTION_MODE_MAX;
        *chain = &reduction_info;
        chain = (const void **)&reduction_info.pNext;
    }
    /* D3D11's LOD range is unbounded above (D3D11_FLOAT32_MAX means "all"); Vulkan clamps to
     * the mip count of the view anyway. */
    info.minLod = d->MinLOD < 0.0f ? 0.0f : d->MinLOD;
    info.maxLod = d->MaxLOD < info.minLod ? info.minLod : d->MaxLOD;
    if (info.maxLod > 1000.0f)
        info.maxLod = VK_LOD_CLAMP_NONE;
    info.borderColor = VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK;
    if (uses_border(d))
    {
        if (c[0] == 0.0f && c[1] == 0.0f && c[2] == 0.0f && c[3] == 0.0f)
            info.borderColor = VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK;
        else if (c[0] == 0.0f && c[1] == 0.0f && c[2] == 0.0f && c[3] == 1.0f)
            info.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_BLACK;
        else if (c[0] == 1.0f && c[1] == 1.0f && c[2] == 1.0f && c[3] == 1.0f)
            info.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;
        else if (vk->extensions[VK_EXT_INDEX_CUSTOM_BORDER_COLOR] && vk->enabled.border_color.customBorderColors)
        {
            info.borderColor = VK_BORDER_COLOR_FLOAT_CUSTOM_EXT;
            memcpy(custom.customBorderColor.float32, c, sizeof(custom.customBorderColor.float32));
            custom.format = VK_FORMAT_UNDEFINED;
            *chain = &custom;
        }
        else
        {
            FIXME("Custom border colours are not offered by the device; using the nearest standard one.");
            info.borderColor = c[3] >= 0.5f ? (c[0] + c[1] + c[2] >= 1.5f ? VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE
                    : VK_BORDER_COLOR_FLOAT_OPAQUE_BLACK) : VK_BORDER_COLOR_FLOAT_TRANSPARENT_BLACK;
        }
    }
    return vk->vk.vkCreateSampler(vk->device, &info, NULL, sampler);
}

struct sampler_holder
{
    struct vk_object obj;
    VkSampler sampler;
};

static void sampler_holder_destroy(struct vk_object *obj)
{
    struct sampler_holder *h = CONTAINING_RECORD(obj, struct sampler_holder, obj);

    obj->device->vk.vkDestroySampler(obj->device->device, h->sampler, NULL);
    free(h);
}

static void sampler_free(struct d3d11_sampler_state *state)
{
    /* The holder destroys the Vulkan sampler once no recorded work references it any more. */
    if (state->sampler_obj)
        vk_object_release(state->sampler_obj);
    else if (state->sampler)
        state->vk->vk.vkDestroySampler(state->vk->device, state->sampler, NULL);
    if (state->vk)
        vk_device_release(state->vk);
    free(state);
}

static void sampler_destroy(struct d3d11vk_child *child)
{
    struct d3d11_sampler_state *state = CONTAINING_RECORD(child, struct d3d11_sampler_state, child);
    state_cache_remove(&state->entry);
    sampler_free(state);
}

static void sampler_free_fresh(void *object)
{
    struct d3d11_sampler_state *state = object;
    state_child_abandon(&state->child);
    sampler_free(state);
}

HRESULT d3d11_sampler_state_create(struct d3d11_device *device, const D3D11_SAMPLER_DESC *desc,
        struct d3d11_sampler_state **out)
{
    struct d3d11_sampler_state *state;
    void *object, *iface;
    VkResult vr;
    HRESULT hr;

    *out = NULL;
    if (!desc)
        return E_INVALIDARG;
    if (FAILED(hr = validate_sampler_desc(device, desc)))
        return hr;
    if (!(state = calloc(1, sizeof(*state))))
        return E_OUTOFMEMORY;
    state->ID3D11SamplerState_iface.lpVtbl = &d3d11_sampler_vtbl;
    state->desc = *desc;
    /* The Vulkan sampler exists before the object is visible to other threads; a duplicate
     * description frees it again. */
    vk_device_addref(device->vk);
    state->vk = device->vk;
    if ((vr = create_vk_sampler(device->vk, desc, &state->sampler)) != VK_SUCCESS)
    {
        LOG_ERR("vkCreateSampler failed: %s.", vk_result_str(vr));
        state->sampler = VK_NULL_HANDLE;
        sampler_free(state);
        return E_OUTOFMEMORY;
    }
    {
        struct sampler_holder *h = calloc(1, sizeof(*h));

        if (!h)
        {
            sampler_free(state);
            return E_OUTOFMEMORY;
        }
        vk_object_init(&h->obj, device->vk, VK_OBJ_MARKER, sampler_holder_destroy);
        h->sampler = state->sampler;
        state->sampler_obj = &h->obj;
    }
    state->entry.kind = D3D11_STATE_SAMPLER;
    state->entry.key = &state->desc;
    state->entry.key_size = sizeof(state->desc);
    state->entry.hash = hash_bytes(&state->desc, sizeof(state->desc), D3D11_STATE_SAMPLER);
    state->entry.child = &state->child;
    state_child_init(&state->child, device, sampler_destroy);
    object = state;
    if (FAILED(hr = state_publish(device, &state->entry, &object, offsetof(struct d3d11_sampler_state, child),
            offsetof(struct d3d11_sampler_state, ID3D11SamplerState_iface), sampler_free_fresh, &iface)))
        return hr;
    *out = object;
    return S_OK;
}
