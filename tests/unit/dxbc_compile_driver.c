/* dxbc_compile_driver.c — the corpus through a real Vulkan driver (lavapipe preferred): every
 * compute, vertex and pixel shader is compiled and built into a pipeline whose layout comes from
 * the compiler's interface description, under the validation layers
 * (VK_LOADER_LAYERS_ENABLE=*validation). A vertex shader is built alone with rasterizer discard
 * and vertex attributes for its inputs; a pixel shader gets a vertex shader synthesised with the
 * SPIR-V builder that writes exactly the varyings it reads, and so does a geometry shader
 * (built with rasterizer discard); a hull shader gets a synthesised VS and a DS of its domain.
 * Domain shaders (which need a matching HS) are covered by spirv-val (dxbc_compile_corpus)
 * and dxbc_compile_exec.
 * Fails if a pipeline cannot be created or the validation layers report an error.
 * usage: dxbc_compile_driver CORPUS_DIR [SUBSTRING] */
#include <stdbool.h>
#include <stdint.h>

#include "dxbc.h"
#include "compile.h"
#include "spirv_builder.h"
#include "dxbc_test_util.h"
#include "vk_harness.h"

static struct vkh h;

static VkDescriptorType descriptor_type(enum dxbc_descriptor_type t)
{
    switch (t)
    {
        case DXBC_DESCRIPTOR_UNIFORM_BUFFER: return VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        case DXBC_DESCRIPTOR_SAMPLER: return VK_DESCRIPTOR_TYPE_SAMPLER;
        case DXBC_DESCRIPTOR_SAMPLED_IMAGE: return VK_DESCRIPTOR_TYPE_SAMPLED_IMAGE;
        case DXBC_DESCRIPTOR_UNIFORM_TEXEL_BUFFER: return VK_DESCRIPTOR_TYPE_UNIFORM_TEXEL_BUFFER;
        case DXBC_DESCRIPTOR_STORAGE_IMAGE: return VK_DESCRIPTOR_TYPE_STORAGE_IMAGE;
        case DXBC_DESCRIPTOR_STORAGE_TEXEL_BUFFER: return VK_DESCRIPTOR_TYPE_STORAGE_TEXEL_BUFFER;
        default: return VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    }
}

static VkShaderStageFlagBits stage_bit(enum dxbc_stage s)
{
    switch (s)
    {
        case DXBC_STAGE_VS: return VK_SHADER_STAGE_VERTEX_BIT;
        case DXBC_STAGE_PS: return VK_SHADER_STAGE_FRAGMENT_BIT;
        case DXBC_STAGE_GS: return VK_SHADER_STAGE_GEOMETRY_BIT;
        case DXBC_STAGE_HS: return VK_SHADER_STAGE_TESSELLATION_CONTROL_BIT;
        default: return VK_SHADER_STAGE_COMPUTE_BIT;
    }
}

/* The pipeline layout the interface description asks for. */
static bool make_layout(const struct dxbc_shader_info *info, VkDescriptorSetLayout *sets, VkPipelineLayout *layout)
{
    VkDescriptorSetLayoutBinding b[512];
    VkDescriptorSetLayoutCreateInfo lci = { VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO };
    VkPipelineLayoutCreateInfo plci = { VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO };
    uint32_t set = dxbc_descriptor_set(info->stage), i, n = 0;

    for (i = 0; i < DXBC_DESCRIPTOR_SET_COUNT; ++i)
        sets[i] = VK_NULL_HANDLE;
    for (i = 0; i < info->resource_count && n < 512; ++i)
    {
        memset(&b[n], 0, sizeof(b[n]));
        b[n].binding = info->resources[i].binding;
        b[n].descriptorType = descriptor_type(info->resources[i].descriptor);
        b[n].descriptorCount = 1;
        b[n].stageFlags = stage_bit(info->stage);
        ++n;
    }
    lci.bindingCount = n;
    lci.pBindings = b;
    for (i = 0; i <= set; ++i)
    {
        lci.bindingCount = i == set ? n : 0;
        if (vkCreateDescriptorSetLayout(h.device, &lci, NULL, &sets[i]) != VK_SUCCESS)
            return false;
    }
    plci.setLayoutCount = set + 1;
    plci.pSetLayouts = sets;
    return vkCreatePipelineLayout(h.device, &plci, NULL, layout) == VK_SUCCESS;
}

