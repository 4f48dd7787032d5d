namespace Sharp.Bpf.Kernel;

/// <summary>Room reserved in a <see cref="RingBuffer{T}"/>: check <see cref="IsNull"/>, fill <see cref="Value"/> in place,
/// then <see cref="Submit"/> or <see cref="Discard"/> exactly once on every path.</summary>
/// <remarks>Compiles to the register holding <c>bpf_ringbuf_reserve</c>'s result (<c>PTR_TO_MEM_OR_NULL</c> with a
/// reference the verifier tracks until it is released).</remarks>
/// <typeparam name="T">The record type.</typeparam>
public readonly ref struct RingBufferReservation<T> where T : unmanaged
{
    readonly RingBufferRecord<T>? _record;

    internal RingBufferReservation(RingBufferRecord<T> record) => _record = record;

    /// <summary>True when the ring buffer had no room (<c>r0 == 0</c>).</summary>
    public bool IsNull => _record is null;

    /// <summary>True when room was reserved (<c>r0 != 0</c>).</summary>
    public bool HasValue => _record is not null;

    /// <summary>The reserved record, written in place (stores through the reservation pointer).</summary>
    /// <exception cref="NullReferenceException">The reservation is null — code the verifier would reject.</exception>
    /// <exception cref="InvalidOperationException">The reservation was already submitted or discarded.</exception>
    public ref T Value => ref Reserved().Value;

    /// <summary>Commits the record, making it readable once the records reserved before it are committed.</summary>
    /// <remarks><c>bpf_ringbuf_submit</c> (helper 132).</remarks>
    [BpfHelper(BpfHelperId.RingbufSubmit)]
    public void Submit(RingBufferWakeup wakeup = RingBufferWakeup.Default) => Reserved().State = RingBufferRecordState.Submitted;

    /// <summary>Drops the record; the reader skips it.</summary>
    /// <remarks><c>bpf_ringbuf_discard</c> (helper 133).</remarks>
    [BpfHelper(BpfHelperId.RingbufDiscard)]
    public void Discard(RingBufferWakeup wakeup = RingBufferWakeup.Default) => Reserved().State = RingBufferRecordState.Discarded;

    RingBufferRecord<T> Reserved()
    {
        if (_record is null) throw new NullReferenceException("Used a null ring buffer reservation without checking IsNull; the verifier rejects this.");
        if (_record.State != RingBufferRecordState.Reserved) throw new InvalidOperationException("The reservation was already submitted or discarded; the verifier rejects a second release.");
        return _record;
    }
}
