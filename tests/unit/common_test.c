/* common_test.c — the COM base (QueryInterface tables, device-child refcounts, private data),
 * the configuration parser and the containers. */
#include "com.h"
#include "config.h"
#include "containers.h"
#include <stdio.h>

static unsigned int failures, checks;
#define check(c, ...) do { ++checks; if (!(c)) { ++failures; printf("FAIL line %d: ", __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

/* A minimal COM object with two faces, for the QI table and refcounts. */
struct toy
{
    IUnknown IUnknown_iface;
    IDXGIObject IDXGIObject_iface;
    LONG refcount;
};

static struct toy *toy_from_unknown(IUnknown *iface) { return CONTAINING_RECORD(iface, struct toy, IUnknown_iface); }
static HRESULT STDMETHODCALLTYPE toy_qi(IUnknown *iface, REFIID riid, void **out);
static ULONG STDMETHODCALLTYPE toy_addref(IUnknown *iface) { return atomic_inc_u32(&toy_from_unknown(iface)->refcount); }
static ULONG STDMETHODCALLTYPE toy_release(IUnknown *iface) { return atomic_dec_u32(&toy_from_unknown(iface)->refcount); }
static const IUnknownVtbl toy_vtbl = { toy_qi, toy_addref, toy_release };

static struct toy *toy_from_object(IDXGIObject *iface) { return CONTAINING_RECORD(iface, struct toy, IDXGIObject_iface); }
static HRESULT STDMETHODCALLTYPE obj_qi(IDXGIObject *iface, REFIID riid, void **out) { return toy_qi(&toy_from_object(iface)->IUnknown_iface, riid, out); }
static ULONG STDMETHODCALLTYPE obj_addref(IDXGIObject *iface) { return toy_addref(&toy_from_object(iface)->IUnknown_iface); }
static ULONG STDMETHODCALLTYPE obj_release(IDXGIObject *iface) { return toy_release(&toy_from_object(iface)->IUnknown_iface); }
static const IDXGIObjectVtbl obj_vtbl = { .QueryInterface = obj_qi, .AddRef = obj_addref, .Release = obj_release };

static const struct d3d11vk_qi_entry toy_qi_table[] =
{
    { &IID_IDXGIFactory, offsetof(struct toy, IUnknown_iface) },   /* any iid stands for the first face */
    { &IID_IDXGIObject, offsetof(struct toy, IDXGIObject_iface) },
};

static HRESULT STDMETHODCALLTYPE toy_qi(IUnknown *iface, REFIID riid, void **out)
{
    return d3d11vk_query_interface(toy_from_unknown(iface), toy_qi_table, ARRAY_SIZE(toy_qi_table), riid, out);
}

static void test_query_interface(void)
{
    struct toy t = { { &toy_vtbl }, { &obj_vtbl }, 1 };
    void *out;

    check(d3d11vk_query_interface(&t, toy_qi_table, 2, &IID_IUnknown, &out) == S_OK && out == &t.IUnknown_iface
            && t.refcount == 2, "IUnknown is the first face");
    check(d3d11vk_query_interface(&t, toy_qi_table, 2, &IID_IDXGIObject, &out) == S_OK && out == &t.IDXGIObject_iface
            && t.refcount == 3, "second face");
    out = (void *)1;
    check(d3d11vk_query_interface(&t, toy_qi_table, 2, &IID_IDXGIAdapter, &out) == E_NOINTERFACE && !out
            && t.refcount == 3, "unknown iid");
    check(d3d11vk_query_interface(&t, toy_qi_table, 2, &IID_IUnknown, NULL) == E_POINTER, "NULL out");
}

static void test_private_data(void)
{
    static const GUID a = { 1, 2, 3, { 4 } }, b = { 5, 6, 7, { 8 } };
    struct toy t = { { &toy_vtbl }, { &obj_vtbl }, 1 };
    struct d3d11vk_private_store store;
    char buf[16];
    IUnknown *got;
    UINT size;

    d3d11vk_private_store_init(&store);
    size = 5;
    check(d3d11vk_private_store_get(&store, &a, &size, buf) == DXGI_ERROR_NOT_FOUND && !size, "not found");
    check(d3d11vk_private_store_set(&store, &a, 3, "abc") == S_OK, "set");
    check(d3d11vk_private_store_set(&store, &a, 4, "wxyz") == S_OK, "replace");
    size = 0;
    check(d3d11vk_private_store_get(&store, &a, &size, NULL) == S_OK && size == 4, "size query");
    size = 3;
    check(d3d11vk_private_store_get(&store, &a, &size, buf) == DXGI_ERROR_MORE_DATA && size == 4, "more data");
    size = sizeof(buf);
    check(d3d11vk_private_store_get(&store, &a, &size, buf) == S_OK && size == 4 && !memcmp(buf, "wxyz", 4), "get");
    check(d3d11vk_private_store_set(&store, &a, 0, "") == S_OK, "zero-size entry");
    size = sizeof(buf);
    check(d3d11vk_private_store_get(&store, &a, &size, buf) == S_OK && !size, "zero-size get");
    check(d3d11vk_private_store_set_interface(&store, &b, &t.IUnknown_iface) == S_OK && t.refcount == 2, "interface holds a ref");
    size = sizeof(got);
    check(d3d11vk_private_store_get(&store, &b, &size, &got) == S_OK && got == &t.IUnknown_iface && t.refcount == 3, "interface get AddRefs");
    IUnknown_Release(got);
    check(d3d11vk_private_store_set(&store, &b, 4, "data") == S_OK && t.refcount == 1, "replacing releases the interface");
    check(d3d11vk_private_store_set_interface(&store, &b, &t.IUnknown_iface) == S_OK && t.refcount == 2, "interface again");
    d3d11vk_private_store_cleanup(&store);
    check(t.refcount == 1, "cleanup releases interfaces");
    d3d11vk_private_store_init(&store);
    check(d3d11vk_private_store_set(&store, &a, 0, NULL) == S_FALSE, "deleting nothing");
    check(d3d11vk_private_store_get(&store, &a, NULL, buf) == E_INVALIDARG, "NULL size");
    d3d11vk_private_store_cleanup(&store);
}

