/* dxbc_asm.c — the assembler: hand-written shaders of every stage assemble to containers
 * with a valid checksum and disassemble back to the same text; known encodings; signatures
 * derived from declarations; errors reported with their line. */
#include <locale.h>

#include "dxbc.h"
#include "dxbc_test_util.h"

static const char *const shaders[] =
{
    /* vs_4_0: transform, system-value inputs */
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig input 1 x SV_VertexID 0 VERTID uint x\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig output 1 xy TEXCOORD 0 NONE float zw\n"
    "vs_4_0\n"
    "dcl_constantbuffer CB0[4], immediateIndexed\n"
    "dcl_input v0.xyzw\n"
    "dcl_input_sgv v1.x, vertex_id\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output o1.xy\n"
    "dcl_temps 2\n"
    "mul r0.xyzw, v0.yyyy, cb0[1].xyzw\n"
    "mad r0.xyzw, cb0[0].xyzw, v0.xxxx, r0.xyzw\n"
    "mad r0.xyzw, cb0[2].xyzw, v0.zzzz, r0.xyzw\n"
    "mad o0.xyzw, cb0[3].xyzw, v0.wwww, r0.xyzw\n"
    "and r1.x, v1.x, l(1)\n"
    "ushr r1.y, v1.x, l(1)\n"
    "utof o1.xy, r1.xyxx\n"
    "ret\n",

    /* ps_4_0: SM4 sampling, flow control, integer ops */
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig input 1 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "ps_4_0\n"
    "dcl_constantbuffer CB0[2], dynamicIndexed\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_sampler s1, mode_comparison\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_resource_texture2d (float,float,float,float) t1\n"
    "dcl_resource_buffer (sint,sint,sint,sint) t2\n"
    "dcl_input_ps linear v1.xy\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 3\n"
    "sample r0.xyzw, v1.xyxx, t0.xyzw, s0\n"
    "sample_l_aoffimmi(1,-2,0) r1.xyzw, v1.xyxx, t0.xyzw, s0, l(0.000000)\n"
    "sample_c_lz r2.x, v1.xyxx, t1.xxxx, s1, r0.w\n"
    "lt r2.y, r2.x, l(0.500000)\n"
    "discard_nz r2.y\n"
    "ftoi r2.z, v1.x\n"
    "ld r2.w, r2.zzzz, t2.yzwx\n"
    "resinfo_uint r2.xy, l(0), t0.xyzw\n"
    "if_z r2.w\n"
    "mov_sat o0.xyzw, -|r0.xyzw|\n"
    "else\n"
    "sincos r0.x, null, r1.x\n"
    "mad o0.xyzw, r0.xxxx, cb0[r2.z + 1].xyzw, -r1.xyzw\n"
    "endif\n"
    "switch r2.z\n"
    "case l(0)\n"
    "mov r0.x, l(-1.500000)\n"
    "break\n"
    "default\n"
    "mov r0.x, l(0x7fc00000)\n"
    "break\n"
    "endswitch\n"
    "retc_nz r0.x\n"
    "ret\n",

    /* ps_4_1: 4.1 sampling queries */
    "// sig input 0 xy TEXCOORD 0 NONE float xy\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "ps_4_1\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_resource_texture2d (float,float,float,float) t0\n"
    "dcl_resource_texture2dms(4) (float,float,float,float) t1\n"
    "dcl_input_ps linear centroid v0.xy\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 2\n"
    "gather4 r0.xyzw, v0.xyxx, t0.xyzw, s0\n"
    "lod r1.x, v0.xyxx, t0.xyzw, s0\n"
    "sampleinfo_uint r1.y, t1.xyzw\n"
    "samplepos r1.zw, t1.xyzw, l(0)\n"
    "ld_ms r0.x, l(0, 0, 0, 0), t1.xyzw, l(1)\n"
    "add o0.xyzw, r0.xyzw, r1.xyzw\n"
    "ret\n",

    /* ps_5_0: indexable forms, icb, indexable temps, depth, min precision */
    "// sig input 0 xyzw SV_Position 0 POS float -\n"
    "// sig input 1 xyz TEXCOORD 0 NONE float xyz\n"
    "// sig input 2 x SV_IsFrontFace 0 FFACE uint x\n"
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "// sig output -1 x SV_Depth 0 DEPTH float -\n"
    "// sfi0 0x10\n"
    "ps_5_0\n"
    "dcl_globalFlags refactoringAllowed | enableMinimumPrecision\n"
    "dcl_immediateConstantBuffer { { 1.000000, 0, 0, 0},\n"
    "                              { 0, 1.000000, 0, 0},\n"
    "                              { 0.333333343, 2, -3, 0x80000000} }\n"
    "dcl_sampler s0, mode_default\n"
    "dcl_resource_texture2darray (float,float,float,float) t0\n"
    "dcl_resource_texturecube (float,float,float,float) t1\n"
    "dcl_input_ps_siv linear noperspective v0.xy, position\n"
    "dcl_input_ps linear sample v1.xyz\n"
    "dcl_input_ps_sgv constant v2.x, is_front_face\n"
    "dcl_output o0.xyzw\n"
    "dcl_output oDepth\n"
    "dcl_temps 3\n"
    "dcl_indexableTemp x0[4], 4\n"
    "sample_indexable(texture2darray)(float,float,float,float) r0.xyzw, v1.xyzx, t0.xyzw, s0\n"
    "sample_b_aoffimmi_indexable(-1,0,0)(texture2darray)(float,float,float,float) r1.xyzw, v1.xyzx, t0.xyzw, s0, l(1.000000)\n"
    "gather4_po_indexable(texture2darray)(float,float,float,float) r2.xyzw, v1.xyzx, l(1, -1, 0, 0), t0.xyzw, s0.y\n"
    "sample_d_indexable(texturecube)(float,float,float,float) r2.xyzw, v1.xyzx, t1.xyzw, s0, r0.xyzx, r1.xyzx\n"
    "mov x0[1].xyzw, r2.xyzw\n"
    "ftou r1.w, v0.x\n"
    "and r1.w, r1.w, l(3)\n"
    "mov r0.xyzw, x0[r1.w + 0].xyzw\n"
    "mul r0.xyzw, r0.xyzw, icb[r1.w + 0].xyzw\n"
    "mul r0.xy {min16f}, r0.xyxx {min16f}, l(2.000000, 2.000000, 2.000000, 2.000000)\n"
    "deriv_rtx_coarse r1.x, v1.x\n"
    "deriv_rty_fine r1.y, v1.y\n"
    "eval_sample_index r1.zw, v1.xxxy, l(2)\n"
    "eval_centroid r2.x, v1.z\n"
    "movc o0.xyzw, v2.xxxx, r0.xyzw, r1.xyzw\n"
    "rcp_sat oDepth, r2.x\n"
    "ret\n",

    /* gs_4_0: SM4 geometry shader */
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "gs_4_0\n"
    "dcl_input_siv v[3][0].xyzw, position\n"
    "dcl_temps 1\n"
    "dcl_inputprimitive triangle\n"
    "dcl_outputtopology trianglestrip\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_maxout 3\n"
    "mov r0.x, l(0)\n"
    "loop\n"
    "ige r0.y, r0.x, l(3)\n"
    "breakc_nz r0.y\n"
    "mov o0.xyzw, v[r0.x + 0][0].xyzw\n"
    "emit\n"
    "iadd r0.x, r0.x, l(1)\n"
    "endloop\n"
    "cut\n"
    "ret\n",

    /* gs_5_0: streams and instancing */
    "// sig input 0 xyzw SV_Position 0 POS float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float - stream=1\n"
    "// sig output 1 x SV_RenderTargetArrayIndex 0 RTINDEX uint - stream=1\n"
    "gs_5_0\n"
    "dcl_input_siv v[1][0].xyzw, position\n"
    "dcl_input vGSInstanceID\n"
    "dcl_inputprimitive point\n"
    "dcl_stream m1\n"
    "dcl_outputtopology pointlist\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_output_siv o1.x, rendertarget_array_index\n"
    "dcl_maxout 1\n"
    "dcl_gsinstances 4\n"
    "mov o0.xyzw, v[0][0].xyzw\n"
    "mov o1.x, vGSInstanceID\n"
    "emit_stream m1\n"
    "cut_stream m1\n"
    "ret\n",

    /* hs_5_0: all three phases */
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig output 0 xyzw POSITION 0 NONE float -\n"
    "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
    "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
    "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
    "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float -\n"
    "hs_5_0\n"
    "hs_decls\n"
    "dcl_input_control_point_count 3\n"
    "dcl_output_control_point_count 3\n"
    "dcl_tessellator_domain domain_tri\n"
    "dcl_tessellator_partitioning partitioning_fractional_odd\n"
    "dcl_tessellator_output_primitive output_triangle_cw\n"
    "dcl_hs_max_tessfactor l(64.000000)\n"
    "hs_control_point_phase\n"
    "dcl_input vicp[3][0].xyzw\n"
    "dcl_input vOutputControlPointID\n"
    "dcl_output o0.xyzw\n"
    "mov o0.xyzw, vicp[vOutputControlPointID][0].xyzw\n"
    "ret\n"
    "hs_fork_phase\n"
    "dcl_hs_fork_phase_instance_count 3\n"
    "dcl_input vForkInstanceID\n"
    "dcl_output_siv o0.x, finalTriUeq0EdgeTessFactor\n"
    "dcl_output_siv o1.x, finalTriVeq0EdgeTessFactor\n"
    "dcl_output_siv o2.x, finalTriWeq0EdgeTessFactor\n"
    "dcl_indexrange o0.x 3\n"
    "dcl_temps 1\n"
    "mov r0.x, vForkInstanceID\n"
    "mov o[r0.x + 0].x, l(4.000000)\n"
    "ret\n"
    "hs_join_phase\n"
    "dcl_output_siv o3.x, finalTriInsideTessFactor\n"
    "mov o3.x, l(4.000000)\n"
    "ret\n",

    /* ds_5_0 */
    "// sig input 0 xyzw POSITION 0 NONE float xyzw\n"
    "// sig output 0 xyzw SV_Position 0 POS float -\n"
    "// sig patch 0 x SV_TessFactor 0 TRIEDGE float -\n"
    "// sig patch 1 x SV_TessFactor 1 TRIEDGE float -\n"
    "// sig patch 2 x SV_TessFactor 2 TRIEDGE float -\n"
    "// sig patch 3 x SV_InsideTessFactor 0 TRIINT float x\n"
    "ds_5_0\n"
    "dcl_input_control_point_count 3\n"
    "dcl_tessellator_domain domain_tri\n"
    "dcl_input vDomain.xyz\n"
    "dcl_input vicp[3][0].xyzw\n"
    "dcl_input vpc3.x\n"
    "dcl_output_siv o0.xyzw, position\n"
    "dcl_temps 1\n"
    "mul r0.xyzw, vDomain.yyyy, vicp[1][0].xyzw\n"
    "mad r0.xyzw, vicp[0][0].xyzw, vDomain.xxxx, r0.xyzw\n"
    "mad r0.xyzw, vicp[2][0].xyzw, vDomain.zzzz, r0.xyzw\n"
    "mul o0.xyzw, r0.xyzw, vpc3.xxxx\n"
    "ret\n",

    /* cs_5_0: UAVs, TGSM, atomics, bit ops, doubles, sync */
    "cs_5_0\n"
    "dcl_globalFlags refactoringAllowed | enableDoublePrecisionFloatOps | enableRawAndStructuredBuffers\n"
    "dcl_resource_structured t0, 16\n"
    "dcl_resource_raw t1\n"
    "dcl_uav_structured_opc u0, 4\n"
    "dcl_uav_raw_glc u1\n"
    "dcl_uav_typed_texture2d (float,float,float,float) u2\n"
    "dcl_input vThreadGroupID.x\n"
    "dcl_input vThreadIDInGroupFlattened\n"
    "dcl_input vThreadID.xy\n"
    "dcl_temps 3\n"
    "dcl_tgsm_structured g0, 4, 64\n"
    "dcl_tgsm_raw g1, 256\n"
    "dcl_thread_group 8, 8, 1\n"
    "ld_structured_indexable(structured_buffer, stride=16)(mixed,mixed,mixed,mixed) r0.xyzw, vThreadID.x, l(0), t0.xyzw\n"
    "ld_raw_indexable(raw_buffer)(mixed,mixed,mixed,mixed) r1.x, l(0), t1.xxxx\n"
    "store_structured g0.x, vThreadIDInGroupFlattened, l(0), r0.x\n"
    "sync_g_t\n"
    "ld_structured r1.y, vThreadIDInGroupFlattened, l(0), g0.xxxx\n"
    "imm_atomic_alloc r1.z, u0\n"
    "imm_atomic_iadd r1.w, u1, l(0), l(1)\n"
    "atomic_umax u1, l(4), r1.y\n"
    "imm_atomic_cmp_exch r2.x, u1, l(8), r1.y, r1.z\n"
    "store_uav_typed u2.xyzw, vThreadID.xyyy, r0.xyzw\n"
    "store_raw u1.x, l(12), r1.x\n"
    "bfi r0.x, l(8), l(4), r1.x, r1.y\n"
    "ubfe r0.y, l(8), l(4), r1.x\n"
    "countbits r0.z, r1.x\n"
    "firstbit_hi r0.w, r1.x\n"
    "uaddc r1.x, r1.y, r0.x, r0.y\n"
    "imul null, r2.y, r0.x, l(-3)\n"
    "udiv r2.z, r2.w, r0.x, l(0x12345678)\n"
    "ftod r0.xy, r1.x\n"
    "dadd r0.xy, r0.xyxx, d(1.000000, 2.500000)\n"
    "dmul r0.zw, r0.xxxy, d(0.100000, 0x7ff8000000000000)\n"
    "dtof r1.x, r0.zwzz\n"
    "sync_uglobal_t\n"
    "f32tof16 r1.y, r1.x\n"
    "f16tof32 r1.z, r1.y\n"
    "bufinfo r1.w, t0.xyzw\n"
    "ret\n",

    /* ps_5_0: class linkage (decoded and reassembled even if the back end rejects it) */
    "// sig output 0 xyzw SV_Target 0 TARGET float -\n"
    "ps_5_0\n"
    "dcl_function_body fb0\n"
    "dcl_function_body fb1\n"
    "dcl_function_table ft0 = {fb0}\n"
    "dcl_function_table ft1 = {fb1}\n"
    "dcl_interface fp0[1][1] = {ft0, ft1}\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 1\n"
    "fcall(0) fp0[0][0]\n"
    "mov o0.xyzw, r0.xyzw\n"
    "ret\n"
    "label fb0\n"
    "mov r0.xyzw, l(1.000000, 0, 0, 1.000000)\n"
    "ret\n"
    "label fb1\n"
    "mov r0.xyzw, l(0, 1.000000, 0, 1.000000)\n"
    "ret\n",

    /* vs_5_0: subroutines */
    "// sig input 0 x A 0 NONE uint x\n"
    "// sig output 0 xyzw B 0 NONE float -\n"
    "vs_5_0\n"
    "dcl_input v0.x\n"
    "dcl_output o0.xyzw\n"
    "dcl_temps 1\n"
    "call l0\n"
    "callc_nz v0.x, l1\n"
    "mov o0.xyzw, r0.xyzw\n"
    "ret\n"
    "label l0\n"
    "mov r0.xyzw, l(0, 0, 0, 0)\n"
    "ret\n"
    "label l1\n"
    "ishl r0.x, v0.x, l(2)\n"
    "itof r0.yzw, r0.xxxx\n"
    "ret\n",
};

