using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

/// <summary><see cref="SmallIntegerArithmetic"/> under differential test.</summary>
public sealed class SmallIntegerArithmeticSuite : ProgramSuite
{
    static readonly InputSource BytePairInputs = new StructInputs<BytePair>();
    static readonly InputSource SBytePairInputs = new StructInputs<SBytePair>();
    static readonly InputSource ShortPairInputs = new StructInputs<ShortPair>();
    static readonly InputSource UShortPairInputs = new StructInputs<UShortPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(SmallIntegerArithmetic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => SmallIntegerArithmetic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(SmallIntegerArithmetic.ByteWrapAround, BytePairInputs),
        Oracle.Xdp(SmallIntegerArithmetic.SByteWrapAround, SBytePairInputs),
        Oracle.Xdp(SmallIntegerArithmetic.ShortWrapAround, ShortPairInputs),
        Oracle.Xdp(SmallIntegerArithmetic.UShortWrapAround, UShortPairInputs),
        Oracle.Xdp(SmallIntegerArithmetic.CompoundAssignments, BytePairInputs),
    ];
}
