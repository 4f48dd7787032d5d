using System.Buffers.Binary;
using Sharp.Bpf.RingBuf;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Tests.Readers;

/// <summary>RingBufferReader delivers what BPF programs submit to ring buffer maps, in order and in place.</summary>
public sealed class RingBufferReaderTests
{
    const int NoWakeup = 1;
    static readonly TimeSpan PollTimeout = TimeSpan.FromSeconds(5);
    static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_submitted_record_arrives_in_order_with_its_content()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 64, ringSize: 256 * 1024);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var received = new ProducedRecords(64);

        producer.Run(repeat: 1000);
        int delivered = reader.Poll(received.Add, PollTimeout, TestCancellation);

        Assert.Equal(1000, delivered);
        Assert.Equal(ProducedRecords.Range(0, 1000), received.Sequences);
    }

    [Fact]
    public void Discarded_records_are_skipped()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 32, ringSize: 64 * 1024, discardEvery: 3);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var sequences = new List<ulong>();

        producer.Run(repeat: 300);
        int delivered = reader.Poll(record => sequences.Add(BinaryPrimitives.ReadUInt64LittleEndian(record)), PollTimeout, TestCancellation);

        Assert.Equal(200, delivered);
        Assert.Equal(ProducedRecords.Range(0, 300).Where(sequence => sequence % 3 != 2), sequences);
    }

    [Fact]
    public void Records_that_wrap_the_end_of_the_ring_arrive_intact()
    {
        Privileged.RequireRoot();
        // 40-byte records take 48 bytes with their header, which does not divide the 4 KiB ring: records straddle its end.
        using var producer = EventProducer.RingBufferOutput(recordSize: 40, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var received = new ProducedRecords(40);

        for (int round = 0; round < 20; round++)
        {
            producer.Run(repeat: 50);
            Assert.Equal(50, reader.Consume(received.Add));
        }

        Assert.Equal(ProducedRecords.Range(0, 1000), received.Sequences);
    }

    [Fact]
    public void A_long_drain_hands_space_back_to_the_producer_before_it_ends()
    {
        Privileged.RequireRoot();
        // 1 KiB records take 1032 bytes with their header: 60 of them nearly fill the 64 KiB ring (63 fit). Copied from a
        // zeroed value, so records written over earlier ones still have zeros between their ends.
        using var producer = EventProducer.RingBufferOutput(recordSize: 1024, ringSize: 64 * 1024);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var received = new ProducedRecords(1024);
        producer.Run(repeat: 60);

        // Halfway through the drain, 20 more records only fit if the reader has already published part of what it consumed.
        reader.Consume(record =>
        {
            received.Add(record);
            if (received.Sequences[^1] == 31) producer.Run(repeat: 20);
        });

        Assert.Equal(ProducedRecords.Range(0, 80), received.Sequences);
    }

    [Fact]
    public void Records_arrive_from_every_ring_of_one_reader()
    {
        Privileged.RequireRoot();
        using var first = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        using var second = EventProducer.RingBuffer(recordSize: 24, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(first.Events), new RingBufferMap(second.Events));
        var lengths = new List<int>();

        first.Run(repeat: 3);
        second.Run(repeat: 2);
        int delivered = 0;
        while (delivered < 5) delivered += reader.Poll(record => lengths.Add(record.Length), PollTimeout, TestCancellation);

        Assert.Equal(2, reader.RingCount);
        Assert.Equal([16, 16, 16, 24, 24], lengths.Order());
    }

    [Fact]
    public void A_typed_poll_reads_each_record_as_a_struct()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var records = new List<SequencedRecord>();

        producer.Run(repeat: 5);
        reader.Poll<SequencedRecord>(records.Add, PollTimeout, TestCancellation);

        Assert.Equal(ProducedRecords.Range(0, 5).Select(sequence => new SequencedRecord(sequence)), records);
    }

    [Fact]
    public void A_poll_with_nothing_to_read_returns_zero_when_it_times_out()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));

        Assert.Equal(0, reader.Poll(_ => { }, TimeSpan.FromMilliseconds(50), TestCancellation));
        Assert.Equal(0, reader.Consume(_ => { }));
    }

    [Fact]
    public async Task Records_submitted_without_a_wakeup_arrive_when_the_poll_times_out()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096, submitFlags: NoWakeup);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        var received = new ProducedRecords(16);

        var poll = Task.Run(() => reader.Poll(received.Add, TimeSpan.FromMilliseconds(300), TestCancellation), TestCancellation);
        producer.Run(repeat: 10);

        Assert.Equal(10, await poll.WaitAsync(PollTimeout, TestCancellation));
        Assert.Equal(ProducedRecords.Range(0, 10), received.Sequences);
    }

    [Fact]
    public async Task Cancelling_the_token_wakes_a_blocked_poll()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        using var cancellation = new CancellationTokenSource();

        var poll = Task.Run(() => reader.Poll(_ => { }, Timeout.InfiniteTimeSpan, cancellation.Token), TestCancellation);
        await Task.Delay(100, TestCancellation);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poll.WaitAsync(PollTimeout, TestCancellation));
        producer.Run(repeat: 1);
        Assert.Equal(1, reader.Poll(_ => { }, PollTimeout, TestCancellation));
    }

    [Fact]
    public async Task Disposing_the_reader_wakes_a_blocked_poll_which_returns_zero()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        var reader = new RingBufferReader(new RingBufferMap(producer.Events));

        var poll = Task.Run(() => reader.Poll(_ => { }, Timeout.InfiniteTimeSpan, TestCancellation), TestCancellation);
        await Task.Delay(100, TestCancellation);
        reader.Dispose();

        Assert.Equal(0, await poll.WaitAsync(PollTimeout, TestCancellation));
        Assert.Throws<ObjectDisposedException>(() => reader.Poll(_ => { }, TimeSpan.Zero, TestCancellation));
    }

    [Fact]
    public async Task The_async_stream_yields_every_record_as_an_array()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 16, ringSize: 4096);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestCancellation);
        cancellation.CancelAfter(PollTimeout);

        producer.Run(repeat: 4);
        var sequences = new List<ulong>();
        await foreach (var record in reader.ReadAllAsync<SequencedRecord>(cancellation.Token))
        {
            sequences.Add(record.Sequence);
            if (sequences.Count == 4) break;
        }

        Assert.Equal(ProducedRecords.Range(0, 4), sequences);
    }

    [Fact]
    public void The_span_path_allocates_nothing_per_record()
    {
        Privileged.RequireRoot();
        using var producer = EventProducer.RingBuffer(recordSize: 64, ringSize: 1024 * 1024);
        using var reader = new RingBufferReader(new RingBufferMap(producer.Events));
        ulong sum = 0;
        RecordHandler handler = record => sum += BinaryPrimitives.ReadUInt64LittleEndian(record);
        producer.Run(repeat: 10);
        reader.Poll(handler, PollTimeout, TestCancellation);
        sum = 0;

        producer.Run(repeat: 12_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int delivered = reader.Poll(handler, PollTimeout, TestCancellation);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(12_000, delivered);
        Assert.Equal(0, allocated);
        Assert.Equal(ProducedRecords.Range(10, 12_000).Aggregate(0ul, (total, sequence) => total + sequence), sum);
    }

    [Fact]
    public void A_reader_needs_at_least_one_ring()
    {
        Assert.Throws<ArgumentException>(() => new RingBufferReader());
    }
}
