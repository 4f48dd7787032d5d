using System.Text.RegularExpressions;
using Sharp.Bpf.Samples.UprobeLatency;
using Sharp.Bpf.Samples.UprobeLatency.Kernel;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Samples.Tests;

using Sharp.Bpf.Kernel;

/// <summary>uprobe-latency: a uprobe and a uretprobe time each call of a user-space function into a log2 histogram of
/// microseconds, and the sample prints it the way funclatency does.</summary>
public sealed class UprobeLatencyTests
{
    /// <summary>How much longer than the kernel's measurement (uprobe entry to uretprobe) the target's own timing around the call
    /// may be: the two traps, and a preemption between its clock reads and the call on a busy machine.</summary>
    const long ToleranceNs = 3_000_000;

    [Fact]
    public void Histogram_puts_each_call_in_the_bucket_of_its_latency()
    {
        Privileged.RequireRoot();
        var binary = UprobeLatencyTarget.ExecutablePath;
        var options = new UprobeLatencyOptions(binary, UprobeLatencyTarget.Function);
        using var run = SampleRun.Start((output, token) => new UprobeLatencyApp().RunAsync(options, output, token));
        run.WaitForOutput(output => output.Contains("Tracing"), "the attach message");

        // 5 ms calls land in 4096 -> 8191 usecs and 20 ms calls in 16384 -> 32767, unless the machine delays them.
        using var target = UprobeLatencyTarget.Start("5", "12", "20", "4");
        var durations = UprobeLatencyTarget.CallDurations(target);
        var requested = Enumerable.Repeat(5_000_000L, 12).Concat(Enumerable.Repeat(20_000_000L, 4)).ToArray();
        Assert.Equal(0, run.Stop());

        var histogram = Histogram(run.Output);
        Assert.Equal(16UL, histogram.Values.Aggregate(0UL, (sum, count) => sum + count));
        Assert.Contains("calls: 16", run.Output);
        // Each call's bucket is bounded by the target's own timing: at least what it asked to sleep (and at least that timing
        // less the tolerance), at most that timing.
        var candidates = durations.Zip(requested, (measured, asked) =>
            (Low: UprobeLatencyProbe.Log2((ulong)Math.Max(asked, measured - ToleranceNs) / 1000), High: UprobeLatencyProbe.Log2((ulong)measured / 1000))).ToArray();
        for (uint bucket = 0; bucket < UprobeLatencyProbe.BucketCount; bucket++)
        {
            int certain = candidates.Count(range => range.Low == bucket && range.High == bucket);
            int possible = candidates.Count(range => range.Low <= bucket && bucket <= range.High);
            var count = histogram.GetValueOrDefault(bucket);
            Assert.True(count >= (ulong)certain && count <= (ulong)possible,
                $"bucket {bucket} holds {count} calls; the target's timings ({string.Join(", ", durations)} ns) put {certain} to {possible} there\n{run.Output}");
        }
    }

    [Fact]
    public void With_a_process_id_only_that_process_calls_are_counted()
    {
        Privileged.RequireRoot();
        using var chosen = UprobeLatencyTarget.Start("--wait", "5", "3");
        var options = new UprobeLatencyOptions(UprobeLatencyTarget.ExecutablePath, UprobeLatencyTarget.Function, ProcessId: chosen.Id);
        using var run = SampleRun.Start((output, token) => new UprobeLatencyApp().RunAsync(options, output, token));
        run.WaitForOutput(output => output.Contains("Tracing"), "the attach message");

        using (var other = UprobeLatencyTarget.Start("5", "4"))
            Assert.Equal(4, UprobeLatencyTarget.CallDurations(other).Length);
        chosen.StandardInput.WriteLine("go");
        Assert.Equal(3, UprobeLatencyTarget.CallDurations(chosen).Length);
        Assert.Equal(0, run.Stop());

        Assert.Contains("calls: 3", run.Output);
        Assert.Equal(3UL, Histogram(run.Output).Values.Aggregate(0UL, (sum, count) => sum + count));
    }

    [Fact]
    public async Task A_missing_function_is_reported_with_exit_code_1()
    {
        Privileged.RequireRoot();
        var options = new UprobeLatencyOptions(UprobeLatencyTarget.ExecutablePath, "no_such_function_here");
        var output = new StringWriter();

        int exitCode = await new UprobeLatencyApp().RunAsync(options, output, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"uprobe-latency: cannot probe no_such_function_here in {UprobeLatencyTarget.ExecutablePath}", output.ToString());
    }

    [Fact]
    public void Kernel_programs_count_a_call_in_the_bucket_of_its_microseconds()
    {
        UprobeLatencyProbe.Starts.Clear();
        UprobeLatencyProbe.Histogram.Clear();
        var runtime = new BpfRuntime { ProcessId = 40, ThreadId = 41 };
        using var scope = BpfRuntime.Use(runtime);
        var registers = new PtRegs();

        UprobeLatencyProbe.OnEntry(in registers);
        runtime.Advance(TimeSpan.FromMilliseconds(5));
        UprobeLatencyProbe.OnReturn(in registers);

        Assert.True(UprobeLatencyProbe.Histogram.TryGetValue(12, out var count));
        Assert.Equal(1UL, count);
        Assert.Equal(0, UprobeLatencyProbe.Starts.Count);
    }

    [Fact]
    public void Kernel_programs_ignore_a_return_whose_entry_they_did_not_see()
    {
        UprobeLatencyProbe.Starts.Clear();
        UprobeLatencyProbe.Histogram.Clear();
        using var scope = BpfRuntime.Use(new BpfRuntime());
        var registers = new PtRegs();

        UprobeLatencyProbe.OnReturn(in registers);

        for (uint bucket = 0; bucket < UprobeLatencyProbe.BucketCount; bucket++)
            Assert.True(UprobeLatencyProbe.Histogram.TryGetValue(bucket, out var count) && count == 0);
    }

    [Theory]
    [InlineData(0UL, 0u)]
    [InlineData(1UL, 0u)]
    [InlineData(2UL, 1u)]
    [InlineData(3UL, 1u)]
    [InlineData(4095UL, 11u)]
    [InlineData(4096UL, 12u)]
    [InlineData(8191UL, 12u)]
    [InlineData(1UL << 40, 40u)]
    [InlineData(ulong.MaxValue, 63u)]
    public void Log2_is_the_position_of_the_highest_set_bit(ulong value, uint expected) =>
        Assert.Equal(expected, UprobeLatencyProbe.Log2(value));

    [Fact]
    public void Histogram_rows_run_to_the_last_non_empty_bucket_with_bars_scaled_to_the_largest_count()
    {
        var counts = new ulong[UprobeLatencyProbe.BucketCount];
        counts[1] = 2;
        counts[3] = 4;

        var lines = Log2Histogram.Format(counts, "usecs").Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(
        [
            "     usecs               : count    distribution",
            "         0 -> 1          : 0        |                                        |",
            "         2 -> 3          : 2        |********************                    |",
            "         4 -> 7          : 0        |                                        |",
            "         8 -> 15         : 4        |****************************************|",
        ], lines.Select(line => line.TrimEnd('\r')));
    }

    /// <summary>The printed histogram: bucket index → count.</summary>
    static Dictionary<uint, ulong> Histogram(string output) =>
        Regex.Matches(output, @"^\s*(\d+) -> (\d+)\s+: (\d+)\s+\|", RegexOptions.Multiline)
            .ToDictionary(match => UprobeLatencyProbe.Log2(ulong.Parse(match.Groups[1].Value)), match => ulong.Parse(match.Groups[3].Value));
}
