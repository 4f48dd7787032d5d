namespace Sharp.Bpf.Kernel;

/// <summary>A cgroup sock program (<c>BPF_PROG_TYPE_CGROUP_SOCK</c>, Linux 4.10): runs on socket events of a cgroup's
/// processes. The method takes the kernel's <c>struct bpf_sock</c> and returns a <see cref="CgroupVerdict"/>. Sections
/// <c>cgroup/sock_create</c>, <c>cgroup/sock_release</c>, <c>cgroup/post_bind4</c>, <c>cgroup/post_bind6</c>.</summary>
/// <param name="hook">The socket event.</param>
public sealed class CgroupSockAttribute(CgroupSockHook hook) : ProgramAttribute
{
    /// <summary>The socket event.</summary>
    public CgroupSockHook Hook { get; } = hook;
    /// <inheritdoc/>
    public override string SectionName => Hook switch
    {
        CgroupSockHook.Create => "cgroup/sock_create",
        CgroupSockHook.Release => "cgroup/sock_release",
        CgroupSockHook.PostBind4 => "cgroup/post_bind4",
        _ => "cgroup/post_bind6",
    };
    /// <inheritdoc/>
    public override ProgramType ProgramType => ProgramType.CgroupSock;
    /// <inheritdoc/>
    public override AttachType ExpectedAttachType => Hook switch
    {
        CgroupSockHook.Create => AttachType.CgroupInetSockCreate,
        CgroupSockHook.Release => AttachType.CgroupInetSockRelease,
        CgroupSockHook.PostBind4 => AttachType.CgroupInet4PostBind,
        _ => AttachType.CgroupInet6PostBind,
    };
}
