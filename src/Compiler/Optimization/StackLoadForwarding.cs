using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Replaces a load from a stack slot with the value known to be there on every path: what the last store to exactly
/// those bytes wrote, or what an earlier load of them read. A struct copied through a temporary (the lowering reads a struct
/// field into a fresh slot, then copies that slot) then reads its source directly, and the temporary's stores die for
/// <see cref="DeadStackStoreElimination"/>. A load of fewer bytes than were stored, from the same offset, becomes an extension
/// of the value's low bytes, as the load would have read them. Known values are forgotten when their bytes are overwritten; when their register is written; when a store
/// through, or a helper given, a pointer that may point into their slot (<see cref="StackPointers"/>) may write it; when a
/// subprogram call or an atomic may write any slot whose address is taken; and — for values in registers — at every call,
/// so that forwarding never makes a register live across a call (which would cost a spill).</summary>
internal static class StackLoadForwarding
{
    public static IrFunction Run(IrFunction function)
    {
        if (function.StackSlots.Count == 0) return function;
        var escaped = new bool[function.StackSlots.Count];
        foreach (var instruction in function.Blocks.SelectMany(b => b.Instructions))
            if (instruction is StackAddress address) escaped[address.Slot] = true;

        var stackPointers = StackPointers.Compute(function);
        var entry = Compute(function, escaped, stackPointers);
        bool changed = false;
        var blocks = new List<Block>(function.Blocks.Count);
        foreach (var block in function.Blocks)
        {
            if (entry[block.Id] is not { } known)
            {
                blocks.Add(block);
                continue;
            }
            var output = new List<IrInstruction>(block.Instructions.Count);
            foreach (var instruction in block.Instructions)
            {
                var rewritten = instruction;
                if (instruction is LoadStack load && Known(known, load) is { } value && value != load.Dst)
                {
                    rewritten = load.Size == 8
                        ? new Move(load.Dst, value) { Line = load.Line }
                        : new Extend(load.Dst, value, load.Size * 8, load.SignExtend) { Line = load.Line };
                    changed = true;
                }
                output.Add(rewritten);
                Transfer(instruction, known, escaped, stackPointers);
            }
            blocks.Add(block with { Instructions = output.ToEquatableArray() });
        }
        return changed ? function with { Blocks = blocks.ToEquatableArray() } : function;
    }

    /// <summary>The value whose low bytes are the ones <paramref name="load"/> reads: one known at exactly those bytes, or at a
    /// wider run starting at the same offset (little-endian, so its low bytes come first).</summary>
    static Operand? Known(Dictionary<Bytes, Operand> known, LoadStack load)
    {
        if (known.TryGetValue(new Bytes(load.Slot, load.Offset, load.Size), out var exact)) return exact;
        foreach (int wider in new[] { 2, 4, 8 })
            if (wider > load.Size && known.TryGetValue(new Bytes(load.Slot, load.Offset, wider), out var value)) return value;
        return null;
    }

    /// <summary>Bytes <see cref="Offset"/>..<see cref="Offset"/>+<see cref="Size"/> of stack slot <see cref="Slot"/>.</summary>
    readonly record struct Bytes(int Slot, int Offset, int Size)
    {
        public bool Overlaps(Bytes other) => Slot == other.Slot && Offset < other.Offset + other.Size && other.Offset < Offset + Size;
    }

    /// <summary>The known slot contents on entry to each block (null for blocks no path reaches), by forward "must" dataflow.</summary>
    static Dictionary<Bytes, Operand>?[] Compute(IrFunction function, bool[] escaped, StackPointers stackPointers)
    {
        var order = ControlFlow.ReversePostorder(function);
        var predecessors = ControlFlow.Predecessors(function);
        var entry = new Dictionary<Bytes, Operand>?[function.Blocks.Count];
        var exit = new Dictionary<Bytes, Operand>?[function.Blocks.Count];
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in order)
            {
                Dictionary<Bytes, Operand>? known = b == 0 ? [] : null;
                if (b != 0)
                    foreach (int predecessor in predecessors[b])
                    {
                        if (exit[predecessor] is not { } facts) continue;
                        known = known is null ? new(facts) : Meet(known, facts);
                    }
                known ??= [];
                if (entry[b] is { } previous && Same(previous, known) && exit[b] is not null) continue;
                entry[b] = new(known);
                foreach (var instruction in function.Blocks[b].Instructions) Transfer(instruction, known, escaped, stackPointers);
                if (exit[b] is null || !Same(exit[b]!, known)) changed = true;
                exit[b] = known;
            }
        }
        return entry;
    }

    static void Transfer(IrInstruction instruction, Dictionary<Bytes, Operand> known, bool[] escaped, StackPointers stackPointers)
    {
        switch (instruction)
        {
            case StoreStack stackStore:
                var written = new Bytes(stackStore.Slot, stackStore.Offset, stackStore.Size);
                Forget(known, bytes => bytes.Overlaps(written));
                known[written] = stackStore.Value;
                break;
            case Store store:
                Forget(known, bytes => escaped[bytes.Slot] && stackPointers.MayReach([store.Base], bytes.Slot));
                break;
            case Atomic:
                Forget(known, bytes => escaped[bytes.Slot]);
                break;
            case CallHelper call:
                Forget(known, bytes => escaped[bytes.Slot] && stackPointers.MayReach(call.Arguments.OfType<VReg>(), bytes.Slot));
                Forget(known, bytes => known[bytes] is VReg);
                break;
            case CallFunction:
                Forget(known, bytes => escaped[bytes.Slot]);
                Forget(known, bytes => known[bytes] is VReg);
                break;
        }
        if (IrOperands.Defined(instruction) is { } defined)
        {
            foreach (var held in known.Where(k => k.Value == defined).Select(k => k.Key).ToList()) known.Remove(held);
            if (instruction is LoadStack load && !IrOperands.Uses(instruction).Contains(defined))
                known.TryAdd(new Bytes(load.Slot, load.Offset, load.Size), load.Dst);
        }
    }

    static void Forget(Dictionary<Bytes, Operand> known, Func<Bytes, bool> which)
    {
        foreach (var bytes in known.Keys.Where(which).ToList()) known.Remove(bytes);
    }

    static Dictionary<Bytes, Operand> Meet(Dictionary<Bytes, Operand> left, Dictionary<Bytes, Operand> right)
    {
        foreach (var key in left.Keys.ToList())
            if (!right.TryGetValue(key, out var value) || value != left[key]) left.Remove(key);
        return left;
    }

    static bool Same(Dictionary<Bytes, Operand> left, Dictionary<Bytes, Operand> right) =>
        left.Count == right.Count && left.All(f => right.TryGetValue(f.Key, out var value) && value == f.Value);
}
