using System.Globalization;
using Sharp.Bpf.Samples.CgroupEgressBytes.Kernel;

namespace Sharp.Bpf.Samples.CgroupEgressBytes;

/// <summary>cgroup-egress-bytes's output: a header, a line per interval with what left in it and the totals so far, and a
/// final line with the totals.</summary>
internal static class TrafficLine
{
    /// <summary>The column titles.</summary>
    public static string Header { get; } = $"{"TIME",-12} {"PACKETS",12} {"BYTES",14} {"TOTAL PACKETS",14} {"TOTAL BYTES",16}";

    /// <summary>The line for the interval that ended at <paramref name="time"/>: <paramref name="total"/> minus
    /// <paramref name="previous"/>, then <paramref name="total"/>.</summary>
    public static string Interval(DateTimeOffset time, TrafficCount previous, TrafficCount total) => string.Create(CultureInfo.InvariantCulture,
        $"{time.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture),-12} {total.Packets - previous.Packets,12} {total.Bytes - previous.Bytes,14} {total.Packets,14} {total.Bytes,16}");

    /// <summary>The final line: "total: N packets, M bytes".</summary>
    public static string Total(TrafficCount total) => string.Create(CultureInfo.InvariantCulture, $"total: {total.Packets} packets, {total.Bytes} bytes");
}
