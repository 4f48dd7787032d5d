using System.Globalization;

namespace Sharp.Bpf.Links;

/// <summary>The lines written to tracefs <c>uprobe_events</c> to create and remove a uprobe trace event — the fallback when
/// the kernel has no uprobe PMU (before Linux 4.17, or built without it). Pure text; nothing here touches the kernel.</summary>
internal static class UprobeEventDefinition
{
    /// <summary>The tracefs file that takes the definitions.</summary>
    public const string EventsFileName = "uprobe_events";

    /// <summary>The event group Sharp.Bpf creates its uprobe events in (kprobe events have their own).</summary>
    public const string Group = "sharp_bpf_uprobes";

    /// <summary>A name no other trace event of this process or another has (the process id and a per-process sequence number
    /// are in it), made of the characters tracefs accepts.</summary>
    public static string UniqueEventName(string symbol, ulong fileOffset, int processId) =>
        KprobeEventDefinition.UniqueEventName(symbol, fileOffset, processId);

    /// <summary>The line that creates the event: <c>p:sharp_bpf_uprobes/&lt;event&gt; &lt;path&gt;:0x&lt;offset&gt;</c>, with
    /// <c>(0x&lt;reference counter offset&gt;)</c> appended when there is one (Linux 4.20), or <c>r:...</c> for a return probe.</summary>
    /// <exception cref="ArgumentException">The path is not absolute or contains whitespace (the kernel splits the line at
    /// whitespace, so such a path cannot be named here; the uprobe PMU takes it).</exception>
    public static string Create(bool isReturn, string eventName, string path, ulong fileOffset, ulong referenceCounterOffset)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!Path.IsPathFullyQualified(path))
            throw new ArgumentException($"'{path}' is not an absolute path; tracefs uprobe_events needs one", nameof(path));
        if (path.Any(char.IsWhiteSpace))
            throw new ArgumentException($"'{path}' contains whitespace, which tracefs uprobe_events cannot take (it splits definitions at whitespace); this kernel has no uprobe PMU, the only other way to attach", nameof(path));
        var referenceCounter = referenceCounterOffset != 0 ? string.Create(CultureInfo.InvariantCulture, $"(0x{referenceCounterOffset:x})") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{(isReturn ? 'r' : 'p')}:{Group}/{eventName} {path}:0x{fileOffset:x}{referenceCounter}");
    }

    /// <summary>The line that removes the event: <c>-:sharp_bpf_uprobes/&lt;event&gt;</c>.</summary>
    public static string Remove(string eventName) => $"-:{Group}/{eventName}";
}
