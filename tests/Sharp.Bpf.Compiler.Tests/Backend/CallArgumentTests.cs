using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Call arguments reach r1..r5 without shuffling: map and stack addresses are recomputed at the call, constants are
/// passed as constants, and values with nothing to say for themselves leave argument registers to the values bound for them.</summary>
public class CallArgumentTests
{
    static string Listing(IrFunction function) =>
        string.Join("; ", FunctionCompiler.Compile(function, new BackendOptions()).Function!.Instructions.Select(i => i.ToString()));

    [Fact]
    public void A_map_loaded_before_its_key_is_stored_is_loaded_again_at_the_lookup()
    {
        var ir = new IrBuilder("lookup");
        int key = ir.Slot(4, 4, "key");
        var protocol = ir.Load(ir.Parameter(0), 0, 4);
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        ir.Add(new StoreStack(key, 0, protocol, 4));
        var address = ir.New();
        ir.Add(new StackAddress(address, key));
        var value = ir.New();
        ir.Add(new CallHelper(value, 1, new Operand[] { map, address }.ToEquatableArray()));
        ir.Return(value);
        Assert.Equal("w1 = *(u32 *)(r1 + 0x0); *(u32 *)(r10 - 0x8) = w1; r1 = 0x0 ll; r2 = r10; r2 += -0x8; call 0x1; exit",
            Listing(ir.Build()));
    }

    [Fact]
    public void A_map_passed_to_three_calls_is_loaded_once()
    {
        var ir = new IrBuilder("three");
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        for (int i = 0; i < 3; i++) ir.Add(new CallHelper(null, 1, new Operand[] { map }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        Assert.Equal("r6 = 0x0 ll; r1 = r6; call 0x1; r1 = r6; call 0x1; r1 = r6; call 0x1; r0 = 0x0; exit", Listing(ir.Build()));
    }

    [Fact]
    public void A_constant_held_in_a_register_is_passed_as_an_immediate()
    {
        var ir = new IrBuilder("constant");
        var size = ir.Const(56);
        ir.Add(new CallHelper(null, 5, new Operand[] { size }.ToEquatableArray()));
        ir.Add(new Store(ir.Parameter(0), 0, size, 4));
        ir.Return(IrBuilder.Imm(0));
        Assert.Equal("r6 = r1; r7 = 0x38; r1 = 0x38; call 0x5; *(u32 *)(r6 + 0x0) = w7; r0 = 0x0; exit", Listing(ir.Build()));
    }

    [Fact]
    public void A_value_without_a_hint_leaves_the_argument_register_to_the_value_bound_for_it()
    {
        var ir = new IrBuilder("reserved", 0);
        var first = ir.New();
        ir.Add(new CallHelper(first, 5, EquatableArray<Operand>.Empty));
        var other = ir.Op(BinaryOp.Add, Width.W64, first, IrBuilder.Imm(1));
        var argument = ir.Op(BinaryOp.Mul, Width.W64, first, IrBuilder.Imm(3));
        var sum = ir.Op(BinaryOp.Add, Width.W64, other, IrBuilder.Imm(2));
        ir.Add(new CallHelper(null, 6, new Operand[] { argument, sum }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        Assert.DoesNotContain("r1 = r", Listing(ir.Build()).Replace("r1 = r0", "", StringComparison.Ordinal));
    }
}
