namespace Sharp.Bpf.Elf;

/// <summary>One entry of the object's symbol table.</summary>
/// <param name="Index">Position in the symbol table, which relocations refer to.</param>
/// <param name="Name">The name; for <see cref="BpfSymbolKind.Section"/> symbols the section's name.</param>
/// <param name="Kind">The symbol type; types other than those <see cref="BpfSymbolKind"/> names keep their raw value.</param>
/// <param name="IsGlobal">True for global and weak binding, false for local.</param>
/// <param name="SectionIndex">Index of the section that defines the symbol, or null when undefined, absolute or common.</param>
/// <param name="Value">Offset in bytes within the defining section.</param>
/// <param name="Size">Size in bytes (0 for labels).</param>
public sealed record BpfSymbol(int Index, string Name, BpfSymbolKind Kind, bool IsGlobal, int? SectionIndex, ulong Value, ulong Size);
