using Microsoft.Win32.SafeHandles;
using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Perf;

/// <summary>One CPU's <c>PERF_COUNT_SW_BPF_OUTPUT</c> event and its mapped ring: the <c>perf_event_mmap_page</c> control page
/// followed by 2^n data pages. The mapping is writable, which tells the kernel the reader advances <c>data_tail</c> and
/// unread records must not be overwritten.</summary>
internal sealed unsafe class PerfRing : IDisposable
{
    const uint RecordLost = 2;
    const uint RecordSample = 9;
    /// <summary>perf_event_header: u32 type, u16 misc, u16 size.</summary>
    const int HeaderSize = 8;
    /// <summary>Offsets in perf_event_mmap_page.</summary>
    const int DataHeadOffset = 1024, DataTailOffset = 1032, DataOffsetOffset = 1040, DataSizeOffset = 1048;
    /// <summary>PERF_EVENT_IOC_ENABLE = _IO('$', 0).</summary>
    const ulong PerfEventIocEnable = 0x2400;
    const ulong PerfFlagFdCloexec = 8;
    const int RecordsPerDrainLimit = 1 << 20;
    /// <summary>The most bytes a drain consumes before it publishes <c>data_tail</c> (or an eighth of a smaller ring).</summary>
    const ulong LargestPublishInterval = 16 << 10;

    readonly SafeFileHandle perfEvent;
    readonly MemoryMapping mapping;
    readonly ulong* dataHead;
    readonly ulong* dataTail;
    readonly byte* data;
    readonly ulong size;
    readonly ulong mask;
    readonly ulong publishInterval;
    ulong consumed;
    long lostRecords;

    PerfRing(int cpu, SafeFileHandle perfEvent, MemoryMapping mapping)
    {
        Cpu = cpu;
        this.perfEvent = perfEvent;
        this.mapping = mapping;
        byte* page = (byte*)mapping.DangerousGetHandle();
        dataHead = (ulong*)(page + DataHeadOffset);
        dataTail = (ulong*)(page + DataTailOffset);
        ulong dataOffset = *(ulong*)(page + DataOffsetOffset);
        size = *(ulong*)(page + DataSizeOffset);
        // Before Linux 4.1 the page does not say where data starts: right after the control page.
        if (size == 0)
        {
            dataOffset = (ulong)Memory.PageSize;
            size = (ulong)mapping.Length - dataOffset;
        }
        data = page + dataOffset;
        mask = size - 1;
        publishInterval = Math.Min(LargestPublishInterval, size / 8);
        consumed = Volatile.Read(ref *dataTail);
    }

    /// <summary>The CPU this ring belongs to, and the key of its slot in the perf event array.</summary>
    public int Cpu { get; }

    /// <summary>The perf event's descriptor, for the map slot and the epoll.</summary>
    public int Fd => (int)perfEvent.DangerousGetHandle();

    /// <summary>Records the kernel dropped because this ring was full, as reported by PERF_RECORD_LOST. Readable from any thread.</summary>
    public long LostRecords => Interlocked.Read(ref lostRecords);

    /// <summary>Opens the CPU's event and maps its ring; the event starts disabled.</summary>
    /// <returns>The ring, or null when the CPU is offline (ENODEV).</returns>
    /// <exception cref="BpfException">perf_event_open or mmap failed.</exception>
    public static PerfRing? TryOpen(int cpu, PerfBufferOptions options)
    {
        var attr = new PerfEventAttr
        {
            Type = PerfEventAttr.TypeSoftware,
            Config = PerfEventAttr.SoftwareBpfOutput,
            SamplePeriod = 1,
            SampleType = PerfEventAttr.SampleRaw,
            Flags = PerfEventFlags.Disabled | (options.WakeupWatermarkBytes != 0 ? PerfEventFlags.Watermark : PerfEventFlags.None),
            WakeupEvents = options.WakeupWatermarkBytes != 0 ? options.WakeupWatermarkBytes : options.WakeupEvents,
        };
        int fd;
        try
        {
            fd = Syscall.PerfEventOpen(ref attr, pid: -1, cpu, groupFd: -1, PerfFlagFdCloexec);
        }
        catch (BpfException error) when (error.Errno == Errno.ENODEV)
        {
            return null;
        }
        var perfEvent = new SafeFileHandle(fd, ownsHandle: true);
        nuint length = (nuint)Memory.PageSize * (nuint)(1 + options.PagesPerCpu);
        if (!Memory.TryMap(fd, length, writable: true, offset: 0, out var mapping, out int errno))
        {
            perfEvent.Dispose();
            throw new BpfException($"mmap of the perf ring of CPU {cpu}", errno);
        }
        return new PerfRing(cpu, perfEvent, mapping!);
    }

