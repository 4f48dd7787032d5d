using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Checks on the source's control flow graph that every ring buffer reservation is submitted or discarded on every
/// path that leaves the method with it non-null — the verifier rejects a program that may leak one (it tracks the
/// reference), but its message names an instruction; this one names the C# local. A path is released by
/// <c>r.Submit(...)</c> or <c>r.Discard(...)</c>, and a path on which <c>r.IsNull</c> (or <c>!r.HasValue</c>) was true
/// holds nothing to release.</summary>
internal static class ReservationCheck
{
    /// <summary>Reservations made in <paramref name="graph"/> that can reach the method's exit unreleased, with the
    /// operation to report at.</summary>
    public static IReadOnlyList<(IOperation At, string Name)> Leaks(ControlFlowGraph graph)
    {
        var leaks = new List<(IOperation, string)>();
        foreach (var block in graph.Blocks)
            for (int index = 0; index < block.Operations.Length; index++)
                foreach (var reserve in SourceFlow.Invocations(block.Operations[index]).Where(i => SourceFlow.Calls(i, "RingBuffer`1", "Reserve")))
                {
                    if (block.Operations[index] is not ISimpleAssignmentOperation assignment || SourceFlow.LocalOf(assignment.Target) is not { } local)
                    {
                        leaks.Add((reserve, reserve.Syntax.ToString()));
                        continue;
                    }
                    if (CanLeak(block, index + 1, local)) leaks.Add((reserve, local.Name));
                }
        return leaks;
    }

    static bool CanLeak(BasicBlock start, int startIndex, ILocalSymbol local)
    {
        var visited = new HashSet<BasicBlock>();
        var work = new Stack<(BasicBlock Block, int Index)>();
        work.Push((start, startIndex));
        while (work.Count > 0)
        {
            var (block, index) = work.Pop();
            if (block.Kind == BasicBlockKind.Exit) return true;
            if (Releases(block, index, local)) continue;
            bool? trueMeansNull = block.BranchValue is { } condition ? NullTest(condition, local) : null;
            foreach (var (branch, whenTrue) in SourceFlow.Successors(block))
            {
                if (trueMeansNull is { } nullWhen && whenTrue == nullWhen) continue;
                if (branch.Semantics == ControlFlowBranchSemantics.Throw || branch.Semantics == ControlFlowBranchSemantics.Rethrow) continue;
                if (branch.Destination is { } next && visited.Add(next)) work.Push((next, 0));
            }
        }
        return false;
    }

    static bool Releases(BasicBlock block, int from, ILocalSymbol local)
    {
        var operations = block.Operations.Skip(from).Append(block.BranchValue).OfType<IOperation>();
        return operations.SelectMany(SourceFlow.Invocations).Any(invocation =>
            (SourceFlow.Calls(invocation, "RingBufferReservation`1", "Submit") || SourceFlow.Calls(invocation, "RingBufferReservation`1", "Discard"))
            && SymbolEqualityComparer.Default.Equals(SourceFlow.LocalOf(invocation.Instance), local));
    }

    /// <summary>True when the condition being true means the reservation is null, false when its being false does, null when
    /// the condition does not test it.</summary>
    static bool? NullTest(IOperation condition, ILocalSymbol local)
    {
        bool negated = false;
        while (true)
        {
            if (condition is IConversionOperation { IsImplicit: true } conversion) condition = conversion.Operand;
            else if (condition is IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not) { negated = !negated; condition = not.Operand; }
            else break;
        }
        if (condition is not IPropertyReferenceOperation property || !SymbolEqualityComparer.Default.Equals(SourceFlow.LocalOf(property.Instance), local))
            return null;
        bool? trueMeansNull = property.Property.Name switch { "IsNull" => true, "HasValue" => false, _ => null };
        return trueMeansNull is { } value ? value != negated : null;
    }
}
