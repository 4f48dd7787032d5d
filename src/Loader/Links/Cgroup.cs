using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches cgroup programs — packet filters (<c>cgroup_skb</c>), socket creation (<c>cgroup/sock</c>), socket address
/// hooks (<c>cgroup/connect4</c>, <c>bind6</c>, <c>sendmsg4</c>, ...), socket options (<c>cgroup/getsockopt</c>), sysctl, device
/// and sock_ops programs — to a cgroup v2 directory by bpf_link. The program runs for every process in the cgroup and
/// its descendants.</summary>
public static class Cgroup
{
    /// <summary>Attaches <paramref name="program"/> to the cgroup at <paramref name="cgroupPath"/> at the hook
    /// <paramref name="attachType"/>. Other programs attached to the cgroup stay (links attach in multi mode).</summary>
    /// <remarks>Minimum kernel: Linux 5.7 (cgroup links); each hook has its own (skb 4.10, sock_addr 4.17, sockopt 5.3).</remarks>
    /// <param name="program">A loaded cgroup program; hooks other than skb ingress/egress also need it loaded with
    /// <paramref name="attachType"/> as its expected attach type (the section name sets it).</param>
    /// <param name="cgroupPath">A cgroup v2 directory, e.g. <c>/sys/fs/cgroup/my.slice</c>.</param>
    /// <param name="attachType">The hook, e.g. <see cref="AttachType.CgroupInetEgress"/> or <see cref="AttachType.CgroupInet4Connect"/>.</param>
    /// <returns>The link; pin it to keep the program attached after this process exits.</returns>
    /// <exception cref="ArgumentException">The program is not a cgroup program.</exception>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    /// <exception cref="BpfException">The kernel refused: EINVAL when the program type, its expected attach type and the
    /// hook do not match; EBADF when the directory is not in a cgroup v2 hierarchy.</exception>
    public static BpfLink Attach(Program program, string cgroupPath, AttachType attachType)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentException.ThrowIfNullOrEmpty(cgroupPath);
        if (program.Type is not (ProgramType.CgroupSkb or ProgramType.CgroupSock or ProgramType.CgroupSockAddr or ProgramType.CgroupSockopt
            or ProgramType.CgroupSysctl or ProgramType.CgroupDevice or ProgramType.SockOps))
            throw new ArgumentException($"program '{program.Name}' is a {program.Type} program, not a cgroup program", nameof(program));
        if (!Directory.Exists(cgroupPath))
            throw new DirectoryNotFoundException($"no cgroup directory {cgroupPath}");

        var description = $"cgroup {attachType} link on {cgroupPath} for program '{program.Name}'";
        using var cgroup = FileDescriptors.OpenDirectory(cgroupPath);
        using var programLease = new SafeBpfFdLease(program.Handle);
        using var cgroupLease = new SafeBpfFdLease(cgroup);
        var attr = new LinkCreateAttr { ProgramFd = programLease.Fd, Target = cgroupLease.Fd, AttachType = (uint)attachType };
        var handle = BpfLink.Create(ref attr, description, errno => errno switch
        {
            Errno.EINVAL => $"a {program.Type} program cannot attach at {attachType}, or it was loaded for another attach type (the section name decides)",
            Errno.EBADF => $"{cgroupPath} is not a cgroup v2 directory",
            _ => null,
        });
        return new BpfLink(handle, description);
    }
}
