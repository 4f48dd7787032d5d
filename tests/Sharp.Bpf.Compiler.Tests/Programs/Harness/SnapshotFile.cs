using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Checked-in expected outputs under <c>tests/Sharp.Bpf.Compiler.Tests/Programs/Snapshots</c>. Set
/// <see cref="UpdateVariable"/>=1 to rewrite them from the current outputs instead of comparing (then review the diff).</summary>
public static class SnapshotFile
{
    /// <summary>The environment variable that turns comparison into rewriting.</summary>
    public const string UpdateVariable = "SHARP_BPF_UPDATE_SNAPSHOTS";

    /// <summary>The snapshot folder in the source tree.</summary>
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Compiler.Tests", "Programs", "Snapshots");

    /// <summary>True when snapshots are being rewritten.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <summary>The path of snapshot <paramref name="name"/>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder, name);

    /// <summary>The snapshot's text, or null when it does not exist.</summary>
    public static string? Read(string name) => File.Exists(PathOf(name)) ? File.ReadAllText(PathOf(name)).ReplaceLineEndings("\n") : null;

    /// <summary>Writes <paramref name="text"/> as snapshot <paramref name="name"/>.</summary>
    public static void Write(string name, string text)
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(PathOf(name), text);
    }
}
