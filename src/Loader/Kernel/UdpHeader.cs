using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>A UDP header (<c>struct udphdr</c>, 8 bytes).</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct UdpHeader
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 8;

    /// <summary><c>source</c> (offset 0), network order.</summary>
    public ushort SourcePortNetworkOrder;
    /// <summary><c>dest</c> (offset 2), network order.</summary>
    public ushort DestinationPortNetworkOrder;
    /// <summary><c>len</c> (offset 4), network order: header and payload.</summary>
    public ushort LengthNetworkOrder;
    /// <summary><c>check</c> (offset 6), network order.</summary>
    public ushort ChecksumNetworkOrder;

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

    /// <summary>The datagram's length in bytes, header included, host order.</summary>
    public ushort Length
    {
        readonly get => NetworkOrder.Swap(LengthNetworkOrder);
        set => LengthNetworkOrder = NetworkOrder.Swap(value);
    }
}
