namespace Sharp.Bpf.Compiler.Tests.Programs.Shifts;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Shifts with C# semantics: the count is masked to the width of the (promoted) left operand — 31 for int and
/// uint (and so for byte and short), 63 for long and ulong — so counts of 32, 64 or -1 are defined; &gt;&gt; is arithmetic
/// for signed types, logical for unsigned ones, and &gt;&gt;&gt; is always logical.</summary>
[BpfObject(License = "GPL")]
public static partial class Shifts
{
    /// <summary>int v &lt;&lt; c, v &gt;&gt; c and v &gt;&gt;&gt; c at 32, 36, 40.</summary>
    [Xdp]
    public static XdpAction ShiftInt(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ShiftOperands s)) return XdpAction.Aborted;
        int value = (int)s.Value;
        packet.TryWrite(32, value << s.Count);
        packet.TryWrite(36, value >> s.Count);
        packet.TryWrite(40, value >>> s.Count);
        return (XdpAction)(value >> s.Count);
    }

    /// <summary>uint v &lt;&lt; c and v &gt;&gt; c (logical).</summary>
    [Xdp]
    public static XdpAction ShiftUInt(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ShiftOperands s)) return XdpAction.Aborted;
        uint value = (uint)s.Value;
        packet.TryWrite(32, value << s.Count);
        return (XdpAction)(value >> s.Count);
    }

    /// <summary>long v &lt;&lt; c, v &gt;&gt; c and ulong v &gt;&gt; c at 32, 40, 48 (counts masked to 63).</summary>
    [Xdp]
    public static XdpAction ShiftLong(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ShiftOperands s)) return XdpAction.Aborted;
        packet.TryWrite(32, s.Value << s.Count);
        packet.TryWrite(40, s.Value >> s.Count);
        packet.TryWrite(48, (ulong)s.Value >> s.Count);
        return (XdpAction)(int)(s.Value >> (s.Count + 32));
    }

    /// <summary>byte and sbyte shifted: promoted to int first, so bits shifted out of 8 survive until a cast.</summary>
    [Xdp]
    public static XdpAction ShiftSmallTypes(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ShiftOperands s)) return XdpAction.Aborted;
        byte unsignedByte = (byte)s.Value;
        sbyte signedByte = (sbyte)(s.Value >> 8);
        short signedShort = (short)(s.Value >> 16);
        packet.TryWrite(32, unsignedByte << s.Count);
        packet.TryWrite(36, signedByte >> s.Count);
        packet.TryWrite(40, (byte)(unsignedByte << s.Count));
        packet.TryWrite(44, signedShort >> (s.Count & 7));
        return (XdpAction)(sbyte)(signedByte << (s.Count & 3));
    }

    /// <summary>Constant counts at or beyond the width: int &lt;&lt; 33 is &lt;&lt; 1, long &gt;&gt; 65 is &gt;&gt; 1, int &gt;&gt; 32 is the value.</summary>
    [Xdp]
    public static XdpAction ShiftByConstantsBeyondWidth(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ShiftOperands s)) return XdpAction.Aborted;
        int value = (int)s.Value;
        packet.TryWrite(32, value << 33);
        packet.TryWrite(36, value >> 32);
        packet.TryWrite(40, s.Value >> 65);
        packet.TryWrite(48, (ulong)s.Value << 64);
        return (XdpAction)(value >>> 31);
    }
}
