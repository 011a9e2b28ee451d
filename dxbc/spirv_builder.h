/* spirv_builder.h — a small SPIR-V module builder: one word buffer per logical section of
 * a module (SPIR-V spec 2.4 "Logical Layout of a Module"), id allocation, deduplicated
 * types and constants, and helpers for the instructions the DXBC compiler emits.
 * Out-of-memory is sticky: the builder records it and spv_builder_finish() fails. */
#ifndef DXBC_SPIRV_BUILDER_H
#define DXBC_SPIRV_BUILDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <spirv/unified1/spirv.h>
#include <spirv/unified1/GLSL.std.450.h>

struct spv_buf
{
    uint32_t *w;
    size_t count, capacity;
};

enum spv_section
{
    SPV_SECTION_CAPABILITY,
    SPV_SECTION_EXTENSION,
    SPV_SECTION_EXT_IMPORT,
    SPV_SECTION_MEMORY_MODEL,
    SPV_SECTION_ENTRY_POINT,
    SPV_SECTION_EXECUTION_MODE,
    SPV_SECTION_DEBUG,
    SPV_SECTION_ANNOTATION,
    SPV_SECTION_GLOBAL,          /* types, constants, global variables */
    SPV_SECTION_FUNCTION,
    SPV_SECTION_COUNT,
};

#define SPV_DEDUP_KEY_OPS 3u

struct spv_dedup_entry
{
    uint32_t hash;
    uint32_t id;                 /* 0: empty slot */
    uint32_t offset;             /* word offset of the instruction in the global section */
    /* opcode | operand count << 16, then the first operands (zero past the count): lookups of
     * types and scalar constants are decided here without touching the global section's
     * words (a wider key measured no faster on the corpus). */
    uint32_t key[1 + SPV_DEDUP_KEY_OPS];
};

/* Constants 0..SPV_SMALL_U32-1 of type uint, memoized (index values, lane numbers). */
#define SPV_SMALL_U32 64u
/* Direct-mapped memo of pointer types: access chains ask for one per register access. */
#define SPV_PTR_CACHE_BITS 6
#define SPV_PTR_CACHE (1u << SPV_PTR_CACHE_BITS)

struct spv_builder
{
    struct spv_buf sections[SPV_SECTION_COUNT];
    uint32_t next_id;
    bool oom;

    struct spv_dedup_entry *dedup;
    size_t dedup_capacity, dedup_count;

    /* Memos in front of the deduplication table for the hottest lookups: they hold the ids the
     * table returned, so the output is the same; they only spare the hashing and probing.
     * 0 means not known yet. */
    uint32_t t_uint, t_int, t_float, t_bool;
    uint32_t t_uvec[5], t_fvec[5];   /* vectors of t_uint / t_float by size */
    uint32_t u32_small[SPV_SMALL_U32];
    struct { uint32_t sc, type, id; } ptr_cache[SPV_PTR_CACHE];

    uint32_t caps[32];
    unsigned cap_count;
    uint32_t glsl_ext;           /* id of the GLSL.std.450 import, 0 until used */

    /* The current function's local variables go to their own buffer because SPIR-V wants
     * them in the first block; spv_function_end() splices them in. */
    struct spv_buf locals;
    size_t function_first_block;  /* word offset in the function section after the first OpLabel */
    bool in_function;
};

void spv_builder_init(struct spv_builder *b);
void spv_builder_cleanup(struct spv_builder *b);
/* Makes room for `words` more words in a section up front (a size hint; failure is the usual
 * sticky out-of-memory). */
void spv_builder_reserve(struct spv_builder *b, enum spv_section s, size_t words);
/* Assembles the module; the caller frees *words with free(). */
bool spv_builder_finish(struct spv_builder *b, uint32_t version, uint32_t **words, size_t *count);

uint32_t spv_id(struct spv_builder *b);
/* Appends one instruction: opcode, then the given operand words. */
void spv_inst(struct spv_builder *b, enum spv_section s, SpvOp op, const uint32_t *ops, unsigned count);
void spv_inst_v(struct spv_builder *b, enum spv_section s, SpvOp op, unsigned count, ...);
/* Appends an instruction whose trailing operand is a literal string. */
void spv_inst_str(struct spv_builder *b, enum spv_section s, SpvOp op, const uint32_t *ops, unsigned count,
        const char *str, const uint32_t *tail, unsigned tail_count);

void spv_capability(struct spv_builder *b, SpvCapability cap);
void spv_extension(struct spv_builder *b, const char *name);
uint32_t spv_glsl(struct spv_builder *b);
void spv_name(struct spv_builder *b, uint32_t id, const char *name);
void spv_member_name(struct spv_builder *b, uint32_t id, uint32_t member, const char *name);
void spv_decorate(struct spv_builder *b, uint32_t id, SpvDecoration dec, const uint32_t *args, unsigned count);
void spv_decorate1(struct spv_builder *b, uint32_t id, SpvDecoration dec, uint32_t arg);
void spv_decorate0(struct spv_builder *b, uint32_t id, SpvDecoration dec);
void spv_member_decorate1(struct spv_builder *b, uint32_t id, uint32_t member, SpvDecoration dec, uint32_t arg);
void spv_member_decorate0(struct spv_builder *b, uint32_t id, uint32_t member, SpvDecoration dec);
void spv_builtin(struct spv_builder *b, uint32_t id, SpvBuiltIn builtin);

/* Deduplicated global instruction: returns the id of an identical earlier one, or emits it. */
uint32_t spv_global_dedup(struct spv_builder *b, SpvOp op, bool has_type, const uint32_t *ops, unsigned count);