static const char *const stage_prefix[] = { "vs_", "ps_", "ps_", "ps_", "gs_", "gs_", "hs_", "ds_", "cs_", "ps_", "vs_" };

static void test_round_trips(void)
{
    unsigned int i, passed = 0;

    for (i = 0; i < sizeof(shaders) / sizeof(*shaders); ++i)
    {
        struct dxbc_program *program = NULL;
        char error[256], *text = NULL;
        void *blob = NULL;
        size_t size;

        if (!dxbc_assemble(shaders[i], &blob, &size, error, sizeof(error)))
        {
            CHECK(0, "shader %u does not assemble: %s", i, error);
            continue;
        }
        CHECK(dxbc_checksum_verify(blob, size) == DXBC_OK, "shader %u: bad checksum", i);
        if (dxbc_program_parse(blob, size, &program, error, sizeof(error)) != DXBC_OK)
        {
            CHECK(0, "shader %u does not parse: %s", i, error);
            dxbc_free(blob);
            continue;
        }
        text = dxbc_disassemble(program);
        if (text && !strcmp(text, shaders[i]))
            ++passed;
        else
            CHECK(0, "shader %u: text differs:\n--- expected\n%s--- got\n%s", i, shaders[i], text ? text : "(null)");
        CHECK(strstr(shaders[i], stage_prefix[i]) != NULL && strstr(text ? text : "", stage_prefix[i]), "stage %u", i);
        dxbc_free(text);
        dxbc_program_free(program);
        dxbc_free(blob);
    }
    printf("assembler round trips: %u of %zu shaders\n", passed, sizeof(shaders) / sizeof(*shaders));
}

