using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarLoops"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarLoopsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarLoops);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarLoops.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarLoops.ForPopCount, Operands),
        Oracle.TcOnContext(ScalarLoops.WhileGcd, Operands),
        Oracle.TcOnContext(ScalarLoops.DoWhileDigits, Operands),
        Oracle.TcOnContext(ScalarLoops.BreakContinue, Operands),
        Oracle.TcOnContext(ScalarLoops.NestedLoops, Operands),
    ];
}
