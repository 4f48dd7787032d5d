using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Comparisons;

/// <summary><see cref="Comparisons"/> under differential test.</summary>
public sealed class ComparisonsSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();
    static readonly InputSource LongPairInputs = new StructInputs<LongPair>();
    static readonly InputSource MixedWidthsInputs = new StructInputs<MixedWidths>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(Comparisons);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => Comparisons.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(Comparisons.SignedVersusUnsignedInt, IntPairInputs),
        Oracle.Xdp(Comparisons.SignedVersusUnsignedLong, LongPairInputs),
        Oracle.Xdp(Comparisons.MixedWidthComparisons, MixedWidthsInputs),
        Oracle.Xdp(Comparisons.ComparisonsAsValues, IntPairInputs),
    ];
}
