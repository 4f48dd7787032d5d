using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharp.Bpf.Compiler;

namespace Sharp.Bpf.Analyzers;

/// <summary>Reports the compiler's diagnostics for each <c>[BpfObject]</c> class while it is edited and in the build, by
/// running the compiler's own steps (<see cref="ModelBuilder"/>, which lowers every program method, then
/// <see cref="ObjectEmitter"/>, which runs the backend): whatever the compiler rejects, this reports, at the same place and
/// with the same message. It reports the source-level ranges (<see cref="IsReported"/>); the generator reports only its
/// internal errors (SBPF9xxx).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BpfObjectAnalyzer : DiagnosticAnalyzer
{
    const string BpfObjectAttributeName = "Sharp.Bpf.Kernel.BpfObjectAttribute";

    /// <summary>Whether this analyzer reports <paramref name="id"/> from the compiler's checks: SBPF0001–SBPF0299 (unsupported
    /// C#, declarations, resource limits). It also reports SBPF9000 when running those checks fails.</summary>
    public static bool IsReported(string id) =>
        id.Length == 8 && id.StartsWith("SBPF", StringComparison.Ordinal)
        && int.TryParse(id.AsSpan(4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int number)
        && number is >= 1 and <= 299;

    static readonly ImmutableArray<DiagnosticDescriptor> Supported = Diagnostics.All.Values
        .Where(descriptor => IsReported(descriptor.Id))
        .Append(Diagnostics.InternalError)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // A compilation without Sharp.Bpf has no kernel code: register nothing, cost nothing.
            if (start.Compilation.GetTypeByMetadataName(BpfObjectAttributeName) is not { } bpfObject) return;
            start.RegisterSymbolAction(symbol => Analyze(symbol, bpfObject), SymbolKind.NamedType);
        });
    }

    static void Analyze(SymbolAnalysisContext context, INamedTypeSymbol bpfObject)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        // [BpfObject] is valid on classes only (AttributeUsage); elsewhere C# itself reports CS0592.
        if (type.TypeKind != TypeKind.Class || !type.GetAttributes().Any(attribute => SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, bpfObject))) return;
        try
        {
            foreach (var info in Compile(type, context.Compilation, context.Options.AnalyzerConfigOptionsProvider.GlobalOptions, context.CancellationToken))
                if (IsReported(info.Id))
                    context.ReportDiagnostic(Diagnostic.Create(Diagnostics.ById(info.Id), SourceLocations.Find(info.Where, type, context.Compilation), info.Argument));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, type.Locations.FirstOrDefault(location => location.IsInSource),
                $"{exception.GetType().Name}: {exception.Message}"));
        }
    }

    /// <summary>The diagnostics of the generator's own two steps: the model (declarations, lowering) and the emission
    /// (optimiser, backend: stack size, branch range), whose diagnostics include the model's.</summary>
    /// <remarks>A separate method that is never inlined, so that a compiler dependency the host fails to load (a
    /// FileNotFoundException while this method is compiled) is caught by the caller and reported as SBPF9000.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static EquatableArray<DiagnosticInfo> Compile(INamedTypeSymbol type, Compilation compilation, AnalyzerConfigOptions properties, CancellationToken cancellationToken)
    {
        var model = ModelBuilder.Build(type, compilation, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return ObjectEmitter.Emit(model, BuildProperties.BackendOptions(properties)).Diagnostics;
    }
}
