/* decode.c — the SHDR/SHEX token stream decoder: builds struct dxbc_program from a container.
 * Every read goes through a bounded reader; malformed input yields an error, never a fault. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dxbc.h"

/* ---- arena: every operand and array of a program, freed at once ---- */

struct arena_block
{
    struct arena_block *next;
    size_t used, size;
    max_align_t data[];
};

struct arena
{
    struct arena_block *head;
};

static void *arena_alloc(struct arena *arena, size_t size)
{
    struct arena_block *b = arena->head;
    size_t align = sizeof(max_align_t);
    void *p;

    size = (size + align - 1) & ~(align - 1);
    if (!b || b->size - b->used < size)
    {
        size_t block_size = size > 65536 ? size : 65536;

        if (!(b = malloc(sizeof(*b) + block_size)))
            return NULL;
        b->next = arena->head;
        b->used = 0;
        b->size = block_size;
        arena->head = b;
    }
    p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

static void arena_free(struct arena *arena)
{
    struct arena_block *b, *next;

    if (!arena)
        return;
    for (b = arena->head; b; b = next)
    {
        next = b->next;
        free(b);
    }
    free(arena);
}

/* ---- the bounded reader ---- */

struct decoder
{
    struct dxbc_program *program;
    struct arena *arena;
    const uint32_t *tokens;
    uint32_t pos, end;             /* end of the current instruction */
    uint32_t ins_offset;
    enum dxbc_result result;
    char *error;
    size_t error_size;
};

static void fail(struct decoder *d, enum dxbc_result result, const char *fmt, ...)
{
    va_list args;
    int n = 0;

    if (d->result != DXBC_OK)
        return;
    d->result = result;
    if (!d->error || !d->error_size)
        return;
    if (d->ins_offset)
        n = snprintf(d->error, d->error_size, "token %u: ", d->ins_offset);
    if (n < 0 || (size_t)n >= d->error_size)
    {
        d->error[d->error_size - 1] = 0;
        return;
    }
    va_start(args, fmt);
    vsnprintf(d->error + n, d->error_size - n, fmt, args);
    va_end(args);
    d->error[d->error_size - 1] = 0;   /* some C runtimes do not terminate on truncation */
}

static bool read_token(struct decoder *d, uint32_t *value)
{
    if (d->pos >= d->end)
    {
        *value = 0;
        fail(d, DXBC_ERROR_BAD_PROGRAM, "instruction runs past its length");
        return false;
    }
    *value = d->tokens[d->pos++];
    return true;
}

/* ---- operands ---- */

static bool decode_operand(struct decoder *d, struct dxbc_operand *op, unsigned int depth);

static bool decode_index(struct decoder *d, struct dxbc_operand_index *index, uint32_t repr, unsigned int depth)
{
    uint32_t lo = 0, hi = 0;

    index->repr = (enum dxbc_index_repr)repr;
    switch (repr)
    {
        case DXBC_INDEX_IMM32:
        case DXBC_INDEX_IMM32_RELATIVE:
            if (!read_token(d, &lo))
                return false;
            break;
        case DXBC_INDEX_IMM64:
        case DXBC_INDEX_IMM64_RELATIVE:
            /* The high dword comes first. */
            if (!read_token(d, &hi) || !read_token(d, &lo))
                return false;
            break;
        case DXBC_INDEX_RELATIVE:
            break;
        default:
            fail(d, DXBC_ERROR_BAD_PROGRAM, "invalid index representation %u", repr);
            return false;
    }
    index->imm = ((uint64_t)hi << 32) | lo;
    if (repr == DXBC_INDEX_RELATIVE || repr == DXBC_INDEX_IMM32_RELATIVE || repr == DXBC_INDEX_IMM64_RELATIVE)
    {
        if (!(index->rel = arena_alloc(d->arena, sizeof(*index->rel))))
        {
            fail(d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
            return false;
        }
        if (!decode_operand(d, index->rel, depth + 1))
            return false;
        if (!(index->rel->components == DXBC_COMPONENTS_1
                || (index->rel->components == DXBC_COMPONENTS_4 && index->rel->select_mode == DXBC_SELECT_SELECT1)))
        {
            fail(d, DXBC_ERROR_BAD_PROGRAM, "relative index is not a scalar");
            return false;
        }
    }
    return true;
}

static bool decode_operand(struct decoder *d, struct dxbc_operand *op, unsigned int depth)
{
    uint32_t token, ext, i, n;

    if (depth > 4)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "relative addressing nested too deeply");
        return false;
    }
    if (!read_token(d, &token))
        return false;
    op->components = (enum dxbc_component_count)(token & 3);
    if (op->components == DXBC_COMPONENTS_N)
    {
        fail(d, DXBC_ERROR_UNSUPPORTED, "N-component operands are not supported");
        return false;
    }
    if (op->components == DXBC_COMPONENTS_4)
    {
        op->select_mode = (enum dxbc_select_mode)((token >> 2) & 3);
        switch (op->select_mode)
        {
            case DXBC_SELECT_MASK:
                op->mask = (token >> 4) & 0xf;
                break;
            case DXBC_SELECT_SWIZZLE:
                for (i = 0; i < 4; ++i)
                    op->swizzle[i] = (token >> (4 + 2 * i)) & 3;
                break;
            case DXBC_SELECT_SELECT1:
                op->select1 = (token >> 4) & 3;
                for (i = 0; i < 4; ++i)
                    op->swizzle[i] = op->select1;
                break;
            default:
                fail(d, DXBC_ERROR_BAD_PROGRAM, "invalid component selection mode");
                return false;
        }
    }
    op->type = (enum dxbc_register_type)((token >> 12) & 0xff);
    if (op->type >= DXBC_REG_COUNT)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "invalid register type %u", (unsigned int)op->type);
        return false;
    }
    op->index_count = (token >> 20) & 3;
    if (!dxbc_register_index_count_valid(op->type, op->index_count))
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "register type %u with %u indices", (unsigned int)op->type, op->index_count);
        return false;
    }
    if (token >> 31)
    {
        op->extended = true;
        do
        {
            if (!read_token(d, &ext))
                return false;
            switch (ext & 0x3f)
            {
                case 0:
                    break;
                case 1:
                {
                    uint32_t modifier = (ext >> 6) & 0xff;

                    if (modifier > 3)
                    {
                        fail(d, DXBC_ERROR_BAD_PROGRAM, "invalid operand modifier %u", modifier);
                        return false;
                    }
                    op->neg = modifier & 1;
                    op->abs = (modifier >> 1) & 1;
                    op->min_precision = (enum dxbc_min_precision)((ext >> 14) & 7);
                    op->nonuniform = (ext >> 17) & 1;
                    break;
                }
                default:
                    fail(d, DXBC_ERROR_BAD_PROGRAM, "unknown extended operand type %u", ext & 0x3f);
                    return false;
            }
        } while (ext >> 31);
    }

    if (op->type == DXBC_REG_IMMEDIATE32 || op->type == DXBC_REG_IMMEDIATE64)
    {
        if (op->components == DXBC_COMPONENTS_0 || op->index_count)
        {
            fail(d, DXBC_ERROR_BAD_PROGRAM, "malformed immediate operand");
            return false;
        }
        if (op->type == DXBC_REG_IMMEDIATE32)
            op->imm_count = n = op->components == DXBC_COMPONENTS_1 ? 1 : 4;
        else
        {
            op->imm_count = op->components == DXBC_COMPONENTS_1 ? 1 : 2;
            n = 2 * op->imm_count;
        }
        for (i = 0; i < n; ++i)
        {
            if (!read_token(d, &op->imm.u32[i]))
                return false;
        }
    }

    for (i = 0; i < op->index_count; ++i)
    {
        if (!decode_index(d, &op->index[i], (token >> (22 + 3 * i)) & 7, depth))
            return false;
    }
    return true;
}

