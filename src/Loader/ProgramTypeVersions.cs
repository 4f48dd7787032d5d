namespace Sharp.Bpf;

/// <summary>The first Linux release that loads each program type (the kernel commit that added it to enum bpf_prog_type).</summary>
internal static class ProgramTypeVersions
{
    /// <summary>The first Linux version with <paramref name="type"/>, or null for a number this library does not know.</summary>
    public static string? Minimum(ProgramType type) => type switch
    {
        ProgramType.SocketFilter => "3.19",
        ProgramType.Kprobe or ProgramType.SchedClassifier or ProgramType.SchedAction => "4.1",
        ProgramType.Tracepoint => "4.7",
        ProgramType.Xdp => "4.8",
        ProgramType.PerfEvent => "4.9",
        ProgramType.CgroupSkb or ProgramType.CgroupSock or ProgramType.LwtIn or ProgramType.LwtOut or ProgramType.LwtXmit => "4.10",
        ProgramType.SockOps => "4.13",
        ProgramType.SkSkb => "4.14",
        ProgramType.CgroupDevice => "4.15",
        ProgramType.SkMsg or ProgramType.RawTracepoint or ProgramType.CgroupSockAddr => "4.17",
        ProgramType.LwtSeg6Local or ProgramType.LircMode2 => "4.18",
        ProgramType.SkReuseport => "4.19",
        ProgramType.FlowDissector => "4.20",
        ProgramType.CgroupSysctl or ProgramType.RawTracepointWritable => "5.2",
        ProgramType.CgroupSockopt => "5.3",
        ProgramType.Tracing => "5.5",
        ProgramType.StructOps or ProgramType.Extension => "5.6",
        ProgramType.Lsm => "5.7",
        ProgramType.SkLookup => "5.9",
        ProgramType.Syscall => "5.14",
        ProgramType.Netfilter => "6.4",
        _ => null,
    };

    /// <summary>The types whose load needs an attach target (<c>attach_btf_id</c>), so a bare probe program cannot tell
    /// whether the kernel knows the type.</summary>
    public static bool NeedsAttachTarget(ProgramType type) =>
        type is ProgramType.Tracing or ProgramType.Lsm or ProgramType.Extension or ProgramType.StructOps;
}
