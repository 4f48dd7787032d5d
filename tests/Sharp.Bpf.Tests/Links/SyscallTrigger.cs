using System.Runtime.InteropServices;

namespace Sharp.Bpf.Tests.Links;

/// <summary>Makes system calls whose tracepoints the tests attach to.</summary>
internal static partial class SyscallTrigger
{
    /// <summary>Calls getppid(2) <paramref name="times"/> times (glibc does not cache it, so each is a real system call).</summary>
    public static void GetParentProcessId(int times)
    {
        for (int i = 0; i < times; i++) getppid();
    }

    [LibraryImport("libc")]
    private static partial int getppid();
}
