namespace Sharp.Bpf.Kernel;

/// <summary>A perf event program (<c>BPF_PROG_TYPE_PERF_EVENT</c>, Linux 4.9): runs on each sample of a perf event (a
/// software clock, or a hardware counter where there is one). The method takes <c>in</c> the kernel's
/// <c>struct bpf_perf_event_data</c> (registers, sample period, address) and returns 0. Section <c>perf_event</c>.</summary>
public sealed class PerfEventAttribute : ProgramAttribute
{
    /// <inheritdoc/>
    public override string SectionName => "perf_event";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.PerfEvent;
}
