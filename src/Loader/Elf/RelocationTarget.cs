namespace Sharp.Bpf.Elf;

/// <summary>What a relocated instruction refers to, once the relocation's symbol and implicit addend are resolved.</summary>
internal abstract record RelocationTarget;

/// <summary>An <c>lddw</c> of a map (<paramref name="ValueOffset"/> null) or of the address <paramref name="ValueOffset"/> bytes
/// into a global-data map's value.</summary>
internal sealed record MapTarget(string MapName, uint? ValueOffset) : RelocationTarget;

/// <summary>A call to, or an <c>lddw</c> of the address of, the instruction at <paramref name="Slot"/> of <paramref name="Section"/>.</summary>
internal sealed record CodeTarget(CodeSection Section, int Slot) : RelocationTarget;
