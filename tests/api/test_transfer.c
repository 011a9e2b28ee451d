/* test_transfer.c — the context's transfer methods, checked by reading pixels back: every format
 * feature level 11_1 requires to be copyable/renderable/mappable, typeless copy rules, partial
 * copies with odd boxes, 3D and array subresources, UpdateSubresource, Map semantics (DISCARD
 * renaming, NO_OVERWRITE, DO_NOT_WAIT), clears, GenerateMips, MSAA resolve, queries, lifetime. */
#include "test.h"
#include <math.h>
/* The project's format table: which formats FL11_1 requires, their block sizes. */
#include "../../d3d11/format.c"

#ifdef D3D11VK_NATIVE
# include <unistd.h>
static void test_sleep(unsigned int ms) { usleep(ms * 1000); }
#else
static void test_sleep(unsigned int ms) { Sleep(ms); }
#endif
#define umax(a, b) ((a) > (b) ? (a) : (b))

static ID3D11Device *device;
static ID3D11DeviceContext *context;

#define BAD ((void *)(uintptr_t)0xdeadbeef)

static uint8_t pattern_byte(unsigned int i, unsigned int seed)
{
    return (uint8_t)(i * 131u + seed * 17u + (i >> 7) * 7u);
}

/* Copies subresource `sub` of any texture to a staging texture and returns its bytes tightly
 * packed (row_bytes * rows * depth); NULL on failure. */
static uint8_t *read_subresource(ID3D11Resource *res, UINT sub, size_t *out_size)
{
    const struct d3d11vk_format_info *info;
    D3D11_RESOURCE_DIMENSION dim;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Resource *staging = NULL;
    UINT w, h = 1, d = 1, mip, rows, z, y;
    size_t row_bytes = 0;
    uint8_t *out = NULL;
    HRESULT hr;

    ID3D11Resource_GetType(res, &dim);
    if (dim == D3D11_RESOURCE_DIMENSION_TEXTURE2D)
    {
        D3D11_TEXTURE2D_DESC desc;
        ID3D11Texture2D_GetDesc((ID3D11Texture2D *)res, &desc);
        mip = sub % desc.MipLevels;
        desc.Width = w = umax(1u, desc.Width >> mip);
        desc.Height = h = umax(1u, desc.Height >> mip);
        desc.MipLevels = desc.ArraySize = 1;
        desc.Usage = D3D11_USAGE_STAGING;
        desc.BindFlags = 0;
        desc.MiscFlags = 0;
        desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
        hr = ID3D11Device_CreateTexture2D(device, &desc, NULL, (ID3D11Texture2D **)&staging);
        info = d3d11vk_format_get(desc.Format);
    }
    else if (dim == D3D11_RESOURCE_DIMENSION_TEXTURE3D)
    {
        D3D11_TEXTURE3D_DESC desc;
        ID3D11Texture3D_GetDesc((ID3D11Texture3D *)res, &desc);
        mip = sub % desc.MipLevels;
        desc.Width = w = umax(1u, desc.Width >> mip);
        desc.Height = h = umax(1u, desc.Height >> mip);
        desc.Depth = d = umax(1u, desc.Depth >> mip);
        desc.MipLevels = 1;
        desc.Usage = D3D11_USAGE_STAGING;
        desc.BindFlags = 0;
        desc.MiscFlags = 0;
        desc.CPUAccessFlags = D3D11_CPU_ACCESS_READ;
        hr = ID3D11Device_CreateTexture3D(device, &desc, NULL, (ID3D11Texture3D **)&staging);
        info = d3d11vk_format_get(desc.Format);
    }
    else
        return NULL;
    if (FAILED(hr) || !info)
        return NULL;
    ID3D11DeviceContext_CopySubresourceRegion(context, staging, 0, 0, 0, 0, res, sub, NULL);
    hr = ID3D11DeviceContext_Map(context, staging, 0, D3D11_MAP_READ, 0, &map);
    ok(hr == S_OK, "Map of the readback texture: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        d3d11vk_format_pitch(info, w, &row_bytes);
        rows = d3d11vk_format_block_rows(info, h);
        out = malloc(row_bytes * rows * d + 1);
        for (z = 0; z < d; ++z)
            for (y = 0; y < rows; ++y)
                memcpy(out + (z * rows + y) * row_bytes, (uint8_t *)map.pData + z * map.DepthPitch + y * map.RowPitch, row_bytes);
        *out_size = row_bytes * rows * d;
        ID3D11DeviceContext_Unmap(context, staging, 0);
    }
    ID3D11Resource_Release(staging);
    return out;
}

static ID3D11Texture2D *create_tex2d(UINT w, UINT h, UINT mips, UINT array, DXGI_FORMAT format, D3D11_USAGE usage,
        UINT bind, UINT cpu, UINT misc, const D3D11_SUBRESOURCE_DATA *data)
{
    D3D11_TEXTURE2D_DESC desc = { w, h, mips, array, format, { 1, 0 }, usage, bind, cpu, misc };
    ID3D11Texture2D *t = NULL;
    HRESULT hr = ID3D11Device_CreateTexture2D(device, &desc, data, &t);

    ok(hr == S_OK, "CreateTexture2D %ux%u %s: %#lx", w, h, d3d11vk_format_name(format), (unsigned long)hr);
    return SUCCEEDED(hr) ? t : NULL;
}

/* Every format FL11_1 requires for 2D textures: upload a pattern, copy it through a second
 * texture, read it back exactly; mappable ones are also read through Map of a staging texture
 * created with the data. */
static void test_formats_copy(void)
{
    unsigned int f, i, count = 0;
    const UINT w = 12, h = 8;

    for (f = 1; f < 192; ++f)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get(f);
        D3D11_SUBRESOURCE_DATA data;
        ID3D11Texture2D *src, *dst, *staging;
        D3D11_MAPPED_SUBRESOURCE map;
        size_t row = 0, size, got_size = 0;
        uint8_t *bytes, *got;
        UINT rows, support = 0;
        bool match;

        if (!info || !(info->fl11_1_required & D3D11_FORMAT_SUPPORT_TEXTURE2D)
                || (info->flags & (D3D11VK_FORMAT_VIEW_ONLY | D3D11VK_FORMAT_PLANAR | D3D11VK_FORMAT_REPACK
                | D3D11VK_FORMAT_VIDEO | D3D11VK_FORMAT_STENCIL)))
            continue;
        if (FAILED(ID3D11Device_CheckFormatSupport(device, f, &support)) || !(support & D3D11_FORMAT_SUPPORT_TEXTURE2D))
        {
            /* Formats Vulkan has no equivalent for on this device (R1, 422 pairs, XR_BIAS):
             * the device reports them unsupported, so creation must fail cleanly. */
            ID3D11Texture2D *t = (void *)BAD;
            D3D11_TEXTURE2D_DESC td = { 4, 4, 1, 1, f, { 1, 0 }, D3D11_USAGE_DEFAULT, 0 };
            ok(ID3D11Device_CreateTexture2D(device, &td, NULL, &t) == E_INVALIDARG && !t,
                    "%s: unsupported format created", info->name);
            printf("   %s: not supported by this device, not copied\n", info->name);
            continue;
        }
        d3d11vk_format_pitch(info, w, &row);
        rows = d3d11vk_format_block_rows(info, h);
        size = row * rows;
        bytes = malloc(size);
        for (i = 0; i < size; ++i)
            bytes[i] = pattern_byte(i, f);
        /* Float formats: no NaNs (copies keep them, but keep the pattern ordinary). */
        if (info->flags & D3D11VK_FORMAT_FLOAT)
            for (i = 0; i < size; ++i)
                if ((i % 2) == 1)
                    bytes[i] &= 0x3f;
        data.pSysMem = bytes;
        data.SysMemPitch = (UINT)row;
        data.SysMemSlicePitch = (UINT)size;
        ++count;
        src = create_tex2d(w, h, 1, 1, f, D3D11_USAGE_DEFAULT, 0, 0, 0, &data);
        dst = create_tex2d(w, h, 1, 1, f, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
        if (src && dst)
        {
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)dst, (ID3D11Resource *)src);
            got = read_subresource((ID3D11Resource *)dst, 0, &got_size);
            match = got && got_size == size && !memcmp(got, bytes, size);
            ok(match, "%s: copy mismatch", info->name);
            free(got);
        }
        if (src) ID3D11Texture2D_Release(src);
        if (dst) ID3D11Texture2D_Release(dst);
        if ((info->fl11_1_required & D3D11_FORMAT_SUPPORT_CPU_LOCKABLE)
                && (staging = create_tex2d(w, h, 1, 1, f, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, &data)))
        {
            if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map)))
            {
                match = map.RowPitch >= row;
                for (i = 0; match && i < rows; ++i)
                    match = !memcmp((uint8_t *)map.pData + i * map.RowPitch, bytes + i * row, row);
                ok(match, "%s: staging initial data mismatch", info->name);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
            }
            else
                ok(0, "%s: Map failed", info->name);
            ID3D11Texture2D_Release(staging);
        }
        free(bytes);
    }
    ok(count > 60, "only %u formats tested", count);
    printf("   %u formats copied\n", count);
}

/* Render targets: clears with values each format represents exactly. */
/* Combined depth/stencil formats: D3D interleaves depth and stencil in one texel; initial
 * data, staging -> image copies, image -> staging readbacks, staging -> staging copies of a
 * pending readback and clears must all come back in the D3D layout. */
static uint32_t ds_depth24(unsigned int i) { return (i * 0x12345u + 7u) & 0xffffffu; }
static uint8_t ds_stencil(unsigned int i, unsigned int seed) { return (uint8_t)(i * 37u + 1u + seed * 11u); }

static void ds_fill(uint8_t *out, size_t bb, unsigned int n, unsigned int seed)
{
    unsigned int i;

    for (i = 0; i < n; ++i)
    {
        if (bb == 4)
        {
            uint32_t word = ((ds_depth24(i + seed) ) & 0xffffffu) | ((uint32_t)ds_stencil(i, seed) << 24);
            memcpy(out + i * 4, &word, 4);
        }
        else
        {
            float f = (float)((i + seed) % 17) / 16.0f;
            memcpy(out + i * 8, &f, 4);
            out[i * 8 + 4] = ds_stencil(i, seed);
            out[i * 8 + 5] = out[i * 8 + 6] = out[i * 8 + 7] = 0;
        }
    }
}

/* Compares n texels: stencil exact, depth exact (D24 within one step). */
static unsigned int ds_compare(const uint8_t *got, const uint8_t *want, size_t bb, unsigned int n)
{
    unsigned int i, bad = 0;

    for (i = 0; i < n; ++i)
    {
        if (bb == 4)
        {
            uint32_t g, w;
            int diff;
            memcpy(&g, got + i * 4, 4);
            memcpy(&w, want + i * 4, 4);
            diff = (int)(g & 0xffffff) - (int)(w & 0xffffff);
            if ((g >> 24) != (w >> 24) || diff < -1 || diff > 1)
                ++bad;
        }
        else
        {
            float g, w;
            memcpy(&g, got + i * 8, 4);
            memcpy(&w, want + i * 8, 4);
            if (g != w || got[i * 8 + 4] != want[i * 8 + 4])
                ++bad;
        }
    }
    return bad;
}

