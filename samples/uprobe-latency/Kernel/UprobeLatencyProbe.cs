namespace Sharp.Bpf.Samples.UprobeLatency.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>uprobe-latency's kernel side: a uprobe on a function's entry stores the time per thread, and a uretprobe on its
/// return adds the elapsed microseconds to a log2 histogram. The probed binary and function are chosen at attach time, so
/// the attributes name none.</summary>
/// <remarks>Minimum kernel: 4.17 (uprobes through the uprobe PMU; 4.3 through tracefs).</remarks>
[BpfObject(License = "GPL")]
public static partial class UprobeLatencyProbe
{
    /// <summary>Histogram buckets: bucket <c>i</c> counts calls that took [2^i, 2^(i+1)) microseconds (bucket 0 also 0).</summary>
    public const int BucketCount = 64;

    /// <summary>Thread (<c>bpf_get_current_pid_tgid</c>) → entry time (<see cref="Bpf.KtimeGetNs"/>) of the call in progress.</summary>
    public static readonly HashMap<ulong, ulong> Starts = new(maxEntries: 10_240);

    /// <summary>Calls per log2 bucket of their latency in microseconds.</summary>
    public static readonly ArrayMap<ulong> Histogram = new(maxEntries: BucketCount);

    /// <summary>Remembers when the calling thread entered the function (a recursive call overwrites the outer call's time).</summary>
    [Uprobe("", "")]
    public static int OnEntry(in PtRegs registers)
    {
        Starts.Update(Bpf.GetCurrentPidTgid(), Bpf.KtimeGetNs());
        return 0;
    }

    /// <summary>Counts the returning call in the bucket of its latency; a return without a recorded entry (the call began
    /// before the probe was attached) is ignored.</summary>
    [Uretprobe("", "")]
    public static int OnReturn(in PtRegs registers)
    {
        var thread = Bpf.GetCurrentPidTgid();
        if (!Starts.TryGetValue(thread, out var start)) return 0;
        Starts.Delete(thread);
        var bucket = Histogram.Lookup(Log2((Bpf.KtimeGetNs() - start) / 1000));
        if (bucket.HasValue) Atomic.Add(ref bucket.Value, 1);
        return 0;
    }

    /// <summary>floor(log2(<paramref name="value"/>)), and 0 for 0: a binary search over the bit position, in six steps.</summary>
    public static uint Log2(ulong value)
    {
        uint log = 0;
        if (value >= 1UL << 32) { value >>= 32; log += 32; }
        if (value >= 1UL << 16) { value >>= 16; log += 16; }
        if (value >= 1UL << 8) { value >>= 8; log += 8; }
        if (value >= 1UL << 4) { value >>= 4; log += 4; }
        if (value >= 1UL << 2) { value >>= 2; log += 2; }
        if (value >= 1UL << 1) log += 1;
        return log;
    }
}
