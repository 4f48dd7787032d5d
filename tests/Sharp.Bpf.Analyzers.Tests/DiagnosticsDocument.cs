using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>docs/diagnostics.md, read as data: one <c>## SBPFnnnn: Title</c> section per diagnostic, with a
/// <c>Severity: ...</c> line and C# code blocks under <c>### Wrong</c> and <c>### Right</c> headings.</summary>
public static class DiagnosticsDocument
{
    public static string FilePath => Path.Combine(RepositoryPaths.Root, "docs", "diagnostics.md");

    public static IReadOnlyDictionary<string, DocumentedDiagnostic> Sections { get; } = Parse(File.ReadAllLines(FilePath));

    /// <summary>The compilable source of an example: a snippet is the members of the standard kernel class
    /// (<c>[BpfObject(License = "GPL")] public static partial class Probe</c>) unless it declares a <c>[BpfObject]</c>
    /// class itself. Examples need no using directives: <see cref="Usings"/> is compiled with them.</summary>
    public static string SourceOf(string example) => example.Contains("[BpfObject", StringComparison.Ordinal)
        ? example
        : $$"""
          [BpfObject(License = "GPL")]
          public static partial class Probe
          {
          {{example}}
          }
          """;

    /// <summary>The using directives every example is compiled with.</summary>
    public const string Usings = """
        global using System;
        global using System.Runtime.CompilerServices;
        global using System.Runtime.InteropServices;
        global using Sharp.Bpf.Kernel;
        """;

    static Dictionary<string, DocumentedDiagnostic> Parse(string[] lines)
    {
        var sections = new Dictionary<string, DocumentedDiagnostic>();
        DocumentedDiagnostic? section = null;
        List<string>? examples = null;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = null;
                examples = null;
                if (line.Split(':', 2) is [var heading, var title] && heading[3..].Trim() is var id && id.StartsWith("SBPF", StringComparison.Ordinal))
                {
                    section = new DocumentedDiagnostic(id, title.Trim());
                    if (!sections.TryAdd(id, section)) throw new FormatException($"{FilePath}:{i + 1}: a second section for {id}");
                }
            }
            else if (section is null)
            {
                continue;
            }
            else if (line.StartsWith("Severity:", StringComparison.Ordinal))
            {
                section.Severity = line["Severity:".Length..].Trim();
            }
            else if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                examples = line[4..].Trim() switch
                {
                    "Wrong" => section.Wrong,
                    "Right" => section.Right,
                    _ => null,
                };
            }
            else if (line.StartsWith("```csharp", StringComparison.Ordinal))
            {
                int end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                if (end < 0) throw new FormatException($"{FilePath}:{i + 1}: unterminated code block");
                if (examples is null) throw new FormatException($"{FilePath}:{i + 1}: a code block outside a Wrong or Right heading");
                examples.Add(string.Join("\n", lines[(i + 1)..end]));
                i = end;
            }
        }
        return sections;
    }
}

/// <summary>One diagnostic's section of docs/diagnostics.md.</summary>
public sealed class DocumentedDiagnostic(string id, string title)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public string? Severity { get; set; }

    /// <summary>Code that produces the diagnostic.</summary>
    public List<string> Wrong { get; } = [];

    /// <summary>The same code written so that it compiles.</summary>
    public List<string> Right { get; } = [];
}
