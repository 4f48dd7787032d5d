using System.Buffers;
using System.Runtime.InteropServices;

namespace Sharp.Bpf;

/// <summary>The typed operations shared by per-CPU maps: <see cref="PerCpuHashMap{TKey, TValue}"/>,
/// <see cref="PerCpuArrayMap{TValue}"/> and <see cref="LruPerCpuHashMap{TKey, TValue}"/>. Each key holds one value per
/// possible CPU (<see cref="CpuCount"/>), index i for CPU i; the kernel copies them at 8-byte strides, which this view
/// packs and unpacks. A view does not own its map.</summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">One CPU's value.</typeparam>
public abstract class PerCpuKeyValueMap<TKey, TValue> where TKey : unmanaged where TValue : unmanaged
{
    readonly int stride;

    private protected PerCpuKeyValueMap(Map map, string viewName, MapType type)
    {
        Map = MapViews.Require(map, viewName, type, MapViews.SizeOf<TKey>(), typeof(TKey).Name, MapViews.SizeOf<TValue>(), typeof(TValue).Name);
        stride = (int)Map.PerCpuValueStride(MapViews.SizeOf<TValue>());
    }

    /// <summary>The map this view reads and writes.</summary>
    public Map Map { get; }

    /// <summary>How many values each key holds: the number of possible CPUs (<c>/sys/devices/system/cpu/possible</c>).</summary>
    public int CpuCount => PossibleCpus.Value;

    /// <summary>Reads the values under <paramref name="key"/> into <paramref name="values"/>; false when there is none. Allocates nothing.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values"><see cref="CpuCount"/> values, one per CPU.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold <see cref="CpuCount"/> values.</exception>
    /// <exception cref="BpfException">The kernel refused for another reason than a missing element.</exception>
    public bool TryLookup(TKey key, Span<TValue> values)
    {
        CheckCount(values.Length, nameof(values));
        var buffer = ArrayPool<byte>.Shared.Rent(Map.ValueBufferSize);
        try
        {
            var bytes = buffer.AsSpan(0, Map.ValueBufferSize);
            if (!Map.TryLookup(MapBytes.Of(in key), bytes)) return false;
            for (int cpu = 0; cpu < values.Length; cpu++)
                values[cpu] = MemoryMarshal.Read<TValue>(bytes[(cpu * stride)..]);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads the values under <paramref name="key"/>, one per possible CPU.</summary>
    /// <exception cref="BpfException">No element has the key (ENOENT), or the kernel refused.</exception>
    public TValue[] Lookup(TKey key)
    {
        var values = new TValue[CpuCount];
        if (!TryLookup(key, values)) Map.Lookup(MapBytes.Of(in key), new byte[Map.ValueBufferSize]);
        return values;
    }

    /// <summary>Writes one value per possible CPU under <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="values"><see cref="CpuCount"/> values, one per CPU.</param>
    /// <param name="flags">Whether the element must or must not exist already.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold <see cref="CpuCount"/> values.</exception>
    /// <exception cref="BpfException">The kernel refused: E2BIG when full or out of range, EEXIST/ENOENT when <paramref name="flags"/> is not met.</exception>
    public void Update(TKey key, ReadOnlySpan<TValue> values, MapUpdateFlags flags = MapUpdateFlags.Any)
    {
        CheckCount(values.Length, nameof(values));
        var buffer = ArrayPool<byte>.Shared.Rent(Map.ValueBufferSize);
        try
        {
            var bytes = buffer.AsSpan(0, Map.ValueBufferSize);
            bytes.Clear();
            for (int cpu = 0; cpu < values.Length; cpu++)
                MemoryMarshal.Write(bytes[(cpu * stride)..], in values[cpu]);
            Map.Update(MapBytes.Of(in key), bytes, flags);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Removes the element under <paramref name="key"/>; false when there is none.</summary>
    /// <exception cref="BpfException">The kernel refused (EINVAL for arrays, whose elements cannot be removed).</exception>
    public bool TryDelete(TKey key) => Map.TryDelete(MapBytes.Of(in key));

    /// <summary>Removes the element under <paramref name="key"/>.</summary>
    /// <exception cref="BpfException">No element has the key (ENOENT), or the kernel refused (EINVAL for arrays).</exception>
    public void Delete(TKey key) => Map.Delete(MapBytes.Of(in key));

    /// <summary>The keys, walked with <c>BPF_MAP_GET_NEXT_KEY</c> (see <see cref="Sharp.Bpf.Map.Keys"/> for concurrent changes).</summary>
    /// <exception cref="BpfException">The kernel refused.</exception>
    public IEnumerable<TKey> Keys => MapBytes.Keys<TKey>(Map);

    void CheckCount(int count, string parameter)
    {
        if (count != CpuCount)
            throw new ArgumentException($"{Map} holds one value per possible CPU: {CpuCount} values, got {count}", parameter);
    }
}
