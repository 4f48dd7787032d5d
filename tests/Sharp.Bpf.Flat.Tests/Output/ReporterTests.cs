using System.Net;
using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Flat.Summary;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Output;

public sealed class ReporterTests
{
    readonly StringWriter _stdout = new() { NewLine = "\n" };
    readonly StringWriter _stderr = new() { NewLine = "\n" };
    readonly ManualClock _clock = new();

    Reporter Create(bool summary = false) =>
        new(_stdout, _stderr, new HumanFormatter(TimeZoneInfo.Utc), summary ? new LatencySummary(new Random(1)) : null, _clock);

    static FlowMeasurement Record(ulong latencyNs)
    {
        var record = new FlowMeasurement { LatencyNs = latencyNs, Ttl = 64, ReplyIngress = 1 };
        record.Flow.Protocol = 6;
        record.Flow.SourcePort = 40000;
        record.Flow.DestinationPort = 443;
        IPAddress.Parse("10.0.0.1").MapToIPv6().TryWriteBytes(record.Flow.Source, out _);
        IPAddress.Parse("10.0.0.2").MapToIPv6().TryWriteBytes(record.Flow.Destination, out _);
        return record;
    }

    [Fact]
    public void Each_measurement_is_one_line()
    {
        var reporter = Create();
        reporter.Measured(Record(1_000_000));
        reporter.Measured(Record(2_000_000));
        Assert.Equal(2, _stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Tick_is_due_after_the_interval()
    {
        var reporter = Create();
        _clock.Advance(Reporter.Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(reporter.IsTickDue);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(reporter.IsTickDue);
    }

    [Fact]
    public void Drops_since_the_last_tick_are_reported_on_stderr()
    {
        var reporter = Create();
        reporter.Tick(5);
        reporter.Tick(12);
        Assert.Equal(
            "flat: 5 measurements dropped because the ring buffer was full (5 in total)\n" +
            "flat: 7 measurements dropped because the ring buffer was full (12 in total)\n", _stderr.ToString());
    }

    [Fact]
    public void Interval_without_new_drops_reports_nothing()
    {
        var reporter = Create();
        reporter.Tick(3);
        reporter.Tick(3);
        reporter.Finish(3);
        Assert.Single(_stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Finish_reports_drops_not_yet_reported()
    {
        Create().Finish(4);
        Assert.Equal("flat: 4 measurements dropped because the ring buffer was full (4 in total)\n", _stderr.ToString());
    }

    [Fact]
    public void Summary_is_printed_on_each_tick_and_at_the_end()
    {
        var reporter = Create(summary: true);
        reporter.Measured(Record(1_000_000));
        reporter.Tick(0);
        reporter.Finish(0);
        Assert.Equal(2, _stdout.ToString().Split('\n').Count(line => line.StartsWith("TCP 10.0.0.2:443 ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Without_summary_only_measurements_reach_stdout()
    {
        var reporter = Create();
        reporter.Measured(Record(1_000_000));
        reporter.Tick(0);
        reporter.Finish(0);
        Assert.Single(_stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
