using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Every ALU operation at both widths, compiled from hand-built IR and run in the kernel on boundary and random
/// operands, in register-register form, with a constant right operand (immediate or <c>lddw</c>) and with a constant left
/// operand; signed division and modulo both as ISA v3 expansions and as ISA v4 instructions. Results must equal C#'s.</summary>
public class AluKernelTests
{
    static readonly long[] Constants = [1, 3, -1, 7, -7, 31, 32, 63, 64, 0x7fff_ffff, int.MinValue, 0x8000_0000, 0xffff_ffff, 0x1_2345_6789, long.MinValue, long.MaxValue];

    /// <summary>Operation names (IR <c>BinaryOp</c>), widths in bits, and whether ISA v4 is on.</summary>
    public static TheoryData<string, int, bool> Operations()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var op in Enum.GetValues<BinaryOp>())
            foreach (int bits in new[] { 32, 64 })
            {
                data.Add(op.ToString(), bits, false);
                if (op is BinaryOp.SDiv or BinaryOp.SMod) data.Add(op.ToString(), bits, true);
            }
        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Operation_matches_csharp_on_boundary_and_random_operands(string operation, int bits, bool isaV4)
    {
        var op = Enum.Parse<BinaryOp>(operation);
        var width = bits == 32 ? Width.W32 : Width.W64;
        Privileged.RequireRoot();
        var options = new BackendOptions(isaV4);
        var programs = new List<(string Name, Func<ulong, ulong, (ulong A, ulong B)> Operands, CompiledFunction Function)>
        {
            ("rr", (a, b) => (a, b), KernelHarness.Compile(KernelHarness.PacketFunction("rr", (ir, a, b) => ir.Op(op, width, a, b)), options, optimize: false)),
        };
        for (int i = 0; i < Constants.Length; i++)
        {
            long constant = Constants[i];
            // A constant zero divisor is the lowering's SBPF0003, never IR: the verifier refuses it.
            if (AluReference.IsValid(op, width, 1, (ulong)constant))
                programs.Add(($"ri{i}", (a, _) => (a, (ulong)constant),
                KernelHarness.Compile(KernelHarness.PacketFunction($"ri{i}", (ir, a, _) => ir.Op(op, width, a, IrBuilder.Imm(constant))), options, optimize: false)));
            programs.Add(($"ir{i}", (b, _) => ((ulong)constant, b),
                KernelHarness.Compile(KernelHarness.PacketFunction($"ir{i}", (ir, _, b) => ir.Op(op, width, IrBuilder.Imm(constant), b)), options, optimize: false)));
        }
        using var collection = KernelHarness.Load(programs.Select(p => p.Function));
        var operands = AluReference.Operands(60, seed: (int)op * 2 + (int)width).ToArray();
        var mismatches = new List<string>();
        int runs = 0;
        foreach (var (name, select, _) in programs)
        {
            var program = collection.Programs[name];
            var seen = new HashSet<(ulong, ulong)>();
            foreach (ulong x in operands)
                foreach (ulong y in name == "rr" ? operands : [0UL])
                {
                    var (a, b) = select(x, y);
                    if (!seen.Add((a, b)) || !AluReference.IsValid(op, width, a, b)) continue;
                    ulong expected = AluReference.Compute(op, width, a, b);
                    ulong actual = KernelHarness.RunPacket(program, a, b);
                    runs++;
                    if (actual != expected) mismatches.Add($"{name}: {op}.{width}(0x{a:x}, 0x{b:x}) = 0x{actual:x}, C# 0x{expected:x}");
                }
        }
        Assert.True(runs > 1000, $"only {runs} runs");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
    }

    /// <summary><c>b = a op b</c>: the result overwrites the right operand's register, which two-address form cannot do in
    /// place for non-commutative operations (the backend computes into a fresh register first).</summary>
    [Theory]
    [InlineData("Sub", false)]
    [InlineData("Lsh", false)]
    [InlineData("UDiv", false)]
    [InlineData("SDiv", false)]
    [InlineData("SMod", true)]
    public void Result_over_the_right_operand_matches_csharp(string operation, bool isaV4)
    {
        Privileged.RequireRoot();
        var op = Enum.Parse<BinaryOp>(operation);
        var function = KernelHarness.PacketFunction("overwrite", (ir, a, b) =>
        {
            ir.Add(new Binary(op, Width.W64, b, a, b));
            return b;
        });
        using var collection = KernelHarness.Load([KernelHarness.Compile(function, new BackendOptions(isaV4), optimize: false)]);
        var operands = AluReference.Operands(8, seed: 7).ToArray();
        foreach (ulong a in operands)
            foreach (ulong b in operands)
                if (AluReference.IsValid(op, Width.W64, a, b))
                    Assert.Equal(AluReference.Compute(op, Width.W64, a, b), KernelHarness.RunPacket(collection.Programs["overwrite"], a, b));
    }
}
