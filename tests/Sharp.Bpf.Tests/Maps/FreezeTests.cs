using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Frozen maps are read-only for user space, and say so when written.</summary>
public sealed class FreezeTests
{
    [Fact]
    public void A_frozen_map_refuses_updates_saying_it_is_frozen()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1, name: "constants"));
        map.Freeze();
        var error = Assert.Throws<BpfException>(() => new ArrayMap<ulong>(map).Update(0, 1));
        Assert.Equal(Errno.EPERM, error.Errno);
        Assert.Contains("'constants'", error.Message);
        Assert.Contains("frozen", error.Message);
        Assert.DoesNotContain("CAP_BPF", error.Message);
    }

    [Fact]
    public void A_spec_that_asks_for_freezing_is_frozen_after_its_contents_are_written()
    {
        Privileged.RequireRoot();
        var spec = MapSpecs.Of(MapType.Array, 4, 8, 1, MapFlags.ReadOnlyProgram, name: ".rodata") with
        {
            Contents = [new(BitConverter.GetBytes(0u), BitConverter.GetBytes(123ul))],
            Freeze = true,
        };
        using var map = Map.Create(spec);
        var array = new ArrayMap<ulong>(map);
        Assert.Equal(123ul, array.Lookup(0));
        Assert.Throws<BpfException>(() => array.Update(0, 1));
    }
}
