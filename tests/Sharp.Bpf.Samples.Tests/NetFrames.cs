using System.Buffers.Binary;
using System.Net;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>Hand-built Ethernet frames for running network samples' kernel methods through their managed semantics.
/// Checksums are left zero: the kernel methods under test never read them.</summary>
static class NetFrames
{
    /// <summary>An Ethernet frame from 02:00:00:00:00:01 to 02:00:00:00:00:02 carrying <paramref name="payload"/>.</summary>
    public static byte[] Ethernet(ushort etherType, byte[] payload)
    {
        var frame = new byte[14 + payload.Length];
        frame[0] = 2;
        frame[5] = 2;
        frame[6] = 2;
        frame[11] = 1;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        payload.CopyTo(frame, 14);
        return frame;
    }

    /// <summary>An Ethernet frame with an IPv4 header (no options) from <paramref name="source"/> to
    /// <paramref name="destination"/> carrying <paramref name="payload"/> as protocol <paramref name="protocol"/>.</summary>
    public static byte[] Ipv4(byte protocol, byte[] payload, string source = "10.0.0.1", string destination = "10.0.0.2")
    {
        var packet = new byte[20 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = protocol;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 12);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 16);
        payload.CopyTo(packet, 20);
        return Ethernet(0x0800, packet);
    }

    /// <summary>An Ethernet frame with an IPv6 header whose next header is <paramref name="nextHeader"/>.</summary>
    public static byte[] Ipv6(byte nextHeader, byte[] payload, string source = "fd00::1", string destination = "fd00::2")
    {
        var packet = new byte[40 + payload.Length];
        packet[0] = 0x60;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(4), (ushort)payload.Length);
        packet[6] = nextHeader;
        packet[7] = 64;
        IPAddress.Parse(source).GetAddressBytes().CopyTo(packet, 8);
        IPAddress.Parse(destination).GetAddressBytes().CopyTo(packet, 24);
        payload.CopyTo(packet, 40);
        return Ethernet(0x86DD, packet);
    }

    /// <summary>An 8-byte IPv6 hop-by-hop options header (PadN only) followed by <paramref name="payload"/>.</summary>
    public static byte[] HopByHop(byte nextHeader, byte[] payload) => [nextHeader, 0, 1, 4, 0, 0, 0, 0, .. payload];

    /// <summary>A UDP header and <paramref name="payload"/>.</summary>
    public static byte[] Udp(ushort sourcePort, ushort destinationPort, byte[]? payload = null)
    {
        payload ??= [];
        var datagram = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(datagram, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(2), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(datagram.AsSpan(4), (ushort)datagram.Length);
        payload.CopyTo(datagram, 8);
        return datagram;
    }

    /// <summary>A 20-byte TCP SYN header.</summary>
    public static byte[] TcpSyn(ushort sourcePort, ushort destinationPort)
    {
        var segment = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), destinationPort);
        segment[12] = 0x50;
        segment[13] = 0x02;
        return segment;
    }

    /// <summary>An ARP request frame (not IP).</summary>
    public static byte[] Arp() => Ethernet(0x0806, new byte[28]);
}
