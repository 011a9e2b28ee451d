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

/* A stream-output declaration capturing every output element (one buffer per stream). */
static unsigned make_so(const struct dxbc_program *p, struct dxbc_so_entry *entries, unsigned max, struct dxbc_stream_output *so)
{
    unsigned i, n = 0;

    memset(so, 0, sizeof(*so));
    for (i = 0; i < p->output.element_count && n < max; ++i)
    {
        const struct dxbc_signature_element *el = &p->output.elements[i];
        unsigned first = 0, last = 3;
        if (el->register_index == ~0u || !el->mask || el->stream > 3 || !el->semantic_name)
            continue;
        while (!(el->mask & (1u << first)))
            ++first;
        while (!(el->mask & (1u << last)))
            --last;
        entries[n].stream = el->stream;
        entries[n].semantic = el->semantic_name;
        entries[n].semantic_index = el->semantic_index;
        entries[n].start_component = (uint8_t)first;
        entries[n].component_count = (uint8_t)(last - first + 1);
        entries[n].output_slot = (uint8_t)el->stream;
        so->strides[el->stream] += 4 * (last - first + 1);
        ++n;
    }
    so->entries = entries;
    so->entry_count = n;
    so->rasterized_stream = 0;
    return n;
}

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
    size_t count, i, compiled = 0, valid = 0, tried = 0, so_tried = 0, so_valid = 0;
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
        if (!strcmp(entries[i].stage, "gs") || !strcmp(entries[i].stage, "vs") || !strcmp(entries[i].stage, "ds"))
        {
            /* Also with stream output of every output element: a second module to validate. */
            struct dxbc_program *program;
            struct dxbc_so_entry so_entries[64];
            struct dxbc_stream_output so;
            struct dxbc_compile_options options = { DXBC_COMPILE_POINT_SIZE, &so };
            uint32_t *so_words;
            size_t so_count;

            if (dxbc_program_parse(blob, size, &program, NULL, 0) == DXBC_OK)
            {
                if (make_so(program, so_entries, 64, &so))
                {
                    ++so_tried;
                    if (!dxbc_compile(program, &options, NULL, &so_words, &so_count, error, sizeof(error)))
                        fprintf(stderr, "FAIL %s (stream output): compile: %s\n", entries[i].file, error);
                    else
                    {
                        char spv2[1300], cmd2[2800];
                        snprintf(spv2, sizeof(spv2), "%s/%zu_so.spv", dir, i);
                        if (write_words(spv2, so_words, so_count))
                        {
                            snprintf(cmd2, sizeof(cmd2), "spirv-val --target-env vulkan1.3 %s", spv2);
                            if (system(cmd2))
                                fprintf(stderr, "FAIL %s (stream output): spirv-val (kept %s)\n", entries[i].file, spv2);
                            else
                            {
                                ++so_valid;
                                unlink(spv2);
                            }
                        }
                        dxbc_compile_free_spirv(so_words);
                    }
                }
                dxbc_program_free(program);
            }
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
    printf("dxbc_compile_corpus: with stream output of all outputs (VS/DS/GS): %zu/%zu valid\n", so_valid, so_tried);
    free(entries);
    return valid == tried && tried && so_valid == so_tried ? 0 : 1;
}
