/* instance.c — the process-wide VkInstance, its adapters, the validation-message counter. */
#include "vk_backend.h"
#include "config.h"

static struct plat_mutex instance_lock = PLAT_MUTEX_INIT;
static struct vk_instance *instance_singleton;

static struct plat_mutex module_lock = PLAT_MUTEX_INIT;
static VkInstance module_instance;

void vk_module_init(struct vk_instance *instance)
{
    plat_mutex_lock(&module_lock);
    if (module_instance != instance->instance)
    {
        volkInitializeCustom(instance->get_instance_proc_addr);
        volkLoadInstanceOnly(instance->instance);
        module_instance = instance->instance;
    }
    plat_mutex_unlock(&module_lock);
}

const char *vk_result_str(VkResult vr)
{
    switch (vr)
    {
#define X(r) case r: return #r;
        X(VK_SUCCESS) X(VK_NOT_READY) X(VK_TIMEOUT) X(VK_INCOMPLETE)
        X(VK_ERROR_OUT_OF_HOST_MEMORY) X(VK_ERROR_OUT_OF_DEVICE_MEMORY) X(VK_ERROR_INITIALIZATION_FAILED)
        X(VK_ERROR_DEVICE_LOST) X(VK_ERROR_MEMORY_MAP_FAILED) X(VK_ERROR_LAYER_NOT_PRESENT)
        X(VK_ERROR_EXTENSION_NOT_PRESENT) X(VK_ERROR_FEATURE_NOT_PRESENT) X(VK_ERROR_INCOMPATIBLE_DRIVER)
        X(VK_ERROR_TOO_MANY_OBJECTS) X(VK_ERROR_FORMAT_NOT_SUPPORTED) X(VK_ERROR_SURFACE_LOST_KHR)
        X(VK_ERROR_OUT_OF_DATE_KHR) X(VK_SUBOPTIMAL_KHR) X(VK_ERROR_INVALID_EXTERNAL_HANDLE)
#undef X
        default: return "VK_RESULT_UNKNOWN";
    }
}

static VKAPI_ATTR VkBool32 VKAPI_CALL debug_callback(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
        VkDebugUtilsMessageTypeFlagsEXT types, const VkDebugUtilsMessengerCallbackDataEXT *data, void *user)
{
    struct vk_instance *instance = user;

    (void)types;
    if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
    {
        atomic_inc_u32(&instance->validation_errors);
        LOG_ERR("Vulkan validation: %s", data->pMessage ? data->pMessage : "(no message)");
    }
    else if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT)
        LOG_WARN("Vulkan validation: %s", data->pMessage ? data->pMessage : "(no message)");
    return VK_FALSE;
}

static bool has_extension(const VkExtensionProperties *list, uint32_t count, const char *name)
{
    uint32_t i;

    for (i = 0; i < count; ++i)
        if (!strcmp(list[i].extensionName, name))
            return true;
    return false;
}

/* Validation messages are collected when the loader was told to enable the layer
 * (VK_LOADER_LAYERS_ENABLE, as the tests do) or D3D11VK_VALIDATION=1 asks for it. */
static bool want_validation(void)
{
    const char *layers = getenv("VK_LOADER_LAYERS_ENABLE");

    return d3d11vk_config_get_bool("VALIDATION", false) || (layers && strstr(layers, "validation"));
}

static int adapter_rank(const struct vk_adapter *a)
{
    switch (a->properties.properties.deviceType)
    {
        case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
        case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
        case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
        case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
        default: return 4;
    }
}

VkResult vk_adapter_init(struct vk_adapter *adapter, struct vk_instance *instance, VkPhysicalDevice pd);

static VkResult create_adapters(struct vk_instance *instance)
{
    VkPhysicalDevice *devices = NULL;
    uint32_t count = 0, i, j;
    VkResult vr;

    if ((vr = vkEnumeratePhysicalDevices(instance->instance, &count, NULL)) < 0)
        return vr;
    if (!(devices = calloc(count ? count : 1, sizeof(*devices)))
            || !(instance->adapters = calloc(count ? count : 1, sizeof(*instance->adapters))))
    {
        free(devices);
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    }
    if ((vr = vkEnumeratePhysicalDevices(instance->instance, &count, devices)) < 0)
    {
        free(devices);
        return vr;
    }
    for (i = 0; i < count; ++i)
    {
        struct vk_adapter *adapter = calloc(1, sizeof(*adapter));

        if (!adapter)
            break;
        if (vk_adapter_init(adapter, instance, devices[i]) != VK_SUCCESS)
        {
            free(adapter);
            continue;
        }
        instance->adapters[instance->adapter_count++] = adapter;
    }
    free(devices);
    /* Stable order: GPUs before CPU implementations, as the primary adapter is index 0. */
    for (i = 1; i < instance->adapter_count; ++i)
        for (j = i; j > 0 && adapter_rank(instance->adapters[j]) < adapter_rank(instance->adapters[j - 1]); --j)
        {
            struct vk_adapter *t = instance->adapters[j];
            instance->adapters[j] = instance->adapters[j - 1];
            instance->adapters[j - 1] = t;
        }
    for (i = 0; i < instance->adapter_count; ++i)
    {
        instance->adapters[i]->index = i;
        LOG_INFO("Adapter %u: %s (Vulkan %u.%u.%u).", i, instance->adapters[i]->properties.properties.deviceName,
                VK_API_VERSION_MAJOR(instance->adapters[i]->properties.properties.apiVersion),
                VK_API_VERSION_MINOR(instance->adapters[i]->properties.properties.apiVersion),
                VK_API_VERSION_PATCH(instance->adapters[i]->properties.properties.apiVersion));
    }
    return VK_SUCCESS;
}

