using System.Text.Json;
using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Inspect.Tests.Commands;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary><c>sharp-bpf verify ASSEMBLY [--object CLASS]</c>: every program of every embedded object (or of one) loaded without attaching.</summary>
public sealed class VerifyAssemblyTests
{
    static (int Exit, string Stdout, string Stderr) Verify(string path, bool json = false, string? objectName = null) =>
        KernelObjects.Capture((stdout, stderr) => VerifyCommand.Execute(path, json, stdout, stderr, objectName));

    [Fact]
    public void Verifies_every_program_of_every_embedded_object_under_a_heading_per_class()
    {
        Privileged.RequireRoot();

        var (exit, stdout, stderr) = Verify(EmbeddingAssemblies.Probes);

        Assert.True(exit == VerifyCommand.Success, stderr);
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("Probes.Counter:", lines[0]);
        Assert.Equal(["count", "xdp", "xdp"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]);
        Assert.Equal(["keep", "socket_filter", "socket"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]);
        Assert.Equal(["", "Probes.Filters.Filter:"], lines[4..6]);
        Assert.Equal(["filter", "socket_filter", "socket"], lines[7].Split(' ', StringSplitOptions.RemoveEmptyEntries)[..3]);
    }

    [Fact]
    public void The_xlated_counts_equal_what_bpftool_prog_loadall_reports_for_the_extracted_object()
    {
        Privileged.RequireRoot();
        var directory = EmbeddingAssemblies.NewDirectory();
        Assert.Equal(ExtractCommand.Success, ExtractCommand.Execute(EmbeddingAssemblies.Probes, directory, TextWriter.Null, TextWriter.Null));
        var pins = KernelObjects.UniquePinPath("verify-assembly");
        Dictionary<string, long> bpftoolXlated;
        try
        {
            ExternalTool.Run("bpftool", ["prog", "loadall", Path.Combine(directory, "Counter.o"), pins]);
            bpftoolXlated = Directory.GetFiles(pins).ToDictionary(pin => Path.GetFileName(pin), pin =>
                JsonDocument.Parse(ExternalTool.Run("bpftool", ["-j", "prog", "show", "pinned", pin])).RootElement.GetProperty("bytes_xlated").GetInt64() / 8);
        }
        finally
        {
            if (Directory.Exists(pins)) Directory.Delete(pins, recursive: true);
        }

        var (exit, stdout, stderr) = Verify(EmbeddingAssemblies.Probes, json: true, objectName: "Counter");

        Assert.True(exit == VerifyCommand.Success, stderr);
        var ours = JsonDocument.Parse(stdout).RootElement.EnumerateArray()
            .ToDictionary(program => program.GetProperty("name").GetString()!, program => program.GetProperty("xlated_insns").GetInt64());
        Assert.Equal(bpftoolXlated.OrderBy(p => p.Key), ours.OrderBy(p => p.Key));
    }

    [Fact]
    public void Json_names_the_class_of_each_program()
    {
        Privileged.RequireRoot();

        var (_, stdout, _) = Verify(EmbeddingAssemblies.Probes, json: true);

        Assert.Equal([("Probes.Counter", "count"), ("Probes.Counter", "keep"), ("Probes.Filters.Filter", "filter")],
            JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(p => (p.GetProperty("object").GetString(), p.GetProperty("name").GetString())));
    }

    [Theory]
    [InlineData("Filter")]
    [InlineData("Probes.Filters.Filter")]
    public void Object_option_verifies_only_the_class_named(string name)
    {
        Privileged.RequireRoot();

        var (exit, stdout, _) = Verify(EmbeddingAssemblies.Probes, objectName: name);

        Assert.Equal(VerifyCommand.Success, exit);
        Assert.Equal("Probes.Filters.Filter:", stdout.ReplaceLineEndings("\n").Split('\n')[0]);
        Assert.DoesNotContain("Probes.Counter", stdout);
    }

    [Fact]
    public void An_unknown_class_is_an_error_that_lists_the_classes()
    {
        var (exit, stdout, stderr) = Verify(EmbeddingAssemblies.Probes, objectName: "Decoy");

        Assert.Equal((VerifyCommand.Failure, ""), (exit, stdout));
        Assert.Equal($"sharp-bpf verify: {EmbeddingAssemblies.Probes}: no embedded object of a class named 'Decoy'; the classes are: Probes.Counter, Probes.Filters.Filter", stderr.Trim());
    }

    [Fact]
    public void Object_option_on_an_elf_object_is_an_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sharp-bpf-filter-{Guid.NewGuid():N}.o");
        File.WriteAllBytes(path, EmbeddingAssemblies.FilterObject);
        try
        {
            var (exit, _, stderr) = Verify(path, objectName: "Filter");

            Assert.Equal(VerifyCommand.Failure, exit);
            Assert.Equal($"sharp-bpf verify: {path}: --object picks a class of a .NET assembly; this file is not one", stderr.Trim());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
