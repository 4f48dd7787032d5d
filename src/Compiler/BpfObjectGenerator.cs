using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler.Bindings;

namespace Sharp.Bpf.Compiler;

/// <summary>Compiles each <c>[BpfObject]</c> class to a libbpf-style ELF object and embeds it as
/// <c>public static ReadOnlySpan&lt;byte&gt; ObjectBytes</c> in a generated part of the class, with typed bindings
/// (<c>Load</c>, <c>Options</c>, <c>Loaded</c>: see <see cref="BindingWriter"/>).</summary>
[Generator(LanguageNames.CSharp)]
public sealed class BpfObjectGenerator : IIncrementalGenerator
{
    internal const string BpfObjectAttributeName = ModelBuilder.BpfObjectAttributeName;

    /// <summary>Tracking names of the pipeline steps, for caching tests.</summary>
    public static class Steps
    {
        public const string Model = "Sharp.Bpf.Model";
        public const string Emit = "Sharp.Bpf.Emit";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(BpfObjectAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
                static (attributed, cancellationToken) =>
                    ModelBuilder.Build((INamedTypeSymbol)attributed.TargetSymbol, attributed.SemanticModel.Compilation, cancellationToken))
            .WithTrackingName(Steps.Model);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) => BuildProperties.BackendOptions(provider.GlobalOptions));

        var emitted = models.Combine(options)
            .Select(static (pair, _) => ObjectEmitter.Emit(pair.Left, pair.Right))
            .WithTrackingName(Steps.Emit);

        context.RegisterSourceOutput(emitted, static (production, emitted) =>
        {
            // Sharp.Bpf.Analyzers reports every diagnostic below SBPF9000 from this same model, live in the editor and in
            // the build; reporting them here too would show each twice. Internal errors stay here: they may come from a
            // step the analyzer does not run.
            foreach (var diagnostic in emitted.Diagnostics)
                if (Diagnostics.IsInternal(diagnostic.Id))
                    production.ReportDiagnostic(Diagnostics.Create(diagnostic));
            if (NotCompiled(emitted) is { } summary) production.ReportDiagnostic(summary);
            production.AddSource(emitted.Model.HintName, BindingWriter.Write(emitted));
        });
    }

    /// <summary>SBPF9001 when the object failed on errors only the analyzer reports, at the first of them: a project that
    /// references the generator without the analyzer would otherwise build with an empty <c>ObjectBytes</c>.</summary>
    static Diagnostic? NotCompiled(EmittedObject emitted)
    {
        var errors = emitted.Diagnostics.Where(diagnostic => !Diagnostics.IsInternal(diagnostic.Id)).ToList();
        if (errors.Count == 0) return null;
        var first = errors[0];
        string firstMessage = Diagnostics.ById(first.Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture)
            .Replace("{0}", first.Argument);
        string reason = $"{errors.Count} error{(errors.Count == 1 ? "" : "s")} reported by Sharp.Bpf.Analyzers, the first {first.Id}: {firstMessage}"
            + " (reference the Sharp.Bpf.Analyzers analyzer, which the Sharp.Bpf package includes, to see each at its construct)";
        return Diagnostic.Create(Diagnostics.ObjectNotCompiled, first.Where?.ToLocation() ?? Location.None, emitted.Model.ClassName, reason);
    }
}
