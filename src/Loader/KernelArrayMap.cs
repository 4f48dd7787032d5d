using Sharp.Bpf.Interop;

namespace Sharp.Bpf;

/// <summary>A kernel array map (<c>BPF_MAP_TYPE_ARRAY</c>): u32 keys 0..MaxEntries-1, fixed-size values, all present and zeroed at creation.</summary>
internal sealed class KernelArrayMap : IDisposable
{
    KernelArrayMap(SafeBpfFd handle, string name, uint valueSize, uint maxEntries)
    {
        Handle = handle;
        Name = name;
        ValueSize = valueSize;
        MaxEntries = maxEntries;
    }

    /// <summary>The map's descriptor.</summary>
    public SafeBpfFd Handle { get; }
    /// <summary>The name the kernel shows for the map.</summary>
    public string Name { get; }
    /// <summary>Bytes per value.</summary>
    public uint ValueSize { get; }
    /// <summary>Number of entries.</summary>
    public uint MaxEntries { get; }

    /// <summary>Creates the map.</summary>
    /// <exception cref="ArgumentException">The name is not a valid kernel object name.</exception>
    /// <exception cref="BpfException">The kernel refused (e.g. EPERM without privileges, EINVAL for a zero size).</exception>
    public static unsafe KernelArrayMap Create(string name, uint valueSize, uint maxEntries)
    {
        var attr = new MapCreateAttr
        {
            MapType = MapType.Array,
            KeySize = sizeof(uint),
            ValueSize = valueSize,
            MaxEntries = maxEntries,
        };
        ObjectName.Write(name, new Span<byte>(attr.MapName, ObjectName.Capacity));
        int fd = Syscall.Bpf(BpfCommand.MapCreate, ref attr);
        return new KernelArrayMap(new SafeBpfFd(fd), name, valueSize, maxEntries);
    }

    /// <summary>Reads the value at <paramref name="key"/>.</summary>
    /// <exception cref="BpfException">The kernel refused; ENOENT when <paramref name="key"/> is not below <see cref="MaxEntries"/>.</exception>
    public unsafe byte[] Lookup(uint key)
    {
        var value = new byte[ValueSize];
        fixed (byte* valuePointer = value)
        {
            var attr = new MapElementAttr { MapFd = (uint)Handle.Fd, Key = (ulong)&key, Value = (ulong)valuePointer };
            Syscall.Bpf(BpfCommand.MapLookupElement, ref attr);
        }
        return value;
    }

    /// <summary>Writes the value at <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not <see cref="ValueSize"/> bytes long.</exception>
    /// <exception cref="BpfException">The kernel refused; E2BIG when <paramref name="key"/> is not below <see cref="MaxEntries"/>.</exception>
    public unsafe void Update(uint key, ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueSize)
            throw new ArgumentException($"map '{Name}' holds {ValueSize}-byte values; got {value.Length} bytes", nameof(value));
        fixed (byte* valuePointer = value)
        {
            var attr = new MapElementAttr { MapFd = (uint)Handle.Fd, Key = (ulong)&key, Value = (ulong)valuePointer };
            Syscall.Bpf(BpfCommand.MapUpdateElement, ref attr);
        }
    }

    /// <summary>Closes the map's descriptor; the kernel frees the map when nothing else holds it.</summary>
    public void Dispose() => Handle.Dispose();
}
