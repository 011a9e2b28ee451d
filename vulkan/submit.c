/* submit.c — submission on the device queue and the device timeline: every submission
 * signals the next value of the one timeline semaphore, under queue_lock (DESIGN decision 2). */
#include "vk_core_private.h"

VkResult vk_device_submit(struct vk_device *device, VkCommandBuffer cb, const struct vk_submit_semaphores *sems,
        uint64_t *value)
{
    struct vk_device_core *core = vk_core(device);
    VkTimelineSemaphoreSubmitInfo timeline = { VK_STRUCTURE_TYPE_TIMELINE_SEMAPHORE_SUBMIT_INFO };
    VkSubmitInfo info = { VK_STRUCTURE_TYPE_SUBMIT_INFO };
    VkPipelineStageFlags stages[8];
    VkSemaphore signal[9];
    uint64_t signal_values[9];
    uint32_t i, wait_count = 0, signal_count = 0;
    VkResult vr;

    if (sems)
    {
        wait_count = d3d11vk_min(sems->wait_count, 8u);
        for (i = 0; i < wait_count; ++i)
            stages[i] = VK_PIPELINE_STAGE_ALL_COMMANDS_BIT;
        for (i = 0; i < d3d11vk_min(sems->signal_count, 8u); ++i)
        {
            signal[1 + i] = sems->signal[i];
            signal_values[1 + i] = sems->signal_values[i];
        }
        signal_count = i;
    }
    info.pNext = &timeline;
    info.waitSemaphoreCount = wait_count;
    info.pWaitSemaphores = sems ? sems->wait : NULL;
    info.pWaitDstStageMask = stages;
    timeline.waitSemaphoreValueCount = wait_count;
    timeline.pWaitSemaphoreValues = sems ? sems->wait_values : NULL;
    info.commandBufferCount = cb ? 1 : 0;
    info.pCommandBuffers = &cb;
    signal[0] = core->timeline;
    info.signalSemaphoreCount = 1 + signal_count;
    info.pSignalSemaphores = signal;
    timeline.signalSemaphoreValueCount = 1 + signal_count;
    timeline.pSignalSemaphoreValues = signal_values;

    plat_mutex_lock(&device->queue_lock);
    signal_values[0] = ++core->timeline_value;
    vr = device->vk.vkQueueSubmit(device->queue, 1, &info, VK_NULL_HANDLE);
    if (vr != VK_SUCCESS)
    {
        /* Keeps the timeline moving so that nobody waits forever on a value never signalled. */
        VkSemaphoreSignalInfo si = { VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO };

        LOG_ERR("vkQueueSubmit failed: %s.", vk_result_str(vr));
        if (vr == VK_ERROR_DEVICE_LOST)
            vk_device_set_lost(device, vr);
        device->vk.vkQueueWaitIdle(device->queue);
        si.semaphore = core->timeline;
        si.value = signal_values[0];
        device->vk.vkSignalSemaphore(device->device, &si);
    }
    *value = signal_values[0];
    plat_mutex_unlock(&device->queue_lock);
    return vr;
}

uint64_t vk_device_timeline_completed(struct vk_device *device)
{
    struct vk_device_core *core = vk_core(device);
    uint64_t value = 0;

    if (device->vk.vkGetSemaphoreCounterValue(device->device, core->timeline, &value) != VK_SUCCESS)
        return atomic_load_u64(&core->completed);
    atomic_max_u64(&core->completed, value);
    return value;
}

bool vk_device_wait_timeline(struct vk_device *device, uint64_t value, uint64_t timeout)
{
    struct vk_device_core *core = vk_core(device);
    VkSemaphoreWaitInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO };
    VkResult vr;

    if (value <= atomic_load_u64(&core->completed))
        return true;
    if (!timeout)
        return value <= vk_device_timeline_completed(device);
    info.semaphoreCount = 1;
    info.pSemaphores = &core->timeline;
    info.pValues = &value;
    vr = device->vk.vkWaitSemaphores(device->device, &info, timeout);
    if (vr == VK_SUCCESS)
    {
        atomic_max_u64(&core->completed, value);
        vk_device_collect_garbage(device);
        return true;
    }
    if (vr != VK_TIMEOUT)
        LOG_ERR("vkWaitSemaphores failed: %s.", vk_result_str(vr));
    if (vr == VK_ERROR_DEVICE_LOST)
        vk_device_set_lost(device, vr);
    return false;
}

void vk_device_set_lost(struct vk_device *device, VkResult vr)
{
    LONG none = 0;

    if (__atomic_compare_exchange_n(&device->lost, &none, (LONG)vr, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST))
        LOG_ERR("The device is lost (%s).", vk_result_str(vr));
}

VkResult vk_device_lost_result(struct vk_device *device)
{
    return (VkResult)(LONG)atomic_load_u32(&device->lost);
}
