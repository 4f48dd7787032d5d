namespace Sharp.Bpf;

/// <summary>A typed view of an array map (<c>BPF_MAP_TYPE_ARRAY</c>, Linux 3.19): keys 0 .. max_entries − 1, every element
/// present and zeroed from creation; elements cannot be deleted.</summary>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class ArrayMap<TValue> : KeyValueMap<uint, TValue> where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not an array map, or its value size differs from <typeparamref name="TValue"/>'s.</exception>
    public ArrayMap(Map map) : base(map, MapViews.Name("ArrayMap", typeof(TValue)), MapType.Array)
    {
    }

    /// <summary>The number of elements (max_entries).</summary>
    public uint Length => Map.MaxEntries;
}
