namespace Sharp.Bpf.Bench.Readers;

/// <summary>What one consumer achieved while the producer emitted <see cref="Produced"/> records: records delivered, time
/// from starting the producer to having drained everything, bytes the consuming thread allocated, records lost, and the CPU
/// time the consuming thread used.</summary>
internal readonly record struct ReaderTrial(long Produced, long Records, double Seconds, long AllocatedBytes, long Lost, long ConsumerCpuNanoseconds)
{
    /// <summary>The consumer's CPU time per delivered record, in nanoseconds.</summary>
    public double ConsumerNanosecondsPerEvent => (double)ConsumerCpuNanoseconds / Records;

    public double EventsPerSecond => Records / Seconds;
}