/* ---- instructions ---- */

static struct dxbc_operand *alloc_operands(struct decoder *d, struct dxbc_instruction *ins, uint32_t count)
{
    ins->operand_count = count;
    if (!count)
        return NULL;
    if (!(ins->operands = arena_alloc(d->arena, count * sizeof(*ins->operands))))
        fail(d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
    return ins->operands;
}

static bool decode_operands(struct decoder *d, struct dxbc_instruction *ins, uint32_t dst_count, uint32_t src_count)
{
    uint32_t i;

    ins->dst_count = dst_count;
    if (!alloc_operands(d, ins, dst_count + src_count) && dst_count + src_count)
        return false;
    for (i = 0; i < dst_count + src_count; ++i)
    {
        if (!decode_operand(d, &ins->operands[i], 0))
            return false;
        if (i < dst_count && (ins->operands[i].type == DXBC_REG_IMMEDIATE32 || ins->operands[i].type == DXBC_REG_IMMEDIATE64))
        {
            fail(d, DXBC_ERROR_BAD_PROGRAM, "immediate destination");
            return false;
        }
    }
    return true;
}

static void decode_return_type(uint32_t token, enum dxbc_return_type rt[4])
{
    unsigned int i;

    for (i = 0; i < 4; ++i)
        rt[i] = (enum dxbc_return_type)((token >> (4 * i)) & 0xf);
}

static bool decode_declaration(struct decoder *d, struct dxbc_instruction *ins)
{
    union dxbc_declaration *dcl = &ins->dcl;
    uint32_t c = ins->controls, t;

    switch (ins->opcode)
    {
        case DXBC_OP_DCL_RESOURCE:
            dcl->resource.dim = (enum dxbc_resource_dim)(c & 0x1f);
            dcl->resource.sample_count = (c >> 5) & 0x7f;
            if (!decode_operands(d, ins, 1, 0) || !read_token(d, &t))
                return false;
            decode_return_type(t, dcl->resource.return_type);
            return true;
        case DXBC_OP_DCL_CONSTANT_BUFFER:
            dcl->constant_buffer.dynamic_indexed = c & 1;
            return decode_operands(d, ins, 1, 0);
        case DXBC_OP_DCL_SAMPLER:
            dcl->sampler_mode = (enum dxbc_sampler_mode)(c & 0xf);
            return decode_operands(d, ins, 1, 0);
        case DXBC_OP_DCL_INDEX_RANGE:
            return decode_operands(d, ins, 1, 0) && read_token(d, &dcl->index_range_count);
        case DXBC_OP_DCL_GS_OUTPUT_PRIMITIVE_TOPOLOGY:
            dcl->gs_output_topology = (enum dxbc_primitive_topology)(c & 0x7f);
            return true;
        case DXBC_OP_DCL_GS_INPUT_PRIMITIVE:
            dcl->gs_input_primitive = (enum dxbc_gs_input_primitive)(c & 0x3f);
            return true;
        case DXBC_OP_DCL_MAX_OUTPUT_VERTEX_COUNT:
            return read_token(d, &dcl->max_output_vertex_count);
        case DXBC_OP_DCL_INPUT:
        case DXBC_OP_DCL_OUTPUT:
        case DXBC_OP_DCL_STREAM:
        case DXBC_OP_DCL_RESOURCE_RAW:
            if (ins->opcode == DXBC_OP_DCL_RESOURCE_RAW)
                dcl->resource.dim = DXBC_RESOURCE_RAW_BUFFER;
            return decode_operands(d, ins, 1, 0);
        case DXBC_OP_DCL_INPUT_PS:
            dcl->io.interpolation = (enum dxbc_interpolation)(c & 0xf);
            return decode_operands(d, ins, 1, 0);
        case DXBC_OP_DCL_INPUT_PS_SGV:
        case DXBC_OP_DCL_INPUT_PS_SIV:
            dcl->io.interpolation = (enum dxbc_interpolation)(c & 0xf);
            /* fall through */
        case DXBC_OP_DCL_INPUT_SGV:
        case DXBC_OP_DCL_INPUT_SIV:
        case DXBC_OP_DCL_OUTPUT_SGV:
        case DXBC_OP_DCL_OUTPUT_SIV:
            if (!decode_operands(d, ins, 1, 0) || !read_token(d, &t))
                return false;
            dcl->io.sysval = (enum dxbc_sysval)t;
            return true;
        case DXBC_OP_DCL_TEMPS:
            return read_token(d, &dcl->temp_count);
        case DXBC_OP_DCL_INDEXABLE_TEMP:
            return read_token(d, &dcl->indexable_temp.reg) && read_token(d, &dcl->indexable_temp.size)
                    && read_token(d, &dcl->indexable_temp.components);
        case DXBC_OP_DCL_GLOBAL_FLAGS:
            dcl->global_flags = c;
            return true;
        case DXBC_OP_DCL_FUNCTION_BODY:
            return read_token(d, &dcl->function_body);
        case DXBC_OP_DCL_FUNCTION_TABLE:
        case DXBC_OP_DCL_INTERFACE:
            /* Kept raw: [id, ...] as in the token stream; the back end decides what to do. */
            dcl->raw.count = d->end - d->pos;
            dcl->raw.tokens = d->tokens + d->pos;
            if (dcl->raw.count < (ins->opcode == DXBC_OP_DCL_INTERFACE ? 3u : 2u))
            {
                fail(d, DXBC_ERROR_BAD_PROGRAM, "truncated %s", dxbc_opcode_get_info(ins->opcode)->name);
                return false;
            }
            d->pos = d->end;
            return true;
        case DXBC_OP_INTERFACE_CALL:
            dcl->raw.count = 1;
            dcl->raw.tokens = d->tokens + d->pos;
            if (!read_token(d, &t))
                return false;
            return decode_operands(d, ins, 0, 1);
        case DXBC_OP_DCL_INPUT_CONTROL_POINT_COUNT:
        case DXBC_OP_DCL_OUTPUT_CONTROL_POINT_COUNT:
            dcl->control_point_count = c & 0x3f;
            return true;
        case DXBC_OP_DCL_TESS_DOMAIN:
            dcl->tess_domain = (enum dxbc_tess_domain)(c & 3);
            return true;
        case DXBC_OP_DCL_TESS_PARTITIONING:
            dcl->tess_partitioning = (enum dxbc_tess_partitioning)(c & 7);
            return true;
        case DXBC_OP_DCL_TESS_OUTPUT_PRIMITIVE:
            dcl->tess_output_primitive = (enum dxbc_tess_output_primitive)(c & 7);
            return true;
        case DXBC_OP_DCL_HS_MAX_TESSFACTOR:
            if (!read_token(d, &t))
                return false;
            memcpy(&dcl->max_tess_factor, &t, sizeof(t));
            return true;
        case DXBC_OP_DCL_HS_FORK_PHASE_INSTANCE_COUNT:
        case DXBC_OP_DCL_HS_JOIN_PHASE_INSTANCE_COUNT:
            return read_token(d, &dcl->phase_instance_count);
        case DXBC_OP_DCL_GS_INSTANCE_COUNT:
            return read_token(d, &dcl->gs_instance_count);
        case DXBC_OP_DCL_THREAD_GROUP:
            return read_token(d, &dcl->thread_group[0]) && read_token(d, &dcl->thread_group[1])
                    && read_token(d, &dcl->thread_group[2]);
        case DXBC_OP_DCL_UAV_TYPED:
            dcl->resource.dim = (enum dxbc_resource_dim)(c & 0x1f);
            dcl->resource.globally_coherent = (c >> 5) & 1;
            dcl->resource.rasterizer_ordered = (c >> 6) & 1;
            if (!decode_operands(d, ins, 1, 0) || !read_token(d, &t))
                return false;
            decode_return_type(t, dcl->resource.return_type);
            return true;
        case DXBC_OP_DCL_UAV_RAW:
            dcl->resource.dim = DXBC_RESOURCE_RAW_BUFFER;
            dcl->resource.globally_coherent = (c >> 5) & 1;
            dcl->resource.rasterizer_ordered = (c >> 6) & 1;
            return decode_operands(d, ins, 1, 0);
        case DXBC_OP_DCL_UAV_STRUCTURED:
            dcl->resource.dim = DXBC_RESOURCE_STRUCTURED_BUFFER;
            dcl->resource.globally_coherent = (c >> 5) & 1;
            dcl->resource.rasterizer_ordered = (c >> 6) & 1;
            dcl->resource.has_counter = (c >> 12) & 1;
            return decode_operands(d, ins, 1, 0) && read_token(d, &dcl->resource.stride);
        case DXBC_OP_DCL_RESOURCE_STRUCTURED:
            dcl->resource.dim = DXBC_RESOURCE_STRUCTURED_BUFFER;
            return decode_operands(d, ins, 1, 0) && read_token(d, &dcl->resource.stride);
        case DXBC_OP_DCL_TGSM_RAW:
            return decode_operands(d, ins, 1, 0) && read_token(d, &dcl->tgsm.byte_count);
        case DXBC_OP_DCL_TGSM_STRUCTURED:
            return decode_operands(d, ins, 1, 0) && read_token(d, &dcl->tgsm.stride)
                    && read_token(d, &dcl->tgsm.count);
        default:
            break;
    }
    return true;
}

static bool decode_extended_opcode(struct decoder *d, struct dxbc_instruction *ins)
{
    uint32_t e;

    do
    {
        if (!read_token(d, &e))
            return false;
        switch (e & 0x3f)
        {
            case 0:
                break;
            case 1:
                ins->has_offsets = true;
                /* 4-bit two's complement offsets */
                ins->offset_u = (int8_t)((int32_t)(e << 19) >> 28);
                ins->offset_v = (int8_t)((int32_t)(e << 15) >> 28);
                ins->offset_w = (int8_t)((int32_t)(e << 11) >> 28);
                break;
            case 2:
                ins->has_resource_dim = true;
                ins->resource_dim = (enum dxbc_resource_dim)((e >> 6) & 0x1f);
                ins->resource_stride = (e >> 11) & 0xfff;
                break;
            case 3:
                ins->has_return_type = true;
                decode_return_type(e >> 6, ins->return_type);
                break;
            default:
                fail(d, DXBC_ERROR_BAD_PROGRAM, "unknown extended opcode type %u", e & 0x3f);
                return false;
        }
    } while (e >> 31);
    return true;
}

static bool decode_instruction(struct decoder *d, struct dxbc_instruction *ins, uint32_t count)
{
    uint32_t token = d->tokens[d->pos], length;
    const struct dxbc_opcode_info *info;

    memset(ins, 0, sizeof(*ins));
    d->ins_offset = d->pos;
    ins->offset = d->pos;
    ins->opcode = (enum dxbc_opcode)(token & 0x7ff);
    if (!(info = dxbc_opcode_get_info(ins->opcode)) || (info->flags & DXBC_OPF_RESERVED))
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "unknown opcode %#x", token & 0x7ff);
        return false;
    }

    if (ins->opcode == DXBC_OP_CUSTOMDATA)
    {
        if (count - d->pos < 2)
        {
            fail(d, DXBC_ERROR_BAD_PROGRAM, "truncated customdata");
            return false;
        }
        length = d->tokens[d->pos + 1];
        if (length < 2 || length > count - d->pos)
        {
            fail(d, DXBC_ERROR_BAD_PROGRAM, "customdata length %u out of range", length);
            return false;
        }
        ins->length = length;
        ins->dcl.custom_data.data_class = (enum dxbc_custom_data_class)(token >> 11);
        ins->dcl.custom_data.count = length - 2;
        ins->dcl.custom_data.data = d->tokens + d->pos + 2;
        d->pos += length;
        return true;
    }

    length = (token >> 24) & 0x7f;
    if (!length || length > count - d->pos)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "instruction length %u out of range", length);
        return false;
    }
    ins->length = length;
    d->end = d->pos + length;
    d->pos++;
    ins->controls = (token >> 11) & 0x1fff;
    ins->saturate = (info->flags & DXBC_OPF_SATURATE) && ((token >> 13) & 1);
    ins->test_nz = (info->flags & DXBC_OPF_TEST) && ((token >> 18) & 1);
    if (!(info->flags & DXBC_OPF_DECLARATION))
        ins->precise_mask = (token >> 19) & 0xf;
    if (ins->opcode == DXBC_OP_RESINFO)
        ins->resinfo_return = (enum dxbc_resinfo_return)(ins->controls & 3);
    else if (ins->opcode == DXBC_OP_SAMPLE_INFO)
        ins->sampleinfo_uint = ins->controls & 1;
    else if (ins->opcode == DXBC_OP_SYNC)
        ins->sync_flags = ins->controls & 0xf;

    if ((token >> 31) && !decode_extended_opcode(d, ins))
        return false;

    if (info->flags & DXBC_OPF_CUSTOM_LAYOUT)
    {
        if (!decode_declaration(d, ins))
            return false;
    }
    else if (!decode_operands(d, ins, info->dst_count, info->src_count))
        return false;

    if (d->pos != d->end)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "%u unexpected trailing tokens in %s", d->end - d->pos, info->name);
        return false;
    }
    return true;
}

