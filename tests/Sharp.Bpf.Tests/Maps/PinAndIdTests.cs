using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Maps reopened from bpffs pins and from kernel ids are the same kernel object.</summary>
public sealed class PinAndIdTests
{
    [Fact]
    public void A_pinned_map_reopens_as_the_same_map()
    {
        Privileged.RequireRoot();
        var path = MapSpecs.UniquePinPath();
        using var map = Map.Create(MapSpecs.Of(MapType.Hash, 4, 8, 4, name: "pinned"));
        try
        {
            map.Pin(path);
            using var reopened = Map.OpenPinned(path);
            Assert.Equal(map.Id, reopened.Id);
            Assert.Equal((MapType.Hash, 4u, 8u, 4u, "pinned"), (reopened.Type, reopened.KeySize, reopened.ValueSize, reopened.MaxEntries, reopened.Name));
            new HashMap<uint, ulong>(map).Update(1, 11);
            Assert.Equal(11ul, new HashMap<uint, ulong>(reopened).Lookup(1));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Unpin_removes_the_pin()
    {
        Privileged.RequireRoot();
        var path = MapSpecs.UniquePinPath();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        try
        {
            map.Pin(path);
            Assert.Equal(path, map.PinnedPath);
            map.Unpin();
            Assert.False(File.Exists(path));
            Assert.Null(map.PinnedPath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Opening_a_missing_pin_fails_with_ENOENT()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfException>(() => Map.OpenPinned(MapSpecs.UniquePinPath()));
        Assert.Equal(Errno.ENOENT, error.Errno);
    }

    [Fact]
    public void Pinning_over_an_existing_pin_fails_with_EEXIST()
    {
        Privileged.RequireRoot();
        var path = MapSpecs.UniquePinPath();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        try
        {
            map.Pin(path);
            var error = Assert.Throws<BpfException>(() => map.Pin(path));
            Assert.Equal(Errno.EEXIST, error.Errno);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Map_ids_include_a_new_map()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        Assert.Contains(map.Id, Map.GetIds());
    }

    [Fact]
    public void A_map_opened_by_id_is_the_same_map()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.LruHash, 8, 16, 32, name: "by_id"));
        using var opened = Map.FromId(map.Id);
        Assert.Equal((map.Id, MapType.LruHash, 8u, 16u, 32u, "by_id"), (opened.Id, opened.Type, opened.KeySize, opened.ValueSize, opened.MaxEntries, opened.Name));
    }
}
