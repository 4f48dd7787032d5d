namespace Sharp.Bpf.Inspect;

/// <summary>The base16 (hex) text the conformance plugin protocol uses for programs and memory.</summary>
internal static class Base16
{
    /// <summary>Decodes hex digit pairs; whitespace between bytes is ignored.</summary>
    /// <exception cref="FormatException">A character is not a hex digit, or the digits are odd in number; the message names the character offset.</exception>
    public static byte[] Decode(string text)
    {
        var bytes = new List<byte>(text.Length / 2);
        int high = -1, highAt = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (high >= 0) throw new FormatException($"base16: lone hex digit '{text[highAt]}' at character {highAt}; bytes need two digits");
                continue;
            }
            int value = HexValue(c);
            if (value < 0) throw new FormatException($"base16: '{Printable(c)}' at character {i} is not a hex digit");
            if (high < 0) { high = value; highAt = i; }
            else { bytes.Add((byte)(high << 4 | value)); high = -1; }
        }
        if (high >= 0) throw new FormatException($"base16: lone hex digit '{text[highAt]}' at character {highAt}; bytes need two digits");
        return [.. bytes];
    }

    /// <summary>Lowercase hex digits, no separators.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    static string Printable(char c) => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
}
