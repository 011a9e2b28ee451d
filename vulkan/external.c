/* external.c — exportable/importable timeline semaphores (see vk_external.h). */
#include "vk_external.h"
#include "config.h"
#ifdef D3D11VK_NATIVE
# include <unistd.h>
#endif

VkExternalSemaphoreHandleTypeFlagBits vk_external_semaphore_type(void)
{
#ifdef D3D11VK_NATIVE
    return VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT;
#else
    return VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_WIN32_BIT;
#endif
}

bool vk_device_external_semaphores(struct vk_device *device)
{
    const VkExternalSemaphoreFeatureFlags need = VK_EXTERNAL_SEMAPHORE_FEATURE_EXPORTABLE_BIT
            | VK_EXTERNAL_SEMAPHORE_FEATURE_IMPORTABLE_BIT;
    VkSemaphoreTypeCreateInfo type_info = { VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO };
    VkPhysicalDeviceExternalSemaphoreInfo info = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTERNAL_SEMAPHORE_INFO };
    VkExternalSemaphoreProperties props = { VK_STRUCTURE_TYPE_EXTERNAL_SEMAPHORE_PROPERTIES };

    if (!device || !d3d11vk_config_get_bool("SHARING_SEMAPHORES", true))
        return false;
#ifdef D3D11VK_NATIVE
    if (!device->extensions[VK_EXT_INDEX_EXTERNAL_SEMAPHORE_FD] || !device->vk.vkGetSemaphoreFdKHR
            || !device->vk.vkImportSemaphoreFdKHR)
        return false;
#else
    if (!device->extensions[VK_EXT_INDEX_EXTERNAL_SEMAPHORE_WIN32])
        return false;
# ifdef VK_USE_PLATFORM_WIN32_KHR
    if (!device->vk.vkGetSemaphoreWin32HandleKHR || !device->vk.vkImportSemaphoreWin32HandleKHR)
        return false;
# endif
#endif
    if (!vkGetPhysicalDeviceExternalSemaphoreProperties)
        return false;
    type_info.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    info.pNext = &type_info;
    info.handleType = vk_external_semaphore_type();
    vkGetPhysicalDeviceExternalSemaphoreProperties(device->adapter->physical_device, &info, &props);
    return (props.externalSemaphoreFeatures & need) == need
            && (props.compatibleHandleTypes & info.handleType)
            && (props.exportFromImportedHandleTypes & info.handleType);
}

static void semaphore_destroy(struct vk_object *obj)
{
    struct vk_semaphore *s = CONTAINING_RECORD(obj, struct vk_semaphore, obj);

    obj->device->vk.vkDestroySemaphore(obj->device->device, s->semaphore, NULL);
    free(s);
}

static VkResult semaphore_create(struct vk_device *device, uint64_t initial_value, bool exportable,
        struct vk_semaphore **out)
{
    VkExportSemaphoreCreateInfo export_info = { VK_STRUCTURE_TYPE_EXPORT_SEMAPHORE_CREATE_INFO };
    VkSemaphoreTypeCreateInfo type_info = { VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO };
    VkSemaphoreCreateInfo info = { VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO };
    struct vk_semaphore *s;
    VkResult vr;

