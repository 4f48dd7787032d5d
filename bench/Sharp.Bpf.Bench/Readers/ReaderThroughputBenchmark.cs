using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Sharp.Bpf.Perf;
using Sharp.Bpf.RingBuf;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Bench.Readers;

/// <summary>Ring buffer and perf buffer readers against libbpf's <c>ring_buffer__poll</c> and <c>perf_buffer__poll</c>: the
/// same XDP producer, run by <c>BPF_PROG_TEST_RUN</c> with a large repeat count on a producer thread, feeds each consumer in
/// turn. After a warm-up round, every round runs both consumers (alternating which goes first) and gives one ratio; the
/// median ratio is reported with the range of the rounds' ratios.</summary>
internal sealed class ReaderThroughputBenchmark(ReaderBenchmarkSettings settings) : Benchmark
{
    static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(1);

    public override string Title =>
        $"Event readers: records delivered per second, one XDP producer (BPF_PROG_TEST_RUN) feeding each reader in turn; {settings.Placement}; median of {settings.Rounds} interleaved rounds";

    public override string ReferenceName => "libbpf";

    /// <summary>Every scenario, in the order they run.</summary>
    public static IReadOnlyList<ReaderScenario> Scenarios { get; } =
    [
        ReaderScenario.RingBuffer(64, events: 2_000_000),
        ReaderScenario.RingBuffer(1024, events: 1_000_000),
        ReaderScenario.PerfBuffer(64, events: 2_000_000, watermarkRecords: 256),
        ReaderScenario.PerfBuffer(1024, events: 1_000_000, watermarkRecords: 256),
        ReaderScenario.PerfBuffer(64, events: 100_000, watermarkRecords: 0),
        ReaderScenario.PerfBuffer(1024, events: 100_000, watermarkRecords: 0),
    ];

    public override IEnumerable<Comparison> Run()
    {
        using var libbpf = LibbpfConsumers.Build();
        foreach (var scenario in Scenarios.Where(scenario => scenario.Name.Contains(settings.ScenarioFilter, StringComparison.OrdinalIgnoreCase)))
            yield return Measure(scenario, libbpf);
    }

