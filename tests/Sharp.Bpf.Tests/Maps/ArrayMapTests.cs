using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Array maps in the running kernel: u32 keys below max_entries, every element present and zeroed at creation.</summary>
public sealed class ArrayMapTests
{
    [Fact]
    public void New_array_map_holds_zeroed_values()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 4));
        Assert.Equal(0ul, new ArrayMap<ulong>(map).Lookup(3));
    }

    [Fact]
    public void Updated_value_is_read_back()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 4, 2));
        map.Update(BitConverter.GetBytes(1u), [1, 2, 3, 4]);
        var value = new byte[4];
        map.Lookup(BitConverter.GetBytes(1u), value);
        Assert.Equal([1, 2, 3, 4], value);
        map.Lookup(BitConverter.GetBytes(0u), value);
        Assert.Equal(new byte[4], value);
    }

    [Fact]
    public void Lookup_past_the_last_entry_fails_with_ENOENT()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        var error = Assert.Throws<BpfException>(() => new ArrayMap<ulong>(map).Lookup(1));
        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Equal("BPF_MAP_LOOKUP_ELEM", error.Operation);
    }

    [Fact]
    public void Update_past_the_last_entry_fails_with_E2BIG_naming_the_bound()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 2, name: "bounded"));
        var error = Assert.Throws<BpfException>(() => new ArrayMap<ulong>(map).Update(2, 7));
        Assert.Equal(Errno.E2BIG, error.Errno);
        Assert.Contains("'bounded'", error.Message);
        Assert.Contains("not below 2", error.Message);
    }

    [Fact]
    public void Zero_sized_values_are_refused_with_EINVAL()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfException>(() => Map.Create(MapSpecs.Of(MapType.Array, 4, 0, 1)));
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("BPF_MAP_CREATE", error.Operation);
    }

    [Fact]
    public void Deleting_an_element_is_refused_with_advice()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        var error = Assert.Throws<BpfException>(() => new ArrayMap<ulong>(map).Delete(0));
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Contains("cannot be deleted", error.Message);
    }

    [Fact]
    public void Keys_are_every_index_in_order()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 3));
        Assert.Equal([0u, 1u, 2u], new ArrayMap<ulong>(map).Keys);
    }

    [Fact]
    public void Buffers_of_the_wrong_size_are_refused_before_the_call()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, name: "sized"));
        var error = Assert.Throws<ArgumentException>(() => map.Lookup(BitConverter.GetBytes(0u), new byte[4]));
        Assert.Contains("8-byte values; got 4 bytes", error.Message);
    }
}
