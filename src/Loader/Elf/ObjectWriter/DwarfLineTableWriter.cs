using System.Buffers.Binary;
using System.Text;

namespace Sharp.Bpf.Elf;

/// <summary>Writes the smallest DWARF 4 that lets <c>llvm-objdump -d -l</c> show source lines and DWARF readers name functions: a
/// compile unit (<c>.debug_info</c>, <c>.debug_abbrev</c>, <c>.debug_str</c>) whose address ranges (<c>.debug_ranges</c>) cover the
/// code sections, with one <c>DW_TAG_subprogram</c> (name, low and high pc) per function as clang writes them, and a line table
/// (<c>.debug_line</c>) with one sequence per code section. Every code address is relocated (<c>R_BPF_64_ABS64</c>) against its
/// section's symbol, because all sections of a relocatable object start at address 0 and the relocation is what tells them
/// apart; every cross-section offset is relocated (<c>R_BPF_64_ABS32</c>) as clang does.</summary>
internal static class DwarfLineTableWriter
{
    const string Producer = "Sharp.Bpf";
    const byte MinimumInstructionLength = 8;
    const byte OpcodeBase = 13;
    static readonly byte[] StandardOpcodeLengths = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 1];

    const byte CopyOpcode = 0x01, AdvancePcOpcode = 0x02, AdvanceLineOpcode = 0x03, SetFileOpcode = 0x04, SetColumnOpcode = 0x05;
    const byte EndSequenceOpcode = 0x01, SetAddressOpcode = 0x02;

    const byte TagCompileUnit = 0x11, TagSubprogram = 0x2e;
    const byte AttributeName = 0x03, AttributeStatementList = 0x10, AttributeLowPc = 0x11, AttributeHighPc = 0x12,
        AttributeCompilationDirectory = 0x1b, AttributeProducer = 0x25, AttributeExternal = 0x3f, AttributeRanges = 0x55;
    const byte FormAddress = 0x01, FormData4 = 0x06, FormStringOffset = 0x0e, FormSectionOffset = 0x17, FormFlagPresent = 0x19;
    const byte ChildrenNo = 0, ChildrenYes = 1;
    const byte CompileUnitAbbreviation = 1, StaticSubprogramAbbreviation = 2, ExternalSubprogramAbbreviation = 3;

    /// <summary>One row of the line table: the instruction at <paramref name="ByteOffset"/> of its section came from this line.</summary>
    public sealed record Row(ulong ByteOffset, string FilePath, int Line, int Column);

    /// <summary>A function of a code section: <paramref name="Size"/> bytes from <paramref name="ByteOffset"/>; <paramref name="IsExternal"/>
    /// when it has global linkage (<c>DW_AT_external</c>).</summary>
    public sealed record Function(string Name, ulong ByteOffset, ulong Size, bool IsExternal);

    /// <summary>The rows of one code section, in address order, and its functions.</summary>
    public sealed record CodeLines(RelocatableElfWriter.Section Section, IReadOnlyList<Row> Rows, IReadOnlyList<Function> Functions);

    /// <summary>Adds the DWARF sections for <paramref name="code"/> to <paramref name="elf"/>; adds nothing when there are no rows.</summary>
    public static void Write(RelocatableElfWriter elf, IReadOnlyList<CodeLines> code)
    {
        code = [.. code.Where(c => c.Rows.Count > 0)];
        if (code.Count == 0) return;
        string primaryFile = code[0].Rows[0].FilePath;
        var (primaryDirectory, _) = Split(primaryFile);

        var abbreviations = elf.AddSection(".debug_abbrev", 0, Abbreviations(), 1);
        var info = new Writer();
        var ranges = new Writer();
        var strings = new ElfStringTableBuilder();
        var line = LineProgram(code, out var lineAddresses);

        uint producerOffset = strings.Add(Producer), nameOffset = strings.Add(primaryFile), directoryOffset = strings.Add(primaryDirectory);
        var debugInfo = elf.AddSection(".debug_info", 0, [], 1);
        var debugRanges = elf.AddSection(".debug_ranges", 0, [], 1);
        var debugStr = elf.AddSection(".debug_str", RelocatableElfWriter.FlagMerge | RelocatableElfWriter.FlagStrings, [], 1, 1);
        var debugLine = elf.AddSection(".debug_line", 0, line, 1);

        info.U32(0); // unit_length, patched below
        info.U16(4);
        info.Relocated(debugInfo, elf.SectionSymbolOf(abbreviations), BpfRelocationType.Abs32, 0);
        info.U8(8);
        info.Uleb(CompileUnitAbbreviation);
        info.Relocated(debugInfo, elf.SectionSymbolOf(debugStr), BpfRelocationType.Abs32, producerOffset);
        info.Relocated(debugInfo, elf.SectionSymbolOf(debugStr), BpfRelocationType.Abs32, nameOffset);
        info.Relocated(debugInfo, elf.SectionSymbolOf(debugLine), BpfRelocationType.Abs32, 0);
        info.Relocated(debugInfo, elf.SectionSymbolOf(debugStr), BpfRelocationType.Abs32, directoryOffset);
        info.U64(0);
        info.Relocated(debugInfo, elf.SectionSymbolOf(debugRanges), BpfRelocationType.Abs32, 0);
        // Each function's low pc is relocated against its section, like the unit's ranges; its high pc is its size, not an address.
        foreach (var section in code)
            foreach (var function in section.Functions)
            {
                info.Uleb(function.IsExternal ? ExternalSubprogramAbbreviation : StaticSubprogramAbbreviation);
                info.Relocated64(debugInfo, elf.SectionSymbolOf(section.Section), function.ByteOffset);
                info.U32((uint)function.Size);
                info.Relocated(debugInfo, elf.SectionSymbolOf(debugStr), BpfRelocationType.Abs32, strings.Add(function.Name));
            }
        info.U8(0); // end of the unit's children
        info.PatchU32(0, (uint)info.Length - 4);

        foreach (var section in code)
        {
            var symbol = elf.SectionSymbolOf(section.Section);
            ranges.Relocated64(debugRanges, symbol, 0);
            ranges.Relocated64(debugRanges, symbol, section.Section.Size);
        }
        ranges.U64(0);
        ranges.U64(0);

        foreach (var (offset, section) in lineAddresses)
            debugLine.Relocations.Add(new(offset, elf.SectionSymbolOf(section), BpfRelocationType.Abs64));
        debugInfo.Data = info.ToArray();
        debugRanges.Data = ranges.ToArray();
        debugStr.Data = strings.ToArray();
    }

    static byte[] Abbreviations()
    {
        var abbreviations = new Writer();
        Declare(abbreviations, CompileUnitAbbreviation, TagCompileUnit, ChildrenYes,
        [
            (AttributeProducer, FormStringOffset), (AttributeName, FormStringOffset), (AttributeStatementList, FormSectionOffset),
            (AttributeCompilationDirectory, FormStringOffset), (AttributeLowPc, FormAddress), (AttributeRanges, FormSectionOffset),
        ]);
        (byte, byte)[] subprogram = [(AttributeLowPc, FormAddress), (AttributeHighPc, FormData4), (AttributeName, FormStringOffset)];
        Declare(abbreviations, StaticSubprogramAbbreviation, TagSubprogram, ChildrenNo, subprogram);
        Declare(abbreviations, ExternalSubprogramAbbreviation, TagSubprogram, ChildrenNo, [.. subprogram, (AttributeExternal, FormFlagPresent)]);
        abbreviations.U8(0);
        return abbreviations.ToArray();

        static void Declare(Writer abbreviations, byte code, byte tag, byte children, (byte Attribute, byte Form)[] attributes)
        {
            abbreviations.Uleb(code);
            abbreviations.Uleb(tag);
            abbreviations.U8(children);
            foreach (var (attribute, form) in attributes)
            {
                abbreviations.Uleb(attribute);
                abbreviations.Uleb(form);
            }
            abbreviations.U16(0);
        }
    }

    /// <summary>The line table: header with the directories and files, then per section a sequence that sets the address
    /// (relocated: <paramref name="addresses"/> says where and against which section) and adds one row per source line.</summary>
    static byte[] LineProgram(IReadOnlyList<CodeLines> code, out List<(ulong Offset, RelocatableElfWriter.Section Section)> addresses)
    {
        var directories = new List<string>();
        var files = new List<(string Path, string Name, int Directory)>();
        foreach (var path in code.SelectMany(c => c.Rows).Select(r => r.FilePath).Distinct(StringComparer.Ordinal))
        {
            var (directory, name) = Split(path);
            int directoryIndex = 0;
            if (directory.Length > 0)
            {
                directoryIndex = directories.IndexOf(directory) + 1;
                if (directoryIndex == 0)
                {
                    directories.Add(directory);
                    directoryIndex = directories.Count;
                }
            }
            files.Add((path, name, directoryIndex));
        }

        var header = new Writer();
        header.U8(MinimumInstructionLength);
        header.U8(1); // maximum_operations_per_instruction
        header.U8(1); // default_is_stmt
        header.U8(unchecked((byte)-5)); // line_base
        header.U8(14); // line_range
        header.U8(OpcodeBase);
        foreach (byte length in StandardOpcodeLengths) header.U8(length);
        foreach (var directory in directories) header.String(directory);
        header.U8(0);
        foreach (var (_, name, directory) in files)
        {
            header.String(name);
            header.Uleb((ulong)directory);
            header.Uleb(0); // modification time
            header.Uleb(0); // length
        }
        header.U8(0);

        var table = new Writer();
        table.U32(0); // unit_length, patched below
        table.U16(4);
        table.U32((uint)header.Length);
        table.Append(header);
        addresses = [];
        foreach (var section in code)
        {
            table.U8(0);
            table.Uleb(9);
            table.U8(SetAddressOpcode);
            addresses.Add(((ulong)table.Length, section.Section));
            table.U64(0);
            int file = 1, line = 1, column = 0;
            ulong address = 0;
            foreach (var row in section.Rows)
            {
                int rowFile = files.FindIndex(f => f.Path == row.FilePath) + 1;
                if (rowFile != file)
                {
                    table.U8(SetFileOpcode);
                    table.Uleb((ulong)rowFile);
                    file = rowFile;
                }
                if (row.Line != line)
                {
                    table.U8(AdvanceLineOpcode);
                    table.Sleb(row.Line - line);
                    line = row.Line;
                }
                if (row.Column != column)
                {
                    table.U8(SetColumnOpcode);
                    table.Uleb((ulong)row.Column);
                    column = row.Column;
                }
                AdvanceTo(table, ref address, row.ByteOffset);
                table.U8(CopyOpcode);
            }
            AdvanceTo(table, ref address, section.Section.Size);
            table.U8(0);
            table.Uleb(1);
            table.U8(EndSequenceOpcode);
        }
        table.PatchU32(0, (uint)table.Length - 4);
        return table.ToArray();
    }

    static void AdvanceTo(Writer table, ref ulong address, ulong target)
    {
        if (target == address) return;
        table.U8(AdvancePcOpcode);
        table.Uleb((target - address) / MinimumInstructionLength);
        address = target;
    }

    /// <summary>Splits a path at its last separator (either kind: the generator may run on Windows).</summary>
    static (string Directory, string Name) Split(string path)
    {
        int separator = path.LastIndexOfAny(['/', '\\']);
        return separator < 0 ? ("", path) : (separator == 0 ? path[..1] : path[..separator], path[(separator + 1)..]);
    }

    /// <summary>A little-endian byte buffer with DWARF's variable-length integers.</summary>
    sealed class Writer
    {
        readonly List<byte> bytes = [];

        public int Length => bytes.Count;

        public void U8(byte value) => bytes.Add(value);

        public void U16(ushort value) => Fixed(value, 2);

        public void U32(uint value) => Fixed(value, 4);

        public void U64(ulong value) => Fixed(value, 8);

        public void String(string value)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(value));
            bytes.Add(0);
        }

        public void Uleb(ulong value)
        {
            do
            {
                byte next = (byte)(value & 0x7f);
                value >>= 7;
                bytes.Add(value == 0 ? next : (byte)(next | 0x80));
            }
            while (value != 0);
        }

        public void Sleb(long value)
        {
            while (true)
            {
                byte next = (byte)(value & 0x7f);
                value >>= 7;
                bool done = (value == 0 && (next & 0x40) == 0) || (value == -1 && (next & 0x40) != 0);
                bytes.Add(done ? next : (byte)(next | 0x80));
                if (done) return;
            }
        }

        /// <summary>A 32-bit offset into another section, with its relocation (REL: the addend is the value written).</summary>
        public void Relocated(RelocatableElfWriter.Section into, RelocatableElfWriter.Symbol target, BpfRelocationType type, uint value)
        {
            into.Relocations.Add(new((ulong)bytes.Count, target, type));
            U32(value);
        }

        /// <summary>A 64-bit address in another section, with its relocation.</summary>
        public void Relocated64(RelocatableElfWriter.Section into, RelocatableElfWriter.Symbol target, ulong value)
        {
            into.Relocations.Add(new((ulong)bytes.Count, target, BpfRelocationType.Abs64));
            U64(value);
        }

        public void PatchU32(int offset, uint value)
        {
            Span<byte> buffer = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, value);
            for (int i = 0; i < 4; i++) bytes[offset + i] = buffer[i];
        }

        public void Append(Writer other) => bytes.AddRange(other.bytes);

        public byte[] ToArray() => [.. bytes];

        void Fixed(ulong value, int size)
        {
            for (int i = 0; i < size; i++) bytes.Add((byte)(value >> (8 * i)));
        }
    }
}
