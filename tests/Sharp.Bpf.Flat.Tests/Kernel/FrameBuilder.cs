using System.Buffers.Binary;
using System.Net;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>Writes Ethernet frames byte by byte from the protocols' wire formats (RFC 791, 8200, 793, 768, IEEE 802.1Q),
/// independently of the kernel-side header structs, so the probe's parsing is checked against the wire and not against
/// itself. Checksums are left zero: the probe does not read them.</summary>
public sealed class FrameBuilder
{
    public static readonly byte[] UnicastMac = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
    public static readonly byte[] BroadcastMac = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
    public static readonly byte[] MulticastMac = [0x01, 0x00, 0x5E, 0x00, 0x00, 0xFB];

    readonly List<byte> _bytes = [];

    /// <summary>Destination MAC, source MAC, EtherType.</summary>
    public static FrameBuilder Ethernet(ushort etherType, byte[]? destination = null)
    {
        var frame = new FrameBuilder();
        frame._bytes.AddRange(destination ?? UnicastMac);
        frame._bytes.AddRange([0x02, 0x00, 0x00, 0x00, 0x00, 0x02]);
        return frame.U16(etherType);
    }

    /// <summary>An 802.1Q (or 802.1ad) tag's TCI, then the encapsulated EtherType.</summary>
    public FrameBuilder Vlan(ushort id, ushort innerEtherType) => U16(id).U16(innerEtherType);

    /// <summary>An IPv4 header with <paramref name="optionWords"/> 4-byte words of NOP options (IHL = 5 + words), or an
    /// explicit <paramref name="ihl"/> to build invalid headers.</summary>
    public FrameBuilder Ipv4(string source, string destination, byte protocol, byte ttl = 64, int optionWords = 0,
        ushort fragmentOffsetUnits = 0, bool moreFragments = false, int? ihl = null)
    {
        var headerWords = ihl ?? 5 + optionWords;
        _bytes.Add((byte)(0x40 | headerWords));
        _bytes.Add(0);
        U16((ushort)(headerWords * 4));
        U16(0x1234);
        U16((ushort)((moreFragments ? 0x2000 : 0) | fragmentOffsetUnits));
        _bytes.Add(ttl);
        _bytes.Add(protocol);
        U16(0);
        _bytes.AddRange(Ipv4Bytes(source));
        _bytes.AddRange(Ipv4Bytes(destination));
        for (var i = 0; i < optionWords * 4; i++) _bytes.Add(1);
        return this;
    }

    /// <summary>An IPv6 header (version 6, no traffic class or flow label).</summary>
    public FrameBuilder Ipv6(string source, string destination, byte nextHeader, byte hopLimit = 64)
    {
        _bytes.AddRange([0x60, 0, 0, 0]);
        U16(0);
        _bytes.Add(nextHeader);
        _bytes.Add(hopLimit);
        _bytes.AddRange(IPAddress.Parse(source).GetAddressBytes());
        _bytes.AddRange(IPAddress.Parse(destination).GetAddressBytes());
        return this;
    }

    /// <summary>A hop-by-hop, routing or destination options header: next header, length in 8-byte units after the first
    /// 8, then padding.</summary>
    public FrameBuilder Ipv6Options(byte nextHeader, byte lengthUnits = 0)
    {
        _bytes.Add(nextHeader);
        _bytes.Add(lengthUnits);
        for (var i = 2; i < (lengthUnits + 1) * 8; i++) _bytes.Add(0);
        return this;
    }

    /// <summary>A fragment header: next header, reserved, offset (8-byte units) and M flag, identification.</summary>
    public FrameBuilder Ipv6Fragment(byte nextHeader, ushort offsetUnits = 0, bool moreFragments = true)
    {
        _bytes.Add(nextHeader);
        _bytes.Add(0);
        U16((ushort)(offsetUnits << 3 | (moreFragments ? 1 : 0)));
        _bytes.AddRange([0, 0, 0, 7]);
        return this;
    }

    /// <summary>An authentication header (RFC 4302): its length field counts 4-byte units minus 2.</summary>
    public FrameBuilder AuthenticationHeader(byte nextHeader, byte payloadLength = 4)
    {
        _bytes.Add(nextHeader);
        _bytes.Add(payloadLength);
        for (var i = 2; i < (payloadLength + 2) * 4; i++) _bytes.Add(0);
        return this;
    }

    /// <summary>A 20-byte TCP header with <paramref name="flags"/> (FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10).</summary>
    public FrameBuilder Tcp(ushort sourcePort, ushort destinationPort, byte flags)
    {
        U16(sourcePort).U16(destinationPort);
        _bytes.AddRange([0, 0, 0, 1, 0, 0, 0, 0, 0x50, flags]);
        U16(64240).U16(0).U16(0);
        return this;
    }

    /// <summary>A UDP header with <paramref name="payload"/> bytes of zeros after it.</summary>
    public FrameBuilder Udp(ushort sourcePort, ushort destinationPort, int payload = 0)
    {
        U16(sourcePort).U16(destinationPort).U16((ushort)(8 + payload)).U16(0);
        for (var i = 0; i < payload; i++) _bytes.Add(0);
        return this;
    }

    /// <summary>Arbitrary bytes (e.g. an ARP body).</summary>
    public FrameBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public int Length => _bytes.Count;

    public byte[] Bytes() => [.. _bytes];

    /// <summary>The first <paramref name="length"/> bytes: a packet cut short.</summary>
    public byte[] Truncated(int length) => _bytes.Take(length).ToArray();

    FrameBuilder U16(ushort value)
    {
        Span<byte> bytes = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        _bytes.AddRange(bytes);
        return this;
    }

    static byte[] Ipv4Bytes(string address)
    {
        var ip = IPAddress.Parse(address);
        if (ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork) throw new ArgumentException($"{address} is not IPv4");
        return ip.GetAddressBytes();
    }
}
