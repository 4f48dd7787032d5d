using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Stack slots whose address is never taken share their bytes when their values are never needed at once: spill slots of
/// separate parts of a function fit a small frame, and the program still computes what it did.</summary>
public class StackSharingTests
{
    [Fact]
    public void Spill_slots_of_separate_sections_share_a_small_frame()
    {
        var result = FunctionCompiler.Compile(RegisterAllocationScalingTests.Sections(25), new BackendOptions());
        Assert.Empty(result.Diagnostics);
        Assert.True(result.Function!.StackBytes <= 128, $"{result.Function.StackBytes} bytes");
    }

    [Fact]
    public void A_slot_still_needed_keeps_its_bytes_while_another_is_written()
    {
        var ir = new IrBuilder("overlap");
        int first = ir.Slot(8, 8, "first"), second = ir.Slot(8, 8, "second");
        ir.Add(new StoreStack(first, 0, ir.Parameter(0), 8));
        ir.Add(new StoreStack(second, 0, IrBuilder.Imm(1), 8));
        var a = ir.New();
        ir.Add(new LoadStack(a, first, 0, 8));
        var b = ir.New();
        ir.Add(new LoadStack(b, second, 0, 8));
        ir.Return(ir.Op(BinaryOp.Add, Width.W64, a, b));
        var stack = StackLayout.Compute(ir.Build());
        Assert.NotEqual(stack.Offsets[first], stack.Offsets[second]);
        Assert.Equal(16, stack.Bytes);
    }

    [Fact]
    public void A_slot_whose_value_is_dead_lends_its_bytes_to_the_next()
    {
        var ir = new IrBuilder("disjoint");
        int first = ir.Slot(8, 8, "first"), second = ir.Slot(8, 8, "second");
        ir.Add(new StoreStack(first, 0, ir.Parameter(0), 8));
        var a = ir.New();
        ir.Add(new LoadStack(a, first, 0, 8));
        ir.Add(new StoreStack(second, 0, a, 8));
        var b = ir.New();
        ir.Add(new LoadStack(b, second, 0, 8));
        ir.Return(b);
        var stack = StackLayout.Compute(ir.Build());
        Assert.Equal(stack.Offsets[first], stack.Offsets[second]);
        Assert.Equal(8, stack.Bytes);
    }

    [Theory]
    [InlineData(3ul, 25ul * 12 * 3)]
    [InlineData(0x8000_0000_0000_0001ul, 0ul)]
    public void A_program_whose_spills_share_slots_computes_the_same_result(ulong fill, ulong expected)
    {
        Privileged.RequireRoot();
        var compiled = KernelHarness.Compile(RegisterAllocationScalingTests.Sections(25));
        using var collection = KernelHarness.Load([compiled]);
        var frame = new byte[96];
        for (int i = 0; i < 12; i++) BitConverter.TryWriteBytes(frame.AsSpan(8 * i), fill);
        var output = KernelHarness.RunFrame(collection.Programs["sections"], frame);
        Assert.Equal(expected, BitConverter.ToUInt64(output, 0));
    }

    /// <summary>Two map lookups in turn, each with a key slot written in full and passed by address.</summary>
    static (IrFunction Function, int FirstKey, int SecondKey) TwoLookups(bool keepFirstPointer)
    {
        var ir = new IrBuilder("lookups");
        int firstKey = ir.Slot(8, 8, "first"), secondKey = ir.Slot(8, 8, "second");
        ir.Add(new StoreStack(firstKey, 0, IrBuilder.Imm(1), 8));
        var map = ir.New();
        ir.Add(new LoadMap(map, "counts"));
        var firstAddress = ir.New();
        ir.Add(new StackAddress(firstAddress, firstKey));
        ir.Add(new CallHelper(null, 1, new Operand[] { map, firstAddress }.ToEquatableArray()));
        ir.Add(new StoreStack(secondKey, 0, IrBuilder.Imm(2), 8));
        var secondAddress = ir.New();
        ir.Add(new StackAddress(secondAddress, secondKey));
        ir.Add(new CallHelper(null, 1, new Operand[] { map, secondAddress }.ToEquatableArray()));
        if (keepFirstPointer) ir.Add(new CallHelper(null, 1, new Operand[] { map, firstAddress }.ToEquatableArray()));
        ir.Return(IrBuilder.Imm(0));
        return (ir.Build(), firstKey, secondKey);
    }

    [Fact]
    public void Map_keys_used_one_after_the_other_share_bytes()
    {
        var (function, first, second) = TwoLookups(keepFirstPointer: false);
        var stack = StackLayout.Compute(function);
        Assert.Equal(stack.Offsets[first], stack.Offsets[second]);
    }

    [Fact]
    public void A_key_read_again_through_its_pointer_keeps_its_bytes()
    {
        var (function, first, second) = TwoLookups(keepFirstPointer: true);
        var stack = StackLayout.Compute(function);
        Assert.NotEqual(stack.Offsets[first], stack.Offsets[second]);
    }

    [Fact]
    public void A_slot_whose_address_is_stored_to_memory_keeps_its_bytes()
    {
        var ir = new IrBuilder("escape");
        int escaping = ir.Slot(8, 8, "escaping"), other = ir.Slot(8, 8, "other");
        ir.Add(new StoreStack(escaping, 0, IrBuilder.Imm(1), 8));
        var address = ir.New();
        ir.Add(new StackAddress(address, escaping));
        ir.Add(new Store(ir.Parameter(0), 0, address, 8));
        ir.Add(new StoreStack(other, 0, IrBuilder.Imm(2), 8));
        var value = ir.New();
        ir.Add(new LoadStack(value, other, 0, 8));
        ir.Return(value);
        var stack = StackLayout.Compute(ir.Build());
        Assert.NotEqual(stack.Offsets[escaping], stack.Offsets[other]);
    }
}
