/* containers.c — growable arrays, the 64-bit hash map, byte hashing. */
#include "containers.h"
#include <stdlib.h>
#include <string.h>

static const char tombstone_marker;
void *const d3d11vk_hash_map_tombstone = (void *)&tombstone_marker;

bool d3d11vk_array_reserve(void **array, size_t *capacity, size_t count, size_t size)
{
    size_t new_capacity, bytes;
    void *n;

    if (count <= *capacity)
        return true;
    new_capacity = *capacity ? *capacity : 4;
    while (new_capacity < count)
    {
        if (new_capacity > SIZE_MAX / 2)
            return false;
        new_capacity *= 2;
    }
    if (__builtin_mul_overflow(new_capacity, size, &bytes) || !(n = realloc(*array, bytes)))
        return false;
    *array = n;
    *capacity = new_capacity;
    return true;
}

uint64_t d3d11vk_hash_bytes(const void *data, size_t size, uint64_t seed)
{
    const unsigned char *p = data;
    uint64_t h = 0xcbf29ce484222325ull ^ seed;
    size_t i;

    for (i = 0; i < size; ++i)
    {
        h ^= p[i];
        h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return h;
}

static size_t slot_of(uint64_t key, size_t mask)
{
    key ^= key >> 31;
    key *= 0x7fb5d329728ea185ull;
    key ^= key >> 27;
    return (size_t)key & mask;
}

void d3d11vk_hash_map_init(struct d3d11vk_hash_map *map)
{
    memset(map, 0, sizeof(*map));
}

void d3d11vk_hash_map_cleanup(struct d3d11vk_hash_map *map)
{
    free(map->keys);
    free(map->values);
    memset(map, 0, sizeof(*map));
}

static size_t find(const struct d3d11vk_hash_map *map, uint64_t key, bool *found)
{
    size_t mask = map->capacity - 1, i = slot_of(key, mask), first_free = SIZE_MAX;

    for (;;)
    {
        void *v = map->values[i];
        if (!v)
        {
            *found = false;
            return first_free != SIZE_MAX ? first_free : i;
        }
        if (v == d3d11vk_hash_map_tombstone)
        {
            if (first_free == SIZE_MAX)
                first_free = i;
        }
        else if (map->keys[i] == key)
        {
            *found = true;
            return i;
        }
        i = (i + 1) & mask;
    }
}

static bool rehash(struct d3d11vk_hash_map *map, size_t capacity)
{
    struct d3d11vk_hash_map n;
    size_t i;

    n.capacity = capacity;
    n.count = n.used = 0;
    if (!(n.keys = calloc(capacity, sizeof(*n.keys))) || !(n.values = calloc(capacity, sizeof(*n.values))))
    {
        free(n.keys);
        return false;
    }
    for (i = 0; i < map->capacity; ++i)
    {
        bool found;
        size_t slot;
        if (!map->values[i] || map->values[i] == d3d11vk_hash_map_tombstone)
            continue;
        slot = find(&n, map->keys[i], &found);
        n.keys[slot] = map->keys[i];
        n.values[slot] = map->values[i];
        n.count++;
        n.used++;
    }
    free(map->keys);
    free(map->values);
    *map = n;
    return true;
}

void *d3d11vk_hash_map_get(const struct d3d11vk_hash_map *map, uint64_t key)
{
    bool found;
    size_t slot;

    if (!map->capacity)
        return NULL;
    slot = find(map, key, &found);
    return found ? map->values[slot] : NULL;
}

bool d3d11vk_hash_map_put(struct d3d11vk_hash_map *map, uint64_t key, void *value)
{
    bool found;
    size_t slot;

    if (!value || value == d3d11vk_hash_map_tombstone)
        return false;
    /* Keep the load (live + tombstones) under 3/4. */
    if ((map->used + 1) * 4 > map->capacity * 3)
    {
        size_t capacity = map->capacity ? map->capacity : 16;
        while ((map->count + 1) * 2 > capacity)
            capacity *= 2;
        if (!rehash(map, capacity))
            return false;
    }
    slot = find(map, key, &found);
    if (!found)
    {
        if (!map->values[slot])
            map->used++;
        map->count++;
        map->keys[slot] = key;
    }
    map->values[slot] = value;
    return true;
}

void *d3d11vk_hash_map_remove(struct d3d11vk_hash_map *map, uint64_t key)
{
    bool found;
    size_t slot;
    void *value;

    if (!map->capacity)
        return NULL;
    slot = find(map, key, &found);
    if (!found)
        return NULL;
    value = map->values[slot];
    map->values[slot] = d3d11vk_hash_map_tombstone;
    map->count--;
    return value;
}
