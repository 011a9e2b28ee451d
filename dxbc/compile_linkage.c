/* compile_linkage.c — SM5 class linkage. An interface fp#[N] occupies interface slots
 * fp# .. fp#+N-1; each slot's class is chosen at pipeline time through the specialization
 * constant DXBC_SPEC_INTERFACE_BASE + slot, whose value is the index of the class type in the
 * interface's function-table list (0 by default). fcall(k) fp#[i] calls body k of that
 * class's function table through an OpSwitch on the constant, which specialization folds.
 * The `this` register (per-instance constant-buffer/texture/sampler offsets) is not
 * supported: shaders that read it fail to compile with a message. */
#include "compile_private.h"

bool dxc_declare_linkage(struct dxc *c, const struct dxbc_instruction *ins)
{
    const uint32_t *t = ins->dcl.raw.tokens;
    uint32_t n = ins->dcl.raw.count;

    if (ins->opcode == DXBC_OP_DCL_FUNCTION_TABLE)
    {
        struct function_table *f;
        if (n < 2 || t[1] != n - 2)
            return dxc_fail(c, "malformed dcl_function_table");
        if (!(f = realloc(c->ftables, (c->ftable_count + 1) * sizeof(*f))))
            return dxc_fail(c, "out of memory");
        c->ftables = f;
        f = &c->ftables[c->ftable_count++];
        f->id = t[0];
        f->count = t[1];
        f->bodies = t + 2;
        return true;
    }
    else
    {
        struct interface_decl *d;
        if (n < 3 || (t[2] & 0xffff) != n - 3)
            return dxc_fail(c, "malformed dcl_interface");
        if (t[0] + (t[2] >> 16) > 253)
            return dxc_fail(c, "interface slots out of range");
        if (!(d = realloc(c->ifaces, (c->iface_decl_count + 1) * sizeof(*d))))
            return dxc_fail(c, "out of memory");
        c->ifaces = d;
        d = &c->ifaces[c->iface_decl_count++];
        d->fp = t[0];
        d->calls = t[1];
        d->table_count = t[2] & 0xffff;
        d->array_size = t[2] >> 16;
        d->tables = t + 3;
        if (d->fp + d->array_size > c->interface_slots)
            c->interface_slots = d->fp + d->array_size;
        return true;
    }
}

static uint32_t slot_constant(struct dxc *c, uint32_t slot)
{
    if (!c->iface_spec[slot])
    {
        char name[32];
        c->iface_spec[slot] = spv_spec_const_u32(&c->b, DXBC_SPEC_INTERFACE_BASE + slot, 0);
        snprintf(name, sizeof(name), "spec_interface%u", slot);
        spv_name(&c->b, c->iface_spec[slot], name);
    }
    return c->iface_spec[slot];
}

static uint32_t body_function(const struct program_layout *layout, uint32_t fb)
{
    unsigned i;

    for (i = 0; i < layout->count; ++i)
        if (layout->ranges[i].kind == DXBC_OP_LABEL && layout->ranges[i].label_type == DXBC_REG_FUNCTION_BODY
                && layout->ranges[i].label == fb)
            return layout->ranges[i].func;
    return 0;
}

bool dxc_emit_fcall(struct dxc *c, const struct dxbc_instruction *ins, const struct program_layout *layout)
{
    const struct dxbc_operand *op = ins->operand_count ? &ins->operands[0] : NULL;
    const struct interface_decl *d = NULL;
    uint32_t site, sel, merge, *ops, nops = 0, *labels, *funcs;
    unsigned i, j;

    if (!op || op->type != DXBC_REG_INTERFACE || op->index_count < 2 || !ins->dcl.raw.count)
        return dxc_fail(c, "malformed fcall");
    site = ins->dcl.raw.tokens[0];
    for (i = 0; i < c->iface_decl_count; ++i)
        if (c->ifaces[i].fp == op->index[0].imm)
            d = &c->ifaces[i];
    if (!d || !d->array_size || site >= d->calls)
        return dxc_fail(c, "fcall to an undeclared interface or call site");

    /* The class index of the slot: a specialization constant, chosen by the array index. */
    if (!op->index[1].rel)
    {
        if (op->index[1].imm >= d->array_size)
            return dxc_fail(c, "interface array index out of range");
        sel = slot_constant(c, d->fp + (uint32_t)op->index[1].imm);
    }
    else
    {
        uint32_t idx = dxc_index_value(c, &op->index[1]);
        sel = slot_constant(c, d->fp);
        for (j = 1; j < d->array_size; ++j)
            sel = spv_select(&c->b, c->t_u32, spv_op2(&c->b, SpvOpIEqual, c->t_bool, idx, dxc_u(c, j)),
                    slot_constant(c, d->fp + j), sel);
    }
    c->spec_used |= 1u << 31;   /* marks "interface constants present"; see info->interface_slots */

    ops = malloc((2 + 2 * d->table_count) * sizeof(*ops));
    labels = malloc((d->table_count + 1) * sizeof(*labels));
    funcs = malloc((d->table_count + 1) * sizeof(*funcs));
    if (!ops || !labels || !funcs)
    {
        free(ops);
        free(labels);
        free(funcs);
        return dxc_fail(c, "out of memory");
    }
    merge = spv_id(&c->b);
    ops[nops++] = sel;
    ops[nops++] = merge;
    for (i = 0; i < d->table_count; ++i)
    {
        const struct function_table *ft = NULL;
        for (j = 0; j < c->ftable_count; ++j)
            if (c->ftables[j].id == d->tables[i])
                ft = &c->ftables[j];
        funcs[i] = ft && site < ft->count ? body_function(layout, ft->bodies[site]) : 0;
        if (!funcs[i])
        {
            free(ops);
            free(labels);
            free(funcs);
            return dxc_fail(c, "function table ft%u has no body for call site %u", d->tables[i], site);
        }
        labels[i] = spv_id(&c->b);
        ops[nops++] = i;
        ops[nops++] = labels[i];
    }
    spv_selection_merge(&c->b, merge);
    spv_inst(&c->b, SPV_SECTION_FUNCTION, SpvOpSwitch, ops, nops);
    for (i = 0; i < d->table_count; ++i)
    {
        spv_label(&c->b, labels[i]);
        spv_op(&c->b, SpvOpFunctionCall, c->t_void, &funcs[i], 1);
        spv_branch(&c->b, merge);
    }
    spv_label(&c->b, merge);
    c->block_open = true;
    free(ops);
    free(labels);
    free(funcs);
    return true;
}
