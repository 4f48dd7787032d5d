namespace Sharp.Bpf.Bench;

/// <summary>One measured quantity for Sharp.Bpf and for the reference; higher is better unless <see cref="LowerIsBetter"/>.</summary>
/// <param name="Name">The scenario.</param>
/// <param name="Ours">Sharp.Bpf's figure.</param>
/// <param name="Reference">The reference's figure.</param>
/// <param name="Unit">The figures' unit, e.g. "M events/s".</param>
/// <param name="Note">Anything else worth printing (allocations, losses), or empty.</param>
/// <param name="LowerIsBetter">True for costs (time, instructions), false for rates.</param>
internal sealed record Comparison(string Name, double Ours, double Reference, string Unit, string Note = "", bool LowerIsBetter = false)
{
    /// <summary>Ours divided by the reference's, so that above 1 is better for rates (and worse for costs): the
    /// <see cref="MedianRatio"/> when the benchmark paired its runs, else the ratio of the two figures.</summary>
    public double Ratio => MedianRatio ?? Ours / Reference;

    /// <summary>The median of per-round ratios, for benchmarks that pair each of their runs with a reference run.</summary>
    public double? MedianRatio { get; init; }
}
