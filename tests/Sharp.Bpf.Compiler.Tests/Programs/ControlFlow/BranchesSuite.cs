using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.ControlFlow;

/// <summary><see cref="Branches"/> under differential test.</summary>
public sealed class BranchesSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();
    static readonly InputSource MixedWidthsInputs = new StructInputs<MixedWidths>();
    static readonly InputSource UIntPairInputs = new StructInputs<UIntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(Branches);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => Branches.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(Branches.IfElseChain, IntPairInputs),
        Oracle.Xdp(Branches.SwitchStatement, IntPairInputs),
        Oracle.Xdp(Branches.SwitchExpressionRelational, IntPairInputs),
        Oracle.Xdp(Branches.SwitchOnOtherWidths, MixedWidthsInputs),
        Oracle.Xdp(Branches.EarlyReturns, UIntPairInputs),
    ];
}
