using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Sharp.Bpf.Samples.SocketFilterDns;

/// <summary>A DNS message over UDP as captured on the wire: its endpoints and the header and first question, decoded from an
/// Ethernet frame in managed code.</summary>
/// <param name="Source">The sender's address and port.</param>
/// <param name="Destination">The receiver's address and port.</param>
/// <param name="Id">The DNS message id that pairs a response with its query.</param>
/// <param name="IsResponse">The QR bit: a response rather than a query.</param>
/// <param name="ResponseCode">The RCODE (responses).</param>
/// <param name="AnswerCount">ANCOUNT: how many answer records follow.</param>
/// <param name="Name">The first question's name, dot-separated, without the root's final dot ("." for the root).</param>
/// <param name="Type">The first question's record type.</param>
public sealed record DnsPacket(IPEndPoint Source, IPEndPoint Destination, ushort Id, bool IsResponse, int ResponseCode,
    ushort AnswerCount, string Name, ushort Type)
{
    const ushort Ipv4EtherType = 0x0800;
    const ushort Ipv6EtherType = 0x86DD;
    const byte Udp = 17;
    const int DnsHeaderSize = 12;
    const int MaxNameLength = 255;

    /// <summary>Decodes an Ethernet frame carrying an IPv4 or IPv6 UDP datagram with a DNS message.</summary>
    /// <returns>False, with the reason in <paramref name="error"/>, when the frame is not that or is truncated or malformed.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> frame, out DnsPacket? packet, out string error)
    {
        packet = null;
        if (!TryReadDatagram(frame, out var source, out var destination, out var payload, out error)) return false;
        if (payload.Length < DnsHeaderSize)
        {
            error = $"{payload.Length}-byte payload is shorter than a DNS header";
            return false;
        }
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
        ushort questions = BinaryPrimitives.ReadUInt16BigEndian(payload[4..]);
        string name = "";
        ushort type = 0;
        if (questions > 0)
        {
            if (!TryReadName(payload, DnsHeaderSize, out name, out int end, out error)) return false;
            if (end + 4 > payload.Length)
            {
                error = "the question ends before its type and class";
                return false;
            }
            type = BinaryPrimitives.ReadUInt16BigEndian(payload[end..]);
        }
        packet = new DnsPacket(source!, destination!, BinaryPrimitives.ReadUInt16BigEndian(payload), (flags & 0x8000) != 0,
            flags & 0x000F, BinaryPrimitives.ReadUInt16BigEndian(payload[6..]), name, type);
        return true;
    }

    /// <summary>One line: <c>10.0.0.2:40000 -> 10.0.0.1:53 query id=0x1a2b www.example.com AAAA</c>, responses with their
    /// code and answer count.</summary>
    public override string ToString()
    {
        var question = Type == 0 ? "(no question)" : $"{Name} {DnsRecordTypes.Name(Type)}";
        var kind = IsResponse ? "response" : "query";
        var result = IsResponse ? $" {DnsRecordTypes.ResponseCode(ResponseCode)} answers={AnswerCount}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{Source} -> {Destination} {kind} id=0x{Id:x4} {question}{result}");
    }

    static bool TryReadDatagram(ReadOnlySpan<byte> frame, out IPEndPoint? source, out IPEndPoint? destination, out ReadOnlySpan<byte> payload, out string error)
    {
        source = destination = null;
        payload = default;
        error = "truncated frame";
        if (frame.Length < 14) return false;
        ushort etherType = BinaryPrimitives.ReadUInt16BigEndian(frame[12..]);
        var ip = frame[14..];
        IPAddress from, to;
        ReadOnlySpan<byte> udp;
        if (etherType == Ipv4EtherType)
        {
            if (ip.Length < 20) return false;
            int headerLength = (ip[0] & 0x0F) * 4;
            if (ip[9] != Udp)
            {
                error = $"IPv4 protocol {ip[9]} is not UDP";
                return false;
            }
            if (headerLength < 20 || ip.Length < headerLength) return false;
            from = new IPAddress(ip.Slice(12, 4));
            to = new IPAddress(ip.Slice(16, 4));
            udp = ip[headerLength..];
        }
        else if (etherType == Ipv6EtherType)
        {
            if (ip.Length < 40) return false;
            if (ip[6] != Udp)
            {
                error = $"IPv6 next header {ip[6]} is not UDP";
                return false;
            }
            from = new IPAddress(ip.Slice(8, 16));
            to = new IPAddress(ip.Slice(24, 16));
            udp = ip[40..];
        }
        else
        {
            error = $"EtherType 0x{etherType:x4} is neither IPv4 nor IPv6";
            return false;
        }
        if (udp.Length < 8) return false;
        int udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < 8 || udpLength > udp.Length) return false;
        source = new IPEndPoint(from, BinaryPrimitives.ReadUInt16BigEndian(udp));
        destination = new IPEndPoint(to, BinaryPrimitives.ReadUInt16BigEndian(udp[2..]));
        // The UDP length, not the frame's: short Ethernet frames are padded to 60 bytes.
        payload = udp[8..udpLength];
        error = "";
        return true;
    }

    /// <summary>Reads the domain name at <paramref name="offset"/>, following compression pointers (RFC 1035 §4.1.4) only
    /// backwards, so a malicious message cannot loop. <c>end</c> is where the name ends in the message (after its first
    /// pointer, if any).</summary>
    static bool TryReadName(ReadOnlySpan<byte> message, int offset, out string name, out int end, out string error)
    {
        var text = new StringBuilder();
        end = -1;
        int position = offset;
        while (true)
        {
            if (position >= message.Length)
                return Fail("the name runs past the message", out name, out error);
            byte length = message[position];
            if (length == 0)
            {
                if (end < 0) end = position + 1;
                break;
            }
            if ((length & 0xC0) == 0xC0)
            {
                if (position + 1 >= message.Length) return Fail("truncated compression pointer", out name, out error);
                int target = (length & 0x3F) << 8 | message[position + 1];
                if (target >= position) return Fail("compression pointer does not point backwards", out name, out error);
                if (end < 0) end = position + 2;
                position = target;
                continue;
            }
            if ((length & 0xC0) != 0) return Fail($"unknown label type 0x{length & 0xC0:x2}", out name, out error);
            if (position + 1 + length > message.Length) return Fail("a label runs past the message", out name, out error);
            if (text.Length > 0) text.Append('.');
            AppendLabel(text, message.Slice(position + 1, length));
            if (text.Length > MaxNameLength) return Fail("the name is longer than 255 characters", out name, out error);
            position += 1 + length;
        }
        name = text.Length == 0 ? "." : text.ToString();
        error = "";
        return true;
    }

    /// <summary>Appends a label, escaping dots, backslashes and bytes that are not printable ASCII as master files do
    /// (<c>\.</c>, <c>\\</c>, <c>\DDD</c>), so a name cannot forge terminal output.</summary>
    static void AppendLabel(StringBuilder text, ReadOnlySpan<byte> label)
    {
        foreach (var b in label)
        {
            if (b is (byte)'.' or (byte)'\\') text.Append('\\').Append((char)b);
            else if (b is > 0x20 and < 0x7F) text.Append((char)b);
            else text.Append('\\').Append(b.ToString("D3", CultureInfo.InvariantCulture));
        }
    }

    static bool Fail(string reason, out string name, out string error)
    {
        name = "";
        error = reason;
        return false;
    }
}
