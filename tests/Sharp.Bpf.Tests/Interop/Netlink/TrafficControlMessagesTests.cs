using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>The tc requests encode byte for byte as linux/netlink.h (struct nlmsghdr), linux/rtnetlink.h (struct tcmsg,
/// RTM_*, TCA_KIND, TCA_OPTIONS), linux/pkt_sched.h (TC_H_*) and linux/pkt_cls.h (TCA_BPF_*) lay them out: host byte
/// order, attributes padded to 4 bytes, sequence number and port id left 0 for the socket.</summary>
public sealed class TrafficControlMessagesTests
{
    const int InterfaceIndex = 7;

    [Fact]
    public void NewClsact_is_an_exclusive_RTM_NEWQDISC_of_kind_clsact_with_handle_ffff0000_under_TC_H_CLSACT()
    {
        var expected = Hex.Bytes(
            "30 00 00 00", // nlmsg_len 48
            "24 00",       // nlmsg_type RTM_NEWQDISC (36)
            "01 06",       // nlmsg_flags NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family AF_UNSPEC, tcm__pad1, tcm__pad2
            "07 00 00 00", // tcm_ifindex
            "00 00 ff ff", // tcm_handle TC_H_MAKE(TC_H_CLSACT, 0)
            "f1 ff ff ff", // tcm_parent TC_H_CLSACT
            "00 00 00 00", // tcm_info
            "0b 00 01 00", // nla_len 11, TCA_KIND
            Hex.Ascii("clsact"), "00", "00");

        Assert.Equal(expected, TrafficControlMessages.NewClsact(InterfaceIndex));
    }

    [Fact]
    public void DeleteClsact_is_an_RTM_DELQDISC_of_kind_clsact_with_handle_ffff0000_under_TC_H_CLSACT()
    {
        var expected = Hex.Bytes(
            "30 00 00 00", // nlmsg_len 48
            "25 00",       // nlmsg_type RTM_DELQDISC (37)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "00 00 ff ff", // tcm_handle
            "f1 ff ff ff", // tcm_parent TC_H_CLSACT
            "00 00 00 00", // tcm_info
            "0b 00 01 00", // nla_len 11, TCA_KIND
            Hex.Ascii("clsact"), "00", "00");

        Assert.Equal(expected, TrafficControlMessages.DeleteClsact(InterfaceIndex));
    }

    [Fact]
    public void DumpQdiscs_is_an_RTM_GETQDISC_dump_with_a_bare_tcmsg()
    {
        var expected = Hex.Bytes(
            "24 00 00 00", // nlmsg_len 36
            "26 00",       // nlmsg_type RTM_GETQDISC (38)
            "01 03",       // nlmsg_flags NLM_F_REQUEST | NLM_F_DUMP
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "00 00 00 00", // tcm_handle
            "00 00 00 00", // tcm_parent
            "00 00 00 00"); // tcm_info

        Assert.Equal(expected, TrafficControlMessages.DumpQdiscs(InterfaceIndex));
    }

    [Fact]
    public void NewBpfFilter_is_an_exclusive_RTM_NEWTFILTER_of_kind_bpf_with_fd_name_and_direct_action_options()
    {
        var expected = Hex.Bytes(
            "48 00 00 00", // nlmsg_len 72
            "2c 00",       // nlmsg_type RTM_NEWTFILTER (44)
            "01 06",       // nlmsg_flags NLM_F_REQUEST | NLM_F_EXCL | NLM_F_CREATE
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "01 00 00 00", // tcm_handle 1
            "f2 ff ff ff", // tcm_parent TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_INGRESS)
            "00 03 01 00", // tcm_info: protocol htons(ETH_P_ALL) low, priority 1 high
            "08 00 01 00", // nla_len 8, TCA_KIND
            Hex.Ascii("bpf"), "00",
            "1c 00 02 80", // nla_len 28, TCA_OPTIONS | NLA_F_NESTED
            "08 00 06 00", // nla_len 8, TCA_BPF_FD
            "09 00 00 00", //   fd 9
            "08 00 07 00", // nla_len 8, TCA_BPF_NAME
            Hex.Ascii("cls"), "00",
            "08 00 08 00", // nla_len 8, TCA_BPF_FLAGS
            "01 00 00 00"); //  TCA_BPF_FLAG_ACT_DIRECT

        Assert.Equal(expected, TrafficControlMessages.NewBpfFilter(InterfaceIndex, TcHandles.MinorIngress, 1, 1, 9, "cls", replace: false));
    }

    [Fact]
    public void NewBpfFilter_with_replace_drops_NLM_F_EXCL_and_pads_the_name_attribute()
    {
        var expected = Hex.Bytes(
            "50 00 00 00", // nlmsg_len 80
            "2c 00",       // nlmsg_type RTM_NEWTFILTER (44)
            "01 04",       // nlmsg_flags NLM_F_REQUEST | NLM_F_CREATE
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "2a 00 00 00", // tcm_handle 0x2a
            "f3 ff ff ff", // tcm_parent TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_EGRESS)
            "00 03 02 01", // tcm_info: protocol htons(ETH_P_ALL), priority 0x0102
            "08 00 01 00", // nla_len 8, TCA_KIND
            Hex.Ascii("bpf"), "00",
            "24 00 02 80", // nla_len 36, TCA_OPTIONS | NLA_F_NESTED
            "08 00 06 00", // nla_len 8, TCA_BPF_FD
            "34 12 00 00", //   fd 0x1234
            "0f 00 07 00", // nla_len 15, TCA_BPF_NAME
            Hex.Ascii("classifier"), "00", "00",
            "08 00 08 00", // nla_len 8, TCA_BPF_FLAGS
            "01 00 00 00"); //  TCA_BPF_FLAG_ACT_DIRECT

        Assert.Equal(expected, TrafficControlMessages.NewBpfFilter(InterfaceIndex, TcHandles.MinorEgress, 0x0102, 0x2a, 0x1234, "classifier", replace: true));
    }

    /// <summary>TCA_BPF_NAME's nla_len counts the NUL but not the padding; TCA_BPF_FLAGS starts at the next 4-byte boundary.</summary>
    public static TheoryData<string, byte[]> NameAttributes => new()
    {
        { "", Hex.Bytes("05 00 07 00", "00", "00 00 00") },
        { "a", Hex.Bytes("06 00 07 00", Hex.Ascii("a"), "00", "00 00") },
        { "ab", Hex.Bytes("07 00 07 00", Hex.Ascii("ab"), "00", "00") },
        { "abc", Hex.Bytes("08 00 07 00", Hex.Ascii("abc"), "00") },
        { "abcd", Hex.Bytes("09 00 07 00", Hex.Ascii("abcd"), "00", "00 00 00") },
    };

    [Theory]
    [MemberData(nameof(NameAttributes))]
    public void NewBpfFilter_pads_the_name_so_the_flags_attribute_stays_aligned(string name, byte[] nameAttribute)
    {
        const int nameOffset = 16 + 20 + 8 + 4 + 8; // nlmsghdr, tcmsg, TCA_KIND, TCA_OPTIONS header, TCA_BPF_FD
        byte[] flagsAttribute = Hex.Bytes("08 00 08 00", "01 00 00 00");

        var message = TrafficControlMessages.NewBpfFilter(InterfaceIndex, TcHandles.MinorIngress, 1, 1, 9, name, replace: false);

        Assert.Equal([.. nameAttribute, .. flagsAttribute], message[nameOffset..]);
        Assert.Equal(message.Length, BitConverter.ToInt32(message, 0));
    }

    [Fact]
    public void DeleteBpfFilter_is_an_RTM_DELTFILTER_of_kind_bpf_naming_hook_priority_protocol_and_handle()
    {
        var expected = Hex.Bytes(
            "2c 00 00 00", // nlmsg_len 44
            "2d 00",       // nlmsg_type RTM_DELTFILTER (45)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "2a 00 00 00", // tcm_handle 0x2a
            "f3 ff ff ff", // tcm_parent TC_H_MAKE(TC_H_CLSACT, TC_H_MIN_EGRESS)
            "00 03 07 00", // tcm_info: protocol htons(ETH_P_ALL), priority 7
            "08 00 01 00", // nla_len 8, TCA_KIND
            Hex.Ascii("bpf"), "00");

        Assert.Equal(expected, TrafficControlMessages.DeleteBpfFilter(InterfaceIndex, TcHandles.MinorEgress, 7, 0x2a));
    }

    public static TheoryData<uint, byte[]> DumpFiltersParents => new()
    {
        { TcHandles.MinorIngress, Hex.Bytes("f2 ff ff ff") },
        { TcHandles.MinorEgress, Hex.Bytes("f3 ff ff ff") },
    };

    [Theory]
    [MemberData(nameof(DumpFiltersParents))]
    public void DumpFilters_is_an_RTM_GETTFILTER_dump_whose_parent_is_the_hook(uint hookMinor, byte[] parent)
    {
        var expected = Hex.Bytes(
            "24 00 00 00", // nlmsg_len 36
            "2e 00",       // nlmsg_type RTM_GETTFILTER (46)
            "01 03",       // nlmsg_flags NLM_F_REQUEST | NLM_F_DUMP
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // tcm_family, pads
            "07 00 00 00", // tcm_ifindex
            "00 00 00 00", // tcm_handle
            Convert.ToHexString(parent), // tcm_parent
            "00 00 00 00"); // tcm_info

        Assert.Equal(expected, TrafficControlMessages.DumpFilters(InterfaceIndex, hookMinor));
    }

    /// <summary>tcm_info = TC_H_MAKE(prio &lt;&lt; 16, htons(ETH_P_ALL)), stored as a host-order u32.</summary>
    public static TheoryData<ushort, byte[]> FilterInfo => new()
    {
        { 1, Hex.Bytes("00 03 01 00") },
        { 0x0102, Hex.Bytes("00 03 02 01") },
        { 0xFFFF, Hex.Bytes("00 03 ff ff") },
    };

    [Theory]
    [MemberData(nameof(FilterInfo))]
    public void Filter_requests_pack_the_priority_above_ETH_P_ALL_in_network_order_into_tcm_info(ushort priority, byte[] info)
    {
        const int infoOffset = 16 + 16; // nlmsghdr, tcmsg up to tcm_info

        Assert.Equal(info, TrafficControlMessages.NewBpfFilter(InterfaceIndex, TcHandles.MinorIngress, priority, 1, 9, "p", replace: false)[infoOffset..(infoOffset + 4)]);
        Assert.Equal(info, TrafficControlMessages.DeleteBpfFilter(InterfaceIndex, TcHandles.MinorIngress, priority, 1)[infoOffset..(infoOffset + 4)]);
    }

    public static TheoryData<uint, uint, uint> HandleCompositions => new()
    {
        { TcHandles.Clsact, TcHandles.MinorIngress, 0xFFFFFFF2 },
        { TcHandles.Clsact, TcHandles.MinorEgress, 0xFFFFFFF3 },
        { TcHandles.Clsact, 0, TcHandles.ClsactHandle },
        { 0x0001_0000, 0x0002_0003, 0x0001_0003 },
    };

    [Theory]
    [MemberData(nameof(HandleCompositions))]
    public void Make_takes_the_major_from_the_high_half_and_the_minor_from_the_low_half(uint major, uint minor, uint handle) =>
        Assert.Equal(handle, TcHandles.Make(major, minor));
}
