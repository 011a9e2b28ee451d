/* test_sharing.c — shared textures and buffers between two devices of one process: the
 * creation rules of SHARED / SHARED_NTHANDLE / SHARED_KEYEDMUTEX, GetSharedHandle and
 * OpenSharedResource (legacy), CreateSharedHandle and OpenSharedResource1 / ByName (NT and
 * named), the interfaces an opened texture answers, pixels written on one device read on the
 * other, access rights, keyed-mutex ping-pong with pixel checks, and 1000 cycles without
 * handle growth; a child process (CreateProcess / fork+exec, inherited handle) playing
 * keyed-mutex ping-pong with pixel checks through the host tier. (Bad handles:
 * test_sharing_fence.c.) */
#ifdef D3D11VK_NATIVE
# define _GNU_SOURCE
# define USE_WS_PREFIX
#endif
#include "test.h"
#include "test_handles.h"
#ifdef D3D11VK_NATIVE
# include <unistd.h>
# include <fcntl.h>
# include <dirent.h>
# include <sys/wait.h>
#endif

static const char *self_path;

/* D3D11VK_SHARING_TIER=inprocess: cross-process opens must fail cleanly (E_INVALIDARG). */
static bool inprocess_forced(void)
{
    const char *tier = getenv("D3D11VK_SHARING_TIER");
    return tier && !strcmp(tier, "inprocess");
}
#define CHILD_OPEN_REFUSED 105   /* a child's exit code: the open failed with E_INVALIDARG */

static ID3D11Device *device_a, *device_b;
static ID3D11DeviceContext *context_a, *context_b;

static D3D11_TEXTURE2D_DESC tex_desc(UINT misc)
{
    D3D11_TEXTURE2D_DESC d = {16, 16, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, {1, 0}, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, misc};
    return d;
}

static ID3D11Texture2D *create_tex(ID3D11Device *device, UINT misc)
{
    D3D11_TEXTURE2D_DESC d = tex_desc(misc);
    ID3D11Texture2D *t = NULL;
    HRESULT hr = ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
    ok(hr == S_OK, "CreateTexture2D misc %#x: %#lx", misc, (unsigned long)hr);
    return t;
}

static void clear_tex(ID3D11Device *device, ID3D11DeviceContext *context, ID3D11Texture2D *t, const float color[4])
{
    ID3D11RenderTargetView *rtv;
    HRESULT hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t, NULL, &rtv);

    ok(hr == S_OK, "CreateRenderTargetView: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
    ID3D11RenderTargetView_Release(rtv);
}

/* The texel at (x, y) as read back through a staging copy on `device` (this also waits for
 * the device's work). 0xdeadbeef when something fails. */
static uint32_t read_texel(ID3D11Device *device, ID3D11DeviceContext *context, ID3D11Texture2D *t, UINT x, UINT y)
{
    D3D11_TEXTURE2D_DESC d;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Texture2D *staging;
    uint32_t v = 0xdeadbeef;

    ID3D11Texture2D_GetDesc(t, &d);
    d.Usage = D3D11_USAGE_STAGING;
    d.BindFlags = 0;
    d.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
    d.MiscFlags = 0;
    if (FAILED(ID3D11Device_CreateTexture2D(device, &d, NULL, &staging)))
        return v;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)t);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        v = *(const uint32_t *)((const uint8_t *)map.pData + y * map.RowPitch + x * 4);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Texture2D_Release(staging);
    return v;
}

static const float red[4] = {1, 0, 0, 1}, green[4] = {0, 1, 0, 1}, blue[4] = {0, 0, 1, 1};
#define RED   0xff0000ffu
#define GREEN 0xff00ff00u
#define BLUE  0xffff0000u

static void test_creation_rules(void)
{
    static const struct { UINT misc; D3D11_USAGE usage; UINT cpu; HRESULT hr; } tests[] =
    {
        {D3D11_RESOURCE_MISC_SHARED, D3D11_USAGE_DEFAULT, 0, S_OK},
        {D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX, D3D11_USAGE_DEFAULT, 0, S_OK},
        {D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE, D3D11_USAGE_DEFAULT, 0, S_OK},
        {D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE, D3D11_USAGE_DEFAULT, 0, S_OK},
        /* D3D11: SHARED and SHARED_KEYEDMUTEX are mutually exclusive; NTHANDLE needs one. */
        {D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX, D3D11_USAGE_DEFAULT, 0, E_INVALIDARG},
        {D3D11_RESOURCE_MISC_SHARED_NTHANDLE, D3D11_USAGE_DEFAULT, 0, E_INVALIDARG},
        /* Only GPU (default) resources are shared. */
        {D3D11_RESOURCE_MISC_SHARED, D3D11_USAGE_STAGING, D3D11_CPU_ACCESS_READ, E_INVALIDARG},
        {D3D11_RESOURCE_MISC_SHARED, D3D11_USAGE_DYNAMIC, D3D11_CPU_ACCESS_WRITE, E_INVALIDARG},
    };
    ID3D11Texture2D *t;
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < ARRAYSIZE(tests); ++i)
    {
        D3D11_TEXTURE2D_DESC d = tex_desc(tests[i].misc);
        d.Usage = tests[i].usage;
        d.CPUAccessFlags = tests[i].cpu;
        if (d.Usage != D3D11_USAGE_DEFAULT)
            d.BindFlags = d.Usage == D3D11_USAGE_DYNAMIC ? D3D11_BIND_SHADER_RESOURCE : 0;
        t = NULL;
        hr = ID3D11Device_CreateTexture2D(device_a, &d, NULL, &t);
        ok(hr == tests[i].hr, "%u: misc %#x usage %u: %#lx", i, tests[i].misc, tests[i].usage, (unsigned long)hr);
        if (t)
            ID3D11Texture2D_Release(t);
    }
}

static void test_handles_by_kind(void)
{
    ID3D11Texture2D *plain, *legacy, *nt;
    IDXGIResource1 *r;
    HANDLE h;
    HRESULT hr;

    plain = create_tex(device_a, 0);
    legacy = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED);
    nt = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
    if (!plain || !legacy || !nt)
        goto done;

    ID3D11Texture2D_QueryInterface(plain, &IID_IDXGIResource1, (void **)&r);
    h = (HANDLE)(uintptr_t)1;
    ok(IDXGIResource1_GetSharedHandle(r, &h) == E_INVALIDARG && !h, "GetSharedHandle of an unshared texture");
    ok(IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h) == E_INVALIDARG && !h,
            "CreateSharedHandle of an unshared texture");
    IDXGIResource1_Release(r);

    ID3D11Texture2D_QueryInterface(legacy, &IID_IDXGIResource1, (void **)&r);
    hr = IDXGIResource1_GetSharedHandle(r, &h);
    ok(hr == S_OK && h, "GetSharedHandle: %#lx", (unsigned long)hr);
    ok(IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h) == E_INVALIDARG,
            "CreateSharedHandle without NTHANDLE");
    ok(IDXGIResource1_GetSharedHandle(r, NULL) == E_INVALIDARG, "GetSharedHandle(NULL)");
    IDXGIResource1_Release(r);

    ID3D11Texture2D_QueryInterface(nt, &IID_IDXGIResource1, (void **)&r);
    ok(IDXGIResource1_GetSharedHandle(r, &h) == E_INVALIDARG, "GetSharedHandle of an NT-handle texture");
    ok(IDXGIResource1_CreateSharedHandle(r, NULL, 0x2, NULL, &h) == E_INVALIDARG, "bad access");
    ok(IDXGIResource1_CreateSharedHandle(r, NULL, 0, NULL, &h) == E_INVALIDARG, "no access");
    ok(IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, NULL) == E_INVALIDARG, "NULL out");
    hr = IDXGIResource1_CreateSharedHandle(r, NULL, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE, NULL, &h);
    ok(hr == S_OK && h, "CreateSharedHandle: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        handle_close(h);
    IDXGIResource1_Release(r);
done:
    if (plain)
        ID3D11Texture2D_Release(plain);
    if (legacy)
        ID3D11Texture2D_Release(legacy);
    if (nt)
        ID3D11Texture2D_Release(nt);
}

static HANDLE nt_handle(ID3D11Texture2D *t, DWORD access, const WCHAR *name)
{
    IDXGIResource1 *r;
    HANDLE h = NULL;
    HRESULT hr;

    ID3D11Texture2D_QueryInterface(t, &IID_IDXGIResource1, (void **)&r);
    hr = IDXGIResource1_CreateSharedHandle(r, NULL, access, name, &h);
    ok(hr == S_OK && h, "CreateSharedHandle: %#lx", (unsigned long)hr);
    IDXGIResource1_Release(r);
    return h;
}

