using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>A program attached to a perf event by <c>PERF_EVENT_IOC_SET_BPF</c>: the perf event's descriptor is the only
/// handle on the attachment, so it cannot be pinned or updated; disposing disables and closes it.</summary>
internal sealed class PerfEventIoctlLink(SafeBpfFd perfEvent, string description) : Link
{
    public override string Description => description;

    protected override void Release()
    {
        PerfEventAttachment.Disable(perfEvent);
        perfEvent.Dispose();
    }
}
