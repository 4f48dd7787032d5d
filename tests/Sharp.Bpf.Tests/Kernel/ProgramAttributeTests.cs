using Sharp.Bpf.Elf;
using Xunit;

namespace Sharp.Bpf.Tests.Kernel;

using Sharp.Bpf.Kernel;

/// <summary>Every program attribute names a section that the loader's section conventions map back to the attribute's
/// program type and expected attach type.</summary>
public sealed class ProgramAttributeTests
{
    public static TheoryData<string, string> Attributes => new()
    {
        { nameof(SocketFilterAttribute), "socket" },
        { nameof(TcAttribute), "tc" },
        { "Tcx(Ingress)", "tcx/ingress" },
        { "Tcx(Egress)", "tcx/egress" },
        { nameof(XdpAttribute), "xdp" },
        { "Xdp(Frags)", "xdp.frags" },
        { nameof(TracepointAttribute), "tracepoint/syscalls/sys_enter_write" },
        { nameof(RawTracepointAttribute), "raw_tp/sched_switch" },
        { nameof(TracepointBtfAttribute), "tp_btf/sched_switch" },
        { nameof(UprobeAttribute), "uprobe//usr/lib/libc.so.6:malloc" },
        { "Uprobe(Offset, Sleepable)", "uprobe.s/libc.so.6:malloc+0x10" },
        { nameof(UretprobeAttribute), "uretprobe/libc.so.6:malloc" },
        { nameof(KprobeAttribute), "kprobe/tcp_connect" },
        { "Kprobe(Offset)", "kprobe/tcp_connect+0x8" },
        { nameof(KretprobeAttribute), "kretprobe/tcp_connect" },
        { "CgroupSkb(Ingress)", "cgroup_skb/ingress" },
        { "CgroupSkb(Egress)", "cgroup_skb/egress" },
        { "CgroupSock(Create)", "cgroup/sock_create" },
        { "CgroupSock(Release)", "cgroup/sock_release" },
        { "CgroupSock(PostBind4)", "cgroup/post_bind4" },
        { "CgroupSock(PostBind6)", "cgroup/post_bind6" },
        { nameof(PerfEventAttribute), "perf_event" },
    };

    static ProgramAttribute Create(string name) => name switch
    {
        nameof(SocketFilterAttribute) => new SocketFilterAttribute(),
        nameof(TcAttribute) => new TcAttribute(),
        "Tcx(Ingress)" => new TcxAttribute(TrafficDirection.Ingress),
        "Tcx(Egress)" => new TcxAttribute(TrafficDirection.Egress),
        nameof(XdpAttribute) => new XdpAttribute(),
        "Xdp(Frags)" => new XdpAttribute { Frags = true },
        nameof(TracepointAttribute) => new TracepointAttribute("syscalls", "sys_enter_write"),
        nameof(RawTracepointAttribute) => new RawTracepointAttribute("sched_switch"),
        nameof(TracepointBtfAttribute) => new TracepointBtfAttribute("sched_switch"),
        nameof(UprobeAttribute) => new UprobeAttribute("/usr/lib/libc.so.6", "malloc"),
        "Uprobe(Offset, Sleepable)" => new UprobeAttribute("libc.so.6", "malloc") { Offset = 0x10, Sleepable = true },
        nameof(UretprobeAttribute) => new UretprobeAttribute("libc.so.6", "malloc"),
        nameof(KprobeAttribute) => new KprobeAttribute("tcp_connect"),
        "Kprobe(Offset)" => new KprobeAttribute("tcp_connect") { Offset = 8 },
        nameof(KretprobeAttribute) => new KretprobeAttribute("tcp_connect"),
        "CgroupSkb(Ingress)" => new CgroupSkbAttribute(TrafficDirection.Ingress),
        "CgroupSkb(Egress)" => new CgroupSkbAttribute(TrafficDirection.Egress),
        "CgroupSock(Create)" => new CgroupSockAttribute(CgroupSockHook.Create),
        "CgroupSock(Release)" => new CgroupSockAttribute(CgroupSockHook.Release),
        "CgroupSock(PostBind4)" => new CgroupSockAttribute(CgroupSockHook.PostBind4),
        "CgroupSock(PostBind6)" => new CgroupSockAttribute(CgroupSockHook.PostBind6),
        nameof(PerfEventAttribute) => new PerfEventAttribute(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Section_name_follows_libbpf_spelling(string attribute, string sectionName) =>
        Assert.Equal(sectionName, Create(attribute).SectionName);

    [Theory]
    [MemberData(nameof(Attributes))]
    public void Section_name_maps_back_to_the_program_and_attach_type(string attribute, string sectionName)
    {
        var program = Create(attribute);
        Assert.True(SectionConventions.TryMatch(sectionName, out var section));
        Assert.Equal(program.ProgramType, section.Type);
        Assert.Equal(program.ExpectedAttachType, section.AttachType);
    }

    [Fact]
    public void Sleepable_uprobe_section_carries_the_sleepable_flag()
    {
        Assert.True(SectionConventions.TryMatch(new UprobeAttribute("libc.so.6", "malloc") { Sleepable = true }.SectionName, out var section));
        Assert.Equal(SectionConventions.Sleepable, section.Flags);
    }

    [Fact]
    public void Xdp_frags_section_carries_the_frags_flag()
    {
        Assert.True(SectionConventions.TryMatch(new XdpAttribute { Frags = true }.SectionName, out var section));
        Assert.Equal(SectionConventions.XdpHasFrags, section.Flags);
    }

    [Fact]
    public void Probe_target_is_what_the_loader_attaches_to()
    {
        Assert.True(SectionConventions.TryMatch(new UprobeAttribute("/usr/bin/bash", "readline").SectionName, out var section));
        Assert.Equal("/usr/bin/bash:readline", section.AttachTo);
    }

    [Fact]
    public void Kernel_update_flags_equal_the_loaders()
    {
        Assert.Equal((ulong)MapUpdateFlags.NoExist, (ulong)UpdateFlags.NoExist);
        Assert.Equal((ulong)MapUpdateFlags.Exist, (ulong)UpdateFlags.Exist);
        Assert.Equal((ulong)MapUpdateFlags.Lock, (ulong)UpdateFlags.Lock);
    }
}
