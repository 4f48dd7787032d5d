using System.Diagnostics;
using Sharp.Bpf.Bench.CodeQuality.Kernels;

namespace Sharp.Bpf.Bench.CodeQuality;

/// <summary>Code quality of the C# → eBPF compiler against clang-19 -O2 on the same three programs (issue 5): the
/// flat-style TC probe, an XDP per-protocol packet counter and a raw-tracepoint log2 histogram. For each, both objects
/// are loaded with Sharp.Bpf's loader and compared on xlated instructions, verified instructions (the kernel's
/// <c>verified_insns</c>, the verifier log's "processed N insns"), JIT bytes, and ns/run on representative inputs, the
/// two sides timed alternately in rounds (which goes first switching every round) and compared by the median of the
/// per-round ratios.</summary>
internal sealed class CodeQualityBenchmark(string programFilter = "") : Benchmark
{
    /// <summary>BPF_PROG_TEST_RUN repeat count per timed packet run.</summary>
    const uint Repeat = 500_000;

    /// <summary>Test runs (one run each) per timed raw tracepoint round.</summary>
    const int TracingRuns = 100_000;

    const int Rounds = 7;

    /// <summary>The programs compared, by name.</summary>
    public static IReadOnlyList<CodeQualityProgram> Programs { get; } =
    [
        new("TC probe", "tc_probe.c", () => TcLatencyProbe.ObjectBytes.ToArray(), "",
            [
                new("SYN", TestPackets.TcpSyn(), []),
                // The first run finds the SYN's entry, reports and deletes it; the rest of the repeat are lookup misses.
                new("SYN/ACK", TestPackets.TcpSynAck(), []),
                new("UDP", TestPackets.Udp(), []),
                new("non-IP (ARP)", TestPackets.Arp(), []),
            ],
            IsTracing: false),
        new("XDP protocol counter", "xdp_counter.c", () => XdpProtocolCounter.ObjectBytes.ToArray(), "",
            [
                new("TCP", TestPackets.TcpSyn(), []),
                new("UDP", TestPackets.Udp(), []),
                new("ICMP", TestPackets.IcmpEcho(), []),
            ],
            IsTracing: false),
        new("raw_tp histogram", "syscall_histogram.c", () => SyscallHistogram.ObjectBytes.ToArray(), "",
            [
                new("return 4096", [], RawTracepointArguments(4096)),
                new("return 1<<40", [], RawTracepointArguments(1L << 40)),
                new("return -EBADF", [], RawTracepointArguments(-9)),
            ],
            IsTracing: true),
    ];

    public override string Title => "Code quality: C# kernels vs clang-19 -O2 C (xlated, verified, JIT, BPF_PROG_TEST_RUN ns/run)";

    public override string ReferenceName => "clang -O2";

