namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

using System.Buffers.Binary;
using Sharp.Bpf.Kernel;

/// <summary>BinaryPrimitives.ReverseEndianness at 16, 32 and 64 bits, signed and unsigned (be16, be32 and be64 on this
/// little-endian target); a swapped short is sign-extended afterwards.</summary>
[BpfObject(License = "GPL")]
public static partial class ScalarByteOrder
{
    /// <summary>ushort, uint and ulong swapped.</summary>
    [Tc]
    public static TcAction ReverseUnsigned(SkBuff skb)
    {
        ushort u16 = BinaryPrimitives.ReverseEndianness((ushort)skb.Mark);
        uint u32 = BinaryPrimitives.ReverseEndianness(skb.Priority);
        ulong u64 = BinaryPrimitives.ReverseEndianness(skb.Timestamp);
        return (TcAction)((int)(u16 ^ u32 * 3 ^ (uint)u64 * 5 ^ (uint)(u64 >> 32) * 7));
    }

    /// <summary>short, int and long swapped; the swapped short widens with its sign.</summary>
    [Tc]
    public static TcAction ReverseSigned(SkBuff skb)
    {
        int widened = BinaryPrimitives.ReverseEndianness((short)skb.Mark);
        int s32 = BinaryPrimitives.ReverseEndianness((int)skb.Priority);
        long s64 = BinaryPrimitives.ReverseEndianness((long)skb.Timestamp);
        return (TcAction)(widened ^ s32 * 3 ^ (int)(s64 >> 4) * 5);
    }
}
