namespace Sharp.Bpf.Links;

/// <summary>A program attached to a kprobe trace event that Sharp.Bpf created in tracefs <c>kprobe_events</c>: disposing
/// detaches the program, then removes the event, so no event is left behind.</summary>
internal sealed class KprobeEventLink(Link attachment, string eventsFile, string eventName) : Link
{
    public override string Description => attachment.Description;

    protected override void Release()
    {
        attachment.Dispose();
        KprobeEventFile.TryRemove(eventsFile, eventName);
    }
}
