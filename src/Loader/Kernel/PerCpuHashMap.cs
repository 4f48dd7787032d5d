using System.Runtime.CompilerServices;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A per-CPU hash map (<c>BPF_MAP_TYPE_PERCPU_HASH</c>, Linux 4.6): each element holds one value per CPU, and kernel
/// code sees the value of the CPU it runs on, so counters need no atomics. Managed: the CPU is
/// <see cref="BpfRuntime.Cpu"/>; an element inserted from kernel code holds zero on the other CPUs.</summary>
/// <typeparam name="TKey">The key type; keys compare by bytes, so it should have no padding.</typeparam>
/// <typeparam name="TValue">The per-CPU value type.</typeparam>
public sealed class PerCpuHashMap<TKey, TValue> : MapDeclaration where TKey : unmanaged where TValue : unmanaged
{
    readonly Dictionary<TKey, Dictionary<uint, StrongBox<TValue>>> _elements = new(BytewiseComparer<TKey>.Instance);

    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The most elements (keys) the map holds.</param>
    /// <param name="flags">Creation flags.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public PerCpuHashMap(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.PerCpuHash, maxEntries, flags, pinning)
    {
    }

    /// <summary>Finds this CPU's value stored under <paramref name="key"/>, to read or update in place.</summary>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), which returns the current CPU's copy.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public NullableRef<TValue> Lookup(in TKey key) =>
        _elements.TryGetValue(key, out var perCpu) ? new NullableRef<TValue>(ref Slot(perCpu, BpfRuntime.Current.Cpu).Value) : NullableRef<TValue>.Null;

    /// <summary>Copies this CPU's value stored under <paramref name="key"/>.</summary>
    /// <returns>False when the key is absent.</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), a null check and a copy.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public bool TryGetValue(in TKey key, out TValue value)
    {
        var found = _elements.TryGetValue(key, out var perCpu);
        value = found ? Slot(perCpu!, BpfRuntime.Current.Cpu).Value : default;
        return found;
    }

    /// <summary>Stores <paramref name="value"/> as this CPU's value under <paramref name="key"/>.</summary>
    /// <returns>0, -EEXIST, -ENOENT or -E2BIG as for <see cref="KeyValueMapDeclaration{TKey, TValue}.Update"/>.</returns>
    /// <remarks><c>bpf_map_update_elem</c> (helper 2).</remarks>
    [BpfHelper(BpfHelperId.MapUpdateElem)]
    public long Update(in TKey key, in TValue value, UpdateFlags flags = UpdateFlags.Any)
    {
        var exists = _elements.TryGetValue(key, out var perCpu);
        if (exists && (flags & UpdateFlags.NoExist) != 0) return Errno.Exists;
        if (!exists && (flags & UpdateFlags.Exist) != 0) return Errno.NoEntry;
        if (!exists)
        {
            if (_elements.Count >= MaxEntries) return Errno.TooBig;
            _elements.Add(key, perCpu = []);
        }
        Slot(perCpu!, BpfRuntime.Current.Cpu).Value = value;
        return 0;
    }

    /// <summary>Removes the element (all CPUs' values) stored under <paramref name="key"/>.</summary>
    /// <returns>0, or -ENOENT when the key is absent.</returns>
    /// <remarks><c>bpf_map_delete_elem</c> (helper 3).</remarks>
    [BpfHelper(BpfHelperId.MapDeleteElem)]
    public long Delete(in TKey key) => _elements.Remove(key) ? 0 : Errno.NoEntry;

    /// <summary>Copies the value CPU <paramref name="cpu"/> holds under <paramref name="key"/>.</summary>
    /// <returns>False when the key is absent.</returns>
    [ManagedOnly]
    public bool TryGetValueOnCpu(in TKey key, uint cpu, out TValue value)
    {
        var found = _elements.TryGetValue(key, out var perCpu);
        value = found && perCpu!.TryGetValue(cpu, out var box) ? box.Value : default;
        return found;
    }

    /// <summary>How many elements (keys) the managed map holds.</summary>
    [ManagedOnly]
    public int Count => _elements.Count;

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _elements.Clear();

    static StrongBox<TValue> Slot(Dictionary<uint, StrongBox<TValue>> perCpu, uint cpu)
    {
        if (!perCpu.TryGetValue(cpu, out var box)) perCpu.Add(cpu, box = new StrongBox<TValue>());
        return box;
    }
}
