using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Conversions;

/// <summary><see cref="Conversions"/> under differential test.</summary>
public sealed class ConversionsSuite : ProgramSuite
{
    static readonly InputSource MixedWidthsInputs = new StructInputs<MixedWidths>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(Conversions);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => Conversions.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(Conversions.SignExtension, MixedWidthsInputs),
        Oracle.Xdp(Conversions.ZeroExtension, MixedWidthsInputs),
        Oracle.Xdp(Conversions.Truncation, MixedWidthsInputs),
        Oracle.Xdp(Conversions.MixedSignPromotion, MixedWidthsInputs),
        Oracle.Xdp(Conversions.ConversionChain, MixedWidthsInputs),
    ];
}
