namespace Sharp.Bpf;

/// <summary>A typed view of an LRU hash map (<c>BPF_MAP_TYPE_LRU_HASH</c>, Linux 4.10): when full, an update evicts the
/// least recently used element instead of failing.</summary>
/// <typeparam name="TKey">The key type; its size must equal the map's key size.</typeparam>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class LruHashMap<TKey, TValue> : KeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not an LRU hash map, or its key or value size differs from the types'.</exception>
    public LruHashMap(Map map) : base(map, MapViews.Name("LruHashMap", typeof(TKey), typeof(TValue)), MapType.LruHash)
    {
    }
}