static void free_layout(VkDescriptorSetLayout *sets, VkPipelineLayout layout)
{
    unsigned i;
    vkDestroyPipelineLayout(h.device, layout, NULL);
    for (i = 0; i < DXBC_DESCRIPTOR_SET_COUNT; ++i)
        if (sets[i])
            vkDestroyDescriptorSetLayout(h.device, sets[i], NULL);
}

static VkShaderModule module(const uint32_t *code, size_t words)
{
    VkShaderModuleCreateInfo smci = { VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO };
    VkShaderModule m = VK_NULL_HANDLE;
    smci.codeSize = words * 4;
    smci.pCode = code;
    vkCreateShaderModule(h.device, &smci, NULL, &m);
    return m;
}

static VkFormat vec4_format(enum dxbc_scalar_type t, unsigned comps)
{
    static const VkFormat f[3][4] =
    {
        { VK_FORMAT_R32_SFLOAT, VK_FORMAT_R32G32_SFLOAT, VK_FORMAT_R32G32B32_SFLOAT, VK_FORMAT_R32G32B32A32_SFLOAT },
        { VK_FORMAT_R32_UINT, VK_FORMAT_R32G32_UINT, VK_FORMAT_R32G32B32_UINT, VK_FORMAT_R32G32B32A32_UINT },
        { VK_FORMAT_R32_SINT, VK_FORMAT_R32G32_SINT, VK_FORMAT_R32G32B32_SINT, VK_FORMAT_R32G32B32A32_SINT },
    };
    return f[t][(comps ? comps : 1) - 1];
}

static unsigned width_of(const struct dxbc_io_info *io)
{
    unsigned last = 3;
    while (last && !(io->mask & (1u << last)))
        --last;
    return last - io->component + 1;
}

/* A vertex shader writing Position and, with zeros, every located input of the next stage. */
static uint32_t *synth_vs(const struct dxbc_shader_info *ps, size_t *words)
{
    struct spv_builder b;
    uint32_t t_void, t_f32, t_u32, t_i32, fn, main_id, pos, iface[70], n = 0, i, *out;
    size_t count;

    spv_builder_init(&b);
    spv_capability(&b, SpvCapabilityShader);
    spv_inst_v(&b, SPV_SECTION_MEMORY_MODEL, SpvOpMemoryModel, 2, (uint32_t)SpvAddressingModelLogical, (uint32_t)SpvMemoryModelGLSL450);
    t_void = spv_type_void(&b);
    t_f32 = spv_type_float(&b, 32);
    t_u32 = spv_type_int(&b, 32, false);
    t_i32 = spv_type_int(&b, 32, true);
    fn = spv_type_function(&b, t_void, NULL, 0);
    pos = spv_variable(&b, spv_type_pointer(&b, SpvStorageClassOutput, spv_type_vector(&b, t_f32, 4)), SpvStorageClassOutput, 0);
    spv_builtin(&b, pos, SpvBuiltInPosition);
    iface[n++] = pos;
    main_id = spv_id(&b);
    for (i = 0; i < ps->input_count && n < 64; ++i)
    {
        const struct dxbc_io_info *io = &ps->inputs[i];
        uint32_t scalar = io->type == DXBC_SCALAR_UINT ? t_u32 : io->type == DXBC_SCALAR_SINT ? t_i32 : t_f32, type, var;
        unsigned w = width_of(io);
        if (io->location == ~0u)
            continue;
        type = spv_type_vec(&b, scalar, w);
        var = spv_variable(&b, spv_type_pointer(&b, SpvStorageClassOutput, type), SpvStorageClassOutput, spv_const_null(&b, type));
        spv_decorate1(&b, var, SpvDecorationLocation, io->location);
        if (io->component)
            spv_decorate1(&b, var, SpvDecorationComponent, io->component);
        if (io->type != DXBC_SCALAR_FLOAT)
            spv_decorate0(&b, var, SpvDecorationFlat);
        iface[n++] = var;
    }
    spv_function_begin(&b, t_void, fn, main_id);
    spv_store(&b, pos, spv_const_null(&b, spv_type_vector(&b, t_f32, 4)));
    spv_return(&b);
    spv_function_end(&b);
    spv_entry_point(&b, SpvExecutionModelVertex, main_id, "main", iface, n);
    out = NULL;
    if (!spv_builder_finish(&b, 0x10600, &out, &count))
        out = NULL;
    spv_builder_cleanup(&b);
    *words = count;
    return out;
}

