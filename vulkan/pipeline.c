/* pipeline.c — shader modules with their descriptor set layouts and update templates,
 * pipeline layouts, graphics and compute pipelines cached by key, and the on-disk
 * VkPipelineCache. */
#include "pipeline.h"
#include "containers.h"
#include "config.h"
#include <stdio.h>
#include <spirv/unified1/spirv.h>

struct vk_pipeline_entry
{
    struct vk_pipeline pipeline;
    union
    {
        struct vk_graphics_key graphics;
        struct vk_shader *compute;
    } key;
    bool failed;
    struct vk_pipeline_entry *next;     /* hash collision chain */
};

struct vk_layout_entry
{
    struct vk_pipeline_layout layout;
    VkDescriptorSetLayout key[DXBC_DESCRIPTOR_SET_COUNT];
    uint32_t count;
    struct vk_layout_entry *next;
};

struct vk_pipeline_state
{
    struct plat_mutex lock;
    VkPipelineCache cache;
    char cache_path[1024];
    VkDescriptorSetLayout empty_set_layout;
    struct d3d11vk_hash_map layouts, graphics, compute;
    struct vk_pipeline_stats stats;
    /* The cache is written by a thread of its own once a burst of new pipelines is over, so
     * that it persists even when the device is never destroyed (programs that exit without
     * releasing it), and again at device destruction. */
    struct plat_thread *saver;
    struct plat_cond saver_cond;
    bool saver_stop;
    uint32_t unsaved;                   /* pipelines created since the last save */
    uint64_t last_create_ns;
};

static void note_created(struct vk_device *device, struct vk_pipeline_state *state);

static struct vk_pipeline_state *state_of(struct vk_device *device)
{
    return device->pipelines;
}

/* Shaders ------------------------------------------------------------------------------ */

static VkDescriptorType descriptor_type(enum dxbc_descriptor_type type)
{
    switch (type)
    {
        case DXBC_DESCRIPTOR_UNIFORM_BUFFER: return VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        case DXBC_DESCRIPTOR_SAMPLER: return VK_DESCRIPTOR_TYPE_SAMPLER;
        case DXBC_DESCRIPTOR_SAMPLED_IMAGE: return VK_DESCRIPTOR_TYPE_SAMPLED_IMAGE;
        case DXBC_DESCRIPTOR_UNIFORM_TEXEL_BUFFER: return VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER;
        case DXBC_DESCRIPTOR_STORAGE_IMAGE: return VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;
        case DXBC_DESCRIPTOR_STORAGE_TEXEL_BUFFER: return VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER;
        case DXBC_DESCRIPTOR_STORAGE_BUFFER: return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    }
    return VK_DESCRIPTOR_TYPE_MAX_ENUM;
}

static VkShaderStageFlagBits stage_bit(enum dxbc_stage stage)
{
    static const VkShaderStageFlagBits bits[DXBC_STAGE_COUNT] =
    {
        VK_SHADER_STAGE_VERTEX_BIT, VK_SHADER_STAGE_TESSELLATION_CONTROL_BIT,
        VK_SHADER_STAGE_TESSELLATION_EVALUATION_BIT, VK_SHADER_STAGE_GEOMETRY_BIT,
        VK_SHADER_STAGE_FRAGMENT_BIT, VK_SHADER_STAGE_COMPUTE_BIT,
    };
    return bits[stage];
}

static int compare_binding(const void *a, const void *b)
{
    const struct vk_shader_binding *x = a, *y = b;
    return x->binding < y->binding ? -1 : x->binding > y->binding;
}

static bool copy_info(struct dxbc_shader_info *dst, const struct dxbc_shader_info *src)
{
    *dst = *src;
    dst->resources = NULL;
    dst->inputs = dst->outputs = NULL;
    if (src->resource_count && !(dst->resources = malloc(src->resource_count * sizeof(*src->resources))))
        return false;
    if (src->input_count && !(dst->inputs = malloc(src->input_count * sizeof(*src->inputs))))
        return false;
    if (src->output_count && !(dst->outputs = malloc(src->output_count * sizeof(*src->outputs))))
        return false;
    if (src->resource_count)
        memcpy(dst->resources, src->resources, src->resource_count * sizeof(*src->resources));
    if (src->input_count)
        memcpy(dst->inputs, src->inputs, src->input_count * sizeof(*src->inputs));
    if (src->output_count)
        memcpy(dst->outputs, src->outputs, src->output_count * sizeof(*src->outputs));
    return true;
}

static void shader_destroy(struct vk_object *obj)
{
    struct vk_shader *shader = CONTAINING_RECORD(obj, struct vk_shader, obj);
    struct vk_device *device = obj->device;

    if (shader->update_template)
        device->vk.vkDestroyDescriptorUpdateTemplate(device->device, shader->update_template, NULL);
    if (shader->set_layout)
        device->vk.vkDestroyDescriptorSetLayout(device->device, shader->set_layout, NULL);
    if (shader->module)
        device->vk.vkDestroyShaderModule(device->device, shader->module, NULL);
    free(shader->bindings);
    free(shader->info.resources);
    free(shader->info.inputs);
    free(shader->info.outputs);
    free(shader);
}

