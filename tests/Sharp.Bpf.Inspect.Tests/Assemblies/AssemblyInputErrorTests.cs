using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Inspect.Tests.Commands;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Assemblies;

/// <summary>What <c>dump</c>, <c>extract</c> and <c>verify</c> say about an input that is not an assembly with embedded objects:
/// one line on stderr, <c>sharp-bpf COMMAND: PATH: reason</c>, and exit 1.</summary>
public sealed class AssemblyInputErrorTests
{
    /// <summary>Each bad input by name, made on demand.</summary>
    static string Input(string name)
    {
        var directory = EmbeddingAssemblies.NewDirectory();
        Directory.CreateDirectory(directory);
        switch (name)
        {
            case "missing":
                return Path.Combine(directory, "Missing.dll");
            case "directory":
                return directory;
            case "text":
                File.WriteAllText(Path.Combine(directory, "notes.dll"), "not an assembly at all\n");
                return Path.Combine(directory, "notes.dll");
            case "elf":
                File.WriteAllBytes(Path.Combine(directory, "probe.o"), EmbeddingAssemblies.FilterObject);
                return Path.Combine(directory, "probe.o");
            case "no objects":
                return EmbeddingAssemblies.Compile("Plain", "namespace Plain { public static class Decoy { public static byte[] ObjectBytes => new byte[] { 1 }; } }");
            case "hand-written getter":
                return EmbeddingAssemblies.Compile("Handmade", "namespace Probes { public static class Handmade { "
                    + "static readonly byte[] bytes = System.IO.File.ReadAllBytes(\"probe.o\"); "
                    + "public static System.ReadOnlySpan<byte> ObjectBytes => bytes; } }");
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such input");
        }
    }

    /// <summary>What each input gets told, after the command and path.</summary>
    static readonly Dictionary<string, string> Reasons = new()
    {
        ["missing"] = "no such file",
        ["directory"] = "is a directory, not an assembly",
        ["text"] = "not a .NET assembly (",
        ["elf"] = "not a .NET assembly but an ELF file; for an eBPF object use 'sharp-bpf disasm' or 'sharp-bpf verify'",
        ["no objects"] = "no embedded eBPF objects: no type has a static ReadOnlySpan<byte> ObjectBytes property, which the Sharp.Bpf compiler generates for each [BpfObject] class",
        ["hand-written getter"] = "Probes.Handmade.ObjectBytes is not a constant byte array (its getter is ldsfld; call; ret); the Sharp.Bpf compiler writes 'ObjectBytes => new byte[] { ... }'",
    };

    public static TheoryData<string, string> Inputs => new(Reasons.Select(pair => (pair.Key, pair.Value)));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Dump_says_what_is_wrong_with_the_input(string input, string reason)
    {
        var path = Input(input);

        var (exit, stdout, stderr) = KernelObjects.Capture((o, e) => DumpCommand.Execute(path, null, o, e));

        Assert.Equal((DumpCommand.Failure, ""), (exit, stdout));
        Assert.StartsWith($"sharp-bpf dump: {path}: {reason}", Assert.Single(stderr.TrimEnd().Split('\n')));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Extract_says_what_is_wrong_with_the_input_and_writes_nothing(string input, string reason)
    {
        var path = Input(input);
        var output = EmbeddingAssemblies.NewDirectory();

        var (exit, stdout, stderr) = KernelObjects.Capture((o, e) => ExtractCommand.Execute(path, output, o, e));

        Assert.Equal((ExtractCommand.Failure, ""), (exit, stdout));
        Assert.StartsWith($"sharp-bpf extract: {path}: {reason}", Assert.Single(stderr.TrimEnd().Split('\n')));
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("no objects")]
    [InlineData("hand-written getter")]
    public void Verify_says_what_is_wrong_with_an_assembly_before_touching_the_kernel(string input)
    {
        var path = Input(input);
        var reason = Reasons[input];

        var (exit, stdout, stderr) = KernelObjects.Capture((o, e) => VerifyCommand.Execute(path, false, o, e));

        Assert.Equal((VerifyCommand.Failure, ""), (exit, stdout));
        Assert.Equal($"sharp-bpf verify: {path}: {reason}", stderr.Trim());
    }
}
