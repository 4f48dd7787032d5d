namespace Sharp.Bpf.Compiler.Tests.Programs.ByteOrder;

using System.Buffers.Binary;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;
using Sharp.Bpf.Kernel;

/// <summary>BinaryPrimitives.ReverseEndianness at 16, 32 and 64 bits, signed and unsigned (the swap compiles to be16,
/// be32 and be64 on this little-endian target).</summary>
[BpfObject(License = "GPL")]
public static partial class ByteOrder
{
    /// <summary>ushort, short, uint, int and ulong swapped, written at 32, 34, 36, 40, 48.</summary>
    [Xdp]
    public static XdpAction ReverseEndianness(XdpMd ctx)
    {
        var packet = ctx.Packet;
        if (!packet.TryRead(0, out MixedWidths m)) return XdpAction.Aborted;
        packet.TryWrite(32, BinaryPrimitives.ReverseEndianness(m.U16));
        packet.TryWrite(34, BinaryPrimitives.ReverseEndianness(m.S16));
        packet.TryWrite(36, BinaryPrimitives.ReverseEndianness(m.U32));
        packet.TryWrite(40, BinaryPrimitives.ReverseEndianness(m.S32));
        packet.TryWrite(48, BinaryPrimitives.ReverseEndianness(m.U64));
        return (XdpAction)BinaryPrimitives.ReverseEndianness(m.S16);
    }

    /// <summary>A swapped short used as a value: sign-extended after the swap.</summary>
    [Xdp]
    public static XdpAction SwappedShortIsSignExtended(XdpMd ctx)
    {
        if (!ctx.Packet.TryRead(0, out ShortPair p)) return XdpAction.Aborted;
        int widened = BinaryPrimitives.ReverseEndianness(p.A);
        long wider = BinaryPrimitives.ReverseEndianness(p.B);
        return (XdpAction)(widened + (int)(wider >> 4));
    }
}
