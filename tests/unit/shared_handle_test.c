/* shared_handle_test.c — the shared-handle layer (include/shared_handle*): header checks
 * against every truncation and corruption, random flips, POSIX sections, named handles,
 * access, the keyed mutex (timeouts, keys, abandonment by a dead process) and fences. */
#define _GNU_SOURCE
#define USE_WS_PREFIX   /* Wine's winsock names would clash with <sys/socket.h> */
#include "shared_handle.h"
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <pthread.h>
#include <sys/socket.h>
#include <sys/wait.h>

static unsigned int failures, checks;

#define check(cond, ...) do { ++checks; if (!(cond)) { ++failures; printf("FAIL %s:%d: ", __FILE__, __LINE__); \
    printf(__VA_ARGS__); printf("\n"); } } while (0)

static void make_header(struct shared_header *h, uint64_t section_size)
{
    memset(h, 0, sizeof(*h));
    h->section_size = section_size;
    h->kind = SHARED_KIND_RESOURCE;
    h->api = SHARED_API_NT;
    h->tier = SHARED_TIER_HOST;
    h->key = 0x40001232;
    h->unique_id = 0x1234567890ull;
    h->exporter_pid = 42;
    h->desc.dimension = 3;
    h->desc.width = 64;
    h->desc.height = 32;
    h->desc.depth = 1;
    h->desc.array_size = 1;
    h->desc.mip_levels = 1;
    h->desc.format = 28;
    h->desc.sample_count = 1;
    h->payload.data_offset = SHARED_DATA_ALIGN;
    h->payload.data_size = 64 * 32 * 4;
    shared_header_seal(h);
}

static void test_checksum(void)
{
    check(shared_checksum("123456789", 9) == 0xcbf43926u, "CRC-32 check value %#x", shared_checksum("123456789", 9));
    check(shared_checksum("", 0) == 0, "empty CRC");
}

static void test_layout(void)
{
    uint64_t offset, size;

    check(shared_section_layout(0, &offset, &size) && size == SHARED_MIN_SECTION && !offset, "empty layout");
    check(shared_section_layout(1, &offset, &size) && offset == SHARED_DATA_ALIGN && size == 2 * SHARED_DATA_ALIGN,
            "1 byte: offset %llu size %llu", (unsigned long long)offset, (unsigned long long)size);
    check(!shared_section_layout(UINT64_MAX - 10, &offset, &size), "overflowing layout accepted");
    check(!shared_section_layout(SHARED_MAX_SECTION, &offset, &size), "huge layout accepted");
}

/* Every failure case answers E_INVALIDARG: OpenSharedResource1 on Windows answers
 * E_INVALIDARG for handles whose object is not a shared resource it understands. */
static void test_validate(void)
{
    static uint8_t buf[16384];
    struct shared_header *h = (struct shared_header *)buf, saved;
    size_t i;
    int bit;

    make_header(h, sizeof(buf));
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == S_OK, "valid header rejected");
    check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, SHARED_API_NT) == S_OK, "kind/api");
    check(shared_handle_validate(buf, sizeof(buf), SHARED_KIND_FENCE, 0) == E_INVALIDARG, "fence path accepted a resource");
    check(shared_header_validate(buf, sizeof(buf), 0, SHARED_API_KMT) == E_INVALIDARG, "legacy path accepted an NT export");
    check(shared_header_validate(NULL, sizeof(buf), 0, 0) == E_INVALIDARG, "NULL");

    /* Truncated: every size shorter than the header, then shorter than the section. */
    for (i = 0; i < sizeof(*h); ++i)
        check(shared_header_validate(buf, i, 0, 0) == E_INVALIDARG, "truncated to %zu accepted", i);
    check(shared_header_validate(buf, sizeof(buf) - 1, 0, 0) == E_INVALIDARG, "section shorter than its size accepted");

    /* Every single-bit flip of the checksummed bytes and of the checksum. */
    saved = *h;
    for (i = 0; i < offsetof(struct shared_header, checksum) + 4; ++i)
        for (bit = 0; bit < 8; ++bit)
        {
            buf[i] ^= (uint8_t)(1u << bit);
            check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "flip byte %zu bit %d accepted", i, bit);
            buf[i] ^= (uint8_t)(1u << bit);
        }
    check(!memcmp(h, &saved, sizeof(saved)) && shared_header_validate(buf, sizeof(buf), 0, 0) == S_OK, "restore");

    /* Well-checksummed but inconsistent headers (what a hostile or buggy writer makes). */
