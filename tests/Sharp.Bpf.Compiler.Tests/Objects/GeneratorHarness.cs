using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>Compilations of kernel source that reference Sharp.Bpf, and the generator or the model builder run on them.</summary>
public static class GeneratorHarness
{
    static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        MetadataReference.CreateFromFile(typeof(Kernel.BpfObjectAttribute).Assembly.Location),
    ]);

    /// <summary>Parse options that report missing XML docs, so generated code is checked for them.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static CSharpCompilation Compile(string source, string path = "/src/Kernel.cs") =>
        CSharpCompilation.Create("Kernel",
            [CSharpSyntaxTree.ParseText(source, ParseOptions, path: path, cancellationToken: TestContext.Current.CancellationToken)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The model of class <paramref name="className"/> in <paramref name="source"/>.</summary>
    internal static ObjectModel Model(string source, string className = "Probe")
    {
        var compilation = Compile(source);
        var type = compilation.GetTypeByMetadataName(className);
        Assert.NotNull(type);
        return ModelBuilder.Build(type, compilation, TestContext.Current.CancellationToken);
    }

    /// <summary>The generator run on <paramref name="source"/>: its result and the diagnostics of the updated compilation.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(string source) => Run(Compile(source));

    /// <summary>The generator run on <paramref name="compilation"/>.</summary>
    public static (GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(Compilation compilation)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BpfObjectGenerator().AsSourceGenerator()], parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics, TestContext.Current.CancellationToken);
        return (driver.GetRunResult(), output, diagnostics);
    }

    /// <summary>The diagnostics the compiler's checks give every <c>[BpfObject]</c> class in <paramref name="source"/> — what
    /// Sharp.Bpf.Analyzers reports from the same model and emitter (the generator reports only internal errors).</summary>
    public static ImmutableArray<Diagnostic> CompilerDiagnostics(string source)
    {
        var compilation = Compile(source);
        var objects = compilation.SyntaxTrees
            .SelectMany(tree => tree.GetRoot(TestContext.Current.CancellationToken).DescendantNodes()
                .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
                .Select(declaration => compilation.GetSemanticModel(tree).GetDeclaredSymbol(declaration, TestContext.Current.CancellationToken)))
            .OfType<INamedTypeSymbol>()
            .Where(type => type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ModelBuilder.BpfObjectAttributeName));
        return [.. objects
            .Select(type => ObjectEmitter.Emit(ModelBuilder.Build(type, compilation, TestContext.Current.CancellationToken)))
            .SelectMany(emitted => emitted.Diagnostics)
            .Select(Diagnostics.Create)];
    }

    /// <summary>The ELF object the generator embedded for class <paramref name="className"/>, read back from the generated source.</summary>
    public static byte[] ObjectBytes(GeneratorDriverRunResult result, string className = "Probe")
    {
        var text = result.GeneratedTrees.Single(tree => Path.GetFileName(tree.FilePath).StartsWith(className + ".", StringComparison.Ordinal)).ToString();
        int start = text.IndexOf("new byte[]", StringComparison.Ordinal);
        Assert.True(start >= 0, "no object bytes were generated");
        int end = text.IndexOf("};", start, StringComparison.Ordinal);
        return [.. text[start..end].Split(',', '{', '\n', ' ').Where(token => token.StartsWith("0x", StringComparison.Ordinal))
            .Select(token => Convert.ToByte(token[2..], 16))];
    }
}
