/* config.h — options from D3D11VK_* environment variables and d3d11vk.conf beside the
 * executable. The environment wins over the file. */
#ifndef D3D11VK_CONFIG_H
#define D3D11VK_CONFIG_H

#include <stdbool.h>
#include <stdint.h>

/* name without the prefix, e.g. "LOG_LEVEL" reads D3D11VK_LOG_LEVEL or "log_level" in the file. */
const char *d3d11vk_config_get(const char *name);
int64_t d3d11vk_config_get_int(const char *name, int64_t def);
bool d3d11vk_config_get_bool(const char *name, bool def);

/* Parses config text "key = value" lines, '#' comments; exposed for the unit tests. */
struct d3d11vk_config_entry { char *key, *value; };
bool d3d11vk_config_parse(const char *text, struct d3d11vk_config_entry **entries, unsigned int *count);
void d3d11vk_config_free(struct d3d11vk_config_entry *entries, unsigned int count);

#endif
