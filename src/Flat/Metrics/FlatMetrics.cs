using System.Diagnostics.Metrics;
using Sharp.Bpf.Flat.Output;

namespace Sharp.Bpf.Flat.Metrics;

/// <summary>flat's OpenTelemetry instruments, on the meter <see cref="MeterName"/>: the latency histogram
/// <c>flat.latency</c> (milliseconds, tagged with <c>network.transport</c>, <c>flat.remote.address</c> and
/// <c>flat.remote.port</c>, the remote endpoint as <c>--summary</c> groups it) and the counter <c>flat.dropped</c> of
/// measurements lost because the ring buffer was full.</summary>
internal sealed class FlatMetrics : IDisposable
{
    /// <summary>The meter's name, which exporters subscribe to.</summary>
    public const string MeterName = "Sharp.Bpf.Flat";

    /// <summary>Histogram bucket bounds in milliseconds: LAN round trips to slow WAN handshakes.</summary>
    public static readonly double[] LatencyBucketsMs = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000];

    readonly Meter _meter = new(MeterName);
    readonly Histogram<double> _latency;
    readonly Counter<long> _dropped;

    public FlatMetrics()
    {
        _latency = _meter.CreateHistogram<double>("flat.latency", "ms", "TCP handshake (SYN to SYN/ACK) or UDP request-to-reply latency");
        _dropped = _meter.CreateCounter<long>("flat.dropped", "{measurement}", "Measurements lost because the ring buffer was full");
    }

    /// <summary>Records one measurement's latency.</summary>
    public void Record(Measurement measurement)
    {
        var remote = measurement.Remote;
        _latency.Record(measurement.LatencyMilliseconds,
            new KeyValuePair<string, object?>("network.transport", measurement.Protocol.ToLowerInvariant()),
            new KeyValuePair<string, object?>("flat.remote.address", remote.Address.ToString()),
            new KeyValuePair<string, object?>("flat.remote.port", (int)remote.Port));
    }

    /// <summary>Adds <paramref name="count"/> lost measurements.</summary>
    public void Dropped(ulong count) => _dropped.Add((long)Math.Min(count, long.MaxValue));

    public void Dispose() => _meter.Dispose();
}