static void test_open_nt_two_devices(void)
{
    static const GUID *const ifaces[] =
    {
        &IID_ID3D11Resource, &IID_ID3D11Texture2D, &IID_ID3D11Texture2D1, &IID_IDXGIResource,
        &IID_IDXGIResource1, &IID_IDXGISurface, &IID_IDXGISurface1, &IID_IDXGIObject,
    };
    D3D11_TEXTURE2D_DESC da, db;
    ID3D11Texture2D *a, *b = NULL, *b2 = NULL;
    ID3D11Device *dev;
    IUnknown *u1, *u2;
    unsigned int i;
    void *p;
    HANDLE h;
    HRESULT hr;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    clear_tex(device_a, context_a, a, red);
    ok(read_texel(device_a, context_a, a, 3, 3) == RED, "cleared on A");
    if (!(h = nt_handle(a, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE, NULL)))
        goto done;
    hr = ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, &p);
    if (SUCCEEDED(hr))
    {
        ID3D11Device1 *b1 = p;
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
        ok(hr == S_OK && b, "OpenSharedResource1: %#lx", (unsigned long)hr);
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b2);
        ok(hr == S_OK && b2, "second OpenSharedResource1: %#lx", (unsigned long)hr);
        /* Unknown interface: nothing returned, nothing leaked. */
        p = (void *)(uintptr_t)1;
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Buffer, &p);
        ok(hr == E_NOINTERFACE && !p, "wrong riid: %#lx", (unsigned long)hr);
        ID3D11Device1_Release(b1);
    }
    /* The handle may be closed once opened. */
    handle_close(h);
    if (!b || !b2)
        goto done;
    /* Two opens, two objects over one memory. */
    ID3D11Texture2D_QueryInterface(b, &IID_IUnknown, (void **)&u1);
    ID3D11Texture2D_QueryInterface(b2, &IID_IUnknown, (void **)&u2);
    ok(u1 != u2, "two opens gave one object");
    IUnknown_Release(u1);
    IUnknown_Release(u2);
    ID3D11Texture2D_GetDevice(b, &dev);
    ok(dev == device_b, "opened texture's device");
    ID3D11Device_Release(dev);
    ID3D11Texture2D_GetDesc(a, &da);
    ID3D11Texture2D_GetDesc(b, &db);
    ok(!memcmp(&da, &db, sizeof(da)), "descriptions differ (%ux%u fmt %u misc %#x vs %ux%u fmt %u misc %#x)",
            da.Width, da.Height, da.Format, da.MiscFlags, db.Width, db.Height, db.Format, db.MiscFlags);
    for (i = 0; i < ARRAYSIZE(ifaces); ++i)
    {
        hr = ID3D11Texture2D_QueryInterface(b, ifaces[i], &p);
        ok(hr == S_OK, "interface %u: %#lx", i, (unsigned long)hr);
        if (SUCCEEDED(hr))
            IUnknown_Release((IUnknown *)p);
    }
    hr = ID3D11Texture2D_QueryInterface(b, &IID_IDXGIKeyedMutex, &p);
    ok(hr == E_NOINTERFACE, "keyed mutex without SHARED_KEYEDMUTEX: %#lx", (unsigned long)hr);

    /* A wrote red; B reads it, writes green; A reads green. */
    ok(read_texel(device_b, context_b, b, 5, 7) == RED, "B reads %#x", read_texel(device_b, context_b, b, 5, 7));
    clear_tex(device_b, context_b, b2, green);
    ok(read_texel(device_b, context_b, b, 1, 1) == GREEN, "B's second object");
    ok(read_texel(device_a, context_a, a, 1, 1) == GREEN, "A reads %#x", read_texel(device_a, context_a, a, 1, 1));
    /* The opened textures outlive the creator's release. */
    ID3D11Texture2D_Release(a);
    a = NULL;
    clear_tex(device_b, context_b, b, blue);
    ok(read_texel(device_b, context_b, b2, 2, 2) == BLUE, "after the creator's release");
done:
    if (b)
        ok(ID3D11Texture2D_Release(b) == 0, "refcount of b");
    if (b2)
        ok(ID3D11Texture2D_Release(b2) == 0, "refcount of b2");
    if (a)
        ID3D11Texture2D_Release(a);
}

static void test_open_legacy_and_named(void)
{
    static const WCHAR name[] = {'d','3','d','1','1','v','k','-','t','e','s','t','-','t','e','x',0};
    ID3D11Texture2D *a, *b = NULL, *n;
    ID3D11Device1 *b1;
    IDXGIResource *r;
    HANDLE h = NULL, h2 = NULL;
    HRESULT hr;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED)))
        return;
    clear_tex(device_a, context_a, a, blue);
    read_texel(device_a, context_a, a, 0, 0);
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIResource, (void **)&r);
    IDXGIResource_GetSharedHandle(r, &h);
    IDXGIResource_Release(r);
    hr = ID3D11Device_OpenSharedResource(device_b, h, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == S_OK && b, "OpenSharedResource: %#lx", (unsigned long)hr);
    if (b)
    {
        ok(read_texel(device_b, context_b, b, 4, 4) == BLUE, "legacy share");
        ID3D11Texture2D_Release(b);
    }
    /* A legacy value is not an NT handle. */
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == E_INVALIDARG, "legacy value on OpenSharedResource1: %#lx", (unsigned long)hr);
    ID3D11Texture2D_Release(a);

    /* Named. */
    if (!(n = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
    {
        ID3D11Device1_Release(b1);
        return;
    }
    clear_tex(device_a, context_a, n, green);
    read_texel(device_a, context_a, n, 0, 0);
    h = nt_handle(n, GENERIC_ALL, name);
    ID3D11Texture2D_QueryInterface(n, &IID_IDXGIResource, (void **)&r);
    hr = IDXGIResource1_CreateSharedHandle((IDXGIResource1 *)r, NULL, GENERIC_ALL, name, &h2);
    ok(hr == DXGI_ERROR_NAME_ALREADY_EXISTS && !h2, "name taken: %#lx", (unsigned long)hr);
    IDXGIResource_Release(r);
    b = NULL;
    hr = ID3D11Device1_OpenSharedResourceByName(b1, name, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE,
            &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == S_OK && b, "OpenSharedResourceByName: %#lx", (unsigned long)hr);
    if (b)
    {
        ok(read_texel(device_b, context_b, b, 4, 4) == GREEN, "named share");
        ID3D11Texture2D_Release(b);
    }
    b = NULL;
    hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == S_OK && b, "OpenSharedResource1 of a named handle: %#lx", (unsigned long)hr);
    if (b)
        ID3D11Texture2D_Release(b);
    if (h)
        handle_close(h);
    ID3D11Texture2D_Release(n);
    ID3D11Device1_Release(b1);
}

static void test_access(void)
{
    ID3D11Texture2D *a, *b = NULL;
    ID3D11Device1 *b1;
    IDXGIResource1 *r;
    HANDLE h, h2 = NULL, none = NULL;
    HRESULT hr;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    h = nt_handle(a, DXGI_SHARED_RESOURCE_READ, NULL);
    hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == S_OK && b, "read-only open: %#lx", (unsigned long)hr);
    if (b)
    {
        /* A read-only opener cannot hand out write access. */
        ID3D11Texture2D_QueryInterface(b, &IID_IDXGIResource1, (void **)&r);
        hr = IDXGIResource1_CreateSharedHandle(r, NULL, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE, NULL, &h2);
        ok(hr == E_ACCESSDENIED && !h2, "write handle from a read-only open: %#lx", (unsigned long)hr);
        IDXGIResource1_Release(r);
        ID3D11Texture2D_Release(b);
    }
    /* A handle without the right to map anything: E_ACCESSDENIED (Windows' documented answer
     * for missing rights). */
#ifdef D3D11VK_NATIVE
    {
        char path[64];
        snprintf(path, sizeof(path), "/proc/self/fd/%d", (int)(intptr_t)h);
        none = (HANDLE)(intptr_t)open(path, O_PATH | O_CLOEXEC);
    }
#else
    DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &none, SECTION_QUERY, FALSE, 0);
#endif
    ok(none && (intptr_t)none != -1, "handle without rights");
    b = (ID3D11Texture2D *)(uintptr_t)1;
    hr = ID3D11Device1_OpenSharedResource1(b1, none, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == E_ACCESSDENIED && !b, "no rights: %#lx", (unsigned long)hr);
    handle_close(none);
    handle_close(h);
    ID3D11Texture2D_Release(a);
    ID3D11Device1_Release(b1);
}

