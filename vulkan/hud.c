/* hud.c — the overlay: a font of 5x7 glyphs in 8x8 cells (designed for this project), text
 * laid out on the CPU as instances (rectangle, 64-bit bitmap, colour), drawn as instanced
 * quads by hud_text.vert/.frag (SPIR-V built from GLSL at build time) with dynamic rendering
 * into the swapchain image. A solid bitmap makes boxes (the backdrop, graph bars). */
#include <stdio.h>
#include <string.h>

#include "hud.h"
#include "vk_resource.h"
#include "vk_core_private.h"   /* the device timeline: one value per queue submission */
#include "pipeline.h"
#include "config.h"
#include "hud_text_vs.h"
#include "hud_text_fs.h"

#define HUD_FRAMES 16                  /* instance buffer slices: the presenter's frame ring */
#define HUD_MAX_INSTANCES 2048
#define HUD_HISTORY 120                /* frame times kept for the graph */
#define HUD_MAX_VIEWS 16

enum
{
    HUD_FPS = 0x01, HUD_FRAMETIMES = 0x02, HUD_DEVINFO = 0x04, HUD_MEMORY = 0x08,
    HUD_SUBMISSIONS = 0x10, HUD_PIPELINES = 0x20, HUD_VERSION = 0x40, HUD_ALL = 0x7f,
};

struct hud_instance
{
    float rect[4];
    uint32_t bits[2];
    uint32_t color;                    /* R8G8B8A8_UNORM */
    uint32_t pad;
};

struct vk_hud
{
    struct vk_device *device;
    uint32_t items;
    VkPipelineLayout layout;
    VkPipeline pipeline;
    VkFormat pipeline_format;
    VkBuffer buffer;
    VkDeviceMemory memory;
    struct hud_instance *map;
    uint64_t frame;
    /* Views of the current swapchain's images. */
    VkSwapchainKHR swapchain;
    VkImage images[HUD_MAX_VIEWS];
    VkImageView views[HUD_MAX_VIEWS];
    uint32_t view_count;
    VkFormat view_format;
    /* Timing. */
    uint64_t last_ns, fps_start_ns, fps_frames;
    float fps;
    float history[HUD_HISTORY];
    uint32_t history_pos;
    uint64_t last_submits;
    bool failed;
    /* Layout of the frame being built. */
    struct hud_instance *out;
    uint32_t count;
    float scale;
};

