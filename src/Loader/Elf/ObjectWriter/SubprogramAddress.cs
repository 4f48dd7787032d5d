namespace Sharp.Bpf.Elf;

/// <summary>An <c>lddw</c> of a subprogram's address, the callback argument of <c>bpf_loop</c> and similar helpers. Written as
/// clang writes it: the subprogram lives in <c>.text</c>, the <c>lddw</c> has <c>src_reg</c> 4 (<c>BPF_PSEUDO_FUNC</c>) and an
/// immediate that is the subprogram's byte offset in <c>.text</c>, and an <c>R_BPF_64_64</c> relocation against that section
/// symbol, which libbpf turns into the callback's instruction offset.</summary>
/// <param name="InstructionIndex">Index of the <c>lddw</c> in its function.</param>
/// <param name="SubprogramName">The subprogram, as added with <see cref="BpfObjectBuilder.AddSubprogram"/>.</param>
public sealed record SubprogramAddress(int InstructionIndex, string SubprogramName) : InstructionReference(InstructionIndex)
{
    /// <inheritdoc/>
    public override string TargetName => SubprogramName;
}
