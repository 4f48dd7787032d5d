using System.Net;
using Sharp.Bpf.Flat.Output;
using Sharp.Bpf.Flat.Summary;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Summary;

public sealed class LatencySummaryTests
{
    static Measurement Reply(string remote, ushort port, ulong latencyNs) =>
        new(DateTimeOffset.UnixEpoch, "TCP", IPAddress.Parse("10.0.0.1"), 40000, IPAddress.Parse(remote), port, 64, latencyNs, true);

    [Fact]
    public void Measurements_are_grouped_by_remote_endpoint()
    {
        var summary = new LatencySummary(new Random(1));
        summary.Add(Reply("10.0.0.2", 443, 1));
        summary.Add(Reply("10.0.0.2", 443, 3));
        summary.Add(Reply("10.0.0.2", 80, 5));
        summary.Add(Reply("10.0.0.3", 443, 7));
        Assert.Equal(["TCP 10.0.0.2:443 2", "TCP 10.0.0.2:80 1", "TCP 10.0.0.3:443 1"], summary.Snapshot().Select(r => $"{r.Endpoint} {r.Statistics.Count}"));
    }

    [Fact]
    public void Count_min_and_max_stay_exact_beyond_the_samples_kept()
    {
        var summary = new LatencySummary(new Random(1));
        var total = LatencySummary.SamplesPerEndpoint * 3;
        for (var i = 1; i <= total; i++) summary.Add(Reply("10.0.0.2", 443, (ulong)i));
        var statistics = Assert.Single(summary.Snapshot()).Statistics;
        Assert.Equal((total, 1UL, (ulong)total), (statistics.Count, statistics.Min, statistics.Max));
    }

    [Fact]
    public void Percentiles_beyond_the_samples_kept_come_from_a_sample_of_all_measurements()
    {
        var summary = new LatencySummary(new Random(1));
        var total = LatencySummary.SamplesPerEndpoint * 4;
        for (var i = 1; i <= total; i++) summary.Add(Reply("10.0.0.2", 443, (ulong)i));
        var median = (double)Assert.Single(summary.Snapshot()).Statistics.P50;
        // A uniform sample of 10,000 of 1..40,000 has its median within a few percent of 20,000; the first 10,000 would give 5,000.
        Assert.InRange(median, total * 0.45, total * 0.55);
    }
}
