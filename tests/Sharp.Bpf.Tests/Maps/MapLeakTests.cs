using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Every descriptor and mapping a map takes is released on dispose.</summary>
[Collection(DescriptorCountingCollection.Name)]
public sealed class MapLeakTests
{
    static int OpenDescriptors() => Directory.GetFiles("/proc/self/fd").Length;
    static int MapMappings() => File.ReadLines("/proc/self/maps").Count(line => line.EndsWith("anon_inode:bpf-map", StringComparison.Ordinal));

    [Fact]
    public void Creating_mapping_and_disposing_1000_maps_leaves_descriptors_and_mappings_as_they_were()
    {
        Privileged.RequireRoot();
        (int descriptors, int mappings) before = (OpenDescriptors(), MapMappings());
        for (int i = 0; i < 1000; i++)
        {
            using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, MapFlags.Mmapable, name: "leak"));
            using var memory = map.Mmap();
            _ = map.Id;
        }
        Assert.Equal(before, (OpenDescriptors(), MapMappings()));
    }
}
