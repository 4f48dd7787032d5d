using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Typed views refuse maps whose type or sizes do not match their type arguments, naming both.</summary>
public sealed class TypedViewTests
{
    [Fact]
    public void A_view_of_another_map_type_is_refused_naming_both_types()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, name: "an_array"));
        var error = Assert.Throws<ArgumentException>(() => new HashMap<uint, ulong>(map));
        Assert.Contains("HashMap<UInt32, UInt64> needs a Hash map", error.Message);
        Assert.Contains("'an_array' is a Array map", error.Message);
    }

    [Fact]
    public void A_value_type_of_another_size_is_refused_naming_both_sizes()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 1));
        var error = Assert.Throws<ArgumentException>(() => new HashMap<uint, uint>(map));
        Assert.Contains("4-byte values (UInt32)", error.Message);
        Assert.Contains("8-byte values", error.Message);
    }

    [Fact]
    public void A_key_type_of_another_size_is_refused()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.PerCpuHash, 8, 8, 1));
        var error = Assert.Throws<ArgumentException>(() => new PerCpuHashMap<uint, ulong>(map));
        Assert.Contains("4-byte keys (UInt32)", error.Message);
    }

    [Fact]
    public void An_lpm_trie_view_needs_room_for_the_prefix_length()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.LpmTrie, 8, 4, 4, MapFlags.NoPreallocation));
        var error = Assert.Throws<ArgumentException>(() => new LpmTrie<ulong, int>(map));
        Assert.Contains("12-byte keys (prefix length + UInt64)", error.Message);
    }

    [Fact]
    public void A_queue_view_of_a_stack_is_refused()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Stack, 0, 8, 1));
        Assert.Throws<ArgumentException>(() => new QueueMap<ulong>(map));
    }
}