    if (!(s = calloc(1, sizeof(*s))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&s->obj, device, VK_OBJ_SEMAPHORE, semaphore_destroy);
    type_info.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    type_info.initialValue = initial_value;
    info.pNext = &type_info;
    if (exportable)
    {
        export_info.handleTypes = vk_external_semaphore_type();
        type_info.pNext = &export_info;
    }
    if ((vr = device->vk.vkCreateSemaphore(device->device, &info, NULL, &s->semaphore)) != VK_SUCCESS)
    {
        free(s);
        return vr;
    }
    *out = s;
    return VK_SUCCESS;
}

VkResult vk_semaphore_create_exportable(struct vk_device *device, uint64_t initial_value, struct vk_semaphore **out)
{
    return semaphore_create(device, initial_value, true, out);
}

int vk_semaphore_export_fd(struct vk_semaphore *s)
{
#ifdef D3D11VK_NATIVE
    VkSemaphoreGetFdInfoKHR info = { VK_STRUCTURE_TYPE_SEMAPHORE_GET_FD_INFO_KHR };
    struct vk_device *device = s->obj.device;
    int fd = -1;

    if (!device->vk.vkGetSemaphoreFdKHR)
        return -1;
    info.semaphore = s->semaphore;
    info.handleType = VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT;
    if (device->vk.vkGetSemaphoreFdKHR(device->device, &info, &fd) != VK_SUCCESS)
        return -1;
    return fd;
#else
    (void)s;
    return -1;
#endif
}

void *vk_semaphore_export_win32(struct vk_semaphore *s)
{
#ifdef VK_USE_PLATFORM_WIN32_KHR
    VkSemaphoreGetWin32HandleInfoKHR info = { VK_STRUCTURE_TYPE_SEMAPHORE_GET_WIN32_HANDLE_INFO_KHR };
    struct vk_device *device = s->obj.device;
    HANDLE handle = NULL;

    if (!device->vk.vkGetSemaphoreWin32HandleKHR)
        return NULL;
    info.semaphore = s->semaphore;
    info.handleType = VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_WIN32_BIT;
    if (device->vk.vkGetSemaphoreWin32HandleKHR(device->device, &info, &handle) != VK_SUCCESS)
        return NULL;
    return handle;
#else
    (void)s;
    return NULL;
#endif
}

VkResult vk_semaphore_import_fd(struct vk_device *device, int fd, struct vk_semaphore **out)
{
#ifdef D3D11VK_NATIVE
    VkImportSemaphoreFdInfoKHR info = { VK_STRUCTURE_TYPE_IMPORT_SEMAPHORE_FD_INFO_KHR };
    struct vk_semaphore *s;
    VkResult vr;

    if (!device->vk.vkImportSemaphoreFdKHR)
        return VK_ERROR_EXTENSION_NOT_PRESENT;
    if ((vr = semaphore_create(device, 0, false, &s)) != VK_SUCCESS)
        return vr;
    info.semaphore = s->semaphore;
    info.handleType = VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_FD_BIT;
    info.fd = fd;
    if ((vr = device->vk.vkImportSemaphoreFdKHR(device->device, &info)) != VK_SUCCESS)
    {
        vk_semaphore_release(s);
        return vr;
    }
    *out = s;
    return VK_SUCCESS;
#else
    (void)device; (void)fd; (void)out;
    return VK_ERROR_EXTENSION_NOT_PRESENT;
#endif
}

VkResult vk_semaphore_import_win32(struct vk_device *device, void *handle, struct vk_semaphore **out)
{
#ifdef VK_USE_PLATFORM_WIN32_KHR
    VkImportSemaphoreWin32HandleInfoKHR info = { VK_STRUCTURE_TYPE_IMPORT_SEMAPHORE_WIN32_HANDLE_INFO_KHR };
    struct vk_semaphore *s;
    VkResult vr;

    if (!device->vk.vkImportSemaphoreWin32HandleKHR)
        return VK_ERROR_EXTENSION_NOT_PRESENT;
    if ((vr = semaphore_create(device, 0, false, &s)) != VK_SUCCESS)
        return vr;
    info.semaphore = s->semaphore;
    info.handleType = VK_EXTERNAL_SEMAPHORE_HANDLE_TYPE_OPAQUE_WIN32_BIT;
    info.handle = handle;
    if ((vr = device->vk.vkImportSemaphoreWin32HandleKHR(device->device, &info)) != VK_SUCCESS)
    {
        vk_semaphore_release(s);
        return vr;
    }
    *out = s;
    return VK_SUCCESS;
#else
    (void)device; (void)handle; (void)out;
    return VK_ERROR_EXTENSION_NOT_PRESENT;
#endif
}

/* ---------------------------------------------------------------------------------------
 * Buffers with exportable / imported memory (shared D3D11 buffers on the fd/win32 tiers). */

bool vk_buffer_external_supported(struct vk_device *device, VkBufferUsageFlags usage,
        VkExternalMemoryHandleTypeFlagBits handle_type)
{
    const VkExternalMemoryFeatureFlags need = VK_EXTERNAL_MEMORY_FEATURE_EXPORTABLE_BIT
            | VK_EXTERNAL_MEMORY_FEATURE_IMPORTABLE_BIT;
    VkPhysicalDeviceExternalBufferInfo info = { VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_EXTERNAL_BUFFER_INFO };
    VkExternalBufferProperties props = { VK_STRUCTURE_TYPE_EXTERNAL_BUFFER_PROPERTIES };

    if (handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT
            ? !device->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_FD] || !device->vk.vkGetMemoryFdKHR
            : !device->extensions[VK_EXT_INDEX_EXTERNAL_MEMORY_WIN32])
        return false;
    if (!vkGetPhysicalDeviceExternalBufferProperties)
        return false;
    info.usage = usage | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.handleType = handle_type;
    vkGetPhysicalDeviceExternalBufferProperties(device->adapter->physical_device, &info, &props);
    return (props.externalMemoryProperties.externalMemoryFeatures & need) == need;
}

