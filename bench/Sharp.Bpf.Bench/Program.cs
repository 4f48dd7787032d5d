using System.Globalization;
using Sharp.Bpf.Bench;
using Sharp.Bpf.Bench.CodeQuality;
using Sharp.Bpf.Bench.Flat;
using Sharp.Bpf.Bench.Loader;
using Sharp.Bpf.Bench.Readers;

// Every benchmark compares Sharp.Bpf with a reference measured in the same run, interleaved, and prints the ratio:
// these machines drift by up to 3x over minutes, so only ratios from one run mean anything.
const string Usage = """
    usage: Sharp.Bpf.Bench [--only <text>] [--rounds <n>] [--no-realtime] [--no-pin]
      --only <text>   run only benchmarks, reader scenarios or code-quality programs whose name contains <text> (e.g.
                      "perf buffer", "Loader", "Code quality", "TC probe", "flat:" for both flat benchmarks)
      --rounds <n>    interleaved rounds per reader scenario (default 9)
      --no-realtime   run the reader benchmark's producer and consumer as ordinary threads (default: SCHED_FIFO, so
                      other processes on the machine do not decide when the consumer wakes)
      --no-pin        let the scheduler place them (default: producer on CPU 0, consumer on CPU 1); implies --no-realtime
    """;

var readerSettings = ReaderBenchmarkSettings.Default;
string only = "";
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--help" or "-h":
            Console.WriteLine(Usage);
            return 0;
        case "--only" when i + 1 < args.Length:
            only = args[++i];
            break;
        case "--rounds" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && rounds > 0:
            readerSettings = readerSettings with { Rounds = rounds };
            i++;
            break;
        case "--no-realtime":
            readerSettings = readerSettings with { Realtime = false };
            break;
        case "--no-pin":
            readerSettings = readerSettings with { ProducerCpu = null, ConsumerCpu = null, Realtime = false };
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'\n{Usage}");
            return 2;
    }
}
if (Environment.UserName != "root")
{
    Console.Error.WriteLine("the benchmarks load BPF programs: run them as root");
    return 1;
}

// --only matches a benchmark's title or, for the reader and code-quality benchmarks, the names of their scenarios/programs.
bool Matches(string name) => name.Contains(only, StringComparison.OrdinalIgnoreCase);
var readers = new ReaderThroughputBenchmark(readerSettings);
var benchmarks = new List<Benchmark> { new LoadTimeBenchmark(), new FlatProbeBenchmark(), new EventsPerMeasurementBenchmark() }.Where(benchmark => Matches(benchmark.Title)).ToList();
if (Matches(readers.Title)) benchmarks.Add(readers);
else if (ReaderThroughputBenchmark.Scenarios.Any(scenario => Matches(scenario.Name)))
    benchmarks.Add(new ReaderThroughputBenchmark(readerSettings with { ScenarioFilter = only }));
var codeQuality = new CodeQualityBenchmark();
if (Matches(codeQuality.Title)) benchmarks.Add(codeQuality);
else if (CodeQualityBenchmark.Programs.Any(program => Matches(program.Name))) benchmarks.Add(new CodeQualityBenchmark(only));
if (benchmarks.Count == 0)
{
    Console.Error.WriteLine($"no benchmark or reader scenario matches '{only}'");
    return 2;
}
var table = new ComparisonTable(Console.Out);
foreach (var benchmark in benchmarks)
{
    table.PrintHeading(benchmark.Title, benchmark.ReferenceName);
    foreach (var comparison in benchmark.Run()) table.Print(comparison);
}
return 0;
