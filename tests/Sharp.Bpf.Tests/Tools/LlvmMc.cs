using Sharp.Bpf.Testing;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sharp.Bpf.Asm;
using Xunit;

namespace Sharp.Bpf.Tests.Tools;

/// <summary>Asks llvm-mc-19 how LLVM prints instructions: one batch, hex immediates, ALU32 view (<c>-mcpu=v4</c>),
/// which is what <c>llvm-objdump-19 -d --mcpu=v4</c> prints.</summary>
internal static partial class LlvmMc
{
    /// <summary>LLVM's text for each instruction, in order; null where LLVM rejects the encoding.</summary>
    public static string?[] Disassemble(IReadOnlyList<Instruction> instructions)
    {
        // One instruction per line, so the line numbers of llvm-mc's warnings name the rejected ones.
        var input = new StringBuilder();
        foreach (var insn in instructions)
        {
            var bytes = InstructionEncoder.Encode([insn]);
            input.AppendJoin(' ', bytes.Select(b => "0x" + b.ToString("x2", CultureInfo.InvariantCulture))).Append('\n');
        }
        var output = ExternalTool.Run("llvm-mc-19", ["-triple", "bpfel", "-mcpu=v4", "--disassemble", "--print-imm-hex"], input.ToString(), out var warnings);

        var rejectedLines = WarningLine().Matches(warnings).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        // Every line is indented by a tab; the first is the .text directive.
        var texts = new Queue<string>(output.Split('\n').Where(l => l.StartsWith('\t')).Select(l => l[1..]).Where(l => l != ".text"));
        var result = new string?[instructions.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = rejectedLines.Contains(i + 1) ? null : texts.Dequeue();
        Assert.Empty(texts);
        return result;
    }

    [GeneratedRegex(@"^<stdin>:(\d+):\d+: warning", RegexOptions.Multiline)]
    private static partial Regex WarningLine();
}
