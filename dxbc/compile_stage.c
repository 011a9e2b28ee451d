/* compile_stage.c — the entry point of each stage: main (input copies, the body or HS phases,
 * output copies) and the execution modes. */
#include "compile_private.h"

SpvExecutionModel dxc_exec_model(enum dxbc_stage s)
{
    switch (s)
    {
        case DXBC_STAGE_VS: return SpvExecutionModelVertex;
        case DXBC_STAGE_HS: return SpvExecutionModelTessellationControl;
        case DXBC_STAGE_DS: return SpvExecutionModelTessellationEvaluation;
        case DXBC_STAGE_GS: return SpvExecutionModelGeometry;
        case DXBC_STAGE_PS: return SpvExecutionModelFragment;
        default: return SpvExecutionModelGLCompute;
    }
}

static void call(struct dxc *c, uint32_t func)
{
    spv_op(&c->b, SpvOpFunctionCall, c->t_void, &func, 1);
}

void dxc_emit_main(struct dxc *c, const struct program_layout *l)
{
    uint32_t v;
    unsigned i, k;

    spv_function_begin(&c->b, c->t_void, c->t_func_void, c->main_func);
    switch (c->stage)
    {
        case DXBC_STAGE_VS:
        case DXBC_STAGE_PS:
            if (c->inputs)
                dxc_copy_inputs(c, c->in, c->in_count, c->inputs, 0, 0, false);
            call(c, l->ranges[0].func);
            dxc_copy_outputs(c, c->out, c->out_count, c->outputs, -1, 0, false);
            if (c->point_size_var)
                spv_store(&c->b, c->point_size_var, dxc_f(c, 1.0f));
            if (c->depth_out)
                spv_store(&c->b, c->frag_depth_var,
                        spv_bitcast(&c->b, c->t_f32, spv_load(&c->b, c->t_u32, c->depth_out)));
            if (c->stencil_out)
                spv_store(&c->b, c->stencil_ref_var, spv_bitcast(&c->b, c->t_i32, spv_load(&c->b, c->t_u32, c->stencil_out)));
            if (c->mask_out)
            {
                uint32_t idx = dxc_u(c, 0), ptr;
                ptr = spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassOutput, c->t_i32), c->sample_mask_out_var, &idx, 1);
                spv_store(&c->b, ptr, spv_bitcast(&c->b, c->t_i32, spv_load(&c->b, c->t_u32, c->mask_out)));
            }
            break;
        case DXBC_STAGE_GS:
            if (c->inputs)
                for (k = 0; k < c->input_vertices; ++k)
                    dxc_copy_inputs(c, c->in, c->in_count, c->inputs, dxc_u(c, k), dxc_u(c, k), false);
            call(c, l->ranges[0].func);
            break;
        case DXBC_STAGE_DS:
            if (c->inputs)
                for (k = 0; k < c->input_vertices; ++k)
                    dxc_copy_inputs(c, c->in, c->in_count, c->inputs, dxc_u(c, k), dxc_u(c, k), false);
            if (c->patch_outputs)
                dxc_copy_inputs(c, c->in, c->in_count, c->patch_outputs, 0, 0, true);
            call(c, l->ranges[0].func);
            dxc_copy_outputs(c, c->out, c->out_count, c->outputs, -1, 0, false);
            if (c->point_size_var)
                spv_store(&c->b, c->point_size_var, dxc_f(c, 1.0f));
            break;
        case DXBC_STAGE_HS:
        {
            uint32_t inv, ops[3], lt, lm;
            bool has_cp = false;

            if (c->inputs)
                for (k = 0; k < c->input_vertices; ++k)
                    dxc_copy_inputs(c, c->in, c->in_count, c->inputs, dxc_u(c, k), dxc_u(c, k), false);
            inv = spv_load(&c->b, c->t_i32, dxc_builtin_input(c, SpvBuiltInInvocationId, c->t_i32));
            for (i = 0; i < l->count; ++i)
                if (l->ranges[i].kind == DXBC_OP_HS_CONTROL_POINT_PHASE)
                {
                    call(c, l->ranges[i].func);
                    has_cp = true;
                }
            if (!has_cp && c->outputs && c->inputs)
            {
                /* No control point phase: outputs pass the input control points through. */
                uint32_t idx[2], src;
                idx[0] = inv;
                for (k = 0; k < c->output_count && k < c->input_count; ++k)
                {
                    idx[1] = dxc_u(c, k);
                    src = spv_load(&c->b, c->t_uv[4], spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_uv[4]), c->inputs, idx, 2));
                    spv_store(&c->b, spv_access_chain(&c->b, dxc_ptr(c, SpvStorageClassPrivate, c->t_uv[4]), c->outputs, &idx[1], 1), src);
                }
            }
            if (c->hs_out_cp)
                dxc_copy_outputs(c, c->out, c->out_count, c->outputs, -1, inv, false);
            ops[0] = dxc_u(c, SpvScopeWorkgroup);
            ops[1] = dxc_u(c, SpvScopeInvocation);
            ops[2] = dxc_u(c, SpvMemorySemanticsMaskNone);
            spv_op_void(&c->b, SpvOpControlBarrier, ops, 3);
            lt = spv_id(&c->b);
            lm = spv_id(&c->b);
            v = spv_op2(&c->b, SpvOpIEqual, c->t_bool, inv, dxc_i(c, 0));
            spv_selection_merge(&c->b, lm);
            spv_branch_cond(&c->b, v, lt, lm);
            spv_label(&c->b, lt);
            for (i = 0; i < l->count; ++i)
            {
                if (l->ranges[i].kind != DXBC_OP_HS_FORK_PHASE && l->ranges[i].kind != DXBC_OP_HS_JOIN_PHASE)
                    continue;
                for (k = 0; k < l->ranges[i].instances; ++k)
                {
                    spv_store(&c->b, c->fork_instance, dxc_u(c, k));
                    call(c, l->ranges[i].func);
                }
            }
            dxc_copy_outputs(c, c->out, c->out_count, c->patch_outputs, -1, 0, true);
            spv_branch(&c->b, lm);
            spv_label(&c->b, lm);
            break;
        }
        default:
            call(c, l->ranges[0].func);
            break;
    }
    spv_return(&c->b);
    spv_function_end(&c->b);
}

