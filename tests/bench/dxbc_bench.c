/* dxbc_bench.c — DXBC -> SPIR-V compile speed on the whole corpus, next to vkd3d-compiler
 * measured in the same run. Not a test: it prints figures.
 *
 * usage: dxbc_bench CORPUS_DIR [D3D11VK_DXBC_TOOL] [ITERATIONS]
 *   1. in process: dxbc_program_parse + dxbc_compile of every blob, ITERATIONS times (default 5);
 *   2. one process per blob: `d3d11vk-dxbc compile` (when the tool path is given) and
 *      `vkd3d-compiler -x dxbc-tpf -b spirv-binary`, each output checked with
 *      `spirv-val --target-env vulkan1.3` (validation is not timed). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "dxbc.h"
#include "compile.h"
#include "../unit/dxbc_test_util.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

struct result
{
    size_t ok, valid;
    double seconds;
};

/* Runs `fmt` (with %1$s = input, %2$s = output) per blob; times the runs, then validates. */
static struct result run_tool(const char *name, const char *fmt, struct corpus_entry *e, size_t count, const char *dir)
{
    struct result r = { 0 };
    char cmd[4096], out[1024];
    size_t i;
    double t0;

    t0 = now();
    for (i = 0; i < count; ++i)
    {
        snprintf(out, sizeof(out), "%s/%s_%zu.spv", dir, name, i);
        snprintf(cmd, sizeof(cmd), fmt, e[i].file, out);
        if (!system(cmd))
            ++r.ok;
        else
            unlink(out);
    }
    r.seconds = now() - t0;
    for (i = 0; i < count; ++i)
    {
        snprintf(out, sizeof(out), "%s/%s_%zu.spv", dir, name, i);
        if (access(out, R_OK))
            continue;
        snprintf(cmd, sizeof(cmd), "spirv-val --target-env vulkan1.3 %s >/dev/null 2>&1", out);
        if (!system(cmd))
            ++r.valid;
        unlink(out);
    }
    return r;
}

int main(int argc, char **argv)
{
    struct corpus_entry *entries;
    size_t count, i, bytes = 0, compiled = 0, spirv_words = 0;
    void **blobs;
    size_t *sizes;
    unsigned iterations = argc > 3 ? (unsigned)atoi(argv[3]) : 5, it;
    char tmpl[] = "/tmp/dxbc_bench_XXXXXX", *dir, fmt[2048];
    double t0, t;
    struct result ours = { 0 }, vkd3d;

    (void)test_failures;
    (void)test_checks;
    if (argc < 2)
    {
        fprintf(stderr, "usage: %s CORPUS_DIR [D3D11VK_DXBC_TOOL] [ITERATIONS]\n", argv[0]);
        return 2;
    }
    if (!iterations)
        iterations = 1;
    if (!(count = test_read_manifest(argv[1], &entries)))
    {
        fprintf(stderr, "cannot read the corpus manifest\n");
        return 1;
    }
    blobs = calloc(count, sizeof(*blobs));
    sizes = calloc(count, sizeof(*sizes));
    if (!blobs || !sizes)
        return 1;
    for (i = 0; i < count; ++i)
    {
        blobs[i] = test_read_file(entries[i].file, &sizes[i]);
        bytes += blobs[i] ? sizes[i] : 0;
    }

    t0 = now();
    for (it = 0; it < iterations; ++it)
    {
        for (i = 0; i < count; ++i)
        {
            uint32_t *spirv;
            size_t words;
            char error[256];

            if (!blobs[i] || !dxbc_compile_blob(blobs[i], sizes[i], NULL, NULL, &spirv, &words, error, sizeof(error)))
                continue;
            if (!it)
            {
                ++compiled;
                spirv_words += words;
            }
            dxbc_compile_free_spirv(spirv);
        }
    }
    t = (now() - t0) / iterations;
    printf("corpus: %zu blobs, %zu bytes of DXBC\n", count, bytes);
    printf("d3d11vk in process: %zu/%zu compiled, %.1f ms per pass (mean of %u), %.0f shaders/s, %.1f MB/s of DXBC, %zu SPIR-V words\n",
            compiled, count, t * 1e3, iterations, count / t, bytes / t / 1e6, spirv_words);

    if (!(dir = mkdtemp(tmpl)))
        return 1;
    if (argc > 2)
    {
        snprintf(fmt, sizeof(fmt), "%s compile %%1$s -o %%2$s >/dev/null 2>&1", argv[2]);
        ours = run_tool("d3d11vk", fmt, entries, count, dir);
        printf("d3d11vk-dxbc, one process per blob: %zu/%zu compiled, %zu/%zu valid SPIR-V, %.2f s total, %.0f shaders/s\n",
                ours.ok, count, ours.valid, count, ours.seconds, count / ours.seconds);
    }
    if (system("vkd3d-compiler --version >/dev/null 2>&1"))
        printf("vkd3d-compiler: not found\n");
    else
    {
        vkd3d = run_tool("vkd3d", "vkd3d-compiler -x dxbc-tpf -b spirv-binary -o %2$s %1$s >/dev/null 2>&1", entries, count, dir);
        printf("vkd3d-compiler, one process per blob: %zu/%zu compiled, %zu/%zu valid SPIR-V, %.2f s total, %.0f shaders/s\n",
                vkd3d.ok, count, vkd3d.valid, count, vkd3d.seconds, count / vkd3d.seconds);
        if (argc > 2 && ours.seconds > 0)
            printf("ratio (vkd3d-compiler time / d3d11vk-dxbc time, process per blob): %.2fx\n", vkd3d.seconds / ours.seconds);
    }
    rmdir(dir);
    for (i = 0; i < count; ++i)
        free(blobs[i]);
    free(blobs);
    free(sizes);
    free(entries);
    return 0;
}
