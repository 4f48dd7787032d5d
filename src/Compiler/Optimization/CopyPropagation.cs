using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Replaces reads of a register that holds a copy of another (on every path) with the original, so the copy dies
/// and dead-code elimination removes it. The value read is the same, so a context load keeps its pointer and offset.</summary>
internal static class CopyPropagation
{
    public static IrFunction Run(IrFunction function)
    {
        var entry = ValueFacts.Compute(function);
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            if (entry[block.Id] is not { } facts)
            {
                blocks.Add(block);
                continue;
            }
            var output = new List<IrInstruction>();
            foreach (var instruction in block.Instructions)
            {
                var rewritten = IrOperands.ReplaceUses(instruction, r => Original(r, facts));
                output.Add(rewritten);
                ValueFacts.Transfer(rewritten, facts);
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray(), Terminator = IrOperands.ReplaceUses(block.Terminator, r => Original(r, facts)) });
        }
        return function with { Blocks = blocks.ToEquatableArray() };
    }

    static Operand Original(VReg register, Dictionary<int, Operand> facts) =>
        facts.TryGetValue(register.Id, out var value) && value is VReg original ? original : register;
}
