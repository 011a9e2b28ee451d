/* tool.c — d3d11vk-dxbc: disassemble, describe, assemble and compile DXBC shader blobs. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"
#ifdef DXBC_HAVE_COMPILER
#include "compile.h"
#endif

#define MAX_INPUT_SIZE (64u << 20)

static void usage(FILE *f)
{
    fprintf(f,
            "usage: d3d11vk-dxbc disasm FILE.dxbc\n"
            "       d3d11vk-dxbc info FILE.dxbc\n"
            "       d3d11vk-dxbc compile FILE.dxbc -o OUT.spv\n"
            "       d3d11vk-dxbc asm FILE.asm -o OUT.dxbc\n");
}

static void *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    size_t capacity = 65536, n = 0;
    char *data = NULL, *d;

    if (!f)
    {
        fprintf(stderr, "d3d11vk-dxbc: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    for (;;)
    {
        size_t got;

        if (!(d = realloc(data, capacity + 1)))
            goto fail;
        data = d;
        got = fread(data + n, 1, capacity - n, f);
        n += got;
        if (n < capacity)
            break;
        if (capacity >= MAX_INPUT_SIZE)
        {
            fprintf(stderr, "d3d11vk-dxbc: %s is larger than %u bytes\n", path, MAX_INPUT_SIZE);
            goto fail_quiet;
        }
        capacity *= 2;
    }
    if (ferror(f))
        goto fail;
    fclose(f);
    data[n] = 0;   /* text input (asm) is NUL-terminated */
    *size = n;
    return data;

fail:
    fprintf(stderr, "d3d11vk-dxbc: cannot read %s\n", path);
fail_quiet:
    free(data);
    fclose(f);
    return NULL;
}

static int write_file(const char *path, const void *data, size_t size)
{
    FILE *f = fopen(path, "wb");

    if (!f)
    {
        fprintf(stderr, "d3d11vk-dxbc: cannot create %s: %s\n", path, strerror(errno));
        return 1;
    }
    if (fwrite(data, 1, size, f) != size || fclose(f))
    {
        fprintf(stderr, "d3d11vk-dxbc: cannot write %s\n", path);
        return 1;
    }
    return 0;
}

static struct dxbc_program *load_program(const char *path)
{
    struct dxbc_program *program;
    char error[256];
    size_t size;
    void *data;

    if (!(data = read_file(path, &size)))
        return NULL;
    if (dxbc_program_parse(data, size, &program, error, sizeof(error)) != DXBC_OK)
    {
        fprintf(stderr, "d3d11vk-dxbc: %s: %s\n", path, error);
        program = NULL;
    }
    free(data);
    return program;
}

#ifdef DXBC_HAVE_COMPILER
/* The info hook: the interface the compiler derives (bindings, I/O locations). */
static char *compile_info_hook(const struct dxbc_program *program, void *user)
{
    static const char *const kinds[] = { "cbv", "sampler", "srv", "uav", "uav_counter" };
    struct dxbc_compile_options options = { 0 };
    struct dxbc_shader_info info;
    char error[512], *text;
    uint32_t *spirv;
    size_t words, size = 0;
    FILE *f;
    unsigned int i;

    (void)user;
    memset(&info, 0, sizeof(info));
    if (!(f = open_memstream(&text, &size)))
        return NULL;
    if (!dxbc_compile(program, &options, &info, &spirv, &words, error, sizeof(error)))
    {
        fprintf(f, "Compiler: cannot compile: %s\n", error);
        fclose(f);
        return text;
    }
    fprintf(f, "Compiler interface (%zu SPIR-V words):\n", words);
    for (i = 0; i < info.resource_count; ++i)
    {
        const struct dxbc_resource_info *r = &info.resources[i];

        fprintf(f, "  resource %s%u binding %u descriptor %u dim %u type %u stride %u flags %#x\n",
                r->kind < sizeof(kinds) / sizeof(*kinds) ? kinds[r->kind] : "?", r->slot, r->binding,
                (unsigned int)r->descriptor, (unsigned int)r->dim, (unsigned int)r->return_type, r->stride, r->flags);
    }
    for (i = 0; i < info.input_count + info.output_count; ++i)
    {
        bool in = i < info.input_count;
        const struct dxbc_io_info *io = in ? &info.inputs[i] : &info.outputs[i - info.input_count];

        fprintf(f, "  %s %s%u reg %u mask %#x location %d component %u builtin %d%s stream %u\n", in ? "input " : "output",
                io->semantic, io->semantic_index, io->reg, io->mask, (int)io->location, io->component, (int)io->builtin,
                io->patch ? " patch" : "", io->stream);
    }
    dxbc_compile_free_spirv(spirv);
    dxbc_shader_info_free(&info);
    fclose(f);
    return text;
}
#endif

