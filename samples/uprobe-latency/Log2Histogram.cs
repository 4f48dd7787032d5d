using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Samples.UprobeLatency;

/// <summary>Prints a log2 histogram the way bcc's funclatency does: one row per power-of-two range from the first bucket up to
/// the last non-empty one, with its count and a bar of stars scaled to the largest count.</summary>
internal static class Log2Histogram
{
    /// <summary>The widest bar, in stars.</summary>
    const int BarWidth = 40;

    /// <summary>The inclusive range of bucket <paramref name="index"/>: [2^i, 2^(i+1) - 1], and [0, 1] for bucket 0.</summary>
    public static (ulong Low, ulong High) Range(int index) =>
        index == 0 ? (0, 1) : (1UL << index, index == 63 ? ulong.MaxValue : (1UL << (index + 1)) - 1);

    /// <summary>The histogram's rows under a header naming <paramref name="unit"/>; nothing but the header when every count is
    /// 0. Ranges up to 2^33 print in 10-character columns with 40-star bars, wider ones in 20-character columns with 20 stars.</summary>
    public static string Format(IReadOnlyList<ulong> counts, string unit)
    {
        int last = counts.Count - 1;
        while (last >= 0 && counts[last] == 0) last--;
        bool narrow = last <= 32;
        int column = narrow ? 10 : 20;
        int barWidth = narrow ? BarWidth : BarWidth / 2;
        ulong largest = counts.Count == 0 ? 0 : counts.Max();
        var text = new StringBuilder();
        text.Append(' ', narrow ? 5 : 15).Append(unit.PadRight(narrow ? 19 : 29)).AppendLine(" : count    distribution");
        for (int index = 0; index <= last; index++)
        {
            var (low, high) = Range(index);
            int stars = (int)(counts[index] * (ulong)barWidth / largest);
            text.Append(low.ToString(CultureInfo.InvariantCulture).PadLeft(column)).Append(" -> ")
                .Append(high.ToString(CultureInfo.InvariantCulture).PadRight(column)).Append(" : ")
                .Append(counts[index].ToString(CultureInfo.InvariantCulture).PadRight(8)).Append(" |")
                .Append(new string('*', stars).PadRight(barWidth)).AppendLine("|");
        }
        return text.ToString();
    }
}
