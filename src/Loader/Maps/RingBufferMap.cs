namespace Sharp.Bpf;

/// <summary>A ring buffer map (<c>BPF_MAP_TYPE_RINGBUF</c>, Linux 5.8): programs reserve and submit records, user space
/// reads them through a reader that maps the buffer. This is the map object only.</summary>
public sealed class RingBufferMap
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a ring buffer.</exception>
    public RingBufferMap(Map map) => Map = MapViews.Require(map, nameof(RingBufferMap), MapType.RingBuffer, 0, "no key", 0, "no value");

    /// <summary>The map.</summary>
    public Map Map { get; }

    /// <summary>The data area's size in bytes (max_entries; a power of two and a multiple of the page size).</summary>
    public uint Size => Map.MaxEntries;
}
