/* fence.c — ID3D11Fence, in one of two modes:
 *   semaphore: a Vulkan timeline semaphore holds the value; ID3D11DeviceContext4::Signal and
 *     Wait are GPU-side (signal/wait operations of the context's next submission). Fences that
 *     are not shared always (the backend device of the process); D3D11_FENCE_FLAG_SHARED fences
 *     where the device exports timeline semaphores (native: VK_KHR_external_semaphore_fd,
 *     PE: _win32): the exporter's semaphore fd / NT handle travels in the section's header
 *     and openers import it (tier fd/win32 + SHARED_FLAG_SEMAPHORE).
 *   counter: other shared fences: a 64-bit value in the section's sync block; Signal sets it
 *     once the context's earlier work completed (CPU wait), Wait blocks the calling thread.
 * Events are set on completion by a watcher thread; NT handles for D3D11_FENCE_FLAG_SHARED fences.
 * Events: Win32 events on PE; on the native build an event handle is an eventfd
 * (HANDLE)(intptr_t)fd, "set" by writing 1 to it. */
#include "sharing.h"
#include "vk_cs.h"
#include "vk_external.h"
#ifdef D3D11VK_NATIVE
# include <unistd.h>
#endif

struct fence_event
{
    UINT64 value;
    HANDLE event;                       /* our duplicate */
};

struct d3d11_fence
{
    ID3D11Fence ID3D11Fence_iface;
    struct d3d11vk_child child;
    struct d3d11_device *device;
    UINT flags;
    struct d3d11_shared *shared;
    struct shared_sync *sync;
    struct shared_waiter waiter;
    struct vk_semaphore *semaphore;     /* semaphore mode (shared->semaphore), else NULL */
    struct fence_host_wait *host_wait;  /* what context workers wait on (made on first use) */

    struct plat_mutex lock;             /* guards events[] and the watcher */
    struct fence_event *events;
    size_t event_count, event_capacity;
    struct plat_thread *watcher;
    bool watcher_running, quit;
};

static const ID3D11FenceVtbl d3d11_fence_vtbl;

/* A context worker's CPU wait for the section's counter (counter mode: the value; semaphore
 * mode: the highest value submitted): a backend object, so recorded commands keep the
 * mapping alive after the fence goes. */
struct fence_host_wait
{
    struct vk_object obj;
    struct d3d11_shared *shared;
    struct shared_waiter waiter;
};

static void fence_host_wait_destroy(struct vk_object *obj)
{
    struct fence_host_wait *w = CONTAINING_RECORD(obj, struct fence_host_wait, obj);

    shared_waiter_cleanup(&w->waiter);
    d3d11_shared_release(w->shared);
    free(w);
}

static void fence_host_wait_run(struct vk_object *obj, uint64_t value)
{
    struct fence_host_wait *w = CONTAINING_RECORD(obj, struct fence_host_wait, obj);

    shared_fence_wait(shared_section_sync(&w->shared->backing), &w->waiter, value, INFINITE);
}

static inline struct d3d11_fence *impl_from_ID3D11Fence(ID3D11Fence *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_fence, ID3D11Fence_iface);
}

static struct d3d11_fence *unsafe_fence(ID3D11Fence *iface)
{
    if (!iface || iface->lpVtbl != &d3d11_fence_vtbl)
        return NULL;
    return impl_from_ID3D11Fence(iface);
}

static bool event_duplicate(HANDLE event, HANDLE *out)
{
#ifdef D3D11VK_NATIVE
    intptr_t fd = (intptr_t)event;
    int dup_fd;

    if (fd <= 0 || fd > INT32_MAX || (dup_fd = dup((int)fd)) < 0)
        return false;
    *out = (HANDLE)(intptr_t)dup_fd;
    return true;
#else
    HANDLE process = GetCurrentProcess();
    return DuplicateHandle(process, event, process, out, 0, FALSE, DUPLICATE_SAME_ACCESS);
#endif
}