/* One binding per resource, plus the hidden counter of append/consume UAVs. */
static bool collect_bindings(struct vk_shader *shader, const struct dxbc_shader_info *info)
{
    unsigned int i, n = 0;

    if (!(shader->bindings = calloc(info->resource_count * 2 + 1, sizeof(*shader->bindings))))
        return false;
    for (i = 0; i < info->resource_count; ++i)
    {
        const struct dxbc_resource_info *r = &info->resources[i];
        struct vk_shader_binding *b = &shader->bindings[n++];

        b->binding = r->binding;
        b->type = descriptor_type(r->descriptor);
        b->kind = r->kind;
        b->slot = r->slot;
        b->dim = r->dim;
        if (r->kind == DXBC_BINDING_UAV && (r->flags & DXBC_RESOURCE_USES_COUNTER))
        {
            b = &shader->bindings[n++];
            b->binding = dxbc_binding_index(info->stage, DXBC_BINDING_UAV_COUNTER, r->slot);
            b->type = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
            b->kind = DXBC_BINDING_UAV_COUNTER;
            b->slot = r->slot;
            b->dim = DXBC_RES_DIM_RAW_BUFFER;
        }
    }
    /* D3D11 allows 14 constant buffers per stage; with every graphics stage's set in one
     * pipeline layout, dynamic ones need room for all of them. */
    if (shader->obj.device->adapter->properties.properties.limits.maxDescriptorSetUniformBuffersDynamic
            >= DXBC_DESCRIPTOR_SET_COUNT * DXBC_MAX_CBV_SLOTS)
    {
        for (i = 0; i < n; ++i)
            if (shader->bindings[i].type == VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER)
                shader->bindings[i].type = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC;
    }
    qsort(shader->bindings, n, sizeof(*shader->bindings), compare_binding);
    /* A binding listed twice (a counter also declared as a resource) is kept once. */
    for (i = 1; i < n; ++i)
        if (shader->bindings[i].binding == shader->bindings[i - 1].binding)
        {
            memmove(&shader->bindings[i], &shader->bindings[i + 1], (n - i - 1) * sizeof(*shader->bindings));
            --n;
            --i;
        }
    shader->binding_count = n;
    for (i = 0; i < n; ++i)
        if (shader->bindings[i].type == VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC)
            ++shader->dynamic_count;
    return true;
}

/* The compiler numbers bindings by the formula of DESIGN decision 5 (stage * 288 + kind base +
 * slot), unique across stages. Each stage has a set of its own, so inside the set only the order
 * matters: the module's Binding decorations are renumbered 0..n-1 in the order of
 * shader->bindings (sorted by formula number). Drivers size per-set tables and walk them by the
 * highest binding number (a pixel shader's SRV 0 would be binding 1184), so dense numbers make
 * writing and binding a set cost what its few descriptors cost. Returns a patched copy (NULL
 * when out of memory or the module is malformed). */
static uint32_t *renumber_bindings(struct vk_shader *shader, const uint32_t *spirv, size_t word_count)
{
    uint32_t *words;
    size_t i;

    if (word_count < 5 || !(words = malloc(word_count * sizeof(*words))))
        return NULL;
    memcpy(words, spirv, word_count * sizeof(*words));
    for (i = 5; i < word_count;)
    {
        uint32_t count = words[i] >> 16, op = words[i] & 0xffff, j;

        if (!count || i + count > word_count)
        {
            free(words);
            return NULL;
        }
        if (op == SpvOpDecorate && count >= 4 && words[i + 2] == SpvDecorationBinding)
        {
            for (j = 0; j < shader->binding_count; ++j)
                if (shader->bindings[j].binding == words[i + 3])
                    break;
            if (j == shader->binding_count)
            {
                LOG_ERR("Binding %u of the module is not in the shader's interface.", words[i + 3]);
                free(words);
                return NULL;
            }
            words[i + 3] = j;
        }
        i += count;
    }
    for (i = 0; i < shader->binding_count; ++i)
        shader->bindings[i].binding = (uint32_t)i;
    return words;
}

