using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Compiler.Tests.Objects;

/// <summary>The generator reads the project's <c>SharpBpfIsaVersion</c> property, and reports SBPF9001 once per object it
/// could not compile because of errors the analyzer reports.</summary>
public class BuildPropertyTests
{
    const string Division = """
        using Sharp.Bpf.Kernel;
        [BpfObject(License = "GPL")]
        public static partial class Probe
        {
            [SocketFilter]
            public static int Quotient(SkBuff skb)
            {
                int length = (int)skb.Len, mark = (int)skb.Mark;
                if (mark <= 0) return 0;
                return length / mark;
            }
        }
        """;

    sealed class Properties(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    sealed class PropertiesProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Properties(values);
        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;
        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;
    }

    static GeneratorDriverRunResult Run(string source, string? isaVersion)
    {
        var values = isaVersion is null ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add("build_property.SharpBpfIsaVersion", isaVersion);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new BpfObjectGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions, optionsProvider: new PropertiesProvider(values));
        return driver.RunGenerators(GeneratorHarness.Compile(source), TestContext.Current.CancellationToken).GetRunResult();
    }

    static bool HasSignedDivision(GeneratorDriverRunResult result) =>
        CollectionSpec.Read(GeneratorHarness.ObjectBytes(result)).Programs["Quotient"].Instructions
            .Any(i => (i.Opcode & 0xF0) == 0x30 && (i.Opcode & 0x07) is 0x04 or 0x07 && i.Offset == 1);

    [Theory]
    [InlineData("4", true)]
    [InlineData(" 4 ", true)]
    [InlineData("3", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SharpBpfIsaVersion_4_selects_signed_division_instructions(string? isaVersion, bool signedDivision)
    {
        var result = Run(Division, isaVersion);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(signedDivision, HasSignedDivision(result));
    }

    [Fact]
    public void Object_with_errors_gets_one_SBPF9001_naming_the_first()
    {
        const string source = """
            using Sharp.Bpf.Kernel;
            [BpfObject(License = "GPL")]
            public static partial class Probe
            {
                [SocketFilter] public static int Ratio(SkBuff skb) => (int)(skb.Len / skb.Mark);
                [SocketFilter] public static int Scaled(SkBuff skb) => (int)(skb.Len * 1.5);
            }
            """;
        var result = Run(source, null);
        var summary = Assert.Single(result.Diagnostics);
        Assert.Equal(("SBPF9001", DiagnosticSeverity.Error), (summary.Id, summary.Severity));
        Assert.Contains("'Probe'", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("2 errors", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("SBPF0003", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("skb.Len / skb.Mark", source[summary.Location.SourceSpan.Start..summary.Location.SourceSpan.End]);
    }

    [Fact]
    public void Compiled_object_gets_no_SBPF9001()
    {
        Assert.Empty(Run(Division, null).Diagnostics);
    }
}
