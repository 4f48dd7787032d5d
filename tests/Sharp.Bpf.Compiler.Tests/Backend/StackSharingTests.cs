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
}
