using System.Runtime.InteropServices;

namespace Sharp.Bpf.Testing;

/// <summary>Pins the calling thread to the CPU it is on until disposed, then restores its affinity. Per-CPU behaviour (a
/// perf buffer's ring per CPU, whose lost-record report arrives only with the next record on the same CPU) is deterministic
/// only when every <c>BPF_PROG_TEST_RUN</c> of a test runs on one CPU.</summary>
public sealed partial class CurrentCpuPin : IDisposable
{
    const int CpuSetBytes = 128;
    readonly byte[] previous = new byte[CpuSetBytes];

    CurrentCpuPin()
    {
        Check(sched_getaffinity(0, CpuSetBytes, previous), "sched_getaffinity");
        int cpu = sched_getcpu();
        if (cpu < 0) throw new InvalidOperationException($"sched_getcpu failed: errno {Marshal.GetLastPInvokeError()}");
        var only = new byte[CpuSetBytes];
        only[cpu / 8] = (byte)(1 << (cpu % 8));
        Check(sched_setaffinity(0, CpuSetBytes, only), "sched_setaffinity");
        Cpu = cpu;
    }

    /// <summary>The CPU the thread now runs on.</summary>
    public int Cpu { get; }

    /// <summary>Pins the calling thread to its current CPU.</summary>
    public static CurrentCpuPin Acquire() => new();

    /// <inheritdoc/>
    public void Dispose() => Check(sched_setaffinity(0, CpuSetBytes, previous), "sched_setaffinity");

    static void Check(int result, string call)
    {
        if (result != 0) throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, byte[] mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, byte[] mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getcpu();
}
