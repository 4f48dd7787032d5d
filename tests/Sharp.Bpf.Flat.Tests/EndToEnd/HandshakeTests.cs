using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>flat on the client's veth end reports each of 50 TCP handshakes exactly once, with a latency that is positive
/// and no longer than the client's own connect call.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class HandshakeTests(ITestOutputHelper output)
{
    const int Connections = 50;

    [Theory]
    [InlineData("IPv4")]
    [InlineData("IPv6")]
    public void Every_connection_is_reported_once_within_the_clients_connect_time(string family)
    {
        Privileged.RequireRoot();
        using var flat = FlatOnVeth.Start();
        var server = family == "IPv4" ? flat.Pair.AddressB : flat.Pair.Ipv6AddressB;

        var connections = Traffic.TcpConnections(flat.Pair, server, Connections);
        var measurements = flat.Collect(Connections, TimeSpan.FromSeconds(10));
        flat.Detach();

        Assert.Equal(connections.Select(c => c.LocalPort).Order(), measurements.Select(m => m.Flow.SourcePort).Order());
        var byPort = measurements.ToDictionary(m => m.Flow.SourcePort);
        Assert.All(connections, connection =>
        {
            var measurement = byPort[connection.LocalPort];
            Assert.Equal((6, (byte)1), (measurement.Flow.Protocol, measurement.ReplyIngress));
            Assert.Equal(server, Measurement.FromKernel(measurement, DateTimeOffset.UnixEpoch).Destination);
            Assert.InRange(measurement.LatencyNs, 1UL, (ulong)(connection.Elapsed.Ticks * 100));
        });
        output.WriteLine($"{family}: {measurements.Count} handshakes reported; latency {measurements.Min(m => m.LatencyNs) / 1e6:0.000}–{measurements.Max(m => m.LatencyNs) / 1e6:0.000} ms; " +
            $"client connect {connections.Min(c => c.Elapsed.TotalMilliseconds):0.000}–{connections.Max(c => c.Elapsed.TotalMilliseconds):0.000} ms");
    }
}
