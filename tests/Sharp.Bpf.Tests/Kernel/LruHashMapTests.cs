using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>A full LRU hash map evicts the least recently used element instead of refusing the insert.</summary>
public sealed class LruHashMapTests
{
    readonly LruHashMap<uint, uint> _map = new(maxEntries: 2);

    [Fact]
    public void Insert_into_a_full_map_evicts_the_oldest()
    {
        _map.Update(1, 1);
        _map.Update(2, 2);
        Assert.Equal(0, _map.Update(3, 3));
        Assert.True(_map.Lookup(1).IsNull);
        Assert.Equal([2u, 3u], _map.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Lookup_counts_as_use()
    {
        _map.Update(1, 1);
        _map.Update(2, 2);
        _ = _map.Lookup(1);
        _map.Update(3, 3);
        Assert.True(_map.Lookup(2).IsNull);
        Assert.True(_map.Lookup(1).HasValue);
    }

    [Fact]
    public void No_exist_on_a_present_key_evicts_nothing()
    {
        _map.Update(1, 1);
        _map.Update(2, 2);
        Assert.Equal(-17, _map.Update(2, 9, UpdateFlags.NoExist));
        Assert.Equal(2, _map.Count);
    }

    [Fact]
    public void Declaration_is_an_lru_hash() => Assert.Equal(MapType.LruHash, _map.Type);
}
