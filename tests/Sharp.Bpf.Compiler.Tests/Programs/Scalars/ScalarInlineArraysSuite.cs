using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarInlineArrays"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarInlineArraysSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarInlineArrays);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarInlineArrays.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarInlineArrays.InlineArray, Operands),
        Oracle.TcOnContext(ScalarInlineArrays.InlineArrayForeach, Operands),
    ];
}
