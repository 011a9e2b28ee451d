/* shared_handle_win32.c — shared sections on Win32 (PE build): file mappings named by key
 * or by the application's name, access enforced by the kernel (or wineserver), named
 * events for cross-process wake-ups. */
#include "shared_handle.h"
#include <stdio.h>

static void ascii_to_wide(const char *s, WCHAR *out, size_t size)
{
    size_t i;

    for (i = 0; s[i] && i + 1 < size; ++i)
        out[i] = (WCHAR)(unsigned char)s[i];
    out[i] = 0;
}

static void key_name(uint32_t key, const char *what, uint32_t slot, WCHAR *out, size_t size)
{
    char buf[64];

    snprintf(buf, sizeof(buf), "Local\\d3d11vk-%s-%08x-%u", what, key, slot);
    ascii_to_wide(buf, out, size);
}

/* DXGI_SHARED_RESOURCE_READ/WRITE/GENERIC_ALL -> section rights. */
static DWORD section_access(DWORD access)
{
    DWORD rights = 0;

    if (access & GENERIC_ALL)
        return SECTION_ALL_ACCESS;
    if (access & DXGI_SHARED_RESOURCE_READ)
        rights |= SECTION_QUERY | SECTION_MAP_READ | READ_CONTROL | SYNCHRONIZE;
    if (access & DXGI_SHARED_RESOURCE_WRITE)
        rights |= SECTION_MAP_WRITE;
    return rights;
}

static uint32_t random_key(void)
{
    static volatile LONG counter;
    uint64_t x = plat_time_ns() ^ ((uint64_t)GetCurrentProcessId() << 20)
            ^ ((uint64_t)atomic_inc_u32(&counter) * 0x9e3779b97f4a7c15ull);

    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    return ((uint32_t)x & 0x3ffffffcu) | 0x40000002u;
}

static HRESULT map_error(DWORD error)
{
    return error == ERROR_ACCESS_DENIED ? E_ACCESSDENIED : E_INVALIDARG;
}

/* Maps the whole section: read-write where allowed, else read-only. */
static HRESULT map_section(HANDLE handle, struct shared_section *out)
{
    MEMORY_BASIC_INFORMATION info;
    DWORD error;
    void *p;

    out->writable = true;
    if (!(p = MapViewOfFile(handle, FILE_MAP_READ | FILE_MAP_WRITE, 0, 0, 0)))
    {
        if ((error = GetLastError()) != ERROR_ACCESS_DENIED)
            return map_error(error);
        out->writable = false;
        if (!(p = MapViewOfFile(handle, FILE_MAP_READ, 0, 0, 0)))
            return map_error(GetLastError());
    }
    if (!VirtualQuery(p, &info, sizeof(info)))
    {
        UnmapViewOfFile(p);
        return E_INVALIDARG;
    }
    out->base = p;
    out->size = info.RegionSize;
    return S_OK;
}

HRESULT shared_section_create_backing(size_t size, struct shared_section *out)
{
    unsigned int tries;
    WCHAR name[64];
    HANDLE handle = NULL;
    uint32_t key = 0;
    HRESULT hr;

    memset(out, 0, sizeof(*out));
    for (tries = 0; tries < 64 && !handle; ++tries)
    {
        key = random_key();
        key_name(key, "k", 0, name, ARRAY_SIZE(name));
        if (!(handle = CreateFileMappingW(INVALID_HANDLE_VALUE, NULL, PAGE_READWRITE,
                (DWORD)((uint64_t)size >> 32), (DWORD)size, name)))
            return E_OUTOFMEMORY;
        if (GetLastError() == ERROR_ALREADY_EXISTS)
        {
            CloseHandle(handle);
            handle = NULL;
        }
    }
    if (!handle)
        return E_OUTOFMEMORY;
    if (FAILED(hr = map_section(handle, out)))
    {
        CloseHandle(handle);
        return E_OUTOFMEMORY;
    }
    out->handle = handle;
    out->key = key;
    out->owner = true;
    return S_OK;
}

HRESULT shared_section_open_key(uint32_t key, bool write, struct shared_section *out)
{
    WCHAR name[64];
    HANDLE handle;
    HRESULT hr;

    memset(out, 0, sizeof(*out));
    if (!shared_key_is_valid(key))
        return E_INVALIDARG;
    key_name(key, "k", 0, name, ARRAY_SIZE(name));
    if (!(handle = OpenFileMappingW(FILE_MAP_READ | (write ? FILE_MAP_WRITE : 0), FALSE, name)))
        return map_error(GetLastError());
    if (FAILED(hr = map_section(handle, out)))
    {
        CloseHandle(handle);
        return hr;
    }
    out->handle = handle;
    out->key = key;
    return S_OK;
}