VkResult vk_shader_create(struct vk_device *device, const uint32_t *spirv, size_t word_count,
        const struct dxbc_shader_info *info, struct vk_shader **out)
{
    VkShaderModuleCreateInfo module_info = { VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO };
    VkDescriptorSetLayoutCreateInfo set_info = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO };
    VkDescriptorUpdateTemplateCreateInfo template_info = { VK_STRUCTURE_TYPE_DESCRIPTOR_UPDATE_TEMPLATE_CREATE_INFO };
    VkDescriptorSetLayoutBinding *bindings = NULL;
    VkDescriptorUpdateTemplateEntry *entries = NULL;
    uint32_t *patched;
    struct vk_shader *shader;
    VkResult vr = VK_ERROR_OUT_OF_HOST_MEMORY;
    uint32_t i;

    if (!(shader = calloc(1, sizeof(*shader))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    vk_object_init(&shader->obj, device, VK_OBJ_MARKER, shader_destroy);
    shader->dxbc_stage = info->stage;
    shader->stage = stage_bit(info->stage);
    shader->hash = d3d11vk_hash_bytes(spirv, word_count * sizeof(*spirv), info->stage);
    if (!copy_info(&shader->info, info) || !collect_bindings(shader, info))
        goto fail;

    if (!(patched = renumber_bindings(shader, spirv, word_count)))
        goto fail;
    module_info.codeSize = word_count * sizeof(*spirv);
    module_info.pCode = patched;
    vr = device->vk.vkCreateShaderModule(device->device, &module_info, NULL, &shader->module);
    free(patched);
    if (vr != VK_SUCCESS)
        goto fail;

    vr = VK_ERROR_OUT_OF_HOST_MEMORY;
    if (shader->binding_count && (!(bindings = calloc(shader->binding_count, sizeof(*bindings)))
            || !(entries = calloc(shader->binding_count, sizeof(*entries)))))
        goto fail;
    for (i = 0; i < shader->binding_count; ++i)
    {
        bindings[i].binding = shader->bindings[i].binding;
        bindings[i].descriptorType = shader->bindings[i].type;
        bindings[i].descriptorCount = 1;
        bindings[i].stageFlags = shader->stage;
        entries[i].dstBinding = shader->bindings[i].binding;
        entries[i].descriptorCount = 1;
        entries[i].descriptorType = shader->bindings[i].type;
        entries[i].offset = i * sizeof(union vk_descriptor);
        entries[i].stride = sizeof(union vk_descriptor);
    }
    set_info.bindingCount = shader->binding_count;
    set_info.pBindings = bindings;
    if ((vr = device->vk.vkCreateDescriptorSetLayout(device->device, &set_info, NULL, &shader->set_layout)) != VK_SUCCESS)
        goto fail;
    if (shader->binding_count)
    {
        template_info.descriptorUpdateEntryCount = shader->binding_count;
        template_info.pDescriptorUpdateEntries = entries;
        template_info.templateType = VK_DESCRIPTOR_UPDATE_TEMPLATE_TYPE_DESCRIPTOR_SET;
        template_info.descriptorSetLayout = shader->set_layout;
        if ((vr = device->vk.vkCreateDescriptorUpdateTemplate(device->device, &template_info, NULL,
                &shader->update_template)) != VK_SUCCESS)
            goto fail;
    }
    free(bindings);
    free(entries);
    *out = shader;
    return VK_SUCCESS;

fail:
    LOG_ERR("Shader creation failed: %s.", vk_result_str(vr));
    free(bindings);
    free(entries);
    shader_destroy(&shader->obj);
    return vr;
}

void vk_shader_write_set(struct vk_shader *shader, VkDescriptorSet set, const union vk_descriptor *data)
{
    struct vk_device *device = shader->obj.device;

    if (shader->update_template)
        device->vk.vkUpdateDescriptorSetWithTemplate(device->device, set, shader->update_template, data);
}

/* Pipeline layouts ------------------------------------------------------------------------ */

/* Called with state->lock held. */
static const struct vk_pipeline_layout *layout_get_locked(struct vk_device *device,
        struct vk_shader *const *shaders, uint32_t count)
{
    VkPipelineLayoutCreateInfo info = { VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO };
    struct vk_pipeline_state *state = state_of(device);
    VkDescriptorSetLayout key[DXBC_DESCRIPTOR_SET_COUNT];
    struct vk_layout_entry *e, *head;
    uint64_t hash;
    uint32_t i;

    if (count > DXBC_DESCRIPTOR_SET_COUNT)
        return NULL;
    for (i = 0; i < count; ++i)
        key[i] = shaders[i] ? shaders[i]->set_layout : state->empty_set_layout;
    hash = d3d11vk_hash_bytes(key, count * sizeof(*key), count);
    head = d3d11vk_hash_map_get(&state->layouts, hash);
    for (e = head; e; e = e->next)
        if (e->count == count && !memcmp(e->key, key, count * sizeof(*key)))
            break;
    if (!e && (e = calloc(1, sizeof(*e))))
    {
        memcpy(e->key, key, count * sizeof(*key));
        memcpy(e->layout.set_layouts, key, count * sizeof(*key));
        e->count = e->layout.set_count = count;
        info.setLayoutCount = count;
        info.pSetLayouts = key;
        if (device->vk.vkCreatePipelineLayout(device->device, &info, NULL, &e->layout.layout) != VK_SUCCESS
                || !d3d11vk_hash_map_put(&state->layouts, hash, e))
        {
            if (e->layout.layout)
                device->vk.vkDestroyPipelineLayout(device->device, e->layout.layout, NULL);
            free(e);
            e = NULL;
        }
        else
            e->next = head;
    }
    return e ? &e->layout : NULL;
}

const struct vk_pipeline_layout *vk_pipeline_layout_get(struct vk_device *device,
        struct vk_shader *const *shaders, uint32_t count)
{
    struct vk_pipeline_state *state = state_of(device);
    const struct vk_pipeline_layout *layout;

    plat_mutex_lock(&state->lock);
    layout = layout_get_locked(device, shaders, count);
    plat_mutex_unlock(&state->lock);
    return layout;
}

/* Graphics pipelines ------------------------------------------------------------------------ */

static VkShaderStageFlagBits key_stage(unsigned int i)
{
    return stage_bit((enum dxbc_stage)i);
}

static bool shader_has_uavs(const struct vk_shader *shader)
{
    uint32_t i;

    for (i = 0; shader && i < shader->binding_count; ++i)
        if (shader->bindings[i].kind == DXBC_BINDING_UAV)
            return true;
    return false;
}

static VkResult create_graphics(struct vk_device *device, struct vk_pipeline_state *state,
        const struct vk_graphics_key *key, struct vk_pipeline *out)
{
    static const VkDynamicState dynamic[] =
    {
        VK_DYNAMIC_STATE_VIEWPORT_WITH_COUNT, VK_DYNAMIC_STATE_SCISSOR_WITH_COUNT,
        VK_DYNAMIC_STATE_CULL_MODE, VK_DYNAMIC_STATE_FRONT_FACE, VK_DYNAMIC_STATE_PRIMITIVE_TOPOLOGY,
        VK_DYNAMIC_STATE_DEPTH_TEST_ENABLE, VK_DYNAMIC_STATE_DEPTH_WRITE_ENABLE, VK_DYNAMIC_STATE_DEPTH_COMPARE_OP,
        VK_DYNAMIC_STATE_DEPTH_BOUNDS_TEST_ENABLE, VK_DYNAMIC_STATE_STENCIL_TEST_ENABLE, VK_DYNAMIC_STATE_STENCIL_OP,
        VK_DYNAMIC_STATE_DEPTH_BIAS_ENABLE, VK_DYNAMIC_STATE_PRIMITIVE_RESTART_ENABLE,
        VK_DYNAMIC_STATE_VERTEX_INPUT_BINDING_STRIDE, VK_DYNAMIC_STATE_DEPTH_BIAS, VK_DYNAMIC_STATE_BLEND_CONSTANTS,
        VK_DYNAMIC_STATE_STENCIL_COMPARE_MASK, VK_DYNAMIC_STATE_STENCIL_WRITE_MASK, VK_DYNAMIC_STATE_STENCIL_REFERENCE,
        VK_DYNAMIC_STATE_DEPTH_BOUNDS,
    };
    VkPipelineShaderStageCreateInfo stages[5];
    VkSpecializationMapEntry spec_entry = { DXBC_SPEC_SAMPLE_COUNT, 0, sizeof(uint32_t) };
    uint32_t spec_samples = key->samples ? key->samples : 1;
    VkSpecializationInfo spec = { 1, &spec_entry, sizeof(spec_samples), &spec_samples };
    VkVertexInputBindingDescription vb[VK_MAX_VERTEX_ATTRIBUTES];
    VkVertexInputAttributeDescription va[VK_MAX_VERTEX_ATTRIBUTES];
    VkVertexInputBindingDivisorDescriptionEXT divisors[VK_MAX_VERTEX_ATTRIBUTES];
    VkPipelineVertexInputDivisorStateCreateInfoEXT divisor_info = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_DIVISOR_STATE_CREATE_INFO_EXT };
    VkPipelineVertexInputStateCreateInfo vi = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO };
    VkPipelineInputAssemblyStateCreateInfo ia = { VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO };
    VkPipelineTessellationStateCreateInfo ts = { VK_STRUCTURE_TYPE_PIPELINE_TESSELLATION_STATE_CREATE_INFO };
    VkPipelineViewportStateCreateInfo vp = { VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO };
    VkPipelineRasterizationStateCreateInfo rs = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO };
    VkPipelineRasterizationDepthClipStateCreateInfoEXT clip = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_DEPTH_CLIP_STATE_CREATE_INFO_EXT };
    VkPipelineRasterizationStateStreamCreateInfoEXT stream = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_STREAM_CREATE_INFO_EXT };
    VkPipelineMultisampleStateCreateInfo ms = { VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO };
    VkPipelineDepthStencilStateCreateInfo ds = { VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO };
    VkPipelineColorBlendAttachmentState blend[VK_MAX_RENDER_TARGETS];
    VkPipelineColorBlendStateCreateInfo cb = { VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO };
    VkPipelineDynamicStateCreateInfo dyn = { VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO };
    VkPipelineRenderingCreateInfo rendering = { VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO };
    VkGraphicsPipelineCreateInfo info = { VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO };
    VkFormat depth_format = key->ds_format;
    uint32_t i, n = 0, divisor_count = 0;
    uint64_t start = plat_time_ns();
    bool rasterize;
    VkResult vr;

    if (!key->shaders[0] || !(out->layout = layout_get_locked(device, key->shaders, DXBC_DESCRIPTOR_SET_COUNT)))
        return VK_ERROR_INITIALIZATION_FAILED;
    for (i = 0; i < 5; ++i)
    {
        if (!key->shaders[i])
            continue;
        memset(&stages[n], 0, sizeof(stages[n]));
        stages[n].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
        stages[n].stage = key_stage(i);
        stages[n].module = key->shaders[i]->module;
        stages[n].pName = "main";
        stages[n].pSpecializationInfo = &spec;
        ++n;
    }

    for (i = 0; i < key->binding_count; ++i)
    {
        vb[i].binding = key->bindings[i].binding;
        vb[i].stride = 0;   /* dynamic */
        vb[i].inputRate = key->bindings[i].per_instance ? VK_VERTEX_INPUT_RATE_INSTANCE : VK_VERTEX_INPUT_RATE_VERTEX;
        if (key->bindings[i].per_instance && key->bindings[i].divisor != 1)
        {
            divisors[divisor_count].binding = key->bindings[i].binding;
            divisors[divisor_count].divisor = key->bindings[i].divisor;
            ++divisor_count;
        }
    }
    for (i = 0; i < key->attribute_count; ++i)
    {
        va[i].location = key->attributes[i].location;
        va[i].binding = key->attributes[i].binding;
        va[i].format = key->attributes[i].format;
        va[i].offset = key->attributes[i].offset;
    }
    vi.vertexBindingDescriptionCount = key->binding_count;
    vi.pVertexBindingDescriptions = vb;
    vi.vertexAttributeDescriptionCount = key->attribute_count;
    vi.pVertexAttributeDescriptions = va;
    if (divisor_count && device->extensions[VK_EXT_INDEX_VERTEX_ATTRIBUTE_DIVISOR])
    {
        divisor_info.vertexBindingDivisorCount = divisor_count;
        divisor_info.pVertexBindingDivisors = divisors;
        vi.pNext = &divisor_info;
    }
    else if (divisor_count)
        LOG_WARN("Instance step rates other than 1 need VK_EXT_vertex_attribute_divisor.");

    ia.topology = key->topology_class;
    ts.patchControlPoints = key->patch_control_points ? key->patch_control_points : 1;

    rasterize = key->rasterized_stream != ~0u;
    /* A sample mask without bit 0 on a single-sample pipeline lets nothing through; some drivers
     * (lavapipe) apply the mask only when multisampling. Without PS UAVs, whose writes D3D11
     * keeps, not rasterizing gives the same result. */
    if (rasterize && (!key->samples || key->samples == VK_SAMPLE_COUNT_1_BIT) && !(key->sample_mask & 1)
            && !shader_has_uavs(key->shaders[DXBC_STAGE_PS]))
        rasterize = false;
    rs.depthClampEnable = key->depth_clamp;
    rs.rasterizerDiscardEnable = !rasterize;
    rs.polygonMode = key->fill_mode;
    rs.lineWidth = 1.0f;
    if (device->extensions[VK_EXT_INDEX_DEPTH_CLIP_ENABLE] && device->enabled.depth_clip.depthClipEnable)
    {
        clip.depthClipEnable = key->depth_clip;
        clip.pNext = rs.pNext;
        rs.pNext = &clip;
    }
    if (rasterize && key->rasterized_stream && device->extensions[VK_EXT_INDEX_TRANSFORM_FEEDBACK])
    {
        stream.rasterizationStream = key->rasterized_stream;
        stream.pNext = rs.pNext;
        rs.pNext = &stream;
    }

    ms.rasterizationSamples = key->samples ? key->samples : VK_SAMPLE_COUNT_1_BIT;
    ms.pSampleMask = &key->sample_mask;
    ms.alphaToCoverageEnable = key->alpha_to_coverage;

    ds.minDepthBounds = 0.0f;
    ds.maxDepthBounds = 1.0f;

    memset(blend, 0, sizeof(blend));
    for (i = 0; i < key->rt_count && i < VK_MAX_RENDER_TARGETS; ++i)
    {
        blend[i].blendEnable = key->blend[i].enable;
        blend[i].srcColorBlendFactor = key->blend[i].src_color;
        blend[i].dstColorBlendFactor = key->blend[i].dst_color;
        blend[i].colorBlendOp = key->blend[i].color_op;
        blend[i].srcAlphaBlendFactor = key->blend[i].src_alpha;
        blend[i].dstAlphaBlendFactor = key->blend[i].dst_alpha;
        blend[i].alphaBlendOp = key->blend[i].alpha_op;
        blend[i].colorWriteMask = key->blend[i].write_mask;
    }
    cb.logicOpEnable = key->logic_op_enable;
    cb.logicOp = key->logic_op;
    cb.attachmentCount = key->rt_count;
    cb.pAttachments = blend;

    dyn.dynamicStateCount = ARRAY_SIZE(dynamic);
    dyn.pDynamicStates = dynamic;

    rendering.colorAttachmentCount = key->rt_count;
    rendering.pColorAttachmentFormats = key->rt_formats;
    rendering.depthAttachmentFormat = depth_format;
    if (depth_format == VK_FORMAT_D24_UNORM_S8_UINT || depth_format == VK_FORMAT_D32_SFLOAT_S8_UINT
            || depth_format == VK_FORMAT_D16_UNORM_S8_UINT || depth_format == VK_FORMAT_S8_UINT)
        rendering.stencilAttachmentFormat = depth_format;
    if (depth_format == VK_FORMAT_S8_UINT)
        rendering.depthAttachmentFormat = VK_FORMAT_UNDEFINED;

    info.pNext = &rendering;
    info.stageCount = n;
    info.pStages = stages;
    info.pVertexInputState = &vi;
    info.pInputAssemblyState = &ia;
    info.pTessellationState = key->shaders[DXBC_STAGE_HS] ? &ts : NULL;
    info.pViewportState = &vp;
    info.pRasterizationState = &rs;
    info.pMultisampleState = &ms;
    info.pDepthStencilState = &ds;
    info.pColorBlendState = &cb;
    info.pDynamicState = &dyn;
    info.layout = out->layout->layout;
    vr = device->vk.vkCreateGraphicsPipelines(device->device, state->cache, 1, &info, NULL, &out->pipeline);
    out->create_ns = plat_time_ns() - start;
    return vr;
}

