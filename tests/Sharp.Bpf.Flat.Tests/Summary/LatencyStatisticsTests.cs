using Sharp.Bpf.Flat.Summary;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Summary;

public sealed class LatencyStatisticsTests
{
    [Fact]
    public void One_value_is_every_statistic() =>
        Assert.Equal(new LatencyStatistics(1, 7, 7, 7, 7, 7), LatencyStatistics.Of([7]));

    [Fact]
    public void Percentiles_are_nearest_rank() =>
        Assert.Equal(new LatencyStatistics(100, 1, 50, 90, 99, 100), LatencyStatistics.Of(Enumerable.Range(1, 100).Select(i => (ulong)i).Reverse().ToArray()));

    [Fact]
    public void Percentiles_of_few_values_round_the_rank_up() =>
        Assert.Equal(new LatencyStatistics(4, 10, 20, 40, 40, 40), LatencyStatistics.Of([40, 10, 30, 20]));

    [Fact]
    public void No_values_is_an_error() => Assert.Throws<ArgumentException>(() => LatencyStatistics.Of([]));
}
