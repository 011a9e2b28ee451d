/* shared_handle.h — shared-resource handles: the section ("backing") a shared resource or
 * fence lives in, its versioned checksummed header, the kernel objects handed to
 * applications (NT handles, legacy global values, names), and the cross-process keyed
 * mutex and fence counters kept in the section. No Vulkan, no D3D objects.
 *
 * Model
 * - Every shared resource/fence owns one BACKING section, named by a random 32-bit KEY so
 *   any process can open it: PE "Local\d3d11vk-k-XXXXXXXX" (file mapping), native
 *   "/d3d11vk-k-XXXXXXXX" (POSIX shm). Layout: [header | sync block | data area].
 *   The key is also the legacy (KMT) global handle value: bit 30 set and low bits 0b10, so
 *   it never equals an NT handle value (multiple of 4 on PE) or a small fd (native).
 * - An NT handle (IDXGIResource1::CreateSharedHandle, ID3D11Fence::CreateSharedHandle):
 *     PE, unnamed: a duplicate of the backing's section handle with the requested access
 *       (the kernel/wineserver enforces the access: mapping is denied without rights).
 *     PE, named: a new section with the caller's name and SECURITY_ATTRIBUTES holding a
 *       copy of the header flagged REDIRECT; openers follow it to the backing by key.
 *     native: HANDLES ARE FILE DESCRIPTORS (HANDLE)(intptr_t)fd. Unnamed: a new fd on the
 *       backing opened O_RDONLY or O_RDWR after the access; named: a shm object
 *       "/d3d11vk-n-<name>" holding a REDIRECT header. Cross-process, pass the fd with
 *       SCM_RIGHTS over a Unix socket (shared_fd_send/shared_fd_recv).
 * - Native names (backing keys, named handles) are unlinked when the exporting object is
 *   destroyed; handles already open stay usable (Windows keeps named objects while any
 *   handle is open; POSIX shm cannot express that).
 */
#ifndef D3D11VK_SHARED_HANDLE_H
#define D3D11VK_SHARED_HANDLE_H

#include "d3d11vk_common.h"

#define SHARED_HANDLE_MAGIC     0x4b563344u   /* "D3VK" little endian */
#define SHARED_HANDLE_VERSION   1u
#define SHARED_SYNC_OFFSET      512u
#define SHARED_DATA_ALIGN       4096u
#define SHARED_MIN_SECTION      4096u
/* Sections larger than this are refused (a corrupted size must not make us map 2^63). */
#define SHARED_MAX_SECTION      (UINT64_C(1) << 40)

#ifndef DXGI_SHARED_RESOURCE_READ
# define DXGI_SHARED_RESOURCE_READ  0x80000000u
#endif
#ifndef DXGI_SHARED_RESOURCE_WRITE
# define DXGI_SHARED_RESOURCE_WRITE 0x1u
#endif
#ifndef DXGI_ERROR_NAME_ALREADY_EXISTS
# define DXGI_ERROR_NAME_ALREADY_EXISTS ((HRESULT)0x887a002c)
#endif

enum shared_kind
{
    SHARED_KIND_RESOURCE = 1,
    SHARED_KIND_FENCE = 2,
};

/* Which API path exported the object: NT handles and legacy global handles do not mix. */
enum shared_api
{
    SHARED_API_NT = 1,
    SHARED_API_KMT = 2,
};

enum shared_tier
{
    SHARED_TIER_NONE = 0,         /* fences: the sync block alone */
    SHARED_TIER_INPROCESS = 1,
    SHARED_TIER_FD = 2,
    SHARED_TIER_HOST = 3,
    SHARED_TIER_WIN32 = 4,
    SHARED_TIER_COUNT,
};

#define SHARED_FLAG_REDIRECT   0x1u   /* a named handle section: the data is in the backing */
#define SHARED_FLAG_KEYEDMUTEX 0x2u
#define SHARED_FLAG_SEMAPHORE  0x4u   /* fd/win32 tier: an exported timeline semaphore synchronises
                                       * hand-offs on the GPU (its handle: payload.semaphore_handle) */
#define SHARED_FLAGS_ALL       0x7u

/* The resource description in plain fields; d3d11/sharing.c converts to/from D3D descs.
 * dimension uses D3D11_RESOURCE_DIMENSION values (1 buffer, 2 tex1d, 3 tex2d, 4 tex3d). */
struct shared_resource_desc
{
    uint32_t dimension;
    uint32_t width, height, depth, array_size, mip_levels;
    uint32_t format, sample_count, sample_quality;
    uint32_t usage, bind_flags, cpu_access_flags, misc_flags;
    uint32_t texture_layout, structure_stride;
    uint32_t reserved;
};

