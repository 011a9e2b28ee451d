/* test_sharing_fence.c — ID3D11Fence: creation flags, values, SetEventOnCompletion,
 * ID3D11DeviceContext4::Signal/Wait, shared handles opened by a second device and by a child
 * process, named handles, every bad handle OpenSharedFence / OpenSharedResource* meet, and
 * 1000 create/share/open/release cycles without handle growth.
 *
 * Platform notes: on the native build NT handles are file descriptors and events are
 * eventfds (README, "Sharing"); the child process inherits the handle on both builds
 * (PE: CreateProcess with inheritable handles; native: fork+exec, descriptor without
 * close-on-exec). */
#ifdef D3D11VK_NATIVE
# define _GNU_SOURCE
# define USE_WS_PREFIX
#endif
#include "test.h"
#include "test_handles.h"
#ifdef D3D11VK_NATIVE
# include <unistd.h>
# include <fcntl.h>
# include <poll.h>
# include <dirent.h>
# include <sys/eventfd.h>
# include <sys/mman.h>
# include <sys/wait.h>
# include <sys/syscall.h>
#else
# include <psapi.h>
#endif

static const char *self_path;

/* Events, handles and processes the same way on both builds. */
static HANDLE event_create(void)
{
#ifdef D3D11VK_NATIVE
    return (HANDLE)(intptr_t)eventfd(0, EFD_CLOEXEC);
#else
    return CreateEventW(NULL, FALSE, FALSE, NULL);
#endif
}

static bool event_wait(HANDLE event, unsigned int ms)
{
#ifdef D3D11VK_NATIVE
    struct pollfd p = {(int)(intptr_t)event, POLLIN, 0};
    uint64_t v;
    if (poll(&p, 1, (int)ms) != 1)
        return false;
    return read(p.fd, &v, sizeof(v)) == sizeof(v);
#else
    return WaitForSingleObject(event, ms) == WAIT_OBJECT_0;
#endif
}

/* A section (PE) / shm file (native) holding `size` bytes of `data`: "a section that is
 * not ours", truncated or corrupted copies of ours. */
static HANDLE section_with(const void *data, size_t size)
{
#ifdef D3D11VK_NATIVE
    int fd = memfd_create("d3d11vk-test", MFD_CLOEXEC);
    if (fd < 0 || ftruncate(fd, (off_t)(size ? size : 1)) || (size && pwrite(fd, data, size, 0) != (ssize_t)size))
        return NULL;
    return (HANDLE)(intptr_t)fd;
#else
    HANDLE h = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE, 0, (DWORD)(size ? size : 1), NULL);
    void *p;
    if (!h)
        return NULL;
    if (size && (p = MapViewOfFile(h, FILE_MAP_WRITE, 0, 0, size)))
    {
        memcpy(p, data, size);
        UnmapViewOfFile(p);
    }
    return h;
#endif
}

/* Reads the first `size` bytes behind a handle of ours. */
static bool section_read(HANDLE h, void *out, size_t size)
{
#ifdef D3D11VK_NATIVE
    return pread((int)(intptr_t)h, out, size, 0) == (ssize_t)size;
#else
    void *p = MapViewOfFile(h, FILE_MAP_READ, 0, 0, size);
    if (!p)
        return false;
    memcpy(out, p, size);
    UnmapViewOfFile(p);
    return true;
#endif
}

static ID3D11Device5 *create_device5(void)
{
    ID3D11Device5 *device5 = NULL;
    ID3D11Device *device;

    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device, NULL, NULL)))
        return NULL;
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device5, (void **)&device5);
    ID3D11Device_Release(device);
    return device5;
}

static ID3D11DeviceContext4 *immediate4(ID3D11Device5 *device)
{
    ID3D11DeviceContext4 *context4 = NULL;
    ID3D11DeviceContext *context;

    ID3D11Device5_GetImmediateContext(device, &context);
    ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext4, (void **)&context4);
    ID3D11DeviceContext_Release(context);
    return context4;
}