/* The font: 5 columns x 7 rows per glyph, '#' set. Lower case is drawn as upper case. */
static const struct { char c; const char *rows[7]; } font[] =
{
    { '0', { ".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###." } },
    { '1', { "..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###." } },
    { '2', { ".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####" } },
    { '3', { "####.", "....#", "....#", ".###.", "....#", "....#", "####." } },
    { '4', { "...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#." } },
    { '5', { "#####", "#....", "####.", "....#", "....#", "#...#", ".###." } },
    { '6', { "..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###." } },
    { '7', { "#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..." } },
    { '8', { ".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###." } },
    { '9', { ".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.." } },
    { 'A', { ".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#" } },
    { 'B', { "####.", "#...#", "#...#", "####.", "#...#", "#...#", "####." } },
    { 'C', { ".###.", "#...#", "#....", "#....", "#....", "#...#", ".###." } },
    { 'D', { "###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.." } },
    { 'E', { "#####", "#....", "#....", "####.", "#....", "#....", "#####" } },
    { 'F', { "#####", "#....", "#....", "####.", "#....", "#....", "#...." } },
    { 'G', { ".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####" } },
    { 'H', { "#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#" } },
    { 'I', { ".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###." } },
    { 'J', { "..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.." } },
    { 'K', { "#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#" } },
    { 'L', { "#....", "#....", "#....", "#....", "#....", "#....", "#####" } },
    { 'M', { "#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#" } },
    { 'N', { "#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#" } },
    { 'O', { ".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###." } },
    { 'P', { "####.", "#...#", "#...#", "####.", "#....", "#....", "#...." } },
    { 'Q', { ".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#" } },
    { 'R', { "####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#" } },
    { 'S', { ".####", "#....", "#....", ".###.", "....#", "....#", "####." } },
    { 'T', { "#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.." } },
    { 'U', { "#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###." } },
    { 'V', { "#...#", "#...#", "#...#", ".#.#.", ".#.#.", "..#..", "..#.." } },
    { 'W', { "#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#." } },
    { 'X', { "#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#" } },
    { 'Y', { "#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.." } },
    { 'Z', { "#####", "....#", "...#.", "..#..", ".#...", "#....", "#####" } },
    { '.', { ".....", ".....", ".....", ".....", ".....", ".##..", ".##.." } },
    { ',', { ".....", ".....", ".....", ".....", ".##..", "..#..", ".#..." } },
    { ':', { ".....", ".##..", ".##..", ".....", ".##..", ".##..", "....." } },
    { '-', { ".....", ".....", ".....", "#####", ".....", ".....", "....." } },
    { '+', { ".....", "..#..", "..#..", "#####", "..#..", "..#..", "....." } },
    { '=', { ".....", ".....", "#####", ".....", "#####", ".....", "....." } },
    { '/', { "....#", "....#", "...#.", "..#..", ".#...", "#....", "#...." } },
    { '(', { "...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#." } },
    { ')', { ".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..." } },
    { '[', { ".###.", ".#...", ".#...", ".#...", ".#...", ".#...", ".###." } },
    { ']', { ".###.", "...#.", "...#.", "...#.", "...#.", "...#.", ".###." } },
    { '%', { "##...", "##..#", "...#.", "..#..", ".#...", "#..##", "...##" } },
    { '_', { ".....", ".....", ".....", ".....", ".....", ".....", "#####" } },
    { '\'', { "..#..", "..#..", ".#...", ".....", ".....", ".....", "....." } },
    { '"', { ".#.#.", ".#.#.", ".....", ".....", ".....", ".....", "....." } },
    { '#', { ".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#." } },
    { '?', { ".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.." } },
    { '!', { "..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.." } },
    { '*', { ".....", "#.#.#", ".###.", "#####", ".###.", "#.#.#", "....." } },
    { '<', { "...#.", "..#..", ".#...", "#....", ".#...", "..#..", "...#." } },
    { '>', { ".#...", "..#..", "...#.", "....#", "...#.", "..#..", ".#..." } },
};

static uint32_t glyph_bits[128][2];

static void font_init(void)
{
    size_t g;
    int x, y;

    if (glyph_bits['0'][0])
        return;
    for (g = 0; g < ARRAY_SIZE(font); ++g)
    {
        uint32_t b[2] = { 0, 0 };
        for (y = 0; y < 7; ++y)
            for (x = 0; x < 5; ++x)
                if (font[g].rows[y][x] == '#')
                {
                    int i = y * 8 + x;
                    b[i >> 5] |= 1u << (i & 31);
                }
        glyph_bits[(unsigned char)font[g].c][0] = b[0];
        glyph_bits[(unsigned char)font[g].c][1] = b[1];
    }
    /* Characters without a glyph show a hollow box. */
    for (g = 33; g < 127; ++g)
        if (!glyph_bits[g][0] && !glyph_bits[g][1] && !((g >= 'a' && g <= 'z')))
        {
            glyph_bits[g][0] = 0x1f | (0x11u << 8) | (0x11u << 16) | (0x11u << 24);
            glyph_bits[g][1] = 0x11 | (0x11u << 8) | (0x1fu << 16);
        }
}

