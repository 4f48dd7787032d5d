using Sharp.Bpf.Bench.CodeQuality;
using Sharp.Bpf.Flat.Kernel;

namespace Sharp.Bpf.Bench.Flat;

/// <summary>flat's own compiled probe (src/Flat/Kernel/FlatProbe.cs, as flat's build embeds it) against the clang-19 -O2
/// build of Flat/native/flat_equivalent.c, which has the same logic (issue 6). Both are loaded with Sharp.Bpf's loader
/// with the default (empty) filter and compared on the <c>Ingress</c> program — <c>Egress</c> is the same code with
/// another constant — by the code-quality benchmark's measures: xlated and verified instructions, JIT bytes, and
/// <c>BPF_PROG_TEST_RUN</c> ns/packet, timed in alternating rounds.</summary>
internal sealed class FlatProbeBenchmark : Benchmark
{
    const string ProgramName = nameof(FlatProbe.Ingress);

    static readonly CodeQualityProgram Probe = new("flat probe", "flat_equivalent.c", () => FlatProbe.ObjectBytes.ToArray(), "",
        [
            new("SYN", TestPackets.TcpSyn(), []),
            // The first run finds the SYN's entry, reports and deletes it; the rest of the repeat are lookup misses.
            new("SYN/ACK", TestPackets.TcpSynAck(), []),
            new("UDP", TestPackets.Udp(), []),
            new("non-IP (ARP)", TestPackets.Arp(), []),
        ],
        IsTracing: false);

    public override string Title => "flat: flat's compiled probe (FlatProbe.cs) vs clang-19 -O2 flat_equivalent.c (xlated, verified, JIT, BPF_PROG_TEST_RUN ns/packet)";

    public override string ReferenceName => "clang -O2";

    public override IEnumerable<Comparison> Run()
    {
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-bench-flat-");
        try
        {
            using var clangObject = Collection.Load(FlatEquivalentObject.Compile(directory.FullName, sendEverything: false));
            using var oursObject = Collection.Load(Probe.CSharpObject!());
            var clang = clangObject.GetProgram(ProgramName);
            var ours = oursObject.GetProgram(ProgramName);
            var clangInfo = clang.GetInfo();
            var oursInfo = ours.GetInfo();
            yield return Figure("xlated instructions", oursInfo.XlatedInstructions, clangInfo.XlatedInstructions, "insns");
            yield return Figure("verified instructions", oursInfo.VerifiedInstructions, clangInfo.VerifiedInstructions, "insns");
            yield return Figure("JIT size", oursInfo.JitedBytes, clangInfo.JitedBytes, "bytes");
            foreach (var input in Probe.Inputs)
                yield return CodeQualityBenchmark.TimePacket(Probe, input, ours, clang, "");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    static Comparison Figure(string what, uint ours, uint clang, string unit) =>
        new($"{Probe.Name}: {what}", ours, clang, unit, $"program {ProgramName}", LowerIsBetter: true);
}
