using System.Buffers.Binary;

namespace Sharp.Bpf.Bench.Flat;

/// <summary>The frames of the replayed traffic: Ethernet + IPv4 + TCP or UDP between a client and a server, built byte by
/// byte (checksums zero: no probe reads them).</summary>
internal static class ReplayFrame
{
    /// <summary>What a packet of an exchange is.</summary>
    public enum Kind { Syn, SynAck, Ack, Udp }

    const byte SynFlag = 0x02;
    const byte AckFlag = 0x10;

    /// <summary>A packet between <paramref name="client"/>:<paramref name="clientPort"/> and
    /// <paramref name="server"/>:<paramref name="serverPort"/>, sent by the client when <paramref name="fromClient"/>, else
    /// by the server.</summary>
    public static byte[] Build(Kind kind, byte[] client, ushort clientPort, byte[] server, ushort serverPort, bool fromClient)
    {
        var (source, sourcePort, destination, destinationPort) = fromClient
            ? (client, clientPort, server, serverPort)
            : (server, serverPort, client, clientPort);
        var transport = kind == Kind.Udp ? new byte[8 + 32] : new byte[20];
        BinaryPrimitives.WriteUInt16BigEndian(transport, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(2), destinationPort);
        if (kind == Kind.Udp) BinaryPrimitives.WriteUInt16BigEndian(transport.AsSpan(4), (ushort)transport.Length);
        else
        {
            transport[12] = 5 << 4;
            transport[13] = kind switch { Kind.Syn => SynFlag, Kind.SynAck => SynFlag | AckFlag, _ => AckFlag };
        }

        var frame = new byte[14 + 20 + transport.Length];
        byte[] clientMac = [0x02, 0, 0, 0, 0, 0x01], serverMac = [0x02, 0, 0, 0, 0, 0x02];
        (fromClient ? serverMac : clientMac).CopyTo(frame, 0);
        (fromClient ? clientMac : serverMac).CopyTo(frame, 6);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + transport.Length));
        ip[8] = 64;
        ip[9] = kind == Kind.Udp ? (byte)17 : (byte)6;
        source.CopyTo(ip[12..]);
        destination.CopyTo(ip[16..]);
        transport.CopyTo(ip[20..]);
        return frame;
    }
}
