using System.Net;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Probe;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Kernel;

/// <summary>The <c>--ip</c> and <c>--port</c> filter, set in <see cref="FlatProbe.Filter"/> as user space sets it before load.</summary>
[Collection(ProbeFixture.Name)]
public sealed class FilterTests : ProbeFixture
{
    static void Filter(string? ip, ushort? port) => FlatProbe.Filter = FilterConfiguration.Create(ip is null ? null : IPAddress.Parse(ip), port);

    int MeasuredWith(string? ip, ushort? port, string client, string server, ushort serverPort)
    {
        Filter(ip, port);
        Handshake(client, server, 40000, serverPort);
        return Measurements().Count;
    }

    [Theory]
    [InlineData(443, 1)]
    [InlineData(40000, 1)] // the client's port matches too: either end
    [InlineData(80, 0)]
    public void Port_filter_measures_flows_with_that_port_at_either_end(ushort port, int expected) =>
        Assert.Equal(expected, MeasuredWith(null, port, "10.0.0.1", "10.0.0.2", 443));

    [Theory]
    [InlineData("10.0.0.2", 1)]
    [InlineData("10.0.0.1", 1)]
    [InlineData("10.0.0.3", 0)]
    public void Address_filter_measures_flows_with_that_address_at_either_end(string ip, int expected) =>
        Assert.Equal(expected, MeasuredWith(ip, null, "10.0.0.1", "10.0.0.2", 443));

    [Theory]
    [InlineData("10.0.0.2", (ushort)443, 1)]
    [InlineData("10.0.0.2", (ushort)80, 0)]
    [InlineData("10.0.0.3", (ushort)443, 0)]
    public void Address_and_port_filters_must_both_match(string ip, ushort port, int expected) =>
        Assert.Equal(expected, MeasuredWith(ip, port, "10.0.0.1", "10.0.0.2", 443));

    [Fact]
    public void Ipv6_address_filter_matches_ipv6_flows()
    {
        Filter("fd00::2", null);
        Egress(Tcp6("fd00::1", "fd00::2", 40000, 443, Syn));
        Ingress(Tcp6("fd00::2", "fd00::1", 443, 40000, SynAck));
        Assert.Single(Measurements());
    }

    [Fact]
    public void Ipv4_address_filter_does_not_match_an_ipv6_flow()
    {
        Filter("10.0.0.2", null);
        Egress(Tcp6("fd00::1", "fd00::2", 40000, 443, Syn));
        Assert.Equal(0, FlatProbe.Pending.Count);
    }

    [Fact]
    public void Filtered_out_request_is_not_kept_pending()
    {
        Filter(null, 53);
        Egress(Udp4("10.0.0.1", "10.0.0.2", 33000, 123));
        Assert.Equal(0, FlatProbe.Pending.Count);
    }
}
