using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>Sends bare TCP SYNs from a raw IPv4 socket in namespace A, each from a different source port, so every one
/// is a new flow for flat.</summary>
static class SynBurst
{
    /// <summary>Sends up to <paramref name="count"/> SYNs from <paramref name="source"/> (ports from
    /// <paramref name="firstSourcePort"/> up) to <paramref name="destination"/>, stopping when <paramref name="limit"/>
    /// passes.</summary>
    /// <returns>How many were sent.</returns>
    public static int Send(NetworkNamespacePair pair, IPAddress source, ushort firstSourcePort, IPEndPoint destination, int count, TimeSpan limit)
    {
        using var raw = pair.SocketInA(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Tcp);
        var segment = new byte[20];
        var elapsed = Stopwatch.StartNew();
        var sent = 0;
        while (sent < count && elapsed.Elapsed < limit)
        {
            WriteSyn(segment, source, (ushort)(firstSourcePort + sent), destination, sequence: (uint)sent);
            raw.SendTo(segment, new IPEndPoint(destination.Address, 0));
            sent++;
        }
        return sent;
    }

    static void WriteSyn(Span<byte> segment, IPAddress source, ushort sourcePort, IPEndPoint destination, uint sequence)
    {
        segment.Clear();
        BinaryPrimitives.WriteUInt16BigEndian(segment, sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(segment[2..], (ushort)destination.Port);
        BinaryPrimitives.WriteUInt32BigEndian(segment[4..], sequence);
        segment[12] = 5 << 4;
        segment[13] = 0x02;
        BinaryPrimitives.WriteUInt16BigEndian(segment[14..], 65535);
        BinaryPrimitives.WriteUInt16BigEndian(segment[16..], Checksum(segment, source, destination.Address));
    }

    /// <summary>The TCP checksum over the IPv4 pseudo-header and <paramref name="segment"/> (RFC 793); a raw socket
    /// without IP_HDRINCL leaves it to us.</summary>
    static ushort Checksum(ReadOnlySpan<byte> segment, IPAddress source, IPAddress destination)
    {
        Span<byte> pseudo = stackalloc byte[12];
        source.TryWriteBytes(pseudo, out _);
        destination.TryWriteBytes(pseudo[4..], out _);
        pseudo[9] = (byte)ProtocolType.Tcp;
        BinaryPrimitives.WriteUInt16BigEndian(pseudo[10..], (ushort)segment.Length);
        uint sum = Sum(pseudo) + Sum(segment);
        while (sum > 0xFFFF) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    static uint Sum(ReadOnlySpan<byte> bytes)
    {
        uint sum = 0;
        for (var i = 0; i + 1 < bytes.Length; i += 2) sum += BinaryPrimitives.ReadUInt16BigEndian(bytes[i..]);
        return sum;
    }
}
