/* dxbc_malformed.c — bad containers and programs are answered with errors, never crashes:
 * truncation at every length, bad chunk offsets and sizes, broken signatures, broken token
 * streams, seeded random bit flips of every corpus blob, and damaged assembler text.
 * Usage: dxbc_malformed CORPUS_DIR */
#include <stdint.h>

#include "dxbc.h"
#include "dxbc_test_util.h"

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rng(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void wr32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static enum dxbc_result parse(const void *data, size_t size)
{
    struct dxbc_program *program = NULL;
    char error[128];
    enum dxbc_result r = dxbc_program_parse(data, size, &program, error, sizeof(error));

    if (r == DXBC_OK)
    {
        /* Whatever parses must also disassemble and describe itself. */
        char *text = dxbc_disassemble(program), *info = dxbc_program_info(program, NULL, NULL);

        CHECK(text && info, "disassembly of an accepted blob failed");
        if (text)
        {
            void *blob = NULL;
            size_t blob_size;

            /* may fail (not every accepted encoding is expressible), must not crash */
            if (dxbc_assemble(text, &blob, &blob_size, error, sizeof(error)))
                CHECK(dxbc_checksum_verify(blob, blob_size) == DXBC_OK, "assembled blob has a bad checksum");
            dxbc_free(blob);
        }
        dxbc_free(text);
        dxbc_free(info);
        dxbc_program_free(program);
    }
    else
    {
        CHECK(!program, "a failed parse left a program behind");
        CHECK(strlen(error) > 0, "a failed parse gave no message (result %d)", r);
    }
    return r;
}

static const struct dxbc_chunk *shader_chunk(const struct dxbc_container *c)
{
    const struct dxbc_chunk *chunk = dxbc_container_find_chunk(c, DXBC_TAG_SHEX);

    return chunk ? chunk : dxbc_container_find_chunk(c, DXBC_TAG_SHDR);
}

static void test_arguments(void)
{
    struct dxbc_container container;
    struct dxbc_program *program = (void *)1;
    static const uint8_t small[8] = "DXBC";
    void *blob = (void *)1;
    size_t size = 1;

    CHECK(dxbc_parse_container(NULL, 100, &container) == DXBC_ERROR_INVALID_ARGUMENT, "NULL data");
    CHECK(dxbc_parse_container(small, sizeof(small), &container) == DXBC_ERROR_TRUNCATED, "8-byte container");
    CHECK(dxbc_parse_container("ABCDEFGH", 8, &container) == DXBC_ERROR_BAD_MAGIC, "bad magic, short");
    CHECK(dxbc_program_parse(NULL, 0, &program, NULL, 0) == DXBC_ERROR_INVALID_ARGUMENT && !program, "NULL blob");
    CHECK(dxbc_program_parse(small, 0, NULL, NULL, 0) == DXBC_ERROR_INVALID_ARGUMENT, "NULL out");
    CHECK(dxbc_checksum_verify(small, 8) == DXBC_ERROR_TRUNCATED, "checksum of 8 bytes");
    CHECK(!dxbc_assemble(NULL, &blob, &size, NULL, 0) && !blob && !size, "assemble NULL text");
    CHECK(!dxbc_assemble("", &blob, &size, NULL, 0) && !blob, "assemble empty text");
    CHECK(dxbc_signature_parse(NULL, NULL) == DXBC_ERROR_INVALID_ARGUMENT, "signature NULL");
    CHECK(!dxbc_opcode_get_info(DXBC_OP_COUNT) && !dxbc_opcode_get_info(0xffffffffu), "opcode info range");
    CHECK(dxbc_opcode_get_info(DXBC_OP_MOV) && !strcmp(dxbc_opcode_get_info(DXBC_OP_MOV)->name, "mov"), "mov info");
}

/* Structured damage to one blob. */
static void test_structure(const uint8_t *blob, size_t size, const char *name)
{
    struct dxbc_container c;
    const struct dxbc_chunk *shdr;
    uint8_t *copy = malloc(size + 64);
    uint32_t count, i, off;
    size_t len;

    if (!copy || dxbc_parse_container(blob, size, &c) != DXBC_OK || !(shdr = shader_chunk(&c)))
    {
        CHECK(0, "%s: cannot set up", name);
        free(copy);
        return;
    }
    count = c.chunk_count;

    /* Every prefix is rejected: the total-size field no longer fits. */
    for (len = 0; len < size; ++len)
    {
        memcpy(copy, blob, len);
        CHECK(parse(copy, len) != DXBC_OK, "%s: prefix of %zu bytes accepted", name, len);
    }
    /* Extra bytes after the container are ignored (the size field rules). */
    memcpy(copy, blob, size);
    memset(copy + size, 0xcc, 64);
    CHECK(parse(copy, size + 64) == DXBC_OK, "%s: trailing bytes rejected", name);

    memcpy(copy, blob, size);
    copy[0] = 'X';
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_MAGIC, "%s: bad magic accepted", name);

    for (i = 0; i < count; ++i)
    {
        static const uint32_t bad_offsets[] = { 0, 8, 31, 0x7fffffff, 0xfffffff8, 0xffffffff };
        unsigned int k;

        for (k = 0; k < sizeof(bad_offsets) / sizeof(*bad_offsets); ++k)
        {
            memcpy(copy, blob, size);
            wr32(copy + 32 + 4 * i, bad_offsets[k]);
            CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: chunk %u offset %#x accepted", name, i, bad_offsets[k]);
        }
        memcpy(copy, blob, size);
        wr32(copy + 32 + 4 * i, (uint32_t)size - 4);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: chunk %u at the last dword accepted", name, i);

        off = rd32(blob + 32 + 4 * i);
        memcpy(copy, blob, size);
        wr32(copy + off + 4, (uint32_t)size - off - 8 + 1);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: chunk %u grown past the end accepted", name, i);
        memcpy(copy, blob, size);
        wr32(copy + off + 4, 0xfffffffc);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: chunk %u size 0xfffffffc accepted", name, i);
    }

    memcpy(copy, blob, size);
    wr32(copy + 28, 0x40000000);
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: huge chunk count accepted", name);
    memcpy(copy, blob, size);
    wr32(copy + 24, 16);
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_CONTAINER, "%s: total size 16 accepted", name);
    memcpy(copy, blob, size);
    wr32(copy + 24, (uint32_t)size + 1);
    CHECK(parse(copy, size) == DXBC_ERROR_TRUNCATED, "%s: total size past the data accepted", name);

    /* Token stream: length token, instruction lengths, opcodes. */
    off = shdr->offset;
    memcpy(copy, blob, size);
    wr32(copy + off + 4, shdr->size / 4 + 1);
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: token count past the chunk accepted", name);
    memcpy(copy, blob, size);
    wr32(copy + off + 4, 1);
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: token count 1 accepted", name);
    memcpy(copy, blob, size);
    wr32(copy + off, (rd32(blob + off) & 0xffff) | (9u << 16));
    CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: program type 9 accepted", name);
    memcpy(copy, blob, size);
    wr32(copy + off, (rd32(blob + off) & 0xffff0000) | 0x51);
    CHECK(parse(copy, size) == DXBC_ERROR_UNSUPPORTED, "%s: shader model 5.1 accepted", name);
    if (shdr->size >= 12)
    {
        uint32_t first = rd32(blob + off + 8);

        if ((first & 0x7ff) != DXBC_OP_CUSTOMDATA)
        {
            memcpy(copy, blob, size);
            wr32(copy + off + 8, first & ~(0x7fu << 24));
            CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: instruction length 0 accepted", name);
            memcpy(copy, blob, size);
            wr32(copy + off + 8, first | (0x7fu << 24));
            CHECK(parse(copy, size) != DXBC_OK || shdr->size / 4 >= 129, "%s: instruction length 127 accepted", name);
        }
        memcpy(copy, blob, size);
        wr32(copy + off + 8, (first & ~0x7ffu) | DXBC_OP_RESERVED_10_1);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: reserved opcode accepted", name);
        memcpy(copy, blob, size);
        wr32(copy + off + 8, (first & ~0x7ffu) | 0x7ff);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_PROGRAM, "%s: opcode 0x7ff accepted", name);
    }

    /* Signatures: element count, name offset, unterminated names. */
    for (i = 0; i < count; ++i)
    {
        const struct dxbc_chunk *chunk = &c.chunks[i];

        if (chunk->tag != DXBC_TAG_ISGN && chunk->tag != DXBC_TAG_OSGN && chunk->tag != DXBC_TAG_PCSG
                && chunk->tag != DXBC_TAG_OSG5 && chunk->tag != DXBC_TAG_ISG1 && chunk->tag != DXBC_TAG_OSG1)
            continue;
        memcpy(copy, blob, size);
        wr32(copy + chunk->offset, 0x10000000);
        CHECK(parse(copy, size) == DXBC_ERROR_BAD_SIGNATURE, "%s: huge signature count accepted", name);
        if (rd32(blob + chunk->offset) && chunk->size >= 12)
        {
            uint32_t name_field = chunk->offset + 8 + (chunk->tag == DXBC_TAG_ISGN || chunk->tag == DXBC_TAG_OSGN
                    || chunk->tag == DXBC_TAG_PCSG ? 0 : 4);

            memcpy(copy, blob, size);
            wr32(copy + name_field, chunk->size);
            CHECK(parse(copy, size) == DXBC_ERROR_BAD_SIGNATURE, "%s: name offset at the chunk end accepted", name);
            /* No NUL anywhere after the first name: unterminated. */
            memcpy(copy, blob, size);
            memset(copy + chunk->offset + rd32(blob + name_field), 'A', chunk->size - rd32(blob + name_field));
            CHECK(parse(copy, size) == DXBC_ERROR_BAD_SIGNATURE, "%s: unterminated name accepted", name);
        }
    }
    free(copy);
}

