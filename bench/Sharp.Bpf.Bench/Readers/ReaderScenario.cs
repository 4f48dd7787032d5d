using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>One producer configuration, measured with our reader and with libbpf's.</summary>
/// <param name="Name">What the row says.</param>
/// <param name="CreateProducer">Loads the producer program and its maps.</param>
/// <param name="EventsPerTrial">BPF_PROG_TEST_RUN repeat count per trial.</param>
/// <param name="WatermarkBytes">For perf buffers: wake the reader after this many bytes per CPU; 0 wakes per record.</param>
internal sealed record ReaderScenario(string Name, Func<EventProducer> CreateProducer, uint EventsPerTrial, uint WatermarkBytes = 0)
{
    /// <summary>Ring buffer size for every ring buffer scenario.</summary>
    public const uint RingBufferSize = 8 << 20;

    /// <summary>Data pages per CPU for every perf buffer scenario (1 MiB with 4 KiB pages).</summary>
    public const int PerfPagesPerCpu = 256;

    public bool IsPerfBuffer { get; init; }

    /// <summary>Records submitted with default flags: the kernel wakes the reader when it had caught up.</summary>
    public static ReaderScenario RingBuffer(int recordSize, uint events) =>
        new($"ring buffer, {Size(recordSize)}, default wake-ups", () => EventProducer.RingBuffer(recordSize, RingBufferSize), events);

    /// <summary>bpf_perf_event_output with a wake-up per record (libbpf's default) or after a watermark.</summary>
    public static ReaderScenario PerfBuffer(int recordSize, uint events, int watermarkRecords) =>
        new($"perf buffer, {Size(recordSize)}, " + (watermarkRecords == 0 ? "wake-up per record" : $"watermark {watermarkRecords} records"),
            () => EventProducer.PerfEventArray(recordSize), events,
            // A sample takes its header (8), size (4) and data, padded to 8 bytes.
            (uint)(watermarkRecords * ((recordSize + 12 + 7) & ~7))) { IsPerfBuffer = true };

    static string Size(int bytes) => bytes >= 1024 ? $"{bytes / 1024} KiB" : $"{bytes} B";
}
