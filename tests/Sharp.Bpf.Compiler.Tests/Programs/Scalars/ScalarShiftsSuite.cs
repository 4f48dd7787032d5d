using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarShifts"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarShiftsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarShifts);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarShifts.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarShifts.ShiftInt, Operands),
        Oracle.TcOnContext(ScalarShifts.ShiftUInt, Operands),
        Oracle.TcOnContext(ScalarShifts.ShiftLong, Operands),
        Oracle.TcOnContext(ScalarShifts.ShiftSmallTypes, Operands),
        Oracle.TcOnContext(ScalarShifts.ShiftByConstantsBeyondWidth, Operands),
    ];
}
