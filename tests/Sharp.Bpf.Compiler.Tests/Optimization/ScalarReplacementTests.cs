using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

public class ScalarReplacementTests
{
    [Fact]
    public void Fields_of_a_slot_whose_address_is_never_taken_become_registers()
    {
        var ir = new IrBuilder("f");
        int pair = ir.Slot(8, 4, "pair");
        ir.Add(new StoreStack(pair, 0, ir.Parameter(0), 4));
        ir.Add(new StoreStack(pair, 4, IrBuilder.Imm(-1), 2));
        var first = ir.New();
        ir.Add(new LoadStack(first, pair, 0, 4));
        var second = ir.New();
        ir.Add(new LoadStack(second, pair, 4, 2, SignExtend: true));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, first, second));
        Assert.Equal("""
            function f(params 1, registers 6)
              slot0: 8 bytes, align 4 "pair"
            b0:
              v4 = 0
              v5 = 0
              v4 = zext32 v0
              v5 = zext16 -1
              v1 = zext32 v4
              v2 = sext16 v5
              v3 = add.64 v1, v2
              return v3

            """, IrPrinter.Print(ScalarReplacement.Run(ir.Build())));
    }

    [Fact]
    public void A_slot_whose_address_is_taken_or_read_across_fields_stays_in_memory()
    {
        var ir = new IrBuilder("f");
        int key = ir.Slot(4, 4, "key");
        int overlapped = ir.Slot(8, 8, "overlapped");
        ir.Add(new StoreStack(key, 0, IrBuilder.Imm(1), 4));
        ir.Add(new StackAddress(ir.New(), key));
        ir.Add(new StoreStack(overlapped, 0, ir.Parameter(0), 8));
        var low = ir.New();
        ir.Add(new LoadStack(low, overlapped, 0, 4));
        ir.Return(low);
        var function = ir.Build();
        Assert.Same(function, ScalarReplacement.Run(function));
    }
}