static VkResult instance_create(struct vk_instance **out)
{
    static const char *const wanted[] =
    {
        VK_KHR_SURFACE_EXTENSION_NAME,
#ifdef D3D11VK_NATIVE
        "VK_KHR_xlib_surface", "VK_KHR_xcb_surface", "VK_KHR_wayland_surface",
#else
        "VK_KHR_win32_surface",
#endif
        VK_KHR_GET_SURFACE_CAPABILITIES_2_EXTENSION_NAME,
    };
    const char *enabled[ARRAY_SIZE(wanted) + 1];
    VkApplicationInfo app = { VK_STRUCTURE_TYPE_APPLICATION_INFO };
    VkInstanceCreateInfo info = { VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO };
    VkExtensionProperties *exts = NULL;
    struct vk_instance *instance;
    uint32_t ext_count = 0, n = 0, i, version = VK_API_VERSION_1_0;
    VkResult vr;

    if ((vr = volkInitialize()) != VK_SUCCESS)
    {
        LOG_ERR("Vulkan loader not found.");
        return vr;
    }
    if (vkEnumerateInstanceVersion)
        vkEnumerateInstanceVersion(&version);
    if (version < VK_API_VERSION_1_1)
    {
        LOG_ERR("Vulkan 1.1 or newer is required; the loader offers %u.%u.", VK_API_VERSION_MAJOR(version), VK_API_VERSION_MINOR(version));
        return VK_ERROR_INCOMPATIBLE_DRIVER;
    }
    if (!(instance = calloc(1, sizeof(*instance))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vkEnumerateInstanceExtensionProperties(NULL, &ext_count, NULL);
    if (ext_count && (exts = calloc(ext_count, sizeof(*exts))))
        vkEnumerateInstanceExtensionProperties(NULL, &ext_count, exts);
    for (i = 0; i < ARRAY_SIZE(wanted); ++i)
        if (has_extension(exts, ext_count, wanted[i]))
            enabled[n++] = wanted[i];
    if (want_validation() && has_extension(exts, ext_count, VK_EXT_DEBUG_UTILS_EXTENSION_NAME))
    {
        enabled[n++] = VK_EXT_DEBUG_UTILS_EXTENSION_NAME;
        instance->debug_utils = true;
    }
    free(exts);

    app.pApplicationName = plat_exe_name();
    app.pEngineName = "d3d11vk";
    app.engineVersion = VK_MAKE_API_VERSION(0, 0, 1, 0);
    app.apiVersion = version >= VK_API_VERSION_1_3 ? VK_API_VERSION_1_3 : version;
    info.pApplicationInfo = &app;
    info.enabledExtensionCount = n;
    info.ppEnabledExtensionNames = enabled;
    if ((vr = vkCreateInstance(&info, NULL, &instance->instance)) != VK_SUCCESS)
    {
        LOG_ERR("vkCreateInstance failed: %s.", vk_result_str(vr));
        free(instance);
        return vr;
    }
    instance->api_version = app.apiVersion;
    instance->get_instance_proc_addr = vkGetInstanceProcAddr;
    instance->refcount = 1;
    vk_module_init(instance);

    if (instance->debug_utils && vkCreateDebugUtilsMessengerEXT)
    {
        VkDebugUtilsMessengerCreateInfoEXT m = { VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT };
        m.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT;
        m.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT | VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
                | VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
        m.pfnUserCallback = debug_callback;
        m.pUserData = instance;
        if (vkCreateDebugUtilsMessengerEXT(instance->instance, &m, NULL, &instance->messenger) != VK_SUCCESS)
            instance->messenger = VK_NULL_HANDLE;
    }
    if ((vr = create_adapters(instance)) != VK_SUCCESS)
    {
        LOG_ERR("Enumerating physical devices failed: %s.", vk_result_str(vr));
        instance->refcount = 0;
        vk_instance_release(instance);
        return vr;
    }
    *out = instance;
    return VK_SUCCESS;
}

VkResult vk_instance_acquire(struct vk_instance **out)
{
    VkResult vr = VK_SUCCESS;

    plat_mutex_lock(&instance_lock);
    if (instance_singleton)
        atomic_inc_u32(&instance_singleton->refcount);
    else
        vr = instance_create(&instance_singleton);
    *out = instance_singleton;
    plat_mutex_unlock(&instance_lock);
    return vr;
}

void vk_instance_release(struct vk_instance *instance)
{
    uint32_t i;

    plat_mutex_lock(&instance_lock);
    if (instance->refcount && atomic_dec_u32(&instance->refcount))
    {
        plat_mutex_unlock(&instance_lock);
        return;
    }
    if (instance_singleton == instance)
        instance_singleton = NULL;
    plat_mutex_unlock(&instance_lock);

    for (i = 0; i < instance->adapter_count; ++i)
    {
        plat_mutex_destroy(&instance->adapters[i]->device_lock);
        free(instance->adapters[i]);
    }
    free(instance->adapters);
    if (instance->messenger)
        vkDestroyDebugUtilsMessengerEXT(instance->instance, instance->messenger, NULL);
    vkDestroyInstance(instance->instance, NULL);
    free(instance);
}
