using System.Globalization;

namespace Sharp.Bpf.Flat.Cli;

/// <summary>Parses <c>--duration</c>: a positive number of seconds, or a number followed by <c>ms</c>, <c>s</c>, <c>m</c> or
/// <c>h</c>.</summary>
internal static class DurationParser
{
    static readonly (string Suffix, double Seconds)[] Units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)];

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <returns>False when it is not a positive duration of at most 24 days (the longest timer .NET accepts in milliseconds).</returns>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var number = text.Trim();
        var scale = 1.0;
        foreach (var (suffix, seconds) in Units)
        {
            // "ms" is tried before "s", so "500ms" is not read as "500m" seconds.
            if (number.EndsWith(suffix, StringComparison.Ordinal))
            {
                number = number[..^suffix.Length];
                scale = seconds;
                break;
            }
        }
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return false;
        var total = value * scale;
        if (!(total > 0) || total > int.MaxValue / 1000.0) return false;
        duration = TimeSpan.FromSeconds(total);
        return true;
    }
}
