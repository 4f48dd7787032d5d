using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler;
using Xunit;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>The analyzer reports the compiler's diagnostics for [BpfObject] classes, at the construct, from the compiler's
/// own checks; it reports nothing elsewhere and never throws.</summary>
public class BpfObjectAnalyzerTests
{
    /// <summary>Asserts that the analyzer reports exactly the diagnostics marked in <paramref name="markup"/>.</summary>
    static void Verify(string markup)
    {
        var parsed = Markup.Parse(markup);
        var diagnostics = AnalyzerRun.Analyze(parsed.Source);
        var actual = diagnostics.Select(d => new ExpectedDiagnostic(d.Id, d.Location.SourceSpan.Start, parsed.Source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
        Assert.Equal(parsed.Expected, actual);
        Assert.All(diagnostics, d => Assert.Equal(AnalyzerRun.SourcePath, d.Location.SourceTree?.FilePath));
    }

    [Fact]
    public void Supported_diagnostics_are_the_compilers_descriptors_from_SBPF0001_to_SBPF0299_and_its_internal_error()
    {
        var expected = Diagnostics.All.Values.Where(d => BpfObjectAnalyzer.IsReported(d.Id)).Append(Diagnostics.InternalError)
            .Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal(expected, new BpfObjectAnalyzer().SupportedDiagnostics.Select(d => d.Id));
        Assert.All(new BpfObjectAnalyzer().SupportedDiagnostics, d => Assert.Same(Diagnostics.ById(d.Id), d));
    }

    [Theory]
    [InlineData("SBPF0001", true)]
    [InlineData("SBPF0099", true)]
    [InlineData("SBPF0100", true)]
    [InlineData("SBPF0299", true)]
    [InlineData("SBPF0000", false)]
    [InlineData("SBPF0300", false)]
    [InlineData("SBPF9000", false)]
    [InlineData("SBPF001", false)]
    [InlineData("SBPF+001", false)]
    [InlineData("CS0001", false)]
    public void Reports_the_source_level_ranges_and_leaves_internal_errors_to_the_generator(string id, bool reported)
    {
        Assert.Equal(reported, BpfObjectAnalyzer.IsReported(id));
    }

    [Fact]
    public void Program_whose_context_is_another_programs_is_SBPF0105()
    {
        Verify("""
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                [Xdp] public static XdpAction {|SBPF0105:Pass|}(SkBuff skb) => XdpAction.Pass;
            }
            """);
    }

    [Fact]
    public void Supported_kernel_class_gets_nothing()
    {
        Verify("""
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
                [SocketFilter] public static int Keep(SkBuff skb) { return 42; }
            }
            """);
    }

    [Fact]
    public void Unrelated_class_gets_nothing()
    {
        Verify("""
            using System.Collections.Generic;
            public class Service
            {
                readonly List<string> names = new();
                public string Join() { try { return string.Join(",", names); } catch { throw; } }
                public static double Half(double x) => x / 2.0;
            }
            """);
    }

    [Fact]
    public void Compilation_without_Sharp_Bpf_gets_nothing()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Plain",
            [Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[BpfObject] static partial class P { static float F() => 1.5f; } class BpfObjectAttribute : System.Attribute { }",
                cancellationToken: TestContext.Current.CancellationToken)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);
        Assert.Empty(AnalyzerRun.Analyze(compilation));
    }

    [Fact]
    public void Diagnostic_in_another_file_of_the_partial_class_is_located_in_that_file()
    {
        var diagnostics = AnalyzerRun.Analyze(
            """
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe { }
            """,
            """
            using Sharp.Bpf.Kernel;
            public static partial class Probe
            {
                [SocketFilter] public static int Length(SkBuff skb) => (int)(skb.Len * 1.5);
            }
            """);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("/src/Kernel1.cs", diagnostic.Location.SourceTree?.FilePath);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Diagnostic_is_in_source_so_pragma_suppresses_it()
    {
        const string kernel = """
            [BpfObject]
            public static partial class Probe
            {
                [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            }
            """;
        Assert.Contains(AnalyzerRun.Analyze("using Sharp.Bpf.Kernel;\n" + kernel), d => d.Id == "SBPF0100");
        Assert.DoesNotContain(AnalyzerRun.Analyze("using Sharp.Bpf.Kernel;\n#pragma warning disable SBPF0100\n" + kernel), d => d.Id == "SBPF0100");
    }

    public static TheoryData<string> MalformedSources =>
    [
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) => ",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) { return XdpAction.",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = ]\npublic static partial class P { [Xdp] public static int A(",
        "using Sharp.Bpf.Kernel;\n[BpfObject]\nclass P { [Xdp] int A() => 1; [Tc(\"ingress\")] static int B() => 0; [SocketFilter] static int C(SkBuff s) { if (true) return 1; return 2; } }",
        "[Sharp.Bpf.Kernel.BpfObject(License = \"GPL\")] partial class Outer<T> { [Sharp.Bpf.Kernel.BpfObject] partial class Inner { [Sharp.Bpf.Kernel.Xdp] static int X() => 1 / 0; } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static XdpAction A(XdpMd ctx) { int x = ; for (;;) { x++ } } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static XdpAction A(XdpMd ctx) => Undefined(ctx); [SocketFilter] static int B(SkBuff s) => s.NoSuchField; }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static XdpAction A(XdpMd ctx) { switch (ctx.) { case : } } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static unsafe XdpAction A(XdpMd ctx) { byte* p = (byte*)ctx.Data; return p[ctx.DataEnd]; } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static XdpAction A(XdpMd ctx) => A(ctx); [Xdp] static XdpAction A(XdpMd ctx) => A(ctx); }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] [SocketFilter] static XdpAction A(XdpMd ctx, int extra, __arglist) => default; }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static extern XdpAction A(XdpMd ctx); [Xdp] static partial XdpAction B(XdpMd ctx); }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { static readonly HashMap<int, int> Counts = new(maxEntries: -1); [Xdp] static XdpAction A(XdpMd ctx) { ref int v = ref Counts.Lookup(1); return (XdpAction)v; } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class P { [Xdp] static XdpAction A(XdpMd ctx) { goto L; L: return checked((XdpAction)(int.MaxValue + 1)); } }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] record struct P { [Xdp] static XdpAction A(XdpMd ctx) => XdpAction.Pass; }",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")] static partial class",
        "using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\"",
        "[",
        "",
    ];

    [Theory]
    [MemberData(nameof(MalformedSources))]
    public void Malformed_or_half_typed_source_does_not_throw(string source)
    {
        var diagnostics = AnalyzerRun.Analyze(source);
        Assert.DoesNotContain(diagnostics, d => d.Id == Diagnostics.InternalError.Id);
    }
}
