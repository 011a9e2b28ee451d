/* shared_handle.c — the portable part of shared handles: header checksum and validation,
 * section layout, access masks, the keyed mutex and fence counters over a sync block. */
#include "shared_handle.h"

_Static_assert(sizeof(struct shared_header) <= SHARED_SYNC_OFFSET, "header overlaps the sync block");
_Static_assert(SHARED_SYNC_OFFSET + sizeof(struct shared_sync) <= SHARED_DATA_ALIGN, "sync block overlaps the data");
_Static_assert(offsetof(struct shared_header, checksum) % 4 == 0, "checksum alignment");

/* CRC-32 (IEEE, reflected), bitwise: headers are a few hundred bytes. */
uint32_t shared_checksum(const void *data, size_t size)
{
    const uint8_t *p = data;
    uint32_t crc = 0xffffffffu;
    size_t i;
    int b;

    for (i = 0; i < size; ++i)
    {
        crc ^= p[i];
        for (b = 0; b < 8; ++b)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

void shared_header_seal(struct shared_header *header)
{
    header->magic = SHARED_HANDLE_MAGIC;
    header->version = SHARED_HANDLE_VERSION;
    header->header_size = sizeof(*header);
    header->reserved0 = header->reserved1 = 0;
    header->checksum = shared_checksum(header, offsetof(struct shared_header, checksum));
}

bool shared_section_layout(uint64_t data_size, uint64_t *data_offset, uint64_t *section_size)
{
    uint64_t offset = SHARED_DATA_ALIGN, size;

    if (data_size > SHARED_MAX_SECTION - offset)
        return false;
    size = align_u64(offset + data_size, SHARED_DATA_ALIGN);
    *data_offset = data_size ? offset : 0;
    *section_size = size < SHARED_MIN_SECTION ? SHARED_MIN_SECTION : size;
    return true;
}

static bool desc_is_valid(const struct shared_resource_desc *d)
{
    switch (d->dimension)
    {
        case 1: /* buffer */
            return d->width && d->height <= 1 && d->depth <= 1 && d->array_size <= 1 && d->mip_levels <= 1;
        case 2: /* texture 1D */
            return d->width && d->width <= 16384 && d->height == 1 && d->depth == 1
                    && d->array_size && d->array_size <= 2048 && d->mip_levels && d->mip_levels <= 15;
        case 3: /* texture 2D */
            return d->width && d->width <= 16384 && d->height && d->height <= 16384 && d->depth == 1
                    && d->array_size && d->array_size <= 2048 && d->mip_levels && d->mip_levels <= 15
                    && d->sample_count && d->sample_count <= 32;
        case 4: /* texture 3D */
            return d->width && d->width <= 2048 && d->height && d->height <= 2048 && d->depth
                    && d->depth <= 2048 && d->array_size == 1 && d->mip_levels && d->mip_levels <= 12;
        default:
            return false;
    }
}

HRESULT shared_header_validate(const void *data, size_t size, uint32_t kind, uint32_t api)
{
    struct shared_header h;
    uint64_t end;

    if (!data || size < sizeof(h))
        return E_INVALIDARG;
    memcpy(&h, data, sizeof(h));   /* one snapshot: the section may change under us */
    if (h.magic != SHARED_HANDLE_MAGIC || h.version != SHARED_HANDLE_VERSION || h.header_size != sizeof(h))
        return E_INVALIDARG;
    if (h.checksum != shared_checksum(&h, offsetof(struct shared_header, checksum)))
        return E_INVALIDARG;
    if (h.flags & ~SHARED_FLAGS_ALL)
        return E_INVALIDARG;
    /* A redirect section only needs to hold the header. */
    if (h.section_size > size || h.section_size > SHARED_MAX_SECTION)
        return E_INVALIDARG;
    if (!(h.flags & SHARED_FLAG_REDIRECT) && h.section_size < SHARED_DATA_ALIGN)
        return E_INVALIDARG;
    if (h.kind != SHARED_KIND_RESOURCE && h.kind != SHARED_KIND_FENCE)
        return E_INVALIDARG;
    if (h.api != SHARED_API_NT && h.api != SHARED_API_KMT)
        return E_INVALIDARG;
    if (h.tier >= SHARED_TIER_COUNT || !shared_key_is_valid(h.key) || !h.unique_id)
        return E_INVALIDARG;
    if ((kind && h.kind != kind) || (api && h.api != api))
        return E_INVALIDARG;
    /* An exported semaphore comes with the fd/win32 tiers only, and names its handle. */
    if ((h.flags & SHARED_FLAG_SEMAPHORE) && ((h.tier != SHARED_TIER_FD && h.tier != SHARED_TIER_WIN32)
            || !h.payload.semaphore_handle))
        return E_INVALIDARG;
    /* Fences: the sync block alone, or an exported timeline semaphore. */
    if (h.kind == SHARED_KIND_FENCE)
        return h.tier == SHARED_TIER_NONE || (h.flags & SHARED_FLAG_SEMAPHORE) ? S_OK : E_INVALIDARG;
    if (h.tier == SHARED_TIER_NONE || !desc_is_valid(&h.desc))
        return E_INVALIDARG;
    if ((h.tier == SHARED_TIER_FD || h.tier == SHARED_TIER_WIN32) && !(h.flags & SHARED_FLAG_REDIRECT)
            && (!h.payload.alloc_size || !h.payload.memory_type_bits))
        return E_INVALIDARG;
    if (h.tier == SHARED_TIER_HOST && !(h.flags & SHARED_FLAG_REDIRECT))
    {
        if (!h.payload.data_size || h.payload.data_offset < SHARED_DATA_ALIGN
                || h.payload.data_offset % SHARED_DATA_ALIGN
                || __builtin_add_overflow(h.payload.data_offset, h.payload.data_size, &end)
                || end > h.section_size)
            return E_INVALIDARG;
    }
    return S_OK;
}

static const char *const tier_names[SHARED_TIER_COUNT] = {"none", "inprocess", "fd", "host", "win32"};

const char *shared_tier_name(enum shared_tier tier)
{
    return (unsigned int)tier < SHARED_TIER_COUNT ? tier_names[tier] : "invalid";
}

enum shared_tier shared_tier_from_name(const char *name)
{
    unsigned int i;

    for (i = SHARED_TIER_INPROCESS; name && i < SHARED_TIER_COUNT; ++i)
        if (!strcasecmp(name, tier_names[i]))
            return i;
    return SHARED_TIER_NONE;
}

bool shared_access_is_valid(DWORD access)
{
    return access && !(access & ~(DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE | GENERIC_ALL));
}

bool shared_access_allows_write(DWORD access)
{
    return !!(access & (DXGI_SHARED_RESOURCE_WRITE | GENERIC_ALL));
}

/* Keyed mutex. The owner word is only changed by compare-exchange; km_key only by the
 * holder, before it clears the owner word (release order), so an acquirer that wins the
 * owner word re-checks the key and hands the mutex back if another holder changed it. */
static volatile LONG keyed_mutex_tokens;

HRESULT d3d11vk_keyed_mutex_init(struct d3d11vk_keyed_mutex *km, struct shared_sync *sync, uint32_t key)
{
    HRESULT hr;

    memset(km, 0, sizeof(*km));
    if (FAILED(hr = shared_waiter_init(&km->waiter, key, 0)))
        return hr;
    km->sync = sync;
    km->owner_tag = ((uint64_t)plat_process_id() << 32) | atomic_inc_u32(&keyed_mutex_tokens);
    plat_mutex_init(&km->lock);
    return S_OK;
}

void d3d11vk_keyed_mutex_cleanup(struct d3d11vk_keyed_mutex *km)
{
    if (!km->sync)
        return;
    /* Releasing a resource that holds the mutex leaves it free with its key unchanged. */
    if (km->held)
    {
        uint64_t expected = km->owner_tag;
        __atomic_compare_exchange_n(&km->sync->km_owner, &expected, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED);
        shared_waiter_wake(&km->waiter, &km->sync->km_seq);
    }
    shared_waiter_cleanup(&km->waiter);
    plat_mutex_destroy(&km->lock);
    km->sync = NULL;
}

bool d3d11vk_keyed_mutex_is_held(struct d3d11vk_keyed_mutex *km)
{
    return km->held;
}

/* One attempt: S_OK, WAIT_ABANDONED, or S_FALSE (busy / other key). */
static HRESULT keyed_mutex_try(struct d3d11vk_keyed_mutex *km, UINT64 key)
{
    struct shared_sync *s = km->sync;
    uint64_t owner = __atomic_load_n(&s->km_owner, __ATOMIC_ACQUIRE), expected;

    if (owner)
    {
        uint32_t pid = (uint32_t)(owner >> 32);
        if (pid == plat_process_id() || shared_process_alive(pid))
            return S_FALSE;
        /* The holder's process is gone: the mutex is abandoned; the first acquirer gets it
         * whatever key it asks for. */
        expected = owner;
        if (!__atomic_compare_exchange_n(&s->km_owner, &expected, km->owner_tag, false,
                __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            return S_FALSE;
        __atomic_store_n(&s->km_key, key, __ATOMIC_RELAXED);
        __atomic_add_fetch(&s->km_abandoned, 1, __ATOMIC_RELAXED);
        return WAIT_ABANDONED;
    }
    if (__atomic_load_n(&s->km_key, __ATOMIC_ACQUIRE) != key)
        return S_FALSE;
    expected = 0;
    if (!__atomic_compare_exchange_n(&s->km_owner, &expected, km->owner_tag, false,
            __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return S_FALSE;
    if (__atomic_load_n(&s->km_key, __ATOMIC_ACQUIRE) == key)
        return S_OK;
    /* Another holder released with a different key between our two reads. */
    __atomic_store_n(&s->km_owner, 0, __ATOMIC_RELEASE);
    shared_waiter_wake(&km->waiter, &s->km_seq);
    return S_FALSE;
}

HRESULT d3d11vk_keyed_mutex_acquire(struct d3d11vk_keyed_mutex *km, UINT64 key, DWORD ms)
{
    uint64_t start = plat_time_ns(), elapsed_ms;
    uint32_t seq, wait_ms;
    HRESULT hr;

    plat_mutex_lock(&km->lock);
    if (km->held)
    {
        plat_mutex_unlock(&km->lock);
        return DXGI_ERROR_INVALID_CALL;
    }
    for (;;)
    {
        seq = __atomic_load_n(&km->sync->km_seq, __ATOMIC_ACQUIRE);
        if ((hr = keyed_mutex_try(km, key)) != S_FALSE)
            break;
        elapsed_ms = (plat_time_ns() - start) / 1000000;
        if (ms != INFINITE && elapsed_ms >= ms)
        {
            hr = WAIT_TIMEOUT;
            break;
        }
        /* Bounded waits so a dead holder is noticed even without a wake-up. */
        wait_ms = ms == INFINITE ? 100 : (uint32_t)d3d11vk_min(ms - elapsed_ms, 100);
        shared_waiter_wait(&km->waiter, &km->sync->km_seq, seq, wait_ms);
    }
    if (hr == S_OK || hr == WAIT_ABANDONED)
        km->held = true;
    plat_mutex_unlock(&km->lock);
    return hr;
}

HRESULT d3d11vk_keyed_mutex_release(struct d3d11vk_keyed_mutex *km, UINT64 key)
{
    uint64_t expected;

    plat_mutex_lock(&km->lock);
    if (!km->held || __atomic_load_n(&km->sync->km_owner, __ATOMIC_ACQUIRE) != km->owner_tag)
    {
        km->held = false;
        plat_mutex_unlock(&km->lock);
        return DXGI_ERROR_INVALID_CALL;
    }
    __atomic_store_n(&km->sync->km_key, key, __ATOMIC_RELEASE);
    expected = km->owner_tag;
    __atomic_compare_exchange_n(&km->sync->km_owner, &expected, 0, false, __ATOMIC_RELEASE, __ATOMIC_RELAXED);
    km->held = false;
    shared_waiter_wake(&km->waiter, &km->sync->km_seq);
    plat_mutex_unlock(&km->lock);
    return S_OK;
}

uint64_t shared_fence_get(const struct shared_sync *sync)
{
    return __atomic_load_n(&sync->fence_value, __ATOMIC_ACQUIRE);
}

void shared_fence_set(struct shared_sync *sync, struct shared_waiter *w, uint64_t value)
{
    __atomic_store_n(&sync->fence_value, value, __ATOMIC_RELEASE);
    shared_waiter_wake(w, &sync->fence_seq);
}

bool shared_fence_wait(struct shared_sync *sync, struct shared_waiter *w, uint64_t value, DWORD ms)
{
    uint64_t start = plat_time_ns(), elapsed_ms;
    uint32_t seq;

    for (;;)
    {
        seq = __atomic_load_n(&sync->fence_seq, __ATOMIC_ACQUIRE);
        if (shared_fence_get(sync) >= value)
            return true;
        elapsed_ms = (plat_time_ns() - start) / 1000000;
        if (ms != INFINITE && elapsed_ms >= ms)
            return false;
        shared_waiter_wait(w, &sync->fence_seq, seq,
                ms == INFINITE ? 100 : (uint32_t)d3d11vk_min(ms - elapsed_ms, 100));
    }
}