void dxc_execution_modes(struct dxc *c)
{
    uint32_t f = c->main_func, a[3];

    if (c->so && (c->stage == DXBC_STAGE_VS || c->stage == DXBC_STAGE_DS || c->stage == DXBC_STAGE_GS))
        spv_execution_mode(&c->b, f, SpvExecutionModeXfb, NULL, 0);
    if (c->options && (c->options->flags & DXBC_COMPILE_FLUSH_DENORMS))
    {
        a[0] = 32;
        spv_capability(&c->b, SpvCapabilityDenormFlushToZero);
        spv_execution_mode(&c->b, f, SpvExecutionModeDenormFlushToZero, a, 1);
    }

    switch (c->stage)
    {
        case DXBC_STAGE_PS:
            spv_execution_mode(&c->b, f, SpvExecutionModeOriginUpperLeft, NULL, 0);
            if (c->ps_flags & DXBC_PS_EARLY_DEPTH)
                spv_execution_mode(&c->b, f, SpvExecutionModeEarlyFragmentTests, NULL, 0);
            if (c->ps_flags & DXBC_PS_WRITES_STENCIL_REF)
                spv_execution_mode(&c->b, f, SpvExecutionModeStencilRefReplacingEXT, NULL, 0);
            if (c->ps_flags & DXBC_PS_WRITES_DEPTH)
            {
                spv_execution_mode(&c->b, f, SpvExecutionModeDepthReplacing, NULL, 0);
                if (c->ps_flags & DXBC_PS_DEPTH_GREATER)
                    spv_execution_mode(&c->b, f, SpvExecutionModeDepthGreater, NULL, 0);
                if (c->ps_flags & DXBC_PS_DEPTH_LESS)
                    spv_execution_mode(&c->b, f, SpvExecutionModeDepthLess, NULL, 0);
            }
            break;
        case DXBC_STAGE_CS:
            a[0] = c->thread_group[0] ? c->thread_group[0] : 1;
            a[1] = c->thread_group[1] ? c->thread_group[1] : 1;
            a[2] = c->thread_group[2] ? c->thread_group[2] : 1;
            spv_execution_mode(&c->b, f, SpvExecutionModeLocalSize, a, 3);
            break;
        case DXBC_STAGE_GS:
            switch (c->gs_in_prim)
            {
                case DXBC_PRIMITIVE_POINT: spv_execution_mode(&c->b, f, SpvExecutionModeInputPoints, NULL, 0); break;
                case DXBC_PRIMITIVE_LINE: spv_execution_mode(&c->b, f, SpvExecutionModeInputLines, NULL, 0); break;
                case DXBC_PRIMITIVE_LINE_ADJ: spv_execution_mode(&c->b, f, SpvExecutionModeInputLinesAdjacency, NULL, 0); break;
                case DXBC_PRIMITIVE_TRIANGLE_ADJ: spv_execution_mode(&c->b, f, SpvExecutionModeInputTrianglesAdjacency, NULL, 0); break;
                default: spv_execution_mode(&c->b, f, SpvExecutionModeTriangles, NULL, 0); break;
            }
            switch (c->gs_out_topology)
            {
                case DXBC_TOPOLOGY_POINTLIST: spv_execution_mode(&c->b, f, SpvExecutionModeOutputPoints, NULL, 0); break;
                case DXBC_TOPOLOGY_LINELIST: case DXBC_TOPOLOGY_LINESTRIP:
                    spv_execution_mode(&c->b, f, SpvExecutionModeOutputLineStrip, NULL, 0); break;
                default: spv_execution_mode(&c->b, f, SpvExecutionModeOutputTriangleStrip, NULL, 0); break;
            }
            a[0] = c->gs_max_vertices ? c->gs_max_vertices : 1;
            spv_execution_mode(&c->b, f, SpvExecutionModeOutputVertices, a, 1);
            a[0] = c->gs_instances ? c->gs_instances : 1;
            spv_execution_mode(&c->b, f, SpvExecutionModeInvocations, a, 1);
            break;
        case DXBC_STAGE_HS:
        case DXBC_STAGE_DS:
            switch (c->tess_domain)
            {
                case DXBC_TESS_DOMAIN_ISOLINE: spv_execution_mode(&c->b, f, SpvExecutionModeIsolines, NULL, 0); break;
                case DXBC_TESS_DOMAIN_QUAD: spv_execution_mode(&c->b, f, SpvExecutionModeQuads, NULL, 0); break;
                default: spv_execution_mode(&c->b, f, SpvExecutionModeTriangles, NULL, 0); break;
            }
            if (c->stage == DXBC_STAGE_DS)
                break;
            a[0] = c->hs_out_cp ? c->hs_out_cp : 1;
            spv_execution_mode(&c->b, f, SpvExecutionModeOutputVertices, a, 1);
            switch (c->tess_partitioning)
            {
                case DXBC_TESS_PARTITIONING_FRACTIONAL_ODD: spv_execution_mode(&c->b, f, SpvExecutionModeSpacingFractionalOdd, NULL, 0); break;
                case DXBC_TESS_PARTITIONING_FRACTIONAL_EVEN: spv_execution_mode(&c->b, f, SpvExecutionModeSpacingFractionalEven, NULL, 0); break;
                default: spv_execution_mode(&c->b, f, SpvExecutionModeSpacingEqual, NULL, 0); break;
            }
            switch (c->tess_output)
            {
                case DXBC_TESS_OUTPUT_POINT: spv_execution_mode(&c->b, f, SpvExecutionModePointMode, NULL, 0); break;
                /* D3D's domain origin is the upper left, as Vulkan's default: the winding carries over. */
                case DXBC_TESS_OUTPUT_TRIANGLE_CW: spv_execution_mode(&c->b, f, SpvExecutionModeVertexOrderCw, NULL, 0); break;
                case DXBC_TESS_OUTPUT_TRIANGLE_CCW: spv_execution_mode(&c->b, f, SpvExecutionModeVertexOrderCcw, NULL, 0); break;
                default: break;
            }
            break;
        default:
            break;
    }
}
