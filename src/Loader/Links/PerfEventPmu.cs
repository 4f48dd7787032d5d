using System.Globalization;

namespace Sharp.Bpf.Links;

/// <summary>A dynamic perf PMU (<c>/sys/bus/event_source/devices/&lt;name&gt;</c>): the type number perf_event_open takes
/// and the <c>config</c> bit that turns a probe into a return probe.</summary>
/// <param name="Name">The PMU's name (<c>kprobe</c>, <c>uprobe</c>).</param>
/// <param name="Type">The contents of its <c>type</c> file: <c>perf_event_attr.type</c>.</param>
/// <param name="RetprobeBit">The bit of <c>config</c> named by <c>format/retprobe</c>, or null when the PMU has none.</param>
internal sealed record PerfEventPmu(string Name, uint Type, int? RetprobeBit)
{
    public const string DefaultDevicesPath = "/sys/bus/event_source/devices";
    public const string KprobeName = "kprobe";
    public const string UprobeName = "uprobe";

    /// <summary>Reads the PMU <paramref name="name"/> under <paramref name="devicesPath"/>, or null when there is none.</summary>
    /// <exception cref="FormatException">A file exists but does not hold what the kernel writes there.</exception>
    public static PerfEventPmu? TryRead(string devicesPath, string name)
    {
        var folder = Path.Combine(devicesPath, name);
        var typePath = Path.Combine(folder, "type");
        if (!File.Exists(typePath)) return null;
        var typeText = File.ReadAllText(typePath).Trim();
        if (!uint.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out uint type))
            throw new FormatException($"{typePath} holds '{typeText}', not a PMU type number");
        var retprobePath = Path.Combine(folder, "format", "retprobe");
        int? retprobeBit = File.Exists(retprobePath) ? ParseConfigBits(File.ReadAllText(retprobePath), retprobePath).First : null;
        return new PerfEventPmu(name, type, retprobeBit);
    }

    /// <summary>Parses a PMU format file such as <c>config:0</c> or <c>config:32-63</c> into its bit range.</summary>
    /// <exception cref="FormatException">The text names another field than <c>config</c>, or no valid bit range.</exception>
    public static (int First, int Last) ParseConfigBits(string text, string source)
    {
        const string prefix = "config:";
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(prefix, StringComparison.Ordinal))
            throw new FormatException($"{source} holds '{trimmed}', not a 'config:<bits>' format");
        var bounds = trimmed[prefix.Length..].Split('-');
        if (bounds.Length > 2
            || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out int first)
            || !int.TryParse(bounds[^1], NumberStyles.None, CultureInfo.InvariantCulture, out int last)
            || last < first || last > 63)
            throw new FormatException($"{source} holds '{trimmed}', not a bit range of config (0-63)");
        return (first, last);
    }
}
