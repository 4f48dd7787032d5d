using System.Globalization;
using Sharp.Bpf.Asm;

namespace Sharp.Bpf.Inspect.Conformance;

/// <summary>One <c>.data</c> file of the BPF conformance suite: sections introduced by <c>-- NAME</c> lines, <c>#</c> comments.</summary>
internal sealed record ConformanceTestFile(string Name, string? Assembly, byte[]? Raw, byte[] Memory, ulong? ExpectedResult, string? ExpectedError)
{
    static readonly string[] InformationalSections = ["c", "no register offset"];

    /// <summary>True when the file expects the program to be rejected.</summary>
    public bool ExpectsError => ExpectedError is not null;

    /// <summary>The program bytes: the <c>-- raw</c> section when present (it takes precedence), else the assembled <c>-- asm</c>.</summary>
    /// <exception cref="AssemblyException">The assembly is invalid.</exception>
    /// <exception cref="InstructionFormatException">An assembled instruction cannot be encoded.</exception>
    public byte[] ProgramBytes() => Raw ?? InstructionEncoder.Encode(Assembler.Assemble(Assembly!));

    /// <summary>Reads a file.</summary>
    /// <exception cref="FormatException">The file has an unknown section, malformed raw/mem/result data, or no program.</exception>
    public static ConformanceTestFile Load(string path) => Parse(Path.GetFileNameWithoutExtension(path), File.ReadAllText(path));

    /// <summary>Parses the text of a file named <paramref name="name"/>.</summary>
    /// <exception cref="FormatException">The text has an unknown section, malformed raw/mem/result data, or no program.</exception>
    public static ConformanceTestFile Parse(string name, string text)
    {
        var sections = new Dictionary<string, List<(int Line, string Text)>>(StringComparer.Ordinal);
        List<(int, string)>? current = null;
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                var section = line[2..].Trim();
                if (section != "asm" && section != "raw" && section != "mem" && section != "result" && section != "error" && !InformationalSections.Contains(section))
                    throw new FormatException($"{name}: line {i + 1}: unknown section '-- {section}' (known: asm, raw, mem, result, error, c, no register offset)");
                if (sections.ContainsKey(section)) throw new FormatException($"{name}: line {i + 1}: section '-- {section}' appears twice");
                sections[section] = current = [];
                continue;
            }
            if (line.TrimStart().StartsWith('#') && current is null) continue;
            current?.Add((i + 1, line));
        }

        string? assembly = sections.TryGetValue("asm", out var asm) ? string.Join('\n', asm.Select(l => l.Text)) : null;
        byte[]? raw = sections.TryGetValue("raw", out var rawLines) ? ParseRaw(name, rawLines) : null;
        if (raw is null && (asm is null || asm.All(l => IsBlankOrComment(l.Text))))
            throw new FormatException($"{name}: no program: the file needs an '-- asm' or '-- raw' section with instructions");
        var memory = sections.TryGetValue("mem", out var mem) ? ParseBytes(name, mem) : [];
        ulong? result = sections.TryGetValue("result", out var res) ? ParseResult(name, res) : null;
        string? error = sections.TryGetValue("error", out var err) ? string.Join('\n', err.Select(l => l.Text)).Trim() : null;
        if (result is null && error is null)
            throw new FormatException($"{name}: the file needs an '-- result' or an '-- error' section");
        return new ConformanceTestFile(name, assembly, raw, memory, result, error);
    }

    static bool IsBlankOrComment(string line) => line.Trim().Length == 0 || line.TrimStart().StartsWith('#');

    static IEnumerable<(int Line, string Text)> Content(List<(int Line, string Text)> lines) =>
        lines.Select(l => (l.Line, Text: l.Text.Split('#')[0].Trim())).Where(l => l.Text.Length > 0);

    static byte[] ParseRaw(string name, List<(int Line, string Text)> lines)
    {
        var bytes = new List<byte>();
        foreach (var (number, text) in Content(lines))
        {
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !text.Contains(' '))
            {
                if (!ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var word))
                    throw new FormatException($"{name}: line {number}: raw instruction '{text}' is not a 64-bit hex word");
                bytes.AddRange(BitConverter.GetBytes(word));
            }
            else
            {
                bytes.AddRange(ParseByteLine(name, number, text));
            }
        }
        return [.. bytes];
    }

    static byte[] ParseBytes(string name, List<(int Line, string Text)> lines) =>
        [.. Content(lines).SelectMany(l => ParseByteLine(name, l.Line, l.Text))];

    static IEnumerable<byte> ParseByteLine(string name, int number, string text)
    {
        foreach (var token in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length != 2 || !byte.TryParse(token, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                throw new FormatException($"{name}: line {number}: '{token}' is not a hex byte");
            yield return b;
        }
    }

    static ulong ParseResult(string name, List<(int Line, string Text)> lines)
    {
        var content = Content(lines).ToList();
        if (content.Count != 1) throw new FormatException($"{name}: '-- result' must hold exactly one hex value");
        var (number, text) = content[0];
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!ulong.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"{name}: line {number}: result '{text}' is not a 64-bit hex value");
        return value;
    }
}
