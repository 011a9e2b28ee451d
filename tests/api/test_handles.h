/* test_handles.h — kernel-handle helpers the sharing tests share: closing a shared handle
 * (an fd in the native build) and counting the process's open handles. */
#ifndef D3D11VK_TEST_HANDLES_H
#define D3D11VK_TEST_HANDLES_H

#ifdef D3D11VK_NATIVE
# include <dirent.h>
# include <unistd.h>
#endif

static inline void handle_close(HANDLE h)
{
#ifdef D3D11VK_NATIVE
    close((int)(intptr_t)h);
#else
    CloseHandle(h);
#endif
}

static inline unsigned long handle_count(void)
{
#ifdef D3D11VK_NATIVE
    unsigned long count = 0;
    DIR *dir = opendir("/proc/self/fd");
    if (!dir)
        return 0;
    while (readdir(dir))
        ++count;
    closedir(dir);
    return count;
#else
    DWORD count = 0;
    HANDLE probe;
    if (GetProcessHandleCount(GetCurrentProcess(), &count) && count)
        return count;
    /* Wine answers 0: handle values come from the lowest free slot of the handle table, so
     * a fresh handle's value grows with every handle leaked. */
    probe = CreateEventW(NULL, FALSE, FALSE, NULL);
    CloseHandle(probe);
    return (unsigned long)((uintptr_t)probe / 4);
#endif
}

#endif
