using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Calls;

/// <summary><see cref="InlinedCalls"/> under differential test.</summary>
public sealed class InlinedCallsSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();
    static readonly InputSource LongPairInputs = new StructInputs<LongPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(InlinedCalls);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => InlinedCalls.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(InlinedCalls.ValueParameters, IntPairInputs),
        Oracle.Xdp(InlinedCalls.OutParameters, IntPairInputs),
        Oracle.Xdp(InlinedCalls.InParameters, LongPairInputs),
        Oracle.Xdp(InlinedCalls.NestedCallsAndStructResult, IntPairInputs),
    ];
}
