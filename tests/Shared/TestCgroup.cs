using System.Diagnostics;
using Xunit;

namespace Sharp.Bpf.Testing;

/// <summary>A cgroup v2 directory with a unique name under the cgroup2 mount (/sys/fs/cgroup, or /sys/fs/cgroup/unified
/// on hybrid hosts), removed on dispose (after its processes exit).</summary>
internal sealed class TestCgroup : IDisposable
{
    TestCgroup(string path) => Path = path;

    /// <summary>The cgroup's directory.</summary>
    public string Path { get; }

    /// <summary>Creates the cgroup; skips (fails in CI) when no cgroup2 file system is mounted.</summary>
    public static TestCgroup Create()
    {
        var root = File.ReadLines("/proc/mounts").Select(line => line.Split(' ')).FirstOrDefault(fields => fields[2] == "cgroup2")?[1];
        if (root is null)
        {
            const string reason = "no cgroup2 file system is mounted (see /proc/mounts)";
            if (Privileged.InCi) Assert.Fail($"CI=true forbids skipping: {reason}");
            Assert.Skip(reason);
        }
        var path = System.IO.Path.Combine(root, $"sharp-bpf-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TestCgroup(path);
    }

    /// <summary>Runs a bash script in a child that first moves itself into this cgroup, and waits for it to succeed.</summary>
    public void RunInside(string script)
    {
        var start = new ProcessStartInfo(Privileged.RequireTool("bash"));
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"echo $$ > {System.IO.Path.Combine(Path, "cgroup.procs")} && {script}");
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"bash exited with {process.ExitCode}: {errors}");
    }

    public void Dispose()
    {
        // A child that just exited can keep the cgroup populated for a moment after it is reaped.
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                Directory.Delete(Path);
                return;
            }
            catch (IOException) when (attempt < 100)
            {
                Thread.Sleep(20);
            }
        }
    }
}
