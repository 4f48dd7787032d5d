namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>32-bit arithmetic with C#'s wrap-around: int and uint sums, differences, products, negation and bitwise
/// operators; results written at offset 32 and folded into the return value.</summary>
[BpfObject(License = "GPL")]
public static partial class IntArithmetic
{
    /// <summary>a + b, a - b, a * b as int (wrapping), written at 32, 36, 40.</summary>
    [Xdp]
    public static XdpAction AddSubtractMultiply(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int sum = p.A + p.B;
        int difference = p.A - p.B;
        int product = p.A * p.B;
        packet.TryWrite(32, sum);
        packet.TryWrite(36, difference);
        packet.TryWrite(40, product);
        return (XdpAction)(sum ^ product);
    }

    /// <summary>-a (int.MinValue stays int.MinValue), ~a and a + 1 at the top of the range.</summary>
    [Xdp]
    public static XdpAction NegateComplement(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int negated = -p.A;
        int complement = ~p.B;
        int next = p.A + 1;
        return (XdpAction)(negated ^ (complement * 3) ^ (next << 1));
    }

    /// <summary>&amp;, |, ^ and their mixes with constants.</summary>
    [Xdp]
    public static XdpAction Bitwise(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int and = p.A & p.B;
        int or = p.A | p.B;
        int xor = p.A ^ p.B;
        return (XdpAction)((and & 0x0F0F0F0F) | (or & unchecked((int)0xF0F0F0F0)) ^ (xor & 0x00FF00FF));
    }

    /// <summary>uint sum, difference and product (wrapping) written at 32, 36, 40; the difference returned.</summary>
    [Xdp]
    public static XdpAction UnsignedAddSubtractMultiply(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        uint sum = p.A + p.B;
        uint difference = p.A - p.B;
        uint product = p.A * p.B;
        packet.TryWrite(32, sum);
        packet.TryWrite(36, difference);
        packet.TryWrite(40, product);
        return (XdpAction)difference;
    }
}