    /// <summary>Starts the event (PERF_EVENT_IOC_ENABLE); until then the kernel drops this CPU's output.</summary>
    /// <exception cref="BpfException">The ioctl failed.</exception>
    public void Enable() => Syscall.Ioctl(Fd, PerfEventIocEnable, 0, $"PERF_EVENT_IOC_ENABLE on the perf event of CPU {Cpu}");

    /// <summary>Delivers the raw data of every PERF_RECORD_SAMPLE up to <c>data_head</c>, counts PERF_RECORD_LOST, and publishes
    /// <c>data_tail</c> at the end of each pass and every 16 KiB within one (so a full ring gets space back while a long batch
    /// is worked through, yet the cache line moves once per many small records rather than per record as in libbpf). A record
    /// that wraps the ring's end is copied into <paramref name="wrapBuffer"/> (pinned, 64 KiB: the largest record) first; all
    /// others are delivered in place.</summary>
    /// <returns>The number of samples delivered.</returns>
    public int Drain<TSink>(ref TSink sink, byte* wrapBuffer) where TSink : struct, IRecordSink
    {
        ulong position = consumed;
        int delivered = 0;
        try
        {
            while (delivered < RecordsPerDrainLimit)
            {
                ulong head = Volatile.Read(ref *dataHead);
                if (position == head) break;
                while (position < head)
                {
                    ulong offset = position & mask;
                    byte* record = data + offset;
                    uint type = *(uint*)record;
                    int recordSize = *(ushort*)(record + 6);
                    if (offset + (ulong)recordSize > size) record = Unwrap(record, offset, recordSize, wrapBuffer);
                    position += (ulong)recordSize;
                    if (type == RecordSample)
                    {
                        uint rawSize = *(uint*)(record + HeaderSize);
                        sink.Accept(new ReadOnlySpan<byte>(record + HeaderSize + sizeof(uint), (int)rawSize));
                        delivered++;
                    }
                    else if (type == RecordLost)
                    {
                        // perf_event_header, u64 id, u64 lost.
                        Interlocked.Add(ref lostRecords, (long)*(ulong*)(record + HeaderSize + sizeof(ulong)));
                    }
                    if (position - consumed >= publishInterval)
                    {
                        Volatile.Write(ref *dataTail, position);
                        consumed = position;
                    }
                }
                Volatile.Write(ref *dataTail, position);
                consumed = position;
            }
            return delivered;
        }
        finally
        {
            if (consumed != position)
            {
                Volatile.Write(ref *dataTail, position);
                consumed = position;
            }
        }
    }

    byte* Unwrap(byte* record, ulong offset, int recordSize, byte* wrapBuffer)
    {
        int firstPart = (int)(size - offset);
        new ReadOnlySpan<byte>(record, firstPart).CopyTo(new Span<byte>(wrapBuffer, firstPart));
        new ReadOnlySpan<byte>(data, recordSize - firstPart).CopyTo(new Span<byte>(wrapBuffer + firstPart, recordSize - firstPart));
        return wrapBuffer;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        mapping.Dispose();
        perfEvent.Dispose();
    }
}