static void event_set_and_close(HANDLE event)
{
#ifdef D3D11VK_NATIVE
    uint64_t one = 1;
    if (write((int)(intptr_t)event, &one, sizeof(one)) < 0)
        LOG_WARN("Could not signal event fd %d.", (int)(intptr_t)event);
    close((int)(intptr_t)event);
#else
    SetEvent(event);
    CloseHandle(event);
#endif
}

static UINT64 fence_completed(struct d3d11_fence *fence)
{
    return fence->semaphore ? vk_semaphore_value(fence->semaphore) : shared_fence_get(fence->sync);
}

/* Waits until the value is reached or ms pass (INFINITE: for ever); true when reached. */
static bool fence_wait_cpu(struct d3d11_fence *fence, UINT64 value, DWORD ms)
{
    if (!fence->semaphore)
        return shared_fence_wait(fence->sync, &fence->waiter, value, ms);
    return vk_semaphore_wait(fence->semaphore, value, ms == INFINITE ? UINT64_MAX : (uint64_t)ms * 1000000) == VK_SUCCESS;
}

/* Sets and drops every event whose value was reached; returns the smallest pending value
 * (UINT64_MAX when none). Called with the lock held. */
static UINT64 fence_fire_events(struct d3d11_fence *fence)
{
    UINT64 completed = fence_completed(fence), lowest = UINT64_MAX;
    size_t i = 0;

    while (i < fence->event_count)
    {
        if (fence->events[i].value <= completed)
        {
            event_set_and_close(fence->events[i].event);
            fence->events[i] = fence->events[--fence->event_count];
            continue;
        }
        lowest = d3d11vk_min(lowest, fence->events[i].value);
        ++i;
    }
    return lowest;
}

static void fence_watcher(void *arg)
{
    struct d3d11_fence *fence = arg;
    UINT64 lowest;

    plat_mutex_lock(&fence->lock);
    while (!fence->quit && (lowest = fence_fire_events(fence)) != UINT64_MAX)
    {
        plat_mutex_unlock(&fence->lock);
        /* Bounded: signals from other processes wake us, and so does destruction. */
        fence_wait_cpu(fence, lowest, 50);
        plat_mutex_lock(&fence->lock);
    }
    fence->watcher_running = false;
    plat_mutex_unlock(&fence->lock);
}

static HRESULT STDMETHODCALLTYPE d3d11_fence_QueryInterface(ID3D11Fence *iface, REFIID riid, void **out)
{
    static const struct d3d11vk_qi_entry qi[] =
    {
        { &IID_ID3D11Fence, offsetof(struct d3d11_fence, ID3D11Fence_iface) },
        { &IID_ID3D11DeviceChild, offsetof(struct d3d11_fence, ID3D11Fence_iface) },
    };
    return d3d11vk_query_interface(impl_from_ID3D11Fence(iface), qi, ARRAY_SIZE(qi), riid, out);
}

D3D11VK_DEVICE_CHILD_BASE_METHODS(d3d11_fence, ID3D11Fence, struct d3d11_fence, ID3D11Fence_iface)

/* D3D11: "Currently the only value [dwAccess] accepts is GENERIC_ALL"; fences created
 * without D3D11_FENCE_FLAG_SHARED cannot be shared. */
static HRESULT STDMETHODCALLTYPE d3d11_fence_CreateSharedHandle(ID3D11Fence *iface, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *handle)
{
    struct d3d11_fence *fence = impl_from_ID3D11Fence(iface);

    if (!handle)
        return E_INVALIDARG;
    *handle = NULL;
    if (!(fence->flags & D3D11_FENCE_FLAG_SHARED) || access != GENERIC_ALL)
        return E_INVALIDARG;
    return shared_section_export(&fence->shared->backing, sa, access, name, handle, &fence->shared->native_names);
}

static UINT64 STDMETHODCALLTYPE d3d11_fence_GetCompletedValue(ID3D11Fence *iface)
{
    return fence_completed(impl_from_ID3D11Fence(iface));
}

