using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary>The C objects the kernel command tests load, compiled from the loader's corpus, and a bpffs path no other test uses.</summary>
internal static class KernelObjects
{
    static string Source(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Tests", "Data", "loader", name);

    /// <summary>The flat-style tc probe: one program, an LRU hash with BTF key/value types, a ring buffer and <c>.rodata</c>.</summary>
    public static string FlatProbe => ClangObjects.Compile(Source("flat_probe.c"));

    /// <summary>An XDP program the verifier rejects at <c>broken_bounds.c:9</c>, an unchecked packet read.</summary>
    public static string BrokenBounds => ClangObjects.Compile(Source("broken_bounds.c"));

    /// <summary>A fresh path under /sys/fs/bpf that nothing is pinned at.</summary>
    public static string UniquePinPath(string purpose) => $"/sys/fs/bpf/sharp-bpf-{purpose}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Runs a command's <c>Execute</c> with captured output.</summary>
    public static (int Exit, string Stdout, string Stderr) Capture(Func<TextWriter, TextWriter, int> execute)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int exit = execute(stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
