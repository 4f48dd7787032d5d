namespace Sharp.Bpf;

/// <summary>A typed view of a per-CPU array map (<c>BPF_MAP_TYPE_PERCPU_ARRAY</c>, Linux 4.6): keys 0 .. max_entries − 1,
/// one value per possible CPU under each, all present and zeroed from creation.</summary>
/// <typeparam name="TValue">One CPU's value; its size must equal the map's value size.</typeparam>
public sealed class PerCpuArrayMap<TValue> : PerCpuKeyValueMap<uint, TValue> where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a per-CPU array map, or its value size differs from <typeparamref name="TValue"/>'s.</exception>
    public PerCpuArrayMap(Map map) : base(map, MapViews.Name("PerCpuArrayMap", typeof(TValue)), MapType.PerCpuArray)
    {
    }

    /// <summary>The number of elements (max_entries).</summary>
    public uint Length => Map.MaxEntries;
}
