using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Invalid instruction bytes are rejected with the byte offset and a specific reason.</summary>
public sealed class DecoderRejectionTests
{
    const string Exit = "9500000000000000";

    public static TheoryData<string, int, string> Rejections => new()
    {
        { Exit + "950000", 8, "truncated instruction: 3 byte(s) left" },
        { Exit + "1801000088776655", 8, "lddw is missing its second slot" },
        { "1801000088776655" + "0100000044332211", 8, "second slot of lddw must have opcode, registers and offset 0" },
        { "1801010088776655" + "0000000044332211", 0, "requires offset 0, found 1" },
        { "1871000000000000" + "0000000000000000", 0, "lddw source must be 0..6, found 7" },
        { Exit + "f500000000000000", 8, "unknown jump operation 0xf0" },
        { "ff00000000000000", 0, "unknown arithmetic operation 0xf0" },
        { "e700000000000000", 0, "unknown arithmetic operation 0xe0" },
        { "b70b000001000000", 0, "invalid destination register r11" },
        { "bfb1000000000000", 0, "invalid source register r11" },
        { "0701010001000000", 0, "requires offset 0, found 1" },
        { "0710000001000000", 0, "requires source register 0, found 1" },
        { "0f00000001000000", 0, "requires immediate 0, found 1" },
        { "3f21020000000000", 0, "offset must be 0 (unsigned) or 1 (signed), found 2" },
        { "bc21200000000000", 0, "sign-extension width must be 0, 8 or 16, found 32" },
        { "d400000011000000", 0, "byte swap width must be 16, 32 or 64, found 17" },
        { "df00000010000000", 0, "bswap has no big-endian form" },
        { "8c00000000000000", 0, "neg has no register form" },
        { "8501000000000000", 0, "requires destination register 0" },
        { "8530000001000000", 0, "call source must be 0 (helper), 1 (local) or 2 (kfunc), found 3" },
        { "8600000000000000", 0, "call exists only in the JMP class" },
        { "9500000001000000", 0, "requires immediate 0, found 1" },
        { "0500000001000000", 0, "requires immediate 0, found 1" },
        { "0600010000000000", 0, "requires offset 0, found 1" },
        { "0d00000000000000", 0, "unconditional jump has no register form" },
        { "99a0000000000000", 0, "there is no sign-extending 64-bit load" },
        { "61a0fcff01000000", 0, "requires immediate 0, found 1" },
        { "6210000001000000", 0, "requires source register 0, found 1" },
        { "d321000000000000", 0, "atomics are 32 or 64 bits wide" },
        { "db21000002000000", 0, "unknown atomic operation 0x2" },
        { "3800000000000000", 0, "unknown load" },
        { "a100000000000000", 0, "unknown load mode 0xa0" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void Invalid_bytes_are_rejected_naming_offset_and_reason(string hex, int byteOffset, string reason)
    {
        var error = Assert.Throws<InstructionFormatException>(() => InstructionDecoder.Decode(Convert.FromHexString(hex)));
        Assert.Equal(byteOffset, error.ByteOffset);
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith($"at byte offset {byteOffset} ", error.Message);
    }

    [Fact]
    public void Every_negative_conformance_file_with_raw_bytes_is_rejected_by_the_decoder()
    {
        var files = Directory.GetFiles(Path.Combine(Sharp.Bpf.Testing.RepositoryPaths.Conformance, "negative"), "unused-*.data");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var hex = string.Concat(File.ReadLines(file).SkipWhile(l => l != "-- raw").Skip(1).TakeWhile(l => !l.StartsWith("--")).Select(l => l.Replace(" ", "")));
            Assert.False(InstructionDecoder.TryDecode(Convert.FromHexString(hex), out _, out var error), file);
            Assert.Equal(0, error.ByteOffset);
        }
    }

    [Fact]
    public void Encoder_rejects_an_invalid_instruction_with_its_offset()
    {
        var error = Assert.Throws<InstructionFormatException>(() =>
            InstructionEncoder.Encode([Instruction.Exit(), new Instruction(0x07, Register.R1, Register.R2, 0, 1)]));
        Assert.Equal(8, error.ByteOffset);
    }

    [Fact]
    public void An_empty_stream_decodes_to_no_instructions() => Assert.Empty(InstructionDecoder.Decode([]));
}
