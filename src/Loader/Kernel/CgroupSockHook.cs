namespace Sharp.Bpf.Kernel;

/// <summary>The socket event a cgroup sock program runs on.</summary>
public enum CgroupSockHook
{
    /// <summary>A socket is created (<c>BPF_CGROUP_INET_SOCK_CREATE</c>, Linux 4.10).</summary>
    Create,
    /// <summary>A socket is released (<c>BPF_CGROUP_INET_SOCK_RELEASE</c>, Linux 5.9).</summary>
    Release,
    /// <summary>An IPv4 socket was bound (<c>BPF_CGROUP_INET4_POST_BIND</c>, Linux 4.17).</summary>
    PostBind4,
    /// <summary>An IPv6 socket was bound (<c>BPF_CGROUP_INET6_POST_BIND</c>, Linux 4.17).</summary>
    PostBind6,
}
