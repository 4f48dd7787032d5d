namespace Sharp.Bpf.Elf;

/// <summary>An <c>lddw</c> that loads the address of a global variable, plus <paramref name="Offset"/> bytes into it. Written as clang
/// writes static variables: an <c>R_BPF_64_64</c> relocation against the section symbol of <c>.data</c>/<c>.rodata</c>/<c>.bss</c>,
/// with the variable's offset in the section (plus <paramref name="Offset"/>) left in the immediate.</summary>
/// <param name="InstructionIndex">Index of the <c>lddw</c> in its function.</param>
/// <param name="GlobalName">The variable, as added with <see cref="BpfObjectBuilder.AddGlobal"/>.</param>
/// <param name="Offset">Byte offset into the variable (a field of a struct); 0 for its start.</param>
public sealed record GlobalLoad(int InstructionIndex, string GlobalName, uint Offset = 0) : InstructionReference(InstructionIndex)
{
    /// <inheritdoc/>
    public override string TargetName => GlobalName;
}
