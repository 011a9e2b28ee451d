/* compile_private.h — state shared by the compiler's source files (compile.c: driver,
 * registers, I/O, control flow; compile_alu.c: arithmetic; compile_resource.c: memory). */
#ifndef DXBC_COMPILE_PRIVATE_H
#define DXBC_COMPILE_PRIVATE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"
#include "compile.h"
#include "spirv_builder.h"

/* Registers are untyped 32-bit: every register file holds uvec4; values are bitcast at use. */
enum vt
{
    VT_F32,
    VT_U32,
    VT_I32,
    VT_F64,
    VT_BOOL,
};

struct io_elem
{
    uint32_t var;
    uint32_t reg;
    uint8_t mask;                /* components of reg */
    uint8_t first;               /* first component */
    uint8_t comps;               /* number of components of the variable (vector size) */
    enum vt type;
    int builtin;                 /* SpvBuiltIn or -1 */
    uint32_t sysval;             /* enum dxbc_name */
    uint32_t semantic_index;
    uint32_t clip_index;         /* first ClipDistance/CullDistance array index */
    uint32_t stream;
    bool patch;
    uint32_t array_size;         /* per-vertex arrays (GS/HS/DS inputs, HS outputs), else 0 */
    bool so_only;                /* stream-output capture variable */
    uint32_t location;           /* Location decoration, ~0u for built-ins */
};

struct res_slot
{
    bool declared;
    uint32_t var;                /* descriptor variable */
    uint32_t image_type;         /* OpTypeImage for images and texel buffers */
    uint32_t counter_var;
    enum dxbc_resource_dim dim;
    enum vt type;                /* sampled/return type */
    uint32_t stride;
    bool buffer;                 /* raw or structured: a storage buffer */
    bool atomics;
    uint32_t flags;
};

enum cf_kind
{
    CF_IF,
    CF_LOOP,
    CF_SWITCH,
};

struct cf_entry
{
    enum cf_kind kind;
    uint32_t merge;
    uint32_t cont;               /* loops: continue target */
    uint32_t else_label;         /* if: the false-branch label until else is seen */
    bool has_else;
    /* switch */
    uint32_t *case_labels;       /* per case group, in order */
    unsigned case_count, case_next;
    uint32_t default_label;
};

struct tgsm
{
    uint32_t var;
    uint32_t stride;             /* bytes; 0 for raw */
    uint32_t words;
};

struct xreg
{
    uint32_t var;
    uint32_t size, comps;
};

struct dxc
{
    struct spv_builder b;
    const struct dxbc_program *p;
    const struct dxbc_compile_options *options;
    enum dxbc_stage stage;
    struct dxbc_shader_info *info;
    char *error;
    size_t error_size;
    bool failed;

    /* common types */
    uint32_t t_void, t_bool, t_u32, t_i32, t_f32, t_f64;
    uint32_t t_uv[5], t_iv[5], t_fv[5], t_bv[5], t_dv[3];
    uint32_t t_func_void;

    uint32_t main_func, body_func;
    uint32_t *iface;
    unsigned iface_count, iface_cap;

    /* register files (Private uvec4 arrays) */
    uint32_t *temp_vars, temp_count;     /* one Private uvec4 per r# */
    uint32_t inputs, input_count;          /* v#; GS/HS/DS: [vertices][regs] */
    uint32_t input_vertices;
    uint32_t outputs, output_count;        /* o# */
    uint32_t patch_outputs, patch_output_count; /* HS fork/join o#, DS vpc# */
    uint32_t depth_out, mask_out, stencil_out; /* oDepth*, oMask: Private uint */
    struct xreg *xregs;
    unsigned xreg_count;
    uint32_t icb_var, icb_size;
    uint32_t cb_var[16], cb_size[16];
    uint32_t sampler_var[16];
    uint32_t sampler_comparison;           /* bit per s# declared mode_comparison */
    struct res_slot srv[DXBC_MAX_SRV_SLOTS];
    struct res_slot uav[DXBC_MAX_UAV_SLOTS];
    struct tgsm *tgsm;
    unsigned tgsm_count;

    struct io_elem *in, *out;
    unsigned in_count, out_count, in_cap, out_cap;
    uint8_t interp[64];                    /* PS: enum dxbc_interpolation per input register */
    uint8_t in_declared[64];               /* VS/PS: components of v# named by dcl_input* */

    /* built-in input variables made on demand */
    uint32_t bi_var[128];
    uint32_t fork_instance;                /* Private uint */
    uint32_t invocation_id;

    /* control flow */
    struct cf_entry cf[64];
    unsigned cf_depth;
    bool block_open;                       /* false right after a terminator */
    bool in_hs_fork_join;
    bool uses_float64;
    uint32_t ps_flags;
    uint32_t gs_out_topology, gs_in_prim, gs_max_vertices, gs_instances, gs_stream_mask;
    uint32_t hs_in_cp, hs_out_cp, tess_domain, tess_partitioning, tess_output;
    uint32_t thread_group[3];
    uint32_t spec_used;                    /* bit n: specialization constant id n */
    uint32_t spec_sample_count;
    uint32_t sample_pos_table;
    uint32_t frag_depth_var, sample_mask_out_var, stencil_ref_var;
    struct function_table *ftables;
    unsigned ftable_count;
    struct interface_decl *ifaces;
    unsigned iface_decl_count;
    uint32_t iface_spec[256];              /* spec constant per interface slot */
    uint32_t interface_slots;              /* highest used slot + 1 */
    const struct dxbc_stream_output *so;
    uint32_t primary_stream;               /* the stream whose varyings keep their locations */
    bool multi_stream;                     /* EmitStreamVertex with Stream decorations */
    uint32_t stream_swap;                  /* DXBC_COMPILE_RASTERIZED_STREAM_ZERO: this stream and 0 trade numbers */
    uint32_t point_size_var;
    uint32_t patch_location_base;
    float max_tess_factor;                 /* HS: below 64 when declared, else 0 */          /* HS/DS: Location of patch constant register 0 */
};