#define BAD(stmt, what) do { *h = saved; stmt; h->checksum = shared_checksum(h, offsetof(struct shared_header, checksum)); \
        check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s accepted", what); } while (0)
    BAD(h->magic = 0x12345678, "bad magic");
    BAD(h->version = 2, "future version");
    BAD(h->header_size = sizeof(*h) - 8, "header size");
    BAD(h->flags = 0x80, "unknown flags");
    BAD(h->section_size = 100, "tiny section");
    BAD(h->section_size = UINT64_MAX, "huge section");
    BAD(h->kind = 7, "kind");
    BAD(h->api = 0, "api");
    BAD(h->tier = SHARED_TIER_COUNT, "tier");
    BAD(h->tier = SHARED_TIER_NONE, "no tier for a resource");
    BAD(h->key = 0x12345678, "key pattern");
    BAD(h->unique_id = 0, "zero id");
    BAD(h->desc.dimension = 9, "dimension");
    BAD(h->desc.width = 0, "zero width");
    BAD(h->desc.mip_levels = 16, "mip count");
    BAD(h->desc.height = 1u << 20, "height");
    BAD(h->payload.data_offset = 100, "unaligned data");
    BAD(h->payload.data_offset = 0, "data over the header");
    BAD(h->payload.data_size = 0, "empty data");
    BAD(h->payload.data_size = sizeof(buf), "data past the end");
    BAD(h->payload.data_offset = UINT64_MAX - 4095; h->payload.data_size = 8192, "offset+size overflow");
    BAD(h->kind = SHARED_KIND_FENCE, "fence with a tier");
#undef BAD
    *h = saved;

    /* Every tier's header is checked the same way; the win32 and fd tiers carry no data area
     * (their memory is an exported Vulkan allocation): payload fields round-trip. */
    {
        static const uint32_t tiers[] = {SHARED_TIER_INPROCESS, SHARED_TIER_FD, SHARED_TIER_WIN32};
        unsigned int t;
        for (t = 0; t < ARRAY_SIZE(tiers); ++t)
        {
            *h = saved;
            h->tier = tiers[t];
            h->payload.data_offset = h->payload.data_size = 0;
            h->payload.alloc_size = 1 << 20;
            h->payload.memory_type_bits = 0x5;
            memset(h->payload.device_uuid, 0xab, 16);
            shared_header_seal(h);
            check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, SHARED_API_NT) == S_OK,
                    "%s-tier header rejected", shared_tier_name(tiers[t]));
            check(h->payload.alloc_size == 1 << 20 && h->payload.device_uuid[15] == 0xab, "payload");
            h->payload.alloc_size ^= 1;   /* not resealed: the checksum catches it */
            check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s payload change accepted",
                    shared_tier_name(tiers[t]));
            if (tiers[t] == SHARED_TIER_INPROCESS)
                continue;
            /* fd/win32: the exported allocation's size and memory type are required; the
             * exporter's handle value travels as is (the opener duplicates it from that pid). */
            h->payload.alloc_size = 1 << 20;
            h->payload.exporter_handle = 0x1234;
            shared_header_seal(h);
            check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, 0) == S_OK
                    && h->payload.exporter_handle == 0x1234, "%s handle value", shared_tier_name(tiers[t]));
            h->payload.alloc_size = 0;
            shared_header_seal(h);
            check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s header without a size accepted",
                    shared_tier_name(tiers[t]));
            h->payload.alloc_size = 1 << 20;
            h->payload.memory_type_bits = 0;
            shared_header_seal(h);
            check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s header without a memory type accepted",
                    shared_tier_name(tiers[t]));
        }
        *h = saved;
    }
}

/* SHARED_FLAG_SEMAPHORE (an exported timeline semaphore synchronises hand-offs): only with
 * the fd and win32 tiers, always with the exporter's semaphore handle value; fences carry it
 * (tier fd/win32) or nothing (tier none). The win32 tier's header travels the same way as the
 * fd tier's: both handle values are the exporter's, duplicated by the opener. */
