namespace Sharp.Bpf.Kernel;

/// <summary>A raw tracepoint program (<c>BPF_PROG_TYPE_RAW_TRACEPOINT</c>, Linux 4.17), attached with
/// <c>BPF_RAW_TRACEPOINT_OPEN</c>. The method takes <c>in</c> a struct of <c>ulong</c> fields, one per tracepoint argument
/// (<c>struct bpf_raw_tracepoint_args</c>), and returns 0. Section <c>raw_tp/&lt;name&gt;</c>.</summary>
/// <param name="name">The tracepoint's name, e.g. <c>sched_switch</c>.</param>
public sealed class RawTracepointAttribute(string name) : ProgramAttribute
{
    /// <summary>The tracepoint's name, e.g. <c>sched_switch</c>.</summary>
    public string Name { get; } = name;
    /// <inheritdoc/>
    public override string SectionName => $"raw_tp/{Name}";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.RawTracepoint;
}
