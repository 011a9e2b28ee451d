/* containers.h — the small containers every module uses: a growable array helper and an
 * open-addressing hash map from 64-bit keys to pointers, plus a 64-bit hash for bytes. */
#ifndef D3D11VK_CONTAINERS_H
#define D3D11VK_CONTAINERS_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

/* Makes room for `count` elements of `size` bytes in *array (capacity in *capacity);
 * grows geometrically, false on overflow or allocation failure (the array is unchanged). */
bool d3d11vk_array_reserve(void **array, size_t *capacity, size_t count, size_t size);

/* 64-bit hash of bytes (FNV-1a with a final avalanche); stable across runs and builds. */
uint64_t d3d11vk_hash_bytes(const void *data, size_t size, uint64_t seed);
static inline uint64_t d3d11vk_hash_combine(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    return h;
}

/* Hash map: 64-bit keys (0 is a valid key) to non-NULL values. Not thread-safe. */
struct d3d11vk_hash_map
{
    uint64_t *keys;
    void **values;          /* NULL: empty slot; d3d11vk_hash_map_tombstone: deleted */
    size_t capacity;        /* power of two, or 0 */
    size_t count, used;     /* live entries; live + tombstones */
};

extern void *const d3d11vk_hash_map_tombstone;

void d3d11vk_hash_map_init(struct d3d11vk_hash_map *map);
void d3d11vk_hash_map_cleanup(struct d3d11vk_hash_map *map);
void *d3d11vk_hash_map_get(const struct d3d11vk_hash_map *map, uint64_t key);
/* Inserts or replaces; false on allocation failure or a NULL value. */
bool d3d11vk_hash_map_put(struct d3d11vk_hash_map *map, uint64_t key, void *value);
/* Returns the removed value, or NULL. */
void *d3d11vk_hash_map_remove(struct d3d11vk_hash_map *map, uint64_t key);

#endif
