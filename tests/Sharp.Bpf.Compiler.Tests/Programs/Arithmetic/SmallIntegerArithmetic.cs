namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>byte, sbyte, short and ushort arithmetic: C# promotes operands to int, so a sum exceeds the type until it is
/// cast back, where it wraps; compound assignments wrap implicitly.</summary>
[BpfObject(License = "GPL")]
public static partial class SmallIntegerArithmetic
{
    /// <summary>byte a + b promoted (up to 510) and wrapped, a * b wrapped, written at 32 and 33.</summary>
    [Xdp]
    public static XdpAction ByteWrapAround(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out BytePair p)) return XdpAction.Aborted;
        int promoted = p.A + p.B;
        byte wrapped = (byte)(p.A + p.B);
        byte product = (byte)(p.A * p.B);
        packet.TryWrite(32, wrapped);
        packet.TryWrite(33, product);
        return (XdpAction)(promoted << 8 | wrapped);
    }

    /// <summary>sbyte a * b promoted (sign-extended operands), a - b wrapped back to sbyte and widened again.</summary>
    [Xdp]
    public static XdpAction SByteWrapAround(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out SBytePair p)) return XdpAction.Aborted;
        int product = p.A * p.B;
        sbyte difference = (sbyte)(p.A - p.B);
        int widened = difference;
        return (XdpAction)(product ^ (widened << 16));
    }

    /// <summary>short a * b wrapped to short, then sign-extended; a - b promoted.</summary>
    [Xdp]
    public static XdpAction ShortWrapAround(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out ShortPair p)) return XdpAction.Aborted;
        short product = (short)(p.A * p.B);
        int difference = p.A - p.B;
        return (XdpAction)(product + (difference << 16));
    }

    /// <summary>ushort a - b promoted (negative when b &gt; a) and wrapped (zero-extended).</summary>
    [Xdp]
    public static XdpAction UShortWrapAround(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out UShortPair p)) return XdpAction.Aborted;
        int promoted = p.A - p.B;
        ushort wrapped = (ushort)(p.A - p.B);
        packet.TryWrite(32, wrapped);
        packet.TryWrite(36, promoted);
        return (XdpAction)(promoted < 0 ? -1 : wrapped);
    }

    /// <summary>Compound assignments and ++/-- on a byte wrap without a cast.</summary>
    [Xdp]
    public static XdpAction CompoundAssignments(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out BytePair p)) return XdpAction.Aborted;
        byte x = p.A;
        x += p.B;
        x <<= 1;
        x -= 3;
        x++;
        sbyte y = (sbyte)p.B;
        y--;
        y *= 3;
        return (XdpAction)(x | (y << 8));
    }
}
