using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>flat on the client's veth end reports each of 50 UDP request/response exchanges with a responder that waits
/// 20 ms, with a latency between 20 and 25 ms.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class UdpExchangeTests(ITestOutputHelper output)
{
    const int Exchanges = 50;
    static readonly TimeSpan ResponderDelay = TimeSpan.FromMilliseconds(20);
    const ulong MinimumLatencyNs = 20_000_000;
    const ulong MaximumLatencyNs = 25_000_000;

    [Theory]
    [InlineData("IPv4")]
    [InlineData("IPv6")]
    public void Every_exchange_is_reported_once_with_the_responders_delay(string family)
    {
        Privileged.RequireRoot();
        using var flat = FlatOnVeth.Start();
        var server = family == "IPv4" ? flat.Pair.AddressB : flat.Pair.Ipv6AddressB;

        var (exchanges, _) = Traffic.UdpExchanges(flat.Pair, server, Exchanges, ResponderDelay);
        var measurements = flat.Collect(Exchanges, TimeSpan.FromSeconds(10));
        flat.Detach();

        output.WriteLine($"{family}: {measurements.Count} exchanges reported; latency {measurements.Min(m => m.LatencyNs) / 1e6:0.000}–{measurements.Max(m => m.LatencyNs) / 1e6:0.000} ms; " +
            $"client round trip {exchanges.Min(c => c.Elapsed.TotalMilliseconds):0.000}–{exchanges.Max(c => c.Elapsed.TotalMilliseconds):0.000} ms");
        Assert.Equal(exchanges.Select(e => e.LocalPort).Order(), measurements.Select(m => m.Flow.SourcePort).Order());
        Assert.All(measurements, measurement =>
        {
            Assert.Equal((17, (byte)1), (measurement.Flow.Protocol, measurement.ReplyIngress));
            Assert.InRange(measurement.LatencyNs, MinimumLatencyNs, MaximumLatencyNs);
        });
    }
}
