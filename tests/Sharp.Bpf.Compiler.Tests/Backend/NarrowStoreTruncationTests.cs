using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>A narrow store writes only the low bytes of its value, so a truncation that only such stores read is left out; one
/// read otherwise, or whose operand changes before the store, stays.</summary>
public class NarrowStoreTruncationTests
{
    static readonly VReg Value = new(0), Pointer = new(1);

    static string Listing(IrBuilder ir) =>
        string.Join("; ", FunctionCompiler.Compile(ir.Build(), new BackendOptions()).Function!.Instructions.Select(i => i.ToString()));

    [Fact]
    public void A_byte_store_takes_the_shifted_value_without_its_mask()
    {
        var ir = new IrBuilder("store", 2);
        var shifted = ir.Op(BinaryOp.Rsh, Width.W32, Value, IrBuilder.Imm(8));
        var masked = ir.Op(BinaryOp.And, Width.W64, shifted, IrBuilder.Imm(0xff));
        ir.Add(new Store(Pointer, 0, masked, 1));
        ir.Return(IrBuilder.Imm(0));
        Assert.Equal("w1 >>= 0x8; *(u8 *)(r2 + 0x0) = w1; r0 = 0x0; exit", Listing(ir));
    }

    [Fact]
    public void A_truncation_wider_stores_read_stays()
    {
        var ir = new IrBuilder("wide", 2);
        var masked = ir.Op(BinaryOp.And, Width.W64, Value, IrBuilder.Imm(0xff));
        ir.Add(new Store(Pointer, 0, masked, 2));
        ir.Return(IrBuilder.Imm(0));
        Assert.Contains("&= 0xff", Listing(ir));
    }

    [Fact]
    public void A_truncation_whose_operand_changes_before_the_store_stays()
    {
        var ir = new IrBuilder("changed", 2);
        var masked = ir.Op(BinaryOp.And, Width.W64, Value, IrBuilder.Imm(0xff));
        ir.Add(new Binary(BinaryOp.Add, Width.W64, Value, Value, IrBuilder.Imm(1)));
        ir.Add(new Store(Pointer, 0, masked, 1));
        ir.Add(new Store(Pointer, 8, Value, 8));
        ir.Return(IrBuilder.Imm(0));
        Assert.Contains("&= 0xff", Listing(ir));
    }
}
