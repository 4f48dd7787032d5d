using Sharp.Bpf.Compiler;
using Xunit;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>Every diagnostic the analyzer reports, each at its construct: markup tests (<c>{|SBPF0001:text|}</c> marks where
/// a diagnostic is expected). Sources are members of the standard kernel class of docs/diagnostics.md
/// (<see cref="DiagnosticsDocument.SourceOf"/>) unless they declare their own [BpfObject] class.</summary>
public class DiagnosticLocationTests
{
    static readonly (string Id, string Markup)[] Kernels =
    [
        (
            "SBPF0001",
            """
            public unsafe struct Header { public fixed byte Bytes[4]; }

            [SocketFilter]
            public static unsafe int Keep(SkBuff skb)
            {
                Header header = default;
                return {|SBPF0001:header.Bytes[4]|};
            }
            """
        ),
        (
            "SBPF0002",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb) => (int)checked({|SBPF0002:skb.Len + 14|});
            """
        ),
        (
            "SBPF0003",
            """
            [SocketFilter]
            public static int Ratio(SkBuff skb) => (int)({|SBPF0003:skb.Len / skb.Mark|});
            """
        ),
        (
            "SBPF0004",
            """
            [SocketFilter]
            public static int Quotient(SkBuff skb)
            {
                int length = (int)skb.Len, mark = (int)skb.Mark;
                if (mark == 0) return 0;
                return {|SBPF0004:length / mark|};
            }
            """
        ),
        (
            "SBPF0005",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb) => (int)({|SBPF0005:skb.Len * 1.5|});
            """
        ),
        (
            "SBPF0006",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                var lengths = {|SBPF0006:new uint[4]|};
                return 0;
            }
            """
        ),
        (
            "SBPF0007",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                string name = {|SBPF0007:"eth0"|};
                return {|SBPF0007:name|}.Length;
            }
            """
        ),
        (
            "SBPF0008",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb) => {|SBPF0008:skb.GetHashCode()|};
            """
        ),
        (
            "SBPF0009",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                Func<uint, uint> twice = {|SBPF0009:x => x * 2|};
                return (int)twice(skb.Len);
            }
            """
        ),
        (
            "SBPF0010",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb) => {|SBPF0010:skb.PacketType switch
            {
                0 => 1,
                1 => 2,
            }|};
            """
        ),
        (
            "SBPF0011",
            """
            static uint Sum(uint n) => n == 0 ? 0 : n + {|SBPF0011:Sum(n - 1)|};

            [SocketFilter]
            public static int Keep(SkBuff skb) => (int)Sum(skb.Len & 7);
            """
        ),
        (
            "SBPF0012",
            """
            [SocketFilter]
            public static int Spin(SkBuff skb)
            {
                uint {|SBPF0012:n = skb.Len|};
                while (true) n++;
            }
            """
        ),
        (
            "SBPF0013",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb) => {|SBPF0013:Math.Max((int)skb.Len, 64)|};
            """
        ),
        (
            "SBPF0014",
            """
            static async System.Threading.Tasks.Task Pause() => await System.Threading.Tasks.Task.Yield();

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                _ = {|SBPF0014:Pause()|};
                return 0;
            }
            """
        ),
        (
            "SBPF0015",
            """
            static class Limits
            {
                public static uint Minimum;
            }

            [SocketFilter]
            public static int Keep(SkBuff skb) => skb.Len >= {|SBPF0015:Limits.Minimum|} ? 1 : 0;
            """
        ),
        (
            "SBPF0016",
            """
            public struct Countdown
            {
                public uint Current { get; private set; }
                public Countdown GetEnumerator() => this;
                public bool MoveNext() => Current-- > 0;
            }

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                uint sum = 0;
                {|SBPF0016:foreach (uint i in new Countdown()) sum += i;|}
                return (int)sum;
            }
            """
        ),
        (
            "SBPF0017",
            """
            [InlineArray(16)]
            public struct Bytes16 { byte element; }

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                Bytes16 bytes = default;
                {|SBPF0017:Bpf.SkbLoadBytes(skb, 0, bytes)|};
                return bytes[0];
            }
            """
        ),
        (
            "SBPF0018",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                DateTime seen = {|SBPF0018:default|};
                return 0;
            }
            """
        ),
        (
            "SBPF0019",
            """
            [InlineArray(4)]
            public struct Quad { byte element; }

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                Quad quad = default;
                return {|SBPF0019:quad[(int)skb.Len]|};
            }
            """
        ),
        (
            "SBPF0060",
            """
            static readonly ArrayMap<ulong> Totals = new(1);

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                {|SBPF0060:Totals.Clear()|};
                return 0;
            }
            """
        ),
        (
            "SBPF0061",
            """
            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                Bpf.TracePrintk({|SBPF0061:$"length {skb.Len}\n"|});
                return 0;
            }
            """
        ),
        (
            "SBPF0062",
            """
            public struct Event { public uint Length; }

            static readonly RingBuffer<Event> Events = new(4096);

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                var reservation = {|SBPF0062:Events.Reserve()|};
                if (reservation.IsNull) return 0;
                reservation.Value.Length = skb.Len;
                return 1;
            }
            """
        ),
        (
            "SBPF0063",
            """
            [Tc]
            public static TcAction Check(SkBuff skb)
            {
                var packet = skb.Packet;
                Bpf.SkbPullData(skb, 14);
                return {|SBPF0063:packet|}.TryRead(0, out EthernetHeader ethernet) ? TcAction.Ok : TcAction.Shot;
            }
            """
        ),
        (
            "SBPF0064",
            """
            [Kprobe("do_unlinkat")]
            public static int Unlink(PtRegs regs)
            {
                int n = (int)(regs.Rax & 1) + 1;
                return (int)regs.Arg({|SBPF0064:n|});
            }
            """
        ),
        (
            "SBPF0100",
            """
            [BpfObject]
            public static partial class {|SBPF0100:Probe|}
            {
                [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            }
            """
        ),
        (
            "SBPF0100",
            """
            [BpfObject(License = "GPL")]
            public static class {|SBPF0100:Probe|}
            {
                [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            }
            """
        ),
        (
            "SBPF0101",
            """
            static readonly HashMap<uint, ulong> Counts = new({|SBPF0101:(uint)Environment.ProcessorCount * 64|});
            """
        ),
        (
            "SBPF0102",
            """
            static HashMap<uint, ulong> {|SBPF0102:Counts|} = new(1024);
            """
        ),
        (
            "SBPF0103",
            """
            [StructLayout(LayoutKind.Auto)]
            public struct Flow { public uint Source; public uint Destination; }

            static readonly HashMap<Flow, ulong> {|SBPF0103:Counts|} = new(1024);
            """
        ),
        (
            "SBPF0104",
            """
            static ulong started = {|SBPF0104:Bpf.KtimeGetNs()|};
            """
        ),
        (
            "SBPF0105",
            """
            [Xdp]
            public static XdpAction {|SBPF0105:Pass|}(XdpMd ctx, int extra) => XdpAction.Pass;
            """
        ),
        (
            "SBPF0200",
            """
            [InlineArray(600)]
            public struct Scratch { byte element; }

            [SocketFilter]
            public static int Keep(SkBuff skb)
            {
                {|SBPF0200:Bpf.SkbLoadBytes(skb, 0, out Scratch scratch);|}
                return scratch[0];
            }
            """
        ),
    ];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (id, markup) in Kernels) data.Add(id, markup);
            return data;
        }
    }

    /// <summary>Reported diagnostics without a markup case, and why.</summary>
    static readonly Dictionary<string, string> NotCovered = new()
    {
        ["SBPF0201"] = "a branch over more than 32767 instructions needs a function that large, which takes minutes to compile",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_reported_at_its_construct(string id, string markup)
    {
        var parsed = Markup.Parse(DiagnosticsDocument.SourceOf(markup));
        Assert.Contains(parsed.Expected, expected => expected.Id == id);
        var diagnostics = AnalyzerRun.Analyze(parsed.Source, DiagnosticsDocument.Usings);
        var actual = diagnostics.Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan.Start,
            parsed.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.Equal(parsed.Expected, actual);
        Assert.All(diagnostics, d => Assert.Equal(AnalyzerRun.SourcePath, d.Location.SourceTree?.FilePath));
    }

    [Fact]
    public void Every_reported_diagnostic_has_a_case()
    {
        var covered = Kernels.Select(kernel => kernel.Id).ToHashSet();
        Assert.All(Diagnostics.All.Keys.Where(BpfObjectAnalyzer.IsReported).Where(id => !NotCovered.ContainsKey(id)),
            id => Assert.True(covered.Contains(id), $"{id} has no markup case"));
    }
}
