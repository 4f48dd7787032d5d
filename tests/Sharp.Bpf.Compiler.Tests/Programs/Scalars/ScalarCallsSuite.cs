using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarCalls"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarCallsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarCalls);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarCalls.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarCalls.ValueParameters, Operands),
        Oracle.TcOnContext(ScalarCalls.OutParameters, Operands),
        Oracle.TcOnContext(ScalarCalls.InParameters, Operands),
        Oracle.TcOnContext(ScalarCalls.NestedCallsAndStructResult, Operands),
    ];
}
