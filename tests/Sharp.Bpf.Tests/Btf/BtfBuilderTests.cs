using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>BtfBuilder encodes types so that parsing gives them back, and stores each string once.</summary>
public sealed class BtfBuilderTests
{
    [Fact]
    public void Types_of_every_kind_survive_build_and_parse()
    {
        BtfType[] types =
        [
            new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32),                                         // 1
            new BtfPointer(4),                                                                          // 2
            new BtfArray(1, 1, 16),                                                                     // 3
            new BtfStruct("node", 24, [new("value", 1, 0), new("next", 2, 64), new("bits", 1, 128, 5)]), // 4
            new BtfUnion("either", 4, [new("a", 1, 0), new("b", 14, 0)]),                               // 5
            new BtfEnum("sign", 4, true, [new("NEGATIVE", -1), new("POSITIVE", 1)]),                    // 6
            new BtfForward("later", true),                                                              // 7
            new BtfTypedef("node_t", 4),                                                                // 8
            new BtfVolatile(1),                                                                         // 9
            new BtfConst(9),                                                                            // 10
            new BtfRestrict(2),                                                                         // 11
            new BtfFunction("walk", 13, BtfFunctionLinkage.Global),                                     // 12
            new BtfFunctionProto(1, [new("head", 2), new("", 0)]),                                      // 13
            new BtfFloat("float", 4),                                                                   // 14
            new BtfVariable("root", 4, BtfVariableLinkage.Global),                                      // 15
            new BtfDataSection(".bss", 24, [new(15, 0, 24)]),                                           // 16
            new BtfDeclTag("kernel_only", 4, 1),                                                        // 17
            new BtfTypeTag("user", 1),                                                                  // 18
            new BtfEnum64("huge", 8, false, [new("TOP", unchecked((long)ulong.MaxValue))]),             // 19
        ];
        var builder = new BtfBuilder();
        foreach (var type in types) builder.Add(type);
        Assert.Equal([BtfVoid.Instance, .. types], BtfSpec.Parse(builder.Build()).Types);
    }

    [Fact]
    public void Add_returns_consecutive_ids_from_one()
    {
        var builder = new BtfBuilder();
        Assert.Equal(1u, builder.Add(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32)));
        Assert.Equal(2u, builder.Add(new BtfPointer(1)));
    }

    [Fact]
    public void Equal_strings_are_stored_once()
    {
        var builder = new BtfBuilder();
        uint first = builder.AddString("counter");
        Assert.Equal(first, builder.AddString("counter"));
        builder.Add(new BtfTypedef("counter", 0));
        var spec = BtfSpec.Parse(builder.Build());
        Assert.Equal("\0counter\0"u8.ToArray(), spec.Strings.Bytes.ToArray());
    }

    [Fact]
    public void The_empty_string_is_offset_zero()
    {
        Assert.Equal(0u, new BtfBuilder().AddString(""));
    }

    [Fact]
    public void A_seeded_string_table_keeps_its_offsets()
    {
        var builder = new BtfBuilder();
        uint file = builder.AddString("prog.c");
        builder.Add(new BtfInt("int", 4, BtfIntEncoding.Signed, 0, 32));
        var spec = BtfSpec.Parse(builder.Build());
        var rebuilt = new BtfBuilder(spec.Strings);
        Assert.Equal(file, rebuilt.AddString("prog.c"));
    }

    [Fact]
    public void A_reference_to_a_type_never_added_fails_the_build()
    {
        var builder = new BtfBuilder();
        builder.Add(new BtfPointer(5));
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void Void_cannot_be_added()
    {
        Assert.Throws<ArgumentException>(() => new BtfBuilder().Add(BtfVoid.Instance));
    }

    [Fact]
    public void Strings_with_NUL_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new BtfBuilder().AddString("a\0b"));
    }
}