static ID3D11Device5 *device_a, *device_b;
static ID3D11DeviceContext4 *context_a, *context_b;

static void test_fence_create(void)
{
    ID3D11Fence *fence;
    void *unk;
    HRESULT hr;

    hr = ID3D11Device5_CreateFence(device_a, 7, 0, &IID_ID3D11Fence, (void **)&fence);
    ok(hr == S_OK, "flags 0: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ok(vtable_complete(fence, sizeof(ID3D11FenceVtbl)), "vtable incomplete");
    ok(ID3D11Fence_GetCompletedValue(fence) == 7, "initial value %llu",
            (unsigned long long)ID3D11Fence_GetCompletedValue(fence));
    hr = ID3D11Fence_QueryInterface(fence, &IID_ID3D11DeviceChild, &unk);
    ok(hr == S_OK, "QI ID3D11DeviceChild %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        IUnknown_Release((IUnknown *)unk);
    ok(ID3D11Fence_Release(fence) == 0, "refcount");

    hr = ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence);
    ok(hr == S_OK, "SHARED: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11Fence_Release(fence);
    /* Documented as unsupported here (one adapter's memory only). */
    fence = (ID3D11Fence *)(uintptr_t)1;
    hr = ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED | D3D11_FENCE_FLAG_SHARED_CROSS_ADAPTER,
            &IID_ID3D11Fence, (void **)&fence);
    ok(hr == E_INVALIDARG && !fence, "CROSS_ADAPTER: %#lx", (unsigned long)hr);
    hr = ID3D11Device5_CreateFence(device_a, 0, 0x100, &IID_ID3D11Fence, (void **)&fence);
    ok(hr == E_INVALIDARG, "unknown flag: %#lx", (unsigned long)hr);
    hr = ID3D11Device5_CreateFence(device_a, 0, 0, &IID_ID3D11Fence, NULL);
    ok(hr == E_INVALIDARG, "NULL out: %#lx", (unsigned long)hr);
    fence = (ID3D11Fence *)(uintptr_t)1;
    hr = ID3D11Device5_CreateFence(device_a, 0, 0, &IID_ID3D11Texture2D, (void **)&fence);
    ok(hr == E_NOINTERFACE && !fence, "wrong riid: %#lx", (unsigned long)hr);
}

static void test_fence_signal_events(void)
{
    HANDLE e1, e2;
    ID3D11Fence *fence;
    HRESULT hr;

    if (FAILED(ID3D11Device5_CreateFence(device_a, 0, 0, &IID_ID3D11Fence, (void **)&fence)))
        return;
    e1 = event_create();
    e2 = event_create();
    hr = ID3D11DeviceContext4_Signal(context_a, fence, 3);
    /* The value comes once the GPU passes the Signal: a NULL event blocks until then. */
    ok(hr == S_OK && ID3D11Fence_SetEventOnCompletion(fence, 3, NULL) == S_OK
            && ID3D11Fence_GetCompletedValue(fence) == 3, "Signal: %#lx, value %llu", (unsigned long)hr,
            (unsigned long long)ID3D11Fence_GetCompletedValue(fence));
    /* Reached already: the event is set at once. */
    ok(ID3D11Fence_SetEventOnCompletion(fence, 2, e1) == S_OK, "SetEventOnCompletion");
    ok(event_wait(e1, 1000), "event for a reached value not set");
    /* Pending until the value comes. */
    ok(ID3D11Fence_SetEventOnCompletion(fence, 5, e1) == S_OK, "SetEventOnCompletion 5");
    ok(ID3D11Fence_SetEventOnCompletion(fence, 6, e2) == S_OK, "SetEventOnCompletion 6");
    ok(!event_wait(e1, 50), "event set early");
    ID3D11DeviceContext4_Signal(context_a, fence, 5);
    ok(event_wait(e1, 2000), "event not set after Signal(5)");
    ok(!event_wait(e2, 50), "event for 6 set at 5");
    /* Wait returns at once for a reached value. */
    ok(ID3D11DeviceContext4_Wait(context_a, fence, 4) == S_OK, "Wait");
    ok(ID3D11DeviceContext4_Signal(context_a, NULL, 1) == E_INVALIDARG, "Signal(NULL)");
    /* The caller may close its event: we keep our own duplicate. */
    ok(ID3D11Fence_SetEventOnCompletion(fence, 9, e2) == S_OK, "SetEventOnCompletion 9");
    ID3D11Fence_Release(fence);   /* pending events are dropped with the fence */
    handle_close(e1);
    handle_close(e2);
}

static void test_fence_shared_two_devices(void)
{
    ID3D11Fence *fence, *opened = NULL, *opened2 = NULL;
    HANDLE h, h2;
    HRESULT hr;

    if (FAILED(ID3D11Device5_CreateFence(device_a, 10, 0, &IID_ID3D11Fence, (void **)&fence)))
        return;
    h = (HANDLE)(uintptr_t)1;
    hr = ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, NULL, &h);
    ok(hr == E_INVALIDARG && !h, "unshared fence exported: %#lx", (unsigned long)hr);
    ID3D11Fence_Release(fence);

    if (FAILED(ID3D11Device5_CreateFence(device_a, 10, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence)))
        return;
    hr = ID3D11Fence_CreateSharedHandle(fence, NULL, DXGI_SHARED_RESOURCE_READ, NULL, &h);
    ok(hr == E_INVALIDARG, "access other than GENERIC_ALL: %#lx", (unsigned long)hr);
    hr = ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, NULL, NULL);
    ok(hr == E_INVALIDARG, "NULL out: %#lx", (unsigned long)hr);
    hr = ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, NULL, &h);
    ok(hr == S_OK && h, "CreateSharedHandle: %#lx", (unsigned long)hr);
    if (FAILED(hr))
    {
        ID3D11Fence_Release(fence);
        return;
    }
    hr = ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, (void **)&opened);
    ok(hr == S_OK && opened, "OpenSharedFence: %#lx", (unsigned long)hr);
    hr = ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, (void **)&opened2);
    ok(hr == S_OK && opened2 && opened2 != opened, "second open: %#lx (same object %d)", (unsigned long)hr,
            opened2 == opened);
    /* The handle may be closed once opened. */
    handle_close(h);
    if (opened && opened2)
    {
        ID3D11Device *dev;
        ok(get_refcount(opened) == 1, "opened refcount %lu", (unsigned long)get_refcount(opened));
        ok(ID3D11Fence_GetCompletedValue(opened) == 10, "opened value %llu",
                (unsigned long long)ID3D11Fence_GetCompletedValue(opened));
        ID3D11DeviceContext4_Signal(context_a, fence, 11);
        ok(ID3D11Fence_GetCompletedValue(opened) == 11 && ID3D11Fence_GetCompletedValue(opened2) == 11,
                "signal on A not seen by B");
        ID3D11DeviceContext4_Signal(context_b, opened, 12);
        ok(ID3D11Fence_GetCompletedValue(fence) == 12, "signal on B not seen by A");
        ID3D11Fence_GetDevice(opened, &dev);
        ok(dev == (ID3D11Device *)device_b, "opened fence's device");
        ID3D11Device_Release(dev);
        /* The opened fence outlives the creator's release. */
        ID3D11Fence_Release(fence);
        fence = NULL;
        ID3D11DeviceContext4_Signal(context_b, opened, 13);
        ok(ID3D11Fence_GetCompletedValue(opened2) == 13, "after the creator's release");
        ok(ID3D11Fence_Release(opened) == 0 && ID3D11Fence_Release(opened2) == 0, "refcounts");
    }
    if (fence)
        ID3D11Fence_Release(fence);

    /* Named handles: the name exists once. */
    if (FAILED(ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence)))
        return;
    {
        static const WCHAR name[] = {'d','3','d','1','1','v','k','-','t','e','s','t','-','f','e','n','c','e',0};
        h = h2 = NULL;
        hr = ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, name, &h);
        ok(hr == S_OK && h, "named: %#lx", (unsigned long)hr);
        hr = ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, name, &h2);
        ok(hr == DXGI_ERROR_NAME_ALREADY_EXISTS && !h2, "name taken: %#lx", (unsigned long)hr);
        hr = ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, (void **)&opened);
        ok(hr == S_OK, "open named handle: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11DeviceContext4_Signal(context_a, fence, 4);
            ok(ID3D11Fence_GetCompletedValue(opened) == 4, "named handle shares the value");
            ID3D11Fence_Release(opened);
        }
        if (h)
            handle_close(h);
    }
    ID3D11Fence_Release(fence);
}