static void external_slice_destroy(struct vk_object *obj)
{
    struct vk_buffer_slice *slice = CONTAINING_RECORD(obj, struct vk_buffer_slice, obj);

    obj->device->vk.vkDestroyBuffer(obj->device->device, slice->buffer, NULL);
    vk_memory_free(obj->device, &slice->allocation);
    free(slice);
}

static void external_buffer_destroy(struct vk_object *obj)
{
    struct vk_buffer *buffer = CONTAINING_RECORD(obj, struct vk_buffer, obj);

    vk_object_release(&buffer->slice->obj);
    free(buffer);
}

VkResult vk_buffer_create_external(struct vk_device *device, const struct vk_buffer_desc *desc,
        const struct vk_external_memory *ext, struct vk_buffer **out)
{
    VkExternalMemoryBufferCreateInfo ext_info = { VK_STRUCTURE_TYPE_EXTERNAL_MEMORY_BUFFER_CREATE_INFO };
    VkBufferCreateInfo info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO, &ext_info };
    VkMemoryDedicatedAllocateInfo dedicated = { VK_STRUCTURE_TYPE_MEMORY_DEDICATED_ALLOCATE_INFO };
    VkExportMemoryAllocateInfo export_info = { VK_STRUCTURE_TYPE_EXPORT_MEMORY_ALLOCATE_INFO };
    VkImportMemoryFdInfoKHR fd_info = { VK_STRUCTURE_TYPE_IMPORT_MEMORY_FD_INFO_KHR };
#ifdef VK_USE_PLATFORM_WIN32_KHR
    VkImportMemoryWin32HandleInfoKHR win32_info = { VK_STRUCTURE_TYPE_IMPORT_MEMORY_WIN32_HANDLE_INFO_KHR };
