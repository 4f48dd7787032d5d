using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>A typed view of a longest-prefix-match trie (<c>BPF_MAP_TYPE_LPM_TRIE</c>, Linux 4.11; created with
/// <see cref="MapFlags.NoPreallocation"/>). Keys are a prefix length in bits and <typeparamref name="TData"/>, compared
/// bytewise from the first byte, most significant bit first: IP addresses go in network byte order.</summary>
/// <typeparam name="TData">The key data; the map's key size must be 4 + its size.</typeparam>
/// <typeparam name="TValue">The value type; its size must equal the map's value size.</typeparam>
public sealed class LpmTrie<TData, TValue> where TData : unmanaged where TValue : unmanaged
{
    const int PrefixLengthSize = sizeof(uint);
    static readonly int DataSize = (int)MapViews.SizeOf<TData>();

    /// <summary>Wraps <paramref name="map"/>.</summary>
    /// <exception cref="ArgumentException">The map is not an LPM trie, or its key size is not 4 + the size of <typeparamref name="TData"/>,
    /// or its value size differs from <typeparamref name="TValue"/>'s.</exception>
    public LpmTrie(Map map) =>
        Map = MapViews.Require(map, MapViews.Name("LpmTrie", typeof(TData), typeof(TValue)), MapType.LpmTrie,
            (uint)(PrefixLengthSize + DataSize), $"prefix length + {typeof(TData).Name}", MapViews.SizeOf<TValue>(), typeof(TValue).Name);

    /// <summary>The map this view reads and writes.</summary>
    public Map Map { get; }

    /// <summary>The longest prefix length: all bits of <typeparamref name="TData"/>.</summary>
    public uint MaxPrefixLength => (uint)DataSize * 8;

    /// <summary>Stores <paramref name="value"/> for the prefix made of the first <paramref name="prefixLength"/> bits of <paramref name="data"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixLength"/> exceeds <see cref="MaxPrefixLength"/>.</exception>
    /// <exception cref="BpfException">The kernel refused (E2BIG when full, EEXIST/ENOENT when <paramref name="flags"/> is not met).</exception>
    public void Update(uint prefixLength, TData data, TValue value, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        Span<byte> key = stackalloc byte[PrefixLengthSize + DataSize];
        Encode(prefixLength, data, key);
        Map.Update(key, MapBytes.Of(in value), flags);
    }

    /// <summary>Finds the value of the longest stored prefix that matches all of <paramref name="data"/>; false when none matches.</summary>
    /// <exception cref="BpfException">The kernel refused for another reason than no match.</exception>
    public bool TryLookup(TData data, out TValue value)
    {
        Span<byte> key = stackalloc byte[PrefixLengthSize + DataSize];
        Encode(MaxPrefixLength, data, key);
        value = default;
        return Map.TryLookup(key, MapBytes.Into(ref value));
    }

    /// <summary>Removes exactly the prefix (<paramref name="prefixLength"/>, <paramref name="data"/>); false when it is not stored.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="prefixLength"/> exceeds <see cref="MaxPrefixLength"/>.</exception>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public bool TryDelete(uint prefixLength, TData data)
    {
        Span<byte> key = stackalloc byte[PrefixLengthSize + DataSize];
        Encode(prefixLength, data, key);
        return Map.TryDelete(key);
    }

    /// <summary>The stored prefixes (<c>BPF_MAP_GET_NEXT_KEY</c>, Linux 4.16 for LPM tries), more specific ones first.</summary>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public IEnumerable<LpmPrefix<TData>> Keys
    {
        get
        {
            foreach (var key in Map.Keys())
                yield return new LpmPrefix<TData>(MemoryMarshal.Read<uint>(key), MemoryMarshal.Read<TData>(key.AsSpan(PrefixLengthSize)));
        }
    }

    void Encode(uint prefixLength, TData data, Span<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefixLength, MaxPrefixLength);
        // The prefix length is a host-order u32; the data keeps the caller's byte order.
        MemoryMarshal.Write(key, in prefixLength);
        MapBytes.Of(in data).CopyTo(key[PrefixLengthSize..]);
    }
}
