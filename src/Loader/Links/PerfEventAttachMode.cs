namespace Sharp.Bpf.Links;

/// <summary>How a program is attached to a perf event (tracepoints, uprobes, kprobes, sampling events).</summary>
public enum PerfEventAttachMode
{
    /// <summary>A perf_event bpf_link when the kernel has them (probed once), else the ioctl path.</summary>
    Automatic,
    /// <summary><c>BPF_LINK_CREATE</c> with <c>BPF_PERF_EVENT</c> (Linux 5.15): a link that can be pinned and listed by
    /// <c>bpftool link</c>.</summary>
    BpfLink,
    /// <summary><c>PERF_EVENT_IOC_SET_BPF</c> + <c>PERF_EVENT_IOC_ENABLE</c> on the perf event (Linux 4.1): no link object;
    /// closing the perf event detaches.</summary>
    Ioctl,
}
