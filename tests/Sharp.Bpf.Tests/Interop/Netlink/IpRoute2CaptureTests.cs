using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>The requests match what iproute2 sends for the same operation, as captured with
/// <c>strace -f -e trace=sendmsg -e write=3 -xx</c> in a fresh network namespace (interface lo, index 1; the program fd
/// 6 and name "prog.o:[tc]" are what <c>tc ... bpf da obj prog.o sec tc</c> used). A capture carries a sequence number
/// and NLM_F_ACK, which RouteNetlinkSocket fills in at send time; <see cref="AsBuilt"/> takes both out.</summary>
public sealed class IpRoute2CaptureTests
{
    const int Loopback = 1;

    /// <summary><c>tc qdisc add dev lo clsact</c>.</summary>
    static readonly byte[] TcQdiscAddClsact = Hex.Bytes(
        "30 00 00 00 24 00 05 06 a2 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 00 00 ff ff f1 ff ff ff",
        "00 00 00 00 0b 00 01 00 63 6c 73 61 63 74 00 00");

    /// <summary><c>tc qdisc del dev lo clsact</c>.</summary>
    static readonly byte[] TcQdiscDelClsact = Hex.Bytes(
        "30 00 00 00 25 00 05 00 a2 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 00 00 ff ff f1 ff ff ff",
        "00 00 00 00 0b 00 01 00 63 6c 73 61 63 74 00 00");

    /// <summary><c>tc filter add dev lo ingress protocol all pref 1 handle 1 bpf da obj prog.o sec tc</c>.</summary>
    static readonly byte[] TcFilterAddBpf = Hex.Bytes(
        "50 00 00 00 2c 00 05 06 f4 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 01 00 00 00 f2 ff ff ff",
        "00 03 01 00 08 00 01 00 62 70 66 00 24 00 02 00",
        "08 00 06 00 06 00 00 00 10 00 07 00 70 72 6f 67",
        "2e 6f 3a 5b 74 63 5d 00 08 00 08 00 01 00 00 00");

    /// <summary><c>tc filter del dev lo egress protocol all pref 7 handle 0x2a bpf</c>.</summary>
    static readonly byte[] TcFilterDelBpf = Hex.Bytes(
        "2c 00 00 00 2d 00 05 00 f4 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 2a 00 00 00 f3 ff ff ff",
        "00 03 07 00 08 00 01 00 62 70 66 00");

    /// <summary><c>tc filter show dev lo ingress</c>.</summary>
    static readonly byte[] TcFilterShowIngress = Hex.Bytes(
        "24 00 00 00 2e 00 01 03 a2 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 00 00 00 00 f2 ff ff ff",
        "00 00 00 00");

    /// <summary><c>ip link set dev lo xdpgeneric off</c>.</summary>
    static readonly byte[] IpLinkSetXdpGenericOff = Hex.Bytes(
        "34 00 00 00 10 00 05 00 a1 ec 06 6b 00 00 00 00",
        "00 00 00 00 01 00 00 00 00 00 00 00 00 00 00 00",
        "14 00 2b 00 08 00 01 00 ff ff ff ff 08 00 03 00",
        "03 00 00 00");

    [Fact]
    public void NewClsact_equals_tc_qdisc_add_clsact() =>
        Assert.Equal(AsBuilt(TcQdiscAddClsact), TrafficControlMessages.NewClsact(Loopback));

    [Fact]
    public void DeleteClsact_equals_tc_qdisc_del_clsact() =>
        Assert.Equal(AsBuilt(TcQdiscDelClsact), TrafficControlMessages.DeleteClsact(Loopback));

    [Fact]
    public void DeleteBpfFilter_equals_tc_filter_del_protocol_all() =>
        Assert.Equal(AsBuilt(TcFilterDelBpf), TrafficControlMessages.DeleteBpfFilter(Loopback, TcHandles.MinorEgress, 7, 0x2a));

    [Fact]
    public void DumpFilters_equals_tc_filter_show() =>
        Assert.Equal(AsBuilt(TcFilterShowIngress), TrafficControlMessages.DumpFilters(Loopback, TcHandles.MinorIngress));

    /// <summary>tc leaves NLA_F_NESTED off TCA_OPTIONS (byte 0x2f); libbpf, like Sharp.Bpf, sets it. cls_bpf accepts both.</summary>
    [Fact]
    public void NewBpfFilter_equals_tc_filter_add_bpf_da_but_marks_TCA_OPTIONS_nested()
    {
        var expected = AsBuilt(TcFilterAddBpf);
        expected[0x2f] |= 0x80;

        Assert.Equal(expected, TrafficControlMessages.NewBpfFilter(Loopback, TcHandles.MinorIngress, 1, 1, 6, "prog.o:[tc]", replace: false));
    }

    /// <summary>ip sends RTM_NEWLINK and leaves NLA_F_NESTED off IFLA_XDP (byte 0x23); libbpf, like Sharp.Bpf, sends
    /// RTM_SETLINK with the flag. The ifinfomsg and the IFLA_XDP_FD/IFLA_XDP_FLAGS attributes are the same.</summary>
    [Fact]
    public void SetXdp_detach_carries_the_ifinfomsg_and_attributes_of_ip_link_set_xdpgeneric_off()
    {
        const uint updateIfNoExistSkbMode = 0x3;
        var expected = AsBuilt(IpLinkSetXdpGenericOff);
        expected[4] = (byte)NetlinkMessageType.SetLink;
        expected[0x23] |= 0x80;

        Assert.Equal(expected, InterfaceMessages.SetXdp(Loopback, -1, updateIfNoExistSkbMode, null));
    }

    /// <summary>The capture as the builder leaves it: nlmsg_seq 0 and no NLM_F_ACK.</summary>
    static byte[] AsBuilt(byte[] capture)
    {
        const byte ack = 0x04;
        var message = capture.ToArray();
        message[6] &= unchecked((byte)~ack);
        Array.Clear(message, 8, 4);
        return message;
    }
}
