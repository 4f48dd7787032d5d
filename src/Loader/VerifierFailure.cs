using System.Text.RegularExpressions;

namespace Sharp.Bpf;

/// <summary>What a verifier log says about why a load failed: the reason, and the instruction the verifier stopped at.</summary>
internal sealed partial record VerifierFailure(string? Reason, int? InstructionIndex, string? Instruction)
{
    /// <summary>Reads the end of a log (level 1 or 2). The verifier prints each instruction it walks as "12: (bf) r1 = r0"
    /// and, on failure, the error lines right after the last one, followed by statistics.</summary>
    public static VerifierFailure FromLog(string log)
    {
        var lines = log.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        int end = lines.Length;
        while (end > 0 && IsStatistics(lines[end - 1])) end--;
        if (end == 0) return new VerifierFailure(null, null, null);

        for (int i = end - 1; i >= 0; i--)
        {
            var match = InstructionLine().Match(lines[i]);
            if (!match.Success) continue;
            var reasonLines = lines[(i + 1)..end].Where(l => !l.StartsWith(';')).ToArray();
            var reason = reasonLines.Length > 0 ? string.Join("; ", reasonLines) : null;
            return new VerifierFailure(reason, int.Parse(match.Groups["index"].ValueSpan), match.Groups["text"].Value);
        }
        return new VerifierFailure(lines[end - 1], null, null);
    }

    static bool IsStatistics(string line) =>
        line.StartsWith("processed ", StringComparison.Ordinal)
        || line.StartsWith("verification time ", StringComparison.Ordinal)
        || line.StartsWith("stack depth ", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<index>\d+): \([0-9a-f]{2}\) (?<text>.+)$")]
    private static partial Regex InstructionLine();
}