static HRESULT STDMETHODCALLTYPE d3d11_fence_SetEventOnCompletion(ID3D11Fence *iface, UINT64 value, HANDLE event)
{
    struct d3d11_fence *fence = impl_from_ID3D11Fence(iface);
    struct fence_event *events;
    HANDLE dup;
    size_t capacity;

    /* No event: block until the value is reached. */
    if (!event)
    {
        fence_wait_cpu(fence, value, INFINITE);
        return S_OK;
    }
    if (!event_duplicate(event, &dup))
        return E_INVALIDARG;
    if (fence_completed(fence) >= value)
    {
        event_set_and_close(dup);
        return S_OK;
    }
    plat_mutex_lock(&fence->lock);
    if (fence->event_count == fence->event_capacity)
    {
        capacity = fence->event_capacity ? fence->event_capacity * 2 : 4;
        if (!(events = realloc(fence->events, capacity * sizeof(*events))))
        {
            plat_mutex_unlock(&fence->lock);
#ifdef D3D11VK_NATIVE
            close((int)(intptr_t)dup);
#else
            CloseHandle(dup);
#endif
            return E_OUTOFMEMORY;
        }
        fence->events = events;
        fence->event_capacity = capacity;
    }
    fence->events[fence->event_count].value = value;
    fence->events[fence->event_count++].event = dup;
    if (!fence->watcher_running)
    {
        /* The previous watcher (if any) has finished its loop: reap it first. */
        if (fence->watcher)
            plat_thread_join(fence->watcher);
        fence->watcher_running = true;
        if (!(fence->watcher = plat_thread_start(fence_watcher, fence, "d3d11vk-fence")))
        {
            fence->watcher_running = false;
            plat_mutex_unlock(&fence->lock);
            return E_OUTOFMEMORY;
        }
    }
    plat_mutex_unlock(&fence->lock);
    return S_OK;
}

static const ID3D11FenceVtbl d3d11_fence_vtbl =
{
    .QueryInterface = d3d11_fence_QueryInterface,
    .AddRef = d3d11_fence_AddRef,
    .Release = d3d11_fence_Release,
    .GetDevice = d3d11_fence_GetDevice,
    .GetPrivateData = d3d11_fence_GetPrivateData,
    .SetPrivateData = d3d11_fence_SetPrivateData,
    .SetPrivateDataInterface = d3d11_fence_SetPrivateDataInterface,
    .CreateSharedHandle = d3d11_fence_CreateSharedHandle,
    .GetCompletedValue = d3d11_fence_GetCompletedValue,
    .SetEventOnCompletion = d3d11_fence_SetEventOnCompletion,
};

static void fence_destroy(struct d3d11vk_child *child)
{
    struct d3d11_fence *fence = CONTAINING_RECORD(child, struct d3d11_fence, child);
    size_t i;

    plat_mutex_lock(&fence->lock);
    fence->quit = true;
    plat_mutex_unlock(&fence->lock);
    if (fence->watcher)
        plat_thread_join(fence->watcher);
    /* Events still pending are dropped unset, as when a fence is released early. */
    for (i = 0; i < fence->event_count; ++i)
    {
#ifdef D3D11VK_NATIVE
        close((int)(intptr_t)fence->events[i].event);
#else
        CloseHandle(fence->events[i].event);
#endif
    }
    free(fence->events);
    plat_mutex_destroy(&fence->lock);
    shared_waiter_cleanup(&fence->waiter);
    if (fence->host_wait)
        vk_object_release(&fence->host_wait->obj);
    d3d11_shared_release(fence->shared);
    free(fence);
}