static void test_depth_stencil_repack(void)
{
    static const DXGI_FORMAT formats[] = { DXGI_FORMAT_D24_UNORM_S8_UINT, DXGI_FORMAT_D32_FLOAT_S8X24_UINT };
    static const DXGI_FORMAT typeless[] = { DXGI_FORMAT_R24G8_TYPELESS, DXGI_FORMAT_R32G8X24_TYPELESS };
    enum { W = 5, H = 3 };
    uint8_t want[W * H * 8], want1[2 * 1 * 8], want2[W * H * 8], *got;
    D3D11_SUBRESOURCE_DATA data[2];
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Texture2D *tex, *staging, *staging2, *tl;
    ID3D11DepthStencilView *dsv;
    D3D11_BOX box = { 1, 1, 0, 4, 3, 1 };
    unsigned int f, i, y;
    size_t size, bb;
    HRESULT hr;

    for (f = 0; f < 2; ++f)
    {
        bb = f ? 8 : 4;
        /* Initial data of a depth-stencil texture with two mips. */
        ds_fill(want, bb, W * H, 0);
        ds_fill(want1, bb, 2, 5);
        data[0].pSysMem = want;
        data[0].SysMemPitch = W * bb;
        data[0].SysMemSlicePitch = 0;
        data[1].pSysMem = want1;
        data[1].SysMemPitch = 2 * bb;
        data[1].SysMemSlicePitch = 0;
        tex = create_tex2d(W, H, 2, 1, formats[f], D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, data);
        if (!tex)
            continue;
        got = read_subresource((ID3D11Resource *)tex, 0, &size);
        ok(got && size == W * H * bb && !ds_compare(got, want, bb, W * H), "%s initial data mip 0 reads back",
                d3d11vk_format_name(formats[f]));
        free(got);
        got = read_subresource((ID3D11Resource *)tex, 1, &size);
        ok(got && size == 2 * bb && !ds_compare(got, want1, bb, 2), "%s initial data mip 1 reads back",
                d3d11vk_format_name(formats[f]));
        free(got);

        /* Staging (with data) -> depth-stencil texture -> staging. */
        ds_fill(want2, bb, W * H, 9);
        data[0].pSysMem = want2;
        staging = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_STAGING, 0,
                D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE, 0, data);
        if (staging)
        {
            ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)tex, 0, 0, 0, 0, (ID3D11Resource *)staging, 0, NULL);
            got = read_subresource((ID3D11Resource *)tex, 0, &size);
            ok(got && !ds_compare(got, want2, bb, W * H), "%s staging -> image copy", d3d11vk_format_name(formats[f]));
            free(got);

            /* A readback still pending in the staging texture, copied on to a second one with a box. */
            ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)staging, 0, 0, 0, 0, (ID3D11Resource *)tex, 0, NULL);
            staging2 = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, NULL);
            if (staging2)
            {
                ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)staging2, 0, 0, 0, 0,
                        (ID3D11Resource *)staging, 0, &box);
                hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging2, 0, D3D11_MAP_READ, 0, &map);
                ok(hr == S_OK, "Map: %#lx", (unsigned long)hr);
                if (SUCCEEDED(hr))
                {
                    unsigned int bad = 0;
                    for (y = 0; y < 2; ++y)
                        bad += ds_compare((uint8_t *)map.pData + y * map.RowPitch, want2 + ((y + 1) * W + 1) * bb, bb, 3);
                    /* Outside the box: zero. */
                    for (i = 3 * bb; i < W * bb; ++i)
                        bad += ((uint8_t *)map.pData)[2 * map.RowPitch + i] != 0;
                    ok(!bad, "%s staging -> staging copy of a pending readback: %u wrong", d3d11vk_format_name(formats[f]), bad);
                    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging2, 0);
                }
                ID3D11Texture2D_Release(staging2);
            }
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)staging, 0, D3D11_MAP_READ, 0, &map);
            ok(hr == S_OK, "Map: %#lx", (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                unsigned int bad = 0;
                for (y = 0; y < H; ++y)
                    bad += ds_compare((uint8_t *)map.pData + y * map.RowPitch, want2 + y * W * bb, bb, W);
                ok(!bad, "%s image -> staging Map READ: %u wrong", d3d11vk_format_name(formats[f]), bad);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)staging, 0);
            }
            ID3D11Texture2D_Release(staging);
        }

        /* Clear, then read back through a staging copy. */
        hr = ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)tex, NULL, &dsv);
        ok(hr == S_OK, "CreateDepthStencilView: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH | D3D11_CLEAR_STENCIL, 0.25f, 0x5a);
            for (i = 0; i < W * H; ++i)
            {
                if (bb == 4)
                {
                    uint32_t word = 4194304u | (0x5au << 24);
                    memcpy(want + i * 4, &word, 4);
                }
                else
                {
                    float q = 0.25f;
                    memcpy(want + i * 8, &q, 4);
                    want[i * 8 + 4] = 0x5a;
                }
            }
            got = read_subresource((ID3D11Resource *)tex, 0, &size);
            ok(got && !ds_compare(got, want, bb, W * H), "%s clear reads back", d3d11vk_format_name(formats[f]));
            free(got);
            ID3D11DepthStencilView_Release(dsv);
        }
        ID3D11Texture2D_Release(tex);

        /* A typeless texture (shader resource only) gets UpdateSubresource with a box. */
        tl = create_tex2d(W, H, 1, 1, typeless[f], D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0, NULL);
        if (tl)
        {
            ds_fill(want2, bb, 3 * 2, 3);
            ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tl, 0, &box, want2, 3 * bb, 0);
            got = read_subresource((ID3D11Resource *)tl, 0, &size);
            if (got)
            {
                unsigned int bad = 0;
                memset(want, 0, sizeof(want));
                for (y = 0; y < 2; ++y)
                    memcpy(want + ((y + 1) * W + 1) * bb, want2 + y * 3 * bb, 3 * bb);
                bad = ds_compare(got, want, bb, W * H);
                ok(!bad, "%s UpdateSubresource with a box: %u wrong", d3d11vk_format_name(typeless[f]), bad);
            }
            else
                ok(0, "%s read back", d3d11vk_format_name(typeless[f]));
            free(got);
            ID3D11Texture2D_Release(tl);
        }

        /* A dynamic typeless texture: Map(WRITE_DISCARD) in the D3D layout, repacked at Unmap. */
        tl = create_tex2d(W, H, 1, 1, typeless[f], D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE,
                D3D11_CPU_ACCESS_WRITE, 0, NULL);
        if (tl)
        {
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)tl, 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
            ok(hr == S_OK, "%s Map(WRITE_DISCARD): %#lx", d3d11vk_format_name(typeless[f]), (unsigned long)hr);
            if (SUCCEEDED(hr))
            {
                ds_fill(want2, bb, W * H, 4);
                for (y = 0; y < H; ++y)
                    memcpy((uint8_t *)map.pData + y * map.RowPitch, want2 + y * W * bb, W * bb);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)tl, 0);
                got = read_subresource((ID3D11Resource *)tl, 0, &size);
                ok(got && !ds_compare(got, want2, bb, W * H), "%s dynamic Map reads back", d3d11vk_format_name(typeless[f]));
                free(got);
            }
            ID3D11Texture2D_Release(tl);
        }
    }
}

/* Staging textures of combined depth/stencil formats on deferred contexts: UpdateSubresource of
 * a staging texture, staging -> image, image -> staging with a box and staging -> staging are
 * recorded; nothing lands before the list runs, everything after; a second run repeats it. */
static void test_depth_stencil_deferred(void)
{
    static const DXGI_FORMAT formats[] = { DXGI_FORMAT_D24_UNORM_S8_UINT, DXGI_FORMAT_D32_FLOAT_S8X24_UINT };
    enum { W = 6, H = 4 };
    uint8_t want[W * H * 8], zero[W * H * 8], region[W * H * 8];
    D3D11_BOX box = { 1, 1, 0, 5, 3, 1 };
    ID3D11Texture2D *tex, *st_in, *st_out, *st_box;
    ID3D11DeviceContext *deferred;
    ID3D11CommandList *list;
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int f, run, y, x;
    size_t bb;
    HRESULT hr;

    if (FAILED(ID3D11Device_CreateDeferredContext(device, 0, &deferred)))
    {
        ok(0, "deferred context");
        return;
    }
    memset(zero, 0, sizeof(zero));
    for (f = 0; f < 2; ++f)
    {
        bb = f ? 8 : 4;
        ds_fill(want, bb, W * H, 3);
        /* The box of `want` moved to (0, 0) of a W x H texture whose other texels stay zero. */
        memset(region, 0, sizeof(region));
        for (y = box.top; y < box.bottom; ++y)
            for (x = box.left; x < box.right; ++x)
                memcpy(region + ((y - box.top) * W + (x - box.left)) * bb, want + (y * W + x) * bb, bb);
        tex = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, NULL);
        st_in = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_WRITE, 0, NULL);
        st_out = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, NULL);
        st_box = create_tex2d(W, H, 1, 1, formats[f], D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, NULL);
        if (!tex || !st_in || !st_out || !st_box)
            goto next;
        ID3D11DeviceContext_UpdateSubresource(deferred, (ID3D11Resource *)st_in, 0, NULL, want, W * bb, 0);
        ID3D11DeviceContext_CopyResource(deferred, (ID3D11Resource *)tex, (ID3D11Resource *)st_in);
        ID3D11DeviceContext_CopyResource(deferred, (ID3D11Resource *)st_out, (ID3D11Resource *)tex);
        ID3D11DeviceContext_CopySubresourceRegion(deferred, (ID3D11Resource *)st_box, 0, 0, 0, 0,
                (ID3D11Resource *)st_out, 0, &box);
        hr = ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list);
        ok(hr == S_OK, "FinishCommandList: %#lx", (unsigned long)hr);
        if (FAILED(hr))
            goto next;
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)st_out, 0, D3D11_MAP_READ, 0, &map);
        ok(hr == S_OK, "Map before the list ran: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            for (y = 0; y < H; ++y)
                ok(!memcmp((uint8_t *)map.pData + y * map.RowPitch, zero, W * bb), "%s: row %u written before the list ran",
                        d3d11vk_format_name(formats[f]), y);
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)st_out, 0);
        }
        for (run = 0; run < 2; ++run)
        {
            if (run)
            {
                /* Clear the outputs on the immediate context; the second run writes them again. */
                ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)st_out, 0, NULL, zero, W * bb, 0);
                ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)st_box, 0, NULL, zero, W * bb, 0);
            }
            ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)st_out, 0, D3D11_MAP_READ, 0, &map);
            if (SUCCEEDED(hr))
            {
                uint8_t got[W * H * 8];
                for (y = 0; y < H; ++y)
                    memcpy(got + y * W * bb, (uint8_t *)map.pData + y * map.RowPitch, W * bb);
                ok(!ds_compare(got, want, bb, W * H), "%s run %u: staging -> image -> staging", d3d11vk_format_name(formats[f]), run);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)st_out, 0);
            }
            else
                ok(0, "Map: %#lx", (unsigned long)hr);
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)st_box, 0, D3D11_MAP_READ, 0, &map);
            if (SUCCEEDED(hr))
            {
                uint8_t got[W * H * 8];
                for (y = 0; y < H; ++y)
                    memcpy(got + y * W * bb, (uint8_t *)map.pData + y * map.RowPitch, W * bb);
                ok(!ds_compare(got, region, bb, W * H), "%s run %u: staging -> staging box", d3d11vk_format_name(formats[f]), run);
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)st_box, 0);
            }
            else
                ok(0, "Map: %#lx", (unsigned long)hr);
        }
        ID3D11CommandList_Release(list);
next:
        if (tex) ID3D11Texture2D_Release(tex);
        if (st_in) ID3D11Texture2D_Release(st_in);
        if (st_out) ID3D11Texture2D_Release(st_out);
        if (st_box) ID3D11Texture2D_Release(st_box);
    }
    ID3D11DeviceContext_Release(deferred);
}

