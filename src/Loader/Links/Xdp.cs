using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>Attaches XDP programs to network interfaces, by XDP link where the kernel has it and by netlink otherwise.</summary>
public static class Xdp
{
    /// <summary>Attaches <paramref name="program"/> to the interface named <paramref name="interfaceName"/> in the calling
    /// thread's network namespace.</summary>
    /// <remarks>Minimum kernel: Linux 5.9 for links, 4.8 for netlink. Needs CAP_NET_ADMIN.</remarks>
    /// <param name="program">An <see cref="ProgramType.Xdp"/> program.</param>
    /// <param name="interfaceName">The interface's name.</param>
    /// <param name="options">Method, mode and replacement; null for defaults.</param>
    /// <returns>An <see cref="XdpLink"/> or a <see cref="NetlinkXdpLink"/>; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="BpfException">The kernel refused (a <see cref="NetlinkException"/> for netlink); nothing is left attached.</exception>
    public static Link Attach(Program program, string interfaceName, XdpAttachOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireXdp(program);
        options ??= new XdpAttachOptions();
        switch (options.Method)
        {
            case XdpAttachMethod.Link:
                return XdpLink.Attach(program, interfaceName, options.Mode);
            case XdpAttachMethod.Netlink:
                return NetlinkXdpLink.Attach(program, interfaceName, options.Mode, options.Replace);
            default:
                int interfaceIndex = NetworkInterfaces.IndexOf(interfaceName);
                try
                {
                    return XdpLink.Attach(program, interfaceIndex, options.Mode);
                }
                catch (BpfException failure) when (failure.Errno == Errno.EINVAL && options.Mode != XdpMode.Offload)
                {
                    // Kernels before 5.9 do not know BPF_XDP links and answer EINVAL.
                    return NetlinkXdpLink.Attach(program, interfaceName, options.Mode, options.Replace);
                }
        }
    }
}
