using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Inspect.Tests.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary><c>sharp-bpf extract ASSEMBLY DIR</c>: each embedded object written byte for byte to <c>DIR/ClassName.o</c>.</summary>
public sealed class ExtractCommandTests
{
    static (int Exit, string Stdout, string Stderr) Extract(string path, string directory) =>
        KernelObjects.Capture((stdout, stderr) => ExtractCommand.Execute(path, directory, stdout, stderr));

    [Fact]
    public void Writes_each_object_as_its_class_name_byte_for_byte_and_says_so()
    {
        var directory = EmbeddingAssemblies.NewDirectory();

        var (exit, stdout, stderr) = Extract(EmbeddingAssemblies.Probes, directory);

        Assert.Equal((ExtractCommand.Success, ""), (exit, stderr));
        Assert.Equal(["Counter.o", "Filter.o"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(EmbeddingAssemblies.CounterObject, File.ReadAllBytes(Path.Combine(directory, "Counter.o")));
        Assert.Equal(EmbeddingAssemblies.FilterObject, File.ReadAllBytes(Path.Combine(directory, "Filter.o")));
        Assert.Equal(
            $"{Path.Combine(directory, "Counter.o")}: {EmbeddingAssemblies.CounterObject.Length} bytes, from Probes.Counter\n" +
            $"{Path.Combine(directory, "Filter.o")}: {EmbeddingAssemblies.FilterObject.Length} bytes, from Probes.Filters.Filter\n",
            stdout.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Classes_with_the_same_name_get_namespace_qualified_files()
    {
        var path = EmbeddingAssemblies.Compile("Clash", EmbeddingAssemblies.ObjectClass("Probes.Ingress", "Filter", EmbeddingAssemblies.FilterObject)
            + EmbeddingAssemblies.ObjectClass("Probes.Egress", "filter", EmbeddingAssemblies.CounterObject)
            + EmbeddingAssemblies.ObjectClass("Probes", "Counter", EmbeddingAssemblies.CounterObject));
        var directory = EmbeddingAssemblies.NewDirectory();

        var (exit, _, _) = Extract(path, directory);

        Assert.Equal(ExtractCommand.Success, exit);
        Assert.Equal(["Counter.o", "Probes.Egress.filter.o", "Probes.Ingress.Filter.o"], Directory.GetFiles(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(EmbeddingAssemblies.FilterObject, File.ReadAllBytes(Path.Combine(directory, "Probes.Ingress.Filter.o")));
    }

    [Fact]
    public void Creates_the_directory_and_its_parents()
    {
        var directory = Path.Combine(EmbeddingAssemblies.NewDirectory(), "nested", "objects");

        var (exit, _, _) = Extract(EmbeddingAssemblies.Probes, directory);

        Assert.Equal(ExtractCommand.Success, exit);
        Assert.True(File.Exists(Path.Combine(directory, "Counter.o")));
    }

    [Fact]
    public void A_directory_that_is_a_file_is_an_error()
    {
        var file = EmbeddingAssemblies.NewDirectory();
        File.WriteAllText(file, "in the way");

        var (exit, stdout, stderr) = Extract(EmbeddingAssemblies.Probes, file);

        Assert.Equal((ExtractCommand.Failure, ""), (exit, stdout));
        Assert.StartsWith($"sharp-bpf extract: {file}: cannot create the directory: ", stderr.Trim());
    }

    [Fact]
    public void An_empty_object_is_reported_and_the_others_still_written()
    {
        var path = EmbeddingAssemblies.Compile("Broken", EmbeddingAssemblies.ObjectClass("Probes", "Counter", EmbeddingAssemblies.CounterObject)
            + "namespace Probes { public static partial class Broken { public static global::System.ReadOnlySpan<byte> ObjectBytes => default; } }");
        var directory = EmbeddingAssemblies.NewDirectory();

        var (exit, _, stderr) = Extract(path, directory);

        Assert.Equal(ExtractCommand.Failure, exit);
        Assert.Equal(["Counter.o"], Directory.GetFiles(directory).Select(Path.GetFileName));
        Assert.Equal($"sharp-bpf extract: {path}: Probes.Broken: embeds no object: the compiler reported errors for this class (ObjectBytes is empty)", stderr.Trim());
    }

    [Fact]
    public void Llvm_objdump_shows_the_csharp_lines_of_an_extracted_object()
    {
        var directory = EmbeddingAssemblies.NewDirectory();
        Extract(EmbeddingAssemblies.Probes, directory);

        var listing = ExternalTool.Run("llvm-objdump-19", ["-d", "-l", "--no-show-raw-insn", Path.Combine(directory, "Counter.o")])
            .Split('\n').Select(line => line.Trim()).ToList();

        Assert.Equal("0:\tr1 = *(u32 *)(r1 + 0xc)", listing[listing.IndexOf($"; {EmbeddingAssemblies.CounterFile}:12") + 1]);
        Assert.Equal("7:\tif r0 == 0x0 goto +0x2 <count+0x50>", listing[listing.IndexOf($"; {EmbeddingAssemblies.CounterFile}:14") + 1]);
        Assert.Equal("0:\tr2 = *(u64 *)(r1 + 0x0)", listing[listing.IndexOf($"; {EmbeddingAssemblies.CounterFile}:20") + 1]);
        Assert.Equal("0:\tr0 = 0x2a", listing[listing.IndexOf($"; {EmbeddingAssemblies.CounterFile}:25") + 1]);
    }
}
