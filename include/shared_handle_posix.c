/* shared_handle_posix.c — shared sections on POSIX (native build): POSIX shm objects named
 * by key or by the application's name, handles are file descriptors, waits are futexes. */
#define _GNU_SOURCE
#define USE_WS_PREFIX   /* Wine's winsock names would clash with <sys/socket.h> */
#include "shared_handle.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <linux/futex.h>

static void key_name(uint32_t key, char *buf, size_t size)
{
    snprintf(buf, size, "/d3d11vk-k-%08x", key);
}

/* Application names (UTF-16) -> "/d3d11vk-n-<utf8>" with '/' and '\' replaced. */
static bool app_name(const WCHAR *name, char *buf, size_t size)
{
    size_t len = 0;
    uint32_t c;

    len = (size_t)snprintf(buf, size, "/d3d11vk-n-");
    for (; *name; ++name)
    {
        c = *name;
        if (c >= 0xd800 && c <= 0xdbff && name[1] >= 0xdc00 && name[1] <= 0xdfff)
        {
            c = 0x10000 + ((c - 0xd800) << 10) + (name[1] - 0xdc00);
            ++name;
        }
        if (c == '/' || c == '\\' || c < 0x20)
            c = '_';
        if (len + 5 >= size || len + 5 >= NAME_MAX)
            return false;
        if (c < 0x80)
            buf[len++] = (char)c;
        else if (c < 0x800)
        {
            buf[len++] = (char)(0xc0 | (c >> 6));
            buf[len++] = (char)(0x80 | (c & 0x3f));
        }
        else if (c < 0x10000)
        {
            buf[len++] = (char)(0xe0 | (c >> 12));
            buf[len++] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[len++] = (char)(0x80 | (c & 0x3f));
        }
        else
        {
            buf[len++] = (char)(0xf0 | (c >> 18));
            buf[len++] = (char)(0x80 | ((c >> 12) & 0x3f));
            buf[len++] = (char)(0x80 | ((c >> 6) & 0x3f));
            buf[len++] = (char)(0x80 | (c & 0x3f));
        }
    }
    buf[len] = 0;
    return true;
}

static uint32_t random_key(void)
{
    static volatile LONG counter;
    uint64_t x = plat_time_ns() ^ ((uint64_t)getpid() << 20) ^ ((uint64_t)atomic_inc_u32(&counter) * 0x9e3779b97f4a7c15ull);

    x ^= x >> 31;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 29;
    return ((uint32_t)x & 0x3ffffffcu) | 0x40000002u;
}

/* Maps fd: read-write where the descriptor allows it, else read-only. */
static HRESULT map_fd(int fd, struct shared_section *out)
{
    struct stat st;
    int flags;
    void *p;

    if (fd < 0 || (flags = fcntl(fd, F_GETFL)) == -1)
        return E_INVALIDARG;                   /* closed or never valid */
    if (flags & O_PATH)
        return E_ACCESSDENIED;                 /* a descriptor with no access rights */
    if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size < (off_t)sizeof(struct shared_header)
            || (uint64_t)st.st_size > SHARED_MAX_SECTION)
        return E_INVALIDARG;                   /* pipes, sockets, devices, small files */
    if ((flags & O_ACCMODE) == O_WRONLY)
        return E_ACCESSDENIED;
    out->writable = (flags & O_ACCMODE) == O_RDWR;
    p = mmap(NULL, (size_t)st.st_size, PROT_READ | (out->writable ? PROT_WRITE : 0), MAP_SHARED, fd, 0);
    if (p == MAP_FAILED)
        return errno == EACCES ? E_ACCESSDENIED : E_INVALIDARG;
    out->base = p;
    out->size = (size_t)st.st_size;
    return S_OK;
}

HRESULT shared_section_create_backing(size_t size, struct shared_section *out)
{
    char name[64];
    unsigned int tries;
    uint32_t key;
    int fd = -1;
    HRESULT hr;

    memset(out, 0, sizeof(*out));
    out->fd = -1;
    for (tries = 0; tries < 64 && fd < 0; ++tries)
    {
        key = random_key();
        key_name(key, name, sizeof(name));
        if ((fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600)) < 0 && errno != EEXIST)
            return E_OUTOFMEMORY;
    }
    if (fd < 0)
        return E_OUTOFMEMORY;
    if (ftruncate(fd, (off_t)size) || FAILED(hr = map_fd(fd, out)))
    {
        close(fd);
        shm_unlink(name);
        return E_OUTOFMEMORY;
    }
    out->fd = fd;
    out->key = key;
    out->owner = true;
    return S_OK;
}

