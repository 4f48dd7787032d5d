using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Drops blocks no path from the entry reaches and renumbers the rest in their original order (the verifier refuses
/// unreachable code).</summary>
internal static class UnreachableBlockRemoval
{
    public static IrFunction Run(IrFunction function)
    {
        var reachable = ControlFlow.ReversePostorder(function).ToHashSet();
        if (reachable.Count == function.Blocks.Count) return function;
        var renumbered = new int[function.Blocks.Count];
        int next = 0;
        for (int b = 0; b < function.Blocks.Count; b++)
            renumbered[b] = reachable.Contains(b) ? next++ : -1;
        var blocks = function.Blocks.Where(b => reachable.Contains(b.Id))
            .Select(b => new Block(renumbered[b.Id], b.Instructions, IrOperands.Retarget(b.Terminator, t => renumbered[t])));
        return function with { Blocks = blocks.ToEquatableArray() };
    }
}
