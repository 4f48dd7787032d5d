using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A perf event array (<c>BPF_MAP_TYPE_PERF_EVENT_ARRAY</c>, Linux 4.3) used as per-CPU output channels: each
/// CPU's records go to the perf ring buffer user space opened for that CPU. Prefer <see cref="RingBuffer{T}"/> on Linux 5.8
/// and later. Managed: records are kept with the CPU that wrote them.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class PerfEventArray<T> : MapDeclaration where T : unmanaged
{
    /// <summary><c>BPF_F_CURRENT_CPU</c>: write to the current CPU's buffer.</summary>
    public const ulong CurrentCpu = 0xFFFF_FFFF;

    readonly List<PerfEventRecord<T>> _records = [];

    /// <summary>Declares the array.</summary>
    /// <param name="maxEntries">The number of CPU slots; 0 lets the loader use the number of possible CPUs.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    public PerfEventArray(uint maxEntries = 0, MapPinning pinning = MapPinning.None)
        : base(MapType.PerfEventArray, maxEntries, MapFlags.None, pinning)
    {
    }

    /// <summary>Writes <paramref name="record"/> to a CPU's perf buffer.</summary>
    /// <param name="context">The program's context argument (the helper needs it).</param>
    /// <param name="record">The record.</param>
    /// <param name="cpu"><see cref="CurrentCpu"/>, or the index of the CPU slot to write to.</param>
    /// <returns>0, or a negative error (-E2BIG for a slot past <see cref="MapDeclaration.MaxEntries"/>).</returns>
    /// <remarks><c>bpf_perf_event_output(ctx, map, flags, data, size)</c> (helper 25, GPL only) with the record on the stack.</remarks>
    [BpfHelper(BpfHelperId.PerfEventOutput)]
    public long Output<TContext>(TContext context, in T record, ulong cpu = CurrentCpu)
    {
        var slot = cpu == CurrentCpu ? BpfRuntime.Current.Cpu : (uint)cpu;
        if (MaxEntries != 0 && slot >= MaxEntries) return Errno.TooBig;
        _records.Add(new PerfEventRecord<T>(slot, record));
        return 0;
    }

    /// <summary>Reads and removes every record written so far, in order.</summary>
    [ManagedOnly]
    public IReadOnlyList<PerfEventRecord<T>> Drain()
    {
        var drained = _records.ToArray();
        _records.Clear();
        return drained;
    }

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear() => _records.Clear();
}
