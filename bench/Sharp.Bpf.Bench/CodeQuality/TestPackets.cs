using System.Buffers.Binary;

namespace Sharp.Bpf.Bench.CodeQuality;

/// <summary>The frames the packet programs run on: Ethernet + IPv4 between 10.0.0.1:40000 and 10.0.0.2:80, built byte
/// by byte (checksums zero: neither program reads them).</summary>
internal static class TestPackets
{
    const ushort ClientPort = 40000;
    const ushort ServerPort = 80;
    const byte SynFlag = 0x02;
    const byte AckFlag = 0x10;

    /// <summary>A TCP SYN from the client.</summary>
    public static byte[] TcpSyn() => Ipv4(6, client: true, Tcp(client: true, SynFlag));

    /// <summary>The server's SYN/ACK.</summary>
    public static byte[] TcpSynAck() => Ipv4(6, client: false, Tcp(client: false, SynFlag | AckFlag));

    /// <summary>A UDP datagram from the client with 18 bytes of payload.</summary>
    public static byte[] Udp()
    {
        var udp = new byte[8 + 18];
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(0), ClientPort);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(2), 53);
        BinaryPrimitives.WriteUInt16BigEndian(udp.AsSpan(4), (ushort)udp.Length);
        return Ipv4(17, client: true, udp);
    }

    /// <summary>An ICMP echo request with 18 bytes of payload.</summary>
    public static byte[] IcmpEcho()
    {
        var icmp = new byte[8 + 18];
        icmp[0] = 8;
        return Ipv4(1, client: true, icmp);
    }

    /// <summary>An ARP request: a frame that is not IP.</summary>
    public static byte[] Arp()
    {
        var frame = Ethernet(0x0806, 28);
        var arp = frame.AsSpan(14);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], 1);
        return frame;
    }

    static byte[] Tcp(bool client, byte flags)
    {
        var tcp = new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(0), client ? ClientPort : ServerPort);
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(2), client ? ServerPort : ClientPort);
        BinaryPrimitives.WriteUInt32BigEndian(tcp.AsSpan(4), 1000);
        tcp[12] = 5 << 4;
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp.AsSpan(14), 64240);
        return tcp;
    }

    static byte[] Ipv4(byte protocol, bool client, byte[] payload)
    {
        var frame = Ethernet(0x0800, 20 + payload.Length);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + payload.Length));
        ip[8] = 64;
        ip[9] = protocol;
        byte[] clientAddress = [10, 0, 0, 1], serverAddress = [10, 0, 0, 2];
        (client ? clientAddress : serverAddress).CopyTo(ip[12..]);
        (client ? serverAddress : clientAddress).CopyTo(ip[16..]);
        payload.CopyTo(ip[20..]);
        return frame;
    }

    static byte[] Ethernet(ushort etherType, int payloadLength)
    {
        var frame = new byte[14 + payloadLength];
        byte[] destination = [0x02, 0, 0, 0, 0, 0x02], source = [0x02, 0, 0, 0, 0, 0x01];
        destination.CopyTo(frame, 0);
        source.CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), etherType);
        return frame;
    }
}
