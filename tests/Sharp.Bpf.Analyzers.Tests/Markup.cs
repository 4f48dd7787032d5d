using System.Text;

namespace Sharp.Bpf.Analyzers.Tests;

/// <summary>Source with expected diagnostics marked in it, as in Roslyn's analyzer tests: <c>{|SBPF0001:text|}</c> expects
/// SBPF0001 exactly on <c>text</c>. Markers do not nest.</summary>
public sealed record Markup(string Source, IReadOnlyList<ExpectedDiagnostic> Expected)
{
    const string Open = "{|";
    const string Close = "|}";

    public static Markup Parse(string markup)
    {
        var source = new StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        int at = 0;
        while (markup.IndexOf(Open, at, StringComparison.Ordinal) is var open and >= 0)
        {
            source.Append(markup, at, open - at);
            int colon = markup.IndexOf(':', open);
            int close = markup.IndexOf(Close, open, StringComparison.Ordinal);
            if (colon < 0 || close < 0 || colon > close) throw new FormatException($"unterminated marker at {open}: {markup[open..]}");
            string text = markup[(colon + 1)..close];
            expected.Add(new ExpectedDiagnostic(markup[(open + Open.Length)..colon], source.Length, text));
            source.Append(text);
            at = close + Close.Length;
        }
        source.Append(markup, at, markup.Length - at);
        return new Markup(source.ToString(), expected);
    }
}