/* A domain shader for a hull shader: its domain, Position = 0, reading nothing. */
static uint32_t *synth_ds(const struct dxbc_shader_info *hs, size_t *words)
{
    struct spv_builder b;
    uint32_t t_void, t_f32, fn, main_id, pos, *out;
    size_t count;

    spv_builder_init(&b);
    spv_capability(&b, SpvCapabilityShader);
    spv_capability(&b, SpvCapabilityTessellation);
    spv_inst_v(&b, SPV_SECTION_MEMORY_MODEL, SpvOpMemoryModel, 2, (uint32_t)SpvAddressingModelLogical, (uint32_t)SpvMemoryModelGLSL450);
    t_void = spv_type_void(&b);
    t_f32 = spv_type_float(&b, 32);
    fn = spv_type_function(&b, t_void, NULL, 0);
    pos = spv_variable(&b, spv_type_pointer(&b, SpvStorageClassOutput, spv_type_vector(&b, t_f32, 4)), SpvStorageClassOutput, 0);
    spv_builtin(&b, pos, SpvBuiltInPosition);
    main_id = spv_id(&b);
    spv_function_begin(&b, t_void, fn, main_id);
    spv_store(&b, pos, spv_const_null(&b, spv_type_vector(&b, t_f32, 4)));
    spv_return(&b);
    spv_function_end(&b);
    spv_entry_point(&b, SpvExecutionModelTessellationEvaluation, main_id, "main", &pos, 1);
    spv_execution_mode(&b, main_id, hs->tess_domain == 1 ? SpvExecutionModeIsolines
            : hs->tess_domain == 3 ? SpvExecutionModeQuads : SpvExecutionModeTriangles, NULL, 0);
    out = NULL;
    if (!spv_builder_finish(&b, 0x10600, &out, &count))
        out = NULL;
    spv_builder_cleanup(&b);
    *words = count;
    return out;
}

