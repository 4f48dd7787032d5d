namespace Sharp.Bpf.Testing;

/// <summary>The kernel-object descriptors this process holds (bpf maps, programs, links, BTF, perf events, epoll and
/// eventfd instances — every <c>anon_inode:</c> entry of /proc/self/fd) and its bpf memory mappings. Leak tests compare
/// these rather than all descriptors, because the test host opens and closes pipes and sockets of its own meanwhile.</summary>
public static class KernelDescriptors
{
    /// <summary>"fd -> target" for each kernel-object descriptor, sorted.</summary>
    public static IReadOnlyList<string> Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries("/proc/self/fd")
            .Select(fd => (Fd: Path.GetFileName(fd), Target: TryReadLink(fd)))
            .Where(entry => entry.Target?.StartsWith("anon_inode:", StringComparison.Ordinal) == true)
            .Select(entry => $"{entry.Fd} -> {entry.Target}")
            .Order(StringComparer.Ordinal)];

    /// <summary>How many descriptors refer to <paramref name="target"/> (e.g. <c>anon_inode:[perf_event]</c>).</summary>
    public static int Count(string target) => Snapshot().Count(entry => entry.EndsWith(" -> " + target, StringComparison.Ordinal));

    /// <summary>How many memory mappings of bpf maps the process has (/proc/self/maps).</summary>
    public static int MapMappings() =>
        File.ReadLines("/proc/self/maps").Count(line => line.EndsWith("anon_inode:bpf-map", StringComparison.Ordinal));

    static string? TryReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null; // the descriptor closed between listing and reading
        }
    }
}
