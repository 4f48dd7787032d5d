using Sharp.Bpf.Flat.Interfaces;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Interfaces;

public sealed class InterfaceResolverTests
{
    static readonly string[] Available = ["lo", "eth0", "veth1"];

    [Fact]
    public void Requested_interface_that_exists_is_used() =>
        Assert.Equal("veth1", InterfaceResolver.Resolve("veth1", Available, "eth0", out _));

    [Fact]
    public void Unknown_interface_is_an_error_listing_the_available_ones()
    {
        Assert.Null(InterfaceResolver.Resolve("eth9", Available, "eth0", out var error));
        Assert.Equal("no interface named 'eth9'; available interfaces: eth0, lo, veth1", error);
    }

    [Fact]
    public void Without_a_request_the_default_route_interface_is_used() =>
        Assert.Equal("eth0", InterfaceResolver.Resolve(null, Available, "eth0", out _));

    [Fact]
    public void Without_a_request_or_a_default_route_the_error_lists_the_interfaces()
    {
        Assert.Null(InterfaceResolver.Resolve(null, Available, null, out var error));
        Assert.Equal("no default route to pick an interface from; choose one with -i: eth0, lo, veth1", error);
    }
}
