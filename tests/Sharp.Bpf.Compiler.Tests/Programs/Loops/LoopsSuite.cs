using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Loops;

/// <summary><see cref="Loops"/> under differential test.</summary>
public sealed class LoopsSuite : ProgramSuite
{
    static readonly InputSource UIntPairInputs = new StructInputs<UIntPair>();
    static readonly InputSource ULongPairInputs = new StructInputs<ULongPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(Loops);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => Loops.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(Loops.ForPopCount, UIntPairInputs),
        Oracle.Xdp(Loops.WhileGcd, UIntPairInputs),
        Oracle.Xdp(Loops.DoWhileDigits, UIntPairInputs),
        Oracle.Xdp(Loops.BreakContinue, ULongPairInputs),
        Oracle.Xdp(Loops.NestedLoops, ULongPairInputs),
    ];
}
