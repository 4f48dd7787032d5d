using System.Runtime.CompilerServices;

namespace Sharp.Bpf.Kernel;

/// <summary>The managed storage behind hash maps: boxed values (so references survive growth and deletion, as RCU-protected
/// map values do) and a recency list, which LRU maps use to evict the least recently used element when full.</summary>
internal sealed class ManagedHashTable<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    readonly Dictionary<TKey, LinkedListNode<(TKey Key, StrongBox<TValue> Box)>> _index = new(BytewiseComparer<TKey>.Instance);
    readonly LinkedList<(TKey Key, StrongBox<TValue> Box)> _recency = new();
    readonly uint _maxEntries;
    readonly bool _evictLeastRecentlyUsed;

    public ManagedHashTable(uint maxEntries, bool evictLeastRecentlyUsed)
    {
        _maxEntries = maxEntries;
        _evictLeastRecentlyUsed = evictLeastRecentlyUsed;
    }

    public int Count => _index.Count;

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries => _recency.Select(e => KeyValuePair.Create(e.Key, e.Box.Value));

    public StrongBox<TValue>? Find(in TKey key)
    {
        if (!_index.TryGetValue(key, out var node)) return null;
        Touch(node);
        return node.Value.Box;
    }

    public long Update(in TKey key, in TValue value, UpdateFlags flags)
    {
        if (_index.TryGetValue(key, out var node))
        {
            if ((flags & UpdateFlags.NoExist) != 0) return Errno.Exists;
            node.Value.Box.Value = value;
            Touch(node);
            return 0;
        }
        if ((flags & UpdateFlags.Exist) != 0) return Errno.NoEntry;
        if (_index.Count >= _maxEntries)
        {
            if (!_evictLeastRecentlyUsed) return Errno.TooBig;
            var oldest = _recency.First!;
            _index.Remove(oldest.Value.Key);
            _recency.Remove(oldest);
        }
        _index.Add(key, _recency.AddLast((key, new StrongBox<TValue>(value))));
        return 0;
    }

    public long Delete(in TKey key)
    {
        if (!_index.Remove(key, out var node)) return Errno.NoEntry;
        _recency.Remove(node);
        return 0;
    }

    public void Clear()
    {
        _index.Clear();
        _recency.Clear();
    }

    void Touch(LinkedListNode<(TKey Key, StrongBox<TValue> Box)> node)
    {
        if (!_evictLeastRecentlyUsed) return;
        _recency.Remove(node);
        _recency.AddLast(node);
    }
}