static void test_encoding(void)
{
    static const uint32_t expected[] =
    {
        0x00010040, 8,                                               /* vs_4_0, 8 tokens */
        0x05000036, 0x001020f2, 0, 0x00101e46, 0,                    /* mov o0.xyzw, v0.xyzw */
        0x0100003e,                                                  /* ret */
    };
    struct dxbc_program *program;
    struct dxbc_container c;
    const struct dxbc_chunk *chunk;
    void *blob;
    size_t size;

    CHECK(dxbc_assemble("vs_4_0\nmov o0.xyzw, v0.xyzw\nret\n", &blob, &size, NULL, 0), "assemble");
    if (!blob)
        return;
    CHECK(dxbc_parse_container(blob, size, &c) == DXBC_OK, "container");
    chunk = dxbc_container_find_chunk(&c, DXBC_TAG_SHDR);
    CHECK(chunk && chunk->size == sizeof(expected) && !memcmp(chunk->data, expected, sizeof(expected)),
            "tokens of mov o0.xyzw, v0.xyzw");
    CHECK(!dxbc_container_find_chunk(&c, DXBC_TAG_SHEX), "SM4 uses SHDR");
    CHECK(dxbc_checksum_verify(blob, size) == DXBC_OK, "checksum");
    ((uint8_t *)blob)[size - 1] ^= 1;
    CHECK(dxbc_checksum_verify(blob, size) == DXBC_ERROR_BAD_CHECKSUM, "checksum after a flipped bit");
    dxbc_free(blob);

    /* Operand details the IR must expose. */
    CHECK(dxbc_assemble("ps_5_0\nmad_sat r0.xy, -|cb1[r2.w + 3].zwzz|, l(1.0, 2, 0x40400000, -4), icb[r1.x].x\n"
            "sample_l_aoffimmi_indexable(1,-8,7)(texture3d)(uint,sint,float,unorm) r0.xyzw, r1.xyzx, t3.xyzw, s2, l(0)\n",
            &blob, &size, NULL, 0), "assemble operand test");
    if (blob && dxbc_program_parse(blob, size, &program, NULL, 0) == DXBC_OK)
    {
        const struct dxbc_instruction *mad = &program->instructions[0], *smp = &program->instructions[1];
        const struct dxbc_operand *cb = dxbc_instruction_src(mad, 0), *imm = dxbc_instruction_src(mad, 1);
        const struct dxbc_operand *icb = dxbc_instruction_src(mad, 2);

        CHECK(program->instruction_count == 2 && program->stage == DXBC_STAGE_PS && program->is_shex, "program");
        CHECK(mad->opcode == DXBC_OP_MAD && mad->saturate && mad->dst_count == 1 && mad->operand_count == 4, "mad");
        CHECK(dxbc_instruction_dst(mad, 0)->mask == 0x3, "dst mask");
        CHECK(cb->type == DXBC_REG_CONSTANT_BUFFER && cb->neg && cb->abs && cb->index_count == 2
                && cb->index[0].imm == 1 && cb->index[1].repr == DXBC_INDEX_IMM32_RELATIVE && cb->index[1].imm == 3
                && cb->index[1].rel && cb->index[1].rel->type == DXBC_REG_TEMP && cb->index[1].rel->index[0].imm == 2
                && cb->index[1].rel->select_mode == DXBC_SELECT_SELECT1 && cb->index[1].rel->select1 == 3, "cb operand");
        CHECK(cb->select_mode == DXBC_SELECT_SWIZZLE && cb->swizzle[0] == 2 && cb->swizzle[1] == 3
                && cb->swizzle[2] == 2 && cb->swizzle[3] == 2, "swizzle");
        CHECK(imm->type == DXBC_REG_IMMEDIATE32 && imm->imm_count == 4 && imm->imm.f32[0] == 1.0f
                && imm->imm.u32[1] == 2 && imm->imm.f32[2] == 3.0f && imm->imm.i32[3] == -4, "immediate");
        CHECK(icb->type == DXBC_REG_IMMEDIATE_CONSTANT_BUFFER && icb->index[0].repr == DXBC_INDEX_RELATIVE, "icb");
        CHECK(smp->opcode == DXBC_OP_SAMPLE_L && smp->has_offsets && smp->offset_u == 1 && smp->offset_v == -8
                && smp->offset_w == 7 && smp->has_resource_dim && smp->resource_dim == DXBC_RESOURCE_TEXTURE3D
                && smp->has_return_type && smp->return_type[0] == DXBC_RETURN_UINT
                && smp->return_type[1] == DXBC_RETURN_SINT && smp->return_type[3] == DXBC_RETURN_UNORM, "sample_l");
        dxbc_program_free(program);
    }
    else
        CHECK(0, "operand test does not parse");
    dxbc_free(blob);
}

