namespace Sharp.Bpf.Compiler.Tests.Programs.Constants;

using Sharp.Bpf.Kernel;

/// <summary>Constant results whose C# value needs care to reach r0 exactly: negative, wrapped, sign-extended and
/// unsigned constants, folded by C# before the compiler sees them.</summary>
[BpfObject(License = "GPL")]
public static partial class ConstantReturns
{
    /// <summary>An XDP action as such.</summary>
    [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;

    /// <summary>-1 as a return value: all 32 bits set.</summary>
    [Xdp] public static XdpAction MinusOne(XdpMd ctx) => (XdpAction)(-1);

    /// <summary>int.MinValue: only the top bit.</summary>
    [Xdp] public static XdpAction IntMinValue(XdpMd ctx) => (XdpAction)int.MinValue;

    /// <summary>int.MaxValue + 1 in an unchecked context wraps to int.MinValue.</summary>
    [Xdp] public static XdpAction WrappedSum(XdpMd ctx) => (XdpAction)unchecked(int.MaxValue + 1);

    /// <summary>(byte)300 is 44: truncation to 8 bits.</summary>
    [SocketFilter] public static int TruncatedByte(SkBuff skb) => unchecked((byte)300);

    /// <summary>(sbyte)0x80 widened to int is -128: sign extension.</summary>
    [SocketFilter] public static int SignExtendedSByte(SkBuff skb) => unchecked((sbyte)0x80);

    /// <summary>uint.MaxValue through an int result is -1.</summary>
    [SocketFilter] public static int UnsignedMaximum(SkBuff skb) => unchecked((int)uint.MaxValue);
}