static uint32_t parse_items(const char *s)
{
    static const struct { const char *name; uint32_t bit; } names[] =
    {
        { "fps", HUD_FPS }, { "frametimes", HUD_FRAMETIMES }, { "devinfo", HUD_DEVINFO }, { "memory", HUD_MEMORY },
        { "submissions", HUD_SUBMISSIONS }, { "pipelines", HUD_PIPELINES }, { "version", HUD_VERSION },
        { "full", HUD_ALL }, { "1", HUD_ALL },
    };
    uint32_t items = 0;
    size_t i;

    while (s && *s)
    {
        size_t n = strcspn(s, ", ");
        bool known = false;
        for (i = 0; i < ARRAY_SIZE(names); ++i)
            if (strlen(names[i].name) == n && !strncmp(s, names[i].name, n))
            {
                items |= names[i].bit;
                known = true;
            }
        if (!known && n && !(n == 1 && *s == '0'))
            LOG_WARN("Unknown HUD item \"%.*s\".", (int)n, s);
        s += n;
        s += strspn(s, ", ");
    }
    return items;
}

static uint32_t find_memory_type(struct vk_device *device, uint32_t bits, VkMemoryPropertyFlags want)
{
    const VkPhysicalDeviceMemoryProperties *mem = &device->adapter->memory;
    uint32_t i;

    for (i = 0; i < mem->memoryTypeCount; ++i)
        if ((bits & (1u << i)) && (mem->memoryTypes[i].propertyFlags & want) == want)
            return i;
    return UINT32_MAX;
}

struct vk_hud *vk_hud_create(struct vk_device *device)
{
    VkPushConstantRange push = { VK_SHADER_STAGE_VERTEX_BIT, 0, 8 };
    VkPipelineLayoutCreateInfo layout_info = { VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO };
    VkBufferCreateInfo buffer_info = { VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO };
    VkMemoryAllocateInfo alloc = { VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO };
    VkMemoryRequirements reqs;
    struct vk_hud *hud;
    uint32_t items;
    void *map;

    if (!(items = parse_items(d3d11vk_config_get("HUD"))))
        return NULL;
    if (!device->enabled.v13.dynamicRendering)
    {
        LOG_WARN("The HUD needs dynamic rendering, which the device lacks.");
        return NULL;
    }
    if (!(hud = calloc(1, sizeof(*hud))))
        return NULL;
    font_init();
    hud->device = device;
    hud->items = items;
    layout_info.pushConstantRangeCount = 1;
    layout_info.pPushConstantRanges = &push;
    buffer_info.size = (VkDeviceSize)HUD_FRAMES * HUD_MAX_INSTANCES * sizeof(struct hud_instance);
    buffer_info.usage = VK_BUFFER_USAGE_VERTEX_BUFFER_BIT;
    if (device->vk.vkCreatePipelineLayout(device->device, &layout_info, NULL, &hud->layout) != VK_SUCCESS
            || device->vk.vkCreateBuffer(device->device, &buffer_info, NULL, &hud->buffer) != VK_SUCCESS)
        goto fail;
    device->vk.vkGetBufferMemoryRequirements(device->device, hud->buffer, &reqs);
    alloc.allocationSize = reqs.size;
    if ((alloc.memoryTypeIndex = find_memory_type(device, reqs.memoryTypeBits,
            VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT)) == UINT32_MAX
            || device->vk.vkAllocateMemory(device->device, &alloc, NULL, &hud->memory) != VK_SUCCESS
            || device->vk.vkBindBufferMemory(device->device, hud->buffer, hud->memory, 0) != VK_SUCCESS
            || device->vk.vkMapMemory(device->device, hud->memory, 0, VK_WHOLE_SIZE, 0, &map) != VK_SUCCESS)
        goto fail;
    hud->map = map;
    LOG_INFO("HUD on (items %#x).", items);
    return hud;

fail:
    LOG_ERR("The HUD could not be set up.");
    vk_hud_destroy(hud);
    return NULL;
}

static void destroy_views(struct vk_hud *hud)
{
    struct vk_device *device = hud->device;
    uint32_t i;

    for (i = 0; i < hud->view_count; ++i)
        device->vk.vkDestroyImageView(device->device, hud->views[i], NULL);
    hud->view_count = 0;
    hud->swapchain = VK_NULL_HANDLE;
}