static void test_formats_clear(void)
{
    static const float color[4] = { 1.0f, 0.0f, 0.5f, 0.25f };
    unsigned int f, count = 0;

    for (f = 1; f < 192; ++f)
    {
        const struct d3d11vk_format_info *info = d3d11vk_format_get(f);
        ID3D11RenderTargetView *rtv;
        ID3D11Texture2D *t;
        uint8_t *got;
        size_t size = 0;
        bool match = true;
        unsigned int i, c, channels;

        if (!info || !(info->fl11_1_required & D3D11_FORMAT_SUPPORT_RENDER_TARGET)
                || (info->flags & (D3D11VK_FORMAT_TYPELESS | D3D11VK_FORMAT_PACKED)))
            continue;
        /* Only the plain 8/16/32-bit-per-channel RGBA-ordered rows are checked value by value. */
        channels = !strncmp(info->name, "R32G32B32A32", 12) || !strncmp(info->name, "R16G16B16A16", 12)
                || !strncmp(info->name, "R8G8B8A8", 8) ? 4 : !strncmp(info->name, "R32G32_", 7)
                || !strncmp(info->name, "R16G16_", 7) || !strncmp(info->name, "R8G8_", 5) ? 2
                : !strncmp(info->name, "R32_", 4) || !strncmp(info->name, "R16_", 4) || !strncmp(info->name, "R8_", 3) ? 1 : 0;
        if (!channels)
            continue;
        if (!(t = create_tex2d(4, 4, 1, 1, f, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, NULL)))
            continue;
        if (FAILED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)t, NULL, &rtv)))
        {
            ok(0, "%s: no RTV", info->name);
            ID3D11Texture2D_Release(t);
            continue;
        }
        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
        got = read_subresource((ID3D11Resource *)t, 0, &size);
        ++count;
        for (i = 0; got && i < 16 && match; ++i)
            for (c = 0; c < channels; ++c)
            {
                unsigned int bytes = info->block_bytes / channels;
                const uint8_t *p = got + i * info->block_bytes + c * bytes;
                double v = 0, expect = color[c], tol = 0;
                if (info->flags & D3D11VK_FORMAT_FLOAT)
                {
                    if (bytes == 4) { float x; memcpy(&x, p, 4); v = x; }
                    else { uint16_t hbits; memcpy(&hbits, p, 2); v = ldexp((hbits & 0x3ff) | ((hbits >> 10) & 0x1f ? 0x400 : 0), ((hbits >> 10) & 0x1f ? ((hbits >> 10) & 0x1f) : 1) - 25); }
                }
                else if (info->flags & D3D11VK_FORMAT_UNORM)
                {
                    uint32_t x = 0, max = bytes == 1 ? 0xff : 0xffff;
                    memcpy(&x, p, bytes);
                    v = x;
                    expect = floor(color[c] * max + 0.5);
                    tol = 1;
                    if (info->flags & D3D11VK_FORMAT_SRGB)
                        goto skip;  /* encoding checked elsewhere */
                }
                else if (info->flags & D3D11VK_FORMAT_SNORM)
                {
                    int32_t x = 0;
                    if (bytes == 1) x = (int8_t)p[0]; else { int16_t s; memcpy(&s, p, 2); x = s; }
                    v = x;
                    expect = floor(color[c] * (bytes == 1 ? 127 : 32767) + 0.5);
                    tol = 1;
                }
                else if (info->flags & (D3D11VK_FORMAT_UINT | D3D11VK_FORMAT_SINT))
                {
                    uint32_t x = 0;
                    memcpy(&x, p, bytes);
                    v = x;
                    expect = (uint32_t)color[c];
                }
                else
                    goto skip;
                if (fabs(v - expect) > tol)
                {
                    ok(0, "%s: texel %u channel %u: %f, expected %f", info->name, i, c, v, expect);
                    match = false;
                    break;
                }
            skip:;
            }
        ok(got != NULL, "%s: readback", info->name);
        free(got);
        ID3D11RenderTargetView_Release(rtv);
        ID3D11Texture2D_Release(t);
    }
    ok(count >= 20, "only %u render-target formats cleared", count);
    printf("   %u render-target formats cleared\n", count);
}

static void test_typeless_copies(void)
{
    static uint32_t pixels[16], zero[16];
    D3D11_SUBRESOURCE_DATA data = { pixels, 16, 64 }, zdata = { zero, 16, 64 };
    D3D11_SUBRESOURCE_DATA bcdata = { pixels, 16, 64 };
    ID3D11Texture2D *tl, *uint_t, *other, *bc, *u16;
    size_t size;
    uint32_t *got;
    unsigned int i;

    for (i = 0; i < 16; ++i)
        pixels[i] = 0x01020304u * (i + 1);
    tl = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, D3D11_USAGE_DEFAULT, 0, 0, 0, &data);
    uint_t = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, &zdata);
    other = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R16G16_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, &zdata);
    if (!tl || !uint_t || !other)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)uint_t, (ID3D11Resource *)tl);
    got = (uint32_t *)read_subresource((ID3D11Resource *)uint_t, 0, &size);
    ok(got && !memcmp(got, pixels, 64), "typeless -> UINT copy");
    free(got);
    /* Another family: D3D11 ignores the copy. */
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)other, (ID3D11Resource *)tl);
    got = (uint32_t *)read_subresource((ID3D11Resource *)other, 0, &size);
    ok(got && !memcmp(got, zero, 64), "cross-family copy was not ignored");
    free(got);
    /* BC1 blocks (8 bytes) <-> R16G16B16A16_UINT texels. */
    bc = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_BC1_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, &bcdata);
    u16 = create_tex2d(2, 2, 1, 1, DXGI_FORMAT_R16G16B16A16_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (bc && u16)
    {
        ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)u16, 0, 0, 0, 0, (ID3D11Resource *)bc, 0, NULL);
        got = (uint32_t *)read_subresource((ID3D11Resource *)u16, 0, &size);
        ok(got && size == 32 && !memcmp(got, pixels, 32), "BC1 -> RGBA16_UINT block copy");
        free(got);
    }
    if (bc) ID3D11Texture2D_Release(bc);
    if (u16) ID3D11Texture2D_Release(u16);
    ID3D11Texture2D_Release(tl);
    ID3D11Texture2D_Release(uint_t);
    ID3D11Texture2D_Release(other);
}

static void test_partial_copies(void)
{
    enum { W = 13, H = 11 };
    static uint32_t src_px[W * H], dst_px[W * H];
    D3D11_SUBRESOURCE_DATA sd = { src_px, W * 4, 0 }, dd = { dst_px, W * 4, 0 };
    D3D11_BOX box = { 3, 1, 0, 10, 8, 1 };
    ID3D11Texture2D *src, *dst;
    uint32_t *got;
    size_t size;
    unsigned int x, y, bad = 0;

    for (x = 0; x < W * H; ++x)
    {
        src_px[x] = 0xa0000000u | x;
        dst_px[x] = 0x50000000u | x;
    }
    src = create_tex2d(W, H, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, &sd);
    dst = create_tex2d(W, H, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, &dd);
    if (!src || !dst)
        return;
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)dst, 0, 2, 3, 0, (ID3D11Resource *)src, 0, &box);
    /* Out of bounds: ignored entirely. */
    box.right = W + 1;
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)dst, 0, 0, 0, 0, (ID3D11Resource *)src, 0, &box);
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)dst, 0, W - 2, 0, 0, (ID3D11Resource *)src, 0, NULL);
    got = (uint32_t *)read_subresource((ID3D11Resource *)dst, 0, &size);
    for (y = 0; got && y < H; ++y)
        for (x = 0; x < W; ++x)
        {
            uint32_t expect = (x >= 2 && x < 9 && y >= 3 && y < 10) ? src_px[(y - 3 + 1) * W + (x - 2 + 3)] : dst_px[y * W + x];
            if (got[y * W + x] != expect && !bad++)
                ok(0, "texel %u,%u: %#x, expected %#x", x, y, got[y * W + x], expect);
        }
    ok(got && !bad, "partial copy: %u wrong texels", bad);
    free(got);
    ID3D11Texture2D_Release(src);
    ID3D11Texture2D_Release(dst);
}

static void test_3d_and_arrays(void)
{
    D3D11_TEXTURE3D_DESC d3 = { 8, 6, 5, 2, DXGI_FORMAT_R32_UINT, D3D11_USAGE_DEFAULT, 0 };
    static uint32_t m0[8 * 6 * 5], m1[4 * 3 * 2], a[3 * 2][16 * 16];
    D3D11_SUBRESOURCE_DATA init3[2] = { { m0, 32, 192 }, { m1, 16, 48 } }, inita[6];
    D3D11_BOX box = { 1, 0, 1, 4, 3, 2 };
    ID3D11Texture3D *t3, *t3b;
    ID3D11Texture2D *arr, *arr2;
    uint32_t *got;
    size_t size;
    unsigned int i, x, y, bad = 0;

    for (i = 0; i < ARRAYSIZE(m0); ++i) m0[i] = i;
    for (i = 0; i < ARRAYSIZE(m1); ++i) m1[i] = 1000 + i;
    if (FAILED(ID3D11Device_CreateTexture3D(device, &d3, init3, &t3)) || FAILED(ID3D11Device_CreateTexture3D(device, &d3, NULL, &t3b)))
    {
        ok(0, "3D textures");
        return;
    }
    got = (uint32_t *)read_subresource((ID3D11Resource *)t3, 1, &size);
    ok(got && size == sizeof(m1) && !memcmp(got, m1, sizeof(m1)), "3D mip 1 upload");
    free(got);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)t3b, (ID3D11Resource *)t3);
    got = (uint32_t *)read_subresource((ID3D11Resource *)t3b, 0, &size);
    ok(got && size == sizeof(m0) && !memcmp(got, m0, sizeof(m0)), "3D CopyResource mip 0");
    free(got);
    /* A box through mip 1 into mip 1 at (0,0,0). */
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)t3b, 1, 0, 0, 0, (ID3D11Resource *)t3, 1, &box);
    got = (uint32_t *)read_subresource((ID3D11Resource *)t3b, 1, &size);
    if (got)
    {
        for (y = 0; y < 3; ++y)
            for (x = 0; x < 3; ++x)
                if (got[y * 4 + x] != m1[1 * 12 + y * 4 + x + 1])
                    ++bad;
        ok(!bad, "3D region copy: %u wrong", bad);
        ok(got[3] == m1[3], "3D region copy wrote outside its box");
    }
    free(got);
    ID3D11Texture3D_Release(t3);
    ID3D11Texture3D_Release(t3b);

    /* Arrays: 3 slices x 2 mips; subresource 5 = mip 1 of slice 2. */
    for (i = 0; i < 6; ++i)
    {
        for (x = 0; x < 256; ++x) a[i][x] = (i << 16) | x;
        inita[i].pSysMem = a[i];
        inita[i].SysMemPitch = (i % 2) ? 8 * 4 : 16 * 4;
        inita[i].SysMemSlicePitch = 0;
    }
    arr = create_tex2d(16, 16, 2, 3, DXGI_FORMAT_R32_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, inita);
    arr2 = create_tex2d(8, 8, 1, 2, DXGI_FORMAT_R32_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (arr && arr2)
    {
        ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)arr2, 1, 0, 0, 0, (ID3D11Resource *)arr, 5, NULL);
        got = (uint32_t *)read_subresource((ID3D11Resource *)arr2, 1, &size);
        ok(got && size == 256 && !memcmp(got, a[5], 256), "array subresource 5 -> 1");
        free(got);
        got = (uint32_t *)read_subresource((ID3D11Resource *)arr, 2, &size);
        ok(got && size == 1024 && !memcmp(got, a[2], 1024), "array slice 1 mip 0");
        free(got);
    }
    if (arr) ID3D11Texture2D_Release(arr);
    if (arr2) ID3D11Texture2D_Release(arr2);
}

