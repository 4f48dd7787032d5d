using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.RingBuffers;

/// <summary><see cref="RingBufferOutput"/> under differential test.</summary>
public sealed class RingBufferOutputSuite : ProgramSuite
{
    static readonly InputSource LongPairInputs = new StructInputs<LongPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(RingBufferOutput);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => RingBufferOutput.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override void ResetManagedState() => RingBufferOutput.Records.Clear();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(RingBufferOutput.OutputCopy, LongPairInputs),
        Oracle.Xdp(RingBufferOutput.ReserveSubmitOrDiscard, LongPairInputs),
        Oracle.Xdp(RingBufferOutput.ReserveWholeRecord, LongPairInputs),
    ];
}
