using Sharp.Bpf.Features;

namespace Sharp.Bpf.Links;

/// <summary>Attaches tc (sched_cls) programs to network interfaces, by TCX link where the kernel has it and by netlink
/// clsact + cls_bpf otherwise.</summary>
public static class Tc
{
    /// <summary>Attaches <paramref name="program"/> to the <paramref name="direction"/> hook of the interface named
    /// <paramref name="interfaceName"/> in the calling thread's network namespace. With <see cref="TcAttachMethod.Auto"/>
    /// the cached <see cref="NetworkFeatures.TcxLinks"/> probe decides between TCX and netlink.</summary>
    /// <remarks>Minimum kernel: Linux 6.6 for TCX, 4.5 for netlink. Needs CAP_NET_ADMIN.</remarks>
    /// <param name="program">A <see cref="ProgramType.SchedClassifier"/> program.</param>
    /// <param name="interfaceName">The interface's name, e.g. <c>eth0</c>.</param>
    /// <param name="direction">Ingress or egress.</param>
    /// <param name="options">The method and its options; null for defaults.</param>
    /// <returns>A <see cref="TcxLink"/> or a <see cref="NetlinkTcLink"/>; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not a sched_cls program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="InvalidOperationException">Netlink: the interface has an <c>ingress</c> qdisc.</exception>
    /// <exception cref="BpfException">The kernel refused (a <see cref="NetlinkException"/> for netlink); nothing is left attached.</exception>
    public static Link Attach(Program program, string interfaceName, TcDirection direction, TcAttachOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireClassifier(program);
        options ??= new TcAttachOptions();
        int interfaceIndex = NetworkInterfaces.IndexOf(interfaceName);
        bool useTcx = options.Method switch
        {
            TcAttachMethod.Tcx => true,
            TcAttachMethod.Netlink => false,
            _ => NetworkFeatures.TcxLinks.IsPresent,
        };
        return useTcx
            ? TcxLink.Attach(program, interfaceName, direction, options.Anchor)
            : NetlinkTcLink.Attach(program, interfaceName, direction, options.Priority, options.Handle, options.Replace);
    }
}
