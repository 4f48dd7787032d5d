using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.EndToEnd;

/// <summary>Two namespaces joined by a veth pair (IPv4 and IPv6), with flat's command line running as a child process in
/// namespace A — <c>ip netns exec A dotnet flat.dll -i &lt;veth A&gt; ...</c>, as a user would run it there (the child gets
/// namespace A's <c>/sys</c>) — where the clients run; servers run in namespace B. <see cref="Stop"/> ends flat with
/// SIGTERM, <see cref="WaitForExit"/> lets it end by itself (<c>--duration</c>, or a failure to start); both check that
/// nothing of flat's stays: no TCX program, and the interface's qdiscs as they were before flat started. Dispose kills
/// flat if it still runs and deletes the namespaces.</summary>
sealed class FlatCliOnVeth : IDisposable
{
    static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    static readonly TimeSpan ExitLimit = TimeSpan.FromSeconds(30);
    const int Sigterm = 15;

    readonly Process _process;
    readonly StringBuilder _stdout = new();
    readonly StringBuilder _stderr = new();
    readonly ManualResetEventSlim _measuring = new();
    readonly IReadOnlyList<string> _qdiscsBefore;

    FlatCliOnVeth(NetworkNamespacePair pair, Process process)
    {
        Pair = pair;
        _process = process;
        _qdiscsBefore = TcHooks.QdiscKinds(pair.NamespaceA, pair.InterfaceA);
    }

    public NetworkNamespacePair Pair { get; }

    /// <summary>What flat printed and how it ended.</summary>
    public sealed record Run(int ExitCode, IReadOnlyList<string> Stdout, string Stderr);

    /// <summary>Creates the namespaces, lets <paramref name="prepare"/> set up interface A, starts flat with <c>-i</c> set to
    /// <see cref="NetworkNamespacePair.InterfaceA"/> and the arguments <paramref name="arguments"/> makes for the pair, and
    /// returns once flat says it is measuring (and its programs are on the interface) — or, when
    /// <paramref name="untilMeasuring"/> is false, at once. On failure deletes what it created.</summary>
    public static FlatCliOnVeth Start(Func<NetworkNamespacePair, string[]> arguments, Action<NetworkNamespacePair>? prepare = null, bool untilMeasuring = true)
    {
        var pair = new NetworkNamespacePair();
        FlatCliOnVeth? flat = null;
        try
        {
            pair.AddIpv6Addresses();
            prepare?.Invoke(pair);
            var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
            string[] command = ["netns", "exec", pair.NamespaceA, DotnetHost(), Path.Combine(AppContext.BaseDirectory, "flat.dll"), "-i", pair.InterfaceA];
            foreach (var argument in command.Concat(arguments(pair))) start.ArgumentList.Add(argument);
            flat = new FlatCliOnVeth(pair, new Process { StartInfo = start });
            flat.Launch(untilMeasuring);
            return flat;
        }
        catch
        {
            if (flat is not null) flat.Dispose();
            else pair.Dispose();
            throw;
        }
    }

    void Launch(bool untilMeasuring)
    {
        _process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (_stdout) _stdout.AppendLine(line.Data);
        };
        _process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null) return;
            lock (_stderr) _stderr.AppendLine(line.Data);
            if (line.Data.StartsWith("flat: measuring on", StringComparison.Ordinal)) _measuring.Set();
        };
        _process.Exited += (_, _) => _measuring.Set();
        _process.EnableRaisingEvents = true;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!untilMeasuring) return;
        if (!_measuring.Wait(StartLimit)) throw new TimeoutException($"flat did not start measuring within {StartLimit.TotalSeconds} s: {Stderr}");
        if (_process.HasExited) throw new InvalidOperationException($"flat exited with {_process.ExitCode} before measuring: {Stderr}");
        AssertAttached();
    }

    string Stderr
    {
        get { lock (_stderr) return _stderr.ToString(); }
    }

    /// <summary>Sends SIGTERM (what a service manager sends; Ctrl+C takes the same path) and waits for flat to exit.</summary>
    public Run Stop()
    {
        if (kill(_process.Id, Sigterm) != 0) throw new IOException($"kill(SIGTERM) failed: errno {Marshal.GetLastPInvokeError()}");
        return WaitForExit(ExitLimit);
    }

    /// <summary>Waits up to <paramref name="limit"/> for flat to exit by itself, then checks nothing stays attached.</summary>
    public Run WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit)) throw new TimeoutException($"flat did not exit within {limit.TotalSeconds} s: {Stderr}");
        // The parameterless overload also waits until both redirected streams are read to the end.
        _process.WaitForExit();
        AssertNothingAttached();
        string stdout;
        lock (_stdout) stdout = _stdout.ToString();
        return new Run(_process.ExitCode, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Stderr);
    }

    /// <summary>flat's programs are on the interface: on the TCX hooks, or under a clsact qdisc (kernels before 6.6).</summary>
    void AssertAttached()
    {
        if (ViaTcx) Assert.Equal((1u, 1u), TcHooks.TcxPrograms(Pair.NamespaceA, Pair.InterfaceA));
        else Assert.Contains("clsact", TcHooks.Qdiscs(Pair.NamespaceA, Pair.InterfaceA));
    }

    void AssertNothingAttached()
    {
        if (ViaTcx) Assert.Equal((0u, 0u), TcHooks.TcxPrograms(Pair.NamespaceA, Pair.InterfaceA));
        Assert.Equal(_qdiscsBefore, TcHooks.QdiscKinds(Pair.NamespaceA, Pair.InterfaceA));
    }

    bool ViaTcx => Stderr.Contains("TCX ", StringComparison.OrdinalIgnoreCase);

    /// <summary>The dotnet host running this test run (<c>DOTNET_HOST_PATH</c>, set by the SDK), else the one on PATH.</summary>
    static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Kills flat if it still runs, deletes the namespaces and checks they are gone.</summary>
    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to end.
        }
        finally
        {
            _process.Dispose();
            _measuring.Dispose();
            Pair.Dispose();
        }
        Assert.False(File.Exists($"/run/netns/{Pair.NamespaceA}") || File.Exists($"/run/netns/{Pair.NamespaceB}"), "a namespace outlived the test");
    }

    [DllImport("libc", SetLastError = true)]
    static extern int kill(int pid, int signal);
}
