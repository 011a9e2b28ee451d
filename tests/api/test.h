/* test.h — the API tests' small harness: checks, a summary, and the proof that the
 * project's DLLs (not another implementation's) answer, plus the Vulkan validation count. */
#ifndef D3D11VK_TEST_H
#define D3D11VK_TEST_H

#ifndef COBJMACROS
# define COBJMACROS
#endif
#define INITGUID
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>
#include <windows.h>
#include <d3d11_4.h>
#include <dxgi1_6.h>
#include "d3d11vk_private.h"

static unsigned int test_failures, test_checks;
static const char *test_current = "";
static IDXGIFactory1 *test_factory;

#define ok(cond, ...) test_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static void test_ok(bool cond, const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void test_ok(bool cond, const char *file, int line, const char *fmt, ...)
{
    va_list args;

    ++test_checks;
    if (cond)
        return;
    ++test_failures;
    printf("FAIL %s:%d [%s]: ", file, line, test_current);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    printf("\n");
    fflush(stdout);
}

static inline ULONG get_refcount(void *iface)
{
    IUnknown *unk = iface;
    IUnknown_AddRef(unk);
    return IUnknown_Release(unk);
}

#define run_test(fn) do { unsigned int f_ = test_failures; test_current = #fn; fn(); \
    printf("%s %s\n", test_failures == f_ ? "ok  " : "FAIL", #fn); fflush(stdout); } while (0)

/* Every test program starts here: fails unless the project's DXGI and D3D11 answer. */
static bool test_init(void)
{
    ID3D11VKFactory *vkfactory;
    ID3D11VKDevice *vkdevice;
    ID3D11Device *device;
    HRESULT hr;

    setvbuf(stdout, NULL, _IONBF, 0);
#ifndef D3D11VK_NATIVE
    {
        /* Wine's Vulkan comes through its X11 driver, which a process loads through the
         * desktop window (explorer.exe): with no X server, or a desktop not up within Wine's
         * bounded wait on a loaded machine, the process gets no driver and the loader offers
         * Vulkan 1.0. Say which, and give a slow desktop more time before any DLL asks. */
        const char *display = getenv("DISPLAY");
        unsigned int i;

        if (!display || !*display)
            ok(0, "DISPLAY is not set: Wine has no X server, so no Vulkan (source winebuild/wine-env.sh)");
        for (i = 0; i < 240 && !GetDesktopWindow(); ++i)
            Sleep(250);
        if (!GetDesktopWindow())
            ok(0, "Wine has no desktop window (DISPLAY=%s): no X11 driver, so no Vulkan", display ? display : "");
    }
#endif
    hr = CreateDXGIFactory1(&IID_IDXGIFactory1, (void **)&test_factory);
    ok(hr == S_OK, "CreateDXGIFactory1: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return false;
    hr = IDXGIFactory1_QueryInterface(test_factory, &IID_ID3D11VKFactory, (void **)&vkfactory);
    ok(hr == S_OK, "dxgi is not d3d11vk's (QueryInterface(ID3D11VKFactory) %#lx)", (unsigned long)hr);
    if (FAILED(hr))
        return false;
    vkfactory->lpVtbl->Release(vkfactory);
    hr = D3D11CreateDevice(NULL, D3D_DRIVER_TYPE_HARDWARE, NULL, 0, NULL, 0, D3D11_SDK_VERSION, &device, NULL, NULL);
    ok(hr == S_OK, "D3D11CreateDevice: %#lx", (unsigned long)hr);
    if (FAILED(hr))
        return false;
    hr = ID3D11Device_QueryInterface(device, &IID_ID3D11VKDevice, (void **)&vkdevice);
    ok(hr == S_OK, "d3d11 is not d3d11vk's (QueryInterface(ID3D11VKDevice) %#lx)", (unsigned long)hr);
    if (SUCCEEDED(hr))
        vkdevice->lpVtbl->Release(vkdevice);
    ID3D11Device_Release(device);
#ifndef D3D11VK_NATIVE
    {
        /* The DLLs must be the ones beside the program, not Wine's builtin ones. */
        char exe[MAX_PATH], dll[MAX_PATH], *slash;
        HMODULE mod = GetModuleHandleA("d3d11.dll");
        GetModuleFileNameA(NULL, exe, sizeof(exe));
        if ((slash = strrchr(exe, '\\')))
            slash[1] = 0;
        ok(mod && GetModuleFileNameA(mod, dll, sizeof(dll)), "d3d11.dll is not loaded");
        ok(mod && !strncasecmp(dll, exe, strlen(exe)), "d3d11.dll came from %s, not %s", dll, exe);
    }
#endif
    return SUCCEEDED(hr);
}

/* Ends the program: validation-layer errors count as failures. */
static int test_finish(void)
{
    ID3D11VKFactory *vkfactory;
    UINT errors = 0;

    test_current = "finish";
    if (test_factory && SUCCEEDED(IDXGIFactory1_QueryInterface(test_factory, &IID_ID3D11VKFactory, (void **)&vkfactory)))
    {
        errors = vkfactory->lpVtbl->GetValidationErrorCount(vkfactory);
        vkfactory->lpVtbl->Release(vkfactory);
    }
    ok(!errors, "%u Vulkan validation errors", errors);
    if (test_factory)
        IDXGIFactory1_Release(test_factory);
    printf("%u checks, %u failed\n", test_checks, test_failures);
    return test_failures ? 1 : 0;
}

/* Every slot of a COM vtable is filled. */
static inline bool vtable_complete(const void *iface, size_t vtbl_size)
{
    const void *const *vtbl = *(const void *const *const *)iface;
    size_t i;

    for (i = 0; i < vtbl_size / sizeof(void *); ++i)
        if (!vtbl[i])
            return false;
    return true;
}

#endif
