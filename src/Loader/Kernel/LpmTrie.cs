using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A longest-prefix-match trie (<c>BPF_MAP_TYPE_LPM_TRIE</c>, Linux 4.11): a lookup finds the stored prefix that
/// matches the most leading bits of the key — routing tables, CIDR allow lists. Always created with
/// <see cref="MapFlags.NoPreallocation"/>, as the kernel requires. Managed: a list searched for the longest match.</summary>
/// <typeparam name="TData">The address type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class LpmTrie<TData, TValue> : MapDeclaration where TData : unmanaged where TValue : unmanaged
{
    readonly List<(uint PrefixLength, byte[] Prefix, StrongBox<TValue> Box)> _prefixes = [];

    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most prefixes the trie holds.</param>
    /// <param name="flags">Creation flags; <see cref="MapFlags.NoPreallocation"/> is always added.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public LpmTrie(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.LpmTrie, maxEntries, flags | MapFlags.NoPreallocation, pinning)
    {
    }

    static uint DataBits => (uint)Unsafe.SizeOf<TData>() * 8;

    /// <summary>Finds the value of the longest stored prefix matching <paramref name="key"/>'s first
    /// <see cref="LpmTrieKey{TData}.PrefixLength"/> bits, to read or update in place.</summary>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), then the mandatory null check.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public NullableRef<TValue> Lookup(in LpmTrieKey<TData> key)
    {
        var box = Longest(in key);
        return box is null ? NullableRef<TValue>.Null : new NullableRef<TValue>(ref box.Value);
    }

    /// <summary>Copies the value of the longest stored prefix matching <paramref name="key"/>.</summary>
    /// <returns>False when no stored prefix matches.</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), a null check and a copy.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public bool TryGetValue(in LpmTrieKey<TData> key, out TValue value)
    {
        var box = Longest(in key);
        value = box is null ? default : box.Value;
        return box is not null;
    }

    /// <summary>Stores <paramref name="value"/> for the prefix <paramref name="key"/> (bits past its length are ignored).</summary>
    /// <returns>0, -EINVAL (prefix longer than the data), -EEXIST, -ENOENT, or -ENOSPC (a new prefix in a full trie).</returns>
    /// <remarks><c>bpf_map_update_elem</c> (helper 2).</remarks>
    [BpfHelper(BpfHelperId.MapUpdateElem)]
    public long Update(in LpmTrieKey<TData> key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (key.PrefixLength > DataBits) return Errno.Invalid;
        var index = IndexOf(in key);
        if (index >= 0 && (flags & UpdateFlags.NoExist) != 0) return Errno.Exists;
        if (index < 0 && (flags & UpdateFlags.Exist) != 0) return Errno.NoEntry;
        if (index >= 0)
        {
            _prefixes[index].Box.Value = value;
            return 0;
        }
        if (_prefixes.Count >= MaxEntries) return Errno.NoSpace;
        _prefixes.Add((key.PrefixLength, Bytes(in key.Data).ToArray(), new StrongBox<TValue>(value)));
        return 0;
    }

    /// <summary>Removes the prefix <paramref name="key"/> (an exact prefix, not a longest match).</summary>
    /// <returns>0, or -ENOENT when that prefix is not stored.</returns>
    /// <remarks><c>bpf_map_delete_elem</c> (helper 3).</remarks>
    [BpfHelper(BpfHelperId.MapDeleteElem)]
    public long Delete(in LpmTrieKey<TData> key)
    {
        var index = IndexOf(in key);
        if (index < 0) return Errno.NoEntry;
        _prefixes.RemoveAt(index);
        return 0;
    }

    /// <summary>How many prefixes the managed trie holds.</summary>
    [ManagedOnly]
    public int Count => _prefixes.Count;

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _prefixes.Clear();

    StrongBox<TValue>? Longest(in LpmTrieKey<TData> key)
    {
        var data = Bytes(in key.Data);
        var limit = Math.Min(key.PrefixLength, DataBits);
        StrongBox<TValue>? best = null;
        var bestLength = -1L;
        foreach (var (length, prefix, box) in _prefixes)
            if (length <= limit && length > bestLength && LeadingBitsEqual(prefix, data, length))
            {
                best = box;
                bestLength = length;
            }
        return best;
    }

    int IndexOf(in LpmTrieKey<TData> key)
    {
        var data = Bytes(in key.Data);
        for (var i = 0; i < _prefixes.Count; i++)
            if (_prefixes[i].PrefixLength == key.PrefixLength && LeadingBitsEqual(_prefixes[i].Prefix, data, key.PrefixLength)) return i;
        return -1;
    }

    static bool LeadingBitsEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, uint bits)
    {
        var whole = (int)(bits / 8);
        if (!a[..whole].SequenceEqual(b[..whole])) return false;
        var rest = (int)(bits % 8);
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (b[whole] & mask);
    }

    static ReadOnlySpan<byte> Bytes(ref readonly TData data) => MemoryMarshal.AsBytes(new ReadOnlySpan<TData>(in data));
}
