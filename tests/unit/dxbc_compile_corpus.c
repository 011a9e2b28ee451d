/* dxbc_compile_corpus.c — every blob of the DXBC corpus compiles to SPIR-V that passes
 * `spirv-val --target-env vulkan1.3`. Prints the count; fails unless all pass.
 * usage: dxbc_compile_corpus CORPUS_DIR [SUBSTRING] [-v] */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <unistd.h>

#include "dxbc.h"
#include "compile.h"
#include "dxbc_test_util.h"

/* The shared helper header defines check counters this test does not use. */
static void touch_counters(void) { (void)test_failures; (void)test_checks; }

static bool write_words(const char *path, const uint32_t *w, size_t count)
{
    FILE *f = fopen(path, "wb");
    bool ok;

    if (!f)
        return false;
    ok = fwrite(w, 4, count, f) == count;
    return !fclose(f) && ok;
}

int main(int argc, char **argv)
{
    struct corpus_entry *entries;
    size_t count, i, compiled = 0, valid = 0, tried = 0;
    char tmpl[] = "/tmp/dxbc_compile_XXXXXX", *dir;
    const char *filter = NULL;
    bool verbose = false;
    int a;

    touch_counters();
    if (argc < 2)
    {
        fprintf(stderr, "usage: %s CORPUS_DIR [SUBSTRING] [-v]\n", argv[0]);
        return 2;
    }
    for (a = 2; a < argc; ++a)
    {
        if (!strcmp(argv[a], "-v"))
            verbose = true;
        else
            filter = argv[a];
    }
    if (!(count = test_read_manifest(argv[1], &entries)))
    {
        fprintf(stderr, "cannot read %s/MANIFEST.tsv\n", argv[1]);
        return 1;
    }
    if (system("spirv-val --version >/dev/null 2>&1"))
    {
        fprintf(stderr, "spirv-val not found\n");
        return 1;
    }
    if (!(dir = mkdtemp(tmpl)))
        return 1;
    for (i = 0; i < count; ++i)
    {
        char path[1200], spv[1200], cmd[2600], error[512];
        struct dxbc_shader_info info;
        uint32_t *words;
        size_t size, nwords;
        void *blob;

        if (filter && !strstr(entries[i].file, filter))
            continue;
        ++tried;
        snprintf(path, sizeof(path), "%s", entries[i].file);
        if (!(blob = test_read_file(path, &size)))
        {
            fprintf(stderr, "FAIL %s: cannot read\n", entries[i].file);
            continue;
        }
        if (!dxbc_compile_blob(blob, size, NULL, &info, &words, &nwords, error, sizeof(error)))
        {
            fprintf(stderr, "FAIL %s: compile: %s\n", entries[i].file, error);
            free(blob);
            continue;
        }
        free(blob);
        ++compiled;
        snprintf(spv, sizeof(spv), "%s/%zu.spv", dir, i);
        if (!write_words(spv, words, nwords))
        {
            fprintf(stderr, "FAIL %s: cannot write %s\n", entries[i].file, spv);
            dxbc_compile_free_spirv(words);
            dxbc_shader_info_free(&info);
            continue;
        }
        dxbc_compile_free_spirv(words);
        dxbc_shader_info_free(&info);
        snprintf(cmd, sizeof(cmd), "spirv-val --target-env vulkan1.3 %s > %s.log 2>&1", spv, spv);
        if (system(cmd))
        {
            char log[1300], *text;
            size_t ls;
            snprintf(log, sizeof(log), "%s.log", spv);
            text = test_read_file(log, &ls);
            fprintf(stderr, "FAIL %s: spirv-val: %s", entries[i].file, text ? text : "?\n");
            free(text);
            if (!verbose)
            {
                unlink(log);
                unlink(spv);
            }
            continue;
        }
        ++valid;
        snprintf(cmd, sizeof(cmd), "%s.log", spv);
        unlink(cmd);
        if (!verbose)
            unlink(spv);
        else
            printf("ok %s -> %s\n", entries[i].file, spv);
    }
    if (!verbose)
        rmdir(dir);
    printf("dxbc_compile_corpus: %zu/%zu compiled, %zu/%zu valid SPIR-V (spirv-val --target-env vulkan1.3)\n",
            compiled, tried, valid, tried);
    free(entries);
    return valid == tried && tried ? 0 : 1;
}
