using System.Collections.Concurrent;

namespace Sharp.Bpf.Testing;

/// <summary>Compiles C test programs kept in the repository with clang-19 into a temporary folder, once per test run.</summary>
public static class ClangObjects
{
    static readonly string OutputDirectory = Directory.CreateTempSubdirectory("sharp-bpf-objects-").FullName;
    static readonly ConcurrentDictionary<string, Lazy<string>> Built = new();

    /// <summary>Compiles <paramref name="sourcePath"/> with <c>clang-19 -O2 -g -target bpf -mcpu=<paramref name="cpu"/></c>
    /// and returns the object's path; skips (fails in CI) when clang-19 is missing.</summary>
    public static string Compile(string sourcePath, string cpu = "v3")
    {
        Privileged.RequireTool("clang-19");
        var key = $"{Path.GetFullPath(sourcePath)}|{cpu}";
        return Built.GetOrAdd(key, _ => new Lazy<string>(() =>
        {
            var output = Path.Combine(OutputDirectory, $"{Path.GetFileNameWithoutExtension(sourcePath)}-{cpu}-{Built.Count}.o");
            ExternalTool.Run("clang-19", ["-O2", "-g", "-target", "bpf", $"-mcpu={cpu}", "-I/usr/include/x86_64-linux-gnu", "-c", sourcePath, "-o", output]);
            return output;
        })).Value;
    }
}
