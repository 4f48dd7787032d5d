using Sharp.Bpf.Compiler.Tests.Intrinsics;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary>A variable index into an inline array compiles once a branch has proven it below the length, whichever way the
/// guard is written; without one it is SBPF0019.</summary>
public class IndexGuardTests
{
    const string Types = """
        [System.Runtime.CompilerServices.InlineArray(4)] public struct Pairs { Pair element; }
        static readonly HashMap<int, uint> Counts = new(16);

        """;

    [Theory]
    [InlineData("int i = (int)skb.Mark; if ((uint)i < 4) { pairs[i].A = 1; return (int)pairs[i].B; } return 0;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i >= 4) return 0; pairs[i].A = 1; return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if (!((uint)i < 4)) return 0; return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if (i < 0 || i >= 4) return 0; return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if (i >= 0 && i < 4) return (int)pairs[i].B; return 0;")]
    [InlineData("int i = (int)skb.Mark; if (i is < 0 or >= 4) return 0; return (int)pairs[i].B;")]
    [InlineData("uint u = skb.Mark; if (u >= 4) return 0; return (int)pairs[(int)u].B;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i >= 4) return 0; Counts.Update(i, 1); return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i >= 4) return 0; if (Counts.TryGetValue(i, out var n)) pairs[i].A = n; return (int)pairs[i].B;")]
    [InlineData("int sum = 0; for (int i = 0; i < 4; i++) sum += (int)(pairs[i].A * pairs[i].B); return sum;")]
    public void Guarded_index_compiles(string body)
    {
        var ids = IntrinsicHarness.DiagnosticIds(Types + $"[SocketFilter] public static int Run(SkBuff skb) {{ Pairs pairs = default; {body} }}");
        Assert.Empty(ids);
    }

    [Theory]
    [InlineData("int i = (int)skb.Mark; if (i < 4) return (int)pairs[i].B; return 0;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i <= 4) return (int)pairs[i].B; return 0;")]
    [InlineData("int i = (int)skb.Mark; if (i < 0 && i >= 4) return 0; return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i >= 4) i = 9; return (int)pairs[i].B;")]
    [InlineData("int i = (int)skb.Mark; if ((uint)i >= 4) return 0; Bump(ref i); return (int)pairs[i].B;")]
    public void Unproven_index_is_SBPF0019(string body)
    {
        var ids = IntrinsicHarness.DiagnosticIds(Types + $"static void Bump(ref int i) => i += 4; [SocketFilter] public static int Run(SkBuff skb) {{ Pairs pairs = default; {body} }}");
        Assert.Equal(["SBPF0019"], ids.Distinct());
    }
}