static void test_keyed_mutex_ping_pong(void)
{
    static const float colors[4][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 1, 1, 1}};
    static const uint32_t expect[4] = {RED, GREEN, BLUE, 0xffffffffu};
    ID3D11Texture2D *a, *b = NULL;
    IDXGIKeyedMutex *ka, *kb;
    ID3D11Device1 *b1;
    unsigned int i, bad = 0;
    uint32_t v;
    HANDLE h;
    HRESULT hr;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    hr = ID3D11Texture2D_QueryInterface(a, &IID_IDXGIKeyedMutex, (void **)&ka);
    ok(hr == S_OK, "IDXGIKeyedMutex: %#lx", (unsigned long)hr);
    if (FAILED(hr))
    {
        ID3D11Texture2D_Release(a);
        return;
    }
    ok(vtable_complete(ka, sizeof(IDXGIKeyedMutexVtbl)), "keyed mutex vtable");
    h = nt_handle(a, GENERIC_ALL, NULL);
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
    ok(hr == S_OK && b, "open: %#lx", (unsigned long)hr);
    handle_close(h);
    ID3D11Device1_Release(b1);
    if (!b || FAILED(ID3D11Texture2D_QueryInterface(b, &IID_IDXGIKeyedMutex, (void **)&kb)))
    {
        ok(0, "no keyed mutex on the opened texture");
        IDXGIKeyedMutex_Release(ka);
        ID3D11Texture2D_Release(a);
        if (b)
            ID3D11Texture2D_Release(b);
        return;
    }
    ok(get_refcount(b) == 2, "opened refcount %lu", (unsigned long)get_refcount(b));

    ok(IDXGIKeyedMutex_ReleaseSync(ka, 0) == DXGI_ERROR_INVALID_CALL, "release without acquire");
    ok(IDXGIKeyedMutex_AcquireSync(ka, 0, 0) == S_OK, "A acquires 0");
    hr = IDXGIKeyedMutex_AcquireSync(kb, 0, 20);
    ok(hr == WAIT_TIMEOUT && hr == (HRESULT)0x102, "B while A holds: %#lx", (unsigned long)hr);
    ok(IDXGIKeyedMutex_AcquireSync(ka, 0, 0) == DXGI_ERROR_INVALID_CALL, "acquire twice");
    for (i = 0; i < 8; ++i)
    {
        /* A (holding key 0) writes, hands over with key 1; B checks, writes, hands back 0. */
        clear_tex(device_a, context_a, a, colors[i % 4]);
        if (IDXGIKeyedMutex_ReleaseSync(ka, 1) != S_OK)
            ++bad;
        if (IDXGIKeyedMutex_AcquireSync(kb, 1, 5000) != S_OK)
            ++bad;
        if ((v = read_texel(device_b, context_b, b, 8, 8)) != expect[i % 4])
        {
            ++bad;
            printf("   hand-off %u: B read %#x, expected %#x\n", i, v, expect[i % 4]);
        }
        clear_tex(device_b, context_b, b, colors[(i + 1) % 4]);
        if (IDXGIKeyedMutex_ReleaseSync(kb, 0) != S_OK)
            ++bad;
        if (IDXGIKeyedMutex_AcquireSync(ka, 0, 5000) != S_OK)
            ++bad;
        if ((v = read_texel(device_a, context_a, a, 8, 8)) != expect[(i + 1) % 4])
        {
            ++bad;
            printf("   hand-off %u: A read %#x, expected %#x\n", i, v, expect[(i + 1) % 4]);
        }
    }
    ok(!bad, "%u ping-pong failures", bad);
    ok(IDXGIKeyedMutex_ReleaseSync(ka, 2) == S_OK, "final release");
    ok(IDXGIKeyedMutex_AcquireSync(kb, 3, 10) == WAIT_TIMEOUT, "wrong key");
    ok(IDXGIKeyedMutex_AcquireSync(kb, 2, INFINITE) == S_OK, "INFINITE acquire of a free key");
    ok(IDXGIKeyedMutex_ReleaseSync(kb, 0) == S_OK, "release");
    IDXGIKeyedMutex_Release(kb);
    IDXGIKeyedMutex_Release(ka);
    ok(ID3D11Texture2D_Release(b) == 0, "b refcount");
    ok(ID3D11Texture2D_Release(a) == 0, "a refcount");
}

static void fill_tex(ID3D11DeviceContext *context, ID3D11Texture2D *t, uint32_t value)
{
    uint32_t texels[16 * 16];
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(texels); ++i)
        texels[i] = value;
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)t, 0, NULL, texels, 16 * 4, 0);
}

/* D3D11's keyed-mutex rule: a SHARED_KEYEDMUTEX resource is used by a device only while that
 * object holds the mutex; Windows drops commands that use it otherwise (the debug layer
 * reports them). Writes (clears, updates, copies into it) and reads (copies from it) are
 * dropped alike. */
static void test_keyed_mutex_rule(void)
{
    ID3D11Texture2D *a, *b = NULL, *other;
    IDXGIKeyedMutex *ka = NULL, *kb = NULL;
    ID3D11Device1 *b1;
    uint32_t v;
    HANDLE h;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    other = create_tex(device_a, 0);
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIKeyedMutex, (void **)&ka);
    h = nt_handle(a, GENERIC_ALL, NULL);
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b);
    handle_close(h);
    ID3D11Device1_Release(b1);
    if (!ka || !b || !other || FAILED(ID3D11Texture2D_QueryInterface(b, &IID_IDXGIKeyedMutex, (void **)&kb)))
    {
        ok(0, "setup");
        goto done;
    }
    /* Not held by anyone: the clear and the update are dropped. */
    clear_tex(device_a, context_a, a, red);
    fill_tex(context_a, a, GREEN);
    ok(IDXGIKeyedMutex_AcquireSync(ka, 0, 1000) == S_OK, "A acquires 0");
    v = read_texel(device_a, context_a, a, 4, 4);
    ok(v == 0, "writes without the mutex were not dropped: %#x", v);
    clear_tex(device_a, context_a, a, blue);
    v = read_texel(device_a, context_a, a, 4, 4);
    ok(v == BLUE, "A holding the mutex: %#x", v);
    ok(IDXGIKeyedMutex_ReleaseSync(ka, 1) == S_OK, "A releases 1");
    /* A no longer holds it: its clear and its copy into the texture are dropped, and so is
     * the copy out of it (read_texel's staging copy reads nothing: 0). */
    clear_tex(device_a, context_a, a, red);
    clear_tex(device_a, context_a, other, green);
    ID3D11DeviceContext_CopyResource(context_a, (ID3D11Resource *)a, (ID3D11Resource *)other);
    v = read_texel(device_a, context_a, a, 4, 4);
    ok(v == 0, "read without the mutex was not dropped: %#x", v);
    /* B, not holding it yet, cannot read either; once it holds key 1 it sees A's blue. */
    v = read_texel(device_b, context_b, b, 4, 4);
    ok(v == 0, "B read before acquiring: %#x", v);
    ok(IDXGIKeyedMutex_AcquireSync(kb, 1, 1000) == S_OK, "B acquires 1");
    v = read_texel(device_b, context_b, b, 4, 4);
    ok(v == BLUE, "B after the hand-off: %#x (dropped commands of A ran?)", v);
    /* The rule is per object: A's object is refused while B's holds the mutex. */
    clear_tex(device_a, context_a, a, red);
    fill_tex(context_b, b, GREEN);
    v = read_texel(device_b, context_b, b, 4, 4);
    ok(v == GREEN, "B's update while holding: %#x", v);
    ok(IDXGIKeyedMutex_ReleaseSync(kb, 0) == S_OK, "B releases 0");
    ok(IDXGIKeyedMutex_AcquireSync(ka, 0, 1000) == S_OK, "A acquires 0");
    v = read_texel(device_a, context_a, a, 4, 4);
    ok(v == GREEN, "A after B's hand-off: %#x", v);
    ok(IDXGIKeyedMutex_ReleaseSync(ka, 0) == S_OK, "A releases 0");
done:
    if (kb)
        IDXGIKeyedMutex_Release(kb);
    if (ka)
        IDXGIKeyedMutex_Release(ka);
    if (b)
        ID3D11Texture2D_Release(b);
    if (other)
        ID3D11Texture2D_Release(other);
    ID3D11Texture2D_Release(a);
}

