namespace Sharp.Bpf.Links;

/// <summary>Creates and removes Sharp.Bpf's uprobe trace events in tracefs <c>uprobe_events</c> (appending, never truncating:
/// a truncating open would delete every uprobe event on the machine).</summary>
internal static class UprobeEventFile
{
    /// <summary>Appends the definition <paramref name="line"/>.</summary>
    /// <exception cref="IOException">The kernel refused the definition; the message names the file, the line and what the
    /// kernel said.</exception>
    public static void Create(string eventsFile, string line, string description)
    {
        try
        {
            KprobeEventFile.Append(eventsFile, line);
        }
        catch (IOException error)
        {
            throw new IOException($"creating the trace event for {description}: {eventsFile} refused '{line}': {error.Message}", error);
        }
    }

    /// <summary>Removes the event; an event that is already gone is not an error.</summary>
    public static void TryRemove(string eventsFile, string eventName)
    {
        try
        {
            KprobeEventFile.Append(eventsFile, UprobeEventDefinition.Remove(eventName));
        }
        catch (IOException)
        {
            // Already removed (by an administrator or a tracefs reset); there is nothing left to clean up.
        }
    }
}
