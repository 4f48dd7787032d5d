using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests;

/// <summary>Array maps in the running kernel: created zeroed, written and read by u32 key.</summary>
public sealed class KernelArrayMapTests
{
    [Fact]
    public void New_array_map_holds_zeroed_values()
    {
        Privileged.RequireRoot();
        using var map = KernelArrayMap.Create("zeroed", valueSize: 8, maxEntries: 4);
        Assert.Equal(new byte[8], map.Lookup(3));
    }

    [Fact]
    public void Updated_value_is_read_back()
    {
        Privileged.RequireRoot();
        using var map = KernelArrayMap.Create("updated", valueSize: 4, maxEntries: 2);
        map.Update(1, [1, 2, 3, 4]);
        Assert.Equal([1, 2, 3, 4], map.Lookup(1));
        Assert.Equal(new byte[4], map.Lookup(0));
    }

    [Fact]
    public void Lookup_past_the_last_entry_fails_with_ENOENT()
    {
        Privileged.RequireRoot();
        using var map = KernelArrayMap.Create("bounded", valueSize: 8, maxEntries: 1);
        var error = Assert.Throws<BpfException>(() => map.Lookup(1));
        Assert.Equal(Errno.ENOENT, error.Errno);
        Assert.Equal("BPF_MAP_LOOKUP_ELEM", error.Operation);
    }

    [Fact]
    public void Zero_sized_values_are_refused_with_EINVAL()
    {
        Privileged.RequireRoot();
        var error = Assert.Throws<BpfException>(() => KernelArrayMap.Create("empty", valueSize: 0, maxEntries: 1));
        Assert.Equal(Errno.EINVAL, error.Errno);
        Assert.Equal("BPF_MAP_CREATE", error.Operation);
    }

    [Fact]
    public void Names_the_kernel_would_refuse_are_refused_before_the_call()
    {
        var error = Assert.Throws<ArgumentException>(() => KernelArrayMap.Create("has-dash", valueSize: 8, maxEntries: 1));
        Assert.Contains("'-'", error.Message);
    }
}
