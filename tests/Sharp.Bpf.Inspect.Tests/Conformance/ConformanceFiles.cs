using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Conformance;

/// <summary>The conformance suite's data files as theory rows.</summary>
internal static class ConformanceFiles
{
    public static string TestsFolder => Path.Combine(RepositoryPaths.Conformance, "tests");
    public static string NegativeFolder => Path.Combine(RepositoryPaths.Conformance, "negative");

    public static TheoryData<string> Tests() => Names(TestsFolder);
    public static TheoryData<string> Negative() => Names(NegativeFolder);

    static TheoryData<string> Names(string folder) =>
        new(Directory.GetFiles(folder, "*.data").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);
}
