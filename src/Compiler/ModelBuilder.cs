using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Sharp.Bpf.Compiler;

/// <summary>Turns a <c>[BpfObject]</c> class into the equatable <see cref="ObjectModel"/>; every unsupported construct
/// becomes a <see cref="DiagnosticInfo"/>. Never throws (except on cancellation).</summary>
internal static class ModelBuilder
{
    const string ProgramAttributeName = "Sharp.Bpf.Kernel.ProgramAttribute";

    public static ObjectModel Build(GeneratorAttributeSyntaxContext attributed, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)attributed.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)attributed.TargetNode;
        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        string hint = (ns is null ? "" : ns + ".") + type.MetadataName.Replace('`', '_') + ".Bpf.g.cs";
        var diagnostics = new List<DiagnosticInfo>();
        var programs = new List<ProgramModel>();
        string license = "";
        try
        {
            var classAt = SourceSpan.From(declaration.Identifier.GetLocation());
            var attribute = attributed.Attributes.FirstOrDefault();
            foreach (var argument in attribute?.NamedArguments ?? [])
                if (argument.Key == "License" && argument.Value.Value is string value) license = value;
            if (license.Length == 0 || license.Contains('\0'))
                diagnostics.Add(new("SBPF0100", classAt, "[BpfObject] needs a licence: write [BpfObject(License = \"GPL\")]"));
            if (type.ContainingType is not null)
                diagnostics.Add(new("SBPF0100", classAt, $"BPF object class '{type.Name}' is nested in another type: declare it at namespace level"));
            if (type.IsGenericType)
                diagnostics.Add(new("SBPF0100", classAt, $"BPF object class '{type.Name}' is generic: declare it without type parameters"));
            if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                diagnostics.Add(new("SBPF0100", classAt, $"BPF object class '{type.Name}' must be partial so the compiler can add ObjectBytes: write 'static partial class {type.Name}'"));

            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (member is not IMethodSymbol method) continue;
                var programAttribute = method.GetAttributes().FirstOrDefault(a => DerivesFrom(a.AttributeClass, ProgramAttributeName));
                if (programAttribute is null) continue;
                if (BuildProgram(attributed.SemanticModel.Compilation, method, programAttribute, diagnostics, cancellationToken) is { } program)
                    programs.Add(program);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(new("SBPF9000", SafeSpan(declaration), $"{exception.GetType().Name}: {exception.Message}"));
        }
        return new ObjectModel(ns, type.Name, "class", type.IsStatic, hint, license,
            programs.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    static ProgramModel? BuildProgram(Compilation compilation, IMethodSymbol method, AttributeData programAttribute,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null) return null;
        var methodAt = SourceSpan.From(syntax.Identifier.GetLocation());

        string? section = SectionOf(programAttribute);
        if (section is null)
        {
            diagnostics.Add(new("SBPF0100", methodAt, $"program '{method.Name}': [{programAttribute.AttributeClass?.Name}] programs are not supported by the compiler yet; use [Xdp] or [SocketFilter]"));
            return null;
        }
        if (!method.IsStatic)
        {
            diagnostics.Add(new("SBPF0100", methodAt, $"program '{method.Name}' must be static"));
            return null;
        }
        string contextName = method.Parameters.Length > 0 && method.Parameters[0].Name.Length > 0 ? method.Parameters[0].Name : "ctx";

        ExpressionSyntax? returned = syntax switch
        {
            { ExpressionBody.Expression: var expression } => expression,
            { Body.Statements: [ReturnStatementSyntax { Expression: var expression }] } => expression,
            _ => null,
        };
        if (returned is null || returned.IsMissing)
        {
            SyntaxNode at = (SyntaxNode?)returned ?? (SyntaxNode?)syntax.Body ?? (SyntaxNode?)syntax.ExpressionBody ?? syntax;
            diagnostics.Add(new("SBPF0001", SourceSpan.From(at.GetLocation()), $"the body of '{method.Name}' is not a single constant return"));
            return null;
        }
        var semanticModel = compilation.GetSemanticModel(syntax.SyntaxTree);
        var constant = semanticModel.GetConstantValue(returned, cancellationToken);
        if (!constant.HasValue || ToInt32(constant.Value) is not int value)
        {
            diagnostics.Add(new("SBPF0001", SourceSpan.From(returned.GetLocation()), $"'{returned}' is not an integer constant"));
            return null;
        }
        var returnAt = SourceSpan.From(returned.GetLocation());
        var lines = syntax.SyntaxTree.GetText(cancellationToken).Lines;
        string text = returnAt.StartLine < lines.Count ? lines[returnAt.StartLine].ToString().Trim() : returned.ToString();
        return new ProgramModel(method.Name, section, contextName, value, returnAt, text);
    }

    /// <summary>The libbpf section name of a program attribute (mirrors each attribute's <c>SectionName</c>).</summary>
    static string? SectionOf(AttributeData attribute)
    {
        bool Flag(string name) => attribute.NamedArguments.Any(a => a.Key == name && a.Value.Value is true);
        return attribute.AttributeClass?.ToDisplayString() switch
        {
            "Sharp.Bpf.Kernel.XdpAttribute" => Flag("Frags") ? "xdp.frags" : "xdp",
            "Sharp.Bpf.Kernel.SocketFilterAttribute" => "socket",
            _ => null,
        };
    }

    /// <summary>The 32 bits of an integral, enum-underlying or bool constant (r0 is read as 32 bits by these program types).</summary>
    static int? ToInt32(object? value) => value switch
    {
        int v => v,
        uint v => unchecked((int)v),
        short v => v,
        ushort v => v,
        sbyte v => v,
        byte v => v,
        char v => v,
        bool v => v ? 1 : 0,
        long v when v is >= int.MinValue and <= uint.MaxValue => unchecked((int)v),
        ulong v when v <= uint.MaxValue => unchecked((int)(uint)v),
        _ => null,
    };

    static bool DerivesFrom(INamedTypeSymbol? type, string metadataName)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.ToDisplayString() == metadataName) return true;
        return false;
    }

    static SourceSpan? SafeSpan(SyntaxNode node)
    {
        try { return SourceSpan.From(node.GetLocation()); }
        catch (Exception exception) when (exception is not OperationCanceledException) { return null; }
    }
}
