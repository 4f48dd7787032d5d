namespace Sharp.Bpf.Compiler.Tests.Programs.Logic;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>bool values and operators: &amp;, |, ^, ! and == on bools, short-circuit &amp;&amp; and || (whose right side
/// must not run — here it would divide by zero), and ?: chains.</summary>
[BpfObject(License = "GPL")]
public static partial class BooleanLogic
{
    /// <summary>Non-short-circuit operators on bools, each result one bit.</summary>
    [Xdp]
    public static XdpAction BoolOperators(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        bool x = p.A > 0;
        bool y = p.B < 0;
        int bits = (x & y ? 1 : 0) | (x | y ? 2 : 0) | (x ^ y ? 4 : 0) | (!x ? 8 : 0) | (x == y ? 16 : 0);
        return (XdpAction)bits;
    }

    /// <summary>&amp;&amp; guards a division; || skips it.</summary>
    [Xdp]
    public static XdpAction ShortCircuit(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        uint a = (uint)p.A, b = (uint)p.B;
        bool large = a != 0 && b / a > 2;
        bool small = a == 0 || b % a == 1;
        return (XdpAction)((large ? 1 : 0) + (small ? 2 : 0));
    }

    /// <summary>Nested ?: choosing between computed values.</summary>
    [Xdp]
    public static XdpAction Conditional(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int max = p.A > p.B ? p.A : p.B;
        int min = p.A < p.B ? p.A : p.B;
        int sign = p.A > 0 ? 1 : p.A < 0 ? -1 : 0;
        uint unsignedMax = (uint)p.A > (uint)p.B ? (uint)p.A : (uint)p.B;
        return (XdpAction)((max - min) ^ sign ^ (int)unsignedMax);
    }
}
