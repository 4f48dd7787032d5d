namespace Sharp.Bpf.Kernel;

/// <summary>A BTF-enabled raw tracepoint (<c>BPF_PROG_TYPE_TRACING</c> with <c>BPF_TRACE_RAW_TP</c>, Linux 5.5): like
/// <see cref="RawTracepointAttribute"/>, but the verifier types the arguments from kernel BTF so pointer arguments can be
/// dereferenced directly. Section <c>tp_btf/&lt;name&gt;</c>.</summary>
/// <param name="name">The tracepoint's name, e.g. <c>sched_switch</c>.</param>
public sealed class TracepointBtfAttribute(string name) : ProgramAttribute
{
    /// <summary>The tracepoint's name, e.g. <c>sched_switch</c>.</summary>
    public string Name { get; } = name;
    /// <inheritdoc/>
    public override string SectionName => $"tp_btf/{Name}";
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Tracing;
    /// <inheritdoc/>
    public override AttachType ExpectedAttachType => AttachType.TraceRawTracepoint;
}