static void test_semaphore_headers(void)
{
    static uint8_t buf[16384];
    struct shared_header *h = (struct shared_header *)buf;
    static const uint32_t tiers[] = {SHARED_TIER_FD, SHARED_TIER_WIN32};
    unsigned int t;

    for (t = 0; t < ARRAY_SIZE(tiers); ++t)
    {
        const char *name = shared_tier_name(tiers[t]);

        make_header(h, sizeof(buf));
        h->tier = tiers[t];
        h->flags = SHARED_FLAG_SEMAPHORE | SHARED_FLAG_KEYEDMUTEX;
        h->payload.data_offset = h->payload.data_size = 0;
        h->payload.alloc_size = 1 << 20;
        h->payload.memory_type_bits = 0x2;
        h->payload.exporter_handle = 0x44;
        h->payload.semaphore_handle = 0x48;
        shared_header_seal(h);
        check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, SHARED_API_NT) == S_OK,
                "%s header with a semaphore rejected", name);
        check(h->payload.semaphore_handle == 0x48 && h->payload.exporter_handle == 0x44, "%s handle values", name);
        h->payload.semaphore_handle = 0x4c;   /* not resealed */
        check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s semaphore handle change accepted", name);
        h->payload.semaphore_handle = 0;
        shared_header_seal(h);
        check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s semaphore flag without a handle accepted",
                name);
        /* A named handle's redirect copy keeps the flag and the values. */
        h->payload.semaphore_handle = 0x48;
        h->flags |= SHARED_FLAG_REDIRECT;
        shared_header_seal(h);
        check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, 0) == S_OK, "%s redirect with a semaphore", name);

        /* Fences. */
        make_header(h, SHARED_MIN_SECTION);
        h->kind = SHARED_KIND_FENCE;
        h->tier = tiers[t];
        memset(&h->desc, 0, sizeof(h->desc));
        memset(&h->payload, 0, sizeof(h->payload));
        h->flags = SHARED_FLAG_SEMAPHORE;
        h->payload.semaphore_handle = 7;
        shared_header_seal(h);
        check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_FENCE, SHARED_API_NT) == S_OK,
                "%s fence with a semaphore rejected", name);
        check(shared_header_validate(buf, sizeof(buf), SHARED_KIND_RESOURCE, 0) == E_INVALIDARG,
                "%s fence accepted as a resource", name);
        h->flags = 0;
        shared_header_seal(h);
        check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "%s fence tier without a semaphore accepted",
                name);
    }
    /* Other tiers never carry a semaphore. */
    make_header(h, sizeof(buf));
    h->flags = SHARED_FLAG_SEMAPHORE;
    h->payload.semaphore_handle = 3;
    shared_header_seal(h);
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "host tier with a semaphore accepted");
    h->tier = SHARED_TIER_INPROCESS;
    shared_header_seal(h);
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "in-process tier with a semaphore accepted");
    make_header(h, SHARED_MIN_SECTION);
    h->kind = SHARED_KIND_FENCE;
    h->tier = SHARED_TIER_NONE;
    memset(&h->desc, 0, sizeof(h->desc));
    memset(&h->payload, 0, sizeof(h->payload));
    h->flags = SHARED_FLAG_SEMAPHORE;
    h->payload.semaphore_handle = 3;
    shared_header_seal(h);
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "counter fence with a semaphore accepted");
    /* Unknown flag bits stay refused. */
    make_header(h, sizeof(buf));
    h->flags = 0x8;
    shared_header_seal(h);
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "unknown flag accepted");
}

/* Random multi-byte corruption: never crashes, never accepted (CRC-32 would have to
 * collide). */