/* The same rule for draws and dispatches: a dispatch writing a keyed-mutex texture through a
 * UAV runs only while the object holds the mutex; a read-only open's UAV cannot exist. */
static void test_keyed_mutex_rule_dispatch(void)
{
    /* cs_5_0, made with the project's assembler (d3d11vk-dxbc asm):
     *   dcl_uav_typed_texture2d (unorm,unorm,unorm,unorm) u0
     *   dcl_input vThreadID.xy
     *   dcl_temps 1
     *   dcl_thread_group 4, 4, 1
     *   mov r0.xyzw, l(0, 1.0, 0, 1.0)
     *   store_uav_typed u0.xyzw, vThreadID.xyyy, r0.xyzw
     *   ret */
    static const uint32_t cs_blob[] =
    {
        0x43425844, 0x54746141, 0x30921026, 0xd1c95ba4, 0x92a57f0a, 0x00000001, 0x000000c8, 0x00000003,
        0x0000002c, 0x0000003c, 0x0000004c, 0x4e475349, 0x00000008, 0x00000000, 0x00000008, 0x4e47534f,
        0x00000008, 0x00000000, 0x00000008, 0x58454853, 0x00000074, 0x00050050, 0x0000001d, 0x0400189c,
        0x0011e000, 0x00000000, 0x00001111, 0x0200005f, 0x00020032, 0x02000068, 0x00000001, 0x0400009b,
        0x00000004, 0x00000004, 0x00000001, 0x08000036, 0x001000f2, 0x00000000, 0x00004002, 0x00000000,
        0x3f800000, 0x00000000, 0x3f800000, 0x060000a4, 0x0011e0f2, 0x00000000, 0x00020546, 0x00100e46,
        0x00000000, 0x0100003e,
    };
    D3D11_TEXTURE2D_DESC d = tex_desc(D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
    ID3D11UnorderedAccessView *uav = NULL;
    ID3D11ComputeShader *cs = NULL;
    IDXGIKeyedMutex *km = NULL;
    ID3D11Texture2D *t = NULL;
    uint32_t v;

    d.BindFlags |= D3D11_BIND_UNORDERED_ACCESS;
    ID3D11Device_CreateComputeShader(device_a, cs_blob, sizeof(cs_blob), NULL, &cs);
    ID3D11Device_CreateTexture2D(device_a, &d, NULL, &t);
    if (t)
    {
        ID3D11Texture2D_QueryInterface(t, &IID_IDXGIKeyedMutex, (void **)&km);
        ID3D11Device_CreateUnorderedAccessView(device_a, (ID3D11Resource *)t, NULL, &uav);
    }
    if (!cs || !t || !km || !uav)
    {
        ok(0, "setup");
        goto done;
    }
    ID3D11DeviceContext_CSSetShader(context_a, cs, NULL, 0);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context_a, 0, 1, &uav, NULL);
    ID3D11DeviceContext_Dispatch(context_a, 4, 4, 1);      /* not held: dropped */
    ok(IDXGIKeyedMutex_AcquireSync(km, 0, 1000) == S_OK, "acquire 0");
    v = read_texel(device_a, context_a, t, 5, 9);
    ok(v == 0, "dispatch without the mutex was not dropped: %#x", v);
    ID3D11DeviceContext_Dispatch(context_a, 4, 4, 1);      /* held: runs */
    v = read_texel(device_a, context_a, t, 5, 9);
    ok(v == GREEN, "dispatch while holding: %#x", v);
    clear_tex(device_a, context_a, t, red);
    ok(IDXGIKeyedMutex_ReleaseSync(km, 0) == S_OK, "release 0");
    ID3D11DeviceContext_Dispatch(context_a, 4, 4, 1);      /* released: dropped */
    ok(IDXGIKeyedMutex_AcquireSync(km, 0, 1000) == S_OK, "acquire 0 again");
    v = read_texel(device_a, context_a, t, 5, 9);
    ok(v == RED, "dispatch after ReleaseSync was not dropped: %#x", v);
    IDXGIKeyedMutex_ReleaseSync(km, 0);
    ID3D11DeviceContext_CSSetUnorderedAccessViews(context_a, 0, 1, (ID3D11UnorderedAccessView *const[]){NULL}, NULL);
    ID3D11DeviceContext_CSSetShader(context_a, NULL, NULL, 0);
done:
    if (uav)
        ID3D11UnorderedAccessView_Release(uav);
    if (km)
        IDXGIKeyedMutex_Release(km);
    if (t)
        ID3D11Texture2D_Release(t);
    if (cs)
        ID3D11ComputeShader_Release(cs);
}

/* A resource opened through a DXGI_SHARED_RESOURCE_READ handle cannot be written: writable
 * views are refused (E_INVALIDARG) and writes through it (clears, UpdateSubresource, copies
 * into it) are dropped; reads work. A write-access open of the same resource can write. */
static void test_read_only_open(void)
{
    D3D11_TEXTURE2D_DESC d = tex_desc(D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
    ID3D11Texture2D *a, *ro = NULL, *rw = NULL, *other;
    ID3D11UnorderedAccessView *uav;
    ID3D11RenderTargetView *rtv;
    ID3D11Device1 *b1;
    HANDLE h, hw;
    uint32_t v;
    HRESULT hr;

    d.BindFlags |= D3D11_BIND_UNORDERED_ACCESS;
    if (FAILED(ID3D11Device_CreateTexture2D(device_a, &d, NULL, &a)))
    {
        ok(0, "shared UAV texture");
        return;
    }
    other = create_tex(device_b, 0);
    clear_tex(device_a, context_a, a, red);
    ok(read_texel(device_a, context_a, a, 2, 2) == RED, "A's clear");
    h = nt_handle(a, DXGI_SHARED_RESOURCE_READ, NULL);
    hw = nt_handle(a, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE, NULL);
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&ro);
    ID3D11Device1_OpenSharedResource1(b1, hw, &IID_ID3D11Texture2D, (void **)&rw);
    handle_close(h);
    handle_close(hw);
    ID3D11Device1_Release(b1);
    if (!ro || !rw || !other)
    {
        ok(0, "opens");
        goto done;
    }
    rtv = (ID3D11RenderTargetView *)(uintptr_t)1;
    hr = ID3D11Device_CreateRenderTargetView(device_b, (ID3D11Resource *)ro, NULL, &rtv);
    ok(hr == E_INVALIDARG, "RTV of a read-only open: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11RenderTargetView_Release(rtv);
    uav = (ID3D11UnorderedAccessView *)(uintptr_t)1;
    hr = ID3D11Device_CreateUnorderedAccessView(device_b, (ID3D11Resource *)ro, NULL, &uav);
    ok(hr == E_INVALIDARG, "UAV of a read-only open: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11UnorderedAccessView_Release(uav);
    /* Reading works; every write is dropped. */
    v = read_texel(device_b, context_b, ro, 2, 2);
    ok(v == RED, "read through the read-only open: %#x", v);
    fill_tex(context_b, ro, GREEN);
    clear_tex(device_b, context_b, other, blue);
    ID3D11DeviceContext_CopyResource(context_b, (ID3D11Resource *)ro, (ID3D11Resource *)other);
    ID3D11DeviceContext_CopySubresourceRegion(context_b, (ID3D11Resource *)ro, 0, 0, 0, 0, (ID3D11Resource *)other, 0, NULL);
    v = read_texel(device_b, context_b, ro, 2, 2);
    ok(v == RED, "write through the read-only open not dropped: %#x", v);
    /* The write-access open of the same memory writes (so the drops above are the rule's). */
    ok(ID3D11Device_CreateRenderTargetView(device_b, (ID3D11Resource *)rw, NULL, &rtv) == S_OK, "RTV of a writable open");
    ID3D11RenderTargetView_Release(rtv);
    fill_tex(context_b, rw, GREEN);
    v = read_texel(device_b, context_b, rw, 2, 2);
    ok(v == GREEN, "write through the writable open: %#x", v);
    v = read_texel(device_b, context_b, ro, 2, 2);
    ok(v == GREEN, "read-only open sees the writable open's data: %#x", v);
done:
    if (ro)
        ID3D11Texture2D_Release(ro);
    if (rw)
        ID3D11Texture2D_Release(rw);
    if (other)
        ID3D11Texture2D_Release(other);
    ID3D11Texture2D_Release(a);
}

/* Cross-process: the child opens the inherited handle and plays the other side. */
static const float km_colors[5][4] = {{1, 0, 0, 1}, {0, 1, 0, 1}, {0, 0, 1, 1}, {1, 1, 1, 1}, {1, 0, 1, 1}};
static const uint32_t km_expect[5] = {RED, GREEN, BLUE, 0xffffffffu, 0xffff00ffu};

static int child_main(const char *handle_text)
{
    HANDLE h = (HANDLE)(uintptr_t)strtoull(handle_text, NULL, 0);
    ID3D11DeviceContext *context;
    ID3D11Device1 *device1;
    ID3D11Device *device;
    IDXGIKeyedMutex *km;
    ID3D11Texture2D *t;
    int i, bad = 0;
    HRESULT hr;

    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device, NULL, &context)))
        return 100;
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device1, (void **)&device1);
    if ((hr = ID3D11Device1_OpenSharedResource1(device1, h, &IID_ID3D11Texture2D, (void **)&t)) != S_OK)
    {
        ID3D11Device1_Release(device1);   /* a clean refusal: nothing left behind */
        ID3D11DeviceContext_Release(context);
        ID3D11Device_Release(device);
        return hr == E_INVALIDARG ? CHILD_OPEN_REFUSED : 101;
    }
    handle_close(h);
    if (FAILED(ID3D11Texture2D_QueryInterface(t, &IID_IDXGIKeyedMutex, (void **)&km)))
        return 102;
    for (i = 0; i < 4; ++i)
    {
        if (IDXGIKeyedMutex_AcquireSync(km, 1, 30000) != S_OK)
            return 103;
        if (read_texel(device, context, t, 9, 9) != km_expect[i])
            ++bad;
        clear_tex(device, context, t, km_colors[i + 1]);
        if (IDXGIKeyedMutex_ReleaseSync(km, 0) != S_OK)
            return 104;
    }
    IDXGIKeyedMutex_Release(km);
    ID3D11Texture2D_Release(t);
    ID3D11Device1_Release(device1);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return bad;
}

