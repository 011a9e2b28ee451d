/* context_so.c — stream output on the context side: SO target bindings and DrawAuto as
 * backend records (vulkan/vk_so.h). Every stream-output buffer gets a hidden 4-byte counter
 * (its filled size in bytes) on first binding; SOSetTargets with an explicit offset writes
 * it, -1 keeps it, and DrawAuto draws what it says. */
#include "state.h"
#include "resource.h"
#include "context_so.h"
#include "vk_so.h"

/* The buffer's counter, made (and zeroed: nothing written yet) on first use. */
static struct vk_buffer *so_counter(struct d3d11_context *context, struct d3d11_resource *r, bool create)
{
    struct d3d11_resource_backend *b = r->backend;
    struct vk_buffer_desc desc = { 0 };
    struct vk_buffer *counter, *prev = NULL;
    struct vk_bufref ref;

    if (!b || !b->buffer)
        return NULL;
    if ((counter = __atomic_load_n(&b->so_counter, __ATOMIC_ACQUIRE)) || !create)
        return counter;
    desc.size = 4;
    desc.usage = VK_BUFFER_USAGE_TRANSFORM_FEEDBACK_COUNTER_BUFFER_BIT_EXT | VK_BUFFER_USAGE_INDIRECT_BUFFER_BIT;
    desc.domain = VK_MEM_DOMAIN_DEVICE;
    if (vk_buffer_create(context->device->vk, &desc, &counter) != VK_SUCCESS)
        return NULL;
    if (!__atomic_compare_exchange_n(&b->so_counter, &prev, counter, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
    {
        vk_buffer_release(counter);   /* another context made it first */
        return prev;
    }
    vk_buffer_ref(counter, 0, &ref);
    vk_cs_cmd_fill_buffer(context->cs, &ref, 4, 0);
    return counter;
}

void d3d11_so_record_targets(struct d3d11_context *context)
{
    struct d3d11_context_state *st = &context->state;
    struct vk_cmd_set_so_targets *c;
    struct vk_buffer *counters[D3D11_SO_SLOTS] = { 0 };
    unsigned int i;

    /* Explicit offsets become the counters' values first (a transfer, before the record). */
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
    {
        struct d3d11_resource *r = st->so[i].buffer;
        struct vk_bufref ref;

        if (!r || !(counters[i] = so_counter(context, r, true)))
            continue;
        d3d11_resource_init_contents(r, context->cs);
        if (st->so[i].offset != ~0u)
        {
            vk_buffer_ref(counters[i], 0, &ref);
            vk_cs_cmd_fill_buffer(context->cs, &ref, 4, st->so[i].offset);
            /* Applied: later re-recordings of the binding append (SOGetTargets returns no offsets). */
            st->so[i].offset = ~0u;
        }
    }
    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_SET_SO_TARGETS, sizeof(*c))))
        return;
    for (i = 0; i < D3D11_SO_SLOTS; ++i)
    {
        struct d3d11_resource *r = st->so[i].buffer;
        struct vk_so_target *t = &c->targets[i];
        struct vk_bufref bref, cref;

        if (!r || !counters[i])
            continue;
        vk_buffer_ref(r->backend->buffer, 0, &bref);
        vk_buffer_ref(counters[i], 0, &cref);
        t->buffer = bref.buffer;
        t->offset = bref.offset;
        t->size = r->width;
        t->counter = cref.buffer;
        t->counter_offset = cref.offset;
        vk_cs_ref(context->cs, bref.owner);
        vk_cs_ref(context->cs, cref.owner);
    }
}

void d3d11_so_record_draw_auto(struct d3d11_context *context)
{
    const struct d3d11_vb_binding *vb = &context->state.vbs[0];
    struct vk_cmd_draw_auto *c;
    struct vk_buffer *counter;
    struct vk_bufref cref;

    /* A buffer never bound for capture has a filled size of 0: nothing to draw. */
    if (!vb->buffer || !vb->stride || !(counter = so_counter(context, vb->buffer, false)))
        return;
    if (!(c = vk_cs_alloc_cmd(context->cs, (enum vk_cmd_type)VK_CMD_DRAW_AUTO, sizeof(*c))))
        return;
    vk_buffer_ref(counter, 0, &cref);
    c->counter = cref.buffer;
    c->counter_offset = cref.offset;
    c->vb_offset = vb->offset;
    c->stride = vb->stride;
    vk_cs_ref(context->cs, cref.owner);
}

bool d3d11_so_variant(struct d3d11_context *context, enum d3d11_stage s, struct d3d11_shader *shader,
        struct vk_shader **vk)
{
    const struct d3d11_stage_state *stages = context->state.stages;
    struct d3d11_shader *gs = stages[D3D11_STAGE_GS].shader;
    enum d3d11_stage last = stages[D3D11_STAGE_DS].shader ? D3D11_STAGE_DS : D3D11_STAGE_VS;

    if (!gs || !gs->so || gs->program || s != last || !shader)
        return false;
    *vk = d3d11_shader_so_variant(shader, gs);
    return true;
}