static const enum dxbc_stage stage_from_type[6] =
{
    DXBC_STAGE_PS, DXBC_STAGE_VS, DXBC_STAGE_GS, DXBC_STAGE_HS, DXBC_STAGE_DS, DXBC_STAGE_CS,
};

static bool decode_tokens(struct decoder *d, const struct dxbc_chunk *chunk)
{
    struct dxbc_program *program = d->program;
    uint32_t version, count, capacity = 0;
    uint32_t *tokens;

    if (chunk->size < 8)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "shader chunk too short");
        return false;
    }
    memcpy(&version, chunk->data, 4);
    memcpy(&count, chunk->data + 4, 4);
    if (count < 2 || count > chunk->size / 4)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "token count %u does not fit the %u-byte chunk", count, chunk->size);
        return false;
    }
    program->program_type = version >> 16;
    program->major = (version >> 4) & 0xf;
    program->minor = version & 0xf;
    if (program->program_type > 5)
    {
        fail(d, DXBC_ERROR_BAD_PROGRAM, "unknown program type %u", program->program_type);
        return false;
    }
    program->stage = stage_from_type[program->program_type];
    if (program->major < 4 || program->major > 5 || program->minor > 1 || (program->major == 5 && program->minor))
    {
        fail(d, DXBC_ERROR_UNSUPPORTED, "shader model %u.%u is not supported", program->major, program->minor);
        return false;
    }

    /* The chunk lies in the program's own copy of the blob: read the tokens in place when they
     * are aligned (they always are in compiler output), else copy them. */
    if (!((uintptr_t)chunk->data & 3))
        program->tokens = (const uint32_t *)chunk->data;
    else
    {
        if (!(tokens = arena_alloc(d->arena, (size_t)count * 4)))
        {
            fail(d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
            return false;
        }
        memcpy(tokens, chunk->data, (size_t)count * 4);
        program->tokens = tokens;
    }
    program->token_count = count;
    d->tokens = program->tokens;
    d->pos = 2;
    /* Compiler output averages more than four tokens per instruction: one allocation covers
     * most programs (pages past the end stay untouched). */
    capacity = count / 4 + 16;
    if (!(program->instructions = malloc(capacity * sizeof(*program->instructions))))
    {
        fail(d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
        return false;
    }

    while (d->pos < count)
    {
        if (program->instruction_count == capacity)
        {
            uint32_t new_capacity = capacity ? capacity * 2 : 64;
            struct dxbc_instruction *n;

            if (!(n = realloc(program->instructions, new_capacity * sizeof(*n))))
            {
                fail(d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
                return false;
            }
            program->instructions = n;
            capacity = new_capacity;
        }
        if (!decode_instruction(d, &program->instructions[program->instruction_count], count))
            return false;
        program->instruction_count++;
    }
    return true;
}

static bool parse_signature(struct decoder *d, const struct dxbc_container *c, struct dxbc_signature *sig,
        const uint32_t *tags, unsigned int tag_count)
{
    const struct dxbc_chunk *chunk;
    enum dxbc_result r;
    unsigned int i;

    for (i = 0; i < tag_count; ++i)
    {
        if ((chunk = dxbc_container_find_chunk(c, tags[i])))
        {
            if ((r = dxbc_signature_parse(chunk, sig)) != DXBC_OK)
            {
                fail(d, r, "malformed %.4s chunk", (const char *)&chunk->tag);
                return false;
            }
            return true;
        }
    }
    return true;
}

void dxbc_program_free(struct dxbc_program *program)
{
    if (!program)
        return;
    dxbc_signature_free(&program->input);
    dxbc_signature_free(&program->output);
    dxbc_signature_free(&program->patch_constant);
    free(program->instructions);
    free(program->blob);
    arena_free(program->arena);
    free(program);
}

enum dxbc_result dxbc_program_parse(const void *blob, size_t size, struct dxbc_program **out,
        char *error, size_t error_size)
{
    static const uint32_t in_tags[] = { DXBC_TAG_ISG1, DXBC_TAG_ISGN };
    static const uint32_t out_tags[] = { DXBC_TAG_OSG1, DXBC_TAG_OSG5, DXBC_TAG_OSGN };
    static const uint32_t pc_tags[] = { DXBC_TAG_PSG1, DXBC_TAG_PCSG };
    struct decoder d = { .error = error, .error_size = error_size };
    const struct dxbc_chunk *chunk;
    struct dxbc_program *program;
    enum dxbc_result r;

    if (error && error_size)
        error[0] = 0;
    if (!out)
        return DXBC_ERROR_INVALID_ARGUMENT;
    *out = NULL;
    if (!blob)
    {
        fail(&d, DXBC_ERROR_INVALID_ARGUMENT, "no data");
        return d.result;
    }
    if (!(program = calloc(1, sizeof(*program))) || !(program->arena = calloc(1, sizeof(struct arena)))
            || !(program->blob = malloc(size ? size : 1)))
    {
        dxbc_program_free(program);
        fail(&d, DXBC_ERROR_OUT_OF_MEMORY, "out of memory");
        return d.result;
    }
    memcpy(program->blob, blob, size);
    program->blob_size = size;
    d.program = program;
    d.arena = program->arena;

    if ((r = dxbc_parse_container(program->blob, size, &program->container)) != DXBC_OK)
    {
        fail(&d, r, "container: %s", dxbc_result_string(r));
        goto fail;
    }
    if (!(chunk = dxbc_container_find_chunk(&program->container, DXBC_TAG_SHEX))
            && !(chunk = dxbc_container_find_chunk(&program->container, DXBC_TAG_SHDR)))
    {
        fail(&d, DXBC_ERROR_NO_SHADER, "no SHDR or SHEX chunk");
        goto fail;
    }
    program->is_shex = chunk->tag == DXBC_TAG_SHEX;
    if (!parse_signature(&d, &program->container, &program->input, in_tags, 2)
            || !parse_signature(&d, &program->container, &program->output, out_tags, 3)
            || !parse_signature(&d, &program->container, &program->patch_constant, pc_tags, 2))
        goto fail;
    {
        const struct dxbc_chunk *sfi0 = dxbc_container_find_chunk(&program->container, DXBC_TAG_SFI0);

        if (sfi0)
        {
            if (sfi0->size < 8)
            {
                fail(&d, DXBC_ERROR_BAD_CONTAINER, "SFI0 chunk too short");
                goto fail;
            }
            memcpy(&program->feature_flags, sfi0->data, 8);
            program->has_feature_flags = true;
        }
    }
    if (!decode_tokens(&d, chunk))
        goto fail;
    *out = program;
    return DXBC_OK;

fail:
    dxbc_program_free(program);
    return d.result;
}
