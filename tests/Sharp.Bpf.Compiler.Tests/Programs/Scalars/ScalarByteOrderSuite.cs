using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarByteOrder"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarByteOrderSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarByteOrder);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarByteOrder.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarByteOrder.ReverseUnsigned, Operands),
        Oracle.TcOnContext(ScalarByteOrder.ReverseSigned, Operands),
    ];
}
