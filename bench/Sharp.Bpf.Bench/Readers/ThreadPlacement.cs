using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>Pins the calling thread to one CPU and optionally runs it under <c>SCHED_FIFO</c>, until disposed, then restores
/// its previous affinity and policy. The reader benchmark places the producer and the consumer this way for both consumers:
/// scheduler placement (same CPU, migrating producer) and, on a busy machine, the consumer's wake-up latency behind other
/// processes move these figures by far more than the consumers differ.</summary>
internal sealed partial class ThreadPlacement : IDisposable
{
    const int CpuSetBytes = 128;
    const int SchedOther = 0, SchedFifo = 1;
    /// <summary>The lowest real-time priority: enough to run before every ordinary process.</summary>
    const int FifoPriority = 1;

    readonly byte[] previousAffinity = new byte[CpuSetBytes];
    readonly bool realtime;

    ThreadPlacement(int cpu, bool realtime)
    {
        Check(sched_getaffinity(0, CpuSetBytes, previousAffinity), "sched_getaffinity");
        var only = new byte[CpuSetBytes];
        only[cpu / 8] = (byte)(1 << (cpu % 8));
        Check(sched_setaffinity(0, CpuSetBytes, only), $"sched_setaffinity to CPU {cpu}");
        if (realtime)
        {
            int priority = FifoPriority;
            Check(sched_setscheduler(0, SchedFifo, ref priority), "sched_setscheduler(SCHED_FIFO)");
            this.realtime = true;
        }
    }

    /// <summary>Places the calling thread on <paramref name="cpu"/>, under SCHED_FIFO when <paramref name="realtime"/>; null
    /// when <paramref name="cpu"/> is null (the scheduler places it).</summary>
    public static ThreadPlacement? Place(int? cpu, bool realtime) => cpu is { } value ? new ThreadPlacement(value, realtime) : null;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (realtime)
        {
            int priority = 0;
            Check(sched_setscheduler(0, SchedOther, ref priority), "sched_setscheduler(SCHED_OTHER)");
        }
        Check(sched_setaffinity(0, CpuSetBytes, previousAffinity), "sched_setaffinity");
    }

    static void Check(int result, string call)
    {
        if (result != 0) throw new InvalidOperationException($"{call} failed: errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_getaffinity(int pid, nuint size, byte[] mask);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, byte[] mask);

    /// <summary>sched_setscheduler(2); <paramref name="priority"/> is struct sched_param's only field.</summary>
    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setscheduler(int pid, int policy, ref int priority);
}
