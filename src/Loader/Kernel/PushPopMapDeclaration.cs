using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>The operations shared by <see cref="QueueMap{T}"/> and <see cref="StackMap{T}"/>; they differ only in which end values leave from.</summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class PushPopMapDeclaration<T> : MapDeclaration where T : unmanaged
{
    readonly LinkedList<T> _values = new();

    readonly bool _lastInFirstOut;

    private protected PushPopMapDeclaration(MapType type, uint maxEntries, MapPinning pinning, bool lastInFirstOut)
        : base(type, maxEntries, MapFlags.None, pinning) => _lastInFirstOut = lastInFirstOut;

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

    /// <summary>Removes and copies the next value: the oldest in a queue, the newest in a stack.</summary>
    /// <returns>False when the map is empty (-ENOENT).</returns>
    /// <remarks><c>bpf_map_pop_elem</c> (helper 88); true when r0 == 0.</remarks>
    [BpfHelper(BpfHelperId.MapPopElem)]
    public bool TryPop(out T value)
    {
        if (!TryPeek(out value)) return false;
        if (_lastInFirstOut) _values.RemoveLast();
        else _values.RemoveFirst();
        return true;
    }

    /// <summary>Copies the next value without removing it.</summary>
    /// <returns>False when the map is empty (-ENOENT).</returns>
    /// <remarks><c>bpf_map_peek_elem</c> (helper 89); true when r0 == 0.</remarks>
    [BpfHelper(BpfHelperId.MapPeekElem)]
    public bool TryPeek(out T value)
    {
        value = (_lastInFirstOut ? _values.Last : _values.First) is { } node ? node.Value : default;
        return _values.Count > 0;
    }

    /// <summary>How many values the managed map holds.</summary>
    [ManagedOnly]
    public int Count => _values.Count;

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _values.Clear();
}
