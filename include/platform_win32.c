/* platform_win32.c — the platform layer on Win32 (the PE build). */
#include "d3d11vk_common.h"

void plat_mutex_init(struct plat_mutex *m) { InitializeSRWLock(&m->m); }
void plat_mutex_destroy(struct plat_mutex *m) { (void)m; }
void plat_mutex_lock(struct plat_mutex *m) { AcquireSRWLockExclusive(&m->m); }
void plat_mutex_unlock(struct plat_mutex *m) { ReleaseSRWLockExclusive(&m->m); }
void plat_cond_init(struct plat_cond *c) { InitializeConditionVariable(&c->c); }
void plat_cond_destroy(struct plat_cond *c) { (void)c; }
void plat_cond_wait(struct plat_cond *c, struct plat_mutex *m) { SleepConditionVariableSRW(&c->c, &m->m, INFINITE, 0); }
bool plat_cond_wait_ms(struct plat_cond *c, struct plat_mutex *m, uint32_t ms)
{
    return SleepConditionVariableSRW(&c->c, &m->m, ms, 0);
}
void plat_cond_signal(struct plat_cond *c) { WakeConditionVariable(&c->c); }
void plat_cond_broadcast(struct plat_cond *c) { WakeAllConditionVariable(&c->c); }

struct plat_thread
{
    HANDLE handle;
    void (*func)(void *);
    void *arg;
};

static DWORD WINAPI thread_main(void *arg)
{
    struct plat_thread *t = arg;
    t->func(t->arg);
    return 0;
}

struct plat_thread *plat_thread_start(void (*func)(void *), void *arg, const char *name)
{
    struct plat_thread *t = calloc(1, sizeof(*t));

    (void)name;
    if (!t)
        return NULL;
    t->func = func;
    t->arg = arg;
    if (!(t->handle = CreateThread(NULL, 0, thread_main, t, 0, NULL)))
    {
        free(t);
        return NULL;
    }
    return t;
}

void plat_thread_join(struct plat_thread *t)
{
    WaitForSingleObject(t->handle, INFINITE);
    CloseHandle(t->handle);
    free(t);
}

uint64_t plat_time_ns(void)
{
    static LARGE_INTEGER freq;
    LARGE_INTEGER now;

    if (!freq.QuadPart)
        QueryPerformanceFrequency(&freq);
    QueryPerformanceCounter(&now);
    return (uint64_t)((double)now.QuadPart * 1e9 / (double)freq.QuadPart);
}

void plat_sleep_ms(uint32_t ms) { Sleep(ms); }
uint32_t plat_process_id(void) { return GetCurrentProcessId(); }

static char exe_dir[MAX_PATH * 3], exe_name[MAX_PATH * 3];
static INIT_ONCE exe_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK exe_init(INIT_ONCE *once, void *param, void **ctx)
{
    WCHAR path[MAX_PATH];
    DWORD len = GetModuleFileNameW(NULL, path, ARRAY_SIZE(path));
    char utf8[MAX_PATH * 3], *slash;

    (void)once; (void)param; (void)ctx;
    if (!len || len >= ARRAY_SIZE(path) || !WideCharToMultiByte(CP_UTF8, 0, path, -1, utf8, sizeof(utf8), NULL, NULL))
        return TRUE;
    slash = strrchr(utf8, '\\');
    if (!slash)
        slash = strrchr(utf8, '/');
    strcpy(exe_name, slash ? slash + 1 : utf8);
    if (slash)
    {
        slash[1] = 0;
        strcpy(exe_dir, utf8);
    }
    return TRUE;
}

const char *plat_exe_dir(void)
{
    InitOnceExecuteOnce(&exe_once, exe_init, NULL, NULL);
    return exe_dir;
}

const char *plat_exe_name(void)
{
    InitOnceExecuteOnce(&exe_once, exe_init, NULL, NULL);
    return exe_name;
}
