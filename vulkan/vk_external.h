/* vk_external.h — external (exportable/importable) timeline semaphores for cross-device and
 * cross-process synchronisation of shared resources and fences (d3d11/sharing*.c, fence.c).
 *
 * Native: VK_KHR_external_semaphore_fd, opaque fds. PE: VK_KHR_external_semaphore_win32,
 * opaque NT handles (written to the Vulkan spec; no Vulkan here offers it to test).
 * Whether a device can do it is the answer of vkGetPhysicalDeviceExternalSemaphoreProperties
 * for a TIMELINE semaphore of that handle type (exportable and importable); it is asked
 * once per device and logged ("External timeline semaphores: ..."). Where the answer is no,
 * callers keep their CPU-wait path. */
#ifndef D3D11VK_VK_EXTERNAL_H
#define D3D11VK_VK_EXTERNAL_H

#include "vk_resource.h"

/* The handle type this build exports semaphores with (opaque fd natively, opaque win32 on PE). */
VkExternalSemaphoreHandleTypeFlagBits vk_external_semaphore_type(void);
/* Whether `device` can export and import timeline semaphores of vk_external_semaphore_type():
 * the extension is enabled and the physical device's answer says so. D3D11VK_SHARING_SEMAPHORES=0
 * answers false (forces the CPU-wait fallback). Logged once per process. */
bool vk_device_external_semaphores(struct vk_device *device);
/* A timeline semaphore whose payload can be exported. */
VkResult vk_semaphore_create_exportable(struct vk_device *device, uint64_t initial_value, struct vk_semaphore **out);
/* Native: a new opaque fd for the payload (-1 on failure; owned by the caller).
 * PE: a new NT handle (NULL on failure; owned by the caller). */
int vk_semaphore_export_fd(struct vk_semaphore *s);
void *vk_semaphore_export_win32(struct vk_semaphore *s);
/* A timeline semaphore on `device` sharing the payload of `fd` / `handle`. The fd is taken
 * over on success only (Vulkan's rule); a win32 handle is never taken over. */
VkResult vk_semaphore_import_fd(struct vk_device *device, int fd, struct vk_semaphore **out);
VkResult vk_semaphore_import_win32(struct vk_device *device, void *handle, struct vk_semaphore **out);

/* Buffers whose memory is exported or imported (shared D3D11 buffers on the fd/win32 tiers):
 * dedicated memory, never renamed. vk_buffer_external_supported answers
 * vkGetPhysicalDeviceExternalBufferProperties (exportable and importable). An fd import is
 * consumed on success only; a win32 handle never. */
bool vk_buffer_external_supported(struct vk_device *device, VkBufferUsageFlags usage,
        VkExternalMemoryHandleTypeFlagBits handle_type);
VkResult vk_buffer_create_external(struct vk_device *device, const struct vk_buffer_desc *desc,
        const struct vk_external_memory *ext, struct vk_buffer **out);
int vk_buffer_export_fd(struct vk_buffer *buffer);
void *vk_buffer_export_win32(struct vk_buffer *buffer);

#endif
