using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Loops;

/// <summary><see cref="HelperLoops"/> under differential test.</summary>
public sealed class HelperLoopsSuite : ProgramSuite
{
    static readonly InputSource UIntPairInputs = new StructInputs<UIntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(HelperLoops);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => HelperLoops.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(HelperLoops.SumOfIndices, UIntPairInputs),
        Oracle.Xdp(HelperLoops.FirstSquareAbove, UIntPairInputs),
    ];
}
