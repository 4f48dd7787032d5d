using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Copy coalescing, and the whole optimiser on lowering-shaped IR.</summary>
public class PipelineTests
{
    [Fact]
    public void A_value_computed_into_a_temporary_and_copied_is_computed_in_place()
    {
        var ir = new IrBuilder("f");
        var x = ir.Const(1);
        var temporary = ir.Op(BinaryOp.Sub, Width.W64, ir.Parameter(0), x);
        var unrelated = ir.Op(BinaryOp.Add, Width.W64, ir.Parameter(0), IrBuilder.Imm(2));
        ir.Add(new Move(x, temporary));
        var blocked = ir.Op(BinaryOp.Add, Width.W64, x, IrBuilder.Imm(3));
        var reader = ir.Op(BinaryOp.Add, Width.W64, unrelated, IrBuilder.Imm(0));
        ir.Add(new Move(unrelated, blocked));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, unrelated, reader));
        Assert.Equal("""
            function f(params 1, registers 7)
            b0:
              v1 = 1
              v1 = sub.64 v0, v1
              v3 = add.64 v0, 2
              v4 = add.64 v1, 3
              v5 = add.64 v3, 0
              v3 = v4
              v6 = add.64 v3, v5
              return v6

            """, IrPrinter.Print(CopyCoalescing.Run(ir.Build())));
    }

    [Fact]
    public void A_struct_local_becomes_registers_and_its_constant_fields_fold_away()
    {
        var ir = new IrBuilder("f");
        int point = ir.Slot(8, 4, "point");
        ir.Add(new StoreStack(point, 0, IrBuilder.Imm(3), 4));
        ir.Add(new StoreStack(point, 4, ir.Load(ir.Parameter(0), 0, 4), 4));
        var x = ir.New();
        ir.Add(new LoadStack(x, point, 0, 4));
        var y = ir.New();
        ir.Add(new LoadStack(y, point, 4, 4));
        int big = ir.NewBlock(), small = ir.NewBlock();
        var sum = ir.Op(BinaryOp.Add, Width.W32, x, y);
        ir.Branch(Condition.Ugt, Width.W32, x, IrBuilder.Imm(2), big, small);
        ir.At(big).Return(sum);
        ir.At(small).Return(IrBuilder.Imm(0));
        Assert.Equal("""
            function f(params 1, registers 7)
              slot0: 8 bytes, align 4 "point"
            b0:
              v1 = load32 [v0]
              v4 = add.32 v1, 3
              return v4

            """, IrPrinter.Print(Optimizer.Optimize(ir.Build())));
    }
}
