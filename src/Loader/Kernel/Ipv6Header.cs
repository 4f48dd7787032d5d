using System.Runtime.InteropServices;

namespace Sharp.Bpf.Kernel;

/// <summary>An IPv6 header (<c>struct ipv6hdr</c>, 40 bytes). Extension headers may follow (<see cref="Ipv6ExtensionHeader"/>)
/// before the transport header.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct Ipv6Header
{
    /// <summary>The header's size in bytes.</summary>
    public const int Size = 40;

    /// <summary>Version (4 bits), traffic class (8) and flow label (20), offset 0, network order.</summary>
    public uint VersionClassFlowNetworkOrder;
    /// <summary><c>payload_len</c> (offset 4), network order.</summary>
    public ushort PayloadLengthNetworkOrder;
    /// <summary><c>nexthdr</c> (offset 6): what follows (<see cref="IpProtocols"/>).</summary>
    public byte NextHeader;
    /// <summary><c>hop_limit</c> (offset 7).</summary>
    public byte HopLimit;
    /// <summary><c>saddr</c> (offset 8).</summary>
    public Ipv6Address Source;
    /// <summary><c>daddr</c> (offset 24).</summary>
    public Ipv6Address Destination;

    /// <summary>The IP version (6 for a valid header).</summary>
    public readonly byte Version => (byte)(NetworkOrder.Swap(VersionClassFlowNetworkOrder) >> 28);

    /// <summary>The traffic class.</summary>
    public readonly byte TrafficClass => (byte)(NetworkOrder.Swap(VersionClassFlowNetworkOrder) >> 20);

    /// <summary>The flow label.</summary>
    public readonly uint FlowLabel => NetworkOrder.Swap(VersionClassFlowNetworkOrder) & 0xFFFFF;

    /// <summary>Bytes after this header, extension headers included, host order.</summary>
    public ushort PayloadLength
    {
        readonly get => NetworkOrder.Swap(PayloadLengthNetworkOrder);
        set => PayloadLengthNetworkOrder = NetworkOrder.Swap(value);
    }
}
