using System.Globalization;
using System.Text;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Inspect.Assemblies;

/// <summary>Writes one program as the kernel would load it (its own instructions, then the subprograms it calls) interleaved with
/// the source lines of its BTF line_info, as <c>bpftool prog dump xlated linum</c> and <c>llvm-objdump -d -l -S</c> do: when the
/// line changes, <c>; /src/Probes/Counter.cs:12</c> and then <c>; </c> and the line's text; <c>&lt;name&gt;:</c> where each function
/// starts; each instruction as llvm-objdump prints it (slot, bytes, llvm syntax), except that an <c>lddw</c> of a map or global names it.</summary>
internal static class SourceListing
{
    /// <summary>Writes the listing of <paramref name="program"/>; <paramref name="btf"/> names its functions.</summary>
    public static void Write(ProgramSpec program, BtfSpec? btf, TextWriter output)
    {
        var functionStarts = program.FunctionInfos
            .GroupBy(f => f.InstructionOffset)
            .ToDictionary(g => g.Key, g => FunctionName(btf, g.First().TypeId) ?? (g.Key == 0 ? program.Name : $"func_{g.Key}"));
        functionStarts.TryAdd(0, program.Name);
        var lines = program.LineInfos.GroupBy(l => l.InstructionOffset).ToDictionary(g => g.Key, g => g.Last());
        var maps = program.MapReferences.ToDictionary(m => m.InstructionIndex);

        var text = new StringBuilder();
        ProgramLineInfo? current = null;
        uint slot = 0;
        for (int index = 0; index < program.Instructions.Count; index++)
        {
            var instruction = program.Instructions[index];
            if (functionStarts.TryGetValue(slot, out var function))
            {
                text.Append(index == 0 ? "" : "\n").Append('<').Append(function).Append(">:\n");
                current = null;
            }
            if (lines.TryGetValue(slot, out var line) && (current is null || line.FileName != current.FileName || line.LineNumber != current.LineNumber))
            {
                text.Append("; ").Append(line.FileName).Append(':').Append(line.LineNumber.ToString(CultureInfo.InvariantCulture)).Append('\n');
                if (line.Line.Trim().Length > 0) text.Append("; ").Append(line.Line.Trim()).Append('\n');
                current = line;
            }
            text.Append(slot.ToString(CultureInfo.InvariantCulture).PadLeft(8)).Append(":\t");
            AppendBytes(text, instruction);
            text.Append('\t').Append(maps.TryGetValue(index, out var map) ? MapLoad(instruction, map) : InstructionFormatter.Llvm.Format(instruction));
            text.Append('\n');
            slot += (uint)instruction.SlotCount;
        }
        output.Write(text);
    }

    /// <summary>An <c>lddw</c> of a map or of an address in a map's value (a global), as bpftool shows it but with the map's name,
    /// since there is no map id before loading: <c>r1 = map[counts] ll</c>, <c>r1 = map[.bss][0]+0x8 ll</c>.</summary>
    static string MapLoad(Instruction instruction, MapReference map) =>
        $"r{(int)instruction.Destination} = map[{map.MapName}]{(map.ValueOffset is { } offset ? $"[0]+0x{offset:x}" : "")} ll";

    static string? FunctionName(BtfSpec? btf, uint typeId) =>
        btf is not null && typeId < (uint)btf.Types.Count && btf[typeId] is BtfFunction { Name.Length: > 0 } function ? function.Name : null;

    static void AppendBytes(StringBuilder text, Instruction instruction)
    {
        Span<byte> bytes = stackalloc byte[2 * Instruction.SlotSize];
        instruction.WriteTo(bytes);
        int size = instruction.SlotCount * Instruction.SlotSize;
        for (int i = 0; i < size; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(bytes[i].ToString("x2", CultureInfo.InvariantCulture));
        }
    }
}
