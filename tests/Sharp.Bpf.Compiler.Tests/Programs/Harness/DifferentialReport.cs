using System.Text;

namespace Sharp.Bpf.Compiler.Tests.Programs.Harness;

/// <summary>The outcome of one differential run.</summary>
/// <param name="Suite">The kernel class.</param>
/// <param name="Program">The program.</param>
/// <param name="Inputs">How many inputs ran.</param>
/// <param name="Failures">How many of them differed.</param>
/// <param name="Details">The first few differing inputs, each with both results.</param>
/// <param name="Listing">The object's disassembly, for the failure message.</param>
public sealed record DifferentialReport(string Suite, string Program, int Inputs, int Failures, IReadOnlyList<string> Details, string Listing)
{
    /// <summary>The failure message: counts, the differing inputs and the disassembly.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"{Suite}.{Program}: {Failures} of {Inputs} inputs differ between managed and kernel execution\n");
        foreach (var detail in Details) text.Append(detail).Append('\n');
        return text.Append("disassembly:").Append(Listing).ToString();
    }
}
