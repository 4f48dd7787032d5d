using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Merges blocks that end in a return and are otherwise identical (the same instructions, the same value returned)
/// into the first of them: every early <c>return XdpAction.Pass;</c> shares one <c>r0 = 2; exit</c>. Source lines do not
/// count towards identity; the kept block keeps its own. The copies become unreachable, for
/// <see cref="UnreachableBlockRemoval"/>.</summary>
internal static class TailMerging
{
    public static IrFunction Run(IrFunction function)
    {
        var first = new Dictionary<string, int>();
        var replacement = new int[function.Blocks.Count];
        bool changed = false;
        foreach (var block in function.Blocks)
        {
            replacement[block.Id] = block.Id;
            if (block.Id == 0 || block.Terminator is not Return) continue;
            string shape = Shape(block);
            if (first.TryGetValue(shape, out int kept))
            {
                replacement[block.Id] = kept;
                changed = true;
            }
            else
                first[shape] = block.Id;
        }
        if (!changed) return function;
        var blocks = function.Blocks.Select(b => b with { Terminator = IrOperands.Retarget(b.Terminator, t => replacement[t]) });
        return function with { Blocks = blocks.ToEquatableArray() };
    }

    /// <summary>The block's instructions and terminator without their source lines.</summary>
    static string Shape(Block block) =>
        string.Join("\n", block.Instructions.Select(IrPrinter.Print).Append(IrPrinter.Print(block.Terminator)));
}
