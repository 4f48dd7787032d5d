using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A per-CPU array map (<c>BPF_MAP_TYPE_PERCPU_ARRAY</c>, Linux 4.6): each of the zero-initialised elements holds one
/// value per CPU, and kernel code sees the value of the CPU it runs on — the usual home of lock-free counters and of scratch
/// space larger than the 512-byte stack. Managed: the CPU is <see cref="BpfRuntime.Cpu"/>.</summary>
/// <typeparam name="T">The per-CPU value type.</typeparam>
public sealed class PerCpuArrayMap<T> : MapDeclaration where T : unmanaged
{
    readonly Dictionary<uint, T[]> _perCpu = [];

    /// <summary>Declares the map.</summary>
    /// <param name="maxEntries">The number of elements.</param>
    /// <param name="flags">Creation flags.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public PerCpuArrayMap(uint maxEntries, MapFlags flags = MapFlags.None, MapPinning pinning = MapPinning.None)
        : base(MapType.PerCpuArray, maxEntries, flags, pinning)
    {
    }

    /// <summary>Finds this CPU's element <paramref name="index"/>, to read or update in place.</summary>
    /// <returns>Null when <paramref name="index"/> ≥ <see cref="MapDeclaration.MaxEntries"/>.</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1; inlined by the verifier), then the mandatory null check.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public NullableRef<T> Lookup(uint index) =>
        index < MaxEntries ? new NullableRef<T>(ref Values(BpfRuntime.Current.Cpu)[index]) : NullableRef<T>.Null;

    /// <summary>Copies this CPU's element <paramref name="index"/>.</summary>
    /// <returns>False when the index is out of range.</returns>
    /// <remarks><c>bpf_map_lookup_elem</c> (helper 1), a null check and a copy.</remarks>
    [BpfHelper(BpfHelperId.MapLookupElem)]
    public bool TryGetValue(uint index, out T value)
    {
        value = index < MaxEntries ? Values(BpfRuntime.Current.Cpu)[index] : default;
        return index < MaxEntries;
    }

    /// <summary>Replaces this CPU's element <paramref name="index"/>.</summary>
    /// <returns>0, -E2BIG when the index is out of range, -EEXIST with <see cref="UpdateFlags.NoExist"/>.</returns>
    /// <remarks><c>bpf_map_update_elem</c> (helper 2).</remarks>
    [BpfHelper(BpfHelperId.MapUpdateElem)]
    public long Update(uint index, in T value, UpdateFlags flags = UpdateFlags.Any)
    {
        if (index >= MaxEntries) return Errno.TooBig;
        if ((flags & UpdateFlags.NoExist) != 0) return Errno.Exists;
        Values(BpfRuntime.Current.Cpu)[index] = value;
        return 0;
    }

    /// <summary>Copies CPU <paramref name="cpu"/>'s element <paramref name="index"/>.</summary>
    [ManagedOnly]
    public T ValueOnCpu(uint index, uint cpu) => index < MaxEntries ? Values(cpu)[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _perCpu.Clear();

    T[] Values(uint cpu)
    {
        if (!_perCpu.TryGetValue(cpu, out var values)) _perCpu.Add(cpu, values = new T[MaxEntries]);
        return values;
    }
}
