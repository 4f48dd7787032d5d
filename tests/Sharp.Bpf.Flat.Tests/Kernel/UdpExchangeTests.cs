using Sharp.Bpf.Flat.Kernel;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>UDP: the first datagram starts a measurement, the first datagram back on the reversed 5-tuple ends it.</summary>
[Collection(ProbeFixture.Name)]
public sealed class UdpExchangeTests : ProbeFixture
{
    [Fact]
    public void Reply_on_the_reversed_five_tuple_reports_the_time_since_the_request()
    {
        Egress(Udp4("10.0.0.1", "10.0.0.53", 33000, 53));
        Wait(20.5);
        Ingress(Udp4("10.0.0.53", "10.0.0.1", 53, 33000, ttl: 61));
        var measurement = Assert.Single(Measurements());
        Assert.Equal((20_500_000UL, (byte)61, (byte)17), (measurement.LatencyNs, measurement.Ttl, measurement.Flow.Protocol));
    }

    [Fact]
    public void Later_datagrams_in_the_request_direction_do_not_restart_the_measurement()
    {
        Egress(Udp4("10.0.0.1", "10.0.0.53", 33000, 53));
        Wait(5);
        Egress(Udp4("10.0.0.1", "10.0.0.53", 33000, 53));
        Wait(5);
        Ingress(Udp4("10.0.0.53", "10.0.0.1", 53, 33000));
        Assert.Equal(10_000_000UL, Assert.Single(Measurements()).LatencyNs);
    }

    [Fact]
    public void Each_request_after_a_reply_is_measured_again()
    {
        for (var i = 0; i < 3; i++)
        {
            Egress(Udp4("10.0.0.1", "10.0.0.53", 33000, 53));
            Wait(1 + i);
            Ingress(Udp4("10.0.0.53", "10.0.0.1", 53, 33000));
        }
        Assert.Equal([1_000_000UL, 2_000_000UL, 3_000_000UL], Measurements().Select(m => m.LatencyNs));
    }

    [Fact]
    public void Datagram_from_another_port_is_not_a_reply()
    {
        Egress(Udp4("10.0.0.1", "10.0.0.53", 33000, 53));
        Ingress(Udp4("10.0.0.53", "10.0.0.1", 5353, 33000));
        Assert.Empty(Measurements());
    }
}