/* ID3D11DeviceContext4::Wait returns at once and holds back only the context's later work:
 * device B waits for a value device A signals afterwards, from the same thread. B's event
 * query, recorded after the Wait, stays pending until A's Signal, then completes. (Natively on
 * lavapipe the fence is a counter and B's worker waits for it; with exported semaphores B's
 * worker waits until the signal is submitted, then B's queue waits on the GPU.) */
static void test_fence_wait_before_signal(void)
{
    D3D11_QUERY_DESC qd = {D3D11_QUERY_EVENT, 0};
    ID3D11Fence *fa, *fb = NULL;
    ID3D11Query *q = NULL;
    BOOL done = FALSE;
    HANDLE h = NULL;
    HRESULT hr;
    int i;

    if (FAILED(ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fa)))
        return;
    ID3D11Fence_CreateSharedHandle(fa, NULL, GENERIC_ALL, NULL, &h);
    if (h)
        ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, (void **)&fb);
    ID3D11Device5_CreateQuery(device_b, &qd, &q);
    if (!fb || !q)
    {
        ok(0, "setup");
        goto done;
    }
    ok(ID3D11DeviceContext4_Wait(context_b, fb, 1) == S_OK, "Wait before the signal");
    ID3D11DeviceContext4_End(context_b, (ID3D11Asynchronous *)q);
    ID3D11DeviceContext4_Flush(context_b);
    for (i = 0; i < 10; ++i)
    {
        hr = ID3D11DeviceContext4_GetData(context_b, (ID3D11Asynchronous *)q, &done, sizeof(done), 0);
        if (hr != S_FALSE)
            break;
        test_sleep_ms(10);
    }
    ok(hr == S_FALSE, "work after the Wait ran before the Signal: %#lx", (unsigned long)hr);
    ok(ID3D11Fence_GetCompletedValue(fb) == 0, "value before the signal");
    ok(ID3D11DeviceContext4_Signal(context_a, fa, 1) == S_OK, "Signal on A");
    for (i = 0; i < 500; ++i)
    {
        hr = ID3D11DeviceContext4_GetData(context_b, (ID3D11Asynchronous *)q, &done, sizeof(done), 0);
        if (hr != S_FALSE)
            break;
        test_sleep_ms(10);
    }
    ok(hr == S_OK && done, "work after the Wait did not complete after the Signal: %#lx", (unsigned long)hr);
    ok(ID3D11Fence_SetEventOnCompletion(fb, 1, NULL) == S_OK && ID3D11Fence_GetCompletedValue(fb) == 1,
            "value on B after the signal");
