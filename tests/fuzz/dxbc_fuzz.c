/* dxbc_fuzz.c — libFuzzer target over the DXBC front end: container, signatures, decoder,
 * disassembler, info printer, the assembler (on the disassembly and on the raw input as
 * text) and, when built with it, the SPIR-V compiler. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"
#ifdef DXBC_HAVE_COMPILER
#include "compile.h"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void reassemble(const char *text)
{
    struct dxbc_program *again;
    size_t blob_size;
    void *blob;

    if (!dxbc_assemble(text, &blob, &blob_size, NULL, 0))
        return;
    /* What the assembler produces must be a valid container the decoder accepts. */
    if (dxbc_checksum_verify(blob, blob_size) != DXBC_OK)
        abort();
    if (dxbc_program_parse(blob, blob_size, &again, NULL, 0) != DXBC_OK)
        abort();
    dxbc_program_free(again);
    dxbc_free(blob);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct dxbc_program *program;
    char error[256], *text;

    if (dxbc_program_parse(data, size, &program, error, sizeof(error)) == DXBC_OK)
    {
        char *info = dxbc_program_info(program, NULL, NULL);

        if ((text = dxbc_disassemble(program)))
            reassemble(text);
        dxbc_free(text);
        dxbc_free(info);
#ifdef DXBC_HAVE_COMPILER
        {
            struct dxbc_compile_options options = { 0 };
            struct dxbc_shader_info shader_info;
            uint32_t *spirv;
            size_t words;

            memset(&shader_info, 0, sizeof(shader_info));
            if (dxbc_compile(program, &options, &shader_info, &spirv, &words, error, sizeof(error)))
            {
                dxbc_compile_free_spirv(spirv);
                dxbc_shader_info_free(&shader_info);
            }
        }
#endif
        dxbc_program_free(program);
    }

    /* The same bytes as assembler text. */
    if ((text = malloc(size + 1)))
    {
        size_t blob_size;
        void *blob;

        memcpy(text, data, size);
        text[size] = 0;
        if (dxbc_assemble(text, &blob, &blob_size, error, sizeof(error)))
            dxbc_free(blob);
        free(text);
    }
    return 0;
}
