namespace Sharp.Bpf;

/// <summary>The typed operations shared by maps with one value per key: <see cref="HashMap{TKey, TValue}"/>,
/// <see cref="LruHashMap{TKey, TValue}"/> and <see cref="ArrayMap{TValue}"/>. Keys and values are unmanaged structs whose
/// layout matches the kernel's (the sizes are checked when the view is made). A view does not own its map.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class KeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    private protected KeyValueMap(Map map, string viewName, MapType type) =>
        Map = MapViews.Require(map, viewName, type, MapViews.SizeOf<TKey>(), typeof(TKey).Name, MapViews.SizeOf<TValue>(), typeof(TValue).Name);

    /// <summary>The map this view reads and writes.</summary>
    public Map Map { get; }

    /// <summary>Reads the value under <paramref name="key"/>; false when there is none. Allocates nothing.</summary>
    /// <exception cref="BpfException">The kernel refused for another reason than a missing element.</exception>
    public bool TryLookup(TKey key, out TValue value)
    {
        value = default;
        return Map.TryLookup(MapBytes.Of(in key), MapBytes.Into(ref value));
    }

    /// <summary>Reads the value under <paramref name="key"/>.</summary>
    /// <exception cref="BpfException">No element has the key (ENOENT), or the kernel refused.</exception>
    public TValue Lookup(TKey key)
    {
        TValue value = default;
        Map.Lookup(MapBytes.Of(in key), MapBytes.Into(ref value));
        return value;
    }

    /// <summary>Writes <paramref name="value"/> under <paramref name="key"/>.</summary>
    /// <exception cref="BpfException">The kernel refused: E2BIG when full or out of range, EEXIST/ENOENT when <paramref name="flags"/>
    /// is not met, EPERM when frozen.</exception>
    public void Update(TKey key, TValue value, MapUpdateFlags flags = MapUpdateFlags.Any) => Map.Update(MapBytes.Of(in key), MapBytes.Of(in value), flags);

    /// <summary>Removes the element under <paramref name="key"/>; false when there is none.</summary>
    /// <exception cref="BpfException">The kernel refused (EINVAL for arrays, whose elements cannot be removed).</exception>
    public bool TryDelete(TKey key) => Map.TryDelete(MapBytes.Of(in key));

    /// <summary>Removes the element under <paramref name="key"/>.</summary>
    /// <exception cref="BpfException">No element has the key (ENOENT), or the kernel refused (EINVAL for arrays).</exception>
    public void Delete(TKey key) => Map.Delete(MapBytes.Of(in key));

    /// <summary>The keys, walked with <c>BPF_MAP_GET_NEXT_KEY</c> (see <see cref="Sharp.Bpf.Map.Keys"/> for concurrent changes).</summary>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public IEnumerable<TKey> Keys => MapBytes.Keys<TKey>(Map);

    /// <summary>The keys and their values. An element removed between reading its key and its value is skipped.</summary>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries
    {
        get
        {
            foreach (var key in Keys)
                if (TryLookup(key, out var value))
                    yield return new(key, value);
        }
    }
}
