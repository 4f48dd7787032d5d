using System.Runtime.InteropServices;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>The work each consumer does per record, the same as the libbpf callbacks in bench/native: count it and add its
/// sequence number to a checksum (so the record's memory is really read).</summary>
internal sealed class RecordCounter
{
    public RecordCounter() => Handler = Count;

    /// <summary>Created once, so polling allocates no delegate.</summary>
    public RecordHandler Handler { get; }

    public long Records { get; private set; }

    public ulong Checksum { get; private set; }

    void Count(ReadOnlySpan<byte> record)
    {
        Checksum += MemoryMarshal.Read<ulong>(record);
        Records++;
    }
}
