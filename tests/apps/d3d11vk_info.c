/* d3d11vk_info.c — the first demo: prints what a D3D11 program sees through d3d11vk:
 * adapters, outputs and modes, the device's feature level and format support. */
#ifndef COBJMACROS
# define COBJMACROS
#endif
#define INITGUID
#include <stdio.h>
#include <windows.h>
#include <d3d11_4.h>
#include <dxgi1_6.h>

static void print_wide(const WCHAR *s)
{
    while (*s)
    {
        putchar(*s < 128 ? (char)*s : '?');
        ++s;
    }
}

static const struct { DXGI_FORMAT format; const char *name; } formats[] =
{
    { DXGI_FORMAT_R8G8B8A8_UNORM, "R8G8B8A8_UNORM" },
    { DXGI_FORMAT_B8G8R8A8_UNORM_SRGB, "B8G8R8A8_UNORM_SRGB" },
    { DXGI_FORMAT_R10G10B10A2_UNORM, "R10G10B10A2_UNORM" },
    { DXGI_FORMAT_R16G16B16A16_FLOAT, "R16G16B16A16_FLOAT" },
    { DXGI_FORMAT_R32G32B32A32_FLOAT, "R32G32B32A32_FLOAT" },
    { DXGI_FORMAT_R32_UINT, "R32_UINT" },
    { DXGI_FORMAT_D24_UNORM_S8_UINT, "D24_UNORM_S8_UINT" },
    { DXGI_FORMAT_D32_FLOAT, "D32_FLOAT" },
    { DXGI_FORMAT_BC1_UNORM, "BC1_UNORM" },
    { DXGI_FORMAT_BC7_UNORM, "BC7_UNORM" },
};

static void print_support(UINT s)
{
    static const struct { UINT bit; const char *name; } bits[] =
    {
        { D3D11_FORMAT_SUPPORT_BUFFER, "buffer" }, { D3D11_FORMAT_SUPPORT_IA_VERTEX_BUFFER, "vertex" },
        { D3D11_FORMAT_SUPPORT_IA_INDEX_BUFFER, "index" }, { D3D11_FORMAT_SUPPORT_TEXTURE2D, "tex2d" },
        { D3D11_FORMAT_SUPPORT_TEXTURE3D, "tex3d" }, { D3D11_FORMAT_SUPPORT_TEXTURECUBE, "cube" },
        { D3D11_FORMAT_SUPPORT_SHADER_SAMPLE, "sample" }, { D3D11_FORMAT_SUPPORT_MIP_AUTOGEN, "mipgen" },
        { D3D11_FORMAT_SUPPORT_RENDER_TARGET, "rtv" }, { D3D11_FORMAT_SUPPORT_BLENDABLE, "blend" },
        { D3D11_FORMAT_SUPPORT_DEPTH_STENCIL, "dsv" }, { D3D11_FORMAT_SUPPORT_CPU_LOCKABLE, "map" },
        { D3D11_FORMAT_SUPPORT_MULTISAMPLE_RENDERTARGET, "msaa" }, { D3D11_FORMAT_SUPPORT_DISPLAY, "display" },
        { D3D11_FORMAT_SUPPORT_TYPED_UNORDERED_ACCESS_VIEW, "uav" },
    };
    unsigned int i;

    for (i = 0; i < sizeof(bits) / sizeof(*bits); ++i)
        if (s & bits[i].bit)
            printf(" %s", bits[i].name);
}

int main(void)
{
    IDXGIFactory1 *factory;
    IDXGIAdapter1 *adapter;
    ID3D11Device *device;
    D3D_FEATURE_LEVEL level;
    const D3D_FEATURE_LEVEL levels[] = { D3D_FEATURE_LEVEL_11_1, D3D_FEATURE_LEVEL_11_0, D3D_FEATURE_LEVEL_10_1,
            D3D_FEATURE_LEVEL_10_0 };
    UINT i, j;
    HRESULT hr;

    if (FAILED(hr = CreateDXGIFactory1(&IID_IDXGIFactory1, (void **)&factory)))
    {
        printf("CreateDXGIFactory1 failed: %#lx\n", (unsigned long)hr);
        return 1;
    }
    for (i = 0; SUCCEEDED(IDXGIFactory1_EnumAdapters1(factory, i, &adapter)); ++i)
    {
        DXGI_ADAPTER_DESC1 desc;
        IDXGIOutput *output;

        IDXGIAdapter1_GetDesc1(adapter, &desc);
        printf("Adapter %u: ", i);
        print_wide(desc.Description);
        printf("\n  vendor %04x device %04x, dedicated %llu MiB, shared %llu MiB, LUID %08lx:%08lx%s\n",
                desc.VendorId, desc.DeviceId, (unsigned long long)desc.DedicatedVideoMemory >> 20,
                (unsigned long long)desc.SharedSystemMemory >> 20, (unsigned long)desc.AdapterLuid.HighPart,
                (unsigned long)desc.AdapterLuid.LowPart, desc.Flags & DXGI_ADAPTER_FLAG_SOFTWARE ? ", software" : "");
        for (j = 0; SUCCEEDED(IDXGIAdapter1_EnumOutputs(adapter, j, &output)); ++j)
        {
            DXGI_OUTPUT_DESC od;
            DXGI_MODE_DESC modes[64];
            UINT count = 64, k;

            IDXGIOutput_GetDesc(output, &od);
            printf("  Output %u: ", j);
            print_wide(od.DeviceName);
            printf(" at (%ld,%ld)-(%ld,%ld)\n", (long)od.DesktopCoordinates.left, (long)od.DesktopCoordinates.top,
                    (long)od.DesktopCoordinates.right, (long)od.DesktopCoordinates.bottom);
            if (SUCCEEDED(IDXGIOutput_GetDisplayModeList(output, DXGI_FORMAT_R8G8B8A8_UNORM, 0, &count, modes)))
                for (k = 0; k < count; ++k)
                    printf("    mode %ux%u @ %u/%u Hz\n", modes[k].Width, modes[k].Height,
                            modes[k].RefreshRate.Numerator, modes[k].RefreshRate.Denominator);
            IDXGIOutput_Release(output);
        }
        hr = D3D11CreateDevice((IDXGIAdapter *)adapter, D3D_DRIVER_TYPE_UNKNOWN, NULL, 0, levels, 4,
                D3D11_SDK_VERSION, &device, &level, NULL);
        if (SUCCEEDED(hr))
        {
            printf("  Device: feature level %u_%u\n", level >> 12, (level >> 8) & 0xf);
            for (j = 0; j < sizeof(formats) / sizeof(*formats); ++j)
            {
                UINT support = 0;
                ID3D11Device_CheckFormatSupport(device, formats[j].format, &support);
                printf("    %-20s", formats[j].name);
                print_support(support);
                printf("\n");
            }
            ID3D11Device_Release(device);
        }
        else
            printf("  D3D11CreateDevice failed: %#lx\n", (unsigned long)hr);
        IDXGIAdapter1_Release(adapter);
    }
    IDXGIFactory1_Release(factory);
    return i ? 0 : 1;
}
