using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Once slots share bytes, a stack store that a later store in the same block overwrites before any read is left out —
/// the entry zeroing of two structs at one place is emitted once, or not at all when a value is stored there next.</summary>
public class OverwrittenFrameStoresTests
{
    static string Listing(IrFunction function) =>
        string.Join("; ", FunctionCompiler.Compile(function, new BackendOptions()).Function!.Instructions.Select(i => i.ToString()));

    [Fact]
    public void Zeroing_overwritten_before_any_read_is_left_out()
    {
        var ir = new IrBuilder("zeroing");
        int first = ir.Slot(8, 8, "first"), second = ir.Slot(8, 8, "second");
        ir.Add(new StoreStack(first, 0, IrBuilder.Imm(0), 8));
        ir.Add(new StoreStack(second, 0, IrBuilder.Imm(0), 8));
        ir.Add(new StoreStack(first, 0, ir.Parameter(0), 8));
        var loaded = ir.New();
        ir.Add(new LoadStack(loaded, first, 0, 8));
        ir.Add(new StoreStack(second, 0, ir.Op(BinaryOp.Add, Width.W64, loaded, IrBuilder.Imm(1)), 8));
        var result = ir.New();
        ir.Add(new LoadStack(result, second, 0, 8));
        ir.Return(result);
        Assert.Equal("*(u64 *)(r10 - 0x8) = r1; r1 = *(u64 *)(r10 - 0x8); r1 += 0x1; *(u64 *)(r10 - 0x8) = r1; r0 = *(u64 *)(r10 - 0x8); exit",
            Listing(ir.Build()));
    }

    [Fact]
    public void A_store_a_call_may_read_stays()
    {
        var ir = new IrBuilder("call");
        int key = ir.Slot(8, 8, "key");
        ir.Add(new StoreStack(key, 0, IrBuilder.Imm(0), 8));
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        var address = ir.New();
        ir.Add(new StackAddress(address, key));
        ir.Add(new CallHelper(null, 1, new Operand[] { map, address }.ToEquatableArray()));
        ir.Add(new StoreStack(key, 0, IrBuilder.Imm(1), 8));
        ir.Add(new CallHelper(null, 1, new Operand[] { map, address }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        Assert.StartsWith("*(u64 *)(r10 - 0x8) = 0x0;", Listing(ir.Build()), StringComparison.Ordinal);
    }
}
