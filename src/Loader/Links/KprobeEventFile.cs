namespace Sharp.Bpf.Links;

/// <summary>Writes kprobe event definitions to tracefs <c>kprobe_events</c>. The file must be opened for appending:
/// opening it truncated would delete every kprobe event on the machine.</summary>
internal static class KprobeEventFile
{
    /// <summary>Appends <paramref name="line"/>.</summary>
    /// <exception cref="IOException">The kernel refused the definition (an unknown symbol gives ENOENT or EINVAL).</exception>
    public static void Append(string eventsFile, string line)
    {
        using var stream = new FileStream(eventsFile, FileMode.Append, FileAccess.Write);
        using var writer = new StreamWriter(stream);
        writer.Write(line + "\n");
    }

    /// <summary>Removes the event; an event that is already gone is not an error.</summary>
    public static void TryRemove(string eventsFile, string eventName)
    {
        try
        {
            Append(eventsFile, KprobeEventDefinition.Remove(eventName));
        }
        catch (IOException)
        {
            // Already removed (by an administrator or tracefs reset); there is nothing left to clean up.
        }
    }
}
