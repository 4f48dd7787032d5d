using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Every descriptor and mapping a map takes is released on dispose.</summary>
[Collection(DescriptorCountingCollection.Name)]
public sealed class MapLeakTests
{
    [Fact]
    public void Creating_mapping_and_disposing_1000_maps_leaves_descriptors_and_mappings_as_they_were()
    {
        Privileged.RequireRoot();
        var before = (KernelDescriptors.Snapshot(), KernelDescriptors.MapMappings());
        for (int i = 0; i < 1000; i++)
        {
            using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, MapFlags.Mmapable, name: "leak"));
            using var memory = map.Mmap();
            _ = map.Id;
        }
        Assert.Equal(before.Item1, KernelDescriptors.Snapshot());
        Assert.Equal(before.Item2, KernelDescriptors.MapMappings());
    }
}
