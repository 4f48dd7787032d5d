using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>LRU hash maps evict instead of refusing when full.</summary>
public sealed class LruHashMapTests
{
    [Fact]
    public void Updates_beyond_capacity_evict_instead_of_failing()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.LruHash, 4, 8, 16));
        var lru = new LruHashMap<uint, ulong>(map);
        for (uint key = 0; key < 1000; key++) lru.Update(key, key);
        Assert.True(lru.TryLookup(999, out ulong last));
        Assert.Equal(999ul, last);
        Assert.InRange(lru.Keys.Count(), 1, 1000 - 1);
    }

    [Fact]
    public void Updated_value_is_read_back()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.LruHash, 8, 4, 16));
        var lru = new LruHashMap<ulong, int>(map);
        lru.Update(1ul << 40, -5);
        Assert.Equal(-5, lru.Lookup(1ul << 40));
    }
}
