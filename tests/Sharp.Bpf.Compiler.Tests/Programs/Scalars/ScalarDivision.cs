namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Division and remainder with C# semantics: truncation toward zero, the remainder's sign from the dividend,
/// unsigned forms, constant divisors, and the two inputs C# throws on — a zero divisor and MinValue / -1 — guarded as C#
/// code must.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarDivision
{
    const int Refused = 0x7E57;

    static int Fold(long value) => (int)value ^ (int)(value >> 32);

    /// <summary>int a / b and a % b; b == 0 refused, b == -1 negates (a / -1 overflows for int.MinValue).</summary>
    [Tc]
    public static TcAction DivideInt(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        if (b == 0) return (TcAction)Refused;
        if (b == -1) return (TcAction)(-a);
        int quotient = a / b;
        int remainder = a % b;
        return (TcAction)(quotient ^ (remainder << 16));
    }

    /// <summary>int a / b for positive b only.</summary>
    [Tc]
    public static TcAction DividePositiveInt(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        if (b <= 0) return (TcAction)Refused;
        return (TcAction)(a / b + a % b);
    }

    /// <summary>uint a / b and a % b, unless b is 0.</summary>
    [Tc]
    public static TcAction DivideUInt(SkBuff skb)
    {
        uint a = skb.Mark;
        uint b = skb.Priority;
        if (b == 0) return (TcAction)Refused;
        return (TcAction)((int)(a / b ^ (a % b) << 8));
    }

    /// <summary>long w / b and w % b (b sign-extended from int); b == 0 refused, b == -1 negates.</summary>
    [Tc]
    public static TcAction DivideLong(SkBuff skb)
    {
        long w = (long)skb.Timestamp;
        long b = (int)skb.Priority;
        if (b == 0) return (TcAction)Refused;
        if (b == -1) return (TcAction)(Fold(-w));
        return (TcAction)(Fold(w / b) ^ Fold(w % b) * 7);
    }

    /// <summary>ulong w / b and w % b (b zero-extended), unless b is 0.</summary>
    [Tc]
    public static TcAction DivideULong(SkBuff skb)
    {
        ulong w = skb.Timestamp;
        ulong b = skb.Priority;
        if (b == 0) return (TcAction)Refused;
        return (TcAction)(Fold((long)(w / b)) ^ Fold((long)(w % b)) * 7);
    }

    /// <summary>Constant divisors, which need no guard: a / 7, a % 7, a / -3, a / 16 and a % 16 (signed, so not a plain
    /// shift), (uint)a / 10, w / 1000.</summary>
    [Tc]
    public static TcAction DivideByConstants(SkBuff skb)
    {
        int a = (int)skb.Mark;
        long w = (long)skb.Timestamp;
        return (TcAction)((a / 7) ^ (a % 7) << 28 ^ (a / -3) * 3 ^ (a / 16) * 5 ^ (a % 16) << 24 ^ (int)((uint)a / 10) * 9 ^ Fold(w / 1000));
    }

    /// <summary>sbyte.MinValue / -1 is 128, not an overflow: sbyte operands are promoted to int first.</summary>
    [Tc]
    public static TcAction DivideSmallTypes(SkBuff skb)
    {
        sbyte a = (sbyte)skb.Mark;
        sbyte b = (sbyte)skb.Priority;
        if (b == 0) return (TcAction)Refused;
        int quotient = a / b;
        sbyte truncated = (sbyte)(a / b);
        int remainder = a % b;
        return (TcAction)((quotient & 0xFFFF) | (truncated << 16) ^ (remainder << 24));
    }
}
