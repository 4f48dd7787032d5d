namespace Sharp.Bpf;

/// <summary>A typed view of a hash map (<c>BPF_MAP_TYPE_HASH</c>, Linux 3.19).</summary>
/// <typeparam name="TKey">The key type; its size must equal the map's key size.</typeparam>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class HashMap<TKey, TValue> : KeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a hash map, or its key or value size differs from the types'.</exception>
    public HashMap(Map map) : base(map, MapViews.Name("HashMap", typeof(TKey), typeof(TValue)), MapType.Hash)
    {
    }
}
