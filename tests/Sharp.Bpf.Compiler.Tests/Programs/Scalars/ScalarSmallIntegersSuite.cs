using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarSmallIntegers"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarSmallIntegersSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarSmallIntegers);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarSmallIntegers.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarSmallIntegers.ByteWrapAround, Operands),
        Oracle.TcOnContext(ScalarSmallIntegers.SByteWrapAround, Operands),
        Oracle.TcOnContext(ScalarSmallIntegers.ShortWrapAround, Operands),
        Oracle.TcOnContext(ScalarSmallIntegers.UShortWrapAround, Operands),
        Oracle.TcOnContext(ScalarSmallIntegers.CompoundAssignments, Operands),
    ];
}