/* Takes the mutex and exits without releasing it: the mutex is abandoned. */
static int child_abandon(const char *handle_text)
{
    HANDLE h = (HANDLE)(uintptr_t)strtoull(handle_text, NULL, 0);
    HRESULT hr;
    ID3D11Device1 *device1;
    ID3D11Device *device;
    IDXGIKeyedMutex *km;
    ID3D11Texture2D *t;

    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device, NULL, NULL)))
        return 100;
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device1, (void **)&device1);
    if ((hr = ID3D11Device1_OpenSharedResource1(device1, h, &IID_ID3D11Texture2D, (void **)&t)) == E_INVALIDARG)
    {
        ID3D11Device1_Release(device1);
        ID3D11Device_Release(device);
        return CHILD_OPEN_REFUSED;
    }
    if (FAILED(hr) || FAILED(ID3D11Texture2D_QueryInterface(t, &IID_IDXGIKeyedMutex, (void **)&km)))
        return 101;
    /* Dies holding it, without any cleanup (no atexit handlers: nothing is released). */
#ifdef D3D11VK_NATIVE
    _exit(IDXGIKeyedMutex_AcquireSync(km, 5, 30000) == S_OK ? 0 : 102);
#else
    TerminateProcess(GetCurrentProcess(), IDXGIKeyedMutex_AcquireSync(km, 5, 30000) == S_OK ? 0 : 102);
    return 103;
#endif
}

static const char *child_mode = "child-km";

/* Fence ordering across processes: wait for 1 (the parent's red), check, clear green, signal 2. */
static int child_fence(const char *arg)
{
    HANDLE ht = (HANDLE)(uintptr_t)strtoull(arg, NULL, 0), hf;
    ID3D11DeviceContext4 *context4;
    ID3D11DeviceContext *context;
    ID3D11Device5 *device5;
    ID3D11Device *device;
    ID3D11Texture2D *t;
    ID3D11Fence *fence;
    const char *colon = strchr(arg, ':');
    int bad = 0;
    HRESULT hr;

    if (!colon)
        return 110;
    hf = (HANDLE)(uintptr_t)strtoull(colon + 1, NULL, 0);
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device, NULL, &context)))
        return 111;
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device5, (void **)&device5);
    ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext4, (void **)&context4);
    if ((hr = ID3D11Device5_OpenSharedResource1(device5, ht, &IID_ID3D11Texture2D, (void **)&t)) == E_INVALIDARG)
    {
        ID3D11DeviceContext4_Release(context4);
        ID3D11Device5_Release(device5);
        ID3D11DeviceContext_Release(context);
        ID3D11Device_Release(device);
        return CHILD_OPEN_REFUSED;
    }
    if (FAILED(hr) || FAILED(ID3D11Device5_OpenSharedFence(device5, hf, &IID_ID3D11Fence, (void **)&fence)))
        return 112;
    if (ID3D11DeviceContext4_Wait(context4, fence, 1) != S_OK)
        return 113;
    if (read_texel(device, context, t, 3, 12) != RED)
        ++bad;
    clear_tex(device, context, t, green);
    ID3D11DeviceContext4_Signal(context4, fence, 2);
    ID3D11Fence_Release(fence);
    ID3D11Texture2D_Release(t);
    ID3D11DeviceContext4_Release(context4);
    ID3D11Device5_Release(device5);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return bad;
}

/* Buffers and multisampled textures across processes (keyed mutex on each): what the child
 * reads and writes. */
#define KINDS_WORDS 64
static ID3D11Buffer *kinds_buffer(ID3D11Device *device, UINT misc, const uint32_t *init)
{
    D3D11_BUFFER_DESC bd = {KINDS_WORDS * 4, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, misc, 0};
    D3D11_SUBRESOURCE_DATA data = {init, 0, 0};
    ID3D11Buffer *b = NULL;

    ID3D11Device_CreateBuffer(device, &bd, init ? &data : NULL, &b);
    return b;
}

/* Reads the buffer's words through a staging copy (0xdeadbeef in words[0] on failure). */
static void read_buffer(ID3D11Device *device, ID3D11DeviceContext *context, ID3D11Buffer *b, uint32_t *words)
{
    D3D11_BUFFER_DESC bd = {KINDS_WORDS * 4, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, 0};
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *staging;

    words[0] = 0xdeadbeef;
    if (FAILED(ID3D11Device_CreateBuffer(device, &bd, NULL, &staging)))
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)staging, (ID3D11Resource *)b);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
    {
        memcpy(words, map.pData, KINDS_WORDS * 4);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
    }
    ID3D11Buffer_Release(staging);
}

static unsigned int check_words(const uint32_t *words, uint32_t base)
{
    unsigned int i, bad = 0;

    for (i = 0; i < KINDS_WORDS; ++i)
        bad += words[i] != base + i * 3;
    return bad;
}

static void fill_words(uint32_t *words, uint32_t base)
{
    unsigned int i;

    for (i = 0; i < KINDS_WORDS; ++i)
        words[i] = base + i * 3;
}

static ID3D11Texture2D *msaa_tex(ID3D11Device *device, UINT misc)
{
    D3D11_TEXTURE2D_DESC d = {16, 16, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, {4, 0}, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET, 0, misc};
    ID3D11Texture2D *t = NULL;

    ID3D11Device_CreateTexture2D(device, &d, NULL, &t);
    return t;
}

/* The resolved texel (8, 8) of a 4x MSAA texture (0xdeadbeef on failure). */
static uint32_t read_msaa(ID3D11Device *device, ID3D11DeviceContext *context, ID3D11Texture2D *t)
{
    ID3D11Texture2D *single = create_tex(device, 0);
    uint32_t v = 0xdeadbeef;

    if (single)
    {
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)single, 0, (ID3D11Resource *)t, 0,
                DXGI_FORMAT_R8G8B8A8_UNORM);
        v = read_texel(device, context, single, 8, 8);
        ID3D11Texture2D_Release(single);
    }
    return v;
}

/* MSAA shares cross processes where the memory itself is shared (fd tier natively; the
 * host tier's section copies do not carry multisampled data). */
static bool msaa_cross_process(void)
{
#ifdef D3D11VK_NATIVE
    const char *tier = getenv("D3D11VK_SHARING_TIER");
    return !tier || !*tier || !strcmp(tier, "fd");
#else
    return false;
#endif
}