struct func_range
{
    unsigned start, end;
    uint32_t func;
    uint32_t instances;          /* HS fork/join */
    enum dxbc_opcode kind;       /* HS phase marker, or LABEL, or 0 for the main body */
    uint32_t label;              /* LABEL number (l# or fb#) */
    enum dxbc_register_type label_type;
};

struct program_layout
{
    struct func_range *ranges;
    unsigned count;
};

struct function_table
{
    uint32_t id, count;
    const uint32_t *bodies;      /* fb# per call site */
};

struct interface_decl
{
    uint32_t fp, calls, table_count, array_size;
    const uint32_t *tables;      /* ft# per class type */
};

/* compile.c */
bool dxc_fail(struct dxc *c, const char *fmt, ...);
void dxc_add_iface(struct dxc *c, uint32_t var);
uint32_t dxc_type(struct dxc *c, enum vt t, unsigned n);
uint32_t dxc_ptr(struct dxc *c, SpvStorageClass sc, uint32_t type);
uint32_t dxc_u(struct dxc *c, uint32_t v);
uint32_t dxc_i(struct dxc *c, int32_t v);
uint32_t dxc_f(struct dxc *c, float v);
uint32_t dxc_splat(struct dxc *c, uint32_t scalar_const, enum vt t, unsigned n);
uint32_t dxc_builtin_input(struct dxc *c, SpvBuiltIn bi, uint32_t type);
unsigned dxc_popcount(unsigned m);
/* Source of n components: from the operand's swizzle for the lanes set in `mask`. */
uint32_t dxc_load_src(struct dxc *c, const struct dxbc_operand *op, unsigned mask, enum vt t);
uint32_t dxc_load_src_n(struct dxc *c, const struct dxbc_operand *op, unsigned n, enum vt t);
uint32_t dxc_load_src_scalar(struct dxc *c, const struct dxbc_operand *op, enum vt t);
/* Doubles from the source lanes `lanes` (0x3, 0xc or 0xf: one or two doubles). */
uint32_t dxc_load_src_double(struct dxc *c, const struct dxbc_operand *op, unsigned lanes);
/* Stores a vector of popcount(op->mask) components of type t to the masked lanes. */
void dxc_store_dst(struct dxc *c, const struct dxbc_instruction *ins, const struct dxbc_operand *op, uint32_t value, enum vt t);
/* Stores n doubles to the lane pairs of the mask. */
void dxc_store_dst_double(struct dxc *c, const struct dxbc_operand *op, uint32_t value, unsigned n);
uint32_t dxc_bitcast(struct dxc *c, uint32_t v, enum vt from, enum vt to, unsigned n);
uint32_t dxc_index_value(struct dxc *c, const struct dxbc_operand_index *idx);
/* Applies a swizzle of operand `op` to a vec4 value, giving popcount(mask) lanes. */
uint32_t dxc_swizzle(struct dxc *c, uint32_t vec4, enum vt t, const struct dxbc_operand *op, unsigned mask);
uint32_t dxc_to_bool(struct dxc *c, uint32_t v, unsigned n);

uint32_t dxc_global_var(struct dxc *c, SpvStorageClass sc, uint32_t type, const char *name);
/* snprintf(buf, size, "%s%u%s%s", prefix, n, suffix, suffix2) without the format machinery:
 * every register and resource variable gets a name this way. */
const char *dxc_format_name(char *buf, size_t size, const char *prefix, uint32_t n, const char *suffix, const char *suffix2);
uint32_t dxc_hs_output_cp(struct dxc *c, const struct dxbc_operand *op);

/* compile_io.c */
bool dxc_prescan(struct dxc *c);
bool dxc_declare_all(struct dxc *c);
void dxc_copy_inputs(struct dxc *c, const struct io_elem *elems, unsigned count, uint32_t reg_array, uint32_t vtx,
        uint32_t vtx_array_index, bool patch_only);
void dxc_copy_outputs(struct dxc *c, const struct io_elem *elems, unsigned count, uint32_t reg_array, int stream,
        uint32_t vtx, bool patch);

/* compile_stage.c */
SpvExecutionModel dxc_exec_model(enum dxbc_stage s);
void dxc_emit_main(struct dxc *c, const struct program_layout *l);
void dxc_execution_modes(struct dxc *c);

/* compile_info.c */
void dxc_fill_info(struct dxc *c, struct dxbc_shader_info *info);

/* compile_linkage.c: class linkage (dcl_function_table, dcl_interface, fcall) */
bool dxc_declare_linkage(struct dxc *c, const struct dxbc_instruction *ins);
bool dxc_emit_fcall(struct dxc *c, const struct dxbc_instruction *ins, const struct program_layout *layout);

/* compile_alu.c: returns false if not an ALU opcode. */
bool dxc_emit_alu(struct dxc *c, const struct dxbc_instruction *ins);

/* compile_resource.c */
bool dxc_declare_resource(struct dxc *c, const struct dxbc_instruction *ins);
bool dxc_emit_resource(struct dxc *c, const struct dxbc_instruction *ins);
void dxc_prescan_resource(struct dxc *c, const struct dxbc_instruction *ins);

/* The SPIR-V stream number of a D3D stream (DXBC_COMPILE_RASTERIZED_STREAM_ZERO swaps). */
static inline uint32_t dxc_vk_stream(const struct dxc *c, uint32_t stream)
{
    return stream == c->stream_swap ? 0 : stream == 0 ? c->stream_swap : stream;
}

#endif
