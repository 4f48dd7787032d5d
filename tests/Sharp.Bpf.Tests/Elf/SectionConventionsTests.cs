using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Tests.Elf;

/// <summary>Section names map to program types, attach types and flags as libbpf's section_defs table says.</summary>
public sealed class SectionConventionsTests
{
    const uint Sleepable = 1u << 4;
    const uint XdpFrags = 1u << 5;

    public static TheoryData<string, ProgramType, AttachType, string?, uint> Names => new()
    {
        { "socket", ProgramType.SocketFilter, 0, null, 0 },
        { "sk_reuseport", ProgramType.SkReuseport, AttachType.SkReuseportSelect, null, 0 },
        { "sk_reuseport/migrate", ProgramType.SkReuseport, AttachType.SkReuseportSelectOrMigrate, null, 0 },
        { "kprobe/do_unlinkat", ProgramType.Kprobe, 0, "do_unlinkat", 0 },
        { "kretprobe/do_unlinkat", ProgramType.Kprobe, 0, "do_unlinkat", 0 },
        { "uprobe//usr/bin/bash:readline", ProgramType.Kprobe, 0, "/usr/bin/bash:readline", 0 },
        { "uretprobe/libc.so.6:malloc", ProgramType.Kprobe, 0, "libc.so.6:malloc", 0 },
        { "uprobe.s/libc.so.6:malloc", ProgramType.Kprobe, 0, "libc.so.6:malloc", Sleepable },
        { "uprobe.multi/libc.so.6:*alloc", ProgramType.Kprobe, AttachType.TraceUprobeMulti, "libc.so.6:*alloc", 0 },
        { "uprobe.multi.s/libc.so.6:*alloc", ProgramType.Kprobe, AttachType.TraceUprobeMulti, "libc.so.6:*alloc", Sleepable },
        { "kprobe.multi/tcp_*", ProgramType.Kprobe, AttachType.TraceKprobeMulti, "tcp_*", 0 },
        { "tc", ProgramType.SchedClassifier, 0, null, 0 },
        { "classifier", ProgramType.SchedClassifier, 0, null, 0 },
        { "action", ProgramType.SchedAction, 0, null, 0 },
        { "tcx/ingress", ProgramType.SchedClassifier, AttachType.TcxIngress, null, 0 },
        { "tcx/egress", ProgramType.SchedClassifier, AttachType.TcxEgress, null, 0 },
        { "tracepoint/sched/sched_switch", ProgramType.Tracepoint, 0, "sched/sched_switch", 0 },
        { "tp/syscalls/sys_enter_getpid", ProgramType.Tracepoint, 0, "syscalls/sys_enter_getpid", 0 },
        { "raw_tracepoint/sched_switch", ProgramType.RawTracepoint, 0, "sched_switch", 0 },
        { "raw_tp/sched_switch", ProgramType.RawTracepoint, 0, "sched_switch", 0 },
        { "raw_tracepoint.w/bpf_test_finish", ProgramType.RawTracepointWritable, 0, "bpf_test_finish", 0 },
        { "tp_btf/sched_switch", ProgramType.Tracing, AttachType.TraceRawTracepoint, "sched_switch", 0 },
        { "fentry/tcp_connect", ProgramType.Tracing, AttachType.TraceFentry, "tcp_connect", 0 },
        { "fexit/tcp_connect", ProgramType.Tracing, AttachType.TraceFexit, "tcp_connect", 0 },
        { "fentry.s/tcp_connect", ProgramType.Tracing, AttachType.TraceFentry, "tcp_connect", Sleepable },
        { "fmod_ret/bpf_modify_return_test", ProgramType.Tracing, AttachType.ModifyReturn, "bpf_modify_return_test", 0 },
        { "lsm/file_open", ProgramType.Lsm, AttachType.LsmMac, "file_open", 0 },
        { "lsm.s/file_open", ProgramType.Lsm, AttachType.LsmMac, "file_open", Sleepable },
        { "iter/task", ProgramType.Tracing, AttachType.TraceIter, "task", 0 },
        { "xdp", ProgramType.Xdp, AttachType.Xdp, null, 0 },
        { "xdp.frags", ProgramType.Xdp, AttachType.Xdp, null, XdpFrags },
        { "xdp/devmap", ProgramType.Xdp, AttachType.XdpDevmap, null, 0 },
        { "xdp.frags/cpumap", ProgramType.Xdp, AttachType.XdpCpumap, null, XdpFrags },
        { "perf_event", ProgramType.PerfEvent, 0, null, 0 },
        { "cgroup_skb/ingress", ProgramType.CgroupSkb, AttachType.CgroupInetIngress, null, 0 },
        { "cgroup_skb/egress", ProgramType.CgroupSkb, AttachType.CgroupInetEgress, null, 0 },
        { "cgroup/skb", ProgramType.CgroupSkb, 0, null, 0 },
        { "cgroup/sock", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate, null, 0 },
        { "cgroup/sock_create", ProgramType.CgroupSock, AttachType.CgroupInetSockCreate, null, 0 },
        { "cgroup/post_bind4", ProgramType.CgroupSock, AttachType.CgroupInet4PostBind, null, 0 },
        { "cgroup/post_bind6", ProgramType.CgroupSock, AttachType.CgroupInet6PostBind, null, 0 },
        { "cgroup/bind4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Bind, null, 0 },
        { "cgroup/bind6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Bind, null, 0 },
        { "cgroup/connect4", ProgramType.CgroupSockAddr, AttachType.CgroupInet4Connect, null, 0 },
        { "cgroup/connect6", ProgramType.CgroupSockAddr, AttachType.CgroupInet6Connect, null, 0 },
        { "cgroup/sendmsg4", ProgramType.CgroupSockAddr, AttachType.CgroupUdp4Sendmsg, null, 0 },
        { "cgroup/sendmsg6", ProgramType.CgroupSockAddr, AttachType.CgroupUdp6Sendmsg, null, 0 },
        { "cgroup/recvmsg4", ProgramType.CgroupSockAddr, AttachType.CgroupUdp4Recvmsg, null, 0 },
        { "cgroup/recvmsg6", ProgramType.CgroupSockAddr, AttachType.CgroupUdp6Recvmsg, null, 0 },
        { "cgroup/getsockopt", ProgramType.CgroupSockopt, AttachType.CgroupGetsockopt, null, 0 },
        { "cgroup/setsockopt", ProgramType.CgroupSockopt, AttachType.CgroupSetsockopt, null, 0 },
        { "cgroup/sysctl", ProgramType.CgroupSysctl, AttachType.CgroupSysctl, null, 0 },
        { "cgroup/dev", ProgramType.CgroupDevice, AttachType.CgroupDevice, null, 0 },
        { "sockops", ProgramType.SockOps, AttachType.CgroupSockOps, null, 0 },
        { "sk_skb", ProgramType.SkSkb, 0, null, 0 },
        { "sk_skb/stream_parser", ProgramType.SkSkb, AttachType.SkSkbStreamParser, null, 0 },
        { "sk_msg", ProgramType.SkMsg, AttachType.SkMsgVerdict, null, 0 },
        { "flow_dissector", ProgramType.FlowDissector, AttachType.FlowDissector, null, 0 },
        { "struct_ops/tcp_congestion_ops", ProgramType.StructOps, 0, "tcp_congestion_ops", 0 },
        { "struct_ops.s/init", ProgramType.StructOps, 0, "init", Sleepable },
        { "syscall", ProgramType.Syscall, 0, null, Sleepable },
        { "netfilter", ProgramType.Netfilter, AttachType.Netfilter, null, 0 },
        { "sk_lookup", ProgramType.SkLookup, AttachType.SkLookup, null, 0 },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Section_name_implies_type_attach_type_target_and_flags(string name, ProgramType type, AttachType attachType, string? attachTo, uint flags)
    {
        Assert.True(SectionConventions.TryMatch(name, out var section));
        Assert.Equal(new ProgramSection(type, attachType, attachTo, flags), section);
    }

    [Theory]
    [InlineData("kprobe_extra")]    // "kprobe+" needs the bare name or a '/'
    [InlineData("xdp_frags")]
    [InlineData("tcx")]
    [InlineData("socket/extra")]    // exact names take no extras
    [InlineData("cgroup/unknown")]
    [InlineData("my_section")]
    [InlineData("")]
    public void Names_outside_the_table_match_nothing(string name) =>
        Assert.False(SectionConventions.TryMatch(name, out _));
}