HRESULT shared_section_open_key(uint32_t key, bool write, struct shared_section *out)
{
    char name[64];
    HRESULT hr;
    int fd;

    memset(out, 0, sizeof(*out));
    out->fd = -1;
    if (!shared_key_is_valid(key))
        return E_INVALIDARG;
    key_name(key, name, sizeof(name));
    if ((fd = shm_open(name, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC, 0)) < 0)
        return errno == EACCES ? E_ACCESSDENIED : E_INVALIDARG;
    if (FAILED(hr = map_fd(fd, out)))
    {
        close(fd);
        return hr;
    }
    out->fd = fd;
    out->key = key;
    return S_OK;
}

HRESULT shared_section_open_handle(HANDLE handle, struct shared_section *out)
{
    intptr_t v = (intptr_t)handle;
    HRESULT hr;
    int fd;

    memset(out, 0, sizeof(*out));
    out->fd = -1;
    if (!handle || v < 0 || v > INT_MAX)
        return E_INVALIDARG;
    if ((fd = fcntl((int)v, F_DUPFD_CLOEXEC, 3)) < 0)
        return E_INVALIDARG;
    if (FAILED(hr = map_fd(fd, out)))
    {
        close(fd);
        return hr;
    }
    out->fd = fd;
    return S_OK;
}

HRESULT shared_section_open_name(const WCHAR *name, DWORD access, struct shared_section *out)
{
    char path[NAME_MAX + 1];
    HRESULT hr;
    int fd;

    memset(out, 0, sizeof(*out));
    out->fd = -1;
    if (!name || !*name || !app_name(name, path, sizeof(path)))
        return E_INVALIDARG;
    if ((fd = shm_open(path, (shared_access_allows_write(access) ? O_RDWR : O_RDONLY) | O_CLOEXEC, 0)) < 0)
        return errno == EACCES ? E_ACCESSDENIED : E_INVALIDARG;
    if (FAILED(hr = map_fd(fd, out)))
    {
        close(fd);
        return hr;
    }
    out->fd = fd;
    return S_OK;
}

static bool names_append(char **list, const char *name)
{
    size_t old = 0, len = strlen(name) + 1;
    char *p;

    if (*list)
        while ((*list)[old])
            old += strlen(*list + old) + 1;
    if (!(p = realloc(*list, old + len + 1)))
        return false;
    memcpy(p + old, name, len);
    p[old + len] = 0;
    *list = p;
    return true;
}

HRESULT shared_section_export(const struct shared_section *backing, const SECURITY_ATTRIBUTES *sa,
        DWORD access, const WCHAR *name, HANDLE *out, char **native_names)
{
    bool write = shared_access_allows_write(access);
    struct shared_header header;
    char path[NAME_MAX + 1];
    mode_t mode = 0600;
    ssize_t written;
    int fd;

    *out = NULL;
    if (!name)
    {
        char self[64];
        /* A new open file description with the requested access: mmap enforces it. */
        snprintf(self, sizeof(self), "/proc/self/fd/%d", backing->fd);
        if ((fd = open(self, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC)) < 0)
        {
            key_name(backing->key, path, sizeof(path));
            if ((fd = shm_open(path, (write ? O_RDWR : O_RDONLY) | O_CLOEXEC, 0)) < 0)
                return E_OUTOFMEMORY;
        }
        if (sa && sa->bInheritHandle)
            fcntl(fd, F_SETFD, 0);
        *out = (HANDLE)(intptr_t)fd;
        return S_OK;
    }
    if (!*name || !app_name(name, path, sizeof(path)))
        return E_INVALIDARG;
    /* Security descriptors have no POSIX meaning here: named objects are private to the user. */
    if ((fd = shm_open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, mode)) < 0)
        return errno == EEXIST ? DXGI_ERROR_NAME_ALREADY_EXISTS : E_INVALIDARG;
    header = *shared_section_header(backing);
    header.flags |= SHARED_FLAG_REDIRECT;
    header.section_size = sizeof(header);
    shared_header_seal(&header);
    written = pwrite(fd, &header, sizeof(header), 0);
    if (written != (ssize_t)sizeof(header) || !names_append(native_names, path))
    {
        close(fd);
        shm_unlink(path);
        return E_OUTOFMEMORY;
    }
    if (!write)
    {
        /* Hand out a read-only descriptor. */
        char self[64];
        int ro;
        snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
        if ((ro = open(self, O_RDONLY | O_CLOEXEC)) >= 0)
        {
            close(fd);
            fd = ro;
        }
    }
    if (sa && sa->bInheritHandle)
        fcntl(fd, F_SETFD, 0);
    *out = (HANDLE)(intptr_t)fd;
    return S_OK;
}

