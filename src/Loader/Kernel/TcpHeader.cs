using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A TCP header without options (<c>struct tcphdr</c>, 20 bytes); options follow when <see cref="HeaderLength"/>
/// is more than 20.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct TcpHeader
{
    /// <summary>The header's size in bytes without options.</summary>
    public const int Size = 20;

    /// <summary><c>source</c> (offset 0), network order.</summary>
    public ushort SourcePortNetworkOrder;
    /// <summary><c>dest</c> (offset 2), network order.</summary>
    public ushort DestinationPortNetworkOrder;
    /// <summary><c>seq</c> (offset 4), network order.</summary>
    public uint SequenceNumberNetworkOrder;
    /// <summary><c>ack_seq</c> (offset 8), network order.</summary>
    public uint AcknowledgmentNumberNetworkOrder;
    /// <summary>Data offset (high nibble, header length in 32-bit words) and reserved bits, offset 12.</summary>
    public byte DataOffsetAndReserved;
    /// <summary>The flags (offset 13).</summary>
    public TcpFlags Flags;
    /// <summary><c>window</c> (offset 14), network order.</summary>
    public ushort WindowNetworkOrder;
    /// <summary><c>check</c> (offset 16), network order.</summary>
    public ushort ChecksumNetworkOrder;
    /// <summary><c>urg_ptr</c> (offset 18), network order.</summary>
    public ushort UrgentPointerNetworkOrder;

    /// <summary>The source port, host order.</summary>
    public ushort SourcePort
    {
        readonly get => NetworkOrder.Swap(SourcePortNetworkOrder);
        set => SourcePortNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The destination port, host order.</summary>
    public ushort DestinationPort
    {
        readonly get => NetworkOrder.Swap(DestinationPortNetworkOrder);
        set => DestinationPortNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The sequence number, host order.</summary>
    public uint SequenceNumber
    {
        readonly get => NetworkOrder.Swap(SequenceNumberNetworkOrder);
        set => SequenceNumberNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The acknowledgment number, host order.</summary>
    public uint AcknowledgmentNumber
    {
        readonly get => NetworkOrder.Swap(AcknowledgmentNumberNetworkOrder);
        set => AcknowledgmentNumberNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The header length in 32-bit words (5 without options).</summary>
    public readonly byte DataOffset => (byte)(DataOffsetAndReserved >> 4);

    /// <summary>The header length in bytes, options included (20–60).</summary>
    public readonly int HeaderLength => (DataOffsetAndReserved >> 4) * 4;

    /// <summary>SYN without ACK: a connection request.</summary>
    public readonly bool IsSyn => (Flags & (TcpFlags.Syn | TcpFlags.Ack)) == TcpFlags.Syn;

    /// <summary>SYN with ACK: a connection acceptance.</summary>
    public readonly bool IsSynAck => (Flags & (TcpFlags.Syn | TcpFlags.Ack)) == (TcpFlags.Syn | TcpFlags.Ack);

    /// <summary>The receive window, host order.</summary>
    public ushort Window
    {
        readonly get => NetworkOrder.Swap(WindowNetworkOrder);
        set => WindowNetworkOrder = NetworkOrder.Swap(value);
    }
}
