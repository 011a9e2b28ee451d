#version 450
// HUD quads: one instance per glyph or box; the rectangle in pixels, the glyph's 8x8 bitmap
// (bit y * 8 + x, row 0 at the top) and its colour. Six vertices per instance.
layout(push_constant) uniform hud_push { vec2 scale; } pc;   // 2 / surface size
layout(location = 0) in vec4 rect;        // x, y, width, height in pixels
layout(location = 1) in uvec2 bits;
layout(location = 2) in vec4 color;
layout(location = 0) out vec2 uv;
layout(location = 1) flat out uvec2 glyph;
layout(location = 2) flat out vec4 tint;

const vec2 corners[6] = vec2[](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(0.0, 1.0),
                               vec2(1.0, 0.0), vec2(1.0, 1.0), vec2(0.0, 1.0));

void main()
{
    vec2 c = corners[gl_VertexIndex % 6];
    vec2 p = rect.xy + c * rect.zw;
    gl_Position = vec4(p * pc.scale - 1.0, 0.0, 1.0);
    uv = c;
    glyph = bits;
    tint = color;
}
