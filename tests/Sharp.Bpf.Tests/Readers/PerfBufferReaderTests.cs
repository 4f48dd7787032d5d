using System.Buffers.Binary;
using Sharp.Bpf.Perf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Readers;

/// <summary>PerfBufferReader delivers what BPF programs send with bpf_perf_event_output, counts what full rings lost,
/// and hands back records that wrap a ring's end intact.</summary>
public sealed class PerfBufferReaderTests
{
    static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(5);
    static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_output_record_arrives_in_order_with_its_content()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 64);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events));
        var received = new ProducedRecords(64);
        // Order holds within one CPU's ring only.
        using var pin = CurrentCpuPin.Acquire();

        producer.Run(repeat: 1000);
        int delivered = 0;
        while (delivered < 1000) delivered += reader.Poll(received.Add, PollTimeout, TestCancellation);

        Assert.Equal(1000, delivered);
        Assert.Equal(ProducedRecords.Range(0, 1000), received.Sequences);
        Assert.Equal(0, reader.LostRecords);
        Assert.Equal(PossibleCpuCount(), reader.RingCount);
    }

    [Fact]
    public void A_record_is_the_output_bytes_padded_to_eight_byte_alignment_of_size_and_data()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 64);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events));
        int length = 0;

        producer.Run(repeat: 1);
        reader.Poll(record => length = record.Length, PollTimeout, TestCancellation);

        Assert.Equal(68, length);
    }

    [Fact]
    public void Records_that_wrap_the_end_of_a_ring_arrive_intact()
    {
        Privileged.RequireRoot();
        // A 40-byte output takes 56 bytes in the ring (header, size, data, padding), which does not divide one 4 KiB page.
        using var producer = EventProducer.PerfEventArray(recordSize: 40);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { PagesPerCpu = 1 });
        var received = new ProducedRecords(40);
        using var pin = CurrentCpuPin.Acquire();

        for (int round = 0; round < 20; round++)
        {
            producer.Run(repeat: 50);
            Assert.Equal(50, reader.Consume(received.Add));
        }

        Assert.Equal(ProducedRecords.Range(0, 1000), received.Sequences);
    }

    [Fact]
    public void A_long_drain_hands_space_back_to_the_kernel_before_it_ends()
    {
        Privileged.RequireRoot();
        // A 1 KiB sample takes 1040 bytes with its header and size: 60 of them nearly fill a 64 KiB ring (63 fit).
        using var producer = EventProducer.PerfEventArray(recordSize: 1024);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { PagesPerCpu = 16 });
        var received = new ProducedRecords(1024);
        // Both runs must write to the ring being drained.
        using var pin = CurrentCpuPin.Acquire();
        producer.Run(repeat: 60);

        // Halfway through the drain, 20 more records only fit if the reader has already published part of what it consumed.
        reader.Consume(record =>
        {
            received.Add(record);
            if (received.Sequences[^1] == 31) producer.Run(repeat: 20);
        });

        Assert.Equal(ProducedRecords.Range(0, 80), received.Sequences);
        Assert.Equal(0, reader.LostRecords);
    }

    [Fact]
    public void Records_a_full_ring_cannot_take_are_counted_as_lost()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 64);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { PagesPerCpu = 1 });
        // The kernel reports a ring's losses with that ring's next record, so both runs must write to the same CPU's ring.
        using var pin = CurrentCpuPin.Acquire();

        producer.Run(repeat: 1000);
        int delivered = reader.Consume(_ => { });
        producer.Run(repeat: 1);
        delivered += reader.Consume(_ => { });

        Assert.InRange(delivered, 2, 100);
        Assert.Equal(1001 - delivered, reader.LostRecords);
        Assert.Equal(reader.LostRecords, Enumerable.Range(0, PossibleCpuCount()).Sum(reader.GetLostRecords));
    }

    [Fact]
    public async Task Records_below_the_watermark_arrive_when_the_poll_times_out()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 16);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { WakeupWatermarkBytes = 64 * 1024 });
        var received = new ProducedRecords(16);

        var poll = Task.Run(() => reader.Poll(received.Add, TimeSpan.FromMilliseconds(300), TestCancellation), TestCancellation);
        producer.Run(repeat: 10);

        Assert.Equal(10, await poll.WaitAsync(PollTimeout, TestCancellation));
        Assert.Equal(ProducedRecords.Range(0, 10), received.Sequences);
    }

    [Fact]
    public void A_poll_with_nothing_to_read_returns_zero_when_it_times_out()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 16);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events));

        Assert.Equal(0, reader.Poll(_ => { }, TimeSpan.FromMilliseconds(50), TestCancellation));
    }

    [Fact]
    public async Task Cancelling_the_token_wakes_a_blocked_poll()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 16);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events));
        using var cancellation = new CancellationTokenSource();

        var poll = Task.Run(() => reader.Poll(_ => { }, Timeout.InfiniteTimeSpan, cancellation.Token), TestCancellation);
        await Task.Delay(100, TestCancellation);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(PollTimeout, TestCancellation));
    }

    [Fact]
    public async Task The_async_stream_yields_every_record_as_an_array()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 16);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);
        cancellation.CancelAfter(PollTimeout);

        producer.Run(repeat: 3);
        var sequences = new List<ulong>();
        await foreach (var record in reader.ReadAllAsync(cancellation.Token))
        {
            sequences.Add(BinaryPrimitives.ReadUInt64LittleEndian(record));
            if (sequences.Count == 3) break;
        }

        Assert.Equal(ProducedRecords.Range(0, 3), sequences);
    }

    [Fact]
    public void The_span_path_allocates_nothing_per_record()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 64);
        using var reader = new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { PagesPerCpu = 256 });
        ulong sum = 0;
        RecordHandler handler = record => sum += BinaryPrimitives.ReadUInt64LittleEndian(record);
        producer.Run(repeat: 10);
        reader.Poll(handler, PollTimeout, TestCancellation);
        sum = 0;

        producer.Run(repeat: 12_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int delivered = reader.Consume(handler);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(12_000, delivered);
        Assert.Equal(0, allocated);
        Assert.Equal(ProducedRecords.Range(10, 12_000).Aggregate(0ul, (total, sequence) => total + sequence), sum);
    }

    [Fact]
    public void Pages_per_CPU_must_be_a_power_of_two()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.PerfEventArray(recordSize: 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerfBufferReader(new PerfEventArrayMap(producer.Events), new PerfBufferOptions { PagesPerCpu = 3 }));
    }

    static int PossibleCpuCount() => Environment.ProcessorCount;
}
