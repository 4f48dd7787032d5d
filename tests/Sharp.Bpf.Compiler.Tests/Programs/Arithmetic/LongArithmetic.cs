namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>64-bit arithmetic: long and ulong results written to the packet (the return value holds only 32 bits), and
/// the difference between an int product widened and a product of widened ints.</summary>
[BpfObject(License = "GPL")]
public static partial class LongArithmetic
{
    /// <summary>long a + b, a * b, a - b written at 32, 40, 48; the product's high half returned.</summary>
    [Xdp]
    public static XdpAction LongAddMultiply(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        long sum = p.A + p.B;
        long product = p.A * p.B;
        long difference = p.A - p.B;
        packet.TryWrite(32, sum);
        packet.TryWrite(40, product);
        packet.TryWrite(48, difference);
        return (XdpAction)(int)(product >> 32);
    }

    /// <summary>ulong a * b and ~a + b written at 32 and 40; the top bits of the sum returned.</summary>
    [Xdp]
    public static XdpAction ULongMultiply(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ULongPair p)) return XdpAction.Aborted;
        ulong product = p.A * p.B;
        ulong mixed = ~p.A + p.B;
        packet.TryWrite(32, product);
        packet.TryWrite(40, mixed);
        return (XdpAction)(uint)((p.A + p.B) >> 33);
    }

    /// <summary>int * int overflows before widening; (long)int * int does not.</summary>
    [Xdp]
    public static XdpAction WidenBeforeOrAfter(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        long narrow = p.A * p.B;
        long wide = (long)p.A * p.B;
        packet.TryWrite(32, narrow);
        packet.TryWrite(40, wide);
        return (XdpAction)(narrow == wide ? 1 : 0);
    }
}
