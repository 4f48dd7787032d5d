namespace Sharp.Bpf.Kernel;

/// <summary>A kprobe (<c>BPF_PROG_TYPE_KPROBE</c>, Linux 4.1): runs when a kernel function is entered. The method takes
/// <c>in</c> <see cref="PtRegs"/> and returns 0. Section <c>kprobe/&lt;function&gt;[+offset]</c>.</summary>
/// <param name="function">The kernel function, e.g. <c>tcp_connect</c>.</param>
public sealed class KprobeAttribute(string function) : ProgramAttribute
{
    /// <summary>The kernel function.</summary>
    public string Function { get; } = function;
    /// <summary>Bytes past the function's address to probe (0: the entry).</summary>
    public ulong Offset { get; init; }
    /// <inheritdoc/>
    public override string SectionName => ProbeSection.Name("kprobe", Function, Offset);
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Kprobe;
}
