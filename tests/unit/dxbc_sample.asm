// A vertex shader in the assembler's syntax (d3d11vk-dxbc asm); see dxbc/asm.c.
// sig input 0 xyzw POSITION 0 NONE float xyzw
// sig input 1 xy TEXCOORD 0 NONE float xy
// sig output 0 xyzw SV_Position 0 POS float -
// sig output 1 xy TEXCOORD 0 NONE float zw
vs_5_0
dcl_globalFlags refactoringAllowed
dcl_constantbuffer CB0[4], immediateIndexed
dcl_input v0.xyzw
dcl_input v1.xy
dcl_output_siv o0.xyzw, position
dcl_output o1.xy
dcl_temps 1
mul r0.xyzw, v0.yyyy, cb0[1].xyzw
mad r0.xyzw, cb0[0].xyzw, v0.xxxx, r0.xyzw
mad r0.xyzw, cb0[2].xyzw, v0.zzzz, r0.xyzw
mad o0.xyzw, cb0[3].xyzw, v0.wwww, r0.xyzw
mov o1.xy, v1.xyxx
ret
