using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary>A running <c>sharp-bpf attach</c> whose output the test reads while it runs; disposing kills it if still running.</summary>
internal sealed partial class AttachProcess : IDisposable
{
    readonly Process process;
    readonly BlockingCollection<string> stderrLines = [];
    readonly List<string> stdoutLines = [];
    readonly List<string> stderrSeen = [];
    readonly Thread stdoutReader;
    readonly Thread stderrReader;

    AttachProcess(Process process)
    {
        this.process = process;
        stdoutReader = StartReader(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line) lock (stdoutLines) stdoutLines.Add(line);
        });
        stderrReader = StartReader(() =>
        {
            while (process.StandardError.ReadLine() is { } line) stderrLines.Add(line);
            stderrLines.CompleteAdding();
        });
    }

    // Dedicated threads, not the thread pool: under parallel test load a pool reader can wait seconds for a thread, and the
    // "attached" line then arrives after a short --duration has already detached the program.
    static Thread StartReader(Action read)
    {
        var thread = new Thread(() => read()) { IsBackground = true };
        thread.Start();
        return thread;
    }

    public static AttachProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sharp-bpf.dll"));
        start.ArgumentList.Add("attach");
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return new AttachProcess(Process.Start(start)!);
    }

    /// <summary>The stderr lines read so far.</summary>
    public string Stderr => string.Join('\n', stderrSeen);

    /// <summary>Waits until a stderr line contains <paramref name="text"/>; false when the process ended first (or a minute passed).</summary>
    public bool WaitForStderr(string text)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (DateTime.UtcNow < deadline && stderrLines.TryTake(out var line, deadline - DateTime.UtcNow))
        {
            stderrSeen.Add(line);
            if (line.Contains(text, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    /// <summary>Sends SIGTERM.</summary>
    public void Terminate() => Assert.Equal(0, kill(process.Id, 15));

    /// <summary>Waits for the exit and returns the exit code and every stdout line.</summary>
    public (int ExitCode, IReadOnlyList<string> Stdout) WaitForExit()
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
            throw new TimeoutException($"sharp-bpf attach did not exit within a minute; stderr so far: {Stderr}");
        stdoutReader.Join();
        stderrReader.Join();
        while (stderrLines.TryTake(out var line)) stderrSeen.Add(line);
        return (process.ExitCode, stdoutLines);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