/* Child side: with key 1 check the parent's words and colour, write new ones, release 2. */
static int child_kinds(const char *arg)
{
    HANDLE hb = (HANDLE)(uintptr_t)strtoull(arg, NULL, 0), ht;
    const char *colon = strchr(arg, ':');
    ID3D11DeviceContext *context;
    uint32_t words[KINDS_WORDS];
    IDXGIKeyedMutex *kb, *kt;
    ID3D11Device1 *device1;
    ID3D11Device *device;
    ID3D11Texture2D *t;
    ID3D11Buffer *b;
    bool refused;
    int bad = 0;
    HRESULT hr;

    if (!colon)
        return 120;
    ht = (HANDLE)(uintptr_t)strtoull(colon + 1, NULL, 0);
    refused = strchr(colon + 1, ':') != NULL;     /* ":r": the MSAA open must fail with E_NOTIMPL */
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device, NULL, &context)))
        return 121;
    ID3D11Device_QueryInterface(device, &IID_ID3D11Device1, (void **)&device1);
    if ((hr = ID3D11Device1_OpenSharedResource1(device1, hb, &IID_ID3D11Buffer, (void **)&b)) == E_INVALIDARG)
    {
        ID3D11Device1_Release(device1);
        ID3D11DeviceContext_Release(context);
        ID3D11Device_Release(device);
        return CHILD_OPEN_REFUSED;
    }
    if (FAILED(hr) || FAILED(ID3D11Buffer_QueryInterface(b, &IID_IDXGIKeyedMutex, (void **)&kb)))
        return 122;
    if (IDXGIKeyedMutex_AcquireSync(kb, 1, 30000) != S_OK)
        return 123;
    read_buffer(device, context, b, words);
    if (check_words(words, 0x1000))
        bad |= 1;
    fill_words(words, 0x2000);
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)b, 0, NULL, words, 0, 0);
    IDXGIKeyedMutex_ReleaseSync(kb, 2);
    IDXGIKeyedMutex_Release(kb);
    ID3D11Buffer_Release(b);
    if (ht && refused)
    {
        t = NULL;
        if ((hr = ID3D11Device1_OpenSharedResource1(device1, ht, &IID_ID3D11Texture2D, (void **)&t)) != E_NOTIMPL)
            bad |= 4;
        if (t)
            ID3D11Texture2D_Release(t);
    }
    else if (ht)
    {
        if (FAILED(ID3D11Device1_OpenSharedResource1(device1, ht, &IID_ID3D11Texture2D, (void **)&t))
                || FAILED(ID3D11Texture2D_QueryInterface(t, &IID_IDXGIKeyedMutex, (void **)&kt)))
            return 124;
        if (IDXGIKeyedMutex_AcquireSync(kt, 1, 30000) != S_OK)
            return 125;
        if (read_msaa(device, context, t) != BLUE)
            bad |= 2;
        clear_tex(device, context, t, green);
        IDXGIKeyedMutex_ReleaseSync(kt, 2);
        IDXGIKeyedMutex_Release(kt);
        ID3D11Texture2D_Release(t);
    }
    ID3D11Device1_Release(device1);
    ID3D11DeviceContext_Release(context);
    ID3D11Device_Release(device);
    return bad;
}

static HANDLE second_handle;   /* passed as "first:second" when set */

static bool spawn_child(HANDLE handle, void **process)
{
    char arg[64];

    if (second_handle)
        snprintf(arg, sizeof(arg), "%#llx:%#llx", (unsigned long long)(uintptr_t)handle,
                (unsigned long long)(uintptr_t)second_handle);
    else
        snprintf(arg, sizeof(arg), "%#llx", (unsigned long long)(uintptr_t)handle);
    return child_start(self_path, child_mode, arg, process);
}

static void test_keyed_mutex_child_process(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    ID3D11Texture2D *a;
    IDXGIKeyedMutex *km;
    IDXGIResource1 *r;
    unsigned int bad = 0;
    void *process;
    uint32_t v;
    HANDLE h;
    HRESULT hr;
    int i, code;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIKeyedMutex, (void **)&km);
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIResource1, (void **)&r);
    hr = IDXGIResource1_CreateSharedHandle(r, &sa, GENERIC_ALL, NULL, &h);
    IDXGIResource1_Release(r);
    ok(hr == S_OK, "inheritable handle: %#lx", (unsigned long)hr);
    if (FAILED(hr) || !spawn_child(h, &process))
    {
        ok(0, "could not start the child");
        IDXGIKeyedMutex_Release(km);
        ID3D11Texture2D_Release(a);
        return;
    }
    handle_close(h);
    if (inprocess_forced())
    {
        /* The in-process tier cannot reach another process: the child's open fails cleanly. */
        code = child_exit_code(process, 120000);
        ok(code == CHILD_OPEN_REFUSED, "forced in-process tier: child exit code %d, expected %d", code,
                CHILD_OPEN_REFUSED);
        IDXGIKeyedMutex_Release(km);
        ID3D11Texture2D_Release(a);
        return;
    }
    for (i = 0; i < 4; ++i)
    {
        /* Parent holds key 0: writes colour i, hands over with 1; the child checks it, writes
         * colour i + 1 and hands back 0. */
        if ((hr = IDXGIKeyedMutex_AcquireSync(km, 0, 30000)) != S_OK)
        {
            ok(0, "parent AcquireSync(0) %d: %#lx", i, (unsigned long)hr);
            break;
        }
        if (i && (v = read_texel(device_a, context_a, a, 9, 9)) != km_expect[i])
        {
            ++bad;
            printf("   round %d: parent read %#x, expected %#x\n", i, v, km_expect[i]);
        }
        clear_tex(device_a, context_a, a, km_colors[i]);
        IDXGIKeyedMutex_ReleaseSync(km, 1);
    }
    hr = IDXGIKeyedMutex_AcquireSync(km, 0, 30000);
    ok(hr == S_OK, "final AcquireSync: %#lx", (unsigned long)hr);
    if (hr == S_OK && (v = read_texel(device_a, context_a, a, 9, 9)) != km_expect[4])
    {
        ++bad;
        printf("   final: parent read %#x, expected %#x\n", v, km_expect[4]);
    }
    code = child_exit_code(process, 120000);
    ok(code == 0, "child exit code %d (pixel mismatches or a failed step)", code);
    ok(!bad, "%u parent pixel mismatches", bad);
    IDXGIKeyedMutex_ReleaseSync(km, 0);
    IDXGIKeyedMutex_Release(km);
    ID3D11Texture2D_Release(a);
}

static void test_keyed_mutex_abandoned(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    ID3D11Texture2D *a;
    IDXGIKeyedMutex *km;
    IDXGIResource1 *r;
    void *process;
    HANDLE h;
    HRESULT hr;
    int code;

    if (!(a = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE)))
        return;
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIKeyedMutex, (void **)&km);
    ok(IDXGIKeyedMutex_AcquireSync(km, 0, 0) == S_OK && IDXGIKeyedMutex_ReleaseSync(km, 5) == S_OK, "hand 5 over");
    ID3D11Texture2D_QueryInterface(a, &IID_IDXGIResource1, (void **)&r);
    hr = IDXGIResource1_CreateSharedHandle(r, &sa, GENERIC_ALL, NULL, &h);
    IDXGIResource1_Release(r);
    child_mode = "child-abandon";
    if (FAILED(hr) || !spawn_child(h, &process))
        ok(0, "could not start the child");
    else
    {
        handle_close(h);
        code = child_exit_code(process, 120000);
        if (inprocess_forced())
        {
            ok(code == CHILD_OPEN_REFUSED, "forced in-process tier: child exit code %d", code);
            child_mode = "child-km";
            IDXGIKeyedMutex_Release(km);
            ID3D11Texture2D_Release(a);
            return;
        }
        ok(code == 0, "child exit code %d", code);
        /* The holder died holding it: the next acquirer gets it with WAIT_ABANDONED. */
        hr = IDXGIKeyedMutex_AcquireSync(km, 0, 5000);
        ok(hr == WAIT_ABANDONED && hr == (HRESULT)0x80, "AcquireSync after the holder died: %#lx", (unsigned long)hr);
        ok(IDXGIKeyedMutex_ReleaseSync(km, 0) == S_OK, "release after abandonment");
        ok(IDXGIKeyedMutex_AcquireSync(km, 0, 0) == S_OK, "usable again");
        IDXGIKeyedMutex_ReleaseSync(km, 0);
    }
    child_mode = "child-km";
    IDXGIKeyedMutex_Release(km);
    ID3D11Texture2D_Release(a);
}

/* ID3D11DeviceContext4::Signal on one device orders a clear before the other device's
 * copy after its Wait: two devices of this process, then a child process. */
/* A buffer and a 4x multisampled texture shared with a child process, each with a keyed
 * mutex: the child sees the parent's words and colour and the parent the child's. Natively
 * both go through exported memory (fd tier); the buffer also through the host tier. */
