using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Hash maps through HashMap&lt;TKey, TValue&gt;: create, update with flags, look up, delete, iterate.</summary>
public sealed class HashMapTests
{
    static Map NewHash(uint maxEntries = 8, string name = "hash") => Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, maxEntries, name: name));

    [Fact]
    public void Updated_value_is_read_back()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        var hash = new HashMap<uint, ulong>(map);
        hash.Update(7, 700);
        Assert.Equal(700ul, hash.Lookup(7));
    }

    [Fact]
    public void Missing_key_is_an_expected_miss()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        Assert.False(new HashMap<uint, ulong>(map).TryLookup(1, out _));
    }

    [Fact]
    public void NoExist_refuses_to_replace_with_EEXIST()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        var hash = new HashMap<uint, ulong>(map);
        hash.Update(1, 10);
        var error = Assert.Throws<BpfException>(() => hash.Update(1, 11, MapUpdateFlags.NoExist));
        Assert.Equal(Errno.EEXIST, error.Errno);
        Assert.Equal(10ul, hash.Lookup(1));
    }

    [Fact]
    public void Exist_refuses_to_create_with_ENOENT()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        var error = Assert.Throws<BpfException>(() => new HashMap<uint, ulong>(map).Update(1, 11, MapUpdateFlags.Exist));
        Assert.Equal(Errno.ENOENT, error.Errno);
    }

    [Fact]
    public void Deleted_key_is_gone_and_a_second_delete_reports_the_miss()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        var hash = new HashMap<uint, ulong>(map);
        hash.Update(3, 30);
        hash.Delete(3);
        Assert.False(hash.TryLookup(3, out _));
        Assert.False(hash.TryDelete(3));
    }

    [Fact]
    public void Keys_and_entries_list_every_element()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        var hash = new HashMap<uint, ulong>(map);
        foreach (uint key in new uint[] { 5, 1, 9 }) hash.Update(key, key * 10ul);
        Assert.Equal([1u, 5u, 9u], hash.Keys.Order());
        Assert.Equal([10ul, 50ul, 90ul], hash.Entries.OrderBy(e => e.Key).Select(e => e.Value));
    }

    [Fact]
    public void Full_map_refuses_a_new_key_saying_it_is_full()
    {
        Privileged.RequireRoot();
        using var map = NewHash(maxEntries: 1, name: "tiny");
        var hash = new HashMap<uint, ulong>(map);
        hash.Update(1, 1);
        var error = Assert.Throws<BpfException>(() => hash.Update(2, 2));
        Assert.Equal(Errno.E2BIG, error.Errno);
        Assert.Contains("full (1 entries)", error.Message);
    }

    [Fact]
    public void Lookup_and_delete_returns_the_value_and_removes_it()
    {
        Privileged.RequireRoot();
        using var map = NewHash();
        new HashMap<uint, ulong>(map).Update(4, 44);
        var value = new byte[8];
        Assert.True(map.TryLookupAndDelete(BitConverter.GetBytes(4u), value));
        Assert.Equal(44ul, BitConverter.ToUInt64(value));
        Assert.False(map.TryLookupAndDelete(BitConverter.GetBytes(4u), value));
    }
}
