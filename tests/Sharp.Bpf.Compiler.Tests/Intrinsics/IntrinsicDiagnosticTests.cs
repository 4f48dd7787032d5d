using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary>Misuse of the kernel programming model is a diagnostic at the C#, not a verifier rejection.</summary>
public class IntrinsicDiagnosticTests
{
    const string Events = "static readonly RingBuffer<Pair> Events = new(sizeBytes: 4096);\nstatic readonly HashMap<uint, ulong> Counts = new(maxEntries: 16);\n";

    [Theory]
    [InlineData("Counts.Count > 0")]
    [InlineData("Events.UsedBytes > 0")]
    [InlineData("BpfRuntime.Current.Cpu == 0")]
    [InlineData("Counts.Entries == null")]
    public void Managed_only_member_is_SBPF0060(string condition)
    {
        var ids = IntrinsicHarness.DiagnosticIds(Events + $"[Tc] public static TcAction Run(SkBuff skb) => {condition} ? TcAction.Shot : TcAction.Ok;");
        Assert.Contains("SBPF0060", ids);
    }

    [Fact]
    public void Managed_only_method_call_is_SBPF0060()
    {
        var ids = IntrinsicHarness.DiagnosticIds(Events + "[Tc] public static TcAction Run(SkBuff skb) { Counts.Clear(); return TcAction.Ok; }");
        Assert.Equal(["SBPF0060"], ids);
    }

    [Fact]
    public void Conditional_printk_format_is_SBPF0061()
    {
        var ids = IntrinsicHarness.DiagnosticIds("[Tc] public static TcAction Run(SkBuff skb) { Bpf.TracePrintk(skb.Len > 64 ? \"long\\n\" : \"short\\n\"); return TcAction.Ok; }");
        Assert.Contains("SBPF0061", ids);
    }

    [Fact]
    public void Non_constant_PtRegs_argument_number_is_SBPF0064()
    {
        var ids = IntrinsicHarness.DiagnosticIds("[Kprobe(\"do_unlinkat\")] public static int Run(PtRegs regs) { int n = (int)(regs.Rax & 1) + 1; return (int)regs.Arg(n); }");
        Assert.Equal(["SBPF0064"], ids);
    }

    [Fact]
    public void Non_constant_printk_format_is_SBPF0061()
    {
        var ids = IntrinsicHarness.DiagnosticIds("static string Format = \"x\";\n[Tc] public static TcAction Run(SkBuff skb) { Bpf.TracePrintk(Format); return TcAction.Ok; }");
        Assert.Contains("SBPF0061", ids);
    }

    [Theory]
    [InlineData("var r = Events.Reserve();\nif (r.IsNull) return TcAction.Ok;\nr.Value.A = 1;\nif (skb.Len > 10) r.Submit();\nreturn TcAction.Ok;")]
    [InlineData("var r = Events.Reserve();\nif (r.IsNull) return TcAction.Ok;\nreturn TcAction.Ok;")]
    [InlineData("var r = Events.Reserve();\nif (r.HasValue && skb.Len > 10) r.Submit();\nreturn TcAction.Ok;")]
    public void Reservation_not_released_on_some_path_is_SBPF0062(string body)
    {
        var ids = IntrinsicHarness.DiagnosticIds(Events + "[Tc] public static TcAction Run(SkBuff skb)\n{\n" + body + "\n}");
        Assert.Contains("SBPF0062", ids);
    }

    [Theory]
    [InlineData("var r = Events.Reserve();\nif (r.IsNull) return TcAction.Ok;\nr.Value.A = 1;\nr.Submit();\nreturn TcAction.Ok;")]
    [InlineData("var r = Events.Reserve();\nif (!r.HasValue) return TcAction.Ok;\nif (skb.Len > 10) { r.Discard(); return TcAction.Shot; }\nr.Submit();\nreturn TcAction.Ok;")]
    [InlineData("var r = Events.Reserve();\nif (r.HasValue) r.Submit();\nreturn TcAction.Ok;")]
    public void Reservation_released_on_every_path_lowers(string body)
    {
        var ids = IntrinsicHarness.DiagnosticIds(Events + "[Tc] public static TcAction Run(SkBuff skb)\n{\n" + body + "\n}");
        Assert.DoesNotContain("SBPF0062", ids);
        Assert.Empty(ids);
    }

    [Fact]
    public void Packet_used_after_SkbPullData_is_SBPF0063()
    {
        var ids = IntrinsicHarness.DiagnosticIds("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                Bpf.SkbPullData(skb, 64);
                return packet.TryRead(0, out EthernetHeader eth) ? TcAction.Shot : TcAction.Ok;
            }
            """);
        Assert.Contains("SBPF0063", ids);
    }

    [Fact]
    public void Packet_taken_again_after_SkbPullData_lowers()
    {
        var ids = IntrinsicHarness.DiagnosticIds("""
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                var packet = skb.Packet;
                if (packet.Length < 14) Bpf.SkbPullData(skb, 64);
                packet = skb.Packet;
                return packet.TryRead(0, out EthernetHeader eth) ? TcAction.Shot : TcAction.Ok;
            }
            """);
        Assert.Empty(ids);
    }

    [Theory]
    [InlineData("Bpf.Loop(10, static (uint i, ref ulong s) => { s += i; return 0; }, ref sum)", "SBPF0009")]
    [InlineData("Bpf.Loop(10, Body, ref sum, flags: 1)", "SBPF0017")]
    public void Bpf_Loop_with_a_lambda_body_or_with_flags_is_rejected(string call, string id)
    {
        var ids = IntrinsicHarness.DiagnosticIds($$"""
            static long Body(uint i, ref ulong sum) { sum += i; return 0; }
            [Tc]
            public static TcAction Run(SkBuff skb)
            {
                ulong sum = 0;
                {{call}};
                return sum == 45 ? TcAction.Shot : TcAction.Ok;
            }
            """);
        Assert.Contains(id, ids);
    }
}
