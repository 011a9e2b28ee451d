/* cmd_so.c — stream output in the draw context: transform feedback targets, Begin/End with
 * counter buffers, DrawAuto by byte count (see vk_so.h for the model). */
#include "vk_so.h"
#include "vk_core_private.h"

bool vk_so_supported(struct vk_so_state *so, struct vk_device *device)
{
    if (!so->checked)
    {
        const VkPhysicalDeviceTransformFeedbackFeaturesEXT *f = &device->enabled.xfb;
        VkPhysicalDeviceTransformFeedbackPropertiesEXT props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_PROPERTIES_EXT };
        VkPhysicalDeviceProperties2 p2 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2 };

        so->checked = true;
        so->supported = device->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK] && f->transformFeedback;
        if (so->supported)
        {
            p2.pNext = &props;
            vkGetPhysicalDeviceProperties2(device->adapter->physical_device, &p2);
            so->draw_supported = props.transformFeedbackDraw;
        }
        if (!so->supported)
            FIXME("Stream output needs VK_EXT_transform_feedback; captures are dropped.");
        else if (!so->draw_supported)
            FIXME("DrawAuto needs transformFeedbackDraw; DrawAuto draws nothing.");
    }
    return so->supported;
}

bool vk_so_rasterization_stream_select(struct vk_device *device)
{
    VkPhysicalDeviceTransformFeedbackPropertiesEXT props = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_TRANSFORM_FEEDBACK_PROPERTIES_EXT };
    VkPhysicalDeviceProperties2 p2 = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2 };

    if (!device->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK])
        return false;
    p2.pNext = &props;
    vkGetPhysicalDeviceProperties2(device->adapter->physical_device, &p2);
    return props.transformFeedbackRasterizationStreamSelect;
}

bool vk_so_targets_equal(const struct vk_so_state *so, const struct vk_cmd_set_so_targets *c)
{
    return !memcmp(so->targets, c->targets, sizeof(so->targets));
}

void vk_so_set_targets(struct vk_so_state *so, const struct vk_cmd_set_so_targets *c)
{
    memcpy(so->targets, c->targets, sizeof(so->targets));
}

bool vk_so_any_target(const struct vk_so_state *so)
{
    unsigned int i;

    for (i = 0; i < VK_SO_TARGETS; ++i)
        if (so->targets[i].buffer)
            return true;
    return false;
}

/* Counters of unbound slots are VK_NULL_HANDLE (capture to those slots starts at 0 and is
 * not kept). */
static void counters(const struct vk_so_state *so, VkBuffer *buffers, VkDeviceSize *offsets)
{
    unsigned int i;

    for (i = 0; i < VK_SO_TARGETS; ++i)
    {
        buffers[i] = so->targets[i].buffer ? so->targets[i].counter : VK_NULL_HANDLE;
        offsets[i] = buffers[i] ? so->targets[i].counter_offset : 0;
    }
}

#define VK_SO_DUMMY_SIZE (1u << 20)

static bool dummy(struct vk_so_state *so, struct vk_device *device)
{
    struct vk_buffer_desc desc = { 0 };

    if (so->dummy)
        return true;
    desc.size = VK_SO_DUMMY_SIZE;
    desc.usage = VK_BUFFER_USAGE_TRANSFORM_FEEDBACK_BUFFER_BIT_EXT;
    desc.domain = VK_MEM_DOMAIN_DEVICE;
    if (vk_buffer_create(device, &desc, &so->dummy) != VK_SUCCESS)
    {
        so->dummy = NULL;
        return false;
    }
    vk_buffer_ref(so->dummy, 0, &so->dummy_ref);
    return true;
}

void vk_so_submitted(struct vk_so_state *so, uint64_t value)
{
    if (!so->dummy_used)
        return;
    /* The worker's own object: its last use is this submission. */
    if (__atomic_load_n(&so->dummy_ref.owner->last_use, __ATOMIC_ACQUIRE) < value)
        __atomic_store_n(&so->dummy_ref.owner->last_use, value, __ATOMIC_RELEASE);
    so->dummy_used = false;
}

void vk_so_destroy(struct vk_so_state *so)
{
    if (so->dummy)
        vk_buffer_release(so->dummy);
    so->dummy = NULL;
}

void vk_so_begin(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb)
{
    VkBuffer buffers[VK_SO_TARGETS];
    VkDeviceSize offsets[VK_SO_TARGETS];
    unsigned int i;

    if (so->active || !vk_so_supported(so, device))
        return;
    for (i = 0; i < VK_SO_TARGETS; ++i)
    {
        const struct vk_so_target *t = &so->targets[i];

        if (t->buffer)
            device->vk.vkCmdBindTransformFeedbackBuffersEXT(cb, i, 1, &t->buffer, &t->offset, &t->size);
        else if (dummy(so, device))
        {
            VkDeviceSize size = VK_SO_DUMMY_SIZE;

            device->vk.vkCmdBindTransformFeedbackBuffersEXT(cb, i, 1, &so->dummy_ref.buffer, &so->dummy_ref.offset, &size);
            so->dummy_used = true;
        }
    }
    counters(so, buffers, offsets);
    device->vk.vkCmdBeginTransformFeedbackEXT(cb, 0, VK_SO_TARGETS, buffers, offsets);
    so->active = true;
    so->written = true;
}

void vk_so_end(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb)
{
    VkBuffer buffers[VK_SO_TARGETS];
    VkDeviceSize offsets[VK_SO_TARGETS];

    if (!so->active)
        return;
    counters(so, buffers, offsets);
    device->vk.vkCmdEndTransformFeedbackEXT(cb, 0, VK_SO_TARGETS, buffers, offsets);
    so->active = false;
}

void vk_so_draw_auto(struct vk_so_state *so, struct vk_device *device, VkCommandBuffer cb,
        const struct vk_cmd_draw_auto *c)
{
    if (!vk_so_supported(so, device) || !so->draw_supported || !c->counter || !c->stride)
        return;
    device->vk.vkCmdDrawIndirectByteCountEXT(cb, 1, 0, c->counter, c->counter_offset, c->vb_offset, c->stride);
}
