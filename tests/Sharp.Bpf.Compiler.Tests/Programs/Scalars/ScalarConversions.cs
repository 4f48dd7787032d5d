namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using Sharp.Bpf.Kernel;

/// <summary>Integer conversions: sign extension from signed types, zero extension from unsigned ones, truncation, and C#'s
/// promotions of mixed-sign operands (int + uint is long).</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarConversions
{
    static int Fold(long value) => (int)value ^ (int)(value >> 32);

    /// <summary>(long)sbyte, (long)short, (long)int.</summary>
    [Tc]
    public static TcAction SignExtension(SkBuff skb)
    {
        sbyte s8 = (sbyte)skb.Mark;
        short s16 = (short)skb.Priority;
        int s32 = (int)skb.Mark;
        long a = s8;
        long b = s16;
        long c = s32;
        return (TcAction)(Fold(a) ^ Fold(b << 20) ^ Fold(c * 3) ^ (s8 + s16));
    }

    /// <summary>(long)byte, (long)ushort, (long)uint and (ulong)(uint)int.</summary>
    [Tc]
    public static TcAction ZeroExtension(SkBuff skb)
    {
        byte u8 = (byte)skb.Mark;
        ushort u16 = (ushort)skb.Priority;
        uint u32 = skb.Mark;
        long a = u8;
        long b = u16;
        long c = u32;
        ulong d = (uint)(int)skb.Priority;
        return (TcAction)(Fold(a << 40) ^ Fold(b << 24) ^ Fold(c * 3) ^ Fold((long)(d << 8)));
    }

    /// <summary>(sbyte)long, (short)ulong, (int)long and (byte)int, each truncated then widened back to int.</summary>
    [Tc]
    public static TcAction Truncation(SkBuff skb)
    {
        long wide = (long)skb.Timestamp;
        int a = (sbyte)wide;
        int b = (short)skb.Timestamp;
        int c = (int)(wide >> 16);
        int d = (byte)(int)skb.Mark;
        return (TcAction)(a ^ (b << 3) ^ c ^ (d << 20));
    }

    /// <summary>int + uint and int * uint are long; byte * sbyte is int; long + uint is long; (ulong)int sign-extends.</summary>
    [Tc]
    public static TcAction MixedSignPromotion(SkBuff skb)
    {
        int s32 = (int)skb.Mark;
        uint u32 = skb.Priority;
        long s64 = (long)skb.Timestamp;
        byte u8 = (byte)skb.Priority;
        sbyte s8 = (sbyte)skb.Mark;
        return (TcAction)(Fold(s32 + u32) ^ Fold(s64 + u32) * 3 ^ Fold((long)(ulong)s32) * 5 ^ Fold(s32 * u32) * 7 ^ u8 * s8);
    }

    /// <summary>Narrowing through a chain: long → ushort → short → int → uint, and byte → sbyte → byte.</summary>
    [Tc]
    public static TcAction ConversionChain(SkBuff skb)
    {
        ushort u = (ushort)(long)skb.Timestamp;
        short s = (short)u;
        int i = s;
        uint back = (uint)i;
        return (TcAction)((int)(back ^ (byte)(sbyte)(ushort)skb.Mark));
    }
}
