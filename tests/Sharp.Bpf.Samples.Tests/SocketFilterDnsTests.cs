using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Sharp.Bpf.Samples.SocketFilterDns;
using Sharp.Bpf.Samples.SocketFilterDns.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>socket-filter-dns: its socket filter keeps exactly the UDP port 53 packets of a raw packet socket, and the sample
/// prints each DNS query and response that crossed a veth pair — with the right endpoints, ids, names and types — and
/// nothing of the other traffic.</summary>
public sealed class SocketFilterDnsTests
{
    sealed record Question(ushort Id, string Name, ushort Type, bool Ipv6, int? ResponseCode, ushort Answers);

    static readonly Question[] Questions =
    [
        new(0x1001, "www.example.com", 1, Ipv6: false, ResponseCode: 0, Answers: 1),
        new(0x1002, "mail.example.org", 15, Ipv6: false, ResponseCode: 3, Answers: 0),
        new(0x1003, "ipv6.example.net", 28, Ipv6: true, ResponseCode: 0, Answers: 1),
        new(0x1004, "nobody.home.arpa", 16, Ipv6: false, ResponseCode: null, Answers: 0),
    ];

    [Fact]
    public void Prints_exactly_the_dns_queries_and_responses_that_crossed_the_interface()
    {
        Privileged.RequireRoot();
        using var pair = new NetworkNamespacePair();
        pair.AddIpv6Addresses();
        var server4 = new IPEndPoint(pair.AddressA, 53);
        var server6 = new IPEndPoint(pair.Ipv6AddressA, 53);
        using var dns4 = VethTraffic.UdpListener(pair.NamespaceA, server4);
        using var dns6 = VethTraffic.UdpListener(pair.NamespaceA, server6);
        using var other = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.AddressA, 5353));
        using var run = SampleRun.StartIn(pair.NamespaceA, (output, error, token) => DnsSnoopApp.RunAsync(new DnsSnoopOptions(pair.InterfaceA), output, error, token));
        run.WaitForOutput(output => output.Contains("printing DNS over UDP on"), "the capture message");

        // Other traffic first, each confirmed as delivered or refused: had the filter kept any of it, it would print first.
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.AddressA, 5353), 2, Query(0x2001, "not.dns.example", 1));
        Assert.Equal(2, VethTraffic.ReceiveUdp(other, 2));
        VethTraffic.ConnectRefused(pair.NamespaceB, server4, 1);
        Assert.Equal(2, VethTraffic.Ping(pair.NamespaceB, pair.AddressA, 2));

        var clients = new List<string>();
        foreach (var question in Questions)
        {
            var server = question.Ipv6 ? dns6 : dns4;
            using var client = VethTraffic.UdpListener(pair.NamespaceB, new IPEndPoint(question.Ipv6 ? pair.Ipv6AddressB : pair.AddressB, 0));
            clients.Add(client.LocalEndPoint!.ToString()!);
            client.SendTo(Query(question.Id, question.Name, question.Type), question.Ipv6 ? server6 : server4);
            Answer(server, question);
            if (question.ResponseCode is not null) Assert.True(client.Poll(VethTraffic.ArrivalLimit, SelectMode.SelectRead), $"no response to {question.Name}");
        }
        int expected = Questions.Sum(question => question.ResponseCode is null ? 1 : 2);
        run.WaitForOutput(output => PrintedLines(output).Count >= expected, $"{expected} DNS lines");
        Thread.Sleep(300);
        Assert.Equal(0, run.Stop());

        var lines = PrintedLines(run.Output);
        var want = new List<string>();
        for (int i = 0; i < Questions.Length; i++)
        {
            var question = Questions[i];
            var server = (question.Ipv6 ? server6 : server4).ToString();
            var type = DnsRecordTypes.Name(question.Type);
            want.Add($"{clients[i]} -> {server} query id=0x{question.Id:x4} {question.Name} {type}");
            if (question.ResponseCode is { } code)
                want.Add($"{server} -> {clients[i]} response id=0x{question.Id:x4} {question.Name} {type} {DnsRecordTypes.ResponseCode(code)} answers={question.Answers}");
        }
        Assert.Equal(want, lines);
        Assert.Contains($"\n{expected} DNS packets\n", run.Output);
    }

    [Fact]
    public void Keeps_whole_udp_packets_from_or_to_port_53_over_ipv4_and_ipv6()
    {
        byte[][] kept =
        [
            NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53, Query(1, "a.example", 1))),
            NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(53, 40000, Query(1, "a.example", 1))),
            NetFrames.Ipv6(IpProtocols.Udp, NetFrames.Udp(40000, 53, Query(2, "b.example", 28))),
        ];
        foreach (var frame in kept)
            Assert.Equal(frame.Length, DnsFilterProbe.KeepDns(SkBuff.FromPacket(frame)));
    }

    [Fact]
    public void Drops_other_ports_tcp_icmp_non_ip_and_truncated_packets()
    {
        byte[][] dropped =
        [
            NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 5353, Query(1, "a.example", 1))),
            NetFrames.Ipv4(IpProtocols.Tcp, NetFrames.TcpSyn(40000, 53)),
            NetFrames.Ipv6(IpProtocols.Ipv6HopByHop, NetFrames.HopByHop(IpProtocols.Udp, NetFrames.Udp(40000, 53))),
            NetFrames.Ipv4(IpProtocols.Icmp, new byte[8]),
            NetFrames.Arp(),
            NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53))[..37],
        ];
        foreach (var frame in dropped)
            Assert.Equal(0, DnsFilterProbe.KeepDns(SkBuff.FromPacket(frame)));
    }

    [Fact]
    public void Decodes_a_query_with_its_endpoints_id_name_and_type()
    {
        var frame = NetFrames.Ipv6(IpProtocols.Udp, NetFrames.Udp(40000, 53, Query(0xbeef, "www.example.com", 65)), "fd00::9", "fd00::53");

        Assert.True(DnsPacket.TryDecode(frame, out var packet, out var error), error);

        Assert.Equal("[fd00::9]:40000 -> [fd00::53]:53 query id=0xbeef www.example.com HTTPS", packet!.ToString());
    }

    [Fact]
    public void Decodes_a_response_with_its_code_and_answer_count()
    {
        byte[] dns = [.. Header(0x0042, flags: 0x8183, questions: 1, answers: 0), .. Name("example.org"), 0, 15, 0, 1];

        Assert.True(DnsPacket.TryDecode(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(53, 40000, dns)), out var packet, out var error), error);

        Assert.Equal("10.0.0.1:53 -> 10.0.0.2:40000 response id=0x0042 example.org MX NXDOMAIN answers=0", packet!.ToString());
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 12 })]
    [InlineData(new byte[] { 4, (byte)'m', (byte)'a', (byte)'i', (byte)'l', 0xC0, 30 })]
    public void Refuses_compression_pointers_that_do_not_point_backwards_so_names_cannot_loop(byte[] name)
    {
        byte[] dns = [.. Header(9, 0x0100, 1, 0), .. name, .. new byte[24]];

        Assert.False(DnsPacket.TryDecode(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53, dns)), out _, out var error));

        Assert.Contains("does not point backwards", error);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, "shorter than a DNS header")]
    [InlineData(new byte[] { 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, (byte)'a' }, "label runs past the message")]
    [InlineData(new byte[] { 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, (byte)'a', 0, 0 }, "before its type and class")]
    public void Refuses_truncated_messages_with_the_reason(byte[] dns, string reason)
    {
        Assert.False(DnsPacket.TryDecode(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53, dns)), out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Escapes_label_bytes_that_are_not_printable()
    {
        byte[] dns = [.. Header(7, 0x0100, 1, 0), 3, (byte)'a', (byte)'.', 0x1B, 0, 0, 1, 0, 1];

        Assert.True(DnsPacket.TryDecode(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(40000, 53, dns)), out var packet, out var error), error);

        Assert.Equal(@"a\.\027", packet!.Name);
    }

    /// <summary>A DNS query message for <paramref name="name"/> of type <paramref name="type"/>, class IN, recursion desired.</summary>
    static byte[] Query(ushort id, string name, ushort type) => [.. Header(id, 0x0100, 1, 0), .. Name(name), 0, (byte)type, 0, 1];

    static byte[] Header(ushort id, ushort flags, ushort questions, ushort answers)
    {
        var header = new byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), flags);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), questions);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), answers);
        return header;
    }

    static byte[] Name(string name) =>
        [.. name.Split('.').SelectMany(label => new[] { (byte)label.Length }.Concat(Encoding.ASCII.GetBytes(label))), 0];

    /// <summary>Receives <paramref name="question"/>'s query on <paramref name="server"/> and, when the question expects a
    /// response, sends one back: the query with QR, RA and the response code set, and one A or AAAA answer if wanted.</summary>
    static void Answer(Socket server, Question question)
    {
        Assert.True(server.Poll(VethTraffic.ArrivalLimit, SelectMode.SelectRead), $"the query for {question.Name} did not arrive");
        var buffer = new byte[512];
        EndPoint client = new IPEndPoint(question.Ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        int length = server.ReceiveFrom(buffer, ref client);
        if (question.ResponseCode is not { } code) return;
        var response = buffer[..length];
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), (ushort)(0x8180 | code));
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(6), question.Answers);
        if (question.Answers > 0)
        {
            byte[] data = question.Type == 28 ? IPAddress.Parse("2001:db8::1").GetAddressBytes() : [192, 0, 2, 1];
            response = [.. response, 0xC0, 12, 0, (byte)question.Type, 0, 1, 0, 0, 0, 60, 0, (byte)data.Length, .. data];
        }
        server.SendTo(response, client);
    }

    /// <summary>The DNS lines printed, without their time stamps.</summary>
    static List<string> PrintedLines(string output) =>
        Regex.Matches(output, @"^\d\d:\d\d:\d\d\.\d{3} (.*)$", RegexOptions.Multiline).Select(match => match.Groups[1].Value.TrimEnd('\r')).ToList();
}
