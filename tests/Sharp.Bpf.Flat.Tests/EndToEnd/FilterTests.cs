using System.Net;
using System.Net.Sockets;
using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Flat.Probe;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary><c>--ip</c> and <c>--port</c> (the probe's <c>.rodata</c> filter) on real traffic: connections go to three
/// servers in namespace B — the IPv4 address on the filtered port, the IPv4 address on another port, the IPv6 address on
/// the filtered port — and flat reports exactly the connections whose server matches every filter given.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class FilterTests
{
    const int ConnectionsPerServer = 5;
    // Fixed ports are free: namespace B is new and has no other sockets.
    const ushort FilteredPort = 8443;
    const ushort OtherPort = 8080;

    public enum Server { Ipv4FilteredPort, Ipv4OtherPort, Ipv6FilteredPort }

    public static TheoryData<string, Server[]> Filters => new()
    {
        { "--ip", [Server.Ipv4FilteredPort, Server.Ipv4OtherPort] },
        { "--port", [Server.Ipv4FilteredPort, Server.Ipv6FilteredPort] },
        { "--ip --port", [Server.Ipv4FilteredPort] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Only_flows_matching_every_filter_are_reported(string flags, Server[] reported)
    {
        Privileged.RequireRoot();
        using var flat = FlatOnVeth.Start(pair => FilterConfiguration.Create(
            flags.Contains("--ip") ? pair.AddressB : null, flags.Contains("--port") ? FilteredPort : null));
        var servers = new Dictionary<Server, IPEndPoint>
        {
            [Server.Ipv4FilteredPort] = new(flat.Pair.AddressB, FilteredPort),
            [Server.Ipv4OtherPort] = new(flat.Pair.AddressB, OtherPort),
            [Server.Ipv6FilteredPort] = new(flat.Pair.Ipv6AddressB, FilteredPort),
        };

        var sourcePorts = new Dictionary<Server, List<ushort>>();
        foreach (var (server, endpoint) in servers)
        {
            using var listener = flat.Pair.BoundSocketInB(endpoint, SocketType.Stream, ProtocolType.Tcp);
            listener.Listen(ConnectionsPerServer);
            sourcePorts[server] = Traffic.TcpConnections(flat.Pair, endpoint, ConnectionsPerServer).Select(c => c.LocalPort).ToList();
        }
        var expected = reported.SelectMany(server => sourcePorts[server]).Order().ToList();
        var measurements = flat.Collect(expected.Count, TimeSpan.FromSeconds(10));
        flat.Detach();

        Assert.Equal(expected, measurements.Select(m => m.Flow.SourcePort).Order());
        var reportedServers = reported.Select(server => servers[server]).ToList();
        Assert.All(measurements.Select(m => Measurement.FromKernel(m, DateTimeOffset.UnixEpoch)),
            m => Assert.Contains(new IPEndPoint(m.Destination, m.DestinationPort), reportedServers));
    }
}
