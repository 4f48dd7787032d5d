using Sharp.Bpf.Compiler.Ir;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Intrinsics;

/// <summary><c>IsNull</c>/<c>HasValue</c> as a condition is one branch comparing the very pointer register with 0 — the
/// register the verifier then marks non-null — with no 0/1 flag materialised in between.</summary>
public class NullCheckBranchTests
{
    const string Maps = """
        static readonly HashMap<uint, ulong> Counts = new(maxEntries: 16);

        """;

    static IrFunction Ir(string body) => IntrinsicHarness.Ir(Maps + "[Tc] public static TcAction Run(SkBuff skb)\n{\nvar slot = Counts.Lookup(5);\n" + body + "\n}");

    [Theory]
    [InlineData("if (slot.IsNull) return TcAction.Shot;\nreturn TcAction.Ok;", true)]
    [InlineData("if (!slot.IsNull) return TcAction.Shot;\nreturn TcAction.Ok;", true)]
    [InlineData("if (slot.HasValue) return TcAction.Shot;\nreturn TcAction.Ok;", false)]
    [InlineData("if (!slot.HasValue) return TcAction.Ok;\nslot.Value++;\nreturn TcAction.Shot;", false)]
    [InlineData("if (slot.HasValue && slot.Value > 3) return TcAction.Shot;\nreturn TcAction.Ok;", false)]
    [InlineData("if (slot.IsNull || slot.Value > 3) return TcAction.Shot;\nreturn TcAction.Ok;", true)]
    public void Null_check_branches_on_the_pointer_register(string body, bool comparesEqual)
    {
        var ir = Ir(body);
        var lookup = Assert.Single(ir.Calls());
        var nullCheck = Assert.Single(ir.Blocks.Select(b => b.Terminator).OfType<Branch>(), b => ir.Origin(b.Left) == lookup);
        Assert.Equal((comparesEqual ? Condition.Eq : Condition.Ne, Width.W64, (Operand)new Imm(0)), (nullCheck.Condition, nullCheck.Width, nullCheck.Right));
        Assert.DoesNotContain(ir.All<Move>(), m => m.Src == new Imm(1));
    }
}
