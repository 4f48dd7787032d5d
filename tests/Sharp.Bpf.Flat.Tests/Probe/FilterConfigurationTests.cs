using System.Net;
using Sharp.Bpf.Flat.Probe;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Probe;

public sealed class FilterConfigurationTests
{
    [Fact]
    public void No_filter_matches_every_address_and_port()
    {
        var filter = FilterConfiguration.Create(null, null);
        Assert.Equal((0, (byte)0), (filter.Port, filter.MatchAddress));
    }

    [Fact]
    public void Port_is_stored_in_host_order() => Assert.Equal(443, FilterConfiguration.Create(null, 443).Port);

    [Fact]
    public void Ipv4_address_is_stored_ipv4_mapped_as_the_probe_keys_flows()
    {
        var filter = FilterConfiguration.Create(IPAddress.Parse("10.0.0.2"), null);
        Assert.Equal(("::ffff:10.0.0.2", (byte)1), (filter.Address.ToString(), filter.MatchAddress));
    }

    [Fact]
    public void Ipv6_address_is_stored_as_is() =>
        Assert.Equal("2001:db8::1", FilterConfiguration.Create(IPAddress.Parse("2001:db8::1"), null).Address.ToString());
}
