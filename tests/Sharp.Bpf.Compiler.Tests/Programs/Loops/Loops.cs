namespace Sharp.Bpf.Compiler.Tests.Programs.Loops;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Loops with bounds the verifier can see: for, while and do with constant trip counts (or a constant cap),
/// break and continue, nested loops.</summary>
[BpfObject(License = "GPL")]
public static partial class Loops
{
    /// <summary>for over 32 bits: a population count.</summary>
    [Xdp]
    public static XdpAction ForPopCount(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        int count = 0;
        for (int i = 0; i < 32; i++)
            if (((p.A >> i) & 1) != 0) count++;
        return (XdpAction)count;
    }

    /// <summary>while with a constant cap: Euclid's gcd (at most 47 steps for 32-bit operands).</summary>
    [Xdp]
    public static XdpAction WhileGcd(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        uint a = p.A, b = p.B;
        int steps = 0;
        while (b != 0 && steps < 64)
        {
            uint t = a % b;
            a = b;
            b = t;
            steps++;
        }
        return (XdpAction)(a ^ (uint)(steps << 24));
    }

    /// <summary>do/while with a constant cap: decimal digits of a uint.</summary>
    [Xdp]
    public static XdpAction DoWhileDigits(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out UIntPair p)) return XdpAction.Aborted;
        uint value = p.A;
        int digits = 0;
        do
        {
            digits++;
            value /= 10;
        }
        while (value != 0 && digits < 10);
        return (XdpAction)digits;
    }

    /// <summary>continue skips set bits, break stops at a bit chosen by the input.</summary>
    [Xdp]
    public static XdpAction BreakContinue(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out ULongPair p)) return XdpAction.Aborted;
        int stop = (int)(p.B & 63);
        int sum = 0;
        for (int i = 0; i < 64; i++)
        {
            if (((p.A >> i) & 1) != 0) continue;
            if (i > stop) break;
            sum += i;
        }
        return (XdpAction)sum;
    }

    /// <summary>Nested for loops over the bytes of a ulong.</summary>
    [Xdp]
    public static XdpAction NestedLoops(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out ULongPair p)) return XdpAction.Aborted;
        uint hash = 2166136261;
        for (int i = 0; i < 8; i++)
        {
            byte b = (byte)(p.A >> (i * 8));
            for (int j = 0; j < 2; j++)
                hash = (hash ^ (uint)(b >> (j * 4))) * 16777619;
        }
        return (XdpAction)hash;
    }
}
