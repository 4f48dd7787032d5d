using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Random input never escapes as anything but the documented format exceptions.</summary>
public sealed class FuzzTests
{
    const int Cases = 100_000;

    [Fact]
    public void Random_bytes_decode_or_raise_InstructionFormatException()
    {
        var random = new Random(20261125);
        int decoded = 0;
        for (int i = 0; i < Cases; i++)
        {
            var bytes = new byte[random.Next(0, 41)];
            random.NextBytes(bytes);
            // Bias towards real opcodes so the checks past the opcode are exercised too.
            if (bytes.Length > 0 && random.Next(2) == 0) bytes[0] = EncodingSpace.Valid[random.Next(EncodingSpace.Valid.Count)].Opcode;
            try
            {
                var instructions = InstructionDecoder.Decode(bytes);
                foreach (var insn in instructions)
                {
                    _ = InstructionFormatter.Llvm.Format(insn);
                    _ = InstructionFormatter.Ubpf.Format(insn);
                }
                decoded++;
            }
            catch (InstructionFormatException)
            {
            }
        }
        Assert.InRange(decoded, 1, Cases - 1);
    }

    [Fact]
    public void Random_lines_assemble_or_raise_AssemblyException()
    {
        var random = new Random(20261126);
        string[] words = ["mov", "add32", "lddw", "ja", "jeq", "lock", "fetch", "xchg", "call", "local", "kfunc", "callx", "exit", "ldxw", "stb", "stxdw",
            "movsx864", "be16", "bswap64", "%r1", "%r10", "%r11", "r2", "[%r1+4]", "[%r10-0x8]", "[%r1", "+1", "-3", "0x", "0xffffffffffffffffff", "-",
            "2147483648", "label", "label:", ",", ":", "#", "map_fd", "map_value", "ldabsw", "ldindb", "ja32", "sdiv", "smod32", "neg", "\t", "   "];
        int assembled = 0;
        for (int i = 0; i < Cases; i++)
        {
            int count = random.Next(0, 7);
            var line = string.Join(random.Next(3) == 0 ? ", " : " ", Enumerable.Range(0, count).Select(_ => random.Next(5) == 0
                ? new string((char)random.Next(32, 127), random.Next(1, 4))
                : words[random.Next(words.Length)]));
            try
            {
                Assembler.Assemble(line);
                assembled++;
            }
            catch (AssemblyException)
            {
            }
        }
        Assert.InRange(assembled, 1, Cases - 1);
    }
}
