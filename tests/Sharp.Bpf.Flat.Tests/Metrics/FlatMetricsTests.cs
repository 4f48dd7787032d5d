using System.Diagnostics.Metrics;
using System.Net;
using Sharp.Bpf.Flat.Metrics;
using Sharp.Bpf.Flat.Output;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Metrics;

/// <summary>What flat's instruments publish, observed with a <see cref="MeterListener"/> as an exporter would.</summary>
public sealed class FlatMetricsTests : IDisposable
{
    readonly FlatMetrics _metrics = new();
    readonly MeterListener _listener = new();
    readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _recorded = [];

    public FlatMetricsTests()
    {
        // Only this test's meter: other tests' FlatMetrics instances share the name but not the object.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == FlatMetrics.MeterName) listener.EnableMeasurementEvents(instrument, _metrics);
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, state) => Add(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, state) => Add(instrument, value, tags, state));
        _listener.Start();
    }

    void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!ReferenceEquals(state, _metrics)) return;
        _recorded.Add((instrument.Name, value, new Dictionary<string, object?>(tags.ToArray())));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _metrics.Dispose();
    }

    static Measurement Reply(ulong latencyNs) =>
        new(DateTimeOffset.UnixEpoch, "UDP", IPAddress.Parse("10.0.0.1"), 33000, IPAddress.Parse("10.0.0.53"), 53, 64, latencyNs, true);

    [Fact]
    public void Latency_is_recorded_in_milliseconds()
    {
        _metrics.Record(Reply(20_500_000));
        Assert.Equal(("flat.latency", 20.5), Assert.Single(_recorded) is var r ? (r.Instrument, r.Value) : default);
    }

    [Fact]
    public void Latency_is_tagged_with_the_transport_and_the_remote_endpoint()
    {
        _metrics.Record(Reply(1_000_000));
        var tags = Assert.Single(_recorded).Tags;
        Assert.Equal(("udp", "10.0.0.53", 53), ((string?)tags["network.transport"], (string?)tags["flat.remote.address"], (int?)tags["flat.remote.port"]));
    }

    [Fact]
    public void Drops_reported_by_the_reporter_are_counted()
    {
        var reporter = new Reporter(TextWriter.Null, TextWriter.Null, new JsonLinesFormatter(), null, TimeProvider.System, _metrics);
        reporter.Tick(3);
        reporter.Finish(5);
        Assert.Equal([3.0, 2.0], _recorded.Where(r => r.Instrument == "flat.dropped").Select(r => r.Value));
    }
}
