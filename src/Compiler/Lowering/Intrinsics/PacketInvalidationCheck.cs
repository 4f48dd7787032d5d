using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Finds packet pointers used after <c>Bpf.SkbPullData</c>, which invalidates them (DESIGN.md §2 rule 2): a
/// forward may-analysis on the source's control flow graph over the locals that hold packet pointers (<c>Packet</c> locals
/// and <c>NullableRef</c> locals assigned from <c>Packet.GetRef</c>). The call makes every such local stale; assigning the
/// local again (<c>packet = skb.Packet;</c>, an <c>out</c> argument) makes it fresh; reading a local that is stale on
/// some path is reported. The generated code itself reloads <c>data</c>/<c>data_end</c> at every <c>skb.Packet</c>.</summary>
internal static class PacketInvalidationCheck
{
    /// <summary>Reads of stale packet locals in <paramref name="graph"/>.</summary>
    public static IReadOnlyList<ILocalReferenceOperation> StaleUses(ControlFlowGraph graph)
    {
        var tracked = TrackedLocals(graph);
        if (tracked.Count == 0) return [];
        var entry = new Dictionary<BasicBlock, HashSet<ILocalSymbol>>();
        foreach (var block in graph.Blocks) entry[block] = new(SymbolEqualityComparer.Default);
        var work = new Queue<BasicBlock>(graph.Blocks);
        while (work.Count > 0)
        {
            var block = work.Dequeue();
            var exit = Transfer(block, new HashSet<ILocalSymbol>(entry[block], SymbolEqualityComparer.Default), tracked, uses: null);
            foreach (var (branch, _) in SourceFlow.Successors(block))
                if (branch.Destination is { } next && !exit.IsSubsetOf(entry[next]))
                {
                    entry[next].UnionWith(exit);
                    work.Enqueue(next);
                }
        }
        var stale = new List<ILocalReferenceOperation>();
        foreach (var block in graph.Blocks) Transfer(block, entry[block], tracked, stale);
        return stale;
    }

    static HashSet<ILocalSymbol> Transfer(BasicBlock block, HashSet<ILocalSymbol> stale, HashSet<ILocalSymbol> tracked, List<ILocalReferenceOperation>? uses)
    {
        foreach (var operation in block.Operations.Append(block.BranchValue).OfType<IOperation>())
        {
            var written = Written(operation);
            if (uses is not null)
                foreach (var reference in operation.DescendantsAndSelf().OfType<ILocalReferenceOperation>())
                    if (stale.Contains(reference.Local) && !written.Contains(reference))
                        uses.Add(reference);
            if (SourceFlow.Invocations(operation).Any(i => SourceFlow.Calls(i, "Bpf", "SkbPullData"))) stale.UnionWith(tracked);
            foreach (var reference in written) stale.Remove(reference.Local);
        }
        return stale;
    }

    /// <summary>Local references that are assignment targets or <c>out</c> arguments (writes, not reads).</summary>
    static HashSet<ILocalReferenceOperation> Written(IOperation operation)
    {
        var written = new HashSet<ILocalReferenceOperation>();
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }) written.Add(target);
            if (node is IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: var value })
                foreach (var reference in value.DescendantsAndSelf().OfType<ILocalReferenceOperation>()) written.Add(reference);
        }
        return written;
    }

    static HashSet<ILocalSymbol> TrackedLocals(ControlFlowGraph graph)
    {
        var tracked = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var operation in graph.Blocks.SelectMany(b => b.Operations).SelectMany(o => o.DescendantsAndSelf()))
        {
            if (operation is ILocalReferenceOperation reference && KernelSymbols.Is(reference.Local.Type, "Packet")) tracked.Add(reference.Local);
            if (operation is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target, Value: var value }
                && SourceFlow.Invocations(value).Any(i => SourceFlow.Calls(i, "Packet", "GetRef")))
                tracked.Add(target.Local);
        }
        return tracked;
    }
}