static uint64_t graphics_hash(const struct vk_graphics_key *key)
{
    uint64_t h = d3d11vk_hash_bytes(key, offsetof(struct vk_graphics_key, attributes), 1);
    h = d3d11vk_hash_combine(h, d3d11vk_hash_bytes(key->attributes, key->attribute_count * sizeof(*key->attributes), 2));
    h = d3d11vk_hash_combine(h, d3d11vk_hash_bytes(key->bindings, key->binding_count * sizeof(*key->bindings), 3));
    return d3d11vk_hash_combine(h, d3d11vk_hash_bytes(&key->topology_class,
            sizeof(*key) - offsetof(struct vk_graphics_key, topology_class), 4));
}

static bool graphics_equal(const struct vk_graphics_key *a, const struct vk_graphics_key *b)
{
    return !memcmp(a, b, offsetof(struct vk_graphics_key, attributes))
            && !memcmp(a->attributes, b->attributes, a->attribute_count * sizeof(*a->attributes))
            && !memcmp(a->bindings, b->bindings, a->binding_count * sizeof(*a->bindings))
            && !memcmp(&a->topology_class, &b->topology_class, sizeof(*a) - offsetof(struct vk_graphics_key, topology_class));
}

const struct vk_pipeline *vk_graphics_pipeline_get(struct vk_device *device, const struct vk_graphics_key *key)
{
    struct vk_pipeline_state *state = state_of(device);
    struct vk_pipeline_entry *e, *head;
    uint64_t hash = graphics_hash(key);
    unsigned int i;
    VkResult vr;

    plat_mutex_lock(&state->lock);
    head = d3d11vk_hash_map_get(&state->graphics, hash);
    for (e = head; e; e = e->next)
        if (graphics_equal(&e->key.graphics, key))
            break;
    if (!e && (e = calloc(1, sizeof(*e))))
    {
        e->key.graphics = *key;
        for (i = 0; i < 5; ++i)         /* a pipeline keeps its shaders */
            if (key->shaders[i])
                vk_object_addref(&key->shaders[i]->obj);
        if ((vr = create_graphics(device, state, key, &e->pipeline)) != VK_SUCCESS)
        {
            LOG_ERR("Graphics pipeline creation failed: %s.", vk_result_str(vr));
            e->failed = true;
        }
        state->stats.graphics++;
        note_created(device, state);
        state->stats.create_ns += e->pipeline.create_ns;
        e->next = head;
        d3d11vk_hash_map_put(&state->graphics, hash, e);
    }
    plat_mutex_unlock(&state->lock);
    return e && !e->failed ? &e->pipeline : NULL;
}

