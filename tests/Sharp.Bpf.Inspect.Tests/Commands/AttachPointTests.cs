using Sharp.Bpf.Inspect.Commands;
using Sharp.Bpf.Links;
using Xunit;

namespace Sharp.Bpf.Inspect.Tests.Commands;

/// <summary>The target strings <c>sharp-bpf attach</c> accepts (no kernel needed).</summary>
public sealed class AttachPointTests
{
    [Fact]
    public void Tracepoints_name_category_and_event()
    {
        Assert.Equal(new TracepointPoint("syscalls", "sys_enter_getppid"), AttachPoint.Parse("tracepoint:syscalls:sys_enter_getppid"));
    }

    [Fact]
    public void Uprobe_paths_may_contain_colons_because_the_symbol_follows_the_last()
    {
        Assert.Equal(new UprobePoint("/opt/a:b/app", "main", IsReturn: false), AttachPoint.Parse("uprobe:/opt/a:b/app:main"));
        Assert.Equal(new UprobePoint("libc", "malloc", IsReturn: true), AttachPoint.Parse("uretprobe:libc:malloc"));
    }

    [Fact]
    public void Cgroup_hooks_take_bpftool_names_and_attach_type_names()
    {
        Assert.Equal(new CgroupPoint("/sys/fs/cgroup/x", AttachType.CgroupInetEgress), AttachPoint.Parse("cgroup:/sys/fs/cgroup/x:egress"));
        Assert.Equal(new CgroupPoint("/sys/fs/cgroup/x", AttachType.CgroupInet4Connect), AttachPoint.Parse("cgroup:/sys/fs/cgroup/x:CgroupInet4Connect"));
    }

    [Fact]
    public void Tc_and_xdp_name_the_interface_and_direction_or_mode()
    {
        Assert.Equal(new TcPoint("veth0", TcDirection.Egress), AttachPoint.Parse("tc:veth0:egress"));
        Assert.Equal(new XdpPoint("veth0", XdpMode.Generic), AttachPoint.Parse("xdp:veth0:generic"));
        Assert.Equal(new XdpPoint("veth0", XdpMode.Auto), AttachPoint.Parse("xdp:veth0"));
    }

    [Fact]
    public void Raw_tracepoints_kprobes_and_tp_btf_have_short_forms()
    {
        Assert.Equal(new RawTracepointPoint("sys_enter"), AttachPoint.Parse("raw_tp:sys_enter"));
        Assert.Equal(new KprobePoint("tcp_connect", IsReturn: true), AttachPoint.Parse("kretprobe:tcp_connect"));
        Assert.IsType<TracepointBtfPoint>(AttachPoint.Parse("tp_btf"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("xdp:")]
    [InlineData("xdp:eth0:fast")]
    [InlineData("raw_tp:")]
    [InlineData("kprobe:a:b")]
    [InlineData("cgroup:egress")]
    public void Malformed_targets_are_format_errors(string target)
    {
        Assert.Throws<FormatException>(() => AttachPoint.Parse(target));
    }
}
