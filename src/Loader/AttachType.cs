namespace Sharp.Bpf;

/// <summary>A kernel attach type (<c>enum bpf_attach_type</c>, linux/bpf.h); 0 doubles as "none" for program types that have no attach type.</summary>
public enum AttachType : uint
{
    /// <summary><c>BPF_CGROUP_INET_INGRESS</c></summary>
    CgroupInetIngress = 0,
    /// <summary><c>BPF_CGROUP_INET_EGRESS</c></summary>
    CgroupInetEgress = 1,
    /// <summary><c>BPF_CGROUP_INET_SOCK_CREATE</c></summary>
    CgroupInetSockCreate = 2,
    /// <summary><c>BPF_CGROUP_SOCK_OPS</c></summary>
    CgroupSockOps = 3,
    /// <summary><c>BPF_SK_SKB_STREAM_PARSER</c></summary>
    SkSkbStreamParser = 4,
    /// <summary><c>BPF_SK_SKB_STREAM_VERDICT</c></summary>
    SkSkbStreamVerdict = 5,
    /// <summary><c>BPF_CGROUP_DEVICE</c></summary>
    CgroupDevice = 6,
    /// <summary><c>BPF_SK_MSG_VERDICT</c></summary>
    SkMsgVerdict = 7,
    /// <summary><c>BPF_CGROUP_INET4_BIND</c></summary>
    CgroupInet4Bind = 8,
    /// <summary><c>BPF_CGROUP_INET6_BIND</c></summary>
    CgroupInet6Bind = 9,
    /// <summary><c>BPF_CGROUP_INET4_CONNECT</c></summary>
    CgroupInet4Connect = 10,
    /// <summary><c>BPF_CGROUP_INET6_CONNECT</c></summary>
    CgroupInet6Connect = 11,
    /// <summary><c>BPF_CGROUP_INET4_POST_BIND</c></summary>
    CgroupInet4PostBind = 12,
    /// <summary><c>BPF_CGROUP_INET6_POST_BIND</c></summary>
    CgroupInet6PostBind = 13,
    /// <summary><c>BPF_CGROUP_UDP4_SENDMSG</c></summary>
    CgroupUdp4Sendmsg = 14,
    /// <summary><c>BPF_CGROUP_UDP6_SENDMSG</c></summary>
    CgroupUdp6Sendmsg = 15,
    /// <summary><c>BPF_LIRC_MODE2</c></summary>
    LircMode2 = 16,
    /// <summary><c>BPF_FLOW_DISSECTOR</c></summary>
    FlowDissector = 17,
    /// <summary><c>BPF_CGROUP_SYSCTL</c></summary>
    CgroupSysctl = 18,
    /// <summary><c>BPF_CGROUP_UDP4_RECVMSG</c></summary>
    CgroupUdp4Recvmsg = 19,
    /// <summary><c>BPF_CGROUP_UDP6_RECVMSG</c></summary>
    CgroupUdp6Recvmsg = 20,
    /// <summary><c>BPF_CGROUP_GETSOCKOPT</c></summary>
    CgroupGetsockopt = 21,
    /// <summary><c>BPF_CGROUP_SETSOCKOPT</c></summary>
    CgroupSetsockopt = 22,
    /// <summary><c>BPF_TRACE_RAW_TP</c></summary>
    TraceRawTracepoint = 23,
    /// <summary><c>BPF_TRACE_FENTRY</c></summary>
    TraceFentry = 24,
    /// <summary><c>BPF_TRACE_FEXIT</c></summary>
    TraceFexit = 25,
    /// <summary><c>BPF_MODIFY_RETURN</c></summary>
    ModifyReturn = 26,
    /// <summary><c>BPF_LSM_MAC</c></summary>
    LsmMac = 27,
    /// <summary><c>BPF_TRACE_ITER</c></summary>
    TraceIter = 28,
    /// <summary><c>BPF_CGROUP_INET4_GETPEERNAME</c></summary>
    CgroupInet4Getpeername = 29,
    /// <summary><c>BPF_CGROUP_INET6_GETPEERNAME</c></summary>
    CgroupInet6Getpeername = 30,
    /// <summary><c>BPF_CGROUP_INET4_GETSOCKNAME</c></summary>
    CgroupInet4Getsockname = 31,
    /// <summary><c>BPF_CGROUP_INET6_GETSOCKNAME</c></summary>
    CgroupInet6Getsockname = 32,
    /// <summary><c>BPF_XDP_DEVMAP</c></summary>
    XdpDevmap = 33,
    /// <summary><c>BPF_CGROUP_INET_SOCK_RELEASE</c></summary>
    CgroupInetSockRelease = 34,
    /// <summary><c>BPF_XDP_CPUMAP</c></summary>
    XdpCpumap = 35,
    /// <summary><c>BPF_SK_LOOKUP</c></summary>
    SkLookup = 36,
    /// <summary><c>BPF_XDP</c></summary>
    Xdp = 37,
    /// <summary><c>BPF_SK_SKB_VERDICT</c></summary>
    SkSkbVerdict = 38,
    /// <summary><c>BPF_SK_REUSEPORT_SELECT</c></summary>
    SkReuseportSelect = 39,
    /// <summary><c>BPF_SK_REUSEPORT_SELECT_OR_MIGRATE</c></summary>
    SkReuseportSelectOrMigrate = 40,
    /// <summary><c>BPF_PERF_EVENT</c></summary>
    PerfEvent = 41,
    /// <summary><c>BPF_TRACE_KPROBE_MULTI</c></summary>
    TraceKprobeMulti = 42,
    /// <summary><c>BPF_LSM_CGROUP</c></summary>
    LsmCgroup = 43,
    /// <summary><c>BPF_STRUCT_OPS</c></summary>
    StructOps = 44,
    /// <summary><c>BPF_NETFILTER</c></summary>
    Netfilter = 45,
    /// <summary><c>BPF_TCX_INGRESS</c></summary>
    TcxIngress = 46,
    /// <summary><c>BPF_TCX_EGRESS</c></summary>
    TcxEgress = 47,
    /// <summary><c>BPF_TRACE_UPROBE_MULTI</c></summary>
    TraceUprobeMulti = 48,
    /// <summary><c>BPF_CGROUP_UNIX_CONNECT</c></summary>
    CgroupUnixConnect = 49,
    /// <summary><c>BPF_CGROUP_UNIX_SENDMSG</c></summary>
    CgroupUnixSendmsg = 50,
    /// <summary><c>BPF_CGROUP_UNIX_RECVMSG</c></summary>
    CgroupUnixRecvmsg = 51,
    /// <summary><c>BPF_CGROUP_UNIX_GETPEERNAME</c></summary>
    CgroupUnixGetpeername = 52,
    /// <summary><c>BPF_CGROUP_UNIX_GETSOCKNAME</c></summary>
    CgroupUnixGetsockname = 53,
    /// <summary><c>BPF_NETKIT_PRIMARY</c></summary>
    NetkitPrimary = 54,
    /// <summary><c>BPF_NETKIT_PEER</c></summary>
    NetkitPeer = 55,
    /// <summary><c>BPF_TRACE_KPROBE_SESSION</c></summary>
    TraceKprobeSession = 56,
    /// <summary><c>BPF_TRACE_UPROBE_SESSION</c></summary>
    TraceUprobeSession = 57,
}
