using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>What the intrinsics remember while one function is lowered: which source methods the flow checks (ring buffer
/// reservations, packet pointers after <c>bpf_skb_pull_data</c>) have already examined. Keyed by the function's builder,
/// because the lowerers themselves are shared by every compilation.</summary>
internal sealed class IntrinsicState
{
    static readonly ConditionalWeakTable<FunctionBuilder, IntrinsicState> States = new();

    readonly HashSet<(SyntaxNode Method, string Check)> _checked = [];

    public static IntrinsicState Of(ILoweringContext context) => States.GetValue(context.Builder, _ => new IntrinsicState());

    /// <summary>True the first time <paramref name="check"/> asks about <paramref name="method"/> in this function.</summary>
    public bool FirstTime(SyntaxNode method, string check)
    {
        lock (_checked) return _checked.Add((method, check));
    }
}
