/* log.c — level and destination from D3D11VK_LOG_LEVEL / D3D11VK_LOG_PATH (or d3d11vk.conf). */
#include "d3d11vk_common.h"
#include "config.h"
#include <stdio.h>

static volatile LONG log_state = -1; /* -1: not read yet; else the level */
static FILE *log_file;
static struct plat_mutex log_lock = PLAT_MUTEX_INIT;

static const char *const level_names[] = { "none", "err", "warn", "info", "debug", "trace" };

static enum d3d11vk_log_level parse_level(const char *s)
{
    unsigned int i;

    if (!s || !*s)
        return D3D11VK_LOG_WARN;
    if (s[0] >= '0' && s[0] <= '5' && !s[1])
        return s[0] - '0';
    for (i = 0; i < ARRAY_SIZE(level_names); ++i)
        if (!strcasecmp(s, level_names[i]))
            return i;
    if (!strcasecmp(s, "error")) return D3D11VK_LOG_ERR;
    if (!strcasecmp(s, "warning")) return D3D11VK_LOG_WARN;
    return D3D11VK_LOG_WARN;
}

enum d3d11vk_log_level d3d11vk_log_level(void)
{
    LONG level = __atomic_load_n(&log_state, __ATOMIC_ACQUIRE);

    if (level >= 0)
        return level;
    plat_mutex_lock(&log_lock);
    if (log_state < 0)
    {
        const char *path = d3d11vk_config_get("LOG_PATH");
        if (path && *path)
            log_file = fopen(path, "a");
        __atomic_store_n(&log_state, parse_level(d3d11vk_config_get("LOG_LEVEL")), __ATOMIC_RELEASE);
    }
    plat_mutex_unlock(&log_lock);
    return log_state;
}

void d3d11vk_log(enum d3d11vk_log_level level, const char *func, const char *fmt, ...)
{
    char buffer[1024];
    va_list args;
    int len;

    len = snprintf(buffer, sizeof(buffer), "d3d11vk:%s:%u:%s: ", level_names[level], plat_process_id(), func);
    va_start(args, fmt);
    if (len >= 0 && (size_t)len < sizeof(buffer))
        vsnprintf(buffer + len, sizeof(buffer) - len, fmt, args);
    va_end(args);
    len = strlen(buffer);
    if (len && buffer[len - 1] != '\n' && (size_t)len + 1 < sizeof(buffer))
        strcpy(buffer + len, "\n");
    plat_mutex_lock(&log_lock);
    fputs(buffer, log_file ? log_file : stderr);
    fflush(log_file ? log_file : stderr);
    plat_mutex_unlock(&log_lock);
}

const char *debugstr_guid(const GUID *guid)
{
    static __thread char buffers[4][40];
    static __thread unsigned int next;
    char *b = buffers[next++ & 3];

    if (!guid)
        return "(null)";
    snprintf(b, 40, "{%08lx-%04x-%04x-%02x%02x-%02x%02x%02x%02x%02x%02x}", (unsigned long)guid->Data1,
            guid->Data2, guid->Data3, guid->Data4[0], guid->Data4[1], guid->Data4[2], guid->Data4[3],
            guid->Data4[4], guid->Data4[5], guid->Data4[6], guid->Data4[7]);
    return b;
}
