using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>An LRU hash map (<c>BPF_MAP_TYPE_LRU_HASH</c>, Linux 4.10): inserting into a full map evicts the least recently used element instead of failing. Managed: exact LRU order (lookups and updates count as use); the kernel's eviction is approximate (per-CPU free lists), so a test should rely only on "the oldest untouched elements go first".</summary>
/// <typeparam name="TKey">The key type; keys compare by bytes, so it should have no padding.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class LruHashMap<TKey, TValue> : KeyValueMapDeclaration<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most elements the map holds.</param>
    /// <param name="flags">Creation flags.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public LruHashMap(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.LruHash, maxEntries, flags, pinning, evictLeastRecentlyUsed: true)
    {
    }
}
