using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Tests.Objects;
using Sharp.Bpf.Testing;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Bindings;

/// <summary>The typed bindings generated beside <c>ObjectBytes</c>: they compile without warnings (nullable and XML docs
/// on) for every program and map kind, and their text is pinned by a snapshot.</summary>
public class BindingTests
{
    /// <summary>One program per program attribute, one map per map kind, and configuration of several types.</summary>
    const string EveryKind = """
        using Sharp.Bpf.Kernel;
        namespace Demo;
        /// <summary>A record.</summary>
        public struct Sample { /// <summary>A value.</summary>
        public ulong Value; }
        /// <summary>A mode.</summary>
        public enum Mode : byte { /// <summary>Off.</summary>
        Off, /// <summary>On.</summary>
        On }
        /// <summary>Every kind of program and map.</summary>
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            [Configuration] static readonly uint Limit = 100;
            [Configuration] static readonly bool Verbose = true;
            [Configuration] static readonly Mode Current = Mode.On;
            [Configuration] static readonly long Collection = -1;
            static readonly HashMap<uint, Sample> Hash = new(8);
            static readonly LruHashMap<uint, ulong> Lru = new(8);
            static readonly PerCpuHashMap<uint, ulong> PerCpuHash = new(8);
            static readonly ArrayMap<Sample> Array = new(8);
            static readonly PerCpuArrayMap<ulong> PerCpuArray = new(8);
            static readonly LpmTrie<uint, ulong> Prefixes = new(8);
            static readonly RingBuffer<Sample> Events = new(4096);
            static readonly PerfEventArray<Sample> PerfEvents = new();
            static readonly ProgramArray Jumps = new(4);
            static readonly QueueMap<ulong> Queue = new(8);
            static readonly StackMap<ulong> Stack = new(8);
            /// <summary>A program.</summary>
            [Xdp] public static XdpAction OnXdp(XdpMd ctx) => XdpAction.Pass;
            /// <summary>A program.</summary>
            [Tc] public static int OnTc(SkBuff skb) => 0;
            /// <summary>A program.</summary>
            [Tcx(TrafficDirection.Egress)] public static int OnTcx(SkBuff skb) => 0;
            /// <summary>A program.</summary>
            [SocketFilter] public static int OnSocket(SkBuff skb) => 0;
            /// <summary>A program.</summary>
            [Tracepoint("syscalls", "sys_enter_openat")] public static int OnTracepoint() => 0;
            /// <summary>A program.</summary>
            [RawTracepoint("sched_switch")] public static int OnRawTracepoint() => 0;
            /// <summary>A program.</summary>
            [TracepointBtf("sched_switch")] public static int OnBtfTracepoint() => 0;
            /// <summary>A program.</summary>
            [Kprobe("do_sys_openat2", Offset = 4)] public static int OnKprobe(PtRegs regs) => 0;
            /// <summary>A program.</summary>
            [Kretprobe("do_sys_openat2")] public static int OnKretprobe(PtRegs regs) => 0;
            /// <summary>A program.</summary>
            [Uprobe("/bin/bash", "readline")] public static int OnUprobe(PtRegs regs) => 0;
            /// <summary>A program.</summary>
            [Uretprobe("/bin/bash", "readline")] public static int OnUretprobe(PtRegs regs) => 0;
            /// <summary>A program.</summary>
            [CgroupSkb(TrafficDirection.Ingress)] public static int OnCgroupSkb(SkBuff skb) => 1;
            /// <summary>A program.</summary>
            [CgroupSock(CgroupSockHook.Create)] public static int OnCgroupSock() => 1;
            /// <summary>A program.</summary>
            [PerfEvent] public static int OnPerfEvent() => 0;
        }
        """;

    static string GeneratedBindings(GeneratorDriverRunResult result) =>
        string.Join("\n", result.GeneratedTrees.Single().ToString().ReplaceLineEndings("\n").Split('\n')
            .Where(line => !line.TrimStart().StartsWith("0x", StringComparison.Ordinal)));

    [Fact]
    public void Bindings_for_every_program_and_map_kind_compile_without_warnings()
    {
        var (result, output, _) = GeneratorHarness.Run(EveryKind);
        Assert.Empty(result.Diagnostics);
        var generated = result.GeneratedTrees.Single();
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Location.SourceTree == generated && d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Bindings_match_the_snapshot()
    {
        var (result, _, _) = GeneratorHarness.Run(EveryKind);
        string actual = GeneratedBindings(result);
        string path = Path.Combine(RepositoryPaths.Root, "tests", "Sharp.Bpf.Compiler.Tests", "Bindings", "Snapshots", "EveryKind.g.cs.txt");
        if (Environment.GetEnvironmentVariable("SHARP_BPF_UPDATE_SNAPSHOTS") == "1")
            File.WriteAllText(path, actual);
        Assert.True(File.Exists(path), $"no snapshot at {path}: run with SHARP_BPF_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Object_with_errors_gets_only_empty_object_bytes()
    {
        string source = EveryKind.Replace("new(8);\n    static readonly LruHashMap", "new(0);\n    static readonly LruHashMap");
        var (result, output, _) = GeneratorHarness.Run(source);
        Assert.Contains(GeneratorHarness.CompilerDiagnostics(source), d => d.Id == "SBPF0102");
        Assert.Equal(["SBPF9001"], result.Diagnostics.Select(d => d.Id));
        string generated = result.GeneratedTrees.Single().ToString();
        Assert.Contains("ObjectBytes => default;", generated);
        Assert.DoesNotContain("Load(", generated);
        Assert.Empty(output.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Location.SourceTree == result.GeneratedTrees.Single() && d.Severity >= DiagnosticSeverity.Warning));
    }
}
