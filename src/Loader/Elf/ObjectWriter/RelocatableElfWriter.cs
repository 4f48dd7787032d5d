using System.Buffers.Binary;

namespace Sharp.Bpf.Elf;

/// <summary>Writes a relocatable little-endian ELF64 EM_BPF file from content sections, symbols and relocations. It places each
/// <c>.rel&lt;name&gt;</c> section right after its target (as clang does), then <c>.symtab</c>, <c>.strtab</c> and <c>.shstrtab</c>,
/// orders symbols locals first (as ELF requires: <c>sh_info</c> of the symbol table is the first global), and lays the file out
/// in section order, so the same input always gives the same bytes.</summary>
internal sealed class RelocatableElfWriter
{
    const int HeaderSize = 64;
    const int SectionHeaderSize = 64;
    const int SymbolSize = 24;
    const int RelocationSize = 16;
    const ushort MachineBpf = 247;
    const ushort SectionIndexAbsolute = 0xfff1;

    public const uint TypeProgBits = 1;
    const uint TypeSymbolTable = 2;
    const uint TypeStringTable = 3;
    public const uint TypeNoBits = 8;
    const uint TypeRel = 9;

    public const ulong FlagWrite = 0x1;
    public const ulong FlagAlloc = 0x2;
    public const ulong FlagExecute = 0x4;
    public const ulong FlagMerge = 0x10;
    public const ulong FlagStrings = 0x20;
    const ulong FlagInfoLink = 0x40;

    public const byte SymbolObject = 1;
    public const byte SymbolFunction = 2;
    const byte SymbolSection = 3;
    const byte SymbolFile = 4;

    readonly List<Section> sections = [];
    readonly List<Symbol> symbols = [];

    /// <summary>A content section; <see cref="Relocations"/> become its <c>.rel</c> section.</summary>
    public sealed class Section(string name, uint type, ulong flags, byte[] data, ulong zeroSize, ulong alignment, ulong entrySize)
    {
        public string Name { get; } = name;
        public uint Type { get; } = type;
        public ulong Flags { get; } = flags;
        /// <summary>The contents; settable so that sections which refer to each other can be created before they are filled.</summary>
        public byte[] Data { get; set; } = data;
        public ulong Size => Type == TypeNoBits ? zeroSize : (ulong)Data.Length;
        public ulong Alignment { get; } = alignment;
        public ulong EntrySize { get; } = entrySize;
        public List<Relocation> Relocations { get; } = [];
        /// <summary>The section's symbol (<c>STT_SECTION</c>), created on first use.</summary>
        public Symbol? SectionSymbol { get; set; }
    }

    /// <summary>A symbol; <paramref name="Section"/> null means an absolute symbol (the file symbol).</summary>
    public sealed record Symbol(string Name, byte Type, bool IsGlobal, Section? Section, ulong Value, ulong Size);

    /// <summary>A relocation at <paramref name="Offset"/> of its section (REL: the addend is the value in place).</summary>
    public sealed record Relocation(ulong Offset, Symbol Symbol, BpfRelocationType Type);

    /// <summary>Adds a section with contents (<c>SHT_PROGBITS</c>).</summary>
    public Section AddSection(string name, ulong flags, byte[] data, ulong alignment, ulong entrySize = 0)
    {
        var section = new Section(name, TypeProgBits, flags, data, 0, alignment, entrySize);
        sections.Add(section);
        return section;
    }

    /// <summary>Adds a zero-filled section that takes no room in the file (<c>SHT_NOBITS</c>, for <c>.bss</c>).</summary>
    public Section AddZeroSection(string name, ulong flags, ulong size, ulong alignment)
    {
        var section = new Section(name, TypeNoBits, flags, [], size, alignment, 0);
        sections.Add(section);
        return section;
    }

    /// <summary>Adds a named symbol.</summary>
    public Symbol AddSymbol(string name, byte type, bool isGlobal, Section section, ulong value, ulong size)
    {
        var symbol = new Symbol(name, type, isGlobal, section, value, size);
        symbols.Add(symbol);
        return symbol;
    }

    /// <summary>Adds the <c>STT_FILE</c> symbol naming the source file.</summary>
    public void AddFileSymbol(string name) => symbols.Add(new Symbol(name, SymbolFile, false, null, 0, 0));

    /// <summary>The <c>STT_SECTION</c> symbol of <paramref name="section"/>, which relocations use to point into it.</summary>
    public Symbol SectionSymbolOf(Section section)
    {
        if (section.SectionSymbol is null)
        {
            section.SectionSymbol = new Symbol("", SymbolSection, false, section, 0, 0);
            symbols.Add(section.SectionSymbol);
        }
        return section.SectionSymbol;
    }

    /// <summary>Lays out and encodes the file.</summary>
    public byte[] Write()
    {
        var names = new ElfStringTableBuilder();
        var symbolNames = new ElfStringTableBuilder();
        var ordered = symbols.Where(s => !s.IsGlobal).Concat(symbols.Where(s => s.IsGlobal)).ToList();
        var symbolIndex = new Dictionary<Symbol, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < ordered.Count; i++) symbolIndex.Add(ordered[i], i + 1);

