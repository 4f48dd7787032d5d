using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;
using Sharp.Bpf.Compiler.Tests.Backend;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Optimization;

/// <summary>Store combining: a value's bytes stored one by one into consecutive stack bytes become one store.</summary>
public class StoreCombiningTests
{
    /// <summary><c>s[offset + k] = (byte)(x &gt;&gt; 8k)</c> for k = 0..3, as the lowering writes it (shift, mask, byte store),
    /// with <paramref name="between"/> run after the second store.</summary>
    static IrFunction BytesOfAnInt(int offset, Action<IrBuilder, int, VReg>? between = null)
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "address");
        var x = ir.Load(ir.Parameter(0), 12, 4);
        for (int k = 0; k < 4; k++)
        {
            var shifted = k == 0 ? x : ir.Op(BinaryOp.Rsh, Width.W32, x, IrBuilder.Imm(8 * k));
            var low = ir.Op(BinaryOp.And, Width.W64, shifted, IrBuilder.Imm(0xFF));
            ir.Add(new StoreStack(slot, offset + k, low, 1));
            if (k == 1) between?.Invoke(ir, slot, x);
        }
        var result = ir.New();
        ir.Add(new LoadStack(result, slot, 0, 8));
        ir.Return(result);
        return ir.Build();
    }

    [Fact]
    public void Four_byte_stores_of_an_int_s_bytes_become_one_4_byte_store()
    {
        Assert.Equal("""
            function f(params 1, registers 10)
              slot0: 8 bytes, align 8 "address"
            b0:
              v1 = load32 [v0+12]
              store32 [slot0+4], v1
              v9 = load64 [slot0]
              return v9

            """, IrPrinter.Print(DeadCodeElimination.Run(StoreCombining.Run(BytesOfAnInt(4)))));
    }

    [Fact]
    public void Bytes_at_an_offset_not_aligned_to_the_combined_size_stay_apart()
    {
        var function = BytesOfAnInt(2);
        var combined = StoreCombining.Run(function);
        Assert.DoesNotContain(combined.Blocks[0].Instructions, i => i is StoreStack { Size: 4 });
        Assert.Contains(combined.Blocks[0].Instructions, i => i is StoreStack { Offset: 2, Size: 2 });
    }

    [Fact]
    public void A_read_of_the_bytes_between_the_stores_keeps_them_apart()
    {
        var function = BytesOfAnInt(4, (ir, slot, _) => ir.Add(new LoadStack(ir.New(), slot, 4, 2)));
        Assert.DoesNotContain(StoreCombining.Run(function).Blocks[0].Instructions, i => i is StoreStack { Size: 4 });
    }

    [Fact]
    public void A_value_redefined_between_the_stores_keeps_them_apart()
    {
        var function = BytesOfAnInt(4, (ir, _, x) => ir.Add(new Move(x, IrBuilder.Imm(7))));
        Assert.DoesNotContain(StoreCombining.Run(function).Blocks[0].Instructions, i => i is StoreStack { Size: 4 });
    }

    [Fact]
    public void A_byte_of_a_masked_value_is_not_taken_for_the_byte_of_the_unmasked_one()
    {
        var ir = new IrBuilder("f");
        int slot = ir.Slot(8, 8, "s");
        var x = ir.Load(ir.Parameter(0), 12, 4);
        var narrowed = ir.Op(BinaryOp.And, Width.W32, x, IrBuilder.Imm(0xFF));
        ir.Add(new StoreStack(slot, 0, x, 1));
        ir.Add(new StoreStack(slot, 1, ir.Op(BinaryOp.Rsh, Width.W32, narrowed, IrBuilder.Imm(8)), 1));
        ir.Return(IrBuilder.Imm(0));
        var function = ir.Build();
        Assert.Equal(function, StoreCombining.Run(function));
    }
}
