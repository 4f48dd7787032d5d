namespace Sharp.Bpf.Compiler.Tests.Programs.Conversions;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Integer conversions: sign extension from signed types, zero extension from unsigned ones, truncation, and C#'s
/// promotions of mixed-sign operands (int + uint is long).</summary>
[BpfObject(License = "GPL")]
public static partial class Conversions
{
    /// <summary>(long)sbyte, (long)short, (long)int at 32, 40, 48.</summary>
    [Xdp]
    public static XdpAction SignExtension(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        packet.TryWrite(32, (long)m.S8);
        packet.TryWrite(40, (long)m.S16);
        packet.TryWrite(48, (long)m.S32);
        return (XdpAction)(m.S8 + m.S16);
    }

    /// <summary>(long)byte, (long)ushort, (long)uint and (ulong)(uint)int at 32, 40, 48, 56.</summary>
    [Xdp]
    public static XdpAction ZeroExtension(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        packet.TryWrite(32, (long)m.U8);
        packet.TryWrite(40, (long)m.U16);
        packet.TryWrite(48, (long)m.U32);
        packet.TryWrite(56, (ulong)(uint)m.S32);
        return (XdpAction)(m.U8 + m.U16);
    }

    /// <summary>(sbyte)long, (short)ulong, (int)long and (byte)int, each truncated then widened back to int.</summary>
    [Xdp]
    public static XdpAction Truncation(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        int a = (sbyte)m.S64;
        int b = (short)m.U64;
        int c = (int)m.S64;
        int d = (byte)m.S32;
        return (XdpAction)(a ^ (b << 3) ^ c ^ (d << 20));
    }

    /// <summary>int + uint and int * uint are long; byte * sbyte is int; long + uint is long; (ulong)int sign-extends.</summary>
    [Xdp]
    public static XdpAction MixedSignPromotion(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        packet.TryWrite(32, m.S32 + m.U32);
        packet.TryWrite(40, m.S64 + m.U32);
        packet.TryWrite(48, (ulong)m.S32);
        packet.TryWrite(56, m.S32 * m.U32);
        return (XdpAction)(m.U8 * m.S8);
    }

    /// <summary>Narrowing through a chain: long → ushort → short → int.</summary>
    [Xdp]
    public static XdpAction ConversionChain(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        ushort u = (ushort)m.S64;
        short s = (short)u;
        int i = s;
        uint back = (uint)i;
        return (XdpAction)(back ^ (uint)(byte)(sbyte)m.U16);
    }
}
