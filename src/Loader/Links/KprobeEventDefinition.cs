using System.Globalization;
using System.Text;

namespace Sharp.Bpf.Links;

/// <summary>The lines written to tracefs <c>kprobe_events</c> to create and remove a kprobe trace event — the fallback
/// when the kernel has no kprobe PMU (before Linux 4.17). Pure text; nothing here touches the kernel.</summary>
internal static class KprobeEventDefinition
{
    /// <summary>The tracefs file that takes the definitions.</summary>
    public const string EventsFileName = "kprobe_events";

    /// <summary>The event group Sharp.Bpf creates its events in.</summary>
    public const string Group = "sharp_bpf";

    /// <summary>The kernel's bound on event names (MAX_EVENT_NAME_LEN).</summary>
    const int MaxEventNameLength = 64;

    static int counter;

    /// <summary>A name no other event of this process (or, by the pid in it, of another process) has, made of the
    /// characters tracefs accepts: <c>sharp_bpf_&lt;pid&gt;_&lt;symbol&gt;_0x&lt;offset&gt;_&lt;n&gt;</c>.</summary>
    public static string UniqueEventName(string symbol, ulong offset, int processId)
    {
        int sequence = Interlocked.Increment(ref counter);
        var suffix = string.Create(CultureInfo.InvariantCulture, $"_0x{offset:x}_{sequence}");
        var prefix = string.Create(CultureInfo.InvariantCulture, $"sharp_bpf_{processId}_");
        var sanitized = new StringBuilder(symbol.Length);
        foreach (char c in symbol) sanitized.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        int room = MaxEventNameLength - prefix.Length - suffix.Length;
        return prefix + (sanitized.Length > room ? sanitized.ToString(0, room) : sanitized.ToString()) + suffix;
    }

    /// <summary>The line that creates the event: <c>p:sharp_bpf/&lt;event&gt; &lt;symbol&gt;+&lt;offset&gt;</c>, or <c>r:...</c> for a return probe.</summary>
    /// <exception cref="ArgumentException">A return probe with a non-zero offset (the kernel allows return probes only at
    /// function entry), or a symbol with whitespace.</exception>
    public static string Create(bool isReturn, string eventName, string symbol, ulong offset)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        if (symbol.Any(char.IsWhiteSpace))
            throw new ArgumentException($"'{symbol}' is not a kernel symbol name", nameof(symbol));
        if (isReturn && offset != 0)
            throw new ArgumentException($"a kretprobe attaches at function entry; offset 0x{offset:x} into {symbol} is not allowed", nameof(offset));
        return string.Create(CultureInfo.InvariantCulture, $"{(isReturn ? 'r' : 'p')}:{Group}/{eventName} {symbol}+{offset}");
    }

    /// <summary>The line that removes the event: <c>-:sharp_bpf/&lt;event&gt;</c>.</summary>
    public static string Remove(string eventName) => $"-:{Group}/{eventName}";
}
