using System.Globalization;
using System.Text.RegularExpressions;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>The writer's DWARF, read by LLVM 19: a compile unit covering every code section, one <c>DW_TAG_subprogram</c> per function
/// with clang's relocations, and a line table that puts each instruction under the C# line it was given, in objects with several
/// program sections (two programs sharing one) and subprograms in <c>.text</c>, with lines from two files.</summary>
public sealed partial class ObjectWriterDwarfTests
{
    const string ProbeFile = "/src/Probes/EdgeProbe.cs";
    const string HelperFile = "/src/Probes/Shared/Arithmetic.cs";

    /// <summary>The functions of <see cref="MultiSection"/>: name, section, whether global, and (instruction, line) pairs.</summary>
    static readonly (string Name, string Section, bool Global, (int Index, int Line)[] Lines)[] Functions =
    [
        ("twice", ".text", false, [(0, 5), (1, 6)]),
        ("inc", ".text", true, [(0, 9)]),
        ("on_xdp", "xdp", true, [(0, 12), (2, 13)]),
        ("classify_a", "tc", true, [(0, 20), (1, 21)]),
        ("classify_b", "tc", true, [(0, 25), (3, 26)]),
        ("keep", "socket", true, [(0, 30)]),
    ];

    static (byte[] Elf, Dictionary<string, FunctionDefinition> Definitions) MultiSection()
    {
        var builder = new BpfObjectBuilder("GPL");
        uint integer = builder.AddType(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        uint context = builder.AddType(new BtfPointer(0));
        uint program = builder.AddType(new BtfFunctionProto(integer, [new BtfParameter("ctx", context)]));
        uint unary = builder.AddType(new BtfFunctionProto(integer, [new BtfParameter("x", integer)]));
        var definitions = new Dictionary<string, FunctionDefinition>();
        foreach (var (name, section, global, lines) in Functions)
        {
            var file = section == ".text" ? HelperFile : ProbeFile;
            var calls = name is "on_xdp" or "classify_b" ? new[] { new SubprogramCall(1, name == "on_xdp" ? "twice" : "inc") } : [];
            var definition = new FunctionDefinition(name, Body(name), section == ".text" ? unary : program)
            {
                References = calls,
                Lines = [.. lines.Select(l => new SourceLine(l.Index, file, l.Line, 9, $"line {l.Line} of {name}"))],
            };
            definitions.Add(name, definition);
            if (section == ".text") builder.AddSubprogram(definition, global ? BtfFunctionLinkage.Global : BtfFunctionLinkage.Static);
            else builder.AddProgram(section, definition);
        }
        return (builder.Build(), definitions);

        static Instruction[] Body(string name) => name switch
        {
            "twice" => [Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R1), Instruction.Alu32(AluOperation.Lsh, Register.R0, 1), Instruction.Exit()],
            "inc" => [Instruction.Alu64(AluOperation.Mov, Register.R0, Register.R1), Instruction.Alu32(AluOperation.Add, Register.R0, 1), Instruction.Exit()],
            "on_xdp" or "classify_b" => [Instruction.Alu64(AluOperation.Mov, Register.R1, 3), Instruction.CallLocal(0),
                Instruction.Alu64(AluOperation.And, Register.R0, 1), Instruction.Alu64(AluOperation.Mov, Register.R0, 2), Instruction.Exit()],
            _ => [Instruction.Alu64(AluOperation.Mov, Register.R0, 0), Instruction.LoadImmediate64(Register.R1, 7), Instruction.Exit()],
        };
    }

    static string Save(byte[] elf) => WrittenObjects.SaveToFile(new WrittenObjects.Written(elf, new Dictionary<string, uint>(), new Dictionary<string, FunctionDefinition>()), "dwarf");

