using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

public class DeadCodeEliminationTests
{
    [Fact]
    public void Unread_results_go_but_stores_calls_and_atomics_stay_without_their_results()
    {
        var ir = new IrBuilder("f");
        var unused = ir.Op(BinaryOp.Add, Width.W64, ir.Parameter(0), IrBuilder.Imm(1));
        ir.Load(ir.Parameter(0), 0, 4);
        ir.Add(new CallHelper(ir.New(), 5, EquatableArray<Operand>.Empty));
        ir.Add(new Atomic(AtomicOp.Add, ir.Parameter(0), 0, IrBuilder.Imm(1), 8, ir.New()));
        ir.Add(new Store(ir.Parameter(0), 8, unused, 8));
        var selfMove = ir.New();
        ir.Add(new Move(selfMove, IrBuilder.Imm(3)));
        ir.Add(new Move(selfMove, selfMove));
        ir.Return(selfMove);
        Assert.Equal("""
            function f(params 1, registers 6)
            b0:
              v1 = add.64 v0, 1
              call helper 5()
              atomic64 add [v0], 1
              store64 [v0+8], v1
              v5 = 3
              return v5

            """, IrPrinter.Print(DeadCodeElimination.Run(ir.Build())));
    }

    [Fact]
    public void A_value_read_around_a_loop_is_kept()
    {
        var ir = new IrBuilder("f");
        var counter = ir.Const(0);
        int head = ir.NewBlock(), exit = ir.NewBlock();
        ir.Jump(head);
        ir.At(head).Add(new Binary(BinaryOp.Add, Width.W64, counter, counter, IrBuilder.Imm(1)));
        ir.Branch(Condition.Ult, Width.W64, counter, IrBuilder.Imm(10), head, exit);
        ir.At(exit).Return(IrBuilder.Imm(0));
        Assert.Contains("v1 = add.64 v1, 1", IrPrinter.Print(DeadCodeElimination.Run(ir.Build())));
    }
}
