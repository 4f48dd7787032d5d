using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>The bytes of unmanaged keys and values, viewed in place so typed map operations allocate nothing.</summary>
internal static class MapBytes
{
    /// <summary>The bytes of <paramref name="value"/>, for reading.</summary>
    public static ReadOnlySpan<byte> Of<T>(ref readonly T value) where T : unmanaged => MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value));

    /// <summary>The bytes of <paramref name="value"/>, for the kernel to fill.</summary>
    public static Span<byte> Into<T>(ref T value) where T : unmanaged => MemoryMarshal.AsBytes(new Span<T>(ref value));

    /// <summary>The first key of <paramref name="map"/> when <paramref name="first"/>, else the key after <paramref name="current"/>.</summary>
    public static bool TryGetNextKey<TKey>(Map map, bool first, TKey current, out TKey next) where TKey : unmanaged
    {
        next = default;
        return map.TryGetNextKey(first ? [] : Of(in current), Into(ref next));
    }

    /// <summary>The keys of <paramref name="map"/>, as <see cref="Map.Keys"/> walks them.</summary>
    public static IEnumerable<TKey> Keys<TKey>(Map map) where TKey : unmanaged
    {
        bool first = true;
        TKey current = default;
        while (TryGetNextKey(map, first, current, out var next))
        {
            yield return next;
            current = next;
            first = false;
        }
    }
}
