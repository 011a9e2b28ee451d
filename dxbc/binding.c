/* binding.c — placeholder translation unit so the library always has a member. */
#include "dxbc_binding.h"
uint32_t dxbc_binding_for(enum dxbc_stage stage, enum dxbc_binding_kind kind, uint32_t slot);
uint32_t dxbc_binding_for(enum dxbc_stage stage, enum dxbc_binding_kind kind, uint32_t slot)
{
    return dxbc_binding_index(stage, kind, slot);
}
