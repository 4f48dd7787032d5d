using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Optimization;

/// <summary>Which virtual registers are live on entry to and exit from each block (backward dataflow to a fixed point).</summary>
internal sealed class Liveness
{
    Liveness(bool[][] liveIn, bool[][] liveOut)
    {
        LiveIn = liveIn;
        LiveOut = liveOut;
    }

    /// <summary>Indexed by block, then register.</summary>
    public bool[][] LiveIn { get; }

    /// <summary>Indexed by block, then register.</summary>
    public bool[][] LiveOut { get; }

    public static Liveness Compute(IrFunction function)
    {
        int blocks = function.Blocks.Count, registers = function.RegisterCount;
        var uses = new bool[blocks][];
        var defs = new bool[blocks][];
        var liveIn = new bool[blocks][];
        var liveOut = new bool[blocks][];
        for (int b = 0; b < blocks; b++)
        {
            uses[b] = new bool[registers];
            defs[b] = new bool[registers];
            liveIn[b] = new bool[registers];
            liveOut[b] = new bool[registers];
            var block = function.Blocks[b];
            foreach (var instruction in block.Instructions)
            {
                foreach (var used in IrOperands.Uses(instruction))
                    if (!defs[b][used.Id]) uses[b][used.Id] = true;
                if (IrOperands.Defined(instruction) is { } defined) defs[b][defined.Id] = true;
            }
            foreach (var used in IrOperands.Uses(block.Terminator))
                if (!defs[b][used.Id]) uses[b][used.Id] = true;
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
                    for (int r = 0; r < registers; r++)
                        if (successorIn[r] && !outSet[r]) { outSet[r] = true; changed = true; }
                }
                var inSet = liveIn[b];
                for (int r = 0; r < registers; r++)
                {
                    bool live = uses[b][r] || outSet[r] && !defs[b][r];
                    if (live && !inSet[r]) { inSet[r] = true; changed = true; }
                }
            }
        }
        return new Liveness(liveIn, liveOut);
    }
}