static HRESULT fence_init(struct d3d11_device *device, struct d3d11_shared *shared, UINT flags,
        REFIID riid, void **out)
{
    struct d3d11_fence *fence;
    HRESULT hr;

    if (!(fence = calloc(1, sizeof(*fence))))
    {
        d3d11_shared_release(shared);
        return E_OUTOFMEMORY;
    }
    if (FAILED(hr = shared_waiter_init(&fence->waiter, shared->header.key, 1)))
    {
        d3d11_shared_release(shared);
        free(fence);
        return hr;
    }
    fence->ID3D11Fence_iface.lpVtbl = &d3d11_fence_vtbl;
    fence->device = device;
    fence->flags = flags;
    fence->shared = shared;
    fence->sync = shared_section_sync(&shared->backing);
    fence->semaphore = shared->semaphore;
    plat_mutex_init(&fence->lock);
    d3d11vk_child_init(&fence->child, (IUnknown *)&device->ID3D11Device5_iface, fence_destroy);
    hr = d3d11_fence_QueryInterface(&fence->ID3D11Fence_iface, riid, out);
    d3d11_fence_Release(&fence->ID3D11Fence_iface);
    return hr;
}

HRESULT d3d11_fence_create(struct d3d11_device *device, UINT64 initial_value, UINT flags, REFIID riid, void **out)
{
    struct vk_semaphore *semaphore = NULL;
    struct shared_section backing;
    struct d3d11_shared *shared;
    struct shared_header *h;
    int semaphore_fd = -1;
    HRESULT hr;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (!riid)
        return E_INVALIDARG;
    /* D3D11_FENCE_FLAG_NONE is 0 in Microsoft's headers and 1 in some others: accept both.
     * Cross-adapter sharing needs a second adapter's memory model: not supported. */
    if (flags & ~(D3D11_FENCE_FLAG_NONE | D3D11_FENCE_FLAG_SHARED | D3D11_FENCE_FLAG_NON_MONITORED))
    {
        if (flags & D3D11_FENCE_FLAG_SHARED_CROSS_ADAPTER)
            LOG_WARN("D3D11_FENCE_FLAG_SHARED_CROSS_ADAPTER is not supported.");
        return E_INVALIDARG;
    }
    /* Semaphore mode: a local timeline semaphore, or an exported one for shared fences where
     * the device can (else the counter in the section). */
    if (!(flags & D3D11_FENCE_FLAG_SHARED))
    {
        if (vk_semaphore_create(device->vk, initial_value, &semaphore) != VK_SUCCESS)
            semaphore = NULL;
    }
    else if (d3d11_sharing_semaphores(device))
        d3d11_shared_semaphore_export(device, initial_value, &semaphore, &semaphore_fd);
    if (FAILED(hr = shared_section_create_backing(SHARED_MIN_SECTION, &backing)))
    {
        if (semaphore)
            vk_semaphore_release(semaphore);
#ifdef D3D11VK_NATIVE
        if (semaphore_fd >= 0)
            close(semaphore_fd);
#else
        if (semaphore_fd > 0)
            CloseHandle((HANDLE)(uintptr_t)semaphore_fd);
#endif
        return hr;
    }
    h = shared_section_header(&backing);
    memset(h, 0, sizeof(*h));
    h->section_size = backing.size < SHARED_MIN_SECTION ? backing.size : SHARED_MIN_SECTION;
    h->kind = SHARED_KIND_FENCE;
    h->api = SHARED_API_NT;
    h->tier = SHARED_TIER_NONE;
    h->key = backing.key;
    h->unique_id = ((uint64_t)backing.key << 32) | plat_process_id();
    h->exporter_pid = plat_process_id();
    if (semaphore_fd >= 0)
    {
#ifdef D3D11VK_NATIVE
        h->tier = SHARED_TIER_FD;
#else
        h->tier = SHARED_TIER_WIN32;
#endif
        h->flags |= SHARED_FLAG_SEMAPHORE;
        h->payload.semaphore_handle = (uint32_t)semaphore_fd;
    }
    shared_header_seal(h);
    shared_section_sync(&backing)->fence_value = initial_value;
    shared_section_sync(&backing)->gpu_value = initial_value;
    if (FAILED(hr = d3d11_shared_wrap(&backing, false, true, &shared)))
    {
        shared_section_close(&backing);
        if (semaphore)
            vk_semaphore_release(semaphore);
#ifdef D3D11VK_NATIVE
        if (semaphore_fd >= 0)
            close(semaphore_fd);
#else
        if (semaphore_fd > 0)
            CloseHandle((HANDLE)(uintptr_t)semaphore_fd);
#endif
        return hr;
    }
    shared->semaphore = semaphore;
    shared->semaphore_fd = semaphore_fd;
    if (semaphore_fd >= 0 && !d3d11_shared_register_semaphore(shared))
    {
        d3d11_shared_release(shared);
        return E_OUTOFMEMORY;
    }
    if (flags & D3D11_FENCE_FLAG_SHARED)
    {
        static volatile LONG logged[2];
        if (!__atomic_exchange_n(&logged[!!semaphore], 1, __ATOMIC_RELAXED))
            LOG_INFO("Shared fence %#llx: %s.", (unsigned long long)h->unique_id, semaphore
                    ? "exported timeline semaphore, GPU-side Signal/Wait" : "counter in the section, CPU-side Signal/Wait");
    }
    return fence_init(device, shared, flags, riid, out);
}

