using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

public sealed class TcAttachTests
{
    [Theory]
    [InlineData(TcAttachMethod.Tcx, TcDirection.Ingress)]
    [InlineData(TcAttachMethod.Tcx, TcDirection.Egress)]
    [InlineData(TcAttachMethod.Netlink, TcDirection.Ingress)]
    [InlineData(TcAttachMethod.Netlink, TcDirection.Egress)]
    public void A_tc_program_counts_every_packet_of_real_UDP_and_TCP_exchanges_and_leaves_nothing_on_dispose(TcAttachMethod method, TcDirection direction)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        // Traffic goes from A to B: B's interface receives it (ingress), A's sends it (egress).
        var (ns, interfaceName) = direction == TcDirection.Ingress ? (pair.NamespaceB, pair.InterfaceB) : (pair.NamespaceA, pair.InterfaceA);

        using (var link = NetworkNamespacePair.RunIn(ns, () => Tc.Attach(counter.CountTc, interfaceName, direction, new TcAttachOptions { Method = method })))
        {
            Assert.IsType(method == TcAttachMethod.Tcx ? typeof(TcxLink) : typeof(NetlinkTcLink), link);
            Assert.Contains("count_tc", AttachmentOracle.BpftoolNet(ns, interfaceName));

            NamespaceTraffic.SendUdp(pair);
            NamespaceTraffic.ExchangeTcp(pair);

            Assert.Equal((ulong)NamespaceTraffic.Datagrams, counter.UdpPackets);
            // SYN, ACK, data and FIN at least; retransmissions and delayed ACKs vary the rest.
            Assert.InRange(counter.TcpPackets, 4UL, 20UL);
        }
        AttachmentOracle.AssertNothingAttached(ns, interfaceName, "count_tc");
    }

    [Fact]
    public void Auto_chooses_TCX_on_a_kernel_whose_probe_finds_it()
    {
        Privileged.RequireRoot();
        Privileged.SkipUnlessKernelHas(Features.NetworkFeatures.TcxLinks.IsPresent, Features.NetworkFeatures.TcxLinks.Finding);
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using var link = pair.RunInA(() => Tc.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress));

        Assert.IsType<TcxLink>(link);
    }

    [Fact]
    public void A_TCX_link_reports_its_interface_and_program_to_the_kernel()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using var link = pair.RunInA(() => TcxLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress));
        var info = link.GetInfo();

        Assert.Equal(LinkType.Tcx, info.Type);
        Assert.Equal(counter.CountTc.Id, info.ProgramId);
        Assert.Equal(link.InterfaceIndex, info.InterfaceIndex);
        // bpftool before 7.3 has no name for TCX links and prints their type number, 11.
        Assert.Matches($@"(?m)^{info.Id}: (tcx|type 11) +prog {counter.CountTc.Id}\b", AttachmentOracle.BpftoolLinks());
    }

    [Theory]
    [InlineData(TcAttachMethod.Tcx)]
    [InlineData(TcAttachMethod.Netlink)]
    public void Update_replaces_the_program_so_the_new_one_sees_the_traffic(TcAttachMethod method)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using (var link = pair.RunInB(() => Tc.Attach(counter.PassTc, pair.InterfaceB, TcDirection.Ingress, new TcAttachOptions { Method = method })))
        {
            link.Update(counter.CountTc);
            NamespaceTraffic.SendUdp(pair);

            Assert.Equal((ulong)NamespaceTraffic.Datagrams, counter.UdpPackets);
            Assert.Contains("count_tc", AttachmentOracle.BpftoolNet(pair.NamespaceB, pair.InterfaceB));
            Assert.DoesNotContain("pass_tc", AttachmentOracle.BpftoolNet(pair.NamespaceB, pair.InterfaceB));
        }
        AttachmentOracle.AssertNothingAttached(pair.NamespaceB, pair.InterfaceB, "count_tc", "pass_tc");
    }

    [Fact]
    public void A_TCX_anchor_puts_a_program_first()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using var last = pair.RunInA(() => TcxLink.Attach(counter.PassTc, pair.InterfaceA, TcDirection.Egress));
        using var first = pair.RunInA(() => TcxLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress, TcxAnchor.Before(counter.PassTc)));

        var listing = AttachmentOracle.BpftoolNet(pair.NamespaceA, pair.InterfaceA);
        Assert.True(listing.IndexOf("count_tc", StringComparison.Ordinal) < listing.IndexOf("pass_tc", StringComparison.Ordinal), listing);
    }

    [Fact]
    public void Netlink_keeps_a_clsact_qdisc_it_did_not_create()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        ExternalTool.Run("tc", ["-n", pair.NamespaceA, "qdisc", "add", "dev", pair.InterfaceA, "clsact"]);

        using (var link = pair.RunInA(() => NetlinkTcLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress)))
            Assert.False(link.OwnsQdisc);

        Assert.Contains("clsact", AttachmentOracle.Qdiscs(pair.NamespaceA, pair.InterfaceA));
        Assert.Equal("", AttachmentOracle.Filters(pair.NamespaceA, pair.InterfaceA, "egress").Trim());
    }

    [Fact]
    public void Netlink_removes_the_clsact_qdisc_it_created_when_its_last_filter_goes()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        var ingress = pair.RunInA(() => NetlinkTcLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Ingress));
        var egress = pair.RunInA(() => NetlinkTcLink.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress));

        ingress.Dispose();
        Assert.Contains("clsact", AttachmentOracle.Qdiscs(pair.NamespaceA, pair.InterfaceA));
        egress.Dispose();

        AttachmentOracle.AssertNothingAttached(pair.NamespaceA, pair.InterfaceA, "count_tc");
    }

    [Fact]
    public void Dispose_is_idempotent()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        var link = pair.RunInA(() => Tc.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress, new TcAttachOptions { Method = TcAttachMethod.Netlink }));

        link.Dispose();
        link.Dispose();

        Assert.True(link.IsDisposed);
        AttachmentOracle.AssertNothingAttached(pair.NamespaceA, pair.InterfaceA, "count_tc");
    }

    [Fact]
    public void A_netlink_attachment_cannot_be_pinned()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        using var link = pair.RunInA(() => Tc.Attach(counter.CountTc, pair.InterfaceA, TcDirection.Egress, new TcAttachOptions { Method = TcAttachMethod.Netlink }));

        var error = Assert.Throws<NotSupportedException>(() => link.Pin("/sys/fs/bpf/never"));

        Assert.Contains("cannot be pinned", error.Message);
    }
}
