namespace Sharp.Bpf.Kernel;

/// <summary>A kretprobe (<c>BPF_PROG_TYPE_KPROBE</c>, Linux 4.1): runs when a kernel function returns;
/// <see cref="PtRegs.ReturnValue"/> holds its result. Section <c>kretprobe/&lt;function&gt;</c>.</summary>
/// <param name="function">The kernel function, e.g. <c>tcp_connect</c>.</param>
public sealed class KretprobeAttribute(string function) : ProgramAttribute
{
    /// <summary>The kernel function.</summary>
    public string Function { get; } = function;
    /// <inheritdoc/>
    public override string SectionName => ProbeSection.Name("kretprobe", Function, 0);
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Kprobe;
}
