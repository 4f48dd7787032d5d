using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Scalars;

/// <summary><see cref="ScalarConversions"/> under differential test, its operands in the socket buffer's fields.</summary>
public sealed class ScalarConversionsSuite : ProgramSuite
{
    static readonly InputSource Operands = new StructInputs<ContextOperands>(cutShort: false);

    /// <inheritdoc/>
    public override Type KernelClass => typeof(ScalarConversions);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => ScalarConversions.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.TcOnContext(ScalarConversions.SignExtension, Operands),
        Oracle.TcOnContext(ScalarConversions.ZeroExtension, Operands),
        Oracle.TcOnContext(ScalarConversions.Truncation, Operands),
        Oracle.TcOnContext(ScalarConversions.MixedSignPromotion, Operands),
        Oracle.TcOnContext(ScalarConversions.ConversionChain, Operands),
    ];
}
