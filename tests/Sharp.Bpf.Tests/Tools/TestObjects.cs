using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Tools;

/// <summary>Builds the C and assembly test programs in Data/ into a temporary folder, once per test run.</summary>
internal static class TestObjects
{
    static readonly string OutputDirectory = Directory.CreateTempSubdirectory("sharp-bpf-tests-").FullName;
    static readonly Lock Gate = new();
    static readonly Dictionary<string, string> Built = [];

    /// <summary>The C programs in Data/c, by file name.</summary>
    public static IEnumerable<string> CPrograms =>
        Directory.EnumerateFiles(Path.Combine(DataDirectory, "c"), "*.c").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    static string DataDirectory => Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data");

    /// <summary>Compiles Data/c/<paramref name="fileName"/> with clang-19 -O2 -g -target bpf; isa_v4.c with -mcpu=v4, the rest with -mcpu=v3.</summary>
    public static string CompileC(string fileName) =>
        ClangObjects.Compile(Path.Combine(DataDirectory, "c", fileName), fileName == "isa_v4.c" ? "v4" : "v3");

    /// <summary>Assembles Data/asm/<paramref name="fileName"/> with llvm-mc-19.</summary>
    public static string Assemble(string fileName) => Build(fileName, output => ExternalTool.Run("llvm-mc-19",
        ["-triple", "bpfel", "-mcpu=v4", "-filetype=obj", Path.Combine(DataDirectory, "asm", fileName), "-o", output]));

    static string Build(string fileName, Action<string> build)
    {
        lock (Gate)
        {
            if (Built.TryGetValue(fileName, out var existing)) return existing;
            var output = Path.Combine(OutputDirectory, Path.ChangeExtension(fileName, ".o"));
            build(output);
            Built[fileName] = output;
            return output;
        }
    }
}
