using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Removes instructions whose result nothing reads and that have no other effect (moves, arithmetic, loads, address
/// computations), self-moves, and unread results of calls and atomics (the call or atomic itself stays).</summary>
internal static class DeadCodeElimination
{
    public static IrFunction Run(IrFunction function)
    {
        var liveness = RegisterLiveness.Compute(function);
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var live = new bool[function.RegisterCount];
            foreach (int register in liveness.LiveOut(block.Id)) live[register] = true;
            foreach (var used in IrOperands.Uses(block.Terminator)) live[used.Id] = true;
            var kept = new List<IrInstruction>();
            for (int i = block.Instructions.Count - 1; i >= 0; i--)
            {
                var instruction = block.Instructions[i];
                var defined = IrOperands.Defined(instruction);
                if (instruction is Move { Src: VReg source } move && source == move.Dst) continue;
                if (defined is not null && !live[defined.Id])
                {
                    if (!IrOperands.HasSideEffects(instruction)) continue;
                    instruction = IrOperands.ReplaceDefined(instruction, null);
                }
                if (defined is not null) live[defined.Id] = false;
                foreach (var used in IrOperands.Uses(instruction)) live[used.Id] = true;
                kept.Add(instruction);
            }
            kept.Reverse();
            blocks.Add(block with { Instructions = kept.ToEquatableArray() });
        }
        return function with { Blocks = blocks.ToEquatableArray() };
    }
}
