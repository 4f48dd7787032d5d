using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>The element operations shared by <see cref="HashMap{TKey,TValue}"/> and <see cref="LruHashMap{TKey,TValue}"/>; they differ only in what an insert into a full map does.</summary>
/// <typeparam name="TKey">The key type; keys compare by bytes, so it should have no padding.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public abstract class KeyValueMapDeclaration<TKey, TValue> : MapDeclaration where TKey : unmanaged where TValue : unmanaged
{
    readonly ManagedHashTable<TKey, TValue> _table;

    private protected KeyValueMapDeclaration(MapType type, uint maxEntries, MapFlags flags, MapPinning pinning, bool evictLeastRecentlyUsed)
        : base(type, maxEntries, flags, pinning) => _table = new(maxEntries, evictLeastRecentlyUsed);

    /// <summary>Finds the value stored under <paramref name="key"/>, to read or update in place.</summary>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1) with r2 pointing at the key on the stack; r0 is the nullable
    /// value pointer.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public NullableRef<TValue> Lookup(in TKey key)
    {
        var box = _table.Find(in key);
        return box is null ? NullableRef<TValue>.Null : new NullableRef<TValue>(ref box.Value);
    }

    /// <summary>Copies the value stored under <paramref name="key"/>.</summary>
    /// <returns>False when the key is absent (<paramref name="value"/> is then zero).</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), a null check, and a copy of the value into <paramref name="value"/>.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public bool TryGetValue(in TKey key, out TValue value)
    {
        var box = _table.Find(in key);
        value = box is null ? default : box.Value;
        return box is not null;
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>.</summary>
    /// <returns>0, or -EEXIST (<see cref="UpdateFlags.NoExist"/> and present), -ENOENT (<see cref="UpdateFlags.Exist"/> and
    /// absent), -E2BIG (a new key in a full hash map).</returns>
    /// <remarks><c>bpf_map_update_elem</c> (helper 2).</remarks>
    [BpfHelper(BpfHelperId.MapUpdateElem)]
    public long Update(in TKey key, in TValue value, UpdateFlags flags = UpdateFlags.Any) => _table.Update(in key, in value, flags);

    /// <summary>Removes the element stored under <paramref name="key"/>.</summary>
    /// <returns>0, or -ENOENT when the key is absent.</returns>
    /// <remarks><c>bpf_map_delete_elem</c> (helper 3).</remarks>
    [BpfHelper(BpfHelperId.MapDeleteElem)]
    public long Delete(in TKey key) => _table.Delete(in key);

    /// <summary>How many elements the managed map holds.</summary>
    [ManagedOnly]
    public int Count => _table.Count;

    /// <summary>The managed map's elements (in least-recently-used-first order for an LRU map).</summary>
    [ManagedOnly]
    public IEnumerable<KeyValuePair<TKey, TValue>> Entries => _table.Entries;

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _table.Clear();
}
