namespace Sharp.Bpf.Elf;

/// <summary>libbpf's table of program section names (<c>section_defs</c> in libbpf.c): which program type, expected attach
/// type and load flags each name implies. Objects written for libbpf name their sections this way, and so does our generator.</summary>
internal static class SectionConventions
{
    /// <summary><c>BPF_F_SLEEPABLE</c>: the program may sleep (<c>.s</c> sections).</summary>
    public const uint Sleepable = 1u << 4;
    /// <summary><c>BPF_F_XDP_HAS_FRAGS</c>: the XDP program handles multi-buffer packets (<c>xdp.frags</c>).</summary>
    public const uint XdpHasFrags = 1u << 5;

    /// <summary>The table, in libbpf's order.</summary>
    public static IReadOnlyList<SectionConvention> All { get; } =
    [
        new("socket", ProgramType.SocketFilter),
        new("sk_reuseport/migrate", ProgramType.SkReuseport, AttachType.SkReuseportSelectOrMigrate),
        new("sk_reuseport", ProgramType.SkReuseport, AttachType.SkReuseportSelect),
        new("kprobe+", ProgramType.Kprobe),
        new("uprobe+", ProgramType.Kprobe),
        new("uprobe.s+", ProgramType.Kprobe, 0, Sleepable),
        new("kretprobe+", ProgramType.Kprobe),
        new("uretprobe+", ProgramType.Kprobe),
        new("uretprobe.s+", ProgramType.Kprobe, 0, Sleepable),
        new("kprobe.multi+", ProgramType.Kprobe, AttachType.TraceKprobeMulti),
        new("kretprobe.multi+", ProgramType.Kprobe, AttachType.TraceKprobeMulti),
        new("kprobe.session+", ProgramType.Kprobe, AttachType.TraceKprobeSession),
        new("uprobe.multi+", ProgramType.Kprobe, AttachType.TraceUprobeMulti),
        new("uretprobe.multi+", ProgramType.Kprobe, AttachType.TraceUprobeMulti),
        new("uprobe.multi.s+", ProgramType.Kprobe, AttachType.TraceUprobeMulti, Sleepable),
        new("uretprobe.multi.s+", ProgramType.Kprobe, AttachType.TraceUprobeMulti, Sleepable),
        new("uprobe.session+", ProgramType.Kprobe, AttachType.TraceUprobeSession),
        new("uprobe.session.s+", ProgramType.Kprobe, AttachType.TraceUprobeSession, Sleepable),
        new("ksyscall+", ProgramType.Kprobe),
        new("kretsyscall+", ProgramType.Kprobe),
        new("usdt+", ProgramType.Kprobe),
        new("usdt.s+", ProgramType.Kprobe, 0, Sleepable),
        new("tc/ingress", ProgramType.SchedClassifier, AttachType.TcxIngress),
        new("tc/egress", ProgramType.SchedClassifier, AttachType.TcxEgress),
        new("tcx/ingress", ProgramType.SchedClassifier, AttachType.TcxIngress),
        new("tcx/egress", ProgramType.SchedClassifier, AttachType.TcxEgress),
        new("tc", ProgramType.SchedClassifier),
        new("classifier", ProgramType.SchedClassifier),
        new("action", ProgramType.SchedAction),
        new("netkit/primary", ProgramType.SchedClassifier, AttachType.NetkitPrimary),
        new("netkit/peer", ProgramType.SchedClassifier, AttachType.NetkitPeer),
        new("tracepoint+", ProgramType.Tracepoint),
        new("tp+", ProgramType.Tracepoint),
        new("raw_tracepoint+", ProgramType.RawTracepoint),
        new("raw_tp+", ProgramType.RawTracepoint),
        new("raw_tracepoint.w+", ProgramType.RawTracepointWritable),
        new("raw_tp.w+", ProgramType.RawTracepointWritable),
        new("tp_btf+", ProgramType.Tracing, AttachType.TraceRawTracepoint),
        new("fentry+", ProgramType.Tracing, AttachType.TraceFentry),
        new("fmod_ret+", ProgramType.Tracing, AttachType.ModifyReturn),
        new("fexit+", ProgramType.Tracing, AttachType.TraceFexit),
        new("fentry.s+", ProgramType.Tracing, AttachType.TraceFentry, Sleepable),
        new("fmod_ret.s+", ProgramType.Tracing, AttachType.ModifyReturn, Sleepable),
        new("fexit.s+", ProgramType.Tracing, AttachType.TraceFexit, Sleepable),
        new("freplace+", ProgramType.Extension),
        new("lsm+", ProgramType.Lsm, AttachType.LsmMac),
        new("lsm.s+", ProgramType.Lsm, AttachType.LsmMac, Sleepable),
        new("lsm_cgroup+", ProgramType.Lsm, AttachType.LsmCgroup),
        new("iter+", ProgramType.Tracing, AttachType.TraceIter),
        new("iter.s+", ProgramType.Tracing, AttachType.TraceIter, Sleepable),
        new("syscall", ProgramType.Syscall, 0, Sleepable),
        new("xdp.frags/devmap", ProgramType.Xdp, AttachType.XdpDevmap, XdpHasFrags),
        new("xdp/devmap", ProgramType.Xdp, AttachType.XdpDevmap),
        new("xdp.frags/cpumap", ProgramType.Xdp, AttachType.XdpCpumap, XdpHasFrags),
        new("xdp/cpumap", ProgramType.Xdp, AttachType.XdpCpumap),
        new("xdp.frags", ProgramType.Xdp, AttachType.Xdp, XdpHasFrags),
        new("xdp", ProgramType.Xdp, AttachType.Xdp),
        new("perf_event", ProgramType.PerfEvent),
        new("lwt_in", ProgramType.LwtIn),
        new("lwt_out", ProgramType.LwtOut),
        new("lwt_xmit", ProgramType.LwtXmit),
        new("lwt_seg6local", ProgramType.LwtSeg6Local),
        new("sockops", ProgramType.SockOps, AttachType.CgroupSockOps),
        new("sk_skb/stream_parser", ProgramType.SkSkb, AttachType.SkSkbStreamParser),
        new("sk_skb/stream_verdict", ProgramType.SkSkb, AttachType.SkSkbStreamVerdict),
        new("sk_skb/verdict", ProgramType.SkSkb, AttachType.SkSkbVerdict),
        new("sk_skb", ProgramType.SkSkb),
        new("sk_msg", ProgramType.SkMsg, AttachType.SkMsgVerdict),
        new("lirc_mode2", ProgramType.LircMode2, AttachType.LircMode2),
        new("flow_dissector", ProgramType.FlowDissector, AttachType.FlowDissector),
        new("cgroup_skb/ingress", ProgramType.CgroupSkb, AttachType.CgroupInetIngress),
        new("cgroup_skb/egress", ProgramType.CgroupSkb, AttachType.CgroupInetEgress),
        new("cgroup/skb", ProgramType.CgroupSkb),
        new("cgroup/sock_create", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate),
        new("cgroup/sock_release", ProgramType.CgroupSock, AttachType.CgroupInetSockRelease),
        new("cgroup/sock", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate),
        new("cgroup/post_bind4", ProgramType.CgroupSock, AttachType.CgroupInet4PostBind),
        new("cgroup/post_bind6", ProgramType.CgroupSock, AttachType.CgroupInet6PostBind),
        new("cgroup/bind4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Bind),
        new("cgroup/bind6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Bind),
        new("cgroup/connect4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Connect),
        new("cgroup/connect6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Connect),
        new("cgroup/connect_unix", ProgramType.CgroupSockAddr, AttachType.CgroupUnixConnect),
        new("cgroup/sendmsg4", ProgramType.CgroupSockAddr, AttachType.CgroupUdp4Sendmsg),
        new("cgroup/sendmsg6", ProgramType.CgroupSockAddr, AttachType.CgroupUdp6Sendmsg),
        new("cgroup/sendmsg_unix", ProgramType.CgroupSockAddr, AttachType.CgroupUnixSendmsg),
        new("cgroup/recvmsg4", ProgramType.CgroupSockAddr, AttachType.CgroupUdp4Recvmsg),
        new("cgroup/recvmsg6", ProgramType.CgroupSockAddr, AttachType.CgroupUdp6Recvmsg),
        new("cgroup/recvmsg_unix", ProgramType.CgroupSockAddr, AttachType.CgroupUnixRecvmsg),
        new("cgroup/getpeername4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Getpeername),
        new("cgroup/getpeername6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Getpeername),
        new("cgroup/getpeername_unix", ProgramType.CgroupSockAddr, AttachType.CgroupUnixGetpeername),
        new("cgroup/getsockname4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Getsockname),
        new("cgroup/getsockname6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Getsockname),
        new("cgroup/getsockname_unix", ProgramType.CgroupSockAddr, AttachType.CgroupUnixGetsockname),
        new("cgroup/sysctl", ProgramType.CgroupSysctl, AttachType.CgroupSysctl),
        new("cgroup/getsockopt", ProgramType.CgroupSockopt, AttachType.CgroupGetsockopt),
        new("cgroup/setsockopt", ProgramType.CgroupSockopt, AttachType.CgroupSetsockopt),
        new("cgroup/dev", ProgramType.CgroupDevice, AttachType.CgroupDevice),
        new("struct_ops+", ProgramType.StructOps),
        new("struct_ops.s+", ProgramType.StructOps, 0, Sleepable),
        new("sk_lookup", ProgramType.SkLookup, AttachType.SkLookup),
        new("netfilter", ProgramType.Netfilter, AttachType.Netfilter),
    ];

    /// <summary>Finds the convention <paramref name="sectionName"/> follows.</summary>
    /// <returns>False when the name follows none, so the section holds no loadable program.</returns>
    public static bool TryMatch(string sectionName, out ProgramSection section)
    {
        foreach (var convention in All)
            if (convention.TryMatch(sectionName, out section)) return true;
        section = default;
        return false;
    }
}
