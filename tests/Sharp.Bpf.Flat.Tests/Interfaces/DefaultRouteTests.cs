using Sharp.Bpf.Flat.Interfaces;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Interfaces;

public sealed class DefaultRouteTests
{
    const string Ipv4Header = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

    [Fact]
    public void Ipv4_default_route_gives_its_interface() => Assert.Equal("eth0", DefaultRoute.FromIpv4Table(Ipv4Header +
        "eth0\t00000000\t0102A8C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n" +
        "eth0\t0002A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"));

    [Fact]
    public void Lowest_metric_ipv4_default_route_wins() => Assert.Equal("wlan0", DefaultRoute.FromIpv4Table(Ipv4Header +
        "eth0\t00000000\t0102A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n" +
        "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t50\t00000000\t0\t0\t0\n"));

    [Fact]
    public void Ipv4_table_without_a_default_route_gives_none() => Assert.Null(DefaultRoute.FromIpv4Table(Ipv4Header +
        "eth0\t0002A8C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n"));

    [Fact]
    public void Ipv4_default_route_that_is_down_is_skipped() => Assert.Null(DefaultRoute.FromIpv4Table(Ipv4Header +
        "eth0\t00000000\t0102A8C0\t0002\t0\t0\t100\t00000000\t0\t0\t0\n"));

    [Fact]
    public void Ipv6_default_route_gives_its_interface_and_skips_the_unreachable_one_on_lo() => Assert.Equal("ens3", DefaultRoute.FromIpv6Table(
        "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 00000000000000000000000000000000 00000100 00000001 00000000 00000001     ens3\n" +
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 fe800000000000000000000000000001 00000400 00000001 00000000 00450003     ens3\n" +
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"));

    [Fact]
    public void Ipv6_table_with_only_the_unreachable_default_gives_none() => Assert.Null(DefaultRoute.FromIpv6Table(
        "00000000000000000000000000000000 00 00000000000000000000000000000000 00 00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"));

    [Fact]
    public void Empty_tables_give_none() => Assert.Null(DefaultRoute.FromIpv4Table("") ?? DefaultRoute.FromIpv6Table(""));
}