    [Fact]
    public void Llvm_dwarfdump_verifies_an_object_with_several_program_sections_and_subprograms()
    {
        var path = Save(MultiSection().Elf);

        var output = ExternalTool.Run("llvm-dwarfdump-19", ["--verify", path], null, out var errors);

        Assert.Equal("", errors);
        Assert.Contains("No errors.", output);
        Assert.DoesNotContain("warning", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Each_function_has_a_subprogram_with_its_name_and_address_range_as_the_symbol_table_gives_them()
    {
        var (elf, _) = MultiSection();
        var symbols = BpfObjectFile.Read(elf).Symbols.Where(s => s.Kind == BpfSymbolKind.Function)
            .Select(s => (s.Name, s.Value, s.Value + s.Size)).OrderBy(s => s.Name, StringComparer.Ordinal);

        var info = ExternalTool.Run("llvm-dwarfdump-19", ["--debug-info", Save(elf)]);

        var subprograms = SubprogramPattern().Matches(info).Select(m => (m.Groups["name"].Value,
            ulong.Parse(m.Groups["low"].Value, NumberStyles.HexNumber), ulong.Parse(m.Groups["high"].Value, NumberStyles.HexNumber)));
        Assert.Equal(symbols, subprograms.OrderBy(s => s.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public void Global_functions_are_external_and_static_ones_are_not()
    {
        var info = ExternalTool.Run("llvm-dwarfdump-19", ["--debug-info", Save(MultiSection().Elf)]);

        var external = SubprogramPattern().Matches(info).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["external"].Success);
        Assert.Equal(Functions.ToDictionary(f => f.Name, f => f.Global), external);
    }

    [Fact]
    public void Each_subprogram_start_is_relocated_against_its_code_section_as_clang_does()
    {
        var relocations = ExternalTool.Run("llvm-readelf-19", ["-r", "--wide", Save(MultiSection().Elf)]);

        var debugInfo = relocations[relocations.IndexOf("Relocation section '.rel.debug_info'", StringComparison.Ordinal)..];
        debugInfo = debugInfo[..(debugInfo.IndexOf("\n\n", StringComparison.Ordinal) is > 0 and var end ? end : debugInfo.Length)];
        var absolute64 = Regex.Matches(debugInfo, @"R_BPF_64_ABS64\s+0+\s+(\S+)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Functions.Select(f => f.Section), absolute64);
    }

    [Fact]
    public void Llvm_objdump_puts_every_instruction_under_the_csharp_line_it_was_given()
    {
        var (elf, definitions) = MultiSection();
        var listing = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", "--no-show-raw-insn", Save(elf)]);

        var expected = new List<(string Section, int Slot, string Where)>();
        foreach (var (name, section, _, lines) in Functions)
        {
            var file = section == ".text" ? HelperFile : ProbeFile;
            var start = (int)BpfObjectFile.Read(elf).Symbols.Single(s => s.Name == name).Value / Instruction.SlotSize;
            var instructions = definitions[name].Instructions;
            for (int index = 0, slot = start; index < instructions.Count; slot += instructions[index].SlotCount, index++)
                expected.Add((section, slot, $"{file}:{lines.Last(l => l.Index <= index).Line}"));
        }
        Assert.Equal(expected, LinesByInstruction(listing));
    }

    /// <summary>For each instruction of an <c>llvm-objdump -d -l</c> listing: its section, slot and the last <c>; file:line</c> above it.</summary>
    static List<(string Section, int Slot, string Where)> LinesByInstruction(string listing)
    {
        var result = new List<(string, int, string)>();
        string section = "", where = "";
        foreach (var line in listing.Split('\n').Select(l => l.Trim()))
        {
            if (line.StartsWith("Disassembly of section ", StringComparison.Ordinal)) (section, where) = (line[23..^1], "");
            else if (LineCommentPattern().Match(line) is { Success: true } comment) where = comment.Groups[1].Value;
            else if (InstructionPattern().Match(line) is { Success: true } instruction) result.Add((section, int.Parse(instruction.Groups[1].Value, CultureInfo.InvariantCulture), where));
        }
        return result;
    }

    [GeneratedRegex(@"DW_TAG_subprogram\s+DW_AT_low_pc\s+\(0x(?<low>[0-9a-f]+)\)\s+DW_AT_high_pc\s+\(0x(?<high>[0-9a-f]+)\)\s+DW_AT_name\s+\(""(?<name>[^""]+)""\)(?<external>\s+DW_AT_external\s+\(true\))?")]
    private static partial Regex SubprogramPattern();

    [GeneratedRegex(@"^; (/\S+\.cs:\d+)$")]
    private static partial Regex LineCommentPattern();

    [GeneratedRegex(@"^(\d+):\t")]
    private static partial Regex InstructionPattern();
}