done:
    if (q)
        ID3D11Query_Release(q);
    if (fb)
        ID3D11Fence_Release(fb);
    if (h)
        handle_close(h);
    ID3D11Fence_Release(fa);
}

/* Every handle OpenSharedFence and OpenSharedResource1 must refuse: E_INVALIDARG (a bad or
 * foreign handle), never a crash. Windows answers E_INVALIDARG for NULL handles, handles
 * that are not shared-resource objects, and damaged ones. */
static void test_bad_handles(void)
{
    unsigned char header[1024], bad[8192];
    ID3D11Fence *fence, *opened;
    ID3D11Resource *res;
    HANDLE h, other;
    HRESULT hr;
    size_t i;

    if (FAILED(ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence)))
        return;
    if (FAILED(ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, NULL, &h)))
    {
        ID3D11Fence_Release(fence);
        return;
    }
    ok(section_read(h, header, sizeof(header)), "read our own section");

#define EXPECT_BAD(handle, what) do { \
        opened = (ID3D11Fence *)(uintptr_t)1; \
        hr = ID3D11Device5_OpenSharedFence(device_b, handle, &IID_ID3D11Fence, (void **)&opened); \
        ok(hr == E_INVALIDARG && !opened, "OpenSharedFence(%s): %#lx", what, (unsigned long)hr); \
        res = (ID3D11Resource *)(uintptr_t)1; \
        hr = ID3D11Device5_OpenSharedResource1(device_b, handle, &IID_ID3D11Resource, (void **)&res); \
        ok(hr == E_INVALIDARG && !res, "OpenSharedResource1(%s): %#lx", what, (unsigned long)hr); } while (0)

    EXPECT_BAD(NULL, "NULL");
    EXPECT_BAD((HANDLE)(intptr_t)-1, "INVALID_HANDLE_VALUE");
    /* A legacy (global) value on the NT path. */
    EXPECT_BAD((HANDLE)(uintptr_t)0x40000002, "legacy value");
    /* Another kind of kernel object. */
    other = event_create();
    EXPECT_BAD(other, "event");
    handle_close(other);
    /* A closed handle (the value the event had). */
    EXPECT_BAD(other, "closed handle");
