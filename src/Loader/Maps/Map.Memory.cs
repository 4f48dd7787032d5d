using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>Memory-mapping array maps.</summary>
public sealed partial class Map
{
    /// <summary>Maps the values of an array map created with <see cref="MapFlags.Mmapable"/> (Linux 5.5; global-data maps
    /// <c>.data</c>, <c>.bss</c>, <c>.rodata</c> are such maps) into this process. The mapping is writable unless the map is
    /// frozen or read-only for user space; then it is read-only. A writable mapping keeps <see cref="Freeze"/> from succeeding.</summary>
    /// <exception cref="InvalidOperationException">The map is not an array created with <see cref="MapFlags.Mmapable"/>.</exception>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    /// <exception cref="BpfException">The kernel refused the mapping (operation <c>mmap</c>).</exception>
    public MapMemory Mmap()
    {
        if (Type != MapType.Array || !Flags.HasFlag(MapFlags.Mmapable))
            throw new InvalidOperationException($"{this} cannot be memory-mapped: only array maps created with {nameof(MapFlags)}.{nameof(MapFlags.Mmapable)} (BPF_F_MMAPABLE) can");
        int length = checked((int)(PerCpuValueStride(ValueSize) * MaxEntries));
        using var fd = new SafeBpfFdLease(Handle);
        if (Memory.TryMap((int)fd.Fd, (nuint)length, writable: true, offset: 0, out var mapping, out int errno))
            return new MapMemory(mapping!, length, isWritable: true);
        // Frozen and BPF_F_RDONLY maps refuse writable mappings with EPERM but allow read-only ones.
        if (errno == Errno.EPERM && Memory.TryMap((int)fd.Fd, (nuint)length, writable: false, offset: 0, out mapping, out errno))
            return new MapMemory(mapping!, length, isWritable: false);
        throw new BpfException("mmap", errno, $"mmap of {this} failed: {BpfException.DescribeError(errno)}");
    }
}
