namespace Sharp.Bpf;

/// <summary>A typed view of a queue (<c>BPF_MAP_TYPE_QUEUE</c>, Linux 4.20): values come out in the order they went in.</summary>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class QueueMap<TValue> : PushPopMap<TValue> where TValue : unmanaged
{
    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not a queue, or its value size differs from <typeparamref name="TValue"/>'s.</exception>
    public QueueMap(Map map) : base(map, MapViews.Name("QueueMap", typeof(TValue)), MapType.Queue)
    {
    }
}