HRESULT d3d11_fence_open(struct d3d11_device *device, HANDLE handle, REFIID riid, void **out)
{
    struct d3d11_shared *shared;
    HRESULT hr;

    if (!out)
        return E_INVALIDARG;
    *out = NULL;
    if (!riid)
        return E_INVALIDARG;
    if (FAILED(hr = d3d11_shared_open(D3D11_SHARED_FROM_NT, handle, NULL, 0, SHARED_KIND_FENCE, &shared)))
        return hr;
    if (shared->read_only)
        LOG_WARN("Fence opened through a handle without write access; Signal still works through the backing.");
    if (FAILED(hr = d3d11_shared_semaphore_open(shared, device->vk)))
    {
        d3d11_shared_release(shared);
        return hr;
    }
    return fence_init(device, shared, D3D11_FENCE_FLAG_SHARED, riid, out);
}

static struct d3d11_context *context_from(ID3D11DeviceContext4 *iface)
{
    return CONTAINING_RECORD(iface, struct d3d11_context, ID3D11DeviceContext4_iface);
}

/* Values only grow in semaphore mode (Vulkan timelines): a Signal at or below the highest
 * value signalled so far is dropped (logged once). */
static bool fence_value_grows(struct d3d11_fence *fence, UINT64 value)
{
    static volatile LONG logged;
    uint64_t cur = __atomic_load_n(&fence->sync->gpu_value, __ATOMIC_ACQUIRE);

    do
    {
        if (value <= cur)
        {
            if (!__atomic_exchange_n(&logged, 1, __ATOMIC_RELAXED))
                FIXME("Signal(%llu) at or below the fence's highest value (%llu): semaphore-backed fences only grow.",
                        (unsigned long long)value, (unsigned long long)cur);
            return false;
        }
    } while (!__atomic_compare_exchange_n(&fence->sync->gpu_value, &cur, value, true, __ATOMIC_ACQ_REL,
            __ATOMIC_ACQUIRE));
    return true;
}

/* GPU order. Semaphore mode: the context's next submission signals the value once the work
 * recorded before it completes (no CPU wait), unless the device publishes host-tier shares
 * at fences (cross-process data through the section: published after a CPU wait, then the
 * value is signalled from the host). Counter mode: the value is set once everything the
 * context recorded has completed (the calling thread waits for it). */