static void test_kinds_child_process(void)
{
    const UINT misc = D3D11_RESOURCE_MISC_SHARED_KEYEDMUTEX | D3D11_RESOURCE_MISC_SHARED_NTHANDLE;
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    IDXGIKeyedMutex *kb = NULL, *kt = NULL;
    uint32_t words[KINDS_WORDS], v;
    ID3D11Texture2D *t = NULL;
    HANDLE hb = NULL, ht = NULL;
    bool msaa_refused;
    IDXGIResource1 *r;
    ID3D11Buffer *b;
    void *process;
    int code;

    fill_words(words, 0x1000);
    if (!(b = kinds_buffer(device_a, misc, words)))
    {
        ok(0, "shared keyed-mutex buffer");
        return;
    }
    ID3D11Buffer_QueryInterface(b, &IID_IDXGIKeyedMutex, (void **)&kb);
    ID3D11Buffer_QueryInterface(b, &IID_IDXGIResource1, (void **)&r);
    IDXGIResource1_CreateSharedHandle(r, &sa, GENERIC_ALL, NULL, &hb);
    IDXGIResource1_Release(r);
    /* Elsewhere (host tier) a multisampled share is refused in other processes: E_NOTIMPL. */
    msaa_refused = !msaa_cross_process() && !inprocess_forced();
    if (msaa_cross_process() || msaa_refused)
    {
        t = msaa_tex(device_a, misc);
        ok(t != NULL, "shared 4x MSAA texture");
        if (t)
        {
            ID3D11Texture2D_QueryInterface(t, &IID_IDXGIKeyedMutex, (void **)&kt);
            ID3D11Texture2D_QueryInterface(t, &IID_IDXGIResource1, (void **)&r);
            IDXGIResource1_CreateSharedHandle(r, &sa, GENERIC_ALL, NULL, &ht);
            IDXGIResource1_Release(r);
        }
    }
    ok(kb && hb && (!t || (kt && ht)), "keyed mutexes and handles");
    if (!kb || !hb || (t && (!kt || !ht)))
        goto done;
    ok(IDXGIKeyedMutex_AcquireSync(kb, 0, 0) == S_OK, "buffer: acquire 0");
    read_buffer(device_a, context_a, b, words);
    ok(!check_words(words, 0x1000), "buffer initial data: %#x", words[0]);
    IDXGIKeyedMutex_ReleaseSync(kb, 1);
    if (kt)
    {
        ok(IDXGIKeyedMutex_AcquireSync(kt, 0, 0) == S_OK, "MSAA: acquire 0");
        clear_tex(device_a, context_a, t, blue);
        v = read_msaa(device_a, context_a, t);
        ok(v == BLUE, "MSAA clear resolved: %#x", v);
        IDXGIKeyedMutex_ReleaseSync(kt, 1);
    }
    {
        char arg[64];
        snprintf(arg, sizeof(arg), "%#llx:%#llx%s", (unsigned long long)(uintptr_t)hb, (unsigned long long)(uintptr_t)ht,
                msaa_refused ? ":r" : "");
        if (!child_start(self_path, "child-kinds", arg, &process))
        {
            ok(0, "could not start the child");
            goto done;
        }
    }
    code = child_exit_code(process, 120000);
    if (inprocess_forced())
    {
        ok(code == CHILD_OPEN_REFUSED, "forced in-process tier: child exit code %d", code);
        goto done;
    }
    ok(code == 0, "child exit code %d (1: buffer words, 2: MSAA colour, 4: MSAA open not refused)", code);
    ok(IDXGIKeyedMutex_AcquireSync(kb, 2, 5000) == S_OK, "buffer: acquire 2");
    read_buffer(device_a, context_a, b, words);
    ok(!check_words(words, 0x2000), "buffer after the child: %#x", words[0]);
    IDXGIKeyedMutex_ReleaseSync(kb, 0);
    if (kt && !msaa_refused)
    {
        ok(IDXGIKeyedMutex_AcquireSync(kt, 2, 5000) == S_OK, "MSAA: acquire 2");
        v = read_msaa(device_a, context_a, t);
        ok(v == GREEN, "MSAA after the child: %#x", v);
        IDXGIKeyedMutex_ReleaseSync(kt, 0);
    }
done:
    if (hb)
        handle_close(hb);
    if (ht)
        handle_close(ht);
    if (kt)
        IDXGIKeyedMutex_Release(kt);
    if (t)
        ID3D11Texture2D_Release(t);
    if (kb)
        IDXGIKeyedMutex_Release(kb);
    ID3D11Buffer_Release(b);
}

static void test_fence_orders_work(void)
{
    SECURITY_ATTRIBUTES sa = {sizeof(sa), NULL, TRUE};
    ID3D11DeviceContext4 *ca4, *cb4;
    ID3D11Device5 *a5, *b5;
    ID3D11Texture2D *ta, *tb = NULL;
    ID3D11Fence *fa, *fb = NULL;
    IDXGIResource1 *r;
    HANDLE ht = NULL, hf = NULL;
    void *process;
    uint32_t v;
    int code;

    ID3D11Device_QueryInterface(device_a, &IID_ID3D11Device5, (void **)&a5);
    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device5, (void **)&b5);
    ID3D11DeviceContext_QueryInterface(context_a, &IID_ID3D11DeviceContext4, (void **)&ca4);
    ID3D11DeviceContext_QueryInterface(context_b, &IID_ID3D11DeviceContext4, (void **)&cb4);
    ta = create_tex(device_a, D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
    if (!ta || FAILED(ID3D11Device5_CreateFence(a5, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fa)))
        goto done_devices;
    ID3D11Texture2D_QueryInterface(ta, &IID_IDXGIResource1, (void **)&r);
    IDXGIResource1_CreateSharedHandle(r, &sa, GENERIC_ALL, NULL, &ht);
    IDXGIResource1_Release(r);
    ID3D11Fence_CreateSharedHandle(fa, &sa, GENERIC_ALL, NULL, &hf);
    ok(ht && hf, "handles");
    ID3D11Device5_OpenSharedResource1(b5, ht, &IID_ID3D11Texture2D, (void **)&tb);
    ID3D11Device5_OpenSharedFence(b5, hf, &IID_ID3D11Fence, (void **)&fb);
    ok(tb && fb, "opened on B");
    if (tb && fb)
    {
        clear_tex(device_a, context_a, ta, blue);
        ok(ID3D11DeviceContext4_Signal(ca4, fa, 1) == S_OK, "Signal on A");
        ok(ID3D11DeviceContext4_Wait(cb4, fb, 1) == S_OK, "Wait on B");
        v = read_texel(device_b, context_b, tb, 6, 6);
        ok(v == BLUE, "B after the fence: %#x", v);
    }
    if (tb)
        ID3D11Texture2D_Release(tb);
    if (fb)
        ID3D11Fence_Release(fb);

    /* The child waits for 1 of a new fence (fences backed by timeline semaphores only grow). */
    handle_close(hf);
    hf = NULL;
    ID3D11Fence_Release(fa);
    fa = NULL;
    if (SUCCEEDED(ID3D11Device5_CreateFence(a5, 0, D3D11_FENCE_FLAG_SHARED, &IID_ID3D11Fence, (void **)&fa)))
        ID3D11Fence_CreateSharedHandle(fa, &sa, GENERIC_ALL, NULL, &hf);
    ok(fa && hf, "second fence");
    second_handle = hf;
    child_mode = "child-fence";
    if (!hf || !spawn_child(ht, &process))
        ok(0, "could not start the child");
    else if (inprocess_forced())
    {
        code = child_exit_code(process, 120000);
        ok(code == CHILD_OPEN_REFUSED, "forced in-process tier: child exit code %d", code);
    }
    else
    {
        clear_tex(device_a, context_a, ta, red);
        ID3D11DeviceContext4_Signal(ca4, fa, 1);
        ID3D11DeviceContext4_Wait(ca4, fa, 2);
        v = read_texel(device_a, context_a, ta, 12, 3);
        ok(v == GREEN, "parent after the child's signal: %#x", v);
        code = child_exit_code(process, 120000);
        ok(code == 0, "child exit code %d", code);
    }
    second_handle = NULL;
    child_mode = "child-km";
    handle_close(ht);
    if (hf)
        handle_close(hf);
    if (fa)
        ID3D11Fence_Release(fa);
done_devices:
    if (ta)
        ID3D11Texture2D_Release(ta);
    ID3D11DeviceContext4_Release(ca4);
    ID3D11DeviceContext4_Release(cb4);
    ID3D11Device5_Release(a5);
    ID3D11Device5_Release(b5);
}

