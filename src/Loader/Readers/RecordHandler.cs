namespace Sharp.Bpf;

/// <summary>Receives one record from an <see cref="EventReader"/>, in place in the kernel's buffer.</summary>
/// <param name="record">The record's bytes. The span is valid only during the call: the reader hands the space back to the
/// kernel afterwards, so copy what must outlive it.</param>
public delegate void RecordHandler(ReadOnlySpan<byte> record);
