/* dxbc_corpus.c — every blob of the DXBC corpus: checksum, parse, disassemble, and the
 * assembler round trip (asm(disasm(blob)) gives the same tokens and signatures, and
 * disasm of that gives the same text). Usage: dxbc_corpus CORPUS_DIR */
#include "dxbc.h"
#include "dxbc_test_util.h"

static const char *const stage_names[DXBC_STAGE_COUNT] = { "vs", "hs", "ds", "gs", "ps", "cs" };

static bool signatures_equal(const struct dxbc_signature *a, const struct dxbc_signature *b)
{
    uint32_t i;

    if (a->element_count != b->element_count)
        return false;
    for (i = 0; i < a->element_count; ++i)
    {
        const struct dxbc_signature_element *x = &a->elements[i], *y = &b->elements[i];

        if (strcmp(x->semantic_name, y->semantic_name) || x->semantic_index != y->semantic_index
                || x->system_value != y->system_value || x->component_type != y->component_type
                || x->register_index != y->register_index || x->mask != y->mask || x->rw_mask != y->rw_mask
                || x->stream != y->stream || x->min_precision != y->min_precision)
            return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    unsigned int parsed = 0, disassembled = 0, checksums = 0, roundtrip_tokens = 0, roundtrip_text = 0;
    unsigned int info_ok = 0, instructions = 0;
    struct corpus_entry *entries;
    size_t count, i;

    if (argc != 2)
    {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 1;
    }
    count = test_read_manifest(argv[1], &entries);
    CHECK(count >= 800, "expected the corpus manifest at %s (found %zu entries)", argv[1], count);

    for (i = 0; i < count; ++i)
    {
        const struct corpus_entry *e = &entries[i];
        struct dxbc_program *program = NULL, *again = NULL;
        char error[256], model[8], *text = NULL, *text2 = NULL, *info = NULL;
        void *blob = NULL, *blob2 = NULL;
        size_t size, size2;

        if (!(blob = test_read_file(e->file, &size)))
        {
            CHECK(0, "cannot read %s", e->file);
            continue;
        }
        CHECK(size == e->bytes, "%s: size %zu, manifest says %zu", e->file, size, e->bytes);

        /* The stored checksum is recomputed for every blob. */
        if (dxbc_checksum_verify(blob, size) == DXBC_OK)
            ++checksums;
        else
            CHECK(0, "%s: checksum mismatch", e->file);

        if (dxbc_program_parse(blob, size, &program, error, sizeof(error)) != DXBC_OK)
        {
            CHECK(0, "%s: parse failed: %s", e->file, error);
            goto next;
        }
        ++parsed;
        instructions += program->instruction_count;
        snprintf(model, sizeof(model), "%u_%u", program->major, program->minor);
        CHECK(!strcmp(stage_names[program->stage], e->stage), "%s: stage %s, manifest %s", e->file,
                stage_names[program->stage], e->stage);
        CHECK(!strcmp(model, e->model), "%s: model %s, manifest %s", e->file, model, e->model);

        if (!(text = dxbc_disassemble(program)) || !strstr(text, stage_names[program->stage]))
        {
            CHECK(0, "%s: disassembly failed", e->file);
            goto next;
        }
        ++disassembled;
        if ((info = dxbc_program_info(program, NULL, NULL)) && strstr(info, "Checksum: valid"))
            ++info_ok;
        else
            CHECK(0, "%s: info failed", e->file);

        if (!dxbc_assemble(text, &blob2, &size2, error, sizeof(error)))
        {
            CHECK(0, "%s: reassembly failed: %s", e->file, error);
            goto next;
        }
        CHECK(dxbc_checksum_verify(blob2, size2) == DXBC_OK, "%s: assembled blob has a bad checksum", e->file);
        if (dxbc_program_parse(blob2, size2, &again, error, sizeof(error)) != DXBC_OK)
        {
            CHECK(0, "%s: reassembled blob does not parse: %s", e->file, error);
            goto next;
        }
        if (again->token_count == program->token_count
                && !memcmp(again->tokens, program->tokens, program->token_count * sizeof(uint32_t))
                && signatures_equal(&again->input, &program->input)
                && signatures_equal(&again->output, &program->output)
                && signatures_equal(&again->patch_constant, &program->patch_constant)
                && again->has_feature_flags == program->has_feature_flags
                && again->feature_flags == program->feature_flags)
            ++roundtrip_tokens;
        else
            CHECK(0, "%s: reassembled tokens or signatures differ", e->file);
        if ((text2 = dxbc_disassemble(again)) && !strcmp(text, text2))
            ++roundtrip_text;
        else
            CHECK(0, "%s: disassembly of the reassembled blob differs", e->file);

next:
        dxbc_free(text);
        dxbc_free(text2);
        dxbc_free(info);
        dxbc_free(blob2);
        dxbc_program_free(program);
        dxbc_program_free(again);
        free(blob);
    }
    free(entries);

    printf("corpus: %zu blobs, checksum %u, parsed %u, disassembled %u, info %u, round trip tokens %u, text %u "
            "(%u instructions)\n", count, checksums, parsed, disassembled, info_ok, roundtrip_tokens, roundtrip_text,
            instructions);
    printf("%u checks, %u failures\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}
