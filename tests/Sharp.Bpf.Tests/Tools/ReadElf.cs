using System.Globalization;
using System.Text.RegularExpressions;
using Sharp.Bpf.Testing;

namespace Sharp.Bpf.Tests.Tools;

/// <summary>What llvm-readelf-19 says about an object: the oracle the ELF reader's results are checked against.</summary>
internal static partial class ReadElf
{
    /// <summary>One symbol: its name, the name of its section, its value and size, and its type (FUNC, OBJECT, ...).</summary>
    public sealed record Symbol(string Name, string Section, ulong Value, ulong Size, string Type);

    /// <summary>The sections by index, with their sizes.</summary>
    public static Dictionary<int, (string Name, ulong Size)> Sections(string objectPath)
    {
        var sections = new Dictionary<int, (string, ulong)>();
        foreach (Match match in SectionLine().Matches(ExternalTool.Run("llvm-readelf-19", ["-S", "--wide", objectPath])))
            sections[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] =
                (match.Groups[2].Value, ulong.Parse(match.Groups[3].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        return sections;
    }

    /// <summary>The symbols defined in a section (not section or file symbols).</summary>
    public static List<Symbol> Symbols(string objectPath)
    {
        var sections = Sections(objectPath);
        var symbols = new List<Symbol>();
        foreach (Match match in SymbolLine().Matches(ExternalTool.Run("llvm-readelf-19", ["-s", "--wide", objectPath])))
        {
            if (!int.TryParse(match.Groups[5].Value, CultureInfo.InvariantCulture, out int section) || match.Groups[3].Value is "SECTION" or "FILE")
                continue;
            symbols.Add(new Symbol(match.Groups[6].Value, sections[section].Name,
                ulong.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                ulong.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), match.Groups[3].Value));
        }
        return symbols;
    }

    [GeneratedRegex(@"^\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)", RegexOptions.Multiline)]
    private static partial Regex SectionLine();

    [GeneratedRegex(@"^\s*\d+:\s+([0-9a-f]+)\s+(\d+)\s+(\w+)\s+(\w+)\s+\w+\s+(\w+)\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SymbolLine();
}
