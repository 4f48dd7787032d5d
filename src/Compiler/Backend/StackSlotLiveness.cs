using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Optimization;

namespace Sharp.Bpf.Compiler.Backend;

/// <summary>Where the value of each stack slot whose address is never taken (spill slots, locals reached only by
/// <c>LoadStack</c>/<c>StoreStack</c>) is still needed, as sorted, disjoint segments of the positions <see cref="LiveIntervals"/>
/// uses: from a store that writes the whole slot to the last load that can see it. A store of part of the slot does not end
/// the slot's earlier life, so a slot written piecemeal is live back to the entry. Slots whose segments never overlap can share
/// their bytes. Address-taken slots get no segments (a pointer to them may be read anywhere).</summary>
internal static class StackSlotLiveness
{
    /// <summary>For each slot, its segments; null for an address-taken slot.</summary>
    public static (int Start, int End)[]?[] Compute(IrFunction function)
    {
        int slots = function.StackSlots.Count;
        var tracked = new bool[slots];
        Array.Fill(tracked, true);
        foreach (var block in function.Blocks)
            foreach (var instruction in block.Instructions)
                if (instruction is StackAddress address) tracked[address.Slot] = false;

        int blocks = function.Blocks.Count;
        var gen = new bool[blocks][];
        var kill = new bool[blocks][];
        var liveIn = new bool[blocks][];
        var liveOut = new bool[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            gen[b] = new bool[slots];
            kill[b] = new bool[slots];
            liveIn[b] = new bool[slots];
            liveOut[b] = new bool[slots];
            var instructions = function.Blocks[b].Instructions;
            for (int k = instructions.Count - 1; k >= 0; k--)
            {
                if (WritesWhole(function, instructions[k]) is { } written)
                {
                    kill[b][written] = true;
                    gen[b][written] = false;
                }
                if (instructions[k] is LoadStack load) gen[b][load.Slot] = true;
            }
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
                for (int s = 0; s < slots; s++)
                {
                    bool live = gen[b][s] || liveOut[b][s] && !kill[b][s];
                    if (live && !liveIn[b][s]) { liveIn[b][s] = true; changed = true; }
                }
            }
        }

        var pending = new List<(int Start, int End)>[slots];
        for (int s = 0; s < slots; s++) pending[s] = [];
        int first = 0;
        foreach (int b in order)
        {
            var instructions = function.Blocks[b].Instructions;
            int terminator = first + instructions.Count;
            var open = new Dictionary<int, int>();
            for (int s = 0; s < slots; s++)
                if (liveOut[b][s]) open[s] = 2 * terminator + 1;
            for (int k = instructions.Count - 1; k >= 0; k--)
            {
                int n = first + k;
                if (WritesWhole(function, instructions[k]) is { } written)
                    pending[written].Add((2 * n + 1, open.Remove(written, out int end) ? end : 2 * n + 1));
                else if (instructions[k] is StoreStack store)
                    pending[store.Slot].Add((2 * n + 1, 2 * n + 1));
                if (instructions[k] is LoadStack load) open.TryAdd(load.Slot, 2 * n);
            }
            foreach (var (slot, end) in open) pending[slot].Add((2 * first, end));
            first = terminator + 1;
        }
        var result = new (int Start, int End)[]?[slots];
        for (int s = 0; s < slots; s++)
            if (tracked[s]) result[s] = Merge(pending[s]);
        return result;
    }

    /// <summary>The slot a store writes entirely, if it does.</summary>
    static int? WritesWhole(IrFunction function, IrInstruction instruction) =>
        instruction is StoreStack { Offset: 0 } store && store.Size >= function.StackSlots[store.Slot].Size ? store.Slot : null;

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
