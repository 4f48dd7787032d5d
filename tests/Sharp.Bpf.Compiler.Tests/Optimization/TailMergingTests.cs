using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Tail merging: identical returning blocks become one.</summary>
public class TailMergingTests
{
    [Fact]
    public void Identical_early_returns_on_different_lines_share_one_block()
    {
        var ir = new IrBuilder("f");
        int firstReturn = ir.NewBlock(), next = ir.NewBlock(), secondReturn = ir.NewBlock(), last = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(1), firstReturn, next);
        ir.At(firstReturn).End(new Return(IrBuilder.Imm(2)) { Line = 0 });
        ir.At(next).Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(3), secondReturn, last);
        ir.At(secondReturn).End(new Return(IrBuilder.Imm(2)) { Line = 1 });
        ir.At(last).Return(IrBuilder.Imm(0));
        Assert.Equal("""
            function f(params 1, registers 1)
            b0:
              if eq.64 v0, 1 then b1 else b2
            b1:
              return 2  ; @0
            b2:
              if eq.64 v0, 3 then b1 else b3
            b3:
              return 0

            """, IrPrinter.Print(UnreachableBlockRemoval.Run(TailMerging.Run(ir.Build()))));
    }

    [Fact]
    public void Returns_of_different_values_stay_apart()
    {
        var ir = new IrBuilder("f");
        int one = ir.NewBlock(), two = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(1), one, two);
        ir.At(one).Return(IrBuilder.Imm(1));
        ir.At(two).Return(IrBuilder.Imm(2));
        var function = ir.Build();
        Assert.Equal(function, TailMerging.Run(function));
    }
}
