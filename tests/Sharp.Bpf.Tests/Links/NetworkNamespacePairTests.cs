using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

public sealed class NetworkNamespacePairTests
{
    [Fact]
    public void Dispose_removes_both_namespaces_and_the_veth_pair()
    {
        Privileged.RequireRoot();
        var pair = new NetworkNamespacePair();
        Assert.Contains(pair.NamespaceA, ExternalTool.Run("ip", ["netns", "list"]));

        pair.Dispose();

        AttachmentOracle.AssertNamespacesGone(pair);
        Assert.DoesNotContain(pair.InterfaceA, ExternalTool.Run("ip", ["link", "show"]));
    }

    [Fact]
    public void The_addresses_exist_only_inside_the_namespaces()
    {
        Privileged.RequireRoot();
        using var pair = new NetworkNamespacePair();

        Assert.Contains(pair.AddressA.ToString(), ExternalTool.Run("ip", ["-n", pair.NamespaceA, "addr", "show"]));
        Assert.DoesNotContain(pair.AddressA.ToString(), ExternalTool.Run("ip", ["addr", "show"]));
    }
}
