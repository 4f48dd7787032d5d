namespace Sharp.Bpf.Elf;

/// <summary>An <c>lddw</c> that loads a map (<c>r1 = &amp;counts</c>). Written as clang does: immediate 0, <c>src_reg</c> 0,
/// and an <c>R_BPF_64_64</c> relocation against the map's symbol in <c>.maps</c>; the loader sets <c>src_reg</c> and the fd.</summary>
/// <param name="InstructionIndex">Index of the <c>lddw</c> in its function.</param>
/// <param name="MapName">The map, as added with <see cref="BpfObjectBuilder.AddMap"/>.</param>
public sealed record MapLoad(int InstructionIndex, string MapName) : InstructionReference(InstructionIndex)
{
    /// <inheritdoc/>
    public override string TargetName => MapName;
}
