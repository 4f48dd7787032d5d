using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Branch threading: an edge into a block that only branches goes straight to the side taken when that side is known
/// on the edge.</summary>
public class BranchThreadingTests
{
    /// <summary>The lowering's <c>packet.GetRef&lt;T&gt;(14)</c> then <c>if (x.IsNull) return 2;</c>: a bounds check selecting
    /// the packet pointer or 0, joined, then a null check of the selected value.</summary>
    static IrFunction GetRefThenNullCheck()
    {
        var ir = new IrBuilder("f");
        var data = ir.New();
        ir.Add(new Load(data, ir.Parameter(0), 0, 4) { NonNull = true });
        var dataEnd = ir.Load(ir.Parameter(0), 4, 4);
        var end = ir.Op(BinaryOp.Add, Width.W64, data, IrBuilder.Imm(14));
        var pointer = ir.New();
        int fits = ir.NewBlock(), fails = ir.NewBlock(), join = ir.NewBlock(), isNull = ir.NewBlock(), use = ir.NewBlock();
        ir.Branch(Condition.Ugt, Width.W64, end, dataEnd, fails, fits);
        ir.At(fits).Add(new Move(pointer, data));
        ir.Jump(join);
        ir.At(fails).Add(new Move(pointer, IrBuilder.Imm(0)));
        ir.Jump(join);
        ir.At(join).Branch(Condition.Eq, Width.W64, pointer, IrBuilder.Imm(0), isNull, use);
        ir.At(isNull).Return(IrBuilder.Imm(2));
        ir.At(use).Return(ir.Load(pointer, 12, 2));
        return ir.Build();
    }

    [Fact]
    public void A_null_check_of_a_checked_packet_pointer_is_decided_on_both_incoming_edges()
    {
        var threaded = UnreachableBlockRemoval.Run(BranchThreading.Run(GetRefThenNullCheck()));
        Assert.Equal("""
            function f(params 1, registers 6)
            b0:
              v1 = load32 nonnull [v0]
              v2 = load32 [v0+4]
              v3 = add.64 v1, 14
              if ugt.64 v3, v2 then b2 else b1
            b1:
              v4 = v1
              jump b4
            b2:
              v4 = 0
              jump b3
            b3:
              return 2
            b4:
              v5 = load16 [v4+12]
              return v5

            """, IrPrinter.Print(threaded));
    }

    [Fact]
    public void The_whole_optimiser_leaves_only_the_bounds_check()
    {
        Assert.Equal("""
            function f(params 1, registers 6)
            b0:
              v1 = load32 nonnull [v0]
              v2 = load32 [v0+4]
              v3 = add.64 v1, 14
              if ugt.64 v3, v2 then b2 else b1
            b1:
              v5 = load16 [v1+12]
              return v5
            b2:
              return 2

            """, IrPrinter.Print(Optimizer.Optimize(GetRefThenNullCheck())));
    }

    [Fact]
    public void A_pointer_loaded_without_the_non_null_mark_keeps_its_null_check()
    {
        var function = GetRefThenNullCheck();
        var entry = function.Blocks[0];
        var unmarked = entry with { Instructions = entry.Instructions.Select(i => i is Load l ? l with { NonNull = false } : i).ToEquatableArray() };
        var threaded = BranchThreading.Run(function with { Blocks = function.Blocks.Select(b => b.Id == 0 ? unmarked : b).ToEquatableArray() });
        Assert.Equal(new Jump(3), threaded.Blocks[1].Terminator);
        Assert.Equal(new Jump(4), threaded.Blocks[2].Terminator);
    }

    [Fact]
    public void A_bool_materialised_as_0_or_1_and_tested_branches_straight_to_its_side()
    {
        var ir = new IrBuilder("f");
        var flag = ir.New();
        int yes = ir.NewBlock(), no = ir.NewBlock(), test = ir.NewBlock(), taken = ir.NewBlock(), notTaken = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(17), yes, no);
        ir.At(yes).Add(new Move(flag, IrBuilder.Imm(1)));
        ir.Jump(test);
        ir.At(no).Add(new Move(flag, IrBuilder.Imm(0)));
        ir.Jump(test);
        ir.At(test).Branch(Condition.Ne, Width.W32, flag, IrBuilder.Imm(0), taken, notTaken);
        ir.At(taken).Return(IrBuilder.Imm(1));
        ir.At(notTaken).Return(IrBuilder.Imm(0));
        Assert.Equal("""
            function f(params 1, registers 2)
            b0:
              if eq.64 v0, 17 then b1 else b2
            b1:
              v1 = 1
              jump b3
            b2:
              v1 = 0
              jump b4
            b3:
              return 1
            b4:
              return 0

            """, IrPrinter.Print(UnreachableBlockRemoval.Run(BranchThreading.Run(ir.Build()))));
    }

    [Fact]
    public void A_branch_on_the_same_test_as_the_edge_it_is_reached_by_goes_the_same_way()
    {
        var ir = new IrBuilder("f");
        int again = ir.NewBlock(), other = ir.NewBlock(), yes = ir.NewBlock(), no = ir.NewBlock();
        ir.Branch(Condition.Ugt, Width.W64, ir.Parameter(0), IrBuilder.Imm(5), again, other);
        ir.At(again).Branch(Condition.Ugt, Width.W64, ir.Parameter(0), IrBuilder.Imm(5), yes, no);
        ir.At(other).Return(IrBuilder.Imm(7));
        ir.At(yes).Return(IrBuilder.Imm(1));
        ir.At(no).Return(IrBuilder.Imm(0));
        var threaded = UnreachableBlockRemoval.Run(BranchThreading.Run(ir.Build()));
        Assert.Equal("""
            function f(params 1, registers 1)
            b0:
              if ugt.64 v0, 5 then b2 else b1
            b1:
              return 7
            b2:
              return 1

            """, IrPrinter.Print(threaded));
    }
}