    public override IEnumerable<Comparison> Run()
    {
        var directory = Directory.CreateTempSubdirectory("sharp-bpf-bench-codequality-");
        try
        {
            foreach (var program in Programs.Where(program => program.Name.Contains(programFilter, StringComparison.OrdinalIgnoreCase)))
                foreach (var comparison in Compare(program, directory.FullName))
                    yield return comparison;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    static IEnumerable<Comparison> Compare(CodeQualityProgram program, string directory)
    {
        using var clangObject = Collection.Load(CompileC(program.CSource, directory));
        var clang = clangObject.Programs.Values.Single();
        var (ours, oursObject, caveat) = LoadCSharp(program);
        using (oursObject)
        {
            var clangInfo = clang.GetInfo();
            var oursInfo = ours?.GetInfo();
            yield return Figure(program, "xlated instructions", oursInfo?.XlatedInstructions, clangInfo.XlatedInstructions, "insns", caveat);
            yield return Figure(program, "verified instructions", oursInfo?.VerifiedInstructions, clangInfo.VerifiedInstructions, "insns", caveat);
            yield return Figure(program, "JIT size", oursInfo?.JitedBytes, clangInfo.JitedBytes, "bytes", caveat);
            foreach (var input in program.Inputs)
                yield return program.IsTracing ? TimeTracing(program, input, ours, clang, caveat) : TimePacket(program, input, ours, clang, caveat);
        }
    }

    /// <summary>The C# side loaded, or null and why not (not compiled yet, or refused by the verifier) as the caveat its
    /// rows print.</summary>
    static (Program? Program, Collection? Object, string WhyNot) LoadCSharp(CodeQualityProgram program)
    {
        if (program.CSharpObject is null) return (null, null, "C# side: " + program.PendingReason);
        var objectBytes = program.CSharpObject();
        // The generator leaves ObjectBytes empty when the compiler rejected the class (the build then fails on the
        // analyzer's diagnostics, so this is only seen with the analyzer left out).
        if (objectBytes.Length == 0) return (null, null, "C# side: not compiled (empty ObjectBytes: see the build's SBPF diagnostics)");
        try
        {
            var collection = Collection.Load(objectBytes);
            return (collection.Programs.Values.Single(), collection, "");
        }
        catch (BpfVerifierException e)
        {
            return (null, null, $"C# side: rejected by the verifier ({e.Reason ?? e.Message}{(e.InstructionIndex is { } at ? $" at insn {at}" : "")})");
        }
        catch (BpfException e)
        {
            return (null, null, $"C# side: not loaded ({e.Message})");
        }
    }

    static Comparison Figure(CodeQualityProgram program, string what, uint? ours, uint clang, string unit, string caveat) =>
        new($"{program.Name}: {what}", ours ?? double.NaN, clang, unit, caveat, LowerIsBetter: true);

    /// <summary>ns/run of one packet: each round one test run of each side with a large repeat, the kernel's mean.</summary>
    internal static Comparison TimePacket(CodeQualityProgram program, TestRunInput input, Program? ours, Program clang, string caveat)
    {
        var options = new ProgramTestOptions { Data = input.Data, Repeat = Repeat };
        return TimeRounds(program, input, ours, clang, caveat, options with { Repeat = 1 },
            side => side.Test(options).DurationNanoseconds, $"repeat {Repeat:N0}");
    }

    /// <summary>ns/run of one raw tracepoint input: each round <see cref="TracingRuns"/> single test runs of each side,
    /// the kernel's accounted run time over its run count.</summary>
    static Comparison TimeTracing(CodeQualityProgram program, TestRunInput input, Program? ours, Program clang, string caveat)
    {
        // Repeat 0 and no context out: a raw tracepoint test run refuses both (EINVAL).
        var options = new ProgramTestOptions { Context = input.Context, ContextOutCapacity = 0, Repeat = 0 };
        using var statistics = RunTimeStatistics.Enable();
        return TimeRounds(program, input, ours, clang, caveat, options, side =>
        {
            var before = side.GetInfo();
            for (int i = 0; i < TracingRuns; i++) side.Test(options);
            var after = side.GetInfo();
            return (double)(after.RunTimeNanoseconds - before.RunTimeNanoseconds) / (after.RunCount - before.RunCount);
        }, $"{TracingRuns:N0} test runs, BPF_ENABLE_STATS run time");
    }

    /// <summary>Times both sides in alternating rounds, after checking on one run of <paramref name="once"/> that they
    /// return the same value (a difference is printed: the figures then compare different work).</summary>
    static Comparison TimeRounds(CodeQualityProgram program, TestRunInput input, Program? ours, Program clang, string caveat,
        ProgramTestOptions once, Func<Program, double> nsPerRun, string how)
    {
        var clangReturn = clang.Test(once).ReturnValue;
        if (ours is not null && ours.Test(once).ReturnValue is var oursReturn && oursReturn != clangReturn)
            caveat = $"return values differ: C# {(int)oursReturn}, clang {(int)clangReturn}";
        nsPerRun(clang);
        if (ours is not null) nsPerRun(ours);
        var oursFigures = new List<double>();
        var clangFigures = new List<double>();
        var ratios = new List<double>();
        for (int round = 0; round < Rounds; round++)
        {
            double clangNs, oursNs = double.NaN;
            if (round % 2 == 0 && ours is not null) oursNs = nsPerRun(ours);
            clangNs = nsPerRun(clang);
            if (round % 2 == 1 && ours is not null) oursNs = nsPerRun(ours);
            clangFigures.Add(clangNs);
            if (ours is null) continue;
            oursFigures.Add(oursNs);
            ratios.Add(oursNs / clangNs);
        }
        string note = $"{how}, median of {Rounds} rounds" + (caveat.Length > 0 ? "; " + caveat : "");
        return new Comparison($"{program.Name}: ns/run, {input.Name}", ours is null ? double.NaN : Median(oursFigures),
            Median(clangFigures), "ns", note, LowerIsBetter: true)
        { MedianRatio = ours is null ? null : Median(ratios) };
    }

    static string CompileC(string source, string directory)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CodeQuality", "native", source);
        var obj = Path.Combine(directory, Path.ChangeExtension(source, ".o"));
        var start = new ProcessStartInfo("clang-19") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I/usr/include/x86_64-linux-gnu", "-c", path, "-o", obj })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start clang-19");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"clang-19 failed on {path} ({process.ExitCode}): {stderr.Result}");
        return obj;
    }

    static byte[] RawTracepointArguments(long returnValue)
    {
        var arguments = new byte[16];
        BitConverter.TryWriteBytes(arguments.AsSpan(8), returnValue);
        return arguments;
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