/* Tier payload. inprocess: object_id names the backend object in the exporting process's
 * registry (valid only when exporter_pid is the opener's pid). host: the data area
 * [data_offset, data_offset + data_size) of the backing holds the pixels. fd/win32: the
 * exported memory's size (alloc_size), its memory type (the lowest bit of memory_type_bits),
 * the exporter's handle number (exporter_handle) and device/driver UUIDs: the opener must be
 * on the same device and driver. */
struct shared_tier_payload
{
    uint64_t object_id;
    uint64_t data_offset, data_size;
    uint64_t alloc_size;
    uint32_t memory_type_bits, row_pitch, slice_pitch;
    uint32_t exporter_handle;           /* fd: the memory fd's number in the exporting process
                                         * (the opener takes it with pidfd_getfd); win32: the
                                         * exporter's NT handle value (DuplicateHandle'd) */
    uint32_t semaphore_handle;          /* SHARED_FLAG_SEMAPHORE: the exported timeline semaphore's
                                         * fd number / NT handle value in the exporting process */
    uint32_t reserved2;
    uint8_t device_uuid[16];
    uint8_t driver_uuid[16];
};

/* Immutable after export; covered by the checksum. */
struct shared_header
{
    uint32_t magic, version, header_size, flags;
    uint64_t section_size;
    uint32_t kind, api, tier, key;
    uint64_t unique_id;
    uint32_t exporter_pid, reserved0;
    struct shared_resource_desc desc;
    struct shared_tier_payload payload;
    uint32_t checksum;                  /* shared_checksum of the bytes before this field */
    uint32_t reserved1;
};

/* Mutable cross-process state at SHARED_SYNC_OFFSET of the backing (not checksummed; only
 * touched through atomics). */
struct shared_sync
{
    volatile uint64_t km_owner;        /* 0: free; else pid << 32 | owner token */
    volatile uint64_t km_key;          /* key of the last ReleaseSync (0 initially) */
    volatile uint32_t km_seq;          /* bumped on every release (futex word) */
    volatile uint32_t km_abandoned;    /* count of abandonments detected */
    volatile uint64_t fence_value;
    volatile uint32_t fence_seq;       /* bumped on every signal (futex word) */
    volatile uint32_t opens;           /* how many times the backing was opened (statistics) */
    volatile uint64_t writes;          /* producer generation counter for the host tier */
    volatile uint64_t gpu_value;       /* SHARED_FLAG_SEMAPHORE: keyed mutex, the semaphore value the
                                        * last ReleaseSync signalled; fence, the highest value signalled */
    uint64_t reserved[3];
};

/* A mapped section. */
struct shared_section
{
#ifdef D3D11VK_NATIVE
    int fd;
#else
    HANDLE handle;
#endif
    void *base;
    size_t size;
    bool writable;
    bool owner;          /* created the backing: unlinks its name on close (native) */
    uint32_t key;
};

static inline struct shared_header *shared_section_header(const struct shared_section *s)
{
    return (struct shared_header *)s->base;
}

static inline struct shared_sync *shared_section_sync(const struct shared_section *s)
{
    return (struct shared_sync *)((char *)s->base + SHARED_SYNC_OFFSET);
}

/* Header helpers (portable, pure). */
uint32_t shared_checksum(const void *data, size_t size);
void shared_header_seal(struct shared_header *header);   /* fills magic/version/size/checksum */
/* Checks a header read from `size` bytes at `data`: NULL, truncation, magic, version,
 * checksum, kinds, tiers, payload bounds. `kind`/`api` 0 accept any. Returns S_OK or the
 * HRESULT D3D11 answers for a bad handle (E_INVALIDARG). */
HRESULT shared_header_validate(const void *data, size_t size, uint32_t kind, uint32_t api);
static inline HRESULT shared_handle_validate(const void *data, size_t size, uint32_t kind, uint32_t api)
{
    return shared_header_validate(data, size, kind, api);
}
/* Smallest backing size holding the header, sync block and `data_size` bytes of data;
 * *data_offset receives where the data area starts. False on overflow. */
bool shared_section_layout(uint64_t data_size, uint64_t *data_offset, uint64_t *section_size);
const char *shared_tier_name(enum shared_tier tier);
/* "inprocess" / "host" / "fd" / "win32" -> tier; SHARED_TIER_NONE for anything else. */
enum shared_tier shared_tier_from_name(const char *name);

static inline bool shared_key_is_valid(uint64_t value)
{
    return value <= 0xffffffffu && (value & 0x40000000u) && (value & 3) == 2;
}
/* The legacy handle value of a key and back. */
static inline HANDLE shared_key_to_handle(uint32_t key) { return (HANDLE)(uintptr_t)key; }
static inline uint32_t shared_handle_to_key(HANDLE h) { return (uint32_t)(uintptr_t)h; }