const struct vk_pipeline *vk_compute_pipeline_get(struct vk_device *device, struct vk_shader *shader)
{
    VkComputePipelineCreateInfo info = { VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO };
    struct vk_pipeline_state *state = state_of(device);
    struct vk_pipeline_entry *e;
    uint64_t start;
    VkResult vr;

    plat_mutex_lock(&state->lock);
    if (!(e = d3d11vk_hash_map_get(&state->compute, (uint64_t)(uintptr_t)shader)) && (e = calloc(1, sizeof(*e))))
    {
        start = plat_time_ns();
        e->key.compute = shader;
        vk_object_addref(&shader->obj);
        if (!(e->pipeline.layout = layout_get_locked(device, &shader, 1)))
            vr = VK_ERROR_INITIALIZATION_FAILED;
        else
        {
            info.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
            info.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
            info.stage.module = shader->module;
            info.stage.pName = "main";
            info.layout = e->pipeline.layout->layout;
            vr = device->vk.vkCreateComputePipelines(device->device, state->cache, 1, &info, NULL, &e->pipeline.pipeline);
        }
        if (vr != VK_SUCCESS)
        {
            LOG_ERR("Compute pipeline creation failed: %s.", vk_result_str(vr));
            e->failed = true;
        }
        e->pipeline.create_ns = plat_time_ns() - start;
        state->stats.compute++;
        note_created(device, state);
        state->stats.create_ns += e->pipeline.create_ns;
        d3d11vk_hash_map_put(&state->compute, (uint64_t)(uintptr_t)shader, e);
    }
    plat_mutex_unlock(&state->lock);
    return e && !e->failed ? &e->pipeline : NULL;
}

