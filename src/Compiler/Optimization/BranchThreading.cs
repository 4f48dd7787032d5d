using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Sends an edge into a block that only branches (no instructions) straight to the side the branch takes, when the
/// branch's outcome is known on that edge: its operands hold constants there (<c>p = 0; goto J; J: if p == 0 ...</c>, the
/// failed side of a packet bounds check feeding a null check, or a bool materialised as 0 or 1 and then tested), or the
/// edge leaves a branch on the same condition and operands, or the branch's register is known not to be null there
/// (<see cref="NonNullFacts"/>: <c>p = data + 14; goto J; J: if p == 0 ...</c>). The branch block may become unreachable
/// (for <see cref="UnreachableBlockRemoval"/>) or reached only from its other predecessors.</summary>
internal static class BranchThreading
{
    public static IrFunction Run(IrFunction function)
    {
        var entry = ValueFacts.Compute(function);
        var nonNull = NonNullFacts.Compute(function);
        bool changed = false;
        var blocks = function.Blocks.ToList();
        foreach (var block in function.Blocks)
        {
            if (entry[block.Id] is not { } facts || nonNull[block.Id] is not { } notNull) continue;
            foreach (var instruction in block.Instructions)
            {
                ValueFacts.Transfer(instruction, facts);
                NonNullFacts.Transfer(instruction, notNull);
            }
            int Thread(int target, bool? sameConditionHolds)
            {
                if (target == 0 || blocks[target] is not { Instructions.Count: 0, Terminator: Branch next }) return target;
                bool? holds = sameConditionHolds ?? Outcome(next, facts, notNull);
                if (holds is not { } taken) return target;
                int decided = taken ? next.True : next.False;
                if (decided == target) return target;
                changed = true;
                return decided;
            }
            var terminator = block.Terminator switch
            {
                Jump jump => jump with { Target = Thread(jump.Target, null) },
                Branch branch => branch with
                {
                    True = Thread(branch.True, SameTest(branch, blocks[branch.True].Terminator) ? true : null),
                    False = Thread(branch.False, SameTest(branch, blocks[branch.False].Terminator) ? false : null),
                },
                _ => block.Terminator,
            };
            blocks[block.Id] = block with { Terminator = terminator };
        }
        return changed ? function with { Blocks = blocks.ToEquatableArray() } : function;
    }

    static bool SameTest(Branch branch, Terminator next) =>
        next is Branch other && other.Condition == branch.Condition && other.Width == branch.Width && other.Left == branch.Left && other.Right == branch.Right;

    /// <summary>Whether <paramref name="branch"/> is taken given what holds at the end of the edge's source, or null if unknown.</summary>
    static bool? Outcome(Branch branch, Dictionary<int, Operand> facts, HashSet<int> notNull)
    {
        if (Constant(branch.Left, facts) is { } left && Constant(branch.Right, facts) is { } right)
            return BranchFolding.Holds(branch.Condition, branch.Width, left, right);
        if (branch.Width == Width.W64 && Constant(branch.Right, facts) == 0 && notNull.Contains(branch.Left.Id))
            return branch.Condition switch
            {
                Condition.Eq or Condition.Ule => false,
                Condition.Ne or Condition.Ugt => true,
                _ => null,
            };
        return null;
    }

    static long? Constant(Operand operand, Dictionary<int, Operand> facts) => operand switch
    {
        Imm imm => imm.Value,
        VReg register when facts.TryGetValue(register.Id, out var value) && value is Imm imm => imm.Value,
        _ => null,
    };
}
