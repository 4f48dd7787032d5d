using System.Net;
using System.Text.RegularExpressions;
using Sharp.Bpf.Links;
using Sharp.Bpf.Samples.XdpProtocolCounter;
using Sharp.Bpf.Samples.XdpProtocolCounter.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>xdp-protocol-counter: its XDP program counts received packets under their IP protocol, and the sample prints
/// exactly as many UDP, TCP and ICMP packets as a peer sent over a veth pair.</summary>
public sealed class XdpProtocolCounterTests
{
    const int UdpOverIpv4 = 7;
    const int UdpOverIpv6 = 4;
    const int TcpSyns = 3;
    const int Echoes = 5;

    [Theory]
    [InlineData(XdpMode.Auto)]
    [InlineData(XdpMode.Generic)]
    public void Prints_exactly_the_udp_tcp_and_icmp_packets_a_peer_sent(XdpMode mode)
    {
        Privileged.RequireRoot();
        using var pair = new NetworkNamespacePair();
        pair.AddIpv6Addresses();
        using var udp4 = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.AddressA, 7000));
        using var udp6 = VethTraffic.UdpListener(pair.NamespaceA, new IPEndPoint(pair.Ipv6AddressA, 7000));
        var options = new ProtocolCounterOptions(pair.InterfaceA, mode, null, TimeSpan.FromMilliseconds(200));
        using var run = SampleRun.StartIn(pair.NamespaceA, (output, error, token) => ProtocolCounterApp.RunAsync(options, output, error, token));
        run.WaitForOutput(output => output.Contains("counting IP packets received on"), "the attach message");

        // Each kind of traffic is confirmed as received or refused before the sample stops, so every packet has passed XDP.
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.AddressA, 7000), UdpOverIpv4);
        VethTraffic.SendUdp(pair.NamespaceB, new IPEndPoint(pair.Ipv6AddressA, 7000), UdpOverIpv6);
        Assert.Equal(UdpOverIpv4, VethTraffic.ReceiveUdp(udp4, UdpOverIpv4));
        Assert.Equal(UdpOverIpv6, VethTraffic.ReceiveUdp(udp6, UdpOverIpv6));
        VethTraffic.ConnectRefused(pair.NamespaceB, new IPEndPoint(pair.AddressA, 7999), TcpSyns);
        Assert.Equal(Echoes, VethTraffic.Ping(pair.NamespaceB, pair.AddressA, Echoes));
        run.WaitForOutput(output => IntervalTotal(output, "UDP") == UdpOverIpv4 + UdpOverIpv6, "a per-interval line with every UDP packet");

        Assert.Equal(0, run.Stop());
        var totals = FinalTotals(run.Output);
        Assert.Equal((ulong)(UdpOverIpv4 + UdpOverIpv6), totals["UDP"]);
        Assert.Equal((ulong)TcpSyns, totals["TCP"]);
        Assert.Equal((ulong)Echoes, totals["ICMP"]);
    }

    [Fact]
    public void Interval_lines_give_each_protocols_total_and_rate_since_the_previous_line()
    {
        var previous = new ulong[256];
        var current = new ulong[256];
        previous[IpProtocols.Tcp] = 10;
        current[IpProtocols.Tcp] = 30;
        current[IpProtocols.Icmpv6] = 4;
        var output = new StringWriter();

        ProtocolCounterApp.WriteInterval(output, new ProtocolCounts(previous), new ProtocolCounts(current), seconds: 2);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^\d\d:\d\d:\d\d  TCP +30 +10\s*$", lines[0]);
        Assert.Matches(@"^\d\d:\d\d:\d\d  ICMPv6 +4 +2\s*$", lines[1]);
    }

    [Fact]
    public void Counts_ipv4_packets_under_their_protocol()
    {
        using var runtime = BpfRuntime.Use(new BpfRuntime { Cpu = 1 });
        ProtocolCounterProbe.Packets.Clear();

        Assert.Equal(XdpAction.Pass, Count(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(1000, 53))));
        Assert.Equal(XdpAction.Pass, Count(NetFrames.Ipv4(IpProtocols.Tcp, NetFrames.TcpSyn(1000, 80))));
        Assert.Equal(XdpAction.Pass, Count(NetFrames.Ipv4(IpProtocols.Udp, NetFrames.Udp(1000, 123))));

        Assert.Equal(2UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Udp, 1));
        Assert.Equal(1UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Tcp, 1));
        Assert.Equal(0UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Udp, 0));
    }

    [Fact]
    public void Counts_ipv6_packets_under_the_header_after_their_extension_headers()
    {
        ProtocolCounterProbe.Packets.Clear();

        Count(NetFrames.Ipv6(IpProtocols.Ipv6HopByHop, NetFrames.HopByHop(IpProtocols.Icmpv6, new byte[8])));
        Count(NetFrames.Ipv6(IpProtocols.Udp, NetFrames.Udp(1000, 53)));

        Assert.Equal(1UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Icmpv6, 0));
        Assert.Equal(1UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Udp, 0));
        Assert.Equal(0UL, ProtocolCounterProbe.Packets.ValueOnCpu(IpProtocols.Ipv6HopByHop, 0));
    }

    [Fact]
    public void Passes_frames_that_are_not_ip_or_are_truncated_without_counting_them()
    {
        ProtocolCounterProbe.Packets.Clear();

        Assert.Equal(XdpAction.Pass, Count(NetFrames.Arp()));
        Assert.Equal(XdpAction.Pass, Count(NetFrames.Ipv4(IpProtocols.Udp, [])[..30]));

        Assert.All(Enumerable.Range(0, 256), protocol => Assert.Equal(0UL, ProtocolCounterProbe.Packets.ValueOnCpu((uint)protocol, 0)));
    }

    static XdpAction Count(byte[] frame) => ProtocolCounterProbe.CountProtocol(XdpMd.FromPacket(frame));

    /// <summary>The total of the last interval line for <paramref name="protocol"/>, or -1 before there is one.</summary>
    static long IntervalTotal(string output, string protocol)
    {
        var lines = Regex.Matches(output, $@"^\d\d:\d\d:\d\d  {protocol} +(\d+) ", RegexOptions.Multiline);
        return lines.Count == 0 ? -1 : long.Parse(lines[^1].Groups[1].Value);
    }

    /// <summary>The "total NAME COUNT" lines printed on exit.</summary>
    static Dictionary<string, ulong> FinalTotals(string output)
    {
        Assert.Contains("totals after", output);
        return Regex.Matches(output, @"^total (\S+(?: \d+)?) +(\d+)\s*$", RegexOptions.Multiline)
            .ToDictionary(match => match.Groups[1].Value, match => ulong.Parse(match.Groups[2].Value));
    }
}
