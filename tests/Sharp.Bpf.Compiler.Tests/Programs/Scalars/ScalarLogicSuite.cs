using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarLogic"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarLogicSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarLogic);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarLogic.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarLogic.BoolOperators, Operands),
        Oracle.TcOnContext(ScalarLogic.ShortCircuit, Operands),
        Oracle.TcOnContext(ScalarLogic.Conditional, Operands),
    ];
}
