using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Shifts;

/// <summary><see cref="Shifts"/> under differential test.</summary>
public sealed class ShiftsSuite : ProgramSuite
{
    static readonly InputSource ShiftOperandsInputs = new StructInputs<ShiftOperands>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(Shifts);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => Shifts.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(Shifts.ShiftInt, ShiftOperandsInputs),
        Oracle.Xdp(Shifts.ShiftUInt, ShiftOperandsInputs),
        Oracle.Xdp(Shifts.ShiftLong, ShiftOperandsInputs),
        Oracle.Xdp(Shifts.ShiftSmallTypes, ShiftOperandsInputs),
        Oracle.Xdp(Shifts.ShiftByConstantsBeyondWidth, ShiftOperandsInputs),
    ];
}