uint32_t spv_type_void(struct spv_builder *b);
uint32_t spv_type_bool(struct spv_builder *b);
uint32_t spv_type_int(struct spv_builder *b, unsigned width, bool is_signed);
uint32_t spv_type_float(struct spv_builder *b, unsigned width);
uint32_t spv_type_vector(struct spv_builder *b, uint32_t component, unsigned count);
/* count 1 returns the component type itself. */
uint32_t spv_type_vec(struct spv_builder *b, uint32_t component, unsigned count);
uint32_t spv_type_array(struct spv_builder *b, uint32_t element, uint32_t length);
/* Arrays with explicit layout are not deduplicated (decorations attach to them). */
uint32_t spv_type_array_stride(struct spv_builder *b, uint32_t element, uint32_t length, uint32_t stride);
uint32_t spv_type_runtime_array_stride(struct spv_builder *b, uint32_t element, uint32_t stride);
uint32_t spv_type_struct(struct spv_builder *b, const uint32_t *members, unsigned count);   /* never deduplicated */
uint32_t spv_type_pointer(struct spv_builder *b, SpvStorageClass sc, uint32_t type);
uint32_t spv_type_function(struct spv_builder *b, uint32_t ret, const uint32_t *params, unsigned count);
uint32_t spv_type_image(struct spv_builder *b, uint32_t sampled_type, SpvDim dim, unsigned depth, bool arrayed,
        bool ms, unsigned sampled, SpvImageFormat format);
uint32_t spv_type_sampler(struct spv_builder *b);
uint32_t spv_type_sampled_image(struct spv_builder *b, uint32_t image);

uint32_t spv_const_u32(struct spv_builder *b, uint32_t v);
uint32_t spv_const_i32(struct spv_builder *b, int32_t v);
uint32_t spv_const_f32(struct spv_builder *b, float v);
uint32_t spv_const_f32_bits(struct spv_builder *b, uint32_t bits);
uint32_t spv_const_f64(struct spv_builder *b, double v);
uint32_t spv_const_bool(struct spv_builder *b, bool v);
uint32_t spv_const_null(struct spv_builder *b, uint32_t type);
uint32_t spv_const_composite(struct spv_builder *b, uint32_t type, const uint32_t *parts, unsigned count);
uint32_t spv_const_uvec(struct spv_builder *b, const uint32_t *v, unsigned count);
uint32_t spv_const_fvec(struct spv_builder *b, const float *v, unsigned count);
/* Specialization constants are never deduplicated: each carries its own SpecId. */
uint32_t spv_spec_const_u32(struct spv_builder *b, uint32_t spec_id, uint32_t def);
uint32_t spv_spec_const_bool(struct spv_builder *b, uint32_t spec_id, bool def);

uint32_t spv_variable(struct spv_builder *b, uint32_t ptr_type, SpvStorageClass sc, uint32_t init);
/* A Function-storage variable of the current function (placed in its first block). */
uint32_t spv_local_variable(struct spv_builder *b, uint32_t ptr_type);

void spv_entry_point(struct spv_builder *b, SpvExecutionModel model, uint32_t func, const char *name,
        const uint32_t *interface, unsigned count);
void spv_execution_mode(struct spv_builder *b, uint32_t func, SpvExecutionMode mode, const uint32_t *args, unsigned count);

/* Function body helpers; all append to the function section. */
uint32_t spv_function_begin(struct spv_builder *b, uint32_t ret_type, uint32_t func_type, uint32_t id);
void spv_function_end(struct spv_builder *b);
void spv_label(struct spv_builder *b, uint32_t id);
uint32_t spv_op(struct spv_builder *b, SpvOp op, uint32_t type, const uint32_t *args, unsigned count);
uint32_t spv_op1(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a);
uint32_t spv_op2(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a, uint32_t c);
uint32_t spv_op3(struct spv_builder *b, SpvOp op, uint32_t type, uint32_t a, uint32_t c, uint32_t d);
void spv_op_void(struct spv_builder *b, SpvOp op, const uint32_t *args, unsigned count);
uint32_t spv_ext(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, const uint32_t *args, unsigned count);
uint32_t spv_ext1(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a);
uint32_t spv_ext2(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a, uint32_t c);
uint32_t spv_ext3(struct spv_builder *b, enum GLSLstd450 inst, uint32_t type, uint32_t a, uint32_t c, uint32_t d);
uint32_t spv_load(struct spv_builder *b, uint32_t type, uint32_t ptr);
void spv_store(struct spv_builder *b, uint32_t ptr, uint32_t value);
uint32_t spv_access_chain(struct spv_builder *b, uint32_t ptr_type, uint32_t base, const uint32_t *indices, unsigned count);
uint32_t spv_extract(struct spv_builder *b, uint32_t type, uint32_t composite, uint32_t index);
uint32_t spv_composite(struct spv_builder *b, uint32_t type, const uint32_t *parts, unsigned count);
uint32_t spv_shuffle(struct spv_builder *b, uint32_t type, uint32_t v1, uint32_t v2, const uint32_t *comps, unsigned count);
uint32_t spv_select(struct spv_builder *b, uint32_t type, uint32_t cond, uint32_t t, uint32_t f);
uint32_t spv_bitcast(struct spv_builder *b, uint32_t type, uint32_t v);
void spv_branch(struct spv_builder *b, uint32_t target);
void spv_branch_cond(struct spv_builder *b, uint32_t cond, uint32_t t, uint32_t f);
void spv_selection_merge(struct spv_builder *b, uint32_t merge);
void spv_loop_merge(struct spv_builder *b, uint32_t merge, uint32_t cont);
void spv_return(struct spv_builder *b);

#endif
