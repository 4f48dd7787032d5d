namespace Sharp.Bpf.Links;

/// <summary>How often and where <see cref="PerfEvent.AttachSoftware"/> runs the program. Give exactly one of
/// <see cref="SamplePeriod"/> and <see cref="SampleFrequency"/>.</summary>
public sealed record PerfEventSamplingOptions
{
    /// <summary>Run the program every this many events (for <see cref="SoftwarePerfEvent.CpuClock"/>: nanoseconds).</summary>
    public ulong? SamplePeriod { get; init; }

    /// <summary>Run the program about this many times per second per CPU; the kernel adjusts the period to match.</summary>
    public ulong? SampleFrequency { get; init; }

    /// <summary>Sample only this process (on whatever CPU it runs); null samples every process on each of <see cref="Cpus"/>.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The CPUs to sample on; null for every online CPU. Not allowed together with <see cref="ProcessId"/>.</summary>
    public IReadOnlyList<int>? Cpus { get; init; }

    /// <summary>By bpf_link or by ioctl; <see cref="PerfEventAttachMode.Automatic"/> picks the link when the kernel has it.</summary>
    public PerfEventAttachMode Mode { get; init; }
}
