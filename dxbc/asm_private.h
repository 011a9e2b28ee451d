/* asm_private.h — the assembler's shared state and helpers (asm.c: lexing, operands,
 * instructions; asm_dcl.c: declarations; asm_container.c: signatures and the container). */
#ifndef DXBC_ASM_PRIVATE_H
#define DXBC_ASM_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dxbc.h"
#include "text_private.h"

#define MAX_SIG_ELEMENTS 128

struct words
{
    uint32_t *data;
    size_t count, capacity;
    bool oom;
};

struct sig_element
{
    char name[64];
    uint32_t index, sysval, type, reg, mask, used, stream, minprec;
};

struct sig
{
    bool explicit;
    uint32_t count;
    struct sig_element elements[MAX_SIG_ELEMENTS];
};

struct assembler
{
    struct words tokens;
    struct sig sigs[3];            /* input, output, patch */
    bool has_sfi0;
    uint64_t sfi0;
    uint32_t program_type, major, minor;
    bool have_version;
    bool in_fork_join;             /* HS: after hs_fork_phase / hs_join_phase */
    unsigned int line;
    const char *p;                 /* cursor in the current statement */
    bool failed;
    char *error;
    size_t error_size;
};

struct operand
{
    struct dxbc_operand op;
    struct operand *rel[3];
};

/* Emits an instruction: dxbc_asm_end() patches the length once its operands are out. */
struct ins_builder
{
    size_t start;
};

static inline uint32_t dxbc_asm_opcode_token(enum dxbc_opcode opcode, uint32_t controls)
{
    return (uint32_t)opcode | (controls << 11);
}

void dxbc_asm_fail(struct assembler *a, const char *fmt, ...);
void dxbc_asm_emit(struct words *w, uint32_t value);
void dxbc_asm_skip_ws(struct assembler *a);
bool dxbc_asm_accept(struct assembler *a, const char *s);
bool dxbc_asm_expect(struct assembler *a, const char *s);
bool dxbc_asm_at_end(struct assembler *a);
bool dxbc_asm_parse_u32(struct assembler *a, uint32_t *value);
/* Matches one of `table` followed by a non-identifier character (or '_' when loose). */
bool dxbc_asm_parse_table(struct assembler *a, const char *const *table, size_t count, uint32_t *value, bool loose);
#define PARSE_TABLE(a, table, value) dxbc_asm_parse_table(a, table, sizeof(table) / sizeof(*(table)), value, false)
/* For a name followed by more mnemonic suffixes ("texture2d_glc"). */
#define PARSE_TABLE_LOOSE(a, table, value) dxbc_asm_parse_table(a, table, sizeof(table) / sizeof(*(table)), value, true)
bool dxbc_asm_parse_number32(struct assembler *a, uint32_t *bits);
bool dxbc_asm_parse_mask_letters(struct assembler *a, uint32_t *mask);
bool dxbc_asm_parse_return_types(struct assembler *a, uint32_t *token);
bool dxbc_asm_emit_operand(struct assembler *a, enum dxbc_text_role role, struct dxbc_operand *out);
void dxbc_asm_begin(struct assembler *a, struct ins_builder *b, uint32_t token);
void dxbc_asm_end(struct assembler *a, struct ins_builder *b);

/* asm_dcl.c: declarations and the other statements with their own layout (customdata,
 * interfaces, fcall, sync); false without a failure means "not one of those". */
bool dxbc_asm_assemble_declaration(struct assembler *a, const char *mnemonic, size_t mlen);
/* asm_container.c */
bool dxbc_asm_build_container(struct assembler *a, void **blob, size_t *size);

#endif