HRESULT d3d11_fence_signal_from_context(ID3D11DeviceContext4 *iface, ID3D11Fence *fence_iface, UINT64 value)
{
    struct d3d11_fence *fence = unsafe_fence(fence_iface);
    struct d3d11_context *context = context_from(iface);
    uint64_t timeline;

    if (!fence)
        return E_INVALIDARG;
    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
        return DXGI_ERROR_INVALID_CALL;
    if (fence->semaphore)
    {
        bool host = (fence->flags & D3D11_FENCE_FLAG_SHARED) && d3d11_sharing_device_host_links(context->device);

        if (!fence_value_grows(fence, value))
            return S_OK;
        if (context->cs && !host && fence->semaphore->obj.device == context->device->vk)
        {
            /* Submitted before it is announced (see fence_wait_submitted). */
            vk_cs_cmd_signal_semaphore(context->cs, fence->semaphore, value);
            vk_cs_sync(context->cs);
        }
        else
        {
            if (context->cs)
                vk_device_wait_timeline(context->device->vk, vk_cs_sync(context->cs), UINT64_MAX);
            if (host)
                d3d11_sharing_device_signal(context->device);
            vk_semaphore_signal(fence->semaphore, value);
        }
        shared_fence_set(fence->sync, &fence->waiter, value);   /* "value submitted" */
        return S_OK;
    }
    if (context->cs)
    {
        timeline = vk_cs_sync(context->cs);
        vk_device_wait_timeline(context->device->vk, timeline, UINT64_MAX);
    }
    if (fence->flags & D3D11_FENCE_FLAG_SHARED)
        d3d11_sharing_device_signal(context->device);
    shared_fence_set(fence->sync, &fence->waiter, value);
    return S_OK;
}

/* The worker's wait object of a fence (NULL when out of memory). Called on the context's
 * thread (the D3D11 context rules serialise Wait calls per context; fences may be waited on by
 * several contexts: guarded by the fence's lock). */
static struct fence_host_wait *fence_host_wait(struct d3d11_fence *fence, struct vk_device *vk)
{
    struct fence_host_wait *w;

    plat_mutex_lock(&fence->lock);
    if (!(w = fence->host_wait) && (w = calloc(1, sizeof(*w))))
    {
        if (FAILED(shared_waiter_init(&w->waiter, fence->shared->header.key, 1)))
        {
            free(w);
            w = NULL;
        }
        else
        {
            vk_object_init(&w->obj, vk, VK_OBJ_MARKER, fence_host_wait_destroy);
            d3d11_shared_addref(fence->shared);
            w->shared = fence->shared;
            fence->host_wait = w;
        }
    }
    plat_mutex_unlock(&fence->lock);
    return w;
}

/* Work recorded after the Wait must not start before the value; the calling thread goes on.
 * Semaphore mode: the context's next submission waits for it on the GPU, recorded once some
 * context, device or process has submitted the signal (a queue must not wait for a signal
 * queued behind it): until then the context's worker waits on the CPU. Counter mode: the
 * worker waits on the CPU for the value. Where the device fetches host-tier data at fences,
 * the calling thread waits (the fetch is recorded after the value). */
HRESULT d3d11_fence_wait_from_context(ID3D11DeviceContext4 *iface, ID3D11Fence *fence_iface, UINT64 value)
{
    struct d3d11_fence *fence = unsafe_fence(fence_iface);
    struct d3d11_context *context = context_from(iface);
    struct fence_host_wait *w;
    bool host;

    if (!fence)
        return E_INVALIDARG;
    if (context->type != D3D11_DEVICE_CONTEXT_IMMEDIATE)
        return DXGI_ERROR_INVALID_CALL;
    host = (fence->flags & D3D11_FENCE_FLAG_SHARED) && d3d11_sharing_device_host_links(context->device);
    if (context->cs && !host && (!fence->semaphore || fence->semaphore->obj.device == context->device->vk))
    {
        if (shared_fence_get(fence->sync) < value && (w = fence_host_wait(fence, context->device->vk)))
            vk_cs_cmd_host_wait(context->cs, fence_host_wait_run, &w->obj, value);
        else if (shared_fence_get(fence->sync) < value)
            shared_fence_wait(fence->sync, &fence->waiter, value, INFINITE);
        if (fence->semaphore)
            vk_cs_cmd_wait_semaphore(context->cs, fence->semaphore, value);
        return S_OK;
    }
    fence_wait_cpu(fence, value, INFINITE);
    if (host)
        d3d11_sharing_device_wait(context->device);
    return S_OK;
}
