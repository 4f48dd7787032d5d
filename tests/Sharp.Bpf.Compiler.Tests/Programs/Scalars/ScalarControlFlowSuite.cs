using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarControlFlow"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarControlFlowSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarControlFlow);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarControlFlow.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarControlFlow.IfElseChain, Operands),
        Oracle.TcOnContext(ScalarControlFlow.SwitchStatement, Operands),
        Oracle.TcOnContext(ScalarControlFlow.SwitchExpressionRelational, Operands),
        Oracle.TcOnContext(ScalarControlFlow.SwitchOnOtherWidths, Operands),
        Oracle.TcOnContext(ScalarControlFlow.EarlyReturns, Operands),
    ];
}
