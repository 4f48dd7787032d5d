using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Branch folding, unreachable-block removal and jump threading.</summary>
public class BlockPassesTests
{
    [Fact]
    public void A_branch_on_constants_becomes_a_jump_and_the_other_side_is_removed()
    {
        var ir = new IrBuilder("f");
        var three = ir.Const(3);
        int yes = ir.NewBlock(), no = ir.NewBlock();
        ir.Branch(Condition.Sgt, Width.W32, three, IrBuilder.Imm(-1), yes, no);
        ir.At(yes).Return(IrBuilder.Imm(1));
        ir.At(no).Return(IrBuilder.Imm(2));
        Assert.Equal("""
            function f(params 1, registers 2)
            b0:
              v1 = 3
              jump b1
            b1:
              return 1

            """, IrPrinter.Print(UnreachableBlockRemoval.Run(BranchFolding.Run(ir.Build()))));
    }

    [Fact]
    public void Unsigned_32_bit_branches_compare_the_low_halves()
    {
        Assert.True(BranchFolding.Holds(Condition.Ugt, Width.W32, 0x1_0000_0001, 0));
        Assert.False(BranchFolding.Holds(Condition.Ugt, Width.W32, 0x1_0000_0000, 0));
        Assert.True(BranchFolding.Holds(Condition.Slt, Width.W32, 0xffff_ffff, 0));
        Assert.False(BranchFolding.Holds(Condition.Slt, Width.W64, 0xffff_ffff, 0));
        Assert.True(BranchFolding.Holds(Condition.Set, Width.W64, 6, 2));
    }

    [Fact]
    public void Jumps_through_empty_blocks_go_straight_to_the_target_and_straight_line_blocks_merge()
    {
        var ir = new IrBuilder("f");
        int empty = ir.NewBlock(), middle = ir.NewBlock(), last = ir.NewBlock(), other = ir.NewBlock();
        ir.Branch(Condition.Eq, Width.W64, ir.Parameter(0), IrBuilder.Imm(0), empty, other);
        ir.At(empty).Jump(middle);
        ir.At(middle);
        var x = ir.Op(BinaryOp.Add, Width.W64, ir.Parameter(0), IrBuilder.Imm(1));
        ir.Jump(last);
        ir.At(last).Return(x);
        ir.At(other).Jump(middle);
        Assert.Equal("""
            function f(params 1, registers 2)
            b0:
              if eq.64 v0, 0 then b1 else b1
            b1:
              v1 = add.64 v0, 1
              return v1

            """, IrPrinter.Print(UnreachableBlockRemoval.Run(JumpThreading.Run(ir.Build()))));
    }
}