static void test_update_subresource(void)
{
    static uint32_t init[8 * 8], upd[32];
    D3D11_SUBRESOURCE_DATA data = { init, 32, 0 };
    D3D11_BOX box = { 1, 2, 0, 4, 5, 1 };
    D3D11_BUFFER_DESC bd = { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER };
    D3D11_BUFFER_DESC sd = { 64, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ };
    D3D11_BOX bbox = { 8, 0, 0, 20, 1, 1 };
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Buffer *buf, *stage;
    ID3D11Texture2D *t;
    uint32_t *got;
    size_t size;
    unsigned int x, y, bad = 0;
    uint8_t bytes[64];

    for (x = 0; x < 64; ++x) init[x] = x;
    for (x = 0; x < 32; ++x) upd[x] = 0xf000 + x;
    if (!(t = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R32_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, &data)))
        return;
    /* 3x3 texels from a source with an 8-texel pitch (padding between rows). */
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)t, 0, &box, upd, 8 * 4, 0);
    got = (uint32_t *)read_subresource((ID3D11Resource *)t, 0, &size);
    for (y = 0; got && y < 8; ++y)
        for (x = 0; x < 8; ++x)
        {
            uint32_t expect = (x >= 1 && x < 4 && y >= 2 && y < 5) ? upd[(y - 2) * 8 + (x - 1)] : init[y * 8 + x];
            if (got[y * 8 + x] != expect)
                ++bad;
        }
    ok(got && !bad, "UpdateSubresource box: %u wrong", bad);
    free(got);
    ID3D11Texture2D_Release(t);

    for (x = 0; x < 64; ++x) bytes[x] = (uint8_t)x;
    {
        D3D11_SUBRESOURCE_DATA bdata = { bytes, 0, 0 };
        if (FAILED(ID3D11Device_CreateBuffer(device, &bd, &bdata, &buf)) || FAILED(ID3D11Device_CreateBuffer(device, &sd, NULL, &stage)))
        {
            ok(0, "buffers");
            return;
        }
    }
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)buf, 0, &bbox, upd, 0, 0);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)buf);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
    {
        ok(!memcmp(map.pData, bytes, 8) && !memcmp((uint8_t *)map.pData + 8, upd, 12)
                && !memcmp((uint8_t *)map.pData + 20, bytes + 20, 44), "buffer UpdateSubresource box");
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
    }
    else
        ok(0, "Map staging buffer");
    ID3D11Buffer_Release(buf);
    ID3D11Buffer_Release(stage);
}

static ID3D11Buffer *create_buffer(UINT size, D3D11_USAGE usage, UINT bind, UINT cpu, const void *init)
{
    D3D11_BUFFER_DESC d = { size, usage, bind, cpu };
    D3D11_SUBRESOURCE_DATA data = { init };
    ID3D11Buffer *b = NULL;
    HRESULT hr = ID3D11Device_CreateBuffer(device, &d, init ? &data : NULL, &b);
    ok(hr == S_OK, "CreateBuffer %u: %#lx", size, (unsigned long)hr);
    return b;
}

static bool read_buffer(ID3D11Buffer *b, UINT size, void *out)
{
    ID3D11Buffer *stage = create_buffer(size, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, NULL);
    D3D11_MAPPED_SUBRESOURCE map;
    bool ret = false;

    if (!stage)
        return false;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)stage, (ID3D11Resource *)b);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, 0, &map)))
    {
        memcpy(out, map.pData, size);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
        ret = true;
    }
    ID3D11Buffer_Release(stage);
    return ret;
}

static void test_map_semantics(void)
{
    ID3D11Buffer *dyn = create_buffer(16, D3D11_USAGE_DYNAMIC, D3D11_BIND_VERTEX_BUFFER, D3D11_CPU_ACCESS_WRITE, NULL);
    ID3D11Buffer *d1 = create_buffer(16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    ID3D11Buffer *d2 = create_buffer(16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    ID3D11Buffer *d3 = create_buffer(16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    ID3D11Buffer *def = create_buffer(16, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    D3D11_MAPPED_SUBRESOURCE map;
    uint32_t got[4];
    HRESULT hr;

    if (!dyn || !d1 || !d2 || !d3 || !def)
        return;
    /* DISCARD renames: the copy recorded before the second Map still sees the first data. */
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_DISCARD, 0, &map) == S_OK, "Map DISCARD");
    memset(map.pData, 0x11, 16);
    ok(map.RowPitch == 16 && map.DepthPitch == 16, "buffer pitches %u %u", map.RowPitch, map.DepthPitch);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)dyn, 0);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)d1, (ID3D11Resource *)dyn);
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_DISCARD, 0, &map) == S_OK, "Map DISCARD 2");
    memset(map.pData, 0x22, 8);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)dyn, 0);
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)d2, 0, 0, 0, 0, (ID3D11Resource *)dyn, 0, NULL);
    /* NO_OVERWRITE: same storage; the bytes written before stay. */
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_NO_OVERWRITE, 0, &map) == S_OK, "Map NO_OVERWRITE");
    memset((uint8_t *)map.pData + 8, 0x33, 8);
    ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)dyn, 0);
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)d3, (ID3D11Resource *)dyn);
    ok(read_buffer(d1, 16, got) && got[0] == 0x11111111 && got[3] == 0x11111111, "first DISCARD contents %#x", got[0]);
    ok(read_buffer(d2, 16, got) && got[0] == 0x22222222 && got[1] == 0x22222222, "second DISCARD contents %#x", got[0]);
    ok(read_buffer(d3, 16, got) && got[0] == 0x22222222 && got[2] == 0x33333333 && got[3] == 0x33333333,
            "NO_OVERWRITE contents %#x %#x", got[0], got[2]);

    /* Validation. */
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)def, 0, D3D11_MAP_READ, 0, &map) == E_INVALIDARG, "Map of a GPU-only buffer");
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_READ, 0, &map) == E_INVALIDARG, "READ of dynamic");
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE, 0, &map) == E_INVALIDARG, "WRITE of dynamic");
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 1, D3D11_MAP_WRITE_DISCARD, 0, &map) == E_INVALIDARG, "subresource 1");
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, D3D11_MAP_WRITE_DISCARD, 0x4, &map) == E_INVALIDARG, "bad flags");
    ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)dyn, 0, 0, 0, &map) == E_INVALIDARG, "map type 0");
    {
        ID3D11Buffer *st = create_buffer(16, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_WRITE, NULL);
        if (st)
        {
            ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)st, 0, D3D11_MAP_READ, 0, &map) == E_INVALIDARG, "READ of write-only");
            ok(ID3D11DeviceContext_Map(context, (ID3D11Resource *)st, 0, D3D11_MAP_WRITE_DISCARD, 0, &map) == E_INVALIDARG, "DISCARD of staging");
            hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)st, 0, D3D11_MAP_WRITE, 0, &map);
            ok(hr == S_OK, "WRITE of staging: %#lx", (unsigned long)hr);
            if (SUCCEEDED(hr))
                ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)st, 0);
            ID3D11Buffer_Release(st);
        }
    }
    ID3D11Buffer_Release(dyn);
    ID3D11Buffer_Release(d1);
    ID3D11Buffer_Release(d2);
    ID3D11Buffer_Release(d3);
    ID3D11Buffer_Release(def);
}

static void test_map_do_not_wait(void)
{
    enum { SIZE = 64 << 20 };
    ID3D11Buffer *big = create_buffer(SIZE, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    ID3D11Buffer *big2 = create_buffer(SIZE, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);
    ID3D11Buffer *stage = create_buffer(16, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, NULL);
    uint32_t marker[4] = { 0xcafe0001, 2, 3, 4 };
    D3D11_BOX box = { 0, 0, 0, 16, 1, 1 };
    D3D11_MAPPED_SUBRESOURCE map;
    unsigned int i, tries = 0;
    HRESULT hr;

    if (!big || !big2 || !stage)
        return;
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)big, 0, &box, marker, 0, 0);
    /* Keep the GPU busy with large copies, then read a result that depends on them. */
    for (i = 0; i < 8; ++i)
    {
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)big2, (ID3D11Resource *)big);
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)big, (ID3D11Resource *)big2);
    }
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)stage, 0, 0, 0, 0, (ID3D11Resource *)big, 0, &box);
    hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, D3D11_MAP_FLAG_DO_NOT_WAIT, &map);
    ok(hr == DXGI_ERROR_WAS_STILL_DRAWING, "first DO_NOT_WAIT Map: %#lx", (unsigned long)hr);
    while (hr == DXGI_ERROR_WAS_STILL_DRAWING && tries++ < 20000)
    {
        test_sleep(1);
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)stage, 0, D3D11_MAP_READ, D3D11_MAP_FLAG_DO_NOT_WAIT, &map);
    }
    ok(hr == S_OK, "DO_NOT_WAIT Map never succeeded: %#lx", (unsigned long)hr);
    if (SUCCEEDED(hr))
    {
        ok(!memcmp(map.pData, marker, 16), "data after DO_NOT_WAIT");
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)stage, 0);
    }
    ID3D11Buffer_Release(big);
    ID3D11Buffer_Release(big2);
    ID3D11Buffer_Release(stage);
}

static void test_staging_copies(void)
{
    static uint32_t px[16 * 4 + 8 * 2];
    D3D11_SUBRESOURCE_DATA data[2] = { { px, 64, 0 }, { px + 64, 32, 0 } };
    D3D11_MAPPED_SUBRESOURCE map;
    D3D11_BOX box = { 1, 1, 0, 3, 2, 1 };
    ID3D11Texture2D *a, *b;
    unsigned int i;

    for (i = 0; i < ARRAYSIZE(px); ++i) px[i] = 0xbeef0000u + i;
    a = create_tex2d(16, 4, 2, 1, DXGI_FORMAT_R32_UINT, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ | D3D11_CPU_ACCESS_WRITE, 0, data);
    b = create_tex2d(16, 4, 2, 1, DXGI_FORMAT_R32_UINT, D3D11_USAGE_STAGING, 0, D3D11_CPU_ACCESS_READ, 0, NULL);
    if (!a || !b)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)b, (ID3D11Resource *)a);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)b, 1, D3D11_MAP_READ, 0, &map)))
    {
        ok(!memcmp(map.pData, px + 64, 32) && !memcmp((uint8_t *)map.pData + map.RowPitch, px + 72, 32), "staging -> staging mip 1");
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)b, 1);
    }
    else
        ok(0, "Map");
    /* A region between staging textures: row by row. */
    ID3D11DeviceContext_CopySubresourceRegion(context, (ID3D11Resource *)b, 0, 5, 2, 0, (ID3D11Resource *)a, 0, &box);
    if (SUCCEEDED(ID3D11DeviceContext_Map(context, (ID3D11Resource *)b, 0, D3D11_MAP_READ, 0, &map)))
    {
        const uint32_t *row2 = (const uint32_t *)((uint8_t *)map.pData + 2 * map.RowPitch);
        ok(row2[5] == px[16 + 1] && row2[6] == px[16 + 2] && row2[4] == px[32 + 4] && row2[7] == px[32 + 7],
                "staging region copy %#x %#x", row2[5], row2[6]);
        ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)b, 0);
    }
    else
        ok(0, "Map");
    ID3D11Texture2D_Release(a);
    ID3D11Texture2D_Release(b);
}

