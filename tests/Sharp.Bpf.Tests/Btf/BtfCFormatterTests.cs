using Sharp.Bpf.Btf;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>Types print as the C that declares them, so user space can show a map's key and value layout.</summary>
public sealed class BtfCFormatterTests
{
    static BtfSpec Spec => BtfSpec.Parse(CompiledObject.Get("all_kinds").Btf);

    static uint Find(string name, BtfKind kind)
    {
        Assert.True(Spec.TryFindType(name, kind, out uint id));
        return id;
    }

    [Fact]
    public void A_struct_prints_its_members_bitfields_and_anonymous_union()
    {
        Assert.Equal("""
            struct flow_key {
            	__u32 saddr;
            	__u32 daddr;
            	__u16 sport;
            	__u16 dport;
            	__u8 proto;
            	__u8 direction : 1;
            	__u8 flags : 3;
            	union {
            		__u32 v4;
            		__u8 v6[16];
            	} addr;
            }
            """, BtfCFormatter.Declaration(Spec, Find("flow_key", BtfKind.Struct)));
    }

    [Fact]
    public void Pointers_qualifiers_arrays_and_function_pointers_use_C_declarator_syntax()
    {
        var text = BtfCFormatter.Declaration(Spec, Find("stats", BtfKind.Struct));
        Assert.Contains("\tstruct opaque *hidden;\n", text);
        Assert.Contains("\tunion opaque_union *hidden_union;\n", text);
        Assert.Contains("\tchar *restrict scratch;\n", text);
        Assert.Contains("\tconst volatile __u32 *live;\n", text);
        Assert.Contains("\tint grid[2][3];\n", text);
        Assert.Contains("\tint (*fallback)(void);\n", text);
        Assert.Contains("\tenum wide_signed floor;\n", text);
    }

    [Fact]
    public void A_typedef_of_a_function_pointer_prints_its_parameters()
    {
        Assert.Equal("typedef int (*handler_t)(int, const char *)", BtfCFormatter.Declaration(Spec, Find("handler_t", BtfKind.Typedef)));
    }

    [Fact]
    public void A_signed_enum_prints_negative_values()
    {
        Assert.Equal("enum delta {\n\tDELTA_BACK = -1,\n\tDELTA_NONE = 0,\n}", BtfCFormatter.Declaration(Spec, Find("delta", BtfKind.Enum)));
    }

    [Fact]
    public void A_function_prints_its_prototype()
    {
        Assert.Equal("int account(struct stats *s, __u64 length)", BtfCFormatter.Declaration(Spec, Find("account", BtfKind.Function)));
    }

    [Fact]
    public void A_type_tag_prints_as_its_attribute()
    {
        var tagged = (BtfStruct)Spec[Find("tagged", BtfKind.Struct)];
        Assert.Equal("__attribute__((btf_type_tag(\"user\"))) int *", BtfCFormatter.TypeName(Spec, tagged.Members[1].TypeId));
    }

    [Fact]
    public void Void_prints_as_void()
    {
        Assert.Equal("void", BtfCFormatter.TypeName(Spec, 0));
    }
}
