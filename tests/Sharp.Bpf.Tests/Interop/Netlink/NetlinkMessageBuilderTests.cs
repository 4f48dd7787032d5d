using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>The builder writes struct nlmsghdr and struct nlattr (linux/netlink.h) in host byte order, with NLMSG_ALIGN and
/// NLA_ALIGN padding to 4 bytes.</summary>
public sealed class NetlinkMessageBuilderTests
{
    [Fact]
    public void A_bare_request_is_a_16_byte_nlmsghdr_with_NLM_F_REQUEST_added_and_seq_and_pid_zero()
    {
        var expected = Hex.Bytes(
            "10 00 00 00", // nlmsg_len 16
            "10 00",       // nlmsg_type RTM_NEWLINK (16)
            "01 04",       // nlmsg_flags NLM_F_REQUEST | NLM_F_CREATE
            "00 00 00 00", // nlmsg_seq
            "00 00 00 00"); // nlmsg_pid

        Assert.Equal(expected, new NetlinkMessageBuilder(NetlinkMessageType.NewLink, NetlinkFlags.Create).ToArray());
    }

    [Fact]
    public void A_family_header_is_padded_to_4_bytes_and_counted_in_nlmsg_len()
    {
        var expected = Hex.Bytes("14 00 00 00", "10 00", "01 00", "00 00 00 00", "00 00 00 00", "ab", "00 00 00");

        Assert.Equal(expected, new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Header((byte)0xab).ToArray());
    }

    public static TheoryData<byte[], byte[]> RawAttributes => new()
    {
        { [], Hex.Bytes("04 00 05 00") },
        { [0x01], Hex.Bytes("05 00 05 00", "01", "00 00 00") },
        { [0x01, 0x02, 0x03, 0x04], Hex.Bytes("08 00 05 00", "01 02 03 04") },
        { [0x01, 0x02, 0x03, 0x04, 0x05], Hex.Bytes("09 00 05 00", "01 02 03 04 05", "00 00 00") },
    };

    [Theory]
    [MemberData(nameof(RawAttributes))]
    public void An_attribute_length_counts_header_and_payload_but_not_the_padding_that_follows(byte[] payload, byte[] attribute)
    {
        var message = new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Attribute(5, payload).ToArray();

        Assert.Equal(attribute, message[16..]);
        Assert.Equal(16 + attribute.Length, BitConverter.ToInt32(message, 0));
    }

    public static TheoryData<string, byte[]> StringAttributes => new()
    {
        { "", Hex.Bytes("05 00 03 00", "00", "00 00 00") },
        { "lo", Hex.Bytes("07 00 03 00", "6c 6f", "00", "00") },
        { "é", Hex.Bytes("07 00 03 00", "c3 a9", "00", "00") },
    };

    [Theory]
    [MemberData(nameof(StringAttributes))]
    public void A_string_attribute_is_UTF8_with_a_terminating_NUL(string value, byte[] attribute) =>
        Assert.Equal(attribute, new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Attribute(3, value).ToArray()[16..]);

    [Fact]
    public void A_u32_attribute_is_in_host_byte_order() =>
        Assert.Equal(Hex.Bytes("08 00 08 00", "78 56 34 12"), new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Attribute(8, 0x12345678u).ToArray()[16..]);

    [Fact]
    public void An_s32_attribute_is_twos_complement_in_host_byte_order() =>
        Assert.Equal(Hex.Bytes("08 00 01 00", "fe ff ff ff"), new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Attribute(1, -2).ToArray()[16..]);

    [Fact]
    public void An_empty_nest_is_a_bare_attribute_header_with_NLA_F_NESTED() =>
        Assert.Equal(Hex.Bytes("04 00 2b 80"), new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0).Nested(43, _ => { }).ToArray()[16..]);

    [Fact]
    public void A_nest_length_covers_its_padded_children_including_inner_nests()
    {
        var expected = Hex.Bytes(
            "28 00 00 00", // nlmsg_len 40
            "10 00", "01 00", "00 00 00 00", "00 00 00 00",
            "18 00 02 80", // nla_len 24, type 2 | NLA_F_NESTED
            "05 00 01 00", //   nla_len 5, type 1
            "aa", "00 00 00",
            "0c 00 03 80", //   nla_len 12, type 3 | NLA_F_NESTED
            "08 00 04 00", //     nla_len 8, type 4
            "01 00 00 00");

        var message = new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0)
            .Nested(2, outer => outer
                .Attribute(1, [0xaa])
                .Nested(3, inner => inner.Attribute(4, 1u)))
            .ToArray();

        Assert.Equal(expected, message);
    }

    [Fact]
    public void Attributes_after_a_nest_follow_it_at_top_level()
    {
        var message = new NetlinkMessageBuilder(NetlinkMessageType.NewLink, 0)
            .Nested(2, nest => nest.Attribute(1, 7u))
            .Attribute(3, 9u)
            .ToArray();

        Assert.Equal(Hex.Bytes("0c 00 02 80", "08 00 01 00", "07 00 00 00", "08 00 03 00", "09 00 00 00"), message[16..]);
        Assert.Equal(36, BitConverter.ToInt32(message, 0));
    }
}
