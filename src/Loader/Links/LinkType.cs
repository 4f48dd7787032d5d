namespace Sharp.Bpf.Links;

/// <summary>The kind of a kernel bpf_link (<c>enum bpf_link_type</c>, linux/bpf.h).</summary>
public enum LinkType : uint
{
    /// <summary><c>BPF_LINK_TYPE_UNSPEC</c></summary>
    Unspecified = 0,
    /// <summary><c>BPF_LINK_TYPE_RAW_TRACEPOINT</c> (Linux 5.8)</summary>
    RawTracepoint = 1,
    /// <summary><c>BPF_LINK_TYPE_TRACING</c> (Linux 5.8)</summary>
    Tracing = 2,
    /// <summary><c>BPF_LINK_TYPE_CGROUP</c> (Linux 5.7)</summary>
    Cgroup = 3,
    /// <summary><c>BPF_LINK_TYPE_ITER</c> (Linux 5.8)</summary>
    Iter = 4,
    /// <summary><c>BPF_LINK_TYPE_NETNS</c> (Linux 5.8)</summary>
    Netns = 5,
    /// <summary><c>BPF_LINK_TYPE_XDP</c> (Linux 5.9)</summary>
    Xdp = 6,
    /// <summary><c>BPF_LINK_TYPE_PERF_EVENT</c> (Linux 5.15)</summary>
    PerfEvent = 7,
    /// <summary><c>BPF_LINK_TYPE_KPROBE_MULTI</c> (Linux 5.18)</summary>
    KprobeMulti = 8,
    /// <summary><c>BPF_LINK_TYPE_STRUCT_OPS</c> (Linux 6.4)</summary>
    StructOps = 9,
    /// <summary><c>BPF_LINK_TYPE_NETFILTER</c> (Linux 6.4)</summary>
    Netfilter = 10,
    /// <summary><c>BPF_LINK_TYPE_TCX</c> (Linux 6.6)</summary>
    Tcx = 11,
    /// <summary><c>BPF_LINK_TYPE_UPROBE_MULTI</c> (Linux 6.6)</summary>
    UprobeMulti = 12,
    /// <summary><c>BPF_LINK_TYPE_NETKIT</c> (Linux 6.7)</summary>
    Netkit = 13,
    /// <summary><c>BPF_LINK_TYPE_SOCKMAP</c> (Linux 6.10)</summary>
    Sockmap = 14,
}