/* Windows zero-fills new resources; applications rely on it. */
static void test_new_resources_zero(void)
{
    static const uint8_t zero[64 * 4];
    static uint8_t junk[8 * 8 * 4 * 2];
    D3D11_SUBRESOURCE_DATA jd[4] = { { junk, 32, 0 }, { junk, 16, 0 }, { junk, 32, 0 }, { junk, 16, 0 } };
    ID3D11Texture2D *t, *old, *d;
    ID3D11Buffer *b;
    uint8_t words[256], *got;
    size_t size;

    /* Leave non-zero memory behind for the allocator to hand out again. */
    memset(junk, 0xa5, sizeof(junk));
    if ((old = create_tex2d(8, 8, 2, 2, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, jd)))
        ID3D11Texture2D_Release(old);
    t = create_tex2d(8, 8, 2, 2, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, NULL);
    d = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_D32_FLOAT, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, NULL);
    b = create_buffer(256, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER, 0, NULL);

    if (t)
    {
        got = read_subresource((ID3D11Resource *)t, 3, &size);
        ok(got && size == 64 && !memcmp(got, zero, size), "new texture subresource 3 not zero");
        free(got);
        ID3D11Texture2D_Release(t);
    }
    if (d)
    {
        got = read_subresource((ID3D11Resource *)d, 0, &size);
        ok(got && size == 256 && !memcmp(got, zero, size), "new depth texture not zero");
        free(got);
        ID3D11Texture2D_Release(d);
    }
    if (b)
    {
        ok(read_buffer(b, 256, words) && !memcmp(words, zero, 256), "new buffer not zero");
        ID3D11Buffer_Release(b);
    }
}

static void test_release_after_copy(void)
{
    static uint32_t px[64];
    D3D11_SUBRESOURCE_DATA data = { px, 32, 0 };
    ID3D11Texture2D *src, *dst;
    uint32_t *got;
    size_t size;
    unsigned int i;

    for (i = 0; i < 64; ++i) px[i] = 0x77000000u + i;
    src = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, &data);
    dst = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (!src || !dst)
        return;
    ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)dst, (ID3D11Resource *)src);
    ok(!ID3D11Texture2D_Release(src), "source still referenced");
    got = (uint32_t *)read_subresource((ID3D11Resource *)dst, 0, &size);
    ok(got && !memcmp(got, px, sizeof(px)), "copy from a released source");
    free(got);
    ID3D11Texture2D_Release(dst);
}

static void test_clears(void)
{
    static const float depth_clear = 0.25f;
    static const UINT uvals[4] = { 0x12345678, 1, 2, 3 };
    static const float fvals[4] = { 1.5f, 0, 0, 0 };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11Texture2D *ds, *u, *f, *rt;
    ID3D11DepthStencilView *dsv;
    ID3D11UnorderedAccessView *uav;
    ID3D11RenderTargetView *rtv;
    ID3D11Buffer *raw;
    D3D11_RECT rect = { 1, 1, 3, 2 };
    static const float red[4] = { 1, 0, 0, 1 }, blue[4] = { 0, 0, 1, 1 };
    uint32_t *got, words[16];
    size_t size;
    unsigned int i, bad = 0;

    ds = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_D32_FLOAT, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, NULL);
    if (ds && SUCCEEDED(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)ds, NULL, &dsv)))
    {
        ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH, depth_clear, 0);
        got = (uint32_t *)read_subresource((ID3D11Resource *)ds, 0, &size);
        ok(got && !memcmp(got, &depth_clear, 4) && !memcmp(got + 15, &depth_clear, 4), "depth clear: %#x", got ? got[0] : 0);
        free(got);
        ID3D11DepthStencilView_Release(dsv);
    }
    if (ds) ID3D11Texture2D_Release(ds);

    u = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R32_UINT, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, 0, NULL);
    if (u && SUCCEEDED(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)u, NULL, &uav)))
    {
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, uvals);
        got = (uint32_t *)read_subresource((ID3D11Resource *)u, 0, &size);
        for (i = 0; got && i < 16; ++i) bad += got[i] != uvals[0];
        ok(got && !bad, "UAV uint clear");
        free(got);
        ID3D11UnorderedAccessView_Release(uav);
    }
    if (u) ID3D11Texture2D_Release(u);
    f = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R32_FLOAT, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, 0, NULL);
    if (f && SUCCEEDED(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)f, NULL, &uav)))
    {
        ID3D11DeviceContext_ClearUnorderedAccessViewFloat(context, uav, fvals);
        got = (uint32_t *)read_subresource((ID3D11Resource *)f, 0, &size);
        ok(got && !memcmp(got + 5, &fvals[0], 4), "UAV float clear");
        free(got);
        /* Bit copy of the uint value into a float image. */
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, uvals);
        got = (uint32_t *)read_subresource((ID3D11Resource *)f, 0, &size);
        ok(got && got[7] == uvals[0], "UAV uint clear of a float view: %#x", got ? got[7] : 0);
        free(got);
        ID3D11UnorderedAccessView_Release(uav);
    }
    if (f) ID3D11Texture2D_Release(f);
    raw = NULL;
    {
        D3D11_BUFFER_DESC bd = { 64, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, D3D11_RESOURCE_MISC_BUFFER_ALLOW_RAW_VIEWS };
        ID3D11Device_CreateBuffer(device, &bd, NULL, &raw);
    }
    memset(&ud, 0, sizeof(ud));
    ud.Format = DXGI_FORMAT_R32_TYPELESS;
    ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
    ud.Buffer.FirstElement = 4;
    ud.Buffer.NumElements = 8;
    ud.Buffer.Flags = D3D11_BUFFER_UAV_FLAG_RAW;
    if (raw && SUCCEEDED(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &ud, &uav)))
    {
        static const UINT zero[4];
        ud.Buffer.FirstElement = 0;
        ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, zero);
        ID3D11UnorderedAccessView_Release(uav);
        ud.Buffer.NumElements = 16;
        ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &ud, &uav);
        ID3D11UnorderedAccessView_Release(uav);
        if (SUCCEEDED(ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &ud, &uav)))
        {
            ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, uvals);
            ID3D11UnorderedAccessView_Release(uav);
        }
        ud.Buffer.FirstElement = 4;
        ud.Buffer.NumElements = 8;
        ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)raw, &ud, &uav);
        {
            static const UINT z[4] = { 0 };
            ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, z);
        }
        ID3D11UnorderedAccessView_Release(uav);
        ok(read_buffer(raw, 64, words) && words[0] == uvals[0] && words[3] == uvals[0] && words[4] == 0 && words[11] == 0
                && words[12] == uvals[0], "raw buffer UAV clears");
    }
    if (raw) ID3D11Buffer_Release(raw);

    /* ClearView with a rect. */
    rt = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, NULL);
    if (rt && SUCCEEDED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)rt, NULL, &rtv)))
    {
        ID3D11DeviceContext1 *ctx1;
        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, red);
        if (SUCCEEDED(ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext1, (void **)&ctx1)))
        {
            ID3D11DeviceContext1_ClearView(ctx1, (ID3D11View *)rtv, blue, &rect, 1);
            ID3D11DeviceContext1_Release(ctx1);
        }
        got = (uint32_t *)read_subresource((ID3D11Resource *)rt, 0, &size);
        bad = 0;
        for (i = 0; got && i < 16; ++i)
        {
            bool inside = (i % 4) >= 1 && (i % 4) < 3 && (i / 4) == 1;
            bad += got[i] != (inside ? 0xffff0000u : 0xff0000ffu);
        }
        ok(got && !bad, "ClearView rect: %u wrong", bad);
        free(got);
        ID3D11RenderTargetView_Release(rtv);
    }
    if (rt) ID3D11Texture2D_Release(rt);
}

/* Typed buffer UAVs of formats wider or narrower than 32 bits: the clear value is converted as
 * the format stores it and repeated over the view's elements only. */
static void test_typed_buffer_uav_clears(void)
{
    static const struct
    {
        DXGI_FORMAT format;
        bool use_float;
        UINT bytes;
        uint8_t texel[16];
    }
    tests[] =
    {
        { DXGI_FORMAT_R16G16B16A16_UNORM, true, 8, { 0x00, 0x00, 0xff, 0xff, 0x00, 0x80, 0xff, 0xff } },
        { DXGI_FORMAT_R16G16B16A16_FLOAT, true, 8, { 0x00, 0x3c, 0x00, 0xc0, 0x00, 0x38, 0x00, 0x00 } },
        { DXGI_FORMAT_R32G32B32A32_FLOAT, true, 16, { 0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0,
                0x00, 0x00, 0x00, 0x3f, 0x00, 0x00, 0x00, 0x00 } },
        { DXGI_FORMAT_R32G32B32A32_UINT, false, 16, { 0x01, 0x00, 0x00, 0x00, 0x34, 0x12, 0x00, 0x00,
                0x78, 0x56, 0x34, 0x12, 0xff, 0xff, 0xff, 0xff } },
        { DXGI_FORMAT_R8G8B8A8_UINT, false, 4, { 0x01, 0x34, 0x78, 0xff } },
        { DXGI_FORMAT_R8G8B8A8_UNORM, true, 4, { 0x00, 0xff, 0x80, 0x00 } },
        { DXGI_FORMAT_R16_UINT, false, 2, { 0x01, 0x00 } },
        { DXGI_FORMAT_R8_UINT, false, 1, { 0x01 } },
        { DXGI_FORMAT_R16G16_SINT, false, 4, { 0x01, 0x00, 0x34, 0x12 } },
    };
    static const FLOAT fvals[4] = { 0.0f, 1.0f, 0.5f, 0.0f }, fvals16[4] = { 1.0f, -2.0f, 0.5f, 0.0f };
    static const UINT uvals[4] = { 1, 0x1234, 0x12345678, 0xffffffff };
    static const FLOAT fvals_unorm16[4] = { 0.0f, 1.0f, 0.5f, 2.0f };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    ID3D11UnorderedAccessView *uav;
    uint8_t got[256], want[256];
    ID3D11Buffer *b;
    unsigned int t, i;
    HRESULT hr;

    for (t = 0; t < ARRAY_SIZE(tests); ++t)
    {
        const char *name = d3d11vk_format_name(tests[t].format);
        memset(want, 0xcd, sizeof(want));
        if (!(b = create_buffer(sizeof(want), D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, want)))
            continue;
        memset(&ud, 0, sizeof(ud));
        ud.Format = tests[t].format;
        ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
        ud.Buffer.FirstElement = 2;
        ud.Buffer.NumElements = 5;
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)b, &ud, &uav);
        ok(hr == S_OK, "%s buffer UAV: %#lx", name, (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            if (!tests[t].use_float)
                ID3D11DeviceContext_ClearUnorderedAccessViewUint(context, uav, uvals);
            else if (tests[t].format == DXGI_FORMAT_R16G16B16A16_UNORM)
                ID3D11DeviceContext_ClearUnorderedAccessViewFloat(context, uav, fvals_unorm16);
            else if (tests[t].format == DXGI_FORMAT_R8G8B8A8_UNORM)
                ID3D11DeviceContext_ClearUnorderedAccessViewFloat(context, uav, fvals);
            else
                ID3D11DeviceContext_ClearUnorderedAccessViewFloat(context, uav, fvals16);
            for (i = 0; i < 5; ++i)
                memcpy(want + (2 + i) * tests[t].bytes, tests[t].texel, tests[t].bytes);
            if (tests[t].format == DXGI_FORMAT_R32G32B32A32_FLOAT)
            {
                /* 1.0, -2.0, 0.5, 0.0 as floats */
                static const float v[4] = { 1.0f, -2.0f, 0.5f, 0.0f };
                for (i = 0; i < 5; ++i)
                    memcpy(want + (2 + i) * 16, v, 16);
            }
            ok(read_buffer(b, sizeof(got), got) && !memcmp(got, want, sizeof(want)),
                    "%s typed buffer UAV clear: bytes %02x %02x %02x %02x at the first element, %02x after the view",
                    name, got[2 * tests[t].bytes], got[2 * tests[t].bytes + 1], got[2 * tests[t].bytes + 2],
                    got[2 * tests[t].bytes + 3], got[7 * tests[t].bytes]);
            ID3D11UnorderedAccessView_Release(uav);
        }
        ID3D11Buffer_Release(b);
    }
}

