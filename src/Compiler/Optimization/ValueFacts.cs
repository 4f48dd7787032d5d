using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Forward "must" dataflow of register equalities: at each point, which registers are known to hold a constant or a
/// copy of another register on every path. A write to a register forgets what it held and every copy of it.</summary>
internal static class ValueFacts
{
    /// <summary>The facts on entry to each block (null for blocks no path reaches).</summary>
    public static Dictionary<int, Operand>?[] Compute(IrFunction function)
    {
        var order = ControlFlow.ReversePostorder(function);
        var predecessors = ControlFlow.Predecessors(function);
        var entry = new Dictionary<int, Operand>?[function.Blocks.Count];
        var exit = new Dictionary<int, Operand>?[function.Blocks.Count];
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in order)
            {
                Dictionary<int, Operand>? facts = b == 0 ? [] : null;
                if (b != 0)
                    foreach (int predecessor in predecessors[b])
                    {
                        if (exit[predecessor] is not { } known) continue;
                        facts = facts is null ? new(known) : Meet(facts, known);
                    }
                facts ??= [];
                if (entry[b] is { } previous && SameFacts(previous, facts) && exit[b] is not null) continue;
                entry[b] = new(facts);
                foreach (var instruction in function.Blocks[b].Instructions) Transfer(instruction, facts);
                if (exit[b] is null || !SameFacts(exit[b]!, facts)) changed = true;
                exit[b] = facts;
            }
        }
        return entry;
    }

    /// <summary>Updates <paramref name="facts"/> across one instruction.</summary>
    public static void Transfer(IrInstruction instruction, Dictionary<int, Operand> facts)
    {
        if (IrOperands.Defined(instruction) is not { } defined) return;
        Kill(defined, facts);
        if (instruction is Move { Src: var src } && src != defined) facts[defined.Id] = src;
    }

    static void Kill(VReg register, Dictionary<int, Operand> facts)
    {
        facts.Remove(register.Id);
        foreach (var key in facts.Where(f => f.Value == register).Select(f => f.Key).ToList()) facts.Remove(key);
    }

    static Dictionary<int, Operand> Meet(Dictionary<int, Operand> left, Dictionary<int, Operand> right)
    {
        foreach (var key in left.Keys.ToList())
            if (!right.TryGetValue(key, out var value) || value != left[key]) left.Remove(key);
        return left;
    }

    static bool SameFacts(Dictionary<int, Operand> left, Dictionary<int, Operand> right) =>
        left.Count == right.Count && left.All(f => right.TryGetValue(f.Key, out var value) && value == f.Value);
}
