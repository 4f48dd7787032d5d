using System.Net;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Output;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Output;

public sealed class MeasurementTests
{
    static readonly DateTimeOffset Received = new(2026, 11, 25, 15, 4, 5, 123, TimeSpan.Zero);

    static FlowMeasurement Record(string source, string destination, byte protocol, byte replyIngress)
    {
        var record = new FlowMeasurement { LatencyNs = 3_021_000, Ttl = 57, ReplyIngress = replyIngress };
        record.Flow.Protocol = protocol;
        record.Flow.SourcePort = 40000;
        record.Flow.DestinationPort = 443;
        IPAddress.Parse(source).MapToIPv6().TryWriteBytes(record.Flow.Source, out _);
        IPAddress.Parse(destination).MapToIPv6().TryWriteBytes(record.Flow.Destination, out _);
        return record;
    }

    [Fact]
    public void Ipv4_mapped_addresses_become_ipv4()
    {
        var measurement = Measurement.FromKernel(Record("10.0.0.1", "10.0.0.2", 6, 1), Received);
        Assert.Equal((IPAddress.Parse("10.0.0.1"), IPAddress.Parse("10.0.0.2")), (measurement.Source, measurement.Destination));
    }

    [Fact]
    public void Ipv6_addresses_stay_ipv6() =>
        Assert.Equal(IPAddress.Parse("2001:db8::1"), Measurement.FromKernel(Record("2001:db8::1", "2001:db8::2", 17, 1), Received).Source);

    [Theory]
    [InlineData(6, "TCP")]
    [InlineData(17, "UDP")]
    public void Protocol_is_named(byte protocol, string name) =>
        Assert.Equal(name, Measurement.FromKernel(Record("10.0.0.1", "10.0.0.2", protocol, 1), Received).Protocol);

    [Fact]
    public void Reply_on_ingress_makes_the_destination_the_remote_endpoint() =>
        Assert.Equal(new RemoteEndpoint("TCP", IPAddress.Parse("10.0.0.2"), 443), Measurement.FromKernel(Record("10.0.0.1", "10.0.0.2", 6, 1), Received).Remote);

    [Fact]
    public void Reply_on_egress_makes_the_source_the_remote_endpoint_with_the_service_port() =>
        Assert.Equal(new RemoteEndpoint("TCP", IPAddress.Parse("10.0.0.1"), 443), Measurement.FromKernel(Record("10.0.0.1", "10.0.0.2", 6, 0), Received).Remote);

    [Fact]
    public void Latency_ttl_and_ports_are_kept()
    {
        var measurement = Measurement.FromKernel(Record("10.0.0.1", "10.0.0.2", 6, 1), Received);
        Assert.Equal((3_021_000UL, (byte)57, (ushort)40000, (ushort)443, Received), (measurement.LatencyNs, measurement.Ttl, measurement.SourcePort, measurement.DestinationPort, measurement.Time));
    }
}
