using Xunit;

namespace Sharp.Bpf.Testing;

/// <summary>Gates tests that need the running kernel. Outside CI a missing privilege skips with the
/// reason; with CI=true it fails, so CI cannot go green by skipping.</summary>
public static class Privileged
{
    /// <summary>True when the CI environment variable is "true".</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) unless the process runs as root.</summary>
    public static void RequireRoot()
    {
        if (Environment.UserName == "root" || geteuid() == 0) return;
        const string reason = "needs root (CAP_BPF and CAP_NET_ADMIN) to call bpf(); run the tests with sudo";
        if (InCi) Assert.Fail($"CI=true forbids skipping privileged tests: {reason}");
        Assert.Skip(reason);
    }

    /// <summary>Skips when a feature probe shows the kernel lacks a feature; allowed in CI too, because
    /// the reason is the probe's finding about this kernel, not a missing privilege.</summary>
    public static void SkipUnlessKernelHas(bool present, string probeFinding)
    {
        if (!present) Assert.Skip($"kernel feature probe: {probeFinding}");
    }

    /// <summary>Skips (or, in CI, fails) unless an external oracle tool is on PATH.</summary>
    public static string RequireTool(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(dir, name);
            if (File.Exists(path)) return path;
        }
        var reason = $"{name} is not installed (.ci/run installs it from Debian)";
        if (InCi) Assert.Fail($"CI=true forbids skipping: {reason}");
        Assert.Skip(reason);
        return name;
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    static extern uint geteuid();
}
