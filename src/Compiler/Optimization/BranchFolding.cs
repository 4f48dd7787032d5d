using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Replaces a branch whose outcome is known (both operands constant, or both targets the same) with a jump; the
/// target not taken may become unreachable, for <see cref="UnreachableBlockRemoval"/>.</summary>
internal static class BranchFolding
{
    public static IrFunction Run(IrFunction function)
    {
        var entry = ValueFacts.Compute(function);
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            if (block.Terminator is not Branch branch || entry[block.Id] is not { } facts)
            {
                blocks.Add(block);
                continue;
            }
            foreach (var instruction in block.Instructions) ValueFacts.Transfer(instruction, facts);
            int? target = branch.True == branch.False ? branch.True
                : Constant(branch.Left, facts) is { } left && Constant(branch.Right, facts) is { } right
                    ? Holds(branch.Condition, branch.Width, left, right) ? branch.True : branch.False
                    : null;
            blocks.Add(target is { } known ? block with { Terminator = new Jump(known) { Line = branch.Line } } : block);
        }
        return function with { Blocks = blocks.ToEquatableArray() };
    }

    static long? Constant(Operand operand, Dictionary<int, Operand> facts) => operand switch
    {
        Imm imm => imm.Value,
        VReg register when facts.TryGetValue(register.Id, out var value) && value is Imm imm => imm.Value,
        _ => null,
    };

    /// <summary>Whether BPF's conditional jump is taken: JMP32 compares the low 32 bits.</summary>
    public static bool Holds(Condition condition, Width width, long left, long right)
    {
        if (width == Width.W32)
        {
            left = (int)left;
            right = (int)right;
        }
        ulong a = width == Width.W32 ? (uint)left : (ulong)left, b = width == Width.W32 ? (uint)right : (ulong)right;
        return condition switch
        {
            Condition.Eq => a == b,
            Condition.Ne => a != b,
            Condition.Ugt => a > b,
            Condition.Uge => a >= b,
            Condition.Ult => a < b,
            Condition.Ule => a <= b,
            Condition.Sgt => left > right,
            Condition.Sge => left >= right,
            Condition.Slt => left < right,
            Condition.Sle => left <= right,
            _ => (a & b) != 0,
        };
    }
}
