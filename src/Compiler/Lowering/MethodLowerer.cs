using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Sharp.Bpf.Compiler.Ir;

namespace Sharp.Bpf.Compiler.Lowering;

/// <summary>The IR of one method, or the diagnostics that stopped it (then <see cref="Function"/> is null).</summary>
internal sealed record LoweringResult(IrFunction? Function, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Lowers a C# method (through Roslyn's <see cref="Microsoft.CodeAnalysis.FlowAnalysis.ControlFlowGraph"/>) to IR
/// with C#'s integer semantics made explicit. Calls of static methods in the compilation are inlined; Sharp.Bpf.Kernel
/// members go to the <see cref="IntrinsicHook"/>; everything eBPF cannot express becomes a diagnostic at its syntax.</summary>
internal static class MethodLowerer
{
    /// <summary>Lowers <paramref name="method"/> (a program or any static method used as an entry point). Its parameters are
    /// v0..v(n-1); a parameter of a class type (a program's context) is a context pointer. Never throws except
    /// <see cref="OperationCanceledException"/>: failures become SBPF9000 at the method.</summary>
    public static LoweringResult Lower(IMethodSymbol method, Compilation compilation, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).FirstOrDefault();
        try
        {
            if (syntax is null)
                return Failed(new DiagnosticInfo(Diagnostics.UnsupportedCall.Id, null, method.ToDisplayString()));
            var lowerer = new BodyLowerer(method, compilation, cancellationToken);
            var function = lowerer.LowerEntry(syntax);
            var diagnostics = lowerer.Diagnostics.ToEquatableArray();
            return new LoweringResult(diagnostics.Count == 0 ? function : null, diagnostics);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var at = syntax is MethodDeclarationSyntax declaration ? declaration.Identifier.GetLocation() : syntax?.GetLocation();
            return Failed(new DiagnosticInfo(Diagnostics.InternalError.Id, at is null ? null : SourceSpan.From(at),
                $"{exception.GetType().Name} while lowering '{method.Name}': {exception.Message}"));
        }
    }

    static LoweringResult Failed(DiagnosticInfo diagnostic) => new(null, new[] { diagnostic }.ToEquatableArray());
}
