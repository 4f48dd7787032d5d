using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Logic;

/// <summary><see cref="BooleanLogic"/> under differential test.</summary>
public sealed class BooleanLogicSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(BooleanLogic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => BooleanLogic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(BooleanLogic.BoolOperators, IntPairInputs),
        Oracle.Xdp(BooleanLogic.ShortCircuit, IntPairInputs),
        Oracle.Xdp(BooleanLogic.Conditional, IntPairInputs),
    ];
}
