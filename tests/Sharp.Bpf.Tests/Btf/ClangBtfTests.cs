using System.Text.RegularExpressions;
using Sharp.Bpf.Btf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>BTF that clang-19 emits for a C program using every kind is parsed, dumped like bpftool, and rebuilt unchanged.</summary>
public sealed class ClangBtfTests
{
    static CompiledObject AllKinds => CompiledObject.Get("all_kinds");

    [Fact]
    public void Raw_dump_matches_bpftool()
    {
        var bpftool = Privileged.RequireTool("bpftool");
        var expected = ExternalTool.Run(bpftool, ["btf", "dump", "file", AllKinds.ObjectPath]);
        var actual = BtfRawFormatter.Format(BtfSpec.Parse(AllKinds.Btf));
        Assert.Equal(NormaliseWhitespace(expected), NormaliseWhitespace(actual));
    }

    [Fact]
    public void Every_kind_is_present()
    {
        var kinds = BtfSpec.Parse(AllKinds.Btf).Types.Select(type => type.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<BtfKind>().ToHashSet(), kinds);
    }

    [Fact]
    public void Rebuilding_reproduces_the_blob_byte_for_byte()
    {
        Assert.Equal(AllKinds.Btf, BtfSpec.Parse(AllKinds.Btf).ToBytes());
    }

    [Fact]
    public void Parsing_the_rebuilt_blob_gives_an_equal_model()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        Assert.Equal(spec.Types, BtfSpec.Parse(spec.ToBytes()).Types);
    }

    [Fact]
    public void Bitfield_members_carry_their_width_and_bit_offset()
    {
        var key = StructNamed("flow_key");
        Assert.Equal(new BtfMember("direction", key.Members[4].TypeId, 104, 1), key.Members[5]);
        Assert.Equal(new BtfMember("flags", key.Members[4].TypeId, 105, 3), key.Members[6]);
    }

    [Fact]
    public void Enum_signedness_and_64_bit_values_are_read()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        Assert.True(spec.TryFindType("delta", BtfKind.Enum, out uint delta));
        Assert.True(((BtfEnum)spec[delta]).IsSigned);
        Assert.Equal(-1, ((BtfEnum)spec[delta]).Values[0].Value);
        Assert.True(spec.TryFindType("wide", BtfKind.Enum64, out uint wide));
        Assert.Equal(0xff_ffff_ffffUL, ((BtfEnum64)spec[wide]).Values[0].UnsignedValue);
        Assert.True(spec.TryFindType("wide_signed", BtfKind.Enum64, out uint wideSigned));
        Assert.Equal(-0x1_0000_0000L, ((BtfEnum64)spec[wideSigned]).Values[0].Value);
    }

    [Fact]
    public void Forward_declarations_record_struct_or_union()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        Assert.True(spec.TryFindType("opaque", BtfKind.Forward, out uint opaque));
        Assert.True(spec.TryFindType("opaque_union", BtfKind.Forward, out uint opaqueUnion));
        Assert.False(((BtfForward)spec[opaque]).IsUnion);
        Assert.True(((BtfForward)spec[opaqueUnion]).IsUnion);
    }

    [Fact]
    public void Function_and_variable_linkages_are_read()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        var functions = spec.Types.OfType<BtfFunction>().ToDictionary(f => f.Name, f => f.Linkage);
        Assert.Equal(BtfFunctionLinkage.Static, functions["classify"]);
        Assert.Equal(BtfFunctionLinkage.Global, functions["account"]);
        Assert.Equal(BtfFunctionLinkage.Extern, functions["bpf_rdonly_cast"]);
        var variables = spec.Types.OfType<BtfVariable>().ToDictionary(v => v.Name, v => v.Linkage);
        Assert.Equal(BtfVariableLinkage.Global, variables["packets_seen"]);
        Assert.Equal(BtfVariableLinkage.Extern, variables["LINUX_KERNEL_VERSION"]);
    }

    [Fact]
    public void Data_sections_list_their_variables()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        var sections = spec.Types.OfType<BtfDataSection>().ToDictionary(s => s.Name, s => s.Variables.Select(v => spec[v.TypeId].Name).ToArray());
        Assert.Equal(["packets_seen"], sections[".data"]);
        Assert.Equal(["sample_rate"], sections[".rodata"]);
        Assert.Equal(["last_tagged", "smoothing"], sections[".bss"]);
        Assert.Equal(["flows"], sections[".maps"]);
    }

    [Fact]
    public void Decl_tags_name_the_tagged_component()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        var tags = spec.Types.OfType<BtfDeclTag>().ToDictionary(t => t.Name, t => (spec[t.TypeId].Name, t.ComponentIndex));
        Assert.Equal(("stats", -1), tags["stats_tag"]);
        Assert.Equal(("tagged", 0), tags["member_tag"]);
        Assert.Equal(("classify", 0), tags["param_tag"]);
    }

    [Fact]
    public void Resolve_skips_typedefs_and_qualifiers()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        var live = StructNamed("stats").Members.Single(m => m.Name == "live");
        var pointee = ((BtfPointer)spec[live.TypeId]).TypeId;
        Assert.Equal(new BtfInt("unsigned int", 4, BtfIntEncoding.None, 0, 32), spec[spec.Resolve(pointee)]);
    }

    [Fact]
    public void Sizes_follow_typedefs_arrays_and_pointers()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        var stats = StructNamed("stats");
        uint SizeOfMember(string name) => spec.SizeOf(stats.Members.Single(m => m.Name == name).TypeId);
        Assert.Equal(8u, SizeOfMember("packets"));
        Assert.Equal(24u, SizeOfMember("grid"));
        Assert.Equal(8u, SizeOfMember("on_error"));
        Assert.True(spec.TryFindType("stats", BtfKind.Struct, out uint statsId));
        Assert.Equal(128u, spec.SizeOf(statsId));
    }

    [Fact]
    public void Types_without_a_size_report_none()
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        Assert.True(spec.TryFindType("opaque", BtfKind.Forward, out uint opaque));
        Assert.False(spec.TrySizeOf(opaque, out _));
        Assert.False(spec.TrySizeOf(0, out _));
        Assert.Throws<ArgumentException>(() => spec.SizeOf(opaque));
    }

    static BtfStruct StructNamed(string name)
    {
        var spec = BtfSpec.Parse(AllKinds.Btf);
        Assert.True(spec.TryFindType(name, BtfKind.Struct, out uint id));
        return (BtfStruct)spec[id];
    }

    static string NormaliseWhitespace(string text) =>
        string.Join('\n', text.Split('\n').Select(line => Regex.Replace(line.Trim(), @"\s+", " ")).Where(line => line.Length > 0));
}
