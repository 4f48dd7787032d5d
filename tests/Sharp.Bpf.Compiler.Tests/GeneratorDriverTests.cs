using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Sharp.Bpf.Compiler.Tests.Objects;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests;

/// <summary>The generator run in memory with <see cref="CSharpGeneratorDriver"/> on a compilation that references Sharp.Bpf.dll.</summary>
public class GeneratorDriverTests
{
    const string Kernel = """
        using Sharp.Bpf.Kernel;
        public struct Flow { public uint Source; public ushort Port; public byte Protocol; }
        public struct Totals { public ulong Packets; public ulong Bytes; }
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            [Configuration] static readonly uint Limit = 100;
            static readonly HashMap<Flow, Totals> Flows = new(1024);
            static readonly ArrayMap<ulong> Counters = new(4);
            static readonly RingBuffer<Flow> Events = new(4096);
            static ulong Seen;
            [Xdp] public static XdpAction Pass(XdpMd ctx) => XdpAction.Pass;
            [SocketFilter] public static int Keep(SkBuff skb) => skb.Len > Limit ? 0 : 1;
        }
        """;

    static readonly string[] NamedSteps = [BpfObjectGenerator.Steps.Model, BpfObjectGenerator.Steps.Emit];

    static GeneratorDriver TrackingDriver() => CSharpGeneratorDriver.Create([new BpfObjectGenerator().AsSourceGenerator()],
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    static (GeneratorDriverRunResult First, GeneratorDriverRunResult AfterEdit) RunTwiceWithUnrelatedEdit()
    {
        var token = TestContext.Current.CancellationToken;
        var compilation = GeneratorHarness.Compile(Kernel);
        var other = CSharpSyntaxTree.ParseText("class Other { int X = 1; }", path: "/src/Other.cs", cancellationToken: token);
        compilation = compilation.AddSyntaxTrees(other);
        var driver = TrackingDriver().RunGenerators(compilation, token);
        var first = driver.GetRunResult();
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText("class Other { int X = 2; }", path: "/src/Other.cs", cancellationToken: token));
        return (first, driver.RunGenerators(edited, token).GetRunResult());
    }

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var (first, afterEdit) = RunTwiceWithUnrelatedEdit();
        Assert.NotEmpty(GeneratorHarness.ObjectBytes(first));
        var result = afterEdit.Results.Single();
        foreach (var step in NamedSteps)
        {
            Assert.NotEmpty(result.TrackedSteps[step]);
            Assert.All(result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    [Fact]
    public void Edit_of_the_kernel_class_reruns_the_steps()
    {
        var token = TestContext.Current.CancellationToken;
        var compilation = GeneratorHarness.Compile(Kernel);
        var driver = TrackingDriver().RunGenerators(compilation, token);
        var kernelTree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(kernelTree,
            CSharpSyntaxTree.ParseText(Kernel.Replace("new(1024)", "new(2048)"), GeneratorHarness.ParseOptions, "/src/Kernel.cs", cancellationToken: token));
        var result = driver.RunGenerators(edited, token).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[BpfObjectGenerator.Steps.Emit].SelectMany(s => s.Outputs), output => output.Reason == IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Step_outputs_hold_no_symbol_syntax_location_or_compilation()
    {
        var result = RunTwiceWithUnrelatedEdit().First.Results.Single();
        Assert.Empty(result.Diagnostics);
        foreach (var step in NamedSteps)
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
                AssertValuesOnly(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    /// <summary>Walks an output's object graph (properties and items) and fails on any Roslyn object that would pin a
    /// compilation in the cache.</summary>
    static void AssertValuesOnly(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum) return;
        Assert.False(value is ISymbol or SyntaxNode or SyntaxTree or Location or Compilation or SemanticModel or IOperation,
            $"{path} is a {value.GetType().Name}");
        if (!value.GetType().IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (var item in items)
                AssertValuesOnly(item, $"{path}[{index++}]", seen);
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public))
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
                AssertValuesOnly(property.GetValue(value), $"{path}.{property.Name}", seen);
    }

    [Fact]
    public void Non_constant_map_argument_is_SBPF0101_at_the_argument()
    {
        const string source = """
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                static uint Size() => 16;
                static readonly HashMap<uint, ulong> Counts = new(Size());
                [SocketFilter] public static int Keep(SkBuff skb) => 1;
            }
            """;
        var (result, _, diagnostics) = GeneratorHarness.Run(source);
        Assert.Null(result.Results.Single().Exception);
        Assert.Equal(["SBPF9001"], result.Diagnostics.Select(d => d.Id));
        var diagnostic = Assert.Single(GeneratorHarness.CompilerDiagnostics(source));
        Assert.Equal("SBPF0101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Size()", source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
        Assert.Equal(5, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
    }

    [Theory]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) => ")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\npublic static partial class P\n{\n    [Xdp] public static XdpAction Pass(XdpMd ctx) { return XdpAction.")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = ]\npublic static partial class P { [Xdp] public static int A(")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject]\nclass P { [Xdp] int A() => 1; [Tc(\"ingress\")] static int B() => 0; [SocketFilter] static int C(SkBuff s) { if (true) return 1; return 2; } }")]
    [InlineData("[Sharp.Bpf.Kernel.BpfObject(License = \"GPL\")] partial class Outer<T> { [Sharp.Bpf.Kernel.BpfObject] partial class Inner { [Sharp.Bpf.Kernel.Xdp] static int X() => 1 / 0; } }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { static readonly HashMap<Missing, ulong> M = new(8); static readonly ArrayMap<int> A = new(; }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { static readonly HashMap<uint, ulong> M = new(\"eight\"); static readonly RingBuffer<int> R = new(-1); }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { static readonly HashMap<uint, ulong> M; static readonly ArrayMap<int> A = null!; static HashMap<uint, uint> B = new(1); }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { [Configuration] static readonly Missing C = 1; [Configuration] int D; static string S = \"x\"; static int G = Undefined(); }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { [Tracepoint(\"syscalls\")] static int A(Missing m) => 0; [Tcx((TrafficDirection)7)] static int B(SkBuff s) => 0; [Kprobe(null!)] static int C(PtRegs r) => 0; [Uprobe(\"\", \"\")] static int D() => 0; }")]
    [InlineData("using Sharp.Bpf.Kernel;\n[BpfObject(License = \"GPL\")]\nstatic partial class P { [Xdp, SocketFilter] static XdpAction A(XdpMd x, SkBuff s) => XdpAction.Pass; [Xdp] static T B<T>(XdpMd x) => default!; static int C { get; set; } }")]
    [InlineData("using Sharp.Bpf.Kernel;\nstruct S { S* Next; string Name; }\n[BpfObject(License = \"GPL\")]\nstatic partial class P { static readonly HashMap<S, S> M = new(8); static S G; }")]
    public void Half_typed_source_does_not_throw(string source)
    {
        var (result, _, diagnostics) = GeneratorHarness.Run(source);
        Assert.All(result.Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8784" or "CS8785");
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "SBPF9000");
    }
}
