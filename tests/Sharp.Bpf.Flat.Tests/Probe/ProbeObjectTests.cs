using Sharp.Bpf.Flat.Kernel;
using Sharp.Bpf.Flat.Probe;
using Xunit;

namespace Sharp.Bpf.Flat.Tests.Probe;

public sealed class ProbeObjectTests
{
    [Fact]
    public void Compiled_object_has_the_programs_flat_attaches() =>
        Assert.Equal([nameof(FlatProbe.Egress), nameof(FlatProbe.Ingress)], ProbeObject.Read().Programs.Keys.Order());

    [Fact]
    public void Compiled_object_has_the_maps_flat_reads() =>
        Assert.Superset(
            new HashSet<string> { nameof(FlatProbe.Pending), nameof(FlatProbe.Measurements), nameof(FlatProbe.Drops) },
            ProbeObject.Read().Maps.Keys.ToHashSet());
}