void vk_hud_destroy(struct vk_hud *hud)
{
    struct vk_device *device;

    if (!hud)
        return;
    device = hud->device;
    destroy_views(hud);
    if (hud->pipeline)
        device->vk.vkDestroyPipeline(device->device, hud->pipeline, NULL);
    if (hud->layout)
        device->vk.vkDestroyPipelineLayout(device->device, hud->layout, NULL);
    if (hud->buffer)
        device->vk.vkDestroyBuffer(device->device, hud->buffer, NULL);
    if (hud->memory)
        device->vk.vkFreeMemory(device->device, hud->memory, NULL);
    free(hud);
}

VkImageUsageFlags vk_hud_image_usage(const struct vk_hud *hud)
{
    return hud ? VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT : 0;
}

VkResult vk_overlay_pipeline_create(struct vk_device *device, const uint32_t *vs, size_t vs_size,
        const uint32_t *fs, size_t fs_size, const VkPipelineVertexInputStateCreateInfo *vertex,
        const VkPipelineColorBlendAttachmentState *blend_att, VkPipelineLayout layout, VkFormat format,
        VkPipeline *pipeline)
{
    VkShaderModuleCreateInfo module_info = { VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO };
    VkPipelineShaderStageCreateInfo stages[2] = { { VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO },
            { VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO } };
    static const VkPipelineVertexInputStateCreateInfo no_vertex = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO };
    VkPipelineInputAssemblyStateCreateInfo ia = { VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO };
    VkPipelineViewportStateCreateInfo vp = { VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO };
    VkPipelineRasterizationStateCreateInfo rs = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO };
    VkPipelineMultisampleStateCreateInfo ms = { VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO };
    VkPipelineColorBlendStateCreateInfo blend = { VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO };
    static const VkDynamicState dyn_states[] = { VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR };
    VkPipelineDynamicStateCreateInfo dyn = { VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO };
    VkPipelineRenderingCreateInfo rendering = { VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO };
    VkGraphicsPipelineCreateInfo info = { VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO };
    VkShaderModule modules[2] = { VK_NULL_HANDLE, VK_NULL_HANDLE };
    VkResult vr;

    *pipeline = VK_NULL_HANDLE;
    module_info.codeSize = vs_size;
    module_info.pCode = vs;
    if ((vr = device->vk.vkCreateShaderModule(device->device, &module_info, NULL, &modules[0])) != VK_SUCCESS)
        goto done;
    module_info.codeSize = fs_size;
    module_info.pCode = fs;
    if ((vr = device->vk.vkCreateShaderModule(device->device, &module_info, NULL, &modules[1])) != VK_SUCCESS)
        goto done;
    stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
    stages[0].module = modules[0];
    stages[0].pName = "main";
    stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
    stages[1].module = modules[1];
    stages[1].pName = "main";
    ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    vp.viewportCount = vp.scissorCount = 1;
    rs.polygonMode = VK_POLYGON_MODE_FILL;
    rs.cullMode = VK_CULL_MODE_NONE;
    rs.lineWidth = 1.0f;
    ms.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
    blend.attachmentCount = 1;
    blend.pAttachments = blend_att;
    dyn.dynamicStateCount = ARRAY_SIZE(dyn_states);
    dyn.pDynamicStates = dyn_states;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachmentFormats = &format;
    info.pNext = &rendering;
    info.stageCount = 2;
    info.pStages = stages;
    info.pVertexInputState = vertex ? vertex : &no_vertex;
    info.pInputAssemblyState = &ia;
    info.pViewportState = &vp;
    info.pRasterizationState = &rs;
    info.pMultisampleState = &ms;
    info.pColorBlendState = &blend;
    info.pDynamicState = &dyn;
    info.layout = layout;
    if ((vr = device->vk.vkCreateGraphicsPipelines(device->device, VK_NULL_HANDLE, 1, &info, NULL, pipeline)) != VK_SUCCESS)
        *pipeline = VK_NULL_HANDLE;
