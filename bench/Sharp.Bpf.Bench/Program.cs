using Sharp.Bpf.Bench;
using Sharp.Bpf.Bench.Loader;
using Sharp.Bpf.Bench.Readers;

// Every benchmark compares Sharp.Bpf with a reference measured in the same run, interleaved, and prints the ratio:
// these machines drift by up to 3x over minutes, so only ratios from one run mean anything.
if (Environment.UserName != "root")
{
    Console.Error.WriteLine("the benchmarks load BPF programs: run them as root");
    return 1;
}

Benchmark[] benchmarks = [new LoadTimeBenchmark(), new ReaderThroughputBenchmark()];
var table = new ComparisonTable(Console.Out);
foreach (var benchmark in benchmarks)
{
    table.PrintHeading(benchmark.Title, benchmark.ReferenceName);
    foreach (var comparison in benchmark.Run()) table.Print(comparison);
}
return 0;