#ifdef D3D11VK_NATIVE
    {
        int fd = (int)syscall(SYS_pidfd_open, getpid(), 0);
        if (fd >= 0)
        {
            EXPECT_BAD((HANDLE)(intptr_t)fd, "process (pidfd)");
            close(fd);
        }
        fd = open(self_path, O_RDONLY | O_CLOEXEC);
        ok(fd >= 0, "open self");
        EXPECT_BAD((HANDLE)(intptr_t)fd, "file");
        close(fd);
    }
#else
    other = OpenProcess(PROCESS_QUERY_INFORMATION | SYNCHRONIZE, FALSE, GetCurrentProcessId());
    ok(!!other, "OpenProcess");
    EXPECT_BAD(other, "process");
    CloseHandle(other);
    other = CreateFileA(self_path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    ok(other != INVALID_HANDLE_VALUE, "open self");
    EXPECT_BAD(other, "file");
    CloseHandle(other);
#endif
    /* Sections that are not ours, or damaged copies of ours. */
    memset(bad, 0x5a, sizeof(bad));
    other = section_with(bad, sizeof(bad));
    EXPECT_BAD(other, "foreign section");
    handle_close(other);
    other = section_with(NULL, 0);
    EXPECT_BAD(other, "empty section");
    handle_close(other);
    for (i = 0; i < 3; ++i)
    {
        static const size_t cuts[] = {8, 64, 200};
        other = section_with(header, cuts[i]);
        EXPECT_BAD(other, "truncated header");
        handle_close(other);
    }
    memcpy(bad, header, sizeof(header));
    memset(bad + sizeof(header), 0, sizeof(bad) - sizeof(header));
    for (i = 0; i < 64; i += 7)
    {
        bad[i] ^= 0x10;
        other = section_with(bad, 4096);
        EXPECT_BAD(other, "corrupted header");
        handle_close(other);
        bad[i] ^= 0x10;
    }
    /* A fence handle is ours but not a resource; a resource path must refuse it. */
    res = (ID3D11Resource *)(uintptr_t)1;
    hr = ID3D11Device5_OpenSharedResource1(device_b, h, &IID_ID3D11Resource, (void **)&res);
    ok(hr == E_INVALIDARG && !res, "fence handle as a resource: %#lx", (unsigned long)hr);
    /* NT handle on the legacy path. */
    hr = ID3D11Device5_OpenSharedResource(device_b, h, &IID_ID3D11Resource, (void **)&res);
    ok(hr == E_INVALIDARG && !res, "NT handle on OpenSharedResource: %#lx", (unsigned long)hr);
    /* An unknown legacy value. */
    hr = ID3D11Device5_OpenSharedResource(device_b, (HANDLE)(uintptr_t)0x7ffffffe, &IID_ID3D11Resource, (void **)&res);
    ok(hr == E_INVALIDARG && !res, "unknown legacy value: %#lx", (unsigned long)hr);
    /* NULL out pointers. */
    hr = ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, NULL);
    ok(hr == E_INVALIDARG, "OpenSharedFence NULL out: %#lx", (unsigned long)hr);
    hr = ID3D11Device5_OpenSharedResource1(device_b, h, &IID_ID3D11Resource, NULL);
    ok(hr == E_INVALIDARG, "OpenSharedResource1 NULL out: %#lx", (unsigned long)hr);
    /* Unknown interface on a good handle. */
    opened = (ID3D11Fence *)(uintptr_t)1;
    hr = ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Texture2D, (void **)&opened);
    ok(hr == E_NOINTERFACE && !opened, "OpenSharedFence wrong riid: %#lx", (unsigned long)hr);
    /* Names. */
    {
        static const WCHAR missing[] = {'d','3','d','1','1','v','k','-','n','o','-','s','u','c','h',0};
        hr = ID3D11Device5_OpenSharedResourceByName(device_b, missing, DXGI_SHARED_RESOURCE_READ,
                &IID_ID3D11Resource, (void **)&res);
        ok(hr == E_INVALIDARG && !res, "unknown name: %#lx", (unsigned long)hr);
        hr = ID3D11Device5_OpenSharedResourceByName(device_b, NULL, DXGI_SHARED_RESOURCE_READ,
                &IID_ID3D11Resource, (void **)&res);
        ok(hr == E_INVALIDARG && !res, "NULL name: %#lx", (unsigned long)hr);
        hr = ID3D11Device5_OpenSharedResourceByName(device_b, missing, 0, &IID_ID3D11Resource, (void **)&res);
        ok(hr == E_INVALIDARG && !res, "no access: %#lx", (unsigned long)hr);
    }
    handle_close(h);
    ID3D11Fence_Release(fence);
