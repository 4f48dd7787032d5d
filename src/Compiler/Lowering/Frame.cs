using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>One method body being lowered: the entry method, or a call inlined into it. Holds where its locals,
/// parameters and flow captures live and where its returns go.</summary>
internal sealed class Frame(IMethodSymbol method, ControlFlowGraph graph)
{
    public IMethodSymbol Method { get; } = method;

    public ControlFlowGraph Graph { get; } = graph;

    public Dictionary<ILocalSymbol, Location> Locals { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<IParameterSymbol, Location> Parameters { get; } = new(SymbolEqualityComparer.Default);

    public Dictionary<CaptureId, Location> Captures { get; } = [];

    /// <summary>Flow captures the graph writes through (an assignment's target captured before a value with control flow,
    /// <c>x = c ? a : b</c>): they stand for the variable itself, not a copy of its value.</summary>
    public HashSet<CaptureId> WrittenCaptures { get; } = [.. WrittenThrough(graph)];

    static IEnumerable<CaptureId> WrittenThrough(ControlFlowGraph graph)
    {
        foreach (var block in graph.Blocks)
            foreach (var operation in block.BranchValue is { } branch ? [.. block.Operations, branch] : block.Operations)
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    var target = descendant switch
                    {
                        IAssignmentOperation assignment => assignment.Target,
                        IIncrementOrDecrementOperation increment => increment.Target,
                        IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out } argument => argument.Value,
                        _ => null,
                    };
                    if (target is IFlowCaptureReferenceOperation reference) yield return reference.Id;
                }
    }

    /// <summary>Flow captures of span enumerators over inline arrays, lowered as counted loops.</summary>
    public Dictionary<CaptureId, InlineArrayEnumerator> Enumerators { get; } = [];

    /// <summary>The receiver of an inlined struct method.</summary>
    public Location? This { get; init; }

    /// <summary>For an inlined call: the block after the call, which every return jumps to (-1 for the entry method).</summary>
    public int Continuation { get; init; } = -1;

    /// <summary>For an inlined call returning a value: where returns store it (for pointers and kernel handles, created by
    /// the first return, in the shape of its value).</summary>
    public Location? Result { get; set; }

    /// <summary>Locals and parameters whose address is taken or that are passed by reference: they live in memory.</summary>
    public HashSet<ISymbol> AddressTaken { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>IR block of each CFG block (by ordinal), created on first use.</summary>
    public int[] Blocks { get; } = [.. Enumerable.Repeat(-1, graph.Blocks.Length)];

    /// <summary>What is known about divisors and indices at each CFG block's start.</summary>
    public ValueFacts? Facts { get; set; }
}
