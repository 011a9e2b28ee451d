/* test_deferred.c — deferred contexts and command lists (same pixels as the immediate context,
 * lists executed twice, Map DISCARD on deferred contexts, FinishCommandList rules) and
 * ID3D11Multithread protection of the immediate context used from two threads. */
#include "test.h"
#ifdef D3D11VK_NATIVE
# include <pthread.h>
#endif

static ID3D11Device *device;
static ID3D11DeviceContext *context;

static ID3D11Texture2D *create_tex(UINT bind, D3D11_USAGE usage, UINT cpu)
{
    D3D11_TEXTURE2D_DESC d = { 8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 1, 0 }, usage, bind, cpu };
    static const uint32_t zero[64];
    D3D11_SUBRESOURCE_DATA init = { zero, 32, 0 };
    ID3D11Texture2D *t = NULL;
    HRESULT hr = ID3D11Device_CreateTexture2D(device, &d, &init, &t);
    ok(hr == S_OK, "CreateTexture2D: %#lx", (unsigned long)hr);
    return t;
}

/* Reads the 8x8 RGBA8 texture's texels. */
static bool read_tex(ID3D11Texture2D *t, uint32_t px[64])
{
    ID3D11Texture2D *s = create_tex(0, D3D11_USAGE_STAGING, D3D11_CPU_ACCESS_READ);
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int y;
    bool ret = false;

    if (!s)
        return false;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)s, (ID3D11Resource *)t);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)s, 0, D3D11_MAP_READ, 0, &map)))
    {
        for (y = 0; y < 8; ++y)
            memcpy(px + y * 8, (uint8_t *)map.pData + y * map.RowPitch, 32);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)s, 0);
        ret = true;
    }
    ID3D11Texture2D_Release(s);
    return ret;
}

static bool all_equal(const uint32_t px[64], uint32_t v)
{
    unsigned int i;
    for (i = 0; i < 64; ++i)
        if (px[i] != v)
            return false;
    return true;
}

/* The same commands on both kinds of context. */
static void record(ID3D11DeviceContext *ctx, ID3D11RenderTargetView *rtv, ID3D11Texture2D *rt, ID3D11Texture2D *dst,
        const uint32_t *upd)
{
    static const float color[4] = { 1.0f, 0.0f, 1.0f, 1.0f };
    D3D11_BOX box = { 2, 2, 0, 6, 6, 1 };

    ID3D11DeviceContext_ClearRenderTargetView(ctx, rtv, color);
    ID3D11DeviceContext_UpdateSubresource(ctx, (ID3D11Resource *)rt, 0, &box, upd, 16, 0);
    ID3D11DeviceContext_CopySubresourceRegion(ctx, (ID3D11Resource *)dst, 0, 1, 1, 0, (ID3D11Resource *)rt, 0, &box);
}

