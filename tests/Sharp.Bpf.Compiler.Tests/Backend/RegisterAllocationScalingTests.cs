using Sharp.Bpf.Compiler.Backend;
using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Backend;

/// <summary>Register allocation does work proportional to the code, not to its square: the interference tests it makes grow
/// linearly with the function, counted rather than timed (speed itself is measured in bench/).</summary>
public class RegisterAllocationScalingTests
{
    /// <summary>A function of <paramref name="sections"/> sections, each as inlined code has them: twelve packet loads live across
    /// a helper call (more than r6..r9 hold, so some spill), then a diamond summing them into an accumulator carried to the end.</summary>
    internal static IrFunction Sections(int sections)
    {
        var (ir, data) = KernelHarness.CheckedPacket("sections", 96);
        var total = ir.Const(0);
        for (int s = 0; s < sections; s++)
        {
            var values = Enumerable.Range(0, 12).Select(i => ir.Load(data, (short)(8 * i), 8)).ToList();
            var now = ir.New();
            ir.Add(new CallHelper(now, 5, EquatableArray<Operand>.Empty));
            int small = ir.NewBlock(), large = ir.NewBlock(), join = ir.NewBlock();
            ir.Branch(Condition.Ult, Width.W64, values[s % 12], now, small, large);
            ir.At(small);
            foreach (var value in values) ir.Add(new Binary(BinaryOp.Add, Width.W64, total, total, value));
            ir.Jump(join);
            ir.At(large);
            foreach (var value in values) ir.Add(new Binary(BinaryOp.Xor, Width.W64, total, total, value));
            ir.Jump(join);
            ir.At(join);
        }
        ir.Add(new Store(data, 0, total, 8));
        ir.Return(IrBuilder.Imm(0));
        return ir.Build();
    }

    static int InstructionCount(IrFunction function) => function.Blocks.Sum(b => b.Instructions.Count + 1);

    [Fact]
    public void Interference_tests_grow_linearly_with_the_function()
    {
        var small = RegisterAllocator.Allocate(Legalizer.Legalize(Sections(25), new BackendOptions()));
        var large = RegisterAllocator.Allocate(Legalizer.Legalize(Sections(100), new BackendOptions()));
        Assert.True(small.SpilledCount > 0, "the sections should spill");
        double perInstructionSmall = (double)small.InterferenceTests / InstructionCount(small.Function);
        double perInstructionLarge = (double)large.InterferenceTests / InstructionCount(large.Function);
        Assert.True(perInstructionLarge < 2 * perInstructionSmall,
            $"{perInstructionSmall:F1} interference tests per instruction at 25 sections, {perInstructionLarge:F1} at 100");
    }

    [Fact]
    public void A_function_of_several_thousand_instructions_allocates_within_a_generous_bound_of_work()
    {
        var allocation = RegisterAllocator.Allocate(Legalizer.Legalize(Sections(150), new BackendOptions()));
        int instructions = InstructionCount(allocation.Function);
        Assert.True(instructions > 5000, $"{instructions} instructions");
        Assert.True(allocation.InterferenceTests < 200L * instructions, $"{allocation.InterferenceTests} interference tests for {instructions} instructions");
    }
}
