namespace Sharp.Bpf.Compiler.Tests.Programs.Comparisons;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Comparisons signed and unsigned, at every width: each result is one bit of the return value.</summary>
[BpfObject(License = "GPL")]
public static partial class Comparisons
{
    /// <summary>int &lt;, &lt;=, &gt;, &gt;=, ==, != and the same four orderings on the operands as uint.</summary>
    [Xdp]
    public static XdpAction SignedVersusUnsignedInt(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int bits = 0;
        if (p.A < p.B) bits |= 1;
        if (p.A <= p.B) bits |= 2;
        if (p.A > p.B) bits |= 4;
        if (p.A >= p.B) bits |= 8;
        if (p.A == p.B) bits |= 16;
        if (p.A != p.B) bits |= 32;
        if ((uint)p.A < (uint)p.B) bits |= 64;
        if ((uint)p.A <= (uint)p.B) bits |= 128;
        if ((uint)p.A > (uint)p.B) bits |= 256;
        if ((uint)p.A >= (uint)p.B) bits |= 512;
        return (XdpAction)bits;
    }

    /// <summary>long and ulong orderings.</summary>
    [Xdp]
    public static XdpAction SignedVersusUnsignedLong(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        int bits = 0;
        if (p.A < p.B) bits |= 1;
        if (p.A >= p.B) bits |= 2;
        if ((ulong)p.A < (ulong)p.B) bits |= 4;
        if ((ulong)p.A >= (ulong)p.B) bits |= 8;
        if (p.A == p.B) bits |= 16;
        if ((int)p.A < (int)p.B) bits |= 32;
        return (XdpAction)bits;
    }

    /// <summary>Mixed types: sbyte vs byte and short vs ushort compare as ints, int vs uint as longs.</summary>
    [Xdp]
    public static XdpAction MixedWidthComparisons(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        int bits = 0;
        if (m.S8 < m.U8) bits |= 1;
        if (m.S16 > m.U16) bits |= 2;
        if (m.S32 < m.U32) bits |= 4;
        if ((uint)m.S32 < m.U32) bits |= 8;
        if (m.S64 < (long)m.U64) bits |= 16;
        if (m.U64 > (ulong)m.S64) bits |= 32;
        if (m.S8 == -1) bits |= 64;
        if (m.U8 == 255) bits |= 128;
        return (XdpAction)bits;
    }

    /// <summary>A comparison's bool used as a value: counted, and compared with another bool.</summary>
    [Xdp]
    public static XdpAction ComparisonsAsValues(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        bool less = p.A < p.B;
        bool unsignedLess = (uint)p.A < (uint)p.B;
        int count = (less ? 1 : 0) + (unsignedLess ? 1 : 0) + (p.A < 0 ? 1 : 0);
        return (XdpAction)(count * 10 + (less == unsignedLess ? 1 : 0));
    }
}
