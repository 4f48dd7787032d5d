using Sharp.Bpf.Elf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Map.Create turns a MapSpec into a kernel map: name, flags, initial contents, inner maps, defaults.</summary>
public sealed class MapCreateTests
{
    [Fact]
    public void Long_names_are_cut_to_the_kernels_15_characters()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, name: "a_rather_long_map_name"));
        Assert.Equal("a_rather_long_m", map.GetInfo().Name);
        Assert.Equal("a_rather_long_map_name", map.Name);
    }

    [Fact]
    public void Characters_the_kernel_refuses_in_names_become_underscores()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, name: "has-dash"));
        Assert.Equal("has_dash", map.GetInfo().Name);
    }

    [Fact]
    public void Initial_contents_are_written()
    {
        Privileged.RequireRoot();
        var spec = MapSpecs.Of(MapType.Array, 4, 8, 2) with
        {
            Contents = [new MapEntrySpec(BitConverter.GetBytes(1u), BitConverter.GetBytes(99ul))],
        };
        using var map = Map.Create(spec);
        Assert.Equal(99ul, new ArrayMap<ulong>(map).Lookup(1));
    }

    [Fact]
    public void Contents_that_refer_to_programs_are_left_to_a_collection()
    {
        var spec = MapSpecs.Of(MapType.ProgramArray, 4, 4, 2, name: "jumps") with
        {
            Contents = [new MapEntrySpec(BitConverter.GetBytes(0u), ReadOnlyMemory<byte>.Empty, "handler")],
        };
        var error = Assert.Throws<ArgumentException>(() => Map.Create(spec));
        Assert.Contains("'handler'", error.Message);
    }

    [Fact]
    public void A_map_of_maps_is_created_from_its_inner_map_template()
    {
        Privileged.RequireRoot();
        var spec = MapSpecs.Of(MapType.ArrayOfMaps, 4, 4, 2, name: "outer") with { InnerMap = MapSpecs.Of(MapType.Hash, 4, 8, 16, name: "inner") };
        using var outer = Map.Create(spec);
        using var inner = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 16, name: "inner"));
        outer.Update(BitConverter.GetBytes(0u), BitConverter.GetBytes(inner.Fd));
        var storedId = new byte[4];
        outer.Lookup(BitConverter.GetBytes(0u), storedId);
        Assert.Equal(inner.Id, BitConverter.ToUInt32(storedId));
    }

    [Fact]
    public void A_perf_event_array_without_max_entries_gets_one_slot_per_possible_cpu()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerfEventArray, 4, 4, 0));
        Assert.Equal((uint)PossibleCpus.Value, new PerfEventArrayMap(map).Length);
    }

    [Fact]
    public void A_ring_buffer_map_reports_its_size()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.RingBuffer, 0, 0, 64 * 1024));
        Assert.Equal(64u * 1024, new RingBufferMap(map).Size);
    }

    [Fact]
    public void Creation_flags_are_kept()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 4, MapFlags.NoPreallocation));
        Assert.Equal(MapFlags.NoPreallocation, map.Flags);
        Assert.Equal(MapFlags.NoPreallocation, map.GetInfo().Flags);
    }
}
