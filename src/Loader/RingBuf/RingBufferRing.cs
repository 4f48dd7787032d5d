using Sharp.Bpf.Interop;

namespace Sharp.Bpf.RingBuf;

/// <summary>One ring buffer map mapped for reading: the consumer page read-write, and read-only the producer page followed
/// by the data area, which the kernel maps twice in a row so that a record wrapping the end is contiguous in memory.</summary>
internal sealed unsafe class RingBufferRing : IDisposable
{
    /// <summary>Set in a record's length word while the producer has reserved but not yet submitted or discarded it.</summary>
    const uint BusyBit = 0x8000_0000;
    /// <summary>Set in a record's length word when the producer discarded it: skip it, but consume its space.</summary>
    const uint DiscardBit = 0x4000_0000;
    /// <summary>The record header: the length word and the page offset the kernel uses to find the ring from a record.</summary>
    const int HeaderSize = 8;
    /// <summary>Bounds one drain so that a producer that never pauses cannot keep a poll from returning.</summary>
    const int RecordsPerDrainLimit = 1 << 20;
    /// <summary>The most bytes a drain consumes before it publishes its position (or an eighth of a smaller ring).</summary>
    const ulong LargestPublishInterval = 16 << 10;

    readonly MemoryMapping consumerPage;
    readonly MemoryMapping producerPageAndData;
    readonly ulong* consumerPosition;
    readonly ulong* producerPosition;
    readonly byte* data;
    readonly ulong mask;
    readonly ulong publishInterval;
    ulong consumed;

    RingBufferRing(MemoryMapping consumerPage, MemoryMapping producerPageAndData, uint size)
    {
        this.consumerPage = consumerPage;
        this.producerPageAndData = producerPageAndData;
        consumerPosition = (ulong*)consumerPage.DangerousGetHandle();
        producerPosition = (ulong*)producerPageAndData.DangerousGetHandle();
        data = (byte*)producerPosition + Memory.PageSize;
        mask = size - 1;
        publishInterval = Math.Min(LargestPublishInterval, size / 8);
        consumed = Volatile.Read(ref *consumerPosition);
    }

    /// <summary>Maps <paramref name="map"/>'s pages.</summary>
    /// <exception cref="ObjectDisposedException">The map was disposed.</exception>
    /// <exception cref="BpfException">mmap failed.</exception>
    public static RingBufferRing Open(RingBufferMap map)
    {
        using var fd = new SafeBpfFdLease(map.Map.Handle);
        int pageSize = Memory.PageSize;
        if (!Memory.TryMap((int)fd.Fd, (nuint)pageSize, writable: true, offset: 0, out var consumerPage, out int errno))
            throw new BpfException($"mmap of ring buffer '{map.Map.Name}' consumer page", errno);
        if (!Memory.TryMap((int)fd.Fd, (nuint)pageSize + 2 * (nuint)map.Size, writable: false, offset: pageSize, out var producerPageAndData, out errno))
        {
            consumerPage!.Dispose();
            throw new BpfException($"mmap of ring buffer '{map.Map.Name}' producer page and data", errno);
        }
        return new RingBufferRing(consumerPage!, producerPageAndData!, map.Size);
    }

    /// <summary>Delivers every submitted record up to the first one still being written, skipping discarded ones, and
    /// publishes the consumer position at the end of each pass over what the producer had published and every 16 KiB within
    /// a pass — not per record as libbpf does, so the cache line holding it moves between CPUs once per many small records,
    /// while a producer facing a full ring still gets space back as a long batch is worked through.</summary>
    /// <returns>The number of records delivered.</returns>
    public int Drain<TSink>(ref TSink sink) where TSink : struct, IRecordSink
    {
        ulong position = consumed;
        int delivered = 0;
        try
        {
            while (delivered < RecordsPerDrainLimit)
            {
                ulong published = Volatile.Read(ref *producerPosition);
                if (position == published) break;
                while (position < published)
                {
                    byte* header = data + (position & mask);
                    uint lengthWord = Volatile.Read(ref *(uint*)header);
                    if ((lengthWord & BusyBit) != 0) return delivered;
                    int length = (int)(lengthWord & ~(BusyBit | DiscardBit));
                    position += (ulong)((length + HeaderSize + 7) & ~7);
                    if ((lengthWord & DiscardBit) == 0)
                    {
                        sink.Accept(new ReadOnlySpan<byte>(header + HeaderSize, length));
                        delivered++;
                    }
                    if (position - consumed >= publishInterval)
                    {
                        Volatile.Write(ref *consumerPosition, position);
                        consumed = position;
                    }
                }
                Volatile.Write(ref *consumerPosition, position);
                consumed = position;
            }
            return delivered;
        }
        finally
        {
            // Also reached when a record is busy or a handler throws: hand back what was delivered so far.
            if (consumed != position)
            {
                Volatile.Write(ref *consumerPosition, position);
                consumed = position;
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        producerPageAndData.Dispose();
        consumerPage.Dispose();
    }
}
