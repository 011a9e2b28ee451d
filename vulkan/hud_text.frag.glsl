#version 450
// A texel of the glyph's 8x8 bitmap: set bits take the colour, clear ones are discarded.
layout(location = 0) in vec2 uv;
layout(location = 1) flat in uvec2 glyph;
layout(location = 2) flat in vec4 tint;
layout(location = 0) out vec4 color;

void main()
{
    ivec2 c = clamp(ivec2(uv * 8.0), ivec2(0), ivec2(7));
    int i = c.y * 8 + c.x;
    uint word = i < 32 ? glyph.x : glyph.y;
    if (((word >> uint(i & 31)) & 1u) == 0u)
        discard;
    color = tint;
}
