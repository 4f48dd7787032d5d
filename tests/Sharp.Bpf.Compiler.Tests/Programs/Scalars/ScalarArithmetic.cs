namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Integer arithmetic with C#'s wrap-around on operands from the socket buffer (<c>mark</c>, <c>priority</c>,
/// <c>tstamp</c>): int, uint, long and ulong sums, differences, products, negation and bitwise operators. 64-bit results
/// are folded into the 32-bit return value.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarArithmetic
{
    static int Fold(long value) => (int)value ^ (int)(value >> 32);

    /// <summary>int a + b, a - b, a * b (wrapping).</summary>
    [Tc]
    public static TcAction AddSubtractMultiplyInt(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int sum = a + b;
        int difference = a - b;
        int product = a * b;
        return (TcAction)(sum ^ (difference << 7) ^ (product * 31));
    }

    /// <summary>uint a + b, a - b, a * b (wrapping) and the carry of the sum.</summary>
    [Tc]
    public static TcAction AddSubtractMultiplyUInt(SkBuff skb)
    {
        uint a = skb.Mark;
        uint b = skb.Priority;
        uint sum = a + b;
        uint carry = sum < a ? 1u : 0u;
        return (TcAction)((int)(sum ^ (a - b) * 17 ^ (a * b) ^ carry << 31));
    }

    /// <summary>-a (int.MinValue stays int.MinValue), ~b, a + 1 at the top of the range, &amp; | ^.</summary>
    [Tc]
    public static TcAction NegateComplementBitwise(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int negated = -a;
        int complement = ~b;
        int next = a + 1;
        return (TcAction)(negated ^ (complement * 3) ^ (next << 1) ^ ((a & b) | (a ^ b) << 2));
    }

    /// <summary>long w + a, w * b, w - a*b (the int product wraps before widening).</summary>
    [Tc]
    public static TcAction LongArithmetic(SkBuff skb)
    {
        long w = (long)skb.Timestamp;
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        long sum = w + a;
        long product = w * b;
        long difference = w - a * b;
        return (TcAction)(Fold(sum) ^ Fold(product) * 3 ^ Fold(difference) * 5);
    }

    /// <summary>ulong w * b, ~w + a, (w + w) &gt;&gt; 33.</summary>
    [Tc]
    public static TcAction ULongArithmetic(SkBuff skb)
    {
        ulong w = skb.Timestamp;
        ulong product = w * skb.Priority;
        ulong mixed = ~w + skb.Mark;
        return (TcAction)(Fold((long)product) ^ Fold((long)mixed) ^ (int)((w + w) >> 33));
    }

    /// <summary>int * int overflows before widening; (long)int * int does not.</summary>
    [Tc]
    public static TcAction WidenBeforeOrAfter(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        long narrow = a * b;
        long wide = (long)a * b;
        return (TcAction)((narrow == wide ? 1 : 0) | Fold(wide) << 1);
    }
}
