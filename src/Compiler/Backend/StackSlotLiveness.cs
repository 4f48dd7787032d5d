using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Where the bytes of each stack slot are still needed, as sorted, disjoint segments of the positions
/// <see cref="LiveIntervals"/> uses: from stores that together write the whole slot within a block to the last read that can see
/// them. A read is a <c>LoadStack</c>, or a load, store, atomic or call through a register that may hold the slot's address
/// (followed through copies, arithmetic and spills); a slot whose address may be stored to memory, returned or handed to a
/// subprogram escapes and gets no segments. A slot written piecemeal across blocks is live back to the entry. Slots whose
/// segments never overlap can share their bytes.</summary>
internal static class StackSlotLiveness
{
    /// <summary>For each slot, its segments; null for a slot whose address escapes.</summary>
    public static (int Start, int End)[]?[] Compute(IrFunction function)
    {
        int slots = function.StackSlots.Count;
        var (escaped, pointsTo) = Escaped(function);
        int blocks = function.Blocks.Count;
        var liveIn = new bool[blocks][];
        var liveOut = new bool[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            liveIn[b] = new bool[slots];
            liveOut[b] = new bool[slots];
        }
        var order = ControlFlow.ReversePostorder(function);
        var backward = Enumerable.Reverse(order).ToList();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in backward)
            {
                foreach (int successor in IrOperands.Successors(function.Blocks[b].Terminator))
                    for (int s = 0; s < slots; s++)
                        if (liveIn[successor][s] && !liveOut[b][s]) { liveOut[b][s] = true; changed = true; }
                var live = Scan(function, function.Blocks[b], liveOut[b], pointsTo, 0, null);
                for (int s = 0; s < slots; s++)
                    if (live[s] && !liveIn[b][s]) { liveIn[b][s] = true; changed = true; }
            }
        }

        var pending = new List<(int Start, int End)>[slots];
        for (int s = 0; s < slots; s++) pending[s] = [];
        int first = 0;
        foreach (int b in order)
        {
            Scan(function, function.Blocks[b], liveOut[b], pointsTo, first, pending);
            first += function.Blocks[b].Instructions.Count + 1;
        }
        var result = new (int Start, int End)[]?[slots];
        for (int s = 0; s < slots; s++)
            if (!escaped[s]) result[s] = Merge(pending[s]);
        return result;
    }

    /// <summary>Steps backward through a block from <paramref name="liveOut"/> and gives what is live on entry; with
    /// <paramref name="segments"/>, also records each slot's segments in the block (its first instruction numbered
    /// <paramref name="first"/>).</summary>
    static bool[] Scan(IrFunction function, Block block, bool[] liveOut, ulong[] pointsTo, int first, List<(int Start, int End)>[]? segments)
    {
        int slots = function.StackSlots.Count;
        var live = (bool[])liveOut.Clone();
        var covered = new bool[]?[slots];
        var open = new int[slots];
        int terminator = first + block.Instructions.Count;
        for (int s = 0; s < slots; s++) open[s] = live[s] ? 2 * terminator + 1 : -1;
        for (int k = block.Instructions.Count - 1; k >= 0; k--)
        {
            int n = first + k;
            var instruction = block.Instructions[k];
            if (instruction is StoreStack store)
            {
                int s = store.Slot, size = function.StackSlots[s].Size;
                var bytes = covered[s] ??= new bool[size];
                for (int x = store.Offset; x < Math.Min(size, store.Offset + store.Size); x++) bytes[x] = true;
                if (bytes.All(c => c))
                {
                    segments?[s].Add((2 * n + 1, open[s] >= 0 ? open[s] : 2 * n + 1));
                    open[s] = -1;
                    live[s] = false;
                    covered[s] = new bool[size];
                }
                else if (open[s] < 0)
                    segments?[s].Add((2 * n + 1, 2 * n + 1));
            }
            foreach (int s in Reads(instruction, pointsTo))
            {
                if (open[s] < 0) open[s] = 2 * n;
                live[s] = true;
                covered[s] = null;
            }
        }
        for (int s = 0; s < slots; s++)
            if (open[s] >= 0) segments?[s].Add((2 * first, open[s]));
        return live;
    }

    /// <summary>The slots an instruction may read (or write through a pointer, which counts as a read here).</summary>
    static IEnumerable<int> Reads(IrInstruction instruction, ulong[] pointsTo)
    {
        if (instruction is LoadStack load) yield return load.Slot;
        ulong through = instruction switch
        {
            Load l => pointsTo[l.Base.Id],
            Store s => pointsTo[s.Base.Id],
            Atomic a => pointsTo[a.Base.Id],
            CallHelper or CallFunction => IrOperands.Uses(instruction).Aggregate(0ul, (all, used) => all | pointsTo[used.Id]),
            _ => 0,
        };
        for (int s = 0; through != 0; s++, through >>= 1)
            if ((through & 1) != 0) yield return s;
    }

    /// <summary>Which slots' addresses may leave the function's sight, and which slots' addresses each register may hold.</summary>
    static (bool[] Escaped, ulong[] PointsTo) Escaped(IrFunction function)
    {
        int slots = function.StackSlots.Count;
        var pointsTo = new ulong[function.RegisterCount];
        var escaped = new bool[slots];
        bool addressTaken = function.Blocks.Any(b => b.Instructions.Any(i => i is StackAddress));
        if (!addressTaken) return (escaped, pointsTo);
        if (slots > 64)
        {
            // Beyond one mask word, keep it simple: any slot whose address is taken keeps its bytes.
            foreach (var address in function.Blocks.SelectMany(b => b.Instructions).OfType<StackAddress>()) escaped[address.Slot] = true;
            return (escaped, pointsTo);
        }
        var taken = new bool[slots];
        foreach (var address in function.Blocks.SelectMany(b => b.Instructions).OfType<StackAddress>()) taken[address.Slot] = true;
        var held = new ulong[slots];
        ulong escaping = 0;
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var block in function.Blocks)
            {
                foreach (var instruction in block.Instructions)
                {
                    ulong Of(Operand operand) => operand is VReg register ? pointsTo[register.Id] : 0;
                    ulong flowing = instruction switch
                    {
                        StackAddress a => 1ul << a.Slot,
                        Move or Binary or Unary or Extend or ByteSwap => IrOperands.Uses(instruction).Aggregate(0ul, (all, used) => all | pointsTo[used.Id]),
                        LoadStack l => held[l.Slot],
                        _ => 0,
                    };
                    if (IrOperands.Defined(instruction) is { } defined && (pointsTo[defined.Id] | flowing) != pointsTo[defined.Id])
                    {
                        pointsTo[defined.Id] |= flowing;
                        changed = true;
                    }
                    ulong stored = instruction switch
                    {
                        StoreStack s => Of(s.Value),
                        _ => 0,
                    };
                    if (instruction is StoreStack target && (held[target.Slot] | stored) != held[target.Slot])
                    {
                        held[target.Slot] |= stored;
                        changed = true;
                    }
                    ulong leaving = instruction switch
                    {
                        Store s => Of(s.Value),
                        // A slot reached through a pointer may be read by anything the pointer goes to.
                        StoreStack s when taken[s.Slot] => Of(s.Value),
                        Atomic a => Of(a.Value) | (a.Expected is { } expected ? Of(expected) : 0),
                        CallFunction c => c.Arguments.Aggregate(0ul, (all, argument) => all | Of(argument)),
                        _ => 0,
                    };
                    escaping |= leaving;
                }
                if (block.Terminator is Return { Value: VReg returned }) escaping |= pointsTo[returned.Id];
            }
        }
        for (int s = 0; s < slots; s++) escaped[s] = (escaping >> s & 1) != 0;
        return (escaped, pointsTo);
    }

    static (int Start, int End)[] Merge(List<(int Start, int End)> ranges)
    {
        ranges.Sort();
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End + 1)
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            else
                merged.Add(range);
        }
        return [.. merged];
    }

    /// <summary>Whether two sorted, disjoint segment lists share a position.</summary>
    public static bool Overlap((int Start, int End)[] a, (int Start, int End)[] b)
    {
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i].End < b[j].Start) i++;
            else if (b[j].End < a[i].Start) j++;
            else return true;
        }
        return false;
    }
}
