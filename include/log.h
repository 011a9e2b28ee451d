/* log.h — the one logger: LOG_ERR/WARN/INFO/DEBUG/TRACE, FIXME once per call site. */
#ifndef D3D11VK_LOG_H
#define D3D11VK_LOG_H

#include <stdbool.h>

enum d3d11vk_log_level
{
    D3D11VK_LOG_NONE = 0,
    D3D11VK_LOG_ERR,
    D3D11VK_LOG_WARN,
    D3D11VK_LOG_INFO,
    D3D11VK_LOG_DEBUG,
    D3D11VK_LOG_TRACE,
};

enum d3d11vk_log_level d3d11vk_log_level(void);
#ifdef __MINGW32__
# define D3D11VK_PRINTF_FORMAT gnu_printf
#else
# define D3D11VK_PRINTF_FORMAT printf
#endif
void d3d11vk_log(enum d3d11vk_log_level level, const char *func, const char *fmt, ...)
        __attribute__((format(D3D11VK_PRINTF_FORMAT, 3, 4)));
const char *debugstr_guid(const GUID *guid);

#define D3D11VK_LOG_(lvl, ...) do { if (d3d11vk_log_level() >= (lvl)) d3d11vk_log((lvl), __func__, __VA_ARGS__); } while (0)
#define LOG_ERR(...)   D3D11VK_LOG_(D3D11VK_LOG_ERR, __VA_ARGS__)
#define LOG_WARN(...)  D3D11VK_LOG_(D3D11VK_LOG_WARN, __VA_ARGS__)
#define LOG_INFO(...)  D3D11VK_LOG_(D3D11VK_LOG_INFO, __VA_ARGS__)
#define LOG_DEBUG(...) D3D11VK_LOG_(D3D11VK_LOG_DEBUG, __VA_ARGS__)
#define LOG_TRACE(...) D3D11VK_LOG_(D3D11VK_LOG_TRACE, __VA_ARGS__)

/* Unimplemented paths say so once per call site, at warning level. */
#define FIXME(...) do { static volatile LONG once_; \
    if (!__atomic_exchange_n(&once_, 1, __ATOMIC_RELAXED)) D3D11VK_LOG_(D3D11VK_LOG_WARN, "FIXME: " __VA_ARGS__); } while (0)

#endif
