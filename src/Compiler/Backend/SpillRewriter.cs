using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Moves spilled virtual registers to the stack: each gets an 8-byte, 8-aligned slot (the verifier keeps a pointer's type
/// through an 8-byte spill and fill only); each read loads it into a fresh short-lived register just before, each write stores
/// a fresh register just after. A spilled parameter is stored on entry.</summary>
internal static class SpillRewriter
{
    public static IrFunction Rewrite(IrFunction function, IReadOnlyCollection<int> spilled, IReadOnlyList<VReg> entryParameters, HashSet<int> unspillable)
    {
        int registerCount = function.RegisterCount;
        VReg NewTemporary()
        {
            var register = new VReg(registerCount++);
            unspillable.Add(register.Id);
            return register;
        }
        var slots = function.StackSlots.ToList();
        var slotOf = new Dictionary<int, int>();
        foreach (int register in spilled)
        {
            slotOf[register] = slots.Count;
            slots.Add(new StackSlot(slots.Count, 8, 8, $"spilled v{register}"));
        }
        var blocks = new List<Block>();
        foreach (var block in function.Blocks)
        {
            var output = new List<IrInstruction>();
            if (block.Id == 0)
                foreach (var parameter in entryParameters)
                    if (slotOf.TryGetValue(parameter.Id, out int slot))
                    {
                        output.Add(new StoreStack(slot, 0, parameter, 8));
                        unspillable.Add(parameter.Id);
                    }
            foreach (var instruction in block.Instructions)
            {
                var rewritten = ReloadUses(IrOperands.Uses(instruction), instruction.Line, output, slotOf, NewTemporary, out var replacement)
                    ? IrOperands.ReplaceUses(instruction, replacement)
                    : instruction;
                if (IrOperands.Defined(rewritten) is { } defined && slotOf.TryGetValue(defined.Id, out int slot))
                {
                    var temporary = NewTemporary();
                    output.Add(IrOperands.ReplaceDefined(rewritten, temporary));
                    output.Add(new StoreStack(slot, 0, temporary, 8) { Line = instruction.Line });
                }
                else
                    output.Add(rewritten);
            }
            var terminator = ReloadUses(IrOperands.Uses(block.Terminator), block.Terminator.Line, output, slotOf, NewTemporary, out var terminatorReplacement)
                ? IrOperands.ReplaceUses(block.Terminator, terminatorReplacement)
                : block.Terminator;
            blocks.Add(block with { Instructions = output.ToEquatableArray(), Terminator = terminator });
        }
        return function with { RegisterCount = registerCount, Blocks = blocks.ToEquatableArray(), StackSlots = slots.ToEquatableArray() };
    }

    static bool ReloadUses(IEnumerable<VReg> uses, int line, List<IrInstruction> output, Dictionary<int, int> slotOf, Func<VReg> newTemporary,
        out Func<VReg, Operand> replacement)
    {
        var reloaded = new Dictionary<int, VReg>();
        foreach (var used in uses)
            if (slotOf.TryGetValue(used.Id, out int slot) && !reloaded.ContainsKey(used.Id))
            {
                var temporary = newTemporary();
                output.Add(new LoadStack(temporary, slot, 0, 8) { Line = line });
                reloaded[used.Id] = temporary;
            }
        replacement = register => reloaded.TryGetValue(register.Id, out var temporary) ? temporary : register;
        return reloaded.Count > 0;
    }
}
