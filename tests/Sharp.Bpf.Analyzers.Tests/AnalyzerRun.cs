using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>Runs <see cref="BpfObjectAnalyzer"/> in memory on a compilation of C# sources that references Sharp.Bpf, the way
/// the editor and csc do, and fails on any exception the analyzer lets escape (Roslyn's AD0001).</summary>
public static class AnalyzerRun
{
    /// <summary>The file path given to the analysed source, so that locations can be compared.</summary>
    public const string SourcePath = "/src/Kernel.cs";

    static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .Append(MetadataReference.CreateFromFile(typeof(Sharp.Bpf.Kernel.BpfObjectAttribute).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources)
    {
        var token = TestContext.Current.CancellationToken;
        var trees = sources.Select((source, i) =>
            CSharpSyntaxTree.ParseText(source, path: i == 0 ? SourcePath : $"/src/Kernel{i}.cs", cancellationToken: token));
        return CSharpCompilation.Create("Kernel", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));
    }

    /// <summary>The analyzer's diagnostics on <paramref name="sources"/>, sorted by position.</summary>
    public static ImmutableArray<Diagnostic> Analyze(params string[] sources) => Analyze(Compile(sources));

    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => { lock (exceptions) exceptions.Add(exception); },
            concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var diagnostics = compilation.WithAnalyzers([new BpfObjectAnalyzer()], options)
            .GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, diagnostic => diagnostic.Id == "AD0001");
        return diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
    }
}