void vk_pipeline_get_stats(struct vk_device *device, struct vk_pipeline_stats *stats)
{
    struct vk_pipeline_state *state = state_of(device);

    plat_mutex_lock(&state->lock);
    *stats = state->stats;
    plat_mutex_unlock(&state->lock);
}

/* The on-disk cache ------------------------------------------------------------------------ */

static void cache_path(struct vk_device *device, char *path, size_t size)
{
    const VkPhysicalDeviceProperties *p = &device->adapter->properties.properties;
    const char *dir = d3d11vk_config_get("CACHE_PATH"), *home;
    char folder[768];

    if (dir && *dir)
        snprintf(folder, sizeof(folder), "%s", dir);
#ifdef D3D11VK_NATIVE
    else if ((home = getenv("XDG_CACHE_HOME")) && *home)
        snprintf(folder, sizeof(folder), "%s/d3d11vk", home);
    else if ((home = getenv("HOME")) && *home)
        snprintf(folder, sizeof(folder), "%s/.cache/d3d11vk", home);
#endif
    else
    {
        (void)home;
        snprintf(folder, sizeof(folder), "%s", plat_exe_dir());
    }
    snprintf(path, size, "%s%s%s.%04x-%04x.vkcache", folder,
            folder[0] && folder[strlen(folder) - 1] != '/' && folder[strlen(folder) - 1] != '\\' ? "/" : "",
            plat_exe_name(), p->vendorID & 0xffff, p->deviceID & 0xffff);
}

