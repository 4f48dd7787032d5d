using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>BtfValueFormatter prints a value's bytes by its BTF type as bpftool's <c>"formatted"</c> JSON does.</summary>
public sealed class BtfValueFormatterTests
{
    static BtfSpec Spec(params BtfType[] types)
    {
        var builder = new BtfBuilder();
        foreach (var type in types) builder.Add(type);
        return BtfSpec.Parse(builder.Build());
    }

    static readonly BtfInt Int = new("int", 4, BtfIntEncoding.Signed, 0, 32);
    static readonly BtfInt UnsignedInt = new("unsigned int", 4, BtfIntEncoding.None, 0, 32);

    [Fact]
    public void Signed_and_unsigned_integers_are_numbers()
    {
        var btf = Spec(Int, UnsignedInt, new BtfInt("long long unsigned int", 8, BtfIntEncoding.None, 0, 64), new BtfInt("short", 2, BtfIntEncoding.Signed, 0, 16));
        Assert.Equal("-2", BtfValueFormatter.Format(btf, 1, [0xfe, 0xff, 0xff, 0xff]));
        Assert.Equal("4294967294", BtfValueFormatter.Format(btf, 2, [0xfe, 0xff, 0xff, 0xff]));
        Assert.Equal("18446744073709551615", BtfValueFormatter.Format(btf, 3, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]));
        Assert.Equal("-1", BtfValueFormatter.Format(btf, 4, [0xff, 0xff]));
    }

    [Fact]
    public void Bool_is_true_or_false_and_a_char_encoded_integer_is_a_one_character_string()
    {
        var btf = Spec(new BtfInt("_Bool", 1, BtfIntEncoding.Bool, 0, 8), new BtfInt("char", 1, BtfIntEncoding.Char, 0, 8));
        Assert.Equal("true", BtfValueFormatter.Format(btf, 1, [1]));
        Assert.Equal("false", BtfValueFormatter.Format(btf, 1, [0]));
        Assert.Equal("\"A\"", BtfValueFormatter.Format(btf, 2, [0x41]));
    }

    [Fact]
    public void A_128_bit_integer_is_a_hex_string()
    {
        var btf = Spec(new BtfInt("__int128 unsigned", 16, BtfIntEncoding.None, 0, 128));
        byte[] value = [0x01, 0, 0, 0, 0, 0, 0, 0, 0x02, 0, 0, 0, 0, 0, 0, 0];
        Assert.Equal("\"0x20000000000000001\"", BtfValueFormatter.Format(btf, 1, value));
    }

    [Fact]
    public void Enums_print_the_enumerator_name_or_the_number_when_none_matches()
    {
        var btf = Spec(new BtfEnum("state", 4, false, [new("IDLE", 0), new("BUSY", 7)]));
        Assert.Equal("\"BUSY\"", BtfValueFormatter.Format(btf, 1, [7, 0, 0, 0]));
        Assert.Equal("9", BtfValueFormatter.Format(btf, 1, [9, 0, 0, 0]));
    }

    [Fact]
    public void Structs_are_objects_keyed_by_member_name_through_typedefs_and_qualifiers()
    {
        var btf = Spec(
            Int,                                                                           // 1
            new BtfTypedef("u16", 3),                                                      // 2
            new BtfInt("unsigned short", 2, BtfIntEncoding.None, 0, 16),                   // 3
            new BtfConst(2),                                                               // 4
            new BtfStruct("pair", 8, [new("count", 1, 0), new("port", 4, 32), new("tail", 3, 48)])); // 5
        Assert.Equal("{\"count\":5,\"port\":80,\"tail\":1}", BtfValueFormatter.Format(btf, 5, [5, 0, 0, 0, 80, 0, 1, 0]));
    }

    [Fact]
    public void Bitfields_are_hex_strings_of_their_bits()
    {
        var btf = Spec(UnsignedInt, new BtfStruct("flags", 4, [new("low", 1, 0, 3), new("high", 1, 3, 5)]));
        // 0b1010_1110: low = 0b110, high = 0b10101.
        Assert.Equal("{\"low\":\"0x6\",\"high\":\"0x15\"}", BtfValueFormatter.Format(btf, 2, [0b1010_1110, 0, 0, 0]));
    }

    [Fact]
    public void A_char_array_holding_a_printable_terminated_string_is_a_string()
    {
        var btf = Spec(new BtfInt("char", 1, BtfIntEncoding.Signed, 0, 8), Int, new BtfArray(1, 2, 8));
        Assert.Equal("\"comm\"", BtfValueFormatter.Format(btf, 3, "comm\0\0\0\0"u8));
    }

    [Fact]
    public void A_char_array_without_a_terminator_or_with_unprintable_bytes_is_an_array_of_numbers()
    {
        var btf = Spec(new BtfInt("char", 1, BtfIntEncoding.Signed, 0, 8), Int, new BtfArray(1, 2, 3));
        Assert.Equal("[97,98,99]", BtfValueFormatter.Format(btf, 3, "abc"u8));
        Assert.Equal("[7,0,0]", BtfValueFormatter.Format(btf, 3, [7, 0, 0]));
    }

    [Fact]
    public void Other_arrays_are_json_arrays_of_their_elements()
    {
        var btf = Spec(Int, new BtfArray(1, 1, 2));
        Assert.Equal("[1,-1]", BtfValueFormatter.Format(btf, 2, [1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]));
    }

    [Fact]
    public void A_data_section_is_an_object_naming_the_section_with_one_object_per_variable()
    {
        var btf = Spec(
            new BtfInt("unsigned short", 2, BtfIntEncoding.None, 0, 16),          // 1
            new BtfVariable("watched_port", 1, BtfVariableLinkage.Global),         // 2
            new BtfVariable("backlog", 1, BtfVariableLinkage.Global),              // 3
            new BtfDataSection(".rodata", 4, [new(2, 0, 2), new(3, 2, 2)]));       // 4
        Assert.Equal("{\".rodata\":[{\"watched_port\":443},{\"backlog\":16}]}", BtfValueFormatter.Format(btf, 4, [0xbb, 0x01, 16, 0]));
    }

    [Fact]
    public void Pointers_are_unsigned_numbers()
    {
        var btf = Spec(Int, new BtfPointer(1));
        Assert.Equal("4096", BtfValueFormatter.Format(btf, 2, [0, 0x10, 0, 0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Data_shorter_than_the_type_is_rejected_with_both_sizes()
    {
        var btf = Spec(Int);
        var error = Assert.Throws<ArgumentException>(() => BtfValueFormatter.Format(btf, 1, [1, 2]));
        Assert.Contains("takes 4 bytes; got 2", error.Message);
    }

    [Fact]
    public void A_type_without_a_value_such_as_a_forward_declaration_is_rejected()
    {
        var btf = Spec(new BtfForward("later", false), new BtfPointer(1), new BtfStruct("holder", 8, [new("next", 2, 0)]), new BtfTypedef("opaque", 1));
        Assert.Equal("{\"next\":0}", BtfValueFormatter.Format(btf, 3, new byte[8]));
        Assert.Throws<ArgumentException>(() => BtfValueFormatter.Format(btf, 4, new byte[8]));
    }
}
