/* compile_info.c — the interface description (struct dxbc_shader_info) of a compiled shader. */
#include "compile_private.h"

static void fill_io(struct io_elem *elems, unsigned count, const struct dxbc_signature *sig, const struct dxbc_signature *psig,
        struct dxbc_io_info **out, unsigned *out_count)
{
    unsigned i, j;

    *out = NULL;
    *out_count = 0;
    if (!count || !(*out = calloc(count, sizeof(**out))))
        return;
    for (i = 0; i < count; ++i)
    {
        struct dxbc_io_info *o = &(*out)[i];
        const struct io_elem *e = &elems[i];
        const struct dxbc_signature *s = e->patch && psig ? psig : sig;

        o->reg = e->reg;
        o->mask = e->mask;
        o->builtin = e->builtin >= 0 ? (uint32_t)e->builtin : ~0u;
        o->location = e->location;
        o->stream_output = e->so_only;
        o->component = e->first;
        o->sysval = e->sysval;
        o->semantic_index = e->semantic_index;
        o->type = e->type == VT_U32 ? DXBC_SCALAR_UINT : e->type == VT_I32 ? DXBC_SCALAR_SINT : DXBC_SCALAR_FLOAT;
        o->patch = e->patch;
        o->stream = e->stream;
        for (j = 0; s && j < s->element_count; ++j)
            if (s->elements[j].register_index == e->reg && s->elements[j].mask == e->mask && s->elements[j].stream == e->stream)
            {
                snprintf(o->semantic, sizeof(o->semantic), "%s", s->elements[j].semantic_name ? s->elements[j].semantic_name : "");
                break;
            }
    }
    *out_count = count;
}

static void add_resource(struct dxc *c, struct dxbc_shader_info *info, enum dxbc_binding_kind kind, uint32_t slot,
        enum dxbc_descriptor_type desc, const struct res_slot *r)
{
    struct dxbc_resource_info *ri = &info->resources[info->resource_count++];

    ri->kind = kind;
    ri->slot = slot;
    ri->binding = dxbc_binding_index(c->stage, kind, slot);
    ri->descriptor = desc;
    if (r)
    {
        static const enum dxbc_res_dim dims[] =
        {
            DXBC_RES_DIM_NONE, DXBC_RES_DIM_BUFFER, DXBC_RES_DIM_1D, DXBC_RES_DIM_2D, DXBC_RES_DIM_2D_MS,
            DXBC_RES_DIM_3D, DXBC_RES_DIM_CUBE, DXBC_RES_DIM_1D_ARRAY, DXBC_RES_DIM_2D_ARRAY,
            DXBC_RES_DIM_2D_MS_ARRAY, DXBC_RES_DIM_CUBE_ARRAY, DXBC_RES_DIM_RAW_BUFFER, DXBC_RES_DIM_STRUCTURED_BUFFER,
        };
        ri->dim = (unsigned)r->dim < sizeof(dims) / sizeof(dims[0]) ? dims[r->dim] : DXBC_RES_DIM_NONE;
        ri->return_type = r->type == VT_U32 ? DXBC_SCALAR_UINT : r->type == VT_I32 ? DXBC_SCALAR_SINT : DXBC_SCALAR_FLOAT;
        ri->stride = r->stride;
        ri->flags = r->flags;
    }
}

void dxc_fill_info(struct dxc *c, struct dxbc_shader_info *info)
{
    unsigned i, n = 0;

    info->stage = c->stage;
    info->major = c->p->major;
    info->minor = c->p->minor;
    for (i = 0; i < 16; ++i)
        n += (c->cb_var[i] != 0) + (c->sampler_var[i] != 0);
    for (i = 0; i < DXBC_MAX_SRV_SLOTS; ++i)
        n += c->srv[i].declared;
    for (i = 0; i < DXBC_MAX_UAV_SLOTS; ++i)
        n += c->uav[i].declared * 2;
    if (n && (info->resources = calloc(n, sizeof(*info->resources))))
    {
        for (i = 0; i < 16; ++i)
            if (c->cb_var[i])
            {
                add_resource(c, info, DXBC_BINDING_CBV, i, DXBC_DESCRIPTOR_UNIFORM_BUFFER, NULL);
                info->resources[info->resource_count - 1].stride = c->cb_size[i] * 16;
            }
        for (i = 0; i < 16; ++i)
            if (c->sampler_var[i])
            {
                add_resource(c, info, DXBC_BINDING_SAMPLER, i, DXBC_DESCRIPTOR_SAMPLER, NULL);
                if (c->sampler_comparison & (1u << i))
                    info->resources[info->resource_count - 1].flags |= DXBC_RESOURCE_COMPARISON;
            }
        for (i = 0; i < DXBC_MAX_SRV_SLOTS; ++i)
            if (c->srv[i].declared)
                add_resource(c, info, DXBC_BINDING_SRV, i, c->srv[i].buffer ? DXBC_DESCRIPTOR_STORAGE_BUFFER
                        : c->srv[i].dim == DXBC_RESOURCE_BUFFER ? DXBC_DESCRIPTOR_UNIFORM_TEXEL_BUFFER
                        : DXBC_DESCRIPTOR_SAMPLED_IMAGE, &c->srv[i]);
        for (i = 0; i < DXBC_MAX_UAV_SLOTS; ++i)
        {
            if (!c->uav[i].declared)
                continue;
            info->uav_mask[i / 32] |= 1u << (i % 32);
            add_resource(c, info, DXBC_BINDING_UAV, i, c->uav[i].buffer ? DXBC_DESCRIPTOR_STORAGE_BUFFER
                    : c->uav[i].dim == DXBC_RESOURCE_BUFFER ? DXBC_DESCRIPTOR_STORAGE_TEXEL_BUFFER
                    : DXBC_DESCRIPTOR_STORAGE_IMAGE, &c->uav[i]);
            if (c->uav[i].counter_var)
                add_resource(c, info, DXBC_BINDING_UAV_COUNTER, i, DXBC_DESCRIPTOR_STORAGE_BUFFER, NULL);
        }
    }
    fill_io(c->in, c->in_count, &c->p->input, c->stage == DXBC_STAGE_DS ? &c->p->patch_constant : NULL,
            &info->inputs, &info->input_count);
    fill_io(c->out, c->out_count, &c->p->output, c->stage == DXBC_STAGE_HS ? &c->p->patch_constant : NULL,
            &info->outputs, &info->output_count);
    info->ps_flags = c->ps_flags;
    memcpy(info->cs_group_size, c->thread_group, sizeof(info->cs_group_size));
    info->gs_input_primitive = c->gs_in_prim;
    info->gs_output_topology = c->gs_out_topology;
    info->gs_max_vertices = c->gs_max_vertices;
    info->gs_instances = c->gs_instances ? c->gs_instances : (c->stage == DXBC_STAGE_GS ? 1 : 0);
    info->gs_stream_mask = c->gs_stream_mask;
    info->hs_input_control_points = c->hs_in_cp;
    info->hs_output_control_points = c->hs_out_cp;
    info->tess_domain = c->tess_domain;
    info->tess_partitioning = c->tess_partitioning;
    info->tess_output_primitive = c->tess_output;
    info->uses_float64 = c->uses_float64;
    info->spec_constant_mask = c->spec_used & 0xffffu;
    info->interface_slots = c->interface_slots;
}