/* ClearView with rectangles on a texture array UAV (one layer viewed; rects clipped), and clears
 * of buffer RTVs and of buffer UAVs with element ranges as rects. */
static void test_clear_view_rects(void)
{
    static const FLOAT color[4] = { 1.0f, 0.0f, 0.5f, 1.0f }, hcolor[4] = { 1.0f, -2.0f, 0.5f, 0.0f };
    static const D3D11_RECT rects[2] = { { 1, 1, 3, 4 }, { 6, 6, 20, 20 } }, brect = { 1, 0, 3, 1 };
    D3D11_UNORDERED_ACCESS_VIEW_DESC ud;
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    ID3D11UnorderedAccessView *uav;
    ID3D11RenderTargetView *rtv;
    ID3D11DeviceContext1 *ctx1;
    ID3D11Texture2D *tex;
    uint8_t *got, bgot[128], bwant[128];
    unsigned int x, y, bad, i;
    ID3D11Buffer *b;
    size_t size;
    HRESULT hr;

    if (FAILED(ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext1, (void **)&ctx1)))
    {
        ok(0, "ID3D11DeviceContext1");
        return;
    }
    tex = create_tex2d(8, 8, 1, 2, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_UNORDERED_ACCESS, 0, 0, NULL);
    if (tex)
    {
        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
        ud.ViewDimension = D3D11_UAV_DIMENSION_TEXTURE2DARRAY;
        ud.Texture2DArray.FirstArraySlice = 1;
        ud.Texture2DArray.ArraySize = 1;
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)tex, &ud, &uav);
        ok(hr == S_OK, "UAV: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11DeviceContext1_ClearView(ctx1, (ID3D11View *)uav, color, rects, 2);
            got = read_subresource((ID3D11Resource *)tex, 1, &size);
            bad = 0;
            for (y = 0; got && y < 8; ++y)
                for (x = 0; x < 8; ++x)
                {
                    bool in = (x >= 1 && x < 3 && y >= 1 && y < 4) || (x >= 6 && y >= 6);
                    uint32_t v, want = in ? 0xff8000ffu : 0;
                    memcpy(&v, got + (y * 8 + x) * 4, 4);
                    bad += v != want;
                }
            ok(got && !bad, "ClearView with rects on a UAV layer: %u texels wrong", bad);
            free(got);
            got = read_subresource((ID3D11Resource *)tex, 0, &size);
            for (i = 0, bad = 0; got && i < 8 * 8 * 4; ++i)
                bad += got[i] != 0;
            ok(got && !bad, "the layer outside the view is untouched: %u bytes", bad);
            free(got);
            ID3D11UnorderedAccessView_Release(uav);
        }
        ID3D11Texture2D_Release(tex);
    }

    /* Buffer RTV: the whole view; then a UAV with an element range. */
    memset(bwant, 0x11, sizeof(bwant));
    b = create_buffer(sizeof(bwant), D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET | D3D11_BIND_UNORDERED_ACCESS, 0, bwant);
    if (b)
    {
        static const uint8_t half_texel[8] = { 0x00, 0x3c, 0x00, 0xc0, 0x00, 0x38, 0x00, 0x00 };
        memset(&rd, 0, sizeof(rd));
        rd.Format = DXGI_FORMAT_R16G16B16A16_FLOAT;
        rd.ViewDimension = D3D11_RTV_DIMENSION_BUFFER;
        rd.Buffer.FirstElement = 2;
        rd.Buffer.NumElements = 4;
        hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)b, &rd, &rtv);
        ok(hr == S_OK, "buffer RTV: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11DeviceContext_ClearRenderTargetView(context, rtv, hcolor);
            for (i = 2; i < 6; ++i)
                memcpy(bwant + i * 8, half_texel, 8);
            ok(read_buffer(b, sizeof(bgot), bgot) && !memcmp(bgot, bwant, sizeof(bwant)), "buffer RTV clear");
            ID3D11RenderTargetView_Release(rtv);
        }
        memset(&ud, 0, sizeof(ud));
        ud.Format = DXGI_FORMAT_R32_FLOAT;
        ud.ViewDimension = D3D11_UAV_DIMENSION_BUFFER;
        ud.Buffer.FirstElement = 20;
        ud.Buffer.NumElements = 8;
        hr = ID3D11Device_CreateUnorderedAccessView(device, (ID3D11Resource *)b, &ud, &uav);
        ok(hr == S_OK, "buffer UAV: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
        {
            ID3D11DeviceContext1_ClearView(ctx1, (ID3D11View *)uav, hcolor, &brect, 1);
            memcpy(bwant + 21 * 4, &hcolor[0], 4);
            memcpy(bwant + 22 * 4, &hcolor[0], 4);
            ok(read_buffer(b, sizeof(bgot), bgot) && !memcmp(bgot, bwant, sizeof(bwant)), "ClearView rect on a buffer UAV");
            ID3D11UnorderedAccessView_Release(uav);
        }
        ID3D11Buffer_Release(b);
    }
    ID3D11DeviceContext1_Release(ctx1);
}

static void test_generate_mips(void)
{
    enum { S = 16 };
    static uint8_t px[S * S * 4];
    ID3D11ShaderResourceView *srv;
    ID3D11Texture2D *t;
    unsigned int i, mip, x, y, c, worst = 0;
    uint8_t *levels[5] = { px };
    size_t size;

    for (i = 0; i < sizeof(px); ++i) px[i] = pattern_byte(i, 3);
    t = create_tex2d(S, S, 0, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE, 0, D3D11_RESOURCE_MISC_GENERATE_MIPS, NULL);
    if (!t || FAILED(ID3D11Device_CreateShaderResourceView(device, (ID3D11Resource *)t, NULL, &srv)))
        return;
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)t, 0, NULL, px, S * 4, 0);
    ID3D11DeviceContext_GenerateMips(context, srv);
    for (mip = 1; mip < 5; ++mip)
    {
        UINT s = S >> mip, ps = s * 2;
        uint8_t *got = read_subresource((ID3D11Resource *)t, mip, &size), *ref = malloc(s * s * 4);
        for (y = 0; y < s; ++y)
            for (x = 0; x < s; ++x)
                for (c = 0; c < 4; ++c)
                {
                    const uint8_t *p = levels[mip - 1];
                    unsigned int sum = p[((2 * y) * ps + 2 * x) * 4 + c] + p[((2 * y) * ps + 2 * x + 1) * 4 + c]
                            + p[((2 * y + 1) * ps + 2 * x) * 4 + c] + p[((2 * y + 1) * ps + 2 * x + 1) * 4 + c];
                    ref[(y * s + x) * 4 + c] = (uint8_t)((sum + 2) / 4);
                    if (got)
                    {
                        int diff = abs((int)got[(y * s + x) * 4 + c] - ref[(y * s + x) * 4 + c]);
                        if ((unsigned)diff > worst) worst = diff;
                    }
                }
        ok(got != NULL, "mip %u readback", mip);
        free(got);
        levels[mip] = ref;
    }
    /* Each level is filtered from the previous one: allow the rounding of each step. */
    ok(worst <= 2, "GenerateMips differs from a box filter by %u", worst);
    for (mip = 1; mip < 5; ++mip) free(levels[mip]);
    ID3D11ShaderResourceView_Release(srv);
    ID3D11Texture2D_Release(t);
}

static void test_resolve(void)
{
    static const float color[4] = { 0.0f, 1.0f, 0.0f, 1.0f };
    D3D11_TEXTURE2D_DESC d = { 8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, { 4, 0 }, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET };
    ID3D11RenderTargetView *rtv;
    ID3D11Texture2D *ms, *ss;
    UINT levels = 0;
    uint32_t *got;
    size_t size;
    unsigned int i, bad = 0;

    ID3D11Device_CheckMultisampleQualityLevels(device, DXGI_FORMAT_R8G8B8A8_UNORM, 4, &levels);
    ok(levels >= 1, "4x MSAA for RGBA8 is required at 10_1+");
    if (!levels || FAILED(ID3D11Device_CreateTexture2D(device, &d, NULL, &ms)))
        return;
    ss = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (ss && SUCCEEDED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ms, NULL, &rtv)))
    {
        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)ss, 0, (ID3D11Resource *)ms, 0, DXGI_FORMAT_R8G8B8A8_UNORM);
        got = (uint32_t *)read_subresource((ID3D11Resource *)ss, 0, &size);
        for (i = 0; got && i < 64; ++i) bad += got[i] != 0xff00ff00u;
        ok(got && !bad, "resolved pixels: %u wrong (first %#x)", bad, got ? got[0] : 0);
        free(got);
        ID3D11RenderTargetView_Release(rtv);
    }
    if (ss) ID3D11Texture2D_Release(ss);
    ID3D11Texture2D_Release(ms);
}

/* ResolveSubresource in a format other than the images' own: a typeless multisampled target
 * cleared through an sRGB view, resolved as sRGB into an sRGB texture that is no render target
 * (a scratch attachment and a copy), as UNORM into a typeless render target, and as UNORM into
 * a UNORM texture. Uniform samples keep their bits whatever the averaging space; mismatched
 * Vulkan formats in a plain image resolve would fail validation. */
