using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>The BTF the compiler writes for map keys and values and for globals, read back by bpftool: structs with every
/// member at its CLR offset, enums, arrays, pointers and clang's integer names.</summary>
public class ObjectBtfTests
{
    const string Kernel = """
        using System.Runtime.InteropServices;
        using Sharp.Bpf.Kernel;
        public enum Verdict : byte { Allow = 1, Deny = 2 }
        [StructLayout(LayoutKind.Sequential, Pack = 1)]
        public struct Flow { public uint Source; public ushort Port; public Verdict Verdict; }
        public unsafe struct Sample { public byte Kind; public fixed byte Name[6]; public long Value; public Flow* Origin; }
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            static readonly HashMap<Flow, Sample> Samples = new(16);
            static readonly LpmTrie<uint, ulong> Prefixes = new(16);
            [Configuration] static readonly Verdict Default = Verdict.Deny;
            static MacAddress Gateway;
            [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
        }
        """;

    static readonly Lazy<string> Dump = new(() =>
    {
        var (result, _, _) = GeneratorHarness.Run(Kernel);
        Assert.Empty(result.Diagnostics);
        var path = Path.Combine(Path.GetTempPath(), $"sharp-bpf-btf-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, GeneratorHarness.ObjectBytes(result));
        try
        {
            return ExternalTool.Run("bpftool", ["btf", "dump", "file", path]);
        }
        finally
        {
            File.Delete(path);
        }
    });

    [Theory]
    [InlineData("STRUCT 'Flow' size=7 vlen=3")]
    [InlineData("'Source' type_id=", "bits_offset=0")]
    [InlineData("'Port' type_id=", "bits_offset=32")]
    [InlineData("'Verdict' type_id=", "bits_offset=48")]
    [InlineData("ENUM 'Verdict' encoding=UNSIGNED size=1 vlen=2")]
    [InlineData("'Deny' val=2")]
    [InlineData("STRUCT 'Sample' size=24 vlen=4")]
    [InlineData("'Name' type_id=", "bits_offset=8")]
    [InlineData("'Value' type_id=", "bits_offset=64")]
    [InlineData("'Origin' type_id=", "bits_offset=128")]
    [InlineData("INT 'unsigned char' size=1 bits_offset=0 nr_bits=8 encoding=(none)")]
    [InlineData("INT 'long' size=8 bits_offset=0 nr_bits=64 encoding=SIGNED")]
    [InlineData("STRUCT 'LpmTrieKey_uint' size=8 vlen=2")]
    [InlineData("STRUCT 'MacAddress' size=6 vlen=1")]
    [InlineData("DATASEC '.rodata' size=1 vlen=1")]
    [InlineData("DATASEC '.bss' size=6 vlen=1")]
    [InlineData("FWD 'xdp_md' fwd_kind=struct")]
    public void Dump_contains(string line, string? sameLine = null)
    {
        var matching = Dump.Value.Split('\n').Where(l => l.Contains(line, StringComparison.Ordinal)).ToList();
        Assert.True(matching.Count > 0, $"no line with {line} in:\n{Dump.Value}");
        if (sameLine is not null)
            Assert.Contains(matching, l => l.Contains(sameLine, StringComparison.Ordinal));
    }

    [Fact]
    public void Fixed_buffer_is_an_array_of_its_elements()
    {
        Assert.Contains(Dump.Value.Split('\n'), line => line.Contains("ARRAY '(anon)'") && line.Contains("nr_elems=6"));
    }

    [Fact]
    public void Map_key_and_value_sizes_follow_the_layouts()
    {
        var (result, _, _) = GeneratorHarness.Run(Kernel);
        var spec = CollectionSpec.Read(GeneratorHarness.ObjectBytes(result));
        Assert.Equal((7u, 24u), (spec.Maps["Samples"].KeySize, spec.Maps["Samples"].ValueSize));
        Assert.Equal((8u, 8u), (spec.Maps["Prefixes"].KeySize, spec.Maps["Prefixes"].ValueSize));
        Assert.Equal((uint)Sharp.Bpf.MapFlags.NoPreallocation, spec.Maps["Prefixes"].Flags & (uint)Sharp.Bpf.MapFlags.NoPreallocation);
    }
}
