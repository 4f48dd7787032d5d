using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>Splitting a received datagram into struct nlmsghdr-framed messages (linux/netlink.h, NLMSG_ALIGN).</summary>
public sealed class NetlinkMessageTests
{
    [Fact]
    public void Split_reads_each_header_field_and_the_payload_after_the_16_byte_header()
    {
        var datagram = Hex.Bytes(
            "14 00 00 00", // nlmsg_len 20
            "10 00",       // nlmsg_type RTM_NEWLINK
            "02 00",       // nlmsg_flags NLM_F_MULTI
            "05 00 00 00", // nlmsg_seq 5
            "64 00 00 00", // nlmsg_pid 100
            "aa bb cc dd");

        var message = Assert.Single(NetlinkMessage.Split(datagram));

        Assert.Equal(NetlinkMessageType.NewLink, message.Type);
        Assert.Equal(NetlinkFlags.Multi, message.Flags);
        Assert.Equal(5u, message.Sequence);
        Assert.Equal(100u, message.PortId);
        Assert.Equal(Hex.Bytes("aa bb cc dd"), message.Payload.ToArray());
    }

    [Fact]
    public void Split_returns_every_message_of_a_datagram_in_order_skipping_the_padding_after_unaligned_ones()
    {
        var datagram = Hex.Bytes(
            "14 00 00 00", "10 00", "02 00", "05 00 00 00", "00 00 00 00", "01 02 03 04", // RTM_NEWLINK, 4-byte payload
            "12 00 00 00", "24 00", "02 00", "05 00 00 00", "00 00 00 00", "05 06", "00 00", // RTM_NEWQDISC, 2-byte payload, padding
            "14 00 00 00", "03 00", "02 00", "05 00 00 00", "00 00 00 00", "00 00 00 00"); // NLMSG_DONE

        var messages = NetlinkMessage.Split(datagram);

        Assert.Equal([NetlinkMessageType.NewLink, NetlinkMessageType.NewQdisc, NetlinkMessageType.Done], messages.Select(message => message.Type));
        Assert.Equal(Hex.Bytes("01 02 03 04"), messages[0].Payload.ToArray());
        Assert.Equal(Hex.Bytes("05 06"), messages[1].Payload.ToArray());
        Assert.Equal(Hex.Bytes("00 00 00 00"), messages[2].Payload.ToArray());
    }

    [Fact]
    public void Split_accepts_an_unaligned_last_message_without_trailing_padding()
    {
        var datagram = Hex.Bytes("12 00 00 00", "24 00", "00 00", "01 00 00 00", "00 00 00 00", "05 06");

        Assert.Equal(Hex.Bytes("05 06"), Assert.Single(NetlinkMessage.Split(datagram)).Payload.ToArray());
    }

    [Fact]
    public void Split_of_an_empty_datagram_is_empty() =>
        Assert.Empty(NetlinkMessage.Split(Array.Empty<byte>()));

    /// <summary>Length fields that are too small, overrun the datagram or would overflow, and datagrams that end inside a
    /// header.</summary>
    public static TheoryDataRow<byte[]>[] MalformedDatagrams =>
    [
        new(Hex.Bytes("00 00 00 00", "10 00", "00 00", "00 00 00 00", "00 00 00 00")) { Label = "nlmsg_len 0" },
        new(Hex.Bytes("0c 00 00 00", "10 00", "00 00", "00 00 00 00", "00 00 00 00")) { Label = "nlmsg_len shorter than the header" },
        new(Hex.Bytes("18 00 00 00", "10 00", "00 00", "00 00 00 00", "00 00 00 00", "00 00 00 00")) { Label = "nlmsg_len past the datagram" },
        new(Hex.Bytes("f0 ff ff ff", "10 00", "00 00", "00 00 00 00", "00 00 00 00")) { Label = "nlmsg_len above int.MaxValue" },
        new(Hex.Bytes("ff ff ff ff", "ff ff", "ff ff", "ff ff ff ff", "ff ff ff ff")) { Label = "nlmsg_len 0xffffffff" },
        new(Hex.Bytes("10 00 00 00", "03 00", "00 00", "00 00 00 00", "00 00 00 00", "20 00 00 00", "10 00", "00 00", "00 00 00 00", "00 00 00 00")) { Label = "second message past the datagram" },
        new(Hex.Bytes("10 00 00 00", "03 00", "00 00")) { Label = "header cut short" },
        new(Hex.Bytes("10 00 00 00", "03 00", "00 00", "00 00 00 00", "00 00 00 00", "10 00 00 00", "03 00", "00 00")) { Label = "header cut short after a message" },
    ];

    [Theory]
    [MemberData(nameof(MalformedDatagrams))]
    public void Split_of_a_malformed_datagram_throws_InvalidDataException(byte[] datagram)
    {
        var error = Assert.Throws<InvalidDataException>(() => NetlinkMessage.Split(datagram));
        Assert.Contains("netlink", error.Message);
    }

    [Fact]
    public void Split_of_arbitrary_bytes_either_succeeds_or_throws_InvalidDataException()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 10_000; i++)
        {
            var datagram = new byte[random.Next(0, 64)];
            random.NextBytes(datagram);
            if (datagram.Length >= 4 && random.Next(2) == 0) BitConverter.TryWriteBytes(datagram, random.Next(0, datagram.Length + 8));

            try { NetlinkMessage.Split(datagram); }
            catch (InvalidDataException) { }
        }
    }
}