done:
    if (modules[0])
        device->vk.vkDestroyShaderModule(device->device, modules[0], NULL);
    if (modules[1])
        device->vk.vkDestroyShaderModule(device->device, modules[1], NULL);
    return vr;
}

static VkResult create_pipeline(struct vk_hud *hud, VkFormat format)
{
    static const VkVertexInputBindingDescription binding = { 0, sizeof(struct hud_instance), VK_VERTEX_INPUT_RATE_INSTANCE };
    static const VkVertexInputAttributeDescription attributes[] =
    {
        { 0, 0, VK_FORMAT_R32G32B32A32_SFLOAT, 0 },
        { 1, 0, VK_FORMAT_R32G32_UINT, 16 },
        { 2, 0, VK_FORMAT_R8G8B8A8_UNORM, 24 },
    };
    VkPipelineVertexInputStateCreateInfo vertex = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO };
    VkPipelineColorBlendAttachmentState blend_att = { 0 };
    struct vk_device *device = hud->device;
    VkResult vr;

    if (hud->pipeline)
        device->vk.vkDestroyPipeline(device->device, hud->pipeline, NULL);
    hud->pipeline = VK_NULL_HANDLE;
    vertex.vertexBindingDescriptionCount = 1;
    vertex.pVertexBindingDescriptions = &binding;
    vertex.vertexAttributeDescriptionCount = ARRAY_SIZE(attributes);
    vertex.pVertexAttributeDescriptions = attributes;
    blend_att.blendEnable = VK_TRUE;
    blend_att.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
    blend_att.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blend_att.colorBlendOp = VK_BLEND_OP_ADD;
    blend_att.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    blend_att.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    blend_att.alphaBlendOp = VK_BLEND_OP_ADD;
    blend_att.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT | VK_COLOR_COMPONENT_B_BIT;
    if ((vr = vk_overlay_pipeline_create(device, hud_vs, sizeof(hud_vs), hud_fs, sizeof(hud_fs), &vertex, &blend_att,
            hud->layout, format, &hud->pipeline)) == VK_SUCCESS)
        hud->pipeline_format = format;
    return vr;
}

/* The swapchain's images changed: every frame that used the old views has completed (the
 * presenter waits for them before it replaces a swapchain). */
static VkResult update_views(struct vk_hud *hud, VkSwapchainKHR swapchain, const VkImage *images, uint32_t count,
        VkFormat format)
{
    VkImageViewCreateInfo info = { VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO };
    struct vk_device *device = hud->device;
    uint32_t i;
    VkResult vr;

    if (hud->swapchain == swapchain && hud->view_count == count && hud->view_format == format
            && !memcmp(hud->images, images, count * sizeof(*images)))
        return VK_SUCCESS;
    destroy_views(hud);
    if (count > HUD_MAX_VIEWS)
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    info.viewType = VK_IMAGE_VIEW_TYPE_2D;
    info.format = format;
    info.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    info.subresourceRange.levelCount = info.subresourceRange.layerCount = 1;
    for (i = 0; i < count; ++i)
    {
        info.image = images[i];
        if ((vr = device->vk.vkCreateImageView(device->device, &info, NULL, &hud->views[i])) != VK_SUCCESS)
        {
            destroy_views(hud);
            return vr;
        }
        hud->images[i] = images[i];
        hud->view_count = i + 1;
    }
    hud->swapchain = swapchain;
    hud->view_format = format;
    return VK_SUCCESS;
}

/* Layout helpers ----------------------------------------------------------------------- */

static void add_box(struct vk_hud *hud, float x, float y, float w, float h, uint32_t color)
{
    struct hud_instance *i;

    if (hud->count >= HUD_MAX_INSTANCES)
        return;
    i = &hud->out[hud->count++];
    i->rect[0] = x;
    i->rect[1] = y;
    i->rect[2] = w;
    i->rect[3] = h;
    i->bits[0] = i->bits[1] = 0xffffffffu;
    i->color = color;
    i->pad = 0;
}

