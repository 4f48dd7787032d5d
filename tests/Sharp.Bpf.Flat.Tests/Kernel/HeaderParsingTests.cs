using Sharp.Bpf.Flat.Kernel;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Which frames the probe parses down to TCP or UDP, and which it leaves alone. A SYN that parses leaves one
/// pending flow; a frame the probe must ignore leaves none.</summary>
[Collection(ProbeFixture.Name)]
public sealed class HeaderParsingTests : ProbeFixture
{
    const ushort Arp = 0x0806;

    static int PendingAfter(byte[] frame)
    {
        Egress(frame);
        return FlatProbe.Pending.Count;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)] // IHL 15, the largest header
    public void Ipv4_options_are_skipped_by_the_header_length(int optionWords)
    {
        Egress(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, optionWords: optionWords).Tcp(40000, 443, Syn));
        Wait(1);
        Ingress(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.2", "10.0.0.1", IpProtocols.Tcp, optionWords: optionWords).Tcp(443, 40000, SynAck));
        Assert.Equal((40000, 443), Assert.Single(Measurements()) is var m ? (m.Flow.SourcePort, m.Flow.DestinationPort) : default);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Ipv4_header_length_below_five_words_is_ignored(int ihl) =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, ihl: ihl).Tcp(40000, 443, Syn).Bytes()));

    [Fact]
    public void Ipv4_first_fragment_is_parsed() =>
        Assert.Equal(1, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, moreFragments: true).Udp(33000, 53, 1400).Bytes()));

    [Fact]
    public void Ipv4_later_fragment_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp, fragmentOffsetUnits: 185).Udp(33000, 53).Bytes()));

    [Fact]
    public void Ipv6_handshake_reports_the_hop_limit_of_the_syn_ack()
    {
        Egress(Tcp6("fd00::1", "fd00::2", 40000, 443, Syn));
        Wait(4);
        Ingress(Tcp6("fd00::2", "fd00::1", 443, 40000, SynAck, hopLimit: 55));
        var measurement = Assert.Single(Measurements());
        Assert.Equal((4_000_000UL, (byte)55, "fd00::1"), (measurement.LatencyNs, measurement.Ttl, measurement.Flow.Source.ToString()));
    }

    public static TheoryData<string, Func<FrameBuilder, FrameBuilder>, byte> ExtensionChains => new()
    {
        { "hop-by-hop", f => f.Ipv6Options(IpProtocols.Tcp), IpProtocols.Ipv6HopByHop },
        { "routing (24 bytes)", f => f.Ipv6Options(IpProtocols.Tcp, lengthUnits: 2), IpProtocols.Ipv6Routing },
        { "destination options", f => f.Ipv6Options(IpProtocols.Tcp), IpProtocols.Ipv6DestinationOptions },
        { "first fragment", f => f.Ipv6Fragment(IpProtocols.Tcp), IpProtocols.Ipv6Fragment },
        { "authentication header", f => f.AuthenticationHeader(IpProtocols.Tcp), IpProtocols.AuthenticationHeader },
        { "hop-by-hop, routing, fragment, destination options", f => f
            .Ipv6Options(IpProtocols.Ipv6Routing).Ipv6Options(IpProtocols.Ipv6Fragment, 1).Ipv6Fragment(IpProtocols.Ipv6DestinationOptions).Ipv6Options(IpProtocols.Tcp),
            IpProtocols.Ipv6HopByHop },
    };

    [Theory]
    [MemberData(nameof(ExtensionChains))]
    public void Ipv6_extension_headers_are_skipped(string chain, Func<FrameBuilder, FrameBuilder> extensions, byte first)
    {
        Assert.NotNull(chain);
        var syn = extensions(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", first)).Tcp(40000, 443, Syn);
        Assert.Equal(1, PendingAfter(syn.Bytes()));
        Assert.Equal(40000, FlatProbe.Pending.Entries.Single().Key.SourcePort);
    }

    [Fact]
    public void Ipv6_with_more_extension_headers_than_the_bound_is_ignored()
    {
        var frame = FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6DestinationOptions);
        for (var i = 1; i < FlatProbe.MaxExtensionHeaders + 1; i++) frame.Ipv6Options(IpProtocols.Ipv6DestinationOptions);
        frame.Ipv6Options(IpProtocols.Tcp).Tcp(40000, 443, Syn);
        Assert.Equal(0, PendingAfter(frame.Bytes()));
    }

    [Fact]
    public void Ipv6_as_many_extension_headers_as_the_bound_are_skipped()
    {
        var frame = FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6DestinationOptions);
        for (var i = 1; i < FlatProbe.MaxExtensionHeaders; i++) frame.Ipv6Options(IpProtocols.Ipv6DestinationOptions);
        frame.Ipv6Options(IpProtocols.Tcp).Tcp(40000, 443, Syn);
        Assert.Equal(1, PendingAfter(frame.Bytes()));
    }

    [Fact]
    public void Ipv6_later_fragment_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6Fragment)
            .Ipv6Fragment(IpProtocols.Udp, offsetUnits: 181).Udp(33000, 53).Bytes()));

    [Fact]
    public void Vlan_tagged_frame_is_parsed()
    {
        Egress(FrameBuilder.Ethernet(EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp).Tcp(40000, 443, Syn));
        Ingress(FrameBuilder.Ethernet(EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv4).Ipv4("10.0.0.2", "10.0.0.1", IpProtocols.Tcp, ttl: 50).Tcp(443, 40000, SynAck));
        Assert.Equal(50, Assert.Single(Measurements()).Ttl);
    }

    [Fact]
    public void Double_tagged_frame_is_parsed() =>
        Assert.Equal(1, PendingAfter(FrameBuilder.Ethernet(EtherTypes.QinQ).Vlan(100, EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv6)
            .Ipv6("fd00::1", "fd00::2", IpProtocols.Udp).Udp(33000, 53).Bytes()));

    [Fact]
    public void Triple_tagged_frame_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.QinQ).Vlan(1, EtherTypes.Vlan).Vlan(2, EtherTypes.Vlan).Vlan(3, EtherTypes.Ipv4)
            .Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp).Udp(33000, 53).Bytes()));

    [Fact]
    public void Broadcast_frame_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4, FrameBuilder.BroadcastMac).Ipv4("10.0.0.1", "10.0.0.255", IpProtocols.Udp).Udp(68, 67).Bytes()));

    [Fact]
    public void Multicast_frame_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4, FrameBuilder.MulticastMac).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Udp).Udp(5353, 5353).Bytes()));

    [Theory]
    [InlineData("224.0.0.251")]
    [InlineData("239.255.255.250")]
    [InlineData("255.255.255.255")]
    public void Ipv4_multicast_or_broadcast_destination_is_ignored(string destination) =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", destination, IpProtocols.Udp).Udp(5353, 5353).Bytes()));

    [Fact]
    public void Ipv6_multicast_destination_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "ff02::fb", IpProtocols.Udp).Udp(5353, 5353).Bytes()));

    [Fact]
    public void Non_ip_frame_is_ignored() =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(Arp).Raw(0, 1, 8, 0, 6, 4, 0, 1).Raw(new byte[20]).Bytes()));

    [Theory]
    [InlineData(IpProtocols.Icmp)]
    [InlineData(IpProtocols.Ipv6NoNextHeader)]
    public void Other_transport_protocols_are_ignored(byte protocol) =>
        Assert.Equal(0, PendingAfter(FrameBuilder.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", protocol).Raw(new byte[20]).Bytes()));

    public static TheoryData<string, int> TruncatedSyns => new()
    {
        { "empty", 0 },
        { "inside the Ethernet header", 13 },
        { "inside the VLAN tag", 17 },
        { "inside the IPv4 header", 18 + 19 },
        { "inside the IPv4 options", 18 + 22 },
        { "inside the TCP header", 18 + 24 + 19 },
    };

    [Theory]
    [MemberData(nameof(TruncatedSyns))]
    public void Truncated_ipv4_packet_is_ignored(string where, int length)
    {
        Assert.NotNull(where);
        var syn = FrameBuilder.Ethernet(EtherTypes.Vlan).Vlan(7, EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, optionWords: 1).Tcp(40000, 443, Syn);
        Assert.Equal(0, PendingAfter(syn.Truncated(length)));
        Assert.Equal(1, PendingAfter(syn.Bytes()));
    }

    public static TheoryData<string, int> TruncatedIpv6 => new()
    {
        { "inside the IPv6 header", 14 + 39 },
        { "inside the extension header's first bytes", 14 + 40 + 1 },
        { "inside the extension header's body", 14 + 40 + 15 },
        { "inside the UDP header", 14 + 40 + 16 + 7 },
    };

    [Theory]
    [MemberData(nameof(TruncatedIpv6))]
    public void Truncated_ipv6_packet_is_ignored(string where, int length)
    {
        Assert.NotNull(where);
        var datagram = FrameBuilder.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6HopByHop).Ipv6Options(IpProtocols.Udp, lengthUnits: 1).Udp(33000, 53);
        Assert.Equal(0, PendingAfter(datagram.Truncated(length)));
        Assert.Equal(1, PendingAfter(datagram.Bytes()));
    }

    [Fact]
    public void Ignored_frames_still_pass() =>
        Assert.Equal(TcAction.Ok, Egress(FrameBuilder.Ethernet(EtherTypes.Ipv4).Truncated(9)));
}
