using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Writes a value's bytes stored one at a time into consecutive stack bytes as one store: <c>s[0] = (byte)x;
/// s[1] = (byte)(x &gt;&gt; 8); s[2] = (byte)(x &gt;&gt; 16); s[3] = (byte)(x &gt;&gt; 24)</c> becomes a 4-byte store of
/// <c>x</c> (little-endian), and the shifts die. Only within a block, at 2- or 4-byte runs aligned to their size (a slot
/// starts 8-aligned, and the verifier demands aligned stack stores), when nothing between the first and last of the stores
/// reads or writes those bytes or redefines <c>x</c>. The combined store takes the place of the last one.</summary>
internal static class StoreCombining
{
    public static IrFunction Run(IrFunction function)
    {
        var escaped = new bool[function.StackSlots.Count];
        foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
            if (instruction is StackAddress address) escaped[address.Slot] = true;
        bool changed = false;
        var blocks = new List<Block>(function.Blocks.Count);
        foreach (var block in function.Blocks)
        {
            var instructions = block.Instructions.ToList();
            bool combined = true;
            while (combined)
            {
                combined = false;
                foreach (int size in new[] { 4, 2 })
                    for (int i = 0; i < instructions.Count && !combined; i++)
                        combined = TryCombine(instructions, i, size, escaped);
                changed |= combined;
            }
            blocks.Add(changed ? block with { Instructions = instructions.ToEquatableArray() } : block);
        }
        return changed ? function with { Blocks = blocks.ToEquatableArray() } : function;
    }

    /// <summary>Combines the byte store at <paramref name="first"/> with the <paramref name="size"/> - 1 byte stores after it
    /// when they store bytes 0, 1, ... of one register at consecutive offsets.</summary>
    static bool TryCombine(List<IrInstruction> instructions, int first, int size, bool[] escaped)
    {
        if (instructions[first] is not StoreStack { Size: 1 } start || start.Offset % size != 0) return false;
        if (ByteOf(instructions, first, start.Value) is not ({ } source, 0, var earliest)) return false;
        var stores = new List<int> { first };
        for (int i = first + 1; i < instructions.Count && stores.Count < size; i++)
        {
            var instruction = instructions[i];
            if (instruction is StoreStack { Size: 1 } next && next.Slot == start.Slot && next.Offset == start.Offset + stores.Count
                && ByteOf(instructions, i, next.Value) is ({ } same, var index, var definedAt) && same == source && index == stores.Count)
            {
                stores.Add(i);
                earliest = Math.Min(earliest, definedAt);
                continue;
            }
            if (Touches(instruction, start.Slot, start.Offset, size, escaped)) return false;
        }
        if (stores.Count < size) return false;
        int last = stores[^1];
        for (int i = earliest; i <= last; i++)
            if (IrOperands.Defined(instructions[i]) == source) return false;
        instructions[last] = new StoreStack(start.Slot, start.Offset, source, size) { Line = start.Line };
        for (int s = stores.Count - 2; s >= 0; s--) instructions.RemoveAt(stores[s]);
        return true;
    }

    /// <summary>Which byte of which register <paramref name="value"/> (stored at <paramref name="at"/>) is in its low byte,
    /// following copies, masks keeping the low byte, extensions and right shifts by whole bytes defined earlier in the block;
    /// and the earliest of those definitions.</summary>
    static (VReg Source, int Byte, int DefinedAt)? ByteOf(List<IrInstruction> instructions, int at, Operand value)
    {
        if (value is not VReg register) return null;
        int index = 0, earliest = at;
        for (int depth = 0; depth < 4; depth++)
        {
            int definition = instructions.FindLastIndex(earliest - 1, i => IrOperands.Defined(i) == register);
            if (definition < 0) break;
            switch (instructions[definition])
            {
                case Move { Src: VReg copied }:
                    register = copied;
                    break;
                // A mask or an extension keeps the low byte, but not the others.
                case Binary { Op: BinaryOp.And, Left: VReg masked, Right: Imm { Value: var mask } } when index == 0 && (mask & 0xFF) == 0xFF:
                    register = masked;
                    break;
                case Extend { Src: VReg extended } when index == 0:
                    register = extended;
                    break;
                case Binary { Op: BinaryOp.Rsh, Left: VReg shifted, Right: Imm { Value: var bits } } rsh
                    when bits % 8 == 0 && index == 0 && bits / 8 < (rsh.Width == Width.W32 ? 4 : 8):
                    register = shifted;
                    index = (int)(bits / 8);
                    break;
                default:
                    return (register, index, earliest);
            }
            earliest = definition;
        }
        return (register, index, earliest);
    }

    /// <summary>Whether <paramref name="instruction"/> may read or write the stored bytes (or, for an escaped slot, any of it).</summary>
    static bool Touches(IrInstruction instruction, int slot, int offset, int size, bool[] escaped) => instruction switch
    {
        StoreStack s => s.Slot == slot && s.Offset < offset + size && offset < s.Offset + s.Size,
        LoadStack l => l.Slot == slot && l.Offset < offset + size && offset < l.Offset + l.Size,
        StackAddress a => a.Slot == slot,
        Load or Store or CallHelper or CallFunction or Atomic => escaped[slot],
        _ => false,
    };
}
