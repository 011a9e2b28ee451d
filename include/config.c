/* config.c — D3D11VK_* environment variables, then d3d11vk.conf beside the executable. */
#include "d3d11vk_common.h"
#include "config.h"
#include <stdio.h>
#include <ctype.h>

static struct plat_mutex config_lock = PLAT_MUTEX_INIT;
static bool config_loaded;
static struct d3d11vk_config_entry *config_entries;
static unsigned int config_count;

static char *trim(char *s)
{
    char *e;

    while (*s && isspace((unsigned char)*s)) ++s;
    e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) --e;
    *e = 0;
    return s;
}

bool d3d11vk_config_parse(const char *text, struct d3d11vk_config_entry **entries, unsigned int *count)
{
    struct d3d11vk_config_entry *list = NULL;
    unsigned int n = 0, cap = 0;
    const char *line = text;

    while (line && *line)
    {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        char *copy = malloc(len + 1), *key, *value, *eq, *hash;

        if (!copy)
            goto fail;
        memcpy(copy, line, len);
        copy[len] = 0;
        if ((hash = strchr(copy, '#')))
            *hash = 0;
        if ((eq = strchr(copy, '=')))
        {
            *eq = 0;
            key = trim(copy);
            value = trim(eq + 1);
            if (*key)
            {
                if (n == cap)
                {
                    struct d3d11vk_config_entry *l = realloc(list, (cap = cap ? cap * 2 : 8) * sizeof(*l));
                    if (!l) { free(copy); goto fail; }
                    list = l;
                }
                list[n].key = strdup(key);
                list[n].value = strdup(value);
                if (!list[n].key || !list[n].value)
                {
                    free(list[n].key);
                    free(list[n].value);
                    free(copy);
                    goto fail;
                }
                for (key = list[n].key; *key; ++key)
                    *key = toupper((unsigned char)*key);
                ++n;
            }
        }
        free(copy);
        line = end ? end + 1 : NULL;
    }
    *entries = list;
    *count = n;
    return true;

fail:
    d3d11vk_config_free(list, n);
    return false;
}

void d3d11vk_config_free(struct d3d11vk_config_entry *entries, unsigned int count)
{
    unsigned int i;

    for (i = 0; i < count; ++i)
    {
        free(entries[i].key);
        free(entries[i].value);
    }
    free(entries);
}

static void config_load(void)
{
    char path[1024];
    FILE *f;

    snprintf(path, sizeof(path), "%sd3d11vk.conf", plat_exe_dir());
    if ((f = fopen(path, "rb")))
    {
        char *text = malloc(1 << 16);
        size_t len;

        if (text)
        {
            len = fread(text, 1, (1 << 16) - 1, f);
            text[len] = 0;
            d3d11vk_config_parse(text, &config_entries, &config_count);
            free(text);
        }
        fclose(f);
    }
}

const char *d3d11vk_config_get(const char *name)
{
    char env[128];
    const char *value;
    unsigned int i;

    snprintf(env, sizeof(env), "D3D11VK_%s", name);
    if ((value = getenv(env)))
        return value;
    plat_mutex_lock(&config_lock);
    if (!config_loaded)
    {
        config_load();
        config_loaded = true;
    }
    plat_mutex_unlock(&config_lock);
    for (i = 0; i < config_count; ++i)
    {
        const char *k = config_entries[i].key;
        if (!strncmp(k, "D3D11VK_", 8))
            k += 8;
        if (!strcasecmp(k, name))
            return config_entries[i].value;
    }
    return NULL;
}

int64_t d3d11vk_config_get_int(const char *name, int64_t def)
{
    const char *v = d3d11vk_config_get(name);
    char *end;
    long long r;

    if (!v || !*v)
        return def;
    r = strtoll(v, &end, 0);
    return *end ? def : r;
}

bool d3d11vk_config_get_bool(const char *name, bool def)
{
    const char *v = d3d11vk_config_get(name);

    if (!v || !*v)
        return def;
    if (!strcmp(v, "1") || !strcasecmp(v, "true") || !strcasecmp(v, "yes") || !strcasecmp(v, "on"))
        return true;
    if (!strcmp(v, "0") || !strcasecmp(v, "false") || !strcasecmp(v, "no") || !strcasecmp(v, "off"))
        return false;
    return def;
}