/* Returns the width drawn, in pixels. */
static float add_text(struct vk_hud *hud, float x, float y, uint32_t color, const char *text)
{
    float start = x, cell = 8.0f * hud->scale, advance = 6.0f * hud->scale;
    struct hud_instance *i;

    for (; *text; ++text, x += advance)
    {
        unsigned char c = (unsigned char)*text;
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (c >= 128 || (!glyph_bits[c][0] && !glyph_bits[c][1]) || hud->count >= HUD_MAX_INSTANCES)
            continue;
        i = &hud->out[hud->count++];
        i->rect[0] = x;
        i->rect[1] = y;
        i->rect[2] = i->rect[3] = cell;
        i->bits[0] = glyph_bits[c][0];
        i->bits[1] = glyph_bits[c][1];
        i->color = color;
        i->pad = 0;
    }
    return x - start;
}

#define RGBA(r, g, b, a) ((uint32_t)(r) | (uint32_t)(g) << 8 | (uint32_t)(b) << 16 | (uint32_t)(a) << 24)

static void format_bytes(char *buf, size_t size, uint64_t bytes)
{
    if (bytes >= 10ull << 30)
        snprintf(buf, size, "%.1f GIB", bytes / (double)(1ull << 30));
    else if (bytes >= 1ull << 20)
        snprintf(buf, size, "%.1f MIB", bytes / (double)(1ull << 20));
    else
        snprintf(buf, size, "%.1f KIB", bytes / 1024.0);
}