    Comparison Measure(ReaderScenario scenario, LibbpfConsumers libbpf)
    {
        using var consumerPlacement = ThreadPlacement.Place(settings.ConsumerCpu, settings.Realtime);
        using var producer = scenario.CreateProducer();
        // Warm-up: JIT and tiering, page faults in the rings, the producer's first runs.
        RunOurs(scenario, producer, scenario.EventsPerTrial / 5);
        RunLibbpf(scenario, producer, libbpf, scenario.EventsPerTrial / 5);

        var ours = new List<ReaderTrial>();
        var reference = new List<ReaderTrial>();
        for (int round = 0; round < settings.Rounds; round++)
        {
            if (round % 2 == 0) ours.Add(RunOurs(scenario, producer, scenario.EventsPerTrial));
            reference.Add(RunLibbpf(scenario, producer, libbpf, scenario.EventsPerTrial));
            if (round % 2 == 1) ours.Add(RunOurs(scenario, producer, scenario.EventsPerTrial));
        }

        var ratios = ours.Zip(reference, (our, their) => our.EventsPerSecond / their.EventsPerSecond).Order().ToArray();
        double allocatedPerEvent = (double)ours.Sum(trial => trial.AllocatedBytes) / ours.Sum(trial => trial.Records);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"ratio range {ratios[0]:0.00}-{ratios[^1]:0.00} (quartiles {Quantile(ratios, 0.25):0.00}-{Quantile(ratios, 0.75):0.00}); ours allocates {allocatedPerEvent:0.###} B/event; consumer CPU {MedianCpu(ours):0} vs {MedianCpu(reference):0} ns/event; delivered {Delivered(ours)} vs {Delivered(reference)}");
        if (scenario.IsPerfBuffer) note += $"; lost {ours.Sum(trial => trial.Lost)} vs {reference.Sum(trial => trial.Lost)}";
        return new Comparison(scenario.Name, Median(ours) / 1e6, Median(reference) / 1e6, "M events/s", note) { MedianRatio = Quantile(ratios, 0.5) };
    }

    ReaderTrial RunOurs(ReaderScenario scenario, EventProducer producer, uint events)
    {
        using EventReader reader = scenario.IsPerfBuffer
            ? new PerfBufferReader(new PerfEventArrayMap(producer.Events),
                new PerfBufferOptions { PagesPerCpu = ReaderScenario.PerfPagesPerCpu, WakeupWatermarkBytes = scenario.WatermarkBytes })
            : new RingBufferReader(new RingBufferMap(producer.Events));
        var counter = new RecordCounter();
        var trial = WhileProducing(producer, events, done =>
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            while (reader.Poll(counter.Handler, PollTimeout) > 0 || !IsSet(done)) { }
            reader.Consume(counter.Handler);
            return (counter.Records, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
        });
        return trial with { Lost = (reader as PerfBufferReader)?.LostRecords ?? 0 };
    }

    ReaderTrial RunLibbpf(ReaderScenario scenario, EventProducer producer, LibbpfConsumers libbpf, uint events)
    {
        int mapFd = producer.Events.Handle.Fd;
        if (!scenario.IsPerfBuffer)
            return libbpf.WithRingBuffer(mapFd, run => WhileProducing(producer, events, done => (run(done).Records, 0)));
        long lost = 0;
        var trial = libbpf.WithPerfBuffer(mapFd, ReaderScenario.PerfPagesPerCpu, scenario.WatermarkBytes, run => WhileProducing(producer, events, done =>
        {
            var (records, _, lostRecords) = run(done);
            lost = lostRecords;
            return (records, 0);
        }));
        return trial with { Lost = lost };
    }

    /// <summary>Starts the producer thread (pinned where the settings say) and times <paramref name="consume"/> on this thread,
    /// from the producer's start to the consumer's return; the consumer stops once the producer has set the flag it is given
    /// and everything is drained.</summary>
    unsafe ReaderTrial WhileProducing(EventProducer producer, uint events, Func<nint, (long Records, long Allocated)> consume)
    {
        var done = (nint)NativeMemory.AllocZeroed(sizeof(int));
        try
        {
            var producerThread = new Thread(() =>
            {
                using (ThreadPlacement.Place(settings.ProducerCpu, settings.Realtime)) producer.Run(events);
                Volatile.Write(ref *(int*)done, 1);
            });
            long cpuBefore = ThreadCpuClock.Nanoseconds();
            var clock = Stopwatch.StartNew();
            producerThread.Start();
            var (records, allocated) = consume(done);
            double seconds = clock.Elapsed.TotalSeconds;
            long cpu = ThreadCpuClock.Nanoseconds() - cpuBefore;
            producerThread.Join();
            return new ReaderTrial(events, records, seconds, allocated, Lost: 0, cpu);
        }
        finally
        {
            NativeMemory.Free((void*)done);
        }
    }

    static unsafe bool IsSet(nint flag) => Volatile.Read(ref *(int*)flag) != 0;

    static double Median(List<ReaderTrial> trials) => Quantile(trials.Select(trial => trial.EventsPerSecond).Order().ToArray(), 0.5);

    static double MedianCpu(List<ReaderTrial> trials) => Quantile(trials.Select(trial => trial.ConsumerNanosecondsPerEvent).Order().ToArray(), 0.5);

    /// <summary>The <paramref name="q"/> quantile of sorted values, interpolating between neighbours.</summary>
    static double Quantile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    static string Delivered(List<ReaderTrial> trials) => $"{(double)trials.Sum(trial => trial.Records) / trials.Sum(trial => trial.Produced):P1}";
}