static void test_deferred_matches_immediate(void)
{
    ID3D11Texture2D *rt_i = create_tex(D3D11_BIND_RENDER_TARGET, D3D11_USAGE_DEFAULT, 0);
    ID3D11Texture2D *rt_d = create_tex(D3D11_BIND_RENDER_TARGET, D3D11_USAGE_DEFAULT, 0);
    ID3D11Texture2D *dst_i = create_tex(0, D3D11_USAGE_DEFAULT, 0), *dst_d = create_tex(0, D3D11_USAGE_DEFAULT, 0);
    ID3D11RenderTargetView *rtv_i, *rtv_d;
    ID3D11DeviceContext *deferred;
    ID3D11CommandList *list, *list2;
    uint32_t upd[16], a[64], b[64];
    static const float black[4];
    unsigned int i;
    HRESULT hr;

    for (i = 0; i < 16; ++i) upd[i] = 0x10203000u + i;
    if (!rt_i || !rt_d || !dst_i || !dst_d)
        return;
    ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt_i, NULL, &rtv_i);
    ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt_d, NULL, &rtv_d);
    hr = ID3D11Device_CreateDeferredContext(device, 0, &deferred);
    ok(hr == S_OK, "CreateDeferredContext: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ok(ID3D11DeviceContext_GetType(deferred) == D3D11_DEVICE_CONTEXT_DEFERRED, "deferred type");

    record(context, rtv_i, rt_i, dst_i, upd);
    record(deferred, rtv_d, rt_d, dst_d, upd);
    /* Nothing happens before the list is executed. */
    ok(read_tex(dst_d, b) && all_equal(b, 0), "deferred commands ran before execution");
    hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list);
    ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return;
    ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
    ok(read_tex(dst_i, a) && read_tex(dst_d, b) && !memcmp(a, b, sizeof(a)), "deferred and immediate differ");
    /* dst(1,1) = rt(2,2) = upd[0]; dst(3,1) = upd[2]; row 0 untouched. */
    ok(a[9] == upd[0] && a[11] == upd[2] && a[0] == 0 && a[7 * 8 + 7] == 0, "expected pixels %#x %#x %#x", a[9], a[11], a[0]);

    /* Executing again repeats the work (the clear resets what the immediate context changed). */
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv_d, black);
    ID3D11DeviceContext_ExecuteCommandList(context, list, TRUE);
    ok(read_tex(rt_d, b) && b[0] == 0xffff00ffu, "second execution: %#x", b[0]);
    ok(read_tex(dst_d, b) && !memcmp(a, b, sizeof(a)), "second execution result");

    /* The deferred context starts empty again. */
    hr = ID3D11DeviceContext_FinishCommandList(deferred, TRUE, &list2);
    ok(hr == S_OK, "empty FinishCommandList: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
        ID3D11CommandList_Release(list2);
    ok(ID3D11DeviceContext_FinishCommandList(context, FALSE, &list2) == DXGI_ERROR_INVALID_CALL, "Finish on immediate");
    ok(ID3D11CommandList_GetContextFlags(list) == 0, "list flags");

    ID3D11CommandList_Release(list);
    ID3D11DeviceContext_Release(deferred);
    ID3D11RenderTargetView_Release(rtv_i);
    ID3D11RenderTargetView_Release(rtv_d);
    ID3D11Texture2D_Release(rt_i);
    ID3D11Texture2D_Release(rt_d);
    ID3D11Texture2D_Release(dst_i);
    ID3D11Texture2D_Release(dst_d);
}

static void test_deferred_map(void)
{
    D3D11_BUFFER_DESC dd = { 16, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_WRITE };
    D3D11_BUFFER_DESC gd = { 16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER };
    D3D11_BUFFER_DESC sd = { 16, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ };
    ID3D11Buffer *dyn, *gpu, *stage;
    ID3D11DeviceContext *deferred;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11CommandList *list;
    HRESULT hr;

    if (FAILED(ID3D11Device_CreateBuffer(device, &dd, NULL, &dyn)) || FAILED(ID3D11Device_CreateBuffer(device, &gd, NULL, &gpu))
            || FAILED(ID3D11Device_CreateBuffer(device, &sd, NULL, &stage))
            || FAILED(ID3D11Device_CreateDeferredContext(device, 0, &deferred)))
    {
        ok(0, "setup");
        return;
    }
    hr = ID3D11DeviceContext_Map(deferred, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
    ok(hr == S_OK, "deferred DISCARD: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        memset(map.pData, 0x5a, 16);
        ID3D11DeviceContext_Unmap(deferred, (ID3D11Resource *)dyn, 0);
    }
    ok(ID3D11DeviceContext_Map(deferred, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map) == E_INVALIDARG, "deferred READ");
    ID3D11DeviceContext_CopyResource(deferred, (ID3D11Resource *)gpu, (ID3D11Resource *)dyn);
    if (SUCCEEDED(ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list)))
    {
        ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)gpu);
        if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
        {
            ok(((uint8_t *)map.pData)[0] == 0x5a && ((uint8_t *)map.pData)[15] == 0x5a, "deferred Map data");
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
        }
        ID3D11CommandList_Release(list);
    }
    else
        ok(0, "FinishCommandList");
    ID3D11DeviceContext_Release(deferred);
    ID3D11Buffer_Release(dyn);
    ID3D11Buffer_Release(gpu);
    ID3D11Buffer_Release(stage);
}

