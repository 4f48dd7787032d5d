using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Computes a value straight into the register it is copied to: <c>t = a op b; ...; x = t</c> becomes
/// <c>x = a op b; ...</c> when <c>t</c> is written once and read only by that copy, and nothing between reads or writes
/// <c>x</c>. Assignments to variables lower to exactly this shape (a temporary, then a copy); without it a loop variable
/// would need a move per update, because its live range spans the loop.</summary>
internal static class CopyCoalescing
{
    public static IrFunction Run(IrFunction function)
    {
        var definitions = new int[function.RegisterCount];
        var uses = new int[function.RegisterCount];
        for (int p = 0; p < function.ParameterCount; p++) definitions[p]++;
        foreach (var block in function.Blocks)
        {
            foreach (var instruction in block.Instructions)
            {
                if (IrOperands.Defined(instruction) is { } defined) definitions[defined.Id]++;
                foreach (var used in IrOperands.Uses(instruction)) uses[used.Id]++;
            }
            foreach (var used in IrOperands.Uses(block.Terminator)) uses[used.Id]++;
        }
        bool changed = false;
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var instructions = block.Instructions.ToList();
            for (int j = 0; j < instructions.Count; j++)
            {
                if (instructions[j] is not Move { Src: VReg temporary } copy || temporary == copy.Dst) continue;
                if (definitions[temporary.Id] != 1 || uses[temporary.Id] != 1) continue;
                int i = instructions.FindLastIndex(j - 1, instruction => IrOperands.Defined(instruction) == temporary);
                if (i < 0 || !Between(instructions, i, j).All(instruction => !Touches(instruction, copy.Dst))) continue;
                instructions[i] = IrOperands.ReplaceDefined(instructions[i], copy.Dst);
                instructions.RemoveAt(j);
                definitions[temporary.Id] = 0;
                j--;
                changed = true;
            }
            blocks.Add(block with { Instructions = instructions.ToEquatableArray() });
        }
        return changed ? function with { Blocks = blocks.ToEquatableArray() } : function;
    }

    static IEnumerable<IrInstruction> Between(List<IrInstruction> instructions, int first, int last)
    {
        for (int k = first + 1; k < last; k++) yield return instructions[k];
    }

    static bool Touches(IrInstruction instruction, VReg register) =>
        IrOperands.Defined(instruction) == register || IrOperands.Uses(instruction).Contains(register);
}
