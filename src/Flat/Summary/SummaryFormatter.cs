using System.Globalization;
using Sharp.Bpf.Flat.Output;

namespace Sharp.Bpf.Flat.Summary;

/// <summary>Writes a <see cref="LatencySummary"/> snapshot as an aligned table in milliseconds.</summary>
internal static class SummaryFormatter
{
    /// <summary>Writes a header and one row per endpoint; a single line when there is nothing yet.</summary>
    public static void Write(TextWriter output, IReadOnlyList<(RemoteEndpoint Endpoint, LatencyStatistics Statistics)> rows)
    {
        if (rows.Count == 0)
        {
            output.WriteLine("summary: no measurements yet");
            return;
        }
        var width = Math.Max("remote".Length, rows.Max(r => r.Endpoint.ToString().Length));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"remote".PadRight(width)} {"count",8} {"min",9} {"p50",9} {"p90",9} {"p99",9} {"max",9}  (ms)"));
        foreach (var (endpoint, s) in rows)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{endpoint.ToString().PadRight(width)} {s.Count,8} {Ms(s.Min),9:F3} {Ms(s.P50),9:F3} {Ms(s.P90),9:F3} {Ms(s.P99),9:F3} {Ms(s.Max),9:F3}"));
    }

    static double Ms(ulong nanoseconds) => nanoseconds / 1e6;
}
