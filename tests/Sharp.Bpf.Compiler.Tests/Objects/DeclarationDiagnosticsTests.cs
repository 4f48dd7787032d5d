using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>Each unsupported map, global or program declaration is one specific diagnostic at the construct, saying what to
/// write instead. In the table, <c>[|...|]</c> marks where the diagnostic must point.</summary>
public class DeclarationDiagnosticsTests
{
    [Theory]
    [InlineData("static uint Size() => 16;\nstatic readonly HashMap<uint, ulong> M = new([|Size()|]);", "SBPF0101", "argument 'maxEntries' must be a constant")]
    [InlineData("static readonly HashMap<uint, ulong> M = new(8, [|Flags()|]);\nstatic Sharp.Bpf.MapFlags Flags() => 0;", "SBPF0101", "argument 'flags' must be a constant")]
    [InlineData("static HashMap<uint, ulong> [|M|] = new(8);", "SBPF0102", "must be 'static readonly'")]
    [InlineData("static readonly HashMap<uint, ulong> [|M|] = Make();\nstatic HashMap<uint, ulong> Make() => new(8);", "SBPF0102", "must be initialised with 'new(...)'")]
    [InlineData("static readonly ArrayMap<int> [|A|] = new(0);", "SBPF0102", "needs at least one entry")]
    [InlineData("static readonly RingBuffer<int> [|R|] = new(1000);", "SBPF0102", "must be a power of two of at least 4096 bytes")]
    [InlineData("static readonly HashMap<uint, decimal> [|M|] = new(8);", "SBPF0103", "the value type 'decimal' has no eBPF representation")]
    [InlineData("static readonly HashMap<Auto, uint> [|M|] = new(8);", "SBPF0103", "the key type 'Auto' has auto layout")]
    [InlineData("static decimal [|D|];", "SBPF0103", "global 'D': 'decimal'")]
    [InlineData("static int G = [|Compute()|];\nstatic int Compute() => 3;", "SBPF0104", "the initialiser 'Compute()' is not a constant")]
    [InlineData("static int [|C|] { get; set; }", "SBPF0100", "static property")]
    [InlineData("[SocketFilter] public static int [|Two|](SkBuff a, SkBuff b) => 0;", "SBPF0105", "a program receives only its context")]
    [InlineData("[Tracepoint(\"sched\", \"sched_switch\")] public static int [|Record|](Auto record) => 0;", "SBPF0103", "has auto layout")]
    [InlineData("[Xdp] public static XdpAction [|Pass|](SkBuff skb) => XdpAction.Pass;", "SBPF0105", "is [Xdp]: its context is 'XdpMd', not 'SkBuff'")]
    [InlineData("[Tracepoint(\"sched\", \"sched_switch\")] public static int [|Switch|](XdpMd ctx) => 0;", "SBPF0105", "its context is a struct declaring its record, or no parameter, not 'XdpMd'")]
    [InlineData("[SocketFilter] public static int [|Generic|]<T>(SkBuff skb) => 0;", "SBPF0105", "must be a static, non-generic method")]
    public void Declaration_is_reported_at_the_construct(string members, string id, string message)
    {
        const string prefix = "using System.Runtime.InteropServices;\nusing Sharp.Bpf.Kernel;\n[StructLayout(LayoutKind.Auto)] public struct Auto { public int A; }\n[BpfObject(License = \"GPL\")]\npublic static partial class Probe\n{\n";
        string marked = prefix + members + "\n[SocketFilter] public static int Keep(SkBuff skb) => 1;\n}\n";
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal) - 2;
        string source = marked.Replace("[|", "").Replace("|]", "");

        var diagnostic = Assert.Single(GeneratorHarness.CompilerDiagnostics(source));
        Assert.Equal(id, diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(source[start..end], source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
    }

    [Theory]
    [InlineData("[BpfObject]\npublic static partial class Probe { }", "needs a licence")]
    [InlineData("[BpfObject(License = \"GPL\")]\npublic static class Probe { }", "must be partial")]
    public void Object_class_problems_are_SBPF0100_at_the_class_name(string declaration, string message)
    {
        string source = "using Sharp.Bpf.Kernel;\n" + declaration;
        var diagnostic = Assert.Single(GeneratorHarness.CompilerDiagnostics(source), d => d.Id == "SBPF0100");
        Assert.Contains(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Probe", source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
    }
}
