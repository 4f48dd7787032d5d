using System.Runtime.InteropServices;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Perf;

/// <summary>Reads what BPF programs send with <c>bpf_perf_event_output</c> to a perf event array
/// (<c>BPF_MAP_TYPE_PERF_EVENT_ARRAY</c>, Linux 4.3): one <c>PERF_COUNT_SW_BPF_OUTPUT</c> event with a mapped ring per CPU,
/// each stored in the map at its CPU's index, all watched by one epoll. Records are handed over in place as spans, except
/// one that wraps a ring's end, which is first copied into a reusable buffer.</summary>
/// <remarks>
/// <para>A delivered record is the sample's raw data as the kernel stores it: the program's bytes followed by up to 7 bytes
/// of padding (the kernel rounds the 4-byte size plus the data up to 8 bytes). Records of one CPU arrive in order; records
/// of different CPUs are not ordered with respect to each other.</para>
/// <para>The kernel wakes the reader after <see cref="PerfBufferOptions.WakeupEvents"/> records or
/// <see cref="PerfBufferOptions.WakeupWatermarkBytes"/> bytes per CPU. Records a full ring could not take are counted in
/// <see cref="LostRecords"/> once the kernel reports them. Disposing the reader clears the map slots it filled.
/// Thread-safety is described on <see cref="EventReader"/>: one consuming thread; cancel, dispose and the lost counts from any
/// thread.</para>
/// </remarks>
public sealed unsafe class PerfBufferReader : EventReader
{
    /// <summary>perf_event_header.size is 16 bits, so no record is larger.</summary>
    const int LargestRecord = ushort.MaxValue + 1;

    readonly List<PerfRing> rings = [];
    readonly PerfRing?[] ringByCpu;
    readonly SafeBpfFd map;
    readonly byte* wrapBuffer;
    bool mapReferenced;

    /// <summary>Opens one perf event per possible CPU (skipping offline ones), maps its ring, enables it and stores it in
    /// <paramref name="map"/> at the CPU's index. The map may be disposed afterwards; the reader keeps its descriptor.</summary>
    /// <remarks>Minimum kernel: Linux 4.3 (perf event array and BPF output events); a watermark needs no more.</remarks>
    /// <param name="map">The perf event array the program outputs to; it needs a slot per possible CPU.</param>
    /// <param name="options">Ring size and wake-up policy; null for 64 pages per CPU and a wake-up per record.</param>
    /// <exception cref="ArgumentNullException"><paramref name="map"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="PerfBufferOptions.PagesPerCpu"/> is not a positive power of two,
    /// or the watermark does not fit in a ring.</exception>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    /// <exception cref="BpfException">perf_event_open, mmap, the enable ioctl, the map update or epoll registration failed.</exception>
    public PerfBufferReader(PerfEventArrayMap map, PerfBufferOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(map);
        options ??= new PerfBufferOptions();
        int cpus = Math.Min(PossibleCpus.Value, (int)map.Length);
        ringByCpu = new PerfRing?[cpus];
        this.map = map.Map.Handle;
        wrapBuffer = (byte*)NativeMemory.Alloc(LargestRecord);
        try
        {
            Validate(options);
            this.map.DangerousAddRef(ref mapReferenced);
            for (int cpu = 0; cpu < cpus; cpu++)
            {
                if (PerfRing.TryOpen(cpu, options) is not { } ring) continue;
                rings.Add(ring);
                ringByCpu[cpu] = ring;
                ring.Enable();
                StoreInMap(ring);
                Watch(ring.Fd, rings.Count - 1, $"the perf event of CPU {cpu}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The number of CPUs with a ring (the online CPUs among the map's slots).</summary>
    public int RingCount => rings.Count;

    /// <summary>Records the kernel dropped on all CPUs because a ring was full, as reported so far. The kernel reports a loss
    /// in the ring once it has room again, so a loss shows up after the reader has drained the records before it.</summary>
    public long LostRecords
    {
        get
        {
            long total = 0;
            foreach (var ring in rings) total += ring.LostRecords;
            return total;
        }
    }

    /// <summary>Records dropped on <paramref name="cpu"/> because its ring was full, as reported so far; 0 for a CPU without a ring.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cpu"/> is negative.</exception>
    public long GetLostRecords(int cpu)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cpu);
        return cpu < ringByCpu.Length && ringByCpu[cpu] is { } ring ? ring.LostRecords : 0;
    }

    private protected override int WatchedRings => rings.Count;

    private protected override int Drain<TSink>(int ringIndex, ref TSink sink) => rings[ringIndex].Drain(ref sink, wrapBuffer);

    private protected override void ReleaseRings()
    {
        foreach (var ring in rings)
        {
            if (mapReferenced) ClearFromMap(ring);
            ring.Dispose();
        }
        if (mapReferenced) map.DangerousRelease();
        NativeMemory.Free(wrapBuffer);
    }

    static void Validate(PerfBufferOptions options)
    {
        if (options.PagesPerCpu <= 0 || !int.IsPow2(options.PagesPerCpu))
            throw new ArgumentOutOfRangeException(nameof(options), options.PagesPerCpu, "PagesPerCpu must be a positive power of two");
        if (options.WakeupWatermarkBytes >= (ulong)options.PagesPerCpu * (ulong)Memory.PageSize)
            throw new ArgumentOutOfRangeException(nameof(options), options.WakeupWatermarkBytes, "WakeupWatermarkBytes must be smaller than a ring (PagesPerCpu pages)");
    }

    void StoreInMap(PerfRing ring)
    {
        uint key = (uint)ring.Cpu;
        uint value = (uint)ring.Fd;
        var attr = new MapElementAttr { MapFd = (uint)map.Fd, Key = (ulong)&key, Value = (ulong)&value };
        Syscall.Bpf(BpfCommand.MapUpdateElement, ref attr);
    }

    void ClearFromMap(PerfRing ring)
    {
        uint key = (uint)ring.Cpu;
        var attr = new MapElementAttr { MapFd = (uint)map.Fd, Key = (ulong)&key };
        // Best effort: a failure here must not keep the rest of the reader from being released.
        Syscall.TryBpf(BpfCommand.MapDeleteElement, ref attr, out _, out _);
    }
}
