namespace Sharp.Bpf.Elf;

/// <summary>One relocation (<c>Elf64_Rel</c>) that applies to a section.</summary>
/// <param name="Offset">Byte offset in the section of the instruction or word to patch.</param>
/// <param name="Type">The relocation type; unknown types keep their raw value.</param>
/// <param name="Symbol">The symbol the relocation refers to.</param>
/// <param name="Addend">The explicit addend of an <c>SHT_RELA</c> entry; 0 for <c>SHT_REL</c>, which BPF objects use.</param>
public sealed record BpfRelocation(ulong Offset, BpfRelocationType Type, BpfSymbol Symbol, long Addend);
