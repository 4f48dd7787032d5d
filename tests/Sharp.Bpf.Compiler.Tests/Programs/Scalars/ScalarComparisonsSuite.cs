using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarComparisons"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarComparisonsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarComparisons);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarComparisons.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarComparisons.SignedVersusUnsignedInt, Operands),
        Oracle.TcOnContext(ScalarComparisons.SignedVersusUnsignedLong, Operands),
        Oracle.TcOnContext(ScalarComparisons.MixedWidthComparisons, Operands),
        Oracle.TcOnContext(ScalarComparisons.ComparisonsAsValues, Operands),
    ];
}
