namespace Sharp.Bpf;

/// <summary>A typed view of a stack (<c>BPF_MAP_TYPE_STACK</c>, Linux 4.20): the last value in is the first out.</summary>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class StackMap<TValue> : PushPopMap<TValue> where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a stack, or its value size differs from <typeparamref name="TValue"/>'s.</exception>
    public StackMap(Map map) : base(map, MapViews.Name("StackMap", typeof(TValue)), MapType.Stack)
    {
    }
}
