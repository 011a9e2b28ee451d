/* context_so.h — stream output recording for the draw path (context_so.c). */
#ifndef D3D11VK_CONTEXT_SO_H
#define D3D11VK_CONTEXT_SO_H

#include "d3d11_private.h"

/* The SO targets as a backend record (after writing explicit offsets into the counters);
 * called by the draw path when D3D11_DIRTY_SO_TARGETS is set. */
void d3d11_so_record_targets(struct d3d11_context *context);
/* Stage s's shader when a signature-only stream-output object is bound as GS and s is the
 * last geometry stage: the shader compiled with its capture (*vk NULL when that fails). */
bool d3d11_so_variant(struct d3d11_context *context, enum d3d11_stage s, struct d3d11_shader *shader,
        struct vk_shader **vk);
/* The DrawAuto record for vertex buffer slot 0 (after the draw path recorded bindings). */
void d3d11_so_record_draw_auto(struct d3d11_context *context);

#endif
