using Sharp.Bpf.Flat.Output;

namespace Sharp.Bpf.Flat.Summary;

/// <summary>Latencies grouped by remote endpoint, for <c>--summary</c>. Memory is bounded: each endpoint keeps at most
/// <see cref="SamplesPerEndpoint"/> latencies, beyond that a uniform random sample of all of them (reservoir
/// sampling, so the percentiles stay representative), while its count, minimum and maximum stay exact.</summary>
internal sealed class LatencySummary(Random random)
{
    /// <summary>How many latencies each endpoint keeps for its percentiles.</summary>
    public const int SamplesPerEndpoint = 10_000;

    readonly Dictionary<RemoteEndpoint, Samples> _endpoints = [];

    /// <summary>Adds one measurement.</summary>
    public void Add(Measurement measurement)
    {
        if (!_endpoints.TryGetValue(measurement.Remote, out var samples)) _endpoints.Add(measurement.Remote, samples = new Samples());
        samples.Add(measurement.LatencyNs, random);
    }

    /// <summary>Every endpoint seen, by address then port, with its statistics.</summary>
    public IReadOnlyList<(RemoteEndpoint Endpoint, LatencyStatistics Statistics)> Snapshot() =>
        _endpoints.OrderBy(e => e.Key.ToString(), StringComparer.Ordinal).Select(e => (e.Key, e.Value.Statistics())).ToList();

    sealed class Samples
    {
        readonly List<ulong> _kept = [];
        int _count;
        ulong _min = ulong.MaxValue;
        ulong _max;

        public void Add(ulong latency, Random random)
        {
            _count++;
            _min = Math.Min(_min, latency);
            _max = Math.Max(_max, latency);
            if (_kept.Count < SamplesPerEndpoint) _kept.Add(latency);
            else if (random.Next(_count) is var slot && slot < SamplesPerEndpoint) _kept[slot] = latency;
        }

        public LatencyStatistics Statistics() => LatencyStatistics.Of(_kept) with { Count = _count, Min = _min, Max = _max };
    }
}
