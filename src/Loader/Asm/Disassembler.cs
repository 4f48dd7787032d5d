using System.Globalization;
using System.Text;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Asm;

/// <summary>Writes listings laid out as <c>llvm-objdump -d</c> lays them out: per executable section a
/// <c>Disassembly of section xdp:</c> heading, a <c>0000000000000000 &lt;prog&gt;:</c> heading per symbol, and one
/// line per instruction (<c>       5:\t2d 76 3b 00 00 00 00 00\tif r6 &gt; r7 goto +0x3b &lt;xdp_parse+0x208&gt;</c>).</summary>
/// <remarks>Symbol choice follows llvm-objdump 19: symbols sorted by address then name, the last one at an address
/// names it, a section without a symbol at offset 0 is named after itself, and a branch target is shown relative
/// to the last symbol at or before it. Bytes that do not decode print as <c>&lt;unknown&gt;</c>, eight at a time,
/// or one at a time when fewer remain than the instruction needs.</remarks>
public sealed class Disassembler
{
    const string Unknown = "<unknown>";

    /// <summary>Creates a disassembler that formats instructions with <paramref name="formatter"/>
    /// (default <see cref="InstructionFormatter.Llvm"/>).</summary>
    public Disassembler(InstructionFormatter? formatter = null) => Formatter = formatter ?? InstructionFormatter.Llvm;

    /// <summary>The syntax of the instruction text.</summary>
    public InstructionFormatter Formatter { get; }

    /// <summary>Print the instruction bytes (llvm-objdump's default; <c>--no-show-raw-insn</c> turns it off).</summary>
    public bool ShowRawBytes { get; init; } = true;

    /// <summary>Print slot indexes and symbol addresses (llvm-objdump's default; <c>--no-leading-addr</c> turns it off).</summary>
    public bool ShowAddresses { get; init; } = true;

    /// <summary>Writes the listing of every non-empty executable section of <paramref name="file"/>, in section order.</summary>
    public void WriteObject(BpfObjectFile file, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(file);
        foreach (var section in file.ExecutableSections)
            WriteSection(section, output);
    }

    /// <summary>Writes the listing of one section: nothing when it is empty, else its heading and its symbols' code.</summary>
    public void WriteSection(BpfSection section, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(output);
        var code = section.Data.Span;
        if (code.IsEmpty) return;

        var symbols = new List<BpfSymbol>(section.Symbols);
        if (symbols.Count == 0 || symbols[0].Value != 0)
            symbols.Insert(0, new BpfSymbol(0, section.Name, BpfSymbolKind.Function, false, section.Index, 0, 0));

        output.Write($"\nDisassembly of section {section.Name}:\n");
        for (int first = 0; first < symbols.Count;)
        {
            ulong start = symbols[first].Value;
            int next = first;
            while (next < symbols.Count && symbols[next].Value == start) next++;
            if (start >= (ulong)code.Length) break;
            ulong end = next < symbols.Count ? Math.Min(symbols[next].Value, (ulong)code.Length) : (ulong)code.Length;

            var label = DisplayedSymbol(symbols, first, next);
            output.Write(ShowAddresses ? $"\n{start:x16} <{label.Name}>:\n" : $"\n<{label.Name}>:\n");
            WriteRange(code, (int)start, (int)end, symbols, output);
            first = next;
        }
    }

    /// <summary>Writes the listing lines of a bare instruction stream, without headings or target annotations.</summary>
    public void WriteStream(ReadOnlySpan<byte> code, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        WriteRange(code, 0, code.Length, null, output);
    }

    /// <summary>The symbol naming a group at one address: the last that is not a data object, as llvm-objdump chooses.</summary>
    static BpfSymbol DisplayedSymbol(List<BpfSymbol> symbols, int first, int next)
    {
        for (int i = next - 1; i >= first; i--)
            if (symbols[i].Kind != BpfSymbolKind.Object) return symbols[i];
        return symbols[next - 1];
    }

    void WriteRange(ReadOnlySpan<byte> code, int start, int end, List<BpfSymbol>? symbols, TextWriter output)
    {
        var line = new StringBuilder();
        int offset = start;
        while (offset < end)
        {
            int size;
            string text;
            if (InstructionDecoder.TryDecodeOne(code[offset..], offset, out var insn, out _))
            {
                size = insn.SlotCount * Instruction.SlotSize;
                text = Formatter.Format(insn);
                if (symbols is not null && insn.IsBranch)
                    text += TargetAnnotation(symbols, (ulong)offset + Instruction.SlotSize + (ulong)((long)insn.BranchDisplacement * Instruction.SlotSize));
            }
            else
            {
                // LLVM consumes a whole slot it cannot decode, but single bytes when the slot (or lddw's pair) is cut short.
                bool cutShort = code.Length - offset < Instruction.SlotSize
                    || (code[offset] == Instruction.WideOpcode && code.Length - offset < 2 * Instruction.SlotSize);
                size = cutShort ? 1 : Instruction.SlotSize;
                text = Unknown;
            }
            line.Clear();
            if (ShowAddresses) line.Append((offset / Instruction.SlotSize).ToString(CultureInfo.InvariantCulture).PadLeft(8)).Append(':');
            if (ShowRawBytes) AppendBytes(line.Append('\t'), code.Slice(offset, size));
            line.Append('\t').Append(text).Append('\n');
            output.Write(line);
            offset += size;
        }
    }

    /// <summary>llvm-objdump's <c> &lt;symbol+0xN&gt;</c> after a branch: the last symbol at or before the target
    /// (unsigned, so a target before the section start wraps and names the last symbol).</summary>
    static string TargetAnnotation(List<BpfSymbol> symbols, ulong target)
    {
        for (int i = symbols.Count - 1; i >= 0; i--)
        {
            if (symbols[i].Value > target) continue;
            ulong displacement = target - symbols[i].Value;
            return displacement == 0 ? $" <{symbols[i].Name}>" : $" <{symbols[i].Name}+0x{displacement:x}>";
        }
        return "";
    }

    static void AppendBytes(StringBuilder line, ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            if (i > 0) line.Append(' ');
            line.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }
    }
}
