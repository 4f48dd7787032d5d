using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarArithmetic"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarArithmeticSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarArithmetic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarArithmetic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarArithmetic.AddSubtractMultiplyInt, Operands),
        Oracle.TcOnContext(ScalarArithmetic.AddSubtractMultiplyUInt, Operands),
        Oracle.TcOnContext(ScalarArithmetic.NegateComplementBitwise, Operands),
        Oracle.TcOnContext(ScalarArithmetic.LongArithmetic, Operands),
        Oracle.TcOnContext(ScalarArithmetic.ULongArithmetic, Operands),
        Oracle.TcOnContext(ScalarArithmetic.WidenBeforeOrAfter, Operands),
    ];
}
