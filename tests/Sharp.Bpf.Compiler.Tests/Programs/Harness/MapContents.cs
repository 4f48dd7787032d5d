using System.Runtime.InteropServices;
using Kernel = Sharp.Bpf.Kernel;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>Map contents in one comparable form for both worlds: a sorted dictionary from the key's bytes to the value's
/// bytes, both as hex.</summary>
public static class MapContents
{
    /// <summary>The CPUs a managed per-CPU map is summed over; more than any test machine has.</summary>
    const uint ManagedCpus = 256;

    /// <summary>A managed hash-like map (hash, LRU hash, per-CPU hash on the current CPU).</summary>
    public static IReadOnlyDictionary<string, string> Of<TKey, TValue>(Kernel.KeyValueMapDeclaration<TKey, TValue> map)
        where TKey : unmanaged where TValue : unmanaged =>
        new SortedDictionary<string, string>(map.Entries.ToDictionary(e => Hex(e.Key), e => Hex(e.Value)), StringComparer.Ordinal);

    /// <summary>A managed array map: every index, as the kernel's iteration shows them.</summary>
    public static IReadOnlyDictionary<string, string> Of<T>(Kernel.ArrayMap<T> map) where T : unmanaged
    {
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (uint index = 0; index < map.MaxEntries; index++)
        {
            map.TryGetValue(index, out var value);
            contents[Hex(index)] = Hex(value);
        }
        return contents;
    }

    /// <summary>A managed per-CPU array of counters: each index's sum over the CPUs (which CPU a kernel test run uses is
    /// not the program's business).</summary>
    public static IReadOnlyDictionary<string, string> SumOverCpus(Kernel.PerCpuArrayMap<ulong> map)
    {
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (uint index = 0; index < map.MaxEntries; index++)
        {
            ulong sum = 0;
            for (uint cpu = 0; cpu < ManagedCpus; cpu++) sum += map.ValueOnCpu(index, cpu);
            contents[Hex(index)] = Hex(sum);
        }
        return contents;
    }

    /// <summary>A loaded kernel map that is not per-CPU: every key and its value.</summary>
    public static IReadOnlyDictionary<string, string> Of(Map map)
    {
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var value = new byte[map.ValueBufferSize];
        foreach (var key in map.Keys())
            if (map.TryLookup(key, value)) contents[Convert.ToHexString(key)] = Convert.ToHexString(value);
        return contents;
    }

    /// <summary>A loaded per-CPU map of 64-bit counters: each key's sum over the possible CPUs.</summary>
    public static IReadOnlyDictionary<string, string> SumOverCpus(Map map)
    {
        var contents = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var values = new byte[map.ValueBufferSize];
        foreach (var key in map.Keys())
        {
            if (!map.TryLookup(key, values)) continue;
            ulong sum = 0;
            foreach (var perCpu in MemoryMarshal.Cast<byte, ulong>(values)) sum += perCpu;
            contents[Convert.ToHexString(key)] = Hex(sum);
        }
        return contents;
    }

    static string Hex<T>(T value) where T : unmanaged => Convert.ToHexString(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
}
