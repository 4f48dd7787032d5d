namespace Sharp.Bpf.Testing;

/// <summary>Locates the repository and the shared conformance data from a test's working directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds Sharp.Bpf.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The conformance suite data folder (../shared/conformance/bpf_conformance beside the repository).</summary>
    public static string Conformance => Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance", "bpf_conformance"));

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sharp.Bpf.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Sharp.Bpf.sln not found above {AppContext.BaseDirectory}");
    }
}