static int destroyed;
static void child_destroy(struct d3d11vk_child *child) { (void)child; ++destroyed; }

static void test_child_refcounts(void)
{
    struct toy device = { { &toy_vtbl }, { &obj_vtbl }, 1 };
    struct d3d11vk_child child;

    destroyed = 0;
    d3d11vk_child_init(&child, &device.IUnknown_iface, child_destroy);
    check(device.refcount == 2, "a child holds its device");
    d3d11vk_child_incref_internal(&child);            /* bound somewhere */
    check(d3d11vk_child_release(&child) == 0 && device.refcount == 1 && !destroyed, "public zero, still bound");
    check(d3d11vk_child_addref(&child) == 1 && device.refcount == 2, "back from zero takes the device again");
    check(d3d11vk_child_release(&child) == 0 && !destroyed, "public zero again");
    d3d11vk_child_decref_internal(&child);
    check(destroyed == 1 && device.refcount == 1, "destroyed when unbound");
}

static void test_config(void)
{
    struct d3d11vk_config_entry *e;
    unsigned int n;

    check(d3d11vk_config_parse("# comment\nlog_level = debug  \n\n D3D11VK_HUD=fps,memory # trailing\nnoequals\n=novalue\n",
            &e, &n), "parse");
    check(n == 2, "%u entries", n);
    if (n == 2)
    {
        check(!strcmp(e[0].key, "LOG_LEVEL") && !strcmp(e[0].value, "debug"), "entry 0: %s=%s", e[0].key, e[0].value);
        check(!strcmp(e[1].key, "D3D11VK_HUD") && !strcmp(e[1].value, "fps,memory"), "entry 1: %s=%s", e[1].key, e[1].value);
    }
    d3d11vk_config_free(e, n);
    setenv("D3D11VK_UNIT_TEST_VALUE", "0x20", 1);
    check(d3d11vk_config_get_int("UNIT_TEST_VALUE", 0) == 32, "int from the environment");
    setenv("D3D11VK_UNIT_TEST_VALUE", "yes", 1);
    check(d3d11vk_config_get_bool("UNIT_TEST_VALUE", false), "bool from the environment");
    check(d3d11vk_config_get_int("UNIT_TEST_MISSING", 7) == 7, "default");
}

static void test_containers(void)
{
    struct d3d11vk_hash_map map;
    int *array = NULL, values[3];
    size_t capacity = 0, i;
    uint64_t k;

    check(d3d11vk_array_reserve((void **)&array, &capacity, 100, sizeof(*array)) && capacity >= 100, "reserve");
    check(!d3d11vk_array_reserve((void **)&array, &capacity, SIZE_MAX / 2, sizeof(*array)) && capacity >= 100, "overflow");
    free(array);

    d3d11vk_hash_map_init(&map);
    check(!d3d11vk_hash_map_get(&map, 0), "empty");
    for (k = 0; k < 10000; ++k)
        check(d3d11vk_hash_map_put(&map, k * 0x10001, &values[k % 3]), "put %llu", (unsigned long long)k);
    check(map.count == 10000, "count %zu", map.count);
    for (k = 0; k < 10000; k += 2)
        check(d3d11vk_hash_map_remove(&map, k * 0x10001) == &values[k % 3], "remove");
    for (k = 0; k < 10000; ++k)
    {
        void *v = d3d11vk_hash_map_get(&map, k * 0x10001);
        if (k & 1) { if (v != &values[k % 3]) { check(0, "lost key %llu", (unsigned long long)k); break; } }
        else if (v) { check(0, "removed key %llu still there", (unsigned long long)k); break; }
    }
    for (i = 0; i < 100000; ++i)     /* churn: tombstones must not fill the table */
    {
        d3d11vk_hash_map_put(&map, 1ull << 40 | i, &values[0]);
        d3d11vk_hash_map_remove(&map, 1ull << 40 | i);
    }
    check(map.count == 5000 && map.capacity <= 1u << 16, "after churn: %zu entries, capacity %zu", map.count, map.capacity);
    check(!d3d11vk_hash_map_put(&map, 5, NULL), "NULL values are refused");
    d3d11vk_hash_map_cleanup(&map);
    check(d3d11vk_hash_bytes("abc", 3, 0) == d3d11vk_hash_bytes("abc", 3, 0)
            && d3d11vk_hash_bytes("abc", 3, 0) != d3d11vk_hash_bytes("abd", 3, 0), "hash");
}

int main(void)
{
    test_query_interface();
    test_private_data();
    test_child_refcounts();
    test_config();
    test_containers();
    printf("%u checks, %u failed\n", checks, failures);
    return failures ? 1 : 0;
}
