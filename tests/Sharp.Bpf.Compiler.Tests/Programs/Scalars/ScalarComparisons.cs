namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Comparisons signed and unsigned, at every width: each result is one bit of the return value.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarComparisons
{
    /// <summary>int &lt;, &lt;=, &gt;, &gt;=, ==, != and the same four orderings on the operands as uint.</summary>
    [Tc]
    public static TcAction SignedVersusUnsignedInt(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        int bits = 0;
        if (a < b) bits |= 1;
        if (a <= b) bits |= 2;
        if (a > b) bits |= 4;
        if (a >= b) bits |= 8;
        if (a == b) bits |= 16;
        if (a != b) bits |= 32;
        if ((uint)a < (uint)b) bits |= 64;
        if ((uint)a <= (uint)b) bits |= 128;
        if ((uint)a > (uint)b) bits |= 256;
        if ((uint)a >= (uint)b) bits |= 512;
        return (TcAction)bits;
    }

    /// <summary>long and ulong orderings (the int operand sign-extended), and a truncated comparison.</summary>
    [Tc]
    public static TcAction SignedVersusUnsignedLong(SkBuff skb)
    {
        long a = (long)skb.Timestamp;
        long b = (int)skb.Priority;
        int bits = 0;
        if (a < b) bits |= 1;
        if (a >= b) bits |= 2;
        if ((ulong)a < (ulong)b) bits |= 4;
        if ((ulong)a >= (ulong)b) bits |= 8;
        if (a == b) bits |= 16;
        if ((int)a < (int)b) bits |= 32;
        return (TcAction)bits;
    }

    /// <summary>Mixed types: sbyte vs byte and short vs ushort compare as ints, int vs uint as longs.</summary>
    [Tc]
    public static TcAction MixedWidthComparisons(SkBuff skb)
    {
        sbyte s8 = (sbyte)skb.Mark;
        byte u8 = (byte)skb.Priority;
        short s16 = (short)skb.Mark;
        ushort u16 = (ushort)skb.Priority;
        int s32 = (int)skb.Mark;
        uint u32 = skb.Priority;
        int bits = 0;
        if (s8 < u8) bits |= 1;
        if (s16 > u16) bits |= 2;
        if (s32 < u32) bits |= 4;
        if ((uint)s32 < u32) bits |= 8;
        if (s8 == -1) bits |= 16;
        if (u8 == 255) bits |= 32;
        return (TcAction)bits;
    }

    /// <summary>A comparison's bool used as a value: counted, and compared with another bool.</summary>
    [Tc]
    public static TcAction ComparisonsAsValues(SkBuff skb)
    {
        int a = (int)skb.Mark;
        int b = (int)skb.Priority;
        bool less = a < b;
        bool unsignedLess = (uint)a < (uint)b;
        int count = (less ? 1 : 0) + (unsignedLess ? 1 : 0) + (a < 0 ? 1 : 0);
        return (TcAction)(count * 10 + (less == unsignedLess ? 1 : 0));
    }
}
