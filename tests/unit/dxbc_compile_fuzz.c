/* dxbc_compile_fuzz.c — robustness: corpus blobs with deterministic random corruption of
 * their shader tokens are parsed and compiled; nothing may crash (run under ASan/UBSan in CI
 * builds with sanitizers), and a compile that succeeds must give SPIR-V that passes spirv-val
 * for the sampled subset checked.
 * usage: dxbc_compile_fuzz CORPUS_DIR [MUTATIONS_PER_BLOB] [VALIDATE_EVERY_N] [SEED] */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include "dxbc.h"
#include "compile.h"
#include "dxbc_test_util.h"

static uint32_t rng = 0x12345678u;

static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 17;
    rng ^= rng << 5;
    return rng;
}

int main(int argc, char **argv)
{
    struct corpus_entry *entries;
    size_t count, i, compiled = 0, parsed = 0, validated = 0, invalid = 0, total = 0;
    unsigned mutations = argc > 2 ? (unsigned)atoi(argv[2]) : 8, every = argc > 3 ? (unsigned)atoi(argv[3]) : 16, m;

    if (argc > 4)
        rng = (uint32_t)strtoul(argv[4], NULL, 0) | 1;
    char tmpl[] = "/tmp/dxbc_fuzz_XXXXXX", *dir;

    if (argc < 2 || !(count = test_read_manifest(argv[1], &entries)) || !(dir = mkdtemp(tmpl)))
    {
        fprintf(stderr, "usage: %s CORPUS_DIR [MUTATIONS] [VALIDATE_EVERY]\n", argv[0]);
        return 2;
    }
    for (i = 0; i < count; ++i)
    {
        size_t size;
        uint8_t *blob = test_read_file(entries[i].file, &size), *copy;
        struct dxbc_container container;
        const struct dxbc_chunk *shdr;
        size_t start, len;

        if (!blob)
            continue;
        if (dxbc_parse_container(blob, size, &container) != DXBC_OK
                || (!(shdr = dxbc_container_find_chunk(&container, DXBC_TAG_SHEX))
                && !(shdr = dxbc_container_find_chunk(&container, DXBC_TAG_SHDR))) || shdr->size < 12)
        {
            free(blob);
            continue;
        }
        start = shdr->offset + 8;     /* keep the version and length tokens */
        len = shdr->size - 8;
        if (!(copy = malloc(size)))
            return 1;
        for (m = 0; m < mutations; ++m)
        {
            struct dxbc_program *program = NULL;
            uint32_t *spirv;
            size_t words;
            unsigned k, n = 1 + next() % 4;
            char error[256];

            memcpy(copy, blob, size);
            for (k = 0; k < n; ++k)
            {
                size_t at = start + next() % len;
                switch (next() % 3)
                {
                    case 0: copy[at] ^= (uint8_t)(1u << (next() % 8)); break;
                    case 1: copy[at] = (uint8_t)next(); break;
                    default: copy[at & ~(size_t)3] = (uint8_t)(next() % 0xda); break;   /* another opcode */
                }
            }
            ++total;
            if (dxbc_program_parse(copy, size, &program, NULL, 0) != DXBC_OK)
                continue;
            ++parsed;
            if (dxbc_compile(program, NULL, NULL, &spirv, &words, error, sizeof(error)))
            {
                ++compiled;
                if (every && !(compiled % every))
                {
                    char path[1100], cmd[1300];
                    FILE *f;
                    snprintf(path, sizeof(path), "%s/%zu_%u.spv", dir, i, m);
                    if ((f = fopen(path, "wb")))
                    {
                        fwrite(spirv, 4, words, f);
                        fclose(f);
                        snprintf(cmd, sizeof(cmd), "spirv-val --target-env vulkan1.3 %s >/dev/null 2>&1", path);
                        ++validated;
                        if (system(cmd))
                        {
                            ++invalid;
                            fprintf(stderr, "invalid SPIR-V from a mutation of %s (kept: %s)\n", entries[i].file, path);
                        }
                        else
                            unlink(path);
                    }
                }
                dxbc_compile_free_spirv(spirv);
            }
            dxbc_program_free(program);
        }
        free(copy);
        free(blob);
    }
    printf("dxbc_compile_fuzz: %zu mutations, %zu parsed, %zu compiled, %zu/%zu sampled outputs invalid\n",
            total, parsed, compiled, invalid, validated);
    free(entries);
    (void)test_failures;
    (void)test_checks;
    return invalid ? 1 : 0;
}
