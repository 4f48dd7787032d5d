using System.Diagnostics;

namespace Sharp.Bpf.Bench.Loader;

/// <summary>Open + load + close of the flat-style C probe (tests/Sharp.Bpf.Tests/Data/loader/flat_probe.c, compiled by
/// clang-19 as the tests compile it): <see cref="Collection.Load(string, CollectionOptions?)"/> and dispose, against the wall
/// time of <c>bpftool prog loadall OBJ /sys/fs/bpf/UNIQUE</c> plus removing the pins. The two alternate, which goes first
/// switching every iteration, and the medians are compared. bpftool's figure includes starting a process (about a
/// millisecond here) — that is what a user of it pays, and what a .NET program that loads its probe in-process saves.</summary>
internal sealed class LoadTimeBenchmark : Benchmark
{
    const int Iterations = 40;
    const int WarmUp = 3;

    public override string Title => "Loader: open + load + close of flat_probe.o (one tc program, LRU hash, ring buffer, .rodata), wall time";

    public override string ReferenceName => "bpftool";

    public override IEnumerable<Comparison> Run()
    {
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-bench-load-");
        try
        {
            var obj = Compile(directory.FullName);
            for (int i = 0; i < WarmUp; i++)
            {
                LoadOurs(obj);
                LoadWithBpftool(obj, i);
            }
            var ours = new List<double>();
            var bpftool = new List<double>();
            for (int i = 0; i < Iterations; i++)
            {
                if (i % 2 == 0) ours.Add(LoadOurs(obj));
                bpftool.Add(LoadWithBpftool(obj, WarmUp + i));
                if (i % 2 == 1) ours.Add(LoadOurs(obj));
            }
            yield return new Comparison("open + load + close, median of " + Iterations, Median(ours), Median(bpftool), "ms",
                $"min {ours.Min():0.000} vs {bpftool.Min():0.000} ms", LowerIsBetter: true);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    static double LoadOurs(string obj)
    {
        var clock = Stopwatch.StartNew();
        using (Collection.Load(obj)) { }
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One <c>bpftool prog loadall</c> into a fresh bpffs folder, and the removal of its pins (which frees the program).</summary>
    static double LoadWithBpftool(string obj, int iteration)
    {
        var pins = $"/sys/fs/bpf/sharp-bpf-bench-{Environment.ProcessId}-{iteration}";
        var clock = Stopwatch.StartNew();
        try
        {
            RunTool("bpftool", "prog", "loadall", obj, pins);
        }
        finally
        {
            if (Directory.Exists(pins)) Directory.Delete(pins, recursive: true);
        }
        return clock.Elapsed.TotalMilliseconds;
    }

    static string Compile(string directory)
    {
        var source = Path.Combine(RepositoryRoot(), "tests", "Sharp.Bpf.Tests", "Data", "loader", "flat_probe.c");
        var obj = Path.Combine(directory, "flat_probe.o");
        RunTool("clang-19", "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", source, "-o", obj);
        return obj;
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Sharp.Bpf.sln"))) return dir.FullName;
        throw new InvalidOperationException($"Sharp.Bpf.sln not found above {AppContext.BaseDirectory}");
    }

    static void RunTool(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {stderr.Result}");
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