static bool build(const struct dxbc_shader_info *info, const uint32_t *code, size_t words)
{
    VkDescriptorSetLayout sets[DXBC_DESCRIPTOR_SET_COUNT];
    VkPipelineLayout layout = VK_NULL_HANDLE;
    VkShaderModule m, vsm = VK_NULL_HANDLE, dsm = VK_NULL_HANDLE;
    VkPipeline pipeline = VK_NULL_HANDLE;
    VkResult vr = VK_ERROR_UNKNOWN;
    uint32_t *vs_code = NULL;
    size_t vs_words = 0;

    if (!make_layout(info, sets, &layout) || !(m = module(code, words)))
        return false;
    if (info->stage == DXBC_STAGE_CS)
    {
        VkComputePipelineCreateInfo cpci = { VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO };
        cpci.stage.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
        cpci.stage.stage = VK_SHADER_STAGE_COMPUTE_BIT;
        cpci.stage.module = m;
        cpci.stage.pName = "main";
        cpci.layout = layout;
        vr = vkCreateComputePipelines(h.device, VK_NULL_HANDLE, 1, &cpci, NULL, &pipeline);
    }
    else
    {
        VkGraphicsPipelineCreateInfo gpci = { VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO };
        VkPipelineShaderStageCreateInfo st[3] = { { VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO },
                { VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO } };
        VkPipelineVertexInputStateCreateInfo vi = { VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO };
        VkPipelineInputAssemblyStateCreateInfo ia = { VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO };
        VkPipelineViewportStateCreateInfo vps = { VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO };
        VkPipelineRasterizationStateCreateInfo rs = { VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO };
        VkPipelineMultisampleStateCreateInfo ms = { VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO };
        VkPipelineDepthStencilStateCreateInfo ds = { VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO };
        VkPipelineColorBlendStateCreateInfo cb = { VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO };
        VkPipelineRenderingCreateInfo pri = { VK_STRUCTURE_TYPE_PIPELINE_RENDERING_CREATE_INFO };
        VkPipelineColorBlendAttachmentState cba[8];
        VkFormat formats[8];
        VkVertexInputAttributeDescription attrs[32];
        VkVertexInputBindingDescription vb = { 0, 16, VK_VERTEX_INPUT_RATE_VERTEX };
        VkViewport viewport = { 0, 0, 8, 8, 0, 1 };
        VkRect2D scissor = { { 0, 0 }, { 8, 8 } };
        unsigned i, na = 0, nc = 0;

        memset(cba, 0, sizeof(cba));
        ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
        vps.viewportCount = vps.scissorCount = 1;
        vps.pViewports = &viewport;
        vps.pScissors = &scissor;
        rs.polygonMode = VK_POLYGON_MODE_FILL;
        rs.lineWidth = 1.0f;
        ms.rasterizationSamples = VK_SAMPLE_COUNT_1_BIT;
        if (info->stage == DXBC_STAGE_HS)
        {
            VkPipelineTessellationStateCreateInfo ts = { VK_STRUCTURE_TYPE_PIPELINE_TESSELLATION_STATE_CREATE_INFO };
            uint32_t *ds_code;
            size_t ds_words;

            ia.topology = VK_PRIMITIVE_TOPOLOGY_PATCH_LIST;
            ts.patchControlPoints = info->hs_input_control_points;
            if (!(vs_code = synth_vs(info, &vs_words)) || !(vsm = module(vs_code, vs_words)))
                goto done;
            if (!(ds_code = synth_ds(info, &ds_words)))
                goto done;
            dsm = module(ds_code, ds_words);
            free(ds_code);
            if (!dsm)
                goto done;
            st[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
            st[0].module = vsm;
            st[0].pName = "main";
            st[1].stage = VK_SHADER_STAGE_TESSELLATION_CONTROL_BIT;
            st[1].module = m;
            st[1].pName = "main";
            st[2].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
            st[2].stage = VK_SHADER_STAGE_TESSELLATION_EVALUATION_BIT;
            st[2].module = dsm;
            st[2].pName = "main";
            gpci.stageCount = 3;
            gpci.pTessellationState = &ts;
            rs.rasterizerDiscardEnable = VK_TRUE;
            gpci.pStages = st;
            gpci.pVertexInputState = &vi;
            gpci.pInputAssemblyState = &ia;
            gpci.pViewportState = &vps;
            gpci.pRasterizationState = &rs;
            gpci.pMultisampleState = &ms;
            gpci.pDepthStencilState = &ds;
            gpci.pColorBlendState = &cb;
            gpci.layout = layout;
            vr = vkCreateGraphicsPipelines(h.device, VK_NULL_HANDLE, 1, &gpci, NULL, &pipeline);
            goto done;
        }
        else if (info->stage == DXBC_STAGE_GS)
        {
            /* A synthesised VS feeds the GS; no rasterization. */
            switch (info->gs_input_primitive)
            {
                case 1: ia.topology = VK_PRIMITIVE_TOPOLOGY_POINT_LIST; break;
                case 2: ia.topology = VK_PRIMITIVE_TOPOLOGY_LINE_LIST; break;
                case 6: ia.topology = VK_PRIMITIVE_TOPOLOGY_LINE_LIST_WITH_ADJACENCY; break;
                case 7: ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST_WITH_ADJACENCY; break;
                default: ia.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST; break;
            }
            if (!(vs_code = synth_vs(info, &vs_words)) || !(vsm = module(vs_code, vs_words)))
                goto done;
            st[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
            st[0].module = vsm;
            st[0].pName = "main";
            st[1].stage = VK_SHADER_STAGE_GEOMETRY_BIT;
            st[1].module = m;
            st[1].pName = "main";
            gpci.stageCount = 2;
            rs.rasterizerDiscardEnable = VK_TRUE;
        }
        else if (info->stage == DXBC_STAGE_VS)
        {
            for (i = 0; i < info->input_count && na < 32; ++i)
            {
                const struct dxbc_io_info *io = &info->inputs[i];
                if (io->location == ~0u)
                    continue;
                attrs[na].location = io->location;
                attrs[na].binding = 0;
                /* one attribute per location: a later component of the same location is skipped */
                attrs[na].format = vec4_format(io->type, 4);
                attrs[na].offset = 0;
                if (na && attrs[na - 1].location == io->location)
                    continue;
                ++na;
            }
            if (na)
            {
                vi.vertexBindingDescriptionCount = 1;
                vi.pVertexBindingDescriptions = &vb;
                vi.vertexAttributeDescriptionCount = na;
                vi.pVertexAttributeDescriptions = attrs;
            }
            rs.rasterizerDiscardEnable = VK_TRUE;
            st[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
            st[0].module = m;
            st[0].pName = "main";
            gpci.stageCount = 1;
        }
        else
        {
            if (!(vs_code = synth_vs(info, &vs_words)) || !(vsm = module(vs_code, vs_words)))
                goto done;
            st[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
            st[0].module = vsm;
            st[0].pName = "main";
            st[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
            st[1].module = m;
            st[1].pName = "main";
            gpci.stageCount = 2;
            for (i = 0; i < info->output_count; ++i)
            {
                const struct dxbc_io_info *io = &info->outputs[i];
                if (io->location == ~0u || io->location >= 8)
                    continue;
                while (nc <= io->location)
                {
                    formats[nc] = VK_FORMAT_UNDEFINED;
                    cba[nc].colorWriteMask = 0;
                    ++nc;
                }
                formats[io->location] = vec4_format(io->type, 4);
                cba[io->location].colorWriteMask = 0xf;
            }
            cb.attachmentCount = nc;
            cb.pAttachments = cba;
            pri.colorAttachmentCount = nc;
            pri.pColorAttachmentFormats = formats;
            if (info->ps_flags & DXBC_PS_WRITES_DEPTH)
            {
                pri.depthAttachmentFormat = VK_FORMAT_D32_SFLOAT;
                ds.depthTestEnable = ds.depthWriteEnable = VK_TRUE;
                ds.depthCompareOp = VK_COMPARE_OP_ALWAYS;
            }
            gpci.pNext = &pri;
        }
        gpci.pStages = st;
        gpci.pVertexInputState = &vi;
        gpci.pInputAssemblyState = &ia;
        gpci.pViewportState = &vps;
        gpci.pRasterizationState = &rs;
        gpci.pMultisampleState = &ms;
        gpci.pDepthStencilState = &ds;
        gpci.pColorBlendState = &cb;
        gpci.layout = layout;
        vr = vkCreateGraphicsPipelines(h.device, VK_NULL_HANDLE, 1, &gpci, NULL, &pipeline);
    }
done:
    if (pipeline)
        vkDestroyPipeline(h.device, pipeline, NULL);
    vkDestroyShaderModule(h.device, m, NULL);
    if (vsm)
        vkDestroyShaderModule(h.device, vsm, NULL);
    if (dsm)
        vkDestroyShaderModule(h.device, dsm, NULL);
    free(vs_code);
    free_layout(sets, layout);
    return vr == VK_SUCCESS;
}

int main(int argc, char **argv)
{
    struct dxbc_compile_options options = { DXBC_COMPILE_POINT_SIZE, NULL };
    struct corpus_entry *entries;
    size_t count, i, tried = 0, ok = 0;
    unsigned errors_before;

    if (argc < 2 || !(count = test_read_manifest(argv[1], &entries)))
    {
        fprintf(stderr, "usage: %s CORPUS_DIR [SUBSTRING]\n", argv[0]);
        return 2;
    }
    if (!vkh_init(&h))
        return 1;
    printf("device: %s\n", h.device_name);
    for (i = 0; i < count; ++i)
    {
        struct dxbc_shader_info info;
        uint32_t *spirv;
        size_t size, words;
        char error[512];
        void *blob;

        if (strcmp(entries[i].stage, "cs") && strcmp(entries[i].stage, "vs") && strcmp(entries[i].stage, "ps")
                && strcmp(entries[i].stage, "gs") && strcmp(entries[i].stage, "hs"))
            continue;
        if (argc > 2 && !strstr(entries[i].file, argv[2]))
            continue;
        if (!(blob = test_read_file(entries[i].file, &size)))
            continue;
        ++tried;
        if (getenv("DXBC_DRIVER_VERBOSE"))
            fprintf(stderr, "%s\n", entries[i].file);
        errors_before = vkh_validation_errors;
        if (!dxbc_compile_blob(blob, size, &options, &info, &spirv, &words, error, sizeof(error)))
        {
            fprintf(stderr, "FAIL %s: %s\n", entries[i].file, error);
            free(blob);
            continue;
        }
        if (build(&info, spirv, words) && vkh_validation_errors == errors_before)
            ++ok;
        else
            fprintf(stderr, "FAIL %s: pipeline creation or validation error\n", entries[i].file);
        dxbc_compile_free_spirv(spirv);
        dxbc_shader_info_free(&info);
        free(blob);
    }
    vkh_cleanup(&h);
    printf("dxbc_compile_driver: %zu/%zu CS/VS/PS/GS/HS corpus shaders built into pipelines without validation errors\n", ok, tried);
    free(entries);
    (void)test_failures;
    (void)test_checks;
    return ok == tried && tried ? 0 : 1;
}
