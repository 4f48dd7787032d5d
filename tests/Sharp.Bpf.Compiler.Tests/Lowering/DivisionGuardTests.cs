using Sharp.Bpf.Compiler.Tests.Intrinsics;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>A division compiles once branches have excluded a zero divisor and, for signed operands, MinValue / -1: guards
/// on fields of struct variables count, and so do guards that exclude the overflow differently on each path.</summary>
public class DivisionGuardTests
{
    const string Types = """
        public struct Record { public TracepointCommonFields Common; public int A; public int B; }
        static readonly ArrayMap<Pair> Pairs = new(1);

        """;

    static IReadOnlyList<string> Ids(string body, string parameter = "SkBuff skb", string attribute = "[SocketFilter]") =>
        IntrinsicHarness.DiagnosticIds(Types + $"{attribute} public static int Run({parameter}) {{ {body} }}");

    [Theory]
    [InlineData("Pair p = default; p.A = skb.Len; p.B = skb.Mark; if (p.B != 0) return (int)(p.A / p.B); return 0;")]
    [InlineData("Pair p = default; p.A = skb.Len; p.B = skb.Mark; if (p.B == 0) return 0; return (int)(p.A % p.B);")]
    [InlineData("Pair p = default; p.B = skb.Mark; var q = p; if (q.B == 0) return 0; p.B = 0; return (int)(skb.Len / q.B);")]
    public void Guard_on_a_struct_local_field_proves_the_divisor(string body)
    {
        Assert.Empty(Ids(body));
    }

    [Fact]
    public void Guard_on_a_context_record_field_proves_the_divisor()
    {
        Assert.Empty(Ids("if (record.B <= 0) return 0; return record.A / record.B;", "in Record record", "[Tracepoint(\"sched\", \"sched_switch\")]"));
    }

    [Theory]
    [InlineData("Pair p = default; p.B = skb.Mark; if (p.B == 0) return 0; p.B = skb.Len; return (int)(skb.Len / p.B);")]
    [InlineData("Pair p = default; p.B = skb.Mark; if (p.B == 0) return 0; p = default; return (int)(skb.Len / p.B);")]
    [InlineData("Pair p = default; p.B = skb.Mark; if (p.B == 0) return 0; Reset(ref p); return (int)(skb.Len / p.B);")]
    [InlineData("var v = Pairs.Lookup(0); if (v.IsNull || v.Value.B == 0) return 0; return (int)(skb.Len / v.Value.B);")]
    public void Field_guard_no_longer_holding_is_SBPF0003(string body)
    {
        Assert.Equal(["SBPF0003"], IntrinsicHarness.DiagnosticIds(Types + "static void Reset(ref Pair p) => p.B = 0;"
            + $"[SocketFilter] public static int Run(SkBuff skb) {{ {body} }}"));
    }

    [Theory]
    [InlineData("if (b == 0 || (a == int.MinValue && b == -1)) return 0; return a / b;")]
    [InlineData("if (b == 0 || a == int.MinValue && b == -1) return 0; return a % b;")]
    [InlineData("if (b == 0 || a == int.MinValue) return 0; return a / b;")]
    [InlineData("if (b == 0) return 0; if (a != int.MinValue) return a / b; return 1;")]
    [InlineData("if (b is 0 || a is int.MinValue) return 0; return a / b;")]
    public void Compound_guard_excluding_MinValue_by_minus_one_proves_the_division(string guard)
    {
        Assert.Empty(Ids("int a = (int)skb.Len, b = (int)skb.Mark; " + guard));
    }

    [Theory]
    [InlineData("if (b == 0 || (a == int.MinValue && b == 1)) return 0; return a / b;")]
    [InlineData("if (b == 0 || a == int.MaxValue) return 0; return a / b;")]
    [InlineData("if (b == 0 || (a == int.MinValue && b == -1)) a = int.MinValue; if (b == 0) return 0; return a / b;")]
    public void Guard_leaving_MinValue_by_minus_one_possible_is_SBPF0004(string guard)
    {
        Assert.Equal(["SBPF0004"], Ids("int a = (int)skb.Len, b = (int)skb.Mark; " + guard));
    }
}
