namespace Sharp.Bpf.Bench.Readers;

/// <summary>How the reader benchmark runs: rounds per scenario, CPU placement, and which scenarios.</summary>
/// <param name="Rounds">Measured rounds per scenario; each round runs both consumers, in alternating order, and gives one ratio.</param>
/// <param name="ProducerCpu">The CPU the producer thread is pinned to, or null to let the scheduler place it.</param>
/// <param name="ConsumerCpu">The CPU both consumers run on, or null to let the scheduler place them.</param>
/// <param name="ScenarioFilter">Only scenarios whose name contains this text; empty for all.</param>
/// <param name="Realtime">Run the pinned producer and consumer under SCHED_FIFO, ahead of other processes on their CPUs.</param>
internal sealed record ReaderBenchmarkSettings(int Rounds, int? ProducerCpu, int? ConsumerCpu, string ScenarioFilter, bool Realtime = false)
{
    /// <summary>9 rounds; producer on CPU 0 and consumer on CPU 1, both SCHED_FIFO, when the machine has two CPUs or more.
    /// SCHED_FIFO keeps other processes (parallel builds) from delaying the consumer's wake-ups, which otherwise decide the
    /// figures; the kernel's real-time throttling still leaves those CPUs 5 % for everything else.</summary>
    public static ReaderBenchmarkSettings Default { get; } = Environment.ProcessorCount >= 2
        ? new(9, 0, 1, "", Realtime: true)
        : new(9, null, null, "");

    /// <summary>Where the threads run, for the heading.</summary>
    public string Placement => ProducerCpu is { } producer && ConsumerCpu is { } consumer
        ? $"producer pinned to CPU {producer}, consumer to CPU {consumer}{(Realtime ? ", both SCHED_FIFO" : "")}"
        : "threads placed by the scheduler";
}