HRESULT shared_section_open_handle(HANDLE handle, struct shared_section *out)
{
    memset(out, 0, sizeof(*out));
    if (!handle || handle == INVALID_HANDLE_VALUE)
        return E_INVALIDARG;
    /* The view stays valid after the application closes its handle. */
    return map_section(handle, out);
}

HRESULT shared_section_open_name(const WCHAR *name, DWORD access, struct shared_section *out)
{
    HANDLE handle;
    HRESULT hr;

    memset(out, 0, sizeof(*out));
    if (!name || !*name)
        return E_INVALIDARG;
    if (!(handle = OpenFileMappingW(section_access(access), FALSE, name)))
        return map_error(GetLastError());
    hr = map_section(handle, out);
    CloseHandle(handle);
    return hr;
}

HRESULT shared_section_export(const struct shared_section *backing, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *out, char **native_names)
{
    struct shared_header header;
    HANDLE handle, process = GetCurrentProcess();
    BOOL inherit = sa && sa->bInheritHandle;
    void *view;

    *out = NULL;
    if (!name)
    {
        /* The backing itself, with only the rights asked for: the kernel enforces them. */
        if (!DuplicateHandle(process, backing->handle, process, out, section_access(access), inherit, 0))
            return E_OUTOFMEMORY;
        return S_OK;
    }
    if (!*name)
        return E_INVALIDARG;
    if (!(handle = CreateFileMappingW(INVALID_HANDLE_VALUE, (SECURITY_ATTRIBUTES *)sa, PAGE_READWRITE, 0,
            SHARED_MIN_SECTION, name)))
        return map_error(GetLastError());
    if (GetLastError() == ERROR_ALREADY_EXISTS)
    {
        CloseHandle(handle);
        return DXGI_ERROR_NAME_ALREADY_EXISTS;
    }
    if (!(view = MapViewOfFile(handle, FILE_MAP_WRITE, 0, 0, 0)))
    {
        CloseHandle(handle);
        return E_OUTOFMEMORY;
    }
    header = *shared_section_header(backing);
    header.flags |= SHARED_FLAG_REDIRECT;
    header.section_size = sizeof(header);
    shared_header_seal(&header);
    memcpy(view, &header, sizeof(header));
    UnmapViewOfFile(view);
    if (!DuplicateHandle(process, handle, process, out, section_access(access), inherit, DUPLICATE_CLOSE_SOURCE))
        return E_OUTOFMEMORY;
    return S_OK;
}

void shared_section_unlink_names(char *native_names)
{
    free(native_names);
}

void shared_section_close(struct shared_section *s)
{
    if (s->base)
        UnmapViewOfFile(s->base);
    if (s->handle)
        CloseHandle(s->handle);
    s->base = NULL;
    s->handle = NULL;
    s->owner = false;
}

void shared_handle_close(HANDLE handle)
{
    if (handle)
        CloseHandle(handle);
}

bool shared_process_alive(uint32_t pid)
{
    HANDLE process;
    DWORD wait;

    if (!(process = OpenProcess(SYNCHRONIZE, FALSE, pid)))
        return GetLastError() != ERROR_INVALID_PARAMETER;
    wait = WaitForSingleObject(process, 0);
    CloseHandle(process);
    return wait != WAIT_OBJECT_0;
}

HRESULT shared_waiter_init(struct shared_waiter *w, uint32_t key, uint32_t slot)
{
    WCHAR name[64];

    key_name(key, "e", slot, name, ARRAY_SIZE(name));
    if (!(w->event = CreateEventW(NULL, FALSE, FALSE, name)))
        return E_OUTOFMEMORY;
    return S_OK;
}

void shared_waiter_cleanup(struct shared_waiter *w)
{
    if (w->event)
        CloseHandle(w->event);
    w->event = NULL;
}

void shared_waiter_wait(struct shared_waiter *w, volatile uint32_t *seq, uint32_t old, uint32_t ms)
{
    /* Auto-reset event: one waiter wakes at once; the others notice within the short poll. */
    if (__atomic_load_n(seq, __ATOMIC_ACQUIRE) != old)
        return;
    WaitForSingleObject(w->event, ms < 4 ? ms : 4);
}

void shared_waiter_wake(struct shared_waiter *w, volatile uint32_t *seq)
{
    __atomic_add_fetch(seq, 1, __ATOMIC_RELEASE);
    SetEvent(w->event);
}