#undef EXPECT_BAD
}

/* Child side: open the fence from the inherited handle, wait for 1 (the parent's), signal 2. */
static int child_main(const char *handle_text)
{
    ID3D11DeviceContext4 *context;
    ID3D11Device5 *device;
    ID3D11Fence *fence;
    HANDLE h = (HANDLE)(uintptr_t)strtoull(handle_text, NULL, 0);
    HRESULT hr;

    if (!(device = create_device5()))
        return 10;
    context = immediate4(device);
    hr = ID3D11Device5_OpenSharedFence(device, h, &IID_ID3D11Fence, (void **)&fence);
    if (FAILED(hr))
        return 11;
    handle_close(h);
    /* Wait holds back the context's later work, not this thread: block here for the check. */
    if (ID3D11DeviceContext4_Wait(context, fence, 1) != S_OK || ID3D11Fence_SetEventOnCompletion(fence, 1, NULL) != S_OK
            || ID3D11Fence_GetCompletedValue(fence) < 1)
        return 12;
    ID3D11DeviceContext4_Signal(context, fence, 2);
    ID3D11Fence_Release(fence);
    ID3D11DeviceContext4_Release(context);
    ID3D11Device5_Release(device);
    return 0;
}

static bool spawn_child(HANDLE handle, void **process)
{
    char arg[64];

    snprintf(arg, sizeof(arg), "%#llx", (unsigned long long)(uintptr_t)handle);
    return child_start(self_path, "child-fence", arg, process);
}

