/* test_handles.h — kernel-handle and process helpers the sharing tests share: closing a shared
 * handle (an fd in the native build), counting the process's open handles, and starting a
 * child process that inherits handles and collecting its exit code. */
#ifndef D3D11VK_TEST_HANDLES_H
#define D3D11VK_TEST_HANDLES_H

#ifdef D3D11VK_NATIVE
# include <dirent.h>
# include <unistd.h>
# include <sys/wait.h>
#else
# include <psapi.h>
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

/* The process's memory use in bytes: resident set (native), pagefile usage (PE). */
static inline uint64_t memory_usage(void)
{
#ifdef D3D11VK_NATIVE
    unsigned long size = 0, resident = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f)
    {
        if (fscanf(f, "%lu %lu", &size, &resident) != 2)
            resident = 0;
        fclose(f);
    }
    return (uint64_t)resident * 4096;
#else
    PROCESS_MEMORY_COUNTERS pmc = {sizeof(pmc)};
    if (!K32GetProcessMemoryInfo(GetCurrentProcess(), &pmc, sizeof(pmc)))
        return 0;
    return pmc.PagefileUsage;
#endif
}

static inline void test_sleep_ms(unsigned int ms)
{
#ifdef D3D11VK_NATIVE
    usleep(ms * 1000);
#else
    Sleep(ms);
#endif
}

/* Starts "path mode arg" with the caller's inheritable handles; false if it did not start. */
static inline bool child_start(const char *path, const char *mode, const char *arg, void **process)
{
#ifdef D3D11VK_NATIVE
    pid_t pid = fork();

    if (pid < 0)
        return false;
    if (!pid)
    {
        char *argv[] = {(char *)path, (char *)mode, (char *)arg, NULL};
        execv(path, argv);
        _exit(127);
    }
    *process = (void *)(intptr_t)pid;
    return true;
#else
    char cmdline[MAX_PATH + 128];
    STARTUPINFOA si = {sizeof(si)};
    PROCESS_INFORMATION pi;

    snprintf(cmdline, sizeof(cmdline), "\"%s\" %s %s", path, mode, arg);
    if (!CreateProcessA(path, cmdline, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
        return false;
    CloseHandle(pi.hThread);
    *process = pi.hProcess;
    return true;
#endif
}

/* The child's exit code (-1 natively if it did not exit normally); waits for it (on PE at
 * most timeout_ms). */
static inline int child_exit_code(void *process, DWORD timeout_ms)
{
#ifdef D3D11VK_NATIVE
    int status;

    (void)timeout_ms;
    if (waitpid((pid_t)(intptr_t)process, &status, 0) < 0 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
#else
    DWORD code = 1;

    WaitForSingleObject(process, timeout_ms);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return (int)code;
#endif
}

#endif
