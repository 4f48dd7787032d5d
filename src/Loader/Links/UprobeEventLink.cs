namespace Sharp.Bpf.Links;

/// <summary>A program attached to a uprobe trace event that Sharp.Bpf created in tracefs <c>uprobe_events</c>: disposing
/// detaches the program and closes the perf event, then removes the trace event, so nothing is left behind.</summary>
internal sealed class UprobeEventLink(Link attachment, string eventsFile, string eventName) : Link
{
    public override string Description => attachment.Description;

    protected override void Release()
    {
        attachment.Dispose();
        UprobeEventFile.TryRemove(eventsFile, eventName);
    }
}
