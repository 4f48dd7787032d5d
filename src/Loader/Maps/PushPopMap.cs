namespace Sharp.Bpf;

/// <summary>The typed operations of maps without keys: <see cref="QueueMap{TValue}"/> (first in, first out) and
/// <see cref="StackMap{TValue}"/> (last in, first out). Linux 4.20. A view does not own its map.</summary>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public abstract class PushPopMap<TValue> where TValue : unmanaged
{
    private protected PushPopMap(Map map, string viewName, MapType type) =>
        Map = MapViews.Require(map, viewName, type, 0, "no key", MapViews.SizeOf<TValue>(), typeof(TValue).Name);

    /// <summary>The map this view reads and writes.</summary>
    public Map Map { get; }

    /// <summary>Adds <paramref name="value"/> (<c>BPF_MAP_UPDATE_ELEM</c> with no key).</summary>
    /// <param name="value">The value to add.</param>
    /// <param name="flags"><see cref="MapUpdateFlags.Exist"/> drops the oldest value when the map is full instead of failing.</param>
    /// <exception cref="BpfException">The map is full (E2BIG), or the kernel refused.</exception>
    public void Push(TValue value, MapUpdateFlags flags = MapUpdateFlags.Any) => Map.Update([], MapBytes.Of(in value), flags);

    /// <summary>Removes the next value (<c>BPF_MAP_LOOKUP_AND_DELETE_ELEM</c>); false when the map is empty.</summary>
    /// <exception cref="BpfException">The kernel refused for another reason than an empty map.</exception>
    public bool TryPop(out TValue value)
    {
        value = default;
        return Map.TryLookupAndDelete([], MapBytes.Into(ref value));
    }

    /// <summary>Reads the next value without removing it (<c>BPF_MAP_LOOKUP_ELEM</c>); false when the map is empty.</summary>
    /// <exception cref="BpfException">The kernel refused for another reason than an empty map.</exception>
    public bool TryPeek(out TValue value)
    {
        value = default;
        return Map.TryLookup([], MapBytes.Into(ref value));
    }
}
