using System.Globalization;

namespace Sharp.Bpf.Bench;

/// <summary>Prints comparisons as aligned rows: figure for ours, figure for the reference, ratio (ours / reference).</summary>
internal sealed class ComparisonTable(TextWriter output)
{
    const string Row = "{0,-46} {1,12} {2,12} {3,8}  {4}";

    public void PrintHeading(string title, string referenceName)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row, "", "Sharp.Bpf", referenceName, "ratio", ""));
    }

    public void Print(Comparison comparison)
    {
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, Row,
            comparison.Name,
            // NaN: no figure for Sharp.Bpf (a program the compiler does not build yet); the note says why.
            double.IsNaN(comparison.Ours) ? "n/a" : $"{comparison.Ours:0.000}",
            $"{comparison.Reference:0.000}",
            double.IsNaN(comparison.Ratio) ? "n/a" : $"{comparison.Ratio:0.00}x",
            $"{comparison.Unit}{(comparison.LowerIsBetter ? ", lower is better" : "")}{(comparison.Note.Length > 0 ? "; " + comparison.Note : "")}"));
        output.Flush();
    }
}
