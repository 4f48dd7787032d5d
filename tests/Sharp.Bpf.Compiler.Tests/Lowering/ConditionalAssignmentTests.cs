using Sharp.Bpf.Compiler.Ir;
using Sharp.Bpf.Compiler.Tests.Intrinsics;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Lowering;

/// <summary><c>x = c ? a : b</c> assigns x itself: the flow capture Roslyn makes of the target before the conditional is the
/// variable, not a copy of its value (ScalarSemanticsTests covers locals and parameters by running them).</summary>
public class ConditionalAssignmentTests
{
    [Fact]
    public void Global_assigned_a_conditional_is_stored()
    {
        var ir = IntrinsicHarness.Ir("""
            static uint total;
            [SocketFilter] public static int Run(SkBuff skb) { total = skb.Len > 5 ? 1u : 2u; return 0; }
            """);
        Assert.Contains(ir.All<Store>(), store => store.Size == 4 && ir.Origin(store.Base) is LoadGlobalAddress);
    }

    [Fact]
    public void Inline_array_element_assigned_a_conditional_is_stored_at_its_index()
    {
        var ir = IntrinsicHarness.Ir("""
            [System.Runtime.CompilerServices.InlineArray(4)] public struct Four { uint element; }
            static readonly ArrayMap<Four> Values = new(1);
            [SocketFilter] public static int Run(SkBuff skb)
            {
                Four four = default;
                four[2] = skb.Len > 5 ? 1u : 2u;
                Values.Update(0, four);
                return 0;
            }
            """);
        Assert.Contains(ir.All<StoreStack>(), store => (store.Offset, store.Size) == (8, 4));
    }
}
