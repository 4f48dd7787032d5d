using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>Static non-map fields become globals in clang's sections, with their constant initialisers' bytes.</summary>
public class GlobalDeclarationsTests
{
    [Theory]
    [InlineData("[Configuration] static readonly uint G = 5;", ".rodata", "05000000", true)]
    [InlineData("[Configuration] static readonly ushort G;", ".rodata", "0000", true)]
    [InlineData("static readonly int G = -2;", ".rodata", "FEFFFFFF", false)]
    [InlineData("static long G = 0x0102030405060708;", ".data", "0807060504030201", false)]
    [InlineData("static bool G = true;", ".data", "01", false)]
    [InlineData("static Level G = Level.High;", ".data", "03", false)]
    [InlineData("static ulong G;", ".bss", "", false)]
    [InlineData("static int G = 0;", ".bss", "", false)]
    [InlineData("static Pair G = default;", ".bss", "", false)]
    [InlineData("static readonly Pair G = new();", ".rodata", "0000000000000000", false)]
    public void Field_becomes_a_global_in_its_section_with_its_initial_bytes(string field, string section, string bytes, bool configuration)
    {
        var model = GeneratorHarness.Model($$"""
            using Sharp.Bpf.Kernel;
            public enum Level : byte { Low = 1, High = 3 }
            public struct Pair { public int A; public int B; }
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                {{field}}
            }
            """);
        Assert.Empty(model.Diagnostics);
        var global = Assert.Single(model.Globals);
        Assert.Equal("G", global.Name);
        Assert.Equal(section, global.SectionName);
        Assert.Equal(bytes, Convert.ToHexString([.. global.InitialValue]));
        Assert.Equal(configuration, global.IsConfiguration);
    }

    [Fact]
    public void Constants_and_maps_are_not_globals()
    {
        var model = GeneratorHarness.Model("""
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                const int Limit = 3;
                static readonly ArrayMap<int> Values = new(Limit);
            }
            """);
        Assert.Empty(model.Diagnostics);
        Assert.Empty(model.Globals);
        Assert.Equal(3u, Assert.Single(model.Maps).MaxEntries);
    }
}
