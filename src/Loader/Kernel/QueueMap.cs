using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A queue (<c>BPF_MAP_TYPE_QUEUE</c>, Linux 4.20): values leave in the order they were pushed (FIFO). It has no keys. Managed: a bounded list.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class QueueMap<T> : MapDeclaration where T : unmanaged
{
    readonly LinkedList<T> _values = new();

    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most values it holds.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public QueueMap(uint maxEntries, MapPinning pinning = MapPinning.None)
        : base(MapType.Queue, maxEntries, MapFlags.None, pinning)
    {
    }

    /// <summary>Adds <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="flags"><see cref="UpdateFlags.Exist"/> makes room in a full map by dropping the oldest value.</param>
    /// <returns>0, or -E2BIG when the map is full and <paramref name="flags"/> is not <see cref="UpdateFlags.Exist"/>.</returns>
    /// <remarks><c>bpf_map_push_elem</c> (helper 87).</remarks>
    [BpfHelper(BpfHelperId.MapPushElem)]
    public long Push(in T value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (_values.Count >= MaxEntries)
        {
            if ((flags & UpdateFlags.Exist) == 0) return Errno.TooBig;
            _values.RemoveFirst();
        }
        _values.AddLast(value);
        return 0;
    }

    /// <summary>Removes and copies the oldest value.</summary>
    /// <returns>False when the map is empty (-ENOENT).</returns>
    /// <remarks><c>bpf_map_pop_elem</c> (helper 88); true when r0 == 0.</remarks>
    [BpfHelper(BpfHelperId.MapPopElem)]
    public bool TryPop(out T value)
    {
        if (!TryPeek(out value)) return false;
        _values.RemoveFirst();
        return true;
    }

    /// <summary>Copies the oldest value without removing it.</summary>
    /// <returns>False when the map is empty (-ENOENT).</returns>
    /// <remarks><c>bpf_map_peek_elem</c> (helper 89); true when r0 == 0.</remarks>
    [BpfHelper(BpfHelperId.MapPeekElem)]
    public bool TryPeek(out T value)
    {
        value = _values.First is { } node ? node.Value : default;
        return _values.Count > 0;
    }

    /// <summary>How many values the managed map holds.</summary>
    [ManagedOnly]
    public int Count => _values.Count;

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _values.Clear();
}
