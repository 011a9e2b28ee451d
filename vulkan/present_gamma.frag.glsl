#version 450
// The gamma pass: each channel of the blitted frame (its encoded value, read through a UNORM
// view) goes through the output's gamma ramp, `points` control points evenly spaced on
// [0, 1] and interpolated linearly. An sRGB swapchain encodes what is written, so the
// result is decoded first and the screen gets the ramp's value.
layout(set = 0, binding = 0) uniform sampler2D src;
layout(set = 0, binding = 1, std430) readonly buffer ramp_buffer { vec4 ramp[]; };
layout(push_constant) uniform gamma_push { uint points; uint srgb_target; } pc;
layout(location = 0) out vec4 color;

float apply(float x, int c)
{
    float f = clamp(x, 0.0, 1.0) * float(pc.points - 1u);
    int i = min(int(f), int(pc.points) - 1);
    int j = min(i + 1, int(pc.points) - 1);
    return mix(ramp[i][c], ramp[j][c], f - float(i));
}

void main()
{
    vec4 s = texelFetch(src, ivec2(gl_FragCoord.xy), 0);
    vec3 o = clamp(vec3(apply(s.r, 0), apply(s.g, 1), apply(s.b, 2)), 0.0, 1.0);
    if (pc.srgb_target != 0u)
        o = mix(o / 12.92, pow((o + 0.055) / 1.055, vec3(2.4)), step(vec3(0.04045), o));
    color = vec4(o, 1.0);
}
