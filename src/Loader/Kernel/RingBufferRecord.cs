namespace Sharp.Bpf.Kernel;

/// <summary>The state of a managed ring buffer record, as its header's busy and discard bits say.</summary>
internal enum RingBufferRecordState
{
    Reserved,
    Submitted,
    Discarded,
}

/// <summary>One managed ring buffer record: its storage, which a reservation references, and its state.</summary>
internal sealed class RingBufferRecord<T> where T : unmanaged
{
    public T Value;
    public RingBufferRecordState State;
}
