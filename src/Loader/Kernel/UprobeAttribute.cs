namespace Sharp.Bpf.Kernel;

/// <summary>A uprobe (<c>BPF_PROG_TYPE_KPROBE</c> on the uprobe PMU, Linux 4.17): runs when a user-space function is entered.
/// The method takes <c>in</c> <see cref="PtRegs"/> and returns 0. Section <c>uprobe/&lt;binary&gt;:&lt;symbol&gt;[+offset]</c>,
/// <c>uprobe.s/...</c> when <see cref="Sleepable"/>.</summary>
/// <param name="binary">The executable or library, as a path or a library name libbpf resolves (<c>libc.so.6</c>).</param>
/// <param name="symbol">The function's symbol.</param>
public sealed class UprobeAttribute(string binary, string symbol) : ProgramAttribute
{
    /// <summary>The executable or library.</summary>
    public string Binary { get; } = binary;
    /// <summary>The function's symbol.</summary>
    public string Symbol { get; } = symbol;
    /// <summary>Bytes past the symbol's address to probe (0: the entry).</summary>
    public ulong Offset { get; init; }
    /// <summary>The program may sleep, so it can read paged-out user memory (<c>BPF_F_SLEEPABLE</c>, Linux 6.1 for uprobes).</summary>
    public bool Sleepable { get; init; }
    /// <inheritdoc/>
    public override string SectionName => ProbeSection.Name(Sleepable ? "uprobe.s" : "uprobe", $"{Binary}:{Symbol}", Offset);
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.Kprobe;
}
