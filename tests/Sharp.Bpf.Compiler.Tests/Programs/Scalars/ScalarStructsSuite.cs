using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarStructs"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarStructsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarStructs);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarStructs.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarStructs.CopiesDoNotAlias, Operands),
        Oracle.TcOnContext(ScalarStructs.NestedStruct, Operands),
    ];
}