static void *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    void *data = NULL;
    long len;

    *size = 0;
    if (!f)
        return NULL;
    if (!fseek(f, 0, SEEK_END) && (len = ftell(f)) > 0 && len < (64l << 20) && !fseek(f, 0, SEEK_SET)
            && (data = malloc(len)))
    {
        if (fread(data, 1, len, f) == (size_t)len)
            *size = len;
        else
        {
            free(data);
            data = NULL;
        }
    }
    fclose(f);
    return data;
}

static void save_cache(struct vk_device *device, struct vk_pipeline_state *state)
{
    char tmp[1100];
    size_t size = 0;
    void *data;
    FILE *f;

    if (!state->cache || !state->cache_path[0] || !d3d11vk_config_get_bool("CACHE", true))
        return;
    if (device->vk.vkGetPipelineCacheData(device->device, state->cache, &size, NULL) != VK_SUCCESS || !size
            || !(data = malloc(size)))
        return;
    if (device->vk.vkGetPipelineCacheData(device->device, state->cache, &size, data) == VK_SUCCESS)
    {
        /* Write then rename, so a crash never leaves a torn file behind. */
        snprintf(tmp, sizeof(tmp), "%s.%u.tmp", state->cache_path, plat_process_id());
        if ((f = fopen(tmp, "wb")))
        {
            bool ok = fwrite(data, 1, size, f) == size;
            ok = !fclose(f) && ok;
            remove(state->cache_path);
            if (!ok || rename(tmp, state->cache_path))
                remove(tmp);
            else
                LOG_INFO("Saved %zu bytes of pipeline cache to %s.", size, state->cache_path);
        }
    }
    free(data);
}

/* Saves once no pipeline was created for a second; exits when told to (state->lock not held). */
static void saver_main(void *arg)
{
    struct vk_device *device = arg;
    struct vk_pipeline_state *state = state_of(device);

    plat_mutex_lock(&state->lock);
    while (!state->saver_stop)
    {
        if (state->unsaved && plat_time_ns() - state->last_create_ns >= 1000000000ull)
        {
            state->unsaved = 0;
            plat_mutex_unlock(&state->lock);
            save_cache(device, state);   /* the VkPipelineCache is internally synchronised */
            plat_mutex_lock(&state->lock);
            continue;
        }
        plat_cond_wait_ms(&state->saver_cond, &state->lock, 250);
    }
    plat_mutex_unlock(&state->lock);
}

