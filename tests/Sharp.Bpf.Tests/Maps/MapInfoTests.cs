using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>MapInfo reports what the kernel keeps about a map.</summary>
public sealed class MapInfoTests
{
    [Fact]
    public void Info_reports_type_sizes_flags_and_name()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 16, 10, MapFlags.NoPreallocation, name: "described"));
        var info = map.GetInfo();
        Assert.Equal(MapType.Hash, info.Type);
        Assert.NotEqual(0u, info.Id);
        Assert.Equal((4u, 16u, 10u), (info.KeySize, info.ValueSize, info.MaxEntries));
        Assert.Equal(MapFlags.NoPreallocation, info.Flags);
        Assert.Equal("described", info.Name);
        Assert.Equal(0u, info.BtfId);
    }

    [Fact]
    public void Info_of_a_map_without_btf_agrees_with_bpftool()
    {
        Privileged.RequireRoot();
        var bpftool = Privileged.RequireTool("bpftool");
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 3, name: "oracle"));
        var output = ExternalTool.Run(bpftool, ["map", "show", "id", map.Id.ToString()]);
        Assert.Contains($"{map.Id}: array  name oracle  flags 0x0", output);
        Assert.Contains("key 4B  value 8B  max_entries 3", output);
    }
}
