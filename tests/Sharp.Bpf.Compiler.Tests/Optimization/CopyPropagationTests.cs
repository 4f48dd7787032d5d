using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

public class CopyPropagationTests
{
    static string Run(IrBuilder ir) => IrPrinter.Print(CopyPropagation.Run(ir.Build()));

    [Fact]
    public void Reads_of_a_copy_read_the_original_and_a_context_load_keeps_its_offset()
    {
        var ir = new IrBuilder("f");
        var context = ir.New();
        ir.Add(new Move(context, ir.Parameter(0)));
        var field = ir.Load(context, 76, 4);
        var copy = ir.New();
        ir.Add(new Move(copy, field));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, copy, copy));
        Assert.Equal("""
            function f(params 1, registers 5)
            b0:
              v1 = v0
              v2 = load32 [v0+76]
              v3 = v2
              v4 = add.64 v2, v2
              return v4

            """, Run(ir));
    }

    [Fact]
    public void A_copy_is_forgotten_when_its_source_is_written()
    {
        var ir = new IrBuilder("f", 2);
        var copy = ir.New();
        ir.Add(new Move(copy, ir.Parameter(0)));
        ir.Add(new Move(ir.Parameter(0), ir.Parameter(1)));
        ir.Return(copy);
        Assert.Contains("return v2", Run(ir));
    }

    [Fact]
    public void A_copy_made_on_every_path_into_a_loop_survives_the_back_edge()
    {
        var ir = new IrBuilder("f");
        var copy = ir.New();
        var counter = ir.Const(0);
        ir.Add(new Move(copy, ir.Parameter(0)));
        int head = ir.NewBlock(), body = ir.NewBlock(), exit = ir.NewBlock();
        ir.Jump(head);
        ir.At(head).Branch(Condition.Ult, Width.W64, counter, copy, body, exit);
        ir.At(body).Add(new Binary(BinaryOp.Add, Width.W64, counter, counter, IrBuilder.Imm(1))).Jump(head);
        ir.At(exit).Return(counter);
        Assert.Contains("if ult.64 v2, v0 then b2 else b3", Run(ir));
    }
}
