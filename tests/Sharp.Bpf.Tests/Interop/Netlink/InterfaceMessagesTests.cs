using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>The link requests encode byte for byte as linux/netlink.h (struct nlmsghdr), linux/rtnetlink.h (struct
/// ifinfomsg, RTM_GETLINK, RTM_SETLINK) and linux/if_link.h (IFLA_IFNAME, IFLA_XDP, IFLA_XDP_*, XDP_FLAGS_*) lay them out.</summary>
public sealed class InterfaceMessagesTests
{
    const uint XdpFlagsUpdateIfNoExist = 1 << 0;
    const uint XdpFlagsSkbMode = 1 << 1;
    const uint XdpFlagsDrvMode = 1 << 2;
    const uint XdpFlagsReplace = 1 << 4;

    public static TheoryData<string, byte[]> NameRequests => new()
    {
        {
            "lo", Hex.Bytes(
                "28 00 00 00", // nlmsg_len 40
                "12 00",       // nlmsg_type RTM_GETLINK (18)
                "01 00",       // nlmsg_flags NLM_F_REQUEST
                "00 00 00 00", // nlmsg_seq
                "00 00 00 00", // nlmsg_pid
                "00 00 00 00", // ifi_family AF_UNSPEC, __ifi_pad, ifi_type
                "00 00 00 00", // ifi_index
                "00 00 00 00", // ifi_flags
                "00 00 00 00", // ifi_change
                "07 00 03 00", // nla_len 7, IFLA_IFNAME
                Hex.Ascii("lo"), "00", "00")
        },
        {
            "eth0", Hex.Bytes(
                "2c 00 00 00", // nlmsg_len 44
                "12 00",       // nlmsg_type RTM_GETLINK (18)
                "01 00",       // nlmsg_flags NLM_F_REQUEST
                "00 00 00 00", // nlmsg_seq
                "00 00 00 00", // nlmsg_pid
                "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
                "00 00 00 00", // ifi_index
                "00 00 00 00", // ifi_flags
                "00 00 00 00", // ifi_change
                "09 00 03 00", // nla_len 9, IFLA_IFNAME
                Hex.Ascii("eth0"), "00", "00 00 00")
        },
    };

    [Theory]
    [MemberData(nameof(NameRequests))]
    public void GetByName_is_an_RTM_GETLINK_with_a_blank_ifinfomsg_and_a_NUL_terminated_IFLA_IFNAME(string name, byte[] expected) =>
        Assert.Equal(expected, InterfaceMessages.GetByName(name));

    [Fact]
    public void GetByIndex_is_an_RTM_GETLINK_with_only_ifi_index_set()
    {
        var expected = Hex.Bytes(
            "20 00 00 00", // nlmsg_len 32
            "12 00",       // nlmsg_type RTM_GETLINK (18)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "03 00 00 00", // ifi_index 3
            "00 00 00 00", // ifi_flags
            "00 00 00 00"); // ifi_change

        Assert.Equal(expected, InterfaceMessages.GetByIndex(3));
    }

    [Fact]
    public void DumpAll_is_an_RTM_GETLINK_dump_with_a_blank_ifinfomsg()
    {
        var expected = Hex.Bytes(
            "20 00 00 00", // nlmsg_len 32
            "12 00",       // nlmsg_type RTM_GETLINK (18)
            "01 03",       // nlmsg_flags NLM_F_REQUEST | NLM_F_DUMP
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "00 00 00 00", // ifi_index
            "00 00 00 00", // ifi_flags
            "00 00 00 00"); // ifi_change

        Assert.Equal(expected, InterfaceMessages.DumpAll());
    }

    [Fact]
    public void SetXdp_without_flags_nests_only_IFLA_XDP_FD()
    {
        var expected = Hex.Bytes(
            "2c 00 00 00", // nlmsg_len 44
            "13 00",       // nlmsg_type RTM_SETLINK (19)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "04 00 00 00", // ifi_index 4
            "00 00 00 00", // ifi_flags
            "00 00 00 00", // ifi_change
            "0c 00 2b 80", // nla_len 12, IFLA_XDP (43) | NLA_F_NESTED
            "08 00 01 00", // nla_len 8, IFLA_XDP_FD
            "09 00 00 00"); //  fd 9

        Assert.Equal(expected, InterfaceMessages.SetXdp(4, 9, 0, null));
    }

    [Fact]
    public void SetXdp_with_flags_nests_IFLA_XDP_FLAGS_after_the_fd()
    {
        var expected = Hex.Bytes(
            "34 00 00 00", // nlmsg_len 52
            "13 00",       // nlmsg_type RTM_SETLINK (19)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "04 00 00 00", // ifi_index 4
            "00 00 00 00", // ifi_flags
            "00 00 00 00", // ifi_change
            "14 00 2b 80", // nla_len 20, IFLA_XDP | NLA_F_NESTED
            "08 00 01 00", // nla_len 8, IFLA_XDP_FD
            "09 00 00 00", //   fd 9
            "08 00 03 00", // nla_len 8, IFLA_XDP_FLAGS
            "05 00 00 00"); //  XDP_FLAGS_UPDATE_IF_NOEXIST | XDP_FLAGS_DRV_MODE

        Assert.Equal(expected, InterfaceMessages.SetXdp(4, 9, XdpFlagsUpdateIfNoExist | XdpFlagsDrvMode, null));
    }

    [Fact]
    public void SetXdp_with_an_expected_program_nests_IFLA_XDP_EXPECTED_FD_last()
    {
        var expected = Hex.Bytes(
            "3c 00 00 00", // nlmsg_len 60
            "13 00",       // nlmsg_type RTM_SETLINK (19)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "04 00 00 00", // ifi_index 4
            "00 00 00 00", // ifi_flags
            "00 00 00 00", // ifi_change
            "1c 00 2b 80", // nla_len 28, IFLA_XDP | NLA_F_NESTED
            "08 00 01 00", // nla_len 8, IFLA_XDP_FD
            "09 00 00 00", //   fd 9
            "08 00 03 00", // nla_len 8, IFLA_XDP_FLAGS
            "12 00 00 00", //   XDP_FLAGS_SKB_MODE | XDP_FLAGS_REPLACE
            "08 00 08 00", // nla_len 8, IFLA_XDP_EXPECTED_FD
            "08 00 00 00"); //  fd 8

        Assert.Equal(expected, InterfaceMessages.SetXdp(4, 9, XdpFlagsSkbMode | XdpFlagsReplace, 8));
    }

    [Fact]
    public void SetXdp_detaches_with_IFLA_XDP_FD_minus_one()
    {
        var expected = Hex.Bytes(
            "34 00 00 00", // nlmsg_len 52
            "13 00",       // nlmsg_type RTM_SETLINK (19)
            "01 00",       // nlmsg_flags NLM_F_REQUEST
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00", // nlmsg_pid
            "00 00 00 00", // ifi_family, __ifi_pad, ifi_type
            "04 00 00 00", // ifi_index 4
            "00 00 00 00", // ifi_flags
            "00 00 00 00", // ifi_change
            "14 00 2b 80", // nla_len 20, IFLA_XDP | NLA_F_NESTED
            "08 00 01 00", // nla_len 8, IFLA_XDP_FD
            "ff ff ff ff", //   -1
            "08 00 03 00", // nla_len 8, IFLA_XDP_FLAGS
            "02 00 00 00"); //  XDP_FLAGS_SKB_MODE

        Assert.Equal(expected, InterfaceMessages.SetXdp(4, -1, XdpFlagsSkbMode, null));
    }
}
