using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Removes stores to stack slots whose bytes are all overwritten by later stack stores on every path before anything
/// could read them — chiefly the entry-block zeroing of a struct whose fields are all assigned before use. Byte-precise,
/// so padding a map key needs initialised keeps its zero. Conservative about reads: a load from the slot reads its bytes,
/// taking its address makes the whole slot read, a load through or a helper call given a pointer reads every slot the
/// pointer may point into (<see cref="StackPointers"/>), and an atomic or a call of a subprogram reads every slot whose
/// address is taken anywhere in the function. Every byte is dead after a return: the frame is gone, and a callee's stores into its
/// caller's slots go through pointers (<see cref="Store"/>), never <see cref="StoreStack"/>.</summary>
internal static class DeadStackStoreElimination
{
    public static IrFunction Run(IrFunction function)
    {
        var first = new int[function.StackSlots.Count];
        int bytes = 0;
        foreach (var slot in function.StackSlots)
        {
            first[slot.Id] = bytes;
            bytes += slot.Size;
        }
        if (bytes == 0) return function;
        var escaped = new bool[function.StackSlots.Count];
        foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
            if (instruction is StackAddress address) escaped[address.Slot] = true;
        var stackPointers = StackPointers.Compute(function);

        int blocks = function.Blocks.Count;
        var deadIn = new bool[blocks][];
        for (int b = 0; b < blocks; b++) deadIn[b] = new bool[bytes];
        var order = ControlFlow.ReversePostorder(function);
        order.Reverse();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in order)
            {
                var dead = DeadOut(function, function.Blocks[b], deadIn, bytes);
                var block = function.Blocks[b];
                for (int i = block.Instructions.Count - 1; i >= 0; i--) Transfer(block.Instructions[i], dead, first, escaped, stackPointers, function);
                for (int x = 0; x < bytes; x++)
                    if (dead[x] && !deadIn[b][x]) { deadIn[b][x] = true; changed = true; }
            }
        }

        bool removed = false;
        var result = new List<Block>(blocks);
        foreach (var block in function.Blocks)
        {
            var dead = DeadOut(function, block, deadIn, bytes);
            var kept = new List<IrInstruction>(block.Instructions.Count);
            for (int i = block.Instructions.Count - 1; i >= 0; i--)
            {
                var instruction = block.Instructions[i];
                if (instruction is StoreStack store && AllDead(dead, first[store.Slot] + store.Offset, store.Size))
                {
                    removed = true;
                    continue;
                }
                Transfer(instruction, dead, first, escaped, stackPointers, function);
                kept.Add(instruction);
            }
            kept.Reverse();
            result.Add(block with { Instructions = kept.ToEquatableArray() });
        }
        return removed ? function with { Blocks = result.ToEquatableArray() } : function;
    }

    /// <summary>The bytes dead on exit from <paramref name="block"/>: dead on entry to every successor; all after a return.</summary>
    static bool[] DeadOut(IrFunction function, Block block, bool[][] deadIn, int bytes)
    {
        var dead = new bool[bytes];
        var successors = IrOperands.Successors(block.Terminator).ToList();
        if (successors.Count == 0)
        {
            Array.Fill(dead, true);
            return dead;
        }
        for (int x = 0; x < bytes; x++) dead[x] = successors.All(s => deadIn[s][x]);
        return dead;
    }

    static bool AllDead(bool[] dead, int start, int size)
    {
        for (int x = start; x < start + size; x++)
            if (!dead[x]) return false;
        return true;
    }

    /// <summary>Steps <paramref name="dead"/> backward over <paramref name="instruction"/>.</summary>
    static void Transfer(IrInstruction instruction, bool[] dead, int[] first, bool[] escaped, StackPointers stackPointers, IrFunction function)
    {
        switch (instruction)
        {
            case StoreStack store:
                Array.Fill(dead, true, first[store.Slot] + store.Offset, store.Size);
                break;
            case LoadStack load:
                Array.Fill(dead, false, first[load.Slot] + load.Offset, load.Size);
                break;
            case StackAddress address:
                Array.Fill(dead, false, first[address.Slot], function.StackSlots[address.Slot].Size);
                break;
            case Load load:
                Reached([load.Base], dead, first, escaped, stackPointers, function);
                break;
            case CallHelper call:
                Reached(call.Arguments.OfType<VReg>(), dead, first, escaped, stackPointers, function);
                break;
            case CallFunction or Atomic:
                foreach (var slot in function.StackSlots)
                    if (escaped[slot.Id]) Array.Fill(dead, false, first[slot.Id], slot.Size);
                break;
        }
    }

    /// <summary>Makes live every slot whose address is taken and that memory reached through <paramref name="pointers"/> may be.</summary>
    static void Reached(IEnumerable<VReg> pointers, bool[] dead, int[] first, bool[] escaped, StackPointers stackPointers, IrFunction function)
    {
        foreach (var slot in function.StackSlots)
            if (escaped[slot.Id] && stackPointers.MayReach(pointers, slot.Id)) Array.Fill(dead, false, first[slot.Id], slot.Size);
    }
}
