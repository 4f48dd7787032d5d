namespace Sharp.Bpf.Links;

/// <summary>One program attached to several perf events (one per CPU) as one attachment: disposing detaches them all.</summary>
internal sealed class PerfEventLinkSet(IReadOnlyList<Link> links, string description) : Link
{
    /// <summary>The per-event attachments, in CPU order.</summary>
    public IReadOnlyList<Link> Links => links;

    public override string Description => description;

    protected override void Release()
    {
        foreach (var link in links) link.Dispose();
    }
}
