using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A stack (<c>BPF_MAP_TYPE_STACK</c>, Linux 4.20): the last value pushed leaves first (LIFO). It has no keys. Managed: a bounded list.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class StackMap<T> : PushPopMapDeclaration<T> where T : unmanaged
{
    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most values it holds.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public StackMap(uint maxEntries, MapPinning pinning = MapPinning.None)
        : base(MapType.Stack, maxEntries, pinning, lastInFirstOut: true)
    {
    }
}