static const char *output_path(int argc, char **argv)
{
    if (argc == 5 && !strcmp(argv[3], "-o"))
        return argv[4];
    return NULL;
}

int main(int argc, char **argv)
{
    struct dxbc_program *program;
    const char *command;
    char *text;

    if (argc == 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")))
    {
        usage(stdout);
        return 0;
    }
    if (argc < 3)
    {
        usage(stderr);
        return 1;
    }
    command = argv[1];

    if (!strcmp(command, "disasm") || !strcmp(command, "info"))
    {
        if (argc != 3)
        {
            usage(stderr);
            return 1;
        }
        if (!(program = load_program(argv[2])))
            return 1;
#ifdef DXBC_HAVE_COMPILER
        text = !strcmp(command, "disasm") ? dxbc_disassemble(program) : dxbc_program_info(program, compile_info_hook, NULL);
#else
        text = !strcmp(command, "disasm") ? dxbc_disassemble(program) : dxbc_program_info(program, NULL, NULL);
#endif
        dxbc_program_free(program);
        if (!text)
        {
            fprintf(stderr, "d3d11vk-dxbc: out of memory\n");
            return 1;
        }
        fputs(text, stdout);
        dxbc_free(text);
        return fflush(stdout) ? 1 : 0;
    }

    if (!strcmp(command, "asm"))
    {
        const char *out = output_path(argc, argv);
        char error[256];
        size_t size;
        void *blob;
        int ret;

        if (!out)
        {
            usage(stderr);
            return 1;
        }
        if (!(text = read_file(argv[2], &size)))
            return 1;
        if (strlen(text) != size)
        {
            fprintf(stderr, "d3d11vk-dxbc: %s: NUL byte in text\n", argv[2]);
            free(text);
            return 1;
        }
        if (!dxbc_assemble(text, &blob, &size, error, sizeof(error)))
        {
            fprintf(stderr, "d3d11vk-dxbc: %s: %s\n", argv[2], error);
            free(text);
            return 1;
        }
        free(text);
        ret = write_file(out, blob, size);
        dxbc_free(blob);
        return ret;
    }

    if (!strcmp(command, "compile"))
    {
        const char *out = output_path(argc, argv);

        if (!out)
        {
            usage(stderr);
            return 1;
        }
#ifdef DXBC_HAVE_COMPILER
        {
            struct dxbc_compile_options options = { 0 };
            struct dxbc_shader_info info;
            char error[512];
            uint32_t *spirv;
            size_t words;
            int ret;

            if (!(program = load_program(argv[2])))
                return 1;
            memset(&info, 0, sizeof(info));
            if (!dxbc_compile(program, &options, &info, &spirv, &words, error, sizeof(error)))
            {
                fprintf(stderr, "d3d11vk-dxbc: %s: %s\n", argv[2], error);
                dxbc_program_free(program);
                return 1;
            }
            dxbc_program_free(program);
            ret = write_file(out, spirv, words * sizeof(*spirv));
            dxbc_compile_free_spirv(spirv);
            dxbc_shader_info_free(&info);
            return ret;
        }
#else
        fprintf(stderr, "d3d11vk-dxbc: compile: this build has no DXBC -> SPIR-V compiler\n");
        return 2;
#endif
    }

    fprintf(stderr, "d3d11vk-dxbc: unknown command '%s'\n", command);
    usage(stderr);
    return 1;
}
