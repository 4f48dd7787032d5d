using System.Diagnostics;
using System.Globalization;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

/// <summary>A host program for the uprobe-latency tests, built with clang-19 into a temporary folder once per run (removed
/// when the test process exits). Its
/// arguments are pairs "milliseconds count": it calls <see cref="Function"/> (which sleeps that long) count times per pair,
/// timing each call itself on CLOCK_MONOTONIC (the clock of <c>bpf_ktime_get_ns</c>) and printing the nanoseconds, one call per
/// line. With <c>--wait</c> first, it waits for a line on stdin before the first call.</summary>
static class UprobeLatencyTarget
{
    /// <summary>The probed function: <c>void sharp_bpf_sleep_ms(int ms)</c>.</summary>
    public const string Function = "sharp_bpf_sleep_ms";

    const string Source = """
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <time.h>

        __attribute__((noinline)) void sharp_bpf_sleep_ms(int ms)
        {
            struct timespec delay = { ms / 1000, (ms % 1000) * 1000000L };
            while (nanosleep(&delay, &delay) != 0)
                ;
        }

        static long long now_ns(void)
        {
            struct timespec now;
            clock_gettime(CLOCK_MONOTONIC, &now);
            return now.tv_sec * 1000000000LL + now.tv_nsec;
        }

        int main(int argc, char **argv)
        {
            int first = 1;
            if (argc > 1 && strcmp(argv[1], "--wait") == 0) {
                char line[16];
                if (!fgets(line, sizeof line, stdin)) return 2;
                first = 2;
            }
            for (int i = first; i + 1 < argc; i += 2)
                for (int n = atoi(argv[i + 1]); n > 0; n--) {
                    long long start = now_ns();
                    sharp_bpf_sleep_ms(atoi(argv[i]));
                    printf("%lld\n", now_ns() - start);
                }
            return 0;
        }
        """;

    static readonly Lazy<string> built = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("sharp-bpf-uprobe-latency-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        var source = Path.Combine(folder, "target.c");
        File.WriteAllText(source, Source);
        var output = Path.Combine(folder, "uprobe_latency_target");
        var start = new ProcessStartInfo(Privileged.RequireTool("clang-19")) { RedirectStandardError = true };
        foreach (var argument in new[] { "-O1", "-o", output, source }) start.ArgumentList.Add(argument);
        using var clang = Process.Start(start)!;
        var errors = clang.StandardError.ReadToEnd();
        clang.WaitForExit();
        Assert.True(clang.ExitCode == 0, $"clang-19 failed: {errors}");
        return output;
    });

    /// <summary>The built executable's path.</summary>
    public static string ExecutablePath => built.Value;

    /// <summary>Starts the program with <paramref name="arguments"/>; its stdout holds the call durations.</summary>
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath) { RedirectStandardOutput = true, RedirectStandardInput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start)!;
    }

    /// <summary>Waits for <paramref name="process"/> to succeed and returns the call durations it printed, in nanoseconds.</summary>
    public static long[] CallDurations(Process process)
    {
        var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return [.. lines.Select(line => long.Parse(line, CultureInfo.InvariantCulture))];
    }
}
