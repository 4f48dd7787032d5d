using System.Numerics;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Which virtual registers are live on entry to and exit from each block (backward dataflow to a fixed point), as bit
/// sets of 64 registers a word, for dead-code elimination and register allocation: set operations go a word at a time and
/// the live-out registers are listed without visiting every register, since a large function has thousands of registers
/// and hundreds of blocks.</summary>
internal sealed class RegisterLiveness
{
    readonly ulong[][] liveIn;
    readonly ulong[][] liveOut;

    RegisterLiveness(ulong[][] liveIn, ulong[][] liveOut)
    {
        this.liveIn = liveIn;
        this.liveOut = liveOut;
    }

    public bool IsLiveIn(int block, int register) => (liveIn[block][register >> 6] >> (register & 63) & 1) != 0;

    /// <summary>The registers live on exit from <paramref name="block"/>, in increasing order.</summary>
    public IEnumerable<int> LiveOut(int block)
    {
        var words = liveOut[block];
        for (int w = 0; w < words.Length; w++)
            for (ulong bits = words[w]; bits != 0; bits &= bits - 1)
                yield return w * 64 + BitOperations.TrailingZeroCount(bits);
    }

    public static RegisterLiveness Compute(IrFunction function)
    {
        int blocks = function.Blocks.Count, words = (function.RegisterCount + 63) / 64;
        var uses = new ulong[blocks][];
        var defs = new ulong[blocks][];
        var liveIn = new ulong[blocks][];
        var liveOut = new ulong[blocks][];
        static void Set(ulong[] set, int register) => set[register >> 6] |= 1ul << (register & 63);
        static bool Has(ulong[] set, int register) => (set[register >> 6] >> (register & 63) & 1) != 0;
        for (int b = 0; b < blocks; b++)
        {
            uses[b] = new ulong[words];
            defs[b] = new ulong[words];
            liveIn[b] = new ulong[words];
            liveOut[b] = new ulong[words];
            var block = function.Blocks[b];
            foreach (var instruction in block.Instructions)
            {
                foreach (var used in IrOperands.Uses(instruction))
                    if (!Has(defs[b], used.Id)) Set(uses[b], used.Id);
                if (IrOperands.Defined(instruction) is { } defined) Set(defs[b], defined.Id);
            }
            foreach (var used in IrOperands.Uses(block.Terminator))
                if (!Has(defs[b], used.Id)) Set(uses[b], used.Id);
        }
        var order = ControlFlow.ReversePostorder(function);
        order.Reverse();
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (int b in order)
            {
                var outSet = liveOut[b];
                foreach (int successor in IrOperands.Successors(function.Blocks[b].Terminator))
                {
                    var successorIn = liveIn[successor];
                    for (int w = 0; w < words; w++)
                        if ((successorIn[w] & ~outSet[w]) != 0) { outSet[w] |= successorIn[w]; changed = true; }
                }
                var inSet = liveIn[b];
                for (int w = 0; w < words; w++)
                {
                    ulong live = uses[b][w] | outSet[w] & ~defs[b][w];
                    if ((live & ~inSet[w]) != 0) { inSet[w] |= live; changed = true; }
                }
            }
        }
        return new RegisterLiveness(liveIn, liveOut);
    }
}