static void test_fuzz(void)
{
    static uint8_t buf[16384];
    struct shared_header saved;
    unsigned int iter, n, accepted = 0, k;
    uint32_t state = 12345;

    make_header((struct shared_header *)buf, sizeof(buf));
    saved = *(struct shared_header *)buf;
    for (iter = 0; iter < 200000; ++iter)
    {
        memcpy(buf, &saved, sizeof(saved));
        state = state * 1664525u + 1013904223u;
        n = 1 + (state >> 28);
        for (k = 0; k < n; ++k)
        {
            state = state * 1664525u + 1013904223u;
            buf[(state >> 8) % (offsetof(struct shared_header, checksum) + 4)] ^= (uint8_t)(1 + (state >> 24) % 255);
        }
        state = state * 1664525u + 1013904223u;
        if (shared_header_validate(buf, (state >> 16) % 3 ? sizeof(buf) : (state >> 8) % sizeof(buf), 0, 0) == S_OK
                && memcmp(buf, &saved, sizeof(saved)))
            ++accepted;
    }
    check(!accepted, "%u corrupted headers accepted", accepted);
    memset(buf, 0, sizeof(buf));
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "zeroed section accepted");
    memset(buf, 0xff, sizeof(buf));
    check(shared_header_validate(buf, sizeof(buf), 0, 0) == E_INVALIDARG, "0xff section accepted");
}

static void test_names(void)
{
    check(shared_tier_from_name("host") == SHARED_TIER_HOST, "host");
    check(shared_tier_from_name("InProcess") == SHARED_TIER_INPROCESS, "inprocess");
    check(shared_tier_from_name("none") == SHARED_TIER_NONE && shared_tier_from_name(NULL) == SHARED_TIER_NONE, "none");
    check(!strcmp(shared_tier_name(SHARED_TIER_FD), "fd") && !strcmp(shared_tier_name(99), "invalid"), "tier names");
    check(shared_access_is_valid(DXGI_SHARED_RESOURCE_READ) && shared_access_is_valid(GENERIC_ALL)
            && shared_access_is_valid(DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE), "valid access");
    check(!shared_access_is_valid(0) && !shared_access_is_valid(0x2), "invalid access");
    check(shared_key_is_valid(0x40000002) && !shared_key_is_valid(0x40000004) && !shared_key_is_valid(6)
            && !shared_key_is_valid(0x140000002ull), "key shapes");
}

static HRESULT make_backing(struct shared_section *s)
{
    struct shared_header *h;
    HRESULT hr;

    if (FAILED(hr = shared_section_create_backing(3 * SHARED_DATA_ALIGN, s)))
        return hr;
    h = shared_section_header(s);
    make_header(h, s->size);
    h->key = s->key;
    shared_header_seal(h);
    return S_OK;
}

static const WCHAR test_name[] = {'d','3','d','1','1','v','k','-','u','n','i','t','/','n','a','m','e',0};

