namespace Sharp.Bpf.Compiler.Tests.Programs.Division;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Division and remainder with C# semantics: truncation toward zero, the remainder's sign from the dividend,
/// unsigned forms, and the two inputs C# throws on — a zero divisor and MinValue / -1 — guarded as C# code must.</summary>
[BpfObject(License = "GPL")]
public static partial class IntegerDivision
{
    const int Refused = 0x7E57;

    /// <summary>int a / b and a % b at 32 and 36, b == 0 refused, b == -1 negates (MinValue / -1 overflows in C#).</summary>
    [Xdp]
    public static XdpAction DivideInt(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        int a = p.A, b = p.B;
        if (b == 0) return (XdpAction)Refused;
        if (b == -1) return (XdpAction)(-a);
        int quotient = a / b;
        int remainder = a % b;
        packet.TryWrite(32, quotient);
        packet.TryWrite(36, remainder);
        return (XdpAction)quotient;
    }

    /// <summary>uint a / b and a % b, unless b is 0.</summary>
    [Xdp]
    public static XdpAction DivideUInt(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        uint a = p.A, b = p.B;
        if (b == 0) return (XdpAction)Refused;
        packet.TryWrite(36, a % b);
        return (XdpAction)(a / b);
    }

    /// <summary>long a / b and a % b at 32 and 40, b == 0 refused, b == -1 negates (MinValue / -1 overflows in C#).</summary>
    [Xdp]
    public static XdpAction DivideLong(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        long a = p.A, b = p.B;
        if (b == 0) return (XdpAction)Refused;
        if (b == -1) return (XdpAction)(int)(-a);
        packet.TryWrite(32, a / b);
        packet.TryWrite(40, a % b);
        return XdpAction.Pass;
    }

    /// <summary>ulong a / b and a % b at 32 and 40, unless b is 0.</summary>
    [Xdp]
    public static XdpAction DivideULong(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out ULongPair p)) return XdpAction.Aborted;
        ulong a = p.A, b = p.B;
        if (b == 0) return (XdpAction)Refused;
        packet.TryWrite(32, a / b);
        packet.TryWrite(40, a % b);
        return XdpAction.Pass;
    }

    /// <summary>Constant divisors, which need no guard: a / 7, a % 7, a / -3, a / 16 and a % 16 (signed, so not a plain
    /// shift), (uint)a / 10.</summary>
    [Xdp]
    public static XdpAction DivideByConstants(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        packet.TryWrite(32, p.A / 7);
        packet.TryWrite(36, p.A % 7);
        packet.TryWrite(40, p.A / -3);
        packet.TryWrite(44, p.A / 16);
        packet.TryWrite(48, p.A % 16);
        packet.TryWrite(52, (uint)p.A / 10);
        return (XdpAction)(p.B % -5);
    }

    /// <summary>sbyte.MinValue / -1 is 128, not an overflow: sbyte operands are promoted to int first.</summary>
    [Xdp]
    public static XdpAction DivideSmallTypes(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out SBytePair p)) return XdpAction.Aborted;
        sbyte a = p.A, b = p.B;
        if (b == 0) return (XdpAction)Refused;
        int quotient = a / b;
        sbyte truncated = (sbyte)(a / b);
        int remainder = a % b;
        return (XdpAction)((quotient & 0xFFFF) | (truncated << 16) ^ (remainder << 24));
    }
}
