/* platform.h — what Win32 gives the PE build and POSIX gives the native one: locks,
 * condition variables, threads, time, the executable's folder. */
#ifndef D3D11VK_PLATFORM_H
#define D3D11VK_PLATFORM_H

#include <stdint.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef D3D11VK_NATIVE
# include <pthread.h>
struct plat_mutex { pthread_mutex_t m; };
struct plat_cond { pthread_cond_t c; };
# define PLAT_MUTEX_INIT { PTHREAD_MUTEX_INITIALIZER }
#else
struct plat_mutex { SRWLOCK m; };
struct plat_cond { CONDITION_VARIABLE c; };
# define PLAT_MUTEX_INIT { SRWLOCK_INIT }
#endif

void plat_mutex_init(struct plat_mutex *m);
void plat_mutex_destroy(struct plat_mutex *m);
void plat_mutex_lock(struct plat_mutex *m);
void plat_mutex_unlock(struct plat_mutex *m);
void plat_cond_init(struct plat_cond *c);
void plat_cond_destroy(struct plat_cond *c);
void plat_cond_wait(struct plat_cond *c, struct plat_mutex *m);
/* Returns false on timeout. */
bool plat_cond_wait_ms(struct plat_cond *c, struct plat_mutex *m, uint32_t ms);
void plat_cond_signal(struct plat_cond *c);
void plat_cond_broadcast(struct plat_cond *c);

struct plat_thread;
struct plat_thread *plat_thread_start(void (*func)(void *), void *arg, const char *name);
void plat_thread_join(struct plat_thread *thread);

uint64_t plat_time_ns(void);
void plat_sleep_ms(uint32_t ms);
uint32_t plat_process_id(void);

/* Folder of the running executable with a trailing separator, UTF-8; "" if unknown. */
const char *plat_exe_dir(void);
/* Base name of the running executable, UTF-8. */
const char *plat_exe_name(void);

#endif
