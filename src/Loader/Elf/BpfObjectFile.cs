using System.Buffers.Binary;
using LibObjectFile.Diagnostics;
using LibObjectFile.Elf;

namespace Sharp.Bpf.Elf;

/// <summary>A relocatable eBPF ELF object (ELFCLASS64, little-endian, ET_REL, EM_BPF) as clang or our generator
/// writes it: its content sections, symbol table and relocations. Reading touches no kernel.</summary>
public sealed class BpfObjectFile
{
    const int ElfHeaderSize = 64;
    const int SectionHeaderSize = 64;
    const uint SectionTypeNoBits = 8;
    const ushort MachineBpf = 247;
    const ushort TypeRelocatable = 1;

    BpfObjectFile(IReadOnlyList<BpfSection> sections, IReadOnlyList<BpfSymbol> symbols)
    {
        Sections = sections;
        Symbols = symbols;
    }

    /// <summary>The content sections (<c>SHT_PROGBITS</c> and <c>SHT_NOBITS</c>, and other types that carry data), in section header order.</summary>
    public IReadOnlyList<BpfSection> Sections { get; }

    /// <summary>The whole symbol table, indexed as relocations index it (entry 0 is the null symbol).</summary>
    public IReadOnlyList<BpfSymbol> Symbols { get; }

    /// <summary>The sections that hold instructions (<c>SHF_EXECINSTR</c>), in section header order.</summary>
    public IEnumerable<BpfSection> ExecutableSections => Sections.Where(s => s.IsExecutable);

    /// <summary>Reads the object file at <paramref name="path"/>.</summary>
    /// <exception cref="BpfElfException">The file is not a relocatable little-endian 64-bit EM_BPF ELF object, or is malformed.</exception>
    /// <exception cref="IOException">The file cannot be read (missing, a directory, no permission: see <see cref="File.ReadAllBytes(string)"/>).</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    public static BpfObjectFile Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads an object from the rest of <paramref name="stream"/>.</summary>
    /// <exception cref="BpfElfException">The bytes are not a relocatable little-endian 64-bit EM_BPF ELF object, or are malformed.</exception>
    /// <exception cref="IOException">Reading the stream fails.</exception>
    public static BpfObjectFile Read(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Read(copy.ToArray());
    }

