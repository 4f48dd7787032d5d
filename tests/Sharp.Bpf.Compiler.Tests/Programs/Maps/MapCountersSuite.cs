using Sharp.Bpf.Compiler.Tests.Programs.Harness;
using Sharp.Bpf.Compiler.Tests.Programs.Inputs;

namespace Sharp.Bpf.Compiler.Tests.Programs.Maps;

/// <summary><see cref="MapCounters"/> under differential test, with each program's map compared after every input.</summary>
public sealed class MapCountersSuite : ProgramSuite
{
    static readonly InputSource Inputs = new StructInputs<IntPair>();

    /// <inheritdoc/>
    public override Type KernelClass => typeof(MapCounters);

    /// <inheritdoc/>
    public override byte[] ObjectBytes => MapCounters.ObjectBytes.ToArray();

    /// <inheritdoc/>
    public override void ResetManagedState()
    {
        MapCounters.Counts.Clear();
        MapCounters.Slots.Clear();
        MapCounters.ByteKeyCounts.Clear();
    }

    /// <inheritdoc/>
    public override IReadOnlyList<DifferentialProgram> Programs { get; } =
    [
        Oracle.Xdp(MapCounters.HashCounter, Inputs) with
        {
            Maps = [new(nameof(MapCounters.Counts), () => MapContents.Of(MapCounters.Counts), MapContents.Of)],
        },
        Oracle.Xdp(MapCounters.ArraySlots, Inputs) with
        {
            Maps = [new(nameof(MapCounters.Slots), () => MapContents.Of(MapCounters.Slots), MapContents.Of)],
        },
        Oracle.Xdp(MapCounters.ByteKeyCounter, Inputs) with
        {
            Maps = [new(nameof(MapCounters.ByteKeyCounts), () => MapContents.Of(MapCounters.ByteKeyCounts), MapContents.Of)],
        },
    ];
}
