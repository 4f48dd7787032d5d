using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Forward "must" dataflow of registers known to hold a pointer that is not null on every path: stack, map and
/// global addresses, loads marked <see cref="Load.NonNull"/> (a packet's data pointer), copies of those, and 64-bit sums of
/// one of them with anything (pointer arithmetic, as the verifier sees it, keeps a pointer a pointer). Nothing is learnt
/// from branches, so only registers that hold pointers are ever in the set, and a write to a register forgets it.</summary>
internal static class NonNullFacts
{
    /// <summary>The registers known non-null on entry to each block (null for blocks no path reaches).</summary>
    public static HashSet<int>?[] Compute(IrFunction function)
    {
        var order = ControlFlow.ReversePostorder(function);
        var predecessors = ControlFlow.Predecessors(function);
        var entry = new HashSet<int>?[function.Blocks.Count];
        var exit = new HashSet<int>?[function.Blocks.Count];
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in order)
            {
                HashSet<int>? known = b == 0 ? [] : null;
                if (b != 0)
                    foreach (int predecessor in predecessors[b])
                    {
                        if (exit[predecessor] is not { } facts) continue;
                        if (known is null) known = [.. facts];
                        else known.IntersectWith(facts);
                    }
                known ??= [];
                if (entry[b] is { } previous && previous.SetEquals(known) && exit[b] is not null) continue;
                entry[b] = [.. known];
                foreach (var instruction in function.Blocks[b].Instructions) Transfer(instruction, known);
                if (exit[b] is null || !exit[b]!.SetEquals(known)) changed = true;
                exit[b] = known;
            }
        }
        return entry;
    }

    /// <summary>Updates <paramref name="known"/> across one instruction.</summary>
    public static void Transfer(IrInstruction instruction, HashSet<int> known)
    {
        if (IrOperands.Defined(instruction) is not { } defined) return;
        bool IsKnown(Operand operand) => operand is VReg register && known.Contains(register.Id);
        bool nonNull = instruction switch
        {
            StackAddress or LoadMap or LoadGlobalAddress or LoadFunctionAddress => true,
            Load load => load.NonNull,
            Move move => IsKnown(move.Src),
            Binary { Op: BinaryOp.Add, Width: Width.W64 } add => IsKnown(add.Left) || IsKnown(add.Right),
            _ => false,
        };
        if (nonNull) known.Add(defined.Id);
        else known.Remove(defined.Id);
    }
}
