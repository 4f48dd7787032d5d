using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Globals;

/// <summary><see cref="GlobalVariables"/> under differential test; the managed globals restart from their initial values
/// as a freshly loaded object does.</summary>
public sealed class GlobalVariablesSuite : ProgramSuite
{
    static readonly InputSource Inputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(GlobalVariables);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => GlobalVariables.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override void ResetManagedState()
    {
        GlobalVariables.Total = GlobalVariables.InitialTotal;
        GlobalVariables.Calls = 0;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(GlobalVariables.AccumulateData, Inputs),
        Oracle.Xdp(GlobalVariables.CountCalls, Inputs),
        Oracle.Xdp(GlobalVariables.CompareWithReadOnly, Inputs),
    ];
}
