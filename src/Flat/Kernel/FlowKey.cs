using System.Runtime.InteropServices;

namespace Sharp.Bpf.Flat.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>A flow's 5-tuple as the first packet of a measurement (SYN or request) carries it. IPv4 addresses are stored
/// IPv4-mapped (<c>::ffff:a.b.c.d</c>) so one key serves both families; ports are host order; padding is explicit because
/// map keys compare by bytes.</summary>
/// <remarks>Naturally aligned (no <c>Pack</c>): every field already sits at a multiple of its size, so the bytes are those
/// <c>Pack = 1</c> gave, but a copy of a key no longer has to go byte by byte.</remarks>
[StructLayout(LayoutKind.Sequential)]
public struct FlowKey
{
    /// <summary>The sender's address.</summary>
    public Ipv6Address Source;
    /// <summary>The receiver's address.</summary>
    public Ipv6Address Destination;
    /// <summary>The sender's port, host order.</summary>
    public ushort SourcePort;
    /// <summary>The receiver's port, host order.</summary>
    public ushort DestinationPort;
    /// <summary><see cref="IpProtocols.Tcp"/> or <see cref="IpProtocols.Udp"/>.</summary>
    public byte Protocol;
    /// <summary>Zero.</summary>
    public byte Padding0;
    /// <summary>Zero.</summary>
    public ushort Padding1;

    /// <summary>Turns <paramref name="key"/> into the same flow seen from the other end (what a reply carries), in place.</summary>
    public static void Reverse(ref FlowKey key)
    {
        // Whole addresses, not a byte loop: the compiler copies them in pieces as wide as the key's stack slot allows.
        var source = key.Source;
        key.Source = key.Destination;
        key.Destination = source;
        var port = key.SourcePort;
        key.SourcePort = key.DestinationPort;
        key.DestinationPort = port;
    }

    /// <summary>Sets both addresses of a zeroed <paramref name="key"/> to the IPv4-mapped IPv6 addresses
    /// (<c>::ffff:a.b.c.d</c>) of two IPv4 addresses in network order.</summary>
    public static void SetIpv4(ref FlowKey key, uint sourceNetworkOrder, uint destinationNetworkOrder)
    {
        key.Source[10] = 0xFF;
        key.Source[11] = 0xFF;
        key.Destination[10] = 0xFF;
        key.Destination[11] = 0xFF;
        // The uint holds the address's bytes in memory order (eBPF and x86/arm64 are little-endian): low byte first.
        key.Source[12] = (byte)sourceNetworkOrder;
        key.Source[13] = (byte)(sourceNetworkOrder >> 8);
        key.Source[14] = (byte)(sourceNetworkOrder >> 16);
        key.Source[15] = (byte)(sourceNetworkOrder >> 24);
        key.Destination[12] = (byte)destinationNetworkOrder;
        key.Destination[13] = (byte)(destinationNetworkOrder >> 8);
        key.Destination[14] = (byte)(destinationNetworkOrder >> 16);
        key.Destination[15] = (byte)(destinationNetworkOrder >> 24);
    }
}
