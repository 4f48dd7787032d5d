using Sharp.Bpf.Elf;
using Sharp.Bpf.Links;
using Sharp.Bpf.Samples.UprobeLatency.Kernel;

namespace Sharp.Bpf.Samples.UprobeLatency;

/// <summary>uprobe-latency: loads <see cref="UprobeLatencyProbe"/>, attaches its programs to the entry and return of a
/// function, and when the duration ends or the run is cancelled prints the latency histogram and detaches.</summary>
public sealed class UprobeLatencyApp
{
    /// <summary>Measures the function <paramref name="options"/> names, writing a "Tracing" line once attached, then the
    /// histogram (or an error) to <paramref name="output"/>. Detaches and closes everything before returning, on every path.</summary>
    /// <remarks>Minimum kernel: 4.17 (uprobe PMU; older kernels through tracefs). Needs root (CAP_BPF and CAP_PERFMON).</remarks>
    /// <returns>0 after printing the histogram; 1 when the binary or function is missing (or the binary is not an ELF file) or
    /// the probe could not be loaded or attached.</returns>
    public Task<int> RunAsync(UprobeLatencyOptions options, TextWriter output, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            if (!Environment.IsPrivilegedProcess)
            {
                output.WriteLine("uprobe-latency: needs root (CAP_BPF and CAP_PERFMON) to load and attach eBPF programs");
                return 1;
            }
            try
            {
                using var probe = UprobeLatencyProbe.Load();
                var attach = new UprobeOptions { ProcessId = options.ProcessId };
                using var entry = Uprobe.Attach(probe.OnEntry.Program, options.Binary, options.Function, attach);
                using var exit = Uprobe.AttachReturn(probe.OnReturn.Program, options.Binary, options.Function, attach);
                var process = options.ProcessId is { } pid ? $" in process {pid}" : "";
                output.WriteLine($"Tracing {options.Function} in {options.Binary}{process}... Hit Ctrl-C to end.");
                await Wait(options.Duration, cancellationToken);
                var counts = Enumerable.Range(0, UprobeLatencyProbe.BucketCount).Select(index => probe.Histogram.Lookup((uint)index)).ToArray();
                output.WriteLine();
                output.Write(Log2Histogram.Format(counts, "usecs"));
                output.WriteLine();
                output.WriteLine($"calls: {counts.Aggregate(0UL, (sum, count) => sum + count)}");
                return 0;
            }
            catch (FileNotFoundException)
            {
                output.WriteLine($"uprobe-latency: no such binary or library: {options.Binary}");
                return 1;
            }
            catch (Exception error) when (error is BpfElfException or ArgumentException)
            {
                output.WriteLine($"uprobe-latency: cannot probe {options.Function} in {options.Binary}: {error.Message}");
                return 1;
            }
            catch (Exception error) when (error is BpfException or IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"uprobe-latency: {error.Message}");
                return 1;
            }
        }, CancellationToken.None);

    static async Task Wait(TimeSpan? duration, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(duration ?? Timeout.InfiniteTimeSpan, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Cancellation ends the measurement like the end of the duration: the histogram is printed either way.
        }
    }
}
