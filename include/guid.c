/* guid.c — instantiates the interface ids of the Direct3D headers and the project's own. */
#define INITGUID
#include "d3d11vk_common.h"
#include "d3d11vk_private.h"