static void test_resolve_formats(void)
{
    static const float color[4] = { 0.25f, 0.0f, 1.0f, 0.2f };
    D3D11_TEXTURE2D_DESC d = { 8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, { 4, 0 }, D3D11_USAGE_DEFAULT,
            D3D11_BIND_RENDER_TARGET | D3D11_BIND_SHADER_RESOURCE };
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    ID3D11Texture2D *ms = NULL, *dst_srgb, *dst_typeless, *dst_unorm;
    ID3D11RenderTargetView *rtv;
    uint32_t want, *got;
    size_t size;
    unsigned int i, bad;
    double e;

    /* The encoded red channel: linear 0.25 in sRGB (alpha stays linear). */
    e = 1.055 * pow(0.25, 1.0 / 2.4) - 0.055;
    want = (uint32_t)(e * 255.0 + 0.5) | (0xffu << 16) | ((uint32_t)(0.2 * 255.0 + 0.5) << 24);
    if (FAILED(ID3D11Device_CreateTexture2D(device, &d, NULL, &ms)))
    {
        ok(0, "4x typeless MSAA target");
        return;
    }
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R8G8B8A8_UNORM_SRGB;
    rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2DMS;
    if (FAILED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)ms, &rd, &rtv)))
    {
        ok(0, "sRGB RTV of a typeless MSAA target");
        ID3D11Texture2D_Release(ms);
        return;
    }
    ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
    dst_srgb = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM_SRGB, D3D11_USAGE_DEFAULT, D3D11_BIND_SHADER_RESOURCE, 0, 0, NULL);
    dst_typeless = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_TYPELESS, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, NULL);
    dst_unorm = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (dst_srgb)
    {
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)dst_srgb, 0, (ID3D11Resource *)ms, 0,
                DXGI_FORMAT_R8G8B8A8_UNORM_SRGB);
        got = (uint32_t *)read_subresource((ID3D11Resource *)dst_srgb, 0, &size);
        for (i = bad = 0; got && i < 64; ++i) bad += got[i] != want;
        ok(got && !bad, "sRGB resolve of a typeless target into an sRGB texture: %u wrong (%#x, expected %#x)", bad,
                got ? got[0] : 0, want);
        free(got);
    }
    if (dst_typeless)
    {
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)dst_typeless, 0, (ID3D11Resource *)ms, 0,
                DXGI_FORMAT_R8G8B8A8_UNORM);
        got = (uint32_t *)read_subresource((ID3D11Resource *)dst_typeless, 0, &size);
        for (i = bad = 0; got && i < 64; ++i) bad += got[i] != want;
        ok(got && !bad, "UNORM resolve into a typeless target: %u wrong (%#x)", bad, got ? got[0] : 0);
        free(got);
    }
    if (dst_unorm)
    {
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)dst_unorm, 0, (ID3D11Resource *)ms, 0,
                DXGI_FORMAT_R8G8B8A8_UNORM);
        got = (uint32_t *)read_subresource((ID3D11Resource *)dst_unorm, 0, &size);
        for (i = bad = 0; got && i < 64; ++i) bad += got[i] != want;
        ok(got && !bad, "UNORM resolve into a UNORM texture: %u wrong (%#x)", bad, got ? got[0] : 0);
        free(got);
        /* A typeless resolve format is invalid: nothing is written. */
        ID3D11DeviceContext_ClearState(context);
        ID3D11DeviceContext_ResolveSubresource(context, (ID3D11Resource *)dst_srgb, 0, (ID3D11Resource *)ms, 0,
                DXGI_FORMAT_R8G8B8A8_TYPELESS);
    }
    if (dst_srgb) ID3D11Texture2D_Release(dst_srgb);
    if (dst_typeless) ID3D11Texture2D_Release(dst_typeless);
    if (dst_unorm) ID3D11Texture2D_Release(dst_unorm);
    ID3D11RenderTargetView_Release(rtv);
    ID3D11Texture2D_Release(ms);
}

/* DiscardResource / DiscardView / DiscardView1: the discarded range may lose its contents, what
 * is written after it is exact, and subresources outside the view keep theirs. */
static void test_discard(void)
{
    static const float red[4] = { 1.0f, 0.0f, 0.0f, 1.0f };
    D3D11_SUBRESOURCE_DATA init[2];
    ID3D11DeviceContext1 *ctx1;
    ID3D11RenderTargetView *rtv;
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    ID3D11DepthStencilView *dsv;
    ID3D11Texture2D *tex, *ds;
    uint32_t mip0[16 * 16], mip1[8 * 8], upd[16 * 16], *got;
    unsigned int i, bad;
    size_t size;

    if (FAILED(ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext1, (void **)&ctx1)))
    {
        ok(0, "ID3D11DeviceContext1");
        return;
    }
    for (i = 0; i < 16 * 16; ++i)
    {
        mip0[i] = 0x01010101u * (i & 0xff);
        upd[i] = 0x80000000u | i;
    }
    for (i = 0; i < 8 * 8; ++i)
        mip1[i] = 0xa5000000u | (i * 3);
    init[0].pSysMem = mip0;
    init[0].SysMemPitch = 16 * 4;
    init[1].pSysMem = mip1;
    init[1].SysMemPitch = 8 * 4;
    init[0].SysMemSlicePitch = init[1].SysMemSlicePitch = 0;
    tex = create_tex2d(16, 16, 2, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, 0, init);
    if (!tex)
        goto done;
    /* The whole resource, then a full upload: exactly the new contents. */
    ID3D11DeviceContext1_DiscardResource(ctx1, (ID3D11Resource *)tex);
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tex, 0, NULL, upd, 16 * 4, 0);
    got = (uint32_t *)read_subresource((ID3D11Resource *)tex, 0, &size);
    for (i = bad = 0; got && i < 16 * 16; ++i) bad += got[i] != upd[i];
    ok(got && !bad, "written after DiscardResource: %u texels wrong", bad);
    free(got);
    ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tex, 1, NULL, mip1, 8 * 4, 0);

    /* A view of mip 0: cleared after the discard; mip 1 keeps its data. */
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R8G8B8A8_UNORM;
    rd.ViewDimension = D3D11_RTV_DIMENSION_TEXTURE2D;
    if (SUCCEEDED(ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)tex, &rd, &rtv)))
    {
        ID3D11DeviceContext1_DiscardView(ctx1, (ID3D11View *)rtv);
        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, red);
        got = (uint32_t *)read_subresource((ID3D11Resource *)tex, 0, &size);
        for (i = bad = 0; got && i < 16 * 16; ++i) bad += got[i] != 0xff0000ffu;
        ok(got && !bad, "cleared after DiscardView: %u texels wrong", bad);
        free(got);
        got = (uint32_t *)read_subresource((ID3D11Resource *)tex, 1, &size);
        for (i = bad = 0; got && i < 8 * 8; ++i) bad += got[i] != mip1[i];
        ok(got && !bad, "the mip outside the discarded view keeps its data: %u texels wrong", bad);
        free(got);
        /* DiscardView1 with and without rects, then a partial update: the updated box is exact. */
        {
            D3D11_RECT rect = { 0, 0, 4, 4 };
            D3D11_BOX box = { 2, 3, 0, 10, 9, 1 };

            ID3D11DeviceContext1_DiscardView1(ctx1, (ID3D11View *)rtv, &rect, 1);
            ID3D11DeviceContext1_DiscardView1(ctx1, (ID3D11View *)rtv, NULL, 0);
            ID3D11DeviceContext_UpdateSubresource(context, (ID3D11Resource *)tex, 0, &box, upd, 16 * 4, 0);
            got = (uint32_t *)read_subresource((ID3D11Resource *)tex, 0, &size);
            for (i = bad = 0; got && i < 16 * 16; ++i)
            {
                unsigned int x = i % 16, y = i / 16;
                if (x >= 2 && x < 10 && y >= 3 && y < 9)
                    bad += got[i] != upd[(y - 3) * 16 + (x - 2)];
            }
            ok(got && !bad, "box written after DiscardView1: %u texels wrong", bad);
            free(got);
        }
        ID3D11RenderTargetView_Release(rtv);
    }
    ID3D11Texture2D_Release(tex);

    /* Depth/stencil: discarded, then cleared: both aspects exact. */
    ds = create_tex2d(8, 8, 1, 1, DXGI_FORMAT_D24_UNORM_S8_UINT, D3D11_USAGE_DEFAULT, D3D11_BIND_DEPTH_STENCIL, 0, 0, NULL);
    if (ds && SUCCEEDED(ID3D11Device_CreateDepthStencilView(device, (ID3D11Resource *)ds, NULL, &dsv)))
    {
        ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH | D3D11_CLEAR_STENCIL, 0.25f, 7);
        ID3D11DeviceContext1_DiscardView(ctx1, (ID3D11View *)dsv);
        ID3D11DeviceContext_ClearDepthStencilView(context, dsv, D3D11_CLEAR_DEPTH | D3D11_CLEAR_STENCIL, 1.0f, 0x5a);
        got = (uint32_t *)read_subresource((ID3D11Resource *)ds, 0, &size);
        for (i = bad = 0; got && i < 64; ++i) bad += got[i] != 0x5affffffu;
        ok(got && !bad, "depth/stencil cleared after DiscardView: %u wrong (%#x)", bad, got ? got[0] : 0);
        free(got);
        ID3D11DepthStencilView_Release(dsv);
    }
    if (ds) ID3D11Texture2D_Release(ds);
done:
    ID3D11DeviceContext1_Release(ctx1);
}

/* Initial data is uploaded without a GPU wait at creation, yet every use sees it: copies on the
 * immediate context, a deferred context's command list, and a staging texture read at once. */
static void test_initial_data_order(void)
{
    D3D11_SUBRESOURCE_DATA init;
    ID3D11DeviceContext *deferred = NULL;
    ID3D11CommandList *list = NULL;
    ID3D11Texture2D *src[8], *dst;
    uint32_t data[8][32 * 32], *got;
    unsigned int i, j, bad;
    size_t size;

    dst = create_tex2d(32, 32, 1, 1, DXGI_FORMAT_R8G8B8A8_UINT, D3D11_USAGE_DEFAULT, 0, 0, 0, NULL);
    if (!dst)
        return;
    for (i = 0; i < 8; ++i)
    {
        for (j = 0; j < 32 * 32; ++j)
            data[i][j] = (i << 24) | (j * 2654435761u >> 8);
        init.pSysMem = data[i];
        init.SysMemPitch = 32 * 4;
        init.SysMemSlicePitch = 0;
        src[i] = create_tex2d(32, 32, 1, 1, DXGI_FORMAT_R8G8B8A8_UINT, i & 1 ? D3D11_USAGE_IMMUTABLE : D3D11_USAGE_DEFAULT,
                D3D11_BIND_SHADER_RESOURCE, 0, 0, &init);
    }
    for (i = 0; i < 8; i += 2)
    {
        if (!src[i])
            continue;
        ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)dst, (ID3D11Resource *)src[i]);
        got = (uint32_t *)read_subresource((ID3D11Resource *)dst, 0, &size);
        for (j = bad = 0; got && j < 32 * 32; ++j) bad += got[j] != data[i][j];
        ok(got && !bad, "texture %u copied right after creation: %u texels wrong", i, bad);
        free(got);
    }
    if (SUCCEEDED(ID3D11Device_CreateDeferredContext(device, 0, &deferred)))
    {
        ID3D11DeviceContext_CopyResource(deferred, (ID3D11Resource *)dst, (ID3D11Resource *)src[7]);
        if (SUCCEEDED(ID3D11DeviceContext_FinishCommandList(deferred, FALSE, &list)))
        {
            ID3D11DeviceContext_ExecuteCommandList(context, list, FALSE);
            got = (uint32_t *)read_subresource((ID3D11Resource *)dst, 0, &size);
            for (j = bad = 0; got && j < 32 * 32; ++j) bad += got[j] != data[7][j];
            ok(got && !bad, "immutable texture copied by a command list: %u texels wrong", bad);
            free(got);
            ID3D11CommandList_Release(list);
        }
        ID3D11DeviceContext_Release(deferred);
    }
    for (i = 0; i < 8; ++i)
        if (src[i]) ID3D11Texture2D_Release(src[i]);
    ID3D11Texture2D_Release(dst);
}

/* Dynamic textures take WRITE_DISCARD only: NO_OVERWRITE is for buffers (D3D11_MAP docs: vertex
 * and index buffers, and since D3D11.1 constant buffers and buffer SRVs, which
 * D3D11_FEATURE_D3D11_OPTIONS reports). */
