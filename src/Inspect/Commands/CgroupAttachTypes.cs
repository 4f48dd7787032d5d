namespace Sharp.Bpf.Inspect.Commands;

/// <summary>The cgroup hooks by the names bpftool uses (<c>bpftool cgroup attach</c>), plus the <see cref="AttachType"/> names.</summary>
internal static class CgroupAttachTypes
{
    static readonly Dictionary<string, AttachType> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ingress"] = AttachType.CgroupInetIngress,
        ["egress"] = AttachType.CgroupInetEgress,
        ["sock_create"] = AttachType.CgroupInetSockCreate,
        ["sock_release"] = AttachType.CgroupInetSockRelease,
        ["sock_ops"] = AttachType.CgroupSockOps,
        ["device"] = AttachType.CgroupDevice,
        ["bind4"] = AttachType.CgroupInet4Bind,
        ["bind6"] = AttachType.CgroupInet6Bind,
        ["post_bind4"] = AttachType.CgroupInet4PostBind,
        ["post_bind6"] = AttachType.CgroupInet6PostBind,
        ["connect4"] = AttachType.CgroupInet4Connect,
        ["connect6"] = AttachType.CgroupInet6Connect,
        ["connect_unix"] = AttachType.CgroupUnixConnect,
        ["getpeername4"] = AttachType.CgroupInet4Getpeername,
        ["getpeername6"] = AttachType.CgroupInet6Getpeername,
        ["getsockname4"] = AttachType.CgroupInet4Getsockname,
        ["getsockname6"] = AttachType.CgroupInet6Getsockname,
        ["sendmsg4"] = AttachType.CgroupUdp4Sendmsg,
        ["sendmsg6"] = AttachType.CgroupUdp6Sendmsg,
        ["sendmsg_unix"] = AttachType.CgroupUnixSendmsg,
        ["recvmsg4"] = AttachType.CgroupUdp4Recvmsg,
        ["recvmsg6"] = AttachType.CgroupUdp6Recvmsg,
        ["recvmsg_unix"] = AttachType.CgroupUnixRecvmsg,
        ["sysctl"] = AttachType.CgroupSysctl,
        ["getsockopt"] = AttachType.CgroupGetsockopt,
        ["setsockopt"] = AttachType.CgroupSetsockopt,
    };

    /// <summary>The short names, for error messages.</summary>
    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The hook named <paramref name="name"/> (a short name or an <see cref="AttachType"/> member), or null.</summary>
    public static AttachType? TryParse(string name) =>
        ByName.TryGetValue(name, out var type) ? type
        : Enum.TryParse<AttachType>(name, ignoreCase: true, out var named) && name.StartsWith("Cgroup", StringComparison.OrdinalIgnoreCase) ? named
        : null;
}
