using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

public class RedundantExtensionTests
{
    [Fact]
    public void Zero_extension_of_a_value_already_zero_above_the_width_becomes_a_move()
    {
        var ir = new IrBuilder("f");
        var sum = ir.Op(BinaryOp.Add, Width.W32, ir.Parameter(0), IrBuilder.Imm(1));
        var byteValue = ir.Load(ir.Parameter(0), 0, 1);
        var a = ir.New();
        ir.Add(new Extend(a, sum, 32, Signed: false));
        var b = ir.New();
        ir.Add(new Extend(b, byteValue, 16, Signed: false));
        var c = ir.New();
        ir.Add(new Extend(c, sum, 16, Signed: false));
        var d = ir.New();
        ir.Add(new Extend(d, ir.Parameter(0), 32, Signed: false));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, ir.Op(BinaryOp.Add, Width.W64, a, b), ir.Op(BinaryOp.Add, Width.W64, c, d)));
        Assert.Equal("""
            function f(params 1, registers 10)
            b0:
              v1 = add.32 v0, 1
              v2 = load8 [v0]
              v3 = v1
              v4 = v2
              v5 = zext16 v1
              v6 = zext32 v0
              v7 = add.64 v3, v4
              v8 = add.64 v5, v6
              v9 = add.64 v7, v8
              return v9

            """, IrPrinter.Print(RedundantExtension.Run(ir.Build())));
    }
}