/* Buffers and 1D/3D textures share too: same description, same contents. */
static void test_other_kinds(void)
{
    D3D11_BUFFER_DESC bd = {256, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0,
            D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE, 0}, bd2;
    D3D11_TEXTURE1D_DESC d1 = {64, 1, 2, DXGI_FORMAT_R32_FLOAT, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0,
            D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE}, d1b;
    D3D11_TEXTURE3D_DESC d3 = {8, 8, 4, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0,
            D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE}, d3b;
    D3D11_SUBRESOURCE_DATA data;
    D3D11_MAPPED_SUBRESOURCE map;
    uint32_t words[64], i, bad = 0;
    ID3D11Resource *res, *opened;
    ID3D11Device1 *b1;
    IDXGIResource1 *r;
    ID3D11Buffer *staging;
    HANDLE h;
    HRESULT hr;

    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    for (i = 0; i < 64; ++i)
        words[i] = 0x1000 + i * 7;
    data.pSysMem = words;
    data.SysMemPitch = data.SysMemSlicePitch = 0;
    hr = ID3D11Device_CreateBuffer(device_a, &bd, &data, (ID3D11Buffer **)&res);
    ok(hr == S_OK, "shared buffer: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Resource_QueryInterface(res, &IID_IDXGIResource1, (void **)&r);
        IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h);
        IDXGIResource1_Release(r);
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Buffer, (void **)&opened);
        ok(hr == S_OK, "open buffer: %#lx", (unsigned long)hr);
        handle_close(h);
        if (SUCCEEDED(hr))
        {
            ID3D11Buffer_GetDesc((ID3D11Buffer *)opened, &bd2);
            ok(!memcmp(&bd, &bd2, sizeof(bd)), "buffer description");
            bd2.Usage = D3D11_USAGE_STAGING;
            bd2.BindFlags = 0;
            bd2.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
            bd2.MiscFlags = 0;
            if (SUCCEEDED(ID3D11Device_CreateBuffer(device_b, &bd2, NULL, &staging)))
            {
                ID3D11DeviceContext_CopyResource(context_b, (ID3D11Resource *)staging, opened);
                if (SUCCEEDED(ID3D11DeviceContext_Map(context_b, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
                {
                    for (i = 0; i < 64; ++i)
                        bad += ((const uint32_t *)map.pData)[i] != words[i];
                    ID3D11DeviceContext_Unmap(context_b, (ID3D11Resource *)staging, 0);
                }
                else
                    ++bad;
                ID3D11Buffer_Release(staging);
            }
            ok(!bad, "%u buffer words differ", bad);
            ID3D11Resource_Release(opened);
        }
        ID3D11Resource_Release(res);
    }

    hr = ID3D11Device_CreateTexture1D(device_a, &d1, NULL, (ID3D11Texture1D **)&res);
    ok(hr == S_OK, "shared 1D texture: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Resource_QueryInterface(res, &IID_IDXGIResource1, (void **)&r);
        IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h);
        IDXGIResource1_Release(r);
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture1D, (void **)&opened);
        ok(hr == S_OK, "open 1D: %#lx", (unsigned long)hr);
        handle_close(h);
        if (SUCCEEDED(hr))
        {
            ID3D11Texture1D_GetDesc((ID3D11Texture1D *)opened, &d1b);
            ok(!memcmp(&d1, &d1b, sizeof(d1)), "1D description");
            ID3D11Resource_Release(opened);
        }
        ID3D11Resource_Release(res);
    }

    hr = ID3D11Device_CreateTexture3D(device_a, &d3, NULL, (ID3D11Texture3D **)&res);
    ok(hr == S_OK, "shared 3D texture: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ID3D11Resource_QueryInterface(res, &IID_IDXGIResource1, (void **)&r);
        IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h);
        IDXGIResource1_Release(r);
        hr = ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture3D, (void **)&opened);
        ok(hr == S_OK, "open 3D: %#lx", (unsigned long)hr);
        handle_close(h);
        if (SUCCEEDED(hr))
        {
            ID3D11Texture3D_GetDesc((ID3D11Texture3D *)opened, &d3b);
            ok(!memcmp(&d3, &d3b, sizeof(d3)), "3D description");
            ID3D11Resource_Release(opened);
        }
        ID3D11Resource_Release(res);
    }
    ID3D11Device1_Release(b1);
}

static void test_cycles(void)
{
    uint64_t mem_before = 0, mem_after;
    unsigned long before = 0, after;
    unsigned int i, failures = 0;
    ID3D11Device1 *b1;

    ID3D11Device_QueryInterface(device_b, &IID_ID3D11Device1, (void **)&b1);
    for (i = 0; i < 1100; ++i)
    {
        D3D11_TEXTURE2D_DESC d = tex_desc(D3D11_RESOURCE_MISC_SHARED | D3D11_RESOURCE_MISC_SHARED_NTHANDLE);
        ID3D11Texture2D *a, *b;
        IDXGIResource1 *r;
        HANDLE h;

        if (i == 100)
        {
            before = handle_count();
            mem_before = memory_usage();
        }
        d.Width = d.Height = 4;
        if (FAILED(ID3D11Device_CreateTexture2D(device_a, &d, NULL, &a)))
        {
            ++failures;
            continue;
        }
        ID3D11Texture2D_QueryInterface(a, &IID_IDXGIResource1, (void **)&r);
        if (SUCCEEDED(IDXGIResource1_CreateSharedHandle(r, NULL, GENERIC_ALL, NULL, &h)))
        {
            if (SUCCEEDED(ID3D11Device1_OpenSharedResource1(b1, h, &IID_ID3D11Texture2D, (void **)&b)))
            {
                /* Every release order. */
                if (i & 1)
                {
                    handle_close(h);
                    ID3D11Texture2D_Release(b);
                    IDXGIResource1_Release(r);
                    ID3D11Texture2D_Release(a);
                }
                else
                {
                    IDXGIResource1_Release(r);
                    ID3D11Texture2D_Release(a);
                    ID3D11Texture2D_Release(b);
                    handle_close(h);
                }
                continue;
            }
            handle_close(h);
        }
        ++failures;
        IDXGIResource1_Release(r);
        ID3D11Texture2D_Release(a);
    }
    after = handle_count();
    mem_after = memory_usage();
    ID3D11Device1_Release(b1);
    ok(!failures, "%u cycles failed", failures);
    ok(after <= before + 2, "handles grew from %lu to %lu", before, after);
#ifdef __SANITIZE_ADDRESS__
    /* AddressSanitizer keeps freed memory in quarantine (its RSS grows); LeakSanitizer checks
     * at exit instead. */
    printf("   memory growth not checked under AddressSanitizer (LeakSanitizer does at exit)\n");
#else
    ok(mem_after <= mem_before + 4 * 1024 * 1024, "memory grew from %llu to %llu KiB",
            (unsigned long long)(mem_before >> 10), (unsigned long long)(mem_after >> 10));
#endif
    printf("   1000 texture cycles: handles %lu -> %lu, memory %llu -> %llu KiB\n", before, after,
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
    if (argc == 3 && !strcmp(argv[1], "child-km"))
        return child_main(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "child-fence"))
        return child_fence(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "child-abandon"))
        return child_abandon(argv[2]);
    if (argc == 3 && !strcmp(argv[1], "child-kinds"))
        return child_kinds(argv[2]);
    if (!test_init())
        return test_finish();
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device_a, NULL, &context_a))
            || FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION,
            &device_b, NULL, &context_b)))
    {
        ok(0, "devices");
        return test_finish();
    }
    run_test(test_creation_rules);
    run_test(test_handles_by_kind);
    run_test(test_open_nt_two_devices);
    run_test(test_open_legacy_and_named);
    run_test(test_access);
    run_test(test_keyed_mutex_ping_pong);
    run_test(test_keyed_mutex_rule);
    run_test(test_keyed_mutex_rule_dispatch);
    run_test(test_read_only_open);
    run_test(test_keyed_mutex_child_process);
    run_test(test_keyed_mutex_abandoned);
    run_test(test_fence_orders_work);
    run_test(test_kinds_child_process);
    run_test(test_other_kinds);
    run_test(test_cycles);
    ID3D11DeviceContext_Release(context_a);
    ID3D11DeviceContext_Release(context_b);
    ID3D11Device_Release(device_a);
    ID3D11Device_Release(device_b);
    return test_finish();
}