static void test_derived_signatures(void)
{
    static const char text[] =
        "ps_4_0\n"
        "dcl_input_ps_siv linear noperspective v0.xy, position\n"
        "dcl_input_ps linear v1.xyz\n"
        "dcl_input_ps constant v1.w\n"
        "dcl_output o0.xyzw\n"
        "dcl_output o2.xy\n"
        "dcl_output oDepth\n"
        "ret\n";
    const struct dxbc_signature_element *e;
    struct dxbc_program *program;
    void *blob;
    size_t size;

    CHECK(dxbc_assemble(text, &blob, &size, NULL, 0), "assemble");
    if (!blob || dxbc_program_parse(blob, size, &program, NULL, 0) != DXBC_OK)
    {
        CHECK(0, "derived-signature shader does not parse");
        dxbc_free(blob);
        return;
    }
    CHECK(program->input.element_count == 3 && program->output.element_count == 3, "element counts %u %u",
            program->input.element_count, program->output.element_count);
    e = dxbc_signature_find_register(&program->input, 0, 0x3);
    CHECK(e && !strcmp(e->semantic_name, "SV_Position") && e->system_value == DXBC_NAME_POSITION, "SV_Position");
    e = dxbc_signature_find_register(&program->input, 1, 0x8);
    CHECK(e && e->mask == 0x8 && !strcmp(e->semantic_name, "TEXCOORD"), "packed v1.w");
    e = dxbc_signature_find_semantic(&program->output, "sv_target", 2);
    CHECK(e && e->register_index == 2 && e->mask == 0x3 && e->system_value == DXBC_NAME_TARGET, "SV_Target2");
    e = dxbc_signature_find_semantic(&program->output, "SV_Depth", 0);
    CHECK(e && e->register_index == 0xffffffffu && e->system_value == DXBC_NAME_DEPTH, "SV_Depth");
    CHECK(program->input.tag == DXBC_TAG_ISGN && program->output.tag == DXBC_TAG_OSGN, "chunk tags");
    dxbc_program_free(program);
    dxbc_free(blob);
}

