using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>The CPU time the calling thread has used (<c>CLOCK_THREAD_CPUTIME_ID</c>): what a consumer costs per event,
/// a figure that other load on the machine disturbs far less than wall-clock throughput.</summary>
internal static partial class ThreadCpuClock
{
    const int ThreadCpuTimeClock = 3;

    [StructLayout(LayoutKind.Sequential)]
    struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>The calling thread's CPU time so far, in nanoseconds.</summary>
    public static long Nanoseconds()
    {
        if (clock_gettime(ThreadCpuTimeClock, out var time) != 0)
            throw new InvalidOperationException($"clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed: errno {Marshal.GetLastPInvokeError()}");
        return time.Seconds * 1_000_000_000 + time.Nanoseconds;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
