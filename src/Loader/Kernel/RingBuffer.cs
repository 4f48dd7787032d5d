using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharp.Bpf.Elf;

namespace Sharp.Bpf.Kernel;

/// <summary>A ring buffer (<c>BPF_MAP_TYPE_RINGBUF</c>, Linux 5.8) of <typeparamref name="T"/> records, shared by all CPUs
/// and read by user space in order. Managed: a byte-accounted queue with the kernel's space rules — each record costs an
/// 8-byte header plus its size rounded up to 8, reserved space counts until the reader passes it, and a record becomes
/// readable only when it and every record reserved before it are committed. Tests drain it with <see cref="Drain"/>.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class RingBuffer<T> : MapDeclaration where T : unmanaged
{
    const int HeaderBytes = 8;
    const int MinimumBytes = 4096;
    readonly LinkedList<RingBufferRecord<T>> _records = new();
    long _usedBytes;

    /// <summary>Declares the ring buffer.</summary>
    /// <param name="sizeBytes">The data area's size: a power of two and a multiple of the 4096-byte page.</param>
    /// <param name="pinning">How the loader pins the map.</param>
    /// <exception cref="ArgumentException"><paramref name="sizeBytes"/> is not a power of two of at least 4096.</exception>
    public RingBuffer(uint sizeBytes, MapPinning pinning = MapPinning.None)
        : base(MapType.RingBuffer, sizeBytes, MapFlags.None, pinning)
    {
        if (sizeBytes < MinimumBytes || !BitOperations.IsPow2(sizeBytes)) throw new ArgumentException("A ring buffer's size must be a power of two of at least 4096 bytes.", nameof(sizeBytes));
    }

    static long RecordBytes => HeaderBytes + ((Unsafe.SizeOf<T>() + 7) & ~7);

    /// <summary>Copies <paramref name="record"/> into the ring buffer.</summary>
    /// <returns>False when there is no room; nothing is written then.</returns>
    /// <remarks><c>bpf_ringbuf_output</c> (helper 130) with the record on the stack; true when r0 == 0.</remarks>
    [BpfHelper(BpfHelperId.RingbufOutput)]
    public bool TryOutput(in T record, RingBufferWakeup wakeup = RingBufferWakeup.Default)
    {
        var reservation = Reserve();
        if (reservation.IsNull) return false;
        reservation.Value = record;
        reservation.Submit(wakeup);
        return true;
    }

    /// <summary>Reserves room for one record, to be filled in place and then submitted or discarded — on every path, or
    /// the verifier rejects the program. Reserved memory is not zeroed in the kernel; managed, it is filled with 0xAA so a
    /// test notices fields left unwritten.</summary>
    /// <returns>A null reservation when there is no room.</returns>
    /// <remarks><c>bpf_ringbuf_reserve</c> (helper 131) with a constant size; r0 is the nullable record pointer.</remarks>
    [BpfHelper(BpfHelperId.RingbufReserve)]
    public RingBufferReservation<T> Reserve()
    {
        if (_usedBytes + RecordBytes > MaxEntries) return default;
        var record = new RingBufferRecord<T>();
        MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref record.Value, 1)).Fill(0xAA);
        _records.AddLast(record);
        _usedBytes += RecordBytes;
        return new RingBufferReservation<T>(record);
    }

    /// <summary>How many committed records wait to be read.</summary>
    [ManagedOnly]
    public int Count => _records.TakeWhile(r => r.State != RingBufferRecordState.Reserved).Count(r => r.State == RingBufferRecordState.Submitted);

    /// <summary>How many reservations are neither submitted nor discarded; 0 after every program run, or the program leaks
    /// one (the verifier rejects such code).</summary>
    [ManagedOnly]
    public int OutstandingReservations => _records.Count(r => r.State == RingBufferRecordState.Reserved);

    /// <summary>Bytes held by records the reader has not passed yet, headers included.</summary>
    [ManagedOnly]
    public long UsedBytes => _usedBytes;

    /// <summary>Reads the next committed record, as the user-space reader would.</summary>
    /// <returns>False when no committed record is readable.</returns>
    [ManagedOnly]
    public bool TryRead(out T record)
    {
        while (_records.First is { } first && first.Value.State != RingBufferRecordState.Reserved)
        {
            _records.RemoveFirst();
            _usedBytes -= RecordBytes;
            if (first.Value.State == RingBufferRecordState.Submitted)
            {
                record = first.Value.Value;
                return true;
            }
        }
        record = default;
        return false;
    }

    /// <summary>Reads every readable record.</summary>
    [ManagedOnly]
    public IReadOnlyList<T> Drain()
    {
        var drained = new List<T>();
        while (TryRead(out var record)) drained.Add(record);
        return drained;
    }

    /// <inheritdoc/>
    [ManagedOnly]
    public override void Clear()
    {
        _records.Clear();
        _usedBytes = 0;
    }
}
