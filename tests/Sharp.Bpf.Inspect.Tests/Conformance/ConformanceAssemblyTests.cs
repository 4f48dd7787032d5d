using Sharp.Bpf.Asm;
using Sharp.Bpf.Inspect.Conformance;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Conformance;

/// <summary>Every conformance test program goes through our assembler, encoder and decoder unchanged.</summary>
public sealed class ConformanceAssemblyTests
{
    public static TheoryData<string> Tests() => ConformanceFiles.Tests();

    [Fact]
    public void The_suite_is_present_and_complete() => Assert.Equal(313, Tests().Count);

    [Theory]
    [MemberData(nameof(Tests))]
    public void Assembly_encodes_to_the_raw_section_where_one_exists(string file)
    {
        var test = ConformanceTestFile.Load(Path.Combine(ConformanceFiles.TestsFolder, file));
        Assert.NotNull(test.Assembly);
        var assembled = InstructionEncoder.Encode(Assembler.Assemble(test.Assembly));
        Assert.NotEmpty(assembled);
        if (test.Raw is not null) Assert.Equal(Convert.ToHexStringLower(test.Raw), Convert.ToHexStringLower(assembled));
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Program_round_trips_through_decoder_and_ubpf_text(string file)
    {
        var bytes = ConformanceTestFile.Load(Path.Combine(ConformanceFiles.TestsFolder, file)).ProgramBytes();
        var text = string.Join('\n', InstructionDecoder.Decode(bytes).Select(i => InstructionFormatter.Ubpf.Format(i)));
        Assert.Equal(bytes, InstructionEncoder.Encode(Assembler.Assemble(text)));
    }
}
