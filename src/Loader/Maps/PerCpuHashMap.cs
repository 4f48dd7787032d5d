namespace Sharp.Bpf;

/// <summary>A typed view of a per-CPU hash map (<c>BPF_MAP_TYPE_PERCPU_HASH</c>, Linux 4.6).</summary>
/// <typeparam name="TKey">The key type; its size must equal the map's key size.</typeparam>
/// <typeparam name="TValue">One CPU's value; its size must equal the map's value size.</typeparam>
public sealed class PerCpuHashMap<TKey, TValue> : PerCpuKeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a per-CPU hash map, or its key or value size differs from the types'.</exception>
    public PerCpuHashMap(Map map) : base(map, MapViews.Name("PerCpuHashMap", typeof(TKey), typeof(TValue)), MapType.PerCpuHash)
    {
    }
}
