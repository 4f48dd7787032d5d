using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Arithmetic;

/// <summary><see cref="IntArithmetic"/> under differential test.</summary>
public sealed class IntArithmeticSuite : ProgramSuite
{
    static readonly InputSource Signed = new StructInputs<IntPair>();
    static readonly InputSource Unsigned = new StructInputs<UIntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(IntArithmetic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => IntArithmetic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(IntArithmetic.AddSubtractMultiply, Signed),
        Oracle.Xdp(IntArithmetic.NegateComplement, Signed),
        Oracle.Xdp(IntArithmetic.Bitwise, Signed),
        Oracle.Xdp(IntArithmetic.UnsignedAddSubtractMultiply, Unsigned),
    ];
}
