namespace Sharp.Bpf.Compiler.Tests.Programs.Loops;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Loops the verifier need not bound: <c>Bpf.Loop</c> (bpf_loop) with a static method body compiled as a
/// subprogram that reads and writes a struct on the caller's stack, running to the end or stopping early.</summary>
[BpfObject(License = "GPL")]
public static partial class HelperLoops
{
    /// <summary>Bpf.Loop runs every iteration: the sum of index × step over A mod 1000 iterations, and the count it returns.</summary>
    [Xdp]
    public static XdpAction SumOfIndices(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        var sum = new Sum { Step = p.B };
        long runs = Bpf.Loop(p.A % 1000, AddIndex, ref sum);
        return (XdpAction)(uint)(sum.Total ^ (ulong)runs << 20);
    }

    /// <summary>A body that stops the loop: the first index whose square exceeds B (within A mod 4096 iterations).</summary>
    [Xdp]
    public static XdpAction FirstSquareAbove(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        var search = new Search { Limit = p.B & 0xFFFFFF, Found = uint.MaxValue };
        long runs = Bpf.Loop(p.A % 4096, StopAtSquareAbove, ref search);
        return (XdpAction)(search.Found ^ (uint)runs << 16);
    }

    static long AddIndex(uint index, ref Sum sum)
    {
        sum.Total += (ulong)index * sum.Step;
        return 0;
    }

    static long StopAtSquareAbove(uint index, ref Search search)
    {
        if ((ulong)index * index <= search.Limit) return 0;
        search.Found = index;
        return 1;
    }

    /// <summary>What <see cref="AddIndex"/> accumulates into.</summary>
    struct Sum
    {
        public ulong Total;
        public uint Step;
    }

    /// <summary>What <see cref="StopAtSquareAbove"/> searches with.</summary>
    struct Search
    {
        public uint Limit;
        public uint Found;
    }
}
