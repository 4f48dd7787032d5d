using Sharp.Bpf.Samples.CgroupEgressBytes.Kernel;

namespace Sharp.Bpf.Samples.CgroupEgressBytes;

/// <summary>cgroup-egress-bytes: loads <see cref="CgroupEgressProbe"/>, attaches it at a cgroup's inet egress hook, prints the
/// packets and bytes sent every interval and the totals on exit, then detaches.</summary>
/// <param name="clock">The clock of the printed times, the interval and the duration.</param>
public sealed class CgroupEgressBytesApp(TimeProvider clock)
{
    /// <summary>An app on the system clock.</summary>
    public CgroupEgressBytesApp() : this(TimeProvider.System)
    {
    }

    /// <summary>Counts what the cgroup <paramref name="options"/> names sends, writing the header once attached, a line per
    /// interval, the totals (or an error) to <paramref name="output"/>. Detaches and closes everything before returning, on every
    /// path.</summary>
    /// <remarks>Minimum kernel: 5.7 (cgroup bpf_link). Needs root (CAP_BPF and CAP_NET_ADMIN).</remarks>
    /// <returns>0 after printing the totals; 1 when the cgroup is missing or the probe could not be loaded or attached.</returns>
    public Task<int> RunAsync(CgroupEgressBytesOptions options, TextWriter output, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            if (!Environment.IsPrivilegedProcess)
            {
                output.WriteLine("cgroup-egress-bytes: needs root (CAP_BPF and CAP_NET_ADMIN) to load and attach eBPF programs");
                return 1;
            }
            if (!Directory.Exists(options.CgroupPath))
            {
                output.WriteLine($"cgroup-egress-bytes: no cgroup directory {options.CgroupPath}");
                return 1;
            }
            try
            {
                using var probe = CgroupEgressProbe.Load();
                using var link = probe.CountEgress.Attach(options.CgroupPath);
                output.WriteLine(TrafficLine.Header);
                var total = await Count(probe.Totals, options, output, cancellationToken);
                output.WriteLine(TrafficLine.Total(total));
                return 0;
            }
            catch (Exception error) when (error is BpfException or IOException or UnauthorizedAccessException)
            {
                output.WriteLine($"cgroup-egress-bytes: {error.Message}");
                return 1;
            }
        }, CancellationToken.None);

    async Task<TrafficCount> Count(PerCpuArrayMap<TrafficCount> totals, CgroupEgressBytesOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        var interval = options.Interval ?? TimeSpan.FromSeconds(1);
        var end = options.Duration is { } duration ? clock.GetUtcNow() + duration : DateTimeOffset.MaxValue;
        var previous = new TrafficCount();
        while (true)
        {
            var remaining = end - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero) break;
            try
            {
                await Task.Delay(remaining < interval ? remaining : interval, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var total = Sum(totals);
            output.WriteLine(TrafficLine.Interval(clock.GetLocalNow(), previous, total));
            previous = total;
        }
        return Sum(totals);
    }

    static TrafficCount Sum(PerCpuArrayMap<TrafficCount> totals)
    {
        var sum = new TrafficCount();
        foreach (var perCpu in totals.Lookup(0))
        {
            sum.Packets += perCpu.Packets;
            sum.Bytes += perCpu.Bytes;
        }
        return sum;
    }
}
