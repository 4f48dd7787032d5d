using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>.BTF.ext func_info, line_info and CO-RE relocations from clang are read per ELF section.</summary>
public sealed partial class BtfExtTests
{
    static CompiledObject AllKinds => CompiledObject.Get("all_kinds");

    static (BtfSpec Btf, BtfExtSpec Ext) Parse() => Parse(AllKinds);

    static (BtfSpec Btf, BtfExtSpec Ext) Parse(CompiledObject compiled)
    {
        var btf = BtfSpec.Parse(compiled.Btf);
        return (btf, BtfExtSpec.Parse(compiled.BtfExt, btf.Strings));
    }

    [Fact]
    public void Func_info_names_each_function_at_its_symbol_address()
    {
        var objdump = Privileged.RequireTool("llvm-objdump-19");
        var symbols = SymbolAddresses(ExternalTool.Run(objdump, ["-d", AllKinds.ObjectPath]));
        var (btf, ext) = Parse();
        var functions = ext.FunctionInfos.SelectMany(section => section.Value.Select(info => (section.Key, info.InstructionOffset, btf[info.TypeId].Name))).ToHashSet();
        Assert.Equal(symbols, functions);
    }

    [Fact]
    public void Func_info_points_at_function_types()
    {
        var (btf, ext) = Parse();
        Assert.All(ext.FunctionInfos.Values.SelectMany(infos => infos), info => Assert.IsType<BtfFunction>(btf[info.TypeId]));
        Assert.Equal(8u, ext.FunctionInfoRecordSize);
    }

    [Fact]
    public void Line_info_text_is_the_source_line_at_its_number()
    {
        var source = File.ReadAllLines(AllKinds.SourcePath);
        var (_, ext) = Parse();
        var lines = ext.LineInfos.Values.SelectMany(infos => infos).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            Assert.Equal(AllKinds.SourcePath, line.FileName);
            Assert.Equal(source[line.Line - 1].Trim(), line.LineText.Trim());
            Assert.InRange(line.Column, 0u, (uint)source[line.Line - 1].Length + 1);
        });
        Assert.Equal(16u, ext.LineInfoRecordSize);
    }

    [Fact]
    public void Line_info_offsets_point_into_the_BTF_strings()
    {
        var (btf, ext) = Parse();
        Assert.All(ext.LineInfos.Values.SelectMany(infos => infos), line =>
        {
            Assert.Equal(line.FileName, btf.Strings[line.FileNameOffset]);
            Assert.Equal(line.LineText, btf.Strings[line.LineTextOffset]);
        });
    }

    [Fact]
    public void Line_info_starts_each_function_at_its_first_instruction()
    {
        var (_, ext) = Parse();
        foreach (var (section, functions) in ext.FunctionInfos)
            Assert.All(functions, function => Assert.Contains(ext.LineInfos[section], line => line.InstructionOffset == function.InstructionOffset));
    }

    [Fact]
    public void Core_relocations_record_the_access_path_and_kind()
    {
        var compiled = CompiledObject.Get("core_relocations");
        var (btf, ext) = Parse(compiled);
        var relocations = ext.CoreRelocations["tracepoint/sched/sched_switch"];
        Assert.Contains(relocations, r => btf[r.TypeId].Name == "task_like" && r.AccessString == "0:1" && r.Kind == BtfCoreRelocationKind.FieldByteOffset);
        Assert.Contains(relocations, r => btf[r.TypeId].Name == "task_like" && r.AccessString == "0:2" && r.Kind == BtfCoreRelocationKind.FieldExists);
        Assert.Equal(16u, ext.CoreRelocationRecordSize);
    }

    [Theory]
    [InlineData(0, 10, "BTF.ext header truncated: 10 bytes")]
    [InlineData(2, 9, "unsupported BTF.ext version 9")]
    [InlineData(8, 5000, "func_info section")]
    [InlineData(24, 5000, "CO-RE relocation section")]
    public void Malformed_ext_is_rejected_with_a_message_naming_the_fault(int offset, int value, string fragment)
    {
        var ext = (byte[])AllKinds.BtfExt.Clone();
        if (offset == 0) ext = ext[..value];
        else if (offset == 2) ext[2] = (byte)value;
        else BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(offset), (uint)value);
        var error = Assert.Throws<BtfFormatException>(() => BtfExtSpec.Parse(ext, BtfSpec.Parse(AllKinds.Btf).Strings));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_count_overrunning_its_section_is_rejected()
    {
        var ext = (byte[])AllKinds.BtfExt.Clone();
        int headerLength = BinaryPrimitives.ReadInt32LittleEndian(ext.AsSpan(4));
        int funcInfo = headerLength + BinaryPrimitives.ReadInt32LittleEndian(ext.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(ext.AsSpan(funcInfo + 8), 1_000_000);
        var error = Assert.Throws<BtfFormatException>(() => BtfExtSpec.Parse(ext, BtfSpec.Parse(AllKinds.Btf).Strings));
        Assert.Contains("1000000 records of 8 bytes overrun", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_ext_parses_or_raises_BtfFormatException()
    {
        var strings = BtfSpec.Parse(AllKinds.Btf).Strings;
        var random = new Random(20260612);
        for (int i = 0; i < 20_000; i++)
        {
            var ext = (byte[])AllKinds.BtfExt.Clone();
            ext[random.Next(Math.Min(ext.Length, 96))] = (byte)random.Next(256);
            try
            {
                BtfExtSpec.Parse(random.Next(8) == 0 ? ext[..random.Next(ext.Length)] : ext, strings);
            }
            catch (BtfFormatException)
            {
            }
        }
    }

    static HashSet<(string Section, uint Offset, string Name)> SymbolAddresses(string disassembly)
    {
        var symbols = new HashSet<(string, uint, string)>();
        string section = "";
        foreach (var line in disassembly.Split('\n'))
        {
            if (SectionHeader().Match(line) is { Success: true } header) section = header.Groups[1].Value;
            else if (Symbol().Match(line) is { Success: true } symbol)
                symbols.Add((section, Convert.ToUInt32(symbol.Groups[1].Value, 16), symbol.Groups[2].Value));
        }
        return symbols;
    }

    [GeneratedRegex(@"^Disassembly of section (\S+):")]
    private static partial Regex SectionHeader();

    [GeneratedRegex(@"^([0-9a-f]{16}) <(\w+)>:")]
    private static partial Regex Symbol();
}
