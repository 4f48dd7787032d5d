using Microsoft.CodeAnalysis;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>Line info names the C# file by its absolute path (what llvm-objdump and bpftool open to show source), unless
/// the build maps paths with <c>/pathmap</c>, which the object then honours as the PDB does.</summary>
public class LineInfoPathTests
{
    const string Kernel = """
        using Sharp.Bpf.Kernel;
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            [SocketFilter] public static int Keep(SkBuff skb) => 1;
        }
        """;

    static IEnumerable<string> LineFiles(Compilation compilation)
    {
        var (result, _, _) = GeneratorHarness.Run(compilation);
        Assert.Empty(result.Diagnostics);
        return CollectionSpec.Read(GeneratorHarness.ObjectBytes(result)).Programs["Keep"].LineInfos.Select(line => line.FileName).Distinct();
    }

    [Fact]
    public void Without_pathmap_line_info_keeps_the_source_path()
    {
        Assert.Equal(["/src/Kernel.cs"], LineFiles(GeneratorHarness.Compile(Kernel)));
    }

    [Fact]
    public void Pathmap_rewrites_the_line_info_path()
    {
        var compilation = GeneratorHarness.Compile(Kernel);
        var mapped = compilation.WithOptions(compilation.Options.WithSourceReferenceResolver(
            new SourceFileResolver([], null, [KeyValuePair.Create("/src/", "/_/")])));
        Assert.Equal(["/_/Kernel.cs"], LineFiles(mapped));
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var (first, _, _) = GeneratorHarness.Run(Kernel);
        var (second, _, _) = GeneratorHarness.Run(Kernel);
        Assert.Equal(GeneratorHarness.ObjectBytes(first), GeneratorHarness.ObjectBytes(second));
    }
}
