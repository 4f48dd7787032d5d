using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Array maps have fixed, zero-initialised elements that cannot be deleted.</summary>
public sealed class ArrayMapTests
{
    readonly ArrayMap<ulong> _map = new(maxEntries: 4);

    [Fact]
    public void Elements_start_at_zero()
    {
        Assert.True(_map.TryGetValue(3, out var value));
        Assert.Equal(0UL, value);
    }

    [Fact]
    public void Lookup_past_the_end_is_null() => Assert.True(_map.Lookup(4).IsNull);

    [Fact]
    public void Lookup_updates_in_place()
    {
        _map.Lookup(2).Value += 7;
        Assert.True(_map.TryGetValue(2, out var value));
        Assert.Equal(7UL, value);
    }

    [Fact]
    public void Update_past_the_end_is_e2big() => Assert.Equal(-7, _map.Update(4, 1));

    [Fact]
    public void No_exist_is_refused_because_every_element_exists() => Assert.Equal(-17, _map.Update(0, 1, UpdateFlags.NoExist));

    [Fact]
    public void Delete_is_einval() => Assert.Equal(-22, _map.Delete(0));

    [Fact]
    public void Zero_entries_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => new ArrayMap<ulong>(0));
}