    /// <summary>Reads an object from its bytes.</summary>
    /// <exception cref="BpfElfException">The bytes are not a relocatable little-endian 64-bit EM_BPF ELF object, or are malformed.</exception>
    public static BpfObjectFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        CheckHeader(bytes);
        CheckSectionHeaders(bytes);
        try
        {
            if (!ElfFile.TryRead(new MemoryStream(bytes, writable: false), out var elf, out var diagnostics, new ElfReaderOptions { UseSubStream = true }))
                throw new BpfElfException($"malformed ELF object: {FirstError(diagnostics)}");
            return Convert(elf);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IndexOutOfRangeException
                                      or OverflowException or IOException or NotSupportedException)
        {
            // LibObjectFile reports most damage as diagnostics but throws on some (seeks before the start, bad indexes);
            // the stream is in memory, so these come from the input, not from I/O.
            throw new BpfElfException($"malformed ELF object: {e.Message}", e);
        }
    }

    /// <summary>Checks the ELF identification and header fields that decide whether this is an object we read,
    /// so that the common mistakes get a precise message rather than a generic parse error.</summary>
    static void CheckHeader(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new BpfElfException("not an ELF file (no \\x7fELF magic)");
        if (bytes.Length < ElfHeaderSize)
            throw new BpfElfException($"truncated ELF file: {bytes.Length} bytes, the ELF header alone is {ElfHeaderSize}");
        if (bytes[4] != 2)
            throw new BpfElfException($"ELF class {bytes[4]} is not ELFCLASS64; BPF objects are 64-bit");
        if (bytes[5] != 1)
            throw new BpfElfException(bytes[5] == 2
                ? "big-endian (bpfeb) objects are not supported; compile with -target bpfel or bpf on a little-endian host"
                : $"ELF data encoding {bytes[5]} is neither little- nor big-endian");
        ushort type = BinaryPrimitives.ReadUInt16LittleEndian(bytes[16..]);
        ushort machine = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        if (machine != MachineBpf)
            throw new BpfElfException($"ELF machine is {machine}, not EM_BPF ({MachineBpf}); this is not an eBPF object");
        if (type != TypeRelocatable)
            throw new BpfElfException($"ELF type is {type}, not ET_REL ({TypeRelocatable}); eBPF objects are relocatable files");
    }

    /// <summary>Checks that the section header table and every section's contents lie inside the file, before the ELF
    /// library sizes its buffers from them: a damaged size would otherwise make it allocate gigabytes.</summary>
    static void CheckSectionHeaders(ReadOnlySpan<byte> bytes)
    {
        ulong tableOffset = BinaryPrimitives.ReadUInt64LittleEndian(bytes[0x28..]);
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3A..]);
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(bytes[0x3C..]);
        if (count == 0) return;
        if (entrySize != SectionHeaderSize)
            throw new BpfElfException($"malformed ELF object: section header entries are {entrySize} bytes, not {SectionHeaderSize}");
        if (tableOffset > (ulong)bytes.Length || (ulong)count * SectionHeaderSize > (ulong)bytes.Length - tableOffset)
            throw new BpfElfException($"malformed ELF object: the section header table ({count} entries at offset {tableOffset}) extends past the end of the file ({bytes.Length} bytes)");
        for (int index = 1; index < count; index++)
        {
            var header = bytes.Slice((int)tableOffset + index * SectionHeaderSize, SectionHeaderSize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) == SectionTypeNoBits) continue;
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(header[24..]);
            ulong size = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
            if (offset > (ulong)bytes.Length || size > (ulong)bytes.Length - offset)
                throw new BpfElfException($"malformed ELF object: section {index}'s contents ({size} bytes at offset {offset}) extend past the end of the file ({bytes.Length} bytes)");
        }
    }

    static string FirstError(DiagnosticBag diagnostics)
    {
        var errors = diagnostics.Messages.Where(m => m.Kind == DiagnosticKind.Error).Select(m => m.Message).ToList();
        return errors.Count == 0 ? "the ELF library rejected it without a reason" : errors[0];
    }

    static BpfObjectFile Convert(ElfFile elf)
    {
        var symbolTables = elf.Sections.OfType<ElfSymbolTable>().ToList();
        if (symbolTables.Count > 1) throw new BpfElfException($"{symbolTables.Count} symbol tables; a relocatable object has one");
        var symbols = symbolTables.Count == 0 ? [] : ReadSymbols(symbolTables[0]);

        var sections = new List<BpfSection>();
        var byElfSection = new Dictionary<ElfSection, BpfSection>();
        foreach (var elfSection in elf.Sections)
        {
            byte[]? data = elfSection switch
            {
                ElfStreamSection stream => ReadAll(stream.Stream),
                ElfNoBitsSection => [],
                _ => null,
            };
            if (data is null) continue;
            var section = new BpfSection(
                (int)elfSection.SectionIndex,
                elfSection.Name.Value ?? "",
                elfSection.Flags.HasFlag(ElfSectionFlags.Executable),
                elfSection.Flags.HasFlag(ElfSectionFlags.Write),
                elfSection.Flags.HasFlag(ElfSectionFlags.Alloc),
                elfSection.Size,
                data);
            sections.Add(section);
            byElfSection.Add(elfSection, section);
        }

        foreach (var section in sections)
            section.Symbols = [.. symbols
                .Where(s => s.SectionIndex == section.Index && s.Kind is not (BpfSymbolKind.Section or BpfSymbolKind.File) && s.Name.Length > 0)
                .OrderBy(s => s.Value).ThenBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Kind)];

        foreach (var table in elf.Sections.OfType<ElfRelocationTable>())
        {
            if (table.Info.Section is not { } target || !byElfSection.TryGetValue(target, out var section))
                throw new BpfElfException($"relocation section '{table.Name.Value}' does not apply to a content section");
            section.Relocations = [.. table.Entries.Select(r => new BpfRelocation(
                r.Offset,
                (BpfRelocationType)r.Type.Value,
                r.SymbolIndex < (uint)symbols.Count
                    ? symbols[(int)r.SymbolIndex]
                    : throw new BpfElfException($"relocation at offset {r.Offset} of '{section.Name}' refers to symbol {r.SymbolIndex}, but the symbol table has {symbols.Count}"),
                r.Addend))];
        }
        return new BpfObjectFile(sections, symbols);
    }

    static List<BpfSymbol> ReadSymbols(ElfSymbolTable table)
    {
        var symbols = new List<BpfSymbol>(table.Entries.Count);
        foreach (var entry in table.Entries)
        {
            var section = entry.SectionLink.IsSpecial ? null : entry.SectionLink.Section;
            var kind = (BpfSymbolKind)(byte)entry.Type;
            // Section symbols have no name of their own; ELF tools show the section's.
            string name = kind == BpfSymbolKind.Section && section is not null ? section.Name.Value ?? "" : entry.Name.Value ?? "";
            symbols.Add(new BpfSymbol(
                symbols.Count,
                name,
                kind,
                entry.Bind is ElfSymbolBind.Global or ElfSymbolBind.Weak,
                section is null ? null : (int)section.SectionIndex,
                entry.Value,
                entry.Size));
        }
        return symbols;
    }

    static byte[] ReadAll(Stream stream)
    {
        stream.Position = 0;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }
}
