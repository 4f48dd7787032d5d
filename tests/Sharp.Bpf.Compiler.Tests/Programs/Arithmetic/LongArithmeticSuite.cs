using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

/// <summary><see cref="LongArithmetic"/> under differential test.</summary>
public sealed class LongArithmeticSuite : ProgramSuite
{
    static readonly InputSource LongPairInputs = new StructInputs<LongPair>();
    static readonly InputSource ULongPairInputs = new StructInputs<ULongPair>();
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(LongArithmetic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => LongArithmetic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(LongArithmetic.LongAddMultiply, LongPairInputs),
        Oracle.Xdp(LongArithmetic.ULongMultiply, ULongPairInputs),
        Oracle.Xdp(LongArithmetic.WidenBeforeOrAfter, IntPairInputs),
    ];
}
