using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Maps;

/// <summary><see cref="MapPrograms"/> under differential test, with each program's map compared after every input.</summary>
public sealed class MapProgramsSuite : ProgramSuite
{
    static readonly InputSource Inputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(MapPrograms);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => MapPrograms.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override void ResetManagedState()
    {
        MapPrograms.PerCpuCounts.Clear();
        MapPrograms.Latest.Clear();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(MapPrograms.PerCpuCounter, Inputs) with
        {
            Maps = [new(nameof(MapPrograms.PerCpuCounts), () => MapContents.SumOverCpus(MapPrograms.PerCpuCounts), MapContents.SumOverCpus)],
        },
        Oracle.Xdp(MapPrograms.LruUpdateDelete, Inputs) with
        {
            Maps = [new(nameof(MapPrograms.Latest), () => MapContents.Of(MapPrograms.Latest), MapContents.Of)],
        },
    ];
}
