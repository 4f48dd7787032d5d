namespace Sharp.Bpf;

/// <summary>A typed view of an LRU per-CPU hash map (<c>BPF_MAP_TYPE_LRU_PERCPU_HASH</c>, Linux 4.10).</summary>
/// <typeparam name="TKey">The key type; its size must equal the map's key size.</typeparam>
/// <typeparam name="TValue">One CPU's value; its size must equal the map's value size.</typeparam>
public sealed class LruPerCpuHashMap<TKey, TValue> : PerCpuKeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not an LRU per-CPU hash map, or its key or value size differs from the types'.</exception>
    public LruPerCpuHashMap(Map map) : base(map, MapViews.Name("LruPerCpuHashMap", typeof(TKey), typeof(TValue)), MapType.LruPerCpuHash)
    {
    }
}
