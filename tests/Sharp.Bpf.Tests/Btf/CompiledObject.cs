using System.Collections.Concurrent;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Btf;

/// <summary>A C program from Data/btf compiled by clang-19, with its .BTF and .BTF.ext sections extracted by llvm-objcopy-19.</summary>
sealed class CompiledObject
{
    static readonly ConcurrentDictionary<string, Lazy<CompiledObject>> Cache = new();

    CompiledObject(string source, string objectPath, byte[] btf, byte[] btfExt)
    {
        SourcePath = source;
        ObjectPath = objectPath;
        Btf = btf;
        BtfExt = btfExt;
    }

    public string SourcePath { get; }
    public string ObjectPath { get; }
    public byte[] Btf { get; }
    public byte[] BtfExt { get; }

    /// <summary>Compiles Data/btf/<paramref name="name"/>.c once per test run; skips (fails in CI) when the tools are missing.</summary>
    public static CompiledObject Get(string name)
    {
        Privileged.RequireTool("clang-19");
        Privileged.RequireTool("llvm-objcopy-19");
        return Cache.GetOrAdd(name, n => new Lazy<CompiledObject>(() => Compile(n))).Value;
    }

    static CompiledObject Compile(string name)
    {
        var source = Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "btf", name + ".c");
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-btf-").FullName;
        var objectPath = ClangObjects.Compile(source);
        var btfPath = Path.Combine(directory, name + ".btf");
        var extPath = Path.Combine(directory, name + ".btf.ext");
        ExternalTool.Run("llvm-objcopy-19", [$"--dump-section=.BTF={btfPath}", $"--dump-section=.BTF.ext={extPath}", objectPath]);
        return new CompiledObject(source, objectPath, File.ReadAllBytes(btfPath), File.ReadAllBytes(extPath));
    }
}
