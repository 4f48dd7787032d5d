namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>byte, sbyte, short and ushort arithmetic: C# promotes operands to int, so a sum exceeds the type until it is
/// cast back, where it wraps; compound assignments and ++/-- wrap implicitly.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarSmallIntegers
{
    /// <summary>byte a + b promoted (up to 510) and wrapped, a * b wrapped.</summary>
    [Tc]
    public static TcAction ByteWrapAround(SkBuff skb)
    {
        byte a = (byte)skb.Mark;
        byte b = (byte)skb.Priority;
        int promoted = a + b;
        byte wrapped = (byte)(a + b);
        byte product = (byte)(a * b);
        return (TcAction)(promoted << 16 | wrapped << 8 | product);
    }

    /// <summary>sbyte a * b promoted (sign-extended operands), a - b wrapped back to sbyte and widened again.</summary>
    [Tc]
    public static TcAction SByteWrapAround(SkBuff skb)
    {
        sbyte a = (sbyte)skb.Mark;
        sbyte b = (sbyte)skb.Priority;
        int product = a * b;
        sbyte difference = (sbyte)(a - b);
        int widened = difference;
        return (TcAction)(product ^ (widened << 16));
    }

    /// <summary>short a * b wrapped to short, then sign-extended; a - b promoted.</summary>
    [Tc]
    public static TcAction ShortWrapAround(SkBuff skb)
    {
        short a = (short)skb.Mark;
        short b = (short)skb.Priority;
        short product = (short)(a * b);
        int difference = a - b;
        return (TcAction)(product + (difference << 16));
    }

    /// <summary>ushort a - b promoted (negative when b &gt; a) and wrapped (zero-extended).</summary>
    [Tc]
    public static TcAction UShortWrapAround(SkBuff skb)
    {
        ushort a = (ushort)skb.Mark;
        ushort b = (ushort)skb.Priority;
        int promoted = a - b;
        ushort wrapped = (ushort)(a - b);
        return (TcAction)(promoted < 0 ? -wrapped : wrapped << 1);
    }

    /// <summary>Compound assignments and ++/-- on byte and sbyte wrap without a cast.</summary>
    [Tc]
    public static TcAction CompoundAssignments(SkBuff skb)
    {
        byte x = (byte)skb.Mark;
        x += (byte)skb.Priority;
        x <<= 1;
        x -= 3;
        x++;
        sbyte y = (sbyte)skb.Priority;
        y--;
        y *= 3;
        return (TcAction)(x | (y << 8));
    }
}
