using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Kernel;

/// <summary>Formats <c>bpf_trace_printk</c> messages the way the kernel does for the conversions it accepts
/// (<c>%d %i %u %x %X %c %p %%</c> with an optional <c>l</c>/<c>ll</c>): without a length modifier an argument is
/// truncated to 32 bits, as C's <c>int</c> would be.</summary>
internal static class PrintkFormatter
{
    public static string Format(string format, ReadOnlySpan<ulong> arguments)
    {
        var text = new StringBuilder();
        var next = 0;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 == format.Length)
            {
                text.Append(format[i]);
                continue;
            }
            var j = i + 1;
            var wide = false;
            while (j < format.Length && format[j] == 'l')
            {
                wide = true;
                j++;
            }
            if (j == format.Length) throw new FormatException($"Unfinished conversion at the end of \"{format}\".");
            var conversion = format[j];
            if (conversion == '%')
            {
                text.Append('%');
                i = j;
                continue;
            }
            if (next == arguments.Length) throw new FormatException($"\"{format}\" has more conversions than arguments.");
            var value = arguments[next++];
            text.Append(conversion switch
            {
                'd' or 'i' => wide ? ((long)value).ToString(CultureInfo.InvariantCulture) : ((int)value).ToString(CultureInfo.InvariantCulture),
                'u' => wide ? value.ToString(CultureInfo.InvariantCulture) : ((uint)value).ToString(CultureInfo.InvariantCulture),
                'x' => wide ? value.ToString("x", CultureInfo.InvariantCulture) : ((uint)value).ToString("x", CultureInfo.InvariantCulture),
                'X' => wide ? value.ToString("X", CultureInfo.InvariantCulture) : ((uint)value).ToString("X", CultureInfo.InvariantCulture),
                'c' => ((char)(byte)value).ToString(),
                'p' => "0x" + value.ToString("x", CultureInfo.InvariantCulture),
                _ => throw new FormatException($"bpf_trace_printk does not accept %{conversion}."),
            });
            i = j;
        }
        if (next != arguments.Length) throw new FormatException($"\"{format}\" has fewer conversions than arguments.");
        return text.ToString();
    }
}
