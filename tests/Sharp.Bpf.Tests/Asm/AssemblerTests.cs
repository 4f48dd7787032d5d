using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>The uBPF-style assembler: syntax it accepts and the errors it gives.</summary>
public sealed class AssemblerTests
{
    static string Hex(string source) => Convert.ToHexStringLower(InstructionEncoder.Encode(Assembler.Assemble(source)));

    [Fact]
    public void Comments_blank_lines_and_labels_on_their_own_line_are_ignored() =>
        Assert.Equal("b7000000010000009500000000000000", Hex("# c\n\nmov %r0, 1 # one\nend:\nexit\n"));

    [Fact]
    public void A_label_can_share_a_line_with_an_instruction() =>
        Assert.Equal(Hex("ja +0\nexit"), Hex("ja next\nnext: exit"));

    [Fact]
    public void Jump_offsets_count_lddw_as_two_slots() =>
        Assert.Equal(2, Assembler.Assemble("ja target\nlddw %r0, 1\ntarget:\nexit")[0].Offset);

    [Fact]
    public void Hex_immediates_are_bit_patterns() =>
        Assert.Equal(-1, Assembler.Assemble("mov32 %r0, 0xffffffff").Single().Immediate);

    [Fact]
    public void Negative_lddw_immediates_are_twos_complement() =>
        Assert.Equal(ulong.MaxValue, Assembler.Assemble("lddw %r0, -1").Single().Immediate64);

    [Fact]
    public void Memory_operand_without_offset_means_offset_zero() =>
        Assert.Equal(Hex("ldxb %r0, [%r1+0]"), Hex("ldxb %r0, [%r1]"));

    [Fact]
    public void The_label_exit_names_the_first_exit_instruction() =>
        Assert.Equal(2, Assembler.Assemble("jeq %r1, 0, exit\nmov %r0, 1\nexit\nmov %r0, 2\nexit")[0].Offset + 1);

    [Fact]
    public void An_explicit_exit_label_wins_over_the_implicit_one() =>
        Assert.Equal(2, Assembler.Assemble("ja exit\nexit\nmov %r0, 1\nexit:\nexit")[0].Offset);

    [Fact]
    public void Call_modes_helper_and_runtime_are_accepted()
    {
        Assert.Equal(Hex("call 5"), Hex("call helper 5"));
        Assert.Equal(Hex("call kfunc 7"), Hex("call runtime 7"));
    }

    [Fact]
    public void Call_with_a_register_is_callx() =>
        Assert.Equal(Hex("callx %r2"), Hex("call %r2"));

    [Fact]
    public void Sixty_four_suffix_and_swap_aliases_are_accepted()
    {
        Assert.Equal(Hex("add %r1, 2"), Hex("add64 %r1, 2"));
        Assert.Equal(Hex("bswap16 %r1"), Hex("swap16 %r1"));
    }

    public static TheoryData<string, int, string> Errors => new()
    {
        { "or %r0, %r50", 1, "invalid register '%r50': registers are %r0 to %r10" },
        { "mov32 %r0, 2147483648", 1, "immediate 2147483648 does not fit in 32 bits" },
        { "mov32 %r0, 0x100000000", 1, "immediate 0x100000000 does not fit in 32 bits" },
        { "exit\nja NOT_A_LABEL", 2, "undefined label 'NOT_A_LABEL'" },
        { "ja exit\nmov %r0, 0", 1, "undefined label 'exit'" },
        { "lock or [%r10-8]", 1, "'lock or' takes 2 operands" },
        { "lock", 1, "'lock' needs an operation and 2 operands" },
        { "lock nand [%r1+0], %r2", 1, "unknown atomic operation 'lock nand'" },
        { "ldxq %r0, %r1", 1, "unknown mnemonic 'ldxq'" },
        { "ldxb %r0, %r1", 1, "expected a memory operand like [%r1+8], found '%r1'" },
        { "ldxb %r0, [%r1+0x10000]", 1, "offset +0x10000 is out of the 16-bit range" },
        { "lddw %r0", 1, "'lddw' takes 2 operands" },
        { "mov %r0", 1, "'mov' takes 2 operands" },
        { "exit %r0", 1, "'exit' takes 0 operands" },
        { "a:\na:\nexit", 2, "label 'a' is defined twice" },
        { "jeq %r1, 1, +40000", 1, "jump offset 40000 is out of range -32768..32767" },
        { "movsx864 %r1, 5", 1, "expected a source register (movsx has no immediate form)" },
        { "mov %r1, [%r2+0]", 1, "invalid immediate '[%r2+0]'" },
        { "add %r1, 1x", 1, "invalid immediate '1x'" },
        { "call local", 1, "'call local' needs a target" },
        { "call near 3", 1, "unknown call form 'near'" },
        { "lddw %r1, map_thing 3", 1, "unknown lddw kind 'map_thing'" },
        { "stb [%r1+0], %r2", 1, "expected an immediate, found register '%r2'" },
        { "stxb [%r1+0], 5", 1, "expected a register like %r1, found '5'" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Invalid_assembly_is_rejected_naming_the_line_and_problem(string source, int line, string reason)
    {
        var error = Assert.Throws<AssemblyException>(() => Assembler.Assemble(source));
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"line {line}: ", error.Message);
    }

    [Fact]
    public void A_distant_label_needs_ja32()
    {
        var source = "ja far\n" + string.Concat(Enumerable.Repeat("mov %r0, 0\n", 40_000)) + "far:\nexit";
        var error = Assert.Throws<AssemblyException>(() => Assembler.Assemble(source));
        Assert.Contains("use ja32", error.Reason);
        Assert.Equal(40_000, Assembler.Assemble(source.Replace("ja far", "ja32 far"))[0].Immediate);
    }
}
