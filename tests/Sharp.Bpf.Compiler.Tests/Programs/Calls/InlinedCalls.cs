namespace Sharp.Bpf.Compiler.Tests.Programs.Calls;

using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>Calls to static methods of the class: value, out and in parameters (ref parameters: see ScalarRefCalls), nested calls and a struct result.</summary>
[BpfObject(License = "GPL")]
public static partial class InlinedCalls
{
    static int Clamp(int value, int low, int high) => value < low ? low : value > high ? high : value;

    static bool TryHalve(int value, out int half)
    {
        if ((value & 1) != 0)
        {
            half = 0;
            return false;
        }
        half = value / 2;
        return true;
    }

    static long Dot(in LongPair a, in LongPair b) => a.A * b.A + a.B * b.B;

    static int Square(int x) => x * x;

    static int Twice(int x) => x + x;

    static IntPair Halves(int value) => new IntPair { A = value >> 16, B = value & 0xFFFF };

    /// <summary>Value parameters: Clamp(a, -100, b) when b ≥ -100.</summary>
    [Xdp]
    public static XdpAction ValueParameters(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        return (XdpAction)(p.B < -100 ? 0 : Clamp(p.A, -100, p.B));
    }

    /// <summary>An out parameter assigned on both paths.</summary>
    [Xdp]
    public static XdpAction OutParameters(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        return TryHalve(p.A, out int half) ? (XdpAction)half : (XdpAction)(-1);
    }

    /// <summary>in parameters of struct type.</summary>
    [Xdp]
    public static XdpAction InParameters(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out LongPair p)) return XdpAction.Aborted;
        var q = new LongPair { A = p.B, B = 3 };
        long dot = Dot(in p, in q);
        packet.TryWrite(32, dot);
        return (XdpAction)(int)dot;
    }

    /// <summary>Nested calls and a struct returned by value.</summary>
    [Xdp]
    public static XdpAction NestedCallsAndStructResult(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out IntPair p)) return XdpAction.Aborted;
        var halves = Halves(Twice(Square(p.A)));
        return (XdpAction)(halves.A ^ Twice(halves.B));
    }
}
