using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Managed hash maps behave as the kernel's: update flags, capacity, in-place updates through lookups.</summary>
public sealed class HashMapTests
{
    readonly HashMap<uint, ulong> _map = new(maxEntries: 2);

    [Fact]
    public void Declaration_records_type_and_size()
    {
        Assert.Equal(MapType.Hash, _map.Type);
        Assert.Equal(2u, _map.MaxEntries);
    }

    [Fact]
    public void Lookup_of_an_absent_key_is_null() => Assert.True(_map.Lookup(1).IsNull);

    [Fact]
    public void Lookup_updates_the_value_in_place()
    {
        _map.Update(1, 10);
        var slot = _map.Lookup(1);
        Assert.True(slot.HasValue);
        slot.Value++;
        Assert.True(_map.TryGetValue(1, out var value));
        Assert.Equal(11UL, value);
    }

    [Fact]
    public void Dereferencing_a_null_lookup_throws() =>
        Assert.Throws<NullReferenceException>(() => _map.Lookup(1).Value);

    [Fact]
    public void Reference_stays_valid_after_delete()
    {
        _map.Update(1, 10);
        var slot = _map.Lookup(1);
        _map.Delete(1);
        Assert.Equal(10UL, slot.Value);
    }

    [Fact]
    public void No_exist_refuses_a_present_key()
    {
        _map.Update(1, 10);
        Assert.Equal(-17, _map.Update(1, 20, UpdateFlags.NoExist));
    }

    [Fact]
    public void Exist_refuses_an_absent_key() => Assert.Equal(-2, _map.Update(1, 20, UpdateFlags.Exist));

    [Fact]
    public void Full_map_refuses_a_new_key_with_e2big()
    {
        _map.Update(1, 1);
        _map.Update(2, 2);
        Assert.Equal(-7, _map.Update(3, 3));
        Assert.Equal(0, _map.Update(2, 20));
    }

    [Fact]
    public void Delete_of_an_absent_key_is_enoent() => Assert.Equal(-2, _map.Delete(5));

    [Fact]
    public void Try_get_value_of_an_absent_key_is_false_and_zero()
    {
        Assert.False(_map.TryGetValue(9, out var value));
        Assert.Equal(0UL, value);
    }

    [Fact]
    public void Atomic_add_through_a_lookup_counts()
    {
        _map.Update(1, 0);
        var slot = _map.Lookup(1);
        Atomic.Add(ref slot.Value, 5);
        Assert.Equal(5UL, Atomic.FetchAdd(ref slot.Value, 1));
        Assert.True(_map.TryGetValue(1, out var value));
        Assert.Equal(6UL, value);
    }

    [Fact]
    public void Clear_empties_the_map()
    {
        _map.Update(1, 1);
        _map.Clear();
        Assert.Equal(0, _map.Count);
    }
}
