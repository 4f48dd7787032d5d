using Microsoft.CodeAnalysis;
using Sharp.Bpf.Compiler;
using Xunit;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>docs/diagnostics.md documents every descriptor of the compiler, and its examples do what it says: each wrong
/// example produces its diagnostic (and nothing else), each right example compiles without any.</summary>
public class DiagnosticsDocumentTests
{
    public static TheoryData<string> DescriptorIds => [.. Diagnostics.All.Keys.Order(StringComparer.Ordinal)];

    public static TheoryData<string> ReportedDescriptorIds =>
        [.. Diagnostics.All.Keys.Where(BpfObjectAnalyzer.IsReported).Order(StringComparer.Ordinal)];

    public static TheoryData<string, int> WrongExamples => Examples(section => section.Wrong);

    public static TheoryData<string, int> RightExamples => Examples(section => section.Right);

    static TheoryData<string, int> Examples(Func<DocumentedDiagnostic, List<string>> examples)
    {
        var data = new TheoryData<string, int>();
        foreach (var section in DiagnosticsDocument.Sections.Values.OrderBy(s => s.Id, StringComparer.Ordinal))
            for (int i = 0; i < examples(section).Count; i++)
                data.Add(section.Id, i);
        return data;
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Every_descriptor_has_a_section_with_its_title_and_severity(string id)
    {
        var descriptor = Diagnostics.All[id];
        Assert.True(DiagnosticsDocument.Sections.TryGetValue(id, out var section), $"docs/diagnostics.md has no '## {id}: ...' section");
        Assert.Equal(descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture), section.Title);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), section.Severity);
    }

    [Fact]
    public void Every_section_is_a_descriptor()
    {
        Assert.All(DiagnosticsDocument.Sections.Keys, id => Assert.True(Diagnostics.All.ContainsKey(id), $"{id} is documented but not a descriptor"));
    }

    /// <summary>Diagnostics whose wrong example the tests cannot compile, and why.</summary>
    static readonly Dictionary<string, string> WrongExampleNotCompiled = new()
    {
        ["SBPF0201"] = "a branch over more than 32767 instructions needs a function that large, which takes minutes to compile",
    };

    [Theory]
    [MemberData(nameof(ReportedDescriptorIds))]
    public void Every_reported_diagnostic_has_a_wrong_and_a_right_example(string id)
    {
        var section = DiagnosticsDocument.Sections[id];
        if (!WrongExampleNotCompiled.ContainsKey(id)) Assert.NotEmpty(section.Wrong);
        Assert.NotEmpty(section.Right);
    }

    [Theory]
    [MemberData(nameof(WrongExamples))]
    public void Wrong_example_produces_its_diagnostic_only(string id, int example)
    {
        var compilation = AnalyzerRun.Compile(DiagnosticsDocument.SourceOf(DiagnosticsDocument.Sections[id].Wrong[example]), DiagnosticsDocument.Usings);
        AssertNoCSharpErrors(compilation);
        var diagnostics = AnalyzerRun.Analyze(compilation);
        Assert.Contains(diagnostics, d => d.Id == id);
        Assert.All(diagnostics, d => Assert.Equal(id, d.Id));
    }

    [Theory]
    [MemberData(nameof(RightExamples))]
    public void Right_example_produces_no_diagnostic(string id, int example)
    {
        var compilation = AnalyzerRun.Compile(DiagnosticsDocument.SourceOf(DiagnosticsDocument.Sections[id].Right[example]), DiagnosticsDocument.Usings);
        AssertNoCSharpErrors(compilation);
        Assert.Empty(AnalyzerRun.Analyze(compilation));
    }

    static void AssertNoCSharpErrors(Compilation compilation) =>
        Assert.Empty(compilation.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error));
}