static void test_map_no_overwrite_texture(void)
{
    D3D11_FEATURE_DATA_D3D11_OPTIONS opts;
    D3D11_MAPPED_SUBRESOURCE map;
    ID3D11Texture2D *tex;
    ID3D11Buffer *cb, *srvb;
    HRESULT hr;

    tex = create_tex2d(4, 4, 1, 1, DXGI_FORMAT_R8G8B8A8_UNORM, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE,
            D3D11_CPU_ACCESS_WRITE, 0, NULL);
    if (tex)
    {
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)tex, 0, D3D11_MAP_WRITE_NO_OVERWRITE, 0, &map);
        ok(hr == E_INVALIDARG, "NO_OVERWRITE of a dynamic texture: %#lx", (unsigned long)hr);
        ok(!map.pData, "no pointer on failure");
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)tex, 0, D3D11_MAP_WRITE_DISCARD, 0, &map);
        ok(hr == S_OK, "WRITE_DISCARD of a dynamic texture: %#lx", (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)tex, 0);
        ID3D11Texture2D_Release(tex);
    }
    memset(&opts, 0, sizeof(opts));
    hr = ID3D11Device_CheckFeatureSupport(device, D3D11_FEATURE_D3D11_OPTIONS, &opts, sizeof(opts));
    ok(hr == S_OK, "D3D11_OPTIONS: %#lx", (unsigned long)hr);
    cb = create_buffer(64, D3D11_USAGE_DYNAMIC, D3D11_BIND_CONSTANT_BUFFER, D3D11_CPU_ACCESS_WRITE, NULL);
    srvb = create_buffer(64, D3D11_USAGE_DYNAMIC, D3D11_BIND_SHADER_RESOURCE, D3D11_CPU_ACCESS_WRITE, NULL);
    if (cb)
    {
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)cb, 0, D3D11_MAP_WRITE_NO_OVERWRITE, 0, &map);
        ok(hr == (opts.MapNoOverwriteOnDynamicConstantBuffer ? S_OK : E_INVALIDARG), "NO_OVERWRITE of a dynamic CB: %#lx",
                (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)cb, 0);
        ID3D11Buffer_Release(cb);
    }
    if (srvb)
    {
        hr = ID3D11DeviceContext_Map(context, (ID3D11Resource *)srvb, 0, D3D11_MAP_WRITE_NO_OVERWRITE, 0, &map);
        ok(hr == (opts.MapNoOverwriteOnDynamicBufferSRV ? S_OK : E_INVALIDARG), "NO_OVERWRITE of a dynamic SRV buffer: %#lx",
                (unsigned long)hr);
        if (SUCCEEDED(hr))
            ID3D11DeviceContext_Unmap(context, (ID3D11Resource *)srvb, 0);
        ID3D11Buffer_Release(srvb);
    }
}

/* ClearView and ClearRenderTargetView of an sRGB buffer RTV: the linear colour is stored
 * encoded (alpha linear). */
static void test_clear_srgb_buffer_rtv(void)
{
    static const FLOAT color[4] = { 0.25f, 1.0f, 0.0f, 0.2f }, red[4] = { 1.0f, 0.0f, 0.0f, 1.0f };
    D3D11_RENDER_TARGET_VIEW_DESC rd;
    ID3D11RenderTargetView *rtv;
    ID3D11DeviceContext1 *ctx1;
    uint8_t got[64], want[64];
    unsigned int i;
    ID3D11Buffer *b;
    HRESULT hr;
    double e = 1.055 * pow(0.25, 1.0 / 2.4) - 0.055;

    if (FAILED(ID3D11DeviceContext_QueryInterface(context, &IID_ID3D11DeviceContext1, (void **)&ctx1)))
        return;
    memset(want, 0x33, sizeof(want));
    b = create_buffer(sizeof(want), D3D11_USAGE_DEFAULT, D3D11_BIND_RENDER_TARGET, 0, want);
    memset(&rd, 0, sizeof(rd));
    rd.Format = DXGI_FORMAT_R8G8B8A8_UNORM_SRGB;
    rd.ViewDimension = D3D11_RTV_DIMENSION_BUFFER;
    rd.Buffer.FirstElement = 1;
    rd.Buffer.NumElements = 8;
    if (b && SUCCEEDED(hr = ID3D11Device_CreateRenderTargetView(device, (ID3D11Resource *)b, &rd, &rtv)))
    {
        static const D3D11_RECT rect = { 5, 0, 7, 1 };

        ID3D11DeviceContext_ClearRenderTargetView(context, rtv, color);
        for (i = 1; i < 9; ++i)
        {
            want[i * 4 + 0] = (uint8_t)(e * 255.0 + 0.5);
            want[i * 4 + 1] = 0xff;
            want[i * 4 + 2] = 0x00;
            want[i * 4 + 3] = (uint8_t)(0.2 * 255.0 + 0.5);
        }
        ok(read_buffer(b, sizeof(got), got) && !memcmp(got, want, sizeof(want)), "sRGB buffer RTV clear: %02x %02x %02x %02x",
                got[4], got[5], got[6], got[7]);
        ID3D11DeviceContext1_ClearView(ctx1, (ID3D11View *)rtv, red, &rect, 1);
        for (i = 6; i < 8; ++i)
            want[i * 4 + 0] = 0xff, want[i * 4 + 1] = 0, want[i * 4 + 2] = 0, want[i * 4 + 3] = 0xff;
        ok(read_buffer(b, sizeof(got), got) && !memcmp(got, want, sizeof(want)), "ClearView rect on an sRGB buffer RTV");
        ID3D11RenderTargetView_Release(rtv);
    }
    else
        ok(0, "sRGB buffer RTV");
    if (b) ID3D11Buffer_Release(b);
    ID3D11DeviceContext1_Release(ctx1);
}

static void test_queries(void)
{
    D3D11_QUERY_DESC qd = { D3D11_QUERY_EVENT, 0 };
    D3D11_QUERY_DATA_TIMESTAMP_DISJOINT disjoint;
    ID3D11Query *event, *ts1, *ts2, *dj;
    ID3D11Predicate *pred;
    UINT64 t1 = 0, t2 = 0;
    unsigned int tries = 0;
    BOOL done = FALSE;
    HRESULT hr;

    if (FAILED(ID3D11Device_CreateQuery(device, &qd, &event)))
    {
        ok(0, "event query");
        return;
    }
    ok(ID3D11Query_GetDataSize(event) == sizeof(BOOL), "event size");
    ok(ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, NULL, 0, 0) == DXGI_ERROR_INVALID_CALL, "GetData before End");
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)event);
    ok(ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, &done, 2, 0) == E_INVALIDARG, "wrong size");
    ok(ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, &done, sizeof(done), 0x2) == E_INVALIDARG, "bad flag");
    while ((hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, &done, sizeof(done), 0)) == S_FALSE
            && tries++ < 10000)
        test_sleep(1);
    ok(hr == S_OK && done == TRUE, "event: %#lx %d", (unsigned long)hr, done);
    /* DONOTFLUSH on an event after unflushed work never completes by itself; a Flush lets it. */
    {
        D3D11_BUFFER_DESC bd = { 4096, D3D11_USAGE_DEFAULT, D3D11_BIND_VERTEX_BUFFER };
        ID3D11Buffer *a, *b;
        if (SUCCEEDED(ID3D11Device_CreateBuffer(device, &bd, NULL, &a)) && SUCCEEDED(ID3D11Device_CreateBuffer(device, &bd, NULL, &b)))
        {
            ID3D11DeviceContext_CopyResource(context, (ID3D11Resource *)a, (ID3D11Resource *)b);
            ID3D11Buffer_Release(a);
            ID3D11Buffer_Release(b);
        }
    }
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)event);
    hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, NULL, 0, D3D11_ASYNC_GETDATA_DONOTFLUSH);
    ok(hr == S_FALSE, "DONOTFLUSH before Flush: %#lx", (unsigned long)hr);
    ID3D11DeviceContext_Flush(context);
    tries = 0;
    while ((hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)event, NULL, 0, D3D11_ASYNC_GETDATA_DONOTFLUSH)) == S_FALSE
            && tries++ < 10000)
        test_sleep(1);
    ok(hr == S_OK, "DONOTFLUSH after Flush: %#lx", (unsigned long)hr);

    qd.Query = D3D11_QUERY_TIMESTAMP;
    ok(SUCCEEDED(ID3D11Device_CreateQuery(device, &qd, &ts1)) && SUCCEEDED(ID3D11Device_CreateQuery(device, &qd, &ts2)), "timestamps");
    qd.Query = D3D11_QUERY_TIMESTAMP_DISJOINT;
    ok(SUCCEEDED(ID3D11Device_CreateQuery(device, &qd, &dj)), "disjoint");
    ID3D11DeviceContext_Begin(context, (ID3D11Asynchronous *)dj);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)ts1);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)ts2);
    ID3D11DeviceContext_End(context, (ID3D11Asynchronous *)dj);
    tries = 0;
    while ((hr = ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)dj, &disjoint, sizeof(disjoint), 0)) == S_FALSE
            && tries++ < 10000)
        test_sleep(1);
    ok(hr == S_OK && disjoint.Frequency > 0 && !disjoint.Disjoint, "disjoint: %#lx", (unsigned long)hr);
    ok(ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)ts1, &t1, sizeof(t1), 0) == S_OK
            && ID3D11DeviceContext_GetData(context, (ID3D11Asynchronous *)ts2, &t2, sizeof(t2), 0) == S_OK, "timestamp data");
    ok(t2 >= t1 && t1, "timestamps %llu %llu", (unsigned long long)t1, (unsigned long long)t2);

    /* Creation rules. */
    qd.Query = D3D11_QUERY_EVENT;
    qd.MiscFlags = D3D11_QUERY_MISC_PREDICATEHINT;
    ok(ID3D11Device_CreateQuery(device, &qd, NULL) == E_INVALIDARG, "predicate hint on an event");
    ok(ID3D11Device_CreatePredicate(device, &qd, &pred) == E_INVALIDARG, "event predicate");
    qd.Query = D3D11_QUERY_OCCLUSION_PREDICATE;
    ok(ID3D11Device_CreatePredicate(device, &qd, &pred) == S_OK, "occlusion predicate");
    ID3D11Predicate_Release(pred);
    qd.Query = 0x100;
    qd.MiscFlags = 0;
    ok(ID3D11Device_CreateQuery(device, &qd, NULL) == E_INVALIDARG, "bad query type");
    qd.Query = D3D11_QUERY_EVENT;
    ok(ID3D11Device_CreateQuery(device, &qd, NULL) == S_FALSE, "validation only");
    ok(ID3D11Device_CreateQuery(device, NULL, NULL) == E_INVALIDARG, "NULL desc");

    ID3D11Query_Release(event);
    ID3D11Query_Release(ts1);
    ID3D11Query_Release(ts2);
    ID3D11Query_Release(dj);
}

int main(void)
{
    if (!test_init())
        return test_finish();
    if (FAILED(D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, &context)))
    {
        ok(0, "no device");
        return test_finish();
    }
    run_test(test_formats_copy);
    run_test(test_formats_clear);
    run_test(test_typeless_copies);
    run_test(test_partial_copies);
    run_test(test_3d_and_arrays);
    run_test(test_update_subresource);
    run_test(test_map_semantics);
    run_test(test_map_do_not_wait);
    run_test(test_new_resources_zero);
    run_test(test_staging_copies);
    run_test(test_depth_stencil_repack);
    run_test(test_depth_stencil_deferred);
    run_test(test_release_after_copy);
    run_test(test_clears);
    run_test(test_typed_buffer_uav_clears);
    run_test(test_clear_view_rects);
    run_test(test_generate_mips);
    run_test(test_resolve);
    run_test(test_resolve_formats);
    run_test(test_discard);
    run_test(test_initial_data_order);
    run_test(test_map_no_overwrite_texture);
    run_test(test_clear_srgb_buffer_rtv);
    run_test(test_queries);
    ID3D11DeviceContext_Release(context);
    ok(!ID3D11Device_Release(device), "device leaked");
    return test_finish();
}
