using Sharp.Bpf.Links;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Links;

public sealed class XdpAttachTests
{
    [Theory]
    [InlineData(XdpAttachMethod.Link, XdpMode.Native)]
    [InlineData(XdpAttachMethod.Link, XdpMode.Generic)]
    [InlineData(XdpAttachMethod.Netlink, XdpMode.Native)]
    [InlineData(XdpAttachMethod.Netlink, XdpMode.Generic)]
    public void An_XDP_program_counts_every_received_datagram_and_leaves_nothing_on_dispose(XdpAttachMethod method, XdpMode mode)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using (var link = pair.RunInB(() => Xdp.Attach(counter.CountXdp, pair.InterfaceB, new XdpAttachOptions { Method = method, Mode = mode })))
        {
            Assert.IsType(method == XdpAttachMethod.Link ? typeof(XdpLink) : typeof(NetlinkXdpLink), link);
            Assert.Contains(mode == XdpMode.Native ? "xdp " : "xdpgeneric", AttachmentOracle.Link(pair.NamespaceB, pair.InterfaceB));

            NamespaceTraffic.SendUdp(pair);

            Assert.Equal((ulong)NamespaceTraffic.Datagrams, counter.UdpPackets);
        }
        AttachmentOracle.AssertNothingAttached(pair.NamespaceB, pair.InterfaceB, "count_xdp");
    }

    [Theory]
    [InlineData(XdpAttachMethod.Link)]
    [InlineData(XdpAttachMethod.Netlink)]
    public void Update_replaces_the_XDP_program(XdpAttachMethod method)
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        using (var link = pair.RunInB(() => Xdp.Attach(counter.PassXdp, pair.InterfaceB, new XdpAttachOptions { Method = method, Mode = XdpMode.Generic })))
        {
            link.Update(counter.CountXdp);
            NamespaceTraffic.SendUdp(pair);

            Assert.Equal((ulong)NamespaceTraffic.Datagrams, counter.UdpPackets);
        }
        AttachmentOracle.AssertNothingAttached(pair.NamespaceB, pair.InterfaceB, "count_xdp", "pass_xdp");
    }

    [Fact]
    public void Netlink_cannot_displace_a_program_attached_by_link_and_says_so()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();
        using var link = pair.RunInB(() => XdpLink.Attach(counter.PassXdp, pair.InterfaceB, XdpMode.Generic));

        var error = Assert.Throws<NetlinkException>(() => pair.RunInB(() =>
            NetlinkXdpLink.Attach(counter.CountXdp, pair.InterfaceB, XdpMode.Generic, replace: true)));

        Assert.Equal("RTM_SETLINK", error.Operation);
        Assert.NotNull(error.KernelMessage);
        Assert.Contains(error.KernelMessage!, error.Message);
        Assert.Contains($"id {counter.PassXdp.Id}", AttachmentOracle.BpftoolNet(pair.NamespaceB, pair.InterfaceB));
    }

    [Fact]
    public void Offload_on_a_driver_without_it_is_a_clear_error()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        var error = Assert.Throws<BpfException>(() => pair.RunInB(() =>
            Xdp.Attach(counter.CountXdp, pair.InterfaceB, new XdpAttachOptions { Mode = XdpMode.Offload })));

        Assert.Contains("offload", error.Message);
        AttachmentOracle.AssertNothingAttached(pair.NamespaceB, pair.InterfaceB, "count_xdp");
    }

    [Fact]
    public void A_tc_program_is_refused_by_the_XDP_hook()
    {
        Privileged.RequireRoot();
        using var counter = new PacketCounter();
        using var pair = new NetworkNamespacePair();

        var error = Assert.Throws<ArgumentException>(() => pair.RunInB(() => Xdp.Attach(counter.CountTc, pair.InterfaceB)));

        Assert.Contains("'count_tc' is a SchedClassifier program", error.Message);
        AttachmentOracle.AssertNothingAttached(pair.NamespaceB, pair.InterfaceB, "count_tc");
    }
}
