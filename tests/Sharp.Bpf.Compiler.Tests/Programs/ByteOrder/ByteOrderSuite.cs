using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.ByteOrder;

/// <summary><see cref="ByteOrder"/> under differential test.</summary>
public sealed class ByteOrderSuite : ProgramSuite
{
    static readonly InputSource MixedWidthsInputs = new StructInputs<MixedWidths>();
    static readonly InputSource ShortPairInputs = new StructInputs<ShortPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ByteOrder);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ByteOrder.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(ByteOrder.ReverseEndianness, MixedWidthsInputs),
        Oracle.Xdp(ByteOrder.SwappedShortIsSignExtended, ShortPairInputs),
    ];
}
