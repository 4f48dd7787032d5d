using Sharp.Bpf.Inspect.Conformance;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Conformance;

/// <summary>Every file of the suite's <c>negative/</c> folder is refused, at the stage and with the message listed here.</summary>
public sealed class NegativeConformanceTests
{
    /// <summary>File → the stage that must refuse it and a fragment of the message.</summary>
    internal static IReadOnlyDictionary<string, (ConformanceStage Stage, string Message)> Expected { get; } = BuildExpected();

    static Dictionary<string, (ConformanceStage, string)> BuildExpected()
    {
        var table = new Dictionary<string, (ConformanceStage, string)>(StringComparer.Ordinal)
        {
            ["empty.data"] = (ConformanceStage.File, "no program"),
            ["empty_instructions.data"] = (ConformanceStage.File, "no program"),
            // Valid assembly; the verifier refuses it because r0 is read before it is written.
            ["error.data"] = (ConformanceStage.Kernel, "R0 !read_ok"),
            // Runs fine; the expected r0 in the file is deliberately wrong in its high bits.
            ["incorrect_return_value_high_bits.data"] = (ConformanceStage.Completed, "expected 0x8977665544332211"),
            ["invalid_imm32_dec_range.data"] = (ConformanceStage.Assembly, "immediate 2147483648 does not fit in 32 bits"),
            ["invalid_imm32_hex_range.data"] = (ConformanceStage.Assembly, "immediate 0x100000000 does not fit in 32 bits"),
            ["invalid_label.data"] = (ConformanceStage.Assembly, "undefined label 'NOT_A_LABEL'"),
            ["invalid_lock.data"] = (ConformanceStage.Assembly, "'lock or' takes 2 operands"),
            ["invalid_lock2.data"] = (ConformanceStage.Assembly, "'lock' needs an operation and 2 operands"),
            ["invalid_mnemonic.data"] = (ConformanceStage.Assembly, "unknown mnemonic 'ldxq'"),
            ["invalid_offset.data"] = (ConformanceStage.Assembly, "expected a memory operand like [%r1+8], found '%r1'"),
            ["invalid_offset_range.data"] = (ConformanceStage.Assembly, "offset +0x10000 is out of the 16-bit range"),
            ["invalid_operand_count.data"] = (ConformanceStage.Assembly, "'lddw' takes 2 operands"),
            ["invalid_register.data"] = (ConformanceStage.Assembly, "invalid register '%r50'"),
            ["invalid_unknown_directive.data"] = (ConformanceStage.File, "unknown section '-- Unknown directive'"),
        };
        foreach (var path in Directory.GetFiles(ConformanceFiles.NegativeFolder, "unused-*.data"))
        {
            // Each sets one field the instruction must leave zero (see the file's comment).
            var name = Path.GetFileNameWithoutExtension(path);
            table[Path.GetFileName(path)] = (ConformanceStage.Decoding, name.Split('-')[^1] switch
            {
                // For a register move the offset selects sign extension, so 1 is an invalid width.
                "offset" when name.Contains("mov", StringComparison.Ordinal) && name.Contains("_reg", StringComparison.Ordinal) => "sign-extension width must be",
                "offset" => "requires offset 0",
                "src" => "requires source register 0",
                "dst" => "requires destination register 0",
                _ => "requires immediate 0",
            });
        }
        return table;
    }

    public static TheoryData<string> Negative() => ConformanceFiles.Negative();

    [Fact]
    public void Every_negative_file_has_an_expectation() =>
        Assert.Equal(Negative().Select(row => (string)row.Data).Order(), Expected.Keys.Order());

    [Theory]
    [MemberData(nameof(Negative))]
    public void Negative_file_is_refused_with_a_specific_message(string file)
    {
        var (stage, message) = Expected[file];
        if (stage is ConformanceStage.Kernel or ConformanceStage.Completed) Privileged.RequireRoot();
        var outcome = new ConformanceRunner(KernelConformance.Execute).Evaluate(Path.Combine(ConformanceFiles.NegativeFolder, file));
        Assert.Equal(stage, outcome.Stage);
        Assert.Contains(message, outcome.Detail);
        if (stage == ConformanceStage.Completed) Assert.False(outcome.Passed);
    }
}
