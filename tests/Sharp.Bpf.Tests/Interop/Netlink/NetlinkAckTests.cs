using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>Decoding the payload of an NLMSG_ERROR message: struct nlmsgerr (linux/netlink.h), then — with NLM_F_ACK_TLVS
/// — enum nlmsgerr_attrs attributes after the echoed request, which is only its header with NLM_F_CAPPED and the whole
/// request, NLMSG_ALIGNed, without.</summary>
public sealed class NetlinkAckTests
{
    /// <summary>The nlmsghdr of a 44-byte RTM_DELTFILTER request, as echoed in struct nlmsgerr.</summary>
    const string EchoedHeader = "2c 00 00 00" + "2d 00" + "05 00" + "07 00 00 00" + "00 00 00 00";

    [Fact]
    public void A_zero_error_is_a_positive_acknowledgement()
    {
        var payload = Hex.Bytes("00 00 00 00", EchoedHeader);

        Assert.Equal(new NetlinkAck(0, null), NetlinkAck.Decode(payload, NetlinkFlags.Capped));
    }

    [Fact]
    public void A_negative_error_decodes_to_the_positive_errno()
    {
        var payload = Hex.Bytes("ef ff ff ff", EchoedHeader); // -EEXIST

        Assert.Equal(new NetlinkAck(17, null), NetlinkAck.Decode(payload, NetlinkFlags.Capped));
    }

    [Fact]
    public void An_error_echoing_the_whole_request_without_ack_tlvs_has_no_message()
    {
        var payload = Hex.Bytes(
            "fe ff ff ff", // -ENOENT
            "18 00 00 00", "2d 00", "05 00", "07 00 00 00", "00 00 00 00", // echoed nlmsghdr, nlmsg_len 24
            "08 00 01 00", Hex.Ascii("bpf"), "00"); // echoed request payload

        Assert.Equal(new NetlinkAck(2, null), NetlinkAck.Decode(payload, 0));
    }

    [Fact]
    public void A_capped_extended_ack_carries_the_NLMSGERR_ATTR_MSG_text_after_the_echoed_header()
    {
        var payload = Hex.Bytes(
            "ef ff ff ff", // -EEXIST
            EchoedHeader,
            "26 00 01 00", // nla_len 38, NLMSGERR_ATTR_MSG
            Hex.Ascii("Exclusivity flag on, cannot modify"), "00", "00 00");

        Assert.Equal(new NetlinkAck(17, "Exclusivity flag on, cannot modify"), NetlinkAck.Decode(payload, NetlinkFlags.Capped | NetlinkFlags.AckTlvs));
    }

    [Fact]
    public void An_uncapped_extended_ack_skips_the_whole_aligned_echoed_request_before_its_attributes()
    {
        var payload = Hex.Bytes(
            "ea ff ff ff", // -EINVAL
            "16 00 00 00", "2c 00", "05 06", "07 00 00 00", "00 00 00 00", // echoed nlmsghdr, nlmsg_len 22
            "05 00 01 00", "62", "00 00 00", // echoed request payload (6 bytes), NLMSG_ALIGN padding to 24 bytes
            "08 00 02 00", "24 00 00 00", // NLMSGERR_ATTR_OFFS 36
            "0f 00 01 00", Hex.Ascii("Bad handle"), "00", "00"); // NLMSGERR_ATTR_MSG

        Assert.Equal(new NetlinkAck(22, "Bad handle"), NetlinkAck.Decode(payload, NetlinkFlags.AckTlvs));
    }

    [Fact]
    public void A_success_can_carry_a_warning_message()
    {
        var payload = Hex.Bytes("00 00 00 00", EchoedHeader, "0b 00 01 00", Hex.Ascii("Warning"), "00", "00");

        Assert.Equal(new NetlinkAck(0, "Warning"), NetlinkAck.Decode(payload, NetlinkFlags.Capped | NetlinkFlags.AckTlvs));
    }

    [Fact]
    public void An_extended_ack_without_NLMSGERR_ATTR_MSG_has_no_message()
    {
        var payload = Hex.Bytes("ea ff ff ff", EchoedHeader, "08 00 02 00", "14 00 00 00"); // NLMSGERR_ATTR_OFFS only

        Assert.Equal(new NetlinkAck(22, null), NetlinkAck.Decode(payload, NetlinkFlags.Capped | NetlinkFlags.AckTlvs));
    }

    public static TheoryData<string> EchoedLengthsPastThePayload => new()
    {
        "30 00 00 00", // 48: a request longer than what was echoed
        "f0 ff ff ff", // above int.MaxValue
        "ff ff ff ff",
    };

    [Theory]
    [MemberData(nameof(EchoedLengthsPastThePayload))]
    public void An_echoed_request_length_past_the_payload_leaves_the_errno_without_a_message(string echoedLength)
    {
        var payload = Hex.Bytes("ea ff ff ff", echoedLength, "2c 00", "05 00", "07 00 00 00", "00 00 00 00", "08 00 01 00", Hex.Ascii("abc"), "00");

        Assert.Equal(new NetlinkAck(22, null), NetlinkAck.Decode(payload, NetlinkFlags.AckTlvs));
    }

    [Fact]
    public void A_payload_shorter_than_struct_nlmsgerr_throws_InvalidDataException()
    {
        var payload = Hex.Bytes("ea ff ff ff", "2c 00 00 00", "2d 00", "05 00", "07 00 00 00"); // 16 of 20 bytes

        var error = Assert.Throws<InvalidDataException>(() => NetlinkAck.Decode(payload, NetlinkFlags.Capped));
        Assert.Contains("struct nlmsgerr", error.Message);
    }

    [Fact]
    public void Decode_of_arbitrary_bytes_either_succeeds_or_throws_InvalidDataException()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 10_000; i++)
        {
            var payload = new byte[random.Next(0, 96)];
            random.NextBytes(payload);
            if (payload.Length >= 8 && random.Next(2) == 0) BitConverter.TryWriteBytes(payload.AsSpan(4), random.Next(0, payload.Length + 8));

            try { NetlinkAck.Decode(payload, (ushort)random.Next(0, 0x400)); }
            catch (InvalidDataException) { }
        }
    }
}
