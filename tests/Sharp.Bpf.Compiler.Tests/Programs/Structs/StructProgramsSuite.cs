using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Structs;

/// <summary><see cref="StructPrograms"/> under differential test.</summary>
public sealed class StructProgramsSuite : ProgramSuite
{
    static readonly InputSource IntPairInputs = new StructInputs<IntPair>();
    static readonly InputSource ShortPairInputs = new StructInputs<ShortPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(StructPrograms);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => StructPrograms.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(StructPrograms.CopiesDoNotAlias, IntPairInputs),
        Oracle.Xdp(StructPrograms.NestedStruct, ShortPairInputs),
    ];
}
