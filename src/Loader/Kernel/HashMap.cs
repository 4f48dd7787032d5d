using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A hash map (<c>BPF_MAP_TYPE_HASH</c>, Linux 3.19). Managed: a dictionary keyed by the key's bytes; an insert into a full map fails with -E2BIG.</summary>
/// <typeparam name="TKey">The key type; keys compare by bytes, so it should have no padding.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class HashMap<TKey, TValue> : KeyValueMapDeclaration<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most elements the map holds.</param>
    /// <param name="flags">Creation flags.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public HashMap(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.Hash, maxEntries, flags, pinning, evictLeastRecentlyUsed: false)
    {
    }
}
