using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Division;

/// <summary><see cref="IntegerDivision"/> under differential test.</summary>
public sealed class IntegerDivisionSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();
    static readonly InputSource UIntPairInputs = new StructInputs<UIntPair>();
    static readonly InputSource LongPairInputs = new StructInputs<LongPair>();
    static readonly InputSource ULongPairInputs = new StructInputs<ULongPair>();
    static readonly InputSource SBytePairInputs = new StructInputs<SBytePair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(IntegerDivision);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => IntegerDivision.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(IntegerDivision.DivideInt, IntPairInputs),
        Oracle.Xdp(IntegerDivision.DivideUInt, UIntPairInputs),
        Oracle.Xdp(IntegerDivision.DivideLong, LongPairInputs),
        Oracle.Xdp(IntegerDivision.DivideULong, ULongPairInputs),
        Oracle.Xdp(IntegerDivision.DivideByConstants, IntPairInputs),
        Oracle.Xdp(IntegerDivision.DivideSmallTypes, SBytePairInputs),
    ];
}
