using Sharp.Bpf.Testing;
using Sharp.Bpf.Asm;
using Sharp.Bpf.Elf;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Our listing of clang-compiled and llvm-mc-assembled objects equals llvm-objdump-19's, line for line.</summary>
public sealed class DisassemblerObjdumpTests
{
    public static TheoryData<string> CPrograms => new(TestObjects.CPrograms);

    [Theory]
    [MemberData(nameof(CPrograms))]
    public void C_program_listing_equals_llvm_objdump(string fileName) => AssertSameListing(TestObjects.CompileC(fileName));

    [Fact]
    public void Symbol_edge_cases_list_as_llvm_objdump_lists_them() => AssertSameListing(TestObjects.Assemble("symbol_edge_cases.s"));

    [Fact]
    public void Listing_without_addresses_and_bytes_equals_llvm_objdump()
    {
        var path = TestObjects.CompileC("subprograms.c");
        var expected = ExternalTool.Run("llvm-objdump-19", ["-d", "--mcpu=v4", "--no-show-raw-insn", "--no-leading-addr", path]);
        Assert.Equal(expected, Listing(path, new Disassembler { ShowRawBytes = false, ShowAddresses = false }));
    }

    /// <summary>Compares whole listings after trimming trailing whitespace of each line. The ALU32 view
    /// (<c>--mcpu=v4</c>) is the one in which LLVM prints every encoding; see <see cref="InstructionFormatter.Llvm"/>.</summary>
    static void AssertSameListing(string path)
    {
        var expected = Normalise(ExternalTool.Run("llvm-objdump-19", ["-d", "--mcpu=v4", path]));
        var actual = Normalise(Listing(path, new Disassembler()));
        Assert.True(expected.Length > 5, $"llvm-objdump printed almost nothing for {path}");
        var firstDifference = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(firstDifference < 0 && expected.Length == actual.Length,
            firstDifference < 0
                ? $"{path}: llvm-objdump printed {expected.Length} lines, we {actual.Length}"
                : $"{path} line {firstDifference + 1}:\n  llvm-objdump: {expected[firstDifference]}\n  ours:         {actual[firstDifference]}");
    }

    static string Listing(string path, Disassembler disassembler)
    {
        var output = new StringWriter { NewLine = "\n" };
        output.Write($"\n{path}:\tfile format elf64-bpf\n");
        disassembler.WriteObject(BpfObjectFile.Read(path), output);
        return output.ToString();
    }

    static string[] Normalise(string listing) => [.. listing.Split('\n').Select(line => line.TrimEnd())];
}