/* DXGI_SHARED_RESOURCE_READ/WRITE/GENERIC_ALL: false for other bits or none. */
bool shared_access_is_valid(DWORD access);
bool shared_access_allows_write(DWORD access);

/* Platform part (shared_handle_win32.c / shared_handle_posix.c). */
/* Creates a new backing of `size` bytes under a fresh key; zero-filled, writable. */
HRESULT shared_section_create_backing(size_t size, struct shared_section *out);
/* Opens a backing by key (legacy handle value or redirect). E_INVALIDARG if none. */
HRESULT shared_section_open_key(uint32_t key, bool write, struct shared_section *out);
/* Maps an NT handle (not consumed): read-write where the handle allows, else read-only;
 * E_ACCESSDENIED where it allows no mapping, E_INVALIDARG for NULL/closed/other objects. */
HRESULT shared_section_open_handle(HANDLE handle, struct shared_section *out);
/* OpenSharedResourceByName: opens the named handle section with `access`. */
HRESULT shared_section_open_name(const WCHAR *name, DWORD access, struct shared_section *out);
/* Exports an NT handle for `backing`, whose header is already sealed. Named: a REDIRECT
 * section with the caller's name and security attributes; DXGI_ERROR_NAME_ALREADY_EXISTS
 * when the name is taken. Names made natively are recorded in *native_names (a
 * NUL-separated list owned by the caller, freed with free) so they can be unlinked. */
HRESULT shared_section_export(const struct shared_section *backing, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *out, char **native_names);
/* Unlinks names recorded by shared_section_export (native; no-op on PE) and frees the list. */
void shared_section_unlink_names(char *native_names);
void shared_section_close(struct shared_section *s);
/* Closes an NT handle made by shared_section_export (CloseHandle on PE, close() natively). */
void shared_handle_close(HANDLE handle);
/* Whether process `pid` is still running (false only when it is known to be gone). */
bool shared_process_alive(uint32_t pid);

/* Cross-process waiting on a 32-bit sequence word inside a section: waits until *seq no
 * longer equals `old` or `ms` elapse (may return early: callers re-check). PE: a named
 * auto-reset event per key plus a short poll; native: a shared futex. */
struct shared_waiter
{
#ifndef D3D11VK_NATIVE
    HANDLE event;
#else
    int unused;
#endif
};
HRESULT shared_waiter_init(struct shared_waiter *w, uint32_t key, uint32_t slot);
void shared_waiter_cleanup(struct shared_waiter *w);
void shared_waiter_wait(struct shared_waiter *w, volatile uint32_t *seq, uint32_t old, uint32_t ms);
void shared_waiter_wake(struct shared_waiter *w, volatile uint32_t *seq);

/* Test helpers (native): pass a descriptor over a Unix socket with SCM_RIGHTS. */
#ifdef D3D11VK_NATIVE
bool shared_fd_send(int socket, int fd);
int shared_fd_recv(int socket);
#endif

/* Keyed mutex over a backing's sync block: the state the texture's IDXGIKeyedMutex face
 * uses (see d3d11/sharing.h for the COM glue). One object per opened resource. */
struct d3d11vk_keyed_mutex
{
    struct shared_sync *sync;          /* inside a mapping that outlives this object */
    struct shared_waiter waiter;
    uint64_t owner_tag;                /* pid << 32 | token */
    struct plat_mutex lock;            /* serialises this object's Acquire/Release */
    bool held;
};

HRESULT d3d11vk_keyed_mutex_init(struct d3d11vk_keyed_mutex *km, struct shared_sync *sync, uint32_t key);
void d3d11vk_keyed_mutex_cleanup(struct d3d11vk_keyed_mutex *km);
/* IDXGIKeyedMutex::AcquireSync: S_OK, WAIT_TIMEOUT (0x102), WAIT_ABANDONED (0x80: the
 * holder's process died; the caller now holds the mutex), DXGI_ERROR_INVALID_CALL when this
 * object already holds it. */
HRESULT d3d11vk_keyed_mutex_acquire(struct d3d11vk_keyed_mutex *km, UINT64 key, DWORD ms);
/* IDXGIKeyedMutex::ReleaseSync: DXGI_ERROR_INVALID_CALL unless this object holds it. */
HRESULT d3d11vk_keyed_mutex_release(struct d3d11vk_keyed_mutex *km, UINT64 key);
bool d3d11vk_keyed_mutex_is_held(struct d3d11vk_keyed_mutex *km);

/* Fence counter helpers over a sync block. */
uint64_t shared_fence_get(const struct shared_sync *sync);
void shared_fence_set(struct shared_sync *sync, struct shared_waiter *w, uint64_t value);
/* Waits until the fence reaches `value`: true when reached, false after `ms`
 * (INFINITE waits forever). */
bool shared_fence_wait(struct shared_sync *sync, struct shared_waiter *w, uint64_t value, DWORD ms);

#endif
