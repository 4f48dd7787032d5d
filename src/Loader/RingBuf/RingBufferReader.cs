using Sharp.Bpf.Interop;

namespace Sharp.Bpf.RingBuf;

/// <summary>Reads records that BPF programs submit to one or more ring buffer maps (<c>BPF_MAP_TYPE_RINGBUF</c>, Linux 5.8),
/// in place: each record is handed over as a span into the shared mapping, then its space is returned to the kernel.
/// One epoll watches all rings.</summary>
/// <remarks>
/// <para>Wake-ups, not copies, dominate the cost of a ring buffer. They are the producer's choice: by default the kernel wakes
/// the reader when a record is submitted into a ring the reader had fully consumed; <c>BPF_RB_NO_WAKEUP</c> (1) on
/// <c>bpf_ringbuf_submit</c>/<c>bpf_ringbuf_output</c> suppresses it, <c>BPF_RB_FORCE_WAKEUP</c> (2) forces it. Sampling
/// (force a wake-up when <c>bpf_ringbuf_query(&amp;rb, BPF_RB_AVAIL_DATA)</c> exceeds a threshold, else no wake-up) gives
/// the highest throughput; a poll that times out reads the rings anyway, so the last records arrive within one timeout.</para>
/// <para>Records from different rings are interleaved in poll order; within a ring they arrive in submission order.
/// Thread-safety is described on <see cref="EventReader"/>: one consuming thread; cancel and dispose from any thread.</para>
/// </remarks>
public sealed class RingBufferReader : EventReader
{
    readonly List<RingBufferRing> rings = [];

    /// <summary>Maps <paramref name="maps"/> and watches them. The maps may be disposed afterwards: the mappings keep the
    /// kernel objects alive until the reader is disposed.</summary>
    /// <remarks>Minimum kernel: Linux 5.8.</remarks>
    /// <param name="maps">The ring buffer maps to read; at least one.</param>
    /// <exception cref="ArgumentException"><paramref name="maps"/> is empty.</exception>
    /// <exception cref="ObjectDisposedException">A map was disposed.</exception>
    /// <exception cref="BpfException">mmap or epoll registration failed.</exception>
    public RingBufferReader(params IEnumerable<RingBufferMap> maps)
    {
        ArgumentNullException.ThrowIfNull(maps);
        try
        {
            foreach (var map in maps)
            {
                ArgumentNullException.ThrowIfNull(map, nameof(maps));
                rings.Add(RingBufferRing.Open(map));
                using var fd = new SafeBpfFdLease(map.Map.Handle);
                Watch((int)fd.Fd, rings.Count - 1, $"ring buffer '{map.Map.Name}'");
            }
            if (rings.Count == 0) throw new ArgumentException("a ring buffer reader needs at least one ring buffer map", nameof(maps));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The number of ring buffers this reader watches.</summary>
    public int RingCount => rings.Count;

    private protected override int WatchedRings => rings.Count;

    private protected override int Drain<TSink>(int ringIndex, ref TSink sink) => rings[ringIndex].Drain(ref sink);

    private protected override void ReleaseRings()
    {
        foreach (var ring in rings) ring.Dispose();
    }
}
