namespace Sharp.Bpf.Elf;

/// <summary>One content section of a BPF object (code, data, maps, BTF, ...), with what points into it.</summary>
public sealed class BpfSection
{
    internal BpfSection(int index, string name, bool isExecutable, bool isWritable, bool isAllocated, ulong size, byte[] data)
    {
        Index = index;
        Name = name;
        IsExecutable = isExecutable;
        IsWritable = isWritable;
        IsAllocated = isAllocated;
        Size = size;
        Data = data;
    }

    /// <summary>Index in the section header table (symbols' <see cref="BpfSymbol.SectionIndex"/>).</summary>
    public int Index { get; }
    /// <summary>The section name, e.g. <c>xdp</c>, <c>tracepoint/syscalls/sys_enter_write</c>, <c>.text</c>, <c>.maps</c>.</summary>
    public string Name { get; }
    /// <summary><c>SHF_EXECINSTR</c>: the section holds instructions.</summary>
    public bool IsExecutable { get; }
    /// <summary><c>SHF_WRITE</c>.</summary>
    public bool IsWritable { get; }
    /// <summary><c>SHF_ALLOC</c>.</summary>
    public bool IsAllocated { get; }
    /// <summary>Size in bytes; for <c>SHT_NOBITS</c> sections (<c>.bss</c>) larger than <see cref="Data"/>, which is empty.</summary>
    public ulong Size { get; }
    /// <summary>The section's bytes (empty for <c>SHT_NOBITS</c>).</summary>
    public ReadOnlyMemory<byte> Data { get; }
    /// <summary>The named symbols the section defines (functions, labels, variables; not section or file symbols),
    /// sorted by value, then name (ordinal), then kind — the order llvm-objdump uses.</summary>
    public IReadOnlyList<BpfSymbol> Symbols { get; internal set; } = [];
    /// <summary>The relocations that patch this section, in file order.</summary>
    public IReadOnlyList<BpfRelocation> Relocations { get; internal set; } = [];

    /// <inheritdoc/>
    public override string ToString() => $"[{Index}] {Name} ({Size} bytes)";
}
