using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Structs;

/// <summary><see cref="StructArrays"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class StructArraysSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(StructArrays);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => StructArrays.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(StructArrays.GuardedIndexes, Operands),
        Oracle.TcOnContext(StructArrays.LoopOverElements, Operands),
    ];
}
