namespace Sharp.Bpf.Flat.Tests.Output;

/// <summary>A clock tests move by hand.</summary>
sealed class ManualClock : TimeProvider
{
    DateTimeOffset _now = new(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