#endif
    struct vk_buffer_slice *slice;
    struct vk_buffer *buffer;
    VkMemoryRequirements reqs;
    VkResult vr;

    *out = NULL;
    if (!desc->size || (desc->flags & VK_BUF_DISCARDABLE) || desc->domain != VK_MEM_DOMAIN_DEVICE)
        return VK_ERROR_FORMAT_NOT_SUPPORTED;
    if (!(slice = calloc(1, sizeof(*slice))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    if (!(buffer = calloc(1, sizeof(*buffer))))
    {
        free(slice);
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    }
    ext_info.handleTypes = ext->handle_type;
    info.size = desc->size;
    info.usage = desc->usage | VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    if ((vr = device->vk.vkCreateBuffer(device->device, &info, NULL, &slice->buffer)) != VK_SUCCESS)
        goto fail;
    device->vk.vkGetBufferMemoryRequirements(device->device, slice->buffer, &reqs);
    dedicated.buffer = slice->buffer;
    if (!ext->import)
    {
        export_info.handleTypes = ext->handle_type;
        export_info.pNext = &dedicated;
        vr = vk_memory_alloc_external(device, reqs.size, reqs.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, -1,
                &export_info, &slice->allocation);
    }
    else if (ext->size < reqs.size || ext->memory_type >= 32 || !(reqs.memoryTypeBits & (1u << ext->memory_type)))
        vr = VK_ERROR_INVALID_EXTERNAL_HANDLE;
    else if (ext->handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT)
    {
        fd_info.handleType = ext->handle_type;
        fd_info.fd = ext->fd;
        fd_info.pNext = &dedicated;
        vr = vk_memory_alloc_external(device, ext->size, reqs.memoryTypeBits, 0, (int)ext->memory_type, &fd_info,
                &slice->allocation);
    }
#ifdef VK_USE_PLATFORM_WIN32_KHR
    else if (ext->handle_type == VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT)
    {
        win32_info.handleType = ext->handle_type;
        win32_info.handle = ext->win32_handle;
        win32_info.pNext = &dedicated;
        vr = vk_memory_alloc_external(device, ext->size, reqs.memoryTypeBits, 0, (int)ext->memory_type, &win32_info,
                &slice->allocation);
    }
#endif
    else
        vr = VK_ERROR_INVALID_EXTERNAL_HANDLE;
    if (vr != VK_SUCCESS)
    {
        device->vk.vkDestroyBuffer(device->device, slice->buffer, NULL);
        goto fail;
    }
    if ((vr = device->vk.vkBindBufferMemory(device->device, slice->buffer, slice->allocation.memory, 0)) != VK_SUCCESS)
    {
        device->vk.vkDestroyBuffer(device->device, slice->buffer, NULL);
        vk_memory_free(device, &slice->allocation);
        goto fail;
    }
    vk_object_init(&slice->obj, device, VK_OBJ_BUFFER_SLICE, external_slice_destroy);
    slice->offset = 0;
    slice->size = desc->size;
    slice->map = slice->allocation.map;
    vk_object_init(&buffer->obj, device, VK_OBJ_BUFFER, external_buffer_destroy);
    buffer->desc = *desc;
    buffer->slice = slice;
    *out = buffer;
    return VK_SUCCESS;

fail:
    free(slice);
    free(buffer);
    return vr;
}

/* The memory behind an exportable resource as an opaque fd (-1 where the device cannot). */
static int memory_export_fd(struct vk_device *device, VkDeviceMemory memory)
{
    VkMemoryGetFdInfoKHR info = { VK_STRUCTURE_TYPE_MEMORY_GET_FD_INFO_KHR };
    int fd = -1;

    if (!device->vk.vkGetMemoryFdKHR)
        return -1;
    info.memory = memory;
    info.handleType = VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_FD_BIT;
    if (device->vk.vkGetMemoryFdKHR(device->device, &info, &fd) != VK_SUCCESS)
        return -1;
    return fd;
}

/* The same as an NT handle (NULL where the device or the platform cannot). */
static void *memory_export_win32(struct vk_device *device, VkDeviceMemory memory)
{
#ifdef VK_USE_PLATFORM_WIN32_KHR
    VkMemoryGetWin32HandleInfoKHR info = { VK_STRUCTURE_TYPE_MEMORY_GET_WIN32_HANDLE_INFO_KHR };
    HANDLE handle = NULL;

    if (!device->vk.vkGetMemoryWin32HandleKHR)
        return NULL;
    info.memory = memory;
    info.handleType = VK_EXTERNAL_MEMORY_HANDLE_TYPE_OPAQUE_WIN32_BIT;
    if (device->vk.vkGetMemoryWin32HandleKHR(device->device, &info, &handle) != VK_SUCCESS)
        return NULL;
    return handle;
#else
    (void)device;
    (void)memory;
    return NULL;
#endif
}

int vk_buffer_export_fd(struct vk_buffer *buffer)
{
    return memory_export_fd(buffer->obj.device, buffer->slice->allocation.memory);
}

void *vk_buffer_export_win32(struct vk_buffer *buffer)
{
    return memory_export_win32(buffer->obj.device, buffer->slice->allocation.memory);
}

int vk_image_export_fd(struct vk_image *image)
{
    return memory_export_fd(image->obj.device, image->allocation.memory);
}

void *vk_image_export_win32(struct vk_image *image)
{
    return memory_export_win32(image->obj.device, image->allocation.memory);
}
