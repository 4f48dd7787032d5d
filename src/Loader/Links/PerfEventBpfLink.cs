using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>A perf_event bpf_link (Linux 5.15) together with the perf event it attaches to; disposing closes both.</summary>
internal sealed class PerfEventBpfLink : BpfLink
{
    readonly SafeBpfFd perfEvent;

    public PerfEventBpfLink(SafeBpfFd link, SafeBpfFd perfEvent, string description) : base(link, description) => this.perfEvent = perfEvent;

    protected override void Release()
    {
        base.Release();
        perfEvent.Dispose();
    }
}