static void build(struct vk_hud *hud, VkExtent2D extent, const struct vk_hud_stats *stats)
{
    static const uint32_t white = RGBA(255, 255, 255, 255), yellow = RGBA(255, 220, 80, 255);
    static const uint32_t cyan = RGBA(120, 220, 255, 255), backdrop = RGBA(0, 0, 0, 150);
    const VkPhysicalDeviceProperties *props = &hud->device->adapter->properties.properties;
    float line, x0, y, width = 0.0f, w;
    char text[256], a[32], b[32];
    uint32_t backdrop_index, i;

    /* 8x8 cells scaled with the image height: 1x up to ~800 lines, 2x at 1080p, 4x at 2160p. */
    hud->scale = (float)d3d11vk_max(1u, (extent.height + 240) / 540);
    line = 10.0f * hud->scale;
    x0 = y = 4.0f * hud->scale;
    backdrop_index = hud->count;
    add_box(hud, 0, 0, 0, 0, backdrop);   /* sized at the end */

#define LINE(color, ...) do { snprintf(text, sizeof(text), __VA_ARGS__); \
        w = add_text(hud, x0, y, color, text); width = w > width ? w : width; y += line; } while (0)

    if (hud->items & HUD_VERSION)
        LINE(white, "D3D11VK %s", D3D11VK_VERSION);
    if (hud->items & HUD_DEVINFO)
    {
        LINE(cyan, "%.80s", props->deviceName);
        LINE(cyan, "DRIVER %.40s %.60s, VULKAN %u.%u.%u", hud->device->adapter->properties12.driverName,
                hud->device->adapter->properties12.driverInfo, VK_API_VERSION_MAJOR(props->apiVersion),
                VK_API_VERSION_MINOR(props->apiVersion), VK_API_VERSION_PATCH(props->apiVersion));
    }
    if (hud->items & HUD_FPS)
        LINE(yellow, "FPS %.1f", hud->fps);
    if (hud->items & HUD_FRAMETIMES)
    {
        float min = 1e30f, max = 0.0f, sum = 0.0f, gh = 40.0f * hud->scale, bw = hud->scale;
        uint32_t n = 0;

        for (i = 0; i < HUD_HISTORY; ++i)
            if (hud->history[i] > 0.0f)
            {
                min = hud->history[i] < min ? hud->history[i] : min;
                max = hud->history[i] > max ? hud->history[i] : max;
                sum += hud->history[i];
                ++n;
            }
        if (n)
            LINE(white, "FRAME %.2f MS (MIN %.2f MAX %.2f)", sum / n, min, max);
        else
            LINE(white, "FRAME - MS");
        /* The graph: one bar per frame, oldest on the left, scaled to 2x the average (33 ms at least). */
        {
            float full = n ? d3d11vk_max(2.0f * sum / n, 33.3f) : 33.3f;
            add_box(hud, x0, y, HUD_HISTORY * bw, gh, RGBA(40, 40, 40, 160));
            for (i = 0; i < HUD_HISTORY; ++i)
            {
                float v = hud->history[(hud->history_pos + i) % HUD_HISTORY], h;
                if (v <= 0.0f)
                    continue;
                h = d3d11vk_min(v / full, 1.0f) * gh;
                add_box(hud, x0 + i * bw, y + gh - h, bw, h, v > 1.5f * sum / n ? RGBA(255, 80, 60, 255) : RGBA(80, 230, 120, 255));
            }
            width = d3d11vk_max(width, HUD_HISTORY * bw);
            y += gh + 2.0f * hud->scale;
        }
    }
    if (hud->items & HUD_MEMORY)
    {
        struct vk_memory_stats mem;
        vk_memory_get_stats(hud->device, &mem);
        format_bytes(a, sizeof(a), mem.used);
        format_bytes(b, sizeof(b), mem.allocated);
        LINE(white, "MEMORY %s USED, %s ALLOCATED (%u)", a, b, mem.device_memory_count);
    }
    if (hud->items & HUD_SUBMISSIONS)
    {
        /* Every device submission signals the next timeline value; presents submit on their own. */
        uint64_t device_submits, presents = stats ? stats->presents : 0, per_frame;
        plat_mutex_lock(&hud->device->queue_lock);
        device_submits = vk_core(hud->device)->timeline_value;
        plat_mutex_unlock(&hud->device->queue_lock);
        if (stats && stats->queue_submissions)
            device_submits = stats->queue_submissions;
        per_frame = device_submits - hud->last_submits;
        hud->last_submits = device_submits;
        LINE(white, "SUBMISSIONS %llu (%llu THIS FRAME), PRESENTS %llu", (unsigned long long)(device_submits + presents),
                (unsigned long long)per_frame + 1, (unsigned long long)presents);
    }
    if (hud->items & HUD_PIPELINES)
    {
        struct vk_pipeline_stats ps;
        vk_pipeline_get_stats(hud->device, &ps);
        LINE(white, "PIPELINES %llu GRAPHICS, %llu COMPUTE (%.1f MS)", (unsigned long long)ps.graphics,
                (unsigned long long)ps.compute, ps.create_ns / 1e6);
    }
#undef LINE
    hud->out[backdrop_index].rect[2] = width + 8.0f * hud->scale;
    hud->out[backdrop_index].rect[3] = y + 2.0f * hud->scale;
}

static void barrier(struct vk_device *device, VkCommandBuffer cmd, VkImage image, VkPipelineStageFlags src_stage,
        VkAccessFlags src, VkImageLayout old, VkPipelineStageFlags dst_stage, VkAccessFlags dst, VkImageLayout layout)
{
    VkImageMemoryBarrier b = { VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER };

    b.srcAccessMask = src;
    b.dstAccessMask = dst;
    b.oldLayout = old;
    b.newLayout = layout;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    b.subresourceRange.levelCount = b.subresourceRange.layerCount = 1;
    device->vk.vkCmdPipelineBarrier(cmd, src_stage, dst_stage, 0, 0, NULL, 0, NULL, 1, &b);
}