static void test_errors(void)
{
    static const struct { const char *text; const char *message; } cases[] =
    {
        { "mov r0.x, r1.x\n", "line 1" },
        { "vs_4_0\nfrobnicate r0.x\n", "line 2" },
        { "vs_4_0\n\nmov r0.x\n", "line 3" },
        { "vs_4_0\nmov r0.x, r1.x, r2.x\n", "line 2" },
        { "vs_4_0\nmov r0.x, q1.x\n", "unknown register" },
        { "vs_4_0\nif r0.x\n", "_nz" },
        { "vs_4_0\nmov r0.x, l(1, 2)\n", "line 2" },
        { "vs_4_0\ndcl_temps\n", "line 2" },
        { "vs_4_0\ndcl_sampler s0, mode_sideways\n", "line 2" },
        { "vs_4_0\ndcl_immediateConstantBuffer { { 1, 2, 3, 4}\n", "unterminated" },
        { "vs_6_0\n", "version" },
        { "vs_4_0\nmov r0.x, x[r1.x + r2.x].x\n", "line 2" },
        { "// sig input 0 xyzw\nvs_4_0\n", "line 1" },
    };
    unsigned int i;

    for (i = 0; i < sizeof(cases) / sizeof(*cases); ++i)
    {
        char error[256] = "untouched";
        void *blob = (void *)1;
        size_t size = 1;

        CHECK(!dxbc_assemble(cases[i].text, &blob, &size, error, sizeof(error)) && !blob && !size,
                "case %u assembled", i);
        CHECK(strstr(error, cases[i].message) != NULL, "case %u: message '%s' lacks '%s'", i, error, cases[i].message);
    }
}