static void test_deferred_creation(void)
{
    ID3D11DeviceContext *deferred = (void *)0xdeadbeef;
    ID3D11Device1 *device1;
    ID3D11DeviceContext1 *deferred1;
    ID3D11Query *query;
    D3D11_QUERY_DESC qd = { D3D11_QUERY_EVENT };
    ID3D11Multithread *mt;

    ok(ID3D11Device_CreateDeferredContext(device, 1, &deferred) == E_INVALIDARG && !deferred, "context flags");
    ok(ID3D11Device_CreateDeferredContext(device, 0, NULL) == E_INVALIDARG, "NULL out");
    if (SUCCEEDED(ID3D11Device_QueryInterface(device, &IID_ID3D11Device1, (void **)&device1)))
    {
        ok(ID3D11Device1_CreateDeferredContext1(device1, 0, &deferred1) == S_OK, "CreateDeferredContext1");
        ok(ID3D11DeviceContext1_QueryInterface(deferred1, &IID_ID3D11Multithread, (void **)&mt) == E_NOINTERFACE,
                "deferred contexts have no ID3D11Multithread");
        if (SUCCEEDED(ID3D11Device_CreateQuery(device, &qd, &query)))
        {
            ID3D11DeviceContext1_End(deferred1, (ID3D11Asynchronous *)query);
            ok(ID3D11DeviceContext1_GetData(deferred1, (ID3D11Asynchronous *)query, NULL, 0, 0) == DXGI_ERROR_INVALID_CALL,
                    "GetData on a deferred context");
            ID3D11Query_Release(query);
        }
        ID3D11DeviceContext1_Release(deferred1);
        ID3D11Device1_Release(device1);
    }
}

/* Two threads drive the immediate context under ID3D11Multithread protection. */
struct mt_job
{
    ID3D11Buffer *buffer;
    uint32_t value;
};

static void mt_work(struct mt_job *job)
{
    D3D11_BOX box = { 0, 0, 0, 4, 1, 1 };
    unsigned int i;
    uint32_t v;

    for (i = 0; i < 200; ++i)
    {
        v = job->value + i;
        ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)job->buffer, 0, &box, &v, 0, 0);
        if (!(i % 16))
            ID3D11DeviceContext_Flush(context);
    }
}

#ifdef D3D11VK_NATIVE
static void *mt_thread(void *arg) { mt_work(arg); return NULL; }
#else
static DWORD WINAPI mt_thread(void *arg) { mt_work(arg); return 0; }
#endif

static void test_multithread(void)
{
    D3D11_BUFFER_DESC bd = { 4, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER };
    D3D11_BUFFER_DESC sd = { 4, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ };
    struct mt_job jobs[2] = { { NULL, 0x1000 }, { NULL, 0x2000 } };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Multithread *mt;
    ID3D11Buffer *stage;
    unsigned int i;

    if (FAILED(ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11Multithread, (void **)&mt)))
    {
        ok(0, "ID3D11Multithread");
        return;
    }
    ok(!ID3D11Multithread_SetMultithreadProtected(mt, TRUE), "was protected");
    ok(ID3D11Multithread_GetMultithreadProtected(mt), "protection not on");
    for (i = 0; i < 2; ++i)
        ID3D11Device_CreateBuffer(device, &bd, NULL, &jobs[i].buffer);
    ID3D11Device_CreateBuffer(device, &sd, NULL, &stage);
    {
#ifdef D3D11VK_NATIVE
        pthread_t t[2];
        for (i = 0; i < 2; ++i) pthread_create(&t[i], NULL, mt_thread, &jobs[i]);
        for (i = 0; i < 2; ++i) pthread_join(t[i], NULL);
#else
        HANDLE t[2];
        for (i = 0; i < 2; ++i) t[i] = CreateThread(NULL, 0, mt_thread, &jobs[i], 0, NULL);
        WaitForMultipleObjects(2, t, TRUE, INFINITE);
        for (i = 0; i < 2; ++i) CloseHandle(t[i]);
#endif
    }
    for (i = 0; i < 2; ++i)
    {
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)jobs[i].buffer);
        if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
        {
            ok(*(uint32_t *)map.pData == jobs[i].value + 199, "thread %u: %#x", i, *(uint32_t *)map.pData);
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
        }
        ID3D11Buffer_Release(jobs[i].buffer);
    }
    ID3D11Buffer_Release(stage);
    ID3D11Multithread_SetMultithreadProtected(mt, FALSE);
    ID3D11Multithread_Release(mt);
}

int main(void)
{
    if (!test_init())
        return test_finish();
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context)))
    {
        ok(0, "no device");
        return test_finish();
    }
    run_test(test_deferred_matches_immediate);
    run_test(test_deferred_map);
    run_test(test_deferred_creation);
    run_test(test_multithread);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
