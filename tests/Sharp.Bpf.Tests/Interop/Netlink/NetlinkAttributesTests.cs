using Sharp.Bpf.Interop.Netlink;
using Xunit;

namespace Sharp.Bpf.Tests.Interop.Netlink;

/// <summary>Reading struct nlattr sequences (linux/netlink.h): NLA_ALIGN padding, NLA_TYPE_MASK, nested payloads.</summary>
public sealed class NetlinkAttributesTests
{
    [Fact]
    public void Parse_maps_each_type_to_its_payload_without_header_or_padding()
    {
        var data = Hex.Bytes(
            "07 00 03 00", Hex.Ascii("lo"), "00", "00", // IFLA_IFNAME "lo"
            "08 00 04 00", "00 00 01 00",              // IFLA_MTU 65536
            "05 00 10 00", "06", "00 00 00");          // IFLA_OPERSTATE IF_OPER_UP

        var attributes = NetlinkAttributes.Parse(data);

        Assert.Equal(new ushort[] { 3, 4, 16 }, attributes.Keys.Order());
        Assert.Equal(Hex.Bytes(Hex.Ascii("lo"), "00"), attributes[3].ToArray());
        Assert.Equal(Hex.Bytes("00 00 01 00"), attributes[4].ToArray());
        Assert.Equal(Hex.Bytes("06"), attributes[16].ToArray());
    }

    [Fact]
    public void Parse_of_a_nested_payload_reads_the_inner_attributes()
    {
        var data = Hex.Bytes(
            "14 00 2b 80",                // IFLA_XDP | NLA_F_NESTED, nla_len 20
            "05 00 02 00", "02", "00 00 00", //   IFLA_XDP_ATTACHED XDP_ATTACHED_SKB
            "08 00 04 00", "2a 00 00 00"); //  IFLA_XDP_PROG_ID 42

        var xdp = NetlinkAttributes.Parse(NetlinkAttributes.Parse(data)[InterfaceMessages.XdpAttribute]);

        Assert.Equal(Hex.Bytes("02"), xdp[InterfaceMessages.XdpAttachedAttribute].ToArray());
        Assert.Equal(42u, NetlinkAttributes.UInt32(xdp[InterfaceMessages.XdpProgramIdAttribute]));
    }

    [Theory]
    [InlineData((ushort)0x8002)] // NLA_F_NESTED
    [InlineData((ushort)0x4002)] // NLA_F_NET_BYTEORDER
    [InlineData((ushort)0xC002)] // both
    public void Parse_masks_the_nested_and_byte_order_flags_off_the_type(ushort typeField)
    {
        var data = Hex.Bytes("08 00", Convert.ToHexString(BitConverter.GetBytes(typeField)), "01 02 03 04");

        Assert.Equal(Hex.Bytes("01 02 03 04"), NetlinkAttributes.Parse(data)[2].ToArray());
    }

    [Fact]
    public void Parse_keeps_the_later_of_two_attributes_of_one_type()
    {
        var data = Hex.Bytes("08 00 01 00", "01 00 00 00", "08 00 01 00", "02 00 00 00");

        Assert.Equal(2u, NetlinkAttributes.UInt32(NetlinkAttributes.Parse(data)[1]));
    }

    [Fact]
    public void Parse_reads_a_last_attribute_that_lacks_its_padding()
    {
        var data = Hex.Bytes("08 00 01 00", "01 00 00 00", "05 00 02 00", "07");

        Assert.Equal(Hex.Bytes("07"), NetlinkAttributes.Parse(data)[2].ToArray());
    }

    public static TheoryDataRow<byte[]>[] MalformedTails =>
    [
        new(Hex.Bytes("08 00 01 00", "01 00 00 00", "02 00 02 00", "08 00 03 00", "03 00 00 00")) { Label = "nla_len below the header size" },
        new(Hex.Bytes("08 00 01 00", "01 00 00 00", "0c 00 02 00", "02 00 00 00")) { Label = "nla_len past the data" },
        new(Hex.Bytes("08 00 01 00", "01 00 00 00", "08 00")) { Label = "fewer bytes than a header" },
    ];

    [Theory]
    [MemberData(nameof(MalformedTails))]
    public void Parse_stops_at_a_malformed_attribute_and_keeps_the_ones_before_it(byte[] data)
    {
        var attributes = NetlinkAttributes.Parse(data);

        Assert.Equal([(ushort)1], attributes.Keys);
    }

    [Fact]
    public void Parse_of_no_data_is_empty() =>
        Assert.Empty(NetlinkAttributes.Parse(ReadOnlyMemory<byte>.Empty));

    public static TheoryData<byte[], string> Strings => new()
    {
        { Hex.Bytes(Hex.Ascii("clsact"), "00"), "clsact" },
        { Hex.Bytes(Hex.Ascii("bpf")), "bpf" },
        { Hex.Bytes(Hex.Ascii("eth0"), "00", "00 00"), "eth0" },
        { Hex.Bytes("c3 a9", "00"), "é" },
        { Hex.Bytes("00"), "" },
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void String_is_the_UTF8_text_up_to_the_first_NUL_or_the_end(byte[] payload, string text) =>
        Assert.Equal(text, NetlinkAttributes.String(payload));

    [Fact]
    public void UInt32_reads_host_byte_order() =>
        Assert.Equal(0x12345678u, NetlinkAttributes.UInt32(Hex.Bytes("78 56 34 12")));
}