/* Numbers keep '.' under a locale whose decimal point is ','. Runs only where such a
 * locale is installed, and says so otherwise. */
static void test_locale(void)
{
    static const char *const locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE.utf8", "fr_FR.utf8", "German_Germany.1252" };
    static const char text[] =
        "vs_4_0\n"
        "mov r0.xyzw, l(1.500000, 0.333333343, -2.000000, 0x7f800000)\n"
        "dadd r0.xy, r0.xyxx, d(1.500000, 0.100000)\n"
        "ret\n";
    struct dxbc_program *program;
    unsigned int i;
    char *out = NULL;
    void *blob;
    size_t size;

    for (i = 0; i < sizeof(locales) / sizeof(*locales); ++i)
        if (setlocale(LC_NUMERIC, locales[i]) && localeconv()->decimal_point[0] == ',')
            break;
    if (i == sizeof(locales) / sizeof(*locales))
    {
        printf("decimal-comma locale test not run: no such locale installed\n");
        setlocale(LC_NUMERIC, "C");
        return;
    }
    CHECK(dxbc_assemble(text, &blob, &size, NULL, 0), "assemble under %s", locales[i]);
    if (blob && dxbc_program_parse(blob, size, &program, NULL, 0) == DXBC_OK)
    {
        out = dxbc_disassemble(program);
        CHECK(out && !strcmp(out, text), "text under %s:\n%s", locales[i], out ? out : "(null)");
        CHECK(program->instructions[0].operands[1].imm.f32[0] == 1.5f, "1.5 under %s", locales[i]);
        dxbc_program_free(program);
    }
    else
        CHECK(0, "no program under %s", locales[i]);
    printf("decimal-comma locale test run under %s\n", locales[i]);
    dxbc_free(out);
    dxbc_free(blob);
    setlocale(LC_NUMERIC, "C");
}

int main(void)
{
    test_round_trips();
    test_encoding();
    test_derived_signatures();
    test_errors();
    test_locale();
    printf("%u checks, %u failures\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}
