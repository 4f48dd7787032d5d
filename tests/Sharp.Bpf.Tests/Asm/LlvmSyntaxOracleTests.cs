using Sharp.Bpf.Asm;
using Sharp.Bpf.Tests.Tools;
using Xunit;

namespace Sharp.Bpf.Tests.Asm;

/// <summary>Every valid encoding of <see cref="EncodingSpace"/>, formatted by us and by llvm-mc-19 in one batch, must read the same.</summary>
public sealed class LlvmSyntaxOracleTests
{
    [Fact]
    public void Every_valid_encoding_prints_as_llvm_prints_it()
    {
        var instructions = EncodingSpace.Valid;
        var llvm = LlvmMc.Disassemble(instructions);

        var differences = new List<string>();
        for (int i = 0; i < instructions.Count; i++)
        {
            var ours = InstructionFormatter.Llvm.Format(instructions[i]);
            if (llvm[i] != ours)
                differences.Add($"{Convert.ToHexStringLower(InstructionEncoder.Encode([instructions[i]]))}: LLVM '{llvm[i] ?? "<rejected>"}', we '{ours}'");
        }
        Assert.True(differences.Count == 0, $"{differences.Count} of {instructions.Count} encodings differ:\n{string.Join('\n', differences.Take(50))}");
    }
}