static void test_sections(void)
{
    struct shared_section backing, a, b;
    HANDLE h_rw, h_ro, h_named, h_dup;
    char *names = NULL;
    int pipefd[2], fd;
    HRESULT hr;

    hr = make_backing(&backing);
    check(hr == S_OK, "create backing %#x", (unsigned)hr);
    if (FAILED(hr))
        return;
    check(shared_key_is_valid(backing.key) && backing.writable && backing.size >= 3 * SHARED_DATA_ALIGN, "backing");

    hr = shared_section_export(&backing, NULL, DXGI_SHARED_RESOURCE_READ | DXGI_SHARED_RESOURCE_WRITE, NULL, &h_rw, &names);
    check(hr == S_OK && h_rw, "export rw %#x", (unsigned)hr);
    hr = shared_section_export(&backing, NULL, DXGI_SHARED_RESOURCE_READ, NULL, &h_ro, &names);
    check(hr == S_OK && h_ro, "export ro %#x", (unsigned)hr);

    hr = shared_section_open_handle(h_rw, &a);
    check(hr == S_OK && a.writable, "open rw %#x", (unsigned)hr);
    check(shared_header_validate(a.base, a.size, SHARED_KIND_RESOURCE, SHARED_API_NT) == S_OK, "validate via handle");
    /* Same memory: a write through the backing shows through the handle's mapping. */
    ((uint8_t *)backing.base)[SHARED_DATA_ALIGN + 5] = 0xa5;
    check(((uint8_t *)a.base)[SHARED_DATA_ALIGN + 5] == 0xa5, "memory not shared");
    shared_section_close(&a);

    hr = shared_section_open_handle(h_ro, &a);
    check(hr == S_OK && !a.writable, "open ro %#x writable %d", (unsigned)hr, a.writable);
    shared_section_close(&a);

    /* Named: the name is taken on the second try. */
    hr = shared_section_export(&backing, NULL, GENERIC_ALL, test_name, &h_named, &names);
    check(hr == S_OK, "named export %#x", (unsigned)hr);
    hr = shared_section_export(&backing, NULL, GENERIC_ALL, test_name, &h_dup, &names);
    check(hr == DXGI_ERROR_NAME_ALREADY_EXISTS, "second named export %#x", (unsigned)hr);
    hr = shared_section_open_name(test_name, DXGI_SHARED_RESOURCE_READ, &a);
    check(hr == S_OK && !a.writable, "open by name %#x", (unsigned)hr);
    if (SUCCEEDED(hr))
    {
        const struct shared_header *rh = shared_section_header(&a);
        check(shared_header_validate(a.base, a.size, 0, 0) == S_OK && (rh->flags & SHARED_FLAG_REDIRECT)
                && rh->key == backing.key, "redirect header");
        shared_section_close(&a);
    }
    {
        static const WCHAR missing[] = {'n','o','-','s','u','c','h',0};
        check(shared_section_open_name(missing, GENERIC_ALL, &a) == E_INVALIDARG, "missing name");
        check(shared_section_open_name(NULL, GENERIC_ALL, &a) == E_INVALIDARG, "NULL name");
    }

    hr = shared_section_open_key(backing.key, true, &b);
    check(hr == S_OK && b.writable, "open key %#x", (unsigned)hr);
    shared_section_close(&b);
    check(shared_section_open_key(backing.key ^ 0x100, true, &b) == E_INVALIDARG, "unknown key");
    check(shared_section_open_key(0x1234, true, &b) == E_INVALIDARG, "malformed key");

    /* Bad handles. */
    check(shared_section_open_handle(NULL, &a) == E_INVALIDARG, "NULL handle");
    check(shared_section_open_handle((HANDLE)(intptr_t)-1, &a) == E_INVALIDARG, "-1 handle");
    check(shared_section_open_handle((HANDLE)(intptr_t)1000000, &a) == E_INVALIDARG, "closed handle");
    if (!pipe(pipefd))
    {
        check(shared_section_open_handle((HANDLE)(intptr_t)pipefd[0], &a) == E_INVALIDARG, "pipe");
        close(pipefd[0]);
        close(pipefd[1]);
    }
    if ((fd = open("/proc/self/exe", O_RDONLY)) >= 0)
    {
        hr = shared_section_open_handle((HANDLE)(intptr_t)fd, &a);
        check(hr == S_OK && shared_header_validate(a.base, a.size, 0, 0) == E_INVALIDARG, "a file that is not ours");
        if (SUCCEEDED(hr))
            shared_section_close(&a);
        close(fd);
    }
    if ((fd = open("/proc/self/exe", O_PATH)) >= 0)
    {
        check(shared_section_open_handle((HANDLE)(intptr_t)fd, &a) == E_ACCESSDENIED, "O_PATH handle");
        close(fd);
    }

    /* The backing's names go with their exporter; handles stay valid. */
    shared_section_close(&backing);
    shared_section_unlink_names(names);
    check(shared_section_open_key(backing.key, true, &b) == E_INVALIDARG, "key still open after close");
    check(shared_section_open_name(test_name, GENERIC_ALL, &a) == E_INVALIDARG, "name after unlink");
    hr = shared_section_open_handle(h_rw, &a);
    check(hr == S_OK && ((uint8_t *)a.base)[SHARED_DATA_ALIGN + 5] == 0xa5, "handle after exporter close %#x", (unsigned)hr);
    if (SUCCEEDED(hr))
        shared_section_close(&a);
    shared_handle_close(h_rw);
    shared_handle_close(h_ro);
    shared_handle_close(h_named);
    check(shared_section_open_handle(h_rw, &a) == E_INVALIDARG, "closed handle accepted");
}

struct km_thread_arg
{
    struct d3d11vk_keyed_mutex *km;
    HRESULT hr;
    uint64_t waited_ms;
};

static void *km_thread(void *p)
{
    struct km_thread_arg *arg = p;
    uint64_t t = plat_time_ns();

    arg->hr = d3d11vk_keyed_mutex_acquire(arg->km, 2, INFINITE);
    arg->waited_ms = (plat_time_ns() - t) / 1000000;
    return NULL;
}

