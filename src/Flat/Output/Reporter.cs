using System.Globalization;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Metrics;
using Sharp.Bpf.Flat.Summary;

namespace Sharp.Bpf.Flat.Output;

/// <summary>Everything flat prints while it runs: one line per measurement on stdout, the summary (with <c>--summary</c>)
/// every <see cref="Interval"/> and at the end, and on stderr the ring-buffer drops of each interval in which there were
/// any — lost measurements are reported, never hidden. With <paramref name="metrics"/>, both also feed the OpenTelemetry
/// instruments.</summary>
internal sealed class Reporter(TextWriter stdout, TextWriter stderr, IMeasurementFormatter formatter, LatencySummary? summary, TimeProvider time,
    FlatMetrics? metrics = null)
{
    /// <summary>How often drops are checked and the summary printed.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    ulong _reportedDrops;
    DateTimeOffset _nextTick = time.GetUtcNow() + Interval;

    /// <summary>Prints one measurement the probe sent (and adds it to the summary).</summary>
    public void Measured(FlowMeasurement record)
    {
        var measurement = Measurement.FromKernel(in record, time.GetUtcNow());
        formatter.Write(stdout, measurement);
        summary?.Add(measurement);
        metrics?.Record(measurement);
    }

    /// <summary>Whether an interval has passed since the last <see cref="Tick"/> (or the start).</summary>
    public bool IsTickDue => time.GetUtcNow() >= _nextTick;

    /// <summary>Reports drops since the last report (<paramref name="totalDrops"/> is the probe's running total) and prints
    /// the summary; starts the next interval.</summary>
    public void Tick(ulong totalDrops)
    {
        ReportDrops(totalDrops);
        if (summary is not null) SummaryFormatter.Write(stdout, summary.Snapshot());
        stdout.Flush();
        _nextTick = time.GetUtcNow() + Interval;
    }

    /// <summary>The final report on exit: drops not yet reported, then the summary.</summary>
    public void Finish(ulong totalDrops)
    {
        ReportDrops(totalDrops);
        if (summary is not null) SummaryFormatter.Write(stdout, summary.Snapshot());
        stdout.Flush();
    }

    void ReportDrops(ulong totalDrops)
    {
        if (totalDrops <= _reportedDrops) return;
        metrics?.Dropped(totalDrops - _reportedDrops);
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"flat: {totalDrops - _reportedDrops} measurements dropped because the ring buffer was full ({totalDrops} in total)"));
        _reportedDrops = totalDrops;
    }
}
