using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests;

/// <summary>The generator run in memory with <see cref="CSharpGeneratorDriver"/> on a compilation that references Sharp.Bpf.dll.</summary>
public class GeneratorDriverTests
{
    static (GeneratorDriverRunResult Result, ImmutableArray<Diagnostic> Diagnostics) Run(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Sharp.Bpf.Kernel.BpfObjectAttribute).Assembly.Location));
        var compilation = CSharpCompilation.Create("Kernel",
            [CSharpSyntaxTree.ParseText(source, path: "/src/Kernel.cs", cancellationToken: TestContext.Current.CancellationToken)],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new BpfObjectGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics, TestContext.Current.CancellationToken);
        return (driver.GetRunResult(), diagnostics);
    }

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        const string kernel = """
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            }
            """;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(Sharp.Bpf.Kernel.BpfObjectAttribute).Assembly.Location));
        var token = TestContext.Current.CancellationToken;
        var other = CSharpSyntaxTree.ParseText("class Other { int X = 1; }", path: "/src/Other.cs", cancellationToken: token);
        var compilation = CSharpCompilation.Create("Kernel",
            [CSharpSyntaxTree.ParseText(kernel, path: "/src/Kernel.cs", cancellationToken: token), other],
            references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BpfObjectGenerator().AsSourceGenerator()],
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation, token);
        var edited = compilation.ReplaceSyntaxTree(other,
            CSharpSyntaxTree.ParseText("class Other { int X = 2; }", path: "/src/Other.cs", cancellationToken: token));
        var result = driver.RunGenerators(edited, token).GetRunResult().Results.Single();
        foreach (var step in new[] { BpfObjectGenerator.Steps.Model, BpfObjectGenerator.Steps.Emit })
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Non_constant_return_is_SBPF0001_at_the_expression()
    {
        const string source = """
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                [SocketFilter] public static int Length(SkBuff skb) => (int)skb.Len;
            }
            """;
        var (result, diagnostics) = Run(source);
        Assert.Null(result.Results.Single().Exception);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("SBPF0001", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("(int)skb.Len", source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
    }

    [Theory]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) => ")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) { return XdpAction.")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = ]\npublic static partial class P { [Xdp] public static int A(")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject]\nclass P { [Xdp] int A() => 1; [Tc(\"ingress\")] static int B() => 0; [SocketFilter] static int C(SkBuff s) { if (true) return 1; return 2; } }")]
    [InlineData("[Sharp.Bpf.Kernel.BpfObject(License = \"GPL\")] partial class Outer<T> { [Sharp.Bpf.Kernel.BpfObject] partial class Inner { [Sharp.Bpf.Kernel.Xdp] static int X() => 1 / 0; } }")]
    public void Half_typed_source_does_not_throw(string source)
    {
        var (result, diagnostics) = Run(source);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SBPF9000");
    }
}
