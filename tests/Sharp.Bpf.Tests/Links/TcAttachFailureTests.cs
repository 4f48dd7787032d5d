using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

public sealed class TcAttachFailureTests
{
    [Theory]
    [InlineData(TcAttachMethod.Tcx)]
    [InlineData(TcAttachMethod.Netlink)]
    public void An_unknown_interface_name_is_reported_with_the_interfaces_that_exist(TcAttachMethod method)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        var error = Assert.Throws<NetworkInterfaceNotFoundException>(() => pair.RunInA(() =>
            Tc.Attach(counter.CountTc, "sbpf-missing0", TcDirection.Ingress, new TcAttachOptions { Method = method })));

        Assert.Contains("'sbpf-missing0'", error.Message);
        Assert.Contains(pair.InterfaceA, error.AvailableInterfaces);
        Assert.Contains("lo", error.AvailableInterfaces);
        AttachmentOracle.AssertNothingAttached(pair.NamespaceA, pair.InterfaceA, "count_tc");
    }

    [Fact]
    public void An_existing_ingress_qdisc_is_a_clear_error_and_stays_as_it_was()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        ExternalTool.Run("tc", ["-n", pair.NamespaceA, "qdisc", "add", "dev", pair.InterfaceA, "ingress"]);

        var error = Assert.Throws<InvalidOperationException>(() => pair.RunInA(() =>
            Tc.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Ingress, new TcAttachOptions { Method = TcAttachMethod.Netlink })));

        Assert.Contains("'ingress' qdisc", error.Message);
        Assert.Contains($"tc qdisc del dev {pair.InterfaceA} ingress", error.Message);
        var qdiscs = AttachmentOracle.Qdiscs(pair.NamespaceA, pair.InterfaceA);
        Assert.Contains("qdisc ingress", qdiscs);
        Assert.DoesNotContain("clsact", qdiscs);
        Assert.Equal("", AttachmentOracle.Filters(pair.NamespaceA, pair.InterfaceA, "ingress").Trim());
    }

    [Theory]
    [InlineData(TcAttachMethod.Tcx)]
    [InlineData(TcAttachMethod.Netlink)]
    public void A_program_of_the_wrong_type_is_refused_before_anything_is_attached(TcAttachMethod method)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        var error = Assert.Throws<ArgumentException>(() => pair.RunInA(() =>
            Tc.Attach(counter.CountXdp, pair.InterfaceA, TcDirection.Ingress, new TcAttachOptions { Method = method })));

        Assert.Contains("'count_xdp' is a Xdp program", error.Message);
        AttachmentOracle.AssertNothingAttached(pair.NamespaceA, pair.InterfaceA, "count_xdp");
    }

    [Fact]
    public void Another_filter_at_the_same_priority_and_handle_is_reported_and_kept()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        using var first = pair.RunInA(() => NetlinkTcLink.Attach(counter.PassTc, pair.InterfaceA, TcDirection.Ingress));

        var error = Assert.Throws<NetlinkException>(() => pair.RunInA(() => NetlinkTcLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Ingress)));

        Assert.Equal("RTM_NEWTFILTER", error.Operation);
        Assert.Equal("EEXIST", error.ErrorName);
        Assert.Contains("another tc filter is attached at priority 1 handle 1", error.Message);
        var filters = AttachmentOracle.Filters(pair.NamespaceA, pair.InterfaceA, "ingress");
        Assert.Contains("pass_tc", filters);
        Assert.DoesNotContain("count_tc", filters);
    }

    [Fact]
    public void The_same_program_twice_on_one_TCX_hook_is_reported()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        using var first = pair.RunInA(() => TcxLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Ingress));

        var error = Assert.Throws<BpfException>(() => pair.RunInA(() => TcxLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Ingress)));

        Assert.Equal("EEXIST", error.ErrorName);
        Assert.Contains("already attached to this hook", error.Message);
    }
}