static void test_keyed_mutex(void)
{
    struct d3d11vk_keyed_mutex a, b;
    struct shared_section s;
    struct km_thread_arg arg;
    pthread_t thread;
    uint64_t t;
    HRESULT hr;
    pid_t pid;
    int status;

    if (FAILED(make_backing(&s)))
        return;
    check(d3d11vk_keyed_mutex_init(&a, shared_section_sync(&s), s.key) == S_OK, "init a");
    check(d3d11vk_keyed_mutex_init(&b, shared_section_sync(&s), s.key) == S_OK, "init b");

    check(d3d11vk_keyed_mutex_release(&a, 0) == DXGI_ERROR_INVALID_CALL, "release without acquire");
    check(d3d11vk_keyed_mutex_acquire(&a, 0, 0) == S_OK, "acquire 0");
    check(d3d11vk_keyed_mutex_is_held(&a), "held");
    check(d3d11vk_keyed_mutex_acquire(&a, 0, 0) == DXGI_ERROR_INVALID_CALL, "acquire twice");
    t = plat_time_ns();
    hr = d3d11vk_keyed_mutex_acquire(&b, 0, 50);
    check(hr == WAIT_TIMEOUT && hr == (HRESULT)0x102, "busy: %#x", (unsigned)hr);
    check((plat_time_ns() - t) / 1000000 >= 45, "timeout returned early");
    check(d3d11vk_keyed_mutex_release(&b, 1) == DXGI_ERROR_INVALID_CALL, "release by non-holder");
    check(d3d11vk_keyed_mutex_release(&a, 1) == S_OK, "release 1");
    check(d3d11vk_keyed_mutex_acquire(&b, 0, 10) == WAIT_TIMEOUT, "wrong key acquired");
    check(d3d11vk_keyed_mutex_acquire(&b, 1, 0) == S_OK, "acquire 1");

    /* A waiter with INFINITE wakes on the matching release. */
    arg.km = &a;
    arg.hr = E_FAIL;
    pthread_create(&thread, NULL, km_thread, &arg);
    plat_sleep_ms(30);
    check(d3d11vk_keyed_mutex_release(&b, 2) == S_OK, "release 2");
    pthread_join(thread, NULL);
    check(arg.hr == S_OK && arg.waited_ms >= 25, "infinite wait: %#x after %llu ms", (unsigned)arg.hr,
            (unsigned long long)arg.waited_ms);
    check(d3d11vk_keyed_mutex_release(&a, 3) == S_OK, "release 3");

    /* A holder whose process dies abandons the mutex. */
    pid = fork();
    if (!pid)
    {
        struct d3d11vk_keyed_mutex c;
        d3d11vk_keyed_mutex_init(&c, shared_section_sync(&s), s.key);
        _exit(d3d11vk_keyed_mutex_acquire(&c, 3, 1000) == S_OK ? 0 : 1);
    }
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && !WEXITSTATUS(status), "child did not acquire");
    hr = d3d11vk_keyed_mutex_acquire(&b, 7, 1000);
    check(hr == WAIT_ABANDONED && hr == (HRESULT)0x80, "abandoned: %#x", (unsigned)hr);
    check(d3d11vk_keyed_mutex_is_held(&b) && shared_section_sync(&s)->km_abandoned == 1, "abandoned holder");
    check(d3d11vk_keyed_mutex_release(&b, 4) == S_OK, "release after abandonment");

    /* Dead but not yet reaped (a zombie) counts as dead too. */
    check(shared_process_alive((uint32_t)getpid()), "self alive");
    pid = fork();
    if (!pid)
    {
        struct d3d11vk_keyed_mutex c;
        d3d11vk_keyed_mutex_init(&c, shared_section_sync(&s), s.key);
        _exit(d3d11vk_keyed_mutex_acquire(&c, 4, 1000) == S_OK ? 0 : 1);
    }
    {
        uint64_t t0 = plat_time_ns();
        while (shared_section_sync(&s)->km_owner == 0 && plat_time_ns() - t0 < 5000000000ull)
            plat_sleep_ms(1);
    }
    plat_sleep_ms(50);   /* let it exit; it stays a zombie until waitpid */
    check(!shared_process_alive((uint32_t)pid), "zombie counted alive");
    hr = d3d11vk_keyed_mutex_acquire(&b, 4, 2000);
    check(hr == WAIT_ABANDONED, "abandoned by a zombie: %#x", (unsigned)hr);
    check(d3d11vk_keyed_mutex_release(&b, 4) == S_OK, "release after the zombie");
    waitpid(pid, &status, 0);

    /* Ping-pong between processes. */
    pid = fork();
    if (!pid)
    {
        struct d3d11vk_keyed_mutex c;
        volatile uint64_t *counter = (volatile uint64_t *)((char *)s.base + SHARED_DATA_ALIGN);
        int i, bad = 0;
        d3d11vk_keyed_mutex_init(&c, shared_section_sync(&s), s.key);
        for (i = 0; i < 200; ++i)
        {
            if (d3d11vk_keyed_mutex_acquire(&c, 5, 5000) != S_OK || *counter != (uint64_t)(2 * i + 1))
                bad = 1;
            *counter += 1;
            d3d11vk_keyed_mutex_release(&c, 4);
        }
        _exit(bad);
    }
    {
        volatile uint64_t *counter = (volatile uint64_t *)((char *)s.base + SHARED_DATA_ALIGN);
        int i, bad = 0;
        *counter = 0;
        for (i = 0; i < 200; ++i)
        {
            if (d3d11vk_keyed_mutex_acquire(&a, 4, 5000) != S_OK || *counter != (uint64_t)(2 * i))
                bad = 1;
            *counter += 1;
            d3d11vk_keyed_mutex_release(&a, 5);
        }
        waitpid(pid, &status, 0);
        check(!bad && WIFEXITED(status) && !WEXITSTATUS(status) && *counter == 400,
                "ping-pong: parent %d child %#x counter %llu", bad, status, (unsigned long long)*counter);
    }
    d3d11vk_keyed_mutex_cleanup(&a);
    d3d11vk_keyed_mutex_cleanup(&b);
    shared_section_close(&s);
}

