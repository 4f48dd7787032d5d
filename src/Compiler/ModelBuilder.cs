using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharp.Bpf.Compiler.Lowering;
using Sharp.Bpf.Compiler.Objects;

namespace Sharp.Bpf.Compiler;

/// <summary>Turns a <c>[BpfObject]</c> class into the equatable <see cref="ObjectModel"/>: its programs (evaluated
/// attribute, typed context, lowered IR), maps, globals and every diagnostic. Never throws (except on cancellation): a
/// failure becomes SBPF9000 at the class.</summary>
internal static class ModelBuilder
{
    internal const string BpfObjectAttributeName = "Sharp.Bpf.Kernel.BpfObjectAttribute";

    /// <summary>The model of the <c>[BpfObject]</c> class <paramref name="type"/>, with all diagnostics; what the generator
    /// compiles and what an analyzer reports.</summary>
    public static ObjectModel Build(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        string? ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        string hint = (ns is null ? "" : ns + ".") + type.MetadataName.Replace('`', '_') + ".Bpf.g.cs";
        var diagnostics = new List<DiagnosticInfo>();
        var programs = new List<ProgramModel>();
        var maps = new List<MapModel>();
        var globals = new List<GlobalModel>();
        string license = "";
        var declarations = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().ToList();
        var classAt = declarations.Count > 0 ? SourceSpan.From(declarations[0].Identifier.GetLocation())
            : type.Locations.FirstOrDefault() is { } location ? SourceSpan.From(location) : null;
        try
        {
            var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == BpfObjectAttributeName);
            foreach (var argument in attribute?.NamedArguments ?? [])
                if (argument.Key == "License" && argument.Value.Value is string value) license = value;
            if (license.Length == 0 || license.Contains('\0'))
                diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, classAt, "[BpfObject] needs a licence: write [BpfObject(License = \"GPL\")]"));
            if (type.ContainingType is not null)
                diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, classAt, $"BPF object class '{type.Name}' is nested in another type: declare it at namespace level"));
            if (type.IsGenericType)
                diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, classAt, $"BPF object class '{type.Name}' is generic: declare it without type parameters"));
            if (declarations.Any(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)))
                diagnostics.Add(new(Diagnostics.UnsupportedDeclaration.Id, classAt, $"BPF object class '{type.Name}' must be partial so the compiler can add ObjectBytes and its bindings: write 'static partial class {type.Name}'"));

            foreach (var member in type.GetMembers())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (member)
                {
                    case IFieldSymbol { IsConst: true }:
                        break;
                    case IFieldSymbol field when MapDeclarations.IsMapField(field):
                        if (MapDeclarations.Build(field, compilation, diagnostics, cancellationToken) is { } map) maps.Add(map);
                        break;
                    case IFieldSymbol { IsStatic: true } or IFieldSymbol { IsImplicitlyDeclared: false }:
                        if (GlobalDeclarations.Build((IFieldSymbol)member, compilation, diagnostics, cancellationToken) is { } global) globals.Add(global);
                        break;
                    case IMethodSymbol method:
                        if (method.GetAttributes().FirstOrDefault(a => Symbols.DerivesFrom(a.AttributeClass, ProgramDeclarations.ProgramAttributeName)) is { } programAttribute
                            && BuildProgram(compilation, method, programAttribute, diagnostics, cancellationToken) is { } program)
                            programs.Add(program);
                        break;
                }
            }
            diagnostics.AddRange(SubprogramNameClashes(programs, maps, globals));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            diagnostics.Add(new(Diagnostics.InternalError.Id, classAt, $"{exception.GetType().Name}: {exception.Message}"));
        }
        return new ObjectModel(ns, type.Name, type.IsRecord ? "record" : "class", type.IsStatic, hint, license,
            programs.ToEquatableArray(), maps.ToEquatableArray(), globals.ToEquatableArray(), PathMapOf(compilation), diagnostics.ToEquatableArray());
    }

    /// <summary>The <c>/pathmap</c> csc gave the compilation's source resolver (the one it applies to PDB paths).</summary>
    static EquatableArray<PathMapping> PathMapOf(Compilation compilation) =>
        compilation.Options.SourceReferenceResolver is SourceFileResolver resolver
            ? resolver.PathMap.Select(entry => new PathMapping(entry.Key, entry.Value)).ToEquatableArray()
            : EquatableArray<PathMapping>.Empty;

    /// <summary>A <c>Bpf.Loop</c> body becomes a function named after its method, in one namespace with the programs, maps
    /// and globals: two different bodies of one name (overloads, or methods of different classes), or a body named like
    /// another item, would leave the object's references ambiguous.</summary>
    static IEnumerable<DiagnosticInfo> SubprogramNameClashes(List<ProgramModel> programs, List<MapModel> maps, List<GlobalModel> globals)
    {
        var others = new HashSet<string>(programs.Select(p => p.Name).Concat(maps.Select(m => m.Name)).Concat(globals.Select(g => g.Name)), StringComparer.Ordinal);
        var bodies = programs.SelectMany(program => program.Subprograms.Select(function => (Program: program, Function: function)));
        foreach (var group in bodies.GroupBy(body => body.Function.Name, StringComparer.Ordinal))
            if (others.Contains(group.Key) || group.Select(body => body.Function).Distinct().Count() > 1)
            {
                var program = group.First().Program;
                yield return new(Diagnostics.UnsupportedDeclaration.Id, program.At,
                    $"program '{program.Name}': its Bpf.Loop body '{group.Key}' has the name of another loop body, program, map or global of the object: give the method a name of its own");
            }
    }

    static ProgramModel? BuildProgram(Compilation compilation, IMethodSymbol method, AttributeData programAttribute,
        List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var syntax = method.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        if (syntax is null) return null;
        var methodAt = SourceSpan.From(syntax.Identifier.GetLocation());

        if (ProgramDeclarations.Evaluate(programAttribute, out var whyNot) is not { } declaration)
        {
            var attributeAt = programAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() is { } location ? SourceSpan.From(location) : methodAt;
            diagnostics.Add(new(Diagnostics.InvalidProgramDeclaration.Id, attributeAt, $"program '{method.Name}': {whyNot}"));
            return null;
        }
        if (!method.IsStatic || method.IsGenericMethod)
        {
            diagnostics.Add(new(Diagnostics.InvalidProgramDeclaration.Id, methodAt,
                $"program '{method.Name}' must be a static, non-generic method: write 'public static int {method.Name}(...)'"));
            return null;
        }
        var context = ContextParameters.Build(method, declaration, methodAt, diagnostics, out bool failed);
        if (failed) return null;

        var lowered = MethodLowerer.Lower(method, compilation, cancellationToken);
        diagnostics.AddRange(lowered.Diagnostics);
        return new ProgramModel(method.Name, declaration, context, methodAt, lowered.Function, lowered.Subprograms);
    }
}
