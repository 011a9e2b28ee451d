/* dxbc_bench.c — DXBC -> SPIR-V compile speed on the whole corpus, next to vkd3d-compiler
 * measured in the same run. Not a test: it prints figures.
 *
 * usage: dxbc_bench CORPUS_DIR [D3D11VK_DXBC_TOOL] [ITERATIONS]
 *   1. in process: dxbc_program_parse + dxbc_compile of every blob, ITERATIONS times (default 5),
 *      then vkd3d-shader the same way; CPU time per pass as a mean and as the best pass (the
 *      least disturbed by other load), with the ratio of each;
 *   2. one process per blob: `d3d11vk-dxbc compile` (when the tool path is given) and
 *      `vkd3d-compiler -x dxbc-tpf -b spirv-binary`, each output checked with
 *      `spirv-val --target-env vulkan1.3` (validation is not timed). */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdint.h>
#include <dlfcn.h>
#include <sys/resource.h>
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

/* CPU time of this process, and of its finished children: less sensitive than wall time to
 * other load on the machine. */
static double cpu_self(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double cpu_children(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec * 1e-6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec * 1e-6;
}

struct result
{
    size_t ok, valid;
    double seconds, cpu;
};

/* Runs `fmt` (with %1$s = input, %2$s = output) per blob; times the runs, then validates. */
static struct result run_tool(const char *name, const char *fmt, struct corpus_entry *e, size_t count, const char *dir)
{
    struct result r = { 0 };
    char cmd[4096], out[1024];
    size_t i;
    double t0, c0;

    t0 = now();
    c0 = cpu_children();
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
    r.cpu = cpu_children() - c0;   /* includes the shell system() starts: same for both tools */
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

/* vkd3d-shader in process, through dlopen of Debian's libvkd3d-shader.so.1 (no header is
 * installed; these are the public 1.x API's structures). Used only when a trial compile of
 * the first blob gives SPIR-V. */
struct vkd3d_code
{
    const void *code;
    size_t size;
};

struct vkd3d_compile_info
{
    unsigned type;               /* VKD3D_SHADER_STRUCTURE_TYPE_COMPILE_INFO = 0 */
    const void *next;
    struct vkd3d_code source;
    unsigned source_type;        /* VKD3D_SHADER_SOURCE_DXBC_TPF = 1 */
    unsigned target_type;        /* VKD3D_SHADER_TARGET_SPIRV_BINARY = 1 */
    const void *options;
    unsigned option_count;
    unsigned log_level;          /* VKD3D_SHADER_LOG_NONE = 0 */
    const char *source_name;
};

typedef int (*vkd3d_compile_fn)(const struct vkd3d_compile_info *, struct vkd3d_code *, char **);
typedef void (*vkd3d_free_code_fn)(struct vkd3d_code *);
typedef void (*vkd3d_free_messages_fn)(char *);

static void bench_vkd3d_in_process(void **blobs, size_t *sizes, size_t count, unsigned iterations, double ours_cpu,
        double ours_best)
{
    void *lib = dlopen("libvkd3d-shader.so.1", RTLD_NOW | RTLD_LOCAL);
    vkd3d_compile_fn compile;
    vkd3d_free_code_fn free_code;
    vkd3d_free_messages_fn free_messages;
    size_t i, ok = 0;
    unsigned it;
    double c0, cp, ct, best = 1e30;

    if (!lib)
    {
        printf("vkd3d-shader in process: libvkd3d-shader.so.1 not found\n");
        return;
    }
    compile = (vkd3d_compile_fn)dlsym(lib, "vkd3d_shader_compile");
    free_code = (vkd3d_free_code_fn)dlsym(lib, "vkd3d_shader_free_shader_code");
    free_messages = (vkd3d_free_messages_fn)dlsym(lib, "vkd3d_shader_free_messages");
    if (!compile || !free_code || !free_messages)
    {
        printf("vkd3d-shader in process: entry points missing\n");
        dlclose(lib);
        return;
    }
    c0 = cpu_self();
    for (it = 0; it < iterations; ++it)
    {
        cp = cpu_self();
        for (i = 0; i < count; ++i)
        {
            struct vkd3d_compile_info info = { 0 };
            struct vkd3d_code out = { 0 };
            char *messages = NULL;

            if (!blobs[i])
                continue;
            info.source.code = blobs[i];
            info.source.size = sizes[i];
            info.source_type = 1;
            info.target_type = 1;
            if (!compile(&info, &out, &messages))
            {
                if (!it && out.size >= 4 && *(const uint32_t *)out.code == 0x07230203u)
                    ++ok;
                free_code(&out);
            }
            free_messages(messages);
            if (!it && !i && !ok)
            {
                printf("vkd3d-shader in process: the trial compile gave no SPIR-V; skipped\n");
                dlclose(lib);
                return;
            }
        }
        if (cpu_self() - cp < best)
            best = cpu_self() - cp;
    }
    ct = (cpu_self() - c0) / iterations;
    printf("vkd3d-shader in process: %zu/%zu compiled, %.1f ms CPU per pass (best pass %.1f ms), %.0f shaders/s (CPU)\n",
            ok, count, ct * 1e3, best * 1e3, count / ct);
    printf("ratio in process (vkd3d-shader CPU / d3d11vk CPU): %.2fx mean, %.2fx best pass against best pass\n",
            ct / ours_cpu, best / ours_best);
    dlclose(lib);
}

int main(int argc, char **argv)
{
    struct corpus_entry *entries;
    size_t count, i, bytes = 0, compiled = 0, spirv_words = 0;
    void **blobs;
    size_t *sizes;
    unsigned iterations = argc > 3 ? (unsigned)atoi(argv[3]) : 5, it;
    char tmpl[] = "/tmp/dxbc_bench_XXXXXX", *dir, fmt[2048];
    double t0, t, c0, cp, ct, best = 1e30;
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
    c0 = cpu_self();
    for (it = 0; it < iterations; ++it)
    {
        cp = cpu_self();
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
        /* The fastest pass is the least disturbed by other load on the machine. */
        if (cpu_self() - cp < best)
            best = cpu_self() - cp;
    }
    t = (now() - t0) / iterations;
    ct = (cpu_self() - c0) / iterations;
    printf("corpus: %zu blobs, %zu bytes of DXBC\n", count, bytes);
    printf("d3d11vk in process: %zu/%zu compiled, %.1f ms per pass wall (mean of %u), %.1f ms CPU (best pass %.1f ms), "
            "%.0f shaders/s (CPU), %.1f MB/s of DXBC (CPU), %zu SPIR-V words\n",
            compiled, count, t * 1e3, iterations, ct * 1e3, best * 1e3, count / ct, bytes / ct / 1e6, spirv_words);

    bench_vkd3d_in_process(blobs, sizes, count, iterations, ct, best);
    if (!(dir = mkdtemp(tmpl)))
        return 1;
    if (argc > 2 && argv[2][0])
    {
        snprintf(fmt, sizeof(fmt), "%s compile %%1$s -o %%2$s >/dev/null 2>&1", argv[2]);
        ours = run_tool("d3d11vk", fmt, entries, count, dir);
        printf("d3d11vk-dxbc, one process per blob: %zu/%zu compiled, %zu/%zu valid SPIR-V, %.2f s wall, %.2f s CPU, %.0f shaders/s (CPU)\n",
                ours.ok, count, ours.valid, count, ours.seconds, ours.cpu, count / ours.cpu);
    }
    if (system("vkd3d-compiler --version >/dev/null 2>&1"))
        printf("vkd3d-compiler: not found\n");
    else
    {
        vkd3d = run_tool("vkd3d", "vkd3d-compiler -x dxbc-tpf -b spirv-binary -o %2$s %1$s >/dev/null 2>&1", entries, count, dir);
        printf("vkd3d-compiler, one process per blob: %zu/%zu compiled, %zu/%zu valid SPIR-V, %.2f s wall, %.2f s CPU, %.0f shaders/s (CPU)\n",
                vkd3d.ok, count, vkd3d.valid, count, vkd3d.seconds, vkd3d.cpu, count / vkd3d.cpu);
        if (argc > 2 && ours.cpu > 0)
            printf("ratio (vkd3d-compiler CPU / d3d11vk-dxbc CPU, process per blob, start-up included): %.2fx\n", vkd3d.cpu / ours.cpu);
    }
    rmdir(dir);
    for (i = 0; i < count; ++i)
        free(blobs[i]);
    free(blobs);
    free(sizes);
    free(entries);
    return 0;
}
