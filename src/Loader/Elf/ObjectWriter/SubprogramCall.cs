namespace Sharp.Bpf.Elf;

/// <summary>A BPF-to-BPF <c>call</c> of a subprogram. Written as clang writes calls of static functions: the subprogram lives in
/// <c>.text</c>, the call has <c>src_reg</c> 1 and an immediate counting slots from the <c>.text</c> section symbol (target slot − 1),
/// and an <c>R_BPF_64_32</c> relocation against that section symbol, which is what libbpf requires of calls across sections.</summary>
/// <param name="InstructionIndex">Index of the <c>call</c> in its function.</param>
/// <param name="SubprogramName">The callee, as added with <see cref="BpfObjectBuilder.AddSubprogram"/>.</param>
public sealed record SubprogramCall(int InstructionIndex, string SubprogramName) : InstructionReference(InstructionIndex)
{
    /// <inheritdoc/>
    public override string TargetName => SubprogramName;
}
