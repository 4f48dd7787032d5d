namespace Sharp.Bpf.Bench;

/// <summary>One group of measurements of Sharp.Bpf against a reference (libbpf, clang), each run interleaved with its
/// reference in the same process. Add a benchmark by deriving from this and listing it in Program.cs.</summary>
internal abstract class Benchmark
{
    /// <summary>What is measured, as a heading.</summary>
    public abstract string Title { get; }

    /// <summary>What Sharp.Bpf is compared with.</summary>
    public abstract string ReferenceName { get; }

    /// <summary>Runs the measurements, yielding each comparison as soon as it is known.</summary>
    public abstract IEnumerable<Comparison> Run();
}
