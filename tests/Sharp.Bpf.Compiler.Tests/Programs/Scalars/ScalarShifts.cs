namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Shifts with C# semantics: the count is masked to the width of the (promoted) left operand — 31 for int and
/// uint (and so for byte and short), 63 for long and ulong — so counts of 32, 64 or -1 are defined; &gt;&gt; is arithmetic
/// for signed types, logical for unsigned ones, and &gt;&gt;&gt; is always logical.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarShifts
{
    static int Fold(long value) => (int)value ^ (int)(value >> 32);

    /// <summary>int v &lt;&lt; c, v &gt;&gt; c and v &gt;&gt;&gt; c.</summary>
    [Tc]
    public static TcAction ShiftInt(SkBuff skb)
    {
        int value = (int)skb.Mark;
        int count = (int)skb.Priority;
        return (TcAction)((value << count) ^ (value >> count) * 3 ^ (value >>> count) * 5);
    }

    /// <summary>uint v &lt;&lt; c and v &gt;&gt; c (logical).</summary>
    [Tc]
    public static TcAction ShiftUInt(SkBuff skb)
    {
        uint value = skb.Mark;
        int count = (int)skb.Priority;
        return (TcAction)((int)((value << count) ^ (value >> count) * 3));
    }

    /// <summary>long v &lt;&lt; c, v &gt;&gt; c and ulong v &gt;&gt; c (counts masked to 63).</summary>
    [Tc]
    public static TcAction ShiftLong(SkBuff skb)
    {
        long value = (long)skb.Timestamp;
        int count = (int)skb.Priority;
        return (TcAction)(Fold(value << count) ^ Fold(value >> count) * 3 ^ Fold((long)((ulong)value >> count)) * 5);
    }

    /// <summary>byte, sbyte and short shifted: promoted to int first, so bits shifted out of 8 survive until a cast.</summary>
    [Tc]
    public static TcAction ShiftSmallTypes(SkBuff skb)
    {
        byte unsignedByte = (byte)skb.Mark;
        sbyte signedByte = (sbyte)(skb.Mark >> 8);
        short signedShort = (short)(skb.Mark >> 16);
        int count = (int)skb.Priority;
        return (TcAction)((unsignedByte << count) ^ (signedByte >> count) * 3 ^ (byte)(unsignedByte << count) * 5
            ^ (signedShort >> (count & 7)) * 7 ^ (sbyte)(signedByte << (count & 3)) * 11);
    }

    /// <summary>Constant counts at or beyond the width: int &lt;&lt; 33 is &lt;&lt; 1, int &gt;&gt; 32 is the value, long &gt;&gt; 65
    /// is &gt;&gt; 1, ulong &lt;&lt; 64 is the value.</summary>
    [Tc]
    public static TcAction ShiftByConstantsBeyondWidth(SkBuff skb)
    {
        int value = (int)skb.Mark;
        long wide = (long)skb.Timestamp;
        return (TcAction)((value << 33) ^ (value >> 32) * 3 ^ Fold(wide >> 65) * 5 ^ Fold((long)(skb.Timestamp << 64)) * 7 ^ (value >>> 31));
    }
}
