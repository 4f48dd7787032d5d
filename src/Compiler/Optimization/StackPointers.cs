using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Which registers may hold the address of one of the function's own stack slots, on any path (flow-insensitive, so
/// a register written once with a stack address counts everywhere): results of <see cref="StackAddress"/>, anything computed
/// from such a register (a subprogram may return one of its pointer arguments), and any 64-bit value read from memory (a
/// stack address may have been stored there). Parameters cannot point into a frame that did not exist when they were
/// passed, and helpers never return stack addresses, so a packet, context or map-value pointer is never counted: loads
/// through it cannot read the function's slots.</summary>
internal static class StackPointers
{
    /// <summary>Indexed by register id.</summary>
    public static bool[] MayPointToStack(IrFunction function)
    {
        var may = new bool[function.RegisterCount];
        var instructions = function.Blocks.SelectMany(b => b.Instructions).ToList();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var instruction in instructions)
            {
                if (IrOperands.Defined(instruction) is not { } defined || may[defined.Id]) continue;
                bool stack = instruction switch
                {
                    StackAddress => true,
                    Load { Size: 8 } or LoadStack { Size: 8 } or Atomic { Size: 8 } => true,
                    CallHelper or LoadMap or LoadGlobalAddress => false,
                    _ => IrOperands.Uses(instruction).Any(used => may[used.Id]),
                };
                if (stack)
                {
                    may[defined.Id] = true;
                    changed = true;
                }
            }
        }
        return may;
    }
}
