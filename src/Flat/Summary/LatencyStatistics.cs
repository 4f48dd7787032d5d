namespace Sharp.Bpf.Flat.Summary;

/// <summary>Count, minimum, nearest-rank percentiles and maximum of one endpoint's latencies, in nanoseconds.</summary>
internal sealed record LatencyStatistics(int Count, ulong Min, ulong P50, ulong P90, ulong P99, ulong Max)
{
    /// <summary>Computes the statistics of <paramref name="latencies"/> (any order; not modified).</summary>
    /// <exception cref="ArgumentException"><paramref name="latencies"/> is empty.</exception>
    public static LatencyStatistics Of(IReadOnlyCollection<ulong> latencies)
    {
        if (latencies.Count == 0) throw new ArgumentException("No latencies to summarise.", nameof(latencies));
        var sorted = latencies.Order().ToArray();
        return new LatencyStatistics(sorted.Length, sorted[0], Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted[^1]);
    }

    /// <summary>The nearest-rank percentile: the smallest value with at least <paramref name="percent"/>% of the values at or
    /// below it.</summary>
    static ulong Percentile(ulong[] sorted, int percent)
    {
        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }
}