static unsigned int mutations, mutations_accepted;

static void test_bit_flips(const uint8_t *blob, size_t size, unsigned int rounds)
{
    struct dxbc_container c;
    const struct dxbc_chunk *shdr;
    uint8_t *copy = malloc(size);
    unsigned int r, k;

    if (!copy || dxbc_parse_container(blob, size, &c) != DXBC_OK || !(shdr = shader_chunk(&c)))
    {
        free(copy);
        return;
    }
    for (r = 0; r < rounds; ++r)
    {
        unsigned int flips = 1 + rng() % 8;

        memcpy(copy, blob, size);
        for (k = 0; k < flips; ++k)
        {
            /* Half the flips land in the program tokens, where most of the structure is. */
            size_t at = (r & 1) ? shdr->offset + rng() % shdr->size : rng() % size;

            copy[at] ^= (uint8_t)(1u << (rng() % 8));
        }
        if (r % 4 == 3 && shdr->size >= 12)
            wr32(copy + shdr->offset + 8 + 4 * (rng() % (shdr->size / 4 - 2)), rng());
        ++mutations;
        if (parse(copy, size) == DXBC_OK)
            ++mutations_accepted;
    }
    free(copy);
}

static void test_damaged_text(const uint8_t *blob, size_t size)
{
    struct dxbc_program *program;
    char *text, *copy, error[128];
    size_t len, i;

    if (dxbc_program_parse(blob, size, &program, NULL, 0) != DXBC_OK)
        return;
    text = dxbc_disassemble(program);
    dxbc_program_free(program);
    if (!text)
        return;
    len = strlen(text);
    copy = malloc(len + 1);
    for (i = 0; copy && i < 200; ++i)
    {
        size_t cut = rng() % (len + 1), at = rng() % (len ? len : 1);
        void *out = NULL;
        size_t out_size;
        bool ok;

        memcpy(copy, text, len + 1);
        if (i % 2)
            copy[cut] = 0;                      /* truncated text */
        else
            copy[at] = (char)(rng() % 96 + 32);  /* one character replaced */
        ok = dxbc_assemble(copy, &out, &out_size, error, sizeof(error));
        CHECK(ok || (!out && strlen(error) > 0), "failed assembly without a message");
        if (ok)
            CHECK(parse(out, out_size) == DXBC_OK, "assembled damaged text does not parse");
        dxbc_free(out);
    }
    free(copy);
    dxbc_free(text);
}

int main(int argc, char **argv)
{
    struct corpus_entry *entries;
    size_t count, i, structured = 0;

    if (argc != 2)
    {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 1;
    }
    test_arguments();
    count = test_read_manifest(argv[1], &entries);
    CHECK(count >= 800, "expected the corpus at %s", argv[1]);
    for (i = 0; i < count; ++i)
    {
        size_t size;
        uint8_t *blob = test_read_file(entries[i].file, &size);

        if (!blob)
        {
            CHECK(0, "cannot read %s", entries[i].file);
            continue;
        }
        /* The exhaustive structural checks on every 16th blob (all stages appear), bit flips
         * and damaged text on all of them. */
        if (i % 16 == 0 || (strcmp(entries[i].stage, "ps") && strcmp(entries[i].stage, "vs")))
        {
            test_structure(blob, size, entries[i].file);
            ++structured;
        }
        test_bit_flips(blob, size, 24);
        if (i % 8 == 0)
            test_damaged_text(blob, size);
        free(blob);
    }
    free(entries);
    printf("structural damage on %zu blobs, %u random mutations (%u still valid)\n", structured, mutations,
            mutations_accepted);
    printf("%u checks, %u failures\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}
