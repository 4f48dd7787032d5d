using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>The flat-style latency sample, run as managed code on hand-built frames.</summary>
public sealed class LatencyProbeTests : IDisposable
{
    readonly BpfRuntime _runtime = new() { MonotonicNs = 1_000_000 };
    readonly IDisposable _scope;

    public LatencyProbeTests()
    {
        _scope = BpfRuntime.Use(_runtime);
        LatencyProbe.Pending.Clear();
        LatencyProbe.Measurements.Clear();
        LatencyProbe.Port = 0;
    }

    public void Dispose() => _scope.Dispose();

    static byte[] Tcp4(string from, string to, ushort fromPort, ushort toPort, TcpFlags flags, byte ttl = 64, int options = 0) =>
        Frames.Ethernet(EtherTypes.Vlan).Vlan(42, EtherTypes.Ipv4).Ipv4(from, to, IpProtocols.Tcp, ttl, options).Tcp(fromPort, toPort, flags).ToArray();

    static byte[] Udp6(string from, string to, ushort fromPort, ushort toPort, byte hopLimit = 64) =>
        Frames.Ethernet(EtherTypes.Ipv6).Ipv6(from, to, IpProtocols.Udp, hopLimit).Udp(fromPort, toPort).ToArray();

    static TcAction Observe(byte[] frame) => LatencyProbe.Observe(SkBuff.FromPacket(frame));

    [Fact]
    public void Syn_ack_reports_the_handshake_latency()
    {
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, TcpFlags.Syn, options: 8));
        _runtime.Advance(TimeSpan.FromMilliseconds(3));
        Assert.Equal(TcAction.Ok, Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack, ttl: 57, options: 4)));

        var measurement = Assert.Single(LatencyProbe.Measurements.Drain());
        Assert.Equal(3_000_000UL, measurement.LatencyNs);
        Assert.Equal(57, measurement.Ttl);
        Assert.Equal((40000, 443), (measurement.Flow.SourcePort, measurement.Flow.DestinationPort));
        Assert.Equal("::ffff:10.0.0.1", measurement.Flow.Source.ToString());
    }

    [Fact]
    public void Retransmitted_syn_restarts_the_measurement()
    {
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, TcpFlags.Syn));
        _runtime.Advance(TimeSpan.FromSeconds(1));
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, TcpFlags.Syn));
        _runtime.Advance(TimeSpan.FromMilliseconds(2));
        Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack));
        Assert.Equal(2_000_000UL, Assert.Single(LatencyProbe.Measurements.Drain()).LatencyNs);
    }

    [Fact]
    public void Handshake_is_reported_once()
    {
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, TcpFlags.Syn));
        Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack));
        Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack));
        Assert.Single(LatencyProbe.Measurements.Drain());
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Syn_ack_without_a_syn_reports_nothing()
    {
        Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack));
        Assert.Empty(LatencyProbe.Measurements.Drain());
    }

    [Fact]
    public void Udp_reply_over_ipv6_reports_the_request_latency()
    {
        Observe(Udp6("fd00::1", "fd00::2", 50000, 53));
        _runtime.Advance(TimeSpan.FromMilliseconds(20));
        Observe(Udp6("fd00::1", "fd00::2", 50000, 53));
        _runtime.Advance(TimeSpan.FromMilliseconds(1));
        Observe(Udp6("fd00::2", "fd00::1", 53, 50000, hopLimit: 63));

        var measurement = Assert.Single(LatencyProbe.Measurements.Drain());
        Assert.Equal(21_000_000UL, measurement.LatencyNs);
        Assert.Equal(63, measurement.Ttl);
    }

    [Fact]
    public void Ipv6_extension_headers_are_skipped()
    {
        var request = Frames.Ethernet(EtherTypes.Ipv6).Ipv6("fd00::1", "fd00::2", IpProtocols.Ipv6HopByHop)
            .Ipv6Extension(IpProtocols.Ipv6DestinationOptions, 0).Ipv6Extension(IpProtocols.Udp, 1).Udp(50000, 53).ToArray();
        Observe(request);
        Observe(Udp6("fd00::2", "fd00::1", 53, 50000));
        Assert.Single(LatencyProbe.Measurements.Drain());
    }

    [Fact]
    public void Port_filter_ignores_other_flows()
    {
        LatencyProbe.Port = 443;
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 80, TcpFlags.Syn));
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Truncated_tcp_header_is_ignored()
    {
        var frame = Frames.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp).Tcp(40000, 443, TcpFlags.Syn);
        Assert.Equal(TcAction.Ok, Observe(frame.Truncated(EthernetHeader.Size + Ipv4Header.Size + 12)));
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Ip_options_past_the_frame_end_are_ignored()
    {
        var frame = Frames.Ethernet(EtherTypes.Ipv4).Ipv4("10.0.0.1", "10.0.0.2", IpProtocols.Tcp, optionBytes: 40).ToArray();
        Assert.Equal(TcAction.Ok, Observe(frame));
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Non_ip_frame_is_ignored()
    {
        Assert.Equal(TcAction.Ok, Observe(Frames.Ethernet(EtherTypes.Arp).Add(0UL).ToArray()));
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Multicast_frame_is_ignored()
    {
        var frame = Frames.Ethernet(EtherTypes.Ipv4, broadcast: true).Ipv4("10.0.0.1", "10.255.255.255", IpProtocols.Udp).Udp(1, 2).ToArray();
        Observe(frame);
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }

    [Fact]
    public void Full_ring_drops_the_measurement_and_leaves_no_reservation()
    {
        while (LatencyProbe.Measurements.TryOutput(default)) { }
        Observe(Tcp4("10.0.0.1", "10.0.0.2", 40000, 443, TcpFlags.Syn));
        Observe(Tcp4("10.0.0.2", "10.0.0.1", 443, 40000, TcpFlags.Syn | TcpFlags.Ack));
        Assert.Equal(0, LatencyProbe.Measurements.OutstandingReservations);
        Assert.Equal(0, LatencyProbe.Pending.Count);
    }
}
