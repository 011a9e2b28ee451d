/* d3d11vk_common.h — the one header every module starts from: C library, Windows and
 * Direct3D headers (mingw-w64 on PE, Wine's on native), and project-wide helpers. */
#ifndef D3D11VK_COMMON_H
#define D3D11VK_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <stdarg.h>
#include <strings.h>

#include <windows.h>
#include <d3d11_4.h>
#include <dxgi1_6.h>
#include <d3d10_1.h>

#ifdef D3D11VK_NATIVE
# define D3D11VK_EXPORT __attribute__((visibility("default")))
#else
# define D3D11VK_EXPORT
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#ifndef min
# define d3d11vk_min(a, b) ((a) < (b) ? (a) : (b))
# define d3d11vk_max(a, b) ((a) > (b) ? (a) : (b))
#endif

static inline uint32_t atomic_inc_u32(volatile LONG *v) { return (uint32_t)__atomic_add_fetch(v, 1, __ATOMIC_SEQ_CST); }
static inline uint32_t atomic_dec_u32(volatile LONG *v) { return (uint32_t)__atomic_sub_fetch(v, 1, __ATOMIC_SEQ_CST); }
static inline uint32_t atomic_load_u32(volatile LONG *v) { return (uint32_t)__atomic_load_n(v, __ATOMIC_ACQUIRE); }

static inline uint64_t align_u64(uint64_t v, uint64_t a) { return (v + a - 1) & ~(a - 1); }

/* Overflow-checked multiply for sizes that come from the application. */
static inline bool size_mul_ok(size_t a, size_t b, size_t *out)
{
    return !__builtin_mul_overflow(a, b, out);
}

#include "log.h"
#include "platform.h"

#endif