void shared_section_unlink_names(char *names)
{
    size_t pos = 0;

    if (!names)
        return;
    while (names[pos])
    {
        shm_unlink(names + pos);
        pos += strlen(names + pos) + 1;
    }
    free(names);
}

void shared_section_close(struct shared_section *s)
{
    char name[64];

    if (s->base)
        munmap(s->base, s->size);
    if (s->fd >= 0)
        close(s->fd);
    if (s->owner)
    {
        key_name(s->key, name, sizeof(name));
        shm_unlink(name);
    }
    s->base = NULL;
    s->fd = -1;
    s->owner = false;
}

void shared_handle_close(HANDLE handle)
{
    intptr_t v = (intptr_t)handle;

    if (v > 0 && v <= INT_MAX)
        close((int)v);
}

bool shared_process_alive(uint32_t pid)
{
    char path[64], buf[256], *state;
    ssize_t n;
    int fd;

    if (kill((pid_t)pid, 0) == -1 && errno == ESRCH)
        return false;
    /* A zombie (exited, not yet reaped) holds nothing any more. */
    snprintf(path, sizeof(path), "/proc/%u/stat", pid);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return true;
    n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0)
        return true;
    buf[n] = 0;
    /* "pid (comm) S ...": comm may hold spaces and parentheses; the state follows the last ')'. */
    if (!(state = strrchr(buf, ')')) || state[1] != ' ')
        return true;
    return state[2] != 'Z' && state[2] != 'X';
}

HRESULT shared_waiter_init(struct shared_waiter *w, uint32_t key, uint32_t slot)
{
    w->unused = 0;
    return S_OK;
}

void shared_waiter_cleanup(struct shared_waiter *w)
{
}

void shared_waiter_wait(struct shared_waiter *w, volatile uint32_t *seq, uint32_t old, uint32_t ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000};

    /* Not FUTEX_PRIVATE: the word lives in a MAP_SHARED mapping other processes wait on. */
    syscall(SYS_futex, seq, FUTEX_WAIT, old, &ts, NULL, 0);
}

void shared_waiter_wake(struct shared_waiter *w, volatile uint32_t *seq)
{
    __atomic_add_fetch(seq, 1, __ATOMIC_RELEASE);
    syscall(SYS_futex, seq, FUTEX_WAKE, INT_MAX, NULL, NULL, 0);
}

bool shared_fd_send(int socket, int fd)
{
    char byte = 'h', control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {0};
    struct cmsghdr *cmsg;

    memset(control, 0, sizeof(control));
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    cmsg = CMSG_FIRSTHDR(&msg);
    cmsg->cmsg_level = SOL_SOCKET;
    cmsg->cmsg_type = SCM_RIGHTS;
    cmsg->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cmsg), &fd, sizeof(int));
    return sendmsg(socket, &msg, 0) == 1;
}

int shared_fd_recv(int socket)
{
    char byte, control[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {0};
    struct cmsghdr *cmsg;
    int fd = -1;

    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control;
    msg.msg_controllen = sizeof(control);
    if (recvmsg(socket, &msg, MSG_CMSG_CLOEXEC) != 1)
        return -1;
    for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg))
        if (cmsg->cmsg_level == SOL_SOCKET && cmsg->cmsg_type == SCM_RIGHTS
                && cmsg->cmsg_len == CMSG_LEN(sizeof(int)))
            memcpy(&fd, CMSG_DATA(cmsg), sizeof(int));
    return fd;
}