static void test_fence(void)
{
    struct shared_section s;
    struct shared_waiter w;
    int sv[2], status;
    pid_t pid;

    if (FAILED(make_backing(&s)))
        return;
    shared_waiter_init(&w, s.key, 1);
    check(shared_fence_get(shared_section_sync(&s)) == 0, "initial");
    shared_fence_set(shared_section_sync(&s), &w, 5);
    check(shared_fence_get(shared_section_sync(&s)) == 5, "set");
    check(shared_fence_wait(shared_section_sync(&s), &w, 5, 0), "reached");
    check(!shared_fence_wait(shared_section_sync(&s), &w, 6, 20), "not reached");

    /* Another process opens the section from a descriptor received over a socket and
     * signals. */
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
        return;
    pid = fork();
    if (!pid)
    {
        struct shared_section c;
        struct shared_waiter cw;
        int fd = shared_fd_recv(sv[1]);
        if (FAILED(shared_section_open_handle((HANDLE)(intptr_t)fd, &c)))
            _exit(2);
        shared_waiter_init(&cw, shared_section_header(&c)->key, 1);
        plat_sleep_ms(30);
        shared_fence_set(shared_section_sync(&c), &cw, 10);
        _exit(0);
    }
    {
        HANDLE h;
        char *names = NULL;
        check(shared_section_export(&s, NULL, GENERIC_ALL, NULL, &h, &names) == S_OK, "export");
        check(shared_fd_send(sv[0], (int)(intptr_t)h), "send");
        shared_handle_close(h);
    }
    check(shared_fence_wait(shared_section_sync(&s), &w, 10, 5000), "cross-process signal not seen");
    waitpid(pid, &status, 0);
    check(WIFEXITED(status) && !WEXITSTATUS(status), "child %#x", status);
    close(sv[0]);
    close(sv[1]);
    shared_waiter_cleanup(&w);
    shared_section_close(&s);
}

int main(void)
{
    test_checksum();
    test_layout();
    test_validate();
    test_semaphore_headers();
    test_fuzz();
    test_names();
    test_sections();
    test_keyed_mutex();
    test_fence();
    printf("%u checks, %u failures\n", checks, failures);
    return failures ? 1 : 0;
}