static void test_fence_child_process(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    ID3D11Fence *fence;
    void *process;
    HANDLE h, event;
    HRESULT hr;

    if (FAILED(ID3D11Device5_CreateFence(device_a, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence)))
        return;
    hr = ID3D11Fence_CreateSharedHandle(fence, &sa, GENERIC_ALL, NULL, &h);
    ok(hr == S_OK, "inheritable handle: %#lx", (unsigned long)hr);
    if (FAILED(hr) || !spawn_child(h, &process))
    {
        ok(0, "could not start the child");
        ID3D11Fence_Release(fence);
        return;
    }
    handle_close(h);
    event = event_create();
    ID3D11Fence_SetEventOnCompletion(fence, 2, event);
    ok(!event_wait(event, 100), "child signalled before the parent");
    ID3D11DeviceContext4_Signal(context_a, fence, 1);
    ok(event_wait(event, 30000), "child's signal (2) not seen");
    ok(ID3D11Fence_GetCompletedValue(fence) == 2, "value after the child %llu",
            (unsigned long long)ID3D11Fence_GetCompletedValue(fence));
    ok(child_exit_code(process, 60000) == 0, "child failed");
    handle_close(event);
    ID3D11Fence_Release(fence);
}

static void test_fence_cycles(void)
{
    unsigned long before = 0, after;
    uint64_t mem_before = 0, mem_after;
    unsigned int i, failures = 0;

    /* Warm up (thread pools, loader caches), then count. */
    for (i = 0; i < 1100; ++i)
    {
        ID3D11Fence *fence, *opened;
        HANDLE h;
        if (i == 100)
        {
            before = handle_count();
            mem_before = memory_usage();
        }
        if (FAILED(ID3D11Device5_CreateFence(device_a, i, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fence)))
        {
            ++failures;
            continue;
        }
        if (SUCCEEDED(ID3D11Fence_CreateSharedHandle(fence, NULL, GENERIC_ALL, NULL, &h)))
        {
            if (SUCCEEDED(ID3D11Device5_OpenSharedFence(device_b, h, &IID_ID3D11Fence, (void **)&opened)))
            {
                if (ID3D11Fence_GetCompletedValue(opened) != i)
                    ++failures;
                /* Release orders alternate: opener first, creator first. */
                if (i & 1)
                {
                    ID3D11Fence_Release(opened);
                    ID3D11Fence_Release(fence);
                }
                else
                {
                    ID3D11Fence_Release(fence);
                    ID3D11Fence_Release(opened);
                }
                fence = NULL;
            }
            else
                ++failures;
            handle_close(h);
        }
        else
            ++failures;
        if (fence)
            ID3D11Fence_Release(fence);
    }
    after = handle_count();
    mem_after = memory_usage();
    ok(!failures, "%u cycles failed", failures);
    ok(after <= before + 2, "handle count grew from %lu to %lu", before, after);
    ok(mem_after <= mem_before + 4 * 1024 * 1024, "memory grew from %llu to %llu",
            (unsigned long long)mem_before, (unsigned long long)mem_after);
    printf("   1000 cycles: handles %lu -> %lu, memory %llu -> %llu KiB\n", before, after,
            (unsigned long long)(mem_before >> 10), (unsigned long long)(mem_after >> 10));
}

int main(int argc, char **argv)
{
    static char path[4096];

#ifdef D3D11VK_NATIVE
    ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
    path[n > 0 ? n : 0] = 0;
#else
    GetModuleFileNameA(NULL, path, sizeof(path));
#endif
    self_path = path;
    if (argc == 3 && !strcmp(argv[1], "child-fence"))
        return child_main(argv[2]);

    if (!test_init())
        return test_finish();
    device_a = create_device5();
    device_b = create_device5();
    ok(device_a && device_b, "ID3D11Device5");
    if (!device_a || !device_b)
        return test_finish();
    context_a = immediate4(device_a);
    context_b = immediate4(device_b);
    run_test(test_fence_create);
    run_test(test_fence_signal_events);
    run_test(test_fence_shared_two_devices);
    run_test(test_fence_wait_before_signal);
    run_test(test_bad_handles);
    run_test(test_fence_child_process);
    run_test(test_fence_cycles);
    ID3D11DeviceContext4_Release(context_a);
    ID3D11DeviceContext4_Release(context_b);
    ID3D11Device5_Release(device_a);
    ID3D11Device5_Release(device_b);
    return test_finish();
}