void vk_hud_record(struct vk_hud *hud, VkCommandBuffer cmd, VkSwapchainKHR swapchain, const VkImage *images,
        uint32_t image_count, VkImage image, VkFormat format, VkExtent2D extent, const struct vk_hud_stats *stats)
{
    VkRenderingAttachmentInfo attachment = { VK_STRUCTURE_TYPE_RENDERING_ATTACHMENT_INFO };
    VkRenderingInfo rendering = { VK_STRUCTURE_TYPE_RENDERING_INFO };
    struct vk_device *device;
    VkDeviceSize offset;
    VkViewport viewport;
    VkRect2D scissor;
    uint64_t now;
    uint32_t index;
    float push[2];
    VkResult vr;

    if (!hud || hud->failed || !extent.width || !extent.height)
        return;
    device = hud->device;

    /* Timing: the interval between two presents is a frame. */
    now = plat_time_ns();
    if (hud->last_ns)
    {
        hud->history[hud->history_pos] = (float)((now - hud->last_ns) / 1e6);
        hud->history_pos = (hud->history_pos + 1) % HUD_HISTORY;
    }
    hud->last_ns = now;
    if (!hud->fps_start_ns)
        hud->fps_start_ns = now;
    ++hud->fps_frames;
    if (now - hud->fps_start_ns >= 500000000ull)
    {
        hud->fps = (float)(hud->fps_frames * 1e9 / (double)(now - hud->fps_start_ns));
        hud->fps_start_ns = now;
        hud->fps_frames = 0;
    }

    for (index = 0; index < image_count && images[index] != image; ++index)
        ;
    if (index == image_count)
        return;
    if ((hud->pipeline_format != format || !hud->pipeline) && (vr = create_pipeline(hud, format)) != VK_SUCCESS)
        goto fail;
    if ((vr = update_views(hud, swapchain, images, image_count, format)) != VK_SUCCESS)
        goto fail;

    /* This frame's slice of the instance buffer: the presenter keeps at most HUD_FRAMES frames in flight. */
    offset = (hud->frame++ % HUD_FRAMES) * HUD_MAX_INSTANCES;
    hud->out = hud->map + offset;
    hud->count = 0;
    build(hud, extent, stats);
    if (!hud->count)
        return;

    barrier(device, cmd, image, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_ACCESS_TRANSFER_WRITE_BIT,
            VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
            VK_ACCESS_COLOR_ATTACHMENT_READ_BIT | VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
    attachment.imageView = hud->views[index];
    attachment.imageLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    attachment.loadOp = VK_ATTACHMENT_LOAD_OP_LOAD;
    attachment.storeOp = VK_ATTACHMENT_STORE_OP_STORE;
    rendering.renderArea.extent = extent;
    rendering.layerCount = 1;
    rendering.colorAttachmentCount = 1;
    rendering.pColorAttachments = &attachment;
    device->vk.vkCmdBeginRendering(cmd, &rendering);
    viewport.x = viewport.y = 0.0f;
    viewport.width = (float)extent.width;
    viewport.height = (float)extent.height;
    viewport.minDepth = 0.0f;
    viewport.maxDepth = 1.0f;
    scissor.offset.x = scissor.offset.y = 0;
    scissor.extent = extent;
    device->vk.vkCmdSetViewport(cmd, 0, 1, &viewport);
    device->vk.vkCmdSetScissor(cmd, 0, 1, &scissor);
    device->vk.vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, hud->pipeline);
    push[0] = 2.0f / extent.width;
    push[1] = 2.0f / extent.height;
    device->vk.vkCmdPushConstants(cmd, hud->layout, VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(push), push);
    offset *= sizeof(struct hud_instance);
    device->vk.vkCmdBindVertexBuffers(cmd, 0, 1, &hud->buffer, &offset);
    device->vk.vkCmdDraw(cmd, 6, hud->count, 0, 0);
    device->vk.vkCmdEndRendering(cmd);
    barrier(device, cmd, image, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
            VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_TRANSFER_BIT,
            VK_ACCESS_TRANSFER_READ_BIT | VK_ACCESS_TRANSFER_WRITE_BIT, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
    return;

fail:
    LOG_ERR("The HUD cannot be drawn (%s); it is turned off.", vk_result_str(vr));
    hud->failed = true;
}
