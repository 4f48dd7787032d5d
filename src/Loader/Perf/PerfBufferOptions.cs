namespace Sharp.Bpf.Perf;

/// <summary>How a <see cref="PerfBufferReader"/> sizes its per-CPU rings and when the kernel wakes it.</summary>
public sealed record PerfBufferOptions
{
    /// <summary>Data pages per CPU ring, a power of two (default 64: 256 KiB with 4 KiB pages). A ring that fills up drops
    /// records, which the reader counts in <see cref="PerfBufferReader.LostRecords"/>.</summary>
    public int PagesPerCpu { get; init; } = 64;

    /// <summary>Wake the reader after this many records on a CPU (<c>wakeup_events</c>; default 1, as libbpf does). Each
    /// wake-up costs microseconds of the producer's time, so larger values raise throughput at the cost of latency; a poll
    /// that times out reads the rings anyway. Ignored when <see cref="WakeupWatermarkBytes"/> is set.</summary>
    public uint WakeupEvents { get; init; } = 1;

    /// <summary>When non-zero, wake the reader once this many bytes are waiting in a CPU's ring (<c>wakeup_watermark</c>)
    /// instead of counting records. Must be smaller than the ring. A watermark of a few hundred records is where perf
    /// buffers reach millions of records per second.</summary>
    public uint WakeupWatermarkBytes { get; init; }
}
