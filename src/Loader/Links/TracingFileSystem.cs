using System.Globalization;

namespace Sharp.Bpf.Links;

/// <summary>Finds tracefs and the ids of the trace events in it (<c>events/&lt;category&gt;/&lt;name&gt;/id</c>).</summary>
internal static class TracingFileSystem
{
    /// <summary>Where tracefs is mounted since Linux 4.1, then where debugfs exposed it before.</summary>
    static readonly string[] Candidates = ["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

    /// <summary>The first mounted tracefs root, or null.</summary>
    public static string? TryFindRoot() => Candidates.FirstOrDefault(root => Directory.Exists(Path.Combine(root, "events")));

    /// <summary>The mounted tracefs root.</summary>
    /// <exception cref="InvalidOperationException">tracefs is not mounted.</exception>
    public static string FindRoot() => TryFindRoot()
        ?? throw new InvalidOperationException("tracefs is not mounted: mount it with 'mount -t tracefs tracefs /sys/kernel/tracing'");

    /// <summary>Reads the id perf_event_open takes as <c>config</c> for the trace event <paramref name="category"/>/<paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">A name is empty or contains '/', or the event does not exist.</exception>
    public static uint ReadEventId(string root, string category, string name)
    {
        ValidateName(category, nameof(category));
        ValidateName(name, nameof(name));
        var path = Path.Combine(root, "events", category, name, "id");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ArgumentException($"no trace event {category}:{name}: {path} does not exist (see {Path.Combine(root, "available_events")})", nameof(name));
        }
        return uint.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out uint id)
            ? id
            : throw new FormatException($"{path} holds '{text.Trim()}', not an event id");
    }

    static void ValidateName(string value, string parameter)
    {
        ArgumentException.ThrowIfNullOrEmpty(value, parameter);
        if (value.Contains('/') || value is "." or "..")
            throw new ArgumentException($"'{value}' is not a trace event or category name (no '/', '.' or '..')", parameter);
    }
}