/* Called with state->lock held after a pipeline was created. */
static void note_created(struct vk_device *device, struct vk_pipeline_state *state)
{
    state->unsaved++;
    state->last_create_ns = plat_time_ns();
    if (!state->saver && state->cache && state->cache_path[0] && !state->saver_stop)
        state->saver = plat_thread_start(saver_main, device, "d3d11vk-cache");
}

VkResult vk_pipeline_state_init(struct vk_device *device)
{
    VkPipelineCacheCreateInfo cache_info = { VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO };
    VkDescriptorSetLayoutCreateInfo empty = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO };
    struct vk_pipeline_state *state;
    void *data = NULL;
    size_t size = 0;
    VkResult vr;

    if (!(state = calloc(1, sizeof(*state))))
        return VK_ERROR_OUT_OF_HOST_MEMORY;
    plat_mutex_init(&state->lock);
    plat_cond_init(&state->saver_cond);
    d3d11vk_hash_map_init(&state->layouts);
    d3d11vk_hash_map_init(&state->graphics);
    d3d11vk_hash_map_init(&state->compute);
    if ((vr = device->vk.vkCreateDescriptorSetLayout(device->device, &empty, NULL, &state->empty_set_layout)) != VK_SUCCESS)
    {
        plat_cond_destroy(&state->saver_cond);
        plat_mutex_destroy(&state->lock);
        free(state);
        return vr;
    }
    if (d3d11vk_config_get_bool("CACHE", true))
    {
        cache_path(device, state->cache_path, sizeof(state->cache_path));
        data = read_file(state->cache_path, &size);
    }
    /* The driver checks the header (vendor, device, cache UUID) and ignores a stale cache. */
    cache_info.initialDataSize = size;
    cache_info.pInitialData = data;
    if (device->vk.vkCreatePipelineCache(device->device, &cache_info, NULL, &state->cache) != VK_SUCCESS)
    {
        cache_info.initialDataSize = 0;
        cache_info.pInitialData = NULL;
        size = 0;
        if (device->vk.vkCreatePipelineCache(device->device, &cache_info, NULL, &state->cache) != VK_SUCCESS)
            state->cache = VK_NULL_HANDLE;
    }
    if (size)
        LOG_INFO("Loaded %zu bytes of pipeline cache from %s.", size, state->cache_path);
    state->stats.cache_bytes_loaded = size;
    free(data);
    device->pipelines = state;
    return VK_SUCCESS;
}

static void free_pipelines(struct vk_device *device, struct d3d11vk_hash_map *map, bool graphics)
{
    struct vk_pipeline_entry *e, *next;
    unsigned int i, j;

    for (i = 0; i < map->capacity; ++i)
    {
        if (!map->values[i] || map->values[i] == d3d11vk_hash_map_tombstone)
            continue;
        for (e = map->values[i]; e; e = next)
        {
            next = graphics ? e->next : NULL;
            if (e->pipeline.pipeline)
                device->vk.vkDestroyPipeline(device->device, e->pipeline.pipeline, NULL);
            if (graphics)
            {
                for (j = 0; j < 5; ++j)
                    if (e->key.graphics.shaders[j])
                        vk_object_release(&e->key.graphics.shaders[j]->obj);
            }
            else
                vk_object_release(&e->key.compute->obj);
            free(e);
        }
    }
    d3d11vk_hash_map_cleanup(map);
}

void vk_pipeline_state_cleanup(struct vk_device *device)
{
    struct vk_pipeline_state *state = state_of(device);
    struct vk_layout_entry *e, *next;
    unsigned int i;

    if (!state)
        return;
    plat_mutex_lock(&state->lock);
    state->saver_stop = true;
    plat_cond_signal(&state->saver_cond);
    plat_mutex_unlock(&state->lock);
    if (state->saver)
        plat_thread_join(state->saver);
    save_cache(device, state);
    free_pipelines(device, &state->graphics, true);
    free_pipelines(device, &state->compute, false);
    for (i = 0; i < state->layouts.capacity; ++i)
    {
        if (!state->layouts.values[i] || state->layouts.values[i] == d3d11vk_hash_map_tombstone)
            continue;
        for (e = state->layouts.values[i]; e; e = next)
        {
            next = e->next;
            device->vk.vkDestroyPipelineLayout(device->device, e->layout.layout, NULL);
            free(e);
        }
    }
    d3d11vk_hash_map_cleanup(&state->layouts);
    if (state->cache)
        device->vk.vkDestroyPipelineCache(device->device, state->cache, NULL);
    device->vk.vkDestroyDescriptorSetLayout(device->device, state->empty_set_layout, NULL);
    plat_cond_destroy(&state->saver_cond);
    plat_mutex_destroy(&state->lock);
    free(state);
    device->pipelines = NULL;
}
