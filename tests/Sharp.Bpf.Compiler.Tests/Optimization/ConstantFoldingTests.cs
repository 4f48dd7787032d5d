using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

public class ConstantFoldingTests
{
    static string Run(IrBuilder ir) => IrPrinter.Print(ConstantFolding.Run(ir.Build()));

    [Fact]
    public void Folds_constants_with_32_bit_wraparound_and_zero_extension()
    {
        var ir = new IrBuilder("f");
        var max = ir.Const(int.MaxValue);
        var wrapped = ir.Op(BinaryOp.Add, Width.W32, max, IrBuilder.Imm(1));
        ir.Return(ir.Op(BinaryOp.Sub, Width.W32, IrBuilder.Imm(0), wrapped));
        Assert.Equal("""
            function f(params 1, registers 4)
            b0:
              v1 = 2147483647
              v2 = 2147483648
              v3 = 2147483648
              return v3

            """.Replace("\r", ""), Run(ir));
    }

    [Fact]
    public void Leaves_division_by_zero_and_signed_overflow_to_the_kernel()
    {
        var ir = new IrBuilder("f");
        var zero = ir.Const(0);
        var quotient = ir.Op(BinaryOp.UDiv, Width.W64, IrBuilder.Imm(7), zero);
        var overflow = ir.Op(BinaryOp.SDiv, Width.W32, IrBuilder.Imm(int.MinValue), IrBuilder.Imm(-1));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, quotient, overflow));
        Assert.Equal("""
            function f(params 1, registers 5)
            b0:
              v1 = 0
              v2 = udiv.64 7, 0
              v3 = sdiv.32 -2147483648, -1
              v4 = add.64 v2, v3
              return v4

            """, Run(ir));
    }

    [Fact]
    public void Turns_multiplication_and_unsigned_division_by_powers_of_two_into_shifts_and_masks()
    {
        var ir = new IrBuilder("f");
        var x = ir.Parameter(0);
        var a = ir.Op(BinaryOp.Mul, Width.W64, x, IrBuilder.Imm(8));
        var b = ir.Op(BinaryOp.UDiv, Width.W32, a, IrBuilder.Imm(0x8000_0000));
        var c = ir.Op(BinaryOp.UMod, Width.W64, b, IrBuilder.Imm(16));
        var d = ir.Op(BinaryOp.Add, Width.W64, c, IrBuilder.Imm(0));
        ir.Return(ir.Op(BinaryOp.Mul, Width.W32, d, IrBuilder.Imm(0)));
        Assert.Equal("""
            function f(params 1, registers 6)
            b0:
              v1 = lsh.64 v0, 3
              v2 = rsh.32 v1, 31
              v3 = and.64 v2, 15
              v4 = v3
              v5 = 0
              return 0

            """, Run(ir));
    }

    [Fact]
    public void Propagates_only_constants_that_fit_an_immediate()
    {
        var ir = new IrBuilder("f");
        var wide = ir.Const(0x1_0000_0000);
        var small = ir.Const(-5);
        var sum = ir.Op(BinaryOp.Add, Width.W64, ir.Parameter(0), wide);
        ir.Return(ir.Op(BinaryOp.Xor, Width.W64, sum, small));
        Assert.Equal("""
            function f(params 1, registers 5)
            b0:
              v1 = 4294967296
              v2 = -5
              v3 = add.64 v0, v1
              v4 = xor.64 v3, -5
              return v4

            """, Run(ir));
    }

    [Fact]
    public void Constants_known_on_only_one_path_are_not_propagated_past_the_join()
    {
        var ir = new IrBuilder("f");
        var v = ir.New();
        int left = ir.NewBlock(), right = ir.NewBlock(), join = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(0), left, right);
        ir.At(left).Add(new Move(v, IrBuilder.Imm(1))).Jump(join);
        ir.At(right).Add(new Move(v, IrBuilder.Imm(2))).Jump(join);
        ir.At(join).Return(v);
        Assert.Contains("return v1", Run(ir));
    }

    /// <summary>Folding agrees with C# (which <see cref="AluKernelTests"/> shows the kernel agrees with) on every valid pair of
    /// boundary operands, and refuses exactly the pairs the kernel would not compute like C#.</summary>
    [Fact]
    public void Folded_results_equal_csharp_for_every_operation_width_and_boundary_pair()
    {
        int checkedPairs = 0;
        foreach (var op in Enum.GetValues<BinaryOp>())
            foreach (var width in new[] { Width.W32, Width.W64 })
                foreach (ulong a in AluReference.Boundaries)
                    foreach (ulong b in AluReference.Boundaries)
                    {
                        long? folded = ConstantFolding.Evaluate(op, width, (long)a, (long)b);
                        if (!AluReference.IsValid(op, width, a, b))
                            Assert.Null(folded);
                        else
                        {
                            Assert.Equal(AluReference.Compute(op, width, a, b), (ulong?)folded);
                            checkedPairs++;
                        }
                    }
        Assert.True(checkedPairs > 10_000);
    }
}
