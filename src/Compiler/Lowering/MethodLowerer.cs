using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>The IR of one method, or the diagnostics that stopped it (then <see cref="Function"/> is null).</summary>
/// <param name="Subprograms">The functions it refers to that are compiled on their own (<c>bpf_loop</c> bodies, and theirs).</param>
internal sealed record LoweringResult(IrFunction? Function, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<IrFunction> Subprograms);

/// <summary>Lowers a C# method (through Roslyn's <see cref="Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph"/>) to IR
/// with C#'s integer semantics made explicit. Calls of static methods in the compilation are inlined; Sharp.Bpf.Kernel
/// members go to the <see cref="IntrinsicHook"/>; everything eBPF cannot express becomes a diagnostic at its syntax.</summary>
internal static class MethodLowerer
{
    /// <summary>Lowers <paramref name="method"/> (a program or any static method used as an entry point) and the
    /// <c>bpf_loop</c> bodies it uses. Its parameters are v0..v(n-1); a parameter of a class type (a program's context) is a
    /// context pointer. Never throws except <see cref="OperationCanceledException"/>: failures become SBPF9000 at the method.</summary>
    public static LoweringResult Lower(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var (function, diagnostics, pending) = LowerOne(method, compilation, loopBody: false, cancellationToken);
        var subprograms = new List<IrFunction>();
        var seen = new HashSet<IMethodSymbol>(pending, SymbolEqualityComparer.Default);
        // A body may itself call Bpf.Loop; each body is lowered once however many calls use it.
        for (int i = 0; i < pending.Count; i++)
        {
            var (body, bodyDiagnostics, more) = LowerOne(pending[i], compilation, loopBody: true, cancellationToken);
            diagnostics.AddRange(bodyDiagnostics);
            if (body is not null) subprograms.Add(body);
            pending.AddRange(more.Where(seen.Add));
        }
        return new LoweringResult(diagnostics.Count == 0 ? function : null, diagnostics.ToEquatableArray(), subprograms.ToEquatableArray());
    }

    static (IrFunction? Function, List<DiagnosticInfo> Diagnostics, List<IMethodSymbol> Subprograms) LowerOne(IMethodSymbol method,
        Compilation compilation, bool loopBody, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        try
        {
            if (syntax is null)
                return (null, [new DiagnosticInfo(Diagnostics.UnsupportedCall.Id, null, method.ToDisplayString())], []);
            var lowerer = new BodyLowerer(method, compilation, loopBody, cancellationToken);
            var function = lowerer.LowerEntry(syntax);
            return (lowerer.Diagnostics.Count == 0 ? function : null, [.. lowerer.Diagnostics], [.. lowerer.Subprograms]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var at = syntax is MethodDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : syntax?.GetLocation();
            return (null, [new DiagnosticInfo(Diagnostics.InternalError.Id, at is null ? null : SourceSpan.From(at),
                $"{exception.GetType().Name} while lowering '{method.Name}': {exception.Message}")], []);
        }
    }
}
