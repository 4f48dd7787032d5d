namespace Sharp.Bpf.Kernel;

/// <summary>A uretprobe (<c>BPF_PROG_TYPE_KPROBE</c> on the uprobe PMU, Linux 4.17): runs when a user-space function returns;
/// <see cref="PtRegs.ReturnValue"/> holds its result. Section <c>uretprobe/&lt;binary&gt;:&lt;symbol&gt;</c>, <c>uretprobe.s/...</c>
/// when <see cref="Sleepable"/>.</summary>
/// <param name="binary">The executable or library, as a path or a library name libbpf resolves (<c>libc.so.6</c>).</param>
/// <param name="symbol">The function's symbol.</param>
public sealed class UretprobeAttribute(string binary, string symbol) : ProgramAttribute
{
    /// <summary>The executable or library.</summary>
    public string Binary { get; } = binary;
    /// <summary>The function's symbol.</summary>
    public string Symbol { get; } = symbol;
    /// <summary>The program may sleep (<c>BPF_F_SLEEPABLE</c>, Linux 6.1 for uprobes).</summary>
    public bool Sleepable { get; init; }
    /// <inheritdoc/>
    public override string SectionName => ProbeSection.Name(Sleepable ? "uretprobe.s" : "uretprobe", $"{Binary}:{Symbol}", 0);
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Kprobe;
}
