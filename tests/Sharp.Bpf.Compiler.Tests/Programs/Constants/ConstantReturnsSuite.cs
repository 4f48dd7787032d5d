using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Constants;

/// <summary><see cref="ConstantReturns"/> under differential test: the results must not depend on the packet.</summary>
public sealed class ConstantReturnsSuite : ProgramSuite
{
    static readonly InputSource Inputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ConstantReturns);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ConstantReturns.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(ConstantReturns.Pass, Inputs),
        Oracle.Xdp(ConstantReturns.MinusOne, Inputs),
        Oracle.Xdp(ConstantReturns.IntMinValue, Inputs),
        Oracle.Xdp(ConstantReturns.WrappedSum, Inputs),
        Oracle.SocketFilter(ConstantReturns.TruncatedByte, Inputs),
        Oracle.SocketFilter(ConstantReturns.SignExtendedSByte, Inputs),
        Oracle.SocketFilter(ConstantReturns.UnsignedMaximum, Inputs),
    ];
}