        // Final section order: each content section followed by its relocations, then the symbol and string tables.
        var headers = new List<Header>();
        var indexOf = new Dictionary<Section, int>();
        var relocationHeaders = new List<(Header Header, Section Target)>();
        foreach (var section in sections)
        {
            indexOf.Add(section, headers.Count + 1);
            headers.Add(new Header(section.Name, section.Type, section.Flags, section.Data, section.Size, section.Alignment, section.EntrySize));
            if (section.Relocations.Count == 0) continue;
            var header = new Header(".rel" + section.Name, TypeRel, FlagInfoLink, EncodeRelocations(section, symbolIndex), 0, 8, RelocationSize);
            headers.Add(header);
            relocationHeaders.Add((header, section));
        }
        int symbolTableIndex = headers.Count + 1;
        var symbolTable = new Header(".symtab", TypeSymbolTable, 0, EncodeSymbols(ordered, indexOf, symbolNames), 0, 8, SymbolSize)
        {
            Link = (uint)symbolTableIndex + 1,
            Info = (uint)ordered.Count(s => !s.IsGlobal) + 1,
        };
        headers.Add(symbolTable);
        headers.Add(new Header(".strtab", TypeStringTable, 0, symbolNames.ToArray(), 0, 1, 0));
        foreach (var (header, target) in relocationHeaders)
        {
            header.Link = (uint)symbolTableIndex;
            header.Info = (uint)indexOf[target];
        }
        foreach (var header in headers) header.NameOffset = names.Add(header.Name);
        var shstrtab = new Header(".shstrtab", TypeStringTable, 0, [], 0, 1, 0) { NameOffset = names.Add(".shstrtab") };
        shstrtab.Data = names.ToArray();
        headers.Add(shstrtab);

        ulong offset = HeaderSize;
        foreach (var header in headers)
        {
            offset = Align(offset, Math.Max(header.Alignment, 1));
            header.Offset = offset;
            if (header.Type != TypeNoBits) offset += (ulong)header.Data.Length;
        }
        ulong sectionHeaderOffset = Align(offset, 8);
        var file = new byte[sectionHeaderOffset + (ulong)(headers.Count + 1) * SectionHeaderSize];
        WriteFileHeader(file, sectionHeaderOffset, (ushort)(headers.Count + 1), (ushort)headers.Count);
        for (int i = 0; i < headers.Count; i++)
        {
            var header = headers[i];
            header.Data.CopyTo(file, (int)header.Offset);
            WriteSectionHeader(file.AsSpan((int)sectionHeaderOffset + (i + 1) * SectionHeaderSize), header);
        }
        return file;
    }

    static byte[] EncodeRelocations(Section section, Dictionary<Symbol, int> symbolIndex)
    {
        var bytes = new byte[section.Relocations.Count * RelocationSize];
        for (int i = 0; i < section.Relocations.Count; i++)
        {
            var relocation = section.Relocations[i];
            var entry = bytes.AsSpan(i * RelocationSize);
            BinaryPrimitives.WriteUInt64LittleEndian(entry, relocation.Offset);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], (ulong)symbolIndex[relocation.Symbol] << 32 | (uint)relocation.Type);
        }
        return bytes;
    }

    static byte[] EncodeSymbols(List<Symbol> ordered, Dictionary<Section, int> indexOf, ElfStringTableBuilder names)
    {
        var bytes = new byte[(ordered.Count + 1) * SymbolSize];
        for (int i = 0; i < ordered.Count; i++)
        {
            var symbol = ordered[i];
            var entry = bytes.AsSpan((i + 1) * SymbolSize);
            BinaryPrimitives.WriteUInt32LittleEndian(entry, names.Add(symbol.Name));
            entry[4] = (byte)((symbol.IsGlobal ? 1 : 0) << 4 | symbol.Type);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], symbol.Section is null ? SectionIndexAbsolute : (ushort)indexOf[symbol.Section]);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], symbol.Value);
            BinaryPrimitives.WriteUInt64LittleEndian(entry[16..], symbol.Size);
        }
        return bytes;
    }

    static void WriteFileHeader(Span<byte> file, ulong sectionHeaderOffset, ushort sectionCount, ushort stringTableIndex)
    {
        ReadOnlySpan<byte> identification = [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        identification.CopyTo(file);
        BinaryPrimitives.WriteUInt16LittleEndian(file[16..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(file[18..], MachineBpf);
        BinaryPrimitives.WriteUInt32LittleEndian(file[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(file[40..], sectionHeaderOffset);
        BinaryPrimitives.WriteUInt16LittleEndian(file[52..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file[58..], SectionHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(file[60..], sectionCount);
        BinaryPrimitives.WriteUInt16LittleEndian(file[62..], stringTableIndex);
    }

    static void WriteSectionHeader(Span<byte> entry, Header header)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(entry, header.NameOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], header.Type);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[8..], header.Flags);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[24..], header.Offset);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[32..], header.Type == TypeNoBits ? header.Size : (ulong)header.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[40..], header.Link);
        BinaryPrimitives.WriteUInt32LittleEndian(entry[44..], header.Info);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[48..], header.Alignment);
        BinaryPrimitives.WriteUInt64LittleEndian(entry[56..], header.EntrySize);
    }

    static ulong Align(ulong value, ulong alignment) => (value + alignment - 1) / alignment * alignment;

    sealed class Header(string name, uint type, ulong flags, byte[] data, ulong size, ulong alignment, ulong entrySize)
    {
        public string Name { get; } = name;
        public uint Type { get; } = type;
        public ulong Flags { get; } = flags;
        public byte[] Data { get; set; } = data;
        public ulong Size { get; } = size;
        public ulong Alignment { get; } = alignment;
        public ulong EntrySize { get; } = entrySize;
        public uint NameOffset { get; set; }
        public uint Link { get; set; }
        public uint Info { get; set; }
        public ulong Offset { get; set; }
    }
}
