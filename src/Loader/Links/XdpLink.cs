using Sharp.Bpf.Interop;

namespace Sharp.Bpf.Links;

/// <summary>An XDP program attached to an interface through an XDP link (<c>BPF_LINK_CREATE</c> with <c>BPF_XDP</c>).
/// The kernel refuses to let netlink or another link replace it, and detaches it when the link closes.</summary>
/// <remarks>Minimum kernel: Linux 5.9. Needs CAP_NET_ADMIN. <see cref="BpfLink.Update"/> swaps the program atomically.</remarks>
public sealed class XdpLink : BpfLink
{
    XdpLink(SafeBpfFd handle, string description, int interfaceIndex, XdpMode mode) : base(handle, description)
    {
        InterfaceIndex = interfaceIndex;
        Mode = mode;
    }

    /// <summary>The index of the interface the program is attached to.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The mode that was asked for.</summary>
    public XdpMode Mode { get; }

    /// <summary>Attaches <paramref name="program"/> to the interface named <paramref name="interfaceName"/> in the calling
    /// thread's network namespace.</summary>
    /// <param name="program">An <see cref="ProgramType.Xdp"/> program.</param>
    /// <param name="interfaceName">The interface's name.</param>
    /// <param name="mode">Where the program runs.</param>
    /// <returns>The link; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    /// <exception cref="NetworkInterfaceNotFoundException">No interface has that name; the message lists those that exist.</exception>
    /// <exception cref="BpfException">The kernel refused: EBUSY when another XDP program is attached, EOPNOTSUPP when the
    /// driver lacks the mode, EPERM without CAP_NET_ADMIN, EINVAL before Linux 5.9.</exception>
    public static XdpLink Attach(Program program, string interfaceName, XdpMode mode = XdpMode.Auto)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireXdp(program);
        return Attach(program, NetworkInterfaces.IndexOf(interfaceName), interfaceName, mode);
    }

    /// <summary>Attaches <paramref name="program"/> to the interface with index <paramref name="interfaceIndex"/>.</summary>
    /// <param name="program">An <see cref="ProgramType.Xdp"/> program.</param>
    /// <param name="interfaceIndex">The interface's index.</param>
    /// <param name="mode">Where the program runs.</param>
    /// <returns>The link; dispose it to detach.</returns>
    /// <exception cref="ArgumentException">The program is not an XDP program.</exception>
    /// <exception cref="BpfException">The kernel refused, as for the by-name overload.</exception>
    public static XdpLink Attach(Program program, int interfaceIndex, XdpMode mode = XdpMode.Auto)
    {
        ArgumentNullException.ThrowIfNull(program);
        ProgramTypeChecks.RequireXdp(program);
        return Attach(program, interfaceIndex, $"interface index {interfaceIndex}", mode);
    }

    static XdpLink Attach(Program program, int interfaceIndex, string interfaceText, XdpMode mode)
    {
        var description = $"XDP link ({XdpFlags.Name(mode)}) of program '{program.Name}' on {interfaceText}";
        using var lease = new SafeBpfFdLease(program.Handle);
        var attr = new LinkCreateAttr
        {
            ProgramFd = lease.Fd,
            Target = (uint)interfaceIndex,
            AttachType = (uint)AttachType.Xdp,
            Flags = XdpFlags.Of(mode),
        };
        var handle = Create(ref attr, description, errno => XdpFlags.Advice(errno, mode, interfaceText)
            ?? (errno == Errno.EINVAL ? "XDP links need Linux 5.9; use netlink (XdpAttachMethod.Netlink) on older kernels" : null));
        return new XdpLink(handle, description, interfaceIndex, mode);
    }
}
