using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A queue (<c>BPF_MAP_TYPE_QUEUE</c>, Linux 4.20): values leave in the order they were pushed (FIFO). It has no keys. Managed: a bounded list.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class QueueMap<T> : PushPopMapDeclaration<T> where T : unmanaged
{
    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most values it holds.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public QueueMap(uint maxEntries, MapPinning pinning = MapPinning.None)
        : base(MapType.Queue, maxEntries, pinning, lastInFirstOut: false)
    {
    }
}
