/* platform_posix.c — the platform layer on POSIX (the native build). */
#define _GNU_SOURCE
#include "d3d11vk_common.h"
#include <time.h>
#include <errno.h>
#include <unistd.h>

void plat_mutex_init(struct plat_mutex *m) { pthread_mutex_init(&m->m, NULL); }
void plat_mutex_destroy(struct plat_mutex *m) { pthread_mutex_destroy(&m->m); }
void plat_mutex_lock(struct plat_mutex *m) { pthread_mutex_lock(&m->m); }
void plat_mutex_unlock(struct plat_mutex *m) { pthread_mutex_unlock(&m->m); }

void plat_cond_init(struct plat_cond *c)
{
    pthread_condattr_t attr;

    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&c->c, &attr);
    pthread_condattr_destroy(&attr);
}

void plat_cond_destroy(struct plat_cond *c) { pthread_cond_destroy(&c->c); }
void plat_cond_wait(struct plat_cond *c, struct plat_mutex *m) { pthread_cond_wait(&c->c, &m->m); }

bool plat_cond_wait_ms(struct plat_cond *c, struct plat_mutex *m, uint32_t ms)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000)
    {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return pthread_cond_timedwait(&c->c, &m->m, &ts) != ETIMEDOUT;
}

void plat_cond_signal(struct plat_cond *c) { pthread_cond_signal(&c->c); }
void plat_cond_broadcast(struct plat_cond *c) { pthread_cond_broadcast(&c->c); }

struct plat_thread
{
    pthread_t thread;
    void (*func)(void *);
    void *arg;
};

static void *thread_main(void *arg)
{
    struct plat_thread *t = arg;
    t->func(t->arg);
    return NULL;
}

struct plat_thread *plat_thread_start(void (*func)(void *), void *arg, const char *name)
{
    struct plat_thread *t = calloc(1, sizeof(*t));

    if (!t)
        return NULL;
    t->func = func;
    t->arg = arg;
    if (pthread_create(&t->thread, NULL, thread_main, t))
    {
        free(t);
        return NULL;
    }
    if (name)
        pthread_setname_np(t->thread, name);
    return t;
}

void plat_thread_join(struct plat_thread *t)
{
    pthread_join(t->thread, NULL);
    free(t);
}

uint64_t plat_time_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

void plat_sleep_ms(uint32_t ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

uint32_t plat_process_id(void) { return getpid(); }

static char exe_dir[4096], exe_name[4096];
static pthread_once_t exe_once = PTHREAD_ONCE_INIT;

static void exe_init(void)
{
    char path[4096], *slash;
    ssize_t len = readlink("/proc/self/exe", path, sizeof(path) - 1);

    if (len <= 0)
        return;
    path[len] = 0;
    slash = strrchr(path, '/');
    strcpy(exe_name, slash ? slash + 1 : path);
    if (slash)
    {
        slash[1] = 0;
        strcpy(exe_dir, path);
    }
}

const char *plat_exe_dir(void)
{
    pthread_once(&exe_once, exe_init);
    return exe_dir;
}

const char *plat_exe_name(void)
{
    pthread_once(&exe_once, exe_init);
    return exe_name;
}
