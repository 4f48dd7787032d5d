using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Tools;

/// <summary>The loader's corpus of C programs in Data/loader, compiled with clang-19 -O2 -g -target bpf -mcpu=v3,
/// and fresh bpffs paths for pins.</summary>
internal static class LoaderCorpus
{
    /// <summary>The program the verifier rejects on purpose.</summary>
    public const string Broken = "broken_bounds";

    static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "loader");

    /// <summary>The names (without .c) of every program in the corpus that is meant to load.</summary>
    public static IEnumerable<string> Loadable() =>
        Directory.GetFiles(Folder, "*.c").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(name => name != Broken).Order(StringComparer.Ordinal);

    /// <summary>Every program of the corpus that the verifier accepts, by file name.</summary>
    public static IEnumerable<string> LoadablePrograms => Loadable().Select(name => name + ".c");

    /// <summary>Every program of the corpus, including the one the verifier rejects, by file name.</summary>
    public static IEnumerable<string> AllPrograms => LoadablePrograms.Append(Broken + ".c").Order(StringComparer.Ordinal);

    /// <summary>The path of <paramref name="name"/>.c, as clang records it in line info.</summary>
    public static string Source(string name) => Path.Combine(Folder, name + ".c");

    /// <summary>The compiled object of <paramref name="name"/>.c.</summary>
    public static string Object(string name) => ClangObjects.Compile(Source(name));

    /// <summary>Compiles Data/loader/<paramref name="fileName"/> and returns the object's path.</summary>
    public static string Compile(string fileName) => Object(Path.GetFileNameWithoutExtension(fileName));

    /// <summary>Compiles and reads Data/loader/<paramref name="fileName"/>.</summary>
    public static CollectionSpec Read(string fileName) => CollectionSpec.ReadFile(Compile(fileName));

    /// <summary>A bpffs path no test has used.</summary>
    public static string UniquePinPath() => $"/sys/fs/bpf/sharp_bpf_test_{Guid.NewGuid():N}";
}
