namespace Sharp.Bpf.Elf;

/// <summary>The ELF symbol type (<c>STT_*</c>) of a <see cref="BpfSymbol"/>.</summary>
public enum BpfSymbolKind : byte
{
    /// <summary><c>STT_NOTYPE</c>: in code sections, a label such as <c>LBB0_2</c>.</summary>
    NoType = 0,
    /// <summary><c>STT_OBJECT</c>: a variable or a map definition.</summary>
    Object = 1,
    /// <summary><c>STT_FUNC</c>: a program or subprogram.</summary>
    Function = 2,
    /// <summary><c>STT_SECTION</c>: stands for its section (relocations against <c>.data</c>, <c>.text</c>, ...).</summary>
    Section = 3,
    /// <summary><c>STT_FILE</c>: the source file name.</summary>
    File = 4,
}
