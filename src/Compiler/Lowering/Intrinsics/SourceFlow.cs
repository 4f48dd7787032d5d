using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharp.Bpf.Compiler.Lowering.Intrinsics;

/// <summary>Roslyn's control flow graph of the C# method containing an operation, for the flow checks the intrinsics make
/// on the source (the IR is not finished while they lower; the source's CFG has the same paths).</summary>
internal static class SourceFlow
{
    /// <summary>The method declaration around <paramref name="operation"/> and its graph, or null outside a method body.</summary>
    public static (SyntaxNode Method, ControlFlowGraph Graph)? Of(IOperation operation, Compilation compilation)
    {
        var declaration = operation.Syntax.AncestorsAndSelf().OfType<BaseMethodDeclarationSyntax>().FirstOrDefault();
        if (declaration is null || !compilation.ContainsSyntaxTree(declaration.SyntaxTree)) return null;
        var body = compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(declaration) as IMethodBodyOperation;
        return body is null ? null : (declaration, ControlFlowGraph.Create(body));
    }

    /// <summary>Every invocation inside <paramref name="operation"/> (itself included), in tree order.</summary>
    public static IEnumerable<IInvocationOperation> Invocations(IOperation operation) =>
        operation.DescendantsAndSelf().OfType<IInvocationOperation>();

    /// <summary>Whether <paramref name="invocation"/> calls Sharp.Bpf.Kernel method <paramref name="name"/> declared on
    /// <paramref name="type"/> (a metadata name).</summary>
    public static bool Calls(IInvocationOperation invocation, string type, string name) =>
        invocation.TargetMethod.Name == name && KernelSymbols.Is(invocation.TargetMethod.ContainingType, type);

    /// <summary>The local an operation reads, looking through implicit conversions.</summary>
    public static ILocalSymbol? LocalOf(IOperation? operation)
    {
        while (operation is IConversionOperation { IsImplicit: true } conversion) operation = conversion.Operand;
        return (operation as ILocalReferenceOperation)?.Local;
    }

    /// <summary>The successors of a block with, for each, whether it is taken when the branch value is true (null for an
    /// unconditional edge).</summary>
    public static IEnumerable<(ControlFlowBranch Branch, bool? WhenTrue)> Successors(BasicBlock block)
    {
        if (block.ConditionKind == ControlFlowConditionKind.None)
        {
            if (block.FallThroughSuccessor is { } only) yield return (only, null);
            yield break;
        }
        bool conditionalWhen = block.ConditionKind == ControlFlowConditionKind.WhenTrue;
        if (block.ConditionalSuccessor is { } conditional) yield return (conditional, conditionalWhen);
        if (block.FallThroughSuccessor is { } fallThrough) yield return (fallThrough, !conditionalWhen);
    }
}
