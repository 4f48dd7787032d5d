using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Sends jumps and branches that reach an empty block ending in a jump straight to its final target, and merges a
/// block into its only predecessor when that predecessor jumps to it unconditionally (straight-line code becomes one block).</summary>
internal static class JumpThreading
{
    public static IrFunction Run(IrFunction function)
    {
        var blocks = function.Blocks.ToList();
        int Final(int target)
        {
            var seen = new HashSet<int>();
            while (target != 0 && blocks[target] is { Instructions.Count: 0, Terminator: Jump next } && seen.Add(target)) target = next.Target;
            return target;
        }
        for (int b = 0; b < blocks.Count; b++)
            blocks[b] = blocks[b] with { Terminator = IrOperands.Retarget(blocks[b].Terminator, Final) };
        var predecessors = ControlFlow.Predecessors(function with { Blocks = blocks.ToEquatableArray() });
        var reachable = ControlFlow.ReversePostorder(function with { Blocks = blocks.ToEquatableArray() });
        var merged = new HashSet<int>();
        foreach (int b in reachable)
        {
            if (merged.Contains(b)) continue;
            while (blocks[b].Terminator is Jump { Target: var next } jump && next != b && next != 0 && predecessors[next].Count == 1)
            {
                var successor = blocks[next];
                blocks[b] = blocks[b] with
                {
                    Instructions = blocks[b].Instructions.Concat(successor.Instructions).ToEquatableArray(),
                    Terminator = successor.Terminator.Line < 0 && jump.Line >= 0 ? successor.Terminator with { Line = jump.Line } : successor.Terminator,
                };
                // The merged block is left unreachable (only b went to it) for UnreachableBlockRemoval.
                predecessors[next].Clear();
                merged.Add(next);
                foreach (int after in IrOperands.Successors(successor.Terminator))
                    for (int i = 0; i < predecessors[after].Count; i++)
                        if (predecessors[after][i] == next) predecessors[after][i] = b;
            }
        }
        return function with { Blocks = blocks.ToEquatableArray() };
    }
}
