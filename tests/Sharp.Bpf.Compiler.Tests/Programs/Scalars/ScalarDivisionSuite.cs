using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarDivision"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarDivisionSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarDivision);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarDivision.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarDivision.DivideInt, Operands),
        Oracle.TcOnContext(ScalarDivision.DividePositiveInt, Operands),
        Oracle.TcOnContext(ScalarDivision.DivideUInt, Operands),
        Oracle.TcOnContext(ScalarDivision.DivideLong, Operands),
        Oracle.TcOnContext(ScalarDivision.DivideULong, Operands),
        Oracle.TcOnContext(ScalarDivision.DivideByConstants, Operands),
        Oracle.TcOnContext(ScalarDivision.DivideSmallTypes, Operands),
    ];
}
