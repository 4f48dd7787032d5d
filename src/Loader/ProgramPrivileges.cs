namespace Sharp.Bpf;

/// <summary>Which capabilities <c>BPF_PROG_LOAD</c> demands for a program type (kernel/bpf/syscall.c: <c>bpf_prog_load</c>,
/// <c>is_net_admin_prog_type</c>, <c>is_perfmon_prog_type</c>), and the message for an EPERM.</summary>
internal static class ProgramPrivileges
{
    /// <summary>The capabilities a load of <paramref name="type"/> needs; CAP_SYS_ADMIN stands in for each of them.</summary>
    public static Capabilities Required(ProgramType type)
    {
        // Socket filters and cgroup skb programs load unprivileged when kernel.unprivileged_bpf_disabled is 0.
        var required = type is ProgramType.SocketFilter or ProgramType.CgroupSkb ? Capabilities.None : Capabilities.Bpf;
        if (IsNetworkType(type)) required |= Capabilities.NetAdmin;
        if (IsTracingType(type)) required |= Capabilities.Perfmon;
        return required;
    }

    /// <summary>The message for an EPERM from loading <paramref name="programName"/>: the capabilities the type needs, which of
    /// them <paramref name="held"/> lacks, or — when none is missing — that a security module or lockdown refused.</summary>
    public static string DescribeDenial(string programName, ProgramType type, Capabilities? held, string? lockdown)
    {
        var required = Required(type);
        var needs = required == Capabilities.None
            ? $"loading a {type} program needs no capability unless kernel.unprivileged_bpf_disabled is set, and then CAP_BPF"
            : $"loading a {type} program needs {Names(required)} (CAP_SYS_ADMIN stands in for each)";
        string why;
        if (held is not { } effective)
            why = "the process's capabilities could not be read";
        else if (Missing(required == Capabilities.None ? Capabilities.Bpf : required, effective) is var missing && missing != Capabilities.None)
            why = $"this process lacks {Names(missing)}";
        else
            why = "this process has them, so a security module (LSM) or kernel lockdown refused"
                + (string.IsNullOrEmpty(lockdown) ? "" : $" (lockdown: {lockdown})");
        return $"BPF_PROG_LOAD of program '{programName}' failed: EPERM (Operation not permitted): {needs}; {why}";
    }

    static Capabilities Missing(Capabilities required, Capabilities held) =>
        (held & Capabilities.SysAdmin) != 0 ? Capabilities.None : required & ~held;

    static string Names(Capabilities capabilities)
    {
        var names = new List<string>();
        if ((capabilities & Capabilities.Bpf) != 0) names.Add("CAP_BPF");
        if ((capabilities & Capabilities.NetAdmin) != 0) names.Add("CAP_NET_ADMIN");
        if ((capabilities & Capabilities.Perfmon) != 0) names.Add("CAP_PERFMON");
        if ((capabilities & Capabilities.SysAdmin) != 0) names.Add("CAP_SYS_ADMIN");
        return string.Join(" and ", names);
    }

    static bool IsNetworkType(ProgramType type) => type is ProgramType.SchedClassifier or ProgramType.SchedAction or ProgramType.Xdp
        or ProgramType.LwtIn or ProgramType.LwtOut or ProgramType.LwtXmit or ProgramType.LwtSeg6Local or ProgramType.SkSkb
        or ProgramType.SkMsg or ProgramType.FlowDissector or ProgramType.CgroupDevice or ProgramType.CgroupSock
        or ProgramType.CgroupSockAddr or ProgramType.CgroupSockopt or ProgramType.CgroupSysctl or ProgramType.SockOps
        or ProgramType.Extension or ProgramType.Netfilter;

    static bool IsTracingType(ProgramType type) => type is ProgramType.Kprobe or ProgramType.Tracepoint or ProgramType.PerfEvent
        or ProgramType.RawTracepoint or ProgramType.RawTracepointWritable or ProgramType.Tracing or ProgramType.Lsm
        or ProgramType.StructOps or ProgramType.Extension;
}
