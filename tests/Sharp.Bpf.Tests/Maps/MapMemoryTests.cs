using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Maps;

/// <summary>Memory-mapped arrays share their values with the kernel; frozen maps map read-only.</summary>
public sealed class MapMemoryTests
{
    static Map NewMmapable(string name = "mmapable") => Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 4, MapFlags.Mmapable, name));

    [Fact]
    public void Memory_sees_values_written_by_update()
    {
        Privileged.RequireRoot();
        using var map = NewMmapable();
        using var memory = map.Mmap();
        new ArrayMap<ulong>(map).Update(2, 0xFEED);
        Assert.Equal(0xFEEDul, MemoryMarshal.Cast<byte, ulong>(memory.ReadOnlySpan)[2]);
    }

    [Fact]
    public void Lookup_sees_values_written_to_memory()
    {
        Privileged.RequireRoot();
        using var map = NewMmapable();
        using var memory = map.Mmap();
        MemoryMarshal.Cast<byte, ulong>(memory.Span)[3] = 0xBEEF;
        Assert.Equal(0xBEEFul, new ArrayMap<ulong>(map).Lookup(3));
    }

    [Fact]
    public void Memory_holds_every_element_at_an_8_byte_stride()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 12, 3, MapFlags.Mmapable));
        using var memory = map.Mmap();
        Assert.Equal(48, memory.Length);
    }

    [Fact]
    public void Maps_without_the_mmapable_flag_cannot_be_mapped()
    {
        Privileged.RequireRoot();
        using var map = Map.Create(MapSpecs.Of(MapType.Array, 4, 8, 1));
        var error = Assert.Throws<InvalidOperationException>(() => map.Mmap());
        Assert.Contains("BPF_F_MMAPABLE", error.Message);
    }

    [Fact]
    public void A_frozen_map_is_mapped_read_only()
    {
        Privileged.RequireRoot();
        using var map = NewMmapable();
        new ArrayMap<ulong>(map).Update(0, 5);
        map.Freeze();
        using var memory = map.Mmap();
        Assert.False(memory.IsWritable);
        Assert.Equal(5ul, MemoryMarshal.Cast<byte, ulong>(memory.ReadOnlySpan)[0]);
        Assert.Throws<InvalidOperationException>(() => memory.Span.Length);
    }

    [Fact]
    public void Freezing_while_mapped_writable_fails_with_EBUSY()
    {
        Privileged.RequireRoot();
        using var map = NewMmapable();
        using var memory = map.Mmap();
        var error = Assert.Throws<BpfException>(map.Freeze);
        Assert.Equal(Errno.EBUSY, error.Errno);
        Assert.Contains("memory-mapped", error.Message);
    }

    [Fact]
    public void Memory_refuses_access_after_dispose()
    {
        Privileged.RequireRoot();
        using var map = NewMmapable();
        var memory = map.Mmap();
        memory.Dispose();
        Assert.Throws<ObjectDisposedException>(() => memory.ReadOnlySpan.Length);
    }
}
