using Xunit;

namespace Sharp.Bpf.Testing;

/// <summary>bpftool's lists of the kernel's programs and links. bpftool walks the ids and then opens each object; one that
/// a test running in parallel (or any other process) releases in between makes it exit non-zero, so a list is retried.</summary>
public static class BpftoolListing
{
    const int Attempts = 5;

    /// <summary><c>bpftool link list</c>, as JSON when <paramref name="json"/>.</summary>
    public static string Links(bool json = true) => List(json ? ["link", "list", "--json"] : ["link", "list"]);

    /// <summary><c>bpftool prog list --json</c>.</summary>
    public static string Programs() => List(["prog", "list", "--json"]);

    static string List(string[] arguments)
    {
        for (int attempt = 1; ; attempt++)
        {
            int exitCode = ExternalTool.TryRun("bpftool", arguments, null, out var stdout, out var stderr);
            if (exitCode == 0) return stdout;
            if (attempt == Attempts)
                Assert.Fail($"bpftool {string.Join(' ', arguments)} exited with {exitCode} {Attempts} times: {stderr}{stdout}");
            Thread.Sleep(50);
        }
    }
}
