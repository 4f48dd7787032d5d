using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>An ICMP (<see cref="IpProtocols.Icmp"/>) header (<c>struct icmphdr</c>, 8 bytes): type, code, checksum and four type-specific bytes, which for echo
/// request/reply (types 8/0) are an identifier and a sequence number.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct IcmpHeader
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 8;

    /// <summary>The message type (offset 0).</summary>
    public byte Type;
    /// <summary>The message code (offset 1).</summary>
    public byte Code;
    /// <summary>The checksum (offset 2), network order.</summary>
    public ushort ChecksumNetworkOrder;
    /// <summary>The echo identifier (offset 4), network order.</summary>
    public ushort IdentifierNetworkOrder;
    /// <summary>The echo sequence number (offset 6), network order.</summary>
    public ushort SequenceNetworkOrder;

    /// <summary>The echo identifier, host order.</summary>
    public ushort Identifier
    {
        readonly get => NetworkOrder.Swap(IdentifierNetworkOrder);
        set => IdentifierNetworkOrder = NetworkOrder.Swap(value);
    }

    /// <summary>The echo sequence number, host order.</summary>
    public ushort Sequence
    {
        readonly get => NetworkOrder.Swap(SequenceNetworkOrder);
        set => SequenceNetworkOrder = NetworkOrder.Swap(value);
    }
}
